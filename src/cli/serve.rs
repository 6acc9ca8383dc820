//! `lkml-digest serve`: the web page, with this command line's sources
//! and post options as the server's defaults.

use std::sync::Arc;

use super::flags::{PostArgs, ServeArgs, SourceArgs, WeekArgs, parse_date};
use super::{CliError, Outcome, say};
use crate::compose::Options;
use crate::fetch::Source;
use crate::fetch::index::Mailboxes;
use crate::{draft, input, serve, week};

pub fn run_serve(args: ServeArgs) -> Outcome {
    if !args.bind.ip().is_loopback() {
        say(&format!(
            "warning: {} is not a loopback address; anyone who can reach it can use this server",
            args.bind
        ));
    }
    let defaults = serve::Limits::default();
    let builds = args.max_builds.unwrap_or(defaults.builds).max(1);
    let limits = serve::Limits {
        builds,
        queue: args.build_queue.unwrap_or(2 * builds),
    };
    let source_text = source_line(&args.source);
    let (source, post) = (args.source, args.post);
    // A mistake in the post's options is the server's, not a request's.
    if let Err(e) = post.options(source.cache_dir.as_deref()) {
        return Outcome::Failed(CliError::Usage(e));
    }
    // The earlier posts are read once; each build keeps those before it.
    let history = post.history();
    let maintainers = match post.maintainers() {
        Ok(read) => read.map(|(maintainers, warnings)| {
            warnings.iter().for_each(|w| eprintln!("lkml-digest: {w}"));
            maintainers
        }),
        Err(e) => return Outcome::Failed(CliError::Usage(e)),
    };
    let (default_interests, default_top) = (args.interest, args.top);
    // The server's sources, quiet: its log is not the place for progress.
    let source = SourceArgs {
        quiet: true,
        verbose: false,
        ..source
    };
    let draft_source = source.clone();
    // Mailboxes are indexed once (at the first build, and again when a
    // file changes); a build reads only its threads' mails.
    let draft_from = if source.mbox.is_empty() {
        source.source(&[])
    } else {
        Source::Indexed(Arc::new(Mailboxes::new(source.mbox.clone())))
    };
    let draft_post = post.clone();
    let draft_history = history.clone();
    let (draft_maintainers, week_maintainers) = (maintainers.clone(), maintainers);
    let chart_dir = post.kernel_repo.as_ref().and(post.chart_dir.clone());
    let draft = move |request: &serve::DraftRequest, watch: &(dyn Fn(serve::Progress) + Sync)| {
        let ids = input::extract(&request.input).ids;
        if ids.is_empty() {
            return Err(
                "no message IDs in the paste: IDs or lore links, one or more per line".into(),
            );
        }
        let mut options = post_options(
            &draft_post,
            draft_source.cache_dir.as_deref(),
            &request.title,
            &request.date,
        )?;
        options.history = draft_history.clone();
        options.maintainers = draft_maintainers.clone();
        let run = draft::run(
            &ids,
            &draft_from,
            draft_source.preferred_list(),
            &options,
            watch,
        );
        Ok(serve::Built {
            draft: run.draft,
            missing: run.missing,
        })
    };
    let week = move |request: &serve::WeekRequest| {
        let mut post = post.clone();
        let options = post_options(
            &post,
            source.cache_dir.as_deref(),
            &request.title,
            &request.date,
        )?;
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
            no_bulk: false,
            max_week_size: crate::week::MAX_WEEK_MIB,
            source,
            post,
        };
        let request = args.request(week_maintainers.as_ref())?;
        let source = args.source.source(&args.archive);
        let mut options = post_options(&args.post, args.source.cache_dir.as_deref(), &None, &None)?;
        options.history = history.clone();
        options.maintainers = week_maintainers.clone();
        week::run(&source, &request, &options, &|_| {})
            .map(|run| serve::Built {
                draft: run.draft,
                missing: run.missing,
            })
            .map_err(|e| e.to_string())
    };
    let builders = serve::Builders {
        draft: Arc::new(draft),
        week: Arc::new(week),
        chart_dir,
        source: source_text,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            return Outcome::Failed(CliError::Serve(format!(
                "cannot start the server's runtime: {e}"
            )));
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(args.bind).await {
            Ok(listener) => listener,
            Err(e) => {
                return Outcome::Failed(CliError::Serve(format!(
                    "cannot listen on {}: {e}",
                    args.bind
                )));
            }
        };
        let address = listener.local_addr().map_or(args.bind, |a| a);
        // The URL is the one line on standard output, for scripts and tests.
        println!("http://{address}/");
        match axum::serve(listener, serve::router_with(builders, limits)).await {
            Ok(()) => Outcome::Done,
            Err(e) => Outcome::Failed(CliError::Serve(format!("the server stopped: {e}"))),
        }
    })
}

/// The server's post options with the page's title and date, where given.
fn post_options(
    post: &PostArgs,
    cache_dir: Option<&std::path::Path>,
    title: &Option<String>,
    date: &Option<String>,
) -> Result<Options, String> {
    let mut options = post.options(cache_dir)?;
    if let Some(title) = title.as_ref().filter(|t| !t.trim().is_empty()) {
        options.title = Some(title.trim().to_string());
    }
    if let Some(date) = date.as_ref().filter(|d| !d.trim().is_empty()) {
        options.date = parse_date(date.trim())?;
    }
    Ok(options)
}

/// Where the page's mail comes from, as the page says it.
fn source_line(source: &super::flags::SourceArgs) -> String {
    if !source.mbox.is_empty() {
        let paths: Vec<String> = source
            .mbox
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return format!(
            "Mail from {} (--mbox), never the network.",
            paths.join(", ")
        );
    }
    if source.offline {
        return format!("Mail from the cache of {} only (--offline).", source.lore);
    }
    format!("Mail from {}, cached for the cache's time.", source.lore)
}
