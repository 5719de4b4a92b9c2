//! The [`Document`]: one article's text and metadata.

use jiff::civil::Date;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt;

/// A document's identifier: the first 16 hex digits of the SHA-256 of its text.
///
/// Derived from the text alone, so the same article read from two file names (or twice) is one
/// document, and the same input gives the same identifier (and IRIs) on every machine.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct DocumentId(String);

impl DocumentId {
    /// The identifier of a document with this text.
    pub fn of_text(text: &str) -> Self {
        let digest = Sha256::digest(text.as_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Self(hex)
    }

    /// The identifier as a string of 16 lowercase hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a document's publication date came from.
///
/// Shown by `kg extract` and stored as `kg:datePublishedSource`, so that a reader can judge a
/// relative date by the anchor it was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DateOrigin {
    /// Given on the command line with `--date`.
    CommandLine,
    /// Given by a `--manifest` row.
    Manifest,
    /// A byline near the top: "- by Editor. - Nov 26, 2025".
    Byline,
    /// A dateline opening the body: "MOSCOW, Nov 26 (Reuters) -".
    Dateline,
    /// A closing line: "Newshub Editorial in Europe – 27 November 2025".
    ClosingLine,
    /// A date inside a source URL stated in the text: ".../2025-11-26/".
    Url,
    /// A date the text itself says it confirms "on" in its first sentences.
    Lead,
}

impl DateOrigin {
    /// The name used in the store and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CommandLine => "command-line",
            Self::Manifest => "manifest",
            Self::Byline => "byline",
            Self::Dateline => "dateline",
            Self::ClosingLine => "closing-line",
            Self::Url => "url",
            Self::Lead => "lead",
        }
    }
}

/// A publication date and how it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PublicationDate {
    /// The calendar date the article was published.
    #[serde(serialize_with = "serialize_date")]
    pub date: Date,
    /// Where the date came from.
    pub origin: DateOrigin,
}

fn serialize_date<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

/// One article: its text as read, and what is known about it.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Identifier derived from the text.
    pub id: DocumentId,
    /// Where it was read from: a path as given, or `-` for stdin.
    pub source: String,
    /// The headline: a manifest title, or the first non-empty line of the text.
    pub title: Option<String>,
    /// The publication date, when given or stated in the text.
    pub published: Option<PublicationDate>,
    /// The article's URL, when given or stated in the text ("Source: https://...").
    pub url: Option<String>,
    /// The text as read. All spans point into it.
    #[serde(skip)]
    pub text: String,
}

/// "## Title" → "Title": a Markdown ATX heading's marks (one to six `#` and a space) are not
/// part of the headline. Anything else is kept as it is ("#1 in sales" keeps its `#`).
fn strip_heading_marks(line: &str) -> &str {
    let marks = line.len() - line.trim_start_matches('#').len();
    let rest = &line[marks..];
    if (1..=6).contains(&marks) && rest.starts_with([' ', '\t']) && !rest.trim().is_empty() {
        let text = rest.trim();
        let closed = text.trim_end_matches('#');
        // A closing run of `#` counts only after a space ("# Learn C#" keeps its `#`).
        if closed.ends_with([' ', '\t']) {
            closed.trim_end()
        } else {
            text
        }
    } else {
        line
    }
}

impl Document {
    /// A document with this text and source; the title is the first non-empty line (without
    /// the `#` marks of a Markdown heading).
    ///
    /// The publication date and URL are left empty: the pipeline infers them from the text
    /// (see [`crate::time::infer_publication_date`]) unless the caller sets them.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let title = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(|l| strip_heading_marks(l).chars().take(300).collect());
        Self {
            id: DocumentId::of_text(&text),
            source: source.into(),
            title,
            published: None,
            url: None,
            text,
        }
    }

    /// Sets the publication date (builder style).
    #[must_use]
    pub fn with_date(mut self, date: Date, origin: DateOrigin) -> Self {
        self.published = Some(PublicationDate { date, origin });
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_depends_on_text_only() {
        let a = Document::new("a.txt", "Same text.");
        let b = Document::new("b.txt", "Same text.");
        let c = Document::new("a.txt", "Other text.");
        assert_eq!(a.id, b.id);
        assert_ne!(a.id, c.id);
        assert_eq!(a.id.as_str().len(), 16);
    }

    #[test]
    fn markdown_heading_marks_leave_the_title() {
        let d = Document::new("a.md", "\n## Talks resume ##\nText.");
        assert_eq!(d.title.as_deref(), Some("Talks resume"));
        let d = Document::new("a.txt", "#1 in sales\nText.");
        assert_eq!(d.title.as_deref(), Some("#1 in sales"));
    }

    #[test]
    fn title_is_first_non_empty_line() {
        let d = Document::new("x", "\n\n  Headline here  \nBody.");
        assert_eq!(d.title.as_deref(), Some("Headline here"));
    }
}

/// The article's own URL when the text states it on a line of its own ("Source: https://...",
/// "Original article: [https://...](https://...)"); `None` otherwise.
///
/// Links in running text are not taken: they usually point elsewhere.
pub fn infer_url(text: &str) -> Option<String> {
    static SOURCE_LINE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
        || {
            regex::Regex::new(
            r"(?im)^[ \t]*(?:source|original(?: article)?|originally published at|read (?:the full|more)(?: article)?(?: at)?|url)\s*:\s*[\[<(]?(https?://[^\s\]>)]+)",
        )
        .ok()
        },
    );
    // Every source line holds "http://" or "https://": most texts hold neither, and this literal
    // search is much faster than the source line's.
    static LINK: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"(?i)https?://").ok());
    if LINK.as_ref().is_some_and(|link| !link.is_match(text)) {
        return None;
    }
    let re = SOURCE_LINE.as_ref()?;
    re.captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_owned())
}

#[cfg(test)]
mod url_tests {
    use super::infer_url;

    #[test]
    fn takes_a_stated_source_line() {
        let text = "Headline\nBody text.\nSource: [https://news.example/a/b-2024-05-01/](https://news.example/a/b-2024-05-01/)\n";
        assert_eq!(
            infer_url(text).as_deref(),
            Some("https://news.example/a/b-2024-05-01/")
        );
        assert_eq!(
            infer_url("Original article: https://x.example/p.html.\n").as_deref(),
            Some("https://x.example/p.html")
        );
    }

    #[test]
    fn ignores_links_in_running_text() {
        assert_eq!(
            infer_url("See https://x.example/p for the source: it is long."),
            None
        );
    }
}
