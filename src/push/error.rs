//! Errors of a push, each saying what to do about it.

use crate::store::StoreError;

/// Why a push stopped. Nothing is reported as pushed unless the push completed: the server's
/// ledger graph says "complete" only after every graph arrived.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// The server could not be reached (after the retries).
    #[error("cannot reach {url}: {message}; check that the server runs and the URL (--to, or the --*-endpoint options)")]
    Unreachable {
        /// The endpoint tried.
        url: String,
        /// What the connection said.
        message: String,
    },
    /// The server answered with an error status that retrying does not cure.
    #[error("{url} refused the request: HTTP {status}{}", hint(*status, body))]
    Refused {
        /// The endpoint.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The start of the response body.
        body: String,
    },
    /// The server kept failing (5xx) through every retry.
    #[error("{url} kept failing with HTTP {status} after {attempts} attempts: {body}")]
    ServerFailing {
        /// The endpoint.
        url: String,
        /// The last HTTP status.
        status: u16,
        /// How many times it was tried.
        attempts: usize,
        /// The start of the last response body.
        body: String,
    },
    /// The server's answer to a query could not be read.
    #[error("cannot read the answer of {url}: {message}; is it a SPARQL query endpoint (--query-endpoint)?")]
    BadAnswer {
        /// The endpoint.
        url: String,
        /// What was wrong.
        message: String,
    },
    /// An endpoint URL is not a URL.
    #[error("{0:?} is not an http(s) URL: write it as http://host:port/path")]
    BadUrl(String),
    /// Reading the local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn hint(status: u16, body: &str) -> String {
    let advice = match status {
        401 => "; the server wants credentials: set KG_PUSH_USER and KG_PUSH_PASSWORD (for Virtuoso use the -auth endpoints with a user granted SPARQL_UPDATE)",
        403 => "; the user may not write: grant it update rights (Virtuoso: SPARQL_UPDATE), or use another user",
        404 => "; no such endpoint: check --to and the --*-endpoint options (Oxigraph server: /query and /store; Virtuoso: /sparql and /sparql-graph-crud-auth)",
        405 => "; the endpoint does not take this method: is the server read-only, or is this its query endpoint?",
        413 => "; the server takes smaller requests: raise its request size limit",
        _ => "",
    };
    let body = body.trim();
    if body.is_empty() {
        advice.to_owned()
    } else {
        format!("{advice}\n  server said: {body}")
    }
}
