//! The store's RDF read back as a drawable petgraph graph.
//!
//! RDF is too fine-grained to draw as it is: a membership is five triples, a date is a literal
//! node, a document links to everything. This module folds the public data model into what a
//! reader wants to see: one node per person, organization, place, event (and document), a
//! membership as one edge labelled with its role and qualifiers, an event's date inside its node,
//! other literals folded into their node, and where each piece was read from (its named graphs
//! and `prov:wasDerivedFrom` documents) kept for `--doc`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, Triple};
use petgraph::graph::{DiGraph, NodeIndex};

use crate::rdf::vocab::{kg, nif, org, owl, prov, rdf, rdfs, schema, skos, DOC_NS};

/// schema.org types drawn as organizations besides `schema:Organization` (schema.org subclasses
/// that RDF loaded with `kg load` may use; not in `vocab` because kg itself never writes them).
const ORGANIZATION_SUBTYPES: &[&str] = &[
    "http://schema.org/GovernmentOrganization",
    "http://schema.org/Corporation",
    "http://schema.org/NGO",
    "http://schema.org/NewsMediaOrganization",
    "http://schema.org/PoliticalParty",
    "http://schema.org/EducationalOrganization",
    "http://schema.org/MilitaryOrganization",
];

/// schema.org types drawn as places besides `schema:Place` (schema.org subclasses, as above).
const PLACE_SUBTYPES: &[&str] = &[
    "http://schema.org/Country",
    "http://schema.org/City",
    "http://schema.org/State",
    "http://schema.org/AdministrativeArea",
    "http://schema.org/Continent",
    "http://schema.org/Landform",
];

/// At most this many folded literal lines are shown in a node.
const MAX_DETAILS: usize = 6;
/// At most this many articles are named in a tooltip (the count is always given).
const MAX_NAMED_SOURCES: usize = 5;
/// A folded literal longer than this many characters is cut with an ellipsis.
const MAX_DETAIL_CHARS: usize = 60;

/// What a node stands for; decides its shape and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum NodeKind {
    /// A `schema:Person`.
    Person,
    /// A `schema:Organization` (or a subclass).
    Organization,
    /// A `schema:Place` (or a subclass).
    Place,
    /// A `schema:Event`.
    Event,
    /// A role held without an organization (one node per person and role).
    Role,
    /// A `schema:NewsArticle`.
    Document,
    /// Anything else (only drawn from a CONSTRUCT result).
    Other,
}

impl NodeKind {
    /// Every kind, in legend order.
    pub(crate) const ALL: [NodeKind; 7] = [
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Place,
        NodeKind::Event,
        NodeKind::Role,
        NodeKind::Document,
        NodeKind::Other,
    ];

    /// The kinds that make up "the knowledge graph" (documents and other RDF are left out).
    pub(crate) fn is_domain(self) -> bool {
        !matches!(self, NodeKind::Document | NodeKind::Other)
    }

    /// The kind's name in the legend and in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Place => "Place",
            NodeKind::Event => "Event",
            NodeKind::Role => "Role",
            NodeKind::Document => "Document",
            NodeKind::Other => "Other",
        }
    }
}

/// A drawable node.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    /// The IRI (or `_:id` of a blank node) the node stands for; role nodes add `#` and the
    /// holder's key.
    pub key: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Its name as drawn (`rdfs:label`, else a preferred name or name, else the IRI's last
    /// segment).
    pub label: String,
    /// Other names (`skos:altLabel`; for a document its identifier and source).
    pub alt_labels: Vec<String>,
    /// Lines drawn under the label: an event's date, folded literals.
    pub details: Vec<String>,
    /// Named graphs and `prov:wasDerivedFrom` documents the node was read from.
    pub provenance: BTreeSet<String>,
    /// For an event: the articles that state it, as "headline (date, source)" lines, and
    /// how many there are.
    pub sources: Sources,
}

/// The articles that state a fact: how many, and a few of them by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Sources {
    /// How many articles.
    pub count: usize,
    /// Some of them, as "headline (date, source)".
    pub named: Vec<String>,
    /// Where the named ones are: their URL, else the file they were read from.
    pub links: Vec<String>,
}

impl Sources {
    /// `3 articles: …; …` for a tooltip, or nothing when no article is known.
    pub(crate) fn tooltip(&self) -> Option<String> {
        if self.count == 0 {
            return None;
        }
        let mut text = format!(
            "{} article{}",
            self.count,
            if self.count == 1 { "" } else { "s" }
        );
        for line in &self.named {
            text.push('\n');
            text.push_str(line);
        }
        if self.named.len() < self.count {
            let more = self.count - self.named.len();
            text.push_str(&format!("\n(+{more} more)"));
        }
        Some(text)
    }
}

/// Whether a provenance key is an article (`doc/<id>`, not a sentence or attestation in it).
fn is_article(key: &str) -> bool {
    key.strip_prefix(DOC_NS)
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// What an edge stands for; decides its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum EdgeKind {
    /// A membership: member → organization, labelled with the role.
    Membership,
    /// A membership without an organization: member → role node.
    HoldsRole,
    /// An event → an attendee.
    Attendee,
    /// An event → where it happened.
    Location,
    /// A document → what it reports (drawn in `--doc` mode only).
    Reports,
    /// Any other link between two nodes, labelled with the property's readable name.
    Other,
}

/// A drawable edge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edge {
    /// What it stands for.
    pub kind: EdgeKind,
    /// Its readable label (a role's name, "attendee", ...); may be empty.
    pub label: String,
    /// Membership qualifiers ("former", "acting", ...), drawn after the label.
    pub qualifiers: Vec<String>,
    /// Named graphs and `prov:wasDerivedFrom` documents the edge was read from.
    pub provenance: BTreeSet<String>,
    /// The articles that state it.
    pub sources: Sources,
}

impl Edge {
    /// Whether the edge states something that no longer holds (drawn dashed).
    pub(crate) fn is_former(&self) -> bool {
        self.qualifiers
            .iter()
            .any(|q| q.eq_ignore_ascii_case("former"))
    }

    /// The label with its qualifiers, e.g. `Secretary of State (former)`.
    pub(crate) fn full_label(&self) -> String {
        match (self.label.is_empty(), self.qualifiers.is_empty()) {
            (_, true) => self.label.clone(),
            (true, false) => self.qualifiers.join(", "),
            (false, false) => format!("{} ({})", self.label, self.qualifiers.join(", ")),
        }
    }
}

/// The store (or a CONSTRUCT result) as a directed graph of drawable nodes and edges.
#[derive(Clone, Debug, Default)]
pub(crate) struct KnowledgeGraph {
    /// The graph itself.
    pub graph: DiGraph<Node, Edge>,
}

/// One statement about a subject, with the named graphs it was found in.
struct Statement {
    predicate: NamedNode,
    object: Term,
    graphs: BTreeSet<String>,
}

/// Everything said about one subject.
#[derive(Default)]
struct Description {
    types: BTreeSet<String>,
    statements: Vec<Statement>,
    /// Where each (predicate, object) is in `statements`: the same triple in several graphs is
    /// one statement.
    positions: HashMap<(NamedNode, Term), usize>,
}

impl Description {
    fn has_type(&self, ty: NamedNodeRef<'_>) -> bool {
        self.types.contains(ty.as_str())
    }

    fn objects<'a>(&'a self, predicate: NamedNodeRef<'a>) -> impl Iterator<Item = &'a Term> + 'a {
        self.statements
            .iter()
            .filter(move |s| s.predicate.as_ref() == predicate)
            .map(|s| &s.object)
    }

    fn literals(&self, predicate: NamedNodeRef<'_>) -> Vec<String> {
        self.objects(predicate)
            .filter_map(|o| match o {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .collect()
    }

    fn first_literal(&self, predicate: NamedNodeRef<'_>) -> Option<String> {
        self.literals(predicate).into_iter().min()
    }

    fn resources(&self, predicate: NamedNodeRef<'_>) -> Vec<String> {
        self.objects(predicate).filter_map(resource_key).collect()
    }

    /// Named graphs of every statement, and the documents it says it was derived from.
    fn provenance(&self) -> BTreeSet<String> {
        let mut all: BTreeSet<String> = self
            .statements
            .iter()
            .flat_map(|s| s.graphs.iter().cloned())
            .collect();
        all.extend(self.resources(prov::WAS_DERIVED_FROM));
        all
    }

    /// Provenance of one statement: its named graphs, or else the subject's documents.
    fn statement_provenance(&self, statement: &Statement) -> BTreeSet<String> {
        if statement.graphs.is_empty() {
            self.resources(prov::WAS_DERIVED_FROM).into_iter().collect()
        } else {
            statement.graphs.clone()
        }
    }
}

/// The key of a subject: its IRI, or `_:id`.
fn subject_key(subject: &NamedOrBlankNode) -> String {
    match subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

/// The key of an object that is a resource (not a literal).
fn resource_key(term: &Term) -> Option<String> {
    match term {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

/// Properties that are bookkeeping, never drawn as edges nor folded into nodes.
fn is_metadata(predicate: NamedNodeRef<'_>) -> bool {
    [
        rdf::TYPE,
        rdfs::LABEL,
        skos::ALT_LABEL,
        prov::WAS_DERIVED_FROM,
        kg::EVIDENCE,
        kg::RULE,
        kg::SPAN,
        kg::FINGERPRINT,
        kg::ATTESTATION,
        kg::NAMINGS,
        schema::MENTIONS,
        kg::SURNAME,
        kg::LEMMA,
        owl::SAME_AS,
        kg::TRIGGER,
        kg::TIMEX_TEXT,
        kg::DATE_PUBLISHED_SOURCE,
        nif::REFERENCE_CONTEXT,
        nif::BEGIN_INDEX,
        nif::END_INDEX,
        nif::IS_STRING,
        schema::TEXT,
    ]
    .contains(&predicate)
}

/// The last segment of an IRI (after `#` or `/`), or the IRI itself.
pub(crate) fn local_name(iri: &str) -> &str {
    let trimmed = iri.trim_end_matches(['/', '#']);
    match trimmed.rfind(['#', '/']) {
        Some(i) if i + 1 < trimmed.len() => &trimmed[i + 1..],
        _ => iri,
    }
}

/// A property's readable name: `wasDerivedFrom` → `was derived from`.
pub(crate) fn readable_property(iri: &str) -> String {
    let local = local_name(iri);
    let mut out = String::with_capacity(local.len() + 4);
    let mut previous_lower = false;
    for c in local.chars() {
        if c == '_' || c == '-' {
            out.push(' ');
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower {
            out.push(' ');
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        out.extend(c.to_lowercase());
    }
    out
}

/// Cuts `text` to `max` characters, ending with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn kind_of(description: &Description) -> NodeKind {
    let has = |ty: NamedNodeRef<'_>| description.has_type(ty);
    let has_any = |types: &[&str]| types.iter().any(|t| description.types.contains(*t));
    if has(schema::PERSON) {
        NodeKind::Person
    } else if has(schema::ORGANIZATION) || has_any(ORGANIZATION_SUBTYPES) {
        NodeKind::Organization
    } else if has(schema::PLACE) || has_any(PLACE_SUBTYPES) {
        NodeKind::Place
    } else if has(schema::EVENT) {
        NodeKind::Event
    } else if has(schema::NEWS_ARTICLE) {
        NodeKind::Document
    } else {
        NodeKind::Other
    }
}

fn is_membership(description: &Description) -> bool {
    description.has_type(org::MEMBERSHIP) || description.objects(org::MEMBER).next().is_some()
}

/// Roles: what memberships point at with `org:role`, and whatever is typed `org:Role`. They are
/// drawn through memberships (as edge labels or role nodes), never as nodes of their own.
fn roles(descriptions: &BTreeMap<String, Description>) -> HashSet<String> {
    descriptions
        .iter()
        .filter(|(_, d)| d.has_type(org::ROLE_CLASS))
        .map(|(key, _)| key.clone())
        .chain(
            descriptions
                .values()
                .filter(|d| is_membership(d))
                .flat_map(|d| d.resources(org::ROLE)),
        )
        .collect()
}

/// An event's dates as one line: `2025-11-26`, or `2025-11-26 – 2025-11-28`.
fn event_date(description: &Description) -> Option<String> {
    let start = description.first_literal(schema::START_DATE);
    let end = description.first_literal(schema::END_DATE);
    match (start, end) {
        (Some(s), Some(e)) if s != e => Some(format!("{s} – {e}")),
        (Some(s), _) => Some(s),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => description.first_literal(kg::TIMEX_VALUE),
    }
}

/// Builds [`KnowledgeGraph`]s from quads or triples.
#[derive(Default)]
pub(crate) struct GraphBuilder {
    descriptions: BTreeMap<String, Description>,
}

impl GraphBuilder {
    /// Adds one quad; its graph name is kept as provenance.
    pub(crate) fn add_quad(&mut self, quad: Quad) {
        let graph = match quad.graph_name {
            GraphName::NamedNode(n) => Some(n.into_string()),
            GraphName::BlankNode(b) => Some(format!("_:{}", b.as_str())),
            GraphName::DefaultGraph => None,
        };
        self.add(quad.subject, quad.predicate, quad.object, graph);
    }

    /// Adds one triple (from a CONSTRUCT result).
    pub(crate) fn add_triple(&mut self, triple: Triple) {
        self.add(triple.subject, triple.predicate, triple.object, None);
    }

    fn add(
        &mut self,
        subject: NamedOrBlankNode,
        predicate: NamedNode,
        object: Term,
        graph: Option<String>,
    ) {
        // Whole texts are never drawn: not worth copying.
        if predicate.as_ref() == nif::IS_STRING || predicate.as_ref() == schema::TEXT {
            return;
        }
        let description = self.descriptions.entry(subject_key(&subject)).or_default();
        if predicate.as_ref() == rdf::TYPE {
            if let Term::NamedNode(t) = &object {
                description.types.insert(t.as_str().to_owned());
            }
        }
        let position = description.statements.len();
        match description
            .positions
            .entry((predicate.clone(), object.clone()))
        {
            std::collections::hash_map::Entry::Occupied(at) => {
                if let Some(existing) = description.statements.get_mut(*at.get()) {
                    existing.graphs.extend(graph);
                }
                return;
            }
            std::collections::hash_map::Entry::Vacant(at) => {
                at.insert(position);
            }
        }
        description.statements.push(Statement {
            predicate,
            object,
            graphs: graph.into_iter().collect(),
        });
    }

    /// Whether nothing was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.descriptions.is_empty()
    }

    /// Folds the descriptions into a drawable graph.
    pub(crate) fn build(self) -> KnowledgeGraph {
        let roles = roles(&self.descriptions);
        let mut folder = Folder {
            descriptions: &self.descriptions,
            roles: &roles,
            graph: DiGraph::new(),
            index: HashMap::new(),
            edges: HashMap::new(),
        };
        // Nodes first, in key order, so that the output is deterministic.
        for (key, description) in &self.descriptions {
            if is_membership(description) || roles.contains(key) {
                continue;
            }
            folder.node(key);
        }
        for (key, description) in &self.descriptions {
            if is_membership(description) {
                folder.membership(description);
            } else if roles.contains(key) {
                continue;
            } else {
                folder.links(key, description);
            }
        }
        KnowledgeGraph {
            graph: folder.graph,
        }
    }
}

/// The state of one fold from descriptions to a graph.
struct Folder<'a> {
    descriptions: &'a BTreeMap<String, Description>,
    roles: &'a HashSet<String>,
    graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
    /// Edge dedup: (from, to, kind, label, qualifiers) → edge.
    edges:
        HashMap<(NodeIndex, NodeIndex, EdgeKind, String, Vec<String>), petgraph::graph::EdgeIndex>,
}

impl Folder<'_> {
    /// The node for a key, made on first use.
    fn node(&mut self, key: &str) -> NodeIndex {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let node = match self.descriptions.get(key) {
            Some(description) => {
                let mut node = describe(key, description);
                if node.kind == NodeKind::Event {
                    node.sources = self.sources(&node.provenance);
                    if node.sources.count > 0 {
                        let count = node.sources.count;
                        node.details.push(format!(
                            "{count} article{}",
                            if count == 1 { "" } else { "s" }
                        ));
                    }
                }
                node
            }
            None => Node {
                key: key.to_owned(),
                kind: NodeKind::Other,
                label: local_name(key).to_owned(),
                alt_labels: Vec::new(),
                details: Vec::new(),
                provenance: BTreeSet::new(),
                sources: Sources::default(),
            },
        };
        let i = self.graph.add_node(node);
        self.index.insert(key.to_owned(), i);
        i
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, edge: Edge) {
        let key = (
            from,
            to,
            edge.kind,
            edge.label.clone(),
            edge.qualifiers.clone(),
        );
        if let Some(&existing) = self.edges.get(&key) {
            let merged: BTreeSet<String> = match self.graph.edge_weight(existing) {
                Some(weight) => weight
                    .provenance
                    .iter()
                    .chain(edge.provenance.iter())
                    .cloned()
                    .collect(),
                None => return,
            };
            let sources = self.sources(&merged);
            if let Some(weight) = self.graph.edge_weight_mut(existing) {
                weight.provenance = merged;
                weight.sources = sources;
            }
            return;
        }
        let i = self.graph.add_edge(from, to, edge);
        self.edges.insert(key, i);
    }

    /// The articles among `provenance`, counted, the first few named.
    fn sources(&self, provenance: &BTreeSet<String>) -> Sources {
        let articles: Vec<&String> = provenance.iter().filter(|k| is_article(k)).collect();
        let links = articles
            .iter()
            .filter_map(|key| {
                let description = self.descriptions.get(key.as_str())?;
                description
                    .first_literal(schema::URL)
                    .or_else(|| description.first_literal(kg::SOURCE))
            })
            .take(MAX_NAMED_SOURCES)
            .collect();
        let named = articles
            .iter()
            .filter_map(|key| {
                let description = self.descriptions.get(key.as_str())?;
                let headline = description.first_literal(schema::HEADLINE)?;
                let mut about: Vec<String> = Vec::new();
                about.extend(description.first_literal(schema::DATE_PUBLISHED));
                about.extend(description.first_literal(kg::SOURCE));
                Some(if about.is_empty() {
                    shorten(&headline, MAX_DETAIL_CHARS)
                } else {
                    format!(
                        "{} ({})",
                        shorten(&headline, MAX_DETAIL_CHARS),
                        about.join(", ")
                    )
                })
            })
            .take(MAX_NAMED_SOURCES)
            .collect();
        Sources {
            count: articles.len(),
            named,
            links,
        }
    }

    /// The label of a role IRI.
    fn role_label(&self, role: &str) -> String {
        self.descriptions
            .get(role)
            .and_then(|d| d.first_literal(rdfs::LABEL))
            .unwrap_or_else(|| local_name(role).replace(['-', '_'], " "))
    }

    /// A membership folded into member → organization edges (or member → role node).
    fn membership(&mut self, description: &Description) {
        let provenance = description.provenance();
        let sources = self.sources(&provenance);
        let mut qualifiers = description.literals(kg::QUALIFIER);
        qualifiers.sort();
        qualifiers.dedup();
        let members = description.resources(org::MEMBER);
        let organizations = description.resources(org::ORGANIZATION);
        let mut roles = description.resources(org::ROLE);
        if roles.is_empty() {
            roles.push(String::new());
        }
        for member in &members {
            for role in &roles {
                let role_label = if role.is_empty() {
                    "member".to_owned()
                } else {
                    self.role_label(role)
                };
                if organizations.is_empty() {
                    if role.is_empty() {
                        continue;
                    }
                    let role_key = format!("{role}#{member}");
                    let from = self.node(member);
                    let to = match self.index.get(&role_key) {
                        Some(&i) => i,
                        None => {
                            let i = self.graph.add_node(Node {
                                key: role_key.clone(),
                                kind: NodeKind::Role,
                                label: role_label.clone(),
                                alt_labels: Vec::new(),
                                details: Vec::new(),
                                provenance: provenance.clone(),
                                sources: Sources::default(),
                            });
                            self.index.insert(role_key, i);
                            i
                        }
                    };
                    if let Some(node) = self.graph.node_weight_mut(to) {
                        node.provenance.extend(provenance.iter().cloned());
                    }
                    self.edge(
                        from,
                        to,
                        Edge {
                            kind: EdgeKind::HoldsRole,
                            label: String::new(),
                            qualifiers: qualifiers.clone(),
                            provenance: provenance.clone(),
                            sources: sources.clone(),
                        },
                    );
                }
                for organization in &organizations {
                    let from = self.node(member);
                    let to = self.node(organization);
                    self.edge(
                        from,
                        to,
                        Edge {
                            kind: EdgeKind::Membership,
                            label: role_label.clone(),
                            qualifiers: qualifiers.clone(),
                            provenance: provenance.clone(),
                            sources: sources.clone(),
                        },
                    );
                }
            }
        }
    }

    /// Links from one subject to other resources.
    fn links(&mut self, key: &str, description: &Description) {
        for statement in &description.statements {
            let predicate = statement.predicate.as_ref();
            if is_metadata(predicate) {
                continue;
            }
            let Some(object) = resource_key(&statement.object) else {
                continue;
            };
            // Links to roles are drawn through memberships only; links to a membership
            // (rare, from user data) are not drawn.
            if self.descriptions.get(&object).is_some_and(is_membership)
                || self.roles.contains(&object)
            {
                continue;
            }
            let (kind, label) = if predicate == schema::ATTENDEE {
                (EdgeKind::Attendee, "attendee".to_owned())
            } else if predicate == schema::LOCATION {
                (EdgeKind::Location, "location".to_owned())
            } else {
                (EdgeKind::Other, readable_property(predicate.as_str()))
            };
            // An event's links are stated by the event's articles.
            let mut provenance = description.statement_provenance(statement);
            provenance.extend(description.resources(prov::WAS_DERIVED_FROM));
            let sources = self.sources(&provenance);
            let from = self.node(key);
            let to = self.node(&object);
            self.edge(
                from,
                to,
                Edge {
                    kind,
                    label,
                    qualifiers: Vec::new(),
                    provenance,
                    sources,
                },
            );
        }
    }
}

/// The node for a described subject.
fn describe(key: &str, description: &Description) -> Node {
    let kind = kind_of(description);
    let named = |predicate| {
        description
            .literals(predicate)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .min()
    };
    let label = named(rdfs::LABEL)
        .or_else(|| named(schema::NAME))
        .or_else(|| named(schema::HEADLINE))
        .or_else(|| named(nif::ANCHOR_OF).map(|a| shorten(&a, MAX_DETAIL_CHARS)))
        .unwrap_or_else(|| local_name(key).to_owned());
    // Other names: aliases, and every form a document wrote the name in.
    let mut alt_labels = description.literals(skos::ALT_LABEL);
    alt_labels.extend(description.literals(schema::NAME));
    let mut details = Vec::new();
    match kind {
        NodeKind::Event => details.extend(event_date(description)),
        NodeKind::Document => {
            details.extend(description.first_literal(schema::DATE_PUBLISHED));
            details.extend(description.first_literal(kg::DOCUMENT_ID));
            alt_labels.extend(description.literals(kg::DOCUMENT_ID));
            alt_labels.extend(description.literals(kg::SOURCE));
        }
        NodeKind::Other => {
            for statement in &description.statements {
                let predicate = statement.predicate.as_ref();
                if is_metadata(predicate) || [schema::NAME].contains(&predicate) {
                    continue;
                }
                if let Term::Literal(literal) = &statement.object {
                    details.push(format!(
                        "{}: {}",
                        readable_property(predicate.as_str()),
                        shorten(literal.value(), MAX_DETAIL_CHARS)
                    ));
                }
            }
            details.sort();
            if details.len() > MAX_DETAILS {
                let hidden = details.len() - (MAX_DETAILS - 1);
                details.truncate(MAX_DETAILS - 1);
                details.push(format!("(+{hidden} more)"));
            }
        }
        _ => {}
    }
    alt_labels.sort();
    alt_labels.dedup();
    alt_labels.retain(|a| *a != label);
    Node {
        key: key.to_owned(),
        kind,
        label,
        alt_labels,
        details,
        provenance: description.provenance(),
        sources: Sources::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_names_are_the_last_segment() {
        assert_eq!(local_name("http://schema.org/attendee"), "attendee");
        assert_eq!(local_name("http://www.w3.org/ns/org#member"), "member");
        assert_eq!(local_name("https://kg.example.org/id/person/ada"), "ada");
        assert_eq!(local_name("urn:x"), "urn:x");
    }

    #[test]
    fn properties_read_as_words() {
        assert_eq!(
            readable_property("http://www.w3.org/ns/prov#wasDerivedFrom"),
            "was derived from"
        );
        assert_eq!(
            readable_property("http://schema.org/startDate"),
            "start date"
        );
        assert_eq!(readable_property("http://example.org/has_part"), "has part");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("Петренко", 4), "Пет…");
        assert_eq!(shorten("abc", 3), "abc");
    }

    #[test]
    fn sources_count_articles_and_name_a_few() {
        let sources = Sources {
            count: 3,
            named: vec!["A (2024-01-02, a.txt)".into()],
            links: vec!["a.txt".into()],
        };
        assert_eq!(
            sources.tooltip().as_deref(),
            Some("3 articles\nA (2024-01-02, a.txt)\n(+2 more)")
        );
        assert_eq!(Sources::default().tooltip(), None);
        assert!(is_article("https://kg.example.org/doc/0123456789abcdef"));
        assert!(!is_article(
            "https://kg.example.org/doc/0123456789abcdef/m0"
        ));
        assert!(!is_article("https://kg.example.org/graph/facts"));
    }

    #[test]
    fn qualifiers_follow_the_label() {
        let edge = Edge {
            kind: EdgeKind::Membership,
            label: "Chair".into(),
            qualifiers: vec!["former".into()],
            provenance: BTreeSet::new(),
            sources: Sources::default(),
        };
        assert_eq!(edge.full_label(), "Chair (former)");
        assert!(edge.is_former());
    }
}
