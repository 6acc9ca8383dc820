//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod http;
pub mod kernel;

use std::io::Write;
use std::path::PathBuf;

/// `../shared/corpus`, or `None` (with a printed notice) where it is absent.
/// `.ci/run` sets `LKML_DIGEST_REQUIRE_CORPUS=1`, which turns absence into
/// a failure.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.join("truth.jsonl").is_file() {
        return Some(dir);
    }
    if std::env::var_os("LKML_DIGEST_REQUIRE_CORPUS").is_some_and(|v| v == "1") {
        panic!("{test}: ../shared/corpus is required (LKML_DIGEST_REQUIRE_CORPUS=1) but missing");
    }
    notice(&format!("SKIPPED {test}: ../shared/corpus is not here"));
    None
}

/// `week` over the samples' week, as the samples' golden post dates it.
pub const SAMPLE_WEEK: [&str; 8] = [
    "week",
    "--mbox",
    "samples/threads",
    "--since",
    "2022-08-28",
    "--until",
    "2022-09-06",
    "--date=2022-09-05",
];

/// The binary, run from the project root, with no config file of the
/// user's to change what it does.
pub fn lkml_digest() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_lkml-digest"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LKML_DIGEST_CONFIG", "/dev/null");
    command
}

/// Runs the binary with `args`, feeding `stdin` (from a thread, so that a
/// large input cannot block on a full pipe) or nothing.
pub fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::process::Stdio;
    let mut child = lkml_digest()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || pipe.write_all(&bytes));
    }
    child.wait_with_output().unwrap()
}

/// A running `lkml-digest serve`, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT`, no trailing slash.
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `serve` on a free port with the samples as its mail, as a user starts
/// it; the URL is the one line it prints.
pub fn serve_samples() -> Server {
    serve(&["--mbox", "samples/threads", "--date", "2022-09-05"])
}

/// `serve --bind 127.0.0.1:0 ARGS...`.
pub fn serve(args: &[&str]) -> Server {
    use std::io::BufRead;
    let mut child = lkml_digest()
        .args(["serve", "--bind", "127.0.0.1:0"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("http://127.0.0.1:"), "{line:?}");
    Server {
        child,
        url: line.trim().trim_end_matches('/').to_string(),
    }
}

/// `draft --format json --date 2022-09-05 ARGS...` (the samples' date),
/// caching in `cache` where given: the draft as JSON, and the output.
pub fn draft_json(
    args: &[&str],
    cache: Option<&std::path::Path>,
) -> (serde_json::Value, std::process::Output) {
    let mut command = lkml_digest();
    command.args(["draft", "--format", "json", "--date", "2022-09-05"]);
    command.args(args);
    if let Some(cache) = cache {
        command.env("LKML_DIGEST_CACHE_DIR", cache);
    }
    let out = command.output().unwrap();
    (json_stdout(&out), out)
}

/// A command's standard output read as JSON; its standard error shown
/// where it is not JSON.
pub fn json_stdout(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "JSON expected; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// Asserts a command's exit status, showing its standard error otherwise.
pub fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Prints past the test harness's capture, so that a skip is seen even
/// when the test passes: the harness captures `eprintln!`, not the stream
/// itself. (Opening /dev/stderr, as this did, fails where standard error
/// is a socket, and the notice was swallowed.)
pub fn notice(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// Unigram F1 (ROUGE-1) of two texts, on lowercased alphanumeric words.
pub fn rouge1_f1(candidate: &str, reference: &str) -> f64 {
    use std::collections::HashMap;
    fn counts(text: &str) -> HashMap<String, usize> {
        let mut map = HashMap::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| !w.is_empty())
        {
            *map.entry(word.to_lowercase()).or_insert(0) += 1;
        }
        map
    }
    let (c, r) = (counts(candidate), counts(reference));
    let overlap: usize = c
        .iter()
        .map(|(w, n)| (*n).min(*r.get(w).unwrap_or(&0)))
        .sum();
    let (nc, nr): (usize, usize) = (c.values().sum(), r.values().sum());
    if overlap == 0 || nc == 0 || nr == 0 {
        return 0.0;
    }
    let (p, rec) = (overlap as f64 / nc as f64, overlap as f64 / nr as f64);
    2.0 * p * rec / (p + rec)
}
