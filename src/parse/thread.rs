//! Threads: which messages belong together, and how.
//!
//! Messages are linked through In-Reply-To and References. A local mailbox
//! may miss some messages of a thread, so every reference that resolves
//! joins the thread, not only the direct parent.

use rustc_hash::FxHashMap as HashMap;

use super::message::Message;

/// A set of messages, deduplicated by Message-ID, with their threads.
#[derive(Debug, Default)]
pub struct Pool {
    messages: Vec<Message>,
    by_id: HashMap<String, usize>,
    /// The thread (component) of each message, by index.
    component: Vec<usize>,
    /// The messages of each component, by the component's first index.
    members: HashMap<usize, Vec<usize>>,
}

/// One thread: all messages connected to the one asked for, oldest first.
#[derive(Clone, Debug)]
pub struct Thread<'a> {
    pub messages: Vec<&'a Message>,
    pool: &'a Pool,
}

/// Whether the List-Id `list_id` (`linux-mm.kvack.org`) is lore's list
/// `name` (`linux-mm`; lore calls linux-kernel `lkml`).
pub fn is_list(list_id: &str, name: &str) -> bool {
    let name = if name.eq_ignore_ascii_case("lkml") {
        "linux-kernel"
    } else {
        name
    };
    let list_id = list_id.to_ascii_lowercase();
    let name = name.to_ascii_lowercase();
    list_id == name
        || list_id
            .strip_prefix(&name)
            .is_some_and(|rest| rest.starts_with('.'))
}

impl Pool {
    /// Builds the pool. The first copy of a Message-ID wins, except that a
    /// copy from `preferred_list` (a List-Id) replaces one from elsewhere:
    /// lore's cross-list index holds one copy per list a mail went to.
    pub fn new(messages: impl IntoIterator<Item = Message>, preferred_list: Option<&str>) -> Pool {
        let mut pool = Pool::default();
        let messages = messages.into_iter();
        // At most as many as the iterator has: a pool is built once.
        let (least, most) = messages.size_hint();
        pool.messages.reserve_exact(most.unwrap_or(least));
        for message in messages {
            match pool.by_id.get(&message.id) {
                Some(&i) => {
                    let from = |m: &Message, list: &str| {
                        m.list_id.as_deref().is_some_and(|id| is_list(id, list))
                    };
                    let better = preferred_list
                        .is_some_and(|list| from(&message, list) && !from(&pool.messages[i], list));
                    if better {
                        pool.messages[i] = message;
                    }
                }
                None => {
                    pool.by_id.insert(message.id.clone(), pool.messages.len());
                    pool.messages.push(message);
                }
            }
        }
        pool.link();
        pool
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn get(&self, id: &str) -> Option<&Message> {
        self.by_id.get(id).map(|&i| &self.messages[i])
    }

    /// Union-find over every reference that resolves inside the pool.
    fn link(&mut self) {
        let mut parent: Vec<usize> = (0..self.messages.len()).collect();
        fn find(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for (i, message) in self.messages.iter().enumerate() {
            let linked = message.references.iter().chain(message.in_reply_to.iter());
            for j in linked.filter_map(|id| self.by_id.get(id)) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, *j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
        self.component = (0..self.messages.len())
            .map(|i| find(&mut parent, i))
            .collect();
        for (i, &c) in self.component.iter().enumerate() {
            self.members.entry(c).or_default().push(i);
        }
    }

    /// The thread that holds `id`, if the pool has that message.
    pub fn thread_of(&self, id: &str) -> Option<Thread<'_>> {
        let &i = self.by_id.get(id)?;
        let mut messages: Vec<&Message> = self.members[&self.component[i]]
            .iter()
            .map(|&j| &self.messages[j])
            .collect();
        messages.sort_by_key(|m| m.date.map(|d| d.timestamp()).unwrap_or(i64::MAX));
        Some(Thread {
            messages,
            pool: self,
        })
    }

    /// Every thread in the pool, each once, in the order of their first
    /// message in the pool.
    pub fn threads(&self) -> Vec<Thread<'_>> {
        let mut seen = rustc_hash::FxHashSet::default();
        self.component
            .iter()
            .enumerate()
            .filter(|&(_, &c)| seen.insert(c))
            .filter_map(|(i, _)| self.thread_of(&self.messages[i].id))
            .collect()
    }
}

impl<'a> Thread<'a> {
    /// The message `message` replies to, if it is in the pool.
    pub fn parent(&self, message: &Message) -> Option<&'a Message> {
        let pool: &'a Pool = self.pool;
        message
            .in_reply_to
            .iter()
            .chain(message.references.iter().rev())
            .find_map(|id| pool.get(id))
            .filter(|p| p.id != message.id)
    }

    /// The top of `message`'s branch: follow parents until there are none.
    pub fn root_of(&self, message: &'a Message) -> &'a Message {
        let mut current = message;
        for _ in 0..self.messages.len() {
            match self.parent(current) {
                Some(parent) => current = parent,
                None => break,
            }
        }
        current
    }

    /// Whether `message` has no parent in the thread.
    pub fn is_root(&self, message: &Message) -> bool {
        self.parent(message).is_none()
    }

    /// The number of distinct senders.
    pub fn participants(&self) -> usize {
        let mut senders: Vec<&str> = self
            .messages
            .iter()
            .map(|m| m.from_email.as_str())
            .collect();
        senders.sort_unstable();
        senders.dedup();
        senders.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(id: &str, reply_to: Option<&str>, refs: &[&str], date: i64) -> Message {
        Message {
            id: id.into(),
            in_reply_to: reply_to.map(Into::into),
            references: refs.iter().map(|r| r.to_string()).collect(),
            subject: String::new(),
            from_name: String::new(),
            from_email: format!("{id}@example.org"),
            original_from: None,
            date: chrono::DateTime::from_timestamp(date, 0).map(|d| d.fixed_offset()),
            list_id: None,
            lists: Vec::new(),
            body: Default::default(),
            raw_index: 0,
        }
    }

    #[test]
    fn thread_holds_connected_messages_in_date_order() {
        let pool = Pool::new(
            [
                mail("b@x", Some("a@x"), &["a@x"], 2),
                mail("a@x", None, &[], 1),
                mail("other@x", None, &[], 0),
                mail("c@x", Some("b@x"), &["a@x", "b@x"], 3),
            ],
            None,
        );
        let thread = pool.thread_of("c@x").unwrap();
        let ids: Vec<&str> = thread.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a@x", "b@x", "c@x"]);
        assert_eq!(thread.root_of(thread.messages[2]).id, "a@x");
    }

    #[test]
    fn missing_middle_message_still_joins_through_references() {
        let pool = Pool::new(
            [
                mail("a@x", None, &[], 1),
                mail("c@x", Some("b@x"), &["a@x", "b@x"], 3),
            ],
            None,
        );
        assert_eq!(pool.thread_of("a@x").unwrap().messages.len(), 2);
    }

    #[test]
    fn duplicate_copies_prefer_the_asked_list() {
        let mut first = mail("a@x", None, &[], 1);
        first.list_id = Some("linux-kernel.vger.kernel.org".into());
        let mut second = first.clone();
        second.list_id = Some("linux-mm.kvack.org".into());
        let pool = Pool::new([first, second], Some("linux-mm"));
        assert_eq!(pool.len(), 1);
        assert_eq!(
            pool.get("a@x").unwrap().list_id.as_deref(),
            Some("linux-mm.kvack.org")
        );
    }

    #[test]
    fn a_list_id_is_a_list_by_its_first_label() {
        assert!(is_list("linux-mm.kvack.org", "linux-mm"));
        assert!(is_list("linux-kernel.vger.kernel.org", "lkml"));
        assert!(!is_list("linux-mmc.vger.kernel.org", "linux-mm"));
        assert!(!is_list("linux-mm.kvack.org", "mm"));
    }

    #[test]
    fn reference_cycles_terminate() {
        let pool = Pool::new(
            [
                mail("a@x", Some("b@x"), &[], 1),
                mail("b@x", Some("a@x"), &[], 2),
            ],
            None,
        );
        let thread = pool.thread_of("a@x").unwrap();
        thread.root_of(thread.messages[0]);
    }
}
