//! Organizations named only by what they are, for [`super::find_mentions`]: "the Senate", "the
//! Navy", "the Foreign Ministry", "the Supreme Court", "the Coast Guard".
//!
//! News names state bodies this way all the time, and they are organizations: a reader (and an
//! entity scorer) counts them. But the name alone does not say *which* senate or navy, so such a
//! mention gets an identity only when a place qualifies it right before, as a possessive or as
//! a modifier ("Russia's Foreign Ministry", "the Soviet Navy"): its value is then "Foreign
//! Ministry of Russia". Without one its value stays empty, and [`super::resolve`] makes no
//! entity of it, so no fact can join two countries' senates.
//!
//! A name is read here when it is a run of free capitalised words made only of generic words
//! (`organization_words.tsv`) and ends in a head noun, with at least two words ("Foreign
//! Ministry", "Air Force"), or is one institution word ("Senate", "Navy"), or is "House" before
//! a word of a legislature ("a House committee", "the House voted"). A capitalised word
//! right before or after the run makes a longer name that other finders judge ("Brushy Mountain
//! State Prison"), so nothing is read then; nor in headlines.

use super::lexicon::Lexicons;
use super::model::MentionKind;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_capitalized, TokenKind};

/// True when token `t` can be a word of a generic name: a free capitalised generic word or head.
fn generic_word(text: &str, work: &SentenceWork, lex: &Lexicons, t: usize) -> bool {
    if !work.is_free_word(t) {
        return false;
    }
    let w = work.word(text, t);
    is_capitalized(w)
        && (lex.is_organization_generic(w)
            || lex.is_organization_head(w)
            || lex.is_institution(w)
            || w == "House" && chamber_follows(text, work, t))
}

/// True when token `t` is a capitalised word (or one a name candidate covers) that would
/// continue a name beside the run.
fn continues_name(text: &str, work: &SentenceWork, t: usize) -> bool {
    if !work.is_word(t) {
        return false;
    }
    let w = work.word(text, t);
    match work.owner_of(t) {
        Some(c) => matches!(
            c.kind,
            MentionKind::Organization | MentionKind::Person | MentionKind::Place
        ),
        None => is_capitalized(w) && !is_function_word(w),
    }
}

/// The place that qualifies the run starting at `first`: "Russia's" or "Soviet" right before.
fn qualifier(text: &str, work: &SentenceWork, first: usize) -> Option<String> {
    let before = first.checked_sub(1)?;
    let owner_at = if work.tokens[before].kind == TokenKind::Possessive {
        before.checked_sub(1)?
    } else if work.adjacent(text, before, first) {
        before
    } else {
        return None;
    };
    let c = work.owner_of(owner_at)?;
    if c.last != owner_at || !matches!(c.kind, MentionKind::Place | MentionKind::Demonym) {
        return None;
    }
    c.value.clone()
}

/// Words after "House" that make it the chamber of a legislature: "a House committee", "the
/// House voted".
const CHAMBER_AFTER: &[&str] = &[
    "committee",
    "subcommittee",
    "panel",
    "hearing",
    "hearings",
    "vote",
    "voted",
    "passed",
    "approved",
    "rejected",
    "floor",
    "majority",
    "minority",
    "members",
    "investigators",
];

/// True when the word after token `t` makes "House" a legislative chamber.
fn chamber_follows(text: &str, work: &SentenceWork, t: usize) -> bool {
    work.is_word(t + 1)
        && work.adjacent(text, t, t + 1)
        && CHAMBER_AFTER.contains(&work.word(text, t + 1))
}

/// Finds generic organization names in one sentence; see the module documentation.
pub(super) fn find_institutions(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut t = 0;
    while t < work.tokens.len() {
        if !generic_word(text, work, lex, t) {
            t += 1;
            continue;
        }
        let first = t;
        let mut last = t;
        while generic_word(text, work, lex, last + 1) && work.adjacent(text, last, last + 1) {
            last += 1;
        }
        t = last + 1;
        let head = work.word(text, last);
        let named = if first == last {
            lex.is_institution(head) || head == "House" && chamber_follows(text, work, last)
        } else {
            lex.is_organization_head(head) || lex.is_institution(head)
        };
        let longer = first
            .checked_sub(1)
            .is_some_and(|p| work.adjacent(text, p, first) && continues_name(text, work, p))
            && qualifier(text, work, first).is_none()
            || work.adjacent(text, last, last + 1) && continues_name(text, work, last + 1);
        if !named || longer {
            continue;
        }
        let name: Vec<&str> = (first..=last).map(|k| work.word(text, k)).collect();
        let value = qualifier(text, work, first).map(|q| format!("{} of {q}", name.join(" ")));
        work.add(MentionKind::Organization, first, last, value);
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_entities;
    use crate::extract::mentions::tests::of_kind;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn organizations(text: &str) -> Vec<String> {
        of_kind(text, MentionKind::Organization)
    }

    #[test]
    fn state_bodies_named_by_what_they_are_are_organizations() {
        assert_eq!(
            organizations("The Senate voted after the Coast Guard ended its search."),
            ["Senate", "Coast Guard"]
        );
        assert_eq!(
            organizations("A Foreign Ministry spokesman said the Navy would stay."),
            ["Foreign Ministry", "Navy"]
        );
        assert_eq!(
            organizations("The case went to the Supreme Court in May."),
            ["Supreme Court"]
        );
    }

    #[test]
    fn longer_names_and_lower_case_words_are_not_read_here() {
        // A capitalised word beside the run makes a longer name.
        assert!(!organizations("He toured the Tarrow Valley State Prison.")
            .contains(&"State Prison".to_string()));
        assert!(
            organizations("The navy and the senate met; security council aides left.").is_empty()
        );
        // "House" alone is a building; before a committee, a chamber.
        assert_eq!(organizations("He told a House committee so."), ["House"]);
        assert!(organizations("The House stood empty.").is_empty());
        // One generic word and no head names nothing.
        assert!(organizations("Federal officials left early.").is_empty());
    }

    #[test]
    fn only_a_qualified_generic_name_becomes_an_entity() {
        // A city of another country: the article's country is not clear, so the bare Senate is
        // tied to none (`state_bodies` ties it when it is).
        let text =
            "Norway's Foreign Ministry said the Senate would vote, a diplomat in Moscow said.";
        let got = extract_entities(text, &split_sentences(text));
        let orgs: Vec<(&str, Option<usize>)> = got
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Organization)
            .map(|m| (m.text.as_str(), m.entity))
            .collect();
        assert_eq!(orgs.len(), 2, "{orgs:?}");
        assert_eq!(orgs[0].0, "Foreign Ministry");
        let ministry = &got.entities[orgs[0].1.expect("qualified, so an entity")];
        assert_eq!(ministry.name, "Foreign Ministry of Norway");
        // The bare Senate is this article's own organization, no country's.
        assert_eq!(orgs[1].0, "Senate");
        let senate = &got.entities[orgs[1].1.expect("the article's own organization")];
        let scope = crate::text::DocumentId::of_text(text);
        assert_eq!(
            senate.key,
            format!("organization/senate/in/{}", scope.as_str())
        );
    }
}
