//! Stage 3 of the pipeline: mentions of people, organizations, places, demonyms and role titles.
//!
//! Mentions are found sentence by sentence in these steps, each a small function:
//!
//! 1. **Lexicon forms** ([`Lexicons::matches`]): places, organizations, demonyms and titles.
//!    Words from `title_modifiers.tsv` before a title join it ("foreign policy adviser", "Chief
//!    Election Commissioner"); a place or organization that only modifies a hyphenated compound
//!    ("U.S.-brokered", "London and Paris-driven") is no mention, but a place that locates one
//!    is ("a Lisbon-based bank"); a place that names a treaty ("Paris Agreement") is none;
//!    nothing inside a URL is a mention.
//! 2. **Organization and place names by pattern** ([`super::organization_names`],
//!    [`super::place_names`]): "Peace Council", "Institute for the Study of War", "Masinga Dam",
//!    "Jhapa district"; a place glued to "$" is a currency and one after "Air" an airline
//!    ([`super::place_compounds`]).
//! 3. **People** ([`super::person_names`]): a run of capitalised words is a name when a title
//!    stands before it, when it starts with a given name, or when it has two words that are not
//!    common English words; a lower-case word after a capitalised title is one too ("President
//!    biden"). Then, over the whole document, a word equal to a surname already found is a
//!    person ("Witkoff" after "Steve Witkoff").
//! 4. **Names read from where they stand**: organizations a title describes ("the head of
//!    Russia's sovereign wealth fund"), unknown places after a preposition of place ("a school in
//!    Bura"), and organizations before a title, named by a head word alone or described in an
//!    apposition ([`super::organization_references`]).
//! 5. **Assembly**: candidates that lost to a longer one are dropped; what remains is sorted by
//!    span, with `text == span.of(text)`.
//!
//! Headlines ("Limited Details Released by Moscow") are told apart from prose by their share of
//! capitalised words and the lack of a closing period; in them, capitalised words are not taken for names without a given name,
//! a title or a known surname.

use super::lexicon::{Lexicons, Target};
use super::model::{Mention, MentionKind};
use super::sentence_work::{is_function_word, Candidate, SentenceWork};
use super::tokens::{is_hyphen, tokenize, Token, TokenKind};
use super::{
    arbitration, institutions, organization_names, organization_references, organization_roles,
    organization_shapes, person_contexts, person_names, place_compounds, place_datelines,
    place_directions, place_names, press_sources,
};
use crate::text::{Sentence, Span};
use std::collections::BTreeMap;

/// Finds the mentions of people, organizations, places, demonyms and role titles in `text`,
/// sentence by sentence; see the module documentation. `entity` is left empty for
/// [`super::resolve`].
pub fn find_mentions(text: &str, sentences: &[Sentence], lex: &Lexicons) -> Vec<Mention> {
    find_mentions_and_tokens(text, sentences, lex).0
}

/// [`find_mentions`], with the tokens of every sentence ([`tokenize`] on its span), which the
/// role patterns read too.
pub(super) fn find_mentions_and_tokens(
    text: &str,
    sentences: &[Sentence],
    lex: &Lexicons,
) -> (Vec<Mention>, Vec<Vec<Token>>) {
    // 1–2. Lexicon forms, then names read from their shape.
    let mut acronyms = BTreeMap::new();
    let mut works: Vec<SentenceWork> = sentences
        .iter()
        .map(|s| {
            let mut work = lexicon_candidates(text, s, lex);
            organization_shapes::find_legal_forms(text, &mut work, lex);
            organization_names::find_patterned(text, &mut work, lex);
            institutions::find_institutions(text, &mut work, lex);
            organization_shapes::find_acronyms(text, &mut work, lex, &mut acronyms);
            place_names::find_place_heads(text, &mut work, lex);
            place_names::find_ap_states(text, &mut work, lex);
            place_directions::find_place_directions(text, &mut work, lex);
            place_compounds::find_place_compounds(text, &mut work);
            work
        })
        .collect();
    // 3. People.
    let mut known = person_names::KnownNames::default();
    for work in &mut works {
        person_names::find_people(text, work, lex, &mut known);
    }
    // 4. Names read from where they stand, sentence by sentence and over the document.
    for work in &mut works {
        person_contexts::find_person_contexts(text, work, lex);
        organization_shapes::find_contexts(text, work, lex);
        organization_roles::find_employers(text, work, lex);
        organization_shapes::find_acronym_names(text, work, lex);
        person_names::find_known_surnames(text, work, lex, &known);
        person_names::find_administrations(text, work, lex);
        organization_names::find_described(text, work, lex);
        organization_shapes::propagate_acronyms(text, work, &acronyms);
        press_sources::find_press_source(text, work, lex);
        place_datelines::find_dateline_town(text, work, lex);
    }
    for work in &mut works {
        place_names::find_place_contexts(text, work, lex);
    }
    organization_references::find_referenced(text, &mut works, lex);
    // 5. One decision per name over the document.
    arbitration::arbitrate(text, &mut works, lex);
    let mut mentions = Vec::new();
    let mut tokens = Vec::with_capacity(works.len());
    for work in works {
        tokens.push(work.tokens);
        for cand in work
            .candidates
            .into_iter()
            .filter(|c| c.alive && !c.honorific)
        {
            mentions.push(Mention {
                kind: cand.kind,
                span: cand.span,
                text: cand.span.of(text).to_string(),
                // An empty value names nothing: the mention stands for its text (a bare
                // "Senate" stays this article's own body), never for the one entity with an
                // empty name that every such mention of every article would share.
                value: cand.value.filter(|v| !v.trim().is_empty()),
                entity: None,
                sentence: work.index,
            });
        }
    }
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if kept
            .last()
            .map_or(true, |k: &Mention| k.span.end <= m.span.start)
        {
            kept.push(m);
        }
    }
    (kept, tokens)
}

/// Step 1: tokens, URLs, the headline test and the lexicon candidates of one sentence.
fn lexicon_candidates(text: &str, sentence: &Sentence, lex: &Lexicons) -> SentenceWork {
    let tokens = tokenize(text, sentence.span);
    let urls = url_spans(text, sentence.span);
    let blocked: Vec<bool> = tokens
        .iter()
        .map(|t| urls.iter().any(|u| u.overlaps(t.span)))
        .collect();
    // The cheap test first: most sentences end with a period.
    let headline = !sentence.span.of(text).trim_end().ends_with('.') && is_headline(text, &tokens);
    let mut work = SentenceWork {
        index: sentence.index,
        tokens,
        candidates: Vec::new(),
        owner: Vec::new(),
        blocked,
        headline,
    };
    let mut compound = Vec::new();
    for m in lex.matches(text, sentence.span) {
        if urls.iter().any(|u| u.overlaps(m.span)) {
            continue;
        }
        let Some((first, last)) = token_range(&work.tokens, m.span) else {
            continue;
        };
        let (kind, value, place_class, honorific) = match m.target {
            Target::Place(i) => (
                MentionKind::Place,
                &lex.places[i].name,
                Some(lex.places[i].class),
                false,
            ),
            Target::Organization(i) => (
                MentionKind::Organization,
                &lex.organizations[i].name,
                None,
                false,
            ),
            Target::Demonym(i) => (MentionKind::Demonym, &lex.places[i].name, None, false),
            Target::Title(i) => (
                MentionKind::Role,
                &lex.titles[i].canonical,
                None,
                lex.titles[i].kind == super::lexicon::TitleKind::Honorific,
            ),
        };
        compound.push(
            matches!(kind, MentionKind::Place | MentionKind::Organization)
                && modifies_compound(text, m.span.end)
                && !(kind == MentionKind::Place && locates_compound(text, m.span.end))
                || kind == MentionKind::Place && names_a_treaty(text, m.span.end),
        );
        work.candidates.push(Candidate {
            kind,
            span: m.span,
            value: Some(value.clone()),
            first,
            last,
            place_class,
            honorific,
            alive: true,
        });
    }
    // "London and Paris-driven": the first conjunct modifies the compound too.
    for i in (0..work.candidates.len()).rev() {
        if compound[i] {
            continue;
        }
        let cand = &work.candidates[i];
        if !matches!(cand.kind, MentionKind::Place | MentionKind::Organization) {
            continue;
        }
        if let Some(next) = work.candidates.get(i + 1) {
            let between = text
                .get(cand.span.end..next.span.start)
                .unwrap_or("")
                .trim();
            if compound[i + 1] && (between == "and" || between == "or" || between == ",") {
                compound[i] = true;
            }
        }
    }
    for (cand, drop) in work.candidates.iter_mut().zip(&compound) {
        if *drop {
            cand.alive = false;
        }
    }
    work.refresh_owner();
    extend_titles(text, &mut work, lex);
    work
}

/// True when the text at `end` continues as a hyphenated compound ("-brokered", "‑led").
fn modifies_compound(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    matches!((rest.next(), rest.next()), (Some(h), Some(c)) if is_hyphen(h) && c.is_lowercase())
}

/// True when the compound at `end` says where something is ("-based", "-born"): the place is
/// named all the same ("a Gothenburg-based carmaker").
fn locates_compound(text: &str, end: usize) -> bool {
    let mut rest = text[end..].chars();
    if !rest.next().is_some_and(is_hyphen) {
        return false;
    }
    let word: String = rest.take_while(|c| c.is_alphabetic()).collect();
    matches!(word.as_str(), "based" | "born" | "headquartered")
}

/// True when the place ending at `end` names a treaty, a forum or a newspaper with the word
/// after it ("Paris Agreement", "Minsk Group"): the place itself is not the point.
fn names_a_treaty(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        word.as_str(),
        "Agreement"
            | "Agreements"
            | "Accord"
            | "Accords"
            | "Treaty"
            | "Convention"
            | "Protocol"
            | "Declaration"
            | "Charter"
            | "Principles"
            | "Process"
            | "Format"
            | "Consensus"
    )
}

/// The first and last token that `span` touches.
fn token_range(tokens: &[Token], span: Span) -> Option<(usize, usize)> {
    let first = tokens.partition_point(|t| t.span.end <= span.start);
    let last = tokens
        .partition_point(|t| t.span.start < span.end)
        .checked_sub(1)?;
    (first <= last && first < tokens.len()).then_some((first, last))
}

/// Title modifiers before a title join it: "special envoy", "deputy foreign minister".
fn extend_titles(text: &str, work: &mut SentenceWork, lex: &Lexicons) {
    for c in 0..work.candidates.len() {
        let cand = &work.candidates[c];
        if !cand.alive || cand.kind != MentionKind::Role || cand.honorific {
            continue;
        }
        let mut first = cand.first;
        let mut absorbed = Vec::new();
        while first > 0 {
            let prev = first - 1;
            let word = work.word(text, prev);
            let adjacent = text
                .get(work.tokens[prev].span.end..work.tokens[first].span.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace));
            if !(work.is_word(prev) && adjacent && lex.is_title_modifier(word)) {
                break;
            }
            match work.owner[prev] {
                None => first = prev,
                // "Chief Election Commissioner": a one-word title that is also a modifier
                // ("Chief") joins the title after it.
                Some(o)
                    if o != c
                        && work.candidates[o].kind == MentionKind::Role
                        && !work.candidates[o].honorific
                        && work.candidates[o].first == prev
                        && work.candidates[o].last == prev =>
                {
                    absorbed.push(o);
                    first = prev;
                }
                Some(_) => break,
            }
        }
        for o in absorbed {
            work.candidates[o].alive = false;
        }
        if first == work.candidates[c].first {
            continue;
        }
        let modifiers: Vec<String> = (first..work.candidates[c].first)
            .map(|t| work.word(text, t).to_lowercase())
            .collect();
        let cand = &mut work.candidates[c];
        let title = cand.value.take().unwrap_or_default();
        cand.value = Some(format!("{} {}", modifiers.join(" "), title));
        cand.first = first;
        cand.span = Span::new(work.tokens[first].span.start, cand.span.end);
        for t in first..=cand.last {
            work.owner[t] = Some(c);
        }
    }
}

/// Spans of URLs ("https://...", "www...."), up to the next white space or bracket.
fn url_spans(text: &str, span: Span) -> Vec<Span> {
    let s = span.of(text);
    let mut out = Vec::new();
    // Every prefix below contains "://" or "www.": most sentences have neither.
    if !s.contains("://") && !s.contains("www.") {
        return out;
    }
    let mut from = 0;
    while let Some(pos) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| s[from..].find(p).map(|i| from + i))
        .min()
    {
        let end = s[pos..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '>' | '"'))
            .map_or(s.len(), |e| pos + e);
        out.push(Span::new(span.start + pos, span.start + end));
        from = end.max(pos + 1);
        if from >= s.len() {
            break;
        }
    }
    out
}

/// True when most words that are not function words are capitalised: a headline or heading.
fn is_headline(text: &str, tokens: &[Token]) -> bool {
    let mut content = 0;
    let mut capitalised = 0;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text);
        if w.chars().count() < 2
            || !w.chars().next().is_some_and(char::is_alphabetic)
            || is_function_word(w)
        {
            continue;
        }
        content += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    content >= 2 && capitalised * 4 >= content * 3
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::text::split_sentences;

    fn mentions(text: &str) -> Vec<(MentionKind, String)> {
        let found = find_mentions(text, &split_sentences(text), Lexicons::get());
        for m in &found {
            assert_eq!(m.text, m.span.of(text));
        }
        found.into_iter().map(|m| (m.kind, m.text)).collect()
    }

    /// The mentions of one kind `find_mentions` reads in `text`, each checked against its span
    /// (shared by the finders' tests).
    pub(crate) fn of_kind(text: &str, kind: MentionKind) -> Vec<String> {
        mentions(text)
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn places_organizations_and_demonyms() {
        let text = "The Kremlin said NATO and the European Central Bank met in Geneva, near the Black Sea.";
        assert_eq!(
            of_kind(text, MentionKind::Organization),
            ["Kremlin", "NATO", "European Central Bank"]
        );
        assert_eq!(of_kind(text, MentionKind::Place), ["Geneva", "Black Sea"]);
        assert_eq!(
            of_kind(
                "Polish and Italian diplomats arrived.",
                MentionKind::Demonym
            ),
            ["Polish", "Italian"]
        );
    }

    #[test]
    fn compounds_and_urls_name_nothing() {
        assert!(of_kind(
            "a Canada-brokered deal and a Berlin and Rome-backed plan",
            MentionKind::Place
        )
        .is_empty());
        assert_eq!(
            of_kind("Talks between Canada-Mexico teams.", MentionKind::Place),
            ["Canada", "Mexico"]
        );
        assert!(of_kind(
            "See https://example.com/germany-france-talks for more.",
            MentionKind::Place
        )
        .is_empty());
    }

    #[test]
    fn title_modifiers_join_the_title() {
        let found = find_mentions(
            "The deputy foreign minister spoke.",
            &split_sentences("The deputy foreign minister spoke."),
            Lexicons::get(),
        );
        let role = found.iter().find(|m| m.kind == MentionKind::Role).unwrap();
        assert_eq!(role.text, "deputy foreign minister");
        assert_eq!(role.value.as_deref(), Some("deputy Foreign Minister"));
        let text = "A special session of senior staff opened.";
        assert!(of_kind(text, MentionKind::Role).is_empty());
    }

    #[test]
    fn headline_detection() {
        let text = "Limited Details Released About New Plan";
        assert!(is_headline(text, &tokenize(text, Span::new(0, text.len()))));
        let text = "The minister said the Plan was final.";
        assert!(!is_headline(
            text,
            &tokenize(text, Span::new(0, text.len()))
        ));
    }

    #[test]
    fn a_one_word_title_that_is_a_modifier_joins_the_next_title() {
        let text = "Chief Election Commissioner Mara Lindqvist spoke.";
        assert_eq!(
            of_kind(text, MentionKind::Role),
            ["Chief Election Commissioner"]
        );
        // Two titles apart stay two titles.
        let text = "The chief met Commissioner Mara Lindqvist.";
        assert_eq!(of_kind(text, MentionKind::Role), ["chief", "Commissioner"]);
    }

    #[test]
    fn based_compounds_name_their_place_and_treaties_do_not() {
        assert_eq!(
            of_kind("a Lisbon-based lender grew", MentionKind::Place),
            ["Lisbon"]
        );
        assert!(of_kind("a Lisbon-backed plan", MentionKind::Place).is_empty());
        assert!(of_kind("They left the Paris Agreement.", MentionKind::Place).is_empty());
        assert_eq!(
            of_kind("They met in Paris again.", MentionKind::Place),
            ["Paris"]
        );
    }
}
