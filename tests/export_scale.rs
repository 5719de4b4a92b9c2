//! Pictures at corpus scale, drawn by the `kg` binary from real stores: the seeds' whole graph
//! keeps a readable shape, every edge names its sources, and a focus on a 5 MB Reuters corpus
//! draws no two events alike.

#[path = "support/dot_grammar.rs"]
mod dot_grammar;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kg(store: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_kg"))
        .env_remove("KG_LEXICONS")
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "kg {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn seeds_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    kg(
        &store,
        &[
            "ingest",
            "-q",
            concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"),
        ],
    );
    store
}

fn graphviz_installed() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (word(16), word(20))
}

fn attrs(stmt: &dot_grammar::Stmt) -> HashMap<&str, &str> {
    match stmt {
        dot_grammar::Stmt::Node { attrs, .. } | dot_grammar::Stmt::Edge { attrs, .. } => attrs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect(),
        _ => HashMap::new(),
    }
}

#[test]
fn the_seeds_whole_graph_is_at_most_twice_as_tall_as_wide() {
    if !graphviz_installed() {
        eprintln!("skipped: Graphviz's `dot` is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    let png = dir.path().join("whole.png");
    kg(&store, &["export", "-o", png.to_str().unwrap()]);
    let (width, height) = png_size(&std::fs::read(&png).unwrap());
    assert!(height <= 2 * width, "{width}x{height}");
}

#[test]
fn every_edge_of_the_seeds_carries_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let store = seeds_store(dir.path());
    for args in [
        vec!["export", "-o", "-"],
        vec!["export", "-o", "-", "--focus", "Steve Witkoff"],
    ] {
        let dot = String::from_utf8(kg(&store, &args).stdout).unwrap();
        let graph = dot_grammar::parse(&dot).unwrap();
        let edges: Vec<_> = graph
            .all_stmts()
            .into_iter()
            .filter(|s| matches!(s, dot_grammar::Stmt::Edge { .. }))
            .collect();
        assert!(edges.len() > 10, "{args:?}");
        for edge in edges {
            let a = attrs(edge);
            // Invisible edges only hold the grid of unconnected nodes together.
            if a.get("style") == Some(&"invis") {
                continue;
            }
            let tooltip = a.get("tooltip").copied().unwrap_or("");
            assert!(
                tooltip.contains(" article") && tooltip.contains("seeds/"),
                "{args:?}: an edge without its sources: {edge:?}"
            );
            assert!(
                a.contains_key("URL"),
                "{args:?}: an edge without a link: {edge:?}"
            );
        }
    }
}

#[test]
fn a_focus_on_a_reuters_corpus_draws_no_two_events_alike() {
    let make_corpus = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/bench/make-corpus"
    ));
    if !make_corpus.exists() {
        eprintln!("skipped: {} is absent", make_corpus.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let made = Command::new(make_corpus)
        .args(["--mb", "5", "--seed", "1", "--out"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let store = dir.path().join("store");
    kg(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    // The organization with the most facts.
    let top = kg(
        &store,
        &[
            "query",
            "--format",
            "tsv",
            "SELECT ?e (COUNT(?f) AS ?n) WHERE { GRAPH <https://kg.example.org/graph/facts> \
             { ?f ?p ?e } ?e a schema:Organization . \
             FILTER(?p IN (org:member, org:organization, schema:attendee)) } \
             GROUP BY ?e ORDER BY DESC(?n) LIMIT 1",
        ],
    );
    let top = String::from_utf8(top.stdout).unwrap();
    let iri = top
        .lines()
        .nth(1)
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_owned();
    let dot =
        String::from_utf8(kg(&store, &["export", "-o", "-", "--focus", &iri]).stdout).unwrap();
    let graph = dot_grammar::parse(&dot).unwrap();
    let mut labels: HashMap<String, usize> = HashMap::new();
    let mut events = 0;
    for stmt in graph.all_stmts() {
        let a = attrs(stmt);
        if matches!(stmt, dot_grammar::Stmt::Node { .. }) && a.get("fillcolor") == Some(&"#fef9c3")
        {
            events += 1;
            *labels.entry(a["label"].to_owned()).or_default() += 1;
        }
    }
    assert!(events > 5, "{iri}: {events} events");
    let twins: Vec<_> = labels.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twins.is_empty(), "{iri}: events drawn alike: {twins:?}");
}
