//! Ranking a week's threads: which of them deserve a line in the post.
//!
//! Editors pick new work that people talk about: RFCs and proposals, series
//! with many replies from many people, review given, and what their readers
//! care for (`--interest`). A candidate's score is a sum of named parts, so
//! that `-v` and `--format json` can say why it ranks where it does.
//!
//! The whole ranking is here: the candidates of the mail read and their
//! score parts, the pre-rank of a search listing ([`listing`]), the picks,
//! and what `-v` and the candidate list show of them ([`explain`]).

mod explain;
mod listing;

pub use explain::{candidate_list, explain};
pub use listing::{is_announcement, prerank};

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, SecondsFormat, Utc};
use globset::{GlobBuilder, GlobMatcher};
use serde::{Deserialize, Serialize};

use super::{Kind, Revision, kind_of};
use crate::history::{Asked, AtHand, Covered, History, Learned};
use crate::maintainers::{Maintainers, Section};
use crate::parse::identity::{Posting, Sender, same_sending};
use crate::parse::series::{API_LIST, SendingKey, adds_an_interface, names_an_interface};
use crate::parse::thread::is_list;
use crate::parse::{Message, Pool, Subject, ThreadSeries, Trailers, author::author_in_thread};

/// The time a week's candidates were posted in: `since <= date < until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

impl Window {
    pub fn contains(&self, message: &Message) -> bool {
        message.date.is_some_and(|d| self.holds(d.to_utc()))
    }

    pub fn holds(&self, date: DateTime<Utc>) -> bool {
        date >= self.since && date < self.until
    }
}

/// What the editor's readers care for (`--interest`).
#[derive(Debug, Clone)]
pub enum Interest {
    /// `subject:mm/damon`, or `mm/damon:`: the subject's subsystem prefix is
    /// this one or below it (`mm` takes `mm/vmscan:` and `mm: memcg:`).
    Prefix(String),
    /// `list:linux-mm`: the mail went to this list.
    List(String),
    /// `path:mm/**`, or any text with `*?[`: a file the series touches.
    Path(String, GlobMatcher),
    /// A bare word such as `memcg` or `mm/damon`: a subject prefix, a list
    /// (`mm` is also linux-mm), or a file or directory the series touches.
    Word(String),
    /// `section:NAME`: the MAINTAINERS sections NAME names (`indexes` into
    /// `maintainers`): a file of theirs (`F:`/`N:`, less `X:`) or a `K:`
    /// regex on the patches' added lines; and, apart, a list they all
    /// name (`L:`), not the wider lists some add (the block cgroup
    /// controller's linux-block).
    Section {
        name: String,
        maintainers: std::sync::Arc<Maintainers>,
        indexes: Vec<usize>,
        lists: Vec<String>,
    },
}

impl Interest {
    /// Reads `--interest`; an error names the bad glob.
    pub fn parse(text: &str) -> Result<Interest, String> {
        let text = text.trim();
        let glob = |pattern: &str| {
            GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map(|g| Interest::Path(pattern.to_string(), g.compile_matcher()))
                .map_err(|e| format!("--interest {text:?}: not a file glob: {e}"))
        };
        if let Some(list) = text.strip_prefix("list:") {
            Ok(Interest::List(list.to_string()))
        } else if let Some(pattern) = text.strip_prefix("path:") {
            glob(pattern)
        } else if let Some(prefix) = text.strip_prefix("subject:") {
            Ok(Interest::Prefix(prefix.trim_end_matches(':').to_string()))
        } else if let Some(prefix) = text.strip_suffix(':') {
            Ok(Interest::Prefix(prefix.to_string()))
        } else if text.contains(['*', '?', '[']) {
            glob(text)
        } else if text.is_empty() {
            Err("--interest needs a subject prefix, list or path glob".into())
        } else {
            Ok(Interest::Word(text.to_string()))
        }
    }

    /// `section:NAME` with the sections of `maintainers` NAME names; an
    /// unknown NAME offers the nearest.
    pub fn section(
        name: &str,
        maintainers: &std::sync::Arc<Maintainers>,
    ) -> Result<Interest, String> {
        let indexes = maintainers
            .named_indexes(name)
            .map_err(|e| format!("--interest section:{name}: {e}"))?;
        let found: Vec<&Section> = indexes
            .iter()
            .map(|&i| &maintainers.sections()[i])
            .collect();
        let lists = found[0]
            .lists
            .iter()
            .filter(|l| found.iter().all(|s| s.lists.contains(l)))
            .cloned()
            .collect();
        Ok(Interest::Section {
            name: name.to_string(),
            maintainers: maintainers.clone(),
            indexes,
            lists,
        })
    }

    /// What the candidate matched, as `-v` and the ranking say it: the
    /// interest as written; for a section, the section whose files (or
    /// `K:` regex) it matched, and the section's list it went to, each
    /// counting as the path and list interests they are.
    fn matched(&self, facts: &Facts) -> Vec<String> {
        let Interest::Section {
            name,
            maintainers,
            indexes,
            lists,
        } = self
        else {
            return if self.matches(facts) {
                vec![interest_label(self)]
            } else {
                Vec::new()
            };
        };
        // The section a file takes first, where it is one of ours; else
        // any of ours that holds a file or names the added lines.
        let first = facts
            .paths
            .iter()
            .filter_map(|p| maintainers.first_index(p))
            .find(|i| indexes.contains(i))
            .map(|i| &maintainers.sections()[i]);
        let any = || {
            indexes
                .iter()
                .map(|&i| &maintainers.sections()[i])
                .find(|section| {
                    facts.paths.iter().any(|p| section.holds(p))
                        || (section.has_keywords() && section.names_in(&facts.added))
                })
        };
        // A thread of no file (a topic, a cover letter alone) by the subject
        // prefixes the sections' own changes go by, as a bare word's.
        let by_prefix = || {
            indexes.iter().find_map(|&i| {
                let section = &maintainers.sections()[i];
                section
                    .subject_prefixes()
                    .into_iter()
                    .find(|p| facts.prefixes.iter().any(|q| is_under(q, p)))
                    .map(|p| format!("subject:{p} (section:{})", section.name))
            })
        };
        let mut found: Vec<String> = first
            .or_else(any)
            .map(|section| format!("section:{}", section.name))
            .or_else(|| facts.paths.is_empty().then(by_prefix).flatten())
            .into_iter()
            .collect();
        if let Some(list) = lists
            .iter()
            .find(|l| facts.lists.iter().any(|id| is_list(id, l)))
        {
            found.push(format!("list:{list} (section:{name})"));
        }
        found
    }

    /// Whether the interest needs the patches' added lines.
    fn needs_added_lines(&self) -> bool {
        match self {
            Interest::Section {
                maintainers,
                indexes,
                ..
            } => indexes
                .iter()
                .any(|&i| maintainers.sections()[i].has_keywords()),
            _ => false,
        }
    }

    fn matches(&self, facts: &Facts) -> bool {
        match self {
            Interest::Section { .. } => !self.matched(facts).is_empty(),
            Interest::Prefix(p) => facts.prefixes.iter().any(|q| is_under(q, p)),
            Interest::List(l) => facts.lists.iter().any(|id| is_list(id, l)),
            Interest::Path(_, glob) => facts.paths.iter().any(|path| glob.is_match(path)),
            Interest::Word(w) => {
                // Kernel lists are mostly named after their subsystem with
                // `linux-` before it: `mm` is linux-mm's word too.
                let list = format!("linux-{w}");
                facts.prefixes.iter().any(|q| is_under(q, w))
                    || facts
                        .lists
                        .iter()
                        .any(|id| is_list(id, w) || is_list(id, &list))
                    || facts.paths.iter().any(|path| is_under(path, w))
            }
        }
    }
}

/// `mm/vmscan` (a prefix or a path) is under `mm`; `mmc` is not.
fn is_under(prefix: &str, interest: &str) -> bool {
    let (prefix, interest) = (prefix.to_ascii_lowercase(), interest.to_ascii_lowercase());
    prefix == interest
        || prefix
            .strip_prefix(&interest)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The parts of a score; `total` is their sum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub discussion: f64,
    pub participants: f64,
    pub review: f64,
    pub kind: f64,
    pub size: f64,
    pub revision: f64,
    pub interest: f64,
    /// What the editor's earlier posts show they cover (`--history`): the
    /// subsystems of its subject, list and files, and its author.
    #[serde(default)]
    pub history: f64,
    /// A later revision of a series an earlier post covered.
    #[serde(default)]
    pub follows: f64,
    /// A new user-visible interface: a system call, a uapi header, a new
    /// madvise/prctl/ioctl/fcntl value, ABI documentation, or a series
    /// copied to linux-api.
    #[serde(default)]
    pub interface: f64,
    /// Like earlier entries of other series (`--history`): what the editor
    /// writes about, by the words of its title and cover letter.
    #[serde(default)]
    pub similar: f64,
    pub total: f64,
}

/// How much each part weighs. Counts enter as logarithms: the fortieth
/// reply says less than the fourth.
const DISCUSSION: f64 = 2.0;
const PARTICIPANTS: f64 = 1.5;
const REVIEW: f64 = 0.5;
const SIZE: f64 = 0.5;
/// A first posting is new work.
const NEW_WORK: f64 = 0.5;
/// Per interest matched, up to two: what the editor's readers care for
/// outweighs a lively thread elsewhere (two matches weigh as much as the
/// discussion of a 150-reply thread).
const INTEREST: f64 = 5.0;
/// Community business is rare, draws few replies, and is always news: a
/// call for topics, a summit's schedule, a proposal for its agenda.
const EVENT: f64 = 3.0;
/// Editors pick new interfaces early, before the discussion grows.
const INTERFACE: f64 = 1.5;
/// A subsystem the editor covered in many earlier entries weighs as an
/// interest they wrote by hand; one covered now and then, less.
const HISTORY_SUBSYSTEM: f64 = INTEREST;
/// An author the editor often covers.
const HISTORY_AUTHOR: f64 = 2.0;
/// A subsystem in this share of the earlier entries counts in full, one
/// in fewer by its share: the editor's focus, not what they touched once.
const SUBSYSTEM_FOCUS: f64 = 0.05;
/// An author in this share of the earlier entries counts in full.
const AUTHOR_FOCUS: f64 = 0.02;
/// A list or directory of this share of the covered threads at hand
/// counts in full.
const AT_HAND_FOCUS: f64 = 0.5;
/// Editors follow the series they covered.
const FOLLOWS: f64 = 3.0;
/// A posted thread comes back when its discussion has at least this many
/// more replies than when it was posted, and at least doubled.
const NEWS_AGAIN: usize = 10;
/// The `similar` part when [`LIKE_ENOUGH`] earlier entries are alike.
/// It and [`LIKE_AT`] were chosen on one half of the corpus weeks
/// (`scripts/tune-similar.py`).
const SIMILAR: f64 = 3.0;
/// The cosine similarity at which an earlier entry is alike.
const LIKE_AT: f32 = 0.35;
/// How many alike entries the part counts.
const LIKE_ENOUGH: usize = 1;
/// `like` lists entries from this similarity, at most [`LIKE_LISTED`].
const LIKE_SHOWN: f32 = 0.05;
const LIKE_LISTED: usize = 5;

fn kind_weight(kind: Kind) -> f64 {
    match kind {
        Kind::Event => EVENT,
        Kind::Topic => 2.5,
        Kind::Rfc => 1.5,
        Kind::Pull => 1.0,
        Kind::Discussion => 0.5,
        Kind::Patch | Kind::Stable | Kind::Release => 0.0,
    }
}

/// When an unthreaded patch was sent.
type SentAt = DateTime<chrono::FixedOffset>;

/// One thread the week could report, with what its score is made of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub message_id: String,
    pub subject: String,
    pub author: String,
    pub author_email: String,
    pub date: String,
    pub list: Option<String>,
    pub kind: Kind,
    /// The series revision (`v3`); 1 when the subject names none.
    #[serde(rename = "version")]
    pub revision: u32,
    /// Other revisions of the series posted in the window, oldest first.
    pub also: Vec<Revision>,
    pub patches: u32,
    pub replies: usize,
    pub participants: usize,
    /// Reviewed-by, Acked-by and Tested-by given in the discussion.
    #[serde(rename = "trailers")]
    pub trailer_count: usize,
    pub interests: Vec<String>,
    /// With MAINTAINERS: the sections of the files it changes, the one
    /// whose files change the most lines first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// How many `--interest`s matched (`interests` is what each matched).
    #[serde(skip)]
    pub interests_matched: usize,
    /// Why the history part weighs what it does: "12 earlier entries on
    /// memcg".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
    /// The earlier posts' entries of this series, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covered: Vec<Covered>,
    /// The earlier post that has this very thread (its message, or the
    /// same revision): `week` does not propose it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<Covered>,
    /// The earlier entries of other series it is most like, most alike
    /// first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub like: Vec<Like>,
    pub score: Score,
}

/// An earlier entry a candidate is like: its post, its subject, and the
/// cosine similarity of their words' stems (TF-IDF), 0 to 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Like {
    pub post: String,
    pub subject: String,
    pub similarity: f64,
}

/// What the editor's earlier posts tell a ranking: the history itself and
/// what it shows they cover.
#[derive(Debug, Clone, Copy)]
pub struct Memory<'a> {
    pub history: &'a History,
    pub learned: &'a Learned,
    /// What the mail read shows of the covered threads.
    pub at_hand: &'a AtHand,
    /// The draft's link base, for the links of `covered`.
    pub link_base: &'a str,
}

/// What a candidate's thread shows, before it is scored.
#[derive(Debug, Default)]
struct Facts {
    replies: usize,
    participants: HashSet<String>,
    trailers: usize,
    prefixes: Vec<String>,
    lists: Vec<String>,
    paths: Vec<String>,
    /// Lines changed in each of `paths`, in step with it.
    lines: Vec<usize>,
    /// It adds or names a user-visible interface.
    interface: bool,
    /// When each reply was sent, for a discussion's growth since a post.
    reply_dates: Vec<DateTime<Utc>>,
    /// The message IDs its first mail links (an earlier revision's).
    linked: Vec<String>,
    /// Its cover letter's b4 change-id.
    change_id: Option<String>,
    /// Its title, where a history asks what it is like. (With its cover
    /// letter's first sentences too, the part chosen on one half of the
    /// corpus weeks lost picks on the other.)
    text: String,
    /// The lines its patches add, where a `K:` regex asks for them.
    added: String,
}

/// The week's candidates in `pool`, best first: thread starts inside
/// `window`, one per series, replies and bot mail counted as discussion.
/// With `memory`, the editor's earlier posts add the `history` and
/// `follows` parts, and say which candidates were posted already.
pub fn candidates(
    pool: &Pool,
    window: &Window,
    interests: &[Interest],
    memory: Option<Memory>,
    maintainers: Option<&Maintainers>,
) -> Vec<Candidate> {
    let mut found: Vec<(Candidate, Facts)> = Vec::new();
    // Where each sending's patches joined, and when its first was sent.
    let mut sendings: HashMap<String, Vec<(usize, Option<SentAt>)>> = HashMap::new();
    let need_paths = memory.is_some_and(|m| !m.learned.prefixes.is_empty())
        || maintainers.is_some()
        || interests.iter().any(|i| {
            matches!(
                i,
                Interest::Path(..) | Interest::Word(_) | Interest::Section { .. }
            )
        });
    let need_added = interests.iter().any(Interest::needs_added_lines);
    let need_history = memory.is_some_and(|m| !m.history.is_empty());
    // Each thread is described on its own (in parallel for many); joining
    // siblings and revisions across threads comes after, in order.
    let described = crate::parallel::map(&pool.threads(), |thread| {
        let thread = ThreadSeries::new(thread.clone());
        thread
            .starts()
            .filter(|start| window.contains(start))
            .map(|start| {
                (
                    describe(&thread, start, need_paths, need_history, need_added),
                    thread.sending_key(start),
                )
            })
            .collect::<Vec<_>>()
    });
    for (described, sending) in described.into_iter().flatten() {
        let Some(SendingKey {
            series,
            unthreaded_at,
        }) = sending
        else {
            found.push(described);
            continue;
        };
        let joined = sendings.get(&series).and_then(|groups| {
            groups
                .iter()
                .find_map(|&(i, first)| match (unthreaded_at, first) {
                    (None, _) => Some(i),
                    (Some(at), Some(first)) => same_sending(at, first).then_some(i),
                    (Some(_), None) => None,
                })
        });
        match joined {
            Some(i) => absorb(&mut found[i], described),
            None => {
                sendings
                    .entry(series)
                    .or_default()
                    .push((found.len(), unthreaded_at));
                found.push(described);
            }
        }
    }
    let mut ranked: Vec<Candidate> = collapse_revisions(found)
        .into_iter()
        .map(|(mut candidate, facts)| {
            (candidate.interests, candidate.interests_matched) =
                matched_interests(interests, &facts);
            if let Some(maintainers) = maintainers {
                candidate.sections = maintainers.sections_of(
                    facts
                        .paths
                        .iter()
                        .map(String::as_str)
                        .zip(facts.lines.iter().copied()),
                );
            }
            let mut remembered = Remembered::default();
            if let Some(memory) = memory {
                remembered = remember(&mut candidate, &facts, memory);
            }
            candidate.score = score(&candidate, &facts, &remembered);
            candidate
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total
            .total_cmp(&a.score.total)
            .then_with(|| b.date.cmp(&a.date))
    });
    ranked
}

/// What `interests` matched in `facts`, each piece of evidence once: a
/// list that two section interests name (linux-mm for MEMORY MANAGEMENT
/// and for the memcg controller) is one list the thread went to.
/// The count is of interests matched, but for sections: the files of a
/// section named by its whole title (`section:'MEMORY MANAGEMENT'`) count
/// two, as `mm/**` and `mm` both count an mm patch; a section the name
/// only opens (`section:'CONTROL GROUP'` opens the cgroup core's title and
/// its three controllers') one, as no one of them is the one named; and
/// where no section holds a file, their lists and subject prefixes one in
/// all.
fn matched_interests(interests: &[Interest], facts: &Facts) -> (Vec<String>, usize) {
    let mut matched: Vec<String> = Vec::new();
    let mut lists: Vec<String> = Vec::new();
    let mut count = 0;
    let mut by_list = false;
    for interest in interests {
        let mut any = false;
        let labels = interest.matched(facts);
        if let Interest::Section { name, .. } = interest {
            let named = |label: &String| {
                label
                    .strip_prefix("section:")
                    .is_some_and(|section| section.eq_ignore_ascii_case(name))
            };
            if labels.iter().any(named) {
                count += 2;
            } else if labels.iter().any(|l| l.starts_with("section:")) {
                count += 1;
            } else if !labels.is_empty() {
                by_list = true;
            }
        }
        for label in labels {
            if let Some((list, _)) = label
                .strip_prefix("list:")
                .and_then(|l| l.split_once(" (section:"))
            {
                if lists.iter().any(|l| l == list) {
                    continue;
                }
                lists.push(list.to_string());
            }
            matched.push(label);
            any = true;
        }
        if !matches!(interest, Interest::Section { .. }) {
            count += usize::from(any);
        }
    }
    (matched, count + usize::from(by_list && count == 0))
}

fn interest_label(interest: &Interest) -> String {
    match interest {
        Interest::Prefix(p) => format!("subject:{p}"),
        Interest::List(l) => format!("list:{l}"),
        Interest::Path(p, _) => format!("path:{p}"),
        Interest::Word(w) => w.clone(),
        Interest::Section { name, .. } => format!("section:{name}"),
    }
}

/// The history's parts of a candidate's score.
#[derive(Debug, Default)]
struct Remembered {
    history: f64,
    follows: bool,
    similar: f64,
}

/// What the history says of `candidate`: its `history` reasons, what it
/// follows, whether it was posted; the parts of its score.
fn remember(candidate: &mut Candidate, facts: &Facts, memory: Memory) -> Remembered {
    let (history, reasons) = history_part(memory, facts, &candidate.author);
    candidate.history = reasons;
    let date = DateTime::parse_from_rfc3339(&candidate.date)
        .ok()
        .map(|d| d.to_utc());
    let mut seen = memory.history.seen(
        &Asked {
            message_id: &candidate.message_id,
            subject: &candidate.subject,
            author: &candidate.author,
            linked: &facts.linked,
            change_id: facts.change_id.as_deref(),
            date,
        },
        memory.at_hand,
    );
    // An older revision of the window that was posted is one it follows.
    for revision in &candidate.also {
        let older = memory.history.seen(
            &Asked {
                message_id: &revision.message_id,
                subject: &candidate.subject,
                author: &candidate.author,
                linked: &[],
                change_id: None,
                date,
            },
            memory.at_hand,
        );
        seen.earlier.extend(older.posted);
    }
    seen.earlier.sort_unstable_by(|a, b| b.cmp(a));
    seen.earlier.dedup();
    if let Some(posted) = seen.posted {
        let at = memory.history.posted_at(posted).to_utc();
        let then = facts.reply_dates.iter().filter(|&&d| d < at).count();
        let grown = facts.replies >= (then + NEWS_AGAIN).max(2 * then);
        if !grown {
            candidate.posted = Some(memory.history.covered(posted, memory.link_base));
        }
    }
    candidate.covered = memory.history.covering(&seen, memory.link_base);
    let similar = similar_part(candidate, facts, memory, &seen);
    Remembered {
        history,
        follows: !seen.earlier.is_empty(),
        similar,
    }
}

/// How much a candidate weighs by what the editor covers, and why: the
/// best two of its subsystems (each subject prefix of the earlier entries
/// as a bare `--interest` word: subject prefix, list, files; and the lists
/// and directories of the covered threads at hand), and its author.
fn history_part(memory: Memory, facts: &Facts, author: &str) -> (f64, Vec<String>) {
    let learned = memory.learned;
    let entries = learned.entries.max(1) as f64;
    let share = |n: usize, of: f64, focus: f64| (n as f64 / of / focus).min(1.0);
    let mut parts: Vec<(f64, String)> = Vec::new();
    // Most entries first; a prefix under one already matched adds nothing.
    let mut matched: Vec<&str> = Vec::new();
    for (prefix, n) in &learned.prefixes {
        if matched.iter().any(|c| is_under(prefix, c)) || !covers(prefix, facts) {
            continue;
        }
        matched.push(prefix);
        parts.push((
            HISTORY_SUBSYSTEM * share(*n, entries, SUBSYSTEM_FOCUS),
            format!("{n} earlier entries on {prefix}"),
        ));
    }
    let at_hand = memory.at_hand;
    let threads = at_hand.threads.max(1) as f64;
    let recurring = |n: &usize| *n >= crate::history::RECURRING;
    if let Some((list, n)) = at_hand
        .lists
        .iter()
        .filter(|(_, n)| recurring(n))
        .find(|(list, _)| facts.lists.iter().any(|l| l.eq_ignore_ascii_case(list)))
    {
        parts.push((
            HISTORY_SUBSYSTEM * share(*n, threads, AT_HAND_FOCUS),
            format!("{n} covered threads at hand on {list}"),
        ));
    }
    if let Some((dir, n)) = at_hand
        .dirs
        .iter()
        .filter(|(_, n)| recurring(n))
        .find(|(dir, _)| facts.paths.iter().any(|p| is_under(p, dir)))
    {
        parts.push((
            HISTORY_SUBSYSTEM * share(*n, threads, AT_HAND_FOCUS),
            format!("{n} covered threads at hand in {dir}/"),
        ));
    }
    parts.sort_by(|a, b| b.0.total_cmp(&a.0));
    parts.truncate(2);
    if let Some((name, n)) = learned.authors.get(&author.trim().to_lowercase()) {
        parts.push((
            HISTORY_AUTHOR * share(*n, entries, AUTHOR_FOCUS),
            format!("{n} earlier entries by {name}"),
        ));
    }
    let total = parts.iter().map(|(w, _)| w).sum();
    (total, parts.into_iter().map(|(_, reason)| reason).collect())
}

/// The `similar` part: how many earlier entries of other series the
/// candidate's text is like (at least [`LIKE_AT`]), up to
/// [`LIKE_ENOUGH`]; the most alike go to `like` and, where they count, to
/// the `history` reasons.
fn similar_part(
    candidate: &mut Candidate,
    facts: &Facts,
    memory: Memory,
    seen: &crate::history::Seen,
) -> f64 {
    if facts.text.is_empty() {
        return 0.0;
    }
    let own = |i: &usize| seen.posted == Some(*i) || seen.earlier.contains(i);
    let entries = memory.history.entries();
    let like: Vec<(usize, f32)> = memory
        .learned
        .profile
        .like(&facts.text, LIKE_SHOWN)
        .into_iter()
        .filter(|(i, _)| !own(i))
        .take(LIKE_LISTED)
        .collect();
    candidate.like = like
        .iter()
        .map(|&(i, similarity)| Like {
            post: memory.history.posts()[entries[i].post].name.clone(),
            subject: entries[i].subject.clone(),
            similarity: (f64::from(similarity) * 100.0).round() / 100.0,
        })
        .collect();
    let alike: Vec<&str> = like
        .iter()
        .filter(|(_, s)| *s >= LIKE_AT)
        .take(LIKE_ENOUGH)
        .map(|&(i, _)| entries[i].subject.as_str())
        .collect();
    if alike.is_empty() {
        return 0.0;
    }
    candidate.history.push(format!(
        "like {} earlier entries: {}",
        alike.len(),
        alike.join("; ")
    ));
    SIMILAR * alike.len() as f64 / LIKE_ENOUGH as f64
}

/// Whether a candidate is of the subsystem an earlier subject prefix
/// names: a prefix under it, its list (`mm` is linux-mm) or a file under
/// its directory. Unlike a hand-written word, a file of that very name
/// (`MAINTAINERS`) is no subsystem.
fn covers(prefix: &str, facts: &Facts) -> bool {
    let list = format!("linux-{prefix}");
    let below = format!("{}/", prefix.to_ascii_lowercase());
    facts.prefixes.iter().any(|q| is_under(q, prefix))
        || facts
            .lists
            .iter()
            .any(|id| is_list(id, prefix) || is_list(id, &list))
        || facts
            .paths
            .iter()
            .any(|path| path.to_ascii_lowercase().starts_with(&below))
}

fn score(candidate: &Candidate, facts: &Facts, remembered: &Remembered) -> Score {
    let ln = |n: usize| (n as f64).ln_1p();
    let mut score = Score {
        discussion: DISCUSSION * ln(facts.replies),
        participants: PARTICIPANTS * ln(facts.participants.len()),
        review: REVIEW * ln(facts.trailers),
        kind: kind_weight(candidate.kind),
        size: SIZE * ln(candidate.patches as usize),
        revision: if candidate.revision <= 1 && candidate.also.is_empty() {
            NEW_WORK
        } else {
            0.0
        },
        interest: INTEREST * candidate.interests_matched.min(2) as f64,
        history: remembered.history,
        follows: if remembered.follows { FOLLOWS } else { 0.0 },
        interface: if facts.interface { INTERFACE } else { 0.0 },
        similar: remembered.similar,
        total: 0.0,
    };
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let mut total = 0.0;
    for part in [
        &mut score.discussion,
        &mut score.participants,
        &mut score.review,
        &mut score.kind,
        &mut score.size,
        &mut score.revision,
        &mut score.interest,
        &mut score.history,
        &mut score.follows,
        &mut score.interface,
        &mut score.similar,
    ] {
        *part = round(*part);
        total += *part;
    }
    score.total = round(total);
    score
}

/// What a thread known only from a search listing would score: the same
/// parts as [`candidates`] gives, without review and file paths, which need
/// the bodies. `replies` and `repliers` are what the listing shows of its
/// discussion.
pub fn listing_score(
    subject: &str,
    author: &str,
    list: &str,
    replies: usize,
    repliers: HashSet<String>,
    interests: &[Interest],
    memory: Option<Memory>,
) -> f64 {
    let parsed = Subject::parse(subject);
    let facts = Facts {
        replies,
        participants: repliers,
        trailers: 0,
        prefixes: parsed.prefixes().iter().map(|p| p.to_string()).collect(),
        lists: vec![list.to_string()],
        paths: Vec::new(),
        text: parsed.title.clone(),
        interface: names_an_interface(&parsed.title) || is_list(list, API_LIST),
        ..Facts::default()
    };
    let mut candidate = Candidate {
        message_id: String::new(),
        subject: subject.to_string(),
        author: author.to_string(),
        author_email: String::new(),
        date: String::new(),
        list: None,
        // A listing shows neither the body nor the address.
        kind: kind_of(&parsed, false, false),
        revision: parsed.revision,
        also: Vec::new(),
        patches: parsed
            .counter
            .map_or(u32::from(parsed.is_patch), |(_, n)| n),
        replies,
        participants: facts.participants.len(),
        trailer_count: 0,
        interests: Vec::new(),
        sections: Vec::new(),
        interests_matched: 0,
        history: Vec::new(),
        covered: Vec::new(),
        posted: None,
        like: Vec::new(),
        score: Score::default(),
    };
    (candidate.interests, candidate.interests_matched) = matched_interests(interests, &facts);
    let remembered = match memory {
        Some(memory) => remember(&mut candidate, &facts, memory),
        None => Remembered::default(),
    };
    if candidate.posted.is_some() {
        // Not proposed again: not worth fetching whole either.
        return 0.0;
    }
    score(&candidate, &facts, &remembered).total
}

/// The candidate for `start` and the facts of its part of the thread.
/// Paths are gathered only when an interest asks for them (`need_paths`).
/// The IDs it links are read only with a history to look them up in
/// (`need_history`), as is its text.
fn describe(
    thread: &ThreadSeries,
    start: &Message,
    need_paths: bool,
    need_history: bool,
    need_added: bool,
) -> (Candidate, Facts) {
    let post = thread.post(start);
    let (series, replies) = thread.series_at(start);
    let who = author_in_thread(start, &thread.thread.messages);
    let mut facts = Facts {
        replies: replies.len(),
        ..Facts::default()
    };
    let mut trailers = Trailers::default();
    for reply in &replies {
        if !reply.from_email.eq_ignore_ascii_case(&start.from_email) {
            facts.participants.insert(reply.from_email.to_lowercase());
        }
        trailers.add_from(&reply.body);
        facts.reply_dates.extend(reply.date.map(|d| d.to_utc()));
    }
    if need_history {
        facts.text = post.subject.title.clone();
        facts.linked = crate::post_format::mail_links(&start.body);
        facts.change_id = crate::history::change_id(&start.body).map(str::to_string);
    }
    facts.trailers = trailers.count();
    facts.prefixes = post
        .subject
        .prefixes()
        .iter()
        .map(|p| p.to_string())
        .collect();
    // Every list the thread's start went to, not only the one its copy
    // came through: a series sent to cgroups and linux-mm is linux-mm's.
    facts.lists = start.list_id.iter().cloned().collect();
    for list in &start.lists {
        if !facts.lists.iter().any(|l| l.eq_ignore_ascii_case(list)) {
            facts.lists.push(list.clone());
        }
    }
    let own_posts = || std::iter::once(start).chain(series.patches.iter().copied());
    facts.interface = names_an_interface(&post.subject.title)
        || facts.lists.iter().any(|l| is_list(l, API_LIST))
        || own_posts().any(|m| adds_an_interface(&m.body));
    if need_paths {
        for change in thread.changes_of(&series) {
            facts.paths.push(change.path);
            facts.lines.push(change.lines);
        }
    }
    if need_added {
        for mail in own_posts() {
            for line in mail.body.lines() {
                if let Some(added) = line.strip_prefix('+').filter(|l| !l.starts_with("++ ")) {
                    facts.added.push_str(added);
                    facts.added.push('\n');
                }
            }
        }
    }
    let kind = kind_of(
        &series.tags,
        super::release_of(start).is_some(),
        post.has_diff,
    );
    let candidate = Candidate {
        message_id: start.id.clone(),
        subject: start.subject.clone(),
        author: who.name,
        author_email: who.email,
        date: start
            .date
            .map(|d| d.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default(),
        list: start.list_id.clone(),
        kind,
        revision: series.tags.revision,
        also: Vec::new(),
        patches: series.expected,
        replies: facts.replies,
        participants: facts.participants.len(),
        trailer_count: facts.trailers,
        interests: Vec::new(),
        sections: Vec::new(),
        interests_matched: 0,
        history: Vec::new(),
        covered: Vec::new(),
        posted: None,
        like: Vec::new(),
        score: Score::default(),
    };
    (candidate, facts)
}

/// Joins `other` into `kept`: two patches of one series whose cover letter
/// is missing. The lower-numbered patch stands for the series.
fn absorb(kept: &mut (Candidate, Facts), other: (Candidate, Facts)) {
    let counter = |c: &Candidate| Subject::parse(&c.subject).counter.map_or(0, |(k, _)| k);
    let (other, other_facts) = other;
    if counter(&other) < counter(&kept.0) {
        kept.0 = Candidate {
            patches: kept.0.patches,
            ..other
        };
    }
    add_facts(kept, other_facts);
}

/// Folds revisions and resends of one series into the newest, which keeps
/// the discussion of all of them and notes the others in `also`.
fn collapse_revisions(found: Vec<(Candidate, Facts)>) -> Vec<(Candidate, Facts)> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<(Candidate, Facts)> = Vec::new();
    for (candidate, facts) in found {
        let key = Posting::new(
            &Subject::parse(&candidate.subject),
            Sender::mail(&candidate.author_email, &candidate.author),
        )
        .series_key();
        let Some(&i) = by_key.get(&key) else {
            by_key.insert(key, out.len());
            out.push((candidate, facts));
            continue;
        };
        let kept = &mut out[i];
        let newer = (candidate.revision, &candidate.date) > (kept.0.revision, &kept.0.date);
        let (older, older_facts) = if newer {
            std::mem::replace(kept, (candidate, facts))
        } else {
            (candidate, facts)
        };
        kept.0.also.push(Revision {
            revision: older.revision,
            message_id: older.message_id,
            link: String::new(),
        });
        kept.0.also.extend(older.also);
        kept.0.also.sort_by_key(|r| r.revision);
        add_facts(kept, older_facts);
    }
    out
}

/// Adds another part's discussion to `kept`'s.
fn add_facts(kept: &mut (Candidate, Facts), other: Facts) {
    let (candidate, facts) = kept;
    facts.replies += other.replies;
    facts.trailers += other.trailers;
    facts.participants.extend(other.participants);
    facts.paths.extend(other.paths);
    facts.lines.extend(other.lines);
    facts.reply_dates.extend(other.reply_dates);
    facts.linked.extend(other.linked);
    candidate.replies = facts.replies;
    candidate.trailer_count = facts.trailers;
    candidate.participants = facts.participants.len();
}

/// The candidates the draft reports, `top` of them besides release
/// announcements: the community announcements first (a call for topics,
/// a summit's schedule: rare, and always news), then the best of the
/// rest; then every release announcement (compose puts them last).
///
/// What an earlier post has already (`posted`) is not picked again.
pub fn picks(ranked: &[Candidate], top: usize) -> Vec<&Candidate> {
    let news = |c: &&Candidate| c.posted.is_none();
    let mut picks: Vec<&Candidate> = ranked
        .iter()
        .filter(news)
        .filter(|c| is_community_announcement(c))
        .take(top)
        .collect();
    let room = top - picks.len();
    picks.extend(
        ranked
            .iter()
            .filter(news)
            .filter(|c| c.kind != Kind::Release && !is_community_announcement(c))
            .take(room),
    );
    picks.extend(ranked.iter().filter(|c| c.kind == Kind::Release));
    picks
}

/// An organiser's news of a gathering (a call for topics, a schedule, a
/// status update), not a topic proposed for it.
fn is_community_announcement(candidate: &Candidate) -> bool {
    let subject = Subject::parse(&candidate.subject);
    candidate.kind == Kind::Event && !subject.is_topic && !subject.is_reply
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86400;
    /// 2022-09-01T00:00:00Z
    const T0: i64 = 1_661_990_400;

    fn mail(id: &str, from: &str, subject: &str, parent: Option<&str>, at: i64) -> Message {
        Message {
            id: id.into(),
            in_reply_to: parent.map(Into::into),
            references: parent.iter().map(|p| p.to_string()).collect(),
            subject: subject.into(),
            from_name: from.into(),
            from_email: format!("{}@example.org", from.to_lowercase()),
            original_from: None,
            date: DateTime::from_timestamp(T0 + at, 0).map(|d| d.fixed_offset()),
            list_id: Some("linux-mm.kvack.org".into()),
            lists: Vec::new(),
            body: Default::default(),
            raw_index: 0,
        }
    }

    fn week() -> Window {
        Window {
            since: DateTime::from_timestamp(T0, 0).unwrap(),
            until: DateTime::from_timestamp(T0 + 7 * DAY, 0).unwrap(),
        }
    }

    fn rank(mails: Vec<Message>, interests: &[&str]) -> Vec<Candidate> {
        let interests: Vec<Interest> = interests
            .iter()
            .map(|i| Interest::parse(i).unwrap())
            .collect();
        candidates(&Pool::new(mails, None), &week(), &interests, None, None)
    }

    fn series(prefix: &str, from: &str, revision: u32, at: i64) -> Vec<Message> {
        let cover = format!("{prefix}-0@x");
        let mut mails = vec![mail(
            &cover,
            from,
            &format!("[PATCH v{revision} 0/2] mm: a series"),
            None,
            at,
        )];
        for k in 1..=2 {
            mails.push(mail(
                &format!("{prefix}-{k}@x"),
                from,
                &format!("[PATCH v{revision} {k}/2] mm: step {k}"),
                Some(&cover),
                at + k,
            ));
        }
        mails
    }

    #[test]
    fn a_series_is_one_candidate_and_its_patches_are_not_replies() {
        let ranked = rank(series("s", "Ann", 1, 0), &[]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].message_id, "s-0@x");
        assert_eq!((ranked[0].patches, ranked[0].replies), (2, 0));
    }

    #[test]
    fn replies_and_participants_raise_the_score() {
        let mut mails = series("quiet", "Ann", 1, 0);
        mails.extend(series("busy", "Bob", 1, 10));
        mails.push(mail(
            "r1@x",
            "Cat",
            "Re: [PATCH v1 1/2] mm: step 1",
            Some("busy-1@x"),
            100,
        ));
        mails.push(mail(
            "r2@x",
            "Dan",
            "Re: [PATCH v1 1/2] mm: step 1",
            Some("r1@x"),
            200,
        ));
        mails.push(mail(
            "r3@x",
            "Bob",
            "Re: [PATCH v1 1/2] mm: step 1",
            Some("r2@x"),
            300,
        ));
        let ranked = rank(mails, &[]);
        assert_eq!(ranked[0].message_id, "busy-0@x");
        assert_eq!((ranked[0].replies, ranked[0].participants), (3, 2));
        assert!(ranked[0].score.total > ranked[1].score.total);
    }

    #[test]
    fn revisions_in_the_window_collapse_into_the_newest() {
        let mut mails = series("v1", "Ann", 1, 0);
        mails.push(mail(
            "r@x",
            "Bob",
            "Re: [PATCH v1 0/2] mm: a series",
            Some("v1-0@x"),
            50,
        ));
        mails.extend(series("v2", "Ann", 2, DAY));
        let ranked = rank(mails, &[]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].message_id, "v2-0@x");
        assert_eq!(
            ranked[0]
                .also
                .iter()
                .map(|r| (r.revision, r.message_id.as_str()))
                .collect::<Vec<_>>(),
            [(1, "v1-0@x")]
        );
        assert_eq!(ranked[0].replies, 1);
    }

    #[test]
    fn a_v2_sent_in_reply_to_v1_is_still_its_own_posting() {
        let mut mails = series("v1", "Ann", 1, 0);
        let mut v2 = series("v2", "Ann", 2, DAY);
        v2[0].in_reply_to = Some("v1-0@x".into());
        mails.extend(v2);
        let ranked = rank(mails, &[]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].message_id, "v2-0@x");
        assert_eq!((ranked[0].patches, ranked[0].replies), (2, 0));
    }

    #[test]
    fn patches_whose_cover_letter_is_missing_are_one_candidate() {
        let mut mails = series("s", "Ann", 1, 0);
        mails.remove(0);
        mails.push(mail(
            "r@x",
            "Bob",
            "Re: [PATCH v1 2/2] mm: step 2",
            Some("s-2@x"),
            60,
        ));
        let ranked = rank(mails, &[]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].message_id, "s-1@x");
        assert_eq!(ranked[0].replies, 1);
    }

    #[test]
    fn unthreaded_patches_of_one_sending_are_one_candidate() {
        // Sent 20 minutes apart, across a ten-minute mark.
        let sent = |id: &str, k: u32, at: i64| {
            mail(id, "Ann", &format!("[PATCH {k}/2] mm: step {k}"), None, at)
        };
        let ranked = rank(vec![sent("a@x", 1, 590), sent("b@x", 2, 1790)], &[]);
        assert_eq!(ranked.len(), 1, "{ranked:?}");
        assert_eq!(ranked[0].message_id, "a@x");
        // Hours apart, they are two sendings.
        let ranked = rank(vec![sent("a@x", 1, 0), sent("b@x", 2, 3 * 3600)], &[]);
        assert_eq!(ranked.len(), 2, "{ranked:?}");
    }

    #[test]
    fn bot_mail_counts_as_discussion_but_is_no_candidate() {
        let mut mails = series("s", "Ann", 1, 0);
        let mut robot = mail(
            "bot@x",
            "x",
            "Re: [PATCH v1 1/2] mm: step 1",
            Some("s-1@x"),
            60,
        );
        robot.from_email = "lkp@intel.com".into();
        let mut notice = mail(
            "n@x",
            "Greg",
            "Patch \"mm: x\" has been added to the 5.19-stable tree",
            None,
            70,
        );
        notice.from_email = "gregkh@linuxfoundation.org".into();
        mails.extend([robot, notice]);
        let ranked = rank(mails, &[]);
        assert_eq!(ranked.len(), 1);
        assert_eq!(ranked[0].replies, 1);
    }

    #[test]
    fn threads_started_outside_the_window_are_not_candidates() {
        let mut mails = series("old", "Ann", 1, -DAY);
        mails.push(mail(
            "r@x",
            "Bob",
            "Re: [PATCH v1 0/2] mm: a series",
            Some("old-0@x"),
            60,
        ));
        assert!(rank(mails, &[]).is_empty());
    }

    #[test]
    fn interests_match_prefixes_lists_and_paths() {
        let mut damon = mail("d@x", "Ann", "[PATCH] mm/damon/sysfs: fix a leak", None, 0);
        damon.body = "---\n mm/damon/sysfs.c | 2 +-\n".into();
        let mut other = mail("o@x", "Bob", "[PATCH] net: fix a leak", None, 1);
        other.list_id = Some("netdev.vger.kernel.org".into());
        for interest in [
            "mm",
            "mm/damon:",
            "list:linux-mm",
            "mm/**",
            "path:mm/damon/*.c",
            "mm/damon/sysfs.c",
        ] {
            let ranked = rank(vec![damon.clone(), other.clone()], &[interest]);
            assert_eq!(ranked[0].message_id, "d@x", "{interest}");
            assert_eq!(ranked[0].interests.len(), 1, "{interest}");
            assert!(ranked[1].interests.is_empty(), "{interest}");
        }
        assert!(rank(vec![damon], &["mmc"])[0].interests.is_empty());
    }

    #[test]
    fn a_titled_sections_files_count_twice_a_familys_once_and_lists_alone_once() {
        let (maintainers, _) = Maintainers::parse(
            "CONTROL GROUP (CGROUP)\nL:\tcgroups@vger.kernel.org\nF:\tkernel/cgroup/\n\n\
             CONTROL GROUP - BLOCK IO CONTROLLER (BLKIO)\nL:\tcgroups@vger.kernel.org\n\
             F:\tblock/blk-cgroup.c\n\n\
             MEMORY MANAGEMENT\nL:\tlinux-mm@kvack.org\nF:\tmm/\n",
            "MAINTAINERS",
        );
        let maintainers = std::sync::Arc::new(maintainers);
        let interests = [
            Interest::section("CONTROL GROUP", &maintainers).unwrap(),
            Interest::section("MEMORY MANAGEMENT", &maintainers).unwrap(),
        ];
        let count = |paths: &[&str], lists: &[&str]| {
            let facts = Facts {
                paths: paths.iter().map(|p| p.to_string()).collect(),
                lines: vec![1; paths.len()],
                lists: lists.iter().map(|l| l.to_string()).collect(),
                ..Facts::default()
            };
            matched_interests(&interests, &facts).1
        };
        // As `mm/**` and `mm` both count an mm patch.
        assert_eq!(count(&["mm/vmscan.c"], &[]), 2);
        // 'CONTROL GROUP' opens four titles; the core's is one of them.
        assert_eq!(count(&["kernel/cgroup/cgroup.c"], &[]), 1);
        assert_eq!(count(&["block/blk-cgroup.c"], &[]), 1);
        // Where the mail went says less than what it changes.
        let lists = ["linux-mm.kvack.org", "cgroups.vger.kernel.org"];
        assert_eq!(count(&["fs/proc/base.c"], &lists), 1);
        assert_eq!(count(&["fs/proc/base.c"], &[]), 0);
    }

    #[test]
    fn a_section_interest_finds_a_thread_without_files_by_its_subject_prefix() {
        let (maintainers, _) = Maintainers::parse(
            "CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)\nL:\tcgroups@vger.kernel.org\n\
             F:\tmm/memcontrol.c\n\nMEMORY MANAGEMENT\nL:\tlinux-mm@kvack.org\nF:\tmm/\n",
            "MAINTAINERS",
        );
        let maintainers = std::sync::Arc::new(maintainers);
        let interests = [
            Interest::section("CONTROL GROUP", &maintainers).unwrap(),
            Interest::section("MEMORY MANAGEMENT", &maintainers).unwrap(),
        ];
        let topic = mail(
            "t@x",
            "Ann",
            "[LSF/MM/BPF TOPIC] memcg: reclaim at scale",
            None,
            0,
        );
        let mm_rfc = mail(
            "r@x",
            "Bob",
            "[RFC PATCH 0/3] mm/vmscan: a new LRU",
            None,
            1,
        );
        let mut other = mail("o@x", "Cy", "[RFC] net: a new socket option", None, 2);
        other.list_id = Some("netdev.vger.kernel.org".into());
        let ranked = candidates(
            &Pool::new(vec![topic, mm_rfc, other], None),
            &week(),
            &interests,
            None,
            None,
        );
        let matched = |id: &str| {
            ranked
                .iter()
                .find(|c| c.message_id == id)
                .unwrap()
                .interests
                .clone()
        };
        assert!(
            matched("t@x").contains(
                &"subject:memcg (section:CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG))"
                    .into()
            ),
            "{:?}",
            matched("t@x")
        );
        assert!(
            matched("r@x").contains(&"subject:mm (section:MEMORY MANAGEMENT)".into()),
            "{:?}",
            matched("r@x")
        );
        assert!(matched("o@x").is_empty(), "{:?}", matched("o@x"));
    }

    #[test]
    fn a_bad_glob_is_an_error_that_names_it() {
        let error = Interest::parse("mm/[").unwrap_err();
        assert!(error.contains("mm/["), "{error}");
    }

    #[test]
    fn the_score_is_the_sum_of_its_parts() {
        let mut mails = series("s", "Ann", 1, 0);
        mails[0].subject = "[RFC PATCH 0/2] mm: a series".into();
        mails.push(mail(
            "r@x",
            "Bob",
            "Re: [RFC PATCH 0/2] mm: a series",
            Some("s-0@x"),
            60,
        ));
        let s = &rank(mails, &["mm"])[0].score;
        let sum =
            s.discussion + s.participants + s.review + s.kind + s.size + s.revision + s.interest;
        assert!((s.total - sum).abs() < 0.011, "{s:?}");
        assert_eq!((s.kind, s.interest, s.revision), (1.5, INTEREST, 0.5));
    }

    #[test]
    fn a_word_is_also_the_linux_list_of_that_name_the_mail_was_copied_to() {
        // Came through cgroups, copied to linux-mm: an `mm` thread.
        let mut copied = mail("c@x", "Ann", "[RFC] a knob for memory.reclaim", None, 0);
        copied.list_id = Some("cgroups.vger.kernel.org".into());
        copied.lists = vec![
            "cgroups.vger.kernel.org".into(),
            "linux-mm.kvack.org".into(),
        ];
        let mut elsewhere = mail("e@x", "Bob", "[RFC] a knob for the scheduler", None, 1);
        elsewhere.list_id = Some("cgroups.vger.kernel.org".into());
        elsewhere.lists = vec!["cgroups.vger.kernel.org".into()];
        let ranked = rank(vec![copied, elsewhere], &["mm"]);
        assert_eq!(ranked[0].message_id, "c@x");
        assert_eq!(ranked[0].interests, ["mm"]);
        assert!(ranked[1].interests.is_empty());
    }
}
