//! What extraction produces: mentions of things in the text, the entities they name, and the
//! facts (memberships and events) that sentences state about them.
//!
//! These types are the contract between the extraction stages and the RDF stage; `kg extract`
//! prints them as JSON, so field names are public API.

use crate::text::Span;
use serde::Serialize;
use std::collections::BTreeSet;

/// The three kinds of named things the graph holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person: `schema:Person`.
    Person,
    /// An organization, including metonyms such as "the Kremlin": `schema:Organization`.
    Organization,
    /// A country, region, city, sea...: `schema:Place`.
    Place,
}

/// What a mention is a mention of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A person's name ("Marco Rubio", "Rubio", "President biden" → "biden").
    Person,
    /// An organization's name ("NATO", "the Kremlin").
    Organization,
    /// A place's name ("Ukraine", "U.S.", "Kyiv").
    Place,
    /// A demonym ("Russian", "French"): not a place, but it names one when it qualifies a role.
    Demonym,
    /// A job or political title ("Secretary of State", "spokesperson", "special envoy").
    Role,
    /// A temporal expression ("on Tuesday", "November 26, 2025"); see [`crate::time::Timex`].
    Time,
}

/// A stretch of text that names something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// What it names.
    pub kind: MentionKind,
    /// Where it is (bytes; `kg extract` prints code points).
    pub span: Span,
    /// The text exactly as written (`span.of(document.text)`).
    pub text: String,
    /// A normalized value where there is one: the canonical name of a place or organization from
    /// the lexicon ("United States" for "U.S."), the country a demonym names, the TIMEX3 value
    /// of a temporal expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Index into [`Extraction::entities`](super::Extraction::entities) once resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The sentence it is in (index into the document's sentences).
    pub sentence: usize,
}

/// One real-world thing named in a document, with every name it was written as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// A more specific schema.org class when known: "Country", "City", "GovernmentOrganization",
    /// "NewsMediaOrganization"...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// The canonical name (`rdfs:label`).
    pub name: String,
    /// Every other form the text used (`skos:altLabel`).
    pub aliases: BTreeSet<String>,
    /// A key that is the same for the same real-world thing in every document, used to build its
    /// IRI: `person/steve-witkoff`, `place/united-states`. It must not depend on which document
    /// or in which order documents are read. The one exception is a body the article names only
    /// by what it is and ties to no country ("the Senate"): its key ends in the article's
    /// identifier (`organization/senate/in/<id>`), because only that article says which it is.
    pub key: String,
}

/// A qualifier the text puts on a membership: "former President" is not the claim "President".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// "former", "ex-": the person held the role before.
    Former,
    /// "acting", "interim": holds the role provisionally.
    Acting,
    /// "-elect", "designate", "incoming", "nominee": will hold the role.
    Designate,
    /// A time the text gives for it, as written, with its preposition: "during his first
    /// administration".
    During(String),
}

/// Person–role–organization: `org:Membership`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The person (index into [`Extraction::entities`](super::Extraction::entities)).
    pub person: usize,
    /// The role as a title, without qualifiers or organization: "Secretary of State".
    pub role: String,
    /// The organization, country or person the role is held in or for, when the text names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<usize>,
    /// Qualifiers such as "former".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
    /// The sentence it was read from.
    pub sentence: usize,
    /// The stretch of text that states it (title through name, or name through apposition).
    pub span: Span,
    /// Which rule found it, for debugging: "title-before-name", "apposition", ...
    pub rule: &'static str,
}

/// Something that happened or is planned: `schema:Event`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// A few words that say what happened: "Kremlin confirms visit".
    pub label: String,
    /// The trigger word as written ("confirmed", "videoconference").
    pub trigger: String,
    /// The trigger's base form ("confirm", "videoconference"): with the date and participants,
    /// it identifies the same event told by two articles.
    pub lemma: String,
    /// Where the trigger is.
    pub trigger_span: Span,
    /// The TIMEX3 value of the date that attaches to it, when one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Index into [`Extraction::timexes`](super::Extraction::timexes) of that date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timex: Option<usize>,
    /// People and organizations taking part (indices into [`Extraction::entities`](super::Extraction::entities)).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<usize>,
    /// Where it happened (index into [`Extraction::entities`](super::Extraction::entities)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
    /// The sentence it was read from.
    pub sentence: usize,
    /// The stretch of text that states it (the clause).
    pub span: Span,
}
