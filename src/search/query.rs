//! A search: what was asked, how it becomes a full-text query both engines run the same
//! way, and how the matches are filtered by distance, counted into facets, ranked and paged.

use super::analyzer::{is_stop_word, words, QueryWord, Relation};
use super::cache::{Catchup, GenerationCache, Recent};
use super::geo::{cells_within, distance_km, locate, Place, MAX_RADIUS_KM};
use super::index::{filter_token, flag_token, DocType, FLAGS};
use super::memory::MemoryIndex;
use super::vocab::Vocabulary;
pub use crate::domain::search::{Candidate, MatchQuery};
use crate::domain::{Lang, LocalizedText};
use crate::store::{DynStore, StoreResult};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex, RwLock};

/// Longest query looked at, in characters; more is cut, not refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words of a query that count.
pub const MAX_QUERY_WORDS: usize = 8;
pub const MAX_PER_PAGE: u32 = 100;
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Pages beyond this are not served (nobody reads them; they only cost).
pub const MAX_PAGE: u32 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Distance,
    Newest,
    ApplyBy,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Relevance, Sort::Distance, Sort::Newest, Sort::ApplyBy];
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Distance => "distance",
            Sort::Newest => "newest",
            Sort::ApplyBy => "apply_by",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A query string with each repeated parameter given once, its values joined by commas
/// (`municipality=098&municipality=398` → `municipality=098,398`): facets take several values,
/// and other parameters refuse the joined value as they would a bad one.
pub fn merge_repeated(query: &str) -> String {
    let Ok(pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(query) else {
        return query.to_string();
    };
    let mut merged: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        match merged.iter_mut().find(|(n, _)| *n == k) {
            None => merged.push((k, v)),
            Some(_) if v.trim().is_empty() => {}
            Some((_, old)) if old.trim().is_empty() => *old = v,
            Some((_, old)) => {
                old.push(',');
                old.push_str(&v);
            }
        }
    }
    serde_urlencoded::to_string(&merged).unwrap_or_default()
}

/// URL parameters read into `T`, repeated ones merged (see `merge_repeated`): what the pages,
/// the API and saved searches all read their query strings with.
pub fn parse_params<T: serde::de::DeserializeOwned>(
    query: &str,
) -> Result<T, serde_urlencoded::de::Error> {
    serde_urlencoded::from_str(&merge_repeated(query))
}

/// The values of a parameter that takes several: separated by commas, blanks left out.
pub fn listed(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Most values of one facet a search takes at once.
pub const MAX_FACET_VALUES: usize = 30;

/// The search parameters as they come in a URL (the HTML page and the JSON API share them).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct SearchParams {
    pub q: Option<String>,
    pub lang: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub kind: Option<String>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub target_group: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub cost: Option<String>,
    pub part_time: Option<String>,
    pub accessible: Option<String>,
    pub low_threshold: Option<String>,
    pub open: Option<String>,
    pub near: Option<String>,
    pub radius_km: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
    /// `csv`: the whole list as CSV (the search page).
    pub format: Option<String>,
}

/// What is wrong with a parameter: its name and a translation key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    pub param: &'static str,
    pub key: &'static str,
}

/// A checked search.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub q: String,
    pub lang: Lang,
    /// Facet filters: (facet name, value).
    pub filters: Vec<(&'static str, String)>,
    /// Yes/no filters that are on.
    pub flags: Vec<&'static str>,
    pub near: Option<Place>,
    /// What the user typed as the place (kept for the form).
    pub near_text: String,
    pub radius_km: Option<f64>,
    pub sort: Sort,
    pub page: u32,
    pub per_page: u32,
}

impl SearchRequest {
    /// The facets that have a value chosen, each once, in the order first given.
    pub fn facet_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for (n, _) in &self.filters {
            if !names.contains(n) {
                names.push(n);
            }
        }
        names
    }
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(|s| s.chars().filter(|c| !c.is_control()).collect::<String>())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn yes(s: &Option<String>) -> bool {
    matches!(clean(s).as_deref(), Some("true" | "1" | "on" | "yes"))
}

impl SearchParams {
    /// Checks the parameters. Errors name the parameter; everything that can be used is kept
    /// in the request so a form shows what was typed.
    pub fn check(&self, ui_lang: Lang) -> (SearchRequest, Vec<ParamError>) {
        let mut errors = Vec::new();
        let q: String = clean(&self.q)
            .unwrap_or_default()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect();
        let lang = match clean(&self.lang) {
            None => ui_lang,
            Some(l) => Lang::parse(&l).unwrap_or_else(|| {
                errors.push(ParamError {
                    param: "lang",
                    key: "search-error-lang",
                });
                ui_lang
            }),
        };
        let mut filters = Vec::new();
        let facet_params: [(&'static str, &Option<String>); 8] = [
            ("type", &self.doc_type),
            ("kind", &self.kind),
            ("municipality", &self.municipality),
            ("region", &self.region),
            ("target_group", &self.target_group),
            ("topic", &self.topic),
            ("language", &self.language),
            ("cost", &self.cost),
        ];
        // Several values of a facet (repeated, or separated by commas) are alternatives.
        for (name, v) in facet_params {
            let Some(v) = clean(v) else { continue };
            let mut values: Vec<String> = Vec::new();
            for one in listed(&v) {
                let one: String = one.chars().take(100).collect();
                if name == "type" && DocType::parse(&one).is_none() {
                    errors.push(ParamError {
                        param: "type",
                        key: "search-error-type",
                    });
                    continue;
                }
                if !values.contains(&one) && values.len() < MAX_FACET_VALUES {
                    values.push(one);
                }
            }
            filters.extend(values.into_iter().map(|v| (name, v)));
        }
        let flag_params: [(&'static str, &Option<String>); 4] = [
            ("part_time", &self.part_time),
            ("accessible", &self.accessible),
            ("low_threshold", &self.low_threshold),
            ("open", &self.open),
        ];
        let flags = flag_params
            .into_iter()
            .filter(|(_, v)| yes(v))
            .map(|(n, _)| n)
            .collect();
        let near_text: String = clean(&self.near)
            .unwrap_or_default()
            .chars()
            .take(60)
            .collect();
        let near = if near_text.is_empty() {
            None
        } else {
            let p = locate(&near_text);
            if p.is_none() {
                errors.push(ParamError {
                    param: "near",
                    key: "search-error-near",
                });
            }
            p
        };
        let radius_km = clean(&self.radius_km).and_then(|r| match r.parse::<f64>() {
            Ok(r) if r.is_finite() && (0.0..=MAX_RADIUS_KM).contains(&r) => Some(r),
            _ => {
                errors.push(ParamError {
                    param: "radius_km",
                    key: "search-error-radius",
                });
                None
            }
        });
        let sort = match clean(&self.sort) {
            None => None,
            Some(s) => Sort::parse(&s).or_else(|| {
                errors.push(ParamError {
                    param: "sort",
                    key: "search-error-sort",
                });
                None
            }),
        }
        .unwrap_or(if near.is_some() && q.is_empty() {
            Sort::Distance
        } else {
            Sort::Relevance
        });
        let number = |v: &Option<String>,
                      param: &'static str,
                      max: u32,
                      default: u32,
                      errors: &mut Vec<ParamError>| {
            match clean(v) {
                None => default,
                Some(s) => match s.parse::<u32>() {
                    Ok(n) if (1..=max).contains(&n) => n,
                    _ => {
                        errors.push(ParamError {
                            param,
                            key: "search-error-number",
                        });
                        default
                    }
                },
            }
        };
        let page = number(&self.page, "page", MAX_PAGE, 1, &mut errors);
        let per_page = number(
            &self.per_page,
            "per_page",
            MAX_PER_PAGE,
            DEFAULT_PER_PAGE,
            &mut errors,
        );
        (
            SearchRequest {
                q,
                lang,
                filters,
                flags,
                near,
                near_text,
                radius_km,
                sort,
                page,
                per_page,
            },
            errors,
        )
    }
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc_type: DocType,
    pub record_id: String,
    pub name: LocalizedText,
    /// 0…1: how well it matches the words.
    pub score: f64,
    pub distance_km: Option<f64>,
}

/// A facet value with how many results have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchResults {
    pub total: u64,
    pub hits: Vec<Hit>,
    /// Facet name → values with counts, most common first.
    pub facets: BTreeMap<&'static str, Vec<FacetCount>>,
    /// Query words the index has nothing for (left out of the search).
    pub unmatched: Vec<String>,
    /// A place named among the query's words (that no record's text has): the search ran
    /// near it instead (see `PLACE_WORD_RADIUS_KM`).
    pub place_from_words: Option<Place>,
}

/// The radius of a search near a place named among its words ("kudonta Nastola").
pub const PLACE_WORD_RADIUS_KM: f64 = 20.0;

/// A place the whole query names (a district or a former municipality, not a municipality:
/// their names are words of the records in them).
fn place_of_query(q: &str) -> Option<Place> {
    if crate::refdata::REF.find_municipality(q).is_some() {
        return None;
    }
    locate(q)
}

/// A place one word of the query names (not a municipality): the query without it, and the
/// place.
fn place_among_words(q: &str) -> Option<(String, Place)> {
    let tokens: Vec<&str> = q.split_whitespace().collect();
    tokens.iter().enumerate().find_map(|(i, t)| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        let p = place_of_query(t)?;
        let rest: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, t)| *t)
            .collect();
        Some((rest.join(" "), p))
    })
}

/// Facet and flag tokens back to (facet name, value).
pub(super) fn facet_of_token(token: &str) -> Option<(&'static str, String)> {
    static TOKENS: std::sync::LazyLock<HashMap<String, (&'static str, String)>> =
        std::sync::LazyLock::new(|| {
            use crate::domain::{OpportunityType, ServiceKind};
            use crate::refdata::REF;
            let mut m = HashMap::new();
            let mut add = |name: &'static str, v: &str| {
                m.insert(filter_token(name, v), (name, v.to_string()));
            };
            for t in DocType::ALL {
                add("type", t.as_str());
            }
            for k in ServiceKind::ALL {
                add("kind", k.as_str());
            }
            for k in OpportunityType::ALL {
                add("kind", k.as_str());
            }
            for k in crate::domain::events::EventKind::ALL {
                add("kind", k.as_str());
            }
            for k in crate::domain::articles::ArticleKind::ALL {
                add("kind", k.as_str());
            }
            for (code, mu) in &REF.municipalities {
                add("municipality", code);
                add("region", &mu.region_code);
            }
            for t in &REF.taxonomies.target_groups {
                add("target_group", &t.id);
            }
            for t in &REF.taxonomies.topics {
                add("topic", &t.id);
            }
            add("cost", "free");
            add("cost", "paid");
            for (name, tok) in FLAGS {
                m.insert(tok.to_string(), (*name, "true".to_string()));
            }
            m
        });
    if let Some(f) = TOKENS.get(token) {
        return Some(f.clone());
    }
    // Languages are open-ended codes.
    token
        .strip_prefix('l')
        .filter(|v| !v.is_empty())
        .map(|v| ("language", v.to_string()))
}

/// The index words a query word stands for, with how each relates to it.
pub type Expansion = Vec<(String, Relation)>;

/// Runs searches; keeps the index's words in memory and catches up with the store before
/// each search (one read of the index's change counter), so every node sees new records at
/// once. With a results cache, a search asked again before the index changes is answered
/// from memory.
pub struct Searcher {
    store: DynStore,
    vocab: RwLock<Vocabulary>,
    /// The index generation the vocabulary has caught up with.
    generation: Catchup,
    expansions: Mutex<Recent<(Lang, String), Arc<Expansion>>>,
    results: Option<Mutex<GenerationCache<String, SearchResults>>>,
    /// The index in memory (see `memory`), once loaded; until then searches run in the store.
    memory: RwLock<MemoryIndex>,
    memory_state: AtomicU8,
    /// The index generation the index in memory has caught up with.
    memory_generation: Catchup,
    /// Documents read so far by the load.
    memory_loaded: AtomicUsize,
    /// Searches that run in the store while the index loads take turns: a broad one takes a
    /// second and a connection, and many at once starved the load (6 users made it take 105 s
    /// instead of 14 s).
    store_turns: tokio::sync::Semaphore,
    /// Tells searches waiting for their turn that the index in memory is there.
    warm: tokio::sync::watch::Sender<bool>,
}

/// The states of the index in memory.
const COLD: u8 = 0;
const LOADING: u8 = 1;
const WARM: u8 = 2;
/// Never loaded: every search runs in the store.
const OFF: u8 = 3;
/// Documents read from the store at a time while loading.
const LOAD_PAGE: u32 = 5_000;

/// How far the index in memory is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warmth {
    /// Not loaded yet (searches run in the store; the first one loads it).
    Cold,
    /// Loading: this many documents read so far (searches run in the store).
    Loading(usize),
    /// Loaded with this many documents: searches run in memory.
    Warm(usize),
    /// Not used: every search runs in the store.
    Off,
}

/// Expansions kept in memory (emptied when the index learns new words).
const MAX_CACHED_EXPANSIONS: usize = 10_000;

impl Searcher {
    /// A searcher without a results cache: every search runs in the store.
    pub fn new(store: DynStore) -> Self {
        Self {
            store,
            vocab: RwLock::new(Vocabulary::default()),
            generation: Catchup::new(),
            expansions: Mutex::new(Recent::new(MAX_CACHED_EXPANSIONS)),
            results: None,
            memory: RwLock::new(MemoryIndex::default()),
            memory_state: AtomicU8::new(COLD),
            memory_generation: Catchup::new(),
            memory_loaded: AtomicUsize::new(0),
            store_turns: tokio::sync::Semaphore::new(1),
            warm: tokio::sync::watch::Sender::new(false),
        }
    }

    /// A search's results from the index in memory when it is there; otherwise from the
    /// store, one search at a time, unless the index comes while it waits for its turn (so
    /// searches queued on a starting node are answered as soon as it has loaded, instead of
    /// timing out behind each other).
    async fn answer(
        &self,
        req: &SearchRequest,
        m: &MatchQuery,
        groups: &[Expansion],
        since: Option<i64>,
    ) -> StoreResult<SearchResults> {
        if let Some(r) = self.in_memory(req, m, groups, since) {
            return Ok(r);
        }
        let _turn = match self.memory_state.load(AtomicOrdering::Acquire) {
            OFF => None,
            _ => {
                let mut warm = self.warm.subscribe();
                tokio::select! {
                    turn = self.store_turns.acquire() => turn.ok(),
                    _ = warm.wait_for(|w| *w) => None,
                }
            }
        };
        if let Some(r) = self.in_memory(req, m, groups, since) {
            return Ok(r);
        }
        let candidates = self
            .store
            .search_candidates(m)
            .await?
            .into_iter()
            .filter(|c| since.is_none_or(|s| c.created >= s))
            .collect();
        Ok(rank(req, groups, candidates))
    }

    /// A searcher that runs every search in the store's full-text index (what a node does
    /// while its index in memory loads; tests compare the two).
    pub fn store_only(store: DynStore) -> Self {
        let s = Self::new(store);
        s.memory_state.store(OFF, AtomicOrdering::Release);
        s
    }

    pub fn warmth(&self) -> Warmth {
        match self.memory_state.load(AtomicOrdering::Acquire) {
            COLD => Warmth::Cold,
            LOADING => Warmth::Loading(self.memory_loaded.load(AtomicOrdering::Relaxed)),
            WARM => Warmth::Warm(self.memory.read().map(|m| m.len()).unwrap_or(0)),
            _ => Warmth::Off,
        }
    }

    /// Loads the index in memory unless it is loaded or loading; searches run in the store
    /// meanwhile. A server starts this in the background (`/readyz` tells when it is done).
    pub async fn warm_up(&self) -> StoreResult<()> {
        if self
            .memory_state
            .compare_exchange(
                COLD,
                LOADING,
                AtomicOrdering::AcqRel,
                AtomicOrdering::Acquire,
            )
            .is_err()
        {
            return Ok(());
        }
        let started = std::time::Instant::now();
        match self.load_memory().await {
            Ok(ix) => {
                let n = ix.len();
                if let Ok(mut m) = self.memory.write() {
                    *m = ix;
                }
                self.memory_state.store(WARM, AtomicOrdering::Release);
                self.warm.send_replace(true);
                tracing::info!(
                    documents = n,
                    ms = started.elapsed().as_millis() as u64,
                    "search index loaded into memory"
                );
                Ok(())
            }
            Err(e) => {
                self.memory_state.store(COLD, AtomicOrdering::Release);
                Err(e)
            }
        }
    }

    /// Every stored document into a new index, page by page, at the change number read first
    /// (what changes meanwhile is caught up with afterwards).
    async fn load_memory(&self) -> StoreResult<MemoryIndex> {
        let newest = self.store.search_changes_since(i64::MAX).await?.newest;
        let mut ix = MemoryIndex::new(newest);
        let mut after = 0;
        self.memory_loaded.store(0, AtomicOrdering::Relaxed);
        loop {
            let page = self.store.stored_search_documents(after, LOAD_PAGE).await?;
            let Some((last, _)) = page.last() else {
                break;
            };
            after = *last;
            self.memory_loaded
                .fetch_add(page.len(), AtomicOrdering::Relaxed);
            ix.load(page.into_iter().map(|(_, d)| d).collect());
            // Let searches that run in the store meanwhile have the thread.
            tokio::task::yield_now().await;
        }
        ix.finish();
        Ok(ix)
    }

    /// Catches the index in memory up with the documents of `generation`: the organizations
    /// changed since it last looked are read again (all of them when it fell too far behind).
    async fn catch_up_memory(&self, generation: i64) -> StoreResult<()> {
        let Some(_one) = self.memory_generation.start(generation).await else {
            return Ok(());
        };
        let seq = self.memory.read().map(|m| m.seq).unwrap_or(0);
        let mut changes = self.store.search_changes_since(seq).await?;
        if changes.pruned > seq {
            let ix = self.load_memory().await?;
            let seq = ix.seq;
            if let Ok(mut m) = self.memory.write() {
                *m = ix;
            }
            // And what changed while it loaded.
            changes = self.store.search_changes_since(seq).await?;
        }
        let docs = if changes.organizations.is_empty() {
            Vec::new()
        } else {
            self.store
                .stored_search_documents_of(&changes.organizations)
                .await?
        };
        if let Ok(mut m) = self.memory.write() {
            if !changes.organizations.is_empty() {
                m.replace(&changes.organizations, docs);
            }
            m.seq = m.seq.max(changes.newest);
        }
        self.memory_generation.done(generation);
        Ok(())
    }

    /// The `n` words most documents have, with how many have them (when the index in
    /// memory is loaded).
    pub fn frequent_words(&self, n: usize) -> Option<Vec<(String, u64)>> {
        if self.memory_state.load(AtomicOrdering::Acquire) != WARM {
            return None;
        }
        Some(self.memory.read().ok()?.frequent_words(n))
    }

    /// `frequent_words`, loading the index first.
    pub async fn frequent_words_loaded(&self, n: usize) -> StoreResult<Vec<(String, u64)>> {
        self.refresh().await?;
        Ok(self.frequent_words(n).unwrap_or_default())
    }

    /// A search in the index in memory, when it is loaded.
    fn in_memory(
        &self,
        req: &SearchRequest,
        m: &MatchQuery,
        groups: &[Expansion],
        since: Option<i64>,
    ) -> Option<SearchResults> {
        if self.memory_state.load(AtomicOrdering::Acquire) != WARM {
            return None;
        }
        let ix = self.memory.read().ok()?;
        Some(ix.search(req, m, groups, since))
    }

    /// Keeps the results of up to `capacity` recent searches until the index changes
    /// (0: none).
    pub fn with_result_cache(mut self, capacity: usize) -> Self {
        self.results = (capacity > 0).then(|| Mutex::new(GenerationCache::new(capacity)));
        self
    }

    /// Catches up with the index: reads its change counter and, when it has moved, the words
    /// added since we last looked. Returns the generation now seen.
    pub async fn refresh(&self) -> StoreResult<i64> {
        let generation = self.store.search_generation().await?;
        let Some(_one) = self.generation.start(generation).await else {
            self.refresh_memory(generation).await?;
            return Ok(generation);
        };
        let seq = self.vocab.read().map(|v| v.seq).unwrap_or(0);
        let new = self.store.search_words_since(seq).await?;
        if !new.is_empty() {
            if let Ok(mut v) = self.vocab.write() {
                for (s, w) in &new {
                    v.add(w);
                    v.seq = v.seq.max(*s);
                }
            }
            if let Ok(mut e) = self.expansions.lock() {
                e.clear();
            }
        }
        self.generation.done(generation);
        self.refresh_memory(generation).await?;
        Ok(generation)
    }

    async fn refresh_memory(&self, generation: i64) -> StoreResult<()> {
        match self.memory_state.load(AtomicOrdering::Acquire) {
            COLD => {
                self.warm_up().await?;
                self.catch_up_memory(generation).await
            }
            WARM => self.catch_up_memory(generation).await,
            _ => Ok(()),
        }
    }

    /// The newest index generation this searcher has seen (after a search: at least the one
    /// that search ran at).
    pub fn generation(&self) -> i64 {
        self.generation.seen()
    }

    pub fn vocabulary_len(&self) -> usize {
        self.vocab.read().map(|v| v.len()).unwrap_or(0)
    }

    fn expand(&self, lang: Lang, word: &str) -> Arc<Expansion> {
        let key = (lang, word.to_string());
        if let Some(e) = self.expansions.lock().ok().and_then(|mut c| c.get(&key)) {
            return e;
        }
        let e = Arc::new(
            self.vocab
                .read()
                .map(|v| v.expand(&QueryWord::new(lang, word)))
                .unwrap_or_default(),
        );
        if let Ok(mut c) = self.expansions.lock() {
            c.insert(key, e.clone());
        }
        e
    }

    /// The match query for a request, and the words that matched nothing.
    pub fn plan(&self, req: &SearchRequest) -> (MatchQuery, Vec<Expansion>, Vec<String>) {
        let mut qwords: Vec<String> = words(&req.q);
        if qwords.iter().any(|w| !is_stop_word(w)) {
            qwords.retain(|w| !is_stop_word(w));
        }
        let mut seen = std::collections::HashSet::new();
        qwords.retain(|w| seen.insert(w.clone()));
        qwords.truncate(MAX_QUERY_WORDS);
        let mut m = MatchQuery::default();
        let mut groups = Vec::new();
        let mut unmatched = Vec::new();
        // Text with no letters or digits in it: nothing to look for.
        if qwords.is_empty() && !req.q.trim().is_empty() {
            unmatched.push(req.q.trim().to_string());
        }
        for w in qwords {
            let e = self.expand(req.lang, &w);
            if e.is_empty() {
                unmatched.push(w);
                continue;
            }
            m.groups.push(e.iter().map(|(w, _)| w.clone()).collect());
            m.strong.push(
                e.iter()
                    .filter(|(_, r)| r.is_strong())
                    .map(|(w, _)| w.clone())
                    .collect(),
            );
            groups.push(e.to_vec());
        }
        // One value of a facet must be there; of several, any one.
        for name in req.facet_names() {
            let tokens: Vec<String> = req
                .filters
                .iter()
                .filter(|(n, _)| *n == name)
                .map(|(n, v)| filter_token(n, v))
                .collect();
            match tokens.len() {
                1 => m.all_of.extend(tokens),
                _ => m.any_of.push(tokens),
            }
        }
        for f in &req.flags {
            if let Some(t) = flag_token(f) {
                m.all_of.push(t.to_string());
            }
        }
        if let (Some(p), Some(r)) = (&req.near, req.radius_km) {
            m.any_of.push(cells_within(p.lat, p.lon, r));
        }
        (m, groups, unmatched)
    }

    pub async fn search(&self, req: &SearchRequest) -> StoreResult<SearchResults> {
        let generation = self.refresh().await?;
        let Some(cache) = &self.results else {
            return self.run(req).await;
        };
        // The checked request, printed, names the search exactly.
        let key = format!("{req:?}");
        if let Some(r) = cache.lock().ok().and_then(|mut c| c.get(generation, &key)) {
            return Ok(r);
        }
        let r = self.run(req).await?;
        if let Ok(mut c) = cache.lock() {
            c.insert(generation, key, r.clone());
        }
        Ok(r)
    }

    /// The search near a place named in its words, the rest of the words kept.
    async fn run_near(
        &self,
        req: &SearchRequest,
        rest: String,
        place: Place,
    ) -> StoreResult<SearchResults> {
        let mut near = req.clone();
        near.q = rest;
        near.near = Some(place.clone());
        near.near_text = place.label.clone();
        near.radius_km = near.radius_km.or(Some(PLACE_WORD_RADIUS_KM));
        if near.q.is_empty() && near.sort == Sort::Relevance {
            near.sort = Sort::Distance;
        }
        let mut results = Box::pin(self.run(&near)).await?;
        results.place_from_words = Some(place);
        Ok(results)
    }

    async fn run(&self, req: &SearchRequest) -> StoreResult<SearchResults> {
        let results = self.run_words(req).await?;
        // "kudonta Hämeenkoski" finds nothing with a place as words: a place among them is
        // where to search for the others. Texts without a place (articles, projects) that
        // share a word do not count: they cannot be near anything.
        let located: u64 = results.facets.get("type").map_or(results.total, |types| {
            types
                .iter()
                .filter(|t| {
                    matches!(
                        t.value.as_str(),
                        "service" | "opportunity" | "organization" | "event"
                    )
                })
                .map(|t| t.count)
                .sum()
        });
        if located == 0 && req.near.is_none() {
            if let Some((rest, place)) = place_among_words(&req.q) {
                if !rest.is_empty() {
                    return self.run_near(req, rest, place).await;
                }
            }
        }
        Ok(results)
    }

    async fn run_words(&self, req: &SearchRequest) -> StoreResult<SearchResults> {
        let (m, groups, unmatched) = self.plan(req);
        // "Nastola": a district or a former municipality is where to search.
        if req.near.is_none() && !req.q.is_empty() {
            if let Some(place) = place_of_query(&req.q) {
                return self.run_near(req, String::new(), place).await;
            }
        }
        // Every word matched nothing: nothing can match.
        if m.groups.is_empty() && !unmatched.is_empty() {
            return Ok(SearchResults {
                unmatched,
                ..Default::default()
            });
        }
        let mut results = self.answer(req, &m, &groups, None).await?;
        results.unmatched = unmatched;
        // A chosen facet counts its values as if it were not chosen: each count says how
        // many more one more value would bring (values of a facet are alternatives).
        for name in req.facet_names() {
            let mut other = req.clone();
            other.filters.retain(|(n, _)| *n != name);
            other.page = 1;
            other.per_page = 1;
            let (m, groups, _) = self.plan(&other);
            let mut counts = self.answer(&other, &m, &groups, None).await?.facets;
            match counts.remove(name) {
                Some(values) => results.facets.insert(name, values),
                None => results.facets.remove(name),
            };
        }
        Ok(results)
    }

    /// The results of a search among documents created after `since` (Unix seconds), run in
    /// the store (never cached): what a saved search's alert sends.
    pub async fn created_since(
        &self,
        req: &SearchRequest,
        since: i64,
    ) -> StoreResult<SearchResults> {
        self.refresh().await?;
        let (m, groups, unmatched) = self.plan(req);
        if m.groups.is_empty() && !unmatched.is_empty() {
            return Ok(SearchResults::default());
        }
        self.answer(req, &m, &groups, Some(since)).await
    }

    /// How many results the same search has without one of its filters (for an empty
    /// result: "without this filter there would be n").
    pub async fn without_each_filter(
        &self,
        req: &SearchRequest,
    ) -> StoreResult<Vec<(&'static str, u64)>> {
        let mut out = Vec::new();
        let mut names: Vec<&'static str> = req.filters.iter().map(|(n, _)| *n).collect();
        names.extend(req.flags.iter().copied());
        if req.near.is_some() && req.radius_km.is_some() {
            names.push("radius_km");
        }
        if !req.q.is_empty() {
            names.push("q");
        }
        for name in names {
            let mut r = req.clone();
            r.filters.retain(|(n, _)| *n != name);
            r.flags.retain(|n| *n != name);
            if name == "radius_km" {
                r.radius_km = None;
            }
            if name == "q" {
                r.q.clear();
            }
            r.per_page = 1;
            r.page = 1;
            let n = self.search(&r).await?.total;
            if n > 0 {
                out.push((name, n));
            }
        }
        Ok(out)
    }
}

/// What results are sorted by before their names: the same rules for the store's path
/// (`rank`) and the index in memory.
pub(super) struct TieKey<'a> {
    pub score: f64,
    pub distance: Option<f64>,
    pub doc_type: DocType,
    pub created: i64,
    pub apply_by: Option<&'a str>,
}

impl TieKey<'_> {
    /// The order of two results under a sort, before the tie-break by name and id.
    pub fn cmp(&self, b: &TieKey, sort: Sort) -> std::cmp::Ordering {
        let far = f64::INFINITY;
        let a = self;
        match sort {
            Sort::Relevance => b
                .score
                .total_cmp(&a.score)
                .then_with(|| {
                    a.distance
                        .unwrap_or(far)
                        .total_cmp(&b.distance.unwrap_or(far))
                })
                .then_with(|| a.doc_type.cmp(&b.doc_type)),
            Sort::Distance => a
                .distance
                .unwrap_or(far)
                .total_cmp(&b.distance.unwrap_or(far))
                .then_with(|| b.score.total_cmp(&a.score)),
            Sort::Newest => b.created.cmp(&a.created),
            Sort::ApplyBy => match (a.apply_by, b.apply_by) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| b.score.total_cmp(&a.score)),
        }
    }
}

/// Filters by distance, counts facets, scores, sorts and pages the candidates.
pub fn rank(
    req: &SearchRequest,
    groups: &[Vec<(String, Relation)>],
    candidates: Vec<Candidate>,
) -> SearchResults {
    let mut scored: Vec<(Candidate, f64, Option<f64>)> = Vec::with_capacity(candidates.len());
    let weights: Vec<HashMap<&str, f64>> = groups
        .iter()
        .map(|g| {
            let mut m: HashMap<&str, f64> = HashMap::new();
            for (w, r) in g {
                let e = m.entry(w.as_str()).or_insert(0.0);
                *e = e.max(r.weight());
            }
            m
        })
        .collect();
    for c in candidates {
        let distance = req.near.as_ref().and_then(|p| {
            c.points
                .iter()
                .map(|pt| distance_km((p.lat, p.lon), *pt))
                .min_by(|a, b| a.total_cmp(b))
        });
        if let Some(r) = req.radius_km {
            if req.near.is_some() && distance.is_none_or(|d| d > r) {
                continue;
            }
        }
        let score = if weights.is_empty() {
            0.0
        } else {
            let title: Vec<&str> = c.title.split(' ').collect();
            let in_title: f64 = weights
                .iter()
                .map(|g| {
                    title
                        .iter()
                        .filter_map(|t| g.get(t))
                        .fold(0.0_f64, |a, b| a.max(*b))
                })
                .sum();
            let n = weights.len() as f64;
            (2.0 * in_title + n * if c.strong { 1.0 } else { 0.4 }) / (3.0 * n)
        };
        scored.push((c, score, distance));
    }
    // Count each token once per document, then read the tokens back into facets.
    let mut tokens: HashMap<&str, u64> = HashMap::new();
    for (c, _, _) in &scored {
        for tok in c.facets.split(' ') {
            if !tok.is_empty() && !tok.starts_with('c') {
                *tokens.entry(tok).or_insert(0) += 1;
            }
        }
    }
    let mut facets: BTreeMap<&'static str, Vec<FacetCount>> = BTreeMap::new();
    for (tok, count) in tokens {
        if let Some((name, value)) = facet_of_token(tok) {
            facets
                .entry(name)
                .or_default()
                .push(FacetCount { value, count });
        }
    }
    fn key(x: &(Candidate, f64, Option<f64>)) -> TieKey<'_> {
        TieKey {
            score: x.1,
            distance: x.2,
            doc_type: x.0.doc_type,
            created: x.0.created,
            apply_by: x.0.apply_by.as_deref(),
        }
    }
    // First by what is cheap to compare; then, only where that leaves a tie that reaches
    // into the page, by name.
    let cheap = |a: &(Candidate, f64, Option<f64>), b: &(Candidate, f64, Option<f64>)| {
        key(a).cmp(&key(b), req.sort)
    };
    scored.sort_by(cheap);
    let total = scored.len() as u64;
    let start = (req.page as usize - 1) * req.per_page as usize;
    let end = (start + req.per_page as usize).min(scored.len());
    let mut i = 0;
    while i < end {
        let mut j = i + 1;
        while j < scored.len() && cheap(&scored[i], &scored[j]).is_eq() {
            j += 1;
        }
        if j - i > 1 {
            scored[i..j].sort_by_cached_key(|(c, _, _)| {
                (c.name().text(req.lang).to_lowercase(), c.record_id.clone())
            });
        }
        i = j;
    }
    let hits = scored
        .into_iter()
        .skip(start)
        .take(req.per_page as usize)
        .map(|(c, score, distance_km)| Hit {
            name: c.name(),
            doc_type: c.doc_type,
            record_id: c.record_id,
            score: (score * 1000.0).round() / 1000.0,
            distance_km: distance_km.map(|d| (d * 10.0).round() / 10.0),
        })
        .collect();
    for v in facets.values_mut() {
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    SearchResults {
        total,
        hits,
        facets,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_checked_and_kept() {
        let p = SearchParams {
            q: Some("  kudonta\u{0} ".into()),
            sort: Some("bogus".into()),
            page: Some("0".into()),
            radius_km: Some("-3".into()),
            near: Some("Lahti".into()),
            municipality: Some("398".into()),
            open: Some("true".into()),
            ..Default::default()
        };
        let (r, errors) = p.check(Lang::Fi);
        assert_eq!(r.q, "kudonta");
        assert_eq!(r.page, 1);
        assert_eq!(r.filters, vec![("municipality", "398".to_string())]);
        assert_eq!(r.flags, vec!["open"]);
        assert!(r.near.is_some());
        let bad: Vec<&str> = errors.iter().map(|e| e.param).collect();
        assert_eq!(bad, vec!["radius_km", "sort", "page"]);
    }

    #[test]
    fn match_queries_render_for_both_engines() {
        let m = MatchQuery {
            groups: vec![vec!["kokeilu".into(), "työkokeilu".into()]],
            strong: vec![vec!["kokeilu".into()]],
            all_of: vec!["m398".into()],
            any_of: vec![vec!["ca1609x1128".into(), "ca1609x1129".into()]],
        };
        assert_eq!(
            m.fts5(&m.groups),
            "{title body} : (\"kokeilu\" OR \"työkokeilu\") AND facets : \"m398\" AND facets : (\"ca1609x1128\" OR \"ca1609x1129\")"
        );
        assert_eq!(
            m.tsqueries(&m.groups),
            vec![
                "'kokeilu':AB | 'työkokeilu':AB",
                "'m398':D",
                "'ca1609x1128':D | 'ca1609x1129':D"
            ]
        );
        // The strong test of PostgreSQL needs only the words: the filters are already met.
        assert_eq!(m.tsqueries(&m.strong)[0], "'kokeilu':AB");
    }

    #[test]
    fn facet_tokens_read_back() {
        assert_eq!(facet_of_token("m398"), Some(("municipality", "398".into())));
        assert_eq!(
            facet_of_token(&filter_token("target_group", "young-people")),
            Some(("target_group", "young-people".into()))
        );
        assert_eq!(
            facet_of_token("kworktrial"),
            Some(("kind", "work_trial".into()))
        );
        assert_eq!(facet_of_token("lfi"), Some(("language", "fi".into())));
        assert_eq!(facet_of_token("xopen"), Some(("open", "true".into())));
        assert_eq!(facet_of_token("rfi1c3").map(|f| f.0), Some("region"));
    }
}
