//! Place names inside something else, for [`super::mentions`] (after the lexicon forms): a
//! place glued to a currency sign names money, and a place after "Air" names an airline.
//!
//! - **Currencies**: "US$ 7 billion", "HK$40", "A$": the country code before "$" is part of the
//!   currency, not a mention of the country.
//! - **Airlines**: "Air Canada", "Air India", "Air China" are companies; the country in them
//!   is their name, not a place mention. Only "Air" right before a place of the lexicon is read
//!   (never "Air Force", whose next word is no place).

use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::SentenceWork;
use crate::text::Span;

/// Reads currencies and airlines over the place candidates of one sentence.
pub(super) fn find_place_compounds(text: &str, work: &mut SentenceWork) {
    let mut dead = Vec::new();
    let mut airlines = Vec::new();
    for (c, cand) in work.candidates.iter().enumerate() {
        if !cand.alive || cand.kind != MentionKind::Place {
            continue;
        }
        let glued_dollar = work
            .tokens
            .get(cand.last + 1)
            .is_some_and(|t| t.span.start == cand.span.end && t.text(text) == "$");
        if glued_dollar {
            dead.push(c);
            continue;
        }
        let Some(air) = cand.first.checked_sub(1) else {
            continue;
        };
        if work.word(text, air) == "Air"
            && work.owner_of(air).is_none()
            && work.adjacent(text, air, cand.first)
        {
            airlines.push((air, cand.last));
        }
    }
    for c in dead {
        let (first, last) = (work.candidates[c].first, work.candidates[c].last);
        work.candidates[c].alive = false;
        for t in first..=last {
            if work.owner.get(t) == Some(&Some(c)) {
                work.owner[t] = None;
            }
        }
    }
    for (first, last) in airlines {
        let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        work.add(
            MentionKind::Organization,
            first,
            last,
            Some(clean_label(span.of(text))),
        );
    }
}
