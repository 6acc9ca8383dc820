//! What the editor writes about: the earlier entries' titles and
//! summaries as TF-IDF vectors of word stems, and which of them a new text
//! is like (cosine similarity).
//!
//! An inverted index keeps a lookup to the entries that share a stem with
//! the text.

use std::collections::HashMap;

use crate::prose::stems;

/// The earlier entries' texts, indexed.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// By stem: each entry holding it, with the stem's weight in the
    /// entry's unit vector.
    postings: HashMap<String, Vec<(u32, f32)>>,
    /// By stem: its inverse document frequency.
    idf: HashMap<String, f32>,
    /// That of a stem no entry holds: as if one did.
    rare: f32,
}

/// How much a stem counts `n` times in one text: a stem said often counts
/// more, not in proportion.
fn frequency(n: usize) -> f32 {
    1.0 + (n as f32).ln()
}

fn counted(text: &str) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for stem in stems(text) {
        *counts.entry(stem).or_default() += 1;
    }
    counts
}

impl Profile {
    /// The profile of `texts`, the entries in their order.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Profile {
        let documents: Vec<HashMap<String, usize>> = texts.into_iter().map(counted).collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for document in &documents {
            for stem in document.keys() {
                *df.entry(stem.as_str()).or_default() += 1;
            }
        }
        let n = documents.len() as f32;
        // A stem in every entry tells nothing (0); one in a single entry
        // the most.
        let idf: HashMap<String, f32> = df
            .into_iter()
            .map(|(stem, df)| (stem.to_string(), (n / df as f32).ln()))
            .collect();
        let mut postings: HashMap<String, Vec<(u32, f32)>> = HashMap::new();
        for (i, document) in documents.iter().enumerate() {
            let weights: Vec<(&String, f32)> = document
                .iter()
                .map(|(stem, &k)| (stem, frequency(k) * idf[stem]))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (stem, w) in weights {
                postings
                    .entry(stem.clone())
                    .or_default()
                    .push((i as u32, w / norm));
            }
        }
        Profile {
            postings,
            idf,
            rare: n.max(1.0).ln(),
        }
    }

    /// The entries `text` is like, with their cosine similarity to it, at
    /// least `floor`, most alike first.
    pub fn like(&self, text: &str, floor: f32) -> Vec<(usize, f32)> {
        // Stems no entry holds count toward the text's length alone.
        let mut norm = 0.0;
        let mut query: Vec<(&str, f32)> = Vec::new();
        for (stem, k) in counted(text) {
            match self.idf.get_key_value(&stem) {
                Some((stem, idf)) => {
                    let w = frequency(k) * idf;
                    norm += w * w;
                    query.push((stem, w));
                }
                None => norm += (frequency(k) * self.rare).powi(2),
            }
        }
        let norm: f32 = norm.sqrt();
        if norm == 0.0 {
            return Vec::new();
        }
        let mut sums: HashMap<u32, f32> = HashMap::new();
        for (stem, w) in &query {
            for &(entry, weight) in self.postings.get(*stem).into_iter().flatten() {
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
