//! Lexicons of one's own: `--lexicon FILE` (and `KG_LEXICONS`) on `kg extract` and `kg ingest`.

use std::path::Path;
use std::process::{Command, Output};

const ARTICLE: &str = "Harbour deal\nOSLO, March 3, 2026 – Velmorra signed the harbour deal on \
                       Tuesday, and Tarnhelm Quay will open in May.\nThe Velmorra board met in Bergen.\n";
const WATCH: &str =
    "# a watch list\nVelmorra\torganization\tVelmorra Group\nTarnhelm Quay\tplace\n";

fn kg(dir: &Path, args: &[&str], lexicons: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
    command
        .current_dir(dir)
        .env_remove("KG_STORE")
        .env_remove("KG_LEXICONS")
        .args(args);
    if let Some(value) = lexicons {
        command.env("KG_LEXICONS", value);
    }
    command.output().unwrap()
}

/// The (kind, name) of every entity `kg extract` finds.
fn entities(output: &Output) -> Vec<(String, String)> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_owned(),
                e["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("watch.tsv"), WATCH).unwrap();
    dir
}

#[test]
fn an_unknown_name_becomes_an_organization_with_a_lexicon() {
    let dir = setup();
    let velmorra = ("organization".to_owned(), "Velmorra".to_owned());
    let without = entities(&kg(dir.path(), &["extract", "article.txt"], None));
    assert!(!without.contains(&velmorra), "{without:?}");
    let with = entities(&kg(
        dir.path(),
        &["extract", "--lexicon", "watch.tsv", "article.txt"],
        None,
    ));
    assert!(with.contains(&velmorra), "{with:?}");
    assert!(with.contains(&("place".to_owned(), "Tarnhelm Quay".to_owned())));
    // The same through the environment.
    let env = entities(&kg(
        dir.path(),
        &["extract", "article.txt"],
        Some("watch.tsv"),
    ));
    assert_eq!(env, with);
}

#[test]
fn errors_in_a_lexicon_name_the_file_and_line() {
    let dir = setup();
    std::fs::write(dir.path().join("bad.tsv"), "# ok\nVelmorra\tcompany\n").unwrap();
    let output = kg(
        dir.path(),
        &["extract", "--lexicon", "bad.tsv", "article.txt"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.tsv:2: unknown kind \"company\""),
        "{stderr}"
    );
}

#[test]
fn re_ingesting_with_another_lexicon_refreshes_the_document() {
    let dir = setup();
    let store = dir.path().join("store");
    let store = store.to_str().unwrap();
    let ingest = |lexicon: Option<&str>| -> String {
        let mut args = vec!["--store", store, "ingest", "article.txt"];
        if let Some(l) = lexicon {
            args.extend(["--lexicon", l]);
        }
        let output = kg(dir.path(), &args, None);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(ingest(None).contains("1 added"));
    assert!(ingest(None).contains("1 unchanged"));
    assert!(ingest(Some("watch.tsv")).contains("1 replaced"));
    assert!(ingest(Some("watch.tsv")).contains("1 unchanged"));
    let output = kg(
        dir.path(),
        &[
            "--store",
            store,
            "query",
            "--format",
            "csv",
            "SELECT ?label WHERE { ?o a schema:Organization ; rdfs:label ?label }",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("Velmorra"));
    assert!(ingest(None).contains("1 replaced"));
}
