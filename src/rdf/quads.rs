//! An extraction → the quads of its document's graph; an entity's derived names → quads of the
//! entities graph.

use super::claims::{claims, Claim};
use super::iri;
use super::namings::Namings;
use super::vocab::{kg, nif, prov, rdf, rdfs, schema, skos, xsd};
use crate::extract::{Entity, EntityKind, Extraction};
use crate::text::CharIndex;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeSet;

/// Collects quads for one graph.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::from(s.clone()),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    fn add_str(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn add_index(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(value.to_string(), xsd::NON_NEGATIVE_INTEGER),
        );
    }
}

/// Bumped whenever the extractor's output for the same input changes, so that re-ingesting
/// after an upgrade refreshes old documents instead of calling them unchanged.
const EXTRACTOR_VERSION: &str = "5";

/// What identifies one version of a document: its text (through its id), its metadata, the
/// extractor version, the ontology and the user's own lexicons (`--lexicon`).
pub fn fingerprint(ex: &Extraction, options: GraphOptions) -> String {
    let doc = &ex.document;
    let date = doc
        .published
        .map(|p| format!("{}/{}", p.date, p.origin.as_str()));
    let ontology = crate::store::ONTOLOGY_TTL.len().to_string();
    let mut parts = vec![
        doc.id.as_str(),
        date.as_deref().unwrap_or(""),
        doc.url.as_deref().unwrap_or(""),
        doc.title.as_deref().unwrap_or(""),
        EXTRACTOR_VERSION,
        ontology.as_str(),
    ];
    // Only when there are user lexicons: without, fingerprints stay what they were.
    if let Some(lexicons) = crate::extract::user_lexicon::fingerprint() {
        parts.push(lexicons);
    }
    // Ingesting again with or without --keep-text rewrites the article with or without it.
    if options.keep_text {
        parts.push("keep-text");
    }
    iri::short_hash(&parts)
}

/// What goes into a document's graph besides what it states.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GraphOptions {
    /// Store the article's whole text (`nif:isString` on the article). Without it the graph
    /// holds the sentences facts were read from (`nif:anchorOf`), the headline and where the
    /// article was read from (`kg:source`): every fact stays traceable to its words, and the
    /// store is 15% smaller (30 MB of news: 147 MB against 174 MB with the text).
    pub keep_text: bool,
}

/// Everything one document says, as quads in the document's named graph (`kg extract --format
/// nquads` prints exactly these; `kg ingest` stores them).
///
/// Every subject is the document's own (`doc/<id>`, `doc/<id>/s3`, `doc/<id>/m0`), so no
/// triple is in two documents' graphs and the union of all graphs is a set. What the document
/// says about shared things is in its *claims*: a `schema:mentions` per entity it names, with
/// one `kg:namings` literal saying how (the names it writes, its preferred one, the class it
/// gives: see [`super::namings`]), and a
/// `kg:Attestation` per membership or event (see [`super::claims`]). The facts and the entities'
/// labels are derived from the claims of all documents by the store.
pub fn document_quads(ex: &Extraction, options: GraphOptions) -> Vec<Quad> {
    let doc = &ex.document;
    let id = doc.id.as_str();
    let doc_iri = iri::document(id);
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(doc_iri.clone()),
        quads: Vec::new(),
    };
    let chars = CharIndex::new(&doc.text);

    w.add(&doc_iri, rdf::TYPE, schema::NEWS_ARTICLE);
    w.add_str(&doc_iri, kg::DOCUMENT_ID, id);
    w.add_str(&doc_iri, kg::SOURCE, &doc.source);
    w.add_str(&doc_iri, kg::FINGERPRINT, &fingerprint(ex, options));
    if let Some(title) = &doc.title {
        w.add_str(&doc_iri, schema::HEADLINE, title);
    }
    if let Some(published) = doc.published {
        w.add(
            &doc_iri,
            schema::DATE_PUBLISHED,
            Literal::new_typed_literal(published.date.to_string(), xsd::DATE),
        );
        w.add_str(
            &doc_iri,
            kg::DATE_PUBLISHED_SOURCE,
            published.origin.as_str(),
        );
    }
    if let Some(url) = &doc.url {
        w.add_str(&doc_iri, schema::URL, url);
    }
    if options.keep_text {
        w.add_str(&doc_iri, nif::IS_STRING, &doc.text);
    }

    let namings = Namings::from_entities(&ex.entities);
    for (entity, _) in namings.iter() {
        w.add(&doc_iri, schema::MENTIONS, entity);
    }
    if !namings.is_empty() {
        w.add(&doc_iri, kg::NAMINGS, namings.to_literal());
    }

    let attested = claims(ex);
    let mut sentences = BTreeSet::new();
    let mut phrases = BTreeSet::new();
    let mut sentence_phrases = BTreeSet::new();
    for a in &attested {
        w.quads.extend(a.quads(&w.graph));
        let (sentence, span, rule, event) = match &a.claim {
            Claim::Membership(_) => {
                let Some(m) = index_of(&a.attestation).and_then(|i| ex.memberships.get(i)) else {
                    continue;
                };
                (m.sentence, m.span, m.rule, None)
            }
            Claim::Event(_) => {
                let Some(e) = index_of(&a.attestation).and_then(|i| ex.events.get(i)) else {
                    continue;
                };
                (e.sentence, e.span, "event", Some(e))
            }
        };
        let att = &a.attestation;
        w.add(att, prov::WAS_DERIVED_FROM, doc_iri.clone());
        w.add(att, kg::EVIDENCE, iri::sentence(id, sentence));
        w.add_str(att, kg::RULE, rule);
        let (begin, end) = chars.span(span);
        // A fact stated by a whole sentence points to the sentence's node, typed a phrase too,
        // rather than to a second node with the same offsets and text (two facts in five on
        // news: five quads each, six index entries per quad).
        let whole = ex.sentences.get(sentence).map(|s| chars.span(s.span)) == Some((begin, end));
        let span_node = if whole {
            sentence_phrases.insert(sentence);
            iri::sentence(id, sentence)
        } else {
            let phrase = iri::phrase(id, begin, end);
            if phrases.insert((begin, end)) {
                w.add(&phrase, rdf::TYPE, nif::PHRASE);
                w.add(&phrase, nif::REFERENCE_CONTEXT, doc_iri.clone());
                w.add_index(&phrase, nif::BEGIN_INDEX, begin);
                w.add_index(&phrase, nif::END_INDEX, end);
                w.add_str(&phrase, nif::ANCHOR_OF, span.of(&doc.text));
            }
            phrase
        };
        w.add(att, kg::SPAN, span_node);
        sentences.insert(sentence);
        if let Some(e) = event {
            w.add_str(att, rdfs::LABEL, &e.label);
            w.add_str(att, kg::TRIGGER, &e.trigger);
            if let Some(timex) = e.timex.and_then(|i| ex.timexes.get(i)) {
                w.add_str(att, kg::TIMEX_TEXT, &timex.text);
            }
        }
    }
    for index in sentences {
        let Some(sentence) = ex.sentences.get(index) else {
            continue;
        };
        let s_iri = iri::sentence(id, index);
        let (begin, end) = chars.span(sentence.span);
        w.add(&s_iri, rdf::TYPE, nif::SENTENCE);
        if sentence_phrases.contains(&index) {
            w.add(&s_iri, rdf::TYPE, nif::PHRASE);
        }
        w.add(&s_iri, nif::REFERENCE_CONTEXT, doc_iri.clone());
        w.add_index(&s_iri, nif::BEGIN_INDEX, begin);
        w.add_index(&s_iri, nif::END_INDEX, end);
        w.add_str(&s_iri, nif::ANCHOR_OF, sentence.span.of(&doc.text));
    }
    w.quads
}

/// [`document_quads`] as N-Quads text, one quad per line (what `kg extract --format nquads`
/// prints for one article).
pub fn document_nquads(ex: &Extraction, options: GraphOptions) -> Vec<u8> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for quad in document_quads(ex, options) {
        // Writing into a Vec cannot fail.
        let _ = serializer.serialize_quad(&quad);
    }
    serializer.finish().unwrap_or_default()
}

/// The position of an attestation in its extraction's list (`.../m3` → 3).
fn index_of(attestation: &NamedNode) -> Option<usize> {
    let tail = attestation.as_str().rsplit('/').next()?;
    tail.get(1..)?.parse().ok()
}

/// The classes of an entity: its kind, and a schema.org subclass when the lexicon gives one.
pub fn entity_classes(entity: &Entity) -> Vec<NamedNode> {
    let class = match entity.kind {
        EntityKind::Person => schema::PERSON,
        EntityKind::Organization => schema::ORGANIZATION,
        EntityKind::Place => schema::PLACE,
    };
    let mut out = vec![class.into_owned()];
    if let Some(sub) = &entity.class {
        if sub.chars().all(|c| c.is_ascii_alphanumeric()) && !sub.is_empty() {
            out.push(NamedNode::new_unchecked(format!("{}{sub}", schema::NS)));
        }
    }
    out
}

/// The derived names of one entity, for the entities graph: its one `rdfs:label` and a
/// `skos:altLabel` for every other name.
pub fn entity_name_quads(entity: &NamedNode, label: &str, aliases: &BTreeSet<String>) -> Vec<Quad> {
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(iri::entities_graph()),
        quads: Vec::new(),
    };
    w.add_str(entity, rdfs::LABEL, label);
    for alias in aliases.iter().filter(|a| a.as_str() != label) {
        w.add_str(entity, skos::ALT_LABEL, alias);
    }
    w.quads
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;
    use std::collections::BTreeMap;

    fn quads_of(text: &str) -> Vec<Quad> {
        let document = Document::new("example.txt", text).with_date(
            jiff::civil::date(2025, 3, 12),
            crate::text::DateOrigin::CommandLine,
        );
        document_quads(&crate::extract(document), GraphOptions::default())
    }

    /// The objects of `predicate` per subject.
    fn objects(quads: &[Quad], predicate: NamedNodeRef<'_>) -> BTreeMap<String, Vec<Term>> {
        let mut out: BTreeMap<String, Vec<Term>> = BTreeMap::new();
        for q in quads.iter().filter(|q| q.predicate.as_ref() == predicate) {
            out.entry(q.subject.to_string())
                .or_default()
                .push(q.object.clone());
        }
        out
    }

    /// Every span is described once (type, offsets, text), whether it is the sentence itself or
    /// a phrase inside it, and no two nodes have the same offsets.
    fn check_spans(quads: &[Quad]) -> (usize, usize) {
        let types = objects(quads, rdf::TYPE);
        let begins = objects(quads, nif::BEGIN_INDEX);
        let ends = objects(quads, nif::END_INDEX);
        let anchors = objects(quads, nif::ANCHOR_OF);
        let mut offsets = BTreeSet::new();
        for (node, b) in &begins {
            let key = format!("{}-{}", b[0], ends[node][0]);
            assert!(offsets.insert(key), "{node} repeats offsets");
        }
        let (mut whole, mut inner) = (0, 0);
        for spans in objects(quads, kg::SPAN).values() {
            let Term::NamedNode(span) = &spans[0] else {
                panic!("a span is a node");
            };
            let key = Term::from(span.clone()).to_string();
            let is = |class: NamedNodeRef<'_>| types[&key].contains(&class.into_owned().into());
            assert!(is(nif::PHRASE), "{key} is a phrase");
            assert_eq!(anchors[&key].len(), 1, "{key} has its text once");
            if is(nif::SENTENCE) {
                whole += 1;
            } else {
                inner += 1;
            }
        }
        (whole, inner)
    }

    #[test]
    fn a_fact_that_takes_its_whole_sentence_points_to_the_sentence() {
        let quads = quads_of(
            "Visit\n\nForeign Minister Tove Marlind visited Vilnius on Monday to discuss grain.\n",
        );
        let (whole, _) = check_spans(&quads);
        assert!(
            whole >= 1,
            "the visit is stated by its whole sentence: {quads:#?}"
        );
    }

    #[test]
    fn a_fact_inside_a_longer_sentence_has_a_phrase_of_its_own() {
        let quads = quads_of(
            "Board news\n\nThe board met for three hours on Tuesday before Acme Corp chairman \
             Ola Brandt told reporters that the plant in Tulsa would stay open.\n",
        );
        let (_, inner) = check_spans(&quads);
        assert!(
            inner >= 1,
            "the membership is a phrase of its sentence: {quads:#?}"
        );
    }
}
