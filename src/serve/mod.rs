//! `kg serve`: the store as a read-only SPARQL 1.1 Protocol endpoint, with a query page.
//!
//! Analysts share one graph through HTTP while `kg ingest` keeps adding to it. The pieces, one
//! module each: [`protocol`] reads the query from a request (and refuses updates), [`negotiate`]
//! picks the result format from `Accept`, [`pool`] runs queries on a fixed set of workers,
//! [`answer`] runs one query within the row cap, [`snapshot`] keeps a read-only view of the store
//! and reopens it when an ingest has changed it. HTTP itself is `tiny_http`'s: a small, blocking
//! server, which fits Oxigraph's blocking evaluation.
//!
//! Each query gets a cancellation token; the HTTP thread waits for its answer at most the
//! timeout, then cancels it and answers 503. Oxigraph stops a cancelled query at its next read of
//! the store; the bounded pool keeps queries that do not stop at once from piling up.

mod answer;
mod negotiate;
mod pool;
mod protocol;
mod snapshot;

use crate::store::StoreError;
use answer::{Answer, Failure};
use oxigraph::sparql::CancellationToken;
use pool::Pool;
use protocol::{Operation, Refusal};
use snapshot::Snapshots;
use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Request, Response, Server};

/// The query page, a plain HTML and JavaScript file with nothing fetched from elsewhere.
const PAGE: &str = include_str!("page.html");

/// HTTP threads: each waits for at most one query, so this bounds the requests in flight.
const HTTP_THREADS: usize = 16;

/// How `kg serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address and port to listen on (`127.0.0.1:7878`; port 0 picks a free one).
    pub bind: String,
    /// Allow addresses other than loopback ones (the endpoint has no authentication).
    pub public: bool,
    /// Longest a query may run before it is stopped and answered 503.
    pub timeout: Duration,
    /// Most rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer; more are cut, and the
    /// `Kg-Results-Truncated` header says so.
    pub max_rows: usize,
    /// How often the store's files are checked for an ingest's changes.
    pub refresh: Duration,
    /// Queries run at once; up to 16 more wait (one per HTTP thread), the rest are answered 503.
    pub workers: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:7878".to_owned(),
            public: false,
            timeout: Duration::from_secs(30),
            max_rows: 100_000,
            refresh: Duration::from_secs(1),
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address is not loopback and `--public` was not given.
    #[error("{bind} is reachable from other machines and kg serve has no authentication; bind to 127.0.0.1 (the default), or add --public if every client that can reach it may read the whole graph")]
    NotLoopback {
        /// The address asked for.
        bind: String,
    },
    /// The address could not be used.
    #[error("cannot listen on {bind}: {message}; pick another port with --bind 127.0.0.1:PORT")]
    Bind {
        /// The address asked for.
        bind: String,
        /// What the system said.
        message: String,
    },
    /// Starting a thread failed.
    #[error("cannot start the server's threads: {0}")]
    Io(#[from] std::io::Error),
}

impl ServeError {
    /// Whether the user fixes this by changing the command line.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Self::NotLoopback { .. }
                | Self::Bind { .. }
                | Self::Store(StoreError::Missing { .. } | StoreError::NotAStore { .. })
        )
    }
}

/// Whether every address `bind` resolves to is a loopback one.
fn is_loopback(bind: &str) -> Result<bool, ServeError> {
    let addresses: Vec<SocketAddr> = bind
        .to_socket_addrs()
        .map_err(|e| ServeError::Bind {
            bind: bind.to_owned(),
            message: e.to_string(),
        })?
        .collect();
    Ok(!addresses.is_empty() && addresses.iter().all(|a| a.ip().is_loopback()))
}

/// Serves the store at `store_path` until the process ends. `ready` is called once with the
/// address listened on (the port when 0 was asked), before the first request is taken.
pub fn serve(
    store_path: &Path,
    options: &ServeOptions,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    if !is_loopback(&options.bind)? {
        if !options.public {
            return Err(ServeError::NotLoopback {
                bind: options.bind.clone(),
            });
        }
        eprintln!(
            "kg serve: warning: listening on {}, reachable from other machines, without authentication: anyone who reaches it can read the whole graph",
            options.bind
        );
    }
    let snapshots = Snapshots::open(store_path, options.refresh)?;
    let server = Server::http(&options.bind).map_err(|e| ServeError::Bind {
        bind: options.bind.clone(),
        message: e.to_string(),
    })?;
    let address = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| ServeError::Bind {
            bind: options.bind.clone(),
            message: "not an IP address".to_owned(),
        })?;
    let shared = Arc::new(Shared {
        snapshots,
        pool: Pool::new(options.workers, options.workers.max(HTTP_THREADS))?,
        options: options.clone(),
        path: store_path.to_owned(),
        page: page(),
    });
    let server = Arc::new(server);
    ready(address);
    let mut threads = Vec::new();
    for i in 0..HTTP_THREADS {
        let server = Arc::clone(&server);
        let shared = Arc::clone(&shared);
        threads.push(
            std::thread::Builder::new()
                .name(format!("kg-http-{i}"))
                .spawn(move || {
                    while let Ok(request) = server.recv() {
                        shared.handle(request);
                    }
                })?,
        );
    }
    for thread in threads {
        let _ = thread.join();
    }
    Ok(())
}

/// What every HTTP thread shares.
struct Shared {
    snapshots: Arc<Snapshots>,
    pool: Pool,
    options: ServeOptions,
    path: PathBuf,
    page: String,
}

/// The page with the data model's prefixes filled in (to show IRIs short, as `kg query` does).
fn page() -> String {
    let pairs: Vec<(String, &str)> = crate::rdf::vocab::PREFIXES
        .iter()
        .map(|(p, ns)| (format!("{p}:"), *ns))
        .collect();
    let json = serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_owned());
    PAGE.replace("[/*PREFIXES*/]", &json)
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

impl Shared {
    fn handle(&self, mut request: Request) {
        let method = request.method().as_str().to_owned();
        let find = |name: &'static str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_owned())
        };
        let accept = find("Accept");
        let content_type = find("Content-Type");
        let mut body = Vec::new();
        let read = request
            .as_reader()
            .take(protocol::MAX_BODY as u64 + 1)
            .read_to_end(&mut body);
        let answer = if read.is_err() {
            Answer::text(400, "cannot read the request body")
        } else if body.len() > protocol::MAX_BODY {
            Answer::text(
                413,
                "the request body is larger than 1 MB: a query should be far smaller",
            )
        } else {
            match protocol::operation(&method, request.url(), content_type.as_deref(), &body) {
                Ok(Operation::Page) => Answer {
                    status: 200,
                    content_type: "text/html; charset=utf-8".to_owned(),
                    body: self.page.as_bytes().to_vec(),
                    truncated_at: None,
                },
                Ok(Operation::Query(query)) => self.query(query, accept),
                Err(Refusal { status, message }) => Answer::text(status, message),
            }
        };
        let mut response = Response::from_data(answer.body).with_status_code(answer.status);
        let mut headers = vec![
            header("Content-Type", &answer.content_type),
            header("X-Content-Type-Options", "nosniff"),
            // The page may talk to this server only: nothing is loaded from elsewhere.
            header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
            ),
        ];
        if let Some(cap) = answer.truncated_at {
            headers.push(header("Kg-Results-Truncated", &cap.to_string()));
        }
        if answer.status == 405 {
            headers.push(header("Allow", "GET, HEAD, POST"));
        }
        for h in headers.into_iter().flatten() {
            response.add_header(h);
        }
        // The client may have gone: nothing to do about it.
        let _ = request.respond(response);
    }

    /// Parses, runs on the pool, and waits at most the timeout.
    fn query(&self, query: protocol::QueryRequest, accept: Option<String>) -> Answer {
        let token = CancellationToken::new();
        let prepared = match answer::parse(&query, token.clone()) {
            Ok(prepared) => prepared,
            Err(refused) => return refused,
        };
        let snapshots = Arc::clone(&self.snapshots);
        let path = self.path.clone();
        let max_rows = self.options.max_rows;
        let worker_token = token.clone();
        let job = move || {
            if worker_token.is_cancelled() {
                return Err(Failure::Cancelled);
            }
            let store = snapshots.current();
            match answer::run(&store, prepared.clone(), accept.as_deref(), max_rows) {
                Err(Failure::Vanished(_)) => {
                    // A writer compacted a file away under this view: take a fresh one, once.
                    snapshots.reopen(&path).map_err(|e| {
                        Failure::Answer(Answer::text(500, format!("cannot reopen the store: {e}")))
                    })?;
                    answer::run(&snapshots.current(), prepared, accept.as_deref(), max_rows)
                }
                other => other,
            }
        };
        let receiver =
            match self.pool.submit(job) {
                Ok(receiver) => receiver,
                Err(pool::Busy) => return Answer::text(
                    503,
                    "busy: every query worker is taken and the queue is full; retry in a moment",
                ),
            };
        match receiver.recv_timeout(self.options.timeout) {
            Ok(Ok(answer)) => answer,
            Ok(Err(Failure::Cancelled)) => Answer::timeout(self.options.timeout),
            Ok(Err(Failure::Answer(answer))) => answer,
            Ok(Err(Failure::Vanished(message))) => {
                Answer::text(500, format!("query failed: {message}"))
            }
            Err(RecvTimeoutError::Timeout) => {
                token.cancel();
                Answer::timeout(self.options.timeout)
            }
            Err(RecvTimeoutError::Disconnected) => Answer::text(
                500,
                "the query stopped unexpectedly (a bug: please report it)",
            ),
        }
    }
}
