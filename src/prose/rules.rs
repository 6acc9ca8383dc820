//! The rules an editor reads a summary by, as one table ([`RULES`]):
//! each names the defect it finds, how it finds it, and its repair, or that
//! the sentence is not used. [`check`] runs the detections; [`proofread`]
//! runs the same rules and repairs.
//!
//! The defects are those of sentences taken from mail: the author's first
//! person, a sentence that points back at one not taken ("Hence,", "this
//! issue", "such sequences"), a commit message's order without a subject,
//! a pointer elsewhere, an aside, a changelog or a test report, a list cut
//! at its marker or numbered inline, a line that is no sentence, what a
//! stripped link or markup left, and a summary that ends without a full
//! stop.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::lexicon;
use super::sentence::{Person, Sentence, commits_said_plainly, sentences_of, the_means_of_a_fix};
use super::words::{
    ADVERBS, ATTRIBUTION_LINE, ATTRIBUTION_PREFIX, CLAUSE_OPENERS, COMMIT_REFERENCE, FINITE_VERBS,
    INNER_CONNECTIVES, NOT_A_VERB, SERIES_WORDS, SIGNATURE,
};
use crate::post_format::{has_link_leftovers, without_link_leftovers};

/// What an editor would have to fix in a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Defect {
    /// "I", "we", "our", "my", "us" outside quotes.
    FirstPerson,
    /// "Hence,", "Such data ...", "fixes this issue", "It ..." opening the
    /// summary: a sentence leaning on one that is not there.
    PointingOpener,
    /// "Provide X to fix the boot problems.": a closing purpose that only
    /// points back.
    PointingPurpose,
    /// "Introduce XIP support for RISC-V.": a commit message's order
    /// without a subject.
    Fragment,
    /// "can be found in following link", "please see ...".
    Pointer,
    /// The author's aside or the process, a changelog line, a test report.
    Aside,
    /// A list cut at its marker ("... advantages of: 1.") or numbered
    /// inline ("(1) a (2) b").
    List,
    /// A quote's attribution, a signature, a commit reference or a trailer.
    NoSentence,
    /// "for don't count ...": a title pasted after "for" whatever its form.
    Lead,
    /// What a stripped link or markup left: "(see)", "()", "# The", "..".
    Leftover,
    /// "This patchset implement": the work, one thing, with a plural verb.
    Agreement,
    /// "Jane posted a patch to add X. The patch adds X that does Y.": the
    /// sentence after the lead says the lead's order again, with more.
    SaidAgain,
    /// The summary does not end with a full stop (or `!`, `?`).
    NoFullStop,
    /// What an editor corrects in an author's English: "it's own", "returns
    /// X, if Y.".
    Usage,
}

impl Defect {
    pub fn describe(self) -> &'static str {
        match self {
            Defect::FirstPerson => "first person",
            Defect::PointingOpener => "a sentence pointing back",
            Defect::PointingPurpose => "a purpose pointing back",
            Defect::Fragment => "an order without a subject",
            Defect::Pointer => "a pointer elsewhere",
            Defect::Aside => "an aside, a changelog or a test report",
            Defect::List => "a cut or inline list",
            Defect::NoSentence => "no sentence",
            Defect::Lead => "a lead that is no grammar",
            Defect::Leftover => "a leftover of markup",
            Defect::Agreement => "a verb that does not agree",
            Defect::SaidAgain => "the lead said again",
            Defect::NoFullStop => "no full stop",
            Defect::Usage => "a usage an editor corrects",
        }
    }
}

/// Where a sentence stands in the summary being read.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Nothing was kept before it: it opens the summary.
    pub first: bool,
    /// Nothing follows it, and nothing was kept before it.
    pub alone: bool,
}

/// How a rule finds its defect.
pub enum Detect {
    /// In one sentence, where it stands.
    Sentence(fn(&Sentence, Place) -> bool),
    /// In the summary as a whole.
    Summary(fn(&str) -> bool),
}

/// What [`proofread`] does about a defect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repair {
    /// The sentence is not used.
    NotUsed,
    /// The quote's attribution before the sentence goes.
    DropAttribution,
    /// "Commit 16f5dfbc851b (\"gfp: ...\") made X" -> "An earlier commit
    /// made X".
    SayCommitPlainly,
    /// The sentence up to the trailer it ran into, else not used.
    CutAtTrailer,
    /// The list item's marker that opens it goes.
    DropBullet,
    /// The sentence before its lone marker, else not used.
    CutMarker,
    /// The inline list said as prose, else not used.
    ListAsProse,
    /// The opening connective goes where the rest stands alone, else not used.
    DropConnective,
    /// "To fix this issue, add X" -> "Add X": an opening clause that only
    /// points back goes where the rest stands, else not used.
    DropClause,
    /// "Provide X to fix the boot problems." -> "Provide X.": a closing
    /// purpose that only points back goes where the rest stands.
    DropPurpose,
    /// "Fix this by adding X" -> "Add X": a fix of what went before told
    /// by its means is the means.
    SayTheMeans,
    /// "Introduce X" -> "The patchset introduces X".
    GiveSubject,
    /// "We propose" -> "Jane proposes", where the author certainly speaks;
    /// a clause "we have" goes; else not used.
    ThirdPerson,
    /// What a stripped link left goes.
    RemoveLeftovers,
    /// A list item's marker after a full stop goes.
    DropMarker,
    /// A word said twice in a row goes once.
    DropRepeatedWord,
    /// "_why_" -> "why": the marks around an emphasised word go.
    DropEmphasis,
    /// "it's own" -> "its own".
    SayIts,
    /// "fix X & flush Y" -> "fix X and flush Y".
    SayAnd,
    /// "(put_frob() --> unpin_frob())" -> "(put_frob() to unpin_frob())".
    SayTo,
    /// "in global OOM path" -> "in the global OOM path".
    SayThePlace,
    /// "flexiblity" -> "flexibility".
    SaySpelling,
    /// "each cpu" -> "each CPU".
    SayInCapitals,
    /// "returns X, if Y." -> "returns X if Y.".
    DropCommaBeforeIf,
    /// "a RCU section" -> "an RCU section", "an user" -> "a user".
    FitTheArticle,
    /// "This patches don't" -> "These patches don't".
    SayThese,
    /// "needs to be present for to enable X" -> "... present to enable X".
    DropForBeforeTo,
    /// "It allows to close X" -> "It makes it possible to close X".
    SayMakesItPossible,
    /// "X, Where Y" -> "X, where Y".
    LowerAfterComma,
    /// "The Functions take care of X" -> "The functions take care of X".
    LowerCommonNoun,
    /// "The clone() does not pass X" -> "clone() does not pass X".
    DropTheBeforeAFunction,
    /// "support for X, including: A, B and C" -> "including A, B and C".
    DropColonAfterIncluding,
    /// "This patchset implement" -> "This patchset implements".
    Agree,
    /// "This patchset would like to add X" -> "This patchset adds X".
    SayWhatItDoes,
    /// "There is no user of foo(), remove it." -> "There is no user of
    /// foo(), so the patch removes it."; else not used.
    SubjectAfterComma,
    /// "X belong. ie. Create Y" -> "X belong.": the sentence before the
    /// abbreviation that runs on past its full stop.
    CutRestatement,
    /// "Jane posted a patch to add X that does Y.": the sentence that
    /// says the lead again, with more, becomes the lead's order.
    MergeIntoLead,
    /// A full stop ends the summary.
    AddFullStop,
    /// Found, not repaired here: the lead is written by `compose::voice`.
    CheckOnly,
}

/// One rule of the read.
pub struct Rule {
    pub defect: Defect,
    /// What it finds, as the repair notes say it.
    pub finds: &'static str,
    pub detect: Detect,
    pub repair: Repair,
}

/// The rules, in the order [`proofread`] applies them.
pub static RULES: &[Rule] = &[
    Rule {
        defect: Defect::Leftover,
        finds: "what a stripped link left",
        detect: Detect::Summary(has_link_leftovers),
        repair: Repair::RemoveLeftovers,
    },
    Rule {
        defect: Defect::List,
        finds: "a list item's marker after a full stop",
        detect: Detect::Summary(|s| MARKER_AFTER_STOP.is_match(s)),
        repair: Repair::DropMarker,
    },
    Rule {
        defect: Defect::Leftover,
        finds: "emphasis marks around a word or backticks around a name",
        detect: Detect::Summary(|s| emphasised(s).next().is_some() || BACKTICKED.is_match(s)),
        repair: Repair::DropEmphasis,
    },
    Rule {
        defect: Defect::Usage,
        finds: "\"it's\" for \"its\"",
        detect: Detect::Summary(|s| its_written_it_is(s).is_some()),
        repair: Repair::SayIts,
    },
    Rule {
        defect: Defect::Usage,
        finds: "an ampersand for \"and\"",
        detect: Detect::Summary(|s| ampersand(s).is_some()),
        repair: Repair::SayAnd,
    },
    Rule {
        defect: Defect::Usage,
        finds: "an arrow for \"to\"",
        detect: Detect::Summary(|s| ARROW.is_match(s)),
        repair: Repair::SayTo,
    },
    Rule {
        defect: Defect::Usage,
        finds: "\"this\" before a plural",
        detect: Detect::Summary(|s| THIS_BEFORE_A_PLURAL.is_match(s)),
        repair: Repair::SayThese,
    },
    Rule {
        defect: Defect::Usage,
        finds: "\"the\" before a function named as a subject",
        detect: Detect::Summary(|s| the_before_a_function(s).is_some()),
        repair: Repair::DropTheBeforeAFunction,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a capital after a comma",
        detect: Detect::Summary(|s| capital_after_comma(s).is_some()),
        repair: Repair::LowerAfterComma,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a plural noun in capitals after \"the\"",
        detect: Detect::Summary(|s| capital_common_noun(s).is_some()),
        repair: Repair::LowerCommonNoun,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a colon after \"including\" in a sentence",
        detect: Detect::Summary(|s| colon_after_including(s).is_some()),
        repair: Repair::DropColonAfterIncluding,
    },
    Rule {
        defect: Defect::Usage,
        finds: "\"for\" before an infinitive",
        detect: Detect::Summary(|s| for_before_to(s).is_some()),
        repair: Repair::DropForBeforeTo,
    },
    Rule {
        defect: Defect::Usage,
        finds: "\"allows to\" without whom it allows",
        detect: Detect::Summary(|s| allows_to(s).is_some()),
        repair: Repair::SayMakesItPossible,
    },
    Rule {
        defect: Defect::Usage,
        finds: "initials written in lower case",
        detect: Detect::Summary(|s| initials_in_lower_case(s).is_some()),
        repair: Repair::SayInCapitals,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a misspelt word",
        detect: Detect::Summary(|s| super::spelling::misspelt(s).is_some()),
        repair: Repair::SaySpelling,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a place in the code named without its article",
        detect: Detect::Summary(|s| super::place_without_its_article(s).is_some()),
        repair: Repair::SayThePlace,
    },
    Rule {
        defect: Defect::Usage,
        finds: "an article that does not fit the sound",
        detect: Detect::Summary(|s| articles_misfit(s).next().is_some()),
        repair: Repair::FitTheArticle,
    },
    Rule {
        defect: Defect::Usage,
        finds: "a comma before a closing \"if\"",
        detect: Detect::Summary(|s| {
            COMMA_BEFORE_CLOSING_IF
                .captures_iter(s)
                .any(|c| closing_if_is_a_condition(&c[2]))
        }),
        repair: Repair::DropCommaBeforeIf,
    },
    Rule {
        defect: Defect::Leftover,
        finds: "a repeated word",
        detect: Detect::Summary(|s| repeated_word(s).is_some()),
        repair: Repair::DropRepeatedWord,
    },
    Rule {
        defect: Defect::NoSentence,
        finds: "a quote's attribution",
        detect: Detect::Sentence(|s, _| {
            ATTRIBUTION_PREFIX
                .find(s.text)
                .is_some_and(|p| p.end() < s.text.len())
        }),
        repair: Repair::DropAttribution,
    },
    Rule {
        defect: Defect::Leftover,
        finds: "a restatement run on past a full stop",
        detect: Detect::Sentence(|s, _| restatement_after_stop(s.text).is_some()),
        repair: Repair::CutRestatement,
    },
    Rule {
        defect: Defect::NoSentence,
        finds: "a commit named by its id",
        detect: Detect::Sentence(|s, _| commits_said_plainly(s.text).is_some()),
        repair: Repair::SayCommitPlainly,
    },
    Rule {
        defect: Defect::NoSentence,
        finds: "a line that is no sentence",
        detect: Detect::Sentence(|s, _| is_no_sentence(s.text)),
        repair: Repair::CutAtTrailer,
    },
    Rule {
        defect: Defect::List,
        finds: "a list item's marker",
        detect: Detect::Sentence(|s, _| opens_with_bullet(s.text)),
        repair: Repair::DropBullet,
    },
    Rule {
        defect: Defect::List,
        finds: "a list cut at its marker",
        detect: Detect::Sentence(|s, _| is_cut_list(s.text)),
        repair: Repair::CutMarker,
    },
    Rule {
        defect: Defect::List,
        finds: "an inline list",
        detect: Detect::Sentence(|s, _| is_inline_list(s.text)),
        repair: Repair::ListAsProse,
    },
    Rule {
        defect: Defect::List,
        finds: "a list that stops at its first item",
        detect: Detect::Sentence(|s, _| {
            LIST_AFTER_COLON.is_match(s.text) && INLINE_MARKER.find_iter(s.text).count() < 2
        }),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::PointingOpener,
        finds: "a connective pointing back",
        detect: Detect::Sentence(|s, _| s.leans_by_connective()),
        repair: Repair::DropConnective,
    },
    Rule {
        defect: Defect::PointingOpener,
        finds: "an opening clause pointing back or crediting",
        detect: Detect::Sentence(|s, _| s.clause_goes()),
        repair: Repair::DropClause,
    },
    Rule {
        defect: Defect::PointingPurpose,
        finds: "a closing purpose pointing back",
        detect: Detect::Sentence(|s, _| s.without_its_purpose().is_some()),
        repair: Repair::DropPurpose,
    },
    Rule {
        defect: Defect::PointingOpener,
        finds: "a fix of what went before, told by its means",
        detect: Detect::Sentence(|s, _| the_means_of_a_fix(s.text).is_some()),
        repair: Repair::SayTheMeans,
    },
    Rule {
        defect: Defect::Pointer,
        finds: "a pointer elsewhere",
        detect: Detect::Sentence(|s, _| s.is_pointer()),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::Aside,
        finds: "an aside",
        detect: Detect::Sentence(|s, _| s.is_aside()),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::Aside,
        finds: "a changelog line",
        detect: Detect::Sentence(|s, _| s.is_changelog()),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::Aside,
        finds: "a test report",
        detect: Detect::Sentence(|s, _| s.is_test_report()),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::Leftover,
        finds: "markup",
        detect: Detect::Sentence(|s, _| s.has_markup()),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::PointingOpener,
        finds: "a sentence pointing back",
        detect: Detect::Sentence(|s, place| {
            s.points_back() || place.first && s.opens_with_pronoun()
        }),
        repair: Repair::NotUsed,
    },
    Rule {
        defect: Defect::Fragment,
        finds: "an order without a subject",
        detect: Detect::Sentence(|s, _| s.is_imperative()),
        repair: Repair::GiveSubject,
    },
    Rule {
        defect: Defect::Fragment,
        finds: "an order run on after a comma",
        detect: Detect::Sentence(|s, _| s.splices_an_order()),
        repair: Repair::SubjectAfterComma,
    },
    Rule {
        defect: Defect::Agreement,
        finds: "the work with a plural verb",
        detect: Detect::Sentence(|s, _| work_with_plural_verb(s.text).is_some()),
        repair: Repair::Agree,
    },
    Rule {
        defect: Defect::Usage,
        finds: "the work's wish for what it does",
        detect: Detect::Sentence(|s, _| work_with_a_wish(s.text).is_some()),
        repair: Repair::SayWhatItDoes,
    },
    Rule {
        defect: Defect::FirstPerson,
        finds: "the first person",
        detect: Detect::Sentence(|s, _| s.person() != Person::None),
        repair: Repair::ThirdPerson,
    },
    Rule {
        defect: Defect::Lead,
        finds: "a lead that is no grammar",
        detect: Detect::Summary(|s| BAD_LEAD.is_match(s) || lead_pastes_a_verb(s)),
        repair: Repair::CheckOnly,
    },
    Rule {
        defect: Defect::SaidAgain,
        finds: "the lead said again",
        detect: Detect::Summary(|s| lead_said_again(s).is_some()),
        repair: Repair::MergeIntoLead,
    },
    Rule {
        defect: Defect::NoFullStop,
        finds: "no full stop",
        detect: Detect::Summary(|s| !s.trim().is_empty() && !ends_a_sentence(s)),
        repair: Repair::AddFullStop,
    },
];

/// A list marker alone at a sentence's end: "of: 1.", "are: (a)".
static CUT_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s:])(?:\(?\d{1,2}[.)]|\(?[a-h]\)|[-*•])\s*$").unwrap());
/// "three optimizations: (A) Reduce ...": a list's first item after its
/// colon; the sentence ends with that item, the rest are elsewhere.
static LIST_AFTER_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r":\s+(?:\(\d{1,2}\)|\([a-hA-H]\)|\d{1,2}[.)]|[a-hA-H]\))\s+\S").unwrap()
});
/// An inline list item's marker: "(1)", "1)", "2.", "a)".
static INLINE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:\(\d{1,2}\)|\d{1,2}\)|\d{1,2}\.|\([a-hA-H]\)|[a-hA-H]\))\s").unwrap()
});
/// A list item's marker after a sentence's end: "... Trace. o Neither".
static MARKER_AFTER_STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([.!?]) (?:o|-|\*|•|\+) (\p{Lu})").unwrap());
/// A word between emphasis marks, as plain-text mail stresses it: "_why_",
/// "*works*" (one mark each side, letters only: "__init" is a name).
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[\s(])([_*])(\p{Ll}+)([_*])([\s.,;:!?)]|$)").unwrap());
/// "it's own", "in it's current form": "it's" before a word that only
/// qualifies a noun, where the possessive was meant.
static ITS_WRITTEN_IT_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([Ii])t's (own|current|original|previous|parent|respective|internal) ([a-z_][\w-]*)",
    )
    .unwrap()
});
/// Where `text` writes "it's" for "its": a noun follows the qualifier
/// ("it's internal to mm" is "it is").
fn its_written_it_is(text: &str) -> Option<regex::Captures<'_>> {
    ITS_WRITTEN_IT_IS.captures_iter(text).find(|c| {
        let next = &c[3];
        !super::words::PREPOSITIONS.contains(&next)
            && !matches!(next, "and" | "or" | "in" | "at" | "but")
    })
}
/// Where prose writes "&" between two words for "and" ("fix X & flush Y"),
/// outside quotes and code ("a & b" in a quoted title or `a && b` stay).
/// " --> ", " -> ", " => " between two names: a change from one to the
/// other ("page->flags" is code, written without spaces; "4,000 -> 330"
/// compares figures, a benchmark's).
static ARROW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^\d\s]) (?:-{1,2}|=)> ([^\d\s])").unwrap());

fn ampersand(text: &str) -> Option<usize> {
    text.match_indices(" & ").map(|(at, _)| at + 1).find(|&at| {
        let before = &text[..at];
        let quoted = super::inside_quotes(before);
        // "page->flags & PG_locked" is code: words of letters only.
        let plain = |w: Option<&str>| {
            w.is_some_and(|w| {
                let w = w.trim_end_matches([',', '.', ':', ';']);
                !w.is_empty() && w.chars().all(char::is_alphanumeric)
            })
        };
        !quoted
            && plain(before.split_whitespace().last())
            && plain(text[at + 1..].split_whitespace().next())
    })
}
/// "each cpu" -> "each CPU": the first initials of `text` written in
/// lower case among words, outside quotes, code and a type's name ("struct
/// cpu"), and how English writes them.
fn initials_in_lower_case(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    super::plain_words(text).find_map(|(at, word)| {
        let said = super::words::INITIALISMS
            .iter()
            .find(|(lower, _)| *lower == word)?
            .1;
        let a_type = super::words::TYPE_KEYWORDS
            .iter()
            .any(|keyword| text[..at.start].ends_with(&format!("{keyword} ")));
        (!a_type).then(|| (at, said.to_string()))
    })
}

/// "present for to enable X", "handling for to basically ignore X": "for"
/// before an infinitive, as no English writes it; the range of "for ".
/// Not "for to-do lists" nor "wait for to_free to drop" (no verb), nor
/// "the for to do-while loop" ("for" a keyword named).
fn for_before_to(text: &str) -> Option<std::ops::Range<usize>> {
    FOR_TO.captures_iter(text).find_map(|c| {
        let for_at = c.get(1).unwrap();
        let named = text[..for_at.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|before| {
                let before = before.to_lowercase();
                super::words::DETERMINERS.contains(&before.as_str())
                    || super::words::is_preposition(&before)
            });
        let next = &c[2];
        // "for to do-while loops": a keyword named.
        let runs_on = text[c.get(2).unwrap().end()..].starts_with('-');
        let verb =
            matches!(lexicon::verb_of(next), Some((base, lexicon::Form::Base)) if base == next);
        (!named && !runs_on && (verb || super::sentence::is_order_adverb(next)))
            .then(|| for_at.range())
    })
}

/// "It allows to close X" -> "It makes it possible to close X": "allow"
/// before an infinitive, without the one it lets, in the present ("are
/// allowed to tear" is said of those allowed, and "allowed" may be either);
/// the range of "allows" and what it becomes.
fn allows_to(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    ALLOWS_TO.captures_iter(text).find_map(|c| {
        let allow = c.get(1).unwrap();
        let verb = &c[3];
        let base = matches!(lexicon::verb_of(verb), Some((b, lexicon::Form::Base)) if b == verb);
        if !(base || super::sentence::is_order_adverb(verb)) {
            return None;
        }
        let made = if c.get(2).is_some() { "makes" } else { "make" };
        let made = crate::prose::match_case(allow.as_str(), made);
        Some((allow.range(), format!("{made} it possible")))
    })
}

/// "The clone() does not pass X", "when the mmap() will set X": "the"
/// before a function named as the subject of an auxiliary, as a name takes
/// none; the range of "the " (not "the strcpy() calls": a noun follows).
fn the_before_a_function(text: &str) -> Option<std::ops::Range<usize>> {
    THE_BEFORE_A_FUNCTION.captures_iter(text).find_map(|c| {
        let aux = c.get(2).unwrap().as_str();
        super::words::AUXILIARIES
            .contains(&aux)
            .then(|| c.get(1).unwrap().range())
    })
}

static THE_BEFORE_A_FUNCTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[ (])((?:[Tt]he) )[a-z_][a-z_0-9]*\(\) ([a-z']+)\b").unwrap()
});

/// "X, Where Y", "X, If CONFIG_FROB is set": a conjunction or a relative
/// after a comma, capitalised as if it opened a sentence; the range of its
/// first letter. Not a name ("Saeed, Or Gerlitz and X": a name after it)
/// nor an item of a list of capitalised words ("If, Then and Else").
fn capital_after_comma(text: &str) -> Option<std::ops::Range<usize>> {
    CAPITAL_AFTER_COMMA.captures_iter(text).find_map(|c| {
        let word = c.get(1).unwrap();
        let next = &c[2];
        let joins = word.as_str().to_lowercase();
        let a_joining_word = super::words::SUBORDINATORS.contains(&joins.as_str())
            || super::words::COORDINATORS.contains(&joins.as_str());
        (a_joining_word
            && !super::reads_as_a_name(next)
            && !super::words::COORDINATORS.contains(&next))
        .then(|| word.start()..word.start() + 1)
    })
}

/// "The Functions take care of X": a plural English knows in lower case,
/// in capitals after "the", "these" or "those" and before its verb (not
/// "The Maintainers Summit", whose next word is a name too); the range of
/// its capital.
fn capital_common_noun(text: &str) -> Option<std::ops::Range<usize>> {
    CAPITAL_AFTER_THE.captures_iter(text).find_map(|c| {
        let word = c.get(1).unwrap();
        let lower = word.as_str().to_lowercase();
        let next = &c[2];
        let its_verb = super::words::FINITE_VERBS.contains(&next)
            || matches!(lexicon::verb_of(next), Some((base, lexicon::Form::Base)) if base == next);
        (super::words::is_plural(&lower) && super::spelling::is_known(&lower) && its_verb)
            .then(|| word.start()..word.start() + 1)
    })
}

static CAPITAL_AFTER_THE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose) ([A-Z][a-z]{2,}) ([a-z]+)\b").unwrap()
});

static CAPITAL_AFTER_COMMA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r", ([A-Z][a-z]+) (\S+)").unwrap());

/// "including: A, B and C": a colon between "including" (or "such as",
/// "namely") and the items it runs on to in the same sentence; its range.
fn colon_after_including(text: &str) -> Option<std::ops::Range<usize>> {
    COLON_AFTER_INCLUDING
        .captures(text)
        .map(|c| c.get(1).unwrap().range())
}

static COLON_AFTER_INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
    let introducers = super::words::LIST_INTRODUCERS.join("|");
    Regex::new(&format!(r"\b(?:{introducers})(:) [a-zA-Z0-9(]")).unwrap()
});

static FOR_TO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(for )to ([a-z]+)\b").unwrap());

static ALLOWS_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([Aa]llow(s)?) to ([a-z]+)\b").unwrap());

/// "This patches don't aim to": the singular demonstrative before the
/// plural of the work and the plural's verb ("this fixes the hang" is a
/// verb).
static THIS_BEFORE_A_PLURAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([Tt])his (patches|changes|commits|fixes) (are|were|do|don't|did|didn't|have|haven't|aim|need|should|will|can|could|would)\b").unwrap()
});
/// An indefinite article and the word after it.
static ARTICLE_AND_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(^|[.!?] |\S )(an?|An?) ("?[A-Za-z][\w-]*)"#).unwrap());
/// "a RCU", "an user", "a \"install\" function": an article ("a"/"an",
/// or "A"/"An" opening a sentence: "CPU A unmaps" names a CPU) before an
/// initialism read letter by letter, a word in 'u' or a lower-case word in
/// another vowel, whose sound [`super::article`] knows, that is not the one
/// it takes; each with the article's range and the right one. Initials
/// with a vowel are often said as a word ("a MAC", "a RAID"), and "HW" as
/// "hardware": those stay, as do "a one-shot", "a euro".
fn articles_misfit(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, String)> + '_ {
    ARTICLE_AND_WORD.captures_iter(text).filter_map(|c| {
        let written = c.get(2)?;
        if written.as_str().starts_with('A')
            && !c[1].is_empty()
            && !c[1].starts_with(['.', '!', '?'])
        {
            return None;
        }
        let word = c[3].trim_start_matches('"');
        let said_by_letter = super::is_initialism(word);
        let vowel = word.starts_with(['a', 'e', 'i', 'o']) && !word.starts_with("eu");
        if !said_by_letter && !vowel && !word.starts_with(['u', 'U']) {
            return None;
        }
        let right = super::article(word);
        let said = written.as_str().to_lowercase();
        (said != right).then(|| (written.range(), super::match_case(written.as_str(), right)))
    })
}
/// "returns -EOPNOTSUPP, if X is not enabled.": a comma before a
/// condition that closes the sentence.
static COMMA_BEFORE_CLOSING_IF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\w\)?), if ([^,;:.!?]+[.!?])(\s|$)").unwrap());
/// Whether a closing "if" is a condition; ", if any." and ", if only
/// slightly." are asides the comma marks.
fn closing_if_is_a_condition(clause: &str) -> bool {
    let first = clause.split_whitespace().next().unwrap_or("");
    !matches!(
        first.trim_end_matches(['.', '!', '?']),
        "only" | "any" | "a" | "an" | "not" | "needed" | "possible" | "necessary" | "so" | "ever"
    )
}
/// "posted X for don't ...", "for initiate ...": a lead with a verb's
/// title after "for".
static BAD_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:version of|posted|proposes?) (?:an? |the )?(?:patch|patchset|RFC|series)? ?for (?:don't|do not|never|not) ")
        .unwrap()
});

/// The defects of `summary`, each once, in the order of [`RULES`].
pub fn check(summary: &str) -> Vec<Defect> {
    let sentences: Vec<Sentence> = sentences_of(summary)
        .into_iter()
        .map(Sentence::read)
        .collect();
    let mut found = Vec::new();
    for rule in RULES {
        let hit = match rule.detect {
            Detect::Summary(detect) => detect(summary),
            Detect::Sentence(detect) => sentences.iter().enumerate().any(|(i, s)| {
                detect(
                    s,
                    Place {
                        first: i == 0,
                        alone: sentences.len() == 1,
                    },
                )
            }),
        };
        if hit && !found.contains(&rule.defect) {
            found.push(rule.defect);
        }
    }
    found
}

/// What a summary's repair needs to know of its entry.
#[derive(Debug, Clone, Copy)]
pub struct Writer<'a> {
    /// The name the editor calls the author by ("Jane").
    pub first_name: &'a str,
    /// "patchset" or "patch".
    pub work: &'a str,
}

/// [`proofread`] for an entry by `author` about `work` ("patchset",
/// "patch", "mail": what an order without a subject is given).
pub fn proofread_for(summary: &str, author: &str, work: &str) -> (String, Vec<String>) {
    let first_name = super::first_name(author);
    proofread(summary, Writer { first_name, work })
}

/// `summary` with its defects repaired, and a line for each repair made.
/// A sentence that cannot be repaired is not used. Empty when no sentence
/// was left: the caller falls back to its lead.
pub fn proofread(summary: &str, writer: Writer) -> (String, Vec<String>) {
    let mut repairs: Vec<String> = Vec::new();
    let mut note = |what: String| {
        if !repairs.contains(&what) {
            repairs.push(what);
        }
    };
    let mut text = summary.to_string();
    for rule in RULES {
        let Detect::Summary(detect) = rule.detect else {
            continue;
        };
        // Both run on the sentences as the rules below leave them.
        if matches!(rule.repair, Repair::AddFullStop | Repair::MergeIntoLead) || !detect(&text) {
            continue;
        }
        let (repaired, what) = repair_summary(&text, rule.repair);
        if repaired != text {
            note(what.to_string());
            text = repaired;
        }
    }
    let sentences: Vec<&str> = sentences_of(&text);
    let count = sentences.len();
    let mut kept: Vec<String> = Vec::new();
    'sentences: for (i, sentence) in sentences.into_iter().enumerate() {
        let mut sentence = sentence.to_string();
        // The editor's own lead is no sentence of the mail's to judge.
        if i == 0 && is_the_editors_lead(&sentence, writer) {
            kept.push(sentence);
            continue;
        }
        for rule in RULES {
            let Detect::Sentence(detect) = rule.detect else {
                continue;
            };
            let place = Place {
                first: kept.is_empty(),
                alone: kept.is_empty() && i + 1 == count,
            };
            if !detect(&Sentence::read(&sentence), place) {
                continue;
            }
            match repair_sentence(&sentence, rule.repair, place, writer) {
                Some((repaired, what)) => {
                    note(what.to_string());
                    sentence = repaired;
                }
                None => {
                    note(format!("left out {}", rule.finds));
                    continue 'sentences;
                }
            }
        }
        kept.push(sentence);
    }
    let mut out = kept.join(" ");
    if let Some(merged) = lead_said_again(&out) {
        out = merged;
        note("said the lead once, with what the next sentence adds".into());
    }
    if !out.is_empty() && !ends_a_sentence(&out) {
        out = out.trim_end_matches([',', ';', ':', '-', ' ']).to_string();
        out.push('.');
        note("ended the summary with a full stop".into());
    }
    (out, repairs)
}

/// "Jane posted the fourth version ...", "Jane proposes a session ...",
/// "Jane asks for ...": the lead `compose::voice` writes.
fn is_the_editors_lead(sentence: &str, writer: Writer) -> bool {
    is_a_lead_by(sentence, writer.first_name)
}

/// "Jane posted a patchset to add a knob. The patchset adds a knob that
/// caps X, and drops Y." -> "Jane posted a patchset to add a knob that
/// caps X, and drop Y.": where the sentence after the lead gives the
/// lead's order again ("The/This patch(set) <verb>s", the same verb) about
/// all the lead names (a word as written or shortened: "funcs" for
/// "functions") and more, it is the lead's order; `None` otherwise.
fn lead_said_again(summary: &str) -> Option<String> {
    let sentences = sentences_of(summary);
    let (lead, next) = (sentences.first()?, sentences.get(1)?);
    let (before, order) = lead.strip_suffix('.')?.split_once(" to ")?;
    if !is_a_lead_by(lead, lead.split(' ').next()?) {
        return None;
    }
    let (verb, object) = order.split_once(' ')?;
    let (again, rest) = the_work_told(next)?;
    if lexicon::verb_of(again).is_none_or(|(base, _)| base != verb) {
        return None;
    }
    // "to revert X. The patch reverts the patch so that Y": the lead's
    // object pointed at, and why.
    if let Some(why) = ["the patch ", "the commit ", "that commit ", "it "]
        .iter()
        .find_map(|pointer| rest.strip_prefix(pointer))
        .filter(|why| {
            ["so that ", "so ", "because ", "since "]
                .iter()
                .any(|w| why.starts_with(w))
        })
    {
        return Some(with_the_rest(
            format!("{before} to {verb} {object}, {why}"),
            &sentences[2..],
        ));
    }
    // "to move X. The patchset moves X', so that Y": what it does said
    // again, mostly in the lead's words, and why.
    if let Some((what, why)) = rest.split_once(", so that ") {
        let named = super::content_stems(object);
        let told = super::content_stems(what);
        // Each told as the lead names it, or an identifier by its start
        // ("pagetable_dtor" for "pagetable_*_dtor").
        let said = |t: &String| {
            named.iter().any(|w| {
                names_the_same(w, t)
                    // what a "*" in the lead's name left: "frob_" of "frob_*_dtor"
                    || w.ends_with('_') && w.len() >= 5 && t.starts_with(w.as_str())
            })
        };
        if !told.is_empty() && told.iter().all(said) {
            return Some(with_the_rest(
                format!("{before} to {verb} {object}, so that {why}"),
                &sentences[2..],
            ));
        }
    }
    // Most of what the lead names ("convert the iterator macros into
    // inline funcs" in "converts the iov_iter iteration macros to inline
    // functions to make X"), and more.
    let named: std::collections::BTreeSet<String> =
        super::content_stems(object).into_iter().collect();
    let told: std::collections::BTreeSet<String> = super::content_stems(rest).into_iter().collect();
    let said = |w: &String| told.iter().any(|t| names_the_same(w, t));
    if named.is_empty() || !named.iter().all(said) || told.len() <= named.len() {
        return the_rest_also(lead, next, &named, &sentences[2..]);
    }
    // "adds X, and disables Y" -> "add X, and disable Y", after "to"; not
    // a verb of a clause inside ("a knob that caps X and limits Y").
    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
    for at in 2..words.len() {
        if words[at - 2].ends_with(',')
            && words[at - 1] == "and"
            && let Some((base, lexicon::Form::Third)) = lexicon::verb_of(&words[at])
            && lexicon::is_imperative(base)
        {
            words[at] = base.to_string();
        }
    }
    Some(with_the_rest(
        format!("{before} to {verb} {}", words.join(" ")),
        &sentences[2..],
    ))
}

/// "Jane posted a patch to remove the foo argument from frob(). The patch
/// removes the foo argument, and renames the function bar()." -> "... The
/// patch also renames the function bar().": the first of two orders after
/// the lead says no more than the lead (`named`, its object's stems), and
/// goes.
fn the_rest_also(
    lead: &str,
    next: &str,
    named: &std::collections::BTreeSet<String>,
    after: &[&str],
) -> Option<String> {
    let (_, rest) = the_work_told(next)?;
    let work = next.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = rest.split(' ').collect();
    // "X, and renames Y": the second order's verb, after its comma ("the
    // argument and checks that used it" is a noun's plural).
    let second = (2..words.len()).find(|&at| {
        words[at - 1] == "and"
            && words[at - 2].ends_with(',')
            && matches!(lexicon::verb_of(words[at]), Some((_, lexicon::Form::Third)))
            && words
                .get(at + 1)
                .is_some_and(|next| !matches!(*next, "that" | "which"))
    })?;
    let first = words[..second - 1].join(" ");
    let told = super::content_stems(first.trim_end_matches(','));
    let said = |t: &String| named.iter().any(|w| names_the_same(w, t));
    if told.is_empty() || !told.iter().all(said) {
        return None;
    }
    let also = format!("{work} also {}", words[second..].join(" "));
    Some(with_the_rest(format!("{lead} {also}"), after))
}

/// The merged lead, then the summary's sentences after the two merged.
fn with_the_rest(mut lead: String, rest: &[&str]) -> String {
    for sentence in rest {
        lead.push(' ');
        lead.push_str(sentence);
    }
    lead
}

/// Whether `told` names what `named` names: the same stem, or a plain word
/// shortened.
fn names_the_same(named: &str, told: &str) -> bool {
    named == told || same_word_shortened(named, told)
}

/// "funcs" for "functions", "iterator" beside "iteration": two plain words
/// that share their first four letters and more; identifiers only as
/// written ("frob_map" is no "frob_unmap").
fn same_word_shortened(a: &str, b: &str) -> bool {
    let plain = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    plain(a) && plain(b) && shared >= 4
}

/// "The patchset adds X": the work's verb, in the third person, and what
/// follows it.
fn the_work_told(sentence: &str) -> Option<(&str, &str)> {
    let mut said = sentence.splitn(4, ' ');
    let (the, work, again, rest) = (said.next()?, said.next()?, said.next()?, said.next()?);
    let the_work = matches!(the, "The" | "This") && (SERIES_WORDS.contains(&work) || work == "RFC");
    let third = matches!(lexicon::verb_of(again), Some((_, lexicon::Form::Third)));
    (the_work && third).then_some((again, rest))
}

/// "Jane posted ...", "Jane proposes ...": the editor's lead, by its
/// author's first name and the lead's verb.
pub fn is_a_lead_by(sentence: &str, first_name: &str) -> bool {
    sentence
        .strip_prefix(first_name)
        .and_then(|rest| rest.strip_prefix(' '))
        .and_then(|rest| rest.split(' ').next())
        .is_some_and(|verb| super::words::LEAD_VERBS.contains(&verb))
}

/// A summary-wide repair, and what it did.
fn repair_summary(text: &str, repair: Repair) -> (String, &'static str) {
    match repair {
        Repair::RemoveLeftovers => (
            without_link_leftovers(text),
            "removed what a stripped link left",
        ),
        Repair::DropMarker => (
            MARKER_AFTER_STOP.replace_all(text, "$1 $2").into_owned(),
            "dropped a list item's marker",
        ),
        Repair::DropEmphasis => {
            let text = replaced_one_at_a_time(text, |text| {
                emphasised(text).next().map(|c| {
                    (
                        c.get(0).unwrap().range(),
                        format!("{}{}{}", &c[1], &c[3], &c[5]),
                    )
                })
            });
            let text = BACKTICKED.replace_all(&text, "$1").into_owned();
            (text, "dropped emphasis marks around a word")
        }
        Repair::SayIts => (
            replaced_one_at_a_time(text, |text| {
                its_written_it_is(text).map(|c| {
                    let said = format!("{}ts {} {}", &c[1], &c[2], &c[3]);
                    (c.get(0).unwrap().range(), said)
                })
            }),
            "wrote \"its\" for \"it's\"",
        ),
        Repair::SayAnd => (
            replaced_one_at_a_time(text, |text| {
                ampersand(text).map(|at| (at..at + 1, "and".to_string()))
            }),
            "wrote \"and\" for an ampersand",
        ),
        Repair::SayTo => (
            ARROW.replace_all(text, "${1} to ${2}").into_owned(),
            "wrote \"to\" for an arrow",
        ),
        Repair::SayThese => (
            THIS_BEFORE_A_PLURAL
                .replace_all(text, "${1}hese $2 $3")
                .into_owned(),
            "said \"these\" before a plural",
        ),
        Repair::DropTheBeforeAFunction => (
            removed_one_at_a_time(text, the_before_a_function),
            "dropped \"the\" before a function named as a subject",
        ),
        Repair::LowerAfterComma => (
            replaced_one_at_a_time(text, |text| {
                capital_after_comma(text).map(|at| (at.clone(), text[at].to_lowercase()))
            }),
            "wrote a word after a comma in lower case",
        ),
        Repair::LowerCommonNoun => (
            replaced_one_at_a_time(text, |text| {
                capital_common_noun(text).map(|at| (at.clone(), text[at].to_lowercase()))
            }),
            "wrote a plural noun after \"the\" in lower case",
        ),
        Repair::DropColonAfterIncluding => (
            removed_one_at_a_time(text, colon_after_including),
            "dropped a colon after \"including\"",
        ),
        Repair::DropForBeforeTo => (
            removed_one_at_a_time(text, for_before_to),
            "dropped \"for\" before an infinitive",
        ),
        Repair::SayMakesItPossible => (
            replaced_one_at_a_time(text, allows_to),
            "said \"makes it possible to\" for \"allows to\"",
        ),
        Repair::FitTheArticle => (
            replaced_one_at_a_time(text, |text| articles_misfit(text).next()),
            "fit an article to the sound of its word",
        ),
        Repair::SayInCapitals => (
            replaced_one_at_a_time(text, initials_in_lower_case),
            "wrote initials in capitals",
        ),
        Repair::SaySpelling => (
            replaced_one_at_a_time(text, super::spelling::misspelt),
            "spelt a misspelt word",
        ),
        Repair::SayThePlace => (
            super::with_the_places_named(text),
            "said the article of a place in the code",
        ),
        Repair::DropCommaBeforeIf => (
            COMMA_BEFORE_CLOSING_IF
                .replace_all(text, |c: &regex::Captures| {
                    let comma = if closing_if_is_a_condition(&c[2]) {
                        ""
                    } else {
                        ","
                    };
                    format!("{}{comma} if {}{}", &c[1], &c[2], &c[3])
                })
                .into_owned(),
            "dropped a comma before a closing \"if\"",
        ),
        Repair::DropRepeatedWord => {
            let mut text = text.to_string();
            while let Some(at) = repeated_word(&text) {
                let end = at + text[at..].find(' ').unwrap_or(text.len() - at);
                text.replace_range(at..(end + 1).min(text.len()), "");
            }
            (text, "dropped a repeated word")
        }
        _ => (text.to_string(), ""),
    }
}

/// A sentence's repair and what it did; `None` when it is not used.
fn repair_sentence(
    sentence: &str,
    repair: Repair,
    place: Place,
    writer: Writer,
) -> Option<(String, &'static str)> {
    let done = |what: &'static str| move |text: String| (text, what);
    match repair {
        Repair::NotUsed => None,
        Repair::DropAttribution => {
            let prefix = ATTRIBUTION_PREFIX.find(sentence)?;
            Some((
                sentence[prefix.end()..].to_string(),
                "left out a quote's attribution",
            ))
        }
        Repair::SayCommitPlainly => {
            commits_said_plainly(sentence).map(done("said a commit named by its id plainly"))
        }
        Repair::CutAtTrailer => {
            cut_at_trailer(sentence).map(done("cut a sentence at the trailer it ran into"))
        }
        Repair::DropBullet => bullet_of(sentence).map(|bullet| {
            (
                sentence[bullet.len()..].trim_start().to_string(),
                "dropped a list item's marker",
            )
        }),
        Repair::CutMarker => {
            cut_marker(sentence, place.alone).map(done("cut a list at its marker"))
        }
        Repair::ListAsProse => list_as_prose(sentence).map(done("said an inline list as prose")),
        Repair::DropConnective => {
            let standalone = strip_connective(sentence, writer.work)?;
            // What is left must stand on its own.
            (!Sentence::read(&standalone).points_back())
                .then_some((standalone, "dropped a connective pointing back"))
        }
        Repair::DropClause => {
            let read = Sentence::read(sentence);
            let what = if read.clause_credits() {
                "dropped an opening clause crediting who prompted the work"
            } else {
                "dropped an opening clause pointing back"
            };
            read.without_its_clause().map(done(what))
        }
        Repair::DropPurpose => Sentence::read(sentence)
            .without_its_purpose()
            .map(done("dropped a closing purpose pointing back")),
        Repair::SayTheMeans => the_means_of_a_fix(sentence).map(done("said a fix by its means")),
        Repair::GiveSubject => {
            give_subject(sentence, writer.work).map(done("gave an order its subject"))
        }
        Repair::SubjectAfterComma => {
            let (head, order) = Sentence::read(sentence).clean_spliced_order()?;
            let given = give_subject(order, writer.work)?;
            let given = given
                .strip_prefix("The ")
                .map_or(given.clone(), |rest| format!("the {rest}"));
            Some((
                format!("{head}, so {given}"),
                "gave an order run on after a comma its subject",
            ))
        }
        Repair::ThirdPerson => {
            if Sentence::read(sentence).person() == Person::Author {
                return Some((
                    third_person(sentence, writer),
                    "put the first person in the third",
                ));
            }
            // "every tiering policy we have treats it" -> "every tiering
            // policy treats it".
            let without = drop_possessive_clause(sentence);
            (Sentence::read(&without).person() == Person::None)
                .then_some((without, "dropped a clause in the first person"))
        }
        Repair::CutRestatement => restatement_after_stop(sentence).map(|at| {
            (
                sentence[..at].to_string(),
                "cut a restatement run on past a full stop",
            )
        }),
        Repair::Agree => work_with_plural_verb(sentence).map(|(at, base)| {
            // The verb's letters only: "implement," keeps its comma.
            let verb_end = at
                + sentence[at..]
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(sentence.len() - at);
            (
                in_the_third_person(sentence, at..verb_end, base),
                "made the work's verb agree",
            )
        }),
        Repair::SayWhatItDoes => work_with_a_wish(sentence).map(|(range, base)| {
            (
                in_the_third_person(sentence, range, base),
                "said what the work does for what it would like to do",
            )
        }),
        Repair::RemoveLeftovers
        | Repair::DropMarker
        | Repair::DropEmphasis
        | Repair::SayIts
        | Repair::SayAnd
        | Repair::SayTo
        | Repair::DropCommaBeforeIf
        | Repair::SayThePlace
        | Repair::SaySpelling
        | Repair::SayInCapitals
        | Repair::FitTheArticle
        | Repair::SayThese
        | Repair::DropForBeforeTo
        | Repair::SayMakesItPossible
        | Repair::LowerAfterComma
        | Repair::LowerCommonNoun
        | Repair::DropTheBeforeAFunction
        | Repair::DropColonAfterIncluding
        | Repair::DropRepeatedWord
        | Repair::AddFullStop
        | Repair::MergeIntoLead
        | Repair::CheckOnly => Some((sentence.to_string(), "")),
    }
}

/// "... where they belong. ie. Create ...": where a full stop ends the
/// sentence before an abbreviation ("ie.", "e.g.") that restates it, the
/// offset just past that stop.
fn restatement_after_stop(sentence: &str) -> Option<usize> {
    super::words::RESTATEMENTS.iter().find_map(|abbreviation| {
        let at = sentence.find(&format!(". {abbreviation} "))?;
        (at > 0).then_some(at + 1)
    })
}

/// `sentence` with the words in `range` said as `base`'s third person:
/// the work's own verb.
fn in_the_third_person(sentence: &str, range: std::ops::Range<usize>, base: &str) -> String {
    format!(
        "{}{}{}",
        &sentence[..range.start],
        lexicon::third_person(base),
        &sentence[range.end..]
    )
}

/// The words of a sentence, each with its byte offset.
fn words_at(sentence: &str) -> Vec<(usize, &str)> {
    sentence
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect()
}

/// Where the work, one thing, is a sentence's subject ("This patchset",
/// "This patch series", "The Nth version of this series"): the index in
/// `words` of the word after it. "The change log" elsewhere is a noun's.
fn after_the_work(words: &[(usize, &str)]) -> Option<usize> {
    let at = words
        .iter()
        .take(9)
        .position(|(_, w)| w.eq_ignore_ascii_case("this"))?;
    let before = &words[..at];
    // At the opening, after the lead's "version of" ("The goal of this
    // series is to" has the goal for its subject), or after a short
    // opening that is no clause nor order ("In general", not "Apply").
    let opens = before.is_empty()
        || before.len() >= 2
            && before[before.len() - 1].1.eq_ignore_ascii_case("of")
            && before[before.len() - 2].1.eq_ignore_ascii_case("version")
        || before.len() <= 2
            && !lexicon::is_imperative(&before[0].1.to_lowercase())
            && before.iter().all(|(_, w)| {
                let w = w.trim_end_matches(',').to_lowercase();
                w != "of" && w.chars().all(char::is_alphabetic) && !super::is_finite(&w)
            });
    // The work, one thing: "patch", "series", not "patches".
    let noun = |i: usize| {
        words.get(i).is_some_and(|(_, w)| {
            let w = w.to_lowercase();
            SERIES_WORDS.contains(&w.as_str()) && (!w.ends_with('s') || w == "series")
        })
    };
    if !opens || !noun(at + 1) {
        return None;
    }
    // "This patch series", "This patch set".
    let two_words = words[at + 1].1.eq_ignore_ascii_case("patch")
        && words
            .get(at + 2)
            .is_some_and(|(_, w)| matches!(w.to_lowercase().as_str(), "series" | "set"));
    Some(at + 2 + usize::from(two_words))
}

/// "This patchset would like to introduce X", "This series is to fix X":
/// where the work, its subject, wishes or is meant to do what it does, the
/// byte range from the wish to its verb, and the verb's base.
fn work_with_a_wish(sentence: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    let words = words_at(sentence);
    let after = after_the_work(&words)?;
    let said: Vec<String> = words[after..]
        .iter()
        .take(4)
        .map(|(_, w)| w.to_lowercase())
        .collect();
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    let wish = match said.as_slice() {
        ["would", "like", "to", _] => 3,
        ["wants" | "intends", "to", ..] => 2,
        ["is", "to", ..] => 2,
        ["is", "aimed" | "intended", "to", ..] => 3,
        _ => return None,
    };
    let (at, verb) = *words.get(after + wish)?;
    let plain = verb.trim_end_matches([',', '.']);
    // "is to be applied": a verb with no third person worth saying.
    // "would like to know whether X": a question to the reader, no work.
    let base = match lexicon::verb_of(plain) {
        Some((base, lexicon::Form::Base))
            if plain == base && base != "be" && !super::words::ASKING_VERBS.contains(&base) =>
        {
            base
        }
        _ => return None,
    };
    Some((words[after].0..at + plain.len(), base))
}

/// "This patchset implement three ...", "The Nth version of this series
/// move ...": where the work, one thing, is the subject of a verb's plain
/// form, that verb's byte offset and base.
fn work_with_plural_verb(sentence: &str) -> Option<(usize, &'static str)> {
    let words = words_at(sentence);
    let (at, verb) = *words.get(after_the_work(&words)?)?;
    let plain = verb.trim_end_matches([',', '.']);
    match lexicon::verb_of(plain) {
        Some((base, lexicon::Form::Base))
            if plain == base
                && lexicon::is_imperative(base)
                && !FINITE_VERBS.contains(&plain)
                // "This patch set page bits": "set" names the work.
                && !SERIES_WORDS.contains(&plain) =>
        {
            Some((at, base))
        }
        _ => None,
    }
}

/// "Introduce XIP support" -> "The patchset introduces XIP support";
/// "In mm/foo.c, break X" -> "In mm/foo.c, the patch breaks X".
fn give_subject(sentence: &str, work: &str) -> Option<String> {
    // A mail's or an announcement's order is its reader's to follow, not
    // a thing the mail does ("The mail lets userspace ...").
    if matches!(work, "mail" | "announcement") {
        return None;
    }
    // "In X, for the Y case, simply look up Z": one opening clause or two.
    fn opening_clause(text: &str) -> Option<(&str, &str)> {
        let opener = text.split(' ').next().unwrap_or("").to_lowercase();
        super::sentence::split_clause(text).filter(|_| CLAUSE_OPENERS.contains(&opener.as_str()))
    }
    let (place, order) = match opening_clause(sentence) {
        Some((first, rest)) => match opening_clause(rest) {
            Some((second, order)) => (Some(&sentence[..first.len() + 2 + second.len()]), order),
            None => (Some(first), rest),
        },
        None => (None, sentence),
    };
    // "Simply remove X" -> "The patch simply removes X"; "Either add X or
    // drop Y" -> "The patch either adds X or drops Y".
    let (adverb, order) = match order.split_once(' ') {
        Some((adverb, rest))
            if super::sentence::is_order_adverb(adverb)
                || adverb.eq_ignore_ascii_case("either") =>
        {
            let (also, rest) = match rest.split_once(' ') {
                Some((second, rest)) if super::sentence::is_order_adverb(second) => {
                    (format!("{} ", second.to_lowercase()), rest)
                }
                _ => (String::new(), rest),
            };
            (format!("{} {also}", adverb.to_lowercase()), rest)
        }
        _ => (String::new(), order),
    };
    let (verb, rest) = order.split_once(' ')?;
    let (base, _) = lexicon::verb_of(verb.trim_matches(|c: char| !c.is_alphanumeric()))?;
    let said = format!(
        "{adverb}{} {}",
        lexicon::third_person(base),
        coordinated_orders_agree(rest)
    );
    Some(match place {
        Some(place) => format!("{place}, the {work} {said}"),
        None => format!("The {work} {said}"),
    })
}

/// The orders joined to the first by "and" agree with its new subject:
/// "X without Y and make Z" -> "X without Y and makes Z".
pub(crate) fn coordinated_orders_agree(rest: &str) -> String {
    let words: Vec<&str> = rest.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        // "X and make Z", "X, and then make Z", "either X or make Z"; not
        // an infinitive's pair ("a knob to read and write it").
        let infinitive_pair = i >= 3
            && words[i - 3] == "to"
            && matches!(
                lexicon::verb_of(words[i - 2]),
                Some((_, lexicon::Form::Base))
            );
        let joined = i > 0
            && (matches!(words[i - 1], "and" | "or")
                || words[i - 1] == "then" && i > 1 && words[i - 2] == "and")
            && !infinitive_pair
            && i + 1 < words.len();
        match lexicon::verb_of(word) {
            Some((base, lexicon::Form::Base))
                if joined && *word == base && lexicon::is_imperative(word) =>
            {
                out.push(lexicon::third_person(base))
            }
            _ => out.push(word.to_string()),
        }
    }
    out.join(" ")
}

/// "the policies we have treat it" -> "the policies treat it": "we
/// have", "we use", "we know" after a noun and before its verb.
pub(crate) fn drop_possessive_clause(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let pair = words.get(i + 1).map(|v| v.to_lowercase());
        let is_clause = matches!(words[i].to_lowercase().as_str(), "we" | "i")
            && matches!(
                pair.as_deref(),
                Some("have" | "use" | "know" | "support" | "maintain")
            )
            && i > 0
            && words[i - 1]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
            && ![
                "that", "which", "so", "and", "but", "if", "when", "as", "because",
            ]
            .contains(&words[i - 1].to_lowercase().as_str())
            && words.get(i + 2).is_some_and(|next| {
                let next = next.trim_end_matches([',', '.']);
                next.len() > 2
                    && next.ends_with('s')
                    && next.chars().all(|c| c.is_ascii_lowercase())
            });
        if is_clause {
            i += 2;
            continue;
        }
        out.push(words[i]);
        i += 1;
    }
    out.join(" ")
}

/// A name between backticks, as Markdown quotes code: "`foo_bar()`".
static BACKTICKED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`([^`\s]+)`").unwrap());

/// `text` with what `next` finds replaced, one find at a time, as a mark
/// may close one find and open the next ("_a_ _b_").
fn replaced_one_at_a_time(
    text: &str,
    next: impl Fn(&str) -> Option<(std::ops::Range<usize>, String)>,
) -> String {
    let mut text = text.to_string();
    while let Some((range, said)) = next(&text) {
        text.replace_range(range, &said);
    }
    text
}

/// `text` with what `next` finds removed, one find at a time.
fn removed_one_at_a_time(
    text: &str,
    next: impl Fn(&str) -> Option<std::ops::Range<usize>>,
) -> String {
    replaced_one_at_a_time(text, |text| next(text).map(|at| (at, String::new())))
}

/// The words between emphasis marks, each with the marks and what is
/// around them; "_why_" and "*works*", the marks one and the same.
fn emphasised(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    // "*alloc*" is a glob: stars only around a word the lexicon knows.
    EMPHASIS.captures_iter(text).filter(|c| {
        c[2] == c[4]
            && (&c[2] == "_"
                || lexicon::verb_of(&c[3]).is_some()
                || super::words::STOP_WORDS.contains(&&c[3]))
    })
}

/// Where a word that is said twice in a row ("this patchset patchset")
/// starts, the first time; words of letters only, "that that" aside.
fn repeated_word(text: &str) -> Option<usize> {
    let mut at = 0;
    let mut previous: Option<(usize, &str)> = None;
    for word in text.split(' ') {
        if let Some((start, last)) = previous
            && word.len() > 1
            && word.eq_ignore_ascii_case(last)
            && word.chars().all(char::is_alphabetic)
            && !word.eq_ignore_ascii_case("that")
            && !word.eq_ignore_ascii_case("had")
        {
            return Some(start);
        }
        previous = Some((at, word));
        at += word.len() + 1;
    }
    None
}

/// The sentence without its opening connective (or inner "therefore"),
/// capitalised; `None` when it points at a thing named before.
pub(crate) fn strip_connective(sentence: &str, work: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let mut bare = false;
    let mut rest: String = match Sentence::read(sentence).opening_connective() {
        Some(c) => {
            bare = !sentence[c.len()..].starts_with(',');
            sentence[c.len()..]
                .trim_start_matches([',', ' '])
                .to_string()
        }
        None if lower.starts_with("it is therefore") => {
            format!("It is{}", &sentence["it is therefore".len()..])
        }
        None => return None,
    };
    for inner in INNER_CONNECTIVES {
        if let Some(at) = rest.to_lowercase().find(inner) {
            rest.replace_range(at..at + inner.len(), " ");
        }
    }
    // "So introduce a wrapper": an order, which gets its subject.
    let word = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    if bare && lexicon::is_imperative(&word) {
        return give_subject(&rest, work);
    }
    // "Also included patch 5": the subject was left out with the
    // connective; "Also aims to" keeps its verb with "It".
    if word.ends_with("ed") && !word.ends_with("eed") {
        let also = Sentence::read(sentence).opening_connective() == Some("also");
        let verb = lexicon::third_person(lexicon::verb_of(&word)?.0);
        if !also {
            return None;
        }
        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
        return Some(format!("The {work} also {verb} {rest}"));
    }
    if let Some(stem) = word.strip_suffix('s')
        && (lexicon::is_imperative(stem)
            || lexicon::is_imperative(stem.trim_end_matches('e'))
            || ["aim", "tri", "seem", "need", "want"].contains(&stem))
    {
        return Some(format!("It {rest}"));
    }
    (!rest.is_empty()).then(|| super::capitalised(&rest))
}

fn is_cut_list(sentence: &str) -> bool {
    let trimmed = sentence.trim_end();
    CUT_MARKER.is_match(trimmed) && !ends_with_a_value(trimmed)
        || trimmed.ends_with(':')
        || opens_with_bullet(trimmed)
}

/// "... even if the address is 0.", "... set to 1.": a number closing a
/// sentence after a word that takes a value is the value, no marker.
fn ends_with_a_value(sentence: &str) -> bool {
    let mut words = sentence.rsplit(' ');
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("").to_lowercase();
    last.trim_end_matches('.')
        .bytes()
        .all(|b| b.is_ascii_digit())
        && matches!(
            before.as_str(),
            "is" | "was" | "be" | "to" | "of" | "than" | "at" | "=" | "and" | "or" | "from"
        )
}

/// "o Neither ...", "- It ...": an item's marker opening a sentence.
fn opens_with_bullet(sentence: &str) -> bool {
    bullet_of(sentence).is_some()
}

/// The list item's marker `sentence` opens with, and its space.
fn bullet_of(sentence: &str) -> Option<&'static str> {
    ["o ", "- ", "* ", "• ", "+ "]
        .into_iter()
        .find(|b| sentence.starts_with(b))
}

/// The sentence before its lone marker, when what precedes the marker is
/// a whole sentence; with `alone`, also when it ends on a word that
/// wanted the list ("... advantages of:"), which then goes.
fn cut_marker(sentence: &str, alone: bool) -> Option<String> {
    let head = match CUT_MARKER.find(sentence.trim_end()) {
        Some(m) => &sentence[..m.start()],
        None => sentence,
    };
    let mut head = head.trim_end().trim_end_matches(':').trim_end();
    const DANGLING: &[&str] = &[
        "of",
        "as",
        "are",
        "is",
        "the",
        "following",
        "to",
        "and",
        "or",
        "like",
        "include",
        "includes",
        "including",
        "such",
        "by",
        "with",
        "for",
        "these",
        "are:",
        "below",
    ];
    let dangles = |head: &str| {
        head.rsplit(' ')
            .next()
            .is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
    };
    if dangles(head) && !alone {
        return None;
    }
    while dangles(head) {
        head = head.rsplit_once(' ').map_or("", |(h, _)| h).trim_end();
    }
    if head.split_whitespace().count() < 4 {
        return None;
    }
    Some(format!("{}.", head.trim_end_matches(['.', ',', ':'])))
}

fn is_inline_list(sentence: &str) -> bool {
    INLINE_MARKER.find_iter(sentence).count() >= 2
}

/// "KUnit will be able to: (1) fail tests (2) pass tests" -> "KUnit will
/// be able to fail tests and pass tests.", when the items are short.
fn list_as_prose(sentence: &str) -> Option<String> {
    let first = INLINE_MARKER.find(sentence)?;
    let lead = sentence[..first.start()]
        .trim_end()
        .trim_end_matches(':')
        .trim_end();
    let mut items: Vec<String> = Vec::new();
    let markers: Vec<(usize, usize)> = INLINE_MARKER
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect();
    for (k, &(_, end)) in markers.iter().enumerate() {
        let stop = markers.get(k + 1).map_or(sentence.len(), |m| m.0);
        let item = sentence[end..stop]
            .trim()
            .trim_end_matches(['.', ';', ',', ' '])
            .trim_end_matches(" and")
            .trim_end_matches(" or")
            .to_string();
        if item.is_empty() || item.split_whitespace().count() > 10 {
            return None;
        }
        let mut chars = item.chars();
        let lowered: String = match chars.next() {
            // "Gracefully handles": a capital that only opens the item.
            Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
                c.to_lowercase().chain(chars).collect()
            }
            Some(c) => std::iter::once(c).chain(chars).collect(),
            None => return None,
        };
        items.push(lowered);
    }
    if items.len() > 4 || lead.split_whitespace().count() < 2 {
        return None;
    }
    let (last, rest) = items.split_last()?;
    let joined = if rest.is_empty() {
        last.clone()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    // "able to: (1) fail" reads on without the colon; "three subsets:
    // (1) a" names what follows and keeps it.
    let lower = lead.to_lowercase();
    let flows = [
        " to", " can", " will", " would", " should", " may", " must", " is", " are", " be",
    ]
    .iter()
    .any(|w| lower.ends_with(w));
    let colon = if flows { "" } else { ":" };
    Some(format!("{lead}{colon} {joined}."))
}

fn is_no_sentence(sentence: &str) -> bool {
    let trimmed = sentence.trim();
    ATTRIBUTION_LINE.is_match(trimmed)
        || SIGNATURE.is_match(trimmed)
        || COMMIT_REFERENCE.is_match(trimmed)
}

/// The sentence up to a trailer it ran into, when that leaves a sentence.
fn cut_at_trailer(sentence: &str) -> Option<String> {
    let found = COMMIT_REFERENCE.find(sentence)?;
    let head = sentence[..found.start()].trim_end();
    if head.split_whitespace().count() < 5 || ATTRIBUTION_LINE.is_match(head) {
        return None;
    }
    let head = head.trim_end_matches([',', ';', ':', '-', ' ']);
    Some(if ends_a_sentence(head) {
        head.to_string()
    } else {
        format!("{head}.")
    })
}

fn ends_a_sentence(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(['"', '\'', ')', '`', '”']);
    text.ends_with(['.', '!', '?'])
}

/// "posted the third version of the patch for initiate deprecation ...":
/// a lead whose "for" takes a verb.
fn lead_pastes_a_verb(summary: &str) -> bool {
    let lower = summary.to_lowercase();
    [
        "patchset for ",
        "patch for ",
        "rfc for ",
        "series for ",
        "session for ",
    ]
    .iter()
    .filter_map(|lead| lower.find(lead).map(|at| &lower[at + lead.len()..]))
    .any(|rest| {
        let word = rest.split_whitespace().next().unwrap_or("");
        lexicon::is_imperative(word)
    })
}

/// The first person of a summary's first sentence in the third: "We
/// propose" -> "Jane proposes", "our" -> "Jane's", "us" -> "the author".
fn third_person(sentence: &str, writer: Writer) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let lower = core.to_lowercase();
        let capital = out.is_empty() || out.last().is_some_and(|w| w.ends_with(['.', ':']));
        let name = writer.first_name.to_string();
        match lower.as_str() {
            "i" | "we" if core != "US" => {
                // "We on the committee hope": the pronoun's verb is not next.
                let next = words
                    .get(i + 1)
                    .map(|w| w.to_lowercase())
                    .unwrap_or_default();
                if lower == "we" && NOT_A_VERB.contains(&next.as_str()) {
                    out.push(word.replacen(
                        core,
                        if capital {
                            "The authors"
                        } else {
                            "the authors"
                        },
                        1,
                    ));
                    i += 1;
                    continue;
                }
                out.push(word.replacen(core, &name, 1));
                // The verb after any adverbs agrees with the name.
                let mut j = i + 1;
                while let Some(w) = words.get(j) {
                    if ADVERBS.contains(&w.to_lowercase().as_str()) {
                        out.push(w.to_string());
                        j += 1;
                    } else {
                        break;
                    }
                }
                if let Some(verb) = words.get(j) {
                    out.push(agree(verb));
                    j += 1;
                }
                i = j;
                continue;
            }
            "i'm" | "we're" => out.push(word.replacen(core, &format!("{name} is"), 1)),
            "i've" | "we've" => out.push(word.replacen(core, &format!("{name} has"), 1)),
            "i'd" | "we'd" => out.push(word.replacen(core, &format!("{name} would"), 1)),
            "i'll" | "we'll" => out.push(word.replacen(core, &format!("{name} will"), 1)),
            "us" | "me" if core != "US" => out.push(word.replacen(core, "the author", 1)),
            "our" | "my" if is_series_word(words.get(i + 1)) => {
                out.push(word.replacen(core, if capital { "The" } else { "the" }, 1))
            }
            "our" | "my" | "ours" | "mine" => {
                out.push(word.replacen(core, &format!("{name}'s"), 1))
            }
            "ourselves" | "myself" => {
                out.push(word.replacen(core, &format!("the {}", writer.work), 1))
            }
            _ => out.push(word.to_string()),
        }
        i += 1;
    }
    super::capitalised(&out.join(" "))
}

/// Whether `word` names the series: "patchset", "series".
fn is_series_word(word: Option<&&str>) -> bool {
    word.is_some_and(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        super::words::SERIES_WORDS.contains(&w.as_str())
    })
}

/// A verb after a singular name: "need" -> "needs", "have" -> "has",
/// "are" -> "is"; modals and pasts stay, and a word the lexicon does not
/// know as a verb's base.
fn agree(verb: &str) -> String {
    let core = verb.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    let tail = &verb[core.len()..];
    let lower = core.to_lowercase();
    let agreed = match lower.as_str() {
        "am" | "are" => "is".to_string(),
        "were" => "was".to_string(),
        "can" | "could" | "will" | "would" | "should" | "may" | "might" | "must" | "shall" => {
            core.to_string()
        }
        _ if !core.chars().all(|c| c.is_ascii_lowercase()) => core.to_string(),
        _ => match lexicon::verb_of(&lower) {
            Some((base, lexicon::Form::Base)) if base == lower => lexicon::third_person(base),
            _ => core.to_string(),
        },
    };
    format!("{agreed}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const JANE: Writer = Writer {
        first_name: "Jane",
        work: "patchset",
    };

    fn repaired(summary: &str) -> String {
        let (out, _) = proofread(summary, JANE);
        assert!(check(&out).is_empty(), "{out:?}: {:?}", check(&out));
        out
    }

    #[test]
    fn each_defect_is_named() {
        for (summary, defect) in [
            ("This allows us to provision memory.", Defect::FirstPerson),
            (
                "Hence, reclaim caused by it is counted.",
                Defect::PointingOpener,
            ),
            ("Such data suggests that it works.", Defect::PointingOpener),
            ("The patchset keeps their advantages of: 1.", Defect::List),
            ("KUnit can: (1) fail tests (2) pass tests.", Defect::List),
            (
                "On Thu, Jun 10, 2021 at 11:08 AM Enrico Weigelt",
                Defect::NoSentence,
            ),
            (
                "Jane posted the third version of the patch for don't count reclaim.",
                Defect::Lead,
            ),
            (
                "Jane posted the patchset for initiate deprecation of v1.",
                Defect::Lead,
            ),
            ("The knob is described in the docs (see).", Defect::Leftover),
            ("The patchset adds a knob", Defect::NoFullStop),
            (
                "Introduce XIP support for RISC-V platforms.",
                Defect::Fragment,
            ),
            (
                "The specification can be found in following link.",
                Defect::Pointer,
            ),
            ("Compile-tested on various architectures.", Defect::Aside),
        ] {
            assert!(
                check(summary).contains(&defect),
                "{summary}: {:?}",
                check(summary)
            );
        }
    }

    #[test]
    fn every_rule_names_what_it_finds_once() {
        let mut seen = Vec::new();
        for rule in RULES {
            assert!(!seen.contains(&rule.finds), "{} twice", rule.finds);
            seen.push(rule.finds);
        }
    }

    #[test]
    fn io_i2c_quotes_and_the_us_are_no_first_person() {
        for summary in [
            "The patch speeds up I/O on I2C devices.",
            "The mail said \"we need this\" and the patch was merged.",
            "The driver follows US rules.",
        ] {
            assert!(!check(summary).contains(&Defect::FirstPerson), "{summary}");
        }
    }

    #[test]
    fn the_author_proposing_becomes_the_author_by_name() {
        assert_eq!(
            repaired("We propose a knob for the reclaim."),
            "Jane proposes a knob for the reclaim."
        );
        assert_eq!(
            repaired("In this series, we introduce a hinting API."),
            "Jane introduces a hinting API."
        );
        assert_eq!(
            repaired("I would like to propose our patchset for discussion at LSF/MM."),
            "Jane would like to propose the patchset for discussion at LSF/MM."
        );
    }

    #[test]
    fn the_author_in_another_tense_becomes_the_author_by_name() {
        assert_eq!(
            repaired("I'm proposing to expose the change attribute via statx."),
            "Jane is proposing to expose the change attribute via statx."
        );
        assert_eq!(
            repaired("I am proposing an optional argument to the reclaim interface."),
            "Jane is proposing an optional argument to the reclaim interface."
        );
        assert_eq!(
            repaired("We have added a flag to set_mempolicy() for bound nodes."),
            "Jane has added a flag to set_mempolicy() for bound nodes."
        );
    }

    #[test]
    fn the_author_proposing_after_an_opening_phrase_becomes_the_author_by_name() {
        assert_eq!(
            repaired("On behalf of the Rust team, I would like to suggest a plenary session."),
            "On behalf of the Rust team, Jane would like to suggest a plenary session."
        );
        assert_eq!(
            repaired("On behalf of the Rust team, I'd like to suggest a plenary session."),
            "On behalf of the Rust team, Jane would like to suggest a plenary session."
        );
    }

    #[test]
    fn the_author_porting_after_an_opening_that_lists_names_becomes_the_author_by_name() {
        assert_eq!(
            repaired(
                "Building on the work of Ann, Bob and Cy, I've ported the frob checker to hash kernels."
            ),
            "Building on the work of Ann, Bob and Cy, Jane has ported the frob checker to hash kernels."
        );
    }

    #[test]
    fn a_we_that_is_not_certainly_the_author_is_not_used() {
        for sentence in [
            "We can see a complete snapshot in the tree.",
            "This makes sure we have a single coherent interface for the size.",
            "As a step towards shrinking struct page, we need to remove it.",
            "In Fedora CoreOS we found an issue with zram.",
            "In Fedora CoreOS, we found an issue with zram.",
            "Once everyone is happy with it, I would add it to the tree.",
            "Once this is merged, I will convert the remaining drivers to the new API.",
            "I have tried several approaches for the allocator over the years.",
            "To keep the series small, we would like to merge the core first.",
            "We propose a knob for our reclaim.",
            "I'm not sure the allocator is right.",
            "We want to ease mempolicy in cpuset, and we can control cgroups on nodes.",
        ] {
            assert_eq!(repaired(sentence), "", "{sentence}");
        }
    }

    #[test]
    fn a_clause_in_the_first_person_goes_past_the_first_sentence() {
        assert_eq!(
            repaired("The patchset adds a tier. Every tiering policy we have treats it as a node."),
            "The patchset adds a tier. Every tiering policy treats it as a node."
        );
        assert_eq!(
            repaired("This patchset adds a knob. No regressions with xfstests on my setup."),
            "This patchset adds a knob."
        );
    }

    #[test]
    fn a_dangling_reference_is_not_used() {
        for sentence in [
            "The second version of this patchset tries to reduce the use of such sequences.",
            "Here is the second version of the patchset.",
            "In response, the patchset adds a knob.",
            "The reason is two fold: the device is always there.",
            "The result is, no driver can probe the device.",
            "There are still cases where the frob walk can be faster.",
            "This series continues what was established by letting more drivers frob.",
            "The above protection is not enough for large folios.",
            "The patch is needed to fix the boot problems.",
            "The issue occurs when the lock is dropped before the page is mapped.",
        ] {
            assert_eq!(repaired(sentence), "", "{sentence}");
        }
    }

    #[test]
    fn a_problem_the_sentence_says_is_no_reference() {
        for sentence in [
            "The patch fixes the problem of stale pages in the cache.",
            "The patch fixes the boot problems seen on machines with five-level tables.",
            "The problem is that the lock is released before the page is mapped.",
            "This series reduces the issue latency of NVMe passthrough commands.",
        ] {
            assert_eq!(repaired(sentence), sentence);
        }
    }

    #[test]
    fn an_opening_clause_pointing_back_goes() {
        assert_eq!(
            repaired("To fix this issue once and for all, introduce unsharing on GUP."),
            "The patchset introduces unsharing on GUP."
        );
    }

    #[test]
    fn an_opening_clause_saying_where_the_rest_holds_keeps_its_sentence_out() {
        assert_eq!(
            repaired(
                "Jane posted a patchset to support frob zones. In these devices, the zone cap \
                 is not the zone size."
            ),
            "Jane posted a patchset to support frob zones."
        );
    }

    #[test]
    fn an_order_after_a_connective_gets_its_subject() {
        assert_eq!(
            repaired("Hence convert match_string() to be a 2-argument macro."),
            "The patchset converts match_string() to be a 2-argument macro."
        );
    }

    #[test]
    fn an_order_after_its_reason_gets_its_subject() {
        assert_eq!(
            repaired("Instead of deleting the hooks one by one, allow an LSM to provide its flag."),
            "Instead of deleting the hooks one by one, the patchset allows an LSM to provide its flag."
        );
    }

    #[test]
    fn an_order_after_two_opening_clauses_gets_its_subject() {
        assert_eq!(
            repaired(
                "In frob_fill(), for the FROB_CONTINUE case, simply look up the existing page, and \
                 then use the install helper to map it."
            ),
            "In frob_fill(), for the FROB_CONTINUE case, the patchset simply looks up the existing \
             page, and then uses the install helper to map it."
        );
    }

    #[test]
    fn a_demonstrative_naming_a_noun_of_its_own_sentence_stands() {
        let sentence =
            "The patchset adds an enabled variable and checks this variable before each hook.";
        assert_eq!(repaired(sentence), sentence);
    }

    #[test]
    fn a_demonstrative_before_words_of_how_its_noun_came_stands() {
        let sentence = "The patchset implements frob() macros and finally uses those newly \
                        introduced macros for the frob locks.";
        assert_eq!(repaired(sentence), sentence);
    }

    #[test]
    fn that_before_a_noun_said_which_by_of_stands() {
        let sentence = "The patchset adds a frob=<val> argument that overrides the frob value \
                        for that instance of proactive reclaim.";
        assert_eq!(repaired(sentence), sentence);
    }

    #[test]
    fn the_same_thing_not_said_is_a_dangling_reference() {
        assert_eq!(
            repaired("The patchset adds the same support for shmem areas."),
            ""
        );
    }

    #[test]
    fn a_sentence_to_the_reader_is_an_aside() {
        assert_eq!(
            repaired("The patchset is large, and you can see a snapshot here."),
            ""
        );
    }

    #[test]
    fn a_sentence_about_the_changelog_is_a_changelog_line() {
        assert_eq!(
            repaired("Full changelog of earlier versions at the bottom."),
            ""
        );
    }

    #[test]
    fn an_aside_from_memory_is_an_aside() {
        assert_eq!(
            repaired("IIRC the discussion ended with a different approach."),
            ""
        );
    }

    #[test]
    fn labels_and_figures_are_no_sentence() {
        assert_eq!(
            repaired("Memory on a large machine: Code tags: 192 kB Slabs: 9876 kB."),
            ""
        );
    }

    #[test]
    fn a_sentence_about_one_patch_of_the_series_is_an_aside() {
        assert_eq!(
            repaired("Patch #4 restricts the cache to preemptible kernels."),
            ""
        );
    }

    #[test]
    fn a_sentence_naming_the_series_patches_by_number_or_place_is_an_aside() {
        for sentence in [
            "Patch [2/3] and [3/3] are NOT kernel patches.",
            "The patchset skips the kernel thread in patch 1, by checking the flags.",
            "The last 2 patches are miscellaneous cleanups of an earlier commit.",
            "The other two patches start to apply the functions in the mm/ and KVM areas.",
            "Commit 24 enables the helpers on every architecture.",
        ] {
            assert_eq!(repaired(sentence), "", "{sentence}");
        }
        let lead = "Jane posted a series of 3 patches to fix the reclaim of slab pages.";
        assert_eq!(repaired(lead), lead);
    }

    #[test]
    fn a_sentence_ending_in_a_reviewers_name_is_a_changelog_line() {
        assert_eq!(
            repaired("The patchset removes the check, because idle threads have the flag (Peter)."),
            ""
        );
        let acronym = "The patchset adds a cache of free pages for the allocator (CMA).";
        assert_eq!(repaired(acronym), acronym);
    }

    #[test]
    fn a_purpose_without_its_sentence_is_a_fragment() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment(
            "To make it possible to optimize memory accessing even if the memory is bound to \
             two nodes."
        ));
        assert!(!fragment("To reclaim more, the patch adds a knob."));
        assert!(!fragment("To reclaim more the patch adds a knob."));
        assert!(!fragment("To this end the patch adds a knob."));
    }

    #[test]
    fn a_paragraph_that_ends_in_a_comma_runs_on_into_its_list() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment("With the new flag, the knob's meaning becomes,"));
        assert!(!fragment("With the new flag, the knob's meaning changes."));
    }

    #[test]
    fn a_bracket_closed_that_never_opened_is_a_fragment() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment(
            "Drivers should use dma_alloc() or dma_map()) instead."
        ));
        assert!(!fragment(
            "Drivers should use dma_alloc() (or dma_map()) instead."
        ));
    }

    #[test]
    fn a_reason_without_its_main_clause_is_a_fragment() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment(
            "Because the policy given explicitly should take precedence."
        ));
        assert!(!fragment(
            "Because of the new flag the policy takes precedence."
        ));
        assert!(!fragment(
            "Because the policy is explicit, it takes precedence."
        ));
    }

    #[test]
    fn that_after_a_preposition_points_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "Even with that the driver is still slow to quiesce queues."
        ));
        assert!(back("The driver is prepared for that by a new flag."));
        assert!(!back(
            "The flag is set so that the driver can quiesce queues."
        ));
        assert!(!back("Its latency is close to that of the old driver."));
        assert!(!back(
            "Tools watch the memory of others and advise on that memory."
        ));
    }

    #[test]
    fn an_opening_clause_that_credits_who_prompted_the_work_goes() {
        assert_eq!(
            repaired("On a prompt from Jane, the patch adds a frob helper that takes an offset."),
            "The patch adds a frob helper that takes an offset."
        );
    }

    #[test]
    fn an_opening_clause_that_names_no_one_is_no_credit() {
        for kept in [
            "For implicit feedback endpoints, the driver starts the capture stream first.",
            "As suggested in the datasheet, the driver resets the frob PHY twice.",
            "Following the TCG recommendation, the driver waits for the frob.",
            "As suggested in the Intel SDM, the driver flushes the frob twice.",
            "Following the Arm recommendation, the frob barrier comes first.",
        ] {
            assert!(
                !crate::prose::Sentence::read(kept).clause_credits(),
                "{kept}"
            );
        }
    }

    #[test]
    fn in_addition_to_a_thing_named_does_not_point_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(!back(
            "In addition to speed, the point of frob folding is to check indirect calls."
        ));
        assert!(!back(
            "In addition to the existing tracepoints, the patch adds a frob tracepoint."
        ));
        assert!(back("In addition to this, the frob lock is taken earlier."));
        assert!(back(
            "In addition to previous fixes, the frob lock is taken earlier."
        ));
        assert!(back("In addition, the frob lock is taken earlier."));
        assert!(back(
            "In addition to the cleanup, the frob lock is taken earlier."
        ));
    }

    #[test]
    fn an_it_that_stands_for_the_clause_to_come_does_not_point_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(!back("Make it clear that the flags are private now."));
        assert!(!back("Make it possible to read the knob without a lock."));
        assert!(back("Make it private to the driver."));
        assert!(back("Move it earlier to avoid the frob race."));
        assert!(back("Drop it now that the frob callers are gone."));
        assert!(back("Make it easier to use inside of the frob controller."));
    }

    #[test]
    fn why_a_series_is_an_rfc_and_leave_to_apply_are_asides() {
        assert_eq!(
            repaired("It is RFC because the interface is still open."),
            ""
        );
        assert_eq!(
            repaired("Maintainers can feel free to apply any of the patches."),
            ""
        );
    }

    #[test]
    fn what_this_version_changes_is_a_changelog_line() {
        assert_eq!(
            repaired("This version reworks the interface to be compatible."),
            ""
        );
        assert_eq!(repaired("In this revision, the knob moved to sysfs."), "");
    }

    #[test]
    fn a_sentence_wholly_in_quotes_is_read_without_a_panic() {
        assert!(!crate::prose::Sentence::read("\"Adding more pages.\"").points_back());
        let _ = crate::prose::Sentence::read("\"Adding more pages.\"").is_fragment();
    }

    #[test]
    fn a_count_of_things_named_after_it_announces_them() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment(
            "The rework stems from two separate but related issues."
        ));
        assert!(!fragment("The rework fixes two races in the fault path."));
    }

    #[test]
    fn a_report_named_as_though_shown_points_back() {
        assert_eq!(repaired("The warning started firing in the rmap code."), "");
    }

    #[test]
    fn a_counted_noun_is_no_verb() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment(
            "A few tweaks to the memory test to make it more robust."
        ));
        assert!(fragment(
            "Some cleanups around hotplug, including removing 32 bit leftovers."
        ));
        assert!(!fragment(
            "A few users report that the knob tweaks the wrong limit."
        ));
    }

    #[test]
    fn a_gerund_before_a_plural_that_ends_the_sentence_is_a_fragment() {
        let fragment = |s: &str| crate::prose::Sentence::read(s).is_fragment();
        assert!(fragment("Resulting in monitoring the wrong processes."));
        assert!(!fragment("Resulting pages are freed at once."));
    }

    #[test]
    fn that_before_a_preposition_is_a_pronoun_pointing_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "The patchset fixes that by delaying the put until later."
        ));
        assert!(!back(
            "The patchset ensures that by default nothing changes."
        ));
    }

    #[test]
    fn set_before_its_object_is_an_order() {
        assert_eq!(
            repaired("Set the flag globally, so that gcc treats char as signed."),
            "The patchset sets the flag globally, so that gcc treats char as signed."
        );
    }

    #[test]
    fn a_consequence_inside_a_sentence_points_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "The patchset therefore changes the lock to a spinlock."
        ));
        assert!(!back(
            "The patchset quiesces I/O, and thus the handler is shut down."
        ));
    }

    #[test]
    fn a_subject_before_an_adverb_and_its_verb_is_no_order() {
        let order = |s: &str| crate::prose::Sentence::read(s).is_imperative();
        assert!(!order(
            "Zone append BIOs always specify the start sector of the zone."
        ));
        assert!(order("Zone the memory before the allocator starts."));
    }

    #[test]
    fn this_before_a_negated_verb_points_back() {
        assert_eq!(
            repaired("The only reason this hasn't been a problem is that few use partitions."),
            ""
        );
    }

    #[test]
    fn an_opening_clause_that_only_names_the_work_goes() {
        assert_eq!(
            repaired("In this patch, the knob is moved to the memcg's own file."),
            "The knob is moved to the memcg's own file."
        );
        let changelog = "In this version, the patchset drops the knob.";
        assert!(!crate::prose::Sentence::read(changelog).clause_points_back());
    }

    #[test]
    fn a_cover_letters_it_is_the_series_unless_it_stands_for_nothing() {
        use crate::prose::the_series_speaking as speaking;
        assert_eq!(
            speaking("It aims to cut latency."),
            "This series aims to cut latency."
        );
        assert_eq!(
            speaking("This is a rework of X."),
            "This series is a rework of X."
        );
        for kept in [
            "It is hard to follow the control flow in exec.c as the code evolved.",
            "It seems that nobody uses the knob.",
            "It has been a year since the last posting.",
        ] {
            assert_eq!(speaking(kept), kept);
        }
    }

    #[test]
    fn a_version_introduction_that_says_what_the_series_does_is_the_series_speaking() {
        use crate::prose::the_series_speaking as speaking;
        for (intro, said) in [
            (
                "This is v3 of the series which teaches the frob allocator to batch frees.",
                "This series teaches the frob allocator to batch frees.",
            ),
            (
                "This is the seventh version of a series to switch the widget code to folios.",
                "This series switches the widget code to folios.",
            ),
            (
                "this is the fourth revision of my patches fixing the frob queue accounting.",
                "This series fixes the frob queue accounting.",
            ),
        ] {
            assert_eq!(speaking(intro), said);
        }
        for kept in [
            "This is v2 of the frobfs driver.",
            "This is v2 of the patch set I sent two days ago.",
            "This is v2 of the tracing patchset, rebased.",
            "This is v2 of the series addressing the comments on v1.",
            "This is v2 of the series to be merged through the frob tree.",
        ] {
            assert_eq!(speaking(kept), kept);
        }
    }

    #[test]
    fn lets_in_a_commit_message_is_the_authors_order() {
        use crate::prose::the_order_in_lets as order;
        assert_eq!(order("Let's add a flag for it."), "Add a flag for it.");
        assert_eq!(order("Let’s add a flag for it."), "Add a flag for it.");
        assert_eq!(
            order("To avoid that, let's move the check into the caller."),
            "To avoid that, move the check into the caller."
        );
        for kept in [
            "Let's see what the maintainers say.",
            "But let's not merge it yet.",
            "Let's say a task forks.",
            "Let us know what you think.",
        ] {
            assert_eq!(order(kept), kept);
        }
    }

    #[test]
    fn our_after_the_work_speaking_is_the_kernels() {
        use crate::prose::the_kernel_s_our as said;
        assert_eq!(
            said("This series cleans up our main frob data structure by merging two.").as_deref(),
            Some("This series cleans up the main frob data structure by merging two.")
        );
        for kept in [
            "This series fixes our frob driver, which we maintain out of tree.",
            "We clean up our main frob data structure.",
            "This series rebases our series on v6.1.",
        ] {
            assert_eq!(said(kept), None, "{kept}");
        }
    }

    #[test]
    fn lets_after_a_consequence_is_the_authors_order_alone() {
        use crate::prose::the_order_in_lets as order;
        assert_eq!(
            order("So let's make all frob headers use the frob/ prefix."),
            "Make all frob headers use the frob/ prefix."
        );
        assert_eq!(
            order("Thus, let us move the check into the caller."),
            "Move the check into the caller."
        );
        for kept in ["So let's see what the maintainers say.", "Solet's add it."] {
            assert_eq!(order(kept), kept);
        }
    }

    #[test]
    fn a_sentence_saying_the_lead_again_with_more_becomes_the_leads_order() {
        let writer = Writer {
            first_name: "Jane",
            work: "patchset",
        };
        let (merged, _) = proofread(
            "Jane posted a patchset to add a reclaim knob. The patchset adds a reclaim \
             knob that caps the scan rate, and drops the old sysctl.",
            writer,
        );
        assert_eq!(
            merged,
            "Jane posted a patchset to add a reclaim knob that caps the scan rate, and drop \
             the old sysctl."
        );
        let other = "Jane posted a patchset to add a reclaim knob. The patchset adds a sysctl \
                     that caps the scan rate.";
        assert_eq!(proofread(other, writer).0, other);
        let (inner, _) = proofread(
            "Jane posted a patchset to add a reclaim knob. The patchset adds a reclaim \
             knob that caps the scan rate and limits the batch.",
            writer,
        );
        assert!(
            inner.ends_with("caps the scan rate and limits the batch."),
            "{inner}"
        );
    }

    #[test]
    fn the_lead_said_again_and_why_becomes_the_lead_and_why() {
        assert_eq!(
            repaired(
                "Jane posted a patchset to move frob_*_dtor() to __frob_free(). The patchset \
                 moves frob_dtor() to __frob_free(), so that the lock and the table can be \
                 freed together."
            ),
            "Jane posted a patchset to move frob_*_dtor() to __frob_free(), so that the lock \
             and the table can be freed together."
        );
    }

    #[test]
    fn an_order_after_the_lead_that_says_it_again_goes_before_the_next() {
        assert_eq!(
            repaired(
                "Jane posted a patch to remove the foo argument from frob_area(). The patch \
                 removes the foo argument, and renames the function frob_current_area()."
            ),
            "Jane posted a patch to remove the foo argument from frob_area(). The patch also \
             renames the function frob_current_area()."
        );
    }

    #[test]
    fn a_sentence_saying_most_of_the_lead_again_with_more_becomes_the_leads_order() {
        assert_eq!(
            repaired(
                "Jane posted a patchset to convert the frob macros into inline funcs. The \
                 patchset converts the frob walk macros to inline functions to make the code \
                 easier to follow."
            ),
            "Jane posted a patchset to convert the frob walk macros to inline functions to make \
             the code easier to follow."
        );
    }

    #[test]
    fn a_sentence_pointing_at_the_leads_object_with_why_gives_the_lead_its_reason() {
        assert_eq!(
            repaired(
                "Jane posted a patch to revert \"mm: never frob for memcg reclaim\". The patch \
                 reverts the patch so that cgroups respect the LRU order."
            ),
            "Jane posted a patch to revert \"mm: never frob for memcg reclaim\", so that cgroups \
             respect the LRU order."
        );
    }

    #[test]
    fn a_sentence_naming_another_thing_with_the_leads_verb_is_not_the_lead_again() {
        let summary = "Jane posted a patchset to add a frob_map() helper for drivers. The \
                       patchset adds a frob_unmap() helper for drivers too, so both sides are \
                       covered.";
        assert_eq!(lead_said_again(summary), None);
    }

    #[test]
    fn the_given_argument_of_a_helper_is_no_reference() {
        let sentence = "The helper returns the NUMA node of the given device.";
        assert_eq!(repaired(sentence), sentence);
    }

    #[test]
    fn an_item_of_a_numbered_list_is_not_used() {
        assert_eq!(
            repaired("(10) Fold the checksum helper into its two users."),
            ""
        );
        assert_eq!(repaired("2) Drop the lock before the wakeup."), "");
    }

    #[test]
    fn an_ordinal_opener_points_at_the_points_before() {
        assert_eq!(
            repaired("Second, it allows userspace to close all file descriptors at once."),
            ""
        );
    }

    #[test]
    fn what_was_introduced_elsewhere_is_a_dangling_reference() {
        assert_eq!(
            repaired("The correctness of the new kfuncs is checked with the introduced tests."),
            ""
        );
    }

    #[test]
    fn above_or_below_placing_code_is_no_pointer() {
        let placed = "The series moves the checksum code below frob_submit_io() into one layer.";
        assert_eq!(repaired(placed), placed);
        for pointing in [
            "The numbers below show the gain on a large machine.",
            "The patches below all fix use-after-free bugs in the driver.",
        ] {
            assert_eq!(repaired(pointing), "");
        }
        let named = "The driver now calls get_random_u32_{below,above}() for the bounds.";
        assert_eq!(repaired(named), named);
    }

    #[test]
    fn a_comma_inside_brackets_does_not_end_an_opening_clause() {
        assert_eq!(
            crate::prose::sentence::split_clause(
                "In all callers (buffered I/O, direct I/O), use X."
            ),
            Some(("In all callers (buffered I/O, direct I/O)", "use X."))
        );
    }

    #[test]
    fn the_author_naming_a_thing_is_the_author() {
        assert_eq!(
            repaired("The series moves the checks into what I call the storage layer."),
            "The series moves the checks into what Jane calls the storage layer."
        );
    }

    #[test]
    fn a_sentence_ending_in_a_particle_is_no_cut_link() {
        for whole in [
            "Nothing changes for the drivers that do not opt in.",
            "The allocator no longer scans as many pages as it used to.",
        ] {
            assert!(!Sentence::read(whole).is_fragment(), "{whole}");
        }
    }

    #[test]
    fn a_first_word_in_lower_case_takes_its_capital_unless_a_name() {
        use crate::prose::with_its_capital;
        assert_eq!(
            with_its_capital("we propose a reclaim knob."),
            "We propose a reclaim knob."
        );
        assert_eq!(with_its_capital("i add a knob."), "I add a knob.");
        let name = "frobdump is a tool to save memory at a crash.";
        assert_eq!(with_its_capital(name), name);
    }

    #[test]
    fn emphasis_marks_around_a_word_go() {
        assert_eq!(
            repaired("The frob check now says _why_ a lock broke, which *works* for all."),
            "The frob check now says why a lock broke, which works for all."
        );
        for kept in [
            "The patchset marks __init_begin as reserved.",
            "The patchset matches *alloc* symbols in the frob table.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn a_closing_purpose_pointing_back_goes() {
        assert_eq!(
            repaired(
                "Provide the right helpers for both page table layouts to fix the boot problems."
            ),
            "The patchset provides the right helpers for both page table layouts."
        );
    }

    #[test]
    fn a_verb_s_own_to_is_no_purpose() {
        assert_eq!(
            Sentence::read("The patchset tries to fix the boot problems.").without_its_purpose(),
            None
        );
    }

    #[test]
    fn an_ampersand_between_words_is_and() {
        assert_eq!(
            repaired("Jane posted a patchset to fix a leak & flush the stats."),
            "Jane posted a patchset to fix a leak and flush the stats."
        );
        assert_eq!(
            repaired("Jane posted a patch to revert \"frob: fix & flush\"."),
            "Jane posted a patch to revert \"frob: fix & flush\"."
        );
    }

    #[test]
    fn an_ampersand_between_names_with_digits_is_and() {
        assert_eq!(
            repaired("The patchset fixes the x86 & arm64 frob builds."),
            "The patchset fixes the x86 and arm64 frob builds."
        );
    }

    #[test]
    fn an_authors_place_in_the_code_named_without_its_article_takes_the() {
        let summary = "The patchset adds an ioctl for frob file, as used by CRIU.";
        assert!(check(summary).contains(&Defect::Usage));
        assert_eq!(
            repaired(summary),
            "The patchset adds an ioctl for the frob file, as used by CRIU."
        );
    }

    #[test]
    fn initials_written_in_lower_case_are_written_in_capitals() {
        let summary = "The patchset shuts down the frob interrupt before a cpu goes offline.";
        assert!(check(summary).contains(&Defect::Usage));
        assert_eq!(
            repaired(summary),
            "The patchset shuts down the frob interrupt before a CPU goes offline."
        );
    }

    #[test]
    fn initials_in_a_name_a_path_or_a_type_stay() {
        for kept in [
            "The patchset adds a per-cpu frob counter.",
            "The patchset reads /sys/devices/system/cpu/frob.",
            "The patchset adds a field to struct cpu for frob.",
            "The patchset adds the cpu_frob() helper.",
            "The patchset moves the frob code to kernel/rcu.",
            "The patchset adds a helper: frob_ptes.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn initials_written_in_capitals_take_the_article_of_their_sound() {
        assert_eq!(
            repaired("The patchset lets a nvme request complete early."),
            "The patchset lets an NVMe request complete early."
        );
    }

    #[test]
    fn a_list_items_bullet_of_several_bytes_is_dropped() {
        assert_eq!(
            repaired("• The patchset adds a frob counter to the reclaim path."),
            "The patchset adds a frob counter to the reclaim path."
        );
    }

    #[test]
    fn a_misspelt_word_is_spelt() {
        let summary = "The patchset gives more flexiblity to frob_map() callers.";
        assert!(check(summary).contains(&Defect::Usage));
        assert_eq!(
            repaired(summary),
            "The patchset gives more flexibility to frob_map() callers."
        );
    }

    #[test]
    fn an_ampersand_in_code_stays() {
        let kept = "The check now tests page->flags & PG_frob before the walk.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn a_plural_after_and_is_no_second_order() {
        let kept = "Jane posted a patch to remove the foo argument from frob_area(). The patch \
                    removes the argument and checks that used it.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn another_identifier_said_with_why_is_not_merged() {
        let kept = "Jane posted a patchset to convert frob_map() users. The patchset converts \
                    frob_map_range() users, so that the old helper can go.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn the_lead_said_again_with_something_else_and_why_is_not_merged() {
        let kept = "Jane posted a patchset to convert the page cache to folios. The patchset \
                    converts the swap cache, so that shmem can use large folios.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn its_written_it_is_before_a_qualifier_is_its() {
        assert_eq!(
            repaired("The patchset folds the frob helper into it's own file."),
            "The patchset folds the frob helper into its own file."
        );
        assert_eq!(
            repaired("The patchset keeps the table in it's current form."),
            "The patchset keeps the table in its current form."
        );
    }

    #[test]
    fn an_article_that_does_not_fit_the_sound_is_fitted() {
        assert_eq!(
            repaired("The patchset checks the memcg within a RCU section for an user."),
            "The patchset checks the memcg within an RCU section for a user."
        );
        assert_eq!(
            repaired("The patchset provides a \"install\" function in a one-shot pass."),
            "The patchset provides an \"install\" function in a one-shot pass."
        );
        let kept = "The patchset adds a NUMA policy, an unused flag and a user of it.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn initials_said_as_a_word_a_label_and_once_keep_their_article() {
        for kept in [
            "The patchset gives a MAC address and a HW queue to a RAID set.",
            "The patchset checks the page before CPU A unmaps it, in a once-per-boot pass.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn the_before_a_function_as_the_subject_goes() {
        let (said, _) = repair_summary(
            "The frob_recover() is small, and the frob_clone() does not pass the size.",
            Repair::DropTheBeforeAFunction,
        );
        assert_eq!(
            said,
            "frob_recover() is small, and frob_clone() does not pass the size."
        );
        let kept = "The patchset removes the strcpy() calls and the frob() uses.";
        assert_eq!(repair_summary(kept, Repair::DropTheBeforeAFunction).0, kept);
    }

    #[test]
    fn a_conjunction_after_a_comma_is_in_lower_case() {
        let (said, _) = repair_summary(
            "The patchset limits the frob IPI to frob systems, Where it is only sent to busy CPUs.",
            Repair::LowerAfterComma,
        );
        assert_eq!(
            said,
            "The patchset limits the frob IPI to frob systems, where it is only sent to busy CPUs."
        );
        for kept in [
            "The patchset splits the frob lock, Linus said.",
            "It was reviewed by Saeed Mahameed, Or Gerlitz and Tariq Toukan.",
            "The patchset adds the keywords If, Then and Else.",
        ] {
            assert_eq!(repair_summary(kept, Repair::LowerAfterComma).0, kept);
        }
    }

    #[test]
    fn a_conjunction_after_a_comma_before_a_name_of_the_code_is_lowered_too() {
        for (written, said) in [
            (
                "The frob runs idle, Where CPUs are idle.",
                "The frob runs idle, where CPUs are idle.",
            ),
            (
                "The frob is on, If CONFIG_FROB is set.",
                "The frob is on, if CONFIG_FROB is set.",
            ),
            (
                "The old frob locks, Whereas the new one is lockless.",
                "The old frob locks, whereas the new one is lockless.",
            ),
        ] {
            assert_eq!(repair_summary(written, Repair::LowerAfterComma).0, said);
        }
    }

    #[test]
    fn a_colon_after_including_in_a_sentence_goes() {
        let (said, _) = repair_summary(
            "The patch adds frob support, including: cache and TLB handling.",
            Repair::DropColonAfterIncluding,
        );
        assert_eq!(
            said,
            "The patch adds frob support, including cache and TLB handling."
        );
        let kept = "The patch adds frob support for several cases, including: - cache handling";
        assert_eq!(
            repair_summary(kept, Repair::DropColonAfterIncluding).0,
            kept
        );
    }

    #[test]
    fn for_before_an_infinitive_goes() {
        let (said, _) = repair_summary(
            "A swap partition needs to be present for to enable resuming.",
            Repair::DropForBeforeTo,
        );
        assert_eq!(
            said,
            "A swap partition needs to be present to enable resuming."
        );
        for kept in [
            "The patchset waits for to_free to drop and adds items for to-do lists.",
            "The patch converts the for to do-while loop in frob_scan().",
            "The patch turns frob from for to do loops.",
            "The patch converts for to do-while loops.",
        ] {
            assert_eq!(
                repair_summary(kept, Repair::DropForBeforeTo).0,
                kept,
                "{kept}"
            );
        }
    }

    #[test]
    fn allows_to_without_whom_it_allows_makes_it_possible() {
        let (said, _) = repair_summary(
            "The patchset allows to efficiently close a range of frobs.",
            Repair::SayMakesItPossible,
        );
        assert_eq!(
            said,
            "The patchset makes it possible to efficiently close a range of frobs."
        );
        let (said, _) = repair_summary(
            "The knob does not allow to set the flag.",
            Repair::SayMakesItPossible,
        );
        assert_eq!(said, "The knob does not make it possible to set the flag.");
        for kept in [
            "The variants are allowed to tear.",
            "It allows users to set the flag.",
            "It allows to_free to drop.",
        ] {
            assert_eq!(
                repair_summary(kept, Repair::SayMakesItPossible).0,
                kept,
                "{kept}"
            );
        }
    }

    #[test]
    fn this_before_a_plural_of_the_work_is_these() {
        let (said, _) = repair_summary(
            "This patches don't aim to limit what a user can do.",
            Repair::SayThese,
        );
        assert_eq!(said, "These patches don't aim to limit what a user can do.");
    }

    #[test]
    fn this_before_a_verb_in_s_is_no_plural() {
        for kept in [
            "The patchset takes the lock early, and this fixes the reported hang.",
            "The patchset renames the flag, so this changes nothing for users.",
        ] {
            assert_eq!(repair_summary(kept, Repair::SayThese).0, kept);
        }
    }

    #[test]
    fn a_number_closing_a_sentence_as_a_value_is_no_list_marker() {
        let value = "The patchset maps the frob buffer even if its length is 0.";
        assert_eq!(repaired(value), value);
        assert!(is_cut_list(
            "The patchset has three advantages as follows: 1."
        ));
    }

    #[test]
    fn it_is_before_a_preposition_stays() {
        let kept = "The patchset keeps the frob table, as it's internal to the allocator.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn a_comma_before_a_closing_if_goes() {
        assert_eq!(
            repaired("The frob call fails with -EINVAL, if the table is not set up."),
            "The frob call fails with -EINVAL if the table is not set up."
        );
        for kept in [
            "The flag, if set, keeps the pages.",
            "Per the spec, if the PTEs i.e. PMDs are changed, a fence is a must.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn a_comma_before_a_closing_aside_in_if_stays() {
        for kept in [
            "The patchset makes the frob walk faster, if only slightly.",
            "The patchset drops the frob locks, if any.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn backticks_around_a_name_go() {
        assert_eq!(
            repaired("The patchset uses `frob_has_extension()` in the probe path."),
            "The patchset uses frob_has_extension() in the probe path."
        );
    }

    #[test]
    fn a_later_part_opening_points_back() {
        for sentence in [
            "The second, smaller part drops the old frob knobs.",
            "In which case, the frob cache stays per node.",
        ] {
            assert_eq!(repaired(sentence), "", "{sentence}");
        }
    }

    #[test]
    fn the_remaining_things_and_a_later_part_of_the_series_point_nowhere() {
        let kept = "The remaining users of the old frob helper are converted to the new one.";
        assert_eq!(repaired(kept), kept);
        let named = "The second half of the series converts the frob users to the new helper.";
        assert!(!Sentence::read(named).points_back());
    }

    #[test]
    fn a_later_version_opening_does_not_point_back() {
        assert_eq!(
            repaired("The second version of this patchset adds a flag to the frob cache."),
            "The second version of this patchset adds a flag to the frob cache."
        );
    }

    #[test]
    fn an_opening_thats_points_back() {
        assert_eq!(
            repaired("That's exactly what the minimum I/O size attribute is for."),
            ""
        );
    }

    #[test]
    fn instead_before_its_verb_points_at_an_alternative_not_said() {
        assert_eq!(
            repaired("The series instead annotates the readahead calls in the core code."),
            ""
        );
        let own = "The patch takes the per-node counter instead of the memcg one.";
        assert_eq!(repaired(own), own);
    }

    #[test]
    fn another_opening_a_sentence_points_at_the_one_before() {
        assert_eq!(
            repaired("Another use case is direct I/O with large blocks on small sectors."),
            ""
        );
    }

    #[test]
    fn even_is_an_adverb_not_an_order() {
        let sentence = "When the counter underflows, even just by a few pages, the cgroup stalls.";
        assert_eq!(repaired(sentence), sentence);
        assert!(!crate::prose::lexicon::is_imperative("Even"));
    }

    #[test]
    fn a_question_without_its_mark_is_an_aside() {
        assert_eq!(
            repaired("What does it mean to have controllers enabled in a cgroup."),
            ""
        );
    }

    #[test]
    fn another_series_named_before_is_a_dangling_reference() {
        assert_eq!(
            repaired("There were two atomic contexts left after that series."),
            ""
        );
    }

    #[test]
    fn an_opening_clause_pointing_at_a_revision_goes() {
        assert_eq!(
            repaired("In this iteration, the frob code takes the zone lock once per batch."),
            "The frob code takes the zone lock once per batch."
        );
    }

    #[test]
    fn that_before_a_verbs_object_is_a_dangling_reference() {
        assert_eq!(
            repaired("While the patchset supports that scheme, frob users may not want it."),
            ""
        );
    }

    #[test]
    fn an_emphatic_do_contrasting_with_the_unsaid_is_a_dangling_reference() {
        assert_eq!(
            repaired("What the kernel does provide, is a way to let frob I/O use a limit."),
            ""
        );
    }

    #[test]
    fn that_as_a_short_sentences_object_is_a_dangling_reference() {
        assert_eq!(repaired("The patch proves that."), "");
    }

    #[test]
    fn that_opening_a_clause_is_no_reference() {
        for kept in [
            "The patchset ensures that frob pages are freed.",
            "The patchset checks that memory, when offlined, is not frobbed.",
            "The patchset only wakes the tasks that wait, not all of the frob users.",
            "The patchset no longer prints the frob reports of the tests that passed.",
            "If enabled, the patchset checks that memory, when offlined, is not frobbed.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn last_but_not_least_is_a_connective() {
        assert_eq!(
            repaired("Last but not least, VMX features are reported in cpuinfo."),
            "VMX features are reported in cpuinfo."
        );
    }

    #[test]
    fn an_arrow_between_names_is_said_to() {
        assert_eq!(
            repaired("The patchset implements a naming change (put_frob() --> unpin_frob())."),
            "The patchset implements a naming change (put_frob() to unpin_frob())."
        );
        let code = "The patchset reads page->flags under the frob lock.";
        assert_eq!(repaired(code), code);
    }

    #[test]
    fn a_network_link_is_no_pointer() {
        let sentence = "The patchset lets frob drivers report more than the link state.";
        assert_eq!(repaired(sentence), sentence);
        assert_eq!(repaired("The frob design notes sit at the link below."), "");
    }

    #[test]
    fn how_the_writer_feels_about_a_fact_goes() {
        assert_eq!(
            repaired("Unfortunately, all frob drivers pin their pages for too long."),
            "All frob drivers pin their pages for too long."
        );
    }

    #[test]
    fn where_the_tests_ran_is_a_test_report() {
        assert_eq!(
            repaired("The test was run on a large server with turbo disabled."),
            ""
        );
    }

    #[test]
    fn a_contrast_inside_a_sentence_points_back() {
        assert_eq!(
            repaired("The large object test, however, sees a good improvement with the change."),
            ""
        );
    }

    #[test]
    fn figures_measured_in_the_past_are_a_test_report() {
        assert_eq!(
            repaired(
                "With the cache off, the run time was 2.848s for small objects and 2.890s for big ones."
            ),
            ""
        );
        assert_eq!(
            repaired("The patchset cuts TLB misses by 30x and CPU cycles by 0.54%."),
            "The patchset cuts TLB misses by 30x and CPU cycles by 0.54%."
        );
    }

    #[test]
    fn one_run_timed_is_a_test_report() {
        assert_eq!(
            repaired("With the frob cache disabled, the run time was 2.848s."),
            ""
        );
        assert_eq!(
            repaired("The patchset caps the frob size at 64KB."),
            "The patchset caps the frob size at 64KB."
        );
    }

    #[test]
    fn three_figures_compared_are_a_benchmark_whatever_the_tense() {
        assert_eq!(
            repaired("This series cuts frob misses by 12x (4,000 -> 330) and cycles by 1.5%."),
            ""
        );
    }

    #[test]
    fn figures_listed_beside_by_or_from_are_no_benchmark() {
        let kept = "The patchset adds 4KB, 16KB and 64KB frob pages used by arm64.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn figures_listed_are_no_benchmark() {
        let kept = "The patchset adds support for 4KB, 16KB and 64KB frob pages.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn a_test_case_the_work_fixes_is_no_test_report() {
        let report = |s: &str| crate::prose::Sentence::read(s).is_test_report();
        assert!(!report(
            "This series fixes a use-after-free when running the frob test case test_zero."
        ));
        assert!(report(
            "The test case is pretty basic, random reads over a large file."
        ));
    }

    #[test]
    fn what_the_series_goes_with_is_the_process() {
        assert_eq!(
            repaired("The patchset should be considered in conjunction with another."),
            ""
        );
    }

    #[test]
    fn a_clause_answering_a_concern_not_said_goes() {
        assert_eq!(
            repaired("To solve the concern, this patch introduces a new syscall."),
            "This patch introduces a new syscall."
        );
    }

    #[test]
    fn plans_for_later_are_an_aside() {
        assert_eq!(
            repaired("There are plans of using the helper more widely soon."),
            ""
        );
    }

    #[test]
    fn a_plural_noun_in_capitals_after_the_is_lowered() {
        let (said, _) = repair_summary(
            "The Functions take care of the overflow check.",
            Repair::LowerCommonNoun,
        );
        assert_eq!(said, "The functions take care of the overflow check.");
        for kept in [
            "The Maintainers Summit will be held in Vienna.",
            "The Linux kernel has no such API.",
            "The Rust bindings are new.",
        ] {
            assert_eq!(
                repair_summary(kept, Repair::LowerCommonNoun).0,
                kept,
                "{kept}"
            );
        }
    }

    #[test]
    fn how_easy_a_use_should_be_is_an_aside() {
        assert_eq!(
            repaired(
                "Since the hints come through the frob API, it should be simple for an \
                 application to use them."
            ),
            ""
        );
        let kept = "The patchset frees slack caches, which should be trivially reclaimable.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn sentences_that_only_look_like_asides_stand() {
        for sentence in [
            "This allows you to set per-memcg limits.",
            "The same limits should apply to shmem.",
            "The read and write paths now take the same lock.",
            "What the allocator needs is a lockless counter.",
        ] {
            assert_eq!(repaired(sentence), sentence);
        }
        let step = "This is the first step of converting the page cache to folios.";
        assert!(!Sentence::read(step).is_changelog());
    }

    #[test]
    fn a_sentence_naming_the_revision_is_a_changelog_line() {
        assert_eq!(
            repaired("This is the sixth official patchset for KMSAN."),
            ""
        );
        assert_eq!(
            repaired("ver #3) - Fix filesystems that lack read_folio()."),
            ""
        );
    }

    #[test]
    fn a_quote_never_closed_is_not_used() {
        assert_eq!(
            repaired("\"The plan is to compact the heap concurrently."),
            ""
        );
    }

    #[test]
    fn a_pronoun_may_not_open_the_summary() {
        assert_eq!(repaired("It adds a knob."), "");
        assert_eq!(
            repaired("The patchset adds a knob. It is off by default."),
            "The patchset adds a knob. It is off by default."
        );
    }

    #[test]
    fn a_sentence_that_only_spells_out_the_titles_acronym_repeats_it() {
        let read = Sentence::read(
            "The patch introduces XIP (eXecute In Place) support for RISC-V platforms.",
        );
        assert!(read.repeats("RISC-V: enable XIP"));
        assert!(!read.repeats("RISC-V: enable the page cache"));
    }

    #[test]
    fn a_sentence_with_one_word_beside_the_titles_repeats_it() {
        let read = Sentence::read("Some optimization for kunit tests has been done.");
        assert!(read.repeats("kunit: fix a UAF bug and do some optimization"));
    }

    #[test]
    fn a_restatement_run_on_past_a_full_stop_is_cut() {
        assert_eq!(
            repaired(
                "The mail keeps the charges where they belong. ie. Create entities in the parent."
            ),
            "The mail keeps the charges where they belong."
        );
    }

    #[test]
    fn an_order_in_a_discussion_is_not_given_the_mail_as_subject() {
        let mail = Writer {
            first_name: "Jane",
            work: "mail",
        };
        let (out, _) = proofread(
            "The charges go to the parent. Move the remaining charges to the parent cgroup.",
            mail,
        );
        assert_eq!(out, "The charges go to the parent.");
    }

    #[test]
    fn an_order_run_on_after_a_comma_gets_its_subject() {
        assert_eq!(
            repaired("There is no user of the helper in the tree, remove the helper and its stub."),
            "There is no user of the helper in the tree, so the patchset removes the helper and its stub."
        );
        assert_eq!(repaired("It is unused, remove it."), "");
    }

    #[test]
    fn a_label_before_a_colon_is_no_subject() {
        assert_eq!(
            repaired("The patchset adds a knob. Step 4: Repeat steps 1 to 3 on arm64."),
            "The patchset adds a knob."
        );
        assert_eq!(
            repaired("The patchset adds a knob. Links detected: no (autoneg failure)."),
            "The patchset adds a knob."
        );
    }

    #[test]
    fn other_things_than_those_said_point_back() {
        assert_eq!(
            repaired(
                "The patchset adds a knob. Other allocation paths already use the right check."
            ),
            "The patchset adds a knob."
        );
    }

    #[test]
    fn this_year_says_when_and_points_at_nothing() {
        let when = "This year, the Frob Summit will be held in Vienna on September 17th.";
        assert_eq!(repaired(when), when);
        assert_eq!(repaired("This week is reserved for the frob track."), "");
    }

    #[test]
    fn a_finding_opened_by_it_stands_alone() {
        let found = "It was found that the destroy path may run with all references gone.";
        assert_eq!(repaired(found), found);
        assert_eq!(repaired("It was wrong, as the lock is dropped."), "");
    }

    #[test]
    fn a_bug_told_as_this_is_not_the_work_speaking() {
        assert_eq!(
            repaired("This allows arbitrary users to leak kernel memory."),
            ""
        );
        let work = "This allows users to set a home node for each mapping.";
        assert_eq!(repaired(work), work);
    }

    #[test]
    fn what_this_means_is_said_of_the_sentence_before() {
        for meaning in [
            "This means there is no longer any need for the FROB_MAP flag.",
            "This looks like a race between frob_put() and frob_get().",
        ] {
            assert_eq!(repaired(meaning), "", "{meaning}");
        }
    }

    #[test]
    fn a_limit_bypassed_or_a_task_starved_is_a_bug_told() {
        for bug in [
            "This allows a loop device to be used to bypass the memory limit.",
            "This lets one writer starve every reader of the queue.",
        ] {
            assert_eq!(repaired(bug), "", "{bug}");
        }
    }

    #[test]
    fn a_posting_told_in_the_mail_is_a_changelog_line() {
        assert_eq!(
            repaired("Jane Doe posted an RFC patch for making the split behave better."),
            ""
        );
        assert_eq!(
            repaired("This was posted to the list last year by the team."),
            ""
        );
    }

    #[test]
    fn a_further_that_leans_back_goes() {
        assert_eq!(
            repaired("Further, the knob is off by default for every cgroup."),
            "The knob is off by default for every cgroup."
        );
        let adjective = "Further investigation showed that the knob is off.";
        assert_eq!(repaired(adjective), adjective);
    }

    #[test]
    fn a_dependency_carried_for_completeness_is_an_aside() {
        assert_eq!(
            repaired("The set includes a patch from another author for sake of completeness."),
            ""
        );
    }

    #[test]
    fn other_cases_point_back() {
        assert_eq!(
            repaired("In other cases the knob is ignored by the allocator."),
            ""
        );
    }

    #[test]
    fn a_reviewers_nit_is_not_used() {
        assert_eq!(
            repaired("The patchset adds a knob. Small nit: the name reads better reversed."),
            "The patchset adds a knob."
        );
    }

    #[test]
    fn a_fix_of_what_went_before_is_told_by_its_means() {
        assert_eq!(
            repaired("Fix this by taking the lock before the walk."),
            "The patchset takes the lock before the walk."
        );
        assert_eq!(
            repaired("This patch fixes the race by moving the check under the lock."),
            "This patch moves the check under the lock."
        );
        assert_eq!(
            repaired("This patch attempts to fix it by hiding the table behind a lookup function."),
            "This patch attempts to hide the table behind a lookup function."
        );
    }

    #[test]
    fn a_by_without_a_verb_is_no_means() {
        assert_eq!(
            the_means_of_a_fix("Fix this by something like a per-cpu counter."),
            None
        );
    }

    #[test]
    fn someone_the_mail_named_before_is_a_dangling_reference_after_the_lead() {
        assert_eq!(
            repaired(
                "Jane posted a patch to frob the inode. Then he added the mount option to enable it."
            ),
            "Jane posted a patch to frob the inode."
        );
    }

    #[test]
    fn what_the_change_will_make_possible_goes_without_its_now() {
        assert_eq!(
            repaired("Now frob drivers will be able to allocate memory near the device."),
            "Frob drivers will be able to allocate memory near the device."
        );
    }

    #[test]
    fn each_means_of_a_fix_takes_the_fixs_form() {
        assert_eq!(
            repaired("This patch fixes it by taking the lock and dropping the retry loop."),
            "This patch takes the lock and drops the retry loop."
        );
    }

    #[test]
    fn a_means_may_end_the_sentence() {
        assert_eq!(
            the_means_of_a_fix("Fix it by retrying."),
            Some("Retry.".to_string())
        );
    }

    #[test]
    fn two_commits_named_by_their_ids_are_not_said_as_one() {
        assert_eq!(
            commits_said_plainly(
                "Commit 0123abcd4567 (\"frob: x\") and commit 89abcdef0123 made the walk sleep."
            ),
            None
        );
    }

    #[test]
    fn a_capital_left_after_a_cited_commit_s_comma_goes() {
        assert_eq!(
            commits_said_plainly(
                "Until commit 0123abcd4567 (\"frob: x\"), The frob hook was there."
            ),
            Some("Until an earlier commit, the frob hook was there.".to_string())
        );
    }

    #[test]
    fn a_clause_saying_since_which_commit_goes() {
        assert_eq!(
            commits_said_plainly("Since commit 0123abcd4567 (\"frob: x\"), the frob hook is gone."),
            Some("The frob hook is gone.".to_string())
        );
    }

    #[test]
    fn a_commit_named_otherwise_before_its_id_is_left_as_written() {
        assert_eq!(
            commits_said_plainly("This is a backport of upstream commit 0123abcd4567."),
            None
        );
    }

    #[test]
    fn a_reverts_title_quoting_another_goes_with_its_id() {
        assert_eq!(
            commits_said_plainly("Commit 0123abcd4567 (\"Revert \"frob: x\"\") broke the walk."),
            Some("An earlier commit broke the walk.".to_string())
        );
    }

    #[test]
    fn a_commit_named_by_its_id_is_said_plainly() {
        assert_eq!(
            repaired("Commit 0123abcd4567 (\"frob: take the lock\") made the walk sleep."),
            "An earlier commit made the walk sleep."
        );
        assert_eq!(
            repaired("The walk sleeps since commit 0123abcd4567."),
            "The walk sleeps since an earlier commit."
        );
    }

    #[test]
    fn a_test_named_is_no_test_report_unless_it_is_run() {
        assert_eq!(
            repaired("The frobfs selftest uses the frob() call, which older C libraries lack."),
            "The frobfs selftest uses the frob() call, which older C libraries lack."
        );
        assert!(check("The frobfs selftests pass on arm64.").contains(&Defect::Aside));
    }

    #[test]
    fn a_choice_based_on_something_is_no_changelog_line() {
        assert!(
            !check("The frob walk picks its level based on the flag.").contains(&Defect::Aside)
        );
    }

    #[test]
    fn a_series_based_on_a_tree_is_a_changelog_line() {
        assert!(check("This series is based on frob-next.").contains(&Defect::Aside));
    }

    #[test]
    fn a_clause_opened_by_a_preposition_after_a_comma_is_no_order() {
        let sentence = "The frob walk needs to check the level of the flag, like it already does in frob_pud().";
        assert_eq!(repaired(sentence), sentence);
    }

    #[test]
    fn a_footnote_mark_does_not_hide_the_first_person() {
        assert!(check("We[1] add a knob for the reclaim.").contains(&Defect::FirstPerson));
    }

    #[test]
    fn an_identifier_holds_no_first_person() {
        for summary in [
            "The patchset adds a field to struct we_ctx.",
            "The patchset sets we_ctx=\"on\" by default.",
            "The series introduces [us]128 and uses it in the crypto code.",
            "The patch makes i_version count only real changes.",
        ] {
            assert!(!check(summary).contains(&Defect::FirstPerson), "{summary}");
        }
    }

    #[test]
    fn a_list_item_numbered_with_a_slash_is_markup() {
        assert!(check("1/ make the counter cheaper to bump.").contains(&Defect::Leftover));
    }

    #[test]
    fn a_substitution_command_is_markup() {
        assert!(
            check("It makes better sense to s/foo_kill/kill_foo/g in the title.")
                .contains(&Defect::Leftover)
        );
    }

    #[test]
    fn a_list_stopping_at_its_first_item_is_not_used() {
        assert!(
            check("It has three optimizations: (A) Reduce atomic ops.").contains(&Defect::List)
        );
        assert_eq!(
            repaired(
                "The patchset adds a knob. It has three optimizations: (A) Reduce atomic ops."
            ),
            "The patchset adds a knob."
        );
    }

    #[test]
    fn an_adverb_before_an_order_follows_its_new_subject() {
        assert_eq!(
            repaired("Simply remove the frob check from the handler."),
            "The patchset simply removes the frob check from the handler."
        );
        assert_eq!(
            repaired("Simply put, a limit has a policy."),
            "Simply put, a limit has a policy."
        );
    }

    #[test]
    fn either_before_an_order_is_an_order() {
        let advice = "If the compiler thinks it is unset, either initialize the variable or \
                      change the compiler.";
        assert!(Sentence::read(advice).is_imperative());
        let said = "Either way, the frob lock is taken first.";
        assert!(!Sentence::read(said).is_imperative());
        assert_eq!(
            repaired("Either simply initialize the variable or drop the macro."),
            "The patchset either simply initializes the variable or drops the macro."
        );
    }

    #[test]
    fn the_work_with_a_plural_verb_is_made_to_agree() {
        assert_eq!(
            repaired("This patchset implement three optimizations of the charge path."),
            "This patchset implements three optimizations of the charge path."
        );
        assert_eq!(
            repaired("The second version of this patchset introduce a helper."),
            "The second version of this patchset introduces a helper."
        );
        assert!(!check("The tool keeps the change log short.").contains(&Defect::Agreement));
        assert!(!check("The commit log explains the change.").contains(&Defect::Agreement));
        assert_eq!(
            repaired("This patchset implement, in short, a cache of the charge path."),
            "This patchset implements, in short, a cache of the charge path."
        );
    }

    #[test]
    fn what_the_work_would_like_to_do_is_what_it_does() {
        assert_eq!(
            repaired("This patchset would like to introduce a helper for the readahead limit."),
            "This patchset introduces a helper for the readahead limit."
        );
    }

    #[test]
    fn what_a_version_of_the_work_is_to_do_is_what_it_does() {
        assert_eq!(
            repaired("The second version of this patch series is to add a memslot."),
            "The second version of this patch series adds a memslot."
        );
    }

    #[test]
    fn what_the_work_is_to_be_or_to_ask_stays() {
        for kept in [
            "This patch is to be applied after the frob series is merged.",
            "This series would like to know whether the frob interface is acceptable.",
            "The goal of this series is to remove the frob lock from the fault path.",
        ] {
            assert_eq!(repaired(kept), kept);
        }
    }

    #[test]
    fn the_work_after_a_short_opening_agrees() {
        assert_eq!(
            repaired("In general this patch series introduce a memslot backed by a file."),
            "In general this patch series introduces a memslot backed by a file."
        );
    }

    #[test]
    fn the_work_named_in_two_words_agrees() {
        assert_eq!(
            repaired("This patch series introduce a memslot backed by a file."),
            "This patch series introduces a memslot backed by a file."
        );
    }

    #[test]
    fn an_order_without_a_subject_gets_the_work_as_its_subject() {
        assert_eq!(
            repaired("Introduce XIP support for RISC-V platforms."),
            "The patchset introduces XIP support for RISC-V platforms."
        );
        assert_eq!(
            repaired("In mm/userfaultfd.c, break the logic out into a helper."),
            "In mm/userfaultfd.c, the patchset breaks the logic out into a helper."
        );
        assert_eq!(repaired("Move them to the new header."), "");
    }

    #[test]
    fn orders_in_commit_shorthand_are_not_used() {
        assert_eq!(
            repaired("Add+use vm_normal_page_pud() and clean up the special page lookup."),
            ""
        );
    }

    #[test]
    fn orders_joined_by_and_agree_with_the_subject_they_are_given() {
        assert_eq!(
            repaired("Remove the flag without touching the core and make page faults cheaper."),
            "The patchset removes the flag without touching the core and makes page faults cheaper."
        );
        assert_eq!(
            repaired("Drop the lock and page table walk from the fast path."),
            "The patchset drops the lock and page table walk from the fast path."
        );
        assert_eq!(
            repaired("Add a knob to read and write the frob limit."),
            "The patchset adds a knob to read and write the frob limit."
        );
    }

    #[test]
    fn a_pointer_elsewhere_is_not_used() {
        assert_eq!(
            repaired("The Specification can be found in following link."),
            ""
        );
        assert_eq!(
            repaired("The patchset adds a knob. Please see the documentation for details."),
            "The patchset adds a knob."
        );
    }

    #[test]
    fn an_aside_a_changelog_line_or_a_test_report_is_not_used() {
        for sentence in [
            "The earlier part of the series isn't terribly interesting.",
            "Compile-tested on various architectures, quickly tested memory hotplug on x86-64.",
            "No changes comparing to 5.14.",
            "Sorry, I forgot to post this series last release.",
        ] {
            assert_eq!(repaired(sentence), "", "{sentence}");
        }
    }

    #[test]
    fn how_the_series_is_cut_up_for_review_is_the_process() {
        assert_eq!(
            repaired("This patchset is split to make the change one frob at a time."),
            ""
        );
        let kept = "The frob lock is split to reduce contention on large machines.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn a_set_split_across_nodes_is_no_process() {
        let kept = "When the frob core set is split across two nodes, the scheduler balances it.";
        assert_eq!(repaired(kept), kept);
    }

    #[test]
    fn where_the_series_waited_and_how_it_fared_is_the_process() {
        assert_eq!(
            repaired("The patchset has been in frob-next for a while with no reported issues."),
            ""
        );
        assert_eq!(
            repaired("The patchset has been in linux-next for two weeks."),
            ""
        );
    }

    #[test]
    fn what_a_change_makes_easier_to_use_was_named_before() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "This makes it easier to use inside of the frob controller."
        ));
        assert!(!back("This makes it easier to read the frob knob."));
    }

    #[test]
    fn a_hyphenated_noun_after_this_points_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "A per-group high-water mark is ideal for this use-case."
        ));
    }

    #[test]
    fn a_participle_before_there_is_a_dangling_modifier() {
        assert!(
            crate::prose::Sentence::read(
                "Added in 1999 to support large machines, there are few systems that still need it."
            )
            .is_fragment()
        );
        assert!(
            !crate::prose::Sentence::read(
                "Added in 1999 to support large machines, the option is rarely needed now."
            )
            .is_fragment()
        );
    }

    #[test]
    fn a_closing_clause_that_points_back_goes() {
        assert_eq!(
            repaired(
                "Sampling the frob counters every second misses short bursts, and a per-group \
                 high-water mark is otherwise ideal for this use-case."
            ),
            "Sampling the frob counters every second misses short bursts."
        );
    }

    #[test]
    fn a_change_undone_named_as_known_points_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "The patch simply removes the modification from the OOM handler."
        ));
        assert!(!back(
            "The patch reverts the modification of the frob limit."
        ));
        assert!(!back(
            "The patch adds a frob field to the inode, and the modification is protected by a lock."
        ));
    }

    #[test]
    fn a_part_of_a_plan_never_told_points_back() {
        let back = |s: &str| crate::prose::Sentence::read(s).points_back();
        assert!(back(
            "The patchset addresses the first phase for adding frob support."
        ));
        assert!(!back("The first phase of the plan adds a frob knob."));
        assert!(!back(
            "Reclaim happens in two stages: the first stage scans the list and the second frees."
        ));
    }

    #[test]
    fn markup_left_over_is_not_used() {
        assert_eq!(repaired("# The solution: more robust code."), "");
        assert_eq!(repaired("The patchset frees pages.. in the end."), "");
    }

    #[test]
    fn a_connective_goes_where_the_sentence_stands_alone() {
        assert_eq!(
            repaired("Hence, reclaim caused by proactive reclaim is not counted."),
            "Reclaim caused by proactive reclaim is not counted."
        );
        assert_eq!(
            repaired("This adds a knob. Furthermore, a new listener is introduced."),
            "This adds a knob. A new listener is introduced."
        );
        assert_eq!(
            repaired("The patchset adds a knob. It is therefore possible to reclaim more."),
            "The patchset adds a knob. It is possible to reclaim more."
        );
        assert_eq!(
            repaired("This adds a knob. Also included a helper which optimises it."),
            "This adds a knob. The patchset also includes a helper which optimises it."
        );
        assert_eq!(
            repaired("This adds a knob. So reverted the old fix."),
            "This adds a knob."
        );
        assert_eq!(
            repaired("Instead of looping with ZERO_PAGE, the patch uses a huge zero folio."),
            "Instead of looping with ZERO_PAGE, the patch uses a huge zero folio."
        );
    }

    #[test]
    fn lists_are_prose_or_left_out() {
        assert_eq!(
            repaired("KUnit will be able to: (1) Fail tests (2) Pass tests."),
            "KUnit will be able to fail tests and pass tests."
        );
        assert_eq!(
            repaired(
                "The code was split into three subsets: 1) device-dax pages 2) vmemmap reuse."
            ),
            "The code was split into three subsets: device-dax pages and vmemmap reuse."
        );
        assert_eq!(
            repaired("The patchset adds a knob. o Neither A nor B boosts."),
            "The patchset adds a knob. Neither A nor B boosts."
        );
        assert_eq!(
            repaired("This patchset keeps the advantages of: 1."),
            "This patchset keeps the advantages."
        );
        assert_eq!(
            repaired("This adds a knob. It keeps the advantages of: 1."),
            "This adds a knob."
        );
    }

    #[test]
    fn a_line_that_is_no_sentence_gives_way() {
        assert_eq!(
            repaired("On Thu, Jun 10, 2021 at 11:08 AM Enrico Weigelt wrote: This adds a knob."),
            "This adds a knob."
        );
        assert_eq!(
            repaired("This makes reclaim fair for every node Signed-off-by: Jane Doe"),
            "This makes reclaim fair for every node."
        );
    }

    #[test]
    fn leftovers_and_a_missing_full_stop_are_repaired() {
        assert_eq!(
            repaired("The knob is in the docs (see)."),
            "The knob is in the docs."
        );
        assert_eq!(
            repaired("The patch renames foo() and keeps bar[] as they are."),
            "The patch renames foo() and keeps bar[] as they are."
        );
        assert_eq!(
            repaired("The patchset adds a knob"),
            "The patchset adds a knob."
        );
        assert_eq!(
            repaired("The second version of this patchset patchset adds a knob."),
            "The second version of this patchset adds a knob."
        );
    }
}
