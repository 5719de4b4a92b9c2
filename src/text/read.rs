//! Reading inputs: files, directories, stdin; decoding bytes into text a person would read.
//!
//! Bad inputs (unreadable, binary, invalid UTF-8, empty) are errors for that input only: the
//! caller reports them one line each and goes on with the rest of the run.
//!
//! Nothing here may block or loop: a FIFO, socket or device among the inputs is reported and
//! skipped (its type is checked before it is opened, and files are opened non-blocking), and a
//! directory walk remembers the directories it is inside, so a symlink back to one of them is
//! reported instead of followed.

use std::collections::HashSet;
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
    #[error("{path}: a NUL byte at byte {offset}: a binary file, not text; skipped (convert it to UTF-8 text first)")]
    Binary {
        /// The input as given.
        path: String,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A byte-order mark says UTF-16, and the bytes after it are not UTF-16.
    #[error("{path}: starts with a UTF-16 byte-order mark but is not valid UTF-16; convert it, e.g. `iconv -f utf-16 -t utf-8`")]
    InvalidUtf16 {
        /// The input as given.
        path: String,
    },
    /// A FIFO, socket or device: reading it could block forever.
    #[error("{path}: a {kind}, not a regular file; skipped (copy what it gives to a file, or pipe it to `kg ingest -`)")]
    NotRegularFile {
        /// The input as given.
        path: String,
        /// What it is: "FIFO", "socket", "device".
        kind: &'static str,
    },
    /// A directory reached again through a symbolic link while inside it.
    #[error(
        "{path}: a symbolic link loop (it leads back to {target}, which is being read); skipped"
    )]
    SymlinkLoop {
        /// The link as found.
        path: String,
        /// The directory it leads back to.
        target: String,
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
                let file = open_nonblocking(p).map_err(io_error)?;
                let metadata = file.metadata().map_err(io_error)?;
                if !metadata.is_file() {
                    return Err(ReadError::NotRegularFile {
                        path: name.clone(),
                        kind: kind_of(&metadata),
                    });
                }
                let size = metadata.len();
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

/// Opens a file for reading without blocking on a FIFO (whose `open` waits for a writer).
fn open_nonblocking(path: &Path) -> io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a file that is neither a regular file nor a directory is, for messages.
fn kind_of(metadata: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = metadata.file_type();
        if t.is_fifo() {
            return "FIFO (named pipe)";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if metadata.is_dir() {
        "directory"
    } else {
        "special file"
    }
}

/// Expands command-line paths into inputs: files as given, directories recursively (only
/// `.txt`, `.md`, `.html` files, in sorted order so runs are reproducible), `-` as stdin.
///
/// A path that does not exist, a FIFO, socket or device, and a symbolic link leading back into a
/// directory being walked are returned as errors for that path; the others still expand. A file
/// reached twice (under two names, or through a link) is read once.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut walk = Walk::default();
    for path in paths {
        if path.as_os_str() == "-" {
            walk.inputs.push(Input::Stdin);
            continue;
        }
        // `metadata` (stat) follows links and never blocks, unlike `open` on a FIFO.
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk.dir(path),
            Ok(m) if m.is_file() => walk.file(path),
            Ok(m) => walk.errors.push(ReadError::NotRegularFile {
                path: path.display().to_string(),
                kind: kind_of(&m),
            }),
            Err(source) => walk.errors.push(ReadError::Io {
                path: path.display().to_string(),
                source: if source.kind() == io::ErrorKind::NotFound {
                    io::Error::new(io::ErrorKind::NotFound, "no such file or directory")
                } else {
                    source
                },
            }),
        }
    }
    (walk.inputs, walk.errors)
}

/// A walk over the inputs: what it found, what failed, and where it has been.
#[derive(Default)]
struct Walk {
    inputs: Vec<Input>,
    errors: Vec<ReadError>,
    /// Canonical paths of the files taken, so a file is read once.
    files: HashSet<PathBuf>,
    /// Canonical paths of the directories walked, so a directory is walked once.
    dirs: HashSet<PathBuf>,
    /// Canonical paths of the directories the walk is inside: a link to one is a loop.
    inside: Vec<PathBuf>,
}

impl Walk {
    fn file(&mut self, path: &Path) {
        let key = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if self.files.insert(key) {
            self.inputs.push(Input::File(path.to_owned()));
        }
    }

    fn dir(&mut self, dir: &Path) {
        let canonical = match fs::canonicalize(dir) {
            Ok(c) => c,
            Err(source) => {
                self.errors.push(ReadError::Io {
                    path: dir.display().to_string(),
                    source,
                });
                return;
            }
        };
        if self.inside.contains(&canonical) {
            self.errors.push(ReadError::SymlinkLoop {
                path: dir.display().to_string(),
                target: canonical.display().to_string(),
            });
            return;
        }
        if !self.dirs.insert(canonical.clone()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(source) => {
                self.errors.push(ReadError::Io {
                    path: dir.display().to_string(),
                    source,
                });
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        self.inside.push(canonical);
        for path in paths {
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => self.dir(&path),
                Ok(m) if has_extension(&path, TEXT_EXTENSIONS) => {
                    if m.is_file() {
                        self.file(&path);
                    } else {
                        self.errors.push(ReadError::NotRegularFile {
                            path: path.display().to_string(),
                            kind: kind_of(&m),
                        });
                    }
                }
                Ok(_) => {}
                // A dangling link or a link loop (ELOOP) named like an article is worth a line.
                Err(source) if has_extension(&path, TEXT_EXTENSIONS) => {
                    self.errors.push(ReadError::Io {
                        path: path.display().to_string(),
                        source,
                    });
                }
                Err(_) => {}
            }
        }
        self.inside.pop();
    }
}

/// Decodes bytes as text, rejecting binary and empty inputs.
///
/// UTF-8 is the rule; UTF-16 (little- or big-endian) is decoded when a byte-order mark says so.
/// A NUL byte anywhere (after UTF-16 decoding) marks a binary file. A UTF-8 byte order mark is
/// dropped and Windows line endings become `\n`, so that offsets count what a reader sees.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, ReadError> {
    let mut text = match utf16_order(&bytes) {
        Some(little_endian) => {
            decode_utf16(&bytes[2..], little_endian).ok_or_else(|| ReadError::InvalidUtf16 {
                path: name.to_owned(),
            })?
        }
        None => {
            if let Some(offset) = bytes.iter().position(|&b| b == 0) {
                return Err(ReadError::Binary {
                    path: name.to_owned(),
                    offset,
                });
            }
            String::from_utf8(bytes).map_err(|e| ReadError::InvalidUtf8 {
                path: name.to_owned(),
                offset: e.utf8_error().valid_up_to(),
            })?
        }
    };
    if let Some(offset) = text.find('\0') {
        return Err(ReadError::Binary {
            path: name.to_owned(),
            offset,
        });
    }
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

/// `Some(true)` for a UTF-16 little-endian byte-order mark, `Some(false)` for big-endian.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, ..] => Some(true),
        [0xfe, 0xff, ..] => Some(false),
        _ => None,
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Option<String> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok()
}

/// Reduces HTML to its readable text: drops comments and `script`/`style`/`noscript`/`template`
/// elements, turns block tags into line breaks, removes the other tags and decodes every named
/// and numeric entity (a non-breaking space becomes a space).
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
        if html[tag_start..].starts_with("<!--") {
            i = html[tag_start + 4..]
                .find("-->")
                .map_or(html.len(), |p| tag_start + 4 + p + 3);
            continue;
        }
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
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template")
            && !tag.starts_with('/')
        {
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
    html_escape::decode_html_entities(s).replace('\u{a0}', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_binary_empty_and_invalid_utf8() {
        assert!(matches!(
            decode("x", vec![0x50, 0x4b, 0, 1]),
            Err(ReadError::Binary { offset: 2, .. })
        ));
        let mut late_nul = "word ".repeat(4000).into_bytes();
        late_nul.push(0);
        assert!(matches!(
            decode("x", late_nul),
            Err(ReadError::Binary { offset: 20000, .. })
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
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "Zoë met Łukasz.\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode("x", le).unwrap(), text);
        assert_eq!(decode("x", be).unwrap(), text);
        assert!(matches!(
            decode("x", vec![0xff, 0xfe, b'a']),
            Err(ReadError::InvalidUtf16 { .. })
        ));
    }

    #[test]
    fn html_drops_comments_and_decodes_every_entity() {
        let html = "<p>A<!-- secret <b>note</b> -->B &eacute;t&#233; &#x2014; caf&eacute;&nbsp;&amp; co</p><noscript>no</noscript>";
        assert_eq!(html_to_text(html).trim(), "AB été \u{2014} café & co");
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
