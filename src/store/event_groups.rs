//! Dated events across articles: one happening, one event.
//!
//! Articles tell one happening with other participants ("Tove Marlind visited Vilnius", "Tove
//! Marlind and Ansel Rook visited Vilnius") and other words ("acquired", "the acquisition").
//! Their attestations are one event when they tell the same kind of happening (the group of
//! their trigger's lemma) on the same date and are linked by shared participants: the events of
//! one kind and date are the connected components of "shares a person or an organization" among
//! their attestations. A place alone links nothing (many happenings share a capital), nor does a
//! body an article leaves unqualified ("the Senate", an entity of that article alone).
//!
//! The grouping is a function of the set of attestations, never of their order: whenever an
//! attestation arrives or leaves, the events it touches are dissolved and their attestations
//! grouped again from their claims; an event's IRI is made of its kind, date and attendees (the
//! union of its attestations'), its places are the union too, and its label the shortest of its
//! attestations' labels. Candidates are found through the facts graph's own indexes (events
//! attended by a participant, events of a date), never by a scan of all events.

use super::derivation::Derivation;
use super::{facts, names};
use crate::rdf::claims::{links_tellings, statement_key, DatedEvent, EventClaim};
use crate::rdf::{iri, vocab, Claim};
use oxigraph::model::{
    GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term,
};
use oxigraph::store::StorageError;
use rustc_hash::FxHashSet;
use std::collections::{BTreeMap, BTreeSet};

/// One attestation of a dated event, with its entities made canonical.
#[derive(Debug, Clone)]
struct Telling {
    attestation: NamedNode,
    attendees: Vec<NamedNode>,
    location: Option<NamedNode>,
    label: Option<String>,
    /// For a telling no participant links to others: the words of its sentence, or its
    /// attestation when they are too few to tell one happening (see [`statement_key`]).
    told: Option<String>,
}

impl Telling {
    /// The participants through which two tellings are one happening.
    fn anchors(&self) -> impl Iterator<Item = &NamedNode> {
        self.attendees.iter().filter(|a| links_tellings(a))
    }
}

/// Links `attestation`, a dated claim, to its event: joins it with the events of its kind and
/// date that share a participant with it (and what they share with others). Returns its event.
pub(crate) fn join(
    tx: &mut Derivation<'_, '_>,
    attestation: &NamedNode,
    dated: &DatedEvent,
    event: &EventClaim,
    canonical: impl Fn(&NamedNode) -> NamedNode,
) -> Result<NamedNode, StorageError> {
    let mut attendees: Vec<NamedNode> = event.attendees.iter().map(&canonical).collect();
    attendees.sort();
    attendees.dedup();
    let told = told(tx, attestation, &attendees)?;
    let telling = Telling {
        attestation: attestation.clone(),
        attendees,
        location: event.location.as_ref().map(&canonical),
        label: label_of(tx, attestation)?,
        told,
    };
    let events = regroup(tx, dated, vec![telling], BTreeSet::new())?;
    Ok(events
        .into_iter()
        .find(|(_, members)| members.contains(attestation))
        .map(|(event, _)| event)
        .unwrap_or_else(|| attestation.clone()))
}

/// Groups again the attestations `event` has left (after one or more left it): they may now
/// tell two happenings. An event left without attestations goes.
pub(crate) fn split(tx: &mut Derivation<'_, '_>, event: &NamedNode) -> Result<(), StorageError> {
    let Some(dated) = dated_event(tx, event)? else {
        return Ok(());
    };
    regroup(tx, &dated, Vec::new(), BTreeSet::from([event.clone()]))?;
    Ok(())
}

/// Whether `event` is a dated event (grouped here); its kind and date when it is.
pub(crate) fn dated_event(
    tx: &Derivation<'_, '_>,
    event: &NamedNode,
) -> Result<Option<DatedEvent>, StorageError> {
    let facts = iri::facts_graph();
    let facts = Some(GraphNameRef::NamedNode(facts.as_ref()));
    let Some(Term::Literal(date)) = first_object(tx, event, vocab::kg::TIMEX_VALUE, facts)? else {
        return Ok(None);
    };
    // The kind is the one of its attestations; an event without any goes with any kind.
    let group = group_of(tx, event)?.unwrap_or_default();
    Ok(Some(DatedEvent {
        group,
        date: date.value().to_owned(),
    }))
}

/// The tellings `seeds`, the attestations of `events`, and the attestations of every event of
/// the same kind and date they reach through shared participants, grouped into events and
/// written (only the triples that change). Returns each event with its attestations.
fn regroup(
    tx: &mut Derivation<'_, '_>,
    dated: &DatedEvent,
    seeds: Vec<Telling>,
    mut events: BTreeSet<NamedNode>,
) -> Result<Vec<(NamedNode, Vec<NamedNode>)>, StorageError> {
    let mut pool: BTreeMap<NamedNode, Telling> = BTreeMap::new();
    let mut to_read: Vec<NamedNode> = events.iter().cloned().collect();
    let mut looked_up: BTreeSet<NamedNode> = BTreeSet::new();
    let mut pending: Vec<Telling> = seeds;
    loop {
        // The attestations of the events met so far.
        for event in to_read.drain(..) {
            for attestation in facts::attestations(tx, &event)? {
                if !pool.contains_key(&attestation) {
                    if let Some(telling) = read_telling(tx, &attestation)? {
                        pending.push(telling);
                    }
                }
            }
        }
        if pending.is_empty() {
            break;
        }
        // The events their participants reach; an attestation without participants that link
        // reaches the one event of exactly its attendees (as every telling of it does).
        for telling in pending.drain(..) {
            let mut found = Vec::new();
            let mut linked = false;
            for anchor in telling.anchors() {
                linked = true;
                if looked_up.insert(anchor.clone()) {
                    found.extend(candidates(tx, dated, anchor)?);
                }
            }
            if !linked {
                let alone = dated
                    .fact(&telling.attendees, &[], telling.told.as_deref())
                    .iri;
                if is_dated_event(tx, &alone)? {
                    found.push(alone);
                }
            }
            for event in found {
                if events.insert(event.clone()) {
                    to_read.push(event);
                }
            }
            pool.insert(telling.attestation.clone(), telling);
        }
    }
    let groups = components(pool.into_values().collect());
    write(tx, dated, &events, &groups)
}

/// The events of `dated`'s kind and date that `anchor` attends. The events the participant
/// attends and the events of the date are read side by side until either list ends, so the
/// cost is that of the shorter list (a popular company's events, or a busy day's).
fn candidates(
    tx: &Derivation<'_, '_>,
    dated: &DatedEvent,
    anchor: &NamedNode,
) -> Result<Vec<NamedNode>, StorageError> {
    let facts = iri::facts_graph();
    let graph = GraphNameRef::NamedNode(facts.as_ref());
    let date = Literal::new_simple_literal(&dated.date);
    let (attended, of_date) = {
        let mut by_anchor = tx.quads_for_pattern(
            None,
            Some(vocab::schema::ATTENDEE),
            Some(anchor.as_ref().into()),
            Some(graph),
        );
        let mut by_date = tx.quads_for_pattern(
            None,
            Some(vocab::kg::TIMEX_VALUE),
            Some(date.as_ref().into()),
            Some(graph),
        );
        let (mut attended, mut of_date) = (Vec::new(), Vec::new());
        loop {
            match by_anchor.next() {
                None => break (Some(attended), None),
                Some(q) => attended.extend(subject(q?)),
            }
            match by_date.next() {
                None => break (None, Some(of_date)),
                Some(q) => of_date.extend(subject(q?)),
            }
        }
    };
    let (list, predicate, object): (Vec<NamedNode>, NamedNodeRef<'_>, Term) =
        match (attended, of_date) {
            (Some(list), _) => (list, vocab::kg::TIMEX_VALUE, date.into()),
            (_, Some(list)) => (list, vocab::schema::ATTENDEE, anchor.clone().into()),
            (None, None) => return Ok(Vec::new()),
        };
    let mut out = Vec::new();
    for event in list {
        if tx.contains(QuadRef::new(&event, predicate, &object, graph))?
            && group_of(tx, &event)?.as_deref() == Some(dated.group.as_str())
        {
            out.push(event);
        }
    }
    Ok(out)
}

fn subject(quad: Quad) -> Option<NamedNode> {
    match quad.subject {
        NamedOrBlankNode::NamedNode(n) => Some(n),
        _ => None,
    }
}

/// The kind of an event: the lemma group of its first attestation (all of them share it).
fn group_of(tx: &Derivation<'_, '_>, event: &NamedNode) -> Result<Option<String>, StorageError> {
    let facts = iri::facts_graph();
    let facts = Some(GraphNameRef::NamedNode(facts.as_ref()));
    let Some(Term::NamedNode(attestation)) =
        first_object(tx, event, vocab::kg::ATTESTATION, facts)?
    else {
        return Ok(None);
    };
    Ok(
        match first_object(tx, &attestation, vocab::kg::LEMMA, None)? {
            Some(Term::Literal(l)) => Some(crate::rdf::claims::lemma_group(l.value()).to_owned()),
            _ => None,
        },
    )
}

fn is_dated_event(tx: &Derivation<'_, '_>, event: &NamedNode) -> Result<bool, StorageError> {
    let facts = iri::facts_graph();
    let facts = Some(GraphNameRef::NamedNode(facts.as_ref()));
    Ok(first_object(tx, event, vocab::kg::TIMEX_VALUE, facts)?.is_some())
}

/// The first object of `predicate` on `subject` (in `graph`, or in any), if there is one.
fn first_object(
    tx: &Derivation<'_, '_>,
    subject: &NamedNode,
    predicate: NamedNodeRef<'_>,
    graph: Option<GraphNameRef<'_>>,
) -> Result<Option<Term>, StorageError> {
    let quad = tx
        .quads_for_pattern(Some(subject.as_ref().into()), Some(predicate), None, graph)
        .next()
        .transpose()?;
    Ok(quad.map(|q| q.object))
}

/// An attestation read back from its article's graph, its entities made canonical.
fn read_telling(
    tx: &Derivation<'_, '_>,
    attestation: &NamedNode,
) -> Result<Option<Telling>, StorageError> {
    let Some(Claim::Event(event)) = facts::read_claim(tx, attestation, None)? else {
        return Ok(None);
    };
    let mut canonical = |e: &NamedNode| -> Result<NamedNode, StorageError> {
        if names::short_surname(e).is_none() {
            return Ok(e.clone());
        }
        Ok(names::merged_into(tx, e)?.unwrap_or_else(|| e.clone()))
    };
    let mut attendees = Vec::with_capacity(event.attendees.len());
    for a in &event.attendees {
        attendees.push(canonical(a)?);
    }
    attendees.sort();
    attendees.dedup();
    let location = event.location.as_ref().map(&mut canonical).transpose()?;
    Ok(Some(Telling {
        attestation: attestation.clone(),
        told: told(tx, attestation, &attendees)?,
        attendees,
        location,
        label: label_of(tx, attestation)?,
    }))
}

/// What tells a happening apart when no participant links it to others: the words of its
/// sentence (a reprint tells the same one), else its attestation. `None` when a participant
/// links it. Read from the article's graph, so that every path to a telling agrees.
fn told(
    tx: &Derivation<'_, '_>,
    attestation: &NamedNode,
    attendees: &[NamedNode],
) -> Result<Option<String>, StorageError> {
    if attendees.iter().any(links_tellings) {
        return Ok(None);
    }
    let statement = facts::statement(tx, attestation)?;
    Ok(Some(
        statement
            .as_deref()
            .and_then(statement_key)
            .unwrap_or_else(|| attestation.as_str().to_owned()),
    ))
}

/// The label an article gives its telling of an event.
fn label_of(
    tx: &Derivation<'_, '_>,
    attestation: &NamedNode,
) -> Result<Option<String>, StorageError> {
    facts::first_literal(tx, attestation, vocab::rdfs::LABEL)
}

/// The connected components of "shares an anchor" among `tellings`; tellings without anchors
/// are one component per set of attendees and sentence (see [`Telling::told`]). Each component
/// in attestation order.
fn components(tellings: Vec<Telling>) -> Vec<Vec<Telling>> {
    let mut parent: Vec<usize> = (0..tellings.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first_of: BTreeMap<&NamedNode, usize> = BTreeMap::new();
    let mut first_of_set: BTreeMap<(&[NamedNode], Option<&str>), usize> = BTreeMap::new();
    for (i, telling) in tellings.iter().enumerate() {
        let mut linked = false;
        for anchor in telling.anchors() {
            linked = true;
            let j = *first_of.entry(anchor).or_insert(i);
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
        if !linked {
            let key = (telling.attendees.as_slice(), telling.told.as_deref());
            let j = *first_of_set.entry(key).or_insert(i);
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<Telling>> = BTreeMap::new();
    for (i, telling) in tellings.iter().enumerate() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(telling.clone());
    }
    groups.into_values().collect()
}

/// Replaces `old` events by `groups`: removes the triples no group keeps, inserts those the
/// store lacks.
fn write(
    tx: &mut Derivation<'_, '_>,
    dated: &DatedEvent,
    old: &BTreeSet<NamedNode>,
    groups: &[Vec<Telling>],
) -> Result<Vec<(NamedNode, Vec<NamedNode>)>, StorageError> {
    let facts = iri::facts_graph();
    let graph = GraphNameRef::NamedNode(facts.as_ref());
    let mut stored: FxHashSet<Quad> = FxHashSet::default();
    for event in old {
        for quad in tx.quads_for_pattern(Some(event.as_ref().into()), None, None, Some(graph)) {
            stored.insert(quad?);
        }
    }
    let mut wanted: FxHashSet<Quad> = FxHashSet::default();
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let attendees: BTreeSet<NamedNode> = group
            .iter()
            .flat_map(|t| t.attendees.iter().cloned())
            .collect();
        let locations: BTreeSet<NamedNode> =
            group.iter().filter_map(|t| t.location.clone()).collect();
        let attendees: Vec<NamedNode> = attendees.into_iter().collect();
        let locations: Vec<NamedNode> = locations.into_iter().collect();
        let told = group.first().and_then(|t| t.told.as_deref());
        let fact = dated.fact(&attendees, &locations, told);
        wanted.extend(fact.quads);
        let label = group
            .iter()
            .filter_map(|t| t.label.as_deref())
            .min_by_key(|l| (l.chars().count(), *l));
        if let Some(label) = label {
            wanted.insert(Quad::new(
                fact.iri.clone(),
                vocab::rdfs::LABEL.into_owned(),
                Literal::new_simple_literal(label),
                facts.clone(),
            ));
        }
        for t in group {
            wanted.insert(Quad::new(
                fact.iri.clone(),
                vocab::kg::ATTESTATION.into_owned(),
                t.attestation.clone(),
                facts.clone(),
            ));
        }
        out.push((
            fact.iri,
            group.iter().map(|t| t.attestation.clone()).collect(),
        ));
    }
    for quad in stored.difference(&wanted) {
        tx.remove(quad)?;
    }
    // A group's event may already be stored outside `old` (never when the store is
    // consistent): its triples are kept once, as `Derivation::insert` skips what is stored.
    tx.extend(wanted.difference(&stored))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn telling(attestation: &str, attendees: &[&str]) -> Telling {
        let mut attendees: Vec<NamedNode> = attendees.iter().map(|a| iri::entity(a)).collect();
        attendees.sort();
        Telling {
            attestation: iri::attestation(attestation, 'e', 0),
            attendees,
            location: None,
            label: None,
            told: None,
        }
    }

    fn told(attestation: &str, attendees: &[&str], words: &str) -> Telling {
        Telling {
            told: Some(words.to_owned()),
            ..telling(attestation, attendees)
        }
    }

    fn sizes(groups: &[Vec<Telling>]) -> Vec<usize> {
        let mut sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
        sizes.sort();
        sizes
    }

    #[test]
    fn tellings_sharing_a_person_or_organization_are_one_happening() {
        let groups = components(vec![
            telling("a", &["person/tove-marlind"]),
            telling("b", &["person/ansel-rook", "person/tove-marlind"]),
            telling("c", &["organization/orvane-holdings", "person/ansel-rook"]),
        ]);
        assert_eq!(sizes(&groups), [3], "linked through Marlind, then Rook");
    }

    #[test]
    fn places_and_unqualified_bodies_link_nothing() {
        let senate = |doc: &str| format!("organization/senate/in/{doc}");
        let groups = components(vec![
            telling("a", &["person/tove-marlind", "place/vilnius"]),
            telling("b", &["person/ansel-rook", "place/vilnius"]),
            telling("c", &[&senate("c")]),
            telling("d", &[&senate("d")]),
        ]);
        assert_eq!(sizes(&groups), [1, 1, 1, 1]);
        // Tellings without a person or organization are one only in the same words with the
        // same attendees.
        let said = "the port of vilnius reopened on monday after the storm";
        let groups = components(vec![
            told("a", &["place/vilnius"], said),
            told("b", &["place/vilnius"], said),
            told("c", &["place/vilnius"], "the port reopened on monday"),
            told("d", &[], said),
        ]);
        assert_eq!(sizes(&groups), [1, 1, 2]);
    }

    #[test]
    fn anchors_are_named_people_and_organizations() {
        assert!(links_tellings(&iri::entity("person/tove-marlind")));
        assert!(links_tellings(&iri::entity("organization/orvane-holdings")));
        assert!(!links_tellings(&iri::entity("place/vilnius")));
        assert!(!links_tellings(&iri::entity(
            "organization/senate/in/0123456789abcdef"
        )));
        assert!(!links_tellings(&iri::entity("organization/_")));
    }
}
