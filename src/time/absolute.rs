//! Rules for calendar dates written with a month: "November 26, 2025", "26 Nov 2025",
//! "2025-11-26", "February 2022", and the same without a year ("Nov. 24", "in November"),
//! whose year then comes from the publication date. Years alone, seasons and decades are in
//! [`super::years`].
//!
//! The regexes find the shapes; the handlers reject what only looks like a date: "may" and
//! "march" as verbs, "June" and "April" as given names, "May 5,000" as an amount.

use super::context::{
    after, inside_name, is_capitalized, is_one_of, next_char, next_word, prev_char, prev_word,
};
use super::lexicon::WORDS;
use super::patterns::edge_mod;
use super::recognize::{group, text_of, whole, Anchor, Candidate, Direction, Rule};
use super::TimexKind;
use crate::text::Span;
use jiff::civil::Date;
use regex::Captures;

/// Month names that are also common English words.
const AMBIGUOUS_MONTHS: &[&str] = &["may", "march"];

/// Words before a month or year that make it a date ("in May", "since 2014").
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "since",
    "by",
    "until",
    "till",
    "during",
    "from",
    "through",
    "throughout",
    "before",
    "after",
    "between",
    "for",
    "of",
    "and",
    "or",
    "to",
    "as",
    "around",
    "mid",
    "early",
    "late",
];

/// The rules of this file, in priority order (an earlier rule wins a tie in length).
pub(crate) fn rules() -> Vec<Rule> {
    vec![
        Rule::new(
            "month-day-year",
            r"{B}(?:(?P<wd>{WEEKDAY}|{WDABBR}),?{S})?(?P<month>{MONTH}){S}?(?P<day>{DAY}){B}(?:(?:,{S}?|{S})(?P<year>{YEAR}){B}|{S}(?P<yrel>last|next|this){S}year{B})?",
            month_day_year,
        ),
        Rule::new(
            "day-month-year",
            r"{B}(?:(?P<wd>{WEEKDAY}),?{S})?(?:(?P<the>the){S})?(?P<day>{DAY})(?:{S}of)?{S}(?P<month>{MONTH})(?:,?{S}(?P<year>{YEAR}){B})?",
            day_month_year,
        ),
        Rule::new(
            "month-year",
            r"{B}(?:(?P<edge>{EDGE})(?:{S}|{H}))?(?P<month>{MONTH})(?:{S}of)?,?{S}(?P<year>{YEAR}){B}",
            month_year,
        ),
        Rule::new(
            "month",
            r"{B}(?:(?P<rel>last|next|this{S}coming|this{S}past|(?:earlier|later){S}this|this){S}|(?P<edge>{EDGE})(?:{S}|{H}))?(?P<month>{MONTH_FULL}){B}(?:{S}(?P<yrel>last|next|this){S}year{B})?",
            bare_month,
        ),
        Rule::new(
            "numeric-date",
            r"{B}(?:(?P<iy>{YEAR})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9])|(?P<sy>{YEAR})/(?P<sm>[01]?[0-9])/(?P<sd>[0-3]?[0-9])|(?P<ua>[0-3]?[0-9])/(?P<ub>[0-3]?[0-9])/(?P<uy>{YEAR})|(?P<ea>[0-3]?[0-9])\.(?P<eb>[01]?[0-9])\.(?P<ey>{YEAR})|(?P<sa>[0-3]?[0-9])/(?P<sb>[0-3]?[0-9])/(?P<syy>[0-9]{2})\b)",
            numeric_date,
        ),
    ]
}

/// A day-of-month as written ("24", "25th").
fn day_number(word: &str) -> Option<i8> {
    word.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

/// True when the month word can be read as a month here without a day or year after it.
fn lower_or_ambiguous(word: &str) -> (bool, bool) {
    let lower = !is_capitalized(word);
    let ambiguous = is_one_of(Some(word.trim_end_matches('.')), AMBIGUOUS_MONTHS)
        || (lower && !word.ends_with('.') && WORDS.is_month_abbr(word));
    (lower, ambiguous)
}

/// True when the text right after a date-like number continues the number ("May 5,000",
/// "July 4.5", "12:30").
pub(super) fn number_continues(text: &str, end: usize) -> bool {
    let rest = after(text, end, 2);
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_ascii_digit() || c == '%' => true,
        (Some(',' | '.' | ':' | '/'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    }
}

/// True when a number-like match continues an amount before it ("$2024", "1,2024").
pub(super) fn preceded_by_amount(text: &str, start: usize) -> bool {
    prev_char(text, start).is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '$' | '\u{20ac}' | '\u{a3}' | '#' | ',' | '.' | '/' | '-')
    })
}

/// The weekday written before a date ("Monday, Oct. 26"), 1 = Monday.
fn weekday_of(caps: &Captures) -> Option<i8> {
    text_of(caps, "wd").and_then(|w| WORDS.weekday(w.trim_end_matches('.')))
}

/// The year offset that "last year", "next year" or "this year" after a month names.
fn year_offset(caps: &Captures) -> Option<i8> {
    match text_of(caps, "yrel")?.to_lowercase().as_str() {
        "last" => Some(-1),
        "next" => Some(1),
        _ => Some(0),
    }
}

/// The value of a month with a day, and with a year when one was written.
fn push_month_day(
    out: &mut Vec<Candidate>,
    span: Span,
    year: Option<i16>,
    (month, day): (i8, i8),
    weekday: Option<i8>,
) {
    match year {
        Some(y) => {
            if let Ok(date) = Date::new(y, month, day) {
                out.push(Candidate::fixed(span, TimexKind::Date, date.to_string()));
            }
        }
        None => {
            // A day that exists in some year (29 February included).
            if Date::new(2024, month, day).is_ok() {
                let anchor = Anchor::MonthDay {
                    month,
                    day: Some(day),
                    direction: Direction::Tense,
                    weekday,
                };
                out.push(Candidate::anchored(span, TimexKind::Date, anchor));
            }
        }
    }
}

fn month_day_year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(month_word), Some(day_word)) = (text_of(caps, "month"), text_of(caps, "day")) else {
        return;
    };
    let (Some(month), Some(day)) = (WORDS.month(month_word), day_number(day_word)) else {
        return;
    };
    let year = text_of(caps, "year").and_then(|y| y.parse().ok());
    let (lower, ambiguous) = lower_or_ambiguous(month_word);
    if year.is_none() && (ambiguous && lower || number_continues(text, span.end)) {
        return;
    }
    if year.is_none() && lower && !is_one_of(prev_word(text, span.start), DATE_PREPOSITIONS) {
        return;
    }
    if preceded_by_amount(text, span.start) {
        return;
    }
    if let Some(offset) = year_offset(caps) {
        // "September 8 last year".
        if Date::new(2024, month, day).is_ok() {
            let anchor = Anchor::MonthInYear {
                month,
                day: Some(day),
                offset,
            };
            out.push(Candidate::anchored(span, TimexKind::Date, anchor));
        }
        return;
    }
    push_month_day(out, span, year, (month, day), weekday_of(caps));
}

fn day_month_year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(month_word), Some(day_word)) = (text_of(caps, "month"), text_of(caps, "day")) else {
        return;
    };
    let (Some(month), Some(day)) = (WORDS.month(month_word), day_number(day_word)) else {
        return;
    };
    let year = text_of(caps, "year").and_then(|y| y.parse().ok());
    let (lower, _) = lower_or_ambiguous(month_word);
    if year.is_none() && (lower || number_continues(text, span.end)) {
        return;
    }
    if preceded_by_amount(text, span.start) {
        return;
    }
    push_month_day(out, span, year, (month, day), weekday_of(caps));
}

fn month_year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(month), Some(year)) = (
        text_of(caps, "month").and_then(|m| WORDS.month(m)),
        text_of(caps, "year").and_then(|y| y.parse::<i16>().ok()),
    ) else {
        return;
    };
    if number_continues(text, span.end) || preceded_by_amount(text, span.start) {
        return;
    }
    let modifier = text_of(caps, "edge").and_then(edge_mod);
    let value = format!("{year:04}-{month:02}");
    out.push(Candidate::fixed(span, TimexKind::Date, value).with_mod(modifier));
}

fn bare_month(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(word), Some(word_span)) = (text_of(caps, "month"), group(caps, "month")) else {
        return;
    };
    let Some(month) = WORDS.month(word) else {
        return;
    };
    let (lower, ambiguous) = lower_or_ambiguous(word);
    let rel = text_of(caps, "rel").map(str::to_lowercase);
    let edge = text_of(caps, "edge");
    let prev = prev_word(text, span.start);
    let after_preposition = is_one_of(prev, DATE_PREPOSITIONS);
    let accepted = if rel.is_some() || edge.is_some() {
        !(lower && ambiguous) || after_preposition
    } else if ambiguous {
        !lower && after_preposition && !is_one_of(prev, &["to", "and", "or", "as"])
    } else if lower {
        after_preposition
    } else {
        // "June", "April" and "August" are given names too: "June Smith", "Operation August".
        let next = next_word(text, word_span.end);
        let next_is_name = next.is_some_and(is_capitalized)
            && next_char(text, word_span.end).is_some_and(|c| c == ' ');
        after_preposition
            || (!inside_name(text, word_span.start, DATE_PREPOSITIONS) && !next_is_name)
    };
    // "in May's government": a person more often than the month.
    let possessive = matches!(next_char(text, word_span.end), Some('\'' | '\u{2019}'));
    if !accepted || number_continues_after_space(text, span.end) || ambiguous && possessive {
        return;
    }
    let direction = match rel
        .as_deref()
        .map(|r| r.split_whitespace().collect::<Vec<_>>().join(" "))
    {
        Some(r) if r == "last" || r == "this past" => Direction::Before,
        Some(r) if r == "next" || r == "this coming" => Direction::After,
        _ => Direction::Tense,
    };
    let this = rel
        .as_deref()
        .and_then(|r| r.split_whitespace().last())
        .is_some_and(|w| w.eq_ignore_ascii_case("this"));
    let anchor = match year_offset(caps) {
        // "this September", "earlier this March": the publication date's year.
        None if this => Anchor::MonthInYear {
            month,
            day: None,
            offset: 0,
        },
        // "March last year", "June next year".
        Some(offset) if rel.is_none() => Anchor::MonthInYear {
            month,
            day: None,
            offset,
        },
        _ => Anchor::MonthDay {
            month,
            day: None,
            direction,
            weekday: None,
        },
    };
    let modifier = edge.and_then(edge_mod);
    out.push(Candidate::anchored(span, TimexKind::Date, anchor).with_mod(modifier));
}

/// "November 40": a number right after a month that no date rule took; not a month then.
fn number_continues_after_space(text: &str, end: usize) -> bool {
    let rest = after(text, end, 3);
    let rest = rest.trim_start_matches([' ', '\u{a0}']);
    rest.starts_with(|c: char| c.is_ascii_digit())
}

fn numeric_date(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let num = |name: &str| text_of(caps, name).and_then(|v| v.parse::<i16>().ok());
    let (year, month, day) = if let Some(y) = num("iy") {
        (y, num("im"), num("id"))
    } else if let Some(y) = num("sy") {
        (y, num("sm"), num("sd"))
    } else if let (Some(y), Some(a), Some(b)) = (num("uy"), num("ua"), num("ub")) {
        // Month first, as in American news, unless the first number cannot be a month.
        if a > 12 {
            (y, Some(b), Some(a))
        } else {
            (y, Some(a), Some(b))
        }
    } else if let Some(y) = num("ey") {
        (y, num("eb"), num("ea"))
    } else if let (Some(yy), Some(a), Some(b)) = (num("syy"), num("sa"), num("sb")) {
        // "7/8/07": a two-digit year is this century's up to 40, else the last's; month
        // first unless the first number cannot be a month. Not a fraction run ("1/2/3/4").
        if matches!(prev_char(text, span.start), Some('/' | '.'))
            || matches!(next_char(text, span.end), Some('/' | '.' | '-'))
                && after(text, span.end, 2)
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit())
        {
            return;
        }
        let y = if yy <= 40 { 2000 + yy } else { 1900 + yy };
        if a > 12 {
            (y, Some(b), Some(a))
        } else {
            (y, Some(a), Some(b))
        }
    } else {
        return;
    };
    let (Some(month), Some(day)) = (month, day) else {
        return;
    };
    if number_continues(text, span.end) || preceded_by_amount(text, span.start) {
        return;
    }
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return;
    };
    if let Ok(date) = Date::new(year, month, day) {
        out.push(Candidate::fixed(span, TimexKind::Date, date.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use crate::time::recognize::{candidates, Pending};

    /// (sentence, expected expressions as "text=value", "text=?" for anchored ones).
    fn found(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| {
                let value = match c.value {
                    Pending::Fixed(v) => v,
                    Pending::Anchored(_) => "?".to_string(),
                };
                format!("{}={}", c.span.of(text), value)
            })
            .collect()
    }

    #[test]
    fn written_dates() {
        let cases: &[(&str, &[&str])] = &[
            (
                "They met on November 26, 2025, in Rome.",
                &["November 26, 2025=2025-11-26"],
            ),
            ("Signed 3 March 2024 in Oslo.", &["3 March 2024=2024-03-03"]),
            ("Talks resume Nov. 24 in Doha.", &["Nov. 24=?"]),
            ("the 24th of November", &["the 24th of November=?"]),
            (
                "Wednesday, Nov 26, 2025",
                &["Wednesday, Nov 26, 2025=2025-11-26"],
            ),
            (
                "It was signed in February 2022.",
                &["February 2022=2022-02"],
            ),
            (
                "Filed 2025-11-26 and 11/27/2025.",
                &["2025-11-26=2025-11-26", "11/27/2025=2025-11-27"],
            ),
            ("Dated 27.11.2025 in Bern.", &["27.11.2025=2025-11-27"]),
            ("The vote was held in November.", &["November=?"]),
            ("Prices fell in mid-November.", &["mid-November=?"]),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), *expected, "{text}");
        }
    }

    #[test]
    fn look_alikes_are_not_dates() {
        for text in [
            "They may 5 times fail.",
            "Protesters march on the capital.",
            "The army has 600,000 troops and $100 billion.",
            "June Carter sang.",
            "Operation August Storm ended.",
            "Article 5 of the treaty.",
            "Critics attacked the cabinet in May's absence.",
            "The 5 may decide.",
            "Marching 2024 miles.",
            "Serial 12/34/2025 was void.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn ambiguous_months_need_a_preposition() {
        assert_eq!(found("The vote is due in May."), ["May=?"]);
        assert_eq!(found("May brought rain."), Vec::<String>::new());
        assert_eq!(found("He arrived in june."), ["june=?"]);
        assert_eq!(found("Officials may decide later."), Vec::<String>::new());
    }
}
