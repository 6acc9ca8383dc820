//! Series, as b4 reads them: a thread's mails each read once for the facts
//! the later stages ask (subject tags, a diff, the files it touches, a
//! robot's), who replies to whom, which mails start something, and the
//! patches each cover letter heads.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use chrono::{DateTime, FixedOffset};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::subject::contains_ci;
use super::{Message, Subject, Thread};

/// One mail and the facts about it, each worked out once.
#[derive(Debug)]
pub struct Post<'a> {
    pub message: &'a Message,
    pub subject: Subject,
    pub has_diff: bool,
    changes: OnceLock<Vec<Change>>,
}

/// A file a mail's patch changes, and how many lines it adds or removes
/// there (its diffstat's count, where the mail has no diff).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    pub lines: usize,
}

impl<'a> Post<'a> {
    pub fn new(message: &'a Message) -> Post<'a> {
        Post {
            message,
            subject: Subject::parse(&message.subject),
            has_diff: has_diff(&message.body),
            changes: OnceLock::new(),
        }
    }

    /// The files its diffs change, else those its diffstat names, each
    /// once, read the first time they are asked for.
    pub fn changes(&self) -> &[Change] {
        self.changes.get_or_init(|| changes_in(&self.message.body))
    }

    /// The paths of [`Post::changes`].
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.changes().iter().map(|c| c.path.as_str())
    }

    /// Whether a test robot, syzbot, a stable-tree script or the like sent
    /// it.
    pub fn is_automated(&self) -> bool {
        let email = &self.message.from_email;
        // Every robot address below holds one of these; people's rarely do.
        let may_be_robot = ["bot", "noreply", "lkp@", "kernelci"]
            .iter()
            .any(|word| contains_ci(email, word));
        may_be_robot && AUTOMATED_SENDER.is_match(email)
            || !self.subject.is_reply && AUTOMATED_SUBJECT.is_match(self.message.subject.trim())
    }
}

/// What in a patch or cover letter shows a new user-visible interface: a
/// system call (its table, `SYSCALL_DEFINE`), a uapi header, the ABI or
/// admin-guide documentation, a new madvise, prctl, ioctl or fcntl value.
static INTERFACE_IN_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)include/uapi/|Documentation/ABI/|Documentation/admin-guide/|syscalls?\.tbl|",
        r"^\+\s*SYSCALL_DEFINE|^\+\s*COMPAT_SYSCALL_DEFINE|",
        r"^\+\s*#define\s+(?:MADV|PR|F|MFD|MAP|PROT|MREMAP|MS|MCL|O)_[A-Z0-9_]+\s|",
        r"^\+\s*#define\s+\w+\s+_IO[RW]{0,2}\("
    ))
    .unwrap()
});

/// What in a subject announces a user-visible interface: a system call,
/// an ioctl, prctl, madvise or fcntl, a sysfs, procfs or cgroup file, a
/// sysctl.
static INTERFACE_IN_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\b(?:syscalls?|system calls?|ioctls?|prctl|process_madvise|madvise|fcntl|uapi|",
        r"sysfs|procfs|sysctls?|interface|knobs?|MADV_\w+|PR_\w+|MFD_\w+)\b|",
        r"/proc/|/sys/|\b(?:memory|cgroup|cpu|io|pids|cpuset|hugetlb|misc)\.[a-z][a-z_.]+"
    ))
    .unwrap()
});

/// The list where user-visible API changes are to be copied.
pub const API_LIST: &str = "linux-api";

/// Whether a subject's title announces a user-visible interface.
pub fn names_an_interface(title: &str) -> bool {
    INTERFACE_IN_SUBJECT.is_match(title)
}

/// Whether a patch or cover letter adds a user-visible interface.
pub fn adds_an_interface(body: &str) -> bool {
    INTERFACE_IN_BODY.is_match(body)
}

/// Whether a mail body carries a patch.
pub fn has_diff(body: &str) -> bool {
    body.starts_with("diff --git ") || body.contains("\ndiff --git ")
}

static DIFFSTAT_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ (\S+)\s+\|\s+(\d+|Bin)").unwrap());

/// Counts `lines` more for `path` in `changes`, each file once.
fn add_change(changes: &mut Vec<Change>, path: &str, lines: usize) {
    match changes.iter_mut().find(|c| c.path == path) {
        Some(change) => change.lines += lines,
        None => changes.push(Change {
            path: path.to_string(),
            lines,
        }),
    }
}

/// The files a patch changes, with the lines its diffs add or remove in
/// each; for a mail without diffs (a cover letter), its diffstat's. A
/// diffstat cuts long paths to `.../tail`: the tail is kept.
fn changes_in(body: &str) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    let mut add = |path: &str, lines: usize| add_change(&mut changes, path, lines);
    if has_diff(body) {
        // (path, in a hunk)
        let mut at: Option<(&str, bool)> = None;
        for line in body.lines() {
            if let Some(rest) = line.strip_prefix("diff --git a/") {
                let path = rest.split(" b/").next().unwrap_or(rest);
                add(path, 0);
                at = Some((path, false));
            } else if line == "-- " {
                // The signature after the last hunk.
                at = None;
            } else if let Some((path, in_hunk)) = at.as_mut() {
                if line.starts_with("@@") {
                    *in_hunk = true;
                } else if *in_hunk && (line.starts_with('+') || line.starts_with('-')) {
                    add(path, 1);
                }
            }
        }
    } else {
        for captures in DIFFSTAT_LINE.captures_iter(body) {
            let lines = captures[2].parse().unwrap_or(1);
            add(captures[1].trim_start_matches(".../"), lines);
        }
    }
    changes
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

/// Whether a subject is a test robot's or another automated notice.
pub fn is_automated_subject(subject: &str) -> bool {
    let parsed = Subject::parse(subject);
    !parsed.is_reply && AUTOMATED_SUBJECT.is_match(subject.trim())
}

/// One posting of a series (or of a lone patch or message): what opens it,
/// its revision, and its patches.
#[derive(Debug, Clone)]
pub struct Series<'a> {
    /// The cover letter; else the first patch; else the mail itself.
    pub start: &'a Message,
    pub cover: Option<&'a Message>,
    /// The sender's numbered patches below the start, in thread order.
    pub patches: Vec<&'a Message>,
    /// The tags that say what the series is: the start's subject's, or,
    /// for a cover letter sent without any (`consolidate btrfs
    /// checksumming`), its first patch's under the start's title. Its
    /// `revision` is the series' (`v3`; 1 when neither names one).
    pub tags: Subject,
    /// The patch count the subject announces (`n/N`); for an unnumbered
    /// mail, 1 if it is a patch, plus the numbered patches below it.
    pub expected: u32,
    /// The sender's address, as revisions of the series share it.
    pub author_email: &'a str,
}

/// Where an unthreaded patch of a series joins its siblings: patches whose
/// cover letter is not in the mail read (it went to other lists) each look
/// like a start.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SendingKey {
    /// Sender, revision, length and the message they all answer, or `None`
    /// for patches sent unthreaded, which join by time instead.
    pub series: String,
    pub unthreaded_at: Option<DateTime<FixedOffset>>,
}

/// A thread read for its series: each mail's facts, each mail's replies,
/// and the mails that start something, each worked out once.
pub struct ThreadSeries<'a> {
    pub thread: Thread<'a>,
    posts: FxHashMap<&'a str, Post<'a>>,
    children: FxHashMap<&'a str, Vec<&'a Message>>,
    starts: FxHashSet<&'a str>,
}

impl<'a> ThreadSeries<'a> {
    pub fn new(thread: Thread<'a>) -> ThreadSeries<'a> {
        let mut posts =
            FxHashMap::with_capacity_and_hasher(thread.messages.len(), Default::default());
        let mut children: FxHashMap<&'a str, Vec<&'a Message>> = FxHashMap::default();
        for &message in &thread.messages {
            posts.insert(message.id.as_str(), Post::new(message));
            if let Some(parent) = thread.parent(message) {
                children
                    .entry(parent.id.as_str())
                    .or_default()
                    .push(message);
            }
        }
        let mut read = ThreadSeries {
            thread,
            posts,
            children,
            starts: FxHashSet::default(),
        };
        read.starts = read
            .thread
            .messages
            .iter()
            .filter(|m| read.starts_something(m))
            .map(|m| m.id.as_str())
            .collect();
        read
    }

    /// The facts of a mail of this thread.
    pub fn post(&self, message: &'a Message) -> Cow<'_, Post<'a>> {
        match self.posts.get(message.id.as_str()) {
            Some(post) => Cow::Borrowed(post),
            None => Cow::Owned(Post::new(message)),
        }
    }

    /// The mails that start something new, oldest first.
    pub fn starts(&self) -> impl Iterator<Item = &'a Message> + '_ {
        self.thread
            .messages
            .iter()
            .copied()
            .filter(|m| self.is_start(m))
    }

    /// Whether `message` starts something new.
    pub fn is_start(&self, message: &Message) -> bool {
        self.starts.contains(message.id.as_str())
    }

    /// The direct replies to `message`.
    pub fn replies_to(&self, message: &Message) -> &[&'a Message] {
        self.children
            .get(message.id.as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// Not a reply, not a robot's, and not a later patch of the series
    /// above it.
    fn starts_something(&self, message: &'a Message) -> bool {
        let post = self.post(message);
        let new_here = !post.subject.is_reply
            && match self.thread.parent(message) {
                None => true,
                Some(parent) => !self.is_same_series(parent, message, &post.subject),
            };
        // The robot test, a regex, last: most mails fail the cheap tests.
        new_here && !post.is_automated()
    }

    /// Whether `message` is patch k (k >= 1) of the series `parent` is part
    /// of: its cover letter (tagged or not, as `consolidate btrfs
    /// checksumming`) or the patch before it.
    fn is_same_series(&self, parent: &'a Message, message: &Message, subject: &Subject) -> bool {
        let Some((k, n)) = subject.counter else {
            return false;
        };
        let above = self.post(parent);
        k >= 1
            && !above.subject.is_reply
            && parent.from_email.eq_ignore_ascii_case(&message.from_email)
            && match above.subject.counter {
                Some((_, m)) => m == n && above.subject.revision == subject.revision,
                None => true,
            }
    }

    /// A patch of `start`'s own series: same sender, not a reply, numbered.
    pub fn is_own_patch(&self, start: &Message, message: &'a Message) -> bool {
        let post = self.post(message);
        !post.subject.is_reply
            && post.subject.counter.is_some()
            && message.from_email.eq_ignore_ascii_case(&start.from_email)
    }

    /// The series `start` opens, and the rest of its part of the thread:
    /// the mails below it, short of other starts (a v2 posted in reply to
    /// v1), that are not its patches.
    pub fn series_at(&self, start: &'a Message) -> (Series<'a>, Vec<&'a Message>) {
        let post = self.post(start);
        let mut patches = Vec::new();
        let mut replies = Vec::new();
        let mut stack: Vec<&'a Message> = self.replies_to(start).to_vec();
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        seen.insert(start.id.as_str());
        while let Some(message) = stack.pop() {
            if !seen.insert(message.id.as_str()) || self.is_start(message) {
                continue;
            }
            if self.is_own_patch(start, message) {
                patches.push(message);
            } else {
                replies.push(message);
            }
            stack.extend(self.replies_to(message));
        }
        // In the series' order (the walk above meets them last first).
        patches.sort_by_key(|m| self.post(m).subject.counter.map(|(k, _)| k));
        let tags = match patches.first() {
            Some(&first) if post.subject.has_no_kind() => {
                let patch = self.post(first);
                Subject {
                    is_patch: patch.subject.is_patch,
                    is_rfc: patch.subject.is_rfc,
                    // `quiesce v2` names it where the patches may not.
                    revision: post.subject.revision.max(patch.subject.revision),
                    counter: patch.subject.counter.map(|(_, total)| (0, total)),
                    ..post.subject.clone()
                }
            }
            _ => post.subject.clone(),
        };
        let expected = match tags.counter {
            // "[PATCH 8/7]": one patch added to a series of seven.
            Some((k, total)) if k > total => 1,
            Some((_, total)) => total,
            None => u32::from(tags.is_patch || post.has_diff) + patches.len() as u32,
        };
        let series = Series {
            start,
            cover: tags.is_cover_letter().then_some(start),
            patches,
            tags,
            expected,
            author_email: &start.from_email,
        };
        (series, replies)
    }

    /// The mail an entry about `requested` is about: the series' cover
    /// letter when `requested` is one of its patches, else `requested`.
    pub fn start_of_series(&self, requested: &'a Message) -> &'a Message {
        let subject = &self.post(requested).subject;
        let Some((n, total)) = subject.counter else {
            return requested;
        };
        if subject.is_reply || n == 0 {
            return requested;
        }
        // The series: this sender's mails of the same revision and length,
        // each with its number.
        let series: Vec<(&'a Message, u32)> = self
            .thread
            .messages
            .iter()
            .filter_map(|&m| {
                let s = &self.post(m).subject;
                let (k, t) = s.counter?;
                let same = !s.is_reply
                    && s.revision == subject.revision
                    && t == total
                    && m.from_email.eq_ignore_ascii_case(&requested.from_email);
                same.then_some((m, k))
            })
            .collect();
        let number = |m: &Message| series.iter().find(|(s, _)| s.id == m.id).map(|&(_, k)| k);
        // The cover letter is normally the parent; a series without one is
        // entered at its first patch.
        let mut current = requested;
        for _ in 0..self.thread.messages.len() {
            match self.thread.parent(current).map(|p| (p, number(p))) {
                Some((p, Some(0))) => return p,
                Some((p, Some(_))) => current = p,
                _ => break,
            }
        }
        let numbered = |k: u32| series.iter().find(|&&(_, n)| n == k).map(|&(m, _)| m);
        numbered(0).or_else(|| numbered(1)).unwrap_or(requested)
    }

    /// The files `series` changes, each once with the lines all its
    /// patches change there: the patches' diffs, else (its patches are
    /// not in the mail read) the cover letter's diffstat.
    pub fn changes_of(&self, series: &Series<'a>) -> Vec<Change> {
        let mut changes: Vec<Change> = Vec::new();
        let mut add = |change: &Change| add_change(&mut changes, &change.path, change.lines);
        let diffs = std::iter::once(series.start)
            .chain(series.patches.iter().copied())
            .filter(|m| self.post(m).has_diff);
        let mut any = false;
        for mail in diffs {
            any = true;
            self.post(mail).changes().iter().for_each(&mut add);
        }
        if !any {
            self.post(series.start).changes().iter().for_each(&mut add);
        }
        changes
    }

    /// For a patch (k >= 1) that looks like a start because its cover
    /// letter is not in the mail read, what joins it to its siblings.
    pub fn sending_key(&self, message: &'a Message) -> Option<SendingKey> {
        let subject = &self.post(message).subject;
        let (k, n) = subject.counter?;
        if k == 0 || self.thread.parent(message).is_some() {
            return None;
        }
        let anchor = message.in_reply_to.as_ref().or(message.references.first());
        Some(SendingKey {
            series: format!(
                "{}\n{}\n{n}\n{}",
                message.from_email.to_lowercase(),
                subject.revision,
                anchor.map_or("", String::as_str)
            ),
            unthreaded_at: match anchor {
                Some(_) => None,
                None => Some(message.date?),
            },
        })
    }
}

impl Clone for Post<'_> {
    fn clone(&self) -> Self {
        Post {
            message: self.message,
            subject: self.subject.clone(),
            has_diff: self.has_diff,
            changes: self.changes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Pool;

    fn mail(id: &str, subject: &str, parent: Option<&str>, at: i64) -> Message {
        Message {
            id: id.into(),
            in_reply_to: parent.map(Into::into),
            references: parent.iter().map(|p| p.to_string()).collect(),
            subject: subject.into(),
            from_name: "Ann".into(),
            from_email: "ann@example.org".into(),
            original_from: None,
            date: chrono::DateTime::from_timestamp(1_661_990_400 + at, 0).map(|d| d.fixed_offset()),
            list_id: None,
            lists: Vec::new(),
            body: Default::default(),
            raw_index: 0,
        }
    }

    fn series_pool(with_cover: bool) -> Pool {
        let mut mails = vec![
            mail("1@x", "[PATCH v2 1/2] mm: one", Some("0@x"), 1),
            mail("2@x", "[PATCH v2 2/2] mm: two", Some("0@x"), 2),
            mail("r@x", "Re: [PATCH v2 1/2] mm: one", Some("1@x"), 60),
        ];
        if with_cover {
            mails.push(mail("0@x", "[PATCH v2 0/2] mm: a series", None, 0));
        }
        Pool::new(mails, None)
    }

    #[test]
    fn a_patch_changes_the_lines_its_hunks_add_and_remove() {
        let body = "Fix it.\n---\n mm/a.c | 3 ++-\n\n\
            diff --git a/mm/a.c b/mm/a.c\n--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1,2 +1,2 @@\n \
            ctx\n-old\n+new\n+more\n\
            diff --git a/mm/b.c b/mm/c.c\nsimilarity index 100%\nrename from mm/b.c\n\
            -- \n2.40.0\n";
        let changes = changes_in(body);
        let got: Vec<(&str, usize)> = changes.iter().map(|c| (c.path.as_str(), c.lines)).collect();
        assert_eq!(got, [("mm/a.c", 3), ("mm/b.c", 0)]);
    }

    #[test]
    fn a_cover_letter_changes_what_its_diffstat_counts() {
        let body = "Hi,\n\n mm/a.c          | 12 ++++++------\n .../deep/b.h    |  4 ++++\n \
            2 files changed, 10 insertions(+), 6 deletions(-)\n";
        let changes = changes_in(body);
        let got: Vec<(&str, usize)> = changes.iter().map(|c| (c.path.as_str(), c.lines)).collect();
        assert_eq!(got, [("mm/a.c", 12), ("deep/b.h", 4)]);
    }

    #[test]
    fn a_cover_letter_sent_without_tags_is_its_patches_series() {
        let pool = Pool::new(
            vec![
                mail("0@x", "cleanup the foo helpers v3", None, 0),
                mail("1@x", "[PATCH 1/2] mm: one", Some("0@x"), 1),
                mail("2@x", "[PATCH 2/2] mm: two", Some("0@x"), 2),
            ],
            None,
        );
        let thread = ThreadSeries::new(pool.thread_of("0@x").unwrap());
        let (series, _) = thread.series_at(pool.get("0@x").unwrap());
        assert!(series.tags.is_patch && !series.tags.is_rfc);
        assert_eq!(series.tags.title, "cleanup the foo helpers");
        assert_eq!((series.tags.revision, series.expected), (3, 2));
        assert_eq!(series.cover.map(|m| m.id.as_str()), Some("0@x"));
    }

    #[test]
    fn a_patch_numbered_past_its_series_is_one_patch_added_to_it() {
        let pool = Pool::new(
            vec![mail("8@x", "[PATCH 8/7] arm: one more", None, 0)],
            None,
        );
        let thread = ThreadSeries::new(pool.thread_of("8@x").unwrap());
        let (series, _) = thread.series_at(pool.get("8@x").unwrap());
        assert_eq!(series.expected, 1);
    }

    #[test]
    fn a_question_without_tags_is_no_series() {
        let mut reply = mail("1@x", "Re: why is foo slow?", Some("0@x"), 1);
        reply.from_email = "bob@example.org".into();
        let pool = Pool::new(vec![mail("0@x", "why is foo slow?", None, 0), reply], None);
        let thread = ThreadSeries::new(pool.thread_of("0@x").unwrap());
        let (series, _) = thread.series_at(pool.get("0@x").unwrap());
        assert!(!series.tags.is_patch && series.cover.is_none());
        assert_eq!(series.expected, 0);
    }

    #[test]
    fn a_cover_letter_heads_its_patches_and_the_replies_are_discussion() {
        let pool = series_pool(true);
        let thread = ThreadSeries::new(pool.thread_of("0@x").unwrap());
        let (series, replies) = thread.series_at(pool.get("0@x").unwrap());
        assert_eq!(series.cover.map(|m| m.id.as_str()), Some("0@x"));
        let patches: Vec<&str> = series.patches.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(patches, ["1@x", "2@x"], "in the series' order");
        assert_eq!((series.tags.revision, series.expected), (2, 2));
        assert_eq!(
            replies.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
            ["r@x"]
        );
        assert_eq!(thread.starts().count(), 1);
    }

    #[test]
    fn a_patch_is_entered_at_its_cover_letter() {
        let pool = series_pool(true);
        let thread = ThreadSeries::new(pool.thread_of("2@x").unwrap());
        assert_eq!(thread.start_of_series(pool.get("2@x").unwrap()).id, "0@x");
    }

    #[test]
    fn a_series_without_its_cover_letter_is_entered_at_its_first_patch() {
        // Sent with --chain-reply-to and no cover letter.
        let pool = Pool::new(
            [
                mail("1@x", "[PATCH 1/2] mm: one", None, 1),
                mail("2@x", "[PATCH 2/2] mm: two", Some("1@x"), 2),
            ],
            None,
        );
        let thread = ThreadSeries::new(pool.thread_of("2@x").unwrap());
        assert_eq!(thread.start_of_series(pool.get("2@x").unwrap()).id, "1@x");
    }

    #[test]
    fn patches_answering_a_missing_cover_letter_share_a_sending_key() {
        let pool = series_pool(false);
        let keys: Vec<Option<SendingKey>> = ["1@x", "2@x"]
            .iter()
            .map(|id| {
                let thread = ThreadSeries::new(pool.thread_of(id).unwrap());
                thread.sending_key(pool.get(id).unwrap())
            })
            .collect();
        assert!(keys[0].is_some());
        assert_eq!(keys[0], keys[1]);
    }

    #[test]
    fn new_user_visible_interfaces_are_seen_in_subjects_and_patches() {
        assert!(names_an_interface(
            "Add swappiness argument to memory.reclaim"
        ));
        assert!(names_an_interface("mm/madvise: introduce MADV_POPULATE"));
        assert!(names_an_interface("introduce memfd_secret system call"));
        assert!(!names_an_interface("mm/vmscan: skip throttling for kswapd"));
        assert!(adds_an_interface(" include/uapi/linux/mman.h | 2 ++\n"));
        assert!(adds_an_interface("+SYSCALL_DEFINE2(mctl, int, flags)\n"));
        assert!(adds_an_interface("+#define MADV_GUARD_INSTALL 102\n"));
        assert!(adds_an_interface(
            "+#define PAGEMAP_SCAN _IOWR('f', 16, struct pm_scan_arg)\n"
        ));
        assert!(!adds_an_interface(
            " mm/vmscan.c | 4 ++--\n+#define NR_PAGES 4\n"
        ));
    }

    #[test]
    fn a_body_that_opens_with_a_diff_has_one() {
        assert!(has_diff("diff --git a/x b/x\n"));
        assert!(has_diff("text\ndiff --git a/x b/x\n"));
        assert!(!has_diff("no diff --git here\n"));
    }

    #[test]
    fn robots_are_known_by_address_or_subject() {
        let mut robot = mail("b@x", "Re: [PATCH] mm: one", None, 0);
        robot.from_email = "lkp@intel.com".into();
        assert!(Post::new(&robot).is_automated());
        let notice = mail(
            "n@x",
            "Patch \"mm: x\" has been added to the 6.1-stable tree",
            None,
            0,
        );
        assert!(Post::new(&notice).is_automated());
        assert!(!Post::new(&mail("p@x", "[PATCH] mm: one", None, 0)).is_automated());
    }
}
