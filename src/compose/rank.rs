//! Ranking a week's threads: which of them deserve a line in the post.
//!
//! Editors pick new work that people talk about: RFCs and proposals, series
//! with many replies from many people, review given, and what their readers
//! care for (`--interest`). A candidate's score is a sum of named parts, so
//! that `-v` and `--format json` can say why it ranks where it does.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{DateTime, SecondsFormat, Utc};
use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::{Kind, kind_of};
use crate::parse::subject::contains_ci;
use crate::parse::thread::is_list;
use crate::parse::{Message, Pool, Subject, Thread, Trailers, author::author};

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
    /// A bare word such as `memcg` or `mm/damon`: a subject prefix, a list,
    /// or a file or directory the series touches.
    Word(String),
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

    fn matches(&self, facts: &Facts) -> bool {
        match self {
            Interest::Prefix(p) => facts.prefixes.iter().any(|q| is_under(q, p)),
            Interest::List(l) => facts.lists.iter().any(|id| is_list(id, l)),
            Interest::Path(_, glob) => facts.paths.iter().any(|path| glob.is_match(path)),
            Interest::Word(w) => {
                facts.prefixes.iter().any(|q| is_under(q, w))
                    || facts.lists.iter().any(|id| is_list(id, w))
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
const INTEREST: f64 = 3.0;

fn kind_weight(kind: Kind) -> f64 {
    match kind {
        Kind::Topic => 2.5,
        Kind::Rfc => 1.5,
        Kind::Pull => 1.0,
        Kind::Discussion => 0.5,
        Kind::Patch | Kind::Release => 0.0,
    }
}

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
    pub version: u32,
    /// Other revisions of the series posted in the window.
    pub also: Vec<u32>,
    pub patches: u32,
    pub replies: usize,
    pub participants: usize,
    pub trailers: usize,
    pub interests: Vec<String>,
    pub score: Score,
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
}

/// The week's candidates in `pool`, best first: thread starts inside
/// `window`, one per series, replies and bot mail counted as discussion.
pub fn candidates(pool: &Pool, window: &Window, interests: &[Interest]) -> Vec<Candidate> {
    let mut found: Vec<(Candidate, Facts)> = Vec::new();
    let mut siblings: HashMap<String, usize> = HashMap::new();
    let need_paths = interests
        .iter()
        .any(|i| matches!(i, Interest::Path(..) | Interest::Word(_)));
    // Each thread is described on its own (in parallel for many); joining
    // siblings and revisions across threads comes after, in order.
    let described = crate::parallel::map(&pool.threads(), |thread| {
        let thread = Parsed::new(thread.clone());
        thread
            .thread
            .messages
            .iter()
            .filter(|start| window.contains(start) && thread.is_start(start))
            .map(|start| {
                (
                    describe(&thread, start, need_paths),
                    sibling_key(&thread, start),
                )
            })
            .collect::<Vec<_>>()
    });
    for (described, sibling) in described.into_iter().flatten() {
        match sibling {
            Some(key) => match siblings.get(&key) {
                Some(&i) => absorb(&mut found[i], described),
                None => {
                    siblings.insert(key, found.len());
                    found.push(described);
                }
            },
            None => found.push(described),
        }
    }
    let mut ranked: Vec<Candidate> = collapse_revisions(found)
        .into_iter()
        .map(|(mut candidate, facts)| {
            candidate.interests = interests
                .iter()
                .filter(|i| i.matches(&facts))
                .map(interest_label)
                .collect();
            candidate.score = score(&candidate, &facts);
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

fn interest_label(interest: &Interest) -> String {
    match interest {
        Interest::Prefix(p) => format!("subject:{p}"),
        Interest::List(l) => format!("list:{l}"),
        Interest::Path(p, _) => format!("path:{p}"),
        Interest::Word(w) => w.clone(),
    }
}

fn score(candidate: &Candidate, facts: &Facts) -> Score {
    let ln = |n: usize| (n as f64).ln_1p();
    let mut score = Score {
        discussion: DISCUSSION * ln(facts.replies),
        participants: PARTICIPANTS * ln(facts.participants.len()),
        review: REVIEW * ln(facts.trailers),
        kind: kind_weight(candidate.kind),
        size: SIZE * ln(candidate.patches as usize),
        revision: if candidate.version <= 1 && candidate.also.is_empty() {
            NEW_WORK
        } else {
            0.0
        },
        interest: INTEREST * candidate.interests.len().min(2) as f64,
        total: 0.0,
    };
    let round = |x: f64| (x * 100.0).round() / 100.0;
    for part in [
        &mut score.discussion,
        &mut score.participants,
        &mut score.review,
        &mut score.kind,
        &mut score.size,
        &mut score.revision,
        &mut score.interest,
    ] {
        *part = round(*part);
    }
    score.total = round(
        score.discussion
            + score.participants
            + score.review
            + score.kind
            + score.size
            + score.revision
            + score.interest,
    );
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
) -> f64 {
    let parsed = Subject::parse(subject);
    let message = Message {
        id: String::new(),
        in_reply_to: None,
        references: Vec::new(),
        subject: subject.to_string(),
        from_name: author.to_string(),
        from_email: String::new(),
        original_from: None,
        date: None,
        list_id: Some(list.to_string()),
        body: String::new(),
        raw_index: 0,
    };
    let facts = Facts {
        replies,
        participants: repliers,
        trailers: 0,
        prefixes: prefixes(&parsed.title),
        lists: vec![list.to_string()],
        paths: Vec::new(),
    };
    let candidate = Candidate {
        message_id: String::new(),
        subject: subject.to_string(),
        author: author.to_string(),
        author_email: String::new(),
        date: String::new(),
        list: None,
        kind: kind_of(&message, &parsed),
        version: parsed.version,
        also: Vec::new(),
        patches: parsed
            .counter
            .map_or(u32::from(parsed.is_patch), |(_, n)| n),
        replies,
        participants: facts.participants.len(),
        trailers: 0,
        interests: interests
            .iter()
            .filter(|i| i.matches(&facts))
            .map(interest_label)
            .collect(),
        score: Score::default(),
    };
    score(&candidate, &facts).total
}

/// Whether a subject is a test robot's or another automated notice.
pub fn is_automated_subject(subject: &str) -> bool {
    let parsed = Subject::parse(subject);
    !parsed.is_reply && AUTOMATED_SUBJECT.is_match(subject.trim())
}

/// A thread with each subject parsed once, each message's replies, and
/// the messages that start something, each worked out once.
struct Parsed<'a> {
    thread: Thread<'a>,
    subjects: FxHashMap<&'a str, Subject>,
    children: FxHashMap<&'a str, Vec<&'a Message>>,
    starts: FxHashSet<&'a str>,
}

impl<'a> Parsed<'a> {
    fn new(thread: Thread<'a>) -> Parsed<'a> {
        let mut subjects =
            FxHashMap::with_capacity_and_hasher(thread.messages.len(), Default::default());
        let mut children: FxHashMap<&'a str, Vec<&'a Message>> = FxHashMap::default();
        for &message in &thread.messages {
            subjects.insert(message.id.as_str(), Subject::parse(&message.subject));
            if let Some(parent) = thread.parent(message) {
                children
                    .entry(parent.id.as_str())
                    .or_default()
                    .push(message);
            }
        }
        let mut parsed = Parsed {
            thread,
            subjects,
            children,
            starts: FxHashSet::default(),
        };
        parsed.starts = parsed
            .thread
            .messages
            .iter()
            .filter(|m| parsed.starts_something(m))
            .map(|m| m.id.as_str())
            .collect();
        parsed
    }

    fn subject(&self, message: &Message) -> std::borrow::Cow<'_, Subject> {
        match self.subjects.get(message.id.as_str()) {
            Some(subject) => std::borrow::Cow::Borrowed(subject),
            None => std::borrow::Cow::Owned(Subject::parse(&message.subject)),
        }
    }

    /// Whether `message` (of this thread) starts something new.
    fn is_start(&self, message: &Message) -> bool {
        self.starts.contains(message.id.as_str())
    }

    /// Whether `message` starts something new: not a reply, not a bot's,
    /// and not a later patch of the series above it.
    fn starts_something(&self, message: &Message) -> bool {
        let subject = self.subject(message);
        let new_here = !subject.is_reply
            && match self.thread.parent(message) {
                None => true,
                Some(parent) => !self.is_same_series(parent, message, &subject),
            };
        // The robot test, a regex, last: most mails fail the cheap tests.
        new_here && !is_automated(message, &subject)
    }

    /// Whether `message` is patch k (k >= 1) of the series `parent` is part
    /// of: its cover letter (tagged or not, as `consolidate btrfs
    /// checksumming`) or the patch before it.
    fn is_same_series(&self, parent: &Message, message: &Message, subject: &Subject) -> bool {
        let Some((k, n)) = subject.counter else {
            return false;
        };
        let above = self.subject(parent);
        k >= 1
            && !above.is_reply
            && parent.from_email.eq_ignore_ascii_case(&message.from_email)
            && match above.counter {
                Some((_, m)) => m == n && above.version == subject.version,
                None => true,
            }
    }

    /// A patch of `start`'s own series: same sender, not a reply, numbered.
    fn is_own(&self, start: &Message, message: &Message) -> bool {
        let subject = self.subject(message);
        !subject.is_reply
            && subject.counter.is_some()
            && message.from_email.eq_ignore_ascii_case(&start.from_email)
    }
}

/// Patches of one series whose cover letter is not in the mail read (it
/// went to other lists) each look like a start; this key joins them.
fn sibling_key(thread: &Parsed, message: &Message) -> Option<String> {
    let subject = thread.subject(message);
    let (k, n) = subject.counter?;
    if k == 0 || thread.thread.parent(message).is_some() {
        return None;
    }
    let anchor = match message.in_reply_to.as_ref().or(message.references.first()) {
        Some(cover) => cover.clone(),
        // Sent unthreaded: patches of one sending share their minutes.
        None => format!("{}", message.date?.timestamp() / 600),
    };
    Some(format!(
        "{}\n{}\n{n}\n{anchor}",
        message.from_email.to_lowercase(),
        subject.version
    ))
}

static AUTOMATED_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \bAUTOSEL\b
      | -stable\ tree\b
      | ^\[syzbot\]
      | ^\[linux-next:
      | ^linux-next:\ (?:build|manual|Tree|Signed)
      | ^\[kbuild
      | ^\[PATCH\ \d+\.\d+(?:\.\d+)?\ 0+/\d+\]   # stable review series
      | ^Patch\ .+\ has\ been\ added\ to",
    )
    .unwrap()
});
static AUTOMATED_SENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:lkp@intel\.com|syzbot.*@syzkaller\.appspotmail\.com|patchwork-bot.*|.*noreply.*|.*-bot@.*|bot@.*|.*@kernelci\.org)$")
        .unwrap()
});

/// Test robots, syzbot reports, stable-tree notices and the like.
fn is_automated(message: &Message, subject: &Subject) -> bool {
    // Every robot address above holds one of these; people's rarely do.
    let may_be_robot = ["bot", "noreply", "lkp@", "kernelci"]
        .iter()
        .any(|word| contains_ci(&message.from_email, word));
    may_be_robot && AUTOMATED_SENDER.is_match(&message.from_email)
        || !subject.is_reply && AUTOMATED_SUBJECT.is_match(message.subject.trim())
}

/// Revisions and resends of one series share this key.
fn series_key(candidate: &Candidate) -> String {
    let title = normalized_title(&Subject::parse(&candidate.subject).title);
    format!("{}\n{title}", candidate.author_email.to_lowercase())
}

/// A title as revisions and replies of one series share it: lowercase,
/// runs of white space as one space.
pub fn normalized_title(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The candidate for `start` and the facts of its part of the thread: the
/// messages below it, short of other starts (a v2 posted in reply to v1).
/// Paths are gathered only when an interest asks for them (`need_paths`).
fn describe(thread: &Parsed, start: &Message, need_paths: bool) -> (Candidate, Facts) {
    let subject = thread.subject(start).into_owned();
    let who = author(start);
    let mut facts = Facts::default();
    let mut own_patches = 0u32;
    let children = &thread.children;
    let mut stack: Vec<&Message> = children.get(start.id.as_str()).cloned().unwrap_or_default();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    seen.insert(start.id.as_str());
    let mut series_bodies: Vec<&str> = vec![&start.body];
    let mut trailers = Trailers::default();
    while let Some(message) = stack.pop() {
        if !seen.insert(message.id.as_str()) || thread.is_start(message) {
            continue;
        }
        if thread.is_own(start, message) {
            own_patches += 1;
            series_bodies.push(&message.body);
        } else {
            facts.replies += 1;
            if !message.from_email.eq_ignore_ascii_case(&start.from_email) {
                facts.participants.insert(message.from_email.to_lowercase());
            }
            trailers.add_from(&message.body);
        }
        if let Some(below) = children.get(message.id.as_str()) {
            stack.extend(below);
        }
    }
    facts.trailers = trailers.count();
    facts.prefixes = prefixes(&subject.title);
    facts.lists = start.list_id.iter().cloned().collect();
    if need_paths {
        facts.paths = series_bodies
            .iter()
            .flat_map(|b| touched_paths(b))
            .collect();
    }
    let kind = kind_of(start, &subject);
    let has_diff = start.body.contains("\ndiff --git ");
    let patches = match subject.counter {
        Some((_, total)) => total,
        None => u32::from(subject.is_patch || has_diff) + own_patches,
    };
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
        version: subject.version,
        also: Vec::new(),
        patches,
        replies: facts.replies,
        participants: facts.participants.len(),
        trailers: facts.trailers,
        interests: Vec::new(),
        score: Score::default(),
    };
    (candidate, facts)
}

/// `mm: memcontrol: fix` -> `mm`, `mm: memcontrol`... as subsystem
/// prefixes: `mm` and `memcontrol`; `mm/damon/sysfs: x` -> `mm/damon/sysfs`.
fn prefixes(title: &str) -> Vec<String> {
    let mut prefixes = Vec::new();
    let mut rest = title;
    while let Some((head, tail)) = rest.split_once(':') {
        let head = head.trim();
        let plausible = !head.is_empty()
            && head.len() <= 40
            && !head.contains(char::is_whitespace)
            && tail.starts_with(' ');
        if !plausible {
            break;
        }
        prefixes.push(head.to_string());
        rest = tail;
    }
    prefixes
}

static DIFFSTAT_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ (\S+)\s+\|\s+(?:\d+|Bin)").unwrap());
static DIFF_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^diff --git a/(\S+) b/").unwrap());

/// The files a patch or cover letter names in its diffstat or diffs.
fn touched_paths(body: &str) -> Vec<String> {
    DIFFSTAT_PATH
        .captures_iter(body)
        .chain(DIFF_PATH.captures_iter(body))
        .map(|c| c[1].trim_start_matches(".../").to_string())
        .collect()
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
        let key = series_key(&candidate);
        let Some(&i) = by_key.get(&key) else {
            by_key.insert(key, out.len());
            out.push((candidate, facts));
            continue;
        };
        let kept = &mut out[i];
        let newer = (candidate.version, &candidate.date) > (kept.0.version, &kept.0.date);
        let (older, older_facts) = if newer {
            std::mem::replace(kept, (candidate, facts))
        } else {
            (candidate, facts)
        };
        kept.0.also.push(older.version);
        kept.0.also.extend(older.also);
        kept.0.also.sort_unstable();
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
    candidate.replies = facts.replies;
    candidate.trailers = facts.trailers;
    candidate.participants = facts.participants.len();
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
            body: String::new(),
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
        candidates(&Pool::new(mails, None), &week(), &interests)
    }

    fn series(prefix: &str, from: &str, version: u32, at: i64) -> Vec<Message> {
        let cover = format!("{prefix}-0@x");
        let mut mails = vec![mail(
            &cover,
            from,
            &format!("[PATCH v{version} 0/2] mm: a series"),
            None,
            at,
        )];
        for k in 1..=2 {
            mails.push(mail(
                &format!("{prefix}-{k}@x"),
                from,
                &format!("[PATCH v{version} {k}/2] mm: step {k}"),
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
        assert_eq!(ranked[0].also, [1]);
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
        assert_eq!((s.kind, s.interest, s.revision), (1.5, 3.0, 0.5));
    }
}
