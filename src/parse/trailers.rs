//! Review trailers that people give in replies.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::author::clean_name;
use super::thread::Thread;

/// Names that gave each kind of trailer, deduplicated, in thread order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trailers {
    #[serde(rename = "Reviewed-by")]
    pub reviewed_by: Vec<String>,
    #[serde(rename = "Acked-by")]
    pub acked_by: Vec<String>,
    #[serde(rename = "Tested-by")]
    pub tested_by: Vec<String>,
}

impl Trailers {
    /// Trailers given in the thread's replies. Trailers that a series
    /// carries in its own patches were given to earlier revisions, and
    /// quoted lines (`> Reviewed-by:`) repeat someone else's.
    pub fn given_in(thread: &Thread) -> Trailers {
        let mut trailers = Trailers::default();
        for message in thread.messages.iter().filter(|m| m.is_reply()) {
            trailers.add_from(&message.body);
        }
        trailers
    }

    /// Adds the unquoted trailers of one body: lines that start (after
    /// blanks) with `Reviewed-by:`, `Acked-by:` or `Tested-by:`, in any case.
    pub fn add_from(&mut self, body: &str) {
        for line in lines_with_by(body) {
            let line = line.trim_start_matches([' ', '\t']);
            let Some((kind, value)) = trailer(line) else {
                continue;
            };
            let name = person(value.trim());
            if name.is_empty() {
                continue;
            }
            let list = match kind {
                TrailerKind::Reviewed => &mut self.reviewed_by,
                TrailerKind::Acked => &mut self.acked_by,
                TrailerKind::Tested => &mut self.tested_by,
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }

    /// How many trailers were given in all.
    pub fn count(&self) -> usize {
        self.reviewed_by.len() + self.acked_by.len() + self.tested_by.len()
    }
}

/// The lines of `body` that hold `-by:` in any case, in order: every
/// trailer line does, and most lines of a reply (quotes) do not, so the
/// body is searched rather than read line by line.
fn lines_with_by(body: &str) -> impl Iterator<Item = &str> {
    use memchr::memmem::Finder;
    static FINDERS: LazyLock<[Finder<'static>; 4]> =
        LazyLock::new(|| ["-by:", "-By:", "-bY:", "-BY:"].map(Finder::new));
    let bytes = body.as_bytes();
    let mut found: Vec<usize> = FINDERS
        .iter()
        .flat_map(|finder| finder.find_iter(bytes))
        .collect();
    found.sort_unstable();
    let mut next_line = 0;
    found.into_iter().filter_map(move |at| {
        if at < next_line {
            return None; // a second `-by:` on a line already given
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        next_line = end + 1;
        Some(
            body[start..end]
                .strip_suffix('\r')
                .unwrap_or(&body[start..end]),
        )
    })
}

enum TrailerKind {
    Reviewed,
    Acked,
    Tested,
}

/// The kind and value of a trailer line. Checked by hand, not by regex:
/// every line of every reply passes here.
fn trailer(line: &str) -> Option<(TrailerKind, &str)> {
    let tag = |name: &str| {
        let head = line.get(..name.len())?;
        head.eq_ignore_ascii_case(name).then(|| &line[name.len()..])
    };
    match line.as_bytes().first()?.to_ascii_lowercase() {
        b'r' => tag("reviewed-by:").map(|v| (TrailerKind::Reviewed, v)),
        b'a' => tag("acked-by:").map(|v| (TrailerKind::Acked, v)),
        b't' => tag("tested-by:").map(|v| (TrailerKind::Tested, v)),
        _ => None,
    }
}

/// `Jane Doe <jane@x.org> # for mm` -> `Jane Doe`; a bare address stays.
fn person(value: &str) -> String {
    let value = value.split(" #").next().unwrap_or(value);
    match value.split_once('<') {
        Some((name, rest)) => {
            let name = clean_name(name);
            if name.is_empty() {
                rest.trim_end_matches('>').trim().to_string()
            } else {
                name
            }
        }
        None => clean_name(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_collected_and_deduplicated() {
        let mut t = Trailers::default();
        t.add_from("Looks good.\n\nReviewed-by: Jane Doe <jane@x.org>\nAcked-by: \"Bob (Corp)\" <bob@y.org>\n");
        t.add_from("Reviewed-by: Jane Doe <jane@x.org>\nTested-by: <ci@z.org>\n");
        assert_eq!(t.reviewed_by, ["Jane Doe"]);
        assert_eq!(t.acked_by, ["Bob"]);
        assert_eq!(t.tested_by, ["ci@z.org"]);
        assert_eq!(t.count(), 3);
    }

    #[test]
    fn quoted_trailers_do_not_count() {
        let mut t = Trailers::default();
        t.add_from("> Reviewed-by: Jane Doe <jane@x.org>\n");
        assert_eq!(t.count(), 0);
    }

    #[test]
    fn trailers_are_found_in_any_case_and_in_body_order() {
        let mut t = Trailers::default();
        t.add_from("x\r\nACKED-BY: Zed <z@x.org>\r\nReviewed-By: Amy <a@x.org> # Rev-by: not\nAcked-by: Bob <b@x.org>");
        assert_eq!(t.acked_by, ["Zed", "Bob"]);
        assert_eq!(t.reviewed_by, ["Amy"]);
    }
}
