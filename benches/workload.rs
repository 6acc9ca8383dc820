//! The work both parse benchmarks time: 20,000 generated mails written to
//! an mbox file, mail-parser alone on them, and lkml-digest's week path.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use lkml_digest::compose::Options;
use lkml_digest::fetch::Source;
use lkml_digest::week::{self, Since, WeekRequest};
use mail_parser::MessageParser;

use crate::generate;

pub const MAILS: usize = 20_000;

pub struct Workload {
    /// The mbox file, in a directory removed on drop.
    pub path: PathBuf,
    _dir: tempfile::TempDir,
    pub bytes: usize,
    /// The same mails split already, for mail-parser alone.
    pub mails: Vec<Vec<u8>>,
    week: WeekRequest,
    options: Options,
}

impl Workload {
    pub fn new() -> Workload {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("mails.mbox");
        let mbox = generate::mbox(MAILS);
        std::fs::write(&path, &mbox).expect("writing the mbox");
        let mails = lkml_digest::fetch::mbox::split(&mbox);
        assert_eq!(mails.len(), MAILS);
        let since = DateTime::<Utc>::from_timestamp(1_661_990_400, 0).expect("2022-09-01");
        Workload {
            path,
            _dir: dir,
            bytes: mbox.len(),
            mails,
            // Every generated mail: 20,000 at 300 a day.
            week: WeekRequest {
                since: Since::At(since),
                until: since + chrono::TimeDelta::days(70),
                top: 12,
                interests: Vec::new(),
                lists: vec!["all".to_string()],
                bulk: true,
                max_week_bytes: 256 << 20,
            },
            options: Options::new(since.fixed_offset()),
        }
    }

    /// The baseline: mail-parser on every mail, its text body found.
    pub fn mail_parser_alone(&self) {
        for mail in &self.mails {
            let parsed = MessageParser::default().parse(mail.as_slice());
            black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
        }
    }

    /// What `week --mbox FILE` does before rendering, through its
    /// pipeline: read the file, keeping the mails dated near the window,
    /// parse, thread, rank every thread and compose the best `top`.
    pub fn week_path(&self, top: usize) -> usize {
        let request = WeekRequest {
            top,
            ..self.week.clone()
        };
        let source = Source::Local {
            mailboxes: vec![self.path.clone()],
            archives: Vec::new(),
        };
        let run = week::run(&source, &request, &self.options, &|_| {})
            .expect("the generated week is drafted");
        assert_eq!(run.draft.failed.len(), 0);
        run.draft.entries.len()
    }
}
