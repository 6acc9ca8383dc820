use std::process::ExitCode;

/// mimalloc, because a week's mail is parsed on every core into many small
/// strings: glibc grew each worker thread's heap a little at a time, and
/// its sysmalloc and mprotect calls took a third of `week --mbox`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    ExitCode::from(lkml_digest::cli::main())
}
