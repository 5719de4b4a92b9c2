//! The binary's newer commands and the helpers its commands share: reading SPARQL from an
//! argument, a file or standard input; output to standard output or a file (removed again when
//! the command fails); formats from file extensions; `kg update`, `kg documents`, `kg remove`,
//! `kg completions`, `kg man`; and which errors are the user's to fix (exit code 2).

use crate::cli::{Cli, ListFormat};
use crate::UsageError;
use anyhow::{bail, Context, Result};
use clap::CommandFactory;
use kg::store::{
    DocumentError, ResultsError, ResultsFormat, Stop, StoreError, UpdateError, Watchdog,
};
use kg::KgStore;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// "1 document", "2 documents".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether the error is a closed pipe (`kg dump | head`): a normal end, not a failure.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        let io = e
            .downcast_ref::<io::Error>()
            .or_else(|| match e.downcast_ref::<ResultsError>() {
                Some(ResultsError::Io(io)) => Some(io),
                _ => None,
            })
            .or_else(|| match e.downcast_ref::<StoreError>() {
                Some(StoreError::Io(io)) => Some(io),
                _ => None,
            });
        io.is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Errors of the newer commands that the user fixes by changing the command (exit code 2).
pub fn is_usage_error(error: &anyhow::Error) -> bool {
    matches!(
        error.downcast_ref::<StoreError>(),
        Some(StoreError::ReservedGraph(_) | StoreError::Parse(_))
    ) || matches!(
        error.downcast_ref::<UpdateError>(),
        Some(UpdateError::ReservedGraph(_) | UpdateError::UnnamedGraph(_) | UpdateError::Syntax(_))
    ) || matches!(
        error.downcast_ref::<DocumentError>(),
        Some(DocumentError::NotFound { .. } | DocumentError::Ambiguous { .. })
    )
}

/// The SPARQL text of `kg query` or `kg update`: the argument, or the file, `-` meaning
/// standard input for either.
pub fn read_sparql(text: Option<String>, file: Option<&Path>, what: &str) -> Result<String> {
    let from_stdin = || -> Result<String> {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).with_context(|| {
            format!("cannot read the {what} from standard input (is it UTF-8?)")
        })?;
        Ok(text)
    };
    match (text, file) {
        (Some(text), _) if text == "-" => from_stdin(),
        (Some(text), _) => Ok(text),
        (None, Some(file)) if file.as_os_str() == "-" => from_stdin(),
        (None, Some(file)) => {
            regular_file(file)?;
            std::fs::read_to_string(file).with_context(|| {
                format!(
                    "cannot read the {what} file {}; check the path",
                    file.display()
                )
            })
        }
        (None, None) => bail!(UsageError(format!(
            "give a {what}, -f FILE, or - to read it from standard input"
        ))),
    }
}

/// Checks that `path` is a regular file (not a FIFO, which would block, nor a directory) and
/// returns its canonical path.
pub fn regular_file(path: &Path) -> Result<PathBuf> {
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}; check the path", path.display()))?;
    if !metadata.is_file() {
        bail!(UsageError(format!(
            "{}: not a regular file (a directory, FIFO or device); give a file",
            path.display()
        )));
    }
    std::fs::canonicalize(path).with_context(|| format!("cannot resolve {}", path.display()))
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The results format a file name asks for (`-o results.json`).
pub fn results_format_of(path: &Path, is_graph: bool) -> Result<ResultsFormat> {
    let ext = extension(path);
    Ok(match (ext.as_str(), is_graph) {
        ("csv", false) => ResultsFormat::Sparql(QueryResultsFormat::Csv),
        ("tsv", false) => ResultsFormat::Sparql(QueryResultsFormat::Tsv),
        ("json" | "srj", false) => ResultsFormat::Sparql(QueryResultsFormat::Json),
        ("xml" | "srx", false) => ResultsFormat::Sparql(QueryResultsFormat::Xml),
        ("txt", false) => ResultsFormat::Table,
        ("jsonld" | "json", true) => ResultsFormat::json_ld(),
        ("rdf" | "xml" | "owl", true) => ResultsFormat::Rdf(RdfFormat::RdfXml),
        (ext, true) if RdfFormat::from_extension(ext).is_some() => {
            ResultsFormat::Rdf(RdfFormat::from_extension(ext).unwrap_or(RdfFormat::Turtle))
        }
        _ => bail!(UsageError(format!(
            "cannot tell the format of {} from its extension: {}, or add --format",
            path.display(),
            if is_graph {
                "a CONSTRUCT or DESCRIBE writes .ttl, .nt, .nq, .trig, .jsonld or .rdf"
            } else {
                "a SELECT or ASK writes .csv, .tsv, .json, .xml or .txt (a table)"
            }
        ))),
    })
}

/// The quad format a `kg dump -o FILE` name asks for.
pub fn dump_format_of(path: &Path) -> Result<RdfFormat> {
    match extension(path).as_str() {
        "trig" => Ok(RdfFormat::TriG),
        "nq" | "nquads" => Ok(RdfFormat::NQuads),
        _ => bail!(UsageError(format!(
            "cannot tell the format of {}: a dump holds named graphs, so name it .trig or .nq (or add --format trig|nquads)",
            path.display()
        ))),
    }
}

/// Where a command writes: standard output, or a file that is removed again if the command
/// fails (no half-written results left behind).
pub enum Output {
    /// Standard output, buffered.
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    /// A file being written.
    File(io::BufWriter<std::fs::File>, PathBuf),
}

impl Output {
    /// Standard output, or the file `path` (created or truncated).
    pub fn open(path: Option<&Path>) -> Result<Self> {
        Ok(match path {
            None => Self::Stdout(io::BufWriter::new(io::stdout().lock())),
            Some(path) if path.as_os_str() == "-" => {
                Self::Stdout(io::BufWriter::new(io::stdout().lock()))
            }
            Some(path) => {
                let file = std::fs::File::create(path).with_context(|| {
                    format!(
                        "cannot create {}; check that its directory exists and is writable",
                        path.display()
                    )
                })?;
                Self::File(io::BufWriter::new(file), path.to_owned())
            }
        })
    }

    /// Flushes; for a file, makes sure it is on disk.
    pub fn finish(self) -> Result<()> {
        match self {
            Self::Stdout(mut out) => out.flush()?,
            Self::File(mut out, path) => {
                let result = out.flush().and_then(|()| out.get_ref().sync_all());
                if let Err(error) = result {
                    let _ = std::fs::remove_file(&path);
                    return Err(error).with_context(|| format!("cannot write {}", path.display()));
                }
            }
        }
        Ok(())
    }

    /// Gives up: a file written so far is removed.
    pub fn abandon(&mut self) {
        if let Self::File(_, path) = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Self::Stdout(out) => out.write(buf),
            Self::File(out, _) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Self::Stdout(out) => out.flush(),
            Self::File(out, _) => out.flush(),
        }
    }
}

/// How `kg query` runs, besides its text and format.
pub struct QueryRun {
    /// `-o FILE`.
    pub output: Option<PathBuf>,
    /// `--timeout SECS` (0: none).
    pub timeout: f64,
    /// `--max-memory` in bytes (0: none).
    pub max_memory: u64,
    /// `--explain`.
    pub explain: bool,
}

/// How long a cancelled query may take to stop before the process exits.
const GRACE: Duration = Duration::from_secs(2);

impl QueryRun {
    fn timeout(&self) -> Option<Duration> {
        (self.timeout > 0.0 && self.timeout.is_finite())
            .then(|| Duration::from_secs_f64(self.timeout))
    }

    fn stop_message(timeout: f64, max_memory: u64, stop: Stop) -> String {
        match stop {
            Stop::Timeout => format!(
                "the query ran longer than {timeout} s and was stopped (--timeout {timeout}); make it more selective (LIMIT, fewer unbound patterns) or give it more time with --timeout SECS (0: no limit)"
            ),
            Stop::Memory => format!(
                "the query used more than {} MB of memory and was stopped (--max-memory); make it more selective (LIMIT, fewer unbound patterns, no ORDER BY over everything) or raise --max-memory",
                max_memory / (1 << 20)
            ),
        }
    }

    /// Starts the query's watchdog. A query that does not stop within two seconds of its
    /// cancellation (some operators check only between rows) ends the process, exit code 2.
    pub fn watchdog(&self) -> Watchdog {
        let (timeout, max_memory) = (self.timeout, self.max_memory);
        let output = self.output.clone();
        Watchdog::start(self.timeout(), max_memory, GRACE, move |stop| {
            if let Some(path) = &output {
                let _ = std::fs::remove_file(path);
            }
            eprintln!("kg: {}", Self::stop_message(timeout, max_memory, stop));
            std::process::exit(2);
        })
    }

    /// The error to report for a query that failed: the watchdog's reason when it stopped it.
    pub fn stopped_error(&self, watchdog: &Watchdog, error: anyhow::Error) -> anyhow::Error {
        match watchdog.stopped() {
            Some(stop) => {
                if let Some(path) = &self.output {
                    let _ = std::fs::remove_file(path);
                }
                UsageError(Self::stop_message(self.timeout, self.max_memory, stop)).into()
            }
            None => error,
        }
    }
}

/// `kg update`.
pub fn update(store: &Path, sparql: Option<String>, file: Option<&Path>) -> Result<ExitCode> {
    let text = read_sparql(sparql, file, "update")?;
    let store = KgStore::open(store)?;
    let before = store.store().len()? as i64;
    store.update(&text)?;
    let after = store.store().len()? as i64;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "update done: {} ({:+})",
        plural(after as u64, "quad", "quads"),
        after - before
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// `kg documents`.
pub fn documents(store: &Path, format: Option<ListFormat>) -> Result<ExitCode> {
    let store = KgStore::open_read_only(store)?;
    let documents = store.documents()?;
    let terminal = io::stdout().is_terminal();
    let format = format.unwrap_or(if terminal {
        ListFormat::Table
    } else {
        ListFormat::Csv
    });
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &documents)?;
            writeln!(out)?;
        }
        ListFormat::Csv => {
            writeln!(out, "id,date,facts,source,headline")?;
            for d in &documents {
                writeln!(
                    out,
                    "{},{},{},{},{}",
                    d.id,
                    d.date.as_deref().unwrap_or(""),
                    d.facts,
                    csv_field(&d.sources.join(" ")),
                    csv_field(d.headline.as_deref().unwrap_or(""))
                )?;
            }
        }
        ListFormat::Table => {
            // Headlines are cut to the terminal's width; piped, they are whole.
            let width = if terminal {
                terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0))
            } else {
                usize::MAX
            };
            let source_width = documents
                .iter()
                .map(|d| d.sources.first().map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
                .clamp(6, 40);
            writeln!(
                out,
                "{:<16}  {:<10}  {:>5}  {:<source_width$}  headline",
                "id", "date", "facts", "source"
            )?;
            for d in &documents {
                let source = d.sources.first().map_or("", String::as_str);
                let source: String = if source.chars().count() > source_width {
                    let tail: String = source
                        .chars()
                        .rev()
                        .take(source_width - 1)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    format!("\u{2026}{tail}")
                } else {
                    source.to_owned()
                };
                let room = width.saturating_sub(16 + 10 + 5 + source_width + 8).max(10);
                let headline: String = d
                    .headline
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .take(room)
                    .collect();
                writeln!(
                    out,
                    "{:<16}  {:<10}  {:>5}  {:<source_width$}  {}",
                    d.id,
                    d.date.as_deref().unwrap_or("-"),
                    d.facts,
                    source,
                    headline.trim_end()
                )?;
            }
            writeln!(
                out,
                "({})",
                plural(documents.len() as u64, "article", "articles")
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `kg remove DOC…`: every name is resolved first, so a typo removes nothing.
pub fn remove(store: &Path, names: &[String]) -> Result<ExitCode> {
    let store = KgStore::open(store)?;
    let mut ids = Vec::new();
    for name in names {
        let document = store.find_document(name)?;
        if !ids.contains(&document.id) {
            ids.push(document.id);
        }
    }
    let removed = store.remove_documents(&ids)?;
    let counts = store.counts()?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "removed {}; the store holds {} and {}",
        plural(removed as u64, "article", "articles"),
        plural(counts.documents, "article", "articles"),
        plural(counts.quads, "quad", "quads")
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `kg completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    // Generated into memory: clap_complete panics when its writer fails (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kg", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `kg man`.
pub fn man() -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
