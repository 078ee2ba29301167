//! The store contract: the same behaviour on SQLite and PostgreSQL.

use crate::common::{demo_store, fresh_store};
use kolmonen::domain::*;
use kolmonen::store::{
    DirectoryBatch, OpportunityFilter, OrganizationFilter, PageRequest, ServiceFilter,
};
use time::OffsetDateTime;

fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1000 * 1000).unwrap()
}

fn sample() -> DirectoryBatch {
    let org = Organization {
        id: OrganizationId::new(),
        name: "Testiyhdistys ry".into(),
        legal_form: LegalForm::Association,
        business_id: Some(BusinessId::parse("0245437-2").unwrap()),
        description: LocalizedText {
            fi: "Kudomme mattoja.".into(),
            sv: Some("Vi väver mattor.".into()),
            en: None,
        },
        website: Some("https://example.fi".into()),
        email: Some("info@example.fi".into()),
        phones: vec![Phone {
            number: "044 000 0000".into(),
            description: Some(LocalizedText::fi("Toimisto")),
        }],
        areas_served: vec!["398".into(), "098".into()],
        networks: vec!["Verkosto".into()],
        verified: true,
        last_verified_at: now(),
        updated_at: now(),
    };
    let loc = Location {
        id: LocationId::new(),
        organization_id: Some(org.id),
        name: LocalizedText::fi("Paja"),
        street: "Harjulankatu 7".into(),
        postal_code: "15150".into(),
        country: "FI".into(),
        city: None,
        municipality_code: Some("398".into()),
        latitude: Some(60.98),
        longitude: Some(25.64),
        accessibility: Some(LocalizedText::fi("Esteetön")),
    };
    let loc2 = Location {
        id: LocationId::new(),
        street: "Virastotie 3".into(),
        postal_code: "15870".into(),
        municipality_code: Some("098".into()),
        ..loc.clone()
    };
    let svc = Service {
        id: ServiceId::new(),
        organization_id: org.id,
        name: LocalizedText {
            fi: "Kudontapaja".into(),
            sv: Some("Vävverkstad".into()),
            en: Some("Weaving workshop".into()),
        },
        description: LocalizedText::fi("Kangaspuut kaikille."),
        kind: ServiceKind::Activity,
        target_groups: vec!["seniors-58".into(), "everyone".into()],
        topics: vec!["crafts-weaving".into(), "textiles-sewing".into()],
        languages: vec!["fi".into(), "sv".into()],
        free: false,
        cost: Some(LocalizedText::fi("5 € / päivä")),
        eligibility: None,
        min_age: Some(16),
        max_age: None,
        low_threshold: true,
        schedule: Some(LocalizedText::fi("ma–pe 9–15")),
        how_to_get_there: None,
        funding: vec!["STEA".into()],
        location_ids: vec![loc2.id, loc.id],
        last_verified_at: now(),
        updated_at: now(),
    };
    let opp = Opportunity {
        id: OpportunityId::new(),
        organization_id: org.id,
        service_id: Some(svc.id),
        location_id: Some(loc.id),
        kind: OpportunityType::WorkTrial,
        title: LocalizedText::fi("Työkokeilu kudontapajassa"),
        description: LocalizedText::fi("Kudot mattoja."),
        requirements: None,
        how_to_apply: LocalizedText::fi("Soita."),
        places_total: 3,
        places_free: 1,
        hours_per_week: Some(25),
        part_time: true,
        topics: vec!["crafts-weaving".into()],
        target_groups: vec!["long-term-unemployed".into()],
        starts_on: Some(time::macros::date!(2026 - 12 - 01)),
        apply_by: None,
        status: OpportunityStatus::Open,
        last_verified_at: now(),
        updated_at: now(),
    };
    let contact = Contact {
        id: ContactId::new(),
        organization_id: org.id,
        service_id: Some(svc.id),
        title: LocalizedText::fi("Ohjaaja"),
        name: None,
        email: Some("ohjaaja@example.fi".into()),
        phone: None,
    };
    DirectoryBatch {
        organizations: vec![org],
        locations: vec![loc, loc2],
        services: vec![svc],
        contacts: vec![contact],
        opportunities: vec![opp],
        hsds_sources: Vec::new(),
    }
}

both_engines!(
    a_location_abroad_and_its_source_are_kept,
    |engine| async move {
        let store = fresh_store(engine).await;
        let mut b = sample();
        let abroad = Location {
            id: LocationId::new(),
            organization_id: None,
            street: "1-30 Main Street".into(),
            postal_code: "ABC 1234".into(),
            country: "GB".into(),
            city: Some("MyCity".into()),
            municipality_code: None,
            latitude: None,
            longitude: None,
            ..b.locations[0].clone()
        };
        let source = serde_json::json!({"id": abroad.id.to_string(), "transportation": "Bus 1"});
        b.locations.push(abroad.clone());
        b.hsds_sources.push(kolmonen::store::HsdsSource {
            kind: "location",
            id: abroad.id.to_string(),
            document: source.clone(),
        });
        kolmonen::services::save_batch(store.as_ref(), &b)
            .await
            .unwrap();
        assert_eq!(
            store.locations_by_id(&[abroad.id]).await.unwrap(),
            vec![abroad.clone()]
        );
        let got = store
            .hsds_sources("location", &[abroad.id.to_string(), "other".into()])
            .await
            .unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[&abroad.id.to_string()], source);
        // A Finnish location needs its postal code; one abroad needs a two-letter country.
        for bad in [
            Location {
                postal_code: "1515".into(),
                ..b.locations[0].clone()
            },
            Location {
                country: "Finland".into(),
                ..abroad.clone()
            },
        ] {
            let mut b = sample();
            b.locations.push(bad);
            assert!(kolmonen::services::save_batch(store.as_ref(), &b)
                .await
                .is_err());
        }
    }
);

both_engines!(migrations_can_run_twice, |engine| async move {
    let store = fresh_store(engine).await;
    kolmonen::services::migrate(store.as_ref())
        .await
        .expect("second migrate is a no-op");
    assert!(store.is_empty().await.unwrap());
    store.ping().await.unwrap();
});

both_engines!(every_field_survives_a_round_trip, |engine| async move {
    let store = fresh_store(engine).await;
    let b = sample();
    kolmonen::services::save_batch(store.as_ref(), &b)
        .await
        .unwrap();
    assert_eq!(
        store
            .organization(b.organizations[0].id)
            .await
            .unwrap()
            .as_ref(),
        Some(&b.organizations[0])
    );
    assert_eq!(
        store.service(b.services[0].id).await.unwrap().as_ref(),
        Some(&b.services[0])
    );
    assert_eq!(
        store
            .opportunity(b.opportunities[0].id)
            .await
            .unwrap()
            .as_ref(),
        Some(&b.opportunities[0])
    );
    assert_eq!(
        store.location(b.locations[1].id).await.unwrap().as_ref(),
        Some(&b.locations[1])
    );
    assert_eq!(
        store
            .contacts_of_organization(b.organizations[0].id)
            .await
            .unwrap(),
        b.contacts
    );
    let mut locs = b.locations.clone();
    locs.sort_by(|a, b| a.street.cmp(&b.street));
    assert_eq!(
        store
            .locations_of_organization(b.organizations[0].id)
            .await
            .unwrap(),
        locs
    );
});

both_engines!(
    saving_again_updates_instead_of_duplicating,
    |engine| async move {
        let store = fresh_store(engine).await;
        let mut b = sample();
        kolmonen::services::save_batch(store.as_ref(), &b)
            .await
            .unwrap();
        b.organizations[0].name = "Uusi nimi ry".into();
        b.services[0].topics = vec!["it".into()];
        b.services[0].location_ids.truncate(1);
        b.opportunities[0].places_free = 0;
        b.opportunities[0].status = OpportunityStatus::Full;
        kolmonen::services::save_batch(store.as_ref(), &b)
            .await
            .unwrap();
        let all = PageRequest::new(1, 100);
        let orgs = store
            .organizations(&OrganizationFilter::default(), all)
            .await
            .unwrap();
        assert_eq!(orgs.total, 1);
        assert_eq!(orgs.items[0].name, "Uusi nimi ry");
        let s = store.service(b.services[0].id).await.unwrap().unwrap();
        assert_eq!(s.topics, vec!["it".to_string()]);
        assert_eq!(s.location_ids.len(), 1);
        let o = store
            .opportunity(b.opportunities[0].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((o.places_free, o.status), (0, OpportunityStatus::Full));
    }
);

both_engines!(an_invalid_record_saves_nothing, |engine| async move {
    let store = fresh_store(engine).await;
    let mut b = sample();
    b.opportunities[0].places_free = 10; // more free than total
    assert!(kolmonen::services::save_batch(store.as_ref(), &b)
        .await
        .is_err());
    assert!(store.is_empty().await.unwrap());
});

both_engines!(
    a_broken_reference_rolls_back_the_whole_batch,
    |engine| async move {
        let store = fresh_store(engine).await;
        let mut b = sample();
        b.opportunities[0].location_id = Some(LocationId::new()); // no such location
        assert!(kolmonen::services::save_batch(store.as_ref(), &b)
            .await
            .is_err());
        assert!(
            store.is_empty().await.unwrap(),
            "nothing of the failed batch remains"
        );
    }
);

both_engines!(lists_filter_and_page_the_same_way, |engine| async move {
    let store = demo_store(engine).await;
    let first = store
        .organizations(&OrganizationFilter::default(), PageRequest::new(1, 10))
        .await
        .unwrap();
    assert!(first.total >= 25);
    assert_eq!(first.items.len(), 10);
    let names: Vec<_> = first.items.iter().map(|o| o.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "organizations are ordered by name");
    let last = store
        .organizations(&OrganizationFilter::default(), PageRequest::new(3, 10))
        .await
        .unwrap();
    assert_eq!(last.items.len() as u64, first.total - 20);
    let beyond = store
        .organizations(&OrganizationFilter::default(), PageRequest::new(99, 10))
        .await
        .unwrap();
    assert!(beyond.items.is_empty());

    let heinola = store
        .organizations(
            &OrganizationFilter {
                municipalities: vec!["111".into()],
                ..Default::default()
            },
            PageRequest::new(1, 50),
        )
        .await
        .unwrap();
    assert_eq!(
        heinola
            .items
            .iter()
            .map(|o| o.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Jyränkölän Setlementti ry"]
    );

    let trials = store
        .opportunities(
            &OpportunityFilter {
                kind: Some(OpportunityType::WorkTrial),
                ..Default::default()
            },
            PageRequest::new(1, 100),
        )
        .await
        .unwrap();
    assert!(trials.total >= 10);
    assert!(trials
        .items
        .iter()
        .all(|o| o.kind == OpportunityType::WorkTrial));

    let all = store
        .opportunities(&OpportunityFilter::default(), PageRequest::new(1, 100))
        .await
        .unwrap();
    let open = store
        .opportunities(
            &OpportunityFilter {
                open_only: true,
                ..Default::default()
            },
            PageRequest::new(1, 100),
        )
        .await
        .unwrap();
    assert!(open.total < all.total, "the demo has full places");
    assert!(open
        .items
        .iter()
        .all(|o| o.status == OpportunityStatus::Open));
    let first_closed = all
        .items
        .iter()
        .position(|o| o.status != OpportunityStatus::Open)
        .unwrap();
    assert!(
        all.items[first_closed..]
            .iter()
            .all(|o| o.status != OpportunityStatus::Open),
        "open places come first"
    );

    let nastola = store
        .services(
            &ServiceFilter {
                municipalities: vec!["398".into()],
                ..Default::default()
            },
            PageRequest::new(1, 100),
        )
        .await
        .unwrap();
    assert!(nastola
        .items
        .iter()
        .any(|s| s.name.fi.contains("Kotieläinpiha")));
});

both_engines!(municipality_counts_match_the_lists, |engine| async move {
    let store = demo_store(engine).await;
    let counts = store.municipality_counts().await.unwrap();
    let lahti = counts
        .iter()
        .find(|c| c.code == "398")
        .expect("Lahti has records");
    let orgs = store
        .organizations(
            &OrganizationFilter {
                municipalities: vec!["398".into()],
                ..Default::default()
            },
            PageRequest::new(1, 1),
        )
        .await
        .unwrap();
    assert_eq!(lahti.organizations, orgs.total);
    let opps = store
        .opportunities(
            &OpportunityFilter {
                municipalities: vec!["398".into()],
                open_only: true,
                ..Default::default()
            },
            PageRequest::new(1, 1),
        )
        .await
        .unwrap();
    assert_eq!(lahti.opportunities, opps.total);
});

both_engines!(
    text_filters_find_names_and_descriptions,
    |engine| async move {
        let store = demo_store(engine).await;
        let services = |text: &str| ServiceFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        let opportunities = |text: &str| OpportunityFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        let all = PageRequest::new(1, 100);
        let m = store.services(&services("kudonta"), all).await.unwrap();
        assert!(m.items.iter().any(|s| s.name.fi == "Kudontapaja"));
        let m = store.services(&services("100%_\\"), all).await.unwrap();
        assert!(m.items.is_empty(), "LIKE wildcards are escaped");
        let m = store
            .opportunities(&opportunities("100%_\\"), all)
            .await
            .unwrap();
        assert!(m.items.is_empty(), "LIKE wildcards are escaped");
    }
);

both_engines!(records_are_fetched_by_id_in_one_go, |engine| async move {
    let store = fresh_store(engine).await;
    let b = sample();
    kolmonen::services::save_batch(store.as_ref(), &b)
        .await
        .unwrap();
    let org = b.organizations[0].id;
    let found = store
        .organizations_by_id(&[org, OrganizationId::new(), org])
        .await
        .unwrap();
    assert_eq!(
        found,
        vec![b.organizations[0].clone()],
        "unknown ids are skipped, duplicates collapse"
    );
    assert!(store.organizations_by_id(&[]).await.unwrap().is_empty());
    let ids: Vec<_> = b.locations.iter().map(|l| l.id).collect();
    assert_eq!(store.locations_by_id(&ids).await.unwrap().len(), 2);
    assert_eq!(
        store
            .locations_of_organizations(&[org])
            .await
            .unwrap()
            .len(),
        2
    );
    assert!(store
        .locations_of_organizations(&[OrganizationId::new()])
        .await
        .unwrap()
        .is_empty());
});

both_engines!(organizations_come_by_id_for_exports, |engine| async move {
    let store = demo_store(engine).await;
    let by_id = OrganizationFilter {
        by_id: true,
        ..Default::default()
    };
    let page = store
        .organizations(&by_id, PageRequest::new(1, 100))
        .await
        .unwrap();
    let ids: Vec<String> = page.items.iter().map(|o| o.id.to_string()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert!(ids.len() > 20);
    assert_eq!(ids, sorted);
});

both_engines!(accounts_are_kept_once_per_address, |engine| async move {
    use kolmonen::accounts::{add_user, password, AccountError, Email, Role};
    let store = demo_store(engine).await;
    let org = store.organization_ids().await.unwrap()[0];
    let org_name = store.organizations_by_id(&[org]).await.unwrap()[0]
        .name
        .clone();
    let pw = "kuusi kissaa kävelee";
    let user = add_user(
        &store,
        " Koordinaattori@Example.FI",
        Role::OrganizationAdmin,
        Some(org),
        pw,
    )
    .await
    .unwrap()
    .unwrap();
    let email = Email::parse("koordinaattori@example.fi").unwrap();
    let stored = store.user_by_email(&email).await.unwrap().unwrap();
    assert_eq!(stored, user);
    assert!(password::verify(pw, &stored.password_hash).matches);
    assert!(!stored.password_hash.contains(pw));
    // One account per address, however it is typed.
    let again = add_user(
        &store,
        "KOORDINAATTORI@example.fi",
        Role::JobSeeker,
        None,
        "toinen pitkä salasana",
    )
    .await
    .unwrap();
    assert_eq!(again, Err(AccountError::Taken));
    // What a person typed wrong is named, and nothing is stored.
    let org_pw = format!("{org_name} 2026");
    for (email, role, organization, pw, error) in [
        ("ei-osoite", Role::JobSeeker, None, pw, AccountError::Email),
        (
            "j@example.fi",
            Role::OrganizationMember,
            None,
            pw,
            AccountError::OrganizationNeeded,
        ),
        (
            "j@example.fi",
            Role::OrganizationMember,
            Some(OrganizationId::new()),
            pw,
            AccountError::NoSuchOrganization,
        ),
        (
            "j@example.fi",
            Role::JobSeeker,
            None,
            "salasana",
            AccountError::Password(password::Problem::Common),
        ),
        (
            "j@example.fi",
            Role::OrganizationMember,
            Some(org),
            org_pw.as_str(),
            AccountError::Password(password::Problem::ContainsName),
        ),
    ] {
        let got = add_user(&store, email, role, organization, pw)
            .await
            .unwrap();
        assert_eq!(got, Err(error), "{email} {role:?}");
    }
    assert!(store
        .user_by_email(&Email::parse("j@example.fi").unwrap())
        .await
        .unwrap()
        .is_none());
    // Disabling is kept; a new hash replaces the old one.
    assert!(store.disable_user(&email).await.unwrap());
    assert!(!store
        .disable_user(&Email::parse("nobody@example.fi").unwrap())
        .await
        .unwrap());
    store
        .set_password_hash(user.id, &password::hash("uusi pitkä salasana"))
        .await
        .unwrap();
    let stored = store.user_by_email(&email).await.unwrap().unwrap();
    assert!(stored.disabled_at.is_some());
    assert!(password::verify("uusi pitkä salasana", &stored.password_hash).matches);
});

both_engines!(sessions_end_on_every_node, |engine| async move {
    use kolmonen::accounts::{add_user, session, Email, Role};
    use time::Duration;
    let store = demo_store(engine).await;
    let user = add_user(
        &store,
        "istunto@example.fi",
        Role::JobSeeker,
        None,
        "kuusi kissaa kävelee",
    )
    .await
    .unwrap()
    .unwrap();
    let t0 = OffsetDateTime::now_utc();
    let token = session::start(&store, user.id, t0).await.unwrap();
    let signed_in = |at: OffsetDateTime| {
        let store = store.clone();
        let token = token.as_str().to_string();
        async move {
            match session::resume(&store, &token, at).await.unwrap() {
                Some(session::Resumed::SignedIn(u)) => Some(u.id),
                Some(session::Resumed::Pending(_)) => panic!("no second factor was asked"),
                None => None,
            }
        }
    };
    assert_eq!(signed_in(t0).await, Some(user.id));
    // Used every 20 minutes it lives on; unused for 30 it is gone.
    assert_eq!(signed_in(t0 + Duration::minutes(20)).await, Some(user.id));
    assert_eq!(signed_in(t0 + Duration::minutes(40)).await, Some(user.id));
    assert_eq!(signed_in(t0 + Duration::minutes(75)).await, None);
    // Once expired it is deleted, not only refused.
    assert_eq!(signed_in(t0 + Duration::minutes(41)).await, None);
    // A forged or foreign token signs nobody in.
    for bad in ["", "x", &"0".repeat(64)] {
        assert!(session::resume(&store, bad, t0).await.unwrap().is_none());
    }
    // Two sessions (two devices); ending the account's sessions ends both.
    let a = session::start(&store, user.id, t0).await.unwrap();
    let b = session::start(&store, user.id, t0).await.unwrap();
    assert_eq!(store.end_sessions_of(user.id).await.unwrap(), 2);
    for t in [&a, &b] {
        assert!(session::resume(&store, t.as_str(), t0)
            .await
            .unwrap()
            .is_none());
    }
    // A session waiting for the second factor signs nobody in, and lasts ten minutes.
    let p = session::start_pending(&store, user.id, t0).await.unwrap();
    assert!(matches!(
        session::resume(&store, p.as_str(), t0).await.unwrap(),
        Some(session::Resumed::Pending(_))
    ));
    assert!(
        session::resume(&store, p.as_str(), t0 + Duration::minutes(11))
            .await
            .unwrap()
            .is_none()
    );
    // Disabling an account ends its sessions.
    let c = session::start(&store, user.id, t0).await.unwrap();
    assert!(session::resume(&store, c.as_str(), t0)
        .await
        .unwrap()
        .is_some());
    assert!(store
        .disable_user(&Email::parse("istunto@example.fi").unwrap())
        .await
        .unwrap());
    assert!(session::resume(&store, c.as_str(), t0)
        .await
        .unwrap()
        .is_none());
    // The database holds only hashes.
    let d = session::start(&store, user.id, t0).await.unwrap();
    assert!(store.session(d.as_str()).await.unwrap().is_none());
    assert!(store.session(&d.hash()).await.unwrap().is_some());
});
