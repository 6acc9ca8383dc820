//! Pure work on many items, spread over the machine's cores.

/// Fewer items than this are mapped on the calling thread.
const PARALLEL_FROM: usize = 512;

/// `items.iter().map(f)`, in order, on one scoped thread per core for a
/// large batch. `f` must be pure; it runs on any thread.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < PARALLEL_FROM {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(results) => results,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
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
