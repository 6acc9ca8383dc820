//! Pre-ranking a search listing: lore's listing of a window shows each
//! mail's subject, sender name, date and list, and no body. What those
//! tell, scored by the parts [`super::candidates`] uses, says which
//! threads are worth fetching whole.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::{Interest, Memory, Window, listing_score};
use crate::fetch::lore::ThreadAsk;
use crate::fetch::search::Hit;
use crate::parse::Subject;
use crate::parse::series::{SENDING_SPREAD, is_automated_subject, normalized_title, series_key};

/// The thread starts of a search listing worth fetching whole: the best
/// `limit` by what subjects alone tell (kind, size, revision, interest, and
/// the replies whose subjects name a mail of the series), then every
/// release announcement.
pub fn prerank(
    hits: &[Hit],
    window: &Window,
    interests: &[Interest],
    memory: Option<Memory>,
    limit: usize,
) -> Vec<ThreadAsk> {
    // A mail cross-posted to several listed lists counts once, and its
    // thread is in each of them.
    let mut listed_in: HashMap<&str, Vec<&str>> = HashMap::new();
    for hit in hits {
        let lists = listed_in.entry(hit.message_id.as_str()).or_default();
        if !lists.contains(&hit.list.as_str()) {
            lists.push(hit.list.as_str());
        }
    }
    let mut seen = HashSet::new();
    let hits: Vec<&Hit> = hits
        .iter()
        .filter(|h| seen.insert(h.message_id.as_str()))
        .collect();
    let in_window = |hit: &Hit| hit.date.is_some_and(|d| window.holds(d));
    let mut starts: Vec<(&Hit, Subject)> = hits
        .iter()
        .copied()
        .filter(|h| in_window(h) && !is_automated_subject(&h.subject))
        .map(|h| (h, Subject::parse(&h.subject)))
        .filter(|(_, s)| !s.is_reply)
        .collect();
    starts.sort_by_key(|(h, _)| h.date);
    let mut groups: Vec<Listed> = Vec::new();
    for (hit, subject) in starts {
        let joined = subject.counter.and_then(|(_, n)| {
            groups.iter().position(|g| {
                g.series == Some((hit.author.clone(), subject.revision, n))
                    && hit
                        .date
                        .zip(g.first)
                        .is_some_and(|(d, f)| d - f <= SENDING_SPREAD)
            })
        });
        let title = normalized_title(&subject.title);
        match joined {
            Some(i) => {
                let group = &mut groups[i];
                group.titles.push(title);
                group.listed_in(&listed_in[hit.message_id.as_str()]);
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
                    .map(|(_, n)| (hit.author.clone(), subject.revision, n)),
                first: hit.date,
                titles: vec![title],
                replies: 0,
                repliers: HashSet::new(),
                lists: listed_in[hit.message_id.as_str()].clone(),
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
        if let Some(&i) = by_title.get(&normalized_title(&subject.title)) {
            let group = &mut groups[i];
            group.replies += 1;
            group.listed_in(&listed_in[hit.message_id.as_str()]);
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
        let key = series_key(&group.hit.author, &Subject::parse(&group.hit.subject).title);
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
                .max_by_key(|g| (Subject::parse(&g.hit.subject).revision, g.first))
                .expect("a series has a revision");
            let replies = revisions.iter().map(|g| g.replies).sum();
            let repliers = revisions.iter().flat_map(|g| g.repliers.clone()).collect();
            let score = listing_score(
                &newest.hit.subject,
                &newest.hit.author,
                &newest.hit.list,
                replies,
                repliers,
                interests,
                memory,
            );
            (score, revisions)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Release announcements and community announcements are always
    // fetched, as the draft always takes them.
    let always = |revisions: &Vec<&Listed>| {
        let subject = Subject::parse(&revisions[0].hit.subject);
        is_announcement(revisions[0].hit) || subject.is_event && !subject.is_topic
    };
    // From `/all/`, as b4 asks: a series' patches and replies often went
    // to different lists, and one list's copy of the thread lacks the
    // others' mails. The list that listed it, if one did, is where to look
    // while `/all/` has not indexed it yet.
    let ids = |revisions: &Vec<&Listed>| -> Vec<ThreadAsk> {
        revisions
            .iter()
            .map(|g| ThreadAsk {
                id: g.hit.message_id.clone(),
                inbox: "all".to_string(),
                listed_in: match g.lists[..] {
                    [list] if list != "all" => Some(list.to_string()),
                    _ => None,
                },
            })
            .collect()
    };
    let mut picked: Vec<ThreadAsk> = scored
        .iter()
        .filter(|(_, r)| !always(r))
        .take(limit)
        .flat_map(|(_, r)| ids(r))
        .collect();
    picked.extend(series.iter().filter(|r| always(r)).flat_map(ids));
    picked
}

/// Whether a listed mail is Linus' release announcement (the listing shows
/// names, not addresses).
pub fn is_announcement(hit: &Hit) -> bool {
    hit.author == "Linus Torvalds" && crate::compose::is_release_subject(&hit.subject)
}

/// A thread start of a listing, with the patches of its series.
struct Listed<'a> {
    /// The cover letter, else the lowest-numbered patch seen.
    hit: &'a Hit,
    number: u32,
    /// Sender, revision and length, for numbered patches.
    series: Option<(String, u32, u32)>,
    first: Option<DateTime<Utc>>,
    titles: Vec<String>,
    replies: usize,
    repliers: HashSet<String>,
    /// The lists whose listings held the thread's mails.
    lists: Vec<&'a str>,
}

impl<'a> Listed<'a> {
    fn listed_in(&mut self, lists: &[&'a str]) {
        for list in lists {
            if !self.lists.contains(list) {
                self.lists.push(list);
            }
        }
    }
}
