//! `kg why`: every claim about an entity, each article paired with its own sentence.

#[path = "support/stores.rs"]
mod stores;

use kg::analysis::{why, FactKind};

#[test]
fn the_envoy_s_roles_are_listed_with_each_article_and_its_sentence() {
    let store = stores::seeds();
    let answer = why(&store, "Steve Witkoff", None).unwrap();
    assert_eq!(answer.label, "Steve Witkoff");
    let roles: Vec<_> = answer
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Membership)
        .collect();
    // Every seed names his role (special envoy, political envoy, Middle East envoy...).
    let mut articles: Vec<&str> = roles
        .iter()
        .flat_map(|f| f.claims.iter().flat_map(|c| c.sources.iter()))
        .map(String::as_str)
        .collect();
    articles.sort();
    articles.dedup();
    assert_eq!(articles.len(), 5, "{articles:?}");
    for fact in &roles {
        assert_eq!(fact.member.as_deref(), Some("Steve Witkoff"));
        for claim in &fact.claims {
            let sentence = claim.sentence.as_deref().unwrap();
            let phrase = claim.phrase.as_deref().unwrap();
            // The phrase is in the sentence: the article is paired with its own sentence.
            assert!(sentence.contains(phrase), "{phrase:?} not in {sentence:?}");
            assert!(claim.rule.is_some());
        }
    }
    let special = roles
        .iter()
        .find(|f| {
            f.role.as_deref() == Some("Special Envoy")
                && f.organization.as_deref() == Some("United States")
        })
        .unwrap();
    assert!(special.claims[0]
        .sentence
        .as_deref()
        .unwrap()
        .contains("U.S. special envoy Steve Witkoff"));
    assert!(answer.facts.iter().any(|f| f.kind == FactKind::Event));
    let text = answer.to_text();
    assert!(
        text.contains("phrase:   \"U.S. special envoy Steve Witkoff\""),
        "{text}"
    );
}

#[test]
fn a_fact_shared_by_articles_pairs_each_with_its_own_sentence() {
    let store = stores::seeds();
    let answer = why(&store, "Donald Trump", Some("president")).unwrap();
    assert!(answer
        .facts
        .iter()
        .all(|f| f.role.as_deref() == Some("President")));
    let shared = answer
        .facts
        .iter()
        .find(|f| f.claims.len() >= 2)
        .expect("a presidency stated by two articles");
    let sentences: Vec<&str> = shared
        .claims
        .iter()
        .map(|c| c.sentence.as_deref().unwrap())
        .collect();
    assert_ne!(sentences[0], sentences[1]);
    for claim in &shared.claims {
        assert!(claim
            .sentence
            .as_deref()
            .unwrap()
            .contains(claim.phrase.as_deref().unwrap()));
    }
    // Newest first, undated last.
    let dates: Vec<Option<&str>> = shared.claims.iter().map(|c| c.date.as_deref()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.is_some().cmp(&a.is_some()).then(b.cmp(a)));
    assert_eq!(dates, sorted);
}

#[test]
fn a_membership_iri_explains_that_fact_alone() {
    let store = stores::seeds();
    let all = why(&store, "Steve Witkoff", None).unwrap();
    let first = &all.facts[0];
    let one = why(&store, &first.fact, None).unwrap();
    assert_eq!(one.facts.len(), 1);
    assert_eq!(one.facts[0].fact, first.fact);
    assert_eq!(one.facts[0].claims.len(), first.claims.len());
}

#[test]
fn an_unknown_name_is_an_error_that_says_so() {
    let store = stores::seeds();
    let error = why(&store, "Nobody Atall", None).unwrap_err().to_string();
    assert!(error.contains("Nobody Atall"), "{error}");
}
