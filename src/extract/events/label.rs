//! A short label that says what happened, built from the words of the clause: subject, verb
//! group, trigger and the first words of its object ("the ministry confirmed that the envoy visited
//! Rome", "the army launched a full-scale invasion of its neighbor", "videoconference involving
//! supporters of the plan"). Dates are left out (the event carries its date); the label stops
//! at a comma, a quotation, a pronoun or after [`MAX_WORDS`] words, and never ends on a
//! preposition or determiner. It never opens with a pronoun or a reporting verb.

use super::grammar::{is, WordClass};
use super::lexicon::{senses, Pos};
use super::sentence::SentenceView;

/// Most words in a label.
pub(crate) const MAX_WORDS: usize = 9;

/// Where the label's words come from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LabelParts {
    /// The subject's first and last token, if any.
    pub subject: Option<(usize, usize)>,
    /// The first token of the event's words (the verb group, or the noun phrase of a noun).
    pub start: usize,
    /// The last trigger token of the event.
    pub last: usize,
    /// True when the event is named by a noun with no verb of its own.
    pub noun_only: bool,
    /// True when the event is a statement (its "that" clause is told too).
    pub statement: bool,
}

/// The label.
pub(crate) fn label(view: &SentenceView<'_>, parts: LabelParts) -> String {
    let mut words: Vec<usize> = Vec::new();
    if let Some((a, b)) = parts.subject {
        let subject: Vec<usize> = (a..=b)
            .filter(|&t| view.clause_of[t] == view.clause_of[b])
            .collect();
        let skip = subject
            .iter()
            .take_while(|&&t| view.tokens[t].is(WordClass::Determiner))
            .count();
        words.extend(
            subject
                .into_iter()
                .skip(skip)
                .filter(|&t| view.tokens[t].is_word()),
        );
    }
    let own = |t: usize| {
        view.clause_of[t] == view.clause_of[parts.start]
            || view.clause_of[t] == view.clause_of[parts.last]
    };
    words.extend(
        (parts.start..=parts.last)
            .filter(|&t| own(t))
            .filter(|&t| view.tokens[t].is_word() && view.timex_at[t].is_none()),
    );
    let mut reached_end = true;
    for t in view.clause_after(parts.last) {
        if words.len() >= MAX_WORDS {
            reached_end = false;
            break;
        }
        if view.timex_at[t].is_some() {
            // Dates are left out, with the preposition that introduces them.
            if words
                .last()
                .is_some_and(|&w| view.tokens[w].is(WordClass::Preposition))
                && words.last() > Some(&parts.last)
            {
                words.pop();
            }
            continue;
        }
        if stops(view, t, parts.noun_only) {
            // Only dates and commas left in the clause: a "that" clause may still follow.
            let rest_is_date = view
                .clause_after(t)
                .all(|r| view.timex_at[r].is_some() || view.tokens[r].is_punct(','));
            reached_end = rest_is_date && view.tokens[t].is_punct(',');
            break;
        }
        if view.tokens[t].is_word() {
            words.push(t);
        }
    }
    if parts.statement && reached_end && words.len() < MAX_WORDS {
        if let Some(clause) = that_clause(view, parts.last) {
            extend_with_complement(view, clause, &mut words);
        }
    }
    drop_pronoun_opening(view, &mut words, parts.statement);
    drop_reporting_opening(view, &mut words);
    words.truncate(MAX_WORDS);
    while words
        .last()
        .is_some_and(|&t| ends_badly(&view.tokens[t].lower))
    {
        words.pop();
    }
    let mut out = String::new();
    for (k, &t) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(view.tokens[t].text);
        // Keep the period of an abbreviation followed by more of the label: "St. Louis".
        let period = view
            .tokens
            .get(t + 1)
            .filter(|p| p.is_punct('.') && p.span.start == view.tokens[t].span.end);
        if period.is_some() && words.get(k + 1) == Some(&(t + 2)) {
            out.push('.');
        }
    }
    out
}

/// A label never opens with a pronoun ("it will begin to fly …") nor, then, with the reporting
/// verb of a statement ("said that …"): the pronoun and the verb-group words after it go, and a
/// statement whose subject was a pronoun is labelled by what it states, when its "that" clause
/// was read ("he said that the envoy visited Rome" → "the envoy visited Rome").
fn drop_pronoun_opening(view: &SentenceView<'_>, words: &mut Vec<usize>, statement: bool) {
    let Some(&first) = words.first() else {
        return;
    };
    if !view.tokens[first].is(WordClass::Pronoun) {
        return;
    }
    let skip = words
        .iter()
        .skip(1)
        .take_while(|&&t| {
            let token = &view.tokens[t];
            token.is(WordClass::Auxiliary)
                || token.is(WordClass::Modal)
                || token.is(WordClass::Adverb)
        })
        .count()
        + 1;
    words.drain(..skip.min(words.len()));
    if statement {
        if let Some(that) = words.iter().position(|&t| view.tokens[t].lower == "that") {
            if that + 1 < words.len() {
                words.drain(..=that);
            }
        }
    }
}

/// A label never opens with a reporting verb either: a statement whose subject was left out
/// (a pronoun, or a name in parentheses) is labelled by what it states, past the verb, "that"
/// and determiners ("announced the acquisition of Home Savings" → "acquisition of Home
/// Savings"), and by nothing when it states nothing more ("it said earlier"): such an event is
/// dropped.
fn drop_reporting_opening(view: &SentenceView<'_>, words: &mut Vec<usize>) {
    let reporting = |t: usize| {
        senses(&view.tokens[t].lower)
            .iter()
            .any(|s| s.pos == Pos::Verb && s.is_statement())
    };
    if !words.first().is_some_and(|&t| reporting(t)) {
        return;
    }
    let skip = 1 + words
        .iter()
        .skip(1)
        .take_while(|&&t| {
            let token = &view.tokens[t];
            token.lower == "that"
                || token.is(WordClass::Determiner)
                || token.is(WordClass::Adverb)
                || token.lower.ends_with("ly")
                || matches!(
                    token.lower.as_ref(),
                    "earlier" | "later" | "today" | "yesterday"
                )
        })
        .count();
    words.drain(..skip.min(words.len()));
    // What is left must say something: not only words that end a label badly.
    if words.iter().all(|&t| ends_badly(&view.tokens[t].lower)) {
        words.clear();
    }
}

/// The "that" clause right after the clause of the token at `verb`, if one follows.
pub(crate) fn that_clause(view: &SentenceView<'_>, verb: usize) -> Option<usize> {
    let own = view.clause(verb);
    let end = *own.tokens.last()?;
    let next = end + 1;
    let token = view.tokens.get(next)?;
    (token.lower == "that" && view.clause(next).opener == Some(next)).then(|| view.clause_of[next])
}

/// Where the words after the trigger stop.
fn stops(view: &SentenceView<'_>, t: usize, noun_only: bool) -> bool {
    let token = &view.tokens[t];
    let word = token.lower.as_ref();
    if token.is_quote() || token.is_punct(',') || token.is_punct('(') {
        return true;
    }
    if is(word, WordClass::Pronoun) || (word.ends_with("ly") && word.len() > 4) {
        return true;
    }
    noun_only
        && token.is_word()
        && (word.ends_with("ed") || is(word, WordClass::Auxiliary) || is(word, WordClass::Modal))
}

/// "The ministry said on Tuesday that …": the words of the "that" clause after a statement.
fn extend_with_complement(view: &SentenceView<'_>, clause: usize, words: &mut Vec<usize>) {
    for &t in &view.clauses[clause].tokens {
        let token = &view.tokens[t];
        if words.len() >= MAX_WORDS
            || token.is_quote()
            || token.is_punct(',')
            || token.is_punct('(')
        {
            break;
        }
        if token.is_word() && view.timex_at[t].is_none() {
            words.push(t);
        }
    }
}

/// Words a label must not end with.
fn ends_badly(word: &str) -> bool {
    is(word, WordClass::Preposition)
        || is(word, WordClass::Determiner)
        || is(word, WordClass::Coordinator)
        || is(word, WordClass::Relative)
        || is(word, WordClass::Auxiliary)
        || word == "to"
        || word == "what"
}
