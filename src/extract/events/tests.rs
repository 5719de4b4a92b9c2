//! Sentence-level tests of the event rules: for every rule, a sentence that must give the event
//! and one that must not. Dates and mentions are made by hand, so these tests depend on neither
//! the temporal recognizer nor the mention finder.

use super::find_events;
use crate::extract::model::{Event, Mention, MentionKind};
use crate::text::{split_sentences, Span};
use crate::time::{Timex, TimexKind};

/// A document with hand-made temporal expressions and mentions.
struct Doc {
    text: String,
    timexes: Vec<Timex>,
    mentions: Vec<Mention>,
}

fn doc(text: &str) -> Doc {
    Doc {
        text: text.to_string(),
        timexes: Vec::new(),
        mentions: Vec::new(),
    }
}

impl Doc {
    fn span(&self, sub: &str) -> Span {
        let start = self
            .text
            .find(sub)
            .unwrap_or_else(|| panic!("{sub:?} not in the text"));
        Span::new(start, start + sub.len())
    }

    fn sentence_of(&self, span: Span) -> usize {
        split_sentences(&self.text)
            .iter()
            .position(|s| s.span.contains(span))
            .unwrap_or(0)
    }

    fn timex(mut self, sub: &str, kind: TimexKind, value: &str) -> Self {
        let span = self.span(sub);
        let sentence = self.sentence_of(span);
        self.timexes.push(Timex {
            span,
            text: sub.to_string(),
            kind,
            value: Some(value.to_string()),
            relative: false,
            sentence,
            modifier: None,
        });
        self
    }

    fn date(self, sub: &str, value: &str) -> Self {
        self.timex(sub, TimexKind::Date, value)
    }

    fn mention(mut self, sub: &str, kind: MentionKind, entity: usize) -> Self {
        let span = self.span(sub);
        let sentence = self.sentence_of(span);
        self.mentions.push(Mention {
            kind,
            span,
            text: sub.to_string(),
            value: None,
            entity: Some(entity),
            sentence,
        });
        self
    }

    fn person(self, sub: &str, entity: usize) -> Self {
        self.mention(sub, MentionKind::Person, entity)
    }

    fn org(self, sub: &str, entity: usize) -> Self {
        self.mention(sub, MentionKind::Organization, entity)
    }

    fn place(self, sub: &str, entity: usize) -> Self {
        self.mention(sub, MentionKind::Place, entity)
    }

    fn events(&self) -> Vec<Event> {
        let sentences = split_sentences(&self.text);
        let events = find_events(&self.text, &sentences, &self.timexes, &self.mentions);
        for e in &events {
            assert_eq!(e.trigger_span.of(&self.text), e.trigger, "trigger span");
            assert!(
                e.span.contains(e.trigger_span),
                "clause holds the trigger: {e:?}"
            );
        }
        events
    }

    /// (lemma, date) of every event.
    fn dated(&self) -> Vec<(String, Option<String>)> {
        self.events()
            .into_iter()
            .map(|e| (e.lemma, e.date))
            .collect()
    }
}

fn pair(lemma: &str, date: Option<&str>) -> (String, Option<String>) {
    (lemma.to_string(), date.map(str::to_string))
}

#[test]
fn verb_with_a_date_in_its_clause() {
    let d = doc("Anna Berg visited Lisbon on Tuesday.")
        .person("Anna Berg", 0)
        .place("Lisbon", 1)
        .date("on Tuesday", "2024-05-07");
    let events = d.events();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(
        (e.lemma.as_str(), e.date.as_deref(), e.timex),
        ("visit", Some("2024-05-07"), Some(0))
    );
    assert_eq!(e.participants, [0]);
    assert_eq!(e.place, Some(1));
    assert_eq!(e.label, "Anna Berg visited Lisbon");
}

#[test]
fn negated_and_modal_verbs_make_no_event() {
    for text in [
        "Anna Berg did not visit Lisbon on Tuesday.",
        "Anna Berg could visit Lisbon on Tuesday.",
    ] {
        let d = doc(text)
            .person("Anna Berg", 0)
            .date("on Tuesday", "2024-05-07");
        assert!(d.events().is_empty(), "{text}");
    }
}

#[test]
fn planned_events_are_events() {
    let d = doc("Anna Berg is set to visit Lisbon next week.")
        .person("Anna Berg", 0)
        .date("next week", "2024-W20");
    assert_eq!(d.dated(), [pair("visit", Some("2024-W20"))]);
    let d = doc("Anna Berg wants to visit Lisbon next week.")
        .person("Anna Berg", 0)
        .date("next week", "2024-W20");
    assert!(d.events().is_empty());
}

#[test]
fn a_date_in_another_clause_does_not_attach() {
    let d = doc("Anna Berg visited Lisbon, which hosted a fair in 2019.")
        .person("Anna Berg", 0)
        .date("2019", "2019");
    assert_eq!(d.dated(), [pair("visit", None)]);
}

#[test]
fn undated_events_need_a_verb_and_a_participant() {
    assert!(doc("The visit was long.").events().is_empty());
    assert!(doc("Someone visited the port.").events().is_empty());
    let d = doc("Anna Berg visited the port.").person("Anna Berg", 0);
    assert_eq!(d.dated(), [pair("visit", None)]);
}

#[test]
fn statements_need_a_date_stated_at_the_verb() {
    let d =
        doc("The ministry said on Monday that prices had risen.").date("on Monday", "2024-05-06");
    assert_eq!(d.dated(), [pair("say", Some("2024-05-06"))]);
    assert_eq!(d.events()[0].label, "ministry said that prices had risen");
    let d =
        doc("The ministry said last month that prices had risen.").date("last month", "2024-04");
    assert_eq!(d.dated(), [pair("say", Some("2024-04"))]);
    let d = doc("The ministry said in a statement on its website last month that prices rose.")
        .date("last month", "2024-04");
    assert!(d.events().is_empty());
    let d = doc("Anna Berg said the old port reopened on Monday.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert!(d.events().is_empty());
    let d = doc("The ministry said that prices had risen.");
    assert!(d.events().is_empty());
}

#[test]
fn statement_date_before_the_verb_or_opening_the_clause() {
    let d = doc("Anna Berg on Monday accused the council of delays.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert_eq!(d.dated(), [pair("accuse", Some("2024-05-06"))]);
    let d =
        doc("On Monday, the ministry confirmed the appointment.").date("On Monday", "2024-05-06");
    assert_eq!(d.dated(), [pair("confirm", Some("2024-05-06"))]);
}

#[test]
fn a_date_before_a_noun_dates_that_noun_only() {
    let d = doc("The 2019 invasion of the island shocked observers.").date("2019", "2019");
    assert_eq!(d.dated(), [pair("invasion", Some("2019"))]);
    let d = doc("The 2019 budget was discussed at length.").date("2019", "2019");
    assert!(d.events().is_empty());
}

#[test]
fn light_verb_and_its_noun_are_one_event() {
    let d = doc("The two leaders held talks in Oslo on Thursday.")
        .place("Oslo", 3)
        .date("on Thursday", "2024-05-09");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].lemma.as_str(), events[0].place),
        ("talk", Some(3))
    );
    let d = doc("The army launched an invasion of Norland in March 2020.")
        .org("army", 0)
        .place("Norland", 1)
        .date("March 2020", "2020-03");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].lemma.as_str(), events[0].date.as_deref()),
        ("invasion", Some("2020-03"))
    );
    assert_eq!(events[0].label, "army launched an invasion of Norland");
    assert_eq!(events[0].place, Some(1));
}

#[test]
fn table_rows_date_their_description() {
    let d = doc(
        "| May 2, 2024 | Mayors of the region hold a summit |\n| June 5, 2024 | Envoys to meet |",
    )
    .date("May 2, 2024", "2024-05-02")
    .date("June 5, 2024", "2024-06-05");
    assert_eq!(
        d.dated(),
        [
            pair("summit", Some("2024-05-02")),
            pair("meet", Some("2024-06-05"))
        ]
    );
    let d = doc("| Date | Event |");
    assert!(d.events().is_empty());
}

#[test]
fn dates_that_bound_an_event_do_not_date_it() {
    let d = doc("Anna Berg will visit Lisbon by 2030.")
        .person("Anna Berg", 0)
        .date("2030", "2030");
    assert_eq!(d.dated(), [pair("visit", None)]);
    let d = doc("Anna Berg met the mayor on Friday.")
        .person("Anna Berg", 0)
        .date("on Friday", "2024-05-10");
    assert_eq!(d.dated(), [pair("meet", Some("2024-05-10"))]);
}

#[test]
fn questions_and_quotations_state_nothing() {
    let d = doc("Did Anna Berg visit Lisbon on Monday?")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert!(d.events().is_empty());
    let d = doc("“We met in Oslo on Monday,” Anna Berg said.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert!(d.events().is_empty());
}

#[test]
fn a_statement_passes_its_date_to_a_progressive_that_clause() {
    let d = doc("The junta announced in spring 2021 that it was annexing three valleys.")
        .date("spring 2021", "2021-SP");
    assert_eq!(d.dated(), [pair("annex", Some("2021"))]);
    let d = doc("The junta announced in spring 2021 that it annexed three valleys.")
        .date("spring 2021", "2021-SP");
    assert!(d.events().is_empty());
}

#[test]
fn one_speaker_on_one_day_is_one_statement() {
    let d = doc("Anna Berg told reporters on Monday that she was hopeful. Anna Berg said on Monday the plan works.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    let mut d = d;
    let second = d.text.rfind("on Monday").unwrap();
    let mut t = d.timexes[0].clone();
    t.span = Span::new(second, second + "on Monday".len());
    t.sentence = 1;
    d.timexes.push(t);
    let mut m = d.mentions[0].clone();
    let second = d.text.rfind("Anna Berg").unwrap();
    m.span = Span::new(second, second + "Anna Berg".len());
    m.sentence = 1;
    d.mentions.push(m);
    let events = d.events();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].lemma, "tell");
}

#[test]
fn two_statement_verbs_of_one_clause_are_one_event() {
    let d = doc("Speaking on Monday, a spokesman stated that the plan was ready.")
        .date("on Monday", "2024-05-06");
    assert_eq!(d.dated().len(), 1);
}

#[test]
fn relative_clause_takes_its_antecedent_as_subject() {
    let d = doc("Anna Berg, who was elected in 2015, visited Lisbon on Friday.")
        .person("Anna Berg", 0)
        .date("2015", "2015")
        .date("on Friday", "2024-05-10");
    let events = d.events();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        (events[0].lemma.as_str(), events[0].date.as_deref()),
        ("elect", Some("2015"))
    );
    assert_eq!(events[0].participants, [0]);
    assert_eq!(
        (events[1].lemma.as_str(), events[1].date.as_deref()),
        ("visit", Some("2024-05-10"))
    );
    assert_eq!(events[1].label, "Anna Berg visited Lisbon");
}

#[test]
fn agreements_need_their_object() {
    let d = doc("On March 3, the two parties reached a deal on trade.")
        .date("On March 3", "2024-03-03");
    assert_eq!(d.dated(), [pair("reach", Some("2024-03-03"))]);
    let d = doc("On March 3, the convoy reached the border.").date("On March 3", "2024-03-03");
    assert!(d.events().is_empty());
}

#[test]
fn fighting_continued_is_one_dated_event_with_its_place() {
    let d = doc("Fighting continued Friday in Eastvale despite the rain.")
        .place("Eastvale", 4)
        .date("Friday", "2024-05-10");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].lemma.as_str(), events[0].place),
        ("fight", Some(4))
    );
    assert_eq!(events[0].label, "Fighting continued in Eastvale");
}

#[test]
fn durations_and_vague_dates_date_nothing() {
    let d = doc("Anna Berg spent three days in Lisbon.")
        .person("Anna Berg", 0)
        .timex("three days", TimexKind::Duration, "P3D");
    assert_eq!(d.dated(), [pair("spend", None)]);
    let d = doc("Anna Berg met the mayor recently.")
        .person("Anna Berg", 0)
        .date("recently", "PAST_REF");
    assert_eq!(d.dated(), [pair("meet", None)]);
}

#[test]
fn web_addresses_hold_no_event() {
    let d = doc("Source: https://example.org/news/minister-visited-port-2024-05-07/")
        .date("2024-05-07", "2024-05-07");
    assert!(d.events().is_empty());
}

/// The cases of `tests/data/events.tsv`.
const CASES: &str = include_str!("../../../tests/data/events.tsv");

/// Reads the markup of a case: `[words|VALUE]` dates, `[words|VALUE|duration]` durations,
/// `{words|P}` people, `{words|O}` organizations, `{words|L}` places.
fn parse_case(marked: &str) -> Doc {
    let marked = marked.replace("\\n", "\n");
    let mut text = String::new();
    let mut timexes: Vec<(Span, String, TimexKind, String)> = Vec::new();
    let mut names: Vec<(Span, String, MentionKind)> = Vec::new();
    let mut rest = marked.as_str();
    while let Some(open) = rest.find(['[', '{']) {
        text.push_str(&rest[..open]);
        let close_char = if rest[open..].starts_with('[') {
            ']'
        } else {
            '}'
        };
        let close = open + rest[open..].find(close_char).expect("closed markup");
        let inner = &rest[open + 1..close];
        let mut parts = inner.split('|');
        let words = parts.next().expect("words");
        let start = text.len();
        text.push_str(words);
        let span = Span::new(start, text.len());
        if close_char == ']' {
            let value = parts.next().expect("value").to_string();
            let kind = match parts.next() {
                Some("duration") => TimexKind::Duration,
                Some("set") => TimexKind::Set,
                Some("time") => TimexKind::Time,
                _ => TimexKind::Date,
            };
            timexes.push((span, words.to_string(), kind, value));
        } else {
            let kind = match parts.next() {
                Some("P") => MentionKind::Person,
                Some("O") => MentionKind::Organization,
                _ => MentionKind::Place,
            };
            names.push((span, words.to_string(), kind));
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let sentences = split_sentences(&text);
    let sentence_of = |span: Span| {
        sentences
            .iter()
            .position(|s| s.span.contains(span))
            .unwrap_or(0)
    };
    let mut d = doc(&text);
    for (span, words, kind, value) in timexes {
        d.timexes.push(Timex {
            span,
            text: words,
            kind,
            value: Some(value),
            relative: false,
            sentence: sentence_of(span),
            modifier: None,
        });
    }
    let mut entities: Vec<String> = Vec::new();
    for (span, words, kind) in names {
        let entity = entities
            .iter()
            .position(|e| *e == words)
            .unwrap_or_else(|| {
                entities.push(words.clone());
                entities.len() - 1
            });
        d.mentions.push(Mention {
            kind,
            span,
            text: words,
            value: None,
            entity: Some(entity),
            sentence: sentence_of(span),
        });
    }
    d
}

#[test]
fn table_of_cases() {
    let mut failures = Vec::new();
    for line in CASES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (marked, expected) = line.split_once('\t').expect("two columns");
        let got: Vec<String> = parse_case(marked)
            .events()
            .into_iter()
            .map(|e| format!("{}@{}", e.lemma, e.date.as_deref().unwrap_or("-")))
            .collect();
        let got = if got.is_empty() {
            "none".to_string()
        } else {
            got.join("; ")
        };
        if got != expected.trim() {
            failures.push(format!(
                "{marked}\n    expected {expected}\n    got      {got}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_statement_subject_is_the_head_before_its_modifiers() {
    let d = doc("Speaking on Monday, a spokesman for the ministry stated that no deal was near.")
        .date("on Monday", "2024-05-06");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].label,
        "spokesman for the ministry stated that no deal"
    );
}

#[test]
fn a_title_before_the_verb_keeps_its_possessor_in_the_label() {
    let d = doc("Lena’s envoy visited the port on Friday.")
        .person("Lena", 0)
        .mention("envoy", MentionKind::Role, 1)
        .date("on Friday", "2024-05-10");
    let events = d.events();
    assert_eq!(events[0].label, "Lena’s envoy visited the port");
    assert!(
        events[0].participants.is_empty(),
        "the possessor is not the visitor"
    );
}

#[test]
fn a_statement_takes_only_a_place_next_to_it() {
    let d = doc("The militia said in Tarvos on Monday that troops shelled a market in Velia.")
        .place("Tarvos", 0)
        .place("Velia", 1)
        .date("on Monday", "2024-05-06");
    assert_eq!(d.events()[0].place, Some(0));
    let d = doc("On Monday, the militia accused the army of shelling a market in Velia.")
        .place("Velia", 1)
        .date("On Monday", "2024-05-06");
    assert_eq!(d.events()[0].place, None);
}

#[test]
fn a_place_in_an_aside_after_a_comma_is_not_the_place() {
    let d =
        doc("Nordbank on Monday named Eva Lind, the head of its branch in Tarvos, as its chief.")
            .org("Nordbank", 0)
            .person("Eva Lind", 1)
            .place("Tarvos", 2)
            .date("on Monday", "2024-05-06");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].lemma, "name");
    assert_eq!(events[0].place, None);
    let d = doc("Eva Lind was detained at a hotel in Tarvos on Monday.")
        .person("Eva Lind", 1)
        .place("Tarvos", 2)
        .date("on Monday", "2024-05-06");
    assert_eq!(d.events()[0].place, Some(2));
}

#[test]
fn a_statement_verb_ends_the_subject_of_the_verb_after_it() {
    let d = doc("Anna Berg said fourteen of the victims died on Monday.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    let events = d.events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].lemma, "die");
    assert!(events[0].participants.is_empty(), "{:?}", events[0]);
    let d = doc("Anna Berg died on Monday.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert_eq!(d.events()[0].participants, [0]);
}

/// The events of `d` for a document published on 2024-05-08: (lemma, date, timex).
fn at_publication(d: &Doc) -> Vec<(String, Option<String>, Option<usize>)> {
    let sentences = split_sentences(&d.text);
    super::find_events_at(
        &d.text,
        &sentences,
        &d.timexes,
        &d.mentions,
        Some("2024-05-08"),
    )
    .into_iter()
    .map(|e| (e.lemma, e.date, e.timex))
    .collect()
}

#[test]
fn present_tense_with_a_named_subject_is_dated_at_publication() {
    let run = at_publication;
    let d = doc("Norvale Shipping says that fares will rise.").org("Norvale Shipping", 0);
    assert_eq!(run(&d), [("say".into(), Some("2024-05-08".into()), None)]);
    let d = doc("Norvale Shipping is planning to sell its ferries.").org("Norvale Shipping", 0);
    assert_eq!(run(&d)[0].1.as_deref(), Some("2024-05-08"));
    // Past tense, or no named subject: no date from the publication.
    let d = doc("Norvale Shipping said that fares will rise.").org("Norvale Shipping", 0);
    assert!(run(&d).is_empty());
    // A statement by a bare plural tells an opinion, not a dated statement.
    let d = doc("Critics argue that fares will rise.");
    assert!(run(&d).is_empty());
    // Without a publication date nothing changes.
    let d = doc("Norvale Shipping says that fares will rise.").org("Norvale Shipping", 0);
    assert!(d.events().is_empty());
}

#[test]
fn business_and_aviation_triggers_take_their_clause_date() {
    let d = doc("The navy selected Orvik Marine on March 3 to build the ships.")
        .org("Orvik Marine", 0)
        .date("on March 3", "2024-03-03");
    assert_eq!(d.dated(), [pair("select", Some("2024-03-03"))]);
    let d = doc("The airline will fly the jets in 2027.").date("in 2027", "2027");
    assert_eq!(d.dated(), [pair("fly", Some("2027"))]);
    // "in order to", "the fly": no trigger.
    let d = doc("A fly landed nearby, in order to rest.");
    assert!(d.events().is_empty());
}

#[test]
fn a_scheduled_event_with_a_date_of_its_own_clause_is_an_event() {
    let d = doc("Nordair said it will begin to fly the new jets in 2031 from Oslo.")
        .org("Nordair", 0)
        .place("Oslo", 1)
        .date("2031", "2031");
    let events = d.events();
    let fly = events.iter().find(|e| e.lemma == "fly");
    let fly = fly.expect("the scheduled flight is an event");
    assert_eq!(fly.date.as_deref(), Some("2031"));
    assert!(
        !fly.label.starts_with("it "),
        "label opens with a pronoun: {}",
        fly.label
    );
    // "to" after a word that plans nothing ("hopes to") states no event.
    let d = doc("Nordair hopes to fly the new jets in 2031 from Oslo.")
        .org("Nordair", 0)
        .place("Oslo", 1)
        .date("2031", "2031");
    assert!(d.events().iter().all(|e| e.lemma != "fly"));
}

#[test]
fn a_statement_by_a_singular_noun_in_the_present_is_dated_at_publication() {
    let d = doc("The document says that fares will rise.");
    assert_eq!(
        at_publication(&d),
        [("say".into(), Some("2024-05-08".into()), None)]
    );
    // "it says": a pronoun is no subject the statement can be told by.
    let d = doc("Fares are high. It says that fares will rise.");
    assert!(at_publication(&d).is_empty());
    // "the ferry company claims that": a statement verb after its subject, not the noun "claims".
    let d = doc("The ferry company claims that its tickets are cheaper.");
    assert_eq!(at_publication(&d)[0].0, "claim");
    let d = doc("The ferry company rejected the claims of the union.");
    assert!(at_publication(&d).iter().all(|e| e.0 != "claim"));
}

#[test]
fn states_in_the_present_are_dated_at_publication_and_never_undated() {
    // The simple present of a state verb, after a noun subject and an adverb.
    let d = doc("Lakeside Ferries already operates twelve boats on the lake.")
        .org("Lakeside Ferries", 0);
    assert_eq!(
        at_publication(&d),
        [("operate".into(), Some("2024-05-08".into()), None)]
    );
    // The base form after a plural subject.
    let d = doc("The ferries include two electric boats.");
    assert_eq!(at_publication(&d)[0].0, "include");
    let d = doc("The guild asked the yard to include a bar.");
    assert!(at_publication(&d).is_empty());
    // The past without a date: a state makes no event.
    let d = doc("Lakeside Ferries operated twelve boats on the lake.").org("Lakeside Ferries", 0);
    assert!(at_publication(&d).is_empty());
    // A plural noun after a verb is no third person: "practised serves".
    let d = doc("She practised serves on the lake court.");
    assert!(at_publication(&d).is_empty());
}

#[test]
fn the_present_passive_and_its_coordinated_participle_are_dated_at_publication() {
    let d = doc("In Norland, ferries are selected and purchased by the state.");
    let events = at_publication(&d);
    let lemmas: Vec<&str> = events.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(lemmas, ["select", "purchase"], "{events:?}");
    assert!(events.iter().all(|e| e.1.as_deref() == Some("2024-05-08")));
    // The past passive and the present perfect came before publication: no date from it.
    let d = doc("In Norland, ferries were selected and purchased by the state.");
    assert!(at_publication(&d).is_empty());
    let d = doc("Police have arrested the ferry captain.");
    assert!(at_publication(&d).is_empty());
}

#[test]
fn what_a_statement_reports_and_hearsay_are_not_dated_at_publication() {
    // The statement is dated; the state it reports is not.
    let d =
        doc("Lakeside Ferries says that the yard operates three docks.").org("Lakeside Ferries", 0);
    let events = at_publication(&d);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].0, "say");
    // "are said to have", "is reported to": hearsay, not a statement at publication.
    let d = doc("Two captains are said to have met the mayor.");
    assert!(at_publication(&d).iter().all(|e| e.0 != "say"));
    // Modal or future groups are not the present.
    let d = doc("Lakeside Ferries will operate twelve boats.").org("Lakeside Ferries", 0);
    assert!(at_publication(&d).is_empty());
    let d = doc("Lakeside Ferries could operate twelve boats.").org("Lakeside Ferries", 0);
    assert!(at_publication(&d).is_empty());
}

#[test]
fn a_state_verb_and_the_noun_event_it_names_are_two_events() {
    let d =
        doc("The new pact replaces the 2019 treaty between the two ports.").date("2019", "2019");
    let events = at_publication(&d);
    let replace = events.iter().find(|e| e.0 == "replace").expect("replace");
    assert_eq!(replace.1.as_deref(), Some("2024-05-08"));
    let treaty = events.iter().find(|e| e.0 == "treaty").expect("treaty");
    assert_eq!(treaty.1.as_deref(), Some("2019"));
    // A verb that is no state still tells one happening with its noun: "held talks".
    let d = doc("The ports held talks on Friday.").date("on Friday", "2024-05-03");
    assert_eq!(d.dated(), [pair("talk", Some("2024-05-03"))]);
}

#[test]
fn a_fronted_date_dates_the_clause_verb_before_a_noun_of_its_phrase() {
    let d = doc("On Tuesday, at the annual conference of the guild, Anna Berg unveiled a ferry.")
        .person("Anna Berg", 0)
        .date("On Tuesday", "2024-05-07");
    let dated = d.dated();
    assert!(
        dated.contains(&pair("unveil", Some("2024-05-07"))),
        "{dated:?}"
    );
    assert!(
        !dated.contains(&pair("conference", Some("2024-05-07"))),
        "{dated:?}"
    );
    // Without a verb trigger, the first trigger after the date takes it.
    let d = doc("On Tuesday, the annual conference of the guild.").date("On Tuesday", "2024-05-07");
    assert_eq!(d.dated(), [pair("conference", Some("2024-05-07"))]);
}

#[test]
fn a_date_before_a_statement_noun_dates_it() {
    let d = doc("Friday's announcement by the guild surprised the port.")
        .date("Friday's", "2024-05-03");
    assert_eq!(d.dated(), [pair("announcement", Some("2024-05-03"))]);
    // A date before another noun after it does not.
    let d = doc("The announcement named Friday's winners.").date("Friday's", "2024-05-03");
    assert!(d.dated().iter().all(|p| p.0 != "announcement"));
}

#[test]
fn a_plan_word_lets_the_planned_event_take_its_date() {
    let d =
        doc("The guild intends to launch the ferry in June 2025.").date("in June 2025", "2025-06");
    assert!(
        d.dated().contains(&pair("launch", Some("2025-06"))),
        "{:?}",
        d.dated()
    );
    let d =
        doc("The guild wishes to launch the ferry in June 2025.").date("in June 2025", "2025-06");
    assert!(d.dated().iter().all(|p| p.0 != "launch"));
}

#[test]
fn light_give_carries_the_noun_event() {
    let d = doc("Anna Berg gave a keynote at the guild on Monday.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert_eq!(d.dated(), [pair("keynote", Some("2024-05-06"))]);
    let d = doc("Anna Berg gave the guild a boat on Monday.")
        .person("Anna Berg", 0)
        .date("on Monday", "2024-05-06");
    assert!(d.dated().is_empty());
}

#[test]
fn a_base_form_after_and_shares_the_future_of_the_verb_group_before_it() {
    let d = doc("The jet will take off from Tarvos and land in Mirelle on June 4.")
        .place("Tarvos", 0)
        .place("Mirelle", 1)
        .date("on June 4", "2031-06-04");
    assert_eq!(d.dated(), [pair("land", Some("2031-06-04"))]);
    // Negated before "and", or a noun after it ("sea and land routes"): no landing.
    let d = doc("The jet will not take off from Tarvos and land in Mirelle on June 4.")
        .place("Tarvos", 0)
        .place("Mirelle", 1)
        .date("on June 4", "2031-06-04");
    assert!(d.events().is_empty(), "{:?}", d.events());
    let d = doc("The group will sell its sea and land routes on June 4.")
        .date("on June 4", "2031-06-04");
    assert!(d.events().iter().all(|e| e.lemma != "land"));
}

#[test]
fn a_carrier_receives_aircraft_on_the_date_of_its_clause() {
    let d = doc("Nordair will now receive the aircraft next month.")
        .org("Nordair", 0)
        .date("next month", "2031-07");
    assert_eq!(d.dated(), [pair("receive", Some("2031-07"))]);
    // Receiving what is no aircraft or order is no delivery.
    let d = doc("Nordair will receive criticism next month.")
        .org("Nordair", 0)
        .date("next month", "2031-07");
    assert!(d.events().is_empty());
}

#[test]
fn a_state_told_now_and_a_dated_happening_of_the_same_verb_stay_apart() {
    let d = doc("The launch came today at a fair in Tarvos. The new reader comes in two sizes.")
        .place("Tarvos", 0)
        .date("today", "2024-05-08");
    let events = at_publication(&d);
    assert_eq!(
        events.iter().filter(|e| e.0 == "come").count(),
        2,
        "{events:?}"
    );
    // The same happening told twice is still one event.
    let d = doc("Kestrel Mills sells the dairy today. Kestrel Mills sells the dairy.")
        .org("Kestrel Mills", 0)
        .date("today", "2024-05-08");
    assert_eq!(at_publication(&d).len(), 1, "{:?}", at_publication(&d));
}

#[test]
fn a_verb_governed_through_to_by_another_trigger_has_a_label_of_its_own() {
    let d = doc("Kestrel Mills agreed to acquire Harrow Dairy.")
        .org("Kestrel Mills", 0)
        .org("Harrow Dairy", 1);
    let labels: Vec<String> = d.events().into_iter().map(|e| e.label).collect();
    assert_eq!(
        labels,
        [
            "Kestrel Mills agreed to acquire Harrow Dairy",
            "Kestrel Mills to acquire Harrow Dairy"
        ]
    );
    // "is set to": no trigger governs, the label keeps the verb group.
    let d = doc("Kestrel Mills is set to acquire Harrow Dairy.")
        .org("Kestrel Mills", 0)
        .org("Harrow Dairy", 1);
    let labels: Vec<String> = d.events().into_iter().map(|e| e.label).collect();
    assert_eq!(labels, ["Kestrel Mills is set to acquire Harrow Dairy"]);
}

#[test]
fn a_pronoun_after_a_statement_stands_for_its_named_subject() {
    let d = doc("Kestrel Mills said it filed with the Securities and Exchange Commission.")
        .org("Kestrel Mills", 0)
        .org("Securities and Exchange Commission", 1);
    let events = d.events();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0]
            .label
            .starts_with("Kestrel Mills filed with the Securities"),
        "{}",
        events[0].label
    );
    assert_eq!(events[0].participants, [0, 1]);
    // A person is no "it"; a pronoun after no statement stays unresolved.
    let d = doc("Anna Berg said it filed with the Securities and Exchange Commission.")
        .person("Anna Berg", 0)
        .org("Securities and Exchange Commission", 1);
    assert_eq!(d.events()[0].participants, [1]);
    assert!(d.events()[0].label.starts_with("filed"));
}

#[test]
fn a_statement_label_opens_with_neither_a_pronoun_nor_a_reporting_verb() {
    let d = doc("Last year's profit rose sharply in the year to December 31, it said earlier.")
        .date("December 31", "2023-12-31");
    assert!(
        d.events().iter().all(|e| e.lemma != "say"),
        "{:?}",
        d.events()
    );
    let d = doc("The regulator (FHLBB) announced the acquisition of a savings bank on May 3.")
        .date("on May 3", "2024-05-03");
    let labels: Vec<String> = d.events().into_iter().map(|e| e.label).collect();
    assert!(
        labels.iter().all(|l| !l.starts_with("announced")),
        "{labels:?}"
    );
    // With its subject, a statement keeps its verb.
    let d = doc("The regulator announced the acquisition of a savings bank on May 3.")
        .date("on May 3", "2024-05-03");
    assert_eq!(
        d.events()[0].label,
        "regulator announced the acquisition of a savings bank"
    );
}

#[test]
fn what_a_subject_can_do_holds_at_publication_and_nowhere_else() {
    let d = doc("The Orvik 9 can fly from Tarvos to Mirelle without a stop.")
        .place("Tarvos", 0)
        .place("Mirelle", 1);
    assert_eq!(
        at_publication(&d),
        [("fly".into(), Some("2024-05-08".into()), None)]
    );
    // Without a publication date, or with a date of its own, or negated, or "could": nothing.
    assert!(d.events().is_empty(), "{:?}", d.events());
    let d = doc("The Orvik 9 can fly from Tarvos to Mirelle in 2031.")
        .place("Tarvos", 0)
        .place("Mirelle", 1)
        .date("in 2031", "2031");
    assert!(at_publication(&d).is_empty(), "{:?}", at_publication(&d));
    for text in [
        "The Orvik 9 cannot fly from Tarvos to Mirelle without a stop.",
        "The Orvik 9 could fly from Tarvos to Mirelle without a stop.",
    ] {
        let d = doc(text).place("Tarvos", 0).place("Mirelle", 1);
        assert!(at_publication(&d).is_empty(), "{text}");
    }
}

/// The merge of a document's events reads only kept events of the same date and lemma, or the
/// same date, class and subject (two indexes): it must keep exactly what comparing with every
/// kept event in order keeps, the loop it replaced, here as the reference.
mod merge_by_index {
    use super::super::{absorb, lexicon, merge_document, Found};
    use crate::extract::model::Event;
    use crate::text::Span;
    use proptest::prelude::*;

    fn reference(found: Vec<Found>) -> Vec<Event> {
        let mut kept: Vec<Found> = Vec::new();
        for f in found {
            let same = kept.iter_mut().find(|k| {
                let same_date = k.event.date == f.event.date;
                let same_speaker = k.class == f.class
                    && f.event.date.is_some()
                    && f.subject.is_some()
                    && k.subject == f.subject;
                let mut a = k.event.participants.clone();
                let mut b = f.event.participants.clone();
                a.sort_unstable();
                b.sort_unstable();
                let same_lemma = k.event.lemma == f.event.lemma;
                let same_parties = same_lemma && !a.is_empty() && a == b;
                let dated_again = same_lemma
                    && f.class != lexicon::STATE
                    && f.event.date.is_some()
                    && (f.event.timex.is_some() || k.event.timex.is_some());
                same_date && (same_speaker || same_parties || dated_again)
            });
            match same {
                Some(k) => absorb(k, &f),
                None => kept.push(f),
            }
        }
        kept.into_iter().map(|f| f.event).collect()
    }

    /// Events from small sets of dates, lemmas, classes, subjects and participants, so that
    /// many of them meet.
    fn found() -> impl Strategy<Value = Found> {
        (
            prop::option::of(prop::sample::select(vec!["2026-01-05", "2026-01-06"])),
            prop::sample::select(vec!["meet", "say", "sign"]),
            prop::sample::select(vec![lexicon::STATE, "occurrence", "statement"]),
            prop::option::of(0usize..3),
            prop::collection::vec(0usize..4, 0..3),
            prop::option::of(0usize..2),
            (0usize..3, 1usize..20),
        )
            .prop_map(
                |(date, lemma, class, subject, participants, timex, (sentence, len))| Found {
                    event: Event {
                        label: "x".repeat(len),
                        trigger: lemma.to_owned(),
                        lemma: lemma.to_owned(),
                        trigger_span: Span::new(0, 1),
                        date: date.map(str::to_owned),
                        timex,
                        participants,
                        place: None,
                        sentence,
                        span: Span::new(0, len),
                    },
                    class,
                    subject,
                },
            )
    }

    proptest! {
        #[test]
        fn keeps_what_comparing_with_every_kept_event_keeps(
            events in prop::collection::vec(found(), 0..40)
        ) {
            prop_assert_eq!(merge_document(events.clone()), reference(events));
        }
    }
}
