//! Entities across documents: their names, classes and identity, derived from every document's
//! namings (its `kg:namings` literal: [`crate::rdf::namings`]).
//!
//! Each document graph says how that document names each entity (its key, the forms it wrote,
//! its preferred one, the class it gives). The entities graph holds what follows from all of
//! them: an entity's classes, its one `rdfs:label` (the fullest preferred name, then the one most
//! documents prefer, then one with capitals, then code point order), its `skos:altLabel`s, and
//! for people its `kg:surname`. A person some articles name by surname alone (`person/putin`)
//! is the one full-name person with that surname when there is exactly one in the store
//! (`owl:sameAs`); with none or several it stays itself. Everything here is a function of the set
//! of documents, never of their order, and no document graph is ever rewritten.
//!
//! Reading every naming of an entity each time one more document names it would make ingest
//! quadratic, so [`NameBook`] keeps, for the entities a run has touched, the sum of their
//! namings in memory: it reads an entity's namings from the store once per run, then follows
//! the batches' additions and removals.

use super::derivation::Derivation;
use crate::extract::{is_surname_only_key, surname_key};
use crate::rdf::{entity_name_quads, iri, vocab, ArticleNaming, Namings};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef,
    Term,
};
use oxigraph::store::{StorageError, Store};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};

/// How one or more documents name one entity key.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Naming {
    /// How many documents name it.
    pub documents: usize,
    /// Preferred names, with how many documents prefer each.
    pub preferred: BTreeMap<String, usize>,
    /// Forms written, with how many documents write each.
    pub forms: BTreeMap<String, usize>,
    /// Classes given, with how many documents give each.
    pub classes: BTreeMap<NamedNode, usize>,
}

impl Naming {
    /// Adds (or with `remove` takes away) another naming.
    pub fn apply(&mut self, other: &Naming, remove: bool) {
        fn bump<K: Ord + Clone>(map: &mut BTreeMap<K, usize>, key: &K, n: usize, remove: bool) {
            let count = map.entry(key.clone()).or_default();
            *count = if remove {
                count.saturating_sub(n)
            } else {
                *count + n
            };
            if *count == 0 {
                map.remove(key);
            }
        }
        self.documents = if remove {
            self.documents.saturating_sub(other.documents)
        } else {
            self.documents + other.documents
        };
        for (k, n) in &other.preferred {
            bump(&mut self.preferred, k, *n, remove);
        }
        for (k, n) in &other.forms {
            bump(&mut self.forms, k, *n, remove);
        }
        for (k, n) in &other.classes {
            bump(&mut self.classes, k, *n, remove);
        }
    }

    /// One document's naming of `entity` (the preferred name is also a form; the entity's kind
    /// comes from its key).
    pub fn from_article(entity: &NamedNode, naming: &ArticleNaming) -> Self {
        let mut out = Naming {
            documents: 1,
            ..Naming::default()
        };
        if let Some(kind) = kind_class(entity) {
            out.classes.insert(kind.into_owned(), 1);
        }
        if let Some(class) = naming.class_iri() {
            out.classes.insert(class, 1);
        }
        out.preferred.insert(naming.name.clone(), 1);
        out.forms.insert(naming.name.clone(), 1);
        for form in &naming.forms {
            out.forms.insert(form.clone(), 1);
        }
        out
    }
}

/// Each entity an article names with that article's [`Naming`] of it.
pub(crate) fn per_entity(namings: &Namings) -> impl Iterator<Item = (NamedNode, Naming)> + '_ {
    namings.iter().map(|(entity, naming)| {
        let naming = Naming::from_article(&entity, naming);
        (entity, naming)
    })
}

/// The namings of an article from the quads of its `kg:namings` literal (from the store or a
/// transaction: `quads_for_pattern(doc, kg:namings, None, doc's graph)`); empty when it has none.
pub(crate) fn read_namings(
    quads: impl Iterator<Item = Result<Quad, StorageError>>,
) -> Result<Namings, StorageError> {
    for quad in quads {
        if let Term::Literal(literal) = quad?.object {
            return Namings::from_literal(literal.value())
                .map_err(|e| StorageError::Other(Box::new(e)));
        }
    }
    Ok(Namings::default())
}

/// The class of an entity's kind, from its key (`person/...` is a `schema:Person`).
pub(crate) fn kind_class(entity: &NamedNode) -> Option<NamedNodeRef<'static>> {
    let key = iri::entity_key(entity);
    let kind = key.split('/').next()?;
    Some(match kind {
        "person" => vocab::schema::PERSON,
        "organization" => vocab::schema::ORGANIZATION,
        "place" => vocab::schema::PLACE,
        _ => return None,
    })
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

/// The namings of the entities a run has touched, summed over all documents in the store.
#[derive(Default)]
pub struct NameBook {
    keys: FxHashMap<NamedNode, Naming>,
    /// Sums remembered from the previous run (see [`super::tallies`]), taken into `keys` when
    /// an entity is first loaded.
    remembered: FxHashMap<NamedNode, Naming>,
}

impl std::fmt::Debug for NameBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameBook")
            .field("keys", &self.keys)
            .finish_non_exhaustive()
    }
}

impl NameBook {
    /// A book that takes the sums of `remembered` entities from there instead of the store
    /// (they must be the store's sums as it stands).
    pub(crate) fn remembering(remembered: FxHashMap<NamedNode, Naming>) -> Self {
        Self {
            remembered,
            ..Self::default()
        }
    }

    /// Forgets everything (after a failed batch, whose changes were rolled back).
    pub fn clear(&mut self) {
        self.keys.clear();
        self.remembered.clear();
    }

    /// The sums of every entity the book knows: those loaded this run, and those remembered
    /// and never loaded (which the run did not change).
    pub(crate) fn known(&self) -> impl Iterator<Item = (&NamedNode, &Naming)> {
        self.keys.iter().chain(
            self.remembered
                .iter()
                .filter(|(e, _)| !self.keys.contains_key(*e)),
        )
    }

    /// Makes sure `entity`'s namings are known, reading them from the committed store the first
    /// time: the `kg:namings` of every article that `schema:mentions` it. Call before the
    /// batch's own changes are applied. An entity thousands of articles name ("United States")
    /// costs thousands of reads here, once per run: the tally file ([`super::tallies`]) spares
    /// one more article into a large store from them.
    pub(crate) fn load(&mut self, store: &Store, entity: &NamedNode) -> Result<(), StorageError> {
        if self.keys.contains_key(entity) {
            return Ok(());
        }
        if let Some(naming) = self.remembered.get(entity) {
            self.keys.insert(entity.clone(), naming.clone());
            return Ok(());
        }
        // Most entities of a new batch are new to the store: the first seek says so.
        let mut total = Naming::default();
        for quad in store.quads_for_pattern(
            None,
            Some(vocab::schema::MENTIONS),
            Some(entity.as_ref().into()),
            None,
        ) {
            // Only an article's own statement counts (user graphs may say schema:mentions too).
            let quad = quad?;
            let (NamedOrBlankNode::NamedNode(doc), GraphName::NamedNode(graph)) =
                (quad.subject, quad.graph_name)
            else {
                continue;
            };
            if doc != graph {
                continue;
            }
            let namings = read_namings(store.quads_for_pattern(
                Some(doc.as_ref().into()),
                Some(vocab::kg::NAMINGS),
                None,
                Some(GraphNameRef::NamedNode(doc.as_ref())),
            ))?;
            if let Some(naming) = namings.get(entity) {
                total.apply(&Naming::from_article(entity, naming), false);
            }
        }
        self.keys.insert(entity.clone(), total);
        Ok(())
    }

    /// Adds or removes one document's naming of a (loaded) entity.
    pub(crate) fn apply(&mut self, entity: &NamedNode, naming: &Naming, remove: bool) {
        self.keys
            .entry(entity.clone())
            .or_default()
            .apply(naming, remove);
    }

    /// The namings of a loaded entity.
    pub(crate) fn get(&self, entity: &NamedNode) -> Option<&Naming> {
        self.keys.get(entity)
    }

    /// True when some document names `entity` (a loaded entity).
    pub(crate) fn is_named(&self, entity: &NamedNode) -> bool {
        self.keys.get(entity).is_some_and(|n| n.documents > 0)
    }
}

/// The surname-only key for a surname (`person/putin`).
pub(crate) fn surname_entity(surname: &str) -> NamedNode {
    iri::entity(&format!("person/{surname}"))
}

/// The surname a person entity is indexed under, when it is named in full.
pub(crate) fn full_name_surname(entity: &NamedNode) -> Option<String> {
    let key = iri::entity_key(entity);
    if !key.starts_with("person/") || is_surname_only_key(key) {
        return None;
    }
    surname_key(key)
}

/// The surname of a surname-only person key.
pub(crate) fn short_surname(entity: &NamedNode) -> Option<String> {
    let key = iri::entity_key(entity);
    if is_surname_only_key(key) {
        surname_key(key)
    } else {
        None
    }
}

/// Full-name people indexed under `surname` in the entities graph (as the transaction sees it).
pub(crate) fn full_names(
    tx: &Derivation<'_, '_>,
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

/// What a surname-only person is merged into (`owl:sameAs` in the entities graph), if anything.
pub(crate) fn merged_into(
    tx: &Derivation<'_, '_>,
    short: &NamedNode,
) -> Result<Option<NamedNode>, StorageError> {
    let graph = iri::entities_graph();
    for quad in tx.quads_for_pattern(
        Some(short.as_ref().into()),
        Some(vocab::owl::SAME_AS),
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    ) {
        if let Term::NamedNode(n) = quad?.object {
            return Ok(Some(n));
        }
    }
    Ok(None)
}

/// Sets or clears the `kg:surname` index entry of a full-name person.
pub(crate) fn index_surname(
    tx: &mut Derivation<'_, '_>,
    entity: &NamedNode,
    surname: &str,
    present: bool,
) -> Result<(), StorageError> {
    let graph = iri::entities_graph();
    let literal = Literal::new_simple_literal(surname);
    let quad = QuadRef::new(
        entity,
        vocab::kg::SURNAME,
        &literal,
        GraphNameRef::NamedNode(graph.as_ref()),
    );
    if present {
        tx.insert(quad)?;
    } else {
        tx.remove(quad)?;
    }
    Ok(())
}

/// Makes what the entities graph says about `entity` follow from the namings of the keys that
/// are it (`keys`: itself, and the surname-only person merged into it), or, for a surname-only
/// person merged into another (`merged`), only that `owl:sameAs`.
///
/// Only the difference is written: most entities a batch touches are popular ones ("United
/// States") whose label, classes and names did not change, and rewriting them whole made every
/// batch delete and re-insert the same quads (six index keys each) through the transaction.
pub(crate) fn write_entity(
    tx: &mut Derivation<'_, '_>,
    entity: &NamedNode,
    namings: &[&Naming],
    merged: Option<&NamedNode>,
) -> Result<(), StorageError> {
    let graph = iri::entities_graph();
    let old: FxHashSet<Quad> = tx
        .quads_for_pattern(
            Some(entity.as_ref().into()),
            None,
            None,
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        )
        .collect::<Result<_, _>>()?;
    let new = entity_quads(entity, namings, merged);
    for quad in old.iter().filter(|q| !new.contains(*q)) {
        tx.remove(quad)?;
    }
    for quad in new.iter().filter(|q| !old.contains(*q)) {
        tx.insert(quad)?;
    }
    Ok(())
}

/// Everything the entities graph says about `entity` (see [`write_entity`]).
fn entity_quads(
    entity: &NamedNode,
    namings: &[&Naming],
    merged: Option<&NamedNode>,
) -> FxHashSet<Quad> {
    let graph = GraphName::NamedNode(iri::entities_graph());
    let mut out = FxHashSet::default();
    if let Some(target) = merged {
        out.insert(Quad::new(
            entity.clone(),
            vocab::owl::SAME_AS,
            target.clone(),
            graph,
        ));
        return out;
    }
    let mut total = Naming::default();
    for n in namings {
        total.apply(n, false);
    }
    if total.documents == 0 {
        return out;
    }
    let Some(label) = choose_label(&total.preferred) else {
        return out;
    };
    for class in total.classes.keys() {
        out.insert(Quad::new(
            entity.clone(),
            vocab::rdf::TYPE,
            class.clone(),
            graph.clone(),
        ));
    }
    let mut forms: BTreeSet<String> = total.forms.into_keys().collect();
    forms.extend(total.preferred.into_keys());
    out.extend(entity_name_quads(entity, &label, &forms));
    if let Some(surname) = full_name_surname(entity) {
        out.insert(Quad::new(
            entity.clone(),
            vocab::kg::SURNAME,
            Literal::new_simple_literal(surname),
            graph,
        ));
    }
    out
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
    fn namings_add_and_remove_documents() {
        let doc = |preferred: &str, forms: &[&str]| Naming {
            documents: 1,
            preferred: [(preferred.to_owned(), 1)].into(),
            forms: forms.iter().map(|s| ((*s).to_owned(), 1)).collect(),
            classes: BTreeMap::new(),
        };
        let mut total = Naming::default();
        total.apply(&doc("Anna Smith", &["Smith"]), false);
        total.apply(&doc("Smith", &["Smith"]), false);
        assert_eq!(total.forms.get("Smith"), Some(&2));
        total.apply(&doc("Anna Smith", &["Smith"]), true);
        assert_eq!(total.preferred.keys().collect::<Vec<_>>(), ["Smith"]);
        assert_eq!(total.forms.get("Smith"), Some(&1));
        assert_eq!(total.documents, 1);
    }

    #[test]
    fn book_sums_every_documents_naming_from_the_store() {
        let store = Store::new().expect("an in-memory store");
        let entity = iri::entity("place/westmark");
        let other = iri::entity("place/eastmark");
        let country = NamedNode::new_unchecked("http://schema.org/Country");
        // Three articles name the entity: two prefer "Westmark", one writes "West Mark" and
        // also "WM"; two of them call it a country. The third also names another place.
        let documents: [(&str, &[&str], bool); 3] = [
            ("Westmark", &[], true),
            ("Westmark", &["WM"], true),
            ("West Mark", &["WM"], false),
        ];
        let mut expected = Naming::default();
        for (i, (preferred, aliases, is_country)) in documents.iter().enumerate() {
            let graph = NamedNode::new_unchecked(format!("{}{i:016x}", vocab::DOC_NS));
            let naming = ArticleNaming {
                name: (*preferred).to_owned(),
                forms: aliases.iter().map(|a| (*a).to_owned()).collect(),
                class: is_country.then(|| "Country".to_owned()),
            };
            let mut article = BTreeMap::from([("place/westmark".to_owned(), naming.clone())]);
            if i == 2 {
                let lowmark = ArticleNaming {
                    name: "Lowmark".to_owned(),
                    ..ArticleNaming::default()
                };
                article.insert("place/lowmark".to_owned(), lowmark);
            }
            let json = serde_json::to_string(&article).expect("namings serialize");
            let literal = Literal::new_typed_literal(json, vocab::rdf::JSON);
            let quads = [
                Quad::new(
                    graph.clone(),
                    vocab::schema::MENTIONS,
                    entity.clone(),
                    graph.clone(),
                ),
                Quad::new(graph.clone(), vocab::kg::NAMINGS, literal, graph.clone()),
            ];
            store.extend(quads).expect("quads stored");
            expected.apply(&Naming::from_article(&entity, &naming), false);
        }
        // A user's graph saying an article mentions it adds no naming.
        let user = NamedNode::new_unchecked(format!("{}mine", vocab::USER_GRAPH_NS));
        let first = NamedNode::new_unchecked(format!("{}{:016x}", vocab::DOC_NS, 0));
        store
            .insert(&Quad::new(
                first,
                vocab::schema::MENTIONS,
                entity.clone(),
                user,
            ))
            .expect("inserted");
        let mut book = NameBook::default();
        book.load(&store, &entity).expect("namings read");
        let read = book.get(&entity).expect("the entity is loaded");
        assert_eq!(read, &expected);
        assert_eq!(read.documents, 3);
        assert_eq!(read.preferred.get("Westmark"), Some(&2));
        assert_eq!(read.forms.get("WM"), Some(&2));
        assert_eq!(read.classes.get(&country), Some(&2));
        // An entity no document names is known to be unnamed.
        book.load(&store, &other).expect("namings read");
        assert!(!book.is_named(&other));
    }
}
