//! The web page in a real headless Chromium, driven through chromedriver:
//! paste IDs, build, move an entry, edit a summary, check the Markdown,
//! reload and find the work kept.
//! Skipped with a notice where Chromium or chromedriver is missing;
//! `.ci/run` installs both and sets `LKML_DIGEST_REQUIRE_BROWSER=1`.
//! `LKML_DIGEST_SCREENSHOT=FILE` saves the page with its built draft.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use serde_json::json;

const CHROMIUM: &str = "/usr/bin/chromium";

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver(test: &str) -> Option<Driver> {
    let found = std::path::Path::new(CHROMIUM).is_file()
        && Command::new("chromedriver")
            .arg("--version")
            .output()
            .is_ok();
    if !found {
        if std::env::var_os("LKML_DIGEST_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
            panic!("{test}: chromium and chromedriver are required but missing");
        }
        common::notice(&format!(
            "SKIPPED {test}: no {CHROMIUM} or chromedriver (apt-get install chromium chromium-driver)"
        ));
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(Driver { child, url })
}

/// Polls `check` until it holds, for at most 20 s.
async fn until<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    while !check().await {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A headless Chromium session, its profile in `profile`.
async fn session(driver: &Driver, profile: &std::path::Path) -> fantoccini::Client {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1400,2100",
                format!("--user-data-dir={}", profile.display()),
            ],
        }),
    );
    // chromedriver is plain HTTP on loopback: no TLS connector needed.
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a chromedriver session")
}

/// Opens the page, pastes `paste`, builds, and waits for `entries`
/// entries.
async fn build(client: &fantoccini::Client, server: &common::Server, paste: &str, entries: usize) {
    client.goto(&format!("{}/", server.url)).await.unwrap();
    let input = client.find(Locator::Id("input")).await.unwrap();
    input.send_keys(paste).await.unwrap();
    client
        .find(Locator::Id("build"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(&format!("{entries} entries"), || async {
        client
            .find_all(Locator::Css("#entries > li"))
            .await
            .map(|l| l.len() == entries)
            .unwrap_or(false)
    })
    .await;
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver: .ci/run installs them"]
async fn an_editor_builds_reorders_and_edits_a_post_in_the_browser() {
    let Some(driver) = driver("an_editor_builds_reorders_and_edits_a_post") else {
        return;
    };
    let server = common::serve_samples();
    let profile = tempfile::tempdir().unwrap();
    let client = session(&driver, profile.path()).await;

    let paste = std::fs::read_to_string("samples/ids.txt").unwrap();
    build(&client, &server, &paste, 5).await;
    // The page says where its mail comes from.
    let source = client
        .find(Locator::Css("header .source"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        source,
        "Mail from samples/threads (--mbox), never the network."
    );

    // Read in one script: the list is rebuilt after every edit, so that
    // elements found one by one may go stale between two reads.
    let subjects = |client: fantoccini::Client| async move {
        let script =
            "return [...document.querySelectorAll('#entries .subject')].map(e => e.textContent)";
        let value = client.execute(script, vec![]).await.unwrap();
        serde_json::from_value::<Vec<String>>(value).unwrap()
    };
    let before = subjects(client.clone()).await;
    // The author's own words stand under an entry whose summary says more.
    let excerpts = client
        .execute(
            "return [...document.querySelectorAll('#entries .excerpt')].map(e => e.textContent)",
            vec![],
        )
        .await
        .unwrap();
    let excerpts: Vec<String> = serde_json::from_value(excerpts).unwrap();
    assert!(
        excerpts.iter().any(|e| !e.trim().is_empty()),
        "no excerpt shown: {excerpts:?}"
    );
    client
        .find(Locator::Css(
            "#entries > li:first-child button[title='Move down']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until("the move", || async {
        subjects(client.clone()).await[0] == before[1]
    })
    .await;

    let summary = client
        .find(Locator::Css("#entries > li:first-child textarea"))
        .await
        .unwrap();
    // Typing over the selected text, as an editor would (WebDriver's clear
    // would blur the field, which already commits an empty summary).
    client
        .execute(
            "document.querySelector('#entries > li:first-child textarea').select()",
            vec![],
        )
        .await
        .unwrap();
    summary.send_keys("Edited in the browser.").await.unwrap();
    // Leaving the field commits the edit, as a user's Tab would.
    client
        .find(Locator::Id("title"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let markdown = || async {
        client
            .find(Locator::Id("markdown"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    };
    until("the edited summary in the Markdown", || async {
        markdown().await.contains("Edited in the browser.")
    })
    .await;
    let text = markdown().await;
    let at = |subject: &str| {
        let heading = subject.split(" (").next().unwrap();
        text.find(heading)
            .unwrap_or_else(|| panic!("{heading} not in {text}"))
    };
    assert!(at(&before[1]) < at(&before[0]), "{text}");

    // A reload keeps the work.
    client.refresh().await.unwrap();
    until("the work after a reload", || async {
        markdown().await.contains("Edited in the browser.")
    })
    .await;

    if let Some(path) = std::env::var_os("LKML_DIGEST_SCREENSHOT") {
        std::fs::write(path, client.screenshot().await.unwrap()).unwrap();
    }
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver: .ci/run installs them"]
async fn the_preview_shows_the_release_charts() {
    let Some(driver) = driver("the_preview_shows_the_release_charts") else {
        return;
    };
    let (repo, work) = common::kernel::kernel_and_work();
    let mbox = common::kernel::announcement(work.path(), "1.3-rc4");
    let server = common::kernel::serve_with_charts(repo.path(), work.path(), &mbox);
    let profile = tempfile::tempdir().unwrap();
    let client = session(&driver, profile.path()).await;
    build(&client, &server, "announce-1.3-rc4@example.org", 1).await;
    // Both charts load in the preview, at their size.
    client.enter_frame(0).await.expect("the preview frame");
    let widths = || async {
        let value = client
            .execute(
                "return [...document.images].map(i => i.complete ? i.naturalWidth : 0)",
                vec![],
            )
            .await
            .unwrap();
        serde_json::from_value::<Vec<u64>>(value).unwrap()
    };
    until("two charts drawn in the preview", || async {
        widths().await == [1600, 1600]
    })
    .await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver: .ci/run installs them"]
async fn the_page_shows_what_earlier_posts_covered_and_the_editors_words() {
    let Some(driver) = driver("the_page_shows_what_earlier_posts_covered") else {
        return;
    };
    let server = common::serve(&[
        "--mbox",
        "samples/threads",
        "--date",
        "2022-09-05",
        "--history",
        "samples/history",
    ]);
    let profile = tempfile::tempdir().unwrap();
    let client = session(&driver, profile.path()).await;
    let paste = std::fs::read_to_string("samples/ids.txt").unwrap();
    build(&client, &server, &paste, 5).await;
    let texts = |selector: &'static str| {
        let client = client.clone();
        async move {
            let script = format!(
                "return [...document.querySelectorAll('{selector}')].map(e => e.textContent)"
            );
            let value = client.execute(&script, vec![]).await.unwrap();
            serde_json::from_value::<Vec<String>>(value).unwrap()
        }
    };
    let covered = texts("#entries .covered").await;
    assert_eq!(covered.len(), 1, "{covered:?}");
    assert!(
        covered[0].starts_with("Covered before: LKML News v6.0-rc1 (2022-08-16, v2)"),
        "{covered:?}"
    );
    let earlier = texts("#entries .earlier").await;
    assert_eq!(earlier.len(), 1, "{earlier:?}");
    assert!(
        earlier[0].starts_with("The second version of the DAMON region aging patchset."),
        "{earlier:?}"
    );
    client.close().await.unwrap();
}
