//! Mail from a public-inbox v2 archive, as `git clone --mirror` of lore's
//! epochs leaves it: `DIR/git/N.git`, one commit per message, the mail in
//! the blob `m`. Commits carry the mail's Date as author date and the
//! time the archive received it as commit date, so `git log --since
//! --until` walks only the window's commits, and only their blobs are read.
//!
//! This uses the `git` command, which every such mirror came with.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::git::Failed;

use chrono::{DateTime, TimeDelta, Utc};

use super::{RawMessage, SourceError};

/// Commits received this long outside the window are read too: mail is
/// archived a little after it is sent, and clocks are wrong.
const SLACK: TimeDelta = TimeDelta::days(1);

/// The mails of `dir` received within the window (with a day's slack).
pub fn read_archive(
    dir: &Path,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<RawMessage>, SourceError> {
    let fail = |reason: String| SourceError {
        source_name: dir.display().to_string(),
        reason,
    };
    let mut messages = Vec::new();
    for epoch in epochs(dir).map_err(fail)? {
        let commits = git(
            &epoch,
            &[
                "log",
                "--format=%H",
                &format!("--since={}", (since - SLACK).timestamp()),
                &format!("--until={}", (until + SLACK).timestamp()),
            ],
        )
        .map_err(fail)?;
        let blobs: Vec<String> = commits.lines().map(|c| format!("{c}:m")).collect();
        let origin = epoch.display().to_string();
        for bytes in cat_blobs(&epoch, &blobs).map_err(fail)? {
            messages.push(RawMessage {
                bytes: bytes.into(),
                origin: origin.clone(),
            });
        }
    }
    Ok(messages)
}

/// The date and subject of each mail `author` (an address) sent before
/// `until` (with a day's slack), from commit authors and subjects alone:
/// how `last-rc` finds Linus' announcements without reading any mail.
pub fn sent_by(
    dir: &Path,
    author: &str,
    until: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, String)>, String> {
    let mut sent = Vec::new();
    for epoch in epochs(dir)? {
        let log = git(
            &epoch,
            &[
                "log",
                &format!("--author={author}"),
                "--format=%at %s",
                &format!("--until={}", (until + SLACK).timestamp()),
            ],
        )?;
        sent.extend(log.lines().filter_map(|line| {
            let (at, subject) = line.split_once(' ')?;
            let at = DateTime::from_timestamp(at.parse().ok()?, 0)?;
            Some((at, subject.to_string()))
        }));
    }
    Ok(sent)
}

/// `DIR/git/N.git` in epoch order; `DIR` itself when it is one epoch.
fn epochs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if dir.join("HEAD").is_file() && dir.join("objects").is_dir() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let git_dir = dir.join("git");
    let entries = std::fs::read_dir(&git_dir).map_err(|e| {
        format!(
            "not a public-inbox v2 archive (no {}: {}); give the directory that holds git/0.git",
            git_dir.display(),
            super::local::io_reason(&e)
        )
    })?;
    let mut epochs: Vec<(u64, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name.strip_suffix(".git")?.parse().ok()?;
            Some((n, e.path()))
        })
        .collect();
    if epochs.is_empty() {
        return Err(format!("{} holds no N.git epoch", git_dir.display()));
    }
    epochs.sort();
    Ok(epochs.into_iter().map(|(_, p)| p).collect())
}

fn git(repo: &Path, args: &[&str]) -> Result<String, String> {
    super::git::output(["--git-dir".as_ref(), repo.as_os_str()], args).map_err(
        |failed| match failed {
            Failed::Spawn(e) => format!("cannot run git ({e}); --archive needs git on PATH"),
            Failed::Said(why) => format!(
                "git {} failed in {}: {}",
                args[0],
                repo.display(),
                why.as_deref().unwrap_or("no reason given")
            ),
        },
    )
}

/// The contents of `specs` (`COMMIT:m`) through one `git cat-file --batch`;
/// a commit without `m` (a deletion) is skipped.
fn cat_blobs(repo: &Path, specs: &[String]) -> Result<Vec<Vec<u8>>, String> {
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("--git-dir")
        .arg(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git ({e}); --archive needs git on PATH"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = specs.join("\n") + "\n";
    // Write from a thread: git answers while it reads, and both pipes fill.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut blobs = Vec::with_capacity(specs.len());
    let mut header = String::new();
    for _ in specs {
        header.clear();
        if reader.read_line(&mut header).map_err(|e| e.to_string())? == 0 {
            break;
        }
        // "<sha> blob <size>", or "<spec> missing".
        let mut parts = header.split_whitespace();
        let (Some(_), Some("blob"), Some(size)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let size: usize = size
            .parse()
            .map_err(|_| format!("git cat-file said {header:?}"))?;
        let mut blob = vec![0; size + 1];
        reader
            .read_exact(&mut blob)
            .map_err(|e| format!("reading {}: {e}", repo.display()))?;
        blob.pop();
        blobs.push(blob);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}
