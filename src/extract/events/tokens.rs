//! Words and punctuation of one sentence, with their spans in the document.
//!
//! Event rules look at words around a trigger (a determiner before it, a preposition before a
//! date), so a sentence is cut into tokens first. Web addresses are kept as one opaque token:
//! "…/ministry-confirms-visit-2024-05-07/" names no event.

use super::grammar::{Classes, WordClass};
use crate::text::Span;
use std::borrow::Cow;

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
    /// Lower case, with curly apostrophes and non-breaking hyphens made plain (borrowed from
    /// the text when it is already so, as most words are).
    pub lower: Cow<'t, str>,
    /// Word, number, punctuation or opaque chunk.
    pub kind: TokenKind,
    /// The closed classes `lower` belongs to (see [`Token::is`]).
    pub classes: Classes,
}

impl Token<'_> {
    /// True when the word belongs to the closed class `class`: the same as
    /// [`super::grammar::is`] on [`Token::lower`], looked up once when the token was made.
    pub fn is(&self, class: WordClass) -> bool {
        self.classes.has(class)
    }

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
fn normalize(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        // Only non-ASCII characters are replaced, and ASCII lowers by ASCII rules.
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    let lower: String = word
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{2011}' | '\u{2010}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    Cow::Owned(lower)
}

/// True for a whitespace-delimited chunk that is a web address.
fn is_address(chunk: &str) -> bool {
    // Most chunks have neither a colon nor a period: one byte scan each settles them.
    let bytes = chunk.as_bytes();
    (bytes.contains(&b':') && chunk.contains("://"))
        || (bytes.contains(&b'.') && chunk.contains("www."))
}

/// Cuts `span` of `text` into tokens.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    tokenize_with(text, None, span)
}

/// [`tokenize`], given `lowered`, the text lower-cased by ASCII rules
/// (`text.to_ascii_lowercase()`, the same length): a token of ASCII text then borrows its lower
/// form from it instead of allocating one.
pub(crate) fn tokenize_with<'t>(
    text: &'t str,
    lowered: Option<&'t str>,
    span: Span,
) -> Vec<Token<'t>> {
    let lowered = lowered.filter(|l| l.len() == text.len());
    let slice = span.of(text);
    // Rarely grown: prose has fewer tokens than a quarter of its bytes (a word and its space).
    let mut tokens = Vec::with_capacity(slice.len() / 4 + 1);
    let base = span.start;
    // `i` is the byte offset of the next character in `slice`.
    let mut i = 0;
    // True when the character before the next one is white space (or there is none).
    let mut after_space = true;
    while let Some(c) = slice[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
            after_space = true;
            continue;
        }
        let chunk_start = after_space;
        after_space = false;
        if chunk_start {
            let chunk_end = slice[i..]
                .find(char::is_whitespace)
                .map_or(slice.len(), |n| i + n);
            if is_address(&slice[i..chunk_end]) {
                push(
                    &mut tokens,
                    (text, lowered),
                    base + i,
                    base + chunk_end,
                    TokenKind::Opaque,
                );
                i = chunk_end;
                continue;
            }
        }
        if c.is_alphanumeric() {
            let end = word_end(slice, i);
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            push(&mut tokens, (text, lowered), base + i, base + end, kind);
            i = end;
            continue;
        }
        push(
            &mut tokens,
            (text, lowered),
            base + i,
            base + i + c.len_utf8(),
            TokenKind::Punct,
        );
        i += c.len_utf8();
    }
    tokens
}

/// The end of the word starting at `start`: letters and digits, joined by hyphens and
/// apostrophes, by periods in abbreviations ("U.S.") and by commas in numbers ("40,000").
fn word_end(slice: &str, start: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut end = start;
    let mut k = start;
    loop {
        // Most characters are ASCII letters and digits, which only extend the word.
        while bytes.get(k).is_some_and(u8::is_ascii_alphanumeric) {
            k += 1;
            end = k;
        }
        let Some(c) = slice[k..].chars().next() else {
            break;
        };
        let after = k + c.len_utf8();
        let next = slice[after..].chars().next();
        if c.is_alphanumeric() {
            end = after;
        } else if (joins_word(c) && next.is_some_and(char::is_alphanumeric))
            || (c == ','
                && slice[..k].ends_with(|p: char| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
        {
            // Joined: the word goes on if what follows extends it.
        } else if c == '.' && is_abbreviation_period(slice, start, k, next) {
            end = k + 1;
        } else {
            break;
        }
        k = after;
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

/// Pushes the token `start..end` of `text` (with its ASCII lower-cased copy, if any).
fn push<'t>(
    tokens: &mut Vec<Token<'t>>,
    (text, lowered): (&'t str, Option<&'t str>),
    start: usize,
    end: usize,
    kind: TokenKind,
) {
    let span = Span::new(start, end);
    let written = span.of(text);
    // For ASCII, `normalize` is ASCII lower case: the same bytes as in `lowered`.
    let lower = match lowered.and_then(|l| l.get(start..end)) {
        Some(lower) if written.is_ascii() => Cow::Borrowed(lower),
        _ => normalize(written),
    };
    tokens.push(Token {
        span,
        text: written,
        classes: Classes::of(&lower),
        lower,
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
    fn lower_forms_borrowed_from_a_lowered_text_are_the_same() {
        let text = "The U.S. Envoy’s VISIT, on May 3—Ended in Zürich.";
        let lowered = text.to_ascii_lowercase();
        let span = Span::new(4, text.len());
        assert_eq!(
            tokenize_with(text, Some(&lowered), span),
            tokenize(text, span)
        );
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
