//! The writes of one derivation (entities, facts, event groups: see [`super::ingest`]), split
//! by kind: what it removes goes through the batch's transaction, what it adds waits in
//! memory and lands through Oxigraph's bulk loader.
//!
//! Why: every quad a transaction inserts is about eleven writes into RocksDB's indexed write
//! batch (six indexes, the strings of its terms, its graph), most of them keys the batch
//! already holds, each found by a search in the batch's index; then the commit copies all of
//! them into the memtables. On 10 MB of news that was three fifths of the writer's CPU (21% of
//! the whole ingest's), and the writer is the one stage that cannot run on several cores. The
//! bulk loader sorts the same quads into files instead. The derivation reads its own writes
//! (an entity written, then read back as the target of a merge; a fact linked by one
//! attestation, then found by the next), so reads see the store through the transaction plus
//! what was added here.
//!
//! A quad added, then removed, is simply dropped from memory; a quad removed from the store,
//! then added again, is put back through the transaction, so that the removal and the bulk
//! load never disagree (the loader lands first, the transaction's removals after it).

use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNodeRef, Quad, QuadRef, TermRef};
use oxigraph::store::{StorageError, Store, Transaction};
use rustc_hash::FxHashSet;

/// A transaction whose insertions are kept aside for the bulk loader (see the module's
/// documentation).
pub(crate) struct Derivation<'a, 's> {
    tx: &'a mut Transaction<'s>,
    /// What the derivation added that the store did not hold, indexed for reading back.
    added: Store,
    /// What it removed from the store through the transaction.
    removed: FxHashSet<Quad>,
}

impl<'a, 's> Derivation<'a, 's> {
    pub(crate) fn new(tx: &'a mut Transaction<'s>) -> Result<Self, StorageError> {
        Ok(Self {
            tx,
            added: Store::new()?,
            removed: FxHashSet::default(),
        })
    }

    /// The quads matching a pattern: the store's (as the transaction sees it) and those added
    /// here.
    pub(crate) fn quads_for_pattern(
        &self,
        subject: Option<NamedOrBlankNodeRef<'_>>,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<TermRef<'_>>,
        graph_name: Option<GraphNameRef<'_>>,
    ) -> impl Iterator<Item = Result<Quad, StorageError>> + '_ {
        self.tx
            .quads_for_pattern(subject, predicate, object, graph_name)
            .chain(
                self.added
                    .quads_for_pattern(subject, predicate, object, graph_name),
            )
    }

    pub(crate) fn contains<'b>(&self, quad: impl Into<QuadRef<'b>>) -> Result<bool, StorageError> {
        let quad = quad.into();
        Ok(self.added.contains(quad)? || self.tx.contains(quad)?)
    }

    /// Adds a quad (nothing if it is already there).
    pub(crate) fn insert<'b>(&mut self, quad: impl Into<QuadRef<'b>>) -> Result<(), StorageError> {
        let quad = quad.into();
        if !self.removed.is_empty() && self.removed.remove(&quad.into_owned()) {
            // Back into the store, where the transaction would otherwise remove it after the
            // bulk load.
            self.tx.insert(quad);
        } else if !self.contains(quad)? {
            self.added.insert(quad)?;
        }
        Ok(())
    }

    pub(crate) fn extend<'b>(
        &mut self,
        quads: impl IntoIterator<Item = impl Into<QuadRef<'b>>>,
    ) -> Result<(), StorageError> {
        for quad in quads {
            self.insert(quad)?;
        }
        Ok(())
    }

    /// Removes a quad, wherever it is.
    pub(crate) fn remove<'b>(&mut self, quad: impl Into<QuadRef<'b>>) -> Result<(), StorageError> {
        let quad = quad.into();
        if self.added.contains(quad)? {
            self.added.remove(quad)?;
        } else {
            self.tx.remove(quad);
            self.removed.insert(quad.into_owned());
        }
        Ok(())
    }

    /// What the derivation added, for the bulk loader; its removals stay in the transaction.
    pub(crate) fn into_added(self) -> Result<Vec<Quad>, StorageError> {
        self.added.iter().collect()
    }
}
