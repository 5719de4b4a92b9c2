//! Who took part in an event and where it happened, read from the trigger's clause.
//!
//! - The subject is the name or noun phrase right before the verb group ("the ministry confirmed"), the
//!   antecedent of a relative clause ("it was the army that launched"), or, after a parenthesis set off by
//!   commas, the noun phrase that opens the clause ("A working group, led by …, will be launched").
//! - Participants are the people and organizations named in the clause from its start to a few
//!   words after the trigger; a name that only qualifies another noun ("the mayor's aide visited")
//!   is not one.
//! - The place is a place named after "in", "at", "to", "near" or "into" after the trigger (before
//!   a comma, which opens an aside), or
//!   right after a verb of visiting, invading or capturing ("visited Rome", "invasion of Norland");
//!   a statement's place must follow the verb closely ("said in Brussels").

use super::grammar::{is, is_contracted_negation, Classes, WordClass};
use super::lexicon::{is_verb_only, STATEMENT};
use super::sentence::SentenceView;
use super::tokens::TokenKind;
use crate::extract::model::{Mention, MentionKind};

/// How far after the trigger the arguments of an event are read (tokens).
const REACH: usize = 15;

/// How far after a statement its place may be named (tokens): "said in Brussels".
const STATEMENT_PLACE_REACH: usize = 3;

/// Classes whose verb or noun takes the place as its object.
const PLACE_OBJECT_CLASSES: &[&str] = &["visit", "invasion", "annexation", "capture", "attack"];

/// True for words that may stand in a verb group before the verb.
pub(crate) fn in_verb_group(word: &str) -> bool {
    let classes = Classes::of(word);
    word == "to"
        || classes.has(WordClass::Auxiliary)
        || classes.has(WordClass::Modal)
        || classes.has(WordClass::Adverb)
        || classes.has(WordClass::Negation)
        || classes.has(WordClass::Plan)
        || is_contracted_negation(word)
        || (word.ends_with("ly") && word.len() > 4)
}

/// The first token of the verb group that ends with the verb at `verb` ("is set to hold").
pub(crate) fn verb_group_start(view: &SentenceView<'_>, verb: usize) -> usize {
    let mut start = verb;
    for t in view.clause_before(verb) {
        let token = &view.tokens[t];
        if token.kind == TokenKind::Word
            && in_verb_group(&token.lower)
            && view.mention_at[t].is_none()
        {
            start = t;
        } else {
            break;
        }
    }
    start
}

/// True for words that cannot be part of a subject noun phrase.
fn closed(word: &str) -> bool {
    let classes = Classes::of(word);
    [
        WordClass::Determiner,
        WordClass::Preposition,
        WordClass::Auxiliary,
        WordClass::Modal,
        WordClass::Relative,
        WordClass::Subordinator,
        WordClass::Coordinator,
        WordClass::Negation,
    ]
    .iter()
    .any(|&class| classes.has(class))
}

/// A noun phrase ending at token `end` (inclusive), walking back at most four words, through
/// "and" between names ("U.S. and French officials"). Leading determiners are left out.
fn noun_phrase_ending_at(view: &SentenceView<'_>, end: usize) -> Option<(usize, usize)> {
    let tokens = &view.tokens;
    if !tokens.get(end).is_some_and(|t| t.is_word()) || view.timex_at[end].is_some() {
        return None;
    }
    if tokens[end].is(WordClass::Pronoun) {
        return Some((end, end));
    }
    if closed(&tokens[end].lower) {
        return None;
    }
    let mut start = end;
    for t in view.clause_before(end).take(3) {
        let token = &tokens[t];
        let joins_names = token.lower == "and"
            && tokens[start].is_capitalized()
            && t.checked_sub(1).is_some_and(|p| tokens[p].is_capitalized());
        // "Kariuki said 14 of the victims died": a verb ends the subject.
        let inside = token.is_word()
            && view.timex_at[t].is_none()
            && !closed(&token.lower)
            && !is_verb_only(&token.lower);
        if !(inside || joins_names) {
            break;
        }
        start = t;
    }
    Some((start, end))
}

/// A noun phrase starting at token `start`: words up to a comma, a preposition or any other
/// closed-class word, at most four; leading determiners are skipped.
fn noun_phrase_starting_at(view: &SentenceView<'_>, start: usize) -> Option<(usize, usize)> {
    let clause = view.clause(start);
    let pos = view.position_in_clause(start);
    let mut first = None;
    let mut last = None;
    for &t in &clause.tokens[pos..] {
        let token = &view.tokens[t];
        if first.is_none() && token.is(WordClass::Determiner) {
            continue;
        }
        if !token.is_word() || closed(&token.lower) || view.timex_at[t].is_some() {
            break;
        }
        first.get_or_insert(t);
        last = Some(t);
        if t - first.unwrap_or(t) >= 3 {
            break;
        }
    }
    Some((first?, last?))
}

/// Where the noun phrase of the noun trigger at `noun` starts: back over names, possessives and
/// hyphenated words ("the army's full-scale assault", "the African Union summit"), past dates
/// ("the November 25 videoconference"), at most four words.
pub(crate) fn noun_phrase_start(view: &SentenceView<'_>, noun: usize) -> usize {
    let mut start = noun;
    let mut words = 0;
    for t in view.clause_before(noun) {
        let token = &view.tokens[t];
        if view.timex_at[t].is_some() {
            continue;
        }
        let modifier = token.kind == TokenKind::Word
            && !closed(&token.lower)
            && (token.is_capitalized() || token.is_possessive() || token.lower.contains('-'));
        if !modifier || words == 4 {
            break;
        }
        start = t;
        words += 1;
    }
    start
}

/// The subject of the verb at `verb`: token range (inclusive).
pub(crate) fn subject(
    view: &SentenceView<'_>,
    verb: usize,
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let start = verb_group_start(view, verb);
    let clause = view.clause(verb);
    // "the minister on Monday accused": look past the date.
    let mut before_tokens = view.clause_before(start).peekable();
    let mut skipped_date = false;
    while before_tokens
        .peek()
        .is_some_and(|&t| view.timex_at[t].is_some())
    {
        before_tokens.next();
        skipped_date = true;
    }
    if skipped_date
        && before_tokens
            .peek()
            .is_some_and(|&t| view.tokens[t].is(WordClass::Preposition))
    {
        before_tokens.next();
    }
    let before = before_tokens.next();
    match before {
        Some(t) if view.tokens[t].is_punct(',') => {
            // "A working group, led by …, will be launched": the phrase that opens the clause.
            let first = clause.tokens.iter().copied().find(|&c| {
                view.tokens[c].is_word()
                    && Some(c) != clause.opener
                    && view.timex_at[c].is_none()
                    && !view.tokens[c].is(WordClass::Preposition)
            })?;
            (first < t)
                .then(|| noun_phrase_starting_at(view, first))
                .flatten()
        }
        Some(t) if Some(t) == clause.opener && view.tokens[t].is(WordClass::Relative) => {
            // "Berg, who was elected": the relative pronoun stands for its antecedent.
            antecedent(view, t)
        }
        Some(t) => {
            let named = view.mention_at[t]
                .and_then(|m| mentions.get(m))
                .filter(|m| {
                    matches!(
                        m.kind,
                        MentionKind::Person | MentionKind::Organization | MentionKind::Place
                    )
                });
            if let Some(m) = named {
                let first = view.tokens.iter().position(|x| x.span.overlaps(m.span))?;
                return Some((first, t));
            }
            let (start, end) = noun_phrase_ending_at(view, t)?;
            Some((head_before_preposition(view, start).unwrap_or(start), end))
        }
        None => {
            // The clause opens with the verb group: a relative clause takes its antecedent.
            let opener = clause.opener?;
            let word = &view.tokens[opener].lower;
            if !is(word, WordClass::Relative) || Some(opener) != clause.tokens.first().copied() {
                return None;
            }
            antecedent(view, opener)
        }
    }
}

/// The noun phrase a relative pronoun at `opener` stands for: the words before it, past a comma.
fn antecedent(view: &SentenceView<'_>, opener: usize) -> Option<(usize, usize)> {
    let mut end = opener.checked_sub(1)?;
    if view.tokens[end].is_punct(',') {
        end = end.checked_sub(1)?;
    }
    noun_phrase_ending_at_any(view, end)
}

/// "a spokesman for the ministry stated": the noun phrase before the preposition that
/// opens the phrase starting at `start` (the subject's head), if there is one.
fn head_before_preposition(view: &SentenceView<'_>, start: usize) -> Option<usize> {
    let mut before = view
        .clause_before(start)
        .skip_while(|&t| view.tokens[t].is(WordClass::Determiner));
    let preposition = before.next()?;
    if !matches!(
        view.tokens[preposition].lower.as_ref(),
        "of" | "with" | "from" | "for" | "in" | "at" | "near"
    ) {
        return None;
    }
    let (head, _) = noun_phrase_ending_at(view, before.next()?)?;
    Some(head)
}

/// Like [`noun_phrase_ending_at`] but across clause boundaries (for antecedents).
fn noun_phrase_ending_at_any(view: &SentenceView<'_>, end: usize) -> Option<(usize, usize)> {
    let token = view.tokens.get(end)?;
    if !token.is_word() || closed(&token.lower) || view.timex_at[end].is_some() {
        return None;
    }
    let mut start = end;
    while start > 0 && end - start < 3 {
        let prev = &view.tokens[start - 1];
        if !prev.is_word() || closed(&prev.lower) || view.timex_at[start - 1].is_some() {
            break;
        }
        start -= 1;
    }
    Some((start, end))
}

/// The last token (inclusive) up to which an event's arguments are read, after `from`.
pub(crate) fn reach_end(view: &SentenceView<'_>, from: usize) -> usize {
    let mut end = from;
    for t in view.clause_after(from).take(REACH) {
        let token = &view.tokens[t];
        let after_date = t > 0 && view.timex_at[t - 1].is_some();
        if token.is_quote() || token.is(WordClass::Pronoun) || (token.is_punct(',') && after_date) {
            break;
        }
        end = t;
    }
    end
}

/// People and organizations taking part: entity indices, in text order, without repeats. They
/// are read in the head's clause from `from` (the subject, or the first trigger) to a few words
/// after `last`.
pub(crate) fn participants(
    view: &SentenceView<'_>,
    head: usize,
    from: usize,
    last: usize,
    mentions: &[Mention],
) -> Vec<usize> {
    let end = reach_end(view, last);
    let mut out = Vec::new();
    let tokens: Vec<usize> = view
        .clause(head)
        .tokens
        .iter()
        .copied()
        .filter(|&t| from <= t && t <= end)
        .collect();
    for (k, &t) in tokens.iter().enumerate() {
        let Some(n) = view.mention_at[t] else {
            continue;
        };
        if k > 0 && view.mention_at[tokens[k - 1]] == Some(n) {
            continue; // not the mention's first token
        }
        let Some(m) = mentions.get(n) else { continue };
        if !matches!(m.kind, MentionKind::Person | MentionKind::Organization) {
            continue;
        }
        let Some(entity) = m.entity else { continue };
        // "the mayor's aide visited": a possessive that qualifies another noun takes no part.
        let mut end_of_mention = t;
        while view.mention_at.get(end_of_mention + 1) == Some(&Some(n)) {
            end_of_mention += 1;
        }
        let qualifies = view.tokens[end_of_mention].is_possessive()
            && end_of_mention + 1 != head
            && view
                .tokens
                .get(end_of_mention + 1)
                .is_some_and(|x| x.is_word());
        if !qualifies && !out.contains(&entity) {
            out.push(entity);
        }
    }
    out
}

/// Where the event happened: a place entity named after the trigger.
pub(crate) fn place(
    view: &SentenceView<'_>,
    class: &str,
    last: usize,
    mentions: &[Mention],
) -> Option<usize> {
    let mut end = reach_end(view, last);
    if class == STATEMENT {
        // "said in Brussels"; not "accused the army of shelling a market in X".
        end = end.min(last + STATEMENT_PLACE_REACH);
    }
    let object_place = PLACE_OBJECT_CLASSES.contains(&class);
    let governs = |p: usize| {
        let word = view.tokens[p].lower.as_ref();
        matches!(word, "in" | "at" | "to" | "near" | "into")
            || (object_place
                && (p == last
                    || word == "of"
                    || (is(word, WordClass::Determiner)
                        && view.clause_before(p).next() == Some(last))))
    };
    let mut prev = last;
    let mut inside: Option<usize> = None;
    for t in view.clause_after(last).take_while(|&t| t <= end) {
        if is_infinitive(view, t) {
            break; // "talks … to end the war in X": X is where another verb happens
        }
        if view.tokens[t].is_punct(',') {
            break; // "named X, the head of its operations in China,": an aside
        }
        match view.mention_at[t] {
            Some(n) if inside == Some(n) => continue,
            Some(n) => {
                inside = Some(n);
                if let Some(m) = mentions.get(n) {
                    if m.kind == MentionKind::Place && m.entity.is_some() && governs(prev) {
                        return m.entity;
                    }
                }
                prev = t;
            }
            None => {
                inside = None;
                if view.tokens[t].is_word() {
                    prev = t;
                }
            }
        }
    }
    None
}

/// "to" before a verb: "to end", "to discuss".
fn is_infinitive(view: &SentenceView<'_>, t: usize) -> bool {
    view.tokens[t].lower == "to"
        && view.tokens.get(t + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.is_capitalized()
                && !n.is(WordClass::Determiner)
                && view.mention_at[t + 1].is_none()
        })
}
