//! Event identity across articles, end to end through the `kg` binary: one happening told by
//! several articles in their own words, each dated by its own publication date, is one event
//! with one attestation per article; another happening stays apart.

use std::path::Path;

#[path = "support/run.rs"]
mod run;
use run::{csv_rows, dump, kg_ok};

/// Every event as "label,date,articles" (CSV rows, header left out), sorted.
fn events(store: &Path) -> Vec<String> {
    csv_rows(
        store,
        "SELECT ?l ?d (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?e a schema:Event ; rdfs:label ?l ; \
         kg:attestation/prov:wasDerivedFrom ?doc . OPTIONAL { ?e schema:startDate ?d } } \
         GROUP BY ?e ?l ?d ORDER BY ?l",
    )
}

#[test]
fn three_articles_telling_one_visit_give_one_event_with_three_attestations() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Published on three days; "on Monday" from two of them and "today" from the third all
    // name Monday, March 4, 2024; one article tells the visit with a noun.
    let articles = [
        (
            "a.txt",
            "Marlind in Vilnius\n\nMarch 5, 2024\n\nForeign Minister Tove Marlind visited \
             Vilnius on Monday to discuss grain exports.\n",
        ),
        (
            "b.txt",
            "Talks on grain\n\nMarch 6, 2024\n\nThe visit of Tove Marlind to Vilnius on Monday \
             ended with a grain accord, officials said.\n",
        ),
        (
            "c.txt",
            "Minister abroad\n\nMarch 4, 2024\n\nForeign Minister Tove Marlind visited Vilnius \
             today, her office said.\n",
        ),
    ];
    for (name, text) in articles {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events(&store),
        ["Tove Marlind visited Vilnius,2024-03-04,3"],
        "one visit, three attestations"
    );
    // A visit on another day is another happening.
    std::fs::write(
        corpus.join("d.txt"),
        "Back again\n\nMarch 12, 2024\n\nTove Marlind visited Vilnius on Monday.\n",
    )
    .unwrap();
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events(&store),
        [
            "Tove Marlind visited Vilnius,2024-03-04,3",
            "Tove Marlind visited Vilnius,2024-03-11,1"
        ]
    );
}

/// Writes `articles` (file name, the article's one sentence) into `dir`, each published on
/// Tuesday, March 5, 2024, so that "on Monday" is March 4.
fn write_articles(dir: &Path, articles: &[(&str, &str)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, sentence) in articles {
        std::fs::write(
            dir.join(name),
            format!("News of the day\n\nMarch 5, 2024\n\n{sentence}\n"),
        )
        .unwrap();
    }
}

/// Every event as "label,date,articles,attendees" (attendees' labels joined by "+"), sorted.
fn events_with_attendees(store: &Path) -> Vec<String> {
    csv_rows(
        store,
        "SELECT ?l ?d (COUNT(DISTINCT ?doc) AS ?n) (GROUP_CONCAT(DISTINCT ?who; separator=\"+\") \
         AS ?people) WHERE { ?e a schema:Event ; rdfs:label ?l ; schema:startDate ?d ; \
         kg:attestation/prov:wasDerivedFrom ?doc ; schema:attendee/rdfs:label ?who } \
         GROUP BY ?e ?l ?d ORDER BY ?l",
    )
    .into_iter()
    .map(|l| {
        // The attendees in a fixed order.
        let (head, people) = l.rsplit_once(',').unwrap();
        let mut people: Vec<&str> = people.split('+').collect();
        people.sort();
        format!("{head},{}", people.join("+"))
    })
    .collect()
}

const MARLIND: (&str, &str) = ("a.txt", "Tove Marlind visited Vilnius on Monday.");
const BOTH: (&str, &str) = (
    "b.txt",
    "Foreign Minister Tove Marlind visited Vilnius on Monday with Ansel Rook.",
);
const ROOK: (&str, &str) = ("c.txt", "Ansel Rook visited Vilnius on Monday.");

#[test]
fn tellings_with_overlapping_participants_are_one_event_with_every_participant() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_articles(&corpus, &[MARLIND, BOTH, ROOK]);
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    // Marlind's visit and Rook's are one through the article that names both.
    assert_eq!(
        events_with_attendees(&store),
        ["Ansel Rook visited Vilnius,2024-03-04,3,Ansel Rook+Tove Marlind"]
    );
}

#[test]
fn tellings_sharing_only_a_kind_date_and_place_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_articles(
        &corpus,
        &[
            MARLIND,
            ("d.txt", "Kerstin Ulvaeus visited Vilnius on Monday."),
        ],
    );
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events_with_attendees(&store),
        [
            "Kerstin Ulvaeus visited Vilnius,2024-03-04,1,Kerstin Ulvaeus",
            "Tove Marlind visited Vilnius,2024-03-04,1,Tove Marlind",
        ]
    );
}

#[test]
fn a_verb_and_its_noun_tell_one_happening() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_articles(
        &corpus,
        &[
            ("e.txt", "Orvane Holdings acquired Telmis Corp on Monday."),
            (
                "f.txt",
                "Orvane Holdings completed its acquisition of Telmis Corp on Monday.",
            ),
        ],
    );
    let store = dir.path().join("store");
    kg_ok(&store, &["ingest", "-q", corpus.to_str().unwrap()]);
    let events = events_with_attendees(&store);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].ends_with(",2024-03-04,2,Orvane Holdings+Telmis Corp"));
}

#[test]
fn removing_the_article_that_links_two_tellings_splits_them_and_order_never_matters() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_articles(&corpus, &[MARLIND, BOTH, ROOK]);
    let file = |f: &str| corpus.join(f).to_str().unwrap().to_owned();
    // All at once.
    let together = dir.path().join("together");
    kg_ok(&together, &["ingest", "-q", corpus.to_str().unwrap()]);
    // One at a time, the linking article last.
    let apart = dir.path().join("apart");
    for name in [ROOK.0, MARLIND.0, BOTH.0] {
        kg_ok(&apart, &["ingest", "-q", &file(name)]);
    }
    assert_eq!(dump(&together), dump(&apart));
    // Without the article naming both, Marlind's visit and Rook's are two.
    kg_ok(&apart, &["remove", &file(BOTH.0)]);
    assert_eq!(
        events_with_attendees(&apart),
        [
            "Ansel Rook visited Vilnius,2024-03-04,1,Ansel Rook",
            "Tove Marlind visited Vilnius,2024-03-04,1,Tove Marlind",
        ]
    );
    let without = dir.path().join("without");
    kg_ok(&without, &["ingest", "-q", &file(MARLIND.0), &file(ROOK.0)]);
    assert_eq!(dump(&apart), dump(&without));
    // Back again: the same graph as at first.
    kg_ok(&apart, &["ingest", "-q", &file(BOTH.0)]);
    assert_eq!(dump(&together), dump(&apart));
}

#[test]
fn a_surname_that_comes_to_name_a_known_person_joins_or_leaves_their_event() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let surname = (
        "s.txt",
        "Minister Marlind visited Vilnius on Monday with Ansel Rook.",
    );
    write_articles(&corpus, &[MARLIND, surname]);
    let file = |f: &str| corpus.join(f).to_str().unwrap().to_owned();
    let together = dir.path().join("together");
    kg_ok(&together, &["ingest", "-q", corpus.to_str().unwrap()]);
    assert_eq!(
        events_with_attendees(&together),
        ["Tove Marlind visited Vilnius,2024-03-04,2,Ansel Rook+Tove Marlind"],
        "Marlind is Tove Marlind, the one Marlind named"
    );
    for order in [[surname.0, MARLIND.0], [MARLIND.0, surname.0]] {
        let store = dir.path().join(format!("{}-{}", order[0], order[1]));
        for name in order {
            kg_ok(&store, &["ingest", "-q", &file(name)]);
        }
        assert_eq!(
            dump(&together),
            dump(&store),
            "ingested in the order {order:?}"
        );
    }
    // A second Marlind: "Marlind" is no longer known to be Tove, so the visits are two.
    write_articles(
        &corpus,
        &[("t.txt", "Eva Marlind opened a school in Riga.")],
    );
    kg_ok(&together, &["ingest", "-q", &file("t.txt")]);
    assert_eq!(
        events_with_attendees(&together),
        [
            "Marlind visited Vilnius with Ansel Rook,2024-03-04,1,Ansel Rook+Marlind",
            "Tove Marlind visited Vilnius,2024-03-04,1,Tove Marlind",
        ]
    );
}
