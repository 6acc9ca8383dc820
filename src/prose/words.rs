//! The word knowledge of English about mail, kept once: what the rules
//! of [`super`] look for. Verbs and their forms are in [`super::lexicon`].

use std::sync::LazyLock;

use regex::Regex;

/// Words of the first person, as whole words.
pub const FIRST_PERSON: &[&str] = &[
    "i",
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "us",
    "our",
    "ours",
    "ourselves",
    "let's",
];

/// Connectives that only continue what came before.
pub const CONNECTIVES: &[&str] = &[
    "last but not least",
    "lastly",
    // "Second, it allows X": the second of points made before.
    "first,",
    "firstly",
    "second,",
    "secondly",
    "third,",
    "thirdly",
    "hence",
    "thus",
    "therefore",
    "furthermore",
    // "Further, ...", not "Further investigation showed".
    "further,",
    "moreover",
    "also",
    "additionally",
    "so",
    "consequently",
    "besides",
    "finally",
    "then",
    "and",
    "but",
    "instead",
    "otherwise",
    "in addition",
    "as a result",
    "as such",
    "on top of that",
    "in turn",
    "because of this",
    "for this reason",
    "that said",
    "with that",
    "in that case",
    "however",
    "yet",
    "still",
    "nevertheless",
    "nonetheless",
    "meanwhile",
];

/// "Unfortunately, X": how the writer feels about X, told as if to one
/// who heard what came before; an editor says X. Opening connectives
/// too ([`CONNECTIVES`]), but a tone Linus' remark keeps.
pub const FEELINGS: &[&str] = &["unfortunately", "fortunately", "sadly", "luckily"];

/// Openers that point at something named before ("Such data", "These
/// changes"), and cannot stand alone.
pub const DEMONSTRATIVES: &[&str] = &[
    "such",
    "these",
    "those",
    "the latter",
    "the former",
    "both",
    // "Another use case is X": after one told before.
    "another",
];

/// Words inside a sentence that say it follows from the one before.
pub const INNER_CONNECTIVES: &[&str] = &[" therefore ", " thus ", " hence "];

pub static ATTRIBUTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^on (?:mon|tue|wed|thu|fri|sat|sun|\d|[a-z]{3,9},? \d)[^.]*(?:\d{4}|am|pm|wrote)|(?:wrote|writes):\s*$",
    )
    .unwrap()
});

/// "On Thu, Jun 10, 2021 at 11:08 AM Jane Doe wrote:" before what follows.
pub static ATTRIBUTION_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^on .{5,120}?\b(?:wrote|writes):\s*").unwrap());

pub static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\b[,.!]*(?:\s+\S+){{0,3}}$",
        SIGN_OFFS.join("|")
    ))
    .unwrap()
});

/// How a mail signs off: "Thanks,", "Best regards,".
pub const SIGN_OFFS: &[&str] = &[
    "thanks",
    "thank you",
    "best regards",
    "kind regards",
    "regards",
    "best",
    "cheers",
    "sincerely",
    "br",
];

pub static COMMIT_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^(?:commit\s+)?[0-9a-f]{8,40}\s*\(\s*"|\b(?:[a-z]+(?:-[a-z]+)*-by|fixes|link|closes|cc):\s"#)
        .unwrap()
});

/// Words after "we" that show its verb comes later.
pub const NOT_A_VERB: &[&str] = &[
    "on", "in", "at", "of", "from", "with", "and", "or", "all", "both", "as",
];

/// Adjectives WordNet also lists as verbs, which open a title or a
/// sentence as the adjective: "Initial 32-bit UAPI", "Direct IO support",
/// "Secure boot for X".
pub const ADJECTIVES_FIRST: &[&str] = &[
    "initial", "full", "direct", "secure", "idle", "total", "double", "single",
];

/// Words between a subject and its verb.
pub const ADVERBS: &[&str] = &[
    "also",
    "even",
    "just",
    "really",
    "still",
    "only",
    "now",
    "then",
    "already",
    "actually",
    "currently",
    "recently",
    "finally",
    "first",
    "originally",
    "further",
    "therefore",
    "thus",
    "instead",
    "then,",
    "probably",
    "often",
    "usually",
    "always",
    "never",
    "not",
];

pub static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\b[^.?]{{0,40}}[,!:]?$",
        GREETINGS.join("|")
    ))
    .unwrap()
});

/// How a mail greets: "Hi all,", "Hello everyone,".
pub const GREETINGS: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "dear",
    "greetings",
    "good morning",
    "good afternoon",
    "good day",
    "folks",
    "all",
];

/// A greeting that opens a sentence: "Hi all, this series ...".
pub static GREETING_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})(?:\s+(?:all|everyone|folks))?[,.!]\s+",
        GREETINGS.join("|")
    ))
    .unwrap()
});

pub static CHANGELOG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^[\s\[(*#-]*(?:",
        r"changes?\b|changelog|change log|revision history|history\b|",
        // "Differences to v3:", "Delta from v1:".
        r"(?:differences?|diffs?|delta|updates?|modifications?)\s+(?:to|from|since|vs\.?|against|over)\s+(?:the\s+)?v\d+(?:\.\d+)*\b|",
        r"(?:rfc|patch)?\s*v\d+\s*(?:->|-->|\.\.|to|vs\.?|→)\s*v?\d+|",
        r"(?:rfc\s*)?v\d+\s*[:)\]]|since v\d+(?:\.\d+)*\b|from v\d+(?:\.\d+)*\b|",
        r"(?:rfc\s*)?v\d+\b.{0,30}:\s*$|",
        // "ver #3) - Fix ...".
        r"ver\s*#?\d+\s*[:)]|",
        // "This is the sixth official patchset", "This is v2 of".
        r"this is (?:the |a |an )?(?:v\d+\b|(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|",
        r"seventh|eighth|ninth|tenth|next|updated|another)\b.{0,30}\b(?:version|revision|",
        r"iteration|posting|spin|respin|round|patchset|patch set|series)\b)",
        r")"
    ))
    .unwrap()
});

pub static TRAILER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[A-Za-z][A-Za-z-]*-by:|^(?:link|closes|fixes|cc|reported|suggested|base-commit|change-id|prerequisite-patch-id|from|date|subject)\s*:").unwrap()
});

pub static QUOTE_INTRO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:wrote|writes|said)\s*:\s*$").unwrap());

pub const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "that", "this", "via", "add", "adds", "use",
    "support", "new", "fix", "patch", "series",
];

/// How a sentence that says what a change does begins.
pub const SUBJECTS_OF_CHANGE: &[&str] = &[
    "this patch",
    "this series",
    "this rfc",
    "this set",
    "this change",
    "this commit",
    "this work",
    "this proposal",
    "this is an implementation",
    "this implements",
    "this introduces",
    "this adds",
    "the patch",
    "the series",
    "these patches",
    "in this series",
    "in this patch",
    "we propose",
    "i propose",
    "i would like to",
    "i'd like to",
    "we would like to",
    "introduce ",
    "add ",
    "implement ",
];

/// The words that open a question or its clause: "what", "how".
pub const WH_WORDS: &[&str] = &[
    "what", "how", "why", "when", "where", "whether", "which", "who",
];

/// The abbreviations that say the sentence before again: "... where they
/// belong. ie. Create ..." runs on past its full stop.
pub const RESTATEMENTS: &[&str] = &["i.e.", "ie.", "e.g.", "eg."];

/// The verbs of the editor's lead after the author's first name: "Jane
/// posted ...", "Jane proposes ...", "Jane asks for ...".
pub const LEAD_VERBS: &[&str] = &["posted", "proposes", "proposed", "asks", "wrote"];

/// Verbs that only say a change brings its object ("introduces X",
/// "enables X"): beside a title naming X, they say nothing new.
pub const BRINGING_VERBS: &[&str] = &[
    "introduce",
    "add",
    "implement",
    "provide",
    "enable",
    "support",
    "make",
    "offer",
    "new",
];

/// Things kernel titles name that English counts, in the singular:
/// "add helper" reads "add a helper". (WordNet does not tell a count noun
/// from a mass noun; these are the kernel's artefacts.)
pub const COUNT_NOUNS: &[&str] = &[
    "abstraction",
    "allocator",
    "api",
    "namespace",
    "value",
    "variable",
    "assertion",
    "attribute",
    "backend",
    "barrier",
    "buffer",
    "cache",
    "call",
    "callback",
    "check",
    "header",
    "struct",
    "structure",
    "workqueue",
    "thread",
    "command",
    "controller",
    "counter",
    "directory",
    "driver",
    "entry",
    "event",
    "fallback",
    "field",
    "file",
    "flag",
    "framework",
    "function",
    "helper",
    "hook",
    "interface",
    "ioctl",
    "iterator",
    "kfunc",
    "knob",
    "layer",
    "limit",
    "list",
    "lock",
    "macro",
    "mechanism",
    "mode",
    "module",
    "option",
    "page",
    "parameter",
    "policy",
    "prctl",
    "primitive",
    "property",
    "queue",
    "replacement",
    "script",
    "seal",
    "selftest",
    "setting",
    "syscall",
    "sysctl",
    "table",
    "test",
    "threshold",
    "tool",
    "tracepoint",
    "tree",
    "tunable",
    "variant",
    "version",
    "wrapper",
];

/// Initials English writes in capitals, as kernel mail often does not:
/// "cpu" is "CPU". (SCOWL's word list knows few of the kernel's.)
pub const INITIALISMS: &[(&str, &str)] = &[
    ("abi", "ABI"),
    ("acpi", "ACPI"),
    ("api", "API"),
    ("apis", "APIs"),
    ("cpu", "CPU"),
    ("cpus", "CPUs"),
    ("dma", "DMA"),
    ("dram", "DRAM"),
    ("gpu", "GPU"),
    ("gpus", "GPUs"),
    ("irq", "IRQ"),
    ("irqs", "IRQs"),
    ("ksm", "KSM"),
    ("kvm", "KVM"),
    ("lru", "LRU"),
    ("lrus", "LRUs"),
    ("mmu", "MMU"),
    ("nmi", "NMI"),
    ("numa", "NUMA"),
    ("nvme", "NVMe"),
    ("oom", "OOM"),
    ("pci", "PCI"),
    ("pcie", "PCIe"),
    ("pmd", "PMD"),
    ("pmds", "PMDs"),
    ("pte", "PTE"),
    ("ptes", "PTEs"),
    ("ram", "RAM"),
    ("rcu", "RCU"),
    ("smp", "SMP"),
    ("ssd", "SSD"),
    ("ssds", "SSDs"),
    ("thp", "THP"),
    ("thps", "THPs"),
    ("tlb", "TLB"),
    ("tlbs", "TLBs"),
    ("uaf", "UAF"),
    ("usb", "USB"),
    ("vma", "VMA"),
    ("vmas", "VMAs"),
];

/// Prepositions before a place in the code: "in the OOM path".
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "into", "inside", "within", "on", "for", "from", "at", "of", "with", "under", "over",
    "across", "through",
];

/// The verb of using a place in the code, which a name says is there
/// ("use the frob API"; "use hash table" may bring a new one).
pub const USING: &[&str] = &["use", "uses", "using"];

/// Verbs whose "with" or "into" (words::BRINGING_PREPOSITIONS) brings a
/// new thing, not one the code has: "replace X with hash table", "move X
/// into helper function".
pub const BRINGING_A_NEW_PLACE: &[&str] = &["replace", "move", "convert", "factor", "extract"];

/// See [`BRINGING_A_NEW_PLACE`].
pub const BRINGING_PREPOSITIONS: &[&str] = &["with", "into"];

/// Words besides prepositions and clause openers that end a noun phrase:
/// "in frob path and ...", "crash due to ...".
pub const PHRASE_ENDERS: &[&str] = &["and", "or", "&", "/", "to", "due"];

/// What makes a loop a fault a fix names: "avoid a dead loop".
pub const RUNAWAY: &[&str] = &["dead", "infinite", "endless"];

/// Words that name a C type, not a thing English counts: "struct cpu".
pub const TYPE_KEYWORDS: &[&str] = &["struct", "union", "enum"];

/// Parts a typo checker takes a word English builds to be made of:
/// "sub" + "test", "inline" + "d", "break" + "point".
pub const PREFIXES: &[&str] = &[
    "re", "un", "de", "pre", "sub", "non", "over", "under", "multi", "inter", "intra", "super",
    "co", "mis", "dis", "in", "out", "self", "auto", "micro", "mini", "hyper", "semi", "pseudo",
    "post",
];

/// See [`PREFIXES`]; and "id", as kernel names end ("classid", "clockid").
pub const SUFFIXES: &[&str] = &[
    "s", "es", "ed", "ing", "er", "ers", "or", "ors", "able", "ible", "ly", "ness", "ment", "ize",
    "ise", "ity", "ful", "less", "ish", "ist", "ism", "est", "age", "id",
];

/// Endings said as a syllable of their own, before which a word drops
/// its 'e' ("inline" + "ing" is "inlining"; "flexible" + "ity" is no
/// "flexiblity").
pub const E_DROPPING: &[&str] = &["ing", "ed", "er", "ers", "or", "ors", "able", "ible", "est"];

/// The vowels a typo may swap one for another ("seperate").
pub const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// Places and parts of the code, each one of its kind once its naming words
/// say which: "the global OOM path", "the pagemap file", "the mlx5 driver".
/// (A device, a page, a process or a node named so is still one of many.)
pub const PLACES: &[&str] = &[
    "allocator",
    "api",
    "architecture",
    "bit",
    "cache",
    "callback",
    "codepath",
    "controller",
    "driver",
    "field",
    "file",
    "flag",
    "framework",
    "function",
    "handler",
    "header",
    "helper",
    "hierarchy",
    "interface",
    "layer",
    "list",
    "lock",
    "macro",
    "mechanism",
    "path",
    "platform",
    "pool",
    "queue",
    "scheduler",
    "structure",
    "subsystem",
    "table",
    "tree",
    "variable",
    "zone",
];

/// Words after which "of" names no place in the code: a measure or a sort
/// ("a lot of code", "a new kind of lock"), a want ("lack of generic
/// API") and "use of", "instead of", "out of".
pub const OF_NO_PLACE: &[&str] = &[
    "amount", "lot", "lots", "number", "set", "kind", "kinds", "sort", "type", "types", "pair",
    "couple", "bunch", "variety", "part", "parts", "piece", "use", "version", "instead", "out",
    "lack", "absence",
];

/// Words that make a thing one of many: "for an external process", "in a
/// new file".
pub const ONE_OF_MANY: &[&str] = &[
    "new",
    "separate",
    "another",
    "external",
    "additional",
    "extra",
    "different",
    "single",
    "dedicated",
    "multiple",
    "various",
    "certain",
    "specific",
    "arbitrary",
    "given",
    "random",
    "one",
    "typical",
    "custom",
    "either",
    "neither",
    "whatever",
    "whichever",
    "own",
    "only",
];

/// Faults a fix names, which English counts: "fix crash in X" reads "fix
/// a crash in X".
pub const FAULTS: &[&str] = &[
    "crash",
    "deadlock",
    "race",
    "leak",
    "warning",
    "bug",
    "regression",
    "dependency",
    "hang",
    "panic",
    "overflow",
    "underflow",
    "lockup",
    "livelock",
    "splat",
    "oops",
    "use-after-free",
    "uaf",
    "error",
    "problem",
    "issue",
];

/// What a fix finds wrong in a thing, which makes it known: "fix the
/// wrong function name", "fix the missing checks".
pub const FAULTY: &[&str] = &[
    "wrong",
    "incorrect",
    "broken",
    "bad",
    "missing",
    "stale",
    "outdated",
    "misleading",
    "inconsistent",
    "redundant",
    "duplicate",
    "duplicated",
    "unnecessary",
    "excessive",
    "invalid",
    "inaccurate",
    "confusing",
    "obsolete",
    "unbalanced",
    "unused",
];

/// Verbs that bring a new thing, which takes "a": "add a helper".
pub const CREATING_VERBS: &[&str] = &[
    "add",
    "introduce",
    "implement",
    "provide",
    "create",
    "define",
    "expose",
];

/// Verbs that put a thing somewhere, whose new place is one of its kind:
/// "move X to a separate header file".
pub const MOVING_VERBS: &[&str] = &[
    "move", "split", "factor", "extract", "put", "place", "carve",
];

/// Verbs that change a thing the code has, which takes "the": "remove
/// the macro", "split the callback".
pub const CHANGING_VERBS: &[&str] = &[
    "optimize",
    "optimise",
    "honor",
    "honour",
    "adjust",
    "remove",
    "rename",
    "split",
    "convert",
    "move",
    "rework",
    "drop",
    "replace",
    "skip",
    "simplify",
    "refactor",
    "export",
    "unexport",
    "deprecate",
    "document",
    "revert",
    "extend",
    "update",
    "raise",
    "lower",
    "bump",
    "rewrite",
    "reorganize",
];

/// Verbs of a fix, whose fault takes "a": "fix a crash".
pub const FIXING_VERBS: &[&str] = &["fix", "avoid", "prevent"];

/// Verbs whose object takes a "to" of its own ("helps vendors to
/// support X", "causes the exit to wait"): no purpose of the sentence.
pub const TAKE_AN_INFINITIVE: &[&str] = &[
    "help", "allow", "enable", "cause", "force", "require", "want", "ask", "permit", "get", "lead",
    "need", "expect", "tell", "wait", "use", "make",
];

/// The verbs of a purpose that says no more than its goal, named before:
/// "to fix the boot problems", "to do this", "to address these issues".
pub const PURPOSES_POINTING_BACK: &[&str] = &[
    "fix",
    "address",
    "solve",
    "resolve",
    "avoid",
    "prevent",
    "mitigate",
    "handle",
    "do",
    "achieve",
    "accomplish",
    "overcome",
    "remedy",
    "cure",
];

/// What a cover letter says the work answers: a lack, a finding, a
/// problem as things are ("Currently each queue waits", "there is no way
/// to observe Y", "It was found that Z may be called twice").
pub const MOTIVATIONS: &[&str] = &[
    "currently",
    "no way to",
    "there is no",
    "there was no",
    "there is little",
    "there was little",
    "lack of",
    "lacks",
    "it was found",
    "has been found",
    "found that",
    "deprecated",
    "suffer",
    "suffers",
];

/// Possessives: "add our helper" has its determiner.
pub const POSSESSIVES: &[&str] = &["my", "our", "your", "his", "her", "its", "their"];

/// Initials read as a word, which take "a": "a NUMA node", "a SCSI host".
pub const INITIALS_SAID_AS_WORDS: &[&str] = &[
    "numa", "fuse", "scsi", "sata", "mips", "risc", "slub", "slab", "slob", "napi", "nand",
    "lockdep", "sev", "smack", "rust",
];

/// Openings of words whose 'u' is said "you": "a uffd test", "a unique".
pub const SAID_YOU: &[&str] = &[
    "uni",
    "use",
    "usa",
    "usu",
    "uti",
    "ura",
    "ure",
    "uri",
    "uro",
    "uprobe",
    "uretprobe",
    "umount",
    "umask",
    "umem",
    "uapi",
    "uaccess",
    "ubsan",
    "ublk",
    "uffd",
    "uevent",
    "ucount",
    "uclamp",
    "udev",
    "usb",
    "uuid",
    "utf",
    "uid",
    "ufs",
];

/// Of [`SAID_YOU`], the "un-" words: "an uninitialized", "an unimplemented".
pub const SAID_UN: &[&str] = &["unin", "unim", "unid"];

/// Verbs of what a change does.
pub const ACTIONS: &[&str] = &[
    " introduce",
    " add",
    " implement",
    " propose",
    " provide",
    " allow",
    " enable",
    " extend",
    " convert",
    " remove",
    " reduce",
    " improve",
    " make",
    " support",
    " aims to",
    " replace",
    " avoid",
    " optimi",
    " speed",
];

/// What a new version does to the last one's review: "a series
/// addressing the comments", "following the discussion at LPC".
pub const REVIEW_VERBS: &[&str] = &[
    "address",
    "follow",
    "incorporate",
    "reflect",
    "rebase",
    "resolve",
    "respond",
    "fold",
];

/// The history of the series and its review.
pub const HISTORY: &[&str] = &[
    "previous version",
    "previous posting",
    "last version",
    "last posting",
    "earlier version",
    "since v",
    "from v",
    "linux-next",
    "mm-unstable",
    "mm-stable",
    "mm-new",
    "rebase",
    "resend",
    "respin",
    "changelog",
    "dropped",
    "feedback",
    "comments",
    "reviewers",
    "review",
    "based on",
    "applies on",
    "on top of",
    "thanks",
    "sorry",
    "for some reason",
    // "A version of X was previously sent separately": the posting's story.
    "previously sent",
    "previously posted",
    "sent separately",
    "posted separately",
    // "An attempt was made long ago to ...": the code's own story.
    "long ago",
    "years ago",
];

/// Code moved into a helper of its own or to another file: "factor out
/// X", "break X out of Y into a separate helper function", "split X out
/// into a separate struct", "move vmap_range from mm/ioremap.c to
/// mm/vmalloc.c", which prepares a change more often than it is one.
pub static REFACTORING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:factor(?:s|ed|ing)?(?: \w+)? out\b|(?:into|to) (?:a |an )?(?:separate|dedicated|common) (?:helper|function|struct|structure|header|file)s?\b|mov(?:e|es|ed|ing) \S+ (?:from|to|into) \S+\.[ch]\b)",
    )
    .unwrap()
});

/// A title's words that make moving code into helpers the work itself.
pub const REFACTORING_WORDS: &[&str] = &[
    "helper", "helpers", "factor", "refactor", "split", "cleanup", "cleanups", "clean", "move",
];

/// A setting that builds or switches on the work: "a new config option
/// CONFIG_FROB_CFI", "Module parameter always_frob is introduced": how
/// the work is built and run, a side detail of what it does. ("by
/// default" is [`DEFAULTS`]'.)
pub static SETTINGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:config|configuration|kconfig|build) (?:options?|symbols?)|kconfig|module param(?:eter)?s?)\b|(?-i:\bCONFIG_[A-Z0-9_]+)",
    )
    .unwrap()
});

/// The nouns of [`SETTINGS`] alone: a title naming one ("make the frob
/// ratio a parameter", "add options for X") is about its setting.
pub const SETTING_WORDS: &[&str] = &[
    "config",
    "kconfig",
    "defconfig",
    "configuration",
    "option",
    "options",
    "parameter",
    "parameters",
    "param",
    "params",
];

/// What a setting does, said after it: "CONFIG_FROB_STRICT that makes
/// frob refuse X", "a parameter frob.ratio lets users tune X": the
/// setting is then the work, told with its effect.
pub const SAYS_WHAT_IT_DOES: &[&str] = &[
    "that", "which", "lets", "makes", "allows", "enables", "controls",
];

/// An author's caveats about the state of the work.
pub const DISCLAIMERS: &[&str] = &[
    "very early",
    "early version",
    "untested",
    "not tested",
    "lightly tested",
    "barely tested",
    "not ready",
    "work in progress",
    "wip",
    "rfc quality",
    "prototype",
    "hack",
    "heads up",
    "heads-up",
    "not for merging",
    "do not merge",
    "just a reminder",
    // "The coding style is not up to kernel standards."
    "not up to",
    // What the work still lacks: "The big thing still missing is X".
    "still missing",
];

/// A default told: what happens unless set otherwise, a detail beside
/// what the work is ("By default, X is off", "The default value of X is
/// 0").
pub const DEFAULTS: &[&str] = &[
    "by default",
    "default value",
    "defaults to",
    "the default is",
];

/// Test results and measurements.
pub const RESULTS: &[&str] = &[
    "benchmark",
    "results",
    "numbers",
    "tested on",
    "tested with",
    "test case",
    "testing",
    "%",
    " ms ",
    " usec",
    "throughput",
];

/// What the work does not do yet, or later: scope and plans, not the change.
pub const HEDGES: &[&str] = &[
    " just ",
    "for now",
    "in the future",
    "future work",
    "will need",
    "later on",
    "not yet",
    "todo",
];

/// Words that continue a sentence rather than start one.
pub const FRAGMENT_OPENINGS: &[&str] = &[
    "this ", "the ", "these ", "it ", "a ", "an ", "there ", "we ", "i ", "they ", "and ", "or ",
    "but ", "which ", "where ", "that ", "with ", "to ", "for ", "of ", "in ", "on ", "as ", "is ",
    "are ", "so ", "by ", "from ", "then ", "when ", "while ",
];

/// Openings of a sentence about how things are before the change
/// ("Currently, most architectures ..."): background, not what the work does.
pub const BACKGROUND: &[&str] = &[
    "currently",
    "today,",
    "today ",
    "at the moment",
    "at present",
    "right now",
    "nowadays",
    "historically",
    "traditionally",
    "as of now",
    "as of today",
    "as it stands",
    "as things stand",
    "in the current",
    "the current ",
    "the existing ",
    // "Per the riscv privileged spec, ...", "Per git-grep X is unused":
    // what a document or a search says.
    "per ",
    "according to ",
];

/// Headings of a section that shows the change at work rather than says
/// what it is: an example, a reproducer, a test, figures before and after.
pub const EXAMPLE_HEADINGS: &[&str] = &[
    "example",
    "examples",
    "reproducer",
    "reproduction",
    "to reproduce",
    "steps to reproduce",
    "how to reproduce",
    "test",
    "tests",
    "testing",
    "test case",
    "test results",
    "results",
    "benchmark",
    "benchmarks",
    "before this patch",
    "after this patch",
    "before the patch",
    "after the patch",
    "before",
    "after",
];

/// How things have long been, anywhere in a sentence: "X has existed for
/// a long time" (an early "already", "The kernel already provides X", is
/// read by its place: "when the page is already clean" is a condition).
pub const BACKGROUND_PHRASES: &[&str] = &["for a long time"];

/// Openings of asides: notes, narration, connectives.
pub const ASIDES: &[&str] = &[
    "note",
    "so ",
    "so,",
    "also",
    "anyway",
    "btw",
    "ok",
    "well",
    "now ",
    "now,",
    "however",
    "but ",
    "and ",
    "then ",
    "here ",
    "here's",
    "it's time",
    "as ",
    "for ",
    "i've",
    "i have",
    "i did",
    "i was",
    "i think",
    "i'm",
    "we've",
];

/// Words that end in a full stop without ending a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "Mr.", "Dr.", "al.", "resp.", "eg.", "ie.",
    "incl.", "excl.", "esp.", "w.r.t.",
];

/// How a sentence names the series it opens, to become "This patchset".
pub const SERIES_OPENINGS: &[&str] = &[
    "this patch set",
    "this patch series",
    "this patchset",
    "this series of patches",
    // "This series patches would like to": the author's plural, once.
    "this series patches",
    "this series",
    "this set of patches",
    "these patches",
    "the patch series",
    "the patchset",
    "the series",
    "this patch ",
    "this commit ",
    "this change ",
];

/// Words that tie a sentence to the revision it was written about: its
/// changes, its reception, where it stood.
pub const TIME_BOUND: &[&str] = &[
    "this version",
    "this revision",
    "this time",
    "previous version",
    "previous revision",
    "last version",
    "than before",
    "than the previous",
    "again",
    "changes from",
    "changes since",
    "changelog",
    "rebased",
    "since v",
    "compared to",
    "comment",
    "review",
    "acked",
    "replied",
    "discussion",
    "merged",
    "mm-unstable",
    "mm-stable",
    "queued",
    " says",
    " said",
    " asked",
    " asks",
    "suggested",
    "requested",
    "pointed out",
    "objected",
    "concern",
    "revised",
    "came out",
    "still",
];

/// Words after an ordinal that make it a revision's: "sixth version".
pub const REVISION_NOUNS: &[&str] = &[
    "version",
    "revision",
    "iteration",
    "round",
    "spin",
    "rfc",
    "patchset",
    "series",
];

/// Verbs after "I" or "we" at a sentence's start that make the author the
/// one who speaks ("We propose ..." -> "Jane proposes ..."): what an author
/// does with the work. Any other "we" may be the kernel, the community or
/// the reader ("we can see", "we have a single interface").
pub const AUTHORING_VERBS: &[&str] = &[
    "propose",
    "introduce",
    "add",
    "implement",
    "present",
    "post",
    "send",
    "submit",
    "extend",
    "convert",
    "rework",
    "remove",
    "replace",
    "port",
    "suggest",
    "plan",
    "want",
    "would",
    "'d",
    "intend",
    "aim",
    "try",
    "describe",
    "rewrite",
    "found",
    "noticed",
    "observed",
    "wrote",
    "posted",
    "sent",
    "proposed",
    "introduced",
    "added",
    "implemented",
    "reworked",
    "converted",
    "ported",
];

/// What the author does when proposing: "I'm proposing X", "I would like
/// to discuss X", "I will present X".
pub const PROPOSING_VERBS: &[&str] = &[
    "propose", "suggest", "present", "discuss", "initiate", "start", "raise", "talk", "organize",
];

/// What a patch of a series does beside the series' point, by the words
/// of its title or its prefixes ("Documentation/mm:", "selftests/mm:"):
/// the comments, the documentation, the tests, the preparation.
pub const SIDE_WORK: &[&str] = &[
    "comment",
    "comments",
    "typo",
    "typos",
    "doc",
    "docs",
    "documentation",
    "document",
    "test",
    "tests",
    "selftest",
    "selftests",
    "kselftest",
    "kunit",
    "maintainers",
    "prepare",
    "preparation",
    "preparatory",
    "testing",
];

/// The words of a title that names no thing, only kinds of work ("Two
/// bugfixes and a cleanup", "Miscellaneous cleanups"), beside numbers,
/// quantifiers and determiners.
pub const KINDS_OF_WORK: &[&str] = &[
    "and",
    "minor",
    "small",
    "various",
    "miscellaneous",
    "misc",
    "assorted",
    "random",
    "cleanup",
    "cleanups",
    "fix",
    "fixes",
    "bugfix",
    "bugfixes",
    "fixups",
    "improvements",
    "updates",
    "tweaks",
    "test",
    "tests",
];

/// "Let's see", "let's say", "let's not": the idiom of a discussion, where
/// "Let's add X" in a commit message is the author's order.
pub const LETS_DISCUSS: &[&str] = &[
    "say", "see", "not", "just", "go", "assume", "hope", "wait", "look", "consider", "think",
    "keep", "take", "pretend", "discuss", "agree", "imagine", "suppose", "try", "talk", "get",
    "be", "leave", "stick", "revisit", "focus", "start", "step", "call", "face", "hear", "know",
    "merge",
];

/// What the work does, told in the perfect or the progressive: "We have
/// added X", "I am introducing X" ("I have tried" is the story of it).
pub const WORK_DOING_VERBS: &[&str] = &[
    "port",
    "introduce",
    "add",
    "implement",
    "extend",
    "convert",
    "rework",
    "remove",
    "replace",
    "rewrite",
];

/// The first person as a sentence's subject, contracted or not.
pub const FIRST_PERSON_SUBJECTS: &[&str] = &[
    "i", "we", "i'm", "we're", "i've", "we've", "i'll", "we'll", "i'd", "we'd",
];

/// Orders whose object is a fix itself: "Revert broken locking fix".
pub const TAKES_A_FIX: &[&str] = &[
    "revert", "drop", "remove", "apply", "backport", "fold", "squash", "queue", "pick",
];

/// Nouns by which a sentence names the series itself: "This patchset ...".
pub const SERIES_WORDS: &[&str] = &[
    "patch",
    "patches",
    "patchset",
    "patchsets",
    "series",
    "set",
    "rfc",
    "change",
    "changes",
    "commit",
    "work",
    "proposal",
    "version",
    "revision",
    "submission",
    "posting",
    "feature",
];

/// Words after a noun that say which one it is: "the problem of X", "the
/// issue where X", "the table that holds X", "the flag used by X".
pub const SAYS_WHICH: &[&str] = &[
    "of",
    "with",
    "in",
    "between",
    "where",
    "when",
    "which",
    "that",
    "who",
    "whose",
    "whereby",
    "caused",
    "seen",
    "reported",
    "found",
    "described",
    "introduced",
    "discussed",
    "mentioned",
    "used",
    "called",
    "named",
    "given",
];

/// Phrases anywhere in a sentence that point at what another sentence
/// said: "such sequences", "the above protection", "fixes this issue".
pub const BACK_POINTERS: &[&str] = &[
    "the concern",
    "the concerns",
    // "checked with the introduced tests": introduced elsewhere.
    "the introduced",
    "the aforementioned",
    "the above-mentioned",
    "the mentioned",
    // "This series continues what was established": established before.
    "what was established",
    "what was discussed",
    "what was proposed",
    "what was started",
    "the above",
    "above",
    "below",
    // "the (boot) problem(s)" unsaid: Sentence::names_an_unsaid_problem.
    "this issue",
    "these issues",
    "this problem",
    "these problems",
    "this case",
    "these cases",
    "the latter",
    "the former",
    "as mentioned",
    "as discussed",
    "as described",
    "as proposed",
    "as said",
    "as noted",
    "mentioned earlier",
    "the following",
    "as follows",
    "the same way",
    "the other one",
    "as well",
    "here",
    "the fix",
    "this fix",
    "the bug",
    "this bug",
    "the regression",
    "this regression",
    // What a report shows, named as though already shown.
    "the warning",
    "the splat",
    "the crash",
    "the deadlock",
    "the hang",
    "the rest",
    "the others",
    // A contrast, wherever it stands, is with a sentence before ("This
    // series instead annotates X", read by Sentence::has_a_back_pointer).
    "instead",
    "however",
    "nevertheless",
    "nonetheless",
    "on the other hand",
    "in contrast",
    "by contrast",
];

/// What a bug does, in a sentence that tells it: "This allows users to
/// leak kernel memory", "This allows a task to bypass the limit" is the
/// bug speaking, not the fix.
pub const HARMS: &[&str] = &[
    "leak",
    "crash",
    "corrupt",
    "deadlock",
    "panic",
    "hang",
    "overflow",
    "use-after-free",
    "oops",
    "bypass",
    "stall",
    "starve",
];

/// Openings that hang on what came before: "Here is", "In response",
/// "The reason is", "To do so".
pub const OPENING_POINTERS: &[&str] = &[
    "here is",
    "here are",
    "here's",
    "in response",
    "the reason is",
    "the reasons are",
    "the result is",
    // "There are still cases that can be improved": still, after what
    // was told before.
    "there are still cases",
    "the reason for",
    "that is",
    "that's",
    "this is why",
    "that is why",
    "it is therefore",
    "of note",
    "this way",
    "that way",
    "in this case",
    "in that case",
    "in which case",
    "to do so",
    "to do this",
    "to do that",
    "to that end",
    "to this end",
    "for that",
    "for this",
    "with this",
    "with that",
    "by doing so",
    "by doing this",
    "other than that",
    "apart from that",
    "on the other hand",
    "in other words",
    "in other cases",
    // "Other VMA allocation paths already ...": others than one said.
    "other ",
    "in all other cases",
    "for example",
    "for instance",
    "e.g.",
    "i.e.",
    "namely",
    "likewise",
    "similarly",
    "in particular",
    "especially",
    "again",
    "in short",
    "in summary",
    "in brief",
    "basically",
    "essentially",
    "not just",
    "not only",
];

/// Pronouns that, opening a summary, name something it never said.
pub const PRONOUN_OPENINGS: &[&str] = &[
    "it", "it's", "its", "they", "they're", "their", "them", "this", "that", "these", "those",
    "one",
];

/// "He added X": in a mail, someone it named before, never its author.
pub const THIRD_PERSON_PRONOUNS: &[&str] = &["he", "she", "his", "her"];

/// A pointer elsewhere: "can be found in following link", "please see".
pub const POINTERS: &[&str] = &[
    "can be found",
    "could be found",
    "is available",
    "are available",
    "please see",
    "please refer",
    "refer to",
    "see the",
    "for more details",
    "for details",
    "more details",
    "for more information",
    "more info",
    "following link",
    // "the link below", not "the link state" or "the link is up".
    "the link:",
    "the link below",
    "the link above",
    "the link at",
    "the link to",
    "the link in",
    "git tree",
    "git repo",
    "the branch",
    "see attached",
    "is attached",
    "are attached",
    "attached file",
    "attached patch",
    "attached script",
    "documented in",
    "described in",
    "the cover letter",
    "check out",
    "see also",
    "see patch",
    "see commit",
    "url",
    "details are in",
    "is described",
    "are described",
    "is explained",
    "are explained",
];

/// The author's aside or the process, not the work: "isn't terribly
/// interesting", "forgot to post", "comments are welcome".
pub const ASIDE_PHRASES: &[&str] = &[
    // The author's estimate of how easy a use will be: "it should be
    // simple for an application to make use of X".
    "should be simple",
    "should be easy",
    "should be fairly easy",
    "should be straightforward",
    "should be fairly straightforward",
    "should be trivial",
    // What may come later, not what the series does.
    "there are plans",
    "future work",
    "in a follow-up",
    "follow-up series",
    "a separate series",
    // Which tree the series applies to, or goes with: the process, not
    // the change.
    "considered in conjunction with",
    "requires the presence",
    "should apply cleanly",
    "should apply on",
    "applies on top",
    "apply on top",
    "applies cleanly",
    // How the series is cut up for review ("The LRU lock is split to
    // reduce contention" is the change).
    "patchset is split to",
    "series is split to",
    "patches are split to",
    "patchset has been split",
    "series has been split",
    // Where the series has been waiting and how it fared there.
    "no reported issues",
    "no issues reported",
    "no issues have been reported",
    "been in linux-next",
    "been in -next",
    "been in intel-next",
    "been in mm-unstable",
    "been in mm-stable",
    "is against",
    "is agains",
    "iirc",
    "afaik",
    "afaict",
    "terribly interesting",
    "very interesting",
    "not interesting",
    "forgot",
    "here goes",
    "as usual",
    "sorry",
    "thanks",
    "thank you",
    "hope",
    "hopefully",
    "fyi",
    "reminder",
    "resend",
    "ping",
    "welcome",
    "let me know",
    "please review",
    "feel free to",
    // Why it is posted as an RFC: its standing, not what it does.
    "rfc because",
    "as an rfc",
    "as rfc",
    "please consider",
    "please take",
    "please let",
    "any feedback",
    "any comments",
    "any thoughts",
    "thoughts",
    // What the series carries along, not what it does.
    "from another author",
    "sake of completeness",
    "by the way",
    "btw",
    "heads up",
    "heads-up",
    "earlier part",
    "later part",
    "the rest of the series",
    "the rest of this series",
    "the remaining patches",
    "i think",
    "i believe",
    "i guess",
    "i'm not sure",
    "not sure",
    "to be honest",
    "honestly",
    "frankly",
    "personally",
    "in my opinion",
    "imho",
    "imo",
    "i'd appreciate",
    "appreciate",
    "interested in",
    "open question",
    "questions",
    "discuss",
    "would love",
    "admittedly",
    "hackish",
    "hacky",
    "inspired by",
    "suggestion",
    "suggestions",
    "details are",
    "kudos",
    "credit",
    "came from the discussion",
    "cc stable",
    "backport",
    "backporting",
    "please",
    "it seems",
    "seems to",
    "oh",
    "i wonder",
    "wondering",
    "in the future",
    "future work",
    "will need",
    "later on",
    "follow-up series",
    "followup",
];

/// "Jane Doe posted an RFC for ...": the work's own story, told in the
/// mail (the editor's lead, "Jane posted ...", is not the mail's).
pub const POSTINGS: &[&str] = &[
    "posted a ",
    "posted an ",
    "posted the ",
    "posted this",
    "was posted",
    "were posted",
];

/// A changelog's line: what changed since the last revision.
pub const CHANGELOG_PHRASES: &[&str] = &[
    // "This version reworks ...", "In this revision, ...": what changed.
    "this version",
    "this revision",
    "this iteration",
    "changelog",
    "change log",
    "no changes",
    "no change",
    "no functional change",
    "no functional changes",
    "rebased",
    "rebase",
    "adapted to",
    "cleaned up",
    "comparing to",
    "compared to",
    "compared with",
    "changes since",
    "changes from",
    "since v",
    "from v",
    "previous version",
    "previous revision",
    "previous posting",
    "previous series",
    "last version",
    "last posting",
    "addressed",
    "as suggested",
    "review",
    "picked up",
    "collected",
    "squashed",
    "split out",
    "fixed typo",
    "fixed build",
    // "This series is based on mm-unstable"; "checks based on whether X"
    // says how the code decides.
    "is based on",
    "are based on",
    "on top of",
    "applies on",
    "linux-next",
    "mm-unstable",
    "mm-stable",
    "mm-new",
    "mm-everything",
    "earlier version",
    "the last round",
    "respin",
    "dropped",
    "feedback",
    "comments",
    "previous attempt",
    "previous attempts",
    "main change",
    "main changes",
];

/// Units a measurement is given in: "2.848s", "12 ms", "30%", "512 KIOPS".
pub const UNITS: &[&str] = &[
    "s", "ms", "us", "ns", "sec", "secs", "seconds", "%", "x", "kb", "mb", "gb", "kib", "mib",
    "gib", "mb/s", "gb/s", "iops", "kiops", "ops", "ops/s", "cycles", "usec", "msec", "nsec",
];

/// A test report: how the work was tested, not what it does.
pub const TEST_REPORT_PHRASES: &[&str] = &[
    "the test was run on",
    "the tests were run on",
    "tests were run on",
    "tested on",
    "tested with",
    "tested it",
    "tested by",
    "tested-by",
    "compile-tested",
    "compile tested",
    "build-tested",
    "build tested",
    "boot-tested",
    "boot tested",
    "tested the",
    "testing on",
    "testing with",
    "quickly tested",
    "lightly tested",
    "tests pass",
    "tests passed",
    "passes all",
    "passed all",
    "no regressions",
    "no regression",
    "performance numbers",
    "test results",
    "i tested",
    "we tested",
    "have tested",
    "has been tested",
    "was tested",
    "were tested",
    "been tested",
    "run through",
];

/// A test or benchmark named: a report where the sentence tells of it ("The
/// test case is basic"), not where the work is its subject ("This series
/// fixes X when running the test case Y").
pub const TEST_THINGS: &[&str] = &["benchmark", "test case", "test setup"];

/// Tests and benchmarks by name: a sentence naming one reports a test
/// only where it runs it or tells its outcome ([`TEST_RUNS`]); "the mm
/// selftest uses process_madvise()" says what the work is about.
pub const TEST_NAMES: &[&str] = &[
    "selftests",
    "xfstests",
    "kselftest",
    "ltp",
    "self-test",
    "selftest",
    "self-tests",
];

/// A test run, and its outcome, told: "the selftests passed", "LTP
/// showed no regression" ("the selftests run without root" says what the
/// work makes them do).
pub const TEST_RUNS: &[&str] = &[
    "ran",
    "pass",
    "passes",
    "passed",
    "fail",
    "fails",
    "failed",
    "failing",
    "showed",
    "measured",
    "regressed",
    "gave",
    "got",
];

/// Words of an English subject that come before a finite verb, or the
/// verb itself: a sentence holding one early has a subject.
pub const FINITE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "should",
    "may", "might", "must", "does", "do", "did", "isn't", "aren't", "doesn't", "don't", "can't",
    "won't", "wasn't", "haven't", "hasn't", "didn't",
    // Verbs of their own, which end the list.
    "needs", "allows", "makes", "uses", "adds",
];

/// The auxiliaries among [`FINITE_VERBS`]: "is", "can", "does not".
pub const AUXILIARIES: &[&str] = FINITE_VERBS.split_at(FINITE_VERBS.len() - 5).0;

/// Words that follow an order's verb, not a subject's noun: "Make sure",
/// "Use the", "Move them".
pub const ORDER_OBJECTS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "all", "some", "each",
    "every", "any", "it", "them", "sure", "up", "out", "down", "off", "away", "back", "new",
    "more", "less", "proper", "support", "helper", "helpers",
];

/// Ordinals in words, from the second on: "the third version".
pub const ORDINAL_WORDS: [&str; 9] = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// A revision named in a sentence: `v2`, `V3`, `version 4`.
pub static REVISION_MENTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:v\d+|version \d+)\b").unwrap());

/// "since commit 3222d8c2a7f8": a sentence that cites a commit tells the
/// code's history (the editor's posts cite one about once a year).
pub static COMMIT_CITED: LazyLock<Regex> = LazyLock::new(|| {
    // A title may quote another ("Revert \"mm: frob\""): it ends at `")`.
    Regex::new(r#"\b(?:[Tt]he )?[Cc]ommit:? [0-9a-fA-F]{7,40}\b(?:\s*\("(?:[^"]|"[^)"])*"+\))?"#)
        .unwrap()
});

/// Words before "commit" that make it one the sentence names otherwise:
/// "upstream commit X", "its parent commit X", "that commit X".
pub const COMMIT_QUALIFIERS: &[&str] = &[
    "upstream", "mainline", "parent", "stable", "its", "their", "that", "this", "same", "another",
    "a", "an",
];

/// How [`COMMIT_CITED`] is said in news.
pub const AN_EARLIER_COMMIT: &str = "an earlier commit";

/// Prepositions of a clause that says where, or in what case, the rest
/// of its sentence holds: "In these devices, ...", "For such workloads,
/// ...".
pub const SCOPING_PREPOSITIONS: &[&str] = &[
    "in", "on", "for", "under", "within", "inside", "across", "at",
];

/// Besides the work ([`SERIES_WORDS`]) and its revisions
/// ([`REVISION_NOUNS`]), what an opening clause may point at and still be
/// left out: the change, the reason or the moment ("With this change,
/// ...", "For this reason, ...", "At this point, ...").
pub const ABOUT_THE_WORK: &[&str] = &[
    "change",
    "changes",
    "commit",
    "work",
    "form",
    "posting",
    "submission",
    "proposal",
    "reason",
    "reasons",
    "purpose",
    "end",
    "goal",
    "approach",
    "regard",
    "respect",
    "point",
    "moment",
    "time",
    "way",
    "fix",
];

/// Words that open a place or a reason before the main clause: "In
/// mm/foo.c, ...", "Instead of looping, ...".
pub const CLAUSE_OPENERS: &[&str] = &[
    "in",
    "for",
    "instead",
    "to",
    "when",
    "if",
    "since",
    "because",
    "as",
    "after",
    "before",
    "with",
    "on",
    "while",
    "once",
    "unless",
    "rather",
    "per",
    "currently",
    "now",
    "then",
];

/// Verbs that say how a thing seems or comes about, never what a work
/// does: "This looks like a race", "It seems that ...".
const SEEMING_VERBS: &[&str] = &["seems", "looks", "appears", "happens", "occurs", "matters"];

/// What a "this" says of a statement before it, never what a work does:
/// "This means X", "This looks like a race", "This happens when" ("This
/// shows the statistics in /proc/frobinfo" may be the work).
pub fn is_verb_of_a_statement(verb: &str) -> bool {
    SEEMING_VERBS.contains(&verb)
        || [
            "means",
            "implies",
            "indicates",
            "suggests",
            "proves",
            "sounds",
        ]
        .contains(&verb)
}

/// What follows a "this" that stands for a thing said before: "fix this
/// by", "this is", "to do this."; not "this patch".
pub const BARE_THIS_FOLLOWERS: &[&str] = &[
    "by",
    "is",
    "was",
    "in",
    "to",
    "for",
    "with",
    "and",
    "or",
    "on",
    "at",
    "as",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "means",
    "makes",
    "leads",
    "allows",
    "causes",
    "has",
    "had",
    "happens",
    "does",
    "did",
    "isn't",
    "wasn't",
    "hasn't",
    "hadn't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
];

/// Particles that make a phrasal verb of the verb before them: "phase
/// out", "clean up" (and in one word, `cleanup`).
pub const PARTICLES: &[&str] = &["up", "down", "out", "off", "back", "over"];

/// Determiners: the closed class that opens a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "all", "any", "some", "every", "each", "both", "this", "these", "that",
    "those", "its", "their", "no",
];

/// Words that count what follows them: "a few tweaks", "many users".
pub const QUANTIFIERS: &[&str] = &[
    "few", "many", "several", "more", "most", "other", "all", "both", "some", "any", "no",
];

/// Adverbs of frequency, which stand between a subject and its verb
/// ("BIOs always specify"), not before an order.
pub const FREQUENCY_ADVERBS: &[&str] = &[
    "always",
    "never",
    "often",
    "usually",
    "typically",
    "generally",
    "currently",
    "already",
    "rarely",
    "sometimes",
    "seldom",
    "normally",
];

/// Prepositions: the closed class, as English grammars list it (WordNet,
/// the lexicon, holds only open classes). "with that" points back where
/// "so that" and "now that" join clauses.
pub const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "over",
    "past",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

/// A preposition, "in" and "at" too, which [`PREPOSITIONS`] leaves to its
/// readers where they read them apart ("in which case", "at least").
pub fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.contains(&word) || matches!(word, "in" | "at")
}

/// "helpers", "pages", not "class" or "this": a plural as English writes
/// most of them.
pub fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("is")
}

/// "helper" for "helpers": the singular of a plural [`is_plural`] reads.
pub fn singular(word: &str) -> Option<&str> {
    is_plural(word).then(|| &word[..word.len() - 1])
}

/// "The series is available for testing at [1].": the last word before a
/// link the splitter left out ("opt in.", "used to." end sentences).
pub const BEFORE_A_LINK: &[&str] = &["at", "from", "via"];

/// Words that add to something said before: "also adds", "as well".
pub const ADDITIVES: &[&str] = &["also", "as well", "additionally", "in addition"];

/// Connectives that bring the change after its cause: "Hence, this patch
/// adds X" says what the work does ("Moreover, X" adds to what came before).
pub const CONSEQUENCES: &[&str] = &[
    "hence",
    "thus",
    "therefore",
    "so",
    "consequently",
    "as a result",
    "because of this",
    "for this reason",
];

/// Verbs whose object "it" may stand for a clause to come: "make it clear
/// that X", "keep it possible to X".
pub const ANTICIPATING_VERBS: &[&str] = &["make", "keep", "render"];

/// Verbs whose object takes a bare verb after it: "make this work", "let
/// this run".
pub const CAUSATIVE_VERBS: &[&str] = &["make", "let", "help", "have"];

/// What the work wishes to know, not to do: "would like to know whether X".
pub const ASKING_VERBS: &[&str] = &[
    "know",
    "ask",
    "get",
    "gather",
    "hear",
    "discuss",
    "see",
    "understand",
];

/// Verbs that undo a change, whose object must be one already told:
/// "removes the modification".
pub const UNDOING_VERBS: &[&str] = &["remove", "revert", "drop", "undo"];

/// Verbs that put one thing in another's place: what they replace is
/// gone, and an [`UNDOING_VERBS`] order on it says so again.
pub const REPLACING_VERBS: &[&str] = &["replace", "convert", "switch", "move"];

/// Words that say what will be: "Now drivers will be able to X" tells
/// what a change makes possible ("Now, X can only Y" tells how things are).
pub const FUTURE_MARKERS: &[&str] = &["will", "won't", "able"];

/// Small counts written as words: "the last two patches", "It has three
/// parts".
pub const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six"];

/// Verbs after an "it" that stands for nothing: "It seems that ...", "It
/// turns out ...", "It remains to be seen ...".
pub fn is_expletive_verb(verb: &str) -> bool {
    SEEMING_VERBS.contains(&verb) || ["turns", "remains", "follows", "goes"].contains(&verb)
}

/// Words that open a subordinate clause: an order's own clause ends there.
pub const SUBORDINATORS: &[&str] = &[
    "which", "that", "because", "so", "when", "if", "where", "while", "whereas", "as", "since",
    "until", "unless", "after", "before", "although", "though", "once",
];

/// How an item credits who asked for it: "(David)", ", per Bob".
pub const CREDITS: &[&str] = &[
    ", per ",
    ", thanks",
    " as suggested",
    ", suggested by",
    " (suggested",
];

/// Nouns of a time: "This year, the summit will be held in Vienna" says
/// when, pointing at no sentence before.
pub const TIME_NOUNS: &[&str] = &[
    "year",
    "month",
    "week",
    "morning",
    "afternoon",
    "evening",
    "summer",
    "winter",
    "spring",
    "autumn",
    "quarter",
];

/// How a sentence names the work it opens, to be named by its revision:
/// "This patchset adds X" -> "The fourth version of this patchset adds X".
pub const WORK_OPENINGS: &[&str] = &["this patchset ", "this patch ", "this rfc ", "this series "];

/// Words that make a title a negated order: "don't count ...".
pub const NEGATIONS: &[&str] = &["don't", "dont", "never"];

/// Words of Linus' remark on how a release's week went.
pub const WEEK_REMARKS: &[&str] = &[
    "week", "normal", "calm", "quiet", "busy", "smooth", "things", "nothing", "rc",
];

/// Adjectives that point at another sentence rather than say which thing
/// is named: "the same flags", "the above cases", "the previous fixes".
pub const POINTING_ADJECTIVES: &[&str] = &[
    "same",
    "above",
    "below",
    "following",
    "aforementioned",
    "mentioned",
    "former",
    "latter",
    "said",
    "previous",
    "earlier",
];

/// Adjectives that set a thing against another of its kind rather than say
/// which it is: "the old driver", "the new helper", "the current code".
pub const CONTRASTING_ADJECTIVES: &[&str] =
    &["old", "new", "current", "existing", "original", "other"];

/// Adjectives that judge a thing rather than say which it is: "the obvious
/// fix", "the right way".
pub const JUDGING_ADJECTIVES: &[&str] = &[
    "obvious", "simple", "simplest", "proper", "ideal", "naive", "right", "wrong", "best",
    "better", "easy", "easiest", "good", "bad", "real", "actual",
];

/// Determiners that point at a thing named before: "this flag", "such
/// sequences". Unlike [`DEMONSTRATIVES`], only words that stand before a
/// noun, not phrases that stand for one ("the latter").
pub const DEMONSTRATIVE_DETERMINERS: &[&str] = &["this", "these", "those", "such"];

/// Words before the name of someone credited: "suggested by Jan", "a
/// prompt from Jason", "at the suggestion of Ann".
pub const CREDITED_BY: &[&str] = &["by", "from", "of"];

/// Words other than prepositions that open a clause crediting someone:
/// "As David suggested,", "Following Jan's advice,".
pub const CREDIT_OPENERS: &[&str] = &["as", "following"];

/// What an opening clause names when it tells who prompted the work: "On a
/// prompt from Jason,", "As Jan suggested,", "After Ann's review,"
/// (not "request": "After finishing the request," is the code's).
pub const CREDIT_NOUNS: &[&str] = &[
    "prompt",
    "prompting",
    "suggestion",
    "suggestions",
    "suggested",
    "advice",
    "recommendation",
    "feedback",
    "review",
    "reviews",
];

/// Other words a description of a gathering uses: "an annual gathering of
/// X", "a yearly event", "a track at LPC".
pub const GATHERING_WORDS: &[&str] = &["gathering", "event", "meeting", "track", "bof"];

/// The kinds of gathering of the community, as their names and
/// descriptions say: "Frob Summit", "a technical workshop".
pub const GATHERING_KINDS: &[&str] = &[
    "summit",
    "conference",
    "workshop",
    "microconference",
    "micro-conference",
    "forum",
];

/// The verbs that say what a thing is: "KMSAN is a detector".
pub const COPULAS: &[&str] = &["is", "are"];

/// "a", "an".
pub const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];

/// Words that join clauses as equals: "X, and Y", "X, but Y".
pub const COORDINATORS: &[&str] = &["and", "or", "but", "nor", "yet", "then"];

/// Words that bring in items: "including X, Y and Z", "such as X".
pub const LIST_INTRODUCERS: &[&str] = &["including", "such as", "namely"];
