//! Ingesting documents: a batch at a time, one transaction per batch.
//!
//! For each document of a batch:
//! - same text and metadata as a document already stored: nothing changes (a new source name is
//!   recorded, because the same article arrived under another name);
//! - a source that held another text before: that older document loses the source, and its graph
//!   is dropped when no other source still holds its text;
//! - otherwise the document's graph is added (see [`crate::rdf::document_quads`]).
//!
//! Then, once per batch, what depends on several documents is derived again for what the batch
//! touched: the entities (names, classes, surname-only people merged into the one full-name
//! person of that surname: [`super::names`]) and the facts with their attestations
//! ([`super::facts`]). A crash or Ctrl-C before the commit leaves the store as it was before the
//! batch; a rerun completes it.

use super::derivation::Derivation;
use super::document::DocumentGraph;
use super::names::{self, NameBook, Naming};
use super::tallies::TallyFile;
use super::{facts, KgStore, StoreError};
use crate::extract::Extraction;
use crate::rdf::{vocab, Attested, GraphOptions};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, QuadRef, Term};
use oxigraph::store::{BulkLoader, StorageError, Transaction};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Below this many new documents in a batch, their graphs go through the transaction: the bulk
/// loader's files cost more than they save.
const BULK_MINIMUM: usize = 64;

/// Below this many quads derived by a batch, they go through the transaction (see
/// [`Ingestor::derive_and_commit`]): one more article adds a few dozen. Lower in unit tests,
/// so that their small batches take the bulk path too.
const BULK_DERIVED_MINIMUM: usize = if cfg!(test) { 50 } else { 2_000 };

/// Documents per write (see [`Ingestor::queue`]) unless the caller sets it. On 100 MB of news
/// (54,556 articles, 2 cores, one run each, side by side): 4,000 took 108 s (177 s of CPU) and
/// 0.66 GB at peak, 8,000 102 s (161 s) and 0.87 GB, 16,000 103 s (153 s) and 1.37 GB: each
/// write's derivation is one long stretch on one core, and what its transaction holds grows
/// with the batch.
pub const DEFAULT_BATCH: usize = 8_000;

/// What ingesting a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IngestOutcome {
    /// A new document.
    Added,
    /// A document that replaced an earlier version from the same source (or new metadata).
    Replaced,
    /// Already stored, unchanged.
    Unchanged,
}

/// Writes batches of documents into a store. Keeps, between batches, the names of the entities
/// it has touched (see [`NameBook`]), so use one `Ingestor` for a whole run.
pub struct Ingestor<'s> {
    store: &'s KgStore,
    names: NameBook,
    /// The popular entities' sums beside the store, read at the start and written at the end.
    tallies: TallyFile,
    /// Whether a batch left half-written by a crash was looked for.
    recovered: bool,
    /// Why a failed batch could not be undone: then nothing more is written (see
    /// [`StoreError::Unfinished`]).
    unfinished: Option<String>,
    /// Gathers the documents [`Self::queue`] takes, once the first piece came.
    builder: Option<BatchBuilder<'s>>,
    /// How many documents [`Self::queue`] gathers before it writes them.
    batch_size: usize,
    /// Tests only: stop a write between its derived quads' bulk load and its transaction, as a
    /// crash there would.
    #[cfg(test)]
    stop_after_derived_load: bool,
    /// Tests only: after a failed write, do nothing more, as after a crash.
    #[cfg(test)]
    crash_on_failure: bool,
}

/// Gathers documents into batches for an [`Ingestor`] to write: decides which of them are new
/// and hands their quads to Oxigraph's bulk loader, which builds their files on disk as they
/// come. It only reads the store, so it can run on another thread while the ingestor writes
/// the batch before (see [`Ingestor::batches`]).
pub struct BatchBuilder<'s> {
    store: &'s KgStore,
    batch_size: usize,
    queued: Option<PendingBatch<'s>>,
    /// Batches handed over so far.
    handed: u64,
    /// The new documents of each batch handed over and perhaps not written yet, by number:
    /// their graphs are not in the store yet, but a text met again must not be loaded twice.
    in_flight: VecDeque<(u64, BTreeSet<NamedNode>)>,
    /// How many of its batches the ingestor has written (or failed to).
    landed: Arc<AtomicU64>,
}

/// Documents gathered for one write, their new graphs' files built as they came: see
/// [`BatchBuilder`] and [`Ingestor::write`].
pub struct PendingBatch<'s> {
    graphs: Vec<DocumentGraph>,
    /// Which documents the bulk loader writes (their quads were moved into it).
    fresh: Vec<bool>,
    /// The documents of `fresh`, to keep a text met twice from being loaded twice; moved to
    /// the builder's `in_flight` when the batch is handed over (the write does not need it).
    loading: BTreeSet<NamedNode>,
    /// Building the new documents' files; `None` while all go through the transaction.
    loader: Option<BulkLoader<'s>>,
    /// Why the batch cannot be written (found while gathering it).
    failed: Option<StoreError>,
    /// Counts the batches of its builder written: see [`BatchBuilder::in_flight`].
    landed: Arc<AtomicU64>,
}

/// What became of one batch of a queued run: see [`Ingestor::queue`].
pub struct WrittenBatch {
    /// How many documents the batch held.
    pub documents: usize,
    /// The sources of its first three documents, to name the batch in a message.
    pub first_sources: Vec<String>,
    /// What happened to each document, or why the whole batch was not stored.
    pub outcomes: Result<Vec<IngestOutcome>, StoreError>,
}

/// A document added by a batch: its claims (linked at the end of the batch) and its namings.
type AddedDocument = (Vec<Attested>, Vec<(NamedNode, Naming)>);

/// What one batch changed, gathered while its documents are written.
#[derive(Default)]
struct BatchChanges {
    /// Documents added by this batch: their claims (linked at the end) and namings.
    added: BTreeMap<NamedNode, AddedDocument>,
    /// Attestations of stored documents this batch dropped.
    dropped_attestations: Vec<NamedNode>,
    /// Namings added (`false`) or removed (`true`).
    naming_deltas: Vec<(NamedNode, Naming, bool)>,
}

impl<'s> Ingestor<'s> {
    /// A writer for `store`.
    pub fn new(store: &'s KgStore) -> Self {
        let tallies = TallyFile::new(store.path());
        Self {
            store,
            names: NameBook::remembering(tallies.read()),
            tallies,
            recovered: false,
            unfinished: None,
            builder: None,
            batch_size: DEFAULT_BATCH,
            #[cfg(test)]
            stop_after_derived_load: false,
            #[cfg(test)]
            crash_on_failure: false,
        }
    }

    /// Stores a batch of documents in one transaction; returns what happened to each.
    pub fn ingest(&mut self, batch: &[Extraction]) -> Result<Vec<IngestOutcome>, StoreError> {
        let graphs = batch
            .iter()
            .map(|e| DocumentGraph::from_extraction(e, GraphOptions::default()))
            .collect::<Result<Vec<_>, _>>()?;
        self.ingest_documents(graphs)
    }

    /// Stores a batch of document graphs (extracted here, or read back from another machine's
    /// `kg extract --format nquads`) in one transaction; returns what happened to each.
    pub fn ingest_documents(
        &mut self,
        batch: Vec<DocumentGraph>,
    ) -> Result<Vec<IngestOutcome>, StoreError> {
        // Documents queued earlier land first: this batch may replace some of them.
        if let Some(WrittenBatch {
            outcomes: Err(error),
            ..
        }) = self.finish_queue()
        {
            return Err(error);
        }
        let mut builder = self.batches()?;
        builder.add(batch);
        match builder.finish() {
            Some(batch) => self.write(batch).outcomes,
            None => Ok(Vec::new()),
        }
    }

    /// How many documents a batch holds (one transaction, one set of bulk-loaded files):
    /// [`DEFAULT_BATCH`] unless set here.
    pub fn with_batch_size(mut self, documents: usize) -> Self {
        self.batch_size = documents.max(1);
        self
    }

    /// Gets the store ready for this run's writes (a batch a crash left half-written is
    /// completed, the tallies file is set aside) and returns a builder of batches for
    /// [`Self::write`].
    ///
    /// Why the two halves: gathering a batch (deciding which documents are new, building the
    /// new graphs' files) only reads the store, while writing one (deriving entities and facts,
    /// one transaction) is a long stretch on one core. On separate threads the next batch is
    /// extracted and gathered while this one is written; before, extraction waited for every
    /// write (100 MB of news: seven writes of 6 to 9 s each, half of the run).
    pub fn batches(&mut self) -> Result<BatchBuilder<'s>, StoreError> {
        self.tallies.before_write()?;
        if !self.recovered {
            self.recover()?;
            self.recovered = true;
        }
        Ok(BatchBuilder {
            store: self.store,
            batch_size: self.batch_size,
            queued: None,
            handed: 0,
            in_flight: VecDeque::new(),
            landed: Arc::default(),
        })
    }

    /// Takes documents in the pieces they come in (an extraction's batch) and writes them once
    /// the batch size is reached, returning what became of them; call [`Self::finish_queue`]
    /// at the end for the rest. The same work as [`Self::batches`] and [`Self::write`] on one
    /// thread.
    pub fn queue(&mut self, piece: Vec<DocumentGraph>) -> Option<WrittenBatch> {
        if self.builder.is_none() {
            match self.batches() {
                Ok(builder) => self.builder = Some(builder),
                Err(error) => return Some(WrittenBatch::failed(&piece, error)),
            }
        }
        let full = self.builder.as_mut().and_then(|b| b.add(piece));
        full.map(|batch| self.write(batch))
    }

    /// Writes the documents still queued, if any.
    pub fn finish_queue(&mut self) -> Option<WrittenBatch> {
        let batch = self.builder.as_mut().and_then(BatchBuilder::finish)?;
        Some(self.write(batch))
    }

    /// Lands a batch: its new documents' files, then one transaction for the rest and for what
    /// the batch changes in the entities and facts. Batches must be written in the order their
    /// builder handed them over.
    pub fn write(&mut self, prepared: PendingBatch<'s>) -> WrittenBatch {
        let documents = prepared.graphs.len();
        let first_sources = first_sources(&prepared.graphs);
        let landed = Arc::clone(&prepared.landed);
        let outcomes = self.try_write(prepared);
        if outcomes.is_err() && self.unfinished.is_none() && !self.crashes_on_failure() {
            // The transaction rolled back: what the book learnt from it is wrong.
            self.names.clear();
            self.tallies.spoil();
            // The batch's files may have landed: its documents are then in the store without
            // their fingerprints, entities or facts. They are dropped now, before the next
            // batch replaces the record of them.
            if let Err(error) = self.undo_pending() {
                self.unfinished = Some(error.to_string());
            }
        }
        landed.fetch_add(1, Ordering::Release);
        WrittenBatch {
            documents,
            first_sources,
            outcomes,
        }
    }

    /// Tests only: whether a failed write is to be left as a crash would leave it.
    fn crashes_on_failure(&self) -> bool {
        #[cfg(test)]
        return self.crash_on_failure;
        #[cfg(not(test))]
        false
    }

    fn try_write(&mut self, prepared: PendingBatch<'s>) -> Result<Vec<IngestOutcome>, StoreError> {
        let PendingBatch {
            graphs,
            fresh,
            loader,
            failed,
            ..
        } = prepared;
        if let Some(error) = failed {
            return Err(error);
        }
        if let Some(why) = &self.unfinished {
            return Err(StoreError::Unfinished(why.clone()));
        }
        let store = &self.store.store;
        if let Some(loader) = loader {
            // The name book must see the store as it was before these graphs land.
            for (graph, _) in graphs.iter().zip(&fresh).filter(|(_, f)| **f) {
                for (entity, _) in &graph.namings {
                    if let Some(surname) =
                        names::full_name_surname(entity).or_else(|| names::short_surname(entity))
                    {
                        self.names.load(store, &names::surname_entity(&surname))?;
                    }
                    self.names.load(store, entity)?;
                }
            }
            let pending: Vec<String> = graphs
                .iter()
                .zip(&fresh)
                .filter(|(_, f)| **f)
                .map(|(g, _)| g.iri.as_str().to_owned())
                .collect();
            self.mark_pending(&pending)?;
            loader.commit()?;
        }

        let mut tx = store.start_transaction()?;
        let mut changes = BatchChanges::default();
        let mut outcomes = Vec::with_capacity(graphs.len());
        // Whether every document is new and bulk-loaded, or unchanged: see `derive_and_commit`.
        let mut only_loaded = true;
        for (graph, preloaded) in graphs.into_iter().zip(fresh) {
            let outcome = write_document(&mut tx, graph, &mut changes, preloaded)?;
            only_loaded &= match outcome {
                IngestOutcome::Added => preloaded,
                IngestOutcome::Replaced => false,
                IngestOutcome::Unchanged => true,
            };
            outcomes.push(outcome);
        }
        self.derive_and_commit(tx, changes, only_loaded)?;
        self.clear_pending()?;
        Ok(outcomes)
    }

    /// Where the documents of a batch in flight are listed (a file in the store's directory):
    /// the bulk loader writes their graphs before the transaction that completes them commits.
    fn pending_file(&self) -> Option<std::path::PathBuf> {
        self.store.path().map(|p| p.join("kg-pending-batch"))
    }

    fn mark_pending(&self, documents: &[String]) -> Result<(), StoreError> {
        if let Some(path) = self.pending_file() {
            let mut file = std::fs::File::create(&path)?;
            std::io::Write::write_all(&mut file, documents.join("\n").as_bytes())?;
            file.sync_all()?;
        }
        Ok(())
    }

    fn clear_pending(&self) -> Result<(), StoreError> {
        match self.pending_file() {
            Some(path) if path.exists() => Ok(std::fs::remove_file(path)?),
            _ => Ok(()),
        }
    }

    /// After a crash between a batch's bulk load and its commit, drops the graphs of that
    /// batch's documents that have no fingerprint (never completed): a rerun adds them again.
    /// Also removes the files of a batch whose loading was cut short (see
    /// [`remove_unloaded_files`]).
    fn recover(&mut self) -> Result<(), StoreError> {
        if let Some(dir) = self.store.path() {
            remove_unloaded_files(dir)?;
        }
        self.undo_pending()
    }

    /// Drops the graphs of the documents listed as in flight that have no fingerprint (their
    /// batch never completed) and settles what they stated, in one transaction. Unlike
    /// [`Self::recover`], leaves the bulk loader's files alone: a batch being gathered may be
    /// building them.
    fn undo_pending(&mut self) -> Result<(), StoreError> {
        let Some(path) = self.pending_file() else {
            return Ok(());
        };
        let Ok(listed) = std::fs::read_to_string(&path) else {
            return Ok(());
        };
        let store = &self.store.store;
        let mut tx = store.start_transaction()?;
        let mut changes = BatchChanges::default();
        for doc in listed.lines().filter_map(|l| NamedNode::new(l).ok()) {
            let graph = GraphNameRef::NamedNode(doc.as_ref());
            let complete = tx
                .quads_for_pattern(
                    Some(doc.as_ref().into()),
                    Some(vocab::kg::FINGERPRINT),
                    None,
                    Some(graph),
                )
                .next()
                .is_some();
            if !complete && tx.contains_named_graph(doc.as_ref())? {
                drop_document(&mut tx, &doc, &mut changes)?;
            }
        }
        self.derive_and_commit(tx, changes, false)?;
        self.clear_pending()
    }

    /// Removes these documents' graphs and settles what they stated, as a replacement does
    /// (`kg remove`), in one transaction. Returns how many of them were stored.
    pub fn remove(&mut self, documents: &[NamedNode]) -> Result<usize, StoreError> {
        self.tallies.before_write()?;
        let result = self.try_remove(documents);
        if result.is_err() {
            self.names.clear();
            self.tallies.spoil();
        }
        result
    }

    fn try_remove(&mut self, documents: &[NamedNode]) -> Result<usize, StoreError> {
        // A batch queued earlier lands first: the documents may be among its.
        if let Some(WrittenBatch {
            outcomes: Err(error),
            ..
        }) = self.finish_queue()
        {
            return Err(error);
        }
        if !self.recovered {
            self.recover()?;
            self.recovered = true;
        }
        let store = &self.store.store;
        let mut tx = store.start_transaction()?;
        let mut changes = BatchChanges::default();
        let mut removed = 0;
        for doc in documents {
            if tx.contains_named_graph(doc.as_ref())? {
                drop_document(&mut tx, doc, &mut changes)?;
                removed += 1;
            }
        }
        self.derive_and_commit(tx, changes, false)?;
        Ok(removed)
    }

    /// Derives what `changes` touch, then lands it: what the derivation adds through the bulk
    /// loader when `bulk` allows it and it is worth it (see [`Derivation`]), the rest with the
    /// transaction.
    ///
    /// `bulk` only when every document of the batch is new and was bulk-loaded (or is
    /// unchanged): the derived quads then land before the transaction, so a crash between the
    /// two leaves them beside documents without fingerprints, all listed in the pending file,
    /// and the rerun's recovery drops those documents and derives again what they touched,
    /// which removes what they had added (the entities' quads are written as a difference from
    /// what their namings give; a fact that loses an attestation is rebuilt from the rest). A
    /// batch that also removes or replaces documents through the transaction has no such
    /// record, so its derivation goes through the transaction too.
    fn derive_and_commit(
        &mut self,
        mut tx: Transaction<'_>,
        changes: BatchChanges,
        bulk: bool,
    ) -> Result<(), StoreError> {
        let added = {
            let mut derivation = Derivation::new(&mut tx)?;
            self.derive(&mut derivation, changes)?;
            derivation.into_added()?
        };
        if bulk && added.len() >= BULK_DERIVED_MINIMUM {
            let mut loader = self.store.store.bulk_loader().with_num_threads(1);
            loader.load_quads(added)?;
            loader.commit()?;
            #[cfg(test)]
            if self.stop_after_derived_load {
                return Err(std::io::Error::other("stopped as by a crash").into());
            }
        } else {
            tx.extend(&added);
        }
        tx.commit()?;
        Ok(())
    }

    /// Entities, identities and facts for what the batch touched.
    fn derive(
        &mut self,
        tx: &mut Derivation<'_, '_>,
        changes: BatchChanges,
    ) -> Result<(), StoreError> {
        let store = &self.store.store;
        let touched: BTreeSet<NamedNode> = changes
            .naming_deltas
            .iter()
            .map(|(e, _, _)| e.clone())
            .collect();
        let surnames: BTreeSet<String> = touched
            .iter()
            .filter_map(|e| names::full_name_surname(e).or_else(|| names::short_surname(e)))
            .collect();
        // What the store held before the batch, then the batch's changes.
        for entity in &touched {
            self.names.load(store, entity)?;
        }
        for surname in &surnames {
            self.names.load(store, &names::surname_entity(surname))?;
        }
        for (entity, naming, remove) in &changes.naming_deltas {
            self.names.apply(entity, naming, *remove);
        }

        // 1. The surname index: full-name people still named somewhere.
        for entity in &touched {
            if let Some(surname) = names::full_name_surname(entity) {
                names::index_surname(tx, entity, &surname, self.names.is_named(entity))?;
            }
        }
        // 2. Who each surname-only person is, now.
        let mut rederive = touched.clone();
        let mut merged: FxHashMap<NamedNode, Option<NamedNode>> = FxHashMap::default();
        let mut changed_shorts = Vec::new();
        for surname in &surnames {
            let short = names::surname_entity(surname);
            let fulls = names::full_names(tx, surname)?;
            let new = match fulls.as_slice() {
                [full] if self.names.is_named(&short) => Some(full.clone()),
                _ => None,
            };
            let old = names::merged_into(tx, &short)?;
            rederive.extend(new.iter().cloned());
            rederive.extend(old.iter().cloned());
            rederive.insert(short.clone());
            if new != old {
                changed_shorts.push(short.clone());
            }
            merged.insert(short, new);
        }
        // 3. The entities graph for everything whose names or identity may have changed.
        for entity in &rederive {
            self.names.load(store, entity)?;
            if let Some(target) = merged.get(entity).cloned().flatten() {
                names::write_entity(tx, entity, &[], Some(&target))?;
                continue;
            }
            let mut keys = vec![entity.clone()];
            if let Some(surname) = names::full_name_surname(entity) {
                let short = names::surname_entity(&surname);
                let target = match merged.get(&short) {
                    Some(t) => t.clone(),
                    None => names::merged_into(tx, &short)?,
                };
                if target.as_ref() == Some(entity) {
                    self.names.load(store, &short)?;
                    keys.push(short);
                }
            }
            let namings: Vec<&Naming> = keys.iter().filter_map(|k| self.names.get(k)).collect();
            names::write_entity(tx, entity, &namings, None)?;
        }

        // 4. Facts: unlink what left, relink what changed identity, link what arrived.
        let (mut lost, mut gained) = (BTreeSet::new(), BTreeMap::<_, Vec<NamedNode>>::new());
        for attestation in &changes.dropped_attestations {
            lost.extend(facts::unlink(tx, attestation)?);
        }
        let mut relink: Vec<Attested> = Vec::new();
        for short in &changed_shorts {
            for predicate in [
                vocab::kg::STATED_MEMBER,
                vocab::kg::STATED_ATTENDEE,
                vocab::kg::STATED_ORGANIZATION,
                vocab::kg::STATED_LOCATION,
            ] {
                let stating: Vec<Quad> = tx
                    .quads_for_pattern(None, Some(predicate), Some(short.as_ref().into()), None)
                    .collect::<Result<_, _>>()?;
                for quad in stating {
                    let NamedOrBlankNode::NamedNode(attestation) = quad.subject else {
                        continue;
                    };
                    if let Some(claim) =
                        facts::read_claim(tx, &attestation, Some(quad.graph_name.as_ref()))?
                    {
                        lost.extend(facts::unlink(tx, &attestation)?);
                        relink.push(Attested { attestation, claim });
                    }
                }
            }
        }
        let arriving: Vec<&Attested> = changes
            .added
            .values()
            .flat_map(|(claims, _)| claims)
            .chain(&relink)
            .collect();
        let canonical = canonical_map(tx, &arriving, &merged)?;
        let canon = |e: &NamedNode| canonical.get(e).cloned().unwrap_or_else(|| e.clone());
        for attested in arriving {
            let fact = facts::link(tx, &attested.attestation, &attested.claim, canon)?;
            gained
                .entry(fact)
                .or_default()
                .push(attested.attestation.clone());
        }
        facts::settle(tx, &lost, &gained)?;
        Ok(())
    }
}

impl<'s> BatchBuilder<'s> {
    /// Adds a piece of documents (an extraction's batch) to the batch being gathered; returns
    /// the batch once it holds the batch size, for [`Ingestor::write`]. The store is only read
    /// here: nothing lands before the write.
    ///
    /// Why pieces and batches differ: each write makes RocksDB merge the files of the new
    /// documents into the whole store (the keys are hashes, so every write overlaps all that is
    /// stored), so the fewer writes, the less is rewritten (see [`DEFAULT_BATCH`]). But whole
    /// batches in memory cost: before pieces, batches of 4,000 peaked at 1.0 GB on 100 MB of
    /// news, 8,000 at 1.6 GB. So each piece's new graphs go into the bulk loader as they come
    /// (it builds their files on disk, in a thread of its own, and the graphs' quads are
    /// freed); what is kept until the write is what the transaction needs: fingerprints,
    /// sources, namings and claims.
    pub fn add(&mut self, mut piece: Vec<DocumentGraph>) -> Option<PendingBatch<'s>> {
        let store: &'s KgStore = self.store;
        let landed = self.landed.load(Ordering::Acquire);
        while self.in_flight.front().is_some_and(|(n, _)| *n < landed) {
            self.in_flight.pop_front();
        }
        let in_flight = &self.in_flight;
        let queued = self.queued.get_or_insert_with(|| PendingBatch {
            graphs: Vec::new(),
            fresh: Vec::new(),
            loading: BTreeSet::new(),
            loader: None,
            failed: None,
            landed: Arc::clone(&self.landed),
        });
        let result = (|| -> Result<Vec<bool>, StoreError> {
            // New documents (not stored, not met earlier in this batch or in one still being
            // written) are written by Oxigraph's bulk loader, which builds sorted files
            // instead of going through the transaction's index; everything else goes through
            // the transaction.
            let mut fresh = vec![false; piece.len()];
            let mut new_here = BTreeSet::new();
            for (i, graph) in piece.iter().enumerate() {
                let doc = &graph.iri;
                fresh[i] = !queued.loading.contains(doc)
                    && !in_flight.iter().any(|(_, docs)| docs.contains(doc))
                    && !store.store.contains_named_graph(doc.as_ref())?
                    && new_here.insert(doc.clone());
            }
            // A few documents are cheaper through the transaction than through new files.
            if queued.loader.is_none() && new_here.len() < BULK_MINIMUM {
                return Ok(vec![false; piece.len()]);
            }
            // All but the fingerprints: the transaction writes them, as the mark that a
            // document is complete. Moved, not copied: the transaction needs only the
            // fingerprint, sources, namings and claims of these documents.
            let quads: Vec<Quad> = piece
                .iter_mut()
                .zip(&fresh)
                .filter(|(_, f)| **f)
                .flat_map(|(graph, _)| std::mem::take(&mut graph.quads))
                .filter(|q| q.predicate.as_ref() != vocab::kg::FINGERPRINT)
                .collect();
            let loader = queued
                .loader
                .get_or_insert_with(|| store.store.bulk_loader().with_num_threads(1));
            loader.load_quads(quads)?;
            queued.loading.extend(new_here);
            Ok(fresh)
        })();
        match result {
            Ok(fresh) => queued.fresh.extend(fresh),
            Err(error) => {
                queued.fresh.resize(queued.fresh.len() + piece.len(), false);
                queued.failed.get_or_insert(error);
            }
        }
        queued.graphs.extend(piece);
        if queued.graphs.len() >= self.batch_size {
            self.finish()
        } else {
            None
        }
    }

    /// The batch being gathered, if it holds any document.
    pub fn finish(&mut self) -> Option<PendingBatch<'s>> {
        let mut batch = self.queued.take()?;
        self.in_flight
            .push_back((self.handed, std::mem::take(&mut batch.loading)));
        self.handed += 1;
        Some(batch)
    }
}

impl WrittenBatch {
    /// A batch none of whose documents could be stored.
    fn failed(graphs: &[DocumentGraph], error: StoreError) -> Self {
        Self {
            documents: graphs.len(),
            first_sources: first_sources(graphs),
            outcomes: Err(error),
        }
    }
}

/// The sources of a batch's first three documents, to name the batch in a message.
fn first_sources(graphs: &[DocumentGraph]) -> Vec<String> {
    graphs
        .iter()
        .take(3)
        .filter_map(|g| g.sources.first().map(|s| s.value().to_owned()))
        .collect()
}

impl Drop for Ingestor<'_> {
    /// Saves the popular entities' sums for the next run (see [`super::tallies`]). A failure
    /// to save costs the next run time, never correctness: the file is then absent.
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        // A batch still queued is written, not lost (callers should have called
        // `finish_queue`, which reports how it went).
        let _ = self.finish_queue();
        // A file half written is never read under its name (it is renamed into place).
        let _ = self.tallies.save(self.names.known());
    }
}

/// Removes the files Oxigraph's bulk loader builds in the store's directory (`bulk-*.sst`)
/// before they are loaded. Why: they are moved into the store when a batch lands and deleted
/// when a loader is dropped, but a process killed meanwhile leaves them behind, a batch's size
/// each, and nothing else would ever remove them. Only called before this writer builds any,
/// while it holds the store's lock, so none of them belongs to a loader still running.
fn remove_unloaded_files(dir: &std::path::Path) -> Result<(), StoreError> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The canonical entity of every surname-only person the claims name.
fn canonical_map(
    tx: &Derivation<'_, '_>,
    claims: &[&Attested],
    merged: &FxHashMap<NamedNode, Option<NamedNode>>,
) -> Result<FxHashMap<NamedNode, NamedNode>, StorageError> {
    let mut out = FxHashMap::default();
    for attested in claims {
        for entity in attested.claim.entities() {
            if out.contains_key(entity) || names::short_surname(entity).is_none() {
                continue;
            }
            let target = match merged.get(entity) {
                Some(t) => t.clone(),
                None => names::merged_into(tx, entity)?,
            };
            if let Some(target) = target {
                out.insert(entity.clone(), target);
            }
        }
    }
    Ok(out)
}

/// Writes one document's graph (or records its new sources), dropping what it replaces.
fn write_document(
    tx: &mut Transaction<'_>,
    document: DocumentGraph,
    changes: &mut BatchChanges,
    preloaded: bool,
) -> Result<IngestOutcome, StorageError> {
    let doc_iri = document.iri.clone();
    let graph = GraphNameRef::NamedNode(doc_iri.as_ref());
    let print = &document.fingerprint;
    // A document the bulk loader wrote had no graph when its batch was gathered (nor was it in
    // a batch still being written), so it cannot be stored already: one read fewer per new
    // document.
    if !preloaded && tx.contains(QuadRef::new(&doc_iri, vocab::kg::FINGERPRINT, print, graph))? {
        for source in &document.sources {
            let source_quad = QuadRef::new(&doc_iri, vocab::kg::SOURCE, source, graph);
            if !tx.contains(source_quad)? {
                tx.insert(source_quad);
            }
        }
        return Ok(IngestOutcome::Unchanged);
    }

    // Earlier versions: other documents read from these sources, and this document's own graph
    // if it was stored with other metadata (its other sources stay: the text is still there).
    let stored_before = !preloaded && tx.contains_named_graph(doc_iri.as_ref())?;
    let mut replaced = stored_before;
    for source in &document.sources {
        let earlier: Vec<Quad> = tx
            .quads_for_pattern(
                None,
                Some(vocab::kg::SOURCE),
                Some(source.as_ref().into()),
                None,
            )
            .collect::<Result<_, _>>()?;
        for quad in earlier {
            let NamedOrBlankNode::NamedNode(old_doc) = &quad.subject else {
                continue;
            };
            if *old_doc == doc_iri {
                continue;
            }
            replaced = true;
            tx.remove(&quad);
            let still_held = tx
                .quads_for_pattern(
                    Some(old_doc.as_ref().into()),
                    Some(vocab::kg::SOURCE),
                    None,
                    Some(quad.graph_name.as_ref()),
                )
                .next()
                .is_some();
            if !still_held {
                drop_document(tx, old_doc, changes)?;
            }
        }
    }
    let mut other_sources = Vec::new();
    if stored_before {
        for quad in tx.quads_for_pattern(
            Some(doc_iri.as_ref().into()),
            Some(vocab::kg::SOURCE),
            None,
            Some(graph),
        ) {
            let quad = quad?;
            let own = matches!(&quad.object, Term::Literal(l) if document.sources.contains(l));
            if !own {
                other_sources.push(quad);
            }
        }
        drop_document(tx, &doc_iri, changes)?;
    }

    if preloaded {
        tx.insert(QuadRef::new(&doc_iri, vocab::kg::FINGERPRINT, print, graph));
    } else {
        tx.extend(&document.quads);
    }
    tx.extend(&other_sources);
    for (entity, naming) in &document.namings {
        changes
            .naming_deltas
            .push((entity.clone(), naming.clone(), false));
    }
    changes
        .added
        .insert(doc_iri, (document.claims, document.namings));
    Ok(if replaced {
        IngestOutcome::Replaced
    } else {
        IngestOutcome::Added
    })
}

/// Removes a document's graph, noting the namings and attestations that leave with it.
fn drop_document(
    tx: &mut Transaction<'_>,
    doc: &NamedNode,
    changes: &mut BatchChanges,
) -> Result<(), StorageError> {
    if let Some((_, namings)) = changes.added.remove(doc) {
        // Added earlier in this batch: its claims were never linked.
        for (entity, naming) in namings {
            changes.naming_deltas.push((entity, naming, true));
        }
    } else {
        let graph = GraphNameRef::NamedNode(doc.as_ref());
        let namings = names::read_namings(tx.quads_for_pattern(
            Some(doc.as_ref().into()),
            Some(vocab::kg::NAMINGS),
            None,
            Some(graph),
        ))?;
        for (entity, naming) in names::per_entity(&namings) {
            changes.naming_deltas.push((entity, naming, true));
        }
        let attestation_class = Term::NamedNode(vocab::kg::ATTESTATION_CLASS.into_owned());
        for quad in tx.quads_for_pattern(
            None,
            Some(vocab::rdf::TYPE),
            Some(attestation_class.as_ref()),
            Some(graph),
        ) {
            if let NamedOrBlankNode::NamedNode(a) = quad?.subject {
                changes.dropped_attestations.push(a);
            }
        }
    }
    tx.remove_named_graph(doc.as_ref())?;
    Ok(())
}

impl KgStore {
    /// Stores everything `extraction` read from its document, in one transaction. For many
    /// documents, an [`Ingestor`] with batches is much faster.
    pub fn ingest(&self, extraction: &Extraction) -> Result<IngestOutcome, StoreError> {
        let outcomes = Ingestor::new(self).ingest(std::slice::from_ref(extraction))?;
        Ok(outcomes
            .into_iter()
            .next()
            .unwrap_or(IngestOutcome::Unchanged))
    }
}

#[cfg(all(test, feature = "rocksdb"))]
mod tests {
    use super::*;
    use crate::text::Document;

    /// Articles naming people (full names, then surname-only mentions that merge into them),
    /// their roles and organizations: enough new documents and derived quads for both bulk
    /// paths.
    fn articles(range: std::ops::Range<usize>) -> Vec<DocumentGraph> {
        const GIVEN: [&str; 6] = ["Ada", "Bram", "Cleo", "Dov", "Esme", "Fenn"];
        const FAMILY: [&str; 7] = ["Quill", "Marsh", "Tolland", "Vey", "Orrin", "Pask", "Lume"];
        const BODY: [&str; 5] = [
            "Westmark Bank",
            "Acme Corp",
            "Norhaven Council",
            "Tidewell Ltd",
            "Brask Group",
        ];
        range
            .map(|i| {
                let person = format!("{} {}", GIVEN[i % 6], FAMILY[i % 7]);
                let other = format!("{} {}", GIVEN[(i + 2) % 6], FAMILY[(i + 3) % 7]);
                let text = format!(
                    "{person}, chief executive of {body}, met {other} on Monday.\n\n\
                     {surname} said {body} would open an office in Westmark. \
                     {other}, chairman of {body2}, agreed. Report number {i}.",
                    body = BODY[i % 5],
                    body2 = BODY[(i + 1) % 5],
                    surname = FAMILY[i % 7],
                );
                let document = Document::new(format!("article-{i}.txt"), &text);
                DocumentGraph::from_extraction(
                    &crate::extract::extract(document),
                    GraphOptions::default(),
                )
                .expect("a document graph")
            })
            .collect()
    }

    fn sorted_dump(store: &KgStore) -> Vec<String> {
        let mut out = Vec::new();
        store
            .dump(&mut out, oxigraph::io::RdfFormat::NQuads)
            .expect("dumped");
        let mut lines: Vec<String> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    }

    #[test]
    fn a_crash_between_the_derived_load_and_the_commit_is_healed_by_the_next_run() {
        let clean_dir = tempfile::tempdir().expect("a temporary directory");
        let crashed_dir = tempfile::tempdir().expect("a temporary directory");
        let (first, second) = (articles(0..90), articles(90..180));

        let clean = KgStore::open(clean_dir.path()).expect("a store");
        let mut ingestor = Ingestor::new(&clean);
        ingestor
            .ingest_documents(first.clone())
            .expect("first batch");
        ingestor
            .ingest_documents(second.clone())
            .expect("second batch");
        drop(ingestor);

        let crashed = KgStore::open(crashed_dir.path()).expect("a store");
        let mut ingestor = Ingestor::new(&crashed);
        ingestor.ingest_documents(first).expect("first batch");
        ingestor.stop_after_derived_load = true;
        ingestor.crash_on_failure = true;
        let stopped = ingestor.ingest_documents(second.clone());
        assert!(stopped.is_err(), "the write was not stopped");
        drop(ingestor);
        // What the stopped write left: the second batch's graphs without fingerprints, and
        // its derived quads, before any rerun.
        assert_ne!(sorted_dump(&crashed), sorted_dump(&clean));

        let mut rerun = Ingestor::new(&crashed);
        rerun.ingest_documents(second).expect("rerun");
        drop(rerun);
        assert_eq!(sorted_dump(&crashed), sorted_dump(&clean));
    }

    #[test]
    fn a_batch_that_fails_after_its_files_landed_is_undone_before_the_next_one() {
        let clean_dir = tempfile::tempdir().expect("a temporary directory");
        let failed_dir = tempfile::tempdir().expect("a temporary directory");
        let (first, second, third) = (articles(0..90), articles(90..180), articles(180..270));

        let clean = KgStore::open(clean_dir.path()).expect("a store");
        let mut ingestor = Ingestor::new(&clean);
        ingestor.ingest_documents(first.clone()).expect("first");
        ingestor.ingest_documents(third.clone()).expect("third");
        drop(ingestor);

        // The second batch fails after its graphs and derived quads landed, before its
        // transaction commits; the same writer goes on with the third.
        let failed = KgStore::open(failed_dir.path()).expect("a store");
        let mut ingestor = Ingestor::new(&failed);
        ingestor.ingest_documents(first).expect("first");
        ingestor.stop_after_derived_load = true;
        assert!(ingestor.ingest_documents(second).is_err(), "not stopped");
        ingestor.stop_after_derived_load = false;
        ingestor.ingest_documents(third).expect("third");
        drop(ingestor);
        let (got, want) = (sorted_dump(&failed), sorted_dump(&clean));
        let extra: Vec<_> = got.iter().filter(|l| !want.contains(l)).take(5).collect();
        let missing: Vec<_> = want.iter().filter(|l| !got.contains(l)).take(5).collect();
        assert!(
            extra.is_empty() && missing.is_empty(),
            "left by the failed batch: {extra:#?}\nlost: {missing:#?}"
        );
    }
}
