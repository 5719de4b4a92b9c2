//! Days and weeks named from a date the text writes: "the day before last Tuesday's hearing",
//! "the day after Christmas", "the week of March 6".
//!
//! TimeML takes each phrase as one expression whose value is the day (or ISO week) it names,
//! not the date inside it: "the day before last Tuesday" written on Thursday 2000-02-24 is
//! 2000-02-21, "the week of March 6" is 2000-W10. Runs after the dates are valued, so the date
//! inside may itself be relative. Counts ("two days after March 6") are left alone: TimeML
//! writes those as a length and a date.

use super::normalize::{add_days, week_of, Resolved};
use super::recognize::Candidate;
use super::TimexKind;
use crate::text::Span;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// "the day before ", "the day after ", "the week of " right before a date.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"{B}(?P<the>the){S}(?:(?P<day>day){S}(?P<dir>before|after)|(?P<week>week){S}of){S}$",
    )
});

/// How many bytes before a date the lead may start.
const LEAD_REACH: usize = 24;

/// Widens each day preceded by "the day before/after" or "the week of" to the whole phrase and
/// values it as the day or week it names.
pub(crate) fn apply(text: &str, items: &mut [(Candidate, Resolved)]) {
    for k in 0..items.len() {
        let prev_end = k.checked_sub(1).map_or(0, |j| items[j].0.span.end);
        let (c, r) = &mut items[k];
        let Some(day) = r.value.as_deref().and_then(day_of) else {
            continue;
        };
        let from = floor_char_boundary(text, c.span.start.saturating_sub(LEAD_REACH));
        let Some(caps) = LEAD.captures(&text[from..c.span.start]) else {
            continue;
        };
        let Some(lead) = caps.name("the") else {
            continue;
        };
        let value = if caps.name("week").is_some() {
            Some(week_of(day))
        } else {
            let step = if caps
                .name("dir")
                .is_some_and(|d| d.as_str().eq_ignore_ascii_case("after"))
            {
                1
            } else {
                -1
            };
            add_days(day, step).map(|d| d.to_string())
        };
        let Some(value) = value else {
            continue;
        };
        let start = from + lead.start();
        if start < prev_end {
            continue;
        }
        c.span = Span::new(start, c.span.end);
        c.kind = TimexKind::Date;
        r.value = Some(value);
    }
}

/// The day of a value that names one ("2000-02-22", "2000-02-22TNI").
fn day_of(value: &str) -> Option<Date> {
    value.get(..10)?.parse().ok()
}

/// The largest char boundary of `text` at or before `pos`.
fn floor_char_boundary(text: &str, pos: usize) -> usize {
    (0..=pos.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::text::split_sentences;

    fn found(text: &str, dct: &str) -> Vec<(String, Option<String>)> {
        crate::time::recognize(text, &split_sentences(text), dct.parse().ok())
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    #[test]
    fn days_and_weeks_from_a_date() {
        let v = found(
            "The day before last Tuesday's vote, the mayor resigned.",
            "2031-05-15",
        );
        assert_eq!(
            v,
            [(
                "The day before last Tuesday".into(),
                Some("2031-05-12".into())
            )]
        );
        let v = found("Shops reopened the day after Christmas.", "2031-12-29");
        assert_eq!(
            v,
            [("the day after Christmas".into(), Some("2031-12-26".into()))]
        );
        let v = found(
            "A hearing is set for the week of March 6 in Tulsa.",
            "2031-02-20",
        );
        assert_eq!(v, [("the week of March 6".into(), Some("2031-W10".into()))]);
    }

    #[test]
    fn counts_and_other_words_are_left_alone() {
        let v = found("Rain fell two days after March 6 in Tulsa.", "2031-02-20");
        assert!(
            v.iter()
                .any(|(t, v)| t == "March 6" && v.as_deref() == Some("2031-03-06")),
            "{v:?}"
        );
        let v = found("It was a day before Christmas.", "2031-12-29");
        assert_eq!(v, [("Christmas".into(), Some("2031-12-25".into()))]);
    }
}
