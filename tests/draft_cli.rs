//! `lkml-digest draft` as a user runs it, on the bundled samples.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;

const DATE: &str = "2022-09-05T08:00:00+02:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn draft(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut all = vec!["draft"];
    all.extend_from_slice(args);
    common::run_with_stdin(&all, stdin)
}

fn json(args: &[&str], stdin: Option<&[u8]>) -> (Value, Output) {
    let mut all = vec!["--format", "json", "--date", DATE];
    all.extend_from_slice(args);
    let out = draft(&all, stdin);
    (
        serde_json::from_slice(&out.stdout).expect("JSON output"),
        out,
    )
}

#[test]
fn sample_draft_matches_the_committed_golden_file() {
    let out = draft(
        &[
            "--mbox",
            "samples/threads",
            "--date",
            DATE,
            "samples/ids.txt",
        ],
        None,
    );
    common::assert_exit(&out, 0);
    let golden = std::fs::read_to_string(root().join("samples/draft.md")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), golden);
}

#[test]
fn json_entries_follow_the_contract() {
    let (value, out) = json(&["--mbox", "samples/threads", "samples/ids.txt"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(value["title"], "LKML News v6.0-rc4");
    let first = &value["entries"][0];
    assert_eq!(first["message_id"], "20220829071201.4242-1-ada@example.org");
    assert_eq!(first["author"], "Ada Lindqvist");
    assert_eq!(first["author_email"], "ada@example.org");
    assert_eq!(first["date"], "2022-08-29T07:12:01Z");
    assert_eq!(first["kind"], "patch");
    assert_eq!(
        (first["version"].as_u64(), first["patches"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(
        (first["messages"].as_u64(), first["participants"].as_u64()),
        (Some(6), Some(3))
    );
    assert_eq!(first["trailers"]["Reviewed-by"][0], "Søren Kjeldsen");
    assert_eq!(first["trailers"]["Acked-by"][0], "Andrew Morton");
    let kinds: Vec<&str> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["patch", "patch", "pull", "event", "release"]);
    assert_eq!(value["failed"], Value::Array(vec![]));
}

#[test]
fn an_unknown_id_is_listed_as_failed_and_the_rest_is_drafted() {
    let (value, out) = json(
        &[
            "--mbox",
            "samples/threads",
            "nobody@example.invalid",
            "samples/ids.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    assert_eq!(value["failed"][0]["input"], "nobody@example.invalid");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("nobody@example.invalid"))
            .count(),
        1
    );
}

#[test]
fn the_failure_is_a_comment_in_the_hugo_draft() {
    let out = draft(
        &[
            "--mbox",
            "samples/threads",
            "--date",
            DATE,
            "nobody@example.invalid",
            "samples/ids.txt",
        ],
        None,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("<!-- lkml-digest: not drafted: nobody@example.invalid: "),
        "{text}"
    );
}

#[test]
fn ids_are_read_from_a_pipe() {
    let (value, out) = json(
        &["--mbox", "samples/threads"],
        Some(b"Link: https://lore.kernel.org/r/20220901020327.77131-1-kai.tanaka@example.com\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(value["entries"][0]["author"], "Kai Tanaka");
}

#[test]
fn no_ids_at_all_is_a_usage_error() {
    let out = draft(
        &["--mbox", "samples/threads"],
        Some(b"nothing to see here\n"),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no message IDs in the input"), "{stderr}");
}

#[test]
fn a_missing_mbox_is_named_and_the_rest_is_drafted() {
    let (value, out) = json(
        &[
            "--mbox",
            "samples/nope.mbox",
            "--mbox",
            "samples/threads",
            "samples/ids.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    assert_eq!(value["failed"][0]["input"], "samples/nope.mbox");
}

fn mbox_with_subject(dir: &Path, subject: &str) -> PathBuf {
    let path = dir.join("hostile.mbox");
    let mail = format!(
        "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Eve <eve@example.org>\nSubject: {subject}\nDate: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <evil@example.org>\n\nA body with <b>tags</b> and _underscores_.\n"
    );
    std::fs::write(&path, mail).unwrap();
    path
}

#[test]
fn html_escapes_what_it_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = mbox_with_subject(dir.path(), "[PATCH] <script>alert(1)</script>");
    let out = draft(
        &[
            "--format",
            "html",
            "--mbox",
            mbox.to_str().unwrap(),
            "evil@example.org",
        ],
        None,
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&#60;script&#62;") || html.contains("&lt;script&gt;"),
        "{html}"
    );
}

#[test]
fn markdown_keeps_hostile_subjects_inert() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = mbox_with_subject(
        dir.path(),
        "[PATCH] <img src=x> [x](javascript:alert) {{< sc >}} _em_",
    );
    let out = draft(
        &[
            "--format",
            "markdown",
            "--mbox",
            mbox.to_str().unwrap(),
            "evil@example.org",
        ],
        None,
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let heading = md.lines().next().unwrap();
    assert_eq!(
        heading,
        r"[PATCH] \<img src=x> [x]\(javascript:alert) {\{\< sc >}} \_em\_ (Eve)"
    );
}

#[test]
fn text_and_markdown_formats_have_no_front_matter() {
    for format in ["text", "markdown"] {
        let out = draft(
            &[
                "--format",
                format,
                "--mbox",
                "samples/threads",
                "--date",
                DATE,
                "samples/ids.txt",
            ],
            None,
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.starts_with("---"), "{format}");
        assert!(text.contains("Linux 6.0-rc4 (Linus Torvalds)"), "{format}");
    }
}

#[test]
fn a_reply_before_its_parent_in_the_mbox_still_joins_the_thread() {
    let mail = |id: &str, parent: Option<&str>, subject: &str| {
        let reply = parent
            .map(|p| format!("In-Reply-To: <{p}>\nReferences: <{p}>\n"))
            .unwrap_or_default();
        format!(
            "From: Jane Doe <jane@example.org>\nSubject: {subject}\n\
             Date: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <{id}>\n{reply}\nText of {id}.\n"
        )
        .into_bytes()
    };
    // The grandchild names only its parent, and comes first.
    let mails = [
        mail("grandchild@x", Some("child@x"), "Re: [PATCH] mm: a fix"),
        mail("other@x", None, "[PATCH] net: another thread"),
        mail("child@x", Some("root@x"), "Re: [PATCH] mm: a fix"),
        mail("root@x", None, "[PATCH] mm: a fix"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out-of-order.mbox");
    std::fs::write(
        &path,
        lkml_digest::fetch::mbox::write_mboxrd(mails.iter().map(Vec::as_slice)),
    )
    .unwrap();
    let (value, out) = json(&["--mbox", path.to_str().unwrap(), "root@x"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(value["entries"][0]["messages"], 3, "{value}");
}

#[test]
fn repairs_to_a_summary_are_said_in_json_and_by_verbose() {
    let (value, out) = common::draft_json(
        &["--mbox", "samples/threads", "samples/ids.txt", "-v"],
        None,
    );
    common::assert_exit(&out, 0);
    let topic = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "event" || e["kind"] == "topic")
        .unwrap();
    // "every tiering policy we have treats it": the author's aside goes.
    assert_eq!(topic["repairs"][0], "dropped a clause in the first person");
    assert!(!topic["summary"].as_str().unwrap().contains(" we "));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.lines().any(|l| l.ends_with(
            "b7d1c0de-1111-4e2f-9abc-7f00ba11cafe@example.net: summary repaired: dropped a clause in the first person"
        )),
        "{stderr}"
    );
    // An entry that needed nothing says nothing.
    let pull = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "pull")
        .unwrap();
    assert!(pull.get("repairs").is_none());
}

#[test]
fn a_missing_input_file_is_named_as_such() {
    let out = draft(&["--mbox", "samples/threads", "samples/ids.txtt"], None);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("samples/ids.txtt: no such file"),
        "{stderr}"
    );
}

#[test]
fn a_draft_whose_every_input_failed_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    let out = draft(
        &[
            "--mbox",
            "samples/threads",
            "-o",
            post.to_str().unwrap(),
            "nobody@example.invalid",
        ],
        None,
    );
    common::assert_exit(&out, 2);
    assert!(!post.exists(), "a post was written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no post written"), "{stderr}");
}

#[test]
fn fetch_leaves_no_file_when_no_thread_was_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("out.mbox");
    let out = common::run_with_stdin(
        &[
            "fetch",
            "--mbox",
            "samples/threads",
            "-o",
            mbox.to_str().unwrap(),
            "nobody@example.invalid",
        ],
        None,
    );
    common::assert_exit(&out, 2);
    assert!(!mbox.exists(), "fetch left a file behind");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Standard error of a draft of one ID from `lore`, which cannot be
/// reached, after it exited 2 with the way out named.
fn draft_from_unreachable(lore: &str) -> String {
    let cache = tempfile::tempdir().unwrap();
    let out = draft(
        &[
            "--lore",
            lore,
            "--cache-dir",
            cache.path().to_str().unwrap(),
            "--retries",
            "0",
            "a@example.org",
        ],
        None,
    );
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        stderr.contains("--mbox reads local mail, --offline the cache, --lore URL a mirror"),
        "{stderr}"
    );
    stderr
}

#[test]
fn a_refused_connection_is_named_with_the_way_out() {
    // Port 1 on the loopback: nothing listens, the kernel refuses at once.
    let stderr = draft_from_unreachable("http://127.0.0.1:1");
    assert!(
        stderr.contains("127.0.0.1 refused the connection"),
        "{stderr}"
    );
}

#[test]
fn a_name_that_does_not_resolve_is_named_with_the_way_out() {
    // `.invalid` never resolves (RFC 6761), with or without a network.
    let stderr = draft_from_unreachable("http://lore.invalid");
    assert!(
        stderr.contains("the name lore.invalid did not resolve"),
        "{stderr}"
    );
}

#[test]
fn output_to_a_device_is_written_through_it() {
    let out = draft(
        &[
            "--mbox",
            "samples/threads",
            "-o",
            "/dev/stdout",
            "samples/ids.txt",
        ],
        None,
    );
    common::assert_exit(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("LKML News v6.0-rc4"));
}
