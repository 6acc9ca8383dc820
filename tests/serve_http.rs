//! `lkml-digest serve` over HTTP: the page, the two API calls, and what
//! they refuse. The server runs as a user starts it, on the samples.

mod common;

use serde_json::{Value, json};

fn server() -> common::Server {
    common::serve_samples()
}

type Server = common::Server;

/// A JSON POST, as the page sends it (no Origin: a same-origin fetch of
/// a GET-less page may omit it).
fn json_post(server: &Server, path: &str, body: &Value) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .post(format!("{}{path}", server.url))
        .header("Content-Type", "application/json")
        .body(serde_json::to_vec(body).unwrap())
}

async fn post(server: &Server, path: &str, body: &Value) -> (u16, Value) {
    let response = json_post(server, path, body).send().await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn samples_paste() -> String {
    std::fs::read_to_string("samples/ids.txt").unwrap()
}

#[tokio::test]
async fn the_markdown_pane_is_the_hugo_post_the_command_line_writes() {
    let server = server();
    let (status, body) = post(
        &server,
        "/api/draft",
        &json!({ "input": samples_paste(), "date": "2022-09-05T08:00:00+02:00" }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let golden = std::fs::read_to_string("samples/draft.md").unwrap();
    assert_eq!(body["markdown"].as_str().unwrap(), golden);
}

#[tokio::test]
async fn the_page_names_where_its_mail_comes_from() {
    let server = server();
    let page = reqwest::get(format!("{}/", server.url))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Mail from samples/threads (--mbox), never the network."),
        "{page}"
    );
}

#[tokio::test]
async fn the_page_and_its_assets_are_served_under_a_strict_policy() {
    let server = server();
    let page = reqwest::get(format!("{}/", server.url)).await.unwrap();
    assert_eq!(page.status(), 200);
    let policy = page.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("<textarea id=\"input\"")
    );
    for asset in ["/app.js", "/app.css"] {
        let response = reqwest::get(format!("{}{asset}", server.url))
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{asset}");
    }
}

#[tokio::test]
async fn a_paste_builds_the_draft_and_says_what_became_of_each_line() {
    let server = server();
    let input = format!(
        "{}\nnobody@example.invalid\nthis line has no ID\n",
        samples_paste()
    );
    let (status, body) = post(&server, "/api/draft", &json!({ "input": input })).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["draft"]["entries"].as_array().unwrap().len(), 5);
    assert_eq!(body["draft"]["title"], "LKML News v6.0-rc4");
    assert!(
        body["markdown"]
            .as_str()
            .unwrap()
            .contains("Linux 6.0-rc4 (Linus Torvalds)")
    );
    assert!(
        body["html"]
            .as_str()
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let state_of = |line: &str| {
        body["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["line"] == line)
            .unwrap_or_else(|| panic!("{line} not in {body}"))
            .clone()
    };
    assert_eq!(state_of("nobody@example.invalid")["state"], "failed");
    assert_eq!(state_of("this line has no ID")["state"], "no-id");
    let done = body["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["state"] == "done");
    assert!(done.count() >= 5);
}

#[tokio::test]
async fn title_and_date_come_from_the_page() {
    let server = server();
    let request = json!({ "input": samples_paste(), "title": "My news", "date": "2022-09-06" });
    let (status, body) = post(&server, "/api/draft", &request).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["draft"]["title"], "My news");
    assert!(
        body["draft"]["date"]
            .as_str()
            .unwrap()
            .starts_with("2022-09-06")
    );
}

#[tokio::test]
async fn an_empty_or_binary_paste_is_one_clear_error() {
    let server = server();
    for input in ["", "\u{0}\u{1}\u{fffd}\u{7f} garbage \u{202e}"] {
        let (status, body) = post(&server, "/api/draft", &json!({ "input": input })).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("no message IDs"),
            "{body}"
        );
    }
}

#[tokio::test]
async fn ten_thousand_lines_keep_the_good_ones() {
    let server = server();
    let mut input: String = (0..10_000)
        .map(|i| format!("missing{i}@example.org\n"))
        .collect();
    input.push_str("20220901020327.77131-1-kai.tanaka@example.com\n");
    let (status, body) = post(&server, "/api/draft", &json!({ "input": input })).await;
    assert_eq!(status, 200);
    assert_eq!(body["draft"]["entries"].as_array().unwrap().len(), 1);
    assert_eq!(body["draft"]["failed"].as_array().unwrap().len(), 10_000);
    assert_eq!(body["lines"].as_array().unwrap().len(), 10_001);
}

#[tokio::test]
async fn an_edited_draft_renders_in_its_new_order_with_its_new_summary() {
    let server = server();
    let (_, body) = post(&server, "/api/draft", &json!({ "input": samples_paste() })).await;
    let mut draft = body["draft"].clone();
    let entries = draft["entries"].as_array_mut().unwrap();
    entries.swap(0, 1);
    entries[0]["summary"] = json!("An editor's own words.");
    let removed = entries.remove(2)["subject"].as_str().unwrap().to_string();
    let first = entries[0]["subject"].as_str().unwrap().to_string();
    let second = entries[1]["subject"].as_str().unwrap().to_string();
    let (status, rendered) = post(&server, "/api/render", &json!({ "draft": draft })).await;
    assert_eq!(status, 200, "{rendered}");
    let markdown = rendered["markdown"].as_str().unwrap();
    assert!(markdown.contains("An editor's own words."), "{markdown}");
    let at = |s: &str| {
        markdown
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in {markdown}"))
    };
    assert!(at(&first) < at(&second));
    assert!(!markdown.contains(&removed), "{markdown}");
}

#[tokio::test]
async fn cross_origin_and_non_json_posts_are_refused() {
    let server = server();
    let paste = json!({ "input": samples_paste() });
    let evil = json_post(&server, "/api/draft", &paste)
        .header("Origin", "http://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), 403);
    let form = reqwest::Client::new()
        .post(format!("{}/api/draft", server.url))
        .header("Content-Type", "text/plain")
        .body("input=x@y")
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 415);
    let own = json_post(&server, "/api/draft", &paste)
        .header("Origin", server.url.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let server = server();
    let input = "x".repeat(lkml_digest::serve::MAX_BODY + 1);
    let (status, _) = post(&server, "/api/draft", &json!({ "input": input })).await;
    assert_eq!(status, 413);
}

#[tokio::test]
async fn the_week_form_drafts_the_windows_best_threads() {
    let server = server();
    let request = json!({
        "since": "2022-08-28", "until": "2022-09-06", "top": 2,
        "interests": ["mm/vmscan.c", "mm/vmscan:"],
    });
    let (status, body) = post(&server, "/api/week", &request).await;
    assert_eq!(status, 200, "{body}");
    let entries = body["draft"]["entries"].as_array().unwrap();
    // The two best, then the release announcement, last.
    assert_eq!(entries.len(), 3);
    assert_eq!(
        entries[0]["message_id"],
        "20220901020327.77131-1-kai.tanaka@example.com"
    );
    assert_eq!(entries[2]["kind"], "release");
    assert_eq!(body["draft"]["ranking"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_bad_week_request_is_one_clear_error() {
    let server = server();
    let (status, body) = post(&server, "/api/week", &json!({ "interests": ["mm/["] })).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("mm/["), "{body}");
}

#[tokio::test]
async fn a_build_job_reports_each_line_then_the_draft() {
    let server = server();
    let input = format!("{}\nnobody@example.invalid\n", samples_paste());
    let (status, started) = post(&server, "/api/jobs", &json!({ "input": input })).await;
    assert_eq!(status, 200, "{started}");
    let job = started["job"].as_u64().unwrap();
    let url = format!("{}/api/jobs/{job}", server.url);
    let started_at = std::time::Instant::now();
    let result = loop {
        let state: Value =
            serde_json::from_slice(&reqwest::get(&url).await.unwrap().bytes().await.unwrap())
                .unwrap();
        if state["done"] == true {
            break state["result"].clone();
        }
        for line in state["lines"].as_array().unwrap() {
            let known = [
                "queued", "fetching", "fetched", "failed", "no-id", "comment",
            ];
            assert!(known.contains(&line["state"].as_str().unwrap()), "{line}");
        }
        assert!(started_at.elapsed().as_secs() < 20, "the build did not end");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(result["draft"]["entries"].as_array().unwrap().len(), 5);
    let failed = result["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["line"] == "nobody@example.invalid")
        .unwrap();
    assert_eq!(failed["state"], "failed");
    assert!(
        failed["error"].as_str().unwrap().contains("not found"),
        "{failed}"
    );
}

#[tokio::test]
async fn an_unknown_job_is_a_404() {
    let server = server();
    let response = reqwest::get(format!("{}/api/jobs/999", server.url))
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn a_malformed_request_is_refused_without_harm() {
    let server = server();
    for (path, body) in [
        ("/api/draft", "{\"input\": 42}"),
        ("/api/render", "{\"draft\": {\"entries\": \"no\"}}"),
        ("/api/week", "not json"),
    ] {
        let response = reqwest::Client::new()
            .post(format!("{}{path}", server.url))
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_client_error(),
            "{path}: {}",
            response.status()
        );
    }
    // The server is still there.
    let (status, _) = post(&server, "/api/draft", &json!({ "input": samples_paste() })).await;
    assert_eq!(status, 200);
}

/// A lore stand-in that takes `delay` over every thread it serves, and
/// the requests it saw.
fn slow_lore(
    delay: std::time::Duration,
) -> (
    String,
    std::sync::Arc<std::sync::Mutex<Vec<common::http::Request>>>,
) {
    common::http::serve(std::sync::Arc::new(move |request, stream| {
        std::thread::sleep(delay);
        let id = request.id().unwrap_or_default();
        common::http::respond(stream, "200 OK", "", &common::http::thread_body(&id));
    }))
}

/// `serve` from `lore`, one build at a time and `queue` waiting.
fn serve_one_build_at_a_time(lore: &str, cache: &std::path::Path, queue: usize) -> Server {
    let queue = queue.to_string();
    common::serve(&[
        "--lore",
        lore,
        "--cache-dir",
        cache.to_str().unwrap(),
        "--refresh",
        "--max-builds",
        "1",
        "--build-queue",
        &queue,
    ])
}

#[tokio::test]
async fn builds_past_the_queue_are_told_to_retry_and_the_accepted_all_finish() {
    let (lore, _) = slow_lore(std::time::Duration::from_millis(800));
    let cache = tempfile::tempdir().unwrap();
    let server = serve_one_build_at_a_time(&lore, cache.path(), 1);
    let requests = (0..4).map(|i| {
        let body = json!({ "input": format!("build{i}@example.org") });
        let request = json_post(&server, "/api/draft", &body);
        async move { request.send().await.unwrap() }
    });
    let responses = futures_util::future::join_all(requests).await;
    let mut accepted = 0;
    let mut refused = 0;
    for response in responses {
        match response.status().as_u16() {
            200 => {
                accepted += 1;
                let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
                assert_eq!(body["draft"]["entries"].as_array().unwrap().len(), 1);
            }
            503 => {
                refused += 1;
                assert_eq!(response.headers()["retry-after"], "1");
            }
            other => panic!("unexpected status {other}"),
        }
    }
    // One runs, one waits its turn, the rest come back later.
    assert_eq!((accepted, refused), (2, 2));
}

#[tokio::test]
async fn a_mailbox_changed_while_serving_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mail.mbox");
    let mail = |id: &str| {
        format!(
            "From: Jane Doe <jane@example.org>\nSubject: [PATCH] mm: fix {id}\n\
             Date: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <{id}>\n\nFix it.\n"
        )
    };
    let write = |ids: &[&str]| {
        let mails: Vec<String> = ids.iter().map(|id| mail(id)).collect();
        std::fs::write(
            &path,
            lkml_digest::fetch::mbox::write_mboxrd(mails.iter().map(|m| m.as_bytes())),
        )
        .unwrap();
    };
    write(&["first@example.org"]);
    let server = common::serve(&["--mbox", path.to_str().unwrap()]);
    let (status, body) = post(
        &server,
        "/api/draft",
        &json!({ "input": "first@example.org" }),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(body["draft"]["entries"].as_array().unwrap().len(), 1);
    write(&["first@example.org", "second@example.org"]);
    let (status, body) = post(
        &server,
        "/api/draft",
        &json!({ "input": "second@example.org" }),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        body["draft"]["entries"][0]["message_id"], "second@example.org",
        "{body}"
    );
}

#[tokio::test]
async fn the_same_paste_asked_while_it_builds_shares_that_build() {
    let (lore, seen) = slow_lore(std::time::Duration::from_millis(500));
    let cache = tempfile::tempdir().unwrap();
    let server = serve_one_build_at_a_time(&lore, cache.path(), 0);
    let body = json!({ "input": "storm@example.org" });
    let requests = (0..8).map(|_| {
        let request = json_post(&server, "/api/draft", &body);
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "one build fetched the thread once"
    );
}
