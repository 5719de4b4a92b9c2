//! `kg export`: pictures of what the store knows.
//!
//! The stages, one file each:
//! 1. `read`: read from the store only what the picture draws (index lookups from the focus
//!    through `graph/facts`, never a scan of the document graphs);
//!    `graph`: fold it (or a CONSTRUCT result) into a petgraph graph of people,
//!    organizations, places, events and roles, with memberships folded into labelled edges,
//!    literals folded into their nodes, and the articles of each fact (through its
//!    attestations) counted;
//! 2. `select`: keep what was asked for (the whole graph, a neighbourhood, one document),
//!    within `--max-nodes`;
//! 3. `dot`: write it as DOT text, in-process, with every label escaped;
//! 4. `render`: turn DOT into SVG, PNG or PDF with Graphviz's `dot` when it is installed, or
//!    into SVG with the built-in `layout` when it is not.

mod dot;
mod graph;
mod grid;
mod layout;
mod read;
mod render;
mod select;
mod style;

use std::path::Path;

use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator, SparqlSyntaxError};
use oxigraph::store::{StorageError, Store};

use crate::rdf::vocab::PREFIXES;
use graph::GraphBuilder;

/// `--max-nodes` by default: about as many nodes as a picture can show readably.
pub const DEFAULT_MAX_NODES: usize = 300;
/// `--depth` by default.
pub const DEFAULT_DEPTH: usize = 1;

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// Graphviz DOT text.
    Dot,
    /// Scalable Vector Graphics.
    Svg,
    /// Portable Network Graphics (needs Graphviz).
    Png,
    /// Portable Document Format (needs Graphviz).
    Pdf,
}

impl ImageFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [ImageFormat; 4] = [
        ImageFormat::Dot,
        ImageFormat::Svg,
        ImageFormat::Png,
        ImageFormat::Pdf,
    ];

    /// The format a file name's extension stands for (`.dot`/`.gv`, `.svg`, `.png`, `.pdf`, in
    /// any case).
    pub fn from_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "gv" => Some(ImageFormat::Dot),
            other => Self::from_name(other),
        }
    }

    /// The format named `dot`, `svg`, `png` or `pdf` (any case).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(name))
    }

    /// The usual file extension, which is also Graphviz's `-T` name.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Dot => "dot",
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ImageFormat::Dot => "text/vnd.graphviz",
            ImageFormat::Svg => "image/svg+xml",
            ImageFormat::Png => "image/png",
            ImageFormat::Pdf => "application/pdf",
        }
    }
}

impl std::fmt::Display for ImageFormat {
    /// The format's usual name: `DOT`, `SVG`, `PNG`, `PDF`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.extension().to_ascii_uppercase())
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    /// Every person, organization, place, event and role (refused above `max_nodes`).
    All,
    /// An entity and what lies within `depth` edges of it. `name` is a label or an alias
    /// (case-insensitive), an IRI, or a prefixed name such as `id:person/ada-quill`.
    Focus {
        /// The entity's label, alias or IRI.
        name: String,
        /// How many edges away to go (0 draws the entity alone).
        depth: usize,
    },
    /// The triples a SPARQL CONSTRUCT (or DESCRIBE) query returns; the query text, with kg's
    /// usual prefixes predeclared and the union of all graphs as its default graph.
    Construct(String),
    /// What one document says: its IRI, its 16-digit identifier (or a unique prefix of it), or
    /// the end of its source path.
    Document(String),
}

/// Who lays out the picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutEngine {
    /// Graphviz's `dot` when it is installed, else the built-in layout (SVG only).
    #[default]
    Auto,
    /// Graphviz's `dot`, or an error when it is not installed.
    Graphviz,
    /// The built-in layout (SVG only), even when Graphviz is installed.
    BuiltIn,
}

/// Everything `kg export` needs to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// What to draw.
    pub selection: Selection,
    /// The largest number of nodes to draw ([`DEFAULT_MAX_NODES`] by default).
    pub max_nodes: usize,
    /// The output format.
    pub format: ImageFormat,
    /// Who lays out the picture ([`LayoutEngine::Auto`] by default).
    pub layout: LayoutEngine,
}

impl ExportOptions {
    /// Options drawing `selection` as `format`, with the default node cap and layout.
    pub fn new(selection: Selection, format: ImageFormat) -> Self {
        ExportOptions {
            selection,
            max_nodes: DEFAULT_MAX_NODES,
            format,
            layout: LayoutEngine::Auto,
        }
    }
}

/// A finished export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The file's bytes, never empty.
    pub bytes: Vec<u8>,
    /// Things to tell the user on stderr (an ambiguous focus name, a capped neighbourhood,
    /// Graphviz missing, Graphviz warnings).
    pub notes: Vec<String>,
}

/// Why an export failed; every message says what to do next.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The selection is larger than `--max-nodes`.
    #[error("{scope} has {count} nodes, more than --max-nodes {max_nodes}: {advice}")]
    TooManyNodes {
        /// What was too large ("the whole graph").
        scope: String,
        /// Its number of nodes.
        count: usize,
        /// The cap.
        max_nodes: usize,
        /// How to narrow it.
        advice: String,
    },
    /// The selection is empty.
    #[error("nothing to draw: {what}; {advice}")]
    NothingToDraw {
        /// What is empty.
        what: String,
        /// What to do.
        advice: String,
    },
    /// No entity has the `--focus` name.
    #[error(
        "no person, organization, place or event is named \"{name}\"{}",
        match suggestions.as_slice() {
            [] => "; list names with `kg query` (rdfs:label and skos:altLabel)".to_owned(),
            s => format!("; close matches: {}", s.join(", ")),
        }
    )]
    EntityNotFound {
        /// The name asked for.
        name: String,
        /// Close matches, best first.
        suggestions: Vec<String>,
    },
    /// No document (or several) has the `--doc` identifier.
    #[error(
        "{} \"{id}\"{}",
        if *ambiguous { "several documents match" } else { "no document has the identifier" },
        match known.as_slice() {
            [] => "; the store holds no documents".to_owned(),
            k => format!("; {}: {}", if *ambiguous { "give more digits of one of" } else { "known documents" }, k.join(" | ")),
        }
    )]
    DocumentNotFound {
        /// The identifier asked for.
        id: String,
        /// Whether several documents matched.
        ambiguous: bool,
        /// Documents to choose from (identifier and headline).
        known: Vec<String>,
    },
    /// The `--query` is not a graph query.
    #[error("--query needs a CONSTRUCT or DESCRIBE query, and this one is {0}: rewrite it as CONSTRUCT {{ ... }} WHERE {{ ... }}")]
    NotAGraphQuery(&'static str),
    /// The `--query` does not parse.
    #[error("the query does not parse: {0}")]
    QuerySyntax(#[from] SparqlSyntaxError),
    /// The `--query` failed while running.
    #[error("the query failed: {0}")]
    QueryEvaluation(#[from] QueryEvaluationError),
    /// The store could not be read.
    #[error("cannot read the store: {0}")]
    Storage(#[from] StorageError),
    /// The format needs Graphviz, which is not installed.
    #[error(
        "{format} output needs Graphviz's `dot`, which was not found: install Graphviz (the \
         `graphviz` package), or export as .svg (built-in layout) or .dot"
    )]
    GraphvizMissing {
        /// The format asked for.
        format: ImageFormat,
    },
    /// `--layout builtin` was asked for a format only Graphviz draws.
    #[error(
        "the built-in layout draws SVG only, not {format}: export as .svg with --layout builtin, \
         or leave out --layout builtin to have Graphviz draw {format}"
    )]
    BuiltInSvgOnly {
        /// The format asked for.
        format: ImageFormat,
    },
    /// Graphviz's `dot` failed.
    #[error("Graphviz failed: {0}; export as .dot to see the input it was given")]
    Graphviz(String),
}

/// Draws what `options` selects from `store`, reading only what it draws.
pub fn export(store: &Store, options: &ExportOptions) -> Result<Rendered, ExportError> {
    let max_nodes = options.max_nodes.max(1);
    let mut drawing = match &options.selection {
        Selection::All => {
            let read = read::whole(store, max_nodes)?;
            select::whole(&read.builder.build(), max_nodes)?
        }
        Selection::Focus { name, depth } => {
            let read = read::neighbourhood(store, name, *depth, max_nodes)?;
            let mut drawing = match &read.root {
                Some(root) => select::focus(&read.builder.build(), root, *depth, max_nodes)?,
                // Unknown: `select` finds no match among the names read and suggests some.
                None => select::focus(&read.builder.build(), name, *depth, max_nodes)?,
            };
            drawing.notes.splice(0..0, read.notes);
            drawing
        }
        Selection::Document(id) => {
            let read = read::document(store, id)?;
            let root = read.root.clone().unwrap_or_default();
            select::document(&read.builder.build(), &root, max_nodes)?
        }
        Selection::Construct(query) => {
            select::construct(&run_construct(store, query)?.build(), max_nodes)?
        }
    };
    drawing.notes.dedup();
    select::distinguish_events(&mut drawing);
    let dot_text = dot::write(&drawing);
    let mut rendered = render::render(&drawing, dot_text, options.format, options.layout)?;
    let mut notes = drawing.notes;
    notes.append(&mut rendered.notes);
    rendered.notes = notes;
    Ok(rendered)
}

/// The entity, membership or event `name` designates, as `--focus` finds it: an IRI or a
/// prefixed name (`id:person/ada-quill`), an exact label or alias, or one equal ignoring case;
/// with several, the one with the most facts, and a note naming the others.
pub fn resolve(store: &Store, name: &str) -> Result<(String, Vec<String>), ExportError> {
    match read::resolve(store, name)? {
        (Some(iri), notes) => Ok((iri, notes)),
        (None, _) => Err(ExportError::EntityNotFound {
            name: name.to_owned(),
            suggestions: Vec::new(),
        }),
    }
}

/// The triples a CONSTRUCT or DESCRIBE query returns, over the union of the store's graphs.
fn run_construct(store: &Store, query: &str) -> Result<GraphBuilder, ExportError> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        // The predeclared prefixes are valid IRIs; a failure would only lose a shorthand.
        if let Ok(with_prefix) = evaluator.clone().with_prefix(*prefix, *iri) {
            evaluator = with_prefix;
        }
    }
    let mut prepared = evaluator.parse_query(query)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let mut builder = GraphBuilder::default();
    match prepared.on_store(store).execute()? {
        QueryResults::Graph(triples) => {
            for triple in triples {
                builder.add_triple(triple?);
            }
        }
        QueryResults::Solutions(_) => return Err(ExportError::NotAGraphQuery("a SELECT")),
        QueryResults::Boolean(_) => return Err(ExportError::NotAGraphQuery("an ASK")),
    }
    if builder.is_empty() {
        return Err(ExportError::NothingToDraw {
            what: "the query returned no triples".into(),
            advice: "check its WHERE clause with `kg query`".into(),
        });
    }
    Ok(builder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            ImageFormat::from_extension(Path::new("a/b.SVG")),
            Some(ImageFormat::Svg)
        );
        assert_eq!(
            ImageFormat::from_extension(Path::new("g.gv")),
            Some(ImageFormat::Dot)
        );
        assert_eq!(
            ImageFormat::from_extension(Path::new("g.pdf")),
            Some(ImageFormat::Pdf)
        );
        assert_eq!(ImageFormat::from_extension(Path::new("g.jpeg")), None);
        assert_eq!(ImageFormat::from_extension(Path::new("-")), None);
        assert_eq!(ImageFormat::from_name("PNG"), Some(ImageFormat::Png));
    }
}
