//! Splitting mbox files into messages.
//!
//! lore serves mboxrd (`>From ` quoting is reversible) and `git format-patch`
//! writes mboxo. A body line that merely starts with `From ` must not split a
//! message, so a separator is a `From ` line that follows a blank line (or
//! starts the file) and ends like a date, the way mutt and public-inbox tell
//! them apart. mail-parser's own mbox reader splits on every `From ` line.

use std::borrow::Cow;
use std::ops::Range;

use bytes::Bytes;

/// Splits an mbox into raw messages, undoing mboxrd `>From ` quoting and
/// normalising CRLF line ends to LF. Separators are found by searching for
/// `\nFrom `, not line by line, and each message is copied at once (on
/// every core, for a big mailbox) where no line of it needs rewriting.
pub fn split(mbox: &[u8]) -> Vec<Vec<u8>> {
    split_into(mbox, Cow::into_owned)
}

/// [`split`] for an mbox in a shared buffer: a message that needs no
/// rewriting (most of them) is a share of the buffer, not a copy.
pub fn split_shared(mbox: &Bytes) -> Vec<Bytes> {
    split_into(mbox, |message| shared(mbox, message))
}

fn split_into<'a, T: Send>(mbox: &'a [u8], make: impl Fn(Cow<'a, [u8]>) -> T + Sync) -> Vec<T> {
    let (spans, _) = complete_messages(mbox, true);
    crate::parallel::map(&spans, |span| message(&mbox[span.clone()]).map(&make))
        .into_iter()
        .flatten()
        .collect()
}

/// `message`, read from `buffer`, as a share of it where it was not
/// rewritten.
pub fn shared(buffer: &Bytes, message: Cow<'_, [u8]>) -> Bytes {
    match message {
        Cow::Borrowed(part) => buffer.slice_ref(part),
        Cow::Owned(copy) => Bytes::from(copy),
    }
}

/// Where the messages of the start of an mbox lie (separators left out),
/// and where the text begins that may not be whole yet: a caller reading a
/// big file a block at a time keeps that rest, reads on, and asks again.
/// With `at_end`, the input is all there is, and every message is whole.
pub fn complete_messages(mbox: &[u8], at_end: bool) -> (Vec<Range<usize>>, usize) {
    let mut spans = Vec::new();
    let mut start = (!mbox.is_empty()).then_some(0);
    let mut rest = 0;
    let at_start = mbox.starts_with(b"From ").then_some(0);
    let later = memchr::memmem::find_iter(mbox, b"\nFrom ").map(|at| at + 1);
    for line_start in at_start.into_iter().chain(later) {
        let Some(line_end) = memchr::memchr(b'\n', &mbox[line_start..])
            .map(|i| line_start + i + 1)
            .or(at_end.then_some(mbox.len()))
        else {
            break; // a line still being read cannot be judged yet
        };
        if !follows_blank_line(mbox, line_start) || !is_separator(&mbox[line_start..line_end]) {
            continue;
        }
        if let Some(start) = start.filter(|_| line_start > 0) {
            spans.push(start..line_start);
        }
        start = Some(line_end);
        rest = line_start;
    }
    if !at_end {
        return (spans, rest);
    }
    // The blank lines at the end of a file are no message.
    spans.extend(
        start
            .map(|start| start..mbox.len())
            .filter(|last| !mbox[last.clone()].iter().all(u8::is_ascii_whitespace)),
    );
    (spans, mbox.len())
}

/// Whether the line at `line_start` opens the file or follows an empty one.
fn follows_blank_line(mbox: &[u8], line_start: usize) -> bool {
    let before = &mbox[..line_start];
    let previous_line_is = |blank: &[u8]| {
        before
            .strip_suffix(blank)
            .is_some_and(|above| above.is_empty() || above.ends_with(b"\n"))
    };
    line_start == 0 || previous_line_is(b"\n") || previous_line_is(b"\r\n")
}

/// One message of an mbox as a mail: borrowed as it stands, or rewritten
/// where a line needs it (mboxrd quoting, CRs). `None` when empty.
pub fn message(raw: &[u8]) -> Option<Cow<'_, [u8]>> {
    let message = if memchr::memchr(b'\r', raw).is_none() && !has_quoted_from(raw) {
        Cow::Borrowed(raw)
    } else {
        let mut message = Vec::with_capacity(raw.len());
        for line in lines(raw) {
            push_line(&mut message, unquote(line));
        }
        Cow::Owned(message)
    };
    // The blank line mbox writers put before the next separator is not
    // part of the message.
    let length = |m: &[u8]| m.len() - usize::from(m.ends_with(b"\n\n"));
    let message = match message {
        Cow::Borrowed(m) => Cow::Borrowed(&m[..length(m)]),
        Cow::Owned(mut m) => {
            m.truncate(length(&m));
            Cow::Owned(m)
        }
    };
    (!message.is_empty()).then_some(message)
}

/// Whether a line of `raw` is mboxrd-quoted (`>From `, `>>From `).
fn has_quoted_from(raw: &[u8]) -> bool {
    memchr::memchr_iter(b'>', raw).any(|at| {
        let line_start = at == 0 || raw[at - 1] == b'\n';
        line_start && unquote(&raw[at..]).len() != raw.len() - at
    })
}

/// Writes messages as one mboxrd file, as lore serves threads: every
/// `>*From ` line gains a `>`, so that [`split`] gives the messages back.
pub fn write_mboxrd<'a>(messages: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for message in messages {
        out.extend_from_slice(b"From mboxrd@z Thu Jan  1 00:00:00 1970\n");
        for line in lines(message) {
            let depth = line.iter().take_while(|&&b| b == b'>').count();
            if line[depth..].starts_with(b"From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line);
        }
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

/// Appends one line, with CRLF (or CRCRLF, from a conversion done twice)
/// folded to LF.
fn push_line(message: &mut Vec<u8>, line: &[u8]) {
    match line.strip_suffix(b"\n") {
        Some(text) => {
            let end = text.iter().rposition(|&b| b != b'\r').map_or(0, |i| i + 1);
            message.extend_from_slice(&text[..end]);
            message.push(b'\n');
        }
        None => message.extend_from_slice(line),
    }
}

/// Lines including their `\n`, found with memchr: an mbox is split at
/// the speed of its line ends.
fn lines(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', data)
        .map(move |end| {
            let line = &data[start..=end];
            start = end + 1;
            line
        })
        .chain(std::iter::once(()).filter_map(move |()| {
            // The text after the last line end, if any.
            let rest = &data[memchr::memrchr(b'\n', data).map_or(0, |i| i + 1)..];
            (!rest.is_empty()).then_some(rest)
        }))
}

/// A `From ` line that ends in a four-digit year, as `From sender date`
/// separators do (`From mboxrd@z Thu Jan  1 00:00:00 1970`,
/// `From 0123abcd Mon Sep 17 00:00:00 2001`).
fn is_separator(line: &[u8]) -> bool {
    if !line.starts_with(b"From ") {
        return false;
    }
    let trimmed = line.trim_ascii_end();
    let n = trimmed.len();
    n >= 10 && trimmed[n - 4..].iter().all(u8::is_ascii_digit) && trimmed[n - 5] == b' '
}

/// Undoes mboxrd quoting: `>From `, `>>From ` lose one `>`.
fn unquote(line: &[u8]) -> &[u8] {
    let depth = line.iter().take_while(|&&b| b == b'>').count();
    if depth > 0 && line[depth..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
}

/// The header fields of a raw mail, each with its continuation lines:
/// what both the fetch stage (is it mail? which thread?) and the parse
/// stage (a week's dates) read before parsing a mail whole.
pub fn header_fields(raw: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = &raw[..memchr::memmem::find(raw, b"\n\n").map_or(raw.len(), |i| i + 1)];
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        // A field ends where a line starts with neither space nor tab.
        let mut end = 0;
        loop {
            end = memchr::memchr(b'\n', &rest[end..]).map_or(rest.len(), |i| end + i + 1);
            if end == rest.len() || !matches!(rest[end], b' ' | b'\t') {
                break;
            }
        }
        let (field, after) = rest.split_at(end);
        rest = after;
        Some(field)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_mboxrd_and_unquotes_from_lines() {
        let mbox = b"From mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: a\n\n>From here\n>>From there\n\nFrom mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: b\n\nbody\n";
        let got = split(mbox);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], b"Subject: a\n\nFrom here\n>From there\n");
        assert_eq!(got[1], b"Subject: b\n\nbody\n");
    }

    #[test]
    fn unquoted_from_in_body_does_not_split() {
        let mbox = b"From 0123 Mon Sep 17 00:00:00 2001\nSubject: a\n\nFrom me to you\nthanks\n";
        assert_eq!(split(mbox).len(), 1);
    }

    #[test]
    fn crlf_mbox_is_normalised() {
        let mbox = b"From x@y Thu Jan  1 00:00:00 1970\r\nSubject: a\r\n\r\nbody\r\n";
        assert_eq!(split(mbox), vec![b"Subject: a\n\nbody\n".to_vec()]);
    }

    #[test]
    fn a_bare_message_is_one_message() {
        assert_eq!(split(b"Subject: a\n\nbody\n").len(), 1);
    }

    #[test]
    fn written_mboxrd_splits_back_into_the_same_messages() {
        let messages: Vec<&[u8]> =
            vec![b"Subject: a\n\nFrom me\n>From you\n", b"Subject: b\n\nbody"];
        let written = write_mboxrd(messages.iter().copied());
        assert_eq!(
            split(&written),
            vec![messages[0].to_vec(), b"Subject: b\n\nbody\n".to_vec()]
        );
    }

    #[test]
    fn empty_input_has_no_messages() {
        assert!(split(b"").is_empty());
        assert!(split(b"\n\n").is_empty());
    }
}
