//! Stage 5 of the pipeline: an [`Extraction`](crate::extract::Extraction) becomes RDF quads in
//! the public data model.
//!
//! The data model (see README and `ontology/kg.ttl`): entities are `schema:Person`,
//! `schema:Organization` or `schema:Place`; roles are `org:Membership`s; events are
//! `schema:Event`s. Each article's graph holds only what is its own: the article, the sentences
//! and phrases facts were read from, a `schema:mentions` per entity it names (how it names them
//! in one `kg:namings` literal: [`namings`]) and a `kg:Attestation` per fact it states (with
//! `prov:wasDerivedFrom`, `kg:evidence`, `kg:span`, `kg:rule`). The facts themselves, each once,
//! and the entities' labels are derived from the claims of all articles by the store
//! ([`claims`]). IRIs are minted deterministically (see [`iri`]).

pub mod claims;
pub mod iri;
pub mod namings;
mod quads;
pub mod vocab;

pub use claims::{Attested, Claim, Fact};
pub use namings::{ArticleNaming, Namings};
pub use quads::{
    document_nquads, document_quads, entity_classes, entity_name_quads, fingerprint, GraphOptions,
};
