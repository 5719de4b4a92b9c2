//! Cutting a sentence into clauses, so that a date, a participant or a negation is read only
//! with the trigger it belongs to.
//!
//! A clause ends at ";", ":", a dash, a parenthesis, and before a clause opener: a relative
//! pronoun or complementizer ("who", "which", "that"), a subordinator ("although", "while",
//! "after"), "but", a participle after a comma (", leaving"), and ", and" before a new subject.
//! A relative clause set off by commas (", who has …,") is a parenthesis: the clause around it
//! goes on after the closing comma. A subordinate clause that opens the sentence ("Although …,")
//! ends at its first comma. No token inside a temporal expression opens a clause.

use super::grammar::WordClass;
use super::tokens::{Token, TokenKind};

/// One clause: which tokens belong to it and how it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clause {
    /// Token indices, in order (a clause interrupted by a parenthesis is not contiguous).
    pub tokens: Vec<usize>,
    /// The token that opened it ("that", "although"), when a word did.
    pub opener: Option<usize>,
    /// Opened by "if", "unless", "whether", or a "that" after "denied", "reports": it states no
    /// fact.
    pub conditional: bool,
}

/// What a comma does while a clause waits for one.
#[derive(Debug, Clone, Copy)]
enum AtComma {
    /// Nothing special.
    Nothing,
    /// Return to this clause (closing a relative clause set off by commas).
    Resume(usize),
    /// Start a new clause (closing a sentence-initial subordinate clause).
    Open,
}

/// Cuts `tokens` into clauses. `in_timex[i]` is true for tokens inside a temporal expression.
/// Returns the clauses and, for every token, the index of its clause.
pub(crate) fn segment(tokens: &[Token<'_>], in_timex: &[bool]) -> (Vec<Clause>, Vec<usize>) {
    let mut clauses = vec![Clause {
        tokens: Vec::new(),
        opener: None,
        conditional: false,
    }];
    let mut of_token = Vec::with_capacity(tokens.len());
    let mut current = 0;
    let mut at_comma = AtComma::Nothing;
    let mut parens: Vec<usize> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let opens = if in_timex.get(i).copied().unwrap_or(false) {
            None
        } else {
            opens_clause(tokens, i)
        };
        if token.is_punct('(') {
            parens.push(current);
            current = open(&mut clauses, None, false);
        } else if let Some(kind) = opens {
            let after_comma = i > 0 && tokens[i - 1].is_punct(',');
            let at_start = clauses[current]
                .tokens
                .iter()
                .all(|&t| !tokens[t].is_word());
            let conditional = token.is(WordClass::Condition) || disputed(tokens, i);
            let outer = current;
            current = open(&mut clauses, Some(i), conditional);
            at_comma = match kind {
                Opener::Relative if after_comma && !at_start && token.lower != "that" => {
                    AtComma::Resume(outer)
                }
                Opener::Subordinate if at_start => AtComma::Open,
                _ => AtComma::Nothing,
            };
        }
        clauses[current].tokens.push(i);
        of_token.push(current);
        if token.is_punct(',') {
            match at_comma {
                AtComma::Resume(outer) if !ends_sentence_part(tokens, i) => current = outer,
                AtComma::Open => current = open(&mut clauses, None, false),
                _ => {}
            }
            at_comma = AtComma::Nothing;
        } else if token.is_punct(')') {
            if let Some(outer) = parens.pop() {
                current = outer;
            }
        } else if is_hard_boundary(token) {
            current = open(&mut clauses, None, false);
            at_comma = AtComma::Nothing;
        }
    }
    clauses.retain(|c| !c.tokens.is_empty());
    // Renumber after dropping empty clauses.
    let mut renumbered = vec![0; of_token.len()];
    for (n, clause) in clauses.iter().enumerate() {
        for &t in &clause.tokens {
            renumbered[t] = n;
        }
    }
    (clauses, renumbered)
}

/// True for a "that" after a word that denies or only reports what follows ("denied that",
/// "reports that").
fn disputed(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].lower == "that"
        && tokens[..i]
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .take(2)
            .any(|t| t.is(WordClass::Dispute))
}

/// True when the comma at `i` is followed by nothing that can resume a clause.
fn ends_sentence_part(tokens: &[Token<'_>], i: usize) -> bool {
    !tokens.get(i + 1).is_some_and(Token::is_word)
}

fn open(clauses: &mut Vec<Clause>, opener: Option<usize>, conditional: bool) -> usize {
    clauses.push(Clause {
        tokens: Vec::new(),
        opener,
        conditional,
    });
    clauses.len() - 1
}

/// Punctuation after which a new clause starts.
fn is_hard_boundary(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct
        && matches!(
            token.text,
            ";" | ":" | "\u{2014}" | "\u{2013}" | "-" | "|" | "!" | "?"
        )
}

/// How a word opens a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// "who", "which", "that".
    Relative,
    /// "although", "after", "if".
    Subordinate,
    /// "but", ", and they", ", leaving".
    Coordinate,
}

/// Whether the token at `i` opens a clause, and how.
fn opens_clause(tokens: &[Token<'_>], i: usize) -> Option<Opener> {
    let token = &tokens[i];
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = token.lower.as_ref();
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    let after_comma = prev.is_some_and(|p| p.is_punct(','));
    if word == "that" {
        // "that day", "of that": a determiner, not a clause.
        let determiner = next.is_some_and(|n| n.is(WordClass::TimeNoun))
            || prev.is_some_and(|p| p.is(WordClass::Preposition));
        return (!determiner).then_some(Opener::Relative);
    }
    if token.is(WordClass::Relative) {
        return Some(Opener::Relative);
    }
    if token.is(WordClass::Subordinator) {
        // "ahead of", "despite" are prepositions that open an adjunct: cut only before a phrase.
        return Some(Opener::Subordinate);
    }
    if word == "but" {
        return Some(Opener::Coordinate);
    }
    if after_comma && token.is(WordClass::Coordinator) {
        let subject_next =
            next.is_some_and(|n| n.is(WordClass::Pronoun) || n.is(WordClass::Determiner));
        return subject_next.then_some(Opener::Coordinate);
    }
    if after_comma && word.len() > 5 && word.ends_with("ing") && !token.is(WordClass::NonParticiple)
    {
        return Some(Opener::Coordinate);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::events::tokens::tokenize;
    use crate::text::Span;

    fn clauses(text: &str) -> Vec<String> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let in_timex = vec![false; tokens.len()];
        let (clauses, of_token) = segment(&tokens, &in_timex);
        for (n, c) in clauses.iter().enumerate() {
            assert!(c.tokens.iter().all(|&t| of_token[t] == n));
        }
        clauses
            .iter()
            .map(|c| {
                c.tokens
                    .iter()
                    .map(|&t| tokens[t].text)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn cuts_at_complementizers_and_subordinators() {
        assert_eq!(
            clauses("The ministry said on Friday that troops had left while talks went on."),
            [
                "The ministry said on Friday",
                "that troops had left",
                "while talks went on ."
            ]
        );
    }

    #[test]
    fn relative_clause_between_commas_is_a_parenthesis() {
        assert_eq!(
            clauses("The minister, who arrived late, met the mayor."),
            ["The minister , met the mayor .", "who arrived late ,"]
        );
    }

    #[test]
    fn sentence_initial_subordinate_clause_ends_at_its_comma() {
        assert_eq!(
            clauses("Although the vote failed, the party met on Monday."),
            ["Although the vote failed ,", "the party met on Monday ."]
        );
    }

    #[test]
    fn participles_dashes_and_new_subjects_cut() {
        assert_eq!(
            clauses("Storms hit the coast, leaving many homeless; the army—which helped—left, and they slept."),
            [
                "Storms hit the coast ,",
                "leaving many homeless ;",
                "the army —",
                "which helped —",
                "left ,",
                "and they slept ."
            ]
        );
    }

    #[test]
    fn determiner_that_does_not_cut() {
        assert_eq!(clauses("He left that day."), ["He left that day ."]);
    }

    #[test]
    fn denied_and_reported_clauses_are_marked() {
        let text = "The army denied that it shelled the town.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let (c, _) = segment(&tokens, &vec![false; tokens.len()]);
        assert!(!c[0].conditional);
        assert!(c[1].conditional);
        let text = "The army said that it shelled the town.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let (c, _) = segment(&tokens, &vec![false; tokens.len()]);
        assert!(!c[1].conditional);
    }

    #[test]
    fn conditional_clauses_are_marked() {
        let text = "Talks resume if the truce holds.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let (c, _) = segment(&tokens, &vec![false; tokens.len()]);
        assert!(!c[0].conditional);
        assert!(c[1].conditional);
    }
}
