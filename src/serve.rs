//! `lkml-digest serve`: a local web page for the paste, preview, edit loop.
//!
//! The page (embedded, no CDN) posts the pasted text to `/api/draft` and
//! gets the draft, its Markdown and HTML, and the state of every pasted
//! line. Edits (order, removals, summaries) are posted to `/api/render`,
//! so that the Markdown is always the tool's own. Where mail comes from
//! (lore, cache, mailboxes) is the server's configuration, never the
//! page's: the page sends text, not URLs.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Json, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

use crate::compose::Draft;
pub use crate::fetch::lore::Progress;
use crate::render::{self, Format};

/// What the page asks for: the pasted text and the post's title and date.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DraftRequest {
    pub input: String,
    #[serde(default)]
    pub title: Option<String>,
    /// RFC 3339 or `YYYY-MM-DD`; empty for now.
    #[serde(default)]
    pub date: Option<String>,
}

/// What became of one pasted line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineState {
    pub line: String,
    /// The IDs found in it.
    pub ids: Vec<String>,
    /// `done`, `failed` (see `error`), `no-id`, or `comment` (blank lines
    /// and `#` lines); while a build runs, `queued`, `fetching`, `fetched`.
    pub state: &'static str,
    pub error: Option<String>,
}

/// The built draft, as data and rendered, and each line's state.
#[derive(Debug, Clone, Serialize)]
pub struct DraftResponse {
    pub draft: Draft,
    pub markdown: String,
    /// The preview, which shows the release charts from `/charts/`.
    pub html: String,
    pub lines: Vec<LineState>,
    /// What was asked of the post but is not in it (the release charts).
    pub missing: Vec<String>,
}

/// What the week form asks for; empty fields keep the server's defaults.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct WeekRequest {
    /// `YYYY-MM-DD`, RFC 3339 or `last-rc`.
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    #[serde(default)]
    pub lists: Vec<String>,
    #[serde(default)]
    pub interests: Vec<String>,
    #[serde(default)]
    pub top: Option<usize>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// How the server builds drafts; each runs on a blocking thread, as
/// fetching may take a while.
#[derive(Clone)]
pub struct Builders {
    pub draft: DraftBuilder,
    pub week: Builder<WeekRequest>,
    /// Where the builds write the release charts, which the page shows
    /// from `/charts/`.
    pub chart_dir: Option<PathBuf>,
    /// Where the builds' mail comes from, as the page says it: "Mail from
    /// https://lore.kernel.org", "Mail from samples/threads (--mbox)".
    pub source: String,
}

/// A draft, and what was asked of it but is not in it.
pub struct Built {
    pub draft: Draft,
    pub missing: Vec<String>,
}

/// Builds a draft from a request of the page.
pub type Builder<R> = Arc<dyn Fn(&R) -> Result<Built, String> + Send + Sync>;

/// Builds a draft from pasted text, telling the watcher how each pasted
/// ID's fetch goes (by its index among the paste's IDs).
pub type DraftBuilder =
    Arc<dyn Fn(&DraftRequest, &(dyn Fn(Progress) + Sync)) -> Result<Built, String> + Send + Sync>;

/// The server's state: how to build, the builds under way, and the gate
/// that bounds them.
#[derive(Clone)]
struct App {
    builders: Builders,
    jobs: Arc<Mutex<Jobs>>,
    gate: Arc<Gate>,
    shared: Arc<Mutex<SharedBuilds>>,
}

/// Builds under way by what they were asked: the same paste asked again
/// while it builds (a reload storm, a script) waits for that build instead
/// of starting another.
type SharedBuilds = std::collections::HashMap<String, Arc<tokio::sync::OnceCell<Shared>>>;

/// What a shared build gives each of its askers.
type Shared = Result<Arc<DraftResponse>, SharedFailure>;

#[derive(Debug, Clone)]
enum SharedFailure {
    Busy,
    Failed(StatusCode, String),
}

/// What identifies a build request.
fn build_key(request: &DraftRequest) -> String {
    format!(
        "{}\u{0}{:?}\u{0}{:?}",
        request.input, request.title, request.date
    )
}

/// How many builds run at once, and how many may wait for a turn.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub builds: usize,
    pub queue: usize,
}

impl Default for Limits {
    /// As many builds as cores, and twice that waiting.
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Limits {
            builds: cores,
            queue: 2 * cores,
        }
    }
}

/// Builds run `builds` at once; `queue` more wait; the rest are told to
/// come back (503 with Retry-After), so that a script or a reload storm
/// cannot take the machine's memory.
struct Gate {
    turns: Arc<tokio::sync::Semaphore>,
    waiting: std::sync::atomic::AtomicUsize,
    queue: usize,
}

/// A build let in: it runs now, or waits in the queue for its turn.
enum Admitted<'a> {
    Now(tokio::sync::OwnedSemaphorePermit),
    Queued(&'a Gate),
}

impl Gate {
    fn new(limits: Limits) -> Gate {
        Gate {
            turns: Arc::new(tokio::sync::Semaphore::new(limits.builds.max(1))),
            waiting: std::sync::atomic::AtomicUsize::new(0),
            queue: limits.queue,
        }
    }

    /// A place for a build, or `None` when the queue is full.
    fn admit(&self) -> Option<Admitted<'_>> {
        use std::sync::atomic::Ordering;
        if let Ok(turn) = self.turns.clone().try_acquire_owned() {
            return Some(Admitted::Now(turn));
        }
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.queue {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Admitted::Queued(self))
    }
}

impl Admitted<'_> {
    /// The build's turn: at once, or when a running one ends.
    async fn turn(self) -> tokio::sync::OwnedSemaphorePermit {
        match self {
            Admitted::Now(turn) => turn,
            Admitted::Queued(gate) => {
                let turn = gate
                    .turns
                    .clone()
                    .acquire_owned()
                    .await
                    .expect("the gate is never closed");
                gate.waiting
                    .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                turn
            }
        }
    }
}

/// Seconds a refused build is told to wait.
const RETRY_AFTER: &str = "1";

fn busy() -> Response {
    let mut response = refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        "the server is busy with other builds; retry in a moment",
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER));
    response
}

/// The newest builds, so that the page can poll them.
#[derive(Default)]
struct Jobs {
    next: u64,
    recent: VecDeque<(u64, Arc<Mutex<Job>>)>,
}

/// Builds kept for polling; older ones are forgotten.
const JOBS_KEPT: usize = 32;

struct Job {
    /// What was asked ([`build_key`]).
    key: String,
    input: String,
    ids: Vec<String>,
    states: Vec<&'static str>,
    result: Option<Result<DraftResponse, String>>,
}

/// The largest request body: 10,000 pasted lines fit well within it.
pub const MAX_BODY: usize = 4 << 20;

const PAGE: &str = include_str!("../templates/serve/index.html");
const SCRIPT: &str = include_str!("../templates/serve/app.js");
const STYLE: &str = include_str!("../templates/serve/app.css");

/// The whole app: the page, its assets, and the API calls.
pub fn router(builders: Builders) -> Router {
    router_with(builders, Limits::default())
}

/// [`router`] with its bounds on builds.
pub fn router_with(builders: Builders, limits: Limits) -> Router {
    // The page names the server's source; mail text never reaches it.
    let page: Arc<str> = PAGE
        .replace("<!--source-->", &text_as_html(&builders.source))
        .into();
    let app = App {
        builders,
        jobs: Arc::default(),
        gate: Arc::new(Gate::new(limits)),
        shared: Arc::default(),
    };
    Router::new()
        .route(
            "/",
            get(move || async move { asset(page.clone(), "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { asset(STYLE, "text/css; charset=utf-8") }),
        )
        .route("/api/draft", post(draft))
        .route("/api/jobs", post(start_job))
        .route("/api/jobs/{id}", get(job))
        .route("/api/week", post(week))
        .route("/api/render", post(rendered))
        .route("/charts/{name}", get(chart))
        .layer(middleware::from_fn(same_origin_posts))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(app)
}

/// `text` with HTML's special characters escaped.
fn text_as_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn asset(body: impl Into<Arc<str>>, kind: &'static str) -> Response {
    let body: Arc<str> = body.into();
    let mut response = body.to_string().into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // Everything the page needs is served here; nothing else may run.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; frame-src 'self' about:; img-src 'self' data:; \
             style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// State-changing requests must come from the page itself: a POST whose
/// Origin is another site is refused, as is one that is not JSON (which a
/// cross-site form could send without a preflight).
async fn same_origin_posts(headers: HeaderMap, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN) {
        let allowed = host.map(|h| format!("http://{h}"));
        if origin.to_str().ok() != allowed.as_deref() {
            return refuse(StatusCode::FORBIDDEN, "cross-origin requests are refused");
        }
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return refuse(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send JSON");
    }
    next.run(request).await
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, Json(serde_json::json!({ "error": why }))).into_response()
}

async fn draft(State(app): State<App>, Json(request): Json<DraftRequest>) -> Response {
    let key = build_key(&request);
    let cell = app
        .shared
        .lock()
        .expect("shared builds lock")
        .entry(key.clone())
        .or_default()
        .clone();
    let shared = cell
        .get_or_init(|| build_once(app.clone(), request))
        .await
        .clone();
    // The build is over: the next request of this paste builds anew.
    {
        let mut builds = app.shared.lock().expect("shared builds lock");
        if builds.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
            builds.remove(&key);
        }
    }
    match shared {
        Ok(response) => Json(&*response).into_response(),
        Err(SharedFailure::Busy) => busy(),
        Err(SharedFailure::Failed(status, why)) => refuse(status, &why),
    }
}

/// One build of a paste, for every request of it while it runs.
async fn build_once(app: App, request: DraftRequest) -> Shared {
    let gate = app.gate.clone();
    let Some(admitted) = gate.admit() else {
        return Err(SharedFailure::Busy);
    };
    let turn = admitted.turn().await;
    let result = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        let built = (app.builders.draft)(&request, &|_| {})?;
        Ok::<_, String>((lines(&request.input, &built.draft), built))
    })
    .await;
    match result {
        Ok(Ok((lines, built))) => match both(&built.draft) {
            Ok((markdown, html)) => Ok(Arc::new(DraftResponse {
                draft: built.draft,
                markdown,
                html,
                lines,
                missing: built.missing,
            })),
            Err(e) => Err(SharedFailure::Failed(StatusCode::INTERNAL_SERVER_ERROR, e)),
        },
        Ok(Err(e)) => Err(SharedFailure::Failed(StatusCode::BAD_REQUEST, e)),
        Err(e) => Err(SharedFailure::Failed(
            StatusCode::INTERNAL_SERVER_ERROR,
            e.to_string(),
        )),
    }
}

/// The week form: the window's best threads, as `lkml-digest week` finds
/// them with the server's sources.
async fn week(State(app): State<App>, Json(request): Json<WeekRequest>) -> Response {
    let gate = app.gate.clone();
    let Some(admitted) = gate.admit() else {
        return busy();
    };
    let turn = admitted.turn().await;
    let result = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        let built = (app.builders.week)(&request)?;
        Ok::<_, String>((Vec::new(), built))
    })
    .await;
    respond(result)
}

type Answered = Result<Result<(Vec<LineState>, Built), String>, tokio::task::JoinError>;

fn respond(result: Answered) -> Response {
    match result {
        Ok(Ok((lines, built))) => match both(&built.draft) {
            Ok((markdown, html)) => Json(DraftResponse {
                draft: built.draft,
                markdown,
                html,
                lines,
                missing: built.missing,
            })
            .into_response(),
            Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
        },
        Ok(Err(e)) => refuse(StatusCode::BAD_REQUEST, &e),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Starts a build and answers at once with its number; the page then
/// polls `/api/jobs/{id}` for each line's state and, at the end, the draft.
async fn start_job(State(app): State<App>, Json(request): Json<DraftRequest>) -> Response {
    let ids = crate::input::extract(&request.input).ids;
    if ids.is_empty() {
        return refuse(
            StatusCode::BAD_REQUEST,
            "no message IDs in the paste: IDs or lore links, one or more per line",
        );
    }
    // The same paste while it builds: the page polls that build.
    let running = {
        let jobs = app.jobs.lock().expect("jobs lock");
        jobs.recent.iter().rev().find_map(|(n, job)| {
            let job = job.lock().expect("job lock");
            (job.result.is_none() && job.key == build_key(&request)).then_some(*n)
        })
    };
    if let Some(id) = running {
        return Json(serde_json::json!({ "job": id })).into_response();
    }
    // Admitted now, or refused now: a queued build's page polls it.
    let gate = app.gate.clone();
    let queued = match gate.admit() {
        None => return busy(),
        Some(Admitted::Now(turn)) => Ok(turn),
        Some(Admitted::Queued(_)) => Err(()),
    };
    let job = Arc::new(Mutex::new(Job {
        key: build_key(&request),
        input: request.input.clone(),
        states: vec!["queued"; ids.len()],
        ids,
        result: None,
    }));
    let id = {
        let mut jobs = app.jobs.lock().expect("jobs lock");
        jobs.next += 1;
        let id = jobs.next;
        jobs.recent.push_back((id, job.clone()));
        if jobs.recent.len() > JOBS_KEPT {
            jobs.recent.pop_front();
        }
        id
    };
    tokio::spawn(async move {
        let turn = match queued {
            Ok(turn) => turn,
            Err(()) => Admitted::Queued(&gate).turn().await,
        };
        let _ = tokio::task::spawn_blocking(move || run_job(&app, &request, &job, turn)).await;
    });
    Json(serde_json::json!({ "job": id })).into_response()
}

/// Runs one build of the page, holding its `turn` until it is done.
fn run_job(
    app: &App,
    request: &DraftRequest,
    job: &Mutex<Job>,
    turn: tokio::sync::OwnedSemaphorePermit,
) {
    let _turn = turn;
    {
        let watch = |event: Progress| {
            let mut job = job.lock().expect("job lock");
            match event {
                Progress::Started(i) => job.states[i] = "fetching",
                Progress::Finished { index, ok, .. } => {
                    job.states[index] = if ok { "fetched" } else { "failed" }
                }
                // A page's draft reads no mailbox.
                Progress::Read { .. } => {}
            }
        };
        let result = (app.builders.draft)(request, &watch).and_then(|built| {
            let (markdown, html) = both(&built.draft)?;
            Ok(DraftResponse {
                lines: lines(&request.input, &built.draft),
                draft: built.draft,
                markdown,
                html,
                missing: built.missing,
            })
        });
        job.lock().expect("job lock").result = Some(result);
    }
}

/// A build's progress: each pasted line's state, and the draft once done.
async fn job(State(app): State<App>, Path(id): Path<u64>) -> Response {
    let job = {
        let jobs = app.jobs.lock().expect("jobs lock");
        jobs.recent
            .iter()
            .find(|(n, _)| *n == id)
            .map(|(_, j)| j.clone())
    };
    let Some(job) = job else {
        return refuse(
            StatusCode::NOT_FOUND,
            "no such build (the server keeps the last 32)",
        );
    };
    let job = job.lock().expect("job lock");
    match &job.result {
        Some(Ok(result)) => Json(serde_json::json!({ "done": true, "result": result })),
        Some(Err(e)) => Json(serde_json::json!({ "done": true, "error": e })),
        None => Json(serde_json::json!({ "done": false, "lines": running_lines(&job) })),
    }
    .into_response()
}

/// Each line's state while its IDs are fetched.
fn running_lines(job: &Job) -> Vec<LineState> {
    let index: std::collections::HashMap<&str, usize> = job
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    line_states(&job.input, |id| {
        let state = index.get(id).map_or("queued", |&i| job.states[i]);
        (state, None)
    })
}

#[derive(Debug, Deserialize)]
struct RenderRequest {
    draft: Draft,
}

#[derive(Debug, Serialize)]
struct RenderResponse {
    markdown: String,
    html: String,
}

/// An edited draft (entries reordered, removed, summaries changed) back
/// as Markdown and HTML.
async fn rendered(Json(request): Json<RenderRequest>) -> Response {
    match both(&request.draft) {
        Ok((markdown, html)) => Json(RenderResponse { markdown, html }).into_response(),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

/// The Hugo post as the command line writes it, linking charts where the
/// post will, and the preview, showing them from this server.
fn both(draft: &Draft) -> Result<(String, String), String> {
    let markdown = render::render(draft, Format::Hugo).map_err(|e| e.to_string())?;
    let html = if draft.entries.iter().all(|e| e.charts.is_empty()) {
        render::render(draft, Format::Html)
    } else {
        let mut preview = draft.clone();
        for chart in preview.entries.iter_mut().flat_map(|e| e.charts.iter_mut()) {
            let name = std::path::Path::new(&chart.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            chart.url = format!("/charts/{}", crate::input::escape_id(&name));
        }
        render::render(&preview, Format::Html)
    }
    .map_err(|e| e.to_string())?;
    Ok((markdown, html))
}

/// A release chart from the chart directory: a PNG or SVG named there,
/// nothing else.
async fn chart(State(app): State<App>, Path(name): Path<String>) -> Response {
    let kind = match crate::render::chart::ImageFormat::of(std::path::Path::new(&name)) {
        Some(crate::render::chart::ImageFormat::Png) => "image/png",
        Some(crate::render::chart::ImageFormat::Svg) => "image/svg+xml",
        None => return refuse(StatusCode::NOT_FOUND, "no such chart"),
    };
    let Some(dir) = app.builders.chart_dir.as_ref() else {
        return refuse(StatusCode::NOT_FOUND, "no chart directory (--chart-dir)");
    };
    if name.starts_with('.') || name.contains(['/', '\\']) {
        return refuse(StatusCode::NOT_FOUND, "no such chart");
    }
    match tokio::fs::read(dir.join(&name)).await {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            headers.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            response
        }
        Err(_) => refuse(StatusCode::NOT_FOUND, "no such chart"),
    }
}

/// The state of each pasted line, from the IDs it holds and the draft's
/// failures.
pub fn lines(input: &str, draft: &Draft) -> Vec<LineState> {
    let failures: std::collections::HashMap<&str, &str> = draft
        .failed
        .iter()
        .map(|f| (f.input.as_str(), f.error.as_str()))
        .collect();
    line_states(input, |id| match failures.get(id) {
        Some(error) => ("failed", Some(error.to_string())),
        None => ("done", None),
    })
}

/// Each pasted line with its IDs and a state made of theirs (`state_of`
/// gives an ID's state and error): failed if one failed, fetching if one
/// is, the state they share if they all share one, else queued.
fn line_states(
    input: &str,
    state_of: impl Fn(&str) -> (&'static str, Option<String>),
) -> Vec<LineState> {
    input
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            let ids = crate::input::extract(line).ids;
            let states: Vec<(&'static str, Option<String>)> =
                ids.iter().map(|id| state_of(id)).collect();
            let has = |s: &str| states.iter().any(|(state, _)| *state == s);
            let state = if trimmed.is_empty() || trimmed.starts_with('#') && ids.is_empty() {
                "comment"
            } else if ids.is_empty() {
                "no-id"
            } else if has("failed") {
                "failed"
            } else if has("fetching") {
                "fetching"
            } else if states.iter().all(|(state, _)| *state == states[0].0) {
                states[0].0
            } else {
                "queued"
            };
            LineState {
                line: line.chars().take(300).collect(),
                error: states.into_iter().find_map(|(_, error)| error),
                ids,
                state,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_build_shows_each_lines_ids_as_they_go() {
        let job = Job {
            key: String::new(),
            input: "# picks\na@x\nhttps://lore.kernel.org/r/b@x https://lore.kernel.org/r/c@x\nnothing here\nd@x\n"
                .into(),
            ids: vec!["a@x".into(), "b@x".into(), "c@x".into(), "d@x".into()],
            states: vec!["fetched", "fetched", "fetching", "failed"],
            result: None,
        };
        let states: Vec<&str> = running_lines(&job).iter().map(|l| l.state).collect();
        assert_eq!(
            states,
            ["comment", "fetched", "fetching", "no-id", "failed"]
        );
    }
}
