//! Markdown that Hugo (Goldmark) shows exactly as the text reads.

use unicode_width::UnicodeWidthStr;

use super::spans::{Span, spans};

/// Inline Markdown for `text`: identifiers in backticks, characters that
/// Markdown or Hugo would read as syntax escaped with a backslash.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for span in spans(text) {
        match span {
            Span::Text(t) => escape_into(&mut out, t),
            Span::Url(u) => out.push_str(u),
            Span::Code(c) => {
                out.push('`');
                out.push_str(c);
                out.push('`');
            }
        }
    }
    out
}

/// Escapes only what would change the rendering, so that plain subjects such
/// as `[PATCH v3 0/7] mm: foo` stay as the seed post writes them.
fn escape_into(out: &mut String, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let previous = if i > 0 { chars[i - 1] } else { '\0' };
        let next = chars.get(i + 1).copied().unwrap_or('\0');
        let escape = match c {
            '\\' | '`' | '*' | '_' | '<' => true,
            '~' => next == '~' || previous == '~',
            // `[x](y)`, `[x][y]` and `[x]: y` are links only because of what
            // follows the `]`.
            '(' | '[' | ':' => previous == ']',
            // An entity (`&amp;`) would render as its character.
            '&' => next.is_ascii_alphanumeric() || next == '#',
            // Hugo shortcodes open with `{{<` or `{{%`.
            '{' => previous == '{',
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes what would start a block (heading, list, quote, rule, table)
/// at the start of a line.
pub fn escape_line_start(line: &str) -> String {
    if !starts_block(line) {
        return line.to_string();
    }
    match line.chars().next() {
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &line[..digits], &line[digits..])
        }
        _ => format!("\\{line}"),
    }
}

/// Whether a line, as it starts, opens a block: a heading (`# `), a list
/// item (`- `, `+ `, `* `, `1. `, `1) `), a quote, a table, a rule or a
/// setext underline. A word that merely begins with `-` (`-Wall`) does not.
fn starts_block(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    let ends_marker = |c: Option<char>| c.is_none_or(|c| c == ' ');
    let all_of = |c: char| line.trim_end().chars().all(|x| x == c || x == ' ');
    match first {
        '>' | '|' => true,
        '#' => ends_marker(line.trim_start_matches('#').chars().next()),
        '-' | '+' | '*' => ends_marker(second) || all_of(first),
        '=' => all_of('='),
        c if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            let mut rest = line[digits..].chars();
            matches!(rest.next(), Some('.' | ')')) && ends_marker(rest.next())
        }
        _ => false,
    }
}

/// Wraps already-rendered inline Markdown at `width` columns, never inside
/// a word, code span or link, with every line safe at its start. Lines are
/// filled as far as they go; where the next line would open with Markdown
/// syntax (`- `, `1. `, `# `), one word moves down with it, and where that
/// cannot be, the line is escaped.
pub fn wrap(markdown: &str, width: usize) -> String {
    let bound = bind_code_spans(markdown);
    let words: Vec<(&str, usize)> = bound
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| (w, word_width(w)))
        .collect();
    let mut lines: Vec<Vec<(&str, usize)>> = Vec::new();
    let mut current: Vec<(&str, usize)> = Vec::new();
    let line_width = |line: &[(&str, usize)]| {
        line.iter().map(|(_, w)| w).sum::<usize>() + line.len().saturating_sub(1)
    };
    for word in words {
        if current.is_empty() || line_width(&current) + 1 + word.1 <= width {
            current.push(word);
            continue;
        }
        let mut next = Vec::new();
        if starts_block(word.0) && current.len() >= 2 {
            let moved = current.pop().expect("two words");
            // Moved only where it helps: it fits, and opens no block itself.
            if moved.1 + 1 + word.1 <= width && !starts_block(moved.0) {
                next.push(moved);
            } else {
                current.push(moved);
            }
        }
        lines.push(std::mem::take(&mut current));
        next.push(word);
        current = next;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .iter()
        .map(|line| {
            let text: Vec<&str> = line.iter().map(|(w, _)| *w).collect();
            escape_line_start(&text.join(" ")).replace(BOUND_SPACE, " ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The display width of a word, its bound spaces counting as spaces.
fn word_width(word: &str) -> usize {
    if word.contains(BOUND_SPACE) {
        UnicodeWidthStr::width(word.replace(BOUND_SPACE, " ").as_str())
    } else {
        UnicodeWidthStr::width(word)
    }
}

/// Stands for a space inside a code span while lines are wrapped: a break
/// there would end the line inside the span, where no escape works.
const BOUND_SPACE: char = '\u{E000}';

/// `markdown` with the spaces inside code spans (between backticks that
/// are not escaped) bound.
fn bind_code_spans(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut in_code = false;
    let mut escaped = false;
    for c in markdown.chars() {
        match c {
            '`' if !escaped => in_code = !in_code,
            ' ' if in_code => {
                out.push(BOUND_SPACE);
                continue;
            }
            _ => {}
        }
        escaped = c == '\\' && !escaped && !in_code;
        out.push(c);
    }
    out
}

/// The display width of a line, for setext underlines.
pub fn width(line: &str) -> usize {
    UnicodeWidthStr::width(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_break_inside_a_code_span() {
        let markdown = format!("{} `a b ** c` d", "word ".repeat(15).trim_end());
        let wrapped = wrap(&markdown, 80);
        assert!(
            wrapped.lines().all(|l| l.matches('`').count() % 2 == 0),
            "{wrapped}"
        );
        assert!(wrapped.contains("`a b ** c`"), "{wrapped}");
    }

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(
            inline("a <tag> [x](y) *b* _c_"),
            r"a \<tag> [x]\(y) \*b\* \_c\_"
        );
        assert_eq!(inline("{{< shortcode >}}"), r"{\{\< shortcode >}}");
        assert_eq!(inline("[PATCH v3 0/7] mm: foo"), "[PATCH v3 0/7] mm: foo");
    }

    #[test]
    fn identifiers_are_code_and_not_escaped() {
        assert_eq!(inline("use __GFP_ZERO"), "use `__GFP_ZERO`");
    }

    #[test]
    fn wrapped_lines_never_start_a_block() {
        let text = "word ".repeat(15) + "- not a list 1. nor this # nor this";
        for line in wrap(&text, 20).lines() {
            assert!(
                !line.starts_with("- ") && !line.starts_with("# ") && !line.starts_with("1. "),
                "{line}"
            );
        }
    }

    #[test]
    fn a_word_that_begins_with_a_dash_does_not_break_the_line_early() {
        let text = "This series aims to fix almost all remaining fall-through warnings in \
                    order to enable -Wimplicit-fallthrough for Clang, and to stop the \
                    warnings that the kernel's own build turns into errors today.";
        let wrapped = wrap(text, 80);
        let first = wrapped.lines().next().unwrap();
        assert!(first.len() > 70, "{wrapped}");
        assert!(!wrapped.contains("\\-W"), "{wrapped}");
    }

    #[test]
    fn a_line_that_would_open_a_list_takes_one_word_along() {
        let text = format!("{} - not a list", "word ".repeat(15).trim_end());
        let wrapped = wrap(&text, 75);
        let second = wrapped.lines().nth(1).unwrap();
        assert!(second.starts_with("word - not"), "{wrapped}");
    }

    #[test]
    fn wrapping_keeps_lines_within_width() {
        let text = "The VMA lock scalability issue is still there. This RFC patchset shows the proof of the concept.";
        assert!(wrap(text, 80).lines().all(|l| l.len() <= 80));
    }
}
