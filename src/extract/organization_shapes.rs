//! Organizations read from their shape and from where they stand, for [`super::mentions`]:
//! companies appear faster than any list can follow them, but their names and the phrases
//! around them say what they are.
//!
//! - **Legal forms** (a shape, read before people are looked for): capitalised words ending in
//!   a legal-form suffix of `organization_words.tsv` ("Hallgren Mining Corp", "Vestra Holdings
//!   N.V.", "Orban & Sons Co Ltd") name a company, never a person. In an all-caps headline the
//!   suffix may be in capitals ("HALLGREN MINING CORP").
//! - **Acronyms defined in brackets**: "the Centro Nacional de Pesca (CNP)" and "the CNP
//!   (Centro Nacional de Pesca)": the acronym names the organization beside it, here and in the
//!   rest of the document ([`defined_acronyms`]).
//! - **Organization-only contexts** (read after people, so that they overrule a name that only
//!   looked like a person's): "shares of X", "a stake in X", "a X spokesman", "X's board",
//!   a kind of organization right before the name ("airline X", "electronics retailer X"),
//!   "X's shareholders"; a town or an acronym before "spokesman" ("Burlington spokesman Ann
//!   Roe": the company named after its town).
//! - **Acronyms in running text**: an all-caps word of three or more letters that no lexicon
//!   knows and that is no English word, time zone or numeral ("the KRPA said") names an
//!   organization; so does an all-caps run after the town of a dateline ("Oslo DAGBLADET in
//!   Norwegian").

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_all_caps, is_capitalized, is_hyphen, TokenKind};
use crate::text::Span;
use std::collections::BTreeMap;

/// Legal forms written in capitals in all-caps text ("ACME CO"), beside those the lexicon lists.
const CAPITAL_SUFFIXES: &[&str] = &["CO", "COS", "PLC", "INC", "CORP", "LTD", "LLC"];

/// Sentence-initial words that are not part of the company name after them ("Yesterday Acme
/// Corp said").
const LEADING_ADVERBS: &[&str] = &[
    "Yesterday",
    "Today",
    "Meanwhile",
    "However",
    "Also",
    "Now",
    "Earlier",
    "Later",
    "But",
    "And",
    "Then",
    "Separately",
    "Instead",
    "Still",
];

/// True when token `t` is a legal-form suffix.
fn is_suffix(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    if !work.is_word(t) || work.blocked[t] {
        return false;
    }
    let w = work.word(text, t);
    lex.is_organization_suffix(w) || CAPITAL_SUFFIXES.contains(&w)
}

/// True when token `t` can be a word of a company name before its legal form: a capitalised or
/// all-caps word, free or covered by a place, demonym or organization.
fn company_word(text: &str, work: &SentenceWork, t: usize) -> bool {
    let Some(tok) = work.tokens.get(t) else {
        return false;
    };
    if tok.kind != TokenKind::Word || work.blocked[t] {
        return false;
    }
    if let Some(c) = work.owner_of(t) {
        return matches!(
            c.kind,
            MentionKind::Place | MentionKind::Demonym | MentionKind::Organization
        );
    }
    let w = tok.text(text);
    (is_capitalized(w) || is_all_caps(w) || w.starts_with(|c: char| c.is_ascii_digit()))
        && w.chars().any(char::is_alphabetic)
        && !is_function_word(w)
        && !w
            .split(is_hyphen)
            .skip(1)
            .any(|p| !is_capitalized(p) && !is_all_caps(p))
}

/// Finds company names that end in a legal form, in one sentence.
pub(super) fn find_legal_forms(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut t = 1;
    while t < work.tokens.len() {
        if !is_suffix(text, work, t, lex) || !work.adjacent(text, t - 1, t) {
            t += 1;
            continue;
        }
        // The chain of suffixes: "Co Ltd", "Pty. Ltd.".
        let chain_start = t;
        let mut last = t;
        loop {
            let mut k = last + 1;
            if work.word(text, k) == "."
                && work.tokens[last].span.end == work.tokens[k].span.start
                && !work.word(text, last).ends_with('.')
            {
                last = k;
                k += 1;
            }
            if is_suffix(text, work, k, lex) && work.adjacent(text, last, k) {
                last = k;
            } else {
                break;
            }
        }
        // The name before it: "Orban & Sons", "Bank of Lorvik".
        let mut first = chain_start;
        let mut k = chain_start - 1;
        // "Acme, Inc.": a comma may stand before the suffix.
        if work.word(text, k) == "," && k > 0 && company_word(text, work, k - 1) {
            k -= 1;
        }
        let mut words = 0;
        loop {
            if !company_word(text, work, k) || words >= 6 {
                break;
            }
            let start = work.owner_of(k).map_or(k, |c| c.first);
            first = start;
            words += 1;
            let Some(prev) = start.checked_sub(1) else {
                break;
            };
            let joiner = work.word(text, prev);
            let ampersand = joiner == "&" && prev > 0 && company_word(text, work, prev - 1);
            let of_head = joiner == "of"
                && prev > 0
                && lex.is_organization_head(work.word(text, prev - 1))
                && work.owner[prev - 1].is_none();
            if ampersand || of_head {
                k = prev - 1;
            } else if work.adjacent(text, prev, start) {
                k = prev;
            } else {
                break;
            }
        }
        if first == 0 && first < chain_start && LEADING_ADVERBS.contains(&work.word(text, 0)) {
            first = 1;
        }
        if first < chain_start && is_company_start(text, work, first) {
            found.push((first, last));
        }
        t = last + 1;
    }
    found.extend(airlines_before_flights(text, work, lex));
    found.extend(web_names(text, work));
    for (first, last) in found {
        let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        let value = clean_label(span.of(text));
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// "Velair Flight 212", "Kestrel Air Flight 9": the capitalised words before "Flight" and a
/// number name the airline (at most four words; a place or a name among them is part of it).
fn airlines_before_flights(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for t in 1..work.tokens.len() {
        if work.word(text, t) != "Flight"
            || !work.word(text, t + 1).chars().all(|c| c.is_ascii_digit())
            || work.word(text, t + 1).is_empty()
            || !work.adjacent(text, t - 1, t)
        {
            continue;
        }
        // A word of the name: a free capitalised word, or a place, person or organization
        // candidate (taken whole).
        let start_of = |k: usize| -> Option<usize> {
            let w = work.word(text, k);
            if !work.is_word(k) || work.blocked[k] || !(is_capitalized(w) || is_all_caps(w)) {
                return None;
            }
            match work.owner_of(k) {
                None => (!is_function_word(w) && !lex.is_not_name(w)).then_some(k),
                Some(c)
                    if c.last == k
                        && matches!(
                            c.kind,
                            MentionKind::Place | MentionKind::Person | MentionKind::Organization
                        ) =>
                {
                    Some(c.first)
                }
                Some(_) => None,
            }
        };
        let last = t - 1;
        let Some(mut first) = start_of(last) else {
            continue;
        };
        while first > 0 && last - first < 3 && work.adjacent(text, first - 1, first) {
            match start_of(first - 1) {
                Some(k) => first = k,
                None => break,
            }
        }
        // A place alone before "Flight" is where it flies from or to.
        let place_alone = work
            .owner_of(first)
            .is_some_and(|c| c.kind == MentionKind::Place && c.first == first && c.last == last);
        if !place_alone {
            found.push((first, last));
        }
    }
    found
}

/// "Detik.com", "Skyward.net": a capitalised word with a web domain's ending names the site's
/// publisher.
fn web_names(text: &str, work: &SentenceWork) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for t in 0..work.tokens.len() {
        let w = work.word(text, t);
        if !work.is_free_word(t) || !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let domain = |d: &str| matches!(d, "com" | "net" | "org");
        // One token ("Detik.com") or three ("Detik", ".", "com").
        if let Some((name, d)) = w.rsplit_once('.') {
            if domain(d)
                && name.chars().count() >= 2
                && name.chars().all(|c| c.is_alphanumeric() || c == '-')
            {
                found.push((t, t));
            }
            continue;
        }
        let glued = |a: usize, b: usize| matches!((work.tokens.get(a), work.tokens.get(b)), (Some(x), Some(y)) if x.span.end == y.span.start);
        if w.chars().count() >= 2
            && work.word(text, t + 1) == "."
            && domain(work.word(text, t + 2))
            && glued(t, t + 1)
            && glued(t + 1, t + 2)
            && work.is_free_word(t + 2)
        {
            found.push((t, t + 2));
        }
    }
    found
}

/// True when a company name may start at token `first`: not with a comma or an ampersand.
fn is_company_start(text: &str, work: &SentenceWork, first: usize) -> bool {
    work.tokens
        .get(first)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && !matches!(work.word(text, first), "," | "&")
}

/// True for an acronym that may stand for an organization: two to eight capitals (dots, digits
/// and hyphens allowed).
fn acronym_letters(word: &str) -> Option<String> {
    if !is_all_caps(word) {
        return None;
    }
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=8)
        .contains(&letters.chars().count())
        .then_some(letters)
}

/// The initials of the capitalised words of tokens `first..=last`.
fn initials(text: &str, work: &SentenceWork, first: usize, last: usize) -> String {
    (first..=last)
        .filter(|&k| work.is_word(k))
        .map(|k| work.word(text, k))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .flat_map(|w| w.split(is_hyphen))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Finds acronyms defined in brackets in one sentence and records them in `acronyms` (acronym
/// as written → the organization's name).
pub(super) fn find_acronyms(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    acronyms: &mut BTreeMap<String, String>,
) {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    for open in 1..work.tokens.len() {
        if work.word(text, open) != "(" {
            continue;
        }
        // Name (ACR)
        let a = open + 1;
        if work.word(text, a + 1) == ")" && work.is_free_word(a) {
            if let Some(letters) = acronym_letters(work.word(text, a)) {
                let before = open - 1;
                if let Some(org) = work
                    .owner_of(before)
                    .filter(|c| c.kind == MentionKind::Organization && c.last == before)
                {
                    let value = org.value.clone().unwrap_or_default();
                    found.push((a, a, value));
                } else if let Some(first) = run_with_initials(text, work, before, &letters, lex) {
                    let span =
                        Span::new(work.tokens[first].span.start, work.tokens[before].span.end);
                    let value = clean_label(span.of(text));
                    found.push((first, before, value.clone()));
                    found.push((a, a, value));
                }
            }
        }
        // ACR (Name)
        let acr = open - 1;
        if work.is_free_word(acr) && acronym_letters(work.word(text, acr)).is_some() {
            if let Some(org) = work.owner_of(open + 1).filter(|c| {
                c.kind == MentionKind::Organization
                    && c.first == open + 1
                    && work.word(text, c.last + 1) == ")"
            }) {
                found.push((acr, acr, org.value.clone().unwrap_or_default()));
            }
        }
    }
    for (first, last, value) in found {
        if first == last {
            acronyms.insert(work.word(text, first).to_string(), value.clone());
        }
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// The first token of the capitalised run that ends at `end` and whose initials spell
/// `letters` ("Centro Nacional de Microelectronica" for "CNM"): function words inside it are
/// skipped, as in the acronym.
fn run_with_initials(
    text: &str,
    work: &SentenceWork,
    end: usize,
    letters: &str,
    lex: &Lexicons,
) -> Option<usize> {
    let n = letters.chars().count();
    let mut first = end;
    let mut capitals = 0;
    let mut k = end;
    loop {
        let w = work.word(text, k);
        if !work.is_word(k) || work.blocked[k] {
            break;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if capital {
            if work
                .owner_of(k)
                .is_some_and(|c| c.kind == MentionKind::Role)
            {
                break;
            }
            capitals += 1;
            first = k;
        } else if !(is_function_word(w) || lex.is_particle(w)) {
            break;
        }
        if capitals >= n || k == 0 || !work.adjacent(text, k - 1, k) {
            break;
        }
        k -= 1;
    }
    let spelled = initials(text, work, first, end);
    (capitals >= 2 && spelled.eq_ignore_ascii_case(letters)).then_some(first)
}

/// Words before a name that make it a company: "shares of X", "a stake in X".
const BEFORE: &[(&str, &str)] = &[
    ("shares", "of"),
    ("stake", "in"),
    ("unit", "of"),
    ("subsidiary", "of"),
    ("division", "of"),
    ("shareholders", "of"),
    ("stockholders", "of"),
    ("takeover", "of"),
    ("merger", "with"),
];

/// Lower-case nouns right before a name that say it is a company or another organization:
/// "airline Aer Lingus", "electronics retailer Best Buy", "the newspaper Pravda". Nouns that
/// people are too ("publisher", "producer", "developer", "operator") are not here.
const KIND_BEFORE: &[&str] = &[
    "airline",
    "airframer",
    "automaker",
    "carmaker",
    "chipmaker",
    "company",
    "conglomerate",
    "firm",
    "insurer",
    "lender",
    "bank",
    "brokerage",
    "retailer",
    "manufacturer",
    "maker",
    "refiner",
    "newspaper",
    "daily",
    "magazine",
    "broadcaster",
    "agency",
    "giant",
];

/// Words before "maker" that make a person of it ("policy maker").
const PERSON_MAKERS: &[&str] = &[
    "policy", "decision", "film", "movie", "peace", "law", "king", "match", "trouble", "deal",
];

/// Words after a possessive that make its owner a company: "X's board".
const OWNED: &[&str] = &[
    "board",
    "shares",
    "stock",
    "shareholders",
    "stockholders",
    "subsidiary",
    "headquarters",
    "directors",
    // Officers a company has and a person does not ("Acme's chairman"; not "spokesman" or
    // "vice president": a person has those too).
    "chairman",
    "chairwoman",
    "president",
    "executives",
];

/// True when token `t` can be a word of a company name read from its context: a capitalised or
/// all-caps word, free or inside a person without a given name.
fn context_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    if !work.is_word(t) || work.blocked[t] {
        return false;
    }
    let w = work.word(text, t);
    let free = match work.owner_of(t) {
        None => true,
        Some(c) => c.kind == MentionKind::Person && !lex.is_given_name(work.word(text, c.first)),
    };
    free && (is_capitalized(w) || is_all_caps(w))
        && !is_function_word(w)
        && !lex.is_not_name(w)
        && w.chars()
            .all(|c| c.is_alphanumeric() || is_hyphen(c) || c == '.' || c == '&')
}

/// The run of [`context_word`]s starting at `t` (at most four), as its last token.
fn run_from(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> Option<usize> {
    if !context_word(text, work, t, lex) {
        return None;
    }
    let mut last = work.owner_of(t).map_or(t, |c| c.last.max(t));
    while last - t < 3
        && context_word(text, work, last + 1, lex)
        && work.adjacent(text, last, last + 1)
    {
        last = work
            .owner_of(last + 1)
            .map_or(last + 1, |c| c.last.max(last + 1));
    }
    // A person candidate must be covered whole.
    work.owner_of(t)
        .map_or(true, |c| c.first == t)
        .then_some(last)
}

/// Finds organizations in organization-only contexts, in one sentence (after people).
pub(super) fn find_contexts(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    for t in 2..work.tokens.len() {
        // "shares of X", "a stake in X"
        let (a, b) = (work.word(text, t - 2), work.word(text, t - 1));
        if BEFORE
            .iter()
            .any(|(x, y)| a.eq_ignore_ascii_case(x) && b == *y)
        {
            if let Some(last) = run_from(text, work, t, lex) {
                if ends_phrase(text, work, last) {
                    found.push((t, last));
                }
            }
        }
    }
    for t in 1..work.tokens.len() {
        // "a X spokesman"
        if matches!(work.word(text, t - 1), "a" | "an") {
            if let Some(last) = run_from(text, work, t, lex) {
                let spokes = work.owner_of(last + 1).is_some_and(|c| {
                    c.kind == MentionKind::Role
                        && c.first == last + 1
                        && work
                            .word(text, c.first)
                            .to_lowercase()
                            .starts_with("spokes")
                });
                if spokes && !lex.is_given_name(work.word(text, t)) {
                    found.push((t, last));
                }
            }
        }
    }
    for t in 1..work.tokens.len() {
        // "engine maker Europrop", "airline Aer Lingus"
        let kind = work.word(text, t - 1);
        if !KIND_BEFORE.contains(&kind)
            || kind == "maker" && t >= 2 && PERSON_MAKERS.contains(&work.word(text, t - 2))
            || !work.adjacent(text, t - 1, t)
            || lex.is_given_name(work.word(text, t))
        {
            continue;
        }
        if let Some(last) = run_from(text, work, t, lex) {
            if ends_phrase(text, work, last) {
                found.push((t, last));
            }
        }
    }
    for t in 0..work.tokens.len() {
        // "X's board"
        if work.tokens[t].kind != TokenKind::Possessive || t == 0 {
            continue;
        }
        if !OWNED.contains(&work.word(text, t + 1)) {
            continue;
        }
        let last = t - 1;
        let mut first = last;
        while first > 0
            && last - first < 3
            && context_word(text, work, first - 1, lex)
            && work.adjacent(text, first - 1, first)
        {
            first -= 1;
        }
        if !context_word(text, work, last, lex) {
            continue;
        }
        let first = work.owner_of(first).map_or(first, |c| c.first.min(first));
        if work.owner_of(last).is_some_and(|c| c.last != last)
            || lex.is_given_name(work.word(text, first))
            || first == 0 && lex.is_common_word(work.word(text, first)) && first < last
        {
            continue;
        }
        found.push((first, last));
    }
    for (first, last) in found {
        let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        let value = clean_label(span.of(text));
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// True when the name ends after token `last`: no possessive and no capitalised word follows.
fn ends_phrase(text: &str, work: &SentenceWork, last: usize) -> bool {
    work.tokens
        .get(last + 1)
        .map_or(true, |tok| match tok.kind {
            TokenKind::Punct => true,
            TokenKind::Possessive => false,
            TokenKind::Word => !is_capitalized(tok.text(text)) && !is_all_caps(tok.text(text)),
        })
}

/// All-caps words that name no organization: time zones, numerals, units, currencies and
/// shouting.
const NOT_ACRONYMS: &[&str] = &[
    "GMT",
    "UTC",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "MST",
    "MDT",
    "PST",
    "PDT",
    "BST",
    "CET",
    "CEST",
    "II",
    "III",
    "IV",
    "VI",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XX",
    "XXI",
    "MW",
    "KW",
    "KM",
    "MPH",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CHF",
    "DLRS",
    "MLN",
    "BLN",
    "PCT",
    "STG",
    "CTS",
    "SHR",
    "NET",
    "REVS",
    "QTR",
    "AVG",
    "SHRS",
    "OK",
    "TV",
    "AM",
    "PM",
    "DNA",
    "RNA",
    "HIV",
    "AIDS",
    "SARS",
    "CEO",
    "CFO",
    "COO",
    "GDP",
    "GNP",
    "VAT",
    "ATM",
    "FAQ",
    "PDF",
    "CD",
    "SUV",
    "SUVs",
    "GPS",
    "LED",
    "LCD",
    "USB",
    "MRI",
    "ICU",
    "CPU",
    "GPU",
    "API",
    "MRO",
    "LNG",
    "LPG",
    "CNG",
    "ETF",
    "IPO",
    "EPS",
    "VIP",
    "UFO",
    "RPM",
    "DVD",
    "PC",
    "ID",
    "IQ",
    "NEWS",
    "END",
    "NOTE",
    "TEXT",
    "UPDATE",
    "CORRECTED",
    "MORE",
];

/// True for an all-caps word that may be an organization's acronym.
fn is_unknown_acronym(word: &str, lex: &Lexicons) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    is_all_caps(word)
        && (3..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || is_hyphen(c) || c == '.' || c == '&')
        && !NOT_ACRONYMS.contains(&word)
        && !lex.is_common_word(word)
        && !lex.is_not_name(word)
}

/// Finds organizations named by an unknown acronym, by an all-caps run after a dateline's town,
/// and by a town or acronym before "spokesman", in one sentence (after people).
pub(super) fn find_acronym_names(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut found: Vec<(usize, usize, Option<String>)> = Vec::new();
    // Shouting sentences are no evidence.
    let caps = (0..work.tokens.len())
        .filter(|&t| work.is_word(t) && is_all_caps(work.word(text, t)))
        .count();
    let words = (0..work.tokens.len()).filter(|&t| work.is_word(t)).count();
    let shouting = caps * 2 > words;
    for t in 0..work.tokens.len() {
        let w = work.word(text, t);
        // "Oslo DAGBLADET in Norwegian": the town of a dateline and its source.
        let after_town = t > 0
            && work.owner_of(t - 1).is_some_and(|c| {
                c.kind == MentionKind::Place
                    && c.last == t - 1
                    && is_capitalized(work.word(text, c.first))
            })
            && work.adjacent(text, t - 1, t);
        if after_town
            && work.is_free_word(t)
            && is_all_caps(w)
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        {
            let mut last = t;
            while last - t < 4
                && work.is_free_word(last + 1)
                && is_all_caps(work.word(text, last + 1))
                && work.adjacent(text, last, last + 1)
            {
                last += 1;
            }
            let ends = work.tokens.get(last + 1).map_or(true, |n| {
                n.kind == TokenKind::Punct
                    || !text[work.tokens[last].span.end..n.span.start]
                        .chars()
                        .all(|c| c != '\n')
                    || n.text(text) == "in"
            });
            if ends && !(t..=last).any(|k| NOT_ACRONYMS.contains(&work.word(text, k))) {
                found.push((t, last, None));
                continue;
            }
        }
        if !shouting && !work.headline && work.is_free_word(t) && is_unknown_acronym(w, lex) {
            // Not inside a longer all-caps run: "THE KRPA REPORT" is a heading.
            let caps_beside = |k: usize| {
                work.is_word(k) && is_all_caps(work.word(text, k)) && work.word(text, k).len() > 1
            };
            if !(t > 0 && caps_beside(t - 1) && work.adjacent(text, t - 1, t)
                || caps_beside(t + 1) && work.adjacent(text, t, t + 1))
            {
                found.push((t, t, None));
                continue;
            }
        }
        // "Burlington spokesman", "GE spokeswoman"
        let spokes = work.owner_of(t + 1).is_some_and(|c| {
            c.kind == MentionKind::Role
                && c.first == t + 1
                && work
                    .word(text, c.first)
                    .to_lowercase()
                    .starts_with("spokes")
        }) && work.adjacent(text, t, t + 1);
        if spokes {
            let town = work.owner_of(t).filter(|c| {
                c.kind == MentionKind::Place
                    && c.first == t
                    && c.last == t
                    && c.place_class == Some(PlaceClass::City)
            });
            if let Some(town) = town {
                found.push((t, t, town.value.clone()));
            } else if work.is_free_word(t)
                && is_all_caps(w)
                && w.len() >= 2
                && !NOT_ACRONYMS.contains(&w)
            {
                found.push((t, t, None));
            }
        }
    }
    for (first, last, value) in found {
        let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        let value = value.unwrap_or_else(|| clean_label(span.of(text)));
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// The acronyms of a document found in brackets, for the later mentions.
pub(super) fn propagate_acronyms(
    text: &str,
    work: &mut SentenceWork,
    acronyms: &BTreeMap<String, String>,
) {
    if acronyms.is_empty() {
        return;
    }
    let found: Vec<(usize, String)> = (0..work.tokens.len())
        .filter(|&t| work.is_free_word(t))
        .filter_map(|t| acronyms.get(work.word(text, t)).map(|v| (t, v.clone())))
        .collect();
    for (t, value) in found {
        work.add(MentionKind::Organization, t, t, Some(value));
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

    fn orgs(text: &str) -> Vec<String> {
        of_kind(text, MentionKind::Organization)
    }

    #[test]
    fn airlines_before_flights_and_web_names() {
        let orgs = |t: &str| of_kind(t, MentionKind::Organization);
        assert_eq!(orgs("Wreckage of Velair Flight 212 was found."), ["Velair"]);
        assert_eq!(
            orgs("Wreckage of Kestrel Air Flight 9 was found, Skyward.com reported."),
            ["Kestrel Air", "Skyward.com"]
        );
        // A place before "Flight" is where it flew from; a flight without a number is none.
        assert!(orgs("The Oslo Flight 12 left late.").is_empty());
        assert!(orgs("Velair Flight Academy closed.")
            .iter()
            .all(|o| o != "Velair"));
        assert!(orgs("See the page skyward.com for more.").is_empty());
    }

    #[test]
    fn legal_forms_make_companies_never_people() {
        assert_eq!(
            orgs("Talbrook Vintners Corp said profits rose."),
            ["Talbrook Vintners Corp"]
        );
        assert_eq!(
            orgs("It sold Orvane & Sons Co Ltd a plant."),
            ["Orvane & Sons Co Ltd"]
        );
        assert_eq!(orgs("Shares of Quillmere, Inc. fell."), ["Quillmere, Inc."]);
        assert!(of_kind("Talbrook Vintners Corp said so.", MentionKind::Person).is_empty());
        // A suffix with nothing before it names nothing.
        assert!(orgs("The firm is a Pty Ltd.").is_empty());
    }

    #[test]
    fn acronyms_defined_in_brackets() {
        let text = "Scientists at the Instituto Marino de Galdar (IMG) agreed. IMG will publish.";
        assert_eq!(orgs(text), ["Instituto Marino de Galdar", "IMG", "IMG"]);
        // Initials that do not match make no organization of the name before them.
        assert_eq!(orgs("He met Olav Brenne (XQZ) there."), ["XQZ"]);
    }

    #[test]
    fn organization_only_contexts() {
        assert_eq!(orgs("He bought shares of Velmora last year."), ["Velmora"]);
        assert_eq!(
            orgs("The deal was confirmed by a Quorvex spokesman on Monday."),
            ["Quorvex"]
        );
        assert_eq!(orgs("Tessaly's board approved the plan."), ["Tessaly"]);
        assert_eq!(orgs("Officials of the KRPA met."), ["KRPA"]);
        assert!(orgs("The storm hit at 0400 GMT.").is_empty());
        assert_eq!(
            orgs("Burlington spokesman Ann Roe said so."),
            ["Burlington"]
        );
        assert_eq!(orgs("Oslo DAGBLADET in Norwegian"), ["DAGBLADET"]);
        // A person's board, a given name: no company.
        assert!(orgs("Martha's board game was fun.").is_empty());
        assert_eq!(orgs("Tessaly's chairman resigned on Friday."), ["Tessaly"]);
        assert!(orgs("Tessaly's spokesman declined to comment.").is_empty());
    }

    #[test]
    fn a_kind_of_organization_before_the_name() {
        assert_eq!(
            orgs("Regional airline Skerra Vell has bought four jets."),
            ["Skerra Vell"]
        );
        assert_eq!(
            orgs("It passed electronics retailer Quorvex in sales."),
            ["Quorvex"]
        );
        assert_eq!(orgs("Engine maker Dravion denied it."), ["Dravion"]);
        // A maker of policy is a person; a given name starts a person's name.
        assert!(orgs("The policy maker Skerra Vell spoke.").is_empty());
        assert!(orgs("The firm Martha Quell founded grew.").is_empty());
    }
}
