//! A cover letter's changelog: what changed in each revision, as authors
//! write it ("Changes since v8:", "v8 -> v9:", "Changes in v9:").

use std::sync::LazyLock;

use regex::Regex;

/// One section of a changelog: the revision whose changes it lists, and
/// its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes {
    /// The revision that made these changes.
    pub revision: u32,
    pub items: Vec<String>,
}

/// `Changes since v8:`, `Changes from v8 to v9`, `v8 -> v9:`, `v8..v9`,
/// `Changes in v9:`, `v9:`, `Changelog v9`, `v9 changes:`.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\s\#*=-]*
          (?:(?:changes|changelog|change\ log|changed)\s*)?
          (?P<word>since|from|in|for|of)?\s*
          v(?P<a>\d{1,3})
          (?:\s*(?:->|=>|→|\.\.|-|to)\s*v?(?P<b>\d{1,3}))?
          (?:\s*\[\d{1,2}\])?
          \s*(?:changes|changelog)?\s*:?[\s=-]*
          (?:<?https?://\S+>?\s*)?$",
    )
    .unwrap()
});

/// A list item's marker: `-`, `*`, `+`, `o`, `1.`, `1)`.
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+•o]|\d{1,2}[.)])\s+(?P<text>\S.*)$").unwrap());

/// The changelog sections of `body`, in the order written.
pub fn sections(body: &str) -> Vec<Changes> {
    let mut out: Vec<Changes> = Vec::new();
    let mut open = false;
    for line in body.lines() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed.starts_with("diff --git") {
            break;
        }
        if let Some(header) = HEADER.captures(trimmed.trim()) {
            let a: u32 = header["a"].parse().unwrap_or(0);
            let b: Option<u32> = header.name("b").and_then(|b| b.as_str().parse().ok());
            let since = header
                .name("word")
                .is_some_and(|w| ["since", "from"].contains(&w.as_str().to_lowercase().as_str()));
            let revision = match b {
                Some(b) => b.max(a),
                // "Since v8" lists what v9 changed.
                None if since => a + 1,
                None => a,
            };
            out.push(Changes {
                revision,
                items: Vec::new(),
            });
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        let Some(section) = out.last_mut() else {
            continue;
        };
        if trimmed.trim().is_empty() {
            if !section.items.is_empty() {
                open = false;
            }
            continue;
        }
        match ITEM.captures(trimmed) {
            Some(item) => section.items.push(item["text"].trim().to_string()),
            // A wrapped item goes on indented.
            None if line.starts_with([' ', '\t']) && !section.items.is_empty() => {
                let last = section.items.last_mut().expect("an item");
                last.push(' ');
                last.push_str(trimmed.trim());
            }
            None => section.items.push(trimmed.trim().to_string()),
        }
    }
    out.retain(|c| !c.items.is_empty());
    out
}

/// The items of changes made after revision `covered`, newest revision
/// first.
pub fn since(body: &str, covered: u32, current: u32) -> Vec<String> {
    let mut sections: Vec<Changes> = sections(body)
        .into_iter()
        .filter(|c| c.revision > covered && c.revision <= current.max(covered + 1))
        .collect();
    sections.sort_by_key(|c| std::cmp::Reverse(c.revision));
    sections.into_iter().flat_map(|c| c.items).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const COVER: &str = "This adds a system call.\n\n\
        v9 changes:\n\
        * Rename the system call to memfd_secret\n\
        * Fix a leak in the error\n  path of the setup\n\n\
        Changes since v7:\n\
        - drop the ioctl\n\n\
        Mike Rapoport (2):\n  mm: a\n---\n";

    #[test]
    fn each_header_form_names_its_revision() {
        for (header, revision) in [
            ("Changes since v8:", 9),
            ("v8 -> v9:", 9),
            ("Changes from v7 to v8", 8),
            ("Changes in v9:", 9),
            ("v9:", 9),
            ("Changelog v2..v3", 3),
            ("Changes since v2 [1]:", 3),
            (
                "v8: https://lore.kernel.org/lkml/20201110151444.20662-1-rppt@kernel.org",
                8,
            ),
        ] {
            let body = format!("{header}\n- item\n");
            assert_eq!(sections(&body)[0].revision, revision, "{header}");
        }
    }

    #[test]
    fn items_join_their_wrapped_lines() {
        let found = sections(COVER);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].items,
            [
                "Rename the system call to memfd_secret",
                "Fix a leak in the error path of the setup"
            ]
        );
    }

    #[test]
    fn only_changes_after_the_covered_revision_count() {
        assert_eq!(since(COVER, 8, 9).len(), 2);
        assert_eq!(since(COVER, 6, 9).len(), 3);
        assert!(since(COVER, 9, 9).is_empty());
    }

    #[test]
    fn prose_is_no_changelog() {
        assert!(sections("We tested v9 on arm64.\nIt works.\n").is_empty());
    }
}
