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
//! - **"X's JOB"**: an unknown run of two or more capitalised words (or one in capitals)
//!   whose possessive stands before a job that describes a person: "Ann Lee, Zelkor Paper's
//!   chairman, said", "Zelkor Paper's chairman Ann Lee".
//! - **"a/an/another X employee"**: an unknown capitalised run between an article and
//!   "employee", "executive" or "worker".
//! - **"X JOB [rank] Name"**: an unknown capitalised run right before a job of
//!   [`EMPLOYER_JOBS`] (or "commander", "official", "officer", a rank) that a person's name
//!   follows: "Coast Guard spokesman Lt. Ann Lee", "Department of Public Works Chairman Tom
//!   Ray", "the Foreign Ministry spokesman, Ann Lee". The name after the job is what makes the
//!   run an employer: "Acme spokesman said" is left alone. The run must start its noun phrase
//!   (after a lower-case word, punctuation or the start) and is neither a party's adjective
//!   ("Republican spokesman X") nor a known given name or surname ("Hollis spokesman X").
//!   Before a job of [`EMPLOYER_JOBS`], the run may continue a known organization, as the name
//!   of its division: "Boeing Commercial Airplanes spokesman Ann Lee".
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

/// Jobs that, before a person's name, are held in the run before them, besides
/// [`EMPLOYER_JOBS`] and ranks.
const BEFORE_NAME_JOBS: &[&str] = &["commander", "official", "officer", "chief"];

/// Capitalised adjectives that stand before a job without naming an employer ("Republican
/// spokesman X": a party's member, not an organization "Republican").
const NOT_EMPLOYERS: &[&str] = &[
    "Democratic",
    "Republican",
    "Conservative",
    "Liberal",
    "Labour",
    "Labor",
    "Socialist",
    "Communist",
    "Green",
    "Former",
    "Acting",
    "Then",
    "Senior",
    "Top",
    "Chief",
];

/// Qualifiers of a job that a sentence may open with, capitalised ("Former Acme executive Ann
/// Lee said").
const QUALIFIERS: &[&str] = &["Former", "Acting", "Interim", "Then"];

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
    found.extend(employers_before_names(text, work, lex));
    found.extend(possessive_employers(text, work, lex));
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

/// "Coast Guard spokesman Lt. Ann Lee": the runs (first and last token) before a job that a
/// person's name follows; see the module documentation.
fn employers_before_names(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for cand in work.candidates.iter().filter(|c| c.alive) {
        if cand.kind != MentionKind::Role || cand.first == 0 {
            continue;
        }
        let written = cand.span.of(text);
        let job = written.to_lowercase();
        let is_job = EMPLOYER_JOBS.contains(&job.as_str())
            || BEFORE_NAME_JOBS.contains(&job.as_str())
            || lex.is_rank(written);
        if !is_job || !work.adjacent(text, cand.first - 1, cand.first) {
            continue;
        }
        let rb = run_before(text, work, cand.first - 1, lex, true).or_else(|| {
            EMPLOYER_JOBS
                .contains(&job.as_str())
                .then(|| division_before(text, work, cand.first - 1, lex))
                .flatten()
        });
        let Some(first) = rb else {
            continue;
        };
        let article = first > 0 && work.word(text, first - 1).eq_ignore_ascii_case("the");
        if names_follow(text, work, cand.last + 1, lex, article) {
            found.push((first, cand.first - 1));
        }
    }
    found
}

/// "Boeing Commercial Airplanes spokesman Ann Lee": the first token of a known organization
/// that free capitalised words ending at token `last` continue (up to three), the name of its
/// division. `None` when no organization stands right before those words, or they start with
/// a qualifier ("Acme Senior spokesman").
fn division_before(text: &str, work: &SentenceWork, last: usize, lex: &Lexicons) -> Option<usize> {
    let mut first = last;
    if !name_word(text, work, last, lex, false) || work.owner_of(last).is_some() {
        return None;
    }
    while first > 0
        && last - first < 2
        && work.owner_of(first - 1).is_none()
        && name_word(text, work, first - 1, lex, false)
        && work.adjacent(text, first - 1, first)
    {
        first -= 1;
    }
    let head = work.word(text, first);
    if NOT_EMPLOYERS.contains(&head) || QUALIFIERS.contains(&head) {
        return None;
    }
    let parent = work
        .owner_of(first.checked_sub(1)?)
        .filter(|c| c.kind == MentionKind::Organization && c.last == first - 1)?;
    if !work.adjacent(text, first - 1, first) {
        return None;
    }
    let start = parent.first;
    // The parent starts its noun phrase.
    if start > 0 {
        let before = work.word(text, start - 1);
        if work.is_word(start - 1) && (is_capitalized(before) || is_all_caps(before)) {
            return None;
        }
    }
    Some(start)
}

/// "Ann Lee, Zelkor Paper's chairman, said", "Zelkor Paper's chairman Ann Lee said": the runs
/// (first and last token) whose possessive stands before a job of [`EMPLOYER_JOBS`], when the
/// job describes a person: the apposition of a name before the run, or a name right after the
/// job. The run is free capitalised words (no person candidate: "Ann Lee, Tom Ray's
/// spokesman"), two or more, or one in capitals ("Ann Lee, the IPC's chairman"): one unknown
/// capitalised word is as often a surname.
fn possessive_employers(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for cand in work.candidates.iter().filter(|c| c.alive) {
        if cand.kind != MentionKind::Role || cand.first < 2 {
            continue;
        }
        let job = cand.span.of(text).to_lowercase();
        if !EMPLOYER_JOBS.contains(&job.as_str()) {
            continue;
        }
        let apostrophe = cand.first - 1;
        if work.tokens[apostrophe].kind != TokenKind::Possessive {
            continue;
        }
        let last = apostrophe - 1;
        let Some(first) = run_before(text, work, last, lex, false) else {
            continue;
        };
        if first == last && !is_all_caps(work.word(text, first)) {
            continue;
        }
        let after_person = first >= 2
            && work.word(text, first - 1) == ","
            && work
                .owner_of(first - 2)
                .is_some_and(|c| c.kind == MentionKind::Person && c.last == first - 2);
        if after_person || names_follow(text, work, cand.last + 1, lex, false) {
            found.push((first, last));
        }
    }
    found
}

/// The first token of an employer's name that ends at token `last`, read backwards: up to four
/// free capitalised words (a person candidate without a given name covered whole), one "of"
/// inside ("Department of Public Works"). `None` when the run does not start a noun phrase or
/// names no employer.
fn run_before(
    text: &str,
    work: &SentenceWork,
    last: usize,
    lex: &Lexicons,
    people_ok: bool,
) -> Option<usize> {
    let word_at = |t: usize| name_word(text, work, t, lex, people_ok);
    if !word_at(last) || work.owner_of(last).is_some_and(|c| c.last != last) {
        return None;
    }
    let mut first = work.owner_of(last).map_or(last, |c| c.first);
    let mut words = last - first + 1;
    let mut of_seen = false;
    while first > 0 && words < 5 {
        let prev = first - 1;
        if !work.adjacent(text, prev, first) {
            break;
        }
        if word_at(prev) {
            let start = work.owner_of(prev).map_or(prev, |c| c.first);
            words += first - start;
            first = start;
        } else if !of_seen
            && work.word(text, prev) == "of"
            && prev > 0
            && word_at(prev - 1)
            && work.adjacent(text, prev - 1, prev)
        {
            of_seen = true;
            first = work.owner_of(prev - 1).map_or(prev - 1, |c| c.first);
            words += 2;
        } else {
            break;
        }
    }
    if work.owner_of(first).is_some_and(|c| c.first != first) {
        return None;
    }
    // "Former Acme executive Ann Lee": a qualifier of the job, capitalised at the start of the
    // sentence, is no word of the employer's name.
    if first == 0 && first < last && QUALIFIERS.contains(&work.word(text, first)) {
        first += 1;
        if work.owner_of(first).is_some_and(|c| c.first != first) {
            return None;
        }
    }
    // The run starts its noun phrase: what stands before it is no capitalised word.
    if first > 0 && !(first == 1 && QUALIFIERS.contains(&work.word(text, 0))) {
        let before = work.word(text, first - 1);
        if work.is_word(first - 1) && (is_capitalized(before) || is_all_caps(before)) {
            return None;
        }
    }
    let head = work.word(text, first);
    let lone = first == last;
    let person_like = lex.is_given_name(head) || lone && lex.is_surname(head);
    let common = lone && lex.is_common_word(head) && !is_all_caps(head);
    (!person_like && !common && !NOT_EMPLOYERS.contains(&head)).then_some(first)
}

/// True when a person's name starts at token `t`, past a rank or form of address ("Lt. Ann
/// Lee"); after a comma only when `comma_ok` ("the Foreign Ministry spokesman, Ann Lee").
fn names_follow(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons, comma_ok: bool) -> bool {
    let mut t = t;
    if comma_ok && work.word(text, t) == "," {
        t += 1;
    } else if !work.adjacent(text, t.saturating_sub(1), t) {
        return false;
    }
    for _ in 0..2 {
        match work.owner_of(t) {
            Some(c) if c.kind == MentionKind::Person && c.first == t => return true,
            Some(c)
                if c.kind == MentionKind::Role
                    && c.first == t
                    && (c.honorific || lex.is_rank(c.span.of(text))) =>
            {
                t = c.last + 1;
            }
            _ => return false,
        }
    }
    false
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
