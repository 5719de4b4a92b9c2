//! Closed-class words the event rules read around a trigger (determiners, auxiliaries, clause
//! openers...), read once from `ontology/lexicon/event_grammar.tsv`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// The word list, embedded at build time.
const SOURCE: &str = include_str!("../../../ontology/lexicon/event_grammar.tsv");

/// A class of closed-class words; see the header of `event_grammar.tsv` for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// "the", "his".
    Determiner,
    /// "of", "in", "with".
    Preposition,
    /// "has", "will", "was".
    Auxiliary,
    /// "could", "might".
    Modal,
    /// "not", "never", "no".
    Negation,
    /// "he", "they".
    Pronoun,
    /// "also", "reportedly".
    Adverb,
    /// "set", "due" (before "to" + verb).
    Plan,
    /// "possible", "alleged" (before a noun trigger).
    Hedge,
    /// "although", "while".
    Subordinator,
    /// "if", "unless".
    Condition,
    /// "who", "which", "that".
    Relative,
    /// "but", "and".
    Coordinator,
    /// "by", "until" (before a date).
    DateBar,
    /// "day", "week" (after "that").
    TimeNoun,
    /// "including", "according" (not participles).
    NonParticiple,
    /// "cancelled", "postponed" (the event did not take place).
    Cancel,
    /// "denied", "reports" (before "that": the clause is not stated as fact).
    Dispute,
}

impl WordClass {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "determiner" => Self::Determiner,
            "preposition" => Self::Preposition,
            "auxiliary" => Self::Auxiliary,
            "modal" => Self::Modal,
            "negation" => Self::Negation,
            "pronoun" => Self::Pronoun,
            "adverb" => Self::Adverb,
            "plan" => Self::Plan,
            "hedge" => Self::Hedge,
            "subordinator" => Self::Subordinator,
            "condition" => Self::Condition,
            "relative" => Self::Relative,
            "coordinator" => Self::Coordinator,
            "datebar" => Self::DateBar,
            "timenoun" => Self::TimeNoun,
            "nonparticiple" => Self::NonParticiple,
            "cancel" => Self::Cancel,
            "dispute" => Self::Dispute,
            _ => return None,
        })
    }

    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Word → bit set of its classes.
static WORDS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u32> = HashMap::default();
    for (word, class) in SOURCE.lines().filter_map(parse_line) {
        *map.entry(word).or_default() |= class.bit();
    }
    map
});

/// The bytes the words of [`WORDS`] start with: a token starting with any other byte
/// (punctuation, a digit) is in no class, without a lookup.
static FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut first = [false; 256];
    for word in WORDS.keys() {
        if let Some(&b) = word.as_bytes().first() {
            first[usize::from(b)] = true;
        }
    }
    first
});

fn parse_line(line: &'static str) -> Option<(&'static str, WordClass)> {
    if line.starts_with('#') {
        return None;
    }
    let (word, class) = line.split_once('\t')?;
    Some((word.trim(), WordClass::from_name(class.trim())?))
}

/// The set of classes a word belongs to, looked up once per token ([`Classes::of`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Classes(u32);

impl Classes {
    /// The classes of `word` (lower case); empty for a word of no class.
    pub(crate) fn of(word: &str) -> Self {
        match word.as_bytes().first() {
            Some(&b) if !FIRST_BYTES[usize::from(b)] => Self(0),
            _ => Self(WORDS.get(word).copied().unwrap_or(0)),
        }
    }

    /// True when `class` is one of them.
    pub(crate) fn has(self, class: WordClass) -> bool {
        self.0 & class.bit() != 0
    }
}

/// True when `word` (lower case) belongs to `class`.
pub(crate) fn is(word: &str, class: WordClass) -> bool {
    Classes::of(word).has(class)
}

/// True for contracted negations: "didn't", "won't", "can’t".
pub(crate) fn is_contracted_negation(word: &str) -> bool {
    word.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        for line in SOURCE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            assert!(
                parse_line(line).is_some(),
                "malformed grammar line: {line:?}"
            );
        }
    }

    #[test]
    fn words_can_have_several_classes() {
        assert!(is("after", WordClass::Preposition));
        assert!(is("after", WordClass::Subordinator));
        assert!(is("after", WordClass::DateBar));
        assert!(!is("after", WordClass::Modal));
        assert!(is("could", WordClass::Modal));
        assert!(!is("visit", WordClass::Determiner));
        assert!(is_contracted_negation("didn't"));
    }
}
