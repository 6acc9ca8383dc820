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

#[test]
fn authors_match_the_editors_for_at_least_40_of_47_threads() {
    let Some(corpus) = common::corpus("authors_match_the_editors") else {
        return;
    };
    let cases = cases(&corpus);
    let mut named = 0;
    let mut strict = 0;
    let mut mismatches = Vec::new();
    for case in &cases {
        match case.truth["author"].as_str() {
            // The editor's heading named nobody; any author is right.
            None => {}
            Some(expected) => {
                named += 1;
                if case.entry.author.eq_ignore_ascii_case(expected) {
                    strict += 1;
                } else {
                    mismatches.push(format!("{:?} != {expected:?}", case.entry.author));
                }
            }
        }
    }
    let unnamed = cases.len() - named;
    eprintln!(
        "authors: {strict}/{named} match where the editor named one, {} of {} counting the {unnamed} unnamed; mismatches: {mismatches:#?}",
        strict + unnamed,
        cases.len()
    );
    assert!(strict + unnamed >= 40, "{mismatches:#?}");
}

#[test]
fn every_thread_gets_a_summary_within_the_word_limit() {
    let Some(corpus) = common::corpus("every_thread_gets_a_summary") else {
        return;
    };
    for case in cases(&corpus) {
        let words = case.entry.summary.split_whitespace().count();
        assert!(
            words > 0 && words <= 60,
            "{}: {words} words",
            case.entry.message_id
        );
    }
}

#[test]
fn summaries_score_rouge1_against_the_editors() {
    let Some(corpus) = common::corpus("summaries_score_rouge1") else {
        return;
    };
    let cases = cases(&corpus);
    let n = cases.len() as f64;
    let ours: f64 = cases
        .iter()
        .map(|c| common::rouge1_f1(&c.entry.summary, c.truth["summary"].as_str().unwrap()))
        .sum::<f64>()
        / n;
    let baseline: f64 = cases
        .iter()
        .map(|c| common::rouge1_f1(&c.first_paragraph, c.truth["summary"].as_str().unwrap()))
        .sum::<f64>()
        / n;
    eprintln!(
        "ROUGE-1 F1 over {n} threads: lkml-digest {ours:.3}, first paragraph (60 words) {baseline:.3}"
    );
    // The summary must at least beat the naive baseline it replaces.
    assert!(ours > baseline, "ours {ours:.3} <= baseline {baseline:.3}");
}
