//! The publication date an article states about itself, which anchors every relative date in
//! it ("last week", "on Tuesday").
//!
//! Read from the text alone, in this order of trust:
//! 1. a byline near the top ("By Jane Doe | Nov 26, 2025", "Published: 26 November 2025",
//!    "- Nov 26, 2025");
//! 2. a dateline opening the body ("KYIV, Nov 26, 2025 (Reuters) -"; a dateline without a
//!    year, as agencies write them, says nothing about the year and is ignored);
//! 3. a closing line ("Newsroom in Europe – 27 November 2025");
//! 4. a date inside a source URL stated in the text ("Source: https://.../talks-2025-11-26/");
//! 5. a full date the lead says something was confirmed or announced on.
//!
//! Only full dates count (day, month and year written out); nothing is guessed from the clock,
//! from file times, or from a date mentioned in the body.

use super::recognize::{candidates, may_hold_a_day, Pending};
use super::value::TimeValue;
use crate::text::{DateOrigin, PublicationDate, Span};
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// How many non-empty lines at the top may hold a byline or a dateline.
const HEAD_LINES: usize = 12;
/// How many bytes at the top may hold a byline or a dateline.
const HEAD_BYTES: usize = 3000;
/// How many non-empty lines at the end may hold a closing line.
const TAIL_LINES: usize = 6;
/// Longest line read as a byline or closing line.
const SHORT_LINE: usize = 160;

/// Words a byline may hold besides the date and the author's name.
const BYLINE_FILLER: &[&str] = &[
    "by",
    "published",
    "updated",
    "posted",
    "on",
    "at",
    "last",
    "modified",
    "date",
    "time",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "cet",
    "cest",
    "bst",
    "msk",
    "pt",
    "pst",
    "pdt",
    "eet",
    "eest",
    "local",
    "first",
    "and",
    "|",
    "-",
    "–",
    "—",
    "•",
    "·",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "editor",
    "staff",
    "reporter",
    "correspondent",
];

/// A date inside a URL path: "/2025/11/26/" or "-2025-11-26/".
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"(?:/(?P<y1>(?:19|20)[0-9]{2})/(?P<m1>0?[1-9]|1[0-2])/(?P<d1>0?[1-9]|[12][0-9]|3[01])(?:[/._?#-]|$)|[/_-](?P<y2>(?:19|20)[0-9]{2})-(?P<m2>0[1-9]|1[0-2])-(?P<d2>0[1-9]|[12][0-9]|3[01])(?:[/._?#-]|$))",
    )
});

static URL: LazyLock<Regex> =
    LazyLock::new(|| super::patterns::compile(r#"(?:https?://|www\.)[^\s<>()\[\]"']+"#));

/// Openings of a line that names the article's own source.
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"^[\s*_\[(>#-]*(?:sources?|originally{S}published|original{S}(?:article|story)|read{S}(?:more|the{S}original)|via|url|link|published{S}(?:at|on|by))\b",
    )
});

/// A reporting verb and "on" right before a date in the lead.
static LEAD_VERB: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"{B}(?:confirmed|announced|said|reported|stated|told|declared|revealed|disclosed){S}on{S}$",
    )
});

/// A reporting verb and "on" anywhere: without one, the lead cannot confirm a date, and the
/// time recognizer need not run over it.
static LEAD_VERB_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    super::patterns::compile(
        r"{B}(?:confirmed|announced|said|reported|stated|told|declared|revealed|disclosed){S}on{S}",
    )
});

/// Full dates (day, month, year) in `text[range]`, with their spans in `text`.
///
/// A day with its year has at least three digits ("Mar 3, '24"): a line with fewer is skipped
/// without running the time recognizer, which made this search a quarter of all extraction
/// time on wire-service text, where the head's short lines are read one by one.
///
/// Most such lines hold numbers but no full date: the rules that write full dates are asked
/// first ([`may_hold_a_day`]), and all of them run only when one finds a day.
fn full_dates(text: &str, range: Span) -> Vec<(Span, Date)> {
    let slice = range.of(text);
    if slice.chars().filter(|c| c.is_numeric()).take(3).count() < 3 || !may_hold_a_day(slice) {
        return Vec::new();
    }
    candidates(slice)
        .into_iter()
        .filter_map(|c| match c.value {
            Pending::Fixed(v) => match TimeValue::parse(&v) {
                Some(TimeValue::Day { date, .. }) => Some((c.span.shift(range.start), date)),
                _ => None,
            },
            Pending::Anchored(_) => None,
        })
        .collect()
}

/// Non-empty lines with their spans (without the line break, trimmed).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let lead = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            out.push(Span::new(start + lead, start + lead + content.len()));
        }
        start += line.len();
    }
    out
}

/// The words of `s` that are not byline filler, dates' leftovers or punctuation.
fn content_words(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ':' | '(' | ')' | '/'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        })
        .filter(|w| {
            !BYLINE_FILLER.contains(&w.to_lowercase().trim_end_matches('.'))
                && !BYLINE_FILLER.contains(&w.to_lowercase().as_str())
        })
        .count()
}

fn byline(text: &str, lines: &[Span]) -> Option<(Date, Span)> {
    let mut best: Option<(u8, Date, Span)> = None;
    for &line in lines
        .iter()
        .take(HEAD_LINES)
        .filter(|l| l.start < HEAD_BYTES)
    {
        let content = line.of(text);
        if content.len() > SHORT_LINE || content.starts_with('|') {
            continue;
        }
        let lower = content.to_lowercase();
        for (span, date) in full_dates(text, line) {
            let rest = format!(
                "{} {}",
                text.get(line.start..span.start).unwrap_or(""),
                text.get(span.end..line.end).unwrap_or("")
            );
            let words = content_words(&rest);
            let marker = ["published", "posted", "updated", "modified", "date"]
                .iter()
                .any(|m| lower.contains(m))
                || lower
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .starts_with("by ");
            if words > if marker { 6 } else { 0 } {
                continue;
            }
            let rank = if lower.contains("published") || lower.contains("posted") {
                0
            } else if lower.contains("updated") || lower.contains("modified") {
                2
            } else {
                1
            };
            if best.map_or(true, |(r, _, _)| rank < r) {
                best = Some((rank, date, span));
            }
        }
    }
    best.map(|(_, date, span)| (date, span))
}

fn dateline(text: &str, lines: &[Span]) -> Option<(Date, Span)> {
    for &line in lines
        .iter()
        .take(HEAD_LINES)
        .filter(|l| l.start < HEAD_BYTES)
    {
        let content = line.of(text);
        let place_caps = content
            .chars()
            .take_while(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-'))
            .count();
        if place_caps < 3 {
            continue;
        }
        let Some(&(span, date)) = full_dates(text, line).first() else {
            continue;
        };
        let before = text.get(line.start..span.start).unwrap_or("");
        let place_like = before.len() <= 60
            && before.trim_end().ends_with(',')
            && before
                .chars()
                .all(|c| c.is_alphabetic() || " .,'\u{2019}/-".contains(c));
        let after = text.get(span.end..line.end).unwrap_or("").trim_start();
        let after = match after.strip_prefix('(') {
            Some(rest) => rest.split_once(')').map_or("", |(_, r)| r).trim_start(),
            None => after,
        };
        if place_like && after.starts_with(['-', '\u{2013}', '\u{2014}', ':']) {
            return Some((date, span));
        }
    }
    None
}

fn closing_line(text: &str, lines: &[Span]) -> Option<(Date, Span)> {
    let tail = lines.len().saturating_sub(TAIL_LINES);
    for &line in lines[tail..].iter().rev() {
        let content = line.of(text);
        if content.len() > SHORT_LINE || content.starts_with('|') {
            continue;
        }
        let Some(&(span, date)) = full_dates(text, line).last() else {
            continue;
        };
        let after = text.get(span.end..line.end).unwrap_or("");
        let after_ok = after
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','))
            .is_empty()
            || (after.len() <= 16 && content_words(after) == 0);
        let before = text.get(line.start..span.start).unwrap_or("").trim_end();
        let lower = before.to_lowercase();
        let before_ok = before.is_empty()
            || before.ends_with([
                '-', '\u{2013}', '\u{2014}', '|', ',', ':', '\u{2022}', '\u{b7}',
            ])
            || ["on", "published", "updated", "posted", "dated"]
                .iter()
                .any(|w| lower.ends_with(w));
        if after_ok && before_ok && before.split_whitespace().count() <= 12 {
            return Some((date, span));
        }
    }
    None
}

fn url_date(text: &str, lines: &[Span]) -> Option<(Date, Span)> {
    // A date is read only from a URL, and a line holds one only if the text does: one search of
    // the text spares two regex searches per line of most articles.
    if !URL.is_match(text) {
        return None;
    }
    let n = lines.len();
    for (i, &line) in lines.iter().enumerate() {
        let content = line.of(text);
        let alone = URL.find(content).is_some_and(|m| {
            let outside = content.replace(m.as_str(), "");
            outside
                .chars()
                .all(|c| !c.is_alphanumeric() || c.is_whitespace())
                || content_words(&outside) == 0
        });
        let edge = i < 3 || i + 5 >= n;
        if !(SOURCE_LINE.is_match(content) || alone && edge) {
            continue;
        }
        for url in URL.find_iter(content) {
            let Some(caps) = URL_DATE.captures(url.as_str()) else {
                continue;
            };
            let num = |a: &str, b: &str| {
                caps.name(a)
                    .or_else(|| caps.name(b))
                    .and_then(|m| m.as_str().parse::<i16>().ok())
            };
            let (Some(y), Some(m), Some(d)) = (num("y1", "y2"), num("m1", "m2"), num("d1", "d2"))
            else {
                continue;
            };
            let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
                continue;
            };
            let Ok(date) = Date::new(y, m, d) else {
                continue;
            };
            let first = caps
                .name("y1")
                .or_else(|| caps.name("y2"))
                .map_or(0, |g| g.start());
            let last = caps
                .name("d1")
                .or_else(|| caps.name("d2"))
                .map_or(0, |g| g.end());
            let base = line.start + url.start();
            return Some((date, Span::new(base + first, base + last)));
        }
    }
    None
}

fn lead(text: &str, lines: &[Span]) -> Option<(Date, Span)> {
    // The lead: the body's first lines after the headline, within the first 1,200 bytes.
    let start = lines.get(1)?.start;
    let mut end = (start + 1200).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if !LEAD_VERB_ANYWHERE.is_match(text.get(start..end).unwrap_or("")) {
        return None;
    }
    full_dates(text, Span::new(start, end))
        .into_iter()
        .find(|(span, _)| LEAD_VERB.is_match(text.get(start..span.start).unwrap_or("")))
        .map(|(span, date)| (date, span))
}

/// The publication date stated in `text`, where it was found, and the span it was read from.
pub(crate) fn infer(text: &str) -> Option<(PublicationDate, Span)> {
    let lines = lines(text);
    let found = [
        (DateOrigin::Byline, byline(text, &lines)),
        (DateOrigin::Dateline, dateline(text, &lines)),
        (DateOrigin::ClosingLine, closing_line(text, &lines)),
        (DateOrigin::Url, url_date(text, &lines)),
        (DateOrigin::Lead, lead(text, &lines)),
    ];
    found
        .into_iter()
        .find_map(|(origin, hit)| hit.map(|(date, span)| (PublicationDate { date, origin }, span)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Option<(String, DateOrigin, String)> {
        infer(text).map(|(p, span)| (p.date.to_string(), p.origin, span.of(text).to_string()))
    }

    fn hit(date: &str, origin: DateOrigin, span: &str) -> Option<(String, DateOrigin, String)> {
        Some((date.to_string(), origin, span.to_string()))
    }

    #[test]
    fn bylines() {
        let text =
            "Ministers agree on grain deal\n- by Staff Writer.\n- Mar 3, 2024\nThe ministers met.";
        assert_eq!(
            check(text),
            hit("2024-03-03", DateOrigin::Byline, "Mar 3, 2024")
        );
        let text = "Headline\nBy Jane Roe | Oct 8, 2023\nBody text follows here.";
        assert_eq!(
            check(text),
            hit("2023-10-08", DateOrigin::Byline, "Oct 8, 2023")
        );
        let text = "Headline\nUpdated Oct. 9, 2023 10:00 ET\nPublished: 8 October 2023\nBody.";
        assert_eq!(
            check(text),
            hit("2023-10-08", DateOrigin::Byline, "8 October 2023")
        );
    }

    #[test]
    fn datelines_need_a_year() {
        let text = "Headline\nKYIV, Oct 8, 2023 (Reuters) - Officials said on Sunday that...";
        assert_eq!(
            check(text),
            hit("2023-10-08", DateOrigin::Dateline, "Oct 8, 2023")
        );
        let text = "Headline\nKYIV, Oct 8 (Reuters) - Officials said on Sunday that...";
        assert_eq!(check(text), None);
    }

    #[test]
    fn closing_lines_and_urls() {
        let text = "Headline\nThe council met.\nNewsdesk in Asia \u{2013} 4 July 2024\nComments";
        assert_eq!(
            check(text),
            hit("2024-07-04", DateOrigin::ClosingLine, "4 July 2024")
        );
        let text = "Headline\nThe council met.\nSource: [https://example.org/world/council-meets-2024-07-04/](https://example.org/world/council-meets-2024-07-04/)\nMore text.";
        assert_eq!(
            check(text),
            hit("2024-07-04", DateOrigin::Url, "2024-07-04")
        );
        let text = "Headline\nBody.\nSource: https://example.org/2024/07/04/council-meets\n";
        assert_eq!(
            check(text),
            hit("2024-07-04", DateOrigin::Url, "2024/07/04")
        );
    }

    #[test]
    fn lead_confirmation() {
        let text = "Headline\nThe ministry confirmed on March 2, 2024, that talks took place.";
        assert_eq!(
            check(text),
            hit("2024-03-02", DateOrigin::Lead, "March 2, 2024")
        );
    }

    #[test]
    fn dates_in_the_body_are_not_publication_dates() {
        let text = "Headline\nThe invasion began in February 2022. On March 3, 2022, troops advanced.\nIn the body, a table:\n| March 3, 2022 | Advance |\nEnd of story.";
        assert_eq!(check(text), None);
        let text = "Talks set for November 30, 2025 in Geneva\nOfficials will meet.";
        assert_eq!(check(text), None);
        assert_eq!(check(""), None);
    }
}
