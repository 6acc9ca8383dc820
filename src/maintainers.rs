//! The kernel's MAINTAINERS file: sections as the community names its
//! areas, each a set of file patterns (`F:`, less `X:`), file-name regexes
//! (`N:`), lists (`L:`) and content regexes (`K:`).
//!
//! A file takes the section `get_maintainer.pl` lists first for it: the
//! match whose pattern is deepest (a file pattern counts its directories,
//! one more when it names files rather than a directory; an `N:` regex
//! counts 0; a pattern starting with a wildcard -1, which puts THE REST
//! last), the earlier section on a tie.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

/// The catch-all section get_maintainer.pl orders last.
const THE_REST: &str = "THE REST";

/// A MAINTAINERS file, read.
#[derive(Debug, Default)]
pub struct Maintainers {
    sections: Vec<Section>,
    /// File patterns by the literal directory they start with (`mm`,
    /// `drivers/net`; `` for a pattern that starts with a wildcard):
    /// (section, pattern) indexes.
    by_dir: HashMap<String, Vec<(usize, usize)>>,
}

/// One section: its name line and the tags a draft uses.
#[derive(Debug)]
pub struct Section {
    pub name: String,
    files: Vec<FilePattern>,
    excluded: Vec<FilePattern>,
    names: Vec<Lazy>,
    /// The lists of its `L:` lines, as lore names them (`linux-mm`).
    pub lists: Vec<String>,
    keywords: Vec<Lazy>,
}

/// An `F:` or `X:` pattern as get_maintainer.pl reads it.
#[derive(Debug)]
struct FilePattern {
    text: String,
    /// Ends with `/`, or names what is most likely a directory.
    directory: bool,
    /// Any `*` or `?`: matched as a regex, else by plain comparison.
    regex: Option<Lazy>,
    /// How specific a match is, as get_maintainer.pl ranks them.
    depth: i32,
    slashes: usize,
}

/// A regex compiled when first used: most of the file's 8,000 patterns are
/// never needed by one run.
#[derive(Debug)]
struct Lazy {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl Lazy {
    fn new(source: String) -> Lazy {
        Lazy {
            source,
            compiled: OnceLock::new(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
            .is_some_and(|r| r.is_match(text))
    }
}

impl FilePattern {
    fn new(text: &str) -> FilePattern {
        let wild = text.contains(['*', '?']);
        let directory = text.ends_with('/') || (!wild && looks_like_directory(text));
        let regex = wild.then(|| {
            let mut source = String::from("^");
            for c in text.chars() {
                match c {
                    '*' => source.push_str(".*"),
                    '?' => source.push('.'),
                    // Character classes stay, as in get_maintainer.pl.
                    '[' | ']' => source.push(c),
                    c => source.push_str(&regex::escape(&c.to_string())),
                }
            }
            Lazy::new(source)
        });
        let slashes = text.matches('/').count();
        let mut depth = slashes as i32 + i32::from(!text.ends_with('/'));
        if text.starts_with('*') {
            depth = -1;
        }
        FilePattern {
            text: text.to_string(),
            directory,
            regex,
            depth,
            slashes,
        }
    }

    /// get_maintainer.pl's `file_match_pattern`: a directory pattern takes
    /// everything below it; any other pattern a file at its own depth.
    fn matches(&self, file: &str) -> bool {
        let file_slashes = file.matches('/').count();
        match &self.regex {
            Some(regex) => {
                regex.is_match(file) && (self.text.ends_with('/') || file_slashes == self.slashes)
            }
            None if self.text.ends_with('/') => file.starts_with(&self.text),
            None => {
                file == self.text
                    || (self.directory
                        && file.starts_with(&self.text)
                        && file[self.text.len()..].starts_with('/'))
            }
        }
    }

    /// The literal directory the pattern starts with.
    fn literal_dir(&self) -> &str {
        let literal = self.text.split(['*', '?', '[']).next().unwrap_or_default();
        match literal.rfind('/') {
            Some(i) => &literal[..i],
            None => "",
        }
    }
}

/// A pattern without a trailing slash names a directory where its last
/// part has no extension and is not one of the kernel's build or text
/// files (get_maintainer.pl asks the tree; there is none here).
fn looks_like_directory(text: &str) -> bool {
    let last = text.rsplit('/').next().unwrap_or(text);
    let files = [
        "Kconfig",
        "Makefile",
        "Kbuild",
        "MAINTAINERS",
        "README",
        "COPYING",
        "CREDITS",
        "Kconfig.debug",
    ];
    !last.contains('.') && !files.iter().any(|f| last.starts_with(f)) && !last.is_empty()
}

/// Why a section name matched nothing: the nearest names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no MAINTAINERS section is named {name:?}{}", did_you_mean(.nearest))]
pub struct UnknownSection {
    pub name: String,
    pub nearest: Vec<String>,
}

fn did_you_mean(nearest: &[String]) -> String {
    if nearest.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = nearest.iter().map(|n| format!("{n:?}")).collect();
    format!("; did you mean {}?", quoted.join(", "))
}

impl Maintainers {
    /// Reads `path`; each line that cannot be read is one warning naming
    /// the file and line.
    pub fn read(path: &Path) -> Result<(Maintainers, Vec<String>), String> {
        let bytes = std::fs::read(path).map_err(|e| {
            format!(
                "{}: cannot read it: {}",
                path.display(),
                crate::fetch::local::io_reason(&e)
            )
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let (maintainers, warnings) = Maintainers::parse(&text, &path.display().to_string());
        if maintainers.sections.is_empty() {
            return Err(format!(
                "{}: no MAINTAINERS section in it (a name line, then tag lines such as F: and L:)",
                path.display()
            ));
        }
        Ok((maintainers, warnings))
    }

    /// Parses the text of a MAINTAINERS file; `origin` names it in
    /// warnings. A section is a line that is no tag, then its tag lines;
    /// lines before the first tag line of a section (the file's preamble)
    /// and tags a draft does not use are ignored.
    pub fn parse(text: &str, origin: &str) -> (Maintainers, Vec<String>) {
        let mut maintainers = Maintainers::default();
        let mut warnings = Vec::new();
        let mut name: Option<String> = None;
        let mut current: Option<Section> = None;
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_end();
            let tag = line
                .as_bytes()
                .first()
                .filter(|b| b.is_ascii_uppercase())
                .filter(|_| line.as_bytes().get(1) == Some(&b':'));
            let Some(&tag) = tag else {
                if line.trim().is_empty() || line.trim_start().starts_with('#') {
                    continue;
                }
                if let Some(section) = current.take() {
                    maintainers.push(section);
                }
                name = Some(line.trim().to_string());
                continue;
            };
            let value = line[2..].trim();
            if current.is_none() {
                match name.take() {
                    Some(name) => {
                        current = Some(Section {
                            name,
                            files: Vec::new(),
                            excluded: Vec::new(),
                            names: Vec::new(),
                            lists: Vec::new(),
                            keywords: Vec::new(),
                        })
                    }
                    None => {
                        warnings.push(format!(
                            "{origin}:{}: a {}: line outside any section",
                            number + 1,
                            char::from(tag)
                        ));
                        continue;
                    }
                }
            }
            let section = current.as_mut().expect("a section is open");
            let regex = |source: String| match Regex::new(&source) {
                Ok(_) => Ok(Lazy::new(source)),
                Err(_) => Err(format!(
                    "{origin}:{}: {}: {value:?} is not a regex this tool reads; the line is skipped",
                    number + 1,
                    char::from(tag)
                )),
            };
            match tag {
                b'F' | b'X' if value.is_empty() => warnings.push(format!(
                    "{origin}:{}: an empty {}: line",
                    number + 1,
                    char::from(tag)
                )),
                b'F' => section.files.push(FilePattern::new(value)),
                b'X' => section.excluded.push(FilePattern::new(value)),
                b'L' => section.lists.extend(list_name(value)),
                // Both are Perl regexes with /x.
                b'N' | b'K' => match regex(format!("(?x){value}")) {
                    Ok(lazy) if tag == b'N' => section.names.push(lazy),
                    Ok(lazy) => section.keywords.push(lazy),
                    Err(warning) => warnings.push(warning),
                },
                _ => {}
            }
        }
        if let Some(section) = current {
            maintainers.push(section);
        }
        (maintainers, warnings)
    }

    fn push(&mut self, section: Section) {
        let index = self.sections.len();
        for (i, pattern) in section.files.iter().enumerate() {
            self.by_dir
                .entry(pattern.literal_dir().to_string())
                .or_default()
                .push((index, i));
        }
        self.sections.push(section);
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The sections `name` names, case-insensitively: the one of that
    /// name, or every one whose name begins with it (`MEMORY MANAGEMENT`
    /// takes `MEMORY MANAGEMENT - …`).
    pub fn named(&self, name: &str) -> Result<Vec<&Section>, UnknownSection> {
        let found = self.named_indexes(name)?;
        Ok(found.into_iter().map(|i| &self.sections[i]).collect())
    }

    /// [`Maintainers::named`] as indexes into [`Maintainers::sections`].
    pub fn named_indexes(&self, name: &str) -> Result<Vec<usize>, UnknownSection> {
        let wanted = name.trim().to_uppercase();
        let found: Vec<usize> = (0..self.sections.len())
            .filter(|&i| {
                let upper = self.sections[i].name.to_uppercase();
                upper.strip_prefix(&wanted).is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric())
                })
            })
            .collect();
        if !wanted.is_empty() && !found.is_empty() {
            return Ok(found);
        }
        let mut scored: Vec<(f64, &str)> = self
            .sections
            .iter()
            .map(|s| {
                (
                    strsim::jaro_winkler(&wanted, &s.name.to_uppercase()),
                    s.name.as_str(),
                )
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        Err(UnknownSection {
            name: name.to_string(),
            nearest: scored.iter().take(3).map(|(_, n)| n.to_string()).collect(),
        })
    }

    /// The section `get_maintainer.pl` lists first for `file`.
    pub fn section_of(&self, file: &str) -> Option<&Section> {
        self.first_index(file).map(|i| &self.sections[i])
    }

    /// [`Maintainers::section_of`] as an index into
    /// [`Maintainers::sections`].
    pub fn first_index(&self, file: &str) -> Option<usize> {
        let mut best: Option<(i32, usize)> = None;
        let mut consider = |depth: i32, index: usize| {
            if best.is_none_or(|(d, i)| depth > d || (depth == d && index < i)) {
                best = Some((depth, index));
            }
        };
        let mut dirs = vec![""];
        dirs.extend(file.match_indices('/').map(|(i, _)| &file[..i]));
        for dir in dirs {
            for &(s, p) in self.by_dir.get(dir).into_iter().flatten() {
                let pattern = &self.sections[s].files[p];
                if pattern.matches(file) && !self.sections[s].excludes(file) {
                    consider(pattern.depth, s);
                }
            }
        }
        for (s, section) in self.sections.iter().enumerate() {
            if section.names.iter().any(|n| n.is_match(file)) && !section.excludes(file) {
                consider(0, s);
            }
        }
        best.map(|(_, s)| s)
    }

    /// The sections of the files a series changes, each file's first: the
    /// section holding the most of its files first, the one whose files
    /// change more lines on a tie, then the earlier file's. A file is
    /// `(path, lines changed)`.
    ///
    /// Three kinds of file say less of what a change is than its code:
    /// - a system call's table, which every architecture carries: a
    ///   section counts its tables as one file, however many it holds, so
    ///   that a new call's tables do not outvote the call;
    /// - its tests and documentation (`tools/testing/`, `Documentation/`):
    ///   their sections come after those of the code;
    /// - THE REST, which holds every file no other section does: it comes
    ///   last.
    ///
    /// Files, not lines, decide: weighed by lines, the first section
    /// agrees with get_maintainer.pl's for far fewer corpus entries
    /// (`scripts/compare-maintainers.sh --entries`).
    pub fn sections_of<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, usize)>,
    ) -> Vec<String> {
        #[derive(Default)]
        struct Weight {
            code: usize,
            companions: usize,
            lines: usize,
            /// Its largest table's lines; 0 for none.
            table: usize,
        }
        let mut counted: Vec<(String, Weight)> = Vec::new();
        for (file, lines) in files {
            let Some(section) = self.section_of(file) else {
                continue;
            };
            let at = match counted.iter().position(|(name, _)| *name == section.name) {
                Some(at) => at,
                None => {
                    counted.push((section.name.clone(), Weight::default()));
                    counted.len() - 1
                }
            };
            let weight = &mut counted[at].1;
            if is_syscall_table(file) {
                weight.table = weight.table.max(lines.max(1));
                continue;
            }
            weight.lines += lines;
            if is_companion(file) {
                weight.companions += 1;
            } else {
                weight.code += 1;
            }
        }
        // Stable: ties keep the order files came in.
        counted.sort_by_key(|(name, w)| {
            std::cmp::Reverse((
                name != THE_REST,
                w.code + usize::from(w.table > 0),
                w.companions,
                w.lines + w.table,
            ))
        });
        counted.into_iter().map(|(name, _)| name).collect()
    }
}

/// Whether `file` tests or documents a change rather than makes it.
fn is_companion(file: &str) -> bool {
    file.starts_with("tools/testing/") || file.starts_with("Documentation/")
}

/// Whether `file` is an architecture's system call table: its
/// `syscall*.tbl`, or its `unistd*.h` of call numbers.
fn is_syscall_table(file: &str) -> bool {
    let Some(rest) = file.strip_prefix("arch/") else {
        return false;
    };
    let name = rest.rsplit('/').next().unwrap_or(rest);
    name.starts_with("syscall") && name.ends_with(".tbl")
        || name.starts_with("unistd") && name.ends_with(".h")
}

impl Section {
    fn excludes(&self, file: &str) -> bool {
        self.excluded.iter().any(|x| x.matches(file))
    }

    /// Whether `file` is one of the section's (`F:` or `N:`, not `X:`).
    pub fn holds(&self, file: &str) -> bool {
        (self.files.iter().any(|f| f.matches(file)) || self.names.iter().any(|n| n.is_match(file)))
            && !self.excludes(file)
    }

    /// The subject prefixes its changes go by where they touch no file (a
    /// topic, an RFC of a cover letter alone): its own `F:` directories
    /// (`mm/` gives `mm`, `mm/damon/` gives `mm/damon`; headers, documents,
    /// tools and architectures aside) and the short name its title ends
    /// with (`... (MEMCG)` gives `memcg`).
    pub fn subject_prefixes(&self) -> Vec<String> {
        let mut prefixes: Vec<String> = Vec::new();
        let elsewhere = [
            "include/",
            "Documentation/",
            "tools/",
            "arch/",
            "scripts/",
            "samples/",
        ];
        for pattern in &self.files {
            let dir = pattern.text.trim_end_matches('/');
            if pattern.directory
                && pattern.regex.is_none()
                && !dir.is_empty()
                && !elsewhere.iter().any(|e| pattern.text.starts_with(e))
            {
                prefixes.push(dir.to_lowercase());
            }
        }
        if let Some(short) = self
            .name
            .trim_end()
            .strip_suffix(')')
            .and_then(|head| head.rsplit_once('('))
            .map(|(_, short)| short.trim())
            .filter(|short| !short.is_empty() && short.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            prefixes.push(short.to_lowercase());
        }
        prefixes.dedup();
        prefixes
    }

    /// Whether a `K:` regex of the section matches `text`.
    pub fn names_in(&self, text: &str) -> bool {
        self.keywords.iter().any(|k| k.is_match(text))
    }

    pub fn has_keywords(&self) -> bool {
        !self.keywords.is_empty()
    }

    /// The top-level directories of its `F:` patterns, most patterns first.
    pub fn top_dirs(&self) -> Vec<&str> {
        let mut counted: Vec<(&str, usize)> = Vec::new();
        for pattern in &self.files {
            let top = pattern.text.split('/').next().unwrap_or_default();
            match counted.iter_mut().find(|(t, _)| *t == top) {
                Some((_, n)) => *n += 1,
                None => counted.push((top, 1)),
            }
        }
        counted.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counted.into_iter().map(|(t, _)| t).collect()
    }
}

/// `linux-mm` for `linux-mm@kvack.org` (and for `linux-mm@kvack.org
/// (moderated for non-subscribers)`).
fn list_name(value: &str) -> Option<String> {
    let address = value.split_whitespace().next()?;
    let (name, _) = address.split_once('@')?;
    (!name.is_empty()).then(|| name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An excerpt in the file's own shape, preamble included.
    const EXCERPT: &str = "List of maintainers and how to submit kernel changes
====================================================

Descriptions of section entries and preferred order
---------------------------------------------------

\tM: *Mail* patches to: FullName <address@domain>
\tF: *Files* and directories wildcard patterns.

Maintainers List
----------------

CONTROL GROUP (CGROUP)
M:\tTejun Heo <tj@example.org>
L:\tcgroups@vger.kernel.org
F:\tinclude/linux/cgroup*
F:\tkernel/cgroup/

CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)
L:\tcgroups@vger.kernel.org
L:\tlinux-mm@kvack.org
F:\tmm/memcontrol.c

DAMON
L:\tdamon@lists.linux.dev
F:\tmm/damon/
F:\tinclude/linux/damon.h

MEMORY MANAGEMENT
M:\tAndrew Morton <akpm@example.org>
L:\tlinux-mm@kvack.org (moderated for non-subscribers)
F:\tinclude/linux/mm.h
F:\tmm/
F:\ttools/testing/selftests/vm/
X:\tmm/secret.c

NETWORKING DRIVERS
L:\tnetdev@vger.kernel.org
F:\tdrivers/net/
X:\tdrivers/net/wireless/
N:\tnetdevsim
K:\t\\bnetif_napi_add\\b

THE REST
L:\tlinux-kernel@vger.kernel.org
F:\t*
F:\t*/
";

    fn excerpt() -> Maintainers {
        let (maintainers, warnings) = Maintainers::parse(EXCERPT, "MAINTAINERS");
        assert!(warnings.is_empty(), "{warnings:?}");
        maintainers
    }

    fn first(maintainers: &Maintainers, file: &str) -> String {
        maintainers
            .section_of(file)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    }

    #[test]
    fn sections_are_the_name_lines_with_tags_and_the_preamble_is_none() {
        let maintainers = excerpt();
        let names: Vec<&str> = maintainers
            .sections
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "CONTROL GROUP (CGROUP)",
                "CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)",
                "DAMON",
                "MEMORY MANAGEMENT",
                "NETWORKING DRIVERS",
                "THE REST"
            ]
        );
    }

    #[test]
    fn a_file_takes_the_most_specific_section() {
        let m = excerpt();
        assert_eq!(first(&m, "mm/damon/core.c"), "DAMON");
        assert_eq!(
            first(&m, "mm/memcontrol.c"),
            "CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)"
        );
        assert_eq!(first(&m, "mm/vmscan.c"), "MEMORY MANAGEMENT");
        assert_eq!(first(&m, "include/linux/mm.h"), "MEMORY MANAGEMENT");
        assert_eq!(
            first(&m, "include/linux/cgroup-defs.h"),
            "CONTROL GROUP (CGROUP)"
        );
        assert_eq!(first(&m, "fs/ext4/inode.c"), "THE REST");
        assert_eq!(first(&m, "Makefile"), "THE REST");
    }

    #[test]
    fn excluded_files_and_file_name_regexes() {
        let m = excerpt();
        assert_eq!(first(&m, "mm/secret.c"), "THE REST");
        assert_eq!(first(&m, "drivers/net/wireless/ath/main.c"), "THE REST");
        assert_eq!(
            first(&m, "drivers/net/netdevsim/dev.c"),
            "NETWORKING DRIVERS"
        );
        assert_eq!(
            first(&m, "tools/testing/netdevsim.sh"),
            "NETWORKING DRIVERS"
        );
    }

    #[test]
    fn a_wildcard_stays_inside_its_directory() {
        let m = excerpt();
        // `include/linux/cgroup*` is not `include/linux/cgroup/x.h`.
        let cgroup = m.named("CONTROL GROUP (CGROUP)").unwrap()[0];
        assert!(cgroup.holds("include/linux/cgroup_api.h"));
        assert!(!cgroup.holds("include/linux/cgroup/x.h"));
    }

    #[test]
    fn a_name_takes_every_section_it_begins() {
        let m = excerpt();
        let names = |n: &str| -> Vec<String> {
            m.named(n).unwrap().iter().map(|s| s.name.clone()).collect()
        };
        assert_eq!(names("control group").len(), 2);
        assert_eq!(names("DAMON"), ["DAMON"]);
        assert_eq!(names("memory management"), ["MEMORY MANAGEMENT"]);
        assert_eq!(m.named("MEMORY MANAGEMENT").unwrap()[0].lists, ["linux-mm"]);
    }

    #[test]
    fn an_unknown_name_offers_the_nearest() {
        let error = excerpt().named("MEMORY MANAGMENT").unwrap_err();
        assert_eq!(error.nearest[0], "MEMORY MANAGEMENT");
        assert!(
            error
                .to_string()
                .contains("did you mean \"MEMORY MANAGEMENT\""),
            "{error}"
        );
        // Not the beginning of a word.
        assert!(excerpt().named("DAM").is_err());
    }

    #[test]
    fn keywords_match_text() {
        let m = excerpt();
        let net = m.named("NETWORKING DRIVERS").unwrap()[0];
        assert!(net.names_in("+\tnetif_napi_add(dev, &napi, poll);"));
        assert!(!net.names_in("+\tnetif_napi_add_weight(dev)"));
    }

    #[test]
    fn sections_of_files_are_ordered_by_how_many_files_each_holds() {
        let m = excerpt();
        let files = [
            ("include/linux/damon.h", 1),
            ("mm/vmscan.c", 90),
            ("mm/damon/core.c", 1),
            ("mm/damon/sysfs.c", 1),
        ];
        assert_eq!(m.sections_of(files), ["DAMON", "MEMORY MANAGEMENT"]);
    }

    #[test]
    fn sections_holding_as_many_files_are_ordered_by_the_lines_they_change() {
        let m = excerpt();
        let files = [("mm/damon/core.c", 3), ("mm/vmscan.c", 200)];
        assert_eq!(m.sections_of(files), ["MEMORY MANAGEMENT", "DAMON"]);
    }

    #[test]
    fn the_sections_of_tests_and_documentation_come_after_the_codes() {
        let m = Maintainers::parse(
            "KSFT\nF:\ttools/testing/selftests/\n\nDOC\nF:\tDocumentation/\n\nMM\nF:\tmm/\n",
            "M",
        )
        .0;
        let files = [
            ("tools/testing/selftests/a.c", 300),
            ("tools/testing/selftests/b.c", 300),
            ("Documentation/a.rst", 80),
            ("mm/a.c", 5),
        ];
        assert_eq!(m.sections_of(files), ["MM", "KSFT", "DOC"]);
    }

    #[test]
    fn a_section_counts_its_system_call_tables_once() {
        let m = Maintainers::parse(
            "MIPS\nF:\tarch/mips/\n\nMEMORY MANAGEMENT\nF:\tmm/\n\nX86\nF:\tarch/x86/\n",
            "M",
        )
        .0;
        let files = [
            ("arch/mips/kernel/syscalls/syscall_n32.tbl", 1),
            ("arch/mips/kernel/syscalls/syscall_n64.tbl", 1),
            ("arch/mips/kernel/syscalls/syscall_o32.tbl", 1),
            ("arch/x86/entry/syscalls/syscall_64.tbl", 1),
            ("mm/mmap.c", 2),
        ];
        assert_eq!(m.sections_of(files), ["MEMORY MANAGEMENT", "MIPS", "X86"]);
    }

    #[test]
    fn a_section_names_its_subject_prefixes_by_its_directories_and_short_name() {
        let m = excerpt();
        let prefixes = |name: &str| {
            m.sections()
                .iter()
                .find(|s| s.name == name)
                .unwrap()
                .subject_prefixes()
        };
        assert_eq!(prefixes("MEMORY MANAGEMENT"), ["mm"]);
        assert_eq!(prefixes("DAMON"), ["mm/damon"]);
        assert_eq!(
            prefixes("CONTROL GROUP (CGROUP)"),
            ["kernel/cgroup", "cgroup"]
        );
        assert_eq!(
            prefixes("CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)"),
            ["memcg"]
        );
        assert!(prefixes("THE REST").is_empty());
    }

    #[test]
    fn the_rest_comes_first_only_where_no_other_section_holds_a_file() {
        let m = excerpt();
        let files = [("fs/ext4/inode.c", 9), ("Makefile", 9), ("mm/vmscan.c", 1)];
        assert_eq!(m.sections_of(files), ["MEMORY MANAGEMENT", "THE REST"]);
        assert_eq!(m.sections_of([("Makefile", 1)]), ["THE REST"]);
    }

    #[test]
    fn a_line_that_cannot_be_read_is_one_warning_naming_the_line() {
        let text = "F:\tmm/\nMM\nL:\tlinux-mm@kvack.org\nK:\t(?<=x)y\nF:\tmm/\n";
        let (m, warnings) = Maintainers::parse(text, "M");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("M:1: "), "{warnings:?}");
        assert!(warnings[1].starts_with("M:4: K:"), "{warnings:?}");
        assert_eq!(first(&m, "mm/a.c"), "MM");
    }
}
