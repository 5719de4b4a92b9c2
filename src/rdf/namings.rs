//! How one article names the entities it names, as one JSON literal in the article's graph.
//!
//! Each entity an article names gets `<article> schema:mentions <entity>` in the article's
//! graph: that is what queries use ("which articles name Ada Quill?"). The names themselves (the
//! preferred one, every other form written, the class the article gives) are only needed to
//! derive the entities graph (labels, other names, classes) from the set of articles. They used
//! to be a `kg:Naming` node per entity, with two to four triples each: 38% of the documents'
//! quads and, with their per-article IRIs, 40% of the store on disk. So they are written as one
//! `rdf:JSON` literal per article (`kg:namings`), keyed by entity key:
//!
//! ```json
//! {"person/ada-quill":{"name":"Ada Quill","forms":["Quill"]},"place/westmark":{"name":"Westmark","class":"Country"}}
//! ```
//!
//! The literal is the article's own (its subject is the article), so the union of the graphs
//! stays a set; it leaves with the article's graph; and it is written in one deterministic
//! order (keys sorted, forms sorted), so the same article always gives the same literal.

use super::{iri, vocab};
use crate::extract::Entity;
use oxigraph::model::{Literal, NamedNode};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How one article names one entity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleNaming {
    /// The name the article prefers (its fullest form).
    pub name: String,
    /// Every other form the article writes.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub forms: BTreeSet<String>,
    /// The schema.org class the article gives, below the entity's kind ("Country", "City",
    /// "GovernmentOrganization"); the kind itself is in the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
}

impl ArticleNaming {
    /// The class as an IRI (`schema:Country`).
    pub fn class_iri(&self) -> Option<NamedNode> {
        let class = self.class.as_deref()?;
        (!class.is_empty() && class.chars().all(|c| c.is_ascii_alphanumeric()))
            .then(|| NamedNode::new_unchecked(format!("{}{class}", vocab::schema::NS)))
    }
}

/// Every naming of one article, by entity key (the path of the entity's IRI under `id/`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Namings(BTreeMap<String, ArticleNaming>);

/// A `kg:namings` literal that is not what [`Namings::to_literal`] writes.
#[derive(Debug)]
pub struct BadNamings(pub String);

impl std::fmt::Display for BadNamings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a kg:namings literal that is not a JSON object of namings: {}",
            self.0
        )
    }
}

impl std::error::Error for BadNamings {}

impl Namings {
    /// The namings of an extraction's entities. Two entities whose keys make the same IRI are
    /// one naming: the first one's preferred name, the other names as forms.
    pub fn from_entities(entities: &[Entity]) -> Self {
        let mut out: BTreeMap<String, ArticleNaming> = BTreeMap::new();
        for entity in entities {
            let key = iri::entity_key(&iri::entity(&entity.key)).to_owned();
            let class = super::entity_classes(entity)
                .into_iter()
                .nth(1)
                .map(|c| c.as_str().trim_start_matches(vocab::schema::NS).to_owned());
            match out.get_mut(&key) {
                None => {
                    let forms = entity
                        .aliases
                        .iter()
                        .filter(|a| **a != entity.name)
                        .cloned()
                        .collect();
                    out.insert(
                        key,
                        ArticleNaming {
                            name: entity.name.clone(),
                            forms,
                            class,
                        },
                    );
                }
                Some(naming) => {
                    naming.forms.extend(
                        std::iter::once(&entity.name)
                            .chain(&entity.aliases)
                            .filter(|a| **a != naming.name)
                            .cloned(),
                    );
                    if naming.class.is_none() {
                        naming.class = class;
                    }
                }
            }
        }
        Self(out)
    }

    /// The `kg:namings` literal (`rdf:JSON`).
    pub fn to_literal(&self) -> Literal {
        // A map of strings to plain structs always serializes.
        let json = serde_json::to_string(&self.0).unwrap_or_else(|_| "{}".to_owned());
        Literal::new_typed_literal(json, vocab::rdf::JSON)
    }

    /// Reads a `kg:namings` literal back.
    pub fn from_literal(literal: &str) -> Result<Self, BadNamings> {
        serde_json::from_str(literal)
            .map(Self)
            .map_err(|e| BadNamings(e.to_string()))
    }

    /// The entities named, with how.
    pub fn iter(&self) -> impl Iterator<Item = (NamedNode, &ArticleNaming)> {
        self.0
            .iter()
            .map(|(key, naming)| (iri::entity(key), naming))
    }

    /// How the article names the entity with this IRI, if it does.
    pub fn get(&self, entity: &NamedNode) -> Option<&ArticleNaming> {
        self.0.get(iri::entity_key(entity))
    }

    /// True when the article names no entity.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;

    fn entity(kind: EntityKind, key: &str, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            kind,
            class: None,
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            key: key.to_owned(),
        }
    }

    #[test]
    fn namings_round_trip_through_their_literal() {
        let mut westmark = entity(EntityKind::Place, "place/westmark", "Westmark", &["WM"]);
        westmark.class = Some("Country".to_owned());
        let quill = entity(
            EntityKind::Person,
            "person/ada-quill",
            "Ada Quill",
            &["Ada Quill", "Quill"],
        );
        let namings = Namings::from_entities(&[westmark, quill]);
        let literal = namings.to_literal();
        assert_eq!(literal.datatype(), vocab::rdf::JSON);
        assert_eq!(
            literal.value(),
            r#"{"person/ada-quill":{"name":"Ada Quill","forms":["Quill"]},"place/westmark":{"name":"Westmark","forms":["WM"],"class":"Country"}}"#
        );
        let back = Namings::from_literal(literal.value()).expect("what it wrote reads back");
        assert_eq!(back, namings);
        let quill = back
            .get(&iri::entity("person/ada-quill"))
            .expect("the person is named");
        assert!(quill.class_iri().is_none());
        let (place, naming) = back.iter().nth(1).expect("two namings");
        assert_eq!(place.as_str(), "https://kg.example.org/id/place/westmark");
        assert_eq!(
            naming.class_iri().map(|c| c.into_string()).as_deref(),
            Some("http://schema.org/Country")
        );
    }

    #[test]
    fn two_entities_with_one_iri_are_one_naming() {
        let namings = Namings::from_entities(&[
            entity(
                EntityKind::Organization,
                "organization/Acme Corp",
                "Acme Corp",
                &[],
            ),
            entity(
                EntityKind::Organization,
                "organization/acme-corp",
                "ACME Corp.",
                &[],
            ),
        ]);
        let (_, naming) = namings.iter().next().expect("one naming");
        assert_eq!(namings.iter().count(), 1);
        assert_eq!(naming.name, "Acme Corp");
        assert_eq!(naming.forms.iter().collect::<Vec<_>>(), ["ACME Corp."]);
    }

    #[test]
    fn a_literal_that_is_not_namings_is_an_error() {
        assert!(Namings::from_literal("[1, 2]").is_err());
        assert!(Namings::from_literal(r#"{"person/x": {"forms": []}}"#).is_err());
        assert!(Namings::from_literal("{}").expect("empty").is_empty());
    }
}
