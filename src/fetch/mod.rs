//! The fetch stage: where mail comes from — local mailboxes ([`local`],
//! read with [`mbox`]), public-inbox archives ([`archive`]) and servers
//! such as lore ([`lore`], [`search`]), with a [`cache`]. All I/O of the
//! tool lives in this module; the pipelines ask a [`Source`].

pub mod answer;
pub mod archive;
pub mod bulk;
pub mod cache;
pub mod error;
pub mod git;
pub mod index;
pub mod local;
pub mod lore;
pub mod mbox;
pub mod search;
pub mod session;

use std::path::PathBuf;

pub use error::{FetchError, NotMail};
pub use local::{read_mailboxes, read_mailboxes_by_block, read_mailboxes_keeping};
pub use lore::{LoreOptions, Progress};

use crate::input::Failure;

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

impl From<SourceError> for Failure {
    fn from(e: SourceError) -> Failure {
        Failure {
            input: e.source_name,
            error: e.reason,
        }
    }
}

/// Where mail comes from, built once from the options; the pipelines in
/// `draft` and `week` read it.
#[derive(Debug, Clone)]
pub enum Source {
    /// mbox files, directories of them, or Maildirs; and, for `week`,
    /// public-inbox v2 archives (`git clone --mirror` of lore's epochs).
    Local {
        mailboxes: Vec<PathBuf>,
        archives: Vec<PathBuf>,
    },
    /// A public-inbox server such as lore, with its cache.
    Lore(LoreOptions),
    /// Mailboxes indexed once, for a server that drafts from them again
    /// and again: a build reads only its threads' mails.
    Indexed(std::sync::Arc<index::Mailboxes>),
}

/// What a source gave for some message IDs.
#[derive(Debug, Default)]
pub struct Fetched {
    pub mails: Vec<RawMessage>,
    /// What could not be read or fetched, one line each.
    pub failed: Vec<Failure>,
    /// Lines for standard error: what was asked (threads, cache hits,
    /// requests), mails that could not be used.
    pub notes: Vec<String>,
}

impl Source {
    /// The mail that holds the threads of `ids`: the mailboxes' mails of
    /// those threads, or each ID's thread from the server, `watch` hearing
    /// how each goes.
    pub fn threads(&self, ids: &[String], watch: &(dyn Fn(Progress) + Sync)) -> Fetched {
        match self {
            Source::Local { mailboxes, .. } => {
                // Asked for nothing in particular (a fuzz run, say): all of it.
                let (mails, errors, notes) = if ids.is_empty() {
                    let (mails, errors) = read_mailboxes(mailboxes);
                    (mails, errors, Vec::new())
                } else {
                    local::read_threads(mailboxes, ids)
                };
                Fetched {
                    mails,
                    failed: errors.into_iter().map(Failure::from).collect(),
                    notes,
                }
            }
            Source::Indexed(mailboxes) => {
                let (mails, errors) = mailboxes.threads(ids);
                Fetched {
                    mails,
                    failed: errors.into_iter().map(Failure::from).collect(),
                    notes: Vec::new(),
                }
            }
            Source::Lore(options) => match session::Session::start(options.clone()) {
                Ok(session) => session.threads(ids, watch),
                Err(error) => Fetched {
                    failed: ids
                        .iter()
                        .map(|id| Failure {
                            input: id.clone(),
                            error: error.to_string(),
                        })
                        .collect(),
                    ..Fetched::default()
                },
            },
        }
    }
}

/// Of the lists asked, the one whose copies of a cross-posted mail are
/// kept: the first, unless it is `all`.
pub fn preferred_list(lists: &[String]) -> Option<&str> {
    lists.first().map(String::as_str).filter(|l| *l != "all")
}
