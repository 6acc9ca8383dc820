//! The editor's memory: the earlier posts of their site (`--history DIR`),
//! read once, and what they tell a new draft: the subsystems and authors
//! the editor covers, the series they covered before, and what was posted
//! already.
//!
//! A post is read with [`crate::post_format`], the module render writes
//! with, so that what this tool posts it reads back.

mod profile;

pub use profile::Profile;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::parse::Subject;
use crate::parse::identity::{Posting, PostingKind, Relation, Sender, normalized_title};
use crate::post_format::{self, WrittenPost};

/// One earlier post.
#[derive(Debug, Clone)]
pub struct PastPost {
    pub path: PathBuf,
    /// The file name without `.md`: `lkml_news_v6.0-rc4`.
    pub name: String,
    pub title: String,
    pub date: DateTime<FixedOffset>,
}

/// One entry of an earlier post.
#[derive(Debug, Clone)]
pub struct PastEntry {
    /// Its post, in [`History::posts`].
    pub post: usize,
    pub subject: String,
    pub author: Option<String>,
    /// The message its heading links (the first mail link of the entry).
    pub message_id: Option<String>,
    /// The other messages its text links: earlier revisions, replies.
    pub also_linked: Vec<String>,
    /// The editor's summary, as plain text.
    pub summary: String,
    /// The revision its subject names (1 when none).
    pub revision: u32,
    /// The subject's title as revisions of a series share it.
    pub title: String,
    /// `[RFC]`, a topic proposal or an event: postings of another kind
    /// than a patch series, even where the title stays.
    posting_kind: PostingKind,
    /// Its subject's `[REMINDER]`.
    reminder: bool,
}

impl PastEntry {
    /// The entry as the series rule sees it: its author by name.
    fn posting(&self) -> Posting<'_> {
        Posting {
            sender: Sender::named(self.author.as_deref().unwrap_or_default()),
            title: self.title.clone(),
            revision: self.revision,
            kind: self.posting_kind,
            reminder: self.reminder,
        }
    }
}

/// An earlier post's entry that a thread repeats or follows: the JSON
/// `covered` of an entry and of a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covered {
    /// The post's name (its file name without `.md`).
    pub post: String,
    pub title: String,
    /// The post's date, RFC 3339.
    pub date: String,
    pub subject: String,
    pub revision: u32,
    /// The message the entry linked; empty when it linked none.
    #[serde(default)]
    pub message_id: String,
    /// Its link, with the draft's link base.
    #[serde(default)]
    pub link: String,
}

/// What the history knows of a thread.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Seen {
    /// The entry that posted this very thread (its message, or the same
    /// revision of its series), when one did.
    pub posted: Option<usize>,
    /// Entries of earlier revisions (or postings) of its series, newest
    /// first.
    pub earlier: Vec<usize>,
}

/// A thread, as the history is asked about it.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub message_id: &'a str,
    pub subject: &'a str,
    pub author: &'a str,
    /// The message IDs its first mail links (earlier revisions, say).
    pub linked: &'a [String],
    /// Its cover letter's b4 change-id.
    pub change_id: Option<&'a str>,
    /// When it was posted; a resend comes within
    /// [`crate::parse::identity::RESEND_WITHIN`] of the post.
    pub date: Option<DateTime<Utc>>,
}

/// The subsystems and authors the editor covers, with how many earlier
/// entries show each.
#[derive(Debug, Clone, Default)]
pub struct Learned {
    /// Subject prefixes (`mm`, `mm/damon`), counted with their parents:
    /// an `mm/damon:` entry is also an `mm` entry. Most entries first.
    pub prefixes: Vec<(String, usize)>,
    /// By lower-case name: the name as the editor wrote it, and a count.
    pub authors: HashMap<String, (String, usize)>,
    /// The entries counted.
    pub entries: usize,
    /// What the entries' subjects and summaries say, to find the earlier
    /// entries a new thread is like.
    pub profile: Profile,
}

/// What the mail at hand (the window's mailboxes, the fetched threads)
/// shows of threads the editor covered: the lists they went to and the
/// directories their patches touch, each with how many covered threads
/// show it, and the covered cover letters by b4 change-id.
#[derive(Debug, Clone, Default)]
pub struct AtHand {
    /// Covered threads with any mail at hand.
    pub threads: usize,
    /// Most threads first.
    pub lists: Vec<(String, usize)>,
    pub dirs: Vec<(String, usize)>,
    change_ids: HashMap<String, String>,
}

impl AtHand {
    /// The covered message whose cover letter has change-id `id`.
    pub fn change_id_of(&self, id: &str) -> Option<&str> {
        self.change_ids.get(id).map(String::as_str)
    }
}

/// b4's `change-id: 20230101-topic-0123456789ab` line of a cover letter.
pub fn change_id(body: &str) -> Option<&str> {
    body.lines()
        .rev()
        .take(40)
        .find_map(|l| l.strip_prefix("change-id: "))
        .map(str::trim)
        .filter(|id| !id.is_empty() && !id.contains(' '))
}

/// A prefix or author counts as the editor's interest from this many
/// entries on.
pub const RECURRING: usize = 3;

/// The earlier posts, oldest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    posts: Vec<PastPost>,
    entries: Vec<PastEntry>,
    by_id: HashMap<String, Vec<usize>>,
    by_title: HashMap<String, Vec<usize>>,
    /// The files that could not be read as posts, and why.
    unread: Vec<(PathBuf, String)>,
}

impl History {
    /// Reads every `*.md` under `dir`. A post that cannot be read is a
    /// warning naming its file; the rest are read.
    pub fn read(dir: &Path) -> History {
        let mut files = Vec::new();
        let mut unread = Vec::new();
        collect_posts(dir, &mut files, &mut unread);
        files.sort();
        let texts: Vec<(PathBuf, Result<Vec<u8>, String>)> = files
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path)
                    .map_err(|e| crate::fetch::local::io_reason(&e).to_string());
                (path, bytes)
            })
            .collect();
        let mut history = History::from_files(texts);
        unread.append(&mut history.unread);
        history.unread = unread;
        history
    }

    /// A line for each file that could not be read as a post, naming it.
    pub fn warnings(&self) -> Vec<String> {
        self.unread
            .iter()
            .map(|(path, reason)| {
                format!("{}: not read as an earlier post: {reason}", path.display())
            })
            .collect()
    }

    /// The history of posts given as (path, contents); pure.
    pub fn from_files(files: Vec<(PathBuf, Result<Vec<u8>, String>)>) -> History {
        let read = crate::parallel::map(&files, |(_, bytes)| match bytes {
            Ok(bytes) => read_post(bytes),
            Err(reason) => Err(format!("cannot read it: {reason}")),
        });
        let mut history = History::default();
        let mut posts: Vec<(PastPost, WrittenPost)> = Vec::new();
        for ((path, _), post) in files.into_iter().zip(read) {
            match post {
                Ok((date, written)) => posts.push((
                    PastPost {
                        name: path
                            .file_stem()
                            .map(|s| s.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                        title: written.front_matter.title.clone().unwrap_or_default(),
                        date,
                        path,
                    },
                    written,
                )),
                Err(reason) => history.unread.push((path, reason)),
            }
        }
        posts.sort_by_key(|(post, _)| post.date);
        for (post, written) in posts {
            history.push(post, written);
        }
        history
    }

    fn push(&mut self, post: PastPost, written: WrittenPost) {
        let index = self.posts.len();
        self.posts.push(post);
        for entry in written.entries {
            let subject = Subject::parse(&entry.subject);
            let mut ids = entry.message_ids.into_iter();
            let past = PastEntry {
                post: index,
                title: normalized_title(&subject.title),
                revision: subject.revision,
                posting_kind: PostingKind::of(&subject),
                reminder: subject.is_reminder,
                message_id: ids.next(),
                also_linked: ids.collect(),
                subject: entry.subject,
                author: entry.author,
                summary: entry.summary,
            };
            self.add_entry(past);
        }
    }

    fn add_entry(&mut self, entry: PastEntry) {
        let i = self.entries.len();
        if let Some(id) = &entry.message_id {
            self.by_id.entry(id.clone()).or_default().push(i);
        }
        if !entry.title.is_empty() {
            self.by_title
                .entry(entry.title.clone())
                .or_default()
                .push(i);
        }
        self.entries.push(entry);
    }

    /// The posts dated before `until`, less the one at `except` (the post
    /// this run writes).
    pub fn before(&self, until: DateTime<Utc>, except: Option<&Path>) -> History {
        let mut kept = History {
            // The post this run writes over is no concern of its history.
            unread: self
                .unread
                .iter()
                .filter(|(path, _)| !except.is_some_and(|own| same_file(own, path)))
                .cloned()
                .collect(),
            ..History::default()
        };
        let mut index = HashMap::new();
        for (i, post) in self.posts.iter().enumerate() {
            let excluded = except.is_some_and(|path| same_file(path, &post.path));
            if post.date.to_utc() < until && !excluded {
                index.insert(i, kept.posts.len());
                kept.posts.push(post.clone());
            }
        }
        for entry in &self.entries {
            if let Some(&post) = index.get(&entry.post) {
                kept.add_entry(PastEntry {
                    post,
                    ..entry.clone()
                });
            }
        }
        kept
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn posts(&self) -> &[PastPost] {
        &self.posts
    }

    pub fn entries(&self) -> &[PastEntry] {
        &self.entries
    }

    /// What the history knows of a thread: whether it was posted, and the
    /// entries of its series' earlier postings.
    ///
    /// Two postings are of one series when they share their title without
    /// tags (and, for a title of fewer than four words, their author), or
    /// when the thread links the entry's message (`v2: https://lore...`).
    /// A posting is posted already when its message is an entry's, or when
    /// the entry is the same revision of the same kind (a resend).
    /// A cover letter with the b4 change-id of a covered one `at_hand` is
    /// the same series too.
    pub fn seen(&self, asked: &Asked, at_hand: &AtHand) -> Seen {
        let mut seen = Seen::default();
        if let Some(&i) = self.by_id.get(asked.message_id).and_then(|e| e.last()) {
            seen.posted = Some(i);
        }
        let subject = Subject::parse(asked.subject);
        let posting = Posting::new(&subject, Sender::named(asked.author));
        let mut series: Vec<usize> = self
            .by_title
            .get(&posting.title)
            .map(|found| {
                found
                    .iter()
                    .copied()
                    .filter(|&i| posting.is_same_series(&self.entries[i].posting()))
                    .collect()
            })
            .unwrap_or_default();
        let same_change_id = asked.change_id.and_then(|id| at_hand.change_id_of(id));
        for id in asked
            .linked
            .iter()
            .map(String::as_str)
            .chain(same_change_id)
        {
            if id != asked.message_id
                && let Some(found) = self.by_id.get(id)
            {
                series.extend(found);
            }
        }
        series.sort_unstable();
        series.dedup();
        for &i in series.iter().rev() {
            let entry = &self.entries[i];
            if Some(i) == seen.posted {
                continue;
            }
            // A linked entry of another title is an earlier posting, never
            // a resend.
            let apart = asked.date.map(|d| d - self.posted_at(i).to_utc());
            let resend = entry.title == posting.title
                && posting.relation_to(&entry.posting(), apart) == Relation::Resend;
            if resend && seen.posted.is_none() {
                seen.posted = Some(i);
            } else if !resend {
                seen.earlier.push(i);
            }
        }
        seen
    }

    /// What `seen` found, as a thread's `covered`: the entry that posted
    /// it first, then the earlier postings, newest first.
    pub fn covering(&self, seen: &Seen, link_base: &str) -> Vec<Covered> {
        seen.posted
            .iter()
            .chain(&seen.earlier)
            .map(|&i| self.covered(i, link_base))
            .collect()
    }

    /// The entry `i` as a thread's `covered`, linked under `link_base`.
    pub fn covered(&self, i: usize, link_base: &str) -> Covered {
        let entry = &self.entries[i];
        let post = &self.posts[entry.post];
        let id = entry.message_id.clone().unwrap_or_default();
        Covered {
            post: post.name.clone(),
            title: post.title.clone(),
            date: post.date.to_rfc3339_opts(SecondsFormat::Secs, true),
            subject: entry.subject.clone(),
            revision: entry.revision,
            link: if id.is_empty() {
                String::new()
            } else {
                format!("{link_base}{}", crate::input::escape_id(&id))
            },
            message_id: id,
        }
    }

    /// The date of entry `i`'s post.
    pub fn posted_at(&self, i: usize) -> DateTime<FixedOffset> {
        self.posts[self.entries[i].post].date
    }

    /// What `pool` holds of the covered threads: a mail an entry linked,
    /// or a reply to one.
    pub fn at_hand(&self, pool: &crate::parse::Pool) -> AtHand {
        let mut lists: HashMap<String, Vec<&str>> = HashMap::new();
        let mut dirs: HashMap<String, Vec<&str>> = HashMap::new();
        let mut threads: Vec<&str> = Vec::new();
        let mut change_ids = HashMap::new();
        fn add<'a>(map: &mut HashMap<String, Vec<&'a str>>, key: String, thread: &'a str) {
            let seen = map.entry(key).or_default();
            if !seen.contains(&thread) {
                seen.push(thread);
            }
        }
        for message in pool.messages() {
            let covered = std::iter::once(&message.id)
                .chain(&message.references)
                .chain(&message.in_reply_to)
                .find_map(|id| {
                    self.by_id
                        .get_key_value(id.as_str())
                        .map(|(k, _)| k.as_str())
                });
            let Some(thread) = covered else {
                continue;
            };
            if !threads.contains(&thread) {
                threads.push(thread);
            }
            for list in message.list_id.iter().chain(&message.lists) {
                add(&mut lists, list.to_lowercase(), thread);
            }
            for path in crate::parse::Post::new(message).paths() {
                if let Some((dir, _)) = path.rsplit_once('/') {
                    add(&mut dirs, dir.to_string(), thread);
                }
            }
            if thread == message.id
                && let Some(id) = change_id(&message.body)
            {
                change_ids.insert(id.to_string(), message.id.clone());
            }
        }
        let counted = |map: HashMap<String, Vec<&str>>| {
            let mut counts: Vec<(String, usize)> =
                map.into_iter().map(|(k, v)| (k, v.len())).collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            counts
        };
        AtHand {
            threads: threads.len(),
            lists: counted(lists),
            dirs: counted(dirs),
            change_ids,
        }
    }

    /// What the editor covers, counted over every entry.
    pub fn learned(&self) -> Learned {
        let mut prefixes: HashMap<String, usize> = HashMap::new();
        let mut authors: HashMap<String, (String, usize)> = HashMap::new();
        for entry in &self.entries {
            let subject = Subject::parse(&entry.subject);
            let mut own: Vec<String> = Vec::new();
            for prefix in subject.prefixes() {
                let prefix = prefix.to_lowercase();
                // `mm/damon` is an `mm` entry too.
                let mut at = prefix.len();
                loop {
                    let parent = &prefix[..at];
                    if !own.iter().any(|p| p == parent) {
                        own.push(parent.to_string());
                    }
                    match parent.rfind('/') {
                        Some(slash) if slash > 0 => at = slash,
                        _ => break,
                    }
                }
            }
            for prefix in own {
                *prefixes.entry(prefix).or_default() += 1;
            }
            if let Some(author) = &entry.author {
                authors
                    .entry(author.to_lowercase())
                    .or_insert_with(|| (author.clone(), 0))
                    .1 += 1;
            }
        }
        let mut prefixes: Vec<(String, usize)> = prefixes
            .into_iter()
            .filter(|(_, n)| *n >= RECURRING)
            .collect();
        prefixes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        authors.retain(|_, (_, n)| *n >= RECURRING);
        let texts: Vec<String> = self
            .entries
            .iter()
            .map(|e| format!("{}\n{}", e.subject, e.summary))
            .collect();
        Learned {
            prefixes,
            authors,
            entries: self.entries.len(),
            profile: Profile::new(texts.iter().map(String::as_str)),
        }
    }

    /// The editor's newest summaries of entries that `like` accepts, at
    /// most `n`, newest first.
    pub fn recent_summaries(&self, n: usize, like: impl Fn(&PastEntry) -> bool) -> Vec<&str> {
        self.entries
            .iter()
            .rev()
            .filter(|e| !e.summary.is_empty() && like(e))
            .take(n)
            .map(|e| e.summary.as_str())
            .collect()
    }
}

/// Whether two paths name one file (the post this run writes may not
/// exist yet, so the names are compared too).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => {
            let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            absolute(a) == absolute(b)
        }
    }
}

/// Every `*.md` under `dir`, recursively; unreadable directories warned of.
fn collect_posts(dir: &Path, files: &mut Vec<PathBuf>, unread: &mut Vec<(PathBuf, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            unread.push((
                dir.to_path_buf(),
                format!(
                    "the history directory cannot be read: {}",
                    crate::fetch::local::io_reason(&e)
                ),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
            collect_posts(&path, files, unread);
        } else if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
}

/// A post's date and entries, or why it cannot be used.
fn read_post(bytes: &[u8]) -> Result<(DateTime<FixedOffset>, WrittenPost), String> {
    if bytes.contains(&0) {
        return Err("not text".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let post = post_format::read(text).map_err(|e| e.to_string())?;
    let written = post.front_matter.date.as_deref().unwrap_or_default();
    let date = parse_date(written).ok_or_else(|| format!("the date {written:?} is no date"))?;
    if !is_english(&post) {
        return Err("not in English".into());
    }
    Ok((date, post))
}

/// RFC 3339, RFC 2822 or `YYYY-MM-DD` (midnight UTC).
fn parse_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok()
        .or_else(|| {
            let day = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
            FixedOffset::east_opt(0)?
                .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
                .single()
        })
}

/// Whether most letters of the summaries are Latin: a post in another
/// language teaches an English post nothing.
fn is_english(post: &WrittenPost) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in post
        .entries
        .iter()
        .flat_map(|e| e.summary.chars().chain(e.subject.chars()))
        .filter(|c| c.is_alphabetic())
    {
        if c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin >= other
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(date: &str, entries: &[(&str, &str, &str)]) -> Vec<u8> {
        let mut text = format!("---\ntitle: \"LKML News {date}\"\ndate: {date}\n---\n\n");
        for (heading, id, summary) in entries {
            text.push_str(&format!(
                "{heading}\n{}\n\nhttps://lkml.kernel.org/r/{id}\n\n{summary}\n\n\n",
                "-".repeat(heading.len())
            ));
        }
        text.into_bytes()
    }

    fn history(posts: &[(&str, Vec<u8>)]) -> History {
        History::from_files(
            posts
                .iter()
                .map(|(name, bytes)| (PathBuf::from(format!("/site/{name}.md")), Ok(bytes.clone())))
                .collect(),
        )
    }

    fn at(date: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(date).unwrap().to_utc()
    }

    fn asked<'a>(id: &'a str, subject: &'a str, author: &'a str) -> Asked<'a> {
        Asked {
            message_id: id,
            subject,
            author,
            linked: &[],
            change_id: None,
            date: None,
        }
    }

    fn seen_in(h: &History, asked: &Asked) -> Seen {
        h.seen(asked, &AtHand::default())
    }

    fn sample() -> History {
        history(&[
            (
                "a",
                post(
                    "2022-01-10T08:00:00+01:00",
                    &[(
                        "[PATCH v2 0/3] mm: make reclaim fair again (Ann Lee)",
                        "v2@x",
                        "Second version of the fair reclaim patchset.",
                    )],
                ),
            ),
            (
                "b",
                post(
                    "2022-02-10T08:00:00+01:00",
                    &[("[RFC] mm/damon: a knob (Bob Roe)", "k@x", "A knob.")],
                ),
            ),
        ])
    }

    #[test]
    fn only_posts_dated_before_the_end_are_history() {
        let h = sample().before(at("2022-02-01T00:00:00Z"), None);
        assert_eq!(h.posts().len(), 1);
        assert_eq!(h.entries()[0].author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn the_post_this_run_writes_is_no_history() {
        let h = sample().before(at("2023-01-01T00:00:00Z"), Some(Path::new("/site/b.md")));
        assert_eq!(
            h.posts()
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["a"]
        );
    }

    #[test]
    fn a_later_revision_follows_and_the_same_message_is_posted() {
        let h = sample();
        let later = seen_in(
            &h,
            &asked(
                "v3@x",
                "[PATCH v3 0/3] mm: make reclaim fair again",
                "Someone",
            ),
        );
        assert_eq!((later.posted, later.earlier.len()), (None, 1));
        let same = seen_in(
            &h,
            &asked(
                "v2@x",
                "[PATCH v2 0/3] mm: make reclaim fair again",
                "Ann Lee",
            ),
        );
        assert_eq!(same.posted, Some(0));
        let resend = seen_in(
            &h,
            &asked(
                "r@x",
                "[PATCH RESEND v2 0/3] mm: make reclaim fair again",
                "Ann Lee",
            ),
        );
        assert_eq!(resend.posted, Some(0));
        let years_later = seen_in(
            &h,
            &Asked {
                date: Some(at("2024-06-01T00:00:00Z")),
                ..asked(
                    "n@x",
                    "[PATCH v2 0/3] mm: make reclaim fair again",
                    "Ann Lee",
                )
            },
        );
        assert_eq!((years_later.posted, years_later.earlier), (None, vec![0]));
    }

    #[test]
    fn a_short_title_is_one_series_only_from_the_same_author() {
        let h = sample();
        assert!(
            seen_in(&h, &asked("o@x", "[RFC v2] mm/damon: a knob", "Carl"))
                .earlier
                .is_empty()
        );
        assert_eq!(
            seen_in(&h, &asked("o@x", "[RFC v2] mm/damon: a knob", "bob roe")).earlier,
            [1]
        );
    }

    #[test]
    fn a_link_to_a_covered_message_is_the_same_series() {
        let linked = ["v2@x".to_string()];
        let seen = seen_in(
            &sample(),
            &Asked {
                message_id: "n@x",
                subject: "[PATCH v3] mm: reclaim, renamed",
                author: "Ann Lee",
                linked: &linked,
                change_id: None,
                date: None,
            },
        );
        assert_eq!(seen.earlier, [0]);
    }

    #[test]
    fn prefixes_count_with_their_parents_and_recurring_authors() {
        let entry = |n: u32| {
            (
                format!("[PATCH] mm/damon: fix {n} (Ann Lee)"),
                format!("{n}@x"),
                "Fix.".to_string(),
            )
        };
        let entries: Vec<(String, String, String)> = (0..3).map(entry).collect();
        let borrowed: Vec<(&str, &str, &str)> = entries
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        let learned = history(&[("p", post("2022-01-01", &borrowed))]).learned();
        assert_eq!(
            learned.prefixes,
            [("mm".to_string(), 3), ("mm/damon".to_string(), 3)]
        );
        assert_eq!(learned.authors["ann lee"], ("Ann Lee".to_string(), 3));
    }

    #[test]
    fn a_post_that_cannot_be_read_is_one_warning_naming_it() {
        let korean = post(
            "2022-01-01",
            &[("[PATCH] 메모리 (김)", "k@x", "메모리 관리 패치입니다.")],
        );
        let h = history(&[
            ("binary", vec![0, 159, 146, 150]),
            ("bare", b"[PATCH] x (A)\n---\n".to_vec()),
            ("undated", b"---\ntitle: x\n---\n\nA (B)\n---\n".to_vec()),
            (
                "broken",
                b"---\ndate: 2022-01-01\n---\n\nno headings at all\n".to_vec(),
            ),
            ("korean", korean),
            (
                "good",
                post("2022-01-01", &[("[PATCH] x (A)", "g@x", "Fine.")]),
            ),
        ]);
        assert_eq!(h.posts().len(), 1);
        let warnings = h.warnings();
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        for (warning, name) in warnings
            .iter()
            .zip(["binary", "bare", "undated", "broken", "korean"])
        {
            assert!(
                warning.starts_with(&format!("/site/{name}.md: ")),
                "{warning}"
            );
        }
    }

    #[test]
    fn the_mail_at_hand_of_covered_threads_shows_their_lists_dirs_and_change_id() {
        use crate::parse::{Message, Pool};
        let mail = |id: &str, parent: Option<&str>, body: &str| Message {
            id: id.into(),
            in_reply_to: parent.map(Into::into),
            references: parent.iter().map(|p| p.to_string()).collect(),
            subject: "[PATCH v2 0/3] mm: make reclaim fair again".into(),
            from_name: "Ann Lee".into(),
            from_email: "ann@x".into(),
            original_from: None,
            date: None,
            list_id: Some("linux-mm.kvack.org".into()),
            lists: vec!["cgroups.vger.kernel.org".into()],
            body: body.into(),
            raw_index: 0,
        };
        let pool = Pool::new(
            [
                mail(
                    "v2@x",
                    None,
                    "Text.\n---\n mm/vmscan.c | 2 +-\n\nchange-id: 20220101-fair-abc\n",
                ),
                mail("r@x", Some("v2@x"), "> Text.\nAgreed.\n"),
                mail("other@x", None, "Unrelated.\n"),
            ],
            None,
        );
        let at_hand = sample().at_hand(&pool);
        assert_eq!(at_hand.threads, 1);
        assert_eq!(
            at_hand.lists,
            [
                ("cgroups.vger.kernel.org".to_string(), 1),
                ("linux-mm.kvack.org".to_string(), 1)
            ]
        );
        assert_eq!(at_hand.dirs, [("mm".to_string(), 1)]);
        assert_eq!(
            change_id("v3\n\nchange-id: 20220101-fair-abc\n")
                .and_then(|id| at_hand.change_id_of(id)),
            Some("v2@x")
        );
    }

    #[test]
    fn dates_are_read_in_the_forms_editors_write() {
        for date in [
            "2022-01-10T08:00:00+01:00",
            "Mon, 10 Jan 2022 08:00:00 +0100",
            "2022-01-10",
        ] {
            assert!(parse_date(date).is_some(), "{date}");
        }
    }
}
