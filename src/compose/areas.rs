//! The areas of kernel news pages (LWN's weekly kernel patches, say), and
//! a post's entries grouped under them (`--group areas`) or under their
//! first MAINTAINERS section (`--group sections`).

use crate::maintainers::Maintainers;

use super::{Entry, Kind};

/// The areas, in the order a post shows them.
pub const AREAS: [&str; 11] = [
    "Architecture-specific",
    "Core kernel",
    "Device drivers",
    "Documentation",
    "Filesystems and block layer",
    "Memory management",
    "Networking",
    "Security",
    "Virtualization",
    "Development tools",
    "Miscellaneous",
];

/// Where topics and events stand, before the areas.
pub const COMMUNITY: &str = "Community";
const MISCELLANEOUS: &str = "Miscellaneous";

/// How a post's entries are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Areas,
    Sections,
}

/// The area of a top-level directory (and the path below it, for the few
/// places where the second level decides).
fn area_of_dir(file: &str) -> &'static str {
    let mut parts = file.split('/');
    let top = parts.next().unwrap_or_default();
    let second = parts.next().unwrap_or_default();
    match top {
        "arch" if file.contains("/kvm/") => "Virtualization",
        "arch" => "Architecture-specific",
        "drivers" if matches!(second, "vfio" | "virtio" | "vhost") => "Virtualization",
        "drivers" | "sound" => "Device drivers",
        "kernel" | "init" | "ipc" | "lib" | "include" | "usr" => "Core kernel",
        "Documentation" => "Documentation",
        "fs" | "block" | "io_uring" => "Filesystems and block layer",
        "mm" => "Memory management",
        "net" => "Networking",
        "security" | "crypto" | "certs" => "Security",
        "virt" => "Virtualization",
        "tools" | "scripts" | "samples" | "rust" => "Development tools",
        _ => MISCELLANEOUS,
    }
}

/// The area of one changed file. A file under `include/` or
/// `tools/testing/` takes the area of the MAINTAINERS section that holds
/// it (its code's directory), where MAINTAINERS is given.
pub fn area_of_file(file: &str, maintainers: Option<&Maintainers>) -> &'static str {
    let follows_section = file.starts_with("include/") || file.starts_with("tools/testing/");
    if follows_section
        && let Some(section) = maintainers.and_then(|m| m.section_of(file))
        && let Some(top) = section
            .top_dirs()
            .into_iter()
            .find(|t| !matches!(*t, "include" | "tools" | "Documentation" | "*" | ""))
    {
        return area_of_dir(&format!("{top}/"));
    }
    area_of_dir(file)
}

/// An entry's area: where most of its changed files are (the earlier area
/// on a tie); a thread without a diff is Miscellaneous, a topic or an
/// event Community.
pub fn area_of(kind: Kind, files: &[String], maintainers: Option<&Maintainers>) -> &'static str {
    if matches!(kind, Kind::Topic | Kind::Event) {
        return COMMUNITY;
    }
    let mut counts = [0usize; AREAS.len()];
    for file in files {
        let area = area_of_file(file, maintainers);
        if let Some(i) = AREAS.iter().position(|a| *a == area) {
            counts[i] += 1;
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    if most == 0 {
        return MISCELLANEOUS;
    }
    AREAS[counts.iter().position(|&n| n == most).expect("a maximum")]
}

/// Puts each entry other than a release announcement in its group, and the
/// entries in group order: Community first, then the areas in their order
/// (or the sections by their best entry), each group in rank order; the
/// release announcements stay last, in no group.
pub fn group(
    entries: Vec<Entry>,
    grouping: Grouping,
    maintainers: Option<&Maintainers>,
) -> Vec<Entry> {
    let (releases, mut grouped): (Vec<Entry>, Vec<Entry>) =
        entries.into_iter().partition(|e| e.kind == Kind::Release);
    for entry in &mut grouped {
        let area = area_of(entry.kind, &entry.files, maintainers);
        let name = match grouping {
            Grouping::Areas => area.to_string(),
            Grouping::Sections if area == COMMUNITY => area.to_string(),
            Grouping::Sections => entry
                .sections
                .first()
                .cloned()
                .unwrap_or_else(|| MISCELLANEOUS.to_string()),
        };
        entry.group = Some(name);
    }
    // Groups in order of first appearance (rank), then fixed where areas.
    let mut order: Vec<String> = Vec::new();
    for entry in &grouped {
        let name = entry.group.clone().expect("grouped above");
        if !order.contains(&name) {
            order.push(name);
        }
    }
    let rank_of = |name: &str| -> (usize, usize) {
        let fixed = match grouping {
            _ if name == COMMUNITY => 0,
            Grouping::Areas => 1 + AREAS.iter().position(|a| *a == name).unwrap_or(AREAS.len()),
            // Miscellaneous last among sections too.
            Grouping::Sections if name == MISCELLANEOUS => 2,
            Grouping::Sections => 1,
        };
        (
            fixed,
            order.iter().position(|o| o == name).unwrap_or(usize::MAX),
        )
    };
    // Stable: each group keeps its entries' rank order.
    grouped.sort_by_key(|e| rank_of(e.group.as_deref().unwrap_or_default()));
    grouped.extend(releases);
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[&str]) -> Vec<String> {
        list.iter().map(|f| f.to_string()).collect()
    }

    #[test]
    fn an_entry_stands_where_most_of_its_files_are() {
        let area = |f: &[&str]| area_of(Kind::Patch, &files(f), None);
        assert_eq!(
            area(&["mm/vmscan.c", "mm/memcontrol.c", "include/linux/mm.h"]),
            "Memory management"
        );
        assert_eq!(
            area(&["fs/ext4/inode.c", "block/bio.c"]),
            "Filesystems and block layer"
        );
        assert_eq!(area(&["arch/x86/kvm/x86.c"]), "Virtualization");
        assert_eq!(
            area(&["arch/riscv/kernel/entry.S"]),
            "Architecture-specific"
        );
        assert_eq!(area(&["drivers/gpio/gpio-mockup.c"]), "Device drivers");
        assert_eq!(
            area(&["tools/testing/selftests/bpf/x.c"]),
            "Development tools"
        );
        assert_eq!(
            area(&["Documentation/admin-guide/mm/damon/usage.rst"]),
            "Documentation"
        );
        // A tie goes to the earlier area.
        assert_eq!(area(&["net/core/dev.c", "kernel/fork.c"]), "Core kernel");
    }

    #[test]
    fn no_diff_is_miscellaneous_and_a_topic_is_community() {
        assert_eq!(area_of(Kind::Discussion, &[], None), "Miscellaneous");
        assert_eq!(area_of(Kind::Topic, &files(&["mm/a.c"]), None), "Community");
        assert_eq!(area_of(Kind::Event, &[], None), "Community");
    }

    #[test]
    fn headers_and_selftests_follow_their_section() {
        let (m, _) = Maintainers::parse(
            "MEMORY MANAGEMENT\nF:\tinclude/linux/mm.h\nF:\tmm/\nF:\ttools/testing/selftests/mm/\n\n\
             THE REST\nF:\t*\nF:\t*/\n",
            "MAINTAINERS",
        );
        assert_eq!(
            area_of_file("include/linux/mm.h", Some(&m)),
            "Memory management"
        );
        assert_eq!(
            area_of_file("tools/testing/selftests/mm/gup.c", Some(&m)),
            "Memory management"
        );
        assert_eq!(
            area_of_file("include/linux/sched.h", Some(&m)),
            "Core kernel"
        );
        assert_eq!(area_of_file("include/linux/mm.h", None), "Core kernel");
    }
}
