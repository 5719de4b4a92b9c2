//! The span a person mention reports, once the facts are read: news names a person with the
//! form of address or the bare title it writes before the name ("Mrs. Ann Lee", "the murder of
//! President Ruiz"), so the mention `kg extract` prints takes that word in.
//!
//! This runs after resolution and the role patterns: the entity keeps its clean name ("Ann
//! Lee") and the membership its role ("President"), read from the narrow mentions. Only the
//! printed stretch of text grows, and the title mention it swallows is dropped, so mentions
//! still never overlap.

use super::lexicon::Lexicons;
use super::model::{Mention, MentionKind};
use crate::text::Span;

/// Widens every person mention over the form of address or bare title right before it
/// ([`Lexicons::is_name_address`], [`Lexicons::is_name_style`]) and drops the title mentions
/// that now lie inside a person's.
pub fn take_in_forms_of_address(text: &str, mentions: &mut Vec<Mention>, lex: &Lexicons) {
    // The mentions by where they start, to find those between a word and a name without
    // reading all of them for every name: that made a 16 MB document's extraction quadratic.
    // A span taken in only starts earlier, and stays after the word it may lie in, so its
    // first start finds it.
    let mut by_start: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .map(|(k, m)| (m.span.start, k))
        .collect();
    by_start.sort_unstable();
    let mut swallowed = vec![false; mentions.len()];
    for i in 0..mentions.len() {
        if mentions[i].kind != MentionKind::Person {
            continue;
        }
        let name_start = mentions[i].span.start;
        let Some(start) = address_before(text, name_start, lex) else {
            continue;
        };
        // Anything else between the word and the name (a place, a time) keeps its own span.
        let first = by_start.partition_point(|(s, _)| *s < start);
        let between: Vec<usize> = by_start[first..]
            .iter()
            .take_while(|(s, _)| *s <= name_start)
            .map(|(_, k)| *k)
            .filter(|k| {
                let m = &mentions[*k];
                m.span.start >= start && m.span.end <= name_start
            })
            .collect();
        if between
            .iter()
            .any(|k| mentions[*k].kind != MentionKind::Role)
        {
            continue;
        }
        for k in between {
            swallowed[k] = true;
        }
        let m = &mut mentions[i];
        m.span = Span::new(start, m.span.end);
        m.text = m.span.of(text).to_string();
    }
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        !swallowed[k - 1]
    });
}

/// Where the form of address or bare title that names the person at `start` begins: the word
/// right before it, with one space between, when it is an address ("Mr.") or a style
/// ("President") that no capitalised word qualifies ("Peruvian President") and that does not
/// open the sentence line (where nothing shows whether it is bare).
fn address_before(text: &str, start: usize, lex: &Lexicons) -> Option<usize> {
    let before = text[..start].strip_suffix(' ')?;
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return None;
    }
    if lex.is_name_address(word) {
        return Some(word_start);
    }
    if !lex.is_name_style(word) {
        return None;
    }
    let rest = before[..word_start].trim_end();
    let previous = rest
        .rsplit(char::is_whitespace)
        .next()
        .filter(|w| !w.is_empty())?;
    let bare = previous.ends_with(',')
        || previous
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    bare.then_some(word_start)
}

#[cfg(test)]
mod tests {
    use crate::extract::{printed_and_named, EntityKind, MentionKind};

    /// The person mentions of `text` as printed, and the names of its people.
    fn people(text: &str) -> (Vec<String>, Vec<String>) {
        printed_and_named(text, MentionKind::Person, EntityKind::Person)
    }

    #[test]
    fn a_form_of_address_is_part_of_the_printed_name_but_not_of_the_label() {
        let (mentions, names) = people("The council thanked Mrs. Ada Quillfeather for the gift.");
        assert_eq!(mentions, ["Mrs. Ada Quillfeather"]);
        assert_eq!(names, ["Ada Quillfeather"]);
    }

    #[test]
    fn a_bare_title_joins_the_name_and_a_qualified_one_does_not() {
        let (mentions, names) =
            people("Crowds mourned the death of President Tomas Varga in the capital.");
        assert_eq!(mentions, ["President Tomas Varga"]);
        assert_eq!(names, ["Tomas Varga"]);
        let (mentions, _) = people("The talks were led by Chilean President Tomas Varga today.");
        assert_eq!(mentions, ["Tomas Varga"]);
    }

    #[test]
    fn a_title_that_opens_the_sentence_stays_apart() {
        let (mentions, _) = people("President Tomas Varga signed the budget on Monday.");
        assert_eq!(mentions, ["Tomas Varga"]);
    }
}
