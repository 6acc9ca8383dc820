//! Why mail could not be had: one type for every way a thread or a listing
//! fails, each shown as the one line the user reads.

use reqwest::StatusCode;

/// Why one thread (or one list's listing) could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The server does not hold the message; `suggestions` are the IDs its
    /// partial-match page offered instead, never fetched.
    #[error("not found on lore{}", did_you_mean(.suggestions))]
    NotFound { suggestions: Vec<String> },
    #[error("not in the cache, and --offline forbids fetching it")]
    Offline,
    #[error("the cached copy is not mail ({0}); run without --offline to fetch it again")]
    CachedNotMail(NotMail),
    #[error("the thread is larger than {limit_mib} MiB {what} (raise --max-thread-size)")]
    TooLarge { what: &'static str, limit_mib: u64 },
    /// A 200 whose body is not the mail asked for.
    #[error("{0}")]
    NotMail(NotMail),
    #[error("lore answered {0}")]
    Status(StatusCode),
    /// Timeouts, refused connections, resets.
    #[error("{0}")]
    Transport(String),
    /// A failure that retrying did not mend.
    #[error("{last} (gave up after {tries} {})", if *.tries == 1 { "try" } else { "tries" })]
    GaveUp { last: Box<FetchError>, tries: u32 },
    /// An answer that broke off (or came broken) twice as it was read.
    #[error(
        "{what} could not be read whole, twice ({reason}): try again, or ask for less (fewer --list, a shorter window)"
    )]
    BrokeOff { what: String, reason: String },
    #[error("the thread's gzip data is broken: {0}")]
    Unreadable(String),
    /// The run stopped asking after `walls` bot checks in a row.
    #[error(
        "not asked: lore answered with a bot check {walls} times in a row, so this run stopped asking it; see docs/reference.md \"Bot walls\""
    )]
    StoppedByWall { walls: usize },
    /// A listing's inbox is not on the server.
    #[error("the server has no inbox {0} (check --list)")]
    NoInbox(String),
    #[error("cannot start an HTTP client: {0}")]
    Client(String),
}

impl FetchError {
    /// Whether the answer was a bot check (a wall), however it was wrapped.
    pub fn is_wall(&self) -> bool {
        match self {
            FetchError::NotMail(not_mail) => not_mail.is_bot_check(),
            FetchError::GaveUp { last, .. } => last.is_wall(),
            _ => false,
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, FetchError::NotFound { .. })
    }
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean <{one}>?"),
        [first, rest @ ..] => format!(
            "; did you mean <{first}>? ({} other partial matches)",
            rest.len()
        ),
    }
}

/// What came back instead of mail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotMail {
    #[error(
        "lore answered with a web page{}, not mail{}",
        quoted_title(.title),
        if *.bot_check { ": a bot check; see docs/reference.md \"Bot walls\"" } else { "" }
    )]
    WebPage {
        title: Option<String>,
        bot_check: bool,
    },
    #[error("lore answered with JSON, not mail")]
    Json,
    #[error("lore answered with an empty body, not mail")]
    Empty,
    #[error(
        "lore answered with {mails} mails of another thread (such as <{example}>), not this one"
    )]
    OtherThread { mails: usize, example: String },
    #[error("lore answered with text that is not mail ({start:?})")]
    Other { start: String },
}

impl NotMail {
    pub fn is_bot_check(&self) -> bool {
        matches!(
            self,
            NotMail::WebPage {
                bot_check: true,
                ..
            }
        )
    }
}

fn quoted_title(title: &Option<String>) -> String {
    title
        .as_ref()
        .map(|t| format!(" ({t:?})"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wall_names_itself_and_the_readme_section() {
        let error = FetchError::NotMail(NotMail::WebPage {
            title: Some("Making sure you're not a bot!".into()),
            bot_check: true,
        });
        assert_eq!(
            error.to_string(),
            "lore answered with a web page (\"Making sure you're not a bot!\"), not mail: a bot check; see docs/reference.md \"Bot walls\""
        );
        assert!(error.is_wall());
    }

    #[test]
    fn retries_that_did_not_help_say_how_many() {
        let error = FetchError::GaveUp {
            last: Box::new(FetchError::Status(StatusCode::SERVICE_UNAVAILABLE)),
            tries: 4,
        };
        assert_eq!(
            error.to_string(),
            "lore answered 503 Service Unavailable (gave up after 4 tries)"
        );
    }

    #[test]
    fn partial_matches_are_offered_not_taken() {
        let error = FetchError::NotFound {
            suggestions: vec!["20200101-1-a@b.org".into()],
        };
        assert_eq!(
            error.to_string(),
            "not found on lore; did you mean <20200101-1-a@b.org>?"
        );
    }
}
