//! `lkml-digest relstat` on a repository generated here and tagged like
//! the kernel: releases some weeks apart, release candidates weekly, the
//! merge window's big change at -rc1.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn git(repo: &Path, args: &[&str], date: &str) {
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
        let path = repo.join(format!("dir{}/file{}.c", i % 7, (i * 3 + step) % 40));
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

/// The repository: v1.0, then v1.1-rc1..rc3 and v1.1, then v1.2-rc1..rc2
/// and v1.2, a week apart from 2024-01-07.
fn kernel_like_repo(dir: &Path) -> Vec<String> {
    git(dir, &["init", "-q", "-b", "master"], "2024-01-01T00:00:00Z");
    let tags = [
        "v1.0", "v1.1-rc1", "v1.1-rc2", "v1.1-rc3", "v1.1", "v1.2-rc1", "v1.2-rc2", "v1.2",
    ];
    for (step, tag) in tags.iter().enumerate() {
        let date = format!(
            "2024-{:02}-{:02}T12:00:00Z",
            1 + step * 7 / 28,
            1 + (step * 7) % 28
        );
        let size = if tag.ends_with("-rc1") { 60 } else { 8 };
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
    tags.iter().map(|t| t.to_string()).collect()
}

fn shortstat(repo: &Path, from: &str, to: &str) -> (u64, u64, u64) {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(["diff", "--shortstat", from, to])
        .output()
        .unwrap();
    let stat = lkml_digest::fetch::git::parse_shortstat(&String::from_utf8_lossy(&out.stdout));
    (stat.files, stat.insertions, stat.deletions)
}

/// `relstat` over the whole repository's window in `format`, succeeding:
/// what it printed.
fn relstat(repo: &Path, cache: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "relstat",
        "--repo",
        repo.to_str().unwrap(),
        "--since",
        "2023-12-01",
        "--until",
        "2025-01-01",
        "--format",
        format,
        "--cache-dir",
        cache.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = common::lkml_digest().args(&args).output().unwrap();
    common::assert_exit(&out, 0);
    String::from_utf8(out.stdout).unwrap()
}

fn relstat_json(repo: &Path, cache: &Path, extra: &[&str]) -> Vec<Value> {
    let json = relstat(repo, cache, "json", extra);
    serde_json::from_str::<Value>(&json)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_row_equals_git_diff_shortstat_against_the_release_before_it() {
    let repo = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let tags = kernel_like_repo(repo.path());
    let rows = relstat_json(repo.path(), cache.path(), &[]);
    // One row per release after the window's first.
    assert_eq!(rows.len(), tags.len() - 1);
    for (row, pair) in rows.iter().zip(tags.windows(2)) {
        assert_eq!(row["version"], pair[1].as_str());
        let (files, insertions, deletions) = shortstat(repo.path(), &pair[0], &pair[1]);
        assert_eq!(row["files"], files, "{row}");
        assert_eq!(row["insertions"], insertions, "{row}");
        assert_eq!(row["deletions"], deletions, "{row}");
        assert_eq!(row["diff"], insertions + deletions);
    }
}

#[test]
fn a_stage_keeps_its_rows_each_against_the_tag_before_it_in_the_repository() {
    let repo = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    kernel_like_repo(repo.path());
    let rows = relstat_json(repo.path(), cache.path(), &["--stage", "rc1"]);
    let versions: Vec<&str> = rows
        .iter()
        .map(|r| r["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["v1.1-rc1", "v1.2-rc1"]);
    let (files, _, _) = shortstat(repo.path(), "v1.1", "v1.2-rc1");
    assert_eq!(rows[1]["files"], files);
}

#[test]
fn a_second_run_counts_no_pair_again() {
    let repo = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    kernel_like_repo(repo.path());
    let request = lkml_digest::relstat::Request {
        repo: repo.path().to_path_buf(),
        since: chrono::DateTime::parse_from_rfc3339("2023-12-01T00:00:00Z")
            .unwrap()
            .to_utc(),
        until: chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
            .unwrap()
            .to_utc(),
        stage: lkml_digest::relstat::Stage::All,
        cache: Some(cache.path().to_path_buf()),
    };
    let (first, counted) = lkml_digest::relstat::run(&request).unwrap();
    assert_eq!(counted, first.len());
    let (second, counted) = lkml_digest::relstat::run(&request).unwrap();
    assert_eq!((second, counted), (first, 0));
}

#[test]
fn the_table_and_csv_have_their_headers_and_summaries() {
    let repo = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    kernel_like_repo(repo.path());
    let run = |format: &str| relstat(repo.path(), cache.path(), format, &[]);
    let table = run("table");
    assert!(table.starts_with("version(date)"), "{table}");
    for summary in ["avg", "min", "max", "total"] {
        assert!(table.lines().any(|l| l.starts_with(summary)), "{table}");
    }
    assert!(run("csv").starts_with("version,date,files,insertions,deletions,diff\n"));
}

#[test]
fn a_path_that_is_no_repository_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::lkml_digest()
        .args(["relstat", "--repo", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a git repository"), "{stderr}");
}

#[test]
fn a_window_without_releases_is_one_line() {
    let repo = tempfile::tempdir().unwrap();
    kernel_like_repo(repo.path());
    let out = common::lkml_digest()
        .args([
            "relstat",
            "--repo",
            repo.path().to_str().unwrap(),
            "--since",
            "2020-01-01",
            "--until",
            "2021-01-01",
        ])
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no release tags"));
}
