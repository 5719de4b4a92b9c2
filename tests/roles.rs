//! Fresh-sentence tests for people, organizations, places and memberships: table-driven from
//! `tests/data/roles.tsv` and `tests/data/entities.tsv`, plus the span invariant on the seeds.

use kg::extract::{extract_entities, EntityExtraction, MentionKind};
use kg::text::split_sentences;

fn extract(text: &str) -> EntityExtraction {
    extract_entities(text, &split_sentences(text))
}

/// The data lines of a test table: (line number, columns).
fn table(src: &str) -> Vec<(usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
        .collect()
}

#[test]
fn memberships_from_fresh_sentences() {
    let mut failures = Vec::new();
    for (line, cols) in table(include_str!("data/roles.tsv")) {
        let (text, expected) = (cols[0], cols[1]);
        let x = extract(text);
        let mut got: Vec<String> = x
            .memberships
            .iter()
            .map(|m| {
                let org = m.organization.map_or("-", |o| x.entities[o].name.as_str());
                format!("{}|{}|{}", x.entities[m.person].name, m.role, org)
            })
            .collect();
        got.sort();
        let mut want: Vec<String> = if expected == "-" {
            Vec::new()
        } else {
            expected.split(';').map(str::to_string).collect()
        };
        want.sort();
        if got != want {
            failures.push(format!(
                "line {line}: {text}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mentions_from_fresh_sentences() {
    let mut failures = Vec::new();
    for (line, cols) in table(include_str!("data/entities.tsv")) {
        let (text, kind, expected) = (cols[0], cols[1], cols[2]);
        let kind = match kind {
            "person" => MentionKind::Person,
            "organization" => MentionKind::Organization,
            "place" => MentionKind::Place,
            "demonym" => MentionKind::Demonym,
            other => panic!("line {line}: unknown kind {other}"),
        };
        let x = extract(text);
        let got: Vec<&str> = x
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.text.as_str())
            .collect();
        let want: Vec<&str> = if expected == "-" {
            Vec::new()
        } else {
            expected.split('|').collect()
        };
        if got != want {
            failures.push(format!(
                "line {line}: {text}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_mention_on_every_seed_points_into_its_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let x = extract(&text);
        for m in &x.mentions {
            assert_eq!(m.text, m.span.of(&text), "{}: {m:?}", path.display());
            if let Some(e) = m.entity {
                assert!(e < x.entities.len());
            }
        }
        for m in &x.memberships {
            assert!(m.person < x.entities.len());
            assert!(!m.span.of(&text).is_empty());
        }
        for e in &x.entities {
            assert!(
                e.key.contains('/') && !e.key.ends_with('/'),
                "{}: key {}",
                path.display(),
                e.key
            );
            assert!(!e.aliases.contains(&e.name));
        }
        seen += 1;
    }
    assert!(seen > 0, "no seed found in {dir}");
}

#[test]
fn keys_do_not_depend_on_the_document() {
    let a = extract("Minister Petra Holm spoke in Oslo. Holm left.");
    let b = extract("In Oslo, Holm said nothing. Later Petra Holm said more, in Norway.");
    let key = |x: &EntityExtraction, name: &str| {
        x.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.key.clone())
    };
    assert_eq!(key(&a, "Petra Holm"), key(&b, "Petra Holm"));
    assert_eq!(key(&a, "Oslo"), key(&b, "Oslo"));
}
