//! The fetch stage: where mail comes from — local mailboxes ([`local`]),
//! public-inbox archives ([`archive`]) and servers such as lore ([`lore`],
//! [`search`]), with a [`cache`]. All I/O of
//! the tool lives in this module.

pub mod answer;
pub mod archive;
pub mod cache;
pub mod error;
pub mod local;
pub mod lore;
pub mod mbox;
pub mod search;

pub use error::{FetchError, NotMail};
pub use local::{read_mailboxes, read_mailboxes_keeping};

/// One mail as read, before parsing.
#[derive(Debug, Clone)]
pub struct RawMessage {
    /// The mail; where no line of it needed rewriting, a share of the
    /// buffer it was read into rather than a copy.
    pub bytes: bytes::Bytes,
    /// Where it came from, for error messages (a path, or a URL).
    pub origin: String,
}

/// A source that could not be read, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct SourceError {
    pub source_name: String,
    pub reason: String,
}
