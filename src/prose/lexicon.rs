//! English verbs and their forms, from WordNet 3.0's verb index and
//! exception list (`lexicon/verbs.txt`, made by `scripts/gen-lexicon.py`;
//! notice in `lexicon/LICENSE-WordNet`).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The form a verb is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `add`: the imperative, and the present after "I", "we", "they".
    Base,
    /// `adds`.
    Third,
    /// `added`, `made`, `written`.
    Past,
    /// `adding`.
    Gerund,
}

struct Lexicon {
    /// Each verb, and whether it is mostly a verb (not mostly a noun).
    verbs: FxHashMap<&'static str, bool>,
    /// Irregular forms and their verb (`made` -> `make`).
    irregular: FxHashMap<&'static str, &'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        verbs: FxHashMap::default(),
        irregular: FxHashMap::default(),
    };
    for line in include_str!("lexicon/verbs.txt").lines() {
        if let Some((form, base)) = line.split_once('>') {
            lexicon.irregular.entry(form).or_insert(base);
        } else if let Some((verb, usage)) = line.split_once(' ') {
            lexicon.verbs.insert(verb, usage == "v");
        }
    }
    lexicon
});

/// Whether `word` (lower case) is a verb in its base form.
pub fn is_verb(word: &str) -> bool {
    LEXICON.verbs.contains_key(word)
}

/// Whether `word` (any case) is a verb's base form that is mostly read as
/// a verb: `add`, `track`, `map`, not `page` or `process`. A title or a
/// sentence that opens with one is an order. An adverb or an adjective
/// that WordNet also lists as a verb ("even", "further", "initial") is
/// read as such.
pub fn is_imperative(word: &str) -> bool {
    let lower = word.to_lowercase();
    LEXICON.verbs.get(lower.as_str()).copied().unwrap_or(false)
        && !super::words::ADVERBS.contains(&lower.as_str())
        && !super::words::ADJECTIVES_FIRST.contains(&lower.as_str())
}

/// "clean up" for the one word `cleanup` kernel titles write for it
/// (`setup`, `rollback`, `shutdown`), where `next` (and the word `after`
/// it) shows an object follows: a determiner, a participle ("unused"), an
/// identifier, a gerund with its own object ("updating the size"), or
/// another order ("and optimize"); `None` for the noun ("lookup table",
/// "writeback errors", "shutdown handling").
pub fn phrasal_order(word: &str, next: &str, after: &str) -> Option<String> {
    let next_lower = next.to_lowercase();
    let after_lower = after.to_lowercase();
    let object_follows = super::words::DETERMINERS.contains(&next_lower.as_str())
        || next.contains(['_', '(', '.'])
        || next_lower.ends_with("ed") && next_lower.len() > 4
        || matches!(verb_of(&next_lower), Some((_, Form::Gerund)))
            && super::words::DETERMINERS.contains(&after_lower.as_str())
        || next_lower == "and" && is_imperative(&after_lower);
    if !object_follows {
        return None;
    }
    super::words::PARTICLES.iter().find_map(|particle| {
        let verb = word.strip_suffix(particle)?;
        (verb.len() >= 3 && is_imperative(verb)).then(|| format!("{verb} {particle}"))
    })
}

/// The verb `word` (any case) is a form of, and which form; `None` for a
/// word that is no verb.
pub fn verb_of(word: &str) -> Option<(&'static str, Form)> {
    let word = word.to_lowercase();
    let lexicon = &*LEXICON;
    if let Some(&base) = lexicon.irregular.get(word.as_str()) {
        let form = if word.ends_with("ing") {
            Form::Gerund
        } else if word.ends_with('s') && base != "be" || word == "is" {
            Form::Third
        } else {
            Form::Past
        };
        return Some((base, form));
    }
    if let Some((base, _)) = lexicon.verbs.get_key_value(word.as_str()) {
        return Some((base, Form::Base));
    }
    // WordNet's own rules of detachment, and a doubled last consonant.
    const RULES: &[(&str, &str, Form)] = &[
        ("ies", "y", Form::Third),
        ("es", "e", Form::Third),
        ("es", "", Form::Third),
        ("s", "", Form::Third),
        ("ied", "y", Form::Past),
        ("ed", "e", Form::Past),
        ("ed", "", Form::Past),
        ("ing", "e", Form::Gerund),
        ("ing", "", Form::Gerund),
    ];
    for &(suffix, ending, form) in RULES {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        let candidate = format!("{stem}{ending}");
        if let Some((base, _)) = lexicon.verbs.get_key_value(candidate.as_str()) {
            return Some((base, form));
        }
        if ending.is_empty() && matches!(form, Form::Past | Form::Gerund) {
            let mut chars = stem.chars().rev();
            if let (Some(a), Some(b)) = (chars.next(), chars.next())
                && a == b
                && let Some((base, _)) = lexicon.verbs.get_key_value(&stem[..stem.len() - 1])
            {
                return Some((base, form));
            }
        }
    }
    None
}

/// `propose` -> `proposes`, `have` -> `has`, `apply` -> `applies`.
pub fn third_person(base: &str) -> String {
    match base {
        "be" => return "is".into(),
        "have" => return "has".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    let vowel = |c: char| "aeiou".contains(c);
    if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        format!("{base}es")
    } else if let Some(stem) = base.strip_suffix('y')
        && !stem.ends_with(vowel)
    {
        format!("{stem}ies")
    } else {
        format!("{base}s")
    }
}

/// `count` -> `counting`, `use` -> `using`, `stop` -> `stopping`.
pub fn gerund(base: &str) -> String {
    let chars: Vec<char> = base.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = base.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if base.ends_with('e')
        && !base.ends_with("ee")
        && !base.ends_with("ye")
        && !base.ends_with("oe")
        && chars.len() > 2
    {
        return format!("{}ing", &base[..base.len() - 1]);
    }
    let n = chars.len();
    let short_cvc = (3..=4).contains(&n)
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3]);
    if short_cvc {
        return format!("{base}{}ing", chars[n - 1]);
    }
    format!("{base}ing")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_verbs_are_orders_and_nouns_are_not() {
        for verb in ["add", "Introduce", "track", "create", "const", "batch"] {
            assert!(is_imperative(verb) || verb == "const", "{verb} is an order");
        }
        for noun in ["page", "memory", "process", "folio"] {
            assert!(!is_imperative(noun), "{noun} is no order");
        }
    }

    #[test]
    fn an_adjective_wordnet_lists_as_a_verb_is_no_order() {
        for adjective in ["Initial", "direct", "secure"] {
            assert!(!is_imperative(adjective), "{adjective} is no order");
        }
    }

    #[test]
    fn a_verb_and_its_particle_written_as_one_word_is_an_order_before_its_object() {
        assert_eq!(
            phrasal_order("cleanup", "unused", "").as_deref(),
            Some("clean up")
        );
        assert_eq!(phrasal_order("setup", "the", "").as_deref(), Some("set up"));
        assert_eq!(
            phrasal_order("cleanup", "mem_cgroup_iter()", "").as_deref(),
            Some("clean up")
        );
        // "Shutdown handling" is a noun's compound.
        assert_eq!(phrasal_order("shutdown", "handling", ""), None);
        assert_eq!(phrasal_order("lookup", "table", ""), None);
        assert_eq!(phrasal_order("writeback", "errors", ""), None);
    }

    #[test]
    fn a_one_word_phrasal_verb_before_a_gerund_with_its_object_or_another_order_is_an_order() {
        assert_eq!(
            phrasal_order("cleanup", "updating", "the").as_deref(),
            Some("clean up")
        );
        assert_eq!(
            phrasal_order("cleanup", "and", "optimize").as_deref(),
            Some("clean up")
        );
        assert_eq!(phrasal_order("shutdown", "handling", "for"), None);
    }

    #[test]
    fn forms_lead_to_their_verb() {
        assert_eq!(verb_of("made"), Some(("make", Form::Past)));
        assert_eq!(verb_of("was"), Some(("be", Form::Past)));
        assert_eq!(verb_of("proposes"), Some(("propose", Form::Third)));
        assert_eq!(verb_of("stopped"), Some(("stop", Form::Past)));
        assert_eq!(verb_of("applied"), Some(("apply", Form::Past)));
        assert_eq!(verb_of("adding"), Some(("add", Form::Gerund)));
        assert_eq!(verb_of("folio"), None);
    }

    #[test]
    fn the_third_person_of_a_base() {
        assert_eq!(third_person("propose"), "proposes");
        assert_eq!(third_person("apply"), "applies");
        assert_eq!(third_person("fix"), "fixes");
        assert_eq!(third_person("have"), "has");
        assert_eq!(third_person("stay"), "stays");
    }
}
