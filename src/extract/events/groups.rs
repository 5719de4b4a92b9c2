//! One happening told by two trigger words is one event: "held talks", "launched an invasion",
//! "attended the summit", "the interview broadcast on Sunday", "fighting continued".
//!
//! Within a clause, a verb trigger and the noun trigger it governs (the noun follows with only
//! noun-phrase words between: determiners, adjectives, names, prepositions) make one group, and
//! so do a noun trigger and a verb trigger (not a statement) right after it. A light verb ("held", "continued")
//! with no noun after it joins the noun trigger before it in its clause ("Summit of leaders
//! held", past a verb group: "the trial is set to begin"). The group's head, which names the event, is the noun when the verb is light or gives
//! way to its object ("launched"), the statement verb when the verb reports ("confirms visit"),
//! and otherwise the verb ("travel … for talks"). A state verb groups with nothing: "the settlement
//! replaces the 1991 agreement" tells two events.

use super::arguments::verb_group_start;
use super::grammar::{is, WordClass};
use super::sentence::SentenceView;
use super::triggers::Candidate;

/// Trigger candidates that tell one happening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// Indices into the candidates, in text order.
    pub members: Vec<usize>,
    /// The member that names the event.
    pub head: usize,
}

/// Most words between a verb and the noun trigger it governs.
const MAX_GAP: usize = 6;

/// Groups the candidates of one sentence.
pub(crate) fn group(view: &SentenceView<'_>, candidates: &[Candidate]) -> Vec<Group> {
    let mut group_of: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut groups: Vec<Group> = Vec::new();
    let same_clause =
        |a: &Candidate, b: &Candidate| view.clause_of[a.token] == view.clause_of[b.token];
    // A noun right before a verb: "interview broadcast", "fighting continued".
    for k in 1..candidates.len() {
        let (noun, verb) = (&candidates[k - 1], &candidates[k]);
        if noun.is_noun()
            && !verb.is_noun()
            && !verb.sense.is_statement()
            && !verb.sense.is_state()
            && verb.token == noun.token + 1
            && group_of[k - 1].is_none()
        {
            join(&mut groups, &mut group_of, vec![k - 1, k], k - 1);
        }
    }
    // A verb and the noun it governs: "held talks", "confirms visit".
    for v in 0..candidates.len() {
        let verb = &candidates[v];
        // A state is not the happening it names: "replaces the 1991 agreement".
        if verb.is_noun() || verb.sense.is_state() || group_of[v].is_some() {
            continue;
        }
        let Some(n) = (v + 1..candidates.len()).find(|&n| same_clause(verb, &candidates[n])) else {
            continue;
        };
        let noun = &candidates[n];
        if !noun.is_noun() || group_of[n].is_some() || !governs(view, verb.token, noun.token) {
            continue;
        }
        let head = if verb.sense.gives_way_to_noun() { n } else { v };
        join(&mut groups, &mut group_of, vec![v, n], head);
    }
    // A light verb alone joins the noun it tells about: "Summit of leaders held", "the summit,
    // held on May 3,", "the talks, which began on Monday".
    for v in 0..candidates.len() {
        let verb = &candidates[v];
        if !verb.sense.is_light() || group_of[v].is_some() {
            continue;
        }
        let subject = (0..v)
            .rev()
            .find(|&n| candidates[n].is_noun() && same_clause(verb, &candidates[n]))
            .filter(|&n| {
                let (noun, verb) = (candidates[n].token, verb.token);
                // "the trial is set to begin": past the verb group.
                let group_start = verb_group_start(view, verb);
                governs(view, noun, verb)
                    || (group_start > noun && governs(view, noun, group_start))
                    || (verb > 0
                        && view.tokens[verb - 1].is_punct(',')
                        && governs(view, noun, verb - 1))
            })
            .or_else(|| antecedent(view, candidates, verb.token));
        if let Some(n) = subject.filter(|&n| group_of[n].is_none()) {
            join(&mut groups, &mut group_of, vec![n, v], n);
        }
    }
    for (k, g) in group_of.iter().enumerate() {
        if g.is_none() {
            groups.push(Group {
                members: vec![k],
                head: k,
            });
        }
    }
    groups.sort_by_key(|g| g.members[0]);
    groups
}

fn join(groups: &mut Vec<Group>, group_of: &mut [Option<usize>], members: Vec<usize>, head: usize) {
    for &m in &members {
        group_of[m] = Some(groups.len());
    }
    groups.push(Group { members, head });
}

/// The noun trigger a relative clause opening with the verb group of `verb` tells about:
/// "the invasion, which began in 2022".
fn antecedent(view: &SentenceView<'_>, candidates: &[Candidate], verb: usize) -> Option<usize> {
    let opener = view.clause(verb).opener?;
    if !matches!(view.tokens[opener].lower.as_ref(), "which" | "that")
        || verb_group_start(view, verb) != opener + 1
    {
        return None;
    }
    let mut before = opener.checked_sub(1)?;
    if view.tokens[before].is_punct(',') {
        before = before.checked_sub(1)?;
    }
    candidates
        .iter()
        .position(|c| c.token == before && c.is_noun())
}

/// True when only noun-phrase words stand between the two tokens (same clause): a verb and its
/// object, or a noun and the light verb it is the subject of.
fn governs(view: &SentenceView<'_>, from: usize, to: usize) -> bool {
    let between: Vec<usize> = view.clause_after(from).take_while(|&t| t < to).collect();
    between.len() <= MAX_GAP
        && between.iter().enumerate().all(|(k, &t)| {
            let token = &view.tokens[t];
            let word = token.lower.as_ref();
            if !token.is_word() {
                return token.is_quote() || view.timex_at[t].is_some();
            }
            // A participle is an adjective only after a determiner or right before the noun
            // ("a revised plan"); otherwise it is another verb ("fighters repelled an attack").
            let participle =
                word.ends_with("ed") && !token.is_capitalized() && view.timex_at[t].is_none();
            let adjective = k + 1 == between.len()
                || k.checked_sub(1)
                    .is_some_and(|p| view.tokens[between[p]].is(WordClass::Determiner));
            if participle && !adjective {
                return false;
            }
            ![
                WordClass::Auxiliary,
                WordClass::Modal,
                WordClass::Relative,
                WordClass::Subordinator,
                WordClass::Coordinator,
                WordClass::Pronoun,
                WordClass::Negation,
            ]
            .iter()
            .any(|&class| is(word, class))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::triggers::find;
    use crate::text::Span;

    /// The groups of `text` as (head word, member words).
    fn groups(text: &str) -> Vec<(String, Vec<String>)> {
        let view = SentenceView::of_span(text, 0, Span::new(0, text.len()), &[], &[]);
        let candidates = find(&view, &[], &[]);
        let word = |k: usize| view.tokens[candidates[k].token].text.to_string();
        group(&view, &candidates)
            .into_iter()
            .map(|g| (word(g.head), g.members.iter().map(|&m| word(m)).collect()))
            .collect()
    }

    #[test]
    fn light_verb_and_object_are_one_event_named_by_the_noun() {
        assert_eq!(
            groups("The sides held talks."),
            [("talks".into(), vec!["held".into(), "talks".into()])]
        );
        assert_eq!(
            groups("The army launched a large invasion."),
            [(
                "invasion".into(),
                vec!["launched".into(), "invasion".into()]
            )]
        );
    }

    #[test]
    fn reporting_verb_names_the_event() {
        assert_eq!(
            groups("The ministry confirms the minister's visit."),
            [("confirms".into(), vec!["confirms".into(), "visit".into()])]
        );
    }

    #[test]
    fn noun_then_verb_and_light_verb_after_its_subject() {
        assert_eq!(
            groups("Fighting continued."),
            [(
                "Fighting".into(),
                vec!["Fighting".into(), "continued".into()]
            )]
        );
        assert_eq!(
            groups("The trial is set to begin."),
            [("trial".into(), vec!["trial".into(), "begin".into()])]
        );
        assert_eq!(
            groups("Summit of mayors held"),
            [("Summit".into(), vec!["Summit".into(), "held".into()])]
        );
    }

    #[test]
    fn light_verb_after_a_comma_or_in_a_relative_clause_tells_about_the_noun() {
        assert_eq!(
            groups("The summit in Lisbon, held in May, ended."),
            [
                ("summit".into(), vec!["summit".into(), "held".into()]),
                ("ended".into(), vec!["ended".into()])
            ]
        );
        assert_eq!(
            groups("The invasion, which began in 2022, went on."),
            [("invasion".into(), vec!["invasion".into(), "began".into()])]
        );
        assert_eq!(
            groups("The talks failed, which began a crisis."),
            [
                ("talks".into(), vec!["talks".into()]),
                ("began".into(), vec!["began".into()])
            ]
        );
    }

    #[test]
    fn a_verb_between_keeps_events_apart() {
        assert_eq!(
            groups("The militia said its fighters repelled an attack."),
            [
                ("said".into(), vec!["said".into()]),
                ("attack".into(), vec!["attack".into()])
            ]
        );
        assert_eq!(
            groups("The envoys held a long-delayed summit."),
            [("summit".into(), vec!["held".into(), "summit".into()])]
        );
    }

    #[test]
    fn a_clause_break_keeps_events_apart() {
        let g = groups("The envoy visited the port, which hosted a summit.");
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].0, "visited");
        assert_eq!(g[1].0, "summit");
    }
}
