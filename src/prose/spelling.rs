//! Words an author misspelt, and how English spells them: SCOWL's
//! American English word list (`lexicon/words.txt`, made by
//! `scripts/gen-spelling.py`; notice in `lexicon/LICENSE-SCOWL`).
//!
//! A typo is a word the list does not know that is one slip from exactly
//! one word it knows: two letters swapped ("becasue"), one letter left out
//! ("flexiblity", "interfac") or a vowel too many ("approxiamately"), a
//! letter doubled ("runnning") or a vowel for a vowel ("performence"), past
//! the word's first two letters. A word the list does not know but that English
//! builds from words it knows is the kernel's own ("subtest", "inlined",
//! "blocker", "breakpoint", "clockid"), no typo; nor is one two slips make
//! known words of ("releated" may be "related" or "relegated").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::words::{E_DROPPING, PREFIXES, SUFFIXES, VOWELS};

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
pub fn is_known(word: &str) -> bool {
    WORDS.contains(word) || super::lexicon::verb_of(word).is_some()
}

/// "subtest", "inlined", "blocker", "breakpoint": a word English builds
/// from words it knows, with a prefix, a suffix or another word.
fn is_built(word: &str) -> bool {
    let prefixed = PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.len() >= 3 && is_known(rest))
    });
    let suffixed = SUFFIXES.iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|stem| {
            stem.len() >= 3
                && (is_known(stem)
                    // "inlining": an 'e' dropped before an ending said
                    // as a syllable of its own.
                    || E_DROPPING.contains(suffix) && is_known(&format!("{stem}e")))
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
    // "centre", "spectre": British English for a known "-er".
    if let Some(stem) = word.strip_suffix("re")
        && WORDS.contains(&format!("{stem}er"))
    {
        return None;
    }
    let letters: Vec<char> = word.chars().collect();
    let said = |letters: &[char]| letters.iter().collect::<String>();
    let mut slips: Vec<String> = Vec::new();
    // Slips that may make a known word but are never taken for the one
    // meant: a vowel too many between consonants or at the word's end,
    // where names end ("marchesi"), which still makes "additiona" no sure
    // slip, and a consonant too many.
    let mut unsure: Vec<String> = Vec::new();
    for at in 2..=letters.len() {
        // A letter left out, the last one too ("interfac"), but a plural's
        // 's' ("decrement" is a word the list may not know) or the 'g' of
        // "-ing" (the kernel's "faultin", "checkin").
        for letter in 'a'..='z' {
            if at == letters.len() && (letter == 's' || letter == 'g' && word.ends_with("in")) {
                continue;
            }
            let mut fixed = letters.clone();
            fixed.insert(at, letter);
            slips.push(said(&fixed));
        }
        if at == letters.len() {
            break;
        }
        // A vowel too many beside another vowel ("approxiamately",
        // "explaination"; not "oneline" nor "dragonet", which are words of
        // their own), before the word's last two letters, where names end
        // ("marchesi", "thinkos"); not a British 'u' ("behaviour"), nor a
        // consonant, which the kernel's names add ("debugfs", "backend").
        let beside_a_vowel = VOWELS.contains(&letters[at - 1])
            || letters
                .get(at + 1)
                .is_some_and(|next| VOWELS.contains(next));
        let mut fewer = letters.clone();
        fewer.remove(at);
        let british_u =
            letters[at] == 'u' && letters[at - 1] == 'o' && letters.get(at + 1) == Some(&'r');
        let vowel = VOWELS.contains(&letters[at]);
        if vowel && !british_u {
            let sure = beside_a_vowel && at + 2 < letters.len();
            if sure { &mut slips } else { &mut unsure }.push(said(&fewer));
        } else if !vowel && at + 1 < letters.len() {
            // A consonant too many, never taken, that makes another word:
            // no one slip is sure ("thinkos").
            unsure.push(said(&fewer));
        } else if !vowel && !matches!(letters[at], 's' | 'd' | 'y' | 'n') {
            // A consonant too many at the end ("commong"); not a plural's
            // 's', a daemon's 'd' ("systemd"), nor a 'y' or 'n' that ends
            // words ("functionaly", "choosen").
            slips.push(said(&fewer));
        }
        // A letter doubled.
        if letters[at] == letters[at - 1] {
            slips.push(said(&fewer));
        }
        // A vowel for a vowel.
        if VOWELS.contains(&letters[at]) {
            for &vowel in VOWELS.iter().filter(|&&v| v != letters[at]) {
                let mut fixed = letters.clone();
                fixed[at] = vowel;
                slips.push(said(&fixed));
            }
        }
        // Two letters swapped.
        if at + 1 < letters.len() && letters[at] != letters[at + 1] {
            let mut fixed = letters.clone();
            fixed.swap(at, at + 1);
            slips.push(said(&fixed));
        }
    }
    let found = slips.iter().find(|w| WORDS.contains(*w))?.clone();
    // "releated": "related" or "relegated", no one slip is sure.
    if slips
        .iter()
        .chain(&unsure)
        .any(|other| *other != found && WORDS.contains(other))
        || is_built(word)
    {
        return None;
    }
    Some(found)
}

/// The first misspelt word of `text` outside quotes and code, where it is,
/// and how English spells it.
pub fn misspelt(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    super::plain_words(text).find_map(|(at, word)| corrected(word).map(|said| (at, said)))
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
    fn a_vowel_too_many_or_a_last_letter_left_out_is_a_typo() {
        for (typo, word) in [
            ("approxiamately", "approximately"),
            ("explaination", "explanation"),
            ("interfac", "interface"),
        ] {
            assert_eq!(corrected(typo).as_deref(), Some(word), "{typo}");
        }
    }

    #[test]
    fn a_consonant_too_many_at_the_end_is_a_typo() {
        assert_eq!(corrected("commong").as_deref(), Some("common"));
        for kept in ["systemd", "functionaly"] {
            assert_ne!(
                corrected(kept).as_deref(),
                Some(&kept[..kept.len() - 1]),
                "{kept}"
            );
        }
    }

    #[test]
    fn a_kernel_name_or_a_word_more_than_one_sure_slip_from_another_is_no_typo() {
        for word in [
            "debugfs",
            "backend",
            "refcount",
            "systemd",
            "behaviour",
            "decrement",
            "thinkos",
            "marchesi",
            "additiona",
            "oneline",
            "dragonet",
            "faultin",
            "checkin",
        ] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_word_english_builds_from_known_words_is_no_typo() {
        for word in ["subtest", "inlined", "blocker", "breakpoint", "unsetting"] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_name_ending_in_id_is_no_typo() {
        for word in ["clockid", "classid"] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_word_a_letter_too_many_from_another_is_not_sure() {
        assert_eq!(corrected("releated"), None);
    }

    #[test]
    fn a_slip_in_the_first_two_letters_is_left() {
        for word in ["ebcause", "bceause"] {
            assert_eq!(corrected(word), None, "{word}");
        }
    }

    #[test]
    fn a_letter_left_out_before_the_last_is_a_typo() {
        assert_eq!(corrected("filterd").as_deref(), Some("filtered"));
    }

    #[test]
    fn a_british_closing_re_is_no_typo() {
        for word in ["millimetre", "kilometre", "spectre"] {
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
            "It moves it to kernel/becasue.",
        ] {
            assert_eq!(misspelt(text), None, "{text}");
        }
    }
}
