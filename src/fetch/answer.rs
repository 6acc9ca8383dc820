//! Mail or not: what a server's 200 really holds. A proxy in front of lore
//! (Anubis) answers a client it distrusts with 200 and a web page, so a
//! body counts as a thread only when it splits into mails and one of them
//! is the asked message or in its thread.

use bytes::Bytes;

use super::error::NotMail;
use super::mbox::{self, header_fields};

/// How far into a body its kind and a page's title are looked for.
pub const SNIFF: usize = 64 << 10;

/// Words of bot-check pages: Anubis ("Making sure you're not a bot!"),
/// and the challenge pages of other proxies.
const BOT_CHECK_WORDS: &[&str] = &[
    "not a bot",
    "anubis",
    "proof-of-work",
    "proof of work",
    "checking your browser",
    "just a moment...",
    "captcha",
];

/// The mails of `body` when it is an mbox holding the thread of `id`.
pub fn thread_mails(body: Bytes, id: &str) -> Result<Vec<Bytes>, NotMail> {
    let start = body.trim_ascii_start();
    if !start.starts_with(b"From ") {
        return Err(not_mail(start));
    }
    let mails = mbox::split_shared(&body);
    if mails.iter().any(|mail| names(mail, id)) {
        return Ok(mails);
    }
    match mails.first() {
        Some(first) => Err(NotMail::OtherThread {
            mails: mails.len(),
            example: message_ids(first).into_iter().next().unwrap_or_default(),
        }),
        None => Err(NotMail::Empty),
    }
}

/// What a body that is not an mbox is, for the error.
pub fn not_mail(body: &[u8]) -> NotMail {
    let start = body.trim_ascii_start();
    let head = &start[..start.len().min(SNIFF)];
    if head.is_empty() {
        NotMail::Empty
    } else if is_web_page(head) {
        web_page(head)
    } else if matches!(head[0], b'{' | b'[') {
        NotMail::Json
    } else {
        let text = String::from_utf8_lossy(&head[..head.len().min(200)]);
        let first_line = text.lines().next().unwrap_or_default();
        NotMail::Other {
            start: first_line.chars().take(60).collect(),
        }
    }
}

/// What `body` is, when it is a bot-check page.
pub fn bot_check(body: &[u8]) -> Option<NotMail> {
    let seen = not_mail(body);
    seen.is_bot_check().then_some(seen)
}

fn is_web_page(head: &[u8]) -> bool {
    let lower = head[..head.len().min(1024)].to_ascii_lowercase();
    head.starts_with(b"<") || memchr::memmem::find(&lower, b"<html").is_some()
}

fn web_page(head: &[u8]) -> NotMail {
    let page = String::from_utf8_lossy(head);
    let document = scraper::Html::parse_document(&page);
    let selector = scraper::Selector::parse("title").expect("valid selector");
    let title = document
        .select(&selector)
        .next()
        .map(|t| t.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(80).collect());
    let lower = page.to_lowercase();
    NotMail::WebPage {
        title,
        bot_check: BOT_CHECK_WORDS.iter().any(|w| lower.contains(w)),
    }
}

/// Whether `mail` is `id`, or replies within its thread (In-Reply-To or
/// References name it).
fn names(mail: &[u8], id: &str) -> bool {
    message_ids(mail).iter().any(|found| found == id)
}

/// The IDs of a mail's Message-ID, In-Reply-To and References, its own
/// first.
pub(super) fn message_ids(mail: &[u8]) -> Vec<String> {
    let (own, referenced) = own_and_referenced_ids(mail);
    own.into_iter().chain(referenced).collect()
}

/// A mail's own Message-ID, and the IDs its In-Reply-To and References
/// name.
pub(super) fn own_and_referenced_ids(mail: &[u8]) -> (Option<String>, Vec<String>) {
    let mut own = None;
    let mut referenced = Vec::new();
    for field in header_fields(mail) {
        let is = |name: &str| {
            field.len() > name.len() && field[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        };
        let value = || {
            let colon = field.iter().position(|&b| b == b':').unwrap_or(0);
            ids_in(&String::from_utf8_lossy(&field[colon + 1..]))
        };
        if is("message-id:") {
            own = own.or_else(|| value().into_iter().next());
        } else if is("in-reply-to:") || is("references:") {
            referenced.extend(value());
        }
    }
    (own, referenced)
}

/// `<a@b> <c@d>` -> `a@b`, `c@d`; a bare value without brackets is one ID.
fn ids_in(value: &str) -> Vec<String> {
    let bracketed: Vec<String> = value
        .split('<')
        .skip(1)
        .filter_map(|part| part.split_once('>'))
        .map(|(id, _)| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .collect();
    if bracketed.is_empty() {
        value.split_whitespace().map(str::to_string).collect()
    } else {
        bracketed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANUBIS: &[u8] =
        br#"<!doctype html><html lang="en"><head><title>Making sure you&#39;re not a bot!</title>
<link rel="stylesheet" href="/.within.website/x/xess/xess.min.css"></head>
<body><main><h1 id="title">Making sure you're not a bot!</h1>
<p>Protected by <a href="https://github.com/TecharoHQ/anubis">Anubis</a></p></main></body></html>"#;

    fn mbox(ids: &[(&str, &str)]) -> Bytes {
        let mut out = String::new();
        for (id, parent) in ids {
            out.push_str(&format!(
                "From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <{id}>\n"
            ));
            if !parent.is_empty() {
                out.push_str(&format!(
                    "In-Reply-To: <{parent}>\nReferences:\n <{parent}>\n"
                ));
            }
            out.push_str("Subject: x\n\nbody\n\n");
        }
        Bytes::from(out)
    }

    #[test]
    fn the_thread_holding_the_asked_id_is_mail() {
        let body = mbox(&[("a@x", ""), ("b@x", "a@x")]);
        assert_eq!(thread_mails(body.clone(), "b@x").unwrap().len(), 2);
        assert_eq!(thread_mails(body, "a@x").unwrap().len(), 2);
    }

    #[test]
    fn a_reply_naming_the_asked_id_in_references_is_its_thread() {
        let body = mbox(&[("b@x", "a@x")]);
        assert_eq!(thread_mails(body, "a@x").unwrap().len(), 1);
    }

    #[test]
    fn mails_of_other_threads_are_not_the_asked_thread() {
        let error = thread_mails(mbox(&[("c@x", ""), ("d@x", "c@x")]), "a@x").unwrap_err();
        assert_eq!(
            error,
            NotMail::OtherThread {
                mails: 2,
                example: "c@x".into()
            }
        );
    }

    #[test]
    fn an_anubis_page_is_a_bot_check_with_its_title() {
        let error = thread_mails(Bytes::from_static(ANUBIS), "a@x").unwrap_err();
        assert_eq!(
            error,
            NotMail::WebPage {
                title: Some("Making sure you're not a bot!".into()),
                bot_check: true
            }
        );
        assert!(bot_check(ANUBIS).is_some());
    }

    #[test]
    fn an_ordinary_page_is_a_web_page_but_no_bot_check() {
        let page = b"<html><head><title>lore: results</title></head><body>hits</body></html>";
        assert!(bot_check(page).is_none());
        assert_eq!(
            not_mail(page),
            NotMail::WebPage {
                title: Some("lore: results".into()),
                bot_check: false
            }
        );
    }

    #[test]
    fn empty_json_and_other_text_are_named() {
        assert_eq!(not_mail(b"  \n"), NotMail::Empty);
        assert_eq!(not_mail(b"{\"error\": 1}"), NotMail::Json);
        assert_eq!(
            not_mail(b"Service busy\nlater"),
            NotMail::Other {
                start: "Service busy".into()
            }
        );
    }
}
