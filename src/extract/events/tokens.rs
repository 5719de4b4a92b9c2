//! Words and punctuation of one sentence, with their spans in the document.
//!
//! Event rules look at words around a trigger (a determiner before it, a preposition before a
//! date), so a sentence is cut into tokens first. Web addresses are kept as one opaque token:
//! "…/ministry-confirms-visit-2024-05-07/" names no event.

use crate::text::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or periods: "envoy’s", "U.S.".
    Word,
    /// Starts with a digit: "2025", "40,000", "25th".
    Number,
    /// One punctuation character.
    Punct,
    /// A web address or other chunk that holds no words.
    Opaque,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    /// Where it is in the document (bytes).
    pub span: Span,
    /// As written.
    pub text: &'t str,
    /// Lower case, with curly apostrophes and non-breaking hyphens made plain.
    pub lower: String,
    /// Word, number, punctuation or opaque chunk.
    pub kind: TokenKind,
}

impl Token<'_> {
    /// True for words and numbers.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }

    /// True when the word starts with an upper-case letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for "Rome’s", "envoys'".
    pub fn is_possessive(&self) -> bool {
        self.kind == TokenKind::Word && (self.lower.ends_with("'s") || self.lower.ends_with("s'"))
    }

    /// The lower-case word without a possessive ending: "rome’s" → "rome".
    pub fn base(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix('\''))
            .unwrap_or(&self.lower)
    }

    /// True for a quotation mark, straight or curly.
    pub fn is_quote(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "\"" | "\u{201c}" | "\u{201d}")
    }
}

/// Characters that may join two parts of one word: hyphens and apostrophes.
fn joins_word(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2011}' | '\u{2010}' | '\'' | '\u{2019}' | '\u{2018}'
    )
}

/// Lower case with plain apostrophes and hyphens.
fn normalize(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{2011}' | '\u{2010}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True for a whitespace-delimited chunk that is a web address.
fn is_address(chunk: &str) -> bool {
    chunk.contains("://") || chunk.contains("www.")
}

/// Cuts `span` of `text` into tokens.
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let slice = span.of(text);
    let base = span.start;
    let mut chars = slice.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let chunk_end = slice[i..]
            .find(char::is_whitespace)
            .map_or(slice.len(), |n| i + n);
        if (i == 0 || slice[..i].ends_with(char::is_whitespace)) && is_address(&slice[i..chunk_end])
        {
            push(
                &mut tokens,
                text,
                base + i,
                base + chunk_end,
                TokenKind::Opaque,
            );
            while chars.peek().is_some_and(|&(j, _)| j < chunk_end) {
                chars.next();
            }
            continue;
        }
        if c.is_alphanumeric() {
            let end = word_end(slice, i);
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            push(&mut tokens, text, base + i, base + end, kind);
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        push(
            &mut tokens,
            text,
            base + i,
            base + i + c.len_utf8(),
            TokenKind::Punct,
        );
        chars.next();
    }
    tokens
}

/// The end of the word starting at `start`: letters and digits, joined by hyphens and
/// apostrophes, by periods in abbreviations ("U.S.") and by commas in numbers ("40,000").
fn word_end(slice: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = slice[start..]
        .char_indices()
        .map(|(k, c)| (start + k, c))
        .peekable();
    while let Some((k, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if c.is_alphanumeric() {
            end = k + c.len_utf8();
        } else if (joins_word(c) && next.is_some_and(char::is_alphanumeric))
            || (c == ','
                && slice[..k].ends_with(|p: char| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
        {
            continue;
        } else if c == '.' && is_abbreviation_period(slice, start, k, next) {
            end = k + 1;
        } else {
            break;
        }
    }
    end
}

/// A period inside or closing an abbreviation of single letters: "U.S.", "D.C.".
fn is_abbreviation_period(slice: &str, start: usize, at: usize, next: Option<char>) -> bool {
    let word = &slice[start..at];
    let last_part = word.rsplit('.').next().unwrap_or("");
    let single_letter =
        last_part.chars().count() == 1 && last_part.chars().all(char::is_alphabetic);
    single_letter && (next.is_some_and(char::is_alphabetic) || word.contains('.'))
}

fn push<'t>(tokens: &mut Vec<Token<'t>>, text: &'t str, start: usize, end: usize, kind: TokenKind) {
    let span = Span::new(start, end);
    let written = span.of(text);
    tokens.push(Token {
        span,
        text: written,
        lower: normalize(written),
        kind,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| {
                assert_eq!(t.span.of(text), t.text, "span matches text");
                t.text
            })
            .collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("The envoy’s trip, on May 3—ended."),
            [
                "The",
                "envoy’s",
                "trip",
                ",",
                "on",
                "May",
                "3",
                "—",
                "ended",
                "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_numbers_and_compounds() {
        assert_eq!(words("U.S. troops"), ["U.S.", "troops"]);
        assert_eq!(
            words("40,000 high‑stakes talks"),
            ["40,000", "high‑stakes", "talks"]
        );
        assert_eq!(words("a 30-day truce."), ["a", "30-day", "truce", "."]);
    }

    #[test]
    fn web_addresses_are_opaque() {
        let text = "Source: [https://example.com/envoy-visited-2024-05-01/](x) today";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(tokens[2].kind, TokenKind::Opaque);
        assert_eq!(tokens.last().map(|t| t.text), Some("today"));
    }

    #[test]
    fn lower_form_is_plain() {
        let text = "Senate‘s";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(tokens[0].lower, "senate's");
        assert_eq!(tokens[0].base(), "senate");
        assert!(tokens[0].is_possessive());
    }
}
