//! The vocabulary of the public data model, as documented constants.
//!
//! Call sites use these constants, never IRI strings, so that a typo is a compile error and the
//! whole data model can be read in one file. The project's own terms are declared, with their
//! relation to the standard ones, in `ontology/kg.ttl`.

/// Base of every IRI `kg` mints.
pub const BASE: &str = "https://kg.example.org/";
/// The project's own namespace (`kg:`), declared in `ontology/kg.ttl`.
pub const KG_NS: &str = "https://kg.example.org/ns#";
/// Where entity, role, membership and event IRIs live.
pub const ENTITY_NS: &str = "https://kg.example.org/id/";
/// Where document IRIs (and their sentences) live; a document's IRI also names its graph.
pub const DOC_NS: &str = "https://kg.example.org/doc/";
/// The named graph that holds the ontology.
pub const ONTOLOGY_GRAPH: &str = "https://kg.example.org/graph/ontology";
/// Prefix of named graphs for RDF loaded with `kg load`.
pub const USER_GRAPH_NS: &str = "https://kg.example.org/graph/user/";

/// Prefixes predeclared for `kg query` and used when writing Turtle/TriG.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("schema", "http://schema.org/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    (
        "nif",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    ),
    ("kg", KG_NS),
    ("id", ENTITY_NS),
    ("doc", DOC_NS),
];

macro_rules! terms {
    ($(#[$m:meta])* $module:ident = $ns:literal { $($(#[$doc:meta])* $name:ident = $local:literal;)* }) => {
        $(#[$m])*
        pub mod $module {
            use oxigraph::model::NamedNodeRef;
            /// The namespace IRI.
            pub const NS: &str = $ns;
            $(
                $(#[$doc])*
                pub const $name: NamedNodeRef<'static> =
                    NamedNodeRef::new_unchecked(concat!($ns, $local));
            )*
        }
    };
}

terms! {
    /// RDF itself.
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#" {
        /// `rdf:type`.
        TYPE = "type";
        /// The datatype of JSON literals (RDF 1.2).
        JSON = "JSON";
    }
}

terms! {
    /// RDF Schema.
    rdfs = "http://www.w3.org/2000/01/rdf-schema#" {
        /// `rdfs:label`: an entity's one canonical name.
        LABEL = "label";
        /// `rdfs:comment`.
        COMMENT = "comment";
    }
}

terms! {
    /// SKOS: alternative names.
    skos = "http://www.w3.org/2004/02/skos/core#" {
        /// `skos:altLabel`: every other name an entity was written as.
        ALT_LABEL = "altLabel";
    }
}

terms! {
    /// schema.org classes and properties.
    schema = "http://schema.org/" {
        /// A person.
        PERSON = "Person";
        /// An organization.
        ORGANIZATION = "Organization";
        /// A place.
        PLACE = "Place";
        /// An event.
        EVENT = "Event";
        /// A news article (a document).
        NEWS_ARTICLE = "NewsArticle";
        /// A document's headline.
        HEADLINE = "headline";
        /// A document's publication date.
        DATE_PUBLISHED = "datePublished";
        /// A document's URL.
        URL = "url";
        /// A document's full text.
        TEXT = "text";
        /// An event's start date.
        START_DATE = "startDate";
        /// An event's end date.
        END_DATE = "endDate";
        /// A person or organization taking part in an event.
        ATTENDEE = "attendee";
        /// Where an event happened.
        LOCATION = "location";
        /// A name.
        NAME = "name";
        /// From an article to an entity it names (in the article's graph).
        MENTIONS = "mentions";
    }
}

terms! {
    /// W3C Organization Ontology: memberships and roles.
    org = "http://www.w3.org/ns/org#" {
        /// A person's membership in an organization, in a role.
        MEMBERSHIP = "Membership";
        /// The member of a membership.
        MEMBER = "member";
        /// The organization of a membership.
        ORGANIZATION = "organization";
        /// The role of a membership.
        ROLE = "role";
        /// The class of roles.
        ROLE_CLASS = "Role";
    }
}

terms! {
    /// PROV-O: where facts come from.
    prov = "http://www.w3.org/ns/prov#" {
        /// The document a fact was read from.
        WAS_DERIVED_FROM = "wasDerivedFrom";
    }
}

terms! {
    /// NIF 2.0 core: sentences and their spans in code points.
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" {
        /// A sentence.
        SENTENCE = "Sentence";
        /// The document a sentence belongs to.
        REFERENCE_CONTEXT = "referenceContext";
        /// First code point of a span.
        BEGIN_INDEX = "beginIndex";
        /// One past the last code point of a span.
        END_INDEX = "endIndex";
        /// The text of a span.
        ANCHOR_OF = "anchorOf";
        /// A document's whole text.
        IS_STRING = "isString";
        /// A stretch of text inside a sentence.
        PHRASE = "Phrase";
    }
}

terms! {
    /// The project's own terms, declared in `ontology/kg.ttl`.
    kg = "https://kg.example.org/ns#" {
        /// The sentence a fact was read from (a `nif:Sentence`).
        EVIDENCE = "evidence";
        /// A qualifier on a membership: "former", "acting", "designate", or a period.
        QUALIFIER = "qualifier";
        /// How a document's publication date was found ("byline", "command-line", ...).
        DATE_PUBLISHED_SOURCE = "datePublishedSource";
        /// Where a document was read from (a file path as given).
        SOURCE = "source";
        /// A document's identifier (16 hex digits of the SHA-256 of its text).
        DOCUMENT_ID = "documentId";
        /// An event's trigger word as written.
        TRIGGER = "trigger";
        /// The TIMEX3 value of an event's date as the text gave it ("2025-W49").
        TIMEX_VALUE = "timexValue";
        /// The temporal expression an event's date was read from.
        TIMEX_TEXT = "timexText";
        /// The rule that produced a fact.
        RULE = "rule";
        /// The stretch of text (a `nif:Phrase`) that states a fact.
        SPAN = "span";
        /// The surname of a full-name person (in the entities graph): finds the one person a
        /// surname-only mention in another document may be merged into.
        SURNAME = "surname";
        /// The class of attestations: one article's statement of a fact, with its sentence, phrase
        /// and rule. A fact stated by three articles has three.
        ATTESTATION_CLASS = "Attestation";
        /// From a fact (membership, event) to one of its attestations.
        ATTESTATION = "attestation";
        /// How an article names the entities it names, one `rdf:JSON` literal on the article in
        /// its graph: for each entity key the preferred name, the other forms written and the
        /// class the article gives (see [`crate::rdf::Namings`]). The entities graph derives
        /// labels, other names and classes from the namings of all articles.
        NAMINGS = "namings";
        /// On a membership attestation: the member as the article names it.
        STATED_MEMBER = "statedMember";
        /// On a membership attestation: the role.
        STATED_ROLE = "statedRole";
        /// On a membership attestation: the role's label, as the role node's `rdfs:label`.
        ROLE_LABEL = "roleLabel";
        /// On a membership attestation: the organization as the article names it.
        STATED_ORGANIZATION = "statedOrganization";
        /// On an event attestation: a participant as the article names it.
        STATED_ATTENDEE = "statedAttendee";
        /// On an event attestation: the place as the article names it.
        STATED_LOCATION = "statedLocation";
        /// The lemma of an event's trigger ("visit" for "visited"): with the date and the
        /// participants, what makes two articles' events one event.
        LEMMA = "lemma";
        /// A hash of a document's text and metadata: re-ingesting an unchanged document is a no-op.
        FINGERPRINT = "fingerprint";
    }
}

terms! {
    /// OWL.
    owl = "http://www.w3.org/2002/07/owl#" {
        /// `owl:sameAs`: a person some articles name by surname alone is the one full-name person
        /// with that surname (in the entities graph).
        SAME_AS = "sameAs";
    }
}

terms! {
    /// XML Schema datatypes.
    xsd = "http://www.w3.org/2001/XMLSchema#" {
        /// A full date.
        DATE = "date";
        /// A year and month.
        G_YEAR_MONTH = "gYearMonth";
        /// A year.
        G_YEAR = "gYear";
        /// A non-negative integer.
        NON_NEGATIVE_INTEGER = "nonNegativeInteger";
    }
}
