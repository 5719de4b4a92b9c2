//! The source line of a monitored broadcast or press item, as news-monitoring services print
//! it above the text: an item number, the city, then the station or paper, then its language
//! and date ("LD0412183094 Riga Radio Latvia Network in Latvian 1700 GMT 4 Dec 94"), or the
//! city and the source alone on a line ("Lagos NEWSWATCH", "Accra Ghana Broadcasting Network").
//!
//! The words after the city are the name of a broadcaster or newspaper, an organization, even
//! when they hold a country's name ("Radio France International") or look like a person's
//! name ("Radio Monte Carlo" read as "Paris Radio"). Only these two shapes are read: an item
//! number right before a known place, or a whole sentence that is a known place and a run of
//! capitalised words with no closing period.

use super::lexicon::Lexicons;
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::SentenceWork;
use super::tokens::is_capitalized;

/// Reads the source line of one sentence, when it is one; see the module documentation.
pub(super) fn find_press_source(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let n = work.tokens.len();
    let (city_first, numbered) = match (0..n).find(|&t| is_item_number(work.word(text, t))) {
        Some(t) => (t + 1, true),
        None => (0, false),
    };
    let Some((city_last, place)) = known_place_at(text, work, lex, city_first) else {
        return;
    };
    let source_first = city_last + 1;
    let mut source_last = None;
    for t in source_first..n {
        let word = work.word(text, t);
        let joins = work.is_word(t) && is_source_word(word)
            || work.tokens[t].kind == super::tokens::TokenKind::Punct
                && matches!(word, "-" | "&")
                && t > source_first;
        if !joins || !work.adjacent(text, t.saturating_sub(1), t) {
            break;
        }
        if work.is_word(t) {
            source_last = Some(t);
        }
    }
    let Some(source_last) = source_last else {
        return;
    };
    let rest = &work.tokens[source_last + 1..];
    let ends_line = if numbered {
        // "... Network in Latvian 1700 GMT", "... TIMES 30 Jan 94", or the end.
        rest.first().map_or(true, |t| {
            let w = t.text(text);
            w == "in" || w.starts_with(|c: char| c.is_ascii_digit())
        })
    } else {
        // The whole sentence: the place, the source, perhaps a parenthesis, no full stop; and
        // the source reads as one: in capitals, or with an organization's head ("Network").
        let words: Vec<&str> = (source_first..=source_last)
            .filter(|&t| work.is_word(t))
            .map(|t| work.word(text, t))
            .collect();
        let reads_as_source = words.iter().all(|w| !w.chars().any(char::is_lowercase))
            || words.iter().any(|w| lex.is_organization_head(w));
        reads_as_source
            && rest.first().map_or(true, |t| t.text(text) == "(")
            && rest.last().map_or(true, |t| t.text(text) != ".")
            && city_first == 0
    };
    if !ends_line {
        return;
    }
    let span = crate::text::Span::new(
        work.tokens[source_first].span.start,
        work.tokens[source_last].span.end,
    );
    let name = clean_label(span.of(text));
    let kept_place = work.candidates.iter().any(|c| {
        c.alive && c.kind == MentionKind::Place && c.first == city_first && c.last == city_last
    });
    work.add(
        MentionKind::Organization,
        source_first,
        source_last,
        Some(name),
    );
    if !kept_place {
        work.add(MentionKind::Place, city_first, city_last, Some(place.0));
        if let Some(c) = work.candidates.last_mut() {
            c.place_class = Some(place.1);
        }
    }
}

/// A monitoring service's item number: letters and at least six digits in one word
/// ("LD0412183094", "947N0051B").
fn is_item_number(word: &str) -> bool {
    word.len() >= 8
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word.chars().filter(char::is_ascii_digit).count() >= 6
}

/// A word that may be part of a source's name: capitalised or in capitals, or a number glued
/// to one ("UT-1", "Kanal-6").
fn is_source_word(word: &str) -> bool {
    is_capitalized(word) || word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The known place of one to three words that starts at token `first`: its last token, and
/// its canonical name and class.
fn known_place_at(
    text: &str,
    work: &SentenceWork,
    lex: &Lexicons,
    first: usize,
) -> Option<(usize, (String, super::lexicon::PlaceClass))> {
    (first..(first + 3).min(work.tokens.len()))
        .rev()
        .find_map(|last| {
            if !(first..=last).all(|t| work.is_word(t)) {
                return None;
            }
            let start = work.tokens[first].span.start;
            let name = text.get(start..work.tokens[last].span.end)?;
            lex.place_named(name)
                .map(|p| (last, (p.name.clone(), p.class)))
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::mentions::tests::of_kind;
    use crate::extract::MentionKind;

    #[test]
    fn a_numbered_source_line_names_the_broadcaster_and_its_city() {
        let text = "Strike Ends at Port KL1207113094 Lagos Radio Nigeria Network in English 0600 GMT 12 Jul 94";
        assert_eq!(
            of_kind(text, MentionKind::Organization),
            ["Radio Nigeria Network"]
        );
        assert!(of_kind(text, MentionKind::Place).contains(&"Lagos".to_string()));
        assert!(of_kind(text, MentionKind::Person).is_empty());
    }

    #[test]
    fn a_line_of_city_and_paper_names_the_paper() {
        let text = "Nairobi DAILY NATION";
        assert_eq!(of_kind(text, MentionKind::Organization), ["DAILY NATION"]);
        assert_eq!(of_kind(text, MentionKind::Place), ["Nairobi"]);
    }

    #[test]
    fn a_sentence_that_starts_with_a_city_is_no_source_line() {
        let text = "Nairobi Mayor Tom Otieno opened the market.";
        assert!(of_kind(text, MentionKind::Organization).is_empty());
        let headline = "Nairobi Welcomes Visiting Traders";
        assert!(of_kind(headline, MentionKind::Organization).is_empty());
    }
}
