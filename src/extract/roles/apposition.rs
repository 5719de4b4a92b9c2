//! The person before the title: apposition ("Yuri Ushakov, Putin's foreign policy adviser,
//! said"), relative clause ("Ann Lee, who is the chief executive of Acme") and copula ("Ann Lee
//! is the chief executive of Acme").
//!
//! In these shapes the title is read away from the name, so it must end its noun phrase: "X, a
//! host country official" has no title, and "X, the treasurer of <something not read>" names an
//! organization this reader missed, so the title alone would be a wrong fact. "appointed by Y"
//! after the title names the organization, "during his first term" a time qualifier.

use super::context::{is_describing_word, Reading};
use super::membership;
use super::view::{View, FOLLOWERS};
use crate::extract::model::{Entity, Membership, MentionKind, Qualifier};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// Words between a person and a title in a relative clause or a copula.
const LINKING: &[&str] = &[
    "who",
    "is",
    "was",
    "serves",
    "served",
    "as",
    "has",
    "had",
    "been",
    "became",
    "now",
    "currently",
];

/// The membership of the person the title describes from after the name.
pub(super) fn read(
    view: &View,
    mut reading: Reading,
    sentence: usize,
    entities: &[Entity],
) -> Option<Membership> {
    let entity_of = |m: usize| view.mentions[m].entity;
    let mut q = reading.left;
    // "a three-time former prime minister", "a veteran Brazilian diplomat": describing words
    // between the determiner and the title.
    let mut described = q;
    while described > 0 && q - described < 2 && is_describing_word(view, described - 1) {
        described -= 1;
    }
    if described < q
        && described > 0
        && matches!(view.lower(described - 1).as_str(), "the" | "a" | "an")
    {
        q = described;
    }
    if q > 0 && matches!(view.lower(q - 1).as_str(), "the" | "a" | "an") {
        q -= 1;
    }
    let mut back = q.checked_sub(1)?;
    let mut linking = Vec::new();
    while LINKING.contains(&view.lower(back).as_str()) {
        linking.push(view.lower(back));
        back = back.checked_sub(1)?;
    }
    let (person_end, rule) = if linking.is_empty() {
        (view.word(back) == ",").then_some((back.checked_sub(1)?, "apposition"))?
    } else {
        let verb = linking.iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "was" | "serves" | "served" | "became" | "been"
            )
        });
        if !verb {
            return None;
        }
        if linking.iter().any(|w| w == "who") {
            if view.word(back) == "," {
                (back.checked_sub(1)?, "relative-clause")
            } else {
                // "X, a former director at Y who is now a partner at Z": the clause belongs to
                // the person the apposition before it describes.
                (apposition_head(view, back)?, "relative-clause")
            }
        } else {
            (back, "copula")
        }
    };
    let pm = view.mention_ending_at(person_end)?;
    if view.mentions[pm].kind != MentionKind::Person {
        return None;
    }
    // The title must end its noun phrase.
    let mut next = reading.right + 1;
    if matches!(
        view.lower(next).as_str(),
        "appointed" | "named" | "nominated"
    ) && view.lower(next + 1) == "by"
    {
        let mut k = next + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        if let Some(m) = view.mention_starting_at(k) {
            if matches!(
                view.mentions[m].kind,
                MentionKind::Organization | MentionKind::Person | MentionKind::Place
            ) {
                if reading.organization.is_none() {
                    reading.organization = entity_of(m);
                }
                reading.right = view.range(m).1;
                next = reading.right + 1;
            }
        }
    }
    if view.lower(next) == "during" {
        let mut end = next;
        while end < next + 7
            && view
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            let w = view.lower(end + 1);
            if matches!(
                w.as_str(),
                "before" | "after" | "when" | "until" | "and" | "while"
            ) {
                break;
            }
            end += 1;
        }
        let span = Span::new(view.tokens[next].span.start, view.tokens[end].span.end);
        reading
            .qualifiers
            .push(Qualifier::During(span.of(view.text).to_string()));
        reading.right = end;
        next = end + 1;
    }
    let ends = match view.tokens.get(next) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) if t.kind == TokenKind::Possessive => false,
        Some(_) => FOLLOWERS.contains(&view.lower(next).as_str()),
    };
    if !ends {
        return None;
    }
    // "X, the treasurer of <something not read>": the text gives an organization this reader
    // missed, so the title alone would be a wrong fact.
    if reading.organization.is_none() && matches!(view.lower(next).as_str(), "of" | "at") {
        return None;
    }
    // "X, developer and envoy Y": coordinated titles belong to the name after them.
    if matches!(view.lower(next).as_str(), "and" | "or" | ",") {
        let mut k = next + 1;
        if matches!(view.lower(k).as_str(), "the" | "a" | "an") {
            k += 1;
        }
        if view
            .owner
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|m| view.mentions[m].kind == MentionKind::Role)
        {
            return None;
        }
    }
    let span = Span::new(
        view.mentions[pm].span.start,
        view.tokens[reading.right].span.end,
    );
    membership(reading, entity_of(pm)?, sentence, span, rule, entities)
}

/// The last token of the person an apposition describes, when token `end` ends that apposition
/// ("X, a former director at Y" with `end` on "Y"): the comma before it, within twelve tokens
/// and with no other comma between, must follow a person.
pub(super) fn apposition_head(view: &View, end: usize) -> Option<usize> {
    let mut j = end;
    while j > 0 && end - j < 12 {
        j -= 1;
        let w = view.word(j);
        if w == "," {
            let last = j.checked_sub(1)?;
            let m = view.mention_ending_at(last)?;
            return (view.mentions[m].kind == MentionKind::Person).then_some(last);
        }
        if view.tokens[j].kind == TokenKind::Punct
            || matches!(
                view.lower(j).as_str(),
                "who" | "which" | "said" | "says" | "and"
            )
        {
            return None;
        }
    }
    None
}
