//! The [`Timex`]: one temporal expression with its TIMEX3 type, value and modifier.

use super::value::TimeValue;
use crate::text::Span;
use serde::Serialize;

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexKind {
    /// A calendar date or a coarser/finer calendar unit: "2025-11-26", "2025-11", "2025-W49".
    Date,
    /// A time of day or part of a day: "2025-11-24TEV" (Monday evening).
    Time,
    /// A length of time: "P3Y" (three years).
    Duration,
    /// A recurrence: "every week" (P1W with a quantifier).
    Set,
}

impl TimexKind {
    /// The TIMEX3 name of the type: `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// TIMEX3 `mod`: how the expression narrows or loosens its value ("early 2024" is 2024 with
/// `START`, "more than three years" is P3Y with `MORE_THAN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "early", "the beginning of", "the start of".
    Start,
    /// "mid-", "the middle of".
    Mid,
    /// "late", "the end of", "year-end".
    End,
    /// "about", "around", "some", "roughly".
    Approx,
    /// "nearly", "almost", "less than", "under".
    LessThan,
    /// "more than", "over".
    MoreThan,
    /// "up to", "at most".
    EqualOrLess,
    /// "at least".
    EqualOrMore,
}

impl TimexMod {
    /// The TIMEX3 name of the modifier: `START`, `MORE_THAN`...
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Start => "START",
            Self::Mid => "MID",
            Self::End => "END",
            Self::Approx => "APPROX",
            Self::LessThan => "LESS_THAN",
            Self::MoreThan => "MORE_THAN",
            Self::EqualOrLess => "EQUAL_OR_LESS",
            Self::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// A temporal expression found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Where it is in the document text (bytes).
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexKind,
    /// TIMEX3 value ("2025-11-26", "2025-W49", "P3Y", "PRESENT_REF"); `None` when it depends on
    /// a publication date that is not known.
    pub value: Option<String>,
    /// True when the value was computed from the publication date ("on Tuesday", "next week").
    pub relative: bool,
    /// The sentence it is in.
    pub sentence: usize,
    /// TIMEX3 `mod` ("early 2024": `START`), when the text narrows or loosens the value.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
}

impl Timex {
    /// The value parsed into calendar terms, when there is one that [`TimeValue`] understands.
    pub fn time_value(&self) -> Option<TimeValue> {
        self.value.as_deref().and_then(TimeValue::parse)
    }
}
