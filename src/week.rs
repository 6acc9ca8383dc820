//! The `week` command's pipeline: a window of mail in; the ranked
//! candidates, the draft's entries and the editable candidate list out.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, TimeDelta, Utc};

use crate::compose::rank::{self, Candidate, Interest, Window};
use crate::compose::{self, Entry, Kind, Options};
use crate::fetch::search::Hit;
use crate::input::escape_id;
use crate::parse::thread::is_list;
use crate::parse::{Pool, Subject};

/// What the editor asked of the week.
#[derive(Debug, Clone)]
pub struct WeekOptions {
    pub window: Window,
    /// The entries the draft gets, release announcements aside.
    pub top: usize,
    pub interests: Vec<Interest>,
    /// Only threads started on these lists; empty for all.
    pub lists: Vec<String>,
}

/// The week's candidates in `pool`, best first.
pub fn rank(pool: &Pool, options: &WeekOptions) -> Vec<Candidate> {
    let mut ranked = rank::candidates(pool, &options.window, &options.interests);
    if !options.lists.is_empty() {
        // Linus' announcements go to linux-kernel; they always count.
        ranked.retain(|c| {
            c.kind == Kind::Release
                || c.list
                    .as_deref()
                    .is_some_and(|id| options.lists.iter().any(|l| is_list(id, l)))
        });
    }
    ranked
}

/// The candidates the draft reports: the best `top` that are not release
/// announcements, then every announcement (compose puts them last).
pub fn picks(ranked: &[Candidate], top: usize) -> Vec<&Candidate> {
    let mut picks: Vec<&Candidate> = ranked
        .iter()
        .filter(|c| c.kind != Kind::Release)
        .take(top)
        .collect();
    picks.extend(ranked.iter().filter(|c| c.kind == Kind::Release));
    picks
}

/// One entry per pick, in rank order.
pub fn entries(pool: &Pool, picks: &[&Candidate], options: &Options) -> Vec<Entry> {
    crate::parallel::map(picks, |c| {
        let message = pool.get(&c.message_id)?;
        let thread = pool.thread_of(&c.message_id)?;
        Some(compose::entry(&thread, message, options))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The newest Linux release announcement before `until`, for `last-rc`.
pub fn last_release(pool: &Pool, until: DateTime<Utc>) -> Option<DateTime<Utc>> {
    pool.messages()
        .iter()
        .filter(|m| compose::release_version(m).is_some())
        .filter_map(|m| m.date.map(|d| d.to_utc()))
        .filter(|&d| d < until)
        .max()
}

/// The ranked list as `lkml-digest draft` input: the picks, then the rest
/// commented out, each `<link>  # score  subject (author)`. Moving a line
/// up (and uncommenting it) puts it in the next draft.
pub fn candidate_list(ranked: &[Candidate], top: usize, link_base: &str) -> String {
    let picked: Vec<&Candidate> = picks(ranked, top);
    let mut out = format!(
        "# {} candidates, best first. The lines above the cut are the draft;\n\
         # move lines across it, then run: lkml-digest draft THIS-FILE\n",
        ranked.len()
    );
    let line = |c: &Candidate| {
        let also = if c.also.is_empty() {
            String::new()
        } else {
            let versions: Vec<String> = c.also.iter().map(|v| format!("v{v}")).collect();
            format!(" [also {} this week]", versions.join(", "))
        };
        format!(
            "{link_base}{}  # {:.2}  {}{also} ({})\n",
            escape_id(&c.message_id),
            c.score.total,
            one_line(&c.subject),
            one_line(&c.author)
        )
    };
    for c in &picked {
        out.push_str(&line(c));
    }
    out.push_str("# ---- cut: below are not in the draft ----\n");
    for c in ranked
        .iter()
        .filter(|c| !picked.iter().any(|p| p.message_id == c.message_id))
    {
        out.push_str("# ");
        out.push_str(&line(c));
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `-v`: each pick's score, part by part.
pub fn explain(candidate: &Candidate, rank: usize) -> String {
    let s = &candidate.score;
    format!(
        "{rank:3}. {:6.2} = discussion {:.2} + participants {:.2} + review {:.2} + kind {:.2} \
         + size {:.2} + revision {:.2} + interest {:.2}  {} ({})",
        s.total,
        s.discussion,
        s.participants,
        s.review,
        s.kind,
        s.size,
        s.revision,
        s.interest,
        one_line(&candidate.subject),
        candidate.author
    )
}

/// The thread starts of a search listing worth fetching whole: the best
/// `limit` by what subjects alone tell (kind, size, revision, interest, and
/// the replies whose subjects name a mail of the series), then every
/// release announcement.
pub fn prerank(hits: &[Hit], window: &Window, interests: &[Interest], limit: usize) -> Vec<String> {
    let in_window = |hit: &Hit| hit.date.is_some_and(|d| window.holds(d));
    let mut starts: Vec<(&Hit, Subject)> = hits
        .iter()
        .filter(|h| in_window(h) && !rank::is_automated_subject(&h.subject))
        .map(|h| (h, Subject::parse(&h.subject)))
        .filter(|(_, s)| !s.is_reply)
        .collect();
    starts.sort_by_key(|(h, _)| h.date);
    let mut groups: Vec<Listed> = Vec::new();
    for (hit, subject) in starts {
        let joined = subject.counter.and_then(|(_, n)| {
            groups.iter().position(|g| {
                g.series == Some((hit.author.clone(), subject.version, n))
                    && hit
                        .date
                        .zip(g.first)
                        .is_some_and(|(d, f)| d - f <= SERIES_SPREAD)
            })
        });
        let title = rank::normalized_title(&subject.title);
        match joined {
            Some(i) => {
                let group = &mut groups[i];
                group.titles.push(title);
                let k = subject.counter.map_or(0, |(k, _)| k);
                if k < group.number {
                    group.hit = hit;
                    group.number = k;
                }
            }
            None => groups.push(Listed {
                hit,
                number: subject.counter.map_or(0, |(k, _)| k),
                series: subject
                    .counter
                    .map(|(_, n)| (hit.author.clone(), subject.version, n)),
                first: hit.date,
                titles: vec![title],
                replies: 0,
                repliers: HashSet::new(),
            }),
        }
    }
    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (i, group) in groups.iter().enumerate() {
        for title in &group.titles {
            by_title.entry(title.clone()).or_insert(i);
        }
    }
    for hit in hits.iter().filter(|h| in_window(h)) {
        let subject = Subject::parse(&hit.subject);
        if !subject.is_reply {
            continue;
        }
        if let Some(&i) = by_title.get(&rank::normalized_title(&subject.title)) {
            let group = &mut groups[i];
            group.replies += 1;
            if hit.author != group.hit.author {
                group.repliers.insert(hit.author.clone());
            }
        }
    }
    // Revisions and resends of a series fold together, as in ranking, and
    // are fetched together, so that the newest carries the discussion.
    let mut series: Vec<Vec<&Listed>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for group in &groups {
        let title = rank::normalized_title(&Subject::parse(&group.hit.subject).title);
        let key = format!("{}\n{title}", group.hit.author.to_lowercase());
        match by_key.get(&key) {
            Some(&i) => series[i].push(group),
            None => {
                by_key.insert(key, series.len());
                series.push(vec![group]);
            }
        }
    }
    let mut scored: Vec<(f64, &Vec<&Listed>)> = series
        .iter()
        .map(|revisions| {
            let newest = revisions
                .iter()
                .max_by_key(|g| (Subject::parse(&g.hit.subject).version, g.first))
                .expect("a series has a revision");
            let replies = revisions.iter().map(|g| g.replies).sum();
            let repliers = revisions.iter().flat_map(|g| g.repliers.clone()).collect();
            let score = rank::listing_score(
                &newest.hit.subject,
                &newest.hit.author,
                &newest.hit.list,
                replies,
                repliers,
                interests,
            );
            (score, revisions)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let is_release = |revisions: &Vec<&Listed>| is_announcement(revisions[0].hit);
    let ids = |revisions: &Vec<&Listed>| -> Vec<String> {
        revisions.iter().map(|g| g.hit.message_id.clone()).collect()
    };
    let mut picked: Vec<String> = scored
        .iter()
        .filter(|(_, r)| !is_release(r))
        .take(limit)
        .flat_map(|(_, r)| ids(r))
        .collect();
    picked.extend(series.iter().filter(|r| is_release(r)).flat_map(ids));
    picked
}

/// Whether a listed mail is Linus' release announcement (the listing shows
/// names, not addresses).
pub fn is_announcement(hit: &Hit) -> bool {
    hit.author == "Linus Torvalds" && compose::is_release_subject(&hit.subject)
}

/// Patches of one series are sent within this time of each other.
const SERIES_SPREAD: TimeDelta = TimeDelta::minutes(30);

/// A thread start of a listing, with the patches of its series.
struct Listed<'a> {
    /// The cover letter, else the lowest-numbered patch seen.
    hit: &'a Hit,
    number: u32,
    /// Sender, version and length, for numbered patches.
    series: Option<(String, u32, u32)>,
    first: Option<DateTime<Utc>>,
    titles: Vec<String>,
    replies: usize,
    repliers: HashSet<String>,
}
