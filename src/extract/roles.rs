//! Stage 5 of the pipeline: person–role–organization facts (`org:Membership`).
//!
//! Every title mention is read with what stands around it:
//!
//! - **before the title**: a region that belongs to it ("Middle East envoy"), qualifiers
//!   ("former", "acting", "ex-", "then-"), and the organization: a possessive ("Ukraine's",
//!   "Putin's"), or a country, demonym, organization or person right before it ("U.S.",
//!   "French", "Kremlin", "Trump");
//! - **after the title**: "of X" (organization), "to X" (organization, or for an envoy or
//!   ambassador the destination, which is not one), "at X" and "for X" (an organization);
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
//! Titles that mean nothing without their organization ("head", "host") need one; honorifics
//! are never roles. Finally a membership without organization is dropped when the same person
//! has the same (or a wider) role with an organization in the document, and duplicates go.

use super::lexicon::{Lexicons, PlaceClass, TitleKind};
use super::model::{Entity, Membership, Mention, MentionKind, Qualifier};
use super::tokens::{is_hyphen, tokenize, Token, TokenKind};
use crate::text::{Sentence, Span};

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
    tokens: Vec<Token>,
    owner: Vec<Option<usize>>,
    ranges: std::collections::HashMap<usize, (usize, usize)>,
    mentions: &'a [Mention],
}

impl<'a> View<'a> {
    fn new(
        text: &'a str,
        sentence: &Sentence,
        mentions: &'a [Mention],
        in_sentence: &[usize],
    ) -> Self {
        let tokens = tokenize(text, sentence.span);
        let mut owner = vec![None; tokens.len()];
        let mut ranges = std::collections::HashMap::new();
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
    let mut out = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(list) = by_sentence.get_mut(m.sentence) {
            list.push(i);
        }
    }
    for (s, in_sentence) in by_sentence.iter().enumerate() {
        if !in_sentence
            .iter()
            .any(|&m| mentions[m].kind == MentionKind::Role)
        {
            continue;
        }
        let view = View::new(text, &sentences[s], mentions, in_sentence);
        for &r in in_sentence
            .iter()
            .filter(|&&m| mentions[m].kind == MentionKind::Role)
        {
            if let Some(membership) = read_title(&view, r, s, entities, lex) {
                out.push(membership);
            }
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
) -> Option<Membership> {
    let mut reading = read_context(view, r, lex)?;
    let entity_of = |m: usize| view.mentions[m].entity;
    // Title before name.
    let mut p = reading.right + 1;
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
            (view.word(back) == ",").then_some((back.checked_sub(1)?, "relative-clause"))?
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
fn read_context(view: &View, r: usize, lex: &Lexicons) -> Option<Reading> {
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
    // The organization before the title.
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
                }
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
                left = view.range(m).0;
                comma_ok = true;
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
    // Attachments after the title.
    let mut right = last;
    let preposition = view.lower(right + 1);
    if matches!(preposition.as_str(), "of" | "to" | "at" | "for" | "under") {
        let mut k = right + 2;
        if view.lower(k) == "the" {
            k += 1;
        }
        if let Some(m) = view.mention_starting_at(k) {
            let mention = &view.mentions[m];
            let (m_first, m_last) = view.range(m);
            let _ = m_first;
            match (preposition.as_str(), mention.kind) {
                ("of", MentionKind::Organization | MentionKind::Place | MentionKind::Person)
                    if organization.is_none() && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = m_last;
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
                    if organization.is_none() && mention.entity.is_some() =>
                {
                    organization = mention.entity;
                    right = m_last;
                }
                _ => {}
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
    let words = |s: &str| format!(" {} ", s.to_lowercase());
    let covers = |o: &Membership, m: &Membership| {
        let (wo, wm) = (words(&o.role), words(&m.role));
        if o.person != m.person || o.qualifiers != m.qualifiers {
            return false;
        }
        if m.organization.is_none() && o.organization.is_some() {
            wo.contains(&wm) || wm.contains(&wo)
        } else {
            m.organization == o.organization && wo.len() > wm.len() && wo.contains(&wm)
        }
    };
    let mut out: Vec<Membership> = Vec::new();
    for m in &found {
        let duplicate = out.iter().any(|o| {
            o.person == m.person
                && o.role.eq_ignore_ascii_case(&m.role)
                && o.organization == m.organization
                && o.qualifiers == m.qualifiers
        });
        if !duplicate && !found.iter().any(|o| covers(o, m)) {
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
        assert_eq!(
            triples("Its foreign minister, Ana Torres, left."),
            ["Ana Torres|Foreign Minister|-"]
        );
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
}
