//! Sentences, split once and read once: what the rules need to know of
//! each (its subject, whether it points back, whose voice it is in, and
//! whether it is an aside, a pointer, a changelog or a test report).

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon;
use super::words::{
    ABBREVIATIONS, ABOUT_THE_WORK, ACTIONS, ADDITIVES, ADVERBS, AN_EARLIER_COMMIT,
    ANTICIPATING_VERBS, ASIDE_PHRASES, ASIDES, AUTHORING_VERBS, BACK_POINTERS, BARE_THIS_FOLLOWERS,
    BEFORE_A_LINK, BRINGING_VERBS, CHANGELOG, CHANGELOG_PHRASES, CLAUSE_OPENERS, COMMIT_CITED,
    COMMIT_QUALIFIERS, CONNECTIVES, CONSEQUENCES, COPULAS, CREDIT_NOUNS, CREDIT_OPENERS,
    CREDITED_BY, DEMONSTRATIVES, DETERMINERS, FEELINGS, FINITE_VERBS, FIRST_PERSON,
    FIRST_PERSON_SUBJECTS, FREQUENCY_ADVERBS, FUTURE_MARKERS, HARMS, HISTORY, LEAD_VERBS,
    LETS_DISCUSS, MOTIVATIONS, NUMBER_WORDS, OPENING_POINTERS, ORDER_OBJECTS, ORDINAL_WORDS,
    POINTERS, POSTINGS, PREPOSITIONS, PRONOUN_OPENINGS, PROPOSING_VERBS, PURPOSES_POINTING_BACK,
    QUANTIFIERS, REVIEW_VERBS, REVISION_NOUNS, SAYS_WHICH, SERIES_WORDS, STOP_WORDS,
    SUBJECTS_OF_CHANGE, SUBORDINATORS, TAKE_AN_INFINITIVE, TEST_NAMES, TEST_REPORT_PHRASES,
    TEST_RUNS, TEST_THINGS, THIRD_PERSON_PRONOUNS, TIME_NOUNS, UNDOING_VERBS, UNITS,
    WORK_DOING_VERBS, is_expletive_verb, is_plural, is_preposition, is_verb_of_a_statement,
};

/// How the author speaks in a sentence of theirs.
#[derive(Debug, Clone, Copy)]
struct Voice {
    /// Proposing ("I'm proposing X", "I would like to discuss X"), or
    /// porting ("I've ported X to Y"): what the work is, never its story.
    tells_what_it_is: bool,
    /// Telling work done: "We have added X", "I removed Y".
    done: bool,
    /// Where the words after the verb start.
    object: usize,
}

/// Whose voice a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// No first person outside quotes.
    None,
    /// "I/We propose ...": the author, certainly, saying what they do with
    /// the work; the third person says the same.
    Author,
    /// Any other first person: "we can see", "our allocator", "I'm not
    /// sure". The "we" may be the kernel, the community or the reader.
    Other,
}

/// The words a sentence's opening phrase before the author speaks may
/// have: "On behalf of the Linux kernel Rust team, I would like to".
const OPENING_PHRASE_WORDS: usize = 10;

/// One sentence and what it is.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub text: &'a str,
    lower: String,
    /// Its words outside quotes, lower case, apostrophes kept.
    words: Vec<String>,
}

impl<'a> Sentence<'a> {
    pub fn read(text: &'a str) -> Sentence<'a> {
        let text = text.trim();
        Sentence {
            text,
            lower: prose_only(text),
            words: words_outside_quotes(text),
        }
    }

    /// The first word, lower case, without punctuation.
    fn first_word(&self) -> &str {
        self.words.first().map_or("", String::as_str)
    }

    /// "Contains IOMMU memory ...", "Added a notifier ...", "Resulting in
    /// ...": a verb's form opens the sentence, and nothing names who does
    /// it (a gerund that is the subject has its own verb: "Creating a
    /// cgroup allocates 4Kb").
    pub fn is_fragment(&self) -> bool {
        let Some(first) = self.text.split_whitespace().next() else {
            return false;
        };
        if self.names_without_a_verb()
            || self.opens_mid_sentence()
            || self.is_a_purpose_alone()
            || self.runs_on()
            || self.has_unbalanced_brackets()
            || self.is_a_reason_alone()
        {
            return true;
        }
        let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if !first.starts_with(char::is_uppercase) || first.chars().skip(1).any(char::is_uppercase) {
            return false;
        }
        // "Haven't done the SMP wakeup yet.": the verb, and no subject.
        if FINITE_VERBS.contains(&first.to_lowercase().replace('’', "'").as_str()) {
            return true;
        }
        match lexicon::verb_of(first) {
            // "Processes that manage others": a plural noun, not "Contains".
            Some((base, lexicon::Form::Third)) if !lexicon::is_imperative(base) => false,
            Some((_, lexicon::Form::Third | lexicon::Form::Past)) => {
                // "Added in 1999 for x86, the option is rarely needed": a
                // participle's clause before the subject is no fragment;
                // before "there are" it modifies nothing (a dangling
                // modifier, which an editor recasts).
                let dangles = self.text.split_once(", ").is_some_and(|(_, main)| {
                    let main = main.to_lowercase();
                    main.starts_with("there ") || main.starts_with("it ")
                });
                dangles
                    || !self.text.contains(", ")
                    || !self
                        .words
                        .iter()
                        .any(|w| FINITE_VERBS.contains(&w.as_str()))
            }
            // "Resulting in ... the wrong processes.": a plural that ends
            // the sentence is no verb of it.
            Some((_, lexicon::Form::Gerund)) => {
                let last = self.words.len().saturating_sub(1);
                !self.words.iter().enumerate().skip(1).any(|(i, w)| {
                    FINITE_VERBS.contains(&w.as_str())
                        // "Building on X, I've ported Y": a subject's clause.
                        || FIRST_PERSON_SUBJECTS.contains(&w.as_str())
                        || i < last
                            && matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Third)))
                })
            }
            _ => false,
        }
    }

    /// "Because the policy given should take precedence.": a clause of
    /// reason or concession with no main clause after it (a comma would
    /// mark where it starts); "Because of X, ..." is a phrase.
    fn is_a_reason_alone(&self) -> bool {
        matches!(
            self.first_word(),
            "because" | "although" | "though" | "whereas" | "unless"
        ) && self.words.get(1).is_none_or(|w| w != "of")
            && !self.text.contains(',')
    }

    /// "the control mechanism becomes,": a paragraph that ends in a comma
    /// runs on into the list below it, which the splitter left out; "It
    /// stems from two separate but related issues.": a count of things
    /// the sentences after it name; "It is available at.": a link left out.
    fn runs_on(&self) -> bool {
        let counted_at_end = self.words.len() >= 3 && {
            let n = self.words.len();
            let last = self.words[n - 1].as_str();
            matches!(
                last,
                "issues"
                    | "problems"
                    | "reasons"
                    | "parts"
                    | "goals"
                    | "changes"
                    | "things"
                    | "bugs"
                    | "cases"
                    | "steps"
                    | "aspects"
                    | "areas"
                    | "ways"
            ) && self.words[n.saturating_sub(5)..n - 1]
                .iter()
                .any(|w| NUMBER_WORDS.contains(&w.as_str()))
        };
        let cut_before_a_link = self
            .words
            .last()
            .is_some_and(|w| BEFORE_A_LINK.contains(&w.as_str()));
        self.text.trim_end().ends_with(',') || counted_at_end || cut_before_a_link
    }

    /// "or dma_map_single()).": a bracket closed that never opened (or
    /// the reverse), where the splitter cut inside a parenthesis.
    fn has_unbalanced_brackets(&self) -> bool {
        let count = |c: char| self.text.matches(c).count();
        count('(') != count(')') || count('[') != count(']')
    }

    /// "calls returning a handle.": the rest of a sentence cut before it,
    /// opening with a lower-case word of English, not a name (`kmemdump`,
    /// `memfd_secret()`).
    fn opens_mid_sentence(&self) -> bool {
        let first = self.text.split_whitespace().next().unwrap_or("");
        first.starts_with(|c: char| c.is_ascii_lowercase())
            && first.bytes().all(|b| b.is_ascii_lowercase())
            && !PRONOUN_OPENINGS.contains(&first)
            && !DEMONSTRATIVES.iter().any(|d| d.trim() == first)
            && (lexicon::verb_of(first).is_some()
                || FINITE_VERBS.contains(&first)
                || SUBORDINATORS.contains(&first))
    }

    /// "To make it possible to optimize X even if the memory is bound.": a
    /// purpose without the sentence it is the purpose of; a verb of a
    /// clause after "if" or "which" is not the sentence's.
    fn is_a_purpose_alone(&self) -> bool {
        if self.first_word() != "to"
            || self.text.contains(',')
            || !self.words.get(1).is_some_and(|w| lexicon::is_verb(w))
        {
            return false;
        }
        !self
            .words
            .iter()
            .skip(2)
            .take_while(|w| !SUBORDINATORS.contains(&w.as_str()))
            .any(|w| {
                FINITE_VERBS.contains(&w.as_str())
                    || matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Third)))
            })
    }

    /// "The 20th version of the patchset.", "An attempt to get away from
    /// X and add Y.": an article and a noun, and no verb in any finite
    /// form after them (a verb after "to" is no finite one).
    fn names_without_a_verb(&self) -> bool {
        let determiner = matches!(
            self.first_word(),
            "a" | "an" | "the" | "some" | "several" | "various"
        );
        if !determiner || self.words.len() < 3 {
            return false;
        }
        !self.words.iter().enumerate().skip(2).any(|(i, w)| {
            let before = self.words[i - 1].as_str();
            // "A few tweaks", "32 bit leftovers": a count's noun.
            let counted = QUANTIFIERS.contains(&before)
                || NUMBER_WORDS.contains(&before)
                || before.bytes().all(|b| b.is_ascii_digit());
            FINITE_VERBS.contains(&w.as_str())
                || !counted
                    && (before != "to"
                        && matches!(
                            lexicon::verb_of(w),
                            Some((_, lexicon::Form::Third | lexicon::Form::Past))
                        )
                        // "The patches add ...": a plural's verb is its base form.
                        || before.len() > 2
                            && before.ends_with('s')
                            && !before.ends_with("ss")
                            && matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Base))))
        })
    }

    /// A commit message's order without a subject: "Introduce XIP
    /// support", "Move them to ...", "In mm/userfaultfd.c, break ...".
    pub fn is_imperative(&self) -> bool {
        let mut words = self.text.split_whitespace();
        let mut first = words.next().unwrap_or("");
        // "In mm/userfaultfd.c, break the logic", "Instead of looping, use
        // ...": a place or a reason, then the order.
        if CLAUSE_OPENERS.contains(&first.to_lowercase().as_str()) {
            let Some((_, rest)) = split_clause(self.text) else {
                return false;
            };
            return Sentence::read(rest).is_imperative();
        }
        // "Simply remove X": an adverb, then the order; "Either initialize
        // X or drop it": the first of two orders.
        // "Simply put, ..." is no order.
        if is_order_adverb(first) || first.eq_ignore_ascii_case("either") {
            let rest = self.text.split_once(' ').map_or("", |(_, rest)| rest);
            let verb = rest.split_whitespace().next().unwrap_or("");
            return !verb.ends_with(',') && Sentence::read(rest).is_imperative();
        }
        first = first.trim_matches(|c: char| !c.is_alphanumeric());
        // "Add+use X": two orders in commit shorthand, the first leads.
        first = first.split('+').next().unwrap_or(first);
        let lower = first.to_lowercase();
        // Acronyms and names (`KASAN`, `Rust`) lead subjects, not orders;
        // "Patch 1/2 changes" names a patch.
        if !lexicon::is_imperative(first)
            || first.chars().skip(1).any(|c| c.is_uppercase())
            || lower == "please"
            // "Set X globally" is an order; "Set of fixes" names one.
            || SERIES_WORDS.contains(&lower.as_str())
                && (lower != "set" || words.clone().next().is_none_or(|w| w == "of"))
        {
            return false;
        }
        // The clause the verb leads, up to a comma or a relative word.
        let clause: Vec<String> = words
            .take_while(|w| !w.ends_with([',', ';', ':']))
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                    .to_lowercase()
            })
            .take_while(|w| !SUBORDINATORS.contains(&w.as_str()) && w != "to")
            .collect();
        let Some(second) = clause.first() else {
            return true;
        };
        if second == "of"
            || second.ends_with("'s")
            || second.starts_with(|c: char| c.is_ascii_digit())
        {
            return false;
        }
        if ORDER_OBJECTS.contains(&second.as_str()) {
            return true;
        }
        // "Page tables are ...": a subject, then its verb. A verb's form right after the first noun is the subject's verb
        // ("Further investigation indicated", "Memory usage grows"); later
        // it is a participle or a plural ("Rework truncate to require
        // file-systems to have called", "replace X with page flag checks").
        // "Zone append BIOs always specify ...": an adverb of frequency
        // between a subject and its verb.
        let adverb_then_verb = clause.windows(2).any(|pair| {
            FREQUENCY_ADVERBS.contains(&pair[0].as_str()) && lexicon::verb_of(&pair[1]).is_some()
        });
        !adverb_then_verb
            && !clause.iter().enumerate().any(|(i, w)| {
                // "Convert external links to ...": past the order's first
                // word, a form in -s is as likely a plural noun.
                FINITE_VERBS.contains(&w.as_str())
                    || !w.ends_with("ss")
                        && match lexicon::verb_of(w) {
                            Some((_, lexicon::Form::Third)) => i == 0,
                            Some((_, lexicon::Form::Past)) => i <= 1,
                            _ => false,
                        }
            })
    }

    /// What follows a subject when no verb does: "page bits with X" (after
    /// "This patch set"), not "adds X", "is X" or "mainly adds X".
    pub fn lacks_a_verb_first(&self) -> bool {
        let Some(word) = self
            .words
            .iter()
            .find(|w| !(w.ends_with("ly") || ADVERBS.contains(&w.as_str())))
        else {
            return false;
        };
        !is_finite(word)
    }

    /// Whether the sentence leans on one before it: an opening connective
    /// ("Hence,"), a demonstrative ("Such data"), an opening such as "Here
    /// is" or "In response", or a phrase such as "this issue", "the above".
    pub fn points_back(&self) -> bool {
        self.opening_connective().is_some()
            // "He added X": someone the mail named before, never its author,
            // though after the editor's lead it reads as the author.
            || THIRD_PERSON_PRONOUNS.contains(&self.first_word())
            || self.opens_with_a_later_part()
            || self.opens_with_any(DEMONSTRATIVES)
            || self.opens_with_any(OPENING_POINTERS)
            || self.has_a_back_pointer()
            || self.has_such()
            || self.has_bare_this()
            || self.orders_a_pronoun()
            || self.names_unsaid()
            || self.names_an_unsaid_problem()
            || self.contrasts_with_the_unsaid()
    }

    /// "What the kernel does provide, is X": an emphatic "do" that sets X
    /// against what a sentence before said it does not.
    fn contrasts_with_the_unsaid(&self) -> bool {
        let words = &self.words;
        self.first_word() == "what"
            && words
                .iter()
                .position(|w| COPULAS.contains(&w.as_str()))
                .is_some_and(|is| {
                    words[1..is].windows(2).any(|pair| {
                        matches!(pair[0].as_str(), "does" | "do" | "did")
                            && lexicon::verb_of(&pair[1]).is_some()
                    })
                })
    }

    /// "The second, not so important part is ...": a part after one the
    /// sentence never names ("The second version of this patchset" names
    /// a posting, "The second half of the series" the series; "the
    /// latter" is a demonstrative).
    fn opens_with_a_later_part(&self) -> bool {
        self.first_word() == "the"
            && self
                .words
                .get(1)
                .is_some_and(|w| ORDINAL_WORDS.contains(&w.as_str()))
            && self
                .words
                .get(2)
                .is_none_or(|w| !REVISION_NOUNS.contains(&w.as_str()))
            && !self.words[2.min(self.words.len())..6.min(self.words.len())]
                .windows(2)
                .any(|pair| {
                    matches!(pair[0].as_str(), "of" | "the")
                        && SERIES_WORDS.contains(&pair[1].as_str())
                })
    }

    /// "... to fix the boot problems.", "The issue occurs when ...", "solves
    /// the problem by ...": a problem the sentence names as known without
    /// saying what it is ("the problem of X", "the issue where X", "The
    /// problem is that X" say; "the issue path" is another noun).
    fn names_an_unsaid_problem(&self) -> bool {
        let words = &self.words;
        let problem = |w: &str| {
            matches!(
                w,
                "problem" | "problems" | "issue" | "issues" | "bug" | "bugs"
            )
        };
        words.iter().enumerate().any(|(i, w)| {
            if w != "the" {
                return false;
            }
            // "the problem", "the boot problems".
            let at = match (words.get(i + 1), words.get(i + 2)) {
                (Some(n), _) if problem(n) => i + 1,
                (Some(m), Some(n)) if problem(n) && m.chars().all(char::is_alphabetic) => i + 2,
                _ => return false,
            };
            let next = words.get(at + 1).map_or("", String::as_str);
            let said = SAYS_WHICH.contains(&next)
                // "The problem is that ...": what the sentence says.
                || i == 0
                    && matches!(next, "is" | "was")
                    && words.get(at + 2).is_some_and(|w| w == "that");
            // "the issue path", "the bug fixes": a noun the word qualifies.
            let qualifies = !next.is_empty()
                && !STOP_WORDS.contains(&next)
                && !PREPOSITIONS.contains(&next)
                && lexicon::verb_of(next).is_none();
            !said && !qualifies && !words[..i].iter().any(|b| same_noun(b, &words[at]))
        })
    }

    /// "to more efficiently reuse these buffers", "took them": a
    /// demonstrative before a noun that is not the series, or "they" and
    /// "them" with no plural before them in the sentence.
    fn names_unsaid(&self) -> bool {
        let words = &self.words;
        // "To address this, ...": a demonstrative that ends a clause.
        let ends_clause = ["this", "these", "those"].iter().any(|d| {
            [",", ".", ";", ":", ")"]
                .iter()
                .any(|p| self.lower.contains(&format!(" {d}{p}")))
        });
        words.iter().enumerate().skip(1).any(|(i, w)| match w.as_str() {
            "these" | "those" | "this" => {
                // "adds X macros and uses those newly introduced macros":
                // adverbs and participles before the noun say how it came.
                let noun = words[i + 1..]
                    .iter()
                    .find(|n| {
                        !(is_order_adverb(n)
                            || matches!(lexicon::verb_of(n), Some((_, lexicon::Form::Past))))
                    })
                    .filter(|n| !is_finite(n));
                ends_clause
                    || words.get(i + 1).is_some_and(|next| {
                        !SERIES_WORDS.contains(&next.as_str())
                            // "its flag ... check this flag": named here.
                            && ![Some(next), noun].into_iter().flatten().any(|n| {
                                words[..i].iter().any(|b| same_noun(b, n))
                            })
                            && !matches!(next.as_str(), "way" | "time" | "year" | "week" | "release" | "cycle")
                            // "this use-case": a hyphen is read as '/'.
                            && next.trim_end_matches('/').chars().all(char::is_alphabetic)
                            // "this allows": a verb, which has_bare_this reads.
                            && (w != "this" || !is_finite(next))
                    })
            }
            // "after that series": another series, named before; "Even
            // with that, ...": what a sentence before said (but "that of
            // X": the one of X).
            "that" => {
                words.get(i + 1).is_some_and(|n| {
                    matches!(n.as_str(), "series" | "patchset" | "patchsets" | "patch" | "patches")
                })
                    // "fixes that by ...": a pronoun; a clause's "that"
                    // has a verb to come ("ensures that by default nothing
                    // changes").
                    || words.get(i + 1).is_some_and(|n| n != "of" && PREPOSITIONS.contains(&n.as_str()))
                        && !words[i + 1..].iter().any(|w| is_finite(w))
                    || PREPOSITIONS.contains(&words[i - 1].as_str())
                    && words.get(i + 1).is_none_or(|n| {
                        // "advise on that memory": named before it; "for
                        // that instance of reclaim": "of" says which.
                        n != "of"
                            && words.get(i + 2).is_none_or(|of| of != "of")
                            && !words[..i].iter().any(|b| same_noun(b, n))
                    })
                    || self.that_as_an_object(i)
            }
            // "the same support": the same as what was said.
            "same" => {
                words[i - 1] == "the"
                    && i >= 2
                    && lexicon::verb_of(&words[i - 2]).is_some()
                    && words.get(i + 1).is_some_and(|n| {
                        matches!(
                            n.as_str(),
                            "support" | "change" | "changes" | "fix" | "fixes" | "approach"
                                | "thing" | "things" | "tricks" | "logic" | "treatment"
                                | "feature" | "features" | "optimization" | "optimizations"
                        )
                    })
                    && !words[i..].iter().any(|w| w == "as")
            }
            // "removes the modification from X": a change the sentence
            // names as known ("the modification of X" says which).
            // Only where it is undone: "adds a field, and the modification
            // is protected by X" names it.
            "modification" | "modifications" => {
                words[i - 1] == "the"
                    && i >= 2
                    && lexicon::verb_of(&words[i - 2])
                        .is_some_and(|(base, _)| UNDOING_VERBS.contains(&base))
                    && words.get(i + 1).is_none_or(|n| {
                        !matches!(n.as_str(), "of" | "to" | "in" | "that" | "which" | "made" | "for")
                    })
            }
            // "addresses the first phase for adding X": a part of a plan
            // never told ("the first phase of the plan" tells it).
            "phase" | "phases" | "step" | "steps" | "stage" | "stages" => {
                i >= 2
                    && words[i - 2] == "the"
                    && (ORDINAL_WORDS.contains(&words[i - 1].as_str())
                        || matches!(words[i - 1].as_str(), "first" | "next" | "last" | "final"))
                    && words.get(i + 1).is_none_or(|n| n != "of")
                    // "in two stages: the first stage scans X": named before.
                    && !words[..i].iter().any(|b| same_noun(b, w))
            }
            // "The patchset therefore changes X": a consequence of what a
            // sentence before said ("X, and thus Y" draws its own).
            "therefore" | "consequently" | "hence" | "thus" => {
                !matches!(words[i - 1].as_str(), "and" | "or" | "but" | "which" | "that")
            }
            // "This makes it easier to use inside X": "it" is what is
            // used, named before ("makes it easier to read the knob" has
            // its object, and "it" stands for the clause).
            "it" if self.it_before_a_clause(i) == Some(false) => true,
            // "If it is interrupted, ...": a pronoun before any noun.
            "it" | "its" if i <= 2 => words[..i]
                .iter()
                .all(|b| SUBORDINATORS.contains(&b.as_str()) || b == "and" || b == "but"),
            "they" | "them" | "their" => !words[..i].iter().any(|b| {
                is_plural(b)
            }),
            _ => false,
        })
    }

    /// "The patch proves that.", "supports that scheme.": the "that" at
    /// `i` is the object of a verb before it (a word mostly a verb), alone
    /// at the end of a short sentence (a longer one may say it first), or
    /// before one noun that ends the sentence, or ends the clause a
    /// subordinator opens ("While X supports that scheme, ..."). "ensures
    /// that pages are freed" is a clause, "the tasks that wait" a relative
    /// one.
    fn that_as_an_object(&self, i: usize) -> bool {
        let words = &self.words;
        let after_a_verb =
            lexicon::verb_of(&words[i - 1]).is_some_and(|(base, _)| lexicon::is_imperative(base));
        if !after_a_verb {
            return false;
        }
        let Some(n) = words.get(i + 1) else {
            return i <= 3;
        };
        let closes = |p: &str| {
            let that = format!(" that {n}{p}");
            self.lower.ends_with(&that) || self.lower.contains(&format!("{that} "))
        };
        // The opening clause's own comma: "If enabled, X checks that
        // memory, when ..." is a clause.
        let first_clause = self
            .lower
            .find(&format!(" that {n}, "))
            .is_some_and(|at| !self.lower[..at].contains(','));
        let ends = closes(".")
            || closes(";")
            || closes(":")
            || SUBORDINATORS.contains(&words[0].as_str()) && first_clause;
        // "the tests that passed": a relative clause's verb.
        let a_verb = lexicon::verb_of(n).is_some_and(|(base, form)| {
            form != lexicon::Form::Base || lexicon::is_imperative(base)
        });
        n.chars().all(char::is_alphabetic)
            && !a_verb
            && !DETERMINERS.contains(&n.as_str())
            && !words[..i].iter().any(|b| same_noun(b, n))
            && ends
    }

    /// "Move them to ...": an order whose object is a pronoun.
    fn orders_a_pronoun(&self) -> bool {
        let anticipates = self.it_before_a_clause(1) == Some(true);
        self.is_imperative()
            && !anticipates
            && self
                .words
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "them" | "it" | "these" | "those" | "both"))
    }

    /// Of an "it" at `at` after a verb such as "make": `Some(true)` where it
    /// stands for the clause to come ("Make it clear that X", "makes it
    /// possible to read the knob": an infinitive with its object);
    /// `Some(false)` where the infinitive wants its object, which the "it"
    /// is, named before ("makes it easier to use inside X"); `None` where
    /// no such "it" stands ("Make it private to the driver").
    fn it_before_a_clause(&self, at: usize) -> Option<bool> {
        let words = &self.words;
        let after_its_verb = at > 0
            && words.get(at).is_some_and(|w| w == "it")
            && lexicon::verb_of(&words[at - 1])
                .is_some_and(|(base, _)| ANTICIPATING_VERBS.contains(&base));
        if !after_its_verb {
            return None;
        }
        match words.get(at + 2).map(String::as_str) {
            Some("that") => Some(true),
            Some("to") if words.get(at + 3).is_some_and(|w| lexicon::is_imperative(w)) => {
                Some(words.get(at + 4).is_some_and(|w| !is_preposition(w)))
            }
            _ => None,
        }
    }

    /// "fix this by ...", "do this.": "this" standing for what was said.
    fn has_bare_this(&self) -> bool {
        self.words.iter().enumerate().any(|(i, w)| {
            matches!(w.as_str(), "this" | "these" | "those")
                && i > 0
                && self.words.get(i + 1).is_none_or(|next| {
                    BARE_THIS_FOLLOWERS.contains(&next.as_str())
                        || matches!(lexicon::verb_of(next), Some((_, lexicon::Form::Third)))
                })
                && !matches!(
                    self.words[i - 1].as_str(),
                    "is" | "means" | "ensures" | "so" | "such" | "now"
                )
        })
    }

    /// "It adds ...", "This is ...", "They ...": a pronoun that only a
    /// sentence before it can name; "This patchset ..." names its own.
    pub fn opens_with_pronoun(&self) -> bool {
        let first = self.first_word();
        if !PRONOUN_OPENINGS.contains(&first) && !THIRD_PERSON_PRONOUNS.contains(&first) {
            return false;
        }
        let second = self.words.get(1).map_or("", String::as_str);
        !(matches!(first, "this" | "these" | "that" | "those")
            && (SERIES_WORDS.contains(&second)
                // "This year, ...": a time said before a comma.
                || TIME_NOUNS.contains(&second)
                    && self
                        .text
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|w| w.ends_with(','))
                || self.series_opening())
            || self.work_speaks()
            || self.opens_with_a_finding())
    }

    /// "It was found that X ...", "It has been reported that X ...": the
    /// "it" stands for the clause after "that", not for a thing said before.
    fn opens_with_a_finding(&self) -> bool {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let rest = match words.as_slice() {
            ["it", "is" | "was", rest @ ..] => rest,
            ["it", "has" | "had", "been", rest @ ..] => rest,
            _ => return false,
        };
        matches!(rest, [participle, "that", ..]
            if matches!(lexicon::verb_of(participle), Some((_, lexicon::Form::Past))))
    }

    /// "This adds foo.": a cover letter's "this" is the work itself.
    pub fn work_speaks(&self) -> bool {
        // "This v6 adds": the revision names the work too.
        let skip = usize::from(self.words.get(1).is_some_and(|w| is_revision_word(w)));
        self.first_word() == "this"
            && self.words.get(1 + skip).is_some_and(|verb| {
                !matches!(verb.as_str(), "is" | "was" | "has" | "does")
                    && !is_verb_of_a_statement(verb)
                    && matches!(lexicon::verb_of(verb), Some((_, lexicon::Form::Third)))
            })
            // "This patches don't aim to": a plural noun, its verb after it.
            && self
                .words
                .get(2 + skip)
                .is_none_or(|next| !FINITE_VERBS.contains(&next.as_str()))
            && !self.tells_a_harm()
    }

    /// "This allows users to leak kernel memory", "This causes a crash":
    /// what a bug told before does, not what the work does.
    fn tells_a_harm(&self) -> bool {
        let causal = self.words.get(1).is_some_and(|verb| {
            matches!(
                verb.as_str(),
                "allows" | "lets" | "causes" | "leads" | "results" | "triggers" | "breaks"
            )
        });
        causal && self.words.iter().any(|w| names_a_harm(w))
    }

    /// "This series adds X", "This adds X": the work is the subject, as
    /// an "It" after the sentence goes on to be.
    pub fn the_work_is_the_subject(&self) -> bool {
        self.series_opening() || self.work_speaks()
    }

    /// "This patch set", "The series": the series names itself.
    fn series_opening(&self) -> bool {
        super::words::SERIES_OPENINGS
            .iter()
            .any(|o| self.lower.starts_with(o))
    }

    /// The connective the sentence opens with, when it only continues
    /// what came before ("Hence,", "Also"); "Instead of", "So far" and
    /// "Then again" are no such connectives.
    pub fn opening_connective(&self) -> Option<&'static str> {
        let lower = self.lower.as_str();
        // "Now drivers will be able to X": what the change makes possible,
        // after it; "Now the helpers return X" tells how things are.
        if (lower.starts_with("now ") || lower.starts_with("now, "))
            && !lower.starts_with("now that")
        {
            let will_be = self
                .words
                .iter()
                .skip(1)
                .take(6)
                .any(|w| FUTURE_MARKERS.contains(&w.as_str()));
            return will_be.then_some("now");
        }
        CONNECTIVES.iter().chain(FEELINGS).copied().find(|c| {
            lower.starts_with(c) && lower[c.len()..].starts_with([',', ' ']) && {
                let after = lower[c.len()..].trim_start_matches(',').trim_start();
                !(after.starts_with("far")
                    || *c == "instead" && after.starts_with("of ")
                    || *c == "in addition" && names_what_it_adds_to(lower))
            }
        })
    }

    /// An opening connective, or "It is therefore": what is left may
    /// stand alone.
    pub fn leans_by_connective(&self) -> bool {
        self.opening_connective().is_some() || self.lower.starts_with("it is therefore")
    }

    /// "To fix this issue, add X", "In that case, the kernel ...": an
    /// opening clause that points back, before a main clause; or one that
    /// only names the work the summary is about ("In this patch, we add
    /// X"), which says nothing beside its lead.
    pub fn clause_points_back(&self) -> bool {
        let Some((clause, _)) = split_clause(self.text) else {
            return false;
        };
        let clause = Sentence::read(clause);
        // Not "In this version, ...": what changed since, a changelog's.
        let names_the_work = matches!(
            clause.words.as_slice(),
            [preposition, this, work]
                if (preposition == "in" || PREPOSITIONS.contains(&preposition.as_str()))
                    && matches!(this.as_str(), "this" | "the")
                    && matches!(work.as_str(), "patch" | "patchset" | "series")
        );
        names_the_work
            || CLAUSE_OPENERS.contains(&self.first_word())
                && !self.opens_with_any(OPENING_POINTERS)
                && clause.points_back()
    }

    /// "On a prompt from Jason, X", "As David suggested, X": an opening
    /// clause that tells who prompted the work, the process an editor
    /// leaves out. It names the person: "As suggested in the datasheet,"
    /// or "For implicit feedback endpoints," say where the rest holds.
    pub fn clause_credits(&self) -> bool {
        let Some((clause, _)) = split_clause(self.text) else {
            return false;
        };
        let read = Sentence::read(clause);
        let opens = read.first_word();
        // A name (a capital, then lower case: "Jason"; not "TCG") right
        // after the opener, after "by", "from" or "of", or with its "'s";
        // never after "the" ("the Intel SDM").
        let tokens: Vec<&str> = clause.split_whitespace().collect();
        let names_someone = tokens.iter().enumerate().skip(1).any(|(i, w)| {
            let possessive = w.ends_with("'s") || w.ends_with("s'");
            let name = w.trim_end_matches("'s").trim_end_matches([',', '\'']);
            let a_name = name.len() > 1 && super::reads_as_a_name(name);
            let before = tokens[i - 1].to_lowercase();
            a_name
                && (i == 1 || possessive || CREDITED_BY.contains(&before.as_str()))
                && !DETERMINERS.contains(&before.as_str())
        });
        (PREPOSITIONS.contains(&opens) || CREDIT_OPENERS.contains(&opens))
            && read.words.len() <= CREDIT_WORDS_AT_MOST
            && read
                .words
                .iter()
                .any(|w| CREDIT_NOUNS.contains(&w.as_str()))
            && names_someone
    }

    /// An opening clause that goes: one that points back, or credits.
    pub fn clause_goes(&self) -> bool {
        self.clause_points_back() || self.clause_credits()
    }

    /// The sentence without an opening clause that points back or credits,
    /// where what is left stands alone or is an order that wants only its
    /// subject.
    pub fn without_its_clause(&self) -> Option<String> {
        if !self.clause_goes() {
            return None;
        }
        let (clause, rest) = split_clause(self.text)?;
        // "In these devices, zone cap is not the zone size.": a clause that
        // says where the rest holds, which without it says more than the
        // author did.
        let scopes = match Sentence::read(clause).words.as_slice() {
            [preposition, pointer, .., thing] => {
                super::words::SCOPING_PREPOSITIONS.contains(&preposition.as_str())
                    && (DEMONSTRATIVES.contains(&pointer.as_str())
                        || matches!(pointer.as_str(), "this" | "that"))
                    && ![ABOUT_THE_WORK, SERIES_WORDS, REVISION_NOUNS]
                        .iter()
                        .any(|list| list.contains(&thing.as_str()))
            }
            _ => false,
        };
        if scopes {
            return None;
        }
        let rest = super::capitalised(rest);
        let read = Sentence::read(&rest);
        let stands = read.stands_alone() || read.is_clean_order();
        (stands && rest.split_whitespace().count() >= 4).then_some(rest)
    }

    /// The sentence without a closing purpose or clause that only points
    /// back ("Provide X for both settings to fix the boot problems." ->
    /// "Provide X for both settings."; "to do this"; "X misses spikes, and
    /// Y is otherwise perfect for this use-case." -> "X misses spikes."),
    /// where what is left stands alone or is an order that wants only its
    /// subject.
    pub fn without_its_purpose(&self) -> Option<String> {
        self.without_a_closing_purpose()
            .or_else(|| self.without_a_closing_clause())
    }

    /// "X misses spikes, and Y is perfect for this use-case." -> "X misses
    /// spikes.": a clause after ", and" or ", but" that points back.
    fn without_a_closing_clause(&self) -> Option<String> {
        let at = [", and ", ", but "]
            .iter()
            .filter_map(|c| self.text.rfind(c))
            .max()?;
        let (_, clause) = self.text[at + 2..].split_once(' ')?;
        if !self.points_back() || !Sentence::read(clause).points_back() {
            return None;
        }
        let head = format!("{}.", &self.text[..at]);
        let read = Sentence::read(&head);
        let stands = !read.points_back() && (read.stands_alone() || read.is_clean_order());
        (stands && head.split_whitespace().count() >= 6).then_some(head)
    }

    fn without_a_closing_purpose(&self) -> Option<String> {
        let at = self.text.rfind(" to ")?;
        let purpose = &self.text[at + 1..];
        let verb = purpose.split_whitespace().nth(1)?.to_lowercase();
        // "tries to reduce", "is able to", "helps vendors to support", "what
        // to expect": the verb's own "to", no purpose.
        let before = self.text[..at].rsplit(' ').next().unwrap_or("");
        if !PURPOSES_POINTING_BACK.contains(&verb.as_str())
            || purpose.split_whitespace().count() > 6
            || lexicon::verb_of(before).is_some()
            || matches!(before.to_lowercase().as_str(), "able" | "unable" | "order")
            || SUBORDINATORS.contains(&before.to_lowercase().as_str())
        {
            return None;
        }
        let head = format!("{}.", self.text[..at].trim_end_matches(','));
        let read = Sentence::read(&head);
        if read.words.iter().any(|w| {
            lexicon::verb_of(w).is_some_and(|(base, _)| TAKE_AN_INFINITIVE.contains(&base))
        }) || !self.points_back()
            || read.points_back()
            || !Sentence::read(purpose).points_back()
        {
            return None;
        }
        let stands = read.stands_alone() || read.is_clean_order();
        (stands && head.split_whitespace().count() >= 4).then_some(head)
    }

    /// "such sequences" (not "such as", "such that").
    fn has_such(&self) -> bool {
        self.words
            .windows(2)
            .any(|w| w[0] == "such" && !matches!(w[1].as_str(), "as" | "that" | "a" | "an"))
    }

    /// Whose voice the sentence is in.
    pub fn person(&self) -> Person {
        let first_person = self.words.iter().any(|w| {
            FIRST_PERSON.contains(&w.as_str()) && !(w == "us" && self.text.contains("US"))
        });
        if !first_person {
            return Person::None;
        }
        if self.author_speaks() || self.names_in_the_first_person() {
            return Person::Author;
        }
        Person::Other
    }

    /// Whether the sentence tells the work under `title`: the work or its
    /// author speaking ("This series adds", "We propose"), an order, an
    /// action ("... introduces X"), the title's thing as the subject
    /// ("Control-flow Enforcement is a processor feature that ..."), or
    /// what the work answers ("Currently every queue waits", "It was found
    /// that X may leak"). Not how things stand around it ("All I/O
    /// submissions have similar latencies"), which a series' patches'
    /// titles say more than. ("Currently" is also background when
    /// sentences are scored: how things are is kept here, over titles,
    /// not chosen first there.)
    pub fn tells_the_work(&self, title: &str) -> bool {
        if self.has_any(MOTIVATIONS) || self.words.iter().any(|w| names_a_harm(w)) {
            return true;
        }
        if self.series_opening()
            || self.work_speaks()
            || self.is_imperative()
            || self.person() == Person::Author
            || SUBJECTS_OF_CHANGE.iter().any(|o| self.lower.contains(o))
            || ACTIONS.iter().any(|a| self.lower.contains(a))
        {
            return true;
        }
        // The subject: the words before the first finite verb ("created
        // with X will create": a participle, then the verb).
        let verb = self
            .words
            .iter()
            .position(|w| {
                FINITE_VERBS.contains(&w.as_str())
                    || matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Third)))
            })
            .unwrap_or(self.words.len());
        let own = super::content_words(title);
        let stems: Vec<String> = own.iter().map(|w| super::stem(w)).collect();
        self.words[..verb]
            .iter()
            .flat_map(|w| w.split(|c: char| !c.is_alphanumeric() && c != '_'))
            .any(|w| {
                stems.contains(&super::stem(w))
                    // "virt_to_bus" in "CONFIG_VIRT_TO_BUS".
                    || w.len() >= 5 && w.contains('_') && own.iter().any(|t| t.contains(w))
            })
    }

    /// "This is the RFC for X", "It is an RFC": the work called a request
    /// for comments, which a posting that is none has outgrown ("This RFC
    /// adds X" names the work, and is said as the revision's; "the RFC
    /// 8985 RACK-TLP" is the IETF's).
    pub fn calls_the_work_an_rfc(&self) -> bool {
        // "This is", "It is", "This series is": the work, then its verb.
        let called = |at: usize| {
            self.words.get(at).is_some_and(|w| w == "is")
                && self
                    .words
                    .get(at + 1)
                    .is_some_and(|w| matches!(w.as_str(), "the" | "an" | "a"))
                && self.words.get(at + 2).is_some_and(|w| w == "rfc")
        };
        let the_work = matches!(self.first_word(), "this" | "it")
            && (called(1)
                || self
                    .words
                    .get(1)
                    .is_some_and(|w| SERIES_WORDS.contains(&w.as_str()))
                    && called(2));
        the_work
            && !self
                .words
                .windows(2)
                .any(|w| w[0] == "rfc" && w[1].starts_with(|c: char| c.is_ascii_digit()))
    }

    /// "I have removed X", "We added Y": the author telling work done,
    /// which in a later version is what changed since the last one; the
    /// words after the verb ("I've ported KASAN to radix": "kasan", "to",
    /// "radix") say whether it is the work itself.
    pub fn work_done_on(&self) -> Option<&[String]> {
        self.author_voice()
            .filter(|voice| voice.done)
            .map(|voice| &self.words[voice.object..])
    }

    /// "moves X into what I call the storage layer": the only first person
    /// is the author naming a thing, as certainly the author as "I add".
    fn names_in_the_first_person(&self) -> bool {
        let mut named = false;
        for (i, w) in self.words.iter().enumerate() {
            if !FIRST_PERSON.contains(&w.as_str()) {
                continue;
            }
            let before = i.checked_sub(1).map(|b| self.words[b].as_str());
            let after = self.words.get(i + 1).map(String::as_str);
            if w == "i" && before == Some("what") && after == Some("call") {
                named = true;
            } else {
                return false;
            }
        }
        named
    }

    /// "every tiering policy we have treats it": the only first person is
    /// a clause that can go.
    pub fn first_person_is_a_clause(&self) -> bool {
        let without = super::rules::drop_possessive_clause(self.text);
        without != self.text && Sentence::read(&without).person() == Person::None
    }

    /// "I/We <authoring verb>" at the start (after "In this series," or
    /// another opening phrase without a first person: "On behalf of the
    /// team, I would like to"), in any tense ("I'm proposing", "We have
    /// added"), and no other first person but "our"/"my" before the
    /// series' own noun.
    fn author_speaks(&self) -> bool {
        self.author_voice().is_some()
    }

    /// How the author speaks, where they do (as [`Sentence::author_speaks`]
    /// reads).
    fn author_voice(&self) -> Option<Voice> {
        let mut words = self.words.iter().map(String::as_str).peekable();
        let mut after_opening = false;
        // "In this series, we propose".
        let lead: Vec<&str> = self.words.iter().take(3).map(String::as_str).collect();
        if lead.first() == Some(&"in")
            && lead.get(1).is_some_and(|w| matches!(*w, "this" | "the"))
            && lead.get(2).is_some_and(|w| SERIES_WORDS.contains(w))
        {
            words.nth(2);
        } else if let Some(opening) = self.opening_before_the_first_person() {
            for _ in 0..opening {
                words.next();
            }
            after_opening = true;
        }
        let pronoun = words.next()?;
        // The pronoun, the auxiliary it carries, and its verb.
        let (aux, verb) = match pronoun {
            "i" | "we" => match words.next().unwrap_or("") {
                aux @ ("have" | "am" | "are" | "will" | "would") => {
                    (Some(aux), words.next().unwrap_or(""))
                }
                verb => (None, verb),
            },
            "i'm" | "we're" => (Some("am"), words.next().unwrap_or("")),
            "i've" | "we've" => (Some("have"), words.next().unwrap_or("")),
            "i'll" | "we'll" => (Some("will"), words.next().unwrap_or("")),
            "i'd" | "we'd" => (Some("would"), words.next().unwrap_or("")),
            _ => return None,
        };
        let base = |verb: &str| lexicon::verb_of(verb).map(|(base, _)| base);
        let authoring = |verb: &str| {
            AUTHORING_VERBS.contains(&verb)
                || base(verb).is_some_and(|b| AUTHORING_VERBS.contains(&b))
        };
        let proposes = |verb: &str| base(verb).is_some_and(|b| PROPOSING_VERBS.contains(&b));
        let proposing = match aux {
            // "I would like to propose", "I will present"; not "I would add
            // it to my tree", "I will convert the rest after the merge".
            Some("would" | "will") => {
                proposes(verb)
                    || matches!(verb, "like" | "love" | "prefer")
                        && words.next() == Some("to")
                        && words.next().is_some_and(proposes)
            }
            _ => proposes(verb),
        };
        let speaks = match aux {
            Some("would" | "will") => proposing,
            // "We have added", "I'm proposing"; not "I have tried".
            Some(_) => proposing || base(verb).is_some_and(|b| WORK_DOING_VERBS.contains(&b)),
            None => authoring(verb),
        };
        // After "On behalf of the team,", the author proposes; after "In
        // Fedora CoreOS,", "we found" is whoever runs it. "I" is the
        // author after any opening ("Building on X's work, I've ported").
        let singular = pronoun == "i" || pronoun.starts_with("i'");
        if !speaks || after_opening && !proposing && !singular {
            return None;
        }
        // The rest holds no first person but "our/my <series word>".
        let rest: Vec<&str> = words.collect();
        let alone = rest.iter().enumerate().all(|(i, w)| {
            !FIRST_PERSON.contains(w)
                || matches!(*w, "our" | "my")
                    && rest.get(i + 1).is_some_and(|n| SERIES_WORDS.contains(n))
                // "and we add": the author again; "and we can control X"
                // is whoever uses the change.
                || (*w == "we" || *w == "i")
                    && i > 0
                    && rest[i - 1] == "and"
                    && rest.get(i + 1).is_some_and(|v| authoring(v))
        });
        // "We have added X", "I removed Y".
        let done = aux == Some("have")
            || aux.is_none() && matches!(lexicon::verb_of(verb), Some((_, lexicon::Form::Past)));
        let object = self.words.len() - rest.len();
        let tells_what_it_is = proposing || base(verb) == Some("port");
        alone.then_some(Voice {
            tells_what_it_is,
            done,
            object,
        })
    }

    /// How many words an opening phrase before the first-person subject
    /// has ("On behalf of the team, I", "Building on the work of Jane,
    /// Joe and Bob, I"): at most [`OPENING_PHRASE_WORDS`], without a first
    /// person of its own, and ending at a comma.
    fn opening_before_the_first_person(&self) -> Option<usize> {
        let mut rest = self.text;
        let mut before = 0;
        while let Some((opening, after)) = split_clause(rest) {
            before += words_outside_quotes(opening).len();
            if before > OPENING_PHRASE_WORDS
                || self.words[..before.min(self.words.len())]
                    .iter()
                    .any(|w| FIRST_PERSON.contains(&w.as_str()))
            {
                return None;
            }
            if self
                .words
                .get(before)
                .is_some_and(|w| FIRST_PERSON_SUBJECTS.contains(&w.as_str()))
            {
                return Some(before);
            }
            rest = after;
        }
        None
    }

    /// "What does it mean to ...": a question, whatever ends it.
    fn asks(&self) -> bool {
        matches!(
            self.first_word(),
            "what" | "why" | "how" | "should" | "shall" | "which"
        ) && self.words.get(1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "does" | "do" | "did" | "is" | "are" | "can" | "could" | "should" | "would"
            )
        })
    }

    /// "Patch #4 restricts ...", "Patches [2/3] and [3/3] are not kernel
    /// patches", "... skips the kernel thread in patch 1", "The last 2
    /// patches are cleanups": the series' own patches by number or
    /// place, which is how the series is put together, not what it is.
    fn is_about_one_patch(&self) -> bool {
        // "patch 3", "[2/3]", "commit 24"; not a commit's hash.
        let numbered = |w: &str| {
            let w = w.trim_start_matches(['#', '[', '(']);
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.trim_end_matches(|c: char| !c.is_alphanumeric()).len() <= 5
        };
        let words: Vec<&str> = self.text.split_whitespace().collect();
        words.iter().enumerate().any(|(i, w)| {
            let patch = matches!(
                w.to_lowercase()
                    .trim_end_matches(|c: char| !c.is_alphanumeric()),
                // "Commit 24 enables ...": a patch by its number.
                "patch" | "patches" | "commit"
            );
            let before = |n: usize| i.checked_sub(n).map(|j| words[j].to_lowercase());
            // "The first patch", "the second patch".
            let place = |w: &str| {
                matches!(w, "first" | "last" | "other" | "remaining") || ORDINAL_WORDS.contains(&w)
            };
            let count = |w: &str| numbered(w) || NUMBER_WORDS.contains(&w);
            patch
                && (words.get(i + 1).is_some_and(|n| numbered(n))
                    || before(1).is_some_and(|b| place(&b))
                    || before(1).is_some_and(|b| count(&b)) && before(2).is_some_and(|b| place(&b)))
        })
    }

    /// "can be found in following link", "please see ...".
    pub fn is_pointer(&self) -> bool {
        self.has_any(POINTERS)
            || self.lower.contains("http")
            || self.lower.contains("://")
            || self
                .text
                .split_whitespace()
                .any(|w| w.contains('@') && w.contains('.'))
    }

    /// The author's aside or the process: "isn't terribly interesting",
    /// "Note that ...", "comments are welcome".
    pub fn is_aside(&self) -> bool {
        self.has_any(ASIDE_PHRASES)
            // "I'm proposing X" and "I've ported X" are the author saying
            // what the work is; "I have tried ...", "I have added a test"
            // the story of it.
            || self.opens_with_any(ASIDES)
                && !self.author_voice().is_some_and(|v| v.tells_what_it_is)
            || self.text.ends_with('?')
            || self.asks()
            || self.is_about_one_patch()
            // "you can see a snapshot here": the mail speaks to its reader.
            || self.words.iter().enumerate().any(|(i, w)| {
                matches!(w.as_str(), "you" | "your" | "you're" | "you'll" | "you've")
                    // "This allows you to set X" describes the change.
                    && !(i > 0
                        && matches!(
                            self.words[i - 1].as_str(),
                            "allows" | "allow" | "lets" | "let" | "enables" | "enable" | "helps"
                        ))
            })
    }

    /// A changelog's line: "No changes comparing to 5.14", "v2: rebased".
    pub fn is_changelog(&self) -> bool {
        CHANGELOG.is_match(self.text)
            || self.has_any(CHANGELOG_PHRASES)
            || self.ends_with_credit()
            || self.has_any(POSTINGS) && !self.is_a_lead()
    }

    /// "Jane posted ...", "Jane proposes ...": an editor's lead opens
    /// with a first name and its verb.
    fn is_a_lead(&self) -> bool {
        let mut words = self.text.split_whitespace();
        words.next().is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !PRONOUN_OPENINGS.contains(&w.to_lowercase().as_str())
        }) && words.next().is_some_and(|w| LEAD_VERBS.contains(&w))
    }

    /// "... PF_KTHREAD set already (Prateek).": a changelog item thanks
    /// whoever asked for the change with their name in parentheses.
    fn ends_with_credit(&self) -> bool {
        let text = self.text.trim_end_matches('.');
        let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) else {
            return false;
        };
        let name = &text[open + 1..text.len() - 1];
        let mut chars = name.chars();
        name.len() >= 3
            && chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && chars.all(|c| c.is_ascii_lowercase())
    }

    /// "Compile-tested on various architectures."
    pub fn is_test_report(&self) -> bool {
        self.has_any(TEST_REPORT_PHRASES)
            || self.has_any(TEST_THINGS) && !(self.series_opening() || self.work_speaks())
            || self.has_any(TEST_NAMES)
                && self.words.iter().any(|w| TEST_RUNS.contains(&w.as_str()))
            || self.reports_measurements()
    }

    /// "With accounting disabled, the run time was 2.848s with small
    /// objects and 2.890s with big ones": figures measured, in the past;
    /// or three figures whatever the tense ("cuts misses by 30x (5,800 ->
    /// 2,100) and cycles by 0.5%"): a benchmark's results.
    fn reports_measurements(&self) -> bool {
        let tokens: Vec<String> = self
            .text
            .split_whitespace()
            .map(|t| {
                t.trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | ';' | '~'))
                    .to_lowercase()
            })
            .collect();
        let is_number = |t: &str| {
            t.starts_with(|c: char| c.is_ascii_digit())
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        };
        let figures = tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                let digits = t.trim_end_matches(|c: char| !c.is_ascii_digit());
                let unit = &t[digits.len()..];
                let next = tokens.get(i + 1).map_or("", String::as_str);
                is_number(digits)
                    && (UNITS.contains(&unit)
                        // "5,800 -> 2,100": a figure before and after.
                        || unit.is_empty() && (UNITS.contains(&next) || next == "->"))
            })
            .count();
        // "the run time was 2.848s": one figure measured is a run's result.
        let measured = self
            .words
            .iter()
            .any(|w| matches!(w.as_str(), "was" | "were" | "took" | "measured" | "got"));
        // "by 30x", "59,800 -> 2,100", "faster than": figures compared;
        // "supports 4KB, 16KB and 64KB pages" lists sizes.
        let compared = self.text.contains("->")
            || self
                .words
                .iter()
                .any(|w| matches!(w.as_str(), "than" | "faster" | "slower"))
            // "by 30x", "from 59,800": a figure changed.
            || tokens.windows(2).any(|pair| {
                matches!(pair[0].as_str(), "by" | "from")
                    && pair[1].starts_with(|c: char| c.is_ascii_digit())
            });
        figures >= 3 && (compared || measured)
            || figures >= 2 && measured
            || figures == 1 && measured && self.times_a_run()
    }

    /// "the run time was", "took 3 hours", "the latency was": what a
    /// benchmark reports.
    fn times_a_run(&self) -> bool {
        self.words.iter().any(|w| {
            matches!(
                w.as_str(),
                "time" | "runtime" | "latency" | "throughput" | "took" | "bandwidth"
            )
        })
    }

    /// What markup or a cut left: "# The solution:", "*Motivation*",
    /// "pages.. In", "module;.".
    pub fn has_markup(&self) -> bool {
        let text = self.text;
        text.starts_with(['#', '*', '=', '|', '<', '>', '[', '@', '$'])
            // "Step 4: Repeat ...", "Links detected: no": a label, not a
            // sentence's subject.
            || text.split_whitespace().take(3).any(|w| w.ends_with(':'))
            || text.split_whitespace().next().is_some_and(|w| {
                // "pi_offset:" labels, "6.", "1/" and "(10)" number a list,
                // "Css_get" is an identifier a sentence's capital broke.
                w.ends_with(':')
                    || w.ends_with(['.', ')', '/'])
                        && w.trim_start_matches('(')
                            .trim_end_matches(['.', ')', '/'])
                            .bytes()
                            .all(|b| b.is_ascii_digit())
                        && w.starts_with(|c: char| c == '(' || c.is_ascii_digit())
                    // ("SPARSEMEM_VMEMMAP", all capitals, is a name as written.)
                    || w.contains('_')
                        && w.starts_with(char::is_uppercase)
                        && w.chars().nth(1).is_some_and(char::is_lowercase)
            })
            // "Memory: 192 kB Slab: 9876 kB": labels and figures.
            || text.matches(": ").count() >= 2
            || text.contains(": - ")
            || text.contains(": * ")
            || text.contains("..") && !text.contains("...")
            || [";.", ":.", ",.", "**", "==", "(see)", " |"]
                .iter()
                .any(|m| text.contains(m))
            || text.trim_end().ends_with(':')
            // "------ Original announcement ------": a rule drawn in text.
            || text.contains("---")
            || text.contains("===")
            // A quote opened and never closed, or closed and never opened.
            || text.matches('"').count() % 2 == 1
            // "s/group_oom_kill/oom_group_kill/g": an editor's command.
            || SED_SUBSTITUTION.is_match(text)
    }

    /// Whether the sentence only says again what `title` says: its words
    /// of substance, by stem, are the title's, less a few. An expansion of
    /// a title's word ("XIP (eXecute In Place)") says nothing new, nor
    /// does a verb that only brings its object ("introduces") where the
    /// title's verb does too ("enable").
    pub fn repeats(&self, title: &str) -> bool {
        // "GENERIC_PTDUMP" in a title is "generic PTDUMP" in a sentence:
        // its parts, in a row.
        let mut text = self.text.to_lowercase();
        for identifier in title
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
            .filter(|w| w.contains('_'))
        {
            let identifier = identifier.to_lowercase();
            let said = identifier
                .split('_')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if said.contains(' ') {
                text = text.replace(&said, &identifier);
            }
        }
        let title = super::content_stems(title);
        if title.is_empty() {
            return false;
        }
        let bringing: Vec<String> = BRINGING_VERBS.iter().map(|v| super::stem(v)).collect();
        // "introduces X" says "enable X" again, not "address X".
        let title_brings = title.iter().any(|w| bringing.contains(w));
        // "This patch series aims to": the work naming itself says nothing.
        let own: Vec<String> = content_words(&without_expansions(&text, &title))
            .into_iter()
            .filter(|w| {
                !SERIES_WORDS.contains(&w.as_str()) && !matches!(w.as_str(), "aims" | "tries")
            })
            // "has been done": auxiliaries say nothing either.
            .filter(|w| !matches!(lexicon::verb_of(w), Some(("be" | "have" | "do", _))))
            .map(|w| super::stem(&w))
            .filter(|w| !(title_brings && bringing.contains(w)))
            .collect();
        let new = own.iter().filter(|w| !title.contains(w)).count();
        let shared = own.len() - new;
        !own.is_empty() && (new <= 2 && shared >= title.len().min(3) || new <= 1 && shared >= 2)
    }

    /// "After the administrator enables it for a cgroup, balancing for that
    /// cgroup is enabled": a sentence opening with its condition, whose main
    /// clause says nothing that clause and the title (`title`'s content
    /// stems) have not.
    ///
    /// The condition must say again what the main clause does ("enables"
    /// ... "is enabled"): "Since the frob lock is contended, the frob lock
    /// is converted to RCU" gives a reason and the title's work.
    pub fn says_only_its_condition(&self, title: &[String]) -> bool {
        if !matches!(
            self.first_word(),
            "after" | "when" | "whenever" | "if" | "once" | "since" | "because"
        ) {
            return false;
        }
        let Some((condition, main)) = split_clause(self.text) else {
            return false;
        };
        let said = super::content_stems(condition);
        let main = super::content_stems(main);
        main.len() >= 2
            && main.iter().all(|w| said.contains(w) || title.contains(w))
            && main.iter().any(|w| said.contains(w) && !title.contains(w))
    }

    /// Whether the sentence names most of a title's content, by its
    /// content stems (`title`, from [`super::content_stems`]): "adds
    /// support for building the kernel with Clang's LTO" under "Add support
    /// for Clang LTO", two thirds of it at least, where the title names two
    /// things or more.
    pub fn says_most_of(&self, title: &[String]) -> bool {
        let own = super::content_stems(self.text);
        let shared = title.iter().filter(|w| own.contains(w)).count();
        title.len() >= 2 && 3 * shared >= 2 * title.len()
    }

    /// No pointer elsewhere, aside, changelog, test report or markup, and
    /// the first person only where it is certainly the author.
    /// "There is no user of foo(), remove it.": a sentence, a comma, and
    /// an order, as commit messages run on.
    pub fn splices_an_order(&self) -> bool {
        // "Instead of X, use Y": one order after its clause.
        if CLAUSE_OPENERS.contains(&self.first_word()) && self.is_imperative() {
            return false;
        }
        self.text.split(", ").skip(1).any(|part| {
            let part = part.strip_prefix("so ").unwrap_or(part);
            // ", like it already does in X": a preposition, no order.
            let first = part.split(' ').next().unwrap_or("");
            part.starts_with(char::is_lowercase)
                && !PREPOSITIONS.contains(&first)
                && !SUBORDINATORS.contains(&first)
                && Sentence::read(part).is_imperative()
        })
    }

    /// "There is no user of foo(), remove it.": a clause that stands and
    /// one order after its comma, which wants only its subject.
    pub fn splices_a_clean_order(&self) -> bool {
        self.clean_spliced_order().is_some()
    }

    /// The clause that stands and the order after its comma (less a "so"),
    /// of a sentence that [`Sentence::splices_a_clean_order`].
    pub fn clean_spliced_order(&self) -> Option<(&'a str, &'a str)> {
        let (head, order) = split_clause(self.text)?;
        let order = order.strip_prefix("so ").unwrap_or(order);
        let head_read = format!("{head}.");
        let head_read = Sentence::read(&head_read);
        let order_read = Sentence::read(order);
        (self.splices_an_order()
            && head_read.stands_alone()
            && order_read.is_imperative()
            && !order_read.splices_an_order()
            // "..., see hctx_may_queue()": a pointer, no order to the work.
            && !order_read.is_pointer()
            && !order_read.has_any(POINTERS))
        .then_some((head, order))
    }

    pub fn is_clean(&self) -> bool {
        !self.is_fragment()
            && !self.splices_an_order()
            && (self.person() != Person::Other || self.first_person_is_a_clause())
            && !self.is_pointer()
            && !self.is_aside()
            && !self.is_changelog()
            && !self.is_test_report()
            && !self.has_markup()
    }

    /// Whether the sentence stands alone once its opening connective goes
    /// ("Otherwise userland has to ..." -> "Userland has to ...").
    pub fn stands_without_its_connective(&self) -> bool {
        // "Also expose X": what it adds to is the work, said elsewhere.
        self.leans_by_connective()
            && !self
                .opening_connective()
                .is_some_and(|c| ADDITIVES.contains(&c))
            && super::rules::strip_connective(self.text, "patchset").is_some_and(|rest| {
                let rest = Sentence::read(&rest);
                // "Hence convert X to Y": an order that gets its subject.
                rest.stands_alone() || rest.is_clean_order()
            })
    }

    /// "Add a knob for X.": a commit message's order, clean and pointing
    /// nowhere, which wants only its subject to stand.
    pub fn is_clean_order(&self) -> bool {
        self.is_imperative() && self.is_clean() && !self.points_back()
    }

    /// A sentence an editor can print alone: clean, with a subject of its
    /// own, and no pointer back.
    pub fn stands_alone(&self) -> bool {
        self.is_clean()
            && !self.is_imperative()
            && !self.points_back()
            && !self.opens_with_pronoun()
            && !self.adds_to_something()
    }

    /// "The patchset also adds tests": what it adds to is elsewhere.
    pub fn adds_to_something(&self) -> bool {
        ADDITIVES.iter().any(|p| match *p {
            "as well" => adds_as_well(&self.lower),
            "also" => adds_also(&self.words),
            _ => {
                has_phrase(&self.lower, p)
                    && !(*p == "in addition" && names_what_it_adds_to(&self.lower))
            }
        })
    }

    /// A sentence that can follow the one before it in the mail: clean,
    /// with a subject; a pronoun may name what that one said, but nothing
    /// else may point back.
    pub fn follows_on(&self) -> bool {
        self.is_clean()
            && !self.is_imperative()
            && !(self.opening_connective().is_some()
                || self.has_a_back_pointer()
                || self.has_such()
                || self.has_bare_this()
                || self.opens_with_any(OPENING_POINTERS)
                || self.opens_with_any(DEMONSTRATIVES))
    }

    fn opens_with_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| {
            self.lower.starts_with(p)
                && self.lower[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() || !p.ends_with(char::is_alphanumeric))
        })
    }

    /// A phrase of [`BACK_POINTERS`]; "above" and "below" only where they
    /// point in the text ("as shown below"), not where they place code
    /// ("the code below btrfs_submit_bio", "above the block layer");
    /// "instead" before its verb, not "instead of X" or "uses X instead".
    fn has_a_back_pointer(&self) -> bool {
        BACK_POINTERS.iter().any(|p| match *p {
            "as well" => adds_as_well(&self.lower),
            "above" | "below" => {
                let tokens: Vec<&str> = self.text.split_whitespace().collect();
                tokens.iter().enumerate().any(|(i, token)| {
                    let word = token.trim_end_matches(['.', ',', ';', ':', ')']);
                    let next = tokens.get(i + 1).copied().unwrap_or("");
                    // An identifier, a figure or an article follows.
                    let places = next.contains(['_', '('])
                        || next.starts_with(|c: char| c.is_ascii_digit())
                        || matches!(next.to_lowercase().as_str(), "the" | "a" | "an");
                    word.eq_ignore_ascii_case(p) && (word.len() < token.len() || !places)
                })
            }
            // "This series instead annotates X": the adverb before its verb.
            "instead" => self.words.windows(2).any(|w| {
                w[0] == "instead"
                    && matches!(
                        lexicon::verb_of(&w[1]),
                        Some((_, lexicon::Form::Third | lexicon::Form::Past))
                    )
            }),
            _ => has_phrase(&self.lower, p),
        })
    }

    /// Whether any phrase occurs as whole words.
    fn has_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| has_phrase(&self.lower, p))
    }
}

/// "In addition to performance, X", "In addition to the existing
/// tracepoints, X": "in addition" to a thing the sentence names, not to one
/// before it ("In addition to this", "to the above", "to previous fixes",
/// "to the cleanup": "the" and a noun alone name a thing told before).
fn names_what_it_adds_to(lower: &str) -> bool {
    let mut named = lower.match_indices("in addition to ").peekable();
    named.peek().is_some()
        && named.all(|(at, p)| {
            let mut after = lower[at + p.len()..].split([' ', ',']);
            match after.next().unwrap_or("") {
                // "the existing tracepoints", "the frob_lock() callers".
                "the" => after.next().is_some_and(|next| {
                    super::words::CONTRASTING_ADJECTIVES.contains(&next)
                        || next.contains(['_', '(', '/'])
                }),
                next => {
                    !(next.is_empty()
                        || PRONOUN_OPENINGS.contains(&next)
                        || DEMONSTRATIVES.contains(&next)
                        || super::words::POINTING_ADJECTIVES.contains(&next))
                }
            }
        })
}

/// The text before and after its first comma outside brackets: an opening
/// clause and the rest ("Instead of duplicating X in all callers (buffered
/// I/O, direct I/O), the work is done once").
pub fn split_clause(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0u32;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 && text[at + 1..].starts_with(' ') => {
                return Some((&text[..at], &text[at + 2..]));
            }
            _ => {}
        }
    }
    // A bracket never closed ("(see patch 3, the flag ..."): the first comma.
    text.split_once(", ")
}

/// "v6", "V12": a word that names a series' revision.
pub fn is_revision_word(word: &str) -> bool {
    word.len() > 1 && word.starts_with(['v', 'V']) && word[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A verb's finite form, as a subject's verb is written: "is", "adds",
/// "added" (a plural noun may read as one: "adds" and "pages" alike).
pub(crate) fn is_finite(word: &str) -> bool {
    FINITE_VERBS.contains(&word)
        || matches!(
            lexicon::verb_of(word),
            Some((_, lexicon::Form::Third | lexicon::Form::Past))
        )
}

/// A harm by its whole word and forms ("leaks", "crashed"), not
/// "crashkernel" or "panic_on_warn".
fn names_a_harm(word: &str) -> bool {
    HARMS.iter().any(|h| {
        word.strip_prefix(h)
            .is_some_and(|rest| matches!(rest, "" | "s" | "es" | "ed" | "ing" | "ion"))
    })
}

/// An opening clause that credits says so in this many words at most.
const CREDIT_WORDS_AT_MOST: usize = 8;

/// The noun a token writes, lower case and without the punctuation that
/// ends a clause: "flags," -> "flags".
pub(crate) fn noun_of(token: &str) -> String {
    token
        .trim_end_matches([',', '.', ';', ':', ')'])
        .to_lowercase()
}

/// Whether two words name the same thing: "flag" and "flags".
pub(crate) fn same_noun(a: &str, b: &str) -> bool {
    a.len() > 2 && (a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a))
}

/// "It aims to X" or "This is a rework of X" -> "This series aims to X",
/// "This series is a rework of X": what the first sentence of a cover
/// letter calls the series. An "it" that stands for nothing ("It is hard
/// to follow X", "It seems that X", "It has been a year") stays.
pub fn the_series_speaking(sentence: &str) -> String {
    if let Some(said) = the_version_introduced(sentence) {
        return said;
    }
    let mut words = sentence.splitn(3, ' ');
    let (Some(pronoun), Some(verb), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return sentence.to_string();
    };
    let verb_form = lexicon::verb_of(verb).map(|(_, form)| form);
    let next = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    let names_a_thing = matches!(
        next.as_str(),
        "a" | "an" | "the" | "one" | "another" | "several" | "some"
    ) || NUMBER_WORDS.contains(&next.as_str());
    if matches!(pronoun, "It" | "This")
        && (matches!(verb, "is" | "has") && names_a_thing
            || verb_form == Some(lexicon::Form::Third)
                && !matches!(verb, "is" | "has" | "does")
                && !is_expletive_verb(verb)
                // "This patches would like to": a plural noun, its verb after.
                && !FINITE_VERBS.contains(&next.as_str()))
    {
        format!("This series {verb} {rest}")
    } else {
        sentence.to_string()
    }
}

/// "This series introduces X, this setting acts as Y" -> "This series
/// introduces X." and "This setting acts as Y.": a comma splice whose
/// first clause is a sentence of its own, cut where a pronoun or "this"
/// opens the second with its verb. Any other sentence comes back whole.
pub fn split_comma_splice(sentence: &str) -> Vec<String> {
    let whole = || vec![sentence.to_string()];
    let opener = sentence.split(' ').next().unwrap_or("").to_lowercase();
    if SUBORDINATORS.contains(&opener.as_str()) || CLAUSE_OPENERS.contains(&opener.as_str()) {
        return whole();
    }
    for (at, _) in sentence.match_indices(", ") {
        let (head, tail) = (&sentence[..at], &sentence[at + 2..]);
        let words: Vec<&str> = tail.split(' ').take(4).collect();
        let verb_at = match words.first().copied() {
            Some("it" | "they") => 1,
            Some("this" | "these") => 2,
            _ => continue,
        };
        let finite = words.get(verb_at).is_some_and(|w| {
            FINITE_VERBS.contains(w)
                || matches!(lexicon::verb_of(w), Some((_, lexicon::Form::Third)))
        });
        if !finite || head.split(' ').count() < 4 || tail.split(' ').count() < 4 {
            continue;
        }
        let head = format!("{head}.");
        if !Sentence::read(&head).stands_alone() {
            return whole();
        }
        return vec![head, super::capitalised(tail)];
    }
    whole()
}

/// "this series adds X", "currently X", "we propose X" -> "This series
/// adds X", ...: a sentence whose first word is English in lower case (a
/// determiner, a pronoun, an adverb in -ly), as a mail's first sentence
/// is after its greeting line ("Hi all,"); a name written in lower case
/// (`kmemdump is X`) stays.
pub fn with_its_capital(sentence: &str) -> String {
    let first = sentence.split(' ').next().unwrap_or("");
    let english = DETERMINERS.contains(&first)
        || PRONOUN_OPENINGS.contains(&first)
        || FIRST_PERSON_SUBJECTS.contains(&first)
        || first.bytes().all(|b| b.is_ascii_lowercase()) && is_order_adverb(first);
    if english {
        super::capitalised(sentence)
    } else {
        sentence.to_string()
    }
}

/// "Commit 16f5dfbc851b (\"gfp: ...\") made X" -> "An earlier commit made
/// X": as news tells of a commit; its id and title are the mail's
/// reference, read in its link. `None` where the sentence names none.
pub fn commits_said_plainly(sentence: &str) -> Option<String> {
    let cited: Vec<regex::Match> = COMMIT_CITED.find_iter(sentence).collect();
    // "Commit X and commit Y made ...": two would read as one said twice.
    let [one] = cited.as_slice() else {
        return None;
    };
    let before = sentence[..one.start()].split_whitespace().next_back();
    if before.is_some_and(|w| COMMIT_QUALIFIERS.contains(&w.to_lowercase().as_str())) {
        return None;
    }
    // "Since commit X (\"...\"), the hook is gone": a clause that only
    // says when, by a commit no reader sees, goes ("Since an earlier
    // commit" points at one unsaid).
    let opener = sentence[..one.start()].trim();
    if matches!(opener, "Since" | "After")
        && let Some(rest) = sentence[one.end()..].strip_prefix(", ")
    {
        return Some(super::capitalised(rest));
    }
    // "Since commit X (\"...\"), The hook ...": a capital left after the
    // reference's comma.
    let sentence = match sentence[one.end()..].strip_prefix(", The ") {
        Some(rest) => format!("{}, the {rest}", &sentence[..one.end()]),
        None => sentence.to_string(),
    };
    let sentence = sentence.as_str();
    let said = COMMIT_CITED.replace_all(sentence, |found: &regex::Captures| {
        match found.get(0).map_or(0, |m| m.start()) {
            0 => super::capitalised(AN_EARLIER_COMMIT),
            _ => AN_EARLIER_COMMIT.to_string(),
        }
    });
    Some(said.into_owned())
}

/// "Fix this by adding X", "This patch fixes the problem by moving X",
/// "We avoid it by taking Y": what is fixed points back, how it is fixed
/// says what the work does.
static FIX_BY_MEANS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<subject>(?:(?:This|The)\ (?:patch|patchset|series|commit|change)|I|We|Let's)\ )?
        (?P<attempt>(?i:attempts?|tries|try|aims?)\ to\ )?
        (?P<fix>(?i:fix|fixes|address|addresses|solve|solves|resolve|resolves|avoid|avoids|handle|handles|mitigate|mitigates))
        (?:\ (?:this|it|that|them)
          |\ (?:the|this|these)\ (?:issues?|problems?|bugs?|races?|deadlocks?|warnings?|crash|crashes|regression|leak))?
        \ by\ (?P<means>[a-z]+ing)(?P<rest>(?:\ .+|\.)?)$",
    )
    .unwrap()
});

/// "Fix this by adding X" -> "Add X", "This patch fixes it by moving X"
/// -> "This patch moves X": the means in the fix's form; `None` where what
/// follows "by" is no verb's gerund ("by default").
pub fn the_means_of_a_fix(sentence: &str) -> Option<String> {
    let found = FIX_BY_MEANS.captures(sentence)?;
    let (means, lexicon::Form::Gerund) = lexicon::verb_of(&found["means"])? else {
        return None;
    };
    let fix = &found["fix"];
    let verb = match (&found.name("attempt"), lexicon::verb_of(fix)?.1) {
        (None, lexicon::Form::Third) => lexicon::third_person(means),
        _ => means.to_string(),
    };
    let third = verb != means;
    // "by taking X and rechecking Y": each means in the same form.
    let mut rest: Vec<String> = found["rest"].split(' ').map(str::to_string).collect();
    for at in 1..rest.len() {
        if matches!(rest[at - 1].as_str(), "and" | "or")
            && let Some((base, lexicon::Form::Gerund)) = lexicon::verb_of(&rest[at])
        {
            rest[at] = if third {
                lexicon::third_person(base)
            } else {
                base.to_string()
            };
        }
    }
    let subject = found.name("subject").map_or("", |m| m.as_str());
    let attempt = found.name("attempt").map_or("", |m| m.as_str());
    let said = format!("{subject}{attempt}{verb}{}", rest.join(" "));
    Some(super::capitalised(&said))
}

/// "This series cleans up our main data structure" -> "This series
/// cleans up the main data structure": where the work is the subject and
/// "our" its only first person, "our" is the kernel's, whoever wrote it.
pub fn the_kernel_s_our(original: &str) -> Option<String> {
    let read = Sentence::read(original);
    let ours = |i: usize, w: &String| {
        w == "our"
            && !read
                .words
                .get(i + 1)
                .is_some_and(|n| SERIES_WORDS.contains(&n.as_str()))
    };
    let only_our = read
        .words
        .iter()
        .enumerate()
        .all(|(i, w)| !FIRST_PERSON.contains(&w.as_str()) || ours(i, w));
    if !read.series_opening()
        || !only_our
        || !read.words.iter().enumerate().any(|(i, w)| ours(i, w))
    {
        return None;
    }
    let said: Vec<&str> = original
        .split(' ')
        .map(|token| if token == "our" { "the" } else { token })
        .collect();
    Some(said.join(" "))
}

/// "Let's add X", "To avoid that, let's add X" -> "Add X", "To avoid
/// that, add X": the order a commit message gives in the first person
/// plural; "So let's add X" -> "Add X", the consequence its reason's.
/// "Let's see", "let's say" are a discussion's and stay.
pub fn the_order_in_lets(original: &str) -> String {
    let sentence = original.replace('’', "'");
    let lower = sentence.to_lowercase();
    let consequence = CONSEQUENCES.iter().find_map(|c| {
        let rest = lower.strip_prefix(c)?;
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        (rest.starts_with(" let's ") || rest.starts_with(" let us "))
            .then(|| lower.len() - rest.len() + 1)
    });
    let sentence = match consequence {
        Some(at) => super::capitalised(&sentence[at..]),
        None => sentence,
    };
    let sentence = sentence.as_str();
    for (at, lets) in [(0, "Let's "), (0, "Let us ")]
        .into_iter()
        .chain(sentence.find(", let's ").map(|at| (at + 2, "let's ")))
        .chain(sentence.find(", let us ").map(|at| (at + 2, "let us ")))
    {
        let Some(rest) = sentence[at..].strip_prefix(lets) else {
            continue;
        };
        let verb = rest.split(' ').next().unwrap_or("");
        if !lexicon::is_imperative(verb) || LETS_DISCUSS.contains(&verb) {
            continue;
        }
        let order = if at == 0 {
            super::capitalised(rest)
        } else {
            rest.to_string()
        };
        return format!("{}{order}", &sentence[..at]);
    }
    original.to_string()
}

/// "This is v3 of the series which implements X", "This is the seventh
/// version of a series to switch X", "This is the fourth revision of my
/// patches fixing X" -> "This series implements X", "This series
/// switches X", "This series fixes X": a version's introduction that goes
/// on to say what the series does. `None` where it says only which
/// version this is ("This is v2 of the frobfs driver.") or its review.
pub fn the_version_introduced(sentence: &str) -> Option<String> {
    let rest = sentence
        .strip_prefix("This is ")
        .or_else(|| sentence.strip_prefix("this is "))?;
    if !CHANGELOG.is_match(sentence) {
        return None;
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let of = words.iter().take(6).position(|w| *w == "of")?;
    // The work's name runs a few words, up to the verb saying what it does.
    for at in of + 1..words.len().min(of + 9) - 1 {
        let (word, next) = (words[at], words[at + 1]);
        if word.ends_with([',', '.', ';', ':']) {
            return None;
        }
        let verb = match (word, lexicon::verb_of(next)) {
            ("which" | "that", Some((base, lexicon::Form::Third))) => {
                Some((base, next.to_string()))
            }
            ("to", Some((base, lexicon::Form::Base))) => Some((base, lexicon::third_person(base))),
            // "my patches fixing X".
            (_, Some((base, lexicon::Form::Gerund)))
                if SERIES_WORDS.contains(&word) && next.ends_with("ing") =>
            {
                Some((base, lexicon::third_person(base)))
            }
            _ => None,
        };
        if let Some((base, verb)) = verb {
            let said = words[at + 2..].join(" ");
            // Not "to be merged", "addressing the comments on v1": where
            // the series goes, or its review, is no more than its version.
            let told = matches!(base, "be" | "have" | "do")
                || said.is_empty()
                || HISTORY.iter().any(|h| said.to_lowercase().contains(h))
                || REVIEW_VERBS.contains(&base);
            return (!told).then(|| format!("This series {verb} {said}"));
        }
    }
    None
}

/// `text` in lower case without its code: `get_random_u32_{below,above}()`
/// holds no "above" that points back.
fn prose_only(text: &str) -> String {
    let code = |word: &str| {
        word.contains([
            '_', '{', '}', '(', ')', '[', ']', '/', '=', '<', '>', '|', '\\',
        ])
    };
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        if code(word) {
            out.push_str("code");
        } else {
            out.push_str(&word.to_lowercase().replace('’', "'"));
        }
    }
    out
}

/// "also adds tests": to something said before; "implements X, and also
/// Y" adds to its own first clause, and "also known as X" names.
fn adds_also(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w.trim_start_matches('(') == "also"
            // "And also, X" opens on what came before.
            && !(i > 1 && matches!(words[i - 1].as_str(), "and" | "but" | "or"))
            && !words
                .get(i + 1)
                .is_some_and(|next| matches!(next.as_str(), "known" | "called" | "referred" | "named"))
    })
}

/// "adds tests as well": to something said before; "adds helpers as well
/// as tests" joins two things.
fn adds_as_well(lower: &str) -> bool {
    let phrase = "as well";
    phrase_at(lower, phrase).any(|at| !lower[at + phrase.len()..].starts_with(" as "))
}

/// Whether `phrase` occurs in `lower` on word boundaries.
pub fn has_phrase(lower: &str, phrase: &str) -> bool {
    phrase_at(lower, phrase).next().is_some()
}

/// Where `phrase` occurs in `lower` on word boundaries.
fn phrase_at<'t>(lower: &'t str, phrase: &'t str) -> impl Iterator<Item = usize> + 't {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    lower.match_indices(phrase).filter_map(move |(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        ((!phrase.starts_with(word) || before.is_none_or(|c| !word(c)))
            && (!phrase.ends_with(word) || after.is_none_or(|c| !word(c))))
        .then_some(at)
    })
}

/// "Simply": an adverb in -ly that may open an order ("Simply remove
/// X"), where the word is no verb ("Apply" is one).
pub fn is_order_adverb(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.len() > 4
        && lower.ends_with("ly")
        && lower.chars().all(|c| c.is_ascii_alphabetic())
        && lexicon::verb_of(&lower).is_none()
}

static SED_SUBSTITUTION: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?:^|\s)s/[^/\s]+/[^/\s]*/").unwrap());

/// `text` less what a parenthesis after one of `stems`' words spells out:
/// "XIP (eXecute In Place)" -> "XIP".
fn without_expansions(text: &str, stems: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let before = rest[..open]
            .rsplit(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .unwrap_or("");
        out.push_str(&rest[..open]);
        if !stems.contains(&super::stem(&before.to_lowercase())) {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The words that say what a text is about: lower case, three letters or
/// more, no stop words or revisions.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !(STOP_WORDS.contains(&w.as_str()) || is_revision_word(w)))
        .collect()
}

/// The words of a sentence outside quotes, lower case; "I/O" and "I2C"
/// are one word, no pronoun, and so is an identifier ("we_ctx", "[us]128").
pub fn words_outside_quotes(sentence: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut in_quote = false;
    let mut word = String::new();
    let mut chars = sentence.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let starts_a_token = at == 0 || sentence[..at].ends_with(char::is_whitespace);
        if !in_quote && starts_a_token && !c.is_whitespace() {
            let token = sentence[at..]
                .split(char::is_whitespace)
                .next()
                .unwrap_or("");
            if let Some(identifier) = identifier_of(token) {
                words.push(identifier.to_lowercase());
                while chars.peek().is_some_and(|(_, c)| !c.is_whitespace()) {
                    chars.next();
                }
                continue;
            }
        }
        if c == '"' || c == '“' || c == '”' || c == '`' {
            in_quote = !in_quote;
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        if in_quote {
            continue;
        }
        if c.is_alphanumeric() || c == '\'' || c == '’' || c == '_' {
            word.extend(if c == '’' { '\'' } else { c }.to_lowercase());
        } else {
            if c == '/'
                || c == '-'
                || c == '.' && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
            {
                word.push('/');
            }
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The identifier a whitespace-delimited token is, without the
/// punctuation around it: a name joined by '_' or holding brackets
/// ("we_ctx", "[us]128", "{be,le}128_xor"), which holds no English word.
fn identifier_of(token: &str) -> Option<&str> {
    if token.contains(['"', '“', '”', '`']) {
        return None;
    }
    let core = token
        .trim_start_matches(['(', '\''])
        .trim_end_matches([')', ',', '.', ';', ':', '!', '?', '\''])
        .trim_end_matches('(');
    // "We[1]": a footnote's mark, not a name's bracket.
    let core = match core.strip_suffix(']').and_then(|c| c.rsplit_once('[')) {
        Some((word, mark)) if !mark.is_empty() && mark.bytes().all(|b| b.is_ascii_digit()) => word,
        _ => core,
    };
    let chars: Vec<char> = core.chars().collect();
    // "foo[0]", "arch_{,try_}": a bracket opens on a name; "[us]128",
    // "{be,le}128": one closes into one. "[PATCH]" and "<linux/mm.h>" are
    // words in brackets.
    let glued = chars.windows(2).any(|pair| match pair {
        [before, '[' | '{' | '<'] => before.is_alphanumeric(),
        [']' | '}' | '>', after] => after.is_alphanumeric(),
        _ => false,
    });
    let identifier = core.contains('_') || glued;
    (identifier && core.chars().any(char::is_alphabetic)).then_some(core)
}

/// Sentences of one line of text.
pub fn sentences_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // Split on the byte: words are short, and a memchr per word costs more.
    let words: Vec<(usize, &str)> = text
        .as_bytes()
        .split(|&b| b == b' ')
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, &text[at..at + w.len()]))
        })
        .collect();
    for (i, &(at, word)) in words.iter().enumerate() {
        let ends = word.ends_with(['.', '!', '?'])
            || word.ends_with(".)")
            || word.ends_with(".\"")
            || word.ends_with(':') && i + 1 == words.len();
        if !ends || ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a)) {
            continue;
        }
        // "... to khugepaged. mTHP support was needed": a name in mixed
        // case ("mTHP", "eBPF", "iSCSI") starts a sentence in lower case.
        let mixed_case = |word: &str| {
            let word = word.trim_end_matches([',', '.', ';', ':']);
            word.starts_with(|c: char| c.is_ascii_lowercase())
                && word.chars().skip(1).any(|c| c.is_ascii_uppercase())
                && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        let next_starts_sentence = words.get(i + 1).is_none_or(|&(_, next)| {
            next.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'(`[".contains(c))
                || mixed_case(next)
        });
        if next_starts_sentence {
            let end = at + word.len();
            out.push(text[start..end].trim());
            start = (end + 1).min(text.len());
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}
