//! Warm hand-over: the audit chain holds and a tampered row is found, a withdrawn consent
//! closes the summary in the store, summaries never reach the database in clear, and an
//! organization reaches only its own clients and referrals.

use crate::common::{
    add_account, fresh_store_at, temp_dir, test_data_key_text, test_data_keys, Engine, PASSWORD,
};
use kolmonen::accounts::{Role, User};
use kolmonen::domain::referrals::{Action, NewAudit, Outcome, Purpose, ReferralState};
use kolmonen::domain::{Lang, OrganizationId, ServiceId};
use kolmonen::services::referrals::{self as refs, Draft, Notices, Summary, Target};
use kolmonen::store::{DynStore, ServiceFilter};

/// Runs raw SQL on the test database (to play the attacker with database access).
async fn raw(url: &str, sql: &str) {
    use sqlx::Connection;
    if url.starts_with("sqlite") {
        let mut c = sqlx::SqliteConnection::connect(url).await.expect("sqlite");
        sqlx::query(sql).execute(&mut c).await.expect(sql);
    } else {
        let mut c = sqlx::PgConnection::connect(url).await.expect("pg");
        sqlx::query(sql).execute(&mut c).await.expect(sql);
    }
}

fn row(n: usize) -> NewAudit {
    kolmonen::referrals::audit(
        None,
        "referral",
        "read",
        ("referral", n.to_string()),
        Some(kolmonen::domain::referrals::ClientId::new()),
        time::OffsetDateTime::now_utc(),
    )
}

async fn chain_of(engine: Engine, n: usize) -> (DynStore, String) {
    let dir = temp_dir("audit");
    let (store, url) = fresh_store_at(engine, Some(&dir)).await;
    let rows: Vec<NewAudit> = (1..=n).map(row).collect();
    store.append_audit(&rows[..n / 2]).await.unwrap();
    store.append_audit(&rows[n / 2..]).await.unwrap();
    (store, url)
}

both_engines!(
    audit_verify_finds_an_edited_deleted_or_reordered_row,
    |engine| async move {
        let (store, url) = chain_of(engine, 10).await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!((v.rows, v.broken), (10, None));

        raw(&url, "UPDATE audit_log SET action = 'create' WHERE seq = 4").await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!(v.broken, Some((4, "content")), "an edited row");

        let (store, url) = chain_of(engine, 10).await;
        raw(&url, "DELETE FROM audit_log WHERE seq = 6").await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!(v.broken, Some((6, "missing")), "a deleted row");

        let (store, url) = chain_of(engine, 10).await;
        raw(&url, "UPDATE audit_log SET seq = 100 WHERE seq = 3").await;
        raw(&url, "UPDATE audit_log SET seq = 3 WHERE seq = 2").await;
        raw(&url, "UPDATE audit_log SET seq = 2 WHERE seq = 100").await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!(v.broken.map(|b| b.0), Some(2), "reordered rows");

        let (store, url) = chain_of(engine, 10).await;
        raw(&url, "DELETE FROM audit_log WHERE seq >= 9").await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!(v.broken, Some((9, "missing")), "a removed tail");

        let (store, url) = chain_of(engine, 10).await;
        raw(
            &url,
            "UPDATE audit_log SET subject_id = actor_id WHERE seq = 5",
        )
        .await;
        let v = kolmonen::referrals::verify(&store).await.unwrap();
        assert_eq!(v.broken.map(|b| b.0), Some(5), "a person swapped");
    }
);

/// Two organizations of the demo with a coach each, and a service of the second.
pub struct Network {
    pub store: DynStore,
    pub url: String,
    pub dir: std::path::PathBuf,
    pub a: OrganizationId,
    pub b: OrganizationId,
    pub coach_a: User,
    pub coach_b: User,
    pub service_b: ServiceId,
}

pub async fn network(engine: Engine) -> Network {
    let dir = temp_dir("referrals");
    let (store, url) = fresh_store_at(engine, Some(&dir)).await;
    kolmonen::services::save_batch(store.as_ref(), &kolmonen::demo::demo_batch().unwrap())
        .await
        .unwrap();
    kolmonen::demo::seed_network(&store).await.unwrap();
    let services = store
        .services(
            &ServiceFilter::default(),
            kolmonen::store::PageRequest::new(1, 100),
        )
        .await
        .unwrap();
    let service = &services.items[0];
    let b = service.organization_id;
    let a = services
        .items
        .iter()
        .map(|s| s.organization_id)
        .find(|o| *o != b)
        .unwrap();
    let coach_a = add_account(
        &store,
        "coach@a.example",
        Role::OrganizationMember,
        Some(a),
        PASSWORD,
    )
    .await;
    let coach_b = add_account(
        &store,
        "coach@b.example",
        Role::OrganizationAdmin,
        Some(b),
        PASSWORD,
    )
    .await;
    Network {
        store,
        url,
        dir,
        a,
        b,
        coach_a,
        coach_b,
        service_b: service.id,
    }
}

pub fn notices() -> Notices {
    Notices {
        public_url: "http://kolmonen.test".into(),
        lang: Lang::Fi,
    }
}

pub const SECRET_SUMMARY: &str = "Haluaa kokeilla puusepän työtä, ei aamuvuoroja";

both_engines!(
    consent_withdrawal_closes_the_summary_in_the_store,
    |engine| async move {
        let n = network(engine).await;
        let keys = test_data_keys();
        let (client, code) = refs::record_client(
            &n.store,
            &n.coach_a,
            "M. K.",
            Some(1988),
            Some("398".into()),
            true,
        )
        .await
        .unwrap()
        .unwrap();
        assert!(code.is_some());
        let draft = Draft {
            client: client.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: SECRET_SUMMARY.into(),
                tried: "Kuntouttava työtoiminta 2025".into(),
                helps: "Selkeät ohjeet".into(),
            },
            health: Some("Selkävaiva: ei raskaita nostoja".into()),
            consents: vec![
                Purpose::Referral,
                Purpose::ShareSummary,
                Purpose::ShareHealth,
                Purpose::Statistics,
            ],
        };
        let id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        // The receiver reads the summary and the notes; each read is in the audit log.
        let (r, c, party) = refs::open_as(&n.store, &n.coach_b, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(party, kolmonen::domain::referrals::Party::Receiver);
        let (summary, health) = refs::read_contents(
            &n.store,
            Some(&keys),
            &n.coach_b,
            (&r, &c, kolmonen::domain::referrals::Party::Receiver),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(summary.wants, SECRET_SUMMARY);
        assert_eq!(health.as_deref(), Some("Selkävaiva: ei raskaita nostoja"));
        let before = n.store.audit_head().await.unwrap().seq;

        // The sealed summary is nowhere in the SQLite file in clear.
        if engine == Engine::Sqlite {
            let mut bytes = Vec::new();
            for f in ["k.db", "k.db-wal"] {
                bytes.extend(std::fs::read(n.dir.join(f)).unwrap_or_default());
            }
            assert!(!bytes.is_empty());
            for needle in [SECRET_SUMMARY, "Selkävaiva", "Kuntouttava työtoiminta 2025"] {
                assert!(
                    !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                    "{needle} in clear in the database file"
                );
            }
        }

        // Withdrawing the health consent closes the notes only.
        let consents = n.store.consents_of(&[client.id]).await.unwrap();
        let of = |p: Purpose| consents.iter().find(|c| c.purpose == p).unwrap().id;
        refs::withdraw(&n.store, &notices(), &n.coach_a, of(Purpose::ShareHealth))
            .await
            .unwrap();
        let (_, health) = refs::read_contents(
            &n.store,
            Some(&keys),
            &n.coach_b,
            (&r, &c, kolmonen::domain::referrals::Party::Receiver),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(health, None);
        // Withdrawing the summary consent closes the summary: the store does not give it.
        refs::withdraw(&n.store, &notices(), &n.coach_a, of(Purpose::ShareSummary))
            .await
            .unwrap();
        let now = time::OffsetDateTime::now_utc();
        assert_eq!(n.store.referral_contents(id, now, &[]).await.unwrap(), None);
        assert!(refs::read_contents(
            &n.store,
            Some(&keys),
            &n.coach_b,
            (&r, &c, kolmonen::domain::referrals::Party::Receiver)
        )
        .await
        .unwrap()
        .is_none());
        // The withdrawals are audited, and so is each page read, with or without contents.
        assert_eq!(n.store.audit_head().await.unwrap().seq, before + 4);
        // The referral itself goes on until its own consent is withdrawn: then it is cancelled.
        assert_eq!(
            n.store.referral(id).await.unwrap().unwrap().state,
            ReferralState::Sent
        );
        refs::withdraw(&n.store, &notices(), &n.coach_a, of(Purpose::Referral))
            .await
            .unwrap();
        assert_eq!(
            n.store.referral(id).await.unwrap().unwrap().state,
            ReferralState::Cancelled
        );
        // And the receiving organization no longer sees the person's name.
        let (r, c, p) = refs::open_as(&n.store, &n.coach_b, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(refs::shown_name(&n.store, (&r, &c, p)).await.unwrap(), None);
        let v = kolmonen::referrals::verify(&n.store).await.unwrap();
        assert_eq!(v.broken, None);
    }
);

both_engines!(
    only_the_parties_reach_a_referral_and_only_the_receiver_moves_it,
    |engine| async move {
        let n = network(engine).await;
        let keys = test_data_keys();
        let (client, _) = refs::record_client(&n.store, &n.coach_a, "A. A.", None, None, false)
            .await
            .unwrap()
            .unwrap();
        // A coach of B cannot refer A's client.
        let draft = |client| Draft {
            client,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: "Työkokeilu".into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![Purpose::Referral, Purpose::ShareSummary],
        };
        assert_eq!(
            refs::send(
                &n.store,
                Some(&keys),
                &notices(),
                &n.coach_b,
                &draft(client.id)
            )
            .await
            .unwrap(),
            Err(refs::SendError::NotYourClient)
        );
        assert_eq!(
            refs::send(&n.store, None, &notices(), &n.coach_a, &draft(client.id))
                .await
                .unwrap(),
            Err(refs::SendError::Disabled)
        );
        let mut no_consent = draft(client.id);
        no_consent.consents = vec![Purpose::Referral];
        assert_eq!(
            refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &no_consent)
                .await
                .unwrap(),
            Err(refs::SendError::NoConsent)
        );
        let id = refs::send(
            &n.store,
            Some(&keys),
            &notices(),
            &n.coach_a,
            &draft(client.id),
        )
        .await
        .unwrap()
        .unwrap();
        // An outsider (a third organization's coach, a job seeker, the data-protection officer)
        // is no party.
        let other_org = n
            .store
            .organizations(
                &Default::default(),
                kolmonen::store::PageRequest::new(1, 50),
            )
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|o| o.id)
            .find(|o| *o != n.a && *o != n.b)
            .unwrap();
        let c = add_account(
            &n.store,
            "coach@c.example",
            Role::OrganizationAdmin,
            Some(other_org),
            PASSWORD,
        )
        .await;
        let js = add_account(
            &n.store,
            "someone@example.fi",
            Role::JobSeeker,
            None,
            PASSWORD,
        )
        .await;
        let dpo = add_account(
            &n.store,
            "dpo@example.fi",
            Role::DataProtectionOfficer,
            None,
            PASSWORD,
        )
        .await;
        for outsider in [&c, &js, &dpo] {
            assert!(refs::open_as(&n.store, outsider, id)
                .await
                .unwrap()
                .is_none());
        }
        // The sender cannot accept; the receiver can, once.
        let (r, cl, p) = refs::open_as(&n.store, &n.coach_a, id)
            .await
            .unwrap()
            .unwrap();
        assert!(refs::act(
            &n.store,
            &notices(),
            &n.coach_a,
            (&r, &cl, p),
            Action::Accept
        )
        .await
        .unwrap()
        .is_err());
        let (r, cl, p) = refs::open_as(&n.store, &n.coach_b, id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            refs::act(
                &n.store,
                &notices(),
                &n.coach_b,
                (&r, &cl, p),
                Action::Accept
            )
            .await
            .unwrap(),
            Ok(ReferralState::Accepted)
        );
        // The same stale page again: someone moved it first.
        assert_eq!(
            refs::act(
                &n.store,
                &notices(),
                &n.coach_b,
                (&r, &cl, p),
                Action::Accept
            )
            .await
            .unwrap(),
            Err(refs::MoveError::Moved)
        );
        for a in [Action::Start, Action::Complete(Outcome::WorkSubsidised)] {
            let (r, cl, p) = refs::open_as(&n.store, &n.coach_b, id)
                .await
                .unwrap()
                .unwrap();
            refs::act(&n.store, &notices(), &n.coach_b, (&r, &cl, p), a)
                .await
                .unwrap()
                .unwrap();
        }
        let r = n.store.referral(id).await.unwrap().unwrap();
        assert_eq!(
            (r.state, r.outcome),
            (ReferralState::Completed, Some(Outcome::WorkSubsidised))
        );
        assert!(r.answered_at.is_some());
        let events = n.store.referral_events(&[id]).await.unwrap();
        assert_eq!(events.len(), 4);
        // The person claims the record with the code and then sees it as theirs.
        let code = refs::new_claim_code(&n.store, &n.coach_a, &cl)
            .await
            .unwrap()
            .unwrap();
        assert!(refs::new_claim_code(&n.store, &n.coach_b, &cl)
            .await
            .unwrap()
            .is_none());
        assert_eq!(
            refs::claim(&n.store, &js, "WRONG-CODE-0000").await.unwrap(),
            refs::Claimed::Wrong
        );
        assert_eq!(
            refs::claim(&n.store, &n.coach_b, &code).await.unwrap(),
            refs::Claimed::NotAPerson
        );
        let refs::Claimed::Claimed(claimed) = refs::claim(&n.store, &js, &code.to_lowercase())
            .await
            .unwrap()
        else {
            panic!("the code claims the record");
        };
        assert_eq!(claimed.user_id, Some(js.id));
        assert_eq!(
            refs::claim(&n.store, &js, &code).await.unwrap(),
            refs::Claimed::Wrong,
            "a code works once"
        );
        // Guessing is throttled per account.
        for _ in 0..9 {
            refs::claim(&n.store, &js, "AAAA-BBBB-CCCC").await.unwrap();
        }
        assert!(matches!(
            refs::claim(&n.store, &js, "AAAA-BBBB-CCCC").await.unwrap(),
            refs::Claimed::Throttled(_)
        ));
        assert!(refs::open_as(&n.store, &js, id).await.unwrap().is_some());
    }
);

both_engines!(
    rotation_seals_again_under_the_new_key,
    |engine| async move {
        let n = network(engine).await;
        let old = test_data_keys();
        let (client, _) = refs::record_client(&n.store, &n.coach_a, "R. R.", None, None, false)
            .await
            .unwrap()
            .unwrap();
        let draft = Draft {
            client: client.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: "Kokeilu".into(),
                ..Summary::default()
            },
            health: Some("Muistiinpano".into()),
            consents: vec![
                Purpose::Referral,
                Purpose::ShareSummary,
                Purpose::ShareHealth,
            ],
        };
        let id = refs::send(&n.store, Some(&old), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let sealed = n.store.sealed_values(None, 10).await.unwrap();
        assert_eq!(sealed.len(), 1);
        assert_eq!(
            kolmonen::vault::DataKeys::id_of(&sealed[0].1),
            Some(old.current_id())
        );
        // A new key first, the old one after it: everything is sealed again under the new one.
        let new_text = kolmonen::vault::DataKeys::new_key_text();
        let both =
            kolmonen::vault::DataKeys::parse(&format!("{new_text}\n{}", test_data_key_text()))
                .unwrap();
        let r = refs::rotate_keys(&n.store, &both).await.unwrap();
        assert_eq!((r.resealed, r.already, r.unopened.len()), (1, 0, 0));
        let again = refs::rotate_keys(&n.store, &both).await.unwrap();
        assert_eq!((again.resealed, again.already), (0, 1));
        // Now the new key alone opens the summary and the notes.
        let only_new = kolmonen::vault::DataKeys::parse(&new_text).unwrap();
        let (r, c, _) = refs::open_as(&n.store, &n.coach_b, id)
            .await
            .unwrap()
            .unwrap();
        let (summary, health) = refs::read_contents(
            &n.store,
            Some(&only_new),
            &n.coach_b,
            (&r, &c, kolmonen::domain::referrals::Party::Receiver),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(
            (summary.wants.as_str(), health.as_deref()),
            ("Kokeilu", Some("Muistiinpano"))
        );
        // A key set without the sealing key names what it cannot open.
        let stranger =
            kolmonen::vault::DataKeys::parse(&kolmonen::vault::DataKeys::new_key_text()).unwrap();
        assert_eq!(
            refs::rotate_keys(&n.store, &stranger)
                .await
                .unwrap()
                .unopened,
            vec![id.to_string()]
        );
    }
);

/// The referral's id from a redirect to its page.
fn referral_of(location: &str) -> String {
    location
        .split("/referrals/")
        .nth(1)
        .and_then(|s| s.split('?').next())
        .expect("a referral page")
        .to_string()
}

both_engines!(
    a_warm_hand_over_end_to_end_in_the_browser,
    |engine| async move {
        use crate::common::{outbox, TestApp};
        let app = TestApp::spawn(engine).await;
        let services = app.get("/api/v1/services?per_page=50").await.json();
        let list = services["contents"].as_array().unwrap().clone();
        let svc = list[0]["id"].as_str().unwrap().to_string();
        let b_org = OrganizationId::parse(
            list[0]["organization"]["id"]
                .as_str()
                .or(list[0]["organization_id"].as_str())
                .unwrap(),
        )
        .unwrap();
        let a_org = list
            .iter()
            .filter_map(|s| {
                s["organization"]["id"]
                    .as_str()
                    .or(s["organization_id"].as_str())
            })
            .filter_map(OrganizationId::parse)
            .find(|o| *o != b_org)
            .unwrap();
        let mut coach_a = app
            .signed_in("coach@a.example", Role::OrganizationMember, Some(a_org))
            .await;
        let mut coach_b = app
            .signed_in("coach@b.example", Role::OrganizationAdmin, Some(b_org))
            .await;
        outbox(&app).await;

        // The service page offers a referral to a coach.
        let page = coach_a.get(&format!("/fi/services/{svc}")).await;
        let link = format!("/fi/referrals/new?to=service:{svc}");
        assert!(
            page.body.contains(&link.replace('&', "&amp;")),
            "refer link"
        );
        // Junk targets and a client with junk are refused, translated, nothing lost.
        let r = coach_a.get("/fi/referrals/new?to=nothing:1").await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(r.body.contains("Mihin lähete menee?"));
        let r = coach_a
            .post(
                "/fi/clients",
                &[
                    ("display_name", ""),
                    ("birth_year", "18"),
                    ("municipality", "xyz"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Kirjoita nimi tai nimikirjaimet."));
        assert!(r.body.contains("value=\"18\""));
        // A client: post, then redirect (a reload adds nothing); the claim code is made on the
        // client's page and shown once.
        let r = coach_a
            .post(
                "/fi/clients",
                &[
                    ("display_name", "M. K."),
                    ("birth_year", "1988"),
                    ("municipality", "398"),
                    ("to", &format!("service:{svc}")),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let client_page = r.header("location").to_string();
        let page = coach_a.get(&client_page).await;
        let continue_link = page
            .html()
            .select(&scraper::Selector::parse("a.button-link").unwrap())
            .next()
            .and_then(|a| a.value().attr("href").map(str::to_string))
            .expect("go on to the referral");
        let client_path = client_page.split('?').next().unwrap().to_string();
        let r = coach_a
            .post(&format!("{client_path}/claim-code"), &[])
            .await;
        assert_eq!(r.status, 200);
        let code = r
            .html()
            .select(&scraper::Selector::parse(".claim-code .code strong").unwrap())
            .next()
            .map(|e| e.text().collect::<String>())
            .expect("the code is shown");
        let client = continue_link.split("client=").nth(1).unwrap().to_string();
        let form = coach_a.get(&continue_link).await;
        assert_eq!(form.status, 200);
        assert!(
            form.body.contains("Annan luvan, että minut ohjataan"),
            "the consent text in full"
        );
        // Without consent: refused, everything typed kept.
        let to = format!("service:{svc}");
        let token = coach_a.csrf();
        let fields = |consents: &[&str]| {
            let mut f: Vec<(String, String)> = vec![
                ("csrf".into(), token.clone()),
                ("to".into(), to.clone()),
                ("client".into(), client.clone()),
                ("wants".into(), SECRET_SUMMARY.into()),
                ("tried".into(), "Työkokeilu 2025".into()),
                ("helps".into(), "Rauhallinen tila".into()),
                ("health".into(), String::new()),
            ];
            f.extend(
                consents
                    .iter()
                    .map(|c| ("consent".to_string(), c.to_string())),
            );
            f
        };
        let r = coach_a
            .post_raw("/fi/referrals/new", &fields(&["referral"]))
            .await;
        assert_eq!(r.status, 400);
        assert!(r
            .body
            .contains("Lähete ja yhteenveto tarvitsevat molemmat suostumuksen."));
        assert!(r.body.contains(SECRET_SUMMARY) && r.body.contains("Rauhallinen tila"));
        let r = coach_a
            .post_raw(
                "/fi/referrals/new",
                &fields(&["referral", "share_summary", "statistics"]),
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let id = referral_of(r.header("location"));
        // The receiver is told, without the contents.
        let mails = outbox(&app).await;
        assert!(mails.iter().any(|m| m.to == "coach@b.example"));
        assert!(mails.iter().all(|m| !m.body.contains("puusepän")));
        // The same form sent again (Back, then send): no second referral, no second notice;
        // the coach lands on the one already open.
        let again = coach_a
            .post_raw(
                "/fi/referrals/new",
                &fields(&["referral", "share_summary", "statistics"]),
            )
            .await;
        assert_eq!(again.status, 303);
        assert_eq!(referral_of(again.header("location")), id);
        assert!(again.header("location").ends_with("?done=already"));
        assert!(outbox(&app).await.is_empty());
        let page = coach_a.get(again.header("location")).await;
        assert!(page.body.contains("jo avoin lähete"), "{}", page.body);

        // The receiver reads the summary and accepts; a bad decline is refused with its reason.
        let page = coach_b.get(&format!("/fi/referrals/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(SECRET_SUMMARY));
        let r = coach_b
            .post(
                &format!("/fi/referrals/{id}"),
                &[("action", "decline"), ("reason", "junk")],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Valitse syy."));
        let r = coach_b
            .post(&format!("/fi/referrals/{id}"), &[("action", "accept")])
            .await;
        assert_eq!(r.status, 303);
        // The sender cannot start it.
        let r = coach_a
            .post(&format!("/fi/referrals/{id}"), &[("action", "start")])
            .await;
        assert_eq!(r.status, 409);
        let r = coach_a
            .post(&format!("/fi/referrals/{id}"), &[("action", "nonsense")])
            .await;
        assert_eq!(r.status, 400);
        for (a, extra) in [("start", ("", "")), ("complete", ("outcome", "education"))] {
            let r = coach_b
                .post(&format!("/fi/referrals/{id}"), &[("action", a), extra])
                .await;
            assert_eq!(r.status, 303, "{a}");
        }
        let page = coach_b.get(&format!("/fi/referrals/{id}")).await;
        assert!(page.body.contains("Päättynyt: Koulutus"));

        // The person claims the record, sees the path and the consents, and withdraws one.
        let mut person = app.signed_in("mk@example.fi", Role::JobSeeker, None).await;
        let r = person.post("/fi/claim", &[("code", "WRONG")]).await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("value=\"WRONG\""));
        let r = person.post("/fi/claim", &[("code", &code)]).await;
        assert_eq!(r.status, 303);
        let path = person.get("/fi/me/path").await;
        assert_eq!(path.status, 200);
        assert!(path.body.contains("Päättynyt: Koulutus") && path.body.contains("Lähetetty"));
        let consents = person.get("/fi/me/consents").await;
        assert!(consents.body.contains("Yhteenvedon lähettäminen"));
        let summary_consent = kolmonen::domain::referrals::ClientId::parse(&client).unwrap();
        let all = app.store.consents_of(&[summary_consent]).await.unwrap();
        let share = all
            .iter()
            .find(|c| c.purpose == Purpose::ShareSummary)
            .unwrap()
            .id;
        // Nobody else withdraws it.
        let r = coach_b
            .post(&format!("/fi/me/consents/{share}/withdraw"), &[])
            .await;
        assert_eq!(r.status, 404);
        let r = person
            .post(&format!("/fi/me/consents/{share}/withdraw"), &[])
            .await;
        assert_eq!(r.status, 303);
        // From that moment the receiver's page, and the person's, no longer hold the summary.
        let page = coach_b.get(&format!("/fi/referrals/{id}")).await;
        assert!(!page.body.contains(SECRET_SUMMARY));
        assert!(page.body.contains("suostumus on peruttu"));
        // The person's own export still holds their summary (their right of access), with the
        // consents, steps and audit rows.
        let export = person.get("/fi/me/export").await;
        assert_eq!(export.status, 200);
        let e = export.json();
        let w = &e["warm_hand_over"];
        assert_eq!(w["referrals"][0]["summary"]["wants"], SECRET_SUMMARY);
        assert!(w["consents"].as_array().unwrap().len() >= 3);
        assert!(w["referral_steps"].as_array().unwrap().len() >= 4);
        assert!(!w["audit"].as_array().unwrap().is_empty());
        // Nobody else's export carries audit rows (an account with no records of its own gets
        // none, never everybody's).
        for br in [&mut coach_a, &mut coach_b] {
            let e = br.get("/fi/me/export").await.json();
            assert_eq!(e["warm_hand_over"]["audit"], serde_json::json!([]), "{e}");
        }
        // The person's audit page lists the reads by the receiving organization.
        let audit = person.get("/fi/me/audit").await;
        assert!(audit.body.contains("Lähete · luettu"), "{}", audit.body);
        // The data-protection officer reads the log, not the summary.
        let mut dpo = app
            .signed_in("dpo@example.fi", Role::DataProtectionOfficer, None)
            .await;
        let log = dpo.get("/fi/admin/audit?verify=1").await;
        assert_eq!(log.status, 200);
        assert!(log.body.contains("Ketju on ehjä"));
        assert_eq!(dpo.get(&format!("/fi/referrals/{id}")).await.status, 404);
        assert_eq!(coach_a.get("/fi/admin/audit").await.status, 403);
        // Sv and en render the same pages.
        for lang in ["sv", "en"] {
            assert_eq!(person.get(&format!("/{lang}/me/path")).await.status, 200);
            assert_eq!(
                coach_b.get(&format!("/{lang}/referrals/{id}")).await.status,
                200
            );
            assert_eq!(
                coach_a
                    .get(&format!("/{lang}/clients/{client}"))
                    .await
                    .status,
                200
            );
        }
    }
);

both_engines!(
    every_referral_route_refuses_every_outsider,
    |engine| async move {
        use crate::common::{Browser, TestApp};
        let n_app = TestApp::spawn(engine).await;
        let app = &n_app;
        let store = &app.store;
        let services = store
            .services(
                &ServiceFilter::default(),
                kolmonen::store::PageRequest::new(1, 100),
            )
            .await
            .unwrap();
        let b = services.items[0].organization_id;
        let orgs: Vec<OrganizationId> = store
            .organizations(
                &Default::default(),
                kolmonen::store::PageRequest::new(1, 50),
            )
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|o| o.id)
            .filter(|o| *o != b)
            .collect();
        let (a, c) = (orgs[0], orgs[1]);
        let coach_a = add_account(
            store,
            "coach@a.example",
            Role::OrganizationMember,
            Some(a),
            PASSWORD,
        )
        .await;
        let (client, _) = refs::record_client(store, &coach_a, "X. Y.", None, None, true)
            .await
            .unwrap()
            .unwrap();
        let draft = Draft {
            client: client.id,
            target: Target::Service(services.items[0].id),
            summary: Summary {
                wants: SECRET_SUMMARY.into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![Purpose::Referral, Purpose::ShareSummary],
        };
        let id = refs::send(store, Some(&test_data_keys()), &notices(), &coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let consent = store.consents_of(&[client.id]).await.unwrap()[0].id;
        // Every route of the area, from the router, with real ids.
        let routes: Vec<String> = kolmonen::route_patterns()
            .into_iter()
            .filter(|p| {
                p.contains("/referrals")
                    || p.contains("/clients")
                    || p.contains("/consents")
                    || p.contains("/claim")
                    || p.contains("/admin/audit")
                    || p.contains("/me/path")
            })
            .map(|p| {
                p.replace("{lang}", "fi")
                    .replace("{client}", &client.id.to_string())
                    .replace("/clients/{id}", &format!("/clients/{}", client.id))
                    .replace("/referrals/{id}", &format!("/referrals/{id}"))
                    .replace("/consents/{id}", &format!("/consents/{consent}"))
            })
            .collect();
        assert!(routes.len() >= 12, "{routes:?}");
        let roles: Vec<(&str, Role, Option<OrganizationId>)> = vec![
            ("js@x.example", Role::JobSeeker, None),
            ("member@c.example", Role::OrganizationMember, Some(c)),
            ("admin@c.example", Role::OrganizationAdmin, Some(c)),
            ("coord@x.example", Role::NetworkCoordinator, None),
            ("platform@x.example", Role::PlatformAdmin, None),
            ("dpo@x.example", Role::DataProtectionOfficer, None),
        ];
        let mut anon = Browser::new(app);
        for route in &routes {
            let r = anon.get(route).await;
            assert!(
                matches!(r.status.as_u16(), 303 | 405),
                "signed out GET {route}: {}",
                r.status
            );
            assert!(!r.body.contains(SECRET_SUMMARY));
        }
        for (email, role, org) in roles {
            let mut br = app.signed_in(email, role, org).await;
            for route in &routes {
                let open_to_all = route.ends_with("/fi/referrals")
                    || route.ends_with("/claim")
                    || route.ends_with("/me/consents")
                    || route.ends_with("/me/path")
                    || route.contains("/referrals/new")
                    || (route.ends_with("/clients") && role == Role::OrganizationAdmin)
                    || (route.ends_with("/clients") && role == Role::OrganizationMember)
                    || (route.ends_with("/admin/audit") && role == Role::DataProtectionOfficer);
                let r = br.get(route).await;
                assert!(!r.body.contains(SECRET_SUMMARY), "{role:?} GET {route}");
                assert!(
                    !r.body.contains("X. Y."),
                    "{role:?} GET {route} shows the client"
                );
                if !open_to_all {
                    assert!(
                        matches!(r.status.as_u16(), 403..=405),
                        "{role:?} GET {route}: {}",
                        r.status
                    );
                }
                let r = br
                    .post(
                        route,
                        &[
                            ("action", "accept"),
                            ("display_name", "Z"),
                            ("code", "AAAA"),
                        ],
                    )
                    .await;
                assert!(!r.body.contains(SECRET_SUMMARY), "{role:?} POST {route}");
                if !open_to_all {
                    assert!(
                        matches!(r.status.as_u16(), 400 | 403 | 404 | 405),
                        "{role:?} POST {route}: {}",
                        r.status
                    );
                }
            }
        }
        // Nothing moved, nothing withdrawn, the code still unclaimed.
        assert_eq!(
            store.referral(id).await.unwrap().unwrap().state,
            ReferralState::Sent
        );
        assert!(store
            .consent(consent)
            .await
            .unwrap()
            .unwrap()
            .withdrawn_at
            .is_none());
        assert!(store
            .client(client.id)
            .await
            .unwrap()
            .unwrap()
            .user_id
            .is_none());
    }
);

both_engines!(
    impact_counts_only_consented_referrals_and_hides_small_cells,
    |engine| async move {
        use crate::common::TestApp;
        let n = network(engine).await;
        let keys = test_data_keys();
        // Five people referred with a statistics consent each.
        let mut statistics = Vec::new();
        for k in 0..5 {
            let (client, _) = refs::record_client(
                &n.store,
                &n.coach_a,
                &format!("S{k}"),
                None,
                Some("398".into()),
                false,
            )
            .await
            .unwrap()
            .unwrap();
            let draft = Draft {
                client: client.id,
                target: Target::Service(n.service_b),
                summary: Summary {
                    wants: "Kokeilu".into(),
                    ..Summary::default()
                },
                health: None,
                consents: vec![
                    Purpose::Referral,
                    Purpose::ShareSummary,
                    Purpose::Statistics,
                ],
            };
            let id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
                .await
                .unwrap()
                .unwrap();
            // Counted once the receiver answers (one account alone cannot fill a view).
            let (r, cl, p) = refs::open_as(&n.store, &n.coach_b, id)
                .await
                .unwrap()
                .unwrap();
            refs::act(
                &n.store,
                &notices(),
                &n.coach_b,
                (&r, &cl, p),
                Action::Accept,
            )
            .await
            .unwrap()
            .unwrap();
            let c = n.store.consents_of(&[client.id]).await.unwrap();
            statistics.push(
                c.iter()
                    .find(|c| c.purpose == Purpose::Statistics)
                    .unwrap()
                    .id,
            );
        }
        // And one without: not counted.
        let (other, _) = refs::record_client(&n.store, &n.coach_a, "N", None, None, false)
            .await
            .unwrap()
            .unwrap();
        let draft = Draft {
            client: other.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: "Kokeilu".into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![Purpose::Referral, Purpose::ShareSummary],
        };
        refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let app = TestApp::with_store(n.store.clone());
        let api = app.get("/api/v1/impact").await;
        assert_eq!(api.status, 200, "{}", api.body);
        let j = api.json();
        assert_eq!(j["people"], 5);
        assert_eq!(j["referrals"], 5);
        assert_eq!(j["suppressed_below"], 5);
        // A withdrawn statistics consent leaves the figures at once: four is "<5" (null).
        refs::withdraw(&n.store, &notices(), &n.coach_a, statistics[0])
            .await
            .unwrap();
        let j = app.get("/api/v1/impact").await.json();
        assert!(j["people"].is_null() && j["referrals"].is_null(), "{j}");
        // Nowhere a count under 5: not in the JSON, not in the CSV, not on the page.
        for t in j["tables"].as_array().unwrap() {
            for v in t["cells"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r.as_array().unwrap().clone())
                .chain(t["row_totals"].as_array().unwrap().iter().cloned())
                .chain(t["column_totals"].as_array().unwrap().iter().cloned())
            {
                assert!(
                    v.is_null() || v.as_u64().is_some_and(|n| n == 0 || n >= 5),
                    "{v} in {t}"
                );
            }
        }
        let csv = app.get("/fi/impact.csv").await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        for line in csv
            .body
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with("summary,"))
        {
            let v = line.rsplit(',').next().unwrap();
            assert!(
                v == "<5" || v.parse::<u64>().is_ok_and(|n| n == 0 || n >= 5),
                "{line}"
            );
        }
        let page = app.get("/fi/impact").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Vaikuttavuus")
                && (page.body.contains("&lt;5") || page.body.contains("&#60;5"))
        );
        for lang in ["sv", "en"] {
            assert_eq!(app.get(&format!("/{lang}/impact")).await.status, 200);
        }
        // Bad filters: a translated 400 that keeps what was chosen; problem+json from the API.
        let r = app.get("/fi/impact?municipality=999&kind=work_trial").await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Valitse kunta luettelosta."));
        assert!(r.body.contains("<option value=\"work_trial\" selected>"));
        let r = app.get("/api/v1/impact?quarter=2026Q9").await;
        assert_eq!(r.status, 400);
        assert!(r
            .header("content-type")
            .starts_with("application/problem+json"));
        assert_eq!(app.get("/fi/impact.csv?organization=x").await.status, 400);
        // A filtered view of fewer than 20 people shows nothing (it could be subtracted
        // from another down to one person).
        let j = app
            .get("/api/v1/impact?municipality=398&quarter=2026Q4")
            .await
            .json();
        assert_eq!(
            (j["too_few"].as_bool(), j["people"].is_null()),
            (Some(true), true),
            "{j}"
        );
        assert!(j["tables"].as_array().unwrap().is_empty());
        let page = app.get("/fi/impact?municipality=398").await;
        assert!(page.body.contains("alle 20 henkilöä"));
    }
);

both_engines!(
    the_demo_has_two_hundred_referrals_with_a_picture_of_impact,
    |engine| async move {
        use crate::common::{demo_store, TestApp};
        let store = demo_store(engine).await;
        let made = kolmonen::demo::seed_referrals(
            &store,
            &test_data_keys(),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
        assert_eq!(made, 200);
        let app = TestApp::with_store(store.clone());
        let j = app.get("/api/v1/impact").await.json();
        assert!(j["referrals"].as_u64().is_some_and(|n| n >= 150), "{j}");
        let flow = j["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == "flow")
            .unwrap();
        assert!(flow["total"].as_u64().unwrap() > 50);
        let page = app.get("/fi/impact").await;
        assert!(page.body.contains("<svg class=\"flow\""));
        // The audit chain of a seeded database holds.
        assert_eq!(
            kolmonen::referrals::verify(&store).await.unwrap().broken,
            None
        );
    }
);

both_engines!(
    waiting_referrals_remind_and_follow_ups_are_asked_on_a_moved_clock,
    |engine| async move {
        let n = network(engine).await;
        let keys = test_data_keys();
        let (client, code) = refs::record_client(&n.store, &n.coach_a, "F. U.", None, None, true)
            .await
            .unwrap()
            .unwrap();
        let person = add_account(&n.store, "fu@example.fi", Role::JobSeeker, None, PASSWORD).await;
        refs::claim(&n.store, &person, &code.unwrap())
            .await
            .unwrap();
        let draft = Draft {
            client: client.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: "Kokeilu".into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![Purpose::Referral, Purpose::ShareSummary, Purpose::FollowUp],
        };
        let id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let app = crate::common::TestApp::with_store(n.store.clone());
        crate::common::outbox(&app).await;
        let now = time::OffsetDateTime::now_utc();
        let jobs = |at| {
            let s = n.store.clone();
            async move { refs::run_jobs(&s, &notices(), at).await.unwrap() }
        };
        // Two calendar days: nothing yet.
        assert_eq!(
            jobs(now + time::Duration::days(2)).await,
            refs::Jobs::default()
        );
        // Eight calendar days hold at least five working days: the receiver is reminded, once.
        let j = jobs(now + time::Duration::days(8)).await;
        assert_eq!((j.receivers_reminded, j.senders_reminded), (1, 0));
        assert_eq!(
            jobs(now + time::Duration::days(9)).await.receivers_reminded,
            0
        );
        let mails = crate::common::outbox(&app).await;
        assert!(mails.iter().all(|m| m.to == "coach@b.example"), "{mails:?}");
        // Sixteen: ten working days, the sender too.
        let j = jobs(now + time::Duration::days(16)).await;
        assert_eq!((j.receivers_reminded, j.senders_reminded), (0, 1));
        // Completed: the follow-ups come due at 3, 6 and 12 months; the person has an account
        // and a follow-up consent, so the question goes to them.
        for a in [
            Action::Accept,
            Action::Start,
            Action::Complete(Outcome::WorkSubsidised),
        ] {
            let (r, c, p) = refs::open_as(&n.store, &n.coach_b, id)
                .await
                .unwrap()
                .unwrap();
            refs::act(&n.store, &notices(), &n.coach_b, (&r, &c, p), a)
                .await
                .unwrap()
                .unwrap();
        }
        crate::common::outbox(&app).await;
        assert_eq!(
            jobs(now + time::Duration::days(30)).await.follow_ups_asked,
            0
        );
        assert_eq!(
            jobs(now + time::Duration::days(95)).await.follow_ups_asked,
            1
        );
        let mails = crate::common::outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "fu@example.fi");
        assert_eq!(
            jobs(now + time::Duration::days(400)).await.follow_ups_asked,
            2
        );
        // Answered by the person (a follow-up not yet due is refused).
        let (r, c, _) = refs::open_as(&n.store, &person, id).await.unwrap().unwrap();
        assert_eq!(
            refs::answer_follow_up(
                &n.store,
                &person,
                (&r, &c, kolmonen::domain::referrals::Party::Person),
                3,
                Outcome::WorkOpenMarket
            )
            .await
            .unwrap(),
            Err(refs::FollowUpError::NotOpen)
        );
        // Once due, the person answers on the referral's page; the sender cannot.
        sqlx_exec(&n, "UPDATE follow_ups SET due_at = 0 WHERE months = 3").await;
        let (r, c, _) = refs::open_as(&n.store, &person, id).await.unwrap().unwrap();
        assert_eq!(
            refs::answer_follow_up(
                &n.store,
                &n.coach_a,
                (&r, &c, kolmonen::domain::referrals::Party::Sender),
                3,
                Outcome::WorkOpenMarket
            )
            .await
            .unwrap(),
            Err(refs::FollowUpError::NotYours)
        );
        let mut br = crate::common::Browser::new(&app);
        br.sign_in("fu@example.fi", PASSWORD).await;
        let page = br.get(&format!("/fi/referrals/{id}")).await;
        assert!(
            page.body.contains("3 kuukautta päättymisen jälkeen"),
            "{}",
            page.body
        );
        let r = br
            .post(
                &format!("/fi/referrals/{id}/follow-up"),
                &[("months", "3"), ("follow_up_outcome", "junk")],
            )
            .await;
        assert_eq!(r.status, 400);
        let r = br
            .post(
                &format!("/fi/referrals/{id}/follow-up"),
                &[("months", "3"), ("follow_up_outcome", "work_open_market")],
            )
            .await;
        assert_eq!(r.status, 303);
        let path = br.get("/fi/me/path").await;
        assert!(
            path.body
                .contains("Seuranta 3 kuukauden jälkeen: Työ avoimilla työmarkkinoilla"),
            "{}",
            path.body
        );
        let again = br
            .post(
                &format!("/fi/referrals/{id}/follow-up"),
                &[("months", "3"), ("follow_up_outcome", "education")],
            )
            .await;
        assert_eq!(again.status, 409);
    }
);

/// Runs SQL on a network's own database file (for moving a date).
async fn sqlx_exec(n: &Network, sql: &str) {
    raw(&n.url, sql).await;
}

both_engines!(
    retention_anonymizes_deletes_and_prunes_on_a_moved_clock,
    |engine| async move {
        let n = network(engine).await;
        let keys = test_data_keys();
        let (client, _) = refs::record_client(&n.store, &n.coach_a, "R. T.", None, None, false)
            .await
            .unwrap()
            .unwrap();
        let draft = Draft {
            client: client.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: SECRET_SUMMARY.into(),
                ..Summary::default()
            },
            health: Some("Muistiinpano".into()),
            consents: vec![
                Purpose::Referral,
                Purpose::ShareSummary,
                Purpose::ShareHealth,
            ],
        };
        // One declined, then a new one to the same service (open while the first was,
        // it would be refused as sent twice).
        let closed_id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let (r, c, p) = refs::open_as(&n.store, &n.coach_b, closed_id)
            .await
            .unwrap()
            .unwrap();
        refs::act(
            &n.store,
            &notices(),
            &n.coach_b,
            (&r, &c, p),
            Action::Decline(kolmonen::domain::referrals::DeclineReason::NoCapacity),
        )
        .await
        .unwrap()
        .unwrap();
        let open_id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        let rows_before = n.store.audit_head().await.unwrap().seq;
        let retention = refs::Retention {
            referrals: refs::parse_period("1y").unwrap(),
            clients: refs::parse_period("2y").unwrap(),
            audit: refs::parse_period("3y").unwrap(),
        };
        let now = time::OffsetDateTime::now_utc();
        // Today: nothing is past its time.
        assert_eq!(
            refs::run_retention(&n.store, &retention, now)
                .await
                .unwrap(),
            refs::Removed::default()
        );
        // In 13 months: the closed referral loses its summary; the open one keeps it.
        let later = now + time::Duration::days(400);
        let r = refs::run_retention(&n.store, &retention, later)
            .await
            .unwrap();
        assert_eq!(
            (
                r.referrals_anonymized,
                r.clients_deleted,
                r.audit_rows_pruned
            ),
            (1, 0, 0)
        );
        let sealed = n.store.sealed_values(None, 10).await.unwrap();
        let of = |id| sealed.iter().find(|(i, _, _)| *i == id).unwrap().clone();
        assert_eq!((of(closed_id).1.as_str(), of(closed_id).2), ("", None));
        assert!(!of(open_id).1.is_empty());
        assert_eq!(
            n.store.referral(closed_id).await.unwrap().unwrap().state,
            ReferralState::Declined
        );
        // Rotation passes over what retention emptied.
        assert!(refs::rotate_keys(&n.store, &keys)
            .await
            .unwrap()
            .unopened
            .is_empty());
        // In 4 years: the idle client record goes (its referrals with it), and the audit rows
        // older than 3 years go as a prefix; the chain still verifies and says it was pruned.
        let much_later = now + time::Duration::days(4 * 365);
        let r = refs::run_retention(&n.store, &retention, much_later)
            .await
            .unwrap();
        assert_eq!(r.clients_deleted, 1);
        assert!(r.audit_rows_pruned >= rows_before as u64, "{r:?}");
        assert!(n.store.client(client.id).await.unwrap().is_none());
        assert!(n.store.referral(open_id).await.unwrap().is_none());
        let v = kolmonen::referrals::verify(&n.store).await.unwrap();
        assert_eq!(v.broken, None, "{v:?}");
        let head = n.store.audit_head().await.unwrap();
        assert!(head.first_seq > 1);
        let last = n.store.audit_chain(head.seq, 1).await.unwrap();
        assert_eq!(
            (last[0].purpose.as_str(), last[0].action.as_str()),
            ("retention", "prune")
        );
        // And an attacker removing one more row from the front is still found.
        raw(
            &n.url,
            &format!("DELETE FROM audit_log WHERE seq = {}", head.first_seq),
        )
        .await;
        assert!(kolmonen::referrals::verify(&n.store)
            .await
            .unwrap()
            .broken
            .is_some());
        assert!(refs::parse_period("5x").is_err() && refs::parse_period("0y").is_err());
    }
);

/// The kept impact counts equal counting the referrals from scratch, for every kind of
/// filter a page gives, at `at`.
async fn counts_hold(store: &DynStore, at: time::OffsetDateTime, what: &str) -> u64 {
    use kolmonen::store::{ImpactCube, ImpactFilter};
    fn sorted(mut c: ImpactCube) -> ImpactCube {
        c.referrals
            .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        c.answer_days.sort();
        c.steps.sort();
        c.follow_ups
            .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        c
    }
    let all = store
        .impact_cube_scan(&Default::default(), at)
        .await
        .unwrap();
    let mut filters = vec![ImpactFilter::default()];
    for m in ["398", "016", "091"] {
        filters.push(ImpactFilter {
            municipality: Some(m.into()),
            ..Default::default()
        });
    }
    for (k, q, ..) in all.referrals.iter().take(6) {
        filters.push(ImpactFilter {
            kind: Some(k.clone()),
            ..Default::default()
        });
        filters.push(ImpactFilter {
            quarter: Some(q.clone()),
            municipality: Some("398".into()),
            ..Default::default()
        });
    }
    let services = store
        .services(
            &ServiceFilter::default(),
            kolmonen::store::PageRequest::new(1, 100),
        )
        .await
        .unwrap();
    for s in services.items.iter().take(4) {
        filters.push(ImpactFilter {
            organization: Some(s.organization_id),
            ..Default::default()
        });
    }
    // The demo network, alone and with a municipality.
    let network = Some(kolmonen::demo::demo_network().0.id);
    filters.push(ImpactFilter {
        network,
        ..Default::default()
    });
    filters.push(ImpactFilter {
        network,
        municipality: Some("398".into()),
        ..Default::default()
    });
    for f in &filters {
        let kept = store.impact_cube(f, at).await.unwrap();
        let scanned = store.impact_cube_scan(f, at).await.unwrap();
        assert_eq!(sorted(kept), sorted(scanned), "{what}: {f:?}");
    }
    // The network's figures are some, not all and not none.
    let members = store
        .impact_cube(&filters[filters.len() - 2], at)
        .await
        .unwrap();
    assert!(
        all.people == 0 || (members.people > 0 && members.people <= all.people),
        "{what}: {} of {}",
        members.people,
        all.people
    );
    all.people
}

both_engines!(
    kept_impact_counts_equal_counting_from_scratch_through_every_change,
    |engine| async move {
        let n = network(engine).await;
        let keys = test_data_keys();
        let now = time::OffsetDateTime::now_utc();
        kolmonen::demo::seed_referrals(&n.store, &keys, now)
            .await
            .unwrap();
        let people = counts_hold(&n.store, now, "seeded").await;
        assert!(people > 50, "{people}");
        // Built again from nothing (as after the counts' tables came to an existing database).
        raw(&n.url, "UPDATE impact_state SET built = 0").await;
        raw(&n.url, "DELETE FROM impact_counts").await;
        counts_hold(&n.store, now, "rebuilt").await;
        // A person with an account: referred, moved on, a follow-up answered, the statistics
        // consent withdrawn, then the account erased.
        let (client, code) = refs::record_client(
            &n.store,
            &n.coach_a,
            "I. C.",
            None,
            Some("398".into()),
            true,
        )
        .await
        .unwrap()
        .unwrap();
        let person = add_account(&n.store, "ic@example.fi", Role::JobSeeker, None, PASSWORD).await;
        refs::claim(&n.store, &person, &code.unwrap())
            .await
            .unwrap();
        let draft = Draft {
            client: client.id,
            target: Target::Service(n.service_b),
            summary: Summary {
                wants: "Kokeilu".into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![
                Purpose::Referral,
                Purpose::ShareSummary,
                Purpose::FollowUp,
                Purpose::Statistics,
            ],
        };
        let id = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        counts_hold(&n.store, now, "sent").await;
        for a in [
            Action::Accept,
            Action::Start,
            Action::Complete(Outcome::Education),
        ] {
            let (r, c, p) = refs::open_as(&n.store, &n.coach_b, id)
                .await
                .unwrap()
                .unwrap();
            refs::act(&n.store, &notices(), &n.coach_b, (&r, &c, p), a)
                .await
                .unwrap()
                .unwrap();
            counts_hold(&n.store, now, &format!("{a:?}")).await;
        }
        sqlx_exec(&n, "UPDATE follow_ups SET due_at = 0 WHERE months = 3").await;
        let (r, c, _) = refs::open_as(&n.store, &person, id).await.unwrap().unwrap();
        refs::answer_follow_up(
            &n.store,
            &person,
            (&r, &c, kolmonen::domain::referrals::Party::Person),
            3,
            Outcome::WorkOpenMarket,
        )
        .await
        .unwrap()
        .unwrap();
        let before = counts_hold(&n.store, now, "followed up").await;
        let statistics = n
            .store
            .consents_of(&[client.id])
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.purpose == Purpose::Statistics)
            .unwrap();
        refs::withdraw(&n.store, &notices(), &person, statistics.id)
            .await
            .unwrap();
        assert_eq!(counts_hold(&n.store, now, "withdrawn").await, before - 1);
        // Another one of the person's referrals, counted, then the account erased.
        let again = refs::send(&n.store, Some(&keys), &notices(), &n.coach_a, &draft)
            .await
            .unwrap()
            .unwrap();
        assert!(n.store.referral(again).await.unwrap().is_some());
        assert_eq!(
            counts_hold(&n.store, now, "sent again").await,
            before - 1,
            "not counted before an answer"
        );
        let (r, c, p) = refs::open_as(&n.store, &n.coach_b, again)
            .await
            .unwrap()
            .unwrap();
        refs::act(
            &n.store,
            &notices(),
            &n.coach_b,
            (&r, &c, p),
            Action::Decline(kolmonen::domain::referrals::DeclineReason::NoCapacity),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(counts_hold(&n.store, now, "declined").await, before);
        assert!(n.store.delete_user(person.id).await.unwrap());
        assert_eq!(counts_hold(&n.store, now, "erased").await, before - 1);
        // Statistics consents run out after a year: a later reading counts none of them.
        let later = now + time::Duration::days(800);
        assert_eq!(counts_hold(&n.store, later, "expired").await, 0);
        assert_eq!(
            n.store
                .impact_cube(&Default::default(), later)
                .await
                .unwrap(),
            Default::default()
        );
    }
);
