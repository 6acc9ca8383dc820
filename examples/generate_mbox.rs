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
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    generate::write_mbox(count, &mut out)
        .and_then(|()| out.flush())
        .expect("standard output");
}
