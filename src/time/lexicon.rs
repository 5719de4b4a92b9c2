//! The calendar words of English (months, weekdays, number words, units, seasons, parts of the
//! day), read once from `ontology/lexicon/time_words.tsv`.
//!
//! The recognizer's patterns are built from these lists ([`TimeWords::alternation`]), and its
//! handlers read the matched words back into numbers with the lookups here, so adding a word to
//! the file is enough for it to be found and understood.

use std::collections::HashMap;
use std::sync::LazyLock;

const TIME_WORDS: &str = include_str!("../../ontology/lexicon/time_words.tsv");

/// What a calendar word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WordClass {
    /// "november": value 1-12.
    Month,
    /// "nov", "sept": value 1-12.
    MonthAbbr,
    /// "tuesday": value 1 (Monday) to 7.
    Weekday,
    /// "tue", "thurs": value 1-7.
    WeekdayAbbr,
    /// "three", "a couple of": a cardinal.
    Number,
    /// "third": an ordinal.
    Ordinal,
    /// "several", "a few": an unspecified count.
    Vague,
    /// "years", "hour": a TIMEX3 duration unit.
    Unit,
    /// "fall": a TIMEX3 season code.
    Season,
    /// "evening": a TIMEX3 part-of-day code.
    DayPart,
}

impl WordClass {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "month" => Self::Month,
            "month_abbr" => Self::MonthAbbr,
            "weekday" => Self::Weekday,
            "weekday_abbr" => Self::WeekdayAbbr,
            "number" => Self::Number,
            "ordinal" => Self::Ordinal,
            "vague" => Self::Vague,
            "unit" => Self::Unit,
            "season" => Self::Season,
            "daypart" => Self::DayPart,
            _ => return None,
        })
    }
}

/// The parsed word list.
pub(crate) struct TimeWords {
    /// Lower-case word (single spaces) → class and value, in file order.
    entries: HashMap<String, Vec<(WordClass, &'static str)>>,
}

/// The word list, parsed on first use.
pub(crate) static WORDS: LazyLock<TimeWords> = LazyLock::new(|| TimeWords::parse(TIME_WORDS));

impl TimeWords {
    fn parse(data: &'static str) -> Self {
        let mut entries: HashMap<String, Vec<(WordClass, &'static str)>> = HashMap::new();
        for line in data.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(word), Some(class), Some(value)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(class) = WordClass::from_name(class.trim()) else {
                continue;
            };
            entries
                .entry(normalize(word))
                .or_default()
                .push((class, value.trim()));
        }
        Self { entries }
    }

    /// A regex alternation (non-capturing group) of every word of the given classes, longest
    /// first, with spaces inside multi-word entries matching any run of horizontal space.
    pub(crate) fn alternation(&self, classes: &[WordClass]) -> String {
        self.alternation_where(classes, |_| true)
    }

    /// Like [`Self::alternation`], keeping only the words whose value passes `keep` (the
    /// tens of "twenty four" among the number words).
    pub(crate) fn alternation_where(
        &self,
        classes: &[WordClass],
        keep: impl Fn(&str) -> bool,
    ) -> String {
        let mut words: Vec<&str> = self
            .entries
            .iter()
            .filter(|(_, senses)| senses.iter().any(|(c, v)| classes.contains(c) && keep(v)))
            .map(|(w, _)| w.as_str())
            .collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let parts: Vec<String> = words
            .iter()
            .map(|w| {
                w.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(super::patterns::SPACE)
            })
            .collect();
        format!("(?:{})", parts.join("|"))
    }

    /// The value of `word` (any case, trailing period ignored) in one of `classes`.
    pub(crate) fn value(&self, word: &str, classes: &[WordClass]) -> Option<&'static str> {
        let key = normalize(word.trim_end_matches('.'));
        self.entries
            .get(&key)?
            .iter()
            .find(|(c, _)| classes.contains(c))
            .map(|&(_, v)| v)
    }

    /// The month (1-12) a full or abbreviated month name stands for.
    pub(crate) fn month(&self, word: &str) -> Option<i8> {
        self.value(word, &[WordClass::Month, WordClass::MonthAbbr])?
            .parse()
            .ok()
    }

    /// True for an abbreviated month name ("Jun", "sept.").
    pub(crate) fn is_month_abbr(&self, word: &str) -> bool {
        self.value(word, &[WordClass::MonthAbbr]).is_some()
    }

    /// The weekday (1 = Monday) a full or abbreviated weekday name stands for.
    pub(crate) fn weekday(&self, word: &str) -> Option<i8> {
        self.value(word, &[WordClass::Weekday, WordClass::WeekdayAbbr])?
            .parse()
            .ok()
    }

    /// The TIMEX3 unit code of a unit word ("years" → "Y", "fortnight" → "2W").
    pub(crate) fn unit(&self, word: &str) -> Option<&'static str> {
        self.value(word, &[WordClass::Unit])
    }

    /// The TIMEX3 code of a season word ("autumn" → "FA").
    pub(crate) fn season(&self, word: &str) -> Option<&'static str> {
        self.value(word, &[WordClass::Season])
    }

    /// The TIMEX3 code of a part of the day ("evening" → "EV").
    pub(crate) fn day_part(&self, word: &str) -> Option<&'static str> {
        self.value(word, &[WordClass::DayPart])
    }

    /// The value of an ordinal word ("third" → 3), or of a written ordinal ("21st").
    pub(crate) fn ordinal(&self, word: &str) -> Option<u32> {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.len() < word.len() {
            return digits.parse().ok();
        }
        self.value(
            &word.replace(['\u{2010}', '\u{2011}', '\u{2013}'], "-"),
            &[WordClass::Ordinal],
        )?
        .parse()
        .ok()
    }

    /// A count: digits ("24", "1,000", "1.5"), a number word ("three", "twenty-five", "a
    /// couple of"), or `None` for a vague count ("several") and anything else.
    pub(crate) fn number(&self, word: &str) -> Option<f64> {
        let word = word.trim();
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            return word.replace(',', "").parse().ok();
        }
        if let Some(v) = self.value(word, &[WordClass::Number]) {
            return v.parse().ok();
        }
        // "twenty-five", "twenty five"
        let mut parts = word
            .split(|c: char| c.is_whitespace() || is_hyphen(c))
            .filter(|p| !p.is_empty());
        let (Some(tens), Some(ones), None) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        let tens: f64 = self.value(tens, &[WordClass::Number])?.parse().ok()?;
        let ones: f64 = self.value(ones, &[WordClass::Number])?.parse().ok()?;
        (tens >= 20.0 && tens % 10.0 == 0.0 && ones < 10.0).then_some(tens + ones)
    }

    /// True for a vague count ("several", "a few").
    pub(crate) fn is_vague(&self, word: &str) -> bool {
        self.value(word, &[WordClass::Vague]).is_some()
    }
}

/// Lower case with runs of whitespace as one space.
fn normalize(word: &str) -> String {
    word.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The hyphens and dashes that join words in web text ("30-day", "year‑end").
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_back() {
        assert_eq!(WORDS.month("Nov."), Some(11));
        assert_eq!(WORDS.month("SEPT"), Some(9));
        assert_eq!(WORDS.month("Mayday"), None);
        assert_eq!(WORDS.weekday("Thursday"), Some(4));
        assert_eq!(WORDS.unit("decades"), Some("DE"));
        assert_eq!(WORDS.season("autumn"), Some("FA"));
        assert_eq!(WORDS.day_part("evening"), Some("EV"));
        assert_eq!(WORDS.ordinal("third"), Some(3));
        assert_eq!(WORDS.ordinal("21st"), Some(21));
        assert!(WORDS.is_vague("several"));
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(WORDS.number("24"), Some(24.0));
        assert_eq!(WORDS.number("1,000"), Some(1000.0));
        assert_eq!(WORDS.number("1.5"), Some(1.5));
        assert_eq!(WORDS.number("Three"), Some(3.0));
        assert_eq!(WORDS.number("a couple of"), Some(2.0));
        assert_eq!(WORDS.number("twenty-five"), Some(25.0));
        assert_eq!(WORDS.number("twenty\u{2011}five"), Some(25.0));
        assert_eq!(WORDS.number("five twenty"), None);
        assert_eq!(WORDS.number("several"), None);
    }

    #[test]
    fn alternations_put_longer_words_first() {
        let alt = WORDS.alternation(&[WordClass::Month, WordClass::MonthAbbr]);
        let september = alt.find("september").unwrap_or(usize::MAX);
        let sep = alt.find("|sep)").or_else(|| alt.find("|sep|")).unwrap_or(0);
        assert!(september < sep, "{alt}");
    }
}
