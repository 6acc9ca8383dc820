//! English about mail, in one place: how sentences are split and what
//! each one is ([`Sentence`]), the words the rules look for
//! ([`words`]), verbs and their forms from a lexicon ([`lexicon`]), and the
//! rules an editor reads a summary by ([`rules`]), each with its repair.
//! `parse::summary` scores sentences, `compose::voice` writes the editor's
//! lead and `compose::proofread` runs the rules: all of them from here.

pub mod lexicon;
pub mod rules;
mod sentence;
pub mod spelling;
pub mod words;

pub use sentence::{
    Person, Sentence, commits_said_plainly, content_words, has_phrase, is_revision_word,
    sentences_of, split_comma_splice, the_kernel_s_our, the_means_of_a_fix, the_order_in_lets,
    the_series_speaking, the_version_introduced, with_its_capital,
};
pub(crate) use sentence::{is_finite, is_order_adverb, noun_of, same_noun};

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

/// How many of `text`'s content stems are among `stems` (a title's, from
/// [`content_stems`]): how much of that title it names.
pub fn shared_stems(text: &str, stems: &[String]) -> usize {
    content_stems(text)
        .iter()
        .filter(|w| stems.contains(w))
        .count()
}

/// "Make it clear that these fields are private" under "rename i_atime
/// and i_mtime fields": a commit message goes on from its subject line, so
/// "this" or "these" before a noun the title names (`title_stems`, from
/// [`content_stems`]) points at the title, which an entry always shows;
/// it becomes "the". `None` where no demonstrative does.
pub fn pointing_at_the_title(sentence: &str, title_stems: &[String]) -> Option<String> {
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let mut changed = false;
    let said: Vec<String> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            let the = match *token {
                "this" | "these" => "the",
                "This" | "These" => "The",
                _ => return token.to_string(),
            };
            // "To make this work, ...": "this" the object of "make", and
            // "work" its verb.
            let objects_verb = i > 0
                && lexicon::verb_of(tokens[i - 1])
                    .is_some_and(|(base, _)| words::CAUSATIVE_VERBS.contains(&base))
                && tokens.get(i + 1).is_some_and(|next| {
                    let next = next.trim_end_matches([',', '.']);
                    matches!(lexicon::verb_of(next), Some((base, lexicon::Form::Base)) if base == next)
                });
            let names_the_title = !objects_verb
                && tokens.get(i + 1).is_some_and(|next| {
                    let noun = next.trim_end_matches([',', '.', ';', ':', ')']);
                    // "This documents X": a verb, and "this" its subject.
                    let lower = noun.to_lowercase();
                    let a_verb = token.eq_ignore_ascii_case("this") && is_finite(&lower);
                    !a_verb
                        && noun.chars().all(char::is_alphabetic)
                        && noun.len() > 2
                        && title_stems.contains(&stem(&lower))
                });
            if names_the_title {
                changed = true;
                the.to_string()
            } else {
                token.to_string()
            }
        })
        .collect();
    changed.then(|| said.join(" "))
}

/// "This patchset reduces the use of such sequences." after "X is caused
/// by the local_irq_save() sequences in Y.": a demonstrative before a noun
/// that a sentence before (`earlier`, the nearest last) names with words
/// that say which becomes that name ("the local_irq_save() sequences"), and
/// the sentence stands alone. So does "the" before the noun alone: "hide
/// the table" after "the lockdown reason table is missing". `None` where no
/// earlier sentence says which.
pub fn named_from_before(sentence: &str, earlier: &[&str]) -> Option<String> {
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let mut named = false;
    let said: Vec<String> = (0..tokens.len())
        .map(|i| match named_before(&tokens, i, earlier) {
            Some(which) => {
                named = true;
                which
            }
            None => tokens[i].to_string(),
        })
        .collect();
    named.then(|| said.join(" "))
}

/// "This setting acts as ..." -> "The THP deferred setting acts as ...",
/// under "introduce THP deferred setting" (`thing`, "the THP deferred
/// setting"): a demonstrative before the noun a title ends its thing with
/// takes the title's name, as [`named_from_before`] takes an earlier
/// sentence's. A bare "the" does not: a title's words are not always
/// English that says which.
pub fn named_from_the_title(sentence: &str, thing: &str, earlier: &[&str]) -> Option<String> {
    let (which, last) = thing.strip_prefix("the ")?.rsplit_once(' ')?;
    let last = last.to_lowercase();
    // "Each task has a nice priority. This priority ...": a sentence
    // before that names the noun at all says which one is meant.
    let named_before = earlier
        .iter()
        .any(|e| e.split(' ').any(|w| same_noun(&noun_of(w), &last)));
    // A title's words before its noun say which, participles too ("the
    // THP deferred setting"), as many as a name takes; not the work ("this
    // patch") nor words that do not name ("a good patch", "fix for X").
    let names = which.split(' ').all(|w| {
        let w = w.to_lowercase();
        !words::DETERMINERS.contains(&w.as_str())
            && !words::is_preposition(&w)
            && !words::SUBORDINATORS.contains(&w.as_str())
            && !matches!(lexicon::verb_of(&w), Some((_, lexicon::Form::Third)))
    });
    if named_before
        || !names
        || words::SERIES_WORDS.contains(&last.as_str())
        || which.split(' ').count() > WHICH_AT_MOST
    {
        return None;
    }
    let tokens: Vec<&str> = sentence.split(' ').collect();
    let at = tokens.iter().enumerate().position(|(i, token)| {
        words::DEMONSTRATIVE_DETERMINERS.contains(&token.to_lowercase().as_str())
            && tokens
                .get(i + 1)
                .is_some_and(|noun| same_noun(&noun_of(noun), &last))
    })?;
    let mut said: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
    said[at] = format!("{} {which}", match_case(tokens[at], "the"));
    Some(said.join(" "))
}

/// What the determiner at `tokens[i]` and the words that say which
/// ([`named_from_before`]) are, where a sentence of `earlier` says.
fn named_before(tokens: &[&str], i: usize, earlier: &[&str]) -> Option<String> {
    let token = tokens[i];
    let lower_token = token.to_lowercase();
    let is_the = lower_token == "the";
    if !is_the && !words::DEMONSTRATIVE_DETERMINERS.contains(&lower_token.as_str()) {
        return None;
    }
    let the = match_case(token, "the");
    let noun_token = tokens.get(i + 1)?;
    // "the table is missing": the noun alone; "the table of X", "the table
    // for each cgroup", "the table entries" say which, or name another.
    if is_the {
        let ends = noun_token.ends_with([',', '.', ';', ':', ')']);
        let next = tokens.get(i + 2).map(|w| w.to_lowercase());
        let alone = ends
            || next
                .as_deref()
                .is_none_or(|next| words::FINITE_VERBS.contains(&next));
        if !alone {
            return None;
        }
    }
    // "two such sequences", "all these flags": counted, not named.
    let counted = i > 0 && {
        let before = tokens[i - 1].to_lowercase();
        words::NUMBER_WORDS.contains(&before.as_str())
            || words::QUANTIFIERS.contains(&before.as_str())
            || words::DETERMINERS.contains(&before.as_str())
            || before.chars().all(|c| c.is_ascii_digit())
    };
    let noun = noun_token.trim_end_matches([',', '.', ';', ':', ')']);
    let lower = noun.to_lowercase();
    // "This adds X": a verb, and "this" its subject.
    let a_verb = token.eq_ignore_ascii_case("this") && is_finite(&lower);
    if counted
        || a_verb
        || noun.len() <= 2
        || !noun.chars().all(char::is_alphabetic)
        || words::SERIES_WORDS.contains(&lower.as_str())
    {
        return None;
    }
    // "The x86 code uses a spinlock while the arm64 code uses a mutex.":
    // two named so, no one of them is meant; nor one named new ("a
    // bounce buffer") or one of many.
    let names: Vec<(String, bool)> = earlier
        .iter()
        .flat_map(|e| which_is_named(e, &lower))
        .collect();
    let (which, definite) = names.first()?;
    if !definite || names.iter().any(|(other, _)| other != which) {
        return None;
    }
    Some(format!("{the} {which}"))
}

/// The words between "the" (or a possessive) and `noun` in `sentence`,
/// which say which one it names, each time it names one: "local_irq_save()" in "by the
/// local_irq_save() sequences"; nothing where nothing says which ("the
/// sequences", "the same sequences", "the following flags", "the old
/// driver"), or where the noun is new or one of many ("a bigger buffer").
fn which_is_named(sentence: &str, noun: &str) -> Vec<(String, bool)> {
    let tokens: Vec<&str> = sentence.split(' ').collect();
    tokens
        .iter()
        .enumerate()
        .filter_map(|(k, token)| {
            if !same_noun(&noun_of(token), noun) {
                return None;
            }
            let mut start = k;
            while start > 0 && k - start <= WHICH_AT_MOST {
                let before = tokens[start - 1];
                let lower = before.to_lowercase();
                let definite = lower == "the" || words::POSSESSIVES.contains(&lower.as_str());
                if definite || words::INDEFINITE_ARTICLES.contains(&lower.as_str()) {
                    return (start < k).then(|| (tokens[start..k].join(" "), definite));
                }
                let says_no_which = before.ends_with([',', '.', ';', ':'])
                    || before.starts_with('(')
                    || words::STOP_WORDS.contains(&lower.as_str())
                    || words::PREPOSITIONS.contains(&lower.as_str())
                    || words::DEMONSTRATIVES.contains(&lower.as_str())
                    || words::DETERMINERS.contains(&lower.as_str())
                    || words::QUANTIFIERS.contains(&lower.as_str())
                    || words::NUMBER_WORDS.contains(&lower.as_str())
                    || ORDINAL_WORDS.contains(&lower.as_str())
                    || words::POINTING_ADJECTIVES.contains(&lower.as_str())
                    || words::CONTRASTING_ADJECTIVES.contains(&lower.as_str())
                    || words::JUDGING_ADJECTIVES.contains(&lower.as_str())
                    || is_finite(&lower);
                if says_no_which {
                    return None;
                }
                start -= 1;
            }
            None
        })
        .collect()
}

/// At most this many words say which thing an earlier sentence names.
const WHICH_AT_MOST: usize = 4;

/// "Jason", "Gerlitz": a capital, then lower case, as a person's name is
/// written (not "TCG", "CPUs", "MADV_COLD").
pub(crate) fn reads_as_a_name(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase)
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

/// "RCU", "NMI", "x86", "s390": a name read letter by letter: capitals,
/// or a letter and a digit. Capitals that open as a syllable, a consonant
/// then a vowel, are often said as a word ("HUGE_VMAP", "a MAC", "a
/// RAID", "a MACsec"); "HW" is "hardware".
pub fn is_initialism(word: &str) -> bool {
    let capitals: String = word.chars().take_while(char::is_ascii_uppercase).collect();
    let vowel = |c: char| matches!(c, 'A' | 'E' | 'I' | 'O' | 'U');
    let a_syllable = capitals.chars().next().is_some_and(|c| !vowel(c))
        && capitals.chars().nth(1).is_some_and(vowel);
    let by_letter = capitals.len() >= 2 && !capitals.contains('W') && !a_syllable;
    // "x86", "s390", "f2fs".
    by_letter || word.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// "a" or "an" before `word`: an RFC, an LSF/MM/BPF session.
pub fn article(word: &str) -> &'static str {
    // "an \"install\" function": the word inside its quotes.
    let word = word.trim_start_matches(['"', '\'', '`', '(', '[']);
    let lower = word.to_ascii_lowercase();
    let name: String = lower
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let initialism = is_initialism(word);
    match lower.chars().next() {
        // "a NUMA policy", "a SCSI driver": initials read as a word.
        _ if words::INITIALS_SAID_AS_WORDS.contains(&name.as_str()) => "a",
        // "a use-after-free", "a uffd test", "a unique": a 'u' said as
        // "you"; "an unused", "an update" are not.
        Some('u') => {
            // "a UAF", "a USB", "a UEFI": a capital 'U' is said "you".
            let said_you = word.chars().take(2).all(|c| c.is_ascii_uppercase())
                || words::SAID_YOU.iter().any(|p| lower.starts_with(p))
                    && !words::SAID_UN.iter().any(|p| lower.starts_with(p));
            if said_you { "a" } else { "an" }
        }
        // "a one-shot mode", "a once-per-boot check".
        Some('o') if lower.starts_with("one") || lower.starts_with("once") => "a",
        Some('a' | 'e' | 'i' | 'o') => "an",
        // Initialisms read letter by letter: an LSF/MM/BPF session, an RFC,
        // an s390 helper; an 'x' always: an x86 helper, an xarray.
        Some('l' | 'm' | 'n' | 'r' | 's' | 'f' | 'h') if initialism => "an",
        Some('x') => "an",
        _ => "a",
    }
}

/// "static process_madvise() wrapper for X" -> "a static process_madvise()
/// wrapper for X": a title's noun phrase naming one countable thing takes
/// its article, as English counts it; unchanged where it has a determiner
/// or names something English does not count ("basic support").
pub fn with_an_article(phrase: &str) -> String {
    with_an_article_for(phrase, words::COUNT_NOUNS, false)
}

/// [`with_an_article`] where the countable things are `countable`, with
/// "the" where `known` (a thing there before the change).
fn with_an_article_for(phrase: &str, countable: &[&str], known: bool) -> String {
    use words::{DEMONSTRATIVES, DETERMINERS, POSSESSIVES, QUANTIFIERS};
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some(first) = words.first() else {
        return phrase.to_string();
    };
    let first_lower = first.to_lowercase();
    // "mmap lock: fixes and cleanups": a label, no noun phrase; "document
    // why X updates Y": a clause.
    if [
        DETERMINERS,
        QUANTIFIERS,
        DEMONSTRATIVES,
        POSSESSIVES,
        words::WH_WORDS,
    ]
    .iter()
    .any(|list| list.contains(&first_lower.as_str()))
        || first.starts_with(|c: char| c.is_ascii_digit() || c == '(')
        || phrase.contains(':')
    {
        return phrase.to_string();
    }
    // "split up X", "remove using X": no noun phrase opens here; "convert
    // struct page to X" names a type.
    if words::PARTICLES.contains(&first_lower.as_str())
        || words::USING.contains(&first_lower.as_str())
        || words::TYPE_KEYWORDS.contains(&first_lower.as_str())
    {
        return phrase.to_string();
    }
    // The thing named is the last plain word before the phrase ends; a
    // name after it ("attribute \"priority\"") names it again. A comma
    // ends the phrase too.
    let mut phrase_words: Vec<&str> = Vec::new();
    let mut qualified = false;
    for (at, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        // "rename i_atime and i_mtime fields": two names of one kind of
        // thing, the kind said once, after the second.
        let names_one_kind = known
            && lower == "and"
            && phrase_words.last().is_some_and(|last| names_code(last))
            && words.get(at + 1).is_some_and(|next| names_code(next))
            && words[at + 1..]
                .iter()
                .take_while(|w| !ends_a_noun_phrase(w))
                .take(3)
                .last()
                .is_some_and(|last| {
                    let last = last.trim_end_matches([',', ';']).to_lowercase();
                    words::singular(&last).is_some_and(|one| countable.contains(&one))
                });
        if names_one_kind {
            phrase_words.push(w);
            continue;
        }
        if ends_a_noun_phrase(w) && lower != "/" {
            // "skip test to avoid X": a purpose, no place.
            let purpose = lower == "to"
                && words
                    .get(at + 1)
                    .is_some_and(|next| lexicon::is_imperative(next));
            qualified = words::is_preposition(&lower) && !purpose;
            break;
        }
        let bare = w.trim_end_matches([',', ';']);
        phrase_words.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    // A plain word, or initials said as a noun ("UAF", "API").
    let head = phrase_words
        .iter()
        .rfind(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-') || in_capitals(w))
        .map(|w| w.to_ascii_lowercase());
    // "the bi_end_io callback": a thing the code has is known by its name,
    // "the test for arm64" by what follows it; "skip test" names none, and
    // "the test" would point at one unsaid.
    let named = phrase_words.iter().any(|w| names_code(w));
    match head {
        // "optimize charge codepath": a word before the thing says which,
        // as a name does.
        // A place the code has ("codepath") is known as "the" one, and so
        // are things it has, named ("the i_atime and i_mtime fields").
        Some(head)
            if (countable.contains(&head.as_str())
                || known && words::PLACES.contains(&head.as_str())
                || known
                    && named
                    && words::singular(&head).is_some_and(|one| countable.contains(&one)))
                && (!known || named || qualified || phrase_words.len() > 1) =>
        {
            let article = if known { "the" } else { article(first) };
            format!("{article} {phrase}")
        }
        _ => phrase.to_string(),
    }
}

/// Whether `text` (a sentence or a patch title) tells groundwork, what
/// readies or builds the change and not the change, under a title of
/// `topic` words: code moved into a helper of its own
/// ([`words::REFACTORING`]), or a setting ([`words::SETTINGS`]) with
/// nothing said of what it does; unless the title names that work or
/// the text fixes a fault ("factor X out and take the lock in it, which
/// fixes the use-after-free" is the fix). Documentation, tests and
/// "prepare X" are side work, which a title says by its own words.
pub fn is_groundwork(text: &str, topic: &[String]) -> bool {
    let names = |list: &[&str]| topic.iter().any(|t| list.contains(&t.as_str()));
    let moves_code = words::REFACTORING.is_match(text) && !names(words::REFACTORING_WORDS);
    let settings: Vec<regex::Match> = words::SETTINGS.find_iter(text).collect();
    let names_a_setting = settings.first().is_some_and(|first| {
        let title = topic.join(" ");
        // "Add CONFIG_FROB_STRICT", "frob: add a Kconfig symbol": the
        // setting is the title's.
        let the_title_s = words::SETTINGS.is_match(&title)
            || names(words::SETTING_WORDS)
            || settings
                .iter()
                .any(|named| title.contains(&named.as_str().to_lowercase()));
        let says_of = |named: &regex::Match| {
            // "If CONFIG_X is enabled, the kernel loads Y": a condition,
            // and the main clause tells the work.
            let a_condition = words_of(&text[..named.start()])
                .last()
                .is_some_and(|w| matches!(w.as_str(), "if" | "when" | "unless" | "once"));
            // "CONFIG_X to refuse Y", "option CONFIG_X to refuse Y": a
            // purpose right after the setting is its; "... and update
            // calls to pass X" is another clause's.
            let after: Vec<String> = words_of(&text[named.end()..]).take(2).collect();
            let a_purpose = after.first().is_some_and(|w| w == "to")
                || after.get(1).is_some_and(|w| w == "to") && after[0].contains('_');
            a_condition || a_purpose
        };
        let says = settings.iter().any(says_of)
            || words_of(&text[first.end()..])
                .any(|w| words::SAYS_WHAT_IT_DOES.contains(&w.as_str()));
        !the_title_s && !says
    });
    !tells_a_fix(text) && (moves_code || names_a_setting)
}

/// "fixes the use-after-free", "avoid a deadlock", "UAF in X",
/// "bugfixes": a text that tells a fix, by its verb or the fault it
/// names. Not "moves fixed buffer import" (io_uring's fixed buffers): a
/// past form tells a fix first ("Fixed X") or before its object's
/// determiner ("... fixed the race").
pub fn tells_a_fix(text: &str) -> bool {
    let words: Vec<String> = words_of(text).collect();
    words.iter().enumerate().any(|(i, w)| {
        let fixing = lexicon::verb_of(w).is_some_and(|(base, form)| {
            words::FIXING_VERBS.contains(&base)
                && (form != lexicon::Form::Past
                    || i == 0
                    || words.get(i + 1).is_none_or(|next| {
                        words::DETERMINERS.contains(&next.as_str())
                            || words::INDEFINITE_ARTICLES.contains(&next.as_str())
                            || matches!(next.as_str(), "the" | "it" | "them")
                    }))
        });
        fixing
            || w.ends_with("fix")
            || w.ends_with("fixes")
            || w.starts_with("fixup")
            || words::FAULTS.contains(&w.as_str())
    })
}

/// "bi_end_io", "memcg_charge()", "arm64", "mTHP": a word the code or a
/// name writes, not English.
fn names_code(word: &str) -> bool {
    word.contains(['_', '(', '.'])
        || word.chars().any(|c| c.is_ascii_digit())
        || word.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// "Introduce [us]128", "Wire up arch_{,try_}cmpxchg128()": a title
/// writing names as a shell expands them, shorthand no reader expands.
pub fn has_shorthand(title: &str) -> bool {
    title.split_whitespace().any(|w| {
        // Braces listing choices on a name; "{0}" initializes.
        let listed = w.find('{').is_some_and(|open| {
            let close = w[open..].find('}').map_or(w.len(), |c| open + c);
            w[open..close].contains(',')
                && (open > 0
                    || w[close..]
                        .chars()
                        .nth(1)
                        .is_some_and(|c| c.is_alphanumeric() || c == '_'))
        });
        listed
            || w.find(']')
                .is_some_and(|at| w[at + 1..].starts_with(char::is_alphanumeric))
    })
}

/// "introduce virtio_dev_to_node helper" -> "introduce a virtio_dev_to_node
/// helper": an order that brings a thing names it with its article.
pub fn order_with_an_article(order: &str) -> String {
    let said = with_the_places_named(&order_with_its_article(order));
    // "move X to separate header file" -> "... to a separate header file":
    // a new thing, where the order moves X, is one of its kind ("into new
    // helpers" are more, "to new infrastructure" is no count).
    let moves = lexicon::verb_of(order.split(' ').next().unwrap_or(""))
        .is_some_and(|(base, _)| words::MOVING_VERBS.contains(&base));
    if !moves {
        return said;
    }
    NEW_THING_WITHOUT_ARTICLE
        .replace_all(&said, |c: &regex::Captures| {
            let phrase: Vec<&str> = c[3]
                .split(' ')
                .take_while(|w| !words::is_preposition(w))
                .collect();
            let one = phrase.last().is_some_and(|w| {
                !words::is_plural(w) && words::COUNT_NOUNS.contains(&w.trim_end_matches([',', '.']))
            });
            if one {
                format!("{} a {} {}", &c[1], &c[2], &c[3])
            } else {
                c[0].to_string()
            }
        })
        .into_owned()
}

/// Whether text after `before` stands inside a quote or a code span: an
/// odd count of double quotes or backticks before it.
pub(crate) fn inside_quotes(before: &str) -> bool {
    before.matches('"').count() % 2 == 1 || before.matches('`').count() % 2 == 1
}

/// The words of `text` among words, each where it is: runs of letters
/// outside quotes and code, not part of a name, a path or a flag
/// ("kernel/rcu.", "this_cpu", "--frob").
pub(crate) fn plain_words(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let starts = text.char_indices().filter(|&(at, c)| {
        c.is_ascii_alphabetic()
            && !text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
    });
    starts.filter_map(move |(start, _)| {
        let end = text[start..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |len| start + len);
        let before = &text[..start];
        let rest = &text[end..];
        let opens = before
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(');
        let closes = match rest.chars().next() {
            None => true,
            Some('.') => rest[1..].chars().next().is_none_or(char::is_whitespace),
            Some(c) => c.is_whitespace() || ",;:!?)".contains(c),
        };
        (opens && closes && !inside_quotes(before)).then(|| (start..end, &text[start..end]))
    })
}

/// "UAF", "API": a word all in capitals, initials said as a noun.
fn in_capitals(word: &str) -> bool {
    word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase())
}

/// "in global OOM path" -> "in the global OOM path", "for pagemap file"
/// -> "for the pagemap file": a place in the code a title or an author
/// names by what it is of, without the article its naming makes known.
pub fn with_the_places_named(text: &str) -> String {
    let mut said = text.to_string();
    while let Some(at) = place_without_its_article(&said) {
        said.insert_str(at, "the ");
    }
    said
}

/// Where the first place named without its article begins, outside
/// quotes and code: see [`with_the_places_named`].
pub fn place_without_its_article(text: &str) -> Option<usize> {
    use words::{DEMONSTRATIVES, DETERMINERS, POSSESSIVES, QUANTIFIERS};
    let tokens: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, token| {
            let start = *at;
            *at += token.len() + 1;
            Some((start, token))
        })
        .collect();
    let code =
        |w: &str| w.contains(['"', '`', '[', ']', '\'', '\u{2019}', '=']) || w.contains("->");
    let named = |w: &str| w.contains(['_', '(']);
    let initials = |w: &str| in_capitals(w.trim_end_matches([',', ';', ':', '.']));
    let ordinary = |w: &str| {
        let lower = w.to_lowercase();
        ![
            DETERMINERS,
            QUANTIFIERS,
            DEMONSTRATIVES,
            POSSESSIVES,
            words::ONE_OF_MANY,
        ]
        .iter()
        .any(|list| list.contains(&lower.as_str()))
            && !w.starts_with(|c: char| c.is_ascii_digit())
            && !lexicon::verb_of(w).is_some_and(|(_, form)| form == lexicon::Form::Gerund)
    };
    tokens.iter().enumerate().find_map(|(at, &(_, token))| {
        let before = &text[..tokens[at].0];
        let quoted =
            inside_quotes(before) || before.matches('(').count() > before.matches(')').count();
        let preposition = token.to_lowercase();
        let using = words::USING.contains(&preposition.as_str());
        if quoted || !(words::PLACE_PREPOSITIONS.contains(&preposition.as_str()) || using) {
            return None;
        }
        let word_before = at
            .checked_sub(1)
            .map(|b| tokens[b].1.to_lowercase())
            .unwrap_or_default();
        // "the using source file": no verb.
        if using && DETERMINERS.contains(&word_before.as_str()) {
            return None;
        }
        if preposition == "of" && words::OF_NO_PLACE.contains(&word_before.as_str()) {
            return None;
        }
        // "replace X with hash table", "move X into helper function": a
        // new place, one of its kind, where its own sentence's verb says so.
        let sentence_start = tokens[..at]
            .iter()
            .rposition(|(_, w)| w.ends_with(['.', '!', '?']))
            .map_or(0, |end| end + 1);
        let brings_a_new_one = words::BRINGING_PREPOSITIONS.contains(&preposition.as_str())
            && tokens[sentence_start..at].iter().any(|(_, w)| {
                lexicon::verb_of(w)
                    .is_some_and(|(base, _)| words::BRINGING_A_NEW_PLACE.contains(&base))
            });
        if brings_a_new_one {
            return None;
        }
        // The noun phrase after the preposition, to a comma at most.
        let mut phrase: Vec<&str> = tokens[at + 1..]
            .iter()
            .map(|&(_, word)| word)
            .take_while(|word| !ends_a_noun_phrase(word))
            .take(5)
            .collect();
        if let Some(cut) = phrase
            .iter()
            .position(|w| w.ends_with([',', ';', ':', '.']))
        {
            phrase.truncate(cut + 1);
        }
        // What is used is known by a name ("use the frob API"), else it
        // may be new ("use hash table").
        let known = !using || phrase.iter().any(|w| named(w) || initials(w));
        // "with helper macro FLUSH_TIME": a name after the place names it
        // again.
        while phrase.len() > 2 && phrase.last().is_some_and(|w| named(w)) {
            phrase.pop();
        }
        let (head, naming) = phrase.split_last()?;
        let head = head.trim_end_matches([',', ';', ':', '.']);
        let place = !naming.is_empty()
            && known
            && words::PLACES.contains(&head.to_lowercase().as_str())
            && naming.iter().all(|w| ordinary(w) && !code(w));
        place.then(|| tokens[at + 1].0)
    })
}

/// A word that ends the noun phrase before it: a preposition, a word that
/// opens a clause, or one that joins another phrase ("in frob path and
/// ...", "crash due to ...").
fn ends_a_noun_phrase(word: &str) -> bool {
    let lower = word.to_lowercase();
    words::is_preposition(&lower)
        || words::SUBORDINATORS.contains(&lower.as_str())
        || words::PHRASE_ENDERS.contains(&lower.as_str())
}

static NEW_THING_WITHOUT_ARTICLE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(to|into|in) (separate|new|dedicated|single) ([a-z][\w -]*)").unwrap()
    });

fn order_with_its_article(order: &str) -> String {
    let Some((verb, object)) = order.split_once(' ') else {
        return order.to_string();
    };
    // "add and use batched version of X" -> "add and use a batched version
    // of X": the first order's object.
    if let Some((second, object)) = object
        .strip_prefix("and ")
        .and_then(|rest| rest.split_once(' '))
        .filter(|(second, _)| lexicon::is_imperative(second))
    {
        let said = order_with_its_article(&format!("{verb} {object}"));
        return format!("{verb} and {second}{}", &said[verb.len()..]);
    }
    match lexicon::verb_of(verb) {
        Some((base, _)) if words::CREATING_VERBS.contains(&base) => {
            format!("{verb} {}", with_an_article(object))
        }
        // "fix wrong name of X" -> "fix the wrong name of X".
        Some((base, _))
            if base == "fix" && words::FAULTY.contains(&object.split(' ').next().unwrap_or("")) =>
        {
            format!("{verb} the {object}")
        }
        // "avoid dead loop when X" -> "avoid a dead loop when X".
        Some((base, _))
            if words::FIXING_VERBS.contains(&base)
                && object.split(' ').nth(1) == Some("loop")
                && words::RUNAWAY.contains(&object.split(' ').next().unwrap_or("")) =>
        {
            format!("{verb} a {object}")
        }
        // "fix crash in X" -> "fix a crash in X"; "fix mmap() error code"
        // -> "fix the mmap() error code", a thing the code has.
        Some((base, _)) if words::FIXING_VERBS.contains(&base) => {
            let fault = with_an_article_for(object, words::FAULTS, false);
            let said = if fault == object && base == "fix" {
                with_an_article_for(object, words::COUNT_NOUNS, true)
            } else {
                fault
            };
            format!("{verb} {said}")
        }
        // "remove uninitialized_var() macro" -> "remove the
        // uninitialized_var() macro": a thing the code has.
        Some((base, _)) if words::CHANGING_VERBS.contains(&base) => {
            format!(
                "{verb} {}",
                with_an_article_for(object, words::COUNT_NOUNS, true)
            )
        }
        _ => order.to_string(),
    }
}

/// "expand X, port more users" -> "expand X and port more users": orders
/// a title runs on with commas, the last joined with "and".
pub fn orders_joined(title: &str) -> String {
    let last_order = title.rmatch_indices(", ").find(|(at, _)| {
        let rest = &title[at + 2..];
        let mut words = rest.split(' ');
        let next = words.next().unwrap_or("");
        let after = words.next().unwrap_or("").to_lowercase();
        // "port more users": a verb before its object; not "take 2", "part
        // 2", "found by syzkaller".
        let object_follows = words::DETERMINERS.contains(&after.as_str())
            || words::QUANTIFIERS.contains(&after.as_str())
            || lexicon::is_imperative(next)
                && !after.is_empty()
                && !after.starts_with(|c: char| c.is_ascii_digit())
                && !words::PREPOSITIONS.contains(&after.as_str());
        // "add frob, bar and baz helpers": a list of names, its "and" to come.
        next.starts_with(char::is_lowercase)
            && matches!(lexicon::verb_of(next), Some((_, lexicon::Form::Base)))
            && object_follows
            && !rest.contains(" and ")
            && !rest.contains(" or ")
    });
    match last_order {
        Some((at, _)) => format!("{} and {}", &title[..at], &title[at + 2..]),
        None => title.to_string(),
    }
}

/// "Two bugfixes and a cleanup", "Miscellaneous cleanups": a title that
/// names no thing, only kinds of work (and how many).
pub fn names_only_kinds_of_work(title: &str) -> bool {
    use words::{DETERMINERS, KINDS_OF_WORK, NUMBER_WORDS, QUANTIFIERS};
    !title.is_empty()
        && title.split_whitespace().all(|w| {
            let w = w.trim_end_matches(',').to_lowercase();
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
    #[test]
    fn a_fix_is_told_by_its_verb_or_its_fault_not_a_participle() {
        use super::tells_a_fix;
        for fix in [
            "avoid a deadlock on frob teardown",
            "Fixed the frob race",
            "frob bugfixes",
            "add a fixup for frob",
            "UAF in frob_put()",
        ] {
            assert!(tells_a_fix(fix), "{fix}");
        }
        assert!(!tells_a_fix("move fixed buffer import to the submit path"));
    }

    #[test]
    fn as_well_as_joins_two_things_and_points_at_nothing() {
        let joined = super::Sentence::read(
            "This patchset adds frob helpers as well as tests that use them.",
        );
        assert!(joined.stands_alone());
        let added = super::Sentence::read("This patchset adds frob tests as well.");
        assert!(added.adds_to_something() && !added.stands_alone());
    }

    #[test]
    fn also_after_and_adds_to_its_own_first_clause() {
        let joined = super::Sentence::read(
            "This series renames the frob helpers, and also implements tracking of frob pages.",
        );
        assert!(!joined.adds_to_something());
        let added = super::Sentence::read("This series also implements tracking of frob pages.");
        assert!(added.adds_to_something());
    }

    #[test]
    fn also_known_as_names_and_adds_nothing() {
        let named = super::Sentence::read(
            "This series converts the frob core to pin_frob(), also referred to as FROB_PIN.",
        );
        assert!(!named.adds_to_something());
    }

    #[test]
    fn a_demonstrative_takes_no_name_from_a_sentence_that_does_not_say_which() {
        for earlier in [
            "The sequences are slow.",
            "The same sequences are slow.",
            "There are two such sequences here.",
        ] {
            assert_eq!(
                super::named_from_before("The patch removes such sequences.", &[earlier]),
                None,
                "{earlier}"
            );
        }
    }

    #[test]
    fn the_before_a_noun_a_sentence_before_names_takes_that_name() {
        let earlier = ["Without CONFIG_FROB the frob reason table is missing."];
        assert_eq!(
            super::named_from_before("The table is now behind a helper.", &earlier).as_deref(),
            Some("The frob reason table is now behind a helper.")
        );
    }

    #[test]
    fn the_before_a_noun_that_says_which_or_qualifies_another_is_left() {
        let earlier = ["Without CONFIG_FROB the frob reason table is missing."];
        for kept in [
            "The patch hides the table of reasons behind a helper.",
            "The patch adds the table for each cgroup.",
            "The patch hides the table entries behind a helper.",
        ] {
            assert_eq!(super::named_from_before(kept, &earlier), None, "{kept}");
        }
    }

    #[test]
    fn a_noun_named_new_old_or_two_ways_before_is_left() {
        for earlier in [
            "Some setups need a bigger frob buffer.",
            "The old frob buffer took the global lock.",
            "The x86 buffer is small while the arm64 buffer is large.",
            "The frob driver uses the DMA buffer. This series adds a bounce buffer.",
            "The obvious buffer would be a ring.",
        ] {
            let said = super::named_from_before("The buffer is 4KiB by default.", &[earlier]);
            assert_eq!(said, None, "{earlier}");
        }
    }

    #[test]
    fn a_counted_demonstrative_is_left() {
        let earlier = ["It is caused by the frob_lock() sequences."];
        assert_eq!(
            super::named_from_before("There are two such sequences in the loop.", &earlier),
            None
        );
    }

    #[test]
    fn a_demonstrative_before_a_noun_the_title_names_points_at_the_title() {
        let title = super::content_stems("rename foo_ts and bar_ts fields to __foo_ts");
        assert_eq!(
            super::pointing_at_the_title(
                "Make it clear that these fields are private, and that helpers must be used.",
                &title
            )
            .as_deref(),
            Some("Make it clear that the fields are private, and that helpers must be used.")
        );
    }

    #[test]
    fn a_demonstrative_before_a_noun_the_title_does_not_name_is_left() {
        let title = super::content_stems("rename foo_ts and bar_ts fields to __foo_ts");
        assert_eq!(
            super::pointing_at_the_title("This lock is taken twice.", &title),
            None
        );
    }

    #[test]
    fn a_demonstrative_after_a_causative_verb_still_points_at_the_title() {
        let title = super::content_stems("make the frob lock per-cpu");
        assert_eq!(
            super::pointing_at_the_title("The patch makes this frob lock per-cpu.", &title)
                .as_deref(),
            Some("The patch makes the frob lock per-cpu.")
        );
    }

    #[test]
    fn this_as_a_verbs_subject_or_object_is_no_demonstrative() {
        let title = super::content_stems("document frob interactions and fix deferred work");
        assert_eq!(
            super::pointing_at_the_title("This documents a way.", &title),
            None
        );
        assert_eq!(
            super::pointing_at_the_title("To make this work, the frob must be flushed.", &title),
            None
        );
    }

    #[test]
    fn names_written_as_a_shell_expands_them_are_shorthand() {
        assert!(super::has_shorthand("Introduce [us]128"));
        assert!(super::has_shorthand("Wire up arch_{,try_}frob()"));
        assert!(super::has_shorthand("Add {raw,this}_cpu_frob()"));
        assert!(!super::has_shorthand("Use frob[0] in the walk"));
        assert!(!super::has_shorthand("Use {} initializer instead of {0}"));
        assert!(!super::has_shorthand("Add [PATCH] to the list"));
    }

    #[test]
    fn a_u_said_as_you_takes_a() {
        for (word, article) in [
            ("use-after-free", "a"),
            ("uffd", "a"),
            ("USB", "a"),
            ("unique", "a"),
            ("unused", "an"),
            ("uninitialized", "an"),
            ("update", "an"),
            ("RFC", "an"),
        ] {
            assert_eq!(super::article(word), article, "{word}");
        }
    }

    #[test]
    fn initials_said_as_a_word_take_a_and_names_said_by_letter_an() {
        for (word, article) in [
            ("NUMA", "a"),
            ("SCSI", "a"),
            ("x86", "an"),
            ("s390", "an"),
            ("one-shot", "a"),
        ] {
            assert_eq!(super::article(word), article, "{word}");
        }
    }

    #[test]
    fn a_countable_thing_an_order_brings_takes_a() {
        assert_eq!(
            super::order_with_an_article("introduce frob_to_node helper for drivers"),
            "introduce a frob_to_node helper for drivers"
        );
        assert_eq!(
            super::order_with_an_article("add ioctl to query the limits"),
            "add an ioctl to query the limits"
        );
    }

    #[test]
    fn a_countable_thing_a_title_names_takes_a() {
        assert_eq!(
            super::with_an_article("static frob() wrapper for the tests"),
            "a static frob() wrapper for the tests"
        );
    }

    #[test]
    fn a_fault_a_fix_names_takes_a() {
        assert_eq!(
            super::order_with_an_article("fix use-after-free crash in frob_walk()"),
            "fix a use-after-free crash in frob_walk()"
        );
    }

    #[test]
    fn orders_a_title_runs_on_with_commas_are_joined_with_and() {
        assert_eq!(
            super::orders_joined("expand frob_prepare functionality, port more users"),
            "expand frob_prepare functionality and port more users"
        );
    }

    #[test]
    fn names_and_takes_after_a_comma_are_no_orders_to_join() {
        for title in [
            "add frob, bar and baz helpers",
            "fix frob leak, take 2",
            "convert frob to folios, part 2",
            "fix leak in frob_map(), found by syzkaller",
        ] {
            assert_eq!(super::orders_joined(title), title);
        }
    }

    #[test]
    fn the_first_of_two_orders_gives_its_article_to_their_object() {
        assert_eq!(
            super::order_with_an_article("add and use batched version of frob()"),
            "add and use a batched version of frob()"
        );
    }

    #[test]
    fn a_fault_named_by_initials_takes_its_article() {
        assert_eq!(
            super::order_with_an_article("fix potential UAF in frob_walk()"),
            "fix a potential UAF in frob_walk()"
        );
    }

    #[test]
    fn an_ampersand_ends_a_titles_noun_phrase() {
        assert_eq!(
            super::order_with_an_article("fix potential leak & flush frob stats"),
            "fix a potential leak & flush frob stats"
        );
    }

    #[test]
    fn a_place_in_the_code_named_by_what_it_is_of_takes_the() {
        assert_eq!(
            super::with_the_places_named("It adds an ioctl for pagemap file."),
            "It adds an ioctl for the pagemap file."
        );
    }

    #[test]
    fn a_titles_place_in_the_code_takes_the() {
        assert_eq!(
            super::order_with_an_article("revert frob reset in global OOM path"),
            "revert frob reset in the global OOM path"
        );
    }

    #[test]
    fn a_new_place_a_change_brings_keeps_its_words() {
        for said in [
            "It moves frob read logic into helper function.",
            "It replaces the frob list with hash table.",
            "It makes frob use hash table.",
        ] {
            assert_eq!(super::with_the_places_named(said), said);
        }
    }

    #[test]
    fn a_place_of_a_want_keeps_its_words() {
        let said = "Due to lack of generic API, frob open-codes it.";
        assert_eq!(super::with_the_places_named(said), said);
    }

    #[test]
    fn a_place_said_with_a_determiner_like_word_keeps_its_words() {
        for said in [
            "It takes the lock in either path.",
            "It takes the lock in own path.",
            "It works with whatever driver.",
            "It applies on Andrew\u{2019}s tree.",
        ] {
            assert_eq!(super::with_the_places_named(said), said);
        }
    }

    #[test]
    fn a_place_in_the_code_an_order_uses_takes_the() {
        assert_eq!(
            super::order_with_an_article("convert frob drivers to use atomic queue limits API"),
            "convert frob drivers to use the atomic queue limits API"
        );
    }

    #[test]
    fn a_thing_the_code_has_known_by_what_follows_takes_the() {
        assert_eq!(
            super::order_with_an_article("skip test for non-frob systems"),
            "skip the test for non-frob systems"
        );
        assert_eq!(
            super::order_with_an_article("convert tree to frob_u32()"),
            "convert the tree to frob_u32()"
        );
        assert_eq!(super::order_with_an_article("skip test"), "skip test");
    }

    #[test]
    fn a_past_tense_verb_after_a_noun_says_no_which() {
        let earlier = ["The frob cache held shared data for all CPUs."];
        assert_eq!(
            super::named_from_before("This data is now freed by RCU.", &earlier),
            None
        );
    }

    #[test]
    fn the_title_names_no_noun_a_sentence_before_named() {
        let earlier = ["Each task has a nice priority today."];
        assert_eq!(
            super::named_from_the_title(
                "This priority only controls the share of CPU time.",
                "the latency-nice priority",
                &earlier
            ),
            None
        );
        assert_eq!(
            super::named_from_the_title(
                "This priority only controls how soon a task runs.",
                "the latency-nice priority",
                &[]
            )
            .as_deref(),
            Some("The latency-nice priority only controls how soon a task runs.")
        );
        assert_eq!(
            super::named_from_the_title(
                "This patch makes reclaim skip pages.",
                "the a good patch",
                &[]
            ),
            None
        );
    }

    #[test]
    fn a_thing_the_code_has_known_by_a_word_before_it_takes_the() {
        for (order, said) in [
            ("optimize frob codepath", "optimize the frob codepath"),
            (
                "honor cgroup namespace when resolving frobs",
                "honor the cgroup namespace when resolving frobs",
            ),
            (
                "fix frob_get() return value",
                "fix the frob_get() return value",
            ),
            ("remove unused variable", "remove the unused variable"),
            (
                "rename i_frob and i_frab fields",
                "rename the i_frob and i_frab fields",
            ),
        ] {
            assert_eq!(super::order_with_an_article(order), said);
        }
        assert_eq!(
            super::order_with_an_article("fix crash in frob()"),
            "fix a crash in frob()"
        );
    }

    #[test]
    fn a_place_one_of_many_or_unnamed_keeps_its_words() {
        for said in [
            "It runs in a separate file.",
            "It runs for external driver.",
            "It moves a lot of duplicate code into frob.c.",
            "It tests with \"frob file\" set.",
            "It works in path mode.",
            "It is called for each file.",
        ] {
            assert_eq!(super::with_the_places_named(said), said);
        }
    }

    #[test]
    fn a_thing_a_fix_finds_wrong_takes_the() {
        assert_eq!(
            super::order_with_an_article("fix wrong function name above frob()"),
            "fix the wrong function name above frob()"
        );
    }

    #[test]
    fn a_fault_ends_before_its_cause() {
        assert_eq!(
            super::order_with_an_article("fix crash due to missing frob sync"),
            "fix a crash due to missing frob sync"
        );
    }

    #[test]
    fn a_runaway_loop_a_fix_names_takes_a() {
        assert_eq!(
            super::order_with_an_article("avoid dead loop when setting frob.max"),
            "avoid a dead loop when setting frob.max"
        );
        assert_eq!(
            super::order_with_an_article("fix loop over frob pages"),
            "fix loop over frob pages"
        );
    }

    #[test]
    fn a_type_an_order_names_keeps_its_words() {
        let order = "convert struct page to struct frob in helpers";
        assert_eq!(super::order_with_an_article(order), order);
    }

    #[test]
    fn a_purpose_after_the_object_makes_nothing_known() {
        let order = "skip test to avoid false positives";
        assert_eq!(super::order_with_an_article(order), order);
    }

    #[test]
    fn an_object_that_opens_with_a_particle_or_using_keeps_its_words() {
        for order in [
            "split up frob list in two",
            "remove using frob iterator after the loop",
        ] {
            assert_eq!(super::order_with_an_article(order), order);
        }
    }

    #[test]
    fn a_new_thing_an_order_moves_something_to_takes_a() {
        assert_eq!(
            super::order_with_an_article("move frob_track to separate header file"),
            "move frob_track to a separate header file"
        );
    }

    #[test]
    fn a_new_header_or_struct_is_one_of_its_kind() {
        assert_eq!(
            super::order_with_an_article("move frob_track to separate header"),
            "move frob_track to a separate header"
        );
    }

    #[test]
    fn new_things_or_no_count_take_no_a() {
        for order in [
            "split frob() into new helpers",
            "move frob users to new infrastructure",
        ] {
            assert_eq!(super::order_with_an_article(order), order);
        }
        assert_eq!(
            super::order_with_an_article("add flag to separate kernel memory"),
            "add a flag to separate kernel memory"
        );
    }

    #[test]
    fn a_thing_the_code_has_takes_the() {
        assert_eq!(
            super::order_with_an_article("remove frob_var() macro"),
            "remove the frob_var() macro"
        );
        assert_eq!(
            super::order_with_an_article("splits bi_frob callback"),
            "splits the bi_frob callback"
        );
    }

    #[test]
    fn a_version_raised_and_a_script_moved_take_the_and_an_error_fixed_takes_an() {
        assert_eq!(
            super::order_with_an_article("raise minimum LLVM version to 15"),
            "raise the minimum LLVM version to 15"
        );
        assert_eq!(
            super::order_with_an_article("move s390 install script to scripts/"),
            "move the s390 install script to scripts/"
        );
        assert_eq!(
            super::order_with_an_article("fix error when the frob limit is low"),
            "fix an error when the frob limit is low"
        );
    }

    #[test]
    fn capitals_that_open_as_a_syllable_are_said_as_a_word() {
        assert_eq!(super::article("HUGE_FROB"), "a");
        assert_eq!(super::article("MAC"), "a");
    }

    #[test]
    fn capitals_opening_as_a_syllable_before_small_letters_are_a_word() {
        assert_eq!(super::article("MACsec"), "a");
    }

    #[test]
    fn capitals_said_by_letter_take_the_article_of_their_first_letter() {
        assert_eq!(super::article("NMI"), "an");
        assert_eq!(super::article("MSI"), "an");
        assert_eq!(super::article("MGLRU"), "an");
    }

    #[test]
    fn a_capital_u_is_said_you() {
        assert_eq!(super::article("UAF"), "a");
    }

    #[test]
    fn a_quoted_word_takes_the_article_of_its_sound() {
        assert_eq!(super::article("\"install\""), "an");
    }

    #[test]
    fn a_thing_english_does_not_count_or_already_determined_takes_no_article() {
        for order in [
            "add basic frob support",
            "add the frob flag",
            "add frob helpers",
            "remove frob helpers",
            "fix frob accounting",
            "add another frob check",
            "add our frob helper",
            "make frob threshold tunable",
        ] {
            assert_eq!(super::order_with_an_article(order), order);
        }
        let title = "frob lock: fixes, test and cleanups";
        assert_eq!(super::with_an_article(title), title);
    }

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
