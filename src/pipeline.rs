//! The bulk ingest path: articles read from files, extracted and written to the store, each
//! stage on threads of its own so that no stage waits for another longer than it must.
//!
//! ```text
//!  read + extract + graph     gather                      write
//!  (every core, a piece       (BatchBuilder: the new      (Ingestor::write: entities and
//!   of articles at a time) ─► graphs' files built as  ─►   facts derived, one transaction
//!                              they come)                  per batch)
//! ```
//!
//! Why three stages: on 100 MB of news, extraction waited for each of the seven writes (6-9 s
//! each) and the writes waited for extraction, half of the run each. Each stage hands the next
//! what it made through a channel that holds nothing, so at most one piece waits to be gathered
//! and one batch to be written: a channel of two pieces took as long and needed 0.1 GB more.
//!
//! This is the library's side of `kg ingest`; the command line adds the progress bar and the
//! summary. `kg ingest --from-nquads` (document graphs made elsewhere) goes through
//! [`Ingestor::ingest_documents`] instead: there is nothing to extract.

use crate::extract::extract;
use crate::rdf::GraphOptions;
use crate::store::{DocumentGraph, IngestOutcome, Ingestor, KgStore, StoreError, WrittenBatch};
use crate::text::{DateOrigin, Document, Input, ManifestEntry, ReadError};
use rayon::prelude::*;
use std::ops::Range;

/// Text extracted at a time at most, whatever the article count: bounds memory on large files.
const PIECE_BYTES: u64 = 24 * 1024 * 1024;

/// Articles extracted at a time at most: a piece's graphs wait in memory until the gathering
/// stage takes them, so pieces are much smaller than the batches the store writes.
const PIECE_ARTICLES: usize = 1000;

/// One article to ingest: where its text is, and what the command line or a manifest row says
/// about it (date, title, URL).
#[derive(Debug, Clone)]
pub struct Article {
    /// Where the text is read from (a file, or standard input).
    pub input: Input,
    /// What a manifest row (or nothing) says about the article.
    pub meta: ManifestEntry,
}

impl Article {
    /// An article with nothing known about it but where it is.
    pub fn new(input: Input) -> Self {
        Self {
            input,
            meta: ManifestEntry::default(),
        }
    }

    /// Reads the text (refused above `max_bytes`) into a [`Document`] with what is known
    /// about it; a `date` given here overrides the manifest's.
    pub fn read(
        &self,
        date: Option<jiff::civil::Date>,
        max_bytes: u64,
    ) -> Result<Document, ReadError> {
        let text = self.input.read_text(max_bytes)?;
        let mut document = Document::new(self.input.name(), text);
        if let Some(d) = date {
            document = document.with_date(d, DateOrigin::CommandLine);
        } else if let Some(d) = self.meta.date {
            document = document.with_date(d, DateOrigin::Manifest);
        }
        if let Some(title) = &self.meta.title {
            document.title = Some(title.clone());
        }
        if let Some(url) = &self.meta.url {
            document.url = Some(url.clone());
        }
        Ok(document)
    }
}

/// How the articles are read and written.
#[derive(Debug, Clone)]
pub struct IngestSettings {
    /// The publication date of every article (else the manifest's, else read from the text).
    pub date: Option<jiff::civil::Date>,
    /// Articles above this many bytes are refused (`--max-document-size`).
    pub max_document_size: u64,
    /// Articles per write (`kg ingest --batch`; 8,000 by default).
    pub batch: usize,
    /// What goes into each article's graph besides its facts (`--keep-text`).
    pub graph: GraphOptions,
}

/// Why one article was not stored. The others go on.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The text could not be read (missing, unreadable, too large, not text).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The article's graph could not be made.
    #[error("cannot store {article}: {error}")]
    Graph {
        /// Where the article was read from.
        article: String,
        /// Why.
        error: StoreError,
    },
}

/// What an ingest reports as it goes, from the gathering and the writing threads.
pub trait IngestObserver: Sync {
    /// The ingest starts: `articles` articles, `bytes` of text in all (as their files'
    /// sizes say). Called once, before anything else.
    fn started(&self, _articles: usize, _bytes: u64) {}
    /// A piece of `articles` articles (`bytes` of text) has been extracted and gathered.
    fn extracted(&self, articles: usize, bytes: u64);
    /// An article or a batch could not be stored (the message says which and why).
    fn problem(&self, message: &str);
}

/// An observer that only prints problems to standard error.
pub struct ReportProblems;

impl IngestObserver for ReportProblems {
    fn extracted(&self, _: usize, _: u64) {}
    fn problem(&self, message: &str) {
        eprintln!("kg: {message}");
    }
}

/// How many articles an ingest added, replaced, left unchanged and failed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestTally {
    /// Articles new to the store.
    pub added: usize,
    /// Articles that replaced an earlier version from the same source (or new metadata).
    pub replaced: usize,
    /// Articles stored before exactly as they are now (nothing written).
    pub unchanged: usize,
    /// Articles that could not be read or stored.
    pub failed: usize,
}

/// Ingests `articles` into `store`: extraction on every core, batches written on a thread of
/// their own (see the module's documentation). An article that cannot be read or stored is
/// reported to `observer` and counted as failed; a batch that cannot be written is reported
/// and its articles counted as failed; the rest go on. After a large ingest the store's files
/// are rewritten compressed ([`KgStore::flush`]).
///
/// Errors only when the store cannot be written at all (another process holds it, the disk
/// refuses the first write).
pub fn ingest_articles(
    store: &mut KgStore,
    articles: &[Article],
    settings: &IngestSettings,
    observer: &dyn IngestObserver,
) -> Result<IngestTally, StoreError> {
    let sizes: Vec<u64> = articles.iter().map(|a| a.input.size_hint()).collect();
    observer.started(articles.len(), sizes.iter().sum());
    let pieces = pieces(&sizes, settings.batch.min(PIECE_ARTICLES));
    let mut tally = IngestTally::default();
    let mut ingestor = Ingestor::new(store).with_batch_size(settings.batch);
    let mut builder = ingestor.batches()?;
    let mut unreadable = 0usize;
    let written: Vec<WrittenBatch> = std::thread::scope(|scope| {
        type Extracted = Vec<(usize, Result<DocumentGraph, ArticleError>)>;
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Extracted>(0);
        let (to_writer, batches_in) = std::sync::mpsc::sync_channel(0);
        let pieces = &pieces;
        scope.spawn(move || {
            for range in pieces {
                // Each article's graph is made here, on every core, and its extraction
                // dropped: the writer needs only the graph.
                let extracted: Extracted = range
                    .clone()
                    .into_par_iter()
                    .map(|i| (i, graph_of(&articles[i], settings)))
                    .collect();
                if sender.send(extracted).is_err() {
                    break;
                }
            }
        });
        let ingestor = &mut ingestor;
        let writer = scope.spawn(move || {
            let mut written = Vec::new();
            for batch in batches_in {
                let batch = ingestor.write(batch);
                if let Err(error) = &batch.outcomes {
                    observer.problem(&format!(
                        "cannot store a batch of {} documents ({}...): {error}",
                        batch.documents,
                        batch.first_sources.join(", ")
                    ));
                }
                written.push(batch);
            }
            written
        });
        for extracted in receiver {
            let mut batch = Vec::with_capacity(extracted.len());
            let (count, mut bytes) = (extracted.len(), 0);
            for (i, result) in extracted {
                bytes += sizes[i];
                match result {
                    Ok(graph) => batch.push(graph),
                    Err(error) => {
                        unreadable += 1;
                        observer.problem(&error.to_string());
                    }
                }
            }
            if let Some(full) = builder.add(batch) {
                if to_writer.send(full).is_err() {
                    break;
                }
            }
            observer.extracted(count, bytes);
        }
        if let Some(last) = builder.finish() {
            // The writer only stops early by panicking, which the join below reports.
            let _ = to_writer.send(last);
        }
        drop(to_writer);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    });
    for batch in written {
        match batch.outcomes {
            Ok(outcomes) => {
                for outcome in outcomes {
                    match outcome {
                        IngestOutcome::Added => tally.added += 1,
                        IngestOutcome::Replaced => tally.replaced += 1,
                        IngestOutcome::Unchanged => tally.unchanged += 1,
                    }
                }
            }
            Err(_) => tally.failed += batch.documents,
        }
    }
    tally.failed += unreadable;
    // The ingestor saves its name tallies beside the store when dropped.
    drop(builder);
    drop(ingestor);
    if tally.added + tally.replaced > 1000 {
        store.flush()?;
    }
    Ok(tally)
}

/// One article read, extracted and made into its graph.
fn graph_of(article: &Article, settings: &IngestSettings) -> Result<DocumentGraph, ArticleError> {
    let document = article.read(settings.date, settings.max_document_size)?;
    let article = document.source.clone();
    DocumentGraph::from_extraction(&extract(document), settings.graph)
        .map_err(|error| ArticleError::Graph { article, error })
}

/// The articles cut into pieces extracted at a time: at most `most` articles and
/// [`PIECE_BYTES`] of text each (an article larger than that is a piece of its own).
fn pieces(sizes: &[u64], most: usize) -> Vec<Range<usize>> {
    let most = most.max(1);
    let mut pieces = Vec::new();
    let (mut start, mut bytes) = (0usize, 0u64);
    for (i, size) in sizes.iter().enumerate() {
        if i > start && (i - start >= most || bytes + size > PIECE_BYTES) {
            pieces.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    if start < sizes.len() {
        pieces.push(start..sizes.len());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_hold_at_most_the_count_and_the_bytes() {
        let sizes = [10, 10, 10, 10, 10];
        assert_eq!(pieces(&sizes, 2), vec![0..2, 2..4, 4..5]);
        let big = PIECE_BYTES / 2 + 1;
        assert_eq!(pieces(&[big, big, big], 10), vec![0..1, 1..2, 2..3]);
        assert_eq!(pieces(&[PIECE_BYTES * 3, 1], 10), vec![0..1, 1..2]);
        assert!(pieces(&[], 10).is_empty());
    }

    #[test]
    fn every_article_is_in_exactly_one_piece_in_order() {
        let sizes: Vec<u64> = (0..2_345).map(|i| (i * 7919 % 30_000) as u64).collect();
        let all: Vec<usize> = pieces(&sizes, 1000).into_iter().flatten().collect();
        assert_eq!(all, (0..sizes.len()).collect::<Vec<_>>());
    }
}
