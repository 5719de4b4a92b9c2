//! SPARQL over the store: the data model's prefixes predeclared, and the union of all graphs as
//! the default graph, so that a plain `SELECT * { ?s ?p ?o }` sees every fact. No triple is
//! stored in two graphs (document graphs hold only the document's own nodes; facts and entities
//! are derived once), so the union is a set.

use super::{KgStore, StoreError};
use crate::rdf::vocab;
use oxigraph::model::Term;
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

/// Why a query failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// The query text is not valid SPARQL.
    #[error("{message}\n{pointer}hint: the prefixes rdf, rdfs, xsd, owl, schema, org, prov, skos, nif, kg, id and doc are predeclared; check brackets, dots and variable names")]
    Syntax {
        /// The parser's message (with line and column).
        message: String,
        /// The offending line with a caret under the column, when known.
        pointer: String,
    },
    /// The query failed while running.
    #[error("query failed: {0}")]
    Evaluation(String),
}

fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, ns) in vocab::PREFIXES {
        // The predeclared prefixes are valid IRIs: a failure here would be a bug in `vocab`.
        if let Ok(e) = evaluator.clone().with_prefix(*prefix, *ns) {
            evaluator = e;
        }
    }
    evaluator
}

/// Runs `query` on `store` with the predeclared prefixes and the union default graph.
pub(crate) fn run(store: &Store, query: &str) -> Result<QueryResults<'static>, QueryError> {
    let mut prepared = evaluator()
        .parse_query(query)
        .map_err(|e| syntax_error(query, &e.to_string()))?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(store)
        .execute()
        .map_err(|e| QueryError::Evaluation(e.to_string()))
}

/// Parses `query` with the predeclared prefixes, to be run later and stopped through `token`
/// (`kg serve`'s timeout). The dataset is left as the query states it: the caller decides on the
/// union default graph.
pub(crate) fn parse_cancellable(
    query: &str,
    token: CancellationToken,
) -> Result<PreparedSparqlQuery, QueryError> {
    evaluator()
        .with_cancellation_token(token)
        .parse_query(query)
        .map_err(|e| syntax_error(query, &e.to_string()))
}

/// Whether `text` parses as a SPARQL Update (with the predeclared prefixes): `kg serve` then
/// says that updates are refused rather than quoting the query parser.
pub(crate) fn is_update(text: &str) -> bool {
    evaluator().parse_update(text).is_ok()
}

/// Builds a syntax error pointing at the line and column the parser reported ("at 2:7").
fn syntax_error(query: &str, message: &str) -> QueryError {
    let position = message.split("at ").nth(1).and_then(|rest| {
        let mut parts = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty());
        let line: usize = parts.next()?.parse().ok()?;
        let column: usize = parts.next()?.parse().ok()?;
        Some((line, column))
    });
    let pointer = position
        .and_then(|(line, column)| {
            let text = query.lines().nth(line.checked_sub(1)?)?;
            Some(format!(
                "  {text}\n  {}^\n",
                " ".repeat(column.saturating_sub(1))
            ))
        })
        .unwrap_or_default();
    QueryError::Syntax {
        message: format!("invalid SPARQL: {message}"),
        pointer,
    }
}

/// Runs a `SELECT (COUNT(...) AS ?n)` query and returns `?n`.
pub(crate) fn select_count(store: &Store, query: &str) -> Result<u64, StoreError> {
    let results = run(store, query).map_err(|e| StoreError::Query(e.to_string()))?;
    let QueryResults::Solutions(mut solutions) = results else {
        return Err(StoreError::Query("not a SELECT query".to_owned()));
    };
    let Some(solution) = solutions.next() else {
        return Ok(0);
    };
    let solution = solution.map_err(|e| StoreError::Query(e.to_string()))?;
    match solution.get("n") {
        Some(Term::Literal(l)) => l
            .value()
            .parse()
            .map_err(|_| StoreError::Query(format!("count is not a number: {}", l.value()))),
        _ => Ok(0),
    }
}

impl KgStore {
    /// Runs a SPARQL query. The default graph is the union of all graphs unless the query names
    /// its own dataset (`FROM`).
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, QueryError> {
        run(&self.store, query)
    }
}
