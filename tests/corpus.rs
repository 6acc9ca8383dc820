//! The draft pipeline against real threads and the entries editors wrote
//! about them (`../shared/corpus`). Skipped with a notice where the corpus
//! is absent; `.ci/run` requires it.

mod common;

use chrono::DateTime;
use lkml_digest::compose::{self, Options};
use lkml_digest::draft::pool_from;
use lkml_digest::fetch::read_mailboxes;
use lkml_digest::parse::Message;
use serde_json::Value;

struct Case {
    truth: Value,
    entry: compose::Entry,
    first_paragraph: String,
}

fn cases(corpus: &std::path::Path) -> Vec<Case> {
    let options = Options::new(DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap());
    let truth = std::fs::read_to_string(corpus.join("truth.jsonl")).unwrap();
    truth
        .lines()
        .map(|line| {
            let truth: Value = serde_json::from_str(line).unwrap();
            let file = corpus.join(truth["thread_file"].as_str().unwrap());
            let (raw, errors) = read_mailboxes(&[file]);
            assert!(errors.is_empty(), "{errors:?}");
            let (pool, _) = pool_from(&raw, None);
            let id = truth["message_id"].as_str().unwrap();
            let thread = pool
                .thread_of(id)
                .unwrap_or_else(|| panic!("{id} not in its thread file"));
            let message: &Message = pool.get(id).unwrap();
            let entry = compose::entry(&thread, message, &options);
            Case {
                first_paragraph: first_paragraph(&message.body, 60),
                truth,
                entry,
            }
        })
        .collect()
}

/// The baseline: the body's first paragraph, cut at 60 words.
fn first_paragraph(body: &str, words: usize) -> String {
    let paragraph = body
        .split("\n\n")
        .find(|p| !p.trim().is_empty())
        .unwrap_or("");
    paragraph
        .split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The editor's subject without the backticks they added for Markdown.
fn truth_subject(truth: &Value) -> String {
    truth["subject"].as_str().unwrap().replace('`', "")
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn subjects_match_the_editors_for_at_least_46_of_47_threads() {
    let Some(corpus) = common::corpus("subjects_match_the_editors") else {
        return;
    };
    let cases = cases(&corpus);
    let mismatches: Vec<String> = cases
        .iter()
        .filter(|c| c.entry.subject != truth_subject(&c.truth))
        .map(|c| format!("{:?} != {:?}", c.entry.subject, truth_subject(&c.truth)))
        .collect();
    let matched = cases.len() - mismatches.len();
    eprintln!(
        "subjects: {matched}/{} match; mismatches: {mismatches:#?}",
        cases.len()
    );
    assert_eq!(cases.len(), 47);
    assert!(matched >= 46, "{mismatches:#?}");
}

/// Edits (insertions, deletions, substitutions) between two names.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn authors_match_the_editors_names_up_to_their_typos() {
    let Some(corpus) = common::corpus("authors_match_the_editors") else {
        return;
    };
    let cases = cases(&corpus);
    let (mut named, mut exact, mut typos) = (0, 0, Vec::new());
    let mut mismatches = Vec::new();
    for case in &cases {
        // Where the editor's heading named nobody, any author is right.
        let Some(expected) = case.truth["author"].as_str() else {
            continue;
        };
        named += 1;
        let ours = &case.entry.author;
        if ours.eq_ignore_ascii_case(expected) {
            exact += 1;
        } else if edit_distance(&ours.to_lowercase(), &expected.to_lowercase()) <= 2 {
            typos.push(format!("{ours:?} ~ {expected:?}"));
        } else {
            mismatches.push(format!("{ours:?} != {expected:?}"));
        }
    }
    eprintln!(
        "authors: {exact}/{named} equal to the editors' names, {} within two letters of an editor's typo {typos:?}; mismatches: {mismatches:#?}",
        typos.len()
    );
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn summaries_are_an_editors_length() {
    let Some(corpus) = common::corpus("summaries_are_an_editors_length") else {
        return;
    };
    let cap = lkml_digest::parse::summary::DEFAULT_WORDS;
    let mut lengths = Vec::new();
    for case in cases(&corpus) {
        let words = case.entry.summary.split_whitespace().count();
        assert!(words <= cap, "{}: {words} words", case.entry.message_id);
        if case.entry.kind != compose::Kind::Pull {
            assert!(
                words >= 8,
                "{}: {words} words: {:?}",
                case.entry.message_id,
                case.entry.summary
            );
        }
        lengths.push(words);
    }
    lengths.sort_unstable();
    let median = lengths[lengths.len() / 2];
    eprintln!(
        "summary words: median {median}, 10th percentile {}, 90th {}",
        lengths[lengths.len() / 10],
        lengths[lengths.len() * 9 / 10]
    );
    assert!((15..=35).contains(&median), "median {median} words");
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn summaries_have_no_defect_an_editor_must_fix() {
    let Some(corpus) = common::corpus("summaries_have_no_defect") else {
        return;
    };
    let cases = cases(&corpus);
    let checked: Vec<&Case> = cases
        .iter()
        .filter(|c| c.entry.kind != compose::Kind::Pull)
        .collect();
    let defective: Vec<String> = checked
        .iter()
        .filter_map(|c| {
            let defects = lkml_digest::prose::rules::check(&c.entry.summary);
            (!defects.is_empty()).then(|| format!("{defects:?}: {}", c.entry.summary))
        })
        .collect();
    let clean = checked.len() - defective.len();
    let repaired: Vec<String> = checked
        .iter()
        .filter(|c| !c.entry.repairs.is_empty())
        .map(|c| format!("{:?}: {}", c.entry.repairs, c.entry.summary))
        .collect();
    common::notice(&format!(
        "summaries without a defect: {clean}/{} ({:.0}%), pull requests aside; {} repaired: {repaired:#?}; defective: {defective:#?}",
        checked.len(),
        100.0 * clean as f64 / checked.len() as f64,
        repaired.len()
    ));
    assert!(
        clean * 100 >= checked.len() * 95,
        "{clean}/{} without a defect",
        checked.len()
    );
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn summaries_score_rouge1_against_the_editors() {
    let Some(corpus) = common::corpus("summaries_score_rouge1") else {
        return;
    };
    let cases = cases(&corpus);
    let n = cases.len() as f64;
    let mean = |text: &dyn Fn(&Case) -> String| {
        cases
            .iter()
            .map(|c| common::rouge1_f1(&text(c), c.truth["summary"].as_str().unwrap()))
            .sum::<f64>()
            / n
    };
    let ours = mean(&|c| c.entry.summary.clone());
    let excerpt = mean(&|c| c.entry.excerpt.clone());
    let baseline = mean(&|c| c.first_paragraph.clone());
    eprintln!(
        "ROUGE-1 F1 over {n} threads: lkml-digest {ours:.4} (the author's sentences alone {excerpt:.3}), first paragraph (60 words) {baseline:.3}"
    );
    assert!(ours >= 0.33, "ROUGE-1 {ours:.4} < 0.33");
    assert!(ours > baseline, "ours {ours:.3} <= baseline {baseline:.3}");
}

/// What the test itself finds covered before a thread, without the history
/// module: an earlier post (dated before the thread's own) whose entry has
/// the thread's title without tags, or links a message the thread's first
/// mail links (its earlier revision). Names of the posts found.
fn covered_before(
    posts: &[(String, DateTime<chrono::FixedOffset>, String)],
    truth: &Value,
    body: &str,
) -> Vec<String> {
    let own = DateTime::parse_from_rfc3339(truth["post_date"].as_str().unwrap()).unwrap();
    let title = |subject: &str| {
        lkml_digest::parse::identity::normalized_title(
            &lkml_digest::parse::Subject::parse(&subject.replace('`', "")).title,
        )
    };
    let wanted = title(truth["subject"].as_str().unwrap());
    let linked: Vec<String> = lkml_digest::post_format::mail_links(body);
    let mut found = Vec::new();
    for (name, date, text) in posts.iter().filter(|(_, d, _)| *d < own) {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let underlined = lines
                .get(i + 1)
                .is_some_and(|u| u.len() >= 3 && u.chars().all(|c| c == '-'));
            if !underlined || line.trim().is_empty() {
                continue;
            }
            let heading = line.rsplit_once(" (").map_or(*line, |(s, _)| s);
            let link = lines[i + 2..]
                .iter()
                .find(|l| l.starts_with("http"))
                .map(|l| lkml_digest::post_format::mail_links(l))
                .unwrap_or_default();
            if title(heading) == wanted || link.iter().any(|id| linked.contains(id)) {
                found.push(name.clone());
                let _ = date;
            }
        }
    }
    found
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn history_brings_the_editors_words_to_the_series_it_covered_and_leaves_the_rest() {
    let Some(corpus) = common::corpus("history_brings_the_editors_words") else {
        return;
    };
    let history = lkml_digest::history::History::read(&corpus.join("posts"));
    assert!(history.warnings().is_empty(), "{:?}", history.warnings());
    let mut posts = Vec::new();
    for file in std::fs::read_dir(corpus.join("posts")).unwrap() {
        let path = file.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let date = text
            .lines()
            .find_map(|l| {
                l.strip_prefix("date")
                    .map(|d| d.trim_start_matches([':', '=', ' ']))
            })
            .and_then(|d| {
                DateTime::parse_from_rfc3339(d.trim())
                    .or_else(|_| DateTime::parse_from_rfc2822(d.trim()))
                    .ok()
            });
        let Some(date) = date else { continue };
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        posts.push((name, date, text));
    }
    let truth = std::fs::read_to_string(corpus.join("truth.jsonl")).unwrap();
    let (mut with, mut without, mut covered, mut unchanged) = (0.0, 0.0, 0, 0);
    for line in truth.lines() {
        let truth: Value = serde_json::from_str(line).unwrap();
        let (raw, _) = read_mailboxes(&[corpus.join(truth["thread_file"].as_str().unwrap())]);
        let (pool, _) = pool_from(&raw, None);
        let id = truth["message_id"].as_str().unwrap();
        let date = DateTime::parse_from_rfc3339(truth["post_date"].as_str().unwrap()).unwrap();
        let options = Options::new(date);
        let message = pool.get(id).unwrap();
        let plain = compose::entry(&pool.thread_of(id).unwrap(), message, &options);
        let mut remembered = plain.clone();
        let before = history.before(date.to_utc(), None);
        compose::follow_up::remember(
            &mut remembered,
            &pool,
            &before,
            &before.at_hand(&pool),
            &options,
        );
        let editors = truth["summary"].as_str().unwrap();
        let found = covered_before(&posts, &truth, &pool.get(&plain.message_id).unwrap().body);
        if found.is_empty() {
            assert_eq!(
                remembered.summary, plain.summary,
                "{id}: not covered before, yet changed"
            );
            unchanged += 1;
            continue;
        }
        covered += 1;
        assert!(
            !remembered.covered.is_empty(),
            "{id}: covered in {found:?}, but the entry has no `covered`"
        );
        with += common::rouge1_f1(&remembered.summary, editors);
        without += common::rouge1_f1(&plain.summary, editors);
        common::notice(&format!(
            "covered before in {found:?}: {}\n  with history:    {}\n  without history: {}\n  editor:          {}",
            plain.subject,
            remembered.summary,
            plain.summary,
            editors.replace('\n', " ")
        ));
    }
    let n = covered.max(1) as f64;
    common::notice(&format!(
        "history: {covered} of the threads' series were covered before; their ROUGE-1 F1 with history {:.3}, without {:.3}; {unchanged} others unchanged",
        with / n,
        without / n
    ));
    assert!(covered >= 3, "only {covered} threads covered before");
    assert!(
        with > without,
        "ROUGE-1 with history {:.3} <= without {:.3}",
        with / n,
        without / n
    );
}
