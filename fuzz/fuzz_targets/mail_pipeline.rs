//! Any bytes as an mbox, through the date and subject glance, parse,
//! compose, rank and render.
#![no_main]

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use lkml_digest::compose::rank::{Interest, Window, candidates};
use lkml_digest::compose::{self, Options};
use lkml_digest::draft::pool_from;
use lkml_digest::fetch::RawMessage;
use lkml_digest::render::{Format, render};

fuzz_target!(|data: &[u8]| {
    let raw: Vec<RawMessage> = lkml_digest::fetch::mbox::split(data)
        .into_iter()
        .map(|bytes| RawMessage {
            bytes: bytes.into(),
            origin: "fuzz".into(),
        })
        .collect();
    // What week --mbox reads of every mail before parsing it.
    for mail in &raw {
        let _ = lkml_digest::parse::message::date_of(&mail.bytes);
        let _ = lkml_digest::parse::message::glance(&mail.bytes);
    }
    let (pool, _) = pool_from(&raw, Some("linux-mm"));
    let options = Options::new(DateTime::from_timestamp(0, 0).unwrap().fixed_offset());
    let entries: Vec<_> = pool
        .messages()
        .iter()
        .filter_map(|m| Some(compose::entry(&pool.thread_of(&m.id)?, m, &options)))
        .collect();
    let window = Window {
        since: DateTime::from_timestamp(0, 0).unwrap(),
        until: DateTime::from_timestamp(4_000_000_000, 0).unwrap(),
    };
    let interests = [Interest::parse("mm/**").unwrap(), Interest::parse("memcg").unwrap()];
    let _ = candidates(&pool, &window, &interests);
    let draft = compose::draft(entries, Vec::new(), &options);
    for format in [Format::Hugo, Format::Html, Format::Text] {
        let _ = render(&draft, format);
    }
});
