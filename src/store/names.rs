//! Deriving each entity's one `rdfs:label` and its `skos:altLabel`s from every document.
//!
//! Each document graph gives an entity a `kg:preferredName` (its best name in that document) and
//! a `schema:name` for each form it wrote. The entities graph holds the derived names; it is
//! recomputed for the entities a transaction touches, from all documents, so the result depends
//! only on the set of documents in the store, never on the order they arrived in.

use crate::rdf::{entity_name_quads, iri, vocab};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNodeRef, Term};
use oxigraph::store::{StorageError, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// Recomputes the names of `entities` inside `tx`.
pub(crate) fn refresh(
    tx: &mut Transaction<'_>,
    entities: &BTreeSet<NamedNode>,
) -> Result<(), StorageError> {
    let graph = iri::entities_graph();
    for entity in entities {
        let subject = NamedOrBlankNodeRef::NamedNode(entity.as_ref());
        let mut preferred: BTreeMap<String, usize> = BTreeMap::new();
        let mut forms = BTreeSet::new();
        for quad in tx.quads_for_pattern(Some(subject), None, None, None) {
            let quad = quad?;
            if !super::ingest::is_document_graph(quad.graph_name.as_ref()) {
                continue; // the merged graph holds copies; count each document once
            }
            let Term::Literal(literal) = &quad.object else {
                continue;
            };
            if quad.predicate.as_ref() == vocab::kg::PREFERRED_NAME {
                *preferred.entry(literal.value().to_owned()).or_default() += 1;
            } else if quad.predicate.as_ref() == vocab::schema::NAME {
                forms.insert(literal.value().to_owned());
            }
        }
        let old: Vec<_> = tx
            .quads_for_pattern(
                Some(subject),
                None,
                None,
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .collect::<Result<_, _>>()?;
        for quad in &old {
            tx.remove(quad);
        }
        if let Some(label) = choose_label(&preferred) {
            forms.extend(preferred.into_keys());
            tx.extend(&entity_name_quads(entity, &label, &forms));
            if let Some(index) = super::merge::surname_index_quad(entity) {
                tx.insert(&index);
            }
        }
    }
    Ok(())
}

/// The label among the documents' preferred names: the fullest (most words), then the one most
/// documents prefer, then one written with capitals, then the first in code point order.
pub(crate) fn choose_label(preferred: &BTreeMap<String, usize>) -> Option<String> {
    preferred
        .iter()
        .max_by(|(a, na), (b, nb)| {
            let words = |s: &str| s.split_whitespace().count();
            let capitals = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
            words(a)
                .cmp(&words(b))
                .then(na.cmp(nb))
                .then(capitals(a).cmp(&capitals(b)))
                .then(b.cmp(a))
        })
        .map(|(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_prefers_full_frequent_capitalized_names() {
        let names = |pairs: &[(&str, usize)]| -> BTreeMap<String, usize> {
            pairs.iter().map(|(n, c)| ((*n).to_owned(), *c)).collect()
        };
        assert_eq!(
            choose_label(&names(&[("Smith", 3), ("Anna Smith", 1)])).as_deref(),
            Some("Anna Smith")
        );
        assert_eq!(
            choose_label(&names(&[("Anna Smyth", 1), ("Anna Smith", 2)])).as_deref(),
            Some("Anna Smith")
        );
        assert_eq!(
            choose_label(&names(&[("anna smith", 1), ("Anna Smith", 1)])).as_deref(),
            Some("Anna Smith")
        );
        // Ties end in code point order, whatever order the names came in.
        assert_eq!(
            choose_label(&names(&[("Anna Smyth", 1), ("Anna Smith", 1)])).as_deref(),
            Some("Anna Smith")
        );
        assert_eq!(choose_label(&BTreeMap::new()), None);
    }
}
