//! Load generator for `kg serve`: key-lookup queries from concurrent clients, on loopback.
//!
//! `cargo bench --bench serve_load -- URL [CLIENTS] [REQUESTS]` (benches/serve.sh starts the
//! server and passes its URL). It fetches up to 1,000 person labels, then each client, with its
//! own keep-alive connection, asks for the memberships (role and organization IRIs) of one person per
//! request (a lookup by label),
//! REQUESTS in all. It prints requests/s and the latency percentiles; any non-200 answer counts as
//! an error and is reported.

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(url) = args.first().cloned() else {
        eprintln!(
            "serve_load: give the server's URL, e.g. http://127.0.0.1:7878 (benches/serve.sh does)"
        );
        return;
    };
    let clients: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(8);
    let requests: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(4000);
    let endpoint = format!("{}/query", url.trim_end_matches('/'));

    let labels = match person_labels(&endpoint) {
        Ok(labels) if !labels.is_empty() => labels,
        Ok(_) => {
            eprintln!("serve_load: the store holds no person: ingest articles first");
            std::process::exit(1);
        }
        Err(e) => {
            eprintln!("serve_load: cannot ask {endpoint}: {e}");
            std::process::exit(1);
        }
    };
    // Warm up the server's caches and connections.
    let warm = agent();
    for label in labels.iter().take(50) {
        let _ = lookup(&warm, &endpoint, label);
    }

    let started = Instant::now();
    let per_client = requests.div_ceil(clients);
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                let (endpoint, labels) = (&endpoint, &labels);
                scope.spawn(move || {
                    let agent = agent();
                    let mut latencies = Vec::with_capacity(per_client);
                    let mut errors = 0;
                    for i in 0..per_client {
                        let label = &labels[(c * 7919 + i * 104_729) % labels.len()];
                        let t = Instant::now();
                        match lookup(&agent, endpoint, label) {
                            Ok(()) => latencies.push(t.elapsed()),
                            Err(e) => {
                                if errors == 0 {
                                    eprintln!("serve_load: {e}");
                                }
                                errors += 1;
                            }
                        }
                    }
                    (latencies, errors)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let errors: usize = results.iter().map(|(_, e)| e).sum();
    let mut latencies: Vec<Duration> = results.into_iter().flat_map(|(l, _)| l).collect();
    latencies.sort();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return f64::NAN;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!(
        "serve_load: {} requests ({} errors) from {clients} clients in {elapsed:.2} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms ({} distinct keys)",
        latencies.len() + errors,
        errors,
        latencies.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        labels.len()
    );
    if errors > 0 {
        std::process::exit(1);
    }
}

/// A client with its own keep-alive connection; every request bounded in time.
fn agent() -> ureq3::Agent {
    ureq3::Agent::new_with_config(
        ureq3::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .build(),
    )
}

fn person_labels(endpoint: &str) -> Result<Vec<String>, String> {
    let body = agent()
        .post(endpoint)
        .header("Accept", "application/sparql-results+json")
        .send_form([(
            "query",
            "SELECT DISTINCT ?label WHERE { ?p a schema:Person ; rdfs:label ?label } LIMIT 1000",
        )])
        .map_err(|e| e.to_string())?
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    Ok(json["results"]["bindings"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["label"]["value"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}

fn lookup(agent: &ureq3::Agent, endpoint: &str, label: &str) -> Result<(), String> {
    let literal = serde_json::to_string(label).map_err(|e| e.to_string())?;
    let query = format!(
        "SELECT ?person ?role ?organization WHERE {{ ?person a schema:Person ; rdfs:label {literal} . \
         OPTIONAL {{ ?m org:member ?person ; org:role ?role . \
         OPTIONAL {{ ?m org:organization ?organization }} }} }}"
    );
    let body = agent
        .get(endpoint)
        .query("query", &query)
        .header("Accept", "application/sparql-results+json")
        .call()
        .map_err(|e| e.to_string())?
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())?;
    if body.contains("\"bindings\"") {
        Ok(())
    } else {
        Err(format!("not a results document: {body:.100}"))
    }
}
