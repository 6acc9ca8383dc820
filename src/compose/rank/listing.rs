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
use crate::parse::identity::{Posting, Sender, normalized_title, same_sending};
use crate::parse::series::is_automated_subject;

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
    let series = listed_series(hits, window);
    prerank_series(&series, interests, memory, limit)
}

/// The listing's series in `window`: the sendings of each (a cover letter
/// or first patch, the patches joined to it, the replies whose subjects
/// name one of its mails), its revisions and resends together.
fn listed_series<'a>(hits: &'a [Hit], window: &Window) -> Vec<Vec<Listed<'a>>> {
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
                        .is_some_and(|(d, f)| same_sending(d, f))
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
    let mut series: Vec<Vec<Listed>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for group in groups {
        let key = Posting::new(
            &Subject::parse(&group.hit.subject),
            Sender::named(&group.hit.author),
        )
        .series_key();
        match by_key.get(&key) {
            Some(&i) => series[i].push(group),
            None => {
                by_key.insert(key, series.len());
                series.push(vec![group]);
            }
        }
    }
    series
}

/// The asks of [`prerank`], from the listing's series.
fn prerank_series(
    series: &[Vec<Listed>],
    interests: &[Interest],
    memory: Option<Memory>,
    limit: usize,
) -> Vec<ThreadAsk> {
    let mut scored: Vec<(f64, &Vec<Listed>)> = series
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
    let always = |revisions: &Vec<Listed>| {
        let subject = Subject::parse(&revisions[0].hit.subject);
        is_announcement(revisions[0].hit) || subject.is_event && !subject.is_topic
    };
    // From `/all/`, as b4 asks: a series' patches and replies often went
    // to different lists, and one list's copy of the thread lacks the
    // others' mails. The list that listed it, if one did, is where to look
    // while `/all/` has not indexed it yet.
    let ids = |revisions: &Vec<Listed>| -> Vec<ThreadAsk> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Asked, AtHand, History};
    use crate::parse::{Message, Pool};

    /// 2022-09-01T00:00:00Z
    const START: i64 = 1_661_990_400;
    const DAY: i64 = 86_400;
    const TITLE: &str = "mm: make page reclaim fair again";

    /// Postings of three series, as (id, subject, name, address, day):
    /// one long title sent by two people (a v2, a v3 taken over, the v3
    /// resent), and one short title sent by two (Bob's v1 and v2, Carol's
    /// own).
    fn postings() -> Vec<(&'static str, String, &'static str, &'static str, i64)> {
        vec![
            (
                "v2@x",
                format!("[PATCH v2 0/2] {TITLE}"),
                "Jane Doe",
                "jane@x.org",
                0,
            ),
            (
                "v3@x",
                format!("[PATCH v3 0/2] {TITLE}"),
                "Carl Roe",
                "carl@y.org",
                2,
            ),
            (
                "v3r@x",
                format!("[PATCH RESEND v3 0/2] {TITLE}"),
                "Carl Roe",
                "carl@y.org",
                3,
            ),
            (
                "b1@x",
                "[PATCH] mm: fix it".into(),
                "Bob Lee",
                "bob@x.org",
                1,
            ),
            (
                "c1@x",
                "[PATCH] mm: fix it".into(),
                "Carol Ng",
                "carol@z.org",
                1,
            ),
            (
                "b2@x",
                "[PATCH v2] mm: fix it".into(),
                "Bob Lee",
                "bob@x.org",
                4,
            ),
        ]
    }

    fn window() -> Window {
        Window {
            since: DateTime::from_timestamp(START, 0).unwrap(),
            until: DateTime::from_timestamp(START + 7 * DAY, 0).unwrap(),
        }
    }

    /// Each series as the sorted IDs of its postings, the series sorted.
    fn partition(mut series: Vec<Vec<String>>) -> Vec<Vec<String>> {
        series.iter_mut().for_each(|s| s.sort());
        series.sort();
        series
    }

    fn expected() -> Vec<Vec<String>> {
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
        partition(vec![
            ids(&["v2@x", "v3@x", "v3r@x"]),
            ids(&["b1@x", "b2@x"]),
            ids(&["c1@x"]),
        ])
    }

    #[test]
    fn rank_prerank_and_history_agree_on_what_is_one_series() {
        let mails = postings()
            .into_iter()
            .map(|(id, subject, name, address, day)| Message {
                id: id.into(),
                subject,
                from_name: name.into(),
                from_email: address.into(),
                date: DateTime::from_timestamp(START + day * DAY + 60, 0).map(|d| d.fixed_offset()),
                in_reply_to: None,
                references: Vec::new(),
                original_from: None,
                list_id: None,
                lists: Vec::new(),
                body: Default::default(),
                raw_index: 0,
            });
        let ranked = super::super::candidates(&Pool::new(mails, None), &window(), &[], None, None);
        let from_mail = ranked
            .iter()
            .map(|c| {
                let also = c.also.iter().map(|r| r.message_id.clone());
                std::iter::once(c.message_id.clone()).chain(also).collect()
            })
            .collect();
        assert_eq!(partition(from_mail), expected(), "rank");

        // A listing shows names, not addresses.
        let hits: Vec<Hit> = postings()
            .into_iter()
            .map(|(id, subject, name, _, day)| Hit {
                message_id: id.into(),
                subject,
                author: name.into(),
                date: DateTime::from_timestamp(START + day * DAY + 60, 0),
                list: "linux-mm".into(),
            })
            .collect();
        let listed = listed_series(&hits, &window())
            .iter()
            .map(|s| s.iter().map(|g| g.hit.message_id.clone()).collect())
            .collect();
        assert_eq!(partition(listed), expected(), "prerank");

        // The history knows each posting by its entry's subject and author.
        let mut post = String::from("---\ntitle: \"LKML News\"\ndate: 2022-08-31\n---\n\n");
        for (id, subject, name, _, _) in postings() {
            let heading = format!("{subject} ({name})");
            let rule = "-".repeat(heading.len());
            post.push_str(&format!(
                "{heading}\n{rule}\n\nhttps://lkml.kernel.org/r/{id}\n\nIt.\n\n\n"
            ));
        }
        let history = History::from_files(vec![("/site/p.md".into(), Ok(post.into_bytes()))]);
        let from_history = postings()
            .into_iter()
            .map(|(id, subject, name, _, _)| {
                let asked = Asked {
                    message_id: "new@x",
                    subject: &subject,
                    author: name,
                    linked: &[],
                    change_id: None,
                    date: None,
                };
                let seen = history.seen(&asked, &AtHand::default());
                let mut ids: Vec<String> = seen
                    .posted
                    .iter()
                    .chain(&seen.earlier)
                    .filter_map(|&i| history.entries()[i].message_id.clone())
                    .collect();
                ids.sort();
                (id, ids)
            })
            .collect::<Vec<_>>();
        // What the history finds of each posting is of its series, and
        // leaves out only other resends of the revision it posted.
        let revision = |id: &str| {
            let (_, subject, ..) = postings().into_iter().find(|p| p.0 == id).unwrap();
            Subject::parse(&subject).revision
        };
        for (id, found) in &from_history {
            let part = expected()
                .into_iter()
                .find(|p| p.iter().any(|p| p == id))
                .unwrap();
            assert!(
                found.iter().all(|f| part.contains(f)),
                "history, for {id}: {found:?}"
            );
            for missed in part.iter().filter(|p| !found.contains(p)) {
                assert_eq!(
                    revision(missed),
                    revision(id),
                    "history, for {id}: {missed}"
                );
            }
        }
        let resent = format!("[PATCH RESEND v3 0/2] {TITLE}");
        let asked = Asked {
            message_id: "new@x",
            subject: &resent,
            author: "Carl Roe",
            linked: &[],
            change_id: None,
            date: None,
        };
        let seen = history.seen(&asked, &AtHand::default());
        let posted = seen
            .posted
            .and_then(|i| history.entries()[i].message_id.clone());
        assert!(
            matches!(posted.as_deref(), Some("v3@x" | "v3r@x")),
            "{posted:?}"
        );
    }
}
