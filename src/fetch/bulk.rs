//! A week's mail as one search, the way `lei q` and b4 ask: public-inbox
//! answers a `POST` of a query with `x=m` with one gzipped mboxrd of every
//! hit, where listing the window and fetching its threads one by one take
//! dozens of requests.

use std::time::Duration;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use reqwest::{StatusCode, Url};

use super::RawMessage;
use super::answer;
use super::error::FetchError;
use super::lore::Lore;
use super::search::{fresh_for, query};

/// The cache's "list" for a week's mail, keyed by the search's URL.
const WEEK_MAIL: &str = "week mail";

/// The window's mail of some lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekAsk {
    /// Inbox names (`linux-mm`); `all` for every list.
    pub lists: Vec<String>,
    pub since: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// What the search gave.
#[derive(Debug)]
pub struct WeekMail {
    /// The mails, each as it was sent.
    pub mails: Vec<RawMessage>,
    /// The unpacked answer's size.
    pub bytes: usize,
    pub from_cache: bool,
}

impl WeekAsk {
    /// The query: mail dated in the window on the lists (a list by its
    /// List-Id or its address in To or Cc, as a copy may lack the
    /// List-Id), and Linus' release announcements, which go to
    /// linux-kernel and name the post.
    pub fn query(&self) -> String {
        let dated = query::dated(self.since, self.until);
        if self.lists.iter().any(|l| l == "all") {
            return dated;
        }
        let lists: Vec<String> = self
            .lists
            .iter()
            .map(|l| format!("l:{l} OR tc:{l}"))
            .collect();
        format!(
            "(({}) AND {dated}) OR ({})",
            lists.join(" OR "),
            query::announcements(self.since, self.until)
        )
    }

    /// Where the query is asked: `/all/`, whose index holds every list.
    fn url(&self, base: &str) -> Result<Url, FetchError> {
        let mut url = Url::parse(&format!("{base}/all/"))
            .map_err(|e| FetchError::Client(format!("{base}/all/ is not a URL: {e}")))?;
        url.query_pairs_mut()
            .append_pair("q", &self.query())
            .append_pair("x", "m");
        Ok(url)
    }
}

/// Whether `error` says the server has no bulk search (an older or other
/// server, a proxy that refuses a `POST`), so that the week is read the
/// other way.
pub fn is_unsupported(error: &FetchError) -> bool {
    matches!(
        error,
        FetchError::Status(
            StatusCode::NOT_FOUND
                | StatusCode::METHOD_NOT_ALLOWED
                | StatusCode::FORBIDDEN
                | StatusCode::NOT_IMPLEMENTED
        )
    ) || matches!(error, FetchError::NotMail(wall) if !wall.is_bot_check())
}

/// The window's mail: from the cache while fresh (a closed window for the
/// cache's time, an open one for 10 minutes at most), else in one `POST`.
/// An answer that is no mbox is no mail, and never cached.
pub async fn week_mail(lore: &Lore, ask: &WeekAsk) -> Result<WeekMail, FetchError> {
    let options = lore.options();
    let base = options.base.trim_end_matches('/');
    let url = ask.url(base)?;
    let keep_for: Option<Duration> = options
        .cache
        .as_ref()
        .map(|cache| fresh_for(ask.until, Utc::now(), cache.ttl()));
    let cache = options.cache.as_ref().zip(keep_for);
    if let Some((cache, keep_for)) = cache {
        let cached = cache.get_within(base, WEEK_MAIL, url.as_str(), keep_for);
        if let Some(body) = options.usable(cached) {
            return Ok(mails_of(Bytes::from(body), &url, true));
        }
    }
    if options.offline {
        return Err(FetchError::Offline);
    }
    let reply = lore.post(url.as_str(), "x=m", "the week's mail").await?;
    let body = reply.body;
    if !body.starts_with(b"From ") {
        // A server without the bulk search answers its 404 page; a wall,
        // its page with a 200.
        let seen = answer::not_mail(&body);
        let error = if reply.status == StatusCode::NOT_FOUND && !seen.is_bot_check() {
            FetchError::Status(reply.status)
        } else {
            FetchError::NotMail(seen)
        };
        let failed = Err(error);
        lore.count_wall(&failed);
        return failed;
    }
    if let Some((cache, _)) = cache
        && let Err(e) = cache.put(base, WEEK_MAIL, url.as_str(), &body)
    {
        lore.note_cache_failure("the week's mail", &e);
    }
    Ok(mails_of(body, &url, false))
}

/// The answer's mails, each named by the search it came from.
fn mails_of(body: Bytes, url: &Url, from_cache: bool) -> WeekMail {
    let origin = url.to_string();
    WeekMail {
        bytes: body.len(),
        mails: super::mbox::split_shared(&body)
            .into_iter()
            .map(|bytes| RawMessage {
                bytes,
                origin: origin.clone(),
            })
            .collect(),
        from_cache,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(lists: &[&str]) -> WeekAsk {
        WeekAsk {
            lists: lists.iter().map(|l| l.to_string()).collect(),
            since: DateTime::from_timestamp(1_692_000_000, 0).unwrap(),
            until: DateTime::from_timestamp(1_692_604_800, 0).unwrap(),
        }
    }

    #[test]
    fn the_query_names_each_list_and_the_release_announcements() {
        let q = ask(&["linux-mm", "cgroups"]).query();
        assert!(
            q.starts_with("((l:linux-mm OR tc:linux-mm OR l:cgroups OR tc:cgroups) AND dt:2023"),
            "{q}"
        );
        assert!(q.contains(") OR (f:torvalds AND s:Linux AND dt:"), "{q}");
    }

    #[test]
    fn all_lists_is_the_window_alone() {
        let q = ask(&["all"]).query();
        assert!(q.starts_with("dt:") && !q.contains("l:"), "{q}");
    }

    #[test]
    fn a_method_the_server_refuses_is_no_bulk_search_but_a_wall_is_an_error() {
        assert!(is_unsupported(&FetchError::Status(
            StatusCode::METHOD_NOT_ALLOWED
        )));
        let wall = answer::not_mail(b"<html><title>Making sure you're not a bot!</title></html>");
        assert!(!is_unsupported(&FetchError::NotMail(wall)));
    }
}
