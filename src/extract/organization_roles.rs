//! Organizations named by the job held in them, for [`super::mentions`] (after people, so that
//! they overrule a run of capitalised words that only looked like a person's name).
//!
//! News names small employers once, next to the job of the person it quotes: "Bruce Lee,
//! manager of Bradley First Air, said", "an engineer at Orbis Labs", "a reporter for KIRO
//! Television", "an Emery employee". No list knows these names, and their words often look like
//! a surname pair ("Eaglebrook Plastics"), but the job before them is held only in an
//! organization. So:
//!
//! - **"JOB of/at/for/with [the] X"**: a capitalised run that no lexicon knows, after a job of
//!   [`EMPLOYER_JOBS`], is an organization. After "of" and "at" the run may be a person
//!   candidate without a given name (a person is not managed or worked at); after "for" and
//!   "with" ("a spokesman for Smith", "a meeting with Jones") it must be free.
//!   Political offices are not in the list, and one unknown word after "president of" (a region
//!   no lexicon lists) or a family name after "for" and "with" ("a spokesman for Hollis") is
//!   left alone.
//! - **"a/an/another X employee"**: an unknown capitalised run between an article and
//!   "employee", "executive" or "worker".
//!
//! A run may hold "of" and one more capitalised run or known place ("Truck Stops of America").

use super::lexicon::Lexicons;
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_all_caps, is_capitalized, is_hyphen, TokenKind};

/// Jobs held in an organization (lower case, as the role candidate is written).
const EMPLOYER_JOBS: &[&str] = &[
    "president",
    "vice president",
    "executive vice president",
    "senior vice president",
    "chairman",
    "chairwoman",
    "chairperson",
    "vice chairman",
    "chief executive",
    "chief executive officer",
    "chief financial officer",
    "chief operating officer",
    "director",
    "managing director",
    "executive director",
    "general manager",
    "manager",
    "operations manager",
    "owner",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "employee",
    "economist",
    "chief economist",
    "analyst",
    "general counsel",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "publisher",
    "researcher",
    "professor",
    "engineer",
    "scientist",
    "treasurer",
    "trustee",
    "staff member",
    "staffer",
];

/// Words after an article and a run that make the run an employer ("an Acme employee").
const STAFF: &[&str] = &["employee", "employees", "executive", "worker", "workers"];

/// Finds organizations named by the job held in them, in one sentence.
pub(super) fn find_employers(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for c in 0..work.candidates.len() {
        let cand = &work.candidates[c];
        if !cand.alive || cand.kind != MentionKind::Role {
            continue;
        }
        let job = cand.span.of(text).to_lowercase();
        if !EMPLOYER_JOBS.contains(&job.as_str()) {
            continue;
        }
        let p = cand.last + 1;
        let preposition = work.word(text, p);
        if !matches!(preposition, "of" | "at" | "for" | "with") {
            continue;
        }
        let mut t = p + 1;
        if work.word(text, t).eq_ignore_ascii_case("the") {
            t += 1;
        }
        let people_ok = matches!(preposition, "of" | "at");
        if let Some(last) = employer_run(text, work, t, lex, people_ok) {
            // One word after "president of" may be a region no lexicon lists, and after "for"
            // or "with" a family name ("a spokesman for Hollis"): left alone.
            let word = work.word(text, t);
            let lone = last == t;
            if lone && (job.ends_with("president") || !people_ok && lex.is_surname(word)) {
                continue;
            }
            found.push((t, last));
        }
    }
    for t in 1..work.tokens.len() {
        if !matches!(
            work.word(text, t - 1).to_lowercase().as_str(),
            "a" | "an" | "another"
        ) {
            continue;
        }
        let Some(last) = run(text, work, t, lex, false) else {
            continue;
        };
        if STAFF.contains(&work.word(text, last + 1)) && work.owner_of(last + 1).is_none()
            || work.owner_of(last + 1).is_some_and(|c| {
                c.kind == MentionKind::Role
                    && c.first == last + 1
                    && STAFF.contains(&c.span.of(text).to_lowercase().as_str())
            })
        {
            found.push((t, last));
        }
    }
    for (first, last) in found {
        if work.owner_of(first).is_some_and(|c| c.first != first)
            || work.owner_of(last).is_some_and(|c| c.last != last)
        {
            continue;
        }
        let span =
            crate::text::Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        work.add(
            MentionKind::Organization,
            first,
            last,
            Some(clean_label(span.of(text))),
        );
    }
}

/// The employer's name starting at token `t`: a [`run`], then optionally "of" and another run or
/// a known place ("Truck Stops of America"), ending the noun phrase. Its last token.
fn employer_run(
    text: &str,
    work: &SentenceWork,
    t: usize,
    lex: &Lexicons,
    people_ok: bool,
) -> Option<usize> {
    let mut last = run(text, work, t, lex, people_ok)?;
    if work.word(text, last + 1) == "of" {
        let next = last + 2;
        let place = work
            .owner_of(next)
            .filter(|c| c.kind == MentionKind::Place && c.first == next)
            .map(|c| c.last);
        if let Some(end) = place.or_else(|| run(text, work, next, lex, false)) {
            last = end;
        }
    }
    ends_phrase(text, work, last).then_some(last)
}

/// True when token `t` may be a word of an employer's name: a capitalised or all-caps word,
/// free, or inside a person candidate without a given name when `people_ok`.
fn name_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons, people_ok: bool) -> bool {
    if !work.is_word(t) || work.blocked[t] {
        return false;
    }
    let w = work.word(text, t);
    let free = match work.owner_of(t) {
        None => true,
        Some(c) => {
            people_ok
                && c.kind == MentionKind::Person
                && !lex.is_given_name(work.word(text, c.first))
        }
    };
    free && (is_capitalized(w) || is_all_caps(w))
        && !is_function_word(w)
        && !lex.is_not_name(w)
        && w.chars()
            .all(|c| c.is_alphanumeric() || is_hyphen(c) || c == '.' || c == '&')
}

/// The run of [`name_word`]s starting at `t` (at most four words, a person candidate covered
/// whole), as its last token.
fn run(
    text: &str,
    work: &SentenceWork,
    t: usize,
    lex: &Lexicons,
    people_ok: bool,
) -> Option<usize> {
    if !name_word(text, work, t, lex, people_ok) {
        return None;
    }
    if work.owner_of(t).is_some_and(|c| c.first != t) {
        return None;
    }
    // A lone common English word ("the manager of Operations") names nothing.
    let mut last = work.owner_of(t).map_or(t, |c| c.last.max(t));
    while last - t < 3
        && name_word(text, work, last + 1, lex, people_ok)
        && work.adjacent(text, last, last + 1)
    {
        last = work
            .owner_of(last + 1)
            .map_or(last + 1, |c| c.last.max(last + 1));
    }
    if last == t && lex.is_common_word(work.word(text, t)) && !is_all_caps(work.word(text, t)) {
        return None;
    }
    Some(last)
}

/// True when the name ends after token `last`: punctuation, the end, or a lower-case word.
fn ends_phrase(text: &str, work: &SentenceWork, last: usize) -> bool {
    work.tokens
        .get(last + 1)
        .map_or(true, |tok| match tok.kind {
            TokenKind::Punct => true,
            TokenKind::Possessive => true,
            TokenKind::Word => !is_capitalized(tok.text(text)) && !is_all_caps(tok.text(text)),
        })
}
