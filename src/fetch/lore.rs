//! Whole threads from a public-inbox server such as lore.kernel.org.
//!
//! A thread is `GET {lore}/{list}/{id}/t.mbox.gz`. The client is polite:
//! a few requests at a time, a User-Agent that says who it is, retries with
//! backoff that honour `Retry-After`, and a cache so that a second run
//! asks nothing. Every failure is one line for its ID; no ID costs another.

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::{Client, StatusCode, Url};

use super::cache::{Cache, Lookup};
use crate::input::escape_id;

/// The lore server, when none is given.
pub const DEFAULT_LORE: &str = "https://lore.kernel.org";
/// The most requests at once that lore.kernel.org is sent.
pub const MAX_JOBS_LORE: usize = 8;

/// How to reach lore and how hard to try.
#[derive(Debug, Clone)]
pub struct LoreOptions {
    pub base: String,
    pub list: String,
    pub jobs: usize,
    pub retries: u32,
    pub connect_timeout: Duration,
    pub timeout: Duration,
    /// The first backoff; each retry doubles it (plus jitter).
    pub backoff: Duration,
    pub max_retry_after: Duration,
    pub max_compressed: u64,
    pub max_unpacked: u64,
    pub cache: Option<Cache>,
    /// Ignore fresh cache entries.
    pub refresh: bool,
    /// Never ask the network; the cache only.
    pub offline: bool,
    /// Log each request on standard error.
    pub verbose: bool,
}

impl Default for LoreOptions {
    fn default() -> LoreOptions {
        LoreOptions {
            base: DEFAULT_LORE.to_string(),
            list: "all".to_string(),
            jobs: 4,
            retries: 3,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(60),
            max_compressed: 64 << 20,
            max_unpacked: 512 << 20,
            cache: None,
            refresh: false,
            offline: false,
            verbose: false,
        }
    }
}

/// The result for one message ID: the thread as mbox bytes, or why not.
pub type ThreadResult = Result<Vec<u8>, String>;

/// Counts of what a fetch did, for `-v` and the closing status line.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicUsize,
    pub from_cache: AtomicUsize,
}

/// What a fetch reports as it goes, for progress bars and the web page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The ID at this index is being fetched.
    Started(usize),
    /// It is done (`ok`: a thread came back); `done` IDs are done in all.
    Finished { index: usize, ok: bool, done: usize },
}

/// Fetches the threads of `ids`, in order, `jobs` at a time.
pub async fn fetch_threads(
    ids: &[String],
    options: &LoreOptions,
    stats: &Stats,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<ThreadResult> {
    let client = match client(options) {
        Ok(client) => client,
        Err(e) => {
            return ids
                .iter()
                .map(|_| Err(format!("cannot start an HTTP client: {e}")))
                .collect();
        }
    };
    let done = Arc::new(AtomicUsize::new(0));
    let jobs = effective_jobs(options);
    let mut results: Vec<(usize, ThreadResult)> =
        futures_util::stream::iter(ids.iter().enumerate())
            .map(|(i, id)| {
                let client = client.clone();
                let done = done.clone();
                async move {
                    progress(Progress::Started(i));
                    let result = fetch_one(&client, id, options, stats).await;
                    progress(Progress::Finished {
                        index: i,
                        ok: result.is_ok(),
                        done: done.fetch_add(1, Ordering::Relaxed) + 1,
                    });
                    (i, result)
                }
            })
            .buffer_unordered(jobs)
            .collect()
            .await;
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// `--jobs`, capped for lore.kernel.org itself.
pub fn effective_jobs(options: &LoreOptions) -> usize {
    let is_lore = Url::parse(&options.base)
        .ok()
        .and_then(|u| u.host_str().map(|h| h.ends_with("kernel.org")))
        .unwrap_or(false);
    let jobs = options.jobs.max(1);
    if is_lore {
        jobs.min(MAX_JOBS_LORE)
    } else {
        jobs
    }
}

pub(super) fn client(options: &LoreOptions) -> reqwest::Result<Client> {
    Client::builder()
        .user_agent(concat!(
            "lkml-digest/",
            env!("CARGO_PKG_VERSION"),
            " (+",
            env!("CARGO_PKG_REPOSITORY"),
            ")"
        ))
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
}

fn log(options: &LoreOptions, text: &str) {
    if options.verbose {
        eprintln!("lkml-digest: {text}");
    }
}

async fn fetch_one(
    client: &Client,
    id: &str,
    options: &LoreOptions,
    stats: &Stats,
) -> ThreadResult {
    let base = options.base.trim_end_matches('/');
    let cached = match &options.cache {
        Some(cache) => cache.get(base, &options.list, id),
        None => Lookup::Missing,
    };
    match cached {
        Lookup::Fresh(body) if !options.refresh => {
            stats.from_cache.fetch_add(1, Ordering::Relaxed);
            return Ok(body);
        }
        Lookup::Fresh(body) | Lookup::Stale(body) if options.offline => {
            stats.from_cache.fetch_add(1, Ordering::Relaxed);
            return Ok(body);
        }
        _ if options.offline => {
            return Err("not in the cache, and --offline forbids fetching it".into());
        }
        _ => {}
    }
    let url = format!("{base}/{}/{}/t.mbox.gz", options.list, escape_id(id));
    let mbox = match get_with_retries(client, &url, id, options, stats).await {
        Err(Failure::NotFound) => fetch_elsewhere(client, base, id, options, stats).await,
        other => other,
    };
    let mbox = mbox.map_err(|f| f.to_string())?;
    if let Some(cache) = &options.cache
        && let Err(e) = cache.put(base, &options.list, id, &mbox)
    {
        log(options, &format!("{id}: could not cache the thread: {e}"));
    }
    Ok(mbox)
}

#[derive(Debug)]
pub(super) enum Failure {
    NotFound,
    Other(String),
}

impl Failure {
    pub(super) fn is_not_found(&self) -> bool {
        matches!(self, Failure::NotFound)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Failure::NotFound => f.write_str("not found on lore"),
            Failure::Other(text) => f.write_str(text),
        }
    }
}

/// What one attempt ended in.
enum Attempt {
    Done(Vec<u8>),
    Retry {
        reason: String,
        after: Option<Duration>,
    },
    Fail(Failure),
    /// The list does not hold the message; these inboxes do (status 300).
    Elsewhere(Vec<String>),
}

/// GET `url`, retried as the options say; a 300 page is followed once.
pub(super) async fn get_with_retries(
    client: &Client,
    url: &str,
    id: &str,
    options: &LoreOptions,
    stats: &Stats,
) -> Result<Vec<u8>, Failure> {
    let mut url = url.to_string();
    let mut redirected = false;
    let mut attempt = 0;
    loop {
        log(options, &format!("GET {url}"));
        stats.requests.fetch_add(1, Ordering::Relaxed);
        match try_get(client, &url, id, options).await {
            Attempt::Done(body) => return Ok(body),
            Attempt::Fail(failure) => return Err(failure),
            Attempt::Elsewhere(links) if !redirected => {
                let Some(first) = links.into_iter().next() else {
                    return Err(Failure::NotFound);
                };
                log(
                    options,
                    &format!("{id}: not in {}, fetching it from {first}", options.list),
                );
                url = format!("{}/t.mbox.gz", first.trim_end_matches('/'));
                redirected = true;
            }
            Attempt::Elsewhere(_) => return Err(Failure::NotFound),
            Attempt::Retry { reason, after } => {
                attempt += 1;
                if attempt > options.retries {
                    let tries = if attempt == 1 { "try" } else { "tries" };
                    return Err(Failure::Other(format!(
                        "{reason} (gave up after {attempt} {tries})"
                    )));
                }
                let wait = after
                    .map(|d| d.min(options.max_retry_after))
                    .unwrap_or_else(|| backoff(options.backoff, attempt));
                log(
                    options,
                    &format!("{id}: {reason}; retrying in {:.1}s", wait.as_secs_f64()),
                );
                tokio::time::sleep(wait).await;
            }
        }
    }
}

/// Exponential backoff with up to 50% jitter.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1 << attempt.saturating_sub(1).min(10));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    exp + exp.mul_f64(f64::from(nanos % 1000) / 2000.0)
}

async fn try_get(client: &Client, url: &str, id: &str, options: &LoreOptions) -> Attempt {
    let response = match client.get(url).send().await {
        Ok(r) => r,
        Err(e) => return transport_error(e),
    };
    let status = response.status();
    if status == StatusCode::MULTIPLE_CHOICES {
        let page = response.text().await.unwrap_or_default();
        return Attempt::Elsewhere(inboxes_holding(&page, url, id));
    }
    if status == StatusCode::NOT_FOUND || status == StatusCode::GONE {
        return Attempt::Fail(Failure::NotFound);
    }
    if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
        let after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        return Attempt::Retry {
            reason: format!("lore answered {status}"),
            after,
        };
    }
    if !status.is_success() {
        return Attempt::Fail(Failure::Other(format!("lore answered {status}")));
    }
    if response
        .content_length()
        .is_some_and(|n| n > options.max_compressed)
    {
        return Attempt::Fail(Failure::Other(too_large(
            "compressed",
            options.max_compressed,
        )));
    }
    let mut body = Vec::new();
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        match chunk {
            Ok(chunk) => {
                body.extend_from_slice(&chunk);
                if body.len() as u64 > options.max_compressed {
                    return Attempt::Fail(Failure::Other(too_large(
                        "compressed",
                        options.max_compressed,
                    )));
                }
            }
            Err(e) => return transport_error(e),
        }
    }
    match unpack(&body, options.max_unpacked) {
        Ok(mbox) => Attempt::Done(mbox),
        Err(e) => Attempt::Fail(Failure::Other(e)),
    }
}

fn transport_error(e: reqwest::Error) -> Attempt {
    let reason = if e.is_timeout() {
        "the request timed out".to_string()
    } else if e.is_connect() {
        "could not connect to lore".to_string()
    } else {
        format!("the connection failed: {}", root_cause(&e))
    };
    Attempt::Retry {
        reason,
        after: None,
    }
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut current = e;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

fn too_large(what: &str, limit: u64) -> String {
    format!(
        "the thread is larger than {} MiB {what} (raise --max-thread-size)",
        limit >> 20
    )
}

/// Gunzips a thread, refusing more than `limit` bytes (a gzip bomb) and
/// truncated data. A body that is not gzip is taken as a plain mbox.
fn unpack(body: &[u8], limit: u64) -> Result<Vec<u8>, String> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body.to_vec());
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(body)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("the thread's gzip data is broken: {e}"))?;
    if out.len() as u64 > limit {
        return Err(too_large("unpacked", limit));
    }
    Ok(out)
}

/// The inbox URLs that public-inbox's 300 page links for `id`.
fn inboxes_holding(page: &str, page_url: &str, id: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(page);
    let selector = scraper::Selector::parse("a[href]").expect("valid selector");
    let base = Url::parse(page_url).ok();
    let escaped = escape_id(id);
    let mut links: Vec<String> = document
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
        .filter_map(|href| match &base {
            Some(base) => base.join(href).ok().map(|u| u.to_string()),
            None => Some(href.to_string()),
        })
        // The page also links archives elsewhere (marc.info, ...).
        .filter(|href| {
            let same_server = match (&base, Url::parse(href)) {
                (Some(base), Ok(url)) => url.origin() == base.origin(),
                _ => false,
            };
            same_server
                && (href.trim_end_matches('/').ends_with(&escaped)
                    || href.contains(&format!("/{escaped}/")))
        })
        .map(|href| {
            let cut = href
                .find(&escaped)
                .map_or(href.len(), |i| i + escaped.len());
            format!("{}/", &href[..cut])
        })
        .collect();
    links.dedup();
    links
}

/// The list (or lore's cross-list index, which may lag) does not hold `id`.
/// The list's page for the message names the inboxes that do (status 300);
/// failing that, lore itself says where the message lives, as b4 asks it.
async fn fetch_elsewhere(
    client: &Client,
    base: &str,
    id: &str,
    options: &LoreOptions,
    stats: &Stats,
) -> Result<Vec<u8>, Failure> {
    if options.list != "all" {
        let page = format!("{base}/{}/{}/", options.list, escape_id(id));
        if let Some(inbox) = inboxes_for(client, &page, id, options, stats).await {
            log(
                options,
                &format!("{id}: not in {}, fetching it from {inbox}", options.list),
            );
            let url = format!("{inbox}t.mbox.gz");
            return get_with_retries(client, &url, id, options, stats).await;
        }
    }
    let probe = format!("{base}/{}/", escape_id(id));
    match locate(client, &probe, options, stats).await {
        Some(found) => get_with_retries(client, &found, id, options, stats).await,
        None => Err(Failure::NotFound),
    }
}

/// The first inbox that the 300 page at `url` names for `id`.
async fn inboxes_for(
    client: &Client,
    url: &str,
    id: &str,
    options: &LoreOptions,
    stats: &Stats,
) -> Option<String> {
    log(options, &format!("GET {url}"));
    stats.requests.fetch_add(1, Ordering::Relaxed);
    let response = client.get(url).send().await.ok()?;
    if response.status() != StatusCode::MULTIPLE_CHOICES {
        return None;
    }
    let page = response.text().await.ok()?;
    inboxes_holding(&page, url, id).into_iter().next()
}

/// `HEAD {lore}/{id}/` redirects to the message's home inbox.
async fn locate(
    client: &Client,
    url: &str,
    options: &LoreOptions,
    stats: &Stats,
) -> Option<String> {
    log(options, &format!("HEAD {url}"));
    stats.requests.fetch_add(1, Ordering::Relaxed);
    // public-inbox answers HEAD with a chunked body terminator that a reused
    // connection would misread as the next response, so this one is closed.
    let response = client
        .head(url)
        .header(reqwest::header::CONNECTION, "close")
        .send()
        .await
        .ok()?;
    if !response.status().is_success() {
        return None;
    }
    let final_url = response.url().to_string();
    (final_url != url).then(|| format!("{}/t.mbox.gz", final_url.trim_end_matches('/')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_bombs_are_refused() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &vec![b'a'; 1 << 20]).unwrap();
        let body = gz.finish().unwrap();
        assert!(unpack(&body, 1000).unwrap_err().contains("larger than"));
        assert_eq!(unpack(&body, 2 << 20).unwrap().len(), 1 << 20);
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"From x\n\nSubject: a\n\nbody\n").unwrap();
        let body = gz.finish().unwrap();
        assert!(unpack(&body[..body.len() - 6], 1 << 20).is_err());
    }

    #[test]
    fn the_300_page_names_the_inboxes_on_the_same_server() {
        // The shape public-inbox 1.9 serves for /{list}/{id}/.
        let page = r#"<html><head><title>&lt;a/b@x&gt; found in another inbox</title></head>
<body><pre>Message-ID: &lt;a/b@x&gt;
found in 2 inboxes:

<a
href="http://127.0.0.1:1/linux-mm/a%2Fb@x/">http://127.0.0.1:1/linux-mm/a%2Fb@x/</a>
<a
href="../../lkml/a%2Fb@x/">lkml</a>

Perhaps try an external site:

<a
href="http://marc.info/?i=a%2Fb@x">http://marc.info/?i=a/b@x</a>
<a
href="https://www.w3.org/mid/a%2Fb@x">https://www.w3.org/mid/a/b@x</a>
</pre></body></html>"#;
        let links = inboxes_holding(page, "http://127.0.0.1:1/netdev/a%2Fb@x/", "a/b@x");
        assert_eq!(
            links,
            [
                "http://127.0.0.1:1/linux-mm/a%2Fb@x/",
                "http://127.0.0.1:1/lkml/a%2Fb@x/"
            ]
        );
    }

    #[test]
    fn lore_kernel_org_gets_at_most_eight_jobs() {
        let options = LoreOptions {
            jobs: 50,
            ..LoreOptions::default()
        };
        assert_eq!(effective_jobs(&options), 8);
        let local = LoreOptions {
            jobs: 50,
            base: "http://127.0.0.1:8080".into(),
            ..LoreOptions::default()
        };
        assert_eq!(effective_jobs(&local), 50);
    }
}
