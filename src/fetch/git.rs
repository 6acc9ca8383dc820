//! A kernel repository read with the `git` command: its release tags and
//! the size of the change between two of them, as `git diff --shortstat`
//! counts it (renames as git detects them by default).

use std::path::Path;
use std::process::Command;

use chrono::{DateTime, FixedOffset};

/// A release tag (`v6.0`, `v6.0-rc4`) and its commit's date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub commit: String,
    pub date: DateTime<FixedOffset>,
}

/// What `git diff --shortstat` says of the change from one commit to
/// another.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShortStat {
    pub files: u64,
    pub insertions: u64,
    pub deletions: u64,
}

/// Why a `git` command gave no output.
pub(super) enum Failed {
    /// It could not be started.
    Spawn(std::io::Error),
    /// It failed, saying this first (or nothing).
    Said(Option<String>),
}

/// The standard output of `git WHERE ARGS`, `place` being `-C DIR` (a work
/// tree) or `--git-dir DIR` (a bare repository).
pub(super) fn output(place: [&std::ffi::OsStr; 2], args: &[&str]) -> Result<String, Failed> {
    let out = Command::new("git")
        .args(place)
        .args(args)
        .output()
        .map_err(Failed::Spawn)?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(Failed::Said(stderr.lines().next().map(str::to_string)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn git(repo: &Path, args: &[&str]) -> Result<String, String> {
    output(["-C".as_ref(), repo.as_os_str()], args).map_err(|failed| match failed {
        Failed::Spawn(e) => format!("cannot run git: {e}"),
        Failed::Said(why) => why.as_deref().unwrap_or("git failed").trim().to_string(),
    })
}

/// Whether `repo` is a git repository; the error says why not.
pub fn check_repository(repo: &Path) -> Result<(), String> {
    git(repo, &["rev-parse", "--git-dir"])
        .map(|_| ())
        .map_err(|_| "not a git repository".to_string())
}

/// Every `vX.Y` and `vX.Y-rcN` tag with its commit and the commit's date,
/// oldest first.
pub fn release_tags(repo: &Path) -> Result<Vec<Tag>, String> {
    let listed = git(
        repo,
        &[
            "for-each-ref",
            "--format=%(refname:strip=2) %(*objectname) %(objectname) %(*committerdate:iso-strict) %(committerdate:iso-strict)",
            "refs/tags/v*",
        ],
    )?;
    let mut tags: Vec<Tag> = listed
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            // Annotated tags name their commit with the `*` fields; light
            // ones leave them empty.
            let (name, commit, date) = match fields.as_slice() {
                [name, "", commit, "", date] => (*name, *commit, *date),
                [name, commit, _, date, _] => (*name, *commit, *date),
                _ => return None,
            };
            is_release(name).then(|| {
                Some(Tag {
                    name: name.to_string(),
                    commit: commit.to_string(),
                    date: DateTime::parse_from_rfc3339(date).ok()?,
                })
            })?
        })
        .collect();
    tags.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    Ok(tags)
}

/// `v6.0`, `v6.0-rc4`: a release or a release candidate's tag.
pub fn is_release(name: &str) -> bool {
    let Some(rest) = name.strip_prefix('v') else {
        return false;
    };
    let (version, rc) = match rest.split_once("-rc") {
        Some((version, rc)) => (version, Some(rc)),
        None => (rest, None),
    };
    let numbers: Vec<&str> = version.split('.').collect();
    numbers.len() == 2
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && rc.is_none_or(|rc| !rc.is_empty() && rc.bytes().all(|b| b.is_ascii_digit()))
}

/// `git diff --shortstat FROM TO`.
pub fn shortstat(repo: &Path, from: &str, to: &str) -> Result<ShortStat, String> {
    let text = git(repo, &["diff", "--shortstat", from, to])?;
    Ok(parse_shortstat(&text))
}

/// ` 3 files changed, 10 insertions(+), 2 deletions(-)`; a part that is
/// absent is 0.
pub fn parse_shortstat(text: &str) -> ShortStat {
    let mut stat = ShortStat::default();
    for part in text.trim().split(", ") {
        let mut words = part.split_whitespace();
        let (Some(n), Some(what)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(n) = n.parse::<u64>() else {
            continue;
        };
        if what.starts_with("file") {
            stat.files = n;
        } else if what.starts_with("insertion") {
            stat.insertions = n;
        } else if what.starts_with("deletion") {
            stat.deletions = n;
        }
    }
    stat
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortstat_lines_are_read_whatever_is_missing() {
        assert_eq!(
            parse_shortstat(" 3 files changed, 10 insertions(+), 2 deletions(-)\n"),
            ShortStat {
                files: 3,
                insertions: 10,
                deletions: 2
            }
        );
        assert_eq!(
            parse_shortstat(" 1 file changed, 1 deletion(-)\n"),
            ShortStat {
                files: 1,
                insertions: 0,
                deletions: 1
            }
        );
        assert_eq!(parse_shortstat(""), ShortStat::default());
    }

    #[test]
    fn release_tags_are_versions_and_release_candidates() {
        for name in ["v6.0", "v6.0-rc4", "v5.19-rc1"] {
            assert!(is_release(name), "{name}");
        }
        for name in ["v6.0.1", "v6.0-rc", "6.0", "v6.0-rc4-dontuse", "vX.Y"] {
            assert!(!is_release(name), "{name}");
        }
    }
}
