//! Holidays named instead of dated: "Thanksgiving Day", "last Christmas", "on Election Day",
//! "New Year's Eve". TimeML values them as the calendar date they fall on, so "Thanksgiving"
//! written in January 2000 about a past rescue is 1999-11-25.
//!
//! Only holidays whose date follows from the calendar alone are here (fixed days and the
//! "fourth Thursday of November" kind); movable feasts (Easter, Ramadan) need tables and are left
//! out rather than guessed. The year comes like a date without a year's: "last"/"next" say which
//! way, otherwise the clause's tense ([`super::normalize`]).

use super::context::{after, is_capitalized, is_one_of, next_word};
use super::recognize::{group, text_of, whole, Anchor, Candidate, Direction, Rule};
use super::TimexKind;
use jiff::civil::{Date, Weekday};
use regex::Captures;

/// A holiday whose date each year follows from the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// December 25.
    Christmas,
    /// December 24.
    ChristmasEve,
    /// January 1.
    NewYearsDay,
    /// December 31.
    NewYearsEve,
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// US Labor Day: the first Monday of September.
    LaborDay,
    /// US Memorial Day: the last Monday of May.
    MemorialDay,
    /// US general Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
    /// July 4 in the US ("Independence Day" is ambiguous elsewhere, so only "the Fourth of July").
    FourthOfJuly,
    /// November 11 ("Veterans Day", "Armistice Day").
    VeteransDay,
    /// February 14.
    ValentinesDay,
    /// October 31.
    Halloween,
}

impl Holiday {
    /// The holiday's date in `year`.
    pub(crate) fn date_in(self, year: i16) -> Option<Date> {
        let nth = |month: i8, weekday: Weekday, n: i8| -> Option<Date> {
            let first = Date::new(year, month, 1).ok()?;
            let offset = (weekday.to_monday_one_offset() - first.weekday().to_monday_one_offset())
                .rem_euclid(7);
            Date::new(year, month, 1 + offset + 7 * (n - 1)).ok()
        };
        match self {
            Self::Christmas => Date::new(year, 12, 25).ok(),
            Self::ChristmasEve => Date::new(year, 12, 24).ok(),
            Self::NewYearsDay => Date::new(year, 1, 1).ok(),
            Self::NewYearsEve => Date::new(year, 12, 31).ok(),
            Self::Thanksgiving => nth(11, Weekday::Thursday, 4),
            Self::LaborDay => nth(9, Weekday::Monday, 1),
            Self::MemorialDay => {
                let last = Date::new(year, 5, 31).ok()?;
                let back = (last.weekday().to_monday_one_offset() - 1).rem_euclid(7);
                Date::new(year, 5, 31 - back).ok()
            }
            Self::ElectionDay => {
                let monday = nth(11, Weekday::Monday, 1)?;
                Date::new(year, 11, monday.day() + 1).ok()
            }
            Self::FourthOfJuly => Date::new(year, 7, 4).ok(),
            Self::VeteransDay => Date::new(year, 11, 11).ok(),
            Self::ValentinesDay => Date::new(year, 2, 14).ok(),
            Self::Halloween => Date::new(year, 10, 31).ok(),
        }
    }

    /// The holiday a written name stands for (case and spacing folded, "Day" optional).
    fn from_name(name: &str) -> Option<Self> {
        let folded: String = name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .replace('\u{2019}', "'");
        let folded = folded.strip_suffix(" day").unwrap_or(&folded);
        Some(match folded {
            "christmas" => Self::Christmas,
            "christmas eve" => Self::ChristmasEve,
            "new year's" | "new years" => Self::NewYearsDay,
            "new year's eve" | "new years eve" => Self::NewYearsEve,
            "thanksgiving" => Self::Thanksgiving,
            "labor" | "labour" => Self::LaborDay,
            "memorial" => Self::MemorialDay,
            "election" => Self::ElectionDay,
            "the fourth of july" | "fourth of july" => Self::FourthOfJuly,
            "veterans" | "veterans'" | "armistice" => Self::VeteransDay,
            "valentine's" | "st. valentine's" | "valentines" => Self::ValentinesDay,
            "halloween" => Self::Halloween,
            _ => return None,
        })
    }

    /// True when the name needs "Day" after it to be the holiday ("Labor Day", not "Labor").
    fn needs_day(name: &str) -> bool {
        let lower = name.to_lowercase();
        [
            "labor",
            "labour",
            "memorial",
            "election",
            "veterans",
            "armistice",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
    }
}

/// The rules of this file.
pub(crate) fn rules() -> Vec<Rule> {
    vec![Rule::new(
        "holiday",
        r"{B}(?:(?P<rel>last|next|this{S}past|this{S}coming|this){S})?(?P<name>Christmas(?:{S}Eve)?|New{S}Year['\u{2019}]?s(?:{S}Eve)?|Thanksgiving|Labou?r|Memorial|Election|Veterans['\u{2019}]?|Armistice|(?:the{S})?Fourth{S}of{S}July|(?:St\.?{S})?Valentine['\u{2019}]?s|Halloween)(?P<day>{S}Day)?{B}",
        holiday,
    )]
}

fn holiday(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(name_span), Some(name)) = (group(caps, "name"), text_of(caps, "name")) else {
        return;
    };
    // Holidays are proper names: "labor day" in lower case is rarely the holiday, "election day"
    // is any election's day.
    let bare = name
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("the "))
        .map_or(name, |_| name[4..].trim_start());
    if !is_capitalized(bare) {
        return;
    }
    let has_day = text_of(caps, "day").is_some();
    if Holiday::needs_day(name) && !has_day {
        return;
    }
    let Some(which) = Holiday::from_name(name) else {
        return;
    };
    // "Christmas trees", "Thanksgiving dinner": the holiday as a modifier of a thing, which
    // TimeML leaves alone. A capitalized next word is a name ("Christmas
    // Island").
    let end = whole(caps).end;
    let next = next_word(text, end);
    // "the Christmas shopping season", "Christmas sales": the trading stretch around the
    // holiday, a span of days of no stated length (MEANTIME: PXD), not the day itself.
    if !has_day && is_one_of(next, TRADING_STRETCH) {
        out.push(Candidate::fixed(
            name_span,
            TimexKind::Duration,
            "PXD".to_string(),
        ));
        return;
    }
    let modifies_next =
        next.is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic) && !is_stop(w));
    // "the Christmas and New Year sales period": two holidays before one noun modify it both.
    let modifies_with_another = is_one_of(next, &["and", "or"])
        && after(text, end, 40)
            .split_whitespace()
            .skip(1)
            .take(3)
            .any(|w| is_one_of(Some(w.trim_end_matches(['.', ','])), TRADING_STRETCH));
    if !has_day && (modifies_next || modifies_with_another) {
        return;
    }
    let direction = match text_of(caps, "rel").map(|r| {
        r.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    }) {
        Some(r) if r == "last" || r == "this past" => Direction::Before,
        Some(r) if r == "next" || r == "this coming" => Direction::After,
        _ => Direction::Tense,
    };
    let start = if text_of(caps, "rel").is_some() {
        whole(caps).start
    } else {
        name_span.start
    };
    let span = crate::text::Span::new(start, end);
    out.push(Candidate::anchored(
        span,
        TimexKind::Date,
        Anchor::Holiday { which, direction },
    ));
}

/// Nouns after a holiday that make it the stretch of trading around it ("Christmas sales").
const TRADING_STRETCH: &[&str] = &["sales", "shopping", "season", "period", "rush", "trading"];

/// Words after a holiday name that leave it the day itself ("on Thanksgiving and", "Christmas
/// morning" is a part of the day, handled as the day).
fn is_stop(word: &str) -> bool {
    const STOP: &[&str] = &[
        "and",
        "or",
        "but",
        "when",
        "after",
        "before",
        "this",
        "last",
        "next",
        "in",
        "on",
        "at",
        "to",
        "with",
        "the",
        "a",
        "as",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "morning",
        "evening",
        "night",
        "afternoon",
        "is",
        "was",
        "will",
        "has",
        "had",
        "that",
        "for",
        "of",
        "by",
        "from",
        "while",
        "until",
        "since",
    ];
    STOP.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_calendar() {
        let d = |h: Holiday, y| h.date_in(y).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(d(Holiday::Thanksgiving, 1999), "1999-11-25");
        assert_eq!(d(Holiday::Thanksgiving, 2025), "2025-11-27");
        assert_eq!(d(Holiday::ElectionDay, 1998), "1998-11-03");
        assert_eq!(d(Holiday::ElectionDay, 2020), "2020-11-03");
        assert_eq!(d(Holiday::ElectionDay, 2022), "2022-11-08");
        assert_eq!(d(Holiday::MemorialDay, 2025), "2025-05-26");
        assert_eq!(d(Holiday::LaborDay, 2025), "2025-09-01");
        assert_eq!(d(Holiday::Christmas, 2024), "2024-12-25");
    }

    #[test]
    fn names_fold() {
        assert_eq!(
            Holiday::from_name("Thanksgiving  Day"),
            Some(Holiday::Thanksgiving)
        );
        assert_eq!(
            Holiday::from_name("New Year\u{2019}s Eve"),
            Some(Holiday::NewYearsEve)
        );
        assert_eq!(Holiday::from_name("Easter"), None);
        assert!(Holiday::needs_day("Labor"));
        assert!(!Holiday::needs_day("Christmas"));
    }
}
