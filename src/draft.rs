//! The pipelines of `draft` and `fetch`: message IDs and a source in; the
//! post, or the threads as one mbox, out.
//!
//! This joins the stages without knowing their internals: it asks the
//! source for the mail, the pool for each ID's thread, and compose for an
//! entry, turning every miss into a one-line failure so that the rest of
//! the draft is never lost.

use std::collections::HashSet;

use crate::compose::{self, Draft, Entry, Failure, Options};
use crate::fetch::{Progress, RawMessage, Source, mbox};
use crate::history::History;
use crate::parse::{Message, MessageError, Pool};
use crate::summarizer::Summarizer;

/// The mail read for some IDs, parsed.
pub struct Read {
    /// As read, for `fetch` to write back; each message's `raw_index`
    /// points here.
    pub raw: Vec<RawMessage>,
    pub pool: Pool,
    /// What could not be read or fetched.
    pub failed: Vec<Failure>,
    /// Lines for standard error: what was fetched, mails skipped.
    pub notes: Vec<String>,
}

/// Reads the mail for `ids` from `source` and parses it into a pool that
/// prefers the copies of `preferred_list`.
pub fn read(
    ids: &[String],
    source: &Source,
    preferred_list: Option<&str>,
    watch: &(dyn Fn(Progress) + Sync),
) -> Read {
    let fetched = source.threads(ids, watch);
    let (pool, warnings) = pool_from(&fetched.mails, preferred_list);
    let mut notes = fetched.notes;
    notes.extend(warnings);
    Read {
        raw: fetched.mails,
        pool,
        failed: fetched.failed,
        notes,
    }
}

/// A pipeline's result: the post, and lines for standard error.
pub struct Run {
    pub draft: Draft,
    pub notes: Vec<String>,
    /// Lines for `-v`: the repairs each summary needed.
    pub details: Vec<String>,
    /// What was asked of the post but is not in it (the release charts),
    /// a line each; the post is still whole otherwise.
    pub missing: Vec<String>,
}

/// The `draft` pipeline: one entry per thread of `ids`, in order.
pub fn run(
    ids: &[String],
    source: &Source,
    preferred_list: Option<&str>,
    options: &Options,
    watch: &(dyn Fn(Progress) + Sync),
) -> Run {
    let read = read(ids, source, preferred_list, watch);
    let mut draft = post(&read.pool, ids, read.failed, options);
    let mut notes = read.notes;
    let history = options.history_before(options.date.to_utc(), draft.release.as_deref());
    if let Some(history) = &history {
        notes.extend(history.warnings());
        let at_hand = history.at_hand(&read.pool);
        compose::follow_up::remember_all(
            &mut draft.entries,
            &read.pool,
            history,
            &at_hand,
            options,
        );
    }
    let (more, missing) = finish(&mut draft, &read.pool, options, history.as_ref());
    notes.extend(more);
    Run {
        details: repair_lines(&draft),
        draft,
        notes,
        missing,
    }
}

/// `-v`: one line per entry whose summary was repaired, naming the repairs.
pub(crate) fn repair_lines(draft: &Draft) -> Vec<String> {
    draft
        .entries
        .iter()
        .filter(|e| !e.repairs.is_empty())
        .map(|e| {
            format!(
                "{}: summary repaired: {}",
                e.message_id,
                e.repairs.join("; ")
            )
        })
        .collect()
}

/// What the pipelines do to a composed draft: the editor's summarizer
/// (shown the editor's earlier summaries from `history`), then the release
/// entry's charts. Lines for standard error, and what is missing from the
/// post.
pub(crate) fn finish(
    draft: &mut Draft,
    pool: &Pool,
    options: &Options,
    history: Option<&History>,
) -> (Vec<String>, Vec<String>) {
    let mut notes = Vec::new();
    let mut missing = Vec::new();
    if let Some(summarizer) = &options.summarizer {
        notes.extend(Summarizer(summarizer).apply(draft, pool, history));
    }
    if let Some(charts) = &options.release_charts {
        match crate::relstat::attach_release_charts(draft, charts) {
            Ok(note) => notes.extend(note),
            Err(e) => missing.push(format!("release charts not drawn: {e}")),
        }
    }
    (notes, missing)
}

/// The `fetch` pipeline: each asked thread once, in the order asked, its
/// messages oldest first, as one mboxrd (the very copies the pool kept),
/// and what failed.
pub fn threads_mbox(
    ids: &[String],
    source: &Source,
    preferred_list: Option<&str>,
    watch: &(dyn Fn(Progress) + Sync),
) -> (Vec<u8>, Vec<Failure>, Vec<String>) {
    let Read {
        raw,
        pool,
        mut failed,
        notes,
    } = read(ids, source, preferred_list, watch);
    let mut written = HashSet::new();
    let mut messages: Vec<&Message> = Vec::new();
    for id in ids {
        match pool.thread_of(id) {
            Some(thread) => {
                for message in thread.messages {
                    if written.insert(message.id.clone()) {
                        messages.push(message);
                    }
                }
            }
            None if failed.iter().any(|f| &f.input == id) => {}
            None => failed.push(Failure {
                input: id.clone(),
                error: "not found in the mail that was read".into(),
            }),
        }
    }
    let mbox = mbox::write_mboxrd(messages.iter().map(|m| &raw[m.raw_index].bytes[..]));
    (mbox, failed, notes)
}

/// Parses raw mail into a pool. Mails that cannot be used are counted per
/// origin, so that a broken mailbox is one line of warning, not hundreds.
/// Each message's `raw_index` is its position in `raw`.
pub fn pool_from(raw: &[RawMessage], preferred_list: Option<&str>) -> (Pool, Vec<String>) {
    let mut parsing = Parsing::default();
    parsing.add(raw, true);
    parsing.pool(preferred_list)
}

/// Mails parsed batch after batch into the messages of one pool, with the
/// mails that could not be used counted per origin.
#[derive(Debug, Default)]
pub struct Parsing {
    messages: Vec<Message>,
    skipped: Vec<(String, usize)>,
    seen: usize,
}

impl Parsing {
    /// Parses a batch. A body that needs no decoding is a share of its
    /// mail where `shared`, else a copy of the body alone, so that the
    /// batch can be given back (the rest of the mail is not kept).
    /// `raw_index` counts the mails of every batch so far.
    pub fn add(&mut self, raw: &[RawMessage], shared: bool) {
        // Parsing is pure, and most of a big mailbox's cost.
        let parsed = crate::parallel::map_costly(raw, |m| {
            if shared {
                Message::parse_shared(&m.bytes)
            } else {
                Message::parse(&m.bytes)
            }
        });
        self.messages.reserve(raw.len());
        for (index, (mail, parsed)) in raw.iter().zip(parsed).enumerate() {
            match parsed {
                Ok(parsed) => self.messages.push(Message {
                    raw_index: self.seen + index,
                    ..parsed
                }),
                Err(MessageError::NoMessageId | MessageError::Unparseable) => {
                    match self.skipped.iter_mut().find(|(o, _)| *o == mail.origin) {
                        Some((_, n)) => *n += 1,
                        None => self.skipped.push((mail.origin.clone(), 1)),
                    }
                }
            }
        }
        self.seen += raw.len();
    }

    /// Whether no mail was added at all (usable or not).
    pub fn is_empty(&self) -> bool {
        self.seen == 0
    }

    /// The pool, and a warning for each origin with mails it could not use.
    pub fn pool(self, preferred_list: Option<&str>) -> (Pool, Vec<String>) {
        let warnings = self
            .skipped
            .iter()
            .map(|(origin, n)| {
                let mails = if *n == 1 { "mail" } else { "mails" };
                format!("{origin}: skipped {n} {mails} without a usable Message-ID")
            })
            .collect();
        (Pool::new(self.messages, preferred_list), warnings)
    }
}

/// The post for `ids` from `pool`. `failed` holds what could not be read
/// or fetched; an ID that failed there is not listed twice.
pub fn post(pool: &Pool, ids: &[String], mut failed: Vec<Failure>, options: &Options) -> Draft {
    let (entries, missing) = entries(pool, ids, options);
    let missing: Vec<Failure> = missing
        .into_iter()
        .filter(|m| !failed.iter().any(|f| f.input == m.input))
        .collect();
    failed.extend(missing);
    compose::draft(entries, failed, options)
}

/// One entry per requested ID that the pool holds, in request order; two
/// IDs of the same series make one entry.
pub fn entries(pool: &Pool, ids: &[String], options: &Options) -> (Vec<Entry>, Vec<Failure>) {
    let composed = crate::parallel::map(ids, |id| {
        let message = pool.get(id)?;
        Some(compose::entry(&pool.thread_of(id)?, message, options))
    });
    let mut entries = Vec::new();
    let mut failed = Vec::new();
    let mut seen = HashSet::new();
    for (id, entry) in ids.iter().zip(composed) {
        let Some(entry) = entry else {
            failed.push(Failure {
                input: id.clone(),
                error: "not found in the mail that was read".into(),
            });
            continue;
        };
        if seen.insert(entry.message_id.clone()) {
            entries.push(entry);
        }
    }
    (entries, failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(list: &str) -> RawMessage {
        RawMessage {
            bytes: format!("Message-ID: <a@x>\nList-Id: <{list}>\nSubject: s\n\nbody\n").into(),
            origin: "test".into(),
        }
    }

    #[test]
    fn raw_index_points_at_the_copy_the_pool_kept() {
        let raws = [
            raw("linux-kernel.vger.kernel.org"),
            raw("linux-mm.kvack.org"),
        ];
        let (pool, warnings) = pool_from(&raws, Some("linux-mm"));
        assert!(warnings.is_empty());
        assert_eq!(pool.get("a@x").unwrap().raw_index, 1);
    }

    #[test]
    fn mails_without_message_id_are_one_warning_per_origin() {
        let bad = RawMessage {
            bytes: b"Subject: s\n\nbody\n"[..].into(),
            origin: "f.mbox".into(),
        };
        let (pool, warnings) = pool_from(&[bad.clone(), bad], None);
        assert!(pool.is_empty());
        assert_eq!(
            warnings,
            ["f.mbox: skipped 2 mails without a usable Message-ID"]
        );
    }
}
