//! A small in-process HTTP server for the faults a real public-inbox will
//! not make on demand: bot-check pages, 429, 503, resets, stalls.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path and query, still percent-encoded.
    pub path: String,
    pub at: Instant,
}

impl Request {
    /// The message ID the path names (`/all/ID/t.mbox.gz`, `/ID/`).
    pub fn id(&self) -> Option<String> {
        let path = self.path.split('?').next().unwrap_or_default();
        path.split('/')
            .find(|segment| segment.contains('@'))
            .map(|segment| segment.replace("%40", "@"))
    }
}

pub type Handler = dyn Fn(&Request, &mut TcpStream) + Send + Sync;

/// Serves each connection on its own thread with `handler`; the URL and
/// every request seen, in order.
pub fn serve(handler: Arc<Handler>) -> (String, Arc<Mutex<Vec<Request>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen: Arc<Mutex<Vec<Request>>> = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(256) {
            let Ok(mut stream) = stream else { continue };
            let handler = handler.clone();
            let log = log.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
                let n = stream.read(&mut buf).unwrap_or(0);
                let text = String::from_utf8_lossy(&buf[..n]);
                let mut words = text.split_whitespace();
                let request = Request {
                    method: words.next().unwrap_or_default().to_string(),
                    path: words.next().unwrap_or_default().to_string(),
                    at: Instant::now(),
                };
                log.lock().unwrap().push(request.clone());
                handler(&request, &mut stream);
            });
        }
    });
    (url, seen)
}

pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// A one-mail thread for `id`, gzipped as lore serves `t.mbox.gz`.
pub fn thread_body(id: &str) -> Vec<u8> {
    gz(&thread_mbox(id))
}

/// The same thread unpacked, as the cache holds it.
pub fn thread_mbox(id: &str) -> Vec<u8> {
    format!(
        "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Jane Doe <jane@example.org>\n\
         Subject: [PATCH] mm: fix {id}\nDate: Thu, 1 Sep 2022 10:00:00 +0000\n\
         Message-ID: <{id}>\n\nFix it.\n"
    )
    .into_bytes()
}

pub fn respond(stream: &mut TcpStream, status: &str, headers: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}

/// The page Anubis shows a client it wants to check, with status 200.
pub const BOT_CHECK_PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Making sure you&#39;re not a bot!</title>
<link rel="stylesheet" href="/.within.website/x/xess/xess.min.css?cachebuster=1.21.3">
</head><body id="top"><main><h1 id="title" class="centered-div">Making sure you&#39;re not a bot!</h1>
<p>You are seeing this because the administrator of this website has set up Anubis
to protect the server against the scourge of AI companies aggressively scraping websites.</p>
<script id="anubis_challenge" type="application/json">{"rules":{"algorithm":"fast","difficulty":4}}</script>
<footer><p>Protected by <a href="https://github.com/TecharoHQ/anubis">Anubis</a></p></footer>
</main></body></html>"#;

/// Answers with the bot-check page, as Anubis does: 200, text/html.
pub fn bot_check(stream: &mut TcpStream) {
    respond(
        stream,
        "200 OK",
        "Content-Type: text/html; charset=utf-8\r\n",
        BOT_CHECK_PAGE.as_bytes(),
    );
}

/// One hit of a public-inbox search page: ID, subject, sender, and the
/// date as the page shows it ("2022-09-06 15:12").
pub type SearchHit<'a> = (&'a str, &'a str, &'a str, &'a str);

/// A results page in the shape public-inbox 1.9 serves, with a `rel=next`
/// link to `next` (a query string) when there are more.
pub fn search_page(query: &str, hits: &[SearchHit], next: Option<&str>) -> Vec<u8> {
    let mut page = format!(
        "<html><body><form action=\"./\"><pre><input name=q type=text value=\"{query}\" />\
         </pre></form><pre>"
    );
    for (i, (id, subject, author, date)) in hits.iter().enumerate() {
        page.push_str(&format!(
            "  {}. <b><a\nhref=\"{id}/\">{subject}</a></b>\n     - by {author} @ {date} UTC [99%]\n\n",
            i + 1
        ));
    }
    page.push_str("</pre><hr><pre id=t>");
    if let Some(next) = next {
        page.push_str(&format!("<a\nhref=\"{next}\"\nrel=next>next (older)</a>"));
    }
    page.push_str("</pre></body></html>");
    page.into_bytes()
}
