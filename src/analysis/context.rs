//! Which countries an article speaks of, and how clearly: the evidence `kg conflicts` needs
//! before it places a title written without its country ("President Quill") in one country's
//! office.
//!
//! An article about one country's trade often quotes another country's president by title
//! alone ("talks with President Quill"); placing him in the only country whose officials the
//! article names made false conflicts (a US president filed under Japan's presidency, a New
//! Zealand prime minister under Japan's). So the evidence is graded, and a placement needs a
//! country with clear evidence and no rival:
//!
//! - [`Evidence::Named`]: the article names the country (a place or a demonym);
//! - [`Evidence::Officials`]: the article gives someone an office of the country ("U.S.
//!   Secretary of State Ada Quill");
//! - [`Evidence::Seat`]: the article names the seat of the country's executive, which stands for
//!   its head ("the White House said", "the Kremlin"; the built-in organizations lexicon gives
//!   their countries). Other government bodies do not count: a business article naming a
//!   regulator ("the SEC") still quotes company presidents by title alone.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use super::{iri_ref, select, text, AnalysisError};
use crate::rdf::Namings;
use crate::store::KgStore;

const ORGANIZATIONS: &str = include_str!("../../ontology/lexicon/organizations.tsv");
const PLACES: &str = include_str!("../../ontology/lexicon/places.tsv");

/// How clearly an article ties itself to a country, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// The country is named.
    Named,
    /// Someone in the article holds one of its offices.
    Officials,
    /// The seat of its executive is named.
    Seat,
}

/// Seats of a country's executive, as the organizations lexicon names them: a metonym for the
/// head of state or government ("the White House said"), so a bare "President" or "Prime
/// Minister" in the same article is that country's.
const EXECUTIVE_SEATS: &[&str] = &["White House", "Kremlin", "Downing Street", "Élysée"];

/// Executive seats' names and other names, lower case, to their country's name.
static SEATS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let country_names: HashMap<&str, &str> = PLACES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let columns: Vec<&str> = l.split('\t').collect();
            match columns[..] {
                [name, "Country", code, ..] if !code.is_empty() => Some((code, name)),
                _ => None,
            }
        })
        .collect();
    let mut bodies = HashMap::new();
    for line in ORGANIZATIONS.lines().filter(|l| !l.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [name, "GovernmentOrganization", aliases, code] = columns[..] else {
            continue;
        };
        if !EXECUTIVE_SEATS.contains(&name) {
            continue;
        }
        let Some(country) = country_names.get(code.trim()) else {
            continue;
        };
        for n in std::iter::once(name).chain(aliases.split('|')) {
            if !n.trim().is_empty() {
                bodies.insert(n.trim().to_lowercase(), (*country).to_owned());
            }
        }
    }
    bodies
});

/// The country (by name) whose executive's seat `name` is, if it is one.
pub(crate) fn seat_of(name: &str) -> Option<&'static str> {
    SEATS.get(&name.trim().to_lowercase()).map(String::as_str)
}

/// How many articles one query asks about.
const ARTICLES_PER_QUERY: usize = 200;

/// For each of `articles`, the countries (IRIs) it names, as [`Evidence::Named`], or whose
/// executives' seats it names, as [`Evidence::Seat`]. `countries` maps the store's
/// country IRIs to their labels.
pub(crate) fn named(
    store: &KgStore,
    articles: &BTreeSet<&str>,
    countries: &HashMap<String, String>,
) -> Result<HashMap<String, HashMap<String, Evidence>>, AnalysisError> {
    let by_label: HashMap<&str, &str> = countries
        .iter()
        .map(|(iri, label)| (label.as_str(), iri.as_str()))
        .collect();
    let mut out: HashMap<String, HashMap<String, Evidence>> = HashMap::new();
    let articles: Vec<&str> = articles.iter().copied().collect();
    for chunk in articles.chunks(ARTICLES_PER_QUERY) {
        let values: Vec<String> = chunk.iter().map(|a| iri_ref(a)).collect();
        let query = format!(
            "SELECT ?doc ?namings WHERE {{ VALUES ?doc {{ {} }}
               GRAPH ?doc {{ ?doc kg:namings ?namings }} }}",
            values.join(" ")
        );
        for row in select(store, &query)? {
            let (Some(doc), Some(json)) = (text(&row, "doc"), text(&row, "namings")) else {
                continue;
            };
            // A literal that is not namings names nothing here (ingest refuses such documents).
            let Ok(namings) = Namings::from_literal(&json) else {
                continue;
            };
            for (entity, naming) in namings.iter() {
                let found = if countries.contains_key(entity.as_str()) {
                    Some((entity.into_string(), Evidence::Named))
                } else {
                    seat_of(&naming.name)
                        .and_then(|country| by_label.get(country))
                        .map(|iri| ((*iri).to_owned(), Evidence::Seat))
                };
                if let Some((country, evidence)) = found {
                    let slot = out
                        .entry(doc.clone())
                        .or_default()
                        .entry(country)
                        .or_insert(evidence);
                    *slot = (*slot).max(evidence);
                }
            }
        }
    }
    Ok(out)
}

/// Words that name a kind of organization: before a title they make it that organization's
/// ("union President Bo Rand", "bank president Rand"), not a country's.
const ORGANIZATION_NOUNS: &[&str] = &[
    "association",
    "bank",
    "board",
    "club",
    "committee",
    "company",
    "corp",
    "corporation",
    "council",
    "federation",
    "firm",
    "foundation",
    "fund",
    "group",
    "inc",
    "league",
    "party",
    "union",
    "university",
];

/// Capitalised words that may stand before a country's title without qualifying it.
const LEADING_WORDS: &[&str] = &[
    "a", "after", "and", "as", "at", "before", "but", "by", "for", "former", "from", "in", "of",
    "on", "the", "then", "to", "when", "while", "with",
];

/// Whether the claim is written as a country's title before a name: the title capitalised as
/// written ("President Quill", not "president Quill", which news style keeps for companies and
/// unions), and not qualified by the word before it in the sentence: no capitalised name
/// ("Central Bank President Quill"), no possessive ("Acme's President Quill"), no kind of
/// organization ("union President Quill").
pub(crate) fn written_as_country_title(
    sentence: Option<&str>,
    phrase: Option<&str>,
    role: &str,
) -> bool {
    let Some(phrase) = phrase.map(str::trim) else {
        return false;
    };
    let Some(at) = phrase.to_lowercase().find(&role.trim().to_lowercase()) else {
        return false;
    };
    if !phrase[at..].starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let Some(sentence) = sentence else {
        return true;
    };
    let Some(start) = sentence.find(phrase) else {
        return true;
    };
    let before = sentence[..start].trim_end();
    let Some(word) = before.split_whitespace().next_back() else {
        return true;
    };
    if word.ends_with(|c: char| ",;:([{\"“‘—–-".contains(c)) {
        return true;
    }
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = bare.to_lowercase();
    if word.ends_with("'s") || word.ends_with("’s") || word.ends_with('\'') {
        return false;
    }
    if ORGANIZATION_NOUNS.contains(&lower.as_str()) {
        return false;
    }
    let capitalised = bare.starts_with(|c: char| c.is_uppercase());
    let sentence_start = before.len() == word.len();
    !capitalised || sentence_start || LEADING_WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executive_seats_give_their_country() {
        assert_eq!(seat_of("White House"), Some("United States"));
        assert_eq!(seat_of("kremlin"), Some("Russia"));
        assert_eq!(seat_of("Number 10"), Some("United Kingdom"));
        assert_eq!(seat_of("Elysee"), Some("France"));
        // Every seat listed is in the lexicon with its country.
        assert_eq!(
            SEATS.values().collect::<BTreeSet<_>>().len(),
            EXECUTIVE_SEATS.len()
        );
        // Other government bodies are no seat.
        assert_eq!(seat_of("Pentagon"), None);
        assert_eq!(seat_of("United Nations"), None);
        assert_eq!(seat_of("Acme"), None);
    }

    /// `examples/conflicts.rq` names the executives' seats and their countries by IRI, as the
    /// store mints them from the lexicons: every seat is there with its country.
    #[test]
    fn the_example_query_names_every_seat_with_its_country() {
        const QUERY: &str = include_str!("../../examples/conflicts.rq");
        for seat in EXECUTIVE_SEATS {
            let country = seat_of(seat).unwrap_or_else(|| panic!("{seat} has no country"));
            let pair = format!(
                "(<{}> <{}>)",
                crate::rdf::iri::entity(&format!("organization/{seat}")).as_str(),
                crate::rdf::iri::entity(&format!("place/{country}")).as_str()
            );
            assert!(
                QUERY.contains(&pair),
                "{pair} is not in examples/conflicts.rq"
            );
        }
        assert_eq!(
            QUERY
                .matches("(<https://kg.example.org/id/organization/")
                .count()
                % EXECUTIVE_SEATS.len(),
            0
        );
    }

    #[test]
    fn only_a_bare_capitalised_title_is_a_countrys() {
        let ok = |sentence: &str, phrase: &str| {
            written_as_country_title(Some(sentence), Some(phrase), "President")
        };
        assert!(ok("He met President Quill on Monday.", "President Quill"));
        assert!(ok("President Quill said so.", "President Quill"));
        assert!(ok(
            "Talks with the former President Quill.",
            "former President Quill"
        ));
        assert!(ok("Ties to President quill, he said.", "President quill"));
        assert!(ok("It said, President Quill agreed.", "President Quill"));
        assert!(!ok(
            "But union president Bo Rand said no.",
            "president Bo Rand"
        ));
        assert!(!ok(
            "Central Bank President Bo Rand said.",
            "President Bo Rand"
        ));
        assert!(!ok("Acme's President Bo Rand said.", "President Bo Rand"));
        assert!(!ok(
            "The union President Bo Rand said.",
            "President Bo Rand"
        ));
        assert!(!written_as_country_title(None, None, "President"));
    }
}
