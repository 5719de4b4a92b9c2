//! Which temporal expression dates which trigger.
//!
//! A date can date an event when it is a calendar date (a day, an ISO week, a month, a year; a
//! season or quarter only when its year is written) and no preposition says the event happened
//! at another time ("by 2027", "until Friday", "since 2014", "between 2016 and 2021").
//! Durations and sets date nothing. A "when" clause right after a date tells what happened at
//! that date ([`when_clauses`]).
//!
//! It attaches, within its clause:
//! - before a noun ("the 2022 invasion", "Tuesday's meeting"): to that noun, or to nothing;
//! - opening the clause ("On May 3, the envoys met"): to the first verb trigger after it, else
//!   to the first trigger ("On May 3, the summit of the envoys");
//! - elsewhere: to the nearest trigger before it ("visited Kyiv on Friday"), else to the trigger
//!   right after it, past auxiliaries and adverbs only ("the minister on Monday accused").
//!
//! Every trigger then keeps the nearest of the dates attached to it.

use super::arguments::in_verb_group;
use super::grammar::{is, WordClass};
use super::sentence::SentenceView;
use crate::time::{Timex, TimexKind};

/// Where a date stands with respect to the clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Before a noun: "the 2022 invasion".
    Premodifier,
    /// At the start of the clause: "On Tuesday, …".
    Fronted,
    /// Anywhere else.
    Adverbial,
}

/// A temporal expression of the sentence that can date an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateCandidate {
    /// Index into the document's timexes.
    pub timex: usize,
    /// Its calendar value ("2025-11-26", "2025-W49", "2022").
    pub value: String,
    /// First and last token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Where it stands.
    pub placement: Placement,
}

impl DateCandidate {
    /// True for a value that names one day.
    pub fn is_day(&self) -> bool {
        self.value.len() == 10 && self.value.as_bytes()[7] == b'-'
    }
}

/// A TIMEX3 value as a calendar value an event can be dated with, or `None`.
///
/// Days keep their date (a time of day is dropped: "2025-04-14TEV" → "2025-04-14"); weeks,
/// weekends, months and years stay; seasons, quarters and halves become their year, but only when
/// `written` states the year ("fall 2022" → "2022"; a bare "winter" is too vague). Reference
/// values (PRESENT_REF), unknown digits (XXXX) and decades date nothing.
pub(crate) fn calendar_value(value: &str, written: &str) -> Option<String> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let mut parts = value.splitn(3, '-');
    let year = parts.next()?;
    if !digits(year, 4) {
        return None;
    }
    let Some(second) = parts.next() else {
        return Some(year.to_string());
    };
    let third = parts.next();
    if digits(second, 2) {
        let month: u32 = second.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        return match third {
            None => Some(format!("{year}-{second}")),
            Some(rest) if rest.len() >= 2 && digits(&rest[..2], 2) => {
                let day = &rest[..2];
                let tail = &rest[2..];
                (tail.is_empty() || tail.starts_with('T')).then(|| format!("{year}-{second}-{day}"))
            }
            Some(_) => None,
        };
    }
    if let Some(week) = second.strip_prefix('W') {
        if digits(week, 2) && matches!(third, None | Some("WE")) {
            return Some(value.to_string());
        }
        return None;
    }
    let coarse = matches!(
        second,
        "SP" | "SU" | "FA" | "WI" | "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2"
    );
    (coarse && third.is_none() && written.contains(year)).then(|| year.to_string())
}

/// The dates of a sentence (or table cell) that can date an event.
pub(crate) fn candidates(view: &SentenceView<'_>, timexes: &[Timex]) -> Vec<DateCandidate> {
    let mut out: Vec<DateCandidate> = Vec::new();
    let mut i = 0;
    while i < view.tokens.len() {
        let Some(n) = view.timex_at[i] else {
            i += 1;
            continue;
        };
        let first = i;
        let mut last = i;
        while view.timex_at.get(last + 1) == Some(&Some(n)) {
            last += 1;
        }
        i = last + 1;
        let Some(timex) = timexes.get(n) else {
            continue;
        };
        if !matches!(timex.kind, TimexKind::Date | TimexKind::Time) {
            continue;
        }
        let Some(value) = timex
            .value
            .as_deref()
            .and_then(|v| calendar_value(v, &timex.text))
        else {
            continue;
        };
        if barred(view, first) {
            continue;
        }
        let placement = placement(view, first, last);
        out.push(DateCandidate {
            timex: n,
            value,
            first,
            last,
            placement,
        });
    }
    out
}

/// Dates followed by a "when" clause that tells what happened then, with that clause: "in May
/// 2015, when police raided the hotel", "since April last year, when floods killed hundreds".
/// The clause's event takes the date even where a preposition bars it for the main clause.
pub(crate) fn when_clauses(
    view: &SentenceView<'_>,
    timexes: &[Timex],
) -> Vec<(DateCandidate, usize)> {
    let mut out = Vec::new();
    for (last, at) in view.timex_at.iter().enumerate() {
        let Some(n) = *at else { continue };
        if view.timex_at.get(last + 1) == Some(&Some(n)) {
            continue; // not the expression's last token
        }
        let mut next = last + 1;
        if view.tokens.get(next).is_some_and(|t| t.is_punct(',')) {
            next += 1;
        }
        let opens_when = view.tokens.get(next).is_some_and(|t| t.lower == "when")
            && view.clause(next).opener == Some(next);
        let Some(timex) = timexes.get(n).filter(|_| opens_when) else {
            continue;
        };
        if !matches!(timex.kind, TimexKind::Date | TimexKind::Time) {
            continue;
        }
        let Some(value) = timex
            .value
            .as_deref()
            .and_then(|v| calendar_value(v, &timex.text))
        else {
            continue;
        };
        let first = (0..=last)
            .rev()
            .take_while(|&t| view.timex_at[t] == Some(n))
            .last()
            .unwrap_or(last);
        let date = DateCandidate {
            timex: n,
            value,
            first,
            last,
            placement: Placement::Adverbial,
        };
        out.push((date, view.clause_of[next]));
    }
    out
}

/// True when a preposition before the date (or opening it) says the event is not at that date.
fn barred(view: &SentenceView<'_>, first: usize) -> bool {
    let own = &view.tokens[first].lower;
    if is(own, WordClass::DateBar) {
        return true;
    }
    // "between 2016 and 2021": the second date bounds a stretch too.
    let after_and = view
        .clause_before(first)
        .next()
        .is_some_and(|t| view.tokens[t].lower == "and");
    if after_and
        && view
            .clause_before(first)
            .take(6)
            .any(|t| view.tokens[t].lower == "between")
    {
        return true;
    }
    view.clause_before(first)
        .take_while(|&t| view.tokens[t].is_word())
        .take(3)
        .map(|t| view.tokens[t].lower.as_ref())
        .find(|w| !is(w, WordClass::Determiner) && *w != "end" && *w != "of")
        .is_some_and(|w| is(w, WordClass::DateBar))
}

fn placement(view: &SentenceView<'_>, first: usize, last: usize) -> Placement {
    let before = view.clause_before(first).next().map(|t| &view.tokens[t]);
    let opens_noun_phrase = before
        .is_some_and(|b| b.is(WordClass::Determiner) || b.is_possessive())
        || view.tokens[first].is(WordClass::Determiner)
        || view.tokens[last].is_possessive();
    let noun_follows = view.clause_after(last).next().is_some_and(|a| {
        let word = &view.tokens[a].lower;
        view.tokens[a].is_word()
            && view.timex_at[a].is_none()
            && ![
                WordClass::Preposition,
                WordClass::Auxiliary,
                WordClass::Relative,
                WordClass::Coordinator,
                WordClass::Pronoun,
                WordClass::Modal,
            ]
            .iter()
            .any(|&class| is(word, class))
    });
    if opens_noun_phrase && noun_follows {
        return Placement::Premodifier;
    }
    let fronted = view
        .clause_before(first)
        .all(|t| view.tokens[t].is(WordClass::Preposition));
    if fronted {
        Placement::Fronted
    } else {
        Placement::Adverbial
    }
}

/// A trigger a date may attach to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    /// Its token.
    pub token: usize,
    /// True for a noun trigger.
    pub noun: bool,
}

/// For every target, the date (index into `dates`) that dates it, if any.
pub(crate) fn attach(
    view: &SentenceView<'_>,
    dates: &[DateCandidate],
    targets: &[Target],
) -> Vec<Option<usize>> {
    let mut best: Vec<Option<(usize, usize)>> = vec![None; targets.len()]; // (distance, date)
    for (d, date) in dates.iter().enumerate() {
        let clause = view.clause_of[date.first];
        let same_clause = |t: &&Target| view.clause_of[t.token] == clause;
        let before = || {
            targets
                .iter()
                .filter(same_clause)
                .filter(|t| t.token < date.first)
        };
        let after = || {
            targets
                .iter()
                .filter(same_clause)
                .filter(|t| t.token > date.last)
        };
        let chosen = match date.placement {
            Placement::Premodifier => after()
                .next()
                .filter(|t| t.noun && t.token <= date.last + 2),
            // "Yesterday, at this year's conference, Jobs unveiled": the clause's verb first.
            Placement::Fronted => after().find(|t| !t.noun).or_else(|| after().next()),
            // After the date only across a verb group: "the minister on Monday accused".
            Placement::Adverbial => before().next_back().or_else(|| {
                after().next().filter(|t| {
                    view.clause_after(date.last)
                        .take_while(|&x| x < t.token)
                        .all(|x| in_verb_group(&view.tokens[x].lower))
                })
            }),
        };
        let Some(target) = chosen else { continue };
        let Some(k) = targets.iter().position(|t| t == target) else {
            continue;
        };
        let distance = if target.token > date.last {
            target.token - date.last
        } else {
            date.first - target.token
        };
        if best[k].map_or(true, |(nearest, _)| nearest > distance) {
            best[k] = Some((distance, d));
        }
    }
    best.into_iter().map(|b| b.map(|(_, d)| d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_values_keep_days_weeks_months_years() {
        assert_eq!(
            calendar_value("2025-11-26", "").as_deref(),
            Some("2025-11-26")
        );
        assert_eq!(
            calendar_value("2025-04-14TEV", "").as_deref(),
            Some("2025-04-14")
        );
        assert_eq!(calendar_value("2025-W49", "").as_deref(), Some("2025-W49"));
        assert_eq!(
            calendar_value("2025-W47-WE", "").as_deref(),
            Some("2025-W47-WE")
        );
        assert_eq!(calendar_value("2025-03", "").as_deref(), Some("2025-03"));
        assert_eq!(calendar_value("2014", "").as_deref(), Some("2014"));
    }

    #[test]
    fn seasons_count_only_with_a_written_year() {
        assert_eq!(
            calendar_value("2022-FA", "fall 2022").as_deref(),
            Some("2022")
        );
        assert_eq!(calendar_value("2025-WI", "winter"), None);
    }

    #[test]
    fn references_and_unknowns_date_nothing() {
        for v in [
            "PRESENT_REF",
            "FUTURE_REF",
            "XXXX-11-26",
            "202X",
            "2025-13",
            "P3Y",
            "2025-W7",
        ] {
            assert_eq!(calendar_value(v, ""), None, "{v}");
        }
    }
}
