//! What one article states, and the facts those statements add up to.
//!
//! An article's graph holds its *claims*: each membership or event it states is an attestation
//! node (`doc/<id>/m3`, `doc/<id>/e0`) carrying the sentence, the phrase, the rule and what was
//! stated, with the entities as the article names them (`id/person/putin` for an article that
//! only ever writes "Putin"). The *facts* are derived from the claims of all articles: a fact's
//! IRI is a hash of what it states with every entity replaced by its canonical entity (see the
//! store's identity step), so that three articles stating one membership give one
//! `org:Membership` with three `kg:attestation`s, whatever order they arrived in.
//!
//! A claim is written by [`Attested::quads`] and read back by [`Claim::decode`]; both live here
//! so that the two cannot drift apart.

use super::iri;
use super::vocab::{kg, org, rdf, rdfs, schema, xsd};
use crate::extract::{Extraction, Qualifier};
use crate::time::{TimeValue, XsdDateType};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::HashMap;
use std::sync::LazyLock;

/// One article's statement of a membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipClaim {
    /// The member, as the article names it.
    pub member: NamedNode,
    /// The role (`id/role/secretary-of-state`).
    pub role: NamedNode,
    /// The role's label ("Secretary of State").
    pub role_label: String,
    /// The organization, as the article names it.
    pub organization: Option<NamedNode>,
    /// "former", "acting", "designate", or a period as written.
    pub qualifiers: Vec<String>,
}

/// One article's statement of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventClaim {
    /// The trigger's lemma ("visit").
    pub lemma: String,
    /// The TIMEX3 value of its date, when it has one.
    pub date: Option<String>,
    /// Participants, as the article names them.
    pub attendees: Vec<NamedNode>,
    /// Where it happened, as the article names it.
    pub location: Option<NamedNode>,
    /// The sentence that states it, as written. Not part of the claim's own triples (it is the
    /// text of the attestation's `kg:evidence`): an undated event is identified by it, because
    /// the same sentence naming the same participants in two articles (a wire story reprinted,
    /// a background paragraph reused) tells one happening, while a different sentence may tell
    /// another ("it filed with the SEC" is said of many filings).
    pub statement: Option<String>,
}

/// What an attestation states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// A person holds a role (in an organization).
    Membership(MembershipClaim),
    /// Something happened (on a date).
    Event(EventClaim),
}

/// A claim with the attestation node that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attested {
    /// `doc/<id>/m3`, `doc/<id>/e0`.
    pub attestation: NamedNode,
    /// What it states.
    pub claim: Claim,
}

/// A fact derived from a claim: its IRI and its own triples (in the facts graph).
#[derive(Debug, Clone)]
pub struct Fact {
    /// `id/membership/<hash>`, `id/event/<hash>`.
    pub iri: NamedNode,
    /// The fact's triples (type, member, role, dates, ...), and the role node's for a membership.
    pub quads: Vec<Quad>,
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

/// The claims of an extraction, in order: memberships (`m0`, `m1`, ...), then events.
pub fn claims(ex: &Extraction) -> Vec<Attested> {
    let id = ex.document.id.as_str();
    let entity = |i: usize| ex.entities.get(i).map(|e| iri::entity(&e.key));
    let mut out = Vec::with_capacity(ex.memberships.len() + ex.events.len());
    for (i, m) in ex.memberships.iter().enumerate() {
        let Some(member) = entity(m.person) else {
            continue;
        };
        let label = role_label(&m.role);
        out.push(Attested {
            attestation: iri::attestation(id, 'm', i),
            claim: Claim::Membership(MembershipClaim {
                member,
                role: iri::role(&label),
                role_label: label,
                organization: m.organization.and_then(entity),
                qualifiers: m.qualifiers.iter().map(qualifier_text).collect(),
            }),
        });
    }
    for (i, e) in ex.events.iter().enumerate() {
        let mut attendees: Vec<NamedNode> =
            e.participants.iter().filter_map(|&p| entity(p)).collect();
        attendees.sort();
        attendees.dedup();
        out.push(Attested {
            attestation: iri::attestation(id, 'e', i),
            claim: Claim::Event(EventClaim {
                lemma: e.lemma.clone(),
                date: e.date.clone(),
                attendees,
                location: e.place.and_then(entity),
                statement: ex
                    .sentences
                    .get(e.sentence)
                    .map(|s| s.span.of(&ex.document.text).to_owned()),
            }),
        });
    }
    out
}

impl Attested {
    /// The claim's own triples on its attestation node (provenance is added by the caller).
    pub fn quads(&self, graph: &GraphName) -> Vec<Quad> {
        let a = &self.attestation;
        let mut out = Vec::new();
        let mut add = |p: NamedNodeRef<'_>, o: Term| {
            out.push(Quad::new(a.clone(), p.into_owned(), o, graph.clone()));
        };
        add(rdf::TYPE, kg::ATTESTATION_CLASS.into_owned().into());
        match &self.claim {
            Claim::Membership(m) => {
                add(kg::STATED_MEMBER, m.member.clone().into());
                add(kg::STATED_ROLE, m.role.clone().into());
                add(
                    kg::ROLE_LABEL,
                    Literal::new_simple_literal(&m.role_label).into(),
                );
                if let Some(o) = &m.organization {
                    add(kg::STATED_ORGANIZATION, o.clone().into());
                }
                for q in &m.qualifiers {
                    add(kg::QUALIFIER, Literal::new_simple_literal(q).into());
                }
            }
            Claim::Event(e) => {
                add(kg::LEMMA, Literal::new_simple_literal(&e.lemma).into());
                if let Some(date) = &e.date {
                    add(kg::TIMEX_VALUE, Literal::new_simple_literal(date).into());
                }
                for p in &e.attendees {
                    add(kg::STATED_ATTENDEE, p.clone().into());
                }
                if let Some(l) = &e.location {
                    add(kg::STATED_LOCATION, l.clone().into());
                }
            }
        }
        out
    }
}

impl Claim {
    /// Reads a claim back from its attestation's triples (predicate, object). `None` when they
    /// state no claim (not an attestation, or written by a newer `kg`).
    pub fn decode<'a>(
        triples: impl IntoIterator<Item = (NamedNodeRef<'a>, &'a Term)>,
    ) -> Option<Self> {
        let (mut member, mut role, mut role_label, mut organization) = (None, None, None, None);
        let (mut lemma, mut date, mut location) = (None, None, None);
        let (mut qualifiers, mut attendees) = (Vec::new(), Vec::new());
        for (p, o) in triples {
            let node = || match o {
                Term::NamedNode(n) => Some(n.clone()),
                _ => None,
            };
            let text = || match o {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            };
            if p == kg::STATED_MEMBER {
                member = node();
            } else if p == kg::STATED_ROLE {
                role = node();
            } else if p == kg::ROLE_LABEL {
                role_label = text();
            } else if p == kg::STATED_ORGANIZATION {
                organization = node();
            } else if p == kg::QUALIFIER {
                qualifiers.extend(text());
            } else if p == kg::LEMMA {
                lemma = text();
            } else if p == kg::TIMEX_VALUE {
                date = text();
            } else if p == kg::STATED_ATTENDEE {
                attendees.extend(node());
            } else if p == kg::STATED_LOCATION {
                location = node();
            }
        }
        qualifiers.sort();
        attendees.sort();
        if let (Some(member), Some(role), Some(role_label)) = (member, role, role_label) {
            return Some(Self::Membership(MembershipClaim {
                member,
                role,
                role_label,
                organization,
                qualifiers,
            }));
        }
        Some(Self::Event(EventClaim {
            lemma: lemma?,
            date,
            attendees,
            location,
            statement: None,
        }))
    }

    /// Every entity the claim names (as the article names them).
    pub fn entities(&self) -> Vec<&NamedNode> {
        match self {
            Self::Membership(m) => std::iter::once(&m.member)
                .chain(m.organization.as_ref())
                .collect(),
            Self::Event(e) => e.attendees.iter().chain(e.location.as_ref()).collect(),
        }
    }

    /// The fact this claim states once every entity is replaced by its canonical entity
    /// (`canonical` returns the entity itself when it is canonical). `attestation` names undated
    /// events, which are one per article.
    pub fn fact(
        &self,
        attestation: &NamedNode,
        canonical: impl Fn(&NamedNode) -> NamedNode,
    ) -> Fact {
        let graph = GraphName::NamedNode(iri::facts_graph());
        let mut quads = Vec::new();
        let mut add = |s: &NamedNode, p: NamedNodeRef<'_>, o: Term| {
            quads.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
        };
        match self {
            Self::Membership(m) => {
                let member = canonical(&m.member);
                let organization = m.organization.as_ref().map(&canonical);
                let mut qualifiers = m.qualifiers.clone();
                qualifiers.sort();
                let mut parts = vec![iri::entity_key(&member), m.role.as_str()];
                parts.push(organization.as_ref().map_or("", iri::entity_key));
                parts.extend(qualifiers.iter().map(String::as_str));
                let fact = iri::fact("membership", &parts);
                add(&fact, rdf::TYPE, org::MEMBERSHIP.into_owned().into());
                add(&fact, org::MEMBER, member.into());
                add(&fact, org::ROLE, m.role.clone().into());
                if let Some(o) = organization {
                    add(&fact, org::ORGANIZATION, o.into());
                }
                for q in qualifiers {
                    add(&fact, kg::QUALIFIER, Literal::new_simple_literal(q).into());
                }
                add(&m.role, rdf::TYPE, org::ROLE_CLASS.into_owned().into());
                add(
                    &m.role,
                    rdfs::LABEL,
                    Literal::new_simple_literal(&m.role_label).into(),
                );
                Fact { iri: fact, quads }
            }
            Self::Event(e) => {
                let mut attendees: Vec<NamedNode> = e.attendees.iter().map(&canonical).collect();
                attendees.sort();
                attendees.dedup();
                let location = e.location.as_ref().map(&canonical);
                // A dated event alone (the store joins it with the events of other articles
                // that share a participant: `store::event_groups`).
                if let Some(dated) = e.dated() {
                    let told = (!attendees.iter().any(links_tellings)).then(|| {
                        e.statement
                            .as_deref()
                            .and_then(statement_key)
                            .unwrap_or_else(|| attestation.as_str().to_owned())
                    });
                    return dated.fact(&attendees, location.as_slice(), told.as_deref());
                }
                // An undated event told in the same words (see `statement`) by several articles
                // is one; otherwise it is one article's, named by its attestation. Both ways
                // also by who took part, so that a change of identity gives another node; a
                // body the article leaves unqualified ("the Senate", one entity per article)
                // counts by its name, since one sentence names one body wherever it is printed.
                let statement = e.statement.as_deref().and_then(statement_key);
                let mut parts = match (&statement, attendees.is_empty()) {
                    (Some(key), false) => {
                        let mut parts = vec![e.lemma.as_str(), key.as_str()];
                        parts.extend(attendees.iter().map(unscoped_key));
                        parts
                    }
                    _ => {
                        let mut parts = vec![attestation.as_str()];
                        parts.extend(attendees.iter().map(iri::entity_key));
                        parts
                    }
                };
                parts.extend(location.as_ref().map(iri::entity_key));
                let fact = iri::fact("event", &parts);
                add(&fact, rdf::TYPE, schema::EVENT.into_owned().into());
                for p in attendees {
                    add(&fact, schema::ATTENDEE, p.into());
                }
                if let Some(l) = location {
                    add(&fact, schema::LOCATION, l.into());
                }
                Fact { iri: fact, quads }
            }
        }
    }
}

/// What makes a dated event one happening: the kind of happening (the group of its trigger's
/// lemma, see [`lemma_group`]) and its date as a TIMEX3 value with a calendar range.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DatedEvent {
    /// The first lemma of the trigger's group ("acquire" for "acquisition").
    pub group: String,
    /// The TIMEX3 value ("2024-03-04", "1987-03").
    pub date: String,
}

impl EventClaim {
    /// The dated happening this claim tells, when its date has a calendar range.
    pub fn dated(&self) -> Option<DatedEvent> {
        let date = self.date.as_deref()?;
        TimeValue::parse(date)?.date_range()?;
        Some(DatedEvent {
            group: lemma_group(&self.lemma).to_owned(),
            date: date.to_owned(),
        })
    }
}

impl DatedEvent {
    /// The event of this kind and date attended by `attendees` (canonical, sorted, without
    /// repeats) at `locations`: its IRI is made of what it is, never of who told it first.
    /// `told` is for an event no participant links across articles (see [`links_tellings`]):
    /// the words of its sentence (see [`statement_key`]) or its one attestation.
    pub fn fact(
        &self,
        attendees: &[NamedNode],
        locations: &[NamedNode],
        told: Option<&str>,
    ) -> Fact {
        let mut parts = vec![self.group.as_str(), self.date.as_str()];
        parts.extend(told);
        parts.extend(attendees.iter().map(iri::entity_key));
        let fact = iri::fact("event", &parts);
        let graph = GraphName::NamedNode(iri::facts_graph());
        let mut quads = Vec::new();
        let mut add = |p: NamedNodeRef<'_>, o: Term| {
            quads.push(Quad::new(fact.clone(), p.into_owned(), o, graph.clone()));
        };
        add(rdf::TYPE, schema::EVENT.into_owned().into());
        if let Some((start, end)) = TimeValue::parse(&self.date).and_then(|v| v.date_range()) {
            add(
                schema::START_DATE,
                xsd_literal(&start.lexical, start.datatype).into(),
            );
            if let Some(end) = end {
                add(
                    schema::END_DATE,
                    xsd_literal(&end.lexical, end.datatype).into(),
                );
            }
        }
        add(
            kg::TIMEX_VALUE,
            Literal::new_simple_literal(&self.date).into(),
        );
        for p in attendees {
            add(schema::ATTENDEE, p.clone().into());
        }
        for l in locations {
            add(schema::LOCATION, l.clone().into());
        }
        Fact { iri: fact, quads }
    }
}

/// The groups of trigger lemmas that tell one kind of happening (`ontology/lexicon/
/// event_synonyms.tsv`): "acquisition" → "acquire". A lemma in no group is its own.
pub fn lemma_group(lemma: &str) -> &str {
    static SOURCE: &str = include_str!("../../ontology/lexicon/event_synonyms.tsv");
    static GROUPS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        let mut groups = HashMap::new();
        for line in SOURCE.lines().filter(|l| !l.starts_with('#')) {
            let mut lemmas = line.split('\t').map(str::trim).filter(|l| !l.is_empty());
            if let Some(first) = lemmas.next() {
                groups.extend(lemmas.map(|l| (l, first)));
            }
        }
        groups
    });
    GROUPS.get(lemma).copied().unwrap_or(lemma)
}

/// Whether a participant can link two articles' tellings of a dated happening: a person or an
/// organization with a name of its own (not a body scoped to one article, not a name without
/// letters). A place cannot: many happenings of a day share a capital.
pub fn links_tellings(entity: &NamedNode) -> bool {
    let key = iri::entity_key(entity);
    (key.starts_with("person/") || key.starts_with("organization/"))
        && !key.contains("/in/")
        && !key.ends_with("/_")
}

/// An entity's key with an article's scope left out: "organization/senate" for the Senate one
/// article names bare (`organization/senate/in/<article>`).
fn unscoped_key(entity: &NamedNode) -> &str {
    let key = iri::entity_key(entity);
    key.find("/in/").map_or(key, |i| &key[..i])
}

/// The words of a sentence that identifies an undated event: case and spacing folded, so that a
/// reprint with other line breaks is the same statement. `None` for sentences too short to tell
/// one happening from another (a headline such as "Offerings filed with the SEC" recurs weekly).
pub(crate) fn statement_key(sentence: &str) -> Option<String> {
    const MIN_WORDS: usize = 8;
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    (words.len() >= MIN_WORDS).then(|| words.join(" "))
}

fn xsd_literal(lexical: &str, datatype: XsdDateType) -> Literal {
    let dt = match datatype {
        XsdDateType::Date => xsd::DATE,
        XsdDateType::GYearMonth => xsd::G_YEAR_MONTH,
        XsdDateType::GYear => xsd::G_YEAR,
    };
    Literal::new_typed_literal(lexical, dt)
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

    fn round_trip(claim: Claim) {
        let attested = Attested {
            attestation: iri::attestation("0123456789abcdef", 'm', 0),
            claim,
        };
        let quads = attested.quads(&GraphName::DefaultGraph);
        let decoded = Claim::decode(quads.iter().map(|q| (q.predicate.as_ref(), &q.object)));
        assert_eq!(decoded.as_ref(), Some(&attested.claim));
    }

    #[test]
    fn claims_read_back_as_written() {
        round_trip(Claim::Membership(MembershipClaim {
            member: iri::entity("person/ana-torres"),
            role: iri::role("Foreign Minister"),
            role_label: "Foreign Minister".into(),
            organization: Some(iri::entity("place/chile")),
            qualifiers: vec!["former".into()],
        }));
        round_trip(Claim::Event(EventClaim {
            lemma: "visit".into(),
            date: Some("2025-11-25".into()),
            attendees: vec![iri::entity("person/ana-torres"), iri::entity("person/li")],
            location: None,
            statement: None,
        }));
    }

    fn undated(attendees: &[&str], statement: &str) -> Claim {
        Claim::Event(EventClaim {
            lemma: "acquire".into(),
            date: None,
            attendees: attendees.iter().map(|a| iri::entity(a)).collect(),
            location: None,
            statement: Some(statement.into()),
        })
    }

    #[test]
    fn an_undated_event_reprinted_in_the_same_words_is_one() {
        let (a, b) = (
            iri::attestation("aaaaaaaaaaaaaaaa", 'e', 0),
            iri::attestation("bbbbbbbbbbbbbbbb", 'e', 3),
        );
        let said = "Orvane Holdings has acquired a 12 pct stake in Telmis Corp, it said.";
        let reprint = "Orvane Holdings has acquired a 12 pct stake\nin  Telmis Corp, it said.";
        let one = |n: &NamedNode| n.clone();
        let people = ["organization/orvane-holdings"];
        assert_eq!(
            undated(&people, said).fact(&a, one).iri,
            undated(&people, reprint).fact(&b, one).iri
        );
        // Another sentence, other participants, no participants, or a short headline: two.
        let other = "Orvane Holdings has acquired a 15 pct stake in Telmis Corp, it said.";
        assert_ne!(
            undated(&people, said).fact(&a, one).iri,
            undated(&people, other).fact(&b, one).iri
        );
        assert_ne!(
            undated(&people, said).fact(&a, one).iri,
            undated(&["organization/telmis-corp"], said)
                .fact(&b, one)
                .iri
        );
        assert_ne!(
            undated(&[], said).fact(&a, one).iri,
            undated(&[], said).fact(&b, one).iri
        );
        let headline = "Orvane Holdings acquires stake";
        assert_ne!(
            undated(&people, headline).fact(&a, one).iri,
            undated(&people, headline).fact(&b, one).iri
        );
    }

    #[test]
    fn one_sentence_reprinted_names_one_unqualified_body() {
        let (a, b) = (
            iri::attestation("aaaaaaaaaaaaaaaa", 'e', 0),
            iri::attestation("bbbbbbbbbbbbbbbb", 'e', 0),
        );
        let one = |n: &NamedNode| n.clone();
        let said = "The Senate voted 61 to 38 to delay the Halvern port levy until spring.";
        let senate = |doc: &str| format!("organization/senate/in/{doc}");
        assert_eq!(
            undated(&[&senate("aaaaaaaaaaaaaaaa")], said)
                .fact(&a, one)
                .iri,
            undated(&[&senate("bbbbbbbbbbbbbbbb")], said)
                .fact(&b, one)
                .iri
        );
        // A short sentence is one article's event, whatever it names.
        let short = "Senate votes on the levy";
        assert_ne!(
            undated(&[&senate("aaaaaaaaaaaaaaaa")], short)
                .fact(&a, one)
                .iri,
            undated(&[&senate("bbbbbbbbbbbbbbbb")], short)
                .fact(&b, one)
                .iri
        );
    }

    #[test]
    fn a_verb_and_its_noun_are_one_kind_of_happening() {
        assert_eq!(lemma_group("acquisition"), "acquire");
        assert_eq!(lemma_group("acquire"), "acquire");
        assert_eq!(lemma_group("resignation"), "resign");
        // Not in the list: its own kind ("sell" is not "buy").
        assert_eq!(lemma_group("sell"), "sell");
        assert_eq!(lemma_group("talk"), "talk");
    }

    #[test]
    fn canonical_entities_make_one_fact() {
        let claim = |member: &str| {
            Claim::Membership(MembershipClaim {
                member: iri::entity(member),
                role: iri::role("Envoy"),
                role_label: "Envoy".into(),
                organization: None,
                qualifiers: vec![],
            })
        };
        let a = iri::attestation("a", 'm', 0);
        let full = iri::entity("person/ana-torres");
        let to_full = |_: &NamedNode| full.clone();
        assert_eq!(
            claim("person/torres").fact(&a, to_full).iri,
            claim("person/ana-torres").fact(&a, |n| n.clone()).iri
        );
        assert_ne!(
            claim("person/torres").fact(&a, |n| n.clone()).iri,
            claim("person/ana-torres").fact(&a, |n| n.clone()).iri
        );
    }
}
