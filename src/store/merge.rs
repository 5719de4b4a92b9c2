//! Cross-document merging of people named by surname alone.
//!
//! Within one document, "Witkoff" after "Steve Witkoff" is already one person. Across documents,
//! an article that only ever writes "Witkoff" gives the key `person/witkoff`. When the store
//! holds exactly one person with a full name and that surname, the surname-only person is that
//! person: its quads, in every graph, are rewritten to the full-name IRI. When there are two
//! ("Joe Biden", "Hunter Biden"), the surname alone cannot tell them apart and nothing is merged.
//!
//! The entities graph keeps a `kg:surname` for every full-name person, so the lookup is an index
//! probe rather than a scan. The result depends on the set of documents, not their order: a
//! surname-only person is merged when the full name arrives after it, too.

use crate::extract::{is_surname_only_key, surname_key};
use crate::rdf::{iri, vocab};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term,
};
use oxigraph::store::{StorageError, Transaction};
use std::collections::BTreeSet;

/// The entity key of an IRI minted by [`iri::entity`].
pub(crate) fn key_of(entity: &NamedNode) -> Option<&str> {
    entity.as_str().strip_prefix(vocab::ENTITY_NS)
}

/// The `kg:surname` index quad for a full-name person, if it is one.
pub(crate) fn surname_index_quad(entity: &NamedNode) -> Option<Quad> {
    let key = key_of(entity)?;
    if !key.starts_with("person/") || is_surname_only_key(key) {
        return None;
    }
    let surname = surname_key(key)?;
    Some(Quad::new(
        entity.clone(),
        vocab::kg::SURNAME,
        Literal::new_simple_literal(surname),
        iri::entities_graph(),
    ))
}

/// Merges surname-only people into the one full-name person with that surname, for the people
/// in `people` (the entities a document just added).
pub(crate) fn merge_surnames(
    tx: &mut Transaction<'_>,
    people: &BTreeSet<NamedNode>,
) -> Result<(), StorageError> {
    for person in people {
        let Some(key) = key_of(person) else { continue };
        let Some(surname) = surname_key(key) else {
            continue;
        };
        let full_names = full_names_with_surname(tx, &surname)?;
        let [full] = full_names.as_slice() else {
            continue; // none, or ambiguous
        };
        let short = iri::entity(&format!("person/{surname}"));
        if &short != full && has_quads(tx, &short)? {
            super::names::move_tally(tx, &short, full)?;
            rewrite(tx, &short, full)?;
        }
    }
    Ok(())
}

/// Full-name people with this surname, from the index (plus those added in this transaction
/// whose index entry is not written yet: callers refresh names first).
fn full_names_with_surname(
    tx: &Transaction<'_>,
    surname: &str,
) -> Result<Vec<NamedNode>, StorageError> {
    let graph = iri::entities_graph();
    let literal = Literal::new_simple_literal(surname);
    let mut out = Vec::new();
    for quad in tx.quads_for_pattern(
        None,
        Some(vocab::kg::SURNAME),
        Some(literal.as_ref().into()),
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
            out.push(n);
        }
    }
    Ok(out)
}

fn has_quads(tx: &Transaction<'_>, entity: &NamedNode) -> Result<bool, StorageError> {
    Ok(tx
        .quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(entity.as_ref())),
            None,
            None,
            None,
        )
        .next()
        .transpose()?
        .is_some())
}

/// Replaces `from` by `to` wherever it is subject or object, in every graph.
fn rewrite(tx: &mut Transaction<'_>, from: &NamedNode, to: &NamedNode) -> Result<(), StorageError> {
    let as_subject: Vec<Quad> = tx
        .quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(from.as_ref())),
            None,
            None,
            None,
        )
        .collect::<Result<_, _>>()?;
    let as_object: Vec<Quad> = tx
        .quads_for_pattern(None, None, Some(from.as_ref().into()), None)
        .collect::<Result<_, _>>()?;
    for quad in as_subject.iter().chain(&as_object) {
        tx.remove(quad);
    }
    let derived = [iri::entities_graph(), iri::tallies_graph()];
    for mut quad in as_subject.into_iter().chain(as_object) {
        if derived
            .iter()
            .any(|g| quad.graph_name.as_ref() == GraphNameRef::NamedNode(g.as_ref()))
        {
            continue; // derived names and tallies: moved by `names::move_tally`
        }
        if quad.subject == NamedOrBlankNode::NamedNode(from.clone()) {
            quad.subject = to.clone().into();
        }
        if quad.object == Term::NamedNode(from.clone()) {
            quad.object = to.clone().into();
        }
        tx.insert(&quad);
    }
    Ok(())
}
