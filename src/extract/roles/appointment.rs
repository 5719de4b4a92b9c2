//! Appointments: "X was named chief executive of Acme", "Acme appointed X (as) its treasurer",
//! "X has been elected chairman of the Beta Council", "X joined Acme as chief economist".
//!
//! The verb links a person to a title that does not touch the name. Only verbs that give a
//! role to the person are read ("named", "appointed", "elected", "joined ... as"), so "X met
//! the president of Acme" says nothing about X. A nomination, or an appointment still to
//! come ("will be named"), is a designate.

use super::context::Reading;
use super::membership;
use super::view::View;
use crate::extract::model::{Entity, Membership, MentionKind, Qualifier};
use crate::text::Span;

/// Verbs that make their object (or, in the passive, their subject) the holder of a title.
const APPOINTING: &[&str] = &[
    "named",
    "appointed",
    "reappointed",
    "installed",
    "elected",
    "re-elected",
    "reelected",
    "chosen",
    "nominated",
    "promoted",
    "hired",
    "tapped",
    "picked",
    "selected",
    "designated",
    "confirmed",
    "sworn",
    "made",
];

/// Words between the person and a passive appointing verb ("was named", "has been elected").
const AUXILIARIES: &[&str] = &[
    "was",
    "is",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "recently",
    "also",
    "just",
    "formally",
    "officially",
    "later",
];

/// Verbs of "X joined Acme as chief economist".
const JOINING: &[&str] = &["joined", "joins", "rejoined", "join"];

/// The membership of the person an appointing verb gives the title to; `None` when no such
/// verb stands before the title.
pub(super) fn read(
    view: &View,
    reading: &Reading,
    sentence: usize,
    entities: &[Entity],
) -> Option<Option<Membership>> {
    let mut reading = reading.clone();
    // Back from the title over "as", a determiner and "new": "named as the new president".
    let mut k = reading.left.checked_sub(1)?;
    if view.lower(k) == "new" {
        k = k.checked_sub(1)?;
    }
    if matches!(view.lower(k).as_str(), "the" | "a" | "an") {
        k = k.checked_sub(1)?;
    }
    let as_ = view.lower(k) == "as";
    if as_ {
        k = k.checked_sub(1)?;
    }
    // "sworn in as".
    if as_ && view.lower(k) == "in" && k > 0 && view.lower(k - 1) == "sworn" {
        k -= 1;
    }
    let word = view.lower(k);
    if APPOINTING.contains(&word.as_str()) {
        // Passive: "X was named (as) chief executive".
        let verb = k;
        let mut j = verb.checked_sub(1)?;
        let mut future = false;
        while AUXILIARIES.contains(&view.lower(j).as_str()) {
            future |= matches!(view.lower(j).as_str(), "will" | "would");
            j = j.checked_sub(1)?;
        }
        let person = if j + 1 < verb {
            view.mention_ending_at(j)
                .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        } else {
            None
        };
        let pm = person?;
        let designate = future || word == "nominated";
        let from = view.range(pm).0;
        return given(view, reading, pm, from, designate, sentence, entities);
    }
    // Active: "Acme named X (as) chief executive".
    if let Some(pm) = view
        .mention_ending_at(k)
        .filter(|&m| view.mentions[m].kind == MentionKind::Person)
    {
        let (first, _) = view.range(pm);
        let verb = first.checked_sub(1)?;
        if !APPOINTING.contains(&view.lower(verb).as_str()) {
            return None;
        }
        if reading.organization.is_none() {
            reading.organization = subject_organization(view, verb, entities);
        }
        let designate = view.lower(verb) == "nominated";
        return given(view, reading, pm, verb, designate, sentence, entities);
    }
    // "X joined Acme as chief economist".
    if as_ {
        let om = view
            .mention_ending_at(k)
            .filter(|&m| view.is_organization(m, entities))?;
        let (first, _) = view.range(om);
        let mut verb = first.checked_sub(1)?;
        if view.lower(verb) == "the" {
            verb = verb.checked_sub(1)?;
        }
        if !JOINING.contains(&view.lower(verb).as_str()) {
            return None;
        }
        let mut j = verb.checked_sub(1)?;
        while AUXILIARIES.contains(&view.lower(j).as_str()) || view.lower(j) == "to" {
            j = j.checked_sub(1)?;
        }
        if view.word(j) == "," && view.lower(j + 1) == "who" {
            j = j.checked_sub(1)?;
        }
        let pm = view
            .mention_ending_at(j)
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)?;
        if reading.organization.is_none() {
            reading.organization = view.mentions[om].entity;
        }
        let span = Span::new(
            view.mentions[pm].span.start,
            view.tokens[reading.right].span.end,
        );
        return Some(membership(
            reading,
            view.mentions[pm].entity?,
            sentence,
            span,
            "joined-as",
            entities,
        ));
    }
    None
}

/// The appointment of person mention `pm` to the title of `reading`, stated from token `from`
/// to the title's end; a designate when the appointment is still to come.
fn given(
    view: &View,
    mut reading: Reading,
    pm: usize,
    from: usize,
    designate: bool,
    sentence: usize,
    entities: &[Entity],
) -> Option<Option<Membership>> {
    if designate {
        reading.qualifiers.push(Qualifier::Designate);
    }
    let span = Span::new(
        view.tokens[from].span.start,
        view.tokens[reading.right].span.end,
    );
    Some(membership(
        reading,
        view.mentions[pm].entity?,
        sentence,
        span,
        "appointment",
        entities,
    ))
}

/// True when an appointing verb stands right before the person mention `m` ("named Ann Lee
/// chief executive"): the title after the name is given to her, not held for her.
pub(super) fn after_appointing_verb(view: &View, m: usize) -> bool {
    let (first, _) = view.range(m);
    first
        .checked_sub(1)
        .is_some_and(|v| APPOINTING.contains(&view.lower(v).as_str()))
}

/// The organization that is the subject of the appointing verb at `verb`: "Acme named",
/// "Acme has appointed".
fn subject_organization(view: &View, verb: usize, entities: &[Entity]) -> Option<usize> {
    let mut j = verb.checked_sub(1)?;
    while matches!(
        view.lower(j).as_str(),
        "has" | "have" | "had" | "on" | "today" | "also"
    ) {
        j = j.checked_sub(1)?;
    }
    let m = view.mention_ending_at(j)?;
    view.is_organization(m, entities)
        .then(|| view.mentions[m].entity)
        .flatten()
}
