//! Organizations named again by what they are: "The Acme Agency is working on it, said Ann Lee,
//! a spokeswoman for the agency", "Beta Co. will appeal, said Tom Ray, a company official",
//! "the department's Ann Lee", "who will become the newspaper's chairman".
//!
//! News names an employer once and then refers to it by its kind. The noun ("agency",
//! "company", "newspaper") names an organization only when exactly one organization of that kind
//! was named before it, earlier in the same sentence or in the sentence before: a capitalised
//! head in its name ("Agency", "Department"), a legal form or the class of a company for
//! "company" and "firm", a newspaper's class or head for "newspaper". Two candidates, or none,
//! and nothing is read: a wrong employer is worse than a missing one.
//!
//! The same holds for an organization's possessive right before a person's name ("NBC's Ann
//! Lee", "the agency's Tom Ray"): the person is a member of it ([`read`]); and a person's
//! possessive before a party ("Ann Lee's Progressive Unity Party") names the party she belongs
//! to.

use super::context::Reading;
use super::membership;
use super::view::View;
use crate::extract::lexicon::Lexicons;
use crate::extract::model::{Entity, EntityKind, Membership, MentionKind};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// Nouns that name a company, whatever its name.
const COMPANY_NOUNS: &[&str] = &["company", "firm", "corporation"];

/// Nouns that name a newspaper or broadcaster.
const MEDIA_NOUNS: &[&str] = &["newspaper", "paper", "network", "broadcaster"];

/// Capitalised heads of newspaper names ("Mercury News", "Herald-Press").
const MEDIA_HEADS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Tribune",
    "Gazette",
    "Press",
    "Chronicle",
    "Globe",
    "Star",
    "Courier",
    "Register",
    "Inquirer",
];

/// The organizations a kind noun may refer back to: those named in the sentence before the
/// current one (earlier mentions of the current sentence are read from its view).
pub(super) struct Scope<'a> {
    /// Organization entities named in the previous sentence.
    previous: Vec<usize>,
    /// The organization the previous sentence is about (its first person or organization),
    /// for "Its president" and "The confederation's president" at the start of a sentence.
    pub(super) subject: Option<usize>,
    pub(super) entities: &'a [Entity],
    pub(super) lex: &'a Lexicons,
}

impl<'a> Scope<'a> {
    pub(super) fn new(
        mentions: &[crate::extract::model::Mention],
        previous: &[usize],
        entities: &'a [Entity],
        lex: &'a Lexicons,
    ) -> Self {
        let mut orgs: Vec<usize> = previous
            .iter()
            .map(|&m| &mentions[m])
            .filter(|m| m.kind == MentionKind::Organization)
            .filter_map(|m| m.entity)
            .collect();
        orgs.dedup();
        Scope {
            previous: orgs,
            subject: super::context::subject_organization(mentions, previous),
            entities,
            lex,
        }
    }

    /// True when the organization entity `e` is of the kind `noun` names.
    fn is_kind(&self, e: usize, noun: &str) -> bool {
        let Some(entity) = self.entities.get(e) else {
            return false;
        };
        if entity.kind != EntityKind::Organization {
            return false;
        }
        let words = || {
            entity
                .name
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| !w.is_empty())
        };
        let class = entity.class.as_deref();
        if COMPANY_NOUNS.contains(&noun) {
            return class == Some("Corporation")
                || words()
                    .next_back()
                    .is_some_and(|w| self.lex.is_organization_suffix(w));
        }
        if MEDIA_NOUNS.contains(&noun) {
            return class == Some("NewsMediaOrganization")
                || words().any(|w| MEDIA_HEADS.contains(&w));
        }
        let mut head = noun.to_string();
        if let Some(first) = head.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        self.lex.is_organization_head(&head) && words().any(|w| w == head)
    }

    /// True when `noun` (lower case) may name an organization of the scope.
    pub(super) fn is_noun(&self, noun: &str) -> bool {
        if COMPANY_NOUNS.contains(&noun) || MEDIA_NOUNS.contains(&noun) {
            return true;
        }
        let mut head = noun.to_string();
        if let Some(first) = head.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        noun.chars().all(char::is_lowercase) && self.lex.is_organization_head(&head)
    }

    /// The one organization the kind noun at token `t` refers back to: of its kind, named
    /// before `t` in this sentence or in the sentence before.
    pub(super) fn resolve(&self, view: &View, t: usize) -> Option<usize> {
        if view.owner.get(t).is_some_and(Option::is_some) {
            return None;
        }
        let noun = view.word(t);
        if !self.is_noun(noun) {
            return None;
        }
        let earlier = (0..t)
            .filter_map(|k| view.mention_starting_at(k))
            .filter(|&m| view.mentions[m].kind == MentionKind::Organization)
            .filter_map(|m| view.mentions[m].entity);
        let mut found: Option<usize> = None;
        for e in self.previous.iter().copied().chain(earlier) {
            if !self.is_kind(e, noun) {
                continue;
            }
            match found {
                Some(f) if f != e => return None,
                _ => found = Some(e),
            }
        }
        found
    }
}

/// Memberships of a person named right after an organization's possessive: "NBC's Ann Lee",
/// "said the agency's Tom Ray" (the organization named before by its kind); and of a person
/// whose possessive stands before a party: "Ann Lee's Progressive Unity Party" is her party. The
/// role is "member".
pub(super) fn read(view: &View, sentence: usize, scope: &Scope) -> Vec<Membership> {
    let mut out = Vec::new();
    for (t, tok) in view.tokens.iter().enumerate() {
        if tok.kind != TokenKind::Possessive {
            continue;
        }
        if let Some(found) = party_of(view, t, sentence, scope) {
            out.extend(found);
            continue;
        }
        let Some(pm) = view
            .mention_starting_at(t + 1)
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        else {
            continue;
        };
        let Some(before) = t.checked_sub(1) else {
            continue;
        };
        let (organization, first) = match view.mention_ending_at(before) {
            Some(om) => {
                if !view.is_organization(om, scope.entities) {
                    continue;
                }
                (view.mentions[om].entity, view.range(om).0)
            }
            None if before > 0 && view.lower(before - 1) == "the" => {
                (scope.resolve(view, before), before - 1)
            }
            None => continue,
        };
        let (Some(organization), Some(person)) = (organization, view.mentions[pm].entity) else {
            continue;
        };
        // The name must end its noun phrase: "NBC's Ann Lee's show", "Acme's Beta Laboratories
        // division", "Acme's Beta Pneumatic unit" name something else (often a company read as
        // a person).
        let (_, last) = view.range(pm);
        let ends = match view.tokens.get(last + 1) {
            None => true,
            Some(next) if next.kind == TokenKind::Punct => true,
            Some(next) if next.kind == TokenKind::Word => {
                let w = view.word(last + 1);
                w.starts_with(char::is_lowercase) && !super::context::UNITS.contains(&w)
            }
            Some(_) => false,
        };
        if !ends {
            continue;
        }
        let reading = Reading::position("member", Some(organization), (first, last), false);
        let span = Span::new(view.tokens[first].span.start, view.mentions[pm].span.end);
        out.extend(membership(
            reading,
            person,
            sentence,
            span,
            "organization-possessive",
            scope.entities,
        ));
    }
    out
}

/// "Ann Lee's Progressive Unity Party", the possessive at token `t`: the person's membership of
/// the party named right after it. `None` when no such pair stands there.
fn party_of(view: &View, t: usize, sentence: usize, scope: &Scope) -> Option<Option<Membership>> {
    let pm = t
        .checked_sub(1)
        .and_then(|k| view.mention_ending_at(k))
        .filter(|&m| view.mentions[m].kind == MentionKind::Person)?;
    let om = view.mention_starting_at(t + 1).filter(|&m| {
        view.mentions[m].text.ends_with(" Party") && view.is_organization(m, scope.entities)
    })?;
    let (first, _) = view.range(pm);
    let (_, last) = view.range(om);
    let reading = Reading::position("member", view.mentions[om].entity, (first, last), true);
    let span = Span::new(view.mentions[pm].span.start, view.mentions[om].span.end);
    Some(membership(
        reading,
        view.mentions[pm].entity?,
        sentence,
        span,
        "party-of-person",
        scope.entities,
    ))
}
