//! The `relstat` pipeline: how big each kernel release of a window was,
//! counted as the editor's relstat.py counts it: every `vX.Y` and
//! `vX.Y-rcN` tag whose commit is dated in the window, each against the
//! release tag before it in the repository, by `git diff --shortstat`;
//! and the charts of the release entry, drawn from those rows.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::compose::{Chart, Draft, ReleaseCharts, announced_release};
use crate::fetch::git::{self, ShortStat, Tag};
use crate::render::chart::{self, ChartError, Lines, Series};

/// The window of the release entry's charts: "the last two years".
pub const POST_MONTHS: u32 = 24;

/// Which releases the rows show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Every release and release candidate.
    All,
    /// One release candidate of each release (`rc4`).
    Rc(u32),
    /// The releases alone.
    Final,
}

impl Stage {
    /// `rc4`, `final`; an error names what it expected.
    pub fn parse(text: &str) -> Result<Stage, String> {
        if text == "final" {
            return Ok(Stage::Final);
        }
        text.strip_prefix("rc")
            .and_then(|n| n.parse().ok())
            .map(Stage::Rc)
            .ok_or_else(|| format!("--stage {text:?}: use rcN (rc4) or final"))
    }

    /// The stage `tag` is at: `Rc(4)` for `v6.0-rc4`, `Final` for `v6.0`.
    pub fn of(tag: &str) -> Stage {
        match tag.split_once("-rc").map(|(_, rc)| rc.parse()) {
            Some(Ok(n)) => Stage::Rc(n),
            _ => Stage::Final,
        }
    }

    fn keeps(self, tag: &str) -> bool {
        match (self, tag.split_once("-rc")) {
            (Stage::All, _) => true,
            (Stage::Final, rc) => rc.is_none(),
            (Stage::Rc(n), Some((_, rc))) => rc.parse::<u32>().ok() == Some(n),
            (Stage::Rc(_), None) => false,
        }
    }
}

/// What `relstat` is asked.
#[derive(Debug, Clone)]
pub struct Request {
    pub repo: PathBuf,
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
    pub stage: Stage,
    /// Where each pair's numbers are kept, so that a weekly run counts
    /// only the new pair.
    pub cache: Option<PathBuf>,
}

/// One release's change against the release before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub version: String,
    /// The tagged commit's date, `YYYY-MM-DD`.
    pub date: String,
    pub files: u64,
    pub insertions: u64,
    pub deletions: u64,
    /// Insertions and deletions.
    pub diff: u64,
}

/// Why there are no rows, in one line.
#[derive(Debug, thiserror::Error)]
pub enum RelstatError {
    #[error("{path}: {reason}")]
    Repository { path: String, reason: String },
    #[error("no release tags (vX.Y, vX.Y-rcN) dated from {since} to {until} in {path}")]
    NoReleases {
        path: String,
        since: String,
        until: String,
    },
    #[error("{from}..{to}: {reason}")]
    Diff {
        from: String,
        to: String,
        reason: String,
    },
    #[error("{tag}: no such release tag in {path}; fetch the tags (git -C {path} fetch --tags)")]
    NoTag { tag: String, path: String },
    #[error("chart directory {path}: {reason}")]
    ChartDir { path: String, reason: String },
    #[error("{path}: cannot write the chart: {reason}")]
    ChartFile { path: String, reason: String },
    #[error(transparent)]
    Chart(#[from] ChartError),
}

/// The rows of the window: each release after the window's first, against
/// the release before it in the repository (also when `stage` leaves that
/// one out of the rows). The second value counts the pairs counted anew.
pub fn run(request: &Request) -> Result<(Vec<Row>, usize), RelstatError> {
    rows(request, &tags_of(&request.repo)?)
}

/// The repository's release tags, oldest first.
fn tags_of(repo: &Path) -> Result<Vec<Tag>, RelstatError> {
    let repository = |reason: String| RelstatError::Repository {
        path: repo.display().to_string(),
        reason,
    };
    git::check_repository(repo).map_err(repository)?;
    git::release_tags(repo).map_err(repository)
}

/// [`run`] on tags already listed.
fn rows(request: &Request, tags: &[Tag]) -> Result<(Vec<Row>, usize), RelstatError> {
    let path = request.repo.display().to_string();
    let in_window = |t: &Tag| {
        let date = t.date.to_utc();
        date >= request.since && date < request.until
    };
    let Some(first) = tags.iter().position(in_window) else {
        return Err(RelstatError::NoReleases {
            path,
            since: request.since.format("%Y-%m-%d").to_string(),
            until: request.until.format("%Y-%m-%d").to_string(),
        });
    };
    let pairs: Vec<(&Tag, &Tag)> = (first + 1..tags.len())
        .map(|i| (&tags[i - 1], &tags[i]))
        .filter(|(_, tag)| in_window(tag) && request.stage.keeps(&tag.name))
        .collect();
    // Each pair is one `git diff`, which keeps one core busy: the pairs
    // not in the cache are counted on every core.
    let numbered: Vec<Result<(ShortStat, bool), RelstatError>> = {
        use rayon::prelude::*;
        pairs
            .par_iter()
            .map(|(before, tag)| numbers(request, before, tag))
            .collect()
    };
    let mut rows = Vec::new();
    let mut counted = 0;
    for ((_, tag), numbered) in pairs.iter().zip(numbered) {
        let (stat, fresh) = numbered?;
        counted += usize::from(fresh);
        rows.push(Row {
            version: tag.name.clone(),
            date: tag.date.format("%Y-%m-%d").to_string(),
            files: stat.files,
            insertions: stat.insertions,
            deletions: stat.deletions,
            diff: stat.insertions + stat.deletions,
        });
    }
    Ok((rows, counted))
}

/// A pair's numbers, from the cache or counted (then `true`).
fn numbers(request: &Request, from: &Tag, to: &Tag) -> Result<(ShortStat, bool), RelstatError> {
    let file = request
        .cache
        .as_ref()
        .map(|dir| dir.join(format!("{}..{}", from.commit, to.commit)));
    if let Some(stat) = file.as_deref().and_then(cached) {
        return Ok((stat, false));
    }
    let stat = git::shortstat(&request.repo, &from.commit, &to.commit).map_err(|reason| {
        RelstatError::Diff {
            from: from.name.clone(),
            to: to.name.clone(),
            reason,
        }
    })?;
    if let Some(file) = file {
        // A cache that cannot be written costs a recount next time, no more.
        let _ = std::fs::create_dir_all(file.parent().unwrap_or(Path::new(".")));
        let _ = std::fs::write(
            &file,
            format!("{} {} {}\n", stat.files, stat.insertions, stat.deletions),
        );
    }
    Ok((stat, true))
}

fn cached(file: &Path) -> Option<ShortStat> {
    let text = std::fs::read_to_string(file).ok()?;
    let numbers: Vec<u64> = text
        .split_whitespace()
        .map(|n| n.parse().ok())
        .collect::<Option<_>>()?;
    match numbers.as_slice() {
        [files, insertions, deletions] => Some(ShortStat {
            files: *files,
            insertions: *insertions,
            deletions: *deletions,
        }),
        _ => None,
    }
}

/// Writes the chart of `rows` to `path`, as SVG or PNG by its extension.
pub fn write_chart(rows: &[Row], path: &Path) -> Result<(), RelstatError> {
    let bytes = chart::file_bytes(&lines(rows), path)?;
    std::fs::write(path, bytes).map_err(|e| RelstatError::ChartFile {
        path: path.display().to_string(),
        reason: crate::fetch::local::io_reason(&e),
    })
}

/// The chart of the rows: files, deletions, insertions and diff, as
/// relstat.py's columns, each release labelled `version(date)`.
pub fn lines(rows: &[Row]) -> Lines {
    let series = |name: &str, value: fn(&Row) -> u64| Series {
        name: name.to_string(),
        values: rows.iter().map(value).collect(),
    };
    Lines {
        labels: rows
            .iter()
            .map(|r| format!("{}({})", r.version, r.date))
            .collect(),
        series: vec![
            series("files", |r| r.files),
            series("deletions", |r| r.deletions),
            series("insertions", |r| r.insertions),
            series("diff", |r| r.diff),
        ],
    }
}

/// Draws the release entry's two charts, as the editor names them, and
/// hangs them on the entry of the draft's newest release: every release of
/// the last two years (`<first>..<release>.png`), then that release's stage
/// alone (`<release>-only.png`). A draft without a release is left as it
/// is. A line for standard error says what was counted; the error is the
/// one line saying why the draft has no charts.
pub fn attach_release_charts(
    draft: &mut Draft,
    charts: &ReleaseCharts,
) -> Result<Option<String>, RelstatError> {
    let Some(release) = draft.release.clone() else {
        return Ok(None);
    };
    let Some(entry) = draft
        .entries
        .iter_mut()
        .find(|e| announced_release(e).as_ref() == Some(&release))
    else {
        return Ok(None);
    };
    let (drawn, rows, counted) = release_charts(charts, &release)?;
    entry.charts = drawn;
    Ok(Some(format!(
        "release charts: {rows} releases, {counted} counted, {} from the cache",
        rows - counted
    )))
}

/// The charts of `release` (`v6.0-rc4`), written under `charts.dir`; the
/// rows drawn, and how many of them were counted anew.
pub fn release_charts(
    charts: &ReleaseCharts,
    release: &str,
) -> Result<(Vec<Chart>, usize, usize), RelstatError> {
    let tags = tags_of(&charts.repo)?;
    let Some(tag) = tags.iter().find(|t| t.name == release) else {
        return Err(RelstatError::NoTag {
            tag: release.to_string(),
            path: charts.repo.display().to_string(),
        });
    };
    // The window ends with the release, also when the clone has newer tags.
    let until = tag.date.to_utc() + chrono::Duration::seconds(1);
    let request = Request {
        repo: charts.repo.clone(),
        since: until
            .checked_sub_months(chrono::Months::new(POST_MONTHS))
            .unwrap_or(until),
        until,
        stage: Stage::All,
        cache: charts.cache.clone(),
    };
    let (every, counted) = rows(&request, &tags)?;
    let stage = Stage::of(release);
    let same_stage: Vec<Row> = every
        .iter()
        .filter(|r| stage.keeps(&r.version))
        .cloned()
        .collect();
    let first = every.first().ok_or_else(|| RelstatError::NoReleases {
        path: charts.repo.display().to_string(),
        since: request.since.format("%Y-%m-%d").to_string(),
        until: request.until.format("%Y-%m-%d").to_string(),
    })?;
    std::fs::create_dir_all(&charts.dir).map_err(|e| RelstatError::ChartDir {
        path: charts.dir.display().to_string(),
        reason: crate::fetch::local::io_reason(&e),
    })?;
    let drawn = |name: String, of: &[Row], sentence: String, alt: String, note: &str| {
        let file = charts.dir.join(&name);
        let bytes = chart::file_bytes(&lines(of), &file)?;
        std::fs::write(&file, bytes).map_err(|e| RelstatError::ChartDir {
            path: charts.dir.display().to_string(),
            reason: crate::fetch::local::io_reason(&e),
        })?;
        Ok::<_, RelstatError>(Chart {
            sentence,
            alt,
            url: format!("{}/{name}", charts.url.trim_end_matches('/')),
            file: file.display().to_string(),
            note: note.to_string(),
        })
    };
    let (which, alt) = match stage {
        Stage::Rc(n) => (format!("-rc{n} releases"), format!("rc{n} release stat")),
        _ => (
            "final releases".to_string(),
            "Final release stat".to_string(),
        ),
    };
    let drawn = vec![
        drawn(
            format!("{}..{release}.png", first.version),
            &every,
            "Below is the diffstat of the releases in the last two years.".into(),
            "Kernel release stat".into(),
            "Note that the y-axis is in logarithm.",
        )?,
        drawn(
            format!("{release}-only.png"),
            &same_stage,
            format!("And, below is the diffstat of the {which} in the last two years."),
            alt,
            "",
        )?,
    ];
    Ok((drawn, every.len(), counted))
}

/// relstat.py's table: `version(date) files deletions insertions diff`,
/// then the average, minimum, maximum and total of each column.
pub fn table(rows: &[Row]) -> String {
    let label = |r: &Row| format!("{}({})", r.version, r.date);
    let width = rows
        .iter()
        .map(|r| label(r).len())
        .max()
        .unwrap_or(0)
        .max(13);
    let mut out = format!(
        "{:<width$} {:>10} {:>10} {:>10} {:>10}\n",
        "version(date)", "files", "deletions", "insertions", "diff"
    );
    for row in rows {
        out.push_str(&format!(
            "{:<width$} {:>10} {:>10} {:>10} {:>10}\n",
            label(row),
            row.files,
            row.deletions,
            row.insertions,
            row.diff
        ));
    }
    if rows.is_empty() {
        return out;
    }
    let column = |f: fn(&Row) -> u64| rows.iter().map(f).collect::<Vec<u64>>();
    let columns = [
        column(|r| r.files),
        column(|r| r.deletions),
        column(|r| r.insertions),
        column(|r| r.diff),
    ];
    let summaries: [(&str, Summary); 4] = [
        ("avg", |c| c.iter().sum::<u64>() / c.len() as u64),
        ("min", |c| c.iter().copied().min().unwrap_or(0)),
        ("max", |c| c.iter().copied().max().unwrap_or(0)),
        ("total", |c| c.iter().sum()),
    ];
    for (name, summary) in summaries {
        let values: Vec<u64> = columns.iter().map(|c| summary(c)).collect();
        out.push_str(&format!(
            "{name:<width$} {:>10} {:>10} {:>10} {:>10}\n",
            values[0], values[1], values[2], values[3]
        ));
    }
    out
}

/// One summary row's figure of a column.
type Summary = fn(&[u64]) -> u64;

/// The rows as CSV, with a header line.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("version,date,files,insertions,deletions,diff\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            r.version, r.date, r.files, r.insertions, r.deletions, r.diff
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_keeps_one_kind_of_tag() {
        assert!(Stage::Rc(4).keeps("v6.0-rc4"));
        assert!(!Stage::Rc(4).keeps("v6.0-rc5"));
        assert!(!Stage::Rc(4).keeps("v6.0"));
        assert!(Stage::Final.keeps("v6.0") && !Stage::Final.keeps("v6.0-rc1"));
        assert_eq!(Stage::parse("rc4"), Ok(Stage::Rc(4)));
        assert!(Stage::parse("rcx").is_err());
    }

    #[test]
    fn the_table_ends_with_average_minimum_maximum_and_total() {
        let row = |v: &str, files, ins, del| Row {
            version: v.into(),
            date: "2022-09-04".into(),
            files,
            insertions: ins,
            deletions: del,
            diff: ins + del,
        };
        let table = table(&[row("v6.0-rc3", 10, 100, 50), row("v6.0-rc4", 20, 300, 150)]);
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("version(date)"));
        assert!(lines[1].starts_with("v6.0-rc3(2022-09-04)"));
        let numbers = |line: &str| -> Vec<u64> {
            line.split_whitespace()
                .skip(1)
                .map(|n| n.parse().unwrap())
                .collect()
        };
        assert_eq!(numbers(lines[3]), [15, 100, 200, 300]);
        assert_eq!(numbers(lines[6]), [30, 200, 400, 600]);
    }
}
