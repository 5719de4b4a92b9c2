//! The `kg` binary: parses the command line (see `cli.rs`) and dispatches to the library.
//!
//! Exit codes: 0 success; 1 some inputs failed (the rest were processed); 2 usage or query errors.
//! A closed pipe (`kg query ... | head`) is not an error.

mod cli;
mod commands;

/// mimalloc instead of the system's allocator. Why: extraction makes and drops many small
/// strings and vectors on every core, and the writer holds large maps for a batch; with glibc's
/// allocator, 30 MB of news took 43.3 / 45.5 s of CPU, with mimalloc 37.9 / 39.9 s (two runs
/// each, alternating), the same peak memory, which mimalloc gives back once a batch is
/// written (0.39 against 0.70 GB after the last). It replaces `malloc` too (the `override`
/// feature), for RocksDB's C++ and for one more reason: Oxigraph takes RocksDB's error
/// messages (C strings from `malloc`) as Rust `CString`s and frees them with Rust's allocator,
/// so with two allocators any RocksDB error (a store in use by another process) crashed kg.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{bail, Context, Result};
use clap::Parser;
use cli::{
    AnalysisFormat, Cli, Command, DumpFormat, ExportFormat, ExtractFormat, LayoutChoice,
    QueryFormat,
};
use indicatif::{ProgressBar, ProgressStyle};
use kg::export::{ExportOptions, ImageFormat, LayoutEngine, Selection};
use kg::pipeline::{ingest_articles, Article, IngestObserver, IngestSettings, IngestTally};
use kg::rdf::GraphOptions;
use kg::store::Ingestor;
use kg::store::{write_results_width, Counts, ResultsError, ResultsFormat};
use kg::text::{collect_inputs, read_manifest, Input};
use kg::{extract, IngestOutcome, KgStore};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// An error that is the user's to fix (bad query, bad arguments): exit code 2.
#[derive(Debug)]
struct UsageError(String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            if commands::is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            let mut message = format!("kg: {error}");
            for cause in error.chain().skip(1) {
                message.push_str(&format!("\n  caused by: {cause}"));
            }
            eprintln!("{message}");
            if is_usage_error(&error) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// Errors the user fixes by changing the command (exit code 2), as opposed to failures.
fn is_usage_error(error: &anyhow::Error) -> bool {
    use kg::export::ExportError;
    error.downcast_ref::<UsageError>().is_some()
        || error
            .downcast_ref::<kg::analysis::AnalysisError>()
            .is_some_and(|e| {
                matches!(
                    e,
                    kg::analysis::AnalysisError::Resolve(ExportError::EntityNotFound { .. })
                )
            })
        || commands::is_usage_error(error)
        || error.downcast_ref::<kg::store::QueryError>().is_some()
        || error
            .downcast_ref::<kg::store::StoreError>()
            .is_some_and(|e| {
                matches!(
                    e,
                    kg::store::StoreError::Missing { .. } | kg::store::StoreError::NotAStore { .. }
                )
            })
        || error
            .downcast_ref::<kg::serve::ServeError>()
            .is_some_and(kg::serve::ServeError::is_usage)
        || error.downcast_ref::<ExportError>().is_some_and(|e| {
            matches!(
                e,
                ExportError::TooManyNodes { .. }
                    | ExportError::NothingToDraw { .. }
                    | ExportError::EntityNotFound { .. }
                    | ExportError::DocumentNotFound { .. }
                    | ExportError::NotAGraphQuery(_)
                    | ExportError::QuerySyntax(_)
            )
        })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            paths,
            from_nquads: true,
            quiet,
            batch,
            ..
        } => ingest_nquads(&cli.store, &paths, quiet, batch as usize),
        Command::Ingest {
            paths,
            date,
            manifest,
            quiet,
            max_document_size,
            batch,
            lexicons,
            keep_text,
            ..
        } => {
            install_lexicons(&lexicons)?;
            ingest(
                &cli.store,
                &paths,
                IngestOptions {
                    manifest: manifest.as_deref(),
                    quiet,
                    settings: IngestSettings {
                        date,
                        max_document_size,
                        batch: batch as usize,
                        graph: GraphOptions { keep_text },
                    },
                },
            )
        }
        Command::Query {
            sparql,
            file,
            format,
            output,
            timeout,
            max_memory,
            explain,
        } => query(
            &cli.store,
            sparql,
            file.as_deref(),
            format,
            commands::QueryRun {
                output,
                timeout,
                max_memory,
                explain,
            },
        ),
        Command::Update { sparql, file } => commands::update(&cli.store, sparql, file.as_deref()),
        Command::Documents { format } => commands::documents(&cli.store, format),
        Command::Remove { documents } => commands::remove(&cli.store, &documents),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man => commands::man(),
        Command::Extract {
            paths,
            date,
            format,
            max_document_size,
            lexicons,
            keep_text,
        } => {
            install_lexicons(&lexicons)?;
            extract_json(
                &paths,
                date,
                format,
                max_document_size,
                GraphOptions { keep_text },
            )
        }
        Command::Stats { json } => stats(&cli.store, json),
        Command::Dump { format, output } => dump(&cli.store, format, output.as_deref()),
        Command::Load { file, graph } => load(&cli.store, &file, graph.as_deref()),
        Command::Push {
            to,
            query_endpoint,
            graph_store_endpoint,
            jobs,
            timeout,
            verbose,
        } => push(
            &cli.store,
            &to,
            query_endpoint.as_deref(),
            graph_store_endpoint.as_deref(),
            jobs as usize,
            timeout,
            verbose,
        ),
        Command::Export {
            output,
            format,
            focus,
            depth,
            query,
            doc,
            max_nodes,
            layout,
        } => {
            let selection = match (focus, query, doc) {
                (Some(name), _, _) => Selection::Focus { name, depth },
                (_, Some(file), _) => {
                    Selection::Construct(std::fs::read_to_string(&file).with_context(|| {
                        format!("cannot read the query file {}", file.display())
                    })?)
                }
                (_, _, Some(id)) => Selection::Document(id),
                _ => Selection::All,
            };
            export(&cli.store, &output, format, selection, max_nodes, layout)
        }
        Command::Serve {
            bind,
            public,
            timeout,
            max_rows,
            refresh,
            workers,
        } => {
            let mut options = kg::serve::ServeOptions {
                bind,
                public,
                timeout,
                max_rows,
                refresh,
                ..Default::default()
            };
            if let Some(n) = workers {
                options.workers = n as usize;
            }
            kg::serve::serve(&cli.store, &options, |address| {
                println!(
                    "kg serve: listening on http://{address}/ (store {}, read-only)",
                    cli.store.display()
                );
                let _ = io::stdout().flush();
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Why { name, role, format } => why(&cli.store, &name, role.as_deref(), format),
        Command::Conflicts { format } => conflicts(&cli.store, format),
    }
}

fn open_store(path: &Path) -> Result<KgStore> {
    Ok(KgStore::open(path)?)
}

/// For commands that only read: never creates a store, works while an ingest runs.
fn open_store_read_only(path: &Path) -> Result<KgStore> {
    Ok(KgStore::open_read_only(path)?)
}

/// How `kg ingest` was asked to run.
struct IngestOptions<'a> {
    manifest: Option<&'a Path>,
    quiet: bool,
    settings: IngestSettings,
}

/// The progress bar (articles/s, MB/s, ETA) and the problems printed above it.
struct Progress {
    bar: Option<ProgressBar>,
    articles: usize,
    done: std::sync::atomic::AtomicUsize,
    started: std::time::Instant,
}

impl IngestObserver for Progress {
    fn started(&self, _articles: usize, bytes: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(bytes.max(1));
        }
    }

    fn extracted(&self, articles: usize, bytes: u64) {
        use std::sync::atomic::Ordering;
        let done = self.done.fetch_add(articles, Ordering::Relaxed) + articles;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!(
                "{done}/{} articles, {:.0} articles/s",
                self.articles,
                done as f64 / secs
            ));
        }
    }

    fn problem(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("kg: {message}")),
            None => eprintln!("kg: {message}"),
        }
    }
}

fn ingest(store_path: &Path, paths: &[PathBuf], options: IngestOptions<'_>) -> Result<ExitCode> {
    let mut articles = Vec::new();
    let mut failed = 0usize;
    let (inputs, errors) = collect_inputs(paths);
    for error in errors {
        eprintln!("kg: {error}");
        failed += 1;
    }
    articles.extend(inputs.into_iter().map(Article::new));
    if let Some(manifest) = options.manifest {
        let entries = read_manifest(manifest).map_err(|e| UsageError(e.to_string()))?;
        for entry in entries {
            let Some(path) = entry.path.clone() else {
                eprintln!(
                    "kg: {}: a row without a path is skipped",
                    manifest.display()
                );
                continue;
            };
            articles.push(Article {
                input: Input::File(path),
                meta: entry,
            });
        }
    }

    if !articles.is_empty() {
        // Meanwhile the store opens and the first articles are read.
        rayon::spawn(kg::extract::warm_up);
    }
    let mut store = open_store(store_path)?;
    let bar = (!options.quiet && io::stderr().is_terminal() && articles.len() > 5).then(|| {
        // Its length is set when the ingest starts (`Progress::started`).
        let bar = ProgressBar::new(1);
        bar.set_style(
            ProgressStyle::with_template(
                "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let progress = Progress {
        bar,
        articles: articles.len(),
        done: Default::default(),
        started: std::time::Instant::now(),
    };
    let mut tally = ingest_articles(&mut store, &articles, &options.settings, &progress)?;
    if let Some(bar) = progress.bar {
        bar.finish_and_clear();
    }
    tally.failed += failed;
    finish_ingest(&store, options.quiet, &[], tally)
}

/// The end of `kg ingest` (either path): `notes`, the tally and what the store holds (unless
/// quiet), and exit code 1 when some document failed.
fn finish_ingest(
    store: &KgStore,
    quiet: bool,
    notes: &[String],
    tally: IngestTally,
) -> Result<ExitCode> {
    let IngestTally {
        added,
        replaced,
        unchanged,
        failed,
    } = tally;
    if !quiet {
        let counts = store.counts()?;
        let mut out = io::stdout().lock();
        for note in notes {
            writeln!(out, "{note}")?;
        }
        writeln!(
            out,
            "documents: {added} added, {replaced} replaced, {unchanged} unchanged, {failed} failed"
        )?;
        print_counts(&mut out, store, &counts)?;
        out.flush()?;
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// The reduce step: document graphs from `kg extract --format nquads` (files, directories of
/// `.nq` files, or -) into the store, deriving entities and facts as `kg ingest` does.
fn ingest_nquads(
    store_path: &Path,
    paths: &[PathBuf],
    quiet: bool,
    batch: usize,
) -> Result<ExitCode> {
    use kg::store::{read_document_graphs, DocumentGraph, ReadGraph};
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot list {}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "nq"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut store = open_store(store_path)?;
    let mut ingestor = Ingestor::new(&store);
    let (mut added, mut replaced, mut unchanged, mut failed) = (0usize, 0usize, 0usize, 0usize);
    let mut skipped = std::collections::BTreeSet::new();
    let mut store_batch = |graphs: &mut Vec<DocumentGraph>| -> Result<()> {
        if graphs.is_empty() {
            return Ok(());
        }
        for outcome in ingestor.ingest_documents(std::mem::take(graphs))? {
            match outcome {
                IngestOutcome::Added => added += 1,
                IngestOutcome::Replaced => replaced += 1,
                IngestOutcome::Unchanged => unchanged += 1,
            }
        }
        graphs.clear();
        Ok(())
    };
    for file in &files {
        let reader: Box<dyn io::Read> = if file.as_os_str() == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(
                std::fs::File::open(file)
                    .with_context(|| format!("cannot read {}", file.display()))?,
            )
        };
        let mut pending: Vec<DocumentGraph> = Vec::new();
        let mut pending_quads = 0usize;
        for item in read_document_graphs(io::BufReader::new(reader)) {
            match item {
                Ok(ReadGraph::Document(graph)) => {
                    pending_quads += graph.len();
                    pending.push(graph);
                    if pending.len() >= batch || pending_quads >= 2_000_000 {
                        store_batch(&mut pending)?;
                        pending_quads = 0;
                    }
                }
                Ok(ReadGraph::Skipped(graph)) => {
                    skipped.insert(graph.into_string());
                }
                Err(error) => {
                    failed += 1;
                    eprintln!(
                        "kg: {}: {error} (the documents before it are stored)",
                        file.display()
                    );
                    break;
                }
            }
        }
        store_batch(&mut pending)?;
    }
    // The ingestor saves its name tallies beside the store as it goes.
    drop(ingestor);
    if added + replaced > 1000 {
        store.flush()?;
    }
    let notes: Vec<String> = skipped
        .iter()
        .map(|graph| format!("skipped <{graph}>: derived again from the documents"))
        .collect();
    let tally = IngestTally {
        added,
        replaced,
        unchanged,
        failed,
    };
    finish_ingest(&store, quiet, &notes, tally)
}

fn print_counts(out: &mut dyn Write, store: &KgStore, counts: &Counts) -> io::Result<()> {
    use commands::plural;
    let location = store
        .path()
        .map_or_else(|| "memory".to_owned(), |p| p.display().to_string());
    writeln!(
        out,
        "store {location}: {}, {}, {}, {}, {}, {} ({} dated), {}",
        plural(counts.documents, "document", "documents"),
        plural(counts.people, "person", "people"),
        plural(counts.organizations, "organization", "organizations"),
        plural(counts.places, "place", "places"),
        plural(counts.memberships, "membership", "memberships"),
        plural(counts.events, "event", "events"),
        counts.dated_events,
        plural(counts.quads, "quad", "quads"),
    )
}

fn query(
    store_path: &Path,
    sparql: Option<String>,
    file: Option<&Path>,
    format: Option<QueryFormat>,
    run: commands::QueryRun,
) -> Result<ExitCode> {
    let text = commands::read_sparql(sparql, file, "query")?;
    let store = open_store_read_only(store_path)?;
    let watchdog = run.watchdog();
    if run.explain {
        let plan = store
            .explain(&text, watchdog.token())
            .map_err(|e| run.stopped_error(&watchdog, e.into()))?;
        let mut out = commands::Output::open(run.output.as_deref())?;
        writeln!(out, "{}", plan.trim_end())?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let results = store.query_cancellable(&text, watchdog.token())?;
    let terminal = run.output.is_none() && io::stdout().is_terminal();
    let is_graph = matches!(results, oxigraph::sparql::QueryResults::Graph(_));
    let format = match format {
        Some(QueryFormat::Table) => ResultsFormat::Table,
        Some(QueryFormat::Csv) => ResultsFormat::Sparql(QueryResultsFormat::Csv),
        Some(QueryFormat::Tsv) => ResultsFormat::Sparql(QueryResultsFormat::Tsv),
        Some(QueryFormat::Json) => ResultsFormat::Sparql(QueryResultsFormat::Json),
        Some(QueryFormat::Xml) => ResultsFormat::Sparql(QueryResultsFormat::Xml),
        Some(QueryFormat::Turtle) => ResultsFormat::Rdf(RdfFormat::Turtle),
        Some(QueryFormat::Ntriples) => ResultsFormat::Rdf(RdfFormat::NTriples),
        Some(QueryFormat::Nquads) => ResultsFormat::Rdf(RdfFormat::NQuads),
        Some(QueryFormat::Trig) => ResultsFormat::Rdf(RdfFormat::TriG),
        Some(QueryFormat::Jsonld) => ResultsFormat::json_ld(),
        Some(QueryFormat::Rdfxml) => ResultsFormat::Rdf(RdfFormat::RdfXml),
        None => match run.output.as_deref() {
            Some(path) => commands::results_format_of(path, is_graph)?,
            None if is_graph => ResultsFormat::Rdf(RdfFormat::Turtle),
            None if terminal => ResultsFormat::Table,
            None => ResultsFormat::Sparql(QueryResultsFormat::Csv),
        },
    };
    let width = if terminal {
        terminal_size::terminal_size().map_or(kg::store::DEFAULT_TABLE_WIDTH, |(w, _)| {
            usize::from(w.0).max(40)
        })
    } else {
        kg::store::DEFAULT_TABLE_WIDTH
    };
    let mut out = commands::Output::open(run.output.as_deref())?;
    match write_results_width(results, format, &mut out, width) {
        Err(ResultsError::Mismatch(message)) => {
            out.abandon();
            bail!(UsageError(message))
        }
        Err(error) => {
            out.abandon();
            return Err(run.stopped_error(&watchdog, error.into()));
        }
        Ok(()) => {}
    }
    watchdog.finish();
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn extract_json(
    paths: &[PathBuf],
    date: Option<jiff::civil::Date>,
    format: Option<ExtractFormat>,
    max_bytes: u64,
    graph: GraphOptions,
) -> Result<ExitCode> {
    let (inputs, errors) = collect_inputs(paths);
    let mut failed = errors.len();
    for error in errors {
        eprintln!("kg: {error}");
    }
    if !inputs.is_empty() {
        rayon::spawn(kg::extract::warm_up);
    }
    let format = format.unwrap_or(if inputs.len() == 1 && paths.len() == 1 {
        ExtractFormat::Json
    } else {
        ExtractFormat::Jsonl
    });
    if format == ExtractFormat::Json && inputs.len() != 1 {
        return Err(UsageError(format!(
            "--format json prints one article, and {} were given: use --format jsonl for several",
            inputs.len()
        ))
        .into());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Extract in parallel, a chunk at a time, and print in input order: memory stays bounded by
    // the chunk, not the corpus.
    let chunk = rayon::current_num_threads().max(1) * 16;
    for group in inputs.chunks(chunk) {
        let results: Vec<Result<Vec<u8>>> = group
            .par_iter()
            .map(|input| {
                let document = Article::new(input.clone()).read(date, max_bytes)?;
                let extraction = extract(document);
                Ok(match format {
                    ExtractFormat::Json => {
                        let mut bytes =
                            serde_json::to_vec_pretty(&kg::extract::extraction_json(&extraction))?;
                        bytes.push(b'\n');
                        bytes
                    }
                    ExtractFormat::Jsonl => {
                        let mut bytes =
                            serde_json::to_vec(&kg::extract::extraction_json(&extraction))?;
                        bytes.push(b'\n');
                        bytes
                    }
                    ExtractFormat::Nquads => kg::rdf::document_nquads(&extraction, graph),
                })
            })
            .collect();
        for (input, result) in group.iter().zip(results) {
            match result {
                Ok(bytes) => out.write_all(&bytes)?,
                Err(error) => {
                    failed += 1;
                    eprintln!("kg: {}: {error:#}", input.name());
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn stats(store_path: &Path, json: bool) -> Result<ExitCode> {
    let store = open_store_read_only(store_path)?;
    let counts = store.counts()?;
    let size = store.size_on_disk().unwrap_or(0);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        let mut value = serde_json::to_value(&counts)?;
        value["bytes_on_disk"] = serde_json::json!(size);
        writeln!(out, "{value}")?;
    } else {
        writeln!(out, "documents      {}", counts.documents)?;
        writeln!(out, "people         {}", counts.people)?;
        writeln!(out, "organizations  {}", counts.organizations)?;
        writeln!(out, "places         {}", counts.places)?;
        writeln!(out, "memberships    {}", counts.memberships)?;
        writeln!(
            out,
            "events         {} ({} dated)",
            counts.events, counts.dated_events
        )?;
        writeln!(out, "quads          {}", counts.quads)?;
        writeln!(out, "size on disk   {:.1} MB", size as f64 / 1e6)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn dump(store_path: &Path, format: Option<DumpFormat>, output: Option<&Path>) -> Result<ExitCode> {
    let format = match (format, output) {
        (Some(DumpFormat::Trig), _) => RdfFormat::TriG,
        (Some(DumpFormat::Nquads), _) => RdfFormat::NQuads,
        (None, Some(path)) => commands::dump_format_of(path)?,
        (None, None) => RdfFormat::TriG,
    };
    let store = open_store_read_only(store_path)?;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            store.dump(io::BufWriter::new(file), format)?;
        }
        None => store.dump(io::BufWriter::new(io::stdout().lock()), format)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn load(store_path: &Path, file: &Path, graph: Option<&str>) -> Result<ExitCode> {
    let format = file
        .extension()
        .and_then(|e| e.to_str())
        .and_then(RdfFormat::from_extension)
        .ok_or_else(|| {
            UsageError(format!(
                "{}: unknown RDF format; use a file ending in .ttl, .nt, .nq, .trig, .rdf or .jsonld",
                file.display()
            ))
        })?;
    let canonical = commands::regular_file(file)?;
    let graph = match graph {
        Some(iri) => oxigraph::model::NamedNode::new(iri).map_err(|e| {
            UsageError(format!(
                "--graph {iri}: not an IRI ({e}); write an absolute IRI such as https://example.org/my-graph"
            ))
        })?,
        None => kg::rdf::iri::user_graph_for_path(&canonical),
    };
    let store = open_store(store_path)?;
    let n = store
        .load(
            || std::fs::File::open(file).map(io::BufReader::new),
            format,
            &graph,
        )
        .with_context(|| format!("{}: not loaded", file.display()))?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "loaded {} into graph <{}> (replacing what it held)",
        commands::plural(n as u64, "quad", "quads"),
        graph.as_str()
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `kg push`: the store's graphs to a SPARQL server (see [`kg::push`]).
fn push(
    store_path: &Path,
    to: &str,
    query_endpoint: Option<&str>,
    graph_store_endpoint: Option<&str>,
    jobs: usize,
    timeout: u64,
    verbose: bool,
) -> Result<ExitCode> {
    use kg::push::{Credentials, Endpoints, PushError, PushEvent, PushOptions};
    let endpoints = Endpoints::new(to, query_endpoint, graph_store_endpoint).map_err(|e| {
        if matches!(e, PushError::BadUrl(_)) {
            anyhow::Error::new(UsageError(e.to_string()))
        } else {
            e.into()
        }
    })?;
    let mut options = PushOptions::new(endpoints);
    options.jobs = jobs;
    options.timeout = std::time::Duration::from_secs(timeout);
    options.credentials = match (
        std::env::var("KG_PUSH_USER"),
        std::env::var("KG_PUSH_PASSWORD"),
    ) {
        (Ok(user), Ok(password)) => Some(Credentials { user, password }),
        (Ok(_), Err(_)) | (Err(_), Ok(_)) => bail!(UsageError(
            "set both KG_PUSH_USER and KG_PUSH_PASSWORD, or neither".to_owned()
        )),
        _ => None,
    };
    let store = open_store_read_only(store_path)?;
    // For tests/push.rs: die like a killed process once this many graphs have arrived.
    let abort_after: Option<usize> = std::env::var("KG_PUSH_ABORT_AFTER")
        .ok()
        .and_then(|n| n.parse().ok());
    let arrived = std::sync::atomic::AtomicUsize::new(0);
    let on_event = |event: PushEvent<'_>| {
        match event {
        PushEvent::Planned {
            documents,
            unchanged,
            stale,
            graphs,
        } => eprintln!(
            "to send: {documents} document graphs ({unchanged} already there), {graphs} other graphs; to delete: {stale}"
        ),
        PushEvent::Sent { graph, triples } => {
            if verbose {
                eprintln!("sent <{}> ({triples} triples)", graph.as_str());
            }
            let n = arrived.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
            if abort_after.is_some_and(|limit| n >= limit) {
                std::process::abort();
            }
        }
        PushEvent::Deleted { graph } if verbose => eprintln!("deleted <{}>", graph.as_str()),
        _ => {}
    }
    };
    let report = kg::push::push(&store, &options, &on_event)
        .context("the push did not complete: run it again to finish (graphs that arrived are not sent again)")?;
    println!(
        "pushed: {} document graphs sent, {} unchanged, {} deleted; {} other graphs sent, {} unchanged; {} triples in {:.1} s",
        report.documents_sent,
        report.documents_unchanged,
        report.documents_deleted,
        report.graphs_sent,
        report.graphs_unchanged,
        report.triples_sent,
        report.seconds
    );
    Ok(ExitCode::SUCCESS)
}

fn export(
    store_path: &Path,
    output: &Path,
    format: Option<ExportFormat>,
    selection: Selection,
    max_nodes: usize,
    layout: LayoutChoice,
) -> Result<ExitCode> {
    let to_stdout = output.as_os_str() == "-";
    let format = match format {
        Some(ExportFormat::Dot) => ImageFormat::Dot,
        Some(ExportFormat::Svg) => ImageFormat::Svg,
        Some(ExportFormat::Png) => ImageFormat::Png,
        Some(ExportFormat::Pdf) => ImageFormat::Pdf,
        None if to_stdout => ImageFormat::Dot,
        None => ImageFormat::from_extension(output).ok_or_else(|| {
            UsageError(format!(
                "cannot tell the format of {}: name it .dot, .svg, .png or .pdf, or add --format dot|svg|png|pdf",
                output.display()
            ))
        })?,
    };
    let mut options = ExportOptions::new(selection, format);
    options.max_nodes = max_nodes;
    options.layout = match layout {
        LayoutChoice::Auto => LayoutEngine::Auto,
        LayoutChoice::Graphviz => LayoutEngine::Graphviz,
        LayoutChoice::Builtin => LayoutEngine::BuiltIn,
    };
    let store = open_store_read_only(store_path)?;
    let rendered = kg::export::export(store.store(), &options)?;
    for note in &rendered.notes {
        eprintln!("note: {note}");
    }
    if to_stdout {
        let mut out = io::stdout().lock();
        out.write_all(&rendered.bytes)?;
        out.flush()?;
    } else {
        std::fs::write(output, &rendered.bytes)
            .with_context(|| format!("cannot write {}", output.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `kg why` and `kg conflicts` print JSON: when asked, or when not on a terminal.
fn wants_json(format: Option<AnalysisFormat>) -> bool {
    match format {
        Some(AnalysisFormat::Json) => true,
        Some(AnalysisFormat::Table) => false,
        None => !io::stdout().is_terminal(),
    }
}

fn why(
    store_path: &Path,
    name: &str,
    role: Option<&str>,
    format: Option<AnalysisFormat>,
) -> Result<ExitCode> {
    let store = open_store_read_only(store_path)?;
    let answer = kg::analysis::why(&store, name, role)?;
    for note in &answer.notes {
        eprintln!("note: {note}");
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    if wants_json(format) {
        serde_json::to_writer_pretty(&mut out, &answer)?;
        writeln!(out)?;
    } else {
        out.write_all(answer.to_text().as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn conflicts(store_path: &Path, format: Option<AnalysisFormat>) -> Result<ExitCode> {
    let store = open_store_read_only(store_path)?;
    let found = kg::analysis::conflicts(&store)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    if wants_json(format) {
        serde_json::to_writer_pretty(&mut out, &found)?;
        writeln!(out)?;
    } else {
        out.write_all(kg::analysis::conflicts::to_text(&found).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Adds the user's own lexicons (`--lexicon`, `KG_LEXICONS`) before anything is extracted.
fn install_lexicons(paths: &[PathBuf]) -> Result<()> {
    use kg::extract::user_lexicon;
    let paths: Vec<PathBuf> = paths
        .iter()
        .filter(|p| !p.as_os_str().is_empty())
        .cloned()
        .collect();
    let entries = user_lexicon::read(&paths).map_err(|e| UsageError(e.to_string()))?;
    user_lexicon::install(entries)?;
    Ok(())
}
