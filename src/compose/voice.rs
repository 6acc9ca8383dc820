//! The editor's voice: the author's chosen sentences turned into a news
//! line, in the third person, saying which revision it is and who posted
//! what, as the editors of the seed post write.

use super::Kind;
use crate::parse::summary::{EDITOR_WORDS, Excerpts, SHORT_SENTENCE};

/// What the summary is about, beyond the author's own words.
#[derive(Debug, Clone)]
pub struct About<'a> {
    pub kind: Kind,
    /// The series revision; 1 for a first posting.
    pub revision: u32,
    /// Patches in the series (1 for a lone patch).
    pub patches: u32,
    /// The subject's title, tags and subsystem prefixes stripped.
    pub topic: &'a str,
    /// The name the post prints for the author.
    pub author: &'a str,
    /// For a topic proposal, where it is proposed (`LSF/MM/BPF`).
    pub venue: Option<&'a str>,
    /// For a stable backport request: the tree (`6.6.y`) and the name of
    /// the patch's own author, when another.
    pub stable_tree: Option<&'a str>,
    pub original_author: Option<&'a str>,
}

/// The summary: the author's best sentences in the editor's voice, led
/// where the editor would lead, in at most `max_words` words. Where a lead
/// goes first, the sentences after it are chosen to fit beside it, within
/// an editor's length. The sentences used come back too.
pub fn summary(excerpts: &Excerpts, about: &About, max_words: usize) -> (String, Vec<String>) {
    let first_name = first_name(about.author);
    let chosen = excerpts.choose(max_words);
    let lead_words = match lead(about, &first_name, chosen.first().map(String::as_str)) {
        Lead::Before(sentence) => sentence.split_whitespace().count(),
        _ => 0,
    };
    let chosen = if lead_words == 0 {
        chosen
    } else {
        let room = EDITOR_WORDS.max(lead_words + SHORT_SENTENCE).min(max_words);
        excerpts
            .choose_within(room.saturating_sub(lead_words))
            .unwrap_or_default()
    };
    (compose(&chosen, about, &first_name, max_words), chosen)
}

fn compose(excerpt: &[String], about: &About, first_name: &str, max_words: usize) -> String {
    let mut sentences: Vec<String> = excerpt
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                third_person(s, about, first_name)
            } else {
                s.clone()
            }
        })
        .collect();
    let lead = lead(about, first_name, sentences.first().map(String::as_str));
    let mut parts: Vec<String> = Vec::new();
    match lead {
        Lead::Replace(first) => {
            if let Some(s) = sentences.first_mut() {
                *s = first;
            }
        }
        Lead::Before(sentence) => parts.push(sentence),
        Lead::None => {}
    }
    parts.extend(sentences);
    fit(parts, max_words)
}

/// Whole sentences within `max_words`, the later ones dropped first; a
/// first sentence over the cap is cut.
fn fit(parts: Vec<String>, max_words: usize) -> String {
    let mut out = String::new();
    let mut words = 0;
    for part in parts {
        let n = part.split_whitespace().count();
        if words + n > max_words {
            if words == 0 {
                let cut: Vec<&str> = part.split_whitespace().take(max_words).collect();
                return format!("{}...", cut.join(" ").trim_end_matches([',', ';', ':']));
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&part);
        words += n;
    }
    out
}

enum Lead {
    /// A sentence that goes before the chosen ones.
    Before(String),
    /// The first chosen sentence, rewritten.
    Replace(String),
    None,
}

/// What the editor says first: who asks for a backport, who proposes a
/// topic, which revision this is, or that it is an RFC.
fn lead(about: &About, first_name: &str, first: Option<&str>) -> Lead {
    let topic = topic_phrase(about.topic);
    let first_lower = first.map(str::to_lowercase).unwrap_or_default();
    match about.kind {
        Kind::Stable => {
            let tree = about.stable_tree.unwrap_or("stable");
            let whose = match about.original_author {
                Some(name) if !name.eq_ignore_ascii_case(about.author) => {
                    format!("{}'s patch", first_name_of(name))
                }
                _ => "the patch".to_string(),
            };
            Lead::Before(format!(
                "{first_name} asks for {whose} \"{}\" to be merged in the {tree} stable tree.",
                about.topic
            ))
        }
        Kind::Event | Kind::Topic => match about.venue {
            Some(venue) => Lead::Before(format!(
                "{first_name} proposes {} {venue} session {topic}.",
                article(venue)
            )),
            None => Lead::None,
        },
        Kind::Patch | Kind::Rfc => {
            let what = work_word(about);
            if about.revision >= 2 && !mentions_revision(&first_lower, about.revision) {
                let ordinal = ordinal(about.revision);
                match rewrite_opening(
                    first.unwrap_or(""),
                    &format!("The {ordinal} version of this {what}"),
                ) {
                    Some(rewritten) => Lead::Replace(rewritten),
                    None => Lead::Before(format!(
                        "{first_name} posted the {ordinal} version of the {what} {topic}."
                    )),
                }
            } else if about.kind == Kind::Rfc
                && !first_lower.starts_with("this")
                && !first.is_some_and(|f| f.starts_with(first_name))
            {
                let what = if what == "RFC" {
                    String::new()
                } else {
                    format!(" {what}")
                };
                Lead::Before(format!("{first_name} posted an RFC{what} {topic}."))
            } else if first.is_none() {
                Lead::Before(format!(
                    "{first_name} posted {} {what} {topic}.",
                    article(&what)
                ))
            } else {
                Lead::None
            }
        }
        _ if first.is_none() && !about.topic.is_empty() => {
            Lead::Before(format!("{first_name} wrote about {}.", about.topic))
        }
        _ => Lead::None,
    }
}

/// `patchset`, `patch` or (for an RFC without patches) `RFC`.
fn work_word(about: &About) -> String {
    if about.patches > 1 {
        "patchset".into()
    } else if about.patches == 1 {
        "patch".into()
    } else {
        "RFC".into()
    }
}

/// `for X` or, for a title that is an imperative (`introduce X`), `to
/// introduce X`; a capital that only starts the title goes.
fn topic_phrase(topic: &str) -> String {
    if let Some(negated) = negated_phrase(topic) {
        return negated;
    }
    let first = topic.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    // Sentence case (`Folio conversion of memcg`), not Title Case (`User
    // Managed Concurrency Groups`) or an acronym.
    let second = topic.split_whitespace().nth(1).unwrap_or("");
    let capitalised = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| c.is_lowercase())
        && (!second.starts_with(char::is_uppercase)
            || IMPERATIVES.contains(&lower.as_str())
            || ["a", "an", "the"].contains(&lower.as_str()));
    let topic = if capitalised {
        format!("{lower}{}", &topic[first.len()..])
    } else {
        topic.to_string()
    };
    if IMPERATIVES.contains(&lower.as_str()) {
        format!("to {topic}")
    } else {
        format!("for {topic}")
    }
}

/// "don't count proactive reclaim" -> "to stop counting proactive
/// reclaim"; `None` for a title that is no negated order.
fn negated_phrase(topic: &str) -> Option<String> {
    let mut words = topic.split_whitespace();
    let first = words.next()?.to_lowercase().replace('’', "'");
    let verb = match first.as_str() {
        "don't" | "dont" | "never" => words.next()?,
        "do" => {
            if !words.next()?.eq_ignore_ascii_case("not") {
                return None;
            }
            words.next()?
        }
        _ => return None,
    };
    let rest: Vec<&str> = words.collect();
    let gerund = gerund(&verb.to_lowercase());
    Some(if rest.is_empty() {
        format!("to stop {gerund}")
    } else {
        format!("to stop {gerund} {}", rest.join(" "))
    })
}

/// `count` -> `counting`, `use` -> `using`, `stop` -> `stopping`.
fn gerund(verb: &str) -> String {
    let chars: Vec<char> = verb.chars().collect();
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = verb.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if verb.ends_with('e')
        && !verb.ends_with("ee")
        && !verb.ends_with("ye")
        && !verb.ends_with("oe")
        && chars.len() > 2
    {
        return format!("{}ing", &verb[..verb.len() - 1]);
    }
    let n = chars.len();
    let short_cvc = (3..=4).contains(&n)
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3]);
    if short_cvc {
        return format!("{verb}{}ing", chars[n - 1]);
    }
    format!("{verb}ing")
}

/// Whether `word` (lower case) is a verb that kernel subjects start with,
/// in its base form.
pub(crate) fn is_imperative(word: &str) -> bool {
    IMPERATIVES.contains(&word)
}

/// Verbs that kernel subjects start with, in their base form.
const IMPERATIVES: &[&str] = &[
    "add",
    "introduce",
    "implement",
    "use",
    "make",
    "remove",
    "fix",
    "support",
    "convert",
    "extend",
    "allow",
    "provide",
    "enable",
    "disable",
    "avoid",
    "reduce",
    "improve",
    "replace",
    "rework",
    "refactor",
    "move",
    "drop",
    "split",
    "teach",
    "expose",
    "track",
    "optimize",
    "optimise",
    "simplify",
    "shoot",
    "kill",
    "stop",
    "skip",
    "defer",
    "export",
    "define",
    "initiate",
    "perform",
    "count",
    "rename",
    "ignore",
    "let",
    "keep",
    "handle",
    "limit",
    "report",
    "allocate",
    "flush",
    "mark",
    "check",
    "clear",
    "reset",
    "unify",
    "batch",
    "delay",
    "protect",
    "prevent",
    "release",
    "restore",
    "revert",
    "separate",
    "share",
    "sync",
    "update",
    "warn",
    "wire",
    "zap",
    "deprecate",
    "document",
    "generalize",
    "generalise",
    "hide",
    "honor",
    "honour",
    "isolate",
    "account",
    "charge",
    "align",
    "apply",
    "bypass",
    "cap",
    "clarify",
    "collapse",
    "consolidate",
    "decouple",
    "delete",
    "detect",
    "disallow",
    "drain",
    "ensure",
    "enforce",
    "increase",
    "decrease",
    "inline",
    "invalidate",
    "lock",
    "unmap",
    "merge",
    "migrate",
    "mitigate",
    "pass",
    "pin",
    "unpin",
    "print",
    "propagate",
    "reclaim",
    "register",
    "unregister",
    "reject",
    "reorder",
    "require",
    "reserve",
    "reuse",
    "rewrite",
    "scan",
    "select",
    "show",
    "shrink",
    "start",
    "switch",
    "throttle",
    "trigger",
    "unshare",
    "validate",
    "verify",
    "wake",
    "walk",
    "clean",
    "fold",
    "retry",
    "return",
    "speed",
    "bring",
    "get",
    "put",
    "set",
    "hook",
    "change",
];

fn article(word: &str) -> &'static str {
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

/// Whether a sentence already says which revision it is (`v3`, `third
/// version`, `version 3`).
fn mentions_revision(lower: &str, revision: u32) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let number = revision.to_string();
    let ordinal = ordinal(revision);
    words.iter().enumerate().any(|(i, w)| {
        w.strip_prefix('v') == Some(number.as_str())
            || *w == ordinal && words.get(i + 1) == Some(&"version")
            || *w == "version" && words.get(i + 1) == Some(&number.as_str())
    })
}

/// `This patchset adds X` with `This patchset` replaced by `subject`, when
/// the sentence opens so.
fn rewrite_opening(sentence: &str, subject: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    ["this patchset ", "this patch ", "this rfc ", "this series "]
        .iter()
        .find(|o| lower.starts_with(*o))
        .map(|o| format!("{subject} {}", &sentence[o.len()..]))
}

/// How editors open: "This patchset …" for a series, and the author by
/// name where the mail says "I" or "we".
fn third_person(sentence: &str, about: &About, first_name: &str) -> String {
    let sentence = strip_greeting(sentence);
    let lower = sentence.to_lowercase();
    let work = if about.patches > 1 {
        "patchset"
    } else {
        "patch"
    };
    for opening in SERIES_OPENINGS {
        if lower.starts_with(opening) {
            let rest = sentence[opening.len()..].trim_start();
            return format!("This {work} {rest}");
        }
    }
    for opening in [
        "in this series, we ",
        "in this series we ",
        "in this patchset, we ",
        "in this patchset we ",
        "in this patch, we ",
        "in this patch we ",
        "in this series, i ",
        "in this patch, i ",
    ] {
        if lower.starts_with(opening) {
            let rest = &sentence[opening.len()..];
            return format!("This {work} {}", third_person_verb(rest));
        }
    }
    for opening in ["we ", "i "] {
        if lower.starts_with(opening) {
            let rest = &sentence[opening.len()..];
            let verb = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            if PERSONAL_VERBS.contains(&verb.as_str()) || verb.ends_with("ed") {
                return format!("{first_name} {}", third_person_verb(rest));
            }
        }
    }
    for (opening, replacement) in [
        ("i'm ", "is "),
        ("i am ", "is "),
        ("we're ", "are "),
        ("we are ", "are "),
    ] {
        if lower.starts_with(opening) {
            let rest = &sentence[opening.len()..];
            let who = if replacement == "are " && !matches!(about.kind, Kind::Topic | Kind::Event) {
                "They".to_string()
            } else {
                first_name.to_string()
            };
            let verb = if who == "They" { "are " } else { "is " };
            return format!("{who} {verb}{rest}");
        }
    }
    sentence.to_string()
}

/// How a sentence names the series it opens, to become "This patchset".
const SERIES_OPENINGS: &[&str] = &[
    "this patch set",
    "this patch series",
    "this patchset",
    "this series of patches",
    "this series",
    "this set of patches",
    "these patches",
    "the patch series",
    "the patchset",
    "the series",
    "this patch ",
];

/// Verbs after "I" or "we" that say what the author does or proposes.
const PERSONAL_VERBS: &[&str] = &[
    "propose",
    "introduce",
    "add",
    "implement",
    "would",
    "want",
    "suggest",
    "plan",
    "need",
    "convert",
    "extend",
    "make",
    "remove",
    "present",
    "provide",
    "replace",
    "use",
    "try",
    "found",
    "noticed",
    "observed",
    "have",
    "like",
    "'d",
    "recently",
];

/// `propose X` -> `proposes X`; `would like` stays.
pub(crate) fn third_person_verb(rest: &str) -> String {
    let mut words = rest.splitn(2, ' ');
    let verb = words.next().unwrap_or("");
    let tail = words.next().map(|t| format!(" {t}")).unwrap_or_default();
    let lower = verb.to_lowercase();
    let conjugated = match lower.as_str() {
        "would" | "will" | "can" | "could" | "should" | "might" | "must" => verb.to_string(),
        "have" => "has".to_string(),
        "do" => "does".to_string(),
        "go" => "goes".to_string(),
        // "need", "proceed" are no pasts.
        _ if lower.ends_with("ed") && !lower.ends_with("eed") => verb.to_string(),
        _ if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh") => {
            format!("{verb}es")
        }
        _ if lower.ends_with('y')
            && !lower.ends_with("ay")
            && !lower.ends_with("ey")
            && !lower.ends_with("oy") =>
        {
            format!("{}ies", &verb[..verb.len() - 1])
        }
        _ => format!("{verb}s"),
    };
    format!("{conjugated}{tail}")
}

fn strip_greeting(sentence: &str) -> &str {
    let lower = sentence.to_lowercase();
    for greeting in [
        "hi all, ",
        "hi all. ",
        "hi everyone, ",
        "hello all, ",
        "hello, ",
        "hi, ",
        "hi! ",
        "hello everyone, ",
        "all, ",
    ] {
        if lower.starts_with(greeting) {
            return &sentence[greeting.len()..];
        }
    }
    sentence
}

/// `2` -> `second`; past ten, `11th`.
pub fn ordinal(n: u32) -> String {
    const WORDS: [&str; 9] = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    match n {
        2..=10 => WORDS[n as usize - 2].to_string(),
        _ => numeric_ordinal(n),
    }
}

/// The name an editor calls an author by: the first word of their name.
pub fn first_name(name: &str) -> String {
    first_name_of(name).to_string()
}

fn first_name_of(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// A follow-up's summary: the editor's `earlier` summary of revision
/// `from`, brought to `about.revision`: the revision it names updated,
/// what held only for the old revision dropped, and one clause of the
/// `changes` since then. `None` when nothing of it still holds.
pub fn follow_up(
    earlier: &str,
    from: u32,
    changes: &[String],
    about: &About,
    max_words: usize,
) -> Option<String> {
    let mut sentences: Vec<String> = Vec::new();
    for sentence in crate::parse::summary::sentences_of(earlier) {
        let (updated, names_revision) = update_revision(sentence, from, about.revision);
        if names_revision || !is_time_bound(&updated) {
            sentences.push(updated);
        }
    }
    if sentences.is_empty() {
        return None;
    }
    let first_name = first_name(about.author);
    let Some(clause) = change_clause(changes, &work_word(about)) else {
        return Some(compose(&sentences, about, &first_name, max_words));
    };
    // The revision's sentence, the change, and what else of the editor's
    // words fits beside them.
    let words = |s: &String| s.split_whitespace().count();
    let mut room = max_words.saturating_sub(words(&sentences[0]) + words(&clause));
    let mut kept = vec![sentences[0].clone()];
    for sentence in &sentences[1..] {
        if words(sentence) <= room {
            room -= words(sentence);
            kept.push(sentence.clone());
        }
    }
    loop {
        let mut with_clause = kept.clone();
        with_clause.push(clause.clone());
        let summary = compose(&with_clause, about, &first_name, max_words);
        // A lead before the first sentence may leave no room for all.
        if summary.ends_with(&clause) || kept.len() == 1 {
            return Some(summary);
        }
        kept.pop();
    }
}

/// Words that tie a sentence to the revision it was written about: its
/// changes, its reception, where it stood.
const TIME_BOUND: &[&str] = &[
    "this version",
    "this revision",
    "this time",
    "previous version",
    "previous revision",
    "last version",
    "than before",
    "than the previous",
    "again",
    "changes from",
    "changes since",
    "changelog",
    "rebased",
    "since v",
    "compared to",
    "comment",
    "review",
    "acked",
    "replied",
    "discussion",
    "merged",
    "mm-unstable",
    "mm-stable",
    "queued",
    " says",
    " said",
    " asked",
    " asks",
    "suggested",
    "requested",
    "pointed out",
    "objected",
    "concern",
    "revised",
    "came out",
    "still",
];

fn is_time_bound(sentence: &str) -> bool {
    let lower = format!(" {}", sentence.to_lowercase());
    TIME_BOUND.iter().any(|w| lower.contains(w))
}

/// Words after an ordinal that make it a revision's: "sixth version".
const REVISION_NOUNS: &[&str] = &[
    "version",
    "revision",
    "iteration",
    "round",
    "spin",
    "rfc",
    "patchset",
    "series",
];

/// `sentence` with revision `from` named as `to` ("sixth version" ->
/// "seventh version", `v6` -> `v7`, "version 6" -> "version 7"), and
/// whether it named the revision at all.
fn update_revision(sentence: &str, from: u32, to: u32) -> (String, bool) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let word_ordinal = ordinal(from);
    let numeric_from = numeric_ordinal(from);
    let mut named = false;
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = core.to_lowercase();
        let before_noun = words.iter().skip(i + 1).take(3).any(|w| {
            REVISION_NOUNS
                .iter()
                .any(|n| w.to_lowercase().starts_with(n))
        });
        let previous = i.checked_sub(1).map(|p| words[p].to_lowercase());
        let replacement = if (lower == word_ordinal || lower == numeric_from) && before_noun {
            let new = if lower == numeric_from {
                numeric_ordinal(to)
            } else {
                ordinal(to)
            };
            Some(match_case(core, &new))
        } else if lower == format!("v{from}") {
            Some(format!("{}{to}", &core[..1]))
        } else if lower == from.to_string()
            && previous
                .as_deref()
                .is_some_and(|p| p == "version" || p == "revision")
        {
            Some(to.to_string())
        } else {
            None
        };
        match replacement {
            Some(new) => {
                named = true;
                out.push(word.replacen(core, &new, 1));
            }
            None => out.push(word.to_string()),
        }
    }
    (out.join(" "), named)
}

/// `6th`, as editors write past ten and sometimes below.
fn numeric_ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `new` capitalised as `like` is.
fn match_case(like: &str, new: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = new.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        new.to_string()
    }
}

/// Verbs that changelog items open with, base form and third person.
const CHANGE_VERBS: &[(&str, &str)] = &[
    ("add", "adds"),
    ("remove", "removes"),
    ("drop", "drops"),
    ("fix", "fixes"),
    ("rename", "renames"),
    ("move", "moves"),
    ("use", "uses"),
    ("split", "splits"),
    ("merge", "merges"),
    ("update", "updates"),
    ("change", "changes"),
    ("introduce", "introduces"),
    ("simplify", "simplifies"),
    ("handle", "handles"),
    ("make", "makes"),
    ("avoid", "avoids"),
    ("replace", "replaces"),
    ("document", "documents"),
    ("improve", "improves"),
    ("support", "supports"),
    ("convert", "converts"),
    ("switch", "switches"),
    ("restore", "restores"),
    ("keep", "keeps"),
    ("allow", "allows"),
    ("rework", "reworks"),
    ("extend", "extends"),
    ("implement", "implements"),
    ("limit", "limits"),
    ("export", "exports"),
    ("expose", "exposes"),
    ("skip", "skips"),
    ("enable", "enables"),
    ("disable", "disables"),
    ("refactor", "refactors"),
    ("reduce", "reduces"),
    ("separate", "separates"),
    ("rewrite", "rewrites"),
    ("hide", "hides"),
    ("return", "returns"),
    ("check", "checks"),
    ("protect", "protects"),
    ("include", "includes"),
];

/// Irregular pasts of [`CHANGE_VERBS`].
const IRREGULAR_PASTS: &[(&str, &str)] = &[
    ("made", "make"),
    ("kept", "keep"),
    ("split", "split"),
    ("rewrote", "rewrite"),
    ("rewritten", "rewrite"),
    ("hid", "hide"),
    ("hidden", "hide"),
];

/// A changelog item's verb as its third person ("renames"), in any form
/// authors write it: `rename`, `renamed`, `renames`, `renaming`.
pub(crate) fn third_person_of(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    if let Some((_, base)) = IRREGULAR_PASTS.iter().find(|(past, _)| *past == word) {
        return CHANGE_VERBS
            .iter()
            .find(|(b, _)| b == base)
            .map(|(_, third)| *third);
    }
    CHANGE_VERBS.iter().find_map(|(base, third)| {
        let stem = base.strip_suffix('e').unwrap_or(base);
        let last = base.chars().last().unwrap_or('e');
        let doubled = format!("{base}{last}");
        let y_stem = base.strip_suffix('y').map(|s| format!("{s}ied"));
        let forms = [
            base.to_string(),
            third.to_string(),
            format!("{stem}ed"),
            format!("{stem}ing"),
            format!("{doubled}ed"),
            format!("{doubled}ing"),
        ];
        (forms.contains(&word) || y_stem.as_deref() == Some(word.as_str())).then_some(*third)
    })
}

/// Changelog items that say nothing of what the work does.
const TRIVIA: &[&str] = &[
    "rebase",
    "typo",
    "commit message",
    "commit log",
    "changelog",
    "-by",
    "tags",
    "collect",
    "cosmetic",
    "whitespace",
    "checkpatch",
    "spelling",
    "wording",
    "nit",
    "comment",
    "build",
    "compil",
    "cover letter",
    "cover-letter",
];

/// "In this version, the patchset renames the system call to memfd_secret."
/// from the first changelog item that opens with a verb, is short, and is
/// no trivia.
fn change_clause(changes: &[String], work: &str) -> Option<String> {
    changes.iter().find_map(|item| {
        let item = strip_credits(item);
        let item = item.trim().trim_end_matches(['.', ';', ',']);
        let lower = item.to_lowercase();
        let words: Vec<&str> = item.split_whitespace().collect();
        if !(3..=14).contains(&words.len()) || TRIVIA.iter().any(|t| lower.contains(t)) {
            return None;
        }
        let verb = third_person_of(words[0])?;
        let rest = words[1..].join(" ");
        Some(format!("In this version, the {work} {verb} {rest}."))
    })
}

/// An item less its credits: `(David)`, `[Suggested by Ann]`,
/// `, per Bob`.
fn strip_credits(item: &str) -> String {
    let mut out = item.trim().to_string();
    loop {
        let trimmed = out.trim_end().trim_end_matches('.').trim_end();
        let cut = match trimmed.chars().last() {
            Some(')') => trimmed.rfind('('),
            Some(']') => trimmed.rfind('['),
            _ => None,
        };
        // `(David)` stands apart; `foo()` is a name.
        match cut {
            Some(at) if at > 0 && trimmed[..at].ends_with(' ') => {
                out = trimmed[..at].trim_end().to_string()
            }
            _ => break,
        }
    }
    let lower = out.to_lowercase();
    if let Some(at) = [
        ", per ",
        ", thanks",
        " as suggested",
        ", suggested by",
        " (suggested",
    ]
    .iter()
    .filter_map(|credit| lower.find(credit))
    .min()
    {
        out.truncate(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about(kind: Kind, revision: u32, patches: u32) -> About<'static> {
        About {
            kind,
            revision,
            patches,
            topic: "introduce a hinting API",
            author: "Jane Doe",
            venue: None,
            stable_tree: None,
            original_author: None,
        }
    }

    fn say(body: &str, about: &About) -> String {
        summary(&Excerpts::read(body, about.topic), about, 40).0
    }

    #[test]
    fn a_series_opens_as_the_editors_do() {
        let body = "This patch series adds a hinting API for other processes.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 1, 5)),
            "This patchset adds a hinting API for other processes."
        );
    }

    #[test]
    fn i_and_we_become_the_author_by_name() {
        let body = "We propose a hinting API that lets one process advise on another's memory.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 1, 5)),
            "Jane proposes a hinting API that lets one process advise on another's memory."
        );
    }

    #[test]
    fn a_revision_is_named_in_the_opening() {
        let body = "This patchset adds a hinting API for other processes to use.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 6, 5)),
            "The sixth version of this patchset adds a hinting API for other processes to use."
        );
    }

    #[test]
    fn a_revision_that_the_sentence_names_is_not_named_twice() {
        let body = "This v6 adds a hinting API for other processes to use.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 6, 5)),
            "This v6 adds a hinting API for other processes to use."
        );
    }

    #[test]
    fn an_rfc_says_who_posted_what() {
        let body = "Processes that manage others need a way to advise on their memory.\n";
        assert_eq!(
            say(body, &about(Kind::Rfc, 1, 3)),
            "Jane posted an RFC patchset to introduce a hinting API. \
             Processes that manage others need a way to advise on their memory."
        );
    }

    #[test]
    fn a_topic_proposal_names_its_venue() {
        let mut topic = about(Kind::Event, 1, 0);
        topic.venue = Some("LSF/MM/BPF");
        topic.topic = "Memory tiering without NUMA nodes";
        assert!(say("Let us talk about tiers.\n", &topic).starts_with(
            "Jane proposes an LSF/MM/BPF session for memory tiering without NUMA nodes."
        ),);
    }

    #[test]
    fn a_stable_request_says_who_asks_for_whose_patch_in_which_tree() {
        let mut stable = about(Kind::Stable, 1, 1);
        stable.topic = "ratelimit stat flush from workingset shrinker";
        stable.stable_tree = Some("6.6.y");
        stable.original_author = Some("Shakeel Butt");
        let said = say(
            "commit d4a5b369ad6d upstream.\n\nThis fixes a regression of Postgres workloads since v6.6.\n",
            &stable,
        );
        assert!(
            said.starts_with(
                "Jane asks for Shakeel's patch \"ratelimit stat flush from workingset shrinker\" \
                 to be merged in the 6.6.y stable tree."
            ),
            "{said}"
        );
    }

    #[test]
    fn without_prose_the_subject_says_what_was_posted() {
        assert_eq!(
            say("", &about(Kind::Patch, 1, 2)),
            "Jane posted a patchset to introduce a hinting API."
        );
    }

    #[test]
    fn ordinals_are_words_to_ten_then_figures() {
        assert_eq!(ordinal(3), "third");
        assert_eq!(ordinal(10), "tenth");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
    }

    #[test]
    fn a_title_of_any_form_reads_after_the_lead() {
        for (title, phrase) in [
            ("introduce memfd_secret", "to introduce memfd_secret"),
            (
                "don't count proactive reclaim in vmpressure",
                "to stop counting proactive reclaim in vmpressure",
            ),
            ("do not use the lock", "to stop using the lock"),
            (
                "Initiate deprecation of v1 features",
                "to initiate deprecation of v1 features",
            ),
            (
                "perform /proc/pid/maps read under per-vma lock",
                "to perform /proc/pid/maps read under per-vma lock",
            ),
            ("Proactive compaction", "for proactive compaction"),
            ("Adding a knob", "for adding a knob"),
        ] {
            assert_eq!(topic_phrase(title), phrase, "{title}");
        }
        assert_eq!(gerund("stop"), "stopping");
        assert_eq!(gerund("map"), "mapping");
        assert_eq!(gerund("free"), "freeing");
    }

    fn follow_about() -> About<'static> {
        About {
            kind: Kind::Patch,
            revision: 9,
            patches: 9,
            topic: "introduce memfd_secret system call",
            author: "Mike Rapoport",
            venue: None,
            stable_tree: None,
            original_author: None,
        }
    }

    #[test]
    fn a_follow_up_names_this_revision_and_drops_what_held_for_the_last() {
        let summary = follow_up(
            "Sixth version of the memfd_secret patchset. It aims to provide secret mappings. \
             David says there are only minor issues left.",
            6,
            &[],
            &follow_about(),
            60,
        )
        .unwrap();
        assert_eq!(
            summary,
            "Ninth version of the memfd_secret patchset. It aims to provide secret mappings."
        );
    }

    #[test]
    fn a_follow_up_of_a_first_posting_gets_the_revision_lead() {
        let summary = follow_up(
            "This patchset adds secret mappings.",
            1,
            &[],
            &follow_about(),
            60,
        )
        .unwrap();
        assert!(summary.contains("ninth version"), "{summary}");
        assert!(summary.contains("adds secret mappings"), "{summary}");
    }

    #[test]
    fn the_changelog_since_the_covered_revision_adds_one_clause() {
        let changes = [
            "Rebased on v5.10-rc4".to_string(),
            "rename the system call to memfd_secret (Andy)".to_string(),
        ];
        let summary =
            follow_up("The v6 of memfd_secret.", 6, &changes, &follow_about(), 60).unwrap();
        assert_eq!(
            summary,
            "The v9 of memfd_secret. In this version, the patchset renames the system call \
             to memfd_secret."
        );
        let long = follow_up(
            "The v6 of memfd_secret. It has one sentence far too long to keep beside the change \
             in the thirty words given, so it goes. It aims at guests.",
            6,
            &changes,
            &follow_about(),
            30,
        )
        .unwrap();
        assert_eq!(
            long,
            "The v9 of memfd_secret. It aims at guests. In this version, the patchset renames \
             the system call to memfd_secret."
        );
    }

    #[test]
    fn changelog_verbs_are_read_in_every_form() {
        for word in ["rename", "Renamed", "renames", "renaming"] {
            assert_eq!(third_person_of(word), Some("renames"), "{word}");
        }
        assert_eq!(third_person_of("dropped"), Some("drops"));
        assert_eq!(third_person_of("simplified"), Some("simplifies"));
        assert_eq!(third_person_of("made"), Some("makes"));
        assert_eq!(third_person_of("the"), None);
    }
}
