use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(lkml_digest::cli::main())
}
