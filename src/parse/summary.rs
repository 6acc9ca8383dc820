//! What a mail is about, in a few sentences taken from its own text.
//!
//! Cover letters and commit messages open with the idea and bury it under
//! greetings, changelogs, diffstats, trailers and link lists. The summary
//! keeps the prose, in order, and stops at a sentence end within the word
//! limit.

use crate::prose::words::{
    ACTIONS, ASIDES, BACKGROUND, BACKGROUND_PHRASES, CHANGELOG, COMMIT_CITED, DEFAULTS,
    DISCLAIMERS, EXAMPLE_HEADINGS, FRAGMENT_OPENINGS, GREETING, HEDGES, HISTORY, QUOTE_INTRO,
    RESULTS, REVISION_MENTION, SUBJECTS_OF_CHANGE, TRAILER_LINE,
};
use std::sync::LazyLock;

use regex::Regex;

pub use crate::prose::sentences_of;

/// The default cap on a summary's words.
pub const DEFAULT_WORDS: usize = 40;
/// Shorter than this, a chosen sentence takes the one after it along.
pub const SHORT_SENTENCE: usize = 15;
/// Two sentences together stay within this many words.
pub const EDITOR_WORDS: usize = 35;

static REFERENCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[\d+\]:?\s*\S|^\s*https?://\S+\s*$").unwrap());
static INLINE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s?\[\d+\]").unwrap());
static SHORTLOG_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\S.*\(\d+\):\s*$").unwrap());
static DIFFSTAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s\S.*\|\s+(?:\d+ ?[+-]*|Bin .*)\s*$|^\s\d+ files? changed").unwrap()
});
/// A line of the kernel's log as dmesg prints it, time stamp first.
static KERNEL_LOG_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[\s*\d+\.\d{3,}\]").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+•o]|\d+[.)]|\(\w\))\s").unwrap());

/// The sentences of a mail's prose, in order: greetings, changelogs,
/// quotes, code, trailers, links, headings and sign-offs left out.
pub fn prose_sentences(body: &str) -> Vec<String> {
    prose_paragraphs(body)
        .0
        .iter()
        .flat_map(|p| {
            sentences_of(&joined(p))
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One sentence of the prose, and where it stands.
#[derive(Clone)]
struct Sentence {
    text: String,
    /// Its paragraph among the prose paragraphs, and its place in it.
    paragraph: usize,
    place: usize,
    /// Its paragraph is a list (changes, features, steps).
    in_list: bool,
    words: usize,
    score: f64,
    /// It can open a summary: it stands alone, or is an order that only
    /// wants its subject, and says more than the title.
    opens: bool,
    /// It can follow the sentence before it in the mail.
    follows: bool,
    /// It says most of what the title says, and an editor says more.
    says_the_title: bool,
    /// It stands alone and tells the work or why it is done.
    tells_the_work: bool,
}

/// A mail's prose sentences, each scored as an editor's summary of a mail
/// whose subject's title is the topic: what the change does and why,
/// about the topic, early in the mail, of an editor's length; not the
/// series' history, a disclaimer, test results or a link.
pub struct Excerpts {
    sentences: Vec<Sentence>,
    /// The subject title's content stems.
    title_stems: Vec<String>,
}

impl Excerpts {
    pub fn read(body: &str, title: &str) -> Excerpts {
        let topic = crate::prose::content_words(title);
        let title_stems = crate::prose::content_stems(title);
        let brings_its_thing = brings_its_thing(title);
        // "This setting" under "introduce THP deferred setting": the title
        // names what a mail's demonstrative stands for, as a sentence
        // before it would.
        let title_named = title_as_named(title);
        let mut sentences = Vec::new();
        let (paragraphs, opens_the_mail) = prose_paragraphs(body);
        for (paragraph, text) in paragraphs.iter().enumerate() {
            let in_list = is_list(text);
            let text = joined(text);
            let split = sentences_of(&text)
                .into_iter()
                .flat_map(crate::prose::split_comma_splice);
            for (place, sentence) in split.enumerate() {
                // A cover letter's first "It aims to ..." or "This is ..."
                // is the series speaking.
                let sentence = crate::prose::the_order_in_lets(&sentence);
                let sentence = crate::prose::the_kernel_s_our(&sentence).unwrap_or(sentence);
                // "Fix this by adding X": the means says what the change does.
                let sentence = crate::prose::the_means_of_a_fix(&sentence).unwrap_or(sentence);
                let sentence = crate::prose::commits_said_plainly(&sentence).unwrap_or(sentence);
                // The text's first sentence goes on from the subject line.
                let sentence = if paragraph == 0 && place == 0 {
                    crate::prose::pointing_at_the_title(&sentence, &title_stems).unwrap_or(sentence)
                } else {
                    sentence
                };
                let sentence = if paragraph == 0 && place == 0 && opens_the_mail {
                    crate::prose::the_series_speaking(&crate::prose::with_its_capital(&sentence))
                } else {
                    sentence
                };
                // "such sequences", "the table", which a sentence just
                // before names.
                let sentence = {
                    let from = sentences.len().saturating_sub(ANTECEDENT_SENTENCES);
                    let earlier: Vec<&str> = sentences[from..]
                        .iter()
                        .filter(|s: &&Sentence| s.paragraph + 1 >= paragraph)
                        .map(|s| s.text.as_str())
                        .collect();
                    crate::prose::named_from_before(&sentence, &earlier)
                        .or_else(|| {
                            crate::prose::named_from_the_title(&sentence, &title_named, &earlier)
                        })
                        .unwrap_or(sentence)
                };
                // "This patchset resolves the issues. It delays X": the "It"
                // after the work's own sentence is the work too. Naming the
                // work says no more than the "It" did: the sentence weighs
                // as written.
                let written = sentence.clone();
                let after_the_work = place > 0
                    && sentences.last().is_some_and(|s: &Sentence| {
                        s.paragraph == paragraph
                            && crate::prose::Sentence::read(&s.text).the_work_is_the_subject()
                    });
                let sentence = if after_the_work && sentence.starts_with("It ") {
                    crate::prose::the_series_speaking(&sentence)
                } else {
                    sentence
                };
                let sentence = sentence.as_str();
                let read = crate::prose::Sentence::read(sentence);
                let without_clause = read.without_its_clause();
                // "Provide X to fix the boot problems.": the head stands.
                let without_purpose = read.without_its_purpose();
                let new = !read.repeats(title)
                    && ![&without_clause, &without_purpose].iter().any(|rest| {
                        rest.as_deref()
                            .is_some_and(|rest| crate::prose::Sentence::read(rest).repeats(title))
                    });
                // A commit message's order, alone or after a clause that
                // goes, says what the change does.
                let orders = read.is_clean_order()
                    || without_clause.is_some()
                    || read.splices_a_clean_order()
                    || without_purpose
                        .as_deref()
                        .is_some_and(|head| crate::prose::Sentence::read(head).is_clean_order());
                let words = sentence.matches(' ').count() + 1;
                let mut sentence = Sentence {
                    text: sentence.to_string(),
                    paragraph,
                    place,
                    in_list,
                    words,
                    score: 0.0,
                    opens: new
                        && !in_list
                        // "This series introduces X." says enough shorter.
                        && (words >= 8
                            || words >= 5 && starts_with_any(&sentence.to_lowercase(), SUBJECTS_OF_CHANGE))
                        && (read.stands_alone()
                            || read.stands_without_its_connective()
                            || orders
                            || without_purpose.is_some()),
                    follows: new && read.follows_on(),
                    says_the_title: read.says_most_of(&title_stems),
                    tells_the_work: read.stands_alone() && read.tells_the_work(title),
                };
                let as_written = Sentence {
                    text: written,
                    ..sentence.clone()
                };
                sentence.score = score(&as_written, &topic, brings_its_thing);
                if orders {
                    sentence.score += ORDER;
                }
                if read.says_only_its_condition(&title_stems) {
                    sentence.score = DISCARD;
                }
                sentences.push(sentence);
            }
        }
        Excerpts {
            sentences,
            title_stems,
        }
    }

    /// The best sentence that can open a summary, and the one after it
    /// when the first is short, verbatim, in at most `max_words` words.
    /// Empty when no sentence is worth keeping whole: a cut sentence is
    /// no summary.
    pub fn choose(&self, max_words: usize) -> Vec<String> {
        self.choose_within(max_words.max(1)).unwrap_or_default()
    }

    /// [`Excerpts::choose`] from the sentences that fit `max_words` whole;
    /// `None` when none does.
    pub fn choose_within(&self, max_words: usize) -> Option<Vec<String>> {
        let best = self.best(|s| s.words <= max_words)?;
        let first = &self.sentences[best];
        let mut chosen = vec![first.text.clone()];
        if first.words < SHORT_SENTENCE
            && let Some(next) = self.sentences.get(best + 1)
            && !next.in_list
            && first.words + next.words <= EDITOR_WORDS.min(max_words)
            && next.score >= FOLLOWS
            && next.follows
            && next.paragraph == first.paragraph
        {
            chosen.push(next.text.clone());
        } else if first.says_the_title
            && let said = [
                crate::prose::content_stems(&first.text),
                self.title_stems.clone(),
            ]
            .concat()
            && let Some(more) = self.best_from(best + 1, |s| {
                s.text != first.text
                    && says_more_than(&s.text, &said)
                    && s.tells_the_work
                    && s.paragraph <= MORE_FROM_PARAGRAPH
                    && s.score >= SECOND_CHOICE
                    && first.words + s.words <= max_words
            })
        {
            // "This series adds support for building the kernel with
            // Clang's LTO." says the heading again: the best sentence
            // after it that says more (why, how) goes with it; one before
            // it tells how things stand. The two may fill the cap the
            // reader set, past an editor's usual length: a heading said
            // again is what an editor rewrites.
            chosen.push(self.sentences[more].text.clone());
        }
        Some(chosen)
    }

    /// The same sentences, those `turned_down` kept from opening a summary;
    /// once any is, only a sentence scoring [`SECOND_CHOICE`] may open one.
    pub fn without(&self, turned_down: &[String]) -> Excerpts {
        Excerpts {
            sentences: self
                .sentences
                .iter()
                .map(|s| Sentence {
                    opens: s.opens
                        && !turned_down.contains(&s.text)
                        && (turned_down.is_empty() || s.score >= SECOND_CHOICE),
                    ..s.clone()
                })
                .collect(),
            title_stems: self.title_stems.clone(),
        }
    }

    /// Each sentence with its score and whether it can open a summary, in
    /// the mail's order: what `examples/read_sentences` shows.
    pub fn scored(&self) -> impl Iterator<Item = (&str, f64, bool)> {
        self.sentences
            .iter()
            .map(|s| (s.text.as_str(), s.score, s.opens))
    }

    /// The index of the best sentence worth keeping that `fits`.
    fn best(&self, fits: impl Fn(&Sentence) -> bool) -> Option<usize> {
        self.best_from(0, fits)
    }

    /// [`Excerpts::best`] of the sentences from the one at `from` on.
    fn best_from(&self, from: usize, fits: impl Fn(&Sentence) -> bool) -> Option<usize> {
        self.sentences
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(_, s)| s.score > DISCARD && s.opens && fits(s))
            .max_by(|a, b| a.1.score.total_cmp(&b.1.score).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }
}

/// How many sentences back a demonstrative's noun is looked for.
const ANTECEDENT_SENTENCES: usize = 3;

/// Whether `text` names three things or more that are not among `said`'s
/// content stems.
fn says_more_than(text: &str, said: &[String]) -> bool {
    let mut new: Vec<String> = crate::prose::content_stems(text)
        .into_iter()
        .filter(|w| !said.contains(w))
        .collect();
    new.sort();
    new.dedup();
    new.len() >= 3
}

/// A sentence that says more than the heading comes from the mail's first
/// paragraphs, up to this one (counted from 0), where the idea is told.
const MORE_FROM_PARAGRAPH: usize = 2;

/// What an order ("Add X", "To fix this, add X") is worth beside the
/// score: as much as opening with "This patch".
const ORDER: f64 = 1.5;

/// A sentence taken once a better one was turned down scores this much:
/// the rest are background and detail, which say less than a lead alone.
const SECOND_CHOICE: f64 = 2.0;

/// A sentence taken along after a short one scores this much: a detail
/// or an aside after it says less than the short one alone.
const FOLLOWS: f64 = 1.5;

/// A sentence scoring this or less says nothing an editor keeps.
const DISCARD: f64 = 0.0;

/// What a sentence is worth as the summary: what the change does and why,
/// about the subject's topic, early in the mail, of an editor's length;
/// not the series' history, a disclaimer, test results or a link. What
/// the title's thing is weighs more where the work brings that thing
/// (`brings_its_thing`).
fn score(sentence: &Sentence, topic: &[String], brings_its_thing: bool) -> f64 {
    let text = sentence.text.as_str();
    let lower = text.to_lowercase();
    let mut score = 0.0;
    // Where it stands: cover letters and commit messages lead with the idea.
    score += match sentence.paragraph {
        0 => 1.0,
        1 => 0.6,
        2 => 0.3,
        _ => 0.0,
    };
    if sentence.place == 0 {
        score += 0.4;
    }
    if sentence.in_list {
        score -= 1.0;
    }
    // About the topic.
    if !topic.is_empty() {
        let words: Vec<String> = crate::prose::words_of(text).collect();
        let shared = topic.iter().filter(|t| words.contains(t)).count();
        score += 2.0 * shared as f64 / topic.len().min(4) as f64;
    }
    // What the title's thing is: "KernelMemorySanitizer (KMSAN) is a
    // detector of ...", which an editor tells first.
    if brings_its_thing && defines_the_topic(text, topic) {
        score += DEFINITION;
    }
    // What the change does.
    if starts_with_any(&lower, SUBJECTS_OF_CHANGE) {
        score += 1.5;
    }
    if contains_any(&lower, ACTIONS) {
        score += 0.8;
    }
    // What an editor leaves out.
    if contains_any(&lower, HISTORY) || REVISION_MENTION.is_match(text) {
        score -= 2.0;
    }
    // The code's history: a reason where nothing else says one.
    if COMMIT_CITED.is_match(text) || lower.contains(crate::prose::words::AN_EARLIER_COMMIT) {
        score -= 1.0;
    }
    if contains_any(&lower, DISCLAIMERS) {
        score -= 1.5;
    }
    // Preparation and settings, where the title tells of other work.
    if crate::prose::is_groundwork(text, topic) {
        score -= 1.0;
    }
    if contains_any(&lower, RESULTS) {
        score -= 0.6;
    }
    if lower.contains("http") || lower.contains("://") {
        score -= 1.0;
    }
    if text.ends_with('?') {
        score -= 1.0;
    }
    if starts_with_any(&lower, ASIDES) {
        score -= 0.8;
    }
    // How things are before the change: background an editor may keep
    // when no sentence says what the change does.
    if starts_with_any(&lower, BACKGROUND)
        || BACKGROUND_PHRASES
            .iter()
            .any(|p| crate::prose::has_phrase(&lower, p))
        // "The kernel already provides X": the subject's verb, early.
        || lower.split_whitespace().take(4).any(|w| w == "already")
    {
        score -= 0.8;
    }
    // A fragment of a sentence the splitter cut: it opens with a
    // connective, not with a name of a thing (`kmemdump is ...`).
    if starts_with_any(&lower, FRAGMENT_OPENINGS) && text.starts_with(|c: char| c.is_lowercase()) {
        score -= 2.5;
    }
    // A list follows; the sentence only introduces it.
    if text.contains(": - ") || text.contains(": * ") || text.ends_with(':') {
        score -= 1.0;
    }
    // Unfinished: cut off, trailing away, or not a sentence at all.
    if !text.ends_with(['.', '!', '?', ')', '"', '`']) || text.ends_with("...") {
        score -= 1.0;
    }
    // Items enumerated inline (`1) a 2) b`, `1> a 2> b`).
    if enumerated_inline(text) {
        score -= 1.0;
    }
    // Not where the work is a default ("enable tracking by default").
    if contains_any(&lower, DEFAULTS) && !topic.iter().any(|t| t.starts_with("default")) {
        score -= 1.0;
    }
    if contains_any(&lower, HEDGES) {
        score -= 0.6;
    }
    // Narration in the first person, past the opening.
    if lower.contains(" i ") || lower.contains(" i'm ") || lower.contains(" i've ") {
        score -= 0.5;
    }
    score -= match sentence.words {
        0..=4 => 2.0,
        5..=7 => 0.8,
        8..=40 => 0.0,
        41..=60 => 0.6,
        _ => 1.2,
    };
    score
}

/// A title as a sentence naming its thing: "the THP deferred setting" for
/// "mm: introduce THP deferred setting".
fn title_as_named(title: &str) -> String {
    let topic = super::subject::topic_of(title);
    let thing = match topic.split_once(' ') {
        Some((verb, rest)) if crate::prose::lexicon::is_imperative(verb) => rest,
        _ => topic,
    };
    format!("the {thing}")
}

/// What a sentence that says what the title's thing is weighs.
const DEFINITION: f64 = 1.0;

/// Whether a title brings the thing it names ("Add FrobSanitizer", "Rust
/// support", "Device Memory TCP"), not changes one there already
/// ("userspace controls soft-offline pages", "drop protection_map[]",
/// "Improved memory tiers"), whose definition is only background: no
/// verb past its prefixes but one that creates.
fn brings_its_thing(title: &str) -> bool {
    use crate::prose::lexicon::{self, Form};
    let topic = super::subject::topic_of(title);
    let words: Vec<String> = topic.split_whitespace().map(str::to_lowercase).collect();
    // "Rust support", "Memory Tagging Extension user-space support".
    if words.last().is_some_and(|w| w == "support") {
        return true;
    }
    let order = |at: usize, forms: &[Form]| {
        words.get(at).is_some_and(|w| {
            lexicon::verb_of(w).is_some_and(|(base, form)| {
                forms.contains(&form) && !crate::prose::words::CREATING_VERBS.contains(&base)
            })
        })
    };
    // "drop X", "Improved X"; "userspace controls X": a verb right after
    // its subject, not a plural at the end ("Add FrobSanitizer hooks").
    !(order(0, &[Form::Base, Form::Past]) || words.len() > 2 && order(1, &[Form::Third]))
}

/// "KernelMemorySanitizer (KMSAN) is a detector of X", "Zacas and Zabha are
/// extensions that X": a name of a few words ("The OOM is a regression",
/// "This rework is a follow-up" name no thing) with a `topic` word in it,
/// "is" or "are" and an indefinite article; not a gathering.
fn defines_the_topic(text: &str, topic: &[String]) -> bool {
    use crate::prose::words::{COPULAS, DETERMINERS, GATHERING_KINDS, INDEFINITE_ARTICLES};
    let words: Vec<String> = crate::prose::words_of(text)
        .map(|w| w.to_lowercase())
        .collect();
    let Some(verb) = words.iter().position(|w| COPULAS.contains(&w.as_str())) else {
        return false;
    };
    // "KMSAN", "Page owner", "protection_map[]": a capital or a name of
    // the code opens it, and nothing before the verb but the name ("The
    // OOM", "Currently frob reclaim", "In practice a frob", "However,
    // frob" say no name).
    let first = text.split_whitespace().next().unwrap_or("");
    let subject = &words[..verb];
    let a_name = (first.starts_with(|c: char| c.is_uppercase()) || first.contains(['_', '(', '[']))
        && !text[..text.find(&format!(" {} ", words[verb])).unwrap_or(0)].contains(',')
        && !subject.iter().any(|w| {
            DETERMINERS.contains(&w.as_str())
                || crate::prose::words::is_preposition(w)
                || crate::prose::is_order_adverb(w)
                || crate::prose::words::CONNECTIVES.contains(&w.as_str())
        });
    // "LSF/MM/BPF is an invitation-only technical workshop": a gathering,
    // which its where and when tell better; the kind is the noun the
    // article opens ("a feature that helps track X" is none).
    let a_gathering = words
        .iter()
        .skip(verb + 2)
        .take_while(|w| !crate::prose::words::SAYS_WHICH.contains(&w.as_str()))
        .take(DEFINED_WORDS_AT_MOST)
        .any(|w| {
            GATHERING_KINDS.contains(&w.as_str())
                || crate::prose::words::GATHERING_WORDS.contains(&w.as_str())
        });
    (1..=DEFINED_WORDS_AT_MOST).contains(&verb)
        && a_name
        && words
            .get(verb + 1)
            .is_some_and(|w| INDEFINITE_ARTICLES.contains(&w.as_str()))
        && words[..verb].iter().any(|w| topic.contains(w))
        && !a_gathering
}

/// A thing a sentence defines is named in this many words at most.
const DEFINED_WORDS_AT_MOST: usize = 5;

fn starts_with_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| lower.starts_with(p))
}

fn contains_any(lower: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| lower.contains(p))
}

/// Whether a sentence numbers two or more items inline.
fn enumerated_inline(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| {
            w.len() <= 3
                && w.ends_with([')', '>'])
                && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && w.len() > 1
        })
        .count()
        >= 2
}

/// The paragraphs of the body that can hold prose, each as its lines.
/// The prose paragraphs of a mail, and whether the first opens its text:
/// no heading, list or code before it that its "This" may stand for.
fn prose_paragraphs(body: &str) -> (Vec<String>, bool) {
    let body = inline_commit_message(body).unwrap_or(body);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut text_before = false;
    let mut current = String::new();
    let mut in_changelog = false;
    // A blank line since the changelog's last header: "V4 -> V5:\nAdd X."
    // is an entry under its header, not the plain paragraph that ends it.
    let mut past_a_header = false;
    // A footnote (`[2]: text`) runs to the end of its paragraph.
    let mut in_footnote = false;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        if !current.trim().is_empty() {
            paragraphs.push(std::mem::take(current));
        }
        current.clear();
    };
    for line in body.lines() {
        let trimmed = line.trim_end();
        if ends_text(trimmed) {
            break;
        }
        if trimmed.starts_with('>')
            || trimmed.ends_with(':') && trimmed.len() < 200 && QUOTE_INTRO.is_match(trimmed)
        {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if trimmed.trim().is_empty() {
            flush(&mut current, &mut paragraphs);
            in_footnote = false;
            past_a_header = true;
            continue;
        }
        if in_footnote {
            continue;
        }
        if is_rule(trimmed) {
            // A setext underline: the line above was a section heading.
            if current.lines().count() == 1 {
                current.clear();
            }
            flush(&mut current, &mut paragraphs);
            continue;
        }
        let starts_paragraph = current.is_empty();
        // "Hi," and "Hello all," before the prose, after any in-body
        // From: line.
        if paragraphs.is_empty() && starts_paragraph && GREETING.is_match(trimmed.trim()) {
            continue;
        }
        // "This is v3 of the series which implements X" goes on to say what
        // the series does: no changelog's header.
        if starts_paragraph
            && CHANGELOG.is_match(trimmed)
            && crate::prose::the_version_introduced(trimmed.trim_start()).is_none()
        {
            in_changelog = true;
            past_a_header = false;
            continue;
        }
        if in_changelog {
            // A changelog runs on through its lists and indented notes; the
            // next plain paragraph ends it.
            // "v2: rebased" then "This series adds X": the work named
            // after a header that held its entry is prose; "Dropped X"
            // after it is the next entry.
            let names_the_work = starts_with_any(
                &trimmed.to_lowercase(),
                crate::prose::words::SERIES_OPENINGS,
            );
            if starts_paragraph
                && (past_a_header || names_the_work)
                && !BULLET.is_match(trimmed)
                && !trimmed.starts_with([' ', '\t'])
            {
                in_changelog = false;
            } else {
                continue;
            }
        }
        if is_upstream_note(trimmed) {
            continue;
        }
        if trimmed.contains(':') && TRAILER_LINE.is_match(trimmed)
            || (trimmed.contains('[') || trimmed.contains("http"))
                && REFERENCE_LINE.is_match(trimmed)
        {
            in_footnote = trimmed.trim_start().starts_with('[');
            continue;
        }
        if is_code(trimmed) {
            flush(&mut current, &mut paragraphs);
            text_before |= paragraphs.is_empty();
            continue;
        }
        current.push_str(trimmed.trim_start());
        current.push('\n');
        if trimmed.starts_with(' ') && starts_paragraph && !BULLET.is_match(trimmed) {
            // Indented first lines mark quoted output or code blocks.
            current.clear();
            text_before |= paragraphs.is_empty();
        }
    }
    flush(&mut current, &mut paragraphs);
    // Headings go. Under one that opens an example, a reproducer or a
    // test ("Example:", "Steps to reproduce:"), the steps and lists are
    // what someone runs, not what the change does; the first paragraph of
    // prose after them ends the section.
    let mut in_example = false;
    let mut kept = false;
    paragraphs.retain(|p| {
        if is_heading(p) {
            in_example = is_example_heading(p);
            // "KASAN support is challenging:" says something "This" may
            // stand for; a section's name ("Background") does not.
            text_before |=
                !kept && p.trim_end().ends_with(':') && p.split_whitespace().nth(2).is_some();
            return false;
        }
        if in_example {
            let steps = is_list(p)
                || sentences_of(&joined(p))
                    .first()
                    .is_some_and(|s| crate::prose::Sentence::read(s).is_imperative());
            in_example = steps;
            kept |= !steps;
            return !steps;
        }
        kept = true;
        true
    });
    // A sentence broken by a link line left out ("... the initial RFC\n
    // <link>\n\nand aims to ...") goes on in the next paragraph.
    let mut merged: Vec<String> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs {
        match merged.last_mut() {
            Some(last)
                if paragraph.starts_with(char::is_lowercase)
                    && !last.trim_end().ends_with(['.', '!', '?', ':'])
                    && !is_list(&paragraph) =>
            {
                last.push_str(&paragraph);
            }
            _ => merged.push(paragraph),
        }
    }
    let mut paragraphs = merged;
    // Sign-offs such as "Thanks,\nJane" close the prose.
    while let Some(last) = paragraphs.last() {
        if is_sign_off(last) {
            paragraphs.pop();
        } else {
            break;
        }
    }
    (paragraphs, !text_before)
}

/// A patch sent inline in a reply ("here is a follow up cleanup:"), as
/// `git format-patch` writes it (`From <sha> Mon Sep 17 00:00:00 2001`,
/// then `From:`, `Date:`, `Subject:`) or after a scissors line (`-- >8 --`):
/// its commit message is what the mail says.
fn inline_commit_message(body: &str) -> Option<&str> {
    let mut at = 0;
    let mut start = None;
    for line in body.split_inclusive('\n') {
        let text = line.trim_end();
        let unescaped = text.trim_start_matches('>');
        let format_patch =
            unescaped.starts_with("From ") && unescaped.ends_with(" Mon Sep 17 00:00:00 2001");
        if format_patch || SCISSORS.is_match(text) {
            start = Some(at + line.len());
            break;
        }
        at += line.len();
    }
    let mut rest = &body[start?..];
    // The patch's own header lines and the blank lines around them.
    let mut in_header = false;
    while let Some((line, after)) = rest.split_once('\n') {
        let line = line.trim_end();
        let header = ["From:", "Date:", "Subject:"]
            .iter()
            .any(|h| line.starts_with(h))
            || in_header && line.starts_with([' ', '\t']);
        if !line.is_empty() && !header {
            break;
        }
        in_header = header;
        rest = after;
    }
    (!rest.trim().is_empty()).then_some(rest)
}

/// `-- >8 --`, `---8<---`: where a patch starts inside a mail.
static SCISSORS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*-+ ?(?:>8|8<) ?-+\s*$").unwrap());

/// `commit 0123abcd… upstream.` and `[ Upstream commit 0123abcd… ]`: a
/// stable backport's note of where it comes from.
fn is_upstream_note(line: &str) -> bool {
    let lower = line.trim().to_ascii_lowercase();
    (lower.starts_with("commit ") && lower.trim_end_matches('.').ends_with(" upstream"))
        || lower.starts_with("[ upstream commit")
}

/// Lines after which a mail holds no more prose.
fn ends_text(line: &str) -> bool {
    line == "-- "
        || line == "--"
        || line == "---"
        || line.starts_with("diff --git ")
        || line.starts_with("base-commit:")
        || is_list_footer(line)
        || line.starts_with("The following changes since commit")
        // The regexes run on every line; cheap tests go first.
        || line.trim_end().ends_with(':') && SHORTLOG_HEAD.is_match(line)
        || line.starts_with([' ', '\t'])
            && (line.contains('|') || line.contains(" changed"))
            && DIFFSTAT.is_match(line)
}

/// The rule of underscores above the footer that Mailman lists append.
fn is_list_footer(line: &str) -> bool {
    line.len() >= 20 && line.bytes().all(|b| b == b'_')
}

/// The bytes that make a line look like code, as a table: every byte of
/// every line is looked up.
static CODE_SYMBOL: [bool; 256] = {
    let mut table = [false; 256];
    let symbols = b"{};=|$#+";
    let mut i = 0;
    while i < symbols.len() {
        table[symbols[i] as usize] = true;
        i += 1;
    }
    table
};

/// Indented or symbol-heavy lines: code, logs, command output.
fn is_code(line: &str) -> bool {
    if line.starts_with('\t') || line.starts_with("    ") && !BULLET.is_match(line) {
        return true;
    }
    // "[  134.290216] list_del corruption": the kernel's log, pasted.
    if KERNEL_LOG_LINE.is_match(line) {
        return true;
    }
    let symbols = line
        .bytes()
        .filter(|&b| CODE_SYMBOL[usize::from(b)])
        .count();
    symbols * 6 > line.len().max(1) && line.len() > 8
}

/// `=====`, `-----`, `*****`: underlines and rules.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '=' | '-' | '~' | '*' | '#' | '^' | '_'))
}

/// "Example:", "Steps to reproduce:", "Testing", "Before this patch:": a
/// label alone ("For example, the race would be:" introduces a diagram).
fn is_example_heading(heading: &str) -> bool {
    let label = heading
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    EXAMPLE_HEADINGS.contains(&label.as_str())
}

/// A lone short line without a sentence end: `Background`, `[PROBLEM]`.
fn is_heading(paragraph: &str) -> bool {
    let text = paragraph.trim();
    text.split_whitespace().nth(8).is_none()
        && !text.contains('\n')
        && !text.ends_with(['.', '!', '?', ','])
}

fn is_list(paragraph: &str) -> bool {
    BULLET.is_match(paragraph)
}

fn is_sign_off(paragraph: &str) -> bool {
    let lines: Vec<&str> = paragraph.lines().collect();
    let first = lines
        .first()
        .map_or(String::new(), |l| l.trim().to_ascii_lowercase());
    let closing = crate::prose::words::SIGN_OFFS.iter().any(|w| {
        first.starts_with(w) && first[w.len()..].starts_with([',', '.', '!', ' ']) || first == *w
    });
    let bare_name = lines.len() == 1
        && first.split_whitespace().nth(3).is_none()
        && !first.ends_with(['.', '!', '?']);
    lines.len() <= 3 && paragraph.split_whitespace().nth(8).is_none() && (closing || bare_name)
}

/// One paragraph as a single line, inline `[1]` references dropped, words
/// hyphenated across lines (`application-` / `specific`) mended.
fn joined(paragraph: &str) -> String {
    let mut text = String::with_capacity(paragraph.len());
    for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let hyphenated = text.ends_with('-')
            && text[..text.len() - 1].ends_with(|c: char| c.is_alphabetic())
            && line.starts_with(|c: char| c.is_lowercase());
        if !text.is_empty() && !hyphenated {
            text.push(' ');
        }
        text.push_str(line);
    }
    // Runs of white space become one space; most text has none to fold.
    let single_spaced =
        text.is_ascii() && !text.contains(['\t', '\r', '\x0b', '\x0c']) && !text.contains("  ");
    if !single_spaced {
        text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if !text.contains('[') {
        return text;
    }
    INLINE_REFERENCE.replace_all(&text, "").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The prose of a body, as one line.
    fn prose(body: &str) -> String {
        prose_sentences(body).join(" ")
    }

    #[test]
    fn greeting_and_changelog_are_skipped() {
        let body = "Hi all,\n\nThis series adds foo. It makes bar faster.\n\nChanges since v2:\n- renamed baz\n- fixed a leak\n\nv1 -> v2:\n - more\n";
        assert_eq!(prose(body), "This series adds foo. It makes bar faster.");
    }

    #[test]
    fn changelog_first_then_description() {
        let body = "Changes in v3:\n - a\n - b\n\nThis patchset introduces a new flag.\n";
        assert_eq!(prose(body), "This patchset introduces a new flag.");
    }

    #[test]
    fn what_the_title_s_thing_is_comes_before_what_the_series_lets_one_do() {
        let body = "FrobSanitizer (FSAN) is a detector of uses of stale frob handles.\n\n\
                    This series lets one boot a defconfig kernel with FSAN under QEMU \
                    without false positives.\n";
        let chosen = Excerpts::read(body, "Add FrobSanitizer infrastructure").choose(40);
        assert_eq!(
            chosen,
            ["FrobSanitizer (FSAN) is a detector of uses of stale frob handles."]
        );
    }

    #[test]
    fn what_a_thing_there_already_is_weighs_no_more() {
        let body = "FrobSanitizer (FSAN) is a detector of uses of stale frob handles.\n\n\
                    This series lets one boot a defconfig kernel with FSAN under QEMU \
                    without false positives.\n";
        for title in [
            "userspace controls FrobSanitizer",
            "fsan: drop FrobSanitizer reports",
        ] {
            let chosen = Excerpts::read(body, title).choose(40);
            assert_eq!(
                chosen,
                [
                    "This series lets one boot a defconfig kernel with FSAN under QEMU without \
                  false positives."
                ],
                "{title}"
            );
        }
        assert!(brings_its_thing("Add FrobSanitizer infrastructure"));
        assert!(brings_its_thing("fsan: Add FrobSanitizer hooks"));
        assert!(brings_its_thing("Rust support"));
        assert!(brings_its_thing(
            "arm64: Memory Tagging Extension user-space support"
        ));
        assert!(!brings_its_thing("Improved frob tiers for CPUless nodes"));
        // The title's old name is no part of it, nor a colon in the topic.
        assert!(brings_its_thing(
            "mm: Add FrobSanitizer hooks (was: mm: frob: improve debugging)"
        ));
        assert!(!brings_its_thing("frob: fix the OOM: take the lock"));
    }

    #[test]
    fn a_sentence_naming_no_thing_is_no_definition() {
        let topic = crate::prose::content_words("frob: fix the OOM after the frob rework");
        for text in [
            "The OOM is a regression from an earlier frob commit.",
            "This frob rework is a follow-up to the earlier cleanup.",
        ] {
            assert!(!defines_the_topic(text, &topic), "{text}");
        }
        for text in [
            "Unfortunately the OOM is a regression from an earlier frob commit.",
            "Currently frob reclaim is a bottleneck on large machines.",
            "However, frob is a poor fit for small machines.",
            "In practice a frob is a rare event.",
        ] {
            let topic = crate::prose::content_words("frob: speed up frob reclaim");
            assert!(!defines_the_topic(text, &topic), "{text}");
        }
        let topic = crate::prose::content_words("Add frob owner tracking");
        assert!(defines_the_topic(
            "Frob owner is a debugging feature that helps track who took each frob.",
            &topic
        ));
    }

    #[test]
    fn a_gathering_s_definition_weighs_no_more() {
        let topic = crate::prose::content_words("Frob Summit: Call for Proposals");
        assert!(!defines_the_topic(
            "Frob Summit is an invitation-only technical workshop on frobs.",
            &topic
        ));
        assert!(!defines_the_topic(
            "Frob Summit is an annual gathering of frob developers.",
            &topic
        ));
    }

    #[test]
    fn differences_to_an_earlier_version_are_changelog() {
        let body = "This series adds a frob cache.\n\nDifferences to v2:\n\
                    Drop the embedded frob bitmaps.\n\nDelta from v1: Share the frob tags.\n";
        assert_eq!(prose(body), "This series adds a frob cache.");
    }

    #[test]
    fn a_changelog_header_holding_its_entry_lets_the_prose_after_it_be() {
        let body = "v2: rebased on v6.9-rc1\nThis series adds a frob cache to speed up lookups.\n";
        assert_eq!(
            prose(body),
            "This series adds a frob cache to speed up lookups."
        );
    }

    #[test]
    fn a_changelog_entry_wrapped_under_a_header_holding_it_is_changelog() {
        let body = "This series adds a frob cache.\n\nv2: Move the frob helper into frob.c \
                    and drop the\nunused frob_put() as Jane suggested.\n\nChanges in v3: \
                    rebased on v6.9-rc1\nDropped the frob helper that was merged.\n";
        assert_eq!(prose(body), "This series adds a frob cache.");
    }

    #[test]
    fn since_a_name_in_v_and_digits_is_no_changelog() {
        let body = "Since v4l2 has no frob support, this series adds it to the core.\n";
        assert_eq!(
            prose(body),
            "Since v4l2 has no frob support, this series adds it to the core."
        );
    }

    #[test]
    fn updates_to_a_name_in_v_and_digits_are_no_changelog() {
        let body = "Updates to v4l2 core are needed so that frob devices can stream.\n";
        assert_eq!(
            prose(body),
            "Updates to v4l2 core are needed so that frob devices can stream."
        );
    }

    #[test]
    fn a_changelog_entry_on_the_line_under_its_header_is_changelog() {
        let body = "This series adds a frob cache.\n\nV1 -> V2:\nAdd a comment for the \
                    fallback.\n\nV2 -> V3:\n1, Fix the build;\nand drop a helper.\n";
        assert_eq!(prose(body), "This series adds a frob cache.");
    }

    #[test]
    fn quoted_text_and_attribution_are_skipped() {
        let body = "On Mon, Jan 1, 2024 at 10:00 AM Jane <j@x.org> wrote:\n> old text\n\nI agree with this.\n";
        assert_eq!(prose(body), "I agree with this.");
    }

    #[test]
    fn commit_message_stops_at_the_patch() {
        let body = "Make foo faster.\n\nSigned-off-by: A <a@x.org>\n---\n mm/foo.c | 2 +-\n\ndiff --git a/mm/foo.c b/mm/foo.c\n";
        assert_eq!(prose(body), "Make foo faster.");
    }

    #[test]
    fn cover_letter_stops_at_shortlog_and_diffstat() {
        let body = "Idea here.\n\nJane Doe (2):\n  mm: one\n  mm: two\n\n mm/foo.c | 2 +-\n";
        assert_eq!(prose(body), "Idea here.");
    }

    #[test]
    fn references_and_signature_are_dropped() {
        let body = "See the discussion [1] for details.\n\n[1] https://lore.kernel.org/r/a@b\n\nThanks,\nJane\n-- \nsig\n";
        assert_eq!(prose(body), "See the discussion for details.");
    }

    #[test]
    fn mailing_list_footers_are_dropped() {
        let body = "The counter has had no reader since v5.19.\n\n\
                    _______________________________________________\n\
                    linux-arm-kernel mailing list\n\
                    linux-arm-kernel@lists.infradead.org\n";
        assert_eq!(prose(body), "The counter has had no reader since v5.19.");
    }

    #[test]
    fn section_headings_are_dropped() {
        let body = "Code tagging framework\n======================\nCode tag is a structure.\n\n[PROBLEM STATEMENT]\n\nMore text.\n";
        assert_eq!(prose(body), "Code tag is a structure. More text.");
    }

    #[test]
    fn words_hyphenated_across_lines_are_mended() {
        assert_eq!(
            prose("An application-\nspecific structure.\n"),
            "An application-specific structure."
        );
    }

    #[test]
    fn flowed_lines_are_joined() {
        assert_eq!(
            prose("This is one \nsentence over \nlines.\n"),
            "This is one sentence over lines."
        );
    }

    #[test]
    fn a_sentence_over_the_limit_is_left_out_not_cut() {
        let got = Excerpts::read("This patch adds a b c d e f g h.", "").choose(3);
        assert!(got.is_empty(), "{got:?}");
    }

    /// What `text` scores as the second sentence of a mail's first
    /// paragraph, on no topic.
    fn scored(text: &str) -> f64 {
        score(
            &Sentence {
                text: text.into(),
                paragraph: 0,
                place: 1,
                in_list: false,
                words: text.split_whitespace().count(),
                score: 0.0,
                opens: true,
                follows: true,
                says_the_title: false,
                tells_the_work: true,
            },
            &[],
            true,
        )
    }

    #[test]
    fn a_main_clause_saying_only_its_condition_is_never_chosen() {
        let said = |body: &str| Excerpts::read(body, "frob: per-cgroup frob control").choose(40);
        assert!(
            said(
                "After the administrator enables frob for a cgroup, frob for that cgroup is \
                  enabled.\n"
            )
            .is_empty()
        );
        assert!(
            !said(
                "After the administrator enables frob for a cgroup, the cgroup's pages are \
                   moved to its home node.\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_reason_then_the_title_s_work_is_no_condition_said_again() {
        let chosen = Excerpts::read(
            "Since the frob lock is heavily contended on large machines, the frob lock is \
             converted to RCU.\n",
            "frob: convert frob lock to RCU",
        )
        .choose(40);
        assert_eq!(chosen.len(), 1);
    }

    #[test]
    fn code_moved_into_a_helper_is_preparation() {
        let refactor = "In mm/frob.c, break the logic to install PTEs out of frob_pte, into a \
                        separate helper function.";
        let fix = "In frob_fill, look up the existing page in the page cache and install its \
                   PTE for it.";
        assert!(scored(refactor) + 0.5 < scored(fix));
        let with_its_fix = "Factor the refcount drop out into a separate helper and take the \
                            lock in it, which fixes the use-after-free.";
        let without = "Factor the refcount drop out into a separate helper and take the lock \
                       in it, which keeps the count right.";
        assert!(scored(with_its_fix) > scored(without) + 0.5);
    }

    #[test]
    fn a_setting_that_builds_the_work_is_a_side_detail() {
        let setting = "The series introduces a new frob config option CONFIG_FROB_SHADOW_STACK.";
        let work = "The series introduces a new frob shadow stack for every user task.";
        assert!(scored(setting) + 0.5 < scored(work));
        assert!(
            scored("Module parameter always_frob is introduced for the frob checks.") + 0.5
                < scored("A frob check is introduced for the frob buffers.")
        );
    }

    #[test]
    fn a_setting_told_with_what_it_does_is_the_work() {
        use crate::prose::is_groundwork;
        let topic = |title: &str| crate::prose::words_of(title).collect::<Vec<_>>();
        let strict = topic("frob: refuse unsigned modules when strict");
        for told in [
            "This series adds a Kconfig option CONFIG_FROB_STRICT that makes frob refuse \
             unsigned modules.",
            "A new module parameter frob.ratio lets users tune how much memory frob pins.",
            "Add CONFIG_FROB_STRICT to refuse unsigned modules.",
            "If CONFIG_FROB_STRICT is enabled, frob refuses unsigned modules.",
        ] {
            assert!(!is_groundwork(told, &strict), "{told}");
        }
        for setting in [
            "The series introduces a new config option CONFIG_FROB_STRICT.",
            "Architectures must define CONFIG_FROB_STRICT and update their calls to pass the \
             flag.",
        ] {
            assert!(is_groundwork(setting, &strict), "{setting}");
        }
    }

    #[test]
    fn a_setting_the_title_names_is_the_work() {
        use crate::prose::is_groundwork;
        let topic = |title: &str| crate::prose::words_of(title).collect::<Vec<_>>();
        let sentence = "The series introduces a new config option CONFIG_FROB_STRICT.";
        assert!(!is_groundwork(
            sentence,
            &topic("frob: Add CONFIG_FROB_STRICT")
        ));
        assert!(!is_groundwork(
            sentence,
            &topic("frob: make strict mode an option")
        ));
    }

    #[test]
    fn a_configfs_name_is_no_setting() {
        let topic: Vec<String> = crate::prose::words_of("usb: frob gadget rework").collect();
        assert!(!crate::prose::is_groundwork(
            "The series converts the frob gadget to config_group.",
            &topic
        ));
    }

    #[test]
    fn a_sentence_citing_a_commit_weighs_less() {
        assert!(
            scored("The callback was removed by commit 3222d8c2a7f8 from the block layer.")
                < scored("The callback was removed by the rework of the block layer.")
        );
    }

    #[test]
    fn what_a_document_requires_is_background() {
        assert!(
            scored("Per the spec, a fence is needed after the page tables change.")
                < scored("With the spec, a fence is needed after the page tables change.")
        );
    }

    #[test]
    fn what_the_kernel_already_does_is_background() {
        assert!(
            scored("The kernel already reports page migrations in the memory.stat file.")
                < scored("The kernel then reports page migrations in the memory.stat file.")
        );
    }

    #[test]
    fn a_state_the_change_tests_for_is_no_background() {
        assert_eq!(
            scored("This series skips the TLB flush when the page is already clean."),
            scored("This series skips the TLB flush when the page is clean and mapped.")
        );
    }

    #[test]
    fn what_was_done_long_ago_is_history() {
        assert!(
            scored("An attempt was made long ago to report the features in one word.")
                < scored("An attempt was made in the rework to report the features in one word.")
        );
    }

    #[test]
    fn work_not_up_to_standards_is_a_disclaimer() {
        assert!(
            scored("The coding style is not up to the kernel standards in places.")
                < scored("The coding style is close to the kernel standards in places.")
        );
    }

    #[test]
    fn what_the_change_does_wins_over_the_series_history() {
        let body = "For some reason, I didn't get an email when v5 was dropped from \
                    linux-next. So here's v6.\n\nThis patchset converts the page table \
                    setup functions to take a range of entries.\n";
        assert_eq!(
            Excerpts::read(body, "New page table range API").choose(40),
            ["This patchset converts the page table setup functions to take a range of entries."]
        );
    }

    #[test]
    fn a_noun_phrase_without_a_verb_is_never_chosen() {
        let body = "The 20th version of the secret memory patchset.\n\n\
                    An attempt to get away from the multiplex syscall.\n";
        assert!(Excerpts::read(body, "secret memory").choose(40).is_empty());
    }

    #[test]
    fn a_list_of_cleanups_without_a_verb_is_never_chosen() {
        let body = "Some cleanups around the memory hotplug code, including its config options.\n";
        assert!(Excerpts::read(body, "hotplug").choose(40).is_empty());
    }

    #[test]
    fn a_plural_subject_with_its_base_verb_is_a_sentence() {
        let body = "The patches add support for large folios to the swap cache code.\n";
        assert!(!Excerpts::read(body, "swap").choose(40).is_empty());
    }

    #[test]
    fn the_rest_of_a_cut_sentence_is_never_chosen() {
        let body = "calls returning a handle which is then passed to the put function.\n";
        assert!(Excerpts::read(body, "handles").choose(40).is_empty());
    }

    #[test]
    fn a_disclaimer_is_passed_over() {
        let body = "This is a VERY EARLY version of the idea, it's relatively untested.\n\n\
                    This series adds flags to process_madvise() that change how it treats \
                    the ranges it is given.\n";
        let chosen = Excerpts::read(body, "add process_madvise() flags").choose(40);
        assert!(
            chosen[0].starts_with("This series adds flags"),
            "{chosen:?}"
        );
    }

    #[test]
    fn how_things_are_now_gives_way_to_what_the_change_does() {
        let body = "Currently, most 64-bit architectures support a compat mode for widgets.\n\n\
                    Widgets on arm64 add the compat mode from a shared helper function.\n";
        let chosen = Excerpts::read(body, "add compat mode for widgets").choose(40);
        assert!(chosen[0].starts_with("Widgets on arm64"), "{chosen:?}");
    }

    #[test]
    fn a_default_told_gives_way_to_what_the_change_does() {
        let body = "By default, the frob tracking is off for every process of the system.\n\n\
                    The frob tracking records which task first mapped each page of a file.\n";
        let chosen = Excerpts::read(body, "frob tracking").choose(40);
        assert!(
            chosen[0].starts_with("The frob tracking records"),
            "{chosen:?}"
        );
    }

    #[test]
    fn a_part_of_a_title_s_identifier_alone_is_no_title_said_again() {
        let body = "The flag maps the frob at a fixed address of the caller's choosing.\n";
        assert!(
            !Excerpts::read(body, "mm: add MAP_FROB_FIXED flag")
                .choose(40)
                .is_empty()
        );
    }

    #[test]
    fn a_default_the_work_makes_is_what_it_does() {
        let body = "Frob tracking records which task first mapped each page of a file.\n\n\
                    Frob tracking is now enabled by default on every architecture that has it.\n";
        let chosen = Excerpts::read(body, "frob: enable tracking by default").choose(40);
        assert!(chosen[0].contains("enabled by default"), "{chosen:?}");
    }

    #[test]
    fn a_title_s_identifier_said_as_words_is_the_title_said_again() {
        let body = "This series converts frobnix to generic FROBDUMP.\n";
        assert!(
            Excerpts::read(body, "Convert frobnix to GENERIC_FROBDUMP")
                .choose(40)
                .is_empty()
        );
    }

    #[test]
    fn an_order_that_adds_to_another_does_not_open_a_summary() {
        let body = "Also expose the node as a sysfs attribute of the frob device.
";
        assert!(
            Excerpts::read(body, "add frob_dev_to_node")
                .choose(40)
                .is_empty()
        );
    }

    #[test]
    fn what_the_change_will_make_possible_can_open_a_summary() {
        let body = "Now frob drivers will be able to allocate memory near the device.
";
        assert_eq!(
            Excerpts::read(body, "add frob_dev_to_node").choose(40),
            ["Now frob drivers will be able to allocate memory near the device."]
        );
    }

    #[test]
    fn how_things_are_opened_by_now_does_not_open_a_summary() {
        let body = "Now, frob balancing can only place pages on the nodes of one socket.
";
        assert!(Excerpts::read(body, "frob balancing").choose(40).is_empty());
    }

    #[test]
    fn a_changelog_is_never_the_summary() {
        let body = "v2 -> v3:\n - Fixed SPARC build issue detected by the robot\n\n\
                    Changes since v1:\n - renamed the counters\n\n\
                    This series makes IOMMU page table memory visible and limitable through cgroups.\n";
        let chosen = Excerpts::read(body, "IOMMU memory observability").choose(40);
        assert_eq!(
            chosen,
            ["This series makes IOMMU page table memory visible and limitable through cgroups."]
        );
    }

    #[test]
    fn a_version_introduction_that_goes_on_is_no_changelog() {
        let body = "Hello,\n\nthis is a v3 of the patch series which teaches the frob allocator to\n\
                    keep a free list per node.\n\nChanges since v2:\n- rebased\n";
        assert_eq!(
            Excerpts::read(body, "Frob allocator rework").choose(40),
            ["This series teaches the frob allocator to keep a free list per node."]
        );
    }

    #[test]
    fn the_sentence_after_a_greeting_starts_with_its_capital() {
        let body = "Hi all,\n\nthis series moves the duplicated checksum code into one layer.\n";
        assert_eq!(
            Excerpts::read(body, "Consolidate checksumming").choose(40),
            ["This series moves the duplicated checksum code into one layer."]
        );
    }

    #[test]
    fn an_adverb_after_a_greeting_starts_with_its_capital() {
        let body = "Hi all,\n\ncurrently the page cache annotations live in the block layer.\n";
        assert_eq!(
            Excerpts::read(body, "Improve annotations").choose(40),
            ["Currently the page cache annotations live in the block layer."]
        );
    }

    #[test]
    fn a_comma_splices_first_clause_is_a_sentence_of_its_own() {
        let body = "Many workloads end up with more huge pages than they use. This series \
                    introduces a deferred mode, this mode leaves huge pages to the \
                    background collapse.\n";
        assert_eq!(
            Excerpts::read(body, "Introduce the deferred THP setting").choose(40),
            ["This series introduces a deferred mode."]
        );
    }

    #[test]
    fn a_short_sentence_naming_the_work_can_open() {
        let body = "The counters are read on every fault. This patch caches the counters.\n";
        assert_eq!(
            Excerpts::read(body, "Speed up page faults").choose(40),
            ["This patch caches the counters."]
        );
    }

    #[test]
    fn a_posting_sent_before_is_history() {
        assert!(
            scored("A version of the main allocator cleanup was previously sent separately.")
                < scored("A version of the main allocator cleanup was merged into the tree.")
        );
    }

    #[test]
    fn a_sentence_ending_where_its_link_was_is_never_chosen() {
        let body = "The whole series with the driver changes can be pulled for testing from [1].\n\n\
                    [1] https://git.kernel.org/pub/scm/linux/kernel/git/a/b.git\n";
        assert!(
            Excerpts::read(body, "Compat ioctl cleanup")
                .choose(40)
                .is_empty()
        );
    }

    #[test]
    fn a_short_sentence_takes_the_next_one_along() {
        let body = "This series adds profiling that costs little at run time. It counts every \
                    allocation by its call site, cheaply enough for production kernels.\n";
        assert_eq!(
            Excerpts::read(body, "Memory allocation profiling")
                .choose(40)
                .len(),
            2
        );
    }

    #[test]
    fn a_short_sentence_takes_along_only_a_next_one_that_says_enough() {
        let body = "This series adds profiling that costs little at run time. It keeps a \
                    counter in every slab page and frees it with the page.\n";
        assert_eq!(
            Excerpts::read(body, "Memory allocation profiling").choose(40),
            ["This series adds profiling that costs little at run time."]
        );
    }

    #[test]
    fn the_steps_under_an_example_heading_are_not_the_change() {
        let body = "The allocator picks a victim from the whole system on every node.\n\n\
                    Example:\n\nCreate two processes bound to two nodes by their cpusets.\n\n\
                    With the patch, the victim comes from the cpuset that ran out.\n";
        assert_eq!(
            prose_sentences(body),
            [
                "The allocator picks a victim from the whole system on every node.",
                "With the patch, the victim comes from the cpuset that ran out."
            ]
        );
    }

    #[test]
    fn what_the_work_still_lacks_is_a_disclaimer() {
        assert!(
            scored("The big thing that is still missing is the wakeup of remote idle CPUs.")
                < scored("The big thing that is now covered is the wakeup of remote idle CPUs.")
        );
    }

    #[test]
    fn a_patch_sent_inline_in_a_reply_is_read_from_its_commit_message() {
        let body = "> Could this be simpler?\n\nIt could. Anyway, here is a follow up:\n---\n\
            >From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001\n\
            From: Jane Doe <jane@example.org>\nDate: Thu, 1 Dec 2022 10:00:00 +0100\n\
            Subject: [PATCH] mm/widget: check the policy first\n for the home node\n\n\
            The widget code copies a policy before it checks whether the policy applies at all.\n\n\
            Signed-off-by: Jane Doe <jane@example.org>\n---\n mm/widget.c | 2 +-\n";
        let sentences = prose_sentences(body);
        assert_eq!(
            sentences,
            ["The widget code copies a policy before it checks whether the policy applies at all."]
        );
    }

    #[test]
    fn a_patch_after_scissors_is_read_from_its_commit_message() {
        let body = "Something like this?\n\n-- >8 --\nSubject: [PATCH] mm: fix it\n\n\
            The counter is read twice without a lock held.\n";
        assert_eq!(
            prose_sentences(body),
            ["The counter is read twice without a lock held."]
        );
    }

    #[test]
    fn a_mail_with_nothing_worth_keeping_gives_nothing() {
        assert!(Excerpts::read("Thanks!\n", "x").choose(40).is_empty());
        assert!(Excerpts::read("", "x").choose(40).is_empty());
    }

    /// The sentences of `body` as read under a tracing title.
    fn read_under_a_title(body: &str) -> Vec<String> {
        Excerpts::read(body, "tracing: find room for buffers")
            .scored()
            .map(|(t, _, _)| t.to_string())
            .collect()
    }

    #[test]
    fn a_this_after_a_heading_left_out_is_not_the_series() {
        let body = "Tracing on this machine is hard:\n\n    \
                    echo 1 > /sys/kernel/tracing/tracing_on\n\n\
                    This makes finding room for the buffers challenging.\n";
        assert_eq!(
            read_under_a_title(body),
            ["This makes finding room for the buffers challenging."]
        );
    }

    #[test]
    fn a_this_after_a_section_name_is_the_series() {
        assert_eq!(
            read_under_a_title("Background\n\nThis makes finding room for the buffers easy.\n"),
            ["This series makes finding room for the buffers easy."]
        );
    }

    #[test]
    fn a_this_that_opens_the_mail_is_the_series() {
        assert_eq!(
            read_under_a_title("This makes finding room for the buffers easy.\n"),
            ["This series makes finding room for the buffers easy."]
        );
    }

    #[test]
    fn this_before_a_plural_and_its_verb_opening_the_mail_is_not_made_the_series() {
        assert_eq!(
            read_under_a_title("This patches would like to add a frob helper.\n"),
            ["This patches would like to add a frob helper."]
        );
    }

    #[test]
    fn an_order_whose_purpose_only_points_back_can_open() {
        let body = "Otherwise it causes boot failures.\n\n\
                    Provide the right helpers for both page table layouts to fix the boot problems.\n";
        let chosen = Excerpts::read(body, "mm: fix the table walk").choose(40);
        assert_eq!(
            chosen,
            ["Provide the right helpers for both page table layouts to fix the boot problems."]
        );
    }

    #[test]
    fn a_demonstrative_a_sentence_before_names_takes_that_name() {
        let body = "Most of the frob overhead comes from the spin_lock_irqsave() sequences \
                    in the charge path.\n\n\
                    This series tries to remove such sequences from the common case.\n";
        let chosen = Excerpts::read(body, "frob: reduce charge overhead").choose(40);
        assert_eq!(
            chosen,
            ["This series tries to remove the spin_lock_irqsave() sequences from the common case."]
        );
    }

    #[test]
    fn a_sentence_that_says_the_title_again_takes_one_that_says_more() {
        let body = "This series adds support for building the kernel with frob \
                    link-time folding.\n\n\
                    The primary motivation for frob folding is to let the kernel \
                    check indirect calls at run time.\n";
        let chosen = Excerpts::read(body, "Add support for frob folding").choose(40);
        assert_eq!(
            chosen,
            [
                "This series adds support for building the kernel with frob link-time folding.",
                "The primary motivation for frob folding is to let the kernel check indirect \
                 calls at run time."
            ]
        );
    }

    #[test]
    fn a_sentence_that_says_more_than_the_title_takes_no_other_along() {
        let body = "This series lets the frob driver keep its queues across resets, so \
                    that no request is lost.\n\n\
                    The primary motivation for frob queues is to let the driver \
                    recover at run time.\n";
        let chosen = Excerpts::read(
            body,
            "frob: keep queues in a spare ring over firmware updates",
        )
        .choose(40);
        assert_eq!(chosen.len(), 1, "{chosen:?}");
    }

    #[test]
    fn the_kernel_s_log_pasted_is_no_prose() {
        let body = "Running the frob test, the kernel crashed:\n\n\
                    [  134.290216] list_del corruption. prev->next should be ffff, but was dead.\n\
                    [  134.290877] kernel BUG at lib/list_debug.c:62!\n\n\
                    The patch takes the frob lock before the list is walked.\n";
        assert_eq!(
            prose(body),
            "The patch takes the frob lock before the list is walked."
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences_of("Use e.g. foo. Then bar."),
            ["Use e.g. foo.", "Then bar."]
        );
    }

    #[test]
    fn a_demonstrative_takes_the_name_the_title_gives() {
        let body = "This series adds enabled=defer to frob pages.\n\n\
                    This setting acts as a middle ground between always and never.\n";
        let excerpts = Excerpts::read(body, "mm: introduce frob deferred setting");
        let sentences: Vec<&str> = excerpts.scored().map(|(text, _, _)| text).collect();
        assert_eq!(
            sentences[1],
            "The frob deferred setting acts as a middle ground between always and never."
        );
    }

    #[test]
    fn an_it_after_the_work_s_own_sentence_is_the_work() {
        let body = "This patchset resolves the issues. It delays the frob setup until the \
                    firmware tables are read, so no user has to step in.\n";
        let excerpts = Excerpts::read(body, "Improved frob setup for CPUless nodes");
        let sentences: Vec<&str> = excerpts.scored().map(|(text, _, _)| text).collect();
        assert_eq!(
            sentences[1],
            "This series delays the frob setup until the firmware tables are read, so no user \
             has to step in."
        );
        let after_a_thing = Excerpts::read(
            "The frob cache holds every mapping. It delays the frob setup.\n",
            "frob: rework",
        );
        let kept: Vec<&str> = after_a_thing.scored().map(|(text, _, _)| text).collect();
        assert_eq!(kept[1], "It delays the frob setup.");
    }

    #[test]
    fn a_name_in_mixed_case_starts_a_sentence() {
        assert_eq!(
            sentences_of("It adds mFROB support to the frobd. mFROB support needs it."),
            [
                "It adds mFROB support to the frobd.",
                "mFROB support needs it."
            ]
        );
        assert_eq!(sentences_of("Use e.g. eBPF here."), ["Use e.g. eBPF here."]);
        assert_eq!(
            sentences_of("This fixes it. mFROB, however, is next."),
            ["This fixes it.", "mFROB, however, is next."]
        );
        assert_eq!(
            sentences_of("It uses the ops, incl. iSCSI and NVMe."),
            ["It uses the ops, incl. iSCSI and NVMe."]
        );
    }

    proptest::proptest! {
        #[test]
        fn joining_folds_white_space_as_splitting_on_it_did(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "word", "Word.", " ", "  ", "\t", "\r", "\x0b", "\x0c", "\u{a0}", "\n", "[1]",
                "é", "-",
            ][..]), 0..40),
        ) {
            let paragraph = pieces.concat();
            let mut expected = String::new();
            for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let hyphenated = expected.ends_with('-')
                    && expected[..expected.len() - 1].ends_with(|c: char| c.is_alphabetic())
                    && line.starts_with(|c: char| c.is_lowercase());
                if !expected.is_empty() && !hyphenated {
                    expected.push(' ');
                }
                expected.push_str(line);
            }
            let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected = INLINE_REFERENCE.replace_all(&expected, "").into_owned();
            proptest::prop_assert_eq!(joined(&paragraph), expected);
        }
    }
}
