//! A file beside the store that remembers the name tallies of its most-named entities.
//!
//! Ingesting one more article must know, for every entity it names, how all stored articles
//! name it ([`super::names::NameBook`]). For an entity named by thousands of articles ("United
//! States") that is thousands of index seeks, which made one more article into a 100 MB store
//! take most of a second. The tallies of the entities named by at least [`POPULAR`] articles are
//! therefore kept in `kg-name-tallies` in the store's directory, outside the RDF data, so that no
//! query ever sees them (bookkeeping in the store's own graphs showed up in users' queries).
//!
//! The file is only ever true or absent: a writer removes it before it changes anything in the
//! store, and writes it again (to a temporary file, then renamed) only after its last commit
//! succeeded. A crash, a failed batch or a panic in between leaves no file, and the next run
//! reads the tallies from the store as before.

use super::names::Naming;
use oxigraph::model::NamedNode;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Entities named by at least this many articles are remembered: below it, reading their
/// namings from the store costs less than carrying them in the file.
pub(crate) const POPULAR: usize = 16;

/// The file's name in the store's directory.
const FILE_NAME: &str = "kg-name-tallies";

/// The format's version: a file of another version is ignored.
const VERSION: u32 = 1;

/// The name tallies of a store's most-named entities, and whether they may be written back.
#[derive(Debug)]
pub(crate) struct TallyFile {
    /// `None` for a store in memory.
    path: Option<PathBuf>,
    /// Whether this run has removed the file before writing to the store.
    removed: bool,
    /// Whether a write failed: what the run learnt may not match the store, so nothing is saved.
    spoilt: bool,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    entities: BTreeMap<String, StoredNaming>,
}

#[derive(Serialize, Deserialize)]
struct StoredNaming {
    documents: usize,
    preferred: BTreeMap<String, usize>,
    forms: BTreeMap<String, usize>,
    classes: BTreeMap<String, usize>,
}

impl TallyFile {
    /// The tally file of the store in `directory` (none for a store in memory).
    pub(crate) fn new(directory: Option<&Path>) -> Self {
        Self {
            path: directory.map(|d| d.join(FILE_NAME)),
            removed: false,
            spoilt: false,
        }
    }

    /// The tallies the file holds; none when it is absent, unreadable or of another version
    /// (the store is then read instead: the file is only ever a shortcut).
    pub(crate) fn read(&self) -> FxHashMap<NamedNode, Naming> {
        let Some(path) = &self.path else {
            return FxHashMap::default();
        };
        let Ok(bytes) = std::fs::read(path) else {
            return FxHashMap::default();
        };
        let Ok(stored) = serde_json::from_slice::<Stored>(&bytes) else {
            return FxHashMap::default();
        };
        if stored.version != VERSION {
            return FxHashMap::default();
        }
        let mut out = FxHashMap::default();
        for (entity, n) in stored.entities {
            let (Ok(entity), Ok(classes)) = (
                NamedNode::new(entity),
                n.classes
                    .into_iter()
                    .map(|(c, k)| NamedNode::new(c).map(|c| (c, k)))
                    .collect::<Result<BTreeMap<_, _>, _>>(),
            ) else {
                return FxHashMap::default();
            };
            out.insert(
                entity,
                Naming {
                    documents: n.documents,
                    preferred: n.preferred,
                    forms: n.forms,
                    classes,
                },
            );
        }
        out
    }

    /// Call before anything is written to the store: removes the file (once per run).
    pub(crate) fn before_write(&mut self) -> std::io::Result<()> {
        if self.removed {
            return Ok(());
        }
        if let Some(path) = &self.path {
            match std::fs::remove_file(path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        self.removed = true;
        Ok(())
    }

    /// Call when a write failed or was rolled back: nothing is saved at the end of the run.
    pub(crate) fn spoil(&mut self) {
        self.spoilt = true;
    }

    /// Writes the tallies of the popular entities among `tallies` (the store's sums after the
    /// run's last commit). Does nothing when the run wrote nothing or a write failed.
    pub(crate) fn save<'a>(
        &self,
        tallies: impl IntoIterator<Item = (&'a NamedNode, &'a Naming)>,
    ) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if !self.removed || self.spoilt {
            return Ok(());
        }
        let entities = tallies
            .into_iter()
            .filter(|(_, n)| n.documents >= POPULAR)
            .map(|(e, n)| {
                let stored = StoredNaming {
                    documents: n.documents,
                    preferred: n.preferred.clone(),
                    forms: n.forms.clone(),
                    classes: n
                        .classes
                        .iter()
                        .map(|(c, k)| (c.as_str().to_owned(), *k))
                        .collect(),
                };
                (e.as_str().to_owned(), stored)
            })
            .collect();
        let stored = Stored {
            version: VERSION,
            entities,
        };
        let bytes = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
        let temporary = path.with_extension("tmp");
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn popular(documents: usize) -> Naming {
        let mut naming = Naming {
            documents,
            ..Naming::default()
        };
        naming.preferred.insert("Acme Corp".into(), documents);
        naming.forms.insert("Acme".into(), 3);
        naming.classes.insert(
            NamedNode::new_unchecked("http://schema.org/Organization"),
            2,
        );
        naming
    }

    #[test]
    fn the_file_round_trips_popular_entities_only() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut file = TallyFile::new(Some(dir.path()));
        let big = NamedNode::new_unchecked("https://kg.example.org/id/organization/acme-corp");
        let small = NamedNode::new_unchecked("https://kg.example.org/id/organization/tiny");
        let tallies = [(big.clone(), popular(40)), (small.clone(), popular(2))];
        file.before_write().expect("no file to remove");
        file.save(tallies.iter().map(|(e, n)| (e, n)))
            .expect("written");
        let read = TallyFile::new(Some(dir.path())).read();
        assert_eq!(read.get(&big), Some(&popular(40)));
        assert!(!read.contains_key(&small));
    }

    #[test]
    fn a_run_that_failed_or_never_wrote_leaves_no_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let entity = NamedNode::new_unchecked("https://kg.example.org/id/place/nowhere");
        let tallies = [(entity, popular(50))];
        // Nothing written to the store: nothing saved (the old file, if any, stays true).
        TallyFile::new(Some(dir.path()))
            .save(tallies.iter().map(|(e, n)| (e, n)))
            .expect("nothing to do");
        assert!(!dir.path().join(FILE_NAME).exists());
        // A run saves; a later run removes it before writing, then fails: no file.
        let mut first = TallyFile::new(Some(dir.path()));
        first.before_write().expect("removed");
        first
            .save(tallies.iter().map(|(e, n)| (e, n)))
            .expect("saved");
        assert!(dir.path().join(FILE_NAME).exists());
        let mut second = TallyFile::new(Some(dir.path()));
        second.before_write().expect("removed");
        assert!(!dir.path().join(FILE_NAME).exists());
        second.spoil();
        second
            .save(tallies.iter().map(|(e, n)| (e, n)))
            .expect("nothing to do");
        assert!(!dir.path().join(FILE_NAME).exists());
        assert!(TallyFile::new(Some(dir.path())).read().is_empty());
    }
}
