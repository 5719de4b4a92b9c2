//! Byte spans into a document's text.
//!
//! Every stage of the pipeline (sentences, mentions, temporal expressions, facts) points back
//! into the text it was read from with a [`Span`]. Spans are byte offsets internally, because
//! that is what `str` slicing and the regex engine speak; the public JSON and RDF output converts
//! them to Unicode code points with [`CharIndex`], because that is what users and other tools
//! count in.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
///
/// Invariant: both ends fall on UTF-8 character boundaries of the text the span belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's responsibility.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text`.
    ///
    /// Returns an empty string instead of panicking when the span does not fit `text`, so a span
    /// from another document can never crash the program.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Shifts the span by `offset` bytes (used when a stage works on a slice of the text).
    pub const fn shift(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// Converts byte offsets of one text to Unicode code point offsets in `O(log n)`.
///
/// Built once per document; the public output (`kg extract`, `nif:beginIndex`) counts code points.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// For every character longer than one byte: its byte offset, the number of characters
    /// before it, and its length in bytes. Pure ASCII text keeps this empty.
    multibyte: Vec<(usize, usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let multibyte = text
            .char_indices()
            .enumerate()
            .filter(|(_, (_, c))| c.len_utf8() > 1)
            .map(|(chars_before, (byte, c))| (byte, chars_before, c.len_utf8()))
            .collect();
        Self { multibyte }
    }

    /// The code point offset of byte offset `byte` (a character boundary of the indexed text).
    pub fn char_offset(&self, byte: usize) -> usize {
        // The last multi-byte character that starts before `byte`; everything after it is ASCII.
        let i = self.multibyte.partition_point(|&(b, _, _)| b < byte);
        match i.checked_sub(1).map(|j| self.multibyte[j]) {
            None => byte,
            Some((last_byte, chars_before, len)) => chars_before + 1 + (byte - last_byte - len),
        }
    }

    /// Converts a byte span into `(start, end)` in code points.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "a\u{2019}b \u{0416}\u{0416} c";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(byte), chars, "byte {byte}");
        }
        assert_eq!(index.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn span_of_never_panics() {
        let span = Span::new(2, 50);
        assert_eq!(span.of("short"), "");
        assert_eq!(Span::new(1, 3).of("short"), "ho");
    }
}
