//! The editor's post format, in both directions: what `render` writes and
//! `history` reads back. A post is Hugo front matter (YAML between `---`
//! lines or TOML between `+++` lines) with a title and a date, then
//! entries: a `SUBJECT (AUTHOR)` heading underlined with dashes, the link,
//! and the summary.

use std::sync::LazyLock;

use regex::Regex;

/// The character under an entry's heading.
pub const UNDERLINE: char = '-';

/// An entry's heading line: `SUBJECT (AUTHOR)`.
pub fn heading(subject: &str, author: &str) -> String {
    format!("{subject} ({author})")
}

/// The underline of a heading `width` columns wide.
pub fn underline(width: usize) -> String {
    UNDERLINE.to_string().repeat(width.max(3))
}

/// A heading line as subject and author; the author is `None` where the
/// line ends in no `(NAME)`.
pub fn read_heading(line: &str) -> (String, Option<String>) {
    let line = unescape(line.trim());
    if let Some(open) = line.rfind(" (")
        && line.ends_with(')')
    {
        let author = line[open + 2..line.len() - 1].trim();
        // A name has no brackets of its own; `(see v2)` at the end of a
        // subject is no author.
        if !author.is_empty() && !author.contains(['(', ')', '[', ']']) {
            return (line[..open].trim().to_string(), Some(author.to_string()));
        }
    }
    (line, None)
}

/// Markdown as plain text: backslash escapes and the backticks around
/// identifiers undone (render adds them again where they belong).
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Inside a code span a backslash is itself.
    let mut in_code = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if !in_code && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(chars.next());
            }
            '`' => in_code = !in_code,
            _ => out.push(c),
        }
    }
    out
}

/// What the front matter says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// As written: RFC 3339, RFC 2822 or `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// One entry as the post holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenEntry {
    pub subject: String,
    pub author: Option<String>,
    /// Every message ID its links name, the heading's link first.
    pub message_ids: Vec<String>,
    /// The summary's paragraphs as one plain text, links, images and
    /// Markdown markup left out.
    pub summary: String,
}

/// A post as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenPost {
    pub front_matter: FrontMatter,
    pub entries: Vec<WrittenEntry>,
}

/// Why a post cannot be read, in a few words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostError {
    #[error("no front matter (--- or +++ lines at the top)")]
    NoFrontMatter,
    #[error("the front matter has no date")]
    NoDate,
    #[error("no entries (SUBJECT (AUTHOR) headings underlined with dashes)")]
    NoEntries,
}

/// Reads a post. Entries without a message link are kept: their subject
/// and author still tell what the editor covers.
pub fn read(text: &str) -> Result<WrittenPost, PostError> {
    let (front_matter, body) = split_front_matter(text).ok_or(PostError::NoFrontMatter)?;
    if front_matter.date.is_none() {
        return Err(PostError::NoDate);
    }
    let entries = read_entries(body);
    if entries.is_empty() {
        return Err(PostError::NoEntries);
    }
    Ok(WrittenPost {
        front_matter,
        entries,
    })
}

/// The front matter and the body after it.
fn split_front_matter(text: &str) -> Option<(FrontMatter, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fence = text.lines().next()?.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let after_fence = &text[text.find('\n')? + 1..];
    let mut offset = 0;
    let mut matter = FrontMatter::default();
    for line in after_fence.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end();
        if line == fence {
            return Some((matter, &after_fence[offset..]));
        }
        // `key: value` (YAML) or `key = value` (TOML), at the top level.
        let Some((key, value)) = line.split_once([':', '=']) else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "title" => matter.title = Some(value.to_string()),
            "date" => matter.date = Some(value.to_string()),
            _ => {}
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// Setext (`----` or `====` under the line) and ATX (`## `) headings:
/// the heading's text and the lines it takes.
fn heading_at(lines: &[&str], i: usize) -> Option<(String, usize)> {
    let line = lines[i].trim_end();
    if let Some(rest) = line.strip_prefix('#') {
        let text = rest.trim_start_matches('#');
        if text.starts_with(' ') && !text.trim().is_empty() {
            return Some((text.trim().trim_end_matches('#').trim().to_string(), 1));
        }
    }
    let next = lines.get(i + 1)?.trim_end();
    let is_rule = |c: char| next.len() >= 3 && next.chars().all(|x| x == c);
    (!line.trim().is_empty() && !line.starts_with("    ") && (is_rule('-') || is_rule('=')))
        .then(|| (line.trim().to_string(), 2))
}

fn read_entries(body: &str) -> Vec<WrittenEntry> {
    let lines: Vec<&str> = body.lines().collect();
    let mut starts: Vec<(usize, String, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match heading_at(&lines, i) {
            Some((text, taken)) => {
                starts.push((i, text, i + taken));
                i += taken;
            }
            None => i += 1,
        }
    }
    starts
        .iter()
        .enumerate()
        .filter_map(|(k, (_, text, from))| {
            let to = starts.get(k + 1).map_or(lines.len(), |s| s.0);
            let body = &lines[*from..to];
            // A heading with nothing under it before the next one heads a
            // group of entries (`--group`): no entry.
            (!body.iter().all(|l| l.trim().is_empty())).then(|| entry(text, body))
        })
        .collect()
}

/// Lore's links (`/r/ID`, `/LIST/ID/`, `/ID`), lkml.kernel.org's and
/// patch.msgid.link's.
static MAIL_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"https?://(?:lore\.kernel\.org|lkml\.kernel\.org|patch\.msgid\.link)/(?:(?:r|[A-Za-z0-9._-]+)/)?([^\s/<>()\[\]]+@[^\s/<>()\[\]]+)",
    )
    .unwrap()
});
static ANY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<?https?://[^\s)>\]]*[^\s)>\].,;:!?]>?").unwrap());
/// What a removed link leaves: ` (see )`, ` ()`, ` []`, a space before a
/// stop, two spaces. `foo()` and `a[]` are code and stay.
static LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|\s)\(\s*(?:see|e\.g\.|cf\.|at|in|here|link)?\s*[:,]?\s*\)|(?:^|\s)\[\s*\]|\s+[,.;:](?:\s|$)|\s{2,}",
    )
    .unwrap()
});
static IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap());
/// `[text](url)`: the text stays.
static MARKDOWN_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").unwrap());

/// Whether `text` holds what a removed link leaves.
pub fn has_link_leftovers(text: &str) -> bool {
    LEFTOVER.is_match(text)
}

/// `text` without what removed links left: the prose of a post read back,
/// and a summary proofread.
pub fn without_link_leftovers(text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..3 {
        let next = LEFTOVER
            .replace_all(&out, |c: &regex::Captures| {
                let m = &c[0];
                if m.trim().is_empty() {
                    " ".to_string()
                } else if let Some(stop) = m.trim().chars().next().filter(|c| ",.;:".contains(*c)) {
                    // " ." -> "."
                    format!("{stop}{}", if m.ends_with(' ') { " " } else { "" })
                } else {
                    String::new()
                }
            })
            .into_owned();
        if next == out {
            break;
        }
        out = next;
    }
    out.trim().to_string()
}

/// The message IDs that mail-archive links in `text` name, in order.
pub fn mail_links(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for found in MAIL_LINK.captures_iter(text) {
        let raw = found[1].trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '`']);
        let decoded = percent_encoding::percent_decode_str(raw).decode_utf8_lossy();
        if let Some(id) = crate::input::normalize(&decoded)
            && !ids.contains(&id)
        {
            ids.push(id);
        }
    }
    ids
}

fn entry(heading: &str, lines: &[&str]) -> WrittenEntry {
    let (subject, author) = read_heading(heading);
    let text = lines.join("\n");
    let message_ids = mail_links(&text);
    let mut paragraphs: Vec<String> = Vec::new();
    for paragraph in text.split("\n\n") {
        let paragraph = IMAGE.replace_all(paragraph, "");
        let paragraph = MARKDOWN_LINK.replace_all(&paragraph, "$1");
        let paragraph = ANY_LINK.replace_all(&paragraph, "");
        let words: Vec<&str> = paragraph
            .lines()
            .filter(|l| !l.trim_start().starts_with("<!--"))
            .flat_map(str::split_whitespace)
            .collect();
        if !words.is_empty() {
            paragraphs.push(unescape(&without_link_leftovers(&words.join(" "))));
        }
    }
    WrittenEntry {
        subject,
        author,
        message_ids,
        summary: paragraphs.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "---\ntitle: \"LKML News v6.0-rc4\"\ndate: 2022-08-30T08:15:04-07:00\n\
        image:\n  caption: \"\"\n---\n\n\
        [PATCH v3 0/2] mm: foo `bar` (Jane Doe)\n\
        ----------------------------------------\n\n\
        https://lkml.kernel.org/r/c%40x@example.org\n\n\
        Jane posted the third version of `bar`.  It\nmakes foo faster (see\n\
        https://lore.kernel.org/linux-mm/v2@example.org/).\n\n\
        Linux 6.0-rc4 (Linus Torvalds)\n------------------------------\n\n\
        https://lore.kernel.org/CAHk-abc@mail.gmail.com\n\n\
        Released.\n\n![Kernel release stat](/img/x.png)\n";

    #[test]
    fn a_heading_is_subject_and_author() {
        assert_eq!(
            read_heading("[PATCH] mm: x (Jane Doe)"),
            ("[PATCH] mm: x".to_string(), Some("Jane Doe".to_string()))
        );
        assert_eq!(
            read_heading("LSF/MM/BPF: 2020: Call for Proposals"),
            ("LSF/MM/BPF: 2020: Call for Proposals".to_string(), None)
        );
        assert_eq!(read_heading("[RFC] x (v2) (Bob)").1.as_deref(), Some("Bob"));
    }

    #[test]
    fn what_heading_writes_read_heading_reads() {
        let line = heading("[PATCH v2 1/3] mm: a (b)", "Ann Lee");
        assert_eq!(
            read_heading(&line),
            (
                "[PATCH v2 1/3] mm: a (b)".to_string(),
                Some("Ann Lee".into())
            )
        );
    }

    #[test]
    fn a_post_gives_its_date_title_and_entries() {
        let post = read(POST).unwrap();
        assert_eq!(
            post.front_matter.title.as_deref(),
            Some("LKML News v6.0-rc4")
        );
        assert_eq!(
            post.front_matter.date.as_deref(),
            Some("2022-08-30T08:15:04-07:00")
        );
        assert_eq!(post.entries.len(), 2);
        let first = &post.entries[0];
        assert_eq!(first.subject, "[PATCH v3 0/2] mm: foo bar");
        assert_eq!(first.author.as_deref(), Some("Jane Doe"));
        assert_eq!(first.message_ids, ["c@x@example.org", "v2@example.org"]);
        assert_eq!(
            first.summary,
            "Jane posted the third version of bar. It makes foo faster."
        );
        assert_eq!(post.entries[1].summary, "Released.");
    }

    #[test]
    fn toml_front_matter_is_read_too() {
        let post =
            read("+++\ntitle = 'T'\ndate = 2025-10-16T09:20:04-07:00\n+++\n\nA (B)\n---\n\nx\n")
                .unwrap();
        assert_eq!(post.front_matter.title.as_deref(), Some("T"));
        assert_eq!(post.entries[0].author.as_deref(), Some("B"));
    }

    #[test]
    fn a_post_without_front_matter_date_or_entries_is_an_error() {
        assert_eq!(read("A (B)\n---\n"), Err(PostError::NoFrontMatter));
        assert_eq!(
            read("---\ntitle: x\n---\nA (B)\n---\n"),
            Err(PostError::NoDate)
        );
        assert_eq!(
            read("---\ndate: 2022-01-01\n---\njust text\n"),
            Err(PostError::NoEntries)
        );
    }

    #[test]
    fn every_link_form_names_its_message() {
        assert_eq!(
            mail_links(
                "https://lore.kernel.org/r/a@x https://lore.kernel.org/all/b@x/ \
                 https://patch.msgid.link/c@x https://lkml.kernel.org/r/d@x. \
                 https://github.com/sjp38/damo"
            ),
            ["a@x", "b@x", "c@x", "d@x"]
        );
    }
}
