//! The command line: arguments, reading inputs, writing the draft, exit
//! status. Everything else is in the stages.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use clap::{Args, Parser, Subcommand};

use crate::compose::{self, Failure, Options};
use crate::render::{self, Format};
use crate::{draft, fetch, input};

/// Exit status: every input made an entry.
pub const EXIT_OK: u8 = 0;
/// Exit status: the draft was written, but some inputs failed.
pub const EXIT_PARTIAL: u8 = 1;
/// Exit status: the command line or its inputs could not be used at all.
pub const EXIT_USAGE: u8 = 2;

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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draft a news post from message IDs or links.
    Draft(DraftArgs),
}

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// Message IDs, lore links, or files that hold them; `-` reads standard
    /// input, as does no INPUT when standard input is a pipe.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Read threads from an mbox file, a directory of *.mbox files, or a
    /// Maildir, instead of the network. Repeatable.
    #[arg(long, value_name = "PATH")]
    pub mbox: Vec<PathBuf>,

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

    /// Prefer copies of a message from this list (a List-Id part such as
    /// `linux-mm`) when a mailbox holds several.
    #[arg(long, value_name = "NAME")]
    pub list: Option<String>,

    /// Say nothing on standard error but errors.
    #[arg(short, long)]
    pub quiet: bool,
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

/// Runs the command line and returns the exit status.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Draft(args) => run_draft(args),
    }
}

fn say(message: &str) {
    eprintln!("lkml-digest: {message}");
}

fn run_draft(args: DraftArgs) -> u8 {
    let text = match read_inputs(&args.inputs) {
        Ok(text) => text,
        Err(message) => {
            say(&message);
            return EXIT_USAGE;
        }
    };
    let extracted = input::extract(&text);
    if !args.quiet {
        report_unrecognised(&extracted.unrecognised);
    }
    if extracted.ids.is_empty() {
        say("no message IDs in the input: paste IDs or lore links, one or more per line");
        return EXIT_USAGE;
    }
    if args.mbox.is_empty() {
        say("no mail to read: pass --mbox PATH (an mbox, a directory of them, or a Maildir)");
        return EXIT_USAGE;
    }

    let mut failed: Vec<Failure> = Vec::new();
    let (raw, source_errors) = fetch::read_mailboxes(&args.mbox);
    failed.extend(source_errors.into_iter().map(|e| Failure {
        input: e.source_name,
        error: e.reason,
    }));
    let (pool, warnings) = draft::pool_from(raw, args.list.as_deref());
    if !args.quiet {
        warnings.iter().for_each(|w| say(w));
    }

    let mut options = Options::new(
        args.date
            .unwrap_or_else(|| chrono::Local::now().fixed_offset()),
    );
    options.summary_words = args.summary_words.max(1);
    options.title = args.title.clone();
    let (entries, missing) = draft::entries(&pool, &extracted.ids, &options);
    failed.extend(missing);
    for failure in &failed {
        say(&format!("{}: {}", failure.input, failure.error));
    }
    let post = compose::draft(entries, failed, &options);
    let rendered = match render::render(&post, args.format) {
        Ok(text) => text,
        Err(e) => {
            say(&format!("could not render the draft: {e}"));
            return EXIT_PARTIAL;
        }
    };
    if let Err(e) = write_output(args.output.as_ref(), &rendered) {
        say(&e);
        return EXIT_USAGE;
    }
    if post.failed.is_empty() {
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

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<(), String> {
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
            out.write_all(text.as_bytes())
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
