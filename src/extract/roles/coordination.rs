//! Coordinated titles: "X, Acme president and chief executive officer", "president and chief
//! executive of Acme, X", "X, director of Acme and a member of the Beta Council" (also "and
//! honorary president of Beta", with words that modify the second title), "Acme
//! president and chief executive Ann Lee".
//!
//! Two titles joined by "and" describe one person, so the shapes read each title with the
//! person of the pair. The organization is shared only outwards: a title with none takes the
//! organization written before the first title ("Acme president and chief executive") or after
//! the second ("president and chief executive of Acme"), never one that sits between them ("the
//! chairman of Acme and President Ann Lee" are two people).

use super::apposition::apposition_head;
use super::context::{is_describing_word, is_modifier, Reading};
use super::membership;
use super::title_before_name;
use super::view::View;
use crate::extract::lexicon::Lexicons;
use crate::extract::model::{Entity, Membership, MentionKind};
use crate::text::Span;

/// The token of the conjunction after title reading `first`, and the first token of the title
/// after it (past a determiner), when `second` is that title.
fn joined(view: &View, first: &Reading, second: &Reading) -> bool {
    let and = first.right + 1;
    if !matches!(view.lower(and).as_str(), "and" | "&") {
        return false;
    }
    let mut k = and + 1;
    if matches!(view.lower(k).as_str(), "a" | "an" | "the") {
        k += 1;
    }
    second.left == k
}

/// Gives each title of a coordinated pair the organization the other has on its outer side.
pub(super) fn share_organizations(view: &View, readings: &mut [Option<Reading>]) {
    for i in 0..readings.len() {
        for j in 0..readings.len() {
            let (Some(a), Some(b)) = (&readings[i], &readings[j]) else {
                continue;
            };
            if i == j || !joined(view, a, b) {
                continue;
            }
            match (a.organization, b.organization) {
                (Some(o), None) if !a.organization_after => {
                    if let Some(b) = &mut readings[j] {
                        b.organization = Some(o);
                    }
                }
                (None, Some(o)) if b.organization_after => {
                    if let Some(a) = &mut readings[i] {
                        a.organization = Some(o);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The membership of title `i` read through its partner: the name after the second title
/// ("Acme president and chief executive Ann Lee") or the apposition before the first ("X,
/// director of Acme and a member of Beta"). `None` when title `i` is not in such a pair.
pub(super) fn read(
    view: &View,
    readings: &[Option<Reading>],
    i: usize,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Option<Option<Membership>> {
    let reading = readings.get(i)?.as_ref()?;
    for other in readings.iter().flatten() {
        // The first of the pair, with a name after the second: only with an organization, as
        // "developer and envoy X" says nothing about whom X develops for.
        if joined(view, reading, other) && reading.organization.is_some() {
            if let Some(Some(second)) =
                title_before_name::read(view, other, sentence, entities, lex)
            {
                let span = Span::new(view.tokens[reading.left].span.start, second.span.end);
                return Some(membership(
                    reading.clone(),
                    second.person,
                    sentence,
                    span,
                    "coordinated-titles",
                    entities,
                ));
            }
        }
    }
    // The second of the pair, in the apposition of the first: "X, director of Acme and a member
    // of Beta", "X, a spokesman for reform and president of Beta".
    let mut and = reading.left.checked_sub(1)?;
    // "and honorary president of Beta": up to two words that modify the second title.
    for _ in 0..2 {
        if is_modifier(view, and) || is_describing_word(view, and) {
            and = and.checked_sub(1)?;
        }
    }
    if matches!(view.lower(and).as_str(), "a" | "an" | "the") {
        and = and.checked_sub(1)?;
    }
    if view.lower(and) != "and" {
        return None;
    }
    let person_end = apposition_head(view, and)?;
    let owned_by =
        |t: usize, kind: MentionKind| view.owner[t].is_some_and(|m| view.mentions[m].kind == kind);
    let first_title = (person_end + 1..and).any(|t| owned_by(t, MentionKind::Role));
    let between_people = (person_end + 1..and).any(|t| owned_by(t, MentionKind::Person));
    if !first_title || between_people {
        return None;
    }
    if !title_ends(view, reading.right + 1) {
        return Some(None);
    }
    let pm = view.mention_ending_at(person_end)?;
    let span = Span::new(
        view.mentions[pm].span.start,
        view.tokens[reading.right].span.end,
    );
    Some(membership(
        reading.clone(),
        view.mentions[pm].entity?,
        sentence,
        span,
        "coordinated-titles",
        entities,
    ))
}

/// True when the token at `next` closes the noun phrase of a title read away from its name.
fn title_ends(view: &View, next: usize) -> bool {
    match view.tokens.get(next) {
        None => true,
        Some(t) if t.kind == crate::extract::tokens::TokenKind::Punct => true,
        Some(_) => super::view::FOLLOWERS.contains(&view.lower(next).as_str()),
    }
}
