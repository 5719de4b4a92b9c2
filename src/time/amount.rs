//! Rules for lengths of time, recurrences and vague references: "three years" (P3Y), "a
//! 30-day ceasefire" (P30D), "for decades" (PXDE), "every week" (SET P1W), "daily", "now"
//! (PRESENT_REF), "recently" (PAST_REF), "the coming days" (FUTURE_REF).
//!
//! None of these needs the publication date: their values are fixed when they are found.

use super::context::{
    after, at_sentence_start, inside_name, is_capitalized, is_one_of, next_char, next_word,
    prev_char, prev_word,
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
            "duration",
            r"{B}(?:(?P<the>the{S}(?:past|last|next|coming|first|final|previous|following|remaining)){S}|(?P<q>{QMOD}){S})?(?P<n>{NUM}|{VAGUE}|an?)(?:{S}|{H})(?P<unit>{UNIT})(?:{H}(?P<long>long))?{B}",
            duration,
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

fn coming_days(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    out.push(Candidate::fixed(whole(caps), TimexKind::Date, "FUTURE_REF"));
}

fn recent_units(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    // "the past few weeks" is a duration (its own rule); "the past weeks" and "recent weeks"
    // point at the past.
    if next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("ago")) {
        return;
    }
    out.push(Candidate::fixed(span, TimexKind::Date, "PAST_REF"));
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
    let (count, unit) = match unit {
        "2W" => (amount.map(|a| a * 2.0), "W"),
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
    if n.eq_ignore_ascii_case("one")
        && lower_unit == "day"
        && the.is_none()
        && q.is_none()
        && !is_one_of(prev, DURATION_INTRODUCERS)
    {
        return; // "One day, he..." is some day, not a length of time.
    }
    let vague = WORDS.is_vague(n);
    if vague
        && the
            .as_deref()
            .is_some_and(|t| t.ends_with("next") || t.ends_with("coming"))
    {
        out.push(Candidate::fixed(span, TimexKind::Date, "FUTURE_REF"));
        return;
    }
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
    let value = match word
        .to_lowercase()
        .replace(|c: char| is_hyphen(c), "")
        .as_str()
    {
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
            ("He has been an ally for decades.", &["decades=PXDE"]),
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
    fn not_durations() {
        for text in [
            "A 45-year-old man was hurt.",
            "He is 45 years old.",
            "One day, he will return.",
            "It costs $5 a day.",
            "They paid $100 billion a year.",
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
            (
                "A deal in the coming days.",
                &["the coming days=FUTURE_REF"],
            ),
            (
                "These next few days matter.",
                &["These next few days=FUTURE_REF"],
            ),
            (
                "In recent months, prices rose.",
                &["recent months=PAST_REF"],
            ),
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
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}
