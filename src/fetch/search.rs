//! A week's listing from public-inbox search, without any mail body.
//!
//! `GET {lore}/{list}/?q=QUERY` answers an HTML page of up to 200 hits, each
//! a link to the message (its ID), the subject, the sender's name and the
//! date to the minute, and a `rel=next` link to the next page. No hits is a
//! 404 that still carries the search form. Reading a week of a few lists
//! this way takes a handful of requests, where fetching every thread would
//! take hundreds; the lists are read at once, and their pages are cached
//! (briefly while the window is still open).

use std::sync::LazyLock;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use futures_util::StreamExt;
use percent_encoding::percent_decode_str;
use regex::Regex;
use reqwest::{StatusCode, Url};

use super::answer;
use super::error::FetchError;
use super::lore::Lore;

/// Queries in public-inbox's search syntax.
pub mod query {
    use chrono::{DateTime, Utc};

    /// Mails dated `since..until`. By Date (`dt:`), not receipt (`rt:`):
    /// a freshly imported archive has no useful receipt times.
    pub fn dated(since: DateTime<Utc>, until: DateTime<Utc>) -> String {
        let time = |d: DateTime<Utc>| d.format("%Y%m%d%H%M%S").to_string();
        format!("dt:{}..{}", time(since), time(until))
    }

    /// Where Linus' release announcements of `since..until` are: his mails
    /// with "Linux" in the subject. The listing shows names, not addresses,
    /// so the caller still checks each hit.
    pub fn announcements(since: DateTime<Utc>, until: DateTime<Utc>) -> String {
        format!("f:torvalds AND s:Linux AND {}", dated(since, until))
    }
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub message_id: String,
    pub subject: String,
    /// The sender's name as the page shows it (no address).
    pub author: String,
    /// To the minute, UTC.
    pub date: Option<DateTime<Utc>>,
    /// The inbox searched.
    pub list: String,
}

/// The most result pages read for one query (200 hits each).
pub const MAX_PAGES: usize = 100;

/// How long the cached pages of a window still open stay fresh: its
/// listing grows as mail comes in.
pub const OPEN_WINDOW_FRESH: Duration = Duration::from_secs(10 * 60);

/// Mail dated this long before now may still be arriving at lore (a
/// moderated list, a slow relay); a window that ended longer ago is closed.
pub const STILL_ARRIVING: TimeDelta = TimeDelta::days(1);

/// One listing to read: a query in an inbox, for a window that ends at
/// `until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListingAsk {
    pub list: String,
    pub query: String,
    pub until: DateTime<Utc>,
}

/// What a listing gave.
#[derive(Debug, Default)]
pub struct Listing {
    pub hits: Vec<Hit>,
    /// Why the listing is incomplete ([`MAX_PAGES`] cut it short).
    pub cut: Option<String>,
    pub pages: usize,
    pub pages_from_cache: usize,
}

/// How long a listing's pages stay fresh in a cache whose threads keep for
/// `ttl`: that long for a closed window, [`OPEN_WINDOW_FRESH`] at most for
/// one still open at `now`.
pub fn fresh_for(until: DateTime<Utc>, now: DateTime<Utc>, ttl: Duration) -> Duration {
    if until + STILL_ARRIVING < now {
        ttl
    } else {
        ttl.min(OPEN_WINDOW_FRESH)
    }
}

/// The cache's "list" for listing pages, which are keyed by their URL.
const LISTING_PAGES: &str = "listing pages";

/// Every listing of `asks`, read concurrently within the run's bound on
/// requests; a list's pages follow one another. Each listing succeeds or
/// fails alone.
pub async fn listings(lore: &Lore, asks: &[ListingAsk]) -> Vec<Result<Listing, FetchError>> {
    futures_util::stream::iter(asks)
        .map(|ask| search(lore, ask))
        .buffered(super::lore::effective_jobs(lore.options()))
        .collect()
        .await
}

/// All hits for the asked query in its list, following `rel=next`, with a
/// note when [`MAX_PAGES`] cut the listing short. A page that is not
/// public-inbox's (a bot check, an empty body) fails the listing: it is
/// never zero hits.
pub async fn search(lore: &Lore, ask: &ListingAsk) -> Result<Listing, FetchError> {
    let base = lore.options().base.trim_end_matches('/');
    let list = &ask.list;
    let mut url = Url::parse(&format!("{base}/{list}/"))
        .map_err(|e| FetchError::Client(format!("{base}/{list}/ is not a URL: {e}")))?;
    url.query_pairs_mut().append_pair("q", &ask.query);
    let keep_for = lore
        .options()
        .cache
        .as_ref()
        .map(|cache| fresh_for(ask.until, Utc::now(), cache.ttl()));
    let mut listing = Listing::default();
    for _ in 0..MAX_PAGES {
        let (page, cached) = page(lore, &url, ask, keep_for).await?;
        listing.pages += 1;
        listing.pages_from_cache += usize::from(cached);
        let (found, next) = parse_results(&page, &url, list);
        listing.hits.extend(found);
        match next {
            Some(next) => url = next,
            None => return Ok(listing),
        }
    }
    listing.cut = (!listing.hits.is_empty()).then(|| {
        format!(
            "{list}: the listing stopped after {MAX_PAGES} pages ({} hits); narrow the window or the lists",
            listing.hits.len()
        )
    });
    Ok(listing)
}

/// One results page, from the cache while it is fresh for `keep_for`
/// (`None`: no cache), else from the server, and whether it was cached.
async fn page(
    lore: &Lore,
    url: &Url,
    ask: &ListingAsk,
    keep_for: Option<Duration>,
) -> Result<(String, bool), FetchError> {
    let options = lore.options();
    let base = options.base.trim_end_matches('/');
    let cache = options.cache.as_ref().zip(keep_for);
    if let Some((cache, keep_for)) = cache {
        let cached = cache.get_within(base, LISTING_PAGES, url.as_str(), keep_for);
        match options.usable(cached).map(|body| results_page(&body)) {
            Some(Ok(page)) => return Ok((page, true)),
            // Not a page this version reads: gone.
            Some(Err(_)) => cache.remove(base, LISTING_PAGES, url.as_str()),
            None => {}
        }
    }
    if options.offline {
        return Err(FetchError::Offline);
    }
    let reply = lore.get(url.as_str(), &ask.query).await?;
    let page = results_page(&reply.body);
    lore.count_wall(&page);
    let page = match page {
        Ok(page) => page,
        // An inbox the server does not have answers a bare 404.
        Err(_) if reply.status == StatusCode::NOT_FOUND => {
            return Err(FetchError::NoInbox(ask.list.clone()));
        }
        Err(e) => return Err(e),
    };
    // public-inbox answers a search without hits with a 404 that still
    // carries its form: an empty page, cached like any other.
    if let Some((cache, _)) = cache
        && let Err(e) = cache.put(base, LISTING_PAGES, url.as_str(), page.as_bytes())
    {
        lore.note_cache_failure(&ask.list, &e);
    }
    Ok((page, false))
}

/// A body as a search results page: public-inbox's pages all carry its
/// search form.
fn results_page(body: &[u8]) -> Result<String, FetchError> {
    if let Some(wall) = answer::bot_check(body) {
        return Err(FetchError::NotMail(wall));
    }
    let page = String::from_utf8_lossy(body);
    let form = scraper::Selector::parse("input[name=q]").expect("valid selector");
    let has_form = scraper::Html::parse_document(&page)
        .select(&form)
        .next()
        .is_some();
    if !has_form {
        return Err(FetchError::NotMail(answer::not_mail(body)));
    }
    Ok(page.into_owned())
}

static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*-\s*by\s+(.*?)\s+@\s+(\d{4}-\d\d-\d\d)\s+(\d{1,2}:\d\d)\s+UTC").unwrap()
});

/// The hits on one results page and the next page's URL.
pub fn parse_results(page: &str, page_url: &Url, list: &str) -> (Vec<Hit>, Option<Url>) {
    let document = scraper::Html::parse_document(page);
    let hit_link = scraper::Selector::parse("pre b > a[href]").expect("valid selector");
    let next = scraper::Selector::parse("a[rel=next][href]").expect("valid selector");
    let mut hits = Vec::new();
    for link in document.select(&hit_link) {
        let Some(href) = link.value().attr("href") else {
            continue;
        };
        let Some(id) = message_id_of(href) else {
            continue;
        };
        // The line after the link: "- by NAME @ YYYY-MM-DD HH:MM UTC [99%]".
        let after: String = link
            .parent()
            .into_iter()
            .flat_map(|b| b.next_siblings())
            .map_while(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        let (author, date) = match BY_LINE.captures(&after) {
            Some(c) => {
                let when = format!("{} {}", &c[2], &c[3]);
                let date = NaiveDateTime::parse_from_str(&when, "%Y-%m-%d %H:%M")
                    .ok()
                    .map(|d| d.and_utc());
                (c[1].to_string(), date)
            }
            None => (String::new(), None),
        };
        hits.push(Hit {
            message_id: id,
            subject: link.text().collect::<String>().trim().to_string(),
            author,
            date,
            list: list.to_string(),
        });
    }
    let next = document
        .select(&next)
        .filter_map(|a| a.value().attr("href"))
        .find_map(|href| page_url.join(href).ok());
    (hits, next)
}

/// `20220906.1-1-a@x/` -> `20220906.1-1-a@x`; links elsewhere are `None`.
fn message_id_of(href: &str) -> Option<String> {
    let segment = href.strip_suffix('/')?;
    if segment.contains(['/', '?', '#']) {
        return None;
    }
    let id = percent_decode_str(segment).decode_utf8().ok()?.into_owned();
    id.contains('@').then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape public-inbox 1.9 serves.
    const PAGE: &str = r#"<html><body><form action="./"><pre><input
name=q type=text value="dt:20220828..20220906" /></pre></form><form id=d method=post><pre>Search results</pre></form><pre>  1. <b><a
href="20220906151303.2780789-1-ben@example.com/">[PATCH bpf-next v11 0/7] bpf-core changes</a></b>
     - by Benjamin Tissoires @ 2022-09-06 15:12 UTC [99%]

  2. <b><a
href="bug-216215-11311@https.bugzilla.kernel.org%2F/">[Bug 216215] clone &amp; unshare</a></b>
     - by bugzilla-daemon @ 2022-09-06  8:31 UTC [99%]

</pre><hr><pre id=t>Results 1-200 of ~700  <a
href="?q=dt:20220828..20220906&amp;o=200"
rel=next>next (older)</a> | <a
href="?q=x&amp;o=-1">reverse</a></pre></body></html>"#;

    #[test]
    fn a_results_page_gives_ids_subjects_authors_dates_and_the_next_page() {
        let url = Url::parse("http://127.0.0.1:1/linux-mm/?q=dt:20220828..20220906").unwrap();
        let (hits, next) = parse_results(PAGE, &url, "linux-mm");
        assert_eq!(hits.len(), 2);
        assert_eq!(
            hits[0].message_id,
            "20220906151303.2780789-1-ben@example.com"
        );
        assert_eq!(hits[0].subject, "[PATCH bpf-next v11 0/7] bpf-core changes");
        assert_eq!(hits[0].author, "Benjamin Tissoires");
        assert_eq!(
            hits[0].date.unwrap().to_rfc3339(),
            "2022-09-06T15:12:00+00:00"
        );
        assert_eq!(
            hits[1].message_id,
            "bug-216215-11311@https.bugzilla.kernel.org/"
        );
        assert_eq!(hits[1].subject, "[Bug 216215] clone & unshare");
        assert_eq!(
            next.unwrap().as_str(),
            "http://127.0.0.1:1/linux-mm/?q=dt:20220828..20220906&o=200"
        );
    }

    #[test]
    fn a_page_without_the_search_form_is_no_listing() {
        assert!(results_page(PAGE.as_bytes()).is_ok());
        let wall = b"<html><head><title>Making sure you&#39;re not a bot!</title></head></html>";
        assert!(results_page(wall).unwrap_err().is_wall());
        assert!(results_page(b"").is_err());
        assert!(results_page(b"<html><body>Gateway</body></html>").is_err());
    }

    #[test]
    fn a_window_is_asked_by_date_to_the_second() {
        let since = DateTime::from_timestamp(1_661_990_400, 0).unwrap();
        let until = since + chrono::TimeDelta::days(7);
        assert_eq!(
            query::dated(since, until),
            "dt:20220901000000..20220908000000"
        );
        assert!(query::announcements(since, until).starts_with("f:torvalds AND s:Linux AND dt:"));
    }

    #[test]
    fn the_last_page_has_no_next() {
        let url = Url::parse("http://127.0.0.1:1/all/?q=x").unwrap();
        let (hits, next) = parse_results("<html><body><pre></pre></body></html>", &url, "all");
        assert!(hits.is_empty() && next.is_none());
    }
}
