//! Lower-case forms for word lookups, without a heap allocation for the usual word.
//!
//! Every lexicon lookup lower-cases the word first, and the extractor looks words up many times
//! per token: with `str::to_lowercase`, allocating and freeing that `String` costs more than the
//! lookup itself. [`with_lower`] gives the same lower-case form without allocating when it can:
//! it borrows a word that is already lower-case ASCII and lower-cases a short ASCII word on the
//! stack. Other words go through `to_lowercase` as before, so the result is always exactly
//! `word.to_lowercase()`.

/// Longest ASCII word lower-cased on the stack; longer ones are rare and allocate.
const STACK_WORD: usize = 48;

/// Calls `f` with `word.to_lowercase()`, allocating only for non-ASCII or very long words.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.is_ascii() || word.len() > STACK_WORD {
        // Unicode lower case can change a word's length ("İ"); keep the exact standard form.
        return f(&word.to_lowercase());
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut buf = [0u8; STACK_WORD];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps them ASCII, so this is always valid UTF-8.
    match std::str::from_utf8(lower) {
        Ok(lower) => f(lower),
        Err(_) => f(&word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_exactly_the_standard_lower_case() {
        let long = "Supercalifragilisticexpialidocious-And-Then-Some-More-Letters";
        for word in [
            "",
            "minister",
            "Minister",
            "NATO",
            "U.S.",
            "Zürich",
            "İstanbul",
            "ΣΑΣ",
            "Thin\u{212a}",
            long,
        ] {
            with_lower(word, |lower| {
                assert_eq!(lower, word.to_lowercase(), "{word}")
            });
        }
    }

    #[test]
    fn borrows_a_word_already_in_lower_case() {
        let word = "envoy";
        with_lower(word, |lower| assert!(std::ptr::eq(lower, word)));
    }
}
