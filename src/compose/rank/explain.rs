//! What a ranking shows the editor: each candidate's score part by part
//! (`-v`), and the candidate list a draft is edited from.

use super::{Candidate, picks};
use crate::input::escape_id;

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
            let revisions: Vec<String> =
                c.also.iter().map(|r| format!("v{}", r.revision)).collect();
            format!(" [also {} this week]", revisions.join(", "))
        };
        // Each earlier revision's link, on a comment line of its own.
        let links: String = c
            .also
            .iter()
            .map(|r| format!("#     v{}: {}\n", r.revision, r.link))
            .collect();
        let posted = c.posted.as_ref().map_or(String::new(), |p| {
            format!(
                " [already posted in {} of {}]",
                p.post,
                &p.date[..p.date.len().min(10)]
            )
        });
        format!(
            "{link_base}{}  # {:.2}  {}{also} ({}){posted}\n{links}",
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
         + size {:.2} + revision {:.2} + interest {:.2} + history {:.2} + follows {:.2} \
         + interface {:.2} + similar {:.2}  {} ({}){}",
        s.total,
        s.discussion,
        s.participants,
        s.review,
        s.kind,
        s.size,
        s.revision,
        s.interest,
        s.history,
        s.follows,
        s.interface,
        s.similar,
        one_line(&candidate.subject),
        candidate.author,
        remembered(candidate)
    )
}

/// `-v`: which interests matched (the section, for `section:`), why the
/// history part weighs what it does, what the candidate follows, and
/// where it was posted.
fn remembered(candidate: &Candidate) -> String {
    let mut said: Vec<String> = Vec::new();
    if !candidate.interests.is_empty() {
        said.push(format!("interests {}", candidate.interests.join(", ")));
    }
    said.extend(candidate.history.iter().cloned());
    if let Some(posted) = &candidate.posted {
        said.push(format!("already posted in {}", posted.post));
    } else if let Some(covered) = candidate.covered.first() {
        said.push(format!("follows v{} of {}", covered.revision, covered.post));
    }
    if said.is_empty() {
        String::new()
    } else {
        format!(" [{}]", said.join("; "))
    }
}
