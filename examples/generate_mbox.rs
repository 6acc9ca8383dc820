//! Writes N generated kernel-style mails as one mboxrd on standard output,
//! for scripts/bench-parse.sh and for trying the tool on volume:
//!
//!     cargo run --release --example generate_mbox -- 20000 > mails.mbox

use std::io::Write;

#[path = "../benches/generate.rs"]
mod generate;

fn main() {
    let count = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    std::io::stdout()
        .write_all(&generate::mbox(count))
        .expect("standard output");
}
