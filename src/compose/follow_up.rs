//! Follow-ups: an entry of a series an earlier post covered says so
//! (`covered`), and its summary starts from the editor's own words of last
//! time, brought to this revision.

use super::voice::{self, About};
use super::{Entry, Kind, Options};
use crate::history::{Asked, AtHand, History};
use crate::parse::{Pool, Subject, changelog};

/// [`remember`] for each entry but release announcements.
pub fn remember_all(
    entries: &mut [Entry],
    pool: &Pool,
    history: &History,
    at_hand: &AtHand,
    options: &Options,
) {
    for entry in entries.iter_mut().filter(|e| e.kind != Kind::Release) {
        remember(entry, pool, history, at_hand, options);
    }
}

/// Adds what `history` knows of `entry`'s series: `covered`, and for a
/// later revision of a covered series, the editor's earlier summary
/// (`earlier_summary`) and the summary made from it. An entry whose series
/// was not covered is left as it is. A cover letter with the b4 change-id
/// of a covered one `at_hand` is the same series.
pub fn remember(
    entry: &mut Entry,
    pool: &Pool,
    history: &History,
    at_hand: &AtHand,
    options: &Options,
) {
    let Some(message) = pool.get(&entry.message_id) else {
        return;
    };
    let linked = crate::post_format::mail_links(&message.body);
    let seen = history.seen(
        &Asked {
            message_id: &entry.message_id,
            subject: &entry.subject,
            author: &entry.author,
            linked: &linked,
            change_id: crate::history::change_id(&message.body),
            date: chrono::DateTime::parse_from_rfc3339(&entry.date)
                .ok()
                .map(|d| d.to_utc()),
        },
        at_hand,
    );
    entry.covered = history.covering(&seen, &options.link_base);
    let Some(&latest) = seen.earlier.first() else {
        return;
    };
    let earlier = &history.entries()[latest];
    // A topic proposal's words do not describe the patchset that follows.
    let same_work = matches!(entry.kind, Kind::Patch | Kind::Rfc)
        && matches!(super::kind_of_past(earlier), Kind::Patch | Kind::Rfc);
    if earlier.summary.is_empty() || !same_work {
        return;
    }
    let subject = Subject::parse(&entry.subject);
    let about = About {
        kind: entry.kind,
        revision: entry.revision,
        patches: entry.patches,
        topic: subject.topic(),
        author: &entry.author,
        venue: None,
        stable_tree: None,
        original_author: None,
        announces: None,
        reminder: false,
    };
    entry.changes_since = changelog::since(&message.body, earlier.revision, entry.revision);
    if let Some(summary) = voice::follow_up(
        &earlier.summary,
        earlier.revision,
        &about,
        options.summary_words,
    ) {
        let (summary, repairs) = crate::prose::rules::proofread_for(
            &summary,
            &entry.author,
            crate::compose::voice::work_noun(entry.kind, entry.patches),
        );
        // Where nothing of the editor's words stood, the entry keeps its own.
        if !summary.is_empty() {
            entry.summary = summary;
            entry.repairs = repairs;
        }
    }
    entry.earlier_summary = Some(earlier.summary.clone());
}
