//! # kg: a knowledge graph of news articles
//!
//! `kg` reads news articles and builds a knowledge graph of who holds which role in which
//! organization, what happened when, and where each fact was read. The pipeline has six stages,
//! one module each, data flowing one way:
//!
//! 1. [`text`]: bytes in, a [`Document`] out (text, identifier, title, publication date, source),
//!    cut into sentences; every later stage points into the text with byte [`Span`]s.
//! 2. [`time`]: temporal expressions recognized and normalized like TimeML TIMEX3 against the
//!    publication date, which is itself inferred from the text when not given.
//! 3. [`extract`]: mentions of people, organizations, places and titles; resolution into
//!    entities with cross-document keys; facts: memberships (person–role–organization) and events.
//! 4. [`rdf`]: facts become quads in the public data model (schema.org, W3C ORG, PROV-O, SKOS,
//!    NIF), one named graph per document, deterministic IRIs.
//! 5. [`store`]: an on-disk Oxigraph store written in batches (new articles' graphs through
//!    Oxigraph's bulk loader, entities and facts derived once per batch in one transaction);
//!    SPARQL. [`pipeline`] runs the stages of a bulk ingest side by side, on every core.
//! 6. [`export`]: pictures of the graph (Graphviz DOT, SVG, PNG, PDF) read from the store;
//!    [`analysis`]: why the graph says something, and where articles disagree.
//!
//! Beside the pipeline, [`serve`] answers SPARQL over HTTP from a read-only view of the store.
//!
//! ```
//! use kg::{extract, Document, KgStore};
//! use oxigraph::sparql::QueryResults;
//!
//! let text = "Talks resume\nFrench President Jean Dupont met officials in Paris on Tuesday.";
//! let document = Document::new("example.txt", text)
//!     .with_date(jiff::civil::date(2025, 11, 26), kg::text::DateOrigin::CommandLine);
//! let extraction = extract(document);
//! let store = KgStore::in_memory()?;
//! store.ingest(&extraction)?;
//! let ask = "ASK { ?d a schema:NewsArticle ; schema:datePublished \"2025-11-26\"^^xsd:date }";
//! assert!(matches!(store.query(ask)?, QueryResults::Boolean(true)));
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

pub mod analysis;
#[doc(hidden)]
pub mod check;
pub mod export;
pub mod extract;
pub mod pipeline;
pub mod push;
pub mod rdf;
pub mod serve;
pub mod store;
pub mod text;
pub mod time;

pub use extract::{extract, Extraction};
pub use store::{IngestOutcome, KgStore};
pub use text::{Document, Span};
