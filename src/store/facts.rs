//! The facts graph: each membership and event once, linked to every article that states it.
//!
//! A fact is derived from a claim (see [`crate::rdf::claims`]) with every entity replaced by its
//! canonical entity. Linking adds the fact's triples (idempotent: a second article stating it
//! adds only its `kg:attestation`); unlinking removes the link, and the fact's triples go with
//! its last attestation (a role node with its last membership). An event's `rdfs:label` is the
//! shortest of its attestations' labels (then code point order), so it does not depend on which
//! article came first. Dated events are grouped across articles by shared participants
//! ([`super::event_groups`]): linking or unlinking one of their attestations regroups the events
//! it touches.

use super::derivation::Derivation;
use super::{event_groups, names};
use crate::rdf::{iri, vocab, Claim};
use oxigraph::model::{
    GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, QuadRef, Term,
};
use oxigraph::store::StorageError;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Reads back the claim an attestation states (in `graph`, or wherever it is).
pub(crate) fn read_claim(
    tx: &Derivation<'_, '_>,
    attestation: &NamedNode,
    graph: Option<GraphNameRef<'_>>,
) -> Result<Option<Claim>, StorageError> {
    let triples: Vec<Quad> = tx
        .quads_for_pattern(Some(attestation.as_ref().into()), None, None, graph)
        .collect::<Result<_, _>>()?;
    let mut claim = Claim::decode(triples.iter().map(|q| (q.predicate.as_ref(), &q.object)));
    // An event told by no participant that links articles is identified by the words of its
    // sentence, which the attestation reaches through its evidence.
    if let Some(Claim::Event(event)) = &mut claim {
        event.statement = evidence_text(tx, &triples)?;
    }
    Ok(claim)
}

/// The sentence an attestation's `kg:evidence` points to, as written.
pub(crate) fn statement(
    tx: &Derivation<'_, '_>,
    attestation: &NamedNode,
) -> Result<Option<String>, StorageError> {
    let triples: Vec<Quad> = tx
        .quads_for_pattern(
            Some(attestation.as_ref().into()),
            Some(vocab::kg::EVIDENCE),
            None,
            None,
        )
        .collect::<Result<_, _>>()?;
    evidence_text(tx, &triples)
}

/// The text of the sentence an attestation's `kg:evidence` points to.
fn evidence_text(
    tx: &Derivation<'_, '_>,
    triples: &[Quad],
) -> Result<Option<String>, StorageError> {
    let Some(sentence) = triples.iter().find_map(|q| match &q.object {
        Term::NamedNode(n) if q.predicate.as_ref() == vocab::kg::EVIDENCE => Some(n.clone()),
        _ => None,
    }) else {
        return Ok(None);
    };
    first_literal(tx, &sentence, vocab::nif::ANCHOR_OF)
}

/// The value of the first literal `subject` has for `predicate`, in any graph.
pub(crate) fn first_literal(
    tx: &Derivation<'_, '_>,
    subject: &NamedNode,
    predicate: NamedNodeRef<'_>,
) -> Result<Option<String>, StorageError> {
    for quad in tx.quads_for_pattern(Some(subject.as_ref().into()), Some(predicate), None, None) {
        if let Term::Literal(text) = quad?.object {
            return Ok(Some(text.value().to_owned()));
        }
    }
    Ok(None)
}

/// Links `attestation` to the fact its claim states under `canonical` identities. Returns the
/// fact's IRI.
///
/// Most facts an archive states are already there (a second article stating them): only the
/// triples the store lacks are inserted ([`Derivation::insert`] skips the others), since every
/// insert, even of a quad already stored, is six index writes that RocksDB must later flush and
/// compact.
pub(crate) fn link(
    tx: &mut Derivation<'_, '_>,
    attestation: &NamedNode,
    claim: &Claim,
    canonical: impl Fn(&NamedNode) -> NamedNode,
) -> Result<NamedNode, StorageError> {
    if let Claim::Event(event) = claim {
        if let Some(dated) = event.dated() {
            return event_groups::join(tx, attestation, &dated, event, canonical);
        }
    }
    let fact = claim.fact(attestation, canonical);
    tx.extend(&fact.quads)?;
    let graph = iri::facts_graph();
    tx.insert(QuadRef::new(
        &fact.iri,
        vocab::kg::ATTESTATION,
        attestation,
        GraphNameRef::NamedNode(graph.as_ref()),
    ))?;
    Ok(fact.iri)
}

/// Removes `attestation`'s links; returns the facts it was linked to.
pub(crate) fn unlink(
    tx: &mut Derivation<'_, '_>,
    attestation: &NamedNode,
) -> Result<Vec<NamedNode>, StorageError> {
    let graph = iri::facts_graph();
    let links: Vec<Quad> = tx
        .quads_for_pattern(
            None,
            Some(vocab::kg::ATTESTATION),
            Some(attestation.as_ref().into()),
            Some(GraphNameRef::NamedNode(graph.as_ref())),
        )
        .collect::<Result<_, _>>()?;
    let mut facts = Vec::new();
    for quad in links {
        tx.remove(&quad)?;
        if let NamedOrBlankNode::NamedNode(f) = quad.subject {
            facts.push(f);
        }
    }
    Ok(facts)
}

fn subject_quads(
    tx: &Derivation<'_, '_>,
    subject: &NamedNode,
    predicate: Option<oxigraph::model::NamedNodeRef<'_>>,
) -> Result<Vec<Quad>, StorageError> {
    let graph = iri::facts_graph();
    tx.quads_for_pattern(
        Some(subject.as_ref().into()),
        predicate,
        None,
        Some(GraphNameRef::NamedNode(graph.as_ref())),
    )
    .collect()
}

/// The attestations of a fact.
pub(crate) fn attestations(
    tx: &Derivation<'_, '_>,
    fact: &NamedNode,
) -> Result<Vec<NamedNode>, StorageError> {
    Ok(subject_quads(tx, fact, Some(vocab::kg::ATTESTATION))?
        .into_iter()
        .filter_map(|q| match q.object {
            Term::NamedNode(n) => Some(n),
            _ => None,
        })
        .collect())
}

/// Settles the facts whose attestations changed: `lost` lost one or more, `gained` maps each
/// fact that gained some to the attestations it gained. A fact left without attestations goes
/// (and a role left without membership). A fact that lost one is rebuilt from those that remain,
/// so that what it says is always the union of what its attestations state (a dated event's
/// places, say), never a leftover of an article that is gone. Events get their label again.
pub(crate) fn settle(
    tx: &mut Derivation<'_, '_>,
    lost: &BTreeSet<NamedNode>,
    gained: &BTreeMap<NamedNode, Vec<NamedNode>>,
) -> Result<(), StorageError> {
    let mut roles = BTreeSet::new();
    for fact in lost {
        settle_lost(tx, fact, &mut roles)?;
    }
    for (fact, arrived) in gained.iter().filter(|(f, _)| !lost.contains(*f)) {
        settle_gained(tx, fact, arrived)?;
    }
    let graph = iri::facts_graph();
    for role in roles {
        let used = tx
            .quads_for_pattern(
                None,
                Some(vocab::org::ROLE),
                Some(role.as_ref().into()),
                Some(GraphNameRef::NamedNode(graph.as_ref())),
            )
            .next()
            .is_some();
        if !used {
            for quad in subject_quads(tx, &role, None)? {
                tx.remove(&quad)?;
            }
        }
    }
    Ok(())
}

/// A fact that lost attestations: removed with its last one, otherwise rebuilt from the rest.
fn settle_lost(
    tx: &mut Derivation<'_, '_>,
    fact: &NamedNode,
    roles: &mut BTreeSet<NamedNode>,
) -> Result<(), StorageError> {
    if event_groups::dated_event(tx, fact)?.is_some() {
        return event_groups::split(tx, fact);
    }
    let attested = attestations(tx, fact)?;
    let own = subject_quads(tx, fact, None)?;
    if attested.is_empty() {
        for quad in &own {
            if quad.predicate.as_ref() == vocab::org::ROLE {
                if let Term::NamedNode(role) = &quad.object {
                    roles.insert(role.clone());
                }
            }
            tx.remove(quad)?;
        }
        return Ok(());
    }
    for quad in own
        .iter()
        .filter(|q| q.predicate.as_ref() != vocab::kg::ATTESTATION)
    {
        tx.remove(quad)?;
    }
    let mut canonical: FxHashMap<NamedNode, NamedNode> = FxHashMap::default();
    for a in &attested {
        let Some(claim) = read_claim(tx, a, None)? else {
            continue;
        };
        for entity in claim.entities() {
            if !canonical.contains_key(entity) {
                let target = names::merged_into(tx, entity)?.unwrap_or_else(|| entity.clone());
                canonical.insert(entity.clone(), target);
            }
        }
        let rebuilt = claim.fact(a, |e| {
            canonical.get(e).cloned().unwrap_or_else(|| e.clone())
        });
        if rebuilt.iri == *fact {
            tx.extend(&rebuilt.quads)?;
        }
    }
    if is_event(tx, fact)? {
        // The label went with the fact's other triples: the best of those that remain.
        relabel(tx, fact, None, &attested)?;
    }
    Ok(())
}

/// A fact that only gained attestations: an event's label is the better of its label and the
/// new attestations' labels (its label already being the best of the older ones), so a fact
/// that many articles state is not read in full again for each batch that adds one.
fn settle_gained(
    tx: &mut Derivation<'_, '_>,
    fact: &NamedNode,
    arrived: &[NamedNode],
) -> Result<(), StorageError> {
    if !is_event(tx, fact)? {
        return Ok(());
    }
    let current: Vec<Quad> = subject_quads(tx, fact, Some(vocab::rdfs::LABEL))?;
    let label = match current.as_slice() {
        [only] => match &only.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        },
        // No label yet (a new event), or several (never written so): from the arrivals alone
        // for a new event; from every attestation otherwise.
        [] => None,
        _ => return relabel(tx, fact, None, &attestations(tx, fact)?),
    };
    relabel(tx, fact, label, arrived)
}

/// Whether `fact` is an event.
fn is_event(tx: &Derivation<'_, '_>, fact: &NamedNode) -> Result<bool, StorageError> {
    let graph = iri::facts_graph();
    tx.contains(QuadRef::new(
        fact,
        vocab::rdf::TYPE,
        vocab::schema::EVENT,
        GraphNameRef::NamedNode(graph.as_ref()),
    ))
}

/// Gives event `fact` the shortest label (then code point order) among `current` and the
/// labels of `attestations`; writes only when it changes.
fn relabel(
    tx: &mut Derivation<'_, '_>,
    fact: &NamedNode,
    current: Option<String>,
    attestations: &[NamedNode],
) -> Result<(), StorageError> {
    let mut best = current.clone();
    for a in attestations {
        for quad in tx.quads_for_pattern(
            Some(a.as_ref().into()),
            Some(vocab::rdfs::LABEL),
            None,
            None,
        ) {
            if let Term::Literal(l) = quad?.object {
                let label = l.value();
                let better = best.as_ref().map_or(true, |b| {
                    (label.chars().count(), label) < (b.chars().count(), b.as_str())
                });
                if better {
                    best = Some(label.to_owned());
                }
            }
        }
    }
    if best == current {
        return Ok(());
    }
    let graph = iri::facts_graph();
    for quad in subject_quads(tx, fact, Some(vocab::rdfs::LABEL))? {
        tx.remove(&quad)?;
    }
    if let Some(label) = best {
        tx.insert(QuadRef::new(
            fact,
            vocab::rdfs::LABEL,
            &oxigraph::model::Literal::new_simple_literal(label),
            GraphNameRef::NamedNode(graph.as_ref()),
        ))?;
    }
    Ok(())
}
