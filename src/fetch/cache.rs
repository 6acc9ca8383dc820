//! The thread cache: one file per (lore URL, list, message ID).
//!
//! Files are named by a SHA-256 of the key, so no message ID (`../`, `?`,
//! CR/LF) ever reaches a path. Each starts with a header that records the
//! body's length and digest: a torn or edited file is detected and refetched.
//! Writes go to a temporary file that is renamed into place.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

const MAGIC: &str = "lkml-digest-cache 1";

/// A directory of cached threads.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    ttl: Duration,
}

/// What a lookup found.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Fresh(Vec<u8>),
    /// Present and intact, but older than the time to live.
    Stale(Vec<u8>),
    Missing,
}

/// `name` in the user's cache directory for lkml-digest
/// (`~/.cache/lkml-digest/NAME` on Linux).
pub fn user_cache_dir(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "lkml-digest", "lkml-digest")
        .map(|d| d.cache_dir().join(name))
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>, ttl: Duration) -> Cache {
        Cache {
            dir: dir.into(),
            ttl,
        }
    }

    /// The user's cache directory for lkml-digest.
    pub fn default_dir() -> Option<PathBuf> {
        user_cache_dir("threads")
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, lore: &str, list: &str, id: &str) -> PathBuf {
        let mut hasher = Sha256::new();
        for part in [lore.trim_end_matches('/'), list, id] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let name = hex(&hasher.finalize());
        self.dir
            .join(&name[..2])
            .join(format!("{}.mbox", &name[2..]))
    }

    pub fn get(&self, lore: &str, list: &str, id: &str) -> Lookup {
        self.get_within(lore, list, id, self.ttl)
    }

    /// As [`Cache::get`], fresh for `ttl` rather than the cache's own.
    pub fn get_within(&self, lore: &str, list: &str, id: &str, ttl: Duration) -> Lookup {
        let path = self.path(lore, list, id);
        let Ok(mut data) = fs::read(&path) else {
            return Lookup::Missing;
        };
        let Some(start) = verified_body(&data) else {
            // Corrupt: remove it so that the refetch replaces it.
            let _ = fs::remove_file(&path);
            return Lookup::Missing;
        };
        let age = fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .unwrap_or(Duration::MAX);
        // The body, without a second copy of a big answer.
        data.drain(..start);
        if age <= ttl {
            Lookup::Fresh(data)
        } else {
            Lookup::Stale(data)
        }
    }

    /// Forgets an entry: one that did not verify as the mail asked for.
    pub fn remove(&self, lore: &str, list: &str, id: &str) {
        let _ = fs::remove_file(self.path(lore, list, id));
    }

    /// Stores a thread atomically.
    pub fn put(&self, lore: &str, list: &str, id: &str, body: &[u8]) -> std::io::Result<()> {
        let path = self.path(lore, list, id);
        let dir = path.parent().expect("cache paths have a parent");
        fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(header(body.len() as u64, &Sha256::digest(body)).as_bytes())?;
        tmp.write_all(body)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A cache entry written as its body comes (a big answer is never held
/// whole), put in place by [`CacheWriter::finish`]; dropped unfinished,
/// it leaves nothing.
pub struct CacheWriter {
    file: tempfile::NamedTempFile,
    path: PathBuf,
    digest: Sha256,
    len: u64,
}

impl Cache {
    /// A writer of the entry [`Cache::put`] would write for the key.
    pub fn writer(&self, lore: &str, list: &str, id: &str) -> std::io::Result<CacheWriter> {
        let path = self.path(lore, list, id);
        let dir = path.parent().expect("cache paths have a parent");
        fs::create_dir_all(dir)?;
        let mut file = tempfile::NamedTempFile::new_in(dir)?;
        // The header is written last, over one of the same width.
        file.write_all(header(u64::MAX, &[0; 32]).as_bytes())?;
        Ok(CacheWriter {
            file,
            path,
            digest: Sha256::new(),
            len: 0,
        })
    }
}

impl CacheWriter {
    pub fn write(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.digest.update(data);
        self.len += data.len() as u64;
        self.file.write_all(data)
    }

    pub fn finish(mut self) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let header = header(self.len, &self.digest.finalize());
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(header.as_bytes())?;
        self.file.as_file().sync_all()?;
        self.file.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A header of fixed width: the length zero-padded, as [`verified_body`]
/// reads it too.
fn header(len: u64, digest: &[u8]) -> String {
    format!("{MAGIC} {len:020} {}\n", hex(digest))
}

/// Where the body of a cache file starts, when its header's length and
/// digest are the body's.
fn verified_body(data: &[u8]) -> Option<usize> {
    let newline = data.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&data[..newline]).ok()?;
    let rest = header.strip_prefix(MAGIC)?.trim();
    let (len, digest) = rest.split_once(' ')?;
    let body = &data[newline + 1..];
    (len.parse::<usize>().ok()? == body.len() && hex(&Sha256::digest(body)) == digest)
        .then_some(newline + 1)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_threads_come_back_fresh() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        cache.put("https://lore", "all", "a@b", b"mbox").unwrap();
        assert_eq!(
            cache.get("https://lore", "all", "a@b"),
            Lookup::Fresh(b"mbox".to_vec())
        );
        assert_eq!(
            cache.get("https://lore", "linux-mm", "a@b"),
            Lookup::Missing
        );
    }

    #[test]
    fn old_entries_are_stale() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::ZERO);
        cache.put("l", "all", "a@b", b"x").unwrap();
        std::thread::sleep(Duration::from_millis(20));
        assert_eq!(cache.get("l", "all", "a@b"), Lookup::Stale(b"x".to_vec()));
    }

    #[test]
    fn corrupt_entries_are_missing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        cache.put("l", "all", "a@b", b"whole body").unwrap();
        let path = cache.path("l", "all", "a@b");
        let data = fs::read(&path).unwrap();
        fs::write(&path, &data[..data.len() - 3]).unwrap();
        assert_eq!(cache.get("l", "all", "a@b"), Lookup::Missing);
    }

    #[test]
    fn removed_entries_are_missing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        cache.put("l", "all", "a@b", b"x").unwrap();
        cache.remove("l", "all", "a@b");
        assert_eq!(cache.get("l", "all", "a@b"), Lookup::Missing);
    }

    #[test]
    fn hostile_ids_stay_inside_the_cache_directory() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        let path = cache.path("l", "all", "../../etc/passwd\r\n@x");
        assert!(path.starts_with(dir.path()));
    }

    #[test]
    fn an_entry_written_as_it_comes_reads_back_as_put() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        let mut writer = cache.writer("https://lore", "week", "q").unwrap();
        writer.write(b"From a\n").unwrap();
        writer.write(b"\nbody\n").unwrap();
        writer.finish().unwrap();
        assert_eq!(
            cache.get("https://lore", "week", "q"),
            Lookup::Fresh(b"From a\n\nbody\n".to_vec())
        );
    }

    #[test]
    fn an_entry_dropped_before_it_is_finished_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path(), Duration::from_secs(3600));
        let mut writer = cache.writer("https://lore", "week", "q").unwrap();
        writer.write(b"From a\n").unwrap();
        drop(writer);
        assert_eq!(cache.get("https://lore", "week", "q"), Lookup::Missing);
    }
}
