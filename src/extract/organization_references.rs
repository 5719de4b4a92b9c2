//! Organizations that no lexicon lists and no head noun marks, read from where they stand, for
//! [`super::find_mentions`]. These rules look at the whole document, after the people are found:
//!
//! - **Before a title**: an acronym ("FTC Chairman", "CPN-UML chairman") or a capitalised word
//!   that is no English word, no given name and no person ("Riksbank Governor") names the
//!   organization the title belongs to. Every other mention of that word in the document is the
//!   same organization ("CONMEBOL, which is based in...").
//! - **A head noun alone** ("the Commission", "Commission President", "the Court's ruling")
//!   names the one organization of the document whose name ends with it ("European
//!   Commission").
//! - **In apposition to a description**: "Torneos Globales, a sports marketing agency" or "the
//!   law firm Freshfields": a capitalised run described as an organization is one, even where it
//!   looked like a person's name.

use super::lexicon::{Lexicons, PlaceClass};
use super::lower::with_lower;
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::{is_function_word, Candidate, SentenceWork};
use super::tokens::{is_all_caps, is_capitalized, is_hyphen, TokenKind};
use std::collections::{BTreeMap, BTreeSet};

/// Titles that are as often held for a person as for an organization ("Putin aide"): an
/// unknown word before them is not taken for an organization.
const PERSONAL_TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "lawyer",
    "attorney",
    "envoy",
    "assistant",
    "counselor",
    "counsellor",
    "chief of staff",
    "press secretary",
    "friend",
];

/// Nouns that describe an organization in an apposition ("X, a sports marketing agency") or
/// before its name ("the law firm X").
const DESCRIPTIONS: &[&str] = &[
    "agency",
    "company",
    "firm",
    "carmaker",
    "automaker",
    "bank",
    "lender",
    "insurer",
    "retailer",
    "broadcaster",
    "newspaper",
    "group",
    "conglomerate",
    "organisation",
    "organization",
    "charity",
    "confederation",
    "federation",
    "association",
    "union",
    "body",
    "regulator",
    "watchdog",
    "consultancy",
    "startup",
    "start-up",
    "airline",
    "manufacturer",
    "producer",
    "supplier",
    "operator",
    "publisher",
    "platform",
    "fund",
    "investor",
    "subsidiary",
    "club",
    "party",
    "movement",
    "militia",
    "think tank",
    "law firm",
    "news agency",
    "rights group",
];

/// True when only spaces (no line break) separate tokens `a` and `b`.
fn adjacent(text: &str, work: &SentenceWork, a: usize, b: usize) -> bool {
    match (work.tokens.get(a), work.tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.span.end..y.span.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
        _ => false,
    }
}

/// True when token `t` is a word no candidate covers, outside a URL.
fn free_word(work: &SentenceWork, t: usize) -> bool {
    work.is_word(t) && work.owner.get(t).is_some_and(Option::is_none) && !work.blocked[t]
}

/// True for an acronym that can name an organization: three or more capitals, or capitals
/// with digits or a hyphen ("CPN-UML", "COP30").
fn is_acronym(word: &str, lex: &Lexicons) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    is_all_caps(word)
        && (letters >= 3 || word.chars().any(|c| c.is_ascii_digit() || is_hyphen(c)))
        && !lex.is_common_word(word)
}

/// True for a capitalised word that is nothing but a name: no English word, no given name, no
/// title word, no month or weekday.
fn is_bare_name(word: &str, lex: &Lexicons) -> bool {
    is_capitalized(word)
        && word.chars().count() >= 3
        && word.chars().all(|c| c.is_alphabetic() || is_hyphen(c))
        // "Kremlin-linked": a compound adjective.
        && !word.split(is_hyphen).skip(1).any(|part| !is_capitalized(part))
        && !lex.is_common_word(word)
        && !lex.is_given_name(word)
        && !lex.is_not_name(word)
        && !lex.is_title_modifier(word)
        && !is_function_word(word)
}

/// Finds the organizations of the module documentation in every sentence of a document.
pub(super) fn find_referenced(text: &str, works: &mut [SentenceWork], lex: &Lexicons) {
    let mut named: BTreeMap<String, String> = BTreeMap::new(); // word as written -> value
    for work in works.iter_mut() {
        for (first, last, value) in before_titles(text, work, lex) {
            let span =
                crate::text::Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
            named.insert(span.of(text).to_string(), value.clone());
            work.add(MentionKind::Organization, first, last, Some(value));
        }
    }
    for work in works.iter_mut() {
        described(text, work, lex, &mut named);
    }
    if !named.is_empty() {
        for work in works.iter_mut() {
            propagate(text, work, &named);
        }
    }
    let heads = organization_heads(works, lex);
    for work in works.iter_mut() {
        head_references(text, work, lex, &heads);
    }
}

/// Every other mention of a name found to be an organization is one too: a free word, or a
/// person candidate written the same way.
fn propagate(text: &str, work: &mut SentenceWork, named: &BTreeMap<String, String>) {
    let mut found: Vec<(usize, usize, String)> = (0..work.tokens.len())
        .filter(|&t| free_word(work, t))
        .filter_map(|t| named.get(work.word(text, t)).map(|v| (t, t, v.clone())))
        .collect();
    for c in work
        .candidates
        .iter()
        .filter(|c| c.alive && c.kind == MentionKind::Person)
    {
        if let Some(value) = named.get(c.span.of(text)) {
            found.push((c.first, c.last, value.clone()));
        }
    }
    for (first, last, value) in found {
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// The tokens before a title that name its organization, with the organization's name.
fn before_titles(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize, String)> {
    let mut found = Vec::new();
    for cand in work
        .candidates
        .iter()
        .filter(|c| c.alive && c.kind == MentionKind::Role && !c.honorific && c.first > 0)
    {
        let t = cand.first - 1;
        if !free_word(work, t) || !adjacent(text, work, t, cand.first) {
            continue;
        }
        let word = work.word(text, t);
        // "Kenya Power managing director": a place or organization and one capitalised word.
        if let Some(owner) = t.checked_sub(1).and_then(|b| work.owner_of(b)).filter(|c| {
            matches!(c.kind, MentionKind::Place | MentionKind::Organization)
                && c.last + 1 == t
                && !matches!(
                    c.place_class,
                    Some(PlaceClass::Region | PlaceClass::Continent | PlaceClass::BodyOfWater)
                )
        }) {
            if !work.headline
                && is_capitalized(word)
                && word.chars().all(char::is_alphabetic)
                && !lex.is_title_modifier(word)
                && !is_function_word(word)
                && !personal_title(cand)
                && adjacent(text, work, t - 1, t)
            {
                let span = crate::text::Span::new(
                    work.tokens[owner.first].span.start,
                    work.tokens[t].span.end,
                );
                found.push((owner.first, t, clean_label(span.of(text))));
            }
            continue;
        }
        let acronym = is_acronym(word, lex);
        let bare = !work.headline && is_bare_name(word, lex) && !personal_title(cand);
        if !(acronym || bare) {
            continue;
        }
        // One word only: a longer capitalised run is more likely a name.
        let before = t.checked_sub(1);
        if before.is_some_and(|b| {
            adjacent(text, work, b, t)
                && free_word(work, b)
                && (is_capitalized(work.word(text, b)) || is_all_caps(work.word(text, b)))
        }) {
            continue;
        }
        found.push((t, t, clean_label(word)));
    }
    found
}

/// True for a title that is as often held for a person as for an organization.
fn personal_title(cand: &Candidate) -> bool {
    let role = cand.value.as_deref().unwrap_or("").to_lowercase();
    PERSONAL_TITLES
        .iter()
        .any(|t| role == *t || role.ends_with(&format!(" {t}")))
}

/// The organizations of a document whose name ends with a head word, by that word
/// ("Commission" → "European Commission"), each with where it is mentioned, in text order.
type Heads = BTreeMap<String, Vec<(usize, String)>>;

/// The [`Heads`] of a document.
fn organization_heads(works: &[SentenceWork], lex: &Lexicons) -> Heads {
    let mut heads: Heads = BTreeMap::new();
    for cand in works
        .iter()
        .flat_map(|w| w.candidates.iter())
        .filter(|c| c.alive && c.kind == MentionKind::Organization)
    {
        let Some(name) = cand.value.as_deref() else {
            continue;
        };
        let Some((_, last)) = name.rsplit_once(' ') else {
            continue;
        };
        // "European Commission" ends with its head; "Bank of England" starts with it.
        let head = if lex.is_organization_head(last) {
            last
        } else {
            match name.split_once(" of ") {
                Some((first, _)) if lex.is_organization_head(first) => first,
                _ => continue,
            }
        };
        heads
            .entry(head.to_string())
            .or_default()
            .push((cand.span.start, name.to_string()));
    }
    for list in heads.values_mut() {
        list.sort();
    }
    heads
}

/// The organization a head word at byte `at` names: the last one with that head mentioned
/// before it, else the only one after it.
fn head_referent(list: &[(usize, String)], at: usize) -> Option<&String> {
    if let Some((_, name)) = list.iter().rev().find(|(pos, _)| *pos < at) {
        return Some(name);
    }
    let names: BTreeSet<&String> = list.iter().map(|(_, n)| n).collect();
    (names.len() == 1)
        .then(|| names.into_iter().next())
        .flatten()
}

/// "the Commission", "Commission President", "the Commission's": a head word alone.
fn head_references(text: &str, work: &mut SentenceWork, lex: &Lexicons, heads: &Heads) {
    if heads.is_empty() || work.headline {
        return;
    }
    let mut found = Vec::new();
    for t in 0..work.tokens.len() {
        if !free_word(work, t) {
            continue;
        }
        let Some(value) = heads
            .get(work.word(text, t))
            .and_then(|list| head_referent(list, work.tokens[t].span.start))
        else {
            continue;
        };
        let prev = t.checked_sub(1).map(|p| work.word(text, p));
        let after_the =
            prev.is_some_and(|p| p.eq_ignore_ascii_case("the")) && adjacent(text, work, t - 1, t);
        let next = work.tokens.get(t + 1);
        let before_title = work
            .owner_of(t + 1)
            .is_some_and(|c| c.kind == MentionKind::Role && c.first == t + 1 && !c.honorific)
            && adjacent(text, work, t, t + 1);
        // "the Commission of Inquiry", "the Court Martial": a longer name, not this one.
        let longer = next.is_some_and(|n| {
            n.kind == TokenKind::Word
                && (is_capitalized(n.text(text)) || n.text(text) == "of")
                && !before_title
        });
        // "Federal Commission": a longer name, not this one.
        let capital_before = !after_the
            && prev.is_some_and(|p| is_capitalized(p) || is_all_caps(p))
            && adjacent(text, work, t - 1, t);
        if (after_the || before_title)
            && !longer
            && !capital_before
            && lex.is_organization_head(work.word(text, t))
        {
            found.push((t, value.clone()));
        }
    }
    for (t, value) in found {
        work.add(MentionKind::Organization, t, t, Some(value));
    }
}

/// "Torneos Globales, a Buenos Aires-based sports marketing agency" and "the law firm
/// Freshfields": a capitalised run (or a person found there) described as an organization.
fn described(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    named: &mut BTreeMap<String, String>,
) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    // Apposition: Run, a|an [words] DESCRIPTION
    for t in 0..work.tokens.len() {
        if work.word(text, t) != "," {
            continue;
        }
        let Some((first, last)) = run_ending_at(text, work, t.wrapping_sub(1), lex) else {
            continue;
        };
        let det = work.word(text, t + 1);
        if !matches!(det, "a" | "an") {
            continue;
        }
        // Up to six words of description, the last one a description noun, then the end of
        // the noun phrase.
        let mut k = t + 2;
        let mut ends = None;
        while k < work.tokens.len() && k <= t + 8 {
            let tok = &work.tokens[k];
            if tok.kind != TokenKind::Word {
                break;
            }
            let w = work.word(text, k).to_lowercase();
            let two = format!(
                "{} {}",
                work.word(text, k.saturating_sub(1)).to_lowercase(),
                w
            );
            if DESCRIPTIONS.contains(&w.as_str()) || DESCRIPTIONS.contains(&two.as_str()) {
                ends = Some(k);
            }
            if is_function_word(&w) {
                break;
            }
            k += 1;
        }
        let Some(end) = ends else { continue };
        let closes = work
            .tokens
            .get(end + 1)
            .map_or(true, |n| n.kind == TokenKind::Punct)
            || matches!(
                work.word(text, end + 1),
                "in" | "that" | "which" | "based" | "with"
            );
        if closes {
            found.push((first, last));
        }
    }
    // Description before the name: "the law firm Freshfields", "carmaker Volvo".
    for t in 1..work.tokens.len() {
        // This runs for every token: one lower-casing, no string built. (Tokens hold no space,
        // so a two-word phrase is its two words.) An ASCII word keeps its length in lower case,
        // so most words are settled by their length alone.
        let word = work.word(text, t - 1);
        if word.is_ascii() && !matches!(word.len(), 4 | 5 | 6 | 8 | 9 | 11) {
            continue;
        }
        let is_description = with_lower(word, |w| match w {
            "carmaker" | "automaker" | "broadcaster" | "lender" | "regulator" | "watchdog" => true,
            "firm" | "agency" | "tank" | "group" if t >= 2 => {
                with_lower(work.word(text, t - 2), |p| {
                    matches!(
                        (p, w),
                        ("law", "firm")
                            | ("news", "agency")
                            | ("think", "tank")
                            | ("rights", "group")
                    )
                })
            }
            _ => false,
        });
        if !is_description || !adjacent(text, work, t - 1, t) {
            continue;
        }
        let mut last = t;
        if !run_word(text, work, t, lex) {
            continue;
        }
        while run_word(text, work, last + 1, lex) && adjacent(text, work, last, last + 1) {
            last += 1;
        }
        if last - t < 3 {
            found.push((t, last));
        }
    }
    for (first, last) in found {
        let span =
            crate::text::Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
        let value = clean_label(span.of(text));
        named.insert(span.of(text).to_string(), value.clone());
        work.add(MentionKind::Organization, first, last, Some(value));
    }
}

/// True when token `t` is a capitalised word free of candidates or inside a person candidate.
fn run_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    if !work.is_word(t) || work.blocked.get(t).copied().unwrap_or(true) {
        return false;
    }
    let w = work.word(text, t);
    let free = match work.owner_of(t) {
        None => true,
        Some(c) => c.kind == MentionKind::Person,
    };
    free && (is_capitalized(w) || is_all_caps(w)) && !is_function_word(w) && !lex.is_not_name(w)
}

/// The capitalised run (at most three words) that ends at token `end`, when it is not a
/// person with a given name: its first and last token.
fn run_ending_at(
    text: &str,
    work: &SentenceWork,
    end: usize,
    lex: &Lexicons,
) -> Option<(usize, usize)> {
    if !run_word(text, work, end, lex) {
        return None;
    }
    let mut first = end;
    while first > 0
        && end - first < 2
        && run_word(text, work, first - 1, lex)
        && adjacent(text, work, first - 1, first)
    {
        first -= 1;
    }
    // The run must be the whole person candidate, if it is one, and no candidate may stick out.
    if let Some(c) = work.owner_of(end) {
        if c.first != first || c.last != end {
            return None;
        }
    }
    if work.owner_of(first).is_some_and(|c| c.first != first) {
        return None;
    }
    // "Ana Ruiz, a lawyer at the firm": a run that starts with a given name is a person.
    if lex.is_given_name(work.word(text, first)) {
        return None;
    }
    // Sentence-initial common words are not part of the name ("Meanwhile Acme, a company").
    if (first..=end).any(|k| lex.is_common_word(work.word(text, k)) && k == first && first == 0) {
        return None;
    }
    Some((first, end))
}

#[cfg(test)]
mod tests {
    use crate::extract::find_mentions;
    use crate::extract::lexicon::Lexicons;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn orgs(text: &str) -> Vec<(String, String)> {
        find_mentions(text, &split_sentences(text), Lexicons::get())
            .into_iter()
            .filter(|m| m.kind == MentionKind::Organization)
            .map(|m| (m.text, m.value.unwrap_or_default()))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        orgs(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn an_unknown_word_or_acronym_before_a_title_is_its_organization() {
        assert_eq!(
            texts("Zentrabank Governor Eva Lund spoke. Zentrabank kept rates."),
            ["Zentrabank", "Zentrabank"]
        );
        assert_eq!(texts("KLPF chairman Omar Diallo resigned."), ["KLPF"]);
        assert_eq!(
            texts("Kenya Power managing director Omar Diallo resigned."),
            ["Kenya Power"]
        );
        assert!(texts("Kenya Energy Minister Omar Diallo resigned.").is_empty());
        // Not before titles held for a person, not a common word, not a compound.
        assert!(texts("Dorenko aide Ivan Petrov spoke.").is_empty());
        assert!(texts("Outgoing President Ivan Petrov spoke.").is_empty());
        assert!(texts("A Kremlin-linked official Ivan Petrov spoke.")
            .iter()
            .all(|t| t == "Kremlin"));
    }

    #[test]
    fn a_head_word_alone_names_the_document_organization_it_ends() {
        let found = orgs("The European Commission fined the firm. The Commission said so.");
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            ("Commission".to_string(), "European Commission".to_string())
        );
        // Without such an organization, or inside a longer name, it names nothing.
        assert!(texts("The Commission said so.").is_empty());
        assert_eq!(
            texts("The European Commission met the Commission of Inquiry."),
            ["European Commission", "Commission of Inquiry"]
        );
    }

    #[test]
    fn a_run_described_as_an_organization_is_one() {
        assert_eq!(
            texts("Money came from Veltro Marcati, a Lima-based sports marketing agency, in 2019."),
            ["Veltro Marcati"]
        );
        assert_eq!(
            texts("He is a partner at the law firm Brandauer."),
            ["Brandauer"]
        );
        // A person with a given name, or a description that goes on, is no organization.
        assert!(texts("Maria Lopes, a company spokeswoman, said no.").is_empty());
    }
}
