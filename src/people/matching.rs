//! Explained matching: one deterministic score of how well a person and an open opportunity
//! fit, with the reasons that make it up. The person's own list ("for you") and an
//! organization's list of people for an opportunity use the same function.
//!
//! Every opportunity's matching features are kept in memory on each node (`MatchIndex`), caught
//! up with the store whenever the search index's change counter moves, so one person's list
//! over the national data set is a scan of a compact array, not a query.

use super::Profile;
use crate::domain::{OpportunityId, OpportunityType};
use crate::refdata::REF;
use crate::search::cache::Catchup;
use crate::search::geo::{approx_km, distance_km};
use crate::store::{DynStore, StoreResult};
use std::collections::{HashMap, HashSet};
use std::sync::RwLock;
use time::{Date, OffsetDateTime};

pub use crate::domain::people::OpportunityFeatures;

/// The bit of a term in a taxonomy's list (terms beyond 64 share the last bit).
fn bit_of(terms: &[crate::refdata::Term], id: &str) -> u64 {
    terms
        .iter()
        .position(|t| t.id == id)
        .map(|i| 1u64 << i.min(63))
        .unwrap_or(0)
}

pub(super) fn topic_bits<'a>(ids: impl IntoIterator<Item = &'a String>) -> u64 {
    ids.into_iter()
        .fold(0, |m, t| m | bit_of(&REF.taxonomies.topics, t))
}

/// The topic ids of bits, in the taxonomy's order.
fn topics_of(bits: u64) -> Vec<String> {
    REF.taxonomies
        .topics
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1u64 << (*i).min(63)) != 0)
        .map(|(_, t)| t.id.clone())
        .collect()
}

impl OpportunityFeatures {
    /// Computes the bits from the term lists (done once, when the index reads a row).
    pub fn with_bits(mut self) -> Self {
        self.topic_bits = topic_bits(&self.topics);
        self.group_bits = self
            .target_groups
            .iter()
            .fold(0, |m, t| m | bit_of(&REF.taxonomies.target_groups, t));
        self
    }
}

/// A person as matching sees them: bits and numbers, computed once per person.
#[derive(Debug, Clone, PartialEq)]
pub struct Seeker {
    pub interests: u64,
    /// (skill's index in the skills taxonomy, the bits of the topics it is used in)
    pub skills: Vec<(u16, u64)>,
    pub kinds: Vec<OpportunityType>,
    /// The target group of the person's age band (index in the taxonomy) and its bit.
    pub group: Option<(usize, u64)>,
    /// The centre of the person's home municipality: all that is known of where they live.
    pub point: Option<(f64, f64)>,
    pub municipality: Option<String>,
    pub travel_km: Option<i32>,
    pub hours_per_week: Option<i32>,
    pub part_time: bool,
    pub available_from: Option<Date>,
}

impl Seeker {
    pub fn of(p: &Profile) -> Self {
        let skills = p
            .skills
            .iter()
            .filter_map(|s| {
                let i = REF.skills.iter().position(|x| &x.id == s)?;
                Some((i as u16, topic_bits(&REF.skills[i].topics)))
            })
            .collect();
        let group = group_of(p).and_then(|g| {
            let i = REF
                .taxonomies
                .target_groups
                .iter()
                .position(|t| t.id == g)?;
            Some((i, 1u64 << i.min(63)))
        });
        Seeker {
            interests: topic_bits(&p.interests),
            skills,
            kinds: p.kinds.clone(),
            group,
            point: p.point(),
            municipality: p.municipality.clone(),
            travel_km: p.travel_km,
            hours_per_week: p.hours_per_week,
            part_time: p.part_time,
            available_from: p.available_from,
        }
    }

    /// The topics of the person's interests and skills, as bits.
    pub fn topic_bits(&self) -> u64 {
        self.skills.iter().fold(self.interests, |m, (_, b)| m | b)
    }
}

/// Why an opportunity fits a person; shown as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Topics the person is interested in.
    Interest(Vec<String>),
    /// A skill of the person's that the work uses.
    Skill(String),
    /// The kind of opportunity they look for.
    Kind(OpportunityType),
    /// The place is in the person's home municipality.
    HomeMunicipality,
    /// Kilometres from the centre of the person's home municipality to the place (only the
    /// municipality is known of where a person lives).
    Distance(u32),
    /// Hours a week that fit, and whether part-time.
    Hours { hours: Option<i32>, part_time: bool },
    /// A caution, not a reason: more hours a week than the person said they can do.
    TooManyHours { hours: i32, yours: i32 },
    /// It starts soon (and not before the person is available).
    Starts(Date),
    /// It is meant for a group the person belongs to (`seniors-58`, `young-people`).
    Group(String),
}

/// Points of each reason (documented so the ranking can be explained).
pub mod points {
    pub const INTEREST_FIRST: i32 = 30;
    pub const INTEREST_MORE: i32 = 10;
    pub const INTEREST_MAX: i32 = 50;
    pub const SKILL: i32 = 15;
    pub const SKILL_MAX: i32 = 30;
    pub const KIND: i32 = 20;
    pub const DISTANCE_MAX: i32 = 20;
    pub const HOURS: i32 = 15;
    pub const PART_TIME: i32 = 10;
    pub const TOO_MANY_HOURS: i32 = -10;
    pub const STARTS_SOON: i32 = 10;
    pub const STARTS_TOO_EARLY: i32 = -10;
    pub const GROUP: i32 = 15;
}

/// Without a travel distance in the profile, places farther than this count for nothing.
pub const DEFAULT_TRAVEL_KM: f64 = 50.0;
/// "Starts soon": within this many days of when the person is available.
pub const SOON_DAYS: i64 = 62;

/// A scored fit.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    pub score: i32,
    pub distance_km: Option<f64>,
    /// Empty when the score was computed without them (ranking a whole list).
    pub reasons: Vec<Reason>,
}

/// The person's age band's target group, if the taxonomy has one for it.
pub(super) fn group_of(p: &Profile) -> Option<&'static str> {
    match p.age_band.as_deref() {
        Some("58-plus") => Some("seniors-58"),
        Some("under-25") | Some("25-29") => Some("young-people"),
        _ => None,
    }
}

/// How well an opportunity fits a person on `today`, with the reasons; `None` when it is
/// not a suggestion at all (not open, the application time is over, beyond the person's
/// travel distance, or nothing of what the person said they want or can do).
pub fn fit(p: &Profile, o: &OpportunityFeatures, today: Date) -> Option<Fit> {
    score(&Seeker::of(p), o, today, true)
}

/// The score of `fit`, from a prepared person; the reasons only when asked for (ranking a
/// national list needs the numbers only, the page's twenty need the words). One function
/// for both, so the order and the explanation can never disagree.
pub fn score(s: &Seeker, o: &OpportunityFeatures, today: Date, explain: bool) -> Option<Fit> {
    use points::*;
    if !o.open || o.apply_by.is_some_and(|d| d < today) {
        return None;
    }
    let mut score = 0;
    let mut wanted = false;
    let mut reasons = Vec::new();
    let shared = s.interests & o.topic_bits;
    if shared != 0 {
        let n = shared.count_ones() as i32;
        score += (INTEREST_FIRST + INTEREST_MORE * (n - 1)).min(INTEREST_MAX);
        wanted = true;
        if explain {
            reasons.push(Reason::Interest(topics_of(shared)));
        }
    }
    let mut skill_points = 0;
    for (i, bits) in &s.skills {
        if skill_points >= SKILL_MAX {
            break;
        }
        if bits & o.topic_bits != 0 {
            skill_points += SKILL;
            wanted = true;
            if explain {
                reasons.push(Reason::Skill(REF.skills[*i as usize].id.clone()));
            }
        }
    }
    score += skill_points;
    if s.kinds.contains(&o.kind) {
        score += KIND;
        wanted = true;
        if explain {
            reasons.push(Reason::Kind(o.kind));
        }
    }
    if let Some((g, bit)) = s.group {
        if o.group_bits & bit != 0 {
            score += GROUP;
            wanted = true;
            if explain {
                reasons.push(Reason::Group(REF.taxonomies.target_groups[g].id.clone()));
            }
        }
    }
    // Nothing the person wants or can do: not a suggestion, however near.
    if !wanted {
        return None;
    }
    let distance = match (s.point, o.point) {
        (Some(a), Some(b)) => {
            // Clearly beyond any reach: the cheap estimate is enough (it only orders the
            // far ones among themselves).
            let reach = s.travel_km.map_or(DEFAULT_TRAVEL_KM, f64::from).max(1.0);
            let approx = approx_km(a, b);
            Some(if approx > reach * 1.1 + 1.0 {
                approx
            } else {
                distance_km(a, b)
            })
        }
        _ => None,
    };
    if let Some(d) = distance {
        let reach = s.travel_km.map(f64::from);
        if reach.is_some_and(|r| d > r) {
            return None;
        }
        let reach = reach.unwrap_or(DEFAULT_TRAVEL_KM).max(1.0);
        if d <= reach {
            score += (f64::from(DISTANCE_MAX) * (1.0 - d / reach)).round() as i32;
            if explain {
                reasons.push(
                    if s.municipality.is_some() && s.municipality == o.municipality {
                        Reason::HomeMunicipality
                    } else {
                        Reason::Distance(d.round() as u32)
                    },
                );
            }
        }
    }
    let mut too_many = None;
    let hours_fit = match (o.hours_per_week, s.hours_per_week) {
        (Some(o), Some(h)) if o <= h => {
            score += HOURS;
            true
        }
        (Some(o), Some(h)) => {
            score += TOO_MANY_HOURS;
            too_many = Some(Reason::TooManyHours { hours: o, yours: h });
            false
        }
        _ => false,
    };
    let part_time_fit = s.part_time && o.part_time;
    if part_time_fit {
        score += PART_TIME;
    }
    if explain && (hours_fit || part_time_fit) {
        reasons.push(Reason::Hours {
            hours: o.hours_per_week.filter(|_| hours_fit),
            part_time: o.part_time,
        });
    }
    if explain {
        // Said, not hidden: the person decides whether the hours could work.
        reasons.extend(too_many);
    }
    if let Some(start) = o.starts_on {
        let from = s.available_from.map_or(today, |a| a.max(today));
        if s.available_from.is_some_and(|a| start < a) {
            score += STARTS_TOO_EARLY;
        } else if (start - from).whole_days() <= SOON_DAYS {
            score += STARTS_SOON;
            if explain {
                reasons.push(Reason::Starts(start));
            }
        }
    }
    Some(Fit {
        score,
        distance_km: distance,
        reasons,
    })
}

/// Orders fits: best score, then nearest, then soonest start, then id (so the order never
/// depends on how the rows were read).
pub fn order(
    a: (&Fit, &OpportunityFeatures),
    b: (&Fit, &OpportunityFeatures),
) -> std::cmp::Ordering {
    let far = f64::INFINITY;
    b.0.score
        .cmp(&a.0.score)
        .then_with(|| {
            a.0.distance_km
                .unwrap_or(far)
                .total_cmp(&b.0.distance_km.unwrap_or(far))
        })
        .then_with(|| {
            a.1.starts_on
                .unwrap_or(Date::MAX)
                .cmp(&b.1.starts_on.unwrap_or(Date::MAX))
        })
        .then_with(|| a.1.id.cmp(&b.1.id))
}

/// Every opportunity's features, per node.
#[derive(Default)]
pub struct MatchIndex {
    inner: RwLock<Snapshot>,
    catchup: Catchup,
}

#[derive(Default)]
struct Snapshot {
    items: Vec<OpportunityFeatures>,
    by_id: HashMap<OpportunityId, usize>,
    /// The newest `updated_at` read.
    newest: Option<OffsetDateTime>,
    loaded: bool,
}

/// Changes are read again from this long before the newest one seen, so a row written by
/// another node with a slightly earlier clock is not missed.
const CLOCK_MARGIN: time::Duration = time::Duration::minutes(10);

impl MatchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Catches up with the store when its search generation has moved.
    pub async fn refresh(&self, store: &DynStore) -> StoreResult<()> {
        let generation = store.search_generation().await?;
        let Some(_one) = self.catchup.start(generation).await else {
            return Ok(());
        };
        let since = self
            .inner
            .read()
            .map(|s| s.newest.filter(|_| s.loaded).map(|n| n - CLOCK_MARGIN))
            .unwrap_or(None);
        let rows = store.opportunity_features(since).await?;
        if let Ok(mut s) = self.inner.write() {
            for r in rows {
                let r = r.with_bits();
                s.newest = s.newest.max(Some(r.updated_at));
                match s.by_id.get(&r.id).copied() {
                    Some(i) => s.items[i] = r,
                    None => {
                        let i = s.items.len();
                        s.by_id.insert(r.id, i);
                        s.items.push(r);
                    }
                }
            }
            s.loaded = true;
        }
        self.catchup.done(generation);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.inner.read().map(|s| s.items.len()).unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The opportunities that fit a person, best first, without the hidden ones: the total
    /// and the `limit` from `offset`, with their reasons.
    pub fn for_person(
        &self,
        p: &Profile,
        hidden: &HashSet<OpportunityId>,
        today: Date,
        offset: usize,
        limit: usize,
    ) -> (usize, Vec<(OpportunityFeatures, Fit)>) {
        let Ok(s) = self.inner.read() else {
            return (0, Vec::new());
        };
        let seeker = Seeker::of(p);
        let mut fits: Vec<(usize, Fit)> = s
            .items
            .iter()
            .enumerate()
            .filter(|(_, o)| !hidden.contains(&o.id))
            .filter_map(|(i, o)| score(&seeker, o, today, false).map(|f| (i, f)))
            .collect();
        let total = fits.len();
        let end = (offset + limit).min(total);
        if offset >= end {
            return (total, Vec::new());
        }
        let cmp = |a: &(usize, Fit), b: &(usize, Fit)| {
            order((&a.1, &s.items[a.0]), (&b.1, &s.items[b.0]))
        };
        if end < total {
            fits.select_nth_unstable_by(end - 1, cmp);
            fits.truncate(end);
        }
        fits.sort_by(cmp);
        let page = fits
            .into_iter()
            .skip(offset)
            .filter_map(|(i, _)| {
                let o = &s.items[i];
                score(&seeker, o, today, true).map(|f| (o.clone(), f))
            })
            .collect();
        (total, page)
    }

    /// One opportunity's features.
    pub fn get(&self, id: OpportunityId) -> Option<OpportunityFeatures> {
        let s = self.inner.read().ok()?;
        s.by_id.get(&id).map(|i| s.items[*i].clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::UserId;
    use crate::domain::OrganizationId;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 26);

    fn person() -> Profile {
        let mut p = Profile::empty(UserId::new(), time::OffsetDateTime::UNIX_EPOCH);
        p.municipality = Some("398".into()); // Lahti
        p
    }

    fn opportunity() -> OpportunityFeatures {
        OpportunityFeatures {
            id: OpportunityId::new(),
            organization_id: OrganizationId::new(),
            kind: OpportunityType::WorkTrial,
            topics: vec!["animals".into()],
            target_groups: vec![],
            point: None,
            municipality: None,
            hours_per_week: None,
            part_time: false,
            starts_on: None,
            apply_by: None,
            open: true,
            updated_at: OffsetDateTime::UNIX_EPOCH,
            topic_bits: 0,
            group_bits: 0,
        }
        .with_bits()
    }

    fn reasons(p: &Profile, o: &OpportunityFeatures) -> Vec<Reason> {
        fit(p, o, TODAY).map(|f| f.reasons).unwrap_or_default()
    }

    #[test]
    fn nothing_wanted_is_no_suggestion() {
        assert_eq!(fit(&person(), &opportunity(), TODAY), None);
    }

    #[test]
    fn an_interest_is_a_reason() {
        let mut p = person();
        p.interests = vec!["animals".into(), "it".into()];
        let f = fit(&p, &opportunity(), TODAY).unwrap();
        assert_eq!(f.reasons, vec![Reason::Interest(vec!["animals".into()])]);
        assert_eq!(f.score, points::INTEREST_FIRST);
        let mut o = opportunity();
        o.topics.push("it".into());
        let o = o.with_bits();
        assert_eq!(
            fit(&p, &o, TODAY).unwrap().score,
            points::INTEREST_FIRST + points::INTEREST_MORE
        );
    }

    #[test]
    fn a_skill_used_in_the_work_is_a_reason() {
        let mut p = person();
        p.skills = vec!["horse-care".into(), "welding".into()];
        assert_eq!(
            reasons(&p, &opportunity()),
            vec![Reason::Skill("horse-care".into())]
        );
    }

    #[test]
    fn the_kind_asked_for_is_a_reason() {
        let mut p = person();
        p.kinds = vec![OpportunityType::WorkTrial];
        assert_eq!(
            reasons(&p, &opportunity()),
            vec![Reason::Kind(OpportunityType::WorkTrial)]
        );
    }

    #[test]
    fn distance_counts_within_reach_and_excludes_beyond() {
        let mut p = person();
        p.interests = vec!["animals".into()];
        let mut o = opportunity();
        o.point = Some((61.05, 25.55)); // a few km from Lahti's centre
        let f = fit(&p, &o, TODAY).unwrap();
        let Some(Reason::Distance(km)) = f.reasons.get(1).cloned() else {
            panic!("{:?}", f.reasons)
        };
        assert!(km <= 10, "{km}");
        assert!(f.score > points::INTEREST_FIRST);
        // In the person's own municipality: said so, not a distance from its centre.
        o.municipality = Some("398".into());
        assert_eq!(reasons(&p, &o)[1], Reason::HomeMunicipality);
        o.municipality = Some("532".into());
        o.point = Some((60.17, 24.94)); // Helsinki, about 100 km
        assert!(!reasons(&p, &o)
            .iter()
            .any(|r| matches!(r, Reason::Distance(_))));
        p.travel_km = Some(30);
        assert_eq!(fit(&p, &o, TODAY), None);
    }

    #[test]
    fn hours_and_part_time_are_a_reason() {
        let mut p = person();
        p.interests = vec!["animals".into()];
        p.hours_per_week = Some(25);
        p.part_time = true;
        let mut o = opportunity();
        o.hours_per_week = Some(20);
        o.part_time = true;
        assert_eq!(
            reasons(&p, &o)[1],
            Reason::Hours {
                hours: Some(20),
                part_time: true
            }
        );
        o.hours_per_week = Some(37);
        o.part_time = false;
        let f = fit(&p, &o, TODAY).unwrap();
        assert_eq!(
            f.reasons[1..],
            [Reason::TooManyHours {
                hours: 37,
                yours: 25
            }],
            "more hours than the person can do: marked"
        );
        assert_eq!(f.score, points::INTEREST_FIRST + points::TOO_MANY_HOURS);
    }

    #[test]
    fn a_start_soon_is_a_reason_but_not_before_the_person_is_free() {
        let mut p = person();
        p.interests = vec!["animals".into()];
        let mut o = opportunity();
        o.starts_on = Some(date!(2026 - 12 - 14));
        assert_eq!(reasons(&p, &o)[1], Reason::Starts(date!(2026 - 12 - 14)));
        o.starts_on = Some(date!(2027 - 06 - 01));
        assert_eq!(reasons(&p, &o).len(), 1);
        p.available_from = Some(date!(2027 - 01 - 01));
        o.starts_on = Some(date!(2026 - 12 - 14));
        let f = fit(&p, &o, TODAY).unwrap();
        assert_eq!(f.score, points::INTEREST_FIRST + points::STARTS_TOO_EARLY);
    }

    #[test]
    fn a_group_the_person_belongs_to_is_a_reason() {
        let mut p = person();
        p.age_band = Some("58-plus".into());
        let mut o = opportunity();
        o.target_groups = vec!["seniors-58".into()];
        let o = o.with_bits();
        assert_eq!(reasons(&p, &o), vec![Reason::Group("seniors-58".into())]);
    }

    #[test]
    fn closed_full_or_past_is_never_suggested() {
        let mut p = person();
        p.interests = vec!["animals".into()];
        let mut o = opportunity();
        o.open = false;
        assert_eq!(fit(&p, &o, TODAY), None);
        let mut o = opportunity();
        o.apply_by = Some(date!(2026 - 11 - 25));
        assert_eq!(fit(&p, &o, TODAY), None);
    }

    #[test]
    fn the_order_is_total_and_stable() {
        let mut p = person();
        p.interests = vec!["animals".into()];
        let index = MatchIndex::new();
        {
            let mut s = index.inner.write().unwrap();
            for i in 0..50 {
                let mut o = opportunity();
                o.id = OpportunityId(uuid::Uuid::from_u128(i));
                if i % 3 == 0 {
                    o.topics.push("it".into());
                    p.interests.push("it".into());
                }
                let o = o.with_bits();
                let n = s.items.len();
                s.by_id.insert(o.id, n);
                s.items.push(o);
            }
        }
        let hidden = HashSet::from([OpportunityId(uuid::Uuid::from_u128(3))]);
        let (total, all) = index.for_person(&p, &hidden, TODAY, 0, 100);
        assert_eq!(total, 49);
        let (_, page2) = index.for_person(&p, &hidden, TODAY, 10, 10);
        assert_eq!(
            page2.iter().map(|x| x.0.id).collect::<Vec<_>>(),
            all[10..20].iter().map(|x| x.0.id).collect::<Vec<_>>()
        );
        assert!(all.windows(2).all(|w| w[0].1.score >= w[1].1.score));
    }
}
