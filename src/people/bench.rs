//! Benchmarks of the people side (`kolmonen gen-bench-people`, `kolmonen bench-people`):
//! generated job seekers at national scale, one person's matches over every opportunity,
//! and talent-pool searches, timed the way a page runs them (store reads included).

use super::matching::MatchIndex;
use super::talent::{TalentIndex, TalentQuery};
use super::{Profile, Visibility, AGE_BANDS};
use crate::accounts::{Email, Role, User, UserId};
use crate::domain::{OpportunityId, OpportunityType};
use crate::refdata::REF;
use crate::store::{DynStore, StoreResult};
use std::collections::HashSet;
use std::time::Instant;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Namespace of generated people's ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b6f_6c6d_6f6e_656e_0000_0000_0000_0e09);

use crate::gen::Rng;

/// Municipality codes, each as often as it has postal codes (people live where the codes are).
fn weighted_municipalities() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = REF.postcodes.values().map(String::as_str).collect();
    v.sort_unstable();
    v
}

const OPENINGS: &[&str] = &[
    "Etsin paikkaa, jossa pääsen taas kiinni työelämään.",
    "Olen ollut pitkään poissa töistä, mutta intoa riittää.",
    "Haluan oppia uutta ja olla hyödyksi.",
    "Minulla on pitkä työura takana ja paljon annettavaa.",
    "Aloitan mieluiten pienillä tunneilla.",
    "Olen täsmällinen ja pidän käytännön töistä.",
];

/// The `nth` generated person of a seed: an account that cannot sign in and its profile.
pub fn person(
    seed: u64,
    nth: usize,
    municipalities: &[&'static str],
    now: OffsetDateTime,
) -> (User, Profile) {
    let mut r = Rng(seed.wrapping_mul(1_000_003).wrapping_add(nth as u64));
    let id = UserId(Uuid::new_v5(&NAMESPACE, format!("{seed}:{nth}").as_bytes()));
    let skills: Vec<String> = (0..2 + r.below(7))
        .map(|_| REF.skills[r.below(REF.skills.len())].id.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let topics = &REF.taxonomies.topics;
    let interests: Vec<String> = (0..1 + r.below(4))
        .map(|_| topics[r.below(topics.len())].id.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut kinds = vec![OpportunityType::ALL[r.below(OpportunityType::ALL.len())]];
    if r.chance(40) {
        let k = OpportunityType::ALL[r.below(OpportunityType::ALL.len())];
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let band = AGE_BANDS[r.below(AGE_BANDS.len())];
    let label = |s: &str| {
        REF.skill(s)
            .map(|s| s.label.fi.to_lowercase())
            .unwrap_or_default()
    };
    let introduction = format!(
        "{} Osaan {} ja {}. Minua kiinnostaa {}.",
        OPENINGS[r.below(OPENINGS.len())],
        label(&skills[0]),
        label(skills.last().unwrap_or(&skills[0])),
        REF.taxonomies
            .topic(&interests[0])
            .map(|t| t.label.fi.to_lowercase())
            .unwrap_or_default()
    );
    let visibility = match r.below(100) {
        0..15 => Visibility::Private,
        15..75 => Visibility::Organizations,
        _ => Visibility::Public,
    };
    let at = now - Duration::seconds(r.below(365 * 24 * 3600) as i64);
    let user = User {
        id,
        email: Email::parse(&format!("bench-{seed}-{nth}@bench.kolmonen.invalid"))
            .expect("a valid address"),
        password_hash: "!bench".into(),
        role: Role::JobSeeker,
        organization_id: None,
        email_verified_at: Some(now),
        disabled_at: None,
        created_at: now,
    };
    let profile = Profile {
        user_id: id,
        display_name: String::new(),
        introduction,
        skills,
        free_skills: Vec::new(),
        interests,
        languages: vec!["fi".into()],
        kinds,
        municipality: Some(municipalities[r.below(municipalities.len())].to_string()),
        travel_km: r.chance(70).then(|| 10 + r.below(60) as i32),
        hours_per_week: r.chance(80).then(|| 8 + r.below(30) as i32),
        part_time: r.chance(50),
        available_from: r
            .chance(30)
            .then(|| now.date() + Duration::days(r.below(90) as i64)),
        age_band: Some(band.to_string()),
        pool_58: band == "58-plus" && r.chance(70),
        expert_by_experience: r.chance(10),
        visibility,
        demo: true,
        created_at: at,
        updated_at: at,
    };
    (user, profile)
}

/// Writes `n` generated people, 1,000 to a transaction.
pub async fn generate(store: &DynStore, n: usize, seed: u64) -> StoreResult<()> {
    let municipalities = weighted_municipalities();
    let now = OffsetDateTime::now_utc();
    for start in (0..n).step_by(1000) {
        let batch: Vec<_> = (start..(start + 1000).min(n))
            .map(|i| person(seed, i, &municipalities, now))
            .collect();
        store.save_people(&batch).await?;
    }
    Ok(())
}

/// p50, p99, mean and max of times in milliseconds.
pub fn summary(mut ms: Vec<f64>) -> (f64, f64, f64, f64) {
    if ms.is_empty() {
        return (0.0, 0.0, 0.0, 0.0);
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 * q).ceil() as usize).clamp(1, ms.len()) - 1];
    let mean = ms.iter().sum::<f64>() / ms.len() as f64;
    (at(0.50), at(0.99), mean, ms[ms.len() - 1])
}

/// The talent queries of the benchmark: words, skills, interests, a town with a radius, the
/// 58+ pool and hours, mixed.
pub fn talent_queries(n: usize) -> Vec<TalentQuery> {
    const WORDS: &[&str] = &[
        "ruoanlaitto",
        "siivous",
        "polkupyörä",
        "kokemus",
        "asiakaspalvelu",
        "kudonta",
        "",
        "",
    ];
    const TOWNS: &[(f64, f64)] = &[
        (60.17, 24.94),
        (60.98, 25.66),
        (61.50, 23.76),
        (65.01, 25.47),
        (62.60, 29.76),
    ];
    let mut r = Rng(7);
    (0..n)
        .map(|i| {
            let mut q = TalentQuery {
                q: WORDS[i % WORDS.len()].to_string(),
                page: 1,
                ..Default::default()
            };
            match i % 5 {
                0 => q.skill = Some(REF.skills[r.below(REF.skills.len())].id.clone()),
                1 => {
                    q.interest = Some(
                        REF.taxonomies.topics[r.below(REF.taxonomies.topics.len())]
                            .id
                            .clone(),
                    )
                }
                2 => q.near = Some((TOWNS[r.below(TOWNS.len())], 30.0)),
                3 => {
                    q.pool_58 = true;
                    q.min_hours = Some(20);
                }
                _ => q.municipality = Some("091".into()),
            }
            q
        })
        .collect()
}

/// Runs the benchmark and prints its tables (Markdown).
pub async fn run(store: &DynStore, queries: usize) -> anyhow::Result<()> {
    let today = OffsetDateTime::now_utc().date();
    // Matching: the index is loaded once per node; each page reads the change counter and
    // the person's hidden suggestions, ranks every opportunity and reads the page's 20.
    let matches = MatchIndex::new();
    let started = Instant::now();
    matches.refresh(store).await?;
    let load_matches = started.elapsed();
    let municipalities = weighted_municipalities();
    let now = OffsetDateTime::now_utc();
    let mut times = Vec::with_capacity(queries);
    let mut found = 0usize;
    for i in 0..queries {
        let (_, p) = person(99, i, &municipalities, now);
        let t = Instant::now();
        matches.refresh(store).await?;
        let hidden: HashSet<OpportunityId> = store
            .hidden_suggestions(p.user_id)
            .await?
            .into_iter()
            .collect();
        let (total, page) = matches.for_person(&p, &hidden, today, 0, 20);
        let ids: Vec<_> = page.iter().map(|(o, _)| o.id).collect();
        let read = store.opportunities_by_id(&ids).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        found += total;
        assert_eq!(read.len(), ids.len());
    }
    let (p50, p99, mean, max) = summary(times);
    println!(
        "matching: {} opportunities in the index (loaded in {:.2} s), {queries} people, {:.0} suggestions on average",
        matches.len(),
        load_matches.as_secs_f64(),
        found as f64 / queries.max(1) as f64
    );
    println!("| p50 | p99 | mean | max |\n|---|---|---|---|");
    println!("| {p50:.2} ms | {p99:.2} ms | {mean:.2} ms | {max:.2} ms |");
    // Talent: the visible profiles are loaded once per node; each search reads the change
    // counter, filters and ranks in memory and reads the page's 20 profiles.
    let talent = TalentIndex::new();
    let started = Instant::now();
    talent.refresh(store).await?;
    let load_talent = started.elapsed();
    let mix = talent_queries(queries);
    let mut times = Vec::with_capacity(queries);
    let mut found = 0usize;
    // A third of the searches rank by fit for an opportunity.
    let some_opportunities: Vec<_> = {
        let (_, p) = person(98, 0, &municipalities, now);
        let mut wide = p.clone();
        wide.interests = REF.taxonomies.topics.iter().map(|t| t.id.clone()).collect();
        wide.travel_km = None;
        wide.municipality = None;
        matches
            .for_person(&wide, &HashSet::new(), today, 0, 50)
            .1
            .into_iter()
            .map(|(o, _)| o)
            .collect()
    };
    for (i, mut q) in mix.into_iter().enumerate() {
        if i % 3 == 0 && !some_opportunities.is_empty() {
            q.opportunity = Some(some_opportunities[i % some_opportunities.len()].clone());
        }
        let t = Instant::now();
        talent.refresh(store).await?;
        let r = talent.search(&q, today);
        let ids: Vec<_> = r.hits.iter().map(|h| h.user_id).collect();
        let shown = store.profiles_by_id(&ids).await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(shown.len(), ids.len());
        found += r.total;
    }
    let (p50, p99, mean, max) = summary(times);
    println!(
        "talent: {} visible profiles in the index (loaded in {:.2} s), {queries} searches, {:.0} results on average",
        talent.len(),
        load_talent.as_secs_f64(),
        found as f64 / queries.max(1) as f64
    );
    println!("| p50 | p99 | mean | max |\n|---|---|---|---|");
    println!("| {p50:.2} ms | {p99:.2} ms | {mean:.2} ms | {max:.2} ms |");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_people_are_valid_and_deterministic() {
        let m = weighted_municipalities();
        let now = OffsetDateTime::now_utc();
        let a = person(1, 5, &m, now);
        assert_eq!(a.1, person(1, 5, &m, now).1);
        for i in 0..200 {
            let (_, p) = person(1, i, &m, now);
            assert!(!p.skills.is_empty() && !p.interests.is_empty());
            assert!(REF
                .municipality(p.municipality.as_deref().unwrap())
                .is_some());
            assert!(!p.pool_58 || p.is_58_plus());
        }
        assert_eq!(summary(vec![3.0, 1.0, 2.0]).0, 2.0);
    }
}
