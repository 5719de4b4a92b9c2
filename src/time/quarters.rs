//! Quarters of the year without a written year, as company reports name them: "the third
//! quarter", "third-quarter profit", "this year's fourth quarter", and the quarter in focus
//! of a report: "the quarter", "the latest quarter", "the latest period", and its comparison
//! "the year-earlier quarter", "year-ago results", "a year earlier", "a year ago".
//!
//! A named quarter takes the publication date's year, or the year before when it lies after
//! the publication date's quarter and its clause is not in the future ("fourth-quarter profit
//! rose", written in January). The quarter in focus is the last quarter a named or written
//! quarter gave before it in the document ([`apply_focus`]); without one, "the quarter" and
//! its comparisons are dropped (too vague to value) and "a year ago" keeps its own value.

use super::context::{is_one_of, prev_word, prev_word2};
use super::normalize::Resolved;
use super::recognize::{text_of, whole, Anchor, Candidate, Pending, Rule};
use super::tense::Tense;
use super::TimexKind;
use jiff::civil::Date;
use regex::Captures;

/// Most bytes between a quarter and an expression that refers back to it.
const FOCUS_REACH: usize = 1500;

/// The rules of this file, in priority order.
pub(crate) fn rules() -> Vec<Rule> {
    vec![
        Rule::new(
            "named-quarter",
            r"{B}(?:(?:the|this{S}year['\u{2019}]s|last{S}year['\u{2019}]s|next{S}year['\u{2019}]s){S})?(?:fiscal{S})?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:{S}|{H})(?:fiscal{S})?quarter{B}",
            named_quarter,
        ),
        Rule::new(
            "year-quarter",
            r"{B}(?:the{S})?(?P<year>{YEAR})(?:{S}|{H})(?:fiscal{S})?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:{S}|{H})(?:fiscal{S})?quarter{B}",
            year_quarter,
        ),
        Rule::new(
            "year-period",
            r"{B}the{S}(?P<year>{YEAR}){S}(?:fiscal{S})?(?:quarter|period){B}",
            year_period,
        ),
        Rule::new(
            "focus-quarter",
            r"{B}the{S}(?:(?P<latest>latest|most{S}recent|recent|just{H}ended|just{S}ended)(?:{S}|{H}))?(?:fiscal{S})?(?P<what>quarter|period){B}",
            focus_quarter,
        ),
        Rule::new(
            "year-ago-quarter",
            r"{B}(?:the{S})?year{H}(?:earlier|ago)(?:{S}(?:fiscal{S})?(?:(?:first|second|third|fourth)(?:{S}|{H}))?(?:quarter|period))?{B}",
            year_ago_quarter,
        ),
        Rule::new(
            "a-year-earlier",
            r"{B}a{S}year{S}earlier{B}",
            year_ago_quarter,
        ),
        Rule::new(
            "last-years-period",
            r"{B}(?:last{S}year['\u{2019}]s{S}(?:fiscal{S})?(?:quarter|period)|the{S}(?:corresponding|comparable|same){S}(?:quarter|period){S}(?:of{S})?(?:a{S}year{S}(?:earlier|ago)|last{S}year)){B}",
            year_ago_quarter,
        ),
    ]
}

fn named_quarter(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(ord) = text_of(caps, "ord") else {
        return;
    };
    let quarter = ordinal_quarter(ord);
    let lower = span.of(text).to_ascii_lowercase();
    let offset = if lower.starts_with("last") {
        Some(-1)
    } else if lower.starts_with("next") {
        Some(1)
    } else if lower.starts_with("this") {
        Some(0)
    } else {
        None
    };
    let anchor = Anchor::Quarter { quarter, offset };
    out.push(Candidate::anchored(span, TimexKind::Date, anchor));
}

fn ordinal_quarter(ord: &str) -> i8 {
    match ord.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    }
}

/// "the 1988 third quarter": a quarter with its year written before it.
fn year_quarter(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(year), Some(ord)) = (
        text_of(caps, "year").and_then(|y| y.parse::<i16>().ok()),
        text_of(caps, "ord"),
    ) else {
        return;
    };
    let value = format!("{year:04}-Q{}", ordinal_quarter(ord));
    out.push(Candidate::fixed(whole(caps), TimexKind::Date, value));
}

/// "the 1988 period", "the 1989 quarter": the quarter in focus, in the year written.
fn year_period(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let Some(year) = text_of(caps, "year").and_then(|y| y.parse::<i16>().ok()) else {
        return;
    };
    let anchor = Anchor::QuarterInYear { year };
    out.push(Candidate::anchored(whole(caps), TimexKind::Date, anchor));
}

fn focus_quarter(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let what = text_of(caps, "what").unwrap_or("").to_ascii_lowercase();
    // "the period" alone is too vague; "the latest period" is the report's quarter.
    if what == "period" && text_of(caps, "latest").is_none() {
        return;
    }
    // "the quarter ended Sept. 30" is valued by the date after it just as well; "the quarter
    // point" is no quarter.
    if super::context::next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("point")) {
        return;
    }
    // "the quarter-to-quarter comparison": a compound, not a quarter.
    if super::context::next_char(text, span.end).is_some_and(super::lexicon::is_hyphen) {
        return;
    }
    let anchor = Anchor::QuarterFocus { years_back: 0 };
    out.push(Candidate::anchored(span, TimexKind::Date, anchor));
}

fn year_ago_quarter(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let anchor = Anchor::QuarterFocus { years_back: 1 };
    out.push(Candidate::anchored(whole(caps), TimexKind::Date, anchor));
}

/// The value of a named quarter: `offset` years from the publication date's year when the text
/// says which ("this year's", "last year's"), else the latest such quarter that is not after
/// the publication date's unless the clause is in the future.
pub(crate) fn named_value(
    quarter: i8,
    offset: Option<i8>,
    dct: Date,
    tense: impl FnOnce() -> Tense,
) -> String {
    let year = i32::from(dct.year());
    let current = (dct.month() - 1) / 3 + 1;
    let year = match offset {
        Some(o) => year + i32::from(o),
        None if quarter > current && tense() != Tense::Future => year - 1,
        None => year,
    };
    format!("{year:04}-Q{quarter}")
}

/// A quarter value "YYYY-Qn" as (year, quarter).
fn quarter_of(value: &str) -> Option<(i32, u8)> {
    let (year, q) = value.split_once("-Q")?;
    let year: i32 = year.parse().ok().filter(|_| year.len() == 4)?;
    let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((year, q))
}

/// Values the expressions that refer to the quarter in focus, in text order: the last quarter
/// valued before them within [`FOCUS_REACH`] bytes of it or of the last reference to it. "a year ago" after a quarter becomes the
/// quarter a year before; other references without a quarter in focus are dropped.
pub(crate) fn apply_focus(text: &str, dct: Option<Date>, items: &mut Vec<(Candidate, Resolved)>) {
    let mut focus: Option<(usize, i32, u8)> = None;
    let mut keep = vec![true; items.len()];
    for (k, (c, r)) in items.iter_mut().enumerate() {
        let near = focus.filter(|&(end, _, _)| c.span.start.saturating_sub(end) <= FOCUS_REACH);
        if let Pending::Anchored(Anchor::QuarterInYear { year }) = c.value {
            match near {
                Some((_, _, q)) => {
                    r.value = Some(format!("{year:04}-Q{q}"));
                    r.relative = true;
                }
                None => keep[k] = false,
            }
            continue;
        }
        let years_back = match c.value {
            Pending::Anchored(Anchor::QuarterFocus { years_back }) => Some(years_back),
            _ => {
                let written = c.span.of(text).to_ascii_lowercase();
                let ago = written.split_whitespace().collect::<Vec<_>>() == ["a", "year", "ago"];
                ago.then_some(1)
            }
        };
        if let Some(back) = years_back {
            if let Some((_, year, q)) = near {
                r.value = Some(format!("{:04}-Q{q}", year - i32::from(back)));
                r.relative = true;
                c.kind = TimexKind::Date;
                // A report that keeps saying "the quarter" is still about it: the reach
                // runs on from each reference, not only from the quarter's name.
                focus = Some((c.span.end, year, q));
            }
            if near.is_none() && matches!(c.value, Pending::Anchored(Anchor::QuarterFocus { .. })) {
                keep[k] = false;
            }
            continue;
        }
        if let Some((year, q)) = r.value.as_deref().and_then(quarter_of) {
            // "the 1988 third quarter" after this year's third quarter is its comparison: the
            // report's quarter stays in focus.
            let year_first = c
                .span
                .of(text)
                .split_whitespace()
                .find(|w| !w.eq_ignore_ascii_case("the"))
                .is_some_and(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
            // A report's quarter is over when it is published: a quarter not yet ended ("a
            // fourth-quarter charge" expected in November) or one brought in for comparison
            // ("after a flat second quarter") leaves the quarter in focus as it is.
            let unfinished = dct.is_some_and(|d| {
                let current = u8::try_from((d.month() - 1) / 3 + 1).unwrap_or(1);
                (year, q) >= (i32::from(d.year()), current)
            });
            let compared = is_one_of(prev_word(text, c.span.start), &["a", "an"])
                || is_one_of(prev_word2(text, c.span.start), &["a", "an"]);
            focus = match focus {
                Some((_, fy, fq)) if fq == q && year < fy && year_first => {
                    Some((c.span.end, fy, fq))
                }
                Some((_, fy, fq)) if unfinished || compared => Some((c.span.end, fy, fq)),
                _ => Some((c.span.end, year, q)),
            };
        }
    }
    let mut k = 0;
    items.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use crate::text::split_sentences;

    /// A sentence of filler about 100 bytes long that names no time.
    const FILLER: &str = "The harbour cranes were repainted and the ferry crews rehearsed their drills in the yard. ";

    fn values_of(text: &str, dct: &str) -> Vec<(String, Option<String>)> {
        crate::time::recognize(text, &split_sentences(text), dct.parse().ok())
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    #[test]
    fn references_keep_a_long_report_on_its_quarter() {
        // Each "the quarter" is within reach of the one before, the last one far from the
        // quarter's name.
        let mut text = String::from("Brellin Shipping lost money in the third quarter. ");
        for _ in 0..3 {
            text.push_str(&FILLER.repeat(10));
            text.push_str("Freight volumes slipped during the quarter. ");
        }
        let found = values_of(&text, "2031-10-20");
        let refs: Vec<_> = found.iter().filter(|(t, _)| t == "the quarter").collect();
        assert_eq!(refs.len(), 3, "{found:?}");
        assert!(refs.iter().all(|(_, v)| v.as_deref() == Some("2031-Q3")));
    }

    #[test]
    fn a_reference_far_from_any_quarter_is_dropped() {
        let mut text = String::from("Brellin Shipping lost money in the third quarter. ");
        text.push_str(&FILLER.repeat(20));
        text.push_str("Freight volumes slipped during the quarter. ");
        let found = values_of(&text, "2031-10-20");
        assert!(found.iter().all(|(t, _)| t != "the quarter"), "{found:?}");
    }
}
