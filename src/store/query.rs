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
    /// The query uses a prefix that is neither predeclared nor declared by the query.
    #[error(
        "unknown prefix `{prefix}:` — declare it with PREFIX {prefix}: <…>, or use one of: {known}"
    )]
    UnknownPrefix {
        /// The prefix, without its colon.
        prefix: String,
        /// The predeclared prefixes.
        known: String,
    },
    /// The text is SPARQL Update, not a query.
    #[error("this is an update (INSERT, DELETE, LOAD, CLEAR…), not a query: use kg update")]
    IsUpdate,
    /// Nothing but whitespace and comments.
    #[error(
        "the query is empty: give SPARQL text, -f FILE.rq, or - to read it from standard input"
    )]
    Empty,
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
    run_with(store, query, evaluator())
}

fn run_with(
    store: &Store,
    query: &str,
    evaluator: SparqlEvaluator,
) -> Result<QueryResults<'static>, QueryError> {
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| parse_error(query, &e.to_string()))?;
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

/// Explains why `query` did not parse, in the user's terms: an empty query, an update, an
/// unknown prefix, or else the parser's message with a pointer.
pub(crate) fn parse_error(query: &str, message: &str) -> QueryError {
    let meaningful = query
        .lines()
        .map(|l| l.trim())
        .any(|l| !l.is_empty() && !l.starts_with('#'));
    if !meaningful {
        return QueryError::Empty;
    }
    // The parser's message does not always say "Prefix not found"; an undeclared prefix is an
    // error whatever it says, so it is named first.
    if let Some(prefix) = unknown_prefix(query) {
        return QueryError::UnknownPrefix {
            prefix,
            known: vocab::PREFIXES
                .iter()
                .map(|(p, _)| format!("{p}:"))
                .collect::<Vec<_>>()
                .join(" "),
        };
    }
    if super::update::parse_update(query).is_ok() {
        return QueryError::IsUpdate;
    }
    syntax_error(query, message)
}

/// The first prefix of a prefixed name (`foo:bar`) that neither kg nor the query declares.
/// IRIs, strings and comments are skipped.
fn unknown_prefix(query: &str) -> Option<String> {
    let mut cleaned = String::with_capacity(query.len());
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' if chars
                .peek()
                .is_some_and(|n| !n.is_whitespace() && *n != '=') =>
            {
                for n in chars.by_ref() {
                    if n == '>' {
                        break;
                    }
                }
                cleaned.push(' ');
            }
            '"' | '\'' => {
                let mut escaped = false;
                for n in chars.by_ref() {
                    if n == c && !escaped {
                        break;
                    }
                    escaped = n == '\\' && !escaped;
                }
                cleaned.push(' ');
            }
            '#' => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                cleaned.push('\n');
            }
            _ => cleaned.push(c),
        }
    }
    let words: Vec<&str> = cleaned
        .split(|c: char| c.is_whitespace() || "(){}[],;/|^!=*+".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let declared: Vec<&str> = words
        .windows(2)
        .filter(|w| w[0].eq_ignore_ascii_case("prefix"))
        .filter_map(|w| w[1].strip_suffix(':'))
        .collect();
    words.iter().find_map(|word| {
        let word = word.trim_start_matches(['?', '$']);
        let (prefix, _) = word.split_once(':')?;
        let valid = prefix
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.');
        let known = vocab::PREFIXES.iter().any(|(p, _)| *p == prefix) || declared.contains(&prefix);
        (valid && !known && !word.starts_with('_')).then(|| prefix.to_owned())
    })
}

/// Builds a syntax error pointing at the line and column the parser reported ("at 2:7").
pub(crate) fn syntax_error(query: &str, message: &str) -> QueryError {
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

    /// Runs a SPARQL query that stops, with an error from the results, once `token` is
    /// cancelled (by a timer: see `kg query --timeout`).
    pub fn query_cancellable(
        &self,
        query: &str,
        token: CancellationToken,
    ) -> Result<QueryResults<'static>, QueryError> {
        run_with(
            &self.store,
            query,
            evaluator().with_cancellation_token(token),
        )
    }

    /// Oxigraph's plan for `query`, as JSON: the operators it evaluates and, since the query is
    /// run to the end to fill them in, how many rows each produced and how long it took.
    pub fn explain(&self, query: &str, token: CancellationToken) -> Result<String, QueryError> {
        let mut prepared = evaluator()
            .with_cancellation_token(token)
            .parse_query(query)
            .map_err(|e| parse_error(query, &e.to_string()))?;
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        let (results, explanation) = prepared
            .on_store(&self.store)
            .compute_statistics()
            .explain();
        match results.map_err(|e| QueryError::Evaluation(e.to_string()))? {
            QueryResults::Solutions(solutions) => {
                for solution in solutions {
                    solution.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                }
            }
            QueryResults::Graph(triples) => {
                for triple in triples {
                    triple.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                }
            }
            QueryResults::Boolean(_) => {}
        }
        let mut json = Vec::new();
        explanation
            .write_in_json(&mut json)
            .map_err(|e| QueryError::Evaluation(e.to_string()))?;
        Ok(String::from_utf8_lossy(&json).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(query: &str) -> String {
        match KgStore::in_memory().unwrap().query(query) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{query} ran"),
        }
    }

    #[test]
    fn errors_say_what_is_wrong_in_the_users_terms() {
        let e = error("SELECT * { ?s foo:x ?o }");
        assert!(
            e.starts_with("unknown prefix `foo:` — declare it with PREFIX foo:"),
            "{e}"
        );
        assert!(e.contains("schema:"), "{e}");
        let e = error("PREFIX ex: <http://e/> SELECT * { ?s ex:x <http://a/b:c> ; bar:y \"a:b\" }");
        assert!(e.starts_with("unknown prefix `bar:`"), "{e}");
        assert!(error("INSERT DATA { <a:a> <a:b> <a:c> }").contains("use kg update"));
        assert!(error("  \n# nothing\n").starts_with("the query is empty"));
        assert!(error("SELECT ?x WHERE { ?x ").starts_with("invalid SPARQL"));
    }

    #[test]
    fn explain_gives_the_plan() {
        let store = KgStore::in_memory().unwrap();
        let plan = store
            .explain("SELECT * { ?s a owl:Class }", CancellationToken::new())
            .unwrap();
        assert!(plan.contains('{'), "{plan}");
    }
}
