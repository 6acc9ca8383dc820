//! Mail on disk: mbox files (mboxrd or `git format-patch` mboxo, optionally
//! gzipped as lore's `t.mbox.gz`), directories of them, and Maildir folders.

use std::borrow::Cow;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use flate2::read::MultiGzDecoder;

use super::mbox;
use super::{RawMessage, SourceError};

/// Which mails to keep, judged on their raw bytes as they stream past (on
/// any thread).
pub type Keep<'a> = &'a (dyn Fn(&[u8]) -> bool + Sync);

/// Reads every message under `paths`. A path that cannot be read is
/// reported and skipped; the others are still read.
pub fn read_mailboxes(paths: &[PathBuf]) -> (Vec<RawMessage>, Vec<SourceError>) {
    read_mailboxes_keeping(paths, &|_| true)
}

/// The mails of the threads of `ids` under `paths`, without holding the
/// rest in memory: a mail is kept when its Message-ID, In-Reply-To or
/// References meet the wanted IDs, which grow with every mail kept. A
/// second pass catches the mails read before the one that tied them to a
/// thread (a reply before its parent in the file).
/// Mails without any Message-ID are counted, a line per path.
pub fn read_threads(
    paths: &[PathBuf],
    ids: &[String],
) -> (Vec<RawMessage>, Vec<SourceError>, Vec<String>) {
    let wanted: std::sync::Mutex<rustc_hash::FxHashSet<String>> =
        std::sync::Mutex::new(ids.iter().cloned().collect());
    let unnamed = std::sync::atomic::AtomicUsize::new(0);
    let keep = |raw: &[u8]| {
        let named = super::answer::message_ids(raw);
        if named.is_empty() {
            unnamed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return false;
        }
        let mut wanted = wanted.lock().expect("no reader panics");
        let ours = named.iter().any(|id| wanted.contains(id));
        if ours {
            wanted.extend(named);
        }
        ours
    };
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let (_, failed) = read_mailboxes_keeping(std::slice::from_ref(path), &keep);
        errors.extend(failed);
        let n = unnamed.swap(0, std::sync::atomic::Ordering::Relaxed);
        if n > 0 {
            let mails = if n == 1 { "mail" } else { "mails" };
            notes.push(format!(
                "{}: skipped {n} {mails} without a usable Message-ID",
                path.display()
            ));
        }
    }
    let readable: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            !errors
                .iter()
                .any(|e| e.source_name == p.display().to_string())
        })
        .cloned()
        .collect();
    let (kept, _) = read_mailboxes_keeping(&readable, &keep);
    (kept, errors, notes)
}

/// Reads the messages under `paths` that `keep` wants. An mbox is read a
/// block at a time, so that memory holds what is kept, not the file.
pub fn read_mailboxes_keeping(
    paths: &[PathBuf],
    keep: Keep,
) -> (Vec<RawMessage>, Vec<SourceError>) {
    let mut messages = Vec::new();
    let errors = read_each(paths, keep, &mut |mails, shares| {
        messages.extend(mails);
        shares
    });
    (messages, errors)
}

/// Reads the messages under `paths` that `keep` wants and hands them to
/// `each` a block at a time. Once `each` returns, the block is given back:
/// what `each` keeps of it must be copied (a parsed mail's fields), so
/// that a mailbox read this way costs what is kept of it, not its size.
pub fn read_mailboxes_by_block(
    paths: &[PathBuf],
    keep: Keep,
    each: &mut dyn FnMut(Vec<RawMessage>),
) -> Vec<SourceError> {
    read_each(paths, keep, &mut |mails, _| {
        each(mails);
        false
    })
}

/// What a reader hands the mails of a block to: they, and whether they
/// are shares of the block (rather than copies); it answers whether the
/// block is still held.
type Each<'a> = &'a mut dyn FnMut(Vec<RawMessage>, bool) -> bool;

fn read_each(paths: &[PathBuf], keep: Keep, each: Each) -> Vec<SourceError> {
    let mut errors = Vec::new();
    for path in paths {
        if let Err(reason) = read_path(path, keep, each) {
            errors.push(SourceError {
                source_name: path.display().to_string(),
                reason,
            });
        }
    }
    errors
}

fn read_path(path: &Path, keep: Keep, each: Each) -> Result<(), String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot read it: {}", io_reason(&e)))?;
    if !meta.is_dir() {
        return read_mbox(path, keep, each);
    }
    if path.join("cur").is_dir() || path.join("new").is_dir() {
        let mails = read_maildir(path, keep)?;
        each(mails, false);
        return Ok(());
    }
    let mut files: Vec<PathBuf> = fs::read_dir(path)
        .map_err(|e| format!("cannot list it: {}", io_reason(&e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".mbox") || name.ends_with(".mbox.gz")
        })
        .collect();
    if files.is_empty() {
        return Err("a directory with no *.mbox files and no Maildir (cur/, new/) in it".into());
    }
    files.sort();
    for file in files {
        read_mbox(&file, keep, each)?;
    }
    Ok(())
}

fn read_mbox(path: &Path, keep: Keep, each: Each) -> Result<(), String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read it: {}", io_reason(&e)))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let gzipped = reader
        .fill_buf()
        .map_err(|e| format!("cannot read it: {}", io_reason(&e)))?
        .starts_with(&[0x1f, 0x8b]);
    let origin = path.display().to_string();
    let mut each = |mails: Vec<Bytes>, shares: bool| {
        let mails = mails
            .into_iter()
            .map(|bytes| RawMessage {
                bytes,
                origin: origin.clone(),
            })
            .collect();
        each(mails, shares)
    };
    if gzipped {
        let unpacked = BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader));
        split_blocks(unpacked, BLOCK, keep, &mut each)
            .map_err(|e| format!("not a valid gzip file: {e}"))
    } else {
        match Mapped::new(reader.get_ref()) {
            Some(mapped) => {
                split_mapped(&mapped, BLOCK, keep, &mut each);
                Ok(())
            }
            // A pipe or a special file: read as it streams.
            None => split_blocks(reader, BLOCK, keep, &mut each)
                .map_err(|e| format!("cannot read it: {}", io_reason(&e))),
        }
    }
}

/// How much of an mbox is read at once: enough messages to share out
/// among the cores, little against what a week of mail keeps.
const BLOCK: usize = 16 << 20;

/// An mbox file mapped into memory, so that its mails are read where the
/// page cache holds them rather than copied into fresh memory.
struct Mapped {
    map: std::sync::Arc<memmap2::Mmap>,
    bytes: Bytes,
}

/// The mapping as the owner of a [`Bytes`].
struct SharedMap(std::sync::Arc<memmap2::Mmap>);

impl AsRef<[u8]> for SharedMap {
    fn as_ref(&self) -> &[u8] {
        &self.0[..]
    }
}

impl Mapped {
    /// `None` for what cannot be mapped (a pipe, an empty file).
    fn new(file: &fs::File) -> Option<Mapped> {
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() == 0 {
            return None;
        }
        // SAFETY: the map is read-only and private. As with any reader of a
        // mailbox (ripgrep maps files the same way), a file truncated while
        // it is read ends the run with SIGBUS, and one rewritten in place is
        // read as it then stands.
        let map = unsafe { memmap2::Mmap::map(file) }.ok()?;
        let _ = map.advise(memmap2::Advice::Sequential);
        let map = std::sync::Arc::new(map);
        let bytes = Bytes::from_owner(SharedMap(map.clone()));
        Some(Mapped { map, bytes })
    }

    /// Gives back the pages of `range` that this process holds, nothing
    /// of which is still used: a week read out of a year's mailbox then
    /// holds its week, not the year, as it would reading in blocks.
    fn release(&self, range: std::ops::Range<usize>) {
        let page = 4096;
        let start = range.start.div_ceil(page) * page;
        let end = range.end / page * page;
        if start < end {
            // SAFETY: the mapping is private and read-only, so dropped pages
            // are read again from the file if anything touches them.
            let _ = unsafe {
                self.map.unchecked_advise_range(
                    memmap2::UncheckedAdvice::DontNeed,
                    start,
                    end - start,
                )
            };
        }
    }
}

/// The mails of a mapped mbox that `keep` wants, `block` bytes at a time,
/// as [`split_blocks`] reads a stream: handed to `each` as shares of the
/// mapping where most of a block is kept, else as copies; a block that
/// `each` no longer holds gives its pages back.
fn split_mapped(
    mapped: &Mapped,
    block: usize,
    keep: Keep,
    each: &mut dyn FnMut(Vec<Bytes>, bool) -> bool,
) {
    let all = &mapped.bytes;
    let mut start = 0;
    let mut want = block;
    loop {
        let end = (start + want).min(all.len());
        let at_end = end == all.len();
        let read = all.slice(start..end);
        let (spans, rest) = mbox::complete_messages(&read, at_end);
        if spans.is_empty() && !at_end {
            // A message longer than a block.
            want *= 2;
            continue;
        }
        let (mails, shares) = keep_block(&read, &spans, keep);
        if !each(mails, shares) {
            mapped.release(start..start + rest);
        }
        if at_end {
            return;
        }
        start += rest;
        want = block;
    }
}

/// The mails of `spans` in `read` that `keep` wants: shares of `read`
/// where they are most of it (and then says so), else copies.
fn keep_block(read: &Bytes, spans: &[std::ops::Range<usize>], keep: Keep) -> (Vec<Bytes>, bool) {
    let wanted: Vec<Cow<[u8]>> = crate::parallel::map(spans, |span| {
        mbox::message(&read[span.clone()]).filter(|message| keep(message))
    })
    .into_iter()
    .flatten()
    .collect();
    let share = wanted.iter().map(|m| m.len()).sum::<usize>() * 2 >= read.len();
    let mails = wanted
        .into_iter()
        .map(|m| {
            if share {
                mbox::shared(read, m)
            } else {
                Bytes::from(m.into_owned())
            }
        })
        .collect();
    (mails, share)
}

/// The messages of an mbox that `keep` wants, read `block` bytes at a
/// time and handed to `each`. Kept messages share the block they were
/// read into where most of it is kept (a week read from its own mbox),
/// and are copied out where little is (a week's mail, or one
/// announcement, out of a year's mbox), so that a few kept mails never
/// hold whole blocks in memory.
fn split_blocks(
    mut reader: impl Read,
    block: usize,
    keep: Keep,
    each: &mut dyn FnMut(Vec<Bytes>, bool) -> bool,
) -> std::io::Result<()> {
    let mut blocks = MboxBlocks::new(block, keep, each);
    std::io::copy(&mut reader, &mut blocks)?;
    blocks.finish();
    Ok(())
}

/// An mbox written in pieces of any size, as it streams in (from a file or
/// an answer): every `block` bytes, and at the end, the whole messages
/// `keep` wants go to `each`, as [`split_blocks`] hands them.
pub struct MboxBlocks<'a> {
    buffer: Vec<u8>,
    block: usize,
    keep: Keep<'a>,
    each: &'a mut dyn FnMut(Vec<Bytes>, bool) -> bool,
}

impl<'a> MboxBlocks<'a> {
    pub fn new(
        block: usize,
        keep: Keep<'a>,
        each: &'a mut dyn FnMut(Vec<Bytes>, bool) -> bool,
    ) -> MboxBlocks<'a> {
        MboxBlocks {
            buffer: Vec::new(),
            block,
            keep,
            each,
        }
    }

    /// The rest: the mbox ended, and its last message is whole.
    pub fn finish(mut self) {
        self.hand_out(true);
    }

    /// The mbox was cut short: its last message, which may not be whole,
    /// is left out.
    pub fn finish_cut(mut self) {
        self.hand_out(false);
    }

    /// Hands out the whole messages read so far, and keeps the rest.
    fn hand_out(&mut self, at_end: bool) {
        // A small file's block would otherwise hold the whole reservation
        // for as long as a kept mail shares it.
        if self.buffer.capacity() > 2 * self.buffer.len() {
            self.buffer.shrink_to_fit();
        }
        let read = Bytes::from(std::mem::take(&mut self.buffer));
        let (spans, rest) = mbox::complete_messages(&read, at_end);
        let (mails, shares) = keep_block(&read, &spans, self.keep);
        (self.each)(mails, shares);
        self.buffer = read[rest..].to_vec();
    }
}

impl Write for MboxBlocks<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.buffer.len() == self.buffer.capacity() {
            if !self.buffer.is_empty() {
                self.hand_out(false);
            }
            // A message longer than a block is read in ever larger steps,
            // not rescanned once per block. Exactly: blocks may be shared,
            // and a doubled Vec would be kept.
            self.buffer.reserve_exact(self.block.max(self.buffer.len()));
        }
        let room = self.buffer.capacity() - self.buffer.len();
        let taken = room.min(data.len());
        self.buffer.extend_from_slice(&data[..taken]);
        Ok(taken)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A Maildir's messages from `cur/` and `new/`, in name order.
fn read_maildir(path: &Path, keep: Keep) -> Result<Vec<RawMessage>, String> {
    let mut files = Vec::new();
    for sub in ["cur", "new"] {
        let Ok(entries) = fs::read_dir(path.join(sub)) else {
            continue;
        };
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file()),
        );
    }
    files.sort();
    let mut messages = Vec::new();
    for file in files {
        let bytes = fs::read(&file)
            .map_err(|e| format!("cannot read {}: {}", file.display(), io_reason(&e)))?;
        let bytes: Vec<u8> = bytes.iter().filter(|&&b| b != b'\r').copied().collect();
        if keep(&bytes) {
            messages.push(RawMessage {
                bytes: bytes.into(),
                origin: file.display().to_string(),
            });
        }
    }
    Ok(messages)
}

/// The OS error without Rust's `(os error 2)` suffix.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MBOX: &str = "From x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <a@x>\n\nbody\n\nFrom x@y Thu Jan  1 00:00:00 1970\nMessage-ID: <b@x>\n\nbody\n";

    #[test]
    fn reads_a_directory_of_mboxes_and_a_maildir() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("one.mbox"), MBOX).unwrap();
        fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let maildir = dir.path().join("md");
        fs::create_dir_all(maildir.join("cur")).unwrap();
        fs::write(
            maildir.join("cur/1:2,S"),
            "Message-ID: <c@x>\r\n\r\nbody\r\n",
        )
        .unwrap();
        let (messages, errors) = read_mailboxes(&[dir.path().to_path_buf(), maildir]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(messages.len(), 3);
        assert_eq!(&messages[2].bytes[..], b"Message-ID: <c@x>\n\nbody\n");
    }

    #[test]
    fn reads_gzipped_mbox() {
        let dir = tempfile::tempdir().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, MBOX.as_bytes()).unwrap();
        fs::write(dir.path().join("t.mbox.gz"), gz.finish().unwrap()).unwrap();
        let (messages, _) = read_mailboxes(&[dir.path().join("t.mbox.gz")]);
        assert_eq!(messages.len(), 2);
    }

    #[test]
    fn only_the_mails_asked_for_are_kept_as_the_mbox_streams() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("one.mbox");
        fs::write(&path, MBOX).unwrap();
        let (messages, errors) =
            read_mailboxes_keeping(&[path], &|raw: &[u8]| raw.starts_with(b"Message-ID: <b@x>"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(messages.len(), 1);
        assert_eq!(&messages[0].bytes[..], b"Message-ID: <b@x>\n\nbody\n");
    }

    #[test]
    fn a_missing_path_is_one_error_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("one.mbox"), MBOX).unwrap();
        let missing = dir.path().join("missing.mbox");
        let (messages, errors) = read_mailboxes(&[missing.clone(), dir.path().join("one.mbox")]);
        assert_eq!(messages.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].to_string(),
            format!(
                "{}: cannot read it: No such file or directory",
                missing.display()
            )
        );
    }

    proptest::proptest! {
        // A block must end inside a separator line to matter: many cases.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        #[test]
        fn reading_in_blocks_of_any_size_gives_what_split_gives(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "From mboxrd@z Thu Jan  1 00:00:00 1970\n", "From x Mon Sep 17 00:00:00 2001\r\n",
                "From me to you\n", "From me in 1999 or so\n", "\n", "\r\n", ">From here\n", "Subject: a\n", "body",
            ][..]), 0..30),
            block in 1usize..64,
            keep_all in proptest::bool::ANY,
        ) {
            // Keeping few mails copies them out; keeping all shares blocks.
            let keep = |m: &[u8]| keep_all || m.len().is_multiple_of(3);
            let mbox = pieces.concat();
            let mut read: Vec<Bytes> = Vec::new();
            split_blocks(mbox.as_bytes(), block, &keep, &mut |mails, shares| {
                read.extend(mails);
                shares
            })
            .unwrap();
            let mut expected = mbox::split(mbox.as_bytes());
            expected.retain(|m| keep(m));
            proptest::prop_assert_eq!(read, expected);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn a_mapped_file_read_in_blocks_of_any_size_gives_what_split_gives(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "From mboxrd@z Thu Jan  1 00:00:00 1970\n", "From x Mon Sep 17 00:00:00 2001\r\n",
                "From me to you\n", "\n", "\r\n", ">From here\n", "Subject: a\n", "body",
            ][..]), 1..30),
            block in 1usize..64,
            keep_all in proptest::bool::ANY,
        ) {
            let keep = |m: &[u8]| keep_all || m.len().is_multiple_of(3);
            let mbox = pieces.concat();
            let mut file = tempfile::NamedTempFile::new().unwrap();
            std::io::Write::write_all(&mut file, mbox.as_bytes()).unwrap();
            let mapped = Mapped::new(file.as_file()).unwrap();
            let mut read: Vec<Bytes> = Vec::new();
            split_mapped(&mapped, block, &keep, &mut |mails, shares| {
                read.extend(mails);
                shares
            });
            let mut expected = mbox::split(mbox.as_bytes());
            expected.retain(|m| keep(m));
            proptest::prop_assert_eq!(read, expected);
        }
    }

    #[test]
    fn an_empty_file_is_read_as_no_mail() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("empty.mbox"), "").unwrap();
        let (messages, errors) = read_mailboxes(&[dir.path().join("empty.mbox")]);
        assert!(messages.is_empty() && errors.is_empty(), "{errors:?}");
    }
}
