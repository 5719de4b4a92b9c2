//! Stage 5 of the pipeline: person–role–organization facts (`org:Membership`).
//!
//! Every title mention is read with what stands around it:
//!
//! - **before the title**: a region that belongs to it ("Middle East envoy"), qualifiers
//!   ("former", "acting", "ex-", "then-"), and the organization: a possessive ("Ukraine's",
//!   "Putin's", "the UN Secretary-General's"), a country, demonym, organization or person right
//!   before it ("U.S.", "French", "Kremlin", "Trump"), "X, whose", or "Its" and "The
//!   confederation's" at the start of a sentence, which point to the organization the sentence
//!   before is about;
//! - **after the title**: "of X" (organization, also after a description: "of South American
//!   football's governing body CONMEBOL"), "to X" (organization, or for an envoy or ambassador
//!   the destination, which is not one), "at X" and "for X" (an organization, which beats a
//!   country before the title: "a Yemen researcher at Chatham House"), and the lower-case noun
//!   phrase an organization's possessive starts ("at the Commission's competition department");
//! - **the person**, in one of four shapes:
//!   - *title before name*: "Kremlin spokesperson Dmitry Peskov", "the head of X, Kirill
//!     Dmitriev" (a comma only after a determiner, possessive or organization);
//!   - *apposition*: "Yuri Ushakov, Putin's foreign policy adviser, said";
//!   - *relative clause*: "Ann Lee, who is the chief executive of Acme";
//!   - *copula*: "Ann Lee is the chief executive of Acme".
//!
//!   After an apposition the title must end its noun phrase ("X, a host country" is no title),
//!   and "appointed by Y" names the organization, "during his first term" a time qualifier.
//!
//! "ORG, led by [title] X" makes X the organization's leader (or its title holder).
//!
//! Titles that mean nothing without their organization ("head", "host") need one; honorifics
//! are never roles. Where the text names the organization in a way this reader does not
//! resolve ("her lawyer", "the treasurer of a small club"), no membership is read: a title
//! alone would be a wrong fact. Finally a membership without organization is dropped when the
//! same person has the same (or a wider) role with an organization in the document, and
//! duplicates go.

use super::lexicon::{Lexicons, PlaceClass, TitleKind};
use super::model::{Entity, Membership, Mention, MentionKind, Qualifier};
use super::tokens::{is_hyphen, tokenize, Token, TokenKind};
use crate::text::{Sentence, Span};
use std::borrow::Cow;

/// Words after an apposition's title that end its noun phrase.
const FOLLOWERS: &[&str] = &[
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
];

/// Words between a person and a title in a relative clause or a copula.
const LINKING: &[&str] = &[
    "who",
    "is",
    "was",
    "serves",
    "served",
    "as",
    "has",
    "had",
    "been",
    "became",
    "now",
    "currently",
];

/// The tokens of one sentence and the mention covering each.
struct View<'a> {
    text: &'a str,
    tokens: Cow<'a, [Token]>,
    owner: Vec<Option<usize>>,
    ranges: rustc_hash::FxHashMap<usize, (usize, usize)>,
    mentions: &'a [Mention],
}

impl<'a> View<'a> {
    fn new(
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
        }
    }

    fn word(&self, t: usize) -> &'a str {
        self.tokens.get(t).map_or("", |tok| tok.text(self.text))
    }

    fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    /// The token range of mention `m`.
    fn range(&self, m: usize) -> (usize, usize) {
        self.ranges.get(&m).copied().unwrap_or((0, 0))
    }

    /// The mention that ends exactly at token `t`.
    fn mention_ending_at(&self, t: usize) -> Option<usize> {
        let m = (*self.owner.get(t)?)?;
        (self.range(m).1 == t).then_some(m)
    }

    /// The mention that starts exactly at token `t`.
    fn mention_starting_at(&self, t: usize) -> Option<usize> {
        let m = (*self.owner.get(t)?)?;
        (self.range(m).0 == t).then_some(m)
    }

    /// The token after the place mention that starts at token `k`, if one does.
    fn after_place(&self, k: usize) -> Option<usize> {
        let m = self.mention_starting_at(k)?;
        (self.mentions[m].kind == MentionKind::Place).then(|| self.range(m).1 + 1)
    }

    /// True when only spaces (no line break) separate tokens `a` and `b`.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) => self
                .text
                .get(x.span.end..y.span.start)
                .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() && c != '\n')),
            _ => false,
        }
    }
}

/// What was read around one title.
struct Reading {
    role: String,
    kind: TitleKind,
    organization: Option<usize>,
    qualifiers: Vec<Qualifier>,
    /// First token of the claim (qualifiers, organization, title).
    left: usize,
    /// Last token of the title and its attachments.
    right: usize,
    /// A determiner, possessive or organization before the title allows "title, Name".
    comma_ok: bool,
}

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
        let led_by = sentences[s].span.of(text).contains(" led by ");
        if !led_by
            && !in_sentence
                .iter()
                .any(|&m| mentions[m].kind == MentionKind::Role)
        {
            continue;
        }
        let view = View::new(text, mentions, in_sentence, tokens_of(s));
        let antecedent = s
            .checked_sub(1)
            .and_then(|p| subject_organization(mentions, &by_sentence[p]));
        for &r in in_sentence
            .iter()
            .filter(|&&m| mentions[m].kind == MentionKind::Role)
        {
            if let Some(membership) = read_title(&view, r, s, entities, lex, antecedent) {
                out.push(membership);
            }
        }
        if led_by {
            out.extend(read_led_by(&view, s, entities, lex));
        }
    }
    tidy(out)
}

/// Reads the membership around title mention `r`, if there is one.
fn read_title(
    view: &View,
    r: usize,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
    antecedent: Option<usize>,
) -> Option<Membership> {
    let mut reading = read_context(view, r, lex, antecedent)?;
    let entity_of = |m: usize| view.mentions[m].entity;
    // Title before name.
    let mut p = reading.right + 1;
    // "Mercado's lawyer in Miami, Gabriel Ruiz": where the title is held may stand between.
    if view.lower(p) == "in" {
        if let Some(after) = view.after_place(p + 1) {
            if view.word(after) == "," {
                p = after;
            }
        }
    }
    let comma = view.word(p) == ",";
    if comma {
        p += 1;
    }
    if let Some(pm) = view.mention_starting_at(p) {
        let person = &view.mentions[pm];
        let touching = if comma {
            true
        } else {
            view.adjacent(reading.right, p)
        };
        if person.kind == MentionKind::Person && touching && (!comma || reading.comma_ok) {
            let mut end = person.span.end;
            // "Foreign Minister Jane Doe of Canada".
            let (_, person_last) = view.range(pm);
            if reading.organization.is_none() && view.lower(person_last + 1) == "of" {
                let mut k = person_last + 2;
                if view.lower(k) == "the" {
                    k += 1;
                }
                if let Some(m) = view.mention_starting_at(k) {
                    let mention = &view.mentions[m];
                    if matches!(mention.kind, MentionKind::Place | MentionKind::Organization)
                        && mention.entity.is_some()
                    {
                        reading.organization = mention.entity;
                        end = mention.span.end;
                    }
                }
            }
            let span = Span::new(view.tokens[reading.left].span.start, end);
            return membership(
                reading,
                entity_of(pm)?,
                sentence,
                span,
                "title-before-name",
                entities,
            );
        }
    }
    // The person before the title: apposition, relative clause, copula.
    let mut q = reading.left;
    // "a three-time former prime minister", "a veteran Brazilian diplomat": describing words
    // between the determiner and the title.
    let mut described = q;
    while described > 0 && q - described < 2 && is_describing_word(view, described - 1) {
        described -= 1;
    }
    if described < q
        && described > 0
        && matches!(view.lower(described - 1).as_str(), "the" | "a" | "an")
    {
        q = described;
    }
    if q > 0 && matches!(view.lower(q - 1).as_str(), "the" | "a" | "an") {
        q -= 1;
    }
    let mut back = q.checked_sub(1)?;
    let mut linking = Vec::new();
    while LINKING.contains(&view.lower(back).as_str()) {
        linking.push(view.lower(back));
        back = back.checked_sub(1)?;
    }
    let (person_end, rule) = if linking.is_empty() {
        (view.word(back) == ",").then_some((back.checked_sub(1)?, "apposition"))?
    } else {
        let verb = linking.iter().any(|w| {
            matches!(
                w.as_str(),
                "is" | "was" | "serves" | "served" | "became" | "been"
            )
        });
        if !verb {
            return None;
        }
        if linking.iter().any(|w| w == "who") {
            if view.word(back) == "," {
                (back.checked_sub(1)?, "relative-clause")
            } else {
                // "X, a former director at Y who is now a partner at Z": the clause belongs to
                // the person the apposition before it describes.
                (apposition_head(view, back)?, "relative-clause")
            }
        } else {
            (back, "copula")
        }
    };
    let pm = view.mention_ending_at(person_end)?;
    if view.mentions[pm].kind != MentionKind::Person {
        return None;
    }
    // The title must end its noun phrase.
    let mut next = reading.right + 1;
    if matches!(
        view.lower(next).as_str(),
        "appointed" | "named" | "nominated"
    ) && view.lower(next + 1) == "by"
    {
        let mut k = next + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        if let Some(m) = view.mention_starting_at(k) {
            if matches!(
                view.mentions[m].kind,
                MentionKind::Organization | MentionKind::Person | MentionKind::Place
            ) {
                if reading.organization.is_none() {
                    reading.organization = entity_of(m);
                }
                reading.right = view.range(m).1;
                next = reading.right + 1;
            }
        }
    }
    if view.lower(next) == "during" {
        let mut end = next;
        while end < next + 7
            && view
                .tokens
                .get(end + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            let w = view.lower(end + 1);
            if matches!(
                w.as_str(),
                "before" | "after" | "when" | "until" | "and" | "while"
            ) {
                break;
            }
            end += 1;
        }
        let span = Span::new(view.tokens[next].span.start, view.tokens[end].span.end);
        reading
            .qualifiers
            .push(Qualifier::During(span.of(view.text).to_string()));
        reading.right = end;
        next = end + 1;
    }
    let ends = match view.tokens.get(next) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) if t.kind == TokenKind::Possessive => false,
        Some(_) => FOLLOWERS.contains(&view.lower(next).as_str()),
    };
    if !ends {
        return None;
    }
    // "X, the treasurer of <something not read>": the text gives an organization this reader
    // missed, so the title alone would be a wrong fact.
    if reading.organization.is_none() && matches!(view.lower(next).as_str(), "of" | "at") {
        return None;
    }
    // "X, developer and envoy Y": coordinated titles belong to the name after them.
    if matches!(view.lower(next).as_str(), "and" | "or" | ",") {
        let mut k = next + 1;
        if matches!(view.lower(k).as_str(), "the" | "a" | "an") {
            k += 1;
        }
        if view
            .owner
            .get(k)
            .copied()
            .flatten()
            .is_some_and(|m| view.mentions[m].kind == MentionKind::Role)
        {
            return None;
        }
    }
    let span = Span::new(
        view.mentions[pm].span.start,
        view.tokens[reading.right].span.end,
    );
    membership(reading, entity_of(pm)?, sentence, span, rule, entities)
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
    if entities.get(person).map(|e| e.kind) != Some(super::model::EntityKind::Person) {
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

/// Reads qualifiers, organization and attachments around title mention `r`.
fn read_context(
    view: &View,
    r: usize,
    lex: &Lexicons,
    antecedent: Option<usize>,
) -> Option<Reading> {
    let title = &view.mentions[r];
    let mut role = title.value.clone().unwrap_or_else(|| title.text.clone());
    let kind = lex.role_kind(&role)?;
    if kind == TitleKind::Honorific {
        return None;
    }
    let (first, last) = view.range(r);
    let mut qualifiers = Vec::new();
    let written = title.text.as_str();
    if written.ends_with("elect")
        && written.len() > 6
        && written[..written.len() - 5].ends_with(is_hyphen)
    {
        qualifiers.push(Qualifier::Designate);
    }
    // "Prime Minister-designate", "President-elect" glued after the title.
    let glued = view.text.get(title.span.end..).unwrap_or("");
    if let Some(rest) = glued.strip_prefix(is_hyphen) {
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if word.eq_ignore_ascii_case("designate") || word.eq_ignore_ascii_case("elect") {
            qualifiers.push(Qualifier::Designate);
        }
    }
    // "ex-President", "then-Secretary": the prefix is glued to the title's token.
    let token_start = view.tokens[first].span.start;
    let prefix = view
        .text
        .get(token_start..title.span.start)
        .unwrap_or("")
        .to_lowercase();
    let prefix = prefix.trim_end_matches(is_hyphen);
    if prefix == "ex" || prefix == "then" || prefix == "former" {
        qualifiers.push(Qualifier::Former);
    }
    let mut left = first;
    let mut organization = None;
    let mut comma_ok = false;
    // A region that belongs to the title: "Middle East envoy".
    if let Some(m) = left.checked_sub(1).and_then(|k| view.mention_ending_at(k)) {
        let mention = &view.mentions[m];
        let region = mention.kind == MentionKind::Place
            && mention
                .value
                .as_deref()
                .and_then(|v| lex.place_named(v))
                .is_some_and(|p| matches!(p.class, PlaceClass::Region | PlaceClass::BodyOfWater));
        if region && view.adjacent(view.range(m).1, left) {
            role = format!("{} {}", mention.text, role);
            left = view.range(m).0;
        }
    }
    take_qualifier(view, &mut left, &mut qualifiers);
    // The organization before the title; `from_place` when it is a country or demonym, which an
    // organization after the title ("a Yemen researcher at Chatham House") overrides.
    let mut from_place = false;
    if let Some(k) = left.checked_sub(1) {
        if view.tokens[k].kind == TokenKind::Possessive {
            if let Some(m) = k.checked_sub(1).and_then(|j| view.mention_ending_at(j)) {
                let mention = &view.mentions[m];
                if matches!(
                    mention.kind,
                    MentionKind::Person | MentionKind::Organization | MentionKind::Place
                ) && mention.entity.is_some()
                {
                    organization = mention.entity;
                    left = view.range(m).0;
                    comma_ok = true;
                } else if mention.kind == MentionKind::Role {
                    // "the UN Secretary-General's special envoy": the body of the title before.
                    let (role_first, _) = view.range(m);
                    if let Some(o) = role_first
                        .checked_sub(1)
                        .and_then(|j| view.mention_ending_at(j))
                        .filter(|&o| {
                            matches!(
                                view.mentions[o].kind,
                                MentionKind::Organization | MentionKind::Place
                            ) && view.mentions[o].entity.is_some()
                        })
                    {
                        organization = view.mentions[o].entity;
                        left = view.range(o).0;
                        comma_ok = true;
                    }
                }
            } else if let Some(a) = antecedent.filter(|_| described_owner(view, k, lex)) {
                // "The confederation's president, X": the organization the sentence before is
                // about.
                organization = Some(a);
                left = k.saturating_sub(2);
                comma_ok = true;
            }
        } else if let Some(m) = view.mention_ending_at(k) {
            let mention = &view.mentions[m];
            let fits = match mention.kind {
                MentionKind::Organization | MentionKind::Person => true,
                MentionKind::Place | MentionKind::Demonym => mention
                    .value
                    .as_deref()
                    .and_then(|v| lex.place_named(v))
                    .is_some_and(|p| {
                        matches!(
                            p.class,
                            PlaceClass::Country
                                | PlaceClass::State
                                | PlaceClass::City
                                | PlaceClass::AdministrativeArea
                        )
                    }),
                _ => false,
            };
            if fits && mention.entity.is_some() && view.adjacent(k, left) {
                organization = mention.entity;
                from_place = matches!(mention.kind, MentionKind::Place | MentionKind::Demonym);
                left = view.range(m).0;
                comma_ok = true;
            }
        } else if k == 0 && view.lower(k) == "its" {
            // "Its president, X": the organization the sentence before is about.
            if antecedent.is_some() {
                organization = antecedent;
                comma_ok = true;
            }
        } else if view.lower(k) == "whose" && view.word(k.wrapping_sub(1)) == "," {
            // "the Presidential Leadership Council, whose chairman, X,".
            if let Some(m) = k.checked_sub(2).and_then(|j| view.mention_ending_at(j)) {
                if view.mentions[m].kind == MentionKind::Organization {
                    organization = view.mentions[m].entity;
                    comma_ok = organization.is_some();
                }
            }
        }
    }
    if organization.is_some() {
        take_qualifier(view, &mut left, &mut qualifiers);
    }
    if left > 0
        && matches!(
            view.lower(left - 1).as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    {
        comma_ok = true;
    }
    // "Its president", "her lawyer": the text names who the title is held for, but only by a
    // pronoun this reader does not resolve.
    if organization.is_none()
        && left > 0
        && matches!(
            view.lower(left - 1).as_str(),
            "his" | "her" | "their" | "its"
        )
    {
        return None;
    }
    // Attachments after the title.
    let mut right = last;
    let preposition = view.lower(right + 1);
    if matches!(preposition.as_str(), "of" | "to" | "at" | "for" | "under") {
        let mut k = right + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        // "at the law firm Freshfields": a description of the organization before its name.
        if view.mention_starting_at(k).is_none()
            && matches!(preposition.as_str(), "at" | "of" | "for")
        {
            k = after_description(view, k);
        }
        let starts = view
            .mention_starting_at(k)
            .filter(|&m| view.mentions[m].kind != MentionKind::Demonym);
        if let Some(m) = starts {
            let mention = &view.mentions[m];
            let (_, m_last) = view.range(m);
            match (preposition.as_str(), mention.kind) {
                ("of", MentionKind::Organization | MentionKind::Place | MentionKind::Person)
                    if organization.is_none() && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = possessive_tail(view, m_last);
                    // "governor of Anambra state": the kind of place after its name.
                    if mention.kind == MentionKind::Place
                        && right == m_last
                        && matches!(
                            view.word(m_last + 1),
                            "state" | "province" | "county" | "region" | "district"
                        )
                    {
                        right = m_last + 1;
                    }
                }
                ("to", MentionKind::Organization | MentionKind::Place | MentionKind::Person) => {
                    if kind != TitleKind::Envoy
                        && organization.is_none()
                        && mention.entity.is_some()
                    {
                        organization = mention.entity;
                    }
                    if kind == TitleKind::Envoy || organization == mention.entity {
                        right = m_last;
                    }
                }
                ("under", MentionKind::Person)
                    if organization.is_none() && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = m_last;
                }
                ("at" | "for", MentionKind::Organization)
                    if (organization.is_none() || from_place) && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = possessive_tail(view, m_last);
                }
                // "special envoy for Yemen": where the envoy is sent.
                ("for", MentionKind::Place) if kind == TitleKind::Envoy => {
                    right = m_last;
                }
                // "a spokesperson for China's foreign ministry": the country's body.
                ("for" | "at", MentionKind::Place)
                    if organization.is_none()
                        && mention.entity.is_some()
                        && possessive_tail(view, m_last) > m_last =>
                {
                    organization = mention.entity;
                    right = possessive_tail(view, m_last);
                }
                _ => {}
            }
        } else if preposition == "of" && organization.is_none() {
            // "the treasurer of South American football's governing body CONMEBOL".
            if let Some((m, m_last)) = described_organization(view, k) {
                organization = view.mentions[m].entity;
                right = m_last;
            }
        } else if preposition == "for" && kind == TitleKind::Envoy {
            // "special envoy for climate change, Liu Wei".
            let mut end = right + 1;
            while end < right + 4
                && view
                    .tokens
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && view.owner.get(end + 1).is_some_and(Option::is_none)
                && view.word(end + 1).chars().all(char::is_lowercase)
                && !FOLLOWERS.contains(&view.lower(end + 1).as_str())
            {
                end += 1;
            }
            if end > right + 1 && view.word(end + 1) == "," {
                right = end;
            }
        }
    }
    Some(Reading {
        role,
        kind,
        organization,
        qualifiers,
        left,
        right,
        comma_ok,
    })
}

/// True when token `t` is a lower-case describing word that may stand between a determiner and
/// a title: a hyphenated compound ("three-time", "long-serving") or an adjective of the list.
fn is_describing_word(view: &View, t: usize) -> bool {
    if view.owner.get(t).is_some_and(Option::is_some) {
        return false;
    }
    let w = view.word(t);
    if !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    w.contains(is_hyphen)
        || matches!(
            w,
            "veteran"
                | "longtime"
                | "retired"
                | "seasoned"
                | "respected"
                | "outspoken"
                | "influential"
                | "powerful"
                | "popular"
                | "prominent"
                | "experienced"
                | "outgoing"
        )
}

/// The last token of the person an apposition describes, when token `end` ends that apposition
/// ("X, a former director at Y" with `end` on "Y"): the comma before it, within twelve tokens
/// and with no other comma between, must follow a person.
fn apposition_head(view: &View, end: usize) -> Option<usize> {
    let mut j = end;
    while j > 0 && end - j < 12 {
        j -= 1;
        let w = view.word(j);
        if w == "," {
            let last = j.checked_sub(1)?;
            let m = view.mention_ending_at(last)?;
            return (view.mentions[m].kind == MentionKind::Person).then_some(last);
        }
        if view.tokens[j].kind == TokenKind::Punct
            || matches!(
                view.lower(j).as_str(),
                "who" | "which" | "said" | "says" | "and"
            )
        {
            return None;
        }
    }
    None
}

/// Nouns that describe an organization before its name ("the law firm Freshfields").
const DESCRIPTIONS: &[&str] = &[
    "law firm",
    "firm",
    "company",
    "agency",
    "news agency",
    "bank",
    "lender",
    "carmaker",
    "automaker",
    "consultancy",
    "think tank",
    "group",
    "broadcaster",
    "newspaper",
    "regulator",
    "watchdog",
    "charity",
    "organisation",
    "organization",
];

/// Nouns that name an organization in "The confederation's president" (besides the described
/// heads of the lexicon).
const OWNER_NOUNS: &[&str] = &[
    "startup",
    "start-up",
    "lender",
    "insurer",
    "retailer",
    "airline",
    "manufacturer",
    "conglomerate",
    "charity",
    "newspaper",
    "network",
    "militia",
    "movement",
    "confederation",
    "federation",
    "organisation",
    "organization",
    "association",
    "union",
    "group",
    "commission",
    "authority",
    "agency",
    "company",
    "carmaker",
    "automaker",
    "body",
    "bloc",
    "alliance",
    "institute",
    "university",
    "club",
    "league",
];

/// True when the possessive at token `k` ends "The <organization noun>" at the start of the
/// sentence: "The confederation's president".
fn described_owner(view: &View, k: usize, lex: &Lexicons) -> bool {
    let Some(noun) = k.checked_sub(1) else {
        return false;
    };
    let word = view.lower(noun);
    noun == 1
        && view.lower(0) == "the"
        && view.owner[noun].is_none()
        && (lex.is_described_head(&word) || OWNER_NOUNS.contains(&word.as_str()))
}

/// The token after a description of an organization that starts at token `k` ("law firm" in
/// "at the law firm Freshfields") when a mention follows it; else `k`.
fn after_description(view: &View, k: usize) -> usize {
    for len in [2, 1] {
        let words: Vec<String> = (k..k + len).map(|t| view.lower(t)).collect();
        let phrase = words.join(" ");
        if DESCRIPTIONS.contains(&phrase.as_str())
            && (k..k + len).all(|t| view.owner.get(t).is_some_and(Option::is_none))
            && view.mention_starting_at(k + len).is_some()
        {
            return k + len;
        }
    }
    k
}

/// After an organization ending at token `last`, the lower-case noun phrase its possessive
/// starts ("the Commission's competition department"): the last token of it, or `last`.
fn possessive_tail(view: &View, last: usize) -> usize {
    if view.tokens.get(last + 1).map(|t| t.kind) != Some(TokenKind::Possessive) {
        return last;
    }
    let mut end = last + 1;
    while end < last + 5
        && view
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && view.owner.get(end + 1).is_some_and(Option::is_none)
        && view.word(end + 1).chars().all(char::is_lowercase)
        && !FOLLOWERS.contains(&view.lower(end + 1).as_str())
    {
        end += 1;
    }
    if end == last + 1 {
        last
    } else {
        end
    }
}

/// "of South American football's governing body CONMEBOL": a lower-case description (with
/// demonyms and possessives) ending in an organization that ends the noun phrase. The
/// organization's mention and last token.
fn described_organization(view: &View, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    while j < k + 9 {
        let tok = view.tokens.get(j)?;
        if let Some(m) = view.mention_starting_at(j) {
            let mention = &view.mentions[m];
            match mention.kind {
                MentionKind::Organization if j > k && mention.entity.is_some() => {
                    let last = view.range(m).1;
                    let closes = view
                        .tokens
                        .get(last + 1)
                        .map_or(true, |t| t.kind == TokenKind::Punct)
                        || FOLLOWERS.contains(&view.lower(last + 1).as_str());
                    return closes.then_some((m, last));
                }
                MentionKind::Demonym | MentionKind::Place => {
                    j = view.range(m).1 + 1;
                    continue;
                }
                _ => return None,
            }
        }
        let w = view.word(j);
        let fits = tok.kind == TokenKind::Possessive
            || tok.kind == TokenKind::Word
                && w.chars().all(char::is_lowercase)
                && !FOLLOWERS.contains(&view.lower(j).as_str())
                && !matches!(w, "a" | "an" | "the");
        if !fits {
            return None;
        }
        j += 1;
    }
    None
}

/// The organization the sentence whose mentions are `in_sentence` is about: its first person
/// or organization, when that is an organization ("The Bundeskartellamt said...").
fn subject_organization(mentions: &[Mention], in_sentence: &[usize]) -> Option<usize> {
    let first = in_sentence.iter().map(|&m| &mentions[m]).find(|m| {
        matches!(m.kind, MentionKind::Person | MentionKind::Organization) && m.entity.is_some()
    })?;
    (first.kind == MentionKind::Organization)
        .then_some(first.entity)
        .flatten()
}

/// Words between an organization and "led by" ("The Houthi delegation is led by").
const LED_SUBJECTS: &[&str] = &[
    "delegation",
    "team",
    "side",
    "government",
    "coalition",
    "party",
    "movement",
    "group",
    "bloc",
    "alliance",
    "mission",
    "campaign",
    "opposition",
];

/// "The RSP, led by former presenter Ana Rai", "The Houthi delegation is led by chief negotiator
/// X": the person leads the organization, with the title before the name when there is one (and
/// it is not a former one), else as its leader.
fn read_led_by(
    view: &View,
    sentence: usize,
    entities: &[Entity],
    lex: &Lexicons,
) -> Vec<Membership> {
    let mut out = Vec::new();
    for t in 1..view.tokens.len() {
        if view.lower(t) != "led" || view.lower(t + 1) != "by" {
            continue;
        }
        // The subject: Org [noun] [,] [is|was|are|were] led by.
        let mut k = t - 1;
        if matches!(
            view.lower(k).as_str(),
            "is" | "was" | "are" | "were" | "being"
        ) {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        if view.word(k) == "," {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        if view.owner[k].is_none() && LED_SUBJECTS.contains(&view.lower(k).as_str()) {
            let Some(prev) = k.checked_sub(1) else {
                continue;
            };
            k = prev;
        }
        let Some(org) = view
            .mention_ending_at(k)
            .filter(|&m| view.mentions[m].kind == MentionKind::Organization)
            .and_then(|m| view.mentions[m].entity)
        else {
            continue;
        };
        // The leader: [the] [former] [title | up to four lower-case words] Person.
        let mut p = t + 2;
        if view.lower(p) == "the" {
            p += 1;
        }
        let mut former = false;
        let mut title = None;
        let mut words = 0;
        let person = loop {
            if let Some(m) = view.mention_starting_at(p) {
                match view.mentions[m].kind {
                    MentionKind::Person => break Some(m),
                    MentionKind::Role if title.is_none() => {
                        title = Some(m);
                        p = view.range(m).1 + 1;
                        continue;
                    }
                    _ => break None,
                }
            }
            let w = view.lower(p);
            if matches!(w.as_str(), "former" | "ex") {
                former = true;
            } else if !(view
                .tokens
                .get(p)
                .is_some_and(|t| t.kind == TokenKind::Word)
                && view.word(p).chars().all(char::is_lowercase)
                && !FOLLOWERS.contains(&w.as_str())
                && words < 4)
            {
                break None;
            }
            words += 1;
            p += 1;
        };
        let Some(pm) = person else { continue };
        let Some(person) = view.mentions[pm].entity else {
            continue;
        };
        let role = match title {
            Some(m) if !former => {
                let mention = &view.mentions[m];
                let role = mention
                    .value
                    .clone()
                    .unwrap_or_else(|| mention.text.clone());
                if lex.role_kind(&role) == Some(TitleKind::Honorific) {
                    continue;
                }
                role
            }
            _ => "leader".to_string(),
        };
        let span = Span::new(view.tokens[k].span.start, view.mentions[pm].span.end);
        let reading = Reading {
            role,
            kind: TitleKind::Position,
            organization: Some(org),
            qualifiers: Vec::new(),
            left: k,
            right: p,
            comma_ok: false,
        };
        out.extend(membership(
            reading, person, sentence, span, "led-by", entities,
        ));
    }
    out
}

/// Takes a qualifier word right before token `left` ("former", "acting").
fn take_qualifier(view: &View, left: &mut usize, qualifiers: &mut Vec<Qualifier>) {
    let Some(k) = left.checked_sub(1) else { return };
    let q = match view.lower(k).as_str() {
        "former" | "erstwhile" | "onetime" | "one-time" | "ex" => Qualifier::Former,
        "acting" | "interim" | "caretaker" => Qualifier::Acting,
        "incoming" | "designate" | "designated" => Qualifier::Designate,
        _ => return,
    };
    if view.adjacent(k, *left) {
        qualifiers.push(q);
        *left = k;
    }
}

/// Drops duplicates, and memberships that a fuller one in the document says already: one without
/// organization when the same person has the same (or a wider) role with one ("President" after
/// "French President"), and a narrower role with the same organization ("envoy" beside "special
/// envoy" of the same body).
fn tidy(found: Vec<Membership>) -> Vec<Membership> {
    // Each role as " words ", lower case, computed once for the pairwise tests below.
    let words: Vec<String> = found
        .iter()
        .map(|m| format!(" {} ", m.role.to_lowercase()))
        .collect();
    let covers = |o: usize, m: usize| {
        let (wo, wm) = (&words[o], &words[m]);
        let (o, m) = (&found[o], &found[m]);
        if o.person != m.person || o.qualifiers != m.qualifiers {
            return false;
        }
        if m.organization.is_none() && o.organization.is_some() {
            wo.contains(wm.as_str()) || wm.contains(wo.as_str())
        } else {
            m.organization == o.organization && wo.len() > wm.len() && wo.contains(wm.as_str())
        }
    };
    let mut out: Vec<Membership> = Vec::new();
    for (i, m) in found.iter().enumerate() {
        let duplicate = out.iter().any(|o| {
            o.person == m.person
                && o.role.eq_ignore_ascii_case(&m.role)
                && o.organization == m.organization
                && o.qualifiers == m.qualifiers
        });
        if !duplicate && !(0..found.len()).any(|o| covers(o, i)) {
            out.push(m.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::entities::extract_entities;
    use crate::extract::model::Qualifier;
    use crate::text::split_sentences;

    /// (person, role, organization, qualifiers) of every membership in `text`.
    fn facts(text: &str) -> Vec<(String, String, String, Vec<Qualifier>)> {
        let x = extract_entities(text, &split_sentences(text));
        x.memberships
            .iter()
            .map(|m| {
                (
                    x.entities[m.person].name.clone(),
                    m.role.clone(),
                    m.organization
                        .map_or("-".to_string(), |o| x.entities[o].name.clone()),
                    m.qualifiers.clone(),
                )
            })
            .collect()
    }

    fn triples(text: &str) -> Vec<String> {
        facts(text)
            .into_iter()
            .map(|(p, r, o, _)| format!("{p}|{r}|{o}"))
            .collect()
    }

    #[test]
    fn title_before_name() {
        assert_eq!(
            triples("Polish Foreign Minister Radoslaw Nowicki spoke."),
            ["Radoslaw Nowicki|Foreign Minister|Poland"]
        );
        assert_eq!(
            triples("Kremlin spokesman Ivan Sorokin denied it."),
            ["Ivan Sorokin|spokesman|Kremlin"]
        );
        assert_eq!(
            triples("He met Canada’s defence minister, Marie Dubois, on Monday."),
            ["Marie Dubois|Defence Minister|Canada"]
        );
        assert!(triples("The president arrived.").is_empty());
        assert_eq!(
            triples("Gov. Ana Torres of Oregon signed it."),
            ["Ana Torres|Governor|Oregon"]
        );
        // A possessive pronoun with nothing to point to names no organization: no fact.
        assert!(triples("Its foreign minister, Ana Torres, left.").is_empty());
        assert!(triples("Her lawyer, Ana Torres, left.").is_empty());
    }

    #[test]
    fn qualifiers_stay_on_the_membership() {
        let f = facts("They met former Reuters editor Helen Marsh.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].1.as_str(), f[0].2.as_str()), ("editor", "Reuters"));
        assert_eq!(f[0].3, [Qualifier::Former]);
        let f = facts("Acting Governor Dana Whitfield signed it.");
        assert_eq!(f[0].3, [Qualifier::Acting]);
        let f = facts("Greek Prime Minister-designate Nikos Pappas met the king.");
        assert_eq!(f[0].3, [Qualifier::Designate]);
    }

    #[test]
    fn possessive_chains_give_two_roles() {
        assert_eq!(
            triples("Brazilian President Carlos Mendes’s special envoy Paulo Ribeiro flew in."),
            [
                "Carlos Mendes|President|Brazil",
                "Paulo Ribeiro|special envoy|Carlos Mendes"
            ]
        );
    }

    #[test]
    fn apposition_relative_clause_and_copula() {
        assert_eq!(
            triples("Angela Merkel spoke. Lena Fischer, Merkel’s foreign policy adviser, said so."),
            ["Lena Fischer|foreign policy adviser|Angela Merkel"]
        );
        assert_eq!(
            triples("Omar Haddad, a special envoy appointed by the White House, arrived."),
            ["Omar Haddad|special envoy|White House"]
        );
        assert_eq!(
            triples("Grace Okafor, who is the chief executive of Gazprom, spoke."),
            ["Grace Okafor|chief executive|Gazprom"]
        );
        assert_eq!(
            triples("Grace Okafor is the chairwoman of Gazprom."),
            ["Grace Okafor|chairwoman|Gazprom"]
        );
        assert_eq!(
            triples("Barack Obama won. Lena Ford served as ambassador under Obama."),
            ["Lena Ford|ambassador|Barack Obama"]
        );
    }

    #[test]
    fn adviser_to_a_person_and_a_time_qualifier() {
        let f = facts("Barack Obama won. Paul Grant, national security adviser to Obama during his second term before retiring, spoke.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "national security adviser");
        assert_eq!(f[0].2, "Barack Obama");
        assert_eq!(
            f[0].3,
            [Qualifier::During("during his second term".to_string())]
        );
    }

    #[test]
    fn ambassador_to_names_the_destination() {
        assert_eq!(
            triples("Kenya’s ambassador to France, Amina Wanjiru, confirmed."),
            ["Amina Wanjiru|ambassador|Kenya"]
        );
        assert!(
            triples("The ambassador to France, Amina Wanjiru, confirmed.")
                .iter()
                .all(|t| t.ends_with("|-"))
        );
    }

    #[test]
    fn described_organization_after_head_of() {
        assert_eq!(
            triples("He met the head of Norway’s state pension fund, Lars Haugen."),
            ["Lars Haugen|head|Norway's state pension fund"]
        );
    }

    #[test]
    fn generic_titles_need_an_organization() {
        assert!(triples("They will host Emmanuel Moreau next week.").is_empty());
        assert_eq!(
            triples("Fox News host Sam Calloway laughed."),
            ["Sam Calloway|host|Fox News"]
        );
    }

    #[test]
    fn no_membership_from_unrelated_neighbours() {
        assert!(
            triples("Maria Lopes, who has been part of the team, and officials met.").is_empty()
        );
        assert!(triples(
            "A friend of Tom Hale, real-estate developer and political envoy Dirk Vos, called."
        )
        .iter()
        .all(|t| t.starts_with("Dirk Vos")));
        assert!(
            triples("Tom Hale and U.S. Secretary of State Dirk Vos met.")
                .iter()
                .all(|t| t.starts_with("Dirk Vos"))
        );
    }

    #[test]
    fn narrower_role_of_the_same_body_is_dropped() {
        assert_eq!(
            triples("Kremlin envoy Boris Lind arrived. Boris Lind, a special envoy appointed by the Kremlin, spoke."),
            ["Boris Lind|special envoy|Kremlin"]
        );
    }

    #[test]
    fn org_less_role_is_dropped_when_a_fuller_one_exists() {
        assert_eq!(
            triples("French President Louis Martin spoke. Later President Martin left."),
            ["Louis Martin|President|France"]
        );
    }

    #[test]
    fn an_organization_after_the_title_beats_a_country_before_it() {
        assert_eq!(
            triples("“It is fragile,” said Lena Vogt, a Sudan researcher at Chatham House."),
            ["Lena Vogt|researcher|Chatham House"]
        );
        assert_eq!(
            triples("Lena Vogt, a Sudan researcher, spoke."),
            ["Lena Vogt|researcher|Sudan"]
        );
    }

    #[test]
    fn the_body_of_a_title_before_a_possessive() {
        assert_eq!(
            triples(
                "It was led by the UN Secretary-General’s special envoy for Libya, Ines Moreau."
            ),
            ["Ines Moreau|special envoy|United Nations"]
        );
    }

    #[test]
    fn its_and_whose_point_to_an_organization() {
        assert_eq!(
            triples(
                "The Zentrabank Authority opened a case. Its president, Olaf Brenner, said so."
            ),
            ["Olaf Brenner|President|Zentrabank Authority"]
        );
        assert_eq!(
            triples("Olaf Brenner spoke. Its president, Ana Lind, said so."),
            Vec::<String>::new()
        );
        assert_eq!(
            triples("Volvo Cars said so. The carmaker's chairman, Olaf Brenner, agreed."),
            ["Olaf Brenner|chairman|Volvo Cars"]
        );
        assert_eq!(
            triples("They met the Supreme Tribal Council, whose chairman, Olaf Brenner, agreed."),
            ["Olaf Brenner|chairman|Supreme Tribal Council"]
        );
    }

    #[test]
    fn led_by_names_the_leader() {
        assert_eq!(
            triples("The Likud, led by former pilot Dan Ofer, won."),
            ["Dan Ofer|leader|Likud"]
        );
        assert_eq!(
            triples("The Hamas delegation is led by chief negotiator Omar Said."),
            ["Omar Said|chief negotiator|Hamas"]
        );
        assert!(triples("A group of mayors came, led by Omar Said.").is_empty());
    }

    #[test]
    fn descriptions_between_the_title_and_its_organization() {
        assert_eq!(
            triples(
                "Ruth Amos, the former treasurer of Asian football’s governing body AFC, was held."
            ),
            ["Ruth Amos|treasurer|Asian Football Confederation"]
        );
        assert_eq!(
            triples("Ruth Amos, a partner at the law firm Linklaters, spoke."),
            ["Ruth Amos|partner|Linklaters"]
        );
        assert_eq!(
            triples(
                "Ruth Amos, the chief observer of the European Union’s observation mission, spoke."
            ),
            ["Ruth Amos|chief observer|European Union"]
        );
        // An organization this reader cannot name: no fact rather than a title alone.
        assert!(triples("Ruth Amos, the treasurer of a small local club, spoke.").is_empty());
    }

    #[test]
    fn envoys_for_a_place_or_a_cause() {
        assert_eq!(
            triples("The U.S. special envoy for Sudan, Tom Reyes, spoke."),
            ["Tom Reyes|special envoy|United States"]
        );
        assert_eq!(
            triples("China’s special envoy for climate change, Zhou Wenbo, spoke."),
            ["Zhou Wenbo|special envoy|China"]
        );
        assert_eq!(
            triples("A spokesperson for Japan’s foreign ministry, Aiko Mori, said so."),
            ["Aiko Mori|spokesperson|Japan"]
        );
    }

    #[test]
    fn appositions_with_describing_words_and_relative_clauses() {
        let f = facts("Ravi Karki, a three-time former prime minister, lost his seat.");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].1.as_str(), f[0].3.clone()),
            ("Prime Minister", vec![Qualifier::Former])
        );
        assert_eq!(
            triples(
                "Ruth Amos, a former director at Airbus who is now a partner at Linklaters, spoke."
            ),
            ["Ruth Amos|director|Airbus", "Ruth Amos|partner|Linklaters"]
        );
        assert_eq!(
            triples("Olaf Brenner spoke. Brenner’s lawyer in Oslo, Ruth Amos, agreed."),
            ["Ruth Amos|lawyer|Olaf Brenner"]
        );
        assert_eq!(
            triples("Ruth Amos, a former governor of Lagos state, spoke."),
            ["Ruth Amos|Governor|Lagos"]
        );
    }
}
