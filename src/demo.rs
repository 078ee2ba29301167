//! The demo network (`data/demo/*.json`): organizations with their locations, services,
//! contacts and opportunities, turned into records. Ids are derived from each record's key,
//! so seeding again updates rather than duplicates; dates are relative to today, so the demo
//! stays fresh.

use crate::domain::*;
use crate::refdata::REF;
use crate::store::DirectoryBatch;
use serde::Deserialize;
use std::collections::HashMap;
use time::Duration;
use uuid::Uuid;

const DEMO_FILES: &[(&str, &str)] = &[("lahti.json", include_str!("../data/demo/lahti.json"))];

/// Namespace of the demo records' UUIDv5 ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6b6f_6c6d_6f6e_656e_0000_0000_0000_0001);

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{file}: {source}")]
    Json {
        file: &'static str,
        source: serde_json::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOrganization {
    key: String,
    name: String,
    legal_form: LegalForm,
    #[serde(default)]
    business_id: Option<BusinessId>,
    description: LocalizedText,
    #[serde(default)]
    website: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phones: Vec<Phone>,
    #[serde(default)]
    areas_served: Vec<String>,
    #[serde(default)]
    networks: Vec<String>,
    #[serde(default)]
    verified: bool,
    #[serde(default)]
    verified_days_ago: i64,
    #[serde(default)]
    locations: Vec<DemoLocation>,
    #[serde(default)]
    contacts: Vec<DemoContact>,
    #[serde(default)]
    services: Vec<DemoService>,
    #[serde(default)]
    opportunities: Vec<DemoOpportunity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoLocation {
    key: String,
    name: LocalizedText,
    street: String,
    postal_code: PostalCode,
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    accessibility: Option<LocalizedText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoContact {
    title: LocalizedText,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    phone: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoService {
    key: String,
    name: LocalizedText,
    description: LocalizedText,
    kind: ServiceKind,
    #[serde(default)]
    target_groups: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    free: bool,
    #[serde(default)]
    cost: Option<LocalizedText>,
    #[serde(default)]
    eligibility: Option<LocalizedText>,
    #[serde(default)]
    min_age: Option<i32>,
    #[serde(default)]
    max_age: Option<i32>,
    #[serde(default)]
    low_threshold: bool,
    #[serde(default)]
    schedule: Option<LocalizedText>,
    #[serde(default)]
    how_to_get_there: Option<LocalizedText>,
    #[serde(default)]
    funding: Vec<String>,
    #[serde(default)]
    locations: Vec<String>,
    #[serde(default)]
    verified_days_ago: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOpportunity {
    key: String,
    #[serde(default)]
    service: Option<String>,
    #[serde(default)]
    location: Option<String>,
    kind: OpportunityType,
    title: LocalizedText,
    description: LocalizedText,
    #[serde(default)]
    requirements: Option<LocalizedText>,
    how_to_apply: LocalizedText,
    places_total: i32,
    places_free: i32,
    #[serde(default)]
    hours_per_week: Option<i32>,
    #[serde(default)]
    part_time: bool,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    target_groups: Vec<String>,
    #[serde(default)]
    starts_in_days: Option<i64>,
    #[serde(default)]
    apply_within_days: Option<i64>,
    #[serde(default = "open")]
    status: OpportunityStatus,
    #[serde(default)]
    verified_days_ago: Option<i64>,
    /// Days since the opportunity was published; orders "newest".
    #[serde(default)]
    published_days_ago: i64,
}

fn open() -> OpportunityStatus {
    OpportunityStatus::Open
}

fn id(kind: &str, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{key}").as_bytes())
}

/// The id of a demo organization by its key in `data/demo/*.json`.
pub fn organization_id(key: &str) -> OrganizationId {
    OrganizationId(id("organization", key))
}

/// The demo data as one batch of records.
pub fn demo_batch() -> Result<DirectoryBatch, DemoError> {
    let now = now_micros();
    let today = now.date();
    let mut b = DirectoryBatch::default();
    let check_terms = |what: &str, ids: &[String], tax: &str| -> Result<(), DemoError> {
        for t in ids {
            let known = match tax {
                "topic" => REF.taxonomies.topic(t).is_some(),
                _ => REF.taxonomies.target_group(t).is_some(),
            };
            if !known {
                return Err(DemoError::Invalid(format!("{what}: unknown {tax} {t}")));
            }
        }
        Ok(())
    };
    for (file, text) in DEMO_FILES {
        let orgs: Vec<DemoOrganization> =
            serde_json::from_str(text).map_err(|source| DemoError::Json { file, source })?;
        for o in orgs {
            let org_id = OrganizationId(id("organization", &o.key));
            let verified_at = now - Duration::days(o.verified_days_ago);
            let mut locations: HashMap<String, LocationId> = HashMap::new();
            for l in o.locations {
                let m = REF
                    .municipality_of_postcode(l.postal_code.as_str())
                    .ok_or_else(|| {
                        DemoError::Invalid(format!(
                            "{}: unknown postal code {}",
                            l.key,
                            l.postal_code.as_str()
                        ))
                    })?;
                let lid = LocationId(id("location", &l.key));
                locations.insert(l.key.clone(), lid);
                b.locations.push(Location {
                    id: lid,
                    organization_id: Some(org_id),
                    name: l.name,
                    street: l.street,
                    municipality_code: Some(m.code.clone()),
                    postal_code: l.postal_code.into(),
                    country: "FI".into(),
                    city: None,
                    latitude: l.latitude.or(Some(m.latitude)),
                    longitude: l.longitude.or(Some(m.longitude)),
                    accessibility: l.accessibility,
                });
            }
            let loc = |key: &str| {
                locations
                    .get(key)
                    .copied()
                    .ok_or_else(|| DemoError::Invalid(format!("{}: unknown location {key}", o.key)))
            };
            let mut services: HashMap<String, ServiceId> = HashMap::new();
            for s in o.services {
                check_terms(&s.key, &s.target_groups, "target_group")?;
                check_terms(&s.key, &s.topics, "topic")?;
                let sid = ServiceId(id("service", &s.key));
                services.insert(s.key.clone(), sid);
                b.services.push(Service {
                    id: sid,
                    organization_id: org_id,
                    name: s.name,
                    description: s.description,
                    kind: s.kind,
                    target_groups: s.target_groups,
                    topics: s.topics,
                    languages: s.languages,
                    free: s.free,
                    cost: s.cost,
                    eligibility: s.eligibility,
                    min_age: s.min_age,
                    max_age: s.max_age,
                    low_threshold: s.low_threshold,
                    schedule: s.schedule,
                    how_to_get_there: s.how_to_get_there,
                    funding: s.funding,
                    location_ids: s
                        .locations
                        .iter()
                        .map(|k| loc(k))
                        .collect::<Result<_, _>>()?,
                    last_verified_at: s
                        .verified_days_ago
                        .map(|d| now - Duration::days(d))
                        .unwrap_or(verified_at),
                    updated_at: verified_at,
                });
            }
            for (i, c) in o.contacts.into_iter().enumerate() {
                b.contacts.push(Contact {
                    id: ContactId(id("contact", &format!("{}:{i}", o.key))),
                    organization_id: org_id,
                    service_id: None,
                    title: c.title,
                    name: None,
                    email: c.email,
                    phone: c.phone,
                });
            }
            for p in o.opportunities {
                check_terms(&p.key, &p.target_groups, "target_group")?;
                check_terms(&p.key, &p.topics, "topic")?;
                let service_id = match &p.service {
                    Some(k) => Some(*services.get(k).ok_or_else(|| {
                        DemoError::Invalid(format!("{}: unknown service {k}", p.key))
                    })?),
                    None => None,
                };
                b.opportunities.push(Opportunity {
                    id: OpportunityId(id("opportunity", &p.key)),
                    organization_id: org_id,
                    service_id,
                    location_id: p.location.as_deref().map(loc).transpose()?,
                    kind: p.kind,
                    title: p.title,
                    description: p.description,
                    requirements: p.requirements,
                    how_to_apply: p.how_to_apply,
                    places_total: p.places_total,
                    places_free: p.places_free,
                    hours_per_week: p.hours_per_week,
                    part_time: p.part_time,
                    topics: p.topics,
                    target_groups: p.target_groups,
                    starts_on: p.starts_in_days.map(|d| today + Duration::days(d)),
                    apply_by: p.apply_within_days.map(|d| today + Duration::days(d)),
                    status: p.status,
                    last_verified_at: p
                        .verified_days_ago
                        .map(|d| now - Duration::days(d))
                        .unwrap_or(verified_at),
                    updated_at: now - Duration::days(p.published_days_ago),
                });
            }
            b.organizations.push(Organization {
                id: org_id,
                name: o.name,
                legal_form: o.legal_form,
                business_id: o.business_id,
                description: o.description,
                website: o.website,
                email: o.email,
                phones: o.phones,
                areas_served: o.areas_served,
                networks: o.networks,
                verified: o.verified,
                last_verified_at: verified_at,
                updated_at: verified_at,
            });
        }
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_articles_are_complete_and_valid() {
        let all = demo_articles(time::OffsetDateTime::now_utc()).unwrap();
        assert_eq!(all.len(), 12);
        for (a, v) in &all {
            assert!(!a.title.is_empty() && a.body.len() > 1000, "{}", a.title);
            assert!(
                !a.topics.is_empty() && !a.target_groups.is_empty(),
                "{}",
                a.title
            );
            assert_eq!(a.licence, "CC-BY-4.0");
            assert_eq!((a.version, v.version), (1, 1));
            // No raw HTML: the files are Markdown only.
            assert!(!a.body.contains('<'), "{}", a.title);
        }
        let kinds: std::collections::HashSet<_> = all.iter().map(|(a, _)| a.kind).collect();
        assert_eq!(
            kinds.len(),
            4,
            "good practices, guides, a template and a report"
        );
    }

    #[test]
    fn a_report_is_a_pdf_whose_cross_references_point_at_its_objects() {
        let lines = vec!["Tulokset: 38 työllistyi (palkkatyö) – hyvin".to_string()];
        let pdf = report_pdf("Väliraportti", &lines);
        assert_eq!(
            crate::domain::files::sniff(&pdf),
            Some(crate::domain::files::FileKind::Pdf)
        );
        let text = String::from_utf8_lossy(&pdf);
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(pdf[start..].starts_with(b"xref\n0 6\n"));
        let table = String::from_utf8_lossy(&pdf[start..]);
        for (i, entry) in table.lines().skip(3).take(5).enumerate() {
            let at: usize = entry[..10].parse().unwrap();
            assert!(pdf[at..].starts_with(format!("{} 0 obj", i + 1).as_bytes()));
        }
        // Finnish letters in WinAnsi, parentheses escaped.
        assert!(pdf.windows(2).any(|w| w == [b'V', 0xE4]));
        assert!(text.contains("\\(palkkatyö\\)") || pdf.windows(2).any(|w| w == b"\\("));
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
    }

    #[test]
    fn demo_data_is_complete_and_valid() {
        let b = demo_batch().expect("demo data loads");
        assert!(
            b.organizations.len() >= 25,
            "{} organizations",
            b.organizations.len()
        );
        assert!(
            b.opportunities.len() >= 40,
            "{} opportunities",
            b.opportunities.len()
        );
        for o in &b.organizations {
            o.validate().expect("organization valid");
        }
        for s in &b.services {
            s.validate().expect("service valid");
        }
        for o in &b.opportunities {
            o.validate().expect("opportunity valid");
        }
        let translated = b
            .services
            .iter()
            .filter(|s| s.name.sv.is_some() && s.name.en.is_some())
            .count();
        assert!(
            translated * 2 > b.services.len(),
            "most services are translated"
        );
    }

    #[test]
    fn demo_names_no_person() {
        // Demo contacts are roles, never people.
        let b = demo_batch().expect("demo data loads");
        assert!(b.contacts.iter().all(|c| c.name.is_none()));
    }
}

/// A demo job seeker (`data/demo/people.json`): invented, marked as demo, and unable to sign
/// in (the password hash is no hash at all).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPerson {
    key: String,
    display_name: String,
    introduction: String,
    skills: Vec<String>,
    #[serde(default)]
    free_skills: Vec<String>,
    interests: Vec<String>,
    kinds: Vec<OpportunityType>,
    municipality: String,
    travel_km: Option<i32>,
    hours_per_week: Option<i32>,
    part_time: bool,
    available_in_days: i64,
    age_band: Option<String>,
    pool_58: bool,
    expert_by_experience: bool,
    visibility: crate::people::Visibility,
    languages: Vec<String>,
}

/// The demo job seekers with their accounts.
pub fn demo_people() -> Result<Vec<(crate::accounts::User, crate::people::Profile)>, DemoError> {
    let file = "people.json";
    let people: Vec<DemoPerson> = serde_json::from_str(include_str!("../data/demo/people.json"))
        .map_err(|source| DemoError::Json { file, source })?;
    let now = now_micros();
    let today = now.date();
    people
        .into_iter()
        .map(|d| {
            let id = UserId(Uuid::new_v5(&NAMESPACE, d.key.as_bytes()));
            let email = crate::accounts::Email::parse(&format!("{}@demo.kolmonen.invalid", d.key))
                .map_err(|e| DemoError::Invalid(format!("{}: {e}", d.key)))?;
            if REF.municipality(&d.municipality).is_none()
                || d.skills.iter().any(|s| REF.skill(s).is_none())
                || d.interests
                    .iter()
                    .any(|t| REF.taxonomies.topic(t).is_none())
            {
                return Err(DemoError::Invalid(format!("{}: unknown code", d.key)));
            }
            let user = crate::accounts::User {
                id,
                email,
                password_hash: "!demo".into(),
                role: crate::accounts::Role::JobSeeker,
                organization_id: None,
                email_verified_at: Some(now),
                disabled_at: None,
                created_at: now,
            };
            let profile = crate::people::Profile {
                user_id: id,
                display_name: d.display_name,
                introduction: d.introduction,
                skills: d.skills,
                free_skills: d.free_skills,
                interests: d.interests,
                languages: d.languages,
                kinds: d.kinds,
                municipality: Some(d.municipality),
                travel_km: d.travel_km,
                hours_per_week: d.hours_per_week,
                part_time: d.part_time,
                available_from: (d.available_in_days > 0)
                    .then(|| today + Duration::days(d.available_in_days)),
                age_band: d.age_band,
                pool_58: d.pool_58,
                expert_by_experience: d.expert_by_experience,
                visibility: d.visibility,
                demo: true,
                created_at: now,
                updated_at: now,
            };
            Ok((user, profile))
        })
        .collect()
}

/// The demo's network: the organizations of Päijät-Häme working on employment, as the seed
/// notes describe them (network meetings twice a year, a shared list). One organization's
/// request waits for a coordinator, so the coordinator's view has something to answer.
pub fn demo_network() -> (
    crate::domain::networks::Network,
    Vec<crate::domain::networks::Membership>,
) {
    use crate::domain::networks::{MemberState, Membership, Network};
    let now = now_micros();
    let network = Network {
        id: crate::domain::NetworkId(id("network", "paijat-hame")),
        name: "Päijät-Hämeen järjestöjen työllisyysverkosto".into(),
        description: "Lahden seudun ja Päijät-Hämeen järjestöt, säätiöt, seurakunnat ja \
            yhteiskunnalliset yritykset, jotka tekevät työtä työttömien, nuorten, osatyökykyisten \
            ja maahan muuttaneiden kanssa. Tiedämme, kuka tekee mitä, ohjaamme ihmisiä toistemme \
            palveluihin ja kokoonnumme verkostotapaamiseen kaksi kertaa vuodessa.\n\n\
            Verkosto on avoin kaikille alueen toimijoille: pyydä liittymistä verkoston sivulla."
            .into(),
        municipalities: [
            "398", "098", "111", "560", "781", "081", "576", "016", "316", "142",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect(),
        created_at: now - Duration::days(400),
        updated_at: now - Duration::days(30),
    };
    let members = [
        "harjula",
        "kankurin-ilo",
        "manna",
        "nastolan-tyottomat",
        "pelastusarmeija-lahti",
        "spr-kontti-laune",
        "4h-lahti",
        "avainsaatio",
        "open-mind-inspis",
        "ehns",
        "verso",
        "takatasku",
        "koti-ja-kuusi",
        "kaupunkikyla",
        "jyrankola",
        "hollola",
        "lahden-kaupunki",
        "dila",
        "linkku",
        "naytonpaikka",
        "lahden-seurakuntayhtyma",
    ];
    let mut memberships: Vec<Membership> = members
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let at = now - Duration::days(390 - 7 * i as i64);
            Membership {
                network_id: network.id,
                organization_id: OrganizationId(id("organization", key)),
                state: MemberState::Member,
                requested_by: None,
                requested_at: at,
                decided_by: None,
                decided_at: Some(at + Duration::days(2)),
            }
        })
        .collect();
    memberships.push(Membership {
        network_id: network.id,
        organization_id: OrganizationId(id("organization", "ice-hearts")),
        state: MemberState::Requested,
        requested_by: None,
        requested_at: now - Duration::days(3),
        decided_by: None,
        decided_at: None,
    });
    (network, memberships)
}

/// Saves the demo network with its members (again: nothing changes).
pub async fn seed_network(store: &crate::store::DynStore) -> crate::store::StoreResult<()> {
    let (network, members) = demo_network();
    store.save_network(&network, &[], &[]).await?;
    for m in &members {
        store.request_membership(m, &[]).await?;
    }
    Ok(())
}

#[cfg(test)]
mod people_tests {
    #[test]
    fn the_demo_network_names_demo_organizations_only() {
        let batch = super::demo_batch().unwrap();
        let (_, members) = super::demo_network();
        assert!(members.len() > 20);
        for m in members {
            assert!(
                batch
                    .organizations
                    .iter()
                    .any(|o| o.id == m.organization_id),
                "{:?}",
                m.organization_id
            );
        }
    }

    #[test]
    fn thirty_demo_people_of_different_kinds() {
        let people = super::demo_people().unwrap();
        assert_eq!(people.len(), 30);
        assert!(people.iter().all(|(_, p)| p.demo));
        assert!(people.iter().filter(|(_, p)| p.pool_58).count() >= 5);
        assert!(people.iter().any(|(_, p)| p.expert_by_experience));
        assert!(people
            .iter()
            .any(|(_, p)| p.visibility == crate::people::Visibility::Private));
    }
}

/// Invented clients and 200 referrals among the demo organizations over the last two years,
/// with plausible answers, outcomes and follow-ups, so `/fi/impact` shows a real picture on
/// first start. Every client is marked as a demo ("Demo-asiakas …"); nobody real. The
/// summaries are sealed with the data key like any other. Deterministic per start time.
pub async fn seed_referrals(
    store: &crate::store::DynStore,
    keys: &crate::vault::DataKeys,
    now: time::OffsetDateTime,
) -> crate::store::StoreResult<usize> {
    use crate::domain::referrals::*;
    use crate::store::{NewReferral, ReferralMove};
    let services = store
        .services(&Default::default(), crate::store::PageRequest::new(1, 100))
        .await?
        .items;
    let opportunities = store
        .opportunities(&Default::default(), crate::store::PageRequest::new(1, 100))
        .await?
        .items;
    let targets: Vec<(
        Option<ServiceId>,
        Option<OpportunityId>,
        OrganizationId,
        String,
    )> = services
        .iter()
        .map(|s| {
            (
                Some(s.id),
                None,
                s.organization_id,
                s.kind.as_str().to_string(),
            )
        })
        .chain(opportunities.iter().map(|o| {
            (
                None,
                Some(o.id),
                o.organization_id,
                o.kind.as_str().to_string(),
            )
        }))
        .collect();
    let orgs: Vec<OrganizationId> = {
        let mut o: Vec<_> = targets.iter().map(|t| t.2).collect();
        o.sort();
        o.dedup();
        o
    };
    if targets.is_empty() || orgs.len() < 2 {
        return Ok(0);
    }
    // A small deterministic generator (xorshift), so the demo is the same on every start.
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n.max(1)
    };
    let municipalities = [
        "398", "398", "398", "016", "081", "098", "111", "316", "560", "576", "781",
    ];
    let texts = store.current_consent_texts().await?;
    let version = |p: Purpose| {
        texts
            .iter()
            .find(|t| t.purpose == p)
            .map_or(1, |t| t.version)
    };
    let wants = [
        "Haluaa kokeilla keittiötöitä osa-aikaisesti.",
        "Haluaa päästä takaisin työelämään pienin askelin.",
        "Kiinnostaa kierrätys ja korjaaminen.",
        "Haluaa vahvistaa suomen kieltä työn lomassa.",
        "Toivoo ulkotöitä, esimerkiksi viheralueilla.",
    ];
    let mut made = 0usize;
    let mut client_no = 0;
    while made < 200 {
        client_no += 1;
        let home = orgs[next(orgs.len() as u64) as usize];
        let client = Client {
            id: ClientId(Uuid::new_v5(
                &NAMESPACE,
                format!("demo-client-{client_no}").as_bytes(),
            )),
            organization_id: Some(home),
            user_id: None,
            display_name: format!("Demo-asiakas {client_no}"),
            birth_year: Some(1960 + next(45) as i32),
            municipality: Some(
                municipalities[next(municipalities.len() as u64) as usize].to_string(),
            ),
            created_by: None,
            created_at: now - Duration::days(740),
        };
        store.create_client(&client, None, &[]).await?;
        let steps = 1 + next(3) as i64;
        let mut day = 30 + next(500) as i64;
        for _ in 0..steps {
            if made >= 200 || day > 730 {
                break;
            }
            let (service_id, opportunity_id, to_org, kind) =
                targets[next(targets.len() as u64) as usize].clone();
            let from_org = if to_org == home { None } else { Some(home) };
            let created = now - Duration::days(730)
                + Duration::days(day)
                + Duration::hours(9 + next(8) as i64);
            let purposes: Vec<Purpose> = [
                (Purpose::Referral, true),
                (Purpose::ShareSummary, true),
                (Purpose::Statistics, next(10) < 9),
                (Purpose::FollowUp, next(10) < 6),
            ]
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(p, _)| p)
            .collect();
            let consents: Vec<Consent> = purposes
                .iter()
                .map(|p| Consent {
                    id: ConsentId::new(),
                    client_id: client.id,
                    purpose: *p,
                    text_version: version(*p),
                    categories: p.categories().iter().map(|c| c.to_string()).collect(),
                    recipient: Some(to_org),
                    given_at: created,
                    method: ConsentMethod::InPerson,
                    recorded_by: None,
                    // Statistics outlive the referral's own consent: a longer one.
                    expires_at: now + Duration::days(365),
                    withdrawn_at: None,
                    withdrawn_by: None,
                })
                .collect();
            let id = ReferralId::new();
            let r = Referral {
                id,
                client_id: client.id,
                from_org,
                to_org,
                service_id,
                opportunity_id,
                state: ReferralState::Sent,
                decline_reason: None,
                outcome: None,
                created_by: None,
                created_at: crate::domain::micros(created),
                updated_at: crate::domain::micros(created),
                answered_at: None,
                consent_id: consents[0].id,
                has_health: false,
            };
            let summary = serde_json::json!({
                "wants": wants[next(wants.len() as u64) as usize],
                "tried": "",
                "helps": "Selkeät ohjeet ja tuttu ohjaaja.",
            })
            .to_string();
            let sealed = keys.seal(&summary, &format!("referral:{id}:summary"));
            let party = if from_org.is_some() {
                Party::Sender
            } else {
                Party::Person
            };
            let event = |state, detail: Option<&str>, by, at| ReferralEvent {
                referral_id: id,
                state,
                detail: detail.map(str::to_string),
                by_party: by,
                by_user: None,
                at: crate::domain::micros(at),
            };
            let statistics = consents
                .iter()
                .find(|c| c.purpose == Purpose::Statistics)
                .map(|c| (c.id, c.expires_at));
            store
                .create_referral(NewReferral {
                    referral: &r,
                    consents: &consents,
                    kind: &kind,
                    quarter: &crate::referrals::impact::quarter(created),
                    municipality: client.municipality.as_deref(),
                    statistics,
                    summary_consent: consents[1].id,
                    health_consent: None,
                    summary_sealed: &sealed,
                    health_sealed: None,
                    event: &event(ReferralState::Sent, None, party, created),
                    notify: &[],
                    audit: &[],
                })
                .await?;
            made += 1;
            // What came of it: recent ones may still wait.
            let age = 730 - day;
            let roll = next(100);
            let mut at = created + Duration::days(1 + next(9) as i64);
            let mut state = ReferralState::Sent;
            let mut moves: Vec<(ReferralState, Option<&str>, Party)> = Vec::new();
            if age < 14 && roll < 50 {
                // Still waiting.
            } else if roll < 12 {
                let reason = DeclineReason::ALL[next(DeclineReason::ALL.len() as u64) as usize];
                moves.push((
                    ReferralState::Declined,
                    Some(reason.as_str()),
                    Party::Receiver,
                ));
            } else if roll < 18 {
                moves.push((ReferralState::Cancelled, None, party));
            } else {
                moves.push((ReferralState::Accepted, None, Party::Receiver));
                moves.push((ReferralState::Started, None, Party::Receiver));
                if age > 120 || roll > 70 {
                    let outcome = match next(100) {
                        0..=14 => Outcome::WorkOpenMarket,
                        15..=34 => Outcome::WorkSubsidised,
                        35..=49 => Outcome::Education,
                        50..=79 => Outcome::OtherService,
                        80..=89 => Outcome::Paused,
                        90..=92 => Outcome::MovedAway,
                        _ => Outcome::Unknown,
                    };
                    moves.push((
                        ReferralState::Completed,
                        Some(outcome.as_str()),
                        Party::Receiver,
                    ));
                }
            }
            for (to, detail, by) in moves {
                if at > now {
                    break;
                }
                let follow_ups: Vec<(i32, time::OffsetDateTime)> = if to == ReferralState::Completed
                {
                    FOLLOW_UP_MONTHS
                        .iter()
                        .map(|m| (*m, at + Duration::days(i64::from(*m) * 365 / 12)))
                        .collect()
                } else {
                    Vec::new()
                };
                store
                    .move_referral(ReferralMove {
                        id,
                        from: state,
                        event: &event(to, detail, by, at),
                        decline_reason: detail
                            .filter(|_| to == ReferralState::Declined)
                            .and_then(DeclineReason::parse),
                        outcome: detail
                            .filter(|_| to == ReferralState::Completed)
                            .and_then(Outcome::parse),
                        follow_ups: &follow_ups,
                        notify: &[],
                        audit: &[],
                    })
                    .await?;
                // Follow-ups already due are answered (as the organization would).
                for (months, due) in &follow_ups {
                    if *due < now && next(10) < 7 {
                        let o = match next(10) {
                            0..=2 => Outcome::WorkOpenMarket,
                            3..=4 => Outcome::WorkSubsidised,
                            5 => Outcome::Education,
                            6..=7 => Outcome::OtherService,
                            _ => Outcome::Unknown,
                        };
                        store
                            .answer_follow_up(
                                id,
                                *months,
                                o,
                                Party::Receiver,
                                *due + Duration::days(3),
                                &[],
                            )
                            .await?;
                    } else if *due < now {
                        // Asked back then (no flood of questions at the first start).
                        store.mark_follow_up_asked(id, *months, *due, &[]).await?;
                    }
                }
                state = to;
                at += Duration::days(if to == ReferralState::Started {
                    60 + next(120) as i64
                } else {
                    2 + next(12) as i64
                });
            }
            day += 40 + next(150) as i64;
        }
    }
    Ok(made)
}

/// The demo's events: the 2014 "Mahdollisuudet käyttöön!" workshop series Harjula ran for the
/// region's organizations (past events, kept as a record, as the seed notes tell them), two
/// network meetings in the coming year, a weekly drop-in, a monthly coordinators' morning and
/// a recruitment fair. Times are Finnish wall-clock times.
pub fn demo_events(now: time::OffsetDateTime) -> Vec<crate::domain::events::Event> {
    use crate::domain::events::{Event, EventKind, Frequency, Recurrence};
    use crate::domain::{helsinki, EventId, NetworkId};
    use time::{Date, Month, Time, Weekday};
    let network = NetworkId(id("network", "paijat-hame"));
    let org = |k: &str| OrganizationId(id("organization", k));
    let harjula_talo = Some(LocationId(id("location", "harjula-talo")));
    let hm = |h: u8, m: u8| Time::from_hms(h, m, 0).unwrap_or(Time::MIDNIGHT);
    let day = |y: i32, m: Month, d: u8| Date::from_calendar_date(y, m, d).unwrap_or(now.date());
    // The first `weekday` on or after `days` from today.
    let ahead = |days: i64, weekday: Weekday| {
        let mut d = helsinki::local(now).date() + Duration::days(days);
        while d.weekday() != weekday {
            d = d.next_day().unwrap_or(d);
        }
        d
    };
    let base = |key: &str,
                kind: EventKind,
                title: &str,
                description: &str,
                date: Date,
                from: Time,
                to: Time| Event {
        id: EventId(id("event", key)),
        kind,
        title: title.into(),
        description: description.into(),
        organizers: vec![org("harjula")],
        network_id: Some(network),
        location_id: harjula_talo,
        place: String::new(),
        municipality_code: Some("398".into()),
        online_url: None,
        starts_at: helsinki::at(date, from),
        ends_at: helsinki::at(date, to),
        recurrence: None,
        audience: vec![],
        languages: vec!["fi".into()],
        cost: String::new(),
        accessibility: String::new(),
        capacity: None,
        signup: false,
        cancelled: false,
        sequence: 0,
        created_by: None,
        created_at: now - Duration::days(30),
        updated_at: now - Duration::days(30),
    };
    let series = "Harjulan Setlementin Mahdollisuudet käyttöön! -hanke järjestää Lahden ja \
        ympäristökuntien kolmannen sektorin toimijoille kuuden työpajan sarjan. Tervetulleita \
        ovat myös viranomaiset ja yritykset, jotka työskentelevät pitkäaikaistyöttömien, nuorten \
        ja syrjäytymisvaarassa olevien kanssa.";
    let workshop = |key: &str, title: &str, theme: &str, date: Date, from: Time, to: Time| {
        let mut e = base(
            key,
            EventKind::Workshop,
            title,
            &format!("{series}\n\n{theme}"),
            date,
            from,
            to,
        );
        e.audience = vec!["long-term-unemployed".into(), "young-people".into()];
        e.created_at = helsinki::at(date, from) - Duration::days(30);
        e.updated_at = e.created_at;
        e
    };
    let mut events = vec![
        workshop(
            "workshop-2014-1",
            "Mahdollisuudet käyttöön! Työpaja I: verkostoituminen",
            "Aamupäivän teema on verkostoituminen ja toisiin tutustuminen: tavoitteena löytää \
             yhteisiä, organisaatioiden välisiä kehittämiskohteita ja ideoita. Iltapäivällä \
             asiantuntijapuheenvuoroja työttömyyden kehityksestä Lahdessa.",
            day(2014, Month::June, 16),
            hm(9, 0),
            hm(15, 30),
        ),
        workshop(
            "workshop-2014-2",
            "Mahdollisuudet käyttöön! Työpaja II: yhteistyö",
            "Miten käsitämme yhteistyön ja millaiseen yhteistyöhön olemme valmiita? Hyvän \
             yhteistyön perustana on keskinäinen arvostus ja luottamus. Iltapäivällä \
             puheenvuorot TE-palveluista, sosiaalitoimesta ja yhteistyökokemuksista \
             Hämeenlinnan seudulla.",
            day(2014, Month::August, 18),
            hm(9, 0),
            hm(15, 30),
        ),
        workshop(
            "workshop-2014-3",
            "Mahdollisuudet käyttöön! Työpaja III: valitse ja vaikuta",
            "Tavoitteena konkreettinen yhteistyö: kootaan osallistujien huolet, tarpeet ja \
             toiveet ja ryhmitellään ne sen mukaan, mihin voin vaikuttaa itse, mihin voimme \
             vaikuttaa yhdessä ja mihin emme voi vaikuttaa.",
            day(2014, Month::September, 18),
            hm(9, 0),
            hm(15, 30),
        ),
        workshop(
            "workshop-2014-4",
            "Mahdollisuudet käyttöön! Työpaja IV: 3. Mahdollisuus",
            "Viedään eteenpäin 3. Mahdollisuus -ajatusta: kolmannen sektorin toimijoiden \
             yhdessä omistama brändi, joka kokoaa 3. kahvilan, 3. linjan bussin ja 3. portaalin. \
             Kolmonen on ykkönen!",
            day(2014, Month::October, 10),
            hm(9, 0),
            hm(12, 0),
        ),
        workshop(
            "workshop-2014-5",
            "Mahdollisuudet käyttöön! Työpaja V: asiakkuudet",
            "Kuka asiakas on, mistä hän tulee ja minne hän jatkaa? Asiakkaan polku järjestöstä \
             toiseen ilman, että hänen tarvitsee kertoa tarinaansa joka ovella uudelleen.",
            day(2014, Month::October, 10),
            hm(12, 30),
            hm(15, 30),
        ),
        workshop(
            "workshop-2014-6",
            "Mahdollisuudet käyttöön! Työpaja VI: 3. mahdollisuus käytäntöön",
            "Sarjan viimeinen työpaja: mitä 3. kahvila, 3. linja ja 3. portaali vaativat \
             toimijoilta, ja kuka vie mitäkin eteenpäin.",
            day(2014, Month::October, 29),
            hm(9, 0),
            hm(15, 30),
        ),
        {
            let mut e = workshop(
                "workshop-2014-small-group",
                "3. Mahdollisuus: pienryhmän tapaaminen",
                "Työpajoista koottu pienryhmä valmistelee 3. Mahdollisuuden seuraavia askelia.",
                day(2014, Month::November, 25),
                hm(8, 0),
                hm(12, 0),
            );
            e.kind = EventKind::NetworkMeeting;
            e.place = "Lyhtykammari".into();
            e
        },
    ];
    let meeting_text = "Verkoston yhteinen tapaaminen: kuulumiset toimijoilta, avoimet \
        työkokeilu- ja palkkatukipaikat, yhteiset hankinnat ja tulevat hankkeet. Tapaamisen \
        lopuksi sovitaan seuraavan puolivuotiskauden yhteiset tapahtumat.\n\nIlmoittaudu \
        mukaan, jotta osaamme varata kahvit. Kerro ilmoittautuessasi, jos tarvitset tulkkausta \
        tai erityisruokavalion.";
    for (key, title, date) in [
        (
            "network-meeting-spring",
            "Päijät-Hämeen järjestöjen työllisyysverkoston kevättapaaminen",
            ahead(100, Weekday::Tuesday),
        ),
        (
            "network-meeting-autumn",
            "Päijät-Hämeen järjestöjen työllisyysverkoston syystapaaminen",
            ahead(280, Weekday::Tuesday),
        ),
    ] {
        let mut e = base(
            key,
            EventKind::NetworkMeeting,
            title,
            meeting_text,
            date,
            hm(13, 0),
            hm(16, 0),
        );
        e.organizers = vec![org("harjula"), org("lahden-kaupunki")];
        e.capacity = Some(60);
        e.signup = true;
        e.accessibility = "Esteetön sisäänkäynti pihan puolelta, inva-wc.".into();
        events.push(e);
    }
    let mut drop_in = base(
        "jobseekers-drop-in",
        EventKind::OpenDay,
        "Työnhaun avoimet ovet",
        "Tule kysymään työkokeilusta, palkkatuesta ja kuntouttavasta työtoiminnasta. Autamme \
         CV:n ja hakemusten kanssa ja kerromme, mitä verkoston järjestöillä on nyt tarjolla. \
         Ei ajanvarausta, ei ilmoittautumista.",
        ahead(3, Weekday::Wednesday),
        hm(10, 0),
        hm(12, 0),
    );
    drop_in.audience = vec!["long-term-unemployed".into(), "immigrants".into()];
    drop_in.languages = vec!["fi".into(), "en".into()];
    drop_in.recurrence = Some(Recurrence {
        frequency: Frequency::Weekly,
        interval: 1,
        until: None,
        count: Some(20),
        exceptions: vec![ahead(3, Weekday::Wednesday) + Duration::weeks(3)],
    });
    events.push(drop_in);
    let mut morning = base(
        "coordinators-morning",
        EventKind::NetworkMeeting,
        "Työvalmentajien aamukahvit",
        "Kuukausittainen aamukahvi verkoston työvalmentajille ja ohjaajille: vaihdetaan tietoa \
         avoimista paikoista ja sovitaan lämpimistä siirroista. Etäosallistuminen mahdollista.",
        ahead(7, Weekday::Thursday),
        hm(8, 30),
        hm(9, 30),
    );
    morning.online_url = Some("https://meet.example.fi/verkosto-aamukahvit".into());
    morning.recurrence = Some(Recurrence {
        frequency: Frequency::MonthlyByWeekday,
        interval: 1,
        until: Some(ahead(7, Weekday::Thursday) + Duration::days(300)),
        count: None,
        exceptions: vec![],
    });
    events.push(morning);
    let mut fair = base(
        "recruitment-fair",
        EventKind::RecruitmentFair,
        "Kolmannen sektorin rekrytointitapahtuma",
        "Järjestöt, säätiöt ja yhteiskunnalliset yritykset esittelevät avoimia työkokeilu-, \
         palkkatuki- ja oppisopimuspaikkoja. Paikalla myös työllisyyspalveluiden neuvojat. \
         Ota CV mukaan, jos sinulla on sellainen; jos ei ole, autamme tekemään sen.",
        ahead(45, Weekday::Thursday),
        hm(10, 0),
        hm(14, 0),
    );
    fair.organizers = vec![org("lahden-kaupunki"), org("harjula"), org("dila")];
    fair.audience = vec![
        "long-term-unemployed".into(),
        "young-people".into(),
        "partially-able".into(),
        "immigrants".into(),
    ];
    fair.languages = vec!["fi".into(), "sv".into(), "en".into()];
    fair.capacity = Some(200);
    fair.signup = true;
    // Announced this week: news in the network's digest and feed.
    fair.created_at = now - Duration::days(3);
    fair.updated_at = fair.created_at;
    events.push(fair);
    events
}

/// Saves the demo events (again: nothing changes but their relative dates).
pub async fn seed_events(store: &crate::store::DynStore) -> crate::store::StoreResult<usize> {
    let events = demo_events(now_micros());
    for e in &events {
        store.save_event(e).await?;
    }
    let ids: Vec<_> = events.iter().map(|e| e.id).collect();
    crate::search::reindex_events(store.as_ref(), &ids).await?;
    Ok(events.len())
}

#[cfg(test)]
mod event_tests {
    use crate::domain::helsinki;

    #[test]
    fn the_demo_events_are_the_2014_series_and_the_year_ahead() {
        let now = crate::domain::now_micros();
        let events = super::demo_events(now);
        let batch = super::demo_batch().unwrap();
        let past: Vec<_> = events.iter().filter(|e| e.is_past(now)).collect();
        assert_eq!(past.len(), 7, "six workshops and the small group of 2014");
        assert!(past
            .iter()
            .all(|e| helsinki::local(e.starts_at).year() == 2014));
        // The first workshop on 16 June 2014 at 9.00 Finnish (summer) time.
        let first = &events[0];
        assert_eq!(
            helsinki::local(first.starts_at).to_string(),
            "2014-06-16 9:00:00.0 +03:00:00"
        );
        let meetings: Vec<_> = events
            .iter()
            .filter(|e| {
                e.kind == crate::domain::events::EventKind::NetworkMeeting
                    && e.signup
                    && !e.is_past(now)
            })
            .collect();
        assert_eq!(meetings.len(), 2, "spring and autumn");
        assert!(meetings
            .iter()
            .all(|e| e.starts_at < now + time::Duration::days(366)));
        for e in &events {
            assert!(e.ends_at > e.starts_at, "{}", e.title);
            assert!(!e.occurrences().is_empty(), "{}", e.title);
            for o in &e.organizers {
                assert!(
                    batch.organizations.iter().any(|x| x.id == *o),
                    "{}",
                    e.title
                );
            }
            // The seed notes name people; the demo never does.
            for name in ["Tuupai", "Arasola", "Karjalai", "Kuik", "Filatov"] {
                assert!(!e.description.contains(name) && !e.title.contains(name));
            }
        }
    }
}

/// The demo's articles, written from the seed notes (see `data/demo/articles/`).
const DEMO_ARTICLES: [(&str, &str); 12] = [
    (
        "tyokokeilu-sovitaan-askel-askeleelta",
        include_str!("../data/demo/articles/01-tyokokeilu-sovitaan-askel-askeleelta.md"),
    ),
    (
        "58-pooli-kokemus-kayttoon",
        include_str!("../data/demo/articles/02-58-pooli-kokemus-kayttoon.md"),
    ),
    (
        "kolmoskahvila-paivystysvuorot",
        include_str!("../data/demo/articles/03-kolmoskahvila-paivystysvuorot.md"),
    ),
    (
        "kolmoslinja-linkku-kylille",
        include_str!("../data/demo/articles/04-kolmoslinja-linkku-kylille.md"),
    ),
    (
        "lammin-saattaen-vaihto",
        include_str!("../data/demo/articles/05-lammin-saattaen-vaihto.md"),
    ),
    (
        "verkostotapaamiset-kuka-tekee-mita",
        include_str!("../data/demo/articles/06-verkostotapaamiset-kuka-tekee-mita.md"),
    ),
    (
        "kuntouttava-tyotoiminta-pajassa",
        include_str!("../data/demo/articles/07-kuntouttava-tyotoiminta-pajassa.md"),
    ),
    (
        "palkkatuki-yhdistyksessa",
        include_str!("../data/demo/articles/08-palkkatuki-yhdistyksessa.md"),
    ),
    (
        "yhteishankinnat-kurssi-kuudelle-vai-viidelletoista",
        include_str!(
            "../data/demo/articles/09-yhteishankinnat-kurssi-kuudelle-vai-viidelletoista.md"
        ),
    ),
    (
        "aikapankki-pyyda-apua",
        include_str!("../data/demo/articles/10-aikapankki-pyyda-apua.md"),
    ),
    (
        "tyokokeilusopimuksen-tarkistuslista",
        include_str!("../data/demo/articles/11-tyokokeilusopimuksen-tarkistuslista.md"),
    ),
    (
        "mahdollisuudet-kayttoon-2014-opit",
        include_str!("../data/demo/articles/12-mahdollisuudet-kayttoon-2014-opit.md"),
    ),
];

/// A demo file: its front matter (`key: value` lines between `---` lines) and its text.
fn article_front_matter(file: &str) -> Option<(std::collections::HashMap<&str, &str>, &str)> {
    let rest = file.strip_prefix("---\n")?;
    let (head, body) = rest.split_once("\n---\n")?;
    let fields = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    Some((fields, body))
}

fn comma_list(s: Option<&&str>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// The demo's articles as their first versions (ids from their keys; times spread over the
/// past months so the list has an order).
pub fn demo_articles(
    now: time::OffsetDateTime,
) -> Result<
    Vec<(
        crate::domain::articles::Article,
        crate::domain::articles::ArticleVersion,
    )>,
    String,
> {
    let mut out = Vec::new();
    for (i, (key, file)) in DEMO_ARTICLES.iter().enumerate() {
        let (fields, body) = article_front_matter(file).ok_or(format!("{key}: no front matter"))?;
        let authors: Vec<OrganizationId> = comma_list(fields.get("authors"))
            .iter()
            .map(|k| organization_id(k))
            .collect();
        let input = crate::manage::articles::ArticleInput {
            title: fields.get("title").unwrap_or(&"").to_string(),
            body: body.to_string(),
            kind: fields.get("kind").unwrap_or(&"").to_string(),
            lang: "fi".into(),
            licence: fields
                .get("licence")
                .unwrap_or(&crate::domain::articles::LICENCES[0])
                .to_string(),
            topics: comma_list(fields.get("topics")),
            target_groups: comma_list(fields.get("target_groups")),
            note: String::new(),
        };
        let first = *authors.first().ok_or(format!("{key}: no authors"))?;
        // Checked as a form would be; the joint articles name their other authors.
        let mut checked =
            crate::manage::articles::check(&input).map_err(|e| format!("{key}: {e:?}"))?;
        checked.co_authors = authors[1..].to_vec();
        let when = now - time::Duration::days(7 * (i as i64 + 1));
        let (mut a, v) = crate::manage::articles::next(None, checked, first, None, when);
        a.id = crate::domain::ArticleId(uuid::Uuid::new_v5(
            &crate::domain::DERIVED_NAMESPACE,
            format!("article:{key}").as_bytes(),
        ));
        a.key = Some(key.to_string());
        let v = crate::domain::articles::ArticleVersion {
            article_id: a.id,
            ..v
        };
        out.push((a, v));
    }
    Ok(out)
}

/// Saves the demo's articles that are not there yet (seeding again adds nothing).
pub async fn seed_articles(store: &dyn crate::store::Store) -> crate::store::StoreResult<usize> {
    let articles = demo_articles(time::OffsetDateTime::now_utc())
        .map_err(crate::store::StoreError::Invalid)?;
    let mut ids = Vec::new();
    for (a, v) in &articles {
        if store.article(a.id).await?.is_some() {
            continue;
        }
        if store.save_article(a, v).await? == crate::store::SaveOutcome::Saved {
            ids.push(a.id);
        }
    }
    crate::search::reindex_articles(store, &ids).await?;
    Ok(articles.len())
}

/// The demo's project register: `data/demo/projects.csv` through the same import a region
/// uses (so the file is also the import's worked example).
pub async fn seed_projects(store: &crate::store::DynStore) -> crate::store::StoreResult<usize> {
    let file = include_bytes!("../data/demo/projects.csv");
    let report =
        crate::manage::projects::import(store.as_ref(), file, &|_| true, None, false).await?;
    if let Some(e) = report.errors.first() {
        return Err(crate::store::StoreError::Invalid(format!(
            "data/demo/projects.csv line {} column {}: {}",
            e.line,
            e.column,
            e.message(crate::domain::Lang::En)
        )));
    }
    seed_project_reports(store.as_ref()).await?;
    Ok(report.added.len() + report.updated.len() + report.unchanged.len())
}

/// A report of each demo project that has results so far (an interim report while it runs,
/// a final one when it has ended), as a PDF written from the project's own text. Seeding
/// again adds nothing: each report's id comes from its project.
async fn seed_project_reports(store: &dyn crate::store::Store) -> crate::store::StoreResult<()> {
    use crate::domain::files::{owner_of_project, Attachment, FileKind};
    let today = crate::domain::helsinki::today();
    let projects = store
        .projects(&crate::store::ProjectQuery {
            limit: u32::MAX,
            ..Default::default()
        })
        .await?;
    let mut ids = Vec::new();
    for p in projects.iter().filter(|p| !p.results.fi.is_empty()) {
        let id = crate::domain::AttachmentId(uuid::Uuid::new_v5(
            &crate::domain::DERIVED_NAMESPACE,
            format!("attachment:{}:report", p.id).as_bytes(),
        ));
        if store.attachment(id).await?.is_some() {
            continue;
        }
        let ended = p.status_on(today) == crate::domain::projects::ProjectStatus::Ended;
        let title = if ended {
            "Loppuraportti"
        } else {
            "Väliraportti"
        };
        let mut lines = vec![p.name.fi.clone(), String::new()];
        lines.extend(wrap(&format!("Tavoite: {}", p.aims.fi), 88));
        lines.push(String::new());
        lines.extend(wrap(&format!("Tulokset: {}", p.results.fi), 88));
        let pdf = report_pdf(title, &lines);
        let title = format!(
            "{title} ({})",
            if ended {
                p.ends_on.unwrap_or(today).year()
            } else {
                today.year()
            }
        );
        let a = Attachment {
            id,
            owner: owner_of_project(p.id),
            file_name: crate::domain::files::file_name(&title, FileKind::Pdf),
            title,
            kind: FileKind::Pdf,
            size: pdf.len() as u64,
            created_by: None,
            created_at: p.updated_at,
        };
        store
            .add_attachment(&a, &pdf, crate::domain::files::MAX_ATTACHMENTS)
            .await?;
        ids.push(p.id);
    }
    crate::search::reindex_projects(store, &ids).await?;
    Ok(())
}

/// Words wrapped into lines of at most `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A one-page A4 PDF: a heading and lines of text in Helvetica (WinAnsi covers the letters
/// of Finnish and Swedish; others become `?`).
pub fn report_pdf(title: &str, lines: &[String]) -> Vec<u8> {
    fn text(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for c in s.chars() {
            match c {
                '(' | ')' | '\\' => {
                    out.push(b'\\');
                    out.push(c as u8);
                }
                '–' | '—' => out.push(0x96),
                c if (c as u32) < 0x100 && !c.is_control() => out.push(c as u32 as u8),
                _ => out.push(b'?'),
            }
        }
        out
    }
    let mut content = b"BT /F1 18 Tf 56 780 Td (".to_vec();
    content.extend(text(title));
    content.extend_from_slice(b") Tj ET\nBT /F1 10 Tf 14 TL 56 750 Td");
    for line in lines.iter().take(45) {
        content.extend_from_slice(b" (");
        content.extend(text(line));
        content.extend_from_slice(b") Tj T*");
    }
    content.extend_from_slice(b" ET\n");
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
    ];
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content);
    stream.extend_from_slice(b"endstream");
    objects.push(stream);
    let mut pdf = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for o in offsets {
        pdf.extend(format!("{o:010} 00000 n \n").into_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    pdf
}
