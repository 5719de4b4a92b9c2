//! `kg extract --format nquads` as a map step with `kg ingest --from-nquads` as its reduce step,
//! and `kg push` to two real SPARQL servers (Oxigraph server and Virtuoso, started here on free
//! loopback ports): after a push every `examples/*.rq` gives the same rows there as on the local
//! store; pushing again changes nothing; a push killed half-way and run again ends where a clean
//! push does.

#[path = "support/run.rs"]
mod run;
#[path = "support/servers.rs"]
mod servers;

use servers::Server;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test (KG_BIN overrides it: a copy, when other builds share the target dir).
fn kg_bin() -> String {
    std::env::var("KG_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_kg").to_owned())
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kg(store: &Path, args: &[&str], env: &[(String, String)]) -> Output {
    Command::new(kg_bin())
        .arg("--store")
        .arg(store)
        .args(args)
        .env_remove("KG_PUSH_USER")
        .env_remove("KG_PUSH_PASSWORD")
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .output()
        .expect("cannot run kg")
}

fn kg_ok(store: &Path, args: &[&str]) -> String {
    let out = kg(store, args, &[]);
    assert!(
        out.status.success(),
        "kg {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A store with the seed articles.
fn seeded_store(dir: &Path) -> PathBuf {
    let store = dir.join("seeded");
    kg_ok(
        &store,
        &["ingest", "-q", repo().join("seeds").to_str().unwrap()],
    );
    store
}

#[test]
fn extract_nquads_then_reduce_gives_the_store_ingest_gives() {
    let dir = tempfile::tempdir().unwrap();
    let ingested = seeded_store(dir.path());
    let nquads = kg_ok(
        dir.path(),
        &[
            "extract",
            "--format",
            "nquads",
            repo().join("seeds").to_str().unwrap(),
        ],
    );
    // The map step prints document graphs only: no derived graph.
    assert!(nquads.contains("<https://kg.example.org/doc/"));
    assert!(!nquads.contains("<https://kg.example.org/graph/facts>"));
    assert!(!nquads.contains("<https://kg.example.org/graph/entities>"));
    // Split in two files, as two machines would print them.
    let lines: Vec<&str> = nquads.lines().collect();
    let half = lines.len() / 2;
    let cut = (half..lines.len())
        .find(|&i| lines[i].rsplit(' ').nth(1) != lines[i - 1].rsplit(' ').nth(1))
        .unwrap();
    let (a, b) = (dir.path().join("a.nq"), dir.path().join("b.nq"));
    std::fs::write(&a, lines[..cut].join("\n") + "\n").unwrap();
    std::fs::write(&b, lines[cut..].join("\n") + "\n").unwrap();
    let reduced = dir.path().join("reduced");
    kg_ok(
        &reduced,
        &[
            "ingest",
            "--from-nquads",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    let (want, got) = (run::dump(&ingested), run::dump(&reduced));
    assert!(want.len() > 1000, "the seeds give a real store");
    assert_eq!(
        want, got,
        "the reduce step must give the same graphs as ingest"
    );
    // A dump read back the same way (its derived graphs skipped and derived again).
    let dump = dir.path().join("dump.nq");
    std::fs::write(&dump, want.join("\n") + "\n").unwrap();
    let again = dir.path().join("again");
    let said = kg_ok(&again, &["ingest", "--from-nquads", dump.to_str().unwrap()]);
    assert!(
        said.contains("skipped <https://kg.example.org/graph/facts>"),
        "{said}"
    );
    assert_eq!(want, run::dump(&again));
}

#[test]
fn reduce_refuses_quads_outside_document_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.nq");
    std::fs::write(
        &file,
        "<http://example.org/a> <http://example.org/b> \"c\" <http://example.org/g> .\n",
    )
    .unwrap();
    let out = kg(
        &dir.path().join("s"),
        &["ingest", "--from-nquads", file.to_str().unwrap()],
        &[],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a document graph") && err.contains("kg load"),
        "{err}"
    );
}

#[test]
fn push_to_an_unreachable_server_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s");
    let empty = dir.path().join("empty.nq");
    std::fs::write(&empty, "").unwrap();
    kg_ok(
        &store,
        &["ingest", "--from-nquads", empty.to_str().unwrap()],
    );
    let port = servers::free_port();
    let out = kg(
        &store,
        &["push", "--to", &format!("http://127.0.0.1:{port}")],
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot reach") && err.contains("did not complete"),
        "{err}"
    );
    let out = kg(&store, &["push", "--to", "not a url"], &[]);
    assert_eq!(out.status.code(), Some(2), "a bad URL is a usage error");
}

// ---- live servers ----

/// Runs a SELECT on the server; rows as variable → normalised value.
fn server_rows(server: &Server, query: &str) -> Vec<BTreeMap<String, String>> {
    let response = ureq::post(&server.query_url)
        .set("Accept", "application/sparql-results+json")
        .send_form(&[("query", query)])
        .unwrap_or_else(|e| panic!("query failed on {}: {e}\n{query}", server.base));
    let json: serde_json::Value = serde_json::from_reader(response.into_reader()).unwrap();
    rows(&json)
}

fn local_rows(store: &Path, query_file: &Path) -> Vec<BTreeMap<String, String>> {
    let text = kg_ok(
        store,
        &[
            "query",
            "-f",
            query_file.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    rows(&serde_json::from_str(&text).unwrap())
}

/// SPARQL JSON results → rows, each value normalised: numbers by value, the items of a
/// GROUP_CONCAT in sorted order (its order is not defined), and an empty GROUP_CONCAT as
/// unbound (Virtuoso binds it to "", Oxigraph leaves it unbound).
fn rows(json: &serde_json::Value) -> Vec<BTreeMap<String, String>> {
    let mut out: Vec<BTreeMap<String, String>> = json["results"]["bindings"]
        .as_array()
        .expect("no bindings")
        .iter()
        .map(|row| {
            row.as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), normalise(v)))
                .filter(|(_, v)| !v.is_empty())
                .collect()
        })
        .collect();
    out.sort();
    out
}

fn normalise(term: &serde_json::Value) -> String {
    let value = term["value"].as_str().unwrap_or_default();
    let datatype = term["datatype"].as_str().unwrap_or_default();
    if datatype.ends_with("#integer")
        || datatype.ends_with("#int")
        || datatype.ends_with("#decimal")
    {
        if let Ok(n) = value.parse::<f64>() {
            return format!("{n}");
        }
    }
    for separator in [" | ", ", "] {
        if value.contains(separator) {
            let mut items: Vec<&str> = value.split(separator).collect();
            items.sort();
            return items.join(separator);
        }
    }
    value.to_owned()
}

fn prefixes() -> String {
    kg::rdf::vocab::PREFIXES
        .iter()
        .map(|(p, ns)| format!("PREFIX {p}: <{ns}>\n"))
        .collect()
}

/// Quads in kg's graphs on the server, the push ledger left out.
fn server_quads(server: &Server) -> u64 {
    let query = format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"https://kg.example.org/\") && ?g != <{}>) }}",
        kg::push::ledger_graph().as_str()
    );
    server_rows(server, &query)[0]["n"].parse::<f64>().unwrap() as u64
}

fn push_state(server: &Server) -> String {
    let query = format!(
        "SELECT ?state WHERE {{ GRAPH <{0}> {{ <{0}> <https://kg.example.org/ns#pushState> ?state }} }}",
        kg::push::ledger_graph().as_str()
    );
    server_rows(server, &query)
        .first()
        .map(|r| r["state"].clone())
        .unwrap_or_default()
}

fn push(store: &Path, server: &Server, extra_env: &[(String, String)]) -> Output {
    let mut args = vec!["push", "--to", server.base.as_str()];
    args.extend(server.push_args.iter().map(String::as_str));
    let mut env = server.push_env.clone();
    env.extend(extra_env.iter().cloned());
    kg(store, &args, &env)
}

fn push_ok(store: &Path, server: &Server) -> String {
    let out = push(store, server, &[]);
    assert!(
        out.status.success(),
        "push to {} failed:\n{}",
        server.base,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn local_quads(store: &Path) -> u64 {
    let stats: serde_json::Value =
        serde_json::from_str(&kg_ok(store, &["stats", "--json"])).unwrap();
    stats["quads"].as_u64().unwrap()
}

/// The live checks, the same for every server.
fn check_server(start: fn() -> Result<Server, String>, name: &str) {
    let server = match start() {
        Ok(server) => server,
        Err(reason) if servers::skip_requested(&format!("{name}: {reason}")) => return,
        Err(reason) => panic!("{name} could not be started: {reason}"),
    };
    let dir = tempfile::tempdir().unwrap();
    let store = seeded_store(dir.path());
    let total = local_quads(&store);

    // A clean push: every graph arrives, and the ledger says so.
    let said = push_ok(&store, &server);
    assert!(said.contains("5 document graphs sent"), "{said}");
    assert_eq!(server_quads(&server), total, "{name}: every quad arrives");
    assert_eq!(push_state(&server), "complete");

    // The examples give the same rows there as here.
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 5);
    for example in &examples {
        let local = local_rows(&store, example);
        let text = std::fs::read_to_string(example).unwrap();
        let remote = server_rows(&server, &format!("{}{text}", prefixes()));
        assert_eq!(
            local,
            remote,
            "{name}: {} gives other rows on the server",
            example.display()
        );
    }
    assert!(
        !local_rows(&store, &repo().join("examples/roles.rq")).is_empty(),
        "the comparison compares something"
    );

    // Pushing again sends nothing and changes nothing.
    let said = push_ok(&store, &server);
    assert!(
        said.contains("0 document graphs sent, 5 unchanged"),
        "{said}"
    );
    assert_eq!(server_quads(&server), total);

    // A push killed half-way (after 2 graphs), then run again, ends like a clean push.
    // Another store: three of the seeds and one more article (so documents are sent, others
    // deleted, and the derived graphs change).
    let other = dir.path().join("other");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    let extra = dir.path().join("extra.txt");
    std::fs::write(
        &extra,
        "Board changes\nActing Chief Executive Officer Maria Lindqvist of Norrland Mining said on Monday that the company would open a mine in Kiruna.\n",
    )
    .unwrap();
    let mut args = vec!["ingest", "-q", "--date", "2025-03-03"];
    args.extend(seeds[..3].iter().map(|p| p.to_str().unwrap()));
    args.push(extra.to_str().unwrap());
    kg_ok(&other, &args);
    let killed = push(
        &other,
        &server,
        &[("KG_PUSH_ABORT_AFTER".to_owned(), "2".to_owned())],
    );
    assert!(
        !killed.status.success(),
        "the push was meant to die half-way"
    );
    assert_eq!(
        push_state(&server),
        "in progress",
        "{name}: a half push is not complete"
    );
    let said = push_ok(&other, &server);
    assert!(said.contains("document graphs sent"), "{said}");
    assert_eq!(push_state(&server), "complete");
    assert_eq!(
        server_quads(&server),
        local_quads(&other),
        "{name}: after the rerun the server holds exactly the store (stale documents deleted)"
    );
}

#[test]
fn push_to_oxigraph_server() {
    check_server(servers::oxigraph, "Oxigraph server");
}

#[test]
fn push_to_virtuoso() {
    check_server(servers::virtuoso, "Virtuoso");
}
