//! The command line: arguments, reading inputs, writing the draft, exit
//! status. Everything else is in the stages.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::compose::{self, Failure, Options};
use crate::fetch::RawMessage;
use crate::fetch::cache::Cache;
use crate::fetch::lore::{self, Lore, LoreOptions};
use crate::render::{self, Format};
use crate::{draft, fetch, input};

mod config;
mod serve;
mod week;

/// Exit status: every input made an entry.
pub const EXIT_OK: u8 = 0;
/// Exit status: the draft was written, but some inputs failed.
pub const EXIT_PARTIAL: u8 = 1;
/// Exit status: the command line or its inputs could not be used at all.
pub const EXIT_USAGE: u8 = 2;

/// How many lines without an ID are listed before the rest are counted.
const UNRECOGNISED_SHOWN: usize = 20;
/// Fewer threads than this are fetched without progress lines on a pipe.
const PROGRESS_LINES_FROM: usize = 8;

#[derive(Debug, Parser)]
#[command(
    name = "lkml-digest",
    version,
    about = "Draft kernel news posts from mailing-list threads"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// The config file (default: ~/.config/lkml-digest/config.toml, where
    /// it exists). Command-line options win over it.
    #[arg(long, global = true, value_name = "FILE", env = "LKML_DIGEST_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft a news post from message IDs or links.
    Draft(DraftArgs),
    /// Write whole threads as one mboxrd file, as `b4 mbox` does.
    Fetch(FetchArgs),
    /// Find and rank a week's noteworthy threads, and draft the best.
    Week(week::WeekArgs),
    /// A local web page to paste IDs, preview, reorder and edit the post.
    Serve(serve::ServeArgs),
}

/// Where threads come from and how to get them.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Read threads from an mbox file, a directory of *.mbox files, or a
    /// Maildir, instead of the network. Repeatable.
    #[arg(long, value_name = "PATH")]
    pub mbox: Vec<PathBuf>,

    /// The public-inbox server to fetch threads from.
    #[arg(long, value_name = "URL", default_value = fetch::lore::DEFAULT_LORE, env = "LKML_DIGEST_LORE")]
    pub lore: String,

    /// The inbox to ask (`all` is lore's cross-list index). Copies of a
    /// message from this list are preferred. `week` takes several.
    #[arg(long = "list", value_name = "NAME", default_value = "all")]
    pub lists: Vec<String>,

    /// Threads fetched at once (at most 8 from lore.kernel.org).
    #[arg(short, long, default_value_t = 4, value_name = "N")]
    pub jobs: usize,

    /// The longest one request may take, connecting included, before it is
    /// retried: `90s`, `2m`.
    #[arg(long, default_value = "60s", value_parser = parse_duration, value_name = "AGE")]
    pub timeout: Duration,

    /// How often a request that timed out, was cut off, or met 429 or 5xx
    /// is tried again.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,

    /// The largest thread accepted, in MiB compressed (8 times that
    /// unpacked).
    #[arg(long, default_value_t = 64, value_name = "MIB")]
    pub max_thread_size: u64,

    /// Where fetched threads are cached (default: the user cache directory).
    #[arg(long, value_name = "DIR", env = "LKML_DIGEST_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// How long a cached thread is fresh: `90s`, `30m`, `6h`, `2d`, `0`.
    #[arg(long, default_value = "6h", value_parser = parse_duration, value_name = "AGE")]
    pub cache_ttl: Duration,

    /// Fetch every thread again, whatever the cache holds.
    #[arg(long)]
    pub refresh: bool,

    /// Use only the cache and --mbox; never the network.
    #[arg(long, conflicts_with = "refresh")]
    pub offline: bool,

    /// Log each request on standard error.
    #[arg(short, long)]
    pub verbose: bool,

    /// Say nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Message IDs, lore links, or files that hold them (`-`: standard input).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Write the mbox to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub source: SourceArgs,
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Message IDs, lore links, or files that hold them; `-` reads standard
    /// input, as does no INPUT when standard input is a pipe.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub post: PostArgs,
}

/// How the post is written: shared by `draft` and `week`.
#[derive(Debug, Clone, Args)]
pub struct PostArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "hugo")]
    pub format: Format,

    /// Write the draft to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The post's title (default: after the newest release announcement,
    /// else the date).
    #[arg(long)]
    pub title: Option<String>,

    /// The post's date: RFC 3339 or YYYY-MM-DD (default: now).
    #[arg(long, value_parser = parse_date)]
    pub date: Option<DateTime<FixedOffset>>,

    /// The most words a summary may have.
    #[arg(long, default_value_t = crate::parse::summary::DEFAULT_WORDS, value_name = "N")]
    pub summary_words: usize,

    /// The config file's title pattern.
    #[arg(skip)]
    pub title_pattern: Option<String>,
}

impl PostArgs {
    fn options(&self) -> Options {
        let mut options = Options::new(
            self.date
                .unwrap_or_else(|| chrono::Local::now().fixed_offset()),
        );
        options.summary_words = self.summary_words.max(1);
        options.title = self.title.clone();
        if let Some(pattern) = &self.title_pattern {
            options.title_pattern = pattern.clone();
        }
        options
    }
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration: use 90s, 30m, 6h or 2d"))?;
    let seconds = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86400,
        _ => {
            return Err(format!(
                "`{text}` is not a duration: use 90s, 30m, 6h or 2d"
            ));
        }
    };
    Ok(Duration::from_secs(n.saturating_mul(seconds)))
}

fn parse_date(text: &str) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Ok(date);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|d| FixedOffset::east_opt(0)?.from_local_datetime(&d).single())
        .ok_or_else(|| format!("`{text}` is not a date: use YYYY-MM-DD or RFC 3339"))
}

/// Parses the command line, applies the config file, and runs; the exit
/// status.
pub fn main() -> u8 {
    let matches = Cli::command().get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match config::Config::load(cli.config.as_deref()) {
        Ok(config) => config.apply(&mut cli, &matches),
        Err(e) => {
            say(&e);
            return EXIT_USAGE;
        }
    }
    run(cli)
}

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Draft(args) => run_draft(args),
        Command::Fetch(args) => run_fetch(args),
        Command::Week(args) => week::run_week(args),
        Command::Serve(args) => serve::run_serve(args),
    }
}

/// One line on standard error; a closed stderr (`2>&1 | head`) is ignored.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "lkml-digest: {message}");
}

/// The message IDs in the inputs, with lines that hold none reported; a
/// usage error when there are none at all.
fn read_ids(inputs: &[String], quiet: bool) -> Result<Vec<String>, u8> {
    let text = read_inputs(inputs).map_err(|message| {
        say(&message);
        EXIT_USAGE
    })?;
    let extracted = input::extract(&text);
    if !quiet {
        report_unrecognised(&extracted.unrecognised);
    }
    if extracted.ids.is_empty() {
        say("no message IDs in the input: paste IDs or lore links, one or more per line");
        return Err(EXIT_USAGE);
    }
    Ok(extracted.ids)
}

/// What `draft` and `fetch` start from: the IDs asked for, the mail read
/// for them (raw, for `fetch` to write back), its pool, and what failed.
struct Asked {
    ids: Vec<String>,
    raw: Vec<RawMessage>,
    pool: crate::parse::Pool,
    failed: Vec<Failure>,
}

fn read_asked(inputs: &[String], source: &SourceArgs) -> Result<Asked, u8> {
    one_list(source)?;
    let ids = read_ids(inputs, source.quiet)?;
    let (raw, failed) = read_sources(source, &ids);
    let pool = gather(source, &raw);
    Ok(Asked {
        ids,
        raw,
        pool,
        failed,
    })
}

fn run_draft(args: DraftArgs) -> u8 {
    let Asked {
        ids,
        raw,
        pool,
        failed,
    } = match read_asked(&args.inputs, &args.source) {
        Ok(asked) => asked,
        Err(status) => return status,
    };
    drop(raw);
    let post = draft::post(&pool, &ids, failed, &args.post.options());
    report_failures(&post.failed);
    write_post(&post, &args.post)
}

/// Renders and writes the post; its exit status.
fn write_post(post: &compose::Draft, args: &PostArgs) -> u8 {
    let rendered = match render::render(post, args.format) {
        Ok(text) => text,
        Err(e) => {
            say(&format!("could not render the draft: {e}"));
            return EXIT_PARTIAL;
        }
    };
    if let Err(e) = write_output(args.output.as_ref(), rendered.as_bytes()) {
        say(&e);
        return EXIT_USAGE;
    }
    if post.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    }
}

/// Parses what was read into a pool, warning once per source about mails
/// that cannot be used.
fn gather(source: &SourceArgs, raw: &[RawMessage]) -> crate::parse::Pool {
    let (pool, warnings) = draft::pool_from(raw, preferred_list(source));
    if !source.quiet {
        warnings.iter().for_each(|w| say(w));
    }
    pool
}

impl SourceArgs {
    /// The one list `draft` and `fetch` ask.
    fn list(&self) -> &str {
        self.lists.first().map_or("all", String::as_str)
    }
}

fn preferred_list(source: &SourceArgs) -> Option<&str> {
    (source.list() != "all").then_some(source.list())
}

/// `draft` and `fetch` ask one inbox for each thread.
fn one_list(source: &SourceArgs) -> Result<(), u8> {
    if source.lists.len() > 1 {
        say("--list is given more than once: draft and fetch ask one inbox (week takes several)");
        return Err(EXIT_USAGE);
    }
    Ok(())
}

/// The raw mail for `ids`: from --mbox when given, else from lore.
fn read_sources(source: &SourceArgs, ids: &[String]) -> (Vec<RawMessage>, Vec<Failure>) {
    read_sources_watched(source, ids, &|_| {})
}

/// [`read_sources`], telling `watch` how each ID's fetch goes.
fn read_sources_watched(
    source: &SourceArgs,
    ids: &[String],
    watch: &(dyn Fn(lore::Progress) + Sync),
) -> (Vec<RawMessage>, Vec<Failure>) {
    if source.mbox.is_empty() {
        fetch_from_lore_watched(source, ids, watch)
    } else {
        let (raw, errors) = fetch::read_mailboxes(&source.mbox);
        (raw, errors.into_iter().map(source_failure).collect())
    }
}

/// A mailbox or archive that could not be read, as the draft lists it.
fn source_failure(e: fetch::SourceError) -> Failure {
    Failure {
        input: e.source_name,
        error: e.reason,
    }
}

fn lore_options(source: &SourceArgs) -> LoreOptions {
    let cache_dir = source.cache_dir.clone().or_else(Cache::default_dir);
    let defaults = LoreOptions::default();
    let timeout = source.timeout.max(Duration::from_millis(100));
    LoreOptions {
        base: source.lore.trim_end_matches('/').to_string(),
        list: source.list().to_string(),
        jobs: source.jobs,
        timeout,
        connect_timeout: timeout.min(defaults.connect_timeout),
        retries: source.retries,
        max_compressed: source.max_thread_size.max(1) << 20,
        max_unpacked: (source.max_thread_size.max(1) << 20).saturating_mul(8),
        cache: cache_dir.map(|dir| Cache::new(dir, source.cache_ttl)),
        refresh: source.refresh,
        offline: source.offline,
        verbose: source.verbose && !source.quiet,
        ..defaults
    }
}

/// The runtime for network requests: two workers suffice for a few
/// requests at a time.
fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the network runtime: {e}"))
}

/// Fetches each ID's thread; an ID that fails is one failure, the rest go on.
fn fetch_from_lore_watched(
    source: &SourceArgs,
    ids: &[String],
    watch: &(dyn Fn(lore::Progress) + Sync),
) -> (Vec<RawMessage>, Vec<Failure>) {
    let started = runtime().and_then(|runtime| {
        let lore = Lore::new(lore_options(source)).map_err(|e| e.to_string())?;
        Ok((runtime, lore))
    });
    match started {
        Ok((runtime, lore)) => fetch_with(&runtime, &lore, source, ids, watch),
        Err(error) => {
            let failed = ids
                .iter()
                .map(|id| Failure {
                    input: id.clone(),
                    error: error.clone(),
                })
                .collect();
            (Vec::new(), failed)
        }
    }
}

/// [`fetch_from_lore_watched`] with a runtime and a server session that
/// may have been used already (`week` lists first), so that its pause and
/// its count of bot checks carry over.
fn fetch_with(
    runtime: &tokio::runtime::Runtime,
    lore: &Lore,
    source: &SourceArgs,
    ids: &[String],
    watch: &(dyn Fn(lore::Progress) + Sync),
) -> (Vec<RawMessage>, Vec<Failure>) {
    let bar = (!source.quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(ids.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("fetching {pos}/{len} {wide_bar}")
                .expect("valid progress template"),
        );
        bar
    });
    // Without a terminal (a log, a pipe), a quarter's progress is a line.
    let quarter = (!source.quiet && bar.is_none() && ids.len() >= PROGRESS_LINES_FROM)
        .then(|| ids.len().div_ceil(4));
    let progress = |event: lore::Progress| {
        watch(event);
        let lore::Progress::Finished { done, .. } = event else {
            return;
        };
        if let Some(bar) = &bar {
            bar.set_position(done as u64);
        } else if let Some(quarter) = quarter
            && done.is_multiple_of(quarter)
            && done < ids.len()
        {
            say(&format!("fetching {done}/{}", ids.len()));
        }
    };
    let results = runtime.block_on(lore.threads(ids, &progress));
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut raw = Vec::new();
    let mut failed = Vec::new();
    for (id, result) in ids.iter().zip(results) {
        match result {
            Ok(mails) => raw.extend(mails),
            Err(error) => failed.push(Failure {
                input: id.clone(),
                error: error.to_string(),
            }),
        }
    }
    if !source.quiet {
        let stats = lore.stats();
        let requests = stats.requests.load(std::sync::atomic::Ordering::Relaxed);
        let cached = stats.from_cache.load(std::sync::atomic::Ordering::Relaxed);
        say(&format!(
            "fetched {}/{} threads ({cached} from the cache, {requests} requests)",
            ids.len() - failed.len(),
            ids.len()
        ));
    }
    (raw, failed)
}

/// Each failure as one line on standard error; the IDs a bot wall kept
/// the run from asking share one line.
fn report_failures(failed: &[Failure]) {
    let stopped = fetch::FetchError::StoppedByWall.to_string();
    let (not_asked, others): (Vec<&Failure>, Vec<&Failure>) =
        failed.iter().partition(|f| f.error == stopped);
    for failure in others {
        say(&format!("{}: {}", failure.input, failure.error));
    }
    if let [first, rest @ ..] = not_asked.as_slice() {
        let ids = match rest.len() {
            0 => first.input.clone(),
            n => format!("{} and {n} more IDs", first.input),
        };
        say(&format!("{ids}: {stopped}"));
    }
}

fn run_fetch(args: FetchArgs) -> u8 {
    let Asked {
        ids,
        raw,
        pool,
        mut failed,
    } = match read_asked(&args.inputs, &args.source) {
        Ok(asked) => asked,
        Err(status) => return status,
    };
    // Each thread once, in the order asked, its messages oldest first.
    let mut written = std::collections::HashSet::new();
    let mut messages: Vec<&crate::parse::Message> = Vec::new();
    for id in &ids {
        match pool.thread_of(id) {
            Some(thread) => {
                for message in thread.messages {
                    if written.insert(message.id.clone()) {
                        messages.push(message);
                    }
                }
            }
            None if failed.iter().any(|f| &f.input == id) => {}
            None => failed.push(Failure {
                input: id.clone(),
                error: "not found in the mail that was read".into(),
            }),
        }
    }
    report_failures(&failed);
    // The very copy the pool kept (the --list one, where there are several).
    let raws: Vec<&[u8]> = messages
        .iter()
        .map(|m| &raw[m.raw_index].bytes[..])
        .collect();
    let mbox = crate::fetch::mbox::write_mboxrd(raws);
    if let Err(e) = write_output(args.output.as_ref(), &mbox) {
        say(&e);
        return EXIT_USAGE;
    }
    if failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_PARTIAL
    }
}

/// The text of all inputs: files are read, `-` (or nothing, from a pipe)
/// is standard input, anything else is taken as pasted text.
fn read_inputs(inputs: &[String]) -> Result<String, String> {
    let stdin = std::io::stdin();
    if inputs.is_empty() {
        if stdin.is_terminal() {
            return Err(
                "no input: give message IDs or links, a file of them, or pipe them in".into(),
            );
        }
        return read_stdin();
    }
    let mut text = String::new();
    for input in inputs {
        if input == "-" {
            text.push_str(&read_stdin()?);
        } else if std::path::Path::new(input).is_file() {
            let bytes = std::fs::read(input)
                .map_err(|e| format!("{input}: cannot read it: {}", fetch::local::io_reason(&e)))?;
            text.push_str(&String::from_utf8_lossy(&bytes));
        } else {
            text.push_str(input);
        }
        text.push('\n');
    }
    Ok(text)
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: cannot read it: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn report_unrecognised(lines: &[String]) {
    for line in lines.iter().take(UNRECOGNISED_SHOWN) {
        let shown: String = line.chars().take(120).collect();
        say(&format!(
            "no message ID in line, skipped: {}",
            shown.escape_debug()
        ));
    }
    if lines.len() > UNRECOGNISED_SHOWN {
        say(&format!(
            "{} more lines without a message ID were skipped",
            lines.len() - UNRECOGNISED_SHOWN
        ));
    }
}

fn write_output(path: Option<&PathBuf>, text: &[u8]) -> Result<(), String> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|e| {
            format!(
                "{}: cannot write it: {}",
                path.display(),
                fetch::local::io_reason(&e)
            )
        }),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text)
                .and_then(|()| out.flush())
                .or_else(|e| {
                    // A closed pipe (`| head`) is the reader's choice.
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .map_err(|e| format!("standard output: {e}"))
        }
    }
}
