//! On real news (Reuters articles from `../shared/bench/make-corpus`), no company is taken for a
//! person: no `schema:Person` is labelled with a legal form ("Hallgren Mining Corp", "Co Inc")
//! or with an organization's generic word ("Group", "Holdings"). The articles are generated into
//! a temporary folder and never stored in this repository; without `../shared` the test prints
//! why and passes.

use std::path::Path;
use std::process::Command;

const KG: &str = env!("CARGO_BIN_EXE_kg");

/// Last words that make a label a company's, never a person's.
const COMPANY_WORDS: &[&str] = &[
    "Inc",
    "Corp",
    "Co",
    "Cos",
    "Ltd",
    "LLC",
    "PLC",
    "Plc",
    "N.V",
    "NV",
    "AG",
    "S.A",
    "SA",
    "GmbH",
    "Group",
    "Holdings",
    "Holding",
    "Bancorp",
    "Company",
    "Corporation",
    "Industries",
    "Partners",
    "Bank",
    "Securities",
    "International",
    "Party",
    "Union",
    "Association",
    "Commission",
    "Airlines",
    "Club",
    "University",
];

fn is_company_label(label: &str) -> bool {
    let last = label
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap_or(label);
    COMPANY_WORDS.contains(&last)
}

#[test]
fn company_word_labels_are_recognised() {
    assert!(is_company_label("Hallgren Mining Corp."));
    assert!(is_company_label("Group"));
    assert!(!is_company_label("Ellen Corbin"));
}

#[test]
fn no_person_on_reuters_news_is_labelled_like_a_company() {
    let make_corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/make-corpus");
    if !make_corpus.exists() {
        println!("skipped: ../shared/bench/make-corpus is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let made = Command::new("python3")
        .arg(&make_corpus)
        .args(["--mb", "1", "--seed", "1", "--out"])
        .arg(&corpus)
        .output()
        .expect("python3 runs (CI installs it)");
    assert!(
        made.status.success(),
        "make-corpus failed: {}",
        String::from_utf8_lossy(&made.stderr)
    );
    let store = dir.path().join("store");
    let ingest = Command::new(KG)
        .arg("--store")
        .arg(&store)
        .arg("ingest")
        .arg(&corpus)
        .output()
        .expect("kg runs");
    assert!(
        ingest.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let query = "PREFIX schema: <http://schema.org/>\n\
                 PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
                 SELECT DISTINCT ?l WHERE { ?p a schema:Person ; rdfs:label ?l }";
    let output = Command::new(KG)
        .arg("--store")
        .arg(&store)
        .args(["query", "--format", "tsv", query])
        .output()
        .expect("kg runs");
    assert!(output.status.success());
    let labels = String::from_utf8_lossy(&output.stdout).into_owned();
    let people: Vec<&str> = labels
        .lines()
        .skip(1)
        .map(|l| l.trim().trim_matches('"'))
        .collect();
    assert!(people.len() > 50, "too few people: {labels}");
    let companies: Vec<&&str> = people.iter().filter(|l| is_company_label(l)).collect();
    assert!(
        companies.is_empty(),
        "people labelled like companies: {companies:?}"
    );
}
