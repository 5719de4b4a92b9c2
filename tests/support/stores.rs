//! Stores for tests: the seeds, or articles written in the test, ingested in memory through the
//! library (extract, then ingest), named as `kg ingest` names them.

use kg::{extract, Document, KgStore};

/// An in-memory store holding the seed articles, named `seeds/<file>`.
pub fn seeds() -> KgStore {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let articles: Vec<(String, String)> = files
        .iter()
        .map(|p| {
            (
                format!("seeds/{}", p.file_name().unwrap().to_string_lossy()),
                std::fs::read_to_string(p).unwrap(),
            )
        })
        .collect();
    of(&articles
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect::<Vec<_>>())
}

/// An in-memory store holding `(name, text)` articles.
pub fn of(articles: &[(&str, &str)]) -> KgStore {
    let store = KgStore::in_memory().unwrap();
    for (name, text) in articles {
        store.ingest(&extract(Document::new(*name, *text))).unwrap();
    }
    store
}
