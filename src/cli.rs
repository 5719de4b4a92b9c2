//! Command-line definitions. The doc comments here are the `--help` text: treat them as API.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kg: build a knowledge graph from news articles and question it.
///
/// Ingest articles (people, organizations, places, who holds which role where, dated events, each
/// fact traced to its sentence) into an on-disk store, query it with SPARQL, draw it.
#[derive(Debug, Parser)]
#[command(name = "kg", version, max_term_width = 100)]
pub struct Cli {
    /// The store directory (created when missing).
    #[arg(long, global = true, env = "KG_STORE", default_value = "./kg-store")]
    pub store: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles into the store: files, directories (recursively: .txt, .md, .html) or - for stdin.
    ///
    /// Re-ingesting an unchanged article changes nothing; a changed file replaces its facts.
    /// Prints how many documents were added, replaced, unchanged or failed, and what the store holds.
    Ingest {
        /// Files, directories or - (standard input).
        #[arg(required_unless_present = "manifest")]
        paths: Vec<PathBuf>,
        /// Publication date of what is ingested (YYYY-MM-DD): the anchor for "on Tuesday", "next week".
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// A CSV file with per-document metadata: columns path,date,url,title (any optional).
        #[arg(long)]
        manifest: Option<PathBuf>,
        /// Print nothing but errors.
        #[arg(long, short)]
        quiet: bool,
        /// Refuse documents larger than this many bytes (suffixes K, M, G; default 10M).
        #[arg(long, value_parser = parse_size, default_value = "10M")]
        max_document_size: u64,
        /// Documents per transaction: larger batches ingest faster and use more memory.
        #[arg(long, default_value_t = 4000, value_parser = clap::value_parser!(u64).range(1..))]
        batch: u64,
    },
    /// Run a SPARQL query (the data model's prefixes are predeclared; the default graph is the union of all graphs).
    ///
    /// A query running longer than --timeout (30 s by default) is stopped with an error, as is one
    /// whose memory grows past --max-memory.
    Query {
        /// The query text, or - to read it from standard input (or use -f FILE).
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        sparql: Option<String>,
        /// Read the query from a file (.rq), or - for standard input.
        #[arg(long, short)]
        file: Option<PathBuf>,
        /// Output format (any case). SELECT/ASK: table (default on a terminal), csv (default
        /// otherwise), tsv, json, xml. CONSTRUCT/DESCRIBE: turtle|ttl (default), ntriples|nt,
        /// nquads|nq, trig, jsonld, rdfxml|rdf. Default with -o: from the file's extension.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<QueryFormat>,
        /// Write the results to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Stop the query after this many seconds (0: never).
        #[arg(long, default_value_t = 30.0, value_name = "SECS")]
        timeout: f64,
        /// Stop the query when kg's memory passes this size (suffixes K, M, G; 0: never).
        #[arg(long, value_parser = parse_size, default_value = "2G", value_name = "SIZE")]
        max_memory: u64,
        /// Print Oxigraph's query plan, with rows and time per operator (JSON), instead of the results.
        #[arg(long)]
        explain: bool,
    },
    /// Run a SPARQL Update on your own graphs (INSERT DATA, DELETE/INSERT … WHERE, CLEAR, DROP…).
    ///
    /// Every graph it writes must be named (GRAPH <…>) and must not be one of kg's own (the
    /// document graphs, graph/facts, graph/entities, graph/ontology): kg derives those from the
    /// articles. A refused update changes nothing (exit code 2). WHERE reads the union of all graphs.
    Update {
        /// The update text, or - to read it from standard input (or use -f FILE).
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        sparql: Option<String>,
        /// Read the update from a file (.ru), or - for standard input.
        #[arg(long, short)]
        file: Option<PathBuf>,
    },
    /// List the articles in the store: id, date, source, headline and how many facts each states.
    Documents {
        /// Output format (any case): table (default on a terminal), csv (default otherwise), json.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<ListFormat>,
    },
    /// Remove articles and everything only they stated (facts and entities other articles
    /// also state stay, with those articles' attestations).
    Remove {
        /// Articles: an id (or its first digits), an IRI, or the file an article was read from.
        #[arg(required = true, value_name = "DOC")]
        documents: Vec<String>,
    },
    /// Print a shell completion script (e.g. `kg completions bash > /etc/bash_completion.d/kg`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `kg man > kg.1 && man ./kg.1`.
    Man,
    /// Run the extractor without touching the store and print what it read: the document, its
    /// sentences, every mention with its code point offsets, and the facts.
    ///
    /// One article gives one pretty-printed JSON object. Several (files, directories, -) are
    /// extracted in parallel and printed one JSON object per line, in input order (`--format jsonl`,
    /// the default then). A file that cannot be read is reported on stderr and the rest go on.
    Extract {
        /// Files, directories (recursively: .txt, .md, .html) or - (standard input).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Publication date (YYYY-MM-DD), overriding what the text states.
        #[arg(long, value_parser = parse_date)]
        date: Option<jiff::civil::Date>,
        /// Output format: json (one pretty object; one article only) or jsonl (one line per article).
        #[arg(long, value_enum)]
        format: Option<ExtractFormat>,
        /// Refuse documents larger than this many bytes (suffixes K, M, G; default 10M).
        #[arg(long, value_parser = parse_size, default_value = "10M")]
        max_document_size: u64,
    },
    /// Count what the store holds, by class, and its size on disk.
    Stats {
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the whole store (every graph) to standard output or a file.
    Dump {
        /// Quad format (any case): trig (default) or nquads|nq. Default with -o: from the file's
        /// extension (.trig, .nq).
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<DumpFormat>,
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Add RDF you wrote (your own ontology, corrections) to a named graph of its own.
    ///
    /// Loading the same file again replaces what it loaded before.
    Load {
        /// The RDF file (.ttl, .nt, .nq, .trig, .rdf, .jsonld).
        file: PathBuf,
        /// The graph IRI to load into (default: graph/user/file/ and the file's absolute path).
        /// kg's own graphs are refused.
        #[arg(long)]
        graph: Option<String>,
    },
    /// Draw the graph, or part of it, as Graphviz DOT, SVG, PNG or PDF.
    ///
    /// Without --focus, --query or --doc the whole graph is drawn (refused above --max-nodes).
    Export {
        /// Output file; the format follows its extension. Use - for standard output (DOT by default).
        #[arg(long, short)]
        output: PathBuf,
        /// Image format (default: from the output file's extension).
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Draw the neighbourhood of this entity: a label, an alias, or an IRI.
        #[arg(long, conflicts_with_all = ["query", "doc"])]
        focus: Option<String>,
        /// How many steps from the focus to draw.
        #[arg(long, default_value_t = 1, requires = "focus")]
        depth: usize,
        /// Draw the result of a CONSTRUCT query in this file.
        #[arg(long, conflicts_with = "doc")]
        query: Option<PathBuf>,
        /// Draw what one article says (its document id, a prefix of it, its IRI or file name).
        #[arg(long)]
        doc: Option<String>,
        /// Refuse to draw more nodes than this (a bigger picture cannot be read).
        #[arg(long, default_value_t = 300)]
        max_nodes: usize,
        /// Layout engine: Graphviz when installed (auto), or the built-in one (SVG only).
        #[arg(long, value_enum, default_value = "auto")]
        layout: LayoutChoice,
    },
}

/// Output formats of `kg extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One pretty-printed JSON object (a single article).
    Json,
    /// One JSON object per line, one line per article.
    Jsonl,
}

/// Layout engines of `kg export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutChoice {
    /// Graphviz when installed, else the built-in layout.
    Auto,
    /// Graphviz `dot` (an error when it is missing).
    Graphviz,
    /// The built-in layout (SVG only).
    Builtin,
}

/// Formats of `kg documents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned text table.
    Table,
    /// CSV with a header row.
    Csv,
    /// One JSON array.
    Json,
}

/// Result formats of `kg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// An aligned text table (SELECT, ASK).
    Table,
    /// SPARQL 1.1 CSV results.
    Csv,
    /// SPARQL 1.1 TSV results.
    Tsv,
    /// SPARQL 1.1 JSON results.
    Json,
    /// SPARQL XML results.
    Xml,
    /// Turtle (CONSTRUCT, DESCRIBE).
    #[value(alias = "ttl")]
    Turtle,
    /// N-Triples.
    #[value(alias = "nt")]
    Ntriples,
    /// N-Quads.
    #[value(alias = "nq")]
    Nquads,
    /// TriG.
    Trig,
    /// JSON-LD.
    #[value(alias = "json-ld")]
    Jsonld,
    /// RDF/XML.
    #[value(alias = "rdf", alias = "rdf-xml")]
    Rdfxml,
}

/// Formats of `kg dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// TriG: Turtle with named graphs.
    Trig,
    /// N-Quads: one quad per line.
    #[value(alias = "nq")]
    Nquads,
}

/// Formats of `kg export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT text.
    Dot,
    /// SVG image.
    Svg,
    /// PNG image.
    Png,
    /// PDF document.
    Pdf,
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a date: write it as YYYY-MM-DD, e.g. 2025-11-26"))
}

/// Parses a size such as `10M`, `512K`, `2G` or `1048576` (bytes; K, M, G are powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{text}' is not a size: write e.g. 10M, 512K or 2G"))?;
    let factor: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("'{text}': unknown unit '{unit}'; use K, M or G")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("'{text}' is too large"))
}
