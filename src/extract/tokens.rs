//! A small tokenizer for the name and role patterns: words, possessive markers and punctuation,
//! each with its byte span in the document's text.
//!
//! News text from the web is messy, and the patterns downstream must not care: curly and straight
//! apostrophes both make a possessive ("Putin’s", "Witkoff‘s"), hyphens of every kind join a
//! compound ("Trump‑chaired" with U+2011), dotted abbreviations stay whole ("U.S.", "D.C."), and
//! a word glued to the next one by a missing space ("hereTrump") is cut where a capital letter
//! follows a lower-case run.

use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens and apostrophes ("son-in-law", "O'Brien") and dotted
    /// abbreviations ("U.S.").
    Word,
    /// A possessive marker: "'s", "’s", or a lone apostrophe after a plural ("allies’").
    Possessive,
    /// Any other character that is not white space, one token each.
    Punct,
}

/// A token and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// Where it is (bytes into the document's text).
    pub span: Span,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.of(text)
    }

    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// True for the characters news text uses as apostrophes.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}')
}

/// True for the characters news text uses as hyphens inside a compound word.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// False when `word` has no hyphen ([`is_hyphen`]), by a byte test that is quicker than reading
/// characters: every hyphen is '-' or starts with the byte 0xE2 (true may still mean none).
pub fn may_have_hyphen(word: &str) -> bool {
    word.bytes().any(|b| b == b'-' || b == 0xE2)
}

/// Splits `span` of `text` into tokens.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let slice = span.of(text);
    let base = span.start;
    let chars = Chars(slice);
    // Rarely grown: prose has fewer tokens than a quarter of its bytes (a word and its space).
    let mut tokens = Vec::with_capacity(slice.len() / 4 + 1);
    let mut start = 0;
    while let Some(c) = chars.at(start) {
        let next = start + c.len_utf8();
        if c.is_whitespace() {
            start = next;
            continue;
        }
        if is_apostrophe(c) {
            // "’s" after a word, or a lone apostrophe after a plural word.
            let after_word = tokens
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Word && t.span.end == base + start);
            let s_next = chars.at(next).is_some_and(|n| n == 's' || n == 'S');
            let after_s = chars.after(next);
            let then_boundary = chars.at(after_s).map_or(true, |n| !n.is_alphanumeric());
            if after_word && s_next && then_boundary {
                tokens.push(Token {
                    kind: TokenKind::Possessive,
                    span: Span::new(base + start, base + after_s),
                });
                start = after_s;
                continue;
            }
            let prev_plural = tokens.last().is_some_and(|t: &Token| {
                t.kind == TokenKind::Word
                    && t.span.end == base + start
                    && text[t.span.start..t.span.end].ends_with(['s', 'S'])
            });
            let next_alnum = chars.at(next).is_some_and(char::is_alphanumeric);
            let kind = if prev_plural && !next_alnum {
                TokenKind::Possessive
            } else {
                TokenKind::Punct
            };
            tokens.push(Token {
                kind,
                span: Span::new(base + start, base + next),
            });
            start = next;
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                kind: TokenKind::Punct,
                span: Span::new(base + start, base + next),
            });
            start = next;
            continue;
        }
        let end = word_end(&chars, start);
        tokens.push(Token {
            kind: TokenKind::Word,
            span: Span::new(base + start, base + end),
        });
        start = end;
    }
    tokens
}

/// The characters of a sentence, read by byte offset (offsets are character boundaries).
struct Chars<'s>(&'s str);

impl Chars<'_> {
    /// The character at byte `at`; `None` at the end.
    fn at(&self, at: usize) -> Option<char> {
        self.0.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The offset after the character at `at` (the end stays the end).
    fn after(&self, at: usize) -> usize {
        self.at(at).map_or(self.0.len(), |c| at + c.len_utf8())
    }
}

/// The byte offset right after the word that starts at byte `start`.
fn word_end(chars: &Chars<'_>, start: usize) -> usize {
    // Dotted abbreviations: "U.S.", "D.C.", "a.m." (letter, dot, letter, dot...).
    let letter_at = |k: usize| chars.at(k).is_some_and(char::is_alphabetic);
    let dot_at = |k: usize| chars.at(k) == Some('.');
    let second = chars.after(start);
    let third = chars.after(second);
    if letter_at(start) && dot_at(second) && letter_at(third) && dot_at(chars.after(third)) {
        let mut j = start;
        while letter_at(j) && dot_at(chars.after(j)) {
            j = chars.after(chars.after(j));
        }
        return j;
    }
    let mut j = start;
    let mut lower_run = 0usize; // lower-case letters since the word started, while all lower-case
    let mut all_lower = true;
    while let Some(c) = chars.at(j) {
        let next = j + c.len_utf8();
        if c.is_alphanumeric() {
            if j > start && c.is_uppercase() && all_lower && lower_run >= 3 {
                break; // "hereTrump": a missing space
            }
            if c.is_lowercase() && all_lower {
                lower_run += 1;
            } else {
                all_lower = false;
            }
            j = next;
            continue;
        }
        let next_alnum = chars.at(next).is_some_and(char::is_alphanumeric);
        if (is_hyphen(c) || is_apostrophe(c)) && next_alnum && j > start {
            if is_apostrophe(c) {
                // "’s" followed by a boundary is a possessive, not part of the word.
                let s = chars.at(next).is_some_and(|n| n == 's' || n == 'S');
                let boundary = chars
                    .at(chars.after(next))
                    .map_or(true, |n| !n.is_alphanumeric());
                if s && boundary {
                    break;
                }
            }
            all_lower = false;
            j = next;
            continue;
        }
        break;
    }
    j
}

/// True when the word starts with an upper-case letter and has a lower-case one ("Putin",
/// "McDonald"), or is a single upper-case letter (an initial).
pub fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            let rest = chars.as_str();
            rest.is_empty() || rest.chars().any(char::is_lowercase)
        }
        _ => false,
    }
}

/// True when every letter is upper case and there are at least two ("NATO", "WASHINGTON").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// True when the word starts with a lower-case letter.
pub fn is_lowercase_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn possessives_with_any_apostrophe() {
        use TokenKind::*;
        assert_eq!(
            words("Orlov’s aide, Kyiv's plan and Lee‘s view; allies’ doubts"),
            [
                ("Orlov", Word),
                ("’s", Possessive),
                ("aide", Word),
                (",", Punct),
                ("Kyiv", Word),
                ("'s", Possessive),
                ("plan", Word),
                ("and", Word),
                ("Lee", Word),
                ("‘s", Possessive),
                ("view", Word),
                (";", Punct),
                ("allies", Word),
                ("’", Possessive),
                ("doubts", Word),
            ]
        );
    }

    #[test]
    fn abbreviations_compounds_and_glued_words() {
        let got: Vec<&str> = words("The U.S.’ allies met in D.C. with O'Neill; a Hale\u{2011}chaired board. Read it hereDufresne said")
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            got,
            [
                "The",
                "U.S.",
                "’",
                "allies",
                "met",
                "in",
                "D.C.",
                "with",
                "O'Neill",
                ";",
                "a",
                "Hale\u{2011}chaired",
                "board",
                ".",
                "Read",
                "it",
                "here",
                "Dufresne",
                "said"
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "  Hrytsenkyy’s envoy, “J. Smith”.";
        for t in tokenize(text, Span::new(1, text.len())) {
            assert!(!t.text(text).is_empty());
            assert_eq!(&text[t.span.start..t.span.end], t.text(text));
        }
    }

    #[test]
    fn word_shapes() {
        assert!(is_capitalized("Orlov") && is_capitalized("J") && !is_capitalized("NATO"));
        assert!(is_all_caps("NATO") && is_all_caps("U.S.") && !is_all_caps("A"));
        assert!(is_lowercase_word("mercer") && !is_lowercase_word("Mercer"));
    }
}
