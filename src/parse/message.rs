//! One mail, reduced to what the draft needs.

use bytes::Bytes;
use bytestring::ByteString;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use mail_parser::{HeaderName, HeaderValue, MessageParser, MimeHeaders};

use crate::fetch::mbox::header_fields;

/// A parsed mail: plain data, owned, independent of mail-parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Message-ID without angle brackets.
    pub id: String,
    pub in_reply_to: Option<String>,
    /// References, oldest first.
    pub references: Vec<String>,
    /// Subject decoded (RFC 2047) and unfolded, exactly as sent otherwise.
    pub subject: String,
    /// The From display name as sent (decoded), possibly empty.
    pub from_name: String,
    pub from_email: String,
    /// X-Original-From, which relays such as the B4 web submission endpoint
    /// use to carry the real sender.
    pub original_from: Option<(String, String)>,
    pub date: Option<DateTime<FixedOffset>>,
    pub list_id: Option<String>,
    /// The mailing lists among To and Cc, as List-Ids name them
    /// (`linux-mm@kvack.org` is `linux-mm.kvack.org`): every list the mail
    /// went to, where `list_id` is the one this copy came through.
    pub lists: Vec<String>,
    /// The first text/plain body (HTML converted to text when that is all
    /// there is), decoded. A plain UTF-8 body is a share of the raw mail,
    /// not a copy.
    pub body: ByteString,
    /// Where the raw mail stands in the batch it was parsed from, so that a
    /// caller can write the very copy the pool kept; 0 when parsed alone.
    pub raw_index: usize,
}

/// Why a mail could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessageError {
    #[error("not a mail message (no headers could be read)")]
    Unparseable,
    #[error("the mail has no Message-ID header")]
    NoMessageId,
}

impl Message {
    /// Parses one raw mail (no mbox `From ` line). A body that needs no
    /// decoding is copied alone, so that nothing keeps the raw mail.
    pub fn parse(raw: &[u8]) -> Result<Message, MessageError> {
        Message::parse_with(raw, |start| {
            std::str::from_utf8(&raw[start..])
                .ok()
                .map(|text| ByteString::from(text.to_owned()))
        })
    }

    /// [`Message::parse`] for a mail in a shared buffer: a body that needs
    /// no decoding is a share of `raw`, not a copy.
    pub fn parse_shared(raw: &Bytes) -> Result<Message, MessageError> {
        Message::parse_with(raw, |start| ByteString::try_from(raw.slice(start..)).ok())
    }

    /// Parses `raw`; a body that needs no decoding (most kernel mail: plain
    /// text, 7bit or 8bit, UTF-8) is `plain(where it starts)`, and only the
    /// headers are parsed.
    fn parse_with(
        raw: &[u8],
        plain: impl FnOnce(usize) -> Option<ByteString>,
    ) -> Result<Message, MessageError> {
        let headers = PARSER.parse_headers(raw).ok_or(MessageError::Unparseable)?;
        let body = match plain_body(&headers, raw).and_then(plain) {
            Some(body) => body,
            None => {
                let mail = PARSER.parse(raw).ok_or(MessageError::Unparseable)?;
                ByteString::from(decoded_body(&mail))
            }
        };
        Message::from_headers(&headers, body)
    }

    fn from_headers(
        mail: &mail_parser::Message,
        body: ByteString,
    ) -> Result<Message, MessageError> {
        let id = mail
            .message_id()
            .map(|id| id.trim().trim_start_matches('<').trim_end_matches('>'))
            .filter(|id| crate::input::is_valid_id(id))
            .ok_or(MessageError::NoMessageId)?
            .to_string();
        let (from_name, from_email) = mail
            .from()
            .and_then(|a| a.first())
            .map(|a| {
                (
                    printable(a.name.as_deref().unwrap_or("").to_string())
                        .trim()
                        .to_string(),
                    printable(a.address.as_deref().unwrap_or("").to_string())
                        .trim()
                        .to_lowercase(),
                )
            })
            .unwrap_or_default();
        let original_from = mail
            .header("X-Original-From")
            .and_then(HeaderValue::as_address)
            .and_then(|a| a.first())
            .map(|a| {
                (
                    a.name.as_deref().unwrap_or("").trim().to_string(),
                    a.address.as_deref().unwrap_or("").trim().to_lowercase(),
                )
            });
        Ok(Message {
            id,
            in_reply_to: ids(mail.in_reply_to()).into_iter().next_back(),
            references: ids(mail.references()),
            subject: mail
                .subject()
                .map(|s| printable(unfold(s)))
                .unwrap_or_default(),
            from_name,
            from_email,
            original_from,
            date: mail.date().and_then(to_chrono),
            list_id: list_id(mail.list_id()),
            lists: [HeaderName::To, HeaderName::Cc]
                .into_iter()
                .flat_map(|name| mail.header_values(name))
                .filter_map(HeaderValue::as_text)
                .flat_map(|text| text.split([',', '<', '>', ' ', '\t', '\r', '\n', '"']))
                .filter_map(list_of)
                .fold(Vec::new(), |mut lists, list| {
                    if !lists.contains(&list) {
                        lists.push(list);
                    }
                    lists
                }),
            body,
            raw_index: 0,
        })
    }

    /// Whether the mail went to the list `name` (`linux-mm`): by the
    /// List-Id of this copy, or a list address in To or Cc.
    pub fn is_on(&self, name: &str) -> bool {
        self.list_id
            .iter()
            .chain(&self.lists)
            .any(|id| super::thread::is_list(id, name))
    }

    /// Whether the subject marks a reply (`Re:`, `Aw:`, `Fwd:` …).
    pub fn is_reply(&self) -> bool {
        crate::parse::subject::strip_reply_prefixes(&self.subject).len() != self.subject.len()
    }
}

/// The body of a mail as mail-parser decodes it: the first text part (HTML
/// made text where there is none), CRLF made LF, control characters gone.
fn decoded_body(mail: &mail_parser::Message) -> String {
    mail.body_text(0)
        .map(|b| {
            printable(if b.contains('\r') {
                b.replace("\r\n", "\n")
            } else {
                b.into_owned()
            })
        })
        .unwrap_or_default()
}

/// Where the body starts of a mail that is one plain text part, 7bit or
/// 8bit, in UTF-8 (or ASCII), that needs no change: from there on, `raw`
/// is what [`decoded_body`] would make of it. `None` for any other mail.
fn plain_body(headers: &mail_parser::Message, raw: &[u8]) -> Option<usize> {
    if let Some(kind) = headers.content_type() {
        let text_plain = kind.ctype().eq_ignore_ascii_case("text")
            && kind
                .subtype()
                .is_none_or(|sub| sub.eq_ignore_ascii_case("plain"));
        let charset_is_plain = kind.attribute("charset").is_none_or(|c| {
            ["utf-8", "utf8", "us-ascii", "ascii"]
                .iter()
                .any(|plain| c.trim().eq_ignore_ascii_case(plain))
        });
        if !text_plain || !charset_is_plain {
            return None;
        }
    }
    if let Some(encoding) = headers.content_transfer_encoding() {
        let encoding = encoding.trim();
        if !["7bit", "8bit", "binary"]
            .iter()
            .any(|plain| encoding.eq_ignore_ascii_case(plain))
        {
            return None;
        }
    }
    // Past the blank line that ends the headers (mail-parser does not say
    // where, reading headers only); mbox reading has made CRLF LF already.
    if memchr::memchr(b'\r', raw).is_some() {
        return None;
    }
    let start = if raw.starts_with(b"\n") {
        1
    } else {
        memchr::memmem::find(raw, b"\n\n")? + 2
    };
    let body = &raw[start..];
    // ASCII text decodes as itself, and so does UTF-8 labelled ASCII.
    std::str::from_utf8(body).ok()?;
    let needs_change = body.iter().fold(false, |seen, &b| {
        seen | ((b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2))
    });
    (!needs_change).then_some(start)
}

/// mail-parser set to read the headers a draft uses. By default it reads
/// only registered headers, so a relay's `X-Original-From` came back raw
/// and was lost; To, Cc and Received chains are now left raw, as they are
/// never read.
static PARSER: std::sync::LazyLock<MessageParser> = std::sync::LazyLock::new(|| {
    MessageParser::new()
        .with_mime_headers()
        .with_message_ids()
        .header_date(HeaderName::Date)
        .header_text(HeaderName::Subject)
        .header_text(HeaderName::ListId)
        // Read for the lists among them only: raw is cheaper than
        // addresses, which kernel mail has dozens of.
        .header_raw(HeaderName::To)
        .header_raw(HeaderName::Cc)
        .header_address(HeaderName::From)
        .header_address(HeaderName::Other("X-Original-From".into()))
});

/// A raw mail's date and subject, from its headers alone: enough to choose
/// the mails of a big mailbox to keep before they are parsed whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Glance {
    pub date: Option<DateTime<FixedOffset>>,
    pub subject: String,
}

pub fn glance(raw: &[u8]) -> Option<Glance> {
    // Only the Date and Subject lines (and their continuations) are handed
    // to mail-parser, which reads them as it reads a whole mail.
    let mut wanted = Vec::new();
    for field in header_fields(raw) {
        if is_field(field, b"date:") || is_field(field, b"subject:") {
            wanted.extend_from_slice(field);
        }
    }
    if wanted.is_empty() {
        return Some(Glance {
            date: None,
            subject: String::new(),
        });
    }
    wanted.extend_from_slice(b"\n\n");
    let headers = MessageParser::default().parse_headers(&wanted)?;
    Some(Glance {
        date: headers.date().and_then(to_chrono),
        subject: headers.subject().map(unfold).unwrap_or_default(),
    })
}

/// A raw mail's Date alone, as [`glance`] reads it but cheaper: choosing a
/// week's mail from a big mailbox reads it for every mail.
pub fn date_of(raw: &[u8]) -> Option<DateTime<FixedOffset>> {
    // The last Date header counts, as it does for mail-parser.
    let field = header_fields(raw)
        .filter(|f| is_field(f, b"date:"))
        .last()?;
    let value = std::str::from_utf8(&field[b"date:".len()..]).ok()?;
    to_chrono(&mail_parser::DateTime::parse_rfc822(value)?)
}

/// Whether a header field is `name` (given lowercase, with its colon).
fn is_field(field: &[u8], name: &[u8]) -> bool {
    field.len() > name.len() && field[..name.len()].eq_ignore_ascii_case(name)
}

/// Message IDs in an In-Reply-To or References header.
fn ids(value: &HeaderValue) -> Vec<String> {
    let raw: Vec<&str> = match value {
        HeaderValue::Text(t) => vec![t.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    raw.into_iter()
        .flat_map(|t| t.split(|c: char| c.is_whitespace() || c == ','))
        .map(|t| t.trim_start_matches('<').trim_end_matches('>'))
        .filter(|t| crate::input::is_valid_id(t))
        .map(str::to_string)
        .collect()
}

/// `<linux-mm.kvack.org>` or `Linux MM <linux-mm.kvack.org>` -> `linux-mm.kvack.org`.
fn list_id(value: &HeaderValue) -> Option<String> {
    let text = match value {
        HeaderValue::Text(t) => t.as_ref(),
        HeaderValue::TextList(list) => list.first()?.as_ref(),
        HeaderValue::Address(a) => return a.first()?.address.as_ref().map(|a| a.to_string()),
        _ => return None,
    };
    let inner = text
        .rsplit_once('<')
        .map_or(text, |(_, rest)| rest.trim_end_matches('>'));
    let inner = inner.trim();
    (!inner.is_empty()).then(|| inner.to_string())
}

/// `linux-mm.kvack.org` for `linux-mm@kvack.org`: the address of a list
/// where kernel lists live (vger.kernel.org, kvack.org, lists.* hosts such
/// as lists.infradead.org and lists.linux.dev, and Google Groups).
fn list_of(address: &str) -> Option<String> {
    // Every address of every mail comes here: nothing is allocated for
    // one that is no list.
    let (name, host) = address.rsplit_once('@')?;
    let is_list_host = ["vger.kernel.org", "kvack.org", "googlegroups.com"]
        .iter()
        .any(|h| host.eq_ignore_ascii_case(h))
        || host
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("lists."));
    (is_list_host && !name.is_empty()).then(|| format!("{name}.{host}").to_ascii_lowercase())
}

/// `text` without control characters other than tab and line feed: a NUL
/// or an escape sequence in a mail must not reach a post or a terminal.
fn printable(text: String) -> String {
    // C0 controls and DEL are single bytes; C1 controls start with 0xC2. A
    // scan without early exit is one the compiler vectorises.
    let suspect = text.as_bytes().iter().fold(false, |seen, &b| {
        seen | ((b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2))
    });
    if !suspect
        || !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return text;
    }
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Folding whitespace that survived decoding becomes a single space.
fn unfold(subject: &str) -> String {
    let mut out = String::with_capacity(subject.len());
    let mut lines = subject.split(['\r', '\n']).filter(|l| !l.is_empty());
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        out.push(' ');
        out.push_str(line.trim_start_matches([' ', '\t']));
    }
    out.trim().to_string()
}

fn to_chrono(date: &mail_parser::DateTime) -> Option<DateTime<FixedOffset>> {
    let offset_secs = (i32::from(date.tz_hour) * 3600 + i32::from(date.tz_minute) * 60)
        * if date.tz_before_gmt { -1 } else { 1 };
    let offset = FixedOffset::east_opt(offset_secs)?;
    let naive = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())?
        .and_hms_opt(date.hour.into(), date.minute.into(), date.second.into())?;
    offset.from_local_datetime(&naive).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relays_original_sender_is_read_in_any_case() {
        for name in ["X-Original-From", "x-original-from"] {
            let raw = format!(
                "From: Jane Doe via B4 Relay <devnull+jane.example.org@kernel.org>\n\
                 {name}: Jane Doe <jane@example.org>\nMessage-ID: <a@x>\n\nbody\n"
            );
            let m = Message::parse(raw.as_bytes()).unwrap();
            assert_eq!(
                m.original_from,
                Some(("Jane Doe".into(), "jane@example.org".into())),
                "{name}"
            );
        }
    }

    #[test]
    fn long_cc_lists_and_received_chains_do_not_change_what_is_read() {
        let cc: Vec<String> = (0..200)
            .map(|i| format!("P{i} <p{i}@example.org>"))
            .collect();
        let raw = format!(
            "Received: from a by b; Thu, 1 Sep 2022 10:00:00 +0000\nFrom: Jane <jane@x.org>\n\
             To: list@vger.kernel.org\nCc: {}\nSubject: [PATCH] a\nDate: Thu, 1 Sep 2022 \
             10:00:00 +0000\nMessage-ID: <a@x>\nIn-Reply-To: <b@x>\nReferences: <c@x> <b@x>\n\
             List-Id: <linux-mm.kvack.org>\n\nbody\n",
            cc.join(", ")
        );
        let m = Message::parse(raw.as_bytes()).unwrap();
        assert_eq!(
            (m.from_name.as_str(), m.from_email.as_str()),
            ("Jane", "jane@x.org")
        );
        assert_eq!(m.references, ["c@x", "b@x"]);
        assert_eq!(m.in_reply_to.as_deref(), Some("b@x"));
        assert_eq!(m.list_id.as_deref(), Some("linux-mm.kvack.org"));
        assert!(m.date.is_some());
    }

    #[test]
    fn the_date_alone_is_read_as_a_glance_reads_it() {
        for raw in [
            &b"From: A <a@x>\nDate: Thu, 1 Sep 2022 10:00:00 +0200\n\nDate: not this\n"[..],
            b"DATE:   Thu, 01 Sep 2022 10:00:00 GMT\nSubject: s\n\nbody\n",
            b"Date: Thu, 1 Sep 2022\n 10:00:00 -0700 (PDT)\n\n",
            b"Date: Thu, 1 Sep 2022 10:00:00 +0000\nDate: Fri, 2 Sep 2022 11:00:00 +0000\n\n",
            b"Date: 1 Sep 22 10:00 EDT\n\n",
            b"Date: yesterday\n\n",
            b"Subject: no date\n\nDate: Thu, 1 Sep 2022 10:00:00 +0000\n",
            b"Date: Thu, 1 Sep 2022 10:00:00 +0000",
            b"X-Date: Thu, 1 Sep 2022 10:00:00 +0000\n\n",
            b"",
        ] {
            let text = String::from_utf8_lossy(raw);
            assert_eq!(date_of(raw), glance(raw).and_then(|g| g.date), "{text}");
        }
        assert!(date_of(b"Date: Thu, 1 Sep 2022 10:00:00 +0000\n\n").is_some());
    }

    #[test]
    fn a_glance_reads_date_and_folded_subject_only() {
        let raw = b"From: A <a@x>\nSUBJECT: [PATCH] mm: a\n fold\nDate: Thu, 1 Sep 2022 10:00:00 +0200\n\nDate: not this\n";
        let glance = glance(raw).unwrap();
        assert_eq!(glance.subject, "[PATCH] mm: a fold");
        assert_eq!(
            glance.date.unwrap().to_rfc3339(),
            "2022-09-01T10:00:00+02:00"
        );
    }

    const MAIL: &str = "From: =?UTF-8?q?J=C3=B6rg_R=C3=B6del?= <Joerg@Example.org>\n\
        Subject: [PATCH v3] cgroup2: New memory.max.effective like cgroup1\n \
        hierarchical_memory_limit\n\
        Date: Tue, 30 Aug 2022 14:48:49 -0700\n\
        Message-ID: <20220830.1-1-j@example.org>\n\
        In-Reply-To: <parent@example.org>\n\
        References: <root@example.org>\n <parent@example.org>\n\
        List-Id: <linux-mm.kvack.org>\n\
        \n\
        Body text.\n";

    #[test]
    fn headers_are_decoded() {
        let m = Message::parse(MAIL.as_bytes()).unwrap();
        assert_eq!(m.id, "20220830.1-1-j@example.org");
        assert_eq!(m.from_name, "Jörg Rödel");
        assert_eq!(m.from_email, "joerg@example.org");
        assert_eq!(m.in_reply_to.as_deref(), Some("parent@example.org"));
        assert_eq!(m.references, ["root@example.org", "parent@example.org"]);
        assert_eq!(m.list_id.as_deref(), Some("linux-mm.kvack.org"));
        assert_eq!(m.body, "Body text.\n");
    }

    #[test]
    fn folded_subject_is_unfolded() {
        let m = Message::parse(MAIL.as_bytes()).unwrap();
        assert_eq!(
            m.subject,
            "[PATCH v3] cgroup2: New memory.max.effective like cgroup1 hierarchical_memory_limit"
        );
    }

    #[test]
    fn date_keeps_its_offset() {
        let m = Message::parse(MAIL.as_bytes()).unwrap();
        assert_eq!(m.date.unwrap().to_rfc3339(), "2022-08-30T14:48:49-07:00");
    }

    #[test]
    fn missing_message_id_is_an_error() {
        let err = Message::parse(b"Subject: x\n\nbody\n").unwrap_err();
        assert_eq!(err, MessageError::NoMessageId);
    }

    proptest::proptest! {
        #[test]
        fn the_date_alone_agrees_with_a_glance_on_any_header_lines(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "Date: Thu, 1 Sep 2022 10:00:00 +0200\n", "date: 1 Sep 22 10:00 EDT\n",
                "DATE: yesterday\n", "Date: Thu, 1 Sep 2022\n", " 10:00:00 -0700\n",
                "\t(PDT)\n", "Subject: x\n", "X-Date: Thu, 1 Sep 2022 10:00:00 +0000\n",
                "Date: =?utf-8?q?x?=\n", "Date:\n", "é\n", "\n", "Date: Fri, 2 Sep 2022 11:00:00 GMT",
            ][..]), 0..12),
        ) {
            let raw = pieces.concat();
            proptest::prop_assert_eq!(
                date_of(raw.as_bytes()),
                glance(raw.as_bytes()).and_then(|g| g.date)
            );
        }
    }
}

#[cfg(test)]
mod lists_tests {
    use super::*;

    #[test]
    fn the_lists_a_mail_went_to_are_read_from_to_and_cc() {
        let raw = b"Message-ID: <a@x>\nSubject: s\nList-Id: <cgroups.vger.kernel.org>\n\
To: Ann <ann@example.org>, cgroups@vger.kernel.org\n\
Cc: \"Linux-MM\" <Linux-MM@kvack.org>, linux-arm-kernel@lists.infradead.org,\n \
kasan-dev@googlegroups.com, bob@kernel.org, cgroups@vger.kernel.org\n\nbody\n";
        let message = Message::parse(raw).unwrap();
        assert_eq!(
            message.lists,
            [
                "cgroups.vger.kernel.org",
                "linux-mm.kvack.org",
                "linux-arm-kernel.lists.infradead.org",
                "kasan-dev.googlegroups.com",
            ]
        );
    }
}

#[cfg(test)]
mod body_tests {
    use super::*;

    /// Every mail of `paths` read both ways: the share of the raw mail,
    /// where it is taken, equals what mail-parser decodes. Returns how many
    /// were shared and how many mails there were.
    fn shared_bodies_equal_decoded_ones(paths: &[std::path::PathBuf]) -> (usize, usize) {
        let (mut shared, mut all) = (0, 0);
        let (mails, _) = crate::fetch::read_mailboxes(paths);
        for mail in mails {
            let Some(headers) = PARSER.parse_headers(&mail.bytes[..]) else {
                continue;
            };
            all += 1;
            if let Some(start) = plain_body(&headers, &mail.bytes) {
                shared += 1;
                let decoded = decoded_body(&PARSER.parse(&mail.bytes[..]).unwrap());
                let body = std::str::from_utf8(&mail.bytes[start..]).unwrap();
                assert_eq!(body, decoded, "{}", String::from_utf8_lossy(&mail.bytes));
                assert_eq!(&Message::parse(&mail.bytes).unwrap().body[..], decoded);
                assert_eq!(
                    &Message::parse_shared(&mail.bytes).unwrap().body[..],
                    decoded
                );
            }
        }
        (shared, all)
    }

    #[test]
    fn a_shared_body_is_the_decoded_body() {
        let samples = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples/threads");
        let (shared, all) = shared_bodies_equal_decoded_ones(&[samples]);
        assert!(shared > 0, "{shared} of {all}");
        let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        if corpus.is_dir() {
            let week = corpus.join("weeks/lkml_news_v6.0-rc4.mbox");
            let (shared, all) = shared_bodies_equal_decoded_ones(&[corpus.join("threads"), week]);
            eprintln!("corpus: {shared} of {all} bodies shared");
        }
    }

    #[test]
    fn bodies_to_decode_are_not_shared() {
        for raw in [
            &b"Message-ID: <a@x>\nContent-Transfer-Encoding: quoted-printable\n\na=3Db\n"[..],
            b"Message-ID: <a@x>\nContent-Type: text/plain; charset=iso-8859-1\n\n\xe9t\xe9\n",
            b"Message-ID: <a@x>\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n",
            b"Message-ID: <a@x>\n\ninvalid \xff utf-8\n",
            b"Message-ID: <a@x>\n\ncarriage\r\nreturns\r\n",
            b"Message-ID: <a@x>\n\nan escape \x1b[31m\n",
        ] {
            let headers = PARSER.parse_headers(raw).unwrap();
            assert!(plain_body(&headers, raw).is_none());
            let message = Message::parse(raw).unwrap();
            let decoded = decoded_body(&PARSER.parse(raw).unwrap());
            assert_eq!(&message.body[..], decoded);
        }
    }
}
