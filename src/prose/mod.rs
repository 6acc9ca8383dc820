//! English about mail, in one place: how sentences are split and what
//! each one is ([`Sentence`]), the words the rules look for
//! ([`words`]), verbs and their forms from a lexicon ([`lexicon`]), and the
//! rules an editor reads a summary by ([`rules`]), each with its repair.
//! `parse::summary` scores sentences, `compose::voice` writes the editor's
//! lead and `compose::proofread` runs the rules: all of them from here.

pub mod lexicon;
pub mod rules;
mod sentence;
pub mod words;

pub use sentence::{
    Person, Sentence, commits_said_plainly, content_words, has_phrase, is_revision_word,
    sentences_of, split_comma_splice, the_means_of_a_fix, the_order_in_lets, the_series_speaking,
    the_version_introduced, with_its_capital,
};

use words::ORDINAL_WORDS;

/// "add X fix" -> "add X": the title of the earlier patch a fixup fixes,
/// as the mm tree names fixups; not "Add a quick fix" (the fix is the
/// order's object) nor "Revert broken locking fix" (a verb that takes a
/// fix).
pub fn fixup_of(title: &str) -> Option<&str> {
    let fixed = title.strip_suffix(" fix")?;
    let words: Vec<&str> = fixed.split_whitespace().collect();
    let verb = words.first()?.to_lowercase();
    (words.len() >= 2
        && lexicon::is_imperative(&verb)
        && !words::TAKES_A_FIX.contains(&verb.as_str())
        && !words
            .iter()
            .any(|w| words::DETERMINERS.contains(&w.to_lowercase().as_str())))
    .then_some(fixed)
}

/// The stem of a lower-case word, for matching what texts are about:
/// "reclaiming" and "reclaim" are one, by the Snowball English stemmer.
/// A text's words are [`content_words`].
pub fn stem(word: &str) -> String {
    static STEMMER: std::sync::LazyLock<rust_stemmers::Stemmer> = std::sync::LazyLock::new(|| {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
    });
    STEMMER.stem(word).into_owned()
}

/// The stems of a text's [`content_words`]: what a title or a sentence is
/// about, "reclaiming" and "reclaim" alike.
pub fn content_stems(text: &str) -> Vec<String> {
    content_words(text).iter().map(|w| stem(w)).collect()
}

/// The name an editor calls an author by: the first word of their name,
/// or, in a name written family name first ("Huang, Ying"), the word
/// after the comma.
pub fn first_name(name: &str) -> &str {
    // "Huang, Ying": one family name before the comma; not "Jane Doe,
    // PhD" or "Jane Doe, Jr.".
    if let Some((family, given)) = name.split_once(',')
        && !family.trim().contains(char::is_whitespace)
        && let Some(given) = given.split_whitespace().next()
        && given.chars().skip(1).any(char::is_lowercase)
        && !given.ends_with('.')
    {
        return given;
    }
    name.split_whitespace().next().unwrap_or(name)
}

/// What a series of `patches` patches is called: "patchset" or "patch".
pub fn work_word(patches: u32) -> &'static str {
    if patches > 1 { "patchset" } else { "patch" }
}

/// `2` -> `second`; past ten, `11th`.
pub fn ordinal(n: u32) -> String {
    match n {
        1 => "first".to_string(),
        2..=10 => ORDINAL_WORDS[n as usize - 2].to_string(),
        _ => numeric_ordinal(n),
    }
}

/// `6th`, as editors write past ten and sometimes below.
pub fn numeric_ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "a" or "an" before `word`: an RFC, an LSF/MM/BPF session.
pub fn article(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        // Initialisms read letter by letter: an LSF/MM/BPF session, an RFC.
        Some('l' | 'm' | 'n' | 'r' | 's' | 'f' | 'h' | 'x')
            if word.chars().take(2).all(|c| c.is_ascii_uppercase()) =>
        {
            "an"
        }
        _ => "a",
    }
}

/// "Two bugfixes and a cleanup", "Miscellaneous cleanups": a title that
/// names no thing, only kinds of work (and how many).
pub fn names_only_kinds_of_work(title: &str) -> bool {
    use words::{DETERMINERS, KINDS_OF_WORK, NUMBER_WORDS, QUANTIFIERS};
    !title.is_empty()
        && title.split_whitespace().all(|w| {
            let w = w.to_lowercase();
            [KINDS_OF_WORK, NUMBER_WORDS, QUANTIFIERS, DETERMINERS]
                .iter()
                .any(|list| list.contains(&w.as_str()))
        })
}

/// The words of `text` in lower case, an identifier (`foo_bar`) one word.
pub fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// `new` capitalised as `like` is.
pub fn match_case(like: &str, new: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        capitalised(new)
    } else {
        new.to_string()
    }
}

/// `text` with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_written_family_name_first_is_called_by_the_given_name() {
        assert_eq!(first_name("Huang, Ying"), "Ying");
        assert_eq!(first_name("Jane Doe"), "Jane");
        assert_eq!(first_name("Jane Doe, Jr."), "Jane");
        assert_eq!(first_name("Jane Doe, PhD"), "Jane");
        assert_eq!(first_name("Smith, John Q."), "John");
    }
}
