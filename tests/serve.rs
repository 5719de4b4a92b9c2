//! `kg serve` and reading while writing, tested as users meet them: the real binary, a real HTTP
//! client (ureq), on a free loopback port, while `kg ingest` writes into the same store from
//! another process. Also: commands that only read never create a store, and leave it as it was.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test; `KG_TEST_BIN` overrides it (the target directory may be shared by
/// several checkouts, whose builds overwrite one another's `kg`).
fn kg_bin() -> String {
    std::env::var("KG_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_kg").to_owned())
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn kg(store: &Path, args: &[&str]) -> Output {
    Command::new(kg_bin())
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .expect("run kg")
}

fn ingest_seeds(store: &Path) {
    let out = kg(
        store,
        &["ingest", "-q", seeds().to_str().expect("utf-8 path")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes `n` small invented articles (no real names) into `dir`.
fn invented_articles(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..n {
        let text = format!(
            "Quarrington Mills {i} names new chief executive\n\n\
             Quarrington Mills {i} said on Monday that Edda Vallorny would become its chief \
             executive in March, after a year in which the company's mill number {i} doubled its \
             output. The board met in Lisbon on Friday.\n"
        );
        std::fs::write(dir.join(format!("article-{i:04}.txt")), text).expect("write article");
    }
}

/// `kg ingest` of `dir` into `store` in small batches (many commits), in the background.
fn start_ingest(store: &Path, dir: &Path) -> Child {
    Command::new(kg_bin())
        .args(["ingest", "-q", "--batch", "10"])
        .arg(dir)
        .arg("--store")
        .arg(store)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kg ingest")
}

fn finish(mut child: Child) {
    let status = child.wait().expect("wait for kg ingest");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    assert!(status.success(), "kg ingest failed: {stderr}");
}

/// A running `kg serve`, stopped when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(store: &Path, extra: &[&str]) -> Self {
        let mut child = Command::new(kg_bin())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .arg("--store")
            .arg(store)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start kg serve");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the server's first line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim_end_matches('/')
            .to_owned();
        Self { child, url }
    }

    fn endpoint(&self) -> String {
        format!("{}/query", self.url)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One answer: status, Content-Type, body, and the truncation header.
#[derive(Debug)]
struct Reply {
    status: u16,
    content_type: String,
    body: String,
    truncated: Option<String>,
}

fn agent() -> ureq3::Agent {
    ureq3::Agent::new_with_config(
        ureq3::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(120)))
            .build(),
    )
}

fn reply(response: Result<ureq3::http::Response<ureq3::Body>, ureq3::Error>) -> Reply {
    let mut response = response.expect("HTTP exchange");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header("content-type").unwrap_or_default();
    let truncated = header("kg-results-truncated");
    Reply {
        status: response.status().as_u16(),
        content_type,
        truncated,
        body: response.body_mut().read_to_string().expect("body"),
    }
}

fn get(server: &Server, query: &str, accept: &str) -> Reply {
    reply(
        agent()
            .get(&server.endpoint())
            .query("query", query)
            .header("Accept", accept)
            .call(),
    )
}

fn post_form(server: &Server, fields: &[(&str, &str)], accept: &str) -> Reply {
    reply(
        agent()
            .post(&server.endpoint())
            .header("Accept", accept)
            .send_form(fields.iter().copied()),
    )
}

fn post_body(server: &Server, content_type: &str, body: &str, accept: &str) -> Reply {
    reply(
        agent()
            .post(&server.endpoint())
            .header("Content-Type", content_type)
            .header("Accept", accept)
            .send(body),
    )
}

const PEOPLE: &str =
    "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name LIMIT 5";
const DOCUMENTS: &str = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a schema:NewsArticle }";

fn count_documents(server: &Server) -> u64 {
    let r = get(server, DOCUMENTS, "text/csv");
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("no count in {:?}", r.body))
}

#[test]
fn serves_the_sparql_protocol_while_an_ingest_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ingest_seeds(&store);
    let articles = dir.path().join("articles");
    invented_articles(&articles, 300);
    let server = Server::start(
        &store,
        &["--timeout", "1", "--refresh", "0.2", "--max-rows", "10"],
    );
    let before = count_documents(&server);
    assert_eq!(before, 5, "the five seeds");

    let ingest = start_ingest(&store, &articles);

    // SELECT in the four result formats.
    let json = get(&server, PEOPLE, "application/sparql-results+json");
    assert_eq!(json.status, 200, "{}", json.body);
    assert!(json
        .content_type
        .starts_with("application/sparql-results+json"));
    let value: serde_json::Value = serde_json::from_str(&json.body).expect("JSON results");
    assert_eq!(value["head"]["vars"], serde_json::json!(["name"]));
    let rows = value["results"]["bindings"].as_array().expect("bindings");
    assert_eq!(rows.len(), 5);
    let first = rows[0]["name"]["value"]
        .as_str()
        .expect("a name")
        .to_owned();

    let xml = post_form(
        &server,
        &[("query", PEOPLE)],
        "application/sparql-results+xml",
    );
    assert_eq!(xml.status, 200, "{}", xml.body);
    assert!(xml
        .content_type
        .starts_with("application/sparql-results+xml"));
    let mut reader = quick_xml::Reader::from_str(&xml.body);
    let mut results = 0;
    loop {
        match reader.read_event().expect("well-formed XML results") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"result" => results += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(results, 5);
    assert!(xml.body.contains(&first));

    let csv = post_body(&server, "application/sparql-query", PEOPLE, "text/csv");
    assert_eq!(csv.status, 200, "{}", csv.body);
    assert!(csv.content_type.starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().map(str::trim_end).collect();
    assert_eq!(lines.len(), 6, "{:?}", csv.body);
    assert_eq!((lines[0], lines[1]), ("name", first.as_str()));

    let tsv = get(&server, PEOPLE, "text/tab-separated-values");
    assert_eq!(tsv.status, 200, "{}", tsv.body);
    assert!(tsv.content_type.starts_with("text/tab-separated-values"));
    assert_eq!(tsv.body.lines().next(), Some("?name"));
    assert_eq!(tsv.body.lines().count(), 6);

    let ask = get(&server, "ASK { ?p a schema:Person }", "*/*");
    assert_eq!(ask.status, 200);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&ask.body).expect("JSON")["boolean"],
        true
    );

    // CONSTRUCT as Turtle (prefixes predeclared, as in kg query), parsed back.
    let construct = "CONSTRUCT { ?p a schema:Person ; rdfs:label ?n } WHERE { ?p a schema:Person ; rdfs:label ?n } ORDER BY ?n LIMIT 3";
    let turtle = get(&server, construct, "text/turtle");
    assert_eq!(turtle.status, 200, "{}", turtle.body);
    assert!(turtle.content_type.starts_with("text/turtle"));
    let triples = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
        .for_slice(turtle.body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("valid Turtle");
    assert_eq!(triples.len(), 6, "{}", turtle.body);
    let graph_only = get(&server, construct, "application/sparql-results+json");
    assert_eq!(graph_only.status, 406, "{}", graph_only.body);

    // The row cap cuts, and says so.
    let all = get(
        &server,
        "SELECT ?p WHERE { ?p a schema:Person }",
        "application/sparql-results+json",
    );
    assert_eq!(all.status, 200);
    assert_eq!(all.truncated.as_deref(), Some("10"));
    let value: serde_json::Value = serde_json::from_str(&all.body).expect("JSON");
    assert_eq!(
        value["results"]["bindings"].as_array().map(Vec::len),
        Some(10)
    );

    // A syntax error: 400 with the parser's message and where it is.
    let bad = get(&server, "SELECT ?x WHERE { ?x schema:name }", "*/*");
    assert_eq!(bad.status, 400, "{}", bad.body);
    assert!(
        bad.body.contains("invalid SPARQL") && bad.body.contains("1:"),
        "{}",
        bad.body
    );

    // Updates are refused, however they come.
    let insert =
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }";
    for refused in [
        post_form(&server, &[("update", insert)], "*/*"),
        post_form(&server, &[("query", insert)], "*/*"),
        post_body(&server, "application/sparql-update", insert, "*/*"),
    ] {
        assert_eq!(refused.status, 403, "{}", refused.body);
        assert!(refused.body.contains("read-only"), "{}", refused.body);
    }
    let ask_inserted = get(&server, "ASK { <http://example.org/a> ?p ?o }", "*/*");
    assert!(ask_inserted.body.contains("false"), "{}", ask_inserted.body);

    // A query that runs for ever: stopped at the timeout and answered 503.
    let slow = get(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "*/*",
    );
    assert_eq!(slow.status, 503, "{}", slow.body);
    assert!(slow.body.contains("timeout"), "{}", slow.body);
    // ...and the server goes on answering.
    assert_eq!(get(&server, PEOPLE, "text/csv").status, 200);

    // The page: a query box, nothing loaded from elsewhere.
    let page = reply(agent().get(&format!("{}/", server.url)).call());
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("<textarea") && page.body.contains("fetch(\"query\""));
    assert!(!page.body.contains("src=\"http") && !page.body.contains("href=\"http"));

    // Keep asking while the ingest writes: every answer is whole, and counts only grow.
    let mut ingest = ingest;
    let (mut during, mut last) = (0, before);
    while ingest.try_wait().expect("poll ingest").is_none() {
        let n = count_documents(&server);
        assert!((last..=305).contains(&n), "{n} documents after {last}");
        last = n;
        during += 1;
        std::thread::sleep(Duration::from_millis(50));
    }
    eprintln!("{during} counts answered while the ingest ran, the last {last}");
    finish(ingest);

    // The server sees the new documents without a restart, within its refresh interval.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = count_documents(&server);
    while seen != 305 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        seen = count_documents(&server);
    }
    assert_eq!(seen, 305, "5 seeds and 300 new articles");
}

#[test]
fn kg_query_reads_while_an_ingest_holds_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ingest_seeds(&store);
    let articles = dir.path().join("articles");
    invented_articles(&articles, 300);
    let mut ingest = start_ingest(&store, &articles);
    let (mut overlapped, mut last) = (0, 5u64);
    loop {
        let running = ingest.try_wait().expect("poll ingest").is_none();
        let out = kg(&store, &["query", "--format", "csv", DOCUMENTS]);
        assert!(
            out.status.success(),
            "kg query during an ingest: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let n: u64 = String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .expect("a count");
        assert!((last..=305).contains(&n), "{n} documents after {last}");
        last = n;
        if !running {
            break;
        }
        overlapped += 1;
    }
    finish(ingest);
    eprintln!("{overlapped} queries ran while the ingest held the store");
    let out = kg(&store, &["query", "--format", "csv", DOCUMENTS]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("305"));
    let stats = kg(&store, &["stats", "--json"]);
    assert!(stats.status.success());
}

#[test]
fn commands_that_only_read_never_create_a_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-store");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    std::fs::write(articles.join("a.txt"), "An article.").expect("write");
    let runs: [&[&str]; 4] = [
        &["query", "ASK {}"],
        &["stats"],
        &["dump"],
        &["export", "-o", "-"],
    ];
    for args in runs {
        let out = kg(&missing, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("no-store") && stderr.contains("kg ingest"),
            "{args:?}: {stderr}"
        );
        assert!(!missing.exists(), "{args:?} created {}", missing.display());

        let out = kg(&articles, args);
        assert_eq!(out.status.code(), Some(2), "{args:?} on an article folder");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a kg store"));
        assert_eq!(std::fs::read_dir(&articles).expect("read").count(), 1);
    }
    let out = kg(&missing, &["serve", "--bind", "127.0.0.1:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!missing.exists());
}

/// The store's files and their sizes, info logs left out.
fn files(store: &Path) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = std::fs::read_dir(store)
        .expect("read store")
        .filter_map(Result::ok)
        .map(|e| {
            let len = e.metadata().map(|m| m.len()).unwrap_or(0);
            (e.file_name().to_string_lossy().into_owned(), len)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn reading_leaves_the_store_as_it_was_and_writers_keep_no_old_logs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ingest_seeds(&store);
    // Writers open the store again and again (re-ingests, all unchanged).
    for _ in 0..3 {
        ingest_seeds(&store);
    }
    let before = files(&store);
    assert!(
        !before.iter().any(|(n, _)| n.starts_with("LOG.old")),
        "{before:?}"
    );
    for _ in 0..30 {
        let out = kg(&store, &["query", "--format", "csv", "ASK {}"]);
        assert!(out.status.success());
    }
    let out = kg(&store, &["stats"]);
    assert!(out.status.success());
    assert_eq!(
        files(&store),
        before,
        "read-only commands changed the store"
    );
}

#[test]
fn listening_beyond_loopback_needs_public() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("store");
    ingest_seeds(&store);
    let out = kg(&store, &["serve", "--bind", "0.0.0.0:0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--public"));
}
