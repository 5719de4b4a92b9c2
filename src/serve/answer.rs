//! Running one query and writing its results in the negotiated format, with the row cap.
//!
//! This runs on a worker of the pool. Results are written into memory (at most `max_rows` rows or
//! triples) so that the status code can still say whether the query failed or overran its time:
//! a status sent before the last row could not.

use super::negotiate;
use super::protocol::QueryRequest;
use crate::rdf::vocab;
use crate::store::KgStore;
use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphName, NamedOrBlankNode};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use std::time::Duration;

/// An HTTP answer: status, media type, body, and the row cap when it cut the results.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub truncated_at: Option<usize>,
}

impl Answer {
    /// A plain-text answer (errors).
    pub(crate) fn text(status: u16, message: impl Into<String>) -> Self {
        let mut body = message.into().into_bytes();
        body.push(b'\n');
        Self {
            status,
            content_type: "text/plain; charset=utf-8".to_owned(),
            body,
            truncated_at: None,
        }
    }

    /// The answer to a query that overran `timeout`.
    pub(crate) fn timeout(timeout: Duration) -> Self {
        Self::text(
            503,
            format!(
                "query timeout: the query ran longer than {:.1} s and was stopped; add LIMIT or narrow its patterns, or start kg serve with a longer --timeout",
                timeout.as_secs_f64()
            ),
        )
    }
}

/// Why a query could not be answered, before or while it ran.
pub(crate) enum Failure {
    /// Stopped by the timeout.
    Cancelled,
    /// A file vanished under a read-only view (a writer compacted it away): worth one retry.
    Vanished(String),
    /// Anything else, answered as it is.
    Answer(Answer),
}

/// Parses the query text; a syntax error (or an update) is answered at once.
pub(crate) fn parse(
    request: &QueryRequest,
    token: CancellationToken,
) -> Result<oxigraph::sparql::PreparedSparqlQuery, Answer> {
    let mut prepared = match crate::store::parse_cancellable(&request.query, token) {
        Ok(prepared) => prepared,
        Err(_) if crate::store::is_update(&request.query) => {
            return Err(Answer::text(403, super::protocol::READ_ONLY))
        }
        Err(error) => return Err(Answer::text(400, error.to_string())),
    };
    let dataset = prepared.dataset_mut();
    if !request.default_graphs.is_empty() || !request.named_graphs.is_empty() {
        dataset.set_default_graph(
            request
                .default_graphs
                .iter()
                .cloned()
                .map(GraphName::NamedNode)
                .collect(),
        );
        dataset.set_available_named_graphs(
            request
                .named_graphs
                .iter()
                .cloned()
                .map(NamedOrBlankNode::NamedNode)
                .collect(),
        );
    } else if dataset.is_default_dataset() {
        dataset.set_default_graph_as_union();
    }
    Ok(prepared)
}

fn evaluation(error: QueryEvaluationError) -> Failure {
    match error {
        QueryEvaluationError::Cancelled => Failure::Cancelled,
        other => {
            let message = other.to_string();
            if message.contains("No such file") {
                Failure::Vanished(message)
            } else {
                Failure::Answer(Answer::text(500, format!("query failed: {message}")))
            }
        }
    }
}

fn io(error: std::io::Error) -> Failure {
    Failure::Answer(Answer::text(
        500,
        format!("cannot write the results: {error}"),
    ))
}

/// Runs `prepared` on `store` and writes at most `max_rows` results in the format `accept` asks.
pub(crate) fn run(
    store: &KgStore,
    prepared: oxigraph::sparql::PreparedSparqlQuery,
    accept: Option<&str>,
    max_rows: usize,
) -> Result<Answer, Failure> {
    let results = prepared
        .on_store(store.store())
        .execute()
        .map_err(evaluation)?;
    let mut body = Vec::new();
    let mut truncated_at = None;
    let content_type = match results {
        QueryResults::Boolean(value) => {
            let (media, format) = table_format(accept)?;
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, value)
                .map_err(io)?;
            media
        }
        QueryResults::Solutions(mut solutions) => {
            let (media, format) = table_format(accept)?;
            let mut writer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(io)?;
            for (rows, solution) in solutions.by_ref().enumerate() {
                if rows == max_rows {
                    truncated_at = Some(max_rows);
                    break;
                }
                writer
                    .serialize(&solution.map_err(evaluation)?)
                    .map_err(io)?;
            }
            writer.finish().map_err(io)?;
            media
        }
        QueryResults::Graph(triples) => {
            let offers = negotiate::graph_offers();
            let (media, format) = negotiate::choose(accept, &offers).ok_or_else(|| {
                not_acceptable(
                    accept,
                    "a graph (CONSTRUCT, DESCRIBE)",
                    negotiate::list(&offers),
                )
            })?;
            let mut serializer = RdfSerializer::from_format(format);
            for (prefix, ns) in vocab::PREFIXES {
                if let Ok(s) = serializer.clone().with_prefix(*prefix, *ns) {
                    serializer = s;
                }
            }
            let mut writer = serializer.for_writer(&mut body);
            for (count, triple) in triples.enumerate() {
                if count == max_rows {
                    truncated_at = Some(max_rows);
                    break;
                }
                writer
                    .serialize_triple(&triple.map_err(evaluation)?)
                    .map_err(io)?;
            }
            writer.finish().map_err(io)?;
            media
        }
    };
    if !body.ends_with(b"\n") {
        body.push(b'\n');
    }
    Ok(Answer {
        status: 200,
        content_type: content_type.to_owned(),
        body,
        truncated_at,
    })
}

fn table_format(
    accept: Option<&str>,
) -> Result<(&'static str, oxigraph::sparql::results::QueryResultsFormat), Failure> {
    negotiate::choose(accept, negotiate::TABLE_OFFERS).ok_or_else(|| {
        not_acceptable(
            accept,
            "a table (SELECT, ASK)",
            negotiate::list(negotiate::TABLE_OFFERS),
        )
    })
}

fn not_acceptable(accept: Option<&str>, what: &str, offers: String) -> Failure {
    Failure::Answer(Answer::text(
        406,
        format!(
            "this query returns {what}, and none of its formats is in Accept: {}; accepted: {offers}",
            accept.unwrap_or("")
        ),
    ))
}
