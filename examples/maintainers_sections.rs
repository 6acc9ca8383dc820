//! Each file path read from standard input with the MAINTAINERS section
//! lkml-digest gives it first, `PATH<TAB>SECTION` a line, for comparing
//! against `get_maintainer.pl --subsystem` (scripts/compare-maintainers.sh).
//!
//!     cargo run --release --example maintainers_sections -- MAINTAINERS < files

use std::io::BufRead;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: maintainers_sections MAINTAINERS < files");
        std::process::exit(2);
    };
    let (maintainers, warnings) =
        match lkml_digest::maintainers::Maintainers::read(std::path::Path::new(&path)) {
            Ok(read) => read,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
    for warning in warnings {
        eprintln!("{warning}");
    }
    for file in std::io::stdin().lock().lines().map_while(Result::ok) {
        let section = maintainers
            .section_of(&file)
            .map_or("", |s| s.name.as_str());
        println!("{file}\t{section}");
    }
}
