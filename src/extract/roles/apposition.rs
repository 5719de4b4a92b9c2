//! The person before the title: apposition ("Yuri Ushakov, Putin's foreign policy adviser,
//! said"), relative clause ("Ann Lee, who is the chief executive of Acme") and copula ("Ann Lee
//! is the chief executive of Acme").
//!
//! In these shapes the title is read away from the name, so it must end its noun phrase: "X, a
//! host country official" has no title, and "X, the treasurer of <something not read>" names an
//! organization this reader missed, so the title alone would be a wrong fact. "appointed by Y"
//! after the title names the organization, "during his first term" a time qualifier.

use super::context::{is_describing_word, is_modifier, Reading};
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
    "will",
    "would",
    "be",
    "become",
    "becomes",
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
    let mut former = false;
    while described > 0 && q - described < 3 {
        if is_describing_word(view, described - 1) {
            described -= 1;
        } else if view.lower(described - 1) == "former" && described < q {
            // "a former Democratic member": the qualifier before a describing word.
            former = true;
            described -= 1;
        } else {
            break;
        }
    }
    if described < q
        && described > 0
        && matches!(view.lower(described - 1).as_str(), "the" | "a" | "an")
    {
        q = described;
        if former {
            reading.qualifiers.push(Qualifier::Former);
        }
    }
    // "X, seismic analyst at Y": one adjective between the comma and the title; "X, metals
    // economist with Y", "X, a feature reporter for Y": up to two lower-case words that modify
    // a title whose organization follows it.
    if q > 1 && view.word(q - 2) == "," && is_adjective(view, q - 1) {
        q -= 1;
    } else if reading.organization_after {
        let mut k = q;
        while k > 1 && q - k < 2 && is_modifier(view, k - 1) {
            k -= 1;
        }
        // k is 0 when the title opens the sentence ("President of Freedonia, Bo Rand, ...").
        let opens = k > 0
            && matches!(
                view.lower(k - 1).as_str(),
                "," | "a" | "an" | "the" | "another"
            );
        if k < q && opens {
            q = k;
        }
    }
    if q > 0 && matches!(view.lower(q - 1).as_str(), "the" | "a" | "an" | "another") {
        q -= 1;
    }
    let mut back = q.checked_sub(1)?;
    let mut linking = Vec::new();
    while LINKING.contains(&view.lower(back).as_str()) {
        linking.push(view.lower(back));
        back = back.checked_sub(1)?;
    }
    let (person_end, rule) = if linking.is_empty() {
        (view.word(back) == ",").then_some((aside_before(view, back)?, "apposition"))?
    } else {
        let verb = linking.iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "was"
                    | "serves"
                    | "served"
                    | "became"
                    | "been"
                    | "be"
                    | "become"
                    | "becomes"
            )
        });
        if !verb {
            return None;
        }
        // "X, who will become the newspaper's chairman": a title still to come.
        if linking.iter().any(|w| w == "will" || w == "would") {
            reading.qualifiers.push(Qualifier::Designate);
        }
        if linking.iter().any(|w| w == "who") {
            if view.word(back) == "," {
                (aside_before(view, back)?, "relative-clause")
            } else {
                // "X, a former director at Y who is now a partner at Z": the clause belongs to
                // the person the apposition before it describes.
                (apposition_head(view, back)?, "relative-clause")
            }
        } else if view.word(back) == "," {
            // "X, 58, was comptroller at Y".
            let person_end = aside_before(view, back)?;
            (person_end < back - 1).then_some((person_end, "copula"))?
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
    // "X, developer and envoy Y": coordinated titles belong to the name after them (but "X,
    // director of Acme and a member of Beta" are both X's).
    if matches!(view.lower(next).as_str(), "and" | "or" | ",") {
        let mut k = next + 1;
        if matches!(view.lower(k).as_str(), "the" | "a" | "an") {
            k += 1;
        }
        if let Some(m) = view
            .owner
            .get(k)
            .copied()
            .flatten()
            .filter(|&m| view.mentions[m].kind == MentionKind::Role)
        {
            let after = view.range(m).1 + 1;
            let named = view
                .mention_starting_at(after)
                .is_some_and(|p| view.mentions[p].kind == MentionKind::Person);
            if named || view.lower(next) == "," {
                return None;
            }
        }
    }
    let span = Span::new(
        view.mentions[pm].span.start,
        view.tokens[reading.right].span.end,
    );
    membership(reading, entity_of(pm)?, sentence, span, rule, entities)
}

/// True when token `t` is a lower-case adjective by its ending ("seismic", "regional",
/// "legislative"), and no mention.
fn is_adjective(view: &View, t: usize) -> bool {
    let w = view.word(t);
    view.owner.get(t).is_some_and(Option::is_none)
        && w.len() > 4
        && w.chars().all(char::is_lowercase)
        && ["ic", "al", "ive", "ous", "ary", "ial"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// The last token before the comma at `comma` that may end the person of an apposition: the
/// token right before it, or before a short aside between commas: an age ("X, 47, an
/// economist") or a party and state ("Sen. X, D-Calif., chairman of").
fn aside_before(view: &View, comma: usize) -> Option<usize> {
    let last = comma.checked_sub(1)?;
    if view.mention_ending_at(last).is_some() {
        return Some(last);
    }
    let open = (last.saturating_sub(5)..last)
        .rev()
        .find(|&t| view.word(t) == ",")?;
    let aside = view
        .text
        .get(view.tokens[open].span.end..view.tokens[comma].span.start)?
        .trim();
    let age = open + 2 == comma && view.is_age(open + 1);
    let party = aside.len() <= 10
        && matches!(aside.get(..2), Some("D-" | "R-" | "I-"))
        && aside[2..].starts_with(|c: char| c.is_ascii_uppercase());
    if age || party {
        open.checked_sub(1)
    } else {
        Some(last)
    }
}

/// The last token of the person an apposition describes, when token `end` ends that apposition
/// ("X, a former director at Y" with `end` on "Y"): the comma before it, within twelve words
/// and with no other comma between, must follow a person. A name counts as one word: "a
/// professor at Queens College of the City University of New York" is as short as "a
/// professor at Acme".
pub(super) fn apposition_head(view: &View, end: usize) -> Option<usize> {
    let mut j = end;
    let mut words = 0;
    while j > 0 && words < 12 {
        j -= 1;
        words += 1;
        if let Some(m) = view.mention_ending_at(j).filter(|&m| {
            matches!(
                view.mentions[m].kind,
                MentionKind::Organization | MentionKind::Place
            )
        }) {
            j = view.range(m).0;
            continue;
        }
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
