//! Sentence segmentation for messy web text.
//!
//! News text scraped from the web breaks lines in the middle of sentences ("security guarantees\n
//! for Ukraine"), starts lines with the period of the line before ("\n.The source also noted"),
//! glues sentences together ("distant.The purpose"), and mixes prose with headings, tables and FAQ
//! blocks. The rules here, in order:
//!
//! 1. A line break ends a sentence, unless the line before does not end a sentence (no `.`, `!`,
//!    `?`, `:` or closing quote) and the next line starts with a lower-case letter or with
//!    punctuation that continues a sentence (`,` `.` `;` `)`).
//! 2. Inside the joined lines, `.`, `!` and `?` end a sentence when what follows starts a new one
//!    (an upper-case letter, a digit or a quote; a lower-case letter only after an ordinary
//!    lower-case word), except after abbreviations ("Mr.", "Nov.", "U.S.") and initials ("J.").
//! 3. Sentences are trimmed; pieces without a letter or digit are dropped.
//! 4. A sentence longer than [`MAX_SENTENCE_BYTES`] (a run-on text with no full stops, a table
//!    flattened into one line) is cut at a clause boundary (`;`, `,`, `:`, a dash), or at a space
//!    when there is none, so the extractor's work per sentence stays bounded and a one-line file of
//!    many megabytes is read in linear time.

use super::Span;
use serde::Serialize;

/// A sentence: its position in the document and its span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 0-based position among the document's sentences.
    pub index: usize,
    /// Where the sentence lies in the document's text.
    pub span: Span,
}

/// Abbreviations after which a period does not end a sentence (compared case-insensitively).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
    "prof", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "adm", "gov",
    "pres", "rev", "hon", "messrs", "fig", "al", "ave", "blvd", "dept", "est", "univ",
];

/// Rule 4: the longest sentence kept whole, in bytes. News sentences are rarely above 400.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Splits `text` into sentences. See the module documentation for the rules.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut spans = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut spans);
    }
    let mut capped = Vec::with_capacity(spans.len());
    for span in spans {
        cap_length(text, span, &mut capped);
    }
    capped
        .into_iter()
        .filter_map(|s| trim(text, s))
        .filter(|s| s.of(text).chars().any(char::is_alphanumeric))
        .enumerate()
        .map(|(index, span)| Sentence { index, span })
        .collect()
}

/// Rule 4: cuts `span` into pieces of at most [`MAX_SENTENCE_BYTES`], each ending after the last
/// clause mark (or else space) that fits, on a character boundary.
fn cap_length(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let clause = ["; ", ", ", ": ", " \u{2014} ", " - "]
            .iter()
            .filter_map(|mark| window.rfind(mark).map(|i| i + mark.trim_end().len()))
            .max();
        let cut = clause
            .filter(|&i| i > MAX_SENTENCE_BYTES / 4)
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
            .map_or(limit, |i| start + i);
        out.push(Span::new(start, cut));
        start = cut;
    }
    out.push(Span::new(start, span.end));
}

/// Rule 1: groups lines into blocks that may hold several sentences but never end mid-sentence.
fn blocks(text: &str) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(start, start + line.len());
        start = span.end;
        let content = line.trim();
        if content.is_empty() {
            blocks.push(span);
            continue;
        }
        let joins = blocks.last().is_some_and(|prev| {
            let prev_text = prev.of(text).trim_end();
            !prev_text.is_empty() && !ends_sentence(prev_text) && continues_sentence(content)
        });
        match blocks.last_mut() {
            Some(prev) if joins => prev.end = span.end,
            _ => blocks.push(span),
        }
    }
    blocks
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')']);
    line.ends_with(['.', '!', '?', ':', '|'])
}

fn continues_sentence(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | '.' | ';' | ')'))
}

/// Rule 2: splits one block at sentence-final punctuation.
fn split_block(text: &str, block: Span, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut start = block.start;
    let mut i = block.start;
    while i < block.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over a run of punctuation and closing quotes: `?!`, `."`, `.”`.
            let mut end = i + 1;
            while end < block.end {
                let rest = &text[end..block.end];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | '\u{201d}' | '\u{2019}' | ')'
                ) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            if is_boundary(text, block, i, end) {
                out.push(Span::new(start, end));
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out.push(Span::new(start, block.end));
}

/// Decides whether the punctuation at `punct` (running to `end`) ends a sentence.
fn is_boundary(text: &str, block: Span, punct: usize, end: usize) -> bool {
    let after = &text[end..block.end];
    let next_word_start = after.trim_start();
    let Some(next) = next_word_start.chars().next() else {
        return false; // the block ends here anyway
    };
    let spaced = next_word_start.len() != after.len();
    let before = &text[block.start..punct];
    let word = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if text.as_bytes()[punct] == b'.' {
        // "U.S." "D.C." "a.m.": an inner period marks an abbreviation.
        if bare.contains('.') {
            return false;
        }
        // Initials: "J. Smith".
        if bare.chars().count() == 1 && bare.chars().all(char::is_uppercase) {
            return false;
        }
        if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(bare)) {
            return false;
        }
        // Decimals and versions: "19.3%".
        if bare.chars().last().is_some_and(|c| c.is_ascii_digit())
            && next.is_ascii_digit()
            && !spaced
        {
            return false;
        }
    }
    let ordinary_word =
        bare.chars().count() >= 2 && bare.chars().all(|c| c.is_lowercase() || c == '-');
    if next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\u{201c}' | '\'' | '\u{2018}')
    {
        // Glued sentences ("distant.The") only after an ordinary word or a closing quote.
        spaced || ordinary_word || bare.is_empty() || punct + 1 < end
    } else if next.is_lowercase() {
        // Sloppy text starts sentences in lower case ("finalized. he reiterated"); trust that only
        // after an ordinary lower-case word, where an abbreviation is unlikely.
        spaced && ordinary_word && text.as_bytes()[punct] == b'.'
    } else {
        false
    }
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_sentences_are_cut_at_clause_boundaries() {
        let text = "word, ".repeat(3000) + "caf\u{e9} end";
        let sentences = split_sentences(&text);
        assert!(sentences.len() >= 9, "{}", sentences.len());
        for s in &sentences {
            assert!(
                s.span.end - s.span.start <= MAX_SENTENCE_BYTES,
                "{:?}",
                s.span
            );
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
        assert!(sentences[0].span.of(&text).ends_with(','));
        let no_spaces = "\u{e9}".repeat(3000);
        for s in split_sentences(&no_spaces) {
            assert!(s.span.end - s.span.start <= MAX_SENTENCE_BYTES);
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| {
                assert_eq!(s.span.of(text), s.span.of(text).trim(), "span is trimmed");
                s.span.of(text)
            })
            .collect()
    }

    #[test]
    fn splits_plain_prose() {
        assert_eq!(
            sentences("The minister arrived. She spoke at noon! Did he stay? Yes."),
            [
                "The minister arrived.",
                "She spoke at noon!",
                "Did he stay?",
                "Yes."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences(
                "Mr. Jones met U.S. officials on Nov. 3 in St. Louis. J. R. Smith was there."
            ),
            [
                "Mr. Jones met U.S. officials on Nov. 3 in St. Louis.",
                "J. R. Smith was there."
            ]
        );
        assert_eq!(
            sentences("Prices rose 19.3% in May."),
            ["Prices rose 19.3% in May."]
        );
    }

    #[test]
    fn joins_lines_broken_mid_sentence() {
        let text = "The talks focused on guarantees\nfor the region. Officials agreed.\nA heading\nNext line starts anew.";
        assert_eq!(
            sentences(text),
            [
                "The talks focused on guarantees\nfor the region.",
                "Officials agreed.",
                "A heading",
                "Next line starts anew."
            ]
        );
    }

    #[test]
    fn period_on_the_next_line_closes_the_sentence() {
        let text = "No one wanted a truce\n.The envoy left on Friday.";
        assert_eq!(
            sentences(text),
            ["No one wanted a truce\n.", "The envoy left on Friday."]
        );
        let text = "They will finish the plan\n. he said more work remained.";
        assert_eq!(
            sentences(text),
            [
                "They will finish the plan\n.",
                "he said more work remained."
            ]
        );
    }

    #[test]
    fn splits_glued_sentences_but_not_abbreviations() {
        assert_eq!(
            sentences("The visit remained distant.The purpose was unclear."),
            ["The visit remained distant.", "The purpose was unclear."]
        );
        assert_eq!(
            sentences("He met U.S.officials."),
            ["He met U.S.officials."]
        );
    }

    #[test]
    fn table_rows_and_headings_are_separate() {
        let text =
            "| Date | Event |\n|---|---|\n| May 2, 2024 | Summit held |\nWhat next?\nNobody knows.";
        assert_eq!(
            sentences(text),
            [
                "| Date | Event |",
                "| May 2, 2024 | Summit held |",
                "What next?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn quotes_close_with_the_sentence() {
        assert_eq!(
            sentences("He said “it is over.” Then he left."),
            ["He said “it is over.”", "Then he left."]
        );
    }
}
