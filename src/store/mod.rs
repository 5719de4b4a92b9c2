//! Stage 6 of the pipeline: the on-disk Oxigraph store that holds the graph.
//!
//! [`KgStore`] wraps an Oxigraph [`Store`] with what `kg` needs on top: ingesting batches of
//! extractions, one transaction per batch ([`Ingestor`]; re-ingesting an unchanged document is a
//! no-op, a changed document replaces its graph), deriving from all documents' claims the
//! entities (labels, classes, identity) and the facts with one attestation per article, SPARQL
//! with the data model's prefixes and the union of all graphs as default graph (a set: no triple
//! is stored in two graphs), counts, dump and load.
//!
//! The graphs: one per document (`doc/<id>`: the article, its sentences, namings and
//! attestations), `graph/facts` (memberships, events, roles), `graph/entities` (classes, labels,
//! identity), `graph/ontology`, and `graph/user/...` for RDF loaded with `kg load`.

#[cfg(feature = "rocksdb")]
mod compress;
mod derivation;
mod document;
mod documents;
mod error;
mod event_groups;
mod facts;
mod ingest;
mod names;
mod open;
mod query;
mod results;
mod tallies;
mod update;
mod watchdog;

pub use document::{
    is_derived_graph, is_document_graph, read_document_graphs, DocumentGraph, ReadGraph,
};
pub use documents::{DocumentError, DocumentSummary};
pub use error::StoreError;
pub use ingest::{BatchBuilder, IngestOutcome, Ingestor, PendingBatch, WrittenBatch};
pub use names::NameBook;
pub(crate) use open::is_info_log;
pub use query::QueryError;
pub(crate) use query::{is_update, parse_cancellable};
pub use results::{
    compact, write_results, write_results_width, ResultsError, ResultsFormat, DEFAULT_TABLE_WIDTH,
};
pub use update::{check_update, parse_update, UpdateError};
pub use watchdog::{Stop, Watchdog};

use crate::rdf::{iri, vocab};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode};
use oxigraph::store::Store;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The ontology, held by the store in a graph of its own.
pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/kg.ttl");

/// The knowledge graph store.
pub struct KgStore {
    store: Store,
    path: Option<PathBuf>,
}

/// How many of each kind of thing the store holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// `schema:NewsArticle`s.
    pub documents: u64,
    /// `schema:Person`s.
    pub people: u64,
    /// `schema:Organization`s.
    pub organizations: u64,
    /// `schema:Place`s.
    pub places: u64,
    /// `org:Membership`s.
    pub memberships: u64,
    /// `schema:Event`s.
    pub events: u64,
    /// `schema:Event`s with a `schema:startDate`.
    pub dated_events: u64,
    /// Quads in the store, all graphs together.
    pub quads: u64,
}

impl KgStore {
    /// Opens (creating if needed) the store in directory `path`, for writing.
    ///
    /// Fails with [`StoreError::Locked`] when another process has it open for writing. Commands
    /// that only read use [`KgStore::open_read_only`] instead.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = open::read_write(path)?;
        // RocksDB renames the previous info log to LOG.old.<time> at every read-write open and
        // Oxigraph does not expose the option that limits them: remove them now that we hold the
        // lock (only info logs: never a data file).
        open::remove_old_info_logs(path);
        let kg = Self {
            store,
            path: Some(path.to_owned()),
        };
        kg.refuse_old_model(path)?;
        kg.ensure_ontology()?;
        Ok(kg)
    }

    /// Fails when the store holds article graphs of an earlier data model, which ingest and
    /// remove would misread (their namings would count for nothing): one index seek when there are
    /// none.
    fn refuse_old_model(&self, path: &Path) -> Result<(), StoreError> {
        let denotes = NamedNode::new_unchecked(document::OLD_NAMING_LINK);
        for quad in self
            .store
            .quads_for_pattern(None, Some(denotes.as_ref()), None, None)
        {
            if let GraphName::NamedNode(graph) = quad?.graph_name {
                if graph.as_str().starts_with(vocab::DOC_NS) {
                    return Err(StoreError::OldModel {
                        path: path.to_owned(),
                        what: "articles' namings as kg:Naming nodes, before kg:namings",
                    });
                }
            }
        }
        Ok(())
    }

    /// Opens the existing store in directory `path` for reading only: it works while another
    /// process ingests into it, and sees what that process had committed when it was opened.
    /// It never creates nor changes anything on disk.
    ///
    /// Fails with [`StoreError::Missing`] when there is no store at `path`.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            store: open::read_only(path)?,
            path: Some(path.to_owned()),
        })
    }

    /// A store in memory, for tests and for `kg extract`-like uses that need SPARQL.
    pub fn in_memory() -> Result<Self, StoreError> {
        let kg = Self {
            store: Store::new()?,
            path: None,
        };
        kg.ensure_ontology()?;
        Ok(kg)
    }

    /// The underlying Oxigraph store (read it; write through [`KgStore`] methods).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Where the store lives on disk (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Loads `ontology/kg.ttl` into its graph when the graph is missing or out of date.
    fn ensure_ontology(&self) -> Result<(), StoreError> {
        let graph = iri::ontology_graph();
        let marker = oxigraph::model::Quad::new(
            graph.clone(),
            NamedNode::new_unchecked(format!("{}ontologyVersion", vocab::KG_NS)),
            oxigraph::model::Literal::new_simple_literal(iri::short_hash(&[ONTOLOGY_TTL])),
            graph.clone(),
        );
        if self.store.contains(&marker)? {
            return Ok(());
        }
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        tx.load_from_slice(
            RdfParser::from_format(RdfFormat::Turtle)
                .with_default_graph(GraphName::NamedNode(graph.clone())),
            ONTOLOGY_TTL,
        )
        .map_err(|e| StoreError::Ontology(e.to_string()))?;
        tx.insert(&marker);
        tx.commit()?;
        Ok(())
    }

    /// Writes what is buffered in memory to disk files (after a large ingest: the next open
    /// then has no log to replay, and the size on disk is the real one).
    ///
    /// The store is then compacted, and closed and opened once more: RocksDB deletes the
    /// write-ahead logs that the flush made obsolete only at its next read-write open (after a
    /// 100 MB ingest they were 110 MB, and every read-only open, such as `kg query`, read them
    /// again). Costs seconds on a large store: call it after large ingests only.
    pub fn flush(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        #[cfg(feature = "rocksdb")]
        self.store.flush()?;
        // The lock is released when the old handle is dropped: swap in an in-memory store
        // meanwhile.
        drop(std::mem::replace(&mut self.store, Store::new()?));
        // A full compaction, compressed (see `compress`). Without it the flush's level-0 files
        // are merged into the big bulk-loaded files by whichever command opens the store next,
        // in the background, again and again (half the CPU of one more article into a 100 MB
        // store): settling now made one more article 0.60-1.30 s -> 0.40-0.76 s.
        #[cfg(feature = "rocksdb")]
        compress::recompress(&path)?;
        self.store = open::read_write(&path)?;
        open::remove_old_info_logs(&path);
        Ok(())
    }

    /// Counts what the store holds.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |pattern: &str| -> Result<u64, StoreError> {
            let q = format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {pattern} }}");
            query::select_count(&self.store, &q)
        };
        Ok(Counts {
            documents: count("?x a schema:NewsArticle")?,
            people: count("?x a schema:Person")?,
            organizations: count("?x a schema:Organization")?,
            places: count("?x a schema:Place")?,
            memberships: count("?x a org:Membership")?,
            events: count("?x a schema:Event")?,
            dated_events: count("?x a schema:Event ; schema:startDate ?d")?,
            quads: self.store.len()? as u64,
        })
    }

    /// Bytes the store's data takes on disk (`None` in memory); RocksDB's info logs (`LOG`,
    /// `LOG.old.*`) are not data and are not counted.
    pub fn size_on_disk(&self) -> Option<u64> {
        fn walk(path: &Path) -> u64 {
            let Ok(entries) = std::fs::read_dir(path) else {
                return 0;
            };
            entries
                .filter_map(Result::ok)
                .filter(|e| !open::is_info_log(&e.file_name().to_string_lossy()))
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => walk(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        }
        self.path.as_deref().map(walk)
    }

    /// Writes every graph of the store in a quad format (TriG, N-Quads).
    pub fn dump(&self, writer: impl Write, format: RdfFormat) -> Result<(), StoreError> {
        let mut serializer = oxigraph::io::RdfSerializer::from_format(format);
        for (prefix, ns) in vocab::PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *ns)
                .map_err(|e| StoreError::Ontology(e.to_string()))?;
        }
        // An I/O error keeps its kind: a closed pipe (`kg dump | head`) is a normal end.
        let mut writer = self
            .store
            .dump_to_writer(serializer, writer)
            .map_err(|e| match e {
                oxigraph::store::SerializerError::Io(e) => StoreError::Io(e),
                oxigraph::store::SerializerError::Storage(e) => StoreError::Storage(e),
                other => StoreError::Io(std::io::Error::other(other.to_string())),
            })?;
        writer.flush()?;
        Ok(())
    }

    /// Loads RDF the user wrote into the named graph `graph`, replacing what an earlier load of
    /// that graph put there. Returns the number of quads loaded.
    ///
    /// `open` is called twice: a first pass parses the whole input, so that a syntax error, or a
    /// quad aimed at one of kg's own graphs, loads nothing; the second streams the quads into
    /// Oxigraph's bulk loader, so memory stays bounded whatever the file's size.
    pub fn load<R: Read>(
        &self,
        open: impl Fn() -> std::io::Result<R>,
        format: RdfFormat,
        graph: &NamedNode,
    ) -> Result<usize, StoreError> {
        let parser = || {
            RdfParser::from_format(format)
                .with_default_graph(GraphName::NamedNode(graph.clone()))
                .rename_blank_nodes()
        };
        reserved_graph(graph.as_ref().into())?;
        let mut count = 0usize;
        for quad in parser().for_reader(open()?) {
            let quad = quad.map_err(|e| StoreError::Parse(e.to_string()))?;
            reserved_graph(quad.graph_name.as_ref())?;
            count += 1;
        }
        let mut tx = self.store.start_transaction()?;
        tx.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))?;
        tx.commit()?;
        let mut loader = self
            .store
            .bulk_loader()
            .with_num_threads(1)
            .with_max_memory_size_in_megabytes(256);
        loader.load_ok_quads::<_, StoreError>(
            parser()
                .for_reader(open()?)
                .map(|q| q.map_err(|e| StoreError::Parse(e.to_string()))),
        )?;
        loader.commit()?;
        Ok(count)
    }
}

/// Refuses graphs that kg derives or writes itself (documents, facts, entities, ontology): a
/// load there would be overwritten or would corrupt them. User graphs (`graph/user/...`) and
/// graphs outside kg's namespace are fine.
fn reserved_graph(graph: GraphNameRef<'_>) -> Result<(), StoreError> {
    match graph {
        GraphNameRef::NamedNode(n)
            if n.as_str().starts_with(vocab::BASE)
                && !n.as_str().starts_with(vocab::USER_GRAPH_NS) =>
        {
            Err(StoreError::ReservedGraph(n.as_str().to_owned()))
        }
        _ => Ok(()),
    }
}

#[cfg(all(test, feature = "rocksdb"))]
mod tests {
    use super::*;
    use oxigraph::model::Quad;

    /// A store holding one article graph written by the model before `kg:namings`.
    fn old_store(dir: &Path, graph: &str) {
        let store = Store::open(dir).expect("a store on disk");
        let article = NamedNode::new_unchecked(format!("{}0123456789abcdef", vocab::DOC_NS));
        let naming =
            NamedNode::new_unchecked(format!("{}/about/person/ada-quill", article.as_str()));
        store
            .insert(&Quad::new(
                naming,
                NamedNode::new_unchecked(document::OLD_NAMING_LINK),
                iri::entity("person/ada-quill"),
                GraphName::NamedNode(NamedNode::new_unchecked(graph)),
            ))
            .expect("inserted");
    }

    #[test]
    fn a_store_of_the_old_naming_model_is_refused_for_writing() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        old_store(dir.path(), &format!("{}0123456789abcdef", vocab::DOC_NS));
        let Err(error) = KgStore::open(dir.path()) else {
            panic!("a store of the old model opened for writing");
        };
        assert!(matches!(error, StoreError::OldModel { .. }), "{error}");
        assert!(error
            .to_string()
            .contains("kg ingest ARTICLES --store NEW_DIR"));
        // Reading it still works.
        KgStore::open_read_only(dir.path()).expect("opened for reading");
    }

    #[test]
    fn the_old_property_in_a_graph_of_ones_own_is_not_the_old_model() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        old_store(dir.path(), &format!("{}mine", vocab::USER_GRAPH_NS));
        KgStore::open(dir.path()).expect("a user graph may use any property");
    }
}
