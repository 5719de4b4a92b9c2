//! The store at archive scale: the same graph in any order and batching, provenance that cannot
//! pair an article with another article's sentence, no article lost when two names share a text,
//! and a default graph that is the set-union of the data graphs without bookkeeping.
//!
//! The corpus tests read real Reuters articles made by `../shared/bench/make-corpus`; they are
//! skipped with a message where that folder is absent.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/run.rs"]
mod run;
use run::{dump, kg_ok};

fn select(store: &Path, query: &str) -> Vec<Vec<String>> {
    let json: serde_json::Value =
        serde_json::from_str(&kg_ok(store, &["query", "--format", "json", query])).expect("json");
    let vars: Vec<String> = json["head"]["vars"]
        .as_array()
        .expect("vars")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect();
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            vars.iter()
                .map(|v| b[v]["value"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// A corpus of real articles from `make-corpus`, or `None` (with a message) when absent.
fn corpus(mb: &str, dir: &Path) -> Option<Vec<PathBuf>> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-corpus");
    if !tool.exists() {
        eprintln!("skipped: {} is absent", tool.display());
        return None;
    }
    let status = Command::new(&tool)
        .args(["--mb", mb, "--seed", "1", "--out"])
        .arg(dir)
        .output()
        .expect("run make-corpus");
    assert!(status.status.success(), "make-corpus failed");
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read corpus") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Some(files)
}

fn args(files: &[PathBuf]) -> Vec<String> {
    files.iter().map(|p| p.display().to_string()).collect()
}

#[test]
fn forward_reverse_and_small_batches_give_the_same_graph() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(files) = corpus("3", &tmp.path().join("corpus")) else {
        return;
    };
    assert!(
        files.len() > 1000,
        "a 3 MB corpus has over a thousand articles"
    );

    let forward = tmp.path().join("forward");
    let mut a = vec!["ingest".to_owned(), "-q".to_owned()];
    a.extend(args(&files));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    kg_ok(&forward, &a);

    let reverse = tmp.path().join("reverse");
    let mut reversed = files.clone();
    reversed.reverse();
    let mut a = vec![
        "ingest".to_owned(),
        "-q".to_owned(),
        "--batch".to_owned(),
        "97".to_owned(),
    ];
    a.extend(args(&reversed));
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    kg_ok(&reverse, &a);

    // Batches of 7 files, each its own run (its own transactions and name book), shuffled by a
    // fixed stride so that neither order nor batch boundaries match the others.
    let sevens = tmp.path().join("sevens");
    let n = files.len();
    let order: Vec<PathBuf> = (0..n).map(|i| files[(i * 389) % n].clone()).collect();
    assert_eq!(
        order.iter().collect::<BTreeSet<_>>().len(),
        n,
        "stride visits every file"
    );
    for chunk in order.chunks(7 * 25) {
        let mut a = vec![
            "ingest".to_owned(),
            "-q".to_owned(),
            "--batch".to_owned(),
            "7".to_owned(),
        ];
        a.extend(args(chunk));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        kg_ok(&sevens, &a);
    }

    let reference = dump(&forward);
    assert!(reference.len() > 50_000, "the corpus gives a real graph");
    for (name, other) in [("reverse", dump(&reverse)), ("batches of 7", dump(&sevens))] {
        let left: BTreeSet<&String> = reference.iter().collect();
        let right: BTreeSet<&String> = other.iter().collect();
        let only_forward: Vec<_> = left.difference(&right).take(5).collect();
        let only_other: Vec<_> = right.difference(&left).take(5).collect();
        assert!(
            only_forward.is_empty() && only_other.is_empty(),
            "{name} differs from forward: only forward {only_forward:#?}, only {name} {only_other:#?}"
        );
    }
}

#[test]
fn provenance_never_pairs_an_article_with_a_sentence_it_does_not_contain() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    // With the whole texts, to check each sentence is in its article's text.
    kg_ok(
        &store,
        &["ingest", "-q", "--keep-text", seeds().to_str().unwrap()],
    );
    let rows = select(
        &store,
        "SELECT ?fact ?doc ?context ?sentence ?text WHERE {
           ?fact kg:attestation ?a .
           ?a prov:wasDerivedFrom ?doc ; kg:evidence ?s .
           ?s nif:referenceContext ?context ; nif:anchorOf ?sentence .
           ?doc nif:isString ?text }",
    );
    assert!(rows.len() > 20, "the seeds state facts: {}", rows.len());
    let facts: BTreeSet<&String> = rows.iter().map(|r| &r[0]).collect();
    assert!(
        rows.len() > facts.len(),
        "some fact is stated more than once"
    );
    for row in &rows {
        assert_eq!(
            row[1], row[2],
            "{} paired with another article's sentence",
            row[0]
        );
        assert!(
            row[4].contains(&row[3]),
            "the sentence is in the article's text"
        );
    }
    // Every attestation has exactly one article.
    let counts = select(
        &store,
        "SELECT ?a (COUNT(?doc) AS ?n) WHERE { ?a a kg:Attestation ; prov:wasDerivedFrom ?doc } GROUP BY ?a",
    );
    assert!(!counts.is_empty());
    assert!(
        counts.iter().all(|r| r[1] == "1"),
        "one article per attestation"
    );
}

#[test]
fn the_default_graph_is_the_set_union_of_the_graphs_without_bookkeeping() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    kg_ok(&store, &["ingest", "-q", seeds().to_str().unwrap()]);
    let all = select(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let distinct = select(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    );
    assert_eq!(all, distinct, "no triple is stored in two graphs");
    let tallies = select(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?p), 'Tally') || CONTAINS(STR(?s), 'tallies')) }",
    );
    assert_eq!(tallies[0][0], "0");
    // A renamed file's new source is visible without GRAPH.
    let renamed = tmp.path().join("renamed.txt");
    let first = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    std::fs::copy(&first, &renamed).unwrap();
    kg_ok(&store, &["ingest", "-q", renamed.to_str().unwrap()]);
    let sources = select(
        &store,
        &format!(
            "SELECT ?d WHERE {{ ?d kg:source \"{}\" }}",
            renamed.display()
        ),
    );
    assert_eq!(sources.len(), 1);
}

#[test]
fn two_names_for_one_text_then_an_edit_keeps_both_articles() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    let text = std::fs::read_to_string(seeds().join("000_8498dd1a82b02dfb.txt")).unwrap();
    let a = tmp.path().join("a.txt");
    let b = tmp.path().join("b.txt");
    std::fs::write(&a, &text).unwrap();
    std::fs::write(&b, &text).unwrap();
    kg_ok(
        &store,
        &["ingest", "-q", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    std::fs::write(&a, format!("{text}\nA correction was added on Friday.\n")).unwrap();
    kg_ok(&store, &["ingest", "-q", a.to_str().unwrap()]);
    let sources = select(
        &store,
        "SELECT ?source WHERE { ?d a schema:NewsArticle ; kg:source ?source } ORDER BY ?source",
    );
    let sources: Vec<&str> = sources.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(sources, [a.to_str().unwrap(), b.to_str().unwrap()]);
    let documents = select(
        &store,
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:NewsArticle }",
    );
    assert_eq!(
        documents[0][0], "2",
        "the edited article and the unedited one"
    );
    // The facts of the text b still holds keep an attestation from b's document.
    let from_b = select(
        &store,
        &format!(
            "SELECT (COUNT(?m) AS ?n) WHERE {{ ?m a org:Membership ; kg:attestation ?x . ?x prov:wasDerivedFrom ?d . ?d kg:source \"{}\" }}",
            b.display()
        ),
    );
    assert_ne!(from_b[0][0], "0");
}

#[test]
fn a_killed_bulk_ingest_is_completed_by_a_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(files) = corpus("1", &tmp.path().join("corpus")) else {
        return;
    };
    let dir = tmp.path().join("corpus");
    let clean = tmp.path().join("clean");
    kg_ok(&clean, &["ingest", "-q", dir.to_str().unwrap()]);
    assert!(files.len() > 300);

    // Batches of 80: above the bulk loader's minimum, so that the kill may fall while a batch's
    // files are built, between their landing and the transaction that completes them, or in
    // that transaction.
    let killed = tmp.path().join("killed");
    for delay_ms in [300u64, 900, 1600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kg"))
            .arg("--store")
            .arg(&killed)
            .args(["ingest", "-q", "--batch", "80", dir.to_str().unwrap()])
            .spawn()
            .expect("spawn kg");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    kg_ok(&killed, &["ingest", "-q", dir.to_str().unwrap()]);
    assert!(
        dump(&killed) == dump(&clean),
        "rerun after kill -9 equals a clean ingest"
    );
    let left: Vec<_> = std::fs::read_dir(&killed)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-"))
        .collect();
    assert!(left.is_empty(), "files of cut-short batches left: {left:?}");
}

#[test]
fn every_example_query_answers_on_the_seeds() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("store");
    kg_ok(&store, &["ingest", "-q", seeds().to_str().unwrap()]);
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut queries: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    assert!(queries.len() >= 5);
    for query in queries {
        let text = std::fs::read_to_string(&query).unwrap();
        let rows = select(&store, &text);
        let name = query.file_name().unwrap().to_string_lossy().into_owned();
        if name != "conflicts.rq" {
            assert!(!rows.is_empty(), "{name} answers nothing on the seeds");
        }
    }
}
