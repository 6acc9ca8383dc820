//! The command line: flags become library objects ([`flags`]), each
//! command runs its pipeline (`draft::run`, `week::run`, ...), and
//! [`exit_status`] alone turns how it ended into the exit status.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches};

use crate::compose::{Draft, Failure, Options};
use crate::fetch::Progress;
use crate::render;
use crate::week::WeekError;
use crate::{draft, fetch, week};

mod config;
pub mod flags;
mod serve;

pub use flags::{Cli, Command};
use flags::{DraftArgs, FetchArgs, PostArgs, SourceArgs, WeekArgs};

/// Exit status: everything asked for was written.
pub const EXIT_OK: u8 = 0;
/// Exit status: the output was written, but some inputs failed (each is
/// named on standard error, and in the draft).
pub const EXIT_PARTIAL: u8 = 1;
/// Exit status: nothing was written: the command line or its inputs could
/// not be used, or the output could not be rendered or written.
pub const EXIT_FAILED: u8 = 2;

/// Fewer threads than this are fetched without progress lines on a pipe.
const PROGRESS_LINES_FROM: usize = 8;

/// How a command ended.
#[derive(Debug)]
pub enum Outcome {
    /// Everything asked for was written.
    Done,
    /// The output was written, but these inputs failed.
    Partial,
    /// Nothing was written.
    Failed(CliError),
}

/// Why a command wrote nothing, in one line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line, the config file or the inputs cannot be used.
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Week(#[from] WeekError),
    #[error("could not render the draft: {0}")]
    Render(#[from] render::RenderError),
    /// The output file or standard output.
    #[error("{0}")]
    Write(String),
    /// The web server could not start or stopped.
    #[error("{0}")]
    Serve(String),
}

/// The one place that decides the exit status.
pub fn exit_status(outcome: &Outcome) -> u8 {
    match outcome {
        Outcome::Done => EXIT_OK,
        Outcome::Partial => EXIT_PARTIAL,
        Outcome::Failed(_) => EXIT_FAILED,
    }
}

/// Parses the command line, applies the config file, and runs; the exit
/// status.
pub fn main() -> u8 {
    let matches = command().get_matches();
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // The config file means nothing to what only prints the command's
    // own pages; said on the command line, it is a mistake.
    let printer = match &cli.command {
        Command::Completions { .. } => Some("completions"),
        Command::Man { .. } => Some("man"),
        _ => None,
    };
    let config_given =
        matches.value_source("config") == Some(clap::parser::ValueSource::CommandLine);
    if let Some(name) = printer
        && config_given
    {
        let error = CliError::Usage(format!(
            "--config means nothing to `{name}`, which reads no config file: leave it out"
        ));
        say(&error.to_string());
        return exit_status(&Outcome::Failed(error));
    }
    let outcome = match config::Config::load(config_path(&cli, &matches).as_deref()) {
        Ok(config) => {
            config.apply(&mut cli, &matches);
            run(cli)
        }
        Err(e) => Outcome::Failed(CliError::Usage(e)),
    };
    if let Outcome::Failed(error) = &outcome {
        say(&error.to_string());
    }
    exit_status(&outcome)
}

/// Runs one command.
pub fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Draft(args) => run_draft(args),
        Command::Fetch(args) => run_fetch(args),
        Command::Week(args) => run_week(args),
        Command::Serve(args) => serve::run_serve(args),
        Command::Relstat(args) => run_relstat(args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "lkml-digest", &mut out);
            finish(write_output(None, &out))
        }
        Command::Man { dir } => man_pages(dir.as_deref()),
    }
}

/// The command line as parsed, completed and documented: `--config` is
/// the command's and each subcommand's that reads a config file (not
/// `man`'s or `completions`'), and the command is built, so that it holds
/// the `help` subcommand its man page names.
fn command() -> clap::Command {
    let command = Cli::command();
    let config = command
        .get_arguments()
        .find(|arg| arg.get_id() == "config")
        .expect("--config is the command's")
        .clone();
    // Each is taken out and put back, so all are, to keep their order.
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    let mut command = names.into_iter().fold(command, |command, name| {
        let reads_config = name != "man" && name != "completions";
        command.mut_subcommand(name, |sub| match reads_config {
            true => sub.arg(config.clone()),
            false => sub,
        })
    });
    command.build();
    command
}

/// The `--config` given: after the subcommand, or before it (or in the
/// environment).
fn config_path(cli: &Cli, matches: &clap::ArgMatches) -> Option<PathBuf> {
    // `man` and `completions` have no --config to ask about.
    let after = matches.subcommand().and_then(|(_, sub)| {
        let path = sub.try_get_one::<PathBuf>("config").ok().flatten()?;
        let given = sub.value_source("config") == Some(clap::parser::ValueSource::CommandLine);
        given.then(|| path.clone())
    });
    after.or_else(|| cli.config.clone())
}

/// The command's man page and one per subcommand, as files in `dir`, or
/// printed one after another. Every page a page names is made.
fn man_pages(dir: Option<&std::path::Path>) -> Outcome {
    let command = command();
    let mut pages: Vec<(String, clap::Command)> = vec![("lkml-digest".into(), command.clone())];
    for sub in command.get_subcommands() {
        let name = format!("lkml-digest-{}", sub.get_name());
        // clap names a command by a 'static string.
        let named: &'static str = Box::leak(name.clone().into_boxed_str());
        pages.push((name, sub.clone().name(named)));
    }
    let mut printed = Vec::new();
    for (name, page) in pages {
        let mut out = Vec::new();
        if let Err(e) = clap_mangen::Man::new(page).render(&mut out) {
            return Outcome::Failed(CliError::Write(format!("the man page {name}: {e}")));
        }
        match dir {
            Some(dir) => {
                if let Err(e) = write_output(Some(&dir.join(format!("{name}.1"))), &out) {
                    return Outcome::Failed(e);
                }
            }
            None => printed.extend(out),
        }
    }
    match dir {
        Some(_) => Outcome::Done,
        None => finish(write_output(None, &printed)),
    }
}

/// Done, or nothing was written.
fn finish(written: Result<(), CliError>) -> Outcome {
    match written {
        Ok(()) => Outcome::Done,
        Err(e) => Outcome::Failed(e),
    }
}

/// One line on standard error; a closed stderr (`2>&1 | head`) is ignored.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "lkml-digest: {message}");
}

/// Lines for standard error, unless `-q`.
fn tell(source: &SourceArgs, lines: &[String]) {
    if !source.quiet {
        lines.iter().for_each(|line| say(line));
    }
}

/// Each failure as one line on standard error; the IDs a bot wall kept
/// the run from asking share one line.
fn report_failures(failed: &[Failure]) {
    let stopped = crate::fetch::lore::stopped().to_string();
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

/// The MAINTAINERS file the post options name, its unreadable lines
/// reported; one that cannot be read is a usage error.
fn maintainers(
    post: &PostArgs,
    source: &SourceArgs,
) -> Result<Option<std::sync::Arc<crate::maintainers::Maintainers>>, CliError> {
    let read = post.maintainers().map_err(CliError::Usage)?;
    Ok(read.map(|(maintainers, warnings)| {
        tell(source, &warnings);
        maintainers
    }))
}

/// The IDs of the inputs, the lines without one reported.
fn asked_ids(inputs: &[String], source: &SourceArgs) -> Result<Vec<String>, CliError> {
    source.one_list().map_err(CliError::Usage)?;
    let (ids, unrecognised) = flags::read_ids(inputs).map_err(CliError::Usage)?;
    tell(source, &flags::unrecognised_lines(&unrecognised));
    Ok(ids)
}

fn run_draft(args: DraftArgs) -> Outcome {
    let ids = match asked_ids(&args.inputs, &args.source) {
        Ok(ids) => ids,
        Err(e) => return Outcome::Failed(e),
    };
    let maintainers = match maintainers(&args.post, &args.source) {
        Ok(maintainers) => maintainers,
        Err(e) => return Outcome::Failed(e),
    };
    let mut options = match args.post.options(args.source.cache_dir.as_deref()) {
        Ok(options) => options,
        Err(e) => return Outcome::Failed(CliError::Usage(e)),
    };
    options.history = args.post.history();
    options.maintainers = maintainers;
    let source = args.source.source(&[]);
    let run = draft::run(
        &ids,
        &source,
        args.source.preferred_list(),
        &options,
        &progress(&args.source),
    );
    tell(&args.source, &run.notes);
    if args.source.verbose {
        tell(&args.source, &run.details);
    }
    report_failures(&run.draft.failed);
    if run.draft.entries.is_empty() && !run.draft.failed.is_empty() {
        return Outcome::Failed(CliError::Usage(format!(
            "draft: {}: no post written",
            none_could(run.draft.failed.len(), "input", "drafted")
        )));
    }
    write_post(&run.draft, &args.post, &options, &run.missing)
}

fn run_fetch(args: FetchArgs) -> Outcome {
    let ids = match asked_ids(&args.inputs, &args.source) {
        Ok(ids) => ids,
        Err(e) => return Outcome::Failed(e),
    };
    let source = args.source.source(&[]);
    let (mbox, failed, notes) = draft::threads_mbox(
        &ids,
        &source,
        args.source.preferred_list(),
        &progress(&args.source),
    );
    tell(&args.source, &notes);
    report_failures(&failed);
    if mbox.is_empty() && !failed.is_empty() {
        return Outcome::Failed(CliError::Usage(format!(
            "fetch: {}: nothing written",
            none_could(failed.len(), "thread", "fetched")
        )));
    }
    if let Err(e) = write_output(args.output.as_ref(), &mbox) {
        return Outcome::Failed(e);
    }
    if failed.is_empty() {
        Outcome::Done
    } else {
        Outcome::Partial
    }
}

fn run_week(args: WeekArgs) -> Outcome {
    let maintainers = match maintainers(&args.post, &args.source) {
        Ok(maintainers) => maintainers,
        Err(e) => return Outcome::Failed(e),
    };
    let request = match args.request(maintainers.as_ref()) {
        Ok(request) => request,
        Err(e) => return Outcome::Failed(CliError::Usage(e)),
    };
    let mut options = match args.post.options(args.source.cache_dir.as_deref()) {
        Ok(options) => options,
        Err(e) => return Outcome::Failed(CliError::Usage(e)),
    };
    options.history = args.post.history();
    options.maintainers = maintainers;
    let source = args.source.source(&args.archive);
    let run = match week::run(&source, &request, &options, &progress(&args.source)) {
        Ok(run) => run,
        Err(e) => {
            if let WeekError::NoMail(failed) = &e {
                report_failures(failed);
            }
            return Outcome::Failed(e.into());
        }
    };
    tell(&args.source, &run.notes);
    if args.source.verbose {
        tell(&args.source, &run.details);
    }
    if let Some(why) = run.no_thread {
        return Outcome::Failed(why.into());
    }
    if let Some(path) = &args.candidates {
        let link_base = &options.link_base;
        let list = crate::compose::rank::candidate_list(&run.draft.ranking, args.top, link_base);
        if let Err(e) = write_output(Some(path), list.as_bytes()) {
            return Outcome::Failed(e);
        }
    }
    report_failures(&run.draft.failed);
    write_post(&run.draft, &args.post, &options, &run.missing)
}

fn run_relstat(args: flags::RelstatArgs) -> Outcome {
    let request = match args.request() {
        Ok(request) => request,
        Err(e) => return Outcome::Failed(CliError::Usage(e)),
    };
    let rows = match crate::relstat::run(&request) {
        Ok((rows, _)) => rows,
        Err(e) => return Outcome::Failed(CliError::Usage(e.to_string())),
    };
    if let Some(path) = &args.chart
        && let Err(e) = crate::relstat::write_chart(&rows, path)
    {
        return Outcome::Failed(CliError::Write(e.to_string()));
    }
    let text = match args.format {
        flags::RelstatFormat::Table => crate::relstat::table(&rows),
        flags::RelstatFormat::Csv => crate::relstat::csv(&rows),
        flags::RelstatFormat::Json => {
            serde_json::to_string_pretty(&rows).expect("rows serialise") + "\n"
        }
    };
    finish(write_output(args.output.as_ref(), text.as_bytes()))
}

/// Renders and writes the post; `missing` is what was asked of it but is
/// not in it, each said on standard error.
fn write_post(post: &Draft, args: &PostArgs, options: &Options, missing: &[String]) -> Outcome {
    let rendered = match render::render(post, args.format.into()) {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(e.into()),
    };
    let written = match &options.post_target {
        Some(target) => write_into(
            &target.path(post.release.as_deref(), &options.date),
            args.force,
            rendered.as_bytes(),
        ),
        None => write_output(args.output.as_ref(), rendered.as_bytes()),
    };
    if let Err(e) = written {
        return Outcome::Failed(e);
    }
    missing.iter().for_each(|line| say(line));
    if post.failed.is_empty() && missing.is_empty() {
        Outcome::Done
    } else {
        Outcome::Partial
    }
}

/// Writes the post at `path`, refusing to overwrite one without `force`.
fn write_into(path: &std::path::Path, force: bool, text: &[u8]) -> Result<(), CliError> {
    let path = path.to_path_buf();
    if path.exists() && !force {
        return Err(CliError::Write(format!(
            "{}: a post is already there; --force overwrites it",
            path.display()
        )));
    }
    write_output(Some(&path), text)
}

/// How fetching shows its progress: a bar on a terminal; without one (a
/// log, a pipe), a line per quarter from [`PROGRESS_LINES_FROM`] IDs.
fn progress(source: &SourceArgs) -> impl Fn(Progress) + Sync + use<> {
    let quiet = source.quiet;
    let on_terminal = std::io::stderr().is_terminal();
    let bar: std::sync::OnceLock<indicatif::ProgressBar> = std::sync::OnceLock::new();
    let spinner: std::sync::OnceLock<indicatif::ProgressBar> = std::sync::OnceLock::new();
    move |event: Progress| {
        if quiet {
            return;
        }
        let (done, total) = match event {
            Progress::Finished { done, total, .. } => (done, total),
            // Reading mail has no known end: a count on a terminal; on a
            // pipe, the closing line says how many mails were read.
            Progress::Read { mails } => {
                if on_terminal {
                    let spinner = spinner.get_or_init(|| {
                        // Cleared when the run drops it, before its notes.
                        let spinner = indicatif::ProgressBar::new_spinner()
                            .with_finish(indicatif::ProgressFinish::AndClear);
                        spinner.set_style(
                            indicatif::ProgressStyle::with_template(
                                "{spinner} reading mail: {pos} mails",
                            )
                            .expect("valid progress template"),
                        );
                        spinner
                    });
                    spinner.set_position(mails as u64);
                    spinner.tick();
                }
                return;
            }
            Progress::Started(_) => return,
        };
        if on_terminal {
            let bar = bar.get_or_init(|| {
                let bar = indicatif::ProgressBar::new(total as u64);
                bar.set_style(
                    indicatif::ProgressStyle::with_template("fetching {pos}/{len} {wide_bar}")
                        .expect("valid progress template"),
                );
                bar
            });
            bar.set_position(done as u64);
            if done == total {
                bar.finish_and_clear();
            }
        } else if total >= PROGRESS_LINES_FROM
            && done.is_multiple_of(total.div_ceil(4))
            && done < total
        {
            say(&format!("fetching {done}/{total}"));
        }
    }
}

/// "the thread could not be fetched", "none of the 3 threads could be
/// fetched": all that was asked, failed.
fn none_could(count: usize, noun: &str, done: &str) -> String {
    match count {
        1 => format!("the {noun} could not be {done}"),
        n => format!("none of the {n} {noun}s could be {done}"),
    }
}

/// Writes `text` beside `path` and renames it there: a reader never sees
/// half a file, and a failure leaves none.
fn write_whole(path: &std::path::Path, text: &[u8]) -> std::io::Result<()> {
    // `/dev/stdout`, a pipe, a symlink: written where it points, as is.
    if std::fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
        return std::fs::write(path, text);
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    let written = std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn write_output(path: Option<&PathBuf>, text: &[u8]) -> Result<(), CliError> {
    match path {
        Some(path) => write_whole(path, text).map_err(|e| {
            CliError::Write(format!(
                "{}: cannot write it: {}",
                path.display(),
                fetch::local::io_reason(&e)
            ))
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
                .map_err(|e| CliError::Write(format!("standard output: {e}")))
        }
    }
}
