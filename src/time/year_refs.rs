//! Years named by reference instead of by number: "later that year", "the following year",
//! "for the full year", "the fiscal year ended March 31".
//!
//! TimeML values "that year" as the year the text last named ("returned to Cuba in June 1998
//! ... later that year" is 1998) and "the year" of a company report as the publication year
//! ("a high for the year", "sales for the full year"). "The year ended March 31" is a report's
//! twelve months, a DURATION of P1Y. A back-reference with no year named before it is dropped
//! (a guess would be a wrong fact); "the year" is dropped too when the text named another year
//! just before it, since then it may mean that one.

use super::context::next_word;
use super::normalize::Resolved;
use super::recognize::{text_of, whole, Anchor, Candidate, Pending, Rule};
use super::TimexKind;
use jiff::civil::Date;
use regex::Captures;

/// Most bytes between a year and "that year" referring back to it.
const REACH: usize = 1500;

/// Most bytes between another year and "the year" for "the year" to be left alone.
const NEAR_OTHER_YEAR: usize = 300;

/// The rules of this file.
pub(crate) fn rules() -> Vec<Rule> {
    vec![Rule::new(
        "year-reference",
        r"{B}(?:(?P<edge>earlier|later){S}(?:in{S})?)?(?P<det>that|the{S}(?:following|previous|same|full|current|entire|whole)|the)(?:{S}(?P<fiscal>fiscal))?{S}year{B}",
        year_reference,
    )]
}

/// Words after "the year" that make it something else ("the year before", "the year 2000",
/// "the year-ago quarter" is another rule's).
const NOT_AFTER: &[&str] = &[
    "before", "after", "earlier", "ago", "later", "or", "of", "in", "when", "that", "which", "he",
    "she", "they", "it", "we", "i", "since", "to",
];

fn year_reference(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    if super::context::next_char(text, span.end).is_some_and(super::lexicon::is_hyphen) {
        return;
    }
    // "Player of the Year": a title.
    if span.of(text).ends_with("Year") {
        return;
    }
    let det = text_of(caps, "det").unwrap_or("").to_lowercase();
    let det = det.split_whitespace().collect::<Vec<_>>().join(" ");
    let next = next_word(text, span.end).map(str::to_lowercase);
    // "the (fiscal) year ended March 31": a report's twelve months.
    if matches!(
        next.as_deref(),
        Some("ended" | "ending" | "end" | "ends" | "through")
    ) {
        if det == "the" && text_of(caps, "edge").is_none() {
            out.push(Candidate::fixed(span, TimexKind::Duration, "P1Y"));
        }
        return;
    }
    // "the year he left" names a year by a clause; "the following year he left" does not.
    let plain = det == "the";
    if next.as_deref().is_some_and(|w| {
        (plain && NOT_AFTER.contains(&w)) || w.chars().next().is_some_and(|c| c.is_ascii_digit())
    }) || next_word(text, span.end).is_some_and(|w| w.eq_ignore_ascii_case("two"))
    {
        return;
    }
    // "the current (fiscal) year" is the publication's, whatever year was named before it.
    if det == "the current" && text_of(caps, "edge").is_none() {
        let anchor = Anchor::Calendar {
            unit: super::recognize::CalendarUnit::Year,
            offset: 0,
        };
        out.push(Candidate::anchored(span, TimexKind::Date, anchor));
        return;
    }
    let offset = match det.as_str() {
        "that" | "the same" => 0,
        "the following" => 1,
        "the previous" => -1,
        // "the year", "the full year", "the current year": the publication's year.
        _ => {
            let anchor = Anchor::YearOfReport;
            out.push(Candidate::anchored(span, TimexKind::Date, anchor));
            return;
        }
    };
    let anchor = Anchor::YearBack { offset };
    out.push(Candidate::anchored(span, TimexKind::Date, anchor));
}

/// The year a valued DATE names ("1998-06" → 1998), if it names one.
fn year_of(value: &str) -> Option<i32> {
    let digits = value.get(..4)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if value.len() > 4 && !value[4..].starts_with('-') {
        return None;
    }
    digits.parse().ok()
}

/// Values the year references of a document, in text order: "that year" from the last year
/// named before it, "the year" from the publication date unless another year was named just
/// before; references that cannot be valued are dropped.
pub(crate) fn apply(dct: Option<Date>, items: &mut Vec<(Candidate, Resolved)>) {
    let mut last: Option<(usize, i32)> = None;
    let mut keep = vec![true; items.len()];
    for (k, (c, r)) in items.iter_mut().enumerate() {
        let near =
            |reach: usize| last.filter(|&(end, _)| c.span.start.saturating_sub(end) <= reach);
        match c.value {
            Pending::Anchored(Anchor::YearBack { offset }) => {
                match near(REACH) {
                    Some((_, year)) => {
                        r.value = Some(format!("{:04}", year + i32::from(offset)));
                        r.relative = true;
                    }
                    None => keep[k] = false,
                }
                continue;
            }
            Pending::Anchored(Anchor::YearOfReport) => {
                let Some(dct) = dct else {
                    continue;
                };
                let own = i32::from(dct.year());
                match near(NEAR_OTHER_YEAR) {
                    Some((_, year)) if year != own => keep[k] = false,
                    _ => r.value = Some(format!("{own:04}")),
                }
                continue;
            }
            _ => {}
        }
        if c.kind == TimexKind::Date {
            if let Some(year) = r.value.as_deref().and_then(year_of) {
                last = Some((c.span.end, year));
            }
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
    use super::*;

    #[test]
    fn years_of_values() {
        assert_eq!(year_of("1998-06"), Some(1998));
        assert_eq!(year_of("1998"), Some(1998));
        assert_eq!(year_of("199"), None);
        assert_eq!(year_of("P1998Y"), None);
        assert_eq!(year_of("1998W"), None);
    }
}
