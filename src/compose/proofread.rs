//! The last read of a summary before it is used, as an editor would read
//! it: [`check`] names each defect an editor would have to fix, and
//! [`proofread`] repairs them, saying which repairs it made.
//!
//! The defects are those of sentences taken from mail: the author's first
//! person, an opener that points back at a sentence not taken ("Hence,"),
//! a list cut at its marker or numbered inline, a line that is no sentence
//! (a quote's attribution, a signature, a commit reference), what a
//! stripped link left behind, and a summary that ends without a full stop.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::parse::summary::sentences_of;
use crate::post_format::{has_link_leftovers, without_link_leftovers};

/// What an editor would have to fix in a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Defect {
    /// "I", "we", "our", "my", "us" outside quotes.
    FirstPerson,
    /// "Hence,", "Furthermore,", "Such data ...": a sentence leaning on
    /// one before it.
    PointingOpener,
    /// A list cut at its marker ("... advantages of: 1.") or numbered
    /// inline ("(1) a (2) b").
    List,
    /// A quote's attribution, a signature, a commit reference or a trailer.
    NoSentence,
    /// "for don't count ...": a title pasted after "for" whatever its form.
    Lead,
    /// What a stripped link or markup left: "(see)", "()", "[]".
    Leftover,
    /// The summary does not end with a full stop (or `!`, `?`).
    NoFullStop,
}

impl Defect {
    pub fn describe(self) -> &'static str {
        match self {
            Defect::FirstPerson => "first person",
            Defect::PointingOpener => "an opener pointing back",
            Defect::List => "a cut or inline list",
            Defect::NoSentence => "no sentence",
            Defect::Lead => "a lead that is no grammar",
            Defect::Leftover => "a leftover of markup",
            Defect::NoFullStop => "no full stop",
        }
    }
}

/// Words of the first person, as whole words.
const FIRST_PERSON: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "us",
    "our",
    "ours",
    "ourselves",
];

/// Connectives that only continue what came before.
const CONNECTIVES: &[&str] = &[
    "hence",
    "thus",
    "therefore",
    "furthermore",
    "moreover",
    "also",
    "additionally",
    "so",
    "consequently",
    "besides",
    "finally",
    "then",
    "and",
    "but",
    "instead",
    "otherwise",
    "in addition",
    "as a result",
    "as such",
    "on top of that",
    "in turn",
    "because of this",
    "for this reason",
    "that said",
    "with that",
    "in that case",
];

/// Openers that point at something named before ("Such data", "These
/// changes"), and cannot stand alone.
const DEMONSTRATIVES: &[&str] = &["such", "these", "those", "the latter", "the former", "both"];

/// Words inside a sentence that say it follows from the one before.
const INNER_CONNECTIVES: &[&str] = &[" therefore ", " thus ", " hence "];

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^on (?:mon|tue|wed|thu|fri|sat|sun|\d|[a-z]{3,9},? \d)[^.]*(?:\d{4}|am|pm|wrote)|(?:wrote|writes):\s*$",
    )
    .unwrap()
});
/// "On Thu, Jun 10, 2021 at 11:08 AM Jane Doe wrote:" before what follows.
static ATTRIBUTION_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^on .{5,120}?\b(?:wrote|writes):\s*").unwrap());
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:thanks|thank you|regards|best regards|cheers|best|kind regards|br)\b[,.!]*(?:\s+\S+){0,3}$")
        .unwrap()
});
static COMMIT_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^(?:commit\s+)?[0-9a-f]{8,40}\s*\(\s*"|\b(?:signed-off-by|reviewed-by|acked-by|tested-by|fixes|link|cc):\s"#)
        .unwrap()
});
/// A list marker alone at a sentence's end: "of: 1.", "are: (a)".
static CUT_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s:])(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[-*•])\s*$").unwrap());
/// An inline list item's marker: "(1)", "1)", "2.", "a)".
static INLINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:\(\d{1,2}\)|\d{1,2}\)|\d{1,2}\.|\([a-h]\)|[a-h]\))\s").unwrap()
});
/// A list item's marker after a sentence's end: "... Trace. o Neither".
static MARKER_AFTER_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.!?]) (?:o|-|\*|•|\+) (\p{Lu})").unwrap());
/// "posted X for don't ...", "for initiate ...": a lead with a verb's
/// title after "for".
static BAD_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:version of|posted|proposes?) (?:an? |the )?(?:patch|patchset|RFC|series)? ?for (?:don't|do not|never|not) ")
        .unwrap()
});

/// The defects of `summary`, each once, in a fixed order.
pub fn check(summary: &str) -> Vec<Defect> {
    let mut found = Vec::new();
    let mut add = |defect: Defect| {
        if !found.contains(&defect) {
            found.push(defect);
        }
    };
    for sentence in sentences_of(summary) {
        if has_first_person(sentence) {
            add(Defect::FirstPerson);
        }
        if points_back(sentence) {
            add(Defect::PointingOpener);
        }
        if is_cut_list(sentence) || is_inline_list(sentence) {
            add(Defect::List);
        }
        if is_no_sentence(sentence) {
            add(Defect::NoSentence);
        }
    }
    if BAD_LEAD.is_match(summary) || lead_pastes_a_verb(summary) {
        add(Defect::Lead);
    }
    if has_link_leftovers(summary) {
        add(Defect::Leftover);
    }
    if MARKER_AFTER_STOP.is_match(summary) {
        add(Defect::List);
    }
    if repeated_word(summary).is_some() {
        add(Defect::Leftover);
    }
    if !ends_a_sentence(summary) {
        add(Defect::NoFullStop);
    }
    found
}

/// What a summary's repair needs to know of its entry.
#[derive(Debug, Clone, Copy)]
pub struct Writer<'a> {
    /// The name the editor calls the author by ("Jane").
    pub first_name: &'a str,
    /// "patchset" or "patch".
    pub work: &'a str,
}

/// [`proofread`] for an entry by `author` of `patches` patches.
pub fn proofread_for(summary: &str, author: &str, patches: u32) -> (String, Vec<String>) {
    let first_name = crate::compose::voice::first_name(author);
    let work = if patches > 1 { "patchset" } else { "patch" };
    proofread(
        summary,
        Writer {
            first_name: &first_name,
            work,
        },
    )
}

/// `summary` with its defects repaired, and a line for each repair made.
/// A sentence that cannot be repaired gives way to the others; the first
/// person of the first is rewritten rather than dropped. Empty when no
/// sentence was left: the caller falls back to its lead.
pub fn proofread(summary: &str, writer: Writer) -> (String, Vec<String>) {
    let mut repairs: Vec<String> = Vec::new();
    let mut note = |what: &str| {
        if !repairs.iter().any(|r| r == what) {
            repairs.push(what.to_string());
        }
    };
    let mut cleaned = without_link_leftovers(summary);
    if cleaned != summary {
        note("removed what a stripped link left");
    }
    if MARKER_AFTER_STOP.is_match(&cleaned) {
        cleaned = MARKER_AFTER_STOP
            .replace_all(&cleaned, "$1 $2")
            .into_owned();
        note("dropped a list item's marker");
    }
    while let Some(at) = repeated_word(&cleaned) {
        let end = at + cleaned[at..].find(' ').unwrap_or(cleaned.len() - at);
        cleaned.replace_range(at..(end + 1).min(cleaned.len()), "");
        note("dropped a repeated word");
    }
    let mut kept: Vec<String> = Vec::new();
    let sentences: Vec<&str> = sentences_of(&cleaned);
    let count = sentences.len();
    for (i, sentence) in sentences.into_iter().enumerate() {
        let alone = kept.is_empty() && i + 1 == count;
        let mut sentence = sentence.to_string();
        if let Some(prefix) = ATTRIBUTION_PREFIX.find(&sentence)
            && prefix.end() < sentence.len()
        {
            sentence = sentence[prefix.end()..].to_string();
            note("left out a quote's attribution");
        }
        if is_no_sentence(&sentence) {
            if let Some(cut) = cut_at_trailer(&sentence) {
                sentence = cut;
                note("cut a sentence at the trailer it ran into");
            } else {
                note("left out a line that is no sentence");
                continue;
            }
        }
        if opens_with_bullet(&sentence) {
            sentence = sentence[2..].trim_start().to_string();
            note("dropped a list item's marker");
        }
        if is_cut_list(&sentence) {
            match cut_marker(&sentence, alone) {
                Some(whole) => {
                    sentence = whole;
                    note("cut a list at its marker");
                }
                None => {
                    note("left out a sentence that introduces a cut list");
                    continue;
                }
            }
        }
        if is_inline_list(&sentence) {
            match list_as_prose(&sentence) {
                Some(prose) => {
                    sentence = prose;
                    note("said an inline list as prose");
                }
                None => {
                    note("left out an inline list");
                    continue;
                }
            }
        }
        if points_back(&sentence) {
            match strip_connective(&sentence, writer.work) {
                Some(standalone) => {
                    sentence = standalone;
                    note("dropped a connective pointing back");
                }
                None => {
                    note("left out a sentence pointing back");
                    continue;
                }
            }
        }
        if has_first_person(&sentence) {
            // Past the first sentence, only one whose subject is the
            // author ("We can ...") says what the work does; the rest
            // is the author's own account ("on my setup").
            let lower = sentence.to_lowercase();
            let author_first = ["we ", "i ", "we'", "i'"]
                .iter()
                .any(|o| lower.starts_with(o));
            let without_aside = drop_possessive_clause(&sentence);
            if !kept.is_empty() && !author_first && !has_first_person(&without_aside) {
                // "every tiering policy we have treats it" -> "every
                // tiering policy treats it".
                sentence = without_aside;
                note("dropped a clause in the first person");
            } else if kept.is_empty() || author_first {
                sentence = third_person(&sentence, writer);
                note("put the first person in the third");
            } else {
                note("left out a sentence in the first person");
                continue;
            }
        }
        kept.push(sentence);
    }
    let mut out = kept.join(" ");
    if !out.is_empty() && !ends_a_sentence(&out) {
        out = out.trim_end_matches([',', ';', ':', '-', ' ']).to_string();
        out.push('.');
        note("ended the summary with a full stop");
    }
    (out, repairs)
}

/// "the policies we have treat it" -> "the policies treat it": "we
/// have", "we use", "we know" after a noun and before its verb.
fn drop_possessive_clause(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).map(|v| v.to_lowercase());
        let is_clause = matches!(words[i].to_lowercase().as_str(), "we" | "i")
            && matches!(
                pair.as_deref(),
                Some("have" | "use" | "know" | "support" | "maintain")
            )
            && i > 0
            && words[i - 1]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
            && ![
                "that", "which", "so", "and", "but", "if", "when", "as", "because",
            ]
            .contains(&words[i - 1].to_lowercase().as_str())
            && words.get(i + 2).is_some_and(|next| {
                let next = next.trim_end_matches([',', '.']);
                next.len() > 2
                    && next.ends_with('s')
                    && next.chars().all(|c| c.is_ascii_lowercase())
            });
        if is_clause {
            i += 2;
            continue;
        }
        out.push(words[i]);
        i += 1;
    }
    out.join(" ")
}

/// Where a word that is said twice in a row ("this patchset patchset")
/// starts, the first time; words of letters only, "that that" aside.
fn repeated_word(text: &str) -> Option<usize> {
    let mut at = 0;
    let mut previous: Option<(usize, &str)> = None;
    for word in text.split(' ') {
        if let Some((start, last)) = previous
            && word.len() > 1
            && word.eq_ignore_ascii_case(last)
            && word.chars().all(char::is_alphabetic)
            && !word.eq_ignore_ascii_case("that")
            && !word.eq_ignore_ascii_case("had")
        {
            return Some(start);
        }
        previous = Some((at, word));
        at += word.len() + 1;
    }
    None
}

fn words_outside_quotes(sentence: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut in_quote = false;
    let mut word = String::new();
    let mut chars = sentence.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' || c == '“' || c == '”' || c == '`' {
            in_quote = !in_quote;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if in_quote {
            continue;
        }
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.push(if c == '’' { '\'' } else { c });
        } else {
            // `I/O`, `I2C`: a letter glued to a slash or digit is no pronoun.
            if c == '/' || c == '-' || c == '.' && chars.peek().is_some_and(|n| n.is_alphanumeric())
            {
                word.push('/');
            }
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn has_first_person(sentence: &str) -> bool {
    words_outside_quotes(sentence).iter().any(|w| {
        let lower = w.to_lowercase();
        // "US" in capitals is a country or a unit, not "us".
        FIRST_PERSON.contains(&lower.as_str()) && !(lower == "us" && w == "US")
    })
}

fn opening_connective(sentence: &str) -> Option<&'static str> {
    let lower = sentence.to_lowercase();
    CONNECTIVES.iter().copied().find(|c| {
        lower.starts_with(c)
            && lower[c.len()..].starts_with([',', ' '])
            // "So far", "Then again" are idioms, not pointers; "Also
            // known" and the like are rare enough to read as pointing.
            && !lower[c.len()..].trim_start_matches(',').trim_start().starts_with("far")
    })
}

fn points_back(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    opening_connective(sentence).is_some()
        || DEMONSTRATIVES
            .iter()
            .any(|d| lower.starts_with(d) && lower[d.len()..].starts_with(' '))
        || lower.starts_with("it is therefore")
        || lower.starts_with("this is why")
        || lower.starts_with("that is why")
}

/// The sentence without its opening connective (or inner "therefore"),
/// capitalised; `None` when it points at a thing named before.
fn strip_connective(sentence: &str, work: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let mut bare = false;
    let mut rest: String = match opening_connective(sentence) {
        Some(c) => {
            bare = !sentence[c.len()..].starts_with(',');
            sentence[c.len()..]
                .trim_start_matches([',', ' '])
                .to_string()
        }
        None if lower.starts_with("it is therefore") => {
            format!("It is{}", &sentence["it is therefore".len()..])
        }
        None => return None,
    };
    for inner in INNER_CONNECTIVES {
        if let Some(at) = rest.to_lowercase().find(inner) {
            rest.replace_range(at..at + inner.len(), " ");
        }
    }
    // "So introduce a wrapper": an imperative left alone reads as an order.
    let word = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    if bare && crate::compose::voice::is_imperative(&word) {
        return None;
    }
    // "Also included patch 5": the subject was left out with the
    // connective; "Also aims to" keeps its verb with "It".
    if word.ends_with("ed") && !word.ends_with("eed") {
        let also = opening_connective(sentence) == Some("also");
        let verb = crate::compose::voice::third_person_of(&word)?;
        if !also {
            return None;
        }
        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
        return Some(format!("The {work} also {verb} {rest}"));
    }
    if let Some(stem) = word.strip_suffix('s')
        && (crate::compose::voice::is_imperative(stem)
            || crate::compose::voice::is_imperative(stem.trim_end_matches('e'))
            || ["aim", "tri", "seem", "need", "want"].contains(&stem))
    {
        return Some(format!("It {rest}"));
    }
    let mut chars = rest.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn is_cut_list(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    CUT_MARKER.is_match(trimmed) || trimmed.ends_with(':') || opens_with_bullet(trimmed)
}

/// "o Neither ...", "- It ...": an item's marker opening a sentence.
fn opens_with_bullet(sentence: &str) -> bool {
    ["o ", "- ", "* ", "• ", "+ "]
        .iter()
        .any(|b| sentence.starts_with(b))
}

/// The sentence before its lone marker, when what precedes the marker is
/// a whole sentence; with `alone`, also when it ends on a word that
/// wanted the list ("... advantages of:"), which then goes.
fn cut_marker(sentence: &str, alone: bool) -> Option<String> {
    let head = match CUT_MARKER.find(sentence.trim_end()) {
        Some(m) => &sentence[..m.start()],
        None => sentence,
    };
    let mut head = head.trim_end().trim_end_matches(':').trim_end();
    const DANGLING: &[&str] = &[
        "of",
        "as",
        "are",
        "is",
        "the",
        "following",
        "to",
        "and",
        "or",
        "like",
        "include",
        "includes",
        "including",
        "such",
        "by",
        "with",
        "for",
        "these",
        "are:",
        "below",
    ];
    let dangles = |head: &str| {
        head.rsplit(' ')
            .next()
            .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
    };
    if dangles(head) && !alone {
        return None;
    }
    while dangles(head) {
        head = head.rsplit_once(' ').map_or("", |(h, _)| h).trim_end();
    }
    if head.split_whitespace().count() < 4 {
        return None;
    }
    Some(format!("{}.", head.trim_end_matches(['.', ',', ':'])))
}

fn is_inline_list(sentence: &str) -> bool {
    INLINE_MARKER.find_iter(sentence).count() >= 2
}

/// "KUnit will be able to: (1) fail tests (2) pass tests" -> "KUnit will
/// be able to fail tests and pass tests.", when the items are short.
fn list_as_prose(sentence: &str) -> Option<String> {
    let first = INLINE_MARKER.find(sentence)?;
    let lead = sentence[..first.start()]
        .trim_end()
        .trim_end_matches(':')
        .trim_end();
    let mut items: Vec<String> = Vec::new();
    let markers: Vec<(usize, usize)> = INLINE_MARKER
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    for (k, &(_, end)) in markers.iter().enumerate() {
        let stop = markers.get(k + 1).map_or(sentence.len(), |m| m.0);
        let item = sentence[end..stop]
            .trim()
            .trim_end_matches(['.', ';', ',', ' '])
            .trim_end_matches(" and")
            .trim_end_matches(" or")
            .to_string();
        if item.is_empty() || item.split_whitespace().count() > 10 {
            return None;
        }
        let mut chars = item.chars();
        let lowered: String = match chars.next() {
            // "Gracefully handles": a capital that only opens the item.
            Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
                c.to_lowercase().chain(chars).collect()
            }
            Some(c) => std::iter::once(c).chain(chars).collect(),
            None => return None,
        };
        items.push(lowered);
    }
    if items.len() > 4 || lead.split_whitespace().count() < 2 {
        return None;
    }
    let (last, rest) = items.split_last()?;
    let joined = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    // "able to: (1) fail" reads on without the colon; "three subsets:
    // (1) a" names what follows and keeps it.
    let lower = lead.to_lowercase();
    let flows = [
        " to", " can", " will", " would", " should", " may", " must", " is", " are", " be",
    ]
    .iter()
    .any(|w| lower.ends_with(w));
    let colon = if flows { "" } else { ":" };
    Some(format!("{lead}{colon} {joined}."))
}

fn is_no_sentence(sentence: &str) -> bool {
    let trimmed = sentence.trim();
    ATTRIBUTION.is_match(trimmed)
        || SIGNATURE.is_match(trimmed)
        || COMMIT_REFERENCE.is_match(trimmed)
}

/// The sentence up to a trailer it ran into, when that leaves a sentence.
fn cut_at_trailer(sentence: &str) -> Option<String> {
    let found = COMMIT_REFERENCE.find(sentence)?;
    let head = sentence[..found.start()].trim_end();
    if head.split_whitespace().count() < 5 || ATTRIBUTION.is_match(head) {
        return None;
    }
    let head = head.trim_end_matches([',', ';', ':', '-', ' ']);
    Some(if ends_a_sentence(head) {
        head.to_string()
    } else {
        format!("{head}.")
    })
}

fn ends_a_sentence(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(['"', '\'', ')', '`', '”']);
    text.ends_with(['.', '!', '?'])
}

/// "posted the third version of the patch for initiate deprecation ...":
/// a lead whose "for" takes a verb.
fn lead_pastes_a_verb(summary: &str) -> bool {
    let lower = summary.to_lowercase();
    [
        "patchset for ",
        "patch for ",
        "rfc for ",
        "series for ",
        "session for ",
    ]
    .iter()
    .filter_map(|lead| lower.find(lead).map(|at| &lower[at + lead.len()..]))
    .any(|rest| {
        let word = rest.split_whitespace().next().unwrap_or("");
        crate::compose::voice::is_imperative(word)
    })
}

/// The first person of a summary's first sentence in the third: "We
/// propose" -> "Jane proposes", "our" -> "Jane's", "us" -> "the author".
fn third_person(sentence: &str, writer: Writer) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let lower = core.to_lowercase();
        let capital = out.is_empty() || out.last().is_some_and(|w| w.ends_with(['.', ':']));
        let name = writer.first_name.to_string();
        match lower.as_str() {
            "i" | "we" if core != "US" => {
                // "We on the committee hope": the pronoun's verb is not next.
                let next = words
                    .get(i + 1)
                    .map(|w| w.to_lowercase())
                    .unwrap_or_default();
                if lower == "we" && NOT_A_VERB.contains(&next.as_str()) {
                    out.push(word.replacen(
                        core,
                        if capital {
                            "The authors"
                        } else {
                            "the authors"
                        },
                        1,
                    ));
                    i += 1;
                    continue;
                }
                out.push(word.replacen(core, &name, 1));
                // The verb after any adverbs agrees with the name.
                let mut j = i + 1;
                while let Some(w) = words.get(j) {
                    if ADVERBS.contains(&w.to_lowercase().as_str()) {
                        out.push(w.to_string());
                        j += 1;
                    } else {
                        break;
                    }
                }
                if let Some(verb) = words.get(j) {
                    out.push(agree(verb));
                    j += 1;
                }
                i = j;
                continue;
            }
            "i'm" | "we're" => out.push(word.replacen(core, &format!("{name} is"), 1)),
            "i've" | "we've" => out.push(word.replacen(core, &format!("{name} has"), 1)),
            "i'd" | "we'd" => out.push(word.replacen(core, &format!("{name} would"), 1)),
            "i'll" | "we'll" => out.push(word.replacen(core, &format!("{name} will"), 1)),
            "us" | "me" if core != "US" => out.push(word.replacen(core, "the author", 1)),
            "our" | "my" | "ours" | "mine" => {
                out.push(word.replacen(core, &format!("{name}'s"), 1))
            }
            "ourselves" | "myself" => {
                out.push(word.replacen(core, &format!("the {}", writer.work), 1))
            }
            _ => out.push(word.to_string()),
        }
        i += 1;
    }
    let joined = out.join(" ");
    let mut chars = joined.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Words after "we" that show its verb comes later.
const NOT_A_VERB: &[&str] = &[
    "on", "in", "at", "of", "from", "with", "and", "or", "all", "both", "as",
];

/// Words between a subject and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "just",
    "really",
    "still",
    "only",
    "now",
    "then",
    "already",
    "actually",
    "currently",
    "recently",
    "finally",
    "first",
    "originally",
    "further",
    "therefore",
    "thus",
    "instead",
    "then,",
    "probably",
    "often",
    "usually",
    "always",
    "never",
    "not",
];

/// A verb after a singular name: "need" -> "needs", "have" -> "has",
/// "are" -> "is"; modals and pasts stay.
fn agree(verb: &str) -> String {
    let core = verb.trim_end_matches(|c: char| !c.is_alphanumeric());
    let tail = &verb[core.len()..];
    let lower = core.to_lowercase();
    let agreed = match lower.as_str() {
        "am" | "are" => "is".to_string(),
        "were" => "was".to_string(),
        "can" | "could" | "will" | "would" | "should" | "may" | "might" | "must" | "shall" => {
            core.to_string()
        }
        // Pasts agree with any subject.
        "found" | "made" | "did" | "saw" | "got" | "had" | "went" | "wrote" | "sent" | "ran"
        | "took" | "came" | "thought" | "brought" | "knew" | "left" | "kept" | "began"
        | "built" | "caught" | "met" | "hit" | "put" | "set" | "read" | "split" | "spent"
        | "held" => core.to_string(),
        _ if !core.chars().all(|c| c.is_ascii_lowercase()) => core.to_string(),
        _ => crate::compose::voice::third_person_verb(core),
    };
    format!("{agreed}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const JANE: Writer = Writer {
        first_name: "Jane",
        work: "patchset",
    };

    fn repaired(summary: &str) -> String {
        let (out, _) = proofread(summary, JANE);
        assert!(check(&out).is_empty(), "{out:?}: {:?}", check(&out));
        out
    }

    #[test]
    fn each_defect_is_named() {
        for (summary, defect) in [
            ("This allows us to provision memory.", Defect::FirstPerson),
            (
                "Hence, reclaim caused by it is counted.",
                Defect::PointingOpener,
            ),
            ("Such data suggests that it works.", Defect::PointingOpener),
            ("It keeps their advantages of: 1.", Defect::List),
            ("KUnit can: (1) fail tests (2) pass tests.", Defect::List),
            (
                "On Thu, Jun 10, 2021 at 11:08 AM Enrico Weigelt",
                Defect::NoSentence,
            ),
            (
                "Jane posted the third version of the patch for don't count reclaim.",
                Defect::Lead,
            ),
            (
                "Jane posted the patchset for initiate deprecation of v1.",
                Defect::Lead,
            ),
            ("It is described in the docs (see).", Defect::Leftover),
            ("It adds a knob", Defect::NoFullStop),
        ] {
            assert!(
                check(summary).contains(&defect),
                "{summary}: {:?}",
                check(summary)
            );
        }
    }

    #[test]
    fn io_i2c_quotes_and_the_us_are_no_first_person() {
        for summary in [
            "It speeds up I/O on I2C devices.",
            "The mail said \"we need this\" and it was merged.",
            "It follows US rules.",
        ] {
            assert!(!check(summary).contains(&Defect::FirstPerson), "{summary}");
        }
    }

    #[test]
    fn the_first_person_becomes_the_author() {
        assert_eq!(
            repaired("We propose a knob for our reclaim."),
            "Jane proposes a knob for Jane's reclaim."
        );
        assert_eq!(
            repaired("As a step towards shrinking struct page, we need to remove it."),
            "As a step towards shrinking struct page, Jane needs to remove it."
        );
        assert_eq!(
            repaired("We on the program committee hope everybody is well."),
            "The authors on the program committee hope everybody is well."
        );
        assert_eq!(
            repaired("In Fedora CoreOS we found an issue with zram."),
            "In Fedora CoreOS Jane found an issue with zram."
        );
        assert_eq!(
            repaired("It seems to me that we also have an opportunity."),
            "It seems to the author that Jane also has an opportunity."
        );
        assert_eq!(
            repaired("This patchset adds a knob. No regressions with xfstests on my setup."),
            "This patchset adds a knob."
        );
        assert_eq!(
            repaired("It adds a tier. Every tiering policy we have treats it as a node."),
            "It adds a tier. Every tiering policy treats it as a node."
        );
    }

    #[test]
    fn a_connective_goes_where_the_sentence_stands_alone() {
        assert_eq!(
            repaired("Hence, reclaim caused by proactive reclaim is not counted."),
            "Reclaim caused by proactive reclaim is not counted."
        );
        assert_eq!(
            repaired("This adds a knob. Furthermore, a new listener is introduced."),
            "This adds a knob. A new listener is introduced."
        );
        assert_eq!(
            repaired("It is therefore possible to reclaim more."),
            "It is possible to reclaim more."
        );
        assert_eq!(
            repaired("Also aims to enable MEMCG for PREEMPT_RT."),
            "It aims to enable MEMCG for PREEMPT_RT."
        );
        assert_eq!(
            repaired("This adds a knob. Also included patch 5 which optimises it."),
            "This adds a knob. The patchset also includes patch 5 which optimises it."
        );
        assert_eq!(
            repaired("This adds a knob. So reverted the old fix."),
            "This adds a knob."
        );
    }

    #[test]
    fn lists_are_prose_or_left_out() {
        assert_eq!(
            repaired("KUnit will be able to: (1) Fail tests (2) Pass tests."),
            "KUnit will be able to fail tests and pass tests."
        );
        assert_eq!(
            repaired("It was split into three subsets: 1) device-dax pages 2) vmemmap reuse."),
            "It was split into three subsets: device-dax pages and vmemmap reuse."
        );
        assert_eq!(
            repaired("It adds a knob. o Neither A nor B boosts."),
            "It adds a knob. Neither A nor B boosts."
        );
        assert_eq!(
            repaired("This patchset keeps the advantages of: 1."),
            "This patchset keeps the advantages."
        );
        assert_eq!(
            repaired("This adds a knob. It keeps the advantages of: 1."),
            "This adds a knob."
        );
    }

    #[test]
    fn a_line_that_is_no_sentence_gives_way() {
        assert_eq!(
            repaired("On Thu, Jun 10, 2021 at 11:08 AM Enrico Weigelt wrote: This adds a knob."),
            "This adds a knob."
        );
        assert_eq!(
            repaired("This makes reclaim fair for every node Signed-off-by: Jane Doe"),
            "This makes reclaim fair for every node."
        );
    }

    #[test]
    fn leftovers_and_a_missing_full_stop_are_repaired() {
        assert_eq!(repaired("It is in the docs (see)."), "It is in the docs.");
        assert_eq!(
            repaired("It renames foo() and keeps bar[] as they are."),
            "It renames foo() and keeps bar[] as they are."
        );
        assert_eq!(repaired("It adds a knob"), "It adds a knob.");
        assert_eq!(
            repaired("The second version of this patchset patchset adds a knob."),
            "The second version of this patchset adds a knob."
        );
    }
}
