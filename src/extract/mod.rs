//! Stages 2–4 of the pipeline: a [`Document`] becomes an [`Extraction`].
//!
//! 1. sentences ([`crate::text::split_sentences`]);
//! 2. the publication date, when not given, from the text ([`crate::time::infer_publication_date`]);
//! 3. temporal expressions normalized against it ([`crate::time::recognize`]);
//! 4. mentions of people, organizations, places, demonyms and titles;
//! 5. resolution of mentions into entities, with cross-document keys;
//! 6. facts: memberships (person–role–organization) and events.
//!
//! Every stage reads the document text and the output of the stages before it, never after.

mod arbitration;
mod entities;
mod events;
mod form_trie;
mod institutions;
mod json;
mod lexicon;
mod lower;
mod mention_spans;
mod mentions;
mod model;
mod names;
mod organization_names;
mod organization_references;
mod organization_roles;
mod organization_shapes;
mod person_contexts;
mod person_names;
mod place_compounds;
mod place_datelines;
mod place_directions;
mod place_names;
mod place_spans;
mod press_sources;
mod resolve;
mod roles;
mod sentence_work;
mod state_bodies;
mod tokens;
pub mod user_lexicon;

pub use entities::{extract_entities, EntityExtraction};
pub use events::find_events;
pub use json::{extraction_json, EXTRACT_FORMAT_VERSION};
pub use lexicon::Lexicons;
pub use mentions::find_mentions;
pub use model::{Entity, EntityKind, Event, Membership, Mention, MentionKind, Qualifier};
pub use names::{is_surname_only_key, surname_key};
pub use resolve::resolve;
pub use roles::find_memberships;

use crate::text::{infer_url, split_sentences, Document, Sentence};
use crate::time::{self, Timex};
use serde::Serialize;

/// Everything read from one document.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    /// The document, with its publication date filled in when the text states one.
    pub document: Document,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Temporal expressions, normalized against the publication date.
    pub timexes: Vec<Timex>,
    /// Mentions of people, organizations, places, demonyms and titles.
    pub mentions: Vec<Mention>,
    /// The things the mentions name.
    pub entities: Vec<Entity>,
    /// Person–role–organization facts.
    pub memberships: Vec<Membership>,
    /// Dated (or undated) events.
    pub events: Vec<Event>,
}

/// Builds the lexicons' automaton and compiles the time expressions' patterns, side by side on
/// two threads. Why: the first extraction builds both, one after the other, and for one article
/// that is most of the run (0.2 s of `kg ingest` of one article, the store's part 0.05 s).
/// Extraction works the same without it; call it where a run is about to extract.
pub fn warm_up() {
    rayon::join(
        || {
            lexicon::Lexicons::get();
        },
        crate::time::warm_up,
    );
}

/// Runs the whole extractor on one document.
pub fn extract(mut document: Document) -> Extraction {
    let sentences = split_sentences(&document.text);
    if document.url.is_none() {
        document.url = infer_url(&document.text);
    }
    if document.published.is_none() {
        if let Some((published, _span)) = time::infer_publication_date(&document.text) {
            document.published = Some(published);
        }
    }
    let dct = document.published.map(|p| p.date);
    let timexes = time::recognize(&document.text, &sentences, dct);
    let EntityExtraction {
        mentions,
        entities,
        memberships,
    } = extract_entities(&document.text, &sentences);
    let published = dct.map(|d| d.to_string());
    let events = events::find_events_at(
        &document.text,
        &sentences,
        &timexes,
        &mentions,
        published.as_deref(),
    );
    Extraction {
        document,
        sentences,
        timexes,
        mentions,
        entities,
        memberships,
        events,
    }
}

/// For tests of printed spans: the mentions of one kind in `text` as printed, and the names of
/// the entities of the matching kind (a span may grow while the entity's label stays clean).
#[cfg(test)]
pub(crate) fn printed_and_named(
    text: &str,
    mention: MentionKind,
    entity: EntityKind,
) -> (Vec<String>, Vec<String>) {
    let x = extract_entities(text, &split_sentences(text));
    let mentions = x
        .mentions
        .iter()
        .filter(|m| m.kind == mention)
        .map(|m| m.text.clone())
        .collect();
    let names = x
        .entities
        .iter()
        .filter(|e| e.kind == entity)
        .map(|e| e.name.clone())
        .collect();
    (mentions, names)
}
