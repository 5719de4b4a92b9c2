//! What to draw: the whole graph, one entity's neighbourhood, a CONSTRUCT result, or one document.
//!
//! Each selection starts from the [`KnowledgeGraph`] and ends in a [`Drawing`]: a small petgraph
//! graph of the nodes and edges to draw, in a stable order, with a title and notes for the user.
//! The neighbourhood is a breadth-first search over undirected edges; when it is larger than
//! `--max-nodes`, the closest nodes are kept (whole rings first, then the best-connected nodes
//! of the last ring), so what is drawn stays connected to the focus.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::Direction;

use super::graph::{Edge, EdgeKind, KnowledgeGraph, Node, NodeKind};
use super::ExportError;
use crate::rdf::vocab::{DOC_NS, PREFIXES};

/// A graph ready to be written as DOT or laid out.
#[derive(Clone, Debug)]
pub(crate) struct Drawing {
    /// The nodes and edges to draw.
    pub graph: DiGraph<Node, Edge>,
    /// The node the drawing is about (the focus, or the document), if any.
    pub root: Option<NodeIndex>,
    /// A one-line title ("Neighbourhood of … at depth 2").
    pub title: String,
    /// Things the user should know (ambiguous names, capped neighbourhoods).
    pub notes: Vec<String>,
}

/// How many close matches an unknown name lists.
const MAX_SUGGESTIONS: usize = 5;
/// How many documents an unknown document identifier lists.
const MAX_LISTED_DOCUMENTS: usize = 10;

/// The subgraph of `graph` made of `nodes` (in that order) and the edges between them that
/// `keep_edge` accepts.
fn subgraph(
    graph: &DiGraph<Node, Edge>,
    nodes: &[NodeIndex],
    keep_edge: impl Fn(&Edge) -> bool,
) -> (DiGraph<Node, Edge>, HashMap<NodeIndex, NodeIndex>) {
    let mut out = DiGraph::with_capacity(nodes.len(), nodes.len() * 2);
    let mut map = HashMap::with_capacity(nodes.len());
    for &n in nodes {
        if map.contains_key(&n) {
            continue;
        }
        map.insert(n, out.add_node(graph[n].clone()));
    }
    for edge in graph.raw_edges() {
        if let (Some(&a), Some(&b)) = (map.get(&edge.source()), map.get(&edge.target())) {
            if keep_edge(&edge.weight) {
                out.add_edge(a, b, edge.weight.clone());
            }
        }
    }
    (out, map)
}

/// The graph restricted to people, organizations, places, events and roles.
fn domain(kg: &KnowledgeGraph) -> DiGraph<Node, Edge> {
    let nodes: Vec<NodeIndex> = kg
        .graph
        .node_indices()
        .filter(|&n| kg.graph[n].kind.is_domain())
        .collect();
    subgraph(&kg.graph, &nodes, |_| true).0
}

fn check_size(
    count: usize,
    max_nodes: usize,
    scope: &str,
    advice: &str,
) -> Result<(), ExportError> {
    if count > max_nodes {
        return Err(ExportError::TooManyNodes {
            scope: scope.to_owned(),
            count,
            max_nodes,
            advice: advice.to_owned(),
        });
    }
    Ok(())
}

/// The whole knowledge graph (documents left out), refused above `max_nodes`.
/// Entities with no membership or event are drawn apart, packed in a grid beside the graph; when
/// they would take the drawing above `max_nodes` they are left out instead and counted in a note.
pub(crate) fn whole(kg: &KnowledgeGraph, max_nodes: usize) -> Result<Drawing, ExportError> {
    let all = domain(kg);
    let connected: Vec<NodeIndex> = all
        .node_indices()
        .filter(|&n| all.neighbors_undirected(n).next().is_some())
        .collect();
    let mut notes = Vec::new();
    let apart = all.node_count() - connected.len();
    let graph = if connected.is_empty() || all.node_count() <= max_nodes {
        all
    } else {
        if apart > 0 {
            notes.push(format!(
                "{apart} entities with no membership or event are not drawn (with them the \
                 picture would pass --max-nodes {max_nodes}); draw one with --focus NAME"
            ));
        }
        subgraph(&all, &connected, |_| true).0
    };
    if graph.node_count() == 0 {
        return Err(ExportError::NothingToDraw {
            what: "the store holds no people, organizations, places or events".into(),
            advice: "ingest some articles first".into(),
        });
    }
    check_size(
        graph.node_count(),
        max_nodes,
        "the whole graph",
        "narrow it with --focus NAME (and --depth N) or --doc ID, or raise --max-nodes",
    )?;
    Ok(Drawing {
        title: format!(
            "Whole graph: {} nodes, {} edges",
            graph.node_count(),
            graph.edge_count()
        ),
        graph,
        root: None,
        notes,
    })
}

/// Everything a CONSTRUCT (or DESCRIBE) query returned, refused above `max_nodes`.
pub(crate) fn construct(kg: &KnowledgeGraph, max_nodes: usize) -> Result<Drawing, ExportError> {
    let nodes: Vec<NodeIndex> = kg.graph.node_indices().collect();
    if nodes.is_empty() {
        return Err(ExportError::NothingToDraw {
            what: "the query's result has nothing to draw".into(),
            advice: "check that it returns triples with `kg query`".into(),
        });
    }
    check_size(
        nodes.len(),
        max_nodes,
        "the query's result",
        "narrow the query (a LIMIT, a FILTER), or raise --max-nodes",
    )?;
    let (graph, _) = subgraph(&kg.graph, &nodes, |_| true);
    Ok(Drawing {
        title: format!(
            "Query result: {} nodes, {} edges",
            graph.node_count(),
            graph.edge_count()
        ),
        graph,
        root: None,
        notes: Vec::new(),
    })
}

/// An entity's neighbourhood up to `depth` edges away (in either direction).
pub(crate) fn focus(
    kg: &KnowledgeGraph,
    name: &str,
    depth: usize,
    max_nodes: usize,
) -> Result<Drawing, ExportError> {
    let graph = domain(kg);
    let (start, mut notes) = find_entity(&graph, name)?;
    let rings = rings(&graph, start, depth);
    let total: usize = rings.iter().map(Vec::len).sum();
    let mut kept = Vec::with_capacity(total.min(max_nodes));
    for ring in &rings {
        if kept.len() + ring.len() <= max_nodes {
            kept.extend(ring.iter().copied());
            continue;
        }
        // The last ring that fits only in part: keep its best-connected nodes.
        let mut ring = ring.clone();
        ring.sort_by_key(|&n| {
            (
                std::cmp::Reverse(graph.neighbors_undirected(n).count()),
                graph[n].label.clone(),
            )
        });
        ring.truncate(max_nodes.saturating_sub(kept.len()));
        kept.extend(ring);
        break;
    }
    let label = graph[start].label.clone();
    if kept.len() < total {
        notes.push(format!(
            "the neighbourhood of {label} at depth {depth} has {total} nodes: drew the {} closest; \
             lower --depth or raise --max-nodes to change that",
            kept.len()
        ));
    }
    let (drawn, map) = subgraph(&graph, &kept, |_| true);
    Ok(Drawing {
        title: format!("Neighbourhood of {label} (depth {depth})"),
        root: map.get(&start).copied(),
        graph: drawn,
        notes,
    })
}

/// Nodes by distance from `start`, up to `depth`: ring 0 is `start` itself.
fn rings(graph: &DiGraph<Node, Edge>, start: NodeIndex, depth: usize) -> Vec<Vec<NodeIndex>> {
    let mut seen = HashSet::from([start]);
    let mut rings = vec![vec![start]];
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((n, d)) = queue.pop_front() {
        if d >= depth {
            continue;
        }
        // Deterministic order: neighbours sorted by kind then label.
        let mut next: Vec<NodeIndex> = graph
            .neighbors_undirected(n)
            .filter(|m| !seen.contains(m))
            .collect();
        next.sort_by(|&a, &b| {
            (graph[a].kind, &graph[a].label, a).cmp(&(graph[b].kind, &graph[b].label, b))
        });
        next.dedup();
        for m in next {
            if seen.insert(m) {
                if rings.len() <= d + 1 {
                    rings.push(Vec::new());
                }
                rings[d + 1].push(m);
                queue.push_back((m, d + 1));
            }
        }
    }
    rings
}

/// Case-folded, whitespace-collapsed text for name comparisons.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `prefix:local` expanded with the predeclared prefixes, if it is one.
fn expand_prefixed(name: &str) -> Option<String> {
    let (prefix, local) = name.split_once(':')?;
    PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

/// The entity a `--focus` name designates, and a note when the name was ambiguous.
fn find_entity(
    graph: &DiGraph<Node, Edge>,
    name: &str,
) -> Result<(NodeIndex, Vec<String>), ExportError> {
    let name = name.trim();
    let iri = name.trim_start_matches('<').trim_end_matches('>');
    let expanded = expand_prefixed(iri);
    let candidates = || {
        graph
            .node_indices()
            .filter(|&n| graph[n].kind != NodeKind::Role)
    };
    if let Some(n) =
        candidates().find(|&n| graph[n].key == iri || Some(&graph[n].key) == expanded.as_ref())
    {
        return Ok((n, Vec::new()));
    }
    let folded = fold(name);
    // Rank: 0 exact label, 1 label ignoring case, 2 exact alias, 3 alias ignoring case.
    let rank = |node: &Node| -> Option<u8> {
        if node.label.trim() == name {
            Some(0)
        } else if fold(&node.label) == folded {
            Some(1)
        } else if node.alt_labels.iter().any(|a| a.trim() == name) {
            Some(2)
        } else if node.alt_labels.iter().any(|a| fold(a) == folded) {
            Some(3)
        } else {
            None
        }
    };
    let mut matches: Vec<(u8, std::cmp::Reverse<usize>, String, NodeIndex)> = candidates()
        .filter_map(|n| {
            rank(&graph[n]).map(|r| {
                let degree = graph.neighbors_undirected(n).count();
                (r, std::cmp::Reverse(degree), graph[n].label.clone(), n)
            })
        })
        .collect();
    matches.sort();
    let Some(&(_, _, _, best)) = matches.first() else {
        return Err(ExportError::EntityNotFound {
            name: name.to_owned(),
            suggestions: suggestions(graph, &folded),
        });
    };
    let mut notes = Vec::new();
    if matches.len() > 1 {
        let others: Vec<String> = matches[1..]
            .iter()
            .map(|&(_, _, _, n)| describe(&graph[n]))
            .collect();
        notes.push(format!(
            "\"{name}\" matches {} entities: drew {}; the others are {} (give a full name or an IRI)",
            matches.len(),
            describe(&graph[best]),
            others.join(", ")
        ));
    }
    Ok((best, notes))
}

/// `Label (Kind, <iri>)` for messages.
fn describe(node: &Node) -> String {
    format!("{} ({}, <{}>)", node.label, node.kind.name(), node.key)
}

/// Names close to `folded`: containing it, contained in it, or a few edits away.
fn suggestions(graph: &DiGraph<Node, Edge>, folded: &str) -> Vec<String> {
    let threshold = (folded.chars().count() / 4).max(2);
    let mut scored: Vec<(usize, String)> = Vec::new();
    for n in graph.node_indices() {
        let node = &graph[n];
        if node.kind == NodeKind::Role {
            continue;
        }
        let best = std::iter::once(&node.label)
            .chain(node.alt_labels.iter())
            .map(|candidate| {
                let candidate = fold(candidate);
                if !folded.is_empty() && (candidate.contains(folded) || folded.contains(&candidate))
                {
                    0
                } else {
                    edit_distance(&candidate, folded)
                }
            })
            .min();
        if let Some(score) = best.filter(|&s| s <= threshold) {
            scored.push((score, format!("{} ({})", node.label, node.kind.name())));
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, s)| s)
        .collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

/// The document a `--doc` identifier designates: its IRI, `kg:documentId` (or a unique prefix
/// of at least 4 digits), or the end of its source path.
fn find_document(kg: &KnowledgeGraph, id: &str) -> Result<NodeIndex, ExportError> {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    let documents: Vec<NodeIndex> = kg
        .graph
        .node_indices()
        .filter(|&n| kg.graph[n].kind == NodeKind::Document)
        .collect();
    let by_iri = format!("{DOC_NS}{id}");
    let exact = documents.iter().copied().find(|&n| {
        let node = &kg.graph[n];
        node.key == id || node.key == by_iri || node.alt_labels.iter().any(|a| a == id)
    });
    if let Some(n) = exact {
        return Ok(n);
    }
    let partial: Vec<NodeIndex> = documents
        .iter()
        .copied()
        .filter(|&n| {
            let node = &kg.graph[n];
            node.alt_labels
                .iter()
                .any(|a| (id.len() >= 4 && a.starts_with(id)) || a.ends_with(&format!("/{id}")))
        })
        .collect();
    if let [only] = partial[..] {
        return Ok(only);
    }
    let listed = if partial.len() > 1 {
        &partial
    } else {
        &documents
    };
    Err(ExportError::DocumentNotFound {
        id: id.to_owned(),
        ambiguous: partial.len() > 1,
        known: listed
            .iter()
            .take(MAX_LISTED_DOCUMENTS)
            .map(|&n| {
                let node = &kg.graph[n];
                let short = node.alt_labels.first().unwrap_or(&node.key);
                format!("{short}  {}", node.label)
            })
            .collect(),
    })
}

/// What one document says: the entities and facts read from it, hanging from the document.
pub(crate) fn document(
    kg: &KnowledgeGraph,
    id: &str,
    max_nodes: usize,
) -> Result<Drawing, ExportError> {
    let doc = find_document(kg, id)?;
    let doc_key = kg.graph[doc].key.clone();
    let said_here = |provenance: &std::collections::BTreeSet<String>| provenance.contains(&doc_key);
    let mut nodes: Vec<NodeIndex> = kg
        .graph
        .node_indices()
        .filter(|&n| kg.graph[n].kind.is_domain() && said_here(&kg.graph[n].provenance))
        .collect();
    for edge in kg.graph.raw_edges() {
        if said_here(&edge.weight.provenance)
            && kg.graph[edge.source()].kind.is_domain()
            && kg.graph[edge.target()].kind.is_domain()
        {
            nodes.extend([edge.source(), edge.target()]);
        }
    }
    nodes.sort();
    nodes.dedup();
    check_size(
        nodes.len() + 1,
        max_nodes,
        "this document's graph",
        "use --focus NAME to draw part of it, or raise --max-nodes",
    )?;
    let mut order = vec![doc];
    order.extend(nodes);
    let (mut graph, map) = subgraph(&kg.graph, &order, |e| said_here(&e.provenance));
    let root = map[&doc];
    link_root(&mut graph, root);
    Ok(Drawing {
        title: format!("Document: {}", graph[root].label),
        graph,
        root: Some(root),
        notes: Vec::new(),
    })
}

/// Hangs everything from the document: an edge to every node nothing points at (its events,
/// the people it names), then one to any part still apart (a cycle).
fn link_root(graph: &mut DiGraph<Node, Edge>, root: NodeIndex) {
    let link = |graph: &mut DiGraph<Node, Edge>, n: NodeIndex| {
        let label = if graph[n].kind == NodeKind::Event {
            "reports"
        } else {
            "mentions"
        };
        graph.add_edge(
            root,
            n,
            Edge {
                kind: EdgeKind::Reports,
                label: label.to_owned(),
                qualifiers: Vec::new(),
                provenance: std::collections::BTreeSet::new(),
                sources: Default::default(),
            },
        );
    };
    let sources: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|&n| {
            n != root
                && graph
                    .neighbors_directed(n, Direction::Incoming)
                    .next()
                    .is_none()
        })
        .collect();
    for n in sources {
        link(graph, n);
    }
    let mut parts = UnionFind::new(graph.node_count());
    for edge in graph.raw_edges() {
        parts.union(edge.source().index(), edge.target().index());
    }
    let mut linked = HashSet::from([parts.find(root.index())]);
    let apart: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|&n| linked.insert(parts.find(n.index())))
        .collect();
    for n in apart {
        link(graph, n);
    }
}

/// Tells apart event nodes that would be drawn alike: distinct events of the store (distinct
/// participants, dates or articles) often share a label ("it filed with the Securities and
/// Exchange Commission" from twelve filings). Each such node gets a detail line naming its
/// article (or its first one), then a number if that is not enough; the nodes stay one per event.
pub(crate) fn distinguish_events(drawing: &mut Drawing) {
    let look = |node: &Node| format!("{}\u{1f}{}", node.label, node.details.join("\u{1f}"));
    for round in 0..2 {
        let mut groups: HashMap<String, Vec<NodeIndex>> = HashMap::new();
        for n in drawing.graph.node_indices() {
            let node = &drawing.graph[n];
            if node.kind == NodeKind::Event {
                groups.entry(look(node)).or_default().push(n);
            }
        }
        let mut groups: Vec<Vec<NodeIndex>> =
            groups.into_values().filter(|g| g.len() > 1).collect();
        if groups.is_empty() {
            return;
        }
        groups.sort();
        for group in groups {
            for (k, n) in group.into_iter().enumerate() {
                let node = &mut drawing.graph[n];
                let extra = if round == 0 {
                    node.sources
                        .named
                        .first()
                        .map(|s| super::graph::shorten(s, 40))
                        .unwrap_or_else(|| format!("#{}", k + 1))
                } else {
                    format!("#{}", k + 1)
                };
                node.details.push(extra);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("Петр", "Пётр"), 1);
    }

    #[test]
    fn fold_ignores_case_and_spacing() {
        assert_eq!(fold("  Ada   QUILL "), "ada quill");
    }

    #[test]
    fn prefixed_names_expand() {
        assert_eq!(
            expand_prefixed("id:person/ada").as_deref(),
            Some("https://kg.example.org/id/person/ada")
        );
        assert_eq!(expand_prefixed("nope:x"), None);
    }
}
