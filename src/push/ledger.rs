//! The push ledger: a small graph on the server (`graph/push`) that says whether the last push
//! completed, and holds a hash of every graph other than documents as it was pushed, so that a
//! later push sends only what changed.

use super::{PushError, Server};
use crate::rdf::vocab;
use oxigraph::model::{Literal, NamedNode, Triple};
use std::collections::BTreeMap;

/// The ledger graph's name (and subject of its state).
pub fn ledger_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{}graph/push", vocab::BASE))
}

fn term(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{local}", vocab::KG_NS))
}

/// Whether the server holds a whole push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushState {
    /// Nothing was ever pushed (no ledger).
    Never,
    /// A push started and has not finished: the server holds part of the store.
    InProgress,
    /// The last push completed: the server holds the whole store as it was then.
    Complete,
}

impl PushState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::InProgress => "in progress",
            Self::Complete => "complete",
        }
    }
}

/// What the ledger holds.
#[derive(Debug, Clone)]
pub(crate) struct Ledger {
    pub state: PushState,
    /// Graph → hash of its N-Triples when pushed.
    pub hashes: BTreeMap<NamedNode, String>,
}

impl Ledger {
    /// The ledger as N-Triples, for a PUT.
    pub fn ntriples(&self) -> Vec<u8> {
        let ledger = ledger_graph();
        let mut out = String::new();
        let mut add = |t: Triple| {
            out.push_str(&t.to_string());
            out.push_str(" .\n");
        };
        add(Triple::new(
            ledger.clone(),
            term("pushState"),
            Literal::new_simple_literal(self.state.as_str()),
        ));
        for (graph, hash) in &self.hashes {
            add(Triple::new(
                graph.clone(),
                term("pushedContentHash"),
                Literal::new_simple_literal(hash),
            ));
        }
        out.into_bytes()
    }
}

/// Reads the ledger from the server (an empty one when there is none).
pub(crate) fn read(server: &Server<'_>) -> Result<Ledger, PushError> {
    let ledger = ledger_graph();
    let query = format!(
        "SELECT ?s ?p ?o WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} }}",
        ledger.as_str()
    );
    let mut out = Ledger {
        state: PushState::Never,
        hashes: BTreeMap::new(),
    };
    for row in server.select(&query)? {
        let (Some(s), Some(p), Some(o)) = (row.get("s"), row.get("p"), row.get("o")) else {
            continue;
        };
        if *p == term("pushState").as_str() {
            out.state = match o.as_str() {
                "complete" => PushState::Complete,
                _ => PushState::InProgress,
            };
        } else if *p == term("pushedContentHash").as_str() {
            if let Ok(graph) = NamedNode::new(s) {
                out.hashes.insert(graph, o.clone());
            }
        }
    }
    Ok(out)
}
