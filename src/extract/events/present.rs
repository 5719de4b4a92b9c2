//! Which verb groups tell their event in the present, so that it holds when the article appears.
//!
//! News tells in the present what is the case at publication, and TimeML (as annotated in
//! TimeBank and MEANTIME) anchors such events to the document's creation time. A verb trigger is
//! told in the present when its verb group is:
//! - the simple present after its subject: the third person ("the airline says", "the store
//!   currently sells", "which serves the city") or, after a plural subject, the base form
//!   ("analysts say", "they intend to");
//! - the present progressive ("is stepping down", "are planning");
//! - the present passive ("are selected by the government").
//!
//! A verb after "can" tells what its subject can do at publication ("the jet can fly 9,000
//! miles").
//!
//! Not: headings (whose present tells the past: "Envoy visits Rome"); groups with another modal, a
//! future, a past auxiliary or an infinitive ("can fly", "will sell", "was held", "to sell");
//! the present perfect, whose event came before publication, by a day or by years ("police have
//! arrested", "has said"); a statement in the passive, which is hearsay ("are said to have met",
//! "is reported to"); what a statement reports ("critics argue that contacts reduce
//! transparency": the argument is dated, not its content); nouns; and a bare form without a
//! subject before it ("rival offers" is no verb).

use super::arguments::verb_group_start;
use super::grammar::{is_contracted_negation, WordClass};
use super::lexicon::{senses, Pos, TriggerSense};
use super::sentence::SentenceView;
use super::triggers::Candidate;

/// Auxiliaries of the present: they open a progressive, perfect or passive group.
const PRESENT_AUXILIARIES: &[&str] = &["is", "are", "am"];

/// Words that put a verb group outside the present (besides modals).
const NOT_PRESENT: &[&str] = &[
    "was", "were", "had", "has", "have", "will", "shall", "to", "be", "been", "do", "does", "did",
    "would", "'ll", "'d", "'ve",
];

/// Pronouns that take the base form in the present: "they intend".
const PLURAL_PRONOUNS: &[&str] = &["we", "they", "i", "you"];

/// Pronouns (and relatives) that take the third person: "it sells", "which serves".
const SINGULAR_SUBJECTS: &[&str] = &["he", "she", "it", "which", "that", "who"];

/// True when the verb trigger `head` tells its event in the present (see the module
/// documentation).
pub(crate) fn told_as_now(view: &SentenceView<'_>, head: &Candidate) -> bool {
    if head.is_noun() || view.headline {
        return false;
    }
    if head.ability {
        return can_now(view, head.token, head.sense);
    }
    present_at(view, head.token, head.sense, true)
}

/// True when the verb at `token` is the base form after "can" and a subject, in no reported
/// clause: "the 777 can fly 9,000 miles", "the jets can now connect any two cities".
fn can_now(view: &SentenceView<'_>, token: usize, sense: &TriggerSense) -> bool {
    let lemma = sense.lemma.split(' ').next().unwrap_or(sense.lemma);
    if view.tokens[token].lower != lemma || reported(view, token) {
        return false;
    }
    let start = verb_group_start(view, token);
    view.clause_before(start)
        .next()
        .is_some_and(|b| singular_subject_ends_at(view, b) || plural_subject_ends_at(view, b))
}

/// True when the verb at `token`, read as `sense`, stands in a verb group of the present; with
/// `coordinated`, a bare participle after "and" or "or" shares the group of the verb before it
/// ("are selected and purchased").
fn present_at(
    view: &SentenceView<'_>,
    token: usize,
    sense: &TriggerSense,
    coordinated: bool,
) -> bool {
    let start = verb_group_start(view, token);
    let group: Vec<&str> = view
        .clause_before(token)
        .take_while(|&t| t >= start)
        .map(|t| view.tokens[t].lower.as_ref())
        .collect();
    let outside = group.iter().any(|w| {
        NOT_PRESENT.contains(w)
            || is_contracted_negation(w)
            || super::grammar::is(w, WordClass::Modal)
    });
    if outside || reported(view, token) {
        return false;
    }
    let lower = view.tokens[token].lower.as_ref();
    let lemma = sense.lemma.split(' ').next().unwrap_or(sense.lemma);
    let auxiliary = group.iter().find(|w| PRESENT_AUXILIARIES.contains(w));
    match auxiliary {
        Some(&aux) => {
            if lower.ends_with("ing") {
                // The progressive: "is stepping down" (not "has being").
                return matches!(aux, "is" | "are" | "am");
            }
            // The passive needs the participle ("are selected"); a statement's is hearsay.
            !sense.is_statement() && lower != lemma && !third_person(lower, lemma)
        }
        None => {
            let before = view.clause_before(start).next();
            if third_person(lower, lemma) {
                before.is_some_and(|b| singular_subject_ends_at(view, b))
            } else if lower == lemma {
                before.is_some_and(|b| plural_subject_ends_at(view, b))
            } else {
                coordinated && lower.ends_with("ed") && shares_group(view, start)
            }
        }
    }
}

/// True when a statement verb stands before the clause of `token` in its sentence: the clause
/// is what the statement reports ("critics argue that such contacts reduce transparency").
fn reported(view: &SentenceView<'_>, token: usize) -> bool {
    let clause = view.clause_of[token];
    (0..token).any(|t| {
        view.clause_of[t] != clause
            && senses(&view.tokens[t].lower)
                .iter()
                .any(|s| s.pos == Pos::Verb && s.is_statement())
    })
}

/// True when the verb at `verb` is a participle coordinated with one of the present passive
/// before it ("are selected and purchased"): it shares that verb's subject.
pub(crate) fn coordinated(view: &SentenceView<'_>, verb: usize) -> bool {
    view.tokens[verb].lower.ends_with("ed") && shares_group(view, verb_group_start(view, verb))
}

/// True when "and" or "or" stands right before `start` after a participle of the present
/// passive: "are selected and purchased".
fn shares_group(view: &SentenceView<'_>, start: usize) -> bool {
    let Some(conjunction) = start.checked_sub(1) else {
        return false;
    };
    let Some(verb) = start.checked_sub(2) else {
        return false;
    };
    if !matches!(view.tokens[conjunction].lower.as_ref(), "and" | "or") {
        return false;
    }
    let word = view.tokens[verb].lower.as_ref();
    word.ends_with("ed")
        && senses(word)
            .iter()
            .find(|s| s.pos == Pos::Verb)
            .is_some_and(|s| present_at(view, verb, s, false))
}

/// True for the third person singular of `lemma` ("says", "sells", "carries", "passes").
fn third_person(lower: &str, lemma: &str) -> bool {
    let stem = lemma.get(..lemma.len().saturating_sub(1)).unwrap_or(lemma);
    lower.len() > 3
        && lower != lemma
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && lower.starts_with(stem)
}

/// The token at `t` can end a singular subject: a name, "it"/"which", or a noun that is no
/// closed-class word and no verb form ("the store", "Apple Corps"; not "received" in "received
/// offers", not "to").
fn singular_subject_ends_at(view: &SentenceView<'_>, t: usize) -> bool {
    let token = &view.tokens[t];
    let word = token.lower.as_ref();
    if view.mention_at[t].is_some() || SINGULAR_SUBJECTS.contains(&word) {
        return true;
    }
    token.is_word() && view.timex_at[t].is_none() && !closed(view, t) && !verb_form(word)
}

/// The token at `t` can end a plural subject: "they", "we", a name, or a plural noun ("analysts").
fn plural_subject_ends_at(view: &SentenceView<'_>, t: usize) -> bool {
    let token = &view.tokens[t];
    let word = token.lower.as_ref();
    if PLURAL_PRONOUNS.contains(&word) {
        return true;
    }
    let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
    (plural || view.mention_at[t].is_some())
        && token.is_word()
        && !token.is_possessive()
        && view.timex_at[t].is_none()
        && !closed(view, t)
}

fn closed(view: &SentenceView<'_>, t: usize) -> bool {
    let token = &view.tokens[t];
    [
        WordClass::Determiner,
        WordClass::Preposition,
        WordClass::Auxiliary,
        WordClass::Modal,
        WordClass::Coordinator,
        WordClass::Negation,
        WordClass::Subordinator,
        WordClass::Adverb,
        WordClass::Hedge,
    ]
    .iter()
    .any(|&class| token.is(class))
}

/// A past form or participle cannot end a subject: "received offers".
fn verb_form(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("ing")
}
