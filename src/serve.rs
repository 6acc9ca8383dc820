//! `lkml-digest serve`: a local web page for the paste, preview, edit loop.
//!
//! The page (embedded, no CDN) posts the pasted text to `/api/draft` and
//! gets the draft, its Markdown and HTML, and the state of every pasted
//! line. Edits (order, removals, summaries) are posted to `/api/render`,
//! so that the Markdown is always the tool's own. Where mail comes from
//! (lore, cache, mailboxes) is the server's configuration, never the
//! page's: the page sends text, not URLs.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Json, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

use crate::compose::Draft;
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
    /// and `#` lines).
    pub state: &'static str,
    pub error: Option<String>,
}

/// The built draft, as data and rendered, and each line's state.
#[derive(Debug, Clone, Serialize)]
pub struct DraftResponse {
    pub draft: Draft,
    pub markdown: String,
    pub html: String,
    pub lines: Vec<LineState>,
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
    pub draft: Builder<DraftRequest>,
    pub week: Builder<WeekRequest>,
}

/// Builds a draft from a request of the page.
pub type Builder<R> = Arc<dyn Fn(&R) -> Result<Draft, String> + Send + Sync>;

/// The largest request body: 10,000 pasted lines fit well within it.
pub const MAX_BODY: usize = 4 << 20;

const PAGE: &str = include_str!("../templates/serve/index.html");
const SCRIPT: &str = include_str!("../templates/serve/app.js");
const STYLE: &str = include_str!("../templates/serve/app.css");

/// The whole app: the page, its assets, and the API calls.
pub fn router(builders: Builders) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(PAGE, "text/html; charset=utf-8") }),
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
        .route("/api/week", post(week))
        .route("/api/render", post(rendered))
        .layer(middleware::from_fn(same_origin_posts))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(builders)
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut response = body.into_response();
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

async fn draft(State(builders): State<Builders>, Json(request): Json<DraftRequest>) -> Response {
    let result = tokio::task::spawn_blocking(move || {
        let draft = (builders.draft)(&request)?;
        Ok::<_, String>((lines(&request.input, &draft), draft))
    })
    .await;
    respond(result)
}

/// The week form: the window's best threads, as `lkml-digest week` finds
/// them with the server's sources.
async fn week(State(builders): State<Builders>, Json(request): Json<WeekRequest>) -> Response {
    let result = tokio::task::spawn_blocking(move || {
        let draft = (builders.week)(&request)?;
        Ok::<_, String>((Vec::new(), draft))
    })
    .await;
    respond(result)
}

type Built = Result<Result<(Vec<LineState>, Draft), String>, tokio::task::JoinError>;

fn respond(result: Built) -> Response {
    match result {
        Ok(Ok((lines, draft))) => match both(&draft) {
            Ok((markdown, html)) => Json(DraftResponse {
                draft,
                markdown,
                html,
                lines,
            })
            .into_response(),
            Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e),
        },
        Ok(Err(e)) => refuse(StatusCode::BAD_REQUEST, &e),
        Err(e) => refuse(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
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

fn both(draft: &Draft) -> Result<(String, String), String> {
    let markdown = render::render(draft, Format::Markdown).map_err(|e| e.to_string())?;
    let html = render::render(draft, Format::Html).map_err(|e| e.to_string())?;
    Ok((markdown, html))
}

/// The state of each pasted line, from the IDs it holds and the draft's
/// failures.
pub fn lines(input: &str, draft: &Draft) -> Vec<LineState> {
    let failures: std::collections::HashMap<&str, &str> = draft
        .failed
        .iter()
        .map(|f| (f.input.as_str(), f.error.as_str()))
        .collect();
    input
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            let ids = crate::input::extract(line).ids;
            let failure = ids.iter().find_map(|id| failures.get(id.as_str()));
            let state = if trimmed.is_empty() || trimmed.starts_with('#') && ids.is_empty() {
                "comment"
            } else if ids.is_empty() {
                "no-id"
            } else if failure.is_some() {
                "failed"
            } else {
                "done"
            };
            LineState {
                line: line.chars().take(300).collect(),
                ids,
                state,
                error: failure.map(|e| e.to_string()),
            }
        })
        .collect()
}
