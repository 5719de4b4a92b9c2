//! "ORG, led by [title] X": "The RSP, led by former presenter Ana Rai", "The Houthi delegation
//! is led by chief negotiator X". The person leads the organization, with the title before the
//! name when there is one (and it is not a former one), else as its "leader"; "headed by",
//! "chaired by", "directed by", "founded by" and "run by" give the head, chair, director,
//! founder.
//!
//! A shape of its own because no title need be there: the verb says who leads.

use super::context::Reading;
use super::membership;
use super::view::{View, FOLLOWERS};
use crate::extract::lexicon::{Lexicons, TitleKind};
use crate::extract::model::{Entity, Membership, MentionKind};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// Words between an organization and "led by" ("The Houthi delegation is led by").
const LED_SUBJECTS: &[&str] = &[
    "delegation",
    "team",
    "side",
    "government",
    "coalition",
    "party",
    "movement",
    "group",
    "bloc",
    "alliance",
    "mission",
    "campaign",
    "opposition",
];

/// The verbs of "ORG, <verb> by X" and the role each gives the person.
const LEADING_VERBS: &[(&str, &str)] = &[
    ("led", "leader"),
    ("headed", "head"),
    ("chaired", "chair"),
    ("directed", "director"),
    ("founded", "founder"),
    ("co-founded", "co-founder"),
    ("run", "head"),
];

/// "The RSP, led by former presenter Ana Rai", "The Houthi delegation is led by chief negotiator
/// X": the person leads the organization, with the title before the name when there is one (and
/// it is not a former one), else as its leader.
pub(super) fn read(
    view: &View,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let mut out = Vec::new();
    for t in 1..view.tokens.len() {
        if view.lower(t + 1) != "by" {
            continue;
        }
        let verb = view.lower(t);
        let Some(&(_, verb_role)) = LEADING_VERBS.iter().find(|(v, _)| *v == verb) else {
            continue;
        };
        // The subject: Org [noun] [,] [is|was|are|were] led by.
        let mut k = t - 1;
        if matches!(
            view.lower(k).as_str(),
            "is" | "was" | "are" | "were" | "being"
        ) {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        if view.word(k) == "," {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        if view.owner[k].is_none() && LED_SUBJECTS.contains(&view.lower(k).as_str()) {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        let Some(org) = view
            .mention_ending_at(k)
            .filter(|&m| view.mentions[m].kind == MentionKind::Organization)
            .and_then(|m| view.mentions[m].entity)
        else {
            continue;
        };
        // The leader: [the] [former] [title | up to four lower-case words] Person.
        let mut p = t + 2;
        if view.lower(p) == "the" {
            p += 1;
        }
        let mut former = false;
        let mut title = None;
        let mut words = 0;
        let person = loop {
            if let Some(m) = view.mention_starting_at(p) {
                match view.mentions[m].kind {
                    MentionKind::Person => break Some(m),
                    MentionKind::Role if title.is_none() => {
                        title = Some(m);
                        p = view.range(m).1 + 1;
                        continue;
                    }
                    _ => break None,
                }
            }
            let w = view.lower(p);
            if matches!(w.as_str(), "former" | "ex") {
                former = true;
            } else if !(view
                .tokens
                .get(p)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && view.word(p).chars().all(char::is_lowercase)
                && !FOLLOWERS.contains(&w.as_str())
                && words < 4)
            {
                break None;
            }
            words += 1;
            p += 1;
        };
        let Some(pm) = person else { continue };
        let Some(person) = view.mentions[pm].entity else {
            continue;
        };
        let role = match title {
            // Only "led by" lets a title say the role: "founded by physicist X" is a founder.
            Some(m) if !former && verb == "led" => {
                let mention = &view.mentions[m];
                let role = mention
                    .value
                    .clone()
                    .unwrap_or_else(|| mention.text.clone());
                if lex.role_kind(&role) == Some(TitleKind::Honorific) {
                    continue;
                }
                role
            }
            _ => verb_role.to_string(),
        };
        let span = Span::new(view.tokens[k].span.start, view.mentions[pm].span.end);
        let reading = Reading::position(&role, Some(org), (k, p), false);
        let rule = if verb == "led" { "led-by" } else { "headed-by" };
        out.extend(membership(reading, person, sentence, span, rule, entities));
    }
    out
}
