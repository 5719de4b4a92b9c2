//! Relative clauses with a verb of leading or working: "X, who heads Acme", "X, who founded the
//! Beta Institute", "X, who works for Acme", "X, who headed Acme before ...".
//!
//! The verb is the role (heads → head, founded → founder, works for → employee). The past tense
//! of a verb of holding ("headed", "ran", "worked for") says the person held it before: the
//! membership is "former". Only an organization counts as the object: "X, who runs Texas" or
//! "who leads the team" says nothing this reader can name. (The clause with a title, "X, who is
//! the chief executive of Acme", is read with the apposition.)

use super::context::Reading;
use super::membership;
use super::view::View;
use crate::extract::lexicon::TitleKind;
use crate::extract::model::{Entity, EntityKind, Membership, MentionKind, Qualifier};
use crate::text::Span;

/// Verb, preposition it needs (or ""), role, and whether the tense says "former".
const VERBS: &[(&str, &str, &str, bool)] = &[
    ("heads", "", "head", false),
    ("headed", "", "head", true),
    ("directs", "", "director", false),
    ("directed", "", "director", true),
    ("founded", "", "founder", false),
    ("co-founded", "", "co-founder", false),
    ("runs", "", "head", false),
    ("ran", "", "head", true),
    ("leads", "", "leader", false),
    ("chairs", "", "chair", false),
    ("chaired", "", "chair", true),
    ("manages", "", "manager", false),
    ("managed", "", "manager", true),
    ("owns", "", "owner", false),
    ("edits", "", "editor", false),
    ("coaches", "", "coach", false),
    ("operates", "", "operator", false),
    ("works", "for", "employee", false),
    ("works", "at", "employee", false),
    ("works", "with", "employee", false),
    ("worked", "for", "employee", true),
    ("worked", "at", "employee", true),
    ("teaches", "at", "teacher", false),
    ("taught", "at", "teacher", true),
];

/// Memberships of "X, who <verb> ORG" in the sentence of `view`.
pub(super) fn read(view: &View, sentence: usize, entities: &[Entity]) -> Vec<Membership> {
    let mut out = Vec::new();
    for t in 0..view.tokens.len() {
        if view.lower(t) != "who" {
            continue;
        }
        // The person: "X, who" or "X who".
        let Some(mut p) = t.checked_sub(1) else {
            continue;
        };
        if view.word(p) == "," {
            let Some(prev) = p.checked_sub(1) else {
                continue;
            };
            p = prev;
        }
        let Some(pm) = view
            .mention_ending_at(p)
            .filter(|&m| view.mentions[m].kind == MentionKind::Person)
        else {
            continue;
        };
        let mut v = t + 1;
        let mut perfect = false;
        while matches!(
            view.lower(v).as_str(),
            "now" | "currently" | "also" | "still" | "has" | "had" | "once"
        ) {
            perfect |= view.lower(v) == "has";
            v += 1;
        }
        let verb = view.lower(v);
        // "has headed" is current; "had headed" is not.
        let verb = match verb.as_str() {
            "headed" | "directed" | "run" | "led" | "chaired" | "managed" | "worked" if perfect => {
                present(&verb)
            }
            _ => verb,
        };
        for &(form, preposition, role, past) in VERBS {
            if form != verb {
                continue;
            }
            let mut k = v + 1;
            if !preposition.is_empty() {
                if view.lower(k) != preposition {
                    continue;
                }
                k += 1;
            }
            if view.lower(k) == "the" {
                k += 1;
            }
            let Some(om) = view.mention_starting_at(k).filter(|&m| {
                let mention = &view.mentions[m];
                mention.kind == MentionKind::Organization
                    && mention
                        .entity
                        .and_then(|e| entities.get(e))
                        .is_some_and(|e| e.kind == EntityKind::Organization)
            }) else {
                continue;
            };
            let (_, last) = view.range(om);
            let reading = Reading {
                role: role.to_string(),
                kind: TitleKind::Position,
                organization: view.mentions[om].entity,
                qualifiers: if past {
                    vec![Qualifier::Former]
                } else {
                    Vec::new()
                },
                left: t,
                right: last,
                comma_ok: false,
                organization_after: true,
            };
            let span = Span::new(view.mentions[pm].span.start, view.tokens[last].span.end);
            if let Some(person) = view.mentions[pm].entity {
                out.extend(membership(
                    reading,
                    person,
                    sentence,
                    span,
                    "relative-clause-verb",
                    entities,
                ));
            }
            break;
        }
    }
    out
}

/// The present-tense verb the perfect of `past` stands for ("has headed" → "heads").
fn present(past: &str) -> String {
    match past {
        "headed" => "heads",
        "directed" => "directs",
        "run" => "runs",
        "led" => "leads",
        "chaired" => "chairs",
        "managed" => "manages",
        "worked" => "works",
        other => other,
    }
    .to_string()
}
