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
    /// The store directory (created by ingest and load when missing; commands that only read
    /// need an existing one).
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
    /// With --from-nquads, the inputs are document graphs extracted elsewhere (`kg extract
    /// --format nquads`: the map step), and the entities and facts are derived from them here.
    Ingest {
        /// Files, directories or - (standard input).
        #[arg(required_unless_present = "manifest")]
        paths: Vec<PathBuf>,
        /// The inputs are N-Quads files (or -) printed by `kg extract --format nquads` (or
        /// `kg dump --format nquads`, whose derived graphs are skipped and derived again).
        #[arg(long, conflicts_with_all = ["manifest", "date", "keep_text"])]
        from_nquads: bool,
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
        /// Also store each article's whole text (`nif:isString`), for SPARQL over full texts.
        /// Without it the store keeps the sentences facts were read from, the headline and the
        /// source path, and is 15% smaller. Ingesting again with or without it
        /// rewrites the articles accordingly.
        #[arg(long)]
        keep_text: bool,
        /// Documents per write (one transaction, one set of bulk-loaded files): fewer writes
        /// rewrite less of the store, so larger batches ingest faster, and use a little more memory.
        #[arg(long, default_value_t = 8000, value_parser = clap::value_parser!(u64).range(1..))]
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
        /// With --format nquads: put each article's whole text in its graph (`nif:isString`), as
        /// `kg ingest --keep-text` does.
        #[arg(long)]
        keep_text: bool,
        /// Output format: json (one pretty object; one article only), jsonl (one line per
        /// article) or nquads (each article's graph as `kg ingest` stores it).
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
    /// Send the graph to a SPARQL 1.1 server (Oxigraph server, Virtuoso) for others to query.
    ///
    /// Every graph goes with a Graph Store Protocol PUT: the document graphs, then the facts,
    /// entities, ontology and user graphs. Only what the server lacks or holds in another version
    /// is sent, so a push can be repeated, or rerun after it was interrupted. The server's graph
    /// `graph/push` says "complete" once a push has finished. User and password come from
    /// KG_PUSH_USER and KG_PUSH_PASSWORD (HTTP basic or digest, as the server asks).
    ///
    /// Oxigraph server: --to http://127.0.0.1:7878 (serve it with --union-default-graph so that
    /// the examples' queries see all graphs). Virtuoso: --to http://host:8890 --query-endpoint
    /// /sparql --graph-store-endpoint /sparql-graph-crud-auth.
    Push {
        /// The server's base URL (for Oxigraph server, its /query and /store are used).
        #[arg(long)]
        to: String,
        /// The SPARQL query endpoint: a path under --to (/sparql) or a full URL (default /query).
        #[arg(long)]
        query_endpoint: Option<String>,
        /// The Graph Store Protocol endpoint: a path under --to or a full URL (default /store).
        #[arg(long)]
        graph_store_endpoint: Option<String>,
        /// Document graphs sent at once.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
        jobs: u64,
        /// Seconds one request may take before it is retried.
        #[arg(long, default_value_t = 300)]
        timeout: u64,
        /// Print every graph as it arrives.
        #[arg(long, short)]
        verbose: bool,
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
    /// Answer SPARQL queries over HTTP (SPARQL 1.1 Protocol), read-only, with a query page at /.
    ///
    /// Queries go to /query (also /sparql): GET or POST, query= in the URL or a form body, or an
    /// application/sparql-query body. Results follow the Accept header: SPARQL JSON (default), XML,
    /// CSV, TSV for SELECT and ASK; Turtle (default), N-Triples, N-Quads, TriG, JSON-LD, RDF/XML
    /// for CONSTRUCT and DESCRIBE. Prefixes and the union default graph are as in `kg query`.
    /// Updates are refused (403). A syntax error is answered 400 with the parser's message; a
    /// query running longer than --timeout is stopped and answered 503; results beyond --max-rows
    /// are cut, and the Kg-Results-Truncated header says so.
    ///
    /// The store is opened read-only, so `kg ingest` can run meanwhile: the server checks the
    /// store's files every --refresh seconds and reopens it when they changed, so new documents
    /// are answered within about that interval, without a restart.
    Serve {
        /// Address to listen on (port 0: any free port; the address is printed).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Allow a non-loopback --bind: the endpoint has no authentication (prints a warning).
        #[arg(long)]
        public: bool,
        /// Seconds a query may run before it is stopped and answered 503.
        #[arg(long, default_value = "30", value_parser = parse_seconds)]
        timeout: std::time::Duration,
        /// Most rows (or triples) in one answer.
        #[arg(long, default_value_t = 100_000)]
        max_rows: usize,
        /// Seconds between checks for changes by an ingest.
        #[arg(long, default_value = "1", value_parser = parse_seconds)]
        refresh: std::time::Duration,
        /// Queries run at once (default: one per core); up to 16 more wait, the rest get 503.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        workers: Option<u64>,
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
    /// N-Quads: each article's named graph exactly as `kg ingest` stores it (the map step of a
    /// distributed build; `kg ingest --from-nquads` is the reduce step).
    Nquads,
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

/// Parses a positive number of seconds such as `30` or `0.5`.
fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e9)
        .map(std::time::Duration::from_secs_f64)
        .ok_or_else(|| format!("'{text}' is not a number of seconds: write e.g. 30 or 0.5"))
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
