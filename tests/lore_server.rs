//! `lkml-digest` against the real public-inbox server that `.ci/run`
//! starts (scripts/local-lore.sh) with the samples as inbox `samples`, and
//! against a small in-process server for faults a real one will not make.
//! The public-inbox tests are skipped with a notice without
//! `LKML_DIGEST_TEST_LORE`; `.ci/run` sets it.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;

mod common;

fn lore(test: &str) -> Option<String> {
    match std::env::var("LKML_DIGEST_TEST_LORE") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!(
                "SKIPPED {test}: LKML_DIGEST_TEST_LORE is not set (see scripts/local-lore.sh)"
            );
            None
        }
    }
}

fn run(args: &[&str], cache: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lkml-digest"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env("LKML_DIGEST_CACHE_DIR", cache)
        .output()
        .unwrap()
}

fn draft_json(lore: &str, extra: &[&str], cache: &std::path::Path) -> (Value, Output) {
    let mut args = vec![
        "draft",
        "--format",
        "json",
        "--date",
        "2022-09-05",
        "--lore",
        lore,
    ];
    args.extend_from_slice(extra);
    let out = run(&args, cache);
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "JSON expected; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (value, out)
}

fn access_log_lines() -> Option<usize> {
    let path = std::env::var("LKML_DIGEST_TEST_LORE_LOG").ok()?;
    Some(std::fs::read_to_string(path).ok()?.lines().count())
}

#[test]
fn samples_are_drafted_from_the_real_server_like_from_the_mbox() {
    let Some(lore) = lore("samples_are_drafted_from_the_real_server") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft_json(&lore, &["samples/ids.txt"], cache.path());
    common::assert_exit(&out, 0);
    let local = run(
        &[
            "draft",
            "--format",
            "json",
            "--date",
            "2022-09-05",
            "--mbox",
            "samples/threads",
            "samples/ids.txt",
        ],
        cache.path(),
    );
    let local: Value = serde_json::from_slice(&local.stdout).unwrap();
    assert_eq!(value["entries"], local["entries"]);
    assert_eq!(value["entries"][0]["messages"], 6);
}

#[test]
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
fn a_warm_cache_makes_no_request() {
    let Some(lore) = lore("a_warm_cache_makes_no_request") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let (_, first) = draft_json(&lore, &["samples/ids.txt"], cache.path());
    assert_eq!(first.status.code(), Some(0));
    let before = access_log_lines();
    let (value, second) = draft_json(&lore, &["samples/ids.txt"], cache.path());
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(value["entries"].as_array().unwrap().len(), 5);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("(5 from the cache, 0 requests)"),
        "{stderr}"
    );
    if let (Some(before), Some(after)) = (before, access_log_lines()) {
        assert_eq!(before, after, "the warm run reached the server");
    }
}

#[test]
fn fetch_writes_the_threads_as_one_mboxrd() {
    let Some(lore) = lore("fetch_writes_the_threads") else {
        return;
    };
    let cache = tempfile::tempdir().unwrap();
    let out_file = cache.path().join("out.mbox");
    let out = run(
        &[
            "fetch",
            "--lore",
            &lore,
            "-o",
            out_file.to_str().unwrap(),
            "20220829071201.4242-3-ada@example.org",
        ],
        cache.path(),
    );
    common::assert_exit(&out, 0);
    let mbox = std::fs::read(&out_file).unwrap();
    assert_eq!(lkml_digest::parse::mbox::split(&mbox).len(), 6);
}

// ---- Faults from an in-process server -------------------------------------

/// What the fault server does with the nth request (0-based).
type Script = dyn Fn(usize, &mut std::net::TcpStream) + Send + Sync;

/// Serves each connection on its own thread, answering by `script`.
fn fault_server(script: Arc<Script>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { continue };
            let script = script.clone();
            let n = counter.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let _ = stream.read(&mut buf);
                script(n, &mut stream);
            });
        }
    });
    (url, count)
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn thread_body() -> Vec<u8> {
    gz(b"From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Jane Doe <jane@example.org>\nSubject: [PATCH] mm: fix\nDate: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <a@example.org>\n\nFix it.\n")
}

fn respond(stream: &mut std::net::TcpStream, status: &str, headers: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

fn fault_draft(url: &str, extra: &[&str]) -> (Value, Output) {
    let cache = tempfile::tempdir().unwrap();
    let mut args = vec!["--refresh"];
    args.extend_from_slice(extra);
    args.push("a@example.org");
    draft_json(url, &args, cache.path())
}

#[test]
fn fault_503_twice_then_200_is_retried() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut std::net::TcpStream| {
        if n < 2 {
            respond(s, "503 Service Unavailable", "Retry-After: 0\r\n", b"busy");
        } else {
            respond(s, "200 OK", "", &thread_body());
        }
    }));
    let (value, out) = fault_draft(&url, &[]);
    common::assert_exit(&out, 0);
    assert_eq!(value["entries"][0]["author"], "Jane Doe");
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn fault_429_honours_retry_after() {
    let (url, count) = fault_server(Arc::new(|n, s: &mut std::net::TcpStream| {
        if n == 0 {
            respond(
                s,
                "429 Too Many Requests",
                "Retry-After: 1\r\n",
                b"slow down",
            );
        } else {
            respond(s, "200 OK", "", &thread_body());
        }
    }));
    let started = std::time::Instant::now();
    let (_, out) = fault_draft(&url, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After was not honoured"
    );
}

#[test]
fn fault_reset_mid_body_is_retried() {
    let (url, _) = fault_server(Arc::new(|n, s: &mut std::net::TcpStream| {
        if n == 0 {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial");
            let _ = s.shutdown(std::net::Shutdown::Both);
        } else {
            respond(s, "200 OK", "", &thread_body());
        }
    }));
    let (_, out) = fault_draft(&url, &[]);
    common::assert_exit(&out, 0);
}

#[test]
fn fault_truncated_gzip_is_a_one_line_error() {
    let (url, _) = fault_server(Arc::new(|_, s: &mut std::net::TcpStream| {
        let body = thread_body();
        respond(s, "200 OK", "", &body[..body.len() - 8]);
    }));
    let (value, out) = fault_draft(&url, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        value["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("gzip"),
        "{value}"
    );
}

#[test]
fn fault_gzip_bomb_is_refused() {
    // 9 MiB of zeros packs into a few KiB; with 1 MiB compressed allowed,
    // 8 MiB unpacked is the cap.
    let bomb = Arc::new(gz(&vec![0u8; 9 << 20]));
    let (url, _) = fault_server(Arc::new(move |_, s: &mut std::net::TcpStream| {
        respond(s, "200 OK", "", &bomb);
    }));
    let (value, out) = fault_draft(&url, &["--max-thread-size", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let error = value["failed"][0]["error"].as_str().unwrap();
    assert!(error.contains("larger than 8 MiB unpacked"), "{error}");
}

#[test]
fn fault_huge_content_length_is_refused_before_reading() {
    let (url, _) = fault_server(Arc::new(|_, s: &mut std::net::TcpStream| {
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n");
        std::thread::sleep(Duration::from_millis(200));
    }));
    let (value, out) = fault_draft(&url, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        value["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("larger than 64 MiB"),
        "{value}"
    );
}
