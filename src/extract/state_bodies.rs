//! A country for the state bodies an article names only by what they are ("the Senate", "the
//! Coast Guard", "the Supreme Court"), when the article says clearly which country it is about.
//!
//! [`super::institutions`] gives such a mention an identity only when a place qualifies it
//! ("Norway's Foreign Ministry"), so that no fact joins two countries' senates. But most news
//! names its own country's bodies bare: "Sen. Ann Lee, D-Ohio, said the Senate would vote". Here
//! a bare national body takes the article's country as its qualifier ("Senate of United
//! States"), on clear evidence only:
//!
//! - every place and demonym the article names lies in one country, and
//! - the article names that country itself twice ("Ethiopia", "Ethiopian"), or once with the
//!   body written as "the country's High Court", or, for the United States, a party-and-state
//!   tag after a name ("D-Ohio", "R-S.C.") says it. One passing mention ("Norway's Foreign
//!   Ministry said the Senate would vote") does not make an article about that country.
//!
//! A city of another country, or a second country, and nothing is tied: "Sen. Lee visited Moscow
//! and said the Senate would vote" may speak of either senate. Only national bodies are tied
//! ([`NATIONAL_BODIES`], and ministries), never a body qualified by "state", "city" or "county"
//! ("the state Senate"), and never a foreign ministry: news about foreign affairs names the
//! country visited, not always the one whose ministry speaks.

use super::lexicon::{Lexicons, PlaceClass};
use super::model::{Mention, MentionKind};

/// Bare names of national bodies, as [`super::institutions`] reads them.
const NATIONAL_BODIES: &[&str] = &[
    "Senate",
    "House",
    "House of Representatives",
    "Congress",
    "Parliament",
    "Cabinet",
    "Supreme Court",
    "High Court",
    "Constitutional Court",
    "Coast Guard",
    "Navy",
    "Army",
    "Air Force",
    "Marine Corps",
    "National Guard",
    "Justice Department",
    "Defense Department",
    "Treasury Department",
    "Commerce Department",
    "Agriculture Department",
    "Energy Department",
    "Labor Department",
    "Interior Department",
    "Transportation Department",
    "Education Department",
];

/// Words before a body that make it a state's, a city's or another lower level's.
const LOWER_LEVELS: &[&str] = &[
    "state",
    "city",
    "county",
    "provincial",
    "regional",
    "local",
    "municipal",
    "student",
    "tribal",
];

/// Gives each bare national body of the document (an organization mention without value) the
/// article's country as qualifier, when the document shows one clearly; see the module
/// documentation.
pub(super) fn tie_to_country(text: &str, mentions: &mut [Mention], lex: &Lexicons) {
    let is_bare = |m: &Mention| {
        m.kind == MentionKind::Organization && m.value.is_none() && is_national(&m.text)
    };
    if !mentions.iter().any(is_bare) {
        return;
    }
    let Some((country, times)) = country_of(text, mentions, lex) else {
        return;
    };
    for m in mentions.iter_mut().filter(|m| is_bare(m)) {
        let before = text.get(..m.span.start).unwrap_or("").trim_end();
        let word_before = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if LOWER_LEVELS.contains(&word_before) {
            continue;
        }
        let the_countrys = before.ends_with("country's") || before.ends_with("country’s");
        if times < 2 && !the_countrys {
            continue;
        }
        m.value = Some(format!("{} of {country}", m.text));
    }
}

/// True for the bare name of a national body other than a foreign ministry.
fn is_national(name: &str) -> bool {
    if NATIONAL_BODIES.contains(&name) {
        return true;
    }
    name.ends_with(" Ministry") && !name.starts_with("Foreign")
}

/// The one country the document is about, by its places, demonyms and party tags, and how
/// often it is named (a party tag counts as two).
fn country_of(text: &str, mentions: &[Mention], lex: &Lexicons) -> Option<(String, usize)> {
    let mut code: Option<&str> = None;
    let mut named: Option<&str> = None;
    let mut times = 0;
    for m in mentions {
        if !matches!(m.kind, MentionKind::Place | MentionKind::Demonym) {
            continue;
        }
        let Some(place) = m.value.as_deref().and_then(|v| lex.place_named(v)) else {
            continue;
        };
        let Some(c) = place.country.as_deref() else {
            continue;
        };
        match code {
            Some(seen) if seen != c => return None,
            _ => code = Some(c),
        }
        if place.class == PlaceClass::Country {
            named = Some(place.name.as_str());
            times += 1;
        }
    }
    let code = code?;
    if code == "US" && has_party_tag(text) {
        return Some(("United States".to_string(), times.max(2)));
    }
    named.map(|name| (name.to_string(), times))
}

/// True when the text holds an American party-and-state tag after a name: ", D-Ohio",
/// ", R-S.C.", ", I-Vt.".
fn has_party_tag(text: &str) -> bool {
    text.match_indices(", ").any(|(i, _)| {
        let rest = &text[i + 2..];
        matches!(rest.get(..2), Some("D-" | "R-" | "I-"))
            && rest[2..].starts_with(|c: char| c.is_ascii_uppercase())
            && rest[2..]
                .find([',', ')'])
                .is_some_and(|end| end <= 8 && !rest[2..2 + end].contains(' '))
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_entities;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    /// The entity names of the organization mentions of `text`, "-" for none.
    fn bodies(text: &str) -> Vec<String> {
        let x = extract_entities(text, &split_sentences(text));
        x.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Organization)
            // "-": no country's body, only the article's own (`resolve::article_scope`).
            .map(|m| match m.entity.map(|e| &x.entities[e]) {
                Some(e) if !e.key.contains("/in/") => e.name.clone(),
                _ => "-".to_string(),
            })
            .collect()
    }

    #[test]
    fn a_bare_body_takes_the_country_the_article_is_about() {
        assert_eq!(
            bodies("Sen. Mara Quint, D-Ohio, said the Senate would vote in Columbus."),
            ["Senate of United States"]
        );
        assert_eq!(
            bodies("Ethiopia's economy grew, Ethiopian officials said, and the High Court agreed."),
            ["High Court of Ethiopia"]
        );
        assert_eq!(
            bodies("Ethiopia's courts were slow, said a member of the country's High Court."),
            ["High Court of Ethiopia"]
        );
    }

    #[test]
    fn without_clear_evidence_a_bare_body_stays_without_identity() {
        // A city of another country: which senate?
        assert_eq!(
            bodies("Sen. Mara Quint, D-Ohio, visited Moscow and said the Senate would vote."),
            ["-"]
        );
        // No country named, no party tag; a country named once, in passing.
        assert_eq!(bodies("The Coast Guard searched near Boston."), ["-"]);
        assert_eq!(
            bodies("Ethiopia's economy grew, and the High Court agreed."),
            ["-"]
        );
        // A state's senate; a foreign ministry.
        assert_eq!(
            bodies("Sen. Mara Quint, D-Ohio, said the state Senate would vote."),
            ["-"]
        );
        assert_eq!(
            bodies("Ethiopia's neighbours met, the Foreign Ministry said."),
            ["-"]
        );
    }
}
