//! `--summarizer CMD`: the editor's own summarizer, with the built-in
//! summary kept wherever it fails.

mod common;

use std::process::Output;

use serde_json::Value;

fn draft_with(args: &[&str]) -> (Value, Output) {
    let samples: &[&str] = &["--mbox", "samples/threads", "samples/ids.txt"];
    common::draft_json(&[samples, args].concat(), None)
}

fn summaries(value: &Value) -> Vec<String> {
    value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["summary"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_summarizers_output_is_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("summarize.sh");
    // Reads the entry's JSON and answers from its subject and kind.
    std::fs::write(
        &script,
        "#!/bin/sh\nsed -n 's/.*\"subject\":\"\\([^\"]*\\)\".*\"kind\":\"\\([a-z]*\\)\".*/A \\2 about \\1./p'\n",
    )
    .unwrap();
    let command = format!("sh {}", script.display());
    let (value, out) = draft_with(&["--summarizer", &command]);
    common::assert_exit(&out, 0);
    let summaries = summaries(&value);
    assert_eq!(summaries.len(), 5);
    assert!(
        summaries
            .iter()
            // "A event" is proofread as any summary: "An event".
            .all(|s| (s.starts_with("A ") || s.starts_with("An ")) && s.contains(" about ")),
        "{summaries:?}"
    );
    assert!(summaries.contains(&"A pull about [GIT PULL] slab fixes for 6.0-rc4.".to_string()));
}

#[test]
fn a_failing_summarizer_keeps_the_built_in_summary_with_one_line_each() {
    let (built_in, _) = draft_with(&[]);
    let (value, out) = draft_with(&["--summarizer", "exit 3"]);
    common::assert_exit(&out, 0);
    assert_eq!(summaries(&value), summaries(&built_in));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("--summarizer"))
        .collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(
        lines[0].contains("exit status: 3; the built-in summary is kept"),
        "{stderr}"
    );
}

#[test]
fn a_summarizer_past_its_timeout_is_stopped() {
    let started = std::time::Instant::now();
    let (value, out) = draft_with(&[
        "--summarizer",
        "sleep 30",
        "--summarizer-timeout",
        "1s",
        "--summarizer-jobs",
        "5",
    ]);
    common::assert_exit(&out, 0);
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert_eq!(summaries(&value).len(), 5);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("took longer than 1s"), "{stderr}");
}

#[test]
fn an_empty_answer_is_a_failure() {
    let (built_in, _) = draft_with(&[]);
    let (value, out) = draft_with(&["--summarizer", "cat > /dev/null"]);
    assert_eq!(summaries(&value), summaries(&built_in));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it printed nothing"));
}
