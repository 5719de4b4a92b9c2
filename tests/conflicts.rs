//! `kg conflicts`: offices on which articles disagree, each claim with its article and sentence.

#[path = "support/stores.rs"]
mod stores;

use kg::analysis::{conflicts, Conflict, Tense};
use kg::store::KgStore;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use std::collections::{BTreeMap, BTreeSet};

/// The rows of `examples/conflicts.rq` on `store`, each as variable -> value.
fn example_rows(store: &KgStore) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/conflicts.rq"
    ))
    .unwrap();
    let QueryResults::Solutions(solutions) = store.query(&text).unwrap() else {
        panic!("conflicts.rq is a SELECT query");
    };
    solutions
        .map(|solution| {
            solution
                .unwrap()
                .iter()
                .map(|(variable, term)| {
                    let value = match term {
                        Term::Literal(l) => l.value().to_owned(),
                        other => other.to_string(),
                    };
                    (variable.as_str().to_owned(), value)
                })
                .collect()
        })
        .collect()
}

/// Every row of `examples/conflicts.rq` is an office `kg conflicts` finds in conflict, with
/// the same number of articles for that holder and tense; returns the rows as (office,
/// organization, person, tense) -> articles.
fn example_agrees_with_kg_conflicts(
    store: &KgStore,
    found: &[Conflict],
) -> BTreeMap<(String, String, String, String), usize> {
    let mut out = BTreeMap::new();
    for row in example_rows(store) {
        let field = |name: &str| row.get(name).cloned().unwrap_or_default();
        let (office, organization) = (field("office"), field("organization"));
        let conflict = found
            .iter()
            .find(|c| c.role == office && c.organization == organization)
            .unwrap_or_else(|| panic!("{office} of {organization} is no conflict of kg conflicts"));
        let tense = field("tense");
        let articles: BTreeSet<&str> = conflict
            .claims
            .iter()
            .filter(|c| c.person == field("person"))
            .filter(|c| serde_json::to_value(c.tense).unwrap() == tense.as_str())
            .map(|c| c.article.as_str())
            .collect();
        assert_eq!(
            field("articles"),
            articles.len().to_string(),
            "{office} of {organization}: {row:?}"
        );
        assert!(!field("article").is_empty(), "{row:?}");
        out.insert(
            (office, organization, field("person"), tense),
            articles.len(),
        );
    }
    out
}

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
    // examples/conflicts.rq shows the same, one row per holder and tense.
    let rows = example_agrees_with_kg_conflicts(&store, &found);
    let us = |person: &str, tense: &str| {
        rows.get(&(
            "President".to_owned(),
            "United States".to_owned(),
            person.to_owned(),
            tense.to_owned(),
        ))
        .copied()
    };
    assert_eq!(us("Biden", "current"), Some(1), "{rows:?}");
    assert_eq!(us("Donald Trump", "current"), Some(2), "{rows:?}");
    assert_eq!(us("Donald Trump", "former"), Some(2), "{rows:?}");
    assert_eq!(rows.len(), 3, "{rows:?}");
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
    // The example query: the sitting and the former prime minister, each a row.
    let rows = example_agrees_with_kg_conflicts(&store, &found);
    assert_eq!(rows.len(), 3, "{rows:?}");
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
    assert!(example_rows(&store).is_empty());
}

/// An article about one country's officials that quotes another country's president by title
/// alone: the context is weak (the other country is named too), so nothing is placed and the
/// president of the first country is not contradicted.
#[test]
fn a_weak_country_context_makes_no_conflict() {
    let store = stores::of(&[
        (
            "a.txt",
            "Copper output rises\nSANTIAGO, April 2, 2026 – Chilean President Marisol \
             Quintero-Vidal opened the new copper smelter on Thursday, her office said.\n",
        ),
        (
            "b.txt",
            "Copper talks stall\nSANTIAGO, April 6, 2026 – Chilean Finance Minister Tomas \
             Errazuriz-Lagos said on Monday that the copper talks with Argentina had stalled. \
             The Argentine delegation left Santiago after President Aldo Brancaleone called the \
             offer unfair.\n",
        ),
        (
            "c.txt",
            "Union vote\nSANTIAGO, April 8, 2026 – Chilean Labour Minister Ines Arrau-Pinto met \
             the miners on Wednesday. Union president Beltran Oyarzo-Ruiz said the strike would \
             go on.\n",
        ),
    ]);
    let found = conflicts(&store).unwrap();
    assert!(found.is_empty(), "{found:#?}");
    assert!(example_rows(&store).is_empty());
}

/// The country is clear when the article names its government (the White House): a president
/// written by title alone is placed there, and disagrees with another article's.
#[test]
fn a_government_named_in_the_article_places_a_bare_title() {
    let store = stores::of(&[
        (
            "c.txt",
            "Budget signed\nWASHINGTON, May 4, 2026 – U.S. President Harlan Whitcombe signed \
             the budget on Monday.\n",
        ),
        (
            "d.txt",
            "Veto threat\nWASHINGTON, May 8, 2026 – The White House said on Friday that \
             President Dorian Vasquez-Hale would veto the farm bill. Farmers in Canada welcomed \
             the news.\n",
        ),
    ]);
    let found = conflicts(&store).unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    let office = &found[0];
    assert_eq!(office.office, "President of United States");
    let placed = claims(office, "Dorian Vasquez-Hale", Tense::Current);
    assert_eq!(placed.len(), 1);
    assert_eq!(
        placed[0].organization_from.as_deref(),
        Some("the article's country context")
    );
    assert!(placed[0]
        .sentence
        .as_deref()
        .unwrap()
        .contains("The White House said"));
    assert_eq!(claims(office, "Harlan Whitcombe", Tense::Current).len(), 1);
    // The example query places the bare title by the White House too.
    let rows = example_agrees_with_kg_conflicts(&store, &found);
    assert!(
        rows.contains_key(&(
            "President".to_owned(),
            "United States".to_owned(),
            "Dorian Vasquez-Hale".to_owned(),
            "current".to_owned()
        )),
        "{rows:?}"
    );
}
