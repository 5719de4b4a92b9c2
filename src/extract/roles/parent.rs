//! A unit named with its parent's possessive: "The Foreign Ministry's Asia Department chief Ann
//! Lee", "Ann Lee, Acme Corp.'s Beta Division president".
//!
//! News names the unit a person heads or works in after the organization it belongs to, and a
//! member of the unit is a member of the organization too. So a membership whose organization
//! was read right before its title, when that organization follows "PARENT's", gives a second
//! membership with the same title in the parent. Both must be organizations with an identity
//! (a place's possessive, "China's Foreign Ministry", qualifies a body rather than owning a
//! unit, and is read by [`super::context`] already).

use super::context::Reading;
use super::view::View;
use crate::extract::model::{Entity, Membership};
use crate::extract::tokens::TokenKind;
use crate::text::Span;

/// The membership of `m`'s person in the organization whose possessive stands before the unit
/// that `reading` took from before its title, if there is one.
pub(super) fn parent_membership(
    view: &View,
    m: &Membership,
    reading: &Reading,
    entities: &[Entity],
) -> Option<Membership> {
    if reading.organization_after || m.organization != reading.organization {
        return None;
    }
    // The unit starts the claim, or follows its qualifier ("former").
    let unit = [reading.left, reading.left + 1]
        .into_iter()
        .filter_map(|t| view.mention_starting_at(t))
        .find(|&u| {
            view.is_organization(u, entities) && view.mentions[u].entity == reading.organization
        })?;
    let (first, _) = view.range(unit);
    let apostrophe = first.checked_sub(1)?;
    if view.tokens[apostrophe].kind != TokenKind::Possessive {
        return None;
    }
    let parent = apostrophe
        .checked_sub(1)
        .and_then(|t| view.mention_ending_at(t))
        .filter(|&p| view.is_organization(p, entities))?;
    let organization = view.mentions[parent].entity?;
    if Some(organization) == m.organization {
        return None;
    }
    let start = view.mentions[parent].span.start.min(m.span.start);
    Some(Membership {
        organization: Some(organization),
        span: Span::new(start, m.span.end),
        ..m.clone()
    })
}
