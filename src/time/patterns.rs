//! Building blocks of the recognizer's regular expressions, so each rule reads like the phrase
//! it matches: `{MONTH}{S}{DAY}` rather than a page of alternations.
//!
//! Templates name their parts in braces; [`compile`] expands them (word lists come from
//! [`super::lexicon`]) and compiles the result case-insensitively. Word boundaries are ASCII
//! (`(?-u:\b)`) so that the fast DFA engines run on any text.

use super::lexicon::{WordClass, WORDS};
use regex::Regex;

/// A run of horizontal space (no line break: an expression never spans two lines).
pub(crate) const SPACE: &str = r"[\t \u{A0}\u{2009}\u{202F}]+";

/// One hyphen or dash as web text joins words with ("30-day", "year‑end", "mid–November").
pub(crate) const HYPHEN: &str = r"[-\u{2010}\u{2011}\u{2012}\u{2013}]";

/// Expands a template's `{NAME}` parts.
pub(crate) fn expand(template: &str) -> String {
    let num_word = WORDS.alternation(&[WordClass::Number]);
    // "twenty four": a tens word and a ones word apart, as transcripts write them.
    let value_in = |v: &str, ok: fn(u32) -> bool| v.parse::<u32>().is_ok_and(ok);
    let tens = WORDS.alternation_where(&[WordClass::Number], |v| {
        value_in(v, |n| (20..=90).contains(&n) && n % 10 == 0)
    });
    let ones = WORDS.alternation_where(&[WordClass::Number], |v| {
        value_in(v, |n| (1..=9).contains(&n))
    });
    let parts: [(&str, String); 19] = [
        ("{S}", SPACE.to_string()),
        ("{H}", HYPHEN.to_string()),
        ("{SH}", format!("(?:{SPACE}|{HYPHEN})")),
        ("{B}", r"(?-u:\b)".to_string()),
        (
            "{MONTH}",
            format!(
                r"(?:{}(?-u:\b)|{}(?:\.|(?-u:\b)))",
                WORDS.alternation(&[WordClass::Month]),
                WORDS.alternation(&[WordClass::MonthAbbr])
            ),
        ),
        ("{MONTH_FULL}", WORDS.alternation(&[WordClass::Month])),
        ("{WEEKDAY}", WORDS.alternation(&[WordClass::Weekday])),
        ("{WDABBR}", format!(r"{}\.?", WORDS.alternation(&[WordClass::WeekdayAbbr]))),
        ("{DAY}", r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?".to_string()),
        ("{YEAR}", r"(?:1[0-9]|2[01])[0-9]{2}".to_string()),
        (
            "{NUM}",
            format!(r"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?|{tens}{SPACE}{ones}(?-u:\b)|{num_word}(?:{HYPHEN}{num_word})?)"),
        ),
        ("{VAGUE}", WORDS.alternation(&[WordClass::Vague])),
        ("{UNIT}", WORDS.alternation(&[WordClass::Unit])),
        ("{SEASON}", WORDS.alternation(&[WordClass::Season])),
        ("{DAYPART}", WORDS.alternation(&[WordClass::DayPart])),
        ("{ORD}", WORDS.alternation(&[WordClass::Ordinal])),
        (
            "{QMOD}",
            format!(
                "(?:more{S}than|less{S}than|fewer{S}than|at{S}least|at{S}most|up{S}to|(?:just|well){S}(?:over|under)|over|under|nearly|almost|about|around|roughly|approximately|some)",
                S = SPACE
            ),
        ),
        (
            "{EDGE}",
            format!(
                "(?:early|mid|late|(?:the{S})?(?:beginning|start|middle|end){S}of)",
                S = SPACE
            ),
        ),
        ("{TZ}", format!("(?:GMT|UTC|ET|EST|EDT|CET|CEST|BST|MSK|EET|EEST|PT|PST|PDT|local{SPACE}time)")),
    ];
    let mut out = template.to_string();
    for (name, pattern) in parts {
        if out.contains(name) {
            out = out.replace(name, &pattern);
        }
    }
    out
}

/// Compiles a template case-insensitively.
///
/// Templates are constants of this crate and the words are escaped, so a failure is a bug in a
/// template; the unit tests compile every rule.
pub(crate) fn compile(template: &str) -> Regex {
    let pattern = format!("(?i){}", expand(template));
    match Regex::new(&pattern) {
        Ok(re) => re,
        Err(e) => panic!("invalid time pattern {template}: {e}"),
    }
}

/// The modifier a quantifier stands for ("more than" → `MORE_THAN`).
pub(crate) fn quantity_mod(word: &str) -> Option<super::TimexMod> {
    use super::TimexMod::*;
    let w = word
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    Some(match w.as_str() {
        "more than" | "over" | "just over" | "well over" => MoreThan,
        "less than" | "fewer than" | "under" | "just under" | "well under" | "nearly"
        | "almost" => LessThan,
        "at least" => EqualOrMore,
        "at most" | "up to" => EqualOrLess,
        "about" | "around" | "roughly" | "approximately" | "some" => Approx,
        _ => return None,
    })
}

/// The modifier an edge word stands for ("early" → `START`, "the end of" → `END`).
pub(crate) fn edge_mod(word: &str) -> Option<super::TimexMod> {
    use super::TimexMod::*;
    let w = word.to_lowercase();
    let w = w.trim_end_matches(|c: char| c.is_whitespace() || super::lexicon::is_hyphen(c));
    if w == "early" || w.ends_with("beginning of") || w.ends_with("start of") {
        Some(Start)
    } else if w == "mid" || w.ends_with("middle of") {
        Some(Mid)
    } else if w == "late" || w.ends_with("end of") {
        Some(End)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_expand_and_compile() {
        let re = compile("{B}{MONTH}{S}{DAY}{B}");
        assert!(re.is_match("on Nov. 24 they"));
        assert!(re.is_match("on November\u{a0}24"));
        assert!(!re.is_match("on Novemberish 24"));
        let re = compile("{B}{NUM}{SH}{UNIT}{B}");
        assert!(re.is_match("a 30-day truce"));
        assert!(re.is_match("twenty\u{2011}five years"));
        assert!(re.is_match("1,000 years"));
    }

    #[test]
    fn modifiers() {
        use crate::time::TimexMod;
        assert_eq!(quantity_mod("More  than"), Some(TimexMod::MoreThan));
        assert_eq!(quantity_mod("nearly"), Some(TimexMod::LessThan));
        assert_eq!(quantity_mod("the"), None);
        assert_eq!(edge_mod("mid-"), Some(TimexMod::Mid));
        assert_eq!(edge_mod("the end of"), Some(TimexMod::End));
        assert_eq!(edge_mod("Early"), Some(TimexMod::Start));
    }
}
