//! The `kg` binary: parses the command line (see `cli.rs`) and dispatches to the library.
//!
//! Exit codes: 0 success; 1 some inputs failed (the rest were processed); 2 usage or query errors.
//! A closed pipe (`kg query ... | head`) is not an error.

mod cli;

use anyhow::{bail, Context, Result};
use clap::Parser;
use cli::{Cli, Command, DumpFormat, ExportFormat, LayoutChoice, QueryFormat};
use indicatif::{ProgressBar, ProgressStyle};
use kg::export::{ExportOptions, ImageFormat, LayoutEngine, Selection};
use kg::store::{write_results, Counts, ResultsError, ResultsFormat};
use kg::text::{collect_inputs, read_manifest, DateOrigin, Input, ManifestEntry};
use kg::{extract, Document, IngestOutcome, KgStore};
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;
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
            if error
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
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
        || error.downcast_ref::<kg::store::QueryError>().is_some()
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
            date,
            manifest,
            quiet,
        } => ingest(&cli.store, &paths, date, manifest.as_deref(), quiet),
        Command::Query {
            sparql,
            file,
            format,
        } => query(&cli.store, sparql, file.as_deref(), format),
        Command::Extract { path, date } => extract_json(&path, date),
        Command::Stats { json } => stats(&cli.store, json),
        Command::Dump { format, output } => dump(&cli.store, format, output.as_deref()),
        Command::Load { file, graph } => load(&cli.store, &file, graph.as_deref()),
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
    }
}

fn open_store(path: &Path) -> Result<KgStore> {
    Ok(KgStore::open(path)?)
}

/// One document to ingest, with the metadata the command line or a manifest gives it.
struct Job {
    input: Input,
    meta: ManifestEntry,
}

fn ingest(
    store_path: &Path,
    paths: &[PathBuf],
    date: Option<jiff::civil::Date>,
    manifest: Option<&Path>,
    quiet: bool,
) -> Result<ExitCode> {
    let mut jobs = Vec::new();
    let mut failed = 0usize;
    let (inputs, errors) = collect_inputs(paths);
    for error in errors {
        eprintln!("kg: {error}");
        failed += 1;
    }
    jobs.extend(inputs.into_iter().map(|input| Job {
        input,
        meta: ManifestEntry::default(),
    }));
    if let Some(manifest) = manifest {
        let entries = read_manifest(manifest).map_err(|e| UsageError(e.to_string()))?;
        for entry in entries {
            let Some(path) = entry.path.clone() else {
                eprintln!(
                    "kg: {}: a row without a path is skipped",
                    manifest.display()
                );
                continue;
            };
            jobs.push(Job {
                input: Input::File(path),
                meta: entry,
            });
        }
    }

    let store = open_store(store_path)?;
    let progress = if !quiet && io::stderr().is_terminal() && jobs.len() > 5 {
        let bar = ProgressBar::new(jobs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let (mut added, mut replaced, mut unchanged) = (0usize, 0usize, 0usize);
    for job in &jobs {
        if let Some(bar) = &progress {
            bar.set_message(job.input.name());
        }
        match ingest_one(&store, job, date) {
            Ok(IngestOutcome::Added) => added += 1,
            Ok(IngestOutcome::Replaced) => replaced += 1,
            Ok(IngestOutcome::Unchanged) => unchanged += 1,
            Err(error) => {
                failed += 1;
                let line = format!("kg: {error:#}");
                match &progress {
                    Some(bar) => bar.println(line),
                    None => eprintln!("{line}"),
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !quiet {
        let counts = store.counts()?;
        println!(
            "documents: {added} added, {replaced} replaced, {unchanged} unchanged, {failed} failed"
        );
        print_counts(&store, &counts);
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn ingest_one(
    store: &KgStore,
    job: &Job,
    date: Option<jiff::civil::Date>,
) -> Result<IngestOutcome> {
    let document = read_document(&job.input, &job.meta, date)?;
    let extraction = extract(document);
    store
        .ingest(&extraction)
        .with_context(|| format!("{}: cannot store", job.input.name()))
}

fn read_document(
    input: &Input,
    meta: &ManifestEntry,
    date: Option<jiff::civil::Date>,
) -> Result<Document> {
    let text = input.read_text()?;
    let mut document = Document::new(input.name(), text);
    if let Some(d) = date {
        document = document.with_date(d, DateOrigin::CommandLine);
    } else if let Some(d) = meta.date {
        document = document.with_date(d, DateOrigin::Manifest);
    }
    if let Some(title) = &meta.title {
        document.title = Some(title.clone());
    }
    if let Some(url) = &meta.url {
        document.url = Some(url.clone());
    }
    Ok(document)
}

fn print_counts(store: &KgStore, counts: &Counts) {
    let location = store
        .path()
        .map_or_else(|| "memory".to_owned(), |p| p.display().to_string());
    println!(
        "store {location}: {} documents, {} people, {} organizations, {} places, {} memberships, {} events ({} dated), {} triples",
        counts.documents,
        counts.people,
        counts.organizations,
        counts.places,
        counts.memberships,
        counts.events,
        counts.dated_events,
        counts.quads
    );
}

fn query(
    store_path: &Path,
    sparql: Option<String>,
    file: Option<&Path>,
    format: Option<QueryFormat>,
) -> Result<ExitCode> {
    let text = match (sparql, file) {
        (Some(text), _) => text,
        (None, Some(file)) => std::fs::read_to_string(file)
            .with_context(|| format!("cannot read the query file {}", file.display()))?,
        (None, None) => bail!(UsageError("give a query, or -f FILE.rq".to_owned())),
    };
    let store = open_store(store_path)?;
    let results = store.query(&text)?;
    let terminal = io::stdout().is_terminal();
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
        None if is_graph => ResultsFormat::Rdf(RdfFormat::Turtle),
        None if terminal => ResultsFormat::Table,
        None => ResultsFormat::Sparql(QueryResultsFormat::Csv),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write_results(results, format, &mut out) {
        Err(ResultsError::Mismatch(message)) => bail!(UsageError(message)),
        other => other?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn extract_json(path: &Path, date: Option<jiff::civil::Date>) -> Result<ExitCode> {
    let input = if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(path.to_owned())
    };
    let document = read_document(&input, &ManifestEntry::default(), date)?;
    let extraction = extract(document);
    let json = kg::extract::extraction_json(&extraction);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, &json)?;
    writeln!(out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn stats(store_path: &Path, json: bool) -> Result<ExitCode> {
    let store = open_store(store_path)?;
    let counts = store.counts()?;
    let size = store.size_on_disk().unwrap_or(0);
    if json {
        let mut value = serde_json::to_value(&counts)?;
        value["bytes_on_disk"] = serde_json::json!(size);
        println!("{value}");
    } else {
        println!("documents      {}", counts.documents);
        println!("people         {}", counts.people);
        println!("organizations  {}", counts.organizations);
        println!("places         {}", counts.places);
        println!("memberships    {}", counts.memberships);
        println!(
            "events         {} ({} dated)",
            counts.events, counts.dated_events
        );
        println!("triples        {}", counts.quads);
        println!("size on disk   {:.1} MB", size as f64 / 1e6);
    }
    Ok(ExitCode::SUCCESS)
}

fn dump(store_path: &Path, format: DumpFormat, output: Option<&Path>) -> Result<ExitCode> {
    let store = open_store(store_path)?;
    let format = match format {
        DumpFormat::Trig => RdfFormat::TriG,
        DumpFormat::Nquads => RdfFormat::NQuads,
    };
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
    let graph = match graph {
        Some(iri) => oxigraph::model::NamedNode::new(iri)
            .map_err(|e| UsageError(format!("--graph {iri}: not an IRI: {e}")))?,
        None => kg::rdf::iri::user_graph(&file.display().to_string()),
    };
    let reader =
        std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let store = open_store(store_path)?;
    let n = store
        .load(io::BufReader::new(reader), format, &graph)
        .with_context(|| format!("{}: not loaded", file.display()))?;
    println!("loaded {n} triples into graph <{}>", graph.as_str());
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
    let store = open_store(store_path)?;
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
