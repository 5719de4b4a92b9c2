//! People named by a surname alone, recognised from what the sentence says about them, for
//! [`super::mentions`]. News often names a person once by a full name in a sentence we do not
//! see, or never; the context still says "person":
//!
//! - **a verb of saying**: "..., said Brenner.", "Brenner said he ...", "..., Brenner said."
//!   and "Brenner said that";
//! - **a speaker's turn in a transcript**: "(Brenner) Do you think ...";
//! - **an age in apposition**: "Brenner, 41, ...";
//! - **an apposition with a title**: "Brenner, a retired police officer, ...", "Brenner,
//!   publisher of the Acme Herald," (without an article only titles no company or country
//!   holds);
//! - **an affiliation between commas before a verb of saying**: "Brenner, of the Acme
//!   Association, said";
//! - **family and counsel**: "Brenner's wife", "Brenner's lawyer", and the relative named
//!   after them: "his wife, Elizabeth", "her sister Mary";
//! - **a native of a place**: "Brenner, a native of Tulsa,";
//! - **a relative clause or a verb said only of people**: "Brenner, who ...", "Brenner was
//!   born / shot / arrested ...", "Brenner died / testified ...", and the object of "killed",
//!   "shot", "married" ("... shot Brenner"), an "-ly" adverb allowed before the verb
//!   ("Brenner was fatally shot"), and the subject of a killing whose victim is a named person
//!   ("Brenner shot Tolvanen"), and the victim of a killing named by a noun ("the
//!   assassination of Brenner", "Brenner's assassin", and, for a frequent family name, "the
//!   Brenner slaying"); the perfect tenses count ("Brenner had been arrested", "Brenner has
//!   resigned").
//!
//! A frequent family name of the census list that is no English word speaks as a person before
//! a verb of saying ("Pruitt said the ..."; not "Pruitt said it", a company). In the killing contexts and
//! before a person's noun ("Lincoln's assassin"), a one-word town of the lexicon is a person too.
//!
//! A frequent family name that is also an English word ("Stone", "Gross") counts in every
//! context but the verb of saying.
//!
//! Only a capitalised word that no candidate covers and that is no common English word, no
//! month or weekday and no acronym is read this way; an organization found for the same word
//! elsewhere in the document wins over it ([`super::arbitration`]).

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_capitalized, is_hyphen, is_lowercase_word, TokenKind};

/// Verbs of saying.
const SAYING: &[&str] = &[
    "said", "says", "told", "added", "asked", "replied", "recalled",
];

/// Pronouns that show that who spoke is a person.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him"];

/// Nouns after a possessive that make its owner a person.
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "widow",
    "widower",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "family",
    "parents",
    "children",
    "girlfriend",
    "boyfriend",
    // Things only a person has or suffers.
    "assassin",
    "assassins",
    "assassination",
    "killer",
    "killers",
    "murderer",
    "murder",
    "slaying",
    "funeral",
    "motorcade",
    "bodyguard",
    "bodyguards",
    "biographer",
    "autograph",
    // Where and how a person lives and dies.
    "hometown",
    "birthplace",
    "birthday",
    "grave",
    "memoirs",
    "autobiography",
    "biography",
    "childhood",
    "death",
    "tenure",
    "presidency",
    "inauguration",
    "resignation",
    "remarks",
    "killing",
    "shooting",
];

/// Nouns of a killing, before "of" and a person's name ("the assassination of Brenner").
const KILLING_OF: &[&str] = &[
    "assassination",
    "murder",
    "killing",
    "slaying",
    "assassin",
    "killer",
    "murderer",
];

/// Verbs after "was" said only of people ("Brenner was born").
const PASSIVE: &[&str] = &[
    "born",
    "shot",
    "murdered",
    "assassinated",
    "killed",
    "wounded",
    "executed",
    "arrested",
    "married",
    "injured",
    "hospitalized",
    "sentenced",
    "buried",
    "kidnapped",
    "abducted",
    "convicted",
    "indicted",
    "acquitted",
    "jailed",
    "imprisoned",
    "paroled",
    "raped",
];

/// Verbs after a name said only of people ("Brenner died").
const ACTING: &[&str] = &[
    "died",
    "testified",
    "pleaded",
    "confessed",
    "resigned",
    "smiled",
    "laughed",
    "wept",
    "married",
    "recalled",
    "apologized",
    // Thinking, writing and living: said of people, not of companies or places.
    "thought",
    "felt",
    "wrote",
    "taught",
    "studied",
    "graduated",
    "lives",
    "lived",
    "wore",
    "sang",
    "starred",
];

/// Verbs of killing whose subject, before a person's name, is a person ("Brenner shot Tolvanen").
const KILLING: &[&str] = &[
    "shot",
    "killed",
    "stabbed",
    "murdered",
    "strangled",
    "assassinated",
];

/// Verbs before a name said only of people ("... shot Brenner").
const DONE_TO: &[&str] = &[
    "killed",
    "killing",
    "kill",
    "shot",
    "shoot",
    "shooting",
    "murdered",
    "murdering",
    "assassinated",
    "assassinating",
    "married",
    "marry",
    "executing",
    "execute",
    "wounded",
    "arrested",
    "convicted",
    "indicted",
    "sentenced",
    "interviewed",
];

/// True when token `t` is a capitalised word that may be a surname: free, no common word (or
/// a frequent family name, when `common` allows it), no month or weekday, no function word,
/// letters only.
fn surname_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons, common: bool) -> bool {
    if !work.is_free_word(t) {
        return false;
    }
    let w = work.word(text, t);
    is_capitalized(w)
        && w.chars().count() >= 3
        && w.chars()
            .all(|c| c.is_alphabetic() || is_hyphen(c) || c == '\'' || c == '\u{2019}')
        && (!lex.is_common_word(w) || common && lex.is_surname(w))
        && !lex.is_not_name(w)
        && !lex.is_title_modifier(w)
        && !lex.is_organization_head(w)
        && !is_function_word(w)
}

/// "..., Brenner said." and "Brenner said that ...": after the verb of saying, the clause or
/// the sentence ends, or "that" opens what was said.
fn said_at_clause_end(text: &str, work: &SentenceWork, after: usize) -> bool {
    matches!(work.word(text, after), "." | "that")
}

/// "(Brenner) Do you think ...": an interviewer's or speaker's name in parentheses that opens
/// a turn of a transcript, at the start of the sentence or after its end mark, before a
/// capitalised word.
fn speaker_tag(text: &str, work: &SentenceWork, t: usize) -> bool {
    let opens_turn =
        t == 1 || t >= 2 && matches!(work.word(text, t - 2), "." | "?" | "!" | ":" | ")");
    t >= 1
        && work.word(text, t - 1) == "("
        && work.word(text, t + 1) == ")"
        && opens_turn
        && work.is_word(t + 2)
        && is_capitalized(work.word(text, t + 2))
}

/// True when token `t` ends a clause or a noun phrase: punctuation or the end.
fn stops(work: &SentenceWork, t: usize) -> bool {
    work.tokens
        .get(t)
        .map_or(true, |tok| tok.kind == TokenKind::Punct)
}

/// Finds surnames that the context marks as people, in one sentence.
pub(super) fn find_person_contexts(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut found = Vec::new();
    for t in 0..work.tokens.len() {
        if !surname_word(text, work, t, lex, true) {
            continue;
        }
        let uncommon = !lex.is_common_word(work.word(text, t));
        // A capitalised word beside it makes a longer name that other rules judge.
        let capital_beside = |k: Option<usize>| {
            k.is_some_and(|k| {
                work.is_word(k)
                    && is_capitalized(work.word(text, k))
                    && (k + 1 == t && work.adjacent(text, k, t)
                        || k == t + 1 && work.adjacent(text, t, k))
            })
        };
        if capital_beside(t.checked_sub(1)) || capital_beside(Some(t + 1)) {
            continue;
        }
        let prev = t.checked_sub(1).map_or("", |p| work.word(text, p));
        let next = work.word(text, t + 1);
        // A frequent family name ("Smith", "Wright") speaks as a person without more ado.
        let family = uncommon && lex.is_surname(work.word(text, t));
        // "..., said Brenner."
        let said_after = uncommon && SAYING.contains(&prev) && stops(work, t + 1);
        // "Brenner said he ...", "Wright said the ..." (not "Wright said it": a company).
        let said_before = SAYING.contains(&next)
            && (uncommon
                && ((t + 2..t + 4).any(|k| PERSONAL_PRONOUNS.contains(&work.word(text, k)))
                    || said_at_clause_end(text, work, t + 2))
                || family
                    && !matches!(work.word(text, t + 2), "it" | "its")
                    && !matches!(prev, "the" | "The"));
        // "Brenner, 41,"
        let age = next == ","
            && work
                .word(text, t + 2)
                .parse::<u32>()
                .is_ok_and(|n| (16..=105).contains(&n))
            && stops(work, t + 3);
        // "Brenner's wife"
        let kin = work
            .tokens
            .get(t + 1)
            .is_some_and(|tok| tok.kind == TokenKind::Possessive)
            && KIN.contains(&work.word(text, t + 2));
        // "Brenner, who", "Brenner was born", "Brenner died", "shot Brenner"
        let who = next == "," && work.word(text, t + 2) == "who";
        // "Brenner, a native of Tulsa,": only people are natives of a place.
        let native = next == ","
            && matches!(work.word(text, t + 2), "a" | "the")
            && work.word(text, t + 3) == "native"
            && work.word(text, t + 4) == "of";
        // An adverb in "-ly" may stand before the verb: "Brenner was fatally shot".
        let verb_at = |k: usize| {
            let w = work.word(text, k);
            if w.len() > 4 && w.ends_with("ly") && w.chars().all(char::is_lowercase) {
                k + 1
            } else {
                k
            }
        };
        // "Brenner had been arrested", "Brenner has resigned": the perfect tenses too.
        let perfect = matches!(next, "had" | "has");
        let passive = matches!(next, "was" | "is")
            && PASSIVE.contains(&work.word(text, verb_at(t + 2)))
            || perfect
                && work.word(text, t + 2) == "been"
                && PASSIVE.contains(&work.word(text, verb_at(t + 3)));
        let acting = ACTING.contains(&work.word(text, verb_at(t + 1)))
            || perfect && ACTING.contains(&work.word(text, verb_at(t + 2)));
        // "the Brenner assassination": a killing named after its victim, when the word is a
        // frequent family name (a town's name stands there too: "the Tulsa slaying").
        let victim_named = family && matches!(prev, "the" | "The") && KILLING_OF.contains(&next);
        // "Brenner shot Tolvanen": a killing done by a person.
        let killer = uncommon
            && KILLING.contains(&work.word(text, verb_at(t + 1)))
            && work
                .owner_of(verb_at(t + 1) + 1)
                .is_some_and(|c| c.kind == MentionKind::Person);
        let done_to = uncommon && DONE_TO.contains(&prev) && stops_name(text, work, t + 1);
        // "the assassination of Brenner"
        let killed = prev == "of"
            && t >= 2
            && KILLING_OF.contains(&work.word(text, t - 2))
            && stops_name(text, work, t + 1);
        // "shot by Brenner": the agent of a killing.
        let agent = uncommon
            && prev == "by"
            && t >= 2
            && (KILLING.contains(&work.word(text, t - 2))
                || PASSIVE.contains(&work.word(text, t - 2)))
            && stops_name(text, work, t + 1);
        if said_after
            || uncommon && speaker_tag(text, work, t)
            || agent
            || uncommon && copula_title(text, work, t)
            || coordinated_with_person(text, work, t) && uncommon
            || party_or_people_apposition(text, work, t)
            || said_before
            || age
            || kin
            || who
            || passive
            || acting
            || victim_named
            || killer
            || done_to
            || killed
            || native
            || titled_apposition(text, work, t)
            || family && plain_apposition(text, work, t)
            || affiliated_speaker(text, work, t)
        {
            found.push(t);
        }
    }
    found.extend(towns_as_people(text, work));
    found.extend(relatives_named(text, work, lex));
    for t in found {
        work.add(MentionKind::Person, t, t, None);
    }
    for (first, last) in pairs_in_person_contexts(text, work, lex) {
        work.add(MentionKind::Person, first, last, None);
    }
}

/// "said Ned Barrow.", "Buddy Carver was born ...": two capitalised words that the other rules
/// leave alone because one is an English word, in a context said only of people (a verb of
/// saying before them at the end of the sentence or clause, or "was born / shot ..." after them),
/// are a name when the first is a given name, the second a frequent family name, or neither an
/// English word.
fn pairs_in_person_contexts(
    text: &str,
    work: &SentenceWork,
    lex: &Lexicons,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let word_ok = |k: usize| {
        work.is_free_word(k) && {
            let w = work.word(text, k);
            is_capitalized(w)
                && w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && !lex.is_not_name(w)
                && !lex.is_organization_head(w)
                && !lex.is_organization_suffix(w)
                && !lex.is_title_modifier(w)
                && !super::place_names::is_site_head(w)
                && !is_function_word(w)
        }
    };
    for t in 0..work.tokens.len().saturating_sub(1) {
        // The cheap test first: a verb of saying before or "was"/"is" after.
        let prev = t.checked_sub(1).map_or("", |p| work.word(text, p));
        if !(SAYING.contains(&prev) || matches!(work.word(text, t + 2), "was" | "is")) {
            continue;
        }
        if !(word_ok(t) && word_ok(t + 1) && work.adjacent(text, t, t + 1)) {
            continue;
        }
        // The pair is the whole run.
        let capital_at = |k: usize| work.is_word(k) && is_capitalized(work.word(text, k));
        if t.checked_sub(1).is_some_and(capital_at) || capital_at(t + 2) {
            continue;
        }
        let (a, b) = (work.word(text, t), work.word(text, t + 1));
        let named = lex.is_given_name(a)
            || lex.is_surname(b)
            || !lex.is_common_word(a) && !lex.is_common_word(b);
        if !named {
            continue;
        }
        let said_after = SAYING.contains(&prev) && stops(work, t + 2);
        let passive = matches!(work.word(text, t + 2), "was" | "is")
            && PASSIVE.contains(&work.word(text, t + 3));
        if said_after || passive {
            found.push((t, t + 1));
        }
    }
    found
}

/// "Brenner is a lawyer", "Brenner was the chief executive of ...": "is" or "was", an article, at
/// most three words and a title held only by people that ends the phrase or has its
/// organization after it.
fn copula_title(text: &str, work: &SentenceWork, t: usize) -> bool {
    if !matches!(work.word(text, t + 1), "is" | "was")
        || !matches!(work.word(text, t + 2), "a" | "an" | "the")
    {
        return false;
    }
    for k in t + 3..(t + 7).min(work.tokens.len()) {
        if let Some(c) = work.owner_of(k) {
            let title = c.span.of(text).to_lowercase();
            return c.kind == MentionKind::Role
                && !c.honorific
                && !NOT_ONLY_PEOPLE.contains(&title.as_str())
                && (stops(work, c.last + 1)
                    || matches!(
                        work.word(text, c.last + 1),
                        "of" | "at" | "for" | "in" | "and"
                    ));
        }
        if work.tokens[k].kind != TokenKind::Word {
            return false;
        }
    }
    false
}

/// "Brenner and Ann Roe", "Ann Roe and Brenner": a word coordinated with a person's name, the
/// word ending its phrase.
fn coordinated_with_person(text: &str, work: &SentenceWork, t: usize) -> bool {
    let person_at = |k: usize, first: bool| {
        work.owner_of(k).is_some_and(|c| {
            c.kind == MentionKind::Person && if first { c.first == k } else { c.last == k }
        })
    };
    let before = t >= 2 && work.word(text, t - 1) == "and" && person_at(t - 2, false);
    let after = work.word(text, t + 1) == "and" && person_at(t + 2, true);
    (before && stops_name(text, work, t + 1)) || after
}

/// Nouns of party members after "a" in an apposition: "Brenner, a Republican from Ohio,".
const PARTY_MEMBERS: &[&str] = &[
    "Democrat",
    "Republican",
    "Socialist",
    "Communist",
    "Conservative",
    "Liberal",
];

/// Members of a people, said of a person only: "Brenner, a Serb,".
const PEOPLE_MEMBERS: &[&str] = &[
    "Serb",
    "Croat",
    "Bosniak",
    "Arab",
    "Jew",
    "Briton",
    "Pole",
    "Turk",
    "Kurd",
    "Swede",
    "Dane",
    "Finn",
    "Scot",
    "Welshman",
    "Frenchman",
    "Englishman",
    "Irishman",
    "Dutchman",
    "Pashtun",
    "Tajik",
    "Uzbek",
    "Uighur",
    "Tamil",
    "Sikh",
    "Palestinian",
    "Israeli",
];

/// "Brenner, a Serb," / "Brenner, a Democrat from Ohio,": a comma, "a", a demonym used as a noun
/// or a party member, and the end of the apposition (punctuation, "from", "who" or "and").
fn party_or_people_apposition(text: &str, work: &SentenceWork, t: usize) -> bool {
    if work.word(text, t + 1) != "," || !matches!(work.word(text, t + 2), "a" | "an") {
        return false;
    }
    let k = t + 3;
    let noun = (PARTY_MEMBERS.contains(&work.word(text, k))
        || PEOPLE_MEMBERS.contains(&work.word(text, k)))
        && work.owner_of(k).is_none()
        || work
            .owner_of(k)
            .is_some_and(|c| c.kind == MentionKind::Demonym && c.first == k && c.last == k);
    noun && (stops(work, k + 1) || matches!(work.word(text, k + 1), "from" | "who" | "and"))
}

/// "Booth shot Lincoln", "the assassination of Lincoln", "Lincoln's assassin": a one-word town
/// of the lexicon that the sentence shoots, kills or mourns is a person, not the town.
fn towns_as_people(text: &str, work: &SentenceWork) -> Vec<usize> {
    let mut found = Vec::new();
    for cand in work.candidates.iter().filter(|c| {
        c.alive
            && c.kind == MentionKind::Place
            && c.first == c.last
            && c.place_class == Some(PlaceClass::City)
    }) {
        let t = cand.first;
        if !is_capitalized(work.word(text, t)) {
            continue;
        }
        let prev = t.checked_sub(1).map_or("", |p| work.word(text, p));
        // The town must end its phrase: "murdering Phoenix newspaper reporter X" names a town.
        let alone = stops(work, t + 1) || is_function_word(work.word(text, t + 1));
        let done_to = DONE_TO.contains(&prev) && alone;
        let killed =
            prev == "of" && t >= 2 && KILLING_OF.contains(&work.word(text, t - 2)) && alone;
        let kin = work
            .tokens
            .get(t + 1)
            .is_some_and(|tok| tok.kind == TokenKind::Possessive)
            && KIN.contains(&work.word(text, t + 2));
        if done_to || killed || kin {
            found.push(t);
        }
    }
    found
}

/// Family nouns after which a name is the relative's: "his wife, Elizabeth", "her sister Mary".
const FAMILY: &[&str] = &[
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow",
    "widower",
];

/// "his wife, Elizabeth,", "Dole's sister Mary": a given name (or a word that is no English
/// word) after a family noun that a possessive opens, is a person even where the lexicon knows a
/// town of that name; the name must end there.
fn relatives_named(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<usize> {
    let mut found = Vec::new();
    for t in 2..work.tokens.len() {
        let w = work.word(text, t);
        let town = work.owner_of(t).is_some_and(|c| {
            c.kind == MentionKind::Place
                && c.first == t
                && c.last == t
                && c.place_class == Some(PlaceClass::City)
        });
        if !is_capitalized(w) || !(work.is_free_word(t) || town) {
            continue;
        }
        let name_like =
            lex.is_given_name(w) || !town && !lex.is_common_word(w) && !lex.is_not_name(w);
        let noun = if work.word(text, t - 1) == "," {
            t - 2
        } else {
            t - 1
        };
        let opened = noun >= 1
            && (matches!(
                work.word(text, noun - 1),
                "his" | "her" | "their" | "my" | "our"
            ) || work.tokens[noun - 1].kind == TokenKind::Possessive);
        if name_like
            && FAMILY.contains(&work.word(text, noun))
            && opened
            && stops_name(text, work, t + 1)
        {
            found.push(t);
        }
    }
    found
}

/// True when the name ends before token `t`: punctuation, the end or a lower-case word.
fn stops_name(text: &str, work: &SentenceWork, t: usize) -> bool {
    work.tokens.get(t).map_or(true, |tok| {
        tok.kind == TokenKind::Punct
            || tok.kind == TokenKind::Word && !is_capitalized(tok.text(text))
    })
}

/// Titles that a company or a country holds too ("Acme, owner of the Ritz", "Norway, host of
/// the talks"): no sign of a person without an article.
const NOT_ONLY_PEOPLE: &[&str] = &[
    "owner",
    "member",
    "partner",
    "host",
    "leader",
    "developer",
    "investor",
    "representative",
    "observer",
    "candidate",
    "publisher",
    "founder",
    "co-founder",
    "head",
];

/// Nouns that end an apposition about a company or a place, not a person ("Harris, the
/// polling firm,", "Tulsa, a farming town,").
const NOT_PERSON_NOUNS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "manufacturer",
    "retailer",
    "chain",
    "group",
    "bank",
    "agency",
    "newspaper",
    "station",
    "network",
    "airline",
    "carrier",
    "producer",
    "publisher",
    "brand",
    "concern",
    "subsidiary",
    "unit",
    "store",
    "utility",
    "insurer",
    "lender",
    "conglomerate",
    "giant",
    "town",
    "city",
    "village",
    "county",
    "state",
    "country",
    "region",
    "river",
    "suburb",
    "community",
    "area",
    "district",
    "port",
    "capital",
];

/// Words that end the noun phrase of an apposition: its head noun is the word before.
const APPOSITION_ENDS: &[&str] = &[
    ",", ".", ";", "who", "whose", "of", "and", "with", "at", "in", "for", "from",
];

/// "Ostrander, the longest-held hostage,", "Ostrander, a young spy who": a comma, an article
/// and a short noun phrase whose head is a lower-case noun that names no company or place.
/// Only for a frequent family name (the caller checks), since any name can have such a phrase.
fn plain_apposition(text: &str, work: &SentenceWork, t: usize) -> bool {
    if work.word(text, t + 1) != "," || !matches!(work.word(text, t + 2), "a" | "an" | "the") {
        return false;
    }
    let mut k = t + 3;
    while k < (t + 10).min(work.tokens.len()) && !APPOSITION_ENDS.contains(&work.word(text, k)) {
        if !matches!(work.tokens[k].kind, TokenKind::Word) {
            return false;
        }
        k += 1;
    }
    if k == t + 3 || k >= work.tokens.len() || !APPOSITION_ENDS.contains(&work.word(text, k)) {
        return false;
    }
    let head = work.word(text, k - 1);
    is_lowercase_word(head)
        && head.chars().all(|c| c.is_alphabetic() || is_hyphen(c))
        && !NOT_PERSON_NOUNS.contains(&head)
        && !NOT_PERSON_NOUNS.contains(&head.trim_end_matches('s'))
}

/// Words between the comma of an apposition and its title that leave it a title held only by
/// people: "Brenner, former first deputy director of ...".
const TITLE_QUALIFIERS: &[&str] = &[
    "former", "acting", "interim", "then", "onetime", "longtime", "first", "second", "third",
    "outgoing",
];

/// "Brenner, of the Acme Association, said": a comma, "of", an organization, a comma and a verb
/// of saying.
fn affiliated_speaker(text: &str, work: &SentenceWork, t: usize) -> bool {
    if work.word(text, t + 1) != "," || work.word(text, t + 2) != "of" {
        return false;
    }
    let mut k = t + 3;
    if work.word(text, k).eq_ignore_ascii_case("the") {
        k += 1;
    }
    let Some(c) = work.owner_of(k) else {
        return false;
    };
    c.kind == MentionKind::Organization
        && c.first == k
        && work.word(text, c.last + 1) == ","
        && SAYING.contains(&work.word(text, c.last + 2))
}

/// "Brenner, a retired police officer," / "Brenner, the company's president,": a comma, an
/// article or possessive phrase, at most four words, and a title that ends the apposition.
fn titled_apposition(text: &str, work: &SentenceWork, t: usize) -> bool {
    if work.word(text, t + 1) != "," {
        return false;
    }
    // "Brenner, publisher of the Acme Herald,": a title held only by people right after the
    // comma (or after "former", "acting": "Brenner, former first deputy director of"), with its
    // organization.
    let mut at = t + 2;
    while at < t + 4 && TITLE_QUALIFIERS.contains(&work.word(text, at)) && work.owner[at].is_none()
    {
        at += 1;
    }
    if let Some(c) = work.owner_of(at) {
        let title = c.span.of(text).to_lowercase();
        return c.kind == MentionKind::Role
            && !c.honorific
            && c.first == at
            && !NOT_ONLY_PEOPLE.contains(&title.as_str())
            && matches!(work.word(text, c.last + 1), "of" | "at" | "for" | "with");
    }
    if !matches!(work.word(text, t + 2), "a" | "an" | "the") {
        return false;
    }
    let mut k = t + 3;
    while k <= t + 7 && k < work.tokens.len() {
        if let Some(c) = work.owner_of(k) {
            if c.kind == MentionKind::Role && !c.honorific {
                let after = c.last + 1;
                return stops(work, after)
                    || matches!(
                        work.word(text, after),
                        "of" | "at" | "for" | "with" | "in" | "to"
                    );
            }
            if !matches!(c.kind, MentionKind::Organization | MentionKind::Place) {
                return false;
            }
            k = c.last + 1;
            continue;
        }
        let tok = &work.tokens[k];
        if !(tok.kind == TokenKind::Word || tok.kind == TokenKind::Possessive) {
            return false;
        }
        k += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::extract::find_mentions;
    use crate::extract::lexicon::Lexicons;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn people(text: &str) -> Vec<String> {
        find_mentions(text, &split_sentences(text), Lexicons::get())
            .into_iter()
            .filter(|m| m.kind == MentionKind::Person)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_relative_named_after_a_family_noun() {
        assert_eq!(
            people("He flew home with his wife, Savannah, on Friday."),
            ["Savannah"]
        );
        assert_eq!(people("Her sister Odalys lives nearby."), ["Odalys"]);
        assert!(people("The sister city of Savannah sent gifts.").is_empty());
    }

    #[test]
    fn perfect_tenses_and_killings_named_after_the_victim() {
        assert_eq!(
            people("Ostrander had been arrested two days earlier."),
            ["Ostrander"]
        );
        assert_eq!(people("Varenko has resigned from the board."), ["Varenko"]);
        assert!(people("Varenko has shares in the firm.").is_empty());
        assert_eq!(
            people("Files on the Mitchell slaying were opened."),
            ["Mitchell"]
        );
        assert!(people("Files on the Tulsa slaying were opened.").is_empty());
    }

    #[test]
    fn a_surname_that_says_at_the_end_of_the_clause_or_opens_a_turn() {
        assert_eq!(
            people("The levee held through the night, Quarmby said."),
            ["Quarmby"]
        );
        assert_eq!(people("Quarmby said that the levee held."), ["Quarmby"]);
        assert!(people("Quarmby said sales rose.").is_empty());
        assert_eq!(
            people("What comes next? (Delvaux) We wait for the vote."),
            ["Delvaux"]
        );
        assert!(people("The vote (Delvaux) was close.").is_empty());
        assert!(people("(Text) The vote was close.").is_empty());
    }

    #[test]
    fn surnames_in_person_contexts() {
        assert_eq!(
            people("The ship sank at dawn, said Tolvanen."),
            ["Tolvanen"]
        );
        assert_eq!(people("Drummel said he would appeal."), ["Drummel"]);
        assert_eq!(people("Ashcombe, 41, was charged."), ["Ashcombe"]);
        assert_eq!(
            people("Ferrow, a retired police officer, testified."),
            ["Ferrow"]
        );
        assert_eq!(people("Quennell's lawyer declined."), ["Quennell"]);
        assert_eq!(people("Stone, 53, is a former chief."), ["Stone"]);
        assert_eq!(people("Varenko, who lives nearby, agreed."), ["Varenko"]);
        assert_eq!(people("Ostrander was born in 1931."), ["Ostrander"]);
        assert_eq!(people("Police said a man shot Ostrander."), ["Ostrander"]);
    }

    #[test]
    fn a_frequent_family_name_in_a_plain_apposition() {
        assert_eq!(
            people("The list names Pruitt, the youngest hostage, first."),
            ["Pruitt"]
        );
        assert_eq!(
            people("Pruitt, a young courier who knew them, fled."),
            ["Pruitt"]
        );
        // A company or a town described: no person; nor a name that is no family name.
        assert!(people("Shares of Pruitt, the polling firm, fell.").is_empty());
        assert!(people("The list names Ulvenbrook, the youngest hostage, first.").is_empty());
    }

    #[test]
    fn a_qualified_title_in_apposition() {
        assert_eq!(
            people("They questioned Valtonen, former deputy director of the mint, today."),
            ["Valtonen"]
        );
        // A title that companies hold too says nothing, qualified or not.
        assert!(people("They questioned Valtonen, former owner of the mint, today.").is_empty());
    }

    #[test]
    fn frequent_family_names_speak_as_people() {
        assert_eq!(people("Pruitt said the fleet was ready."), ["Pruitt"]);
        assert_eq!(
            people("The fleet was ready, said Whitfield."),
            ["Whitfield"]
        );
        // A company speaks of itself as "it"; "the" makes it a thing.
        assert!(people("Pruitt said it would cut 300 jobs.").is_empty());
        assert!(people("The Whitfield said nothing new.").is_empty());
    }

    #[test]
    fn victims_of_a_killing_named_by_a_noun() {
        assert_eq!(
            people("Crowds mourned the assassination of Ostrander."),
            ["Ostrander"]
        );
        assert_eq!(people("Varenko's assassin fled."), ["Varenko"]);
        assert_eq!(people("Drummel, a native of Tulsa, wept."), ["Drummel"]);
        assert!(people("Drummel, a natively built app, sold.").is_empty());
        assert!(
            people("Crowds mourned the assassination of Ostrander Street.")
                .iter()
                .all(|p| p != "Ostrander")
        );
    }

    #[test]
    fn a_town_that_is_shot_or_mourned_is_a_person() {
        assert_eq!(people("A gunman shot Tacoma in the club."), ["Tacoma"]);
        assert_eq!(people("Tacoma's killer was never found."), ["Tacoma"]);
        assert!(people("Rebels shelled Tacoma overnight.").is_empty());
        assert!(people("The attack on Tacoma failed.").is_empty());
        assert!(
            people("He admitted killing Tacoma newspaper reporter Ann Roe.")
                .iter()
                .all(|p| p != "Tacoma")
        );
    }

    #[test]
    fn more_verbs_and_nouns_said_only_of_people() {
        assert_eq!(people("Ostrander was convicted in May."), ["Ostrander"]);
        assert_eq!(people("Ostrander wrote to the board."), ["Ostrander"]);
        assert_eq!(people("Crowds filled Ostrander's hometown."), ["Ostrander"]);
        assert_eq!(people("The clerk was shot by Ulvaeus."), ["Ulvaeus"]);
        assert_eq!(people("Police arrested Ulvaeus on Friday."), ["Ulvaeus"]);
        assert_eq!(people("Ulvaeus's tenure ended."), ["Ulvaeus"]);
        // A company is convicted too rarely to say "person", but it is not written so; an
        // agent of something other than a killing is nothing.
        assert!(people("The plan was drafted by Ulvaeus.").is_empty());
        assert!(people("Ostrander's shares fell.").is_empty());
    }

    #[test]
    fn a_word_coordinated_with_a_person_is_one() {
        assert_eq!(
            people("Brenner and Ann Halvorsen arrived."),
            ["Brenner", "Ann Halvorsen"]
        );
        assert_eq!(
            people("Ann Halvorsen and Brenner arrived."),
            ["Ann Halvorsen", "Brenner"]
        );
        assert_eq!(people("Zentrix and Corvallo merged."), Vec::<String>::new());
    }

    #[test]
    fn a_party_member_or_a_people_in_apposition() {
        assert_eq!(
            people("Torvald, a Republican from Ohio, objected."),
            ["Torvald"]
        );
        assert_eq!(people("Torvald, a Norwegian, objected."), ["Torvald"]);
        assert_eq!(people("Torvald, a Kurd, objected."), ["Torvald"]);
        assert!(people("Torvald, a Norwegian firm, objected.").is_empty());
    }

    #[test]
    fn two_words_in_a_context_said_only_of_people() {
        assert_eq!(people("\"We won,\" said Rusty Carver."), ["Rusty Carver"]);
        assert_eq!(people("Buck Mason was born in 1901."), ["Buck Mason"]);
        assert!(people("Nobody said Sharp Rise.").is_empty());
        assert!(people("Buck Mason gave a talk.").is_empty());
    }

    #[test]
    fn a_title_after_is_or_was() {
        assert_eq!(people("Ulvaeus is a lawyer in Tulsa."), ["Ulvaeus"]);
        assert_eq!(
            people("Ulvaeus was the longtime chairman of Zentrix."),
            ["Ulvaeus"]
        );
        assert!(people("Zentrix is a member of the group.").is_empty());
        assert!(people("Zentrix is a large exporter of grain.").is_empty());
    }

    #[test]
    fn no_person_without_such_a_context() {
        assert!(people("Drummel said the index rose.").is_empty());
        assert!(people("Ashcombe, 41 percent, was up.").is_empty());
        assert!(people("Stone said the index rose.").is_empty());
        assert!(people("Talks in Varenko, which lies nearby, ended.").is_empty());
        assert!(people("The market fell, said Reuters data.").is_empty());
    }
}
