//! `kg push`: the store's graphs into a remote SPARQL 1.1 server (Oxigraph server, Virtuoso, any
//! server with a query endpoint and the Graph Store HTTP Protocol), so that analysts query one
//! shared graph there.
//!
//! Each graph goes with a Graph Store Protocol `PUT` (which replaces the graph, so pushing again
//! is idempotent): every document graph, then the graphs kg derives from them (facts, entities),
//! the ontology and user graphs. A push is resumable and only sends what the server lacks: a
//! document graph is the same when the server holds it with the same `kg:fingerprint` and the
//! same `kg:source`s (that is all a document graph depends on); the other graphs are compared by
//! a hash of their content kept in a ledger graph on the server (`graph/push`), written after
//! each of them arrived. Document graphs the store no longer has are deleted on the server.
//!
//! Nothing half-written is reported as done: the ledger says `in progress` from the first
//! change on, the derived graphs go after the documents, and the ledger says `complete` only
//! after the last graph arrived. A push killed half-way leaves whole graphs (a `PUT` lands
//! whole or not at all); the next push sends the rest.

mod client;
mod error;
mod ledger;

pub use client::Credentials;
pub use error::PushError;
pub use ledger::{ledger_graph, PushState};

use crate::rdf::vocab;
use crate::store::{is_document_graph, KgStore, StoreError};
use client::{Client, Request};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNodeRef, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Where the server takes queries and graphs.
#[derive(Debug, Clone)]
pub struct Endpoints {
    /// The SPARQL query endpoint (Oxigraph server: `/query`; Virtuoso: `/sparql`).
    pub query: url::Url,
    /// The Graph Store Protocol endpoint (Oxigraph server: `/store`; Virtuoso:
    /// `/sparql-graph-crud-auth` with credentials, `/sparql-graph-crud` without).
    pub graph_store: url::Url,
}

impl Endpoints {
    /// The endpoints of the server at `base`: Oxigraph server's layout (`/query`, `/store`)
    /// unless given. A given endpoint is a full URL or a path joined to `base` (`/sparql`).
    pub fn new(
        base: &str,
        query: Option<&str>,
        graph_store: Option<&str>,
    ) -> Result<Self, PushError> {
        let base_url = parse_url(base)?;
        let join = |given: Option<&str>, default: &str| -> Result<url::Url, PushError> {
            let path = given.unwrap_or(default);
            if path.contains("://") {
                return parse_url(path);
            }
            let mut url = base_url.clone();
            let prefix = url.path().trim_end_matches('/').to_owned();
            url.set_path(&format!("{prefix}/{}", path.trim_start_matches('/')));
            Ok(url)
        };
        Ok(Self {
            query: join(query, "query")?,
            graph_store: join(graph_store, "store")?,
        })
    }
}

fn parse_url(text: &str) -> Result<url::Url, PushError> {
    match url::Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(url),
        _ => Err(PushError::BadUrl(text.to_owned())),
    }
}

/// How to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The server's endpoints.
    pub endpoints: Endpoints,
    /// User and password, answered to whichever of basic or digest the server asks for.
    pub credentials: Option<Credentials>,
    /// Document graphs sent at once (default 4).
    pub jobs: usize,
    /// How long one request may take (default 300 s: a large facts graph is one request).
    pub timeout: Duration,
}

impl PushOptions {
    /// Defaults: no credentials, 4 concurrent requests, 300 s per request.
    pub fn new(endpoints: Endpoints) -> Self {
        Self {
            endpoints,
            credentials: None,
            jobs: 4,
            timeout: Duration::from_secs(300),
        }
    }
}

/// What a push is doing, for progress output.
#[derive(Debug)]
#[non_exhaustive]
pub enum PushEvent<'a> {
    /// What the comparison with the server found.
    Planned {
        /// Document graphs to send.
        documents: usize,
        /// Document graphs the server already holds as they are here.
        unchanged: usize,
        /// Document graphs to delete on the server (gone from the store).
        stale: usize,
        /// Other graphs (facts, entities, ontology, user graphs) to send.
        graphs: usize,
    },
    /// A graph arrived on the server.
    Sent {
        /// The graph.
        graph: &'a NamedNode,
        /// Its triples.
        triples: usize,
    },
    /// A graph was deleted on the server.
    Deleted {
        /// The graph.
        graph: &'a NamedNode,
    },
}

/// What a completed push did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct PushReport {
    /// Document graphs sent.
    pub documents_sent: usize,
    /// Document graphs the server already held.
    pub documents_unchanged: usize,
    /// Document graphs deleted on the server.
    pub documents_deleted: usize,
    /// Other graphs sent (facts, entities, ontology, user graphs).
    pub graphs_sent: usize,
    /// Other graphs the server already held.
    pub graphs_unchanged: usize,
    /// Triples sent.
    pub triples_sent: usize,
    /// Seconds the push took.
    pub seconds: f64,
}

/// Pushes every graph of `store` to the server; see the module documentation.
pub fn push(
    store: &KgStore,
    options: &PushOptions,
    on_event: &(dyn Fn(PushEvent<'_>) + Sync),
) -> Result<PushReport, PushError> {
    let started = Instant::now();
    let client = Client::new(options.credentials.clone(), options.timeout);
    let server = Server {
        client: &client,
        endpoints: &options.endpoints,
    };
    let store = store.store();

    // What the server holds.
    let remote_documents = server.documents()?;
    let mut ledger = server.ledger()?;

    // What the store holds, and what differs.
    let mut report = PushReport::default();
    let mut documents = Vec::new();
    let mut others: Vec<(NamedNode, Vec<u8>, usize, String)> = Vec::new();
    let mut local = BTreeSet::new();
    for graph in store.named_graphs() {
        let graph = graph.map_err(StoreError::from)?;
        let NamedOrBlankNodeRef::NamedNode(graph) = graph.as_ref() else {
            continue;
        };
        let graph = graph.into_owned();
        local.insert(graph.clone());
        if is_document_graph(&graph) {
            let state = document_state(store, &graph)?;
            if remote_documents.get(&graph) == Some(&state) {
                report.documents_unchanged += 1;
            } else {
                documents.push(graph);
            }
        } else {
            let (body, triples) = graph_ntriples(store, &graph)?;
            let hash = content_hash(&body);
            if ledger.hashes.get(&graph) == Some(&hash) {
                report.graphs_unchanged += 1;
            } else {
                others.push((graph, body, triples, hash));
            }
        }
    }
    let stale: Vec<NamedNode> = remote_documents
        .keys()
        .filter(|g| !local.contains(*g))
        .cloned()
        .collect();
    let stale_graphs: Vec<NamedNode> = ledger
        .hashes
        .keys()
        .filter(|g| !local.contains(*g))
        .cloned()
        .collect();
    on_event(PushEvent::Planned {
        documents: documents.len(),
        unchanged: report.documents_unchanged,
        stale: stale.len(),
        graphs: others.len(),
    });
    let nothing_to_do =
        documents.is_empty() && stale.is_empty() && others.is_empty() && stale_graphs.is_empty();
    if nothing_to_do && ledger.state == PushState::Complete {
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }

    // From here on the server is being changed: say so first.
    ledger.state = PushState::InProgress;
    server.put_ledger(&ledger)?;

    // 1. Document graphs, several at once.
    let (sent, triples) = server.put_documents(store, &documents, options.jobs, on_event)?;
    report.documents_sent = sent;
    report.triples_sent += triples;
    for graph in &stale {
        server.delete(graph)?;
        report.documents_deleted += 1;
        on_event(PushEvent::Deleted { graph });
    }
    // 2. The derived graphs and the rest, each recorded in the ledger once it arrived.
    for graph in &stale_graphs {
        server.delete(graph)?;
        ledger.hashes.remove(graph);
        server.put_ledger(&ledger)?;
        on_event(PushEvent::Deleted { graph });
    }
    for (graph, body, triples, hash) in &others {
        server.put(graph, body)?;
        ledger.hashes.insert(graph.clone(), hash.clone());
        server.put_ledger(&ledger)?;
        report.graphs_sent += 1;
        report.triples_sent += triples;
        on_event(PushEvent::Sent {
            graph,
            triples: *triples,
        });
    }
    // 3. Done: only now does the server say so.
    ledger.state = PushState::Complete;
    server.put_ledger(&ledger)?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// What a document graph's content depends on: its fingerprint and its sources.
type DocumentState = (String, BTreeSet<String>);

fn document_state(store: &Store, graph: &NamedNode) -> Result<DocumentState, StoreError> {
    let (mut fingerprint, mut sources) = (String::new(), BTreeSet::new());
    let name = GraphNameRef::NamedNode(graph.as_ref());
    for quad in store.quads_for_pattern(Some(graph.as_ref().into()), None, None, Some(name)) {
        let quad = quad?;
        if let Term::Literal(l) = &quad.object {
            if quad.predicate.as_ref() == vocab::kg::FINGERPRINT {
                fingerprint = l.value().to_owned();
            } else if quad.predicate.as_ref() == vocab::kg::SOURCE {
                sources.insert(l.value().to_owned());
            }
        }
    }
    Ok((fingerprint, sources))
}

/// A graph of the store as N-Triples, and its number of triples.
fn graph_ntriples(store: &Store, graph: &NamedNode) -> Result<(Vec<u8>, usize), StoreError> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut triples = 0;
    let name = GraphNameRef::NamedNode(graph.as_ref());
    for quad in store.quads_for_pattern(None, None, None, Some(name)) {
        let quad = quad?;
        serializer.serialize_triple(quad.as_ref())?;
        triples += 1;
    }
    Ok((serializer.finish()?, triples))
}

fn content_hash(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(body)
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The server, through its query and graph store endpoints.
struct Server<'a> {
    client: &'a Client,
    endpoints: &'a Endpoints,
}

/// Rows of a SPARQL query asked in pages, so that a server's row limit (Virtuoso: 10,000 by
/// default) cuts nothing.
const PAGE: usize = 10_000;

impl Server<'_> {
    fn graph_url(&self, graph: &NamedNode) -> url::Url {
        let mut url = self.endpoints.graph_store.clone();
        url.query_pairs_mut().append_pair("graph", graph.as_str());
        url
    }

    fn put(&self, graph: &NamedNode, body: &[u8]) -> Result<(), PushError> {
        self.client.send(&Request {
            method: "PUT",
            url: &self.graph_url(graph),
            content_type: Some("application/n-triples"),
            accept: None,
            body,
        })?;
        Ok(())
    }

    fn delete(&self, graph: &NamedNode) -> Result<(), PushError> {
        match self.client.send(&Request {
            method: "DELETE",
            url: &self.graph_url(graph),
            content_type: None,
            accept: None,
            body: &[],
        }) {
            // Already gone.
            Err(PushError::Refused { status: 404, .. }) => Ok(()),
            other => other.map(|_| ()),
        }
    }

    /// Runs a SELECT; returns its rows as variable → term (IRIs and literals by their value).
    pub(crate) fn select(&self, query: &str) -> Result<Vec<BTreeMap<String, String>>, PushError> {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("query", query)
            .finish();
        let answer = self.client.send(&Request {
            method: "POST",
            url: &self.endpoints.query,
            content_type: Some("application/x-www-form-urlencoded"),
            accept: Some("application/sparql-results+json"),
            body: body.as_bytes(),
        })?;
        let bad = |message: String| PushError::BadAnswer {
            url: self.endpoints.query.to_string(),
            message,
        };
        let json: serde_json::Value =
            serde_json::from_slice(&answer).map_err(|e| bad(format!("not JSON results: {e}")))?;
        let bindings = json["results"]["bindings"]
            .as_array()
            .ok_or_else(|| bad("no results.bindings".to_owned()))?;
        Ok(bindings
            .iter()
            .filter_map(|row| row.as_object())
            .map(|row| {
                row.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v["value"].as_str()?.to_owned())))
                    .collect()
            })
            .collect())
    }

    /// Every row of `query` (which must have an ORDER BY), a page at a time.
    fn select_all(&self, query: &str) -> Result<Vec<BTreeMap<String, String>>, PushError> {
        let mut rows = Vec::new();
        loop {
            let page = self.select(&format!("{query} LIMIT {PAGE} OFFSET {}", rows.len()))?;
            let last = page.len() < PAGE;
            rows.extend(page);
            if last {
                return Ok(rows);
            }
        }
    }

    /// The document graphs the server holds, with their fingerprints and sources.
    fn documents(&self) -> Result<BTreeMap<NamedNode, DocumentState>, PushError> {
        let query = format!(
            "SELECT ?g ?f ?s WHERE {{ GRAPH ?g {{ ?g <{}> ?f ; <{}> ?s }} FILTER(STRSTARTS(STR(?g), \"{}\")) }} ORDER BY ?g ?s",
            vocab::kg::FINGERPRINT.as_str(),
            vocab::kg::SOURCE.as_str(),
            vocab::DOC_NS,
        );
        let mut out: BTreeMap<NamedNode, DocumentState> = BTreeMap::new();
        for row in self.select_all(&query)? {
            let (Some(g), Some(f), Some(s)) = (row.get("g"), row.get("f"), row.get("s")) else {
                continue;
            };
            let Ok(graph) = NamedNode::new(g) else {
                continue;
            };
            if !is_document_graph(&graph) {
                continue;
            }
            let entry = out
                .entry(graph)
                .or_insert_with(|| (f.clone(), BTreeSet::new()));
            if entry.0 != *f {
                // Two fingerprints: a graph no kg wrote; send it again.
                entry.0.clear();
            }
            entry.1.insert(s.clone());
        }
        Ok(out)
    }

    fn ledger(&self) -> Result<ledger::Ledger, PushError> {
        ledger::read(self)
    }

    fn put_ledger(&self, ledger: &ledger::Ledger) -> Result<(), PushError> {
        self.put(&ledger_graph(), &ledger.ntriples())
    }

    /// PUTs document graphs with `jobs` requests at once; stops at the first error.
    fn put_documents(
        &self,
        store: &Store,
        documents: &[NamedNode],
        jobs: usize,
        on_event: &(dyn Fn(PushEvent<'_>) + Sync),
    ) -> Result<(usize, usize), PushError> {
        let next = AtomicUsize::new(0);
        let sent = AtomicUsize::new(0);
        let triples = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let error: Mutex<Option<PushError>> = Mutex::new(None);
        std::thread::scope(|scope| {
            for _ in 0..jobs.max(1) {
                scope.spawn(|| {
                    while !failed.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(graph) = documents.get(i) else {
                            break;
                        };
                        let result = graph_ntriples(store, graph)
                            .map_err(PushError::from)
                            .and_then(|(body, n)| self.put(graph, &body).map(|()| n));
                        match result {
                            Ok(n) => {
                                sent.fetch_add(1, Ordering::Relaxed);
                                triples.fetch_add(n, Ordering::Relaxed);
                                on_event(PushEvent::Sent { graph, triples: n });
                            }
                            Err(e) => {
                                failed.store(true, Ordering::Relaxed);
                                if let Ok(mut slot) = error.lock() {
                                    slot.get_or_insert(e);
                                }
                            }
                        }
                    }
                });
            }
        });
        if let Some(e) = error.into_inner().ok().flatten() {
            return Err(e);
        }
        Ok((sent.into_inner(), triples.into_inner()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_default_to_oxigraph_server_and_join_paths_to_the_base() {
        let cases = [
            // base, query, graph store → expected query, graph store
            (
                "http://127.0.0.1:7878",
                None,
                None,
                "http://127.0.0.1:7878/query",
                "http://127.0.0.1:7878/store",
            ),
            (
                "http://h:8890/",
                Some("/sparql"),
                Some("sparql-graph-crud-auth"),
                "http://h:8890/sparql",
                "http://h:8890/sparql-graph-crud-auth",
            ),
            (
                "https://h/kg",
                Some("https://other/q"),
                None,
                "https://other/q",
                "https://h/kg/store",
            ),
        ];
        for (base, query, store, want_query, want_store) in cases {
            let e = Endpoints::new(base, query, store).unwrap();
            assert_eq!(e.query.as_str(), want_query, "{base}");
            assert_eq!(e.graph_store.as_str(), want_store, "{base}");
        }
        for bad in ["127.0.0.1:7878", "ftp://h/", "not a url"] {
            assert!(matches!(
                Endpoints::new(bad, None, None),
                Err(PushError::BadUrl(_))
            ));
        }
    }

    #[test]
    fn graph_urls_carry_the_graph_iri_encoded() {
        let endpoints = Endpoints::new("http://h:1", None, None).unwrap();
        let client = Client::new(None, Duration::from_secs(1));
        let server = Server {
            client: &client,
            endpoints: &endpoints,
        };
        let url = server.graph_url(&NamedNode::new_unchecked("https://kg.example.org/doc/ab?c"));
        assert_eq!(
            url.as_str(),
            "http://h:1/store?graph=https%3A%2F%2Fkg.example.org%2Fdoc%2Fab%3Fc"
        );
    }

    #[test]
    fn ledger_round_trips_through_ntriples() {
        let mut hashes = BTreeMap::new();
        hashes.insert(crate::rdf::iri::facts_graph(), "abc".to_owned());
        let ledger = ledger::Ledger {
            state: PushState::InProgress,
            hashes,
        };
        let text = String::from_utf8(ledger.ntriples()).unwrap();
        let parsed: Vec<_> = oxigraph::io::RdfParser::from_format(RdfFormat::NTriples)
            .for_slice(text.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(parsed.len(), 2);
        assert!(text.contains("\"in progress\""));
        assert!(text.contains("<https://kg.example.org/graph/facts>"));
    }
}
