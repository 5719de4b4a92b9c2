//! "X of ORG" without a title: "said Ann Lee of the Acme Institute", "Ann Lee of Acme said",
//! "Dr. Ann Lee of Acme", "Ann Lee, 47, of Acme", "Ann Lee, of Acme, said", "Ann Lee of Acme and
//! Tom Ray of Beta", and
//! "X at ORG" the same way ("Ann Lee at the Acme Institute found").
//!
//! News names a person's employer this way when it quotes them, so the shape is read only where
//! the sentence says it is such a naming: a verb of saying right before the name or right after
//! the organization, a form of address or rank before the name, or an age between commas; and
//! "X at the Acme Institute" as the subject of a clause ("In optics, X at the Acme Institute has
//! built ..."), where the organization is one of research or teaching (a hotel or a court says
//! only where X was). The
//! organization must be one (not a place: "X of Ohio" says where X lives). Names listed
//! together before the organization ("X and Y of Acme") are such a naming too. A conjunct shares
//! what its partner shows: "X of Acme and Y of Beta said", "X and Y of Acme say". The role is
//! "member", the membership of the W3C organization ontology.

use super::context::Reading;
use super::membership;
use super::view::View;
use crate::extract::lexicon::Lexicons;
use crate::extract::model::{Entity, Membership, MentionKind};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// Verbs of saying that stand right before the name ("said Ann Lee of Acme").
const SAYING_BEFORE: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "explained",
    "noted",
    "wrote",
    "warned",
    "asked",
];

/// Verbs of saying that stand right after the organization ("Ann Lee of Acme said").
const SAYING_AFTER: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "added",
    "explained",
    "noted",
    "wrote",
    "warned",
    "argued",
    "testified",
    "predicted",
    "estimated",
    "reported",
    "announced",
    "agreed",
    "believes",
    "thinks",
    "found",
    "discovered",
    "developed",
];

/// One "X of ORG" found in the sentence.
struct Found {
    person: usize,
    organization: usize,
    /// First token of the person (or of the title before it), last of the organization.
    first: usize,
    last: usize,
    /// The sentence says this is a naming.
    shown: bool,
}

/// Memberships of "X of ORG" in the sentence of `view`.
pub(super) fn read(
    view: &View,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let mut found: Vec<Found> = Vec::new();
    let mut t = 0;
    while t < view.tokens.len() {
        let Some(pm) = view
            .mention_starting_at(t)
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        else {
            t += 1;
            continue;
        };
        let (first, last) = view.range(pm);
        t = last + 1;
        let mut k = last + 1;
        let aged = view.after_age(k).is_some();
        if let Some(after) = view.after_age(k) {
            k = after;
        }
        // "Ann Lee, of the Acme Association, said": only with the verb after the commas.
        let set_off = !aged && view.word(k) == "," && view.lower(k + 1) == "of";
        if set_off {
            k += 1;
        }
        let preposition = view.lower(k);
        if !matches!(preposition.as_str(), "of" | "at") {
            continue;
        }
        k += 1;
        if view.lower(k) == "the" {
            k += 1;
        }
        let k = super::context::after_ordinal(view, k);
        // "of the law firm of Acme Partners", "of the investment bank Acme".
        let k = if view.mention_starting_at(k).is_none() {
            super::context::after_description(view, k)
        } else {
            k
        };
        // "of New York's Acme School of Medicine".
        let k = super::context::after_qualifying_place(view, k);
        let Some(om) = view
            .mention_starting_at(k)
            .filter(|&m| view.is_organization(m, entities))
        else {
            continue;
        };
        let (_, o_last) = view.range(om);
        // A form of address before the name: "Dr. Ann Lee of Acme".
        let start = view.before_address(first, lex);
        let addressed = start < first;
        let before = start
            .checked_sub(1)
            .is_some_and(|j| SAYING_BEFORE.contains(&view.lower(j).as_str()))
            || start >= 2 && view.lower(start - 1) == "to" && view.lower(start - 2) == "according";
        let mut after = o_last + 1;
        // "of Acme University's Beta School say": a member of both.
        let mut part = None;
        if view.tokens.get(after).map(|t| t.kind) == Some(TokenKind::Possessive) {
            if let Some(m) = view.mention_starting_at(after + 1) {
                after = view.range(m).1 + 1;
                part = Some(m).filter(|&m| view.is_organization(m, entities));
            } else if set_off {
                // "Ann Lee, of the Acme Agency's division of wetlands, said".
                after = unit_words_end(view, after + 1);
            }
        }
        // "Ann Lee of Acme in Houston said".
        if view.lower(after) == "in" {
            if let Some(next) = view.after_place(after + 1) {
                after = next;
            }
        }
        if set_off {
            if view.word(after) != "," {
                continue;
            }
            after += 1;
        }
        let said_after = SAYING_AFTER.contains(&view.lower(after).as_str());
        // "In chemistry, Ann Lee at the Acme Institute has found": the subject of a clause,
        // named with the organization before its verb.
        let subject = !set_off
            && preposition == "at"
            && starts_clause(view, start)
            && is_institution(view, om)
            && verb_at(view, after);
        // "Ann Lee and Tom Ray of Acme": names listed by their organization.
        let listed = start >= 2
            && view.lower(start - 1) == "and"
            && view
                .mention_ending_at(start - 2)
                .is_some_and(|m| view.mentions[m].kind == MentionKind::Person);
        let (Some(person), Some(organization)) =
            (view.mentions[pm].entity, view.mentions[om].entity)
        else {
            continue;
        };
        let shown = said_after || subject || !set_off && (before || aged || addressed || listed);
        found.push(Found {
            person,
            organization,
            first: start,
            last: o_last,
            shown,
        });
        if let Some((inner, inner_last)) =
            part.and_then(|m| Some((view.mentions[m].entity?, view.range(m).1)))
        {
            found.push(Found {
                person,
                organization: inner,
                first: start,
                last: inner_last,
                shown,
            });
        }
        t = o_last + 1;
    }
    // "X of Acme and Y of Beta": what one conjunct shows holds for both.
    for i in 1..found.len() {
        let joined =
            view.lower(found[i - 1].last + 1) == "and" && found[i].first == found[i - 1].last + 2;
        if joined {
            let shown = found[i - 1].shown || found[i].shown;
            found[i - 1].shown = shown;
            found[i].shown = shown;
        }
    }
    let mut out = Vec::new();
    for f in &found {
        if f.shown {
            out.extend(member(
                view,
                f.person,
                f.organization,
                f.first,
                f.last,
                sentence,
                entities,
            ));
        }
    }
    // "X and Y of Acme said": the first name shares the second's organization.
    for f in found.iter().filter(|f| f.shown) {
        let Some(and) = f.first.checked_sub(1) else {
            continue;
        };
        if view.lower(and) != "and" {
            continue;
        }
        let Some(pm) = and
            .checked_sub(1)
            .and_then(|j| view.mention_ending_at(j))
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        else {
            continue;
        };
        let (first, _) = view.range(pm);
        if let Some(person) = view.mentions[pm].entity {
            out.extend(member(
                view,
                person,
                f.organization,
                first,
                f.last,
                sentence,
                entities,
            ));
        }
    }
    out
}

/// From token `k`, the end of a lower-case unit name set off by commas ("division of
/// groundwater and wetlands" in "Ann Lee, of the Acme Agency's division of groundwater and
/// wetlands, said"): the token after it when it is a comma, else `k`.
fn unit_words_end(view: &View, k: usize) -> usize {
    let mut end = k;
    while end < k + 8
        && view.owner.get(end).is_some_and(Option::is_none)
        && view
            .tokens
            .get(end)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && view.word(end).chars().all(|c| c.is_lowercase() || c == '-')
    {
        end += 1;
    }
    if end > k && view.word(end) == "," {
        end
    } else {
        k
    }
}

/// Auxiliaries and common past tenses that may follow a clause's subject.
const VERBS_AFTER_SUBJECT: &[&str] = &[
    "has", "have", "had", "is", "was", "will", "would", "can", "could", "won", "made", "led",
    "took", "gave", "began", "became", "saw", "met", "ran", "held", "built", "sold", "bought",
    "wrote", "sent", "kept", "lost", "said", "says", "told", "found",
];

/// Heads of organizations where people work as researchers or teachers: "Ann Lee at the Acme
/// Institute" names her employer, "Ann Lee at the Acme Hotel" only where she was.
const INSTITUTION_HEADS: &[&str] = &[
    "Institute",
    "Institution",
    "University",
    "College",
    "Academy",
    "Laboratory",
    "Laboratories",
    "Observatory",
    "School",
    "Center",
    "Centre",
];

/// True when the person starting at token `t` starts a clause: at the start of the sentence,
/// after a comma, or after "and".
fn starts_clause(view: &View, t: usize) -> bool {
    t == 0 || matches!(view.lower(t - 1).as_str(), "," | ";" | "and")
}

/// True when organization mention `m` is an institution of research or teaching.
fn is_institution(view: &View, m: usize) -> bool {
    view.mentions[m]
        .text
        .split_whitespace()
        .any(|w| INSTITUTION_HEADS.contains(&w))
}

/// True when the word at token `t` (past "also") is a verb of the clause: an auxiliary, a
/// common past tense, or a lower-case word ending in "-ed".
fn verb_at(view: &View, t: usize) -> bool {
    let t = if view.lower(t) == "also" { t + 1 } else { t };
    let w = view.word(t);
    if !w.starts_with(|c: char| c.is_lowercase()) || view.owner.get(t).is_some_and(Option::is_some)
    {
        return false;
    }
    VERBS_AFTER_SUBJECT.contains(&w)
        || w.len() > 4 && w.ends_with("ed") && !crate::extract::sentence_work::is_function_word(w)
}

/// The "member" membership of `person` in `organization`, stated from token `first` to `last`.
fn member(
    view: &View,
    person: usize,
    organization: usize,
    first: usize,
    last: usize,
    sentence: usize,
    entities: &[Entity],
) -> Option<Membership> {
    let reading = Reading::position("member", Some(organization), (first, last), true);
    let span = Span::new(view.tokens[first].span.start, view.tokens[last].span.end);
    membership(
        reading,
        person,
        sentence,
        span,
        "name-of-organization",
        entities,
    )
}
