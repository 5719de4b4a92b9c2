//! Writing query results: the standard SPARQL result formats, RDF formats for graphs, and an
//! aligned table for people at a terminal.

use crate::rdf::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;
use std::io::{self, Write};

/// How to write results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResultsFormat {
    /// An aligned text table, IRIs abbreviated with the known prefixes (SELECT, ASK).
    Table,
    /// A SPARQL results format (SELECT, ASK).
    Sparql(QueryResultsFormat),
    /// An RDF format (CONSTRUCT, DESCRIBE).
    Rdf(RdfFormat),
}

impl ResultsFormat {
    /// JSON-LD with no profile.
    pub fn json_ld() -> Self {
        Self::Rdf(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        })
    }
}

/// Why results could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResultsError {
    /// The format does not fit the kind of query.
    #[error("{0}")]
    Mismatch(String),
    /// Evaluating the query failed while results were streamed.
    #[error("query failed: {0}")]
    Evaluation(String),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes `results` to `out` in `format`. `graph_default` is used for CONSTRUCT/DESCRIBE when
/// `format` is a results format (the user asked for the default).
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), ResultsError> {
    match (results, format) {
        (QueryResults::Boolean(value), ResultsFormat::Table) => {
            writeln!(out, "{value}")?;
        }
        (QueryResults::Boolean(value), ResultsFormat::Sparql(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, value)?;
        }
        (QueryResults::Solutions(solutions), ResultsFormat::Table) => {
            let variables: Vec<String> =
                solutions.variables().iter().map(|v| v.as_str().to_owned()).collect();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution.map_err(|e| ResultsError::Evaluation(e.to_string()))?;
                rows.push(
                    solution
                        .values()
                        .iter()
                        .map(|t| t.as_ref().map(compact).unwrap_or_default())
                        .collect::<Vec<_>>(),
                );
            }
            write_table(out, &variables, &rows)?;
        }
        (QueryResults::Solutions(solutions), ResultsFormat::Sparql(f)) => {
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(out, solutions.variables().to_vec())?;
            for solution in solutions {
                let solution = solution.map_err(|e| ResultsError::Evaluation(e.to_string()))?;
                writer.serialize(&solution)?;
            }
            writer.finish()?;
        }
        (QueryResults::Graph(triples), ResultsFormat::Rdf(f)) => {
            let mut serializer = RdfSerializer::from_format(f);
            for (prefix, ns) in vocab::PREFIXES {
                serializer = serializer
                    .with_prefix(*prefix, *ns)
                    .map_err(|e| ResultsError::Mismatch(e.to_string()))?;
            }
            let mut writer = serializer.for_writer(out);
            for triple in triples {
                let triple = triple.map_err(|e| ResultsError::Evaluation(e.to_string()))?;
                writer.serialize_triple(&triple)?;
            }
            writer.finish()?;
        }
        (QueryResults::Graph(_), _) => {
            return Err(ResultsError::Mismatch(
                "a CONSTRUCT or DESCRIBE query returns a graph: use --format turtle, ntriples, nquads, trig or jsonld".to_owned(),
            ))
        }
        (_, ResultsFormat::Rdf(_)) => {
            return Err(ResultsError::Mismatch(
                "a SELECT or ASK query returns a table: use --format table, csv, tsv, json or xml"
                    .to_owned(),
            ))
        }
    }
    Ok(())
}

/// A term as a person reads it: prefixed names for known namespaces, plain literal values.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            vocab::PREFIXES
                .iter()
                .filter(|(_, ns)| iri.starts_with(ns))
                .max_by_key(|(_, ns)| ns.len())
                .map_or_else(
                    || format!("<{iri}>"),
                    |(p, ns)| format!("{p}:{}", &iri[ns.len()..]),
                )
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_table(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    const MAX_WIDTH: usize = 60;
    let clip = |s: &str| -> String {
        let one_line = s.replace(['\n', '\r', '\t'], " ");
        if one_line.chars().count() > MAX_WIDTH {
            let mut t: String = one_line.chars().take(MAX_WIDTH - 1).collect();
            t.push('\u{2026}');
            t
        } else {
            one_line
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clip(c)).collect())
        .collect();
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            cells
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain([h.chars().count() + 1])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut dyn Write, values: &mut dyn Iterator<Item = String>| -> io::Result<()> {
        let text: Vec<String> = values
            .zip(&widths)
            .map(|(v, w)| format!("{v}{}", " ".repeat(w.saturating_sub(v.chars().count()))))
            .collect();
        writeln!(out, "{}", text.join("  ").trim_end())
    };
    line(out, &mut header.iter().map(|h| format!("?{h}")))?;
    line(out, &mut widths.iter().map(|w| "-".repeat(*w)))?;
    for row in cells {
        line(out, &mut row.into_iter())?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}
