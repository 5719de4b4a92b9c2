//! The tense of the clause around an expression, which decides whether "on Tuesday" or "in
//! January" lies before or after the publication date ("said on Tuesday" is the past Tuesday,
//! "will meet on Thursday" the coming one).
//!
//! No parser: the cue nearest to the expression wins, first within its clause (up to `;`, `:`,
//! a dash or a quotation mark), then within its sentence. Cues come from
//! `ontology/lexicon/time_tense.tsv`: future markers ("will", "is set to", "scheduled"),
//! irregular past forms ("said", "met", "spent"), and, by rule, regular past forms in "-ed"
//! that are not participles ("was killed" counts through "was"; "will be announced" through
//! "will").

use crate::text::Span;
use std::collections::HashSet;
use std::sync::LazyLock;

const TENSE_CUES: &str = include_str!("../../ontology/lexicon/time_tense.tsv");

/// The tense of a clause, as far as the cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Something happened ("said", "met", "visited").
    Past,
    /// Something will happen ("will", "is set to", "scheduled").
    Future,
    /// No cue.
    Unknown,
}

struct Cues {
    /// Future phrases as word sequences.
    future: Vec<Vec<String>>,
    /// Irregular past forms.
    past: HashSet<String>,
    /// Words in -ed that are not past forms.
    not_past: HashSet<String>,
    /// Words after which an -ed form is a participle or adjective.
    participle_aux: HashSet<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut cues = Cues {
        future: Vec::new(),
        past: HashSet::new(),
        not_past: HashSet::new(),
        participle_aux: HashSet::new(),
    };
    for line in TENSE_CUES.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((phrase, class)) = line.split_once('\t') else {
            continue;
        };
        let phrase = normalize_word(phrase.trim());
        match class.trim() {
            "future" => cues
                .future
                .push(phrase.split(' ').map(str::to_string).collect()),
            "past" => {
                cues.past.insert(phrase);
            }
            "not_past" => {
                cues.not_past.insert(phrase);
            }
            "participle_aux" => {
                cues.participle_aux.insert(phrase);
            }
            _ => {}
        }
    }
    cues
});

fn normalize_word(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// A word of the sentence, lower-cased, with its byte span in the document.
struct Token {
    word: String,
    span: Span,
}

fn tokens(text: &str, within: Span) -> Vec<Token> {
    let slice = within.of(text);
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let is_word = c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = normalize_word(&slice[s..i]);
                let word = word.trim_matches(|c| c == '\'' || c == '-').to_string();
                if !word.is_empty() {
                    out.push(Token {
                        word,
                        span: Span::new(within.start + s, within.start + i),
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The stretch around `expr` inside `sentence`, up to the nearest boundary each side: a clause
/// ends at `;`, `:`, a dash, a quotation mark or a bracket; a segment also at a comma.
fn around(text: &str, sentence: Span, expr: Span, commas: bool) -> Span {
    let is_boundary = |c: char| {
        matches!(
            c,
            ';' | ':' | '\u{2014}' | '\u{2013}' | '"' | '\u{201c}' | '\u{201d}' | '(' | ')'
        ) || (commas && c == ',')
    };
    let before = text.get(sentence.start..expr.start).unwrap_or("");
    let start = before.rfind(is_boundary).map_or(sentence.start, |i| {
        sentence.start + i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let after = text.get(expr.end..sentence.end).unwrap_or("");
    let end = after
        .find(is_boundary)
        .map_or(sentence.end, |i| expr.end + i);
    Span::new(start, end.max(start))
}

/// The tense of one token or of the phrase starting at it, if it is a cue.
fn cue_at(tokens: &[Token], i: usize) -> Option<(Tense, Span)> {
    let cues = &*CUES;
    let word = tokens[i].word.as_str();
    for phrase in &cues.future {
        let n = phrase.len();
        if i + n <= tokens.len()
            && tokens[i..i + n]
                .iter()
                .zip(phrase)
                .all(|(t, p)| t.word == *p)
        {
            // "had been scheduled to expire", "had planned to": a plan the past perfect
            // reports as overtaken, so the day it named has passed ("the sale, which had been
            // expected," says nothing of when).
            let past_perfect = i > 0
                && matches!(
                    phrase[0].as_str(),
                    "scheduled" | "slated" | "planned" | "planning" | "set"
                )
                && (tokens[i - 1].word == "had"
                    || (i > 1 && tokens[i - 1].word == "been" && tokens[i - 2].word == "had"));
            let tense = if past_perfect {
                Tense::Past
            } else {
                Tense::Future
            };
            return Some((
                tense,
                Span::new(tokens[i].span.start, tokens[i + n - 1].span.end),
            ));
        }
    }
    if word.ends_with("'ll") {
        return Some((Tense::Future, tokens[i].span));
    }
    // "will be paid", "is being held": a participle, whose tense is the auxiliary's.
    let participle = (i > 0 && cues.participle_aux.contains(tokens[i - 1].word.as_str()))
        || (i > 1
            && cues.participle_aux.contains(tokens[i - 2].word.as_str())
            && matches!(
                tokens[i - 1].word.as_str(),
                "being" | "been" | "not" | "also"
            ));
    // "markets untouched by the crisis", "a bid backed by banks": a participle with its
    // agent after a noun, not the clause's verb ("was" or "had" before it still counts).
    let participle = participle
        || (tokens.get(i + 1).is_some_and(|t| t.word == "by")
            && !matches!(word, "was" | "were" | "had" | "did"));
    if cues.past.contains(word) && !participle {
        return Some((Tense::Past, tokens[i].span));
    }
    let regular_past = word.len() >= 5
        && word.ends_with("ed")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !cues.not_past.contains(word)
        && !participle;
    regular_past.then_some((Tense::Past, tokens[i].span))
}

/// Words that open another clause: a cue after one of them, past the expression, tells that
/// clause's tense ("told a plenary on Thursday that he would …").
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "while", "because", "although", "though",
    "if", "unless", "whether",
];

/// The nearest cue to `expr` among the tokens of `within`, outside the expression itself, and
/// not past a clause opener after it.
fn nearest_cue(text: &str, within: Span, expr: Span) -> Option<(usize, Tense)> {
    let tokens = tokens(text, within);
    let end = tokens
        .iter()
        .position(|t| t.span.start >= expr.end && CLAUSE_OPENERS.contains(&t.word.as_str()))
        .unwrap_or(tokens.len());
    let mut best: Option<(usize, Tense)> = None;
    for i in 0..end {
        if expr.contains(tokens[i].span) {
            continue;
        }
        let Some((tense, span)) = cue_at(&tokens, i) else {
            continue;
        };
        if span.overlaps(expr) {
            continue;
        }
        let distance = if span.end <= expr.start {
            expr.start - span.end
        } else {
            // A cue after the expression counts a little less than one before it.
            span.start.saturating_sub(expr.end) + 2
        };
        if best.map_or(true, |(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    }
    best
}

/// The tense around `expr` in `sentence` (both byte spans of `text`).
pub(crate) fn tense_at(text: &str, sentence: Span, expr: Span) -> Tense {
    nearest_cue(text, around(text, sentence, expr, true), expr)
        .or_else(|| nearest_cue(text, around(text, sentence, expr, false), expr))
        .or_else(|| nearest_cue(text, sentence, expr))
        .map_or(Tense::Unknown, |(_, t)| t)
}

/// Most bytes between a tense cue and an expression for the cue to be read as the expression's
/// own verb ("took place on January 15", "slowed in December").
const NEAR_CUE: usize = 16;

/// True when a tense cue stands right at `expr`, in its own comma-bounded segment: its verb,
/// whose tense is then trusted over the nearness of a date to the publication date.
pub(crate) fn cue_is_near(text: &str, sentence: Span, expr: Span) -> bool {
    nearest_cue(text, around(text, sentence, expr, true), expr).is_some_and(|(d, _)| d <= NEAR_CUE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, expr: &str) -> Tense {
        let start = sentence.find(expr).unwrap_or(0);
        tense_at(
            sentence,
            Span::new(0, sentence.len()),
            Span::new(start, start + expr.len()),
        )
    }

    #[test]
    fn past_and_future_cues() {
        let cases = [
            (
                "The ministers met in Oslo on Tuesday.",
                "Tuesday",
                Tense::Past,
            ),
            (
                "The ministers will meet in Oslo on Tuesday.",
                "Tuesday",
                Tense::Future,
            ),
            (
                "The envoy is set to hold talks in Rome on Thursday.",
                "Thursday",
                Tense::Future,
            ),
            ("Rebels attacked the town on Sunday.", "Sunday", Tense::Past),
            (
                "On Friday, the minister told reporters nothing.",
                "Friday",
                Tense::Past,
            ),
            (
                "The results will be announced on Friday.",
                "Friday",
                Tense::Future,
            ),
            ("She'll travel to Paris on Monday.", "Monday", Tense::Future),
            (
                "The summit is scheduled for Monday.",
                "Monday",
                Tense::Future,
            ),
            (
                "The delegation spent six hours in talks on Tuesday.",
                "Tuesday",
                Tense::Past,
            ),
            ("Talks in Geneva on Tuesday.", "Tuesday", Tense::Unknown),
            (
                "The revised plan is on the table in November.",
                "November",
                Tense::Unknown,
            ),
        ];
        for (sentence, expr, expected) in cases {
            assert_eq!(tense(sentence, expr), expected, "{sentence}");
        }
    }

    #[test]
    fn the_nearest_cue_in_the_clause_wins() {
        let s = "He said the council will vote on Thursday.";
        assert_eq!(tense(s, "Thursday"), Tense::Future);
        let s = "The vote, which will shape the budget, took place on Monday.";
        assert_eq!(tense(s, "Monday"), Tense::Past);
        let s = "He said on Monday: \u{201c}We will win.\u{201d}";
        assert_eq!(tense(s, "Monday"), Tense::Past);
        let s = "The talks, which began on Monday, will continue on Friday.";
        assert_eq!(tense(s, "Monday"), Tense::Past);
        assert_eq!(tense(s, "Friday"), Tense::Future);
        let s = "Officials said the talks would resume on Thursday.";
        assert_eq!(tense(s, "Thursday"), Tense::Future);
    }

    #[test]
    fn participles_with_an_agent_and_overtaken_plans() {
        let s = "Ferries will double their crossings by August in ports untouched by the strike.";
        assert_eq!(tense(s, "August"), Tense::Future);
        let s = "The hearing had been scheduled to open on Friday.";
        assert_eq!(tense(s, "Friday"), Tense::Past);
        let s = "The sale, which had been expected, must close by February.";
        assert_eq!(tense(s, "February"), Tense::Future);
        let s = "The handover was planned for early March.";
        assert_eq!(tense(s, "March"), Tense::Future);
        // Must not: an auxiliary before "by" is still the verb of the clause.
        let s = "The budget was approved by parliament on Monday.";
        assert_eq!(tense(s, "Monday"), Tense::Past);
        let s = "Troops shelled the port on Sunday, backed by gunboats.";
        assert_eq!(tense(s, "Sunday"), Tense::Past);
        let s = "The hearing is scheduled to open on Friday.";
        assert_eq!(tense(s, "Friday"), Tense::Future);
    }

    #[test]
    fn a_cue_in_a_clause_after_the_expression_does_not_count() {
        let s = "The chair told a plenary on Thursday that he would not give in.";
        assert_eq!(tense(s, "Thursday"), Tense::Past);
        let s = "The chair said on Thursday it would not give in.";
        assert_eq!(tense(s, "Thursday"), Tense::Past);
    }
}
