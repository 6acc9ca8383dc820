//! MAINTAINERS sections as interests, each entry's sections, and the post
//! grouped by area or section: `week` on the samples with the excerpt in
//! tests/fixtures/maintainers, and the real file of Linux 6.1 where
//! ../shared has it.

mod common;

use std::collections::HashMap;

use serde_json::Value;

const MAINTAINERS: &str = "tests/fixtures/maintainers/MAINTAINERS";

/// `week` over the samples' week with `extra`: its output.
fn week(extra: &[&str]) -> std::process::Output {
    common::lkml_digest()
        .args(common::SAMPLE_WEEK)
        .args(extra)
        .output()
        .unwrap()
}

fn week_json(extra: &[&str]) -> Value {
    let out = week(&[extra, &["--format", "json"]].concat());
    common::assert_exit(&out, 0);
    common::json_stdout(&out)
}

fn entry<'a>(draft: &'a Value, id_start: &str) -> &'a Value {
    draft["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["message_id"].as_str().unwrap().starts_with(id_start))
        .unwrap_or_else(|| panic!("no entry {id_start}: {draft}"))
}

/// The ranked candidate whose subject holds `needle`.
fn candidate<'a>(draft: &'a Value, needle: &str) -> &'a Value {
    draft["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["subject"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no candidate {needle}: {draft}"))
}

#[test]
fn a_section_interest_names_the_section_that_matched() {
    let out = week(&[
        "--maintainers",
        MAINTAINERS,
        "--interest",
        "section:damon",
        "--format",
        "json",
        "-v",
    ]);
    common::assert_exit(&out, 0);
    let draft = common::json_stdout(&out);
    let damon = candidate(&draft, "mm/damon");
    assert_eq!(
        damon["interests"],
        serde_json::json!(["section:DAMON", "list:linux-mm (section:damon)"])
    );
    // The named section's own files count as a path and a word would
    // (two interests matched); its list adds nothing to them.
    assert_eq!(damon["score"]["interest"], 10.0, "{damon}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("[interests section:DAMON, list:linux-mm (section:damon)]"),
        "{stderr}"
    );
}

#[test]
fn a_list_two_section_interests_name_is_one_piece_of_evidence() {
    let draft = week_json(&[
        "--maintainers",
        MAINTAINERS,
        "--interest",
        "section:DAMON",
        "--interest",
        "section:MEMORY MANAGEMENT",
    ]);
    let damon = candidate(&draft, "mm/damon");
    assert_eq!(
        damon["interests"],
        serde_json::json!([
            "section:DAMON",
            "list:linux-mm (section:DAMON)",
            "section:MEMORY MANAGEMENT"
        ])
    );
    assert_eq!(damon["score"]["interest"], 10.0, "{damon}");
}

#[test]
fn a_name_takes_every_section_it_begins() {
    let draft = week_json(&[
        "--maintainers",
        MAINTAINERS,
        "--interest",
        "section:MEMORY MANAGEMENT",
    ]);
    let interests = |needle: &str| -> Vec<String> {
        serde_json::from_value(candidate(&draft, needle)["interests"].clone()).unwrap()
    };
    assert_eq!(
        interests("slab fixes")[0],
        "section:MEMORY MANAGEMENT - SLAB ALLOCATORS"
    );
    assert_eq!(interests("mm/vmscan")[0], "section:MEMORY MANAGEMENT");
}

#[test]
fn an_unknown_section_is_a_usage_error_with_the_nearest_names() {
    let out = week(&[
        "--maintainers",
        MAINTAINERS,
        "--interest",
        "section:MEMORY MANAGMENT",
    ]);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no MAINTAINERS section is named \"MEMORY MANAGMENT\"; did you mean \"MEMORY MANAGEMENT\""),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn a_section_interest_without_maintainers_is_a_usage_error() {
    let out = week(&["--interest", "section:DAMON"]);
    common::assert_exit(&out, 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs --maintainers FILE"), "{stderr}");
}

#[test]
fn entries_and_candidates_name_the_sections_of_their_files() {
    let draft = week_json(&["--maintainers", MAINTAINERS]);
    let damon = entry(&draft, "20220829071201.4242-1");
    assert_eq!(damon["sections"], serde_json::json!(["DAMON"]));
    assert_eq!(
        entry(&draft, "20220901020327")["sections"],
        serde_json::json!(["MEMORY MANAGEMENT"])
    );
    // A topic without a diff has none.
    assert!(entry(&draft, "b7d1c0de")["sections"].is_null());
    let candidate = &draft["ranking"][0];
    assert!(candidate["sections"].is_array(), "{candidate}");
}

#[test]
fn a_line_that_cannot_be_read_is_one_warning_and_the_rest_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("MAINTAINERS");
    let text = std::fs::read_to_string(MAINTAINERS).unwrap();
    std::fs::write(
        &file,
        text.replace("K:\t\\bdamos_[a-z_]+\\b", "K:\t(?<=damos)_x"),
    )
    .unwrap();
    let out = week(&[
        "--maintainers",
        file.to_str().unwrap(),
        "--interest",
        "section:DAMON",
        "--format",
        "json",
    ]);
    common::assert_exit(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("MAINTAINERS:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(warnings[0].contains("MAINTAINERS:19: K:"), "{stderr}");
    let draft = common::json_stdout(&out);
    assert_eq!(
        entry(&draft, "20220829071201.4242-1")["sections"],
        serde_json::json!(["DAMON"])
    );
}

/// The lines of a post, counted.
fn lines(text: &str) -> HashMap<&str, usize> {
    let mut counted = HashMap::new();
    for line in text.lines() {
        *counted.entry(line).or_insert(0) += 1;
    }
    counted
}

#[test]
fn a_grouped_post_adds_its_group_headings_and_nothing_else() {
    let plain = week(&["--maintainers", MAINTAINERS, "--format", "hugo"]);
    let grouped = week(&[
        "--maintainers",
        MAINTAINERS,
        "--group",
        "areas",
        "--format",
        "hugo",
    ]);
    common::assert_exit(&grouped, 0);
    let (plain, grouped) = (
        String::from_utf8(plain.stdout).unwrap(),
        String::from_utf8(grouped.stdout).unwrap(),
    );
    let mut added = lines(&grouped);
    for (line, n) in lines(&plain) {
        let left = added
            .get_mut(line)
            .unwrap_or_else(|| panic!("{line:?} is lost"));
        assert!(*left >= n, "{line:?} is lost");
        *left -= n;
    }
    added.retain(|_, n| *n > 0);
    let mut added: Vec<&str> = added.into_keys().filter(|l| !l.is_empty()).collect();
    added.sort();
    assert_eq!(
        added,
        [
            "=========",
            "=================",
            "Community",
            "Memory management"
        ]
    );
    // Community first, the release announcement last and in no group.
    let community = grouped.find("\nCommunity\n=========\n").unwrap();
    let mm = grouped
        .find("\nMemory management\n=================\n")
        .unwrap();
    assert!(community < mm);
    assert!(grouped.rfind("Linux 6.0-rc4 (Linus Torvalds)").unwrap() > mm);
}

#[test]
fn every_format_shows_the_groups() {
    let args = ["--maintainers", MAINTAINERS, "--group", "areas"];
    for (format, heading) in [
        ("markdown", "Memory management\n=================\n"),
        ("text", "\nMemory management\n=================\n"),
        ("html", "<h1 class=\"group\">Memory management</h1>"),
    ] {
        let out = week(&[&args[..], &["--format", format]].concat());
        common::assert_exit(&out, 0);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(heading), "{format}: {text}");
    }
    let draft = week_json(&args);
    assert_eq!(entry(&draft, "b7d1c0de")["group"], "Community");
    assert_eq!(
        entry(&draft, "20220829071201.4242-1")["group"],
        "Memory management"
    );
}

#[test]
fn grouped_by_section_an_entry_stands_under_its_first_section() {
    let draft = week_json(&["--maintainers", MAINTAINERS, "--group", "sections"]);
    assert_eq!(entry(&draft, "20220829071201.4242-1")["group"], "DAMON");
    assert_eq!(
        entry(&draft, "20220901020327")["group"],
        "MEMORY MANAGEMENT"
    );
    let out = week(&["--group", "sections"]);
    common::assert_exit(&out, 2);
}

#[test]
fn a_grouped_post_reads_back_as_the_same_entries() {
    let read = |extra: &[&str]| {
        let out = week(&[&["--maintainers", MAINTAINERS, "--format", "hugo"], extra].concat());
        let text = String::from_utf8(out.stdout).unwrap();
        let mut entries: Vec<String> = lkml_digest::post_format::read(&text)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| format!("{} | {:?}", e.subject, e.message_ids))
            .collect();
        entries.sort();
        entries
    };
    let plain = read(&[]);
    assert_eq!(plain.len(), 5);
    assert_eq!(read(&["--group", "areas"]), plain);
}

#[test]
#[ignore = "needs ../shared/corpus: cargo test -- --include-ignored runs it"]
fn the_real_maintainers_places_memory_management_files_and_its_list() {
    let Some(corpus) = common::corpus("the_real_maintainers_places_memory_management") else {
        return;
    };
    let path = corpus.join("../kernel/MAINTAINERS");
    if !path.is_file() {
        common::notice("SKIPPED the_real_maintainers: ../shared/kernel/MAINTAINERS is not here");
        return;
    }
    let (maintainers, warnings) = lkml_digest::maintainers::Maintainers::read(&path).unwrap();
    common::notice(&format!(
        "the real MAINTAINERS: {} sections, {} warnings",
        maintainers.sections().len(),
        warnings.len()
    ));
    assert!(maintainers.sections().len() > 2000);
    let mm = maintainers.named("MEMORY MANAGEMENT").unwrap();
    assert!(mm.iter().any(|s| s.holds("mm/vmscan.c")));
    assert!(mm.iter().any(|s| s.holds("include/linux/mm.h")));
    assert!(mm.iter().any(|s| s.lists.iter().any(|l| l == "linux-mm")));
    let first = |file: &str| maintainers.section_of(file).unwrap().name.clone();
    assert_eq!(first("mm/vmscan.c"), "MEMORY MANAGEMENT");
    assert_eq!(
        first("mm/memcontrol.c"),
        "CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)"
    );
    assert_eq!(
        first("Makefile"),
        "KERNEL BUILD + files below scripts/ (unless maintained elsewhere)"
    );
    assert_eq!(first("README"), "THE REST");
}

#[test]
fn the_config_file_names_maintainers_and_the_grouping() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MAINTAINERS);
    std::fs::write(
        &config,
        format!(
            "maintainers = {:?}\ngroup = \"sections\"\n",
            file.to_str().unwrap()
        ),
    )
    .unwrap();
    let draft = week_json(&["--config", config.to_str().unwrap()]);
    assert_eq!(entry(&draft, "20220829071201.4242-1")["group"], "DAMON");
}

#[test]
fn maintainers_default_to_the_kernel_repos() {
    let repo = tempfile::tempdir().unwrap();
    std::fs::copy(MAINTAINERS, repo.path().join("MAINTAINERS")).unwrap();
    let charts = repo.path().join("charts");
    let out = week(&[
        "--kernel-repo",
        repo.path().to_str().unwrap(),
        "--chart-dir",
        charts.to_str().unwrap(),
        "--format",
        "json",
    ]);
    // Not a git repository: the release charts fail (exit 1), alone.
    common::assert_exit(&out, 1);
    let draft = common::json_stdout(&out);
    assert_eq!(
        entry(&draft, "20220829071201.4242-1")["sections"],
        serde_json::json!(["DAMON"])
    );
}
