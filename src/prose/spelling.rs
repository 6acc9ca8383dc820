//! Words an author misspelt, and how English spells them: SCOWL's
//! American English word list (`lexicon/words.txt`, made by
//! `scripts/gen-spelling.py`; notice in `lexicon/LICENSE-SCOWL`).
//!
//! A typo is a word the list does not know that is one slip from exactly
//! one word it knows: two letters swapped ("becasue"), one letter left out
//! ("flexiblity"), a letter doubled ("runnning") or a vowel for a vowel
//! ("performence"), past the word's first two letters. A word the list
//! does not know but that English builds from words it knows is the
//! kernel's own ("subtest", "inlined", "blocker", "breakpoint"), no typo.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

static WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut words = FxHashSet::default();
    let mut before = String::new();
    for line in include_str!("lexicon/words.txt").lines() {
        let Some(shared) = line.chars().next().and_then(|c| c.to_digit(36)) else {
            continue;
        };
        let mut word: String = before.chars().take(shared as usize).collect();
        word.push_str(&line[1..]);
        before.clone_from(&word);
        words.insert(word);
    }
    words
});

/// Whether English spells `word` (lower case) so.
fn is_known(word: &str) -> bool {
    WORDS.contains(word) || super::lexicon::verb_of(word).is_some()
}

const PREFIXES: &[&str] = &[
    "re", "un", "de", "pre", "sub", "non", "over", "under", "multi", "inter", "intra", "super",
    "co", "mis", "dis", "in", "out", "self", "auto", "micro", "mini", "hyper", "semi", "pseudo",
    "post",
];
const SUFFIXES: &[&str] = &[
    "s", "es", "ed", "ing", "er", "ers", "or", "ors", "able", "ible", "ly", "ness", "ment", "ize",
    "ise", "ity", "ful", "less", "ish", "ist", "ism", "est", "age",
];

const E_DROPPING: &[&str] = &["ing", "ed", "er", "ers", "or", "ors", "able", "ible", "est"];

/// "subtest", "inlined", "blocker", "splitted", "breakpoint": a word
/// English builds from words it knows, with a prefix, a suffix or
/// another word.
fn is_built(word: &str) -> bool {
    let prefixed = PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.len() >= 3 && is_known(rest))
    });
    let suffixed = SUFFIXES.iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|stem| {
            let one_syllable = stem.chars().filter(|c| "aeiouy".contains(*c)).count() == 1;
            stem.len() >= 3
                && (is_known(stem)
                    // "inlining": an 'e' dropped before an ending said
                    // as a syllable of its own ("flexiblity" is no
                    // "flexible" + "ity").
                    || E_DROPPING.contains(suffix) && is_known(&format!("{stem}e"))
                    // "splitted": a doubled consonant after one syllable.
                    || one_syllable
                        && stem.len() > 3
                        && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
                        && is_known(&stem[..stem.len() - 1]))
        })
    });
    let compound =
        (4..word.len().saturating_sub(3)).any(|at| is_known(&word[..at]) && is_known(&word[at..]));
    prefixed || suffixed || compound
}

/// How English spells `word`, where it is a typo of exactly one word.
pub fn corrected(word: &str) -> Option<String> {
    if word.len() < 7 || !word.bytes().all(|b| b.is_ascii_lowercase()) || is_known(word) {
        return None;
    }
    let bytes = word.as_bytes();
    let mut found: Option<String> = None;
    let mut consider = |candidate: String| -> bool {
        if !WORDS.contains(&candidate) {
            return true;
        }
        match &found {
            Some(known) if *known != candidate => false,
            _ => {
                found = Some(candidate);
                true
            }
        }
    };
    const VOWELS: &[u8] = b"aeiou";
    for at in 2..=bytes.len() {
        // A letter left out, not at the end ("decrement" is no
        // "decrements").
        if at < bytes.len() {
            for letter in b'a'..=b'z' {
                let mut said = bytes.to_vec();
                said.insert(at, letter);
                if !consider(String::from_utf8(said).unwrap()) {
                    return None;
                }
            }
        }
        if at == bytes.len() {
            break;
        }
        // A letter doubled.
        if bytes[at] == bytes[at - 1] {
            let mut said = bytes.to_vec();
            said.remove(at);
            if !consider(String::from_utf8(said).unwrap()) {
                return None;
            }
        }
        // A vowel for a vowel.
        if VOWELS.contains(&bytes[at]) {
            for &vowel in VOWELS.iter().filter(|&&v| v != bytes[at]) {
                let mut said = bytes.to_vec();
                said[at] = vowel;
                if !consider(String::from_utf8(said).unwrap()) {
                    return None;
                }
            }
        }
        // Two letters swapped.
        if at + 1 < bytes.len() && bytes[at] != bytes[at + 1] {
            let mut said = bytes.to_vec();
            said.swap(at, at + 1);
            if !consider(String::from_utf8(said).unwrap()) {
                return None;
            }
        }
    }
    found.filter(|_| !is_built(word))
}

/// The first misspelt word of `text` outside quotes and code, where it is,
/// and how English spells it.
pub fn misspelt(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let starts = text.char_indices().filter(|&(at, c)| {
        c.is_ascii_alphabetic()
            && !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
    });
    for (start, _) in starts {
        let end = text[start..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |len| start + len);
        let word = &text[start..end];
        // A word among words, not part of a name, a path or a flag.
        let opens = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        let rest = &text[end..];
        let closes = rest
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || ",;:!?)".contains(c))
            || rest.starts_with('.') && rest[1..].chars().next().is_none_or(char::is_whitespace);
        if !opens || !closes {
            continue;
        }
        let quoted = text[..start].matches('"').count() % 2 == 1
            || text[..start].matches('`').count() % 2 == 1;
        if quoted {
            continue;
        }
        if let Some(said) = corrected(word) {
            return Some((start..end, said));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{corrected, misspelt};

    #[test]
    fn a_slip_from_one_word_is_a_typo() {
        for (typo, word) in [
            ("becasue", "because"),
            ("flexiblity", "flexibility"),
            ("runnning", "running"),
            ("performence", "performance"),
        ] {
            assert_eq!(corrected(typo).as_deref(), Some(word), "{typo}");
        }
    }

    #[test]
    fn a_word_english_builds_from_known_words_is_no_typo() {
        for word in [
            "subtest",
            "inlined",
            "blocker",
            "breakpoint",
            "splitted",
            "unsetting",
        ] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_slip_in_the_first_two_letters_is_a_name() {
        for word in ["mprotect", "kprobes", "refcount"] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_british_spelling_is_no_typo() {
        for word in ["behaviour", "initialised", "optimisation", "neighbour"] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn names_paths_and_quotes_are_not_read_for_spelling() {
        for text in [
            "It sets frob.becasue to one.",
            "It reads /sys/becasue/frob.",
            "It adds the \"becasue\" option.",
            "It adds becasue_frob().",
        ] {
            assert_eq!(misspelt(text), None, "{text}");
        }
    }
}
