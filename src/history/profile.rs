//! What the editor writes about: the earlier entries' titles and
//! summaries as TF-IDF vectors of word stems, and which of them a new text
//! is like (cosine similarity).
//!
//! Stems are numbered as first met; an inverted index by stem keeps a
//! lookup to the entries that share a stem with the text.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::prose::{content_words, stem};

/// The earlier entries' texts, indexed.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Each word of the entries, lower case, with its stem's number.
    words: FxHashMap<String, u32>,
    /// Each stem's number.
    stems: FxHashMap<String, u32>,
    /// By stem: its inverse document frequency.
    idf: Vec<f32>,
    /// By stem: each entry holding it, with the stem's weight in the
    /// entry's unit vector.
    postings: Vec<Vec<(u32, f32)>>,
    /// The inverse document frequency of a stem no entry holds: as if one
    /// did.
    rare: f32,
}

/// How much a stem counts `n` times in one text: a stem said often counts
/// more, not in proportion.
fn frequency(n: u32) -> f32 {
    1.0 + (n as f32).ln()
}

/// Counts by key, in the order first met.
fn counted<K: PartialEq>(keys: impl IntoIterator<Item = K>) -> Vec<(K, u32)> {
    let mut counts: Vec<(K, u32)> = Vec::new();
    for key in keys {
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
}

impl Profile {
    /// The profile of `texts`, the entries in their order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Profile {
        let mut profile = Profile::default();
        let mut documents: Vec<Vec<(u32, u32)>> = Vec::new();
        for text in texts {
            let ids: Vec<u32> = content_words(text)
                .into_iter()
                .map(|word| profile.number(word))
                .collect();
            documents.push(counted(ids));
        }
        let mut df = vec![0u32; profile.stems.len()];
        for document in &documents {
            for &(id, _) in document {
                df[id as usize] += 1;
            }
        }
        let n = documents.len() as f32;
        // A stem in every entry tells nothing (0); one in a single entry
        // the most.
        profile.idf = df.iter().map(|&df| (n / df as f32).ln()).collect();
        profile.rare = n.max(1.0).ln();
        profile.postings = vec![Vec::new(); df.len()];
        for (i, document) in documents.iter().enumerate() {
            let weights: Vec<(u32, f32)> = document
                .iter()
                .map(|&(id, k)| (id, frequency(k) * profile.idf[id as usize]))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (id, w) in weights {
                profile.postings[id as usize].push((i as u32, w / norm));
            }
        }
        profile
    }

    /// The number of `word`'s stem, numbering it if new.
    fn number(&mut self, word: String) -> u32 {
        if let Some(&id) = self.words.get(&word) {
            return id;
        }
        let stem = stem(&word);
        let next = self.stems.len() as u32;
        let id = *self.stems.entry(stem).or_insert(next);
        self.words.insert(word, id);
        id
    }

    /// The stem number of `word`, where an entry has its stem.
    fn known(&self, word: &str) -> Option<u32> {
        self.words
            .get(word)
            .or_else(|| self.stems.get(&stem(word)))
            .copied()
    }

    /// The entries `text` is like, with their cosine similarity to it, at
    /// least `floor`, most alike first.
    pub fn like(&self, text: &str, floor: f32) -> Vec<(usize, f32)> {
        let words = content_words(text);
        let ids = counted(words.iter().map(|w| self.known(w).ok_or(w.as_str())));
        // Stems no entry holds count toward the text's length alone.
        let mut norm = 0.0;
        let mut query: Vec<(u32, f32)> = Vec::new();
        for (id, k) in ids {
            match id {
                Ok(id) => {
                    let w = frequency(k) * self.idf[id as usize];
                    norm += w * w;
                    query.push((id, w));
                }
                Err(_) => norm += (frequency(k) * self.rare).powi(2),
            }
        }
        let norm: f32 = norm.sqrt();
        if norm == 0.0 {
            return Vec::new();
        }
        let mut sums: HashMap<u32, f32> = HashMap::new();
        for (id, w) in &query {
            for &(entry, weight) in &self.postings[*id as usize] {
                *sums.entry(entry).or_default() += w / norm * weight;
            }
        }
        let mut like: Vec<(usize, f32)> = sums
            .into_iter()
            .filter(|(_, s)| *s >= floor)
            .map(|(e, s)| (e as usize, s))
            .collect();
        like.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        like
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::new([
            "mm: multi-gen LRU. Page reclaim picks the coldest pages by generation.",
            "mm/damon: a sysfs interface. DAMON monitors data access patterns.",
            "net: a faster socket lookup. The hash table is resized online.",
            "mm: page reclaim for swap. Anonymous pages are reclaimed first.",
        ])
    }

    #[test]
    fn a_text_is_like_the_entries_that_share_its_rare_stems() {
        let like = profile().like("mm: reclaiming cold pages by their generations", 0.05);
        let entries: Vec<usize> = like.iter().map(|(e, _)| *e).collect();
        assert_eq!(entries[0], 0);
        assert!(entries.contains(&3));
        assert!(!entries.contains(&2));
    }

    #[test]
    fn a_text_of_unknown_words_is_like_nothing() {
        assert!(
            profile()
                .like("bluetooth: quirks for a dongle", 0.0)
                .is_empty()
        );
    }

    #[test]
    fn similarity_is_at_most_one() {
        let p = profile();
        let like = p.like(
            "net: a faster socket lookup. The hash table is resized online.",
            0.0,
        );
        assert_eq!(like[0].0, 2);
        assert!((like[0].1 - 1.0).abs() < 1e-4, "{like:?}");
    }
}
