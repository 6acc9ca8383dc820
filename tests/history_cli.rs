//! `--history DIR`: the editor's earlier posts. The samples' history
//! (`samples/history`) covered the DAMON series' v2; the tests below write
//! more posts of their own where they need them.

mod common;

use std::path::Path;

use serde_json::Value;

const SAMPLES: &[&str] = &["--mbox", "samples/threads", "samples/ids.txt"];
const DAMON_V3: &str = "20220829071201.4242-1-ada@example.org";
const KSWAPD: &str = "20220901020327.77131-1-kai.tanaka@example.com";

fn entry<'a>(draft: &'a Value, id: &str) -> &'a Value {
    draft["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["message_id"] == id)
        .unwrap_or_else(|| panic!("{id} not drafted"))
}

fn ids(draft: &Value) -> Vec<&str> {
    draft["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message_id"].as_str().unwrap())
        .collect()
}

/// A post as the editor's site holds it, with one entry per (heading,
/// message ID, summary).
fn write_post(dir: &Path, name: &str, date: &str, entries: &[Written]) {
    let mut text = format!("---\ntitle: \"LKML News {name}\"\ndate: {date}\n---\n\n");
    for (heading, id, summary) in entries {
        text.push_str(&format!(
            "{heading}\n{}\n\nhttps://lore.kernel.org/{id}\n\n{summary}\n\n\n",
            "-".repeat(heading.chars().count())
        ));
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(format!("{name}.md")), text).unwrap();
}

fn week(args: &[&str]) -> std::process::Output {
    common::lkml_digest()
        .args(common::SAMPLE_WEEK)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_later_revision_of_a_covered_series_starts_from_the_editors_words() {
    let (draft, out) =
        common::draft_json(&[SAMPLES, &["--history", "samples/history"]].concat(), None);
    common::assert_exit(&out, 0);
    let damon = entry(&draft, DAMON_V3);
    assert_eq!(damon["covered"][0]["post"], "lkml_news_v6.0-rc1");
    assert_eq!(damon["covered"][0]["revision"], 2);
    assert_eq!(
        damon["covered"][0]["link"],
        "https://lkml.kernel.org/r/20220815080011.1234-1-ada@example.org"
    );
    let earlier = damon["earlier_summary"].as_str().unwrap();
    assert!(earlier.starts_with("The second version of the DAMON region aging patchset."));
    let summary = damon["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("The third version of the DAMON region aging patchset."),
        "{summary}"
    );
    // The changelog since v2 is beside the summary, not in it; the old
    // revision's review is gone.
    assert!(!summary.contains("In this version"), "{summary}");
    assert!(
        damon["changes_since"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c.as_str().unwrap().contains("CONFIG_DAMON_AGING")),
        "{damon}"
    );
    assert!(!summary.contains("Andrew asked"), "{summary}");
}

#[test]
fn an_entry_whose_series_was_not_covered_keeps_its_summary() {
    let (with, _) =
        common::draft_json(&[SAMPLES, &["--history", "samples/history"]].concat(), None);
    let (without, _) = common::draft_json(SAMPLES, None);
    let kswapd = entry(&with, KSWAPD);
    assert_eq!(kswapd["summary"], entry(&without, KSWAPD)["summary"]);
    assert!(kswapd.get("covered").is_none() && kswapd.get("earlier_summary").is_none());
}

#[test]
fn only_posts_dated_before_the_draft_are_its_history() {
    // The samples' history is from August 2022.
    let out = common::lkml_digest()
        .args(["draft", "--format", "json", "--date", "2022-08-01"])
        .args(SAMPLES)
        .args(["--history", "samples/history"])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    assert!(
        entry(&common::json_stdout(&out), DAMON_V3)
            .get("covered")
            .is_none()
    );
}

#[test]
fn week_leaves_out_what_an_earlier_post_has_and_names_that_post_in_the_candidates() {
    let site = tempfile::tempdir().unwrap();
    write_post(
        site.path(),
        "lkml_news_midweek",
        "2022-09-02T07:00:00+02:00",
        &[(
            "[PATCH] mm/vmscan: skip throttling when the reclaimer is kswapd (Kai Tanaka)",
            KSWAPD,
            "Kai stops kswapd from throttling itself.",
        )],
    );
    let candidates = site.path().join("candidates.txt");
    let out = week(&[
        "--history",
        site.path().to_str().unwrap(),
        "--format",
        "json",
        "--candidates",
        candidates.to_str().unwrap(),
    ]);
    common::assert_exit(&out, 0);
    let draft = common::json_stdout(&out);
    assert!(!ids(&draft).contains(&KSWAPD), "{:?}", ids(&draft));
    let ranked = draft["ranking"].as_array().unwrap();
    let posted = ranked.iter().find(|c| c["message_id"] == KSWAPD).unwrap();
    assert_eq!(posted["posted"]["post"], "lkml_news_midweek");
    let list = std::fs::read_to_string(&candidates).unwrap();
    let line = list.lines().find(|l| l.contains("kai.tanaka")).unwrap();
    assert!(
        line.starts_with("# ")
            && line.ends_with("[already posted in lkml_news_midweek of 2022-09-02]"),
        "{line}"
    );
}

#[test]
fn a_second_run_of_the_week_into_the_post_dir_drafts_the_same_entries() {
    let site = tempfile::tempdir().unwrap();
    for post in std::fs::read_dir("samples/history").unwrap() {
        let post = post.unwrap().path();
        std::fs::copy(&post, site.path().join(post.file_name().unwrap())).unwrap();
    }
    let dir = site.path().to_str().unwrap();
    let args = ["--post-dir", dir, "--force", "--format", "json"];
    common::assert_exit(&week(&args), 0);
    let written = site.path().join("lkml_news_v6.0-rc4.md");
    let first: Value = serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    // --post-dir is the history too: the DAMON series was covered.
    assert_eq!(
        entry(&first, DAMON_V3)["covered"][0]["post"],
        "lkml_news_v6.0-rc1"
    );
    let again = week(&args);
    common::assert_exit(&again, 0);
    let second: Value = serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    assert_eq!(first["entries"], second["entries"]);
    // Nothing but the closing line.
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .lines()
            .all(|l| l.starts_with("lkml-digest: week ")),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn no_history_reads_no_earlier_posts() {
    let site = tempfile::tempdir().unwrap();
    std::fs::copy(
        "samples/history/lkml_news_v6.0-rc1.md",
        site.path().join("lkml_news_v6.0-rc1.md"),
    )
    .unwrap();
    let dir = site.path().to_str().unwrap();
    let out = week(&["--post-dir", dir, "--no-history", "--format", "json"]);
    common::assert_exit(&out, 0);
    let written = site.path().join("lkml_news_v6.0-rc4.md");
    let draft: Value = serde_json::from_slice(&std::fs::read(written).unwrap()).unwrap();
    assert!(entry(&draft, DAMON_V3).get("covered").is_none());
}

#[test]
fn posts_that_cannot_be_read_are_one_warning_each_and_the_rest_is_read() {
    let site = tempfile::tempdir().unwrap();
    let posts = site.path().join("content/posts");
    std::fs::create_dir_all(posts.join("en")).unwrap();
    std::fs::copy(
        "samples/history/lkml_news_v6.0-rc1.md",
        posts.join("en/lkml_news_v6.0-rc1.md"),
    )
    .unwrap();
    let bad = [
        ("no-front-matter.md", "[PATCH] x (A)\n---\n\nhttps://lore.kernel.org/x@y\n".as_bytes()),
        ("no-headings.md", b"---\ndate: 2022-08-01\n---\n\nSome notes.\n"),
        ("binary.md", &[0x7f, b'E', b'L', b'F', 0, 0, 1]),
        (
            "korean.md",
            "---\ndate: 2022-08-01\n---\n\n메모리 관리 (홍길동)\n---------\n\n메모리 관리 패치입니다.\n"
                .as_bytes(),
        ),
    ];
    for (name, bytes) in bad {
        std::fs::write(posts.join(name), bytes).unwrap();
    }
    let out = week(&[
        "--history",
        site.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("not read as an earlier post"))
            .count(),
        4,
        "{stderr}"
    );
    for (name, _) in bad {
        assert_eq!(
            stderr.lines().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {stderr}"
        );
    }
    // The good post, in a subdirectory, was read.
    let draft = common::json_stdout(&out);
    assert_eq!(
        entry(&draft, DAMON_V3)["covered"][0]["post"],
        "lkml_news_v6.0-rc1"
    );
}

#[test]
fn the_history_part_is_named_with_its_reason_in_verbose_and_json() {
    let out = week(&["--history", "samples/history", "--format", "json", "-v"]);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("mm/damon: age regions"))
        .unwrap();
    assert!(line.contains("+ history 5.00 + follows 3.00"), "{line}");
    assert!(
        line.contains("[4 earlier entries on mm; follows v2 of lkml_news_v6.0-rc1]"),
        "{line}"
    );
    let draft = common::json_stdout(&out);
    let damon = draft["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["message_id"] == DAMON_V3)
        .unwrap();
    assert_eq!(damon["history"][0], "4 earlier entries on mm");
    assert_eq!(damon["score"]["follows"], 3.0);
    assert_eq!(damon["covered"][0]["revision"], 2);
}

#[test]
fn the_summarizer_is_shown_the_editors_earlier_summary_and_examples() {
    let dir = tempfile::tempdir().unwrap();
    let requests = dir.path().join("requests");
    std::fs::create_dir(&requests).unwrap();
    // Keeps each request, and answers with a fixed summary.
    let command = format!(
        "f=$(mktemp -p {}); cat > \"$f\"; echo Summarized.",
        requests.display()
    );
    let (_, out) = common::draft_json(
        &[
            SAMPLES,
            &["--history", "samples/history", "--summarizer", &command],
        ]
        .concat(),
        None,
    );
    common::assert_exit(&out, 0);
    let requests: Vec<Value> = std::fs::read_dir(&requests)
        .unwrap()
        .map(|f| serde_json::from_slice(&std::fs::read(f.unwrap().path()).unwrap()).unwrap())
        .collect();
    let damon = requests
        .iter()
        .find(|r| r["message_id"] == DAMON_V3)
        .unwrap();
    assert!(
        damon["earlier_summary"]
            .as_str()
            .unwrap()
            .starts_with("The second version of the DAMON")
    );
    // The newest patch entries first: the v6.0-rc2 post's series, then
    // the v6.0-rc1 post's.
    let examples: Vec<&str> = damon["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(examples.len(), 3, "{examples:?}");
    assert!(
        examples[0].starts_with("This patchset lets"),
        "{examples:?}"
    );
    let release = requests.iter().find(|r| r["kind"] == "release").unwrap();
    assert!(release["earlier_summary"].is_null());
    assert_eq!(
        release["examples"][0],
        "The second release candidate for Linux v6.0 has been released."
    );
}

/// A mail `minute` minutes into 2022-09-01.
fn mail(id: &str, from: &str, subject: &str, parent: Option<&str>, minute: u32) -> Vec<u8> {
    let reply = parent
        .map(|p| format!("In-Reply-To: <{p}>\nReferences: <{p}>\n"))
        .unwrap_or_default();
    format!(
        "From: {from} <{}@example.org>\nSubject: {subject}\n\
         Date: Thu, 1 Sep 2022 {:02}:{:02}:00 +0000\nMessage-ID: <{id}>\n{reply}\
         List-Id: <linux-mm.kvack.org>\n\nText.\n",
        from.to_lowercase().replace(' ', "."),
        minute / 60,
        minute % 60
    )
    .into_bytes()
}

/// An entry of a post the tests write: heading, message ID, summary.
type Written<'a> = (&'a str, &'a str, &'a str);

/// `week` over `mails` from 2022-08-31 to 2022-09-03, with the posts
/// `posts` (name, date, entries) as its history, as JSON.
fn generated_week(mails: &[Vec<u8>], posts: &[(&str, &str, &[Written])]) -> Value {
    let site = tempfile::tempdir().unwrap();
    let mbox = site.path().join("week.mbox");
    std::fs::write(
        &mbox,
        lkml_digest::fetch::mbox::write_mboxrd(mails.iter().map(Vec::as_slice)),
    )
    .unwrap();
    let history = site.path().join("posts");
    for (name, date, entries) in posts {
        write_post(&history, name, date, entries);
    }
    let out = common::lkml_digest()
        .args(["week", "--mbox", mbox.to_str().unwrap()])
        .args(["--since", "2022-08-31", "--until", "2022-09-03"])
        .args(["--date", "2022-09-05", "--format", "json"])
        .args(["--history", history.to_str().unwrap()])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    common::json_stdout(&out)
}

#[test]
fn a_posted_thread_whose_discussion_grew_much_since_comes_back() {
    let mut mails = Vec::new();
    for (id, replies) in [("busy@x", 12), ("quiet@x", 3)] {
        let subject = format!("[PATCH] mm: the {} patch", id.trim_end_matches("@x"));
        mails.push(mail(id, "Ann Author", &subject, None, 60));
        for r in 0..replies {
            mails.push(mail(
                &format!("{id}-{r}"),
                &format!("Reviewer {r}"),
                &format!("Re: {subject}"),
                Some(id),
                120 + r,
            ));
        }
    }
    // Posted before any reply came.
    let draft = generated_week(
        &mails,
        &[(
            "lkml_news_early",
            "2022-09-01T01:30:00+00:00",
            &[
                ("[PATCH] mm: the busy patch (Ann Author)", "busy@x", "Busy."),
                (
                    "[PATCH] mm: the quiet patch (Ann Author)",
                    "quiet@x",
                    "Quiet.",
                ),
            ],
        )],
    );
    assert_eq!(ids(&draft), ["busy@x"]);
    assert_eq!(
        entry(&draft, "busy@x")["covered"][0]["post"],
        "lkml_news_early"
    );
}

#[test]
fn a_cover_letter_with_a_covered_ones_b4_change_id_follows_it() {
    let cover = |id: &str, subject: &str, minute: u32| {
        let mut bytes = mail(id, "Ann Author", subject, None, minute);
        bytes.extend_from_slice(
            b"\n---\nbase-commit: 0123abc\nchange-id: 20220831-reclaim-0123456789ab\n",
        );
        bytes
    };
    let mails = [
        cover("v1@x", "[PATCH 0/2] mm: fair reclaim", 10),
        cover(
            "v2@x",
            "[PATCH v2 0/2] mm: reclaim fairly across nodes",
            600,
        ),
    ];
    let draft = generated_week(
        &mails,
        &[(
            "lkml_news_early",
            "2022-09-01T01:00:00+00:00",
            &[(
                "[PATCH 0/2] mm: fair reclaim (Ann Author)",
                "v1@x",
                "Fair reclaim.",
            )],
        )],
    );
    assert_eq!(ids(&draft), ["v2@x"]);
    let v2 = entry(&draft, "v2@x");
    assert_eq!(v2["covered"][0]["message_id"], "v1@x");
    assert!(
        v2["summary"].as_str().unwrap().contains("second version"),
        "{v2}"
    );
}
