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
    let first = line.chars().next();
    let needs = match first {
        Some('#' | '-' | '+' | '*' | '>' | '=' | '|') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            matches!(line[digits..].chars().next(), Some('.' | ')'))
        }
        _ => false,
    };
    if !needs {
        return line.to_string();
    }
    match first {
        Some(c) if c.is_ascii_digit() => {
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &line[..digits], &line[digits..])
        }
        _ => format!("\\{line}"),
    }
}

/// Wraps already-rendered inline Markdown at `width` columns, never inside
/// a word, code span or link, with every line safe at its start.
pub fn wrap(markdown: &str, width: usize) -> String {
    let options = textwrap::Options::new(width)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(&bind_code_spans(markdown), options)
        .iter()
        .map(|line| escape_line_start(line).replace(BOUND_SPACE, " "))
        .collect::<Vec<_>>()
        .join("\n")
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
    fn wrapping_keeps_lines_within_width() {
        let text = "The VMA lock scalability issue is still there. This RFC patchset shows the proof of the concept.";
        assert!(wrap(text, 80).lines().all(|l| l.len() <= 80));
    }
}
