//! Reading the editor's earlier posts (`--history DIR`), beside reading the
//! same files' bytes alone: what parsing the posts costs on top of the
//! file system.
//!
//!     cargo bench --bench history
//!
//! It reads `../shared/corpus/posts` (251 real posts, 1,401 entries) where
//! that exists, else as many posts written here in their format.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use lkml_digest::history::History;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// 251 posts of six entries each, as a site's content/posts.
fn generated(dir: &Path) {
    for post in 0..251 {
        let mut text =
            format!("---\ntitle: \"LKML News {post}\"\ndate: 2022-01-01T07:00:00+01:00\n---\n\n");
        for entry in 0..6 {
            let heading = format!(
                "[PATCH v{entry} 0/7] mm/subsystem{entry}: change number {post} (Ann Author)"
            );
            text.push_str(&format!(
                "{heading}\n{}\n\nhttps://lore.kernel.org/2022010{entry}-{post}-1-ann@example.org\n\n\
                 This patchset changes the subsystem in a way that an editor describes in two or\n\
                 three wrapped lines of about eighty columns.  It also says why it matters.\n\n\n",
                "-".repeat(heading.len())
            ));
        }
        std::fs::write(dir.join(format!("lkml_news_{post}.md")), text).expect("a post");
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("the posts")
        .map(|f| f.expect("a post").path())
        .collect()
}

fn read_history(c: &mut Criterion) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/posts");
    let scratch = tempfile::tempdir().expect("a directory");
    let (dir, label) = if corpus.is_dir() {
        (corpus, "the corpus' posts")
    } else {
        generated(scratch.path());
        (scratch.path().to_path_buf(), "251 generated posts")
    };
    let paths = files(&dir);
    let history = History::read(&dir);
    let mut group = c.benchmark_group(format!(
        "{label}: {} posts, {} entries",
        history.posts().len(),
        history.entries().len()
    ));
    group.bench_function("read the files' bytes only (baseline)", |b| {
        b.iter(|| {
            for path in &paths {
                black_box(std::fs::read(path).expect("a post"));
            }
        })
    });
    group.bench_function("History::read: files, front matter, entries", |b| {
        b.iter(|| black_box(History::read(&dir)))
    });
    group.bench_function(
        "the same, then before() a date and learned() (with the content profile)",
        |b| {
            b.iter(|| {
                let history = History::read(&dir);
                let until = chrono::Utc::now();
                black_box(history.before(until, None).learned())
            })
        },
    );
    let learned = history.learned();
    group.bench_function(
        "what one title is like (the similar part, per candidate)",
        |b| {
            b.iter(|| {
                black_box(
                    learned
                        .profile
                        .like("mm: multi-gen LRU: reclaim colder pages first", 0.05),
                )
            })
        },
    );
    group.finish();
}

criterion_group!(benches, read_history);
criterion_main!(benches);
