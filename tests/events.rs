//! Event identity across articles, end to end through the `kg` binary: one happening told by
//! several articles in their own words, each dated by its own publication date, is one event
//! with one attestation per article; another happening stays apart.

use std::path::Path;
use std::process::Command;

const KG: &str = env!("CARGO_BIN_EXE_kg");

/// Runs `kg --store STORE args...`, asserts success and returns its standard output.
fn kg_ok(store: &Path, args: &[&str]) -> String {
    let out = Command::new(KG)
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("the kg binary runs");
    assert!(
        out.status.success(),
        "kg {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every event as "label,date,articles" (CSV rows, header left out), sorted.
fn events(store: &Path) -> Vec<String> {
    let out = kg_ok(
        store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?l ?d (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?e a schema:Event ; rdfs:label ?l ; \
             kg:attestation/prov:wasDerivedFrom ?doc . OPTIONAL { ?e schema:startDate ?d } } \
             GROUP BY ?e ?l ?d ORDER BY ?l",
        ],
    );
    out.lines().skip(1).map(|l| l.trim().to_string()).collect()
}

#[test]
fn three_articles_telling_one_visit_give_one_event_with_three_attestations() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Published on three days; "on Monday" from two of them and "today" from the third all
    // name Monday, March 4, 2024; one article tells the visit with a noun.
    let articles = [
        (
            "a.txt",
            "Marlind in Vilnius\n\nMarch 5, 2024\n\nForeign Minister Tove Marlind visited \
             Vilnius on Monday to discuss grain exports.\n",
        ),
        (
            "b.txt",
            "Talks on grain\n\nMarch 6, 2024\n\nThe visit of Tove Marlind to Vilnius on Monday \
             ended with a grain accord, officials said.\n",
        ),
        (
            "c.txt",
            "Minister abroad\n\nMarch 4, 2024\n\nForeign Minister Tove Marlind visited Vilnius \
             today, her office said.\n",
        ),
    ];
    for (name, text) in articles {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events(&store),
        ["Tove Marlind visited Vilnius,2024-03-04,3"],
        "one visit, three attestations"
    );
    // A visit on another day is another happening.
    std::fs::write(
        corpus.join("d.txt"),
        "Back again\n\nMarch 12, 2024\n\nTove Marlind visited Vilnius on Monday.\n",
    )
    .unwrap();
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events(&store),
        [
            "Tove Marlind visited Vilnius,2024-03-04,3",
            "Tove Marlind visited Vilnius,2024-03-11,1"
        ]
    );
}
