//! An organization's short name introduced right after its name: "leader of the Acme Workers
//! Party (AWP)", "candidate of the Papa Acme Movement, PAM, said", "secretary of Shinseito
//! (Japan Renewal Party)". News introduces the short form there to use it later, and the
//! membership holds for what both name.
//!
//! Until the two forms are one entity, the membership read with the long form is given to the
//! short form too, when the short form is an entity of its own name (one the lexicon knows as
//! another organization, "AP" after "the Acme Party", is that other one). In brackets any organization that fills them is the other name (brackets
//! right after a name hold its other name, or a place, which is not an organization). Between
//! commas only an all-capital short form whose letters are the initials of the name's words
//! counts ("the Acme Party, AP,"), in any order (a Spanish name keeps its own order of
//! initials): "chairman of Acme Corp., Beta Inc. and Gamma" lists other organizations.

use super::view::View;
use crate::extract::model::{Entity, EntityKind, Membership, MentionKind};
use crate::text::Span;

/// Copies of the memberships in `found` (those of the sentence of `view`) with the short or
/// other name of their organization that follows its name.
pub(super) fn other_names(
    view: &View,
    found: &[Membership],
    entities: &[Entity],
) -> Vec<Membership> {
    let mut out = Vec::new();
    for membership in found {
        let Some(organization) = membership.organization else {
            continue;
        };
        // The mention of the organization inside the phrase that states the membership.
        let Some(named) = view.mentions_in_sentence().find(|&m| {
            let mention = &view.mentions[m];
            mention.entity == Some(organization)
                && mention.kind == MentionKind::Organization
                && mention.span.start >= membership.span.start
                && mention.span.end <= membership.span.end
        }) else {
            continue;
        };
        let Some((other, last)) = other_name(view, named, entities) else {
            continue;
        };
        if other == organization {
            continue;
        }
        let end = view.tokens[last].span.end.max(membership.span.end);
        out.push(Membership {
            organization: Some(other),
            span: Span::new(membership.span.start, end),
            ..membership.clone()
        });
    }
    out
}

/// The entity of the other name right after organization mention `m`, and its last token.
fn other_name(view: &View, m: usize, entities: &[Entity]) -> Option<(usize, usize)> {
    let (_, last) = view.range(m);
    let open = view.word(last + 1);
    if open != "(" && open != "," {
        return None;
    }
    let o = view.mention_starting_at(last + 2)?;
    let mention = &view.mentions[o];
    let entity = mention.entity?;
    if mention.kind != MentionKind::Organization
        || entities.get(entity).map(|e| e.kind) != Some(EntityKind::Organization)
    {
        return None;
    }
    // A short form the lexicon knows as another organization ("AP" after "the Acme Party") is
    // that one: no membership is copied to it.
    let as_written = entities[entity].name == mention.text;
    let (_, o_last) = view.range(o);
    let close = view.word(o_last + 1);
    let fits = as_written
        && match open {
            "(" => close == ")",
            _ => {
                (close == "," || o_last + 1 >= view.tokens.len() || close == ".")
                    && initials_match(&view.mentions[m].text, &mention.text)
            }
        };
    fits.then_some((entity, o_last + usize::from(open == "(")))
}

/// True when `short` is written in capitals and its letters are the initials of the capitalised
/// words of `name`, in any order: "AWP" for "Acme Workers Party", "MPE" for "Movimiento Papa
/// Egoro".
fn initials_match(name: &str, short: &str) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let mut initials: Vec<char> = name
        .split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    let mut letters = letters;
    initials.sort_unstable();
    letters.sort_unstable();
    initials == letters
}

#[cfg(test)]
mod tests {
    use super::initials_match;

    #[test]
    fn initials_in_any_order() {
        assert!(initials_match("Acme Workers Party", "AWP"));
        assert!(initials_match("Papa Egoro Movement", "MPE"));
        assert!(initials_match("Party of the Democratic Revolution", "PRD"));
        assert!(!initials_match("Acme Workers Party", "AW"));
        assert!(!initials_match("Acme Corp.", "Beta"));
        assert!(!initials_match("Beta Inc.", "BI Group"));
    }
}
