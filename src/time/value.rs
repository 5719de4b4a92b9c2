//! TIMEX3 values as calendar terms: parsed from their lexical form ("2025-W49", "2022-FA") and
//! turned into the `xsd:date` / `xsd:gYearMonth` / `xsd:gYear` literals that an event's
//! `schema:startDate` and `schema:endDate` take.
//!
//! The value string is what the text said, at the granularity it said it; the XSD range is what
//! a query can compare. A week becomes its Monday and Sunday, a season its first and last month,
//! a decade its first and last year.

use jiff::civil::{Date, ISOWeekDate, Weekday};
use std::fmt;

/// A season, as TIMEX3 writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`: March to May (northern hemisphere, as news in English means it).
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November ("fall", "autumn").
    Fall,
    /// `WI`: December of the year to February of the next.
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Spring => "SP",
            Self::Summer => "SU",
            Self::Fall => "FA",
            Self::Winter => "WI",
        }
    }

    /// The season for a TIMEX3 code (`AU` is accepted for autumn).
    pub fn from_code(code: &str) -> Option<Season> {
        match code {
            "SP" => Some(Self::Spring),
            "SU" => Some(Self::Summer),
            "FA" | "AU" => Some(Self::Fall),
            "WI" => Some(Self::Winter),
            _ => None,
        }
    }

    /// First and last month (1-12) of the season; winter runs from December to February.
    pub fn months(self) -> (i8, i8) {
        match self {
            Self::Spring => (3, 5),
            Self::Summer => (6, 8),
            Self::Fall => (9, 11),
            Self::Winter => (12, 2),
        }
    }
}

/// The vague TIMEX3 references to the past, the present and the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reference {
    /// `PAST_REF`: "recently", "in the past".
    Past,
    /// `PRESENT_REF`: "now", "currently".
    Present,
    /// `FUTURE_REF`: "in the future", "the coming days".
    Future,
}

/// A parsed TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimeValue {
    /// A day, possibly with a time or a part of the day after it ("2025-11-24TEV",
    /// "2025-11-26T10:00"): `time` keeps what follows the `T`.
    Day {
        /// The calendar day.
        date: Date,
        /// The time of day as written after `T` ("EV", "10:00"), if any.
        time: Option<String>,
    },
    /// An ISO week: "2025-W49".
    Week {
        /// ISO week-numbering year.
        year: i16,
        /// ISO week, 1-53.
        week: i8,
    },
    /// The weekend of an ISO week: "2025-W47-WE".
    Weekend {
        /// ISO week-numbering year.
        year: i16,
        /// ISO week, 1-53.
        week: i8,
    },
    /// A month: "2025-11".
    Month {
        /// Year.
        year: i16,
        /// Month, 1-12.
        month: i8,
    },
    /// A season of a year: "2022-FA".
    Season {
        /// Year.
        year: i16,
        /// Which season.
        season: Season,
    },
    /// A quarter: "2025-Q1".
    Quarter {
        /// Year.
        year: i16,
        /// Quarter, 1-4.
        quarter: i8,
    },
    /// A half year: "2025-H2".
    Half {
        /// Year.
        year: i16,
        /// Half, 1-2.
        half: i8,
    },
    /// A year: "2025".
    Year(i16),
    /// A decade, by its first year: value "199" is `Decade(1990)`.
    Decade(i16),
    /// A century, by its first year: value "19" (the 20th century) is `Century(1900)`.
    Century(i16),
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`.
    Reference(Reference),
    /// A duration ("P3Y", "PT5H", "PXDE"), kept as written.
    Duration(String),
}

/// The XSD datatype of a date literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum XsdDateType {
    /// `xsd:date`: "2025-11-26".
    Date,
    /// `xsd:gYearMonth`: "2025-11".
    GYearMonth,
    /// `xsd:gYear`: "2025".
    GYear,
}

impl XsdDateType {
    /// The local name in the XSD namespace: `date`, `gYearMonth`, `gYear`.
    pub fn local_name(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::GYearMonth => "gYearMonth",
            Self::GYear => "gYear",
        }
    }
}

/// A date literal: its lexical form and XSD datatype.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct XsdDate {
    /// The lexical form: "2025-11-26", "2025-11", "2025".
    pub lexical: String,
    /// Which XSD type the lexical form is in.
    pub datatype: XsdDateType,
}

impl XsdDate {
    /// An `xsd:date`.
    pub fn date(date: Date) -> Self {
        Self {
            lexical: date.to_string(),
            datatype: XsdDateType::Date,
        }
    }

    /// An `xsd:gYearMonth`.
    pub fn year_month(year: i16, month: i8) -> Self {
        Self {
            lexical: format!("{year:04}-{month:02}"),
            datatype: XsdDateType::GYearMonth,
        }
    }

    /// An `xsd:gYear`.
    pub fn year(year: i16) -> Self {
        Self {
            lexical: format!("{year:04}"),
            datatype: XsdDateType::GYear,
        }
    }
}

impl TimeValue {
    /// Parses a TIMEX3 value. Returns `None` for values this crate never writes and for
    /// underspecified ones ("XXXX-11", "XXXX-WXX-1").
    pub fn parse(value: &str) -> Option<TimeValue> {
        let v = value.trim();
        match v {
            "PAST_REF" => return Some(Self::Reference(Reference::Past)),
            "PRESENT_REF" => return Some(Self::Reference(Reference::Present)),
            "FUTURE_REF" => return Some(Self::Reference(Reference::Future)),
            _ => {}
        }
        if let Some(rest) = v.strip_prefix('P') {
            let ok = !rest.is_empty()
                && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
                && rest.chars().any(|c| c.is_ascii_uppercase());
            return ok.then(|| Self::Duration(v.to_string()));
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (head, rest) = v.split_at(v.find('-').unwrap_or(v.len()));
        if !digits(head) {
            return None;
        }
        match (head.len(), rest) {
            (2, "") => return head.parse::<i16>().ok().map(|c| Self::Century(c * 100)),
            (3, "") => return head.parse::<i16>().ok().map(|d| Self::Decade(d * 10)),
            (4, "") => return head.parse().ok().map(Self::Year),
            (4, _) => {}
            _ => return None,
        }
        let year: i16 = head.parse().ok()?;
        let rest = &rest[1..];
        if let Some(season) = Season::from_code(rest) {
            return Some(Self::Season { year, season });
        }
        if let Some(w) = rest.strip_prefix('W') {
            let (week, weekend) = match w.strip_suffix("-WE") {
                Some(week) => (week, true),
                None => (w, false),
            };
            if week.len() != 2 || !digits(week) {
                return None;
            }
            let week: i8 = week.parse().ok()?;
            ISOWeekDate::new(year, week, Weekday::Monday).ok()?;
            return Some(if weekend {
                Self::Weekend { year, week }
            } else {
                Self::Week { year, week }
            });
        }
        if let Some(q) = rest.strip_prefix('Q') {
            let quarter: i8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            return Some(Self::Quarter { year, quarter });
        }
        if let Some(h) = rest.strip_prefix('H') {
            let half: i8 = h.parse().ok().filter(|h| (1..=2).contains(h))?;
            return Some(Self::Half { year, half });
        }
        let (month, rest) = rest.split_at(rest.find('-').unwrap_or(rest.len()));
        if month.len() != 2 || !digits(month) {
            return None;
        }
        let month: i8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
        if rest.is_empty() {
            return Some(Self::Month { year, month });
        }
        let rest = &rest[1..];
        let (day, time) = match rest.split_once('T') {
            Some((day, time)) => (day, Some(time.to_string()).filter(|t| !t.is_empty())),
            None => (rest, None),
        };
        if day.len() != 2 || !digits(day) {
            return None;
        }
        let date = Date::new(year, month, day.parse().ok()?).ok()?;
        Some(Self::Day { date, time })
    }

    /// What goes into `schema:startDate` / `schema:endDate`: the first and (when it is not the
    /// same literal) the last calendar unit the value covers, at the finest XSD granularity
    /// that states it exactly. `None` for references and durations.
    pub fn date_range(&self) -> Option<(XsdDate, Option<XsdDate>)> {
        match *self {
            Self::Day { date, .. } => Some((XsdDate::date(date), None)),
            Self::Week { year, week } => {
                let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
                let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
                Some((XsdDate::date(monday), Some(XsdDate::date(sunday))))
            }
            Self::Weekend { year, week } => {
                let saturday = ISOWeekDate::new(year, week, Weekday::Saturday).ok()?.date();
                let sunday = ISOWeekDate::new(year, week, Weekday::Sunday).ok()?.date();
                Some((XsdDate::date(saturday), Some(XsdDate::date(sunday))))
            }
            Self::Month { year, month } => Some((XsdDate::year_month(year, month), None)),
            Self::Season {
                year,
                season: Season::Winter,
            } => Some((
                XsdDate::year_month(year, 12),
                Some(XsdDate::year_month(year.checked_add(1)?, 2)),
            )),
            Self::Season { year, season } => {
                let (first, last) = season.months();
                Some((
                    XsdDate::year_month(year, first),
                    Some(XsdDate::year_month(year, last)),
                ))
            }
            Self::Quarter { year, quarter } => {
                let first = (quarter - 1) * 3 + 1;
                Some((
                    XsdDate::year_month(year, first),
                    Some(XsdDate::year_month(year, first + 2)),
                ))
            }
            Self::Half { year, half } => {
                let first = (half - 1) * 6 + 1;
                Some((
                    XsdDate::year_month(year, first),
                    Some(XsdDate::year_month(year, first + 5)),
                ))
            }
            Self::Year(year) => Some((XsdDate::year(year), None)),
            Self::Decade(first) => Some((XsdDate::year(first), Some(XsdDate::year(first + 9)))),
            Self::Century(first) => Some((XsdDate::year(first), Some(XsdDate::year(first + 99)))),
            Self::Reference(_) | Self::Duration(_) => None,
        }
    }
}

impl fmt::Display for TimeValue {
    /// Writes the TIMEX3 value; `parse` reads it back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day { date, time: None } => write!(f, "{date}"),
            Self::Day {
                date,
                time: Some(t),
            } => write!(f, "{date}T{t}"),
            Self::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Self::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Self::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Self::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Self::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Self::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Self::Year(year) => write!(f, "{year:04}"),
            Self::Decade(first) => write!(f, "{:03}", first / 10),
            Self::Century(first) => write!(f, "{:02}", first / 100),
            Self::Reference(Reference::Past) => f.write_str("PAST_REF"),
            Self::Reference(Reference::Present) => f.write_str("PRESENT_REF"),
            Self::Reference(Reference::Future) => f.write_str("FUTURE_REF"),
            Self::Duration(d) => f.write_str(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str) -> Option<(String, Option<String>)> {
        let (start, end) = TimeValue::parse(value)?.date_range()?;
        let show = |d: XsdDate| format!("{}^{}", d.lexical, d.datatype.local_name());
        Some((show(start), end.map(show)))
    }

    #[test]
    fn values_round_trip() {
        for v in [
            "2025-11-26",
            "2025-11-24TEV",
            "2025-11-26T10:00",
            "2025-W49",
            "2025-W47-WE",
            "2025-11",
            "2022-FA",
            "2025-Q1",
            "2025-H2",
            "2025",
            "199",
            "19",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "P3Y",
            "PT5H",
            "PXDE",
        ] {
            let parsed = TimeValue::parse(v).unwrap_or_else(|| panic!("{v} does not parse"));
            assert_eq!(parsed.to_string(), v);
        }
    }

    #[test]
    fn malformed_or_underspecified_values_do_not_parse() {
        for v in [
            "",
            "XXXX-11",
            "XXXX-WXX-1",
            "2025-13",
            "2025-02-30",
            "2025-W60",
            "P",
            "20x5",
        ] {
            assert_eq!(TimeValue::parse(v), None, "{v}");
        }
    }

    #[test]
    fn date_ranges_follow_the_granularity() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("2025-11-26", "2025-11-26^date", None),
            ("2025-11-24TEV", "2025-11-24^date", None),
            ("2025-11", "2025-11^gYearMonth", None),
            ("2025", "2025^gYear", None),
            ("2025-W49", "2025-12-01^date", Some("2025-12-07^date")),
            ("2025-W47-WE", "2025-11-22^date", Some("2025-11-23^date")),
            ("2020-W53", "2020-12-28^date", Some("2021-01-03^date")),
            ("2022-FA", "2022-09^gYearMonth", Some("2022-11^gYearMonth")),
            ("2022-WI", "2022-12^gYearMonth", Some("2023-02^gYearMonth")),
            ("2025-Q2", "2025-04^gYearMonth", Some("2025-06^gYearMonth")),
            ("2025-H2", "2025-07^gYearMonth", Some("2025-12^gYearMonth")),
            ("199", "1990^gYear", Some("1999^gYear")),
            ("19", "1900^gYear", Some("1999^gYear")),
        ];
        for &(value, start, end) in cases {
            let expected = Some((start.to_string(), end.map(str::to_string)));
            assert_eq!(range(value), expected, "{value}");
        }
        assert_eq!(range("P3Y"), None);
        assert_eq!(range("PAST_REF"), None);
    }
}
