//! The `week` command's pipeline: a source and a window in; the ranked
//! candidates, the draft of the best and the editable candidate list out.
//!
//! From local mail ([`Source::Local`]) the window's mail is read and
//! ranked. From lore, the window's listing (no bodies) is pre-ranked and
//! only the best threads are fetched whole.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, TimeDelta, Utc};

use crate::compose::rank::{self, Candidate, Interest, Memory, Window};
use crate::compose::{self, Draft, Entry, Failure, Kind, Options};
use crate::draft::{Parsing, pool_from};
use crate::fetch::lore::LoreOptions;
use crate::fetch::lore::ThreadAsk;
use crate::fetch::search::{Hit, ListingAsk, query};
use crate::fetch::session::Session;
use crate::fetch::{self, FetchError, Progress, RawMessage, Source, SourceError};
use crate::history::{AtHand, History, Learned};
use crate::input::escape_id;
use crate::parse::message::{date_of, glance};
use crate::parse::series::{SENDING_SPREAD, is_automated_subject, normalized_title, series_key};
use crate::parse::thread::is_list;
use crate::parse::{Pool, Subject};

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
}

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
}

/// What the pipeline made: the post (with every candidate in its
/// `ranking`), lines for standard error, and lines for `-v`.
pub struct Run {
    pub draft: Draft,
    pub notes: Vec<String>,
    pub details: Vec<String>,
    /// As `draft::Run::missing`.
    pub missing: Vec<String>,
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
    let (pool, window, failed, lists) = match source {
        Source::Lore(lore) => {
            let (pool, window, failed) =
                from_lore(lore, request, options, watch, &mut notes, &mut details)?;
            // The listing kept to the lists already (and inbox names need
            // not be List-Ids).
            (pool, window, failed, Vec::new())
        }
        Source::Local {
            mailboxes,
            archives,
        } => from_mailboxes(mailboxes, archives, request, &mut notes, &mut details)?,
        // A week is read by date, which the index does not keep.
        Source::Indexed(mailboxes) => {
            from_mailboxes(mailboxes.paths(), &[], request, &mut notes, &mut details)?
        }
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
    let mut ranked = rank(&pool, &week, memory);
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
    let mut draft = compose::draft(entries, failed, options);
    draft.ranking = ranked;
    let history = history.as_ref().map(|r| &r.history);
    let (more, missing) = crate::draft::finish(&mut draft, &pool, options, history);
    notes.extend(more);
    details.extend(crate::draft::repair_lines(&draft));
    Ok(Run {
        draft,
        notes,
        details,
        missing,
    })
}

/// The week's mail from mailboxes and archives, and the lists whose threads
/// count (mailboxes may hold any list's mail).
fn from_mailboxes(
    mailboxes: &[PathBuf],
    archives: &[PathBuf],
    request: &WeekRequest,
    notes: &mut Vec<String>,
    details: &mut Vec<String>,
) -> Result<(Pool, Window, Vec<Failure>, Vec<String>), WeekError> {
    let (pool, window, failed) = from_local(mailboxes, archives, request, notes, details)?;
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
    let near_the_window = |raw: &[u8]| match date_of(raw) {
        Some(date) => (from..to).contains(&date.to_utc()),
        // Undated mail is kept; the ranking leaves it out of the window.
        None => true,
    };
    // Each block of mail is parsed as it is read, the bodies copied out,
    // and the block given back: the mailbox is never held whole.
    let mut parsing = Parsing::default();
    let errors = fetch::read_mailboxes_by_block(mailboxes, &near_the_window, &mut |mails| {
        parsing.add(&mails, false)
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
) -> Result<(Pool, Window, Vec<Failure>), WeekError> {
    let session = Session::start(options.clone()).map_err(WeekError::Fetch)?;
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
        session
            .lore()
            .stats()
            .requests
            .load(std::sync::atomic::Ordering::Relaxed)
    ));
    let fetched = session.threads_from(&asks, watch);
    notes.extend(fetched.notes);
    failed.extend(fetched.failed);
    let preferred = fetch::preferred_list(&request.lists);
    Ok((parse_pool(&fetched.mails, preferred, notes), window, failed))
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
    let mut ranked = rank::candidates(
        pool,
        &options.window,
        &options.interests,
        memory,
        options.maintainers.as_deref(),
    );
    if !options.lists.is_empty() {
        // Linus' announcements go to linux-kernel; they always count.
        ranked.retain(|c| {
            c.kind == Kind::Release
                || c.list
                    .as_deref()
                    .is_some_and(|id| options.lists.iter().any(|l| is_list(id, l)))
        });
    }
    ranked
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

/// The ranked list as `lkml-digest draft` input: the picks, then the rest
/// commented out, each `<link>  # score  subject (author)`. Moving a line
/// up (and uncommenting it) puts it in the next draft.
pub fn candidate_list(ranked: &[Candidate], top: usize, link_base: &str) -> String {
    let picked: Vec<&Candidate> = picks(ranked, top);
    let mut out = format!(
        "# {} candidates, best first. The lines above the cut are the draft;\n\
         # move lines across it, then run: lkml-digest draft THIS-FILE\n",
        ranked.len()
    );
    let line = |c: &Candidate| {
        let also = if c.also.is_empty() {
            String::new()
        } else {
            let revisions: Vec<String> =
                c.also.iter().map(|r| format!("v{}", r.revision)).collect();
            format!(" [also {} this week]", revisions.join(", "))
        };
        // Each earlier revision's link, on a comment line of its own.
        let links: String = c
            .also
            .iter()
            .map(|r| format!("#     v{}: {}\n", r.revision, r.link))
            .collect();
        let posted = c.posted.as_ref().map_or(String::new(), |p| {
            format!(
                " [already posted in {} of {}]",
                p.post,
                &p.date[..p.date.len().min(10)]
            )
        });
        format!(
            "{link_base}{}  # {:.2}  {}{also} ({}){posted}\n{links}",
            escape_id(&c.message_id),
            c.score.total,
            one_line(&c.subject),
            one_line(&c.author)
        )
    };
    for c in &picked {
        out.push_str(&line(c));
    }
    out.push_str("# ---- cut: below are not in the draft ----\n");
    for c in ranked
        .iter()
        .filter(|c| !picked.iter().any(|p| p.message_id == c.message_id))
    {
        out.push_str("# ");
        out.push_str(&line(c));
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `-v`: each pick's score, part by part.
pub fn explain(candidate: &Candidate, rank: usize) -> String {
    let s = &candidate.score;
    format!(
        "{rank:3}. {:6.2} = discussion {:.2} + participants {:.2} + review {:.2} + kind {:.2} \
         + size {:.2} + revision {:.2} + interest {:.2} + history {:.2} + follows {:.2} \
         + interface {:.2}  {} ({}){}",
        s.total,
        s.discussion,
        s.participants,
        s.review,
        s.kind,
        s.size,
        s.revision,
        s.interest,
        s.history,
        s.follows,
        s.interface,
        one_line(&candidate.subject),
        candidate.author,
        remembered(candidate)
    )
}

/// `-v`: which interests matched (the section, for `section:`), why the
/// history part weighs what it does, what the candidate follows, and
/// where it was posted.
fn remembered(candidate: &Candidate) -> String {
    let mut said: Vec<String> = Vec::new();
    if !candidate.interests.is_empty() {
        said.push(format!("interests {}", candidate.interests.join(", ")));
    }
    said.extend(candidate.history.iter().cloned());
    if let Some(posted) = &candidate.posted {
        said.push(format!("already posted in {}", posted.post));
    } else if let Some(covered) = candidate.covered.first() {
        said.push(format!("follows v{} of {}", covered.revision, covered.post));
    }
    if said.is_empty() {
        String::new()
    } else {
        format!(" [{}]", said.join("; "))
    }
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

/// The thread starts of a search listing worth fetching whole: the best
/// `limit` by what subjects alone tell (kind, size, revision, interest, and
/// the replies whose subjects name a mail of the series), then every
/// release announcement.
pub fn prerank(
    hits: &[Hit],
    window: &Window,
    interests: &[Interest],
    memory: Option<Memory>,
    limit: usize,
) -> Vec<ThreadAsk> {
    // A mail cross-posted to several listed lists counts once, and its
    // thread is in each of them.
    let mut listed_in: HashMap<&str, Vec<&str>> = HashMap::new();
    for hit in hits {
        let lists = listed_in.entry(hit.message_id.as_str()).or_default();
        if !lists.contains(&hit.list.as_str()) {
            lists.push(hit.list.as_str());
        }
    }
    let mut seen = HashSet::new();
    let hits: Vec<&Hit> = hits
        .iter()
        .filter(|h| seen.insert(h.message_id.as_str()))
        .collect();
    let in_window = |hit: &Hit| hit.date.is_some_and(|d| window.holds(d));
    let mut starts: Vec<(&Hit, Subject)> = hits
        .iter()
        .copied()
        .filter(|h| in_window(h) && !is_automated_subject(&h.subject))
        .map(|h| (h, Subject::parse(&h.subject)))
        .filter(|(_, s)| !s.is_reply)
        .collect();
    starts.sort_by_key(|(h, _)| h.date);
    let mut groups: Vec<Listed> = Vec::new();
    for (hit, subject) in starts {
        let joined = subject.counter.and_then(|(_, n)| {
            groups.iter().position(|g| {
                g.series == Some((hit.author.clone(), subject.revision, n))
                    && hit
                        .date
                        .zip(g.first)
                        .is_some_and(|(d, f)| d - f <= SENDING_SPREAD)
            })
        });
        let title = normalized_title(&subject.title);
        match joined {
            Some(i) => {
                let group = &mut groups[i];
                group.titles.push(title);
                group.listed_in(&listed_in[hit.message_id.as_str()]);
                let k = subject.counter.map_or(0, |(k, _)| k);
                if k < group.number {
                    group.hit = hit;
                    group.number = k;
                }
            }
            None => groups.push(Listed {
                hit,
                number: subject.counter.map_or(0, |(k, _)| k),
                series: subject
                    .counter
                    .map(|(_, n)| (hit.author.clone(), subject.revision, n)),
                first: hit.date,
                titles: vec![title],
                replies: 0,
                repliers: HashSet::new(),
                lists: listed_in[hit.message_id.as_str()].clone(),
            }),
        }
    }
    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        for title in &group.titles {
            by_title.entry(title.clone()).or_insert(i);
        }
    }
    for hit in hits.iter().filter(|h| in_window(h)) {
        let subject = Subject::parse(&hit.subject);
        if !subject.is_reply {
            continue;
        }
        if let Some(&i) = by_title.get(&normalized_title(&subject.title)) {
            let group = &mut groups[i];
            group.replies += 1;
            group.listed_in(&listed_in[hit.message_id.as_str()]);
            if hit.author != group.hit.author {
                group.repliers.insert(hit.author.clone());
            }
        }
    }
    // Revisions and resends of a series fold together, as in ranking, and
    // are fetched together, so that the newest carries the discussion.
    let mut series: Vec<Vec<&Listed>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for group in &groups {
        let key = series_key(&group.hit.author, &Subject::parse(&group.hit.subject).title);
        match by_key.get(&key) {
            Some(&i) => series[i].push(group),
            None => {
                by_key.insert(key, series.len());
                series.push(vec![group]);
            }
        }
    }
    let mut scored: Vec<(f64, &Vec<&Listed>)> = series
        .iter()
        .map(|revisions| {
            let newest = revisions
                .iter()
                .max_by_key(|g| (Subject::parse(&g.hit.subject).revision, g.first))
                .expect("a series has a revision");
            let replies = revisions.iter().map(|g| g.replies).sum();
            let repliers = revisions.iter().flat_map(|g| g.repliers.clone()).collect();
            let score = rank::listing_score(
                &newest.hit.subject,
                &newest.hit.author,
                &newest.hit.list,
                replies,
                repliers,
                interests,
                memory,
            );
            (score, revisions)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Release announcements and community announcements are always
    // fetched, as the draft always takes them.
    let always = |revisions: &Vec<&Listed>| {
        let subject = Subject::parse(&revisions[0].hit.subject);
        is_announcement(revisions[0].hit) || subject.is_event && !subject.is_topic
    };
    // From `/all/`, as b4 asks: a series' patches and replies often went
    // to different lists, and one list's copy of the thread lacks the
    // others' mails. The list that listed it, if one did, is where to look
    // while `/all/` has not indexed it yet.
    let ids = |revisions: &Vec<&Listed>| -> Vec<ThreadAsk> {
        revisions
            .iter()
            .map(|g| ThreadAsk {
                id: g.hit.message_id.clone(),
                inbox: "all".to_string(),
                listed_in: match g.lists[..] {
                    [list] if list != "all" => Some(list.to_string()),
                    _ => None,
                },
            })
            .collect()
    };
    let mut picked: Vec<ThreadAsk> = scored
        .iter()
        .filter(|(_, r)| !always(r))
        .take(limit)
        .flat_map(|(_, r)| ids(r))
        .collect();
    picked.extend(series.iter().filter(|r| always(r)).flat_map(ids));
    picked
}

/// Whether a listed mail is Linus' release announcement (the listing shows
/// names, not addresses).
pub fn is_announcement(hit: &Hit) -> bool {
    hit.author == "Linus Torvalds" && compose::is_release_subject(&hit.subject)
}

/// A thread start of a listing, with the patches of its series.
struct Listed<'a> {
    /// The cover letter, else the lowest-numbered patch seen.
    hit: &'a Hit,
    number: u32,
    /// Sender, revision and length, for numbered patches.
    series: Option<(String, u32, u32)>,
    first: Option<DateTime<Utc>>,
    titles: Vec<String>,
    replies: usize,
    repliers: HashSet<String>,
    /// The lists whose listings held the thread's mails.
    lists: Vec<&'a str>,
}

impl<'a> Listed<'a> {
    fn listed_in(&mut self, lists: &[&'a str]) {
        for list in lists {
            if !self.lists.contains(list) {
                self.lists.push(list);
            }
        }
    }
}
