//! Finding trigger words in a sentence and deciding whether the text states their event.
//!
//! A word of the trigger lexicon is a candidate unless it is part of a name or a date. A form
//! that is both noun and verb ("visit", "meeting") is read as a noun after a determiner, a
//! possessive, a number or a preposition, and as a verb after "to", an auxiliary, a pronoun or a
//! name. The event is stated (asserted) unless:
//! - the verb group is negated or modal ("did not visit", "could meet"), or the verb follows
//!   "to" after anything but a word of planning ("wants to meet"; but "is set to meet", "is due
//!   to travel", and "Envoy to visit Rome" in a heading are planned events);
//! - a noun is hedged, negated or denied ("a possible visit", "no talks", "would hold talks",
//!   "denied meeting");
//! - it is quoted, in a question, in a sentence with an "if" or "unless" clause (the whole
//!   sentence supposes), in a "whether" clause, or in a "that" clause that is denied or only
//!   reported ("denied that", "reports that");
//! - a word of cancelling stands near it ("the meeting was postponed");
//! - a past participle is used as an adjective ("the seized territory").

use super::grammar::{is, is_contracted_negation, WordClass};
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
        let Some(sense) = choose_sense(&view.tokens, i, all) else {
            continue;
        };
        let asserted = !question
            && !view.supposes
            && !view.quoted[i]
            && !view.clause(i).conditional
            && !cancelled(view, i)
            && match sense.pos {
                Pos::Verb => verb_asserted(view, i),
                Pos::Noun => noun_asserted(view, i),
            };
        let idiom = view
            .clause_after(i)
            .take(3)
            .any(|t| sense.unless.contains(&view.tokens[t].lower.as_str()));
        let complete = !idiom && requirement_met(view, i, &sense.requires, timexes);
        out.push(Candidate {
            token: i,
            sense,
            asserted,
            complete,
        });
    }
    out
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
    let p = prev.lower.as_str();
    if p == "to"
        || is(p, WordClass::Auxiliary)
        || is(p, WordClass::Modal)
        || is(p, WordClass::Negation)
        || is(p, WordClass::Pronoun)
        || is(p, WordClass::Adverb)
        || is_contracted_negation(p)
        || (p.ends_with("ly") && p.len() > 4)
    {
        return Some(verb);
    }
    if is(p, WordClass::Determiner)
        || is(p, WordClass::Preposition)
        || is(p, WordClass::Hedge)
        || prev.is_possessive()
        || prev.kind == TokenKind::Number
    {
        return Some(noun);
    }
    if prev.is_capitalized() && !prev.lower.contains('-') {
        return Some(verb);
    }
    Some(noun)
}

/// The verb group before the verb at `i` is neither negated nor modal, and a "to" before it
/// follows a word of planning (or the sentence is a heading).
fn verb_asserted(view: &SentenceView<'_>, i: usize) -> bool {
    let tokens = &view.tokens;
    let before: Vec<usize> = view.clause_before(i).collect();
    // A participle after a determiner is an adjective: "the annexed regions", "the newly
    // appointed minister".
    let determiner_before = before
        .iter()
        .find(|&&p| !is(&tokens[p].lower, WordClass::Adverb) && !tokens[p].lower.ends_with("ly"))
        .is_some_and(|&p| is(&tokens[p].lower, WordClass::Determiner));
    if determiner_before && tokens[i].lower.ends_with("ed") {
        return false;
    }
    let mut k = 0;
    while let Some(&t) = before.get(k) {
        let word = tokens[t].lower.as_str();
        if is(word, WordClass::Negation)
            || is_contracted_negation(word)
            || is(word, WordClass::Modal)
        {
            return false;
        }
        if word == "to" {
            // The word that governs "to", past adverbs.
            let governor = before[k + 1..]
                .iter()
                .find(|&&g| !is(&tokens[g].lower, WordClass::Adverb));
            match governor {
                Some(&g) if is(&tokens[g].lower, WordClass::Plan) => {
                    k = before
                        .iter()
                        .position(|&x| x == g)
                        .map_or(before.len(), |n| n + 1);
                    continue;
                }
                _ => return view.headline,
            }
        }
        let in_group = is(word, WordClass::Auxiliary)
            || is(word, WordClass::Adverb)
            || (word.ends_with("ly") && word.len() > 4 && tokens[t].kind == TokenKind::Word);
        if !in_group {
            break;
        }
        k += 1;
    }
    true
}

/// A word of cancelling near the trigger: "the meeting was cancelled", "postponed the vote".
fn cancelled(view: &SentenceView<'_>, i: usize) -> bool {
    let near = |t: usize| is(&view.tokens[t].lower, WordClass::Cancel);
    view.clause_after(i).take(6).any(near) || view.clause_before(i).take(4).any(near)
}

/// No hedge, negation or modal in the few words before the noun at `i`, and no denial right
/// before it ("denied meeting the envoy").
fn noun_asserted(view: &SentenceView<'_>, i: usize) -> bool {
    let hedged = view.clause_before(i).take(6).any(|t| {
        let word = view.tokens[t].lower.as_str();
        is(word, WordClass::Hedge)
            || is(word, WordClass::Negation)
            || is(word, WordClass::Modal)
            || is_contracted_negation(word)
    });
    let disputed = view
        .clause_before(i)
        .take(3)
        .any(|t| is(&view.tokens[t].lower, WordClass::Dispute));
    !hedged && !disputed
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
            duration || TIME_UNITS.contains(&view.tokens[t].lower.as_str())
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
            [("summit".into(), "summit", true)]
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
