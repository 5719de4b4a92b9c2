//! `--manifest FILE.csv`: per-document metadata for a batch, the way crawled news arrives.
//!
//! A CSV file with a header row naming any of the columns `path`, `date`, `url`, `title` (in any
//! order; unknown columns are ignored). `path` is relative to the manifest's directory unless
//! absolute. Fields may be quoted with `"` (a doubled `""` inside is one quote).

use jiff::civil::Date;
use std::path::{Path, PathBuf};

/// Metadata for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The file to read.
    pub path: Option<PathBuf>,
    /// Its publication date.
    pub date: Option<Date>,
    /// Its URL.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
}

/// A manifest that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ManifestError {
    /// The file could not be read.
    #[error("cannot read manifest {path}: {source}")]
    Io {
        /// The manifest path.
        path: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// A date did not parse.
    #[error("{path}:{line}: invalid date {value:?}; write dates as YYYY-MM-DD")]
    Date {
        /// The manifest path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The text found.
        value: String,
    },
    /// No known column in the header.
    #[error("{path}: the first line must name columns, any of: path,date,url,title")]
    Header {
        /// The manifest path.
        path: String,
    },
}

/// Reads a manifest file.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestEntry>, ManifestError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ManifestError::Io {
        path: name.clone(),
        source,
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    parse_manifest(&text, base, &name)
}

/// Parses manifest text; relative paths are resolved against `base`.
pub fn parse_manifest(
    text: &str,
    base: &Path,
    name: &str,
) -> Result<Vec<ManifestEntry>, ManifestError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let header: Vec<String> = lines
        .next()
        .map(|(_, l)| {
            split_csv_line(l)
                .into_iter()
                .map(|h| h.trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    let column = |n: &str| header.iter().position(|h| h == n);
    let (path_col, date_col, url_col, title_col) = (
        column("path"),
        column("date"),
        column("url"),
        column("title"),
    );
    if path_col.is_none() && date_col.is_none() && url_col.is_none() && title_col.is_none() {
        return Err(ManifestError::Header {
            path: name.to_owned(),
        });
    }
    let mut entries = Vec::new();
    for (index, line) in lines {
        let fields = split_csv_line(line);
        let field = |c: Option<usize>| {
            c.and_then(|c| fields.get(c))
                .map(|f| f.trim().to_owned())
                .filter(|f| !f.is_empty())
        };
        let date = match field(date_col) {
            Some(value) => Some(value.parse::<Date>().map_err(|_| ManifestError::Date {
                path: name.to_owned(),
                line: index + 1,
                value,
            })?),
            None => None,
        };
        entries.push(ManifestEntry {
            path: field(path_col).map(|p| {
                let p = PathBuf::from(p);
                if p.is_absolute() {
                    p
                } else {
                    base.join(p)
                }
            }),
            date,
            url: field(url_col),
            title: field(title_col),
        });
    }
    Ok(entries)
}

/// Splits one CSV line into fields (RFC 4180 quoting, no line breaks inside fields).
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("fields is never empty");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => field.push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_in_any_order() {
        let text = "title,path,date\n\"A \"\"quoted\"\", title\",a.txt,2024-05-01\n,b.txt,\n";
        let entries = parse_manifest(text, Path::new("/m"), "m.csv").unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title.as_deref(), Some("A \"quoted\", title"));
        assert_eq!(entries[0].path.as_deref(), Some(Path::new("/m/a.txt")));
        assert_eq!(entries[0].date, Some(jiff::civil::date(2024, 5, 1)));
        assert_eq!(entries[1].date, None);
    }

    #[test]
    fn rejects_bad_dates_and_headers() {
        assert!(matches!(
            parse_manifest("path,date\na.txt,May 1\n", Path::new("."), "m"),
            Err(ManifestError::Date { line: 2, .. })
        ));
        assert!(matches!(
            parse_manifest("foo,bar\n1,2\n", Path::new("."), "m"),
            Err(ManifestError::Header { .. })
        ));
    }
}
