//! A title in the plural, held with others: "X, one of the directors of Acme", "X, one of the
//! senior partners at Acme", "X and other members of the Acme Party".
//!
//! The plural is no title mention (the lexicon lists titles in the singular), so this shape reads
//! the words: a plural whose singular is a title, then "of", "at" or "for" and an organization
//! that ends its noun phrase. The role is the singular ("director"). A plural without an
//! organization after it ("one of the directors", "and other members") says nothing this reader
//! can name.

use super::context::{is_describing_word, is_modifier, Reading};
use super::membership;
use super::view::View;
use crate::extract::lexicon::{Lexicons, TitleKind};
use crate::extract::model::{Entity, Membership, MentionKind};
use crate::text::Span;

/// Memberships of titles in the plural in the sentence of `view`.
pub(super) fn read(
    view: &View,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let mut out = Vec::new();
    for pm in view.mentions_in_sentence() {
        if view.mentions[pm].kind != MentionKind::Person {
            continue;
        }
        let Some(person) = view.mentions[pm].entity else {
            continue;
        };
        let (_, p) = view.range(pm);
        // "X, one of the directors of", "X and other members of".
        let k = if view.word(p + 1) == ","
            && view.lower(p + 2) == "one"
            && view.lower(p + 3) == "of"
            && view.lower(p + 4) == "the"
        {
            p + 5
        } else if view.lower(p + 1) == "and" && view.lower(p + 2) == "other" {
            p + 3
        } else {
            continue;
        };
        // One describing word: "one of the senior partners".
        let k = if view.owner.get(k).is_some_and(Option::is_none)
            && (is_describing_word(view, k) || is_modifier(view, k))
            && singular_title(view, k + 1, lex).is_some()
        {
            k + 1
        } else {
            k
        };
        let Some((role, kind)) = singular_title(view, k, lex) else {
            continue;
        };
        if !matches!(view.lower(k + 1).as_str(), "of" | "at" | "for") {
            continue;
        }
        let mut o = k + 2;
        if view.lower(o) == "the" {
            o += 1;
        }
        let Some(om) = view
            .mention_starting_at(o)
            .filter(|&m| view.is_organization(m, entities))
        else {
            continue;
        };
        let (_, last) = view.range(om);
        let last = super::context::bracket_tail(view, last);
        // The organization is not an owner: "one of the directors of Acme Corp.'s rival" names
        // another ("Corp." then "'s" is two punctuation tokens).
        if super::context::owns_next(view, last) {
            continue;
        }
        let reading = Reading {
            kind,
            ..Reading::position(&role, view.mentions[om].entity, (p + 1, last), true)
        };
        let span = Span::new(view.mentions[pm].span.start, view.tokens[last].span.end);
        out.extend(membership(
            reading,
            person,
            sentence,
            span,
            "plural-title",
            entities,
        ));
    }
    out
}

/// The singular of the plural word at token `k` when it is a title ("directors" → "director",
/// "secretaries" → "secretary", "spokesmen" → "spokesman"), with its kind; honorifics are none.
fn singular_title(view: &View, k: usize, lex: &Lexicons) -> Option<(String, TitleKind)> {
    if view.owner.get(k).is_some_and(Option::is_some) {
        return None;
    }
    let word = view.word(k);
    if !word.chars().all(|c| c.is_lowercase() || c == '-') {
        return None;
    }
    let singular = if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix("men") {
        format!("{stem}man")
    } else if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        stem.to_string()
    } else {
        return None;
    };
    let kind = lex.role_kind(&singular)?;
    (kind != TitleKind::Honorific).then_some((singular, kind))
}
