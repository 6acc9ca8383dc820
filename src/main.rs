use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = lkml_digest::cli::Cli::parse();
    ExitCode::from(lkml_digest::cli::run(cli))
}
