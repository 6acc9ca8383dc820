//! Subject tags, read the way b4 reads them.
//!
//! `[PATCH v3 RESEND 02/12] mm/damon: foo` becomes revision 3, a resend,
//! patch 2 of 12, with `mm/damon` as a subsystem prefix and `foo` as the
//! title. Broken tags (`00/30] ...`, `[PATCHv2`) are read as far as they go.

use std::sync::LazyLock;

use regex::Regex;

/// What a subject line says about its mail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// `Re:` (or a localised form, or `Fwd:`) stood before the tags.
    pub is_reply: bool,
    /// `vN` (or `PATCHvN`); 1 when absent.
    pub revision: u32,
    /// `n/N`: this mail's position and the series length.
    pub counter: Option<(u32, u32)>,
    pub is_patch: bool,
    pub is_rfc: bool,
    pub is_resend: bool,
    /// `[REMINDER]`: an announcement sent again as its date nears.
    pub is_reminder: bool,
    pub is_pull: bool,
    pub is_topic: bool,
    /// Community business: a conference's call for topics, a topic
    /// proposed for it (`[LSF/MM/BPF TOPIC]`, `[MAINTAINERS SUMMIT]`), its
    /// schedule, slides, recordings, cancellation or invitation.
    pub is_event: bool,
    /// Where a topic is proposed, from its tag: `LSF/MM/BPF` for `[LSF/MM/BPF
    /// TOPIC]` or `[LSF/MM/BPF BOF idea]`, `Maintainers Summit`, `Kernel Summit`.
    pub venue: Option<&'static str>,
    /// A stable tree the patch is for: `6.6.y` in `[PATCH 6.6.y]`.
    pub stable_tree: Option<String>,
    /// The subject after tags, e.g. `mm/damon: foo`.
    pub title: String,
    /// What organisers announce about a gathering, where the subject says:
    /// `LSF/MM/BPF: 2020: Call for Proposals`, `[ANNOUNCE][CFP] Linux
    /// Security Summit 2021`, `LSFMMBPF 2020 Cancellation announcement`.
    pub announces: Option<Announcement>,
}

/// An announcement about a gathering, and the gathering as the subject
/// names it (`LSF/MM/BPF 2020`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    pub what: Announced,
    pub gathering: String,
}

/// What an announcement announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Announced {
    /// A call for proposals, topics, papers ... (`proposals` for `CFP`).
    CallFor(String),
    Cancellation,
    Agenda,
}

static CALL_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcall for (?:proposals|papers|topics|participation|presentations|speakers|sessions)\b")
        .unwrap()
});
/// A gathering of the community, as subjects name them.
static GATHERING: LazyLock<Regex> = LazyLock::new(|| {
    let kinds = gathering_kinds();
    Regex::new(&format!(
        r"(?i)\b(?:lsf(?:/mm)?(?:/bpf)?|lsfmm(?:bpf)?|plumbers|lpc|kernel recipes|bof|{kinds})\b"
    ))
    .unwrap()
});

/// The kinds of gathering ([`crate::prose::words::GATHERING_KINDS`]) as
/// alternatives of a regex.
fn gathering_kinds() -> String {
    crate::prose::words::GATHERING_KINDS.join("|")
}
/// What organisers announce about a gathering.
/// "cancelled", "canceled", "cancellation".
const CANCEL: &str = r"cancel(?:l?ed|lation)?";
static ANNOUNCEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:schedule|agenda|slides|recordings?|videos?|{CANCEL}|postponed?|invitations?|invites?|registration|status update|reminder|program committee|attend)\b"))
        .unwrap()
});
/// A gathering named by its kind ("Frob Summit", "the Frob Conference"),
/// not by initials ("LSF/MM/BPF").
static GATHERING_KIND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{})\b", gathering_kinds())).unwrap());

// Subjects are read for every mail of a week, so the tag readers below are
// written by hand: as regexes they were half the ranking's time. The tests
// hold each one against the regex it replaced.

/// Removes any run of `Re:`/`Fwd:` prefixes (also `AW:`, `SV:`, `VS:`,
/// `Antw:`, `Fw:`, and `Re[2]:`), with the white space around them.
pub fn strip_reply_prefixes(subject: &str) -> &str {
    let mut rest = subject;
    let mut stripped = None;
    while let Some(after) = reply_prefix(rest) {
        rest = after;
        stripped = Some(after);
    }
    stripped.unwrap_or(subject)
}

/// What follows one leading reply prefix (and the white space after it).
fn reply_prefix(text: &str) -> Option<&str> {
    let text = text.trim_start();
    let word_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let word = &text[..word_end];
    const WORDS: [&str; 7] = ["re", "aw", "sv", "vs", "antw", "fwd", "fw"];
    if !WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        return None;
    }
    let mut rest = text[word_end..].trim_start();
    // `Re[2]:`, as some clients count replies.
    if let Some(inner) = rest.strip_prefix('[') {
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        rest = inner[digits..].strip_prefix(']').filter(|_| digits > 0)?;
        rest = rest.trim_start();
    }
    Some(rest.strip_prefix(':')?.trim_start())
}

/// Whether `text` holds `tag`, ASCII letters in any case.
pub(crate) fn contains_ci(text: &str, tag: &str) -> bool {
    text.as_bytes()
        .windows(tag.len())
        .any(|w| w.eq_ignore_ascii_case(tag.as_bytes()))
}

/// `n/N`: a mail's position in its series and the series' length.
fn counter(word: &str) -> Option<(u32, u32)> {
    let (n, total) = word.split_once('/')?;
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().unwrap_or(0))
    };
    Some((number(n)?, number(total)?))
}

/// `v3`, `v13b`, `PATCHv2`, `RFCv2`, `PATCHSETv4`: the series revision.
fn revision(word: &str) -> Option<u32> {
    ["", "patch", "rfc", "patchset"].iter().find_map(|glued| {
        let rest = word
            .get(..glued.len())
            .filter(|head| head.eq_ignore_ascii_case(glued))
            .map(|_| &word[glued.len()..])?;
        let digits = rest.strip_prefix(['v', 'V'])?;
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        let suffix = &digits[end..];
        let one_letter =
            suffix.is_empty() || suffix.len() == 1 && suffix.as_bytes()[0].is_ascii_alphabetic();
        (end > 0 && one_letter).then(|| digits[..end].parse().unwrap_or(1))
    })
}

/// A title that announces something about a gathering: `LSF/MM/BPF 2021
/// is cancelled`, `Maintainers Summit schedule`.
fn is_gathering_news(title: &str) -> bool {
    // Cheap tests first: this runs for every subject of a week.
    let lower = title.to_ascii_lowercase();
    [
        "lsf",
        "summit",
        "plumbers",
        "lpc",
        "conference",
        "workshop",
        "recipes",
        "bof",
    ]
    .iter()
    .any(|w| lower.contains(w))
        && GATHERING.is_match(title)
        && ANNOUNCEMENT.is_match(title)
}

/// Tags that mark an announcement, not what it is about.
const ANNOUNCEMENT_TAGS: &[&str] = &["ANNOUNCE", "ANNOUNCEMENT", "CFP", "REMINDER"];

static CANCELLATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{CANCEL}(?: announcement)?\b")).unwrap());
static CFP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\(?\bCFP\b\)?").unwrap());
/// "Frob Summit 2031", "LSF/MM/BPF 2031", "the Frob Summit Europe 2031": a
/// gathering's name is of capitals and numbers.
static GATHERING_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Tt]he )?[A-Z0-9]\S*(?: (?:(?:at|of|in|on|and|for|the|-|&) )*[A-Z0-9]\S*)*$")
        .unwrap()
});

impl Announcement {
    /// Whether the gathering is named by its kind ("the Frob Summit"),
    /// which English gives an article, not by initials ("LSF/MM/BPF").
    pub fn is_named_by_its_kind(&self) -> bool {
        GATHERING_KIND.is_match(&self.gathering)
    }
}

/// What a gathering's announcement announces, from its tags and title,
/// and the gathering it names (in the title, else in a tag that is no
/// marker: `[LSFMMBPF 2031] Cancellation`); `None` where no gathering is
/// named in a few words, or the title announces more ("CFP deadline
/// extended", "hotel block cancelled"). A status update's news is its
/// text: no lead says more.
fn announcement(tags: &str, title: &str) -> Option<Announcement> {
    let (what, rest) = if let Some(call) = CALL_FOR.find(title) {
        let noun = call.as_str().rsplit(' ').next().unwrap_or("proposals");
        (
            Announced::CallFor(noun.to_lowercase()),
            format!("{} {}", &title[..call.start()], &title[call.end()..]),
        )
    } else if CFP.is_match(title) || CFP.is_match(tags) {
        (
            Announced::CallFor("proposals".to_string()),
            CFP.replace_all(title, " ").into_owned(),
        )
    } else if let Some(cancel) = CANCELLATION.find(title) {
        (
            Announced::Cancellation,
            format!("{} {}", &title[..cancel.start()], &title[cancel.end()..]),
        )
    } else if let Some(rest) = title
        .strip_prefix("Agenda for ")
        .or_else(|| title.strip_prefix("agenda for "))
    {
        (Announced::Agenda, rest.to_string())
    } else {
        return None;
    };
    // "LSF/MM/BPF: 2020: " -> "LSF/MM/BPF 2020".
    let named = |text: &str| {
        text.replace(':', " ")
            .split_whitespace()
            // "ANNOUNCE/CFP" marks; "LSF/MM/BPF" names.
            .filter(|w| {
                !w.trim_matches(['(', ')'])
                    .split('/')
                    .all(|part| ANNOUNCEMENT_TAGS.contains(&part.to_ascii_uppercase().as_str()))
            })
            .collect::<Vec<_>>()
            .join(" ")
            .trim_matches(|c: char| matches!(c, '-' | ',' | '.' | ' '))
            .trim_start_matches("for ")
            .to_string()
    };
    let mut gathering = named(&rest);
    if gathering.is_empty() {
        gathering = tags
            .split(['[', ']'])
            .map(named)
            .find(|group| !group.is_empty())
            .unwrap_or_default();
    }
    (GATHERING.is_match(&gathering)
        && GATHERING_NAME.is_match(&gathering)
        && !ANNOUNCEMENT.is_match(&gathering)
        && gathering.split_whitespace().count() <= 6)
        .then_some(Announcement { what, gathering })
}

/// `6.6.y`, `5.15.y`, `6.1`, `5.10.180`: a stable tree or release, as
/// backport requests tag themselves.
fn is_stable_tree(word: &str) -> bool {
    let word = word.strip_suffix(".y").unwrap_or(word);
    let parts: Vec<&str> = word.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

impl Subject {
    pub fn parse(subject: &str) -> Subject {
        let stripped = strip_reply_prefixes(subject);
        let mut parsed = Subject {
            is_reply: stripped.len() != subject.len(),
            revision: 1,
            ..Subject::default()
        };
        let mut rest = stripped.trim_start();
        // `00/30] title`: a tag group that lost its opening bracket.
        if !rest.starts_with('[')
            && let Some(end) = rest.find(']')
            && rest[..end].split_whitespace().any(|w| counter(w).is_some())
        {
            parsed.read_group(&rest[..end]);
            rest = rest[end + 1..].trim_start();
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']').unwrap_or(inner.len());
            parsed.read_group(&inner[..end]);
            rest = inner.get(end + 1..).unwrap_or("").trim_start();
            // `[PATCH] Re: foo` is still a reply.
            let again = strip_reply_prefixes(rest);
            if again.len() != rest.len() {
                parsed.is_reply = true;
                rest = again;
            }
        }
        // The tags as one text: `[LSF/MM][TOPIC]` names its venue across two.
        let tags = &stripped[..stripped.len() - rest.len()];
        parsed.venue = venue_proposed_at(&tags.to_ascii_uppercase());
        let rest = rest.trim();
        // "REMINDER: LSF/MM/BPF: Call for Proposals": a tag written as a
        // prefix.
        parsed.title = match rest.get(..9) {
            Some(tag) if tag.eq_ignore_ascii_case("REMINDER:") => {
                parsed.is_reminder = true;
                rest[9..].trim_start().to_string()
            }
            _ => rest.to_string(),
        };
        parsed.read_trailing_revision();
        if !parsed.is_reply
            && (contains_ci(&parsed.title, "call for") && CALL_FOR.is_match(&parsed.title)
                || is_gathering_news(&parsed.title)
                // "REMINDER: LSF/MM/BPF 2031 CFP": its tag said what it is.
                || parsed.is_reminder && GATHERING.is_match(&parsed.title))
        {
            parsed.is_event = true;
        }
        if parsed.is_event && parsed.venue.is_none() {
            parsed.announces = announcement(tags, &parsed.title);
        }
        parsed
    }

    /// `fix queue freeze and limit locking order v2`: some authors name the
    /// revision after the title, with no tag for it. `update to v2` names
    /// what it updates to, and a pull request's `for v6` its release.
    fn read_trailing_revision(&mut self) {
        if self.revision != 1 || self.is_pull {
            return;
        }
        let title = self.title.trim_end();
        // "DRM resource management cgroup, try 2.", "foo (take 3)".
        let bare = title.trim_end_matches(['.', ')']);
        if let Some((head, n)) = bare.rsplit_once(' ')
            && let Ok(n) = n.parse::<u32>()
            && let Some(head) = [", try", ", take", " (try", " (take"]
                .iter()
                .find_map(|word| head.strip_suffix(word))
            && (2..=99).contains(&n)
        {
            self.revision = n;
            self.title = head.trim_end().to_string();
            return;
        }
        let Some((head, last)) = title.rsplit_once(' ') else {
            return;
        };
        let last = last.trim_start_matches('(').trim_end_matches(')');
        let Some(n) =
            revision(last).filter(|&n| (2..=99).contains(&n) && last.starts_with(['v', 'V']))
        else {
            return;
        };
        let before = head.rsplit(' ').next().unwrap_or("").to_lowercase();
        // "... to v2", and "cgroup v2", the kernel's name for the second
        // cgroup hierarchy, not a revision.
        if [
            "to", "for", "in", "on", "from", "since", "into", "until", "of", "cgroup", "cgroups",
        ]
        .contains(&before.as_str())
        {
            return;
        }
        self.revision = n;
        self.title = head.trim_end().to_string();
    }

    fn read_group(&mut self, group: &str) {
        // `-V6`, `v6-RESEND`, `(v6)`: the tags are words of a group, however
        // they are joined or bracketed.
        let words = group
            .split_whitespace()
            .flat_map(|word| word.trim_matches(['(', ')', ',']).split('-'))
            .filter(|word| !word.is_empty());
        for word in words {
            if let Some(counter) = counter(word) {
                self.counter = Some(counter);
                continue;
            }
            if is_stable_tree(word) {
                self.stable_tree = Some(word.to_string());
                continue;
            }
            if let Some(revision) = revision(word) {
                self.revision = revision.max(1);
            }
            let is = |tag: &str| word.eq_ignore_ascii_case(tag);
            let starts = |tag: &str| {
                word.get(..tag.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(tag))
            };
            if starts("PATCH") {
                self.is_patch = true;
            }
            if starts("RFC") || is("WIP") {
                self.is_rfc = true;
            }
            if is("RESEND") {
                self.is_resend = true;
            }
            if is("REMINDER") {
                self.is_reminder = true;
            }
            if is("PULL") || is("GIT") && contains_ci(group, "PULL") {
                self.is_pull = true;
            }
            // A session proposed for a venue: `[LSF/MM/BPF TOPIC]`, `[LSF/MM/BPF BOF idea]`.
            if contains_ci(word, "TOPIC") || is("BOF") {
                self.is_topic = true;
            }
        }
        // A venue in the tags (`[LSF/MM/BPF TOPIC]`, `[MAINTAINERS
        // SUMMIT]`, `[TECH TOPIC]`, `[CFP]`) makes it community business.
        // Whole words: `[PATCH RFC Zisslpcfi 05/20]` names no LPC.
        let upper = group.to_ascii_uppercase();
        let words: Vec<&str> = upper
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let venue = words
            .iter()
            .any(|w| w.starts_with("LSF") || ["SUMMIT", "LPC", "PLUMBERS", "CFP"].contains(w))
            || words
                .windows(2)
                .any(|pair| matches!(pair, ["TECH" | "KS", "TOPIC"]));
        if venue {
            self.is_event = true;
        }
    }

    /// The title's subsystem prefixes, as one rule reads them everywhere:
    /// `mm: memcontrol: fix` -> `mm`, `memcontrol`; `mm/damon/sysfs: x` ->
    /// `mm/damon/sysfs`; `mm, security, bpf: x` -> `mm`, `security`, `bpf`;
    /// `smaps / mm/gup: x` -> `smaps`, `mm/gup`.
    pub fn prefixes(&self) -> Vec<&str> {
        let mut prefixes = Vec::new();
        let mut rest = self.title.as_str();
        while let Some((head, tail)) = split_prefix(rest) {
            prefixes.extend(prefix_words(head));
            rest = tail;
        }
        prefixes
    }

    /// The title after its subsystem prefixes: `mm: oom: introduce cpuset
    /// oom` -> `introduce cpuset oom`.
    pub fn topic(&self) -> &str {
        topic_of(&self.title)
    }

    /// No tag says what the mail is: no patch, RFC, pull request, topic,
    /// event or stable tree, and no number in a series.
    pub fn has_no_kind(&self) -> bool {
        !(self.is_reply
            || self.is_patch
            || self.is_rfc
            || self.is_pull
            || self.is_topic
            || self.is_event
            || self.stable_tree.is_some()
            || self.counter.is_some())
    }

    /// The series' cover letter is patch 0.
    pub fn is_cover_letter(&self) -> bool {
        matches!(self.counter, Some((0, _)))
    }

    /// The number of patches the series announces (1 for a lone patch).
    pub fn series_length(&self) -> u32 {
        match self.counter {
            Some((_, total)) => total,
            None => u32::from(self.is_patch),
        }
    }
}

/// The venue a tag group in capitals proposes a session for.
fn venue_proposed_at(upper: &str) -> Option<&'static str> {
    if upper.contains("MAINTAINERS SUMMIT") || upper.contains("MAINTAINER SUMMIT") {
        Some("Maintainers Summit")
    } else if !upper.contains("TOPIC") && !upper.contains(" BOF") {
        None
    } else if upper.contains("LSF") {
        Some("LSF/MM/BPF")
    } else if upper.contains("TECH TOPIC")
        || upper.contains("KS TOPIC")
        || upper.contains("KERNEL SUMMIT")
    {
        Some("Kernel Summit")
    } else if upper.contains("LPC") || upper.contains("PLUMBERS") {
        Some("Linux Plumbers")
    } else {
        None
    }
}

/// The words of one prefix: `mm, security` and `smaps / mm/gup` name two.
fn prefix_words(head: &str) -> impl Iterator<Item = &str> {
    head.split([','])
        .flat_map(|w| w.split(" / "))
        .map(str::trim)
}

/// A title after its subsystem prefixes, as [`Subject::topic`] reads it.
pub fn topic_of(title: &str) -> &str {
    let mut rest = title;
    // "New topic (was: Re: old topic)": the thread's old name goes.
    let lower = rest.to_ascii_lowercase();
    if let Some(at) = lower.find(" (was").or_else(|| lower.find(" [was")) {
        rest = rest[..at].trim_end();
    }
    while let Some((_, tail)) = split_prefix(rest) {
        rest = tail;
    }
    rest
}

/// A title's first subsystem prefix and what follows it: a head of
/// words of at most 40 characters each, before a colon and a space, or
/// before a colon glued to the next word when the head is one word of a
/// path's letters (`mm:add`), or of two such words before an order in
/// sentence case (`numa balancing: Migrate on fault`).
fn split_prefix(title: &str) -> Option<(&str, &str)> {
    let (head, tail) = title.split_once(':')?;
    let path_letters = |word: &str| {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"/_-".contains(&b))
    };
    let glued = !tail.starts_with(' ')
        && tail.starts_with(|c: char| c.is_ascii_alphabetic())
        && path_letters(head);
    let plausible = (tail.starts_with(' ') || glued)
        && prefix_words(head)
            .all(|w| !w.is_empty() && w.len() <= 40 && !w.contains(char::is_whitespace));
    let named_area = || {
        let order = tail.split_whitespace().next().unwrap_or("");
        tail.starts_with(' ')
            && head.split(' ').count() == 2
            && head.split(' ').all(path_letters)
            && order.starts_with(|c: char| c.is_ascii_uppercase())
            && crate::prose::lexicon::is_imperative(&order.to_lowercase())
    };
    (plausible || named_area()).then(|| (head, tail.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn announces(subject: &str) -> Option<(Announced, String)> {
        Subject::parse(subject)
            .announces
            .map(|a| (a.what, a.gathering))
    }

    #[test]
    fn a_call_for_proposals_names_its_gathering() {
        assert_eq!(
            announces("Frob Summit: 2031: Call for Topics"),
            Some((
                Announced::CallFor("topics".into()),
                "Frob Summit 2031".into()
            ))
        );
        assert_eq!(
            announces("[ANNOUNCE][CFP] Linux Frob Conference 2031"),
            Some((
                Announced::CallFor("proposals".into()),
                "Linux Frob Conference 2031".into()
            ))
        );
    }

    #[test]
    fn a_cancellation_or_agenda_names_its_gathering() {
        assert_eq!(
            announces("Frob Summit 2031 Cancellation announcement"),
            Some((Announced::Cancellation, "Frob Summit 2031".into()))
        );
        assert_eq!(
            announces("[Frob Summit 2031] Cancellation"),
            Some((Announced::Cancellation, "Frob Summit 2031".into()))
        );
        assert_eq!(
            announces("Agenda for the Frob Workshop 2031"),
            Some((Announced::Agenda, "the Frob Workshop 2031".into()))
        );
    }

    #[test]
    fn an_announcement_of_more_than_its_call_or_cancellation_announces_nothing_said() {
        for subject in [
            "[CFP] Frob Summit 2031 postponed",
            "[CFP] Frob Summit 2031 deadline extended",
            "Reminder: LSF/MM/BPF 2031 CFP closes Friday",
            "Frob Summit 2031: hotel block cancelled",
        ] {
            assert_eq!(announces(subject), None, "{subject}");
        }
    }

    #[test]
    fn a_reminder_of_a_gathering_is_an_event() {
        assert!(Subject::parse("REMINDER: LSF/MM/BPF 2031 CFP").is_event);
    }

    #[test]
    fn a_gatherings_name_may_link_its_capitals() {
        assert_eq!(
            announces("Call for Proposals: Frob Microconference at LPC 2031"),
            Some((
                Announced::CallFor("proposals".into()),
                "Frob Microconference at LPC 2031".into()
            ))
        );
    }

    #[test]
    fn a_cfp_in_brackets_is_a_marker() {
        assert_eq!(
            announces("Frob Summit 2031 Call for Proposals (CFP)"),
            Some((
                Announced::CallFor("proposals".into()),
                "Frob Summit 2031".into()
            ))
        );
    }

    #[test]
    fn a_reminder_written_as_a_prefix_is_a_tag() {
        let s = Subject::parse("REMINDER: LSF/MM/BPF: 2031: Call for Proposals");
        assert!(s.is_reminder);
        assert_eq!(s.title, "LSF/MM/BPF: 2031: Call for Proposals");
    }

    #[test]
    fn an_announcement_of_no_gathering_in_a_few_words_announces_nothing_said() {
        assert_eq!(
            announces(
                "[ANNOUNCE/CFP] Frob track at the Plumbers Conference 2031 CFP postponed until May"
            ),
            None
        );
    }

    #[test]
    fn a_revision_after_the_title_is_read_as_a_tag() {
        let s = Subject::parse("fix queue freeze and limit locking order v2");
        assert_eq!(
            (s.revision, s.title.as_str()),
            (2, "fix queue freeze and limit locking order")
        );
        let s = Subject::parse("[PATCH 0/3] zram: cleanups (v3)");
        assert_eq!((s.revision, s.title.as_str()), (3, "zram: cleanups"));
        let s = Subject::parse("[RFC PATCH 0/6] DRM resource management cgroup, try 2.");
        assert_eq!(
            (s.revision, s.title.as_str()),
            (2, "DRM resource management cgroup")
        );
        let s = Subject::parse("[PATCH] mm: faster reclaim (take 3)");
        assert_eq!((s.revision, s.title.as_str()), (3, "mm: faster reclaim"));
        for kept in [
            "mm: update the ABI to v2",
            "[PATCH] hugetlb controller for cgroups v2",
            "[PATCH v4] x v2",
            "[GIT PULL] fixes v2",
        ] {
            assert_eq!(
                Subject::parse(kept).title,
                Subject::parse(kept).title.trim()
            );
            assert!(Subject::parse(kept).title.ends_with("v2"), "{kept}");
        }
    }

    #[test]
    fn subsystem_prefixes_are_each_word_before_a_colon() {
        let s = Subject::parse("[PATCH] mm: memcontrol: fix a leak");
        assert_eq!(s.prefixes(), ["mm", "memcontrol"]);
        assert!(Subject::parse("Re: what about: this").prefixes().is_empty());
        let area = Subject::parse("[PATCH -V7 0/3] numa balancing: Migrate on fault among nodes");
        assert_eq!(area.prefixes(), ["numa balancing"]);
        assert_eq!(area.topic(), "Migrate on fault among nodes");
        assert!(Subject::parse("what about: This").prefixes().is_empty());
        let listed = Subject::parse("[PATCH] mm, security, bpf: Fine-grained control");
        assert_eq!(listed.prefixes(), ["mm", "security", "bpf"]);
        assert_eq!(listed.topic(), "Fine-grained control");
    }

    #[test]
    fn a_stable_tree_tag_names_the_tree() {
        let s = Subject::parse("[PATCH 6.6.y] mm: ratelimit stat flush");
        assert_eq!(s.stable_tree.as_deref(), Some("6.6.y"));
        assert_eq!(Subject::parse("[PATCH v2 1/3] mm: x").stable_tree, None);
    }

    #[test]
    fn revision_resend_and_counter() {
        let s = Subject::parse("[PATCH v3 RESEND 02/12] mm/damon: foo");
        assert_eq!(
            (s.revision, s.is_resend, s.counter),
            (3, true, Some((2, 12)))
        );
        assert_eq!(s.title, "mm/damon: foo");
        assert_eq!(s.prefixes(), ["mm/damon"]);
    }

    #[test]
    fn every_form_kernel_subjects_write_a_revision_in_gives_it() {
        for (subject, resend) in [
            ("[PATCH v6 0/3] mm: foo", false),
            ("[PATCH V6 0/3] mm: foo", false),
            ("[PATCH -v6 0/3] mm: foo", false),
            ("[PATCH -V6 0/3] mm: foo", false),
            ("[PATCHv6 0/3] mm: foo", false),
            ("[PATCH v6 RESEND 0/3] mm: foo", true),
            ("[RESEND v6 0/3] mm: foo", true),
            ("[PATCH v6-RESEND 0/3] mm: foo", true),
            ("[PATCH (v6) 0/3] mm: foo", false),
            ("[PATCH 0/3] mm: foo (v6)", false),
            ("[PATCH 0/3] mm: foo v6", false),
        ] {
            let s = Subject::parse(subject);
            assert_eq!(
                (s.revision, s.is_resend, s.title.as_str()),
                (6, resend, "mm: foo"),
                "{subject}"
            );
        }
    }

    #[test]
    fn revision_glued_to_patch() {
        assert_eq!(Subject::parse("[PATCHv2] x").revision, 2);
        assert_eq!(Subject::parse("[PATCH v13b 00/18] x").revision, 13);
    }

    #[test]
    fn separate_rfc_group() {
        let s = Subject::parse("[RFC][PATCH v2 0/5] sched: User Managed Concurrency Groups");
        assert!(s.is_rfc && s.is_patch && s.is_cover_letter());
        assert_eq!((s.revision, s.series_length()), (2, 5));
    }

    #[test]
    fn rfc_after_patch() {
        let s = Subject::parse("[PATCH RFC 0/2] mTHP-friendly compression");
        assert!(s.is_rfc && s.is_patch);
    }

    #[test]
    fn pull_request() {
        assert!(Subject::parse("[GIT PULL] slab fix for 6.0-rc4").is_pull);
        assert!(!Subject::parse("[PATCH] mm: pull in less").is_pull);
    }

    #[test]
    fn community_business_is_an_event() {
        for subject in [
            "[LSF/MM/BPF TOPIC] SRCU",
            "[LSFMMBPF 2021] A status update",
            "[TECH TOPIC] Reaching consensus",
            "[MAINTAINERS SUMMIT] Rust in the kernel",
            "LSF/MM/BPF: 2020: Call for Proposals",
            "Linux Plumbers Conference 2024 schedule is out",
            "LSF/MM/BPF 2020 is cancelled",
        ] {
            assert!(Subject::parse(subject).is_event, "{subject}");
        }
        for subject in [
            "[PATCH] mm: schedule work on the right cpu",
            "Re: [LSF/MM/BPF TOPIC] SRCU",
            "[TOPIC] What to do about folios",
            "[PATCH v1 RFC Zisslpcfi 05/20] mmap: add a protection",
        ] {
            assert!(
                !Subject::parse(subject).is_event || Subject::parse(subject).is_reply,
                "{subject}"
            );
        }
        assert!(Subject::parse("[TOPIC] What to do about folios").is_topic);
    }

    #[test]
    fn a_prefix_without_a_space_after_its_colon_is_a_prefix() {
        assert_eq!(
            Subject::parse("[PATCH] mm/damon:add a knob").topic(),
            "add a knob"
        );
        assert_eq!(
            Subject::parse("[PATCH] Ratio:1 Tuning").topic(),
            "Ratio:1 Tuning"
        );
    }

    #[test]
    fn prefixes_joined_by_a_slash_between_spaces_are_prefixes() {
        let s = Subject::parse("[PATCH v3 0/7] smaps / mm/gup: fix a fallout");
        assert_eq!(s.prefixes(), ["smaps", "mm/gup"]);
        assert_eq!(s.topic(), "fix a fallout");
    }

    #[test]
    fn a_bof_proposal_is_a_topic() {
        let s = Subject::parse("[LSF/MM/BPF BOF idea] Tiered memory BOF");
        assert!(s.is_topic && s.is_event);
        assert_eq!(s.venue, Some("LSF/MM/BPF"));
    }

    #[test]
    fn a_venue_is_read_across_tag_groups() {
        let s = Subject::parse("[LSF/MM][TOPIC] Page cache limits");
        assert_eq!(s.venue, Some("LSF/MM/BPF"));
        assert_eq!(Subject::parse("[PATCH] mm: a topic").venue, None);
    }

    #[test]
    fn a_topic_drops_the_threads_old_name() {
        let s = Subject::parse("READ_ONCE() and stack protectors (was Re: [GIT PULL] powerpc)");
        assert_eq!(s.topic(), "READ_ONCE() and stack protectors");
        let s = Subject::parse("[MAINTAINER SUMMIT] Are we too slow? [was Re: [TECH TOPIC] Frob]");
        assert_eq!(s.topic(), "Are we too slow?");
    }

    #[test]
    fn a_maintainer_summit_tag_is_the_maintainers_summit() {
        let s = Subject::parse("[MAINTAINER SUMMIT] Are we too slow?");
        assert_eq!(s.venue, Some("Maintainers Summit"));
    }

    #[test]
    fn a_title_whose_lower_case_is_longer_does_not_panic() {
        let s = Subject::parse("\u{212B}ngstr\u{f6}m units (was Re: old)");
        assert_eq!(s.topic(), "\u{212B}ngstr\u{f6}m units");
    }

    #[test]
    fn stable_branch_tag_is_not_a_revision() {
        let s = Subject::parse("[PATCH 6.6.y] mm: ratelimit stat flush");
        assert_eq!((s.revision, s.is_patch, s.series_length()), (1, true, 1));
    }

    #[test]
    fn replies_are_marked() {
        assert!(Subject::parse("Re: [PATCH 1/2] x").is_reply);
        assert!(Subject::parse("RE: Re: AW: x").is_reply);
        assert!(!Subject::parse("Reclaim: x").is_reply);
    }

    #[test]
    fn broken_tags_do_not_panic() {
        let s = Subject::parse("00/30] Code tagging");
        assert_eq!(s.counter, Some((0, 30)));
        assert_eq!(s.title, "Code tagging");
        for raw in ["[", "]", "[[[", "[PATCH", "[PATCH 99999999999/1] x", "é[ü]"] {
            Subject::parse(raw);
        }
    }

    /// The regexes the hand-written readers replaced, as their oracle.
    mod oracle {
        use regex::Regex;
        use std::sync::LazyLock;

        pub static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*(?:(?:re|aw|sv|vs|antw|fwd?|fw)\s*(?:\[\d+\])?\s*:\s*)+").unwrap()
        });
        pub static COUNTER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(\d+)/(\d+)$").unwrap());
        pub static VERSION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"(?i)^(?:patch|rfc|patchset)?v(\d+)[a-z]?$").unwrap());
    }

    proptest::proptest! {
        #[test]
        fn reply_prefixes_are_stripped_as_the_regex_stripped_them(
            subject in r"(?:[ \t]?(?:re|RE|Aw|sV|vs|antw|Fwd|fw|fwdd|reply|x)[ \t]?(?:\[[0-9x]{0,2}\]?)?[ \t\u{a0}]?:?[ \t]?){0,4}[ -~é]{0,8}"
        ) {
            let expected = oracle::REPLY_PREFIX
                .find(&subject)
                .map_or(subject.as_str(), |m| &subject[m.end()..]);
            proptest::prop_assert_eq!(strip_reply_prefixes(&subject), expected);
        }

        #[test]
        fn counters_and_versions_are_read_as_the_regexes_read_them(
            word in proptest::prop_oneof![
                r"[0-9]{0,12}/?[0-9]{0,12}[x/]?",
                r"(?:patch|PATCH|rfc|RFC|patchset|PatchSet|patchse|p|é)?[vV]?[0-9]{0,12}[a-zA-Zé]?[0-9a-z]?",
            ]
        ) {
            let expected = oracle::COUNTER
                .captures(&word)
                .map(|c| (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0)));
            proptest::prop_assert_eq!(counter(&word), expected);
            let expected = oracle::VERSION
                .captures(&word)
                .map(|c| c[1].parse().unwrap_or(1));
            proptest::prop_assert_eq!(revision(&word), expected);
        }
    }
}
