//! proptest over every form (issue 5): random input never gives a server error and never
//! stores a record that breaks the rules, on both engines.

use crate::common::PASSWORD;
use crate::common::{add_account, Browser, Engine, TestApp};
use kolmonen::accounts::Role;
use kolmonen::domain::OrganizationId;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The field names any of the forms knows, and a few it does not.
const FIELDS: &[&str] = &[
    "name",
    "legal_form",
    "business_id",
    "contact_name",
    "municipality",
    "description",
    "different",
    "description_fi",
    "description_sv",
    "description_en",
    "website",
    "email",
    "phone",
    "name_fi",
    "name_sv",
    "name_en",
    "title_fi",
    "title_sv",
    "title_en",
    "kind",
    "topics",
    "target_groups",
    "free",
    "low_threshold",
    "schedule",
    "locations",
    "status",
    "places_total",
    "places_free",
    "hours_per_week",
    "starts_on",
    "apply_by",
    "how_to_apply",
    "location",
    "service",
    "part_time",
    "message",
    "contact_email",
    "password",
    "code",
    "token",
    "user",
    "introduction",
    "display_name",
    "skills",
    "interests",
    "languages",
    "kinds",
    "visibility",
    "travel_km",
    "available_from",
    "age_band",
    "pool_58",
    "free_skills",
    "query",
    "opportunity",
    "id",
    "csrf2",
    "x",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,4}",
        "-?[0-9]{1,12}",
        "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]",
        "[a-z_]{1,20}",
        "[ -~]{0,80}",
        "\\PC{0,200}",
        Just("x".repeat(5000)),
        Just("work_trial".to_string()),
        Just("open".to_string()),
        Just("398".to_string()),
        Just("0737546-2".to_string()),
        Just("https://example.fi".to_string()),
    ]
}

fn random_fields() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(
        (
            prop::sample::select(FIELDS).prop_map(str::to_string),
            value(),
        ),
        0..16,
    )
}

/// A form that would be accepted, with random fields added or repeated after it (the first
/// value of a field counts), so that some cases are stored and checked too.
fn nearly_valid() -> impl Strategy<Value = Vec<(String, String)>> {
    random_fields().prop_map(|extra| {
        let mut f: Vec<(String, String)> = [
            ("name", "Sumea Testiyhdistys ry"),
            ("name_fi", "Sumea palvelu"),
            ("title_fi", "Sumea paikka"),
            (
                "description",
                "Kuvaus, joka on tarpeeksi pitkä hyväksyttäväksi.",
            ),
            (
                "description_fi",
                "Kuvaus, joka on tarpeeksi pitkä hyväksyttäväksi.",
            ),
            ("legal_form", "association"),
            ("kind", "activity"),
            ("status", "open"),
            ("message", "Tässä on jotain vialla, korjatkaa."),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        f.extend(extra);
        f
    })
}

fn form() -> impl Strategy<Value = Vec<(String, String)>> {
    prop_oneof![random_fields(), nearly_valid()]
}

fn fuzz(engine: Engine) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    if engine == Engine::Postgres && !rt.block_on(crate::common::postgres_ready()) {
        return;
    }
    let app = rt.block_on(TestApp::spawn(engine));
    let org =
        rt.block_on(async { OrganizationId::parse(&app.first_id("organizations").await).unwrap() });
    let (service, opportunity) = rt.block_on(async {
        let r = app.store.records_of_organizations(&[org]).await.unwrap();
        (
            r.services.first().map(|s| s.id.to_string()),
            r.opportunities.first().map(|o| o.id.to_string()),
        )
    });
    rt.block_on(add_account(
        &app.store,
        "admin@example.fi",
        Role::PlatformAdmin,
        None,
        PASSWORD,
    ));
    rt.block_on(add_account(
        &app.store,
        "seeker@example.fi",
        Role::JobSeeker,
        None,
        PASSWORD,
    ));
    let mut admin = Browser::new(&app);
    rt.block_on(admin.sign_in("admin@example.fi", PASSWORD));
    let mut seeker = Browser::from_addr(&app, "192.0.2.40:1");
    rt.block_on(seeker.sign_in("seeker@example.fi", PASSWORD));
    let mut targets = vec![
        format!("/fi/organizations/{org}/edit"),
        format!("/sv/organizations/{org}/services/new"),
        format!("/en/organizations/{org}/opportunities/new"),
        format!("/fi/organizations/{org}/report"),
        format!("/fi/organizations/{org}/members"),
        "/fi/password-reset/new".to_string(),
        "/fi/confirm".to_string(),
        "/fi/invite".to_string(),
    ];
    if let Some(s) = &service {
        targets.push(format!("/fi/services/{s}/edit"));
    }
    if let Some(o) = &opportunity {
        targets.push(format!("/fi/opportunities/{o}/edit"));
    }
    let interest = opportunity
        .as_ref()
        .map(|o| format!("/fi/opportunities/{o}/interest"))
        .unwrap_or_else(|| "/fi/me".into());
    let seeker_targets = [
        "/fi/organizations/register",
        "/fi/account/password",
        "/fi/me",
        "/fi/me/searches",
        "/fi/me/searches/delete",
        "/fi/me/matches/hide",
        "/fi/me/portfolio/delete",
        "/fi/unsubscribe",
        interest.as_str(),
    ];
    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: None,
        ..Config::default()
    });
    let admin = tokio::sync::Mutex::new(admin);
    let seeker = tokio::sync::Mutex::new(seeker);
    let stored = std::cell::Cell::new(0);
    runner
        .run(&form(), |fields| {
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            rt.block_on(async {
                for t in &targets {
                    let r = admin.lock().await.post(t, &pairs).await;
                    prop_assert!(r.status.as_u16() < 500, "{t}: {}", r.status);
                    if r.status == 303 {
                        stored.set(stored.get() + 1);
                    }
                }
                for t in &seeker_targets {
                    let r = seeker.lock().await.post(t, &pairs).await;
                    prop_assert!(r.status.as_u16() < 500, "{t}: {}", r.status);
                }
                // Whatever was stored keeps the rules.
                let ids = app.store.organization_ids().await.unwrap();
                let records = app.store.records_of_organizations(&ids).await.unwrap();
                for o in &records.organizations {
                    prop_assert!(o.validate().is_ok(), "{o:?}");
                }
                for s in &records.services {
                    prop_assert!(s.validate().is_ok(), "{s:?}");
                    prop_assert!(s.name.fi.chars().count() <= 200);
                }
                for o in &records.opportunities {
                    prop_assert!(o.validate().is_ok(), "{o:?}");
                }
                // A stored profile keeps its rules too.
                if let Some(u) = app
                    .store
                    .user_by_email(&kolmonen::accounts::Email::parse("seeker@example.fi").unwrap())
                    .await
                    .unwrap()
                {
                    if let Some(p) = app.store.profile(u.id).await.unwrap() {
                        prop_assert!(
                            p.introduction.chars().count() <= kolmonen::people::MAX_INTRODUCTION
                        );
                        prop_assert!(!p.pool_58 || p.is_58_plus());
                        prop_assert!(!p.introduction.contains('\0'));
                    }
                }
                Ok(())
            })
        })
        .unwrap();
    assert!(
        stored.get() > 0,
        "some random forms were good enough to store"
    );
}

#[test]
fn random_forms_never_break_anything_sqlite() {
    fuzz(Engine::Sqlite);
}

#[test]
fn random_forms_never_break_anything_postgres() {
    fuzz(Engine::Postgres);
}
