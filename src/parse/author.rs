//! Who wrote a mail, cleaned the way an editor writes a name.

use std::sync::LazyLock;

use regex::Regex;

use super::message::Message;

/// A person: the name an editor would print, and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub name: String,
    pub email: String,
}

static AFFILIATION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\([^()]*\)\s*$").unwrap());
static RELAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+via\s+B4\s+Relay\s*$").unwrap());
static IN_BODY_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^From:\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$").unwrap());
static SIGNED_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?mi)^\s*Signed-off-by:\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$").unwrap()
});

/// The author of `message`.
///
/// Relays (`via B4 Relay`, `X-Original-From`) are resolved to the real
/// sender; affiliation suffixes such as `(Oracle)` are dropped; a From with
/// only an address takes the name from the author's own in-body `From:` or
/// `Signed-off-by:` line.
pub fn author(message: &Message) -> Author {
    let (raw_name, email) = match &message.original_from {
        Some((name, email)) if !email.is_empty() => (name.as_str(), email.clone()),
        _ => (message.from_name.as_str(), message.from_email.clone()),
    };
    let name = clean_name(raw_name);
    if !name.is_empty() && !name.contains('@') {
        return Author { name, email };
    }
    if let Some((name, body_email)) = name_from_body(&message.body, &email) {
        let email = if email.is_empty() { body_email } else { email };
        return Author { name, email };
    }
    let fallback = email.split('@').next().unwrap_or("").to_string();
    Author {
        name: if fallback.is_empty() {
            "unknown".to_string()
        } else {
            fallback
        },
        email,
    }
}

/// Strips quotes, relay markers and a trailing affiliation.
pub fn clean_name(raw: &str) -> String {
    let name = raw.trim().trim_matches(['"', '\'']).trim();
    // The regexes only where they can match: this runs for every sender.
    let ends_in_relay = name
        .as_bytes()
        .rsplit(|b| b.is_ascii_whitespace())
        .next()
        .is_some_and(|last| last.eq_ignore_ascii_case(b"relay"));
    let name = if ends_in_relay {
        RELAY.replace(name, "")
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    let name = if name.trim_end().ends_with(')') {
        AFFILIATION.replace(&name, "")
    } else {
        name
    };
    let name = name.trim().trim_matches(['"', '\'']).trim();
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name in an in-body `From:` line, else in the `Signed-off-by:` whose
/// address is the sender's, else in the first `Signed-off-by:`.
fn name_from_body(body: &str, email: &str) -> Option<(String, String)> {
    let named = |caps: regex::Captures| {
        let name = clean_name(&caps[1]);
        (!name.is_empty()).then(|| (name, caps[2].to_lowercase()))
    };
    if let Some(found) = IN_BODY_FROM.captures_iter(body).take(1).find_map(named) {
        return Some(found);
    }
    let mut signers = SIGNED_OFF.captures_iter(body).filter_map(named).peekable();
    let first = signers.peek().cloned();
    signers
        .find(|(_, e)| e.eq_ignore_ascii_case(email))
        .or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(name: &str, email: &str, body: &str) -> Message {
        Message {
            id: "x@y".into(),
            in_reply_to: None,
            references: vec![],
            subject: String::new(),
            from_name: name.into(),
            from_email: email.into(),
            original_from: None,
            date: None,
            list_id: None,
            body: body.into(),
            raw_index: 0,
        }
    }

    #[test]
    fn affiliation_suffix_is_dropped() {
        assert_eq!(
            author(&mail("Matthew Wilcox (Oracle)", "willy@infradead.org", "")).name,
            "Matthew Wilcox"
        );
    }

    #[test]
    fn quotes_are_removed() {
        assert_eq!(
            author(&mail("\"Paul E. McKenney\"", "p@k.org", "")).name,
            "Paul E. McKenney"
        );
    }

    #[test]
    fn b4_relay_resolves_to_the_real_sender() {
        let mut m = mail(
            "Jane Doe via B4 Relay",
            "devnull+jane.example.org@kernel.org",
            "",
        );
        assert_eq!(author(&m).name, "Jane Doe");
        m.original_from = Some(("Jane Doe".into(), "jane@example.org".into()));
        assert_eq!(
            author(&m),
            Author {
                name: "Jane Doe".into(),
                email: "jane@example.org".into()
            }
        );
    }

    #[test]
    fn address_only_takes_name_from_signed_off_by() {
        let body = "Text.\n\nSigned-off-by: Other Person <o@x.org>\nSigned-off-by: Jeff Xu <jeffxu@google.com>\n";
        assert_eq!(author(&mail("", "jeffxu@google.com", body)).name, "Jeff Xu");
    }

    #[test]
    fn address_only_takes_name_from_in_body_from() {
        let body = "From: Jeff Xu <jeffxu@chromium.org>\n\nText.\n";
        assert_eq!(
            author(&mail("jeffxu@google.com", "jeffxu@google.com", body)).name,
            "Jeff Xu"
        );
    }

    #[test]
    fn nothing_but_an_address_falls_back_to_its_local_part() {
        assert_eq!(author(&mail("", "someone@example.org", "")).name, "someone");
    }
}
