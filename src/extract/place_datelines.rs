//! The dateline that opens a wire story: the town in capitals, a comma, its state or country
//! ("WEST LIBERTY, Iowa (AP) _", "TURIN, Italy (AP)"). The town is a place whatever its words
//! are: "HIGH ISLAND" is one town, not the island, and "SOLEDAD" no person, even where the
//! lexicon does not know it.
//!
//! Only the first words of the document are read, in capitals, before a comma and a place the
//! finders already found (a state, a country). Words that head an organization's name ("SPACE
//! CENTER") leave the line to the organization finders.

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::SentenceWork;
use super::tokens::is_all_caps;
use crate::text::Span;

/// Reads the dateline town of the first sentence, when it has one.
pub(super) fn find_dateline_town(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.index != 0 || work.tokens.is_empty() {
        return;
    }
    let opens_text = text[..work.tokens[0].span.start].trim().is_empty();
    let Some(comma) = (1..work.tokens.len().min(5)).find(|&t| work.word(text, t) == ",") else {
        return;
    };
    let last = comma - 1;
    let town_words = (0..=last).all(|t| {
        let w = work.word(text, t);
        work.is_word(t)
            && is_all_caps(w)
            && !lex.is_organization_head(&capitalized(w))
            && (t == 0 || work.adjacent(text, t - 1, t))
    });
    let region_after = work.owner_of(comma + 1).is_some_and(|c| {
        c.kind == MentionKind::Place
            && c.first == comma + 1
            && !matches!(c.place_class, Some(PlaceClass::City))
    });
    let organization_inside = (0..=last).any(|t| {
        work.owner_of(t)
            .is_some_and(|c| c.kind == MentionKind::Organization)
    });
    let known = work
        .owner_of(0)
        .is_some_and(|c| c.kind == MentionKind::Place && c.first == 0 && c.last == last);
    if !(opens_text && town_words && region_after) || organization_inside || known {
        return;
    }
    let span = Span::new(work.tokens[0].span.start, work.tokens[last].span.end);
    work.add(
        MentionKind::Place,
        0,
        last,
        Some(clean_label(span.of(text))),
    );
    if let Some(c) = work.candidates.last_mut() {
        c.place_class = Some(PlaceClass::City);
    }
}

/// "CENTER" as a head noun is written: "Center".
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or(String::new(), |first| {
        first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::mentions::tests::of_kind;
    use crate::extract::MentionKind;

    #[test]
    fn the_dateline_town_is_one_place() {
        let text = "CRANE HOLLOW, Ohio (AP) _ Floodwater closed the county road on Tuesday.";
        assert_eq!(of_kind(text, MentionKind::Place), ["CRANE HOLLOW", "Ohio"]);
        assert!(of_kind(text, MentionKind::Person).is_empty());
    }

    #[test]
    fn an_organization_or_a_line_inside_the_text_is_no_dateline() {
        let text = "RESEARCH CENTER, Ohio (AP) _ The lab closed.";
        assert!(!of_kind(text, MentionKind::Place).contains(&"RESEARCH CENTER".to_string()));
        let text = "The lab closed. CRANE HOLLOW, Ohio, mourned.";
        assert!(!of_kind(text, MentionKind::Place).contains(&"CRANE HOLLOW".to_string()));
    }
}
