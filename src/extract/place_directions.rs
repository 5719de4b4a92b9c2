//! A compass or position word written capitalised right before a place is part of the place's
//! name, for [`super::mentions`] (after the lexicon forms): "Northern Virginia" and "Southern
//! Ontario" are regions of their own, "East Lansing" is another town than Lansing. Read apart,
//! the place is the wrong one and the word is left over.
//!
//! So does a word that opens the name of a town or a site ("St. Albans", "Fort Hamilton").
//!
//! Only a word of `place_words.tsv` that no candidate covers joins, with nothing but a space
//! between; in capitals ("EAST LANSING") only before a place in capitals too, so that a
//! capitalised headline word does not.

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::SentenceWork;
use super::tokens::{is_all_caps, is_capitalized};
use crate::text::Span;

/// Joins the direction words to the places after them in one sentence.
pub(super) fn find_place_directions(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut joins = Vec::new();
    for cand in work
        .candidates
        .iter()
        .filter(|c| c.alive && c.kind == MentionKind::Place)
    {
        let Some(k) = cand.first.checked_sub(1) else {
            continue;
        };
        // "St. Albans": the abbreviation and its period, glued.
        let dotted = k >= 1
            && work.word(text, k) == "."
            && work.tokens[k - 1].span.end == work.tokens[k].span.start
            && work.is_free_word(k - 1)
            && work.adjacent(text, k, cand.first);
        if dotted || work.is_free_word(k) && work.adjacent(text, k, cand.first) {
            let start = if dotted { k - 1 } else { k };
            let span = Span::new(work.tokens[start].span.start, work.tokens[k].span.end);
            if lex.is_place_prefix(span.of(text)) && is_capitalized(work.word(text, cand.first)) {
                let class = cand.place_class.unwrap_or(PlaceClass::City);
                joins.push((start, cand.last, class));
                continue;
            }
        }
        let word = work.word(text, k);
        let place_word = work.word(text, cand.first);
        let case_fits = if is_all_caps(word) {
            is_all_caps(place_word)
        } else {
            is_capitalized(word)
        };
        if case_fits
            && lex.is_direction(word)
            && work.is_free_word(k)
            && work.adjacent(text, k, cand.first)
        {
            let class = match cand.place_class {
                Some(PlaceClass::City) => PlaceClass::City,
                _ => PlaceClass::Region,
            };
            joins.push((k, cand.last, class));
        }
    }
    for (first, last, class) in joins {
        let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        work.add(
            MentionKind::Place,
            first,
            last,
            Some(clean_label(span.of(text))),
        );
        if let Some(c) = work.candidates.last_mut() {
            c.place_class = Some(class);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::mentions::tests::of_kind;
    use crate::extract::MentionKind;

    #[test]
    fn a_direction_before_a_place_is_part_of_its_name() {
        assert_eq!(
            of_kind(
                "Heavy snow closed schools across Northern Virginia on Friday.",
                MentionKind::Place
            ),
            ["Northern Virginia"]
        );
        assert_eq!(
            of_kind(
                "EAST ORLANDO, Fla. (AP) _ Crews worked late.",
                MentionKind::Place
            )
            .first()
            .map(String::as_str),
            Some("EAST ORLANDO")
        );
    }

    #[test]
    fn a_prefix_opens_the_name_of_the_town() {
        assert_eq!(
            of_kind(
                "Storms hit St. Petersburg and Fort Worth overnight.",
                MentionKind::Place
            ),
            ["St. Petersburg", "Fort Worth"]
        );
        assert!(of_kind("The fort at Mobile fell.", MentionKind::Place)
            .iter()
            .all(|p| p == "Mobile"));
    }

    #[test]
    fn a_lower_case_direction_stays_out() {
        assert_eq!(
            of_kind(
                "Heavy snow closed schools across northern Virginia on Friday.",
                MentionKind::Place
            ),
            ["Virginia"]
        );
    }
}
