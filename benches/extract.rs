//! Throughput of the extractor alone (no store), single thread, in MB of text per second.
//!
//! The corpus is the seed articles repeated with a varying last line until it reaches a few MB,
//! so every document is distinct (no caching can help) while the text stays real news prose.
//! Run with `cargo bench --bench extract`; set `KG_BENCH_MB` to change the corpus size.

use kg::{extract, Document};
use std::time::Instant;

fn main() {
    let target_mb: f64 = std::env::var("KG_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4.0);
    let seeds_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut seeds: Vec<String> = std::fs::read_dir(seeds_dir)
        .expect("seeds/ exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    seeds.sort();
    let mut corpus = Vec::new();
    let mut bytes = 0usize;
    let mut i = 0usize;
    while (bytes as f64) < target_mb * 1e6 {
        let text = format!("{}\nEdition {i}.\n", seeds[i % seeds.len()]);
        bytes += text.len();
        corpus.push(text);
        i += 1;
    }
    let words: usize = corpus.iter().map(|t| t.split_whitespace().count()).sum();

    // Warm up: lexicons and regexes are built once, on first use.
    let _ = extract(Document::new("warm-up", corpus[0].clone()));

    let mut best = f64::MAX;
    let mut facts = 0usize;
    for _ in 0..3 {
        let start = Instant::now();
        facts = 0;
        for (n, text) in corpus.iter().enumerate() {
            let doc = Document::new(format!("doc{n}"), text.clone()).with_date(
                jiff::civil::date(2025, 11, 26),
                kg::text::DateOrigin::CommandLine,
            );
            let ex = extract(doc);
            facts += ex.memberships.len() + ex.events.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    // Where the time goes, stage by stage (same corpus, one pass each).
    let docs: Vec<Document> = corpus
        .iter()
        .map(|t| Document::new("d", t.clone()))
        .collect();
    let t = Instant::now();
    let sentences: Vec<_> = docs
        .iter()
        .map(|d| kg::text::split_sentences(&d.text))
        .collect();
    let t_sentences = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let dct = Some(jiff::civil::date(2025, 11, 26));
    let timexes: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| kg::time::recognize(&d.text, s, dct))
        .collect();
    let t_time = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let entities: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| kg::extract::extract_entities(&d.text, s))
        .collect();
    let t_entities = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for (((d, s), tx), e) in docs.iter().zip(&sentences).zip(&timexes).zip(&entities) {
        let _ = kg::extract::find_events(&d.text, s, tx, &e.mentions);
    }
    let t_events = t.elapsed().as_secs_f64();
    let mbps = |secs: f64| bytes as f64 / 1e6 / secs;
    println!(
        "stages: sentences {:.1} MB/s, time {:.1} MB/s, entities+roles {:.1} MB/s, events {:.1} MB/s",
        mbps(t_sentences),
        mbps(t_time),
        mbps(t_entities),
        mbps(t_events)
    );
    println!(
        "extract: {:.2} MB in {:.3} s (best of 3): {:.2} MB/s, {:.0} words/s, {} documents, {} facts",
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        words as f64 / best,
        corpus.len(),
        facts
    );
}
