//! What fits the tool into a machine and a site: shell completions, the
//! man page, and posts written into a Hugo site's directory.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn output_of(args: &[&str]) -> Vec<u8> {
    let out = common::lkml_digest().args(args).output().unwrap();
    common::assert_exit(&out, 0);
    out.stdout
}

#[test]
fn completions_are_generated_for_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let script = String::from_utf8(output_of(&["completions", shell])).unwrap();
        assert!(script.contains("lkml"), "{shell}: {script}");
        assert!(script.contains("summary-words"), "{shell}");
    }
}

#[test]
fn the_bash_completion_is_valid_bash() {
    let script = output_of(&["completions", "bash"]);
    let mut bash = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    bash.stdin.take().unwrap().write_all(&script).unwrap();
    assert!(bash.wait().unwrap().success());
}

#[test]
fn the_man_page_is_roff_and_renders() {
    let page = output_of(&["man"]);
    let text = String::from_utf8_lossy(&page);
    assert!(text.contains(".TH lkml-digest 1"), "{text}");
    let available = Command::new("man")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        common::notice("SKIPPED the_man_page_is_roff_and_renders (man -l): man is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lkml-digest.1");
    std::fs::write(&path, &page).unwrap();
    let rendered = Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .unwrap();
    assert!(rendered.status.success());
    let shown = String::from_utf8_lossy(&rendered.stdout);
    assert!(shown.contains("Draft kernel news posts"), "{shown}");
}

#[test]
fn man_dir_writes_a_page_for_every_page_a_page_names() {
    let dir = tempfile::tempdir().unwrap();
    output_of(&["man", "--dir", dir.path().to_str().unwrap()]);
    let pages: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for sub in ["draft", "fetch", "week", "serve", "relstat"] {
        assert!(pages.contains(&format!("lkml-digest-{sub}.1")), "{pages:?}");
    }
    let named = regex::Regex::new(r"(lkml\\?-digest\\?-[a-z]+)\(1\)").unwrap();
    for page in &pages {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        for found in named.captures_iter(&text) {
            let name = found[1].replace('\\', "");
            assert!(
                pages.contains(&format!("{name}.1")),
                "{page} names {name}(1), not made"
            );
        }
    }
}

#[test]
fn man_and_completions_take_no_config_file() {
    for args in [
        &["man", "--config", "x.toml"][..],
        &["completions", "bash", "--config", "x.toml"],
    ] {
        let out = common::lkml_digest().args(args).output().unwrap();
        common::assert_exit(&out, 2);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("unexpected argument '--config'"),
            "{stderr}"
        );
    }
}

#[test]
fn man_and_completions_refuse_a_config_file_given_before_them() {
    for args in [
        &["--config", "x.toml", "man"][..],
        &["--config", "x.toml", "completions", "bash"],
    ] {
        let out = common::lkml_digest().args(args).output().unwrap();
        common::assert_exit(&out, 2);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--config means nothing to"), "{stderr}");
    }
}

#[test]
fn completions_offer_config_only_where_a_config_file_is_read() {
    let script = String::from_utf8(output_of(&["completions", "bash"])).unwrap();
    let options = |case: &str| {
        let at = script
            .find(case)
            .unwrap_or_else(|| panic!("{case} in {script}"));
        let line = script[at..].lines().find(|l| l.contains("opts=")).unwrap();
        line.to_string()
    };
    assert!(!options("lkml__subcmd__digest__subcmd__man)").contains("--config"));
    assert!(!options("lkml__subcmd__digest__subcmd__completions)").contains("--config"));
    assert!(options("lkml__subcmd__digest__subcmd__week)").contains("--config"));
}

#[test]
fn help_groups_the_options_and_ends_with_examples() {
    let help = String::from_utf8(output_of(&["week", "--help"])).unwrap();
    for heading in [
        "Input:",
        "Output:",
        "Lore and cache:",
        "Ranking:",
        "History and MAINTAINERS:",
        "Summaries:",
    ] {
        assert!(help.contains(heading), "{heading}: {help}");
    }
    assert!(
        help.trim_end()
            .lines()
            .last()
            .unwrap()
            .trim_start()
            .starts_with("lkml-digest week"),
        "{help}"
    );
    let short = String::from_utf8(output_of(&["week", "-h"])).unwrap();
    assert!(short.lines().count() < help.lines().count() / 2, "{short}");
}

#[test]
fn post_dir_writes_the_post_named_after_the_release_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let post_dir = dir.path().to_str().unwrap();
    let args = [
        "draft",
        "--mbox",
        "samples/threads",
        "samples/ids.txt",
        "--date",
        "2022-09-05",
        "--post-dir",
        post_dir,
    ];
    let first = common::lkml_digest().args(args).output().unwrap();
    common::assert_exit(&first, 0);
    let path = dir.path().join("lkml_news_v6.0-rc4.md");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("---\n"), "{written}");
    assert!(written.contains("title: \"LKML News v6.0-rc4\""));

    std::fs::write(&path, "the editor's own edits").unwrap();
    let again = common::lkml_digest().args(args).output().unwrap();
    common::assert_exit(&again, 2);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("lkml_news_v6.0-rc4.md") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the editor's own edits"
    );

    let mut forced = args.to_vec();
    forced.push("--force");
    let out = common::lkml_digest().args(&forced).output().unwrap();
    common::assert_exit(&out, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn a_post_without_a_release_is_named_after_its_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = common::lkml_digest()
        .args([
            "draft",
            "--mbox",
            "samples/threads",
            "--date",
            "2022-09-05",
            "--post-dir",
            dir.path().to_str().unwrap(),
            "20220901020327.77131-1-kai.tanaka@example.com",
        ])
        .output()
        .unwrap();
    common::assert_exit(&out, 0);
    assert!(dir.path().join("lkml_news_2022-09-05.md").is_file());
}
