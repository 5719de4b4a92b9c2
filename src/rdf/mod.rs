//! Stage 5 of the pipeline: an [`Extraction`](crate::extract::Extraction) becomes RDF quads in
//! the public data model.
//!
//! The data model (see README and `ontology/kg.ttl`): entities are `schema:Person`,
//! `schema:Organization` or `schema:Place`; roles are `org:Membership`s; events are
//! `schema:Event`s; each fact carries `prov:wasDerivedFrom` its document and `kg:evidence` the
//! `nif:Sentence` it was read from, with its span in code points. Everything read from one document
//! lives in the named graph named by the document's IRI. IRIs are minted deterministically from
//! the extraction (see [`iri`]).

pub mod iri;
mod quads;
pub mod vocab;

pub use quads::{document_quads, entity_name_quads};
