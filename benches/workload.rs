//! The work both parse benchmarks time: 20,000 generated mails written to
//! an mbox file, mail-parser alone on them, and lkml-digest's week path.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use lkml_digest::compose::Options;
use lkml_digest::compose::rank::Window;
use lkml_digest::draft::pool_from;
use lkml_digest::fetch::read_mailboxes_keeping;
use lkml_digest::parse::message::date_of;
use lkml_digest::week::{self, WeekOptions};
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
    week: WeekOptions,
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
            week: WeekOptions {
                window: Window {
                    since,
                    until: since + chrono::TimeDelta::days(70),
                },
                top: 12,
                interests: Vec::new(),
                lists: Vec::new(),
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

    /// What `week --mbox FILE` does before rendering: read the file,
    /// keeping the mails dated in the window, parse, thread, rank every
    /// thread and compose the best `top`.
    pub fn week_path(&self, top: usize) -> usize {
        let window = &self.week.window;
        let in_window = |raw: &[u8]| date_of(raw).is_none_or(|date| window.holds(date.to_utc()));
        let (raw, errors) = read_mailboxes_keeping(std::slice::from_ref(&self.path), &in_window);
        assert!(errors.is_empty() && raw.len() == MAILS);
        let (pool, _) = pool_from(&raw, None);
        let ranked = week::rank(&pool, &self.week);
        week::entries(&pool, &week::picks(&ranked, top), &self.options).len()
    }
}
