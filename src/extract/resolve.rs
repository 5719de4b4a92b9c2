//! Stage 4 of the pipeline: which mentions name the same thing, within one document, and the
//! key that names that thing in every document.
//!
//! - **People** are grouped by their folded full name ("Volodymyr Zelenskyy" and "Volodymyr
//!   Zelensky" are one), a name with a middle name or initial joins the same name without it
//!   ("Donald J. Trump", "Donald Trump"), a compound surname alone joins the one longer name
//!   that ends with it ("Cabral de Sousa"), and a surname alone joins the one full name that
//!   ends with it (or has it before a particle: "Villanueva de la Cruz"). When two people in the document share the surname, a surname alone goes to the
//!   nearest one mentioned before it: two different people are never merged for their surname.
//!   A surname with no full name in the document stays on its own, keyed `person/<surname>`; the
//!   store may merge it later with the one full-named person of that surname
//!   ([`super::names::surname_key`]).
//! - **Places and organizations** are grouped by their canonical name, so "U.S.", "US" and
//!   "America" are one place, keyed `place/united-states`.
//! - **Generic organization names** ("the Senate", "the Foreign Ministry") that no place
//!   qualifies name no entity: the name does not say which country's senate it is.
//! - **Demonyms** name their country only where they qualify a title ("Russian President"):
//!   there they point to the country's entity, which is created if the text names it nowhere
//!   else.
//!
//! Keys depend only on the names, never on the document or the order of documents.

use super::lexicon::Lexicons;
use super::model::{Entity, EntityKind, Mention, MentionKind};
use super::names::{clean_label, fold_name_word, person_key, proper_case, slug};
use super::tokens::is_hyphen;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// An entity in the making.
struct Group {
    kind: EntityKind,
    key: String,
    class: Option<String>,
    name: String,
    forms: Vec<String>,
    mentions: Vec<usize>,
    first: usize,
}

/// A person's name, as its words.
struct PersonName {
    words: Vec<String>,
    /// Words that count for fullness: not particles, initials count, suffixes do not.
    core: usize,
    surname: String,
    /// The word before the first particle, after the given name: "Villanueva" in "Héctor
    /// Villanueva de la Cruz", who may be called by it alone.
    other_surname: Option<String>,
    first_fold: String,
}

fn person_name(text: &str, lex: &Lexicons) -> PersonName {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let core = words
        .iter()
        .filter(|w| !lex.is_particle(w) && !lex.is_name_suffix(w))
        .count();
    let long = words.len() >= 3 || words.get(1).is_some_and(|w| w.contains(is_hyphen));
    let surname = match words.first() {
        Some(first) if words.len() >= 2 && lex.is_surname_first(first, long) => {
            fold_name_word(first)
        }
        _ => {
            let last = words
                .iter()
                .rev()
                .find(|w| !lex.is_name_suffix(w))
                .map_or("", String::as_str);
            fold_name_word(last.rsplit(is_hyphen).next().unwrap_or(last))
        }
    };
    let first_fold = words.first().map(|w| fold_name_word(w)).unwrap_or_default();
    let other_surname = words
        .iter()
        .position(|w| lex.is_particle(w))
        .filter(|&p| p >= 2)
        .map(|p| fold_name_word(&words[p - 1]));
    PersonName {
        words,
        core,
        surname,
        other_surname,
        first_fold,
    }
}

/// The scope of the organizations an article names only by what they are ("the Senate", "the
/// Coast Guard", "the Foreign Ministry") and ties to no country ([`super::state_bodies`]): the
/// article's own identifier. Which senate is meant is clear to the article's reader, so within
/// it every "the Senate" is one organization, and people are members of it; across articles
/// nothing says it is the same one, so their keys differ (`organization/senate/in/<id>`) and
/// no fact joins two countries' senates.
fn article_scope(text: &str) -> String {
    crate::text::DocumentId::of_text(text).as_str().to_owned()
}

/// Groups `mentions` into entities (setting each mention's `entity`) and returns the entities,
/// in the order of their first mention.
pub fn resolve(text: &str, mentions: &mut [Mention], lex: &Lexicons) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut assignment: Vec<Option<usize>> = vec![None; mentions.len()];
    resolve_people(mentions, lex, &mut groups, &mut assignment);
    let mut by_key: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.key.clone(), i))
        .collect();
    // Group of each place and organization name seen so far: a name always gives the same key,
    // and most are mentioned several times.
    let mut place_groups: HashMap<String, usize> = HashMap::default();
    let mut organization_groups: HashMap<String, usize> = HashMap::default();
    // The article's own scope for bodies it names bare, computed when one is met.
    let mut scope: Option<String> = None;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let label = || Cow::Owned(clean_label(&m.text));
        let (kind, name): (EntityKind, Cow<str>) = match m.kind {
            MentionKind::Place => (
                EntityKind::Place,
                m.value.as_deref().map_or_else(label, Cow::Borrowed),
            ),
            MentionKind::Organization => (
                EntityKind::Organization,
                m.value.as_deref().map_or_else(label, Cow::Borrowed),
            ),
            MentionKind::Demonym if qualifies_title(text, mentions, i) => {
                let Some(name) = m.value.as_deref() else {
                    continue;
                };
                (EntityKind::Place, Cow::Borrowed(name))
            }
            _ => continue,
        };
        let known = match kind {
            EntityKind::Organization => &mut organization_groups,
            _ => &mut place_groups,
        };
        let g = match known.get(name.as_ref()) {
            Some(&g) => g,
            None => {
                let (key, class) = match kind {
                    // "the Senate", "the Foreign Ministry": an organization, but not which
                    // one ([`super::institutions`]): an entity of this article alone (see
                    // [`article_scope`]), so no fact joins two countries' senates.
                    EntityKind::Organization
                        if m.value.is_none() && lex.is_generic_organization_name(&m.text) =>
                    {
                        let scope = scope.get_or_insert_with(|| article_scope(text));
                        (format!("organization/{}/in/{scope}", slug(&name)), None)
                    }
                    EntityKind::Organization => (
                        format!("organization/{}", slug(&name)),
                        lex.organization_named(&name).map(|o| o.class.clone()),
                    ),
                    _ => (
                        format!("place/{}", slug(&name)),
                        lex.place_named(&name)
                            .and_then(|p| p.class.schema_class())
                            .map(str::to_string),
                    ),
                };
                let g = *by_key.entry(key.clone()).or_insert_with(|| {
                    groups.push(Group {
                        kind,
                        key,
                        class,
                        name: name.to_string(),
                        forms: Vec::new(),
                        mentions: Vec::new(),
                        first: m.span.start,
                    });
                    groups.len() - 1
                });
                known.insert(name.into_owned(), g);
                g
            }
        };
        if m.kind != MentionKind::Demonym {
            groups[g].forms.push(clean_label(&m.text));
        }
        groups[g].mentions.push(i);
        groups[g].first = groups[g].first.min(m.span.start);
        assignment[i] = Some(g);
    }
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| !groups[g].mentions.is_empty())
        .collect();
    order.sort_by_key(|&g| groups[g].first);
    let mut index_of = vec![usize::MAX; groups.len()];
    for (entity, &g) in order.iter().enumerate() {
        index_of[g] = entity;
    }
    for (m, g) in mentions.iter_mut().zip(&assignment) {
        m.entity = g.map(|g| index_of[g]).filter(|&e| e != usize::MAX);
    }
    order
        .into_iter()
        .map(|g| {
            let group = &groups[g];
            // Sorted and deduplicated before anything is copied: most forms repeat.
            let aliases: BTreeSet<&str> = group
                .forms
                .iter()
                .filter(|f| !f.is_empty() && !f.eq_ignore_ascii_case(&group.name))
                .map(String::as_str)
                .collect();
            let mut unique: BTreeSet<String> = BTreeSet::new();
            let mut seen_lower: BTreeSet<String> = BTreeSet::new();
            for a in aliases {
                if seen_lower.insert(a.to_lowercase()) {
                    unique.insert(a.to_string());
                }
            }
            Entity {
                kind: group.kind,
                class: group.class.clone(),
                name: group.name.clone(),
                aliases: unique,
                key: group.key.clone(),
            }
        })
        .collect()
}

/// True when demonym mention `i` qualifies a title held by a person named next to it:
/// "Russian President Ivan Petrov", "Ivan Petrov, the Russian president".
fn qualifies_title(text: &str, mentions: &[Mention], i: usize) -> bool {
    let gap = |a: &Mention, b: &Mention| -> Option<String> {
        (a.sentence == b.sentence && a.span.end <= b.span.start).then(|| {
            text.get(a.span.end..b.span.start)
                .unwrap_or("")
                .trim()
                .to_lowercase()
        })
    };
    let m = &mentions[i];
    let Some(title) = mentions.get(i + 1).filter(|t| t.kind == MentionKind::Role) else {
        return false;
    };
    if gap(m, title).as_deref() != Some("") {
        return false;
    }
    // "Prime Minister-designate Ivan Petrov": a glued suffix may stand between.
    let after = mentions
        .get(i + 2)
        .filter(|p| p.kind == MentionKind::Person)
        .and_then(|p| gap(title, p))
        .map(|g| {
            g.trim_start_matches(is_hyphen)
                .trim_start_matches(char::is_alphabetic)
                .trim()
                .to_string()
        })
        .is_some_and(|g| g.is_empty() || g == ",");
    let before = i
        .checked_sub(1)
        .map(|j| &mentions[j])
        .filter(|p| p.kind == MentionKind::Person)
        .and_then(|p| gap(p, m))
        .is_some_and(|g| matches!(g.as_str(), "," | ", the" | ", a" | ", an"));
    after || before
}

/// Groups the person mentions; see the module documentation.
fn resolve_people(
    mentions: &[Mention],
    lex: &Lexicons,
    groups: &mut Vec<Group>,
    assignment: &mut [Option<usize>],
) {
    // A name is read once however often it is mentioned.
    let mut names: Vec<PersonName> = Vec::new();
    let mut name_of_text: HashMap<&str, usize> = HashMap::default();
    let name_indices: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Person)
        .map(|(i, m)| {
            let n = *name_of_text.entry(m.text.as_str()).or_insert_with(|| {
                names.push(person_name(&m.text, lex));
                names.len() - 1
            });
            (i, n)
        })
        .collect();
    let people: Vec<(usize, &PersonName)> =
        name_indices.iter().map(|&(i, n)| (i, &names[n])).collect();
    // Full names, by folded key.
    // Every look-up below goes through an index: a scan of all names per name made a long
    // document quadratic.
    let mut full: Vec<(String, Vec<usize>)> = Vec::new(); // key, indices into `people`
    let mut full_index: HashMap<String, usize> = HashMap::default();
    for (p, (_, name)) in people.iter().enumerate() {
        if name.core < 2 {
            continue;
        }
        let words: Vec<&str> = name.words.iter().map(String::as_str).collect();
        let key = person_key(&words);
        match full_index.get(&key) {
            Some(&f) => full[f].1.push(p),
            None => {
                full_index.insert(key.clone(), full.len());
                full.push((key, vec![p]));
            }
        }
    }
    // "Donald J. Trump" joins "Donald Trump".
    let word_count = |members: &[usize]| people[members[0]].1.words.len();
    full.sort_by_key(|(_, members)| word_count(members));
    let mut merged: Vec<(String, Vec<usize>)> = Vec::new();
    // The groups of `merged` by given name and surname, in the order they were made.
    let mut by_given_surname: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (key, members) in full {
        let name = &people[members[0]].1;
        let target = by_given_surname
            .get(&(name.first_fold.as_str(), name.surname.as_str()))
            .and_then(|groups| {
                groups.iter().copied().find(|&g| {
                    let s = &people[merged[g].1[0]].1;
                    s.words.len() < name.words.len()
                        && s.words.iter().all(|w| {
                            name.words
                                .iter()
                                .any(|x| fold_name_word(x) == fold_name_word(w))
                        })
                })
            });
        match target {
            Some(g) => merged[g].1.extend(members),
            None => {
                by_given_surname
                    .entry((name.first_fold.as_str(), name.surname.as_str()))
                    .or_default()
                    .push(merged.len());
                merged.push((key, members));
            }
        }
    }
    // "Cabral de Sousa" and "Benítez Ortiz" after "Luís Cabral de Sousa", "Ricardo Benítez
    // Ortiz": a compound surname alone joins the one longer name that ends with it.
    let folded = |p: usize| -> Vec<String> {
        people[p]
            .1
            .words
            .iter()
            .map(|w| fold_name_word(w))
            .collect()
    };
    let mut absorbed = vec![false; merged.len()];
    // Each group's folded words once, and the groups by their last word (a name that ends with
    // another ends with its last word).
    let folded_names: Vec<Vec<String>> = merged.iter().map(|(_, m)| folded(m[0])).collect();
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    for (h, words) in folded_names.iter().enumerate() {
        if let Some(last) = words.last() {
            by_last.entry(last.as_str()).or_default().push(h);
        }
    }
    for g in 0..merged.len() {
        let short = &folded_names[g];
        if lex.is_given_name(&people[merged[g].1[0]].1.words[0]) {
            continue;
        }
        let same_last = short
            .last()
            .and_then(|last| by_last.get(last.as_str()))
            .map_or(&[][..], Vec::as_slice);
        let longer: Vec<usize> = same_last
            .iter()
            .copied()
            .filter(|&h| h != g && !absorbed[h])
            .filter(|&h| {
                let long = &folded_names[h];
                long.len() > short.len() && long.ends_with(short)
            })
            .collect();
        if let [h] = longer[..] {
            let members = std::mem::take(&mut merged[g].1);
            merged[h].1.extend(members);
            absorbed[g] = true;
        }
    }
    let merged: Vec<(String, Vec<usize>)> = merged
        .into_iter()
        .zip(absorbed)
        .filter(|(_, gone)| !gone)
        .map(|(m, _)| m)
        .collect();
    let mut person_group: Vec<Option<usize>> = vec![None; people.len()];
    for (key, members) in &merged {
        let g = groups.len();
        groups.push(Group {
            kind: EntityKind::Person,
            key: key.clone(),
            class: None,
            name: String::new(),
            forms: Vec::new(),
            mentions: Vec::new(),
            first: usize::MAX,
        });
        for &p in members {
            person_group[p] = Some(g);
        }
    }
    // Surnames alone.
    let mut lone: HashMap<String, usize> = HashMap::default();
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut by_other_surname: HashMap<&str, Vec<usize>> = HashMap::default();
    for (g, (_, members)) in merged.iter().enumerate() {
        let full = &people[members[0]].1;
        by_surname.entry(full.surname.as_str()).or_default().push(g);
        if let Some(other) = &full.other_surname {
            by_other_surname.entry(other.as_str()).or_default().push(g);
        }
    }
    for (p, (i, name)) in people.iter().enumerate() {
        if person_group[p].is_some() {
            continue;
        }
        let start = mentions[*i].span.start;
        let mut candidates: Vec<usize> = by_surname
            .get(name.surname.as_str())
            .cloned()
            .unwrap_or_default();
        if name.core == 1 {
            if let Some(more) = by_other_surname.get(name.surname.as_str()) {
                candidates.extend(more);
                candidates.sort_unstable();
                candidates.dedup();
            }
        }
        let chosen = match candidates.len() {
            0 => None,
            1 => Some(candidates[0]),
            _ => {
                // The nearest full mention before this one, else the first after it.
                let mut best: Option<(usize, usize)> = None; // (distance, group)
                for &g in &candidates {
                    for &q in &merged[g].1 {
                        let s = mentions[people[q].0].span.start;
                        let distance = if s <= start {
                            start - s
                        } else {
                            usize::MAX / 2 + (s - start)
                        };
                        if best.map_or(true, |(d, _)| distance < d) {
                            best = Some((distance, g));
                        }
                    }
                }
                best.map(|(_, g)| g)
            }
        };
        let g = match chosen {
            Some(g) => g,
            None => *lone.entry(name.surname.clone()).or_insert_with(|| {
                groups.push(Group {
                    kind: EntityKind::Person,
                    key: format!("person/{}", slug(&name.surname)),
                    class: None,
                    name: String::new(),
                    forms: Vec::new(),
                    mentions: Vec::new(),
                    first: usize::MAX,
                });
                groups.len() - 1
            }),
        };
        person_group[p] = Some(g);
    }
    for (p, (i, _)) in people.iter().enumerate() {
        let Some(g) = person_group[p] else { continue };
        let group = &mut groups[g];
        group.forms.push(clean_label(&mentions[*i].text));
        group.mentions.push(*i);
        group.first = group.first.min(mentions[*i].span.start);
        assignment[*i] = Some(g);
    }
    // The name: the fullest form, proper-cased when the text had it in lower case.
    for group in groups.iter_mut().filter(|g| g.kind == EntityKind::Person) {
        let best = group
            .forms
            .iter()
            .enumerate()
            .max_by_key(|(i, f)| {
                let words = f.split_whitespace().count();
                let capitalised = f.chars().next().is_some_and(char::is_uppercase);
                (words, capitalised, std::cmp::Reverse(*i))
            })
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        group.name = if best.chars().any(char::is_uppercase) {
            best
        } else {
            best.split(' ')
                .map(|w| {
                    if lex.is_particle(w) {
                        w.to_string()
                    } else {
                        proper_case(w)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::find_mentions;
    use crate::text::split_sentences;

    fn entities(text: &str) -> (Vec<Mention>, Vec<Entity>) {
        let lex = Lexicons::get();
        let mut mentions = find_mentions(text, &split_sentences(text), lex);
        let entities = resolve(text, &mut mentions, lex);
        (mentions, entities)
    }

    fn keys(text: &str) -> Vec<String> {
        entities(text).1.into_iter().map(|e| e.key).collect()
    }

    #[test]
    fn no_mention_makes_an_entity_without_a_name() {
        // A body's name broken across lines before another name ("whose Senate\nFinance
        // Committee") once came out with an empty value: an entity keyed `organization/`.
        let text = "Budget talks\nSen. Ann Lee (D-Ohio) served in the Senate in 1999.\n\
                    Sen. Ann Lee, the Ohio Democrat whose Senate\nFinance Committee will \
                    vote, said so.\n";
        let found = keys(text);
        assert!(found.iter().all(|k| !k.ends_with('/')), "{found:?}");
        assert!(
            found.iter().any(|k| k.starts_with("organization/senate")),
            "{found:?}"
        );
        // And the plain case stays as it was.
        assert!(keys("The Senate voted.").iter().all(|k| !k.ends_with('/')));
    }

    #[test]
    fn a_body_named_bare_is_the_articles_own_organization() {
        let first = "The Senate voted on Tuesday. Later the Senate adjourned.";
        let ids = |text: &str| {
            keys(text)
                .into_iter()
                .filter(|k| k.starts_with("organization/senate"))
                .collect::<Vec<_>>()
        };
        let one = ids(first);
        // Both mentions are one organization, scoped to this article.
        assert_eq!(one.len(), 1, "{one:?}");
        let scope = crate::text::DocumentId::of_text(first);
        assert_eq!(one[0], format!("organization/senate/in/{}", scope.as_str()));
        // Another article's bare Senate is another organization.
        let two = ids("The Senate adjourned without a vote.");
        assert_eq!(two.len(), 1, "{two:?}");
        assert_ne!(one, two);
        // A body qualified by its country is the country's, the same in every article.
        assert_eq!(
            keys("Norway's Foreign Ministry said talks would go on."),
            ["place/norway", "organization/foreign-ministry-of-norway"]
        );
    }

    #[test]
    fn surnames_join_their_full_name() {
        let (mentions, ents) =
            entities("Envoy Mikhail Orlov landed. Orlov’s visit ended when Orlov left.");
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].key, "person/mikhail-orlov");
        assert_eq!(ents[0].name, "Mikhail Orlov");
        assert!(ents[0].aliases.contains("Orlov"));
        assert!(mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Person)
            .all(|m| m.entity == Some(0)));
    }

    #[test]
    fn spelling_variants_are_one_person() {
        assert_eq!(
            keys("Minister Oleksandr Kuzmenkoy spoke. Oleksandr Kuzmenkoyy agreed."),
            ["person/oleksandr-kuzmenkoy"]
        );
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let (mentions, ents) =
            entities("Anna Lindqvist met Erik Lindqvist. Then Erik Lindqvist left, and Lindqvist said goodbye.");
        let people: Vec<&Entity> = ents
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        assert_eq!(people.len(), 2);
        let last = mentions
            .iter()
            .rfind(|m| m.kind == MentionKind::Person)
            .unwrap();
        assert_eq!(ents[last.entity.unwrap()].name, "Erik Lindqvist");
    }

    #[test]
    fn lone_surnames_and_lower_case() {
        let (_, ents) = entities("It was President obrador who spoke.");
        assert_eq!(ents[0].key, "person/obrador");
        assert_eq!(ents[0].name, "Obrador");
    }

    #[test]
    fn places_by_canonical_name() {
        let (_, ents) = entities("The U.S. and America and the United States.");
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].key, "place/united-states");
        assert_eq!(ents[0].class.as_deref(), Some("Country"));
        assert!(ents[0].aliases.contains("U.S.") && ents[0].aliases.contains("America"));
    }

    #[test]
    fn demonyms_name_a_country_only_before_a_title() {
        assert!(keys("Polish farmers protested.").is_empty());
        assert!(keys("The Polish president spoke.").is_empty());
        let (mentions, ents) = entities("Polish President Jan Nowakowski spoke.");
        let demonym = mentions
            .iter()
            .find(|m| m.kind == MentionKind::Demonym)
            .unwrap();
        assert_eq!(ents[demonym.entity.unwrap()].key, "place/poland");
    }

    #[test]
    fn a_compound_surname_alone_joins_the_full_name() {
        let (_, ents) =
            entities("Pablo Ortega de la Vega spoke. Ortega de la Vega left, and Ortega waved.");
        let people: Vec<&Entity> = ents
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .collect();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].key, "person/pablo-ortega-de-la-vega");
        // Two names with different given names stay apart.
        let (_, ents) = entities("Anna Maria Holt spoke. Maria Holt left.");
        assert_eq!(
            ents.iter().filter(|e| e.kind == EntityKind::Person).count(),
            2
        );
    }
}
