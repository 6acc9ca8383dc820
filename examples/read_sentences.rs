//! What `prose` reads in each sentence: of a mail in an mbox (`cargo run
//! --example read_sentences MBOX MESSAGE-ID`, its cover letter and first
//! patch), or of each line on standard input.

fn show(line: &str) {
    let s = lkml_digest::prose::Sentence::read(line);
    println!(
        "{line}\n  alone={} follows={} imp={} back={} pron={} person={:?} ptr={} aside={} chlog={} test={} markup={} adds={}",
        s.stands_alone(),
        s.follows_on(),
        s.is_imperative(),
        s.points_back(),
        s.opens_with_pronoun(),
        s.person(),
        s.is_pointer(),
        s.is_aside(),
        s.is_changelog(),
        s.is_test_report(),
        s.has_markup(),
        s.adds_to_something()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 {
        let data = std::fs::read(&args[1]).unwrap();
        for mail in lkml_digest::fetch::mbox::split(&data) {
            let Ok(m) = lkml_digest::parse::Message::parse(&mail) else {
                continue;
            };
            if m.id == args[2]
                || m.in_reply_to.as_deref() == Some(args[2].as_str()) && m.subject.contains(" 1/")
            {
                println!("=== {}", m.subject);
                let title = lkml_digest::parse::Subject::parse(&m.subject).title;
                let excerpts = lkml_digest::parse::summary::Excerpts::read(&m.body, &title);
                for (s, score, opens) in excerpts.scored() {
                    print!("[{score:.1}{}] ", if opens { " OPENS" } else { "" });
                    show(s);
                }
            }
        }
        return;
    }
    for line in std::io::stdin().lines() {
        show(&line.unwrap());
    }
}
