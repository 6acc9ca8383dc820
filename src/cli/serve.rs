//! `lkml-digest serve`: the web page, with this command line's sources
//! and post options as the server's defaults.

use std::net::SocketAddr;
use std::sync::Arc;

use clap::Args;

use super::week::{WeekArgs, week_post};
use super::{
    EXIT_OK, EXIT_USAGE, PostArgs, SourceArgs, gather, parse_date, read_sources_watched, runtime,
    say,
};
use crate::compose::Options;
use crate::{draft, input, serve};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Anything but loopback lets others on the
    /// network use your lore cache and bandwidth.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR")]
    pub bind: SocketAddr,

    /// The week form's interests when it names none (as `week --interest`).
    #[arg(long, value_name = "PATTERN")]
    pub interest: Vec<String>,

    /// The week form's number of threads when it names none.
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub top: usize,

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
    let (default_interests, default_top) = (args.interest, args.top);
    // The server's sources, quiet: its log is not the place for progress.
    let source = SourceArgs {
        quiet: true,
        verbose: false,
        ..source
    };
    let draft_source = source.clone();
    let draft_post = post.clone();
    let draft = move |request: &serve::DraftRequest, watch: &(dyn Fn(serve::Progress) + Sync)| {
        let ids = input::extract(&request.input).ids;
        if ids.is_empty() {
            return Err(
                "no message IDs in the paste: IDs or lore links, one or more per line".into(),
            );
        }
        let options = post_options(&draft_post, &request.title, &request.date)?;
        let (raw, failed) = read_sources_watched(&draft_source, &ids, watch);
        let pool = gather(&draft_source, &raw);
        Ok(draft::post(&pool, &ids, failed, &options))
    };
    let week = move |request: &serve::WeekRequest| {
        let mut post = post.clone();
        let options = post_options(&post, &request.title, &request.date)?;
        post.title = options.title;
        post.date = Some(options.date);
        let mut source = source.clone();
        let named = |v: &Vec<String>| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        if !named(&request.lists).is_empty() {
            source.lists = named(&request.lists);
        }
        let until = match request.until.as_deref().map(str::trim) {
            Some(until) if !until.is_empty() => Some(parse_date(until)?),
            _ => None,
        };
        let interests = named(&request.interests);
        let args = WeekArgs {
            since: request.since.clone().filter(|s| !s.trim().is_empty()),
            until,
            top: request.top.unwrap_or(default_top).max(1),
            interest: if interests.is_empty() {
                default_interests.clone()
            } else {
                interests
            },
            archive: Vec::new(),
            candidates: None,
            source,
            post,
        };
        week_post(&args)
    };
    let builders = serve::Builders {
        draft: Arc::new(draft),
        week: Arc::new(week),
    };
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
        if let Err(e) = axum::serve(listener, serve::router(builders)).await {
            say(&format!("the server stopped: {e}"));
            return EXIT_USAGE;
        }
        EXIT_OK
    })
}

/// The server's post options with the page's title and date, where given.
fn post_options(
    post: &PostArgs,
    title: &Option<String>,
    date: &Option<String>,
) -> Result<Options, String> {
    let mut options = post.options();
    if let Some(title) = title.as_ref().filter(|t| !t.trim().is_empty()) {
        options.title = Some(title.trim().to_string());
    }
    if let Some(date) = date.as_ref().filter(|d| !d.trim().is_empty()) {
        options.date = parse_date(date.trim())?;
    }
    Ok(options)
}
