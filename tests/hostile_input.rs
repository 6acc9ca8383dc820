//! A catalogue of bad input, each with what must come of it: a one-line
//! error naming the input, or safe output, and nothing else lost. Every
//! case drafts a good mail beside the bad one, which must survive.

mod common;

use std::process::Output;

use serde_json::Value;

const GOOD_ID: &str = "good@example.org";

fn good_mail() -> Vec<u8> {
    b"From: Good Sender <good@example.org>\nSubject: [PATCH] mm: a good patch\n\
      Date: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <good@example.org>\n\n\
      This patch makes reclaim skip pages under writeback.\n"
        .to_vec()
}

/// Writes `mails` (raw, each a whole mail) and the good mail as an mboxrd.
fn mbox_with(dir: &std::path::Path, mails: &[Vec<u8>]) -> std::path::PathBuf {
    let path = dir.join("hostile.mbox");
    let mut all: Vec<&[u8]> = mails.iter().map(Vec::as_slice).collect();
    let good = good_mail();
    all.push(&good);
    std::fs::write(&path, lkml_digest::fetch::mbox::write_mboxrd(all)).unwrap();
    path
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run_with_stdin(args, stdin)
}

/// Drafts `ids` (and the good ID) from `mails` as JSON; asserts the good
/// entry is there and that stderr lines are single lines naming something.
fn draft(mails: &[Vec<u8>], ids: &[&str], format: &str) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let mbox = mbox_with(dir.path(), mails);
    let mut args = vec![
        "draft",
        "--format",
        format,
        "--date",
        "2022-09-05",
        "--mbox",
        mbox.to_str().unwrap(),
        GOOD_ID,
    ];
    args.extend_from_slice(ids);
    let out = run(&args, None);
    let stdout = String::from_utf8(out.stdout.clone()).expect("output is UTF-8");
    assert!(
        stdout.contains("a good patch"),
        "the good mail was lost: {stdout}"
    );
    (out, stdout)
}

fn json_entries(mails: &[Vec<u8>], ids: &[&str]) -> (Output, Vec<Value>) {
    let (out, stdout) = draft(mails, ids, "json");
    let value: Value = serde_json::from_str(&stdout).unwrap();
    (out, value["entries"].as_array().unwrap().clone())
}

fn mail(headers: &str, body: &str) -> Vec<u8> {
    format!("{headers}\n\n{body}").into_bytes()
}

#[test]
fn a_mail_without_message_id_is_skipped_with_one_warning() {
    let (out, entries) = json_entries(&[mail("Subject: lost\nFrom: a@b", "text")], &[]);
    common::assert_exit(&out, 0);
    assert_eq!(entries.len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped 1 mail without a usable Message-ID"),
        "{stderr}"
    );
}

#[test]
fn mails_without_from_date_or_subject_still_make_entries() {
    let mails = [
        mail(
            "Message-ID: <nofrom@x>\nSubject: [PATCH] no sender\nDate: Thu, 1 Sep 2022 10:00:00 +0000",
            "Body.",
        ),
        mail(
            "Message-ID: <nodate@x>\nFrom: A <a@x>\nSubject: [PATCH] no date",
            "Body.",
        ),
        mail(
            "Message-ID: <nosubject@x>\nFrom: A <a@x>\nDate: Thu, 1 Sep 2022 10:00:00 +0000",
            "Body.",
        ),
    ];
    let (out, entries) = json_entries(&mails, &["nofrom@x", "nodate@x", "nosubject@x"]);
    common::assert_exit(&out, 0);
    assert_eq!(entries.len(), 4);
    let by_id = |id: &str| {
        entries
            .iter()
            .find(|e| e["message_id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(by_id("nofrom@x")["author"], "unknown");
    assert_eq!(by_id("nodate@x")["date"], "");
    assert_eq!(by_id("nosubject@x")["subject"], "");
}

#[test]
fn a_broken_mime_boundary_still_gives_the_text() {
    let broken = mail(
        "Message-ID: <mime@x>\nFrom: A <a@x>\nSubject: broken mime\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"nowhere\"",
        "--elsewhere\nContent-Type: text/plain\n\nThe text survives a wrong boundary.\n",
    );
    let (out, entries) = json_entries(&[broken], &["mime@x"]);
    common::assert_exit(&out, 0);
    assert_eq!(entries.len(), 2);
}

#[test]
fn unknown_charsets_and_raw_8bit_headers_become_text() {
    let mut latin1 =
        b"Message-ID: <latin1@x>\nFrom: Ren\xe9 <r@x>\nSubject: caf\xe9 \xff\n\n".to_vec();
    latin1.extend_from_slice(b"Text.\n");
    let unknown = mail(
        "Message-ID: <charset@x>\nFrom: A <a@x>\nSubject: =?x-unknown-9?Q?caf=E9?=\n\
         Content-Type: text/plain; charset=x-unknown-9",
        "caf\u{e9} body",
    );
    let (out, entries) = json_entries(&[latin1, unknown], &["latin1@x", "charset@x"]);
    common::assert_exit(&out, 0);
    assert_eq!(entries.len(), 3);
}

#[test]
fn nul_bytes_and_escape_sequences_do_not_reach_the_output() {
    let nul = b"Message-ID: <nul@x>\nFrom: A\0B <a@x>\nSubject: n\0ul \x1b[31mred\n\nbo\0dy \x1b[2J text.\n"
        .to_vec();
    for format in ["markdown", "text", "json"] {
        let (out, stdout) = draft(std::slice::from_ref(&nul), &["nul@x"], format);
        common::assert_exit(&out, 0);
        assert!(!stdout.contains(['\0', '\x1b']), "{format}: {stdout:?}");
    }
}

#[test]
fn a_20_mb_line_gives_a_bounded_summary() {
    let line = "word ".repeat(4 << 20);
    let huge = mail(
        "Message-ID: <huge@x>\nFrom: A <a@x>\nSubject: a long line",
        &line,
    );
    let (out, entries) = json_entries(&[huge], &["huge@x"]);
    common::assert_exit(&out, 0);
    let summary = entries
        .iter()
        .find(|e| e["message_id"] == "huge@x")
        .unwrap()["summary"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        summary.split_whitespace().count() <= 60,
        "{} words",
        summary.len()
    );
}

#[test]
fn multipart_nested_1000_deep_does_not_overflow() {
    let mut body = String::from("The innermost text.\n");
    for depth in 0..1000 {
        body = format!(
            "--b{depth}\nContent-Type: multipart/mixed; boundary=\"b{}\"\n\n{body}\n--b{depth}--\n",
            depth + 1
        );
    }
    let deep = mail(
        "Message-ID: <deep@x>\nFrom: A <a@x>\nSubject: deep\nMIME-Version: 1.0\n\
         Content-Type: multipart/mixed; boundary=\"b0\"",
        &body,
    );
    let (out, _) = json_entries(&[deep], &["deep@x"]);
    common::assert_exit(&out, 0);
}

#[test]
fn a_thread_of_20000_messages_is_one_entry() {
    let mut mails = vec![mail(
        "Message-ID: <root@x>\nFrom: A <a@x>\nSubject: [RFC] a big thread\nDate: Thu, 1 Sep 2022 10:00:00 +0000",
        "Let us discuss.",
    )];
    for i in 1..20_000 {
        let parent = if i == 1 {
            "root@x".to_string()
        } else {
            format!("r{}@x", i / 2)
        };
        mails.push(mail(
            &format!(
                "Message-ID: <r{i}@x>\nIn-Reply-To: <{parent}>\nReferences: <root@x> <{parent}>\n\
                 From: P{} <p{}@x>\nSubject: Re: [RFC] a big thread\nDate: Thu, 1 Sep 2022 11:00:00 +0000",
                i % 300,
                i % 300
            ),
            "> quoted\n\nReviewed-by: Someone <s@x>\n",
        ));
    }
    let (out, entries) = json_entries(&mails, &["r12345@x"]);
    common::assert_exit(&out, 0);
    let big = entries
        .iter()
        .find(|e| e["message_id"] == "r12345@x")
        .unwrap();
    assert_eq!(big["messages"], 20_000);
}

#[test]
fn an_unquoted_from_line_in_a_body_does_not_split_the_mail() {
    let body = "First paragraph.\n\nFrom the start this was wrong, as said.\n\nLast.\n";
    let raw = format!(
        "From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <from@x>\nFrom: A <a@x>\nSubject: s\n\n{body}\n"
    );
    let messages = lkml_digest::fetch::mbox::split(raw.as_bytes());
    assert_eq!(messages.len(), 1);
    assert!(String::from_utf8_lossy(&messages[0]).contains("From the start"));
}

#[test]
fn a_crlf_mbox_reads_like_an_lf_one() {
    let dir = tempfile::tempdir().unwrap();
    let lf = mbox_with(dir.path(), &[]);
    let crlf = dir.path().join("crlf.mbox");
    let text = std::fs::read_to_string(&lf).unwrap().replace('\n', "\r\n");
    std::fs::write(&crlf, text).unwrap();
    let out = run(
        &[
            "draft",
            "--format",
            "json",
            "--mbox",
            crlf.to_str().unwrap(),
            GOOD_ID,
        ],
        None,
    );
    common::assert_exit(&out, 0);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        value["entries"][0]["summary"],
        "This patch makes reclaim skip pages under writeback."
    );
}

#[test]
fn ids_with_path_and_url_syntax_stay_one_path_segment() {
    for id in ["../../etc/passwd@x", "a?b=c@x", "a#frag@x", "a%2F..%2Fb@x"] {
        let escaped = lkml_digest::input::escape_id(id);
        assert!(!escaped.contains(['/', '?', '#']), "{id} -> {escaped}");
        let url =
            reqwest::Url::parse(&format!("http://127.0.0.1/all/{escaped}/t.mbox.gz")).unwrap();
        assert_eq!(url.path_segments().unwrap().count(), 3, "{id} -> {url}");
    }
}

#[test]
fn ids_with_spaces_or_line_breaks_are_not_ids() {
    let extracted = lkml_digest::input::extract("<a b@x>\n<a\r\nX-Injected: 1@x>\n");
    assert!(
        extracted
            .ids
            .iter()
            .all(|id| !id.contains([' ', '\r', '\n'])),
        "{:?}",
        extracted.ids
    );
    assert!(
        !extracted.ids.iter().any(|id| id.contains("Injected")),
        "{:?}",
        extracted.ids
    );
}

/// Found by fuzzing `input_extract`: a line `<<ID:@…` gave the ID `ID:@…`,
/// which normalising again strips to nothing.
#[test]
fn every_extracted_id_is_one_that_normalising_keeps() {
    let input = "290a0a3c3c1f000a0a3c3c49443a40342425303b3b3b3b3b3b3b3b3b3b3b3b3b3b\
        dbdbdbdbdbdbdbdbdbdbdbdbdbdbdbcadadac4c4c4c43b3b3b3b3b3b0a492c40dc0a49dc0acf32\
        dc797979797575757900000000000a0000000025000000007979070079";
    let bytes: Vec<u8> = (0..input.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&input[i..i + 2], 16).unwrap())
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    for id in lkml_digest::input::extract(&text).ids {
        assert!(lkml_digest::input::is_valid_id(&id), "{id:?}");
        assert_eq!(lkml_digest::input::normalize(&id).as_deref(), Some(&*id));
    }
    for text in [
        "<<id:id:a@b>>",
        "ID:ID:@x",
        "mid:<id:a@b>",
        "%3Cid%3Aa%40b%3E",
    ] {
        for id in lkml_digest::input::extract(text).ids {
            assert_eq!(
                lkml_digest::input::normalize(&id).as_deref(),
                Some(&*id),
                "{text}"
            );
        }
    }
}

#[test]
fn hostile_subjects_are_inert_in_every_format() {
    let subject =
        "<script>alert(1)</script> [x](javascript:alert(1)) {{< shortcode >}} {% raw %} `code`";
    let hostile = mail(
        &format!("Message-ID: <xss@x>\nFrom: A <a@x>\nSubject: {subject}"),
        "<img src=x onerror=alert(1)> body.",
    );
    // HTML escapes markup; Markdown escapes what would be markup (`\<` is
    // a literal `<`). Text and JSON carry the characters as data.
    for format in ["html", "markdown", "hugo"] {
        let (out, stdout) = draft(std::slice::from_ref(&hostile), &["xss@x"], format);
        common::assert_exit(&out, 0);
        let live = stdout.replace("\\<", "");
        assert!(!live.contains("<script>"), "{format}: {stdout}");
        assert!(!live.contains("<img"), "{format}: {stdout}");
        if format != "html" {
            // In HTML these are plain text; in Markdown a link and a shortcode.
            assert!(!stdout.contains("](javascript:"), "{format}: {stdout}");
            assert!(!stdout.contains("{{<"), "{format}: {stdout}");
        }
    }
    for format in ["text", "json"] {
        let (out, _) = draft(std::slice::from_ref(&hostile), &["xss@x"], format);
        common::assert_exit(&out, 0);
    }
}

#[test]
fn ten_thousand_pasted_ids_fail_one_line_each_and_the_rest_is_drafted() {
    let pasted: String = (0..10_000)
        .map(|i| format!("missing{i}@example.org\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mbox = mbox_with(dir.path(), &[]);
    let input = format!("{GOOD_ID}\n{pasted}");
    let out = run(
        &[
            "draft",
            "--format",
            "json",
            "--mbox",
            mbox.to_str().unwrap(),
            "-",
        ],
        Some(input.as_bytes()),
    );
    common::assert_exit(&out, 1);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["entries"].as_array().unwrap().len(), 1);
    assert_eq!(value["failed"].as_array().unwrap().len(), 10_000);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 10_000);
}

#[test]
fn binary_garbage_on_stdin_is_a_usage_error() {
    let garbage: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = run(&["draft", "--mbox", "samples/threads", "-"], Some(&garbage));
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .contains("no message IDs in the input"),
        "{stderr}"
    );
    assert!(stderr.lines().count() <= 22, "{stderr}");
}
