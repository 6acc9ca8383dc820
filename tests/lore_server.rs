//! `lkml-digest` against the real public-inbox server that `.ci/run`
//! starts (scripts/local-lore.sh) with the samples as inbox `samples`, and
//! against a small in-process server for faults a real one will not make.
//! The public-inbox tests are skipped with a notice without
//! `LKML_DIGEST_TEST_LORE`; `.ci/run` sets it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Output;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

mod common;

use common::http::{self, gz, respond, thread_body};

fn lore(test: &str) -> Option<String> {
    match std::env::var("LKML_DIGEST_TEST_LORE") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            common::notice(&format!(
                "SKIPPED {test}: LKML_DIGEST_TEST_LORE is not set (see scripts/local-lore.sh)"
            ));
            None
        }
    }
}

fn run(args: &[&str], cache: &std::path::Path) -> Output {
    common::lkml_digest()
        .args(args)
        .env("LKML_DIGEST_CACHE_DIR", cache)
        .output()
        .unwrap()
}

fn draft_json(lore: &str, extra: &[&str], cache: &std::path::Path) -> (Value, Output) {
    common::draft_json(&[&["--lore", lore], extra].concat(), Some(cache))
}

/// The server's access log, one "METHOD PATH STATUS" line per request;
/// `None` where the test runner gave none. Tests run at once, so a test
/// reads only the lines that name its own inboxes or IDs.
fn access_log() -> Option<Vec<String>> {
    let path = std::env::var("LKML_DIGEST_TEST_LORE_LOG").ok()?;
    let log = std::fs::read_to_string(path).ok()?;
    Some(log.lines().map(str::to_string).collect())
}

/// The logged requests whose path holds any of `names`.
fn requests_naming(names: &[&str]) -> Option<Vec<String>> {
    Some(
        access_log()?
            .into_iter()
            .filter(|line| names.iter().any(|n| line.contains(n)))
            .collect(),
    )
}

/// `fetch --lore LORE EXTRA... -o FILE ID`, succeeding: its stderr and
/// the mbox it wrote.
fn fetch_to_file(lore: &str, extra: &[&str], id: &str) -> (String, Vec<u8>) {
    let cache = tempfile::tempdir().unwrap();
    let out_file = cache.path().join("out.mbox");
    let mut args = vec!["fetch", "--lore", lore, "-o", out_file.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(id);
    let out = run(&args, cache.path());
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (stderr, std::fs::read(&out_file).unwrap())
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn samples_are_drafted_from_the_real_server_like_from_the_mbox() {
    let Some(lore) = lore("samples_are_drafted_from_the_real_server") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(&lore, &["samples/ids.txt"], cache.path());
    common::assert_exit(&out, 0);
    let (local, _) = common::draft_json(
        &["--mbox", "samples/threads", "samples/ids.txt"],
        Some(cache.path()),
    );
    assert_eq!(value["entries"], local["entries"]);
    assert_eq!(value["entries"][0]["messages"], 6);
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn an_unknown_id_fails_alone_with_exit_status_1() {
    let Some(lore) = lore("an_unknown_id_fails_alone") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(
        &lore,
        &["nobody@example.invalid", "samples/ids.txt"],
        cache.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    assert_eq!(value["failed"][0]["input"], "nobody@example.invalid");
    assert_eq!(value["failed"][0]["error"], "not found on lore");
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_cut_short_id_is_offered_its_partial_match_and_not_fetched() {
    let Some(lore) = lore("a_cut_short_id_is_offered_its_partial_match") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let cut = "20220901020327.77131-1-kai.tanaka@example";
    let (value, out) = draft_json(
        &lore,
        &["--list", "samples", cut, "samples/ids.txt"],
        cache.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    assert_eq!(value["failed"][0]["input"], cut);
    assert_eq!(
        value["failed"][0]["error"],
        "not found on lore; did you mean <20220901020327.77131-1-kai.tanaka@example.com>?"
    );
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_list_without_the_message_falls_back_to_where_it_lives() {
    let Some(lore) = lore("a_list_without_the_message_falls_back") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(&lore, &["--list", "other", "samples/ids.txt"], cache.path());
    common::assert_exit(&out, 0);
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_message_missing_from_the_list_comes_from_the_inbox_its_300_page_names() {
    let Some(lore) = lore("a_message_missing_from_the_list_comes_from_the_inbox") else {
        return;
    };
    // The samples are not in inbox `fixtures`; its page for one says so
    // with status 300 and a link to inbox `samples`.
    let (stderr, mbox) = fetch_to_file(
        &lore,
        &["-v", "--list", "fixtures"],
        "20220829071201.4242-3-ada@example.org",
    );
    assert!(
        stderr.contains("not in fixtures, fetching it from")
            && stderr.contains("/samples/20220829071201.4242-3-ada@example.org/"),
        "{stderr}"
    );
    assert_eq!(lkml_digest::fetch::mbox::split(&mbox).len(), 6);
}

/// The thread in tests/fixtures/cross-posted went to two lists; inbox
/// `alpha` and inbox `beta` each hold a copy of all three mails.
const CROSS_POSTED: &str = "YxW0aQ3bR9zK2mNp@example.com";

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn copies_of_a_cross_posted_thread_count_once() {
    let Some(lore) = lore("copies_of_a_cross_posted_thread_count_once") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(&lore, &[CROSS_POSTED], cache.path());
    common::assert_exit(&out, 0);
    let entry = &value["entries"][0];
    assert_eq!(entry["messages"], 3);
    assert_eq!(entry["participants"], 2);
    assert_eq!(
        entry["trailers"]["Reviewed-by"],
        serde_json::json!(["Otto Brandt"])
    );
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn fetch_keeps_the_copy_from_the_asked_list() {
    let Some(lore) = lore("fetch_keeps_the_copy_from_the_asked_list") else {
        return;
    };
    // There is no inbox `linux-beta`, so the thread comes from `/all/` with
    // both copies of each mail; the List-Id picks beta's.
    let (_, mbox) = fetch_to_file(&lore, &["--list", "linux-beta"], CROSS_POSTED);
    let mbox = String::from_utf8(mbox).unwrap();
    assert_eq!(mbox.matches("\nMessage-ID: ").count(), 3, "{mbox}");
    assert_eq!(
        mbox.matches("List-Id: <linux-beta.lists.example.org>")
            .count(),
        3,
        "{mbox}"
    );
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn an_id_with_slash_plus_and_equals_is_fetched() {
    let Some(lore) = lore("an_id_with_slash_plus_and_equals") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(&lore, &["weird/id+x=y@example.org"], cache.path());
    common::assert_exit(&out, 0);
    assert_eq!(
        value["entries"][0]["message_id"],
        "weird/id+x=y@example.org"
    );
    assert_eq!(
        value["entries"][0]["link"],
        "https://lkml.kernel.org/r/weird%2Fid+x=y@example.org"
    );
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_warm_cache_makes_no_request() {
    let Some(lore) = lore("a_warm_cache_makes_no_request") else {
        return;
    };
    // No other test asks inbox `listed-net` for the samples (which it
    // lacks, so the first run also meets the fallbacks).
    let args = ["--list", "listed-net", "samples/ids.txt"];
    let paths = [
        "/listed-net/2022082",
        "/listed-net/2022090",
        "/listed-net/5c2e",
        "/listed-net/CAHk",
        "/listed-net/b7d1",
    ];
    let cache = tempfile::tempdir().unwrap();
    let (_, first) = draft_json(&lore, &args, cache.path());
    assert_eq!(first.status.code(), Some(0));
    let before = requests_naming(&paths);
    let (value, second) = draft_json(&lore, &args, cache.path());
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("(5 from the cache, 0 requests)"),
        "{stderr}"
    );
    if let Some(before) = before {
        assert!(!before.is_empty(), "the first run left no trace in the log");
        let after = requests_naming(&paths).unwrap();
        assert_eq!(before, after, "the warm run reached the server");
    }
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn fetch_writes_the_threads_as_one_mboxrd() {
    let Some(lore) = lore("fetch_writes_the_threads") else {
        return;
    };
    let (_, mbox) = fetch_to_file(&lore, &[], "20220829071201.4242-3-ada@example.org");
    assert_eq!(lkml_digest::fetch::mbox::split(&mbox).len(), 6);
}

// ---- Faults from an in-process server -------------------------------------
//
// Each test asks for two IDs: `a@example.org`, which meets the fault, and
// `b@example.org`, which is always served well and must never be lost.

/// What the fault server does with the nth request (0-based) for `a`.
type Script = dyn Fn(usize, &mut TcpStream) + Send + Sync;

/// Requests for `a@example.org` are answered by `script`, others with a
/// good thread of the ID they ask. Returns the URL and the count of
/// requests for `a`.
fn fault_server(script: Arc<Script>) -> (String, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    let (url, _) = http::serve(Arc::new(move |request, stream| {
        if request.path.contains("/a@example.org/") {
            script(counter.fetch_add(1, Ordering::SeqCst), stream);
        } else {
            let id = request.id().unwrap_or_default();
            respond(stream, "200 OK", "", &thread_body(&id));
        }
    }));
    (url, count)
}

/// Drafts `a` and `b` from the fault server; `b` must always be there.
fn fault_draft(url: &str, extra: &[&str]) -> (Value, Output) {
    let cache = tempfile::tempdir().unwrap();
    let mut args = vec!["--refresh"];
    args.extend_from_slice(extra);
    args.extend(["a@example.org", "b@example.org"]);
    let (value, out) = draft_json(url, &args, cache.path());
    let entries = value["entries"].as_array().unwrap();
    assert!(
        entries.iter().any(|e| e["message_id"] == "b@example.org"),
        "the healthy ID was lost: {value}"
    );
    (value, out)
}

/// The one-line error the draft gives for `a`.
fn error_for_a(value: &Value) -> &str {
    assert_eq!(value["failed"][0]["input"], "a@example.org", "{value}");
    let error = value["failed"][0]["error"].as_str().unwrap();
    assert!(!error.contains('\n'), "{error}");
    error
}

/// Headers and a few bytes of a body that then stalls for `stall`.
fn slow_body(s: &mut TcpStream, stall: Duration) {
    let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial");
    std::thread::sleep(stall);
}

#[test]
fn fault_503_twice_then_200_is_retried() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut TcpStream| {
        if n < 2 {
            respond(s, "503 Service Unavailable", "Retry-After: 0\r\n", b"busy");
        } else {
            respond(s, "200 OK", "", &thread_body("a@example.org"));
        }
    }));
    let (value, out) = fault_draft(&url, &[]);
    common::assert_exit(&out, 0);
    assert_eq!(value["entries"][0]["author"], "Jane Doe");
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn fault_429_honours_retry_after() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut TcpStream| {
        if n == 0 {
            respond(
                s,
                "429 Too Many Requests",
                "Retry-After: 1\r\n",
                b"slow down",
            );
        } else {
            respond(s, "200 OK", "", &thread_body("a@example.org"));
        }
    }));
    let started = std::time::Instant::now();
    let (_, out) = fault_draft(&url, &[]);
    common::assert_exit(&out, 0);
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was not honoured"
    );
}

#[test]
fn fault_reset_mid_body_is_retried() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut TcpStream| {
        if n == 0 {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial");
            let _ = s.shutdown(std::net::Shutdown::Both);
        } else {
            respond(s, "200 OK", "", &thread_body("a@example.org"));
        }
    }));
    let (_, out) = fault_draft(&url, &[]);
    common::assert_exit(&out, 0);
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn fault_slow_body_past_the_timeout_is_retried() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut TcpStream| {
        if n == 0 {
            slow_body(s, Duration::from_secs(4));
        } else {
            respond(s, "200 OK", "", &thread_body("a@example.org"));
        }
    }));
    let (_, out) = fault_draft(&url, &["--timeout", "1s"]);
    common::assert_exit(&out, 0);
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn fault_slow_body_every_time_is_a_one_line_error() {
    let (url, count) = fault_server(Arc::new(|_, s: &mut TcpStream| {
        slow_body(s, Duration::from_secs(4));
    }));
    let (value, out) = fault_draft(&url, &["--timeout", "1s", "--retries", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let error = error_for_a(&value);
    assert!(
        error.starts_with("127.0.0.1 did not answer in time; --mbox reads local mail, --offline"),
        "{error}"
    );
    assert!(error.ends_with("(gave up after 2 tries)"), "{error}");
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[test]
fn fault_truncated_gzip_is_a_one_line_error() {
    let (url, _) = fault_server(Arc::new(|_, s: &mut TcpStream| {
        let body = thread_body("a@example.org");
        respond(s, "200 OK", "", &body[..body.len() - 8]);
    }));
    let (value, out) = fault_draft(&url, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(error_for_a(&value).contains("gzip"), "{value}");
}

#[test]
fn fault_gzip_bomb_is_refused() {
    // 9 MiB of zeros packs into a few KiB; with 1 MiB compressed allowed,
    // 8 MiB unpacked is the cap.
    let bomb = Arc::new(gz(&vec![0u8; 9 << 20]));
    let (url, _) = fault_server(Arc::new(move |_, s: &mut TcpStream| {
        respond(s, "200 OK", "", &bomb);
    }));
    let (value, out) = fault_draft(&url, &["--max-thread-size", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let error = error_for_a(&value);
    assert!(error.contains("larger than 8 MiB unpacked"), "{error}");
}

#[test]
fn fault_huge_content_length_is_refused_before_reading() {
    let (url, _) = fault_server(Arc::new(|_, s: &mut TcpStream| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n");
        std::thread::sleep(Duration::from_millis(200));
    }));
    let (value, out) = fault_draft(&url, &[]);
    assert_eq!(out.status.code(), Some(1));
    let error = error_for_a(&value);
    assert!(error.contains("larger than 64 MiB"), "{error}");
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn progress_on_a_pipe_is_a_line_per_quarter() {
    let Some(lore) = lore("progress_on_a_pipe_is_a_line_per_quarter") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let ids: Vec<String> = std::fs::read_dir("samples/threads")
        .unwrap()
        .flat_map(|f| {
            let mbox = std::fs::read(f.unwrap().path()).unwrap();
            lkml_digest::fetch::mbox::split(&mbox)
                .into_iter()
                .map(|m| lkml_digest::parse::message::Message::parse(&m).unwrap().id)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(ids.len() >= 8, "{ids:?}");
    let mut args = vec!["fetch", "--lore", &lore];
    args.extend(ids.iter().map(String::as_str));
    let out = run(&args, cache.path());
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[..3]
            .iter()
            .all(|l| l.starts_with("lkml-digest: fetching "))
    );
}

// ---- The week from lore ------------------------------------------------------

/// `week` from lore and from the same mail as an mbox, as JSON.
fn week_both_ways(lore: &str, list: &str, mbox: &str, window: [&str; 2]) -> (Value, Value) {
    let cache = tempfile::tempdir().unwrap();
    let common_args = [
        "week",
        "--since",
        window[0],
        "--until",
        window[1],
        "--top",
        "10",
        "--date",
        "2022-09-05",
        "--format",
        "json",
    ];
    let mut args = common_args.to_vec();
    args.extend(["-v", "--lore", lore, "--list", list]);
    let from_lore = run(&args, cache.path());
    common::assert_exit(&from_lore, 0);
    let mut args = common_args.to_vec();
    args.extend(["--mbox", mbox]);
    let from_mbox = run(&args, cache.path());
    common::assert_exit(&from_mbox, 0);
    (
        serde_json::from_slice(&from_lore.stdout).unwrap(),
        serde_json::from_slice(&from_mbox.stdout).unwrap(),
    )
}

/// The IDs of the entries that are not release announcements.
fn ranked_entry_ids(draft: &Value) -> Vec<String> {
    draft["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] != "release")
        .map(|e| e["message_id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn week_from_lore_drafts_the_samples_like_the_mbox() {
    let Some(lore) = lore("week_from_lore_drafts_the_samples_like_the_mbox") else {
        return;
    };
    let (from_lore, from_mbox) = week_both_ways(
        &lore,
        "samples",
        "samples/threads",
        ["2022-08-28", "2022-09-06"],
    );
    assert_eq!(from_lore["entries"], from_mbox["entries"]);
    assert_eq!(from_lore["title"], "LKML News v6.0-rc4");
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn week_from_lore_ranks_the_same_top_10_as_the_mbox() {
    let Some(lore) = lore("week_from_lore_ranks_the_same_top_10") else {
        return;
    };
    let Some(corpus) = common::corpus("week_from_lore_ranks_the_same_top_10") else {
        return;
    };
    let mbox = corpus.join("weeks/lkml_news_v6.0-rc4.mbox");
    let (from_lore, from_mbox) = week_both_ways(
        &lore,
        "week",
        mbox.to_str().unwrap(),
        ["2022-08-28T15:15:04+00:00", "2022-09-06T15:15:04+00:00"],
    );
    // From lore, the samples' Linux 6.0-rc4 announcement on another inbox
    // joins the draft as well; the mbox has no announcement.
    let top = ranked_entry_ids(&from_mbox);
    assert_eq!(top.len(), 10);
    assert_eq!(ranked_entry_ids(&from_lore), top);
    assert_eq!(from_lore["title"], "LKML News v6.0-rc4");
}

/// `week` over the two inboxes of tests/fixtures/two-lists, with `cache`,
/// by their listings (`--no-bulk`).
fn week_of_two_lists(lore: &str, cache: &std::path::Path) -> (Value, String) {
    let out = run(
        &[
            "week",
            "-v",
            "--no-bulk",
            "--lore",
            lore,
            "--list",
            "listed-mm",
            "--list",
            "listed-net",
            "--since",
            "2022-09-12",
            "--until",
            "2022-09-19",
            "--format",
            "json",
        ],
        cache,
    );
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

/// The threads of tests/fixtures/two-lists: one in each inbox, and one
/// cross-posted to both.
const IN_MM: &str = "20220913070411.5501-1-mirela.sandu@example.org";
const IN_NET: &str = "20220914143107.3310-1-pavel.horak@example.cz";
const IN_BOTH: &str = "20220915122230.771-1-inga.berg@example.net";

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_week_of_two_lists_fetches_each_thread_whole_with_one_request() {
    let Some(lore) = lore("a_week_of_two_lists_fetches_each_thread_whole") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, stderr) = week_of_two_lists(&lore, cache.path());
    let entries = value["entries"].as_array().unwrap();
    let messages = |id: &str| {
        entries
            .iter()
            .find(|e| e["message_id"] == id)
            .unwrap_or_else(|| panic!("{id} is not drafted: {value}"))["messages"]
            .clone()
    };
    assert_eq!(entries.len(), 3, "{value}");
    assert_eq!(messages(IN_MM), 4);
    assert_eq!(messages(IN_BOTH), 1);
    // One reply to the netdev patch went to linux-mm alone.
    assert_eq!(messages(IN_NET), 3);
    // Two listings, the announcements' and one request per thread.
    assert!(
        stderr.contains("(0 from the cache, 6 requests)"),
        "{stderr}"
    );
    let Some(asked) = requests_naming(&[IN_MM, IN_NET, IN_BOTH]) else {
        return;
    };
    let mut paths: Vec<&str> = asked.iter().filter_map(|l| l.split(' ').nth(1)).collect();
    paths.sort();
    let expected = [
        format!("/all/{IN_MM}/t.mbox.gz"),
        format!("/all/{IN_NET}/t.mbox.gz"),
        format!("/all/{IN_BOTH}/t.mbox.gz"),
    ];
    assert!(
        expected.iter().all(|path| paths.contains(&path.as_str())),
        "{asked:?}"
    );
    assert!(asked.iter().all(|line| line.ends_with(" 200")), "{asked:?}");
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_second_run_of_a_closed_week_sends_no_request() {
    let Some(lore) = lore("a_second_run_of_a_closed_week_sends_no_request") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (first, _) = week_of_two_lists(&lore, cache.path());
    let (second, stderr) = week_of_two_lists(&lore, cache.path());
    assert_eq!(first["entries"], second["entries"]);
    // The tool counts each request it sends; the access log is shared
    // with the tests running beside this one.
    assert!(
        stderr.contains("(3 from the cache, 0 requests)"),
        "{stderr}"
    );
    assert!(stderr.contains("in 3 pages (3 from the cache)"), "{stderr}");
}

/// `week` of the lists linux-mm and netdev, which the two inboxes of
/// tests/fixtures/two-lists hold: from lore (`lore`) with `cache`, or from
/// the fixtures' mbox files (`None`).
fn week_of_linux_mm_and_netdev(lore: Option<&str>, cache: &std::path::Path) -> (Value, String) {
    let mut args = vec![
        "week",
        "-v",
        "--list",
        "linux-mm",
        "--list",
        "netdev",
        "--since",
        "2022-09-12",
        "--until",
        "2022-09-19",
        "--format",
        "json",
    ];
    match lore {
        Some(lore) => args.extend(["--lore", lore]),
        None => args.extend(["--mbox", "tests/fixtures/two-lists"]),
    }
    let out = run(&args, cache);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_week_of_two_lists_is_one_search_and_drafts_what_the_mbox_drafts() {
    let Some(lore) = lore("a_week_of_two_lists_is_one_search") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (from_lore, stderr) = week_of_linux_mm_and_netdev(Some(&lore), cache.path());
    assert!(stderr.contains("the week's mail: 1 search,"), "{stderr}");
    assert!(stderr.contains(" mails (1 requests in all)"), "{stderr}");
    let (from_mbox, _) = week_of_linux_mm_and_netdev(None, cache.path());
    assert_eq!(from_lore["entries"], from_mbox["entries"]);
    assert_eq!(from_lore["entries"].as_array().unwrap().len(), 3);
    if let Some(asked) = requests_naming(&["x=m"]) {
        assert!(
            asked
                .iter()
                .all(|l| l.starts_with("POST /all/?") && l.ends_with(" 200")),
            "{asked:?}"
        );
    }
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_week_from_lore_closes_with_the_requests_it_sent() {
    let Some(lore) = lore("a_week_from_lore_closes_with_the_requests_it_sent") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (_, first) = week_of_linux_mm_and_netdev(Some(&lore), cache.path());
    let (_, second) = week_of_linux_mm_and_netdev(Some(&lore), cache.path());
    let closing = |stderr: &str| {
        stderr
            .lines()
            .find(|l| l.starts_with("lkml-digest: week 2022-09-12 00:00..2022-09-19 00:00: "))
            .map(str::to_string)
    };
    assert!(
        closing(&first).is_some_and(|l| l.contains(" 1 requests, 3 entries drafted")),
        "{first}"
    );
    assert!(
        closing(&second).is_some_and(|l| l.contains(" 0 requests, 3 entries drafted")),
        "{second}"
    );
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn a_second_run_of_a_closed_weeks_search_sends_no_request() {
    let Some(lore) = lore("a_second_run_of_a_closed_weeks_search") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (first, _) = week_of_linux_mm_and_netdev(Some(&lore), cache.path());
    let (second, stderr) = week_of_linux_mm_and_netdev(Some(&lore), cache.path());
    assert_eq!(first["entries"], second["entries"]);
    assert!(
        stderr.contains("mails (from the cache; 0 requests in all)"),
        "{stderr}"
    );
}

#[test]
fn a_server_that_refuses_the_search_is_listed_instead_and_says_why() {
    let (url, requests) = listing_server("2022-08-30 10:00", |_, query, _, stream| {
        let bulk = query.split('&').any(|pair| pair == "x=m");
        if bulk {
            respond(stream, "405 Method Not Allowed", "", b"");
        }
        bulk
    });
    let cache = tempfile::tempdir().unwrap();
    let out = week_of_one_and_two_as(&url, &[], ["2022-08-29", "2022-09-05"], cache.path());
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the week's mail as one search: lore answered 405 Method Not Allowed; listing the window instead"
        ),
        "{stderr}"
    );
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ranked_entry_ids(&value).len(), 2, "{value}");
    let methods: Vec<String> = requests
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.method.clone())
        .collect();
    assert_eq!(
        methods.iter().filter(|m| *m == "POST").count(),
        1,
        "{methods:?}"
    );
}

#[test]
fn bulk_false_in_the_config_file_lists_the_window() {
    let (url, requests) = listing_server("2022-08-30 10:00", |_, _, _, _| false);
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "bulk = false\n").unwrap();
    let out = week_of_one_and_two_as(
        &url,
        &["--config", config.to_str().unwrap()],
        ["2022-08-29", "2022-09-05"],
        dir.path(),
    );
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--no-bulk: listing the window"), "{stderr}");
    assert!(requests.lock().unwrap().iter().all(|r| r.method == "GET"));
}

#[test]
fn a_bot_wall_on_the_search_is_the_walls_error_and_nothing_is_cached() {
    let (url, _) = listing_server("2022-08-30 10:00", |_, query, _, stream| {
        let bulk = query.split('&').any(|pair| pair == "x=m");
        if bulk {
            let page = http::BOT_CHECK_PAGE.as_bytes();
            respond(stream, "200 OK", "Content-Type: text/html\r\n", page);
        }
        bulk
    });
    let cache = tempfile::tempdir().unwrap();
    let out = week_of_one_and_two_as(&url, &[], ["2022-08-29", "2022-09-05"], cache.path());
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a bot!"), "{stderr}");
    let cached: Vec<_> = walk(cache.path())
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(cached.is_empty(), "{cached:?}");
}

/// The window's mail of the lists `one` and `two` as the bulk search
/// answers it: `mails` patches from 2022-08-30 on, alternating between the
/// lists, each with a body of `body_bytes` of hex digits (which gzip
/// halves, no more), gzipped.
fn week_answer(mails: usize, body_bytes: usize) -> Vec<u8> {
    let mut state: u32 = 1;
    let mut noise = || {
        (0..body_bytes)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from_digit((state >> 16) % 16, 16).unwrap()
            })
            .collect::<String>()
    };
    let mut mbox = String::new();
    for n in 0..mails {
        let list = if n % 2 == 0 { "one" } else { "two" };
        mbox.push_str(&format!(
            "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Jane Doe <jane@example.org>\n\
             To: {list}@example.org\nList-Id: <{list}.example.org>\n\
             Subject: [PATCH] {list}: fix path {n}\nDate: Tue, 30 Aug 2022 10:{:02}:00 +0000\n\
             Message-ID: <{n}-{list}@example.org>\n\nFix path {n}.\n{}\n\n",
            n % 60,
            noise()
        ));
    }
    http::gz(mbox.as_bytes())
}

/// A server whose bulk search answers with `answer(n)` for its `n`th
/// `POST` (from 0), and with an empty listing otherwise.
fn search_server(
    answer: impl Fn(usize, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<std::sync::Mutex<Vec<http::Request>>>) {
    let posts = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    listing_server("2022-08-30 10:00", move |_, query, _, stream| {
        let bulk = query.split('&').any(|pair| pair == "x=m");
        if bulk {
            answer(
                posts.fetch_add(1, std::sync::atomic::Ordering::SeqCst),
                stream,
            );
        }
        bulk
    })
}

/// Sends the head of a gzipped answer and half of `body`, then closes:
/// the answer breaks off.
fn break_off(stream: &mut TcpStream, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/gzip\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body[..body.len() / 2]);
}

fn posts_of(requests: &std::sync::Mutex<Vec<http::Request>>) -> usize {
    requests
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.method == "POST")
        .count()
}

#[test]
fn an_answer_that_breaks_off_is_asked_once_more_and_read_afresh() {
    // 3.2 MB unpacked: the half sent before the break holds whole blocks
    // of mail, handed out before the answer broke off.
    let (url, requests) = search_server(|n, stream| {
        let answer = week_answer(80, 40_000);
        match n {
            0 => break_off(stream, &answer),
            _ => respond(stream, "200 OK", "", &answer),
        }
    });
    let cache = tempfile::tempdir().unwrap();
    let out = week_of_one_and_two_as(&url, &[], ["2022-08-29", "2022-09-05"], cache.path());
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broke off"), "{stderr}");
    assert!(stderr.contains(", 80 mails ("), "{stderr}");
    assert_eq!(posts_of(&requests), 2);
}

#[test]
fn an_answer_that_breaks_off_twice_is_one_error_naming_the_window() {
    let (url, requests) = search_server(|_, stream| break_off(stream, &week_answer(40, 2000)));
    let cache = tempfile::tempdir().unwrap();
    let out = week_of_one_and_two_as(&url, &[], ["2022-08-29", "2022-09-05"], cache.path());
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the week's mail of 2022-08-29..2022-09-05 could not be read whole, twice"),
        "{stderr}"
    );
    assert_eq!(posts_of(&requests), 2);
    let cached: Vec<_> = walk(cache.path())
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(cached.is_empty(), "{cached:?}");
}

#[test]
fn an_answer_over_the_max_week_size_is_cut_with_a_note() {
    // 60 mails of some 40 KB: 2.4 MB unpacked, cut at 1 MiB.
    let (url, _) =
        search_server(|_, stream| respond(stream, "200 OK", "", &week_answer(60, 40_000)));
    let cache = tempfile::tempdir().unwrap();
    let out = week_of_one_and_two_as(
        &url,
        &["--max-week-size", "1"],
        ["2022-08-29", "2022-09-05"],
        cache.path(),
    );
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the week's mail was cut at 1 MiB unpacked (--max-week-size)"),
        "{stderr}"
    );
    let read: usize = stderr
        .split(" mails (")
        .next()
        .and_then(|head| head.rsplit(", ").next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count of mails in {stderr}"));
    assert!(
        (20..=26).contains(&read),
        "{read} mails of 60 read: {stderr}"
    );
    let cached: Vec<_> = walk(cache.path())
        .into_iter()
        .filter(|p| p.is_file())
        .collect();
    assert!(cached.is_empty(), "a cut answer is not cached: {cached:?}");
}

/// Every path under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found
}

// ---- The week's listings, from an in-process server --------------------------

/// A server of two inboxes, `one` and `two`, each listing one thread of its
/// own on `date`; `listing` answers each listing request first, given the
/// inbox, the query string and how many requests that inbox had before.
/// Returns the URL and every request seen.
fn listing_server(
    date: &'static str,
    listing: impl Fn(&str, &str, usize, &mut TcpStream) -> bool + Send + Sync + 'static,
) -> (String, Arc<std::sync::Mutex<Vec<http::Request>>>) {
    let counts: Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>> = Arc::default();
    http::serve(Arc::new(move |request, stream| {
        let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
        let inbox = path
            .trim_matches('/')
            .split('/')
            .next()
            .unwrap_or_default()
            .to_string();
        if path.ends_with("t.mbox.gz") {
            let id = request.id().unwrap_or_default();
            return respond(stream, "200 OK", "", &thread_body(&id));
        }
        let n = {
            let mut counts = counts.lock().unwrap();
            let n = counts.entry(inbox.clone()).or_default();
            *n += 1;
            *n - 1
        };
        if listing(&inbox, query, n, stream) {
            return;
        }
        if inbox == "all" {
            // No release announcement: public-inbox's empty page.
            return respond(
                stream,
                "404 Not Found",
                "",
                &http::search_page("x", &[], None),
            );
        }
        let id = format!("{inbox}@example.org");
        let subject = format!("[PATCH] {inbox}: fix the {inbox} path");
        let page = http::search_page("x", &[(&id, &subject, "Jane Doe", date)], None);
        respond(stream, "200 OK", "", &page);
    }))
}

/// `week -v --lore URL --list one --list two --format json` with `extra`
/// over `window` with `cache`, whatever its exit.
fn week_of_one_and_two_as(
    url: &str,
    extra: &[&str],
    window: [&str; 2],
    cache: &std::path::Path,
) -> Output {
    let mut args = vec!["week", "-v"];
    args.extend_from_slice(extra);
    args.extend([
        "--lore", url, "--list", "one", "--list", "two", "--since", window[0], "--until",
        window[1], "--format", "json",
    ]);
    run(&args, cache)
}

/// `week --lore URL --no-bulk --list one --list two` over `window` with
/// `cache`.
fn week_of_one_and_two(url: &str, window: [&str; 2], cache: &std::path::Path) -> Output {
    let out = week_of_one_and_two_as(url, &["--no-bulk"], window, cache);
    // The server's threads are dated outside most windows asked here: a
    // week of no thread writes nothing and says so.
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stderr.contains("lkml-digest: no thread in ") {
        common::assert_exit(&out, 0);
    } else {
        common::assert_exit(&out, 2);
    }
    out
}

/// The listing requests (`?q=`) of the inboxes `one` and `two` seen.
fn listing_requests(seen: &std::sync::Mutex<Vec<http::Request>>) -> Vec<http::Request> {
    seen.lock()
        .unwrap()
        .iter()
        .filter(|r| r.path.contains("?q=") && !r.path.starts_with("/all/"))
        .cloned()
        .collect()
}

#[test]
fn the_lists_are_listed_at_once() {
    // Each listing takes 400 ms to answer; one after the other, the second
    // would be asked 400 ms after the first.
    let (url, seen) = listing_server("2022-09-13 10:04", |_, _, _, _| {
        std::thread::sleep(Duration::from_millis(400));
        false
    });
    let cache = tempfile::tempdir().unwrap();
    week_of_one_and_two(&url, ["2022-09-12", "2022-09-19"], cache.path());
    let asked = listing_requests(&seen);
    assert_eq!(asked.len(), 2, "{asked:?}");
    let apart = asked[1].at.duration_since(asked[0].at);
    assert!(apart < Duration::from_millis(300), "asked {apart:?} apart");
}

#[test]
fn a_503_on_one_listing_pauses_the_other() {
    // `one` is busy at first (503 without Retry-After, as lore's search
    // says it); `two` answers its first page at once, with a next page.
    let (url, seen) = listing_server("2022-09-13 10:04", |inbox, query, n, stream| {
        match (inbox, n) {
            ("one", 0) => respond(stream, "503 Service Unavailable", "", b"busy"),
            ("two", 0) => {
                std::thread::sleep(Duration::from_millis(50));
                let id = "two-first@example.org";
                let hits = [(id, "[PATCH] two: first", "Jane Doe", "2022-09-13 10:04")];
                let next = format!("?{query}&o=200");
                respond(
                    stream,
                    "200 OK",
                    "",
                    &http::search_page("x", &hits, Some(&next)),
                );
            }
            _ => return false,
        }
        true
    });
    let cache = tempfile::tempdir().unwrap();
    week_of_one_and_two(&url, ["2022-09-12", "2022-09-19"], cache.path());
    let asked = listing_requests(&seen);
    let busy = asked.iter().find(|r| r.path.starts_with("/one/")).unwrap();
    let second_page = asked
        .iter()
        .find(|r| r.path.starts_with("/two/") && r.path.contains("o=200"))
        .expect("two's second page was asked");
    // The first retry waits the 500 ms backoff, and so does everyone.
    let waited = second_page.at.duration_since(busy.at);
    assert!(
        waited >= Duration::from_millis(450),
        "two went on after {waited:?}"
    );
    assert_eq!(
        asked.iter().filter(|r| r.path.starts_with("/one/")).count(),
        2
    );
}

#[test]
fn a_thread_all_has_not_indexed_yet_comes_from_the_list_that_listed_it() {
    let (url, seen) = http::serve(Arc::new(|request, stream| {
        let (path, _) = request.path.split_once('?').unwrap_or((&request.path, ""));
        if path == "/one/" {
            // thread_body's mail is dated 2022-09-01 10:00.
            let hits = [(
                "late@example.org",
                "[PATCH] one: late",
                "Jane Doe",
                "2022-09-01 10:00",
            )];
            return respond(stream, "200 OK", "", &http::search_page("x", &hits, None));
        }
        if path == "/one/late@example.org/t.mbox.gz" {
            return respond(stream, "200 OK", "", &thread_body("late@example.org"));
        }
        // `/all/` has neither the thread nor any announcement yet.
        respond(
            stream,
            "404 Not Found",
            "",
            &http::search_page("x", &[], None),
        );
    }));
    let cache = tempfile::tempdir().unwrap();
    let out = run(
        &[
            "week",
            "--no-bulk",
            "--lore",
            &url,
            "--list",
            "one",
            "--since",
            "2022-08-29",
            "--until",
            "2022-09-05",
            "--format",
            "json",
        ],
        cache.path(),
    );
    common::assert_exit(&out, 0);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["entries"][0]["message_id"], "late@example.org");
    let asked: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.path.contains("late@example.org"))
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(
        asked,
        [
            "/all/late@example.org/t.mbox.gz",
            "/one/late@example.org/t.mbox.gz"
        ]
    );
}

/// Makes every file under `dir` look `age` old.
fn age_files(dir: &std::path::Path, age: Duration) {
    let then = std::time::SystemTime::now() - age;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            age_files(&path, age);
        } else {
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(then).unwrap();
        }
    }
}

#[test]
fn a_closed_windows_listing_is_not_asked_again_after_ten_minutes() {
    let (url, seen) = listing_server("2022-09-13 10:04", |_, _, _, _| false);
    let cache = tempfile::tempdir().unwrap();
    let window = ["2022-09-12", "2022-09-19"];
    week_of_one_and_two(&url, window, cache.path());
    assert_eq!(listing_requests(&seen).len(), 2);
    age_files(cache.path(), Duration::from_secs(11 * 60));
    let out = week_of_one_and_two(&url, window, cache.path());
    assert_eq!(listing_requests(&seen).len(), 2, "asked again");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("in 3 pages (3 from the cache)"), "{stderr}");
}

#[test]
fn an_open_windows_listing_is_asked_again_after_ten_minutes() {
    let today = chrono::Utc::now();
    let hit_date = (today - chrono::TimeDelta::days(1))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let hit_date: &'static str = Box::leak(hit_date.into_boxed_str());
    let (url, seen) = listing_server(hit_date, |_, _, _, _| false);
    let cache = tempfile::tempdir().unwrap();
    let since = (today - chrono::TimeDelta::days(3))
        .format("%Y-%m-%d")
        .to_string();
    let until = (today + chrono::TimeDelta::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let window = [since.as_str(), until.as_str()];
    week_of_one_and_two(&url, window, cache.path());
    week_of_one_and_two(&url, window, cache.path());
    assert_eq!(
        listing_requests(&seen).len(),
        2,
        "asked again within its ten minutes"
    );
    age_files(cache.path(), Duration::from_secs(11 * 60));
    week_of_one_and_two(&url, window, cache.path());
    assert_eq!(
        listing_requests(&seen).len(),
        4,
        "not asked again after ten minutes"
    );
}

// ---- Many IDs, random faults -------------------------------------------------

/// FNV-1a: a fault plan from a seed, the same on every run.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    hash
}

#[test]
fn two_hundred_ids_at_eight_jobs_with_a_fifth_of_requests_failing() {
    use std::collections::{HashMap, HashSet};
    use std::sync::Mutex;

    const SEED: &[u8] = b"lkml-digest";
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let attempts: Arc<Mutex<HashMap<String, u32>>> = Arc::default();
    let served: Arc<Mutex<HashSet<String>>> = Arc::default();
    let failed_for_good: Arc<Mutex<HashSet<String>>> = Arc::default();
    {
        let (attempts, served, failed_for_good) =
            (attempts.clone(), served.clone(), failed_for_good.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let (attempts, served, failed_for_good) =
                    (attempts.clone(), served.clone(), failed_for_good.clone());
                std::thread::spawn(move || {
                    let mut buf = [0u8; 4096];
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                    let n = stream.read(&mut buf).unwrap_or(0);
                    let request = String::from_utf8_lossy(&buf[..n]).to_string();
                    let Some(id) = request
                        .split_whitespace()
                        .nth(1)
                        .and_then(|path| path.split('/').nth(2))
                        .map(str::to_string)
                    else {
                        return;
                    };
                    let attempt = {
                        let mut attempts = attempts.lock().unwrap();
                        let count = attempts.entry(id.clone()).or_insert(0);
                        *count += 1;
                        *count
                    };
                    let roll = fnv(&[SEED, id.as_bytes(), &attempt.to_le_bytes()]);
                    if !roll.is_multiple_of(5) {
                        respond(&mut stream, "200 OK", "", &thread_body(&id));
                        served.lock().unwrap().insert(id);
                        return;
                    }
                    match (roll / 5) % 4 {
                        0 => respond(
                            &mut stream,
                            "503 Service Unavailable",
                            "Retry-After: 0\r\n",
                            b"",
                        ),
                        1 => respond(
                            &mut stream,
                            "429 Too Many Requests",
                            "Retry-After: 0\r\n",
                            b"",
                        ),
                        2 => {
                            let _ = stream.write_all(
                                b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial",
                            );
                            let _ = stream.shutdown(std::net::Shutdown::Both);
                        }
                        _ => {
                            // A truncated gzip is not retried: the ID fails.
                            let body = thread_body(&id);
                            respond(&mut stream, "200 OK", "", &body[..body.len() - 8]);
                            failed_for_good.lock().unwrap().insert(id);
                        }
                    }
                });
            }
        });
    }
    let ids: Vec<String> = (0..200).map(|i| format!("id{i}@example.org")).collect();
    let cache = tempfile::tempdir().unwrap();
    let mut args = vec!["-j", "8", "--refresh"];
    args.extend(ids.iter().map(String::as_str));
    let (value, out) = draft_json(&url, &args, cache.path());

    let served = served.lock().unwrap().clone();
    let drafted: HashSet<String> = value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        drafted, served,
        "the draft holds exactly the IDs that were served"
    );
    let failed: Vec<&Value> = value["failed"].as_array().unwrap().iter().collect();
    assert_eq!(drafted.len() + failed.len(), 200);
    for failure in &failed {
        let error = failure["error"].as_str().unwrap();
        assert!(!error.contains('\n') && !error.is_empty(), "{error:?}");
    }
    let requests = attempts.lock().unwrap().values().sum::<u32>() as usize;
    let faults = requests - served.len();
    assert!(
        faults * 10 >= requests,
        "the plan failed only {faults} of {requests} requests"
    );
    assert_eq!(
        out.status.code(),
        Some(if failed.is_empty() { 0 } else { 1 })
    );
    common::notice(&format!(
        "random faults: {faults} of {requests} requests failed; {} IDs drafted, {} failed ({} truncated, not retried)",
        drafted.len(),
        failed.len(),
        failed_for_good.lock().unwrap().len()
    ));
}

#[test]
#[ignore = "needs a local public-inbox (LKML_DIGEST_TEST_LORE): .ci/run starts one"]
fn the_web_page_builds_from_the_real_server_line_by_line() {
    let Some(lore) = lore("the_web_page_builds_from_the_real_server") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let server = common::serve(&[
        "--lore",
        &lore,
        "--cache-dir",
        cache.path().to_str().unwrap(),
    ]);
    let input = format!(
        "{}\nnobody@example.invalid\n",
        std::fs::read_to_string("samples/ids.txt").unwrap()
    );
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let result: Value = runtime.block_on(async {
        let client = reqwest::Client::new();
        let started: Value = serde_json::from_slice(
            &client
                .post(format!("{}/api/jobs", server.url))
                .header("Content-Type", "application/json")
                .body(serde_json::to_vec(&serde_json::json!({ "input": input })).unwrap())
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap(),
        )
        .unwrap();
        let url = format!("{}/api/jobs/{}", server.url, started["job"]);
        let begun = std::time::Instant::now();
        loop {
            let state: Value =
                serde_json::from_slice(&reqwest::get(&url).await.unwrap().bytes().await.unwrap())
                    .unwrap();
            if state["done"] == true {
                break state["result"].clone();
            }
            assert!(
                begun.elapsed() < Duration::from_secs(30),
                "the build did not end"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    assert_eq!(result["draft"]["entries"].as_array().unwrap().len(), 5);
    let line = |text: &str| {
        result["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["line"] == text)
            .unwrap()
            .clone()
    };
    assert_eq!(line("nobody@example.invalid")["state"], "failed");
    assert_eq!(line("nobody@example.invalid")["error"], "not found on lore");
}
