//! The `draft` job: message IDs and a pool of mail in, entries out.
//!
//! This joins the stages without knowing their internals: it asks the pool
//! for each ID's thread and composes an entry, turning every miss into a
//! one-line failure so that the rest of the draft is never lost.

use std::collections::HashSet;

use crate::compose::{self, Entry, Failure, Options};
use crate::fetch::RawMessage;
use crate::parse::{Message, MessageError, Pool};

/// Parses raw mail into a pool. Mails that cannot be used are counted per
/// origin, so that a broken mailbox is one line of warning, not hundreds.
pub fn pool_from(raw: Vec<RawMessage>, preferred_list: Option<&str>) -> (Pool, Vec<String>) {
    let mut warnings: Vec<(String, usize)> = Vec::new();
    let mut messages = Vec::with_capacity(raw.len());
    for message in raw {
        match Message::parse(&message.bytes) {
            Ok(parsed) => messages.push(parsed),
            Err(MessageError::NoMessageId | MessageError::Unparseable) => {
                match warnings
                    .iter_mut()
                    .find(|(origin, _)| *origin == message.origin)
                {
                    Some((_, n)) => *n += 1,
                    None => warnings.push((message.origin, 1)),
                }
            }
        }
    }
    let warnings = warnings
        .into_iter()
        .map(|(origin, n)| {
            let mails = if n == 1 { "mail" } else { "mails" };
            format!("{origin}: skipped {n} {mails} without a usable Message-ID")
        })
        .collect();
    (Pool::new(messages, preferred_list), warnings)
}

/// One entry per requested ID that the pool holds, in request order; two
/// IDs of the same series make one entry.
pub fn entries(pool: &Pool, ids: &[String], options: &Options) -> (Vec<Entry>, Vec<Failure>) {
    let mut entries = Vec::new();
    let mut failed = Vec::new();
    let mut seen = HashSet::new();
    for id in ids {
        let (Some(message), Some(thread)) = (pool.get(id), pool.thread_of(id)) else {
            failed.push(Failure {
                input: id.clone(),
                error: "not found in the mail that was read".into(),
            });
            continue;
        };
        let entry = compose::entry(&thread, message, options);
        if seen.insert(entry.message_id.clone()) {
            entries.push(entry);
        }
    }
    (entries, failed)
}
