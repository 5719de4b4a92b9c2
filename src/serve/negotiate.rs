//! Content negotiation: which result format a client's `Accept` header asks for.
//!
//! The SPARQL 1.1 Protocol leaves the format to HTTP negotiation. A query's kind is known only
//! once it runs (a table for SELECT and ASK, a graph for CONSTRUCT and DESCRIBE), so each kind has
//! its own list of offers, in the server's order of preference; a client asking for `*/*` or
//! sending no `Accept` gets the first (SPARQL JSON results, Turtle).

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// The media types offered for tables (SELECT, ASK), best first.
pub(crate) const TABLE_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
    ("application/json", QueryResultsFormat::Json),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
];

/// The media types offered for graphs (CONSTRUCT, DESCRIBE), best first.
pub(crate) fn graph_offers() -> [(&'static str, RdfFormat); 6] {
    [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/n-quads", RdfFormat::NQuads),
        ("application/trig", RdfFormat::TriG),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ),
        ("application/rdf+xml", RdfFormat::RdfXml),
    ]
}

/// One media range of an `Accept` header with its weight.
#[derive(Debug, PartialEq)]
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

fn parse_accept(header: &str) -> Vec<Range> {
    header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            let mut q = 1.0f32;
            for param in parts {
                if let Some((name, value)) = param.split_once('=') {
                    if name.trim().eq_ignore_ascii_case("q") {
                        q = value.trim().parse().unwrap_or(0.0);
                    }
                }
            }
            Some(Range {
                kind: kind.trim().to_owned(),
                subtype: subtype.trim().to_owned(),
                q,
            })
        })
        .collect()
}

/// The weight `ranges` give to `media` (the most specific matching range decides), or `None`.
fn weight(ranges: &[Range], media: &str) -> Option<f32> {
    let (kind, subtype) = media.split_once('/')?;
    ranges
        .iter()
        .filter_map(|r| {
            let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
                (k, s) if k == kind && s == subtype => 2,
                (k, "*") if k == kind => 1,
                ("*", "*") => 0,
                _ => return None,
            };
            Some((specificity, r.q))
        })
        .max_by_key(|(specificity, _)| *specificity)
        .map(|(_, q)| q)
}

/// Picks from `offers` (best first) what `accept` prefers; `None` when it accepts none of them.
pub(crate) fn choose<T: Copy>(
    accept: Option<&str>,
    offers: &[(&'static str, T)],
) -> Option<(&'static str, T)> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offers.first().copied();
    };
    let ranges = parse_accept(accept);
    let mut best: Option<(f32, (&'static str, T))> = None;
    for offer in offers {
        if let Some(q) = weight(&ranges, offer.0).filter(|q| *q > 0.0) {
            if !matches!(&best, Some((b, _)) if *b >= q) {
                best = Some((q, *offer));
            }
        }
    }
    best.map(|(_, offer)| offer)
}

/// The offers as a person reads them, for a 406 answer.
pub(crate) fn list<T>(offers: &[(&'static str, T)]) -> String {
    offers
        .iter()
        .map(|(media, _)| *media)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(accept: Option<&str>) -> Option<&'static str> {
        choose(accept, TABLE_OFFERS).map(|(m, _)| m)
    }

    #[test]
    fn tables_follow_the_accept_header() {
        let cases = [
            (None, Some("application/sparql-results+json")),
            (Some(""), Some("application/sparql-results+json")),
            (Some("*/*"), Some("application/sparql-results+json")),
            (Some("text/csv"), Some("text/csv")),
            (
                Some("text/tab-separated-values"),
                Some("text/tab-separated-values"),
            ),
            (
                Some("application/sparql-results+xml"),
                Some("application/sparql-results+xml"),
            ),
            (Some("TEXT/CSV; charset=utf-8"), Some("text/csv")),
            (
                Some("text/csv;q=0.5, application/sparql-results+xml"),
                Some("application/sparql-results+xml"),
            ),
            (Some("text/*"), Some("text/csv")),
            (
                Some("text/html,application/xhtml+xml,*/*;q=0.8"),
                Some("application/sparql-results+json"),
            ),
            (Some("image/png"), None),
            (Some("text/csv;q=0"), None),
            (
                Some("*/*, text/csv;q=0"),
                Some("application/sparql-results+json"),
            ),
        ];
        for (accept, expected) in cases {
            assert_eq!(table(accept), expected, "Accept: {accept:?}");
        }
    }

    #[test]
    fn graphs_follow_the_accept_header() {
        let offers = graph_offers();
        let pick = |accept: &str| choose(Some(accept), &offers).map(|(m, _)| m);
        assert_eq!(pick("*/*"), Some("text/turtle"));
        assert_eq!(pick("application/n-triples"), Some("application/n-triples"));
        assert_eq!(pick("application/ld+json"), Some("application/ld+json"));
        assert_eq!(pick("application/rdf+xml"), Some("application/rdf+xml"));
        assert_eq!(
            pick("application/trig, text/turtle;q=0.9"),
            Some("application/trig")
        );
        assert_eq!(pick("application/sparql-results+json"), None);
    }
}
