//! Finding identifiers and links in prose.
//!
//! Kernel text is full of `foo()`, `CONFIG_X`, `__GFP_X` and paths; an
//! editor sets them as code. Every output format renders the same spans in
//! its own way: backticks, `<code>`, or plain text.

use std::sync::LazyLock;

use regex::Regex;

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span<'a> {
    Text(&'a str),
    Code(&'a str),
    Url(&'a str),
}

static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // Code the author already quoted: `foo`.
        r"`(?P<quoted>[^`\s][^`]*)`",
        // Links.
        r"|(?P<url>https?://[^\s<>()\[\]`]+[^\s<>()\[\]`.,;:!?'\x22])",
        // Calls: foo(), foo->bar(), ops.fn().
        r"|(?P<call>\b[A-Za-z_][A-Za-z0-9_]*(?:(?:->|\.|::)[A-Za-z_][A-Za-z0-9_]*)*\(\))",
        // Paths: /proc/pid/maps, mm/memory.c, include/linux/mm.h.
        r"|(?P<path>/(?:proc|sys|dev)(?:/[\w.\-<>]+)+|\b(?:[\w.\-]+/)+[\w\-]+\.(?:c|h|rs|S|rst|py|sh|txt)\b)",
        // Constants with an underscore: CONFIG_HIGHMEM, __GFP_ZERO, MADV_COLD.
        r"|(?P<constant>\b_*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b__[A-Za-z0-9_]+\b)",
        // snake_case names: page_owner, vm_normal_page.
        r"|(?P<snake>\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b)",
    ))
    .unwrap()
});

/// Splits `text` into plain text, code and links.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut last = 0;
    for caps in TOKEN.captures_iter(text) {
        let m = caps.get(0).unwrap();
        let (start, span) = if let Some(quoted) = caps.name("quoted") {
            (m.start(), Span::Code(quoted.as_str()))
        } else if let Some(url) = caps.name("url") {
            (url.start(), Span::Url(url.as_str()))
        } else {
            (m.start(), Span::Code(m.as_str()))
        };
        if start > last {
            out.push(Span::Text(&text[last..start]));
        }
        out.push(span);
        last = m.end();
    }
    if last < text.len() {
        out.push(Span::Text(&text[last..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Span::*;

    #[test]
    fn identifiers_become_code() {
        assert_eq!(
            spans("introduce __GFP_TRACKLEAK via alloc_pages() in mm/page_alloc.c"),
            [
                Text("introduce "),
                Code("__GFP_TRACKLEAK"),
                Text(" via "),
                Code("alloc_pages()"),
                Text(" in "),
                Code("mm/page_alloc.c")
            ]
        );
    }

    #[test]
    fn proc_paths_and_config_options() {
        assert_eq!(
            spans("read /proc/pid/maps"),
            [Text("read "), Code("/proc/pid/maps")]
        );
        assert_eq!(
            spans("CONFIG_HIGHMEM phaseout"),
            [Code("CONFIG_HIGHMEM"), Text(" phaseout")]
        );
    }

    #[test]
    fn code_quoted_by_the_author_is_not_quoted_twice() {
        assert_eq!(
            spans("`CONSTRAINT_CPUSET` type"),
            [Code("CONSTRAINT_CPUSET"), Text(" type")]
        );
    }

    #[test]
    fn links_stay_links_without_trailing_punctuation() {
        assert_eq!(
            spans("see https://lwn.net/Articles/806980/."),
            [
                Text("see "),
                Url("https://lwn.net/Articles/806980/"),
                Text(".")
            ]
        );
    }

    #[test]
    fn ordinary_words_and_subsystem_prefixes_stay_text() {
        assert_eq!(
            spans("mm/damon: Linux 6.0-rc4 is out"),
            [Text("mm/damon: Linux 6.0-rc4 is out")]
        );
    }
}
