//! The command line's flags, and the library objects they stand for: a
//! [`Source`], compose [`Options`], a [`WeekRequest`], the IDs asked for.

use std::io::{IsTerminal, Read};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use clap::{Args, Parser, Subcommand};

use crate::compose::rank::Interest;
use crate::compose::{Options, PostTarget, ReleaseCharts, SummarizerCommand};
use crate::fetch::cache::Cache;
use crate::fetch::{self, LoreOptions, Source};
use crate::history::History;
use crate::input;
use crate::maintainers::Maintainers;
use crate::render::Format;
use crate::week::{Since, WeekRequest};

/// How many lines without an ID are listed before the rest are counted.
const UNRECOGNISED_SHOWN: usize = 20;

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
    /// it exists). Command-line options win over it. The subcommands that
    /// read it take it too (`cli::command`).
    #[arg(long, value_name = "FILE", env = "LKML_DIGEST_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft a news post from message IDs or links.
    #[command(after_long_help = DRAFT_EXAMPLES)]
    Draft(DraftArgs),
    /// Write whole threads as one mboxrd file, as `b4 mbox` does.
    #[command(after_long_help = FETCH_EXAMPLES)]
    Fetch(FetchArgs),
    /// Find and rank a week's noteworthy threads, and draft the best.
    #[command(after_long_help = WEEK_EXAMPLES)]
    Week(WeekArgs),
    /// A local web page to paste IDs, preview, reorder and edit the post.
    #[command(after_long_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Print shell completions: put bash's in
    /// ~/.local/share/bash-completion/completions/lkml-digest, zsh's as
    /// _lkml-digest in a directory of $fpath, fish's in
    /// ~/.config/fish/completions/lkml-digest.fish.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// How big each kernel release of a window was, as the editor's
    /// relstat.py counts it: each release tag against the one before it.
    Relstat(RelstatArgs),
    /// Print the man pages (roff), the command's and each subcommand's:
    /// `lkml-digest man --dir ~/.local/share/man/man1` writes one file per
    /// page; without --dir they are printed one after another (read them
    /// with `lkml-digest man | man -l -`).
    Man {
        /// Write lkml-digest.1 and lkml-digest-SUBCOMMAND.1 into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

const DRAFT_EXAMPLES: &str = "Examples:
  lkml-digest draft 20220901020327.77131-1-kai.tanaka@example.org
  lkml-digest draft --history ~/site/content/posts/en picks.txt -o post.md
  lkml-digest draft --mbox samples/threads --date 2022-09-05T08:00:00+02:00 samples/ids.txt";

const FETCH_EXAMPLES: &str = "Examples:
  lkml-digest fetch https://lore.kernel.org/linux-mm/<message-id>/ -o thread.mbox
  lkml-digest fetch --list linux-mm picks.txt > picks.mbox";

const WEEK_EXAMPLES: &str = "Examples:
  lkml-digest week --list linux-mm --list cgroups --history ~/site/content/posts/en
  lkml-digest week --since last-rc --interest mm --interest section:'CONTROL GROUP' -v
  lkml-digest week --mbox samples/threads --since 2022-08-28 --until 2022-09-06";

const SERVE_EXAMPLES: &str = "Examples:
  lkml-digest serve --history ~/site/content/posts/en
  lkml-digest serve --mbox samples/threads --offline";

/// Where threads come from and how to get them.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// Read threads from an mbox file, a directory of *.mbox files, or a
    /// Maildir, instead of the network. Repeatable.
    #[arg(long, value_name = "PATH", help_heading = "Input")]
    pub mbox: Vec<PathBuf>,

    /// The public-inbox server to fetch threads from.
    #[arg(long, value_name = "URL", default_value = fetch::lore::DEFAULT_LORE, env = "LKML_DIGEST_LORE", help_heading = "Lore and cache")]
    pub lore: String,

    /// The inbox to ask (`all` is lore's cross-list index). Copies of a
    /// message from this list are preferred. Only `week` takes more than
    /// one.
    #[arg(
        long = "list",
        value_name = "NAME",
        default_value = "all",
        help_heading = "Input"
    )]
    pub lists: Vec<String>,

    /// Threads fetched at once (at most 8 from lore.kernel.org).
    #[arg(
        short,
        long,
        default_value_t = 4,
        value_name = "N",
        help_heading = "Lore and cache"
    )]
    pub jobs: usize,

    /// The longest one request may take, connecting included, before it is
    /// retried: `90s`, `2m`.
    #[arg(long, default_value = "60s", value_parser = parse_duration, value_name = "AGE", help_heading = "Lore and cache")]
    pub timeout: Duration,

    /// How often a request that timed out, was cut off, or met 429 or 5xx
    /// is tried again.
    #[arg(
        long,
        default_value_t = 3,
        value_name = "N",
        help_heading = "Lore and cache"
    )]
    pub retries: u32,

    /// The largest thread accepted, in MiB compressed (8 times that
    /// unpacked).
    #[arg(
        long,
        default_value_t = 64,
        value_name = "MIB",
        help_heading = "Lore and cache"
    )]
    pub max_thread_size: u64,

    /// Where fetched threads are cached (default: the user cache directory).
    #[arg(
        long,
        value_name = "DIR",
        env = "LKML_DIGEST_CACHE_DIR",
        help_heading = "Lore and cache"
    )]
    pub cache_dir: Option<PathBuf>,

    /// How long a cached thread is fresh: `90s`, `30m`, `6h`, `2d`, `0`.
    #[arg(long, default_value = "6h", value_parser = parse_duration, value_name = "AGE", help_heading = "Lore and cache")]
    pub cache_ttl: Duration,

    /// Fetch every thread again, whatever the cache holds.
    #[arg(long, help_heading = "Lore and cache")]
    pub refresh: bool,

    /// Use only the cache and --mbox; never the network.
    #[arg(long, conflicts_with = "refresh", help_heading = "Lore and cache")]
    pub offline: bool,

    /// Log each request on standard error.
    #[arg(short, long, help_heading = "Output")]
    pub verbose: bool,

    /// Say nothing on standard error but errors.
    #[arg(short, long, help_heading = "Output")]
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
    #[arg(long, value_enum, default_value = "hugo", help_heading = "Output")]
    pub format: FormatArg,

    /// Write the draft to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Write the post into DIR (a Hugo site's content/posts/en/, say), named
    /// by the config's post_name: lkml_news_{release}, or lkml_news_{date}
    /// when there is no release.
    #[arg(
        long,
        value_name = "DIR",
        conflicts_with = "output",
        help_heading = "Output"
    )]
    pub post_dir: Option<PathBuf>,

    /// Overwrite a post that --post-dir finds already written.
    #[arg(long, help_heading = "Output")]
    pub force: bool,

    /// The editor's earlier posts: a Hugo content directory, read
    /// recursively (default: --post-dir). The posts dated before this one
    /// teach `week` what the editor covers and follows, leave out what was
    /// posted, and start a follow-up's summary from the editor's own.
    #[arg(long, value_name = "DIR", help_heading = "History and MAINTAINERS")]
    pub history: Option<PathBuf>,

    /// Read no earlier posts, whatever --post-dir or the config says.
    #[arg(
        long,
        conflicts_with = "history",
        help_heading = "History and MAINTAINERS"
    )]
    pub no_history: bool,

    /// The kernel's MAINTAINERS file (default: MAINTAINERS in
    /// --kernel-repo): each entry's sections, `--interest section:NAME`,
    /// and `--group` by it.
    #[arg(long, value_name = "FILE", help_heading = "History and MAINTAINERS")]
    pub maintainers: Option<PathBuf>,

    /// Entries under headings: `areas` (memory management, networking, …,
    /// as kernel news pages group them) or `sections` (the first
    /// MAINTAINERS section of each entry's files; needs MAINTAINERS).
    #[arg(
        long,
        value_enum,
        value_name = "HOW",
        help_heading = "History and MAINTAINERS"
    )]
    pub group: Option<GroupArg>,

    /// The config file's post name pattern.
    #[arg(skip)]
    pub post_name: Option<String>,

    /// The post's title (default: after the newest release announcement,
    /// else the date).
    #[arg(long, help_heading = "Output")]
    pub title: Option<String>,

    /// The post's date: RFC 3339 or YYYY-MM-DD (default: now).
    #[arg(long, value_parser = parse_date, help_heading = "Output")]
    pub date: Option<DateTime<FixedOffset>>,

    /// The most words a summary may have.
    #[arg(long, default_value_t = crate::parse::summary::DEFAULT_WORDS, value_name = "N", help_heading = "Summaries")]
    pub summary_words: usize,

    /// Summarize each entry with CMD instead (run by `sh -c`): it reads the
    /// entry as JSON on standard input and prints the summary. A failure
    /// keeps the built-in summary.
    #[arg(long, value_name = "CMD", help_heading = "Summaries")]
    pub summarizer: Option<String>,

    /// The longest one --summarizer run may take.
    #[arg(long, default_value = "60s", value_parser = parse_duration, value_name = "AGE", help_heading = "Summaries")]
    pub summarizer_timeout: Duration,

    /// How many --summarizer runs go at once.
    #[arg(
        long,
        default_value_t = 2,
        value_name = "N",
        help_heading = "Summaries"
    )]
    pub summarizer_jobs: usize,

    /// The config file's title pattern.
    #[arg(skip)]
    pub title_pattern: Option<String>,

    /// A kernel clone with its release tags: the release entry gets the
    /// diffstat charts of the last two years' releases (needs --chart-dir).
    #[arg(long, value_name = "PATH", help_heading = "Release charts")]
    pub kernel_repo: Option<PathBuf>,

    /// Where the charts are written: a Hugo site's
    /// static/img/kernel_release_stat/, say.
    #[arg(long, value_name = "DIR", help_heading = "Release charts")]
    pub chart_dir: Option<PathBuf>,

    /// The prefix the post links the charts under.
    #[arg(long, value_name = "URL", default_value = crate::compose::DEFAULT_CHART_URL, help_heading = "Release charts")]
    pub chart_url: String,
}

impl PostArgs {
    /// The compose options; `cache_dir` (--cache-dir) also keeps the
    /// release charts' counts. An error names the flag at fault.
    pub fn options(&self, cache_dir: Option<&Path>) -> Result<Options, String> {
        let mut options = Options::new(
            self.date
                .unwrap_or_else(|| chrono::Local::now().fixed_offset()),
        );
        options.summary_words = self.summary_words.max(1);
        options.title = self.title.clone();
        if let Some(pattern) = &self.title_pattern {
            options.title_pattern = pattern.clone();
        }
        options.summarizer = self.summarizer.as_ref().map(|command| SummarizerCommand {
            command: command.clone(),
            jobs: self.summarizer_jobs.max(1),
            timeout: self.summarizer_timeout.max(Duration::from_millis(100)),
        });
        options.group = self.group.map(Into::into);
        options.post_target = self.post_dir.clone().map(|dir| PostTarget {
            dir,
            name: self.post_name.clone(),
        });
        if let Some(repo) = &self.kernel_repo {
            let dir = self.chart_dir.clone().ok_or(
                "--kernel-repo needs --chart-dir DIR (or chart_dir in the config file): \
                 where the release charts are written",
            )?;
            options.release_charts = Some(ReleaseCharts {
                repo: repo.clone(),
                dir,
                url: self.chart_url.clone(),
                cache: relstat_cache(cache_dir),
            });
        }
        Ok(options)
    }
}

/// A MAINTAINERS file read, with the warnings of its unreadable lines.
pub type ReadMaintainers = (Arc<Maintainers>, Vec<String>);

impl PostArgs {
    /// The MAINTAINERS file, read once: `--maintainers`, else the one in
    /// `--kernel-repo` if it has one; with the warnings of lines that
    /// could not be read. A file that cannot be read at all is an error.
    pub fn maintainers(&self) -> Result<Option<ReadMaintainers>, String> {
        let path = match (&self.maintainers, &self.kernel_repo) {
            (Some(path), _) => path.clone(),
            (None, Some(repo)) if repo.join("MAINTAINERS").is_file() => repo.join("MAINTAINERS"),
            _ => {
                if self.group == Some(GroupArg::Sections) {
                    return Err("--group sections needs --maintainers FILE (or --kernel-repo with a MAINTAINERS)".into());
                }
                return Ok(None);
            }
        };
        let (maintainers, warnings) =
            Maintainers::read(&path).map_err(|e| format!("--maintainers {e}"))?;
        Ok(Some((Arc::new(maintainers), warnings)))
    }

    /// The earlier posts, read once: `--history`, else `--post-dir`; none
    /// with `--no-history`. A post that cannot be read is a warning in
    /// the history, said by the pipeline.
    pub fn history(&self) -> Option<Arc<History>> {
        if self.no_history {
            return None;
        }
        let dir = self.history.as_ref().or(self.post_dir.as_ref())?;
        Some(Arc::new(History::read(dir)))
    }
}

/// Where relstat keeps each pair of releases' counts: `relstat/` in the
/// cache directory.
fn relstat_cache(cache_dir: Option<&Path>) -> Option<PathBuf> {
    match cache_dir {
        Some(dir) => Some(dir.join("relstat")),
        None => crate::fetch::cache::user_cache_dir("relstat"),
    }
}

pub fn parse_duration(text: &str) -> Result<Duration, String> {
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

pub fn parse_date(text: &str) -> Result<DateTime<FixedOffset>, String> {
    if let Ok(date) = DateTime::parse_from_rfc3339(text) {
        return Ok(date);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|d| FixedOffset::east_opt(0)?.from_local_datetime(&d).single())
        .ok_or_else(|| format!("`{text}` is not a date: use YYYY-MM-DD or RFC 3339"))
}

#[derive(Debug, Clone, Args)]
pub struct WeekArgs {
    /// The window's start: YYYY-MM-DD, RFC 3339, or `last-rc` (the newest
    /// Linux release announcement before --until). Default: 7 days before
    /// --until.
    #[arg(long, value_name = "DATE", help_heading = "Ranking")]
    pub since: Option<String>,

    /// The window's end, not included (default: now).
    #[arg(long, value_parser = parse_date, value_name = "DATE", help_heading = "Ranking")]
    pub until: Option<DateTime<FixedOffset>>,

    /// How many threads the draft reports, release announcements aside.
    #[arg(long, default_value_t = 12, value_name = "N", help_heading = "Ranking")]
    pub top: usize,

    /// What readers care for, ranked higher: a subject prefix (`mm/damon:`,
    /// `memcg`), a list (`list:linux-mm`), or a path glob (`mm/**`).
    /// Repeatable.
    #[arg(long, value_name = "PATTERN", help_heading = "Ranking")]
    pub interest: Vec<String>,

    /// Read the week from a public-inbox v2 archive (`git clone --mirror` of
    /// lore's epochs: DIR/git/0.git...), only the commits inside the window.
    /// Repeatable; goes with --mbox.
    #[arg(long, value_name = "DIR", help_heading = "Input")]
    pub archive: Vec<PathBuf>,

    /// Also write every candidate, best first, as `draft` input: the
    /// draft's threads above a cut line, the rest commented out below it.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub candidates: Option<PathBuf>,

    /// From lore, list the window and fetch the best threads one by one,
    /// instead of asking for the window's mail in one search.
    #[arg(long, help_heading = "Lore and cache")]
    pub no_bulk: bool,

    /// From lore, read at most this many MiB of the window's mail
    /// (unpacked); past it the week is cut, with a note saying how to
    /// narrow it.
    #[arg(
        long,
        default_value_t = crate::week::MAX_WEEK_MIB,
        value_name = "MIB",
        help_heading = "Lore and cache"
    )]
    pub max_week_size: u64,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub post: PostArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but loopback lets others on the
    /// network use your lore cache and bandwidth.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub bind: SocketAddr,

    /// The week form's interests when it names none (as `week --interest`).
    #[arg(long, value_name = "PATTERN", help_heading = "Ranking")]
    pub interest: Vec<String>,

    /// The week form's number of threads when it names none.
    #[arg(long, default_value_t = 12, value_name = "N", help_heading = "Ranking")]
    pub top: usize,

    /// Builds that run at once (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub max_builds: Option<usize>,

    /// Builds that may wait for a turn; past that, the page is told to
    /// retry (default: twice --max-builds).
    #[arg(long, value_name = "N")]
    pub build_queue: Option<usize>,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub post: PostArgs,
}

#[derive(Debug, Args)]
pub struct RelstatArgs {
    /// The kernel repository: a clone with its release tags.
    #[arg(long, value_name = "PATH")]
    pub repo: PathBuf,

    /// The window's start: YYYY-MM-DD or RFC 3339 (default: --months
    /// before --until).
    #[arg(long, value_parser = parse_date, value_name = "DATE", conflicts_with = "months")]
    pub since: Option<DateTime<FixedOffset>>,

    /// The window's length in months, ending at --until.
    #[arg(long, default_value_t = 24, value_name = "N")]
    pub months: u32,

    /// The window's end, not included (default: now).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<DateTime<FixedOffset>>,

    /// Only one stage of each release: `rc4`, or `final`.
    #[arg(long, value_parser = crate::relstat::Stage::parse, value_name = "STAGE")]
    pub stage: Option<crate::relstat::Stage>,

    /// `table` (relstat.py's), `json` or `csv`.
    #[arg(long, value_enum, default_value = "table")]
    pub format: RelstatFormat,

    /// Where each pair of releases' numbers is kept (default: the user
    /// cache directory), so that a weekly run counts only the new pair.
    #[arg(long, value_name = "DIR", env = "LKML_DIGEST_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also draw the rows as the editor's chart, in FILE.svg or FILE.png:
    /// files, deletions, insertions and diff on a logarithmic axis.
    #[arg(long, value_name = "FILE")]
    pub chart: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RelstatFormat {
    Table,
    Json,
    Csv,
}

impl RelstatArgs {
    /// What `relstat` is asked; an error names the flag at fault.
    pub fn request(&self) -> Result<crate::relstat::Request, String> {
        let until = self.until.map_or_else(Utc::now, |d| d.to_utc());
        let since = match self.since {
            Some(since) => since.to_utc(),
            None => until
                .checked_sub_months(chrono::Months::new(self.months))
                .ok_or_else(|| format!("--months {}: too many", self.months))?,
        };
        let cache = relstat_cache(self.cache_dir.as_deref());
        Ok(crate::relstat::Request {
            repo: self.repo.clone(),
            since,
            until,
            stage: self.stage.unwrap_or(crate::relstat::Stage::All),
            cache,
        })
    }
}

/// `--group`: clap's and the config file's names for the groupings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupArg {
    Areas,
    Sections,
}

impl From<GroupArg> for crate::compose::areas::Grouping {
    fn from(group: GroupArg) -> Self {
        match group {
            GroupArg::Areas => crate::compose::areas::Grouping::Areas,
            GroupArg::Sections => crate::compose::areas::Grouping::Sections,
        }
    }
}

/// `--format`: clap's and the config file's names for render's formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FormatArg {
    /// The Hugo post of the seed: front matter, then the entries.
    Hugo,
    /// The same entries without front matter.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The draft as data (the contract other tools build on).
    Json,
    /// Plain text, fit to paste into a mail.
    Text,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Hugo => Format::Hugo,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
            FormatArg::Text => Format::Text,
        }
    }
}

impl SourceArgs {
    /// The one list `draft` and `fetch` ask.
    pub fn list(&self) -> &str {
        self.lists.first().map_or("all", String::as_str)
    }

    /// The list whose copies of a cross-posted mail are kept.
    pub fn preferred_list(&self) -> Option<&str> {
        fetch::preferred_list(&self.lists)
    }

    /// `draft` and `fetch` ask one inbox for each thread.
    pub fn one_list(&self) -> Result<(), String> {
        if self.lists.len() > 1 {
            return Err(
                "--list is given more than once: draft and fetch ask one inbox (week takes several)"
                    .into(),
            );
        }
        Ok(())
    }

    /// Where mail comes from: the mailboxes and `archives` when any is
    /// given, else lore.
    pub fn source(&self, archives: &[PathBuf]) -> Source {
        if self.mbox.is_empty() && archives.is_empty() {
            Source::Lore(self.lore_options())
        } else {
            Source::Local {
                mailboxes: self.mbox.clone(),
                archives: archives.to_vec(),
            }
        }
    }

    pub fn lore_options(&self) -> LoreOptions {
        let cache_dir = self.cache_dir.clone().or_else(Cache::default_dir);
        let defaults = LoreOptions::default();
        let timeout = self.timeout.max(Duration::from_millis(100));
        LoreOptions {
            base: self.lore.trim_end_matches('/').to_string(),
            list: self.list().to_string(),
            jobs: self.jobs,
            timeout,
            connect_timeout: timeout.min(defaults.connect_timeout),
            retries: self.retries,
            max_compressed: self.max_thread_size.max(1) << 20,
            max_unpacked: (self.max_thread_size.max(1) << 20).saturating_mul(8),
            cache: cache_dir.map(|dir| Cache::new(dir, self.cache_ttl)),
            refresh: self.refresh,
            offline: self.offline,
            verbose: self.verbose && !self.quiet,
            ..defaults
        }
    }
}

impl WeekArgs {
    /// What the week is asked for, `section:` interests read in
    /// `maintainers`; an error names the flag at fault.
    pub fn request(&self, maintainers: Option<&Arc<Maintainers>>) -> Result<WeekRequest, String> {
        let interests = self
            .interest
            .iter()
            .map(|i| match (i.trim().strip_prefix("section:"), maintainers) {
                (Some(name), Some(maintainers)) => Interest::section(name, maintainers),
                (Some(_), None) => Err(format!(
                    "--interest {i:?} needs --maintainers FILE (or --kernel-repo with a MAINTAINERS)"
                )),
                (None, _) => Interest::parse(i),
            })
            .collect::<Result<Vec<Interest>, String>>()?;
        let since = match self.since.as_deref() {
            None => Since::WeekBefore,
            Some("last-rc") => Since::LastRelease,
            Some(text) => Since::At(
                parse_date(text)
                    .map_err(|e| format!("--since: {e}"))?
                    .to_utc(),
            ),
        };
        Ok(WeekRequest {
            since,
            until: self.until.map_or_else(Utc::now, |d| d.to_utc()),
            top: self.top,
            interests,
            lists: self.source.lists.clone(),
            bulk: !self.no_bulk,
            max_week_bytes: self.max_week_size.max(1).saturating_mul(1 << 20),
        })
    }
}

/// The message IDs in the inputs, with the lines that hold none (to
/// report); an error when there are none at all.
pub fn read_ids(inputs: &[String]) -> Result<(Vec<String>, Vec<String>), String> {
    let text = read_inputs(inputs)?;
    let extracted = input::extract(&text);
    if extracted.ids.is_empty() {
        return Err(
            "no message IDs in the input: paste IDs or lore links, one or more per line".into(),
        );
    }
    Ok((extracted.ids, extracted.unrecognised))
}

/// One line per pasted line that held no ID (the first few, then a count).
pub fn unrecognised_lines(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = lines
        .iter()
        .take(UNRECOGNISED_SHOWN)
        .map(|line| {
            let shown: String = line.chars().take(120).collect();
            format!("no message ID in line, skipped: {}", shown.escape_debug())
        })
        .collect();
    if lines.len() > UNRECOGNISED_SHOWN {
        out.push(format!(
            "{} more lines without a message ID were skipped",
            lines.len() - UNRECOGNISED_SHOWN
        ));
    }
    out
}

/// The text of all inputs: files are read, `-` (or nothing, from a pipe)
/// is standard input, anything else is taken as pasted text.
pub fn read_inputs(inputs: &[String]) -> Result<String, String> {
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
        } else if std::path::Path::new(input).exists() && !std::path::Path::new(input).is_dir() {
            let bytes = std::fs::read(input)
                .map_err(|e| format!("{input}: cannot read it: {}", fetch::local::io_reason(&e)))?;
            text.push_str(&String::from_utf8_lossy(&bytes));
        } else if std::path::Path::new(input).is_dir() {
            return Err(format!(
                "{input}: is a directory: give a file of message IDs, or the IDs or links"
            ));
        } else if looks_like_a_file(input) {
            return Err(format!(
                "{input}: no such file: give a file of message IDs, or the IDs or links"
            ));
        } else {
            text.push_str(input);
        }
        text.push('\n');
    }
    Ok(text)
}

/// "picks.txtt", "~/ids/week.txt": one word that names a file and holds
/// no message ID or link.
fn looks_like_a_file(input: &str) -> bool {
    !input.contains(char::is_whitespace)
        && !input.contains('@')
        && !input.contains("://")
        && input::extract(input).ids.is_empty()
        && (input.contains('/')
            || input.rsplit_once('.').is_some_and(|(_, ext)| {
                !ext.is_empty() && ext.len() <= 5 && ext.bytes().all(|b| b.is_ascii_alphabetic())
            }))
}

fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: cannot read it: {e}"))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
