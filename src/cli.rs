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
        /// Your own lexicon (repeatable; also KG_LEXICONS, colon-separated): one entry a line,
        /// name<TAB>kind[<TAB>other names separated by |], kind person|organization|place|title.
        #[arg(
            long = "lexicon",
            value_name = "FILE",
            env = "KG_LEXICONS",
            value_delimiter = ':'
        )]
        lexicons: Vec<PathBuf>,
    },
    /// Run a SPARQL query (the data model's prefixes are predeclared; the default graph is the union of all graphs).
    Query {
        /// The query text (or use -f FILE).
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        sparql: Option<String>,
        /// Read the query from a file (.rq).
        #[arg(long, short)]
        file: Option<PathBuf>,
        /// Output format. SELECT/ASK: table (default on a terminal), csv (default otherwise), tsv,
        /// json, xml. CONSTRUCT/DESCRIBE: turtle (default), ntriples, nquads, trig, jsonld.
        #[arg(long, value_enum)]
        format: Option<QueryFormat>,
    },
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
        /// Your own lexicon (repeatable; also KG_LEXICONS, colon-separated): one entry a line,
        /// name<TAB>kind[<TAB>other names separated by |], kind person|organization|place|title.
        #[arg(
            long = "lexicon",
            value_name = "FILE",
            env = "KG_LEXICONS",
            value_delimiter = ':'
        )]
        lexicons: Vec<PathBuf>,
    },
    /// Count what the store holds, by class, and its size on disk.
    Stats {
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the whole store (every graph) to standard output or a file.
    Dump {
        /// Quad format.
        #[arg(long, value_enum, default_value = "trig")]
        format: DumpFormat,
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
        /// The graph IRI to load into (default: one derived from the file name).
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
    /// Why does the graph say this? Every claim about an entity (roles and events), grouped by
    /// fact, each with its article (date, headline, source), sentence, exact phrase and rule.
    Why {
        /// A person, organization, place or event (label, alias or IRI, as --focus takes it),
        /// or the IRI of a membership or event.
        name: String,
        /// Only memberships in this role (e.g. "President"; any letter case).
        #[arg(long)]
        role: Option<String>,
        /// Output format: table (default on a terminal) or json (default otherwise).
        #[arg(long, value_enum)]
        format: Option<AnalysisFormat>,
    },
    /// Who disagrees? Offices (a role with its organization) held by different people, or by
    /// one person now and formerly, according to different articles; each claim with its
    /// article, date and sentence, newest first.
    Conflicts {
        /// Output format: table (default on a terminal) or json (default otherwise).
        #[arg(long, value_enum)]
        format: Option<AnalysisFormat>,
    },
}

/// Output formats of `kg why` and `kg conflicts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalysisFormat {
    /// Readable text.
    Table,
    /// One JSON document.
    Json,
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
    Turtle,
    /// N-Triples.
    Ntriples,
    /// N-Quads.
    Nquads,
    /// TriG.
    Trig,
    /// JSON-LD.
    Jsonld,
}

/// Formats of `kg dump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// TriG: Turtle with named graphs.
    Trig,
    /// N-Quads: one quad per line.
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
