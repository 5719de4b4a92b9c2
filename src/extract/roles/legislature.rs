//! A legislator's chamber from the sentence that names it: "Sen. Ann Lee, R-Ohio, said the
//! Congress must act" makes her a senator of the U.S. Congress (and "Justice X" a justice of the
//! one Supreme Court the sentence names).
//!
//! "Sen." and "Rep." before a name say which chamber, not which country's, so the title alone
//! gives no organization. When the same sentence names exactly one legislature the title
//! belongs to (a senator to a Senate or a Congress, a representative or congressman to a House
//! or a Congress), that is the one: news names a senator and the chamber they speak of together.
//! A party-and-state tag after the name ("D-Mass.", "R-S.C.") is an American one, and then only
//! an American legislature counts. Two candidates, or none, and the membership stays without
//! organization.

use super::view::View;
use crate::extract::model::{Entity, EntityKind, Membership, MentionKind};

/// Titles of legislators and justices (as roles are written) and how the bodies they sit in
/// end, as written.
const SEATS: &[(&str, &[&str])] = &[
    ("senator", &["Senate", "Congress"]),
    ("representative", &["House", "Representatives", "Congress"]),
    ("congressman", &["House", "Representatives", "Congress"]),
    ("congresswoman", &["House", "Representatives", "Congress"]),
    ("justice", &["Supreme Court"]),
];

/// Gives each legislator's membership of one sentence (`found`) that has no organization
/// the one chamber of theirs that the sentence names.
pub(super) fn place(view: &View, found: &mut [Membership], entities: &[Entity]) {
    for membership in found.iter_mut() {
        if membership.organization.is_some() {
            continue;
        }
        let role = membership.role.to_lowercase();
        let Some((_, chambers)) = SEATS.iter().find(|(title, _)| *title == role) else {
            continue;
        };
        let american = party_tag_after(view, membership);
        let mut chamber: Option<usize> = None;
        for m in view.mentions_in_sentence() {
            let mention = &view.mentions[m];
            let Some(e) = mention
                .entity
                .filter(|_| mention.kind == MentionKind::Organization)
            else {
                continue;
            };
            let Some(entity) = entities.get(e) else {
                continue;
            };
            // The chamber as written ("the Congress", "the Senate" of the article's country).
            let us = entity.name.starts_with("U.S.") || entity.name.ends_with(" of United States");
            let fits = entity.kind == EntityKind::Organization
                && chambers.iter().any(|c| mention.text.ends_with(c))
                && (!american || us);
            if !fits {
                continue;
            }
            match chamber {
                Some(c) if c != e => {
                    chamber = None;
                    break;
                }
                _ => chamber = Some(e),
            }
        }
        if let Some(c) = chamber {
            membership.organization = Some(c);
            membership.rule = "legislature-in-sentence";
        }
    }
}

/// True when a party-and-state tag ("D-Mass.", "R-S.C.") follows the membership's phrase.
fn party_tag_after(view: &View, membership: &Membership) -> bool {
    let rest = view.text.get(membership.span.end..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    matches!(rest.get(..2), Some("D-" | "R-" | "I-"))
        && rest[2..].starts_with(|c: char| c.is_ascii_uppercase())
}
