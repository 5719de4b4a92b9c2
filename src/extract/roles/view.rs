//! One sentence as the role shapes see it: its tokens and the mention that covers each token.
//!
//! Every shape reads the same view, so a sentence is indexed once, and a shape sees only the
//! mentions of its own sentence (never the whole document: extraction stays linear in its size).

use crate::extract::lexicon::{Lexicons, TitleKind};
use crate::extract::model::{Entity, EntityKind, Mention, MentionKind};
use crate::extract::tokens::Token;
use std::borrow::Cow;

/// Words after an apposition's title that end its noun phrase.
pub(super) const FOLLOWERS: &[&str] = &[
    "who",
    "whose",
    "which",
    "that",
    "and",
    "appointed",
    "named",
    "nominated",
    "during",
    "since",
    "until",
    "with",
    "in",
    "on",
    "at",
    "from",
    "said",
    "says",
    "told",
    "has",
    "had",
    "have",
    "is",
    "was",
    "will",
    "would",
    "before",
    "after",
    "when",
    "while",
    "also",
    "to",
    "for",
    "of",
    "by",
    "based",
    "headquartered",
];

/// The tokens of one sentence and the mention covering each.
pub(super) struct View<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: Cow<'a, [Token]>,
    pub(super) owner: Vec<Option<usize>>,
    ranges: rustc_hash::FxHashMap<usize, (usize, usize)>,
    pub(super) mentions: &'a [Mention],
    /// The mentions of the sentence, in order.
    in_sentence: Vec<usize>,
}

impl<'a> View<'a> {
    /// True when mention `m` names an organization with an entity of that kind (not a place
    /// acting as one, nor a body without identity).
    pub(super) fn is_organization(&self, m: usize, entities: &[Entity]) -> bool {
        let mention = &self.mentions[m];
        mention.kind == MentionKind::Organization
            && mention
                .entity
                .and_then(|e| entities.get(e))
                .is_some_and(|e| e.kind == EntityKind::Organization)
    }

    pub(super) fn new(
        text: &'a str,
        mentions: &'a [Mention],
        in_sentence: &[usize],
        tokens: Cow<'a, [Token]>,
    ) -> Self {
        let mut owner = vec![None; tokens.len()];
        let mut ranges = rustc_hash::FxHashMap::default();
        for &m in in_sentence {
            let span = mentions[m].span;
            let first = tokens.partition_point(|t| t.span.end <= span.start);
            let end = tokens.partition_point(|t| t.span.start < span.end);
            if first >= end {
                continue;
            }
            for slot in owner.iter_mut().take(end).skip(first) {
                *slot = Some(m);
            }
            ranges.insert(m, (first, end - 1));
        }
        View {
            text,
            tokens,
            owner,
            ranges,
            mentions,
            in_sentence: in_sentence.to_vec(),
        }
    }

    /// The mentions of the sentence, in order.
    pub(super) fn mentions_in_sentence(&self) -> impl Iterator<Item = usize> + '_ {
        self.in_sentence.iter().copied()
    }

    pub(super) fn word(&self, t: usize) -> &'a str {
        self.tokens.get(t).map_or("", |tok| tok.text(self.text))
    }

    pub(super) fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    /// The token range of mention `m`.
    pub(super) fn range(&self, m: usize) -> (usize, usize) {
        self.ranges.get(&m).copied().unwrap_or((0, 0))
    }

    /// The mention that ends exactly at token `t`.
    pub(super) fn mention_ending_at(&self, t: usize) -> Option<usize> {
        let m = (*self.owner.get(t)?)?;
        (self.range(m).1 == t).then_some(m)
    }

    /// The mention that starts exactly at token `t`.
    pub(super) fn mention_starting_at(&self, t: usize) -> Option<usize> {
        let m = (*self.owner.get(t)?)?;
        (self.range(m).0 == t).then_some(m)
    }

    /// The token after the place mention that starts at token `k`, if one does.
    pub(super) fn after_place(&self, k: usize) -> Option<usize> {
        let m = self.mention_starting_at(k)?;
        (self.mentions[m].kind == MentionKind::Place).then(|| self.range(m).1 + 1)
    }

    /// True when token `t` is an age: one to three digits ("X, 47, of Acme").
    pub(super) fn is_age(&self, t: usize) -> bool {
        let w = self.word(t);
        !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
    }

    /// The token after an age between commas that starts at token `t` (", 47,"), if one does:
    /// the aside that news puts after a person's name.
    pub(super) fn after_age(&self, t: usize) -> Option<usize> {
        (self.word(t) == "," && self.is_age(t + 1) && self.word(t + 2) == ",").then_some(t + 3)
    }

    /// True when only spaces (no line break) separate tokens `a` and `b`.
    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => self
                .text
                .get(x.span.end..y.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
            _ => false,
        }
    }

    /// The form of address or rank written at token `t` ("Dr.", "Mrs", "Lt."; ranks only when
    /// `ranks`), whether or not a mention covers it: the token after it.
    fn address_at(&self, t: usize, lex: &Lexicons, ranks: bool) -> Option<usize> {
        let word = self.word(t);
        if !word.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let dotted = self.word(t + 1) == ".";
        let form = if dotted {
            format!("{word}.")
        } else {
            word.to_string()
        };
        let is = lex.role_kind(&form) == Some(TitleKind::Honorific) || ranks && lex.is_rank(&form);
        is.then_some(if dotted { t + 2 } else { t + 1 })
    }

    /// The token after the forms of address and ranks that start at token `t` ("Dr.", "Lt.
    /// Col."), or `t`.
    pub(super) fn after_address(&self, t: usize, lex: &Lexicons) -> usize {
        let mut k = t;
        for _ in 0..2 {
            if self
                .mention_starting_at(k)
                .is_some_and(|m| self.mentions[m].kind == MentionKind::Person)
            {
                break;
            }
            match self.address_at(k, lex, true) {
                Some(next) => k = next,
                None => break,
            }
        }
        k
    }

    /// The first token of a form of address that ends right before token `t` ("Dr." in "Dr.
    /// Ann Lee"), or `t`.
    pub(super) fn before_address(&self, t: usize, lex: &Lexicons) -> usize {
        for back in [2, 1] {
            if let Some(k) = t.checked_sub(back) {
                if self.address_at(k, lex, false) == Some(t) {
                    return k;
                }
            }
        }
        t
    }
}
