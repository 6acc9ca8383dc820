//! `lkml-digest serve`: the web page, with this command line's sources
//! and post options as the server's defaults.

use std::net::SocketAddr;
use std::sync::Arc;

use clap::Args;

use super::{
    EXIT_OK, EXIT_USAGE, PostArgs, SourceArgs, gather, parse_date, read_sources, runtime, say,
};
use crate::{draft, input, serve};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but loopback lets others on the
    /// network use your lore cache and bandwidth.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub bind: SocketAddr,

    #[command(flatten)]
    pub source: SourceArgs,

    #[command(flatten)]
    pub post: PostArgs,
}

pub fn run_serve(args: ServeArgs) -> u8 {
    if !args.bind.ip().is_loopback() {
        say(&format!(
            "warning: {} is not a loopback address; anyone who can reach it can use this server",
            args.bind
        ));
    }
    let (source, post) = (args.source, args.post);
    let build: serve::Build = Arc::new(move |request: &serve::DraftRequest| {
        let ids = input::extract(&request.input).ids;
        if ids.is_empty() {
            return Err(
                "no message IDs in the paste: IDs or lore links, one or more per line".into(),
            );
        }
        let mut options = post.options();
        if let Some(title) = request.title.as_ref().filter(|t| !t.trim().is_empty()) {
            options.title = Some(title.trim().to_string());
        }
        if let Some(date) = request.date.as_ref().filter(|d| !d.trim().is_empty()) {
            options.date = parse_date(date.trim())?;
        }
        let quiet = SourceArgs {
            quiet: true,
            ..source.clone()
        };
        let (raw, failed) = read_sources(&quiet, &ids);
        let pool = gather(&quiet, &raw);
        Ok(draft::post(&pool, &ids, failed, &options))
    });
    let runtime = match runtime() {
        Ok(runtime) => runtime,
        Err(e) => {
            say(&e);
            return EXIT_USAGE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(args.bind).await {
            Ok(listener) => listener,
            Err(e) => {
                say(&format!("cannot listen on {}: {e}", args.bind));
                return EXIT_USAGE;
            }
        };
        let address = listener.local_addr().map_or(args.bind, |a| a);
        // The URL is the one line on standard output, for scripts and tests.
        println!("http://{address}/");
        if let Err(e) = axum::serve(listener, serve::router(build)).await {
            say(&format!("the server stopped: {e}"));
            return EXIT_USAGE;
        }
        EXIT_OK
    })
}
