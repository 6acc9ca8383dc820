//! Pure work on many items, spread over the machine's cores.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer items than this are mapped on the calling thread.
const PARALLEL_FROM: usize = 512;

/// `items.iter().map(f)`, in order, on one scoped thread per core for a
/// large batch. `f` must be pure; it runs on any thread.
///
/// Workers take small blocks in turn rather than one half each: a batch
/// sorted by size (ranked threads, best first) would leave one core with
/// most of the work.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < PARALLEL_FROM {
        return items.iter().map(f).collect();
    }
    let blocks: Vec<&[T]> = items.chunks(items.len().div_ceil(threads * 16)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            let Some(block) = blocks.get(b) else {
                return done;
            };
            done.push((b, block.iter().map(&f).collect::<Vec<R>>()));
        }
    };
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_unstable_by_key(|&(b, _)| b);
    done.into_iter().flat_map(|(_, results)| results).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_large_batch_keeps_its_order() {
        let items: Vec<usize> = (0..10_000).collect();
        assert_eq!(
            super::map(&items, |i| i * 2),
            (0..10_000).map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
