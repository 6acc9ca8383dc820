//! `lkml-digest relstat` on a repository generated here and tagged like
//! the kernel: releases some weeks apart, release candidates weekly, the
//! merge window's big change at -rc1.

mod common;

use common::kernel::{
    announcement, git, kernel_and_work, kernel_like_repo, png_size, serve_with_charts,
};

use std::path::Path;
use std::process::Command;

use serde_json::Value;

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
    assert_eq!(versions, ["v1.1-rc1", "v1.2-rc1", "v1.3-rc1"]);
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

/// A chart of the whole repository's window, written to `name` in `dir`.
fn chart(repo: &Path, dir: &Path, name: &str) -> std::process::Output {
    common::lkml_digest()
        .args([
            "relstat",
            "--repo",
            repo.to_str().unwrap(),
            "--since",
            "2023-12-01",
            "--until",
            "2025-01-01",
            "--cache-dir",
            dir.join("cache").to_str().unwrap(),
            "--format",
            "csv",
            "--chart",
            dir.join(name).to_str().unwrap(),
        ])
        .output()
        .unwrap()
}

#[test]
fn the_svg_chart_parses_and_draws_four_labelled_series_over_every_release() {
    let repo = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tags = kernel_like_repo(repo.path());
    common::assert_exit(&chart(repo.path(), dir.path(), "stat.svg"), 0);
    let svg = std::fs::read_to_string(dir.path().join("stat.svg")).unwrap();
    let document = roxmltree::Document::parse(&svg).unwrap();
    // Axes and ticks are polylines too; a measure's line has a point per
    // release, in a colour of its own.
    let lines: std::collections::HashSet<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("polyline"))
        .filter(|n| {
            let points = n.attribute("points").unwrap_or("");
            points.split_whitespace().count() == tags.len() - 1
        })
        .filter_map(|n| n.attribute("stroke"))
        .collect();
    assert_eq!(lines.len(), 4, "one line per measure: {lines:?}");
    let texts: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    for legend in ["files", "deletions", "insertions", "diff"] {
        assert!(texts.contains(&legend), "no legend {legend}: {texts:?}");
    }
    // Every release after the window's first is labelled with its date.
    for tag in &tags[1..] {
        assert!(
            texts.iter().any(|t| t.starts_with(&format!("{tag}(2024-"))),
            "no label for {tag}"
        );
    }
}

#[test]
fn the_png_chart_is_a_png_of_the_seed_posts_size() {
    let (repo, dir) = kernel_and_work();
    common::assert_exit(&chart(repo.path(), dir.path(), "stat.png"), 0);
    let png = std::fs::read(dir.path().join("stat.png")).unwrap();
    assert_eq!(png_size(&png), (1600, 1000));
}

#[test]
fn a_chart_named_other_than_svg_or_png_is_one_line() {
    let (repo, dir) = kernel_and_work();
    let out = chart(repo.path(), dir.path(), "stat.jpg");
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("stat.jpg") && stderr.contains(".svg or .png"));
}

/// `draft` of the announcement of `release` with the repository's charts;
/// `extra` goes last.
fn draft_with_charts(
    repo: &Path,
    work: &Path,
    release: &str,
    extra: &[&str],
) -> std::process::Output {
    let mbox = announcement(work, release);
    common::lkml_digest()
        .args([
            "draft",
            "--date",
            "2024-06-17",
            "--mbox",
            mbox.to_str().unwrap(),
            "--kernel-repo",
            repo.to_str().unwrap(),
            "--chart-dir",
            work.join("static/img/kernel_release_stat")
                .to_str()
                .unwrap(),
            "--cache-dir",
            work.join("cache").to_str().unwrap(),
        ])
        .args(extra)
        .arg(format!("announce-{release}@example.org"))
        .output()
        .unwrap()
}

#[test]
fn the_release_entry_ends_with_both_charts_as_the_editor_names_and_links_them() {
    let (repo, work) = kernel_and_work();
    let out = draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]);
    common::assert_exit(&out, 0);
    let post = String::from_utf8(out.stdout).unwrap();
    // The window is the two years before the release: newer tags
    // (v1.3-rc5 on) are left out, and the first row is v1.1-rc1.
    let expected = "\n\nBelow is the diffstat of the releases in the last two years.\n\n\
        ![Kernel release stat](/img/kernel_release_stat/v1.1-rc1..v1.3-rc4.png)\n\n\
        Note that the y-axis is in logarithm.\n\n\
        And, below is the diffstat of the -rc4 releases in the last two years.\n\n\
        ![rc4 release stat](/img/kernel_release_stat/v1.3-rc4-only.png)\n";
    assert!(post.ends_with(expected), "{post}");
    let charts = work.path().join("static/img/kernel_release_stat");
    for name in ["v1.1-rc1..v1.3-rc4.png", "v1.3-rc4-only.png"] {
        let png = std::fs::read(charts.join(name)).unwrap();
        assert_eq!(png_size(&png), (1600, 1000), "{name}");
    }
}

#[test]
fn a_second_draft_counts_no_pair_of_releases_again() {
    let (repo, work) = kernel_and_work();
    let counted = |out: std::process::Output| {
        common::assert_exit(&out, 0);
        let stderr = String::from_utf8(out.stderr).unwrap();
        stderr
            .lines()
            .find(|l| l.contains("release charts:"))
            .unwrap_or_else(|| panic!("{stderr}"))
            .to_string()
    };
    let first = counted(draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]));
    assert!(
        first.contains("20 releases, 20 counted, 0 from the cache"),
        "{first}"
    );
    let second = counted(draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]));
    assert!(
        second.contains("20 releases, 0 counted, 20 from the cache"),
        "{second}"
    );
}

#[test]
fn the_json_entry_carries_each_charts_sentence_link_and_file() {
    let (repo, work) = kernel_and_work();
    let out = draft_with_charts(
        repo.path(),
        work.path(),
        "1.3",
        &[
            "--format",
            "json",
            "--chart-url",
            "https://example.org/stat",
        ],
    );
    let draft = common::json_stdout(&out);
    let charts = draft["entries"][0]["charts"].as_array().unwrap();
    assert_eq!(charts.len(), 2);
    assert_eq!(
        charts[0]["url"],
        "https://example.org/stat/v1.1-rc1..v1.3.png"
    );
    assert_eq!(charts[1]["url"], "https://example.org/stat/v1.3-only.png");
    assert!(
        charts[1]["sentence"]
            .as_str()
            .unwrap()
            .contains("the final releases")
    );
    assert!(std::path::Path::new(charts[1]["file"].as_str().unwrap()).is_file());
}

/// What `draft` says when the charts cannot be drawn: exit 1, one line on
/// standard error, and the post without charts.
fn assert_drafted_without_charts(out: &std::process::Output, reason: &str) {
    common::assert_exit(out, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("release charts not drawn"), "{stderr}");
    assert!(lines[0].contains(reason), "{stderr}");
    let post = String::from_utf8_lossy(&out.stdout);
    assert!(post.contains("Linux 1.3-rc4"), "{post}");
    assert!(!post.contains("diffstat"), "{post}");
}

#[test]
fn a_kernel_repo_that_is_no_repository_leaves_the_charts_out_in_one_line() {
    let not_repo = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let out = draft_with_charts(not_repo.path(), work.path(), "1.3-rc4", &[]);
    assert_drafted_without_charts(&out, "not a git repository");
}

#[test]
fn a_release_without_its_tag_leaves_the_charts_out_in_one_line() {
    let (repo, work) = kernel_and_work();
    git(
        repo.path(),
        &["tag", "-d", "v1.3-rc4"],
        "2024-07-01T00:00:00Z",
    );
    let out = draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]);
    assert_drafted_without_charts(&out, "v1.3-rc4: no such release tag");
}

#[test]
fn a_window_without_releases_before_the_release_leaves_the_charts_out_in_one_line() {
    let repo = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    git(
        repo.path(),
        &["init", "-q", "-b", "master"],
        "2024-01-01T00:00:00Z",
    );
    git(
        repo.path(),
        &["commit", "-q", "--allow-empty", "-m", "first"],
        "2024-06-16T12:00:00Z",
    );
    git(repo.path(), &["tag", "v1.3-rc4"], "2024-06-16T12:00:00Z");
    let out = draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]);
    assert_drafted_without_charts(&out, "no release tags");
}

#[test]
fn a_chart_directory_that_cannot_be_written_leaves_the_charts_out_in_one_line() {
    let (repo, work) = kernel_and_work();
    // A file where the directory should be.
    std::fs::create_dir_all(work.path().join("static/img")).unwrap();
    std::fs::write(work.path().join("static/img/kernel_release_stat"), "").unwrap();
    let out = draft_with_charts(repo.path(), work.path(), "1.3-rc4", &[]);
    assert_drafted_without_charts(&out, "chart directory");
}

#[test]
fn a_kernel_repo_without_a_chart_directory_is_a_usage_error() {
    let work = tempfile::tempdir().unwrap();
    let mbox = announcement(work.path(), "1.3-rc4");
    let out = common::lkml_digest()
        .args(["draft", "--mbox", mbox.to_str().unwrap()])
        .args(["--kernel-repo", work.path().to_str().unwrap()])
        .arg("announce-1.3-rc4@example.org")
        .output()
        .unwrap();
    common::assert_exit(&out, 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--chart-dir"));
}

#[test]
fn the_weeks_release_entry_gets_the_charts_too() {
    let (repo, work) = kernel_and_work();
    let mbox = announcement(work.path(), "1.3-rc4");
    let out = common::lkml_digest()
        .args([
            "week",
            "--format",
            "markdown",
            "--mbox",
            mbox.to_str().unwrap(),
        ])
        .args(["--since", "2024-06-10", "--until", "2024-06-17"])
        .args(["--kernel-repo", repo.path().to_str().unwrap()])
        .args(["--chart-dir", work.path().join("img").to_str().unwrap()])
        .args(["--cache-dir", work.path().join("cache").to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let post = String::from_utf8(out.stdout).unwrap();
    assert!(
        post.contains("![rc4 release stat](/img/kernel_release_stat/v1.3-rc4-only.png)"),
        "{post}"
    );
    assert!(work.path().join("img/v1.3-rc4-only.png").is_file());
}

#[tokio::test]
async fn the_web_preview_shows_the_release_charts_from_the_server() {
    let (repo, work) = kernel_and_work();
    let mbox = announcement(work.path(), "1.3-rc4");
    let server = serve_with_charts(repo.path(), work.path(), &mbox);
    let body = serde_json::json!({ "input": "announce-1.3-rc4@example.org" });
    let answer = reqwest::Client::new()
        .post(format!("{}/api/draft", server.url))
        .header("Content-Type", "application/json")
        .body(serde_json::to_vec(&body).unwrap())
        .send()
        .await
        .unwrap();
    let response: Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    // The Markdown links the charts where the site has them; the preview
    // shows them from this server.
    let markdown = response["markdown"].as_str().unwrap();
    assert!(
        markdown.contains("(/img/kernel_release_stat/v1.3-rc4-only.png)"),
        "{markdown}"
    );
    let html = response["html"].as_str().unwrap();
    assert!(
        html.contains("<img src=\"/charts/v1.3-rc4-only.png\""),
        "{html}"
    );
    let image = reqwest::get(format!("{}/charts/v1.3-rc4-only.png", server.url))
        .await
        .unwrap();
    assert_eq!(image.status(), 200);
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(png_size(&image.bytes().await.unwrap()), (1600, 1000));
    // Nothing but the directory's charts.
    std::fs::write(work.path().join("secret.png"), "x").unwrap();
    for path in ["/charts/..%2Fsecret.png", "/charts/announce-1.3-rc4.mbox"] {
        let refused = reqwest::get(format!("{}{path}", server.url)).await.unwrap();
        assert_eq!(refused.status(), 404, "{path}");
    }
}

#[test]
fn the_config_file_names_the_kernel_repo_chart_directory_and_link() {
    let (repo, work) = kernel_and_work();
    let mbox = announcement(work.path(), "1.3-rc4");
    let config = work.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "kernel_repo = {:?}\nchart_dir = {:?}\nchart_url = \"https://example.org/img\"\n",
            repo.path().to_str().unwrap(),
            work.path().join("img").to_str().unwrap()
        ),
    )
    .unwrap();
    let out = common::lkml_digest()
        .args(["--config", config.to_str().unwrap(), "draft"])
        .args(["--format", "markdown", "--mbox", mbox.to_str().unwrap()])
        .args(["--cache-dir", work.path().join("cache").to_str().unwrap()])
        .arg("announce-1.3-rc4@example.org")
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    let post = String::from_utf8(out.stdout).unwrap();
    assert!(
        post.contains("(https://example.org/img/v1.3-rc4-only.png)"),
        "{post}"
    );
    assert!(work.path().join("img/v1.3-rc4-only.png").is_file());
}
