//! Reading from the store only what a picture draws.
//!
//! A store of a large archive holds millions of quads, almost all of them in document graphs
//! (sentences, phrases, namings, attestations) that a picture never draws. So nothing here
//! iterates the store: a focus entity is found by its label in `graph/entities` (an index lookup
//! on the literal), and its neighbourhood is walked out through `graph/facts` with lookups that
//! bind the subject or the object. Each fact's attestations are followed to their articles only
//! to count them and to name them in tooltips. The whole graph reads `graph/entities` and
//! `graph/facts` (never the document graphs), after counting what it would draw; one document
//! reads its own graph and the facts its attestations support.
//!
//! What is read goes into a [`GraphBuilder`], with one synthetic `prov:wasDerivedFrom` triple
//! from each fact to each article that attests it: that is how edges and events know their
//! sources.

use std::collections::{BTreeSet, HashSet, VecDeque};

use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
    TermRef,
};
use oxigraph::store::Store;

use super::graph::GraphBuilder;
use super::ExportError;
use crate::rdf::iri::{entities_graph, facts_graph};
use crate::rdf::vocab::{kg, org, owl, prov, rdf, rdfs, schema, skos, DOC_NS, PREFIXES};

/// At most this many articles of one fact are looked up for their headline and source (the
/// count of articles is always exact).
const MAX_NAMED_SOURCES: usize = 8;
/// A neighbourhood stops growing (and says so) past this many times `--max-nodes`.
const GROWTH_FACTOR: usize = 4;
/// At most this many memberships of last-ring entities are looked at for edges between them.
const MAX_CLOSING_FACTS: usize = 20_000;

/// The predicates by which a fact points at an entity.
const FACT_LINKS: [NamedNodeRef<'static>; 4] = [
    org::MEMBER,
    org::ORGANIZATION,
    schema::ATTENDEE,
    schema::LOCATION,
];

/// What was read, ready to build, with notes for the user.
pub(crate) struct Read {
    /// The quads read.
    pub builder: GraphBuilder,
    /// The key of the entity or document the picture is about, if any.
    pub root: Option<String>,
    /// Things to tell the user.
    pub notes: Vec<String>,
}

/// The reading state: the builder and what was already read.
struct Reader<'a> {
    store: &'a Store,
    facts: NamedNode,
    entities: NamedNode,
    builder: GraphBuilder,
    read_subjects: HashSet<String>,
    read_facts: HashSet<String>,
    named_articles: HashSet<String>,
}

fn named(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn iri_of(term: &Term) -> Option<&str> {
    match term {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    fn new(store: &'a Store) -> Self {
        Reader {
            store,
            facts: facts_graph(),
            entities: entities_graph(),
            builder: GraphBuilder::default(),
            read_subjects: HashSet::new(),
            read_facts: HashSet::new(),
            named_articles: HashSet::new(),
        }
    }

    /// Every quad about `subject` in `graph`, into the builder (once per subject and graph).
    fn subject(&mut self, subject: &str, graph: &NamedNode) -> Result<(), ExportError> {
        if !self
            .read_subjects
            .insert(format!("{subject} {}", graph.as_str()))
        {
            return Ok(());
        }
        let node = named(subject);
        for quad in self.store.quads_for_pattern(
            Some(node.as_ref().into()),
            None,
            None,
            Some(graph.as_ref().into()),
        ) {
            let quad = quad?;
            if quad.predicate.as_ref() == owl::SAME_AS {
                continue;
            }
            self.builder.add_quad(quad);
        }
        Ok(())
    }

    /// The facts in `graph/facts` that point at `entity`.
    fn facts_of(&self, entity: &str) -> Result<BTreeSet<String>, ExportError> {
        let node = named(entity);
        let mut out = BTreeSet::new();
        for quad in self.store.quads_for_pattern(
            None,
            None,
            Some(node.as_ref().into()),
            Some(self.facts.as_ref().into()),
        ) {
            let quad = quad?;
            if FACT_LINKS.contains(&quad.predicate.as_ref()) {
                if let NamedOrBlankNode::NamedNode(n) = quad.subject {
                    out.insert(n.into_string());
                }
            }
        }
        Ok(out)
    }

    /// Reads one fact: its quads, its role's label, and its articles (through its
    /// attestations). Returns the entities it points at and whether it is an event.
    fn fact(&mut self, fact: &str) -> Result<(Vec<String>, bool), ExportError> {
        let node = named(fact);
        let mut linked = Vec::new();
        let mut is_event = false;
        let mut attestations = Vec::new();
        let mut roles = Vec::new();
        let first = self.read_facts.insert(fact.to_owned());
        for quad in self.store.quads_for_pattern(
            Some(node.as_ref().into()),
            None,
            None,
            Some(self.facts.as_ref().into()),
        ) {
            let quad = quad?;
            let predicate = quad.predicate.as_ref();
            if predicate == rdf::TYPE && quad.object.as_ref() == TermRef::from(schema::EVENT) {
                is_event = true;
            }
            if let Some(object) = iri_of(&quad.object) {
                if FACT_LINKS.contains(&predicate) {
                    linked.push(object.to_owned());
                } else if predicate == kg::ATTESTATION {
                    attestations.push(object.to_owned());
                    continue;
                } else if predicate == org::ROLE {
                    roles.push(object.to_owned());
                }
            }
            if first {
                self.builder.add_quad(quad);
            }
        }
        if !first {
            return Ok((linked, is_event));
        }
        let facts = self.facts.clone();
        for role in roles {
            self.subject(&role, &facts)?;
        }
        let articles = self.articles(&attestations)?;
        for (i, article) in articles.iter().enumerate() {
            self.builder.add_quad(Quad::new(
                node.clone(),
                prov::WAS_DERIVED_FROM.into_owned(),
                named(article),
                GraphName::DefaultGraph,
            ));
            if i < MAX_NAMED_SOURCES {
                self.article(article)?;
            }
        }
        Ok((linked, is_event))
    }

    /// The articles that attestations were derived from.
    fn articles(&self, attestations: &[String]) -> Result<BTreeSet<String>, ExportError> {
        let mut out = BTreeSet::new();
        for attestation in attestations {
            let node = named(attestation);
            let mut found = false;
            for quad in self.store.quads_for_pattern(
                Some(node.as_ref().into()),
                Some(prov::WAS_DERIVED_FROM),
                None,
                None,
            ) {
                if let Some(article) = iri_of(&quad?.object) {
                    out.insert(article.to_owned());
                    found = true;
                }
            }
            // An attestation is `doc/<id>/m0`: its article is `doc/<id>`.
            if !found {
                if let Some((article, _)) = attestation.rsplit_once('/') {
                    if article.starts_with(DOC_NS) && article.len() > DOC_NS.len() {
                        out.insert(article.to_owned());
                    }
                }
            }
        }
        Ok(out)
    }

    /// An article's headline, date, identifier and source (never its text).
    fn article(&mut self, article: &str) -> Result<(), ExportError> {
        if !self.named_articles.insert(article.to_owned()) {
            return Ok(());
        }
        let node = named(article);
        for predicate in [
            rdf::TYPE,
            schema::HEADLINE,
            schema::DATE_PUBLISHED,
            schema::URL,
            kg::SOURCE,
            kg::DOCUMENT_ID,
        ] {
            for quad in self.store.quads_for_pattern(
                Some(node.as_ref().into()),
                Some(predicate),
                None,
                None,
            ) {
                self.builder.add_quad(quad?);
            }
        }
        Ok(())
    }

    /// An entity's class, label and aliases.
    fn entity(&mut self, entity: &str) -> Result<(), ExportError> {
        let entities = self.entities.clone();
        self.subject(entity, &entities)
    }

    /// Subjects of `graph/entities` with `predicate` equal to `text`.
    fn by_literal(
        &self,
        predicate: NamedNodeRef<'_>,
        text: &str,
    ) -> Result<Vec<String>, ExportError> {
        let literal = Literal::new_simple_literal(text);
        let mut out = Vec::new();
        for graph in [&self.entities, &self.facts] {
            for quad in self.store.quads_for_pattern(
                None,
                Some(predicate),
                Some(literal.as_ref().into()),
                Some(graph.as_ref().into()),
            ) {
                if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
                    if graph == &self.entities || self.is_event(n.as_str())? {
                        out.push(n.into_string());
                    }
                }
            }
        }
        Ok(out)
    }

    /// Whether `iri` is an event of `graph/facts`.
    fn is_event(&self, iri: &str) -> Result<bool, ExportError> {
        let node = named(iri);
        match self
            .store
            .quads_for_pattern(
                Some(node.as_ref().into()),
                Some(rdf::TYPE),
                Some(schema::EVENT.into()),
                Some(self.facts.as_ref().into()),
            )
            .next()
        {
            Some(quad) => quad.map(|_| true).map_err(ExportError::from),
            None => Ok(false),
        }
    }

    /// An entity's label (else its IRI).
    fn label(&self, entity: &str) -> Result<String, ExportError> {
        let node = named(entity);
        for graph in [&self.entities, &self.facts] {
            for quad in self.store.quads_for_pattern(
                Some(node.as_ref().into()),
                Some(rdfs::LABEL),
                None,
                Some(graph.as_ref().into()),
            ) {
                if let Term::Literal(l) = quad?.object {
                    return Ok(l.value().to_owned());
                }
            }
        }
        Ok(entity.to_owned())
    }

    /// Whether `iri` is described in `graph/entities` or `graph/facts`.
    fn exists(&self, iri: &str) -> Result<bool, ExportError> {
        let node = named(iri);
        for graph in [&self.entities, &self.facts] {
            if let Some(quad) = self
                .store
                .quads_for_pattern(
                    Some(node.as_ref().into()),
                    None,
                    None,
                    Some(graph.as_ref().into()),
                )
                .next()
            {
                quad?;
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// What an entity that only says `owl:sameAs` another is merged into.
    fn same_as(&self, entity: &str) -> Result<Option<String>, ExportError> {
        let node = named(entity);
        for quad in self.store.quads_for_pattern(
            Some(node.as_ref().into()),
            Some(owl::SAME_AS),
            None,
            Some(self.entities.as_ref().into()),
        ) {
            if let Some(target) = iri_of(&quad?.object) {
                return Ok(Some(target.to_owned()));
            }
        }
        Ok(None)
    }
}

/// Case-folded, whitespace-collapsed text.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The entity a `--focus` name designates: an IRI or prefixed name, an exact label or alias
/// (index lookups), or else a label or alias equal ignoring case (a scan of the entity names,
/// never of the documents). When nothing matches, the entity names are returned so that
/// close matches can be suggested.
fn find_focus(
    reader: &mut Reader<'_>,
    name: &str,
) -> Result<(Option<String>, Vec<String>), ExportError> {
    let name = name.trim();
    let iri = name.trim_start_matches('<').trim_end_matches('>');
    let expanded = iri.split_once(':').and_then(|(prefix, local)| {
        PREFIXES
            .iter()
            .find(|(p, _)| *p == prefix)
            .map(|(_, ns)| format!("{ns}{local}"))
    });
    for candidate in [Some(iri.to_owned()), expanded].into_iter().flatten() {
        if oxigraph::model::NamedNode::new(candidate.as_str()).is_ok()
            && reader.exists(&candidate)?
        {
            return Ok((
                Some(reader.same_as(&candidate)?.unwrap_or(candidate)),
                Vec::new(),
            ));
        }
    }
    // As `select` ranks names: exact label, label ignoring case, exact alias, alias ignoring
    // case; the exact ones are index lookups, the others a scan of the entity names.
    let folded = fold(name);
    let mut candidates: Vec<String> = Vec::new();
    for predicate in [rdfs::LABEL, skos::ALT_LABEL] {
        candidates = reader.by_literal(predicate, name)?;
        if !candidates.is_empty() {
            break;
        }
        for graph in [reader.entities.clone(), reader.facts.clone()] {
            for quad in reader.store.quads_for_pattern(
                None,
                Some(predicate),
                None,
                Some(graph.as_ref().into()),
            ) {
                let quad = quad?;
                if let (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) =
                    (&quad.subject, &quad.object)
                {
                    if fold(l.value()) == folded
                        && (graph == reader.entities || reader.is_event(n.as_str())?)
                    {
                        candidates.push(n.as_str().to_owned());
                    }
                }
            }
        }
        if !candidates.is_empty() {
            break;
        }
    }
    // Several: the one with the most facts.
    candidates.sort();
    candidates.dedup();
    let mut ranked: Vec<(std::cmp::Reverse<usize>, String, String)> = Vec::new();
    for candidate in candidates {
        let target = reader.same_as(&candidate)?.unwrap_or(candidate);
        if ranked.iter().any(|(_, _, t)| *t == target) {
            continue;
        }
        let degree = reader.facts_of(&target)?.len();
        let label = reader.label(&target)?;
        ranked.push((std::cmp::Reverse(degree), label, target));
    }
    ranked.sort();
    let Some((_, label, best)) = ranked.first().cloned() else {
        return Ok((None, Vec::new()));
    };
    let mut notes = Vec::new();
    if ranked.len() > 1 {
        let others: Vec<String> = ranked[1..]
            .iter()
            .map(|(_, l, k)| format!("{l} (<{k}>)"))
            .collect();
        notes.push(format!(
            "\"{name}\" matches {} entities: drew {label} (<{best}>); the others are {} (give a \
             full name or an IRI)",
            ranked.len(),
            others.join(", ")
        ));
    }
    Ok((Some(best), notes))
}

/// The entity, membership or event `name` designates, found as `--focus` finds it (an IRI or
/// prefixed name, a label, an alias), with notes when several match; `None` when nothing does.
pub(crate) fn resolve(
    store: &Store,
    name: &str,
) -> Result<(Option<String>, Vec<String>), ExportError> {
    let mut reader = Reader::new(store);
    find_focus(&mut reader, name)
}

/// Reads every entity name (for suggestions when a focus name is unknown).
fn read_names(reader: &mut Reader<'_>) -> Result<(), ExportError> {
    for predicate in [rdf::TYPE, rdfs::LABEL, skos::ALT_LABEL] {
        for quad in reader.store.quads_for_pattern(
            None,
            Some(predicate),
            None,
            Some(reader.entities.as_ref().into()),
        ) {
            reader.builder.add_quad(quad?);
        }
    }
    Ok(())
}

/// The neighbourhood of the entity `name` designates, `depth` drawn edges out: a membership is
/// one edge between member and organization (or role), an event is a node one edge from each
/// attendee and its place. Facts between two nodes of the last ring are not read.
pub(crate) fn neighbourhood(
    store: &Store,
    name: &str,
    depth: usize,
    max_nodes: usize,
) -> Result<Read, ExportError> {
    let mut reader = Reader::new(store);
    let (start, mut notes) = find_focus(&mut reader, name)?;
    let Some(start) = start else {
        // Unknown: read the names only, so that `select` can suggest close ones.
        read_names(&mut reader)?;
        return Ok(Read {
            builder: reader.builder,
            root: None,
            notes: Vec::new(),
        });
    };
    let start_is_event = reader.is_event(&start)?;
    if start_is_event {
        reader.fact(&start)?;
    } else {
        reader.entity(&start)?;
    }
    let mut seen = HashSet::from([start.clone()]);
    let mut queue = VecDeque::from([(start.clone(), 0usize, start_is_event)]);
    let limit = max_nodes.saturating_mul(GROWTH_FACTOR);
    let mut last_ring = Vec::new();
    while let Some((key, distance, is_event)) = queue.pop_front() {
        if distance >= depth {
            if !is_event {
                last_ring.push(key);
            }
            continue;
        }
        if seen.len() > limit {
            notes.push(format!(
                "stopped reading at {} nodes, well past --max-nodes {max_nodes}",
                seen.len()
            ));
            break;
        }
        let facts: Vec<String> = if is_event {
            vec![key.clone()]
        } else {
            reader.facts_of(&key)?.into_iter().collect()
        };
        for fact in facts {
            let (linked, fact_is_event) = reader.fact(&fact)?;
            if fact_is_event && fact != key {
                // The event is a node of its own, one edge out.
                if seen.insert(fact.clone()) {
                    queue.push_back((fact.clone(), distance + 1, true));
                }
                continue;
            }
            for entity in linked {
                if seen.insert(entity.clone()) {
                    reader.entity(&entity)?;
                    queue.push_back((entity, distance + 1, false));
                }
            }
        }
    }
    close_last_ring(&mut reader, &last_ring, &seen)?;
    Ok(Read {
        builder: reader.builder,
        root: Some(start),
        notes,
    })
}

/// Memberships between two entities of the last ring (a president and his country, both met
/// at depth 1): looked up by member and organization, read only when both ends are drawn, and
/// given up past [`MAX_CLOSING_FACTS`] candidates.
fn close_last_ring(
    reader: &mut Reader<'_>,
    last_ring: &[String],
    seen: &HashSet<String>,
) -> Result<(), ExportError> {
    let mut budget = MAX_CLOSING_FACTS;
    let facts = reader.facts.clone();
    for entity in last_ring {
        let node = named(entity);
        let mut candidates = Vec::new();
        for quad in reader.store.quads_for_pattern(
            None,
            Some(org::MEMBER),
            Some(node.as_ref().into()),
            Some(facts.as_ref().into()),
        ) {
            if budget == 0 {
                return Ok(());
            }
            budget -= 1;
            if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
                candidates.push(n);
            }
        }
        for fact in candidates {
            if reader.read_facts.contains(fact.as_str()) {
                continue;
            }
            let mut inside = false;
            for quad in reader.store.quads_for_pattern(
                Some(fact.as_ref().into()),
                Some(org::ORGANIZATION),
                None,
                Some(facts.as_ref().into()),
            ) {
                if iri_of(&quad?.object).is_some_and(|o| seen.contains(o)) {
                    inside = true;
                }
            }
            if inside {
                reader.fact(fact.as_str())?;
            }
        }
    }
    Ok(())
}

/// Everything the whole graph draws (`graph/entities` and `graph/facts`), refused before
/// reading when it has more than `max_nodes` entities and events.
pub(crate) fn whole(store: &Store, max_nodes: usize) -> Result<Read, ExportError> {
    let mut reader = Reader::new(store);
    let mut subjects = HashSet::new();
    let types = [
        (reader.entities.clone(), None),
        (reader.facts.clone(), Some(schema::EVENT)),
    ];
    for (graph, only) in &types {
        for quad in store.quads_for_pattern(
            None,
            Some(rdf::TYPE),
            only.map(|t| t.into()),
            Some(graph.as_ref().into()),
        ) {
            subjects.insert(quad?.subject);
        }
    }
    if subjects.len() > max_nodes {
        return Err(ExportError::TooManyNodes {
            scope: "the whole graph".into(),
            count: subjects.len(),
            max_nodes,
            advice: "draw part of it with --focus NAME (and --depth N) or --doc ID, or raise \
                     --max-nodes"
                .into(),
        });
    }
    let entities = reader.entities.clone();
    for quad in store.quads_for_pattern(None, None, None, Some(entities.as_ref().into())) {
        let quad = quad?;
        if quad.predicate.as_ref() != owl::SAME_AS {
            reader.builder.add_quad(quad);
        }
    }
    let facts = reader.facts.clone();
    let mut fact_keys = BTreeSet::new();
    for quad in store.quads_for_pattern(None, None, None, Some(facts.as_ref().into())) {
        let quad = quad?;
        if FACT_LINKS.contains(&quad.predicate.as_ref()) {
            if let NamedOrBlankNode::NamedNode(n) = &quad.subject {
                fact_keys.insert(n.as_str().to_owned());
            }
        }
        // Role nodes and their labels.
        if quad.predicate.as_ref() == rdfs::LABEL {
            reader.builder.add_quad(quad);
        }
    }
    for fact in fact_keys {
        reader.fact(&fact)?;
    }
    Ok(Read {
        builder: reader.builder,
        root: None,
        notes: Vec::new(),
    })
}

/// The document an identifier designates: its IRI, `doc/<id>`, its identifier (or a prefix of
/// at least 4 digits), or the end of its source path. `Err` lists candidates.
fn find_document(reader: &Reader<'_>, id: &str) -> Result<String, ExportError> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let id = id.strip_prefix("doc:").unwrap_or(id);
    let is_article = |iri: &str| -> Result<bool, ExportError> {
        if NamedNode::new(iri).is_err() {
            return Ok(false);
        }
        let node = named(iri);
        match reader
            .store
            .quads_for_pattern(
                Some(node.as_ref().into()),
                Some(rdf::TYPE),
                Some(schema::NEWS_ARTICLE.into()),
                Some(GraphNameRef::NamedNode(node.as_ref())),
            )
            .next()
        {
            Some(quad) => quad.map(|_| true).map_err(ExportError::from),
            None => Ok(false),
        }
    };
    for candidate in [id.to_owned(), format!("{DOC_NS}{id}")] {
        if is_article(&candidate)? {
            return Ok(candidate);
        }
    }
    // A prefix of an identifier, or the end of a source path: the documents' keys and sources.
    let mut known: Vec<(String, String)> = Vec::new();
    let mut partial = Vec::new();
    for quad in reader
        .store
        .quads_for_pattern(None, Some(kg::SOURCE), None, None)
    {
        let quad = quad?;
        let (NamedOrBlankNode::NamedNode(doc), Term::Literal(source)) =
            (&quad.subject, &quad.object)
        else {
            continue;
        };
        let Some(short) = doc.as_str().strip_prefix(DOC_NS) else {
            continue;
        };
        let source = source.value();
        if source == id
            || source.ends_with(&format!("/{id}"))
            || (id.len() >= 4 && short.starts_with(id))
        {
            partial.push(doc.as_str().to_owned());
        }
        known.push((short.to_owned(), source.to_owned()));
    }
    partial.sort();
    partial.dedup();
    if let [only] = &partial[..] {
        return Ok(only.clone());
    }
    let ambiguous = partial.len() > 1;
    let listed: Vec<String> = if ambiguous {
        partial
            .iter()
            .map(|d| d.trim_start_matches(DOC_NS).to_owned())
            .collect()
    } else {
        known.sort();
        known
            .iter()
            .take(10)
            .map(|(k, source)| {
                let headline = reader
                    .store
                    .quads_for_pattern(
                        Some(named(&format!("{DOC_NS}{k}")).as_ref().into()),
                        Some(schema::HEADLINE),
                        None,
                        None,
                    )
                    .filter_map(Result::ok)
                    .find_map(|q| match q.object {
                        Term::Literal(l) => Some(l.value().to_owned()),
                        _ => None,
                    });
                format!("{k}  {}", headline.as_deref().unwrap_or(source))
            })
            .collect()
    };
    Err(ExportError::DocumentNotFound {
        id: id.to_owned(),
        ambiguous,
        known: listed.into_iter().take(10).collect(),
    })
}

/// One document: the article, the entities it names, and the facts its attestations support.
pub(crate) fn document(store: &Store, id: &str) -> Result<Read, ExportError> {
    let mut reader = Reader::new(store);
    let doc = find_document(&reader, id)?;
    reader.article(&doc)?;
    let graph = named(&doc);
    let mut attestations = Vec::new();
    let mut named_entities: BTreeSet<String> = BTreeSet::new();
    for quad in store.quads_for_pattern(None, None, None, Some(graph.as_ref().into())) {
        let quad = quad?;
        let predicate = quad.predicate.as_ref();
        if predicate == rdf::TYPE && quad.object.as_ref() == TermRef::from(kg::ATTESTATION_CLASS) {
            if let NamedOrBlankNode::NamedNode(n) = &quad.subject {
                attestations.push(n.clone());
            }
        } else if predicate == schema::MENTIONS {
            if let Some(entity) = iri_of(&quad.object) {
                named_entities.insert(entity.to_owned());
            }
        }
    }
    let facts = reader.facts.clone();
    let mut fact_keys = BTreeSet::new();
    for attestation in &attestations {
        for quad in store.quads_for_pattern(
            None,
            Some(kg::ATTESTATION),
            Some(attestation.as_ref().into()),
            Some(facts.as_ref().into()),
        ) {
            if let NamedOrBlankNode::NamedNode(n) = quad?.subject {
                fact_keys.insert(n.into_string());
            }
        }
    }
    for fact in &fact_keys {
        let (linked, _) = reader.fact(fact)?;
        for entity in linked {
            reader.entity(&entity)?;
        }
    }
    // The entities the article names (merged ones under the name they are merged into), marked
    // as read from this document so that they hang from it.
    for entity in &named_entities {
        let target = reader.same_as(entity)?.unwrap_or_else(|| entity.clone());
        reader.entity(&target)?;
        reader.builder.add_quad(Quad::new(
            named(&doc),
            schema::MENTIONS.into_owned(),
            named(&target),
            graph.clone(),
        ));
    }
    Ok(Read {
        builder: reader.builder,
        root: Some(doc),
        notes: Vec::new(),
    })
}
