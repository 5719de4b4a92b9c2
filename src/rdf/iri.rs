//! Deterministic IRIs: the same input gives the same IRIs on every machine.
//!
//! Entities are named by their cross-document key (`id/person/steve-witkoff`); documents by the
//! hash of their text (`doc/3f9a1c...`); facts by a hash of what identifies them, so that the same
//! membership or event read in two documents is one node with two sources.

use super::vocab;
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};

/// The IRI of a document (also the name of its graph).
pub fn document(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{id}", vocab::DOC_NS))
}

/// The IRI of sentence `index` of document `id`.
pub fn sentence(id: &str, index: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{id}/s{index}", vocab::DOC_NS))
}

/// The IRI of an entity from its key (`person/steve-witkoff`).
pub fn entity(key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", vocab::ENTITY_NS, sanitize_path(key)))
}

/// The key of an entity IRI minted by [`entity`] (`person/steve-witkoff`); the whole IRI for
/// one minted elsewhere.
pub fn entity_key(entity: &NamedNode) -> &str {
    entity
        .as_str()
        .strip_prefix(vocab::ENTITY_NS)
        .unwrap_or(entity.as_str())
}

/// The IRI of a role from its label.
pub fn role(label: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}role/{}", vocab::ENTITY_NS, slug(label)))
}

/// The IRI of a fact (`membership`, `event`) identified by `parts`.
pub fn fact(kind: &str, parts: &[&str]) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{kind}/{}", vocab::ENTITY_NS, short_hash(parts)))
}

/// The named graph of RDF loaded by the user from `source`.
pub fn user_graph(source: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", vocab::USER_GRAPH_NS, slug(source)))
}

/// The named graph of RDF loaded by the user from the file at `canonical` (an absolute path
/// with links resolved, so that one file under two names is one graph). The path is kept whole,
/// percent-encoded, so that two paths never give one graph (`a.b.ttl` and `ab.ttl` differ).
pub fn user_graph_for_path(canonical: &std::path::Path) -> NamedNode {
    let path = canonical.to_string_lossy();
    let mut encoded = String::with_capacity(path.len());
    for byte in path.trim_start_matches('/').bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    NamedNode::new_unchecked(format!("{}file/{encoded}", vocab::USER_GRAPH_NS))
}

/// The graph that holds derived entity labels (`rdfs:label`, `skos:altLabel`).
pub fn entities_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{}graph/entities", vocab::BASE))
}

/// The graph of facts: memberships, events and roles, each once however many articles state
/// it, with a `kg:attestation` per article. Derived from the attestations in the document graphs,
/// so it is the same whatever order the articles arrived in.
pub fn facts_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{}graph/facts", vocab::BASE))
}

/// The IRI of one article's statement of a fact: `doc/<id>/m3` for its fourth membership,
/// `doc/<id>/e0` for its first event.
pub fn attestation(doc_id: &str, kind: char, index: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{doc_id}/{kind}{index}", vocab::DOC_NS))
}

/// The IRI of a stretch of text of a document, by code points.
pub fn phrase(doc_id: &str, begin: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{doc_id}/c{begin}-{end}", vocab::DOC_NS))
}

/// The graph that holds the ontology.
pub fn ontology_graph() -> NamedNode {
    NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH)
}

/// 12 hex digits of the SHA-256 of the parts joined by a separator that cannot occur in them.
pub fn short_hash(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0x1f]);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A lowercase ASCII slug: letters and digits, words joined by `-` ("Secretary of State" →
/// "secretary-of-state"). Non-ASCII letters are kept (IRIs allow them) but lower-cased.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '\u{2019}' && c != '.'
        {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

/// Keeps `/` separators of a key and slugs each segment.
fn sanitize_path(key: &str) -> String {
    key.split('/').map(slug).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_and_safe() {
        assert_eq!(slug("Secretary of State"), "secretary-of-state");
        assert_eq!(slug("U.S. Army"), "us-army");
        assert_eq!(slug("Orlov's adviser"), "orlovs-adviser");
        assert_eq!(slug("  --  "), "_");
        assert_eq!(slug("Зеленский"), "зеленский");
    }

    #[test]
    fn iris_are_valid() {
        for iri in [
            entity("person/José Ángel <x>"),
            role("Head of \"Fund\""),
            fact("membership", &["a", "b"]),
            document("0123456789abcdef"),
            user_graph("my file.ttl"),
        ] {
            assert!(NamedNode::new(iri.as_str()).is_ok(), "{iri}");
        }
    }

    #[test]
    fn user_graphs_of_paths_are_distinct_and_valid() {
        use std::path::Path;
        let a = user_graph_for_path(Path::new("/data/a.b.ttl"));
        let b = user_graph_for_path(Path::new("/data/ab.ttl"));
        let c = user_graph_for_path(Path::new("/data/my file%20é.ttl"));
        assert_ne!(a, b);
        assert_eq!(
            a.as_str(),
            "https://kg.example.org/graph/user/file/data/a.b.ttl"
        );
        assert!(c.as_str().ends_with("my%20file%2520%C3%A9.ttl"), "{c}");
        assert!(NamedNode::new(c.as_str()).is_ok());
    }

    #[test]
    fn fact_hash_separates_parts() {
        assert_ne!(short_hash(&["ab", "c"]), short_hash(&["a", "bc"]));
        assert_eq!(short_hash(&["x"]).len(), 12);
    }
}
