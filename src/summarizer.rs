//! `--summarizer CMD`: an editor's own summarizer (a local language model,
//! say) in place of the built-in summary. Each entry goes to CMD as JSON
//! on standard input; what CMD prints is the summary. Any failure keeps the
//! built-in summary and says so in one line.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::compose::{Draft, Kind, SummarizerCommand, kind_of_past};
use crate::history::History;
use crate::parse::Pool;
use crate::parse::summary::prose_sentences;

/// The editor's summarizer, as `--summarizer` set it up.
#[derive(Debug, Clone, Copy)]
pub struct Summarizer<'a>(pub &'a SummarizerCommand);

/// What CMD reads: the entry, and the prose of the mail it is about.
#[derive(Debug, Serialize)]
struct Request<'a> {
    message_id: &'a str,
    subject: &'a str,
    author: &'a str,
    kind: Kind,
    revision: u32,
    patches: u32,
    /// The built-in summary and the author's sentences it was made from.
    summary: &'a str,
    excerpt: &'a str,
    /// The cover letter's (or the mail's) prose: greetings, changelogs,
    /// quotes, code and trailers left out.
    text: String,
    /// `--history`: the editor's own summary of the series' last covered
    /// revision, and up to three of their newest summaries of entries of
    /// the same kind, for a summarizer that writes in their voice.
    earlier_summary: Option<&'a str>,
    examples: Vec<&'a str>,
}

/// How many of the editor's summaries a request shows as examples.
const EXAMPLES: usize = 3;

impl Summarizer<'_> {
    /// Replaces each summary of `draft` with CMD's, `jobs` at a time; a
    /// line for each entry where CMD failed and the built-in one stays.
    /// `history` gives each request the editor's examples.
    pub fn apply(&self, draft: &mut Draft, pool: &Pool, history: Option<&History>) -> Vec<String> {
        let requests: Vec<String> = draft
            .entries
            .iter()
            .map(|e| {
                let text = pool
                    .get(&e.message_id)
                    .map(|m| prose_sentences(&m.body).join(" "))
                    .unwrap_or_default();
                serde_json::to_string(&Request {
                    message_id: &e.message_id,
                    subject: &e.subject,
                    author: &e.author,
                    kind: e.kind,
                    revision: e.revision,
                    patches: e.patches,
                    summary: &e.summary,
                    excerpt: &e.excerpt,
                    text,
                    earlier_summary: e.earlier_summary.as_deref(),
                    examples: history.map_or_else(Vec::new, |h| {
                        h.recent_summaries(EXAMPLES, |past| kind_of_past(past) == e.kind)
                    }),
                })
                .expect("a request serialises")
            })
            .collect();
        let results: Mutex<Vec<Option<Result<String, String>>>> =
            Mutex::new(vec![None; requests.len()]);
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..self.0.jobs.clamp(1, requests.len().max(1)) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(request) = requests.get(i) else {
                            break;
                        };
                        let result = self.run(request);
                        results.lock().expect("no worker panics")[i] = Some(result);
                    }
                });
            }
        });
        let mut notes = Vec::new();
        let results = results.into_inner().expect("no worker panics");
        for (entry, result) in draft.entries.iter_mut().zip(results) {
            match result {
                Some(Ok(summary)) => {
                    // The editor's model is read as the built-in summary is.
                    let (summary, repairs) = crate::prose::rules::proofread_for(
                        &summary,
                        &entry.author,
                        crate::compose::voice::work_noun(entry.kind, entry.patches),
                    );
                    entry.summary = summary;
                    entry.repairs = repairs;
                }
                Some(Err(reason)) => notes.push(format!(
                    "--summarizer: {}: {reason}; the built-in summary is kept",
                    entry.message_id
                )),
                None => {}
            }
        }
        notes
    }

    /// One run of CMD on one request: its output, one line of it, or why
    /// not.
    fn run(&self, request: &str) -> Result<String, String> {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(&self.0.command)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        // Its own process group, so that a timeout stops what it started.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot start it: {e}"))?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        let input = request.to_string();
        // Written and read on their own threads: a full pipe must not
        // block the wait for the timeout.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            let _ = stdout.by_ref().take(1 << 20).read_to_end(&mut out);
            out
        });
        let deadline = Instant::now() + self.0.timeout;
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() >= deadline => {
                    #[cfg(unix)]
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "it took longer than {}s and was stopped",
                        self.0.timeout.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(e) => return Err(format!("cannot wait for it: {e}")),
            }
        };
        let _ = writer.join();
        let out = reader.join().unwrap_or_default();
        if !status.success() {
            return Err(format!("it exited with {status}"));
        }
        let summary = String::from_utf8_lossy(&out)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if summary.is_empty() {
            return Err("it printed nothing".into());
        }
        Ok(summary)
    }
}
