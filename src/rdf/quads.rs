//! Facts → quads. One function per part of the data model, all writing into the document's graph.

use super::iri;
use super::vocab::{kg, nif, org, prov, rdf, rdfs, schema, skos, xsd};
use crate::extract::{Entity, EntityKind, Event, Extraction, Membership, Qualifier};
use crate::text::CharIndex;
use crate::time::{TimeValue, XsdDateType};
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

/// Everything one document says, as quads in the document's named graph.
///
/// The entities' `rdfs:label` and `skos:altLabel` are not here: they are derived across all
/// documents (see [`entity_name_quads`]); here each entity gets `kg:preferredName` (this
/// document's candidate for its label) and `schema:name` for every form the document wrote.
pub fn document_quads(ex: &Extraction) -> Vec<Quad> {
    let doc = &ex.document;
    let doc_iri = iri::document(doc.id.as_str());
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(doc_iri.clone()),
        quads: Vec::new(),
    };
    let chars = CharIndex::new(&doc.text);

    w.add(&doc_iri, rdf::TYPE, schema::NEWS_ARTICLE);
    w.add_str(&doc_iri, kg::DOCUMENT_ID, doc.id.as_str());
    w.add_str(&doc_iri, kg::SOURCE, &doc.source);
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
    w.add_str(&doc_iri, nif::IS_STRING, &doc.text);

    let entity_iris: Vec<NamedNode> = ex.entities.iter().map(|e| iri::entity(&e.key)).collect();
    for (entity, e_iri) in ex.entities.iter().zip(&entity_iris) {
        entity_quads(&mut w, entity, e_iri);
    }

    let mut evidence = BTreeSet::new();
    for m in &ex.memberships {
        membership_quads(&mut w, ex, m, &entity_iris, &doc_iri, &chars);
        evidence.insert(m.sentence);
    }
    for e in &ex.events {
        event_quads(&mut w, ex, e, &entity_iris, &doc_iri, &chars);
        evidence.insert(e.sentence);
    }
    for index in evidence {
        let Some(sentence) = ex.sentences.get(index) else {
            continue;
        };
        let s_iri = iri::sentence(doc.id.as_str(), index);
        let (begin, end) = chars.span(sentence.span);
        w.add(&s_iri, rdf::TYPE, nif::SENTENCE);
        w.add(&s_iri, nif::REFERENCE_CONTEXT, doc_iri.clone());
        w.add_index(&s_iri, nif::BEGIN_INDEX, begin);
        w.add_index(&s_iri, nif::END_INDEX, end);
        w.add_str(&s_iri, nif::ANCHOR_OF, sentence.span.of(&doc.text));
    }
    w.quads
}

fn entity_quads(w: &mut GraphWriter, entity: &Entity, e_iri: &NamedNode) {
    let class = match entity.kind {
        EntityKind::Person => schema::PERSON,
        EntityKind::Organization => schema::ORGANIZATION,
        EntityKind::Place => schema::PLACE,
    };
    w.add(e_iri, rdf::TYPE, class);
    if let Some(sub) = &entity.class {
        if sub.chars().all(|c| c.is_ascii_alphanumeric()) && !sub.is_empty() {
            w.add(
                e_iri,
                rdf::TYPE,
                NamedNode::new_unchecked(format!("{}{sub}", schema::NS)),
            );
        }
    }
    w.add_str(e_iri, kg::PREFERRED_NAME, &entity.name);
    w.add_str(e_iri, schema::NAME, &entity.name);
    for alias in &entity.aliases {
        w.add_str(e_iri, schema::NAME, alias);
    }
}

/// Where a fact was read: its document, its sentence, and the phrase that states it.
fn provenance(
    w: &mut GraphWriter,
    ex: &Extraction,
    fact: &NamedNode,
    sentence: usize,
    span: crate::text::Span,
    doc_iri: &NamedNode,
    chars: &CharIndex,
) {
    let id = ex.document.id.as_str();
    w.add(fact, prov::WAS_DERIVED_FROM, doc_iri.clone());
    w.add(fact, kg::EVIDENCE, iri::sentence(id, sentence));
    let (begin, end) = chars.span(span);
    let phrase = NamedNode::new_unchecked(format!("{}/c{begin}-{end}", doc_iri.as_str()));
    w.add(fact, kg::SPAN, phrase.clone());
    w.add(&phrase, rdf::TYPE, nif::PHRASE);
    w.add(&phrase, nif::REFERENCE_CONTEXT, doc_iri.clone());
    w.add_index(&phrase, nif::BEGIN_INDEX, begin);
    w.add_index(&phrase, nif::END_INDEX, end);
    w.add_str(&phrase, nif::ANCHOR_OF, span.of(&ex.document.text));
}

/// The label of a role, in one canonical case so that "special envoy" and "Special Envoy" are one
/// role: title case except for short function words.
pub(crate) fn role_label(role: &str) -> String {
    const SMALL: &[&str] = &["of", "the", "for", "to", "and", "on", "in", "at", "a", "an"];
    role.split_whitespace()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else if word.chars().skip(1).any(char::is_uppercase) || word.contains('.') {
                word.to_owned() // an acronym or abbreviation: "CEO", "U.N."
            } else {
                let mut chars = lower.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn qualifier_text(q: &Qualifier) -> String {
    match q {
        Qualifier::Former => "former".to_owned(),
        Qualifier::Acting => "acting".to_owned(),
        Qualifier::Designate => "designate".to_owned(),
        // The period as the text wrote it: "during his first administration".
        Qualifier::During(period) => period.clone(),
    }
}

fn membership_quads(
    w: &mut GraphWriter,
    ex: &Extraction,
    m: &Membership,
    entity_iris: &[NamedNode],
    doc_iri: &NamedNode,
    chars: &CharIndex,
) {
    let (Some(person), Some(person_entity)) =
        (entity_iris.get(m.person), ex.entities.get(m.person))
    else {
        return;
    };
    let label = role_label(&m.role);
    let role_iri = iri::role(&label);
    let org = m
        .organization
        .and_then(|i| Some((entity_iris.get(i)?, ex.entities.get(i)?)));
    let qualifiers: Vec<String> = m.qualifiers.iter().map(qualifier_text).collect();
    let mut parts = vec![person_entity.key.as_str(), role_iri.as_str()];
    parts.push(org.map_or("", |(_, e)| e.key.as_str()));
    parts.extend(qualifiers.iter().map(String::as_str));
    let m_iri = iri::fact("membership", &parts);

    w.add(&m_iri, rdf::TYPE, org::MEMBERSHIP);
    w.add(&m_iri, org::MEMBER, person.clone());
    w.add(&m_iri, org::ROLE, role_iri.clone());
    if let Some((org_iri, _)) = org {
        w.add(&m_iri, org::ORGANIZATION, org_iri.clone());
    }
    for q in &qualifiers {
        w.add_str(&m_iri, kg::QUALIFIER, q);
    }
    w.add_str(&m_iri, kg::RULE, m.rule);
    w.add(&role_iri, rdf::TYPE, org::ROLE_CLASS);
    w.add_str(&role_iri, rdfs::LABEL, &label);
    provenance(w, ex, &m_iri, m.sentence, m.span, doc_iri, chars);
}

fn event_quads(
    w: &mut GraphWriter,
    ex: &Extraction,
    e: &Event,
    entity_iris: &[NamedNode],
    doc_iri: &NamedNode,
    chars: &CharIndex,
) {
    let range = e
        .date
        .as_deref()
        .and_then(TimeValue::parse)
        .and_then(|v| v.date_range());
    let mut participants: Vec<&str> = e
        .participants
        .iter()
        .filter_map(|&i| ex.entities.get(i).map(|p| p.key.as_str()))
        .collect();
    participants.sort_unstable();
    participants.dedup();
    // The same happening told by two documents: same trigger, same date, same participants.
    let ev_iri = match (&range, e.date.as_deref()) {
        (Some(_), Some(date)) => {
            let mut parts = vec![e.lemma.as_str(), date];
            parts.extend(participants.iter().copied());
            iri::fact("event", &parts)
        }
        _ => iri::fact(
            "event",
            &[ex.document.id.as_str(), &e.trigger_span.start.to_string()],
        ),
    };
    w.add(&ev_iri, rdf::TYPE, schema::EVENT);
    w.add_str(&ev_iri, rdfs::LABEL, &e.label);
    w.add_str(&ev_iri, kg::TRIGGER, &e.trigger);
    if let Some((start, end)) = range {
        w.add(
            &ev_iri,
            schema::START_DATE,
            xsd_literal(&start.lexical, start.datatype),
        );
        if let Some(end) = end {
            w.add(
                &ev_iri,
                schema::END_DATE,
                xsd_literal(&end.lexical, end.datatype),
            );
        }
    }
    if let Some(value) = &e.date {
        w.add_str(&ev_iri, kg::TIMEX_VALUE, value);
    }
    if let Some(timex) = e.timex.and_then(|i| ex.timexes.get(i)) {
        w.add_str(&ev_iri, kg::TIMEX_TEXT, &timex.text);
    }
    for &p in &e.participants {
        if let Some(p_iri) = entity_iris.get(p) {
            w.add(&ev_iri, schema::ATTENDEE, p_iri.clone());
        }
    }
    if let Some(place) = e.place.and_then(|i| entity_iris.get(i)) {
        w.add(&ev_iri, schema::LOCATION, place.clone());
    }
    provenance(w, ex, &ev_iri, e.sentence, e.span, doc_iri, chars);
}

fn xsd_literal(lexical: &str, datatype: XsdDateType) -> Literal {
    let dt = match datatype {
        XsdDateType::Date => xsd::DATE,
        XsdDateType::GYearMonth => xsd::G_YEAR_MONTH,
        XsdDateType::GYear => xsd::G_YEAR,
    };
    Literal::new_typed_literal(lexical, dt)
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

    #[test]
    fn role_labels_have_one_case() {
        assert_eq!(role_label("special envoy"), "Special Envoy");
        assert_eq!(role_label("Secretary of State"), "Secretary of State");
        assert_eq!(role_label("secretary OF the army"), "Secretary of the Army");
        assert_eq!(role_label("CEO"), "CEO");
    }
}
