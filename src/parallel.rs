//! Pure work on many items, spread over the machine's cores by rayon's
//! pool: its threads (and their allocator heaps) stay warm from one batch
//! to the next, where threads spawned per batch started cold each time.

/// Fewer items than this are mapped on the calling thread.
const PARALLEL_FROM: usize = 512;
/// The same for items that each cost tens of microseconds (a mail parsed).
const COSTLY_PARALLEL_FROM: usize = 32;

/// `items.iter().map(f)`, in order, on every core for a large batch. `f`
/// must be pure; it runs on any thread.
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_from(PARALLEL_FROM, items, f)
}

/// [`map`] for costly items: a batch of a few hundred (a block of mail)
/// is worth sharing out too.
pub(crate) fn map_costly<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_from(COSTLY_PARALLEL_FROM, items, f)
}

fn map_from<T: Sync, R: Send>(least: usize, items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use rayon::prelude::*;
    if items.len() < least {
        return items.iter().map(f).collect();
    }
    items.par_iter().with_min_len(4).map(&f).collect()
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
