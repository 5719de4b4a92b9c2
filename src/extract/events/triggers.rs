//! Finding trigger words in a sentence and deciding whether the text states their event.
//!
//! A word of the trigger lexicon is a candidate unless it is part of a name or a date. A form
//! that is both noun and verb ("visit", "meeting") is read as a noun after a determiner, a
//! possessive, a number or a preposition, and as a verb after "to", an auxiliary, a pronoun or a
//! name. The event is stated (asserted) unless:
//! - the verb group is negated or modal ("did not visit", "could meet"; but the "would" of
//!   reported speech tells a plan: "said it would release funds next month", unlike "would
//!   have"), its subject opens with "no" ("No agreement was signed"), or the verb follows "to"
//!   after anything but a word of planning ("wants to meet"; but "is set to meet", "is due to
//!   travel", and "Envoy to visit Rome" in a heading are planned events);
//! - a noun is hedged, negated or denied ("a possible visit", "no talks", "would hold talks",
//!   "denied meeting", "ruled out talks"), or, as the subject, is denied, cancelled or supposed
//!   by the verb group after it ("the meeting on Saturday did not take place", "the vote was
//!   called off", "the summit could move");
//! - it is quoted, in a question, in a sentence with an "if" or "unless" clause (the whole
//!   sentence supposes), in a "whether" clause, or in a "that" clause that is denied or only
//!   reported ("denied that", "reports that");
//! - a word of cancelling stands near it ("the meeting was postponed");
//! - a verb form stands after a determiner or a possessive, as an adjective or a noun ("the
//!   seized territory", "a brief pause").
//!
//! A form may have several senses of one part of speech ("took" + "effect", "took" + "over"):
//! the first whose context the lexicon finds is taken. A form that is a verb only after an
//! auxiliary ("will ship") is no candidate elsewhere ("the ship").

use super::grammar::{is_contracted_negation, WordClass};
use super::lexicon::{senses, Pos, Requirement, TriggerSense};
use super::sentence::SentenceView;
use super::tokens::{Token, TokenKind};
use crate::extract::model::{Mention, MentionKind};
use crate::time::{Timex, TimexKind};

/// A trigger word found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Its token.
    pub token: usize,
    /// The reading chosen for it.
    pub sense: &'static TriggerSense,
    /// The text states the event (see the module documentation).
    pub asserted: bool,
    /// What the lexicon requires around it is there ("reached" + "agreement").
    pub complete: bool,
}

impl Candidate {
    /// True for a noun trigger.
    pub fn is_noun(&self) -> bool {
        self.sense.pos == Pos::Noun
    }
}

/// Words for lengths of time, for triggers that need one ("spent five hours").
const TIME_UNITS: &[&str] = &[
    "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// The trigger candidates of a sentence (or table cell), in text order.
pub(crate) fn find(
    view: &SentenceView<'_>,
    timexes: &[Timex],
    mentions: &[Mention],
) -> Vec<Candidate> {
    let question = view.is_question();
    let mut out = Vec::new();
    for (i, token) in view.tokens.iter().enumerate() {
        if token.kind != TokenKind::Word || view.timex_at[i].is_some() {
            continue;
        }
        let named = view.mention_at[i]
            .and_then(|m| mentions.get(m))
            .is_some_and(|m| {
                matches!(
                    m.kind,
                    MentionKind::Person | MentionKind::Organization | MentionKind::Place
                )
            });
        if named {
            continue;
        }
        let all = senses(&token.lower);
        let Some(chosen) = choose_sense(&view.tokens, i, all) else {
            continue;
        };
        // Of the senses of that part of speech, the first whose context is there ("took
        // effect", "took over").
        let sense = all
            .iter()
            .filter(|s| s.pos == chosen.pos)
            .find(|s| context_met(view, i, s, timexes))
            .unwrap_or(chosen);
        // "the ship", "a brief pause": a noun or an adjective, not the verb.
        if sense.after_auxiliary && !after_auxiliary(view, i) {
            continue;
        }
        let asserted = !question
            && !view.supposes
            && !view.quoted[i]
            && !view.clause(i).conditional
            && !cancelled(view, i)
            && match sense.pos {
                Pos::Verb => verb_asserted(view, i),
                Pos::Noun => noun_asserted(view, i),
            };
        let complete = context_met(view, i, sense, timexes);
        out.push(Candidate {
            token: i,
            sense,
            asserted,
            complete,
        });
    }
    out
}

/// What the lexicon asks around the trigger at `i` for `sense` is there: no idiom word after it
/// ("met with criticism"), the object or duration it requires, the particle it needs ("took
/// effect"), the auxiliary before it ("will ship").
fn context_met(view: &SentenceView<'_>, i: usize, sense: &TriggerSense, timexes: &[Timex]) -> bool {
    let idiom = view
        .clause_after(i)
        .take(3)
        .any(|t| sense.unless.contains(&view.tokens[t].lower.as_ref()));
    let particle = sense.then.is_empty() || particle_follows(view, i, &sense.then);
    let auxiliary = !sense.after_auxiliary || after_auxiliary(view, i);
    !idiom && particle && auxiliary && requirement_met(view, i, &sense.requires, timexes)
}

/// One of `particles` follows the word at `i`: right after it ("took effect"), or after a
/// preposition, a negation or a pronoun ("entered into force", "pleaded not guilty", "took it
/// over"); not after another word ("took place over the weekend").
fn particle_follows(view: &SentenceView<'_>, i: usize, particles: &[&str]) -> bool {
    let mut after = view.clause_after(i).map(|t| &view.tokens[t]);
    let Some(first) = after.next() else {
        return false;
    };
    if particles.contains(&first.lower.as_ref()) {
        return true;
    }
    let bridge = first.is(WordClass::Preposition)
        || first.is(WordClass::Negation)
        || first.is(WordClass::Pronoun)
        || matches!(first.lower.as_ref(), "them" | "him" | "her" | "us");
    bridge
        && after
            .next()
            .is_some_and(|t| particles.contains(&t.lower.as_ref()))
}

/// The word before `i`, past adverbs, is "to", an auxiliary, a modal or a negation: "will
/// ship", "is due to brief", "would not release"; or it is "and" after a verb group of the
/// future: "will take off from Singapore and land".
fn after_auxiliary(view: &SentenceView<'_>, i: usize) -> bool {
    view.clause_before(i)
        .find(|&t| {
            let t = &view.tokens[t];
            let adverb = t.is(WordClass::Adverb) || (t.lower.ends_with("ly") && t.lower.len() > 4);
            !adverb
        })
        .is_some_and(|b| {
            let t = &view.tokens[b];
            t.lower == "to"
                || t.is(WordClass::Auxiliary)
                || t.is(WordClass::Modal)
                || t.is(WordClass::Negation)
                || is_contracted_negation(&t.lower)
                || (t.lower == "and" && future_before(view, b) && ends_verb_phrase(view, i))
        })
}

/// The word after `i` lets it be a verb without an object noun right after it: a preposition,
/// a determiner, punctuation or nothing ("and land in Sydney"; not "sea and land assets").
fn ends_verb_phrase(view: &SentenceView<'_>, i: usize) -> bool {
    match view.tokens.get(i + 1) {
        None => true,
        Some(t) => !t.is_word() || t.is(WordClass::Preposition) || t.is(WordClass::Determiner),
    }
}

/// Most words between the "will" of a verb group and the "and" that joins a second verb to it.
const COORDINATED_GAP: usize = 12;

/// True when a "will" or "shall" stands before `and` in its clause, within a few words, with
/// no comma, negation or modal between: "will take off for a charity flight from Singapore and"
/// (not "will not take off … and").
fn future_before(view: &SentenceView<'_>, and: usize) -> bool {
    let span: Vec<&Token<'_>> = view
        .clause_before(and)
        .take(COORDINATED_GAP)
        .map(|t| &view.tokens[t])
        .take_while(|t| !t.is_punct(',') && !t.is_punct(';'))
        .collect();
    let future = span
        .iter()
        .position(|t| matches!(t.lower.as_ref(), "will" | "shall" | "'ll"));
    future.is_some_and(|f| {
        !span[..f].iter().any(|t| {
            t.is(WordClass::Negation) || t.is(WordClass::Modal) || is_contracted_negation(&t.lower)
        })
    })
}

/// Picks the noun or verb reading of the word at `i` from the words around it.
fn choose_sense(
    tokens: &[Token<'_>],
    i: usize,
    all: &'static [TriggerSense],
) -> Option<&'static TriggerSense> {
    let noun = all.iter().find(|s| s.pos == Pos::Noun);
    let verb = all.iter().find(|s| s.pos == Pos::Verb);
    let (Some(noun), Some(verb)) = (noun, verb) else {
        return all.first();
    };
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return Some(noun);
    };
    let p = prev.lower.as_ref();
    if p == "to"
        || prev.is(WordClass::Auxiliary)
        || prev.is(WordClass::Modal)
        || prev.is(WordClass::Negation)
        || prev.is(WordClass::Pronoun)
        || prev.is(WordClass::Adverb)
        || is_contracted_negation(p)
        || (p.ends_with("ly") && p.len() > 4)
    {
        return Some(verb);
    }
    if prev.is(WordClass::Determiner)
        || prev.is(WordClass::Preposition)
        || prev.is(WordClass::Hedge)
        || prev.is_possessive()
        || prev.kind == TokenKind::Number
    {
        return Some(noun);
    }
    if prev.is_capitalized() && !prev.lower.contains('-') {
        return Some(verb);
    }
    // "the company claims that", "the ministry reports that": a statement after its subject.
    let next = tokens.get(i + 1).map(|t| t.lower.as_ref());
    if verb.is_statement() && matches!(next, Some("that" | "to")) && prev.kind == TokenKind::Word {
        return Some(verb);
    }
    Some(noun)
}

/// The verb group before the verb at `i` is neither negated nor modal, and a "to" before it
/// follows a word of planning (or the sentence is a heading).
fn verb_asserted(view: &SentenceView<'_>, i: usize) -> bool {
    let tokens = &view.tokens;
    let before: Vec<usize> = view.clause_before(i).collect();
    // After a determiner or a possessive, a verb form is an adjective or a noun: "the annexed
    // regions", "the newly appointed minister", "a brief pause", "its cut".
    let determiner_before = before
        .iter()
        .find(|&&p| !tokens[p].is(WordClass::Adverb) && !tokens[p].lower.ends_with("ly"))
        .is_some_and(|&p| tokens[p].is(WordClass::Determiner));
    let possessive_before = before.first().is_some_and(|&p| tokens[p].is_possessive());
    if determiner_before || possessive_before {
        return false;
    }
    let mut k = 0;
    while let Some(&t) = before.get(k) {
        let word = tokens[t].lower.as_ref();
        if view.timex_at[t].is_some() {
            // "The minister in May visited": a date, not a modal.
            return !negative_subject(view, &before[k..]);
        }
        let hypothetical = tokens[t].is(WordClass::Modal) && !reported_future(view, t, i);
        if tokens[t].is(WordClass::Negation) || is_contracted_negation(word) || hypothetical {
            return false;
        }
        if word == "to" {
            // The word that governs "to", past adverbs.
            let governor = before[k + 1..]
                .iter()
                .find(|&&g| !tokens[g].is(WordClass::Adverb));
            match governor {
                Some(&g) if tokens[g].is(WordClass::Plan) => {
                    k = before
                        .iter()
                        .position(|&x| x == g)
                        .map_or(before.len(), |n| n + 1);
                    continue;
                }
                _ => return view.headline,
            }
        }
        let in_group = tokens[t].is(WordClass::Auxiliary)
            || tokens[t].is(WordClass::Modal)
            || tokens[t].is(WordClass::Adverb)
            || (word.ends_with("ly") && word.len() > 4 && tokens[t].kind == TokenKind::Word);
        if !in_group {
            return !negative_subject(view, &before[k..]);
        }
        k += 1;
    }
    true
}

/// Most tokens between a statement verb and the "would" of the speech it reports ("said on
/// Friday it would").
const REPORTED_GAP: usize = 8;

/// True when the modal at `modal`, before the verb at `verb`, is the "would" of reported speech
/// that tells a plan: "said on Friday it would release funds next month", "told reporters the
/// ministers would meet". Not "would have" (what did not happen).
fn reported_future(view: &SentenceView<'_>, modal: usize, verb: usize) -> bool {
    let tokens = &view.tokens;
    if tokens[modal].lower != "would"
        || (modal + 1..verb).any(|t| matches!(tokens[t].lower.as_ref(), "have" | "'ve"))
    {
        return false;
    }
    let from = modal.saturating_sub(REPORTED_GAP);
    tokens[from..modal].iter().rev().any(|t| {
        !view.quoted[modal]
            && senses(&t.lower)
                .iter()
                .any(|s| s.pos == Pos::Verb && s.is_statement())
    })
}

/// Words that, opening a subject, deny its verb: "No agreement was signed", "Nothing had been
/// agreed".
const NEGATIVE_SUBJECTS: &[&str] = &["no", "nobody", "none", "nothing", "neither", "no-one"];

/// True when the subject before a verb group (`before`: its tokens, nearest first) opens with a
/// word of [`NEGATIVE_SUBJECTS`].
fn negative_subject(view: &SentenceView<'_>, before: &[usize]) -> bool {
    for &t in before.iter().take(5) {
        let token = &view.tokens[t];
        let word = token.lower.as_ref();
        if NEGATIVE_SUBJECTS.contains(&word) {
            return true;
        }
        let stop = !token.is_word()
            || (word != "of"
                && [
                    WordClass::Preposition,
                    WordClass::Relative,
                    WordClass::Subordinator,
                    WordClass::Coordinator,
                    WordClass::Pronoun,
                    WordClass::Auxiliary,
                    WordClass::Modal,
                ]
                .iter()
                .any(|&class| token.is(class)));
        if stop {
            return false;
        }
    }
    false
}

/// A word of cancelling near the trigger: "the meeting was cancelled", "postponed the vote".
fn cancelled(view: &SentenceView<'_>, i: usize) -> bool {
    let near = |t: usize| view.tokens[t].is(WordClass::Cancel) || phrase(view, t, CALLED_OFF);
    view.clause_after(i).take(6).any(near) || view.clause_before(i).take(4).any(near)
}

/// Two-word phrases, as (first words, second word), that cancel an event: "called off".
const CALLED_OFF: (&[&str], &str) = (
    &["call", "calls", "called", "calling", "put", "puts"],
    "off",
);

/// Two-word phrases that deny the event after them: "ruled out meeting".
const RULED_OUT: (&[&str], &str) = (&["rule", "rules", "ruled", "ruling"], "out");

/// True when the token at `t` ends the two-word phrase `(firsts, second)`.
fn phrase(view: &SentenceView<'_>, t: usize, (firsts, second): (&[&str], &str)) -> bool {
    view.tokens[t].lower == second
        && t.checked_sub(1)
            .is_some_and(|p| firsts.contains(&view.tokens[p].lower.as_ref()))
}

/// Most tokens between a noun trigger that is a subject and its verb group.
const SUBJECT_TAIL: usize = 14;

/// True when the noun trigger at `i` opens its clause as the subject (no other trigger verb
/// before it) and the verb group after it denies, cancels or only supposes it: "A planned meeting between the two heads on Saturday
/// did not take place", "the vote was later called off", "the talks could resume".
fn denied_after(view: &SentenceView<'_>, i: usize) -> bool {
    let subject = view.clause_before(i).take(6).all(|t| {
        let token = &view.tokens[t];
        let verb = senses(&token.lower).iter().any(|s| s.pos == Pos::Verb);
        token.is_word()
            && !verb
            && ![
                WordClass::Auxiliary,
                WordClass::Modal,
                WordClass::Pronoun,
                WordClass::Negation,
                WordClass::Relative,
                WordClass::Coordinator,
            ]
            .iter()
            .any(|&class| token.is(class))
    }) && view.clause_before(i).nth(6).is_none();
    if !subject {
        return false;
    }
    let after: Vec<usize> = view.clause_after(i).take(SUBJECT_TAIL).collect();
    let verbal = |t: usize| {
        let token = &view.tokens[t];
        view.timex_at[t].is_none()
            && (token.is(WordClass::Auxiliary)
                || token.is(WordClass::Modal)
                || token.is(WordClass::Negation)
                || is_contracted_negation(&token.lower))
    };
    let Some(k) = after.iter().position(|&t| verbal(t)) else {
        return false;
    };
    // Only the noun phrase stands between: no other clause or verb group.
    let noun_phrase = after[..k].iter().all(|&t| {
        let token = &view.tokens[t];
        !token.is(WordClass::Pronoun) && !token.is_quote()
    });
    noun_phrase
        && after[k..].iter().take(4).any(|&t| {
            let token = &view.tokens[t];
            token.is(WordClass::Negation)
                || is_contracted_negation(&token.lower)
                || (token.is(WordClass::Modal) && !reported_future(view, t, i))
                || token.is(WordClass::Cancel)
                || phrase(view, t, CALLED_OFF)
        })
}

/// No hedge, negation or modal in the few words before the noun at `i`, and no denial right
/// before it ("denied meeting the envoy").
fn noun_asserted(view: &SentenceView<'_>, i: usize) -> bool {
    let hedged = view.clause_before(i).take(6).any(|t| {
        let token = &view.tokens[t];
        view.timex_at[t].is_none()
            && (token.is(WordClass::Hedge)
                || token.is(WordClass::Negation)
                || (token.is(WordClass::Modal) && !reported_future(view, t, i))
                || is_contracted_negation(&token.lower))
    });
    let disputed = view
        .clause_before(i)
        .take(3)
        .any(|t| view.tokens[t].is(WordClass::Dispute) || phrase(view, t, RULED_OUT));
    !hedged && !disputed && !denied_after(view, i)
}

/// What the lexicon requires after the trigger at `i` is in its clause.
fn requirement_met(
    view: &SentenceView<'_>,
    i: usize,
    requires: &Requirement,
    timexes: &[Timex],
) -> bool {
    match requires {
        Requirement::None => true,
        Requirement::Object(words) => view
            .clause_after(i)
            .take(8)
            .any(|t| words.contains(&view.tokens[t].base())),
        Requirement::Duration => view.clause_after(i).take(4).any(|t| {
            let duration = view.timex_at[t]
                .and_then(|n| timexes.get(n))
                .is_some_and(|x| x.kind == TimexKind::Duration);
            duration || TIME_UNITS.contains(&view.tokens[t].lower.as_ref())
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn found(text: &str) -> Vec<(String, &'static str, bool)> {
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]);
        find(&view, &[], &[])
            .into_iter()
            .map(|c| {
                (
                    view.tokens[c.token].text.to_string(),
                    c.sense.lemma,
                    c.asserted && c.complete,
                )
            })
            .collect()
    }

    #[test]
    fn noun_and_verb_readings() {
        let f = found("The envoy visits Rome after the visit.");
        assert_eq!(f.len(), 2);
        let view_text = "They visit Rome.";
        let view = SentenceView::of_span(view_text, 0, Span::new(0, view_text.len()), &[], &[]);
        assert_eq!(find(&view, &[], &[])[0].sense.pos, Pos::Verb);
        let view_text = "Her visit ended.";
        let view = SentenceView::of_span(view_text, 0, Span::new(0, view_text.len()), &[], &[]);
        assert_eq!(find(&view, &[], &[])[0].sense.pos, Pos::Noun);
    }

    #[test]
    fn negated_and_modal_verbs_are_not_asserted() {
        assert_eq!(
            found("The mayor did not visit the port."),
            [("visit".into(), "visit", false)]
        );
        assert_eq!(
            found("The mayor could visit the port."),
            [("visit".into(), "visit", false)]
        );
        assert_eq!(
            found("The mayor never visited the port."),
            [("visited".into(), "visit", false)]
        );
        assert_eq!(
            found("The mayor has visited the port."),
            [("visited".into(), "visit", true)]
        );
        assert_eq!(
            found("The mayor will visit the port."),
            [("visit".into(), "visit", true)]
        );
    }

    #[test]
    fn to_infinitives_need_a_word_of_planning() {
        assert_eq!(
            found("The mayor is set to visit the port."),
            [("visit".into(), "visit", true)]
        );
        assert_eq!(
            found("The mayor is due to visit the port."),
            [("visit".into(), "visit", true)]
        );
        assert_eq!(
            found("The mayor wants to visit the port."),
            [("visit".into(), "visit", false)]
        );
        assert_eq!(
            found("Mayor to visit the port"),
            [("visit".into(), "visit", true)]
        );
    }

    #[test]
    fn hedged_quoted_conditional_and_questions_are_not_asserted() {
        assert_eq!(
            found("A possible summit was mentioned."),
            [("summit".into(), "summit", false)]
        );
        assert_eq!(
            found("There were no talks."),
            [("talks".into(), "talk", false)]
        );
        assert_eq!(
            found("He said “we met them”."),
            [("said".into(), "say", true), ("met".into(), "meet", false)]
        );
        assert_eq!(
            found("Troops withdrew if rain fell."),
            [("withdrew".into(), "withdraw", false)]
        );
        assert_eq!(
            found("Troops withdrew whether or not rain fell."),
            [("withdrew".into(), "withdraw", true)]
        );
        assert_eq!(
            found("Fighting stops if troops withdrew."),
            [
                ("Fighting".into(), "fight", false),
                ("withdrew".into(), "withdraw", false)
            ]
        );
        assert_eq!(
            found("Did the mayor visit the port?"),
            [("visit".into(), "visit", false)]
        );
    }

    #[test]
    fn cancelled_and_denied_events_are_not_asserted() {
        assert_eq!(
            found("The summit was cancelled."),
            [("summit".into(), "summit", false)]
        );
        assert_eq!(
            found("The summit took place."),
            [
                ("summit".into(), "summit", true),
                ("took".into(), "take place", true)
            ]
        );
        assert_eq!(
            found("The army denied that troops attacked the town."),
            [
                ("denied".into(), "deny", true),
                ("attacked".into(), "attack", false)
            ]
        );
    }

    #[test]
    fn participle_adjectives_are_not_events() {
        assert_eq!(
            found("They held the seized ships."),
            [
                ("held".into(), "hold", true),
                ("seized".into(), "seize", false)
            ]
        );
    }

    #[test]
    fn requirements_are_checked() {
        assert_eq!(
            found("The sides reached an agreement."),
            [
                ("reached".into(), "reach", true),
                ("agreement".into(), "agreement", true)
            ]
        );
        assert_eq!(
            found("The convoy reached the city."),
            [("reached".into(), "reach", false)]
        );
        assert_eq!(
            found("She spent three days there."),
            [("spent".into(), "spend", true)]
        );
        assert_eq!(
            found("She spent the money."),
            [("spent".into(), "spend", false)]
        );
    }
}
