//! Stage 1 of the pipeline: text in, [`Document`] out, cut into [`Sentence`]s.
//!
//! A document is the text exactly as `kg` read it (after decoding and, for HTML, tag stripping),
//! with the metadata that later stages need: an identifier derived from the text, a title, the
//! publication date that anchors relative dates, and where it came from. Every later stage points
//! into `Document::text` with byte [`Span`]s.

mod document;
mod manifest;
mod read;
mod sentences;
mod span;

pub use document::{infer_url, DateOrigin, Document, DocumentId, PublicationDate};
pub use manifest::{parse_manifest, read_manifest, ManifestEntry, ManifestError};
pub use read::{
    collect_inputs, decode, html_to_text, Input, ReadError, DEFAULT_MAX_DOCUMENT_BYTES,
};
pub use sentences::{split_sentences, Sentence};
pub use span::{CharIndex, Span};
