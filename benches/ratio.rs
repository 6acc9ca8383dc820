//! The parse benchmark's work as ratios, each timed right after its
//! baseline: on a virtual machine whose speed drifts by a third over
//! seconds, criterion's rows (each timed for seconds on its own) can land
//! in different weather. Here each round times mail-parser alone, then the
//! week path, then the week path composing every thread, and the ratios
//! are taken round by round.
//!
//!     cargo bench --bench ratio [-- ROUNDS]

use std::hint::black_box;
use std::time::{Duration, Instant};

mod generate;
mod workload;

/// The binary's allocator, for every row alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // `cargo bench` passes `--bench`; a number is the rounds.
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(21);
    let work = workload::Workload::new();
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed()
    };
    // One untimed round to warm the page cache and the allocator.
    work.mail_parser_alone();
    black_box(work.week_path(usize::MAX));
    let mut ratios = [Vec::new(), Vec::new()];
    let mut times: [Vec<Duration>; 3] = Default::default();
    for _ in 0..rounds {
        let baseline = time(&|| work.mail_parser_alone());
        let top = time(&|| {
            black_box(work.week_path(12));
        });
        let all = time(&|| {
            black_box(work.week_path(usize::MAX));
        });
        ratios[0].push(baseline.as_secs_f64() / top.as_secs_f64());
        ratios[1].push(baseline.as_secs_f64() / all.as_secs_f64());
        for (list, t) in times.iter_mut().zip([baseline, top, all]) {
            list.push(t);
        }
    }
    let mib = work.bytes as f64 / (1 << 20) as f64;
    println!(
        "{} mails, {mib:.1} MiB, {rounds} rounds, {} cores",
        workload::MAILS,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let rows = [
        "mail-parser alone, the mails split already (baseline)",
        "week path: read, parse, thread, rank all, compose the top 12",
        "the same, composing every thread",
    ];
    for (i, (row, list)) in rows.iter().zip(&mut times).enumerate() {
        list.sort();
        let median = list[list.len() / 2].as_secs_f64();
        let speed = match i {
            0 => "1x".to_string(),
            _ => {
                let r = &mut ratios[i - 1];
                r.sort_by(f64::total_cmp);
                format!(
                    "{:.2}x (rounds {:.2}x-{:.2}x)",
                    r[r.len() / 2],
                    r[0],
                    r[r.len() - 1]
                )
            }
        };
        println!(
            "  {:7.1} ms {:6.0} MiB/s  {speed:<28} {row}",
            median * 1000.0,
            mib / median
        );
    }
}
