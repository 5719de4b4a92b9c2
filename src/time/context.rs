//! The words around a candidate expression, for the checks a regex cannot make: is "May" after
//! "in" (a month) or after "they" (a verb)? Is "2000" followed by "troops" (a count)?
//!
//! All positions are byte offsets into the text; nothing here allocates.

/// Horizontal space, as the patterns match it.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// A character of a word: letters, digits, apostrophes inside words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}')
}

/// The word just before `pos`, across spaces and line breaks but no punctuation.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?;
    let trimmed = before.trim_end_matches(|c: char| is_space(c) || c == '\n' || c == '\r');
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&trimmed[start..])
}

/// The word just after `pos`, across spaces and line breaks but no punctuation.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<&str> {
    let after = text.get(pos..)?;
    let trimmed = after.trim_start_matches(|c: char| is_space(c) || c == '\n' || c == '\r');
    let end = trimmed
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(trimmed.len(), |(i, _)| i);
    (end > 0).then(|| &trimmed[..end])
}

/// The word before the word before `pos` ("the end of" → "end" for "of").
pub(crate) fn prev_word2(text: &str, pos: usize) -> Option<&str> {
    let w = prev_word(text, pos)?;
    let start = w.as_ptr() as usize - text.as_ptr() as usize;
    prev_word(text, start)
}

/// The character just after `pos`.
pub(crate) fn next_char(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character just before `pos`.
pub(crate) fn prev_char(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The text after `pos` up to `n` bytes (fewer at a character boundary or the end).
pub(crate) fn after(text: &str, pos: usize, n: usize) -> &str {
    let mut end = (pos + n).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(pos..end).unwrap_or("")
}

/// True when `pos` opens a sentence, a line, a heading or a table cell: nothing but quotes,
/// brackets, dashes and bullets lie between it and the previous sentence end.
pub(crate) fn at_sentence_start(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    for c in before.chars().rev() {
        match c {
            c if is_space(c) => continue,
            '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '[' | '*' | '-' | '\u{2013}'
            | '\u{2014}' | '\u{2022}' | '#' | '>' => continue,
            '.' | '!' | '?' | '\n' | '\r' | ':' | ';' | '|' | '\u{201d}' => return true,
            _ => return false,
        }
    }
    true
}

/// True when the word starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when `word` equals one of `list`, ignoring case.
pub(crate) fn is_one_of(word: Option<&str>, list: &[&str]) -> bool {
    word.is_some_and(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// True when a capitalized word before `pos` makes the expression part of a name ("Super
/// Tuesday", "USA Today", "Black Sea"): the word before is capitalized, is not at a sentence
/// start, and is not one of the `allowed` words (prepositions that introduce a date).
pub(crate) fn inside_name(text: &str, pos: usize, allowed: &[&str]) -> bool {
    let Some(prev) = prev_word(text, pos) else {
        return false;
    };
    if !is_capitalized(prev) || is_one_of(Some(prev), allowed) {
        return false;
    }
    let start = prev.as_ptr() as usize - text.as_ptr() as usize;
    // A capitalized word opening a sentence or a line is no evidence of a name.
    !at_sentence_start(text, start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_position() {
        let text = "They met in\nNovember, then left.";
        let pos = text.find("November").unwrap_or(0);
        assert_eq!(prev_word(text, pos), Some("in"));
        assert_eq!(prev_word2(text, pos), Some("met"));
        assert_eq!(
            next_word(text, pos + "November".len()),
            None,
            "a comma stops the look"
        );
        assert_eq!(next_word(text, pos + "November, ".len()), Some("then"));
        assert_eq!(prev_word(text, 0), None);
    }

    #[test]
    fn sentence_starts() {
        let text = "Done. \u{201c}Tuesday was fine\u{201d}\n- Monday";
        assert!(at_sentence_start(text, text.find("Tuesday").unwrap_or(0)));
        assert!(at_sentence_start(text, text.find("Monday").unwrap_or(0)));
        assert!(!at_sentence_start(text, text.find("was").unwrap_or(0)));
    }

    #[test]
    fn names_around_a_word() {
        let text = "It was Super Tuesday. On Tuesday they met. MOSCOW\nTuesday";
        assert!(inside_name(
            text,
            text.find("Tuesday").unwrap_or(0),
            &["on"]
        ));
        assert!(!inside_name(
            text,
            text.find("Tuesday they").unwrap_or(0),
            &["on"]
        ));
        assert!(!inside_name(
            text,
            text.rfind("Tuesday").unwrap_or(0),
            &["on"]
        ));
    }
}
