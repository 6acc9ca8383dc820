//! Who wrote a mail, cleaned the way an editor writes a name.

use std::sync::LazyLock;

use regex::Regex;

use super::message::Message;

/// The name of a sender who gave neither a name nor an address.
pub const UNKNOWN: &str = "unknown";

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
            UNKNOWN.to_string()
        } else {
            fallback
        },
        email,
    }
}

/// The author of `message`, as [`author`] finds them, and where the mail
/// names nobody but an address, the name their other mails in `thread`
/// carry; failing that, the login made presentable (`zhaoyang.huang` ->
/// `Zhaoyang Huang`), never shown in lower case.
pub fn author_in_thread(message: &Message, thread: &[&Message]) -> Author {
    let found = author(message);
    if !is_login(&found) {
        return found;
    }
    let named = thread
        .iter()
        .filter(|m| m.id != message.id && m.from_email.eq_ignore_ascii_case(&found.email))
        .map(|m| author(m))
        .find(|a| !is_login(a));
    match named {
        Some(other) => Author {
            name: other.name,
            email: found.email,
        },
        // Nobody to name at all: the placeholder stays as it is.
        None if found.name == UNKNOWN => found,
        None => Author {
            name: presentable(&found.name),
            email: found.email,
        },
    }
}

/// Whether a name is only an address's login (`peterz`, `kai.tanaka`).
fn is_login(author: &Author) -> bool {
    let local = author.email.split('@').next().unwrap_or("");
    author.name.contains('@')
        || author.name.eq_ignore_ascii_case(local)
        || author.name == UNKNOWN
        || !author.name.contains(char::is_whitespace)
            && author.name.chars().all(|c| !c.is_uppercase())
}

/// `zhaoyang.huang` -> `Zhaoyang Huang`.
fn presentable(login: &str) -> String {
    login
        .split(['.', '_', '-', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The name in a body's first `Signed-off-by:`: a patch's own author, as a
/// backport or a resent patch carries it.
pub fn first_signer(body: &str) -> Option<String> {
    let captures = SIGNED_OFF.captures(body)?;
    let name = clean_name(&captures[1]);
    (!name.is_empty()).then_some(name)
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
            lists: Vec::new(),
            body: body.into(),
            raw_index: 0,
        }
    }

    #[test]
    fn apostrophes_and_other_punctuation_stay_in_names() {
        for raw in ["Zach O'Keefe", "\"Zach O'Keefe\"", "'Zach O'Keefe'"] {
            assert_eq!(
                author(&mail(raw, "zokeefe@google.com", "")).name,
                "Zach O'Keefe"
            );
        }
        assert_eq!(clean_name("Jean-Philippe Brucker"), "Jean-Philippe Brucker");
    }

    #[test]
    fn an_address_only_sender_takes_the_name_of_their_other_mail() {
        let bare = mail("", "peterz@infradead.org", "Text.\n");
        let mut named = mail("Peter Zijlstra", "peterz@infradead.org", "");
        named.id = "other@y".into();
        assert_eq!(
            author_in_thread(&bare, &[&bare, &named]).name,
            "Peter Zijlstra"
        );
    }

    #[test]
    fn a_login_is_never_shown_in_lower_case() {
        let bare = mail("", "zhaoyang.huang@unisoc.com", "Text.\n");
        assert_eq!(author_in_thread(&bare, &[&bare]).name, "Zhaoyang Huang");
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
