//! The trigger lexicon: which written words announce an event, with their base form, part of
//! speech and class, read once from `ontology/lexicon/event_triggers.tsv`.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The lexicon file, embedded at build time.
const SOURCE: &str = include_str!("../../../ontology/lexicon/event_triggers.tsv");

/// Part of speech of a trigger form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    /// "visited", "confirms".
    Verb,
    /// "visit", "talks", "invasion".
    Noun,
}

/// What a trigger needs around it before it counts as an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Requirement {
    /// Nothing.
    None,
    /// One of these words follows in the clause ("reached an agreement").
    Object(Vec<&'static str>),
    /// A length of time follows ("spent five hours").
    Duration,
}

/// One reading of a trigger form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TriggerSense {
    /// Base form: "confirm", "talk".
    pub lemma: &'static str,
    /// Verb or noun.
    pub pos: Pos,
    /// Kind of happening: "meeting", "statement", "light"...
    pub class: &'static str,
    /// An event alone, but the noun event it governs is the event ("launched an invasion").
    pub yields: bool,
    /// What it needs around it.
    pub requires: Requirement,
    /// Words that, right after it, make it no event ("met with criticism").
    pub unless: Vec<&'static str>,
    /// Particles, one of which must follow, right after it or past a preposition, negation or
    /// pronoun ("took effect", "stepped down", "entered into force"); empty when none is needed.
    pub then: Vec<&'static str>,
    /// The form is a verb only right after an auxiliary, a modal or "to" ("will ship", "to
    /// brief"); elsewhere it is a noun or an adjective ("the ship", "a brief pause").
    pub after_auxiliary: bool,
}

impl TriggerSense {
    /// Statements ("said", "confirmed") are frequent; they make a dated event only when the date
    /// is stated right at the verb, to a day.
    pub fn is_statement(&self) -> bool {
        self.class == STATEMENT
    }

    /// True for a state or habit ("operates", "includes"): an event only when dated.
    pub fn is_state(&self) -> bool {
        self.class == STATE
    }

    /// Light verbs ("held", "attended") make no event alone; they carry the noun they govern.
    pub fn is_light(&self) -> bool {
        self.class == LIGHT
    }

    /// True when, governing a noun trigger, the noun is the event.
    pub fn gives_way_to_noun(&self) -> bool {
        self.pos == Pos::Verb && (self.is_light() || self.yields)
    }
}

/// The class of statement triggers.
pub(crate) const STATEMENT: &str = "statement";
/// The class of light verbs.
pub(crate) const LIGHT: &str = "light";
/// The class of states and habits: "operates a fleet", "includes a camera".
pub(crate) const STATE: &str = "state";

/// Written form (lower case, straight apostrophes) → its senses.
static LEXICON: LazyLock<HashMap<&'static str, Vec<TriggerSense>>> =
    LazyLock::new(|| parse(SOURCE));

/// The senses of a written form (`word` lower case), empty when it is no trigger.
pub(crate) fn senses(word: &str) -> &'static [TriggerSense] {
    LEXICON.get(word).map_or(&[], Vec::as_slice)
}

/// True when `word` (lower case) is a trigger form read only as a verb ("said", "visited"): it
/// ends a noun phrase that walks back over words.
pub(crate) fn is_verb_only(word: &str) -> bool {
    let all = senses(word);
    all.iter().any(|s| s.pos == Pos::Verb) && all.iter().all(|s| s.pos == Pos::Verb)
}

/// Every written form in one automaton, ASCII case-insensitive, for [`may_hold_trigger`].
static FORMS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        // A few hundred short forms: a small DFA, the fastest to run over every sentence.
        .kind(Some(AhoCorasickKind::DFA))
        .build(LEXICON.keys())
        .ok()
});

/// False when no word of `sentence` can be a trigger, so the sentence tells no event and need
/// not be cut into tokens and clauses: the text is ASCII and no written form occurs in it, in any
/// letter case, between characters that are not letters or digits. True otherwise.
///
/// A token of ASCII text is lower-cased by ASCII rules alone, and a token never starts or ends
/// next to a letter or digit (runs of them are never cut), so a token that is a form is such an
/// occurrence.
pub(crate) fn may_hold_trigger(sentence: &str) -> bool {
    let Some(forms) = FORMS.as_ref().filter(|_| sentence.is_ascii()) else {
        return true;
    };
    let bytes = sentence.as_bytes();
    let alphanumeric_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    forms.find_overlapping_iter(sentence).any(|m| {
        let before = m.start().checked_sub(1).is_some_and(alphanumeric_at);
        !before && !alphanumeric_at(m.end())
    })
}

/// Parses the TSV: lemma, pos, class, forms, options. Malformed lines are skipped (a test checks
/// there are none).
fn parse(source: &'static str) -> HashMap<&'static str, Vec<TriggerSense>> {
    let mut map: HashMap<&'static str, Vec<TriggerSense>> = HashMap::default();
    for line in source.lines() {
        let Some(sense_forms) = parse_line(line) else {
            continue;
        };
        let (sense, forms) = sense_forms;
        for form in forms.split_whitespace() {
            map.entry(form).or_default().push(sense.clone());
        }
    }
    map
}

/// One line as a sense and its forms; `None` for comments, blank and malformed lines.
fn parse_line(line: &'static str) -> Option<(TriggerSense, &'static str)> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut cols = line.split('\t');
    let lemma = cols.next()?.trim();
    let pos = match cols.next()?.trim() {
        "verb" => Pos::Verb,
        "noun" => Pos::Noun,
        _ => return None,
    };
    let class = cols.next()?.trim();
    let forms = cols.next()?.trim();
    let options = cols.next()?.trim();
    let mut yields = false;
    let mut requires = Requirement::None;
    let mut unless = Vec::new();
    let mut then = Vec::new();
    let mut after_auxiliary = false;
    for option in options.split(',').map(str::trim).filter(|o| *o != "-") {
        if let Some(words) = option.strip_prefix("unless=") {
            unless = words.split('|').collect();
        } else if let Some(words) = option.strip_prefix("then=") {
            then = words.split('|').collect();
        } else if option == "aux" {
            after_auxiliary = true;
        } else if option == "yields" {
            yields = true;
        } else if option == "duration" {
            requires = Requirement::Duration;
        } else if let Some(words) = option.strip_prefix("object=") {
            requires = Requirement::Object(words.split('|').collect());
        } else {
            return None;
        }
    }
    if lemma.is_empty() || class.is_empty() || forms.is_empty() {
        return None;
    }
    let sense = TriggerSense {
        lemma,
        pos,
        class,
        yields,
        requires,
        unless,
        then,
        after_auxiliary,
    };
    Some((sense, forms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        for line in SOURCE.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            assert!(
                parse_line(line).is_some(),
                "malformed lexicon line: {line:?}"
            );
        }
    }

    #[test]
    fn forms_map_to_their_lemma_and_class() {
        let confirmed = senses("confirmed");
        assert_eq!(confirmed.len(), 1);
        assert_eq!(confirmed[0].lemma, "confirm");
        assert!(confirmed[0].is_statement());
        let talks = senses("talks");
        assert_eq!((talks[0].lemma, talks[0].pos), ("talk", Pos::Noun));
        assert!(senses("held")[0].is_light());
        assert!(senses("launched")[0].gives_way_to_noun());
        assert!(senses("table").is_empty());
    }

    #[test]
    fn sentences_without_a_trigger_form_are_told_apart() {
        assert!(may_hold_trigger("The mayor VISITED the port."));
        assert!(may_hold_trigger("Café owners complained loudly."));
        assert!(!may_hold_trigger("The mayor, a tall man, smiled."));
        // "visit" only inside longer words.
        assert!(!may_hold_trigger("Visitors revisited the white port."));
    }

    #[test]
    fn forms_used_as_noun_and_verb_have_both_senses() {
        let visits: Vec<Pos> = senses("visits").iter().map(|s| s.pos).collect();
        assert!(visits.contains(&Pos::Verb) && visits.contains(&Pos::Noun));
    }

    #[test]
    fn requirements_are_read() {
        assert!(
            matches!(senses("reached")[0].requires, Requirement::Object(ref w) if w.contains(&"agreement"))
        );
        assert_eq!(senses("spent")[0].requires, Requirement::Duration);
        assert!(senses("met")[0].unless.contains(&"criticism"));
        assert!(senses("took").iter().any(|s| s.then.contains(&"effect")));
        assert!(senses("ship").iter().all(|s| s.after_auxiliary));
    }

    #[test]
    fn one_form_may_have_several_verb_senses() {
        let lemmas: Vec<&str> = senses("took").iter().map(|s| s.lemma).collect();
        assert!(lemmas.contains(&"take effect") && lemmas.contains(&"take over"));
    }
}
