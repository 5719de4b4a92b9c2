//! Errors of the store, each saying what to do about it.

use oxigraph::store::StorageError;
#[cfg(feature = "rocksdb")]
use std::path::Path;
use std::path::PathBuf;

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process has the store open for writing.
    #[error("the store {path} is in use by another kg process; wait for it to finish (or stop it), or use another store with --store DIR")]
    Locked {
        /// The store directory.
        path: PathBuf,
    },
    /// A command that only reads was pointed at a directory that holds no store.
    #[error("there is no store at {path}; create one with `kg ingest DIR --store {path}` (or point --store / KG_STORE at an existing one)")]
    Missing {
        /// Where the store was looked for.
        path: PathBuf,
    },
    /// The directory exists and is not empty, yet holds no store.
    #[error("{path} is not a kg store (no RocksDB CURRENT file in it); point --store at the directory `kg ingest` created")]
    NotAStore {
        /// The directory.
        path: PathBuf,
    },
    /// The store could not be opened for another reason.
    #[error("cannot open the store {path}: {message}; check the path and permissions, or remove the directory to start afresh")]
    Open {
        /// The store directory.
        path: PathBuf,
        /// What the storage engine said.
        message: String,
    },
    /// This kg was compiled without the `rocksdb` feature (as the fuzz targets are): it has no
    /// on-disk store.
    #[error("cannot open the store {path}: this kg was built without the on-disk store; rebuild it with the default features (`cargo build --release`)")]
    NoDiskStore {
        /// The store directory.
        path: PathBuf,
    },
    /// The storage engine failed.
    #[error("storage error: {0}")]
    Storage(#[from] StorageError),
    /// Reading or writing failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// RDF given to `kg load` did not parse.
    #[error("invalid RDF: {0}")]
    Parse(String),
    /// RDF aimed at one of the graphs kg writes itself.
    #[error("<{0}> is one of kg's own graphs (documents, facts, entities, ontology), which kg derives from the articles; load into a graph of your own instead (--graph IRI, or leave it out: graph/user/file/<the file's path>)")]
    ReservedGraph(String),
    /// N-Quads given as document graphs (the reduce step) hold something else.
    #[error("not a document graph: {0}; `kg ingest --from-nquads` takes what `kg extract --format nquads` prints")]
    NotADocument(String),
    /// The built-in ontology did not load (a bug: please report it).
    #[error("the built-in ontology is invalid: {0}")]
    Ontology(String),
    /// Compressing the store's files after a large ingest failed (the data is intact: the
    /// store is as the ingest left it, only larger on disk).
    #[error("cannot compress the store's files: {0}; the ingested data is kept, uncompressed; check free disk space and that no other kg process has the store open, then ingest again")]
    Compress(String),
    /// The store was written by an earlier kg whose article graphs the current one cannot read
    /// (such as the `kg:Naming` nodes that `kg:namings` replaced).
    #[error("the store {path} was built by an earlier kg ({what}); this kg cannot add to it or remove from it: build a new store from the articles (`kg ingest ARTICLES --store NEW_DIR`); `kg query` and the other commands that only read still work on the old one")]
    OldModel {
        /// The store directory.
        path: PathBuf,
        /// What of the old model was found.
        what: &'static str,
    },
    /// A batch failed after its files landed and could not be undone, so no later batch of
    /// this run is written (each would clear the record of what is half-written).
    #[error("not written: an earlier batch could not be stored nor undone ({0}); run the same `kg ingest` again once the cause is fixed: it drops what that batch left half-written and completes the rest")]
    Unfinished(String),
    /// An internal query failed (a bug: please report it).
    #[error("internal query failed: {0}")]
    Query(String),
}

impl StoreError {
    /// Classifies an error from opening the store at `path`.
    #[cfg(feature = "rocksdb")]
    pub(crate) fn from_open(path: &Path, error: StorageError) -> Self {
        let message = error.to_string();
        if message.contains("lock") || message.contains("LOCK") {
            Self::Locked {
                path: path.to_owned(),
            }
        } else {
            Self::Open {
                path: path.to_owned(),
                message,
            }
        }
    }
}
