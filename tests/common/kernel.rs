//! A repository tagged like the kernel, and Linus' announcement of one of
//! its releases, for the tests of relstat and the release entry's charts.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn git(repo: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "Dev")
        .env("GIT_AUTHOR_EMAIL", "dev@example.org")
        .env("GIT_COMMITTER_NAME", "Dev")
        .env("GIT_COMMITTER_EMAIL", "dev@example.org")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

/// Writes `count` files' worth of change, some new, some edited, one renamed.
fn change(repo: &Path, step: usize, count: usize) {
    for i in 0..count {
        let path = repo.join(format!("dir{}/file{}.c", i % 10, (i * 7 + step) % 40));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let mut lines: Vec<String> = old.lines().map(str::to_string).collect();
        lines.retain(|l| !l.ends_with(&format!("#{}", step % 3)));
        for k in 0..(i % 5 + 1) {
            lines.push(format!("line {step} {k} #{}", k % 3));
        }
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    }
    let from = repo.join(format!("dir0/file{}.c", step % 40));
    if from.exists() {
        std::fs::rename(&from, repo.join(format!("dir0/renamed{step}.c"))).unwrap();
    }
}

/// The release tags of [`kernel_like_repo`] and their dates: v1.0 on
/// 2024-01-07, then for v1.1 to v1.3 a two-week merge window, rc1 to rc7
/// weekly, and the release a week after rc7: nine weeks apart.
pub fn release_calendar() -> Vec<(String, chrono::DateTime<chrono::Utc>)> {
    let start = chrono::DateTime::parse_from_rfc3339("2024-01-07T12:00:00Z")
        .unwrap()
        .to_utc();
    let mut tags = vec![("v1.0".to_string(), start)];
    for minor in 1..=3 {
        let opened = start + chrono::Duration::weeks(9 * (minor - 1));
        for rc in 1..=7 {
            let date = opened + chrono::Duration::weeks(1 + rc);
            tags.push((format!("v1.{minor}-rc{rc}"), date));
        }
        tags.push((format!("v1.{minor}"), opened + chrono::Duration::weeks(9)));
    }
    tags
}

/// A repository tagged as [`release_calendar`] says, with a few hundred
/// files; the merge window's change lands at -rc1. Its tags, oldest first.
pub fn kernel_like_repo(dir: &Path) -> Vec<String> {
    git(dir, &["init", "-q", "-b", "master"], "2024-01-01T00:00:00Z");
    let calendar = release_calendar();
    for (step, (tag, date)) in calendar.iter().enumerate() {
        let date = date.to_rfc3339();
        let size = if tag.ends_with("-rc1") { 150 } else { 10 };
        change(dir, step, size);
        git(dir, &["add", "-A"], &date);
        git(dir, &["commit", "-q", "-m", tag], &date);
        // Annotated and lightweight tags both occur in real trees.
        if step % 2 == 0 {
            git(dir, &["tag", "-a", tag, "-m", tag], &date);
        } else {
            git(dir, &["tag", tag], &date);
        }
    }
    calendar.into_iter().map(|(tag, _)| tag).collect()
}

/// Linus' announcement of `release` (`1.3-rc4`), dated as its tag.
pub fn announcement(dir: &Path, release: &str) -> PathBuf {
    let date = release_calendar()
        .into_iter()
        .find(|(tag, _)| tag == &format!("v{release}"))
        .map_or_else(
            || "Sun, 16 Jun 2024 20:00:00 +0000".to_string(),
            |(_, date)| date.to_rfc2822(),
        );
    let mail = format!(
        "From mboxrd@z Thu Jan  1 00:00:00 1970\n\
         From: Linus Torvalds <torvalds@linux-foundation.org>\n\
         Subject: Linux {release}\n\
         Date: {date}\n\
         Message-ID: <announce-{release}@example.org>\n\
         \n\
         Things look fairly normal this week.\n\
         \n\
         Go test,\n\
         \x20          Linus\n"
    );
    let path = dir.join(format!("announce-{release}.mbox"));
    std::fs::write(&path, mail).unwrap();
    path
}

/// A PNG's signature and its size from the IHDR chunk.
pub fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

/// A [`kernel_like_repo`] and an empty directory to work in.
pub fn kernel_and_work() -> (tempfile::TempDir, tempfile::TempDir) {
    let repo = tempfile::tempdir().unwrap();
    kernel_like_repo(repo.path());
    (repo, tempfile::tempdir().unwrap())
}

/// `serve` of `mbox` drawing the release charts of `repo` into
/// `work/charts`, its cache in `work/cache`.
pub fn serve_with_charts(repo: &Path, work: &Path, mbox: &Path) -> super::Server {
    super::serve(&[
        "--mbox",
        mbox.to_str().unwrap(),
        "--kernel-repo",
        repo.to_str().unwrap(),
        "--chart-dir",
        work.join("charts").to_str().unwrap(),
        "--cache-dir",
        work.join("cache").to_str().unwrap(),
    ])
}
