//! The config file: an editor's standing choices, so that the weekly run is
//! `lkml-digest week > post.md`. Options given on the command line (or in
//! their environment variables) win over it.
//!
//! ```toml
//! lore = "https://lore.kernel.org"
//! lists = ["linux-mm", "cgroups"]
//! interests = ["mm/**", "memcg"]
//! top = 12
//! bulk = true
//! title = "LKML News {release}"
//! format = "hugo"
//! summarizer = "llm -m local-model -s 'One sentence, as a news editor.'"
//! post_dir = "~/site/content/posts/en"
//! post_name = "lkml_news_{release}"
//! history = "~/site/content/posts"
//! kernel_repo = "~/linux"
//! chart_dir = "~/site/static/img/kernel_release_stat"
//! chart_url = "/img/kernel_release_stat/"
//! ```

use std::path::{Path, PathBuf};

use clap::ArgMatches;
use clap::parser::ValueSource;
use serde::Deserialize;

use super::flags::{Cli, Command, FormatArg, PostArgs, SourceArgs};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The public-inbox server.
    pub lore: Option<String>,
    /// The lists `week` reads.
    pub lists: Option<Vec<String>>,
    /// `week --interest` patterns.
    pub interests: Option<Vec<String>>,
    /// `week --top`.
    pub top: Option<usize>,
    /// `week`: the window's mail from lore in one search; `false` is
    /// `--no-bulk`.
    pub bulk: Option<bool>,
    /// The title pattern: `{release}` (`v6.0-rc4`, or the date), `{date}`.
    pub title: Option<String>,
    pub format: Option<FormatArg>,
    /// `--summarizer`: a command that prints a summary for an entry.
    pub summarizer: Option<String>,
    /// `--post-dir`: where posts are written.
    pub post_dir: Option<PathBuf>,
    /// The post's file name without `.md`: `{release}`, `{date}`.
    pub post_name: Option<String>,
    /// `--history`: the editor's earlier posts (default: `post_dir`).
    pub history: Option<PathBuf>,
    /// `--kernel-repo`: the release entry gets diffstat charts.
    pub kernel_repo: Option<PathBuf>,
    /// `--maintainers`: the kernel's MAINTAINERS file.
    pub maintainers: Option<PathBuf>,
    /// `--group`: `areas` or `sections`.
    pub group: Option<super::flags::GroupArg>,
    /// `--chart-dir`: where the charts are written.
    pub chart_dir: Option<PathBuf>,
    /// `--chart-url`: where the post links them.
    pub chart_url: Option<String>,
}

/// `~/.config/lkml-digest/config.toml` (the platform's config directory).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "lkml-digest", "lkml-digest")
        .map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads `explicit`, which must exist, or else the default file if
    /// there is one. The error is one line naming the file.
    pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
        let path = match explicit {
            Some(path) => path.to_path_buf(),
            None => match default_path().filter(|p| p.is_file()) {
                Some(path) => path,
                None => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: cannot read the config file: {}",
                path.display(),
                crate::fetch::local::io_reason(&e)
            )
        })?;
        toml::from_str(&text).map_err(|e| {
            let reason = e.message().lines().next().unwrap_or("invalid").to_string();
            match e.span() {
                Some(span) => {
                    let line = text[..span.start].matches('\n').count() + 1;
                    format!("{}:{line}: {reason}", path.display())
                }
                None => format!("{}: {reason}", path.display()),
            }
        })
    }

    /// Fills what the command line left at its defaults.
    pub fn apply(&self, cli: &mut Cli, matches: &ArgMatches) {
        let Some((_, sub)) = matches.subcommand() else {
            return;
        };
        let given = |id: &str| {
            matches!(
                sub.value_source(id),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            )
        };
        match &mut cli.command {
            Command::Draft(args) => {
                self.apply_source(&mut args.source, &given);
                self.apply_post(&mut args.post, &given);
            }
            Command::Fetch(args) => self.apply_source(&mut args.source, &given),
            Command::Completions { .. } | Command::Man { .. } | Command::Relstat(_) => {}
            Command::Serve(args) => {
                self.apply_source(&mut args.source, &given);
                self.apply_post(&mut args.post, &given);
                self.apply_week(&mut args.source, &mut args.interest, &mut args.top, &given);
            }
            Command::Week(args) => {
                self.apply_source(&mut args.source, &given);
                self.apply_post(&mut args.post, &given);
                self.apply_week(&mut args.source, &mut args.interest, &mut args.top, &given);
                if self.bulk == Some(false) {
                    args.no_bulk = true;
                }
            }
        }
    }

    fn apply_week(
        &self,
        source: &mut SourceArgs,
        interests: &mut Vec<String>,
        top: &mut usize,
        given: &dyn Fn(&str) -> bool,
    ) {
        if let Some(lists) = self.lists.as_ref().filter(|_| !given("lists")) {
            source.lists = lists.clone();
        }
        if let Some(configured) = self.interests.as_ref().filter(|_| !given("interest")) {
            *interests = configured.clone();
        }
        if let Some(configured) = self.top.filter(|_| !given("top")) {
            *top = configured;
        }
    }

    fn apply_source(&self, source: &mut SourceArgs, given: &dyn Fn(&str) -> bool) {
        if let Some(lore) = self.lore.as_ref().filter(|_| !given("lore")) {
            source.lore = lore.clone();
        }
    }

    fn apply_post(&self, post: &mut PostArgs, given: &dyn Fn(&str) -> bool) {
        if let Some(format) = self.format.filter(|_| !given("format")) {
            post.format = format;
        }
        if let Some(pattern) = &self.title {
            post.title_pattern = Some(pattern.clone());
        }
        if let Some(command) = self.summarizer.as_ref().filter(|_| !given("summarizer")) {
            post.summarizer = Some(command.clone());
        }
        if let Some(dir) = self
            .post_dir
            .as_ref()
            .filter(|_| !given("post_dir") && !given("output"))
        {
            post.post_dir = Some(expand_home(dir));
        }
        if let Some(pattern) = &self.post_name {
            post.post_name = Some(pattern.clone());
        }
        if let Some(dir) = self
            .history
            .as_ref()
            .filter(|_| !given("history") && !given("no_history"))
        {
            post.history = Some(expand_home(dir));
        }
        if let Some(file) = self.maintainers.as_ref().filter(|_| !given("maintainers")) {
            post.maintainers = Some(expand_home(file));
        }
        if let Some(group) = self.group.filter(|_| !given("group")) {
            post.group = Some(group);
        }
        if let Some(repo) = self.kernel_repo.as_ref().filter(|_| !given("kernel_repo")) {
            post.kernel_repo = Some(expand_home(repo));
        }
        if let Some(dir) = self.chart_dir.as_ref().filter(|_| !given("chart_dir")) {
            post.chart_dir = Some(expand_home(dir));
        }
        if let Some(url) = self.chart_url.as_ref().filter(|_| !given("chart_url")) {
            post.chart_url = url.clone();
        }
    }
}

/// `~/x` as the home directory's `x`: a config file is not read by a shell.
fn expand_home(path: &Path) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match path.strip_prefix("~") {
        Ok(rest) => home().map_or_else(|| path.to_path_buf(), |home| home.join(rest)),
        Err(_) => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_in_a_configured_path_is_the_home_directory() {
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
        assert_eq!(expand_home(Path::new("~/linux")), home.join("linux"));
        assert_eq!(
            expand_home(Path::new("/src/linux")),
            Path::new("/src/linux")
        );
        assert_eq!(expand_home(Path::new("~user/x")), Path::new("~user/x"));
    }
}
