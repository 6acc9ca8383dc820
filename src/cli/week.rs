//! `lkml-digest week`: find, rank and draft a week's noteworthy threads.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use clap::Args;

use super::{
    EXIT_USAGE, PostArgs, SourceArgs, fetch_with, gather, lore_options, parse_date,
    report_failures, runtime, say, source_failure, write_output, write_post,
};
use crate::compose::rank::{Interest, Window};
use crate::compose::{self, Failure};
use crate::fetch;
use crate::fetch::lore::Lore;
use crate::fetch::search;
use crate::parse::Pool;
use crate::parse::message::{date_of, glance};
use crate::week::{self, WeekOptions};

#[derive(Debug, Clone, Args)]
pub struct WeekArgs {
    /// The window's start: YYYY-MM-DD, RFC 3339, or `last-rc` (the newest
    /// Linux release announcement before --until). Default: 7 days before
    /// --until.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// The window's end, not included (default: now).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<DateTime<FixedOffset>>,

    /// How many threads the draft reports, release announcements aside.
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub top: usize,

    /// What readers care for, ranked higher: a subject prefix (`mm/damon:`,
    /// `memcg`), a list (`list:linux-mm`), or a path glob (`mm/**`).
    /// Repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub interest: Vec<String>,

    /// Read the week from a public-inbox v2 archive (`git clone --mirror` of
    /// lore's epochs: DIR/git/0.git...), only the commits inside the window.
    /// Repeatable; goes with --mbox.
    #[arg(long, value_name = "DIR")]
    pub archive: Vec<PathBuf>,

    /// Also write every candidate, best first, as `draft` input: the
    /// draft's threads above a cut line, the rest commented out below it.
    #[arg(long, value_name = "FILE")]
    pub candidates: Option<PathBuf>,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub post: PostArgs,
}

pub fn run_week(args: WeekArgs) -> u8 {
    let post = match week_post(&args) {
        Ok(post) => post,
        Err(e) => {
            say(&e);
            return EXIT_USAGE;
        }
    };
    if let Some(path) = &args.candidates {
        let link_base = args.post.options().link_base;
        let list = week::candidate_list(&post.ranking, args.top, &link_base);
        if let Err(e) = write_output(Some(path), list.as_bytes()) {
            say(&e);
            return EXIT_USAGE;
        }
    }
    report_failures(&post.failed);
    write_post(&post, &args.post)
}

/// The week's post: its top threads drafted, every candidate in `ranking`.
/// An error is a usage error: a bad interest, window or source.
pub fn week_post(args: &WeekArgs) -> Result<compose::Draft, String> {
    let interests = args
        .interest
        .iter()
        .map(|i| Interest::parse(i))
        .collect::<Result<Vec<Interest>, String>>()?;
    let until = args.until.map_or_else(Utc::now, |d| d.to_utc());
    let from_server = args.source.mbox.is_empty() && args.archive.is_empty();
    let (pool, window, failed) = if from_server {
        from_lore(args, until, &interests)?
    } else {
        from_local(args, until)?
    };
    // From lore, the listing kept to the lists already (and inbox names
    // need not be List-Ids); mailboxes may hold any list's mail.
    let lists = if from_server {
        Vec::new()
    } else {
        args.source
            .lists
            .iter()
            .filter(|l| *l != "all")
            .cloned()
            .collect()
    };
    let options = WeekOptions {
        window,
        top: args.top,
        interests,
        lists,
    };
    let ranked = week::rank(&pool, &options);
    let picks = week::picks(&ranked, options.top);
    if args.source.verbose && !args.source.quiet {
        say(&format!(
            "{} candidates from {} to {}",
            ranked.len(),
            window.since.format("%Y-%m-%d %H:%M"),
            window.until.format("%Y-%m-%d %H:%M")
        ));
        for (i, candidate) in ranked.iter().take(options.top * 3).enumerate() {
            say(&week::explain(candidate, i + 1));
        }
    }
    let compose_options = args.post.options();
    let entries = week::entries(&pool, &picks, &compose_options);
    let mut post = compose::draft(entries, failed, &compose_options);
    post.ranking = ranked;
    Ok(post)
}

/// The week's mail from --mbox files and --archive mirrors: only mails
/// dated within a day of the window are kept, so that a mailbox of years
/// costs the memory of its week.
fn from_local(
    args: &WeekArgs,
    until: DateTime<Utc>,
) -> Result<(Pool, Window, Vec<Failure>), String> {
    let window = window(args, until, || {
        let announcement =
            |raw: &[u8]| glance(raw).is_some_and(|g| compose::is_release_subject(&g.subject));
        let (found, _) = fetch::read_mailboxes_keeping(&args.source.mbox, &announcement);
        let mut newest = week::last_release(&gather(&args.source, &found), until);
        for dir in &args.archive {
            let sent = fetch::archive::sent_by(dir, compose::LINUS, until)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let found = sent
                .into_iter()
                .filter(|(at, subject)| *at < until && compose::is_release_subject(subject))
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
    let (mut raw, errors) = fetch::read_mailboxes_keeping(&args.source.mbox, &near_the_window);
    let mut failed: Vec<Failure> = errors.into_iter().map(source_failure).collect();
    for dir in &args.archive {
        match fetch::archive::read_archive(dir, window.since, window.until) {
            Ok(messages) => {
                if args.source.verbose && !args.source.quiet {
                    say(&format!(
                        "{}: {} mails received in the window",
                        dir.display(),
                        messages.len()
                    ));
                }
                raw.extend(messages);
            }
            Err(e) => failed.push(source_failure(e)),
        }
    }
    if raw.is_empty() && !failed.is_empty() {
        for failure in &failed {
            say(&format!("{}: {}", failure.input, failure.error));
        }
        return Err("no mail to rank: check the --mbox and --archive paths".into());
    }
    Ok((gather(&args.source, &raw), window, failed))
}

/// Replies this long after the window still count toward its discussion,
/// and mail this long before it may hold a series' first patches.
const SLACK: TimeDelta = TimeDelta::days(1);

/// The week's candidate threads from lore: the window's listing (no
/// bodies) is pre-ranked, and the best 3 x --top threads are fetched whole.
fn from_lore(
    args: &WeekArgs,
    until: DateTime<Utc>,
    interests: &[Interest],
) -> Result<(Pool, Window, Vec<Failure>), String> {
    let lore = Lore::new(lore_options(&args.source)).map_err(|e| e.to_string())?;
    let runtime = runtime()?;
    let search = |list: &str, query: &str| {
        let (hits, cut) = runtime.block_on(search::search(&lore, list, query))?;
        if let Some(note) = cut {
            say(&note);
        }
        Ok::<_, fetch::FetchError>(hits)
    };
    let lore_time = |d: DateTime<Utc>| d.format("%Y%m%d%H%M%S").to_string();
    let window = window(args, until, || {
        // The newest announcement in the 90 days before --until.
        let query = format!(
            "f:torvalds AND s:Linux AND dt:{}..{}",
            lore_time(until - TimeDelta::days(90)),
            lore_time(until)
        );
        let hits = search("all", &query)
            .map_err(|e| format!("--since last-rc: the announcements could not be listed: {e}"))?;
        Ok(hits
            .iter()
            .filter(|h| week::is_announcement(h))
            .filter_map(|h| h.date)
            .max())
    })?;
    let range = format!(
        "dt:{}..{}",
        lore_time(window.since),
        lore_time(window.until)
    );
    // A list whose listing fails is one failure; the others are ranked.
    let mut hits = Vec::new();
    let mut failed = Vec::new();
    let mut listing = |list: &str, name: &str, query: &str| match search(list, query) {
        Ok(found) => hits.extend(found),
        Err(e) => failed.push(Failure {
            input: name.to_string(),
            error: format!("the listing could not be read: {e}"),
        }),
    };
    for list in &args.source.lists {
        listing(list, list, &range);
    }
    if !args.source.lists.iter().any(|l| l == "all") {
        // Linus' announcement goes to linux-kernel, which may not be asked.
        let query = format!("f:torvalds AND s:Linux AND {range}");
        listing("all", "all (Linux release announcements)", &query);
    }
    let ids = week::prerank(&hits, &window, interests, args.top.saturating_mul(3));
    if args.source.verbose && !args.source.quiet {
        say(&format!(
            "the listing held {} mails; fetching the {} best threads ({} requests so far)",
            hits.len(),
            ids.len(),
            lore.stats().requests.load(Ordering::Relaxed)
        ));
    }
    let (raw, fetch_failed) = fetch_with(&runtime, &lore, &args.source, &ids, &|_| {});
    failed.extend(fetch_failed);
    Ok((gather(&args.source, &raw), window, failed))
}

/// The window from --since and --until; `last-rc` asks `last_release`.
fn window(
    args: &WeekArgs,
    until: DateTime<Utc>,
    last_release: impl FnOnce() -> Result<Option<DateTime<Utc>>, String>,
) -> Result<Window, String> {
    let since = match args.since.as_deref() {
        None => until - TimeDelta::days(7),
        Some("last-rc") => last_release()?.ok_or_else(|| {
            "--since last-rc: no Linux release announcement before --until was found".to_string()
        })?,
        Some(text) => parse_date(text)
            .map_err(|e| format!("--since: {e}"))?
            .to_utc(),
    };
    if since >= until {
        return Err(format!(
            "the window is empty: --since {} is not before --until {}",
            since.to_rfc3339(),
            until.to_rfc3339()
        ));
    }
    Ok(Window { since, until })
}
