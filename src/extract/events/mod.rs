//! Events: what the text says happened or is planned, with its date, participants and place.
//!
//! For every sentence (questions aside):
//! 1. cut it into tokens and clauses (`clauses`);
//! 2. find trigger words from the lexicon `event_triggers.tsv` and decide whether the text states
//!    their event, or negates, hedges, quotes or only supposes it (`triggers`);
//! 3. group triggers that tell one happening: "held talks", "launched an invasion" (`groups`);
//! 4. attach to each trigger the calendar date of its clause that governs it (`dates`);
//!    statements ("said", "confirmed") keep a date only when it is stated right at the verb
//!    ("said on Tuesday", "said in June"; a day when a few words stand between), or when the
//!    statement is planned ("will announce … later this month"), because they are frequent and
//!    usually undated; a "when" clause after a date takes that date ("in May 2015, when police
//!    raided the hotel");
//! 5. read the participants, the place (`arguments`) and a label (`label`).
//!
//! A table row "| date | description |" dates the first event of its description (`table`).
//! An event without a date is kept only when a verb states it and a participant is named.
//! Within a document, one happening told twice is one event: the same lemma and date, the same
//! class, date and subject (the same speaker's statements on one day), or the same lemma and
//! participants without a date.

mod arguments;
mod clauses;
mod dates;
mod grammar;
mod groups;
mod label;
mod lexicon;
mod present;
mod sentence;
mod table;
mod tokens;
mod triggers;

use crate::extract::model::{Event, Mention, MentionKind};
use crate::text::Sentence;
use crate::time::Timex;
use dates::{DateCandidate, Placement, Target};
use grammar::WordClass;
use groups::Group;
use label::LabelParts;
use sentence::{SentenceView, SpanIndex};
use std::collections::HashMap;
use triggers::Candidate;

/// Most words between a statement verb and a date after it ("told reporters on Monday").
const STATEMENT_DATE_GAP: usize = 2;
/// The same, when a preposition follows the verb ("said in a statement posted … on Friday").
const STATEMENT_DATE_GAP_AFTER_PREPOSITION: usize = 10;

/// Events stated in the document: a trigger, a label that says what happened, the date that
/// attaches to it (from `timexes`), participants (person/organization entity indices taken from
/// `mentions` whose `entity` is Some) and place (a place mention in the clause).
pub fn find_events(
    text: &str,
    sentences: &[Sentence],
    timexes: &[Timex],
    mentions: &[Mention],
) -> Vec<Event> {
    find_events_at(text, sentences, timexes, mentions, None)
}

/// [`find_events`] for a document published on `published` ("2025-12-03"): an event the text
/// tells in the present ("the airline says", "the company is planning") and dates no other way
/// happens at publication.
pub fn find_events_at(
    text: &str,
    sentences: &[Sentence],
    timexes: &[Timex],
    mentions: &[Mention],
    published: Option<&str>,
) -> Vec<Event> {
    let mut found = Vec::new();
    let lowered = text.to_ascii_lowercase();
    let timex_index = SpanIndex::new(sentences, timexes.iter().map(|t| t.span));
    let mention_index = SpanIndex::new(sentences, mentions.iter().map(|m| m.span));
    for (k, sentence) in sentences.iter().enumerate() {
        // Without a trigger word, neither a sentence nor a table row tells an event.
        if !lexicon::may_hold_trigger(sentence.span.of(text)) {
            continue;
        }
        let own = (timex_index.of(k), mention_index.of(k));
        let view = SentenceView::new(text, &lowered, sentence, timexes, mentions, own);
        if view.is_question() {
            continue;
        }
        match table::row(&view, timexes) {
            Some(row) => found.extend(row_event(&view, &row, timexes, mentions)),
            None => found.extend(sentence_events(&view, timexes, mentions, published)),
        }
    }
    merge_document(found)
}

/// An event with what the merge rules need to know about it.
#[derive(Debug, Clone)]
struct Found {
    event: Event,
    class: &'static str,
    /// The subject's entity, when the subject is a person or organization.
    subject: Option<usize>,
}

/// The event of a dated table row: the first stated event of its description cells.
fn row_event(
    view: &SentenceView<'_>,
    row: &table::Row,
    timexes: &[Timex],
    mentions: &[Mention],
) -> Option<Found> {
    for &cell in &row.cells {
        let cell_view = table::cell_view(view, cell, timexes, mentions);
        let candidates = triggers::find(&cell_view, timexes, mentions);
        let groups = groups::group(&cell_view, &candidates);
        let event = groups.iter().find_map(|g| {
            let date = Some((Some(row.date.0), row.date.1.clone()));
            build(&cell_view, &candidates, g, date, mentions)
        });
        if let Some(mut found) = event {
            found.event.span = cell;
            // A cell is already a short description: "Summit of mayors held".
            let words: Vec<&str> = cell_view
                .tokens
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.text)
                .collect();
            if words.len() <= label::MAX_WORDS {
                found.event.label = words.join(" ");
            }
            return Some(found);
        }
    }
    None
}

/// The events of one sentence of prose.
fn sentence_events(
    view: &SentenceView<'_>,
    timexes: &[Timex],
    mentions: &[Mention],
    published: Option<&str>,
) -> Vec<Found> {
    let candidates = triggers::find(view, timexes, mentions);
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut dates = dates::candidates(view, timexes);
    let targets: Vec<Target> = candidates
        .iter()
        .map(|c| Target {
            token: c.token,
            noun: c.is_noun(),
        })
        .collect();
    let attached = dates::attach(view, &dates, &targets);
    let groups = groups::group(view, &candidates);
    let mut group_dates: Vec<Option<usize>> = groups
        .iter()
        .map(|g| nearest_date(g, &candidates, &attached, &dates))
        .collect();
    // Statements keep only a date stated at the verb (a day, or a week or month right at it:
    // "said in June"), or any date when planned ("will announce … later this month"); they
    // pass a date stated at the verb to a "that" clause in the progressive ("said in fall
    // 2022 that it was annexing").
    for (k, g) in groups.iter().enumerate() {
        let head = &candidates[g.head];
        let Some(d) = group_dates[k] else { continue };
        if !head.sense.is_statement() {
            continue;
        }
        let date = &dates[d];
        let reach = date_at_verb(view, g, &candidates, date);
        let at_verb = reach.is_some();
        let planned = planned_statement(view, head.token);
        // A planned statement is dated by any date of its clause ("will announce the
        // allocation of the remaining seats later this month").
        let keeps = match reach {
            _ if planned => true,
            Some(Reach::Near) => date.is_day() || date.value.len() > 4,
            Some(Reach::Far) => date.is_day(),
            None => false,
        };
        if !keeps {
            group_dates[k] = None;
        }
        if at_verb {
            if let Some(target) = progressive_complement(view, head.token, &groups, &candidates) {
                if group_dates[target].is_none() {
                    group_dates[target] = Some(d);
                }
            }
        }
    }
    // "In a statement on Tuesday, the ministry accused …": one dated statement per clause.
    let statement_in = |k: usize| {
        let head = &candidates[groups[k].head];
        head.sense
            .is_statement()
            .then(|| view.clause_of[head.token])
    };
    for k in 0..groups.len() {
        let Some(clause) = statement_in(k) else {
            continue;
        };
        if group_dates[k].is_none() {
            let dated = (0..groups.len())
                .find(|&o| statement_in(o) == Some(clause) && group_dates[o].is_some());
            group_dates[k] = dated.and_then(|o| group_dates[o]);
        }
    }
    // "in May 2015, when police raided the hotel": the first event of the clause takes the date.
    for (date, clause) in dates::when_clauses(view, timexes) {
        let undated = (0..groups.len()).find(|&k| {
            let head = &candidates[groups[k].head];
            view.clause_of[head.token] == clause && !head.sense.is_statement()
        });
        if let Some(k) = undated.filter(|&k| group_dates[k].is_none()) {
            group_dates[k] = Some(dates.len());
            dates.push(date);
        }
    }
    let mut out: Vec<Found> = Vec::new();
    for (g, d) in groups.iter().zip(&group_dates) {
        let head = &candidates[g.head];
        // What a subject can do holds at publication, unless its clause dates it elsewhere
        // ("can fly from 2031"): then it is no event.
        let ability = g.members.iter().any(|&m| candidates[m].ability);
        let mut date = d.map(|d| (Some(dates[d].timex), dates[d].value.clone()));
        if ability && date.is_some() {
            continue;
        }
        if date.is_none() && present::told_as_now(view, head) {
            date = published.map(|p| (None, p.to_string()));
        }
        let Some(found) = build(view, &candidates, g, date, mentions) else {
            continue;
        };
        // One event per class and date in a sentence ("Speaking on Monday, the source stated").
        let duplicate = out.iter_mut().find(|o| {
            o.class == found.class && o.event.date.is_some() && o.event.date == found.event.date
        });
        match duplicate {
            Some(kept) => absorb(kept, &found),
            None => out.push(found),
        }
    }
    out
}

/// The date attached to a member of the group nearest to it.
fn nearest_date(
    g: &Group,
    candidates: &[Candidate],
    attached: &[Option<usize>],
    dates: &[DateCandidate],
) -> Option<usize> {
    g.members
        .iter()
        .filter_map(|&m| attached[m].map(|d| (distance(candidates[m].token, &dates[d]), d)))
        .min()
        .map(|(_, d)| d)
}

fn distance(token: usize, date: &DateCandidate) -> usize {
    if token > date.last {
        token - date.last
    } else {
        date.first.saturating_sub(token)
    }
}

/// How near a date stands to the statement word that it dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Opening the clause, just before the verb group, or a couple of words after the verb
    /// ("said in June", "told analysts last month"): a day, week or month dates the statement.
    Near,
    /// After a preposition and a few more words ("said in a statement posted … on Friday"):
    /// only a day does.
    Far,
}

/// True when the statement verb at `token` is planned: "will announce", "is due to announce".
fn planned_statement(view: &SentenceView<'_>, token: usize) -> bool {
    let start = arguments::verb_group_start(view, token);
    (start..token).any(|t| matches!(view.tokens[t].lower.as_ref(), "will" | "shall" | "to"))
}

/// Where the date stands with respect to a statement word of the group, if it is stated right
/// at it: opening the clause, just before the verb group ("the minister on Monday accused"),
/// or a few words after the group ("said on Monday", "told reporters on Monday", "told a
/// briefing in Beijing on Friday", "said in a statement on Monday"). A name counts as one word.
fn date_at_verb(
    view: &SentenceView<'_>,
    g: &Group,
    candidates: &[Candidate],
    date: &DateCandidate,
) -> Option<Reach> {
    if date.placement == Placement::Fronted {
        return Some(Reach::Near);
    }
    // "Monday's email announcement": a date before a statement noun dates it.
    let head = &candidates[g.head];
    if date.placement == Placement::Premodifier && head.is_noun() && date.last < head.token {
        return Some(Reach::Near);
    }
    let words_between = |a: usize, b: usize| {
        view.clause_after(a)
            .take_while(|&t| t < b)
            .filter(|&t| {
                let inside_name = view.mention_at[t].is_some()
                    && t.checked_sub(1)
                        .is_some_and(|p| view.mention_at[p] == view.mention_at[t]);
                view.tokens[t].is_word() && !inside_name
            })
            .count()
    };
    // The group's last word: "told a news conference on Tuesday".
    let last = g
        .members
        .iter()
        .map(|&m| candidates[m].token)
        .max()
        .unwrap_or(date.first);
    let statements = g
        .members
        .iter()
        .filter(|&&m| candidates[m].sense.is_statement());
    let reaches = statements.into_iter().filter_map(|&m| {
        let token = candidates[m].token;
        if date.last < token {
            let start = arguments::verb_group_start(view, token);
            let near = date.last >= start || words_between(date.last, start) == 0;
            return near.then_some(Reach::Near);
        }
        let introduced = |from: usize| {
            view.clause_before(date.first)
                .next()
                .is_some_and(|t| t > from && view.tokens[t].is(WordClass::Preposition))
        };
        let gap_from = |from: usize| {
            words_between(from, date.first).saturating_sub(usize::from(introduced(from)))
        };
        let from = if last > token && last < date.first {
            last
        } else {
            token
        };
        let after_preposition = view
            .clause_after(token)
            .next()
            .is_some_and(|t| view.tokens[t].is(WordClass::Preposition));
        if gap_from(from) <= STATEMENT_DATE_GAP {
            Some(Reach::Near)
        } else if after_preposition && gap_from(token) <= STATEMENT_DATE_GAP_AFTER_PREPOSITION {
            Some(Reach::Far)
        } else {
            None
        }
    });
    reaches.min_by_key(|r| *r != Reach::Near)
}

/// The group of the progressive verb that opens the "that" clause after a statement verb.
fn progressive_complement(
    view: &SentenceView<'_>,
    statement: usize,
    groups: &[Group],
    candidates: &[Candidate],
) -> Option<usize> {
    let clause = label::that_clause(view, statement)?;
    groups.iter().position(|g| {
        let head = &candidates[g.head];
        let token = head.token;
        let progressive = !head.is_noun()
            && view.tokens[token].lower.ends_with("ing")
            && view.clause_before(token).next().is_some_and(|p| {
                matches!(
                    view.tokens[p].lower.as_ref(),
                    "was" | "were" | "is" | "are" | "am"
                )
            });
        view.clause_of[token] == clause && progressive
    })
}

/// The event of a group, when the text states it and it is worth keeping.
fn build(
    view: &SentenceView<'_>,
    candidates: &[Candidate],
    g: &Group,
    date: Option<(Option<usize>, String)>,
    mentions: &[Mention],
) -> Option<Found> {
    let head = &candidates[g.head];
    if !g.members.iter().all(|&m| candidates[m].asserted) || !head.complete || head.sense.is_light()
    {
        return None;
    }
    let first = candidates[g.members[0]].token;
    let last = candidates[*g.members.last()?].token;
    let verb = g
        .members
        .iter()
        .map(|&m| &candidates[m])
        .find(|c| !c.is_noun())
        .map(|c| c.token);
    let (subject, start) = match verb {
        // "Fighting continued": the noun before the verb is its subject.
        Some(v) if first < v => (None, first),
        Some(v) => (
            arguments::subject(view, v, mentions),
            arguments::verb_group_start(view, v),
        ),
        None => (None, arguments::noun_phrase_start(view, first)),
    };
    let from = subject.map_or(start, |s| s.0.min(start));
    let mut participants = arguments::participants(view, head.token, from, last, mentions);
    // "Acme Corp said it filed with the SEC": "it" is the one who said.
    let named_subject =
        subject.map(|s| reporting_antecedent(view, candidates, s, mentions).unwrap_or(s));
    let subject_entity = named_subject
        .and_then(|(_, end)| view.mention_at[end])
        .and_then(|m| mentions.get(m))
        .filter(|m| matches!(m.kind, MentionKind::Person | MentionKind::Organization))
        .and_then(|m| m.entity);
    if let Some(entity) = subject_entity.filter(|e| !participants.contains(e)) {
        participants.insert(0, entity);
    }
    // Dated by being told in the present only with a subject ("the store sells", "they
    // intend"); a statement's subject must be named or a singular noun ("the document says"),
    // not a pronoun or a bare plural, which tell opinions, not statements ("critics argue").
    let mut date = date;
    let at_publication = date.as_ref().is_some_and(|(timex, _)| timex.is_none());
    let told_by = subject.filter(|&(_, e)| {
        let last = &view.tokens[e];
        let plural = last.lower.ends_with('s') && !last.lower.ends_with("ss");
        !head.sense.is_statement() || !(last.is(WordClass::Pronoun) || plural)
    });
    let shared = verb.is_some_and(|v| present::coordinated(view, v));
    if at_publication && told_by.is_none() && subject_entity.is_none() && !shared {
        date = None;
    }
    // What a subject can do is an event only at publication.
    let ability = g.members.iter().any(|&m| candidates[m].ability);
    if ability && !date.as_ref().is_some_and(|(timex, _)| timex.is_none()) {
        return None;
    }
    // Statements and states ("operates", "includes") make an event only with a date.
    if date.is_none() && (head.sense.is_statement() || head.sense.is_state()) {
        return None;
    }
    if date.is_none() && (verb.is_none() || participants.is_empty()) {
        return None;
    }
    let (label_subject, label_start) = verb
        .and_then(|v| infinitive_label(view, candidates, start, v, mentions))
        .map(|(s, start)| {
            let named = s.map(|s| reporting_antecedent(view, candidates, s, mentions).unwrap_or(s));
            (named, start)
        })
        .unwrap_or((named_subject, start));
    let parts = LabelParts {
        subject: label_subject,
        start: label_start,
        last,
        noun_only: verb.is_none(),
        statement: head.sense.is_statement(),
    };
    let label = label::label(view, parts);
    // "it said earlier": a statement that names neither who nor what tells nothing.
    if label.is_empty() {
        return None;
    }
    let token = &view.tokens[head.token];
    let event = Event {
        label,
        trigger: token.text.to_string(),
        lemma: head.sense.lemma.to_string(),
        trigger_span: token.span,
        date: date.as_ref().map(|(_, v)| v.clone()),
        timex: date.and_then(|(n, _)| n),
        participants,
        place: arguments::place(view, head.sense.class, last, mentions),
        sentence: view.index,
        span: view.clause_span(view.clause_of[head.token]),
    };
    Some(Found {
        event,
        class: head.sense.class,
        subject: subject_entity,
    })
}

/// The subject and first token of the label of the verb at `verb`, when another stated verb
/// trigger stands in its verb group (from `start`) and so is an event of its own with its own
/// label: the label of the governed verb starts at its "to", after the subject of the verb
/// that governs it ("Kestrel agreed to acquire Dairy" and "Kestrel to acquire Dairy"; "the
/// mayor announced plans to impose a levy" and "mayor to impose a levy").
fn infinitive_label(
    view: &SentenceView<'_>,
    candidates: &[Candidate],
    start: usize,
    verb: usize,
    mentions: &[Mention],
) -> Option<(Option<(usize, usize)>, usize)> {
    let to = (start..verb)
        .rev()
        .find(|&t| view.tokens[t].lower == "to")?;
    let governing = candidates
        .iter()
        .position(|c| !c.is_noun() && c.asserted && c.complete && (start..to).contains(&c.token))?;
    // "announced plans to": "plans" after a verb trigger is that verb's object.
    let governing = governing
        .checked_sub(1)
        .filter(|&p| {
            let c = &candidates[p];
            !c.is_noun() && c.token + 1 == candidates[governing].token
        })
        .unwrap_or(governing);
    let subject = arguments::subject(view, candidates[governing].token, mentions);
    Some((subject, to))
}

/// The subject of the statement whose report opens with the pronoun `subject` ("it", "he",
/// "she"), when that subject is named and can be what the pronoun stands for: "Acme Corp said
/// it filed", "Anna Berg told reporters on Monday that she would resign" (a person for "he"
/// and "she", an organization for "it").
fn reporting_antecedent(
    view: &SentenceView<'_>,
    candidates: &[Candidate],
    subject: (usize, usize),
    mentions: &[Mention],
) -> Option<(usize, usize)> {
    let (first, last) = subject;
    let kind = match view.tokens[first].lower.as_ref() {
        "it" => MentionKind::Organization,
        "he" | "she" => MentionKind::Person,
        _ => return None,
    };
    if first != last {
        return None;
    }
    // Back past "that" and a date ("said on Monday that it"), to the statement verb.
    let mut t = first.checked_sub(1)?;
    if view.tokens[t].lower == "that" {
        t = t.checked_sub(1)?;
    }
    let mut skipped_date = false;
    while view.timex_at[t].is_some() {
        t = t.checked_sub(1)?;
        skipped_date = true;
    }
    if skipped_date && view.tokens[t].is(WordClass::Preposition) {
        t = t.checked_sub(1)?;
    }
    // "told reporters it": one object word may stand between.
    let statement = |t: usize| {
        candidates
            .iter()
            .any(|c| c.token == t && !c.is_noun() && c.sense.is_statement() && c.asserted)
    };
    let verb = if statement(t) {
        t
    } else {
        t.checked_sub(1)
            .filter(|&p| statement(p) && view.tokens[t].is_word())?
    };
    let (a, b) = arguments::subject(view, verb, mentions)?;
    let named = view.mention_at[b]
        .and_then(|m| mentions.get(m))
        .is_some_and(|m| m.kind == kind && m.entity.is_some());
    named.then_some((a, b))
}

/// Adds what `other` knows to `kept`; the longer label wins ("Speaking" < "source stated").
fn absorb(kept: &mut Found, other: &Found) {
    if other.event.sentence == kept.event.sentence
        && other.event.label.len() > kept.event.label.len()
    {
        let participants = std::mem::take(&mut kept.event.participants);
        let place = kept.event.place;
        kept.event = Event {
            participants,
            place,
            ..other.event.clone()
        };
        kept.class = other.class;
    }
    for &p in &other.event.participants {
        if !kept.event.participants.contains(&p) {
            kept.event.participants.push(p);
        }
    }
    if kept.event.place.is_none() {
        kept.event.place = other.event.place;
    }
    if kept.subject.is_none() {
        kept.subject = other.subject;
    }
}

/// One happening told twice in a document is one event.
fn merge_document(found: Vec<Found>) -> Vec<Event> {
    // Only events of one date can be one, and only those of one lemma, or of one class and
    // subject: each event is compared with those, found through two indexes, not with every
    // event kept (which made a 16 MB document's extraction quadratic). The first kept event
    // that is the same wins, as when all were read in order. An event that absorbs another
    // may take its lemma, class or subject: it is indexed under those too (stale entries are
    // only read again, never trusted: the test below decides).
    type ByLemma = HashMap<(Option<String>, String), Vec<usize>>;
    type BySpeaker = HashMap<(Option<String>, &'static str, Option<usize>), Vec<usize>>;
    let mut kept: Vec<Found> = Vec::new();
    // Each kept event's participants, sorted.
    let mut parties: Vec<Vec<usize>> = Vec::new();
    let mut by_lemma: ByLemma = HashMap::new();
    let mut by_speaker: BySpeaker = HashMap::new();
    let index = |k: usize, f: &Found, by_lemma: &mut ByLemma, by_speaker: &mut BySpeaker| {
        let date = f.event.date.clone();
        by_lemma
            .entry((date.clone(), f.event.lemma.clone()))
            .or_default()
            .push(k);
        by_speaker
            .entry((date, f.class, f.subject))
            .or_default()
            .push(k);
    };
    let sorted = |f: &Found| {
        let mut p = f.event.participants.clone();
        p.sort_unstable();
        p
    };
    for f in found {
        let b = sorted(&f);
        let same = |k: &Found, a: &[usize]| {
            let same_date = k.event.date == f.event.date;
            let same_speaker = k.class == f.class
                && f.event.date.is_some()
                && f.subject.is_some()
                && k.subject == f.subject;
            let same_lemma = k.event.lemma == f.event.lemma;
            let same_parties = same_lemma && !a.is_empty() && a == b.as_slice();
            // Two events dated only by being told in the present are one when their parties are;
            // not two states, whose verb is too general ("the announcement came today", "the
            // player comes in two colors").
            let dated_again = same_lemma
                && f.class != lexicon::STATE
                && f.event.date.is_some()
                && (f.event.timex.is_some() || k.event.timex.is_some());
            same_date && (same_speaker || same_parties || dated_again)
        };
        let date = f.event.date.clone();
        let by_kind = by_lemma.get(&(date.clone(), f.event.lemma.clone()));
        let by_subject = by_speaker.get(&(date, f.class, f.subject));
        let first = by_kind
            .into_iter()
            .chain(by_subject)
            .flatten()
            .copied()
            .filter(|&k| same(&kept[k], &parties[k]))
            .min();
        match first {
            Some(k) => {
                absorb(&mut kept[k], &f);
                parties[k] = sorted(&kept[k]);
                index(k, &kept[k], &mut by_lemma, &mut by_speaker);
            }
            None => {
                index(kept.len(), &f, &mut by_lemma, &mut by_speaker);
                parties.push(b);
                kept.push(f);
            }
        }
    }
    kept.into_iter().map(|f| f.event).collect()
}

#[cfg(test)]
mod tests;
