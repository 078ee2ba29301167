//! The talent pool: profiles their owners show to organizations, searched by words, skills,
//! interests, place, availability and the 58+ pool, and ranked by fit for an opportunity.
//!
//! Each node keeps the visible profiles in memory (a private profile is never loaded, so it
//! cannot turn up in any result) and catches up with the store when any profile changes: one
//! read of the newest change time per search, then only the profiles changed since.

use super::matching::{score, topic_bits, Fit, OpportunityFeatures, Seeker};
use super::{Profile, Visibility};
use crate::accounts::UserId;
use crate::domain::{unix_micros, Lang};
use crate::refdata::REF;
use crate::search::analyzer::{stem, words};
use crate::search::cache::Catchup;
use crate::search::geo::within_km;
use crate::store::{DynStore, StoreResult};
use std::collections::{HashMap, HashSet};
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

/// A result: who, and with an opportunity, how they fit it.
#[derive(Debug, Clone, PartialEq)]
pub struct TalentHit {
    pub user_id: UserId,
    pub fit: Option<Fit>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TalentResults {
    pub total: usize,
    pub hits: Vec<TalentHit>,
}

/// A visible profile as the index keeps it: what the filters and the ranking read, in a few
/// dozen bytes (the page reads the few profiles it shows from the store).
struct Entry {
    user_id: UserId,
    seeker: Seeker,
    /// Topics of the person's interests and of their skills, as bits.
    topics: u64,
    /// Skills (by their index in the taxonomy) and kinds looked for, as bits: tested
    /// without leaving the entry.
    skill_bits: SkillBits,
    kind_bits: u8,
    municipality: Option<u16>,
    pool_58: bool,
    expert: bool,
    updated_at: i64,
    /// The person's words, as ids of `Pool::stems`.
    stems: Vec<u32>,
}

/// One bit per skill of the taxonomy.
type SkillBits = [u64; 4];

fn skill_bit(bits: &mut SkillBits, i: u16) {
    let i = usize::from(i).min(255);
    bits[i / 64] |= 1u64 << (i % 64);
}

fn any_common(a: &SkillBits, b: &SkillBits) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}

fn kind_bit(k: crate::domain::OpportunityType) -> u8 {
    let i = crate::domain::OpportunityType::ALL
        .iter()
        .position(|x| *x == k)
        .unwrap_or(7);
    1u8 << i.min(7)
}

fn municipality_number(code: Option<&str>) -> Option<u16> {
    code.and_then(|c| c.parse().ok())
}

/// The stems a word can stand for (Finnish, Swedish and English).
fn stems(w: &str) -> [String; 3] {
    [stem(Lang::Fi, w), stem(Lang::Sv, w), stem(Lang::En, w)]
}

/// The words a profile is found by: its name, introduction and its skills in the person's
/// words, as Finnish stems (the index side). Taxonomy skills are found by their names.
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

/// Indexes of the skills whose name, in any language, has a word with one of these stems.
fn skills_named(stems: &[String; 3]) -> Vec<u16> {
    static LABEL_STEMS: std::sync::LazyLock<Vec<HashSet<String>>> =
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
                    set
                })
                .collect()
        });
    LABEL_STEMS
        .iter()
        .enumerate()
        .filter(|(_, set)| stems.iter().any(|s| set.contains(s)))
        .map(|(i, _)| i as u16)
        .collect()
}

/// The pool: entries in slots that never move (a removed one leaves a hole that the next
/// new profile fills), so the word lists can hold slot numbers.
#[derive(Default)]
struct Pool {
    slots: Vec<Option<Entry>>,
    free: Vec<u32>,
    by_id: HashMap<UserId, u32>,
    /// Stem → its id; `postings[id]` are the slots whose profile has the stem.
    stems: HashMap<String, u32>,
    postings: Vec<Vec<u32>>,
    len: usize,
    newest: i64,
    loaded: bool,
}

impl Pool {
    fn remove(&mut self, id: UserId) {
        let Some(slot) = self.by_id.remove(&id) else {
            return;
        };
        if let Some(gone) = self.slots[slot as usize].take() {
            for s in gone.stems {
                self.postings[s as usize].retain(|x| *x != slot);
            }
            self.free.push(slot);
            self.len -= 1;
        }
    }

    fn put(&mut self, p: &Profile) {
        let id = p.user_id;
        self.remove(id);
        if p.visibility == Visibility::Private {
            return;
        }
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        let mut ids = Vec::new();
        for s in profile_stems(p) {
            let next = self.stems.len() as u32;
            let sid = *self.stems.entry(s).or_insert(next);
            if sid as usize == self.postings.len() {
                self.postings.push(Vec::new());
            }
            self.postings[sid as usize].push(slot);
            ids.push(sid);
        }
        let seeker = Seeker::of(p);
        let mut skill_bits = SkillBits::default();
        for (i, _) in &seeker.skills {
            skill_bit(&mut skill_bits, *i);
        }
        self.slots[slot as usize] = Some(Entry {
            user_id: id,
            skill_bits,
            kind_bits: seeker.kinds.iter().fold(0, |m, k| m | kind_bit(*k)),
            topics: seeker.topic_bits(),
            seeker,
            municipality: municipality_number(p.municipality.as_deref()),
            pool_58: p.pool_58,
            expert: p.expert_by_experience,
            updated_at: unix_micros(p.updated_at),
            stems: ids,
        });
        self.by_id.insert(id, slot);
        self.len += 1;
    }

    /// The slots one query word finds, as a mark per slot.
    fn find_word(&self, w: &str) -> Vec<bool> {
        let mut marks = vec![false; self.slots.len()];
        let st = stems(w);
        let mut mark = |sid: u32| {
            for s in &self.postings[sid as usize] {
                marks[*s as usize] = true;
            }
        };
        for s in &st {
            if let Some(sid) = self.stems.get(s) {
                mark(*sid);
            }
        }
        // A word's beginning finds its compounds and longer forms (ksylofoni →
        // ksylofonisti): a scan of the distinct stems, not of the profiles.
        if w.chars().count() >= 4 {
            let head = &st[0];
            for (stem, sid) in &self.stems {
                if stem.len() > head.len() && stem.starts_with(head.as_str()) {
                    mark(*sid);
                }
            }
        }
        let mut named = SkillBits::default();
        for i in skills_named(&st) {
            skill_bit(&mut named, i);
        }
        if named != SkillBits::default() {
            for (i, e) in self.slots.iter().enumerate() {
                if e.as_ref()
                    .is_some_and(|e| any_common(&e.skill_bits, &named))
                {
                    marks[i] = true;
                }
            }
        }
        marks
    }
}

/// The visible profiles, per node.
pub struct TalentIndex {
    pool: RwLock<Pool>,
    catchup: Catchup,
}

impl Default for TalentIndex {
    fn default() -> Self {
        Self::new()
    }
}

/// Changes are read again from this long before the newest one seen (clocks of nodes differ).
const CLOCK_MARGIN_MICROS: i64 = 10 * 60 * 1_000_000;
/// Profiles read from the store at a time.
const LOAD_PAGE: i64 = 5_000;

impl TalentIndex {
    pub fn new() -> Self {
        Self {
            pool: RwLock::new(Pool::default()),
            catchup: Catchup::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.pool.read().map(|p| p.len).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Catches up with the store when a profile has changed since the last look.
    pub async fn refresh(&self, store: &DynStore) -> StoreResult<()> {
        let generation = store.people_generation().await?;
        let Some(_one) = self.catchup.start(generation).await else {
            return Ok(());
        };
        let since = self
            .pool
            .read()
            .map(|p| p.loaded.then(|| p.newest - CLOCK_MARGIN_MICROS))
            .unwrap_or(None);
        if let Some(s) = since {
            let removed = store.removed_profiles(s).await?;
            if let Ok(mut pool) = self.pool.write() {
                for id in removed {
                    pool.remove(id);
                }
            }
        }
        let mut after = String::new();
        loop {
            let page = store
                .visible_profiles_page(since.unwrap_or(i64::MIN), &after, LOAD_PAGE)
                .await?;
            let Some(last) = page.last() else {
                break;
            };
            after = last.user_id.to_string();
            if let Ok(mut pool) = self.pool.write() {
                for p in &page {
                    pool.newest = pool.newest.max(unix_micros(p.updated_at));
                    pool.put(p);
                }
            }
            if (page.len() as i64) < LOAD_PAGE {
                break;
            }
        }
        if let Ok(mut pool) = self.pool.write() {
            pool.newest = pool.newest.max(generation);
            pool.loaded = true;
        }
        self.catchup.done(generation);
        Ok(())
    }

    /// Runs a search on `today`: the total and the page's people, best first.
    pub fn search(&self, q: &TalentQuery, today: Date) -> TalentResults {
        let Ok(pool) = self.pool.read() else {
            return TalentResults::default();
        };
        // Every word must match the name, introduction, own skills or a skill's name.
        let mut allowed: Option<Vec<bool>> = None;
        for w in words(&q.q).into_iter().take(8) {
            let found = pool.find_word(&w);
            allowed = Some(match allowed {
                None => found,
                Some(a) => a.iter().zip(&found).map(|(x, y)| *x && *y).collect(),
            });
        }
        let skill = q.skill.as_ref().map(|s| {
            let mut bits = SkillBits::default();
            if let Some(i) = REF.skills.iter().position(|x| &x.id == s) {
                skill_bit(&mut bits, i as u16);
            }
            bits
        });
        let opp_kind = q.opportunity.as_ref().map_or(0, |o| kind_bit(o.kind));
        let interest = q.interest.as_ref().map(|t| topic_bits([t]));
        let municipality = q
            .municipality
            .as_ref()
            .map(|m| municipality_number(Some(m)));
        let opp_topics = q.opportunity.as_ref().map(|o| o.topic_bits);
        let mut hits: Vec<(usize, Option<Fit>)> = Vec::new();
        for (i, e) in pool.slots.iter().enumerate() {
            let Some(e) = e else { continue };
            let p = &e.seeker;
            if allowed.as_ref().is_some_and(|a| !a[i])
                || skill.is_some_and(|s| !any_common(&e.skill_bits, &s))
                || interest.is_some_and(|b| p.interests & b == 0)
                || municipality.is_some_and(|m| m.is_none() || e.municipality != m)
                || (q.pool_58 && !e.pool_58)
                || (q.expert && !e.expert)
                || q.min_hours
                    .is_some_and(|h| p.hours_per_week.is_none_or(|x| x < h))
                || q.available_by
                    .is_some_and(|d| p.available_from.is_some_and(|a| a > d))
            {
                continue;
            }
            if let Some((centre, radius)) = q.near {
                if p.point.is_none_or(|pt| !within_km(centre, pt, radius)) {
                    continue;
                }
            }
            let f = match (&q.opportunity, opp_topics) {
                (Some(o), Some(mask)) => {
                    // Cheap test first: no shared topic, kind or group cannot fit.
                    if e.topics & mask == 0
                        && e.kind_bits & opp_kind == 0
                        && p.group.is_none_or(|(_, b)| o.group_bits & b == 0)
                    {
                        continue;
                    }
                    match score(p, o, today, false) {
                        Some(f) => Some(f),
                        None => continue,
                    }
                }
                _ => None,
            };
            hits.push((i, f));
        }
        let total = hits.len();
        let entry = |i: usize| pool.slots[i].as_ref().expect("a live slot");
        let order = |a: &(usize, Option<Fit>), b: &(usize, Option<Fit>)| {
            let (ea, eb) = (entry(a.0), entry(b.0));
            let sa = a.1.as_ref().map_or(0, |f| f.score);
            let sb = b.1.as_ref().map_or(0, |f| f.score);
            sb.cmp(&sa)
                .then_with(|| eb.updated_at.cmp(&ea.updated_at))
                .then_with(|| ea.user_id.cmp(&eb.user_id))
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
                .map(|(i, fit)| {
                    let e = entry(i);
                    TalentHit {
                        user_id: e.user_id,
                        // The page's few get their reasons.
                        fit: fit
                            .and(q.opportunity.as_ref())
                            .and_then(|o| score(&e.seeker, o, today, true)),
                    }
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
        let mut p = Profile::empty(UserId::new(), time::OffsetDateTime::UNIX_EPOCH);
        p.introduction = intro.into();
        p.visibility = vis;
        p
    }

    fn index(ps: Vec<Profile>) -> TalentIndex {
        let t = TalentIndex::new();
        {
            let mut pool = t.pool.write().unwrap();
            for p in ps {
                pool.put(&p);
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
        assert_eq!(
            t.search(&q("ruoanlaitto"), TODAY).hits[0].user_id,
            cook.user_id
        );
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
        pool.put(&p);
        assert_eq!(pool.len, 1);
        p.visibility = Visibility::Private;
        pool.put(&p);
        assert_eq!(pool.len, 0);
        assert!(pool.postings.iter().all(Vec::is_empty));
        // The hole is used again.
        p.visibility = Visibility::Organizations;
        pool.put(&p);
        assert_eq!((pool.len, pool.slots.len()), (1, 1));
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
        assert_eq!(t.search(&x, TODAY).hits[0].user_id, a.user_id);
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
