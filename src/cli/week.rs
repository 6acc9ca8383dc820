//! `lkml-digest week`: find, rank and draft a week's noteworthy threads.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use clap::Args;

use super::{
    EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, PostArgs, SourceArgs, gather, parse_date, say, write_output,
    write_post,
};
use crate::compose::rank::{Interest, Window};
use crate::compose::{self, Failure};
use crate::fetch;
use crate::parse::Pool;
use crate::week::{self, WeekOptions};

#[derive(Debug, Args)]
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
    let interests: Result<Vec<Interest>, String> =
        args.interest.iter().map(|i| Interest::parse(i)).collect();
    let interests = match interests {
        Ok(interests) => interests,
        Err(e) => {
            say(&e);
            return EXIT_USAGE;
        }
    };
    if args.source.mbox.is_empty() {
        say("week reads --mbox files; reading a week from lore is not built yet (issue 4)");
        return EXIT_USAGE;
    }
    let (raw, errors) = fetch::read_mailboxes(&args.source.mbox);
    let mut failed: Vec<Failure> = errors
        .into_iter()
        .map(|e| Failure {
            input: e.source_name,
            error: e.reason,
        })
        .collect();
    if raw.is_empty() {
        for failure in &failed {
            say(&format!("{}: {}", failure.input, failure.error));
        }
        say("no mail to rank: check the --mbox paths");
        return EXIT_USAGE;
    }
    let pool = gather(&args.source, &raw);
    drop(raw);
    let window = match window(&args, &pool) {
        Ok(window) => window,
        Err(e) => {
            say(&e);
            return EXIT_USAGE;
        }
    };
    let lists = args
        .source
        .lists
        .iter()
        .filter(|l| *l != "all")
        .cloned()
        .collect();
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
    if let Some(path) = &args.candidates {
        let list = week::candidate_list(&ranked, options.top, &compose_options.link_base);
        if let Err(e) = write_output(Some(path), list.as_bytes()) {
            say(&e);
            return EXIT_USAGE;
        }
    }
    for failure in &failed {
        say(&format!("{}: {}", failure.input, failure.error));
    }
    let mut post = compose::draft(entries, std::mem::take(&mut failed), &compose_options);
    post.ranking = ranked;
    match write_post(&post, &args.post) {
        EXIT_OK if !post.failed.is_empty() => EXIT_PARTIAL,
        status => status,
    }
}

/// The window from --since and --until; `last-rc` looks in `pool`.
fn window(args: &WeekArgs, pool: &Pool) -> Result<Window, String> {
    let until = args.until.map_or_else(Utc::now, |d| d.to_utc());
    let since = match args.since.as_deref() {
        None => until - TimeDelta::days(7),
        Some("last-rc") => week::last_release(pool, until).ok_or_else(|| {
            "--since last-rc: the mail read holds no Linux release announcement before --until"
                .to_string()
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
