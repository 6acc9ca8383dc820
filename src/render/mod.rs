//! The render stage: a draft in the editor's format. Every format is an
//! askama template in `templates/`; this module prepares what they show.

pub mod chart;
pub mod markdown;
pub mod spans;

use askama::Template;

use crate::compose::{Chart, Draft, Entry, Failure};
use spans::Span;

/// Output formats of `draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The Hugo post of the seed: front matter, then the entries.
    Hugo,
    /// The same entries without front matter.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The draft as data (the contract other tools build on).
    Json,
    /// Plain text, fit to paste into a mail.
    Text,
}

/// The column at which Markdown summaries wrap, as in the seed post.
pub const MARKDOWN_WIDTH: usize = 80;
/// The column at which plain text wraps, as mail wants it.
pub const TEXT_WIDTH: usize = 72;

/// Renders `draft` as `format`.
pub fn render(draft: &Draft, format: Format) -> Result<String, RenderError> {
    let rendered = match format {
        Format::Hugo => HugoPost {
            title: yaml_string(&draft.title),
            date: &draft.date,
            body: MarkdownBody::new(draft).render()?,
        }
        .render()?,
        Format::Markdown => MarkdownBody::new(draft).render()?,
        Format::Html => HtmlPage::new(draft).render()?,
        Format::Text => TextPost::new(draft).render()?,
        Format::Json => serde_json::to_string_pretty(draft)?,
    };
    Ok(ensure_final_newline(rendered))
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

fn ensure_final_newline(mut text: String) -> String {
    while text.ends_with("\n\n") {
        text.pop();
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A YAML double-quoted scalar's content.
fn yaml_string(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Text that cannot close an HTML comment.
fn comment_safe(text: &str) -> String {
    let mut out = text.replace(['\r', '\n'], " ");
    while out.contains("--") {
        out = out.replace("--", "- -");
    }
    out
}

fn heading(entry: &Entry) -> String {
    crate::post_format::heading(&entry.subject, &entry.author)
}

#[derive(Template)]
#[template(path = "hugo.md", escape = "none")]
struct HugoPost<'a> {
    title: String,
    date: &'a str,
    body: String,
}

/// One entry as Markdown lines.
/// The heading an entry starts, where it is the first of its group: the
/// group's name and its `=` underline, one level above the entries'.
struct GroupHeading {
    name: String,
    underline: String,
}

/// Each entry's group heading, where it opens a group, its name as
/// `shown` writes it and underlined to that width.
fn group_headings(entries: &[Entry], shown: impl Fn(&str) -> String) -> Vec<Option<GroupHeading>> {
    let mut previous: Option<&str> = None;
    entries
        .iter()
        .map(|entry| {
            let group = entry.group.as_deref();
            let opens = group.is_some() && group != previous;
            previous = group;
            group.filter(|_| opens).map(|name| {
                let name = shown(name);
                GroupHeading {
                    underline: "=".repeat(markdown::width(&name).max(3)),
                    name,
                }
            })
        })
        .collect()
}

struct MarkdownEntry {
    group: Option<GroupHeading>,
    heading: String,
    underline: String,
    link: String,
    summary: String,
    charts: Vec<ChartLines>,
}

/// A chart after an entry: its sentence and note wrapped as the summary.
struct ChartLines {
    sentence: String,
    alt: String,
    url: String,
    note: String,
}

impl ChartLines {
    fn new(chart: &Chart, fill: impl Fn(&str) -> String) -> ChartLines {
        ChartLines {
            sentence: fill(&chart.sentence),
            alt: chart.alt.clone(),
            url: chart.url.clone(),
            note: fill(&chart.note),
        }
    }

    fn of(entry: &Entry, fill: impl Fn(&str) -> String) -> Vec<ChartLines> {
        entry
            .charts
            .iter()
            .map(|c| ChartLines::new(c, &fill))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "post.md", escape = "none")]
struct MarkdownBody {
    entries: Vec<MarkdownEntry>,
    failed: Vec<String>,
}

impl MarkdownBody {
    fn new(draft: &Draft) -> MarkdownBody {
        let groups = group_headings(&draft.entries, |name| {
            markdown::escape_line_start(&markdown::inline(name))
        });
        let entries = draft
            .entries
            .iter()
            .zip(groups)
            .map(|(entry, group)| {
                let heading = markdown::escape_line_start(&markdown::inline(&heading(entry)));
                MarkdownEntry {
                    group,
                    underline: crate::post_format::underline(markdown::width(&heading)),
                    heading,
                    link: entry.link.clone(),
                    summary: markdown::wrap(
                        &format!("{}{}", markdown::inline(&entry.summary), earlier(entry)),
                        MARKDOWN_WIDTH,
                    ),
                    charts: ChartLines::of(entry, |t| {
                        markdown::wrap(&markdown::inline(t), MARKDOWN_WIDTH)
                    }),
                }
            })
            .collect();
        MarkdownBody {
            entries,
            failed: failures(&draft.failed, comment_safe),
        }
    }
}

/// ` Earlier this week: [v12](link), [v13](link).` after a summary, when
/// the series was posted more than once in the window.
fn earlier(entry: &Entry) -> String {
    if entry.also.is_empty() {
        return String::new();
    }
    let links: Vec<String> = entry
        .also
        .iter()
        .map(|r| format!("[v{}]({})", r.revision, r.link))
        .collect();
    format!(" Earlier this week: {}.", links.join(", "))
}

fn failures(failed: &[Failure], clean: fn(&str) -> String) -> Vec<String> {
    failed
        .iter()
        .map(|f| format!("{}: {}", clean(&f.input), clean(&f.error)))
        .collect()
}

struct TextEntry {
    group: Option<GroupHeading>,
    heading: String,
    underline: String,
    link: String,
    summary: String,
    charts: Vec<ChartLines>,
}

#[derive(Template)]
#[template(path = "post.txt", escape = "none")]
struct TextPost<'a> {
    title: &'a str,
    title_underline: String,
    entries: Vec<TextEntry>,
    failed: Vec<String>,
}

impl<'a> TextPost<'a> {
    fn new(draft: &'a Draft) -> TextPost<'a> {
        let groups = group_headings(&draft.entries, str::to_string);
        let entries = draft
            .entries
            .iter()
            .zip(groups)
            .map(|(entry, group)| {
                let heading = heading(entry);
                TextEntry {
                    group,
                    underline: crate::post_format::underline(markdown::width(&heading)),
                    heading,
                    link: entry.link.clone(),
                    summary: textwrap::fill(&entry.summary, TEXT_WIDTH),
                    charts: ChartLines::of(entry, |t| textwrap::fill(t, TEXT_WIDTH)),
                }
            })
            .collect();
        TextPost {
            title: &draft.title,
            title_underline: "=".repeat(markdown::width(&draft.title)),
            entries,
            failed: failures(&draft.failed, |s| s.replace(['\r', '\n'], " ")),
        }
    }
}

/// A span as the HTML template shows it.
struct HtmlSpan {
    kind: &'static str,
    text: String,
}

fn html_spans(text: &str) -> Vec<HtmlSpan> {
    spans::spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => HtmlSpan {
                kind: "text",
                text: t.to_string(),
            },
            Span::Code(c) => HtmlSpan {
                kind: "code",
                text: c.to_string(),
            },
            Span::Url(u) => HtmlSpan {
                kind: "url",
                text: u.to_string(),
            },
        })
        .collect()
}

struct HtmlEntry<'a> {
    group: Option<GroupHeading>,
    subject: Vec<HtmlSpan>,
    entry: &'a Entry,
    kind: String,
    summary: Vec<HtmlSpan>,
}

#[derive(Template)]
#[template(path = "post.html")]
struct HtmlPage<'a> {
    title: &'a str,
    date: &'a str,
    entries: Vec<HtmlEntry<'a>>,
    failed: &'a [Failure],
}

impl<'a> HtmlPage<'a> {
    fn new(draft: &'a Draft) -> HtmlPage<'a> {
        HtmlPage {
            title: &draft.title,
            date: &draft.date,
            entries: draft
                .entries
                .iter()
                .zip(group_headings(&draft.entries, str::to_string))
                .map(|(entry, group)| HtmlEntry {
                    group,
                    subject: html_spans(&entry.subject),
                    kind: serde_json::to_value(entry.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    summary: html_spans(&entry.summary),
                    entry,
                })
                .collect(),
            failed: &draft.failed,
        }
    }
}
