//! The parse and compose path on 20,000 generated kernel mails, in MB/s,
//! beside mail-parser alone on the same mails: what our own work costs.
//!
//!     cargo bench --bench parse
//!
//! The path is what `lkml-digest week --mbox FILE` does before rendering
//! (see `workload.rs`). The file is in the page cache, as it is on a second
//! run. `benches/ratio.rs` times the same work interleaved, as ratios.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mail_parser::MessageParser;

mod generate;
mod workload;

/// The binary's allocator, for every row alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn parse_and_compose(c: &mut Criterion) {
    let work = workload::Workload::new();
    let mut group = c.benchmark_group(format!(
        "{} mails, {} MB",
        workload::MAILS,
        work.bytes >> 20
    ));
    group.throughput(Throughput::Bytes(work.bytes as u64));
    group.sample_size(20);
    group.bench_function(
        "mail-parser alone, the mails split already (baseline)",
        |b| b.iter(|| work.mail_parser_alone()),
    );
    group.bench_function("mail-parser with its own mbox reader, from the file", |b| {
        b.iter(|| {
            let file = std::io::BufReader::new(std::fs::File::open(&work.path).expect("the mbox"));
            for mail in mail_parser::mailbox::mbox::MessageIterator::new(file) {
                let mail = mail.expect("reading the mbox");
                let parsed = MessageParser::default().parse(mail.contents());
                black_box(parsed.and_then(|m| m.body_text(0).map(|t| t.len())));
            }
        })
    });
    group.bench_function(
        "week path: read, parse, thread, rank all, compose the top 12",
        |b| b.iter(|| black_box(work.week_path(12))),
    );
    group.bench_function("the same, composing every thread", |b| {
        b.iter(|| black_box(work.week_path(usize::MAX)))
    });
    group.finish();
}

criterion_group!(benches, parse_and_compose);
criterion_main!(benches);
