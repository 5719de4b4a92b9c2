//! Organization names that no lexicon lists, for [`super::find_mentions`].
//!
//! - **Patterned names**: capitalised words around a head noun from `organization_words.tsv`,
//!   before it ("Peace Council", "Russian Orthodox Church") and after it joined by "of", "for"
//!   or "on" ("Institute for the Study of War", "Bank of Canada"), or ending in a legal-form
//!   suffix ("Acme Holdings Inc."); an ordinal before it says which one ("6th Fleet"). A name made only of generic words and a head ("Foreign
//!   Ministry", "Security Council", "Working Group") says nothing about *which* organization it
//!   is and is left to [`super::institutions`]; everything in a headline is left out.
//! - **Described organizations**: a title, "of", a place's possessive and a lower-case noun
//!   phrase ending in a described head ("the head of Russia's sovereign wealth fund"): the noun
//!   phrase with its owner names the organization.

use super::lexicon::Lexicons;
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_all_caps, is_capitalized, is_hyphen, is_lowercase_word, TokenKind};

/// Connectors inside an organization name after its head.
const CONNECTORS: &[&str] = &["of", "for", "on"];

/// True when token `t` can be a capitalised word of an organization name: a free capitalised
/// word, or one covered by a place, demonym or organization candidate.
fn name_word(text: &str, work: &SentenceWork, t: usize) -> bool {
    let Some(tok) = work.tokens.get(t) else {
        return false;
    };
    if tok.kind != TokenKind::Word || work.blocked[t] {
        return false;
    }
    let w = tok.text(text);
    if let Some(c) = work.owner_of(t) {
        return matches!(
            c.kind,
            MentionKind::Place | MentionKind::Demonym | MentionKind::Organization
        );
    }
    (is_capitalized(w) || is_all_caps(w))
        && !is_function_word(w)
        && !w.split(is_hyphen).skip(1).any(is_lowercase_word)
}

/// True for an ordinal written in digits: "6th", "21st", "2nd", "3rd".
fn is_ordinal(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// True for the name of a month or a weekday.
fn is_month_or_weekday(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// True when only spaces separate tokens `a` and `b`.
fn adjacent(text: &str, work: &SentenceWork, a: usize, b: usize) -> bool {
    match (work.tokens.get(a), work.tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.span.end..y.span.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
        _ => false,
    }
}

/// True when token `t` is a free capitalised word that can open a name joined by "and": no
/// head, legal form or generic word of its own, no given name, no acronym.
fn free_name_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    let w = work.word(text, t);
    work.is_free_word(t)
        && is_capitalized(w)
        && !is_all_caps(w)
        && !is_function_word(w)
        && !lex.is_organization_head(w)
        && !lex.is_organization_suffix(w)
        && !lex.is_given_name(w)
        && !is_month_or_weekday(w)
}

/// True when `word` ends an organization's name: a head ("Service"), its plural ("Services")
/// or a generic word.
fn ends_organization_name(word: &str, lex: &Lexicons) -> bool {
    lex.is_organization_head(word)
        || lex.is_organization_generic(word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| lex.is_organization_head(w))
}

/// "Department of Health and Human Services": after the words that follow a connector, "and"
/// and free capitalised words whose last ends an organization's name and ends the phrase. The
/// last token of the name so extended.
fn joined_by_and(text: &str, work: &SentenceWork, last: usize, lex: &Lexicons) -> Option<usize> {
    if work.word(text, last + 1) != "and" || !adjacent(text, work, last, last + 1) {
        return None;
    }
    let mut end = last + 1;
    while work.is_free_word(end + 1)
        && is_capitalized(work.word(text, end + 1))
        && !is_all_caps(work.word(text, end + 1))
        && adjacent(text, work, end, end + 1)
    {
        end += 1;
    }
    let closes = work.tokens.get(end + 1).map_or(true, |tok| {
        tok.kind == TokenKind::Punct || is_lowercase_word(tok.text(text))
    });
    (end > last + 1 && ends_organization_name(work.word(text, end), lex) && closes).then_some(end)
}

/// True when a person's full name opens at token `t`: a given name and a capitalised word.
fn full_name_at(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    lex.is_given_name(work.word(text, t))
        && work.is_word(t + 1)
        && is_capitalized(work.word(text, t + 1))
        && adjacent(text, work, t, t + 1)
}

/// The first token of the candidate covering `t`, or `t`.
fn start_of(work: &SentenceWork, t: usize) -> usize {
    work.owner_of(t).map_or(t, |c| c.first)
}

/// The last token of the candidate covering `t`, or `t`.
fn end_of(work: &SentenceWork, t: usize) -> usize {
    work.owner_of(t).map_or(t, |c| c.last)
}

/// Finds patterned organization names in one sentence (not in headlines).
pub(super) fn find_patterned(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut t = 0;
    while t < work.tokens.len() {
        let head = work.word(text, t);
        if work.owner[t].is_some()
            || work.blocked[t]
            || !work.is_word(t)
            || !lex.is_organization_head(head)
        {
            t += 1;
            continue;
        }
        // Capitalised words before the head.
        let mut first = t;
        while first > 0
            && adjacent(text, work, first - 1, first)
            && name_word(text, work, first - 1)
        {
            first = start_of(work, first - 1);
        }
        // "Immigration and Naturalization Service": one free word and "and" before the words
        // of the name ("IBM and Acme Corp" stay two: a known name is not free).
        if first >= 2
            && work.word(text, first - 1) == "and"
            && adjacent(text, work, first - 2, first - 1)
            && adjacent(text, work, first - 1, first)
            && free_name_word(text, work, first - 2, lex)
            && !(first >= 3
                && work.is_word(first - 3)
                && is_capitalized(work.word(text, first - 3)))
        {
            first -= 2;
        }
        // "6th Fleet", "5th U.S. Circuit Court of Appeals": an ordinal says which one.
        if first > 0
            && is_ordinal(work.word(text, first - 1))
            && adjacent(text, work, first - 1, first)
        {
            first -= 1;
        }
        // "of", "for", "on" (and "the") with capitalised words after the head.
        let mut last = t;
        loop {
            let mut k = last + 1;
            if !CONNECTORS.contains(&work.word(text, k)) || !adjacent(text, work, last, k) {
                break;
            }
            k += 1;
            if work.word(text, k) == "the" {
                k += 1;
            }
            // "Office of the Attorney General", "Court of Justice": a capitalised title right
            // after the connector is a word of the name.
            let title = work
                .owner_of(k)
                .is_some_and(|c| c.kind == MentionKind::Role && c.first == k && !c.honorific)
                && is_capitalized(work.word(text, k));
            // "Ford's Theater on April 14": a date is no part of the name.
            if !(name_word(text, work, k) || title)
                || !adjacent(text, work, k - 1, k)
                || is_month_or_weekday(work.word(text, k))
            {
                break;
            }
            last = end_of(work, k);
            while name_word(text, work, last + 1) && adjacent(text, work, last, last + 1) {
                last = end_of(work, last + 1);
            }
            if let Some(end) = joined_by_and(text, work, last, lex) {
                last = end;
            }
        }
        if lex.is_organization_suffix(work.word(text, last + 1))
            && adjacent(text, work, last, last + 1)
        {
            last += 1;
            if work.word(text, last + 1) == "."
                && work.tokens[last].span.end == work.tokens[last + 1].span.start
            {
                last += 1;
            }
        }
        // "Changi International Airport": the name goes on with a word that is no head, but
        // not into a person's full name ("the Baltic Fleet Ivan Orlov").
        let goes_on = work.is_free_word(last + 1)
            && is_capitalized(work.word(text, last + 1))
            && adjacent(text, work, last, last + 1)
            && !full_name_at(text, work, last + 1, lex);
        if (first < t || last > t) && !goes_on {
            let says_which = (first..=last)
                .filter(|&k| k != t && work.is_word(k))
                .any(|k| {
                    let w = work.word(text, k);
                    !CONNECTORS.contains(&w)
                        && w != "the"
                        && (work.owner[k].is_some()
                            || !lex.is_organization_generic(w) && !lex.is_organization_head(w))
                });
            if says_which {
                let span = crate::text::Span::new(
                    work.tokens[first].span.start,
                    work.tokens[last].span.end,
                );
                let value = clean_label(span.of(text));
                work.add(MentionKind::Organization, first, last, Some(value));
            }
        }
        t = last.max(t) + 1;
    }
}

/// Finds organizations described after a title: "the head of Russia's sovereign wealth fund".
pub(super) fn find_described(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let titles: Vec<usize> = work
        .candidates
        .iter()
        .filter(|c| c.alive && c.kind == MentionKind::Role)
        .map(|c| c.last)
        .collect();
    for title_end in titles {
        let of = title_end + 1;
        if work.word(text, of) != "of" {
            continue;
        }
        let mut owner_start = of + 1;
        if work.word(text, owner_start) == "the" {
            owner_start += 1;
        }
        let Some(owner) = work.owner_of(owner_start) else {
            continue;
        };
        if !matches!(owner.kind, MentionKind::Place | MentionKind::Organization)
            || owner.first != owner_start
        {
            continue;
        }
        let possessive = owner.last + 1;
        if work.tokens.get(possessive).map(|t| t.kind) != Some(TokenKind::Possessive) {
            continue;
        }
        // Up to four lower-case words, the last one or two of them a described head.
        let mut k = possessive + 1;
        let mut head_end = None;
        while k < work.tokens.len() && k <= possessive + 4 {
            let w = work.word(text, k);
            if !work.is_word(k)
                || work.owner[k].is_some()
                || !is_lowercase_word(w)
                || is_function_word(w)
            {
                break;
            }
            let two = format!("{} {}", work.word(text, k.saturating_sub(1)), w);
            if lex.is_described_head(w) || k > possessive + 1 && lex.is_described_head(&two) {
                head_end = Some(k);
            }
            k += 1;
        }
        let Some(end) = head_end else { continue };
        // The noun phrase must end there: "Ukraine's military capabilities" is no organization.
        let after = work.word(text, end + 1);
        let ends = work
            .tokens
            .get(end + 1)
            .map_or(true, |t| t.kind == TokenKind::Punct)
            || is_function_word(after)
            || after == "said";
        if !ends {
            continue;
        }
        let span = crate::text::Span::new(
            work.tokens[owner_start].span.start,
            work.tokens[end].span.end,
        );
        let value = clean_label(span.of(text));
        work.add(MentionKind::Organization, owner_start, end, Some(value));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::mentions::tests::of_kind;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn orgs(text: &str) -> Vec<String> {
        of_kind(text, MentionKind::Organization)
    }

    #[test]
    fn head_nouns_make_names() {
        assert_eq!(
            orgs("It is run by a Harvest Council of elders."),
            ["Harvest Council"]
        );
        assert_eq!(
            orgs("A report by the Institute for Baltic Studies appeared."),
            ["Institute for Baltic Studies"]
        );
        assert_eq!(
            orgs("The Polish Orthodox Church objected."),
            ["Polish Orthodox Church"]
        );
        assert_eq!(
            orgs("Shares of Nordwind Holdings Inc. fell."),
            ["Nordwind Holdings Inc."]
        );
        assert_eq!(
            orgs("She ran programs for Zentra Entertainment and Vosk Television until May."),
            ["Zentra Entertainment", "Vosk Television"]
        );
        assert!(orgs("She likes entertainment and television.").is_empty());
    }

    #[test]
    fn words_joined_by_and_inside_a_name() {
        assert_eq!(
            orgs("Officers of the Fisheries and Coastal Service came."),
            ["Fisheries and Coastal Service"]
        );
        assert_eq!(
            orgs("He works at the Department of Roads and Harbor Services now."),
            ["Department of Roads and Harbor Services"]
        );
        // A known name before "and" stays its own; so does a name after "and" that no head ends.
        assert_eq!(
            orgs("The Department of Roads and Harbor Street were named."),
            ["Department of Roads"]
        );
    }

    #[test]
    fn a_full_name_after_the_head_ends_the_name() {
        assert_eq!(
            orgs("The commander of the Vardo Fleet Ivan Orlov flew home."),
            ["Vardo Fleet"]
        );
        // A capitalised word that is no given name goes on with the name.
        let found = orgs("The Vardo Fleet Orlov Trophy was won.");
        assert!(!found.contains(&"Vardo Fleet".to_string()), "{found:?}");
    }

    #[test]
    fn an_ordinal_says_which_one() {
        assert_eq!(orgs("Ships of the 6th Fleet left port."), ["6th Fleet"]);
        assert_eq!(
            orgs("He sat on the 9th Circuit Court of Appeals."),
            ["9th Circuit Court of Appeals"]
        );
        // An ordinal alone before a lower-case noun names nothing.
        assert!(orgs("The 6th fleet exercise ended.").is_empty());
    }

    #[test]
    fn a_date_after_a_connector_ends_the_name() {
        assert_eq!(
            orgs("They met at the Peace Council on Monday."),
            ["Peace Council"]
        );
        assert_eq!(
            orgs("The Commission on Salmon Fisheries met."),
            ["Commission on Salmon Fisheries"]
        );
    }

    #[test]
    fn generic_names_and_headlines_are_left_out() {
        // They are organizations, but only of this article: see `super::institutions` and
        // `resolve::article_scope`.
        let text = "The Foreign Ministry said the Security Council will meet.";
        let found = crate::extract::extract_entities(text, &split_sentences(text));
        assert!(
            found.entities.iter().all(|e| e.key.contains("/in/")),
            "{:?}",
            found.entities
        );
        assert!(orgs("New Working Group to Bolster Coastal Defense").is_empty());
    }

    #[test]
    fn organizations_described_after_a_title() {
        assert_eq!(
            orgs("He met the chief of Norway’s state pension fund, a banker."),
            ["Norway’s state pension fund"]
        );
        assert!(orgs("He met the head of Norway’s pension fund managers.").is_empty());
    }
}
