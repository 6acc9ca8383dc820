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

/// A mail of the generated weeks below: `n` hours into 2022-09-01.
fn mail(
    id: &str,
    from: &str,
    subject: &str,
    parent: Option<&str>,
    hour: u32,
    body: &str,
) -> Vec<u8> {
    let reply = parent
        .map(|p| format!("In-Reply-To: <{p}>\nReferences: <{p}>\n"))
        .unwrap_or_default();
    format!(
        "From: {from} <{}@example.org>\nSubject: {subject}\nDate: Thu, 1 Sep 2022 {hour:02}:00:00 +0000\n\
         Message-ID: <{id}>\n{reply}List-Id: <linux-mm.kvack.org>\n\n{body}\n",
        from.to_lowercase().replace(' ', ".")
    )
    .into_bytes()
}

/// `week` over `mails` written as an mbox, with `extra` arguments.
fn generated_week(mails: &[Vec<u8>], extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("week.mbox");
    std::fs::write(
        &path,
        lkml_digest::fetch::mbox::write_mboxrd(mails.iter().map(Vec::as_slice)),
    )
    .unwrap();
    let mut args = vec![
        "week",
        "--mbox",
        path.to_str().unwrap(),
        "--since",
        "2022-08-31",
        "--until",
        "2022-09-03",
        "--date",
        "2022-09-05",
    ];
    args.extend_from_slice(extra);
    let out = run(&args);
    common::assert_exit(&out, 0);
    out
}

/// A patch that draws `replies` replies from as many people.
fn discussed(id: &str, subject: &str, replies: usize) -> Vec<Vec<u8>> {
    let mut mails = vec![mail(
        id,
        "Ann Author",
        subject,
        None,
        1,
        "This patch changes things.",
    )];
    for r in 0..replies {
        mails.push(mail(
            &format!("{id}-r{r}"),
            &format!("Reviewer {r}"),
            &format!("Re: {subject}"),
            Some(id),
            2,
            "Looks good.",
        ));
    }
    mails
}

#[test]
fn a_call_for_topics_is_always_drafted_as_an_event() {
    let mut mails = discussed("busy@x", "[PATCH] mm: a busy patch", 6);
    mails.extend(discussed("quiet@x", "[PATCH] mm: a quiet patch", 1));
    mails.push(mail(
        "cfp@x",
        "Organiser",
        "LSF/MM/BPF 2023: Call for Proposals",
        None,
        3,
        "The annual summit will be held in May; send your topics.",
    ));
    let out = generated_week(&mails, &["--top", "2", "--format", "json"]);
    let draft: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&draft["entries"]), ["cfp@x", "busy@x"]);
    assert_eq!(draft["entries"][0]["kind"], "event");
}

#[test]
fn earlier_revisions_are_links_in_json_markdown_and_the_candidates() {
    let mut mails = vec![mail(
        "v1@x",
        "Ann Author",
        "[PATCH] mm: fold the series",
        None,
        1,
        "This patch folds.",
    )];
    mails.push(mail(
        "v2@x",
        "Ann Author",
        "[PATCH v2] mm: fold the series",
        None,
        5,
        "This patch folds again.",
    ));
    let dir = tempfile::tempdir().unwrap();
    let candidates = dir.path().join("candidates.txt");
    let out = generated_week(
        &mails,
        &[
            "--format",
            "json",
            "--candidates",
            candidates.to_str().unwrap(),
        ],
    );
    let draft: Value = serde_json::from_slice(&out.stdout).unwrap();
    let also = &draft["ranking"][0]["also"][0];
    assert_eq!(also["revision"], 1);
    assert_eq!(also["message_id"], "v1@x");
    assert_eq!(also["link"], "https://lkml.kernel.org/r/v1@x");
    assert_eq!(draft["entries"][0]["also"][0]["message_id"], "v1@x");
    let listed = std::fs::read_to_string(&candidates).unwrap();
    assert!(
        listed.contains("#     v1: https://lkml.kernel.org/r/v1@x"),
        "{listed}"
    );
    let markdown = generated_week(&mails, &["--format", "markdown"]);
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    let unwrapped = markdown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        unwrapped.contains("Earlier this week: [v1](https://lkml.kernel.org/r/v1@x)."),
        "{markdown}"
    );
}

#[test]
fn a_new_user_visible_interface_is_a_named_score_part() {
    let mut mails = vec![mail(
        "api@x",
        "Ann Author",
        "[PATCH] mm: add MADV_COLLAPSE",
        None,
        1,
        "This patch adds a hint.\n---\n include/uapi/asm-generic/mman-common.h | 1 +\n",
    )];
    mails.push(mail(
        "plain@x",
        "Bob Builder",
        "[PATCH] mm: tidy a comment",
        None,
        2,
        "Tidy.",
    ));
    let out = generated_week(&mails, &["--format", "json"]);
    let draft: Value = serde_json::from_slice(&out.stdout).unwrap();
    let score = |id: &str| {
        draft["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["message_id"] == id)
            .unwrap()["score"]["interface"]
            .as_f64()
            .unwrap()
    };
    assert!(score("api@x") > 0.0);
    assert_eq!(score("plain@x"), 0.0);
    let verbose = generated_week(&mails, &["-v"]);
    assert!(String::from_utf8_lossy(&verbose.stderr).contains("+ interface "));
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

/// A subject as revisions of a series share it: reply prefixes and tags
/// stripped, white space folded, lowercase.
fn series_title(subject: &str) -> String {
    let subject = lkml_digest::parse::Subject::parse(subject);
    lkml_digest::parse::identity::normalized_title(&subject.title)
}

/// Where each reachable pick of each corpus week ranks among `week`'s
/// entries (1-based; `None` when not drafted): found by its message, or
/// by a later revision of its series (the same title without tags).
///
/// `with_history` gives each week the editor's posts as its `--post-dir`
/// (a copy), and the week's post name (`post_name` in the config, as an
/// editor whose week holds no release names it): the history is the posts
/// dated before the window's end, less the week's own post, which the run
/// writes over. It also checks that the
/// candidates file names the post of every candidate posted already.
/// Each rank comes with its week's line in weeks.jsonl (0-based).
fn pick_ranks(
    corpus: &std::path::Path,
    extra: &[&str],
    with_history: bool,
) -> Vec<(usize, String, Option<usize>)> {
    let weeks = std::fs::read_to_string(corpus.join("weeks.jsonl")).unwrap();
    let mut ranks = Vec::new();
    for (line_no, line) in weeks.lines().enumerate() {
        let week: Value = serde_json::from_str(line).unwrap();
        let mbox = corpus.join(week["mbox"].as_str().unwrap());
        let site = tempfile::tempdir().unwrap();
        let candidates = site.path().join("candidates.txt");
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
        let posts = site.path().join("posts");
        if with_history {
            copy_posts(&corpus.join("posts"), &posts);
            args.extend([
                "--post-dir",
                posts.to_str().unwrap(),
                "--force",
                "--candidates",
                candidates.to_str().unwrap(),
            ]);
        }
        args.extend_from_slice(extra);
        let out = if with_history {
            let config = format!("post_name = {:?}\n", week["post"].as_str().unwrap());
            run_with_config(&config, &args)
        } else {
            run(&args)
        };
        common::assert_exit(&out, 0);
        let draft: Value = if with_history {
            // The run wrote the week's own post, so it was not history.
            let own = posts.join(format!("{}.md", week["post"].as_str().unwrap()));
            let text = std::fs::read(&own)
                .unwrap_or_else(|e| panic!("{}: not written: {e}", own.display()));
            serde_json::from_slice(&text).unwrap()
        } else {
            serde_json::from_slice(&out.stdout).unwrap()
        };
        if with_history {
            let list = std::fs::read_to_string(&candidates).unwrap();
            for posted in draft["ranking"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| !c["posted"].is_null())
            {
                let id = posted["message_id"].as_str().unwrap();
                let post = posted["posted"]["post"].as_str().unwrap();
                assert!(
                    list.lines().any(|l| l.starts_with("# ")
                        && l.contains(&lkml_digest::input::escape_id(id))
                        && l.contains(&format!("[already posted in {post} of "))),
                    "{id}: no commented line naming {post} in\n{list}"
                );
            }
        }
        let entries: Vec<&Value> = draft["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] != "release")
            .collect();
        for pick in week["picks"].as_array().unwrap() {
            if pick["reachable"] != true {
                continue;
            }
            let title = series_title(pick["subject"].as_str().unwrap());
            let rank = entries.iter().position(|e| {
                e["message_id"] == pick["message_id"]
                    || series_title(e["subject"].as_str().unwrap()) == title
            });
            ranks.push((
                line_no,
                pick["subject"].as_str().unwrap().to_string(),
                rank.map(|r| r + 1),
            ));
        }
    }
    ranks
}

/// Copies the editor's posts into `to`, writable, as a site's own.
fn copy_posts(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for file in std::fs::read_dir(from).unwrap() {
        let file = file.unwrap().path();
        std::fs::write(
            to.join(file.file_name().unwrap()),
            std::fs::read(&file).unwrap(),
        )
        .unwrap();
    }
}

/// Least recall@10 and @25, as shares of the reachable picks, of each
/// configuration of `the_editors_picks_rank_in_the_top_10_and_25_of_the_corpus_weeks`
/// on all 43 weeks: floors against regressions, a little under what they
/// reached when set (0.48/0.73 without interests, 0.91/0.98 with the hand
/// interests, 0.91/0.98 with the sections, 0.89/0.98 with history, 0.89/0.98
/// with history and the hand interests, 0.91/0.98 with history and the
/// sections).
const FLOOR_NONE: (f64, f64) = (0.45, 0.70);
const FLOOR_HAND: (f64, f64) = (0.88, 0.95);
const FLOOR_SECTIONS: (f64, f64) = (0.88, 0.95);
const FLOOR_HISTORY: (f64, f64) = (0.86, 0.95);
const FLOOR_BOTH: (f64, f64) = (0.86, 0.95);
const FLOOR_HISTORY_SECTIONS: (f64, f64) = (0.88, 0.95);

/// The held-out half: the weeks on the odd lines of weeks.jsonl (the
/// first, the third, ...). The `similar` part's weights were chosen on the
/// even lines (scripts/tune-similar.py); what this half shows is what
/// weeks the weights never saw show.
fn held_out(line: usize) -> bool {
    line.is_multiple_of(2)
}

/// Least recall@10 on the held-out half with history (issue 29), alone
/// and with the section interests.
const HELD_OUT_HISTORY: f64 = 0.85;

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn the_editors_picks_rank_in_the_top_10_and_25_of_the_corpus_weeks() {
    let Some(corpus) = common::corpus("the_editors_picks_rank_in_the_top") else {
        return;
    };
    let interests = [
        "--interest",
        "mm/**",
        "--interest",
        "memcg",
        "--interest",
        "mm",
    ];
    // The same readers' interests as the kernel's MAINTAINERS names them
    // (Linux 6.1's, where ../shared has it).
    let maintainers = corpus.join("../kernel/MAINTAINERS");
    let sections = [
        "--maintainers",
        maintainers.to_str().unwrap(),
        "--interest",
        "section:MEMORY MANAGEMENT",
        "--interest",
        "section:CONTROL GROUP",
    ];
    let with_sections = maintainers.is_file();
    if !with_sections {
        common::notice(
            "SKIPPED recall with MAINTAINERS sections: ../shared/kernel/MAINTAINERS is not here",
        );
    }
    // The reachable picks, as weeks.jsonl counts them: the floors are
    // shares of these, so the test follows the corpus as it grows.
    let reachable = std::fs::read_to_string(corpus.join("weeks.jsonl"))
        .unwrap()
        .lines()
        .map(|line| {
            let week: Value = serde_json::from_str(line).unwrap();
            week["picks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["reachable"] == true)
                .count()
        })
        .sum::<usize>();
    let mut short = Vec::new();
    // recall@10 on the held-out half, by label.
    let mut held = std::collections::HashMap::new();
    for (label, extra, with_history, (least_10, least_25)) in [
        ("without interests", &[][..], false, FLOOR_NONE),
        ("with interests", &interests[..], false, FLOOR_HAND),
        (
            "with MAINTAINERS sections",
            &sections[..],
            false,
            FLOOR_SECTIONS,
        ),
        (
            "with history, without interests",
            &[][..],
            true,
            FLOOR_HISTORY,
        ),
        (
            "with history and interests",
            &interests[..],
            true,
            FLOOR_BOTH,
        ),
        (
            "with history and sections",
            &sections[..],
            true,
            FLOOR_HISTORY_SECTIONS,
        ),
    ] {
        if extra.first() == Some(&"--maintainers") && !with_sections {
            continue;
        }
        let ranks = pick_ranks(&corpus, extra, with_history);
        assert_eq!(
            ranks.len(),
            reachable,
            "every reachable pick of weeks.jsonl is looked for"
        );
        let share = |half: &dyn Fn(usize) -> bool, k: usize| {
            let of: Vec<_> = ranks.iter().filter(|(line, ..)| half(*line)).collect();
            let found = of
                .iter()
                .filter(|(.., r)| r.is_some_and(|r| r <= k))
                .count();
            (found, of.len(), found as f64 / of.len() as f64)
        };
        let all = |_: usize| true;
        let (at_10, n, share_10) = share(&all, 10);
        let (at_25, _, share_25) = share(&all, 25);
        let (held_10, held_n, held_share) = share(&held_out, 10);
        let (tuned_10, tuned_n, tuned_share) = share(&|line| !held_out(line), 10);
        let missed: Vec<_> = ranks
            .iter()
            .filter(|(.., r)| r.is_none_or(|r| r > 10))
            .map(|(_, subject, r)| (subject, r))
            .collect();
        common::notice(&format!(
            "recall {label}: held out (odd lines) @10 {held_10}/{held_n} ({held_share:.2}); \
             tuned on (even lines) @10 {tuned_10}/{tuned_n} ({tuned_share:.2}); \
             all @10 {at_10}/{n} ({share_10:.2}), @25 {at_25}/{n} ({share_25:.2}); \
             outside the top 10: {missed:?}"
        ));
        held.insert(label, held_share);
        if share_10 < least_10 || share_25 < least_25 {
            short.push(format!(
                "{label}: @10 {share_10:.2} (least {least_10}), @25 {share_25:.2} (least {least_25})"
            ));
        }
    }
    assert!(short.is_empty(), "recall below its floor: {short:#?}");
    let mut targets = vec![("with history, without interests", HELD_OUT_HISTORY)];
    // History never lowers recall: each configuration with it holds at
    // least what the same interests reach without it.
    targets.push(("with history, without interests", held["without interests"]));
    targets.push(("with history and interests", held["with interests"]));
    if with_sections {
        targets.push(("with history and sections", HELD_OUT_HISTORY));
        targets.push((
            "with history and sections",
            held["with MAINTAINERS sections"],
        ));
        // The sections say what the hand interests say.
        targets.push(("with MAINTAINERS sections", held["with interests"]));
        // Interests added to history never lower it either.
        targets.push((
            "with history and sections",
            held["with history, without interests"],
        ));
    }
    targets.push((
        "with history and interests",
        held["with history, without interests"],
    ));
    for (label, least) in targets {
        assert!(
            held[label] >= least,
            "held out, {label}: @10 {:.2}, less than {least:.2}",
            held[label]
        );
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

#[test]
fn the_config_file_sets_top_interests_title_and_format() {
    let config = r#"
top = 1
interests = ["mm/vmscan.c", "mm/vmscan:"]
title = "Kernel digest {release} ({date})"
format = "json"
"#;
    let out = run_with_config(config, &common::SAMPLE_WEEK);
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
    let mut args = common::SAMPLE_WEEK.to_vec();
    args.extend(["--top", "3", "--format", "json"]);
    let out = run_with_config("top = 1\nformat = \"text\"\n", &args);
    common::assert_exit(&out, 0);
    let week: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&week["entries"]).len(), 4);
}

#[test]
fn a_bad_config_file_is_one_line_naming_its_file_and_line() {
    let out = run_with_config("top = 1\ntpo = 2\n", &common::SAMPLE_WEEK);
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

#[test]
fn a_week_of_no_thread_writes_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    // The default window, the last 7 days, holds none of the samples.
    let out = run(&[
        "week",
        "--mbox",
        "samples/threads",
        "-o",
        post.to_str().unwrap(),
    ]);
    common::assert_exit(&out, 2);
    assert!(!post.exists(), "a post was written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().last().unwrap_or_default();
    assert!(
        line.starts_with("lkml-digest: no thread in ")
            && line.contains(" of samples/threads (")
            && line
                .contains(" mails read, 0 in the window): give --since/--until, or check --list"),
        "{stderr}"
    );
}

/// `mail`'s bytes with its List-Id line replaced by `headers`.
fn sent_to(mail: Vec<u8>, headers: &str) -> Vec<u8> {
    String::from_utf8(mail)
        .unwrap()
        .replace("List-Id: <linux-mm.kvack.org>", headers)
        .into_bytes()
}

#[test]
fn a_named_list_keeps_a_thread_sent_to_it_whose_copy_is_another_lists() {
    let copied = discussed("cc@x", "[PATCH] mm: a change sent to linux-mm", 2)
        .into_iter()
        .map(|m| {
            sent_to(
                m,
                "List-Id: <cgroups.vger.kernel.org>\nCc: linux-mm@kvack.org",
            )
        })
        .collect::<Vec<_>>();
    let elsewhere = discussed("net@x", "[PATCH] net: a change sent to netdev", 3)
        .into_iter()
        .map(|m| sent_to(m, "List-Id: <netdev.vger.kernel.org>"))
        .collect::<Vec<_>>();
    let out = generated_week(
        &[copied, elsewhere].concat(),
        &["--list", "linux-mm", "--format", "json", "-v"],
    );
    let draft = common::json_stdout(&out);
    assert_eq!(ids(&draft["entries"]), ["cc@x"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--list linux-mm: left out 1 threads sent to none of these lists"),
        "{stderr}"
    );
}

#[test]
fn week_ends_with_a_closing_line_when_piped() {
    let out = run(&[
        "week",
        "--mbox",
        "samples/threads",
        "--since",
        "2022-08-29",
        "--until",
        "2022-09-05",
    ]);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("lkml-digest: week 2022-08-29 00:00..2022-09-05 00:00: ")
            && last.contains(" mails read, ")
            && last.ends_with(" entries drafted"),
        "{stderr}"
    );
}
