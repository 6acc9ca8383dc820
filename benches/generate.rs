//! Kernel-style mail for benchmarks: series with diffstats and diffs,
//! quoted replies with trailers, and bodies sent as quoted-printable,
//! base64 and format=flowed, in the proportions of a busy list.

/// `count` messages as one mboxrd, the same for the same `count`.
#[allow(dead_code)]
pub fn mbox(count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(count * 2000);
    write_mbox(count, &mut out).expect("writing to memory");
    out
}

/// [`mbox`], written as it is made.
pub fn write_mbox(count: usize, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut n = 0;
    let mut thread = 0;
    while n < count {
        let author = rng.below(300);
        let patches = [0, 1, 2, 3, 5, 8][rng.below(6)];
        let prefix = PREFIXES[rng.below(PREFIXES.len())];
        let day = (n / 300) as u64;
        let root = format!("2022{thread:08}.{author}-0-dev{author}@example.org");
        let title = format!("{prefix}: {}", words(&mut rng, 6));
        let mut mails = Vec::new();
        if patches == 0 {
            mails.push((format!("[PATCH] {title}"), root.clone(), None, author, true));
        } else {
            mails.push((
                format!("[PATCH 0/{patches}] {title}"),
                root.clone(),
                None,
                author,
                false,
            ));
            for k in 1..=patches {
                let id = format!("2022{thread:08}.{author}-{k}-dev{author}@example.org");
                let subject = format!("[PATCH {k}/{patches}] {prefix}: {}", words(&mut rng, 5));
                mails.push((subject, id, Some(root.clone()), author, true));
            }
        }
        for r in 0..[0, 1, 2, 4, 8][rng.below(5)] {
            let replier = rng.below(300);
            let id = format!("reply{thread}.{r}.dev{replier}@example.org");
            let subject = format!("Re: {}", mails[0].0);
            mails.push((subject, id, Some(root.clone()), replier, false));
        }
        for (i, (subject, id, parent, who, diff)) in mails.into_iter().enumerate() {
            if n == count {
                break;
            }
            out.write_all(b"From mboxrd@z Thu Jan  1 00:00:00 1970\n")?;
            let mail = message(
                &mut rng,
                &subject,
                &id,
                parent.as_deref(),
                who,
                diff,
                day,
                i,
            );
            out.write_all(mail.as_bytes())?;
            out.write_all(b"\n")?;
            n += 1;
        }
        thread += 1;
    }
    Ok(())
}

const PREFIXES: &[&str] = &[
    "mm/vmscan",
    "mm/damon",
    "memcg",
    "block",
    "io_uring",
    "bpf",
    "net",
    "selftests/bpf",
    "cgroup/cpuset",
    "fs/xattr",
    "riscv",
    "arm64",
    "KVM: x86",
    "xfs",
];
const WORDS: &[&str] = &[
    "the", "page", "cache", "reclaim", "path", "walks", "lists", "it", "does", "not", "need",
    "and", "this", "series", "removes", "that", "walk", "so", "memory", "pressure", "is",
    "handled", "faster", "under", "load", "with", "fewer", "locks", "held", "café", "naïve",
];

#[allow(clippy::too_many_arguments)]
fn message(
    rng: &mut Rng,
    subject: &str,
    id: &str,
    parent: Option<&str>,
    who: usize,
    diff: bool,
    day: u64,
    index: usize,
) -> String {
    let mut headers = format!(
        "From: Developer {who} <dev{who}@example.org>\nTo: linux-mm@kvack.org\n\
         Subject: {subject}\nDate: {}\nMessage-ID: <{id}>\nList-Id: <linux-mm.kvack.org>\n\
         MIME-Version: 1.0\n",
        date(day, index)
    );
    if let Some(parent) = parent {
        headers.push_str(&format!(
            "In-Reply-To: <{parent}>\nReferences: <{parent}>\n"
        ));
    }
    let mut body = if subject.starts_with("Re:") {
        format!(
            "On Mon, Developer wrote:\n> {}\n> {}\n\n{}\n\nReviewed-by: Developer {who} <dev{who}@example.org>\n",
            words(rng, 12),
            words(rng, 12),
            words(rng, 40)
        )
    } else {
        format!(
            "{}\n\n{}\n\nSigned-off-by: Developer {who} <dev{who}@example.org>\n",
            words(rng, 60),
            words(rng, 40)
        )
    };
    if diff {
        body.push_str("---\n mm/vmscan.c | 12 ++++++------\n 1 file changed, 6 insertions(+), 6 deletions(-)\n\n");
        body.push_str(
            "diff --git a/mm/vmscan.c b/mm/vmscan.c\n--- a/mm/vmscan.c\n+++ b/mm/vmscan.c\n",
        );
        for i in 0..30 {
            body.push_str(&format!(
                "+\tif (nr_reclaimed < {i}) return shrink_list(lruvec, sc);\n"
            ));
        }
    }
    match rng.below(10) {
        0 => format!(
            "{headers}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{}",
            base64(body.as_bytes())
        ),
        1 | 2 => format!(
            "{headers}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n{}",
            quoted_printable(&body)
        ),
        3 => format!(
            "{headers}Content-Type: text/plain; charset=utf-8; format=flowed\n\n{}",
            body.replace(". ", ". \n")
        ),
        _ => format!("{headers}Content-Type: text/plain; charset=utf-8\n\n{body}"),
    }
}

/// 300 mails a day from 2022-09-01: a mail's day and its place in a thread.
fn date(day: u64, index: usize) -> String {
    const SEPTEMBER_2022: i64 = 1_661_990_400;
    let at = SEPTEMBER_2022 + day as i64 * 86_400 + index as i64 * 600;
    chrono::DateTime::from_timestamp(at, 0)
        .expect("a date in range")
        .to_rfc2822()
}

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn base64(data: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in data.chunks(3).enumerate() {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
        if i % 19 == 18 {
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

fn quoted_printable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut width = 0;
        for b in line.bytes() {
            let piece = if b == b'=' || !(32..127).contains(&b) {
                format!("={b:02X}")
            } else {
                (b as char).to_string()
            };
            if width + piece.len() > 72 {
                out.push_str("=\n");
                width = 0;
            }
            width += piece.len();
            out.push_str(&piece);
        }
        out.push('\n');
    }
    out
}

/// xorshift64: the same mail on every run, without a dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
