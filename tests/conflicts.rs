//! `kg conflicts`: offices on which articles disagree, each claim with its article and sentence.

#[path = "support/stores.rs"]
mod stores;

use kg::analysis::{conflicts, Conflict, Tense};

fn claims<'a>(
    conflict: &'a Conflict,
    person: &str,
    tense: Tense,
) -> Vec<&'a kg::analysis::OfficeClaim> {
    conflict
        .claims
        .iter()
        .filter(|c| c.person == person && c.tense == tense)
        .collect()
}

#[test]
fn the_us_presidency_on_the_seeds() {
    let store = stores::seeds();
    let found = conflicts(&store).unwrap();
    let office = found
        .iter()
        .find(|c| c.office == "President of United States")
        .unwrap_or_else(|| panic!("{:#?}", found.iter().map(|c| &c.office).collect::<Vec<_>>()));
    // "ties to President biden": the article's country context places it (its other offices are
    // the United States' and Russia's, and Russia's presidency is given to someone else there).
    let biden = claims(office, "Biden", Tense::Current);
    assert_eq!(biden.len(), 1);
    assert!(biden[0]
        .sentence
        .as_deref()
        .unwrap()
        .contains("President biden"));
    assert_eq!(
        biden[0].organization_from.as_deref(),
        Some("the article's country context")
    );
    let current = claims(office, "Donald Trump", Tense::Current);
    assert_eq!(current.len(), 2);
    for c in &current {
        assert!(c
            .sentence
            .as_deref()
            .unwrap()
            .contains("President Donald Trump"));
    }
    let former = claims(office, "Donald Trump", Tense::Former);
    assert_eq!(former.len(), 2);
    for c in &former {
        assert!(c
            .sentence
            .as_deref()
            .unwrap()
            .to_lowercase()
            .contains("former"));
    }
    // One of the former claims names no country: the person's other articles place it.
    assert!(former
        .iter()
        .any(|c| c.organization_from.as_deref() == Some("the person's other articles")));
    let articles: std::collections::BTreeSet<&str> =
        office.claims.iter().map(|c| c.article.as_str()).collect();
    assert_eq!(articles.len(), 5);
    assert_eq!(office.reasons.len(), 2, "{:?}", office.reasons);
    // Newest first, undated last.
    let dates: Vec<Option<&str>> = office.claims.iter().map(|c| c.date.as_deref()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.is_some().cmp(&a.is_some()).then(b.cmp(a)));
    assert_eq!(dates, sorted);
    // Offices every article agrees on are not conflicts.
    assert!(!found.iter().any(|c| c.office == "President of France"));
    assert!(!found
        .iter()
        .any(|c| c.office == "Secretary of State of United States"));
}

#[test]
fn fresh_articles_disagree_over_another_office() {
    let store = stores::of(&[
        (
            "a.txt",
            "Oslo talks end without deal\nOSLO, March 3, 2026 – Norwegian Prime Minister Halvard \
             Brekkestad said on Tuesday that the fisheries talks had ended without agreement.\n\
             Brekkestad told reporters the two sides would meet again in April.\n",
        ),
        (
            "b.txt",
            "Fisheries row deepens\nOSLO, March 5, 2026 – Norway's Prime Minister Ingrid \
             Solvang-Moe rejected the proposal on Thursday, her office said.\nThe former Prime \
             Minister Halvard Brekkestad criticised the decision.\n",
        ),
        (
            "c.txt",
            "Quota review\nOSLO, March 6, 2026 – Norwegian Fisheries Minister Torvald Eikrem \
             said on Friday the quotas would be reviewed.\n",
        ),
    ]);
    let found = conflicts(&store).unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let office = &found[0];
    assert_eq!(office.office, "Prime Minister of Norway");
    assert_eq!(
        claims(office, "Ingrid Solvang-Moe", Tense::Current).len(),
        1
    );
    assert_eq!(
        claims(office, "Halvard Brekkestad", Tense::Current).len(),
        1
    );
    assert_eq!(claims(office, "Halvard Brekkestad", Tense::Former).len(), 1);
    assert_eq!(office.claims[0].date.as_deref(), Some("2026-03-05"));
    assert!(office.reasons.iter().any(|r| r.starts_with("held now by")));
    let text = kg::analysis::conflicts::to_text(&found);
    assert!(text.contains("Prime Minister of Norway"), "{text}");
}

#[test]
fn agreeing_articles_make_no_conflict() {
    let store = stores::of(&[
        (
            "a.txt",
            "Budget\nOSLO, March 3, 2026 – Norwegian Prime Minister Halvard Brekkestad presented \
             the budget on Tuesday.\n",
        ),
        (
            "b.txt",
            "Budget passes\nOSLO, March 5, 2026 – Norway's Prime Minister Halvard Brekkestad \
             won the vote on Thursday.\n",
        ),
    ]);
    assert!(conflicts(&store).unwrap().is_empty());
}
