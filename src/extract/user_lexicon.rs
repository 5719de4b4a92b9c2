//! Lexicons of one's own: people, organizations, places and titles added at run time
//! (`--lexicon FILE`, `KG_LEXICONS`), without recompiling: an analyst's watch list, a newsroom's
//! house names.
//!
//! One entry a line, `name<TAB>kind[<TAB>other names separated by |]`, kind one of `person`,
//! `organization`, `place`, `title`; `#` starts a comment line. The entries join the built-in
//! lexicons when these are first used, so they must be installed before any extraction (the
//! binary does it first thing). What was installed has a fingerprint, which goes into every
//! document's fingerprint: re-ingesting with another lexicon refreshes the documents.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What a user entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UserKind {
    /// A person: their given name and surname become known name words.
    Person,
    /// An organization.
    Organization,
    /// A place (of no particular class).
    Place,
    /// A title that a person holds ("Rapporteur General").
    Title,
}

impl UserKind {
    fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "person" => Self::Person,
            "organization" | "organisation" => Self::Organization,
            "place" => Self::Place,
            "title" => Self::Title,
            _ => return None,
        })
    }
}

/// One entry of a user lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserEntry {
    /// The canonical name.
    pub name: String,
    /// What it names.
    pub kind: UserKind,
    /// Other names it is written by.
    pub aliases: Vec<String>,
}

/// A user lexicon that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UserLexiconError {
    /// The file cannot be read.
    #[error("cannot read the lexicon {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not an entry.
    #[error("{}:{line}: {message}; write name<TAB>kind[<TAB>other names separated by |], kind one of person, organization, place, title (# for comments)", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Entries were installed after the lexicons were first used.
    #[error("user lexicons must be installed before the first extraction")]
    TooLate,
}

/// The entries of one lexicon text; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Vec<UserEntry>, UserLexiconError> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let error = |message: String| UserLexiconError::Syntax {
            path: path.to_owned(),
            line: i + 1,
            message,
        };
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 2 {
            return Err(error(format!("no tab in {line:?}")));
        }
        if columns.len() > 3 {
            return Err(error(format!("{} columns, at most 3", columns.len())));
        }
        let name = columns[0].trim();
        if name.is_empty() {
            return Err(error("the name is empty".into()));
        }
        let kind = UserKind::parse(columns[1])
            .ok_or_else(|| error(format!("unknown kind {:?}", columns[1].trim())))?;
        let aliases = columns
            .get(2)
            .map(|a| {
                a.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        entries.push(UserEntry {
            name: name.to_owned(),
            kind,
            aliases,
        });
    }
    Ok(entries)
}

/// The entries of the lexicon files, in order.
pub fn read(paths: &[PathBuf]) -> Result<Vec<UserEntry>, UserLexiconError> {
    let mut entries = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|source| UserLexiconError::Read {
            path: path.clone(),
            source,
        })?;
        entries.extend(parse(path, &text)?);
    }
    Ok(entries)
}

/// What was installed: the entries and their fingerprint.
struct Installed {
    entries: Vec<UserEntry>,
    fingerprint: String,
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();

/// Adds `entries` to the lexicons of this process. Must come before the first extraction, and
/// only once; an empty list installs nothing.
pub fn install(entries: Vec<UserEntry>) -> Result<(), UserLexiconError> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut canonical: Vec<String> = entries
        .iter()
        .map(|e| format!("{:?}\t{}\t{}", e.kind, e.name, e.aliases.join("|")))
        .collect();
    canonical.sort();
    canonical.dedup();
    let parts: Vec<&str> = canonical.iter().map(String::as_str).collect();
    let fingerprint = crate::rdf::iri::short_hash(&parts);
    if super::lexicon::already_loaded() {
        return Err(UserLexiconError::TooLate);
    }
    INSTALLED
        .set(Installed {
            entries,
            fingerprint,
        })
        .map_err(|_| UserLexiconError::TooLate)
}

/// The installed entries (none unless [`install`] was called).
pub(crate) fn entries() -> &'static [UserEntry] {
    INSTALLED.get().map_or(&[], |i| i.entries.as_slice())
}

/// The fingerprint of the installed entries, `None` without any: the same entries in any order
/// or files give the same fingerprint.
pub fn fingerprint() -> Option<&'static str> {
    INSTALLED.get().map(|i| i.fingerprint.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_read_with_aliases_and_comments() {
        let text = "# watch list\nQuillworks Collective\torganization\tQuillworks|QWC\n\nAda Quill\tperson\n";
        let entries = parse(Path::new("w.tsv"), text).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].kind, UserKind::Organization);
        assert_eq!(entries[0].aliases, vec!["Quillworks", "QWC"]);
        assert_eq!(entries[1].kind, UserKind::Person);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let error = parse(Path::new("w.tsv"), "# c\nAda Quill\tpoet\n").unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("w.tsv:2: unknown kind \"poet\""),
            "{message}"
        );
        let error = parse(Path::new("w.tsv"), "Ada Quill person\n").unwrap_err();
        assert!(error.to_string().starts_with("w.tsv:1: no tab"));
    }
}
