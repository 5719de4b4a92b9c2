//! People, organizations, places and who holds which role, in one call: mentions, then
//! resolution, then memberships, in the order each needs the one before.

use super::lexicon::Lexicons;
use super::mentions::find_mentions_and_tokens;
use super::model::{Entity, Membership, Mention};
use super::resolve::resolve;
use super::roles::find_memberships_in_tokens;
use crate::text::Sentence;
use serde::Serialize;

/// What [`extract_entities`] finds in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityExtraction {
    /// Mentions of people, organizations, places, demonyms and titles, sorted by span, with
    /// `entity` set where they name one.
    pub mentions: Vec<Mention>,
    /// The people, organizations and places they name, in order of first mention.
    pub entities: Vec<Entity>,
    /// Person–role–organization facts; indices into `entities`.
    pub memberships: Vec<Membership>,
}

/// Finds mentions ([`super::find_mentions`]), groups them into entities ([`resolve`]) and reads
/// the memberships ([`super::find_memberships`]) of one document.
pub fn extract_entities(text: &str, sentences: &[Sentence]) -> EntityExtraction {
    let lex = Lexicons::get();
    // The role patterns read the tokens the mentions were found in.
    let (mut mentions, tokens) = find_mentions_and_tokens(text, sentences, lex);
    super::state_bodies::tie_to_country(text, &mut mentions, lex);
    let entities = resolve(text, &mut mentions, lex);
    let memberships =
        find_memberships_in_tokens(text, sentences, &tokens, &mentions, &entities, lex);
    // Last, once names and roles are read: the printed span of a person takes in "Mrs.".
    super::mention_spans::take_in_forms_of_address(text, &mut mentions, lex);
    // ... and a birthplace takes in its state: "born in Tulsa, Okla.".
    super::place_spans::join_places_of_birth(text, &mut mentions, lex);
    EntityExtraction {
        mentions,
        entities,
        memberships,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    #[test]
    fn every_mention_points_into_the_text_and_to_an_entity_of_its_kind() {
        let text = "Mexican President Ana Ruiz met NATO chief Jens Olsen in Brussels. Ruiz’s aide, Tom Vidal, said the U.S. agreed.";
        let x = extract_entities(text, &split_sentences(text));
        for m in &x.mentions {
            assert_eq!(m.text, m.span.of(text));
            if let Some(e) = m.entity {
                assert!(e < x.entities.len());
            }
        }
        for m in &x.memberships {
            assert!(m.person < x.entities.len());
            assert!(m.organization.map_or(true, |o| o < x.entities.len()));
        }
        assert!(x.memberships.len() >= 3, "{:?}", x.memberships);
    }
}
