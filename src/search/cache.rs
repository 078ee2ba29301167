//! A small bounded cache of recently used entries, and the results cache of the searcher.

use std::collections::HashMap;
use std::hash::Hash;

/// Keeps at most about `capacity` entries, favouring those used recently: entries live in
/// two halves; when the newer half is full it becomes the older one and the older one is
/// dropped, and a hit in the older half moves the entry to the newer one. Cheaper than an
/// exact LRU and just as good for a cache of searches.
#[derive(Debug)]
pub struct Recent<K, V> {
    newer: HashMap<K, V>,
    older: HashMap<K, V>,
    half: usize,
}

impl<K: Eq + Hash, V: Clone> Recent<K, V> {
    pub fn new(capacity: usize) -> Self {
        Self {
            newer: HashMap::new(),
            older: HashMap::new(),
            half: capacity.div_ceil(2),
        }
    }

    pub fn get(&mut self, key: &K) -> Option<V> {
        if let Some(v) = self.newer.get(key) {
            return Some(v.clone());
        }
        let (k, v) = self.older.remove_entry(key)?;
        self.insert(k, v.clone());
        Some(v)
    }

    pub fn insert(&mut self, key: K, value: V) {
        if self.half == 0 {
            return;
        }
        if self.newer.len() >= self.half && !self.newer.contains_key(&key) {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, value);
    }

    pub fn clear(&mut self) {
        self.newer.clear();
        self.older.clear();
    }

    pub fn len(&self) -> usize {
        self.newer.len() + self.older.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Values that are right as long as the search documents have not changed: each entry
/// belongs to the generation of the index (`Store::search_generation`) it was computed at,
/// and a newer generation empties the cache.
#[derive(Debug)]
pub struct GenerationCache<K, V> {
    generation: i64,
    entries: Recent<K, V>,
}

impl<K: Eq + Hash, V: Clone> GenerationCache<K, V> {
    pub fn new(capacity: usize) -> Self {
        Self {
            generation: i64::MIN,
            entries: Recent::new(capacity),
        }
    }

    /// The value for `key` if it was computed at `generation`.
    pub fn get(&mut self, generation: i64, key: &K) -> Option<V> {
        self.advance(generation);
        if generation == self.generation {
            self.entries.get(key)
        } else {
            None
        }
    }

    /// Keeps a value computed at `generation` (one computed at an older generation is dropped).
    pub fn insert(&mut self, generation: i64, key: K, value: V) {
        self.advance(generation);
        if generation == self.generation {
            self.entries.insert(key, value);
        }
    }

    fn advance(&mut self, generation: i64) {
        if generation > self.generation {
            self.generation = generation;
            self.entries.clear();
        }
    }
}

/// Catching up with a change counter in the database, once at a time: an in-memory index
/// (the search vocabulary, the matching and talent indexes) reads what changed only when the
/// counter has moved past what it has seen, and only one task reads it.
pub struct Catchup {
    seen: std::sync::atomic::AtomicI64,
    one: tokio::sync::Mutex<()>,
}

impl Default for Catchup {
    fn default() -> Self {
        Self::new()
    }
}

impl Catchup {
    pub fn new() -> Self {
        Self {
            seen: std::sync::atomic::AtomicI64::new(i64::MIN),
            one: tokio::sync::Mutex::new(()),
        }
    }

    /// `None` when `generation` is caught up with already; otherwise the guard under which
    /// to read the changes (then `done`).
    pub async fn start(&self, generation: i64) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        if self.seen() >= generation {
            return None;
        }
        let guard = self.one.lock().await;
        (self.seen() < generation).then_some(guard)
    }

    pub fn done(&self, generation: i64) {
        self.seen
            .fetch_max(generation, std::sync::atomic::Ordering::AcqRel);
    }

    /// The newest generation caught up with.
    pub fn seen(&self) -> i64 {
        self.seen.load(std::sync::atomic::Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_keeps_what_was_used_and_stays_bounded() {
        let mut c = Recent::new(4);
        for i in 0..4 {
            c.insert(i, i * 10);
        }
        // 0 and 1 are in the older half; using 0 keeps it.
        assert_eq!(c.get(&0), Some(0));
        for i in 4..6 {
            c.insert(i, i * 10);
        }
        assert!(c.len() <= 4);
        assert_eq!(c.get(&1), None);
        assert_eq!(c.get(&5), Some(50));
        for i in 0..1000 {
            c.insert(i, i);
            assert!(c.len() <= 4);
        }
        let mut off = Recent::new(0);
        off.insert(1, 1);
        assert!(off.is_empty());
    }

    #[test]
    fn a_new_generation_empties_the_cache() {
        let mut c = GenerationCache::new(10);
        c.insert(1, "q", 5);
        assert_eq!(c.get(1, &"q"), Some(5));
        assert_eq!(c.get(2, &"q"), None);
        // A result computed before the change is not kept after it.
        c.insert(1, "q", 5);
        assert_eq!(c.get(2, &"q"), None);
        c.insert(2, "q", 6);
        assert_eq!(c.get(2, &"q"), Some(6));
    }
}
