//! Rules for expressions whose value comes from the publication date: "yesterday", "on
//! Tuesday", "Monday evening", "last week", "earlier this month", "next year", "year-end",
//! "three years ago", "at 10 a.m.".
//!
//! The handlers only say what the expression counts from the publication date (an
//! [`Anchor`]); [`super::normalize`] computes the value.

use super::context::{
    after, inside_name, is_capitalized, is_one_of, next_char, next_word, prev_char, prev_word,
};
use super::lexicon::WORDS;
use super::patterns::{edge_mod, quantity_mod};
use super::recognize::{group, text_of, whole, Anchor, CalendarUnit, Candidate, Direction, Rule};
use super::TimexKind;
use crate::text::Span;
use regex::Captures;

/// Words before a weekday that introduce it ("on Tuesday", "By Friday").
const WEEKDAY_PREPOSITIONS: &[&str] = &[
    "on", "by", "until", "till", "since", "from", "before", "after", "through", "and", "or", "to",
    "last", "next", "this", "early", "late", "every", "each", "late", "as", "of", "for", "as",
];

/// Capitalized words before a weekday that make it a name ("Super Tuesday", "Good Friday").
const WEEKDAY_NAME_PREV: &[&str] = &[
    "super", "black", "good", "easter", "palm", "ash", "holy", "maundy", "fat", "bloody", "cyber",
    "giving", "shrove", "low", "whit", "trinity", "blue", "manic", "ruby", "man", "girl", "mad",
    "red", "white", "green", "great", "big",
];

/// After a capitalized word, whether a weekday is part of a name: the word before is one of
/// [`WEEKDAY_NAME_PREV`], or a capitalized word, a digit or a hyphen follows ("Ruby Tuesday
/// Inc."). "President Bill Clinton Saturday vowed", "in Miami Wednesday," are dates: a name
/// ends before the weekday, which the verb or the punctuation after it shows.
fn weekday_in_name(text: &str, word: Span) -> bool {
    if is_one_of(prev_word(text, word.start), WEEKDAY_NAME_PREV) {
        return true;
    }
    match next_char(text, word.end) {
        Some(c) if c.is_alphanumeric() || super::lexicon::is_hyphen(c) => return true,
        Some(c) if c.is_whitespace() => {}
        _ => return false,
    }
    next_word(text, word.end)
        .is_some_and(|n| is_capitalized(n) || n.starts_with(|c: char| c.is_ascii_digit()))
}

/// Capitalized words after a weekday that make it part of a name ("Sunday Times").
const WEEKDAY_NAME_NEXT: &[&str] = &[
    "times",
    "telegraph",
    "mail",
    "express",
    "post",
    "herald",
    "mirror",
    "night",
    "morning",
    "review",
    "star",
    "independent",
    "agreement",
    "accord",
    "massacre",
    "offensive",
    "school",
];

/// The rules of this file, in priority order (an earlier rule wins a tie in length).
pub(crate) fn rules() -> Vec<Rule> {
    vec![
        Rule::new(
            "day-word",
            r"{B}(?P<word>the{S}day{S}before{S}yesterday|the{S}day{S}after{S}tomorrow|yesterday|today|tomorrow|tonight)(?:{S}(?P<part>{DAYPART}))?{B}",
            day_word,
        ),
        Rule::new(
            "this-morning",
            r"{B}(?P<rel>this|last){S}(?P<part>morning|afternoon|evening|night){B}",
            this_morning,
        ),
        Rule::new(
            "weekday",
            r"{B}(?:(?P<aweek>a{S}week{S}(?:on|from){S})|(?P<rel>last|next|this{S}coming|this{S}past|this|coming|past|early|late){S})?(?P<wd>{WEEKDAY})(?:{S}(?P<wk>(?:next|this|last){S}week|week){B})?(?:{S}(?P<part>{DAYPART}))?{B}",
            weekday,
        ),
        Rule::new(
            "calendar-unit",
            r"{B}(?:(?P<edge>{EDGE})(?:{S}|{H}))?(?:(?P<ltr>earlier|later){S})?(?:(?P<the>the){S})?(?P<rel>last|this|next|current|coming|past|previous){S}(?P<unit>week|weekend|month|quarter|year|decade){B}",
            calendar_unit,
        ),
        Rule::new(
            "the-weekend",
            r"{B}(?P<pre>over|during|ahead{S}of|before|until|by|through){S}(?P<we>the{S}weekend){B}",
            the_weekend,
        ),
        Rule::new(
            "season",
            r"{B}(?P<rel>last|next|this{S}coming|this{S}past|this|past|coming|the){S}(?P<season>{SEASON}){B}",
            season,
        ),
        Rule::new(
            "unit-edge",
            r"{B}(?:(?:the{S})?(?P<e1>end|beginning|start|middle){S}of{S}(?:the|this){S}(?P<u1>week|month|year|decade)|(?P<u2>week|month|year)(?:['\u{2019}]s{S}|{H})(?P<e2>end|start)|(?P<e3>end){H}(?:of{H})?(?P<u3>year|month)){B}",
            unit_edge,
        ),
        Rule::new(
            "ago",
            r"{B}(?:(?P<q>{QMOD}){S})?(?:(?P<n>{NUM}|{VAGUE}|an?)(?:{S}|{H}))?(?P<unit>{UNIT}){S}ago{B}",
            ago,
        ),
        Rule::new(
            "clock",
            r"{B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5][0-9]))?{S}?(?P<ap>[ap]\.m\.|[ap]\.m{B}|[ap]m{B})(?:{S}(?P<tz>{TZ}){B})?",
            clock,
        ),
        Rule::new(
            "clock-24h",
            r"{B}(?P<h>[01]?[0-9]|2[0-3]):(?P<m>[0-5][0-9]){B}(?:{S}(?P<tz>{TZ}|hrs|h){B})?",
            clock_24h,
        ),
        Rule::new(
            "noon",
            r"{B}(?:at|by|until|before|after|around){S}(?P<noon>noon|midday){B}",
            noon,
        ),
    ]
}

/// Nouns after "today's" that make it "nowadays", not the publication day ("today's youth",
/// "in today's world", "today's personal computers").
const GENERIC_TODAY_NOUNS: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "children",
    "kids",
    "young",
    "families",
    "economy",
    "culture",
    "technology",
    "computers",
    "cars",
    "standards",
    "politics",
];

/// True when "today" ending at `end` is "today's" before one of [`GENERIC_TODAY_NOUNS`], with
/// at most one word between.
fn generic_today(text: &str, end: usize) -> bool {
    let rest = after(text, end, 40);
    let Some(rest) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    rest.split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| GENERIC_TODAY_NOUNS.contains(&w.as_str()))
}

fn day_word(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(word) = text_of(caps, "word") else {
        return;
    };
    let lower = word.to_lowercase();
    let offset = if lower.contains("before") {
        -2
    } else if lower.contains("after") {
        2
    } else {
        match lower.as_str() {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        }
    };
    // "USA Today", "Russia Today": a name, not the day.
    if is_capitalized(word) && inside_name(text, span.start, &["on", "by", "until", "since"]) {
        return;
    }
    if lower == "today" && generic_today(text, span.end) {
        return;
    }
    let part = match text_of(caps, "part").and_then(|p| WORDS.day_part(p)) {
        Some(p) => Some(p),
        None if lower == "tonight" => Some("NI"),
        None => None,
    };
    if lower == "tonight" && text_of(caps, "part").is_some() {
        return;
    }
    let kind = if part.is_some() {
        TimexKind::Time
    } else {
        TimexKind::Date
    };
    out.push(Candidate::anchored(
        span,
        kind,
        Anchor::Days { offset, part },
    ));
}

fn this_morning(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(rel), Some(part)) = (
        text_of(caps, "rel"),
        text_of(caps, "part").and_then(|p| WORDS.day_part(p)),
    ) else {
        return;
    };
    let offset = if rel.eq_ignore_ascii_case("last") {
        -1
    } else {
        0
    };
    let anchor = Anchor::Days {
        offset,
        part: Some(part),
    };
    out.push(Candidate::anchored(whole(caps), TimexKind::Time, anchor));
}

fn weekday(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let mut span = whole(caps);
    let (Some(word), Some(word_span)) = (text_of(caps, "wd"), group(caps, "wd")) else {
        return;
    };
    let Some(weekday) = WORDS.weekday(word) else {
        return;
    };
    let rel = text_of(caps, "rel").map(|r| {
        r.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    let mut part_word = text_of(caps, "part");
    let a_week_on = text_of(caps, "aweek").is_some();
    let week_direction = match week_named(text, caps, rel.as_deref(), span) {
        Some(direction) => Some(direction),
        None if a_week_on => Some(Direction::NextWeek),
        None => {
            // Not a week after all ("Tuesday week-long talks"): the weekday alone.
            if group(caps, "wk").is_some() {
                span = Span::new(span.start, word_span.end);
                part_word = None;
            }
            None
        }
    };
    if rel.is_none() && !a_week_on {
        let prev = prev_word(text, span.start);
        if !is_capitalized(word) && !is_one_of(prev, WEEKDAY_PREPOSITIONS) {
            return;
        }
        if inside_name(text, word_span.start, WEEKDAY_PREPOSITIONS)
            && weekday_in_name(text, word_span)
        {
            return;
        }
        let next = next_word(text, word_span.end);
        if part_word.is_none()
            && next.is_some_and(|n| is_capitalized(n) && is_one_of(Some(n), WEEKDAY_NAME_NEXT))
        {
            return;
        }
    }
    let (direction, modifier) = match (week_direction, rel.as_deref()) {
        (Some(direction), _) => (direction, None),
        (None, Some("last" | "this past" | "past")) => (Direction::Before, None),
        (None, Some("next" | "this coming" | "coming")) => (Direction::After, None),
        (None, Some("early")) => (Direction::Tense, Some(super::TimexMod::Start)),
        (None, Some("late")) => (Direction::Tense, Some(super::TimexMod::End)),
        (None, Some("this")) => (Direction::ThisWeek, None),
        (None, _) => (Direction::Tense, None),
    };
    let part = part_word.and_then(|p| WORDS.day_part(p));
    let kind = if part.is_some() {
        TimexKind::Time
    } else {
        TimexKind::Date
    };
    let anchor = Anchor::Weekday {
        weekday,
        direction,
        part,
    };
    out.push(Candidate::anchored(span, kind, anchor).with_mod(modifier));
}

/// The week a weekday is placed in by the words after it: "Thursday next week", "next Thursday
/// week", "on Thursday week" (the week after the publication date's), "Monday this week",
/// "Monday last week". `None` when no such words follow, or they do not name a week.
fn week_named(text: &str, caps: &Captures, rel: Option<&str>, span: Span) -> Option<Direction> {
    let week = group(caps, "wk")?;
    if matches!(next_char(text, week.end), Some(c) if c.is_alphanumeric() || super::lexicon::is_hyphen(c))
    {
        return None;
    }
    let first = text_of(caps, "wk")?
        .split_whitespace()
        .next()?
        .to_lowercase();
    match (rel, first.as_str()) {
        (None, "next") | (Some("next"), "week") => Some(Direction::NextWeek),
        (None, "this") => Some(Direction::ThisWeek),
        (None, "last") => Some(Direction::LastWeek),
        (None, "week") if is_one_of(prev_word(text, span.start), &["on", "by", "from"]) => {
            Some(Direction::NextWeek)
        }
        _ => None,
    }
}

fn calendar_unit_of(word: &str) -> Option<(CalendarUnit, &'static str)> {
    Some(match word.to_lowercase().as_str() {
        "week" => (CalendarUnit::Week, "P1W"),
        "weekend" => (CalendarUnit::Weekend, ""),
        "month" => (CalendarUnit::Month, "P1M"),
        "quarter" => (CalendarUnit::Quarter, "P3M"),
        "year" => (CalendarUnit::Year, "P1Y"),
        "decade" => (CalendarUnit::Decade, "P10Y"),
        _ => return None,
    })
}

fn calendar_unit(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(rel), Some((unit, duration))) = (
        text_of(caps, "rel").map(str::to_lowercase),
        text_of(caps, "unit").and_then(calendar_unit_of),
    ) else {
        return;
    };
    // ABC's "This Week": a programme's title in quotation marks, not the week.
    if text_of(caps, "unit").is_some_and(is_capitalized)
        && prev_char(text, span.start).is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\''))
    {
        return;
    }
    let modifier = text_of(caps, "edge").and_then(edge_mod);
    let with_the = text_of(caps, "the").is_some();
    let offset = match (rel.as_str(), with_the) {
        ("this" | "current", _) => 0,
        ("previous", _) => return, // counted from a time the text sets, not the publication
        // "the past decade", "the last decade": TimeML names the decade before the current one
        // ("198" written in 1998), as MEANTIME and TimeBank both annotate it.
        // "over the past decade" stays a stretch of time.
        ("past" | "last", true)
            if unit == CalendarUnit::Decade
                && modifier.is_none()
                && text_of(caps, "ltr").is_none()
                && !is_one_of(
                    prev_word(text, span.start),
                    &["over", "during", "throughout", "for", "across", "within"],
                ) =>
        {
            -1
        }
        // "during the last quarter", "in the past year": the quarter or year before the
        // current one, a date in TimeML (TimeBank: "in the past year" written in 1989 is
        // 1988); "over the past year" stays a stretch of time.
        ("past" | "last", true)
            if matches!(unit, CalendarUnit::Quarter | CalendarUnit::Year)
                && modifier.is_none()
                && text_of(caps, "ltr").is_none()
                && is_one_of(prev_word(text, span.start), &["in", "during"]) =>
        {
            -1
        }
        ("past", _) | ("last" | "next" | "coming", true) => {
            // "the past week", "the next year": a stretch of time, not a calendar unit.
            if duration.is_empty() || text_of(caps, "ltr").is_some() || modifier.is_some() {
                return;
            }
            let c = Candidate::fixed(span, TimexKind::Duration, duration);
            out.push(c);
            return;
        }
        ("last", false) => -1,
        ("next" | "coming", false) => 1,
        _ => return,
    };
    let anchor = Anchor::Calendar { unit, offset };
    out.push(Candidate::anchored(span, TimexKind::Date, anchor).with_mod(modifier));
}

/// "over the weekend", "ahead of the weekend": the weekend next to the publication date, the one
/// before unless the clause or the preposition looks ahead (or the article is written on it).
fn the_weekend(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(span), Some(pre)) = (group(caps, "we"), text_of(caps, "pre")) else {
        return;
    };
    let pre = pre.to_ascii_lowercase();
    let direction = if pre.starts_with("ahead") || pre == "before" || pre == "until" || pre == "by"
    {
        Direction::After
    } else {
        Direction::Tense
    };
    out.push(Candidate::anchored(
        span,
        TimexKind::Date,
        Anchor::Weekend { direction },
    ));
}

fn season(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(rel), Some(code)) = (
        text_of(caps, "rel").map(|r| {
            r.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        }),
        text_of(caps, "season").and_then(|s| WORDS.season(s)),
    ) else {
        return;
    };
    // "this fall in prices", "the fall of the city", "the last fall in prices": the noun, not
    // the season; "killed last fall in his home" is the season.
    let season_word = text_of(caps, "season").unwrap_or("").to_lowercase();
    let noun_reading = rel == "the"
        || rel == "this"
        || season_word != "fall"
        || is_one_of(
            prev_word(text, span.start),
            &["the", "a", "its", "their", "his", "her"],
        );
    if noun_reading && is_one_of(next_word(text, span.end), &["in", "of", "from", "to"]) {
        return;
    }
    // "in the autumn": only after a preposition of time.
    let introduced = || {
        is_one_of(
            prev_word(text, span.start),
            &[
                "in",
                "into",
                "during",
                "by",
                "until",
                "through",
                "throughout",
                "over",
            ],
        )
    };
    if rel == "the" && !introduced() {
        return;
    }
    let direction = match rel.as_str() {
        "last" | "past" | "this past" => Direction::Before,
        "next" | "coming" | "this coming" => Direction::After,
        _ => Direction::Tense,
    };
    out.push(Candidate::anchored(
        span,
        TimexKind::Date,
        Anchor::Season { code, direction },
    ));
}

fn unit_edge(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let unit = text_of(caps, "u1")
        .or(text_of(caps, "u2"))
        .or(text_of(caps, "u3"));
    let edge = text_of(caps, "e1")
        .or(text_of(caps, "e2"))
        .or(text_of(caps, "e3"));
    let (Some((unit, _)), Some(edge)) = (unit.and_then(calendar_unit_of), edge) else {
        return;
    };
    let modifier = edge_mod(&format!("{edge} of"));
    let anchor = Anchor::Calendar { unit, offset: 0 };
    out.push(Candidate::anchored(whole(caps), TimexKind::Date, anchor).with_mod(modifier));
}

fn ago(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(unit_word), Some(unit)) = (
        text_of(caps, "unit"),
        text_of(caps, "unit").and_then(|u| WORDS.unit(u)),
    ) else {
        return;
    };
    let modifier = text_of(caps, "q").and_then(quantity_mod);
    let amount = match text_of(caps, "n") {
        None if unit_word.to_lowercase().ends_with('s')
            || unit_word.eq_ignore_ascii_case("centuries") =>
        {
            out.push(Candidate::fixed(span, TimexKind::Date, "PAST_REF").with_mod(modifier));
            return;
        }
        None => return,
        Some(n) if WORDS.is_vague(n) => {
            out.push(Candidate::fixed(span, TimexKind::Date, "PAST_REF").with_mod(modifier));
            return;
        }
        Some(n) if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") => 1.0,
        Some(n) => match WORDS.number(n) {
            Some(v) => v,
            None => return,
        },
    };
    // "1.5 years ago" is 18 months ago; other fractions are only "some time ago".
    let (amount, unit) = match (amount.fract() == 0.0, unit) {
        (true, _) => (amount, unit),
        (false, "Y") => ((amount * 12.0).round(), "M"),
        (false, _) => {
            out.push(Candidate::fixed(span, TimexKind::Date, "PAST_REF").with_mod(modifier));
            return;
        }
    };
    if !(0.0..=10_000.0).contains(&amount) {
        return;
    }
    // Whole numbers up to 10,000 fit an i32 exactly.
    let amount = amount as i32;
    out.push(
        Candidate::anchored(span, TimexKind::Date, Anchor::Ago { amount, unit }).with_mod(modifier),
    );
}

fn clock_candidate(span: Span, hour: i8, minute: i8, utc: bool) -> Candidate {
    Candidate::anchored(span, TimexKind::Time, Anchor::Clock { hour, minute, utc })
}

/// True when the zone written after a time is UTC ("UTC", "GMT", "Z").
fn is_utc(caps: &Captures) -> bool {
    text_of(caps, "tz").is_some_and(|z| {
        z.eq_ignore_ascii_case("utc")
            || z.eq_ignore_ascii_case("gmt")
            || z.eq_ignore_ascii_case("z")
    })
}

fn clock(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(h), Some(ap)) = (
        text_of(caps, "h").and_then(|h| h.parse::<i8>().ok()),
        text_of(caps, "ap"),
    ) else {
        return;
    };
    let m = text_of(caps, "m")
        .and_then(|m| m.parse::<i8>().ok())
        .unwrap_or(0);
    if next_char(text, span.end)
        .is_some_and(|c| c.is_alphanumeric() || super::lexicon::is_hyphen(c))
    {
        return;
    }
    let pm = ap.to_lowercase().starts_with('p');
    let hour = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    out.push(clock_candidate(span, hour, m, is_utc(caps)));
}

fn clock_24h(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(h), Some(m)) = (
        text_of(caps, "h").and_then(|h| h.parse::<i8>().ok()),
        text_of(caps, "m").and_then(|m| m.parse::<i8>().ok()),
    ) else {
        return;
    };
    let introduced = is_one_of(
        prev_word(text, span.start),
        &[
            "at", "by", "from", "until", "till", "before", "after", "around", "about", "since",
        ],
    );
    if text_of(caps, "tz").is_none() && !introduced {
        return;
    }
    // "12:30:15" or "1:0.5": not a plain time of day.
    let rest = after(text, span.end, 2);
    if rest.starts_with(':')
        || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return;
    }
    out.push(clock_candidate(span, h, m, is_utc(caps)));
}

fn noon(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    if let Some(span) = group(caps, "noon") {
        out.push(clock_candidate(span, 12, 0, false));
    }
}

#[cfg(test)]
mod tests {
    use crate::time::recognize::{candidates, Pending};

    fn found(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| match c.value {
                Pending::Fixed(v) => format!("{}={v}", c.span.of(text)),
                Pending::Anchored(a) => format!("{}~{a:?}", c.span.of(text)),
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| c.span.of(text).to_string())
            .collect()
    }

    #[test]
    fn relative_expressions_are_found() {
        let cases: &[(&str, &[&str])] = &[
            (
                "He left yesterday and returns tomorrow.",
                &["yesterday", "tomorrow"],
            ),
            ("Talks resumed on Tuesday.", &["Tuesday"]),
            (
                "The bank decides on Thursday next week.",
                &["Thursday next week"],
            ),
            (
                "The bank decides next Thursday week.",
                &["next Thursday week"],
            ),
            (
                "The bank decides a week on Thursday.",
                &["a week on Thursday"],
            ),
            (
                "The bank decided on Monday last week.",
                &["Monday last week"],
            ),
            ("He spoke Monday evening.", &["Monday evening"]),
            ("They meet next week.", &["next week"]),
            ("It rose earlier this month.", &["earlier this month"]),
            ("Talks broke down last weekend.", &["last weekend"]),
            ("A deal by month's end.", &["month's end"]),
            ("A year\u{2011}end deal.", &["year\u{2011}end"]),
            (
                "It ends by the end of next year.",
                &["the end of next year"],
            ),
            ("He left three years ago.", &["three years ago"]),
            (
                "It began more than two decades ago.",
                &["more than two decades ago"],
            ),
            ("We meet at 10 a.m. today.", &["10 a.m.", "today"]),
            ("Polls close at 20:00 local time.", &["20:00 local time"]),
            ("Sales fell over the past week.", &["the past week"]),
            ("He called this morning.", &["this morning"]),
            ("Elections are due next spring.", &["next spring"]),
            ("We will review it in the autumn.", &["the autumn"]),
        ];
        for (text, expected) in cases {
            assert_eq!(texts(text), *expected, "{text}");
        }
    }

    #[test]
    fn names_and_look_alikes_are_not_dates() {
        for text in [
            "It aired on Russia Today and USA Today.",
            "Protests on Bloody Sunday and Super Tuesday.",
            "The Sunday Times reported it.",
            "He won 3-1 in the 21:00 slot.",
            "The previous week had been calm.",
            "He is 5 am-bitious.",
            "Markets saw this fall in prices.",
            "He visited the last nightclub.",
            "After the fall, the regime changed.",
            "They saw the fall of the city.",
            "Talks stalled at the end of the war.",
            "The noon prayer began.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn past_durations_are_durations() {
        assert_eq!(found("over the past year"), ["the past year=P1Y"]);
        assert_eq!(found("in the next decade"), ["the next decade=P10Y"]);
        assert_eq!(found("years ago"), ["years ago=PAST_REF"]);
        assert_eq!(
            found("It happened 1.5 years ago."),
            ["1.5 years ago~Ago { amount: 18, unit: \"M\" }"]
        );
        assert_eq!(
            found("It happened 2.5 days ago."),
            ["2.5 days ago=PAST_REF"]
        );
    }
}
