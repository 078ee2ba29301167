//! The talent pool: profiles their owners show to organizations, searched by words, skills,
//! interests, place, availability and the 58+ pool, and ranked by fit for an opportunity.
//!
//! Each node keeps the visible profiles in memory (a private profile is never loaded, so it
//! cannot turn up in any result) and catches up with the store when any profile changes: one
//! read of the newest change time per search, then only the profiles changed since.

use super::matching::{fit, group_of, Fit, OpportunityFeatures};
use super::{Profile, Visibility};
use crate::accounts::UserId;
use crate::domain::Lang;
use crate::refdata::REF;
use crate::search::analyzer::{stem, words};
use crate::search::geo::distance_km;
use crate::store::{DynStore, StoreResult};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::RwLock;
use time::Date;

/// Results per page, and the most pages served.
pub const PER_PAGE: usize = 20;
pub const MAX_PAGE: usize = 100;

/// A search of the talent pool, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TalentQuery {
    pub q: String,
    pub skill: Option<String>,
    pub interest: Option<String>,
    pub municipality: Option<String>,
    /// Centre and radius in km.
    pub near: Option<((f64, f64), f64)>,
    /// At least this many hours a week.
    pub min_hours: Option<i32>,
    /// Available on this day already.
    pub available_by: Option<Date>,
    pub pool_58: bool,
    pub expert: bool,
    /// Ranked by fit for this opportunity.
    pub opportunity: Option<OpportunityFeatures>,
    pub page: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TalentHit {
    pub profile: Profile,
    /// With an opportunity: how the person fits it.
    pub fit: Option<Fit>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TalentResults {
    pub total: usize,
    pub hits: Vec<TalentHit>,
}

struct Entry {
    profile: Profile,
    point: Option<(f64, f64)>,
    /// Topics of the person's interests and of their skills, as bits of the topic list.
    topics: u64,
}

/// The bit of a topic in the topic list (topics beyond 64 share the last bit).
fn topic_bit(id: &str) -> u64 {
    REF.taxonomies
        .topics
        .iter()
        .position(|t| t.id == id)
        .map(|i| 1u64 << i.min(63))
        .unwrap_or(0)
}

fn entry(p: Profile) -> Entry {
    let mut topics = 0;
    for t in &p.interests {
        topics |= topic_bit(t);
    }
    for s in &p.skills {
        if let Some(s) = REF.skill(s) {
            for t in &s.topics {
                topics |= topic_bit(t);
            }
        }
    }
    Entry {
        point: p.point(),
        topics,
        profile: p,
    }
}

/// The stems a word can stand for (Finnish, Swedish and English).
fn stems(w: &str) -> [String; 3] {
    [stem(Lang::Fi, w), stem(Lang::Sv, w), stem(Lang::En, w)]
}

/// The words a profile is found by: its introduction and its skills in the person's words,
/// as Finnish stems (the index side), and its taxonomy skills by id.
fn profile_stems(p: &Profile) -> HashSet<String> {
    let mut out = HashSet::new();
    for text in [&p.display_name, &p.introduction]
        .into_iter()
        .chain(p.free_skills.iter())
    {
        for w in words(text) {
            out.insert(stem(Lang::Fi, &w));
        }
    }
    out
}

/// Skill ids whose label, in any language, has a word with one of these stems.
fn skills_named(stems: &[String; 3]) -> Vec<&'static str> {
    static LABEL_STEMS: std::sync::LazyLock<Vec<(&'static str, HashSet<String>)>> =
        std::sync::LazyLock::new(|| {
            REF.skills
                .iter()
                .map(|s| {
                    let mut set = HashSet::new();
                    for (lang, text) in [
                        (Lang::Fi, Some(&s.label.fi)),
                        (Lang::Sv, s.label.sv.as_ref()),
                        (Lang::En, s.label.en.as_ref()),
                    ] {
                        if let Some(text) = text {
                            for w in words(text) {
                                set.insert(stem(lang, &w));
                            }
                        }
                    }
                    (s.id.as_str(), set)
                })
                .collect()
        });
    LABEL_STEMS
        .iter()
        .filter(|(_, set)| stems.iter().any(|s| set.contains(s)))
        .map(|(id, _)| *id)
        .collect()
}

#[derive(Default)]
struct Pool {
    entries: Vec<Entry>,
    by_id: HashMap<UserId, usize>,
    /// Finnish stem → entries (by user id, so removals need no renumbering).
    words: HashMap<String, HashSet<UserId>>,
    newest: i64,
    loaded: bool,
}

impl Pool {
    fn remove(&mut self, id: UserId) {
        let Some(i) = self.by_id.remove(&id) else {
            return;
        };
        let gone = self.entries.swap_remove(i);
        if let Some(moved) = self.entries.get(i) {
            self.by_id.insert(moved.profile.user_id, i);
        }
        for s in profile_stems(&gone.profile) {
            if let Some(set) = self.words.get_mut(&s) {
                set.remove(&id);
                if set.is_empty() {
                    self.words.remove(&s);
                }
            }
        }
    }

    fn put(&mut self, p: Profile) {
        let id = p.user_id;
        self.remove(id);
        if p.visibility == Visibility::Private {
            return;
        }
        for s in profile_stems(&p) {
            self.words.entry(s).or_default().insert(id);
        }
        self.by_id.insert(id, self.entries.len());
        self.entries.push(entry(p));
    }
}

/// The visible profiles, per node.
pub struct TalentIndex {
    pool: RwLock<Pool>,
    generation: AtomicI64,
    refresh: tokio::sync::Mutex<()>,
}

impl Default for TalentIndex {
    fn default() -> Self {
        Self::new()
    }
}

/// Changes are read again from this long before the newest one seen (clocks of nodes differ).
const CLOCK_MARGIN_MICROS: i64 = 10 * 60 * 1_000_000;

impl TalentIndex {
    pub fn new() -> Self {
        Self {
            pool: RwLock::new(Pool::default()),
            generation: AtomicI64::new(i64::MIN),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    pub fn len(&self) -> usize {
        self.pool.read().map(|p| p.entries.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Catches up with the store when a profile has changed since the last look.
    pub async fn refresh(&self, store: &DynStore) -> StoreResult<()> {
        let generation = store.people_generation().await?;
        if self.generation.load(Ordering::Acquire) >= generation {
            return Ok(());
        }
        let _one = self.refresh.lock().await;
        if self.generation.load(Ordering::Acquire) >= generation {
            return Ok(());
        }
        let since = self
            .pool
            .read()
            .map(|p| p.loaded.then(|| p.newest - CLOCK_MARGIN_MICROS))
            .unwrap_or(None);
        let changed = store.visible_profiles(since).await?;
        let removed = match since {
            Some(s) => store.removed_profiles(s).await?,
            None => Vec::new(),
        };
        if let Ok(mut pool) = self.pool.write() {
            for id in removed {
                pool.remove(id);
            }
            for p in changed {
                pool.newest = pool.newest.max(p.updated_at);
                pool.put(p);
            }
            pool.newest = pool.newest.max(generation);
            pool.loaded = true;
        }
        self.generation.fetch_max(generation, Ordering::AcqRel);
        Ok(())
    }

    /// Runs a search on `today`.
    pub fn search(&self, q: &TalentQuery, today: Date) -> TalentResults {
        let Ok(pool) = self.pool.read() else {
            return TalentResults::default();
        };
        // Every word must match the introduction, the person's own skills or a skill's name.
        let mut allowed: Option<HashSet<UserId>> = None;
        for w in words(&q.q).into_iter().take(8) {
            let st = stems(&w);
            let mut ids: HashSet<UserId> = HashSet::new();
            for s in &st {
                if let Some(set) = pool.words.get(s) {
                    ids.extend(set.iter().copied());
                }
            }
            // A word's beginning finds its compounds and longer forms (ksylofoni →
            // ksylofonisti): a scan of the distinct stems, not of the profiles.
            if w.chars().count() >= 4 {
                let head = &st[0];
                for (stem, set) in pool.words.iter() {
                    if stem.len() > head.len() && stem.starts_with(head.as_str()) {
                        ids.extend(set.iter().copied());
                    }
                }
            }
            let named = skills_named(&st);
            if !named.is_empty() {
                ids.extend(
                    pool.entries
                        .iter()
                        .filter(|e| e.profile.skills.iter().any(|s| named.contains(&s.as_str())))
                        .map(|e| e.profile.user_id),
                );
            }
            allowed = Some(match allowed {
                None => ids,
                Some(a) => a.intersection(&ids).copied().collect(),
            });
        }
        let opp_topics = q
            .opportunity
            .as_ref()
            .map(|o| o.topics.iter().fold(0u64, |m, t| m | topic_bit(t)));
        let mut hits: Vec<(usize, Option<Fit>)> = Vec::new();
        for (i, e) in pool.entries.iter().enumerate() {
            let p = &e.profile;
            if allowed.as_ref().is_some_and(|a| !a.contains(&p.user_id))
                || q.skill.as_ref().is_some_and(|s| !p.skills.contains(s))
                || q.interest
                    .as_ref()
                    .is_some_and(|t| !p.interests.contains(t))
                || q.municipality
                    .as_ref()
                    .is_some_and(|m| p.municipality.as_ref() != Some(m))
                || (q.pool_58 && !p.pool_58)
                || (q.expert && !p.expert_by_experience)
                || q.min_hours
                    .is_some_and(|h| p.hours_per_week.is_none_or(|x| x < h))
                || q.available_by
                    .is_some_and(|d| p.available_from.is_some_and(|a| a > d))
            {
                continue;
            }
            if let Some((centre, radius)) = q.near {
                if e.point.is_none_or(|pt| distance_km(centre, pt) > radius) {
                    continue;
                }
            }
            let f = match (&q.opportunity, opp_topics) {
                (Some(o), Some(mask)) => {
                    // Cheap test first: no shared topic, kind or group can't fit.
                    if e.topics & mask == 0
                        && !p.kinds.contains(&o.kind)
                        && group_of(p).is_none_or(|g| !o.target_groups.iter().any(|t| t == g))
                    {
                        continue;
                    }
                    match fit(p, o, today) {
                        Some(f) => Some(f),
                        None => continue,
                    }
                }
                _ => None,
            };
            hits.push((i, f));
        }
        let total = hits.len();
        let order = |a: &(usize, Option<Fit>), b: &(usize, Option<Fit>)| {
            let (pa, pb) = (&pool.entries[a.0].profile, &pool.entries[b.0].profile);
            let sa = a.1.as_ref().map_or(0, |f| f.score);
            let sb = b.1.as_ref().map_or(0, |f| f.score);
            sb.cmp(&sa)
                .then_with(|| pb.updated_at.cmp(&pa.updated_at))
                .then_with(|| pa.user_id.cmp(&pb.user_id))
        };
        let page = q.page.clamp(1, MAX_PAGE);
        let start = (page - 1) * PER_PAGE;
        let end = (start + PER_PAGE).min(total);
        if start >= end {
            return TalentResults {
                total,
                hits: Vec::new(),
            };
        }
        if end < total {
            hits.select_nth_unstable_by(end - 1, order);
            hits.truncate(end);
        }
        hits.sort_by(order);
        TalentResults {
            total,
            hits: hits
                .into_iter()
                .skip(start)
                .map(|(i, fit)| TalentHit {
                    profile: pool.entries[i].profile.clone(),
                    fit,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn profile(intro: &str, vis: Visibility) -> Profile {
        let mut p = Profile::empty(UserId::new(), 1);
        p.introduction = intro.into();
        p.visibility = vis;
        p
    }

    fn index(ps: Vec<Profile>) -> TalentIndex {
        let t = TalentIndex::new();
        {
            let mut pool = t.pool.write().unwrap();
            for p in ps {
                pool.put(p);
            }
        }
        t
    }

    fn q(s: &str) -> TalentQuery {
        TalentQuery {
            q: s.into(),
            page: 1,
            ..Default::default()
        }
    }

    const TODAY: Date = date!(2026 - 11 - 26);

    #[test]
    fn words_find_inflected_forms_and_skill_names() {
        let mut cook = profile("Olen tehnyt ruokaa isoille ryhmille.", Visibility::Public);
        cook.skills = vec!["cooking".into()];
        let t = index(vec![
            cook.clone(),
            profile("Korjaan polkupyöriä.", Visibility::Organizations),
        ]);
        assert_eq!(t.search(&q("polkupyörien"), TODAY).total, 1);
        assert_eq!(t.search(&q("ryhmä"), TODAY).total, 1);
        // The skill's name in Finnish and in English.
        assert_eq!(t.search(&q("ruoanlaitto"), TODAY).hits[0].profile, cook);
        assert_eq!(t.search(&q("cooking"), TODAY).total, 1);
        assert_eq!(t.search(&q("ruoanlaitto polkupyörä"), TODAY).total, 0);
        assert_eq!(t.search(&q(""), TODAY).total, 2);
    }

    #[test]
    fn a_private_profile_is_never_found() {
        let private = profile("Hevoset ovat minun juttuni.", Visibility::Private);
        let t = index(vec![private.clone()]);
        assert_eq!(t.search(&q(""), TODAY).total, 0);
        assert_eq!(t.search(&q("hevoset"), TODAY).total, 0);
        // Made visible, then private again: gone again.
        let mut pool = t.pool.write().unwrap();
        let mut p = private;
        p.visibility = Visibility::Public;
        pool.put(p.clone());
        assert_eq!(pool.entries.len(), 1);
        p.visibility = Visibility::Private;
        pool.put(p);
        assert_eq!(pool.entries.len(), 0);
        assert!(pool.words.is_empty());
    }

    #[test]
    fn filters_narrow_the_pool() {
        let mut a = profile("a", Visibility::Public);
        a.pool_58 = true;
        a.age_band = Some("58-plus".into());
        a.hours_per_week = Some(30);
        a.municipality = Some("398".into());
        let mut b = profile("b", Visibility::Public);
        b.hours_per_week = Some(10);
        b.municipality = Some("091".into());
        b.available_from = Some(date!(2027 - 03 - 01));
        let t = index(vec![a.clone(), b]);
        let mut x = q("");
        x.pool_58 = true;
        assert_eq!(t.search(&x, TODAY).hits[0].profile, a);
        let mut x = q("");
        x.min_hours = Some(20);
        assert_eq!(t.search(&x, TODAY).total, 1);
        let mut x = q("");
        x.near = Some(((60.98, 25.66), 30.0));
        assert_eq!(t.search(&x, TODAY).total, 1);
        let mut x = q("");
        x.available_by = Some(TODAY);
        assert_eq!(t.search(&x, TODAY).total, 1);
    }
}
