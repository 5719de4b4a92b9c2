//! One document's graph as the store takes it in: its quads, and what ingest reads from them
//! (sources, fingerprint, namings, claims).
//!
//! Ingest works from these quads, never from the extraction directly, so that a document graph
//! that comes back as N-Quads (`kg extract --format nquads` on another machine: the map step)
//! is stored exactly as if it had been extracted here, and the entities and facts derived from
//! it are the same (the reduce step, `kg ingest --from-nquads`).

use super::names::Naming;
use super::StoreError;
use crate::extract::Extraction;
use crate::rdf::{document_quads, iri, vocab, Attested, Claim, GraphOptions, Namings};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeMap;
use std::io::Read;

/// The property of the data model before `kg:namings` that linked an article's naming node to
/// its entity: a graph that has it cannot be read as this model's (its namings would be lost).
pub(crate) const OLD_NAMING_LINK: &str = "https://kg.example.org/ns#denotes";

/// A document's named graph, ready to be ingested.
#[derive(Debug, Clone)]
pub struct DocumentGraph {
    /// The document's IRI, also its graph's name.
    pub(crate) iri: NamedNode,
    /// Where it was read from (`kg:source`; several when the same text came under several names).
    pub(crate) sources: Vec<Literal>,
    /// Its `kg:fingerprint`.
    pub(crate) fingerprint: Literal,
    /// Every quad of its graph.
    pub(crate) quads: Vec<Quad>,
    /// How it names each entity.
    pub(crate) namings: Vec<(NamedNode, Naming)>,
    /// The facts it states, in the order of its attestations.
    pub(crate) claims: Vec<Attested>,
}

impl DocumentGraph {
    /// The graph `kg ingest` stores for an extraction.
    pub fn from_extraction(
        extraction: &Extraction,
        options: GraphOptions,
    ) -> Result<Self, StoreError> {
        Self::from_quads(document_quads(extraction, options))
    }

    /// Reads a document graph back from its quads (all in one named graph under `doc/`).
    pub fn from_quads(quads: Vec<Quad>) -> Result<Self, StoreError> {
        let Some(first) = quads.first() else {
            return Err(StoreError::NotADocument("an empty graph".to_owned()));
        };
        let GraphName::NamedNode(doc) = &first.graph_name else {
            return Err(StoreError::NotADocument(
                "triples in the default graph".to_owned(),
            ));
        };
        let doc = doc.clone();
        if !is_document_graph(&doc) {
            return Err(StoreError::NotADocument(format!("<{}>", doc.as_str())));
        }
        // Triples by subject, in order of first appearance.
        let mut subjects: BTreeMap<&NamedNode, Vec<&Quad>> = BTreeMap::new();
        let mut order: Vec<&NamedNode> = Vec::new();
        let (mut sources, mut fingerprint) = (Vec::new(), None);
        for quad in &quads {
            if quad.graph_name != first.graph_name {
                return Err(StoreError::NotADocument(format!(
                    "<{}> mixed with <{}>",
                    doc.as_str(),
                    quad.graph_name
                )));
            }
            if quad.predicate.as_str() == OLD_NAMING_LINK {
                return Err(StoreError::NotADocument(format!(
                    "<{}> was written by an earlier kg (its namings are kg:Naming nodes, before \
                     kg:namings); extract the article again with this kg",
                    doc.as_str()
                )));
            }
            let NamedOrBlankNode::NamedNode(subject) = &quad.subject else {
                continue;
            };
            let entry = subjects.entry(subject).or_default();
            if entry.is_empty() {
                order.push(subject);
            }
            entry.push(quad);
            if *subject == doc {
                match (&quad.object, quad.predicate.as_ref()) {
                    (Term::Literal(l), p) if p == vocab::kg::SOURCE => sources.push(l.clone()),
                    (Term::Literal(l), p) if p == vocab::kg::FINGERPRINT => {
                        fingerprint = Some(l.clone())
                    }
                    _ => {}
                }
            }
        }
        let Some(fingerprint) = fingerprint else {
            return Err(StoreError::NotADocument(format!(
                "<{}> has no kg:fingerprint (an incomplete document graph)",
                doc.as_str()
            )));
        };
        if sources.is_empty() {
            return Err(StoreError::NotADocument(format!(
                "<{}> has no kg:source",
                doc.as_str()
            )));
        }
        let mut namings = Vec::new();
        let mut claims = Vec::new();
        for subject in order {
            let triples = &subjects[subject];
            if *subject == doc {
                let found = triples.iter().find_map(|q| match &q.object {
                    Term::Literal(l) if q.predicate.as_ref() == vocab::kg::NAMINGS => Some(l),
                    _ => None,
                });
                if let Some(literal) = found {
                    let read = Namings::from_literal(literal.value()).map_err(|e| {
                        StoreError::NotADocument(format!("<{}> has {e}", doc.as_str()))
                    })?;
                    namings = super::names::per_entity(&read).collect();
                }
                continue;
            }
            let is_attestation = triples.iter().any(|q| {
                q.predicate.as_ref() == vocab::rdf::TYPE
                    && q.object == Term::NamedNode(vocab::kg::ATTESTATION_CLASS.into_owned())
            });
            if is_attestation {
                if let Some(mut claim) =
                    Claim::decode(triples.iter().map(|q| (q.predicate.as_ref(), &q.object)))
                {
                    // An undated event is identified by the words of its evidence sentence.
                    if let Claim::Event(event) = &mut claim {
                        if event.date.is_none() {
                            event.statement = evidence_text(triples, &subjects);
                        }
                    }
                    claims.push(Attested {
                        attestation: subject.clone(),
                        claim,
                    });
                }
            }
        }
        Ok(Self {
            iri: doc,
            sources,
            fingerprint,
            quads,
            namings,
            claims,
        })
    }

    /// The document's IRI (its graph's name).
    pub fn iri(&self) -> &NamedNode {
        &self.iri
    }

    /// The first name it was read under (for messages).
    pub fn source(&self) -> &str {
        self.sources.first().map_or("", |s| s.value())
    }

    /// How many quads its graph holds.
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    /// True for a graph without quads (never built by [`Self::from_quads`]).
    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }
}

/// True for the name of a document graph (`doc/<id>`, not a sentence or attestation under it).
pub fn is_document_graph(graph: &NamedNode) -> bool {
    graph
        .as_str()
        .strip_prefix(vocab::DOC_NS)
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// True for the graphs kg derives from the document graphs (facts, entities) or writes itself
/// (ontology): a reduce step skips them, because it derives them again.
pub fn is_derived_graph(graph: &NamedNode) -> bool {
    *graph == iri::facts_graph()
        || *graph == iri::entities_graph()
        || graph.as_str() == vocab::ONTOLOGY_GRAPH
}

/// What [`read_document_graphs`] yields: a document graph, or the name of a derived graph it
/// skipped (once per run of its quads).
#[derive(Debug)]
pub enum ReadGraph {
    /// A document graph.
    Document(DocumentGraph),
    /// A graph kg derives again (facts, entities, ontology), skipped.
    Skipped(NamedNode),
}

/// Reads N-Quads (the output of `kg extract --format nquads`, or `kg dump --format nquads`) as
/// document graphs, one per run of consecutive quads in the same graph, without holding more
/// than one document in memory. Quads in other graphs (the default graph, user graphs) are an
/// error: they belong in `kg load`.
pub fn read_document_graphs<R: Read>(
    reader: R,
) -> impl Iterator<Item = Result<ReadGraph, StoreError>> {
    let mut quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_reader(reader)
        .peekable();
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let mut run: Vec<Quad> = Vec::new();
        loop {
            let next_graph = match quads.peek() {
                None => break,
                Some(Err(_)) => {
                    if !run.is_empty() {
                        break;
                    }
                    failed = true;
                    let error = quads.next().and_then(Result::err)?;
                    return Some(Err(StoreError::Parse(error.to_string())));
                }
                Some(Ok(q)) => q.graph_name.clone(),
            };
            if let Some(first) = run.first() {
                if first.graph_name != next_graph {
                    break;
                }
            }
            match quads.next() {
                Some(Ok(q)) => run.push(q),
                _ => break,
            }
        }
        let first = run.first()?;
        let result = match &first.graph_name {
            GraphName::NamedNode(g) if is_derived_graph(g) => Ok(ReadGraph::Skipped(g.clone())),
            GraphName::NamedNode(g) if is_document_graph(g) => {
                DocumentGraph::from_quads(run).map(ReadGraph::Document)
            }
            other => Err(StoreError::NotADocument(format!(
                "quads in {other}, which is not a document graph (load RDF of your own with kg load)"
            ))),
        };
        if result.is_err() {
            failed = true;
        }
        Some(result)
    })
}

/// The text (`nif:anchorOf`) of the sentence an attestation's `kg:evidence` points to, within
/// the same document graph.
fn evidence_text(
    attestation: &[&Quad],
    subjects: &BTreeMap<&NamedNode, Vec<&Quad>>,
) -> Option<String> {
    let sentence = attestation.iter().find_map(|q| match &q.object {
        Term::NamedNode(n) if q.predicate.as_ref() == vocab::kg::EVIDENCE => Some(n),
        _ => None,
    })?;
    subjects
        .get(sentence)?
        .iter()
        .find_map(|q| match &q.object {
            Term::Literal(text) if q.predicate.as_ref() == vocab::nif::ANCHOR_OF => {
                Some(text.value().to_owned())
            }
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn seed_like() -> Extraction {
        let text = "Talks resume\nFrench President Jean Dupont met officials in Paris on Tuesday.";
        let document = Document::new("example.txt", text).with_date(
            jiff::civil::date(2025, 11, 26),
            crate::text::DateOrigin::CommandLine,
        );
        crate::extract(document)
    }

    #[test]
    fn a_document_graph_read_back_from_nquads_is_the_one_extracted() {
        let extraction = seed_like();
        let direct = DocumentGraph::from_extraction(&extraction, GraphOptions::default()).unwrap();
        let text = crate::rdf::document_nquads(&extraction, GraphOptions::default());
        let read: Vec<_> = read_document_graphs(text.as_slice())
            .collect::<Result<_, _>>()
            .unwrap();
        let [ReadGraph::Document(back)] = read.as_slice() else {
            panic!("one document graph expected, got {read:?}");
        };
        assert_eq!(back.iri, direct.iri);
        assert_eq!(back.quads, direct.quads);
        assert_eq!(back.namings, direct.namings);
        assert_eq!(back.claims.len(), direct.claims.len());
        assert!(!back.namings.is_empty() && !back.claims.is_empty());
        assert_eq!(back.source(), "example.txt");
    }

    #[test]
    fn derived_graphs_are_skipped_and_other_graphs_refused() {
        let facts = "<https://kg.example.org/id/x> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" <https://kg.example.org/graph/facts> .\n";
        let read: Vec<_> = read_document_graphs(facts.as_bytes()).collect();
        assert!(matches!(read.as_slice(), [Ok(ReadGraph::Skipped(_))]));
        let default = "<http://e/a> <http://e/b> <http://e/c> .\n";
        let read: Vec<_> = read_document_graphs(default.as_bytes()).collect();
        assert!(matches!(
            read.as_slice(),
            [Err(StoreError::NotADocument(_))]
        ));
        // A document graph without its fingerprint is incomplete.
        let partial = "<https://kg.example.org/doc/abc> <https://kg.example.org/ns#source> \"a.txt\" <https://kg.example.org/doc/abc> .\n";
        let read: Vec<_> = read_document_graphs(partial.as_bytes()).collect();
        assert!(
            matches!(read.as_slice(), [Err(StoreError::NotADocument(m))] if m.contains("fingerprint"))
        );
        // A graph of the model before kg:namings is refused, not read without its namings.
        let d = "<https://kg.example.org/doc/abc>";
        let old = format!(
            "{d} <https://kg.example.org/ns#source> \"a.txt\" {d} .\n\
             {d} <https://kg.example.org/ns#fingerprint> \"f\" {d} .\n\
             <https://kg.example.org/doc/abc/about/place/x> <{OLD_NAMING_LINK}> \
             <https://kg.example.org/id/place/x> {d} .\n"
        );
        let read: Vec<_> = read_document_graphs(old.as_bytes()).collect();
        assert!(
            matches!(read.as_slice(), [Err(StoreError::NotADocument(m))] if m.contains("earlier kg"))
        );
        // A syntax error stops the reading with the parser's message.
        let read: Vec<_> = read_document_graphs("<oops".as_bytes()).collect();
        assert!(matches!(read.as_slice(), [Err(StoreError::Parse(_))]));
    }

    #[test]
    fn document_graph_names_are_told_apart() {
        let yes = NamedNode::new_unchecked(format!("{}abc", vocab::DOC_NS));
        let no = NamedNode::new_unchecked(format!("{}abc/s1", vocab::DOC_NS));
        assert!(is_document_graph(&yes));
        assert!(!is_document_graph(&no));
        assert!(!is_document_graph(&iri::facts_graph()));
        assert!(is_derived_graph(&iri::facts_graph()) && is_derived_graph(&iri::entities_graph()));
    }
}
