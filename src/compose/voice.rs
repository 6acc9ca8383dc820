//! The editor's voice: the author's chosen sentences turned into a news
//! line, in the third person, saying which revision it is and who posted
//! what, as the editors of the seed post write.

use super::Kind;
use crate::parse::subject::{Announced, Announcement};
use crate::parse::summary::Excerpts;
use crate::prose::words::{
    GREETING_PREFIX, NEGATIONS, REVISION_NOUNS, SERIES_OPENINGS, TIME_BOUND, WORK_OPENINGS,
};
use crate::prose::{self, article, first_name, lexicon, match_case, numeric_ordinal, ordinal};

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
    /// For a gathering's announcement, what it announces, and whether it
    /// is a reminder sent again.
    pub announces: Option<&'a crate::parse::subject::Announcement>,
    pub reminder: bool,
}

/// The summary: the author's best sentences in the editor's voice, led
/// where the editor would lead, in at most `max_words` words. Where a lead
/// goes first, the sentences after it are chosen to fit beside it within
/// `max_words`; a lone patch's sentence too long for that stands alone. The sentences used come back too.
pub fn summary(excerpts: &Excerpts, about: &About, max_words: usize) -> (String, Vec<String>) {
    let first_name = first_name(about.author).to_string();
    let chosen = excerpts.choose(max_words);
    // The lead is chosen for the first sentence as compose opens it.
    let opening = chosen.first().map(|s| without_connective(s, about));
    let lead_words = match lead(about, &first_name, opening.as_deref()) {
        Lead::Before(sentence) => sentence.split_whitespace().count(),
        _ => 0,
    };
    let chosen_words: usize = chosen.iter().map(|s| s.split_whitespace().count()).sum();
    // An announcement's best sentence (where and when, what it is) says
    // more than its lead, which goes where the two do not fit together.
    if about.announces.is_some() && lead_words + chosen_words > max_words {
        return (
            compose(&chosen, about, &first_name, max_words, false),
            chosen,
        );
    }
    if lead_words == 0 {
        return (
            compose(&chosen, about, &first_name, max_words, true),
            chosen,
        );
    }
    match excerpts.choose_within(max_words.saturating_sub(lead_words)) {
        Some(beside) => (
            compose(&beside, about, &first_name, max_words, true),
            beside,
        ),
        // A work's own sentence says more than its lead alone, which
        // only says the heading again.
        // A series has its patches' titles to say more (`entry`).
        None if matches!(about.kind, Kind::Patch | Kind::Rfc)
            && about.patches <= 1
            && !chosen.is_empty() =>
        {
            (
                compose(&chosen, about, &first_name, max_words, false),
                chosen,
            )
        }
        None => (
            compose(&[], about, &first_name, max_words, true),
            Vec::new(),
        ),
    }
}

fn compose(
    excerpt: &[String],
    about: &About,
    first_name: &str,
    max_words: usize,
    led: bool,
) -> String {
    let mut sentences: Vec<String> = excerpt
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                editors_opening(s, about)
            } else {
                s.clone()
            }
        })
        .collect();
    let lead = if led {
        lead(about, first_name, sentences.first().map(String::as_str))
    } else {
        Lead::None
    };
    let mut parts: Vec<String> = Vec::new();
    match lead {
        // Named as the Nth version, the sentence would be cut: it stands
        // as the author opened it.
        Lead::Replace(first) if first.split_whitespace().count() > max_words => {}
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
pub(crate) fn fit(parts: Vec<String>, max_words: usize) -> String {
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
    match lead_as_built(about, first_name, first) {
        // "... on the question \"Are we too slow?\"": the question mark
        // ends it.
        Lead::Before(sentence) => match sentence.strip_suffix("?\".") {
            Some(said) => Lead::Before(format!("{said}?\"")),
            None => Lead::Before(sentence),
        },
        lead => lead,
    }
}

fn lead_as_built(about: &About, first_name: &str, first: Option<&str>) -> Lead {
    let topic = topic_phrase(about.topic);
    let first_lower = first.map(str::to_lowercase).unwrap_or_default();
    match about.kind {
        Kind::Stable => {
            let tree = about.stable_tree.unwrap_or("stable");
            let whose = match about.original_author {
                Some(name) if !name.eq_ignore_ascii_case(about.author) => {
                    format!("{}'s patch", prose::first_name(name))
                }
                _ => "the patch".to_string(),
            };
            Lead::Before(format!(
                "{first_name} asks for {whose} \"{}\" to be merged in the {tree} stable tree.",
                about.topic
            ))
        }
        Kind::Event | Kind::Topic => match about.venue {
            // "I would like to propose a session on X": the author says
            // it, and the third person says it as the editor would.
            _ if first
                .is_some_and(|f| prose::Sentence::read(f).person() == prose::Person::Author) =>
            {
                Lead::None
            }
            Some(venue) => Lead::Before(format!(
                "{first_name} proposes {} {venue} session {topic}.",
                article(venue)
            )),
            None => match about.announces {
                Some(announcement) => Lead::Before(format!(
                    "{first_name} {}.",
                    announced(announcement, about.reminder)
                )),
                None => Lead::None,
            },
        },
        // The editor says which revision this is and who posted it, then
        // what the work does in a sentence of the mail that stands alone.
        Kind::Patch | Kind::Rfc => {
            let what = work_word(about);
            let ordinal = ordinal(about.revision);
            if about.revision >= 2 && !mentions_revision(&first_lower, about.revision) {
                match first.and_then(|first| {
                    rewrite_opening(first, &format!("The {ordinal} version of this {what}"))
                }) {
                    Some(rewritten) => Lead::Replace(rewritten),
                    None => {
                        // "the Device Memory TCP patchset": a short name of
                        // the work, as editors name a series they follow.
                        let work = short_name(&topic).map_or_else(
                            || format!("{what} {topic}"),
                            |name| format!("{name} {what}"),
                        );
                        Lead::Before(format!(
                            "{first_name} posted the {ordinal} version of the {work}."
                        ))
                    }
                }
            } else if about.kind == Kind::Rfc
                && !first_lower.starts_with("this")
                && !first.is_some_and(|f| {
                    f.starts_with(first_name)
                        || prose::Sentence::read(f).person() == prose::Person::Author
                })
            {
                let what = if what == "RFC" {
                    String::new()
                } else {
                    format!(" {what}")
                };
                Lead::Before(format!("{first_name} posted an RFC{what} {topic}."))
            } else if first.is_none() && about.patches > 1 {
                // Alone, the lead says how big the series is too.
                Lead::Before(format!(
                    "{first_name} posted a series of {} patches {topic}.",
                    about.patches
                ))
            } else if first.is_none_or(|f| !names_the_work(f, first_name)) {
                // A sentence of background or motive reads after the
                // lead; alone it is a side detail.
                Lead::Before(format!(
                    "{first_name} posted {} {what} {topic}.",
                    article(&what)
                ))
            } else {
                Lead::None
            }
        }
        // "don't drop the queue reference" is an order, not a subject.
        _ if first.is_none() && !about.topic.is_empty() => match topic_phrase(about.topic) {
            order if order.starts_with("to ") && about.kind == Kind::Discussion => {
                Lead::Before(format!("{first_name} proposed a change {order}."))
            }
            // "on the question \"Are we too slow?\"", "on what X could be".
            phrase if phrase.starts_with("on ") => {
                Lead::Before(format!("{first_name} wrote {phrase}."))
            }
            // "Persistent memory usage tracking": in sentence case.
            phrase => Lead::Before(format!(
                "{first_name} wrote about {}.",
                phrase.strip_prefix("for ").unwrap_or(about.topic)
            )),
        },
        _ => Lead::None,
    }
}

/// "posted the call for topics for the Frob Summit 2031", "announced the
/// cancellation of LSF/MM/BPF 2031": what the editor says an organiser
/// did. A gathering named by a common noun ("Summit", "Conference") takes
/// "the"; one named by initials ("LSF/MM/BPF 2031") none.
fn announced(announcement: &Announcement, reminder: bool) -> String {
    let name = announcement.gathering.as_str();
    let the = if announcement.is_named_by_its_kind()
        && !name.starts_with("the ")
        && !name.starts_with("The ")
    {
        "the "
    } else {
        ""
    };
    match &announcement.what {
        Announced::CallFor(noun) if reminder => {
            format!("posted a reminder of the call for {noun} for {the}{name}")
        }
        Announced::CallFor(noun) => format!("posted the call for {noun} for {the}{name}"),
        Announced::Cancellation => format!("announced the cancellation of {the}{name}"),
        Announced::Agenda => format!("posted the agenda for {the}{name}"),
    }
}

/// "The patchset adds X and converts Y.": what a series'
/// patches say they do, from their titles (`titles`, prefixes stripped),
/// where no sentence of the mail stands. Titles that are no order, or
/// that only say the series' own title again, are left out; `None` when
/// none is left.
pub fn what_the_patches_do(titles: &[&str], about: &About, max_words: usize) -> Option<String> {
    // By stem: "introduce sleepable bpf_timers" says the title
    // "sleepable bpf_timer" again.
    let stems = prose::content_stems;
    let own = stems(about.topic);
    let mut said: Vec<String> = Vec::new();
    let mut said_stems: Vec<String> = Vec::new();
    let mut replaced = false;
    let mut words = 3;
    // Those whose object names the series' topic first: a long series'
    // first titles are most often its preparation.
    let names_the_topic = |title: &&&str| {
        title
            .split_once(' ')
            .is_some_and(|(_, rest)| prose::shared_stems(rest, &own) > 0)
    };
    // A fix in a series that is no fix (whose topic names no fix, nor a
    // fault) is its preparation too.
    let fixes = prose::tells_a_fix;
    let a_fix = fixes(about.topic);
    let topic_verb = about
        .topic
        .split_whitespace()
        .next()
        .and_then(lexicon::verb_of)
        .map(|(base, _)| base);
    // "split AArch32 registers out into a separate struct", "add a Kconfig
    // option for X": groundwork, unless that is the work.
    let topic_words: Vec<String> = prose::words_of(about.topic).collect();
    let groundwork = |title: &str| prose::is_groundwork(title, &topic_words);
    let mut ordered: Vec<&&str> = titles.iter().filter(|t| !groundwork(t)).collect();
    ordered.sort_by_key(|title| (!a_fix && fixes(title), !names_the_topic(title)));
    for title in ordered {
        let title = title.trim().trim_end_matches('.');
        let Some((verb, rest)) = title.split_once(' ') else {
            continue;
        };
        if prose::has_shorthand(rest) {
            continue;
        }
        if !lexicon::is_imperative(verb) {
            continue;
        }
        let Some((base, lexicon::Form::Base)) = lexicon::verb_of(verb) else {
            continue;
        };
        // What it does to, less the order's verb, said in the title already;
        // or the title's own order, half of it said already, the rest plain
        // words ("Honor the cgroup NS when resolving a path" under "Honor
        // cgroup namespace when resolving cgroup id"; not "convert
        // frob_readahead to folios" under "convert frob to folios", nor
        // "... on arm64": a name says which part).
        let rest_stems = stems(rest);
        let (shared, new): (Vec<&String>, Vec<&String>) =
            rest_stems.iter().partition(|w| own.contains(w));
        // A name: of the code ("frob_readahead", "arm64"), or a word in
        // lower case English does not know ("shmem", "riscv"); "NS" is
        // initials of plain words.
        let says_no_name = rest
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .all(|w| {
                let lower = w.to_lowercase();
                // "caller's" comes as "caller" and "s"; "id", "io" are
                // initials.
                w.len() < 3
                    || own.contains(&prose::stem(&lower))
                    || w.chars().all(|c| c.is_ascii_alphabetic())
                        && (w.chars().any(|c| c.is_ascii_uppercase())
                            || prose::spelling::is_known(&lower))
            });
        // "remove pgdat lru_lock" after "replaces pgdat lru_lock with the
        // lruvec lock": what it undoes, a replacement undid already.
        let undone_before = prose::words::UNDOING_VERBS.contains(&base)
            && replaced
            && new.iter().all(|w| said_stems.contains(w));
        // A fix in a series that is no fix, not of the series' own
        // thing, tells the work only alone.
        let a_fix_beside_the_work =
            !a_fix && fixes(title) && !said.is_empty() && !names_the_topic(&&title);
        if new.is_empty()
            || undone_before
            || a_fix_beside_the_work
            || Some(base) == topic_verb && 2 * shared.len() >= rest_stems.len() && says_no_name
        {
            continue;
        }
        // "Fix to check X", "do not to use Y": an order whose object is
        // another order reads as no English once it has a subject.
        let mut next = rest.split_whitespace().skip_while(|w| *w == "not");
        if next.next() == Some("to")
            && next
                .next()
                .is_some_and(|w| matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Base))))
        {
            continue;
        }
        let verb = lexicon::third_person(base);
        // "rename and move X" -> "renames and moves X".
        let rest = prose::rules::coordinated_orders_agree(rest);
        let clause = prose::order_with_an_article(&format!("{verb} {rest}"));
        let n = clause.split_whitespace().count();
        // One clause a verb: "uses X and uses Y" says less than it reads.
        if said
            .iter()
            .any(|c| c.split(' ').next() == Some(verb.as_str()))
            || words + n > max_words
        {
            continue;
        }
        words += n;
        replaced |= prose::words::REPLACING_VERBS.contains(&base);
        said_stems.extend(rest_stems);
        said.push(clause);
        if said.len() == 2 {
            break;
        }
    }
    let (last, rest) = said.split_last()?;
    let joined = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Some(format!("The {} {joined}.", work_word(about)))
}

/// Whether a patch of a series is its side work (comments, documentation,
/// tests, preparation), by its prefixes ("Documentation/mm:",
/// "selftests/mm:") or its title's words past the order's verb ("add
/// tests for X", not "test the young bit"), where "prepare X" is one.
pub fn is_side_work(subject: &crate::parse::Subject) -> bool {
    // By words, not identifiers: `prepare_exec_creds` prepares nothing.
    let side = |w: &String| prose::words::SIDE_WORK.contains(&w.as_str());
    let title: Vec<String> = prose::words_of(subject.topic()).collect();
    subject
        .prefixes()
        .into_iter()
        .any(|p| prose::words_of(p).any(|w| side(&w)))
        || title.first().is_some_and(|w| w == "prepare")
        || title.iter().skip(1).any(side)
}

/// Whether a sentence says itself whose work it is about: "This patchset
/// adds", "The series", "This adds", "We propose", "Jane's patch".
fn names_the_work(sentence: &str, first_name: &str) -> bool {
    // "Hi all, this series ...": as the summary will print it.
    let sentence = strip_greeting(sentence);
    let lower = sentence.to_lowercase();
    let read = prose::Sentence::read(sentence);
    // "Ninth version of the patchset", "The v9 of memfd_secret".
    let names_a_version = lower
        .split_whitespace()
        .take(4)
        .any(|w| w == "version" || prose::is_revision_word(w));
    names_a_version
        || WORK_OPENINGS.iter().any(|o| lower.starts_with(o))
        || SERIES_OPENINGS.iter().any(|o| lower.starts_with(o))
        || read.work_speaks()
        || read.person() == prose::Person::Author
        || sentence.starts_with(first_name)
}

/// `patchset`, `patch` or (for an RFC without patches) `RFC`.
fn work_word(about: &About) -> String {
    if about.patches == 0 {
        "RFC".into()
    } else {
        prose::work_word(about.patches).into()
    }
}

/// The `X` of a topic phrase `for X` that names the work in at most four
/// words with no preposition, conjunction or colon (`for Device Memory
/// TCP`), to stand before "patchset".
fn short_name(topic: &str) -> Option<&str> {
    let name = topic.strip_prefix("for ")?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let plain = words.len() <= 4
        && !name.contains([':', ',', '('])
        // Not "more futex2 bits": a count of things, no name.
        && !words
            .first()
            .is_some_and(|w| prose::words::QUANTIFIERS.contains(&w.to_lowercase().as_str()))
        && words.iter().all(|w| {
            let w = w.to_lowercase();
            !prose::words::PREPOSITIONS.contains(&w.as_str())
                && !matches!(w.as_str(), "and" | "or" | "in" | "a" | "an" | "the")
                && !matches!(lexicon::verb_of(&w), Some((_, lexicon::Form::Third)))
        });
    plain.then_some(name)
}

/// `for X` or, for a title that is an imperative (`introduce X`), `to
/// introduce X`; a capital that only starts the title goes.
fn topic_phrase(topic: &str) -> String {
    let topic = topic.trim_end_matches('.');
    // "Are we becoming too fearful?": a question is quoted whole.
    if topic.ends_with('?') {
        return format!("on the question \"{topic}\"");
    }
    // "fix arithmetic for bdi min_ratio and": a title cut after its
    // conjunction ends before it.
    let topic = [" and", " or", ",", " &"]
        .iter()
        .find_map(|end| topic.strip_suffix(end))
        .unwrap_or(topic);
    // "Define X for sources using": cut after a word that wants its
    // object ("What to care about" ends as it should).
    let topic = match topic.rsplit_once(' ') {
        Some((rest, "using" | "for" | "with" | "of" | "from" | "by")) if rest.contains(' ') => rest,
        _ => topic,
    };
    // "Introduce cmpxchg128() -- aka. the demise of X": an aside after
    // the dashes; "UMCG early preview/RFC patchset": the lead's own word.
    let topic = topic.split_once(" -- ").map_or(topic, |(title, _)| title);
    let topic = [
        "/RFC patchset",
        " RFC patchset",
        " patchset",
        " patch series",
    ]
    .iter()
    .find_map(|work| {
        topic
            .len()
            .checked_sub(work.len())
            .filter(|&at| topic.is_char_boundary(at) && topic[at..].eq_ignore_ascii_case(work))
            .map(|at| &topic[..at])
    })
    .filter(|rest| rest.contains(' '))
    .unwrap_or(topic);
    // "COW fixes part 1: fix the COW security issue": a series' name, then
    // the order that says what it does.
    if let Some((name, order)) = topic.split_once(": ")
        && !name.contains(['"', '\'', '(', '\u{201c}'])
        && order
            .split_whitespace()
            .next()
            .is_some_and(lexicon::is_imperative)
    {
        return topic_phrase(order);
    }
    // "vma count: fixes, test and improvements": kinds of work on a thing
    // named before the colon.
    if let Some((name, kinds)) = topic.split_once(": ")
        && !name.trim().is_empty()
        && prose::names_only_kinds_of_work(kinds)
    {
        return format!("for {kinds} in {}", name.trim());
    }
    // "track dma-pinned pages: FOLL_PIN": the name of what it does, in
    // brackets, as a sentence cannot carry the colon.
    if let Some((what, name)) = topic.split_once(": ")
        && !name.trim().contains(' ')
        && !name.trim().is_empty()
        && what.contains(' ')
        // Not "(Part-3: vEVENTQ)": a colon inside brackets stays.
        && what.matches('(').count() == what.matches(')').count()
    {
        return topic_phrase(&format!("{what} ({})", name.trim()));
    }
    if let Some(negated) = negated_phrase(topic) {
        return negated;
    }
    // "add X fix": a fix to an earlier patch, named by that patch's
    // title, as the mm tree names its fixups.
    if let Some(fixed) = prose::fixup_of(topic) {
        return format!("to fix the earlier patch {}", topic_phrase(fixed));
    }
    let first = topic.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    // "Introducing X" -> "to introduce X"; "working set reporting" is a
    // noun's compound.
    if first.starts_with(char::is_uppercase)
        && let Some((base, lexicon::Form::Gerund)) = lexicon::verb_of(&lower)
    {
        return format!("to {base}{}", &topic[first.len()..]);
    }
    // Sentence case (`Folio conversion of memcg`), not Title Case (`User
    // Managed Concurrency Groups`) or an acronym.
    let second = topic.split_whitespace().nth(1).unwrap_or("");
    // "Rust": a title of one word names what it is about, as written; an
    // order has its object.
    let one_word = !topic.contains(char::is_whitespace);
    let capitalised = !one_word
        && first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| c.is_lowercase())
        && (!second.starts_with(char::is_uppercase)
            || lexicon::is_imperative(&lower)
            || ["a", "an", "the"].contains(&lower.as_str()));
    let topic = if capitalised {
        format!("{lower}{}", &topic[first.len()..])
    } else {
        topic.to_string()
    };
    // "properly handle X": an adverb before the order.
    let adverb_first = lower.ends_with("ly")
        && topic
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| lexicon::is_imperative(&w.to_lowercase()));
    // "What kernel documentation could be": a question's clause is what
    // it is on.
    if prose::words::WH_WORDS.contains(&lower.as_str()) && !one_word {
        return format!("on {topic}");
    }
    // "New page describing X": one new thing, as English counts it.
    if lower == "new" && !second.is_empty() && !second.ends_with('s') && !one_word {
        return format!("for a new{}", &topic[first.len()..]);
    }
    // "Rust support": what it adds, a name before "support", not an
    // order to rust.
    if second == "support" && topic.split_whitespace().count() == 2 {
        return format!("to add {first} support");
    }
    // "Support for X": what it adds, not an order to support.
    if lower == "support" && matches!(second, "for" | "of") {
        return format!("to add support{}", &topic[first.len()..]);
    }
    // "phase out X": a verb and its particle, though the verb alone
    // reads more often as a noun.
    if prose::words::PARTICLES.contains(&second)
        && matches!(lexicon::verb_of(&lower), Some((_, lexicon::Form::Base)))
    {
        return format!("to {lower}{}", &topic[first.len()..]);
    }
    let third = topic.split_whitespace().nth(2).unwrap_or("");
    if let Some(order) = lexicon::phrasal_order(&lower, second, third) {
        return format!("to {order}{}", &topic[first.len()..]);
    }
    if (lexicon::is_imperative(&lower) || adverb_first) && !one_word {
        format!(
            "to {}",
            prose::order_with_an_article(&prose::orders_joined(&topic))
        )
    } else if tells_a_clause(&topic) {
        // "mz already removed from rb_tree": a statement, which "for"
        // cannot carry; its title is quoted as its name.
        format!("\"{topic}\"")
    } else {
        format!("for {}", prose::with_an_article(&topic))
    }
}

/// "mz already removed from rb_tree", "userspace controls soft-offline
/// pages": a title with a verb past or third person after its first word,
/// a statement rather than a name; "Improved memory tiers" opens with
/// its participle, "pages mapped by X" qualifies a noun after it.
fn tells_a_clause(topic: &str) -> bool {
    let words: Vec<String> = topic.split_whitespace().map(|w| w.to_lowercase()).collect();
    words.iter().enumerate().skip(1).any(|(i, w)| {
        let next = words.get(i + 1).map_or("", String::as_str);
        match lexicon::verb_of(w) {
            Some((_, lexicon::Form::Third)) => {
                !w.ends_with("ss")
                    && !prose::words::is_preposition(next)
                    && !matches!(next, "and" | "or" | "")
            }
            // "removed from X" after "already": a verb, not a qualifier.
            Some((_, lexicon::Form::Past)) => words[i - 1] == "already",
            _ => false,
        }
    })
}

/// "don't count proactive reclaim" -> "to stop counting proactive
/// reclaim"; `None` for a title that is no negated order.
fn negated_phrase(topic: &str) -> Option<String> {
    let mut words = topic.split_whitespace();
    let first = words.next()?.to_lowercase().replace('’', "'");
    let verb = match first.as_str() {
        negation if NEGATIONS.contains(&negation) => words.next()?,
        "do" => {
            if !words.next()?.eq_ignore_ascii_case("not") {
                return None;
            }
            words.next()?
        }
        _ => return None,
    };
    let rest: Vec<&str> = words.collect();
    let gerund = lexicon::gerund(&verb.to_lowercase());
    Some(if rest.is_empty() {
        format!("to stop {gerund}")
    } else {
        format!("to stop {gerund} {}", rest.join(" "))
    })
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
    WORK_OPENINGS
        .iter()
        .find(|o| lower.starts_with(*o))
        .map(|o| format!("{subject} {}", &sentence[o.len()..]))
}

/// What the editor calls the work a mail of `kind` carries: an
/// announcement, a proposal, a mail, or a patchset or patch.
pub fn work_noun(kind: Kind, patches: u32) -> &'static str {
    match kind {
        Kind::Event => "announcement",
        Kind::Topic => "proposal",
        Kind::Discussion => "mail",
        _ => prose::work_word(patches),
    }
}

/// How editors open: "This patchset …" for a series, whatever the
/// author called it ("This patch set", "The series"). The first person is
/// `prose::rules`' to put in the third.
fn editors_opening(sentence: &str, about: &About) -> String {
    let sentence = strip_greeting(sentence);
    // "This is the planned agenda": an announcement or a proposal, not a
    // patch.
    let work = work_noun(about.kind, about.patches);
    let unlinked = without_connective(sentence, about);
    let sentence = unlinked.as_str();
    let lower = sentence.to_lowercase();
    for opening in SERIES_OPENINGS {
        if lower.starts_with(opening) {
            let rest = sentence[opening.len()..].trim_start();
            // "This patch set page bits with ...": the author's "sets".
            if *opening == "this patch set" && prose::Sentence::read(rest).lacks_a_verb_first() {
                return format!("This {work} sets {rest}");
            }
            return format!("This {work} {rest}");
        }
    }
    let second = sentence.split_whitespace().nth(1).unwrap_or("");
    if prose::Sentence::read(sentence).work_speaks() && !prose::is_revision_word(second) {
        return format!("This {work} {}", sentence["this ".len()..].trim_start());
    }
    sentence.to_string()
}

/// "Hence, this patch adds X" -> "This patch adds X": in a later version,
/// which the editor names by its sentence ("The third version of this
/// patch adds"), a connective of consequence goes where the rest stands;
/// "Moreover, X" stays, an addition to what the mail said first, and an
/// RFC's lead reads the sentence as written.
fn without_connective(sentence: &str, about: &About) -> String {
    if about.revision < 2 {
        return sentence.to_string();
    }
    let work = work_noun(about.kind, about.patches);
    let read = prose::Sentence::read(sentence);
    let consequence = read
        .opening_connective()
        .is_some_and(|c| prose::words::CONSEQUENCES.contains(&c.trim_end_matches(',')));
    (consequence && read.stands_without_its_connective())
        .then(|| prose::rules::strip_connective(sentence, work))
        .flatten()
        .unwrap_or_else(|| sentence.to_string())
}

fn strip_greeting(sentence: &str) -> &str {
    match GREETING_PREFIX.find(sentence) {
        Some(greeting) if greeting.end() < sentence.len() => &sentence[greeting.end()..],
        _ => sentence,
    }
}

/// A follow-up's summary: the editor's `earlier` summary of revision
/// `from`, brought to `about.revision`: the revision it names updated,
/// what held only for the old revision dropped. `None` when nothing of it
/// still holds.
pub fn follow_up(earlier: &str, from: u32, about: &About, max_words: usize) -> Option<String> {
    let mut sentences: Vec<String> = Vec::new();
    // Whether a sentence kept says more than which revision this is.
    let mut says_more = false;
    let first_name = first_name(about.author).to_string();
    let ordinals = [ordinal(about.revision), numeric_ordinal(about.revision)];
    for sentence in prose::sentences_of(earlier) {
        let (updated, names_revision) = update_revision(sentence, from, about.revision);
        // "Ninth version of the X patchset.", as editors head an entry,
        // is no sentence once it stands in a summary: who posted it.
        let updated = match updated.split_once(' ') {
            Some((first, rest))
                if names_revision
                    && rest.starts_with("version of ")
                    && ordinals.iter().any(|o| o.eq_ignore_ascii_case(first)) =>
            {
                format!("{first_name} posted the {} {rest}", first.to_lowercase())
            }
            _ => updated,
        };
        let read = prose::Sentence::read(&updated);
        // What the summary's read would leave out goes here already.
        // "This is the RFC for X" no longer holds once the work is no RFC.
        if read.is_changelog()
            || read.is_aside()
            || about.kind == Kind::Patch && read.calls_the_work_an_rfc()
        {
            continue;
        }
        if names_revision || !is_time_bound(&updated) {
            says_more |= !names_revision && !read.is_fragment();
            sentences.push(updated);
        }
    }
    // "The 20th version of the memfd_secret patchset." or "James posted
    // the third version of the patchset for X." names the revision and
    // says nothing of the work: the mail's own words serve. What changed
    // since is no part of it: the editor's posts seldom say.
    if !says_more {
        return None;
    }
    Some(compose(&sentences, about, &first_name, max_words, true))
}

fn is_time_bound(sentence: &str) -> bool {
    let lower = format!(" {}", sentence.to_lowercase());
    TIME_BOUND.iter().any(|w| lower.contains(w))
}

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
            announces: None,
            reminder: false,
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
    fn a_revision_is_named_in_the_opening() {
        let body = "This patchset adds a hinting API for other processes to use.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 6, 5)),
            "The sixth version of this patchset adds a hinting API for other processes to use."
        );
    }

    #[test]
    fn a_sentence_that_naming_the_revision_would_cut_stands_as_written() {
        let body = "This patchset adds support in the disk driver for the read keys and \
                    read reservation callouts, so upper layers like the target can get \
                    the reservation info that was set up with the existing callouts \
                    and return it to initiators.\n";
        let summary = say(body, &about(Kind::Patch, 6, 5));
        assert!(!summary.ends_with("..."), "{summary}");
        assert!(
            summary.starts_with("This patchset adds support"),
            "{summary}"
        );
    }

    fn announcement(subject: &str) -> crate::parse::subject::Announcement {
        crate::parse::Subject::parse(subject).announces.unwrap()
    }

    #[test]
    fn a_call_for_proposals_says_who_posted_it_for_which_gathering() {
        let cfp = announcement("[ANNOUNCE][CFP] Frob Summit 2031");
        let about = About {
            announces: Some(&cfp),
            ..about(Kind::Event, 1, 0)
        };
        let body = "The Frob Summit is a forum for the developers of frobs.\n";
        assert_eq!(
            say(body, &about),
            "Jane posted the call for proposals for the Frob Summit 2031. \
             The Frob Summit is a forum for the developers of frobs."
        );
    }

    #[test]
    fn a_cancellation_says_who_announced_it() {
        let cancelled = announcement("LSF/MM/BPF 2031 Cancellation announcement");
        let about = About {
            announces: Some(&cancelled),
            ..about(Kind::Event, 1, 0)
        };
        assert_eq!(
            say("", &about),
            "Jane announced the cancellation of LSF/MM/BPF 2031."
        );
    }

    #[test]
    fn an_announcements_best_sentence_stands_alone_where_the_lead_does_not_fit_beside_it() {
        let cfp = announcement("Frob Summit: 2031: Call for Proposals");
        let about = About {
            announces: Some(&cfp),
            ..about(Kind::Event, 1, 0)
        };
        let body = "The annual Frob Summit for 2031 will be held from May 13 to May 15 at the \
                    Grand Hotel in the old town of a large city, in the north of a country \
                    with a long name.\n";
        assert!(say(body, &about).starts_with("The annual Frob Summit"));
    }

    #[test]
    fn a_session_on_a_question_quotes_it() {
        let about = About {
            topic: "Are we too slow?",
            venue: Some("Maintainers Summit"),
            ..about(Kind::Topic, 1, 0)
        };
        assert_eq!(
            say("", &about),
            "Jane proposes a Maintainers Summit session on the question \"Are we too slow?\""
        );
    }

    #[test]
    fn a_title_that_is_a_statement_is_quoted_as_its_name() {
        let about = About {
            topic: "frob already removed from the tree in frob_walk()",
            ..about(Kind::Patch, 2, 1)
        };
        assert_eq!(
            say("", &about),
            "Jane posted the second version of the patch \"frob already removed from the \
             tree in frob_walk()\"."
        );
        assert_eq!(
            topic_phrase("access controls for frob devices"),
            "for access controls for frob devices"
        );
    }

    #[test]
    fn a_discussion_of_a_question_quotes_it() {
        let about = About {
            topic: "Are we too slow?",
            ..about(Kind::Discussion, 1, 0)
        };
        assert_eq!(
            say("", &about),
            "Jane wrote on the question \"Are we too slow?\""
        );
    }

    #[test]
    fn a_name_and_support_is_what_the_work_adds() {
        assert_eq!(topic_phrase("Frob support"), "to add Frob support");
    }

    #[test]
    fn a_discussion_is_written_about_in_sentence_case() {
        let about = About {
            topic: "Persistent frob usage tracking",
            ..about(Kind::Discussion, 1, 0)
        };
        assert_eq!(
            say("", &about),
            "Jane wrote about persistent frob usage tracking."
        );
    }

    #[test]
    fn a_later_versions_sentence_after_a_connective_is_named_as_that_version() {
        let body = "Frob users have long asked for a way to set the knob at boot. Hence, \
                    this patch adds a boot parameter that sets the frob knob before init runs \
                    and reports a bad value in the kernel log for the admin to see.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 3, 1)),
            "The third version of this patch adds a boot parameter that sets the frob knob \
             before init runs and reports a bad value in the kernel log for the admin to see."
        );
    }

    #[test]
    fn a_later_versions_sentence_adding_to_what_came_before_keeps_the_lead() {
        let body = "Frob users have long asked for a way to set the knob at boot. Moreover, \
                    this patch adds selftests that check the frob knob before init runs and \
                    that a bad value is reported in the kernel log for the admin.\n";
        assert!(say(body, &about(Kind::Patch, 3, 1)).starts_with("Jane posted the third version"));
    }

    #[test]
    fn an_rfcs_sentence_after_a_connective_keeps_the_rfc_lead() {
        let body = "Frob users have long asked for a way to set the knob at boot. Hence, \
                    this patch adds a boot parameter that sets the frob knob.\n";
        assert!(say(body, &about(Kind::Rfc, 1, 1)).starts_with("Jane posted an RFC patch"));
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
    fn a_topic_proposal_in_the_authors_words_needs_no_venue_lead() {
        let mut topic = about(Kind::Event, 1, 0);
        topic.venue = Some("LSF/MM/BPF");
        topic.topic = "Memory tiering without NUMA nodes";
        assert_eq!(
            say(
                "I would like to propose a discussion on memory tiers that are \
                 not NUMA nodes, such as CXL memory behind a switch.\n",
                &topic
            ),
            // Still the author's words: the proofreading that follows puts
            // them in the third person.
            "I would like to propose a discussion on memory tiers that are not \
             NUMA nodes, such as CXL memory behind a switch."
        );
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
    fn a_first_posting_leads_with_who_posted_it_before_its_background() {
        let body = "Processes that manage others need a way to advise on their memory.\n";
        assert_eq!(
            say(body, &about(Kind::Patch, 1, 3)),
            "Jane posted a patchset to introduce a hinting API. \
             Processes that manage others need a way to advise on their memory."
        );
    }

    #[test]
    fn a_greeting_before_the_works_own_sentence_asks_no_lead() {
        let body = "Hi all, this series cleans up some of the generic write helper calling \
                    conventions and the page cache invalidation for direct I/O.\n";
        let said = say(body, &about(Kind::Patch, 1, 3));
        assert!(said.starts_with("This patchset cleans up"), "{said}");
    }

    #[test]
    fn an_announcement_speaking_of_itself_is_no_patch() {
        assert_eq!(
            editors_opening(
                "This series is the planned agenda.",
                &about(Kind::Event, 1, 0)
            ),
            "This announcement is the planned agenda."
        );
    }

    #[test]
    fn this_before_a_plural_and_its_verb_is_no_work_speaking() {
        let said = "This patches don't aim to limit what a user can do.";
        assert_eq!(editors_opening(said, &about(Kind::Patch, 1, 4)), said);
        assert_eq!(
            editors_opening("This adds pages to the pool.", &about(Kind::Patch, 1, 4)),
            "This patchset adds pages to the pool."
        );
    }

    #[test]
    fn this_series_patches_names_the_work_once() {
        assert_eq!(
            editors_opening(
                "This series patches would like to add a frob helper.",
                &about(Kind::Patch, 1, 3)
            ),
            "This patchset would like to add a frob helper."
        );
    }

    #[test]
    fn this_patch_set_before_no_verb_is_the_authors_sets() {
        let about = about(Kind::Patch, 1, 2);
        assert_eq!(
            editors_opening("This patch set page bits with pgprot on reads.", &about),
            "This patchset sets page bits with pgprot on reads."
        );
        assert_eq!(
            editors_opening("This patch set mainly adds a knob.", &about),
            "This patchset mainly adds a knob."
        );
    }

    #[test]
    fn a_sentence_too_long_for_the_lead_beside_it_stands_alone() {
        let body = "Processes that manage the memory of other processes on large machines \
                    need a way to advise the kernel on that memory from outside, without \
                    ptrace, without stopping them and without any new system call at all.\n";
        let said = say(body, &about(Kind::Patch, 1, 1));
        assert!(said.starts_with("Processes that manage"), "{said}");
    }

    #[test]
    fn an_order_after_its_adverb_reads_as_an_order() {
        let mut patch = about(Kind::Patch, 1, 1);
        patch.topic = "properly handle the stock for PREEMPT_RT";
        assert_eq!(
            say("", &patch),
            "Jane posted a patch to properly handle the stock for PREEMPT_RT."
        );
    }

    #[test]
    fn a_discussion_titled_as_an_order_is_a_proposed_change() {
        let mut discussion = about(Kind::Discussion, 1, 0);
        discussion.topic = "don't drop the queue reference";
        assert_eq!(
            say("", &discussion),
            "Jane proposed a change to stop dropping the queue reference."
        );
    }

    #[test]
    fn without_prose_the_subject_says_what_was_posted() {
        assert_eq!(
            say("", &about(Kind::Patch, 1, 2)),
            "Jane posted a series of 2 patches to introduce a hinting API."
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
    fn kinds_of_work_named_after_a_colon_are_in_what_the_colon_follows() {
        assert_eq!(
            topic_phrase("frob count: fixes, test and improvements"),
            "for fixes, test and improvements in frob count"
        );
    }

    #[test]
    fn a_fixup_named_after_the_patch_it_fixes_reads_as_a_fix_to_it() {
        assert_eq!(
            topic_phrase("add oom_group_kill memory.event fix"),
            "to fix the earlier patch to add oom_group_kill memory.event"
        );
        assert_eq!(topic_phrase("Add a quick fix"), "to add a quick fix");
        assert_eq!(
            topic_phrase("Revert broken locking fix"),
            "to revert broken locking fix"
        );
        assert_eq!(
            topic_phrase("Remove the NULL check fix"),
            "to remove the NULL check fix"
        );
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
                "to perform /proc/pid/maps read under the per-vma lock",
            ),
            ("Proactive compaction", "for proactive compaction"),
            (
                "fix arithmetic for bdi min_ratio and",
                "to fix arithmetic for bdi min_ratio",
            ),
            (
                "New page describing memfd_secret() system call",
                "for a new page describing memfd_secret() system call",
            ),
            ("New helpers for folios", "for new helpers for folios"),
            ("Move to folios", "to move to folios"),
            (
                "Migrate on fault among bound nodes",
                "to migrate on fault among bound nodes",
            ),
            (
                "Define _GNU_SOURCE for sources using",
                "to define _GNU_SOURCE for sources",
            ),
            ("Adding a knob", "to add a knob"),
            (
                "Introducing OpenVPN Data Channel Offload",
                "to introduce OpenVPN Data Channel Offload",
            ),
            (
                "COW fixes part 1: fix the COW security issue for THP",
                "to fix the COW security issue for THP",
            ),
            (
                "Revert \"mm: add nodes= arg to memory.reclaim\"",
                "to revert \"mm: add nodes= arg to memory.reclaim\"",
            ),
        ] {
            assert_eq!(topic_phrase(title), phrase, "{title}");
        }
        assert_eq!(lexicon::gerund("stop"), "stopping");
        assert_eq!(lexicon::gerund("map"), "mapping");
        assert_eq!(lexicon::gerund("free"), "freeing");
    }

    #[test]
    fn support_for_a_thing_is_what_the_work_adds() {
        assert_eq!(
            topic_phrase("Support for RWF_UNCACHED"),
            "to add support for RWF_UNCACHED"
        );
        assert_eq!(
            topic_phrase("support the new flag"),
            "to support the new flag"
        );
    }

    #[test]
    fn a_later_version_of_a_short_named_work_names_it_before_patchset() {
        assert_eq!(
            short_name("for Device Memory TCP"),
            Some("Device Memory TCP")
        );
        assert_eq!(short_name("for per lruvec lru_lock for memcg"), None);
        assert_eq!(short_name("to add a knob"), None);
        assert_eq!(short_name("for more futex2 bits"), None);
        assert_eq!(
            short_name("for userspace controls soft-offline pages"),
            None
        );
    }

    #[test]
    fn an_aside_after_dashes_and_the_leads_own_work_word_leave_the_title() {
        assert_eq!(
            topic_phrase("Introduce cmpxchg128() -- aka. the demise of cmpxchg_double()"),
            "to introduce cmpxchg128()"
        );
        assert_eq!(
            topic_phrase("UMCG early preview/RFC patchset"),
            "for UMCG early preview"
        );
    }

    #[test]
    fn a_name_after_the_titles_colon_goes_in_brackets() {
        assert_eq!(
            topic_phrase("track dma-pinned pages: FOLL_PIN"),
            "to track dma-pinned pages (FOLL_PIN)"
        );
        assert_eq!(
            topic_phrase("add vIOMMU infrastructure (Part-3: vEVENTQ)"),
            "to add vIOMMU infrastructure (Part-3: vEVENTQ)"
        );
    }

    #[test]
    fn a_title_of_one_word_is_a_name() {
        assert_eq!(topic_phrase("Rust"), "for Rust");
        assert_eq!(topic_phrase("Folios"), "for Folios");
    }

    #[test]
    fn a_verb_before_its_particle_is_an_order() {
        assert_eq!(
            topic_phrase("phase out CONFIG_VIRT_TO_BUS"),
            "to phase out CONFIG_VIRT_TO_BUS"
        );
        assert_eq!(
            topic_phrase("Page out cold memory"),
            "to page out cold memory"
        );
    }

    #[test]
    fn a_commit_message_names_the_work_as_editors_do() {
        let about = follow_about();
        assert_eq!(
            editors_opening("This commit simplifies the knob.", &about),
            "This patchset simplifies the knob."
        );
    }

    #[test]
    fn the_patches_say_what_the_title_does_not() {
        let about = About {
            topic: "sleepable bpf_timer",
            ..follow_about()
        };
        let titles = [
            "introduce sleepable bpf_timers",
            "add support for KF_ARG_PTR_TO_TIMER",
            "rename the callback",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset adds support for KF_ARG_PTR_TO_TIMER and renames the callback.")
        );
    }

    #[test]
    fn a_title_giving_the_series_order_again_half_said_is_left_out() {
        let about = About {
            topic: "honor the frob namespace when resolving frob ids",
            ..follow_about()
        };
        let titles = [
            "honor the caller's frob namespace when resolving paths",
            "return -ENOENT from frob_get_from_id()",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset returns -ENOENT from frob_get_from_id().")
        );
    }

    #[test]
    fn a_title_giving_the_series_order_for_a_named_part_is_kept() {
        let about = About {
            topic: "convert frob to folios",
            ..follow_about()
        };
        for (title, said) in [
            (
                "convert frob_readahead to folios",
                "The patchset converts frob_readahead to folios.",
            ),
            (
                "convert shmem to folios",
                "The patchset converts shmem to folios.",
            ),
        ] {
            assert_eq!(
                what_the_patches_do(&[title], &about, 60).as_deref(),
                Some(said)
            );
        }
    }

    #[test]
    fn a_patch_title_s_orders_joined_by_and_all_agree() {
        let about = About {
            topic: "sleepable bpf_timer",
            ..follow_about()
        };
        let titles = ["rename and move the timer callback"];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset renames and moves the timer callback.")
        );
    }

    #[test]
    fn the_titles_that_name_the_topic_come_first() {
        let about = About {
            topic: "per-queue frob tags",
            ..follow_about()
        };
        let titles = [
            "drop an unused helper",
            "rename the callback",
            "keep the frob tags in the queue struct",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some(
                "The patchset keeps the frob tags in the queue struct and drops an unused helper."
            )
        );
    }

    #[test]
    fn a_title_undoing_what_an_earlier_title_replaced_is_left_out() {
        let about = About {
            topic: "per-queue frob lock",
            ..follow_about()
        };
        let titles = [
            "replace the global frob_lock with a queue lock",
            "remove the global frob_lock",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset replaces the global frob_lock with a queue lock.")
        );
    }

    #[test]
    fn a_title_undoing_what_no_title_replaced_is_told() {
        let about = About {
            topic: "frob sysctl cleanup",
            ..follow_about()
        };
        let titles = [
            "deprecate the frob_ratio sysctl",
            "remove the frob_ratio sysctl",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some(
                "The patchset deprecates the frob_ratio sysctl and removes the frob_ratio sysctl."
            )
        );
    }

    #[test]
    fn a_title_moving_code_into_a_place_of_its_own_is_preparation() {
        let about = About {
            topic: "frob tasks on asymmetric systems",
            ..follow_about()
        };
        let titles = [
            "split frob registers out into a separate struct",
            "move frob_range from mm/frob.c to mm/frab.c",
            "allow frob tasks on mismatched CPUs",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset allows frob tasks on mismatched CPUs.")
        );
        let about = About {
            topic: "frob register cleanups",
            ..follow_about()
        };
        assert!(
            what_the_patches_do(&titles, &about, 60)
                .is_some_and(|said| said.contains("splits frob registers"))
        );
    }

    #[test]
    fn a_fix_in_a_series_that_is_no_fix_comes_last() {
        let about = About {
            topic: "per-queue frob tags",
            ..follow_about()
        };
        let titles = [
            "fix a frob tags leak on unload",
            "keep the frob tags in the queue struct",
            "drop an unused helper",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some(
                "The patchset keeps the frob tags in the queue struct and drops an unused helper."
            )
        );
    }

    #[test]
    fn a_fix_in_a_series_that_is_no_fix_is_told_only_alone() {
        let about = About {
            topic: "per-queue frob tags",
            ..follow_about()
        };
        let told = |titles: &[&str]| what_the_patches_do(titles, &about, 60);
        assert_eq!(
            told(&[
                "keep the frob tags in the queue struct",
                "fix an uninitialized variable warning"
            ])
            .as_deref(),
            Some("The patchset keeps the frob tags in the queue struct.")
        );
        assert_eq!(
            told(&["fix an uninitialized variable warning"]).as_deref(),
            Some("The patchset fixes an uninitialized variable warning.")
        );
    }

    #[test]
    fn a_fix_of_the_series_own_thing_is_told_beside_the_work() {
        let about = About {
            topic: "release frob pages on unload",
            ..follow_about()
        };
        assert_eq!(
            what_the_patches_do(
                &[
                    "add a frob_release() helper",
                    "fix the frob page leak on unload"
                ],
                &about,
                60
            )
            .as_deref(),
            Some(
                "The patchset adds a frob_release() helper and fixes the frob page leak on unload."
            )
        );
    }

    #[test]
    fn a_fix_in_a_series_naming_a_fault_keeps_its_place() {
        let about = About {
            topic: "frob tags race on teardown",
            ..follow_about()
        };
        let titles = [
            "rename the callback",
            "fix the race by taking the frob lock",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset fixes the race by taking the frob lock and renames the callback.")
        );
    }

    #[test]
    fn a_patch_title_ordering_another_order_is_left_out() {
        let about = About {
            topic: "fix the test cases",
            ..follow_about()
        };
        let titles = [
            "fix to check the filter",
            "do not to use the absolute path",
            "rename the callback",
        ];
        assert_eq!(
            what_the_patches_do(&titles, &about, 60).as_deref(),
            Some("The patchset renames the callback.")
        );
    }

    #[test]
    fn a_question_title_is_what_a_session_is_on() {
        let mut topic = about(Kind::Event, 1, 0);
        topic.venue = Some("Kernel Summit");
        topic.topic = "What our documentation could be";
        assert!(say("Let us talk about the docs.\n", &topic).starts_with(
            "Jane proposes a Kernel Summit session on what our documentation could be."
        ));
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
            announces: None,
            reminder: false,
        }
    }

    #[test]
    fn a_follow_up_names_this_revision_and_drops_what_held_for_the_last() {
        let summary = follow_up(
            "Sixth version of the memfd_secret patchset. It aims to provide secret mappings. \
             David says there are only minor issues left.",
            6,
            &follow_about(),
            60,
        )
        .unwrap();
        assert_eq!(
            summary,
            "Mike posted the ninth version of the memfd_secret patchset. \
             It aims to provide secret mappings."
        );
    }

    #[test]
    fn a_follow_up_of_a_heading_like_revision_line_says_who_posted_it() {
        let summary = follow_up(
            "Eighth version of the memfd_secret patchset. It aims to provide secret mappings.",
            8,
            &follow_about(),
            60,
        )
        .unwrap();
        assert!(
            summary.starts_with("Mike posted the ninth version of the memfd_secret patchset."),
            "{summary}"
        );
    }

    #[test]
    fn a_follow_up_of_a_first_posting_gets_the_revision_lead() {
        let summary = follow_up(
            "This patchset adds secret mappings.",
            1,
            &follow_about(),
            60,
        )
        .unwrap();
        assert!(summary.contains("ninth version"), "{summary}");
        assert!(summary.contains("adds secret mappings"), "{summary}");
    }

    #[test]
    fn a_follow_up_of_a_lead_and_an_aside_is_left_to_the_mail() {
        let earlier = "Mike posted the sixth version of the patchset for secret memory. \
                       It is RFC because the interface is still open.";
        assert_eq!(follow_up(earlier, 6, &follow_about(), 60), None);
    }

    #[test]
    fn a_follow_up_of_an_rfc_no_longer_calls_the_work_the_rfc() {
        let summary = follow_up(
            "Mike posted the patchset to add secret mappings. This is the RFC for secret \
             mappings in the page allocator. It aims to provide mappings the kernel cannot read.",
            1,
            &follow_about(),
            60,
        )
        .unwrap();
        assert!(!summary.contains("RFC"), "{summary}");
        assert!(summary.contains("It aims to provide"), "{summary}");
    }

    #[test]
    fn a_follow_up_says_nothing_of_the_changelog() {
        let summary = follow_up(
            "The v6 of memfd_secret. It aims at guests.",
            6,
            &follow_about(),
            60,
        )
        .unwrap();
        assert_eq!(summary, "The v9 of memfd_secret. It aims at guests.");
    }

    #[test]
    fn a_follow_up_of_a_revision_line_alone_is_left_to_the_mail() {
        let earlier = "The 19th version of the memfd_secret patchset.";
        assert_eq!(follow_up(earlier, 19, &follow_about(), 60), None);
    }

    fn third_person_of(word: &str) -> Option<String> {
        lexicon::verb_of(word).map(|(base, _)| lexicon::third_person(base))
    }

    #[test]
    fn changelog_verbs_are_read_in_every_form() {
        for word in ["rename", "Renamed", "renames", "renaming"] {
            assert_eq!(third_person_of(word), Some("renames".into()), "{word}");
        }
        assert_eq!(third_person_of("dropped"), Some("drops".into()));
        assert_eq!(third_person_of("simplified"), Some("simplifies".into()));
        assert_eq!(third_person_of("made"), Some("makes".into()));
        assert_eq!(third_person_of("the"), None);
    }
}
