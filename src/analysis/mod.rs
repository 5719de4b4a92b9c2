//! An analyst's questions, answered from the store through SPARQL.
//!
//! - [`why`]: why does the graph say this? Every claim about one entity (or one fact), grouped
//!   by fact, each with its article, sentence, phrase and rule.
//! - [`conflicts`]: who disagrees? Offices held by different people, or by one person in
//!   different tenses, according to different articles.
//!
//! Both read provenance through attestations (`?fact kg:attestation ?a . ?a prov:wasDerivedFrom
//! ?doc ; kg:evidence ?sentence`), one node per article's statement, never by joining a fact's
//! articles with its sentences, which pairs an article with a sentence it does not contain as
//! soon as two articles state one fact.

pub mod conflicts;
mod context;
pub mod why;

use std::collections::HashMap;

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use crate::export::ExportError;
use crate::store::{KgStore, QueryError};

pub use conflicts::{conflicts, Conflict, OfficeClaim, Tense};
pub use why::{why, Claim, FactClaims, FactKind, Why};

/// Why an analysis failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// The name does not designate an entity or fact of the store (or the store is unreadable).
    #[error(transparent)]
    Resolve(#[from] ExportError),
    /// A query of the analysis failed (a bug, or an unreadable store).
    #[error("reading the store failed: {0}")]
    Query(#[from] QueryError),
    /// A query result could not be read.
    #[error("reading the store failed: {0}")]
    Results(String),
}

/// One solution: variable name to value (unbound variables are absent).
pub(crate) type Row = HashMap<String, Term>;

/// The solutions of a SELECT query.
pub(crate) fn select(store: &KgStore, query: &str) -> Result<Vec<Row>, AnalysisError> {
    let QueryResults::Solutions(solutions) = store.query(query)? else {
        return Err(AnalysisError::Results("not a SELECT query".into()));
    };
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(|e| AnalysisError::Results(e.to_string()))?;
        rows.push(
            solution
                .iter()
                .map(|(variable, term)| (variable.as_str().to_owned(), term.clone()))
                .collect(),
        );
    }
    Ok(rows)
}

/// The text of a literal, or the IRI of a named node.
pub(crate) fn text(row: &Row, variable: &str) -> Option<String> {
    match row.get(variable)? {
        Term::Literal(l) => Some(l.value().to_owned()),
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        Term::BlankNode(b) => Some(b.as_str().to_owned()),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// An IRI written for a SPARQL query (`<...>`); the IRIs come from the store, so they are
/// valid, but `>` and spaces are escaped anyway.
pub(crate) fn iri_ref(iri: &str) -> String {
    let escaped: String = iri
        .chars()
        .map(|c| match c {
            '>' | '<' | '"' | ' ' | '{' | '}' | '|' | '\\' | '^' | '`' => {
                format!("%{:02X}", u32::from(c))
            }
            c => c.to_string(),
        })
        .collect();
    format!("<{escaped}>")
}

/// Text cut to `max` characters with an ellipsis, on one line.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}
