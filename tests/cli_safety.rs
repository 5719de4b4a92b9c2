//! The command line never loses data, never hangs, and behaves like Oxigraph's and ripgrep's
//! (issue 12): kg's own graphs cannot be written by `load` or `update`; FIFOs, symlink loops and
//! runaway queries end (each run under a kill-after guard, so a hang fails the test instead of
//! blocking it); closed and full outputs are normal ends or clear errors; formats follow file
//! extensions; SPARQL errors are named; odd encodings are read; the newer commands work.
//! Every test checks the exit code, the message and what the store holds after.

use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const KG: &str = env!("CARGO_BIN_EXE_kg");

fn seed(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files[n].clone()
}

/// Runs `kg --store STORE args…` with `stdin` as input, killed after `guard` (a hang fails).
fn run(store: &Path, args: &[&str], stdin: &[u8], guard: Duration) -> Output {
    let mut child = Command::new(KG)
        .arg("--store")
        .arg(store)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kg runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > guard {
            let _ = child.kill();
            let _ = child.wait();
            panic!("kg {args:?} still running after {guard:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    writer.join().unwrap();
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

const GUARD: Duration = Duration::from_secs(120);

fn kg(store: &Path, args: &[&str]) -> Output {
    run(store, args, b"", GUARD)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(store: &Path, args: &[&str]) -> String {
    let out = kg(store, args);
    assert!(
        out.status.success(),
        "kg {args:?}: {:?}\n{}",
        out.status.code(),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Asserts exit code 2 and a message containing `needle`.
fn refused(out: &Output, needle: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(needle), "expected {needle:?} in: {stderr}");
}

fn dump(store: &Path) -> BTreeSet<String> {
    ok(store, &["dump", "--format", "NQ"])
        .lines()
        .map(str::to_owned)
        .collect()
}

fn documents(store: &Path) -> u64 {
    let stats: serde_json::Value = serde_json::from_str(&ok(store, &["stats", "--json"])).unwrap();
    stats["documents"].as_u64().unwrap()
}

/// A store holding the first seed article.
fn one_article(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    ok(&store, &["ingest", "-q", seed(0).to_str().unwrap()]);
    store
}

#[test]
fn load_refuses_kgs_graphs_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let before = dump(&store);
    let nt = dir.path().join("x.nt");
    std::fs::write(&nt, "<http://a/s> <http://a/p> <http://a/o> .\n").unwrap();
    let article = before
        .iter()
        .find(|l| {
            l.contains(
                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle>",
            )
        })
        .expect("the article is stored");
    let doc = article
        .split_whitespace()
        .next()
        .unwrap()
        .trim_matches(['<', '>']);
    for graph in [
        "https://kg.example.org/graph/facts",
        "https://kg.example.org/graph/entities",
        "https://kg.example.org/graph/merged",
        doc,
    ] {
        let out = kg(&store, &["load", "--graph", graph, nt.to_str().unwrap()]);
        refused(&out, &format!("<{graph}> is one of kg's own graphs"));
    }
    for (name, body) in [
        ("x.trig", "<https://kg.example.org/graph/entities> { <http://a/s> <http://a/p> <http://a/o> . }\n"),
        ("x.nq", "<http://a/s> <http://a/p> <http://a/o> <https://kg.example.org/graph/facts> .\n"),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, body).unwrap();
        refused(&kg(&store, &["load", file.to_str().unwrap()]), "one of kg's own graphs");
    }
    assert_eq!(dump(&store), before, "a refused load changed the store");
    assert_eq!(documents(&store), 1);
}

#[test]
fn user_graphs_follow_the_canonical_path_and_reload_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(
        data.join("a.b.ttl"),
        "<http://a/s> <http://a/p> \"one\" .\n",
    )
    .unwrap();
    std::fs::write(data.join("ab.ttl"), "<http://a/s> <http://a/p> \"two\" .\n").unwrap();
    let graphs = |store: &Path| -> BTreeSet<String> {
        ok(
            store,
            &[
                "query",
                "--format",
                "csv",
                "SELECT DISTINCT ?g { GRAPH ?g { <http://a/s> ?p ?o } }",
            ],
        )
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
    };
    ok(&store, &["load", data.join("a.b.ttl").to_str().unwrap()]);
    ok(&store, &["load", data.join("ab.ttl").to_str().unwrap()]);
    assert_eq!(graphs(&store).len(), 2, "a.b.ttl and ab.ttl are two graphs");
    // The same file under another name is the same graph; loading it again replaces.
    let other_name = data.join("..").join("data").join("a.b.ttl");
    std::fs::write(
        data.join("a.b.ttl"),
        "<http://a/s> <http://a/p> \"three\" .\n",
    )
    .unwrap();
    let out = ok(&store, &["load", other_name.to_str().unwrap()]);
    assert!(out.contains("loaded 1 quad into graph"), "{out}");
    assert_eq!(graphs(&store).len(), 2);
    let values = ok(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?o { <http://a/s> <http://a/p> ?o } ORDER BY ?o",
        ],
    );
    assert_eq!(
        values, "o\r\nthree\r\ntwo\r\n",
        "reloading did not replace: {values}"
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::copy(seed(1), inputs.join("article.txt")).unwrap();
    mkfifo(&inputs.join("pipe.txt"));
    std::os::unix::fs::symlink(&inputs, inputs.join("loop")).unwrap();
    let given_fifo = dir.path().join("given.txt");
    mkfifo(&given_fifo);
    let out = run(
        &store,
        &[
            "ingest",
            inputs.to_str().unwrap(),
            given_fifo.to_str().unwrap(),
        ],
        b"",
        Duration::from_secs(60),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("pipe.txt: a FIFO (named pipe), not a regular file; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("given.txt: a FIFO (named pipe)"),
        "{stderr}"
    );
    assert!(stderr.contains("loop: a symbolic link loop"), "{stderr}");
    assert!(
        text(&out.stdout).contains("1 added"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(documents(&store), 1, "the article was ingested once");
}

#[test]
fn a_runaway_query_stops_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let timed_out = "the query ran longer than 2 s and was stopped (--timeout 2)";
    // Streaming: nothing grows, so only the clock can stop it.
    let out = run(
        &store,
        &[
            "query",
            "--timeout",
            "2",
            "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        ],
        b"",
        Duration::from_secs(60),
    );
    refused(&out, timed_out);
    // Sorting: it grows, and whichever limit comes first stops it (on a fast machine the
    // default 2 GB memory cap can come before the 2 s).
    let out = run(
        &store,
        &[
            "query",
            "--timeout",
            "2",
            "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i ?a",
        ],
        b"",
        Duration::from_secs(60),
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(timed_out) || stderr.contains("was stopped (--max-memory)"),
        "expected the timeout or the memory cap in: {stderr}"
    );
    let out = run(
        &store,
        &[
            "query",
            "--timeout",
            "0",
            "--max-memory",
            "300M",
            "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i ?a",
        ],
        b"",
        Duration::from_secs(120),
    );
    refused(&out, "more than 300 MB of memory and was stopped");
    assert_eq!(documents(&store), 1);
}

/// Runs kg with its standard output closed before it writes: a closed pipe is a normal end.
fn closed_stdout(store: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(KG)
        .arg("--store")
        .arg(store)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut err = child.stderr.take().unwrap();
    let mut stderr = Vec::new();
    err.read_to_end(&mut stderr).unwrap();
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr,
    }
}

#[test]
fn closed_and_full_outputs_end_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let before = dump(&store);
    let nt = dir.path().join("mine.nt");
    std::fs::write(&nt, "<http://a/s> <http://a/p> <http://a/o> .\n").unwrap();
    for args in [
        vec!["dump"],
        vec!["stats"],
        vec!["stats", "--json"],
        vec!["query", "SELECT * { ?s ?p ?o }"],
        vec!["query", "--format", "table", "SELECT * { ?s ?p ?o }"],
        vec!["documents"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["ingest", seed(0).to_str().unwrap()],
    ] {
        let out = closed_stdout(&store, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "kg {args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "kg {args:?} wrote to stderr");
    }
    // `head -1` reads a line, then closes.
    let mut child = Command::new(KG)
        .arg("--store")
        .arg(&store)
        .arg("dump")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(KG)
            .arg("--store")
            .arg(&store)
            .args(["dump"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(text(&out.stderr).contains("No space left on device"));
    }
    assert_eq!(dump(&store), before);
}

#[test]
fn formats_follow_extensions_and_end_with_a_newline() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let nq = dir.path().join("all.nq");
    ok(&store, &["dump", "-o", nq.to_str().unwrap()]);
    let quads = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&std::fs::read(&nq).unwrap())
        .collect::<Result<Vec<_>, _>>()
        .expect("dump -o x.nq writes N-Quads");
    assert_eq!(quads.len(), dump(&store).len());
    refused(
        &kg(
            &store,
            &["dump", "-o", dir.path().join("all.ttl").to_str().unwrap()],
        ),
        "name it .trig or .nq",
    );
    let json = dir.path().join("people.json");
    ok(
        &store,
        &[
            "query",
            "-o",
            json.to_str().unwrap(),
            "SELECT ?p { ?p a schema:Person }",
        ],
    );
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(!value["results"]["bindings"].as_array().unwrap().is_empty());
    let construct = "CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }";
    for (format, start) in [
        ("TTL", "@prefix"),
        ("nt", "<https://kg"),
        ("RDF", "<?xml"),
        ("JsonLD", "["),
    ] {
        let out = ok(&store, &["query", "--format", format, construct]);
        assert!(out.trim_start().starts_with(start), "{format}: {out}");
        assert!(out.ends_with('\n'), "{format} lacks a final newline");
    }
    for format in ["json", "xml", "csv", "tsv", "table"] {
        let out = ok(
            &store,
            &["query", "--format", format, "ASK { ?p a schema:Person }"],
        );
        assert!(
            out.ends_with('\n'),
            "ASK as {format} lacks a final newline: {out:?}"
        );
    }
    let stats = ok(&store, &["stats"]);
    assert!(
        stats.contains("\nquads ") && !stats.contains("triples"),
        "{stats}"
    );
    let ingest = ok(
        &dir.path().join("other"),
        &["ingest", seed(0).to_str().unwrap()],
    );
    assert!(ingest.contains(": 1 document, "), "{ingest}");
}

#[test]
fn sparql_errors_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    refused(
        &kg(&store, &["query", "SELECT * { ?s foo:bar ?o }"]),
        "unknown prefix `foo:` — declare it with PREFIX foo: <…>, or use one of: rdf:",
    );
    refused(
        &kg(
            &store,
            &[
                "query",
                "INSERT DATA { GRAPH <http://g> { <a:a> <a:b> <a:c> } }",
            ],
        ),
        "this is an update",
    );
    refused(&kg(&store, &["query", "  "]), "the query is empty");
    refused(
        &kg(&store, &["query", "SELECT ?x WHERE { ?x"]),
        "invalid SPARQL",
    );
}

#[test]
fn queries_read_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let query = b"SELECT (COUNT(*) AS ?n) { ?d a schema:NewsArticle }";
    for args in [vec!["query", "-"], vec!["query", "-f", "-"]] {
        let out = run(&store, &args, query, GUARD);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout), "n\r\n1\r\n");
    }
}

#[test]
fn update_writes_user_graphs_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = one_article(dir.path());
    let before = dump(&store);
    for (update, needle) in [
        (
            "INSERT DATA { GRAPH <https://kg.example.org/graph/facts> { <a:a> <a:b> <a:c> } }",
            "one of kg's own graphs",
        ),
        (
            "INSERT DATA { <a:a> <a:b> <a:c> }",
            "writes the default graph",
        ),
        (
            "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
            "chosen by a variable",
        ),
        ("CLEAR ALL", "clears every graph"),
        (
            "DROP GRAPH <https://kg.example.org/graph/entities>",
            "one of kg's own graphs",
        ),
    ] {
        refused(&kg(&store, &["update", update]), needle);
    }
    assert_eq!(dump(&store), before, "a refused update changed the store");
    let out = ok(&store, &["update", "INSERT { GRAPH <https://kg.example.org/graph/user/notes> { ?p rdfs:comment \"seen\" } } WHERE { ?p a schema:Person }"]);
    assert!(out.starts_with("update done: "), "{out}");
    let after = dump(&store);
    assert!(after.len() > before.len());
    assert!(after.is_superset(&before));
    assert!(after
        .difference(&before)
        .all(|l| l.ends_with("<https://kg.example.org/graph/user/notes> .")));
}

#[test]
fn documents_are_listed_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let only_first = dir.path().join("only-first");
    ok(
        &store,
        &[
            "ingest",
            "-q",
            seed(0).to_str().unwrap(),
            seed(3).to_str().unwrap(),
        ],
    );
    ok(&only_first, &["ingest", "-q", seed(0).to_str().unwrap()]);
    let listed: serde_json::Value =
        serde_json::from_str(&ok(&store, &["documents", "--format", "JSON"])).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed
        .iter()
        .all(|d| d["facts"].as_u64().unwrap() > 0 && d["id"].as_str().unwrap().len() == 16));
    let csv = ok(&store, &["documents", "--format", "csv"]);
    assert!(csv.starts_with("id,date,facts,source,headline\n"), "{csv}");
    let before = dump(&store);
    let out = kg(&store, &["remove", "nothing-like-this"]);
    refused(&out, "no article matches \"nothing-like-this\"");
    assert_eq!(dump(&store), before);
    let name = seed(3).file_name().unwrap().to_str().unwrap().to_owned();
    let out = ok(&store, &["remove", &name]);
    assert!(
        out.starts_with("removed 1 article; the store holds 1 article"),
        "{out}"
    );
    // Removing the second article leaves exactly what ingesting the first alone gives.
    assert_eq!(dump(&store), dump(&only_first));
}

#[test]
fn odd_encodings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let text16 = "Talks resume\nFrench President Jean Dupont met officials in Paris on Tuesday.\n";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text16.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let mut nul = "A normal start. ".repeat(1000).into_bytes();
    nul.extend(b"\0 and then binary");
    std::fs::write(dir.path().join("nul.txt"), nul).unwrap();
    std::fs::write(
        dir.path().join("page.html"),
        "<h1>Envoy &eacute;t&#233; visits</h1><!-- hidden comment --><script>var x;</script><p>President Jean Dupont met officials &amp; envoys.</p>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("note.md"),
        "# Markdown Title\n\nPresident Jean Dupont spoke.\n",
    )
    .unwrap();
    let out = kg(
        &store,
        &["ingest", "--keep-text", dir.path().to_str().unwrap()],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("nul.txt: a NUL byte at byte 16000"),
        "{stderr}"
    );
    let listed: serde_json::Value =
        serde_json::from_str(&ok(&store, &["documents", "--format", "json"])).unwrap();
    let headlines: BTreeSet<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["headline"].as_str().unwrap())
        .collect();
    assert_eq!(
        headlines,
        BTreeSet::from(["Envoy été visits", "Markdown Title", "Talks resume"])
    );
    let texts = ok(
        &store,
        &[
            "query",
            "--format",
            "csv",
            "SELECT ?t { ?d nif:isString ?t }",
        ],
    );
    assert!(
        !texts.contains("hidden comment") && !texts.contains("var x"),
        "{texts}"
    );
    assert!(texts.contains("officials & envoys"), "{texts}");
}

#[test]
fn the_readme_manifest_and_the_manual_exist() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/crawl.csv");
    let out = ok(
        &store,
        &["ingest", "--manifest", manifest.to_str().unwrap()],
    );
    assert!(out.contains("5 added"), "{out}");
    let completions = ok(&store, &["completions", "bash"]);
    assert!(
        completions.contains("kg__subcmd__query") || completions.contains("query"),
        "{completions}"
    );
    let man = ok(&store, &["man"]);
    assert!(man.contains(".TH kg 1"), "{man}");
    let explain = ok(
        &store,
        &[
            "query",
            "--explain",
            "SELECT * { ?p a schema:Person } LIMIT 1",
        ],
    );
    let plan: serde_json::Value = serde_json::from_str(&explain).expect("the plan is JSON");
    assert!(plan["plan"]["name"].is_string(), "{explain}");
}
