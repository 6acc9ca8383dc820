//! Whole threads from a public-inbox server such as lore.kernel.org.
//!
//! A thread is `GET {lore}/{list}/{id}/t.mbox.gz`. The client is polite:
//! a few requests at a time, a User-Agent that says who it is (and never
//! "Mozilla", which bot walls challenge), retries with backoff, one pause
//! for every worker after 429 or 503, and a cache so that a second run asks
//! nothing. An answer counts only when it is the mail asked for; after a
//! few bot checks in a row the run stops asking. Every failure is one line
//! for its ID; no ID costs another.

use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use futures_util::StreamExt;
use percent_encoding::percent_decode_str;
use reqwest::{Client, StatusCode, Url};
use tokio::time::Instant;

use super::RawMessage;
use super::answer;
use super::cache::{Cache, Lookup};
use super::error::FetchError;
use crate::input::escape_id;

/// The lore server, when none is given.
pub const DEFAULT_LORE: &str = "https://lore.kernel.org";
/// The most requests at once that lore.kernel.org is sent.
pub const MAX_JOBS_LORE: usize = 8;
/// Bot checks in a row after which a run asks the server nothing more.
pub const WALLS_BEFORE_STOP: usize = 3;

/// The failure of an ID that a stopped run did not ask for.
pub fn stopped() -> FetchError {
    FetchError::StoppedByWall {
        walls: WALLS_BEFORE_STOP,
    }
}
/// Who asks: the tool, its version and its home. Anubis's default rules
/// challenge any User-Agent with "Mozilla" in it, so this one has none.
pub const USER_AGENT: &str = concat!(
    "lkml-digest/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    ")"
);

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

impl LoreOptions {
    /// The cached copy this run may use: a fresh one unless `--refresh`,
    /// any with `--offline`.
    pub fn usable(&self, cached: Lookup) -> Option<Vec<u8>> {
        match cached {
            Lookup::Fresh(body) if !self.refresh || self.offline => Some(body),
            Lookup::Stale(body) if self.offline => Some(body),
            _ => None,
        }
    }
}

/// The result for one message ID: the mails of its thread, or why not.
pub type ThreadResult = Result<Vec<RawMessage>, FetchError>;

/// A thread to fetch and the inbox to ask for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadAsk {
    pub id: String,
    pub inbox: String,
    /// The one list whose listing held the message: asked next when the
    /// inbox does not have it (`/all/`'s index lags behind the lists').
    pub listed_in: Option<String>,
}

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
    /// It is done (`ok`: a thread came back); `done` of `total` IDs are
    /// done in all.
    Finished {
        index: usize,
        ok: bool,
        done: usize,
        total: usize,
    },
    /// Local mail is being read: `mails` so far, the window's or not.
    Read { mails: usize },
}

/// One run's dealings with one server: the HTTP client, and what all its
/// requests share: a pause after 429 or 503, and the count of bot checks
/// in a row.
#[derive(Debug)]
pub struct Lore {
    http: Client,
    options: LoreOptions,
    stats: Stats,
    /// No request starts before this (429 or 503 slow every worker down).
    resume_at: Mutex<Option<Instant>>,
    walls_in_a_row: AtomicUsize,
}

/// A server's answer that is worth reading: 2xx, 300, 404 or 410.
pub(super) struct Reply {
    pub status: StatusCode,
    /// Unpacked where it was gzip.
    pub body: Bytes,
    /// Where the answer came from, after redirects.
    pub url: Url,
}

/// Why one request did not give a [`Reply`].
enum Failed {
    /// Worth another try; `pause_all` when the server asked everyone to
    /// slow down (429, 503).
    Retry {
        error: FetchError,
        after: Option<Duration>,
        pause_all: bool,
    },
    Final(FetchError),
}

impl Lore {
    pub fn new(options: LoreOptions) -> Result<Lore, FetchError> {
        let http = Client::builder()
            .user_agent(USER_AGENT)
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|e| FetchError::Client(e.to_string()))?;
        Ok(Lore {
            http,
            options,
            stats: Stats::default(),
            resume_at: Mutex::new(None),
            walls_in_a_row: AtomicUsize::new(0),
        })
    }

    pub fn options(&self) -> &LoreOptions {
        &self.options
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    fn base(&self) -> &str {
        self.options.base.trim_end_matches('/')
    }

    /// Whether the run has met [`WALLS_BEFORE_STOP`] bot checks in a row
    /// and asks nothing more.
    pub fn is_stopped(&self) -> bool {
        self.walls_in_a_row.load(Ordering::Relaxed) >= WALLS_BEFORE_STOP
    }

    /// Counts a network answer toward the walls in a row: a bot check adds
    /// one, mail starts again from none.
    pub(super) fn count_wall<T>(&self, result: &Result<T, FetchError>) {
        match result {
            Ok(_) => self.walls_in_a_row.store(0, Ordering::Relaxed),
            Err(e) if e.is_wall() => {
                let walls = self.walls_in_a_row.fetch_add(1, Ordering::Relaxed) + 1;
                if walls == WALLS_BEFORE_STOP {
                    self.log(&format!(
                        "{walls} bot checks in a row: asking {} nothing more",
                        self.base()
                    ));
                }
            }
            Err(_) => {}
        }
    }

    /// `-v`: what could not be cached (a full disk, say); the run goes on.
    pub(super) fn note_cache_failure(&self, what: &str, error: &std::io::Error) {
        self.log(&format!("{what}: could not write to the cache: {error}"));
    }

    pub(super) fn log(&self, text: &str) {
        if self.options.verbose {
            eprintln!("lkml-digest: {text}");
        }
    }

    /// Fetches the asked threads, in order, `jobs` at a time.
    pub async fn threads(
        &self,
        asks: &[ThreadAsk],
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Vec<ThreadResult> {
        let done = AtomicUsize::new(0);
        let mut results: Vec<(usize, ThreadResult)> =
            futures_util::stream::iter(asks.iter().enumerate())
                .map(|(i, ask)| {
                    let done = &done;
                    async move {
                        progress(Progress::Started(i));
                        let result = self.thread(ask).await;
                        progress(Progress::Finished {
                            index: i,
                            ok: result.is_ok(),
                            done: done.fetch_add(1, Ordering::Relaxed) + 1,
                            total: asks.len(),
                        });
                        (i, result)
                    }
                })
                .buffer_unordered(effective_jobs(&self.options))
                .collect()
                .await;
        results.sort_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, r)| r).collect()
    }

    /// One ID's thread: from the cache where it holds verified mail, else
    /// from the server, asking `inbox` first.
    async fn thread(&self, ask: &ThreadAsk) -> ThreadResult {
        let (id, inbox) = (ask.id.as_str(), ask.inbox.as_str());
        let origin = format!("{} thread of {id}", self.base());
        let as_raw = |mails: Vec<Bytes>| {
            mails
                .into_iter()
                .map(|bytes| RawMessage {
                    bytes,
                    origin: origin.clone(),
                })
                .collect::<Vec<_>>()
        };
        let cache = self.options.cache.as_ref();
        let cached = match cache {
            Some(cache) => cache.get(self.base(), inbox, id),
            None => Lookup::Missing,
        };
        if let Some(body) = self.options.usable(cached) {
            match answer::thread_mails(Bytes::from(body), id) {
                Ok(mails) => {
                    self.stats.from_cache.fetch_add(1, Ordering::Relaxed);
                    return Ok(as_raw(mails));
                }
                Err(not_mail) => {
                    // Written by an older version, or not this thread: gone.
                    if let Some(cache) = cache {
                        cache.remove(self.base(), inbox, id);
                    }
                    if self.options.offline {
                        return Err(FetchError::CachedNotMail(not_mail));
                    }
                }
            }
        }
        if self.options.offline {
            return Err(FetchError::Offline);
        }
        if self.is_stopped() {
            return Err(stopped());
        }
        let result = self.fetch_thread(ask).await;
        self.count_wall(&result);
        let (mbox, mails) = result?;
        if let Some(cache) = cache
            && let Err(e) = cache.put(self.base(), inbox, id, &mbox)
        {
            self.note_cache_failure(id, &e);
        }
        Ok(as_raw(mails))
    }

    /// The thread from the asked list, or from where the server says the
    /// message lives: the mbox as served and its mails.
    async fn fetch_thread(&self, ask: &ThreadAsk) -> Result<(Bytes, Vec<Bytes>), FetchError> {
        let (id, list) = (ask.id.as_str(), ask.inbox.as_str());
        let url = format!("{}/{list}/{}/t.mbox.gz", self.base(), escape_id(id));
        let reply = self.get(&url, id).await?;
        if reply.status.is_success() {
            return thread_of(reply.body, id);
        }
        if reply.status == StatusCode::MULTIPLE_CHOICES {
            let links = message_links(&reply.body, &reply.url, id);
            return match links.exact.first() {
                Some(home) => self.fetch_from(home, id).await,
                None => Err(FetchError::NotFound {
                    suggestions: links.partial,
                }),
            };
        }
        if let Some(listed) = ask.listed_in.as_deref().filter(|l| *l != list) {
            let message_url = format!("{}/{listed}/{}/", self.base(), escape_id(id));
            match self.fetch_from(&message_url, id).await {
                Err(e) if e.is_not_found() => {}
                found => {
                    self.log(&format!(
                        "{id}: not in {list} yet, fetched it from {listed}"
                    ));
                    return found;
                }
            }
        }
        self.fetch_elsewhere(id, list).await
    }

    /// The list (or lore's cross-list index, which may lag) does not hold
    /// `id`. The list's page for the message names the inboxes that do
    /// (status 300, with partial matches where there is no exact one);
    /// failing that, lore itself says where the message lives, as b4 asks.
    async fn fetch_elsewhere(
        &self,
        id: &str,
        list: &str,
    ) -> Result<(Bytes, Vec<Bytes>), FetchError> {
        let mut suggestions = Vec::new();
        if list != "all" {
            let page = format!("{}/{list}/{}/", self.base(), escape_id(id));
            let reply = self.get(&page, id).await?;
            if let Some(wall) = answer::bot_check(&reply.body) {
                return Err(FetchError::NotMail(wall));
            }
            if reply.status == StatusCode::MULTIPLE_CHOICES || reply.status.is_success() {
                let links = message_links(&reply.body, &reply.url, id);
                if let Some(home) = links.exact.first() {
                    self.log(&format!("{id}: not in {list}, fetching it from {home}"));
                    return self.fetch_from(home, id).await;
                }
                suggestions = links.partial;
            }
        }
        match self.locate(id).await? {
            Some(home) => self.fetch_from(&home, id).await,
            None => Err(FetchError::NotFound { suggestions }),
        }
    }

    /// The thread at a message URL (`{lore}/{inbox}/{id}/`) another page
    /// named.
    async fn fetch_from(
        &self,
        message_url: &str,
        id: &str,
    ) -> Result<(Bytes, Vec<Bytes>), FetchError> {
        let url = format!("{}/t.mbox.gz", message_url.trim_end_matches('/'));
        let reply = self.get(&url, id).await?;
        if reply.status.is_success() {
            thread_of(reply.body, id)
        } else {
            Err(FetchError::NotFound {
                suggestions: Vec::new(),
            })
        }
    }

    /// `HEAD {lore}/{id}/` redirects to the message's home inbox. A 200
    /// without a redirect is no public-inbox answer: the page is read to
    /// tell a bot check from nothing.
    async fn locate(&self, id: &str) -> Result<Option<String>, FetchError> {
        let url = format!("{}/{}/", self.base(), escape_id(id));
        if self.is_stopped() {
            return Err(stopped());
        }
        self.wait_for_resume().await;
        self.log(&format!("HEAD {url}"));
        self.stats.requests.fetch_add(1, Ordering::Relaxed);
        // public-inbox answers HEAD with a chunked body terminator that a
        // reused connection would misread as the next response, so this one
        // is closed.
        let response = self
            .http
            .head(&url)
            .header(reqwest::header::CONNECTION, "close")
            .send()
            .await;
        let Ok(response) = response else {
            return Ok(None);
        };
        if !response.status().is_success() {
            return Ok(None);
        }
        let home = response.url().clone();
        if home.as_str() != url {
            return Ok(
                (last_segment_id(&home).as_deref() == Some(id)).then(|| home.as_str().to_string())
            );
        }
        let reply = self.get(&url, id).await?;
        if let Some(wall) = answer::bot_check(&reply.body) {
            return Err(FetchError::NotMail(wall));
        }
        Ok(None)
    }

    async fn wait_for_resume(&self) {
        let resume_at = *self
            .resume_at
            .lock()
            .expect("the pause lock is never poisoned");
        if let Some(at) = resume_at {
            tokio::time::sleep_until(at).await;
        }
    }

    /// Every request waits `wait` from now, however many are in flight.
    fn pause_all(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut resume_at = self
            .resume_at
            .lock()
            .expect("the pause lock is never poisoned");
        if resume_at.is_none_or(|at| at < until) {
            *resume_at = Some(until);
        }
    }

    /// GET `url`, retried as the options say; `what` names it in the log.
    pub(super) async fn get(&self, url: &str, what: &str) -> Result<Reply, FetchError> {
        self.request(url, None, what).await
    }

    async fn request(
        &self,
        url: &str,
        form: Option<&str>,
        what: &str,
    ) -> Result<Reply, FetchError> {
        self.retried(url, form, what, || self.try_request(url, form))
            .await
    }

    /// POST `form` to `url`, retried as a GET is until the server answers
    /// with a status worth reading; the answer's body is the caller's to
    /// read as it streams ([`Self::reply_of`] reads it whole).
    pub(super) async fn post_streamed(
        &self,
        url: &str,
        form: &str,
        what: &str,
    ) -> Result<reqwest::Response, FetchError> {
        self.retried(url, Some(form), what, || self.try_send(url, Some(form)))
            .await
    }

    /// `attempt` until it succeeds, fails for good, or has been retried as
    /// often as the options allow (with backoff, or as 429/503 say).
    async fn retried<T, Attempt>(
        &self,
        url: &str,
        form: Option<&str>,
        what: &str,
        attempt: impl Fn() -> Attempt,
    ) -> Result<T, FetchError>
    where
        Attempt: std::future::Future<Output = Result<T, Failed>>,
    {
        let mut tries = 0;
        loop {
            if self.is_stopped() {
                return Err(stopped());
            }
            self.wait_for_resume().await;
            tries += 1;
            let method = if form.is_some() { "POST" } else { "GET" };
            self.log(&format!("{method} {url}"));
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            match attempt().await {
                Ok(reply) => return Ok(reply),
                Err(Failed::Final(error)) => return Err(error),
                Err(Failed::Retry { error, .. }) if tries > self.options.retries => {
                    return Err(FetchError::GaveUp {
                        last: Box::new(error),
                        tries,
                    });
                }
                Err(Failed::Retry {
                    error,
                    after,
                    pause_all,
                }) => {
                    let wait = after
                        .map(|d| d.min(self.options.max_retry_after))
                        .unwrap_or_else(|| backoff(self.options.backoff, tries));
                    self.log(&format!(
                        "{what}: {error}; retrying in {:.1}s{}",
                        wait.as_secs_f64(),
                        if pause_all { ", all requests wait" } else { "" }
                    ));
                    if pause_all {
                        self.pause_all(wait);
                    } else {
                        tokio::time::sleep(wait).await;
                    }
                }
            }
        }
    }

    async fn try_request(&self, url: &str, form: Option<&str>) -> Result<Reply, Failed> {
        let response = self.try_send(url, form).await?;
        self.read_reply(response).await
    }

    /// Sends the request; a status that asks for another try (429, 5xx) is
    /// a [`Failed::Retry`], any other is the response, its body unread.
    async fn try_send(&self, url: &str, form: Option<&str>) -> Result<reqwest::Response, Failed> {
        let request = match form {
            Some(form) => self
                .http
                .post(url)
                .header(
                    reqwest::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(form.to_string()),
            None => self.http.get(url),
        };
        let response = request.send().await.map_err(|e| transport_error(e, url))?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            let after = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            return Err(Failed::Retry {
                error: FetchError::Status(status),
                after,
                pause_all: matches!(
                    status,
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                ),
            });
        }
        Ok(response)
    }

    /// The whole body of `response`, unpacked, within the size limits; a
    /// status that says nothing worth reading is an error (a bot wall's
    /// where the body is one).
    async fn read_reply(&self, response: reqwest::Response) -> Result<Reply, Failed> {
        let status = response.status();
        let worth_reading = status.is_success()
            || matches!(
                status,
                StatusCode::MULTIPLE_CHOICES | StatusCode::NOT_FOUND | StatusCode::GONE
            );
        let url = response.url().clone();
        let limit = self.options.max_compressed;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(Failed::Final(too_large("compressed", limit)));
        }
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            body.extend_from_slice(&chunk.map_err(|e| transport_error(e, url.as_str()))?);
            if body.len() as u64 > limit {
                return Err(Failed::Final(too_large("compressed", limit)));
            }
        }
        let body = unpack(body, self.options.max_unpacked).map_err(Failed::Final)?;
        if !worth_reading {
            // A wall may answer with an error status too.
            return Err(Failed::Final(match answer::bot_check(&body) {
                Some(wall) => FetchError::NotMail(wall),
                None => FetchError::Status(status),
            }));
        }
        Ok(Reply {
            status,
            body: Bytes::from(body),
            url,
        })
    }

    /// The whole of a response [`Self::post_streamed`] gave that is not
    /// to be streamed (an error page), as a GET's reply is read.
    pub(super) async fn reply_of(&self, response: reqwest::Response) -> Result<Reply, FetchError> {
        self.read_reply(response)
            .await
            .map_err(|failed| match failed {
                Failed::Retry { error, .. } | Failed::Final(error) => error,
            })
    }
}

/// The thread in a 200's body, or what the body is instead.
fn thread_of(body: Bytes, id: &str) -> Result<(Bytes, Vec<Bytes>), FetchError> {
    let mails = answer::thread_mails(body.clone(), id).map_err(FetchError::NotMail)?;
    Ok((body, mails))
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

/// Exponential backoff with up to 50% jitter.
fn backoff(base: Duration, attempt: u32) -> Duration {
    let exp = base.saturating_mul(1 << attempt.saturating_sub(1).min(10));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    exp + exp.mul_f64(f64::from(nanos % 1000) / 2000.0)
}

/// A failure of the network, named by its kind ("did not resolve",
/// "refused"), with the way out.
fn transport_error(e: reqwest::Error, url: &str) -> Failed {
    let host = Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_else(|| "lore".into());
    let cause = root_cause(&e);
    let lower = cause.to_lowercase();
    let what = if e.is_timeout() {
        format!("{host} did not answer in time")
    } else if lower.contains("lookup")
        || lower.contains("resolve")
        || lower.contains("name or service")
        || lower.contains("no address")
        || lower.contains("dns")
    {
        format!("the name {host} did not resolve (no network, or a mistyped --lore)")
    } else if lower.contains("refused") {
        format!("{host} refused the connection")
    } else if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake")
    {
        format!("the TLS handshake with {host} failed: {cause}")
    } else if e.is_connect() {
        format!("could not connect to {host}: {cause}")
    } else {
        format!("the connection to {host} failed: {cause}")
    };
    let reason = format!("{what}; {WAY_OUT}");
    Failed::Retry {
        error: FetchError::Transport(reason),
        after: None,
        pause_all: false,
    }
}

/// What to do without lore, said with each network failure.
pub const WAY_OUT: &str = "--mbox reads local mail, --offline the cache, --lore URL a mirror";

pub(super) fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut current = e;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

fn too_large(what: &'static str, limit: u64) -> FetchError {
    FetchError::TooLarge {
        what,
        limit_mib: limit >> 20,
    }
}

/// Gunzips a body, refusing more than `limit` bytes (a gzip bomb) and
/// truncated data. A body that is not gzip is returned as it is.
fn unpack(body: Vec<u8>, limit: u64) -> Result<Vec<u8>, FetchError> {
    if !body.starts_with(&[0x1f, 0x8b]) {
        return Ok(body);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&body[..])
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| FetchError::Unreadable(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(too_large("unpacked", limit));
    }
    Ok(out)
}

/// The message links of a public-inbox page that point into this server:
/// those of the asked ID (its copies in other inboxes) and of other IDs
/// (partial matches, offered but never followed).
#[derive(Debug, Default, PartialEq, Eq)]
struct MessageLinks {
    /// Message URLs (`{lore}/{inbox}/{id}/`) of exactly the asked ID.
    exact: Vec<String>,
    /// Other IDs the page offers.
    partial: Vec<String>,
}

fn message_links(page: &[u8], page_url: &Url, id: &str) -> MessageLinks {
    let page = String::from_utf8_lossy(page);
    let document = scraper::Html::parse_document(&page);
    let selector = scraper::Selector::parse("a[href]").expect("valid selector");
    let mut links = MessageLinks::default();
    for href in document
        .select(&selector)
        .filter_map(|a| a.value().attr("href"))
    {
        let Ok(mut url) = page_url.join(href) else {
            continue;
        };
        // The page also links archives elsewhere (marc.info, ...).
        if url.origin() != page_url.origin() {
            continue;
        }
        url.set_query(None);
        url.set_fragment(None);
        // Its own address (a search link, `?q=...`) names no other inbox.
        if url.path() == page_url.path() {
            continue;
        }
        let Some(found) = last_segment_id(&url) else {
            continue;
        };
        if found == id {
            let message_url = format!("{}/", url.as_str().trim_end_matches('/'));
            if !links.exact.contains(&message_url) {
                links.exact.push(message_url);
            }
        } else if !links.partial.contains(&found) {
            links.partial.push(found);
        }
    }
    links
}

/// The message ID a URL's last path segment names, decoded.
fn last_segment_id(url: &Url) -> Option<String> {
    let segment = url.path().trim_end_matches('/').rsplit('/').next()?;
    let id = percent_decode_str(segment).decode_utf8().ok()?;
    id.contains('@').then(|| id.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_bombs_are_refused() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut gz, &vec![b'a'; 1 << 20]).unwrap();
        let body = gz.finish().unwrap();
        assert!(
            unpack(body.clone(), 1000)
                .unwrap_err()
                .to_string()
                .contains("larger than")
        );
        assert_eq!(unpack(body, 2 << 20).unwrap().len(), 1 << 20);
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"From x\n\nSubject: a\n\nbody\n").unwrap();
        let body = gz.finish().unwrap();
        assert!(unpack(body[..body.len() - 6].to_vec(), 1 << 20).is_err());
    }

    fn page_url(list_and_id: &str) -> Url {
        Url::parse(&format!("http://127.0.0.1:1/{list_and_id}/")).unwrap()
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
        let links = message_links(page.as_bytes(), &page_url("netdev/a%2Fb@x"), "a/b@x");
        assert_eq!(
            links.exact,
            [
                "http://127.0.0.1:1/linux-mm/a%2Fb@x/",
                "http://127.0.0.1:1/lkml/a%2Fb@x/"
            ]
        );
        assert!(links.partial.is_empty());
    }

    #[test]
    fn an_id_that_merely_ends_like_the_asked_one_is_a_partial_match() {
        // public-inbox's partial-match page for an ID it lacks.
        let page = r#"<html><head><title>&lt;1-a@b.org&gt; not found</title></head>
<body><pre>Message-ID &lt;1-a@b.org&gt;
not found

1 partial match found:

<a
href="../../lkml/20200101-1-a@b.org/">../../lkml/20200101-1-a@b.org/</a>
</pre></body></html>"#;
        let links = message_links(page.as_bytes(), &page_url("netdev/1-a@b.org"), "1-a@b.org");
        assert!(links.exact.is_empty(), "{links:?}");
        assert_eq!(links.partial, ["20200101-1-a@b.org"]);
    }

    #[test]
    fn the_user_agent_names_the_tool_and_never_mozilla() {
        assert!(USER_AGENT.starts_with("lkml-digest/"));
        assert!(USER_AGENT.contains(env!("CARGO_PKG_REPOSITORY")));
        assert!(!USER_AGENT.to_lowercase().contains("mozilla"));
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
