//! The articles in the store, one line each (`kg documents`), and taking articles out again
//! (`kg remove`).
//!
//! Removing an article drops its graph and, through the same path that a changed article's
//! replacement takes ([`super::Ingestor::remove`]), unlinks its attestations and settles the
//! facts and entities: a fact or entity only it stated goes, one other articles state stays with
//! their attestations.

use super::{query, KgStore, StoreError};
use crate::rdf::{iri, vocab};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::QueryResults;
use serde::Serialize;

/// One article, as `kg documents` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// The 16 hex digits that name it (`doc:<id>`).
    pub id: String,
    /// Its publication date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// The files it was read from.
    pub sources: Vec<String>,
    /// Its headline.
    pub headline: Option<String>,
    /// How many facts (memberships, events) it states: its attestations.
    pub facts: u64,
}

/// An article that could not be found.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// Nothing matches.
    #[error("no article matches {name:?}: give its id (or the first digits of it), its IRI or the file it was read from; `kg documents` lists them")]
    NotFound {
        /// What was asked for.
        name: String,
    },
    /// Several articles match a prefix or a file name.
    #[error("{name:?} matches {} articles ({}); give more digits of the id", matches.len(), matches.join(", "))]
    Ambiguous {
        /// What was asked for.
        name: String,
        /// The ids that match.
        matches: Vec<String>,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

const LIST: &str = r#"
SELECT ?doc ?date ?headline
       (GROUP_CONCAT(DISTINCT ?source; separator="\u001f") AS ?sources)
       (SAMPLE(?n) AS ?facts)
WHERE {
  GRAPH ?doc { ?doc a schema:NewsArticle }
  OPTIONAL { GRAPH ?doc { ?doc schema:datePublished ?date } }
  OPTIONAL { GRAPH ?doc { ?doc schema:headline ?headline } }
  OPTIONAL { GRAPH ?doc { ?doc kg:source ?source } }
  OPTIONAL {
    SELECT ?doc (COUNT(?a) AS ?n) WHERE { GRAPH ?doc { ?a a kg:Attestation } } GROUP BY ?doc
  }
}
GROUP BY ?doc ?date ?headline
ORDER BY ?date ?doc
"#;

impl KgStore {
    /// Every article in the store, by date then id.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let results =
            query::run(&self.store, LIST).map_err(|e| StoreError::Query(e.to_string()))?;
        let QueryResults::Solutions(solutions) = results else {
            return Err(StoreError::Query("the listing is not a SELECT".to_owned()));
        };
        let mut out = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|e| StoreError::Query(e.to_string()))?;
            let value = |name: &str| match solution.get(name) {
                Some(Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            };
            let Some(Term::NamedNode(doc)) = solution.get("doc") else {
                continue;
            };
            out.push(DocumentSummary {
                id: doc
                    .as_str()
                    .strip_prefix(vocab::DOC_NS)
                    .unwrap_or(doc.as_str())
                    .to_owned(),
                date: value("date"),
                sources: value("sources")
                    .map(|s| {
                        let mut v: Vec<String> = s
                            .split('\u{1f}')
                            .filter(|p| !p.is_empty())
                            .map(str::to_owned)
                            .collect();
                        v.sort();
                        v
                    })
                    .unwrap_or_default(),
                headline: value("headline"),
                facts: value("facts").and_then(|n| n.parse().ok()).unwrap_or(0),
            });
        }
        Ok(out)
    }

    /// The article `name` designates: its id, a prefix of its id, its IRI, or a file it was
    /// read from (as given at ingest, or its file name).
    pub fn find_document(&self, name: &str) -> Result<DocumentSummary, DocumentError> {
        let documents = self.documents()?;
        let id = name.strip_prefix(vocab::DOC_NS).unwrap_or(name);
        let id = id.strip_prefix("doc:").unwrap_or(id);
        let by_id: Vec<&DocumentSummary> = documents
            .iter()
            .filter(|d| !id.is_empty() && d.id.starts_with(id))
            .collect();
        let matches = if by_id.is_empty() {
            let file_name = |s: &str| {
                std::path::Path::new(s)
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
            };
            documents
                .iter()
                .filter(|d| {
                    d.sources
                        .iter()
                        .any(|s| s == name || file_name(s).is_some_and(|f| f == name))
                })
                .collect()
        } else {
            by_id
        };
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(DocumentError::NotFound {
                name: name.to_owned(),
            }),
            many => Err(DocumentError::Ambiguous {
                name: name.to_owned(),
                matches: many.iter().map(|d| d.id.clone()).collect(),
            }),
        }
    }

    /// Removes the articles with these ids and everything only they stated, in one
    /// transaction. Returns how many were there to remove.
    pub fn remove_documents(&self, ids: &[String]) -> Result<usize, StoreError> {
        let docs: Vec<NamedNode> = ids.iter().map(|id| iri::document(id)).collect();
        super::Ingestor::new(self).remove(&docs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, Document};

    const A: &str = "Talks resume\nFrench President Jean Dupont met officials in Paris on Tuesday.";
    const B: &str = "Second day\nFrench President Jean Dupont spoke again.\nGerman Chancellor Karl Weber listened.";

    fn store() -> KgStore {
        let store = KgStore::in_memory().unwrap();
        for (name, text) in [("a.txt", A), ("dir/b.txt", B)] {
            let document = Document::new(name, text).with_date(
                jiff::civil::date(2025, 11, 26),
                crate::text::DateOrigin::CommandLine,
            );
            store.ingest(&extract(document)).unwrap();
        }
        store
    }

    #[test]
    fn lists_and_finds_articles() {
        let store = store();
        let docs = store.documents().unwrap();
        assert_eq!(docs.len(), 2);
        let a = docs.iter().find(|d| d.sources == ["a.txt"]).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Talks resume"));
        assert_eq!(a.date.as_deref(), Some("2025-11-26"));
        assert!(a.facts >= 1, "{a:?}");
        assert_eq!(store.find_document(&a.id[..6]).unwrap().id, a.id);
        assert_eq!(store.find_document("b.txt").unwrap().sources, ["dir/b.txt"]);
        assert!(matches!(
            store.find_document("nothing"),
            Err(DocumentError::NotFound { .. })
        ));
    }

    #[test]
    fn removing_an_article_drops_what_only_it_stated() {
        let store = store();
        let count = |q: &str| query::select_count(store.store(), q).unwrap();
        let weber = "SELECT (COUNT(*) AS ?n) { ?m org:member ?p . ?p rdfs:label \"Karl Weber\" }";
        let dupont = "SELECT (COUNT(*) AS ?n) { ?m org:member ?p . ?p rdfs:label \"Jean Dupont\" }";
        assert!(count(weber) >= 1 && count(dupont) >= 1);
        let b = store.find_document("dir/b.txt").unwrap();
        assert_eq!(store.remove_documents(&[b.id]).unwrap(), 1);
        assert_eq!(store.documents().unwrap().len(), 1);
        assert_eq!(
            count(weber),
            0,
            "Weber was stated by the removed article only"
        );
        assert!(count(dupont) >= 1, "Dupont is still stated by the other");
    }
}
