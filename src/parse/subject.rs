//! Subject tags, read the way b4 reads them.
//!
//! `[PATCH v3 RESEND 02/12] mm/damon: foo` becomes version 3, a resend,
//! patch 2 of 12, with `mm/damon` as the subsystem prefix and `foo` as the
//! title. Broken tags (`00/30] ...`, `[PATCHv2`) are read as far as they go.

use std::sync::LazyLock;

use regex::Regex;

/// What a subject line says about its mail.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// `Re:` (or a localised form, or `Fwd:`) stood before the tags.
    pub is_reply: bool,
    /// Every word inside the leading `[...]` groups, as written.
    pub tags: Vec<String>,
    /// `vN` (or `PATCHvN`); 1 when absent.
    pub version: u32,
    /// `n/N`: this mail's position and the series length.
    pub counter: Option<(u32, u32)>,
    pub is_patch: bool,
    pub is_rfc: bool,
    pub is_resend: bool,
    pub is_pull: bool,
    pub is_topic: bool,
    /// The subject after tags, e.g. `mm/damon: foo`.
    pub title: String,
    /// The subsystem prefix of the title (`mm/damon`), if it has one.
    pub prefix: Option<String>,
}

static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:re|aw|sv|vs|antw|fwd?|fw)\s*(?:\[\d+\])?\s*:\s*)+").unwrap()
});
static COUNTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d+)/(\d+)$").unwrap());
static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:patch|rfc|patchset)?v(\d+)[a-z]?$").unwrap());
static PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z0-9_][A-Za-z0-9_./,+ -]{0,60}?):\s").unwrap());
static CALL_FOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcall for (?:proposals|papers|topics)\b").unwrap());

/// Removes any run of `Re:`/`Fwd:` prefixes.
pub fn strip_reply_prefixes(subject: &str) -> &str {
    match REPLY_PREFIX.find(subject) {
        Some(m) => &subject[m.end()..],
        None => subject,
    }
}

impl Subject {
    pub fn parse(subject: &str) -> Subject {
        let stripped = strip_reply_prefixes(subject);
        let mut parsed = Subject {
            is_reply: stripped.len() != subject.len(),
            version: 1,
            ..Subject::default()
        };
        let mut rest = stripped.trim_start();
        // `00/30] title`: a tag group that lost its opening bracket.
        if !rest.starts_with('[')
            && let Some(end) = rest.find(']')
            && rest[..end].split_whitespace().any(|w| COUNTER.is_match(w))
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
        parsed.title = rest.trim().to_string();
        parsed.prefix = PREFIX
            .captures(&parsed.title)
            .map(|c| c[1].trim().to_string());
        if CALL_FOR.is_match(&parsed.title) {
            parsed.is_topic = true;
        }
        parsed
    }

    fn read_group(&mut self, group: &str) {
        for word in group.split_whitespace() {
            self.tags.push(word.to_string());
            let upper = word.to_ascii_uppercase();
            if let Some(c) = COUNTER.captures(word) {
                let n = c[1].parse().unwrap_or(0);
                let total = c[2].parse().unwrap_or(0);
                self.counter = Some((n, total));
                continue;
            }
            if let Some(c) = VERSION.captures(word) {
                self.version = c[1].parse().unwrap_or(1).max(1);
            }
            if upper.starts_with("PATCH") {
                self.is_patch = true;
            }
            if upper.starts_with("RFC") || upper == "WIP" {
                self.is_rfc = true;
            }
            if upper == "RESEND" {
                self.is_resend = true;
            }
            if upper == "PULL" || upper == "GIT" && group.to_ascii_uppercase().contains("PULL") {
                self.is_pull = true;
            }
            if upper.contains("TOPIC") || upper.starts_with("LSF") || upper == "CFP" {
                self.is_topic = true;
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_resend_and_counter() {
        let s = Subject::parse("[PATCH v3 RESEND 02/12] mm/damon: foo");
        assert_eq!(
            (s.version, s.is_resend, s.counter),
            (3, true, Some((2, 12)))
        );
        assert_eq!(s.title, "mm/damon: foo");
        assert_eq!(s.prefix.as_deref(), Some("mm/damon"));
    }

    #[test]
    fn version_glued_to_patch() {
        assert_eq!(Subject::parse("[PATCHv2] x").version, 2);
        assert_eq!(Subject::parse("[PATCH v13b 00/18] x").version, 13);
    }

    #[test]
    fn separate_rfc_group() {
        let s = Subject::parse("[RFC][PATCH v2 0/5] sched: User Managed Concurrency Groups");
        assert!(s.is_rfc && s.is_patch && s.is_cover_letter());
        assert_eq!((s.version, s.series_length()), (2, 5));
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
    fn topic_proposals() {
        assert!(Subject::parse("[LSF/MM/BPF TOPIC] SRCU").is_topic);
        assert!(Subject::parse("[LSFMMBPF 2021] A status update").is_topic);
        assert!(Subject::parse("[TECH TOPIC] Reaching consensus").is_topic);
        assert!(Subject::parse("LSF/MM/BPF: 2020: Call for Proposals").is_topic);
    }

    #[test]
    fn stable_branch_tag_is_not_a_version() {
        let s = Subject::parse("[PATCH 6.6.y] mm: ratelimit stat flush");
        assert_eq!((s.version, s.is_patch, s.series_length()), (1, true, 1));
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
}
