//! `kg conflicts`: offices on which articles disagree.
//!
//! An office is a role with its organization. Articles often write the role alone ("former
//! President Ada Quill", "President Quill"), so a membership without an organization is placed
//! in an office by what the store knows, in this order, and only when the answer is unique:
//!
//! 1. **the person**: the organizations other articles give the same person in the same role
//!    (one article's "U.S. President Ada Quill" places another's "former President Ada Quill");
//! 2. **the article's country context**, only for a country's single-holder office written as a
//!    bare title before the name ("President Quill", not "union president Quill" or "Central
//!    Bank President Quill"), and only on clear evidence (see `analysis::context`): one country
//!    whose office it is must stand out, by the seat of its executive that the article names
//!    (the White House) or, when the article names no other country at all, by officials it
//!    names. A
//!    country whose same office the article gives to someone else is no rival (an article
//!    with "Freedonian President Bo Rand" and "President Quill" does not make Quill president
//!    of Freedonia), and the office must be stated with that country by some article of the
//!    store (nobody is made "President of Japan" unless an article speaks of one).
//!
//! Then an office is in conflict when, according to at least two different articles,
//! - two or more people hold it now, for an office one person holds at a time
//!   (`ontology/lexicon/offices.tsv`: presidents, prime ministers, chairmen...), or
//! - one person holds it now according to some and formerly according to others.
//!
//! Nothing here knows any person: the offices list names roles only.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Serialize;

use super::context::{self, Evidence};
use super::{one_line, select, text, AnalysisError};
use crate::store::KgStore;

const OFFICES: &str = include_str!("../../ontology/lexicon/offices.tsv");

/// Offices one person holds at a time, lower case, and whether each is a country's.
static SINGLE_HOLDER: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    OFFICES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut columns = l.split('\t');
            let role = columns.next().unwrap_or("").trim().to_lowercase();
            let country = columns.next().is_some_and(|c| c.trim() == "country");
            (role, country)
        })
        .collect()
});

/// Whether one person holds `role` at a time in one organization.
pub fn is_single_holder(role: &str) -> bool {
    SINGLE_HOLDER.contains_key(&role.trim().to_lowercase())
}

/// Whether `role` is a single-holder office of a country's government.
fn is_country_office(role: &str) -> bool {
    SINGLE_HOLDER
        .get(&role.trim().to_lowercase())
        .copied()
        .unwrap_or(false)
}

/// When a claim says the person holds the office.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// Now (no qualifier, or "acting").
    Current,
    /// Formerly ("former", "ex-", "during his first administration").
    Former,
    /// Not yet ("designate", "elect").
    Future,
}

impl Tense {
    /// The tense a membership's qualifiers give.
    pub fn of(qualifiers: &[String]) -> Tense {
        let mut tense = Tense::Current;
        for q in qualifiers {
            let q = q.trim().to_lowercase();
            if q == "former"
                || q == "ex"
                || q == "ex-"
                || q == "late"
                || q.starts_with("during")
                || q.starts_with("then")
            {
                return Tense::Former;
            }
            if q.contains("designate") || q.contains("elect") || q == "incoming" {
                tense = Tense::Future;
            }
        }
        tense
    }

    fn as_str(self) -> &'static str {
        match self {
            Tense::Current => "current",
            Tense::Former => "former",
            Tense::Future => "future",
        }
    }
}

/// One article's claim that a person holds an office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OfficeClaim {
    /// The person's label.
    pub person: String,
    /// The person's IRI.
    pub person_iri: String,
    /// Now, formerly or not yet.
    pub tense: Tense,
    /// The membership's qualifiers.
    pub qualifiers: Vec<String>,
    /// How the organization was found when the sentence does not give it: `null` when it does,
    /// else "the person's other articles" or "the article's country context".
    pub organization_from: Option<String>,
    /// The membership's IRI.
    pub membership: String,
    /// The article's IRI.
    pub article: String,
    /// Its publication date, when known.
    pub date: Option<String>,
    /// Its headline.
    pub headline: Option<String>,
    /// Its URL, else the file it was read from.
    pub source: Option<String>,
    /// The sentence that states the claim.
    pub sentence: Option<String>,
    /// The exact phrase.
    pub phrase: Option<String>,
}

/// An office on which articles disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// "President of United States".
    pub office: String,
    /// The role's label.
    pub role: String,
    /// The organization's label.
    pub organization: String,
    /// The organization's IRI.
    pub organization_iri: String,
    /// What the disagreement is, one line each.
    pub reasons: Vec<String>,
    /// Every claim on the office, newest article first.
    pub claims: Vec<OfficeClaim>,
}

/// One membership attestation as read.
#[derive(Clone, Debug)]
struct Row {
    membership: String,
    person: String,
    person_label: String,
    role: String,
    role_label: String,
    organization: Option<String>,
    qualifiers: Vec<String>,
    article: String,
    date: Option<String>,
    headline: Option<String>,
    url: Option<String>,
    source: Option<String>,
    sentence: Option<String>,
    phrase: Option<String>,
}

/// Every office on which articles disagree, the most disputed first.
pub fn conflicts(store: &KgStore) -> Result<Vec<Conflict>, AnalysisError> {
    // Four queries joined here: Oxigraph plans the one query with labels and optional parts
    // badly (80 s on a 5 MB corpus, against 1 s for the four).
    let core = select(
        store,
        "SELECT ?m ?person ?name ?role ?roleLabel ?a ?doc WHERE {
           ?m a org:Membership ; org:member ?person ; org:role ?role ; kg:attestation ?a .
           ?a prov:wasDerivedFrom ?doc .
           ?person rdfs:label ?name . ?role rdfs:label ?roleLabel .
         }",
    )?;
    let mut organization_of: HashMap<String, String> = HashMap::new();
    let mut qualifiers_of: HashMap<String, Vec<String>> = HashMap::new();
    for s in select(
        store,
        "SELECT ?m ?org ?q WHERE { ?m a org:Membership .
           OPTIONAL { ?m org:organization ?org } OPTIONAL { ?m kg:qualifier ?q } }",
    )? {
        let Some(m) = text(&s, "m") else { continue };
        if let Some(o) = text(&s, "org") {
            organization_of.entry(m.clone()).or_insert(o);
        }
        if let Some(q) = text(&s, "q") {
            let list = qualifiers_of.entry(m).or_default();
            if !list.contains(&q) {
                list.push(q);
            }
        }
    }
    let mut evidence: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    for s in select(
        store,
        "SELECT ?a ?sentence ?phrase WHERE { ?m a org:Membership ; kg:attestation ?a .
           ?a kg:evidence ?s . ?s nif:anchorOf ?sentence .
           OPTIONAL { ?a kg:span ?sp . ?sp nif:anchorOf ?phrase } }",
    )? {
        if let Some(a) = text(&s, "a") {
            evidence
                .entry(a)
                .or_insert((text(&s, "sentence"), text(&s, "phrase")));
        }
    }
    #[derive(Default)]
    struct Article {
        date: Option<String>,
        headline: Option<String>,
        url: Option<String>,
        source: Option<String>,
    }
    let mut articles: HashMap<String, Article> = HashMap::new();
    for s in select(
        store,
        "SELECT DISTINCT ?doc ?date ?headline ?url ?source WHERE {
           ?m a org:Membership ; kg:attestation ?a . ?a prov:wasDerivedFrom ?doc .
           OPTIONAL { ?doc schema:datePublished ?date }
           OPTIONAL { ?doc schema:headline ?headline }
           OPTIONAL { ?doc schema:url ?url }
           OPTIONAL { ?doc kg:source ?source } }",
    )? {
        let Some(doc) = text(&s, "doc") else { continue };
        let article = articles.entry(doc).or_default();
        article.date = article.date.take().or_else(|| text(&s, "date"));
        article.headline = article.headline.take().or_else(|| text(&s, "headline"));
        article.url = article.url.take().or_else(|| text(&s, "url"));
        // The smallest source, for a stable choice among several files.
        if let Some(source) = text(&s, "source") {
            if article.source.as_ref().map_or(true, |old| source < *old) {
                article.source = Some(source);
            }
        }
    }
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for s in &core {
        let (Some(attestation), Some(membership), Some(person), Some(role), Some(article)) = (
            text(s, "a"),
            text(s, "m"),
            text(s, "person"),
            text(s, "role"),
            text(s, "doc"),
        ) else {
            continue;
        };
        let (sentence, phrase) = evidence.get(&attestation).cloned().unwrap_or_default();
        let meta = articles.get(&article);
        rows.entry(attestation).or_insert_with(|| Row {
            organization: organization_of.get(&membership).cloned(),
            qualifiers: qualifiers_of.get(&membership).cloned().unwrap_or_default(),
            membership,
            person,
            person_label: text(s, "name").unwrap_or_default(),
            role,
            role_label: text(s, "roleLabel").unwrap_or_default(),
            date: meta.and_then(|m| m.date.clone()),
            headline: meta.and_then(|m| m.headline.clone()),
            url: meta.and_then(|m| m.url.clone()),
            source: meta.and_then(|m| m.source.clone()),
            article,
            sentence,
            phrase,
        });
    }
    let rows: Vec<Row> = rows.into_values().collect();

    let countries = countries(store)?;
    // What the articles that need their country context name: countries, executives' seats.
    let needing: BTreeSet<&str> = rows
        .iter()
        .filter(|r| r.organization.is_none() && is_country_office(&r.role_label))
        .map(|r| r.article.as_str())
        .collect();
    let named = context::named(store, &needing, &countries)?;
    let placed = place(&rows, &countries, &named);
    let labels = labels(store, placed.iter().filter_map(|(o, _)| o.as_deref()))?;

    // Offices: (role, organization) -> claims.
    let mut offices: BTreeMap<(String, String), Vec<Placed>> = BTreeMap::new();
    for (i, (organization, how)) in placed.iter().enumerate() {
        if let Some(organization) = organization {
            offices
                .entry((rows[i].role.clone(), organization.clone()))
                .or_default()
                .push((i, *how));
        }
    }
    let mut out = Vec::new();
    for ((_, organization), claims) in offices {
        let role_label = rows[claims[0].0].role_label.clone();
        let articles = |filter: &dyn Fn(&Row) -> bool| -> BTreeSet<&str> {
            claims
                .iter()
                .map(|(i, _)| &rows[*i])
                .filter(|r| filter(r))
                .map(|r| r.article.as_str())
                .collect()
        };
        let mut reasons = Vec::new();
        // Different people holding a single-holder office now.
        if is_single_holder(&role_label) {
            let mut current: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
            for (i, _) in &claims {
                let r = &rows[*i];
                if Tense::of(&r.qualifiers) == Tense::Current {
                    current
                        .entry(r.person.as_str())
                        .or_default()
                        .insert(r.article.as_str());
                }
            }
            let all: BTreeSet<&str> = current.values().flatten().copied().collect();
            let label_of = |person: &str| -> String {
                rows.iter()
                    .find(|r| r.person == person)
                    .map_or(person.to_owned(), |r| r.person_label.clone())
            };
            let holders: Vec<String> = current.keys().map(|p| label_of(p)).collect();
            let distinct = holders
                .iter()
                .enumerate()
                .any(|(i, a)| holders[i + 1..].iter().any(|b| !may_be_one_person(a, b)));
            if distinct && all.len() > 1 {
                let names: Vec<String> = current
                    .iter()
                    .map(|(person, docs)| {
                        let label = rows
                            .iter()
                            .find(|r| r.person == *person)
                            .map_or(*person, |r| r.person_label.as_str());
                        format!("{label} ({} article{})", docs.len(), plural(docs.len()))
                    })
                    .collect();
                reasons.push(format!("held now by {}", names.join(" and ")));
            }
        }
        // One person now and formerly.
        let people: BTreeSet<&str> = claims
            .iter()
            .map(|(i, _)| rows[*i].person.as_str())
            .collect();
        for person in people {
            let now =
                articles(&|r| r.person == person && Tense::of(&r.qualifiers) == Tense::Current);
            let before =
                articles(&|r| r.person == person && Tense::of(&r.qualifiers) == Tense::Former);
            let both: BTreeSet<&str> = now.union(&before).copied().collect();
            if !now.is_empty() && !before.is_empty() && both.len() > 1 {
                let label = rows
                    .iter()
                    .find(|r| r.person == person)
                    .map_or(person, |r| r.person_label.as_str());
                reasons.push(format!(
                    "{label}: current according to {} article{}, former according to {}",
                    now.len(),
                    plural(now.len()),
                    before.len()
                ));
            }
        }
        if reasons.is_empty() {
            continue;
        }
        let organization_label = labels
            .get(&organization)
            .cloned()
            .unwrap_or_else(|| organization.clone());
        let mut office_claims: Vec<OfficeClaim> = claims
            .iter()
            .map(|(i, how)| {
                let r = &rows[*i];
                let mut qualifiers = r.qualifiers.clone();
                qualifiers.sort();
                OfficeClaim {
                    person: r.person_label.clone(),
                    person_iri: r.person.clone(),
                    tense: Tense::of(&r.qualifiers),
                    qualifiers,
                    organization_from: how.map(str::to_owned),
                    membership: r.membership.clone(),
                    article: r.article.clone(),
                    date: r.date.clone(),
                    headline: r.headline.clone(),
                    source: r.url.clone().or_else(|| r.source.clone()),
                    sentence: r.sentence.clone(),
                    phrase: r.phrase.clone(),
                }
            })
            .collect();
        office_claims.sort_by(|a, b| {
            b.date
                .is_some()
                .cmp(&a.date.is_some())
                .then_with(|| b.date.cmp(&a.date))
                .then_with(|| a.article.cmp(&b.article))
                .then_with(|| a.person.cmp(&b.person))
        });
        out.push(Conflict {
            office: format!("{role_label} of {organization_label}"),
            role: role_label,
            organization: organization_label,
            organization_iri: organization,
            reasons,
            claims: office_claims,
        });
    }
    out.sort_by(|a, b| {
        b.claims
            .len()
            .cmp(&a.claims.len())
            .then_with(|| a.office.cmp(&b.office))
    });
    Ok(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The entities that are countries, with their labels.
fn countries(store: &KgStore) -> Result<HashMap<String, String>, AnalysisError> {
    Ok(select(
        store,
        "SELECT ?c (MIN(?l) AS ?label) WHERE { GRAPH <https://kg.example.org/graph/entities> {
           ?c a schema:Country . OPTIONAL { ?c rdfs:label ?l } } } GROUP BY ?c",
    )?
    .iter()
    .filter_map(|r| Some((text(r, "c")?, text(r, "label").unwrap_or_default())))
    .collect())
}

/// Labels of the given entities.
fn labels<'a>(
    store: &KgStore,
    iris: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, String>, AnalysisError> {
    let wanted: BTreeSet<&str> = iris.collect();
    if wanted.is_empty() {
        return Ok(HashMap::new());
    }
    let values: Vec<String> = wanted.iter().map(|i| super::iri_ref(i)).collect();
    Ok(select(
        store,
        &format!(
            "SELECT ?e ?label WHERE {{ VALUES ?e {{ {} }} ?e rdfs:label ?label }}",
            values.join(" ")
        ),
    )?
    .iter()
    .filter_map(|r| Some((text(r, "e")?, text(r, "label")?)))
    .collect())
}

/// A row's index and how its organization was found.
type Placed = (usize, Option<&'static str>);

const FROM_PERSON: &str = "the person's other articles";
const FROM_ARTICLE: &str = "the article's country context";

/// The office's organization of every row, and how it was found when the row lacks one.
/// `named` holds, for articles, the countries they name or whose executives' seats they name.
fn place(
    rows: &[Row],
    countries: &HashMap<String, String>,
    named: &HashMap<String, HashMap<String, Evidence>>,
) -> Vec<(Option<String>, Option<&'static str>)> {
    // 1. The person: (person, role) -> the organizations stated with it.
    let mut stated: HashMap<(&str, &str), BTreeSet<&str>> = HashMap::new();
    // The offices some article states with their organization: (role, organization).
    let mut attested: HashSet<(&str, &str)> = HashSet::new();
    for r in rows {
        if let Some(o) = &r.organization {
            stated
                .entry((r.person.as_str(), r.role.as_str()))
                .or_default()
                .insert(o.as_str());
            attested.insert((r.role.as_str(), o.as_str()));
        }
    }
    let mut placed: Vec<(Option<String>, Option<&'static str>)> = rows
        .iter()
        .map(|r| match &r.organization {
            Some(o) => (Some(o.clone()), None),
            None => match stated.get(&(r.person.as_str(), r.role.as_str())) {
                Some(orgs) if orgs.len() == 1 => (
                    orgs.iter().next().map(|o| (*o).to_owned()),
                    Some(FROM_PERSON),
                ),
                _ => (None, None),
            },
        })
        .collect();
    // 2. The article's country context, for single-holder offices of countries.
    let mut evidence: HashMap<&str, HashMap<String, Evidence>> = named
        .iter()
        .map(|(article, found)| (article.as_str(), found.clone()))
        .collect();
    // (article, role, country) -> the people the article gives that office to now.
    let mut holders: HashMap<(&str, &str, String), BTreeSet<&str>> = HashMap::new();
    for (r, (organization, _)) in rows.iter().zip(&placed) {
        if let Some(o) = organization {
            if countries.contains_key(o) {
                let level = evidence
                    .entry(r.article.as_str())
                    .or_default()
                    .entry(o.clone())
                    .or_insert(Evidence::Officials);
                *level = (*level).max(Evidence::Officials);
                if Tense::of(&r.qualifiers) == Tense::Current {
                    holders
                        .entry((r.article.as_str(), r.role.as_str(), o.clone()))
                        .or_default()
                        .insert(r.person.as_str());
                }
            }
        }
    }
    for (i, r) in rows.iter().enumerate() {
        if placed[i].0.is_some()
            || !is_country_office(&r.role_label)
            || !opens_with_title(r.phrase.as_deref(), &r.role_label, &r.qualifiers)
            || !context::written_as_country_title(
                r.sentence.as_deref(),
                r.phrase.as_deref(),
                &r.role_label,
            )
        {
            continue;
        }
        let Some(found) = evidence.get(r.article.as_str()) else {
            continue;
        };
        // Countries whose office the article leaves free (or gives to this person only).
        let free: Vec<(&String, Evidence)> = found
            .iter()
            .filter(|(c, _)| {
                holders
                    .get(&(r.article.as_str(), r.role.as_str(), (*c).clone()))
                    .map_or(true, |people| people.iter().all(|p| *p == r.person))
            })
            .map(|(c, e)| (c, *e))
            .collect();
        let strong: Vec<&(&String, Evidence)> = free
            .iter()
            .filter(|(c, e)| {
                *e >= Evidence::Officials && attested.contains(&(r.role.as_str(), c.as_str()))
            })
            .collect();
        let [&(winner, level)] = strong[..] else {
            continue;
        };
        let rivals = free.iter().filter(|(c, e)| {
            *c != winner && (level == Evidence::Officials || *e >= Evidence::Officials)
        });
        if rivals.count() == 0 {
            placed[i] = (Some(winner.clone()), Some(FROM_ARTICLE));
        }
    }
    // A person whose articles' contexts place them in several countries' offices: the context
    // is not telling (a president named in an article about another country's ministers), so
    // only the placements that agree with the person's most frequent one are kept.
    let mut by_context: HashMap<(&str, &str), HashMap<String, usize>> = HashMap::new();
    for (r, (organization, how)) in rows.iter().zip(&placed) {
        if let (Some(o), Some(FROM_ARTICLE)) = (organization, how) {
            *by_context
                .entry((r.person.as_str(), r.role.as_str()))
                .or_default()
                .entry(o.clone())
                .or_default() += 1;
        }
    }
    for (r, slot) in rows.iter().zip(placed.iter_mut()) {
        if slot.1 != Some(FROM_ARTICLE) {
            continue;
        }
        let Some(counts) = by_context.get(&(r.person.as_str(), r.role.as_str())) else {
            continue;
        };
        let best = counts.values().copied().max().unwrap_or(0);
        let winners = counts.values().filter(|n| **n == best).count();
        let mine = slot
            .0
            .as_ref()
            .and_then(|o| counts.get(o))
            .copied()
            .unwrap_or(0);
        if winners > 1 || mine < best {
            *slot = (None, None);
        }
    }
    placed
}

/// Whether the phrase is the title and the name ("President Quill", "former President Quill"),
/// not a title that something else qualifies ("bank president Quill", "Acme's president Quill"),
/// whose office the article's country context does not tell.
fn opens_with_title(phrase: Option<&str>, role: &str, qualifiers: &[String]) -> bool {
    let Some(phrase) = phrase else {
        return false;
    };
    let mut rest = phrase.trim().to_lowercase();
    loop {
        let before = rest.len();
        for lead in ["the ", "then-", "then "]
            .into_iter()
            .map(str::to_owned)
            .chain(qualifiers.iter().map(|q| format!("{} ", q.to_lowercase())))
        {
            if let Some(stripped) = rest.strip_prefix(&lead) {
                rest = stripped.trim_start().to_owned();
            }
        }
        if rest.len() == before {
            break;
        }
    }
    rest.starts_with(&role.to_lowercase())
}

/// Whether two labels may name one person: the words of one are among the words of the other
/// ("Quill" and "Ada Quill", "Ada" and "Ada Quill"), as happens when an article gives a name in
/// part. Such holders are not counted as different people.
fn may_be_one_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> BTreeSet<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && !b.is_empty() && (a.is_subset(&b) || b.is_subset(&a))
}

/// A readable text for a terminal.
pub fn to_text(conflicts: &[Conflict]) -> String {
    let mut out = String::new();
    if conflicts.is_empty() {
        out.push_str("no conflicts: no office is given to different people, or to one person now and formerly, by different articles\n");
        return out;
    }
    for conflict in conflicts {
        let _ = writeln!(out, "{}  <{}>", conflict.office, conflict.organization_iri);
        for reason in &conflict.reasons {
            let _ = writeln!(out, "  ! {reason}");
        }
        for c in &conflict.claims {
            let inferred = c
                .organization_from
                .as_deref()
                .map(|h| format!("  [organization from {h}]"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}  {:<7}  {}  {}{inferred}",
                c.date.as_deref().unwrap_or("(undated)"),
                c.tense.as_str(),
                c.person,
                c.source.as_deref().unwrap_or(&c.article),
            );
            if let Some(sentence) = &c.sentence {
                let _ = writeln!(out, "      {}", one_line(sentence, 300));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenses_come_from_qualifiers() {
        let q = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(Tense::of(&q(&[])), Tense::Current);
        assert_eq!(Tense::of(&q(&["acting"])), Tense::Current);
        assert_eq!(Tense::of(&q(&["former"])), Tense::Former);
        assert_eq!(
            Tense::of(&q(&["during his first administration"])),
            Tense::Former
        );
        assert_eq!(Tense::of(&q(&["designate"])), Tense::Future);
    }

    #[test]
    fn presidents_are_single_holders_and_ministers_are_not() {
        assert!(is_single_holder("President"));
        assert!(is_single_holder("prime minister"));
        assert!(!is_single_holder("Minister"));
        assert!(!is_single_holder("Special Envoy"));
        assert!(is_country_office("President"));
        assert!(!is_country_office("Chairman"));
    }

    fn row(person: &str, role: &str, org: Option<&str>, article: &str, q: &[&str]) -> Row {
        Row {
            membership: format!("m-{person}-{article}"),
            person: person.into(),
            person_label: person.into(),
            role: role.into(),
            role_label: role.into(),
            organization: org.map(Into::into),
            qualifiers: q.iter().map(|s| s.to_string()).collect(),
            article: article.into(),
            date: None,
            headline: None,
            url: None,
            source: None,
            sentence: None,
            phrase: Some(format!("{role} {person}")),
        }
    }

    #[test]
    fn titles_qualified_by_something_else_are_not_placed_by_context() {
        assert!(opens_with_title(Some("President Quill"), "President", &[]));
        let former = vec!["former".to_string()];
        assert!(opens_with_title(
            Some("former President Quill"),
            "President",
            &former
        ));
        assert!(!opens_with_title(
            Some("bank president Quill"),
            "President",
            &[]
        ));
        assert!(!opens_with_title(None, "President", &[]));
    }

    /// `examples/conflicts.rq` carries the offices list, which SPARQL cannot read from
    /// `ontology/lexicon/offices.tsv`: the two must not drift apart.
    #[test]
    fn the_example_query_lists_the_offices_of_the_lexicon() {
        const QUERY: &str = include_str!("../../examples/conflicts.rq");
        // Every list that follows `after`, as the set of its quoted items.
        let quoted = |after: &str, end: char| -> Vec<BTreeSet<String>> {
            QUERY
                .match_indices(after)
                .map(|(at, _)| {
                    let rest = &QUERY[at + after.len()..];
                    let rest = &rest[..rest.find(end).unwrap_or(rest.len())];
                    rest.split('"')
                        .skip(1)
                        .step_by(2)
                        .map(str::to_owned)
                        .collect()
                })
                .collect()
        };
        let single: BTreeSet<String> = SINGLE_HOLDER.keys().cloned().collect();
        let country: BTreeSet<String> = SINGLE_HOLDER
            .iter()
            .filter(|(_, of_country)| **of_country)
            .map(|(role, _)| role.clone())
            .collect();
        assert!(country.len() > 20 && single.len() > country.len());
        assert_eq!(quoted("IN (\n", ')'), vec![single.clone(), single]);
        assert_eq!(quoted("VALUES ?roleKey {", '}'), vec![country]);
    }

    #[test]
    fn partial_names_may_be_one_person() {
        assert!(may_be_one_person("Ada", "Ada Quill"));
        assert!(may_be_one_person("Quill", "Ada Quill"));
        assert!(!may_be_one_person("Ada Quill", "Bo Rand"));
    }

    #[test]
    fn organizations_are_placed_from_the_person_then_the_article() {
        let countries: HashMap<String, String> =
            [("A".into(), "A".into()), ("B".into(), "B".into())].into();
        let rows = vec![
            row("p", "President", Some("A"), "d1", &[]),
            row("p", "President", None, "d2", &["former"]),
            // d3: q is president of B (from d1-like context), r's presidency is then A's.
            row("q", "President", Some("B"), "d3", &[]),
            row("s", "Secretary of State", Some("A"), "d3", &[]),
            row("r", "President", None, "d3", &[]),
            // d4: two countries free: nothing placed.
            row("t", "Foreign Minister", Some("A"), "d4", &[]),
            row("u", "Foreign Minister", Some("B"), "d4", &[]),
            row("v", "President", None, "d4", &[]),
        ];
        let placed = place(&rows, &countries, &HashMap::new());
        assert_eq!(placed[1], (Some("A".into()), Some(FROM_PERSON)));
        assert_eq!(placed[4], (Some("A".into()), Some(FROM_ARTICLE)));
        assert_eq!(placed[7], (None, None));
        // d3 naming another country (B's presidency is taken there, so it is no rival) and
        // d5 naming one whose presidency is free: officials alone are not enough then.
        let named = |article: &str, country: &str, e: Evidence| {
            (
                article.to_string(),
                HashMap::from([(country.to_string(), e)]),
            )
        };
        let rows5 = [
            rows.clone(),
            vec![
                row("w", "Foreign Minister", Some("A"), "d5", &[]),
                row("x", "President", None, "d5", &[]),
            ],
        ]
        .concat();
        let weak: HashMap<_, _> = [
            named("d3", "B", Evidence::Named),
            named("d5", "B", Evidence::Named),
        ]
        .into();
        let placed = place(&rows5, &countries, &weak);
        assert_eq!(placed[4], (Some("A".into()), Some(FROM_ARTICLE)));
        assert_eq!(placed[9], (None, None));
        // The seat of A's executive named in d5 is clear evidence, whatever else is named.
        let mut clear = weak.clone();
        clear
            .get_mut("d5")
            .unwrap()
            .insert("A".into(), Evidence::Seat);
        let placed = place(&rows5, &countries, &clear);
        assert_eq!(placed[9], (Some("A".into()), Some(FROM_ARTICLE)));
        // An office no article states with a country is never given to it from context.
        let rows6 = vec![
            row("t", "Foreign Minister", Some("A"), "d6", &[]),
            row("y", "Chancellor", None, "d6", &[]),
        ];
        assert_eq!(place(&rows6, &countries, &HashMap::new())[1], (None, None));
    }
}
