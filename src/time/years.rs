//! Rules for years and longer spans written out: "in 2014", "the 2022 invasion", "from 2014 to
//! 2022", "early 2024", "the first quarter of 2025", "fall 2022", "the 1990s", "the 20th
//! century".
//!
//! A four-digit number is a year only where the words around it say so ("in", "since", "the
//! ... invasion", "2022's"); "600,000 troops", "$2024", "a force of 2000" and "2000 troops"
//! are amounts.

use super::absolute::{number_continues, preceded_by_amount};
use super::context::{
    after, at_sentence_start, is_capitalized, is_one_of, next_char, next_word, prev_word,
    prev_word2,
};
use super::lexicon::WORDS;
use super::patterns::edge_mod;
use super::recognize::{group, text_of, whole, Candidate, Rule};
use super::{TimexKind, TimexMod};
use crate::text::Span;
use regex::Captures;

/// Words before a bare year that make it a year ("in 2014", "since 2014").
const YEAR_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "circa",
    "fiscal",
    "due",
    "year",
    "years",
];

/// Determiners before a year used as a modifier ("the 2022 invasion").
const YEAR_DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
];

/// Words after a number that make it a count, not a year ("in 2000 troops").
const COUNT_WORDS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "men",
    "women",
    "children",
    "civilians",
    "residents",
    "refugees",
    "deaths",
    "dead",
    "casualties",
    "cases",
    "votes",
    "units",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "square",
    "percent",
    "per",
    "pc",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "pounds",
    "rubles",
    "roubles",
    "hryvnias",
    "mw",
    "gw",
    "kg",
    "times",
    "strong",
    "points",
    "feet",
    "ft",
    "hectares",
    "acres",
    "barrels",
    "homes",
    "houses",
    "buildings",
    "jobs",
    "prisoners",
    "pow",
    "pows",
    "drones",
    "missiles",
    "tanks",
    "rounds",
    "shells",
];

/// Nouns that name a happening or a stretch of time, before "of" and a year ("the accord of
/// 2015", "the first nine months of 1997", "the summer of 1990"): the year dates them.
const DATED_BY_OF: &[&str] = &[
    "accord",
    "agreement",
    "treaty",
    "pact",
    "deal",
    "settlement",
    "law",
    "act",
    "crisis",
    "revolution",
    "war",
    "election",
    "elections",
    "census",
    "constitution",
    "crash",
    "uprising",
    "riots",
    "coup",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "months",
    "weeks",
    "days",
    "half",
    "end",
    "start",
    "beginning",
    "middle",
    "part",
    "rest",
    "remainder",
    "class",
    "session",
    "season",
    "quarter",
    "quarters",
    "budget",
    "olympics",
    "games",
];

/// Words before "to" and a year that make it a date ("dating to 1994", "dates back to 1648").
const DATING_TO: &[&str] = &[
    "back",
    "dating",
    "dates",
    "dated",
    "date",
    "traced",
    "tracing",
    "stretching",
    "stretches",
];

/// Plural nouns a year names the time of ("the 1992 protests", "the 2000 Olympics"), not a
/// count of them.
const DATED_PLURALS: &[&str] = &[
    "protests",
    "elections",
    "talks",
    "games",
    "olympics",
    "riots",
    "negotiations",
    "attacks",
    "bombings",
    "floods",
    "hearings",
    "accords",
    "results",
    "earnings",
    "championships",
    "playoffs",
    "finals",
    "celebrations",
    "polls",
    "reforms",
    "primaries",
    "midterms",
    "figures",
    "levels",
    "sanctions",
    "agreements",
    "accounts",
    "strikes",
];

/// Words before a year that quantify it, not describe it ("the first 2000 entries", "a
/// further 2000"): a year is no modifier after them.
const QUANTIFIERS: &[&str] = &[
    "first",
    "last",
    "next",
    "another",
    "further",
    "additional",
    "remaining",
    "extra",
    "some",
    "about",
    "nearly",
    "over",
    "only",
    "estimated",
    "approximately",
    "around",
    "roughly",
    "almost",
    "just",
    "total",
    "mere",
    "whole",
    "entire",
    "other",
    "full",
    "more",
    "fewer",
    "less",
    "least",
    "most",
    "top",
    "bottom",
    "final",
    "initial",
    "original",
    "new",
];

/// Capitalized words that name a recurring event, before the year of one edition ("the
/// Developers Conference 2010", "Expo 2010").
const EVENT_NAMES: &[&str] = &[
    "conference",
    "summit",
    "expo",
    "exposition",
    "games",
    "olympics",
    "cup",
    "championship",
    "championships",
    "festival",
    "forum",
    "congress",
    "convention",
    "fair",
    "awards",
    "open",
    "marathon",
    "tour",
    "biennale",
    "euro",
    "show",
];

/// True when the word before a year names an event of which the year is one edition: a word
/// of [`EVENT_NAMES`] capitalized, or an acronym of four or more capitals ("WWDC 2005").
fn event_edition(prev: Option<&str>) -> bool {
    prev.is_some_and(|w| {
        let acronym = w.len() >= 4 && w.chars().all(|c| c.is_ascii_uppercase());
        acronym || (is_capitalized(w) && is_one_of(Some(w), EVENT_NAMES))
    })
}

/// True for a plain lowercase word (letters and hyphens only).
fn is_lowercase_word(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
}

/// True for a possessive word, which determines a year used as a modifier like "the" does
/// ("the company's 2019 acquisition").
fn is_possessive(word: &str) -> bool {
    let plain = word.replace('\u{2019}', "'").to_lowercase();
    let contraction = matches!(
        plain.as_str(),
        "it's" | "that's" | "there's" | "here's" | "he's" | "she's" | "what's" | "who's" | "let's"
    );
    !contraction && plain.len() > 2 && (plain.ends_with("'s") || plain.ends_with("s'"))
}

/// Words in "-s" that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "was", "has", "is", "its", "this", "his", "as", "us", "thus", "whereas", "various", "plus",
    "gas", "news", "crisis", "focus", "status", "analysis", "basis", "process", "progress",
    "congress", "address", "access", "success", "loss", "business", "press", "class",
];

/// The rules of this file, in priority order (an earlier rule wins a tie in length).
pub(crate) fn rules() -> Vec<Rule> {
    vec![
        Rule::new(
            "spoken-year",
            r"{B}(?:(?P<the>the{S}year){S})?(?:(?P<month>{MONTH_FULL}){S})?(?P<century>nineteen|two{S}thousand)(?:{S}(?:and{S})?(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:{H}(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?{B}",
            spoken_year,
        ),
        Rule::new(
            "year-range",
            r"{B}(?:from|between){S}(?P<y1>{YEAR}){S}?(?:to|and|until|till|through|{H})(?:{S})?(?P<y2>{YEAR}){B}",
            year_range,
        ),
        Rule::new(
            "year",
            r"{B}(?:(?P<edge>{EDGE}|the{S}(?:first|second|latter|last){S}half{S}of|(?:the{S})?(?:first|last){S}two{S}quarters{S}of|the{S}(?:first|second|third|fourth|final|last){S}quarter{S}of|[hq][1-4])(?:{S}|{H}))?(?P<year>{YEAR}){B}",
            year,
        ),
        Rule::new(
            "season-year",
            r"{B}(?:(?P<edge>early|mid|late)(?:{S}|{H}))?(?P<season>{SEASON})(?:{S}of)?,?{S}(?P<year>{YEAR}){B}",
            season_year,
        ),
        Rule::new(
            "decade",
            r"{B}(?:(?P<the>the){S})?(?:(?P<edge>early|mid|late)(?:{S}|{H}))?(?P<digits>(?:1[0-9]|20)[0-9]0)s{B}",
            decade,
        ),
        Rule::new(
            "short-decade",
            r"{B}the{S}(?:(?P<edge>early|mid|late)(?:{S}|{H}))?['\u{2019}](?P<digits>[0-9]0)s{B}",
            short_decade,
        ),
        Rule::new(
            "century",
            r"{B}(?:(?P<the>the){S})?(?:(?P<edge>early|mid|late)(?:{S}|{H}))?(?P<ord>[0-9]{1,2}(?:st|nd|rd|th)|{ORD}){SH}(?P<c>century){B}",
            century,
        ),
    ]
}

/// True when the word after a year makes it a count or an amount ("2000 troops", "2000 km").
fn year_followed_by_count(text: &str, end: usize, plural_too: bool) -> bool {
    if number_continues(text, end) {
        return true;
    }
    let Some(next) = next_word(text, end) else {
        return false;
    };
    if next_char(text, end).is_some_and(|c| c == '\'' || c == '\u{2019}') {
        return false; // "2022's"
    }
    let lower = next.to_lowercase();
    if COUNT_WORDS.contains(&lower.as_str()) {
        return true;
    }
    plural_too
        && !is_capitalized(next)
        && lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !NOT_PLURAL.contains(&lower.as_str())
}

fn year_value(word: &str) -> Option<i16> {
    word.parse().ok()
}

fn year_range(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let (Some(s1), Some(s2)) = (group(caps, "y1"), group(caps, "y2")) else {
        return;
    };
    let (Some(y1), Some(y2)) = (year_value(s1.of(text)), year_value(s2.of(text))) else {
        return;
    };
    let plausible = |y: i16| (1900..=2100).contains(&y);
    if !plausible(y1) || !plausible(y2) || y1 >= y2 || year_followed_by_count(text, s2.end, true) {
        return;
    }
    out.push(Candidate::fixed(s1, TimexKind::Date, format!("{y1:04}")));
    out.push(Candidate::fixed(s2, TimexKind::Date, format!("{y2:04}")));
}

fn year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(year_span), Some(year)) = (
        group(caps, "year"),
        text_of(caps, "year").and_then(year_value),
    ) else {
        return;
    };
    if preceded_by_amount(text, span.start) {
        return;
    }
    let edge = text_of(caps, "edge");
    let possessive = matches!(next_char(text, year_span.end), Some('\'' | '\u{2019}'))
        && after(text, year_span.end, 4)
            .trim_start_matches(['\'', '\u{2019}'])
            .starts_with('s');
    let prev = prev_word(text, span.start);
    let plausible = (1900..=2100).contains(&year);
    let prev2 = prev_word2(text, span.start);
    let accepted = if edge.is_some() || is_one_of(prev, YEAR_PREPOSITIONS) {
        !year_followed_by_count(text, year_span.end, false)
    } else if is_one_of(prev, &["to"]) && is_one_of(prev2, DATING_TO) {
        // "dating to 1994", "dates back to 1648"
        (1000..=2100).contains(&year) && !year_followed_by_count(text, year_span.end, true)
    } else if is_one_of(prev, &["both", "either", "between"]) {
        // "in both 1990 and 1991": a year before another.
        plausible && followed_by_year(text, year_span.end)
    } else if event_edition(prev) {
        // "WWDC 2005", "the Developers Conference 2010"
        (1950..=2050).contains(&year) && !year_followed_by_count(text, year_span.end, true)
    } else if is_one_of(prev, &["and", "or", "to", "through"]) {
        // "in 2014 and 2015": a year after another year.
        let prev2 = prev_word2(text, span.start);
        plausible
            && prev2.is_some_and(|w| year_value(w).is_some_and(|y| (1900..=2100).contains(&y)))
            && !year_followed_by_count(text, year_span.end, true)
    } else if is_one_of(prev, &["of"]) {
        // "as of 2024", "the accord of 2015", "the Act of 1989"; not "a force of 2000".
        let dated = is_one_of(prev2, &["as"])
            || is_one_of(prev2, DATED_BY_OF)
            || prev2.is_some_and(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize;
                is_capitalized(w) && !at_sentence_start(text, start)
            });
        plausible && dated && !year_followed_by_count(text, year_span.end, true)
    } else if is_one_of(prev, &["from", "into"]) {
        plausible
            && !year_followed_by_count(text, year_span.end, true)
            && !range_to_amount(text, year_span.end)
    } else if is_one_of(prev, &["for"]) {
        // "For 1988, the company earned …": a plausible year that counts nothing.
        plausible
            && !year_followed_by_count(text, year_span.end, true)
            && !range_to_amount(text, year_span.end)
    } else if is_one_of(prev, YEAR_DETERMINERS) || prev.is_some_and(is_possessive) {
        // "the 2022 invasion", "the 1996 Olympic bombing", "the 1992 protests"; not "the 2000
        // Series" of a maker, nor "the 2000 delegates".
        let next = next_word(text, year_span.end);
        let dated_plural = is_one_of(next, DATED_PLURALS);
        let after_of = is_one_of(prev2, &["of", "to"]);
        plausible
            && (possessive
                || next.is_some_and(|w| {
                    (!is_capitalized(w) || (1950..=2050).contains(&year))
                        && (dated_plural || !year_followed_by_count(text, year_span.end, true))
                }))
            && !is_one_of(prev2, &["than", "about", "some"])
            // "one of the 2000 delegates": after "of" only a singular noun or a dated plural.
            && (!after_of
                || possessive
                || dated_plural
                || next.is_some_and(|w| is_lowercase_word(w) && !w.ends_with('s')))
    } else if (is_one_of(prev2, YEAR_DETERMINERS) || prev2.is_some_and(is_possessive))
        && prev.is_some_and(|w| is_lowercase_word(w) && !is_one_of(Some(w), QUANTIFIERS))
    {
        // "his unsuccessful 1996 campaign": an adjective between the determiner and the year,
        // and a singular noun after it.
        plausible
            && next_word(text, year_span.end).is_some_and(|w| {
                is_lowercase_word(w) && !w.ends_with('s') && !is_one_of(Some(w), COUNT_WORDS)
            })
            && !year_followed_by_count(text, year_span.end, true)
    } else {
        plausible && possessive
    };
    if !accepted {
        return;
    }
    let edge_lower = edge.map(|e| {
        e.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    });
    let value = match edge_lower.as_deref() {
        Some(e) if e.contains("half") || e.contains("two quarters") => {
            let half = if e.contains("first") { 1 } else { 2 };
            format!("{year:04}-H{half}")
        }
        Some(e) if e.contains("quarter") => {
            let q = ["first", "second", "third", "fourth", "final", "last"]
                .iter()
                .position(|w| e.contains(w))
                .map_or(4, |i| i.min(3) + 1);
            format!("{year:04}-Q{q}")
        }
        Some(e) if e.len() == 2 && (e.starts_with('q') || e.starts_with('h')) => {
            format!("{year:04}-{}", e.to_uppercase())
        }
        _ => format!("{year:04}"),
    };
    let modifier = edge.and_then(edge_mod);
    out.push(Candidate::fixed(span, TimexKind::Date, value).with_mod(modifier));
}

/// True when "and", "or" or "to" and a plausible year follow `end` ("1990 and 1991").
fn followed_by_year(text: &str, end: usize) -> bool {
    let rest = after(text, end, 16).trim_start();
    ["and", "or", "to"].iter().any(|w| {
        rest.strip_prefix(w)
            .filter(|r| r.starts_with(char::is_whitespace))
            .map(str::trim_start)
            .is_some_and(|r| {
                let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
                digits.len() == 4
                    && digits
                        .parse::<u32>()
                        .is_ok_and(|y| (1900..=2100).contains(&y))
            })
    })
}

/// "from 2000 to 3000": a year-like number followed by a range to a plain number.
fn range_to_amount(text: &str, end: usize) -> bool {
    let rest = after(text, end, 16).trim_start();
    let rest = rest
        .strip_prefix("to")
        .or_else(|| rest.strip_prefix('-'))
        .or_else(|| rest.strip_prefix('\u{2013}'))
        .map(str::trim_start);
    rest.is_some_and(|r| {
        let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
        let year = digits.len() == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        !digits.is_empty() && !year
    })
}

fn season_year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let (Some(code), Some(year)) = (
        text_of(caps, "season").and_then(|s| WORDS.season(s)),
        text_of(caps, "year").and_then(year_value),
    ) else {
        return;
    };
    // "prices could fall 2000 points": a verb and an amount.
    if number_continues(text, span.end) || year_followed_by_count(text, span.end, true) {
        return;
    }
    let modifier = text_of(caps, "edge").and_then(edge_mod);
    out.push(
        Candidate::fixed(span, TimexKind::Date, format!("{year:04}-{code}")).with_mod(modifier),
    );
}

fn decade_candidate(span: Span, first_year: i32, edge: Option<&str>) -> Candidate {
    let value = if first_year % 100 == 0 && first_year <= 1900 {
        format!("{:02}", first_year / 100)
    } else {
        format!("{:03}", first_year / 10)
    };
    Candidate::fixed(span, TimexKind::Date, value).with_mod(edge.and_then(edge_mod))
}

fn decade(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(first) = text_of(caps, "digits").and_then(|d| d.parse::<i32>().ok()) else {
        return;
    };
    let edge = text_of(caps, "edge");
    let context = text_of(caps, "the").is_some()
        || edge.is_some()
        || is_one_of(prev_word(text, span.start), YEAR_PREPOSITIONS)
        || next_char(text, span.end).is_some_and(super::lexicon::is_hyphen);
    // "1000s of bytes", "the 1500s of records": amounts, not decades.
    let amount =
        next_word(text, span.end).is_some_and(|w| w == "of") && text_of(caps, "edge").is_none();
    if !context || amount || !(1500..=2090).contains(&first) || preceded_by_amount(text, span.start)
    {
        return;
    }
    out.push(decade_candidate(span, first, edge));
}

fn short_decade(_text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let Some(digits) = text_of(caps, "digits").and_then(|d| d.parse::<i32>().ok()) else {
        return;
    };
    // "the '90s" is the 1990s; "the '20s" the 2020s (a writer today means the recent one).
    let first = if digits <= 20 {
        2000 + digits
    } else {
        1900 + digits
    };
    out.push(decade_candidate(whole(caps), first, text_of(caps, "edge")));
}

fn century(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let Some(ord) = text_of(caps, "ord") else {
        return;
    };
    let Some(n) = WORDS.ordinal(ord) else {
        return;
    };
    // Without "the": "a 20th-century democrat", "the fabled 11th century temple", "in 19th
    // century France"; not "21st Century Fox", a name.
    if text_of(caps, "the").is_none() {
        let digits = ord.starts_with(|c: char| c.is_ascii_digit());
        let introduced = is_one_of(
            prev_word(text, whole(caps).start),
            &[
                "a", "an", "in", "of", "since", "during", "until", "by", "from", "early", "late",
            ],
        );
        let name = text_of(caps, "c").is_some_and(|c| c.starts_with('C'));
        if name || !(digits || introduced) {
            return;
        }
    }
    if !(1..=30).contains(&n) {
        return;
    }
    let modifier: Option<TimexMod> = text_of(caps, "edge").and_then(edge_mod);
    out.push(
        Candidate::fixed(whole(caps), TimexKind::Date, format!("{:02}", n - 1)).with_mod(modifier),
    );
}

/// A year as spoken in broadcast transcripts: "nineteen ninety-six" (1996), "the year two
/// thousand" (2000), "January nineteen ninety-seven" (1997-01). A spoken number is a year only
/// after "in", "since", "of"..., "the year" or a month, or (with "nineteen") after an article
/// or at the end of its phrase.
fn spoken_year(text: &str, caps: &Captures, out: &mut Vec<Candidate>) {
    let span = whole(caps);
    let Some(century) = text_of(caps, "century") else {
        return;
    };
    let rest = text_of(caps, "rest").map(|r| WORDS.number(r));
    let nineteen = century.eq_ignore_ascii_case("nineteen");
    let year = match (nineteen, rest) {
        (true, Some(Some(r))) if r >= 10.0 => 1900.0 + r,
        (false, Some(Some(r))) => 2000.0 + r,
        (false, None) => 2000.0,
        _ => return,
    };
    let introduced = text_of(caps, "the").is_some()
        || text_of(caps, "month").is_some()
        || is_one_of(
            prev_word(text, span.start),
            &[
                "in", "since", "of", "until", "by", "from", "to", "through", "during", "before",
                "after",
            ],
        );
    // "Atlanta, nineteen ninety-six." and "a nineteen ninety-seven attack": a spoken year
    // that ends its phrase or qualifies a noun after an article is a year too; "nineteen
    // ninety-one sheep" is a count.
    let standing = nineteen
        && (is_one_of(prev_word(text, span.start), &["a", "an", "the"])
            || next_char(text, span.end).is_some_and(|c| matches!(c, '.' | ',' | ';')));
    let introduced = introduced || standing;
    let plain_thousand = !nineteen && rest.is_none() && text_of(caps, "the").is_none();
    if !introduced
        || plain_thousand
        || next_word(text, span.end).is_some_and(|w| is_one_of(Some(w), COUNT_WORDS))
    {
        return;
    }
    let value = match text_of(caps, "month").and_then(|m| WORDS.month(m)) {
        Some(m) => format!("{year:.0}-{m:02}"),
        None => format!("{year:.0}"),
    };
    out.push(Candidate::fixed(span, TimexKind::Date, value));
}

#[cfg(test)]
mod tests {
    use crate::time::recognize::{candidates, Pending};

    fn found(text: &str) -> Vec<String> {
        candidates(text)
            .into_iter()
            .map(|c| match c.value {
                Pending::Fixed(v) => format!("{}={v}", c.span.of(text)),
                Pending::Anchored(_) => format!("{}=?", c.span.of(text)),
            })
            .collect()
    }

    #[test]
    fn years_and_longer_spans() {
        let cases: &[(&str, &[&str])] = &[
            ("They annexed it in 2014.", &["2014=2014"]),
            ("The 2022 invasion changed Europe.", &["2022=2022"]),
            (
                "Polls were held in 2014 and 2019.",
                &["2014=2014", "2019=2019"],
            ),
            ("As of 2024, the plan stood.", &["2024=2024"]),
            (
                "From 2014 to 2022 the war went on.",
                &["2014=2014", "2022=2022"],
            ),
            (
                "The plan runs until the end of 2027.",
                &["the end of 2027=2027"],
            ),
            ("Growth slowed in early 2024.", &["early 2024=2024"]),
            ("The land was seized in fall 2022.", &["fall 2022=2022-FA"]),
            (
                "Sales rose in the first quarter of 2025.",
                &["the first quarter of 2025=2025-Q1"],
            ),
            ("It began in the 1990s.", &["the 1990s=199"]),
            ("Trade boomed in the 1800s.", &["the 1800s=18"]),
            ("Music of the '80s.", &["the '80s=198"]),
            ("A relic of the 19th century.", &["the 19th century=18"]),
            ("2022's harvest was poor.", &["2022=2022"]),
            ("The year 1991 ended an empire.", &["1991=1991"]),
            ("The accord of 2015 was abandoned.", &["2015=2015"]),
            ("The law dates back to 1648 in spirit.", &["1648=1648"]),
            ("It breached the terms of the 2009 treaty.", &["2009=2009"]),
            ("Those who led the 1968 strikes retired.", &["1968=1968"]),
            ("His failed 2004 bid still rankles.", &["2004=2004"]),
            (
                "Growth is seen in both 2026 and 2027.",
                &["2026=2026", "2027=2027"],
            ),
            ("Keynotes at CODEX 2031 drew crowds.", &["2031=2031"]),
            ("The Harbour Festival 2019 was cancelled.", &["2019=2019"]),
            ("Demand should hold well into 2027.", &["2027=2027"]),
            (
                "Profit will rise in the last half of 2026.",
                &["the last half of 2026=2026-H2"],
            ),
            (
                "Costs fall in the first two quarters of 2026.",
                &["the first two quarters of 2026=2026-H1"],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), *expected, "{text}");
        }
    }

    #[test]
    fn amounts_are_not_years() {
        for text in [
            "It grew 19.3% to 2025 units.",
            "A force of 2000 soldiers arrived.",
            "Rates rose from 2000 to 3000 points.",
            "In 2000 troops were sent.",
            "They saw 1,990 cases.",
            "It is measured in 1000s of bytes.",
            "It rose from 1500 to 2000 units.",
            "Route 2024 is closed.",
            "The 2000 delegates voted.",
            "Prices could fall 2000 points.",
            "A total of 2000 was raised.",
            "It is one of the 2000 entries.",
            "The index rose to 2031 at the close.",
            "The first 2000 callers won.",
            "The fund paid USD 2000 in fees.",
            "Rated by the '5s panel.",
            "A story set in the 45th century.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}
