//! The span a place mention reports, once the facts are read: where news gives a person's
//! place of birth or death as "Town, State" ("was born in Tulsa, Okla."), the state only says
//! which Tulsa, and the two words name one place. `kg extract` prints them as one mention.
//!
//! Elsewhere ("TULSA, Okla. (AP) _", "a plant in Tulsa, Okla., and one in ...") the same
//! shape lists two places as often as it names one, so only a birth or a death joins them.
//!
//! Like [`super::mention_spans`], this runs after resolution: the town's entity keeps its
//! clean name and the state stays an entity of the graph; only the printed stretch of text
//! grows, and the state's mention inside it is dropped, so mentions never overlap.

use super::lexicon::{Lexicons, PlaceClass};
use super::model::{Mention, MentionKind};
use super::place_names::is_ap_state_abbreviation;
use crate::text::Span;

/// Verbs whose place is where a life began or ended.
const LIFE_EVENTS: &[&str] = &["born", "died"];

/// Prepositions between the verb and the place.
const AT_PLACE: &[&str] = &["in", "near"];

/// How many words may stand between the verb and the preposition ("born Oct. 14, 1890, in").
const MAX_WORDS_BETWEEN: usize = 5;

/// Joins a town and the state, province or country after it ("Tulsa, Okla.") into one printed
/// place mention when a birth or a death happens there, and drops the state's own mention.
pub fn join_places_of_birth(text: &str, mentions: &mut Vec<Mention>, lex: &Lexicons) {
    let mut swallowed = Vec::new();
    for i in 0..mentions.len().saturating_sub(1) {
        let (town, region) = (&mentions[i], &mentions[i + 1]);
        if town.kind != MentionKind::Place
            || region.kind != MentionKind::Place
            || swallowed.contains(&i)
            || !is_region(region, lex)
            || !comma_between(text, town.span.end, region.span.start)
            || !life_event_before(text, town.span.start)
        {
            continue;
        }
        let span = Span::new(town.span.start, region.span.end);
        let m = &mut mentions[i];
        m.span = span;
        m.text = span.of(text).to_string();
        swallowed.push(i + 1);
    }
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        !swallowed.contains(&(k - 1))
    });
}

/// A state's AP abbreviation ("N.Y.", whose value "New York" is also a city), or a state,
/// province or country of the lexicon: what can say which town is meant.
fn is_region(m: &Mention, lex: &Lexicons) -> bool {
    is_ap_state_abbreviation(&m.text)
        || m.value
            .as_deref()
            .and_then(|name| lex.place_named(name))
            .is_some_and(|p| {
                matches!(
                    p.class,
                    PlaceClass::State | PlaceClass::AdministrativeArea | PlaceClass::Country
                )
            })
}

/// Only a comma and spaces between the two names ("Tulsa, Okla.", "Tulsa ,Okla.").
fn comma_between(text: &str, end: usize, start: usize) -> bool {
    start > end && text[end..start].trim() == ","
}

/// The place at `start` follows "in"/"near", and "born" or "died" comes a few words before.
fn life_event_before(text: &str, start: usize) -> bool {
    let mut words = text[..start].split_whitespace().rev();
    if !words
        .next()
        .is_some_and(|w| AT_PLACE.iter().any(|p| w.eq_ignore_ascii_case(p)))
    {
        return false;
    }
    words
        .take(MAX_WORDS_BETWEEN + 1)
        .take_while(|w| !w.ends_with(['.', ';', ':']) || w.len() <= 4)
        .any(|w| LIFE_EVENTS.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

#[cfg(test)]
mod tests {
    use crate::extract::{printed_and_named, EntityKind, MentionKind};

    /// The place mentions of `text` as printed, and the names of its places.
    fn places(text: &str) -> (Vec<String>, Vec<String>) {
        printed_and_named(text, MentionKind::Place, EntityKind::Place)
    }

    #[test]
    fn a_birthplace_with_its_state_is_one_printed_place() {
        let (mentions, names) = places("The inventor was born in Tulsa, Okla., in 1901.");
        assert_eq!(mentions, ["Tulsa, Okla."]);
        assert!(names.contains(&"Tulsa".to_string()), "{names:?}");
        let (mentions, _) = places(
            "The painter Ada Quill was born Oct. 3, 1870, in Dayton, Ohio, and died in Paris.",
        );
        assert!(
            mentions.contains(&"Dayton, Ohio".to_string()),
            "{mentions:?}"
        );
        let (mentions, _) = places("He was born in Oswegat, N.Y., in 1850.");
        assert_eq!(mentions, ["Oswegat, N.Y."]);
        let (mentions, _) = places("The poet died near Vienna, Austria, at 80.");
        assert_eq!(mentions, ["Vienna, Austria"]);
    }

    #[test]
    fn a_town_and_state_elsewhere_stay_two_places() {
        let (mentions, _) = places("The company opened a plant in Tulsa, Okla., last year.");
        assert_eq!(mentions, ["Tulsa", "Okla."]);
        let (mentions, _) = places("She was born in Tulsa and moved to Dayton, Ohio.");
        assert_eq!(mentions, ["Tulsa", "Dayton", "Ohio"]);
    }
}
