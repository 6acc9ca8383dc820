//! Lore as it is today, from an in-process server: a 200 that is a bot
//! check or any other non-mail is a one-line failure of its ID and never
//! cached; three bot checks in a row stop the run; 429 and 503 slow every
//! worker; a busy or walled listing fails its list alone; partial matches
//! are offered, never fetched. Every case also asks for a healthy ID,
//! which must be drafted.

mod common;

use std::net::TcpStream;
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::http::{
    self, BOT_CHECK_PAGE, Request, bot_check, gz, respond, thread_body, thread_mbox,
};
use serde_json::Value;

const WALL_ERROR: &str = "lore answered with a web page (\"Making sure you're not a bot!\"), not mail: a bot check; see docs/reference.md \"Bot walls\"";

/// `draft --format json` of `ids` from the server at `url`, with `cache`.
fn draft(url: &str, cache: &Path, extra: &[&str], ids: &[&str]) -> (Value, Output) {
    common::draft_json(&[&["--lore", url], extra, ids].concat(), Some(cache))
}

fn drafted(value: &Value) -> Vec<&str> {
    value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message_id"].as_str().unwrap())
        .collect()
}

/// The one-line error for `input`.
fn error_for<'a>(value: &'a Value, input: &str) -> &'a str {
    let failure = value["failed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["input"] == input)
        .unwrap_or_else(|| panic!("no failure for {input}: {value}"));
    let error = failure["error"].as_str().unwrap();
    assert!(!error.contains('\n'), "{error}");
    error
}

/// A server where `a@example.org` meets `fault` and every other ID gets
/// its thread.
fn server_where_a(
    fault: impl Fn(&Request, &mut TcpStream) + Send + Sync + 'static,
) -> (String, Arc<Mutex<Vec<Request>>>) {
    http::serve(Arc::new(move |request, stream| {
        match request.id().as_deref() {
            Some("a@example.org") => fault(request, stream),
            Some(id) => respond(stream, "200 OK", "", &thread_body(id)),
            None => respond(stream, "404 Not Found", "", b""),
        }
    }))
}

/// Drafts `a` and `b` fresh; `b` must be drafted, and the exit is 1.
fn a_fails(url: &str, extra: &[&str]) -> Value {
    let cache = tempfile::tempdir().unwrap();
    let (value, out) = draft(
        url,
        cache.path(),
        extra,
        &["a@example.org", "b@example.org"],
    );
    assert_eq!(drafted(&value), ["b@example.org"], "{value}");
    common::assert_exit(&out, 1);
    value
}

#[test]
fn a_bot_check_on_the_thread_mbox_is_a_one_line_error() {
    let (url, _) = server_where_a(|_, s| bot_check(s));
    let value = a_fails(&url, &[]);
    assert_eq!(error_for(&value, "a@example.org"), WALL_ERROR);
}

#[test]
fn a_bot_check_on_the_message_page_is_a_one_line_error() {
    // Not in the asked list; its page, which would name the inboxes that
    // hold it, is the wall.
    let (url, seen) = server_where_a(|request, s| {
        if request.path.ends_with("/t.mbox.gz") {
            respond(s, "404 Not Found", "", b"");
        } else {
            bot_check(s);
        }
    });
    let value = a_fails(&url, &["--list", "linux-mm"]);
    assert_eq!(error_for(&value, "a@example.org"), WALL_ERROR);
    let paths: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .map(|r| r.path.clone())
        .collect();
    assert!(
        paths.contains(&"/linux-mm/a@example.org/".to_string()),
        "{paths:?}"
    );
}

#[test]
fn a_bot_check_instead_of_the_head_redirect_is_a_one_line_error() {
    // lore redirects HEAD /ID/ to the message's inbox; a wall answers 200.
    let (url, seen) = server_where_a(|request, s| {
        if request.path.ends_with("/t.mbox.gz") {
            respond(s, "404 Not Found", "", b"");
        } else {
            bot_check(s);
        }
    });
    let value = a_fails(&url, &[]);
    assert_eq!(error_for(&value, "a@example.org"), WALL_ERROR);
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .any(|r| r.method == "HEAD" && r.path == "/a@example.org/")
    );
}

#[test]
fn an_empty_200_is_not_mail() {
    let (url, _) = server_where_a(|_, s| respond(s, "200 OK", "", b""));
    let value = a_fails(&url, &[]);
    assert_eq!(
        error_for(&value, "a@example.org"),
        "lore answered with an empty body, not mail"
    );
}

#[test]
fn gzip_of_a_web_page_is_not_mail() {
    let page = gz(b"<html><head><title>Gateway error</title></head><body>oops</body></html>");
    let (url, _) = server_where_a(move |_, s| respond(s, "200 OK", "", &page));
    let value = a_fails(&url, &[]);
    assert_eq!(
        error_for(&value, "a@example.org"),
        "lore answered with a web page (\"Gateway error\"), not mail"
    );
}

#[test]
fn a_thread_of_other_message_ids_is_not_the_asked_thread() {
    let (url, _) = server_where_a(|_, s| {
        respond(s, "200 OK", "", &thread_body("z@example.org"));
    });
    let value = a_fails(&url, &[]);
    assert_eq!(
        error_for(&value, "a@example.org"),
        "lore answered with 1 mails of another thread (such as <z@example.org>), not this one"
    );
}

#[test]
fn a_partial_match_is_offered_and_never_fetched() {
    // public-inbox's page for an ID it lacks, as 1.9 and 2.x render it.
    const PARTIAL: &str = r#"<html><head><title>&lt;a@example.org&gt; not found</title></head>
<body><form action="../"><pre><input name=q type=text /></pre></form><pre>Message-ID &lt;a@example.org&gt;
not found

1 partial match found:

<a
href="../../lkml/20200101-a@example.org/">../../lkml/20200101-a@example.org/</a>

Perhaps try an external site:

<a
href="http://marc.info/?i=a@example.org">http://marc.info/?i=a@example.org</a>
</pre></body></html>"#;
    let (url, seen) = server_where_a(|request, s| {
        if request.path.ends_with("/t.mbox.gz") || request.method == "HEAD" {
            respond(s, "404 Not Found", "", b"");
        } else {
            respond(
                s,
                "300 Multiple Choices",
                "Content-Type: text/html\r\n",
                PARTIAL.as_bytes(),
            );
        }
    });
    let value = a_fails(&url, &["--list", "linux-mm"]);
    assert_eq!(
        error_for(&value, "a@example.org"),
        "not found on lore; did you mean <20200101-a@example.org>?"
    );
    assert!(
        !seen
            .lock()
            .unwrap()
            .iter()
            .any(|r| r.path.contains("20200101")),
        "the partial match was fetched"
    );
}

#[test]
fn a_cached_page_from_an_older_version_is_dropped_and_fetched_again() {
    let (url, seen) = server_where_a(|request, s| {
        respond(s, "200 OK", "", &thread_body(&request.id().unwrap()));
    });
    let cache = tempfile::tempdir().unwrap();
    let store = lkml_digest::fetch::cache::Cache::new(cache.path(), Duration::from_secs(3600));
    store
        .put(&url, "all", "a@example.org", BOT_CHECK_PAGE.as_bytes())
        .unwrap();
    let (value, out) = draft(&url, cache.path(), &[], &["a@example.org", "b@example.org"]);
    common::assert_exit(&out, 0);
    assert_eq!(drafted(&value), ["a@example.org", "b@example.org"]);
    assert!(
        seen.lock()
            .unwrap()
            .iter()
            .any(|r| r.id().as_deref() == Some("a@example.org"))
    );
    // Now the cache holds the thread: offline, it is enough.
    let (value, out) = draft(&url, cache.path(), &["--offline"], &["a@example.org"]);
    common::assert_exit(&out, 0);
    assert_eq!(drafted(&value), ["a@example.org"]);
}

#[test]
fn offline_a_cached_page_is_a_failure_not_a_thread() {
    let cache = tempfile::tempdir().unwrap();
    let url = "http://127.0.0.1:9";
    let store = lkml_digest::fetch::cache::Cache::new(cache.path(), Duration::from_secs(3600));
    store
        .put(url, "all", "a@example.org", BOT_CHECK_PAGE.as_bytes())
        .unwrap();
    store
        .put(url, "all", "b@example.org", &thread_mbox("b@example.org"))
        .unwrap();
    let (value, out) = draft(
        url,
        cache.path(),
        &["--offline"],
        &["a@example.org", "b@example.org"],
    );
    common::assert_exit(&out, 1);
    assert_eq!(drafted(&value), ["b@example.org"]);
    assert!(
        error_for(&value, "a@example.org")
            .starts_with("the cached copy is not mail (lore answered with a web page"),
        "{value}"
    );
}

#[test]
fn a_wall_then_an_open_door_drafts_the_thread_from_the_same_cache() {
    let open = Arc::new(AtomicBool::new(false));
    let door = open.clone();
    let (url, _) = server_where_a(move |request, s| {
        if door.load(Ordering::SeqCst) {
            respond(s, "200 OK", "", &thread_body(&request.id().unwrap()));
        } else {
            bot_check(s);
        }
    });
    let cache = tempfile::tempdir().unwrap();
    let ids = ["a@example.org", "b@example.org"];
    let (value, out) = draft(&url, cache.path(), &[], &ids);
    common::assert_exit(&out, 1);
    assert_eq!(error_for(&value, "a@example.org"), WALL_ERROR);
    open.store(true, Ordering::SeqCst);
    let (value, out) = draft(&url, cache.path(), &[], &ids);
    common::assert_exit(&out, 0);
    assert_eq!(drafted(&value), ids);
}

#[test]
fn three_bot_checks_in_a_row_stop_the_run_and_keep_what_came_before() {
    let (url, seen) = http::serve(Arc::new(|request, stream| match request.id().as_deref() {
        Some("b@example.org") => respond(stream, "200 OK", "", &thread_body("b@example.org")),
        _ => bot_check(stream),
    }));
    let cache = tempfile::tempdir().unwrap();
    let walled: Vec<String> = (1..=5).map(|i| format!("w{i}@example.org")).collect();
    let mut ids = vec!["b@example.org"];
    ids.extend(walled.iter().map(String::as_str));
    let (value, out) = draft(&url, cache.path(), &["-j", "1"], &ids);
    common::assert_exit(&out, 1);
    assert_eq!(drafted(&value), ["b@example.org"]);
    let asked: Vec<String> = seen
        .lock()
        .unwrap()
        .iter()
        .filter_map(Request::id)
        .collect();
    for id in &walled[..3] {
        assert_eq!(error_for(&value, id), WALL_ERROR);
        assert_eq!(asked.iter().filter(|a| *a == id).count(), 1, "{asked:?}");
    }
    for id in &walled[3..] {
        assert!(
            error_for(&value, id)
                .starts_with("not asked: lore answered with a bot check 3 times in a row")
        );
        assert!(
            !asked.contains(id),
            "{id} was asked after the wall: {asked:?}"
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let summary: Vec<&str> = stderr.lines().filter(|l| l.contains("not asked")).collect();
    assert_eq!(summary.len(), 1, "{stderr}");
    assert!(
        summary[0].contains("w4@example.org and 1 more IDs"),
        "{stderr}"
    );
}

#[test]
fn a_429_makes_every_worker_wait() {
    // `a` is told to wait 1 s; `c`, which starts while `a` waits, must
    // wait too. `b` answers slowly so that `c` starts after the 429.
    let told = Arc::new(AtomicUsize::new(0));
    let (url, seen) = http::serve(Arc::new(move |request, stream| {
        let id = request.id().unwrap_or_default();
        match id.as_str() {
            "a@example.org" if told.fetch_add(1, Ordering::SeqCst) == 0 => respond(
                stream,
                "429 Too Many Requests",
                "Retry-After: 1\r\n",
                b"slow down",
            ),
            "b@example.org" => {
                std::thread::sleep(Duration::from_millis(300));
                respond(stream, "200 OK", "", &thread_body(&id));
            }
            _ => respond(stream, "200 OK", "", &thread_body(&id)),
        }
    }));
    let cache = tempfile::tempdir().unwrap();
    let ids = ["a@example.org", "b@example.org", "c@example.org"];
    let (value, out) = draft(&url, cache.path(), &["-j", "2"], &ids);
    common::assert_exit(&out, 0);
    assert_eq!(drafted(&value), ids);
    let seen = seen.lock().unwrap();
    let first = |id: &str| {
        seen.iter()
            .find(|r| r.id().as_deref() == Some(id))
            .unwrap()
            .at
    };
    let waited = first("c@example.org") - first("a@example.org");
    assert!(
        waited >= Duration::from_millis(900),
        "c was asked {waited:?} after a's 429"
    );
}

// ---- Listings ----------------------------------------------------------------

/// A results page as public-inbox renders it, with one hit.
fn results_page(id: &str, subject: &str) -> String {
    format!(
        r#"<html><head><title>search results</title></head><body><form action="./"><pre><input
name=q type=text /></pre></form><pre>1. <b><a
href="{id}/">{subject}</a></b>
   - by Jane Doe @ 2022-09-01 10:00 UTC [99%]
</pre></body></html>"#
    )
}

/// `week` over lists `good` and `bad`, where `bad`'s listing meets
/// `fault`; the other list's thread must be drafted, and the exit is 1.
fn week_with_a_bad_list(fault: fn(&mut TcpStream)) -> (Value, String) {
    let (url, _) = http::serve(Arc::new(move |request, stream| {
        if request.path.starts_with("/bad/?") {
            fault(stream);
        } else if request.path.starts_with("/good/?") {
            let page = results_page("good@example.org", "[PATCH] mm: a good patch");
            respond(
                stream,
                "200 OK",
                "Content-Type: text/html\r\n",
                page.as_bytes(),
            );
        } else if request.path.contains("?q=") {
            respond(stream, "404 Not Found", "", b"");
        } else {
            let id = request.id().unwrap_or_default();
            respond(stream, "200 OK", "", &thread_body(&id));
        }
    }));
    let cache = tempfile::tempdir().unwrap();
    let out = common::lkml_digest()
        .args([
            "week",
            "--format",
            "json",
            "--lore",
            &url,
            "--list",
            "good",
            "--list",
            "bad",
            "--since",
            "2022-08-29",
            "--until",
            "2022-09-05",
            "--retries",
            "1",
        ])
        .env("LKML_DIGEST_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    let value: Value = common::json_stdout(&out);
    common::assert_exit(&out, 1);
    assert_eq!(drafted(&value), ["good@example.org"], "{value}");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (value, stderr)
}

#[test]
fn a_busy_listing_fails_its_list_and_the_other_is_drafted() {
    let (value, stderr) = week_with_a_bad_list(|s| {
        respond(s, "503 Service Unavailable", "", b"too busy");
    });
    assert_eq!(
        error_for(&value, "bad"),
        "the listing could not be read: lore answered 503 Service Unavailable (gave up after 2 tries)"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("lkml-digest: bad: the listing")),
        "{stderr}"
    );
}

#[test]
fn a_walled_listing_is_an_error_not_zero_hits() {
    let (value, _) = week_with_a_bad_list(bot_check);
    assert_eq!(
        error_for(&value, "bad"),
        format!("the listing could not be read: {WALL_ERROR}")
    );
}
