//! Properties that hold for any input, not just the examples: the parsers
//! never panic, and each keeps its promise on arbitrary text and bytes.

use lkml_digest::compose::Kind;
use lkml_digest::compose::voice::{self, About};
use lkml_digest::fetch::mbox::{split, write_mboxrd};
use lkml_digest::history::History;
use lkml_digest::input::{extract, is_valid_id, normalize};
use lkml_digest::parse::author::clean_name;
use lkml_digest::parse::summary::Excerpts;
use lkml_digest::parse::{Message, Subject};
use lkml_digest::render::markdown::{inline, wrap};
use lkml_digest::render::{Format, render};
use proptest::prelude::*;

/// Text that looks a little like mail: kernel words, IDs, links and the
/// characters that Markdown, HTML and templates treat as syntax.
fn mailish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("mm/damon: ".to_string()),
        Just("[PATCH v3 2/7] ".to_string()),
        Just("Re: ".to_string()),
        Just("<20220830214919.53220-1-surenb@google.com>".to_string()),
        Just("https://lore.kernel.org/all/a@b/T/#u ".to_string()),
        Just("foo_bar() ".to_string()),
        Just("CONFIG_X ".to_string()),
        Just("**".to_string()),
        Just("`".to_string()),
        Just("[x](javascript:alert(1))".to_string()),
        Just("{{< shortcode >}}".to_string()),
        Just("{% raw %}".to_string()),
        Just("<script>".to_string()),
        Just("&amp;".to_string()),
        Just("\n".to_string()),
        Just("From ".to_string()),
        Just(">From ".to_string()),
        "[ -~]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// Bytes with the lines an mbox is made of, in any order.
fn mboxish() -> impl Strategy<Value = Vec<u8>> {
    let line = prop_oneof![
        Just(b"From mboxrd@z Thu Jan  1 00:00:00 1970\n".to_vec()),
        Just(b"From 0123abcd Mon Sep 17 00:00:00 2001\r\n".to_vec()),
        Just(b"From me to you\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b">From here\n".to_vec()),
        Just(b">>From there\r\n".to_vec()),
        Just(b"Subject: a\n".to_vec()),
        Just(b"  \n".to_vec()),
        prop::collection::vec(any::<u8>(), 0..20),
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.concat())
}

/// The mbox rules read plainly, a line at a time, as the reference for the
/// fast split: a separator is a `From ` line ending in a year after a blank
/// line (or at the start); `>From ` lines lose a `>`; CRs before a line end
/// go; the blank line before a separator and a blank-only last message too.
fn split_line_by_line(data: &[u8]) -> Vec<Vec<u8>> {
    let is_separator = |line: &[u8]| {
        let t = line.trim_ascii_end();
        line.starts_with(b"From ")
            && t.len() >= 10
            && t[t.len() - 4..].iter().all(u8::is_ascii_digit)
            && t[t.len() - 5] == b' '
    };
    let mut messages: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    let end = |message: Vec<u8>, messages: &mut Vec<Vec<u8>>| {
        let mut message = message;
        if message.ends_with(b"\n\n") {
            message.pop();
        }
        if !message.is_empty() {
            messages.push(message);
        }
    };
    for line in data.split_inclusive(|&b| b == b'\n') {
        if previous_blank && is_separator(line) {
            previous_blank = false;
            if let Some(message) = current.replace(Vec::new()) {
                end(message, &mut messages);
            }
            continue;
        }
        previous_blank = line == b"\n" || line == b"\r\n";
        let depth = line.iter().take_while(|&&b| b == b'>').count();
        let line = if depth > 0 && line[depth..].starts_with(b"From ") {
            &line[1..]
        } else {
            line
        };
        let message = current.get_or_insert_with(Vec::new);
        match line.strip_suffix(b"\n") {
            Some(text) => {
                let text_end = text.iter().rposition(|&b| b != b'\r').map_or(0, |i| i + 1);
                message.extend_from_slice(&text[..text_end]);
                message.push(b'\n');
            }
            None => message.extend_from_slice(line),
        }
    }
    if let Some(last) = current.filter(|m| !m.iter().all(u8::is_ascii_whitespace)) {
        end(last, &mut messages);
    }
    messages
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_extracted_id_is_valid_and_normalised(text in mailish()) {
        for id in extract(&text).ids {
            prop_assert!(is_valid_id(&id), "{id:?}");
            prop_assert_eq!(normalize(&id), Some(id.clone()));
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(text in mailish()) {
        if let Some(once) = normalize(&text) {
            prop_assert_eq!(normalize(&once), Some(once.clone()));
        }
    }

    #[test]
    fn subjects_parse_to_a_title_within_the_subject(subject in mailish()) {
        let parsed = Subject::parse(&subject);
        prop_assert!(parsed.revision >= 1);
        prop_assert!(subject.contains(parsed.title.trim()), "{:?}", parsed.title);
    }

    #[test]
    fn clean_names_have_no_outer_space(name in mailish()) {
        let cleaned = clean_name(&name);
        prop_assert_eq!(cleaned.trim(), cleaned.as_str());
    }

    #[test]
    fn summaries_keep_to_the_word_limit(body in mailish(), title in mailish(), words in 1usize..80, revision in 1u32..20) {
        let excerpts = Excerpts::read(&body, &title);
        let chosen = excerpts.choose(words).join(" ");
        prop_assert!(chosen.split_whitespace().count() <= words, "{chosen:?}");
        for kind in [Kind::Patch, Kind::Rfc, Kind::Topic, Kind::Stable, Kind::Discussion] {
            let about = About {
                kind,
                revision,
                patches: 3,
                topic: &title,
                author: "Jane Doe",
                venue: Some("LSF/MM/BPF"),
                stable_tree: Some("6.6.y"),
                original_author: Some("John Roe"),
                announces: None,
                reminder: false,
            };
            let (summary, _) = voice::summary(&excerpts, &about, words);
            prop_assert!(summary.split_whitespace().count() <= words, "{summary:?}");
        }
    }

    #[test]
    fn mboxrd_written_and_split_gives_the_messages_back(data in prop::collection::vec(any::<u8>(), 0..2000)) {
        let messages = split(&data);
        let written = write_mboxrd(messages.iter().map(Vec::as_slice));
        let back = split(&written);
        prop_assert_eq!(back.len(), messages.len());
        // Writing ends each message with a newline (the CRs it then follows
        // make a CRLF with it, read as LF); nothing else changes.
        for (back, message) in back.iter().zip(&messages) {
            let mut ended = message.clone();
            if !ended.ends_with(b"\n") {
                while ended.ends_with(b"\r") {
                    ended.pop();
                }
                ended.push(b'\n');
            }
            prop_assert_eq!(back, &ended);
        }
    }

    #[test]
    fn splitting_agrees_with_a_line_by_line_reference(data in mboxish()) {
        prop_assert_eq!(split(&data), split_line_by_line(&data));
    }

    #[test]
    fn any_bytes_parse_or_fail_without_panic(data in prop::collection::vec(any::<u8>(), 0..3000)) {
        for raw in split(&data) {
            let _ = Message::parse(&raw);
        }
    }

    #[test]
    fn wrapped_lines_are_filled_as_far_as_they_go(text in mailish(), width in 20usize..100) {
        let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let wrapped = wrap(&inline(&text), width);
        let lines: Vec<&str> = wrapped.lines().collect();
        for pair in lines.windows(2) {
            let (line, next) = (pair[0], pair[1]);
            // The backslash that keeps a line from opening a block is no
            // part of its first word.
            let line_escaped = next
                .strip_prefix('\\')
                .filter(|rest| markdown_words(rest).first().is_some_and(|w| opens_block(w)));
            let words = markdown_words(line_escaped.unwrap_or(next));
            // `1\.` and `1\)`: the escape that keeps a number from opening
            // a list, no part of the word; elsewhere `\\.` is an escaped
            // backslash before a full stop.
            let first = if words[0].starts_with(|c: char| c.is_ascii_digit()) {
                words[0].replacen("\\.", ".", 1).replacen("\\)", ")", 1)
            } else {
                words[0].clone()
            };
            let fits = display_width(line) + 1 + display_width(&first) <= width;
            // A word moves down only so that the next line does not open
            // with Markdown syntax.
            let moved_for_syntax = words.get(1).is_some_and(|w| opens_block(w));
            prop_assert!(!fits || moved_for_syntax, "{line:?} could hold {first:?} (width {width})");
        }
    }

    #[test]
    fn escaped_subjects_render_to_their_own_text(subject in mailish()) {
        let subject: String = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assume!(!subject.is_empty());
        let markdown = wrap(&inline(&subject), 80);
        // Backticks the author put around code are shown as code spans.
        let shown = visible_text(&markdown).replace('`', "");
        let meant: String = subject.replace('`', "");
        let meant = meant.split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(shown.split_whitespace().collect::<Vec<_>>().join(" "), meant);
    }

    #[test]
    fn summaries_of_any_cover_letter_have_no_defect_and_end_a_sentence(
        body in cover_letter(),
        title in title(),
        tags in prop_oneof![
            Just("[PATCH v3 0/4] mm: "),
            Just("[PATCH] "),
            Just("[RFC PATCH 0/2] memcg: "),
            Just("[LSF/MM/BPF TOPIC] "),
            Just("[PATCH v2 0/3] mm:"),
        ],
    ) {
        let entry = cover_letter_entry(&format!("{tags}{title}"), &body);
        let summary = &entry.summary;
        prop_assert!(
            lkml_digest::prose::rules::check(summary).is_empty(),
            "{:?} in {:?}\nfrom {:?}",
            lkml_digest::prose::rules::check(summary),
            summary,
            body
        );
        let end = summary.trim_end_matches(['"', ')', '`']);
        prop_assert!(end.ends_with(['.', '!', '?']), "{:?}", summary);
    }

    #[test]
    fn a_summary_never_opens_on_a_sentence_that_points_back(
        body in cover_letter(),
        title in title(),
    ) {
        let entry = cover_letter_entry(&format!("[PATCH 0/3] mm: {title}"), &body);
        let sentences = lkml_digest::prose::sentences_of(&entry.summary);
        let first = lkml_digest::prose::Sentence::read(sentences[0]);
        prop_assert!(
            !first.points_back() && !first.opens_with_pronoun(),
            "{:?} opens on a pointer back\nfrom {:?}",
            entry.summary,
            body
        );
        for sentence in &sentences[1..] {
            prop_assert!(
                !lkml_digest::prose::Sentence::read(sentence).points_back(),
                "{:?} in {:?}",
                sentence,
                entry.summary
            );
        }
    }

    #[test]
    fn any_text_reads_as_a_post_or_says_why_not(text in mailish()) {
        let post = format!("---\ndate: 2022-01-01\n---\n\n{text}");
        let _ = lkml_digest::post_format::read(&post);
        let _ = lkml_digest::post_format::read(&text);
    }

    #[test]
    fn any_bytes_are_history_or_one_warning(data in prop::collection::vec(any::<u8>(), 0..600)) {
        let history = History::from_files(vec![("/site/p.md".into(), Ok(data))]);
        prop_assert_eq!(history.posts().len() + history.warnings().len(), 1);
    }

    #[test]
    fn what_render_writes_history_reads_back(
        entries in prop::collection::vec((mailish(), "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}", mailish(), 0u32..1000), 1..5),
    ) {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let entries: Vec<(String, String, String, String)> = entries
            .into_iter()
            .enumerate()
            .map(|(i, (subject, author, summary, n))| {
                (one_line(&subject), author, summary, format!("{n}-{i}@example.org"))
            })
            .filter(|(subject, ..)| subject.chars().any(char::is_alphanumeric))
            .collect();
        prop_assume!(!entries.is_empty());
        let draft = draft_of(&entries);
        let written = render(&draft, Format::Hugo).unwrap();
        let read = lkml_digest::post_format::read(&written).unwrap();
        prop_assert_eq!(read.entries.len(), entries.len(), "{}", written);
        for (back, (subject, author, _, id)) in read.entries.iter().zip(&entries) {
            // Backticks are markup: a code span's or an escaped one.
            prop_assert_eq!(
                one_line(&back.subject.replace('`', "")),
                one_line(&subject.replace('`', "")),
                "{}",
                written
            );
            prop_assert_eq!(back.author.as_deref(), Some(author.as_str()));
            prop_assert_eq!(back.message_ids.first(), Some(id));
        }
    }
}

/// The entry drafted for a cover letter by Jane Doe of `subject` and `body`.
fn cover_letter_entry(subject: &str, body: &str) -> lkml_digest::compose::Entry {
    let mail = format!(
        "From: Jane Doe <jane@example.org>\nSubject: {subject}\n\
         Date: Thu, 1 Sep 2022 10:00:00 +0000\nMessage-ID: <c@example.org>\n\n{body}\n"
    );
    let message = Message::parse(mail.as_bytes()).unwrap();
    let pool = lkml_digest::parse::Pool::new([message], None);
    let thread = pool.thread_of("c@example.org").unwrap();
    let options = lkml_digest::compose::Options::new(
        chrono::DateTime::parse_from_rfc3339("2022-09-05T00:00:00Z").unwrap(),
    );
    lkml_digest::compose::entry(&thread, pool.get("c@example.org").unwrap(), &options)
}

/// A cover letter's sentences of every class an editor must fix, and
/// plain ones, in paragraphs.
fn cover_letter() -> impl Strategy<Value = String> {
    let paragraph = prop_oneof![
        // First person.
        Just("We propose a new knob for the reclaim path.".to_string()),
        Just("I'd like to do another session on how the struct page dismemberment is going.".to_string()),
        Just("This allows us to provision memory for each cgroup.".to_string()),
        Just("No regressions with an xfstests run on my setup.".to_string()),
        Just("In this series, we convert the memcg code to folios.".to_string()),
        // Pointing back.
        Just("Hence, reclaim caused by the knob is not counted in vmpressure.".to_string()),
        Just("Such data suggests that the approach works for most workloads.".to_string()),
        Just("Furthermore, a new memcg events listener is introduced.".to_string()),
        Just("So introduce a write lock/unlock wrapper for the mmap lock.".to_string()),
        Just("It is therefore possible to reclaim cold pages earlier.".to_string()),
        Just("Also, Barry is implementing the remaining part of the work.".to_string()),
        // Lists.
        Just("This patchset implements several improvements: 1. Gracefully handles module unloading; 2. Adds a knob.".to_string()),
        Just("KUnit will be able to: (1) Fail tests (2) Pass tests (3) Skip tests".to_string()),
        Just("It keeps their advantages of:\n\n1. speed\n2. size".to_string()),
        Just("The changes are:\n - a knob\n - a counter".to_string()),
        Just("This patchset has three optimizations: (A) Reduce atomic ops in the charge path.".to_string()),
        // No sentence.
        Just("On Thu, Jun 10, 2021 at 11:08 AM Enrico Weigelt, metux IT consult wrote:".to_string()),
        Just("Thanks,\nJane".to_string()),
        Just("commit 1234567890ab (\"mm: fix the leak\") made this worse".to_string()),
        Just("This fixes the race in the fault path\nSigned-off-by: Jane Doe <jane@example.org>".to_string()),
        // Leftovers.
        Just("The design is described in the documentation (see https://lore.kernel.org/r/a@b.c).".to_string()),
        Just("[1] https://example.org/design".to_string()),
        // Dangling references.
        Just("The second version of this patchset tries to reduce the use of such sequences.".to_string()),
        Just("The patch fixes this issue by taking the lock earlier in the fault path.".to_string()),
        Just("Here is the second version of the reclaim knob patchset.".to_string()),
        Just("In response, the patchset adds a knob to the reclaim path.".to_string()),
        Just("The reason is two fold: the device is always available here.".to_string()),
        Just("It adds a counter for every reclaim pass over the node lists.".to_string()),
        Just("The above protection is no longer needed on arm64.".to_string()),
        Just("The same approach is used for the slab allocator as well.".to_string()),
        Just("Even with that the driver is still slow to quiesce its queues.".to_string()),
        Just("The only reason this hasn't been a problem is that few use partitions.".to_string()),
        // Cut: a paragraph that runs on into its list, a bracket never
        // opened, a reason without its main clause.
        Just("With the new flag, the knob's meaning becomes,\n\n- on for all\n- off for some".to_string()),
        Just("Drivers should use dma_alloc() or dma_map()) instead of the old calls.".to_string()),
        Just("Because the policy given explicitly should take precedence.".to_string()),
        // A "we" or "I" that is not the author's doing.
        Just("We have a single coherent interface for updating the size of a device.".to_string()),
        Just("I'm not sure the knob is the right interface for this.".to_string()),
        // Orders without a subject, as commit messages write.
        Just("Introduce XIP support for RISC-V platforms with a new config option.".to_string()),
        Just("In mm/userfaultfd.c, break the logic to install PTEs out into a helper.".to_string()),
        Just("Move them to the new header and include it only where needed.".to_string()),
        // Pointers elsewhere, asides, changelogs and test reports.
        Just("The specification can be found in following link for the curious.".to_string()),
        Just("The earlier part of the series isn't terribly interesting to most readers.".to_string()),
        Just("Compile-tested on various architectures, quickly tested memory hotplug on x86-64.".to_string()),
        Just("No changes comparing to 5.14 apart from the rebase onto the new tree.".to_string()),
        Just("We can see a complete snapshot of the reclaim state in the new file.".to_string()),
        Just("The benchmark was run on a 64-core machine with 1TB of memory.".to_string()),
        Just("Tested on x86-64 with the new selftest and the mm selftests.".to_string()),
        Just("- small nit: it makes better sense to s/knob_reclaim/reclaim_knob/g in the title.".to_string()),
        // A commit message's order after an adverb; the work with a plural verb.
        Just("Simply remove the modification from the global OOM handler.".to_string()),
        Just("This patchset implement three optimizations of the charge path.".to_string()),
        // The lead again, in the cover letter's words.
        Just("This patchset introduces a reclaim knob.".to_string()),
        Just("The knob introduces proactive reclaim for the memory cgroup.".to_string()),
        // A problem named as known, never said.
        Just("The patch reworks both helpers to fix the boot problems.".to_string()),
        Just("The issue occurs when the lock is released before the fault.".to_string()),
        // An example's steps, which are no change.
        Just("Example:\n\nCreate two processes bound to two nodes by their cpusets.".to_string()),
        // The author in other tenses, and after an opening phrase.
        Just("I'm proposing to expose the change attribute via statx.".to_string()),
        Just("On behalf of the Rust team, I would like to suggest a plenary session.".to_string()),
        Just("Once everyone is happy with it, I would add it to my tree.".to_string()),
        // Background and what is still missing.
        Just("The kernel already reports page migrations in memory.stat.".to_string()),
        Just("The big thing that is still missing is the wakeup of idle CPUs.".to_string()),
        // A clause that says where the rest holds, pointing back; "that"
        // as an object pointing back.
        Just("In these devices, the zone cap is not the zone size.".to_string()),
        Just("While the patchset supports that scheme, the knob may be slow.".to_string()),
        // The author's English: a typo, initials in lower case, a place
        // named without its article.
        Just("The knob gives more flexiblity to the reclaim path on each cpu.".to_string()),
        Just("The knob is read in global OOM path for pagemap file.".to_string()),
        // Markup.
        Just("# The solution: a knob that makes the code more robust.".to_string()),
        // Plain.
        Just("This patchset makes the reclaim path fair across memory tiers.".to_string()),
        Just("The knob is off by default and costs nothing when unused.".to_string()),
        Just("DAMON currently ages a region only when its access count does not change.".to_string()),
    ];
    prop::collection::vec(paragraph, 1..7).prop_map(|p| p.join("\n\n"))
}

/// A subject's title in each form kernel subjects take.
fn title() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("introduce a reclaim knob".to_string()),
        Just("don't count proactive reclaim in vmpressure".to_string()),
        Just("initiate deprecation of v1 features".to_string()),
        Just("Adding a knob for reclaim".to_string()),
        Just("Proactive compaction".to_string()),
        Just("perform /proc/pid/maps read under per-vma lock".to_string()),
        Just("Create a new system state and fix core_kernel_text()".to_string()),
    ]
}

/// A draft of entries (subject, author, summary, message ID), as compose
/// would hand it to render.
fn draft_of(entries: &[(String, String, String, String)]) -> lkml_digest::compose::Draft {
    let entries = entries
        .iter()
        .map(|(subject, author, summary, id)| {
            serde_json::from_value(serde_json::json!({
                "message_id": id,
                "link": format!("https://lore.kernel.org/{}", lkml_digest::input::escape_id(id)),
                "subject": subject,
                "author": author,
                "author_email": "a@example.org",
                "date": "",
                "kind": "patch",
                "version": 1,
                "patches": 1,
                "messages": 1,
                "participants": 1,
                "trailers": serde_json::to_value(lkml_digest::parse::Trailers::default()).unwrap(),
                "summary": summary,
            }))
            .unwrap()
        })
        .collect();
    serde_json::from_value::<lkml_digest::compose::Draft>(serde_json::json!({
        "title": "LKML News v6.0-rc4",
        "date": "2022-09-05T00:00:00Z",
        "entries": [],
        "failed": [],
    }))
    .map(|mut d| {
        d.entries = entries;
        d
    })
    .unwrap()
}

/// The words of a line of inline Markdown, a code span being one word.
fn markdown_words(line: &str) -> Vec<String> {
    let mut words = vec![String::new()];
    let (mut in_code, mut escaped) = (false, false);
    for c in line.chars() {
        match c {
            '`' if !escaped => in_code = !in_code,
            ' ' if !in_code => {
                words.push(String::new());
                continue;
            }
            _ => {}
        }
        escaped = c == '\\' && !escaped && !in_code;
        words.last_mut().unwrap().push(c);
    }
    words.retain(|w| !w.is_empty());
    words
}

fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Whether a word at the start of a line would open a Markdown block.
fn opens_block(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    matches!(word, "-" | "+" | "*" | ">" | "|")
        || word.starts_with('#') && word.trim_start_matches('#').is_empty()
        || word.starts_with('>')
        || word.starts_with('|')
        || word.chars().all(|c| c == '-' || c == '=' || c == '*') && !word.is_empty()
        || digits > 0 && matches!(&word[digits..], "." | ")")
}

/// What a CommonMark renderer shows of `markdown`: the text of its HTML,
/// with entities decoded and white space collapsed.
fn visible_text(markdown: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
