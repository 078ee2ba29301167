//! The search index in memory: every search document's words, facet tokens and cells as
//! posting lists held as compressed bitmaps (`roaring`), so that a search costs what the page
//! asked for, not what the number of matches is.
//!
//! - The matches are the intersection of one union per query word (its index words), the
//!   facet filters and the cells of the radius; the total and every facet count are the
//!   sizes of intersections of bitmaps, never a walk over the matched documents.
//! - Ranking: a document's score takes only a few values (how its title matches each query
//!   word, and whether every word matched by an exact or inflected form), so the matches are
//!   split into tiers of equal score by bitmap operations, and within a tier the order is a
//!   precomputed one (type, then the name in the page's language, then the id). The page is
//!   read from the first tiers only: from a small tier by sorting it, from a large one by
//!   walking the precomputed order until the page is full.
//! - Searches the tiers do not cover (distance, newest, apply-by, many query words) rank the
//!   matches one by one with the same rules as the store's path (`query::rank`).
//!
//! The index is built from the store's search documents and caught up with the store's list
//! of changed organizations (`Store::search_changes_since`), so every node stays stateless:
//! a new node loads it at start, and answers from the store until it has.

use super::analyzer::Relation;
use super::geo::distance_km;
use super::index::DocType;
use super::query::{facet_of_token, FacetCount, Hit, MatchQuery, SearchRequest, SearchResults};
use super::query::{Sort, TieKey};
pub use crate::domain::search::{SearchChanges, StoredDoc};
use crate::domain::{Lang, LocalizedText};
use roaring::{MultiOps, RoaringBitmap};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One document in memory.
#[derive(Debug)]
struct Doc {
    doc_type: DocType,
    record_id: Box<str>,
    organization_id: Box<str>,
    name: Box<str>,
    /// Its words' and facet tokens' numbers, to take it out of their posting lists.
    words: Box<[u32]>,
    facets: Box<[u32]>,
    points: Box<[(f64, f64)]>,
    created: i64,
    apply_by: Option<Box<str>>,
}

impl Doc {
    fn name(&self) -> LocalizedText {
        serde_json::from_str(&self.name).unwrap_or_else(|_| LocalizedText::fi(String::new()))
    }
}

/// The documents that have a word: in the title or the body, and in the title.
#[derive(Debug, Default)]
struct Word {
    any: RoaringBitmap,
    title: RoaringBitmap,
}

/// The documents that have a facet token, and the facet value it counts for (none for the
/// cells of the map).
#[derive(Debug)]
struct Facet {
    docs: RoaringBitmap,
    counts_as: Option<(&'static str, String)>,
    /// The same set as plain bits, for a facet common enough that counting it against many
    /// matches is faster word by word (see `count_facets`).
    dense: Option<Bits>,
}

/// A set of slots as plain bits: a test is one instruction, and two sets intersect and count
/// 64 slots at a time.
#[derive(Debug, Clone, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn of(set: &RoaringBitmap, slots: usize) -> Self {
        let mut b = Bits(vec![0; slots.div_ceil(64)]);
        for s in set {
            b.set(s);
        }
        b
    }
    fn set(&mut self, s: u32) {
        let w = (s >> 6) as usize;
        if w >= self.0.len() {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << (s & 63);
    }
    fn clear(&mut self, s: u32) {
        if let Some(w) = self.0.get_mut((s >> 6) as usize) {
            *w &= !(1 << (s & 63));
        }
    }
    fn has(&self, s: u32) -> bool {
        self.0
            .get((s >> 6) as usize)
            .is_some_and(|w| w & (1 << (s & 63)) != 0)
    }
    fn and_count(&self, other: &Bits) -> u64 {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| u64::from((a & b).count_ones()))
            .sum()
    }
}

/// Changes this many documents or more at once, and the orders are sorted again instead of
/// taking each new document in at its place.
const RESORT_AT: usize = 2_000;
/// A facet in at least one of this many documents is also kept as plain bits.
const DENSE_AT: usize = 64;
/// Matches up to this many have their facets counted document by document.
const FEW: u64 = 2_000;
/// Score tiers worth listing (more query words than that: one by one).
const MAX_TIERS: usize = 64;

fn lang_no(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// The index.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    docs: Vec<Option<Doc>>,
    free: Vec<u32>,
    live: RoaringBitmap,
    by_key: HashMap<(DocType, Box<str>), u32>,
    by_org: HashMap<Box<str>, Vec<u32>>,
    word_no: HashMap<Box<str>, u32>,
    words: Vec<Word>,
    facet_no: HashMap<Box<str>, u32>,
    facets: Vec<Facet>,
    /// Per document type (in `DocType::ALL` order), its documents.
    types: [RoaringBitmap; DocType::ALL.len()],
    /// Per language: the documents by name in that language (lower case), then id.
    order: [Vec<u32>; 3],
    /// Per language: a document's place in `order` (`u32::MAX` for a free slot).
    rank: [Vec<u32>; 3],
    /// The change number this index has caught up with.
    pub seq: i64,
}

fn type_no(t: DocType) -> usize {
    DocType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

impl MemoryIndex {
    pub fn new(seq: i64) -> Self {
        Self {
            seq,
            ..Self::default()
        }
    }

    pub fn len(&self) -> usize {
        self.live.len() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// The key a document is ordered by within a tier, in a language.
    fn order_key(&self, slot: u32, lang: Lang) -> (String, Box<str>) {
        let d = self.docs[slot as usize].as_ref().expect("a live slot");
        (d.name().text(lang).to_lowercase(), d.record_id.clone())
    }

    /// Adds documents during a bulk load (the orders are sorted once, by `finish`).
    pub fn load(&mut self, docs: Vec<StoredDoc>) {
        for d in docs {
            self.put(d);
        }
    }

    /// Sorts the orders after a bulk load.
    pub fn finish(&mut self) {
        self.resort();
    }

    /// Replaces every document of these organizations with `docs` (their documents now).
    pub fn replace(&mut self, organizations: &[String], docs: Vec<StoredDoc>) {
        let mut gone: HashSet<u32> = HashSet::new();
        for o in organizations {
            for slot in self.by_org.remove(o.as_str()).unwrap_or_default() {
                self.take_out(slot);
                gone.insert(slot);
            }
        }
        let mut added = Vec::with_capacity(docs.len());
        for d in docs {
            if let Some(old) = self.by_key.get(&(d.doc_type, d.record_id.as_str().into())) {
                let old = *old;
                self.take_out(old);
                gone.insert(old);
            }
            added.push(self.put(d));
        }
        if gone.len() + added.len() >= RESORT_AT {
            self.resort();
            return;
        }
        for l in 0..3 {
            let lang = Lang::ALL[l];
            let mut order = std::mem::take(&mut self.order[l]);
            order.retain(|s| !gone.contains(s));
            for &slot in &added {
                let key = self.order_key(slot, lang);
                let at = order.partition_point(|&o| self.order_key(o, lang) < key);
                order.insert(at, slot);
            }
            self.order[l] = order;
            self.rerank(l);
        }
    }

    fn rerank(&mut self, l: usize) {
        let rank = &mut self.rank[l];
        rank.clear();
        rank.resize(self.docs.len(), u32::MAX);
        for (i, &slot) in self.order[l].iter().enumerate() {
            rank[slot as usize] = i as u32;
        }
    }

    fn resort(&mut self) {
        // Facets held in at least one of DENSE_AT slots get a copy as plain bits (kept up to
        // date by `put` and `take_out`; one that grows past it later is counted the slower
        // way until the next resort).
        let slots = self.docs.len();
        for f in &mut self.facets {
            f.dense = (f.counts_as.is_some() && f.docs.len() as usize * DENSE_AT >= slots)
                .then(|| Bits::of(&f.docs, slots));
        }
        for (l, lang) in Lang::ALL.into_iter().enumerate() {
            // Names only (the id is compared where names tie), one language at a time: the
            // keys are the largest thing a load holds for a moment.
            let mut keyed: Vec<(String, u32)> = self
                .live
                .iter()
                .map(|slot| (self.order_key(slot, lang).0, slot))
                .collect();
            keyed.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| self.doc(a.1).record_id.cmp(&self.doc(b.1).record_id))
            });
            self.order[l] = keyed.into_iter().map(|(_, s)| s).collect();
            self.rerank(l);
        }
    }

    /// Puts a document in a free slot (replacing one with the same type and id).
    fn put(&mut self, d: StoredDoc) -> u32 {
        if let Some(old) = self.by_key.get(&(d.doc_type, d.record_id.as_str().into())) {
            let old = *old;
            self.take_out(old);
        }
        let slot = self.free.pop().unwrap_or(self.docs.len() as u32);
        let mut words: Vec<u32> = Vec::new();
        for (part, in_title) in [(&d.title, true), (&d.body, false)] {
            for w in part.split(' ').filter(|w| !w.is_empty()) {
                let no = match self.word_no.get(w) {
                    Some(n) => *n,
                    None => {
                        let n = self.words.len() as u32;
                        self.word_no.insert(w.into(), n);
                        self.words.push(Word::default());
                        n
                    }
                };
                let entry = &mut self.words[no as usize];
                if entry.any.insert(slot) {
                    words.push(no);
                }
                if in_title {
                    entry.title.insert(slot);
                }
            }
        }
        let mut facets: Vec<u32> = Vec::new();
        for t in d.facets.split(' ').filter(|t| !t.is_empty()) {
            let no = match self.facet_no.get(t) {
                Some(n) => *n,
                None => {
                    let n = self.facets.len() as u32;
                    self.facet_no.insert(t.into(), n);
                    self.facets.push(Facet {
                        docs: RoaringBitmap::new(),
                        counts_as: (!t.starts_with('c')).then(|| facet_of_token(t)).flatten(),
                        dense: None,
                    });
                    n
                }
            };
            let f = &mut self.facets[no as usize];
            if f.docs.insert(slot) {
                facets.push(no);
                if let Some(d) = &mut f.dense {
                    d.set(slot);
                }
            }
        }
        let doc = Doc {
            doc_type: d.doc_type,
            record_id: d.record_id.into(),
            organization_id: d.organization_id.into(),
            name: d.name.into(),
            words: words.into(),
            facets: facets.into(),
            points: d.points.into(),
            created: d.created,
            apply_by: d.apply_by.map(Into::into),
        };
        self.by_key
            .insert((doc.doc_type, doc.record_id.clone()), slot);
        self.by_org
            .entry(doc.organization_id.clone())
            .or_default()
            .push(slot);
        self.types[type_no(doc.doc_type)].insert(slot);
        self.live.insert(slot);
        if slot as usize == self.docs.len() {
            self.docs.push(Some(doc));
        } else {
            self.docs[slot as usize] = Some(doc);
        }
        slot
    }

    /// Takes a document out of every posting list and frees its slot (the orders are fixed
    /// by the caller).
    fn take_out(&mut self, slot: u32) {
        let Some(d) = self.docs.get_mut(slot as usize).and_then(Option::take) else {
            return;
        };
        for &w in d.words.iter() {
            let e = &mut self.words[w as usize];
            e.any.remove(slot);
            e.title.remove(slot);
        }
        for &f in d.facets.iter() {
            let f = &mut self.facets[f as usize];
            f.docs.remove(slot);
            if let Some(d) = &mut f.dense {
                d.clear(slot);
            }
        }
        self.types[type_no(d.doc_type)].remove(slot);
        self.live.remove(slot);
        self.by_key.remove(&(d.doc_type, d.record_id));
        if let Some(v) = self.by_org.get_mut(&d.organization_id) {
            v.retain(|s| *s != slot);
            if v.is_empty() {
                self.by_org.remove(&d.organization_id);
            }
        }
        self.free.push(slot);
    }

    /// The `n` words most documents have (by title or body), with how many have them.
    pub fn frequent_words(&self, n: usize) -> Vec<(String, u64)> {
        let mut all: Vec<(&str, u64)> = self
            .word_no
            .iter()
            .map(|(w, no)| (w.as_ref(), self.words[*no as usize].any.len()))
            .filter(|(_, c)| *c > 0)
            .collect();
        all.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        all.into_iter()
            .take(n)
            .map(|(w, c)| (w.to_string(), c))
            .collect()
    }

    fn any_of(&self, words: &[String]) -> RoaringBitmap {
        words
            .iter()
            .filter_map(|w| self.word_no.get(w.as_str()))
            .map(|n| &self.words[*n as usize].any)
            .union()
    }

    fn facet(&self, token: &str) -> Option<&RoaringBitmap> {
        self.facet_no
            .get(token)
            .map(|n| &self.facets[*n as usize].docs)
    }

    /// Runs a planned search: `q` is the match query, `groups` each query word's index words
    /// with how they relate to it, `since` keeps only documents created from then on.
    pub fn search(
        &self,
        req: &SearchRequest,
        q: &MatchQuery,
        groups: &[Vec<(String, Relation)>],
        since: Option<i64>,
    ) -> SearchResults {
        let mut m = self.live.clone();
        for g in &q.groups {
            m &= self.any_of(g);
        }
        for t in &q.all_of {
            match self.facet(t) {
                Some(f) => m &= f,
                None => m.clear(),
            }
        }
        for g in &q.any_of {
            m &= g.iter().filter_map(|t| self.facet(t)).union();
        }
        if let Some(since) = since {
            m = m.iter().filter(|s| self.doc(*s).created >= since).collect();
        }
        // Distance from the place asked for, for every match (with a radius: only those
        // within it stay).
        let mut distances: Vec<(u32, f64)> = Vec::new();
        if let Some(p) = &req.near {
            let mut kept = RoaringBitmap::new();
            for s in &m {
                let d = self
                    .doc(s)
                    .points
                    .iter()
                    .map(|pt| distance_km((p.lat, p.lon), *pt))
                    .min_by(|a, b| a.total_cmp(b));
                if let Some(r) = req.radius_km {
                    if d.is_none_or(|d| d > r) {
                        continue;
                    }
                }
                kept.insert(s);
                if let Some(d) = d {
                    distances.push((s, d));
                }
            }
            m = kept;
        }
        let distance = |s: u32| -> Option<f64> {
            distances
                .binary_search_by_key(&s, |(x, _)| *x)
                .ok()
                .map(|i| distances[i].1)
        };
        let total = m.len();
        let facets = self.count_facets(&m);
        let start = (req.page as usize - 1) * req.per_page as usize;
        let end = start + req.per_page as usize;
        let scorer = Scorer::new(self, q, groups, &m);
        let page: Vec<(u32, f64)> = match (req.sort, req.near.is_some()) {
            (Sort::Relevance, false) => match scorer.tiers(&m) {
                Some(tiers) => self.page_of_tiers(req.lang, tiers, start, end),
                None => self.page_one_by_one(req, &m, &scorer, &distance, start, end),
            },
            _ => self.page_one_by_one(req, &m, &scorer, &distance, start, end),
        };
        let hits = page
            .into_iter()
            .map(|(s, score)| {
                let d = self.doc(s);
                Hit {
                    doc_type: d.doc_type,
                    record_id: d.record_id.to_string(),
                    name: d.name(),
                    score: (score * 1000.0).round() / 1000.0,
                    distance_km: distance(s).map(|d| (d * 10.0).round() / 10.0),
                }
            })
            .collect();
        SearchResults {
            total,
            hits,
            facets,
            ..Default::default()
        }
    }

    fn doc(&self, slot: u32) -> &Doc {
        self.docs[slot as usize].as_ref().expect("a live slot")
    }

    fn count_facets(&self, m: &RoaringBitmap) -> BTreeMap<&'static str, Vec<FacetCount>> {
        let everything = m.len() == self.live.len();
        let mut facets: BTreeMap<&'static str, Vec<FacetCount>> = BTreeMap::new();
        if m.is_empty() {
            return facets;
        }
        // Few matches: their own facet lists. Many: the matches as plain bits, intersected
        // with each facet's bits (common facets) or tested for each of its documents.
        let mut few: HashMap<u32, u64> = HashMap::new();
        if !everything && m.len() <= FEW {
            for s in m {
                for &f in self.doc(s).facets.iter() {
                    *few.entry(f).or_insert(0) += 1;
                }
            }
        }
        let bits = (!everything && m.len() > FEW).then(|| Bits::of(m, self.docs.len()));
        for (no, f) in self.facets.iter().enumerate() {
            let Some((name, value)) = &f.counts_as else {
                continue;
            };
            let count = match (&bits, &f.dense) {
                _ if everything => f.docs.len(),
                (None, _) => few.get(&(no as u32)).copied().unwrap_or(0),
                (Some(b), Some(d)) => b.and_count(d),
                (Some(b), None) => f.docs.iter().filter(|s| b.has(*s)).count() as u64,
            };
            if count > 0 {
                facets.entry(name).or_default().push(FacetCount {
                    value: value.clone(),
                    count,
                });
            }
        }
        for v in facets.values_mut() {
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        facets
    }

    /// The page from tiers of equal score, best first: within a tier by type, then by the
    /// precomputed order of the language.
    fn page_of_tiers(
        &self,
        lang: Lang,
        tiers: Vec<(f64, RoaringBitmap)>,
        start: usize,
        end: usize,
    ) -> Vec<(u32, f64)> {
        let mut page = Vec::new();
        let mut before = 0usize;
        for (score, tier) in tiers {
            for t in &self.types {
                if before >= end {
                    return page;
                }
                let part = t & &tier;
                let n = part.len() as usize;
                if before + n > start {
                    let from = start.saturating_sub(before);
                    let to = (end - before).min(n);
                    let first = self.first_in_order(lang, &part, to);
                    page.extend(first[from..].iter().map(|s| (*s, score)));
                }
                before += n;
            }
        }
        page
    }

    /// The first `k` documents of a set in the language's order: a small set is sorted, a
    /// large one found by walking the order until `k` are found.
    fn first_in_order(&self, lang: Lang, set: &RoaringBitmap, k: usize) -> Vec<u32> {
        let l = lang_no(lang);
        let n = set.len() as usize;
        // Walking finds one of the set about every len/n documents (if the set is spread
        // over the order; a set bunched at its end is sorted after a bounded walk).
        let walk = k.saturating_mul(self.order[l].len()) / n.max(1);
        if n > 4096 && walk <= n {
            let budget = walk.saturating_mul(8).saturating_add(1024);
            let mut found = Vec::with_capacity(k);
            for &s in self.order[l].iter().take(budget) {
                if set.contains(s) {
                    found.push(s);
                    if found.len() == k {
                        return found;
                    }
                }
            }
            if found.len() == n {
                return found;
            }
        }
        let rank = &self.rank[l];
        let mut v: Vec<u32> = set.iter().collect();
        if k < v.len() {
            v.select_nth_unstable_by_key(k, |s| rank[*s as usize]);
            v.truncate(k);
        }
        v.sort_unstable_by_key(|s| rank[*s as usize]);
        v
    }

    /// The page when each match is scored and compared on its own (the store path's rules).
    fn page_one_by_one(
        &self,
        req: &SearchRequest,
        m: &RoaringBitmap,
        scorer: &Scorer,
        distance: &dyn Fn(u32) -> Option<f64>,
        start: usize,
        end: usize,
    ) -> Vec<(u32, f64)> {
        let rank = &self.rank[lang_no(req.lang)];
        let scores = scorer.scores(m);
        let mut all: Vec<(TieKey, u32, f64)> = m
            .iter()
            .zip(scores)
            .map(|(s, score)| {
                let d = self.doc(s);
                (
                    TieKey {
                        score,
                        distance: distance(s),
                        doc_type: d.doc_type,
                        created: d.created,
                        apply_by: d.apply_by.as_deref(),
                    },
                    s,
                    score,
                )
            })
            .collect();
        let cmp = |a: &(TieKey, u32, f64), b: &(TieKey, u32, f64)| -> Ordering {
            a.0.cmp(&b.0, req.sort)
                .then_with(|| rank[a.1 as usize].cmp(&rank[b.1 as usize]))
        };
        if end < all.len() {
            all.select_nth_unstable_by(end, cmp);
            all.truncate(end);
        }
        all.sort_unstable_by(cmp);
        all.into_iter()
            .skip(start)
            .map(|(_, s, score)| (s, score))
            .collect()
    }
}

/// How the matches score: per query word, the documents whose title has one of its index
/// words, by weight (best first, each document in its best level only), and the documents
/// that matched every word by an exact or inflected form.
struct Scorer {
    levels: Vec<Vec<(f64, RoaringBitmap)>>,
    strong: RoaringBitmap,
}

impl Scorer {
    fn new(
        ix: &MemoryIndex,
        q: &MatchQuery,
        groups: &[Vec<(String, Relation)>],
        m: &RoaringBitmap,
    ) -> Self {
        let mut levels = Vec::with_capacity(groups.len());
        for g in groups {
            let mut best: HashMap<&str, f64> = HashMap::new();
            for (w, r) in g {
                let e = best.entry(w.as_str()).or_insert(0.0);
                *e = e.max(r.weight());
            }
            let mut by_weight: BTreeMap<u64, Vec<&RoaringBitmap>> = BTreeMap::new();
            for (w, weight) in best {
                if let Some(n) = ix.word_no.get(w) {
                    by_weight
                        .entry(weight.to_bits())
                        .or_default()
                        .push(&ix.words[*n as usize].title);
                }
            }
            let mut seen = RoaringBitmap::new();
            let mut group = Vec::new();
            // Weights are positive, so their bits sort as they do.
            for (bits, titles) in by_weight.into_iter().rev() {
                let mut level = titles.into_iter().union() & m;
                level -= &seen;
                if !level.is_empty() {
                    seen |= &level;
                    group.push((f64::from_bits(bits), level));
                }
            }
            levels.push(group);
        }
        let strong = if q.groups.is_empty() {
            m.clone()
        } else if q.strong.iter().any(|g| g.is_empty()) {
            RoaringBitmap::new()
        } else {
            let mut s = m.clone();
            for g in &q.strong {
                s &= ix.any_of(g);
            }
            s
        };
        Self { levels, strong }
    }

    fn score(&self, in_title: f64) -> [f64; 2] {
        let n = self.levels.len() as f64;
        [true, false]
            .map(|strong| (2.0 * in_title + n * if strong { 1.0 } else { 0.4 }) / (3.0 * n))
    }

    /// The matches in tiers of equal score, best first; `None` when there would be too many.
    fn tiers(&self, m: &RoaringBitmap) -> Option<Vec<(f64, RoaringBitmap)>> {
        if self.levels.is_empty() {
            return Some(vec![(0.0, m.clone())]);
        }
        let mut combos: Vec<(f64, RoaringBitmap)> = vec![(0.0, m.clone())];
        for group in &self.levels {
            let in_any: RoaringBitmap = group.iter().map(|(_, b)| b).union();
            let mut next = Vec::new();
            for (sum, set) in &combos {
                for (w, level) in group {
                    let both = set & level;
                    if !both.is_empty() {
                        next.push((sum + w, both));
                    }
                }
                let none = set - &in_any;
                if !none.is_empty() {
                    next.push((sum + 0.0, none));
                }
            }
            if next.len() * 2 > MAX_TIERS {
                return None;
            }
            combos = next;
        }
        let mut tiers: Vec<(f64, RoaringBitmap)> = Vec::new();
        for (in_title, set) in combos {
            let [strong, weak] = self.score(in_title);
            let s = &set & &self.strong;
            let w = set - &self.strong;
            for (score, part) in [(strong, s), (weak, w)] {
                if part.is_empty() {
                    continue;
                }
                match tiers.iter_mut().find(|(x, _)| *x == score) {
                    Some((_, t)) => *t |= part,
                    None => tiers.push((score, part)),
                }
            }
        }
        tiers.sort_by(|a, b| b.0.total_cmp(&a.0));
        Some(tiers)
    }

    /// Every match's score, in the order of the set.
    fn scores(&self, m: &RoaringBitmap) -> Vec<f64> {
        if self.levels.is_empty() {
            return vec![0.0; m.len() as usize];
        }
        let slots: Vec<u32> = m.iter().collect();
        let mut in_title = vec![0.0_f64; slots.len()];
        for group in &self.levels {
            // Each document is in one level of a group at most.
            for (w, level) in group {
                for s in level {
                    if let Ok(i) = slots.binary_search(&s) {
                        in_title[i] += w;
                    }
                }
            }
        }
        slots
            .iter()
            .zip(in_title)
            .map(|(s, t)| self.score(t)[usize::from(!self.strong.contains(*s))])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` documents with names, words and facets from a small deterministic generator.
    fn docs(n: usize, org: &str, seed: u64) -> Vec<StoredDoc> {
        let mut x = seed;
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize
        };
        (0..n)
            .map(|i| {
                let name = ["Kahvila", "Paja", "Työkokeilu", "Ääni", "apu", "Öljy"][next() % 6];
                StoredDoc {
                    doc_type: DocType::ALL[next() % 3],
                    record_id: format!("{org}-{i}"),
                    organization_id: format!("{org}-{}", i % 7),
                    name: format!(
                        r#"{{"fi":"{name} {}","sv":"Sv {}"}}"#,
                        next() % 50,
                        next() % 9
                    ),
                    title: ["työ", "paja kahvila", ""][next() % 3].to_string(),
                    body: ["nuoret työ", "ohjaus", "työ ohjaus nuoret"][next() % 3].to_string(),
                    facets: format!(
                        "m{:03} tservice {} ca{}x{}",
                        next() % 400,
                        ["xopen", "lfi", "lsv xopen", ""][next() % 4],
                        next() % 5,
                        next() % 5
                    ),
                    points: vec![],
                    created: (next() % 100) as i64,
                    apply_by: None,
                }
            })
            .collect()
    }

    fn naive_counts(
        ix: &MemoryIndex,
        m: &RoaringBitmap,
    ) -> BTreeMap<&'static str, Vec<FacetCount>> {
        let mut counts: HashMap<u32, u64> = HashMap::new();
        for s in m {
            for &f in ix.doc(s).facets.iter() {
                *counts.entry(f).or_insert(0) += 1;
            }
        }
        let mut out: BTreeMap<&'static str, Vec<FacetCount>> = BTreeMap::new();
        for (no, c) in counts {
            if let Some((name, value)) = &ix.facets[no as usize].counts_as {
                out.entry(name).or_default().push(FacetCount {
                    value: value.clone(),
                    count: c,
                });
            }
        }
        for v in out.values_mut() {
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        out
    }

    fn naive_first(ix: &MemoryIndex, lang: Lang, set: &RoaringBitmap, k: usize) -> Vec<u32> {
        let mut v: Vec<u32> = set.iter().collect();
        v.sort_by_key(|s| ix.order_key(*s, lang));
        v.truncate(k);
        v
    }

    #[test]
    fn counts_and_pages_agree_with_the_slow_way_on_every_path() {
        let mut ix = MemoryIndex::new(0);
        ix.load(docs(9_000, "a", 1));
        ix.finish();
        assert_eq!(ix.len(), 9_000);
        assert!(ix.facets.iter().any(|f| f.dense.is_some()));
        assert!(ix
            .facets
            .iter()
            .any(|f| f.counts_as.is_some() && f.dense.is_none()));
        // Sets of every size: few (document by document), many (bits), everything.
        let all = ix.live.clone();
        let every_third: RoaringBitmap = all.iter().filter(|s| s % 3 == 0).collect();
        let few: RoaringBitmap = all.iter().filter(|s| s % 97 == 0).collect();
        let bunched: RoaringBitmap = ix.order[0][8_000..].iter().copied().collect();
        for set in [&all, &every_third, &few, &bunched, &RoaringBitmap::new()] {
            assert_eq!(
                ix.count_facets(set),
                naive_counts(&ix, set),
                "{} docs",
                set.len()
            );
            for lang in Lang::ALL {
                for k in [1, 20, 5_000] {
                    assert_eq!(
                        ix.first_in_order(lang, set, k),
                        naive_first(&ix, lang, set, k),
                        "{} docs, {lang:?}, k {k}",
                        set.len()
                    );
                }
            }
        }
    }

    #[test]
    fn changes_keep_the_index_as_a_new_load_would_make_it() {
        let first = docs(3_000, "a", 2);
        let mut ix = MemoryIndex::new(0);
        ix.load(first.clone());
        ix.finish();
        // A few organizations change (documents go, come and change), one at a time and in
        // a batch big enough to sort again.
        let changed: Vec<String> = vec!["a-1".into(), "a-3".into()];
        let mut now: Vec<StoredDoc> = first
            .iter()
            .filter(|d| !changed.contains(&d.organization_id))
            .cloned()
            .collect();
        let mut new = docs(40, "b", 3);
        for d in &mut new {
            d.organization_id = changed[0].clone();
        }
        now.extend(new.clone());
        ix.replace(&changed, new);
        let mut fresh = MemoryIndex::new(0);
        fresh.load(now.clone());
        fresh.finish();
        let names = |ix: &MemoryIndex, lang: Lang| -> Vec<(String, Box<str>)> {
            ix.order[lang_no(lang)]
                .iter()
                .map(|s| ix.order_key(*s, lang))
                .collect()
        };
        let facets = |ix: &MemoryIndex| ix.count_facets(&ix.live);
        assert_eq!(ix.len(), now.len());
        for lang in Lang::ALL {
            assert_eq!(names(&ix, lang), names(&fresh, lang));
        }
        assert_eq!(facets(&ix), facets(&fresh));
        let every: Vec<String> = (0..7).map(|i| format!("a-{i}")).collect();
        let big = docs(2_500, "c", 4);
        ix.replace(&every, big.clone());
        let mut fresh = MemoryIndex::new(0);
        fresh.load(big);
        fresh.finish();
        for lang in Lang::ALL {
            assert_eq!(names(&ix, lang), names(&fresh, lang));
        }
        let half: RoaringBitmap = ix.live.iter().filter(|s| s % 2 == 0).collect();
        assert_eq!(ix.count_facets(&half), naive_counts(&ix, &half));
        assert_eq!(ix.frequent_words(1)[0].0, "työ");
    }
}
