//! `kg update`: SPARQL Update on the user's own graphs, never on kg's.
//!
//! kg derives its graphs (documents, facts, entities, ontology) from the articles; a hand edit
//! there would be silently undone by the next ingest, or would leave facts without the
//! attestations that justify them. So an update is parsed first and every graph it would write
//! is checked: it must be named explicitly (`GRAPH <…> { … }`; the default graph is the union of
//! all graphs when querying, so writing "to" it means nothing clear) and must not be one of
//! kg's (anything under kg's base IRI except `graph/user/…`). Only then does it run, in one
//! transaction.

use super::{query, KgStore};
use crate::rdf::vocab;
use oxigraph::model::NamedNode;
use oxigraph::sparql::SparqlEvaluator;
use spargebra::algebra::GraphTarget;
use spargebra::term::{GraphName, GraphNamePattern};
use spargebra::GraphUpdateOperation;

/// Why an update was refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UpdateError {
    /// The text is not SPARQL Update.
    #[error("{0}")]
    Syntax(query::QueryError),
    /// The update would write one of kg's own graphs.
    #[error("the update writes <{0}>, one of kg's own graphs (documents, facts, entities, ontology), which kg derives from the articles; write to a graph of your own, e.g. GRAPH <{user}mine> {{ … }}, or change the articles and ingest them again", user = vocab::USER_GRAPH_NS)]
    ReservedGraph(String),
    /// The update writes the default graph, or a graph it does not name.
    #[error("the update {0}: name the graph it writes, e.g. INSERT DATA {{ GRAPH <{user}mine> {{ … }} }} (kg's own graphs cannot be written)", user = vocab::USER_GRAPH_NS)]
    UnnamedGraph(&'static str),
    /// Running it failed.
    #[error("update failed: {0}")]
    Evaluation(String),
}

/// Whether `iri` names one of the graphs kg writes itself.
pub(crate) fn is_kg_graph(iri: &str) -> bool {
    iri.starts_with(vocab::BASE) && !iri.starts_with(vocab::USER_GRAPH_NS)
}

fn check_named(graph: &NamedNode) -> Result<(), UpdateError> {
    if is_kg_graph(graph.as_str()) {
        Err(UpdateError::ReservedGraph(graph.as_str().to_owned()))
    } else {
        Ok(())
    }
}

fn check_graph(graph: &GraphName) -> Result<(), UpdateError> {
    match graph {
        GraphName::NamedNode(n) => check_named(n),
        _ => Err(UpdateError::UnnamedGraph("writes the default graph")),
    }
}

fn check_pattern(graph: &GraphNamePattern) -> Result<(), UpdateError> {
    match graph {
        GraphNamePattern::NamedNode(n) => check_named(n),
        GraphNamePattern::DefaultGraph => {
            Err(UpdateError::UnnamedGraph("writes the default graph"))
        }
        GraphNamePattern::Variable(_) => Err(UpdateError::UnnamedGraph(
            "writes a graph chosen by a variable (GRAPH ?g), which could be one of kg's",
        )),
    }
}

fn check_target(graph: &GraphTarget) -> Result<(), UpdateError> {
    match graph {
        GraphTarget::NamedNode(n) => check_named(n),
        GraphTarget::DefaultGraph => Err(UpdateError::UnnamedGraph("clears the default graph")),
        GraphTarget::NamedGraphs | GraphTarget::AllGraphs => Err(UpdateError::UnnamedGraph(
            "clears every graph, kg's own among them",
        )),
    }
}

/// Checks every graph `update` writes; see the module documentation.
pub fn check_update(update: &spargebra::Update) -> Result<(), UpdateError> {
    for operation in &update.operations {
        match operation {
            GraphUpdateOperation::InsertData { data } => {
                data.iter().try_for_each(|q| check_graph(&q.graph_name))?
            }
            GraphUpdateOperation::DeleteData { data } => {
                data.iter().try_for_each(|q| check_graph(&q.graph_name))?
            }
            GraphUpdateOperation::DeleteInsert { delete, insert, .. } => {
                delete
                    .iter()
                    .try_for_each(|q| check_pattern(&q.graph_name))?;
                insert
                    .iter()
                    .try_for_each(|q| check_pattern(&q.graph_name))?;
            }
            GraphUpdateOperation::Load { destination, .. } => check_graph(destination)?,
            GraphUpdateOperation::Clear { graph, .. }
            | GraphUpdateOperation::Drop { graph, .. } => check_target(graph)?,
            GraphUpdateOperation::Create { graph, .. } => check_named(graph)?,
        }
    }
    Ok(())
}

/// Parses `text` as SPARQL Update with the data model's prefixes predeclared.
pub fn parse_update(text: &str) -> Result<spargebra::Update, UpdateError> {
    let mut parser = spargebra::SparqlParser::new();
    for (prefix, ns) in vocab::PREFIXES {
        parser = parser
            .with_prefix(*prefix, *ns)
            .map_err(|e| UpdateError::Evaluation(e.to_string()))?;
    }
    parser
        .parse_update(text)
        .map_err(|e| UpdateError::Syntax(query::syntax_error(text, &e.to_string())))
}

impl KgStore {
    /// Runs a SPARQL Update that writes only the user's own graphs (refused otherwise, with
    /// nothing changed). `WHERE` clauses read the union of all graphs, as queries do.
    pub fn update(&self, text: &str) -> Result<(), UpdateError> {
        let parsed = parse_update(text)?;
        check_update(&parsed)?;
        let mut prepared = SparqlEvaluator::new().for_update(parsed);
        for dataset in prepared.using_datasets_mut() {
            if dataset.is_default_dataset() {
                dataset.set_default_graph_as_union();
            }
        }
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| UpdateError::Evaluation(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<(), UpdateError> {
        check_update(&parse_update(text)?)
    }

    #[test]
    fn user_graphs_are_writable_and_kg_graphs_are_not() {
        assert!(check(
            "INSERT DATA { GRAPH <https://kg.example.org/graph/user/x> { <a:a> <a:b> <a:c> } }"
        )
        .is_ok());
        assert!(
            check("INSERT DATA { GRAPH <http://example.com/g> { <a:a> <a:b> <a:c> } }").is_ok()
        );
        for reserved in [
            "INSERT DATA { GRAPH <https://kg.example.org/graph/facts> { <a:a> <a:b> <a:c> } }",
            "DELETE WHERE { GRAPH <https://kg.example.org/doc/0123> { ?s ?p ?o } }",
            "DROP GRAPH <https://kg.example.org/graph/entities>",
        ] {
            assert!(
                matches!(check(reserved), Err(UpdateError::ReservedGraph(_))),
                "{reserved}"
            );
        }
        for unnamed in [
            "INSERT DATA { <a:a> <a:b> <a:c> }",
            "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
            "CLEAR ALL",
            "DROP DEFAULT",
        ] {
            assert!(
                matches!(check(unnamed), Err(UpdateError::UnnamedGraph(_))),
                "{unnamed}"
            );
        }
    }

    #[test]
    fn a_refused_update_changes_nothing() {
        let store = KgStore::in_memory().unwrap();
        let before = store.store().len().unwrap();
        let refused = store.update(
            "INSERT DATA { GRAPH <https://kg.example.org/graph/user/x> { <a:a> <a:b> <a:c> } } ; INSERT DATA { GRAPH <https://kg.example.org/graph/facts> { <a:a> <a:b> <a:c> } }",
        );
        assert!(refused.is_err());
        assert_eq!(store.store().len().unwrap(), before);
        store
            .update(
                "INSERT DATA { GRAPH <https://kg.example.org/graph/user/x> { <a:a> <a:b> <a:c> } }",
            )
            .unwrap();
        assert_eq!(store.store().len().unwrap(), before + 1);
    }
}
