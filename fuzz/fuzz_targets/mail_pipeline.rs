//! Any bytes as an mbox file, through the `week --mbox` and `draft --mbox`
//! pipelines (date and subject glance, parse, thread, rank, compose) and
//! every render format.
#![no_main]

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use lkml_digest::compose::Options;
use lkml_digest::compose::rank::Interest;
use lkml_digest::draft;
use lkml_digest::fetch::Source;
use lkml_digest::history::History;
use lkml_digest::render::{Format, render};
use lkml_digest::week::{self, Since, WeekRequest};

static HISTORY: LazyLock<Arc<History>> = LazyLock::new(|| {
    Arc::new(History::read(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples/history"),
    ))
});

fuzz_target!(|data: &[u8]| {
    // Each input in a file of its own, as an editor's mailbox, removed when
    // the input is done.
    let mut file = tempfile::Builder::new()
        .prefix("lkml-digest-fuzz-")
        .suffix(".mbox")
        .tempfile()
        .expect("a temporary file");
    std::io::Write::write_all(&mut file, data).expect("writing the input");
    let source = Source::Local {
        mailboxes: vec![file.path().to_path_buf()],
        archives: Vec::new(),
    };
    let mut options = Options::new(DateTime::from_timestamp(0, 0).unwrap().fixed_offset());
    // The samples' earlier posts, so that fuzzed mail meets follow-ups too.
    options.history = Some(HISTORY.clone());
    let request = WeekRequest {
        since: Since::At(DateTime::from_timestamp(0, 0).unwrap()),
        until: DateTime::from_timestamp(4_000_000_000, 0).unwrap(),
        top: 12,
        interests: vec![
            Interest::parse("mm/**").unwrap(),
            Interest::parse("memcg").unwrap(),
        ],
        lists: vec!["all".to_string()],
    };
    let drafts = [
        week::run(&source, &request, &options, &|_| {}).map(|run| run.draft),
        {
            let read = draft::read(&[], &source, Some("linux-mm"), &|_| {});
            let ids: Vec<String> = read.pool.messages().iter().map(|m| m.id.clone()).collect();
            Ok(draft::post(&read.pool, &ids, read.failed, &options))
        },
    ];
    for draft in drafts.into_iter().flatten() {
        for format in [Format::Hugo, Format::Html, Format::Text, Format::Json] {
            let _ = render(&draft, format);
        }
    }
});
