//! `kg why NAME`: why the graph says what it says about one entity.
//!
//! Every fact that points at the entity (memberships it is the member or organization of,
//! events it attends or hosts), or the one fact an IRI names, each with every article's
//! statement of it: the article (date, headline, source, URL), the sentence, the exact phrase and
//! the rule that read it. The statements are read through attestations, one per article and
//! fact, so each article is paired with its own sentence.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::{iri_ref, one_line, select, text, AnalysisError};
use crate::store::KgStore;

/// What kind of fact a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// An `org:Membership`: a person in a role.
    Membership,
    /// A `schema:Event`.
    Event,
}

/// One article's statement of a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The attestation's IRI.
    pub attestation: String,
    /// The article's IRI.
    pub article: String,
    /// Its publication date, when known.
    pub date: Option<String>,
    /// Its headline, when known.
    pub headline: Option<String>,
    /// Where it was read from (file paths), sorted.
    pub sources: Vec<String>,
    /// Its URL, when known.
    pub url: Option<String>,
    /// The sentence that states the fact.
    pub sentence: Option<String>,
    /// The sentence's span in the article, in code points (end exclusive).
    pub sentence_span: Option<(u64, u64)>,
    /// The exact phrase.
    pub phrase: Option<String>,
    /// The rule that read it.
    pub rule: Option<String>,
}

/// One fact with every claim of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactClaims {
    /// The fact's IRI.
    pub fact: String,
    /// Membership or event.
    pub kind: FactKind,
    /// One line saying what the fact is ("Special Envoy of United States: Steve Witkoff").
    pub summary: String,
    /// A membership's role.
    pub role: Option<String>,
    /// A membership's member.
    pub member: Option<String>,
    /// A membership's organization.
    pub organization: Option<String>,
    /// A membership's qualifiers ("former").
    pub qualifiers: Vec<String>,
    /// An event's label.
    pub event: Option<String>,
    /// An event's start date.
    pub start: Option<String>,
    /// An event's end date.
    pub end: Option<String>,
    /// An event's participants.
    pub attendees: Vec<String>,
    /// An event's place.
    pub location: Option<String>,
    /// Every article's statement, newest article first.
    pub claims: Vec<Claim>,
}

/// The answer to `kg why`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Why {
    /// The entity's (or fact's) IRI.
    pub iri: String,
    /// Its label.
    pub label: String,
    /// The facts, memberships first (by role), then events (by date).
    pub facts: Vec<FactClaims>,
    /// Things to tell the user (an ambiguous name).
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// Every claim about what `name` designates (a label, an alias, an IRI of an entity, membership
/// or event), memberships only of role `role` (any letter case) when given.
pub fn why(store: &KgStore, name: &str, role: Option<&str>) -> Result<Why, AnalysisError> {
    let (iri, notes) = crate::export::resolve(store.store(), name)?;
    let target = iri_ref(&iri);
    let is_fact = !select(
        store,
        &format!("SELECT ?a WHERE {{ {target} kg:attestation ?a }} LIMIT 1"),
    )?
    .is_empty();
    // The facts to explain, as a pattern binding ?fact.
    let facts_pattern = if is_fact {
        format!("VALUES ?fact {{ {target} }}")
    } else {
        format!(
            "VALUES ?link {{ org:member org:organization schema:attendee schema:location }} \
             ?fact ?link {target} ."
        )
    };
    let label_rows = select(
        store,
        &format!("SELECT ?label WHERE {{ {target} rdfs:label ?label }} LIMIT 1"),
    )?;
    let label = label_rows
        .first()
        .and_then(|r| text(r, "label"))
        .unwrap_or_else(|| iri.clone());

    let description = select(
        store,
        &format!(
            "SELECT ?fact ?event ?role ?member ?organization ?q ?start ?end ?attendee ?location \
             WHERE {{ {facts_pattern}
               ?fact kg:attestation ?any .
               OPTIONAL {{ ?fact a schema:Event ; rdfs:label ?event }}
               OPTIONAL {{ ?fact org:role ?r . ?r rdfs:label ?role }}
               OPTIONAL {{ ?fact org:member ?m . ?m rdfs:label ?member }}
               OPTIONAL {{ ?fact org:organization ?o . ?o rdfs:label ?organization }}
               OPTIONAL {{ ?fact kg:qualifier ?q }}
               OPTIONAL {{ ?fact schema:startDate ?start }}
               OPTIONAL {{ ?fact schema:endDate ?end }}
               OPTIONAL {{ ?fact schema:attendee ?at . ?at rdfs:label ?attendee }}
               OPTIONAL {{ ?fact schema:location ?l . ?l rdfs:label ?location }}
             }}"
        ),
    )?;
    let mut facts: BTreeMap<String, FactClaims> = BTreeMap::new();
    for row in &description {
        let Some(fact) = text(row, "fact") else {
            continue;
        };
        let entry = facts.entry(fact.clone()).or_insert_with(|| FactClaims {
            fact,
            kind: if row.contains_key("event") {
                FactKind::Event
            } else {
                FactKind::Membership
            },
            summary: String::new(),
            role: None,
            member: None,
            organization: None,
            qualifiers: Vec::new(),
            event: None,
            start: None,
            end: None,
            attendees: Vec::new(),
            location: None,
            claims: Vec::new(),
        });
        fill(&mut entry.role, text(row, "role"));
        fill(&mut entry.member, text(row, "member"));
        fill(&mut entry.organization, text(row, "organization"));
        fill(&mut entry.event, text(row, "event"));
        fill(&mut entry.start, text(row, "start"));
        fill(&mut entry.end, text(row, "end"));
        fill(&mut entry.location, text(row, "location"));
        push_new(&mut entry.qualifiers, text(row, "q"));
        push_new(&mut entry.attendees, text(row, "attendee"));
    }
    if let Some(role) = role {
        facts.retain(|_, f| {
            f.role
                .as_deref()
                .is_some_and(|r| r.eq_ignore_ascii_case(role.trim()))
        });
    }

    // Two queries joined here: in one, Oxigraph plans the optional parts badly (8 s against
    // 0.3 s for Reagan's 114 claims on a 5 MB corpus).
    let mut claim_rows = select(
        store,
        &format!(
            "SELECT ?fact ?a ?doc ?sentence ?begin ?end ?phrase ?rule WHERE {{ {facts_pattern}
               ?fact kg:attestation ?a .
               ?a prov:wasDerivedFrom ?doc .
               OPTIONAL {{ ?a kg:evidence ?s .
                          ?s nif:anchorOf ?sentence ; nif:beginIndex ?begin ; nif:endIndex ?end }}
               OPTIONAL {{ ?a kg:span ?sp . ?sp nif:anchorOf ?phrase }}
               OPTIONAL {{ ?a kg:rule ?rule }}
             }}"
        ),
    )?;
    let mut documents: BTreeMap<String, Vec<super::Row>> = BTreeMap::new();
    for row in select(
        store,
        &format!(
            "SELECT DISTINCT ?doc ?date ?headline ?source ?url WHERE {{ {facts_pattern}
               ?fact kg:attestation ?a .
               ?a prov:wasDerivedFrom ?doc .
               OPTIONAL {{ ?doc schema:datePublished ?date }}
               OPTIONAL {{ ?doc schema:headline ?headline }}
               OPTIONAL {{ ?doc kg:source ?source }}
               OPTIONAL {{ ?doc schema:url ?url }}
             }}"
        ),
    )? {
        if let Some(doc) = text(&row, "doc") {
            documents.entry(doc).or_default().push(row);
        }
    }
    // Each claim row, once per row of its article's metadata.
    claim_rows = claim_rows
        .into_iter()
        .flat_map(|row| {
            let metadata = text(&row, "doc")
                .and_then(|d| documents.get(&d))
                .cloned()
                .unwrap_or_default();
            if metadata.is_empty() {
                return vec![row];
            }
            metadata
                .into_iter()
                .map(|meta| {
                    let mut joined = row.clone();
                    for (k, v) in meta {
                        joined.entry(k).or_insert(v);
                    }
                    joined
                })
                .collect()
        })
        .collect();
    let mut claims: BTreeMap<(String, String), Claim> = BTreeMap::new();
    for row in &claim_rows {
        let (Some(fact), Some(attestation), Some(article)) =
            (text(row, "fact"), text(row, "a"), text(row, "doc"))
        else {
            continue;
        };
        if !facts.contains_key(&fact) {
            continue;
        }
        let claim = claims
            .entry((fact, attestation.clone()))
            .or_insert_with(|| Claim {
                attestation,
                article,
                date: None,
                headline: None,
                sources: Vec::new(),
                url: None,
                sentence: None,
                sentence_span: None,
                phrase: None,
                rule: None,
            });
        fill(&mut claim.date, text(row, "date"));
        fill(&mut claim.headline, text(row, "headline"));
        fill(&mut claim.url, text(row, "url"));
        fill(&mut claim.sentence, text(row, "sentence"));
        fill(&mut claim.phrase, text(row, "phrase"));
        fill(&mut claim.rule, text(row, "rule"));
        if claim.sentence_span.is_none() {
            let number = |v: &str| text(row, v).and_then(|t| t.parse::<u64>().ok());
            if let (Some(b), Some(e)) = (number("begin"), number("end")) {
                claim.sentence_span = Some((b, e));
            }
        }
        push_new(&mut claim.sources, text(row, "source"));
    }
    for ((fact, _), mut claim) in claims {
        claim.sources.sort();
        if let Some(entry) = facts.get_mut(&fact) {
            entry.claims.push(claim);
        }
    }
    let mut facts: Vec<FactClaims> = facts.into_values().collect();
    for fact in &mut facts {
        fact.qualifiers.sort();
        fact.attendees.sort();
        // Newest first; undated articles last; then by article for a stable order.
        fact.claims.sort_by(|a, b| {
            b.date
                .is_some()
                .cmp(&a.date.is_some())
                .then_with(|| b.date.cmp(&a.date))
                .then_with(|| a.article.cmp(&b.article))
        });
        fact.summary = summary(fact);
    }
    facts.sort_by(|a, b| {
        (a.kind, &a.role, &a.organization, &a.start, &a.summary).cmp(&(
            b.kind,
            &b.role,
            &b.organization,
            &b.start,
            &b.summary,
        ))
    });
    Ok(Why {
        iri,
        label,
        facts,
        notes,
    })
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn push_new(list: &mut Vec<String>, value: Option<String>) {
    if let Some(value) = value {
        if !list.contains(&value) {
            list.push(value);
        }
    }
}

/// One line saying what a fact is.
fn summary(fact: &FactClaims) -> String {
    match fact.kind {
        FactKind::Membership => {
            let mut s = String::new();
            if !fact.qualifiers.is_empty() {
                let _ = write!(s, "{} ", fact.qualifiers.join(", "));
            }
            s.push_str(fact.role.as_deref().unwrap_or("(role)"));
            if let Some(o) = &fact.organization {
                let _ = write!(s, " of {o}");
            }
            if let Some(m) = &fact.member {
                let _ = write!(s, ": {m}");
            }
            s
        }
        FactKind::Event => {
            let mut s = fact.event.clone().unwrap_or_else(|| "(event)".into());
            match (&fact.start, &fact.end) {
                (Some(a), Some(b)) if a != b => {
                    let _ = write!(s, " ({a} to {b})");
                }
                (Some(a), _) => {
                    let _ = write!(s, " ({a})");
                }
                _ => {}
            }
            if !fact.attendees.is_empty() {
                let _ = write!(s, " with {}", fact.attendees.join(", "));
            }
            if let Some(l) = &fact.location {
                let _ = write!(s, " in {l}");
            }
            s
        }
    }
}

impl Why {
    /// The number of claims (article statements) over all facts.
    pub fn claim_count(&self) -> usize {
        self.facts.iter().map(|f| f.claims.len()).sum()
    }

    /// A readable text for a terminal: one block per fact, one indented block per article.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let articles: BTreeSet<&str> = self
            .facts
            .iter()
            .flat_map(|f| f.claims.iter().map(|c| c.article.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "{} <{}>: {} facts, {} claims in {} articles",
            self.label,
            self.iri,
            self.facts.len(),
            self.claim_count(),
            articles.len()
        );
        for fact in &self.facts {
            let kind = match fact.kind {
                FactKind::Membership => "role",
                FactKind::Event => "event",
            };
            let _ = writeln!(
                out,
                "\n{kind}: {}  ({} article{})  <{}>",
                fact.summary,
                fact.claims.len(),
                if fact.claims.len() == 1 { "" } else { "s" },
                fact.fact
            );
            for claim in &fact.claims {
                let source = claim
                    .url
                    .as_deref()
                    .or(claim.sources.first().map(String::as_str))
                    .unwrap_or(&claim.article);
                let _ = writeln!(
                    out,
                    "  {}  {}  {}",
                    claim.date.as_deref().unwrap_or("(undated)"),
                    source,
                    one_line(claim.headline.as_deref().unwrap_or(""), 70)
                );
                if let Some(sentence) = &claim.sentence {
                    let _ = writeln!(out, "      sentence: {}", one_line(sentence, 300));
                }
                let _ = writeln!(
                    out,
                    "      phrase:   \"{}\"   rule: {}",
                    claim.phrase.as_deref().unwrap_or(""),
                    claim.rule.as_deref().unwrap_or("?")
                );
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_say_role_organization_and_qualifier() {
        let fact = FactClaims {
            fact: "f".into(),
            kind: FactKind::Membership,
            summary: String::new(),
            role: Some("President".into()),
            member: Some("Ada Quill".into()),
            organization: Some("Freedonia".into()),
            qualifiers: vec!["former".into()],
            event: None,
            start: None,
            end: None,
            attendees: Vec::new(),
            location: None,
            claims: Vec::new(),
        };
        assert_eq!(summary(&fact), "former President of Freedonia: Ada Quill");
    }

    #[test]
    fn rows_without_a_fact_are_skipped() {
        let row = super::super::Row::new();
        assert_eq!(text(&row, "fact"), None);
    }
}
