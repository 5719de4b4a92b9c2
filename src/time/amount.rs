//! Rules for lengths of time, recurrences and vague references: "three years" (P3Y), "a
//! 30-day ceasefire" (P30D), "for decades" (PXY), "every week" (SET P1W), "daily", "now"
//! (PRESENT_REF), "recently" (PAST_REF), "the coming days" (PXD).
//!
//! None of these needs the publication date: their values are fixed when they are found.

use super::context::{
    after, at_sentence_start, inside_name, is_capitalized, is_one_of, next_char, next_word,
    prev_char, prev_word, prev_word2,
};
use super::lexicon::{is_hyphen, WORDS};
use super::patterns::quantity_mod;
use super::recognize::{group, text_of, whole, Candidate, Rule};
use super::TimexKind;
use crate::text::Span;
use regex::Captures;

/// Words before "a year", "a day"... that make it a length of time ("for a year").
const DURATION_INTRODUCERS: &[&str] = &[
    "for",
    "barely",
    "within",
    "in",
    "over",
    "after",
    "about",
    "nearly",
    "almost",
    "around",
    "roughly",
    "than",
    "under",
    "just",
    "only",
    "lasting",
    "spanning",
    "throughout",
    "past",
    "another",
];

/// Words before a bare plural unit that make it a length of time ("for years").
const BARE_UNIT_INTRODUCERS: &[&str] = &[
    "for",
    "over",
    "in",
    "within",
    "after",
    "throughout",
    "across",
    "spanning",
    "lasting",
    "took",
    "take",
    "takes",
    "taking",
    "spent",
    "spend",
    "spends",
    "wait",
    "waited",
];

/// Words after a frequency adverb that leave it an adverb ("paid quarterly and", "quarterly in
/// arrears").
const FREQUENCY_FOLLOWERS: &[&str] = &[
    "and", "or", "but", "in", "on", "at", "from", "to", "by", "since", "until", "through", "as",
    "with", "after", "before", "for", "while", "if", "when", "than",
];

/// Words after "the future" / "the past" that show it is an adjective or a topic.
const REFERENCE_ALLOWED_NEXT: &[&str] = &[
    "and", "or", "but", "as", "when", "if", "to", "is", "was", "will", "that", "the", "a", "we",
    "he", "she", "they", "it", "there", "this", "has", "have", "had", "he's", "i",
];

/// The rules of this file, in priority order (an earlier rule wins a tie in length).
pub(crate) fn rules() -> Vec<Rule> {
    vec![
        Rule::new(
            "coming-days",
            r"{B}(?:the|these){S}(?:(?:coming|upcoming)(?:{S}few)?|next{S}(?:few|several|couple{S}of)){S}(?:days|weeks|months|years|decades){B}|{B}the{S}(?:days|weeks|months|years){S}ahead{B}",
            coming_days,
        ),
        Rule::new(
            "recent-units",
            r"{B}(?:recent|past){S}(?:days|weeks|months|years|decades){B}",
            recent_units,
        ),
        Rule::new(
            "reference-adverb",
            r"{B}(?P<w>now|currently|recently|lately|nowadays){B}",
            reference_adverb,
        ),
        Rule::new(
            "future-past",
            r"{B}the{S}(?:(?:near|distant|foreseeable|immediate|recent){S})?(?P<w>future|past){B}",
            future_past,
        ),
        Rule::new(
            "more-units",
            r"{B}(?:(?P<q>{QMOD}){S})?(?P<n>{NUM}|an?){S}(?:more|additional|further|extra){S}(?P<unit>{UNIT}){B}",
            more_units,
        ),
        Rule::new(
            "rate",
            r"{B}an?{S}(?P<unit>year|month|week|day|hour){B}",
            rate,
        ),
        Rule::new(
            "duration",
            r"{B}(?:(?P<the>the{S}(?:past|last|next|coming|first|final|previous|following|remaining)){S}|(?P<q>{QMOD}){S})?(?P<n>{NUM}|{VAGUE}|an?)(?:{S}|{H})(?P<unit>{UNIT})(?:{H}(?P<long>long))?{B}",
            duration,
        ),
        Rule::new(
            "half-duration",
            r"{B}(?:(?P<q>{QMOD}){S})?(?:(?P<n>{NUM}|an?)(?:{S}(?P<frac>1/2|\u{BD})|{S}and{S}a{S}half)(?:{S}|{H})(?P<unit>{UNIT})|(?P<n2>{NUM}|an?){S}(?P<unit2>{UNIT}){S}and{S}a{S}half){B}",
            half_duration,
        ),
        Rule::new(
            "bare-duration",
            r"{B}(?P<unit>years|decades|months|weeks|days|hours|centuries)(?:{H}(?P<long>long))?{B}",
            bare_duration,
        ),
        Rule::new(
            "every",
            r"{B}(?:every|each|per){S}(?:(?P<n>{NUM}|other){S})?(?:(?P<unit>{UNIT})|(?P<wd>{WEEKDAY})|(?P<part>{DAYPART})){B}",
            every,
        ),
        Rule::new(
            "frequency-adverb",
            r"{B}(?P<w>daily|weekly|monthly|annually|yearly|hourly|quarterly|biweekly|bi{H}weekly|fortnightly){B}",
            frequency_adverb,
        ),
        Rule::new(
            "times-per",
            r"{B}(?:once|twice|thrice|{NUM}{S}times){S}(?:a|an|per|each|every){S}(?P<unit>{UNIT}){B}",
            times_per,
        ),
        Rule::new("on-weekdays", r"{B}on{S}(?P<wd>{WEEKDAY})s{B}", on_weekdays),
    ]
}

/// The TIMEX3 unit of a plural unit word ("weeks" → "W"), for the vague durations below.
fn plural_unit(phrase: &str) -> Option<&'static str> {
    let lower = phrase.to_ascii_lowercase();
    [
        ("days", "D"),
        ("weeks", "W"),
        ("months", "M"),
        ("years", "Y"),
        ("decades", "DE"),
    ]
    .into_iter()
    .find(|(w, _)| lower.contains(w))
    .map(|(_, u)| u)
}

/// "the coming days", "the next few weeks", "the weeks ahead": a stretch of unstated length
/// (TimeML: DURATION PXD, PXW...); "the next couple of years" is two.
fn coming_days(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(unit) = plural_unit(span.of(text)) else {
        return;
    };
    let couple = span.of(text).to_ascii_lowercase().contains("couple");
    let value = duration_value(couple.then_some(2.0), unit);
    out.push(Candidate::fixed(span, TimexKind::Duration, value));
}

/// "recent weeks", "the past months": a stretch of unstated length up to now (TimeML:
/// DURATION PXW, PXM...).
fn recent_units(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    // "the past few weeks" is a duration (its own rule); "recent weeks ago" is no expression.
    if next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("ago")) {
        return;
    }
    let Some(unit) = plural_unit(span.of(text)) else {
        return;
    };
    out.push(Candidate::fixed(
        span,
        TimexKind::Duration,
        duration_value(None, unit),
    ));
}

fn reference_adverb(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(word) = text_of(caps, "w") else {
        return;
    };
    let lower = word.to_lowercase();
    if lower == "now" {
        // "now-defunct", "Democracy Now"
        if next_char(text, span.end).is_some_and(is_hyphen)
            || (is_capitalized(word)
                && inside_name(text, span.start, &["and", "but", "until", "by"]))
        {
            return;
        }
    }
    let value = match lower.as_str() {
        "recently" | "lately" => "PAST_REF",
        _ => "PRESENT_REF",
    };
    out.push(Candidate::fixed(span, TimexKind::Date, value));
}

fn future_past(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(word) = text_of(caps, "w") else {
        return;
    };
    if !is_one_of(
        prev_word(text, span.start),
        &["in", "into", "for", "to", "from", "near"],
    ) {
        return;
    }
    // "in the future relationship", "in the past decade" (its own rule), "the future of".
    if next_char(text, span.end).is_some_and(|c| c == ' ' || is_hyphen(c)) {
        if let Some(next) = next_word(text, span.end) {
            let allowed = is_one_of(Some(next), REFERENCE_ALLOWED_NEXT) || is_capitalized(next);
            if !allowed || next_char(text, span.end).is_some_and(is_hyphen) {
                return;
            }
        }
    }
    let value = if word.eq_ignore_ascii_case("future") {
        "FUTURE_REF"
    } else {
        "PAST_REF"
    };
    out.push(Candidate::fixed(span, TimexKind::Date, value));
}

/// The TIMEX3 duration value for `amount` (None: unspecified) of `unit`.
fn duration_value(amount: Option<f64>, unit: &str) -> String {
    // TimeML writes decades and centuries in years: "two decades" P20Y, "decades" PXY.
    let (count, unit) = match unit {
        "2W" => (amount.map(|a| a * 2.0), "W"),
        "DE" => (amount.map(|a| a * 10.0), "Y"),
        "CE" => (amount.map(|a| a * 100.0), "Y"),
        u => (amount, u),
    };
    let count = match count {
        Some(c) if c.fract() == 0.0 => format!("{c:.0}"),
        Some(c) => format!("{c}"),
        None => "X".to_string(),
    };
    match unit {
        "H" => format!("PT{count}H"),
        "min" => format!("PT{count}M"),
        "s" => format!("PT{count}S"),
        u => format!("P{count}{u}"),
    }
}

fn duration(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(unit_word), Some(n)) = (text_of(caps, "unit"), text_of(caps, "n")) else {
        return;
    };
    let Some(unit) = WORDS.unit(unit_word) else {
        return;
    };
    // Ages ("a 45-year-old", "45 years old") and amounts ("$5 a day").
    let rest = after(text, span.end, 5).to_lowercase();
    if rest.starts_with(" old")
        || rest.chars().next().is_some_and(is_hyphen)
            && rest[rest.char_indices().nth(1).map_or(rest.len(), |(i, _)| i)..].starts_with("old")
    {
        return;
    }
    if prev_char(text, span.start).is_some_and(|c| matches!(c, '$' | '\u{20ac}' | '\u{a3}' | '#')) {
        return;
    }
    let the = text_of(caps, "the").map(str::to_lowercase);
    let q = text_of(caps, "q");
    let prev = prev_word(text, span.start);
    let article = n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an");
    let lower_unit = unit_word.to_lowercase();
    if article {
        let introduced = the.is_some() || q.is_some() || is_one_of(prev, DURATION_INTRODUCERS);
        if !introduced || lower_unit == "second" {
            return;
        }
    }
    // "a quarter of the vote", "three-quarters of members", "a three-quarter stake": a
    // fraction. A count of quarters is a length only with a number and an introducer ("in
    // the past two quarters", "after several quarters of losses").
    if unit == "Q" && !quarters_are_a_length(text, caps, article, the.is_some(), prev) {
        return;
    }
    // "One day, he..." is some day, not a length of time; "a one-day visit" is one.
    let hyphenated =
        group(caps, "n").is_some_and(|n| next_char(text, n.end).is_some_and(is_hyphen));
    if n.eq_ignore_ascii_case("one")
        && lower_unit == "day"
        && !hyphenated
        && the.is_none()
        && q.is_none()
        && !is_one_of(prev, DURATION_INTRODUCERS)
    {
        return;
    }
    let vague = WORDS.is_vague(n);
    let amount = if vague {
        None
    } else if article {
        Some(1.0)
    } else {
        match WORDS.number(n) {
            Some(v) => Some(v),
            None => return,
        }
    };
    let modifier = q.and_then(quantity_mod);
    out.push(
        Candidate::fixed(span, TimexKind::Duration, duration_value(amount, unit))
            .with_mod(modifier),
    );
}

/// Whether "quarters" in a duration match counts quarters of a year: a number (not "a"), not
/// joined by a hyphen, not followed by "of" and a determiner, and introduced by "the past",
/// "the next"... or by a word like "for", "in", "after".
fn quarters_are_a_length(
    text: &str,
    caps: &Captures,
    article: bool,
    the: bool,
    prev: Option<&str>,
) -> bool {
    let span = whole(caps);
    let hyphen = group(caps, "n")
        .zip(group(caps, "unit"))
        .is_some_and(|(n, u)| {
            text.get(n.end..u.start)
                .is_some_and(|g| g.chars().any(is_hyphen))
        });
    let fraction_of = next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && after(text, span.end, 12)
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| {
                is_one_of(
                    Some(w),
                    &[
                        "the", "a", "an", "its", "their", "his", "her", "all", "those", "these",
                    ],
                )
            });
    !article && !hyphen && !fraction_of && (the || is_one_of(prev, DURATION_INTRODUCERS))
}

/// "2 1/2 years" (P2Y6M), "five and a half hours" (PT5H30M), "a minute and a half"
/// (PT1M30S): the half goes into the next smaller unit; "two and a half years" stays P2.5Y, as
/// written.
fn half_duration(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (n, unit_word) = match (text_of(caps, "n"), text_of(caps, "n2")) {
        (Some(n), _) => (n, text_of(caps, "unit")),
        (None, Some(n)) => (n, text_of(caps, "unit2")),
        _ => return,
    };
    let Some(unit) = unit_word.and_then(|u| WORDS.unit(u)) else {
        return;
    };
    let whole_count = if n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an") {
        1.0
    } else {
        match WORDS.number(n) {
            Some(v) if v.fract() == 0.0 => v,
            _ => return,
        }
    };
    let digits = text_of(caps, "frac").is_some();
    let value = match unit {
        "Y" if digits => format!("P{whole_count:.0}Y6M"),
        "D" => format!("P{whole_count:.0}DT12H"),
        "H" => format!("PT{whole_count:.0}H30M"),
        "min" => format!("PT{whole_count:.0}M30S"),
        _ => duration_value(Some(whole_count + 0.5), unit),
    };
    let modifier = text_of(caps, "q").and_then(quantity_mod);
    out.push(Candidate::fixed(span, TimexKind::Duration, value).with_mod(modifier));
}

fn bare_duration(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(word), Some(unit)) = (
        text_of(caps, "unit"),
        text_of(caps, "unit").and_then(|u| WORDS.unit(u)),
    ) else {
        return;
    };
    if word.chars().next().is_some_and(char::is_uppercase) && !at_sentence_start(text, span.start) {
        return;
    }
    let prev = prev_word(text, span.start);
    let introduced = text_of(caps, "long").is_some()
        || is_one_of(prev, BARE_UNIT_INTRODUCERS)
        || (prev.is_none() && next_word(text, span.end).is_some_and(|w| w == "of"))
        || (next_word(text, span.end).is_some_and(|w| w == "of")
            && !prev.is_some_and(|p| {
                is_one_of(
                    Some(p),
                    &[
                        "the", "those", "these", "his", "her", "their", "its", "our", "my", "your",
                        "recent", "past", "early", "later", "final", "last", "first", "coming",
                        "next", "many", "few", "several", "some", "two", "three",
                    ],
                ) || p.chars().all(|c| c.is_ascii_digit())
            }));
    if !introduced || next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("ago")) {
        return;
    }
    out.push(Candidate::fixed(
        span,
        TimexKind::Duration,
        duration_value(None, unit),
    ));
}

/// "two more weeks", "at least 20 more years", "an additional year": a length of time with
/// the word that adds it to another.
fn more_units(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(n), Some(unit)) = (
        text_of(caps, "n"),
        text_of(caps, "unit").and_then(|u| WORDS.unit(u)),
    ) else {
        return;
    };
    let article = n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an");
    // "a further quarter of the shares": a fraction.
    if unit == "Q" && next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        return;
    }
    let amount = if article { Some(1.0) } else { WORDS.number(n) };
    let Some(amount) = amount else {
        return;
    };
    if prev_char(text, span.start).is_some_and(|c| matches!(c, '$' | '\u{20ac}' | '\u{a3}')) {
        return;
    }
    let modifier = text_of(caps, "q").and_then(quantity_mod);
    let value = duration_value(Some(amount), unit);
    out.push(Candidate::fixed(span, TimexKind::Duration, value).with_mod(modifier));
}

/// Words before "a year", "a day" that make it a rate ("$33 million a year", "15 a year",
/// "hundreds of interviews a day").
const RATE_AMOUNTS: &[&str] = &[
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "dozen",
    "percent",
    "cents",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "times",
];

/// Words after "a year" that make it a point or a length ("a year ago", "a year earlier", "a
/// year or two"), not a rate.
const NOT_RATE_NEXT: &[&str] = &[
    "ago", "earlier", "later", "before", "after", "from", "or", "old", "long", "and", "to",
];

/// True for a word that counts: digits ("15", "1,200", "4.5%") or an amount word.
fn is_amount(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_digit() || c == '%')
        || RATE_AMOUNTS.contains(&lower.as_str())
}

/// A rate per unit of time, a TIMEX3 SET: "179 tankers at a rate of 15 a year" (P1Y), "$33
/// million a year", "hundreds of interviews a day" (P1D). The word before must be an amount, or
/// a plural noun with an amount just before it; "a year ago" and "a year or two" are no rate.
fn rate(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(unit) = text_of(caps, "unit").and_then(|u| WORDS.unit(u)) else {
        return;
    };
    if next_word(text, span.end).is_some_and(|w| is_one_of(Some(w), NOT_RATE_NEXT))
        || matches!(next_char(text, span.end), Some(c) if is_hyphen(c))
    {
        return;
    }
    let Some(prev) = prev_word(text, span.start) else {
        return;
    };
    // "in 2014 a year after": a year, not an amount.
    let is_year = prev.len() == 4
        && prev
            .parse::<u16>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
    // "24 hours a day", "seven days a week": a round-the-clock idiom, not a count per unit.
    if WORDS.unit(prev).is_some() {
        return;
    }
    let counted = if is_amount(prev) {
        !is_year
    } else {
        let lower = prev.to_lowercase();
        let plural = lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss");
        let prev_start = prev.as_ptr() as usize - text.as_ptr() as usize;
        let before = text
            .get(prev_start.saturating_sub(40)..prev_start)
            .unwrap_or("");
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        plural
            && !is_capitalized(prev)
            && words.iter().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
                is_amount(w)
            })
    };
    if !counted {
        return;
    }
    let value = duration_value(Some(1.0), unit);
    out.push(Candidate::fixed(span, TimexKind::Set, value));
}

fn every(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let n = text_of(caps, "n");
    let count = match n {
        None => Some(1.0),
        Some(o) if o.eq_ignore_ascii_case("other") => Some(2.0),
        Some(n) => WORDS.number(n),
    };
    let Some(count) = count else {
        return;
    };
    let value = if let Some(unit_word) = text_of(caps, "unit") {
        let Some(unit) = WORDS.unit(unit_word) else {
            return;
        };
        if unit == "s" && n.is_none() {
            return; // "every second week": an ordinal
        }
        duration_value(Some(count), unit)
    } else if let Some(wd) = text_of(caps, "wd").and_then(|w| WORDS.weekday(w)) {
        format!("XXXX-WXX-{wd}")
    } else if let Some(part) = text_of(caps, "part").and_then(|p| WORDS.day_part(p)) {
        format!("XXXX-XX-XXT{part}")
    } else {
        return;
    };
    out.push(Candidate::fixed(span, TimexKind::Set, value));
}

fn frequency_adverb(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(word) = text_of(caps, "w") else {
        return;
    };
    // "Daily Mail", "The Weekly Standard": names.
    if is_capitalized(word)
        && (!at_sentence_start(text, span.start)
            || next_word(text, span.end).is_some_and(is_capitalized))
    {
        return;
    }
    let lower = word.to_lowercase().replace(|c: char| is_hyphen(c), "");
    // "its quarterly dividend", "a quarterly loss": a kind of report, not a recurrence.
    if lower == "quarterly"
        && next_char(text, span.end) == Some(' ')
        && next_word(text, span.end).is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_lowercase()) && !is_one_of(Some(w), FREQUENCY_FOLLOWERS)
        })
    {
        return;
    }
    // "rise 8.5% annually", "10,000 units annually": the rate of an amount, not a recurrence;
    // "average daily volume": a statistic.
    let prev = prev_word(text, span.start);
    let after_percent = text
        .get(..span.start)
        .is_some_and(|b| b.trim_end().ends_with('%'));
    if after_percent
        || prev.is_some_and(is_amount)
        || prev_word2(text, span.start).is_some_and(is_amount)
            && prev.is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        || is_one_of(prev, &["average"])
    {
        return;
    }
    let value = match lower.as_str() {
        "daily" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "annually" | "yearly" => "P1Y",
        "hourly" => "PT1H",
        "quarterly" => "P3M",
        _ => "P2W",
    };
    out.push(Candidate::fixed(span, TimexKind::Set, value));
}

fn times_per(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let Some(unit) = text_of(caps, "unit").and_then(|u| WORDS.unit(u)) else {
        return;
    };
    out.push(Candidate::fixed(
        whole(caps),
        TimexKind::Set,
        duration_value(Some(1.0), unit),
    ));
}

fn on_weekdays(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(wd_span), Some(wd)) = (
        group(caps, "wd"),
        text_of(caps, "wd").and_then(|w| WORDS.weekday(w)),
    ) else {
        return;
    };
    let span = Span::new(wd_span.start, whole(caps).end);
    out.push(Candidate::fixed(
        span,
        TimexKind::Set,
        format!("XXXX-WXX-{wd}"),
    ));
}

#[cfg(test)]
mod tests {
    use crate::time::recognize::{candidates, Pending};
    use crate::time::TimexKind;

    fn found(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| match c.value {
                Pending::Fixed(v) => format!("{}={v}", c.span.of(text)),
                Pending::Anchored(a) => format!("{}~{a:?}", c.span.of(text)),
            })
            .collect()
    }

    #[test]
    fn durations() {
        let cases: &[(&str, &[&str])] = &[
            ("The war lasted three years.", &["three years=P3Y"]),
            ("They agreed a 30-day truce.", &["30-day=P30D"]),
            ("He promised peace in 24 hours.", &["24 hours=PT24H"]),
            (
                "They talked for nearly five hours.",
                &["nearly five hours=PT5H"],
            ),
            (
                "An almost five-hour-long meeting.",
                &["almost five-hour-long=PT5H"],
            ),
            (
                "It lasted more than three years.",
                &["more than three years=P3Y"],
            ),
            ("Funds for the next two years.", &["the next two years=P2Y"]),
            ("He has been an ally for decades.", &["decades=PXY"]),
            ("The talks took 5 1/2 hours.", &["5 1/2 hours=PT5H30M"]),
            ("He served 2 1/2 years.", &["2 1/2 years=P2Y6M"]),
            (
                "The launch is almost three and a half years late.",
                &["almost three and a half years=P3.5Y"],
            ),
            (
                "It lasted a minute and a half.",
                &["a minute and a half=PT1M30S"],
            ),
            ("It stayed shut for a year.", &["a year=P1Y"]),
            ("It lasted several weeks.", &["several weeks=PXW"]),
            (
                "Talks took twenty-five minutes.",
                &["twenty-five minutes=PT25M"],
            ),
            ("A fortnight of talks.", &[]),
            ("Two fortnights passed.", &["Two fortnights=P4W"]),
            ("Years of war ruined the town.", &["Years=PXY"]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), *expected, "{text}");
        }
    }

    #[test]
    fn amounts_per_unit_are_rates_not_durations() {
        for (text, expected) in [
            ("It costs $5 a day.", "a day"),
            ("They paid $100 billion a year.", "a year"),
            ("It builds 15 a year.", "a year"),
        ] {
            let found = candidates(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].span.of(text), expected, "{text}");
            assert_eq!(found[0].kind, TimexKind::Set, "{text}");
        }
        for text in [
            "He lived there in 2014 a year after the war.",
            "Prices rose a year ago.",
        ] {
            assert!(
                candidates(text).iter().all(|c| c.kind != TimexKind::Set),
                "{text}"
            );
        }
    }

    #[test]
    fn not_durations() {
        for text in [
            "A 45-year-old man was hurt.",
            "He is 45 years old.",
            "One day, he will return.",
            "It was a second chance.",
            "The years passed.",
            "A man 20 times your size.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_possessive_weekday_is_no_recurrence() {
        let found = found("It was based on Tuesday's vote.");
        assert!(found.iter().all(|f| !f.contains("XXXX-WXX")), "{found:?}");
    }

    #[test]
    fn sets_and_references() {
        let cases: &[(&str, &[&str])] = &[
            ("They meet every week.", &["every week=P1W"]),
            ("Reports come daily.", &["daily=P1D"]),
            ("It is audited each month.", &["each month=P1M"]),
            ("They meet twice a week.", &["twice a week=P1W"]),
            ("Markets close on Sundays.", &["Sundays=XXXX-WXX-7"]),
            ("Every other week they vote.", &["Every other week=P2W"]),
            ("The plan is now on hold.", &["now=PRESENT_REF"]),
            ("He recently visited.", &["recently=PAST_REF"]),
            ("A deal in the coming days.", &["the coming days=PXD"]),
            ("These next few days matter.", &["These next few days=PXD"]),
            ("In recent months, prices rose.", &["recent months=PXM"]),
            (
                "Over the next couple of years, it grows.",
                &["the next couple of years=P2Y"],
            ),
            ("Rents rose for two decades.", &["two decades=P20Y"]),
            ("Dividends are paid quarterly.", &["quarterly=P3M"]),
            ("Peace in the near future.", &["the near future=FUTURE_REF"]),
            ("Mistakes made in the past.", &["the past=PAST_REF"]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), *expected, "{text}");
        }
        for text in [
            "The Daily Mail reported it.",
            "The now-defunct party.",
            "They discussed the future of Europe.",
            "A future ceasefire.",
            "It aired first on Democracy Now.",
            "They braced for the coming storm.",
            "Recent updates fixed it.",
            "They vote every second week.",
            "The firm cut its quarterly dividend.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}
