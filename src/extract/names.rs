//! Names as keys: folding spelling variants, slugs for IRIs, surnames, and proper casing.
//!
//! The same person is written "Zelensky", "Zelenskyy" and "Zelenskiy", "Dmitry" and "Dmitriy",
//! "Sergei" and "Sergey"; the same city "Kraków" and "Krakow". Keys must not care, so every name
//! word is folded: diacritics removed, lower-cased, and the common transliteration endings
//! (-yy/-iy/-ii/-yi/-ij and a final -i → -y) made one. A key is then `person/<folded words>`,
//! `organization/<slug>` or `place/<slug>`, the same in every document.

use std::borrow::Cow;

/// Removes diacritics from Latin letters ("é" → "e", "ł" → "l", "ß" → "ss"); other characters
/// are kept as they are.
pub fn ascii_fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let folded = match c {
            'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
            'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
            'Æ' => "AE",
            'æ' => "ae",
            'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
            'Ð' | 'Ď' | 'Đ' => "D",
            'ð' | 'ď' | 'đ' => "d",
            'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
            'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'Ĥ' | 'Ħ' => "H",
            'ĥ' | 'ħ' => "h",
            'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
            'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'Ĵ' => "J",
            'ĵ' => "j",
            'Ķ' => "K",
            'ķ' => "k",
            'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
            'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
            'ñ' | 'ń' | 'ņ' | 'ň' => "n",
            'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
            'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
            'Œ' => "OE",
            'œ' => "oe",
            'Ŕ' | 'Ŗ' | 'Ř' => "R",
            'ŕ' | 'ŗ' | 'ř' => "r",
            'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
            'ß' => "ss",
            'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
            'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
            'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
            'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'Ŵ' => "W",
            'ŵ' => "w",
            'Ý' | 'Ÿ' | 'Ŷ' => "Y",
            'ý' | 'ÿ' | 'ŷ' => "y",
            'Ź' | 'Ż' | 'Ž' => "Z",
            'ź' | 'ż' | 'ž' => "z",
            'Þ' => "TH",
            'þ' => "th",
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => "'",
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => "-",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

/// Folds one name word: diacritics off, lower case, apostrophes dropped, transliteration endings
/// made one ("Zelenskyy", "Zelenskiy" → "zelensky"; "Sergei" → "sergey", "Yuri" → "yury").
pub fn fold_name_word(word: &str) -> String {
    let mut w = String::new();
    fold_name_word_into(word, &mut w);
    w
}

/// [`fold_name_word`] into `w` (cleared first), to reuse one buffer over many words.
pub(crate) fn fold_name_word_into(word: &str, w: &mut String) {
    w.clear();
    if word.is_ascii() {
        // The common case, in one pass: folding leaves ASCII as it is.
        w.extend(
            word.bytes()
                .filter(|&b| b != b'\'' && b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        w.extend(
            ascii_fold(word)
                .chars()
                .filter(|c| *c != '\'' && *c != '.')
                .flat_map(char::to_lowercase),
        );
    }
    if w.chars().count() > 3 {
        for suffix in ["yy", "iy", "ii", "yi", "ij"] {
            if w.ends_with(suffix) {
                w.truncate(w.len() - suffix.len());
                w.push('y');
                break;
            }
        }
        if w.ends_with('i') && !w.ends_with("yi") {
            w.pop();
            w.push('y');
        }
    }
}

/// A slug for an IRI path: diacritics off, lower case, every run of other characters one `-`.
/// Letters outside the Latin alphabet are kept (lower-cased).
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    // Folding leaves ASCII as it is: no copy for the common case.
    let folded = if s.is_ascii() {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(ascii_fold(s))
    };
    for c in folded.chars() {
        if c == '\'' {
            continue; // "Russia's" → "russias"
        }
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The key of a person from the words of their name: `person/<folded words joined by ->`.
pub fn person_key(words: &[&str]) -> String {
    let folded: Vec<String> = words
        .iter()
        .map(|w| fold_name_word(w))
        .map(|w| slug(&w))
        .filter(|w| !w.is_empty())
        .collect();
    format!("person/{}", folded.join("-"))
}

/// The surname part of a person key, for merging a person known in one document only by
/// surname (`person/putin`) with the one full-named person who has it (`person/vladimir-putin`).
///
/// It is the last word of the key, or the first for an East Asian name that puts the family name
/// first (`person/xi-jinping` → `xi`). `None` for keys that are not person keys. A key is a
/// surname-only key when [`is_surname_only_key`] says so.
pub fn surname_key(key: &str) -> Option<String> {
    let slug = key.strip_prefix("person/")?;
    let parts: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).collect();
    let lex = super::lexicon::Lexicons::get();
    let first = *parts.first()?;
    if parts.len() >= 2 && lex.is_surname_first(first, parts.len() >= 3) {
        return Some(first.to_string());
    }
    parts
        .iter()
        .rev()
        .find(|p| !lex.is_name_suffix(p))
        .map(|p| (*p).to_string())
}

/// True for the key of a person named by a surname alone (`person/putin`).
pub fn is_surname_only_key(key: &str) -> bool {
    key.strip_prefix("person/")
        .is_some_and(|s| !s.is_empty() && !s.contains('-'))
}

/// Proper-cases a name written in lower case ("biden" → "Biden", "jean-luc" → "Jean-Luc");
/// leaves words that already have a capital alone.
pub fn proper_case(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            if word.chars().any(char::is_uppercase) {
                return word.to_string();
            }
            let mut out = String::with_capacity(word.len());
            let mut start = true;
            for c in word.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                start = c == '-';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Cleans a written form for use as a label: trims, drops a leading "the " and a trailing
/// possessive, and makes apostrophes and hyphens plain ASCII.
pub fn clean_label(form: &str) -> String {
    if is_clean_label(form) {
        return form.to_string();
    }
    tidy_label(form)
}

/// [`clean_label`] the long way.
fn tidy_label(form: &str) -> String {
    let mut s = form
        .trim()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace('\u{2011}', "-");
    for article in ["the ", "The ", "THE "] {
        if let Some(rest) = s.strip_prefix(article) {
            s = rest.to_string();
        }
    }
    for possessive in ["'s", "'S"] {
        if let Some(rest) = s.strip_suffix(possessive) {
            s = rest.to_string();
        }
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s
}

/// True when [`clean_label`] has nothing to change: no curly apostrophe or non-breaking hyphen,
/// no leading article, no possessive ending, and single spaces only between words (as most
/// mentions are written), so the form can be copied as it is.
fn is_clean_label(form: &str) -> bool {
    let mut after_space = true; // at the start, a space would be leading
    for c in form.chars() {
        if matches!(c, '\u{2019}' | '\u{2018}' | '\u{2011}') {
            return false;
        }
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space
        && !["the ", "The ", "THE "].iter().any(|a| form.starts_with(a))
        && !form.ends_with("'s")
        && !form.ends_with("'S")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_fold_together() {
        for (a, b) in [
            ("Hrytsenky", "Hrytsenkyy"),
            ("Hrytsenkiy", "Hrytsenky"),
            ("Dmitriy", "Dmitry"),
            ("Sergei", "Sergey"),
            ("Andrii", "Andriy"),
            ("Yuri", "Yuriy"),
            ("Dmitri", "Dmitry"),
            ("Kraków", "Krakow"),
        ] {
            assert_eq!(fold_name_word(a), fold_name_word(b), "{a} / {b}");
        }
        assert_ne!(fold_name_word("Lee"), fold_name_word("Li"));
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(
            person_key(&["Taras", "Hrytsenkyy"]),
            "person/taras-hrytsenky"
        );
        assert_eq!(person_key(&["Hrytsenky"]), "person/hrytsenky");
        assert_eq!(slug("Saint Petersburg"), "saint-petersburg");
        assert_eq!(
            slug("Russia’s sovereign wealth fund"),
            "russias-sovereign-wealth-fund"
        );
        assert_eq!(slug("U.S. Army"), "u-s-army");
    }

    #[test]
    fn surnames_of_keys() {
        assert_eq!(surname_key("person/boris-orlov").as_deref(), Some("orlov"));
        assert_eq!(surname_key("person/orlov").as_deref(), Some("orlov"));
        assert_eq!(surname_key("person/xi-jinping").as_deref(), Some("xi"));
        assert_eq!(surname_key("person/kim-jong-un").as_deref(), Some("kim"));
        assert_eq!(
            surname_key("person/kim-darroch").as_deref(),
            Some("darroch")
        );
        assert_eq!(
            surname_key("person/martin-luther-king-jr").as_deref(),
            Some("king")
        );
        assert_eq!(surname_key("place/paris"), None);
        assert!(is_surname_only_key("person/orlov"));
        assert!(!is_surname_only_key("person/boris-orlov"));
    }

    #[test]
    fn casing_and_labels() {
        assert_eq!(proper_case("mercer"), "Mercer");
        assert_eq!(proper_case("jean-luc picard"), "Jean-Luc Picard");
        assert_eq!(proper_case("McDonald"), "McDonald");
        assert_eq!(clean_label(" the Kremlin’s "), "Kremlin");
        for form in [
            "Kremlin",
            "White House",
            "The White House",
            "Kremlin's",
            "Kremlin’s",
            " Kremlin",
            "White  House",
            "White\u{a0}House",
            "Hale\u{2011}chaired",
            "Thessaloniki",
            "O'Neill",
        ] {
            if is_clean_label(form) {
                assert_eq!(tidy_label(form), form);
            } else {
                assert_ne!(tidy_label(form), form, "{form:?} is clean");
            }
        }
        assert_eq!(clean_label("Hale\u{2011}chaired"), "Hale-chaired");
    }
}
