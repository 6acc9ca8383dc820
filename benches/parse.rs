//! The parse and compose path on 20,000 generated kernel mails, in MB/s,
//! beside mail-parser alone on the same mails: what our own work costs.
//!
//!     cargo bench --bench parse
//!
//! The path is what `lkml-digest week --mbox FILE` does before rendering:
//! read the file a block at a time, keep the mails dated near the window,
//! parse them on every core, thread them, rank every thread and compose
//! the best. The file is in the page cache, as it is on a second run.

use std::hint::black_box;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lkml_digest::compose::Options;
use lkml_digest::compose::rank::Window;
use lkml_digest::draft::pool_from;
use lkml_digest::fetch::read_mailboxes_keeping;
use lkml_digest::parse::message::date_of;
use lkml_digest::week::{self, WeekOptions};
use mail_parser::MessageParser;

mod generate;

/// The binary's allocator, for every row alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const MAILS: usize = 20_000;

fn parse_and_compose(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path: PathBuf = dir.path().join("mails.mbox");
    let mbox = generate::mbox(MAILS);
    std::fs::write(&path, &mbox).expect("writing the mbox");
    let mails = lkml_digest::parse::mbox::split(&mbox);
    assert_eq!(mails.len(), MAILS);

    let mut group = c.benchmark_group(format!("{MAILS} mails, {} MB", mbox.len() >> 20));
    group.throughput(Throughput::Bytes(mbox.len() as u64));
    group.sample_size(20);
    group.bench_function(
        "mail-parser alone, the mails split already (baseline)",
        |b| {
            b.iter(|| {
                for mail in &mails {
                    let parsed = MessageParser::default().parse(mail.as_slice());
                    black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
                }
            })
        },
    );
    group.bench_function("mail-parser with its own mbox reader, from the file", |b| {
        b.iter(|| {
            let file = std::io::BufReader::new(std::fs::File::open(&path).expect("the mbox"));
            for mail in mail_parser::mailbox::mbox::MessageIterator::new(file) {
                let mail = mail.expect("reading the mbox");
                let parsed = MessageParser::default().parse(mail.contents());
                black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
            }
        })
    });

    let since = DateTime::<Utc>::from_timestamp(1_661_990_400, 0).expect("2022-09-01");
    let week = WeekOptions {
        // Every generated mail: 20,000 at 300 a day.
        window: Window {
            since,
            until: since + chrono::TimeDelta::days(70),
        },
        top: 12,
        interests: Vec::new(),
        lists: Vec::new(),
    };
    let options = Options::new(since.fixed_offset());
    let whole_path = |top: usize| {
        let in_window =
            |raw: &[u8]| date_of(raw).is_none_or(|date| week.window.holds(date.to_utc()));
        let (raw, errors) = read_mailboxes_keeping(std::slice::from_ref(&path), &in_window);
        assert!(errors.is_empty() && raw.len() == MAILS);
        let (pool, _) = pool_from(&raw, None);
        let ranked = week::rank(&pool, &week);
        week::entries(&pool, &week::picks(&ranked, top), &options).len()
    };
    group.bench_function(
        "week path: read, parse, thread, rank all, compose the top 12",
        |b| b.iter(|| black_box(whole_path(12))),
    );
    group.bench_function("the same, composing every thread", |b| {
        b.iter(|| black_box(whole_path(usize::MAX)))
    });
    group.finish();
}

criterion_group!(benches, parse_and_compose);
criterion_main!(benches);
