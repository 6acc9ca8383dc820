//! Reading the kernel's MAINTAINERS (`--maintainers FILE`), beside reading
//! the same file's bytes alone, and the section of each file of a series.
//!
//!     cargo bench --bench maintainers
//!
//! It reads `../shared/kernel/MAINTAINERS` (Linux 6.1: 2,614 sections,
//! 6,941 F: lines) where that exists, else a file of as many sections
//! written here in its format.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use lkml_digest::maintainers::Maintainers;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// 2,614 sections of three F: lines, a list and a maintainer each.
fn generated(path: &Path) {
    let mut text = String::from("List of maintainers\n===================\n\n");
    for section in 0..2614 {
        text.push_str(&format!(
            "SUBSYSTEM {section} DRIVER\nM:\tAnn Author <ann{section}@example.org>\n\
             L:\tlinux-sub{section}@vger.kernel.org\nS:\tMaintained\n\
             F:\tdrivers/sub{section}/\nF:\tinclude/linux/sub{section}*.h\n\
             F:\tDocumentation/sub{section}.rst\n\n"
        ));
    }
    text.push_str("THE REST\nL:\tlinux-kernel@vger.kernel.org\nF:\t*\nF:\t*/\n");
    std::fs::write(path, text).expect("a MAINTAINERS");
}

fn bench(c: &mut Criterion) {
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/kernel/MAINTAINERS");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = if real.is_file() {
        real
    } else {
        let path = dir.path().join("MAINTAINERS");
        generated(&path);
        path
    };
    c.bench_function("read the file's bytes (baseline)", |b| {
        b.iter(|| black_box(std::fs::read(&path).expect("readable").len()))
    });
    c.bench_function("read and parse MAINTAINERS", |b| {
        b.iter(|| {
            black_box(
                Maintainers::read(&path)
                    .expect("a MAINTAINERS")
                    .0
                    .sections()
                    .len(),
            )
        })
    });
    let (maintainers, _) = Maintainers::read(&path).expect("a MAINTAINERS");
    let files = [
        "mm/vmscan.c",
        "mm/memcontrol.c",
        "include/linux/mm.h",
        "include/linux/memcontrol.h",
        "tools/testing/selftests/cgroup/test_memcontrol.c",
        "Documentation/admin-guide/cgroup-v2.rst",
        "drivers/net/ethernet/intel/e1000e/netdev.c",
        "arch/x86/kvm/x86.c",
    ];
    c.bench_function("sections of an 8-file series", |b| {
        b.iter(|| {
            black_box(
                maintainers
                    .sections_of(files.iter().map(|f| (*f, 10)))
                    .len(),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
