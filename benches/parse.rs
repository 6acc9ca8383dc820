//! The parse and compose path on 20,000 generated kernel mails, in MB/s,
//! beside mail-parser alone on the same mails: what our own work costs.
//!
//!     cargo bench --bench parse

use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lkml_digest::compose::rank::{Window, candidates};
use lkml_digest::compose::{self, Options};
use lkml_digest::draft::pool_from;
use lkml_digest::fetch::RawMessage;
use mail_parser::MessageParser;

mod generate;

const MAILS: usize = 20_000;

fn parse_and_compose(c: &mut Criterion) {
    let mbox = generate::mbox(MAILS);
    let mails = lkml_digest::parse::mbox::split(&mbox);
    assert_eq!(mails.len(), MAILS);
    let mut group = c.benchmark_group(format!("{MAILS} mails, {} MB", mbox.len() >> 20));
    group.throughput(Throughput::Bytes(mbox.len() as u64));
    group.sample_size(10);
    group.bench_function("mail-parser alone (baseline)", |b| {
        b.iter(|| {
            for mail in &mails {
                let parsed = MessageParser::default().parse(mail.as_slice());
                black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
            }
        })
    });
    group.bench_function("mail-parser alone, its own mbox reader too", |b| {
        b.iter(|| {
            for mail in mail_parser::mailbox::mbox::MessageIterator::new(mbox.as_slice()) {
                let mail = mail.expect("reading from memory");
                let parsed = MessageParser::default().parse(mail.contents());
                black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
            }
        })
    });
    let window = Window {
        since: DateTime::from_timestamp(0, 0).unwrap(),
        until: DateTime::from_timestamp(4_000_000_000, 0).unwrap(),
    };
    let options = Options::new(DateTime::from_timestamp(0, 0).unwrap().fixed_offset());
    // What `week --top N` does: every thread ranked, the best N drafted.
    let whole_path = |top: usize| {
        let raw: Vec<RawMessage> = lkml_digest::parse::mbox::split(&mbox)
            .into_iter()
            .map(|bytes| RawMessage {
                bytes,
                origin: String::new(),
            })
            .collect();
        let (pool, _) = pool_from(&raw, None);
        let ranked = candidates(&pool, &window, &[]);
        let entries: Vec<_> = ranked
            .iter()
            .take(top)
            .filter_map(|c| {
                let message = pool.get(&c.message_id)?;
                Some(compose::entry(
                    &pool.thread_of(&c.message_id)?,
                    message,
                    &options,
                ))
            })
            .collect();
        entries.len()
    };
    group.bench_function(
        "week path: split, parse, thread, rank all, draft the top 12",
        |b| b.iter(|| black_box(whole_path(12))),
    );
    group.bench_function(
        "whole path: split, parse, thread, rank, compose every thread",
        |b| b.iter(|| black_box(whole_path(usize::MAX))),
    );
    group.finish();
}

criterion_group!(benches, parse_and_compose);
criterion_main!(benches);
