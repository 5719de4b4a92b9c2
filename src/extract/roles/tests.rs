//! Unit tests of the role shapes, each with a fresh sentence that must trigger it and one that
//! must not.

use crate::extract::entities::extract_entities;
use crate::extract::model::Qualifier;
use crate::text::split_sentences;

/// (person, role, organization, qualifiers) of every membership in `text`.
fn facts(text: &str) -> Vec<(String, String, String, Vec<Qualifier>)> {
    let x = extract_entities(text, &split_sentences(text));
    x.memberships
        .iter()
        .map(|m| {
            (
                x.entities[m.person].name.clone(),
                m.role.clone(),
                m.organization
                    .map_or("-".to_string(), |o| x.entities[o].name.clone()),
                m.qualifiers.clone(),
            )
        })
        .collect()
}

fn triples(text: &str) -> Vec<String> {
    facts(text)
        .into_iter()
        .map(|(p, r, o, _)| format!("{p}|{r}|{o}"))
        .collect()
}

#[test]
fn title_before_name() {
    assert_eq!(
        triples("Polish Foreign Minister Radoslaw Nowicki spoke."),
        ["Radoslaw Nowicki|Foreign Minister|Poland"]
    );
    assert_eq!(
        triples("Kremlin spokesman Ivan Sorokin denied it."),
        ["Ivan Sorokin|spokesman|Kremlin"]
    );
    assert_eq!(
        triples("He met Canada’s defence minister, Marie Dubois, on Monday."),
        ["Marie Dubois|Defence Minister|Canada"]
    );
    assert!(triples("The president arrived.").is_empty());
    assert_eq!(
        triples("Gov. Ana Torres of Oregon signed it."),
        ["Ana Torres|Governor|Oregon"]
    );
    // A possessive pronoun with nothing to point to names no organization: no fact.
    assert!(triples("Its foreign minister, Ana Torres, left.").is_empty());
    assert!(triples("Her lawyer, Ana Torres, left.").is_empty());
}

#[test]
fn qualifiers_stay_on_the_membership() {
    let f = facts("They met former Reuters editor Helen Marsh.");
    assert_eq!(f.len(), 1);
    assert_eq!((f[0].1.as_str(), f[0].2.as_str()), ("editor", "Reuters"));
    assert_eq!(f[0].3, [Qualifier::Former]);
    let f = facts("Acting Governor Dana Whitfield signed it.");
    assert_eq!(f[0].3, [Qualifier::Acting]);
    let f = facts("Greek Prime Minister-designate Nikos Pappas met the king.");
    assert_eq!(f[0].3, [Qualifier::Designate]);
}

#[test]
fn possessive_chains_give_two_roles() {
    assert_eq!(
        triples("Brazilian President Carlos Mendes’s special envoy Paulo Ribeiro flew in."),
        [
            "Carlos Mendes|President|Brazil",
            "Paulo Ribeiro|special envoy|Carlos Mendes"
        ]
    );
}

#[test]
fn apposition_relative_clause_and_copula() {
    assert_eq!(
        triples("Angela Merkel spoke. Lena Fischer, Merkel’s foreign policy adviser, said so."),
        ["Lena Fischer|foreign policy adviser|Angela Merkel"]
    );
    assert_eq!(
        triples("Omar Haddad, a special envoy appointed by the White House, arrived."),
        ["Omar Haddad|special envoy|White House"]
    );
    assert_eq!(
        triples("Grace Okafor, who is the chief executive of Gazprom, spoke."),
        ["Grace Okafor|chief executive|Gazprom"]
    );
    assert_eq!(
        triples("Grace Okafor is the chairwoman of Gazprom."),
        ["Grace Okafor|chairwoman|Gazprom"]
    );
    assert_eq!(
        triples("Barack Obama won. Lena Ford served as ambassador under Obama."),
        ["Lena Ford|ambassador|Barack Obama"]
    );
}

#[test]
fn adviser_to_a_person_and_a_time_qualifier() {
    let f = facts("Barack Obama won. Paul Grant, national security adviser to Obama during his second term before retiring, spoke.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, "national security adviser");
    assert_eq!(f[0].2, "Barack Obama");
    assert_eq!(
        f[0].3,
        [Qualifier::During("during his second term".to_string())]
    );
}

#[test]
fn ambassador_to_names_the_destination() {
    assert_eq!(
        triples("Kenya’s ambassador to France, Amina Wanjiru, confirmed."),
        ["Amina Wanjiru|ambassador|Kenya"]
    );
    assert!(
        triples("The ambassador to France, Amina Wanjiru, confirmed.")
            .iter()
            .all(|t| t.ends_with("|-"))
    );
}

#[test]
fn described_organization_after_head_of() {
    assert_eq!(
        triples("He met the head of Norway’s state pension fund, Lars Haugen."),
        ["Lars Haugen|head|Norway's state pension fund"]
    );
}

#[test]
fn generic_titles_need_an_organization() {
    assert!(triples("They will host Emmanuel Moreau next week.").is_empty());
    assert_eq!(
        triples("Fox News host Sam Calloway laughed."),
        ["Sam Calloway|host|Fox News"]
    );
}

#[test]
fn no_membership_from_unrelated_neighbours() {
    assert!(triples("Maria Lopes, who has been part of the team, and officials met.").is_empty());
    assert!(triples(
        "A friend of Tom Hale, real-estate developer and political envoy Dirk Vos, called."
    )
    .iter()
    .all(|t| t.starts_with("Dirk Vos")));
    assert!(
        triples("Tom Hale and U.S. Secretary of State Dirk Vos met.")
            .iter()
            .all(|t| t.starts_with("Dirk Vos"))
    );
}

#[test]
fn narrower_role_of_the_same_body_is_dropped() {
    assert_eq!(
        triples("Kremlin envoy Boris Lind arrived. Boris Lind, a special envoy appointed by the Kremlin, spoke."),
        ["Boris Lind|special envoy|Kremlin"]
    );
}

#[test]
fn org_less_role_is_dropped_when_a_fuller_one_exists() {
    assert_eq!(
        triples("French President Louis Martin spoke. Later President Martin left."),
        ["Louis Martin|President|France"]
    );
}

#[test]
fn an_organization_after_the_title_beats_a_country_before_it() {
    assert_eq!(
        triples("“It is fragile,” said Lena Vogt, a Sudan researcher at Chatham House."),
        ["Lena Vogt|researcher|Chatham House"]
    );
    assert_eq!(
        triples("Lena Vogt, a Sudan researcher, spoke."),
        ["Lena Vogt|researcher|Sudan"]
    );
}

#[test]
fn the_body_of_a_title_before_a_possessive() {
    assert_eq!(
        triples("It was led by the UN Secretary-General’s special envoy for Libya, Ines Moreau."),
        ["Ines Moreau|special envoy|United Nations"]
    );
}

#[test]
fn its_and_whose_point_to_an_organization() {
    assert_eq!(
        triples("The Zentrabank Authority opened a case. Its president, Olaf Brenner, said so."),
        ["Olaf Brenner|President|Zentrabank Authority"]
    );
    assert_eq!(
        triples("Olaf Brenner spoke. Its president, Ana Lind, said so."),
        Vec::<String>::new()
    );
    assert_eq!(
        triples("Volvo Cars said so. The carmaker's chairman, Olaf Brenner, agreed."),
        ["Olaf Brenner|chairman|Volvo Cars"]
    );
    assert_eq!(
        triples("They met the Supreme Tribal Council, whose chairman, Olaf Brenner, agreed."),
        ["Olaf Brenner|chairman|Supreme Tribal Council"]
    );
}

#[test]
fn led_by_names_the_leader() {
    assert_eq!(
        triples("The Likud, led by former pilot Dan Ofer, won."),
        ["Dan Ofer|leader|Likud"]
    );
    assert_eq!(
        triples("The Hamas delegation is led by chief negotiator Omar Said."),
        ["Omar Said|chief negotiator|Hamas"]
    );
    assert!(triples("A group of mayors came, led by Omar Said.").is_empty());
}

#[test]
fn descriptions_between_the_title_and_its_organization() {
    assert_eq!(
        triples(
            "Ruth Amos, the former treasurer of Asian football’s governing body AFC, was held."
        ),
        ["Ruth Amos|treasurer|Asian Football Confederation"]
    );
    assert_eq!(
        triples("Ruth Amos, a partner at the law firm Linklaters, spoke."),
        ["Ruth Amos|partner|Linklaters"]
    );
    assert_eq!(
        triples(
            "Ruth Amos, the chief observer of the European Union’s observation mission, spoke."
        ),
        ["Ruth Amos|chief observer|European Union"]
    );
    // An organization this reader cannot name: no fact rather than a title alone.
    assert!(triples("Ruth Amos, the treasurer of a small local club, spoke.").is_empty());
}

#[test]
fn envoys_for_a_place_or_a_cause() {
    assert_eq!(
        triples("The U.S. special envoy for Sudan, Tom Reyes, spoke."),
        ["Tom Reyes|special envoy|United States"]
    );
    assert_eq!(
        triples("China’s special envoy for climate change, Zhou Wenbo, spoke."),
        ["Zhou Wenbo|special envoy|China"]
    );
    assert_eq!(
        triples("A spokesperson for Japan’s foreign ministry, Aiko Mori, said so."),
        ["Aiko Mori|spokesperson|Japan"]
    );
}

#[test]
fn appositions_with_describing_words_and_relative_clauses() {
    let f = facts("Ravi Karki, a three-time former prime minister, lost his seat.");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].1.as_str(), f[0].3.clone()),
        ("Prime Minister", vec![Qualifier::Former])
    );
    assert_eq!(
        triples(
            "Ruth Amos, a former director at Airbus who is now a partner at Linklaters, spoke."
        ),
        ["Ruth Amos|director|Airbus", "Ruth Amos|partner|Linklaters"]
    );
    assert_eq!(
        triples("Olaf Brenner spoke. Brenner’s lawyer in Oslo, Ruth Amos, agreed."),
        ["Ruth Amos|lawyer|Olaf Brenner"]
    );
    assert_eq!(
        triples("Ruth Amos, a former governor of Lagos state, spoke."),
        ["Ruth Amos|Governor|Lagos"]
    );
}

/// The rule each shape leaves on its membership (it becomes `kg:rule`).
fn rules(text: &str) -> Vec<&'static str> {
    let x = extract_entities(text, &split_sentences(text));
    x.memberships.iter().map(|m| m.rule).collect()
}

#[test]
fn every_shape_names_its_rule() {
    assert_eq!(
        rules("NATO spokesman Lt. Ivo Marek spoke."),
        ["title-before-name"]
    );
    assert_eq!(
        rules("Ivo Marek, director of Greenpeace and a member of Amnesty International, spoke."),
        ["apposition", "coordinated-titles"]
    );
    assert_eq!(
        rules("Ivo Marek was named chief executive of Airbus."),
        ["appointment"]
    );
    assert_eq!(
        rules("Ivo Marek joined Reuters as a photographer."),
        ["joined-as"]
    );
    assert_eq!(
        rules("Ivo Marek, who heads Greenpeace, spoke."),
        ["relative-clause-verb"]
    );
    assert_eq!(rules("Ivo Marek heads Greenpeace."), ["subject-verb"]);
    assert_eq!(
        rules("Ivo Marek of Greenpeace said so."),
        ["name-of-organization"]
    );
    assert_eq!(
        rules("Greenpeace, founded by Ivo Marek, grew."),
        ["headed-by"]
    );
}

#[test]
fn past_tense_of_a_verb_of_holding_is_former() {
    let f = facts("Ivo Marek, who headed Gazprom until 2010, retired.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].3, [Qualifier::Former]);
    let f = facts("Ivo Marek, who has headed Gazprom since 2010, spoke.");
    assert_eq!(f.len(), 1);
    assert!(f[0].3.is_empty());
}

#[test]
fn a_nomination_is_a_designate() {
    let f = facts("Ivo Marek was nominated chairman of Gazprom.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].3, [Qualifier::Designate]);
}

#[test]
fn ranks_and_party_codes_do_not_hide_the_person() {
    assert_eq!(
        triples("Sen. Ruth Vance, D-Ore., chairman of Greenpeace, objected."),
        ["Ruth Vance|Senator|-", "Ruth Vance|chairman|Greenpeace"]
    );
    assert_eq!(
        triples("The head of Greenpeace, Dr. Ruth Vance, objected."),
        ["Ruth Vance|head|Greenpeace"]
    );
}
