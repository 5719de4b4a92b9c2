//! The working state of one sentence while its mentions are found: its tokens and the
//! candidates the finders have proposed so far.
//!
//! Every finder ([`super::person_names`], [`super::organization_names`],
//! [`super::organization_shapes`], [`super::place_names`], [`super::organization_references`])
//! reads and extends a [`SentenceWork`]; [`super::mentions`] runs them in order and turns what
//! survives into mentions. This module depends on no finder, so the finders and the stage that
//! runs them import it and not each other.

use super::lexicon::PlaceClass;
use super::lower::with_lower;
use super::model::MentionKind;
use super::tokens::Token;
use crate::text::Span;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A mention in the making.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    /// What it names.
    pub kind: MentionKind,
    /// Where it is.
    pub span: Span,
    /// Its normalized value (see [`Mention::value`]).
    pub value: Option<String>,
    /// First and last token it covers (inclusive).
    pub first: usize,
    pub last: usize,
    /// For places: what kind of place.
    pub place_class: Option<PlaceClass>,
    /// For titles: an honorific ("Mr."), which is evidence for a name but no role mention.
    pub honorific: bool,
    /// False once a longer candidate has taken its place.
    pub alive: bool,
}

/// One sentence being worked on.
pub(super) struct SentenceWork {
    /// The sentence's index in the document.
    pub index: usize,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Its candidates so far.
    pub candidates: Vec<Candidate>,
    /// Which live candidate covers each token.
    pub owner: Vec<Option<usize>>,
    /// Tokens inside a URL, which name nothing.
    pub blocked: Vec<bool>,
    /// True when the sentence reads like a headline (most words capitalised).
    pub headline: bool,
}

impl SentenceWork {
    /// Recomputes [`SentenceWork::owner`] after candidates changed.
    pub fn refresh_owner(&mut self) {
        self.owner = vec![None; self.tokens.len()];
        for (c, cand) in self.candidates.iter().enumerate() {
            if !cand.alive {
                continue;
            }
            for t in cand.first..=cand.last.min(self.tokens.len().saturating_sub(1)) {
                self.owner[t] = Some(c);
            }
        }
    }

    /// The live candidate covering token `t`.
    pub fn owner_of(&self, t: usize) -> Option<&Candidate> {
        self.owner
            .get(t)
            .copied()
            .flatten()
            .map(|c| &self.candidates[c])
    }

    /// The text of token `t`.
    pub fn word<'t>(&self, text: &'t str, t: usize) -> &'t str {
        self.tokens.get(t).map_or("", |tok| tok.text(text))
    }

    /// True when nothing but spaces (no line break) separate tokens `a` and `b`.
    pub fn adjacent(&self, text: &str, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => text
                .get(x.span.end..y.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
            _ => false,
        }
    }

    /// True when token `t` is a word that no live candidate covers, outside a URL.
    pub fn is_free_word(&self, t: usize) -> bool {
        self.is_word(t)
            && self.owner.get(t).is_some_and(Option::is_none)
            && !self.blocked.get(t).copied().unwrap_or(true)
    }

    /// True when token `t` is a word token.
    pub fn is_word(&self, t: usize) -> bool {
        self.tokens.get(t).is_some_and(Token::is_word)
    }

    /// Adds a candidate over tokens `first..=last`, killing the live candidates it covers.
    pub fn add(&mut self, kind: MentionKind, first: usize, last: usize, value: Option<String>) {
        let span = Span::new(self.tokens[first].span.start, self.tokens[last].span.end);
        let index = self.candidates.len();
        for (c, cand) in self.candidates.iter_mut().enumerate() {
            if cand.alive && cand.span.overlaps(span) {
                cand.alive = false;
                for t in cand.first..=cand.last {
                    if self.owner.get(t) == Some(&Some(c)) {
                        self.owner[t] = None;
                    }
                }
            }
        }
        self.candidates.push(Candidate {
            kind,
            span,
            value,
            first,
            last,
            place_class: None,
            honorific: false,
            alive: true,
        });
        for t in first..=last {
            if let Some(slot) = self.owner.get_mut(t) {
                *slot = Some(index);
            }
        }
    }
}

/// Words that never start or join a name or an organization name, in any case.
pub(super) fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "by", "with", "at",
        "as", "from", "vs", "is", "are", "was", "were", "be", "it", "its", "into", "over", "amid",
        "amidst", "between", "after", "before", "about", "this", "that", "these", "those", "his",
        "her", "their", "our", "my", "your", "he", "she", "they", "we", "you", "i", "several",
        "many", "some", "all", "both", "each", "every", "any", "no", "not", "if", "when", "while",
        "where", "who", "what", "why", "how", "than", "then", "so", "also", "yet", "despite",
        "during", "under", "toward", "towards", "against", "via", "per", "whether", "although",
        "though", "because", "since", "until", "upon", "among", "across", "through",
    ];
    /// The words, for lookups.
    static SET: LazyLock<FxHashSet<&str>> = LazyLock::new(|| WORDS.iter().copied().collect());
    with_lower(word, |lower| SET.contains(lower))
}
