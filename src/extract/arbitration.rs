//! The last step of [`super::mentions`]: once every finder has proposed its candidates, the
//! whole document decides what each name is.
//!
//! - **One type per name.** A name that strong evidence (a legal form, the lexicon, a head
//!   noun, a context) makes an organization anywhere in the document is one everywhere: a
//!   person candidate written the same way becomes the organization, and so do the short forms
//!   of a company with a legal form ("Hallgren Mining Corp" … "Hallgren Mining" … "Hallgren"),
//!   in capitals too in an all-caps headline ("HALLGREN"). A name with a legal form is never a
//!   person.
//! - **Metonymy.** A city or country that plays a match is a team: in a result ("Lyon 2
//!   Sevilla 1") or after a verb of winning or losing ("beat Bristol"), it is an organization.

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::sentence_work::SentenceWork;
use super::tokens::{is_all_caps, is_capitalized, TokenKind};
use std::collections::BTreeMap;

/// Decides the type of the names of one document, see the module documentation.
pub(super) fn arbitrate(text: &str, works: &mut [SentenceWork], lex: &Lexicons) {
    let names = organization_names(text, works, lex);
    if !names.is_empty() {
        // Once per document: taken per sentence, it made a long document quadratic.
        let longest = names.keys().map(Vec::len).max().unwrap_or(0);
        for work in works.iter_mut() {
            one_type_per_name(text, work, lex, &names, longest);
        }
    }
    for work in works.iter_mut() {
        teams(text, work);
    }
}

/// The organization names of a document and their short forms, as word sequences (as written,
/// and in capitals), each with the organization's name.
type Names = BTreeMap<Vec<String>, String>;

/// The [`Names`] of a document.
fn organization_names(text: &str, works: &[SentenceWork], lex: &Lexicons) -> Names {
    let mut names = Names::new();
    for work in works {
        for cand in work
            .candidates
            .iter()
            .filter(|c| c.alive && c.kind == MentionKind::Organization)
        {
            let value = cand.value.clone().unwrap_or_default();
            let words: Vec<String> = (cand.first..=cand.last)
                .filter(|&k| work.is_word(k) || work.word(text, k) == "&")
                .map(|k| work.word(text, k).to_string())
                .collect();
            if words.is_empty() {
                continue;
            }
            let mut forms = vec![words.clone()];
            // Short forms of a company with a legal form.
            let mut core = words.clone();
            while core
                .last()
                .is_some_and(|w| lex.is_organization_suffix(w) || is_capital_suffix(w))
            {
                core.pop();
            }
            if core.len() < words.len() && !core.is_empty() {
                forms.push(core.clone());
                let first = &core[0];
                if core.len() >= 2
                    && is_capitalized(first)
                    && first.chars().count() >= 3
                    && !lex.is_common_word(first)
                    && !lex.is_given_name(first)
                    && !lex.is_not_name(first)
                    && !lex.is_organization_head(first)
                    && !lex.is_organization_generic(first)
                {
                    forms.push(vec![first.clone()]);
                }
            }
            for form in forms {
                let capitals: Vec<String> = form.iter().map(|w| w.to_uppercase()).collect();
                names.entry(capitals).or_insert_with(|| value.clone());
                names.entry(form).or_insert_with(|| value.clone());
            }
        }
    }
    names
}

/// True for a legal form written in capitals ("CORP").
fn is_capital_suffix(word: &str) -> bool {
    matches!(
        word,
        "CO" | "COS" | "PLC" | "INC" | "CORP" | "LTD" | "LLC" | "Co" | "Corp" | "Inc"
    )
}

/// Person candidates and free capitalised runs written like an organization of the document
/// become that organization; a person whose name has a legal form is dropped. `longest` is the
/// number of words of the longest name.
fn one_type_per_name(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    names: &Names,
    longest: usize,
) {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut dropped = Vec::new();
    let mut t = 0;
    while t < work.tokens.len() {
        let person = work
            .owner_of(t)
            .filter(|c| c.kind == MentionKind::Person && c.first == t)
            .map(|c| c.last);
        if let Some(last) = person {
            if (t..=last).any(|k| lex.is_organization_suffix(work.word(text, k))) {
                let c = work.owner[t].unwrap_or_default();
                dropped.push(c);
            }
        }
        let free = work.is_free_word(t);
        if !(free || person.is_some()) {
            t += 1;
            continue;
        }
        let w = work.word(text, t);
        if !(is_capitalized(w) || is_all_caps(w)) {
            t += 1;
            continue;
        }
        // The longest name of the document that starts here.
        let mut matched = None;
        let mut words: Vec<String> = Vec::new();
        let mut k = t;
        while words.len() < longest && k < work.tokens.len() {
            if !(work.is_word(k) || work.word(text, k) == "&")
                || k > t && !work.adjacent(text, k - 1, k)
            {
                break;
            }
            let owned_elsewhere = work
                .owner_of(k)
                .is_some_and(|c| !(c.kind == MentionKind::Person && c.first >= t));
            if owned_elsewhere {
                break;
            }
            words.push(work.word(text, k).to_string());
            if let Some(value) = names.get(&words) {
                matched = Some((k, value.clone()));
            }
            k += 1;
        }
        let Some((last, value)) = matched else {
            t += 1;
            continue;
        };
        // The name must not go on: "Hallgren" in "Hallgren Street" is another name; a person
        // candidate must be covered whole.
        let goes_on = work.is_word(last + 1) && work.adjacent(text, last, last + 1) && {
            let n = work.word(text, last + 1);
            is_capitalized(n) || is_all_caps(n) && !work.headline
        };
        let splits_person = work
            .owner_of(last)
            .is_some_and(|c| c.kind == MentionKind::Person && c.last != last);
        if !goes_on && !splits_person {
            found.push((t, last, value));
            t = last + 1;
        } else {
            t += 1;
        }
    }
    if !dropped.is_empty() {
        for c in dropped {
            work.candidates[c].alive = false;
        }
        work.refresh_owner();
    }
    for (first, last, value) in found {
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// Verbs after which a city or country is a team.
const WINNING: &[&str] = &["beat", "beats", "thrashed", "edged", "routed", "overcame"];

/// "Lyon 2 Sevilla 1", "beat Bristol": places that play are teams.
fn teams(text: &str, work: &mut SentenceWork) {
    let places: Vec<usize> = (0..work.candidates.len())
        .filter(|&c| {
            let cand = &work.candidates[c];
            cand.alive
                && cand.kind == MentionKind::Place
                && matches!(
                    cand.place_class,
                    Some(PlaceClass::City | PlaceClass::Country)
                )
        })
        .collect();
    if places.is_empty() {
        return;
    }
    let score = |t: usize| {
        work.tokens.get(t).is_some_and(|tok| {
            tok.kind == TokenKind::Word
                && tok.text(text).len() <= 2
                && tok.text(text).chars().all(|c| c.is_ascii_digit())
        })
    };
    let mut teams = Vec::new();
    for (i, &c) in places.iter().enumerate() {
        let cand = &work.candidates[c];
        // "Lyon 2 Sevilla 1": this place, a score, the next place, a score.
        let result = score(cand.last + 1)
            && places.get(i + 1).is_some_and(|&d| {
                let next = &work.candidates[d];
                let gap = next.first.saturating_sub(cand.last + 2);
                gap <= 1 && score(next.last + 1)
            });
        let after_result = i > 0 && {
            let prev = &work.candidates[places[i - 1]];
            score(prev.last + 1) && score(cand.last + 1) && cand.first <= prev.last + 3
        };
        let beaten = cand.first > 0 && {
            let prev = work.word(text, cand.first - 1);
            WINNING.contains(&prev)
                || cand.first > 1
                    && matches!(
                        (work.word(text, cand.first - 2), prev),
                        ("drew", "with") | ("lost", "to") | ("draw", "with")
                    )
        };
        if result || after_result || beaten {
            teams.push(c);
        }
    }
    for c in teams {
        let cand = &mut work.candidates[c];
        cand.kind = MentionKind::Organization;
        cand.place_class = None;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::find_mentions;
    use crate::extract::lexicon::Lexicons;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn of_kind(text: &str, kind: MentionKind) -> Vec<String> {
        find_mentions(text, &split_sentences(text), Lexicons::get())
            .into_iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn short_forms_keep_the_type_of_the_company() {
        let text = "Brannock Mining Corp said output rose. Brannock Mining will expand. \
                    Shareholders of Brannock cheered, Brannock said.";
        assert_eq!(
            of_kind(text, MentionKind::Organization),
            [
                "Brannock Mining Corp",
                "Brannock Mining",
                "Brannock",
                "Brannock"
            ]
        );
        assert!(of_kind(text, MentionKind::Person).is_empty());
        // A headline in capitals takes the type the body gives.
        let text = "BRANNOCK SETS DIVIDEND\n\nBrannock Mining Corp said it set a dividend.";
        assert_eq!(
            of_kind(text, MentionKind::Organization),
            ["BRANNOCK", "Brannock Mining Corp"]
        );
        // A person of the same surname in another name is no company.
        let text = "Brannock Mining Corp hired Ellen Brannock.";
        assert_eq!(of_kind(text, MentionKind::Person), ["Ellen Brannock"]);
    }

    #[test]
    fn places_that_play_are_teams() {
        assert_eq!(
            of_kind("Results: Lyon 2 Sevilla 1.", MentionKind::Organization),
            ["Lyon", "Sevilla"]
        );
        assert_eq!(
            of_kind(
                "On Saturday they beat Bristol at home.",
                MentionKind::Organization
            ),
            ["Bristol"]
        );
        assert_eq!(
            of_kind(
                "They flew from Lyon to Sevilla in 2 hours.",
                MentionKind::Place
            ),
            ["Lyon", "Sevilla"]
        );
    }
}
