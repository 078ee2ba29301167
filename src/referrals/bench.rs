//! Benchmarks of warm hand-over (`kolmonen gen-bench-paths`, `kolmonen bench-impact`): a
//! generated ecosystem of people and their paths at national scale, the impact page for the
//! whole country and for one municipality, and making and accepting a referral, timed.

use crate::domain::referrals::*;
use crate::domain::{OpportunityId, OrganizationId, ServiceId};
use crate::gen::Rng;
use crate::refdata::REF;
use crate::store::{BenchPaths, BenchReferral, DynStore, PageRequest, StoreResult};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// Namespace of generated ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b6f_6c6d_6f6e_656e_0000_0000_0000_0f18);

/// What was generated.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    pub people: usize,
    pub referrals: usize,
    pub steps: usize,
}

/// Where referrals go: (service, opportunity, organization, kind).
type Target = (
    Option<ServiceId>,
    Option<OpportunityId>,
    OrganizationId,
    String,
);

async fn targets(store: &DynStore) -> StoreResult<Vec<Target>> {
    let mut out = Vec::new();
    for page in 1..=30 {
        let s = store
            .services(&Default::default(), PageRequest::new(page, 100))
            .await?;
        out.extend(s.items.iter().map(|s| {
            (
                Some(s.id),
                None,
                s.organization_id,
                s.kind.as_str().to_string(),
            )
        }));
        let o = store
            .opportunities(&Default::default(), PageRequest::new(page, 100))
            .await?;
        out.extend(o.items.iter().map(|o| {
            (
                None,
                Some(o.id),
                o.organization_id,
                o.kind.as_str().to_string(),
            )
        }));
        if !s.has_next() && !o.has_next() {
            break;
        }
    }
    Ok(out)
}

/// Generates `people` people (clients of the directory's organizations) and referrals among
/// the directory's services and places until their steps (sent, accepted, started,
/// completed …) number `steps`, over the last two years. Deterministic per seed.
pub async fn generate(
    store: &DynStore,
    people: usize,
    steps: usize,
    seed: u64,
) -> StoreResult<Generated> {
    let targets = targets(store).await?;
    if targets.len() < 2 {
        return Err(crate::store::StoreError::Invalid(
            "the directory needs services or places first (seed demo or gen-bench-data)".into(),
        ));
    }
    let municipalities: Vec<&str> = {
        let mut v: Vec<&str> = REF.postcodes.values().map(String::as_str).collect();
        v.sort_unstable();
        v
    };
    let texts = store.current_consent_texts().await?;
    let version = |p: Purpose| {
        texts
            .iter()
            .find(|t| t.purpose == p)
            .map_or(1, |t| t.version)
    };
    let now = crate::domain::micros(OffsetDateTime::now_utc());
    let mut rng = Rng(seed);
    let mut done = Generated::default();
    let mut batch = BenchPaths::default();
    // Each person's last kind started, for the path steps.
    let mut last_kind: Vec<Option<String>> = vec![None; people];
    let mut clients: Vec<(
        ClientId,
        ConsentId,
        ConsentId,
        OrganizationId,
        Option<String>,
    )> = Vec::with_capacity(people);
    let mut nth = 0usize;
    while done.steps < steps && people > 0 {
        let person = if nth < people { nth } else { rng.below(people) };
        nth += 1;
        if person == clients.len() {
            let home = targets[rng.below(targets.len())].2;
            let id = ClientId(Uuid::new_v5(
                &NAMESPACE,
                format!("{seed}:client:{person}").as_bytes(),
            ));
            let municipality = Some(municipalities[rng.below(municipalities.len())].to_string());
            batch.clients.push(Client {
                id,
                organization_id: Some(home),
                user_id: None,
                display_name: format!("Bench {person}"),
                birth_year: Some(1960 + rng.below(45) as i32),
                municipality: municipality.clone(),
                created_by: None,
                created_at: now - Duration::days(800),
            });
            let consent = |purpose: Purpose, key: &str| Consent {
                id: ConsentId(Uuid::new_v5(
                    &NAMESPACE,
                    format!("{seed}:{key}:{person}").as_bytes(),
                )),
                client_id: id,
                purpose,
                text_version: version(purpose),
                categories: purpose.categories().iter().map(|c| c.to_string()).collect(),
                recipient: None,
                given_at: now - Duration::days(800),
                method: ConsentMethod::InPerson,
                recorded_by: None,
                expires_at: now + Duration::days(365),
                withdrawn_at: None,
                withdrawn_by: None,
            };
            let (referral, statistics) = (
                consent(Purpose::Referral, "referral"),
                consent(Purpose::Statistics, "statistics"),
            );
            clients.push((id, referral.id, statistics.id, home, municipality));
            batch.consents.push(referral);
            batch.consents.push(statistics);
            done.people += 1;
        }
        let (client, consent, statistics, home, municipality) = clients[person].clone();
        let (service_id, opportunity_id, to_org, kind) = targets[rng.below(targets.len())].clone();
        let created =
            now - Duration::days(730) + Duration::minutes(rng.below(730 * 24 * 60) as i64);
        let (path, detail): (&[ReferralState], Option<String>) = match rng.below(100) {
            0..=49 => (
                &[
                    ReferralState::Accepted,
                    ReferralState::Started,
                    ReferralState::Completed,
                ],
                Some(
                    Outcome::ALL[rng.below(Outcome::ALL.len())]
                        .as_str()
                        .to_string(),
                ),
            ),
            50..=64 => (&[ReferralState::Accepted, ReferralState::Started], None),
            65..=79 => (
                &[ReferralState::Declined],
                Some(
                    DeclineReason::ALL[rng.below(DeclineReason::ALL.len())]
                        .as_str()
                        .to_string(),
                ),
            ),
            80..=87 => (&[ReferralState::Cancelled], None),
            88..=91 => (&[ReferralState::Accepted], None),
            _ => (&[], None),
        };
        let id = ReferralId(Uuid::new_v5(
            &NAMESPACE,
            format!("{seed}:referral:{nth}").as_bytes(),
        ));
        let first_answer = Duration::hours(2 + rng.below(24 * 12) as i64);
        let mut at = created;
        batch.events.push(ReferralEvent {
            referral_id: id,
            state: ReferralState::Sent,
            detail: None,
            by_party: Party::Sender,
            by_user: None,
            at,
        });
        let mut answered_at = None;
        for (k, state) in path.iter().enumerate() {
            at += if k == 0 {
                first_answer
            } else {
                Duration::days(1 + rng.below(90) as i64)
            };
            if k == 0 {
                answered_at = Some(at);
            }
            let step_detail = match state {
                ReferralState::Declined | ReferralState::Completed => detail.clone(),
                _ => None,
            };
            batch.events.push(ReferralEvent {
                referral_id: id,
                state: *state,
                detail: step_detail,
                by_party: Party::Receiver,
                by_user: None,
                at,
            });
            match state {
                ReferralState::Started => {
                    let from = last_kind[person]
                        .replace(kind.clone())
                        .map_or_else(|| "start".to_string(), |k| format!("kind:{k}"));
                    batch.steps.push((id, from, format!("kind:{kind}"), at));
                }
                ReferralState::Completed => batch.steps.push((
                    id,
                    format!("kind:{kind}"),
                    format!("outcome:{}", detail.clone().unwrap_or_default()),
                    at,
                )),
                _ => {}
            }
        }
        let state = path.last().copied().unwrap_or(ReferralState::Sent);
        done.steps += 1 + path.len();
        done.referrals += 1;
        batch.referrals.push(BenchReferral {
            referral: Referral {
                id,
                client_id: client,
                from_org: (home != to_org).then_some(home),
                to_org,
                service_id,
                opportunity_id,
                state,
                decline_reason: detail
                    .as_deref()
                    .filter(|_| state == ReferralState::Declined)
                    .and_then(DeclineReason::parse),
                outcome: detail
                    .as_deref()
                    .filter(|_| state == ReferralState::Completed)
                    .and_then(Outcome::parse),
                created_by: None,
                created_at: created,
                updated_at: at,
                answered_at,
                consent_id: consent,
                has_health: false,
            },
            quarter: super::impact::quarter(created),
            kind,
            municipality,
            statistics: (statistics, now + Duration::days(365)),
            answer_days: answered_at.map(|a| (a - created).whole_days()),
        });
        if batch.events.len() >= 50_000 {
            store
                .insert_bench_paths(&std::mem::take(&mut batch))
                .await?;
        }
    }
    store.insert_bench_paths(&batch).await?;
    Ok(done)
}

/// p50, p99 and mean of timings in milliseconds.
pub fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64) {
    if ms.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99), ms.iter().sum::<f64>() / ms.len() as f64)
}
