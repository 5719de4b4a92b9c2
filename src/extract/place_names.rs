//! Places that no lexicon lists, for [`super::find_mentions`]: small towns, dams, districts and
//! rivers are too many to list, but the text says what they are.
//!
//! - **Head words**: capitalised words before a place head ("Masinga Dam", "Tana River County",
//!   "Hudson River") or a lower-case administrative head after an unknown capitalised word
//!   ("Karnali province", "Jhapa district") make a place. At least one word must be no common
//!   English word ("Red River" is left out, as a name that could be anything).
//! - **US states in AP style** after a town and a comma ("Benton, Tenn.", "HUNTINGTON, Ind.",
//!   "Staunton, Va"): the abbreviation is the state and the capitalised words before the comma
//!   are a town.
//! - **Prepositions of place**: one or two unknown capitalised words after "in", "near",
//!   "outside" or "around" ("a school in Bura", "near Mai Mahiu"), or before a comma and a country
//!   ("Luque, Paraguay"), are a place when they are no English word, no given name and no one's
//!   name in the document. After words of business or publishing ("a stake in", "writing in")
//!   they are not read.
//! - **Home towns**: "Dana Roe, 30, of Millbrook Falls," (a person, an age, "of" and at most
//!   three capitalised words before a comma).

use super::lexicon::{Lexicons, PlaceClass};
use super::model::MentionKind;
use super::names::clean_label;
use super::sentence_work::{is_function_word, SentenceWork};
use super::tokens::{is_all_caps, is_capitalized, is_hyphen, TokenKind};
use crate::text::Span;

/// Capitalised heads that end a place name (see also [`LAST_HEADS`]).
const HEADS: &[&str] = &[
    "River",
    "Dam",
    "County",
    "Valley",
    "Province",
    "District",
    "Governorate",
    "Oblast",
    "Prefecture",
    "Lake",
    "Island",
    "Islands",
    "Mountains",
    "Mountain",
    "Desert",
    "Basin",
    "Delta",
    "Peninsula",
    "Reservoir",
    "Canal",
    "Strait",
    "Bay",
    "Plateau",
    "Highlands",
    "Forest",
    "Falls",
];

/// Capitalised heads that end a place name only when they end the name ("Coast Guard" is no
/// coast, "City Council" no city).
const LAST_HEADS: &[&str] = &[
    "Sea",
    "Coast",
    "Township",
    "Parish",
    "Beach",
    "Pass",
    "Springs",
    "Heights",
    "Street",
    "Avenue",
    "Boulevard",
    "Square",
    "Airport",
    "City",
];

/// Heads of places and buildings that end no person's name: the place heads that are rarely a
/// family name ("Morgan City", "Nelson Street") and buildings ("Lorraine Motel", "Everett
/// Factory"). Family names such as "Hall", "Banks" or "Temple" are left out.
const SITE_HEADS: &[&str] = &[
    "City",
    "Township",
    "Parish",
    "County",
    "Counties",
    "Beach",
    "Pass",
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Boulevard",
    "Blvd",
    "Road",
    "Square",
    "Plaza",
    "Airport",
    "Airfield",
    "Hotel",
    "Motel",
    "Farm",
    "Ranch",
    "Shipyard",
    "Depository",
    "Factory",
    "Stadium",
    "Arena",
    "Prison",
    "Penitentiary",
    "Cemetery",
    "Mall",
    "Highway",
    "Freeway",
    "Yards",
    "Show",
    "Island",
    "Islands",
    "River",
    "Lake",
    "Valley",
    "Dam",
    "Mountains",
    "Sea",
    "Coast",
    "Springs",
    "Heights",
];

/// True for a head of a place or a building that ends no person's name ([`SITE_HEADS`]).
pub(super) fn is_site_head(word: &str) -> bool {
    SITE_HEADS.contains(&word)
}

/// Lower-case administrative heads after an unknown capitalised word ("Karnali province").
const LOWER_HEADS: &[&str] = &[
    "province",
    "district",
    "county",
    "region",
    "governorate",
    "oblast",
    "prefecture",
    "valley",
    "river",
];

/// Prepositions after which an unknown capitalised name is a place.
const PREPOSITIONS: &[&str] = &["in", "near", "outside", "around"];

/// Words before "in" after which what follows is a company, a publication or a field, not a
/// place ("a stake in", "writing in").
const NOT_PLACE_BEFORE: &[&str] = &[
    "stake",
    "stakes",
    "share",
    "shares",
    "invest",
    "invested",
    "investing",
    "investment",
    "investments",
    "interest",
    "interested",
    "role",
    "career",
    "job",
    "jobs",
    "position",
    "involved",
    "participate",
    "participated",
    "writing",
    "wrote",
    "written",
    "published",
    "interview",
    "op-ed",
    "column",
    "article",
    "quoted",
    "appeared",
    "listed",
    "trading",
    "traded",
    "deal",
    "partner",
    "member",
    "believe",
    "believed",
    "faith",
    "trust",
    "confidence",
    "expert",
    "degree",
    "fluent",
    "spoke",
    "speaking",
    "said",
    "say",
    "says",
];

/// Words that may follow a place name and end its noun phrase ("in Bura last week").
const CLAUSE_WORDS: &[&str] = &[
    "last", "next", "this", "early", "late", "earlier", "later", "where", "when", "which", "who",
    "said", "says", "told", "on", "since", "until", "county", "town", "village", "city",
];

/// True for a preposition after which an unknown capitalised name is read as a place.
pub(super) fn is_place_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word)
}

/// True when only spaces (no line break) separate tokens `a` and `b`.
fn adjacent(text: &str, work: &SentenceWork, a: usize, b: usize) -> bool {
    match (work.tokens.get(a), work.tokens.get(b)) {
        (Some(x), Some(y)) => text
            .get(x.span.end..y.span.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
        _ => false,
    }
}

/// True when token `t` is a capitalised word no candidate covers, outside a URL, that is no
/// function word, no month or weekday and no compound adjective ("Kyiv-based").
fn free_capitalised(text: &str, work: &SentenceWork, t: usize, lex: &Lexicons) -> bool {
    if !work.is_word(t) || work.owner.get(t).is_some_and(Option::is_some) || work.blocked[t] {
        return false;
    }
    let w = work.word(text, t);
    // "ChatGPT", "PayPal": inner capitals make a brand, not a place.
    is_capitalized(w)
        && w.split(is_hyphen)
            .all(|part| part.chars().skip(1).all(|c| !c.is_uppercase()))
        && w.chars().count() >= 3
        && w.chars().all(|c| c.is_alphabetic() || is_hyphen(c))
        && !w.split(is_hyphen).skip(1).any(|p| !is_capitalized(p))
        && !is_function_word(w)
        && !lex.is_not_name(w)
}

/// Adds a place candidate over tokens `first..=last`, of `class`.
fn add_place(text: &str, work: &mut SentenceWork, first: usize, last: usize, class: PlaceClass) {
    let span = Span::new(work.tokens[first].span.start, work.tokens[last].span.end);
    let value = clean_label(span.of(text));
    work.add(MentionKind::Place, first, last, Some(value));
    if let Some(cand) = work.candidates.last_mut() {
        cand.place_class = Some(class);
    }
}

/// Finds places named with a head word in one sentence (before people are looked for).
pub(super) fn find_place_heads(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut found: Vec<(usize, usize, PlaceClass)> = Vec::new();
    let mut t = 1;
    while t < work.tokens.len() {
        let head = work.word(text, t);
        // The heads of streets, coasts and towns start longer names too ("Coast Guard", "City
        // Council"): there the head must end the name.
        let ends_name = || {
            !(work.is_word(t + 1)
                && is_capitalized(work.word(text, t + 1))
                && adjacent(text, work, t, t + 1))
        };
        let upper = head.starts_with(|c: char| c.is_ascii_uppercase())
            && work.owner[t].is_none()
            && (HEADS.contains(&head) || (LAST_HEADS.contains(&head) && ends_name()));
        let lower = !upper
            && head.starts_with(|c: char| c.is_ascii_lowercase())
            && LOWER_HEADS.contains(&head)
            && work.owner[t].is_none();
        if !(upper || lower) || !adjacent(text, work, t - 1, t) {
            t += 1;
            continue;
        }
        // The words before the head: free capitalised words or a place (for an upper-case
        // head), at most three; for a lower-case head, one or two free words only.
        let mut first = t;
        let mut says_which = false;
        while first > 0 && t - first < 3 && adjacent(text, work, first - 1, first) {
            let k = first - 1;
            if free_capitalised(text, work, k, lex) {
                says_which |= !lex.is_common_word(work.word(text, k));
                first = k;
            } else if upper
                && head != "City"
                && work
                    .owner_of(k)
                    .is_some_and(|c| c.kind == MentionKind::Place)
            {
                let c = work.owner_of(k).map_or(k, |c| c.first);
                says_which = true;
                first = c;
                break;
            } else {
                break;
            }
        }
        if first < t && says_which {
            let class = match head.to_lowercase().as_str() {
                "river" | "lake" | "reservoir" | "canal" | "strait" | "bay" | "delta" | "falls"
                | "sea" => PlaceClass::BodyOfWater,
                "county" | "province" | "district" | "governorate" | "oblast" | "prefecture"
                | "township" | "parish" => PlaceClass::AdministrativeArea,
                "city" => PlaceClass::City,
                _ => PlaceClass::Region,
            };
            found.push((first, t, class));
        }
        t += 1;
    }
    // "Lake Victoria": the head first.
    for t in 0..work.tokens.len().saturating_sub(1) {
        if work.word(text, t) == "Lake"
            && work.owner[t].is_none()
            && adjacent(text, work, t, t + 1)
            && free_capitalised(text, work, t + 1, lex)
            && !lex.is_common_word(work.word(text, t + 1))
        {
            found.push((t, t + 1, PlaceClass::BodyOfWater));
        }
    }
    for (first, last, class) in found {
        add_place(text, work, first, last, class);
    }
}

/// The US states' abbreviations of the AP stylebook, without their periods, and the states.
const AP_STATES: &[(&str, &str)] = &[
    ("Ala", "Alabama"),
    ("Ariz", "Arizona"),
    ("Ark", "Arkansas"),
    ("Calif", "California"),
    ("Colo", "Colorado"),
    ("Conn", "Connecticut"),
    ("Del", "Delaware"),
    ("Fla", "Florida"),
    ("Ga", "Georgia"),
    ("Ill", "Illinois"),
    ("Ind", "Indiana"),
    ("Kan", "Kansas"),
    ("Kans", "Kansas"),
    ("Ky", "Kentucky"),
    ("La", "Louisiana"),
    ("Md", "Maryland"),
    ("Mass", "Massachusetts"),
    ("Mich", "Michigan"),
    ("Minn", "Minnesota"),
    ("Miss", "Mississippi"),
    ("Mo", "Missouri"),
    ("Mont", "Montana"),
    ("Neb", "Nebraska"),
    ("Nebr", "Nebraska"),
    ("Nev", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("Okla", "Oklahoma"),
    ("Ore", "Oregon"),
    ("Pa", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("Tenn", "Tennessee"),
    ("Tex", "Texas"),
    ("Vt", "Vermont"),
    ("Va", "Virginia"),
    ("Wash", "Washington"),
    ("WVa", "West Virginia"),
    ("Wis", "Wisconsin"),
    ("Wyo", "Wyoming"),
];

/// Whether `word` ("N.Y.", "Tenn.", "Va") is a US state's AP abbreviation.
pub(super) fn is_ap_state_abbreviation(word: &str) -> bool {
    let bare: String = word.chars().filter(|&c| c != '.').collect();
    AP_STATES.iter().any(|(a, _)| *a == bare)
}

/// The state an AP abbreviation at token `t` names, and its last token (its period).
fn ap_state(text: &str, work: &SentenceWork, t: usize) -> Option<(&'static str, usize)> {
    if !work.is_word(t) || work.blocked[t] {
        return None;
    }
    let w = work.word(text, t);
    let bare: String = w.chars().filter(|&c| c != '.').collect();
    let (_, state) = AP_STATES.iter().find(|(a, _)| *a == bare)?;
    let dotted = w.len() > bare.len();
    let period = !dotted
        && work.word(text, t + 1) == "."
        && work.tokens[t].span.end == work.tokens[t + 1].span.start;
    let last = if period { t + 1 } else { t };
    // Without a period, only where the phrase stops ("Staunton, Va").
    let stops = work
        .tokens
        .get(last + 1)
        .map_or(true, |n| n.kind == TokenKind::Punct);
    (dotted || period || stops && bare.len() >= 2).then_some((state, last))
}

/// Finds "Benton, Tenn.": a town, a comma and a state in AP style, in one sentence.
pub(super) fn find_ap_states(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    let mut found: Vec<(usize, usize, Option<&str>, PlaceClass)> = Vec::new();
    for t in 2..work.tokens.len() {
        if work.word(text, t - 1) != "," || work.owner[t].is_some() {
            continue;
        }
        let Some((state, last)) = ap_state(text, work, t) else {
            continue;
        };
        let end = t - 2;
        let town_word = |k: usize| {
            let w = work.word(text, k);
            work.is_free_word(k)
                && (is_capitalized(w) || is_all_caps(w))
                && !is_function_word(w)
                && !lex.is_not_name(w)
        };
        let known_town = work
            .owner_of(end)
            .is_some_and(|c| c.kind == MentionKind::Place && c.last == end);
        if !(known_town || town_word(end)) {
            continue;
        }
        if !known_town {
            let mut first = end;
            while first > 0
                && end - first < 2
                && town_word(first - 1)
                && adjacent(text, work, first - 1, first)
            {
                first -= 1;
            }
            found.push((first, end, None, PlaceClass::City));
        }
        found.push((t, last, Some(state), PlaceClass::State));
    }
    for (first, last, value, class) in found {
        match value {
            Some(state) => {
                work.add(MentionKind::Place, first, last, Some(state.to_string()));
                if let Some(cand) = work.candidates.last_mut() {
                    cand.place_class = Some(class);
                }
            }
            None => add_place(text, work, first, last, class),
        }
    }
}

/// Finds places named after a preposition of place, or before a comma and a country, in every
/// sentence (after people are found).
pub(super) fn find_place_contexts(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    if work.headline {
        return;
    }
    let mut found = Vec::new();
    for t in 0..work.tokens.len() {
        if !free_capitalised(text, work, t, lex) || !unknown(work.word(text, t), lex) {
            continue;
        }
        // One or two words.
        let mut last = t;
        if free_capitalised(text, work, t + 1, lex)
            && unknown(work.word(text, t + 1), lex)
            && adjacent(text, work, t, t + 1)
        {
            last = t + 1;
        }
        let after = work.tokens.get(last + 1);
        // The name must end there: no possessive, no further capitalised word.
        let ends = match after {
            None => true,
            Some(tok) => match tok.kind {
                TokenKind::Possessive => false,
                TokenKind::Punct => true,
                // "in Bura on Tuesday", "in Jhapa, the party's stronghold": the clause goes on
                // with a function word or stops; "in Brexit talks" names no place.
                TokenKind::Word => {
                    let w = tok.text(text);
                    is_function_word(w) || CLAUSE_WORDS.contains(&w)
                }
            },
        };
        if !ends {
            continue;
        }
        let preposition = t.checked_sub(1).is_some_and(|p| {
            adjacent(text, work, p, t)
                && is_place_preposition(work.word(text, p))
                && !p
                    .checked_sub(1)
                    .is_some_and(|q| NOT_PLACE_BEFORE.contains(&work.word(text, q)))
        });
        // "Luque, Paraguay": a comma and a country after it.
        let country_after = work.word(text, last + 1) == ","
            && work.owner_of(last + 2).is_some_and(|c| {
                c.kind == MentionKind::Place
                    && c.first == last + 2
                    && matches!(
                        c.place_class,
                        Some(
                            PlaceClass::Country
                                | PlaceClass::State
                                | PlaceClass::AdministrativeArea
                        )
                    )
                    && work
                        .tokens
                        .get(c.last + 1)
                        .map_or(true, |n| n.kind != TokenKind::Possessive)
            })
            && work.tokens.get(t.wrapping_sub(1)).map_or(true, |p| {
                p.kind != TokenKind::Word || !is_capitalized(p.text(text))
            });
        if preposition || country_after {
            found.push((t, last));
        }
    }
    found.extend(hometowns(text, work, lex));
    found.extend(named_as_places(text, work, lex));
    for (first, last) in found {
        if (first..=last).all(|k| work.owner[k].is_none()) {
            add_place(text, work, first, last, PlaceClass::City);
        }
    }
}

/// "Dana Roe, 30, of Millbrook Falls, went down": a person, an age and "of" before capitalised
/// words (at most three, then a comma or the end) name the person's home town, even when the
/// words are English words.
fn hometowns(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for t in 5..work.tokens.len() {
        let aged = work.word(text, t - 1) == "of"
            && work.word(text, t - 2) == ","
            && work
                .word(text, t - 3)
                .parse::<u32>()
                .is_ok_and(|n| (1..=110).contains(&n))
            && work.word(text, t - 4) == ","
            && work
                .owner_of(t - 5)
                .is_some_and(|c| c.kind == MentionKind::Person && c.last == t - 5);
        if !aged || !free_capitalised(text, work, t, lex) || lex.is_given_name(work.word(text, t)) {
            continue;
        }
        let mut last = t;
        while last < t + 2
            && free_capitalised(text, work, last + 1, lex)
            && adjacent(text, work, last, last + 1)
        {
            last += 1;
        }
        let ends = work.tokens.get(last + 1).map_or(true, |tok| {
            tok.kind == TokenKind::Punct && tok.text(text) != "'"
        });
        if ends {
            found.push((t, last));
        }
    }
    found
}

/// Nouns of settlements and areas before "of" and a name: "the town of Clearbrook".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "suburb",
    "island",
    "port",
    "hamlet",
    "municipality",
    "province",
    "region",
    "republic",
    "district",
    "state",
    "hometown",
    "native",
];

/// Nouns of settlements after an apposition's article: "Clearbrook, a farming town of 3,400".
const SETTLEMENTS: &[&str] = &[
    "town",
    "city",
    "village",
    "suburb",
    "hamlet",
    "community",
    "port",
    "township",
];

/// Capitalised words that start a place's name: "Mount Tarrow", "Port Elsby", "Fort Mayne".
const PLACE_STARTS: &[&str] = &["Mount", "Port", "Fort", "Cape"];

/// Places named by what the sentence calls them:
///
/// - "the town of Clearbrook", "a native of Clearbrook", "the island of Vetra": a settlement or
///   area noun and "of" before one or two capitalised words that end there (even English
///   words or given names: the noun says what they name);
/// - "Clearbrook, a farming town": a capitalised word, a comma, an article, at most three lower-case
///   words and a settlement noun;
/// - "Mount Tarrow", "Port Elsby": a word that starts a place's name before a capitalised word
///   that is no English word.
fn named_as_places(text: &str, work: &SentenceWork, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let ends_at = |k: usize| {
        work.tokens.get(k).map_or(true, |tok| match tok.kind {
            TokenKind::Punct => true,
            TokenKind::Possessive => false,
            TokenKind::Word => !is_capitalized(tok.text(text)),
        })
    };
    for t in 0..work.tokens.len() {
        // "Mount Tarrow" ("Mount" alone is no name, so it is no free capitalised word).
        if work.word(text, t).starts_with(['M', 'P', 'F', 'C'])
            && PLACE_STARTS.contains(&work.word(text, t))
            && work.is_free_word(t)
            && free_capitalised(text, work, t + 1, lex)
            && adjacent(text, work, t, t + 1)
            && !lex.is_common_word(work.word(text, t + 1))
            && !lex.is_given_name(work.word(text, t + 1))
            && ends_at(t + 2)
        {
            found.push((t, t + 1));
            continue;
        }
        // The cheap tests first: a settlement noun and "of" before, or a comma and an article
        // after.
        let noun_before = t >= 2
            && work.word(text, t - 1) == "of"
            && PLACE_NOUNS.contains(&work.word(text, t - 2));
        let apposition =
            work.word(text, t + 1) == "," && matches!(work.word(text, t + 2), "a" | "an" | "the");
        if !(noun_before || apposition) || !free_capitalised(text, work, t, lex) {
            continue;
        }
        let starts_run = t.checked_sub(1).map_or(true, |p| {
            !(work.is_word(p) && is_capitalized(work.word(text, p)))
        });
        let w = work.word(text, t);
        if !starts_run {
            continue;
        }
        // "the town of Clearbrook"
        let noun_of = t >= 2
            && work.word(text, t - 1) == "of"
            && PLACE_NOUNS.contains(&work.word(text, t - 2));
        if noun_of {
            if ends_at(t + 1) {
                found.push((t, t));
            } else if free_capitalised(text, work, t + 1, lex)
                && adjacent(text, work, t, t + 1)
                && ends_at(t + 2)
            {
                found.push((t, t + 1));
            }
            continue;
        }
        // "Clearbrook, a farming town"
        if work.word(text, t + 1) == ","
            && matches!(work.word(text, t + 2), "a" | "an" | "the")
            && !lex.is_given_name(w)
            && (t + 3..t + 7).any(|k| {
                SETTLEMENTS.contains(&work.word(text, k))
                    && (t + 3..k).all(|j| {
                        work.is_word(j)
                            && work
                                .word(text, j)
                                .chars()
                                .all(|c| c.is_lowercase() || c == '-')
                    })
            })
        {
            found.push((t, t));
        }
    }
    found
}

/// True for a word that is nothing but a name: no English word, no given name.
fn unknown(word: &str, lex: &Lexicons) -> bool {
    !lex.is_common_word(word) && !lex.is_given_name(word) && !lex.is_title_modifier(word)
}

#[cfg(test)]
mod tests {
    use crate::extract::find_mentions;
    use crate::extract::lexicon::Lexicons;
    use crate::extract::model::MentionKind;
    use crate::text::split_sentences;

    fn places(text: &str) -> Vec<String> {
        find_mentions(text, &split_sentences(text), Lexicons::get())
            .into_iter()
            .filter(|m| m.kind == MentionKind::Place)
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn head_words_make_places() {
        assert_eq!(
            places("Engineers watched the Kiambere Dam and the Ewaso River."),
            ["Kiambere Dam", "Ewaso River"]
        );
        assert_eq!(
            places("Voters in Dolakha district queued."),
            ["Dolakha district"]
        );
        // Only common words before the head: no name.
        assert!(places("They crossed the Red River and the Long Valley.").is_empty());
        assert_eq!(
            places("A ferry sank near Dorrance City and off Kestrel Beach."),
            ["Dorrance City", "Kestrel Beach"]
        );
        // A known city before "City" is a team or a club, not a second city.
        assert!(places("Supporters of Leicester City sang.")
            .iter()
            .all(|p| p != "Leicester City"));
        assert!(places("The Inner City and Capital City are slogans.").is_empty());
    }

    #[test]
    fn places_named_by_what_the_sentence_calls_them() {
        assert_eq!(
            places("The ferry reached the island of Vetra and the town of Clearbrook."),
            ["Vetra", "Clearbrook"]
        );
        assert_eq!(
            places("Clearbrook, a farming town of 3,400, cheered."),
            ["Clearbrook"]
        );
        assert_eq!(
            places("Hikers climbed Mount Tarrow and left Port Elsby."),
            ["Mount Tarrow", "Port Elsby"]
        );
        // A person, a company, or a longer name is no such place.
        assert!(places("Halvorsen, a farming expert, spoke.").is_empty());
        assert!(places("The city of Clearbrook Council met.").is_empty());
        assert!(places("Mount Everest Holdings rose.")
            .iter()
            .all(|p| p != "Mount Everest"));
        // A head that starts a longer name is none.
        assert!(places("The Kestrel Coast Guard came.").is_empty());
    }

    #[test]
    fn former_countries_are_places() {
        assert_eq!(
            places("Czechoslovakia and East Germany signed it."),
            ["Czechoslovakia", "East Germany"]
        );
    }

    #[test]
    fn unknown_names_after_prepositions_of_place() {
        assert_eq!(
            places("A bridge collapsed near Olkiriri Ndusu and a school in Mwatate was flooded."),
            ["Olkiriri Ndusu", "Mwatate"]
        );
        assert_eq!(
            places("The body is based in Tolvaro, Paraguay."),
            ["Tolvaro", "Paraguay"]
        );
        assert_eq!(
            places("She grew up in Orlinsk, Tenn., and OSWEGAT, N.Y. before that."),
            ["Orlinsk", "Tenn.", "OSWEGAT", "N.Y."]
        );
        // A home town after a person and an age, even when it is an English word.
        assert_eq!(
            places("Dana Roe, 30, of Millbrook Falls, went down to help."),
            ["Millbrook Falls"]
        );
        assert!(places("Dana Roe, 30, of Acme Widgets Global Holdings Co, left.").is_empty());
        // A company, a publication, a language or a person is no place.
        assert!(places("He bought a stake in Zentrix and wrote in Tagblatt.").is_empty());
        assert!(places("She replied in Swahili.").is_empty());
        assert!(places("Officials in Brexit talks met.").is_empty());
        assert!(places("They met Olena Brandt in Kiambere's office.").is_empty());
    }
}
