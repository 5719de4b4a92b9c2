//! What stands around a title, whatever the shape of the phrase: qualifiers ("former",
//! "acting", "ex-"), the organization before it (a possessive, a country, demonym, organization
//! or person, "Its", "X, whose") and after it ("of X", "to X", "at X", "for X", "with X"),
//! and the descriptions that may stand between a title and its organization ("at the law firm
//! X", "of South American football's governing body X").
//!
//! The shapes (title before name, apposition, ...) start from this [`Reading`] and only add
//! where the person is.

use super::anaphora::Scope;
use super::view::{View, FOLLOWERS};
use crate::extract::lexicon::{Lexicons, PlaceClass, TitleKind};
use crate::extract::model::{Entity, EntityKind, Mention, MentionKind, Qualifier};
use crate::extract::tokens::{is_hyphen, TokenKind};

/// What was read around one title.
#[derive(Clone)]
pub(super) struct Reading {
    pub(super) role: String,
    pub(super) kind: TitleKind,
    pub(super) organization: Option<usize>,
    pub(super) qualifiers: Vec<Qualifier>,
    /// First token of the claim (qualifiers, organization, title).
    pub(super) left: usize,
    /// Last token of the title and its attachments.
    pub(super) right: usize,
    /// A determiner, possessive or organization before the title allows "title, Name".
    pub(super) comma_ok: bool,
    /// The organization was read after the title ("president of Acme"), not before it.
    pub(super) organization_after: bool,
}

impl Reading {
    /// A position without qualifiers, read from tokens `left..=right` by a rule that needs no
    /// title mention ("member" of an organization, a leader named by a verb).
    pub(super) fn position(
        role: &str,
        organization: Option<usize>,
        (left, right): (usize, usize),
        organization_after: bool,
    ) -> Self {
        Self {
            role: role.to_string(),
            kind: TitleKind::Position,
            organization,
            qualifiers: Vec::new(),
            left,
            right,
            comma_ok: false,
            organization_after,
        }
    }
}

/// Reads qualifiers, organization and attachments around title mention `r`.
pub(super) fn read_context(view: &View, r: usize, scope: &Scope) -> Option<Reading> {
    let lex = scope.lex;
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
    // The organization before the title; `overridable` when it is a country or demonym, which an
    // organization after the title ("a Yemen researcher at Chatham House") overrides, or a
    // person's possessive ("Rabin's spokesman at the Defense Ministry").
    let mut overridable = false;
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
                    // "Rabin's spokesman at the Defense Ministry": the person the title serves,
                    // which an organization after the title overrides as the employer.
                    overridable = mention.kind == MentionKind::Person;
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
            } else if let Some(a) = anaphoric_owner(view, k, scope) {
                // "the agency's spokesman", "The confederation's president, X": the
                // organization named before by its kind, or the one the sentence before is
                // about.
                organization = Some(a);
                left = k.saturating_sub(2);
                comma_ok = true;
            }
        } else if let Some(m) = view.mention_ending_at(k) {
            let mention = &view.mentions[m];
            let fits = match mention.kind {
                MentionKind::Organization => true,
                // "Acme named Ann Lee chief executive": the appointee, not the owner.
                MentionKind::Person => !super::appointment::after_appointing_verb(view, m),
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
                overridable = matches!(mention.kind, MentionKind::Place | MentionKind::Demonym);
                left = view.range(m).0;
                comma_ok = true;
            }
        } else if k == 0 && view.lower(k) == "its" {
            // "Its president, X": the organization the sentence before is about.
            if scope.subject.is_some() {
                organization = scope.subject;
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
    // "a former Acme University law professor", "an Acme operations manager": an organization,
    // then up to two lower-case words that modify the title.
    if organization.is_none() {
        let mut k = left;
        while k > 1 && left - k < 2 && is_modifier(view, k - 1) && view.adjacent(k - 1, k) {
            k -= 1;
        }
        if k < left {
            if let Some(m) = view.mention_ending_at(k - 1).filter(|&m| {
                view.mentions[m].kind == MentionKind::Organization
                    && view.mentions[m].entity.is_some()
                    && view.adjacent(k - 1, k)
            }) {
                organization = view.mentions[m].entity;
                left = view.range(m).0;
                comma_ok = true;
            }
        }
    }
    // "a company official", "the agency spokesman": an organization named before by its kind.
    if organization.is_none() && left > 1 && view.adjacent(left - 1, left) {
        let determiner = view.lower(left - 2);
        if matches!(determiner.as_str(), "a" | "an" | "the") {
            if let Some(o) = scope.resolve(view, left - 1) {
                organization = Some(o);
                left -= 1;
                comma_ok = true;
            }
        }
    }
    // "PAN (National Action Party) candidate X": an organization and its name or acronym in
    // brackets.
    if organization.is_none() {
        if let Some(m) = bracketed_organization(view, left) {
            organization = view.mentions[m].entity;
            left = view.range(m).0;
            comma_ok = true;
        }
    }
    if organization.is_some() {
        take_qualifier(view, &mut left, &mut qualifiers);
    }
    if left > 0
        && matches!(
            view.lower(left - 1).as_str(),
            "the" | "a" | "an" | "another" | "his" | "her" | "their" | "its"
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
    let before = organization;
    let mut right = last;
    let preposition = view.lower(right + 1);
    if matches!(
        preposition.as_str(),
        "of" | "to" | "at" | "for" | "under" | "with" | "in"
    ) {
        let mut k = right + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        // "a member of the country's High Court": the country is the organization's own.
        if view.lower(k) == "country"
            && view.tokens.get(k + 1).map(|t| t.kind) == Some(TokenKind::Possessive)
        {
            k += 2;
        }
        k = after_ordinal(view, k);
        // "at the law firm Freshfields": a description of the organization before its name.
        if view.mention_starting_at(k).is_none()
            && matches!(preposition.as_str(), "at" | "of" | "for" | "with")
        {
            k = after_description(view, k);
        }
        let k = after_qualifying_place(view, k);
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
                    right = bracket_tail(view, possessive_tail(view, m_last));
                    // "head of the Acme research unit"; not after a place ("head of the U.S.
                    // subsidiary" names another organization).
                    if mention.kind == MentionKind::Organization {
                        right = unit_tail(view, right);
                    }
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
                // "a major in the Marine Corps": "in" only with an organization's name.
                ("at" | "for" | "with" | "in", MentionKind::Organization)
                    if (organization.is_none() || overridable) && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = unit_tail(view, bracket_tail(view, possessive_tail(view, m_last)));
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
        } else if preposition == "in" {
            // "in" says where the title is held only before an organization's name.
        } else if let Some(o) = (organization.is_none() && view.lower(right + 2) == "the")
            .then(|| anaphoric_object(view, right + 3, scope))
            .flatten()
        {
            // "a spokeswoman for the agency": the organization named before by its kind.
            organization = Some(o);
            right += 3;
        } else if preposition == "of" && organization.is_none() {
            // "the treasurer of South American football's governing body CONMEBOL", "chairman
            // of the largest opposition party, the Acme Party", "chief of waste disposal for
            // the Acme Agency".
            if let Some((m, m_last)) = described_organization(view, k)
                .or_else(|| renamed_organization(view, k))
                .or_else(|| field_then_organization(view, k))
            {
                organization = view.mentions[m].entity;
                right = bracket_tail(view, m_last);
            }
        } else if matches!(preposition.as_str(), "at" | "for" | "with")
            && (organization.is_none() || overridable)
        {
            // "attorney for the Peruvian mining company Acme S.A.", "assistant for health at
            // the Acme Department".
            let found = described_organization(view, k).or_else(|| {
                (preposition == "for")
                    .then(|| field_then_organization(view, k))
                    .flatten()
            });
            if let Some((m, m_last)) = found {
                organization = view.mentions[m].entity;
                right = unit_tail(view, bracket_tail(view, possessive_tail(view, m_last)));
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
        organization_after: organization.is_some() && organization != before,
    })
}

/// The first token of an organization that a place or demonym starting at token `k` qualifies
/// ("the Montgomery County Democratic Party", "New York's Mount Sinai School of Medicine", "the
/// Russian Pacific Fleet"), or `k`.
pub(super) fn after_qualifying_place(view: &View, k: usize) -> usize {
    let Some(p) = view.mention_starting_at(k).filter(|&m| {
        matches!(
            view.mentions[m].kind,
            MentionKind::Place | MentionKind::Demonym
        )
    }) else {
        return k;
    };
    let last = view.range(p).1;
    let next = if view.tokens.get(last + 1).map(|t| t.kind) == Some(TokenKind::Possessive) {
        last + 2
    } else if view.adjacent(last, last + 1) {
        last + 1
    } else {
        return k;
    };
    let organization = view.mention_starting_at(next).is_some_and(|o| {
        view.mentions[o].kind == MentionKind::Organization && view.mentions[o].entity.is_some()
    });
    if organization {
        next
    } else {
        k
    }
}

/// The organization a kind noun at token `k` names when it ends its noun phrase ("for the
/// agency, said", "of the company in 1990").
fn anaphoric_object(view: &View, k: usize, scope: &Scope) -> Option<usize> {
    let closes = view
        .tokens
        .get(k + 1)
        .map_or(true, |t| t.kind == TokenKind::Punct)
        || FOLLOWERS.contains(&view.lower(k + 1).as_str());
    closes.then(|| scope.resolve(view, k)).flatten()
}

/// The organization mention before "(...)" that ends right before token `left`.
fn bracketed_organization(view: &View, left: usize) -> Option<usize> {
    let close = left.checked_sub(1)?;
    if view.word(close) != ")" {
        return None;
    }
    let open = (close.saturating_sub(8)..close)
        .rev()
        .find(|&t| view.word(t) == "(")?;
    let is_organization = |m: &usize| {
        let mention = &view.mentions[*m];
        mention.kind == MentionKind::Organization && mention.entity.is_some()
    };
    open.checked_sub(1)
        .and_then(|t| view.mention_ending_at(t))
        .filter(is_organization)
        .or_else(|| {
            view.mention_starting_at(open + 1)
                .filter(|&m| view.range(m).1 + 1 == close)
                .filter(is_organization)
        })
}

/// After an organization ending at token `last`, its name or acronym in brackets ("the RP
/// (Welfare Party)"): the closing bracket, or `last`.
pub(super) fn bracket_tail(view: &View, last: usize) -> usize {
    if view.word(last + 1) != "(" {
        return last;
    }
    (last + 2..last + 9)
        .take_while(|&t| t < view.tokens.len() && view.word(t) != "(")
        .find(|&t| view.word(t) == ")")
        .unwrap_or(last)
}

/// The token after an ordinal at token `k` ("2nd" in "of the 2nd Circuit Court"), or `k`.
pub(super) fn after_ordinal(view: &View, k: usize) -> usize {
    if is_ordinal(&view.lower(k)) && view.mention_starting_at(k + 1).is_some() {
        k + 1
    } else {
        k
    }
}

/// True when token `t` is a lower-case describing word that may stand between a determiner and
/// a title: a hyphenated compound ("three-time", "long-serving") or an adjective of the list.
pub(super) fn is_describing_word(view: &View, t: usize) -> bool {
    if view.owner.get(t).is_some_and(Option::is_some) {
        return false;
    }
    let w = view.word(t);
    // "a former Democratic member of": a party's adjective.
    if matches!(
        w,
        "Democratic" | "Republican" | "Conservative" | "Liberal" | "Labour" | "Labor" | "Socialist"
    ) {
        return true;
    }
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
                // "a senior Acme official", "a top Acme executive": rank within the employer.
                | "senior"
                | "top"
                | "junior"
        )
}

/// True when token `t` is a lower-case word that may modify a title ("metals" economist,
/// "feature" reporter): no mention, no function word, no verb of the clause.
pub(super) fn is_modifier(view: &View, t: usize) -> bool {
    let w = view.word(t);
    view.owner.get(t).is_some_and(Option::is_none)
        && w.len() > 2
        && w.chars().all(|c| c.is_lowercase() || c == '-')
        && !FOLLOWERS.contains(&w)
        && !crate::extract::sentence_work::is_function_word(w)
        && !matches!(
            w,
            "former"
                | "who"
                | "is"
                | "was"
                | "has"
                | "had"
                | "been"
                | "said"
                | "says"
                | "according"
                | "then"
                | "now"
                | "not"
                | "only"
        )
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

/// The organization "the <noun>'s" names, the possessive at token `k`: the one of that kind named
/// before ("the agency's spokesman"), else, at the start of the sentence, the organization the
/// sentence before is about ("The confederation's president").
fn anaphoric_owner(view: &View, k: usize, scope: &Scope) -> Option<usize> {
    let noun = k.checked_sub(1)?;
    let named = (noun > 0 && view.lower(noun - 1) == "the")
        .then(|| scope.resolve(view, noun))
        .flatten();
    named.or_else(|| {
        scope
            .subject
            .filter(|_| described_owner(view, k, scope.lex))
    })
}

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
/// "at the law firm Freshfields") when a mention follows it; else `k`. One modifying word may
/// stand before the description, and "of" after it when an organization follows ("of the
/// corporate law firm of Freshfields"): news names firms both ways.
pub(super) fn after_description(view: &View, k: usize) -> usize {
    let modified = is_modifier(view, k) && view.adjacent(k, k + 1);
    for start in [k, k + 1] {
        if start > k && !modified {
            continue;
        }
        for len in [2, 1] {
            let words: Vec<String> = (start..start + len).map(|t| view.lower(t)).collect();
            let phrase = words.join(" ");
            if !DESCRIPTIONS.contains(&phrase.as_str())
                || !(start..start + len).all(|t| view.owner.get(t).is_some_and(Option::is_none))
            {
                continue;
            }
            let next = start + len;
            if view.mention_starting_at(next).is_some() {
                return next;
            }
            let named = view.lower(next) == "of"
                && view
                    .mention_starting_at(next + 1)
                    .is_some_and(|m| view.mentions[m].kind == MentionKind::Organization);
            if named {
                return next + 1;
            }
        }
    }
    k
}

/// After an organization ending at token `last`, the lower-case noun phrase its possessive
/// starts ("the Commission's competition department"): the last token of it, or `last`.
pub(super) fn possessive_tail(view: &View, last: usize) -> usize {
    if view.tokens.get(last + 1).map(|t| t.kind) != Some(TokenKind::Possessive) {
        return last;
    }
    let mut end = last + 1;
    // "the Coast Guard's 8th District headquarters": an ordinal and capitalised words of the
    // unit's name may come first, when a lower-case noun ends the phrase.
    let mut named = last + 1;
    while named < last + 4
        && view
            .tokens
            .get(named + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
        && view.owner.get(named + 1).is_some_and(Option::is_none)
        && (is_ordinal(&view.lower(named + 1))
            || view.word(named + 1).starts_with(char::is_uppercase))
    {
        named += 1;
    }
    let lower_case_at = |t: usize| {
        view.tokens
            .get(t)
            .is_some_and(|tok| tok.kind == TokenKind::Word)
            && view.owner.get(t).is_some_and(Option::is_none)
            && view.word(t).chars().all(char::is_lowercase)
            && !FOLLOWERS.contains(&view.lower(t).as_str())
    };
    if named > last + 1 && lower_case_at(named + 1) {
        end = named;
    }
    while end < named.max(last + 1) + 4 && lower_case_at(end + 1) {
        end += 1;
    }
    if end == last + 1 {
        last
    } else {
        end
    }
}

/// True when `w` is an ordinal written in digits ("8th", "2nd").
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// Nouns that name a part of an organization after its name ("the Acme research group", "the
/// UN peacekeeping forces").
pub(super) const UNITS: &[&str] = &[
    "group",
    "unit",
    "division",
    "department",
    "office",
    "bureau",
    "branch",
    "panel",
    "subcommittee",
    "committee",
    "program",
    "programme",
    "project",
    "team",
    "staff",
    "service",
    "forces",
    "force",
    "campaign",
    "board",
    "chapter",
    "affiliate",
    "subsidiary",
    "plant",
    "factory",
    "lab",
    "laboratory",
    "center",
    "centre",
    "school",
    "faculty",
    "delegation",
    "mission",
    "operation",
    "operations",
    "desk",
    "bureau",
];

/// After an organization ending at token `last`, up to three lower-case words that end in a
/// noun of [`UNITS`] ("research group", "peacekeeping forces"): the last token of them, or
/// `last`.
pub(super) fn unit_tail(view: &View, last: usize) -> usize {
    for end in last + 1..last + 4 {
        let Some(tok) = view.tokens.get(end) else {
            break;
        };
        let w = view.word(end);
        if tok.kind != TokenKind::Word
            || view.owner[end].is_some()
            || !w.chars().all(char::is_lowercase)
            || FOLLOWERS.contains(&w)
        {
            break;
        }
        if UNITS.contains(&w) {
            return end;
        }
    }
    last
}

/// "of South American football's governing body CONMEBOL": a lower-case description (with
/// demonyms and possessives) ending in an organization that ends the noun phrase. The
/// organization's mention and last token.
pub(super) fn described_organization(view: &View, k: usize) -> Option<(usize, usize)> {
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

/// "chief of waste disposal for the NRC", "professor of political science at Acme College", "a
/// member of the comprehensive development department at Acme": the field or unit a title is
/// held in (up to five lower-case words from token `k`), then "at", "for", "with" or "of" and an
/// organization that ends the noun phrase. Its mention and last token.
fn field_then_organization(view: &View, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    while j < k + 5 {
        let w = view.word(j);
        let free = view.owner.get(j).is_some_and(Option::is_none)
            && view
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && w.len() > 1
            && w.chars().all(|c| c.is_lowercase() || is_hyphen(c))
            && !FOLLOWERS.contains(&w)
            && !matches!(w, "a" | "an" | "the" | "his" | "her" | "their" | "its");
        if !free {
            break;
        }
        j += 1;
    }
    if j == k || !matches!(view.lower(j).as_str(), "at" | "for" | "with" | "of") {
        return None;
    }
    let mut o = j + 1;
    if view.lower(o) == "the" {
        o += 1;
    }
    let m = view.mention_starting_at(o)?;
    let mention = &view.mentions[m];
    if mention.kind != MentionKind::Organization || mention.entity.is_none() {
        return None;
    }
    let last = view.range(m).1;
    let closes = view.tokens.get(last + 1).map_or(true, |t| {
        matches!(t.kind, TokenKind::Punct | TokenKind::Possessive)
    }) || FOLLOWERS.contains(&view.lower(last + 1).as_str());
    closes.then_some((m, last))
}

/// "the largest opposition party, the Acme Party": up to five lower-case words from token `k`
/// ending in a noun of an organization, a comma, and the organization's name. Its mention and
/// last token.
fn renamed_organization(view: &View, k: usize) -> Option<(usize, usize)> {
    let comma = (k..k + 6).find(|&t| view.word(t) == ",")?;
    let words_fit = comma > k
        && (k..comma).all(|t| {
            let w = view.word(t);
            view.owner[t].is_none()
                && view.tokens[t].kind == TokenKind::Word
                && w.chars().all(char::is_lowercase)
                && !FOLLOWERS.contains(&w)
        });
    let noun = view.lower(comma - 1);
    if !words_fit || !(OWNER_NOUNS.contains(&noun.as_str()) || noun == "party") {
        return None;
    }
    let mut j = comma + 1;
    if view.lower(j) == "the" {
        j += 1;
    }
    let m = view.mention_starting_at(j)?;
    let mention = &view.mentions[m];
    (mention.kind == MentionKind::Organization && mention.entity.is_some())
        .then(|| (m, view.range(m).1))
}

/// The organization the sentence whose mentions are `in_sentence` is about: its first person
/// or organization, when that is an organization ("The Bundeskartellamt said...").
pub(super) fn subject_organization(mentions: &[Mention], in_sentence: &[usize]) -> Option<usize> {
    let first = in_sentence.iter().map(|&m| &mentions[m]).find(|m| {
        matches!(m.kind, MentionKind::Person | MentionKind::Organization) && m.entity.is_some()
    })?;
    (first.kind == MentionKind::Organization)
        .then_some(first.entity)
        .flatten()
}

/// After an organization ending at token `last`, "and [the] ORG" that ends its noun phrase:
/// the organization's entity and last token ("taught at Acme University and the Beta College",
/// "a director of Acme Corp. and Beta Inc.").
pub(super) fn coordinated_organization(
    view: &View,
    last: usize,
    entities: &[Entity],
) -> Option<(usize, usize)> {
    if view.lower(last + 1) != "and" {
        return None;
    }
    let mut k = last + 2;
    if view.lower(k) == "the" {
        k += 1;
    }
    let m = view.mention_starting_at(k)?;
    let entity = view.mentions[m].entity?;
    if view.mentions[m].kind != MentionKind::Organization
        || entities.get(entity).map(|e| e.kind) != Some(EntityKind::Organization)
    {
        return None;
    }
    let (_, m_last) = view.range(m);
    if owns_next(view, m_last) {
        return None;
    }
    // Not the subject of a clause of its own: "X heads Acme and Beta said ..." says nothing of
    // X and Beta.
    let closes = view
        .tokens
        .get(m_last + 1)
        .map_or(true, |tok| tok.kind == TokenKind::Punct)
        || matches!(
            view.lower(m_last + 1).as_str(),
            "in" | "from" | "since" | "until" | "before" | "during"
        );
    closes.then_some((entity, m_last))
}

/// True when a possessive follows token `last`: "Acme's", and "Acme Corp.'s", which the
/// tokenizer cuts after the abbreviation's full stop into punctuation.
pub(super) fn owns_next(view: &View, last: usize) -> bool {
    let rest = view
        .tokens
        .get(last)
        .and_then(|t| view.text.get(t.span.end..))
        .unwrap_or("");
    rest.starts_with("'s")
        || rest.starts_with("\u{2019}s")
        || view.tokens.get(last + 1).map(|t| t.kind) == Some(TokenKind::Possessive)
}

/// Takes a qualifier word right before token `left` ("former", "acting").
pub(super) fn take_qualifier(view: &View, left: &mut usize, qualifiers: &mut Vec<Qualifier>) {
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
