//! The SPARQL 1.1 Protocol's query operation, read from an HTTP request: where the query text is
//! (`query=` in the URL or a form body, or an `application/sparql-query` body), which graphs make
//! the dataset (`default-graph-uri`, `named-graph-uri`), and the refusals (updates, unknown paths,
//! methods and bodies), each with the status code and a message saying what to do.

use oxigraph::model::NamedNode;

/// A query the client asked for.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct QueryRequest {
    /// The SPARQL text.
    pub query: String,
    /// `default-graph-uri` parameters: when given, they replace the query's own dataset.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri` parameters.
    pub named_graphs: Vec<NamedNode>,
}

/// What a request asks for.
#[derive(Debug, PartialEq)]
pub(crate) enum Operation {
    /// The query page.
    Page,
    /// A SPARQL query.
    Query(QueryRequest),
}

/// A request refused, with its HTTP status and a message for the client.
#[derive(Debug, PartialEq)]
pub(crate) struct Refusal {
    pub status: u16,
    pub message: String,
}

impl Refusal {
    pub(crate) fn new(status: u16, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }
}

/// The message for any attempt at SPARQL Update.
pub(crate) const READ_ONLY: &str = "kg serve is read-only: SPARQL Update is refused. Change the graph with `kg ingest` (articles) or `kg load` (your own RDF); the server sees the change within its refresh interval.";

/// Largest request body read, in bytes (a query, not data).
pub(crate) const MAX_BODY: usize = 1 << 20;

/// Reads the operation from the request line, its `Content-Type` and its body.
pub(crate) fn operation(
    method: &str,
    url: &str,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Operation, Refusal> {
    let (path, query_string) = url.split_once('?').unwrap_or((url, ""));
    let mut params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes())
        .into_owned()
        .collect();
    match path {
        "/" | "/query" | "/sparql" => {}
        "/update" => return Err(Refusal::new(403, READ_ONLY)),
        _ => {
            return Err(Refusal::new(
                404,
                format!("nothing at {path}: send queries to /query (SPARQL 1.1 Protocol), or open / in a browser"),
            ))
        }
    }
    let mut body_query = None;
    match method {
        "GET" | "HEAD" => {}
        "POST" => {
            let media = content_type
                .and_then(|c| c.split(';').next())
                .map(|m| m.trim().to_ascii_lowercase())
                .unwrap_or_default();
            match media.as_str() {
                "application/x-www-form-urlencoded" => {
                    params.extend(form_urlencoded::parse(body).into_owned());
                }
                "application/sparql-query" => {
                    body_query = Some(String::from_utf8(body.to_vec()).map_err(|_| {
                        Refusal::new(400, "the query body is not UTF-8 text")
                    })?);
                }
                "application/sparql-update" => return Err(Refusal::new(403, READ_ONLY)),
                _ => {
                    return Err(Refusal::new(
                        415,
                        format!("cannot read a POST body of type {:?}: send application/sparql-query, or application/x-www-form-urlencoded with query=", content_type.unwrap_or("")),
                    ))
                }
            }
        }
        _ => {
            return Err(Refusal::new(
                405,
                format!("{method} is not supported: use GET or POST (kg serve is read-only)"),
            ))
        }
    }
    if params.iter().any(|(k, _)| k == "update") {
        return Err(Refusal::new(403, READ_ONLY));
    }
    let mut request = QueryRequest::default();
    let mut texts = body_query.into_iter().collect::<Vec<_>>();
    for (key, value) in params {
        match key.as_str() {
            "query" => texts.push(value),
            "default-graph-uri" => request.default_graphs.push(graph_iri(&key, &value)?),
            "named-graph-uri" => request.named_graphs.push(graph_iri(&key, &value)?),
            _ => {}
        }
    }
    match texts.len() {
        0 if path == "/" && method != "POST" => Ok(Operation::Page),
        0 => Err(Refusal::new(
            400,
            "no query: give it as query=... in the URL or a form body, or POST it as application/sparql-query",
        )),
        1 => {
            request.query = texts.remove(0);
            Ok(Operation::Query(request))
        }
        _ => Err(Refusal::new(400, "more than one query in the request: send one")),
    }
}

fn graph_iri(key: &str, value: &str) -> Result<NamedNode, Refusal> {
    NamedNode::new(value)
        .map_err(|e| Refusal::new(400, format!("{key}={value:?} is not an IRI: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(op: Result<Operation, Refusal>) -> QueryRequest {
        match op {
            Ok(Operation::Query(q)) => q,
            other => panic!("not a query: {other:?}"),
        }
    }

    fn status(op: Result<Operation, Refusal>) -> u16 {
        match op {
            Err(r) => r.status,
            Ok(other) => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn queries_come_from_the_url_a_form_or_the_body() {
        let q = query(operation("GET", "/query?query=ASK%20%7B%7D", None, b""));
        assert_eq!(q.query, "ASK {}");
        let q = query(operation(
            "POST",
            "/sparql",
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            b"query=SELECT+*+%7B%7D&default-graph-uri=http%3A%2F%2Fex.org%2Fg",
        ));
        assert_eq!(q.query, "SELECT * {}");
        assert_eq!(q.default_graphs[0].as_str(), "http://ex.org/g");
        let q = query(operation(
            "POST",
            "/query?named-graph-uri=http://ex.org/n",
            Some("application/sparql-query"),
            b"ASK {}",
        ));
        assert_eq!((q.query.as_str(), q.named_graphs.len()), ("ASK {}", 1));
    }

    #[test]
    fn the_page_is_the_root_without_a_query() {
        assert_eq!(operation("GET", "/", None, b""), Ok(Operation::Page));
        assert_eq!(status(operation("GET", "/query", None, b"")), 400);
    }

    #[test]
    fn refusals_carry_their_status() {
        assert_eq!(status(operation("POST", "/update", None, b"")), 403);
        assert_eq!(
            status(operation(
                "POST",
                "/query",
                Some("application/sparql-update"),
                b"CLEAR ALL"
            )),
            403
        );
        assert_eq!(
            status(operation(
                "POST",
                "/query",
                Some("application/x-www-form-urlencoded"),
                b"update=CLEAR+ALL"
            )),
            403
        );
        assert_eq!(status(operation("PUT", "/query", None, b"")), 405);
        assert_eq!(
            status(operation("POST", "/query", Some("text/plain"), b"x")),
            415
        );
        assert_eq!(status(operation("GET", "/elsewhere", None, b"")), 404);
        assert_eq!(
            status(operation("GET", "/query?query=a&query=b", None, b"")),
            400
        );
        assert_eq!(
            status(operation(
                "GET",
                "/query?query=ASK{}&default-graph-uri=not%20an%20iri",
                None,
                b""
            )),
            400
        );
    }
}
