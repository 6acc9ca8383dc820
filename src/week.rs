//! The `week` command's pipeline: a source and a window in; the ranked
//! candidates, the draft of the best and the editable candidate list out.
//!
//! From local mail ([`Source::Local`]) the window's mail is read and
//! ranked. From lore, the window's listing (no bodies) is pre-ranked and
//! only the best threads are fetched whole.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, TimeDelta, Utc};

use crate::compose::rank::{
    self, Candidate, Interest, Memory, Window, explain, is_announcement, picks, prerank,
};
use crate::compose::{self, Draft, Entry, Failure, Kind, Options};
use crate::draft::{Parsing, pool_from};
use crate::fetch::bulk::{self, Delivery, WeekAsk};
use crate::fetch::lore::LoreOptions;
use crate::fetch::search::{ListingAsk, query};
use crate::fetch::session::Session;
use crate::fetch::{self, FetchError, Progress, RawMessage, Source, SourceError};
use crate::history::{AtHand, History, Learned};
use crate::input::escape_id;
use crate::parse::Pool;
use crate::parse::message::{date_of, glance};
use crate::parse::thread::is_list;

/// Where the window starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    /// A week before its end.
    WeekBefore,
    /// The newest Linux release announcement before its end (`last-rc`).
    LastRelease,
    At(DateTime<Utc>),
}

/// What the editor asks of `week`.
#[derive(Debug, Clone)]
pub struct WeekRequest {
    pub since: Since,
    /// The window's end, not included.
    pub until: DateTime<Utc>,
    /// The entries the draft gets, release announcements aside.
    pub top: usize,
    pub interests: Vec<Interest>,
    /// The lists to read: from lore, the inboxes listed (`all` too); from
    /// local mail, the lists whose threads count (`all`: every list).
    pub lists: Vec<String>,
    /// From lore, the window's mail in one search where the server has it
    /// (not for `all`, a week of which is some 150 MB).
    pub bulk: bool,
    /// The most of that search's answer read, unpacked.
    pub max_week_bytes: u64,
}

/// `--max-week-size`'s default, in MiB.
pub const MAX_WEEK_MIB: u64 = 256;

/// Why there is no week to draft.
#[derive(Debug, thiserror::Error)]
pub enum WeekError {
    #[error("the window is empty: --since {since} is not before --until {until}")]
    EmptyWindow { since: String, until: String },
    #[error("--since last-rc: no Linux release announcement before --until was found")]
    NoRelease,
    #[error("--since last-rc: the announcements could not be listed: {0}")]
    ReleasesUnlisted(FetchError),
    #[error("{0}")]
    Archive(SourceError),
    /// Every mailbox and archive failed; each is one of the failures.
    #[error("no mail to rank: check the --mbox and --archive paths")]
    NoMail(Vec<Failure>),
    #[error("{0}")]
    Fetch(FetchError),
    /// Nothing failed, and no thread started in the window: no post is
    /// written.
    #[error(
        "no thread in {window} of {source_name} ({read} mails read, {in_window} in the window): \
         give --since/--until, or check --list"
    )]
    NoThread {
        window: String,
        source_name: String,
        read: usize,
        in_window: usize,
    },
}

/// What the pipeline made: the post (with every candidate in its
/// `ranking`), lines for standard error, and lines for `-v`.
pub struct Run {
    pub draft: Draft,
    pub notes: Vec<String>,
    pub details: Vec<String>,
    /// As `draft::Run::missing`.
    pub missing: Vec<String>,
    /// Why the draft holds nothing, where nothing failed either
    /// ([`WeekError::NoThread`]): the command writes no post.
    pub no_thread: Option<WeekError>,
}

/// The `week` pipeline: the window's candidates ranked, the best `top`
/// drafted. A list, mailbox or thread that fails is one of the draft's
/// failures; the rest is still ranked.
pub fn run(
    source: &Source,
    request: &WeekRequest,
    options: &Options,
    watch: &(dyn Fn(Progress) + Sync),
) -> Result<Run, WeekError> {
    let mut notes = Vec::new();
    let mut details = Vec::new();
    // How many mails were read, the window's or not.
    let read = AtomicUsize::new(0);
    // How many requests lore was sent (none for local mail).
    let mut requests = None;
    let (pool, window, failed, lists) = match source {
        Source::Lore(lore) => {
            let (pool, window, failed, sent) =
                from_lore(lore, request, options, watch, &mut notes, &mut details)?;
            requests = Some(sent);
            read.store(pool.messages().len(), Ordering::Relaxed);
            // The listing kept to the lists already (and inbox names need
            // not be List-Ids).
            (pool, window, failed, Vec::new())
        }
        Source::Local {
            mailboxes,
            archives,
        } => from_mailboxes(
            mailboxes,
            archives,
            request,
            &read,
            watch,
            &mut notes,
            &mut details,
        )?,
        // A week is read by date, which the index does not keep.
        Source::Indexed(mailboxes) => from_mailboxes(
            mailboxes.paths(),
            &[],
            request,
            &read,
            watch,
            &mut notes,
            &mut details,
        )?,
    };
    let week = WeekOptions {
        window,
        top: request.top,
        interests: request.interests.clone(),
        lists,
        maintainers: options.maintainers.clone(),
    };
    let history = options
        .history_before(window.until, newest_release(&pool, &window).as_deref())
        .map(|history| Recalled::new(history, Some(&pool)));
    if let Some(recalled) = &history {
        notes.extend(recalled.history.warnings());
        details.push(recalled.line());
    }
    let memory = history.as_ref().map(|r| r.memory(&options.link_base));
    let (mut ranked, left_out) = rank_on_lists(&pool, &week, memory);
    if let Some(best) = left_out.first() {
        details.push(format!(
            "--list {}: left out {} threads sent to none of these lists (the best: {:?})",
            week.lists.join(", "),
            left_out.len(),
            best.subject
        ));
    }
    for revision in ranked.iter_mut().flat_map(|c| c.also.iter_mut()) {
        revision.link = format!("{}{}", options.link_base, escape_id(&revision.message_id));
    }
    details.push(format!(
        "{} candidates from {} to {}",
        ranked.len(),
        window.since.format("%Y-%m-%d %H:%M"),
        window.until.format("%Y-%m-%d %H:%M")
    ));
    for (i, candidate) in ranked.iter().take(week.top * 3).enumerate() {
        details.push(explain(candidate, i + 1));
    }
    let mut entries = entries(&pool, &picks(&ranked, week.top), options);
    if let Some(r) = &history {
        compose::follow_up::remember_all(&mut entries, &pool, &r.history, &r.at_hand, options);
    }
    let no_thread = (entries.is_empty() && failed.is_empty()).then(|| WeekError::NoThread {
        window: draft_window(&window),
        source_name: match source {
            Source::Lore(_) => request.lists.join(", "),
            Source::Local {
                mailboxes,
                archives,
            } => mailboxes
                .iter()
                .chain(archives)
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            Source::Indexed(mailboxes) => mailboxes
                .paths()
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        },
        read: read.load(Ordering::Relaxed),
        in_window: pool
            .messages()
            .iter()
            .filter(|m| window.contains(m))
            .count(),
    });
    let mut draft = compose::draft(entries, failed, options);
    draft.ranking = ranked;
    let history = history.as_ref().map(|r| &r.history);
    let (more, missing) = crate::draft::finish(&mut draft, &pool, options, history);
    notes.extend(more);
    // The closing line, as `draft` has one.
    notes.push(format!(
        "week {}: {} mails read, {} threads in the window, {}{} entries drafted",
        draft_window(&window),
        read.load(Ordering::Relaxed),
        draft.ranking.len(),
        requests.map_or(String::new(), |n| format!("{n} requests, ")),
        draft.entries.len()
    ));
    details.extend(crate::draft::repair_lines(&draft));
    Ok(Run {
        draft,
        notes,
        details,
        missing,
        no_thread,
    })
}

/// The week's mail from mailboxes and archives, and the lists whose threads
/// count (mailboxes may hold any list's mail).
fn from_mailboxes(
    mailboxes: &[PathBuf],
    archives: &[PathBuf],
    request: &WeekRequest,
    read: &AtomicUsize,
    watch: &(dyn Fn(Progress) + Sync),
    notes: &mut Vec<String>,
    details: &mut Vec<String>,
) -> Result<(Pool, Window, Vec<Failure>, Vec<String>), WeekError> {
    let (pool, window, failed) =
        from_local(mailboxes, archives, request, read, watch, notes, details)?;
    let lists = request
        .lists
        .iter()
        .filter(|l| *l != "all")
        .cloned()
        .collect();
    Ok((pool, window, failed, lists))
}

/// Replies this long after the window still count toward its discussion,
/// and mail this long before it may hold a series' first patches.
const SLACK: TimeDelta = TimeDelta::days(1);

/// The week's mail from mailboxes and archives: only mails dated within a
/// day of the window are kept, so that a mailbox of years costs the
/// memory of its week.
fn from_local(
    mailboxes: &[PathBuf],
    archives: &[PathBuf],
    request: &WeekRequest,
    read: &AtomicUsize,
    watch: &(dyn Fn(Progress) + Sync),
    notes: &mut Vec<String>,
    details: &mut Vec<String>,
) -> Result<(Pool, Window, Vec<Failure>), WeekError> {
    let preferred = fetch::preferred_list(&request.lists);
    let window = window(request, || {
        let announcement =
            |raw: &[u8]| glance(raw).is_some_and(|g| compose::is_release_subject(&g.subject));
        let (found, _) = fetch::read_mailboxes_keeping(mailboxes, &announcement);
        let (pool, _) = pool_from(&found, preferred);
        let mut newest = last_release(&pool, request.until);
        for dir in archives {
            let sent =
                fetch::archive::sent_by(dir, compose::LINUS, request.until).map_err(|e| {
                    WeekError::Archive(SourceError {
                        source_name: dir.display().to_string(),
                        reason: e,
                    })
                })?;
            let found = sent
                .into_iter()
                .filter(|(at, subject)| *at < request.until && compose::is_release_subject(subject))
                .map(|(at, _)| at)
                .max();
            newest = newest.max(found);
        }
        Ok(newest)
    })?;
    let (from, to) = (window.since - SLACK, window.until + SLACK);
    let is_near = |raw: &[u8]| match date_of(raw) {
        Some(date) => (from..to).contains(&date.to_utc()),
        // Undated mail is kept; the ranking leaves it out of the window.
        None => true,
    };
    let near_the_window = |raw: &[u8]| {
        read.fetch_add(1, Ordering::Relaxed);
        is_near(raw)
    };
    // Each block of mail is parsed as it is read, the bodies copied out,
    // and the block given back: the mailbox is never held whole.
    let mut parsing = Parsing::default();
    let errors = fetch::read_mailboxes_by_block(mailboxes, &near_the_window, &mut |mails| {
        parsing.add(&mails, false);
        watch(Progress::Read {
            mails: read.load(Ordering::Relaxed),
        });
    });
    let mut failed: Vec<Failure> = errors.into_iter().map(Failure::from).collect();
    for dir in archives {
        match fetch::archive::read_archive(dir, window.since, window.until) {
            Ok(messages) => {
                details.push(format!(
                    "{}: {} mails received in the window",
                    dir.display(),
                    messages.len()
                ));
                read.fetch_add(messages.len(), Ordering::Relaxed);
                parsing.add(&messages, true);
            }
            Err(e) => failed.push(Failure::from(e)),
        }
    }
    if parsing.is_empty() && !failed.is_empty() {
        return Err(WeekError::NoMail(failed));
    }
    let (pool, warnings) = parsing.pool(preferred);
    notes.extend(warnings);
    Ok((pool, window, failed))
}

/// The week's candidate threads from lore: the window's listing (no
/// bodies) is pre-ranked, and the best 3 x `top` threads are fetched whole.
/// A list whose listing fails is one failure; the others are ranked.
fn from_lore(
    options: &LoreOptions,
    request: &WeekRequest,
    post: &Options,
    watch: &(dyn Fn(Progress) + Sync),
    notes: &mut Vec<String>,
    details: &mut Vec<String>,
) -> Result<(Pool, Window, Vec<Failure>, usize), WeekError> {
    let session = Session::start(options.clone()).map_err(WeekError::Fetch)?;
    let requests = || {
        session
            .lore()
            .stats()
            .requests
            .load(std::sync::atomic::Ordering::Relaxed)
    };
    let until = request.until;
    let window = window(request, || {
        // The newest announcement in the 90 days before the window's end.
        let ask = ListingAsk {
            list: "all".to_string(),
            query: query::announcements(until - TimeDelta::days(90), until),
            until,
        };
        let listing = session
            .listings(std::slice::from_ref(&ask))
            .pop()
            .expect("one listing asked, one given")
            .map_err(WeekError::ReleasesUnlisted)?;
        Ok(listing
            .hits
            .iter()
            .filter(|h| is_announcement(h))
            .filter_map(|h| h.date)
            .max())
    })?;
    let everything = request.lists.iter().any(|l| l == "all");
    if request.bulk && !everything {
        let ask = WeekAsk {
            lists: request.lists.clone(),
            since: window.since,
            until: window.until,
            max_bytes: request.max_week_bytes,
        };
        let mut parsing = Parsing::default();
        let mut mails = 0;
        // Each block is parsed as it comes, the bodies copied out.
        let mut each = |delivery: Delivery| match delivery {
            Delivery::Mails(block) => {
                mails += block.len();
                parsing.add(&block, false);
                watch(Progress::Read { mails });
            }
            Delivery::StartOver => {
                mails = 0;
                parsing = Parsing::default();
            }
        };
        match session.week_mail(&ask, &mut each) {
            Ok(week) => {
                details.push(format!(
                    "the week's mail: 1 search, {:.1} MB ({:.1} MB unpacked), {} mails ({}{} requests in all)",
                    week.sent_bytes as f64 / 1e6,
                    week.bytes as f64 / 1e6,
                    mails,
                    if week.from_cache {
                        "from the cache; "
                    } else {
                        ""
                    },
                    requests()
                ));
                let (pool, warnings) = parsing.pool(fetch::preferred_list(&request.lists));
                // A list whose mail the search did not find (an inbox whose
                // name is not its list's) is read the other way.
                let missing: Vec<&String> = request
                    .lists
                    .iter()
                    .filter(|l| !pool.messages().iter().any(|m| m.is_on(l)))
                    .collect();
                if missing.is_empty() {
                    notes.extend(warnings);
                    if let Some(limit) = week.cut_at {
                        notes.push(format!(
                            "the week's mail was cut at {} MiB unpacked (--max-week-size): \
                             the rest of the window is left out; ask for fewer --list or a \
                             shorter window, or raise --max-week-size",
                            limit >> 20
                        ));
                    }
                    return Ok((pool, window, Vec::new(), requests()));
                }
                details.push(format!(
                    "the week's mail as one search holds none of {}: listing the window instead",
                    missing
                        .iter()
                        .map(|l| l.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            // The cache may still hold the listing and the threads.
            Err(FetchError::Offline) => {
                details.push("the week's mail is not in the cache: listing the window".into())
            }
            Err(e) if bulk::is_unsupported(&e) => details.push(format!(
                "the week's mail as one search: {e}; listing the window instead"
            )),
            Err(e) => return Err(WeekError::Fetch(e)),
        }
    } else {
        details.push(if everything {
            "every list: listing the window (one search of all of lore is too big)".to_string()
        } else {
            "--no-bulk: listing the window".to_string()
        });
    }
    let range = query::dated(window.since, window.until);
    let ask = |list: &str, query: String| ListingAsk {
        list: list.to_string(),
        query,
        until: window.until,
    };
    let mut asks: Vec<ListingAsk> = request
        .lists
        .iter()
        .map(|l| ask(l, range.clone()))
        .collect();
    let mut names: Vec<String> = request.lists.clone();
    if !request.lists.iter().any(|l| l == "all") {
        // Linus' announcement goes to linux-kernel, which may not be asked.
        asks.push(ask("all", query::announcements(window.since, window.until)));
        names.push("all (Linux release announcements)".to_string());
    }
    let listed = session.listings(&asks);
    let mut hits = Vec::new();
    let mut failed = Vec::new();
    let (mut pages, mut pages_from_cache) = (0, 0);
    for (name, listing) in names.iter().zip(listed) {
        match listing {
            Ok(listing) => {
                pages += listing.pages;
                pages_from_cache += listing.pages_from_cache;
                notes.extend(listing.cut);
                hits.extend(listing.hits);
            }
            Err(e) => failed.push(Failure {
                input: name.clone(),
                error: format!("the listing could not be read: {e}"),
            }),
        }
    }
    // The listing shows the announcements, and so the post's name.
    let release = hits
        .iter()
        .filter(|h| is_announcement(h) && h.date.is_some_and(|d| window.holds(d)))
        .max_by_key(|h| h.date)
        .map(|h| format!("v{}", h.subject.trim().trim_start_matches("Linux ")));
    // A listing holds no mail at hand.
    let history = post
        .history_before(window.until, release.as_deref())
        .map(|history| Recalled::new(history, None));
    let memory = history.as_ref().map(|r| r.memory(&post.link_base));
    let asks = prerank(
        &hits,
        &window,
        &request.interests,
        memory,
        request.top.saturating_mul(3),
    );
    details.push(format!(
        "the listing held {} mails in {pages} pages ({pages_from_cache} from the cache); \
         fetching the {} best threads ({} requests so far)",
        hits.len(),
        asks.len(),
        requests()
    ));
    let fetched = session.threads_from(&asks, watch);
    notes.extend(fetched.notes);
    failed.extend(fetched.failed);
    let preferred = fetch::preferred_list(&request.lists);
    let pool = parse_pool(&fetched.mails, preferred, notes);
    Ok((pool, window, failed, requests()))
}

/// The pool of `raw`, its warnings added to `notes`.
fn parse_pool(raw: &[RawMessage], preferred: Option<&str>, notes: &mut Vec<String>) -> Pool {
    let (pool, warnings) = pool_from(raw, preferred);
    notes.extend(warnings);
    pool
}

/// The window from the request; `last-rc` asks `last_release`.
fn window(
    request: &WeekRequest,
    last_release: impl FnOnce() -> Result<Option<DateTime<Utc>>, WeekError>,
) -> Result<Window, WeekError> {
    let until = request.until;
    let since = match request.since {
        Since::WeekBefore => until - TimeDelta::days(7),
        Since::LastRelease => last_release()?.ok_or(WeekError::NoRelease)?,
        Since::At(since) => since,
    };
    if since >= until {
        return Err(WeekError::EmptyWindow {
            since: since.to_rfc3339(),
            until: until.to_rfc3339(),
        });
    }
    Ok(Window { since, until })
}

/// "2026-11-25 08:00..2026-12-02 08:00".
fn draft_window(window: &Window) -> String {
    let day = |d: DateTime<Utc>| d.format("%Y-%m-%d %H:%M").to_string();
    format!("{}..{}", day(window.since), day(window.until))
}

/// What the editor asked of the week.
#[derive(Debug, Clone)]
pub struct WeekOptions {
    pub window: Window,
    /// The entries the draft gets, release announcements aside.
    pub top: usize,
    pub interests: Vec<Interest>,
    /// Only threads started on these lists; empty for all.
    pub lists: Vec<String>,
    /// The kernel's MAINTAINERS: each candidate's sections.
    pub maintainers: Option<std::sync::Arc<crate::maintainers::Maintainers>>,
}

/// The week's candidates in `pool`, best first; `memory`, the editor's
/// earlier posts, adds what they cover and follow.
pub fn rank(pool: &Pool, options: &WeekOptions, memory: Option<Memory>) -> Vec<Candidate> {
    rank_on_lists(pool, options, memory).0
}

/// [`rank`], and the candidates `--list` left out: sent to no named list.
pub fn rank_on_lists(
    pool: &Pool,
    options: &WeekOptions,
    memory: Option<Memory>,
) -> (Vec<Candidate>, Vec<Candidate>) {
    let ranked = rank::candidates(
        pool,
        &options.window,
        &options.interests,
        memory,
        options.maintainers.as_deref(),
    );
    if options.lists.is_empty() {
        return (ranked, Vec::new());
    }
    // Linus' announcements go to linux-kernel; they always count. A thread
    // counts when any copy of its mail carries a named list's List-Id, or
    // its To or Cc names the list: a mailbox may hold another list's copy.
    ranked.into_iter().partition(|c| {
        c.kind == Kind::Release
            || c.list
                .as_deref()
                .is_some_and(|id| options.lists.iter().any(|l| is_list(id, l)))
            || pool
                .get(&c.message_id)
                .is_some_and(|m| options.lists.iter().any(|l| m.is_on(l)))
    })
}

/// One entry per pick, in rank order, with the other revisions of its
/// series posted in the window.
pub fn entries(pool: &Pool, picks: &[&Candidate], options: &Options) -> Vec<Entry> {
    crate::parallel::map(picks, |c| {
        let message = pool.get(&c.message_id)?;
        let thread = pool.thread_of(&c.message_id)?;
        let mut entry = compose::entry(&thread, message, options);
        entry.also = c.also.clone();
        Some(entry)
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The newest Linux release announcement before `until`, for `last-rc`.
pub fn last_release(pool: &Pool, until: DateTime<Utc>) -> Option<DateTime<Utc>> {
    pool.messages()
        .iter()
        .filter(|m| compose::release_of(m).is_some())
        .filter_map(|m| m.date.map(|d| d.to_utc()))
        .filter(|&d| d < until)
        .max()
}

/// A week's history and what it teaches, held together for the ranking.
struct Recalled {
    history: History,
    learned: Learned,
    at_hand: AtHand,
}

impl Recalled {
    /// `pool`: the mail read, where covered threads' mail may be at hand.
    fn new(history: History, pool: Option<&Pool>) -> Recalled {
        Recalled {
            learned: history.learned(),
            at_hand: pool.map(|p| history.at_hand(p)).unwrap_or_default(),
            history,
        }
    }

    fn memory<'a>(&'a self, link_base: &'a str) -> Memory<'a> {
        Memory {
            history: &self.history,
            learned: &self.learned,
            at_hand: &self.at_hand,
            link_base,
        }
    }

    /// `-v`: how much history there is, and what it shows the editor
    /// covers.
    fn line(&self) -> String {
        let prefixes: Vec<String> = self
            .learned
            .prefixes
            .iter()
            .take(8)
            .map(|(p, n)| format!("{p} ({n})"))
            .collect();
        let mut authors: Vec<&(String, usize)> = self.learned.authors.values().collect();
        authors.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let authors: Vec<String> = authors
            .iter()
            .take(5)
            .map(|(a, n)| format!("{a} ({n})"))
            .collect();
        let or_none = |items: Vec<String>| {
            if items.is_empty() {
                "none recurring".to_string()
            } else {
                items.join(", ")
            }
        };
        format!(
            "history: {} earlier posts, {} entries; subsystems {}; authors {}; {} covered threads have mail at hand",
            self.history.posts().len(),
            self.history.entries().len(),
            or_none(prefixes),
            or_none(authors),
            self.at_hand.threads
        )
    }
}

/// The newest Linux release announced in `window`: the release that names
/// the week's post.
fn newest_release(pool: &Pool, window: &Window) -> Option<String> {
    pool.messages()
        .iter()
        .filter(|m| window.contains(m))
        .filter_map(|m| Some((m.date?, compose::release_of(m)?)))
        .max_by_key(|(date, _)| *date)
        .map(|(_, release)| format!("v{release}"))
}
