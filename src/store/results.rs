//! Writing query results: the standard SPARQL result formats, RDF formats for graphs, and an
//! aligned table for people at a terminal.
//!
//! Every format ends with a newline (a shell prompt after `kg query` starts on its own line).
//! The table streams: column widths are taken from the first rows and fitted to the terminal,
//! and later rows are clipped to them, so a query with millions of rows prints at once and holds
//! only a screenful in memory.

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

/// Writes `results` to `out` in `format`, the table at most 100 columns wide.
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), ResultsError> {
    write_results_width(results, format, out, DEFAULT_TABLE_WIDTH)
}

/// The table's width when the terminal's is unknown.
pub const DEFAULT_TABLE_WIDTH: usize = 100;

/// Rows read before the table's column widths are fixed.
const TABLE_SAMPLE_ROWS: usize = 200;

/// Writes `results` to `out` in `format`, the table fitted to `width` columns (the terminal's).
pub fn write_results_width(
    results: QueryResults<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
    width: usize,
) -> Result<(), ResultsError> {
    let mut out = LastByte {
        inner: out,
        last: None,
    };
    write_unterminated(results, format, &mut out, width)?;
    if out.last.is_some_and(|b| b != b'\n') {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A writer that remembers the last byte written through it.
struct LastByte<'a> {
    inner: &'a mut dyn Write,
    last: Option<u8>,
}

impl Write for LastByte<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn write_unterminated(
    results: QueryResults<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
    width: usize,
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
            let rows = solutions.map(|solution| {
                solution
                    .map(|s| {
                        s.values()
                            .iter()
                            .map(|t| t.as_ref().map(compact).unwrap_or_default())
                            .collect::<Vec<_>>()
                    })
                    .map_err(|e| ResultsError::Evaluation(e.to_string()))
            });
            write_table(out, &variables, rows, width)?;
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

/// Fits column widths (content widths, at least the header's) into `width`: the widest
/// columns give way first, none below 8 characters.
fn fit_widths(mut widths: Vec<usize>, width: usize) -> Vec<usize> {
    let gaps = 2 * widths.len().saturating_sub(1);
    while widths.iter().sum::<usize>() + gaps > width {
        let Some((i, &widest)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else {
            break;
        };
        if widest <= 8 {
            break;
        }
        widths[i] = widest - 1;
    }
    widths
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() > width {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('\u{2026}');
        t
    } else {
        s.to_owned()
    }
}

fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: impl Iterator<Item = Result<Vec<String>, ResultsError>>,
    width: usize,
) -> Result<(), ResultsError> {
    let mut rows = rows.peekable();
    let mut sample = Vec::new();
    while sample.len() < TABLE_SAMPLE_ROWS {
        match rows.next() {
            Some(row) => sample.push(row?.iter().map(|c| one_line(c)).collect::<Vec<_>>()),
            None => break,
        }
    }
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            sample
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .chain([h.chars().count() + 1])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let widths = fit_widths(widths, width);
    let line = |out: &mut dyn Write, values: &mut dyn Iterator<Item = String>| -> io::Result<()> {
        let text: Vec<String> = values
            .zip(&widths)
            .map(|(v, w)| {
                let v = clip(&v, *w);
                let pad = w.saturating_sub(v.chars().count());
                format!("{v}{}", " ".repeat(pad))
            })
            .collect();
        writeln!(out, "{}", text.join("  ").trim_end())
    };
    line(out, &mut header.iter().map(|h| format!("?{h}")))?;
    line(out, &mut widths.iter().map(|w| "-".repeat(*w)))?;
    let mut count = 0usize;
    for row in sample {
        count += 1;
        line(out, &mut row.into_iter())?;
    }
    for row in rows {
        count += 1;
        line(out, &mut row?.iter().map(|c| one_line(c)))?;
    }
    writeln!(out, "({count} row{})", if count == 1 { "" } else { "s" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_fits_the_width_and_streams() {
        let rows = (0..1000).map(|i| Ok(vec![format!("{i}"), "x".repeat(300)]));
        let mut out = Vec::new();
        write_table(&mut out, &["n".to_owned(), "long".to_owned()], rows, 80).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(text.ends_with("(1000 rows)\n"));
        assert!(text.contains("xxxx\u{2026}"));
    }

    #[test]
    fn every_format_ends_with_a_newline() {
        let store = crate::KgStore::in_memory().unwrap();
        for format in [
            ResultsFormat::Sparql(QueryResultsFormat::Json),
            ResultsFormat::Sparql(QueryResultsFormat::Xml),
            ResultsFormat::Sparql(QueryResultsFormat::Csv),
            ResultsFormat::Table,
        ] {
            for query in ["ASK {}", "SELECT * { ?s a owl:Class } LIMIT 2"] {
                let mut out = Vec::new();
                write_results(store.query(query).unwrap(), format, &mut out).unwrap();
                assert_eq!(out.last(), Some(&b'\n'), "{format:?} {query}");
            }
        }
        let mut out = Vec::new();
        let graph = store
            .query("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 2")
            .unwrap();
        write_results(graph, ResultsFormat::json_ld(), &mut out).unwrap();
        assert_eq!(out.last(), Some(&b'\n'));
    }
}
