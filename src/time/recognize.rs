//! Finding temporal expressions: every rule proposes candidates, the longest non-overlapping
//! ones win, and each winner is normalized against the publication date.
//!
//! Rules live in [`super::absolute`] and [`super::years`] (calendar dates written out),
//! [`super::relative`] (dates read from the publication date) and [`super::amount`] (durations,
//! recurrences, vague references). A rule is a regex plus a handler that checks the context the
//! regex cannot see and says what the match means: a fixed TIMEX3 value, or an [`Anchor`] that
//! [`super::normalize`] resolves once the publication date and the clause's tense are known.

use super::normalize::{resolve, Resolved};
use super::tense::{cue_is_near, tense_at};
use super::value::TimeValue;
use super::{Timex, TimexKind, TimexMod};
use crate::text::{Sentence, Span};
use jiff::civil::Date;
use regex::{Captures, Regex};
use regex_automata::meta;
use regex_automata::{Input, MatchKind, PatternSet};
use std::collections::BTreeMap;
use std::sync::{LazyLock, Mutex};

/// Which way from the publication date a date without a year (or a weekday) lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Strictly before ("last Tuesday", "last November").
    Before,
    /// Strictly after ("next Tuesday", "next May").
    After,
    /// Decided by the tense of the clause ("on Tuesday", "in November").
    Tense,
    /// Inside the publication date's ISO week ("this Friday").
    ThisWeek,
    /// Inside the ISO week after the publication date's ("Thursday next week", "a week on
    /// Thursday", "next Thursday week").
    NextWeek,
    /// Inside the ISO week before the publication date's ("Monday last week").
    LastWeek,
    /// A deadline or a date things run to ("by Jan. 14", "until mid-November", "payable Dec.
    /// 7"): as [`Direction::Tense`], but the next occurrence when it lies close after the
    /// publication date.
    Soon,
}

/// Words before a date without a year that make it a deadline or an end ("by Jan. 14").
const FORWARD_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "through",
    "effective",
    "payable",
    "due",
    "record",
];

/// Verbs before "to" that move a date forward ("extended to Nov. 16").
const MOVED_WORDS: &[&str] = &[
    "extended",
    "extend",
    "extends",
    "postponed",
    "postpone",
    "delayed",
    "delay",
    "moved",
    "pushed",
    "deferred",
    "rescheduled",
    "adjourned",
];

/// A time of day written before a weekday or a date ("until 9 a.m. Tuesday", "by 5 p.m. EST,
/// Nov. 6"): the deadline word stands before the time.
static CLOCK_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"(?i){B}[0-9]{1,2}(?:[:.][0-9]{2})?{S}?[ap]\.?m\.?(?:{S}[a-z]{2,4})?,?{S}(?:on{S})?$",
    )
});

/// Where the words that introduce the expression at `span` end: its start, or the start of a
/// time of day written just before it.
fn introduced_at(text: &str, span: Span) -> usize {
    let mut from = span.start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    text.get(from..span.start)
        .and_then(|before| CLOCK_BEFORE.find(before))
        .map_or(span.start, |m| from + m.start())
}

/// True when the sentence reports in the past perfect ("Until Thursday, they had not called
/// him a suspect") or says "not until" ("it was not until Tuesday that"): the day an "until"
/// names has then passed.
fn until_has_passed(text: &str, sentence: Span, at: usize) -> bool {
    let not_until = super::context::prev_word2(text, at)
        .is_some_and(|w| w.eq_ignore_ascii_case("not") || w.eq_ignore_ascii_case("wasn't"));
    not_until
        || sentence
            .of(text)
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| w == "had")
}

/// A month (with or without a day) or a weekday after a deadline word looks forward:
/// [`Direction::Soon`].
fn forward_deadline(text: &str, sentence: Span, span: Span, anchor: &Anchor) -> Anchor {
    let at = introduced_at(text, span);
    let prev = super::context::prev_word(text, at).map(str::to_ascii_lowercase);
    // "extended to Nov. 16", "postponed until": a date something was moved to.
    let moved_to = prev.as_deref() == Some("to")
        && super::context::prev_word2(text, at)
            .is_some_and(|w| MOVED_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    let passed =
        matches!(prev.as_deref(), Some("until" | "till")) && until_has_passed(text, sentence, at);
    let forward =
        !passed && (moved_to || prev.is_some_and(|w| FORWARD_WORDS.contains(&w.as_str())));
    match *anchor {
        // "since Oct. 23", "since shortly after the Oct. 23 slaying": a day that has passed.
        Anchor::MonthDay {
            month,
            day,
            direction: Direction::Tense,
            weekday,
        } if since_before(text, at) => Anchor::MonthDay {
            month,
            day,
            direction: Direction::Before,
            weekday,
        },
        Anchor::MonthDay {
            month,
            day,
            direction: Direction::Tense,
            weekday,
        } if forward => Anchor::MonthDay {
            month,
            day,
            direction: Direction::Soon,
            weekday,
        },
        // "until Tuesday", "as soon as Friday": the coming one.
        Anchor::Weekday {
            weekday,
            direction: Direction::Tense,
            part,
        } if forward || as_soon_as(text, span) => Anchor::Weekday {
            weekday,
            direction: Direction::Soon,
            part,
        },
        other => other,
    }
}

/// True when "since" is one of the four words before `at`, with no clause break between.
fn since_before(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..at).unwrap_or("");
    let clause = before
        .rfind([',', ';', ':', '.', '"', '(', ')'])
        .map_or(before, |i| &before[i + 1..]);
    clause
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| w.eq_ignore_ascii_case("since"))
}

/// True when "as soon as" stands right before `span`.
fn as_soon_as(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let lower = before
        .get(before.len().saturating_sub(10)..)
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.ends_with("as soon as")
}

/// A calendar unit counted from the publication date ("last week", "next month").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CalendarUnit {
    /// An ISO week.
    Week,
    /// The Saturday and Sunday of an ISO week.
    Weekend,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A year.
    Year,
    /// A decade.
    Decade,
}

/// What a relative expression needs from the publication date to get its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// A day counted from the publication date ("yesterday": -1), maybe a part of it.
    Days {
        /// Days after the publication date (negative: before).
        offset: i32,
        /// TIMEX3 part of day ("EV").
        part: Option<&'static str>,
    },
    /// A weekday near the publication date ("on Tuesday", "last Friday", "Monday evening").
    Weekday {
        /// 1 = Monday .. 7 = Sunday.
        weekday: i8,
        /// Which one.
        direction: Direction,
        /// TIMEX3 part of day.
        part: Option<&'static str>,
    },
    /// The unit containing the publication date, shifted ("last week": Week, -1).
    Calendar {
        /// Which unit.
        unit: CalendarUnit,
        /// How many units after the current one.
        offset: i32,
    },
    /// A count of units before the publication date ("three years ago").
    Ago {
        /// How many.
        amount: i32,
        /// TIMEX3 unit code ("Y", "M", "W", "D", "DE", "H").
        unit: &'static str,
    },
    /// A month, maybe with a day, whose year comes from the publication date.
    MonthDay {
        /// 1-12.
        month: i8,
        /// 1-31, when given.
        day: Option<i8>,
        /// Which occurrence.
        direction: Direction,
        /// The weekday written with the day ("Monday, Oct. 26"; 1 = Monday), which names the
        /// year whose calendar agrees.
        weekday: Option<i8>,
    },
    /// A month, maybe with a day, in the year so many years from the publication date's
    /// ("March last year": -1, "May 5 next year": 1).
    MonthInYear {
        /// 1-12.
        month: i8,
        /// 1-31, when given.
        day: Option<i8>,
        /// Years after the publication date's year (negative: before).
        offset: i8,
    },
    /// A season whose year comes from the publication date ("last summer").
    Season {
        /// TIMEX3 season code.
        code: &'static str,
        /// Which occurrence.
        direction: Direction,
    },
    /// A quarter without a written year ("the third quarter"): `offset` years from the
    /// publication date's when the text says ("this year's": 0, "last year's": -1), else the
    /// latest one not after the publication date's quarter unless the clause is future.
    Quarter {
        /// 1-4.
        quarter: i8,
        /// Years from the publication date's year, when stated.
        offset: Option<i8>,
    },
    /// The quarter a company report is about ("the quarter", "the latest period"), or the same
    /// quarter `years_back` years before ("the year-earlier quarter", "a year earlier"):
    /// valued from the quarter named before it (see [`super::quarters::apply_focus`]).
    QuarterFocus {
        /// 0 for the quarter itself, 1 for its comparison a year before.
        years_back: u8,
    },
    /// A holiday whose year comes from the publication date ("Thanksgiving Day", "last
    /// Christmas").
    Holiday {
        /// Which holiday.
        which: super::holidays::Holiday,
        /// Which occurrence.
        direction: Direction,
    },
    /// The weekend next to the publication date ("over the weekend"): the one written on, else
    /// the one before, or the coming one when `direction` or the tense says so.
    Weekend {
        /// [`Direction::After`] for the coming one, [`Direction::Tense`] to ask the clause.
        direction: Direction,
    },
    /// The quarter in focus, in a year the text writes ("the 1988 period"): valued like
    /// [`Anchor::QuarterFocus`], dropped without a quarter in focus.
    QuarterInYear {
        /// The year written.
        year: i16,
    },
    /// A year the text named before ("that year": 0, "the following year": 1), valued by
    /// [`super::year_refs::apply`].
    YearBack {
        /// Years after the one named.
        offset: i8,
    },
    /// "The year" of a report: the publication's year, unless another year was just named.
    YearOfReport,
    /// A time of day on the publication date ("at 10 a.m.").
    Clock {
        /// 0-23.
        hour: i8,
        /// 0-59.
        minute: i8,
        /// Written in UTC ("08:30 UTC", "10:00 GMT"): the value ends in `Z`.
        utc: bool,
    },
}

/// What a candidate's value is, before the publication date is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Pending {
    /// A value that needs no publication date ("2025-11-26", "P3Y", "PAST_REF").
    Fixed(String),
    /// A value computed from the publication date.
    Anchored(Anchor),
}

/// A proposed temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Where it is in the text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexKind,
    /// Its value, or how to compute it.
    pub value: Pending,
    /// TIMEX3 mod.
    pub modifier: Option<TimexMod>,
}

impl Candidate {
    /// A candidate with a fixed value.
    pub(crate) fn fixed(span: Span, kind: TimexKind, value: impl Into<String>) -> Self {
        Self {
            span,
            kind,
            value: Pending::Fixed(value.into()),
            modifier: None,
        }
    }

    /// A candidate whose value comes from the publication date.
    pub(crate) fn anchored(span: Span, kind: TimexKind, anchor: Anchor) -> Self {
        Self {
            span,
            kind,
            value: Pending::Anchored(anchor),
            modifier: None,
        }
    }

    /// The same candidate with a modifier.
    pub(crate) fn with_mod(mut self, modifier: Option<TimexMod>) -> Self {
        self.modifier = modifier;
        self
    }
}

/// A recognition rule: a regex and what to make of each match.
pub(crate) struct Rule {
    /// Its name, as the file that defines it gives it.
    pub name: &'static str,
    /// What to look for.
    pub regex: Regex,
    /// Checks a match in context and pushes the candidates it stands for.
    pub build: fn(&str, &Captures, &mut Vec<Candidate>),
}

impl Rule {
    /// A rule from a pattern template (see [`super::patterns::compile`]).
    pub(crate) fn new(
        name: &'static str,
        template: &str,
        build: fn(&str, &Captures, &mut Vec<Candidate>),
    ) -> Self {
        Self {
            name,
            regex: super::patterns::compile(template),
            build,
        }
    }
}

/// All rules, in priority order (an earlier rule wins a tie in length).
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut rules = super::absolute::rules();
    rules.extend(super::years::rules());
    rules.extend(super::relative::rules());
    rules.extend(super::amount::rules());
    rules.extend(super::quarters::rules());
    rules.extend(super::holidays::rules());
    rules.extend(super::year_refs::rules());
    rules
});

/// URLs: dates inside them are not expressions of the text.
static URL: LazyLock<Regex> =
    LazyLock::new(|| super::patterns::compile(r#"(?:https?://|www\.)[^\s<>()\[\]"']+"#));

/// Every rule's regex in one set, which tells in one pass over a line which rules match in it,
/// with the one cache of its lazy DFA that every thread uses.
///
/// Why one cache: the set's lazy DFA has thousands of states (it tracks ~40 rules over word
/// lists at once) and building them is most of what the set costs: with a cache per thread, as
/// `regex::RegexSet` keeps, every thread built the same states (7.5% of the CPU of `kg extract`
/// on 10 MB of news with two threads; 4.8% with the one cache). A thread holds the lock for one
/// text's lines, a few microseconds once the states are built.
struct RuleSet {
    /// The rules' patterns, as `regex::RegexSet` builds them.
    regex: meta::Regex,
    /// The lazy DFA's cache, shared.
    cache: Mutex<meta::Cache>,
}

/// [`RuleSet`] of [`RULES`]; `None` if it cannot be built (then every rule reads the whole text).
static RULE_SET: LazyLock<Option<RuleSet>> = LazyLock::new(|| {
    // The configuration of `regex::RegexSetBuilder`, with room in the lazy DFA's cache for the
    // states of ~40 rules over word lists: with the default it is rebuilt many times per
    // document and the pass runs at half speed.
    let config = meta::Config::new()
        .match_kind(MatchKind::All)
        .utf8_empty(true)
        .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(RULE_SET_DFA_BYTES);
    let patterns: Vec<&str> = RULES.iter().map(|r| r.regex.as_str()).collect();
    let regex = meta::Builder::new()
        .configure(config)
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build_many(&patterns)
        .ok()?;
    let cache = Mutex::new(regex.create_cache());
    Some(RuleSet { regex, cache })
});

/// Compiles the rules and their set now rather than at the first text (see
/// [`crate::extract::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&RULE_SET);
}

/// Cache of [`RULE_SET`]'s lazy DFA, in bytes.
const RULE_SET_DFA_BYTES: usize = 64 << 20;

/// Every candidate of every rule, longest first on overlaps, in text order.
///
/// No rule matches a line break (a test checks the patterns), so a rule's matches in the whole
/// text are its matches line by line; each rule runs only on the lines where [`RULE_SET`] says
/// it matches, which spares most of the ~30 passes over the text.
pub(crate) fn candidates(text: &str) -> Vec<Candidate> {
    let lines_of_rule = lines_of_rules(text);
    let mut all: Vec<(usize, Candidate)> = Vec::new();
    let mut found = Vec::new();
    for (priority, rule) in RULES.iter().enumerate() {
        let lines = lines_of_rule.as_ref().map(|l| l[priority].as_slice());
        if !matches_by_line(text, rule, lines, &mut found) {
            found.clear();
            for caps in rule.regex.captures_iter(text) {
                (rule.build)(text, &caps, &mut found);
            }
        }
        all.extend(found.drain(..).map(|c| (priority, c)));
    }
    let urls: Vec<Span> = URL
        .find_iter(text)
        .map(|m| Span::new(m.start(), m.end()))
        .collect();
    // URLs do not overlap each other, so the last one starting before a candidate's end is
    // the only one that can overlap it.
    let in_url = |span: Span| {
        let i = urls.partition_point(|u| u.start < span.end);
        i.checked_sub(1).is_some_and(|j| urls[j].overlaps(span))
    };
    all.retain(|(_, c)| {
        !c.span.is_empty()
            && text.is_char_boundary(c.span.start)
            && text.is_char_boundary(c.span.end)
            && !in_url(c.span)
    });
    select(all)
}

/// For every rule (by index in [`RULES`]), the lines of `text` it matches in; `None` without a
/// rule set.
fn lines_of_rules(text: &str) -> Option<Vec<Vec<Span>>> {
    let set = RULE_SET.as_ref()?;
    let mut lines_of_rule = vec![Vec::new(); RULES.len()];
    // A thread that panicked holding the lock may have left the cache half written: this
    // text then gets a cache of its own.
    let mut shared = set.cache.lock().ok();
    let mut own = None;
    let cache = match shared.as_deref_mut() {
        Some(cache) => cache,
        None => own.insert(set.regex.create_cache()),
    };
    let mut matched = PatternSet::new(set.regex.pattern_len());
    let mut start = 0;
    for line in text.split('\n') {
        let span = Span::new(start, start + line.len());
        start = span.end + 1;
        matched.clear();
        set.regex
            .which_overlapping_matches_with(cache, &Input::new(line), &mut matched);
        for rule in matched.iter() {
            lines_of_rule[rule.as_usize()].push(span);
        }
    }
    Some(lines_of_rule)
}

/// Pushes the candidates of `rule` found in `lines` (all of them when `None`, i.e. no rule set),
/// in text order, exactly as a pass over the whole text would. Returns false, leaving `found`
/// half done, if the rule matched an empty string: the caller then runs the whole-text pass, whose
/// rule for empty matches a line-by-line pass does not reproduce.
fn matches_by_line(
    text: &str,
    rule: &Rule,
    lines: Option<&[Span]>,
    found: &mut Vec<Candidate>,
) -> bool {
    let Some(lines) = lines else {
        return false;
    };
    for line in lines {
        // The haystack ends with the line but starts with the text, so that spans are offsets
        // into `text` and look-behind sees what comes before the line.
        let haystack = &text[..line.end];
        let mut at = line.start;
        while let Some(caps) = rule.regex.captures_at(haystack, at) {
            let matched = whole(&caps);
            if matched.is_empty() {
                return false;
            }
            (rule.build)(text, &caps, found);
            at = matched.end;
        }
    }
    true
}

/// The rules that write a day with its month and year, the only ones whose candidates can have
/// a fixed value that is a day ("2025-11-26"): the others write months, years, durations or
/// anchored values (a test checks this on the seed and held-out articles).
const FULL_DATE_RULES: [&str; 3] = ["month-day-year", "day-month-year", "numeric-date"];

/// False when [`candidates`] of `text` can hold no candidate whose fixed value is a day: no rule
/// of [`FULL_DATE_RULES`] proposes one (the others propose none, and choosing among candidates
/// only drops some). True when one does.
///
/// Why: the publication date is looked for in short lines at the head and the tail of every
/// article, and most hold numbers but no full date; running every rule over them (and choosing
/// among what they find) was 5% of extraction CPU.
pub(crate) fn may_hold_a_day(text: &str) -> bool {
    let mut found = Vec::new();
    RULES
        .iter()
        .filter(|rule| FULL_DATE_RULES.contains(&rule.name))
        .any(|rule| {
            found.clear();
            for caps in rule.regex.captures_iter(text) {
                (rule.build)(text, &caps, &mut found);
            }
            found.iter().any(|c| is_a_day(&c.value))
        })
}

/// True for a fixed value that is a day.
fn is_a_day(value: &Pending) -> bool {
    matches!(value, Pending::Fixed(v) if matches!(TimeValue::parse(v), Some(TimeValue::Day { .. })))
}

/// Keeps the longest candidates that do not overlap, ties to the earlier rule.
fn select(mut all: Vec<(usize, Candidate)>) -> Vec<Candidate> {
    all.sort_by(|(pa, a), (pb, b)| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(pa.cmp(pb))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: BTreeMap<usize, Candidate> = BTreeMap::new();
    for (_, c) in all {
        let clash_before = kept
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, k)| k.span.overlaps(c.span));
        if !clash_before {
            kept.insert(c.span.start, c);
        }
    }
    kept.into_values().collect()
}

/// Finds and normalizes the temporal expressions of `text` (see [`super::recognize`]).
pub(crate) fn recognize(text: &str, sentences: &[Sentence], dct: Option<Date>) -> Vec<Timex> {
    let found = candidates(text);
    let mut resolved: Vec<(Candidate, Resolved)> = found
        .into_iter()
        .map(|c| {
            let r = match (&c.value, dct) {
                (Pending::Fixed(v), _) => Resolved {
                    value: Some(v.clone()),
                    relative: false,
                },
                (Pending::Anchored(_), None) => Resolved {
                    value: None,
                    relative: true,
                },
                (Pending::Anchored(anchor), Some(dct)) => {
                    let sentence = sentence_of(sentences, c.span.start)
                        .map_or(Span::new(0, text.len()), |s| s.span);
                    // "Wednesday's ruling" names a day something happened: only a verb
                    // right at it makes it a coming one ("Friday's vote will decide").
                    let possessive = matches!(
                        anchor,
                        Anchor::Weekday {
                            direction: Direction::Tense,
                            ..
                        }
                    ) && text
                        .get(c.span.end..)
                        .is_some_and(|t| t.starts_with("'s") || t.starts_with("\u{2019}s"));
                    let tense = || {
                        if possessive && !cue_is_near(text, sentence, c.span) {
                            super::tense::Tense::Unknown
                        } else {
                            tense_at(text, sentence, c.span)
                        }
                    };
                    let near = || cue_is_near(text, sentence, c.span);
                    let anchor = forward_deadline(text, sentence, c.span, anchor);
                    Resolved {
                        value: resolve(&anchor, dct, tense, near),
                        relative: true,
                    }
                }
            };
            (c, r)
        })
        .collect();
    super::quarters::apply_focus(text, dct, &mut resolved);
    super::year_refs::apply(dct, &mut resolved);
    super::normalize::merge_date_and_clock(text, &mut resolved);
    super::day_shifts::apply(text, &mut resolved);
    resolved
        .into_iter()
        .map(|(c, r)| Timex {
            span: c.span,
            text: c.span.of(text).to_string(),
            kind: c.kind,
            value: r.value,
            relative: r.relative,
            sentence: sentence_of(sentences, c.span.start).map_or(0, |s| s.index),
            modifier: c.modifier,
        })
        .collect()
}

/// The sentence containing byte `pos` (or the last one starting before it).
fn sentence_of(sentences: &[Sentence], pos: usize) -> Option<&Sentence> {
    let i = sentences.partition_point(|s| s.span.start <= pos);
    i.checked_sub(1).and_then(|i| sentences.get(i))
}

/// The span of capture group `name`, when it took part in the match.
pub(crate) fn group(caps: &Captures, name: &str) -> Option<Span> {
    caps.name(name).map(|m| Span::new(m.start(), m.end()))
}

/// The text of capture group `name`, when it took part in the match.
pub(crate) fn text_of<'t>(caps: &Captures<'t>, name: &str) -> Option<&'t str> {
    caps.name(name).map(|m| m.as_str())
}

/// The span of the whole match.
pub(crate) fn whole(caps: &Captures) -> Span {
    caps.get(0)
        .map_or(Span::new(0, 0), |m| Span::new(m.start(), m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles() {
        assert!(RULES.len() > 10);
        for rule in RULES.iter() {
            assert!(!rule.regex.as_str().is_empty());
        }
    }

    #[test]
    fn longest_match_wins_and_spans_do_not_overlap() {
        let text = "On Nov. 26, 2025 and Nov. 27 they met for 3 days.";
        let found = candidates(text);
        let texts: Vec<&str> = found.iter().map(|c| c.span.of(text)).collect();
        assert_eq!(texts, ["Nov. 26, 2025", "Nov. 27", "3 days"]);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }

    #[test]
    fn no_rule_can_match_a_line_break() {
        // What could match "\n": negated classes, Perl classes, Unicode classes, escapes, ranges
        // from a control character, dot-matches-newline, line anchors.
        const NEWLINE_MATCHERS: [&str; 14] = [
            "^", "\\s", "\\S", "\\W", "\\D", "\\p", "\\P", "\\n", "\\x", "\\v", "\\t-", "(?s", "$",
            "\n",
        ];
        for rule in RULES.iter() {
            let pattern = rule.regex.as_str();
            for m in NEWLINE_MATCHERS {
                assert!(!pattern.contains(m), "{m} in {pattern}");
            }
        }
    }

    #[test]
    fn rules_run_line_by_line_find_what_a_whole_text_pass_finds() {
        let text = "Talks on Nov. 26, 2025\nended.\nTuesday, they met 3\ndays later; at 10 a.m. Friday\n\n\
                    the summit of 2019 and the 1990s, last week and two years ago.\nNow";
        let mut by_line = Vec::new();
        let mut whole_text = Vec::new();
        let lines_of_rule = lines_of_rules(text);
        assert!(lines_of_rule.is_some());
        for (i, rule) in RULES.iter().enumerate() {
            let lines = lines_of_rule.as_ref().map(|l| l[i].as_slice());
            assert!(matches_by_line(text, rule, lines, &mut by_line));
            for caps in rule.regex.captures_iter(text) {
                (rule.build)(text, &caps, &mut whole_text);
            }
        }
        assert!(whole_text.len() >= 8, "{whole_text:?}");
        assert_eq!(by_line, whole_text);
    }

    #[test]
    fn only_the_full_date_rules_write_days() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts: Vec<String> = ["seeds", "tests/heldout/corpus"]
            .iter()
            .filter_map(|dir| std::fs::read_dir(format!("{root}/{dir}")).ok())
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        texts.push(
            "On Monday, Nov. 26, 2025, 26 November 2025, 2025-11-26, 11/26/2025, 26.11.2025, \
             11/26/25, Christmas Day 2024, the 3rd of May 2021, May 2021, 2021, the 1990s, \
             Q3 2024, the week of Nov. 3, 2025, March 3rd last year, on 3/4/24."
                .to_string(),
        );
        assert!(texts.len() > 10);
        let mut days = 0;
        for text in &texts {
            for rule in RULES.iter() {
                let mut found = Vec::new();
                for caps in rule.regex.captures_iter(text) {
                    (rule.build)(text, &caps, &mut found);
                }
                let day = found.iter().filter(|c| is_a_day(&c.value)).count();
                assert!(
                    day == 0 || FULL_DATE_RULES.contains(&rule.name),
                    "{}",
                    rule.name
                );
                days += day;
            }
        }
        assert!(days >= 8, "{days}");
    }

    #[test]
    fn dates_inside_urls_are_skipped() {
        let text = "Source: https://example.com/news/talks-2025-11-26/ read on 2025-11-27.";
        let found = candidates(text);
        let texts: Vec<&str> = found.iter().map(|c| c.span.of(text)).collect();
        assert_eq!(texts, ["2025-11-27"]);
    }
}
