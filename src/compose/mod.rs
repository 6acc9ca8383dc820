//! The compose stage: threads become entries, entries become a draft.
//!
//! Here the tool decides what an editor would: which message an entry is
//! about (the cover letter, not patch 2/7), what kind of thread it is, whose
//! name goes in the heading, and what the post is called.

pub mod areas;
pub mod follow_up;
pub mod rank;
pub mod voice;

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, SecondsFormat};
use regex::Regex;
use serde::{Deserialize, Serialize};

pub use crate::input::Failure;
use crate::parse::{
    Message, Subject, Thread, ThreadSeries, Trailers,
    author::{author_in_thread, first_signer},
    summary::Excerpts,
};

/// What a thread is, as a news editor sorts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Patch,
    Rfc,
    Pull,
    Release,
    Topic,
    /// Community business: calls for topics, proposals for a summit, its
    /// schedule, slides, recordings, cancellations, invitations.
    Event,
    /// A request to take a patch into a stable tree.
    Stable,
    Discussion,
}

/// One entry of the post. Its JSON form is the contract of `--format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub message_id: String,
    pub link: String,
    pub subject: String,
    pub author: String,
    pub author_email: String,
    /// The message's date in UTC, RFC 3339; empty when the mail had none.
    pub date: String,
    pub kind: Kind,
    /// The series revision (`v3`); 1 when the subject names none.
    #[serde(rename = "version")]
    pub revision: u32,
    pub patches: u32,
    pub messages: usize,
    pub participants: usize,
    pub trailers: Trailers,
    pub summary: String,
    /// What the last read of the summary repaired ("dropped a connective
    /// pointing back"), a line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repairs: Vec<String>,
    /// The author's own sentences the summary was made from, verbatim.
    #[serde(default)]
    pub excerpt: String,
    /// The ID asked for, where the entry is about another message (the
    /// cover letter of the asked patch's series).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<String>,
    /// `week`: other revisions of the series posted in the window.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Revision>,
    /// The release entry's diffstat charts, with `--kernel-repo`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<Chart>,
    /// `--history`: the earlier posts' entries of this series (or of this
    /// very thread), newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covered: Vec<crate::history::Covered>,
    /// The editor's own summary of the series' last covered revision, as
    /// they wrote it; the summary starts from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier_summary: Option<String>,
    /// The changelog's items since that revision, for the editor to read:
    /// the summary leaves them out, as the editor's posts do.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes_since: Vec<String>,
    /// The files its patches change, as their diffs name them (the cover
    /// letter's diffstat where the patches are not at hand).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<String>,
    /// With MAINTAINERS: the sections of those files, each file's first,
    /// the section whose files change the most lines first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// `--group`: the heading it stands under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// A chart shown after an entry's summary: the sentence that introduces
/// it, the image, and a note under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    pub sentence: String,
    /// The image's alternative text.
    pub alt: String,
    /// Where the post links it (`/img/kernel_release_stat/...png`).
    pub url: String,
    /// Where it was written.
    pub file: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Another posting of a series: its revision, where it is, and its link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub revision: u32,
    pub message_id: String,
    #[serde(default)]
    pub link: String,
}

/// The whole post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub date: String,
    pub entries: Vec<Entry>,
    pub failed: Vec<Failure>,
    /// The newest release announced in the entries (`v6.0-rc4`), which
    /// names the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    /// `week`: every candidate, best first, with its score's parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranking: Vec<rank::Candidate>,
}

/// The title pattern when none is configured.
pub const DEFAULT_TITLE: &str = "LKML News {release}";

/// Choices the editor makes on the command line.
#[derive(Debug, Clone)]
pub struct Options {
    pub summary_words: usize,
    /// The title as given; else it is made from `title_pattern`.
    pub title: Option<String>,
    /// `{release}` becomes the newest announcement's release (`v6.0-rc4`),
    /// or the date where there is none; `{date}` the date.
    pub title_pattern: String,
    pub date: DateTime<FixedOffset>,
    /// The link prefix, to which the escaped message ID is appended.
    pub link_base: String,
    /// The editor's own summarizer, which the pipelines run on the entries
    /// once they are composed (`crate::summarizer`).
    pub summarizer: Option<SummarizerCommand>,
    /// Where the release entry's charts are counted, written and linked;
    /// the pipelines draw them once the entries are composed
    /// (`crate::relstat::attach_release_charts`).
    pub release_charts: Option<ReleaseCharts>,
    /// The editor's earlier posts (`--history`), all that were read: each
    /// pipeline keeps those dated before its post.
    pub history: Option<std::sync::Arc<crate::history::History>>,
    /// The kernel's MAINTAINERS (`--maintainers`): each entry's sections.
    pub maintainers: Option<std::sync::Arc<crate::maintainers::Maintainers>>,
    /// `--group`: entries under area or section headings.
    pub group: Option<areas::Grouping>,
    /// Where this run writes its post (`--post-dir`): that file is never
    /// its own history.
    pub post_target: Option<PostTarget>,
}

/// `--post-dir` and the config's `post_name`.
#[derive(Debug, Clone)]
pub struct PostTarget {
    pub dir: std::path::PathBuf,
    /// The file name without `.md`: `{release}`, `{date}`; by default
    /// `lkml_news_{release}`, or `lkml_news_{date}` without a release.
    pub name: Option<String>,
}

impl PostTarget {
    /// The post's path for a draft announcing `release` (`v6.0-rc4`).
    pub fn path(&self, release: Option<&str>, date: &DateTime<FixedOffset>) -> std::path::PathBuf {
        self.dir.join(format!(
            "{}.md",
            post_name(self.name.as_deref(), release, date)
        ))
    }
}

/// A post's file name without `.md`, from the pattern (default
/// `lkml_news_{release}`): `{release}` is the newest release announced
/// (`v6.0-rc4`), or the date where there is none; `{date}` the date.
pub fn post_name(
    pattern: Option<&str>,
    release: Option<&str>,
    date: &DateTime<FixedOffset>,
) -> String {
    let date = date.format("%Y-%m-%d").to_string();
    let pattern = match (pattern, release) {
        (Some(pattern), _) => pattern,
        (None, Some(_)) => "lkml_news_{release}",
        (None, None) => "lkml_news_{date}",
    };
    let name = pattern
        .replace("{release}", release.unwrap_or(&date))
        .replace("{date}", &date);
    // One file name, whatever the pattern or the release held.
    name.replace(['/', '\\'], "_")
}

/// `--kernel-repo`, `--chart-dir`, `--chart-url`.
#[derive(Debug, Clone)]
pub struct ReleaseCharts {
    /// A kernel clone with its release tags.
    pub repo: std::path::PathBuf,
    /// Where the images are written (a Hugo site's
    /// `static/img/kernel_release_stat/`).
    pub dir: std::path::PathBuf,
    /// The prefix the post links them under.
    pub url: String,
    /// Where each pair of releases' numbers is kept.
    pub cache: Option<std::path::PathBuf>,
}

/// Where the post links charts when no `--chart-url` is given.
pub const DEFAULT_CHART_URL: &str = "/img/kernel_release_stat/";

/// `--summarizer`: the command and how hard to try.
#[derive(Debug, Clone)]
pub struct SummarizerCommand {
    /// Run by `sh -c`, so that it may hold arguments and pipes.
    pub command: String,
    /// At most this many run at once.
    pub jobs: usize,
    /// Past this, a run is killed.
    pub timeout: std::time::Duration,
}

impl Options {
    pub fn new(date: DateTime<FixedOffset>) -> Options {
        Options {
            summary_words: crate::parse::summary::DEFAULT_WORDS,
            title: None,
            title_pattern: DEFAULT_TITLE.to_string(),
            date,
            link_base: "https://lkml.kernel.org/r/".to_string(),
            summarizer: None,
            release_charts: None,
            history: None,
            maintainers: None,
            group: None,
            post_target: None,
        }
    }

    /// The earlier posts that are history for a post dated before `until`
    /// that announces `release`: the post this run writes is not.
    pub fn history_before(
        &self,
        until: DateTime<chrono::Utc>,
        release: Option<&str>,
    ) -> Option<crate::history::History> {
        let history = self.history.as_ref()?;
        let own = self
            .post_target
            .as_ref()
            .map(|target| target.path(release, &self.date));
        Some(history.before(until, own.as_deref()))
    }
}

static RELEASE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Linux (\d+\.\d+(?:\.\d+)?(?:-rc\d+)?)$").unwrap());
static RELEASE_VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+\.\d+(?:\.\d+)?(?:-rc\d+)?$").unwrap());

/// The entry for the thread that holds `requested`: about the series'
/// cover letter when `requested` is one of its patches.
pub fn entry(thread: &Thread, requested: &Message, options: &Options) -> Entry {
    let thread = ThreadSeries::new(thread.clone());
    let message = thread.start_of_series(requested);
    let (series, _) = thread.series_at(message);
    let post = thread.post(message);
    let subject = &post.subject;
    let who = author_in_thread(message, &thread.thread.messages);
    let kind = kind_of(&series.tags, release_of(message).is_some(), post.has_diff);
    let shown_subject = if thread.thread.is_root(message) {
        crate::parse::subject::strip_reply_prefixes(&message.subject).to_string()
    } else {
        message.subject.clone()
    };
    let topic = topic_with_its_area(subject);
    let original_author = if kind == Kind::Stable {
        first_signer(&message.body)
    } else {
        None
    };
    // "[PATCH 14/17] ia64: Implement X" with no cover letter at hand: one
    // patch of the series, which its title does not name.
    let one_of_a_series = subject.counter.is_some_and(|(k, n)| k >= 1 && n > 1);
    let patches = if one_of_a_series { 1 } else { series.expected };
    let about = voice::About {
        kind,
        revision: series.tags.revision,
        patches,
        topic: &topic,
        author: &who.name,
        venue: subject.venue,
        stable_tree: subject.stable_tree.as_deref(),
        original_author: original_author.as_deref(),
        announces: subject.announces.as_ref(),
        reminder: subject.is_reminder,
    };
    // One patch of a series speaks for itself alone. Each patch's subject
    // is read once, for the main patch and for what the titles say.
    let siblings: Vec<(&Message, Subject)> = if one_of_a_series {
        Vec::new()
    } else {
        series
            .patches
            .iter()
            .filter(|p| p.id != message.id)
            .map(|p| (*p, Subject::parse(&p.subject)))
            .collect()
    };
    // Where no sentence of the mail stands, the patches' titles say what
    // the series does; those of its side work only for a series of side
    // work: tests or documentation are no more than a side detail of
    // another ("adds close_range() tests").
    let what_the_patches_do = || {
        let titles = |side: bool| -> Vec<&str> {
            siblings
                .iter()
                .map(|(_, s)| s)
                .filter(|s| side || !voice::is_side_work(s))
                .map(|s| s.topic())
                .collect()
        };
        let words = crate::parse::summary::EDITOR_WORDS;
        voice::what_the_patches_do(&titles(voice::is_side_work(subject)), &about, words)
    };
    let (summary, excerpt, repairs) = match kind {
        Kind::Release => (
            release_summary(&subject.title, &message.body),
            Vec::new(),
            Vec::new(),
        ),
        Kind::Pull => (
            pull_summary(&who.name, message, &subject.title),
            Vec::new(),
            Vec::new(),
        ),
        _ => {
            let draft = Sources {
                excerpts: Excerpts::read(&message.body, &subject.title),
                patch_excerpts: main_patch(subject, &siblings)
                    .map(|p| Excerpts::read(&p.body, &subject.title)),
                about: &about,
                title: &subject.title,
                who: &who.name,
                work: voice::work_noun(kind, patches),
                words: options.summary_words,
            };
            // A sentence the proofreading leaves out is turned down, and
            // the next best that says enough is tried, as an editor reads
            // on; a series' patches' titles say more than a lesser one.
            let patch_titles = what_the_patches_do();
            let titles = patch_titles
                .clone()
                .filter(|_| matches!(kind, Kind::Patch | Kind::Rfc));
            // Titles that name the series' topic may stand for a sentence
            // that only tells how things stand (below).
            let titles_name_the_topic = titles.as_deref().is_some_and(|titles| {
                crate::prose::shared_stems(titles, &crate::prose::content_stems(&subject.title)) > 0
            });
            let first_name = crate::prose::first_name(&who.name);
            let first_name_word = first_name.to_lowercase();
            let mut turned_down: Vec<String> = Vec::new();
            loop {
                let (summary, chosen) = draft.summary(&turned_down);
                let summary = match (chosen.is_empty(), &titles) {
                    (true, Some(patches)) => format!("{summary} {patches}"),
                    _ => summary,
                };
                // A later version's "I have removed X" tells what changed;
                // "I've ported KASAN to radix" under "KASAN for radix" is
                // the work itself.
                let changelog = about.revision > 1
                    && chosen.first().is_some_and(|s| {
                        crate::prose::Sentence::read(s)
                            .work_done_on()
                            .is_some_and(|object| !is_the_title_s_work(object, &subject.title))
                    });
                let (repaired, mut repairs) = draft.proofread(&summary);
                repairs.splice(
                    0..0,
                    turned_down
                        .iter()
                        .map(|s| format!("turned down a sentence left out: {s:?}")),
                );
                // A series' patches' titles, where they name its topic, say
                // more than how things stand around it, the mail's sentence
                // after the lead.
                let only_circumstance = titles_name_the_topic
                    && !chosen.is_empty()
                    && repaired.as_deref().is_some_and(|repaired| {
                        crate::prose::sentences_of(repaired)
                            .into_iter()
                            .find(|s| !crate::prose::rules::is_a_lead_by(s, first_name))
                            .is_some_and(|s| {
                                // "Building on X's work, Jane has ported Y".
                                !crate::prose::words_of(s).any(|w| w == first_name_word)
                                    && !crate::prose::Sentence::read(s)
                                        .tells_the_work(&subject.title)
                            })
                    });
                if only_circumstance {
                    let (lead, more) = draft.lead_alone(patch_titles.clone());
                    repairs.extend(more);
                    break (lead, Vec::new(), repairs);
                }
                // "This is the RFC for X" in a v7 that is no RFC: the text of
                // an earlier posting.
                let outgrown = kind == Kind::Patch
                    && chosen
                        .first()
                        .is_some_and(|s| crate::prose::Sentence::read(s).calls_the_work_an_rfc());
                match repaired {
                    Some(repaired)
                        if !changelog
                            && !outgrown
                            && chosen
                                .first()
                                .is_none_or(|first| draft.kept(first, &repaired)) =>
                    {
                        break (repaired, chosen, repairs);
                    }
                    _ if chosen.is_empty()
                        || titles.is_some()
                        || turned_down.len() >= TURNED_DOWN_AT_MOST =>
                    {
                        let (lead, more) = draft.lead_alone(patch_titles.clone());
                        let mut repairs = repairs;
                        repairs.extend(more);
                        break (lead, Vec::new(), repairs);
                    }
                    _ => turned_down.extend(chosen.into_iter().take(1)),
                }
            }
        }
    };
    let changes = thread.changes_of(&series);
    let sections = options
        .maintainers
        .as_ref()
        .map(|m| m.sections_of(changes.iter().map(|c| (c.path.as_str(), c.lines))))
        .unwrap_or_default();
    let files = changes.into_iter().map(|c| c.path).collect();
    Entry {
        message_id: message.id.clone(),
        link: format!(
            "{}{}",
            options.link_base,
            crate::input::escape_id(&message.id)
        ),
        subject: shown_subject,
        author: who.name,
        author_email: who.email,
        date: message
            .date
            .map(|d| d.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
            .unwrap_or_default(),
        kind,
        revision: series.tags.revision,
        patches: series.expected,
        messages: thread.thread.messages.len(),
        participants: thread.thread.participants(),
        trailers: Trailers::given_in(&thread.thread),
        summary,
        repairs,
        excerpt: excerpt.join(" "),
        asked: (message.id != requested.id).then(|| requested.id.clone()),
        also: Vec::new(),
        charts: Vec::new(),
        covered: Vec::new(),
        earlier_summary: None,
        changes_since: Vec::new(),
        files,
        sections,
        group: None,
    }
}

/// How many of a mail's sentences the proofreading may turn down before
/// the summary settles for its lead.
const TURNED_DOWN_AT_MOST: usize = 6;

/// What an entry's summary is drafted from: the mail's sentences, and those of the
/// patch that says most of what a series does.
struct Sources<'a> {
    excerpts: Excerpts,
    /// The sentences of the series' main patch ([`main_patch`]), held to
    /// the same bar as the cover letter's once one of those is turned down.
    patch_excerpts: Option<Excerpts>,
    about: &'a voice::About<'a>,
    title: &'a str,
    who: &'a str,
    work: &'static str,
    words: usize,
}

impl Sources<'_> {
    /// The summary in the editor's voice from sentences not turned down,
    /// and the sentences it uses. A cover letter with no sentence that
    /// stands has its main patch's commit message say what the work does.
    fn summary(&self, turned_down: &[String]) -> (String, Vec<String>) {
        let (summary, chosen) =
            voice::summary(&self.excerpts.without(turned_down), self.about, self.words);
        let (summary, chosen) = match &self.patch_excerpts {
            Some(patch) if chosen.is_empty() => {
                match voice::summary(&patch.without(turned_down), self.about, self.words) {
                    (_, there) if there.is_empty() => (summary, chosen),
                    from_patch => from_patch,
                }
            }
            _ => (summary, chosen),
        };
        if summary.is_empty() {
            (self.title.to_string(), chosen)
        } else {
            (summary, chosen)
        }
    }

    /// `summary` proofread and fit to the cap (a repair may lengthen:
    /// "Introduce X" -> "The patchset introduces X"), with the repairs
    /// made; `None` when no sentence stood.
    fn proofread(&self, summary: &str) -> (Option<String>, Vec<String>) {
        let (repaired, repairs) = crate::prose::rules::proofread_for(summary, self.who, self.work);
        if repaired.is_empty() {
            return (None, repairs);
        }
        let sentences: Vec<String> = crate::prose::sentences_of(&repaired)
            .into_iter()
            .map(str::to_string)
            .collect();
        (Some(voice::fit(sentences, self.words)), repairs)
    }

    /// The editor's lead with nothing of the mail's: the title where there
    /// is no lead, the patches' titles after it where they say more.
    fn lead(&self) -> String {
        let (lead, _) = voice::summary(&Excerpts::read("", self.title), self.about, self.words);
        match (lead.is_empty(), self.title.trim_end_matches('.')) {
            (false, _) => lead,
            (true, "") => format!("{} wrote to the list.", crate::prose::first_name(self.who)),
            (true, title) => format!("{title}."),
        }
    }

    /// Whether the proofread `summary` kept `sentence`, repaired or not:
    /// repairs give an order its subject, drop a clause or a connective,
    /// and mostly leave how it ends; a sentence besides the editor's lead
    /// that ends as it does, or whose words of substance are mostly its.
    /// A sentence taken only to follow one left out goes with it.
    fn kept(&self, sentence: &str, summary: &str) -> bool {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        // Lower case: a repair may have written "tlb" as "TLB"; where one
        // changed the tail's words (a spelling, a place's "the"), the
        // words of substance below decide.
        let tail = words[words.len().saturating_sub(4)..]
            .join(" ")
            .to_lowercase();
        if summary
            .to_lowercase()
            .contains(tail.trim_end_matches(['.', '!', '?']))
        {
            return true;
        }
        let first_name = crate::prose::first_name(self.who);
        let own = crate::prose::content_stems(sentence);
        crate::prose::sentences_of(summary)
            .into_iter()
            .filter(|s| !crate::prose::rules::is_a_lead_by(s, first_name))
            .any(|s| {
                let stems = crate::prose::content_stems(s);
                let from_it = stems.iter().filter(|w| own.contains(w)).count();
                !stems.is_empty() && 3 * from_it >= 2 * stems.len()
            })
    }

    /// The lead alone, where nothing of the mail's words stood.
    fn lead_alone(&self, patches: Option<String>) -> (String, Vec<String>) {
        let lead = match patches {
            Some(patches) => format!("{} {patches}", self.lead()),
            None => self.lead(),
        };
        // The lead is the editor's own sentence: repaired where it can
        // be, kept where a rule would leave it out.
        let (repaired, mut repairs) =
            crate::prose::rules::proofread_for(&lead, self.who, self.work);
        repairs.push("kept only the lead: no sentence of the mail stood".into());
        (if repaired.is_empty() { lead } else { repaired }, repairs)
    }
}

/// The subject's topic; one that names only kinds of work ("Two bugfixes
/// and a cleanup") with where they are, its last subsystem prefix ("in
/// frob_sysfs").
fn topic_with_its_area(subject: &Subject) -> String {
    let topic = subject.topic();
    match subject.prefixes().last() {
        Some(area) if crate::prose::names_only_kinds_of_work(topic) => {
            format!("{topic} in {area}")
        }
        _ => topic.to_string(),
    }
}

/// Whether the object of work told done is the title's work: its first
/// content word is one of the title's ("ported KASAN to radix" under
/// "KASAN for radix", not "added a per-node list to the cache" under
/// "rework the cache").
fn is_the_title_s_work(object: &[String], title: &str) -> bool {
    let title = crate::prose::content_stems(title);
    crate::prose::content_words(&object.join(" "))
        .first()
        .is_some_and(|w| title.contains(&crate::prose::stem(w)))
}

/// Of a series' patches, the one whose title shares most content stems
/// with the series' topic, the earliest of equals. None sharing any, no
/// patch is known to say what the series does (the first is most often
/// preparation), unless there is one. Side work (documentation, tests) is
/// the main patch only where the series is side work or nothing else.
fn main_patch<'m>(series: &Subject, patches: &[(&'m Message, Subject)]) -> Option<&'m Message> {
    let own = crate::prose::content_stems(series.topic());
    let shared = |s: &Subject| crate::prose::shared_stems(s.topic(), &own);
    // "add a Kconfig symbol for frob" under "frob strict mode": a patch
    // that readies or builds the work tells it only where no other does.
    let topic: Vec<String> = crate::prose::words_of(series.topic()).collect();
    let best = |side: bool| {
        let candidates = patches.iter().enumerate().filter(|(_, (_, s))| {
            side || !voice::is_side_work(s) && !crate::prose::is_groundwork(s.topic(), &topic)
        });
        let only = match candidates.clone().count() {
            1 => candidates.clone().next().map(|(_, (p, _))| *p),
            _ => None,
        };
        candidates
            .map(|(i, (p, s))| (shared(s), std::cmp::Reverse(i), *p))
            .filter(|(n, _, _)| *n > 0)
            .max_by_key(|(n, i, _)| (*n, *i))
            .map(|(_, _, p)| p)
            .or(only)
    };
    best(voice::is_side_work(series)).or_else(|| best(true))
}

/// What a thread is, from its first mail's subject, whether that is
/// Linus' release announcement, and whether it carries a diff.
pub(crate) fn kind_of(subject: &Subject, is_release: bool, has_diff: bool) -> Kind {
    if is_release {
        Kind::Release
    } else if subject.is_pull {
        Kind::Pull
    } else if subject.stable_tree.is_some() && !subject.is_reply {
        Kind::Stable
    } else if subject.is_event {
        Kind::Event
    } else if subject.is_topic {
        Kind::Topic
    } else if subject.is_rfc {
        Kind::Rfc
    } else if subject.is_patch || has_diff {
        Kind::Patch
    } else {
        Kind::Discussion
    }
}

/// Whether `subject` reads as a release announcement's, `Linux 6.0-rc4`
/// (who sent it is for the caller to check).
pub fn is_release_subject(subject: &str) -> bool {
    RELEASE.is_match(subject.trim())
}

/// The address Linus Torvalds announces releases from.
pub const LINUS: &str = "torvalds@linux-foundation.org";

/// `6.0-rc4` for Linus Torvalds' `Linux 6.0-rc4` announcement.
pub fn release_of(message: &Message) -> Option<String> {
    let by_linus =
        message.from_email == LINUS || message.from_name.eq_ignore_ascii_case("Linus Torvalds");
    if !by_linus {
        return None;
    }
    let title = crate::parse::subject::strip_reply_prefixes(&message.subject);
    if title.len() != message.subject.len() {
        return None;
    }
    RELEASE.captures(title.trim()).map(|c| c[1].to_string())
}

/// The summary of a release announcement: Linus' remark on the week, when
/// he makes one, then what was released.
fn release_summary(title: &str, body: &str) -> String {
    let announced = announced(title);
    // Linus opens with his remark on the week ("Another normal week").
    match crate::parse::summary::prose_sentences(body).first() {
        Some(remark) if is_remark_on_the_week(remark) => {
            // "So this is ...": Linus' remark without the "So".
            let remark = match crate::prose::Sentence::read(remark).opening_connective() {
                // "Sadly, X": a tone his remark keeps.
                Some(connective) if !crate::prose::words::FEELINGS.contains(&connective) => {
                    crate::prose::match_case(
                        "A",
                        remark[connective.len()..].trim_start_matches([',', ' ']),
                    )
                }
                _ => remark.clone(),
            };
            format!("{remark} {announced}")
        }
        _ => announced,
    }
}

/// Whether a release announcement's first sentence is about how the week
/// went, short enough to quote.
fn is_remark_on_the_week(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    sentence.split_whitespace().count() <= 30
        && crate::prose::words::WEEK_REMARKS
            .iter()
            .any(|w| lower.contains(w))
}

/// `Linux 6.0-rc4` -> "The fourth release candidate for Linux v6.0 has been released."
fn announced(title: &str) -> String {
    let release = title.trim_start_matches("Linux ").trim();
    match release.split_once("-rc") {
        Some((base, rc)) => {
            let n: usize = rc.parse().unwrap_or(0);
            if (1..=10).contains(&n) {
                let ordinal = crate::prose::ordinal(n as u32);
                format!("The {ordinal} release candidate for Linux v{base} has been released.")
            } else {
                format!("Linux v{base}-rc{rc} has been released.")
            }
        }
        None => format!("Linux v{release} has been released."),
    }
}

/// `[GIT PULL] slab fix for 6.0-rc4` from Vlastimil Babka to Linus ->
/// "Vlastimil sent a slab fix pull request to Linus for v6.0-rc4."
fn pull_summary(author: &str, message: &Message, title: &str) -> String {
    let first_name = author.split_whitespace().next().unwrap_or(author);
    let to_linus = message.body.lines().take(3).any(|l| l.contains("Linus"));
    let recipient = if to_linus { " to Linus" } else { "" };
    let title = title.trim().trim_end_matches('.');
    match title.rsplit_once(" for ") {
        Some((what, target)) if !what.is_empty() => {
            let target = if RELEASE_VERSION.is_match(target) {
                format!("v{target}")
            } else {
                target.to_string()
            };
            format!("{first_name} sent a {what} pull request{recipient} for {target}.")
        }
        _ if title.is_empty() => format!("{first_name} sent a pull request{recipient}."),
        _ => format!("{first_name} sent a pull request{recipient}: {title}."),
    }
}

/// What kind of thread an earlier post's entry was about, as far as its
/// heading tells (it shows no diff).
pub fn kind_of_past(entry: &crate::history::PastEntry) -> Kind {
    let subject = Subject::parse(&entry.subject);
    let by_linus = entry
        .author
        .as_deref()
        .is_some_and(|a| a.eq_ignore_ascii_case("Linus Torvalds"));
    kind_of(
        &subject,
        by_linus && is_release_subject(&entry.subject),
        false,
    )
}

/// `v6.0-rc4` for the entry of Linus' `Linux 6.0-rc4` announcement.
pub fn announced_release(entry: &Entry) -> Option<String> {
    (entry.kind == Kind::Release)
        .then(|| format!("v{}", entry.subject.trim_start_matches("Linux ")))
}

/// Puts the entries in post order and names the post.
///
/// Entries keep the editor's order, but release announcements go last, as
/// the closing item of a post. The title is made from the pattern: by
/// default `LKML News vX.Y-rcN` after the newest announcement, else
/// `LKML News YYYY-MM-DD`.
pub fn draft(entries: Vec<Entry>, failed: Vec<Failure>, options: &Options) -> Draft {
    let (releases, mut entries): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| e.kind == Kind::Release);
    let newest_release = releases
        .iter()
        .max_by(|a, b| a.date.cmp(&b.date))
        .and_then(announced_release);
    entries.extend(releases);
    if let Some(grouping) = options.group {
        entries = areas::group(entries, grouping, options.maintainers.as_deref());
    }
    let date = options.date.format("%Y-%m-%d").to_string();
    let title = options.title.clone().unwrap_or_else(|| {
        let release = newest_release.clone().unwrap_or_else(|| date.clone());
        options
            .title_pattern
            .replace("{release}", &release)
            .replace("{date}", &date)
    });
    Draft {
        title,
        date: options.date.to_rfc3339_opts(SecondsFormat::Secs, true),
        entries,
        failed,
        release: newest_release,
        ranking: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Pool;

    fn mail(
        id: &str,
        subject: &str,
        from: (&str, &str),
        reply_to: Option<&str>,
        body: &str,
    ) -> Message {
        Message {
            id: id.into(),
            in_reply_to: reply_to.map(Into::into),
            references: reply_to.iter().map(|r| r.to_string()).collect(),
            subject: subject.into(),
            from_name: from.0.into(),
            from_email: from.1.into(),
            original_from: None,
            date: None,
            list_id: None,
            lists: Vec::new(),
            body: body.into(),
            raw_index: 0,
        }
    }

    const JANE: (&str, &str) = ("Jane Doe", "jane@x.org");
    const BOB: (&str, &str) = ("Bob Roe", "bob@y.org");

    fn series() -> Pool {
        Pool::new(
            [
                mail(
                    "c@x",
                    "[PATCH v3 0/2] mm: foo",
                    JANE,
                    None,
                    "This adds foo, so that reclaim can skip cold pages.\n",
                ),
                mail(
                    "p1@x",
                    "[PATCH v3 1/2] mm: one",
                    JANE,
                    Some("c@x"),
                    "One.\n---\ndiff --git a/x b/x\n",
                ),
                mail(
                    "p2@x",
                    "[PATCH v3 2/2] mm: two",
                    JANE,
                    Some("c@x"),
                    "Two.\n",
                ),
                mail(
                    "r@x",
                    "Re: [PATCH v3 2/2] mm: two",
                    BOB,
                    Some("p2@x"),
                    "> Two.\n\nReviewed-by: Bob Roe <bob@y.org>\n",
                ),
            ],
            None,
        )
    }

    fn options() -> Options {
        Options::new(DateTime::parse_from_rfc3339("2022-09-04T20:00:00-07:00").unwrap())
    }

    fn entry_for(pool: &Pool, id: &str) -> Entry {
        let thread = pool.thread_of(id).unwrap();
        entry(&thread, pool.get(id).unwrap(), &options())
    }

    #[test]
    fn a_patch_of_a_series_becomes_its_cover_letter() {
        let e = entry_for(&series(), "p2@x");
        assert_eq!(e.message_id, "c@x");
        assert_eq!(e.subject, "[PATCH v3 0/2] mm: foo");
        assert_eq!(
            (e.kind, e.revision, e.patches, e.messages, e.participants),
            (Kind::Patch, 3, 2, 4, 2)
        );
        assert_eq!(e.asked.as_deref(), Some("p2@x"));
    }

    #[test]
    fn a_cover_letter_without_a_sentence_is_summed_up_by_the_patch_named_like_the_series() {
        let pool = Pool::new(
            [
                mail(
                    "c@x",
                    "[PATCH v2 0/2] huge vmalloc mappings",
                    JANE,
                    None,
                    "Should be close now.\n",
                ),
                mail(
                    "p1@x",
                    "[PATCH v2 1/2] arm: add a missing define to the page tables",
                    JANE,
                    Some("c@x"),
                    "The arm page tables lack the define that other architectures have.\n",
                ),
                mail(
                    "p2@x",
                    "[PATCH v2 2/2] mm/vmalloc: huge page vmalloc mappings",
                    JANE,
                    Some("c@x"),
                    "Vmalloc maps large allocations with huge pages where the architecture \
                     supports them, which cuts TLB misses.\n",
                ),
            ],
            None,
        );
        let e = entry_for(&pool, "c@x");
        assert!(e.summary.contains("cuts TLB misses"), "{}", e.summary);
    }

    #[test]
    fn one_patch_of_a_series_without_its_cover_letter_is_summed_up_as_a_patch() {
        let pool = Pool::new(
            [mail(
                "p3@x",
                "[PATCH 3/5] ia64: implement the new page table range API",
                JANE,
                None,
                "Add set_ptes() and update_mmu_cache_range() for this architecture.\n",
            )],
            None,
        );
        let e = entry_for(&pool, "p3@x");
        assert!(
            e.summary.starts_with("Jane posted a patch to implement"),
            "{}",
            e.summary
        );
        assert!(!e.summary.contains("patchset"), "{}", e.summary);
        assert_eq!(e.patches, 5);
    }

    #[test]
    fn a_repair_that_lengthens_the_summary_keeps_it_within_its_words() {
        // 7 words of lead, 12 of an order and 21 of the sentence after it:
        // 40, and the order's subject makes 42.
        let body = "Introduce an allocation profiling option for the allocators to \
                    record call sites. The option registers a tag type with a file in \
                    procfs that shows every allocation made by call site since boot.\n";
        let pool = Pool::new(
            [mail(
                "c@x",
                "[PATCH] mm: allocation profiling",
                JANE,
                None,
                body,
            )],
            None,
        );
        let e = entry_for(&pool, "c@x");
        let words = e.summary.split_whitespace().count();
        assert!(words <= options().summary_words, "{words}: {}", e.summary);
    }

    fn discussion(body: &str) -> Entry {
        let pool = Pool::new(
            [mail(
                "d@x",
                "cgroup: charging shared memory to services",
                JANE,
                None,
                body,
            )],
            None,
        );
        entry_for(&pool, "d@x")
    }

    #[test]
    fn a_sentence_the_proofreading_leaves_out_gives_way_to_the_next_best() {
        // A discussion's order has no work to be the subject it lacks.
        let e = discussion(
            "Let userspace choose which cgroup to charge for the shared memory \
             that outlives the services which first touched it.\n\n\
             Shared memory of services is charged to the cgroup of the first task \
             that touches it, which skews the accounting of services.\n",
        );
        assert_eq!(
            e.summary,
            "Shared memory of services is charged to the cgroup of the first task \
             that touches it, which skews the accounting of services."
        );
    }

    #[test]
    fn a_sentence_taken_to_follow_one_left_out_goes_with_it() {
        let e = discussion(
            "Let userspace choose which cgroup to charge for the shared memory \
             of services. It keeps memory with the right group over restarts.\n",
        );
        assert_eq!(
            e.summary,
            "Jane wrote about charging shared memory to services."
        );
    }

    #[test]
    fn a_sentence_left_out_beside_a_lead_that_stays_gives_way_too() {
        // The proofreading leaves the order out and keeps the lead: what
        // is left is no sentence of the mail's.
        let pool = Pool::new(
            [mail(
                "t@x",
                "[LSF/MM/BPF TOPIC] Charging shared memory to services",
                JANE,
                None,
                "Let userspace choose which cgroup to charge for the shared memory \
                 that outlives the services which first touched it.\n\n\
                 Shared memory of services is charged to the cgroup of the first \
                 task that touches it, which skews the accounting of services.\n",
            )],
            None,
        );
        let e = entry_for(&pool, "t@x");
        assert_eq!(
            e.summary,
            "Jane proposes an LSF/MM/BPF session to charge shared memory to \
             services. Shared memory of services is charged to the cgroup of the \
             first task that touches it, which skews the accounting of services."
        );
        assert!(
            e.repairs.iter().any(|r| r.starts_with("turned down")),
            "{:?}",
            e.repairs
        );
    }

    #[test]
    fn a_lesser_sentence_does_not_replace_one_left_out() {
        let e = discussion(
            "Let userspace choose which cgroup to charge for the shared memory \
             that outlives the services which first touched it.\n\n\
             Over time, some pages may get reclaimed and refaulted into other \
             groups, but that is not guaranteed.\n",
        );
        assert_eq!(
            e.summary,
            "Jane wrote about charging shared memory to services."
        );
    }

    /// A cover letter with no sentence that stands, and three patches: the
    /// documentation first, then `second` (its commit message `body`),
    /// then `third`.
    fn series_with_side_work(second: &str, body: &str, third: &str) -> Pool {
        let patch = |n: u32, title: &str, body: &str| {
            mail(
                &format!("p{n}@x"),
                &format!("[PATCH 0{n}/3] {title}"),
                JANE,
                Some("c@x"),
                body,
            )
        };
        Pool::new(
            [
                mail(
                    "c@x",
                    "[PATCH 0/3] mm: memory tagging for user space",
                    JANE,
                    None,
                    "Thanks.\n",
                ),
                patch(
                    1,
                    "Documentation/mm: add memory tagging documentation",
                    "This patch adds a document describing memory tagging for user space.\n\
                     ---\ndiff --git a/x b/x\n",
                ),
                patch(2, second, body),
                patch(3, third, "One.\n"),
            ],
            None,
        )
    }

    #[test]
    fn a_title_naming_only_kinds_of_work_is_led_with_where_they_are() {
        let subject = Subject::parse("[PATCH 0/2] slab: debugfs: Two fixes and a cleanup");
        assert_eq!(
            topic_with_its_area(&subject),
            "Two fixes and a cleanup in debugfs"
        );
        let named = Subject::parse("[PATCH 0/2] slab: Two fixes for the debugfs files");
        assert_eq!(
            topic_with_its_area(&named),
            "Two fixes for the debugfs files"
        );
    }

    #[test]
    fn a_posting_that_is_no_rfc_is_not_called_the_rfc() {
        let cover = |tag: &str, body: &str| {
            Pool::new(
                [mail(
                    "c@x",
                    &format!("[PATCH {tag}] frob: per-node frob caches"),
                    JANE,
                    None,
                    body,
                )],
                None,
            )
        };
        let stale = "This is the RFC for per-node free lists in the frob allocator, so that frees \
                     stay local.\n";
        let patch = entry_for(&cover("v7", stale), "c@x");
        assert!(!patch.summary.contains("RFC"), "{}", patch.summary);
        let named = "This RFC adds per-node free lists to the frob allocator so that frees stay \
                     local.\n";
        let v7 = entry_for(&cover("v7", named), "c@x");
        assert!(v7.summary.contains("free lists"), "{}", v7.summary);
        let ietf = "This series implements the RFC 8985 loss detection for frob sockets, which \
                    cuts tail latency.\n";
        let v3 = entry_for(&cover("v3", ietf), "c@x");
        assert!(v3.summary.contains("RFC 8985"), "{}", v3.summary);
    }

    #[test]
    fn a_later_versions_work_done_is_its_changelog() {
        let cover = |tag: &str| {
            Pool::new(
                [mail(
                    "c@x",
                    &format!("[PATCH {tag}] frob: rework the frob cache"),
                    JANE,
                    None,
                    "We have added a per-node free list to the frob cache so that frees stay \
                     local.\n",
                )],
                None,
            )
        };
        let later = entry_for(&cover("v3"), "c@x");
        assert!(!later.summary.contains("added"), "{}", later.summary);
        let first = entry_for(&cover("RFC"), "c@x");
        assert!(first.summary.contains("has added"), "{}", first.summary);
    }

    #[test]
    fn a_verb_that_names_side_work_is_no_side_work() {
        let test = Subject::parse("[PATCH 2/3] mm: test the young bit before clearing the PTE");
        assert!(!voice::is_side_work(&test));
        let tests = Subject::parse("[PATCH 3/3] mm: add tests for the young bit");
        assert!(voice::is_side_work(&tests));
    }

    #[test]
    fn the_titles_of_a_series_side_work_do_not_say_what_it_does() {
        let e = entry_for(
            &series_with_side_work(
                "mm: add a flag for memory tagging",
                "Two.\n",
                "selftests/mm: test tag faults",
            ),
            "c@x",
        );
        assert_eq!(
            e.summary,
            "Jane posted a series of 3 patches for memory tagging for user space. \
             The patchset adds a flag for memory tagging."
        );
    }

    #[test]
    fn a_series_whose_titles_past_its_own_are_side_work_is_told_by_none() {
        let e = entry_for(
            &series_with_side_work(
                "mm: memory tagging for user space",
                "Two.\n",
                "selftests/mm: add memory tagging tests",
            ),
            "c@x",
        );
        assert_eq!(
            e.summary,
            "Jane posted a series of 3 patches for memory tagging for user space."
        );
    }

    #[test]
    fn the_main_patch_of_a_series_is_no_side_work() {
        let e = entry_for(
            &series_with_side_work(
                "mm: check memory tags",
                "Tag checks fault with a signal for each tagged mapping.\n",
                "mm: tidy the fault path",
            ),
            "c@x",
        );
        assert_eq!(
            e.summary,
            "Jane posted a patchset for memory tagging for user space. Tag checks fault with a \
             signal for each tagged mapping."
        );
    }

    #[test]
    fn a_patch_that_only_adds_a_setting_is_not_the_main_patch() {
        let e = entry_for(
            &series_with_side_work(
                "mm: add a Kconfig option for memory tagging",
                "MEMORY_TAGGING gets enabled by default in the tests.\n",
                "mm: check memory tags",
            ),
            "c@x",
        );
        assert!(!e.summary.contains("MEMORY_TAGGING"), "{}", e.summary);
    }

    #[test]
    fn a_series_whose_patches_share_no_word_with_it_is_said_by_their_titles() {
        let pool = series_of(
            "zero copy for user block devices",
            "Thanks.\n",
            &[
                (
                    "io_uring/rw: move buffer selection out of the generic prep",
                    "Callers that might need a selected buffer get a prep function of their own.\n\
                     ---\ndiff --git a/x b/x\n",
                ),
                ("ublk: register kernel buffers", "Two.\n"),
            ],
        );
        let e = entry_for(&pool, "c@x");
        assert!(!e.summary.contains("prep function"), "{}", e.summary);
        assert!(
            e.summary.contains("registers kernel buffers"),
            "{}",
            e.summary
        );
    }

    #[test]
    fn a_later_version_s_work_done_that_names_its_title_s_work_is_no_changelog() {
        let cover = |body: &str| {
            Pool::new(
                [mail(
                    "c@x",
                    "[PATCH v2 0/1] frob sanitizer for hash kernels",
                    JANE,
                    None,
                    body,
                )],
                None,
            )
        };
        let work = entry_for(
            &cover("I've ported the frob sanitizer to 32-bit kernels on the hash MMU.\n"),
            "c@x",
        );
        assert!(
            work.summary.contains("Jane has ported the frob sanitizer"),
            "{}",
            work.summary
        );
        let change = entry_for(
            &cover("I have removed the early frob table from the setup code.\n"),
            "c@x",
        );
        assert!(!change.summary.contains("removed"), "{}", change.summary);
    }

    /// A cover letter `c@x` titled `title` and its patches, each a title
    /// and a body.
    fn series_of(title: &str, cover: &str, patches: &[(&str, &str)]) -> Pool {
        let n = patches.len();
        let mails = patches.iter().enumerate().map(|(i, (subject, body))| {
            mail(
                &format!("p{}@x", i + 1),
                &format!("[PATCH {}/{n}] {subject}", i + 1),
                JANE,
                Some("c@x"),
                body,
            )
        });
        let cover = mail("c@x", &format!("[PATCH 0/{n}] {title}"), JANE, None, cover);
        Pool::new(std::iter::once(cover).chain(mails), None)
    }

    fn series_with_cover(cover: &str) -> Pool {
        series_of(
            "blk-mq: shared quiesce",
            cover,
            &[
                ("blk-mq: move the SRCU struct to the tag set", "One.\n"),
                ("nvme: use the tag set wide quiesce", "One.\n"),
            ],
        )
    }

    #[test]
    fn how_things_stand_around_a_series_gives_way_to_its_patches_titles() {
        let e = entry_for(
            &series_with_cover(
                "All I/O submissions have fairly similar latencies on every hardware queue.\n",
            ),
            "c@x",
        );
        assert_eq!(
            e.summary,
            "Jane posted a series of 2 patches for shared quiesce. The patchset uses the tag set \
             wide quiesce and moves the SRCU struct to the tag set."
        );
    }

    #[test]
    fn what_a_series_answers_told_by_its_cover_stays() {
        let e = entry_for(
            &series_with_cover(
                "Currently every queue takes its own SRCU read lock on each dispatch.\n",
            ),
            "c@x",
        );
        assert!(e.summary.contains("Currently every queue"), "{}", e.summary);
    }

    #[test]
    fn what_a_series_does_told_by_its_cover_stays() {
        let e = entry_for(
            &series_with_cover(
                "Instead of one SRCU struct per queue, the series keeps one for the whole tag set.\n",
            ),
            "c@x",
        );
        assert!(
            e.summary.contains("keeps one for the whole tag set"),
            "{}",
            e.summary
        );
    }

    #[test]
    fn a_sentence_that_stands_needs_no_lead_and_is_kept_at_hand() {
        let e = entry_for(&series(), "c@x");
        assert_eq!(
            e.summary,
            "The third version of this patchset adds foo, so that reclaim can skip cold pages."
        );
        assert_eq!(
            e.excerpt,
            "This series adds foo, so that reclaim can skip cold pages."
        );
        assert_eq!(e.asked, None);
    }

    #[test]
    fn trailers_from_replies_are_collected() {
        assert_eq!(
            entry_for(&series(), "c@x").trailers.reviewed_by,
            ["Bob Roe"]
        );
    }

    #[test]
    fn a_reply_stays_the_entry_and_keeps_re_unless_it_is_the_root() {
        let pool = series();
        assert_eq!(
            entry_for(&pool, "r@x").subject,
            "Re: [PATCH v3 2/2] mm: two"
        );
        let lone = Pool::new(
            [mail("r@x", "Re: [TOPIC] x", BOB, Some("gone@x"), "Text.\n")],
            None,
        );
        assert_eq!(entry_for(&lone, "r@x").subject, "[TOPIC] x");
    }

    #[test]
    fn link_escapes_the_id_like_public_inbox() {
        let pool = Pool::new([mail("a/b+c=d@x", "x", JANE, None, "y\n")], None);
        assert_eq!(
            entry_for(&pool, "a/b+c=d@x").link,
            "https://lkml.kernel.org/r/a%2Fb+c=d@x"
        );
    }

    #[test]
    fn release_announcement_is_recognised_and_summarised() {
        let linus = ("Linus Torvalds", "torvalds@linux-foundation.org");
        let pool = Pool::new(
            [mail("l@x", "Linux 6.0-rc4", linus, None, "Another week.\n")],
            None,
        );
        let e = entry_for(&pool, "l@x");
        assert_eq!(e.kind, Kind::Release);
        assert_eq!(
            e.summary,
            "Another week. The fourth release candidate for Linux v6.0 has been released."
        );
        let quiet = Pool::new(
            [mail("l@x", "Linux 6.0-rc4", linus, None, "Go test.\n")],
            None,
        );
        assert_eq!(
            entry_for(&quiet, "l@x").summary,
            "The fourth release candidate for Linux v6.0 has been released."
        );
    }

    #[test]
    fn pull_request_summary_names_sender_and_target() {
        let pool = Pool::new(
            [mail(
                "g@x",
                "[GIT PULL] slab fix for 6.0-rc4",
                ("Vlastimil Babka", "v@suse.cz"),
                None,
                "Hi Linus,\n\nplease pull\n",
            )],
            None,
        );
        assert_eq!(
            entry_for(&pool, "g@x").summary,
            "Vlastimil sent a slab fix pull request to Linus for v6.0-rc4."
        );
    }

    #[test]
    fn releases_go_last_and_name_the_post() {
        let linus = ("Linus Torvalds", "torvalds@linux-foundation.org");
        let pool = Pool::new(
            [
                mail("l@x", "Linux 6.0-rc4", linus, None, ""),
                mail("c@x", "[RFC] idea", JANE, None, "Idea.\n"),
            ],
            None,
        );
        let entries = vec![entry_for(&pool, "l@x"), entry_for(&pool, "c@x")];
        let d = draft(entries, vec![], &options());
        assert_eq!(d.title, "LKML News v6.0-rc4");
        assert_eq!(d.entries[1].kind, Kind::Release);
    }

    #[test]
    fn without_a_release_the_title_is_the_date() {
        assert_eq!(
            draft(vec![], vec![], &options()).title,
            "LKML News 2022-09-04"
        );
    }
}
