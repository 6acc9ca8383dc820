//! What makes postings one series, and how two postings of it relate: one
//! rule for the ranking of the mail read, the pre-rank of a search listing
//! and the history of earlier posts.
//!
//! Postings are of one series when their titles agree, tags and case
//! aside, and either the title is long enough to name one piece of work
//! ([`NAMING_WORDS`]) or one sender sent both. Mail shows the sender's
//! address; a search listing and an editor's entry show only a name. Where
//! either side lacks the address, the names decide: a short title sent
//! under two spellings of one name is then two series.
//!
//! Of one series, a posting of the same revision and kind (patch, RFC,
//! topic) within [`RESEND_WITHIN`] is a resend; any other is a new
//! revision. The patches of one sending go out within [`SENDING_SPREAD`]
//! of the first.

use chrono::{DateTime, TimeDelta, TimeZone};

use super::Subject;

/// The patches of one unthreaded sending go out within this time of the
/// first.
pub const SENDING_SPREAD: TimeDelta = TimeDelta::minutes(30);

/// A posting of the same revision as an earlier one is its resend when it
/// comes within this time of it; later, it is a series begun anew whose
/// numbering met the old one's.
pub const RESEND_WITHIN: TimeDelta = TimeDelta::days(90);

/// A title of this many words names one piece of work, whoever sends it (a
/// series a colleague takes over keeps its title); a shorter one ("mm: fix
/// a typo") is one series only from one sender.
pub const NAMING_WORDS: usize = 4;

/// Whether a patch sent at `at` is of the sending whose first went at
/// `first`.
pub fn same_sending<Tz: TimeZone>(at: DateTime<Tz>, first: DateTime<Tz>) -> bool {
    (at - first).abs() <= SENDING_SPREAD
}

/// A title as revisions and replies of one series share it: lower case,
/// runs of white space as one space.
pub fn normalized_title(title: &str) -> String {
    title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Who sent a posting, as far as its source shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sender<'a> {
    pub address: Option<&'a str>,
    pub name: Option<&'a str>,
}

impl<'a> Sender<'a> {
    /// A mail's sender: its address, and its name where it has one.
    pub fn mail(address: &'a str, name: &'a str) -> Sender<'a> {
        Sender {
            address: Some(address).filter(|a| !a.trim().is_empty()),
            name: Some(name).filter(|n| !n.trim().is_empty()),
        }
    }

    /// A sender known by name only: a listing's, an editor's entry's.
    pub fn named(name: &'a str) -> Sender<'a> {
        Sender {
            address: None,
            name: Some(name).filter(|n| !n.trim().is_empty()),
        }
    }

    /// Whether both are one person: by address where both show one, else
    /// by name, case and spacing aside. Unknown on either side is not one.
    pub fn is(&self, other: &Sender) -> bool {
        if let (Some(a), Some(b)) = (self.address, other.address) {
            return a.trim().eq_ignore_ascii_case(b.trim());
        }
        match (self.name, other.name) {
            (Some(a), Some(b)) => normalized_title(a) == normalized_title(b),
            _ => false,
        }
    }

    /// What [`Posting::series_key`] knows the sender by: the address where
    /// there is one, else the name.
    fn key(&self) -> String {
        match (self.address, self.name) {
            (Some(address), _) => address.trim().to_lowercase(),
            (None, Some(name)) => normalized_title(name),
            (None, None) => String::new(),
        }
    }
}

/// Of what kind a posting is: revisions of one kind follow each other,
/// while an RFC's title kept by its first patch series is no resend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostingKind {
    Patch,
    Rfc,
    Topic,
    Other,
}

impl PostingKind {
    pub fn of(subject: &Subject) -> PostingKind {
        if subject.is_topic || subject.is_event {
            PostingKind::Topic
        } else if subject.is_rfc {
            PostingKind::Rfc
        } else if subject.is_patch {
            PostingKind::Patch
        } else {
            PostingKind::Other
        }
    }
}

/// How a posting relates to an earlier one of its series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same revision and kind again.
    Resend,
    /// Another revision, the work posted as another kind, or a reminder
    /// of an announcement.
    Revision,
}

/// A posting as the series rule sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting<'a> {
    pub sender: Sender<'a>,
    /// [`normalized_title`] of the subject's title.
    pub title: String,
    pub revision: u32,
    pub kind: PostingKind,
    /// `[REMINDER]` of an announcement.
    pub reminder: bool,
}

impl<'a> Posting<'a> {
    pub fn new(subject: &Subject, sender: Sender<'a>) -> Posting<'a> {
        Posting {
            sender,
            title: normalized_title(&subject.title),
            revision: subject.revision,
            kind: PostingKind::of(subject),
            reminder: subject.is_reminder,
        }
    }

    /// Whether its title names one piece of work, whoever sends it.
    pub fn names_its_work(&self) -> bool {
        self.title.split_whitespace().count() >= NAMING_WORDS
    }

    /// Whether `self` and `other` are postings of one series.
    pub fn is_same_series(&self, other: &Posting) -> bool {
        !self.title.is_empty()
            && self.title == other.title
            && (self.names_its_work() || self.sender.is(&other.sender))
    }

    /// What postings of one series share, for grouping many: the title,
    /// and for a short title the sender. Postings from one source (all
    /// with addresses, or all by name) with equal keys are
    /// [`Posting::is_same_series`].
    pub fn series_key(&self) -> String {
        if self.names_its_work() {
            self.title.clone()
        } else {
            format!("{}\n{}", self.sender.key(), self.title)
        }
    }

    /// How `self` relates to `earlier`, a posting of its series `apart`
    /// before it (unknown: `None`).
    pub fn relation_to(&self, earlier: &Posting, apart: Option<TimeDelta>) -> Relation {
        let soon = apart.is_none_or(|t| t <= RESEND_WITHIN);
        // Organisers remind of a call as its deadline nears: news again,
        // where a patch sent again is not.
        let reminded = self.reminder && !earlier.reminder && self.kind == PostingKind::Topic;
        if self.revision == earlier.revision && self.kind == earlier.kind && soon && !reminded {
            Relation::Resend
        } else {
            Relation::Revision
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting<'a>(subject: &str, sender: Sender<'a>) -> Posting<'a> {
        Posting::new(&Subject::parse(subject), sender)
    }

    const LONG: &str = "mm: make page reclaim fair again";

    #[test]
    fn a_reminder_of_a_call_is_news_again_and_a_resent_patch_is_not() {
        let sender = || Sender::named("Jo Organiser");
        let call = posting("LSF/MM/BPF: 2030: Call for Proposals", sender());
        let reminder = posting("[REMINDER] LSF/MM/BPF: 2030: Call for Proposals", sender());
        assert!(reminder.is_same_series(&call));
        let weeks = Some(TimeDelta::days(21));
        assert_eq!(reminder.relation_to(&call, weeks), Relation::Revision);
        assert_eq!(reminder.relation_to(&reminder, weeks), Relation::Resend);
        let patch = posting(&format!("[PATCH] {LONG}"), sender());
        let again = posting(&format!("[PATCH RESEND] {LONG}"), sender());
        assert_eq!(again.relation_to(&patch, weeks), Relation::Resend);
    }

    #[test]
    fn a_long_title_is_one_series_whoever_sends_it() {
        let a = posting(&format!("[PATCH v2 0/3] {LONG}"), Sender::named("Ann Lee"));
        let b = posting(
            &format!("[PATCH v3 0/3] {LONG}"),
            Sender::mail("bob@example.org", "Bob Roe"),
        );
        assert!(a.is_same_series(&b));
        assert_eq!(a.series_key(), b.series_key());
    }

    #[test]
    fn a_short_title_is_one_series_only_from_one_sender() {
        let ann = posting("[PATCH] mm: fix it", Sender::mail("ann@x.org", "Ann"));
        let ann_again = posting("[PATCH v2] mm: fix it", Sender::mail("ANN@x.org", "A. Lee"));
        let bob = posting("[PATCH] mm: fix it", Sender::mail("bob@x.org", "Ann"));
        assert!(ann.is_same_series(&ann_again));
        assert!(!ann.is_same_series(&bob));
        assert_ne!(ann.series_key(), bob.series_key());
    }

    #[test]
    fn without_an_address_the_names_decide() {
        let listed = posting("[PATCH] mm: fix it", Sender::named("Ann  lee"));
        let mailed = posting(
            "[PATCH v2] mm: fix it",
            Sender::mail("ann@x.org", "Ann Lee"),
        );
        let other = posting("[PATCH v2] mm: fix it", Sender::named("Bob Roe"));
        let nobody = posting("[PATCH v2] mm: fix it", Sender::named(""));
        assert!(listed.is_same_series(&mailed));
        assert!(!listed.is_same_series(&other));
        assert!(!listed.is_same_series(&nobody));
    }

    #[test]
    fn the_same_revision_and_kind_soon_after_is_a_resend() {
        let sender = Sender::named("Ann Lee");
        let v3 = posting(&format!("[PATCH v3 0/3] {LONG}"), sender);
        let resent = posting(&format!("[PATCH RESEND v3 0/3] {LONG}"), sender);
        let v4 = posting(&format!("[PATCH v4 0/3] {LONG}"), sender);
        let rfc = posting(&format!("[RFC PATCH v3 0/3] {LONG}"), sender);
        let week = Some(TimeDelta::days(7));
        assert_eq!(resent.relation_to(&v3, week), Relation::Resend);
        assert_eq!(resent.relation_to(&v3, None), Relation::Resend);
        assert_eq!(v4.relation_to(&v3, week), Relation::Revision);
        assert_eq!(v3.relation_to(&rfc, week), Relation::Revision);
        let a_year = Some(TimeDelta::days(365));
        assert_eq!(resent.relation_to(&v3, a_year), Relation::Revision);
    }

    #[test]
    fn a_sending_spreads_over_half_an_hour_either_way() {
        let first = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        assert!(same_sending(first + TimeDelta::minutes(30), first));
        assert!(same_sending(first - TimeDelta::minutes(29), first));
        assert!(!same_sending(first + TimeDelta::minutes(31), first));
    }
}
