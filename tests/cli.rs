//! End-to-end tests of the `kg` binary on the seed corpus: ingest, re-ingest, replace, query
//! formats, bad inputs, locking, crash safety and order independence.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "support/run.rs"]
mod run;
use run::{dump, kg, kg_ok};

const KG: &str = env!("CARGO_BIN_EXE_kg");

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stats(store: &Path) -> serde_json::Value {
    serde_json::from_str(&kg_ok(store, &["stats", "--json"])).expect("stats --json is JSON")
}

fn seeds_arg() -> String {
    seeds_dir().display().to_string()
}

#[test]
fn ingest_seeds_reports_people_orgs_memberships_events() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let out = kg_ok(&store, &["ingest", &seeds_arg()]);
    assert!(out.contains("5 added"), "{out}");
    let s = stats(&store);
    for key in [
        "documents",
        "people",
        "organizations",
        "places",
        "memberships",
        "events",
    ] {
        assert!(s[key].as_u64().unwrap() > 0, "no {key}: {s}");
    }
    assert_eq!(s["documents"], 5);
}

#[test]
fn reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", &seeds_arg()]);
    let before = dump(&store);
    let out = kg_ok(&store, &["ingest", &seeds_arg()]);
    assert!(
        out.contains("0 added, 0 replaced, 5 unchanged, 0 failed"),
        "{out}"
    );
    assert_eq!(dump(&store), before);
}

#[test]
fn the_whole_text_is_stored_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let file = dir.path().join("article.txt");
    std::fs::write(
        &file,
        "Port news\nHarbour master Ada Quill of the Port Authority retired on Friday. \
         The weather was mild.\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let query = |sparql: &str| kg_ok(&store, &["query", "--format", "csv", sparql]);
    let texts = || query("SELECT ?t WHERE { ?d nif:isString ?t }");
    kg_ok(&store, &["ingest", "--date", "2024-03-06", path]);
    assert!(!texts().contains("mild"), "{}", texts());
    // The sentence a fact was read from is there all the same, and the article names its
    // entities with schema:mentions, and how in its kg:namings.
    let evidence = query("SELECT ?s WHERE { ?a kg:evidence/nif:anchorOf ?s }");
    assert!(
        evidence.contains("Ada Quill of the Port Authority"),
        "{evidence}"
    );
    let mentions = query(
        "SELECT ?e ?n WHERE { ?d schema:mentions ?e ; kg:namings ?n \
         FILTER(DATATYPE(?n) = rdf:JSON) }",
    );
    assert!(
        mentions.contains("id/person/ada-quill") && mentions.contains("Ada Quill"),
        "{mentions}"
    );
    let with_text = ["ingest", "--keep-text", "--date", "2024-03-06", path];
    assert!(kg_ok(&store, &with_text).contains("1 replaced"));
    assert!(texts().contains("The weather was mild."), "{}", texts());
    assert!(kg_ok(&store, &with_text).contains("1 unchanged"));
    assert!(kg_ok(&store, &["ingest", "--date", "2024-03-06", path]).contains("1 replaced"));
    assert!(!texts().contains("mild"), "{}", texts());
}

#[test]
fn changed_file_replaces_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let file = dir.path().join("article.txt");
    std::fs::write(
        &file,
        "Talks\nGerman Chancellor Hans Vogel visited Paris on Monday.\n",
    )
    .unwrap();
    let ingest = ["ingest", "--keep-text", "--date", "2024-03-06"];
    kg_ok(&store, &[&ingest[..], &[file.to_str().unwrap()]].concat());
    std::fs::write(
        &file,
        "Talks\nSpanish Prime Minister Ana Ruiz visited Rome on Monday.\n",
    )
    .unwrap();
    let out = kg_ok(&store, &[&ingest[..], &[file.to_str().unwrap()]].concat());
    assert!(out.contains("1 replaced"), "{out}");
    assert_eq!(stats(&store)["documents"], 1);
    let text = kg_ok(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?t WHERE { ?d nif:isString ?t }",
        ],
    );
    assert!(
        text.contains("Ana Ruiz") && !text.contains("Hans Vogel"),
        "{text}"
    );
    let old = kg_ok(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?n WHERE { ?e schema:name ?n FILTER(CONTAINS(?n, \"Vogel\")) }",
        ],
    );
    assert_eq!(old.lines().count(), 1, "old facts remain: {old}");
}

#[test]
fn same_text_under_two_names_is_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    let text = "Summit\nThe ministers met in Vienna on Friday.\n";
    std::fs::write(&a, text).unwrap();
    std::fs::write(&b, text).unwrap();
    let out = kg_ok(
        &store,
        &["ingest", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert!(out.contains("1 added, 0 replaced, 1 unchanged"), "{out}");
    assert_eq!(stats(&store)["documents"], 1);
}

#[test]
fn bad_inputs_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("empty.txt"), "  \n").unwrap();
    std::fs::write(corpus.join("binary.txt"), [0x7f, b'E', b'L', b'F', 0, 0, 1]).unwrap();
    std::fs::write(corpus.join("latin1.txt"), b"Caf\xe9 society\n").unwrap();
    std::fs::write(
        corpus.join("good.txt"),
        "News\nThe council met in Oslo on Monday.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("ignored.csv"), "a,b\n").unwrap();
    let output = kg(&store, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 3, "one line per bad file:\n{err}");
    assert!(
        err.contains("empty") && err.contains("binary") && err.contains("UTF-8"),
        "{err}"
    );
    assert!(stdout(&output).contains("1 added"), "{}", stdout(&output));
}

#[test]
fn a_second_writer_gets_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let _held = kg::KgStore::open(&store).unwrap();
    let output = kg(&store, &["ingest", &seeds_arg()]);
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(err.contains("in use by another kg process"), "{err}");
    assert!(err.contains(store.to_str().unwrap()), "{err}");
}

#[test]
fn query_syntax_error_exits_2_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    // An empty store: a read-only command refuses a missing one before reading the query.
    drop(kg::KgStore::open(&store).unwrap());
    let output = kg(&store, &["query", "SELECT ?x WHERE { ?x a }"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("1:") && err.contains('^'), "{err}");
}

#[test]
fn every_query_format_parses_with_a_standard_parser() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", &seeds_arg()]);
    let select = "SELECT ?p ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name";
    let expected = kg_ok(&store, &["query", "--format", "tsv", select])
        .lines()
        .count()
        - 1;
    assert!(expected > 5);
    let distinct = kg_ok(
        &store,
        &[
            "query",
            "--format",
            "tsv",
            &select.replace("SELECT", "SELECT DISTINCT"),
        ],
    );
    assert_eq!(
        distinct.lines().count() - 1,
        expected,
        "the default graph repeats triples"
    );
    for (format, parser) in [
        ("json", QueryResultsFormat::Json),
        ("xml", QueryResultsFormat::Xml),
        ("tsv", QueryResultsFormat::Tsv),
    ] {
        let out = kg_ok(&store, &["query", "--format", format, select]);
        let parsed = QueryResultsParser::from_format(parser)
            .for_reader(out.as_bytes())
            .unwrap_or_else(|e| panic!("{format}: {e}\n{out}"));
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            panic!("{format}: not solutions");
        };
        assert_eq!(solutions.count(), expected, "{format}");
    }
    // SPARQL CSV is lossy (no term types), so standard parsers only read it as CSV.
    let csv = kg_ok(&store, &["query", "--format", "csv", select]);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("p,name"));
    assert_eq!(lines.count(), expected, "csv");
    let ask = kg_ok(
        &store,
        &["query", "--format", "json", "ASK { ?p a schema:Person }"],
    );
    let value: serde_json::Value = serde_json::from_str(&ask).unwrap();
    assert_eq!(value["boolean"], true);

    let construct = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a schema:Person ; rdfs:label ?n }";
    for (format, rdf) in [
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        (
            "jsonld",
            RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        ),
    ] {
        let out = kg_ok(&store, &["query", "--format", format, construct]);
        let quads: Vec<_> = RdfParser::from_format(rdf)
            .for_reader(out.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{format}: {e}\n{out}"));
        assert_eq!(quads.len(), expected, "{format}");
    }
    let table = kg_ok(&store, &["query", "--format", "table", select]);
    assert!(table.starts_with("?p"), "{table}");
    let mismatch = kg(&store, &["query", "--format", "turtle", select]);
    assert_eq!(mismatch.status.code(), Some(2));
}

#[test]
fn seeds_in_any_order_give_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<String> = seed_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let all_at_once = dir.path().join("a");
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    kg_ok(&all_at_once, &args);
    let reversed = dir.path().join("b");
    for file in files.iter().rev() {
        kg_ok(&reversed, &["ingest", file]);
    }
    let shuffled = dir.path().join("c");
    for i in [2, 4, 0, 3, 1] {
        kg_ok(&shuffled, &["ingest", &files[i]]);
    }
    let reference = dump(&all_at_once);
    assert_eq!(dump(&reversed), reference, "reverse order differs");
    assert_eq!(dump(&shuffled), reference, "shuffled order differs");
}

#[test]
fn a_killed_ingest_leaves_a_store_that_a_later_ingest_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Many distinct documents, so the kill lands in the middle of the run.
    for (i, seed) in seed_files().iter().cycle().take(150).enumerate() {
        let text = std::fs::read_to_string(seed).unwrap();
        std::fs::write(
            corpus.join(format!("doc{i:03}.txt")),
            format!("{text}\nEdition {i}.\n"),
        )
        .unwrap();
    }
    let store = dir.path().join("store");
    let mut child = Command::new(KG)
        .arg("--store")
        .arg(&store)
        .args(["ingest", "--quiet", corpus.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = stats(&store)["documents"].as_u64().unwrap();
    assert!(partial <= 150);
    kg_ok(&store, &["ingest", corpus.to_str().unwrap()]);
    assert_eq!(stats(&store)["documents"], 150);
    let clean = dir.path().join("clean");
    kg_ok(&clean, &["ingest", "--quiet", corpus.to_str().unwrap()]);
    assert_eq!(
        dump(&store),
        dump(&clean),
        "the completed store differs from a clean ingest"
    );
}

#[test]
fn extract_prints_code_point_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    let text = "Café talks\n“Peace” was discussed in Zürich on 3 March 2024.\n";
    std::fs::write(&file, text).unwrap();
    let out = Command::new(KG)
        .args(["extract", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for item in json["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .chain(json["mentions"].as_array().unwrap())
    {
        let (start, end) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        let span: String = chars[start..end].iter().collect();
        assert_eq!(span, item["text"].as_str().unwrap(), "{item}");
    }
    assert_eq!(json["document"]["title"], "Café talks");
}

#[test]
fn load_adds_user_rdf_to_its_own_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let file = dir.path().join("mine.ttl");
    std::fs::write(
        &file,
        "<http://example.com/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n",
    )
    .unwrap();
    kg_ok(&store, &["load", file.to_str().unwrap()]);
    kg_ok(&store, &["load", file.to_str().unwrap()]);
    let out = kg_ok(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?g WHERE { GRAPH ?g { <http://example.com/a> ?p ?o } }",
        ],
    );
    assert_eq!(out.lines().count(), 2, "loaded once into one graph: {out}");
}

#[test]
fn export_of_a_seed_neighbourhood_respects_the_depth() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "--quiet", &seeds_arg()]);
    let svg_path = dir.path().join("n.svg");
    let svg_arg = svg_path.to_str().unwrap();
    kg_ok(
        &store,
        &[
            "export", "--focus", "Witkoff", "--depth", "1", "-o", svg_arg,
        ],
    );
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(
        svg.starts_with("<?xml") || svg.starts_with("<svg"),
        "not SVG"
    );
    // At depth 1: the person, the organizations and people the memberships link, the roles.
    for label in [
        "Steve Witkoff",
        "Donald Trump",
        "White House",
        "United States",
        "Special Envoy",
    ] {
        assert!(svg.contains(label), "missing {label}");
    }
    // Two steps away (through the United States, through Trump): not drawn at depth 1.
    for label in ["Marco Rubio", "Dan Driscoll", "John Bolton"] {
        assert!(!svg.contains(label), "{label} is beyond depth 1");
    }
    kg_ok(
        &store,
        &[
            "export", "--focus", "Witkoff", "--depth", "2", "-o", svg_arg,
        ],
    );
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(
        svg.contains("Marco Rubio") && svg.contains("John Bolton"),
        "depth 2 misses people"
    );

    let png_path = dir.path().join("n.png");
    let out = kg(
        &store,
        &[
            "export",
            "--focus",
            "Steve Witkoff",
            "-o",
            png_path.to_str().unwrap(),
        ],
    );
    if out.status.success() {
        let png = std::fs::read(&png_path).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let (width, height) = (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        );
        assert!(
            (200..8000).contains(&width) && (100..8000).contains(&height),
            "{width}x{height}"
        );
    } else {
        assert!(stderr(&out).contains("Graphviz"), "{}", stderr(&out));
    }
    let missing = kg(
        &store,
        &["export", "--focus", "Nobody Atall", "-o", svg_arg],
    );
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn the_same_event_told_by_two_articles_is_one_event_with_two_sources() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Talks in Paris\nGerman Chancellor Hans Vogel visited Paris on Monday to discuss energy prices.\n").unwrap();
    std::fs::write(
        &b,
        "Trip report\nHans Vogel visited Paris on Monday, officials said.\n",
    )
    .unwrap();
    kg_ok(
        &store,
        &[
            "ingest",
            "--date",
            "2024-03-06",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    let out = kg_ok(
        &store,
        &["query", "--format", "csv", "SELECT ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?e a schema:Event ; schema:startDate \"2024-03-04\"^^xsd:date ; kg:attestation/prov:wasDerivedFrom ?doc } GROUP BY ?e"],
    );
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{out}");
    assert!(rows[0].ends_with(",2"), "{out}");
}
