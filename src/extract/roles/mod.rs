//! Stage 5 of the pipeline: person–role–organization facts (`org:Membership`).
//!
//! Every title mention is read with what stands around it ([`context`]): qualifiers, the
//! organization before the title (a possessive, a country, demonym, organization or person, "Its",
//! "X, whose") and after it ("of", "to", "at", "for", "with"). Then the person is found by the
//! shape of the phrase, one module per shape, tried in this order:
//!
//! - [`title_before_name`]: "Kremlin spokesperson Dmitry Peskov", "Army spokesman Maj. X";
//! - [`coordination`]: "X, Acme president and chief executive", "X, director of Acme and a
//!   member of Beta";
//! - [`appointment`]: "X was named chief executive of Acme", "X joined Acme as chief economist";
//! - [`apposition`]: "X, Putin's foreign policy adviser, said", and its relative clause ("X, who
//!   is the chief executive of Acme") and copula ("X is the chief executive of Acme");
//!
//! and a few shapes need no title mention at all:
//!
//! - [`led_by`]: "ORG, led by [title] X", "ORG, headed by X";
//! - [`relative_clause`]: "X, who heads Acme", "X, who founded Acme";
//! - [`affiliation`]: "said X of Acme", "X of Acme said", "Dr. X of Acme", "X at the Acme
//!   Institute has found";
//! - [`plural`]: "X, one of the directors of Acme", "X and other members of Acme";
//! - [`anaphora`]: "NBC's Ann Lee", "the agency's Ann Lee" (and, inside [`context`], "a
//!   spokeswoman for the agency", "a company official": an organization named before by its
//!   kind).
//!
//! A membership read with an organization's name holds for the short name introduced right
//! after it too ([`acronym`]: "leader of the Acme Workers Party (AWP)"), and for the
//! organization whose possessive names the unit before the title ([`parent`]: "the Foreign
//! Ministry's Asia Department chief X").
//!
//! A legislator's title without organization takes the chamber the sentence names
//! ([`legislature`]: "Sen. X said the Congress must act").
//!
//! Titles that mean nothing without their organization ("head", "host") need one; honorifics
//! are never roles. Where the text names the organization in a way this reader does not
//! resolve ("her lawyer", "the treasurer of a small club"), no membership is read: a title
//! alone would be a wrong fact. Each membership keeps the name of the rule that found it
//! (`kg:rule`). Finally [`tidy`] drops a membership without organization when the same person
//! has the same (or a wider) role with an organization in the document, and duplicates.
//!
//! Every shape reads one sentence through its [`view::View`], which holds only that sentence's
//! mentions: the stage is linear in the length of the document.

mod acronym;
mod affiliation;
mod anaphora;
mod appointment;
mod apposition;
mod context;
mod coordination;
mod led_by;
mod legislature;
mod parent;
mod plural;
mod relative_clause;
#[cfg(test)]
mod tests;
mod title_before_name;
mod view;

use super::lexicon::{Lexicons, TitleKind};
use super::model::{Entity, EntityKind, Membership, Mention, MentionKind};
use super::tokens::{tokenize, Token};
use crate::text::{Sentence, Span};
use context::Reading;
use std::borrow::Cow;
use view::View;

/// Finds person–role–organization facts. `person` and `organization` index into `entities`,
/// through the mentions' `entity` (so [`super::resolve`] runs first).
pub fn find_memberships(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let tokens_of = |s: usize| Cow::Owned(tokenize(text, sentences[s].span));
    memberships(text, sentences, mentions, entities, lex, tokens_of)
}

/// [`find_memberships`] with the tokens of every sentence already cut (`tokens[s]` is
/// [`tokenize`] on sentence `s`, as [`super::mentions`] leaves them).
pub(super) fn find_memberships_in_tokens(
    text: &str,
    sentences: &[Sentence],
    tokens: &[Vec<Token>],
    mentions: &[Mention],
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let tokens_of = |s: usize| match tokens.get(s) {
        Some(tokens) => Cow::Borrowed(tokens.as_slice()),
        None => Cow::Owned(tokenize(text, sentences[s].span)),
    };
    memberships(text, sentences, mentions, entities, lex, tokens_of)
}

/// The memberships, reading the tokens of sentence `s` from `tokens_of(s)`.
fn memberships<'a>(
    text: &'a str,
    sentences: &[Sentence],
    mentions: &'a [Mention],
    entities: &[Entity],
    lex: &Lexicons,
    tokens_of: impl Fn(usize) -> Cow<'a, [Token]>,
) -> Vec<Membership> {
    let mut out = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(i);
        }
    }
    for (s, in_sentence) in by_sentence.iter().enumerate() {
        // Every shape needs a person, and a title or an organization.
        let has = |kind: MentionKind| in_sentence.iter().any(|&m| mentions[m].kind == kind);
        if !has(MentionKind::Person) || !has(MentionKind::Role) && !has(MentionKind::Organization) {
            continue;
        }
        let view = View::new(text, mentions, in_sentence, tokens_of(s));
        let previous = s
            .checked_sub(1)
            .map_or(&[][..], |p| by_sentence[p].as_slice());
        let scope = anaphora::Scope::new(mentions, previous, entities, lex);
        let mut readings: Vec<Option<Reading>> = in_sentence
            .iter()
            .filter(|&&m| mentions[m].kind == MentionKind::Role)
            .map(|&r| context::read_context(&view, r, &scope))
            .collect();
        coordination::share_organizations(&view, &mut readings);
        let from = out.len();
        for i in 0..readings.len() {
            let found = read_title(&view, &readings, i, s, entities, lex);
            if let (Some(m), Some(reading)) = (&found, &readings[i]) {
                out.extend(joined_organizations(&view, m, reading, entities));
                out.extend(parent::parent_membership(&view, m, reading, entities));
            }
            out.extend(found);
        }
        legislature::place(&view, &mut out[from..], entities);
        out.extend(led_by::read(&view, s, entities, lex));
        out.extend(relative_clause::read(&view, s, entities));
        out.extend(affiliation::read(&view, s, entities, lex));
        out.extend(anaphora::read(&view, s, &scope));
        out.extend(plural::read(&view, s, entities, lex));
        let short = acronym::other_names(&view, &out[from..], entities);
        out.extend(short);
    }
    tidy(out)
}

/// Reads the membership around title `i` of the sentence (`readings[i]`, read by
/// [`context::read_context`]), if there is one: the shapes in order, the first that finds its
/// person decides.
fn read_title(
    view: &View,
    readings: &[Option<Reading>],
    i: usize,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Option<Membership> {
    let reading = readings.get(i)?.as_ref()?;
    if let Some(found) = title_before_name::read(view, reading, sentence, entities, lex) {
        return found;
    }
    if let Some(found) = coordination::read(view, readings, i, sentence, entities, lex) {
        return found;
    }
    if let Some(found) = appointment::read(view, reading, sentence, entities) {
        return found;
    }
    apposition::read(view, reading.clone(), sentence, entities)
}

/// "X, a director of Acme Corp. and Beta Inc.": copies of membership `m`, read with `reading`,
/// for each organization joined by "and" to the one after the title.
fn joined_organizations(
    view: &View,
    m: &Membership,
    reading: &Reading,
    entities: &[Entity],
) -> Vec<Membership> {
    let mut out = Vec::new();
    if !reading.organization_after || m.organization != reading.organization {
        return out;
    }
    let mut end = reading.right;
    while let Some((o, last)) = context::coordinated_organization(view, end, entities) {
        out.push(Membership {
            organization: Some(o),
            span: Span::new(m.span.start, view.tokens[last].span.end.max(m.span.end)),
            ..m.clone()
        });
        end = last;
    }
    out
}

/// Builds the membership when its title kind allows.
fn membership(
    reading: Reading,
    person: usize,
    sentence: usize,
    span: Span,
    rule: &'static str,
    entities: &[Entity],
) -> Option<Membership> {
    match reading.kind {
        TitleKind::Honorific => return None,
        TitleKind::Generic if reading.organization.is_none() => return None,
        _ => {}
    }
    if reading.organization == Some(person) {
        return None;
    }
    if entities.get(person).map(|e| e.kind) != Some(EntityKind::Person) {
        return None;
    }
    let mut qualifiers = reading.qualifiers;
    qualifiers.sort();
    qualifiers.dedup();
    Some(Membership {
        person,
        role: reading.role,
        organization: reading.organization,
        qualifiers,
        sentence,
        span,
        rule,
    })
}

/// Drops duplicates, and memberships that a fuller one in the document says already: one without
/// organization when the same person has the same (or a wider) role with one ("President" after
/// "French President"), and a narrower role with the same organization ("envoy" beside "special
/// envoy" of the same body).
fn tidy(found: Vec<Membership>) -> Vec<Membership> {
    // Duplicates first (the first of each stays), so that the pairwise tests below run over
    // the distinct roles of one person only: linear in the document, however often an article
    // repeats a person.
    let mut seen = rustc_hash::FxHashSet::default();
    let found: Vec<Membership> = found
        .into_iter()
        .filter(|m| {
            seen.insert((
                m.person,
                m.role.to_lowercase(),
                m.organization,
                m.qualifiers.clone(),
            ))
        })
        .collect();
    // Each role as " words ", lower case, computed once for the pairwise tests below.
    let words: Vec<String> = found
        .iter()
        .map(|m| format!(" {} ", m.role.to_lowercase()))
        .collect();
    let mut of_person: rustc_hash::FxHashMap<usize, Vec<usize>> = Default::default();
    for (i, m) in found.iter().enumerate() {
        of_person.entry(m.person).or_default().push(i);
    }
    let covers = |o: usize, m: usize| {
        let (wo, wm) = (&words[o], &words[m]);
        let (o, m) = (&found[o], &found[m]);
        if o.qualifiers != m.qualifiers {
            return false;
        }
        if m.organization.is_none() && o.organization.is_some() {
            wo.contains(wm.as_str()) || wm.contains(wo.as_str())
        } else {
            m.organization == o.organization && wo.len() > wm.len() && wo.contains(wm.as_str())
        }
    };
    found
        .iter()
        .enumerate()
        .filter(|&(i, m)| !of_person[&m.person].iter().any(|&o| covers(o, i)))
        .map(|(_, m)| m.clone())
        .collect()
}
