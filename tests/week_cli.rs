//! `lkml-digest week`: the samples as a week of mail, and the two real
//! weeks of `../shared/corpus` (skipped with a notice where it is absent).

mod common;

use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    common::lkml_digest().args(args).output().unwrap()
}

/// The samples' week, as JSON.
fn sample_week(extra: &[&str]) -> Value {
    sample_window("2022-08-28", "2022-09-06", extra)
}

/// The samples from `since` to `until`, as JSON.
fn sample_window(since: &str, until: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "week",
        "--mbox",
        "samples/threads",
        "--since",
        since,
        "--until",
        until,
        "--date",
        "2022-09-05",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    common::assert_exit(&out, 0);
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["message_id"].as_str().unwrap())
        .collect()
}

#[test]
fn the_release_announcement_comes_last_and_names_the_post() {
    let week = sample_week(&["--top", "1"]);
    assert_eq!(week["title"], "LKML News v6.0-rc4");
    let entries = week["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["kind"], "release");
}

#[test]
fn every_candidate_shows_its_score_parts() {
    let week = sample_week(&[]);
    let ranking = week["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 5);
    for candidate in ranking {
        let score = &candidate["score"];
        for part in [
            "discussion",
            "participants",
            "review",
            "kind",
            "size",
            "revision",
        ] {
            assert!(score[part].is_number(), "{part} in {candidate}");
        }
    }
}

#[test]
fn interests_lift_a_thread_into_the_top() {
    let plain = sample_week(&["--top", "1"]);
    let single = "20220901020327.77131-1-kai.tanaka@example.com";
    assert_ne!(ids(&plain["entries"])[0], single);
    // A file it touches and its subject prefix: two interests matched.
    let lifted = sample_week(&[
        "--top",
        "1",
        "--interest",
        "mm/vmscan.c",
        "--interest",
        "mm/vmscan:",
    ]);
    assert_eq!(ids(&lifted["entries"])[0], single);
}

#[test]
fn the_window_leaves_out_threads_started_before_it() {
    let week = sample_window("2022-09-02", "2022-09-06", &[]);
    assert!(!ids(&week["ranking"]).contains(&"20220829071201.4242-1-ada@example.org"));
}

#[test]
fn the_candidate_list_drafts_the_same_entries() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("candidates.txt");
    let week = sample_week(&["--top", "2", "--candidates", list.to_str().unwrap()]);
    let text = std::fs::read_to_string(&list).unwrap();
    assert!(text.contains("# ---- cut"), "{text}");
    let out = run(&[
        "draft",
        "--mbox",
        "samples/threads",
        "--date",
        "2022-09-05",
        "--format",
        "json",
        list.to_str().unwrap(),
    ]);
    common::assert_exit(&out, 0);
    let draft: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(draft["entries"], week["entries"]);
}

#[test]
fn last_rc_starts_the_window_at_the_newest_release() {
    let week = sample_window("last-rc", "2022-09-10", &[]);
    // Only the release itself (posted at the window's first second) remains.
    assert_eq!(ids(&week["ranking"]).len(), 1);
    assert_eq!(week["ranking"][0]["kind"], "release");
}

#[test]
fn a_bad_interest_is_a_usage_error_naming_it() {
    let out = run(&["week", "--mbox", "samples/threads", "--interest", "mm/["]);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("mm/["), "{stderr}");
}

#[test]
fn recall_at_25_of_the_editors_picks_in_the_corpus_weeks() {
    let Some(corpus) = common::corpus("recall_at_25_of_the_editors_picks") else {
        return;
    };
    let weeks = std::fs::read_to_string(corpus.join("weeks.jsonl")).unwrap();
    let interests = [
        "--interest",
        "mm/**",
        "--interest",
        "memcg",
        "--interest",
        "mm",
    ];
    for (label, extra) in [
        ("without interests", &[][..]),
        ("with interests", &interests[..]),
    ] {
        let (mut found, mut picked) = (0, 0);
        for line in weeks.lines() {
            let week: Value = serde_json::from_str(line).unwrap();
            let mbox = corpus.join(week["mbox"].as_str().unwrap());
            let mut args = vec![
                "week",
                "--mbox",
                mbox.to_str().unwrap(),
                "--since",
                week["since"].as_str().unwrap(),
                "--until",
                week["until"].as_str().unwrap(),
                "--top",
                "25",
                "--format",
                "json",
            ];
            args.extend_from_slice(extra);
            let out = run(&args);
            common::assert_exit(&out, 0);
            let draft: Value = serde_json::from_slice(&out.stdout).unwrap();
            let entries = ids(&draft["entries"]);
            for pick in week["picked"].as_array().unwrap() {
                picked += 1;
                found += usize::from(entries.contains(&pick.as_str().unwrap()));
            }
        }
        common::notice(&format!("recall@25 {label}: {found}/{picked}"));
        assert!(found * 3 >= picked, "recall@25 {label}: {found}/{picked}");
    }
}

/// Writes `mails` as a public-inbox v2 archive at `dir/git/0.git`: one
/// commit per mail, the mail in blob `m`, its Date as both commit dates.
fn write_archive(dir: &std::path::Path, mails: &[Vec<u8>]) {
    let repo = dir.join("git/0.git");
    let git = |args: &[&str], input: Option<&[u8]>, env: &[(&str, String)]| -> String {
        use std::io::Write;
        let mut child = Command::new("git")
            .arg("--git-dir")
            .arg(&repo)
            .args(args)
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("git is needed for the --archive tests");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.unwrap_or_default())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "git {args:?}");
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    std::fs::create_dir_all(&repo).unwrap();
    git(&["init", "-q", "--bare"], None, &[]);
    git(&["symbolic-ref", "HEAD", "refs/heads/master"], None, &[]);
    let mut parent: Option<String> = None;
    for mail in mails {
        let message = lkml_digest::parse::Message::parse(mail).unwrap();
        let date = format!("{} +0000", message.date.unwrap().timestamp());
        let blob = git(&["hash-object", "-w", "--stdin"], Some(mail), &[]);
        let tree = git(
            &["mktree"],
            Some(format!("100644 blob {blob}\tm\n").as_bytes()),
            &[],
        );
        let mut args = vec!["commit-tree", tree.as_str(), "-m", message.subject.as_str()];
        if let Some(p) = &parent {
            args.extend(["-p", p.as_str()]);
        }
        let env = [
            ("GIT_AUTHOR_NAME", author_name(&message)),
            ("GIT_AUTHOR_EMAIL", message.from_email.clone()),
            ("GIT_AUTHOR_DATE", date.clone()),
            ("GIT_COMMITTER_NAME", "archive".to_string()),
            ("GIT_COMMITTER_EMAIL", "archive@example.org".to_string()),
            ("GIT_COMMITTER_DATE", date),
        ];
        parent = Some(git(&args, None, &env));
    }
    git(
        &[
            "update-ref",
            "refs/heads/master",
            parent.as_deref().unwrap(),
        ],
        None,
        &[],
    );
}

/// git refuses an empty name; public-inbox then uses the address's user.
fn author_name(message: &lkml_digest::parse::Message) -> String {
    match message.from_name.as_str() {
        "" => message.from_email.split('@').next().unwrap().to_string(),
        name => name.to_string(),
    }
}

fn sample_mails() -> Vec<Vec<u8>> {
    let mut mails: Vec<Vec<u8>> = std::fs::read_dir("samples/threads")
        .unwrap()
        .flat_map(|f| lkml_digest::fetch::mbox::split(&std::fs::read(f.unwrap().path()).unwrap()))
        .collect();
    mails.sort_by_key(|m| lkml_digest::parse::Message::parse(m).unwrap().date);
    mails
}

#[test]
fn an_archive_gives_the_week_that_its_mbox_gives() {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path(), &sample_mails());
    let archive = dir.path().to_str().unwrap();
    let from_mbox = sample_week(&[]);
    let out = run(&[
        "week",
        "--archive",
        archive,
        "--since",
        "2022-08-28",
        "--until",
        "2022-09-06",
        "--date",
        "2022-09-05",
        "--format",
        "json",
    ]);
    common::assert_exit(&out, 0);
    let from_archive: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_archive["entries"], from_mbox["entries"]);
}

#[test]
fn an_archive_is_read_only_within_the_window() {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path(), &sample_mails());
    // The day's slack aside, nothing of 2022-08 is read for this window.
    let out = run(&[
        "week",
        "-v",
        "--archive",
        dir.path().to_str().unwrap(),
        "--since",
        "2022-09-04",
        "--until",
        "2022-09-06",
        "--format",
        "json",
    ]);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let total = sample_mails().len();
    assert!(
        !stderr.contains(&format!("{total} mails received")),
        "{stderr}"
    );
    assert!(stderr.contains(" mails received in the window"), "{stderr}");
}

#[test]
fn last_rc_is_found_in_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    write_archive(dir.path(), &sample_mails());
    let out = run(&[
        "week",
        "--archive",
        dir.path().to_str().unwrap(),
        "--since",
        "last-rc",
        "--until",
        "2022-09-10",
        "--format",
        "json",
    ]);
    common::assert_exit(&out, 0);
    let week: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(week["ranking"][0]["kind"], "release");
}

#[test]
fn a_directory_that_is_no_archive_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["week", "--archive", dir.path().to_str().unwrap()]);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(dir.path().to_str().unwrap()), "{stderr}");
    assert!(stderr.contains("not a public-inbox v2 archive"), "{stderr}");
}

// ---- The config file -------------------------------------------------------

fn run_with_config(config: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let mut all = vec!["--config", path.to_str().unwrap()];
    all.extend_from_slice(args);
    run(&all)
}

const SAMPLE_WINDOW: [&str; 8] = [
    "week",
    "--mbox",
    "samples/threads",
    "--since",
    "2022-08-28",
    "--until",
    "2022-09-06",
    "--date=2022-09-05",
];

#[test]
fn the_config_file_sets_top_interests_title_and_format() {
    let config = r#"
top = 1
interests = ["mm/vmscan.c", "mm/vmscan:"]
title = "Kernel digest {release} ({date})"
format = "json"
"#;
    let out = run_with_config(config, &SAMPLE_WINDOW);
    common::assert_exit(&out, 0);
    let week: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(week["title"], "Kernel digest v6.0-rc4 (2022-09-05)");
    assert_eq!(
        ids(&week["entries"])[0],
        "20220901020327.77131-1-kai.tanaka@example.com"
    );
    assert_eq!(ids(&week["entries"]).len(), 2);
}

#[test]
fn the_command_line_wins_over_the_config_file() {
    let mut args = SAMPLE_WINDOW.to_vec();
    args.extend(["--top", "3", "--format", "json"]);
    let out = run_with_config("top = 1\nformat = \"text\"\n", &args);
    common::assert_exit(&out, 0);
    let week: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&week["entries"]).len(), 4);
}

#[test]
fn a_bad_config_file_is_one_line_naming_its_file_and_line() {
    let out = run_with_config("top = 1\ntpo = 2\n", &SAMPLE_WINDOW);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("config.toml:2:"), "{stderr}");
    assert!(stderr.contains("tpo"), "{stderr}");
}

#[test]
fn a_missing_config_file_that_was_named_is_an_error() {
    let out = run(&[
        "--config",
        "/nonexistent/config.toml",
        "week",
        "--mbox",
        "samples/threads",
    ]);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/config.toml: cannot read"),
        "{stderr}"
    );
}
