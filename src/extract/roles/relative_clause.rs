//! Relative clauses with a verb of leading or working: "X, who heads Acme", "X, who founded the
//! Beta Institute", "X, who works for Acme", "X, who headed Acme before ...", "X, 70, who owned
//! the failed Acme Bank" (an age between commas, one describing word), and the same verb
//! right after its subject ("X heads Acme", "X covers the courts for Acme"), and at the end of
//! the person's apposition ("X, a Republican from Ohio who served in Congress").
//! "served [24 years] in/on ORG" and the perfect "has been with/on ORG" make a member or an
//! employee.
//!
//! The verb is the role (heads → head, founded → founder, works for → employee). The past tense
//! of a verb of holding ("headed", "ran", "worked for") says the person held it before: the
//! membership is "former". Only an organization counts as the object: "X, who runs Texas" or
//! "who leads the team" says nothing this reader can name. (The clause with a title, "X, who is
//! the chief executive of Acme", is read with the apposition.)

use super::context::Reading;
use super::membership;
use super::view::{View, FOLLOWERS};
use crate::extract::lexicon::TitleKind;
use crate::extract::model::{Entity, Membership, MentionKind, Qualifier};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// Verb, preposition it needs (or ""), role, and whether the tense says "former".
const VERBS: &[(&str, &str, &str, bool)] = &[
    ("heads", "", "head", false),
    ("headed", "", "head", true),
    ("directs", "", "director", false),
    ("directed", "", "director", true),
    ("founded", "", "founder", false),
    ("co-founded", "", "co-founder", false),
    ("runs", "", "head", false),
    ("ran", "", "head", true),
    ("leads", "", "leader", false),
    ("chairs", "", "chair", false),
    ("chaired", "", "chair", true),
    ("manages", "", "manager", false),
    ("managed", "", "manager", true),
    ("owns", "", "owner", false),
    ("owned", "", "owner", true),
    ("edits", "", "editor", false),
    ("coaches", "", "coach", false),
    ("operates", "", "operator", false),
    ("works", "for", "employee", false),
    ("works", "at", "employee", false),
    ("works", "with", "employee", false),
    ("worked", "for", "employee", true),
    ("worked", "at", "employee", true),
    ("teaches", "at", "teacher", false),
    ("taught", "at", "teacher", true),
    ("covers", "for", "reporter", false),
    ("covered", "for", "reporter", false),
    ("writes", "for", "writer", false),
    ("wrote", "for", "writer", true),
    ("serves", "on", "member", false),
    ("serves", "in", "member", false),
    ("served", "on", "member", true),
    ("served", "in", "member", true),
    // Only in the perfect: "who has been with Acme since 1990", "has been on the Acme Board".
    ("been", "with", "employee", false),
    ("been", "on", "member", false),
];

/// Words of a span of time between "served" and where ("served 24 years in Congress", "served
/// two terms on the board").
const DURATION: &[&str] = &[
    "for", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "years", "year",
    "terms", "term", "decades", "decade", "months",
];

/// Memberships of "X, who <verb> ORG" in the sentence of `view`.
pub(super) fn read(view: &View, sentence: usize, entities: &[Entity]) -> Vec<Membership> {
    let mut out = Vec::new();
    let mut t = 0;
    while t < view.tokens.len() {
        let Some(pm) = view
            .mention_starting_at(t)
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        else {
            t += 1;
            continue;
        };
        let (_, p) = view.range(pm);
        t = p + 1;
        // "X, who heads", "X, 70, who heads", "X who heads", or the subject itself: "X heads".
        let aged = view.after_age(p + 1).is_some();
        let comma = if aged { p + 3 } else { p + 1 };
        let relative =
            view.lower(comma) == "who" || view.word(comma) == "," && view.lower(comma + 1) == "who";
        // "X, a Republican from Ohio who served in Congress": the clause ends X's apposition.
        let apposed = if relative || view.word(comma) != "," {
            None
        } else {
            apposition_who(view, comma, p)
        };
        if aged && !relative && apposed.is_none() {
            continue;
        }
        let relative = relative || apposed.is_some();
        let who = if let Some(who) = apposed {
            who
        } else if view.word(comma) == "," {
            comma + 1
        } else {
            comma
        };
        let t = if relative { who } else { p };
        let mut v = t + 1;
        let mut perfect = false;
        while matches!(
            view.lower(v).as_str(),
            "now" | "currently" | "also" | "still" | "has" | "had" | "once"
        ) {
            perfect |= view.lower(v) == "has";
            v += 1;
        }
        let verb = view.lower(v);
        if verb == "been" && !perfect {
            continue;
        }
        // "has headed" is current; "had headed" is not.
        let verb = match verb.as_str() {
            "headed" | "directed" | "run" | "led" | "chaired" | "managed" | "worked" if perfect => {
                present(&verb)
            }
            _ => verb,
        };
        for &(form, preposition, role, past) in VERBS {
            if form != verb {
                continue;
            }
            let mut k = v + 1;
            // "covers the courts for Acme": what is covered stands before "for".
            if matches!(form, "covers" | "covered") {
                while k < v + 6
                    && view.lower(k) != "for"
                    && !view.owner[k].is_some_and(|m| view.mentions[m].kind == MentionKind::Person)
                {
                    k += 1;
                }
            }
            if matches!(form, "served" | "serves") {
                while k < v + 4 && (DURATION.contains(&view.lower(k).as_str()) || view.is_age(k)) {
                    k += 1;
                }
            }
            if !preposition.is_empty() {
                if view.lower(k) != preposition {
                    continue;
                }
                k += 1;
            }
            if view.lower(k) == "the" {
                k += 1;
                // "who owned the failed Acme Bank": one describing word before the name.
                if view.mention_starting_at(k).is_none()
                    && super::context::is_modifier(view, k)
                    && view.mention_starting_at(k + 1).is_some()
                {
                    k += 1;
                }
            }
            let Some(om) = view
                .mention_starting_at(k)
                .filter(|&m| view.is_organization(m, entities))
            else {
                continue;
            };
            let (_, last) = view.range(om);
            let last = super::context::unit_tail(view, last);
            // The organization ends its noun phrase: "X owns Acme shares" is no ownership.
            let closes = view
                .tokens
                .get(last + 1)
                .map_or(true, |tok| tok.kind == TokenKind::Punct)
                || FOLLOWERS.contains(&view.lower(last + 1).as_str());
            if !closes {
                continue;
            }
            let reading = Reading {
                role: role.to_string(),
                kind: TitleKind::Position,
                organization: view.mentions[om].entity,
                qualifiers: if past {
                    vec![Qualifier::Former]
                } else {
                    Vec::new()
                },
                left: t,
                right: last,
                comma_ok: false,
                organization_after: true,
            };
            let Some(person) = view.mentions[pm].entity else {
                break;
            };
            let rule = if relative {
                "relative-clause-verb"
            } else {
                "subject-verb"
            };
            // "X taught at Acme University and the Beta College": each object, in turn.
            let mut objects = vec![(view.mentions[om].entity, last)];
            let mut end = last;
            while let Some((o, o_last)) =
                super::context::coordinated_organization(view, end, entities)
            {
                objects.push((Some(o), o_last));
                end = o_last;
            }
            for (organization, o_last) in objects {
                let span = Span::new(view.mentions[pm].span.start, view.tokens[o_last].span.end);
                let reading = Reading {
                    organization,
                    right: o_last,
                    ..reading.clone()
                };
                out.extend(membership(reading, person, sentence, span, rule, entities));
            }
            break;
        }
    }
    out
}

/// The present-tense verb the perfect of `past` stands for ("has headed" → "heads").
fn present(past: &str) -> String {
    match past {
        "headed" => "heads",
        "directed" => "directs",
        "run" => "runs",
        "led" => "leads",
        "chaired" => "chairs",
        "managed" => "manages",
        "worked" => "works",
        other => other,
    }
    .to_string()
}

/// The "who" that ends the apposition after the person ending at token `person_last`, the
/// comma after it at `comma` ("X, a Republican from Ohio who ..."): within twelve words, past
/// no other person, comma or verb of saying (see [`super::apposition::apposition_head`]).
fn apposition_who(view: &View, comma: usize, person_last: usize) -> Option<usize> {
    let who = (comma + 2..comma + 14)
        .take_while(|&t| t < view.tokens.len() && view.word(t) != ",")
        .find(|&t| view.lower(t) == "who")?;
    let named = (comma + 1..who)
        .any(|t| view.owner[t].is_some_and(|m| view.mentions[m].kind == MentionKind::Person));
    let head = super::apposition::apposition_head(view, who - 1)?;
    (!named && head == person_last).then_some(who)
}
