//! Temporal expressions: recognized in text, normalized like TimeML TIMEX3 against the
//! document's publication date, and the publication date itself inferred from the text.
//!
//! The stage runs in three steps, one file each:
//! 1. **recognize** ([`recognize`]): rules (regexes built from the word lists in
//!    `ontology/lexicon/time_words.tsv`, plus handlers that check the context) propose
//!    candidates; the longest non-overlapping ones win.
//! 2. **normalize**: fixed values ("2025-11-26", "P3Y") are kept; relative ones ("on Tuesday",
//!    "last week", "in November") are computed from the publication date, weekdays and dates
//!    without a year according to the tense of their clause (`tense`).
//! 3. **value** ([`TimeValue`]): a TIMEX3 value read back as calendar terms, and turned into the
//!    `xsd:date` / `xsd:gYearMonth` / `xsd:gYear` literals an event's start and end take.
//!
//! [`infer_publication_date`] reads the publication date an article states about itself
//! (byline, dateline, closing line, source URL), which anchors step 2.

mod absolute;
mod amount;
mod context;
mod day_shifts;
mod holidays;
mod lexicon;
mod normalize;
mod patterns;
mod pubdate;
mod quarters;
mod recognize;
mod relative;
mod tense;
mod timex;
mod value;
mod year_refs;
mod years;

pub use timex::{Timex, TimexKind, TimexMod};
pub use value::{Reference, Season, TimeValue, XsdDate, XsdDateType};

use crate::text::{PublicationDate, Sentence, Span};
use jiff::civil::Date;

/// Finds every temporal expression in `text` and normalizes it against `dct` (the document
/// creation time, i.e. its publication date). Without a `dct`, relative expressions are kept
/// with `value: None`.
///
/// The result is sorted by position, never overlaps, and each [`Timex::text`] is the text its
/// span covers; `sentence` is the index of the sentence in `sentences` that contains it.
///
/// ```
/// use kg::text::split_sentences;
/// use kg::time::{recognize, TimexKind};
///
/// let text = "The envoy met the minister on Tuesday. Talks resume next week.";
/// let dct = "2025-12-03".parse().ok();
/// let found = recognize(text, &split_sentences(text), dct);
/// assert_eq!(found[0].text, "Tuesday");
/// assert_eq!(found[0].value.as_deref(), Some("2025-12-02"));
/// assert_eq!(found[1].value.as_deref(), Some("2025-W50"));
/// assert_eq!(found[1].kind, TimexKind::Date);
/// assert_eq!(found[1].sentence, 1);
/// ```
pub fn recognize(text: &str, sentences: &[Sentence], dct: Option<Date>) -> Vec<Timex> {
    recognize::recognize(text, sentences, dct)
}

/// Compiles the patterns of time expressions now rather than at the first text: see
/// [`crate::extract::warm_up`].
pub fn warm_up() {
    recognize::warm_up();
}

/// The publication date stated in the text (byline, dateline, closing line, source URL, or a
/// full date the lead says something was confirmed on), with where it was found and the span
/// it was read from. `None` when the text states none clearly.
pub fn infer_publication_date(text: &str) -> Option<(PublicationDate, Span)> {
    pubdate::infer(text)
}
