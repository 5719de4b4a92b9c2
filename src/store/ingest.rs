//! Ingesting one document: one transaction that adds, replaces or leaves alone its graph.
//!
//! - same text and metadata as a document already stored: nothing changes (a new source name is
//!   recorded, because the same article arrived under another name);
//! - a source that held another text before: the old document's graph is dropped (unless
//!   another source still holds that text) and the new one added;
//! - otherwise the document's graph is added.
//!
//! The names of every entity the change touched are then re-derived (see [`super::names`]), and
//! people named by surname alone merged across documents (see [`super::merge`]).
//! A crash or Ctrl-C before the commit leaves the store as it was.

use super::{merge, names, KgStore, StoreError};
use crate::extract::Extraction;
use crate::rdf::{document_quads, iri, vocab};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedOrBlankNode, Quad, QuadRef,
};
use oxigraph::store::{StorageError, Transaction};
use std::collections::BTreeSet;

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

/// Bumped whenever the extractor's output for the same input changes, so that re-ingesting
/// after an upgrade refreshes old documents instead of calling them unchanged.
const EXTRACTOR_VERSION: &str = "1";

impl KgStore {
    /// Stores everything `extraction` read from its document, in one transaction.
    pub fn ingest(&self, extraction: &Extraction) -> Result<IngestOutcome, StoreError> {
        let doc = &extraction.document;
        let doc_iri = iri::document(doc.id.as_str());
        let fingerprint = fingerprint(extraction);
        let source = Literal::new_simple_literal(&doc.source);
        let mut tx = self.store.start_transaction()?;

        let graph = GraphNameRef::NamedNode(doc_iri.as_ref());
        let source_quad = Quad::new(doc_iri.clone(), vocab::kg::SOURCE, source.clone(), graph);
        let unchanged = tx.contains(&Quad::new(
            doc_iri.clone(),
            vocab::kg::FINGERPRINT,
            Literal::new_simple_literal(&fingerprint),
            graph,
        ))?;
        if unchanged {
            if !tx.contains(&source_quad)? {
                tx.insert(&source_quad);
                tx.commit()?;
            }
            return Ok(IngestOutcome::Unchanged);
        }

        // Earlier versions: other documents read from this source, and this document's own
        // graph if it was stored with other metadata.
        let stored_before = tx.contains_named_graph(doc_iri.as_ref())?;
        let mut replaced = stored_before;
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
                drop_document(&mut tx, old_doc)?;
            }
        }
        if stored_before {
            drop_document(&mut tx, &doc_iri)?;
        }

        let quads = document_quads(extraction);
        tx.insert_named_graph(doc_iri.as_ref());
        tx.extend(&quads);
        let merged = GraphName::NamedNode(iri::merged_graph());
        for quad in &quads {
            tx.insert(QuadRef::new(
                &quad.subject,
                &quad.predicate,
                &quad.object,
                &merged,
            ));
        }
        tx.insert(&Quad::new(
            doc_iri.clone(),
            vocab::kg::FINGERPRINT,
            Literal::new_simple_literal(&fingerprint),
            graph,
        ));
        let names = names::document_names(&tx, &doc_iri)?;
        names::count_document(&mut tx, &names, false)?;
        let person_ns = format!("{}person/", vocab::ENTITY_NS);
        let people: BTreeSet<NamedNode> = names
            .into_keys()
            .filter(|e| e.as_str().starts_with(&person_ns))
            .collect();
        merge::merge_surnames(&mut tx, &people)?;
        tx.commit()?;
        Ok(if replaced {
            IngestOutcome::Replaced
        } else {
            IngestOutcome::Added
        })
    }
}

/// What identifies one version of a document: its text (through its id), its metadata, and the
/// extractor version.
fn fingerprint(extraction: &Extraction) -> String {
    let doc = &extraction.document;
    let date = doc
        .published
        .map(|p| format!("{}/{}", p.date, p.origin.as_str()));
    iri::short_hash(&[
        doc.id.as_str(),
        date.as_deref().unwrap_or(""),
        doc.url.as_deref().unwrap_or(""),
        doc.title.as_deref().unwrap_or(""),
        EXTRACTOR_VERSION,
        crate::store::ONTOLOGY_TTL.len().to_string().as_str(),
    ])
}

/// Removes a document's graph, its names from the tallies, and from the merged graph the triples
/// no other document states.
fn drop_document(tx: &mut Transaction<'_>, doc: &NamedNode) -> Result<(), StorageError> {
    let names = names::document_names(tx, doc)?;
    names::count_document(tx, &names, true)?;
    let graph = GraphNameRef::NamedNode(doc.as_ref());
    let quads: Vec<Quad> = tx
        .quads_for_pattern(None, None, None, Some(graph))
        .collect::<Result<_, _>>()?;
    tx.remove_named_graph(doc.as_ref())?;
    let merged = iri::merged_graph();
    for quad in quads {
        let stated_elsewhere = tx
            .quads_for_pattern(
                Some(quad.subject.as_ref()),
                Some(quad.predicate.as_ref()),
                Some(quad.object.as_ref()),
                None,
            )
            .filter_map(Result::ok)
            .any(|q| is_document_graph(q.graph_name.as_ref()));
        if !stated_elsewhere {
            tx.remove(QuadRef::new(
                &quad.subject,
                &quad.predicate,
                &quad.object,
                GraphNameRef::NamedNode(merged.as_ref()),
            ));
        }
    }
    Ok(())
}

/// True for the graph of a document (as opposed to the merged, entities, ontology or user graphs).
pub(crate) fn is_document_graph(graph: GraphNameRef<'_>) -> bool {
    matches!(graph, GraphNameRef::NamedNode(n) if n.as_str().starts_with(vocab::DOC_NS))
}
