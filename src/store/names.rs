//! Deriving each entity's one `rdfs:label` and its `skos:altLabel`s from every document.
//!
//! Each document graph gives an entity a `kg:preferredName` (its best name in that document) and
//! a `schema:name` for each form it wrote. The entities graph holds the derived names. Reading
//! every document that names an entity each time one more arrives would make ingesting quadratic,
//! so a tallies graph keeps, per entity, how many documents prefer or write each name: adding or
//! dropping a document adjusts the tallies of its own entities, and the label is chosen from the
//! tallies. The result depends only on the set of documents in the store, never on their order.

use super::merge;
use crate::rdf::{entity_name_quads, iri, vocab};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad,
    Term,
};
use oxigraph::store::{StorageError, Transaction};
use std::collections::{BTreeMap, BTreeSet};

/// The names one document gives one entity.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct DocumentNames {
    preferred: BTreeSet<String>,
    forms: BTreeSet<String>,
}

/// How many documents prefer or write each name of one entity.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Tally {
    preferred: BTreeMap<String, usize>,
    forms: BTreeMap<String, usize>,
}

impl Tally {
    fn add(&mut self, names: &DocumentNames, remove: bool) {
        fn bump(map: &mut BTreeMap<String, usize>, name: &str, remove: bool) {
            let count = map.entry(name.to_owned()).or_default();
            *count = if remove {
                count.saturating_sub(1)
            } else {
                *count + 1
            };
            if *count == 0 {
                map.remove(name);
            }
        }
        for name in &names.preferred {
            bump(&mut self.preferred, name, remove);
        }
        for form in &names.forms {
            bump(&mut self.forms, form, remove);
        }
    }

    fn merge(&mut self, other: Tally) {
        for (name, n) in other.preferred {
            *self.preferred.entry(name).or_default() += n;
        }
        for (form, n) in other.forms {
            *self.forms.entry(form).or_default() += n;
        }
    }
}

/// The names a document graph gives each entity it mentions.
pub(crate) fn document_names(
    tx: &Transaction<'_>,
    doc: &NamedNode,
) -> Result<BTreeMap<NamedNode, DocumentNames>, StorageError> {
    let graph = GraphNameRef::NamedNode(doc.as_ref());
    let mut out: BTreeMap<NamedNode, DocumentNames> = BTreeMap::new();
    for (predicate, preferred) in [
        (vocab::kg::PREFERRED_NAME, true),
        (vocab::schema::NAME, false),
    ] {
        for quad in tx.quads_for_pattern(None, Some(predicate), None, Some(graph)) {
            let quad = quad?;
            let (NamedOrBlankNode::NamedNode(entity), Term::Literal(name)) =
                (quad.subject, quad.object)
            else {
                continue;
            };
            let names = out.entry(entity).or_default();
            if preferred {
                names.preferred.insert(name.value().to_owned());
            } else {
                names.forms.insert(name.value().to_owned());
            }
        }
    }
    Ok(out)
}

/// Adds (or, with `remove`, takes away) one document's names to the tallies, and re-derives the
/// names of the entities concerned.
pub(crate) fn count_document(
    tx: &mut Transaction<'_>,
    names: &BTreeMap<NamedNode, DocumentNames>,
    remove: bool,
) -> Result<(), StorageError> {
    for (entity, doc_names) in names {
        let mut tally = read_tally(tx, entity)?;
        tally.add(doc_names, remove);
        write_tally(tx, entity, &tally)?;
        derive(tx, entity, &tally)?;
    }
    Ok(())
}

/// Moves the tallies of `from` onto `to` (after `from`'s quads were rewritten to `to`).
pub(crate) fn move_tally(
    tx: &mut Transaction<'_>,
    from: &NamedNode,
    to: &NamedNode,
) -> Result<(), StorageError> {
    let moved = read_tally(tx, from)?;
    let mut tally = read_tally(tx, to)?;
    tally.merge(moved);
    write_tally(tx, from, &Tally::default())?;
    derive(tx, from, &Tally::default())?;
    write_tally(tx, to, &tally)?;
    derive(tx, to, &tally)
}

fn read_tally(tx: &Transaction<'_>, entity: &NamedNode) -> Result<Tally, StorageError> {
    let graph = iri::tallies_graph();
    let mut tally = Tally::default();
    for quad in tx.quads_for_pattern(
        Some(NamedOrBlankNodeRef::NamedNode(entity.as_ref())),
        None,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        let quad = quad?;
        let Term::Literal(literal) = &quad.object else {
            continue;
        };
        let Some((count, name)) = literal.value().split_once('\t') else {
            continue;
        };
        let Ok(count) = count.parse::<usize>() else {
            continue;
        };
        let map = if quad.predicate.as_ref() == vocab::kg::PREFERRED_NAME_TALLY {
            &mut tally.preferred
        } else {
            &mut tally.forms
        };
        map.insert(name.to_owned(), count);
    }
    Ok(tally)
}

fn write_tally(
    tx: &mut Transaction<'_>,
    entity: &NamedNode,
    tally: &Tally,
) -> Result<(), StorageError> {
    let graph = iri::tallies_graph();
    remove_all(tx, entity, graph.as_ref())?;
    let lines = |map: &BTreeMap<String, usize>, predicate: NamedNodeRef<'static>| {
        map.iter()
            .map(|(name, n)| {
                Quad::new(
                    entity.clone(),
                    predicate,
                    Literal::new_simple_literal(format!("{n}\t{name}")),
                    graph.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    tx.extend(&lines(&tally.preferred, vocab::kg::PREFERRED_NAME_TALLY));
    tx.extend(&lines(&tally.forms, vocab::kg::NAME_TALLY));
    Ok(())
}

/// Writes an entity's derived names (label, alternative labels, surname index) from its tally.
fn derive(tx: &mut Transaction<'_>, entity: &NamedNode, tally: &Tally) -> Result<(), StorageError> {
    let graph = iri::entities_graph();
    remove_all(tx, entity, graph.as_ref())?;
    if let Some(label) = choose_label(&tally.preferred) {
        let mut forms: BTreeSet<String> = tally.forms.keys().cloned().collect();
        forms.extend(tally.preferred.keys().cloned());
        tx.extend(&entity_name_quads(entity, &label, &forms));
        if let Some(index) = merge::surname_index_quad(entity) {
            tx.insert(&index);
        }
    }
    Ok(())
}

fn remove_all(
    tx: &mut Transaction<'_>,
    entity: &NamedNode,
    graph: NamedNodeRef<'_>,
) -> Result<(), StorageError> {
    let old: Vec<Quad> = tx
        .quads_for_pattern(
            Some(NamedOrBlankNodeRef::NamedNode(entity.as_ref())),
            None,
            None,
            Some(GraphNameRef::NamedNode(graph)),
        )
        .collect::<Result<_, _>>()?;
    for quad in &old {
        tx.remove(quad);
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

    #[test]
    fn tallies_add_and_remove_documents() {
        let doc = |preferred: &[&str], forms: &[&str]| DocumentNames {
            preferred: preferred.iter().map(|s| (*s).to_owned()).collect(),
            forms: forms.iter().map(|s| (*s).to_owned()).collect(),
        };
        let mut tally = Tally::default();
        tally.add(&doc(&["Anna Smith"], &["Smith"]), false);
        tally.add(&doc(&["Smith"], &["Smith"]), false);
        assert_eq!(tally.forms.get("Smith"), Some(&2));
        tally.add(&doc(&["Anna Smith"], &["Smith"]), true);
        assert_eq!(tally.preferred.keys().collect::<Vec<_>>(), ["Smith"]);
        assert_eq!(tally.forms.get("Smith"), Some(&1));
    }
}
