use std::process::ExitCode;

/// mimalloc, because a week's mail is parsed on every core into many small
/// strings: glibc grew each worker thread's heap a little at a time, and
/// its sysmalloc and mprotect calls took a third of `week --mbox`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the -sys crate names the options on
/// either side of it, 14 and 16, but not this one).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system after 3 ms, not mimalloc's 1 s: a
/// week's search answer is parsed a block at a time, and with the default
/// the freed blocks stayed resident (`scripts/bench-lore-week.sh`: peak 33
/// MiB, 28 with 3 ms). Parsing a whole 286 MB mbox peaks 13% lower and
/// takes about 2.5% longer.
const PURGE_DELAY_MS: std::ffi::c_long = 3;

fn main() -> ExitCode {
    // SAFETY: sets a plain integer option; mimalloc reads options atomically.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    ExitCode::from(lkml_digest::cli::main())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_mimalloc_defaults_to_a_second() {
        // SAFETY: reads an integer option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
