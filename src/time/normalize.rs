//! Normalization: the TIMEX3 value of a relative expression, computed from the publication date
//! (and, for weekdays and dates without a year, the tense of the clause), with `jiff` doing the
//! calendar arithmetic.
//!
//! The conventions follow HeidelTime's news mode: "last week" is the ISO week before the
//! publication date's; "on Tuesday" in a past-tense clause is the latest Tuesday on or before
//! the publication date, in a future-tense clause the first on or after it, and without a cue
//! the past one (news reports what happened); "in January" takes the year that puts it on the
//! side of the publication date the tense says, or the nearest one.

use super::recognize::{Anchor, CalendarUnit, Candidate, Direction, Pending};
use super::tense::Tense;
use super::TimexKind;
use crate::text::Span;
use jiff::civil::Date;

/// A candidate's value once the publication date is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The TIMEX3 value, when it could be computed.
    pub value: Option<String>,
    /// True when it came from the publication date.
    pub relative: bool,
}

/// `date` shifted by `days`.
pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// The ISO week value ("2025-W49") of `date`.
pub(crate) fn week_of(date: Date) -> String {
    let w = date.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

/// Year and month `offset` months after `year`-`month`.
fn add_months(year: i16, month: i8, offset: i32) -> Option<(i16, i8)> {
    let index = i32::from(year) * 12 + i32::from(month) - 1 + offset;
    let year = i16::try_from(index.div_euclid(12)).ok()?;
    let month = i8::try_from(index.rem_euclid(12) + 1).ok()?;
    Some((year, month))
}

fn month_value(year: i16, month: i8) -> String {
    format!("{year:04}-{month:02}")
}

fn with_part(date: Date, part: Option<&str>) -> String {
    match part {
        Some(p) => format!("{date}T{p}"),
        None => date.to_string(),
    }
}

/// Picks among the candidates (sorted ascending) the one the direction and tense select:
/// before/after strictly, or on-or-before / on-or-after for a past / future tense, or the
/// nearest (ties to `default`) when the tense is unknown.
fn choose<T: Copy + Ord>(
    options: &[T],
    reference: T,
    distance: impl Fn(T) -> i64,
    direction: Direction,
    tense: impl FnOnce() -> Tense,
    default: T,
) -> Option<T> {
    let before = |strict: bool| {
        options
            .iter()
            .copied()
            .filter(|&o| {
                if strict {
                    o < reference
                } else {
                    o <= reference
                }
            })
            .max()
    };
    let after = |strict: bool| {
        options
            .iter()
            .copied()
            .filter(|&o| {
                if strict {
                    o > reference
                } else {
                    o >= reference
                }
            })
            .min()
    };
    match direction {
        Direction::Before => before(true),
        Direction::After => after(true),
        Direction::Tense
        | Direction::Soon
        | Direction::ThisWeek
        | Direction::NextWeek
        | Direction::LastWeek => match tense() {
            Tense::Past => before(false),
            Tense::Future => after(false),
            Tense::Unknown => options
                .iter()
                .copied()
                .min_by_key(|&o| (distance(o).abs(), o != default)),
        },
    }
}

/// For a deadline ([`Direction::Soon`]) that the tense put before the publication date, the
/// next occurrence when it lies within `near` after it: "must be returned by Jan. 14" written
/// on January 6 is this January although the clause reports a past decision.
fn prefer_near<T: Copy>(
    chosen: T,
    options: &[T],
    distance: impl Fn(T) -> i64,
    direction: Direction,
    near: i64,
) -> T {
    if direction != Direction::Soon || distance(chosen) >= 0 {
        return chosen;
    }
    options
        .iter()
        .copied()
        .find(|&o| (0..=near).contains(&distance(o)))
        .unwrap_or(chosen)
}

/// How close to the publication date a date without a year must lie, in days, to win over the
/// occurrence the tense picked when that one lies at least [`FAR_DAYS`] away ("the ceremony on
/// March 12", written on February 16 in a clause whose only cue is a past "invited", is next
/// month's, not eleven months ago).
const CLOSE_DAYS: i64 = 75;
/// See [`CLOSE_DAYS`].
const FAR_DAYS: i64 = 270;
/// Even when the tense cue is the expression's own verb, a day without a year within this many
/// days of the publication date wins over one [`FAR_DAYS`] or more away: "the offer was
/// extended to Nov. 16", written on October 30, is not about last year's November (news names
/// the year of a day that far back).
const VERY_CLOSE_DAYS: i64 = 31;
/// The same for a month without a day, in months.
const CLOSE_MONTHS: i64 = 2;
/// See [`CLOSE_MONTHS`].
const FAR_MONTHS: i64 = 9;

/// For a date without a year whose direction is only the tense's guess ([`Direction::Tense`],
/// [`Direction::Soon`]): the occurrence within `close` of the publication date when the one
/// chosen lies `far` or more away. A tense cue is often a word of another clause; news mostly
/// names dates near the day it is written.
fn prefer_close<T: Copy>(
    chosen: T,
    options: &[T],
    distance: impl Fn(T) -> i64,
    direction: Direction,
    (close, far): (i64, i64),
) -> T {
    if !matches!(direction, Direction::Tense | Direction::Soon) || distance(chosen).abs() < far {
        return chosen;
    }
    options
        .iter()
        .copied()
        .filter(|&o| distance(o).abs() <= close)
        .min_by_key(|&o| distance(o).abs())
        .unwrap_or(chosen)
}

/// The value of a relative expression against the publication date `dct`. `tense` is only
/// called when the anchor needs it.
///
/// `cue_near` tells whether the tense comes from the expression's own verb; when it does not, a
/// date without a year that lies close to the publication date wins over a far one the tense
/// picked ([`prefer_close`]).
pub(crate) fn resolve(
    anchor: &Anchor,
    dct: Date,
    tense: impl FnOnce() -> Tense,
    cue_near: impl FnOnce() -> bool,
) -> Option<String> {
    match *anchor {
        Anchor::Days { offset, part } => Some(with_part(add_days(dct, offset.into())?, part)),
        Anchor::Weekday {
            weekday,
            direction,
            part,
        } => {
            let today = dct.weekday().to_monday_one_offset();
            let back = i64::from((today - weekday).rem_euclid(7));
            let forward = i64::from((weekday - today).rem_euclid(7));
            let offset = match direction {
                Direction::Before => -(if back == 0 { 7 } else { back }),
                Direction::After => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                // A deadline weekday ("until Tuesday") is the coming one.
                Direction::Soon => forward,
                Direction::Tense => match tense() {
                    Tense::Future => forward,
                    Tense::Past | Tense::Unknown => -back,
                },
                Direction::ThisWeek => i64::from(weekday - today),
                Direction::NextWeek => i64::from(weekday - today) + 7,
                Direction::LastWeek => i64::from(weekday - today) - 7,
            };
            Some(with_part(add_days(dct, offset)?, part))
        }
        Anchor::Calendar { unit, offset } => match unit {
            CalendarUnit::Week => Some(week_of(add_days(dct, 7 * i64::from(offset))?)),
            CalendarUnit::Weekend => Some(format!(
                "{}-WE",
                week_of(add_days(dct, 7 * i64::from(offset))?)
            )),
            CalendarUnit::Month => {
                let (y, m) = add_months(dct.year(), dct.month(), offset)?;
                Some(month_value(y, m))
            }
            CalendarUnit::Quarter => {
                let (y, m) = add_months(dct.year(), dct.month(), offset * 3)?;
                Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
            }
            CalendarUnit::Year => Some(format!("{:04}", i32::from(dct.year()) + offset)),
            CalendarUnit::Decade => Some(format!("{:03}", i32::from(dct.year()) / 10 + offset)),
        },
        Anchor::Ago { amount, unit } => {
            let amount = i64::from(amount);
            let year = i64::from(dct.year());
            match unit {
                "D" => Some(add_days(dct, -amount)?.to_string()),
                "W" | "2W" => {
                    let weeks = if unit == "2W" { 2 * amount } else { amount };
                    Some(week_of(add_days(dct, -7 * weeks)?))
                }
                "M" => {
                    let (y, m) = add_months(dct.year(), dct.month(), -i32::try_from(amount).ok()?)?;
                    Some(month_value(y, m))
                }
                "Q" => {
                    let months = -3 * i32::try_from(amount).ok()?;
                    let (y, m) = add_months(dct.year(), dct.month(), months)?;
                    Some(format!("{y:04}-Q{}", (m - 1) / 3 + 1))
                }
                "Y" => Some(format!("{:04}", year - amount)),
                "DE" => Some(format!("{:03}", (year - 10 * amount) / 10)),
                "CE" => Some(format!("{:02}", (year - 100 * amount) / 100)),
                _ => Some(dct.to_string()),
            }
        }
        Anchor::MonthDay {
            month,
            day: Some(day),
            direction,
            weekday,
        } => {
            let options: Vec<Date> = (-1..=1)
                .filter_map(|dy| Date::new(dct.year().checked_add(dy)?, month, day).ok())
                .collect();
            // "Monday, Oct. 26": the year whose calendar puts that day on a Monday.
            if let Some(wd) = weekday {
                let agreeing: Vec<Date> = options
                    .iter()
                    .copied()
                    .filter(|d| d.weekday().to_monday_one_offset() == wd)
                    .collect();
                if let [one] = agreeing[..] {
                    return Some(one.to_string());
                }
            }
            let default = Date::new(dct.year(), month, day).ok().unwrap_or(dct);
            let days = |d: Date| i64::from((d - dct).get_days());
            let chosen = choose(&options, dct, days, direction, tense, default)?;
            let chosen = prefer_near(chosen, &options, days, direction, 120);
            let chosen = if cue_near() {
                prefer_close(
                    chosen,
                    &options,
                    days,
                    direction,
                    (VERY_CLOSE_DAYS, FAR_DAYS),
                )
            } else {
                prefer_close(chosen, &options, days, direction, (CLOSE_DAYS, FAR_DAYS))
            };
            Some(chosen.to_string())
        }
        Anchor::MonthDay {
            month,
            day: None,
            direction,
            ..
        } => {
            let index = |y: i16, m: i8| i64::from(y) * 12 + i64::from(m);
            let options: Vec<i64> = (-1..=1).map(|dy| index(dct.year() + dy, month)).collect();
            let reference = index(dct.year(), dct.month());
            let months = |o: i64| o - reference;
            let default = index(dct.year(), month);
            let chosen = choose(&options, reference, months, direction, tense, default)?;
            let chosen = prefer_near(chosen, &options, months, direction, 3);
            let chosen = if cue_near() {
                chosen
            } else {
                prefer_close(
                    chosen,
                    &options,
                    months,
                    direction,
                    (CLOSE_MONTHS, FAR_MONTHS),
                )
            };
            let year = i16::try_from((chosen - i64::from(month)).div_euclid(12)).ok()?;
            Some(month_value(year, month))
        }
        Anchor::MonthInYear { month, day, offset } => {
            let year = dct.year().checked_add(offset.into())?;
            match day {
                Some(day) => Date::new(year, month, day).ok().map(|d| d.to_string()),
                None => Some(month_value(year, month)),
            }
        }
        Anchor::Season { code, direction } => {
            // Seasons as a sequence: spring 0, summer 1, fall 2, winter 3 (December to
            // February, named after the year of its December).
            let order = match code {
                "SP" => 0,
                "SU" => 1,
                "FA" => 2,
                _ => 3,
            };
            let (cy, cs) = match dct.month() {
                3..=5 => (dct.year(), 0),
                6..=8 => (dct.year(), 1),
                9..=11 => (dct.year(), 2),
                12 => (dct.year(), 3),
                _ => (dct.year() - 1, 3),
            };
            let index = |y: i16, s: i64| i64::from(y) * 4 + s;
            let reference = index(cy, cs);
            let options: Vec<i64> = (-1..=1).map(|dy| index(cy + dy, order)).collect();
            let chosen = choose(
                &options,
                reference,
                |o| o - reference,
                direction,
                tense,
                index(cy, order),
            )?;
            Some(format!("{:04}-{code}", chosen.div_euclid(4)))
        }
        Anchor::Holiday { which, direction } => {
            let options: Vec<Date> = (-1..=1)
                .filter_map(|dy| which.date_in(dct.year().checked_add(dy)?))
                .collect();
            let default = which.date_in(dct.year()).unwrap_or(dct);
            let days = |d: Date| i64::from((d - dct).get_days());
            let chosen = choose(&options, dct, days, direction, tense, default)?;
            let chosen = if cue_near() {
                chosen
            } else {
                prefer_close(chosen, &options, days, direction, (CLOSE_DAYS, FAR_DAYS))
            };
            Some(chosen.to_string())
        }
        Anchor::Weekend { direction } => {
            let on_weekend = dct.weekday().to_monday_one_offset() >= 6;
            let coming = on_weekend
                || match direction {
                    Direction::After => true,
                    Direction::Before => false,
                    _ => tense() == Tense::Future,
                };
            let offset = if coming || on_weekend { 0 } else { -7 };
            Some(format!("{}-WE", week_of(add_days(dct, offset)?)))
        }
        Anchor::Clock { hour, minute, utc } => Some(format!(
            "{dct}T{hour:02}:{minute:02}{}",
            if utc { "Z" } else { "" }
        )),
        Anchor::Quarter { quarter, offset } => {
            Some(super::quarters::named_value(quarter, offset, dct, tense))
        }
        // Valued from the quarter named before it, once all are known.
        Anchor::QuarterFocus { .. }
        | Anchor::QuarterInYear { .. }
        | Anchor::YearBack { .. }
        | Anchor::YearOfReport => None,
    }
}

/// Joins a day and a time of day written next to each other ("Nov. 26, 2025 at 10:00 GMT",
/// "10 a.m. on Tuesday") into one TIME expression, and gives a time of day the day named near
/// it in its clause.
pub(crate) fn merge_date_and_clock(text: &str, items: &mut Vec<(Candidate, Resolved)>) {
    merge_adjacent(text, items);
    clock_on_nearby_day(text, items);
}

/// Most bytes between a time of day and the day of its clause ("took off Tuesday in Everett,
/// Washington at 18:00 UTC").
const CLOCK_DAY_REACH: usize = 60;

/// A time of day left on the publication date takes the day named near it in its clause, when
/// there is exactly one such day within [`CLOCK_DAY_REACH`] bytes and no sentence or clause
/// break between: "at 10:35 a.m. (0735 GMT) Friday" is Friday's 10:35.
fn clock_on_nearby_day(text: &str, items: &mut [(Candidate, Resolved)]) {
    let day_of = |r: &Resolved| {
        r.value
            .as_deref()
            .filter(|v| v.len() == 10 && v.as_bytes().get(4) == Some(&b'-'))
            .map(str::to_string)
    };
    let joined = |a: Span, b: Span| {
        let (from, to) = if a.end <= b.start {
            (a.end, b.start)
        } else {
            (b.end, a.start)
        };
        to - from <= CLOCK_DAY_REACH
            && text.get(from..to).is_some_and(|gap| {
                !gap.contains(['.', '!', '?', ';', '\n', '"', '\u{201c}', '\u{201d}'])
            })
    };
    for i in 0..items.len() {
        let Pending::Anchored(Anchor::Clock { hour, minute, utc }) = items[i].0.value else {
            continue;
        };
        let span = items[i].0.span;
        let days: Vec<String> = items
            .iter()
            .filter(|(c, _)| c.kind == TimexKind::Date && joined(span, c.span))
            .filter_map(|(_, r)| day_of(r))
            .collect();
        if let [day] = &days[..] {
            let zone = if utc { "Z" } else { "" };
            items[i].1.value = Some(format!("{day}T{hour:02}:{minute:02}{zone}"));
        }
    }
}

/// A day and a time of day written together ("Tuesday at 10 a.m.", "10 a.m. on Friday") become
/// one TIME.
fn merge_adjacent(text: &str, items: &mut Vec<(Candidate, Resolved)>) {
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let gap = text.get(a.0.span.end..b.0.span.start).unwrap_or("x");
        // The words between, read only for a short gap (most gaps are whole paragraphs).
        let gap_words = || {
            gap.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
        };
        let clock = |c: &Candidate| match c.value {
            Pending::Anchored(Anchor::Clock { hour, minute, utc }) => Some((hour, minute, utc)),
            _ => None,
        };
        let is_day = |r: &Resolved| r.value.as_deref().is_some_and(|v| v.len() == 10);
        let merged = if gap.len() <= 6 && !gap.contains('\n') {
            match (clock(&a.0), clock(&b.0)) {
                (None, Some((h, m, z))) if is_day(&a.1) && gap_words().all(|w| w == "at") => {
                    Some((a.1.value.clone(), a.1.relative, h, m, z))
                }
                (Some((h, m, z)), None) if is_day(&b.1) && gap_words().all(|w| w == "on") => {
                    Some((b.1.value.clone(), b.1.relative, h, m, z))
                }
                _ => None,
            }
        } else {
            None
        };
        if let Some((day, relative, h, m, utc)) = merged {
            let span = Span::new(a.0.span.start, b.0.span.end);
            let candidate = Candidate {
                span,
                kind: TimexKind::Time,
                value: Pending::Fixed(String::new()),
                modifier: None,
            };
            let zone = if utc { "Z" } else { "" };
            let value = day.map(|d| format!("{d}T{h:02}:{m:02}{zone}"));
            items[i] = (candidate, Resolved { value, relative });
            items.remove(i + 1);
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_default()
    }

    fn r(anchor: Anchor, dct: &str, tense: Tense) -> String {
        resolve(&anchor, d(dct), || tense, || false).unwrap_or_default()
    }

    #[test]
    fn weekdays_follow_direction_and_tense() {
        use Direction::{After, Before, Tense as ByTense};
        let wd = |weekday, direction| Anchor::Weekday {
            weekday,
            direction,
            part: None,
        };
        // 2025-12-03 is a Wednesday.
        assert_eq!(r(wd(2, ByTense), "2025-12-03", Tense::Past), "2025-12-02");
        assert_eq!(r(wd(4, ByTense), "2025-12-03", Tense::Future), "2025-12-04");
        assert_eq!(
            r(wd(4, ByTense), "2025-12-03", Tense::Unknown),
            "2025-11-27"
        );
        assert_eq!(r(wd(3, ByTense), "2025-12-03", Tense::Past), "2025-12-03");
        assert_eq!(r(wd(3, Before), "2025-12-03", Tense::Future), "2025-11-26");
        assert_eq!(r(wd(3, After), "2025-12-03", Tense::Past), "2025-12-10");
        assert_eq!(
            r(wd(5, Direction::ThisWeek), "2025-12-03", Tense::Past),
            "2025-12-05"
        );
        assert_eq!(
            r(wd(1, Direction::ThisWeek), "2025-12-03", Tense::Future),
            "2025-12-01"
        );
        assert_eq!(
            r(wd(4, Direction::NextWeek), "2025-11-06", Tense::Future),
            "2025-11-13"
        );
        assert_eq!(
            r(wd(1, Direction::NextWeek), "2025-11-06", Tense::Past),
            "2025-11-10"
        );
        let evening = Anchor::Weekday {
            weekday: 1,
            direction: ByTense,
            part: Some("EV"),
        };
        assert_eq!(r(evening, "2025-04-15", Tense::Past), "2025-04-14TEV");
    }

    #[test]
    fn calendar_units_cross_year_ends() {
        let cal = |unit, offset| Anchor::Calendar { unit, offset };
        assert_eq!(
            r(cal(CalendarUnit::Week, 1), "2025-11-26", Tense::Unknown),
            "2025-W49"
        );
        assert_eq!(
            r(cal(CalendarUnit::Week, 1), "2026-12-23", Tense::Unknown),
            "2026-W53"
        );
        assert_eq!(
            r(cal(CalendarUnit::Week, 1), "2026-12-30", Tense::Unknown),
            "2027-W01"
        );
        assert_eq!(
            r(cal(CalendarUnit::Week, 1), "2025-12-24", Tense::Unknown),
            "2026-W01"
        );
        assert_eq!(
            r(cal(CalendarUnit::Weekend, -1), "2025-11-26", Tense::Unknown),
            "2025-W47-WE"
        );
        assert_eq!(
            r(cal(CalendarUnit::Month, -1), "2026-01-10", Tense::Unknown),
            "2025-12"
        );
        assert_eq!(
            r(cal(CalendarUnit::Month, 1), "2025-12-10", Tense::Unknown),
            "2026-01"
        );
        assert_eq!(
            r(cal(CalendarUnit::Quarter, -1), "2025-02-10", Tense::Unknown),
            "2024-Q4"
        );
        assert_eq!(
            r(cal(CalendarUnit::Year, -1), "2025-02-10", Tense::Unknown),
            "2024"
        );
        assert_eq!(
            r(cal(CalendarUnit::Decade, 0), "2025-02-10", Tense::Unknown),
            "202"
        );
    }

    #[test]
    fn months_without_a_year() {
        use Direction::{After, Before, Tense as ByTense};
        let m = |month, direction| Anchor::MonthDay {
            month,
            day: None,
            direction,
            weekday: None,
        };
        assert_eq!(r(m(1, ByTense), "2025-12-03", Tense::Future), "2026-01");
        assert_eq!(r(m(1, ByTense), "2025-12-03", Tense::Past), "2026-01");
        assert_eq!(r(m(3, ByTense), "2025-12-03", Tense::Past), "2025-03");
        assert_eq!(r(m(1, ByTense), "2025-12-03", Tense::Unknown), "2026-01");
        assert_eq!(r(m(11, ByTense), "2025-12-03", Tense::Unknown), "2025-11");
        assert_eq!(r(m(12, ByTense), "2025-06-03", Tense::Unknown), "2025-12");
        assert_eq!(r(m(12, Before), "2026-01-03", Tense::Unknown), "2025-12");
        assert_eq!(r(m(5, After), "2025-05-03", Tense::Unknown), "2026-05");
        let md = |month, day| Anchor::MonthDay {
            month,
            day: Some(day),
            direction: ByTense,
            weekday: None,
        };
        assert_eq!(r(md(11, 24), "2025-11-26", Tense::Past), "2025-11-24");
        assert_eq!(r(md(12, 30), "2026-01-02", Tense::Unknown), "2025-12-30");
        assert_eq!(r(md(1, 5), "2025-12-30", Tense::Future), "2026-01-05");
        assert_eq!(r(md(2, 29), "2025-03-01", Tense::Unknown), "2024-02-29");
        // A past cue does not send a date a few weeks ahead eleven months back.
        assert_eq!(r(md(3, 12), "2025-02-16", Tense::Past), "2025-03-12");
        assert_eq!(r(md(1, 14), "2025-01-15", Tense::Future), "2025-01-14");
        assert_eq!(r(md(5, 12), "2025-02-16", Tense::Past), "2024-05-12");
        // A weekday written with the day names the year.
        let wd = |month, day, weekday| Anchor::MonthDay {
            month,
            day: Some(day),
            direction: ByTense,
            weekday: Some(weekday),
        };
        assert_eq!(r(wd(10, 26, 1), "2026-10-25", Tense::Past), "2026-10-26");
        assert_eq!(r(wd(10, 26, 7), "2026-10-25", Tense::Future), "2025-10-26");
    }

    #[test]
    fn months_in_a_year_named_from_the_publication_date() {
        let m = |month, day, offset| Anchor::MonthInYear { month, day, offset };
        assert_eq!(r(m(3, None, -1), "2025-12-10", Tense::Past), "2024-03");
        assert_eq!(
            r(m(9, Some(8), -1), "2026-03-06", Tense::Past),
            "2025-09-08"
        );
        assert_eq!(r(m(6, None, 1), "2025-12-10", Tense::Future), "2026-06");
        assert_eq!(r(m(5, None, 0), "2025-12-10", Tense::Future), "2025-05");
    }

    #[test]
    fn ago_and_days() {
        let ago = |amount, unit| Anchor::Ago { amount, unit };
        assert_eq!(r(ago(3, "Y"), "2025-04-15", Tense::Unknown), "2022");
        assert_eq!(r(ago(2, "W"), "2025-01-08", Tense::Unknown), "2024-W52");
        assert_eq!(r(ago(10, "D"), "2025-03-05", Tense::Unknown), "2025-02-23");
        assert_eq!(r(ago(2, "M"), "2025-01-15", Tense::Unknown), "2024-11");
        assert_eq!(r(ago(2, "DE"), "2025-01-15", Tense::Unknown), "200");
        let day = |offset| Anchor::Days { offset, part: None };
        assert_eq!(r(day(-1), "2025-03-01", Tense::Unknown), "2025-02-28");
        assert_eq!(r(day(1), "2025-12-31", Tense::Unknown), "2026-01-01");
    }

    #[test]
    fn seasons() {
        let s = |code, direction| Anchor::Season { code, direction };
        assert_eq!(
            r(s("SU", Direction::Before), "2025-11-10", Tense::Unknown),
            "2025-SU"
        );
        assert_eq!(
            r(s("SU", Direction::Before), "2025-07-10", Tense::Unknown),
            "2024-SU"
        );
        assert_eq!(
            r(s("SP", Direction::After), "2025-11-10", Tense::Unknown),
            "2026-SP"
        );
        assert_eq!(
            r(s("WI", Direction::Tense), "2026-01-10", Tense::Unknown),
            "2025-WI"
        );
    }
}
