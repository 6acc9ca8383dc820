//! A week's mail as one search, the way `lei q` and b4 ask: public-inbox
//! answers a `POST` of a query with `x=m` with one gzipped mboxrd of every
//! hit, where listing the window and fetching its threads one by one take
//! dozens of requests.

use std::time::Duration;

use std::io::Write;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use reqwest::{StatusCode, Url};

use super::RawMessage;
use super::answer::{self, SNIFF};
use super::error::FetchError;
use super::local::MboxBlocks;
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
    /// The most of the answer read, unpacked (`--max-week-size`).
    pub max_bytes: u64,
}

/// What the search gave; its mails went to the caller as they came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekMail {
    /// The answer's size, unpacked (as far as it was read).
    pub bytes: u64,
    /// Its size as sent (gzip).
    pub sent_bytes: u64,
    pub from_cache: bool,
    /// Read no further than this many bytes unpacked (`--max-week-size`).
    pub cut_at: Option<u64>,
}

/// What the search hands its caller as the answer streams in.
#[derive(Debug)]
pub enum Delivery {
    /// The next mails of the answer.
    Mails(Vec<RawMessage>),
    /// The answer broke off and is asked again: forget the mails so far.
    StartOver,
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

/// How much of the answer is split at once: little against a week.
const BLOCK: usize = 1 << 20;

/// The window's mail, handed to `each` as it is read: from the cache while
/// fresh (a closed window for the cache's time, an open one for 10 minutes
/// at most), else in one `POST`, read as it streams. An answer that breaks
/// off is asked once more. One that is no mbox is no mail; neither it nor
/// one cut at `max_bytes` is cached.
pub async fn week_mail(
    lore: &Lore,
    ask: &WeekAsk,
    each: &mut dyn FnMut(Delivery),
) -> Result<WeekMail, FetchError> {
    let options = lore.options();
    let base = options.base.trim_end_matches('/');
    let url = ask.url(base)?;
    let origin = url.to_string();
    let keep_for: Option<Duration> = options
        .cache
        .as_ref()
        .map(|cache| fresh_for(ask.until, Utc::now(), cache.ttl()));
    let cache = options.cache.as_ref().zip(keep_for);
    if let Some((cache, keep_for)) = cache {
        let cached = cache.get_within(base, WEEK_MAIL, url.as_str(), keep_for);
        if let Some(body) = options.usable(cached) {
            let read = {
                let mut hand = handing(&origin, each);
                let mut reader = Reader::new(ask.max_bytes, &mut hand);
                reader.take(&body);
                reader.finish()
            };
            match read {
                Ok(read) => {
                    return Ok(WeekMail {
                        bytes: read.bytes,
                        sent_bytes: body.len() as u64,
                        from_cache: true,
                        cut_at: read.cut.then_some(ask.max_bytes),
                    });
                }
                // Only what was read whole as mail is cached: an entry
                // that is not is forgotten, and asked for again.
                Err(_) => {
                    cache.remove(base, WEEK_MAIL, url.as_str());
                    each(Delivery::StartOver);
                }
            }
        }
    }
    if options.offline {
        return Err(FetchError::Offline);
    }
    let what = format!("the week's mail of {}", window_name(ask));
    let mut broke_off = String::new();
    for attempt in 0..2 {
        if attempt > 0 {
            each(Delivery::StartOver);
        }
        let response = lore.post_streamed(url.as_str(), "x=m", &what).await?;
        if !response.status().is_success() {
            let reply = lore.reply_of(response).await?;
            return refused(lore, reply.status, &reply.body);
        }
        let mut hand = handing(&origin, each);
        let mut reader = Reader::new(ask.max_bytes, &mut hand);
        // The answer goes to the cache as it comes, gzipped as sent.
        let mut caching = cache.and_then(|(cache, _)| {
            cache
                .writer(base, WEEK_MAIL, url.as_str())
                .map_err(|e| lore.note_cache_failure("the week's mail", &e))
                .ok()
        });
        let mut sent = 0;
        let mut stream = response.bytes_stream();
        let mut broke = None;
        while let Some(chunk) = stream.next().await {
            let chunk = match chunk {
                Ok(chunk) => chunk,
                Err(e) => {
                    broke = Some(super::lore::root_cause(&e));
                    break;
                }
            };
            sent += chunk.len() as u64;
            if let Some(writer) = &mut caching
                && let Err(e) = writer.write(&chunk)
            {
                lore.note_cache_failure("the week's mail", &e);
                caching = None;
            }
            reader.take(&chunk);
            if let Some(start) = reader.refusal() {
                return refused(lore, StatusCode::OK, start);
            }
            if reader.broken.is_some() || reader.is_full() {
                break;
            }
        }
        let read = match broke {
            Some(reason) => Err(Unread::Broken(reason)),
            None => reader.finish(),
        };
        match read {
            Ok(read) => {
                lore.count_wall(&Ok::<(), FetchError>(()));
                if !read.cut
                    && let Some(writer) = caching
                    && let Err(e) = writer.finish()
                {
                    lore.note_cache_failure("the week's mail", &e);
                }
                return Ok(WeekMail {
                    bytes: read.bytes,
                    sent_bytes: sent,
                    from_cache: false,
                    cut_at: read.cut.then_some(ask.max_bytes),
                });
            }
            Err(Unread::NotMail(start)) => return refused(lore, StatusCode::OK, &start),
            Err(Unread::Broken(reason)) => {
                lore.log(&format!("{what} broke off ({reason})"));
                broke_off = reason;
            }
        }
    }
    Err(FetchError::BrokeOff {
        what,
        reason: broke_off,
    })
}

/// What [`MboxBlocks`] hands out, as the search's [`Delivery`].
fn handing<'a>(
    origin: &'a str,
    each: &'a mut dyn FnMut(Delivery),
) -> impl FnMut(Vec<Bytes>, bool) -> bool + 'a {
    move |block: Vec<Bytes>, _shares: bool| {
        each(Delivery::Mails(
            block
                .into_iter()
                .map(|bytes| RawMessage {
                    bytes,
                    origin: origin.to_string(),
                })
                .collect(),
        ));
        // Parsed, the mails are copied out of the block.
        false
    }
}

/// `2022-09-12..2022-09-19`.
fn window_name(ask: &WeekAsk) -> String {
    format!(
        "{}..{}",
        ask.since.format("%Y-%m-%d"),
        ask.until.format("%Y-%m-%d")
    )
}

/// An answer that is no mbox: the server's 404 page where it has no bulk
/// search, a bot wall's page with a 200, or anything else.
fn refused(lore: &Lore, status: StatusCode, body: &[u8]) -> Result<WeekMail, FetchError> {
    let seen = answer::not_mail(body);
    let error = if status == StatusCode::NOT_FOUND && !seen.is_bot_check() {
        FetchError::Status(status)
    } else {
        FetchError::NotMail(seen)
    };
    let failed = Err(error);
    lore.count_wall(&failed);
    failed
}

/// How much of the answer was read, unpacked, and whether it was cut at
/// the most allowed.
#[derive(Debug, Default)]
struct Read {
    bytes: u64,
    cut: bool,
}

/// The answer as it comes, in pieces: gunzipped where it is gzip, at most
/// `max_bytes` of it, split into mails block by block.
struct Reader<'a> {
    sink: Sink<'a>,
    /// The first bytes, until there are enough to tell gzip.
    head: Vec<u8>,
    broken: Option<String>,
}

/// Why an answer read to its end gave no mail.
enum Unread {
    /// It broke off, or its gzip data is broken.
    Broken(String),
    /// It is something else: its first bytes.
    NotMail(Vec<u8>),
}

enum Sink<'a> {
    /// Nothing read yet.
    Unknown(Capped<'a>),
    Gzip(Box<flate2::write::MultiGzDecoder<Capped<'a>>>),
    Plain(Capped<'a>),
    Gone,
}

/// The unpacked answer, up to its limit, on its way to be split.
struct Capped<'a> {
    /// Taken when the answer is done.
    blocks: Option<MboxBlocks<'a>>,
    left: u64,
    written: u64,
    full: bool,
    /// The first bytes, to tell mail from a web page.
    start: Vec<u8>,
    /// Whether the last byte taken ended a line.
    at_line_start: bool,
    /// Whether what was let go past the limit opened with the next
    /// message's separator: then the last message taken is whole.
    cut_at_a_message: bool,
}

impl Capped<'_> {
    /// Whether what came so far is no mbox (`at_end`: and came whole).
    fn is_not_mail(&self, at_end: bool) -> bool {
        (at_end || self.start.len() >= 5) && !self.start.starts_with(b"From ")
    }
}

impl std::io::Write for Capped<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.start.len() < SNIFF {
            let more = (SNIFF - self.start.len()).min(data.len());
            self.start.extend_from_slice(&data[..more]);
        }
        let taken = (data.len() as u64).min(self.left) as usize;
        if let Some(blocks) = &mut self.blocks {
            blocks.write_all(&data[..taken])?;
        }
        self.left -= taken as u64;
        self.written += taken as u64;
        if let Some(&last) = data[..taken].last() {
            self.at_line_start = last == b'\n';
        }
        if taken < data.len() && !self.full {
            self.full = true;
            self.cut_at_a_message = self.at_line_start && data[taken..].starts_with(b"From ");
        }
        // What is past the limit is let go, unread.
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> Reader<'a> {
    fn new(max_bytes: u64, hand: &'a mut dyn FnMut(Vec<Bytes>, bool) -> bool) -> Reader<'a> {
        Reader {
            sink: Sink::Unknown(Capped {
                blocks: Some(MboxBlocks::new(BLOCK, &|_| true, hand)),
                left: max_bytes,
                written: 0,
                full: false,
                start: Vec::new(),
                at_line_start: true,
                cut_at_a_message: false,
            }),
            head: Vec::new(),
            broken: None,
        }
    }

    fn capped(&self) -> Option<&Capped<'a>> {
        match &self.sink {
            Sink::Unknown(capped) | Sink::Plain(capped) => Some(capped),
            Sink::Gzip(decoder) => Some(decoder.get_ref()),
            Sink::Gone => None,
        }
    }

    /// Reads the next piece of the answer.
    fn take(&mut self, piece: &[u8]) {
        if piece.is_empty() || self.broken.is_some() {
            return;
        }
        let held;
        let piece = match &self.sink {
            // gzip is told by its first two bytes, which may come apart.
            Sink::Unknown(_) if self.head.len() + piece.len() < 2 => {
                self.head.extend_from_slice(piece);
                return;
            }
            Sink::Unknown(_) => {
                held = [std::mem::take(&mut self.head).as_slice(), piece].concat();
                &held[..]
            }
            _ => piece,
        };
        self.sink = match std::mem::replace(&mut self.sink, Sink::Gone) {
            Sink::Unknown(capped) if piece.starts_with(&[0x1f, 0x8b]) => {
                Sink::Gzip(Box::new(flate2::write::MultiGzDecoder::new(capped)))
            }
            Sink::Unknown(capped) => Sink::Plain(capped),
            sink => sink,
        };
        let written = match &mut self.sink {
            Sink::Gzip(decoder) => decoder.write_all(piece),
            Sink::Plain(capped) => capped.write_all(piece),
            Sink::Unknown(_) | Sink::Gone => Ok(()),
        };
        if let Err(e) = written {
            self.broken = Some(format!("the gzip data is broken: {e}"));
        }
    }

    /// The answer's first bytes, where they are no mbox and there are
    /// enough of them to say what they are instead (a wall's page may
    /// name itself late).
    fn refusal(&self) -> Option<&[u8]> {
        self.capped()
            .filter(|c| c.is_not_mail(false) && c.start.len() >= SNIFF)
            .map(|c| &c.start[..])
    }

    fn is_full(&self) -> bool {
        self.capped().is_some_and(|c| c.full)
    }

    /// The rest of the mails; an error where the gzip data ended before
    /// its end (an answer cut off).
    fn finish(mut self) -> Result<Read, Unread> {
        if let Sink::Unknown(capped) = &mut self.sink {
            // One byte came: no gzip.
            let _ = capped.write_all(&std::mem::take(&mut self.head));
        }
        if let Some(broken) = self.broken {
            return Err(Unread::Broken(broken));
        }
        let capped = match &mut self.sink {
            Sink::Gzip(decoder) => {
                // A cut answer's gzip is left unfinished on purpose.
                if !decoder.get_ref().full {
                    decoder
                        .try_finish()
                        .map_err(|e| Unread::Broken(format!("the gzip data ended early: {e}")))?;
                }
                decoder.get_mut()
            }
            Sink::Unknown(capped) | Sink::Plain(capped) => capped,
            Sink::Gone => return Err(Unread::NotMail(Vec::new())),
        };
        if capped.is_not_mail(true) {
            return Err(Unread::NotMail(std::mem::take(&mut capped.start)));
        }
        let read = Read {
            bytes: capped.written,
            cut: capped.full,
        };
        match capped.blocks.take() {
            Some(blocks) if capped.full && !capped.cut_at_a_message => blocks.finish_cut(),
            Some(blocks) => blocks.finish(),
            None => {}
        }
        Ok(read)
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
            max_bytes: 1 << 30,
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

    /// Three mails, gzipped as the search answers.
    fn answer() -> Vec<u8> {
        let mut mbox = Vec::new();
        for n in 0..3 {
            mbox.extend_from_slice(
                format!(
                    "From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <{n}@x>\n\nBody {n}.\n\n"
                )
                .as_bytes(),
            );
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&mbox).unwrap();
        gz.finish().unwrap()
    }

    /// The mails `pieces` give, read one after another, and how it ended.
    fn read(pieces: &[&[u8]], max_bytes: u64) -> (Vec<String>, Result<Read, Unread>) {
        let mut mails = Vec::new();
        let mut hand = |block: Vec<Bytes>, _: bool| {
            mails.extend(
                block
                    .iter()
                    .map(|m| String::from_utf8_lossy(m).into_owned()),
            );
            false
        };
        let mut reader = Reader::new(max_bytes, &mut hand);
        for piece in pieces {
            reader.take(piece);
        }
        let ended = reader.finish();
        (mails, ended)
    }

    #[test]
    fn an_answer_read_in_small_pieces_gives_the_mails_it_gives_whole() {
        let answer = answer();
        let (whole, _) = read(&[&answer], 1 << 20);
        let pieces: Vec<&[u8]> = answer.chunks(7).collect();
        let (piecewise, ended) = read(&pieces, 1 << 20);
        assert_eq!(whole.len(), 3);
        assert_eq!(piecewise, whole);
        assert!(ended.is_ok_and(|r| !r.cut));
    }

    #[test]
    fn an_answer_cut_at_its_limit_gives_only_its_whole_mails() {
        // Each mail is 67 bytes: 110 hold the first and the second's
        // first line.
        let (mails, ended) = read(&[&answer()], 110);
        assert_eq!(mails.len(), 1, "{mails:?}");
        assert!(ended.is_ok_and(|r| r.cut && r.bytes == 110));
    }

    #[test]
    fn gzip_whose_first_piece_is_one_byte_is_still_gzip() {
        let answer = answer();
        let (mails, ended) = read(&[&answer[..1], &answer[1..]], 1 << 20);
        assert_eq!(mails.len(), 3);
        assert!(ended.is_ok());
    }

    #[test]
    fn an_answer_cut_where_a_mail_ends_keeps_that_mail() {
        // Two mails of 67 bytes: the third's separator is let go.
        let (mails, ended) = read(&[&answer()], 134);
        assert_eq!(mails.len(), 2, "{mails:?}");
        assert!(ended.is_ok_and(|r| r.cut));
    }

    #[test]
    fn a_web_page_is_refused_only_once_it_can_be_told() {
        let page = format!(
            "<!doctype html><html><head><style>{}</style>\
             <title>Making sure you&#39;re not a bot!</title></head></html>",
            "p { margin: 0 } ".repeat(40)
        );
        let mut hand = |_: Vec<Bytes>, _: bool| false;
        let mut reader = Reader::new(1 << 20, &mut hand);
        for piece in page.as_bytes().chunks(16) {
            reader.take(piece);
            // A page shorter than the sniff is told at its end.
            assert!(reader.refusal().is_none());
        }
        let Err(Unread::NotMail(start)) = reader.finish() else {
            panic!("a web page is no mail");
        };
        assert!(answer::not_mail(&start).is_bot_check());
    }

    #[test]
    fn gzip_that_ends_early_is_an_answer_broken_off() {
        let answer = answer();
        let (_, ended) = read(&[&answer[..answer.len() - 10]], 1 << 20);
        assert!(matches!(ended, Err(Unread::Broken(_))));
    }

    #[test]
    fn a_web_page_is_no_mail() {
        let page = b"<!doctype html><html><title>Making sure you're not a bot!</title></html>";
        let (mails, ended) = read(&[page], 1 << 20);
        assert!(mails.is_empty());
        assert!(matches!(ended, Err(Unread::NotMail(start)) if start.starts_with(b"<!doctype")));
    }
}
