//! Reading inputs: files, directories, stdin; decoding bytes into text a person would read.
//!
//! Bad inputs (unreadable, binary, invalid UTF-8, empty) are errors for that input only: the
//! caller reports them one line each and goes on with the rest of the run.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why one input could not be read as a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file or directory could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input as given.
        path: String,
        /// The operating system's error.
        source: io::Error,
    },
    /// The bytes are not UTF-8 text.
    #[error("{path}: not valid UTF-8 (byte {offset}); convert it first, e.g. `iconv -f latin1 -t utf-8`")]
    InvalidUtf8 {
        /// The input as given.
        path: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The bytes look like a binary file (NUL bytes).
    #[error("{path}: looks like a binary file, not text; skipped")]
    Binary {
        /// The input as given.
        path: String,
    },
    /// Larger than the per-document limit.
    #[error("{path}: {size} bytes, above the limit of {limit} bytes for one document; skipped (split it into articles, or raise the limit with --max-document-size)")]
    TooLarge {
        /// The input as given.
        path: String,
        /// Its size in bytes (at least; standard input is read only up to the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Nothing but whitespace.
    #[error("{path}: empty; skipped")]
    Empty {
        /// The input as given.
        path: String,
    },
}

/// One input to read: a file path or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// The name used for this input in messages and as the document's source.
    pub fn name(&self) -> String {
        match self {
            Self::File(p) => p.display().to_string(),
            Self::Stdin => "-".to_owned(),
        }
    }

    /// Reads the input and decodes it into text (HTML is reduced to its text). An input larger
    /// than `limit` bytes is refused before it is read: one huge "article" is almost always a
    /// concatenation or a dump, and would hold the whole run up.
    pub fn read_text(&self, limit: u64) -> Result<String, ReadError> {
        let name = self.name();
        let io_error = |source| ReadError::Io {
            path: name.clone(),
            source,
        };
        let too_large = |size| ReadError::TooLarge {
            path: name.clone(),
            size,
            limit,
        };
        let mut bytes = Vec::new();
        match self {
            Self::File(p) => {
                let file = fs::File::open(p).map_err(io_error)?;
                let size = file.metadata().map_err(io_error)?.len();
                if size > limit {
                    return Err(too_large(size));
                }
                file.take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(io_error)?;
            }
            Self::Stdin => {
                io::stdin()
                    .lock()
                    .take(limit.saturating_add(1))
                    .read_to_end(&mut bytes)
                    .map_err(io_error)?;
            }
        }
        if bytes.len() as u64 > limit {
            return Err(too_large(bytes.len() as u64));
        }
        let text = decode(&name, bytes)?;
        let is_html = matches!(self, Self::File(p) if has_extension(p, &["html", "htm"]));
        Ok(if is_html { html_to_text(&text) } else { text })
    }

    /// The input's size in bytes when it is a file (0 for standard input or when unknown).
    pub fn size_hint(&self) -> u64 {
        match self {
            Self::File(p) => fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            Self::Stdin => 0,
        }
    }
}

/// The default per-document size limit of `kg ingest` and `kg extract` (10 MB).
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 10 * 1024 * 1024;

/// File extensions `kg ingest` picks up when it walks a directory.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Expands command-line paths into inputs: files as given, directories recursively (only
/// `.txt`, `.md`, `.html` files, in sorted order so runs are reproducible), `-` as stdin.
///
/// A path that does not exist is returned as an error for that path; the others still expand.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            errors.push(ReadError::Io {
                path: path.display().to_string(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such file or directory"),
            });
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(ReadError::Io {
                path: dir.display().to_string(),
                source,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if has_extension(&path, TEXT_EXTENSIONS) {
            inputs.push(Input::File(path));
        }
    }
}

/// Decodes bytes as UTF-8 text, rejecting binary and empty inputs.
///
/// A UTF-8 byte order mark is dropped and Windows line endings become `\n`, so that offsets
/// count what a reader sees.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    let sniff = &bytes[..bytes.len().min(8192)];
    if sniff.contains(&0) {
        return Err(ReadError::Binary {
            path: name.to_owned(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
        path: name.to_owned(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.contains('\r') {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if text.trim().is_empty() {
        return Err(ReadError::Empty {
            path: name.to_owned(),
        });
    }
    Ok(text)
}

/// Reduces HTML to its readable text: drops `script`/`style`, turns block tags into line
/// breaks, removes the other tags and decodes the common entities.
///
/// This is not a full HTML parser; it is enough for article pages saved from a browser. For
/// anything harder, convert to text first (e.g. `pandoc -t plain`).
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let Some(rel) = html[i..].find('<') else {
            out.push_str(&decode_entities(&html[i..]));
            break;
        };
        out.push_str(&decode_entities(&html[i..i + rel]));
        let tag_start = i + rel;
        let Some(tag_len) = html[tag_start..].find('>') else {
            break;
        };
        let tag = &lower[tag_start + 1..tag_start + tag_len];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        i = tag_start + tag_len + 1;
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            i = lower[i..].find(&close).map_or(html.len(), |p| i + p);
            continue;
        }
        const BLOCKS: &[&str] = &[
            "p",
            "br",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "tr",
            "title",
            "article",
            "section",
            "header",
            "footer",
            "blockquote",
        ];
        if BLOCKS.contains(&name.as_str()) && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&lsquo;", "\u{2018}")
        .replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .replace("&mdash;", "\u{2014}")
        .replace("&ndash;", "\u{2013}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_empty_and_invalid_utf8() {
        assert!(matches!(
            decode("x", vec![0x50, 0x4b, 0, 1]),
            Err(ReadError::Binary { .. })
        ));
        assert!(matches!(
            decode("x", b"  \n ".to_vec()),
            Err(ReadError::Empty { .. })
        ));
        assert!(matches!(
            decode("x", vec![b'a', 0xff, b'b']),
            Err(ReadError::InvalidUtf8 { offset: 1, .. })
        ));
    }

    #[test]
    fn normalizes_bom_and_line_endings() {
        let text = decode("x", b"\xef\xbb\xbfOne.\r\nTwo.".to_vec()).unwrap();
        assert_eq!(text, "One.\nTwo.");
    }

    #[test]
    fn html_keeps_text_and_blocks() {
        let html = "<html><head><style>p{}</style><title>T</title></head><body><p>A &amp; B</p><script>x()</script><p>C</p></body></html>";
        let text = html_to_text(html);
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["T", "A", "&", "B", "C"]
        );
        assert!(!text.contains("x()"));
    }
}
