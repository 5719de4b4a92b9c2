//! The lexicons of general knowledge that mention finding stands on: places, demonyms,
//! organizations, titles, given names, common words, and the small word lists of the name and
//! organization patterns.
//!
//! They are data, not code: tab-separated files under `ontology/lexicon/`, each with a header
//! saying where its entries come from and under which licence, embedded with `include_str!` and
//! parsed once into [`Lexicons`]. Every place, organization, demonym and title form goes into
//! one trie (ASCII case-insensitive, [`super::form_trie`]), walked from every word start
//! (a form never starts inside a word, so nothing is lost); [`Lexicons::matches`] then keeps the
//! matches that end on a word boundary and whose letter case fits the entry: acronyms such as
//! "US" or "NATO" only as written (so the pronoun "us" is no place), names in title or upper case,
//! and in lower case only when no word of the name is a common English word ("geneva" yes,
//! "turkey" no).

use super::form_trie::FormTrie;
use super::lower::with_lower;
use super::names::ascii_fold;
use super::tokens::is_all_caps;
use crate::text::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const PLACES: &str = include_str!("../../ontology/lexicon/places.tsv");
const DEMONYMS: &str = include_str!("../../ontology/lexicon/demonyms.tsv");
const ORGANIZATIONS: &str = include_str!("../../ontology/lexicon/organizations.tsv");
const TITLES: &str = include_str!("../../ontology/lexicon/titles.tsv");
const OCCUPATIONS: &str = include_str!("../../ontology/lexicon/occupations.tsv");
const RANKS: &str = include_str!("../../ontology/lexicon/ranks.tsv");
const TITLE_MODIFIERS: &str = include_str!("../../ontology/lexicon/title_modifiers.tsv");
const GIVEN_NAMES: &str = include_str!("../../ontology/lexicon/given_names.tsv");
const COMMON_WORDS: &str = include_str!("../../ontology/lexicon/common_words.tsv");
const NOT_NAMES: &str = include_str!("../../ontology/lexicon/not_names.tsv");
const ORGANIZATION_WORDS: &str = include_str!("../../ontology/lexicon/organization_words.tsv");
const NAME_WORDS: &str = include_str!("../../ontology/lexicon/name_words.tsv");
const SURNAMES: &str = include_str!("../../ontology/lexicon/surnames.tsv");
const PLACE_WORDS: &str = include_str!("../../ontology/lexicon/place_words.tsv");

/// What kind of place an entry is; the schema.org class where there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceClass {
    /// A sovereign state (or a territory listed as a country by ISO 3166).
    Country,
    /// A city or town.
    City,
    /// A US state.
    State,
    /// Another first-level division: "Scotland", "Quebec".
    AdministrativeArea,
    /// "Europe", "Africa".
    Continent,
    /// A region with no schema.org class of its own: "Middle East", "Donbas".
    Region,
    /// A sea, gulf, strait, river or ocean.
    BodyOfWater,
}

impl PlaceClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "Country" => Self::Country,
            "City" => Self::City,
            "State" => Self::State,
            "AdministrativeArea" => Self::AdministrativeArea,
            "Continent" => Self::Continent,
            "Region" => Self::Region,
            "BodyOfWater" => Self::BodyOfWater,
            _ => return None,
        })
    }

    /// The schema.org class name, when schema.org has one.
    pub fn schema_class(self) -> Option<&'static str> {
        match self {
            Self::Country => Some("Country"),
            Self::City => Some("City"),
            Self::State => Some("State"),
            Self::AdministrativeArea => Some("AdministrativeArea"),
            Self::Continent => Some("Continent"),
            Self::BodyOfWater => Some("BodyOfWater"),
            Self::Region => None,
        }
    }
}

/// A place of the lexicon.
#[derive(Debug, Clone)]
pub struct Place {
    /// Canonical name ("United States").
    pub name: String,
    /// What kind of place it is.
    pub class: PlaceClass,
    /// ISO 3166 code of the country it is in (or is), when known.
    pub country: Option<String>,
}

/// An organization of the lexicon.
#[derive(Debug, Clone)]
pub struct Organization {
    /// Canonical name ("European Central Bank").
    pub name: String,
    /// schema.org class ("GovernmentOrganization", "NewsMediaOrganization"...).
    pub class: String,
}

/// How a title behaves in the role patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// A role a person holds ("President", "special envoy").
    Position,
    /// A role that means something only with its organization ("head", "host").
    Generic,
    /// A position held "to" a country: "ambassador to France" names the destination.
    Envoy,
    /// A form of address ("Mr.", "Dr."): a sign that a name follows, never a role.
    Honorific,
}

impl TitleKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "position" => Self::Position,
            "generic" => Self::Generic,
            "envoy" => Self::Envoy,
            "honorific" => Self::Honorific,
            _ => return None,
        })
    }
}

/// A title of the lexicon.
#[derive(Debug, Clone)]
pub struct Title {
    /// How it behaves.
    pub kind: TitleKind,
    /// The form a membership's role takes ("Secretary-General" for "Secretary General").
    pub canonical: String,
}

/// What a lexicon form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A place (index into [`Lexicons::places`]).
    Place(usize),
    /// An organization (index into [`Lexicons::organizations`]).
    Organization(usize),
    /// A demonym of a place (index into [`Lexicons::places`]).
    Demonym(usize),
    /// A title (index into [`Lexicons::titles`]).
    Title(usize),
}

/// A lexicon form found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexiconMatch {
    /// Where it is.
    pub span: Span,
    /// What it names.
    pub target: Target,
}

/// Which letter cases a form matches in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CasePolicy {
    /// Only as written, or in all capitals: acronyms and names with inner capitals.
    Exact,
    /// As written, starting with a capital, or (when `lower_ok`) all in lower case.
    Proper { lower_ok: bool },
    /// Any case: titles ("president", "President").
    Any,
}

#[derive(Debug, Clone)]
struct Surface {
    form: String,
    target: Target,
    case: CasePolicy,
}

/// Every lexicon, loaded once; see the module documentation.
pub struct Lexicons {
    /// Places, in file order (countries first).
    pub places: Vec<Place>,
    /// Organizations.
    pub organizations: Vec<Organization>,
    /// Titles.
    pub titles: Vec<Title>,
    place_by_name: HashMap<String, usize>,
    organization_by_name: HashMap<String, usize>,
    title_by_form: HashMap<String, usize>,
    /// Ranks and forms of address ("Lt.", "Capt.", "Dr."), lower case, written and canonical.
    ranks: HashSet<String>,
    surfaces: Vec<Surface>,
    /// Every surface form, ASCII case-insensitive; pattern `i` is `surfaces[i]`.
    forms: Option<FormTrie>,
    given_names: HashSet<String>,
    common_words: HashSet<String>,
    not_names: HashSet<String>,
    title_modifiers: HashSet<String>,
    organization_heads: HashSet<String>,
    institutions: HashSet<String>,
    organization_suffixes: HashSet<String>,
    organization_generic: HashSet<String>,
    described_heads: HashSet<String>,
    particles: HashSet<String>,
    surname_first: HashSet<String>,
    surname_first_long: HashSet<String>,
    name_suffixes: HashSet<String>,
    name_addresses: HashSet<String>,
    name_styles: HashSet<String>,
    directions: HashSet<String>,
    place_prefixes: HashSet<String>,
    surnames: HashSet<String>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

/// Set when the lexicons are first loaded: user entries come too late after that.
static LOADED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the lexicons were loaded (and user entries can no longer join them).
pub(crate) fn already_loaded() -> bool {
    LOADED.load(std::sync::atomic::Ordering::SeqCst)
}

/// The data lines of a lexicon file, split at tabs (header and blank lines skipped).
fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// The first column of every data line, lower-cased.
fn word_set(src: &str) -> HashSet<String> {
    rows(src)
        .filter_map(|r| r.first().map(|w| w.to_lowercase()))
        .collect()
}

/// The words of a form, for the lower-case test.
fn form_words(form: &str) -> impl Iterator<Item = &str> {
    form.split(|c: char| c.is_whitespace() || super::tokens::is_hyphen(c) || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

impl Lexicons {
    /// The lexicons, parsed on first use.
    pub fn get() -> &'static Lexicons {
        &LEXICONS
    }

    fn load() -> Lexicons {
        LOADED.store(true, std::sync::atomic::Ordering::SeqCst);
        let mut lex = Lexicons {
            places: Vec::new(),
            organizations: Vec::new(),
            titles: Vec::new(),
            place_by_name: HashMap::default(),
            organization_by_name: HashMap::default(),
            title_by_form: HashMap::default(),
            ranks: HashSet::default(),
            surfaces: Vec::new(),
            forms: None,
            given_names: rows(GIVEN_NAMES)
                .filter_map(|r| r.first().map(|w| ascii_fold(w).to_lowercase()))
                .collect(),
            common_words: word_set(COMMON_WORDS),
            not_names: word_set(NOT_NAMES),
            title_modifiers: word_set(TITLE_MODIFIERS),
            organization_heads: HashSet::default(),
            institutions: HashSet::default(),
            organization_suffixes: HashSet::default(),
            organization_generic: HashSet::default(),
            described_heads: HashSet::default(),
            particles: HashSet::default(),
            surname_first: HashSet::default(),
            surname_first_long: HashSet::default(),
            name_suffixes: HashSet::default(),
            name_addresses: HashSet::default(),
            name_styles: HashSet::default(),
            place_prefixes: rows(PLACE_WORDS)
                .filter(|r| r.get(1) == Some(&"prefix"))
                .filter_map(|r| r.first().map(|w| w.to_string()))
                .collect(),
            directions: rows(PLACE_WORDS)
                .filter(|r| r.get(1) == Some(&"direction"))
                .filter_map(|r| r.first().map(|w| w.to_lowercase()))
                .collect(),
            surnames: word_set(SURNAMES),
        };
        for row in rows(ORGANIZATION_WORDS) {
            let (Some(word), Some(kind)) = (row.first(), row.get(1)) else {
                continue;
            };
            match *kind {
                "head" => lex.organization_heads.insert(word.to_string()),
                "institution" => lex.institutions.insert(word.to_string()),
                "suffix" => lex.organization_suffixes.insert(word.to_string()),
                "generic" => lex.organization_generic.insert(word.to_lowercase()),
                "described" => lex.described_heads.insert(word.to_lowercase()),
                _ => false,
            };
        }
        for row in rows(NAME_WORDS) {
            let (Some(word), Some(kind)) = (row.first(), row.get(1)) else {
                continue;
            };
            match *kind {
                "particle" => lex.particles.insert(word.to_lowercase()),
                "surname-first" => lex.surname_first.insert(word.to_lowercase()),
                "surname-first-long" => lex.surname_first_long.insert(word.to_lowercase()),
                "suffix" => lex
                    .name_suffixes
                    .insert(word.to_lowercase().replace('.', "")),
                "address" => lex.name_addresses.insert(word.to_string()),
                "style" => lex.name_styles.insert(word.to_string()),
                _ => false,
            };
        }
        let mut seen: HashSet<String> = HashSet::default();
        for row in rows(PLACES) {
            let (Some(name), Some(class)) =
                (row.first(), row.get(1).and_then(|c| PlaceClass::parse(c)))
            else {
                continue;
            };
            let index = lex.places.len();
            lex.places.push(Place {
                name: name.to_string(),
                class,
                country: row.get(2).filter(|c| !c.is_empty()).map(|c| c.to_string()),
            });
            lex.place_by_name
                .entry(name.to_lowercase())
                .or_insert(index);
            let aliases = row.get(3).map_or(Vec::new(), |a| a.split('|').collect());
            for form in std::iter::once(*name).chain(aliases) {
                lex.add_surface(&mut seen, form, Target::Place(index));
            }
        }
        for row in rows(ORGANIZATIONS) {
            let (Some(name), Some(class)) = (row.first(), row.get(1)) else {
                continue;
            };
            let index = lex.organizations.len();
            lex.organizations.push(Organization {
                name: name.to_string(),
                class: class.to_string(),
            });
            lex.organization_by_name
                .entry(name.to_lowercase())
                .or_insert(index);
            let aliases = row.get(2).map_or(Vec::new(), |a| a.split('|').collect());
            for form in std::iter::once(*name).chain(aliases) {
                lex.add_surface(&mut seen, form, Target::Organization(index));
            }
        }
        for row in rows(DEMONYMS) {
            let (Some(form), Some(place)) = (row.first(), row.get(1)) else {
                continue;
            };
            if let Some(&index) = lex.place_by_name.get(&place.to_lowercase()) {
                lex.add_surface(&mut seen, form, Target::Demonym(index));
            }
        }
        // Titles, then occupations and ranks (same columns); ranks are also remembered as such.
        let rank_rows = rows(RANKS).map(|row| (row, true));
        for (row, rank) in rows(TITLES)
            .chain(rows(OCCUPATIONS))
            .map(|row| (row, false))
            .chain(rank_rows)
        {
            let (Some(form), Some(kind)) =
                (row.first(), row.get(1).and_then(|k| TitleKind::parse(k)))
            else {
                continue;
            };
            let canonical = row.get(2).filter(|c| !c.is_empty()).unwrap_or(form);
            let index = lex.titles.len();
            lex.titles.push(Title {
                kind,
                canonical: canonical.to_string(),
            });
            lex.title_by_form
                .entry(form.to_lowercase())
                .or_insert(index);
            lex.title_by_form
                .entry(canonical.to_lowercase())
                .or_insert(index);
            lex.add_surface(&mut seen, form, Target::Title(index));
            if rank {
                lex.ranks.insert(form.to_lowercase());
                lex.ranks.insert(canonical.to_lowercase());
            }
        }
        lex.add_user_entries(&mut seen);
        lex.forms = FormTrie::new(lex.surfaces.iter().map(|s| s.form.as_str()));
        lex
    }

    /// The entries of the user's own lexicons (`--lexicon`, see `user_lexicon`), after the
    /// built-in ones (a form both give keeps its built-in meaning).
    fn add_user_entries(&mut self, seen: &mut HashSet<String>) {
        use super::user_lexicon::UserKind;
        for entry in super::user_lexicon::entries() {
            let forms: Vec<&str> = std::iter::once(entry.name.as_str())
                .chain(entry.aliases.iter().map(String::as_str))
                .collect();
            let target = match entry.kind {
                UserKind::Person => {
                    // A person is found by the name patterns: their name words become known.
                    for form in &forms {
                        let words: Vec<&str> = form.split_whitespace().collect();
                        if let [first, .., last] = words[..] {
                            self.given_names.insert(ascii_fold(first).to_lowercase());
                            self.surnames.insert(last.to_lowercase());
                        }
                    }
                    continue;
                }
                UserKind::Organization => {
                    let index = self.organizations.len();
                    self.organizations.push(Organization {
                        name: entry.name.clone(),
                        class: "Organization".to_string(),
                    });
                    for form in &forms {
                        self.organization_by_name
                            .entry(form.to_lowercase())
                            .or_insert(index);
                    }
                    Target::Organization(index)
                }
                UserKind::Place => {
                    let index = self.places.len();
                    self.places.push(Place {
                        name: entry.name.clone(),
                        class: PlaceClass::Region,
                        country: None,
                    });
                    for form in &forms {
                        self.place_by_name
                            .entry(form.to_lowercase())
                            .or_insert(index);
                    }
                    Target::Place(index)
                }
                UserKind::Title => {
                    let index = self.titles.len();
                    self.titles.push(Title {
                        kind: TitleKind::Position,
                        canonical: entry.name.clone(),
                    });
                    for form in &forms {
                        self.title_by_form
                            .entry(form.to_lowercase())
                            .or_insert(index);
                    }
                    Target::Title(index)
                }
            };
            for form in forms {
                self.add_surface(seen, form, target);
            }
        }
    }

    fn add_surface(&mut self, seen: &mut HashSet<String>, form: &str, target: Target) {
        let form = form.trim();
        if form.is_empty() {
            return;
        }
        let case = self.case_policy(form, target);
        let mut forms = vec![form.to_string()];
        if form.contains('\'') {
            forms.push(form.replace('\'', "\u{2019}"));
        }
        for f in forms {
            if seen.insert(f.clone()) {
                self.surfaces.push(Surface {
                    form: f,
                    target,
                    case,
                });
            }
        }
    }

    fn case_policy(&self, form: &str, target: Target) -> CasePolicy {
        let inner_capitals = form_words(form).any(|w| {
            w.chars().filter(|c| c.is_uppercase()).count() >= 2
                || w.chars().any(|c| c.is_ascii_digit())
        });
        if inner_capitals {
            return CasePolicy::Exact;
        }
        if let Target::Title(i) = target {
            return if self.titles[i].kind == TitleKind::Honorific {
                CasePolicy::Proper { lower_ok: false }
            } else {
                CasePolicy::Any
            };
        }
        // Lower case for places and demonyms ("geneva", "russian"), and for organizations named
        // by one long word ("greenpeace"): a longer organization name in lower case is too often
        // a common phrase, and a short one a styled acronym ("nato").
        let one_long_word = !form.contains(char::is_whitespace)
            && form.chars().count() >= 6
            && form.chars().all(char::is_alphabetic);
        let lower_ok = (matches!(target, Target::Place(_) | Target::Demonym(_))
            || matches!(target, Target::Organization(_)) && one_long_word)
            && !form.contains('.')
            && form.chars().filter(|c| c.is_alphabetic()).count() > 3
            && form_words(form).all(|w| !self.common_words.contains(&w.to_lowercase()));
        CasePolicy::Proper { lower_ok }
    }

    fn accepts(surface: &Surface, written: &str) -> bool {
        match surface.case {
            CasePolicy::Any => true,
            CasePolicy::Exact => {
                written == surface.form
                    || written.replace('\u{2019}', "'") == surface.form.replace('\u{2019}', "'")
                    || is_all_caps(written) && written.eq_ignore_ascii_case(&surface.form)
            }
            CasePolicy::Proper { lower_ok } => {
                let strip = |s: &str| -> usize {
                    // `get` and not `[..4]`: the fifth byte may be inside a character ("Belém").
                    if s.len() > 4 && s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the ")) {
                        4
                    } else {
                        0
                    }
                };
                let (w, f) = (
                    &written[strip(written)..],
                    &surface.form[strip(&surface.form)..],
                );
                if w == f || w.chars().next().is_some_and(char::is_uppercase) {
                    return true;
                }
                lower_ok && !w.chars().any(char::is_uppercase)
            }
        }
    }

    /// Every lexicon form in `span` of `text` that sits on word boundaries and fits its letter
    /// case, leftmost-longest and without overlaps.
    pub fn matches(&self, text: &str, span: Span) -> Vec<LexiconMatch> {
        let Some(forms) = &self.forms else {
            return Vec::new();
        };
        let mut found: Vec<LexiconMatch> = Vec::new();
        let bytes = text.as_bytes();
        let mut prev = text[..span.start].chars().next_back();
        for (i, c) in span.of(text).char_indices() {
            let start = span.start + i;
            // Inside a word only a capital can start a form: the glued case ("hereTrump").
            let word_start = !prev.is_some_and(char::is_alphanumeric)
                || c.is_uppercase() && starts_word(text, start);
            prev = Some(c);
            if word_start && forms.starts_with(bytes[start]) {
                self.matches_at(forms, text, start, span.end, &mut found);
            }
        }
        found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut kept: Vec<LexiconMatch> = Vec::with_capacity(found.len());
        for m in found {
            if kept.last().map_or(true, |k| k.span.end <= m.span.start) {
                kept.push(m);
            }
        }
        kept
    }

    /// Pushes every form that starts at `start` (a word start), ends by `limit`, ends on a word
    /// boundary and fits its letter case; shorter forms first, and forms of equal length in
    /// pattern order.
    fn matches_at(
        &self,
        forms: &FormTrie,
        text: &str,
        start: usize,
        limit: usize,
        found: &mut Vec<LexiconMatch>,
    ) {
        forms.walk(&text.as_bytes()[start..limit], |length, patterns| {
            let end = start + length;
            if !text.is_char_boundary(end) || !ends_word(text, end) {
                return;
            }
            for &pattern in patterns {
                let surface = &self.surfaces[pattern as usize];
                if Self::accepts(surface, &text[start..end]) {
                    found.push(LexiconMatch {
                        span: Span::new(start, end),
                        target: surface.target,
                    });
                }
            }
        });
    }

    /// The place with this canonical name.
    pub fn place_named(&self, name: &str) -> Option<&Place> {
        with_lower(name, |name| self.place_by_name.get(name)).map(|&i| &self.places[i])
    }

    /// The organization with this canonical name.
    pub fn organization_named(&self, name: &str) -> Option<&Organization> {
        with_lower(name, |name| self.organization_by_name.get(name))
            .map(|&i| &self.organizations[i])
    }

    /// How the title a role ends with behaves ("national security adviser" → adviser's kind).
    pub fn role_kind(&self, role: &str) -> Option<TitleKind> {
        let lower = role.to_lowercase();
        let mut rest = lower.as_str();
        loop {
            if let Some(&i) = self.title_by_form.get(rest) {
                return Some(self.titles[i].kind);
            }
            rest = rest.split_once(' ')?.1;
        }
    }

    /// True for a rank or form of address that may stand between a title and a name
    /// ("spokesman Lt. Ann Lee"), as written or canonical ("Lt.", "Lieutenant").
    pub fn is_rank(&self, title: &str) -> bool {
        with_lower(title, |t| self.ranks.contains(t))
    }

    /// True for a given name ("Volodymyr", "Keir"), in any case and with or without diacritics.
    pub fn is_given_name(&self, word: &str) -> bool {
        if word.is_ascii() {
            // Folding leaves ASCII as it is.
            return with_lower(word, |w| self.given_names.contains(w));
        }
        self.given_names.contains(&ascii_fold(word).to_lowercase())
    }

    /// True when the word, lower-cased, is a common English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.common_words.contains(w))
    }

    /// True for capitalised words that are not names of people ("Monday", "Christian").
    pub fn is_not_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.not_names.contains(w))
    }

    /// True for a word that joins the title after it ("special", "deputy").
    pub fn is_title_modifier(&self, word: &str) -> bool {
        with_lower(word, |w| self.title_modifiers.contains(w))
    }

    /// True for a capitalised head noun of organization names ("Council").
    pub fn is_organization_head(&self, word: &str) -> bool {
        self.organization_heads.contains(word)
    }

    /// True for a head that alone names a state body ("Senate", "Navy").
    pub fn is_institution(&self, word: &str) -> bool {
        self.institutions.contains(word)
    }

    /// True when `name` says nothing about which organization it is: every word is a generic
    /// word, a head or a function word ("Foreign Ministry", "Senate", "Court of Appeals").
    pub fn is_generic_organization_name(&self, name: &str) -> bool {
        let mut words = 0;
        for w in name.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() || matches!(w, "of" | "the" | "for" | "on" | "and") {
                continue;
            }
            words += 1;
            if !(self.is_organization_generic(w)
                || self.is_organization_head(w)
                || self.is_institution(w))
            {
                return false;
            }
        }
        words > 0
    }

    /// True for a legal-form suffix ("Inc.").
    pub fn is_organization_suffix(&self, word: &str) -> bool {
        self.organization_suffixes.contains(word)
    }

    /// True for a word that says nothing about which organization a name is ("Foreign").
    pub fn is_organization_generic(&self, word: &str) -> bool {
        with_lower(word, |w| self.organization_generic.contains(w))
    }

    /// True for a lower-case head of a described organization ("fund", "central bank").
    pub fn is_described_head(&self, phrase: &str) -> bool {
        with_lower(phrase, |p| self.described_heads.contains(p))
    }

    /// True for a lower-case particle inside a surname ("von", "bin").
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// True when a name starting with `first` puts the family name first ("Xi Jinping"). Family
    /// names that are also Western given names ("Kim") count only in a longer or hyphenated name
    /// (`long`: "Kim Jong Un", "Kim Jong-un").
    pub fn is_surname_first(&self, first: &str, long: bool) -> bool {
        with_lower(first, |lower| {
            self.surname_first.contains(lower) || long && self.surname_first_long.contains(lower)
        })
    }

    /// True for a frequent family name ("Ruby", "Stone"), in any case.
    pub fn is_surname(&self, word: &str) -> bool {
        with_lower(word, |w| self.surnames.contains(w))
    }

    /// True for a generational suffix ("Jr.", "III").
    pub fn is_name_suffix(&self, word: &str) -> bool {
        if !word.contains('.') {
            return with_lower(word, |w| self.name_suffixes.contains(w));
        }
        self.name_suffixes
            .contains(&word.to_lowercase().replace('.', ""))
    }

    /// True for a form of address written as part of a person's name ("Mrs.", "Rev."), exactly
    /// as `name_words.tsv` spells it.
    pub fn is_name_address(&self, word: &str) -> bool {
        self.name_addresses.contains(word)
    }

    /// True for a compass or position word that joins the place after it ("Northern", "East"),
    /// in any case.
    pub fn is_direction(&self, word: &str) -> bool {
        with_lower(word, |w| self.directions.contains(w))
    }

    /// True for a word that opens a town's or a site's name ("St.", "Fort"), as written.
    pub fn is_place_prefix(&self, word: &str) -> bool {
        self.place_prefixes.contains(word)
    }

    /// True for a title a person is named by when it stands bare ("President", "Prince"),
    /// exactly as `name_words.tsv` spells it.
    pub fn is_name_style(&self, word: &str) -> bool {
        self.name_styles.contains(word)
    }
}

/// True when a form may start at `start`: not inside a word, except that a capital right after
/// three lower-case letters counts as a word start ("hereTrump": a missing space).
fn starts_word(text: &str, start: usize) -> bool {
    let Some(prev) = text[..start].chars().next_back() else {
        return true;
    };
    if !prev.is_alphanumeric() {
        return true;
    }
    prev.is_lowercase()
        && text[start..].chars().next().is_some_and(char::is_uppercase)
        && text[..start].chars().rev().take(3).all(char::is_lowercase)
}

/// True when a form may end at `end`: not inside a word.
fn ends_word(text: &str, end: usize) -> bool {
    let last = text[..end].chars().next_back();
    match text[end..].chars().next() {
        Some(next) => !(next.is_alphanumeric() && last.is_some_and(char::is_alphanumeric)),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Target)> {
        let lex = Lexicons::get();
        lex.matches(text, Span::new(0, text.len()))
            .into_iter()
            .map(|m| (m.span.of(text), m.target))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        let lex = Lexicons::get();
        found(text)
            .into_iter()
            .map(|(_, t)| match t {
                Target::Place(i) => format!("place:{}", lex.places[i].name),
                Target::Demonym(i) => format!("demonym:{}", lex.places[i].name),
                Target::Organization(i) => format!("org:{}", lex.organizations[i].name),
                Target::Title(i) => format!("title:{}", lex.titles[i].canonical),
            })
            .collect()
    }

    #[test]
    fn every_lexicon_line_parses() {
        for (name, src, min_cols) in [
            ("places", PLACES, 2),
            ("demonyms", DEMONYMS, 2),
            ("organizations", ORGANIZATIONS, 2),
            ("titles", TITLES, 2),
            ("occupations", OCCUPATIONS, 2),
            ("ranks", RANKS, 2),
            ("organization_words", ORGANIZATION_WORDS, 2),
            ("name_words", NAME_WORDS, 2),
            ("surnames", SURNAMES, 1),
        ] {
            for row in rows(src) {
                assert!(row.len() >= min_cols, "{name}: {row:?}");
            }
            assert!(src.starts_with('#'), "{name} has a header");
        }
        let lex = Lexicons::get();
        assert!(lex.places.iter().all(|p| !p.name.is_empty()));
        for row in rows(DEMONYMS) {
            assert!(
                lex.place_named(row[1]).is_some(),
                "demonym place {}",
                row[1]
            );
        }
        for row in rows(TITLES).chain(rows(OCCUPATIONS)).chain(rows(RANKS)) {
            assert!(TitleKind::parse(row[1]).is_some(), "title kind {row:?}");
        }
    }

    #[test]
    fn us_variants_are_one_place_and_us_the_pronoun_is_none() {
        assert_eq!(
            names("the U.S. and the US, America, the United States, United states, not us"),
            [
                "place:United States",
                "place:United States",
                "place:United States",
                "place:United States",
                "place:United States"
            ]
        );
    }

    #[test]
    fn letter_case_rules() {
        assert_eq!(
            names("talks in geneva and ukraine"),
            ["place:Geneva", "place:Ukraine"]
        );
        assert!(names("a roast turkey").is_empty());
        assert_eq!(
            names("Turkey and WASHINGTON"),
            ["place:Turkey", "place:Washington"]
        );
        assert!(names("the nato summit").is_empty());
        assert_eq!(names("the former president"), ["title:President"]);
    }

    #[test]
    fn longest_form_wins_and_boundaries_hold() {
        assert_eq!(names("Prime Minister"), ["title:Prime Minister"]);
        assert_eq!(
            names("the European Central Bank"),
            ["org:European Central Bank"]
        );
        assert_eq!(names("St. Petersburg"), ["place:Saint Petersburg"]);
        assert!(names("Russianness").is_empty());
        assert_eq!(names("read it hereRussia"), ["place:Russia"]);
        assert_eq!(names("the Kremlin’s view"), ["org:Kremlin"]);
        assert_eq!(
            names("Russian President"),
            ["demonym:Russia", "title:President"]
        );
    }

    #[test]
    fn word_lists() {
        let lex = Lexicons::get();
        assert!(lex.is_given_name("Volodymyr") && lex.is_given_name("olga"));
        assert!(lex.is_common_word("Details") && !lex.is_common_word("Hrytsenky"));
        assert!(lex.is_not_name("Monday"));
        assert_eq!(
            lex.role_kind("national security adviser"),
            Some(TitleKind::Position)
        );
        assert_eq!(lex.role_kind("head"), Some(TitleKind::Generic));
        assert_eq!(lex.role_kind("special envoy"), Some(TitleKind::Envoy));
        assert!(lex.is_surname_first("Xi", false) && !lex.is_surname_first("Kim", false));
    }

    #[test]
    fn one_long_organization_word_matches_in_lower_case() {
        assert_eq!(names("a greenpeace report"), ["org:Greenpeace"]);
        assert!(names("the nato summit and the bbc").is_empty());
    }
}
