//! People's names in running text, for [`super::find_mentions`].
//!
//! A *run* is a stretch of capitalised words ("Volodymyr Zelensky", "Jean-Luc de la Fontaine",
//! "J. R. Smith Jr.") that no lexicon entry covers. A run names a person when
//!
//! - a title or honorific stands right before it ("President Putin", "envoy Steve Witkoff"),
//! - it starts with a given name and has a second word ("Olga Stefanishyna"),
//! - it has two or more words none of which is a common English word ("Xi Jinping"), outside
//!   headlines and not right after a preposition of place ("near Mai Mahiu" is a town), or
//! - it starts with an East Asian family name ("Wang Yi", "Park Seo-yeon", "Pham Minh Chinh").
//!
//! Common words before a name ("Although Kirill Dmitriev...") are trimmed off; in headlines the
//! run stops at the first common word ("Envoy Witkoff Bridges Dialogue" → "Witkoff"), and a
//! common word right after a title is its verb ("President Visits Garissa"). A given name next
//! to a one-word place or organization makes a name with it ("Michael Bloomberg", "Jordan
//! Peterson"); a particle keeps a town's name inside a name ("Luís Cabral de Sousa"), and a
//! one-word title between a given name and a name word is part of it ("Ibrahim Sultan
//! al-Jabri"). After the whole document has been read once, every capitalised word equal to the
//! surname of a person found is a person too, even where the lexicon saw a town of that name;
//! the surname before a particle counts ("Villanueva" for "Héctor Villanueva de la Cruz"), and
//! so does a surname with its particle glued on ("al-Ameri").

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::names::{fold_name_word, fold_name_word_into, proper_case};
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_capitalized, is_hyphen, is_lowercase_word, may_have_hyphen, TokenKind};
use rustc_hash::FxHashSet as HashSet;

/// Surnames of the people found so far in the document (folded).
#[derive(Debug, Default)]
pub(super) struct KnownNames {
    surnames: HashSet<String>,
}

/// One piece of a name run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    /// A name word.
    Word,
    /// An initial with its period ("J.").
    Initial,
    /// A lower-case particle ("von").
    Particle,
    /// A generational suffix ("Jr.").
    Suffix,
}

#[derive(Debug, Clone, Copy)]
struct Part {
    kind: PartKind,
    first: usize,
    last: usize,
}

/// The folded surname of a name given as its words.
fn surname_of(words: &[&str], lex: &Lexicons) -> Option<String> {
    let first = words.first()?;
    let long = words.len() >= 3 || words.get(1).is_some_and(|w| w.contains(is_hyphen));
    if words.len() >= 2 && lex.is_surname_first(first, long) {
        return Some(fold_name_word(first));
    }
    let last = words.iter().rev().find(|w| !lex.is_name_suffix(w))?;
    let tail = last.rsplit(is_hyphen).next().unwrap_or(last);
    Some(fold_name_word(tail))
}

/// Short lower-case words after a hyphen that make a compound adjective, not a name
/// ("Oslo-born", "Kyiv-led").
const COMPOUND_TAILS: &[&str] = &[
    "led", "run", "era", "backed", "born", "bred", "made", "wide", "like", "free", "held", "paid",
    "only", "hit", "fed", "area", "zone", "side", "land", "bound", "rich", "poor", "long", "old",
    "type", "size", "ward", "wise", "less", "ish", "tied", "owed",
];

/// True when token `t` can be a word of a name.
fn is_name_word(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    let Some(tok) = work.tokens.get(t) else {
        return false;
    };
    if tok.kind != TokenKind::Word || work.blocked[t] || work.owner[t].is_some() {
        return false;
    }
    let w = tok.text(text);
    // The letter case is tested before the word lists: most words are lower case, and the
    // tests have no side effects.
    if !is_capitalized(w) {
        // "el-Sisi", "al-Assad": a particle glued to a capitalised name.
        if !may_have_hyphen(w) {
            return false;
        }
        let mut parts = w.split(is_hyphen);
        let head = parts.next().unwrap_or("");
        if !(parts.next().is_some_and(is_capitalized) && lex.is_particle(head)) {
            return false;
        }
    }
    if lex.is_not_name(w) || is_function_word(w) || w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let mut parts = w.split(is_hyphen);
    let head = parts.next().unwrap_or("");
    // "Trump‑chaired" is a compound adjective, not a name; "Jean-Luc", "al-Assad" and the Korean
    // "Jong-un", "Seo-yeon" (short syllables) are names.
    let syllables = head.chars().count() <= 5 && {
        let tails: Vec<&str> = parts.clone().collect();
        tails.len() == 1 && {
            let tail = tails[0];
            let n = tail.chars().count();
            !COMPOUND_TAILS.contains(&tail) && (n <= 3 || n <= 5 && !lex.is_common_word(tail))
        }
    };
    syllables || parts.all(|part| !is_lowercase_word(part))
}

/// True when nothing but spaces (no line break) separates tokens `a` and `b`.
fn adjacent(text: &str, work: &SentenceWork, a: usize, b: usize) -> bool {
    match (work.tokens.get(a), work.tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.span.end..y.span.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
        _ => false,
    }
}

/// True when tokens `t`, `t + 1` are an initial and its period ("J."). "A." and "I." are
/// initials too, though "a" and "I" are words of their own: a lone capital glued to its period
/// is no article or pronoun ("Henry A. Tolliver").
fn is_initial(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    let w = work.word(text, t);
    let lone_capital = matches!(w, "A" | "I") && work.is_free_word(t);
    (is_name_word(text, work, t, lex) || lone_capital)
        && w.chars().count() == 1
        && work.word(text, t + 1) == "."
        && work.tokens[t].span.end == work.tokens[t + 1].span.start
}

/// True when token `t` is a free word of dotted initials ("J.D.", "J.R."): two or three capitals,
/// each with its period, that no lexicon entry covers (so not "U.S.").
fn is_dotted_initials(text: &str, work: &SentenceWork, t: usize) -> bool {
    let w = work.word(text, t);
    let n = w.chars().count();
    work.is_free_word(t)
        && (n == 4 || n == 6)
        && w.chars().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_ascii_uppercase()
            } else {
                c == '.'
            }
        })
}

/// True when token `k` is a particle ("von") that one or more particles and a name word follow.
fn is_particle_before_name(text: &str, work: &SentenceWork, k: usize, lex: &Lexicons) -> bool {
    let mut j = k;
    while work.is_word(j) && work.owner[j].is_none() && lex.is_particle(work.word(text, j)) {
        if !adjacent(text, work, j, j + 1) {
            return false;
        }
        j += 1;
    }
    j > k && (is_name_word(text, work, j, lex) || is_entry_word(text, work, j))
}

/// True when token `t` is a one-word place or organization of the lexicon, capitalised: after a
/// particle it is a surname ("Luís Cabral de Sousa", where "Sousa" is also a town).
fn is_entry_word(text: &str, work: &SentenceWork, t: usize) -> bool {
    work.owner_of(t).is_some_and(|c| {
        c.first == t
            && c.last == t
            && matches!(c.kind, MentionKind::Place | MentionKind::Organization)
    }) && is_capitalized(work.word(text, t))
}

/// The run of name pieces starting at token `t` (a name word or an initial).
fn name_run(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> Vec<Part> {
    let mut parts: Vec<Part> = Vec::new();
    let mut k = t;
    loop {
        if let Some(prev) = parts.last() {
            if !adjacent(text, work, prev.last, k) {
                break;
            }
        }
        if is_initial(text, work, k, lex) {
            parts.push(Part {
                kind: PartKind::Initial,
                first: k,
                last: k + 1,
            });
            k += 2;
        } else if is_dotted_initials(text, work, k) && is_name_word(text, work, k + 1, lex) {
            parts.push(Part {
                kind: PartKind::Initial,
                first: k,
                last: k,
            });
            k += 1;
        } else if (parts.is_empty() || !lex.is_name_suffix(work.word(text, k)))
            && is_name_word(text, work, k, lex)
            || parts
                .last()
                .is_some_and(|p| matches!(p.kind, PartKind::Particle | PartKind::Initial))
                && is_entry_word(text, work, k)
        {
            parts.push(Part {
                kind: PartKind::Word,
                first: k,
                last: k,
            });
            k += 1;
        } else if !parts.is_empty() && is_particle_before_name(text, work, k, lex) {
            parts.push(Part {
                kind: PartKind::Particle,
                first: k,
                last: k,
            });
            k += 1;
        } else if !parts.is_empty()
            && work.is_word(k)
            && work.owner[k].is_none()
            && lex.is_name_suffix(work.word(text, k))
        {
            let last = if work.word(text, k + 1) == "."
                && work.tokens[k].span.end == work.tokens[k + 1].span.start
            {
                k + 1
            } else {
                k
            };
            parts.push(Part {
                kind: PartKind::Suffix,
                first: k,
                last,
            });
            break;
        } else {
            break;
        }
    }
    parts
}

/// The live title candidate that ends right before token `t`, if any.
fn title_before(text: &str, work: &SentenceWork, t: usize) -> Option<usize> {
    let prev = t.checked_sub(1)?;
    let c = work.owner[prev]?;
    let cand = &work.candidates[c];
    (cand.kind == MentionKind::Role && cand.last == prev && adjacent(text, work, prev, t))
        .then_some(c)
}

/// Finds the people of one sentence by the rules in the module documentation, and records their
/// surnames in `known`.
pub(super) fn find_people(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    known: &mut KnownNames,
) {
    release_titles_inside_names(text, work, lex);
    release_places_after_titles(text, work);
    let mut t = 0;
    while t < work.tokens.len() {
        if !(is_name_word(text, work, t, lex) || is_dotted_initials(text, work, t)) {
            t += 1;
            continue;
        }
        let parts = name_run(text, work, t, lex);
        let next = parts.last().map_or(t + 1, |p| p.last + 1);
        // "spokesman Richard Kennedy": a given name and a one-word town of the lexicon make a
        // name before the title alone makes one of the given name.
        let beside = (parts.len() == 1)
            .then(|| given_name_beside_entry(text, work, &parts, lex))
            .flatten()
            .filter(|&(first, _)| first == t);
        if let Some((first, last)) = beside {
            let words: Vec<&str> = (first..=last).map(|w| work.word(text, w)).collect();
            if let Some(surname) = surname_of(&words, lex) {
                known.surnames.insert(surname);
            }
            work.add(MentionKind::Person, first, last, None);
        } else if let Some((first, last, mut words)) = judge_run(text, work, &parts, lex) {
            // "Thomas Alva Edison": a one-word town of the lexicon ends a name that starts with
            // a given name.
            let last = match town_ending_name(text, work, first, last, lex) {
                Some(town) => {
                    words.push(town);
                    town
                }
                None => last,
            };
            // "Héctor Villanueva de la Cruz" is "Villanueva" too: a word before a particle,
            // after the given name, is a surname.
            for pair in words.windows(2).skip(1) {
                if pair[1] > pair[0] + 1 {
                    known
                        .surnames
                        .insert(fold_name_word(work.word(text, pair[0])));
                }
            }
            let words: Vec<&str> = words.iter().map(|&w| work.word(text, w)).collect();
            if let Some(surname) = surname_of(&words, lex) {
                known.surnames.insert(surname);
            }
            work.add(MentionKind::Person, first, last, None);
        } else if let Some((first, last)) = given_name_beside_entry(text, work, &parts, lex) {
            let words: Vec<&str> = (first..=last).map(|w| work.word(text, w)).collect();
            if let Some(surname) = surname_of(&words, lex) {
                known.surnames.insert(surname);
            }
            work.add(MentionKind::Person, first, last, None);
        }
        t = next;
    }
    lowercase_after_title(text, work, lex, known);
}

/// "Ibrahim Sultan al-Jabri": a one-word title between a given name and a name word is a word
/// of the name, not a title.
fn release_titles_inside_names(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut released = false;
    for c in 0..work.candidates.len() {
        let cand = &work.candidates[c];
        if !cand.alive || cand.kind != MentionKind::Role || cand.first != cand.last {
            continue;
        }
        let t = cand.first;
        let Some(prev) = t.checked_sub(1) else {
            continue;
        };
        if is_capitalized(work.word(text, t))
            && is_name_word(text, work, prev, lex)
            && lex.is_given_name(work.word(text, prev))
            && adjacent(text, work, prev, t)
            && adjacent(text, work, t, t + 1)
            && is_name_word(text, work, t + 1, lex)
        {
            work.candidates[c].alive = false;
            released = true;
        }
    }
    if released {
        work.refresh_owner();
    }
}

/// "President Lincoln", "Mrs. Burlington": a one-word town of the lexicon right after a
/// capitalised title or an honorific is a name, not the town.
fn release_places_after_titles(text: &str, work: &mut SentenceWork) {
    let mut released = false;
    for c in 0..work.candidates.len() {
        let cand = &work.candidates[c];
        if !cand.alive
            || cand.kind != MentionKind::Place
            || cand.first != cand.last
            || !matches!(
                cand.place_class,
                Some(PlaceClass::City | PlaceClass::AdministrativeArea)
            )
        {
            continue;
        }
        let t = cand.first;
        let titled = title_before(text, work, t).is_some_and(|title| {
            let title = &work.candidates[title];
            title.span.of(text).starts_with(char::is_uppercase)
        });
        // "Mayor Lincoln Street"? A capitalised word after it makes a longer name.
        let goes_on = work.is_word(t + 1)
            && is_capitalized(work.word(text, t + 1))
            && adjacent(text, work, t, t + 1);
        if titled && !goes_on && is_capitalized(work.word(text, t)) {
            work.candidates[c].alive = false;
            released = true;
        }
    }
    if released {
        work.refresh_owner();
    }
}

/// Decides whether a run names a person: the tokens it covers and its word tokens, if so.
fn judge_run(
    text: &str,
    work: &SentenceWork,
    parts: &[Part],
    lex: &Lexicons,
) -> Option<(usize, usize, Vec<usize>)> {
    let first_part = parts.first()?;
    let titled = title_before(text, work, first_part.first).is_some();
    let mut parts: Vec<Part> = parts.to_vec();
    let word = |p: &Part| work.word(text, p.first);
    // "President Visits Garissa": in a headline, a common word after a title is its verb.
    if titled
        && work.headline
        && first_part.kind == PartKind::Word
        && lex.is_common_word(word(first_part))
        && !lex.is_given_name(word(first_part))
    {
        return None;
    }
    if !titled {
        // Trim common words before the name ("Although", "Speaking").
        // "Park Ji-hoon": a family name that comes first is no common word there.
        let long = parts.len() >= 3
            || parts
                .get(1)
                .is_some_and(|p| work.word(text, p.first).contains(is_hyphen));
        while parts.first().is_some_and(|p| {
            p.kind == PartKind::Word
                && lex.is_common_word(word(p))
                && !lex.is_given_name(word(p))
                && !(parts.len() >= 2 && lex.is_surname_first(word(p), long))
        }) {
            parts.remove(0);
        }
    }
    if work.headline {
        // In a headline the name stops at the first common word after its first word.
        if let Some(cut) = parts.iter().enumerate().skip(1).find(|(_, p)| {
            p.kind == PartKind::Word && lex.is_common_word(word(p)) && !lex.is_given_name(word(p))
        }) {
            let cut = cut.0;
            parts.truncate(cut);
        }
    }
    while parts.last().is_some_and(|p| p.kind == PartKind::Particle) {
        parts.pop();
    }
    let words: Vec<&Part> = parts.iter().filter(|p| p.kind == PartKind::Word).collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let w: Vec<&str> = words.iter().map(|p| word(p)).collect();
    // "Crawford Holdings", "Stanley International": a name that ends in an organization's
    // head or legal form is no person's.
    if w.last()
        .is_some_and(|x| lex.is_organization_head(x) || lex.is_organization_suffix(x))
    {
        return None;
    }
    // "Morgan City", "Lorraine Motel", "Nelson Street": nor one that ends in the head of a
    // place or a building.
    if w.last()
        .is_some_and(|x| super::place_names::is_site_head(x.trim_end_matches('.')))
    {
        return None;
    }
    let still_titled = titled && parts.first().map(|p| p.first) == Some(first_part.first);
    // A given name and more: "Olga Stefanishyna"; a longer run must not end in a common word
    // ("Dow Jones Industrial Average").
    let given = w.len() >= 2
        && lex.is_given_name(w[0])
        && (!lex.is_common_word(w[0]) || !lex.is_common_word(w[1]))
        && (w.len() == 2 || !lex.is_common_word(w[w.len() - 1]));
    // "near Mai Mahiu": two uncommon words after a preposition of place name a place, not a
    // person (see `super::place_names`).
    let after_place_word = parts.first().is_some_and(|p| {
        p.first > 0
            && super::place_names::is_place_preposition(work.word(text, p.first - 1))
            && adjacent(text, work, p.first - 1, p.first)
    });
    let uncommon = !work.headline
        && !after_place_word
        && w.len() >= 2
        && w.iter().all(|x| !lex.is_common_word(x));
    let long = w.len() >= 3 || w.get(1).is_some_and(|x| x.contains(is_hyphen));
    let surname_first = w.len() >= 2 && lex.is_surname_first(w[0], long);
    // "Jack Ruby", "Martin Van Buren": a given name and a frequent family name, outside
    // headlines, even where both are English words.
    let given_and_surname = !work.headline
        && w.len() >= 2
        && w.len() <= 3
        && lex.is_given_name(w[0])
        && lex.is_surname(w[w.len() - 1])
        && !w.iter().any(|x| lex.is_not_name(x));
    // "Grant B. Cooper", "J. Okafor", "J.D. Tippit": an initial with a given name before it,
    // or initials before a word that is no common English word.
    let has_initial = parts.iter().any(|p| p.kind == PartKind::Initial);
    let initialled = has_initial
        && !w
            .iter()
            .any(|x| lex.is_organization_head(x) || lex.is_organization_suffix(x))
        && (w.len() >= 2 && lex.is_given_name(w[0])
            || parts.first().is_some_and(|p| p.kind == PartKind::Initial)
                && w.len() <= 2
                && !lex.is_common_word(w[w.len() - 1]));
    if !(still_titled || given || uncommon || surname_first || initialled || given_and_surname) {
        return None;
    }
    let first = parts.first()?.first;
    let last = parts.last()?.last;
    Some((first, last, words.iter().map(|p| p.first).collect()))
}

/// The one-word town right after the name `first..=last` when it ends that name: the name
/// starts with a given name and has a second word or a title before it ("Judge Anna Tacoma"),
/// and no capitalised word follows the town
/// ("Thomas Alva Edison"; not "Jon Ray Tacoma Boulevard"). Not in headlines.
fn town_ending_name(
    text: &str,
    work: &SentenceWork,
    first: usize,
    last: usize,
    lex: &Lexicons,
) -> Option<usize> {
    let town = last + 1;
    let c = work.owner_of(town)?;
    let fits = !work.headline
        && (last > first || title_before(text, work, first).is_some())
        && c.kind == MentionKind::Place
        && c.first == town
        && c.last == town
        && c.place_class == Some(PlaceClass::City)
        && is_capitalized(work.word(text, town))
        && adjacent(text, work, last, town)
        && lex.is_given_name(work.word(text, first))
        && !(work.is_word(town + 1)
            && is_capitalized(work.word(text, town + 1))
            && adjacent(text, work, town, town + 1));
    fits.then_some(town)
}

/// "Michael Bloomberg", "Charlotte Lindqvist": a given name next to a one-word town or
/// organization of the lexicon makes a name with it.
fn given_name_beside_entry(
    text: &str,
    work: &mut SentenceWork,
    parts: &[Part],
    lex: &Lexicons,
) -> Option<(usize, usize)> {
    let (first, last) = given_name_beside_entry_at(text, work, parts, lex)?;
    // "Paris Air Show", "Everett Factory": a place or a building, not a name.
    let end = work.word(text, last);
    (!super::place_names::is_site_head(end.trim_end_matches('.')) && !lex.is_organization_head(end))
        .then_some((first, last))
}

/// [`given_name_beside_entry`] before the test of its last word.
fn given_name_beside_entry_at(
    text: &str,
    work: &mut SentenceWork,
    parts: &[Part],
    lex: &Lexicons,
) -> Option<(usize, usize)> {
    let one_word_entry = |work: &SentenceWork, t: usize| -> bool {
        work.owner_of(t).is_some_and(|c| {
            c.first == t
                && c.last == t
                && (c.kind == MentionKind::Organization
                    || c.kind == MentionKind::Place && c.place_class == Some(PlaceClass::City))
        }) && is_capitalized(work.word(text, t))
    };
    let first = parts.first()?;
    // Given name, then the entry: "Michael Bloomberg".
    if parts.len() == 1 && first.kind == PartKind::Word {
        let given = work.word(text, first.first);
        let next = first.last + 1;
        if lex.is_given_name(given)
            && !lex.is_common_word(given)
            && one_word_entry(work, next)
            && adjacent(text, work, first.last, next)
        {
            return Some((first.first, next));
        }
    }
    // The entry is the given name: "Charlotte Lindqvist", "Senator Elizabeth Warren".
    let prev = first.first.checked_sub(1)?;
    let words = parts.iter().filter(|p| p.kind == PartKind::Word).count();
    if first.kind == PartKind::Word
        && words <= 2
        && (one_word_entry(work, prev)
            || country_given_name(text, work, prev)
                && !lex.is_common_word(work.word(text, first.first)))
        && lex.is_given_name(work.word(text, prev))
        && adjacent(text, work, prev, first.first)
    {
        return Some((prev, parts.last()?.last));
    }
    None
}

/// True when token `t` is a one-word country or region that is also a given name, as in
/// "Jordan Peterson" or "Israel Katz" (the caller checks the given name and the surname).
fn country_given_name(text: &str, work: &SentenceWork, t: usize) -> bool {
    work.owner_of(t).is_some_and(|c| {
        c.first == t
            && c.last == t
            && c.kind == MentionKind::Place
            && matches!(
                c.place_class,
                Some(PlaceClass::Country | PlaceClass::State | PlaceClass::AdministrativeArea)
            )
    }) && is_capitalized(work.word(text, t))
}

/// "President biden": a lower-case word after a capitalised title, when it is no English word.
fn lowercase_after_title(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    known: &mut KnownNames,
) {
    let mut found = Vec::new();
    for cand in work
        .candidates
        .iter()
        .filter(|c| c.alive && c.kind == MentionKind::Role)
    {
        let t = cand.last + 1;
        let Some(tok) = work.tokens.get(t) else {
            continue;
        };
        let title = cand.span.of(text);
        let w = tok.text(text);
        if tok.kind == TokenKind::Word
            && work.owner[t].is_none()
            && !work.blocked[t]
            && title.chars().next().is_some_and(char::is_uppercase)
            && is_lowercase_word(w)
            && w.chars().count() >= 3
            && w.chars().all(char::is_alphabetic)
            && !lex.is_common_word(w)
            && !is_function_word(w)
            && !lex.is_not_name(w)
            && adjacent(text, work, cand.last, t)
        {
            found.push(t);
        }
    }
    for t in found {
        known.surnames.insert(fold_name_word(work.word(text, t)));
        work.add(MentionKind::Person, t, t, None);
    }
}

/// Second pass: every capitalised word equal to a known surname is a person ("Witkoff said"),
/// also where the lexicon saw a town or an organization of that name.
pub(super) fn find_known_surnames(
    text: &str,
    work: &mut SentenceWork,
    lex: &Lexicons,
    known: &KnownNames,
) {
    if known.surnames.is_empty() {
        return;
    }
    let mut found = Vec::new();
    // One buffer for the folded words (a surname test per capitalised word).
    let mut folded = String::new();
    for (t, tok) in work.tokens.iter().enumerate() {
        if tok.kind != TokenKind::Word || work.blocked[t] {
            continue;
        }
        let w = tok.text(text);
        let capitalized = is_capitalized(w);
        // "al-Ameri" after "Faisal al-Ameri": a particle glued to the surname.
        let glued = !capitalized
            && may_have_hyphen(w)
            && w.split_once(is_hyphen)
                .is_some_and(|(head, tail)| lex.is_particle(head) && is_capitalized(tail));
        if !(capitalized || glued)
            || lex.is_not_name(w)
            || is_function_word(w)
            || lex.is_organization_head(w)
            || lex.is_organization_suffix(w)
        {
            continue;
        }
        let tail = w.rsplit(is_hyphen).next().unwrap_or(w);
        let mut known_as = |word: &str| {
            fold_name_word_into(word, &mut folded);
            known.surnames.contains(folded.as_str())
        };
        if !(known_as(w) || tail.len() < w.len() && known_as(tail)) {
            continue;
        }
        let free = match work.owner_of(t) {
            None => true,
            Some(c) => {
                c.first == t
                    && c.last == t
                    && (c.kind == MentionKind::Organization
                        || c.kind == MentionKind::Place
                            && matches!(
                                c.place_class,
                                Some(PlaceClass::City | PlaceClass::AdministrativeArea)
                            ))
            }
        };
        if free {
            found.push(t);
        }
    }
    for t in found {
        work.add(MentionKind::Person, t, t, None);
    }
}

/// "the Trump administration": a surname before "administration" names an organization.
pub(super) fn find_administrations(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut found = Vec::new();
    for t in 0..work.tokens.len().saturating_sub(1) {
        if work.word(text, t + 1) != "administration"
            || !adjacent(text, work, t, t + 1)
            || work.blocked[t]
        {
            continue;
        }
        let w = work.word(text, t);
        let person = work
            .owner_of(t)
            .is_some_and(|c| c.kind == MentionKind::Person && c.first == t && c.last == t);
        let bare = work.owner[t].is_none()
            && work.is_word(t)
            && is_capitalized(w)
            && !lex.is_common_word(w)
            && !lex.is_not_name(w)
            && !is_function_word(w);
        if person || bare {
            found.push(t);
        }
    }
    for t in found {
        let value = format!("{} administration", proper_case(work.word(text, t)));
        work.add(MentionKind::Organization, t, t + 1, Some(value));
    }
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
    fn the_initials_a_and_i_stay_inside_a_name() {
        assert_eq!(
            people("The ruling was read by Henry A. Tolliver and Ruth I. Quarles on Monday."),
            ["Henry A. Tolliver", "Ruth I. Quarles"]
        );
        assert!(people("He wrote a letter. A reply came.").is_empty());
    }

    #[test]
    fn title_before_a_name() {
        assert_eq!(
            people("Talks were led by Chancellor Merz and Senator Graham."),
            ["Merz", "Graham"]
        );
        assert_eq!(people("She met President lula at noon."), ["lula"]);
        assert!(people("She met the president at noon.").is_empty());
        // Occupations of the arts and letters stand before names too.
        assert_eq!(
            people("The hall was built for composer Rook Alder in 1901."),
            ["Rook Alder"]
        );
        assert!(people("The composer of the new opera was absent.").is_empty());
    }

    #[test]
    fn given_names_and_uncommon_pairs() {
        assert_eq!(
            people("Yesterday Olena Kovalenko arrived."),
            ["Olena Kovalenko"]
        );
        assert_eq!(
            people("Talks with Ngozi Okonjo-Iweala continued."),
            ["Ngozi Okonjo-Iweala"]
        );
        assert_eq!(
            people("Observers expect Rutte Kaczmarczyk to speak."),
            ["Rutte Kaczmarczyk"]
        );
        assert_eq!(people("A call with Wang Yi ended."), ["Wang Yi"]);
        assert_eq!(
            people("Ursula von der Leyen spoke."),
            ["Ursula von der Leyen"]
        );
        assert_eq!(
            people("President Abdel Karim el-Masri spoke."),
            ["Abdel Karim el-Masri"]
        );
        assert!(people("The Dow Jones Industrial Average fell.").is_empty());
        assert_eq!(
            people("Although Kirill Volkov agreed, nothing changed."),
            ["Kirill Volkov"]
        );
    }

    #[test]
    fn no_people_in_headlines_or_common_words() {
        assert!(people("Limited Details Released by Officials").is_empty());
        assert!(people("New Working Group to Bolster Coastal Defense").is_empty());
        assert!(people("Frozen Assets and Future Funding").is_empty());
        assert!(people("Why It Matters").is_empty());
        assert_eq!(
            people("Envoy Brandt Bridges Gaps Between Allies"),
            ["Brandt"]
        );
    }

    #[test]
    fn known_surnames_later_in_the_document() {
        assert_eq!(
            people("Mikhail Orlov arrived. Later Orlov left, and Orlov’s aide stayed."),
            ["Mikhail Orlov", "Orlov", "Orlov"]
        );
        assert_eq!(
            people("Hrytsenkyy spoke. President Taras Hrytsenky left."),
            ["Hrytsenkyy", "Taras Hrytsenky"]
        );
    }

    #[test]
    fn a_town_ends_a_longer_name() {
        assert_eq!(
            people("The inventor Marcus Alva Tacoma was born there."),
            ["Marcus Alva Tacoma"]
        );
        assert_eq!(
            people("Presiding Judge Marcus Tacoma ruled."),
            ["Marcus Tacoma"]
        );
        // A capitalised word after the town makes a longer name of something else.
        assert!(!people("Marcus Alva Tacoma Boulevard is closed.")
            .contains(&"Marcus Alva Tacoma".to_string()));
    }

    #[test]
    fn given_name_next_to_a_lexicon_word() {
        assert_eq!(
            people("Michael Bloomberg spoke in Houston."),
            ["Michael Bloomberg"]
        );
        assert!(people("Will Moscow agree?").is_empty());
        assert_eq!(people("Sen. Charlotte Warren spoke."), ["Charlotte Warren"]);
    }

    #[test]
    fn surname_before_administration_is_an_organization() {
        let text = "The Obama administration disagreed. The administration said so.";
        let found = find_mentions(text, &split_sentences(text), Lexicons::get());
        let orgs: Vec<(&str, Option<&str>)> = found
            .iter()
            .filter(|m| m.kind == MentionKind::Organization)
            .map(|m| (m.text.as_str(), m.value.as_deref()))
            .collect();
        assert_eq!(
            orgs,
            [("Obama administration", Some("Obama administration"))]
        );
        assert!(people(text).is_empty());
    }

    #[test]
    fn compounds_are_not_names() {
        assert!(people("a Merz\u{2011}chaired committee").is_empty());
    }

    #[test]
    fn a_particle_keeps_a_town_name_inside_the_name() {
        // "Sousa" is also a town of the lexicon.
        assert_eq!(
            people("Marta Rocha de Sousa spoke."),
            ["Marta Rocha de Sousa"]
        );
        assert!(people("They drove to Sousa.").is_empty());
    }

    #[test]
    fn a_title_between_a_given_name_and_a_name_word_is_part_of_the_name() {
        assert_eq!(
            people("Omar Sultan al-Hakim arrived."),
            ["Omar Sultan al-Hakim"]
        );
        assert_eq!(people("The Sultan Qaboos spoke."), ["Qaboos"]);
    }

    #[test]
    fn a_common_word_after_a_title_in_a_headline_is_no_name() {
        assert!(people("President Tours Flooded Towns").is_empty());
        assert_eq!(people("President Ndlovu Tours Flooded Towns"), ["Ndlovu"]);
    }

    #[test]
    fn east_asian_family_names_first() {
        assert_eq!(
            people("Talks with Park Min-jae and Lai Chun-hsien ended."),
            ["Park Min-jae", "Lai Chun-hsien"]
        );
        assert_eq!(people("Zhou Wenbo arrived."), ["Zhou Wenbo"]);
        assert!(people("A Kyiv-made drone and an Orlov-era law.").is_empty());
    }

    #[test]
    fn known_surnames_with_particles() {
        assert_eq!(
            people("Tariq Nabil al-Hashimi spoke. Later al-Hashimi left."),
            ["Tariq Nabil al-Hashimi", "al-Hashimi"]
        );
        assert_eq!(
            people("Pablo Ortega de la Vega spoke. Later Ortega left."),
            ["Pablo Ortega de la Vega", "Ortega"]
        );
    }

    #[test]
    fn a_place_or_building_head_ends_no_name() {
        assert!(people("They stayed at the Ellery Motel last week.").is_empty());
        assert!(people("A ferry sank near Dorrance City on Monday.").is_empty());
        assert!(people("Crowds filled Kestrel Street again.").is_empty());
        // The same words without the head are a name.
        assert_eq!(
            people("Ellery Whitcombe stayed there."),
            ["Ellery Whitcombe"]
        );
    }

    #[test]
    fn a_country_that_is_a_given_name_starts_a_name() {
        assert_eq!(people("Jordan Whitcombe spoke."), ["Jordan Whitcombe"]);
        assert!(people("Jordan Valley farmers spoke.").is_empty());
    }
}
