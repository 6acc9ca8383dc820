//! What a mail is about, in a few sentences taken from its own text.
//!
//! Cover letters and commit messages open with the idea and bury it under
//! greetings, changelogs, diffstats, trailers and link lists. The summary
//! keeps the prose, in order, and stops at a sentence end within the word
//! limit.

use std::sync::LazyLock;

use regex::Regex;

/// The default number of words in a summary.
pub const DEFAULT_WORDS: usize = 60;

static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|day)|folks|all)\b[^.?]{0,40}[,!:]?$").unwrap()
});
static CHANGELOG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^[\s\[(*#-]*(?:",
        r"changes?\b|changelog|change log|revision history|history\b|",
        r"(?:rfc|patch)?\s*v\d+\s*(?:->|-->|\.\.|to|vs\.?|→)\s*v?\d+|",
        r"(?:rfc\s*)?v\d+\s*[:)\]]|since v\d+|from v\d+|",
        r"(?:rfc\s*)?v\d+\b.{0,30}:\s*$",
        r")"
    ))
    .unwrap()
});
static TRAILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[A-Za-z][A-Za-z-]*-by:|^(?:link|closes|fixes|cc|reported|suggested|base-commit|change-id|prerequisite-patch-id)\s*:").unwrap()
});
static REFERENCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[\d+\]:?\s*\S|^\s*https?://\S+\s*$").unwrap());
static INLINE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s?\[\d+\]").unwrap());
static SHORTLOG_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\S.*\(\d+\):\s*$").unwrap());
static DIFFSTAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s\S.*\|\s+(?:\d+ ?[+-]*|Bin .*)\s*$|^\s\d+ files? changed").unwrap()
});
static ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:wrote|writes|said)\s*:\s*$").unwrap());
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+•o]|\d+[.)]|\(\w\))\s").unwrap());

/// The summary of one mail body: at most `max_words` words, cut at a
/// sentence end. Empty when the body holds no prose.
pub fn summarize(body: &str, max_words: usize) -> String {
    let paragraphs = prose_paragraphs(body);
    let chosen: Vec<&String> = {
        let prose: Vec<&String> = paragraphs.iter().filter(|p| !is_list(p)).collect();
        if prose.is_empty() {
            paragraphs.iter().collect()
        } else {
            prose
        }
    };
    let mut out = String::new();
    let mut words = 0;
    for paragraph in chosen {
        let text = joined(paragraph);
        for sentence in sentences(&text) {
            // `joined` leaves words one space apart.
            let n = sentence.matches(' ').count() + 1;
            if words + n > max_words {
                if words == 0 {
                    return truncate_words(sentence, max_words);
                }
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(sentence);
            words += n;
        }
    }
    out
}

/// The paragraphs of the body that can hold prose, each as its lines.
fn prose_paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_changelog = false;
    let mut first_line = true;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        if !current.trim().is_empty() {
            paragraphs.push(std::mem::take(current));
        }
        current.clear();
    };
    for line in body.lines() {
        let trimmed = line.trim_end();
        if ends_text(trimmed) {
            break;
        }
        if trimmed.starts_with('>')
            || trimmed.ends_with(':') && trimmed.len() < 200 && ATTRIBUTION.is_match(trimmed)
        {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if trimmed.trim().is_empty() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if is_rule(trimmed) {
            // A setext underline: the line above was a section heading.
            if current.lines().count() == 1 {
                current.clear();
            }
            flush(&mut current, &mut paragraphs);
            continue;
        }
        let starts_paragraph = current.is_empty();
        if first_line {
            first_line = false;
            if GREETING.is_match(trimmed.trim()) {
                continue;
            }
        }
        if starts_paragraph && CHANGELOG.is_match(trimmed) {
            in_changelog = true;
            continue;
        }
        if in_changelog {
            // A changelog runs on through its lists and indented notes; the
            // next plain paragraph ends it.
            if starts_paragraph && !BULLET.is_match(trimmed) && !trimmed.starts_with([' ', '\t']) {
                in_changelog = false;
            } else {
                continue;
            }
        }
        if trimmed.contains(':') && TRAILER_LINE.is_match(trimmed)
            || (trimmed.contains('[') || trimmed.contains("http"))
                && REFERENCE_LINE.is_match(trimmed)
        {
            continue;
        }
        if is_code(trimmed) {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        current.push_str(trimmed.trim_start());
        current.push('\n');
        if trimmed.starts_with(' ') && starts_paragraph && !BULLET.is_match(trimmed) {
            // Indented first lines mark quoted output or code blocks.
            current.clear();
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.retain(|p| !is_heading(p));
    // Sign-offs such as "Thanks,\nJane" close the prose.
    while let Some(last) = paragraphs.last() {
        if is_sign_off(last) {
            paragraphs.pop();
        } else {
            break;
        }
    }
    paragraphs
}

/// Lines after which a mail holds no more prose.
fn ends_text(line: &str) -> bool {
    line == "-- "
        || line == "--"
        || line == "---"
        || line.starts_with("diff --git ")
        || line.starts_with("base-commit:")
        || is_list_footer(line)
        || line.starts_with("The following changes since commit")
        // The regexes run on every line; cheap tests go first.
        || line.trim_end().ends_with(':') && SHORTLOG_HEAD.is_match(line)
        || line.starts_with([' ', '\t'])
            && (line.contains('|') || line.contains(" changed"))
            && DIFFSTAT.is_match(line)
}

/// The rule of underscores above the footer that Mailman lists append.
fn is_list_footer(line: &str) -> bool {
    line.len() >= 20 && line.bytes().all(|b| b == b'_')
}

/// The bytes that make a line look like code, as a table: every byte of
/// every line is looked up.
static CODE_SYMBOL: [bool; 256] = {
    let mut table = [false; 256];
    let symbols = b"{};=|$#+";
    let mut i = 0;
    while i < symbols.len() {
        table[symbols[i] as usize] = true;
        i += 1;
    }
    table
};

/// Indented or symbol-heavy lines: code, logs, command output.
fn is_code(line: &str) -> bool {
    if line.starts_with('\t') || line.starts_with("    ") && !BULLET.is_match(line) {
        return true;
    }
    let symbols = line
        .bytes()
        .filter(|&b| CODE_SYMBOL[usize::from(b)])
        .count();
    symbols * 6 > line.len().max(1) && line.len() > 8
}

/// `=====`, `-----`, `*****`: underlines and rules.
fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '=' | '-' | '~' | '*' | '#' | '^' | '_'))
}

/// A lone short line without a sentence end: `Background`, `[PROBLEM]`.
fn is_heading(paragraph: &str) -> bool {
    let text = paragraph.trim();
    text.split_whitespace().nth(8).is_none()
        && !text.contains('\n')
        && !text.ends_with(['.', '!', '?', ','])
}

fn is_list(paragraph: &str) -> bool {
    BULLET.is_match(paragraph)
}

fn is_sign_off(paragraph: &str) -> bool {
    let lines: Vec<&str> = paragraph.lines().collect();
    let first = lines
        .first()
        .map_or(String::new(), |l| l.trim().to_ascii_lowercase());
    let closing = [
        "thanks",
        "thank you",
        "regards",
        "best",
        "cheers",
        "sincerely",
    ]
    .iter()
    .any(|w| first.starts_with(w));
    let bare_name = lines.len() == 1
        && first.split_whitespace().nth(3).is_none()
        && !first.ends_with(['.', '!', '?']);
    lines.len() <= 3 && paragraph.split_whitespace().nth(8).is_none() && (closing || bare_name)
}

/// One paragraph as a single line, inline `[1]` references dropped, words
/// hyphenated across lines (`application-` / `specific`) mended.
fn joined(paragraph: &str) -> String {
    let mut text = String::with_capacity(paragraph.len());
    for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let hyphenated = text.ends_with('-')
            && text[..text.len() - 1].ends_with(|c: char| c.is_alphabetic())
            && line.starts_with(|c: char| c.is_lowercase());
        if !text.is_empty() && !hyphenated {
            text.push(' ');
        }
        text.push_str(line);
    }
    // Runs of white space become one space; most text has none to fold.
    let single_spaced =
        text.is_ascii() && !text.contains(['\t', '\r', '\x0b', '\x0c']) && !text.contains("  ");
    if !single_spaced {
        text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if !text.contains('[') {
        return text;
    }
    INLINE_REFERENCE.replace_all(&text, "").into_owned()
}

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "Mr.", "Dr.", "al.", "resp.", "eg.", "ie.",
];

/// Sentences of one line of text.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // Split on the byte: words are short, and a memchr per word costs more.
    let words: Vec<(usize, &str)> = text
        .as_bytes()
        .split(|&b| b == b' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, &text[at..at + w.len()]))
        })
        .collect();
    for (i, &(at, word)) in words.iter().enumerate() {
        let ends = word.ends_with(['.', '!', '?'])
            || word.ends_with(".)")
            || word.ends_with(".\"")
            || word.ends_with(':') && i + 1 == words.len();
        if !ends || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a)) {
            continue;
        }
        let next_starts_sentence = words.get(i + 1).is_none_or(|&(_, next)| {
            next.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'(`[".contains(c))
        });
        if next_starts_sentence {
            let end = at + word.len();
            out.push(text[start..end].trim());
            start = (end + 1).min(text.len());
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// The first `max_words` words, marked as cut.
fn truncate_words(text: &str, max_words: usize) -> String {
    let mut out = text
        .split_whitespace()
        .take(max_words)
        .collect::<Vec<_>>()
        .join(" ");
    out.truncate(out.trim_end_matches([',', ';', ':']).len());
    if !out.is_empty() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greeting_and_changelog_are_skipped() {
        let body = "Hi all,\n\nThis series adds foo. It makes bar faster.\n\nChanges since v2:\n- renamed baz\n- fixed a leak\n\nv1 -> v2:\n - more\n";
        assert_eq!(
            summarize(body, 60),
            "This series adds foo. It makes bar faster."
        );
    }

    #[test]
    fn changelog_first_then_description() {
        let body = "Changes in v3:\n - a\n - b\n\nThis patchset introduces a new flag.\n";
        assert_eq!(summarize(body, 60), "This patchset introduces a new flag.");
    }

    #[test]
    fn quoted_text_and_attribution_are_skipped() {
        let body = "On Mon, Jan 1, 2024 at 10:00 AM Jane <j@x.org> wrote:\n> old text\n\nI agree with this.\n";
        assert_eq!(summarize(body, 60), "I agree with this.");
    }

    #[test]
    fn commit_message_stops_at_the_patch() {
        let body = "Make foo faster.\n\nSigned-off-by: A <a@x.org>\n---\n mm/foo.c | 2 +-\n\ndiff --git a/mm/foo.c b/mm/foo.c\n";
        assert_eq!(summarize(body, 60), "Make foo faster.");
    }

    #[test]
    fn cover_letter_stops_at_shortlog_and_diffstat() {
        let body = "Idea here.\n\nJane Doe (2):\n  mm: one\n  mm: two\n\n mm/foo.c | 2 +-\n";
        assert_eq!(summarize(body, 60), "Idea here.");
    }

    #[test]
    fn references_and_signature_are_dropped() {
        let body = "See the discussion [1] for details.\n\n[1] https://lore.kernel.org/r/a@b\n\nThanks,\nJane\n-- \nsig\n";
        assert_eq!(summarize(body, 60), "See the discussion for details.");
    }

    #[test]
    fn mailing_list_footers_are_dropped() {
        let body = "The counter has had no reader since v5.19.\n\n\
                    _______________________________________________\n\
                    linux-arm-kernel mailing list\n\
                    linux-arm-kernel@lists.infradead.org\n";
        assert_eq!(
            summarize(body, 60),
            "The counter has had no reader since v5.19."
        );
    }

    #[test]
    fn section_headings_are_dropped() {
        let body = "Code tagging framework\n======================\nCode tag is a structure.\n\n[PROBLEM STATEMENT]\n\nMore text.\n";
        assert_eq!(summarize(body, 60), "Code tag is a structure. More text.");
    }

    #[test]
    fn words_hyphenated_across_lines_are_mended() {
        assert_eq!(
            summarize("An application-\nspecific structure.\n", 60),
            "An application-specific structure."
        );
    }

    #[test]
    fn flowed_lines_are_joined() {
        assert_eq!(
            summarize("This is one \nsentence over \nlines.\n", 60),
            "This is one sentence over lines."
        );
    }

    #[test]
    fn cut_at_sentence_end_within_limit() {
        let body = "One two three. Four five six seven.";
        assert_eq!(summarize(body, 5), "One two three.");
    }

    #[test]
    fn long_first_sentence_is_truncated_to_the_limit() {
        let got = summarize("a b c d e f g h i j k", 3);
        assert_eq!(got, "a b c...");
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Use e.g. foo. Then bar."),
            ["Use e.g. foo.", "Then bar."]
        );
    }

    proptest::proptest! {
        #[test]
        fn joining_folds_white_space_as_splitting_on_it_did(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "word", "Word.", " ", "  ", "\t", "\r", "\x0b", "\x0c", "\u{a0}", "\n", "[1]",
                "é", "-",
            ][..]), 0..40),
        ) {
            let paragraph = pieces.concat();
            let mut expected = String::new();
            for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let hyphenated = expected.ends_with('-')
                    && expected[..expected.len() - 1].ends_with(|c: char| c.is_alphabetic())
                    && line.starts_with(|c: char| c.is_lowercase());
                if !expected.is_empty() && !hyphenated {
                    expected.push(' ');
                }
                expected.push_str(line);
            }
            let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
            let expected = INLINE_REFERENCE.replace_all(&expected, "").into_owned();
            proptest::prop_assert_eq!(joined(&paragraph), expected);
        }
    }
}
