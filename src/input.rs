//! The input stage: turn whatever an editor pasted into message IDs.
//!
//! Editors paste from mail clients, chat, git logs and browsers, so one line
//! may be a bare ID, an `<id>`, a `Message-ID:` header, a `Link:` trailer or
//! any lore-style URL. Each line yields the IDs it holds; a line that holds
//! none is reported back so that a typo is never silently dropped.

use std::collections::HashSet;
use std::sync::LazyLock;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use regex::Regex;

/// The longest Message-ID we accept (RFC 5322's line limit).
const MAX_ID_LEN: usize = 998;

/// An input (an ID, a mailbox, a list's listing) that gave no entry, and
/// why, in one line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub input: String,
    pub error: String,
}

/// What the pasted text held.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Message IDs without angle brackets, in first-seen order, deduplicated.
    pub ids: Vec<String>,
    /// Non-blank lines that held no message ID, trimmed.
    pub unrecognised: Vec<String>,
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>()\[\]"'`]+"#).unwrap());
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:message-id|in-reply-to|references|msgid)\s*:\s*(.*)$").unwrap()
});
static SEARCH_TERM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\s)m?id:<?([^\s<>]+)>?").unwrap());
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<([^\s<>]+)>").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+•>]\s*|\d+[.)]\s+|\[[ xX]\]\s+)+").unwrap());

/// Extracts message IDs from pasted text, one line at a time.
pub fn extract(text: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut seen = HashSet::new();
    for line in text.lines() {
        let trimmed = line.trim();
        // Blank lines and `# comments` (as in candidate lists) hold no ID
        // and are not worth a warning.
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let ids = ids_in_line(trimmed);
        if ids.is_empty() {
            out.unrecognised.push(trimmed.to_string());
        }
        for id in ids {
            if seen.insert(id.clone()) {
                out.ids.push(id);
            }
        }
    }
    out
}

/// The message IDs one line holds, in order.
fn ids_in_line(line: &str) -> Vec<String> {
    let line = BULLET.replace(line, "");
    // A trailing `  # note`, as candidate lists write it.
    let line = line.split(" #").next().unwrap_or("").trim();
    let mut ids = Vec::new();

    // Links: any URL whose path has a segment that is a message ID. This
    // covers lore, lkml.kernel.org/r, patch.msgid.link and mirrors alike.
    for url in URL.find_iter(line) {
        if let Some(id) = id_from_url(url.as_str()) {
            ids.push(id);
        }
    }
    if !ids.is_empty() {
        return ids;
    }

    // Headers that carry message IDs (Message-ID, In-Reply-To, References).
    if let Some(caps) = HEADER.captures(line) {
        let value = caps.get(1).map_or("", |m| m.as_str());
        let mut found: Vec<String> = BRACKETED
            .captures_iter(value)
            .filter_map(|c| normalize(&c[1]))
            .collect();
        if found.is_empty() {
            found.extend(normalize(value));
        }
        return found;
    }

    // Search terms as notmuch, lei and public-inbox write them.
    for caps in SEARCH_TERM.captures_iter(line) {
        ids.extend(normalize(&caps[1]));
    }
    if !ids.is_empty() {
        return ids;
    }

    // A line that is nothing but `<id>` or a bare ID. Anything longer with
    // an address in it (`Cc: Name <a@b>`, `Signed-off-by: ...`) is a person,
    // not a message.
    let token = line.trim_end_matches(TRAILING_PUNCTUATION);
    if !token.contains(char::is_whitespace) {
        let token = token
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(token);
        ids.extend(normalize(token));
    }
    ids
}

/// Characters that end a sentence or a markdown construct rather than an ID.
const TRAILING_PUNCTUATION: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\''];

/// Finds the message ID in a URL: the first path segment that, decoded,
/// looks like one.
fn id_from_url(url: &str) -> Option<String> {
    let url = url.trim_end_matches(TRAILING_PUNCTUATION);
    let rest = url.split_once("://")?.1;
    let path = rest.split_once('/')?.1;
    let path = path.split(['#', '?']).next().unwrap_or("");
    path.split('/').find_map(|segment| {
        let decoded = percent_decode_str(segment).decode_utf8().ok()?;
        if decoded.contains('@') {
            normalize(&decoded)
        } else {
            None
        }
    })
}

/// Normalises one candidate ID: strips brackets and trailing punctuation,
/// decodes percent-escapes, and checks it is a plausible Message-ID.
///
/// Normalising an already normalised ID returns it unchanged.
pub fn normalize(candidate: &str) -> Option<String> {
    let id = strip_wrapping(candidate);
    if !id.contains('@') && id.contains("%40") {
        let decoded = percent_decode_str(id).decode_utf8().ok()?;
        let id = strip_wrapping(&decoded);
        return is_valid_id(id).then(|| id.to_string());
    }
    is_valid_id(id).then(|| id.to_string())
}

/// Strips what may wrap an ID (white space, brackets, `mid:` and `id:`,
/// trailing punctuation) until nothing more comes off, so that what is
/// left has nothing for a second pass to strip.
fn strip_wrapping(candidate: &str) -> &str {
    let mut id = candidate;
    loop {
        let before = id;
        id = id.trim().trim_end_matches(TRAILING_PUNCTUATION);
        id = id.strip_prefix('<').unwrap_or(id);
        id = id.strip_suffix('>').unwrap_or(id);
        for prefix in ["mid:", "id:"] {
            let head = id.get(..prefix.len());
            if id.len() > prefix.len() && head.is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
                id = &id[prefix.len()..];
            }
        }
        if id == before {
            return id;
        }
    }
}

/// White space, controls, `<`, `>` or `"`: what a Message-ID cannot hold.
/// Every ID of every mail passes here, so ASCII is checked by the byte.
fn has_forbidden_char(id: &str) -> bool {
    // U+FFFD is what reading bytes that are not UTF-8 leaves: such an ID
    // was never the one sent.
    let forbidden =
        |c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\u{fffd}');
    if id.is_ascii() {
        id.bytes().any(|b| forbidden(char::from(b)))
    } else {
        id.chars().any(forbidden)
    }
}

/// Whether `id` can be a Message-ID (without its angle brackets): printable
/// ASCII-compatible text with no spaces or brackets, and a local part and a
/// domain either side of an `@`.
pub fn is_valid_id(id: &str) -> bool {
    let Some((left, right)) = id.rsplit_once('@') else {
        return false;
    };
    !left.is_empty()
        && !right.is_empty()
        && id.len() <= MAX_ID_LEN
        && !has_forbidden_char(id)
        && !right.ends_with(TRAILING_PUNCTUATION)
}

/// What public-inbox leaves unescaped in a message ID inside a URL.
pub const ID_URL_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// A message ID escaped for a URL path segment, as public-inbox expects.
pub fn escape_id(id: &str) -> String {
    utf8_percent_encode(id, ID_URL_SET).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<String> {
        extract(text).ids
    }

    #[test]
    fn bare_id() {
        assert_eq!(
            ids("20220830214919.53220-1-surenb@google.com"),
            ["20220830214919.53220-1-surenb@google.com"]
        );
    }

    #[test]
    fn angle_brackets_and_search_terms() {
        assert_eq!(
            ids("<a.1@x.org>\nid:<b.2@x.org>\nmid:c.3@x.org"),
            ["a.1@x.org", "b.2@x.org", "c.3@x.org"]
        );
    }

    #[test]
    fn message_id_header() {
        assert_eq!(
            ids("Message-ID: <a.1@x.org>\nMessage-Id:   <b@y>"),
            ["a.1@x.org", "b@y"]
        );
    }

    #[test]
    fn link_trailer_from_git_log() {
        let log = "commit 0123abc\nAuthor: A U Thor <a@kernel.org>\n\n    mm: fix\n\n    Signed-off-by: A U Thor <a@kernel.org>\n    Link: https://lore.kernel.org/r/20240101.1-1-a@kernel.org\n";
        let got = extract(log);
        assert_eq!(got.ids, ["20240101.1-1-a@kernel.org"]);
        assert!(got.unrecognised.iter().any(|l| l.starts_with("Author:")));
    }

    #[test]
    fn lore_urls_with_any_suffix() {
        let text = "https://lore.kernel.org/linux-mm/a@b.c/\n\
                    https://lore.kernel.org/linux-mm/d@e.f/T/#u\n\
                    https://lore.kernel.org/all/g@h.i/t.mbox.gz\n\
                    https://lore.kernel.org/lkml/j@k.l/raw\n\
                    https://lkml.kernel.org/r/m@n.o\n\
                    https://patch.msgid.link/p@q.r\n\
                    https://lore.kernel.org/linux-mm/s@t.u/t/";
        assert_eq!(
            ids(text),
            [
                "a@b.c", "d@e.f", "g@h.i", "j@k.l", "m@n.o", "p@q.r", "s@t.u"
            ]
        );
    }

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(
            ids("https://lore.kernel.org/all/a%2Fb%3Dc%40x.org/"),
            ["a/b=c@x.org"]
        );
        assert_eq!(ids("abc%40example.com"), ["abc@example.com"]);
    }

    #[test]
    fn bullets_markdown_and_punctuation() {
        let text = "- [thread](https://lore.kernel.org/r/a@b.c).\n* <d@e.f>,\n1. g@h.i;\n";
        assert_eq!(ids(text), ["a@b.c", "d@e.f", "g@h.i"]);
    }

    #[test]
    fn duplicates_keep_first_order() {
        assert_eq!(
            ids("b@x\na@x\n<b@x>\nhttps://lore.kernel.org/r/a@x"),
            ["b@x", "a@x"]
        );
    }

    #[test]
    fn lines_without_ids_are_reported() {
        let got = extract("a@b.c\nnot an id\n\n  \nCc: Someone <s@x.org>\n");
        assert_eq!(got.ids, ["a@b.c"]);
        assert_eq!(got.unrecognised, ["not an id", "Cc: Someone <s@x.org>"]);
    }

    #[test]
    fn comment_lines_are_neither_ids_nor_reported() {
        let got = extract("# picks for this week\na@b.c  # score 12\n");
        assert_eq!(got.ids, ["a@b.c"]);
        assert!(got.unrecognised.is_empty());
    }

    #[test]
    fn normalize_is_idempotent() {
        for raw in ["<a@b>", "mid:a@b.", "a%40b", "id:<x/y+z=@q>"] {
            let once = normalize(raw).unwrap();
            assert_eq!(normalize(&once).as_deref(), Some(once.as_str()));
        }
    }

    #[test]
    fn invalid_ids_are_refused() {
        for raw in ["", "@", "a@", "@b", "no-at-sign", "a b@c", "a@b\r\nX: y"] {
            assert_eq!(normalize(raw), None, "{raw:?}");
        }
    }

    #[test]
    fn an_id_cut_from_bytes_that_are_not_utf8_is_no_id() {
        // A fuzzing input that once gave the ID `I,@\u{fffd}`.
        let text = String::from_utf8_lossy(b"<I,@\xff>\nhttps://lore.kernel.org/all/a\xfe@b/");
        assert!(extract(&text).ids.is_empty(), "{:?}", extract(&text).ids);
        assert!(!is_valid_id("I,@\u{fffd}"));
    }
}
