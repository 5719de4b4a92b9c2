//! Title before name: "Kremlin spokesperson Dmitry Peskov", "Acme spokeswoman Ann Lee", "the
//! head of X, Kirill Dmitriev", "Foreign Minister Jane Doe of Canada", "Army spokesman Maj. Ann
//! Lee" (a rank or honorific between the title and the name belongs to the name).
//!
//! The most common shape in news, and the least ambiguous: the title touches the name. A comma
//! between them is allowed only after a determiner, possessive or organization ("the head of X,
//! Name"), because "the president, Name" lists two people as often as it names one.

use super::context::Reading;
use super::membership;
use super::view::View;
use crate::extract::lexicon::Lexicons;
use crate::extract::model::{Entity, Membership, MentionKind};
use crate::text::Span;

/// The membership of the name right after the title; `None` when no name follows it (another
/// shape may still apply), `Some(None)` when one does but the title gives no membership.
pub(super) fn read(
    view: &View,
    reading: &Reading,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Option<Option<Membership>> {
    let mut p = reading.right + 1;
    // "Mercado's lawyer in Miami, Gabriel Ruiz": where the title is held may stand between.
    if view.lower(p) == "in" {
        if let Some(after) = view.after_place(p + 1) {
            if view.word(after) == "," {
                p = after;
            }
        }
    }
    let comma = view.word(p) == ",";
    if comma {
        p += 1;
        // "Acme's technical manager, engineer Ann Lee": her occupation, written small, before
        // the name.
        if let Some(r) = view.mention_starting_at(p).filter(|&r| {
            let role = &view.mentions[r];
            role.kind == MentionKind::Role && role.text.starts_with(char::is_lowercase)
        }) {
            let after = view.range(r).1 + 1;
            if view.adjacent(after - 1, after) {
                p = after;
            }
        }
    }
    let touching = comma || view.adjacent(reading.right, p);
    // "spokesman Lt. Ann Lee", "the head of X, Dr. Ann Lee": a rank or form of address before
    // the name.
    let p = view.after_address(p, lex);
    let pm = view.mention_starting_at(p)?;
    let person = &view.mentions[pm];
    if person.kind != MentionKind::Person || !touching || comma && !reading.comma_ok {
        return None;
    }
    let mut reading = reading.clone();
    let mut end = person.span.end;
    // "Foreign Minister Jane Doe of Canada".
    let (_, person_last) = view.range(pm);
    if reading.organization.is_none() && view.lower(person_last + 1) == "of" {
        let mut k = person_last + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        k = super::context::after_ordinal(view, k);
        // "Anatomist Ann Lee of New York's Acme School": the place qualifies the organization.
        k = super::context::after_qualifying_place(view, k);
        if let Some(m) = view.mention_starting_at(k) {
            let mention = &view.mentions[m];
            if matches!(mention.kind, MentionKind::Place | MentionKind::Organization)
                && mention.entity.is_some()
            {
                reading.organization = mention.entity;
                end = mention.span.end;
            }
        }
    }
    let span = Span::new(view.tokens[reading.left].span.start, end);
    Some(membership(
        reading,
        person.entity?,
        sentence,
        span,
        "title-before-name",
        entities,
    ))
}
