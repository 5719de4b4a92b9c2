//! One sentence prepared for the event rules: its tokens, which of them lie inside a temporal
//! expression, a mention or a quotation, and its clauses.

use super::clauses::{segment, Clause};
use super::tokens::{tokenize_with, Token};
use crate::extract::model::Mention;
use crate::text::{Sentence, Span};
use crate::time::Timex;

/// A sentence with everything the event rules read from it.
#[derive(Debug)]
pub(crate) struct SentenceView<'a> {
    /// The document text.
    pub text: &'a str,
    /// The document text lower-cased by ASCII rules, when the caller made it (see
    /// [`tokenize_with`]).
    lowered: Option<&'a str>,
    /// The sentence's index in the document.
    pub index: usize,
    /// The sentence's span.
    pub span: Span,
    /// Its tokens.
    pub tokens: Vec<Token<'a>>,
    /// For every token, the temporal expression (index into the document's timexes) it is in.
    pub timex_at: Vec<Option<usize>>,
    /// For every token, the mention (index into the document's mentions) it is in.
    pub mention_at: Vec<Option<usize>>,
    /// For every token, true inside a quotation ("“…”").
    pub quoted: Vec<bool>,
    /// Its clauses.
    pub clauses: Vec<Clause>,
    /// For every token, its clause.
    pub clause_of: Vec<usize>,
    /// For every token, its position in its clause.
    position: Vec<usize>,
    /// The document's temporal expressions and mentions that overlap this sentence (indices),
    /// kept so that a table cell looks only at its own sentence's.
    own_timexes: Vec<usize>,
    own_mentions: Vec<usize>,
    /// A heading or table cell: no final punctuation, few words ("Envoy to visit Rome").
    pub headline: bool,
    /// The sentence has an "if" or "unless" clause: what it tells is supposed, not stated.
    pub supposes: bool,
}

impl<'a> SentenceView<'a> {
    /// Prepares `sentence` of `text`; `lowered` is `text.to_ascii_lowercase()`, made once per
    /// document so that tokens need not lower-case themselves. `own` lists the timexes and
    /// mentions that overlap the sentence (see [`SpanIndex`]), so that the work per sentence
    /// does not grow with the document.
    pub fn new(
        text: &'a str,
        lowered: &'a str,
        sentence: &Sentence,
        timexes: &[Timex],
        mentions: &[Mention],
        own: (&[usize], &[usize]),
    ) -> Self {
        let (index, span) = (sentence.index, sentence.span);
        let own = (own.0.to_vec(), own.1.to_vec());
        Self::build(text, Some(lowered), index, span, timexes, mentions, own)
    }

    /// Prepares the stretch `span` of sentence `index` (a whole sentence or a table cell).
    #[cfg(test)]
    pub fn of_span(
        text: &'a str,
        index: usize,
        span: Span,
        timexes: &[Timex],
        mentions: &[Mention],
    ) -> Self {
        let own = ((0..timexes.len()).collect(), (0..mentions.len()).collect());
        Self::build(text, None, index, span, timexes, mentions, own)
    }

    /// Prepares the stretch `span` of this view's sentence (a table cell).
    pub fn stretch(&self, span: Span, timexes: &[Timex], mentions: &[Mention]) -> Self {
        let own = (self.own_timexes.clone(), self.own_mentions.clone());
        Self::build(
            self.text,
            self.lowered,
            self.index,
            span,
            timexes,
            mentions,
            own,
        )
    }

    fn build(
        text: &'a str,
        lowered: Option<&'a str>,
        index: usize,
        span: Span,
        timexes: &[Timex],
        mentions: &[Mention],
        (own_timexes, own_mentions): (Vec<usize>, Vec<usize>),
    ) -> Self {
        let tokens = tokenize_with(text, lowered, span);
        let timex_spans = own_timexes
            .iter()
            .filter_map(|&n| timexes.get(n).map(|t| (n, t.span)));
        let timex_at = locate(&tokens, timex_spans);
        let mention_spans = own_mentions
            .iter()
            .filter_map(|&n| mentions.get(n).map(|m| (n, m.span)));
        let mention_at = locate(&tokens, mention_spans);
        let quoted = quotations(&tokens);
        let in_timex: Vec<bool> = timex_at.iter().map(Option::is_some).collect();
        let (clauses, clause_of) = segment(&tokens, &in_timex);
        let written = span.of(text).trim_end();
        let headline = !written.ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
            && tokens.iter().filter(|t| t.is_word()).count() <= 16;
        let supposes = tokens
            .iter()
            .zip(&timex_at)
            .any(|(t, x)| x.is_none() && matches!(t.lower.as_ref(), "if" | "unless"));
        let mut position = vec![0; tokens.len()];
        for clause in &clauses {
            for (k, &t) in clause.tokens.iter().enumerate() {
                position[t] = k;
            }
        }
        Self {
            position,
            text,
            lowered,
            index,
            span,
            tokens,
            timex_at,
            mention_at,
            quoted,
            clauses,
            clause_of,
            headline,
            supposes,
            own_timexes,
            own_mentions,
        }
    }

    /// True when the sentence asks rather than states.
    pub fn is_question(&self) -> bool {
        self.span.of(self.text).trim_end().ends_with('?')
    }

    /// The document's timexes (indices) that overlap this sentence.
    pub fn own_timexes(&self) -> &[usize] {
        &self.own_timexes
    }

    /// The clause a token is in.
    pub fn clause(&self, token: usize) -> &Clause {
        &self.clauses[self.clause_of[token]]
    }

    /// The position of `token` in its clause.
    pub fn position_in_clause(&self, token: usize) -> usize {
        self.position.get(token).copied().unwrap_or(0)
    }

    /// The tokens of `token`'s clause before it, nearest first.
    pub fn clause_before(&self, token: usize) -> impl Iterator<Item = usize> + '_ {
        let clause = self.clause(token);
        let pos = self.position_in_clause(token);
        clause.tokens[..pos].iter().rev().copied()
    }

    /// The tokens of `token`'s clause after it, nearest first.
    pub fn clause_after(&self, token: usize) -> impl Iterator<Item = usize> + '_ {
        let clause = self.clause(token);
        let pos = self.position_in_clause(token);
        clause.tokens[pos + 1..].iter().copied()
    }

    /// The span from the first to the last token of a clause.
    pub fn clause_span(&self, clause: usize) -> Span {
        let tokens = &self.clauses[clause].tokens;
        match (tokens.first(), tokens.last()) {
            (Some(&a), Some(&b)) => Span::new(self.tokens[a].span.start, self.tokens[b].span.end),
            _ => self.span,
        }
    }
}

/// For every token, the index of the span (from `spans`, (index, span) pairs in the order of
/// the document's list) that covers it, if any.
fn locate(tokens: &[Token<'_>], spans: impl Iterator<Item = (usize, Span)>) -> Vec<Option<usize>> {
    let mut at = vec![None; tokens.len()];
    let Some(first) = tokens.first().map(|t| t.span.start) else {
        return at;
    };
    let last = tokens.last().map_or(first, |t| t.span.end);
    for (n, span) in spans {
        if span.end <= first || span.start >= last {
            continue;
        }
        // Tokens are in text order: only those from the first one ending after the span's start.
        let from = tokens.partition_point(|t| t.span.end <= span.start);
        for (i, token) in tokens.iter().enumerate().skip(from) {
            if token.span.start >= span.end {
                break;
            }
            if span.overlaps(token.span) && at[i].is_none() {
                at[i] = Some(n);
            }
        }
    }
    at
}

/// For every sentence, the indices of the spans that overlap it: built once per document, so
/// that each sentence looks only at its own timexes and mentions (extraction stays linear in
/// the document's length).
#[derive(Debug, Default)]
pub(crate) struct SpanIndex {
    by_sentence: Vec<Vec<usize>>,
}

impl SpanIndex {
    /// Indexes `spans` by the sentences (in text order, not overlapping) that they overlap.
    pub fn new(sentences: &[Sentence], spans: impl Iterator<Item = Span>) -> Self {
        let mut by_sentence = vec![Vec::new(); sentences.len()];
        for (n, span) in spans.enumerate() {
            let from = sentences.partition_point(|s| s.span.end <= span.start);
            for (k, sentence) in sentences.iter().enumerate().skip(from) {
                if sentence.span.start >= span.end {
                    break;
                }
                if sentence.span.overlaps(span) || sentence.span == span {
                    by_sentence[k].push(n);
                }
            }
        }
        Self { by_sentence }
    }

    /// The spans overlapping the sentence at position `k` of the document's list.
    pub fn of(&self, k: usize) -> &[usize] {
        self.by_sentence.get(k).map_or(&[], Vec::as_slice)
    }
}

/// Marks tokens inside quotation marks; a quotation that is never closed marks nothing.
fn quotations(tokens: &[Token<'_>]) -> Vec<bool> {
    let mut quoted = vec![false; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let opening = t.text == "\u{201c}" || t.text == "\"";
        if opening {
            let close = tokens[i + 1..]
                .iter()
                .position(|c| c.text == "\u{201d}" || c.text == "\"")
                .map(|k| i + 1 + k);
            if let Some(close) = close {
                for q in quoted.iter_mut().take(close).skip(i + 1) {
                    *q = true;
                }
                i = close + 1;
                continue;
            }
        }
        i += 1;
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_marked_only_when_closed() {
        let text = "He said “we met” and left \"then";
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]);
        let marked: Vec<&str> = view
            .tokens
            .iter()
            .zip(&view.quoted)
            .filter(|(_, q)| **q)
            .map(|(t, _)| t.text)
            .collect();
        assert_eq!(marked, ["we", "met"]);
    }

    #[test]
    fn headlines_have_no_final_stop() {
        let text = "Envoy to visit the capital";
        assert!(SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]).headline);
        let text = "The envoy will visit the capital.";
        assert!(!SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]).headline);
    }
}
