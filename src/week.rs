//! The `week` command's pipeline: a window of mail in; the ranked
//! candidates, the draft's entries and the editable candidate list out.

use chrono::{DateTime, Utc};

use crate::compose::rank::{self, Candidate, Interest, Window};
use crate::compose::{self, Entry, Kind, Options, escape_id};
use crate::parse::Pool;
use crate::parse::thread::is_list;

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
        ranked.retain(|c| {
            c.list
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
    picks
        .iter()
        .filter_map(|c| {
            let message = pool.get(&c.message_id)?;
            let thread = pool.thread_of(&c.message_id)?;
            Some(compose::entry(&thread, message, options))
        })
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
