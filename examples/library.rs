//! Using kg as a library: extract facts from one article, store them in memory, ask SPARQL.
//!
//! `cargo run --release --example library [FILE]` (default: the first seed article).

use kg::text::{DateOrigin, Input};
use kg::{extract, Document, KgStore};
use oxigraph::sparql::QueryResults;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/seeds/000_8498dd1a82b02dfb.txt"
            ))
        },
        PathBuf::from,
    );
    let input = Input::File(path);
    let mut document = Document::new(
        input.name(),
        input.read_text(kg::text::DEFAULT_MAX_DOCUMENT_BYTES)?,
    );
    if document.published.is_none() {
        // Relative dates need an anchor; the extractor reads it from the text when it can.
        document = document.with_date(jiff::civil::date(2025, 11, 26), DateOrigin::CommandLine);
    }
    let extraction = extract(document);
    println!(
        "{}: {} sentences, {} entities, {} memberships, {} events",
        extraction.document.source,
        extraction.sentences.len(),
        extraction.entities.len(),
        extraction.memberships.len(),
        extraction.events.len()
    );

    let store = KgStore::in_memory()?;
    store.ingest(&extraction)?;
    let query = "SELECT ?name ?role WHERE { ?m org:member/rdfs:label ?name ; org:role/rdfs:label ?role } ORDER BY ?name";
    if let QueryResults::Solutions(solutions) = store.query(query)? {
        for solution in solutions {
            let solution = solution?;
            if let (Some(name), Some(role)) = (solution.get("name"), solution.get("role")) {
                println!(
                    "{} — {}",
                    kg::store::compact(name),
                    kg::store::compact(role)
                );
            }
        }
    }
    Ok(())
}
