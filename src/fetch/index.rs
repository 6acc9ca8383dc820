//! Mailboxes read once, for a server that drafts from them again and
//! again: where each mail lies and which thread it is in, so that a build
//! reads only its threads' mails, and nothing when the files have not
//! changed since.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use bytes::Bytes;
use rustc_hash::FxHashMap;

use super::{RawMessage, SourceError, answer, local, mbox};

/// How much of an mbox is read at once while indexing.
const BLOCK: usize = 4 << 20;
/// Mailboxes up to this much in all are held in memory, so that a build
/// reads no file; past it, mails are read back from their spans.
const HOLD_BUDGET: u64 = 256 << 20;

/// The mailboxes a server drafts from, indexed when first asked and again
/// whenever a file's size or modification time changes.
#[derive(Debug)]
pub struct Mailboxes {
    paths: Vec<PathBuf>,
    index: RwLock<Option<Arc<Index>>>,
}

/// Where every mail of the mailboxes lies, and its thread.
#[derive(Debug)]
pub struct Index {
    /// The files read, with the size and time they had.
    read: Vec<(PathBuf, Stamp)>,
    mails: Vec<Place>,
    by_id: FxHashMap<String, u32>,
    /// Each mail's thread (its component's first mail), and the mails of
    /// each thread.
    thread_of: Vec<u32>,
    threads: FxHashMap<u32, Vec<u32>>,
    /// Paths that could not be read.
    errors: Vec<SourceError>,
}

/// A file's size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// Where a mail is: a span of a plain mbox file, read again when needed,
/// or (from a gzipped mbox or a Maildir) the mail itself.
#[derive(Debug)]
enum Place {
    Span { file: usize, offset: u64, len: u32 },
    Held { bytes: Bytes, origin: usize },
}

impl Mailboxes {
    pub fn new(paths: Vec<PathBuf>) -> Mailboxes {
        Mailboxes {
            paths,
            index: RwLock::new(None),
        }
    }

    /// The mailboxes, as given.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The index, made or made again when the files changed.
    pub fn index(&self) -> Arc<Index> {
        if let Some(index) = self.index.read().expect("no reader panics").as_ref()
            && index.is_current(&self.paths)
        {
            return index.clone();
        }
        let mut slot = self.index.write().expect("no reader panics");
        if let Some(index) = slot.as_ref()
            && index.is_current(&self.paths)
        {
            return index.clone();
        }
        let index = Arc::new(Index::read(&self.paths));
        *slot = Some(index.clone());
        index
    }

    /// The mails of the threads of `ids`, and the mailboxes that could not
    /// be read.
    pub fn threads(&self, ids: &[String]) -> (Vec<RawMessage>, Vec<SourceError>) {
        let index = self.index();
        let mut errors = index.errors.clone();
        let (mails, failed) = index.threads(ids);
        errors.extend(failed);
        (mails, errors)
    }
}

/// The files under `paths` as the index reads them: mbox files, those of
/// a directory, or a Maildir's messages.
fn files_of(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let maildir = path.join("cur").is_dir() || path.join("new").is_dir();
    let dirs: Vec<PathBuf> = if maildir {
        vec![path.join("cur"), path.join("new")]
    } else {
        vec![path.to_path_buf()]
    };
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            maildir || name.ends_with(".mbox") || name.ends_with(".mbox.gz")
        })
        .collect();
    files.sort();
    files
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl Index {
    /// Whether the files are as they were read.
    fn is_current(&self, paths: &[PathBuf]) -> bool {
        let now: Vec<(PathBuf, Option<Stamp>)> = paths
            .iter()
            .flat_map(|p| files_of(p))
            .map(|f| {
                let s = stamp(&f);
                (f, s)
            })
            .collect();
        now.len() == self.read.len()
            && now
                .iter()
                .zip(&self.read)
                .all(|((f, s), (g, t))| f == g && s.as_ref() == Some(t))
    }

    /// Reads every mail's place and IDs, and works out the threads.
    pub fn read(paths: &[PathBuf]) -> Index {
        Index::read_holding(paths, HOLD_BUDGET)
    }

    /// [`Index::read`], holding at most `budget` bytes of mailboxes.
    fn read_holding(paths: &[PathBuf], budget: u64) -> Index {
        let mut builder = Builder {
            budget,
            ..Builder::default()
        };
        let mut read = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if fs::metadata(path).is_err() {
                errors.push(SourceError {
                    source_name: path.display().to_string(),
                    reason: "cannot read it: no such file or directory".into(),
                });
                continue;
            }
            for file in files_of(path) {
                let Some(stamped) = stamp(&file) else {
                    continue;
                };
                let number = read.len();
                read.push((file.clone(), stamped));
                if let Err(reason) = builder.add_file(&file, number) {
                    errors.push(SourceError {
                        source_name: file.display().to_string(),
                        reason,
                    });
                }
            }
        }
        builder.finish(read, errors)
    }

    /// The mails of the threads of `ids`: each thread once, read from its
    /// files' spans.
    fn threads(&self, ids: &[String]) -> (Vec<RawMessage>, Vec<SourceError>) {
        let mut seen = rustc_hash::FxHashSet::default();
        let mut mails = Vec::new();
        let mut errors = Vec::new();
        for id in ids {
            let Some(&mail) = self.by_id.get(id) else {
                continue;
            };
            let thread = self.thread_of[mail as usize];
            if !seen.insert(thread) {
                continue;
            }
            for &member in &self.threads[&thread] {
                match self.mail(member) {
                    Ok(raw) => mails.push(raw),
                    Err(e) => errors.push(e),
                }
            }
        }
        errors.dedup();
        (mails, errors)
    }

    fn mail(&self, mail: u32) -> Result<RawMessage, SourceError> {
        match &self.mails[mail as usize] {
            Place::Held { bytes, origin } => Ok(RawMessage {
                bytes: bytes.clone(),
                origin: self.read[*origin].0.display().to_string(),
            }),
            Place::Span { file, offset, len } => {
                let path = &self.read[*file].0;
                let failed = |e: std::io::Error| SourceError {
                    source_name: path.display().to_string(),
                    reason: format!("cannot read it: {}", local::io_reason(&e)),
                };
                let mut reader = fs::File::open(path).map_err(failed)?;
                reader.seek(SeekFrom::Start(*offset)).map_err(failed)?;
                let mut span = vec![0; *len as usize];
                reader.read_exact(&mut span).map_err(failed)?;
                let bytes = mbox::message(&span)
                    .map(|m| Bytes::from(m.into_owned()))
                    .unwrap_or_default();
                Ok(RawMessage {
                    bytes,
                    origin: path.display().to_string(),
                })
            }
        }
    }
}

/// An index being read: the mails' places, their own IDs and those they
/// refer to.
#[derive(Default)]
struct Builder {
    /// Bytes of mailboxes held in memory so far, and at most.
    held: u64,
    budget: u64,
    mails: Vec<Place>,
    by_id: FxHashMap<String, u32>,
    /// Each mail's links: the mails it is the same as or refers to, by ID,
    /// resolved once every mail is read.
    links: Vec<Vec<String>>,
}

impl Builder {
    fn add(&mut self, place: Place, mail: &[u8]) {
        let (own, referenced) = answer::own_and_referenced_ids(mail);
        let number = self.mails.len() as u32;
        let mut links = referenced;
        if let Some(own) = own {
            match self.by_id.get(&own) {
                // Another copy (from another list): the same thread.
                Some(_) => links.push(own),
                None => {
                    self.by_id.insert(own, number);
                }
            }
        }
        self.mails.push(place);
        self.links.push(links);
    }

    fn add_file(&mut self, path: &Path, number: usize) -> Result<(), String> {
        let mut head = [0u8; 2];
        let gzipped = fs::File::open(path)
            .and_then(|mut f| f.read(&mut head).map(|n| n == 2 && head == [0x1f, 0x8b]))
            .map_err(|e| format!("cannot read it: {}", local::io_reason(&e)))?;
        let is_maildir_file = path
            .parent()
            .and_then(|p| p.file_name())
            .is_some_and(|n| n == "cur" || n == "new");
        let size = fs::metadata(path).map_or(u64::MAX, |m| m.len());
        let fits = self.held.saturating_add(size) <= self.budget;
        if gzipped || is_maildir_file || fits {
            // Held whole: a gzip stream cannot be read at an offset, a
            // Maildir message is its own file, and small mailboxes cost
            // little memory and no reading at all.
            self.held = self.held.saturating_add(size);
            let (mails, errors) = local::read_mailboxes(&[path.to_path_buf()]);
            if let Some(e) = errors.into_iter().next() {
                return Err(e.reason);
            }
            for mail in mails {
                let bytes = mail.bytes;
                self.add(
                    Place::Held {
                        bytes: bytes.clone(),
                        origin: number,
                    },
                    &bytes,
                );
            }
            return Ok(());
        }
        self.add_spans(path, number)
            .map_err(|e| format!("cannot read it: {}", local::io_reason(&e)))
    }

    /// A plain mbox, a block at a time, each mail's span remembered.
    fn add_spans(&mut self, path: &Path, number: usize) -> std::io::Result<()> {
        let mut reader = fs::File::open(path)?;
        let mut buffer: Vec<u8> = Vec::new();
        let mut base: u64 = 0;
        loop {
            let want = BLOCK.max(buffer.len());
            let at_end = (&mut reader).take(want as u64).read_to_end(&mut buffer)? == 0;
            let (spans, rest) = mbox::complete_messages(&buffer, at_end);
            for span in spans {
                let Some(mail) = mbox::message(&buffer[span.clone()]) else {
                    continue;
                };
                let place = Place::Span {
                    file: number,
                    offset: base + span.start as u64,
                    len: u32::try_from(span.len()).unwrap_or(u32::MAX),
                };
                self.add(place, &mail);
            }
            buffer.drain(..rest);
            base += rest as u64;
            if at_end {
                return Ok(());
            }
        }
    }

    /// Joins the mails into threads (union-find over every link that
    /// resolves).
    fn finish(self, read: Vec<(PathBuf, Stamp)>, errors: Vec<SourceError>) -> Index {
        let mut parent: Vec<u32> = (0..self.mails.len() as u32).collect();
        fn find(parent: &mut [u32], mut i: u32) -> u32 {
            while parent[i as usize] != i {
                parent[i as usize] = parent[parent[i as usize] as usize];
                i = parent[i as usize];
            }
            i
        }
        for (i, links) in self.links.iter().enumerate() {
            for link in links {
                if let Some(&j) = self.by_id.get(link) {
                    let (a, b) = (find(&mut parent, i as u32), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b) as usize] = a.min(b);
                    }
                }
            }
        }
        let thread_of: Vec<u32> = (0..self.mails.len() as u32)
            .map(|i| find(&mut parent, i))
            .collect();
        let mut threads: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (i, &t) in thread_of.iter().enumerate() {
            threads.entry(t).or_default().push(i as u32);
        }
        Index {
            read,
            mails: self.mails,
            by_id: self.by_id,
            thread_of,
            threads,
            errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(id: &str, parent: Option<&str>) -> String {
        let reply = parent
            .map(|p| format!("In-Reply-To: <{p}>\nReferences: <{p}>\n"))
            .unwrap_or_default();
        format!("Message-ID: <{id}>\n{reply}Subject: s\n\nbody of {id}\n")
    }

    fn mbox(mails: &[String]) -> Vec<u8> {
        mbox::write_mboxrd(mails.iter().map(|m| m.as_bytes()))
    }

    fn three_mails(dir: &Path) -> PathBuf {
        let path = dir.join("a.mbox");
        let mails = [
            mail("child@x", Some("root@x")),
            mail("other@x", None),
            mail("root@x", None),
        ];
        fs::write(&path, mbox(&mails)).unwrap();
        path
    }

    #[test]
    fn a_thread_is_read_back_from_its_spans_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let index = Index::read_holding(&[three_mails(dir.path())], 0);
        assert!(index.mails.iter().all(|m| matches!(m, Place::Span { .. })));
        let (found, errors) = index.threads(&["root@x".into()]);
        assert!(errors.is_empty());
        let mut texts: Vec<String> = found
            .iter()
            .map(|m| String::from_utf8_lossy(&m.bytes).into_owned())
            .collect();
        texts.sort();
        assert_eq!(texts.len(), 2);
        assert!(texts[0].contains("body of child@x") && texts[1].contains("body of root@x"));
    }

    #[test]
    fn a_small_mailbox_is_held_and_a_build_reads_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = three_mails(dir.path());
        let index = Index::read(std::slice::from_ref(&path));
        fs::remove_file(&path).unwrap();
        let (found, errors) = index.threads(&["child@x".into()]);
        assert!(errors.is_empty());
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_changed_file_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.mbox");
        fs::write(&path, mbox(&[mail("a@x", None)])).unwrap();
        let boxes = Mailboxes::new(vec![path.clone()]);
        assert_eq!(boxes.threads(&["b@x".into()]).0.len(), 0);
        let first = boxes.index();
        assert!(
            Arc::ptr_eq(&first, &boxes.index()),
            "unchanged: not read again"
        );
        fs::write(&path, mbox(&[mail("a@x", None), mail("b@x", None)])).unwrap();
        assert_eq!(boxes.threads(&["b@x".into()]).0.len(), 1);
    }
}
