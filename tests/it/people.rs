//! People (issue 6), over HTTP on both engines: who sees a profile (a private one never
//! appears anywhere), the reasons of the matches, the workflow of interest is in `threads`;
//! export and deletion, and saved-search alerts.

use crate::common::PASSWORD;
use crate::common::{Browser, TestApp};
use kolmonen::accounts::{Role, User};
use kolmonen::domain::{Opportunity, OpportunityId, OpportunityStatus, OrganizationId};
use kolmonen::mail::OutgoingMail;
use kolmonen::store::{DirectoryBatch, OpportunityFilter, PageRequest};

/// Takes every message waiting in the outbox, as a mail node would.
pub(crate) async fn outbox(app: &TestApp) -> Vec<OutgoingMail> {
    let now = time::OffsetDateTime::now_utc();
    app.store
        .lease_mail(
            "test",
            now + time::Duration::hours(1),
            now + time::Duration::hours(2),
            1000,
        )
        .await
        .unwrap()
}

/// Runs the alerts due at `at` (as the server's hourly check does): digests queued.
async fn alerts(app: &TestApp, at: time::OffsetDateTime) -> usize {
    let searcher = kolmonen::search::Searcher::new(app.store.clone());
    // The key every node shares through the database.
    let keys = kolmonen::accounts::keys::Keys::load(&app.store, None)
        .await
        .unwrap();
    kolmonen::people::alerts::send_due(&app.store, &searcher, "https://k.example", &keys, at)
        .await
        .unwrap()
}

/// A verified demo organization with an open place that has places free.
pub(crate) async fn verified_with_open_place(app: &TestApp) -> (OrganizationId, Opportunity) {
    for id in app.store.organization_ids().await.unwrap() {
        let org = app.store.organization(id).await.unwrap().unwrap();
        if !org.verified {
            continue;
        }
        let filter = OpportunityFilter {
            organization_id: Some(id),
            open_only: true,
            ..Default::default()
        };
        let opps = app
            .store
            .opportunities(&filter, PageRequest::new(1, 100))
            .await
            .unwrap();
        if let Some(o) = opps
            .items
            .into_iter()
            .find(|o| o.places_free > 0 && !o.topics.is_empty())
        {
            return (id, o);
        }
    }
    panic!("the demo has a verified organization with an open place");
}

pub(crate) struct People<'a> {
    pub seeker: User,
    pub seeker_br: Browser<'a>,
    pub member_br: Browser<'a>,
    pub anon: Browser<'a>,
    pub org: OrganizationId,
    pub place: Opportunity,
}

pub(crate) async fn people(app: &TestApp) -> People<'_> {
    app.store
        .save_people(&kolmonen::demo::demo_people().unwrap())
        .await
        .unwrap();
    let (org, place) = verified_with_open_place(app).await;
    let seeker = app
        .account("seeker@example.fi", Role::JobSeeker, None)
        .await;
    app.account("member@example.fi", Role::OrganizationMember, Some(org))
        .await;
    let mut seeker_br = Browser::from_addr(app, "192.0.2.10:1");
    assert_eq!(
        seeker_br
            .sign_in("seeker@example.fi", PASSWORD)
            .await
            .status,
        303
    );
    let mut member_br = Browser::from_addr(app, "192.0.2.11:1");
    assert_eq!(
        member_br
            .sign_in("member@example.fi", PASSWORD)
            .await
            .status,
        303
    );
    People {
        seeker,
        seeker_br,
        member_br,
        anon: Browser::from_addr(app, "192.0.2.12:1"),
        org,
        place,
    }
}

pub(crate) fn profile_form<'a>(visibility: &'a str, topic: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("display_name", "Ksylofonisti"),
        ("introduction", "Soitan ksylofonia ja korjaan soittimia."),
        ("municipality", "398"),
        ("hours_per_week", "25"),
        ("visibility", visibility),
        ("interests", topic),
        ("interests", "music"),
        ("skills", "music"),
        ("skills", "hand-tools"),
        ("kinds", "work_trial"),
        ("kinds", "volunteering"),
        ("age_band", "58-plus"),
        ("pool_58", "on"),
    ]
}

both_engines!(
    a_private_profile_never_appears_anywhere,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        let topic = p.place.topics[0].clone();
        let r = p
            .seeker_br
            .post("/fi/me", &profile_form("private", &topic))
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let me = format!("/fi/people/{}", p.seeker.id);
        let fit = format!("/fi/talent?opportunity={}", p.place.id);
        let looks = [
            "/fi/talent",
            "/fi/talent?q=ksylofoni",
            "/fi/talent?pool_58=on&municipality=398",
            fit.as_str(),
        ];
        for url in looks {
            let r = p.member_br.get(url).await;
            assert_eq!(r.status, 200, "{url}");
            assert!(
                !r.body.contains("Ksylofonisti"),
                "{url} shows a private profile"
            );
        }
        // Demo people who show themselves are found: the talent search works.
        assert!(p
            .member_br
            .get("/fi/talent")
            .await
            .body
            .contains("Pyöränkorjaaja"));
        assert_eq!(p.member_br.get(&me).await.status, 404);
        assert_eq!(p.anon.get(&me).await.status, 404);
        for url in [
            "/fi/search?q=ksylofoni",
            "/api/v1/search?q=ksylofoni",
            "/api/v1/search?q=Ksylofonisti",
        ] {
            let r = p.anon.get(url).await;
            assert!(
                !r.body.contains("Ksylofonisti") && !r.body.contains("ksylofonia"),
                "{url}"
            );
        }
        // Nobody else's export holds it.
        let other = p.member_br.get("/fi/me/export").await;
        assert_eq!(other.status, 200);
        assert!(!other.body.contains("Ksylofonisti"));
        // Nobody looked, so the log is empty.
        assert!(app
            .store
            .profile_views(p.seeker.id, 10)
            .await
            .unwrap()
            .is_empty());

        // Shown to organizations: the member finds it, the public still does not.
        let r = p
            .seeker_br
            .post("/fi/me", &profile_form("organizations", &topic))
            .await;
        assert_eq!(r.status, 303);
        let r = p.member_br.get("/fi/talent?q=ksylofoni").await;
        assert!(r.body.contains("Ksylofonisti"), "{}", r.body);
        let r = p.member_br.get(&fit).await;
        assert!(r.body.contains("Ksylofonisti"));
        assert!(r.body.contains("Kiinnostunut:"), "the fit is explained");
        assert_eq!(p.member_br.get(&me).await.status, 200);
        assert_eq!(p.anon.get(&me).await.status, 404);
        // Its owner sees it as organizations do (the link on their own page).
        let own = p.seeker_br.get(&me).await;
        assert_eq!(own.status, 200);
        assert!(own.body.contains("Ksylofonisti"));
        // Public: anyone, and never the address.
        let r = p
            .seeker_br
            .post("/fi/me", &profile_form("public", &topic))
            .await;
        assert_eq!(r.status, 303);
        let r = p.anon.get(&me).await;
        assert_eq!(r.status, 200);
        assert!(!r.body.contains("seeker@example.fi"));
        // Private again: gone from the pool on this node at once.
        let r = p
            .seeker_br
            .post("/fi/me", &profile_form("private", &topic))
            .await;
        assert_eq!(r.status, 303);
        let r = p.member_br.get("/fi/talent?q=ksylofoni").await;
        assert!(!r.body.contains("Ksylofonisti"));
        assert_eq!(p.anon.get(&me).await.status, 404);

        // Every look by the organization is in the person's log, with who looked.
        let audit = p.seeker_br.get("/fi/me/audit").await;
        let org = app.store.organization(p.org).await.unwrap().unwrap();
        assert!(audit.body.contains(&org.name), "{}", audit.body);
        assert!(audit.body.contains("Osaajahaun tuloksissa"));
        assert!(audit.body.contains("Avasi profiilisi"));
    }
);

both_engines!(
    the_talent_search_is_for_verified_organizations_only,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        assert_eq!(p.seeker_br.get("/fi/talent").await.status, 403);
        let r = p.anon.get("/fi/talent").await;
        assert_eq!(r.status, 303, "sign in first");
        let unverified = app
            .store
            .organization_ids()
            .await
            .unwrap()
            .into_iter()
            .find(|id| *id != p.org)
            .unwrap();
        let mut o = app.store.organization(unverified).await.unwrap().unwrap();
        o.verified = false;
        kolmonen::services::save_batch(
            app.store.as_ref(),
            &DirectoryBatch {
                organizations: vec![o.clone()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let mut br = app
            .signed_in_from(
                "192.0.2.13:1",
                "new@example.fi",
                Role::OrganizationMember,
                Some(o.id),
            )
            .await;
        assert_eq!(br.get("/fi/talent").await.status, 403);
        // A demo person who shows herself to organizations only: not to the unverified.
        let demo = kolmonen::demo::demo_people().unwrap();
        let (u, _) = demo
            .iter()
            .find(|(_, p)| p.visibility == kolmonen::people::Visibility::Organizations)
            .unwrap();
        assert_eq!(br.get(&format!("/fi/people/{}", u.id)).await.status, 404);
        assert_eq!(
            p.member_br
                .get(&format!("/fi/people/{}", u.id))
                .await
                .status,
            200
        );
        // Filters and junk.
        let r = p
            .member_br
            .get("/fi/talent?skill=nope&near=Atlantis&min_hours=x")
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("error-summary"));
        let r = p.member_br.get("/fi/talent?pool_58=on").await;
        assert!(r.body.contains("Kudonnan taitaja"));
        assert!(!r.body.contains("Nuori kokki"));
        let r = p.member_br.get("/fi/talent?q=ruoanlaitto").await;
        assert!(r.body.contains("Kahvilan konkari") && r.body.contains("Nuori kokki"));
        assert!(!r.body.contains("Pyöränkorjaaja"));
        let _ = &p.seeker;
    }
);

both_engines!(
    matches_are_ranked_with_reasons_and_can_be_hidden,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        let r = p.seeker_br.get("/fi/me/matches").await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("Et ole vielä täyttänyt profiiliasi"));
        let topic = p.place.topics[0].clone();
        let label = kolmonen::refdata::REF
            .taxonomies
            .topic(&topic)
            .unwrap()
            .label
            .fi
            .clone();
        p.seeker_br
            .post("/fi/me", &profile_form("private", &topic))
            .await;
        let r = p.seeker_br.get("/fi/me/matches").await;
        assert!(r.body.contains("Vastaa kiinnostustasi:"), "{}", r.body);
        assert!(r.body.contains(&label));
        // The first suggestion, as the page lists it.
        let first = r
            .html()
            .select(&scraper::Selector::parse("main .card h2 a").unwrap())
            .next()
            .and_then(|a| a.value().attr("href"))
            .unwrap()
            .to_string();
        let id = first.rsplit('/').next().unwrap().to_string();
        let r = p.seeker_br.get("/en/me/matches").await;
        assert!(r.body.contains("Matches your interest:"));
        // Hidden, it is gone; shown again, it is back.
        assert_eq!(
            p.seeker_br
                .post("/fi/me/matches/hide", &[("opportunity", &id)])
                .await
                .status,
            303
        );
        let r = p.seeker_br.get("/fi/me/matches").await;
        assert!(!r.body.contains(&format!("/opportunities/{id}\"")));
        assert!(r.body.contains("Olet piilottanut 1 ehdotuksen"));
        p.seeker_br.post("/fi/me/matches/unhide", &[]).await;
        let r = p.seeker_br.get("/fi/me/matches").await;
        assert!(r.body.contains(&format!("/opportunities/{id}\"")));
        // A closed place drops out at once (the index follows the store).
        let mut closed = app
            .store
            .opportunity(OpportunityId::parse(&id).unwrap())
            .await
            .unwrap()
            .unwrap();
        closed.status = OpportunityStatus::Closed;
        closed.updated_at = kolmonen::domain::now_micros();
        kolmonen::services::save_batch(
            app.store.as_ref(),
            &DirectoryBatch {
                opportunities: vec![closed],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let r = p.seeker_br.get("/fi/me/matches").await;
        assert!(!r.body.contains(&format!("/opportunities/{id}\"")));
        // Junk is refused with the form kept.
        let r = p
            .seeker_br
            .post(
                "/fi/me",
                &[("hours_per_week", "900"), ("introduction", "Pidän junista")],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Pidän junista"));
        assert_eq!(
            p.seeker_br
                .post("/fi/me/matches/hide", &[("opportunity", "x")])
                .await
                .status,
            400
        );
    }
);

both_engines!(
    saved_searches_send_a_daily_digest_until_stopped,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        // The search page offers it to a job seeker.
        let r = p.seeker_br.get("/fi/search?q=ksylofonityöpaja").await;
        assert!(r.body.contains("/fi/me/searches"));
        let r = p
            .seeker_br
            .post("/fi/me/searches", &[("query", "q=ksylofonityöpaja")])
            .await;
        assert_eq!(r.status, 303);
        let r = p
            .seeker_br
            .post("/fi/me/searches", &[("query", "radius_km=-5")])
            .await;
        assert_eq!(r.status, 400);
        let saved = app.store.saved_searches_of(p.seeker.id).await.unwrap();
        assert_eq!(saved.len(), 1);
        let later = time::OffsetDateTime::now_utc() + time::Duration::hours(25);
        outbox(&app).await;
        // Nothing new: no mail, but checked.
        let n = alerts(&app, later).await;
        assert_eq!(n, 0);
        // A new place that matches.
        let mut o = p.place.clone();
        o.id = OpportunityId::new();
        o.title = kolmonen::domain::LocalizedText::fi("Ksylofonityöpaja");
        // Added after the last check (the test's clock runs a day ahead).
        o.updated_at = later + time::Duration::hours(1);
        kolmonen::services::save_batch(
            app.store.as_ref(),
            &DirectoryBatch {
                opportunities: vec![o.clone()],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let n = alerts(&app, later + time::Duration::hours(25)).await;
        assert_eq!(n, 1);
        let mails = outbox(&app).await;
        let digest = mails.iter().find(|m| m.to == "seeker@example.fi").unwrap();
        assert!(digest.body.contains("Ksylofonityöpaja"));
        assert!(digest.body.contains(&format!("/fi/opportunities/{}", o.id)));
        // Run again at once: nothing twice.
        let n = alerts(&app, later + time::Duration::hours(25)).await;
        assert_eq!(n, 0);
        // The link stops it without signing in; opening it changes nothing.
        let link = digest
            .body
            .lines()
            .find_map(|l| {
                l.split_once("https://k.example")
                    .map(|(_, rest)| rest.trim().to_string())
            })
            .filter(|l| l.contains("unsubscribe"))
            .or_else(|| {
                digest
                    .body
                    .split_whitespace()
                    .find(|w| w.contains("/unsubscribe?token="))
                    .map(|w| w.replace("https://k.example", ""))
            })
            .unwrap();
        let token = link.split("token=").nth(1).unwrap().to_string();
        let mut stranger = Browser::from_addr(&app, "192.0.2.15:1");
        let r = stranger.get(&link).await;
        assert_eq!(r.status, 200);
        let kept = app.store.saved_searches_of(p.seeker.id).await.unwrap();
        assert_eq!(kept.len(), 1);
        // Only the token's hash is kept (issue 14), like every other token.
        assert_ne!(kept[0].unsubscribe_token, token);
        assert_eq!(
            kept[0].unsubscribe_token,
            kolmonen::accounts::session::sha256_hex(token.as_bytes())
        );
        let r = stranger.post("/fi/unsubscribe", &[("token", &token)]).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("Ilmoitukset on lopetettu"));
        assert!(app
            .store
            .saved_searches_of(p.seeker.id)
            .await
            .unwrap()
            .is_empty());
        let r = stranger.post("/fi/unsubscribe", &[("token", "junk")]).await;
        assert_eq!(r.status, 200);
    }
);

/// Sends the portfolio form as a browser does (or without the CSRF token, when `token` is
/// false).
async fn upload(
    br: &mut Browser<'_>,
    caption: &str,
    file: &[u8],
    token: bool,
) -> crate::common::TestResponse {
    br.post_file(
        "/fi/me/portfolio",
        &[("caption", caption)],
        ("file", "work.png", "image/png", file),
        token,
    )
    .await
}

both_engines!(
    portfolio_items_are_checked_and_served_safely,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        let topic = p.place.topics[0].clone();
        p.seeker_br
            .post("/fi/me", &profile_form("private", &topic))
            .await;
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, body) in [
            (&b"IHDR"[..], &[0u8; 13][..]),
            (b"IDAT", &[7; 10]),
            (b"IEND", &[]),
        ] {
            png.extend_from_slice(&(body.len() as u32).to_be_bytes());
            png.extend_from_slice(kind);
            png.extend_from_slice(body);
            png.extend_from_slice(&[0, 0, 0, 0]);
        }
        let png = png.as_slice();
        // A PNG whose chunks cannot be followed is refused (it could carry anything).
        let r = upload(
            &mut p.seeker_br,
            "Kudottu matto",
            b"\x89PNG\r\n\x1a\n0000IHDR-not-really-an-image",
            true,
        )
        .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Kuvaa ei voitu lukea"));
        assert_eq!(
            upload(&mut p.seeker_br, "Kudottu matto", png, false)
                .await
                .status,
            403
        );
        let r = upload(
            &mut p.seeker_br,
            "Kudottu matto",
            b"<svg onload=alert(1)>",
            true,
        )
        .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Vain PNG- ja JPEG-kuvat"));
        let r = upload(&mut p.seeker_br, "", png, true).await;
        assert_eq!(r.status, 400);
        let r = upload(&mut p.seeker_br, "Kudottu matto", png, true).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let items = app.store.portfolio(p.seeker.id).await.unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].content_type, "image/png");
        let url = format!("/fi/portfolio/{}", items[0].id);
        let r = p.seeker_br.get(&url).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), "image/png");
        assert!(r.header("content-security-policy").contains("sandbox"));
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        // Private: nobody else, until the person shows interest to an organization.
        assert_eq!(p.anon.get(&url).await.status, 404);
        assert_eq!(p.member_br.get(&url).await.status, 404);
        let place = format!("/fi/opportunities/{}/interest", p.place.id);
        assert_eq!(p.seeker_br.post(&place, &[]).await.status, 303);
        assert_eq!(p.member_br.get(&url).await.status, 200);
        assert_eq!(p.anon.get(&url).await.status, 404);
        // The thread shared what there was then: work uploaded later behind a private
        // profile stays private (issue 14, 8), and every look by an organization is in the
        // person's audit.
        let r = upload(&mut p.seeker_br, "Myöhempi työ", png, true).await;
        assert_eq!(r.status, 303);
        let later = app
            .store
            .portfolio(p.seeker.id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.caption == "Myöhempi työ")
            .unwrap();
        let later_url = format!("/fi/portfolio/{}", later.id);
        assert_eq!(p.member_br.get(&later_url).await.status, 404);
        let thread = app.store.threads_of_person(p.seeker.id).await.unwrap()[0].id;
        let thread_page = p.member_br.get(&format!("/fi/threads/{thread}")).await;
        assert_eq!(thread_page.status, 200);
        assert!(thread_page.body.contains(&items[0].id));
        assert!(!thread_page.body.contains(&later.id));
        let views = app.store.profile_views(p.seeker.id, 100).await.unwrap();
        assert_eq!(
            views.iter().filter(|v| v.context == "portfolio").count(),
            1,
            "{views:?}"
        );
        let audit = p.seeker_br.get("/fi/me/audit").await;
        assert!(audit.body.contains("Avasi portfoliosi tiedoston"));
        p.seeker_br
            .post("/fi/me/portfolio/delete", &[("id", &later.id)])
            .await;
        // A photo loses what the camera wrote into it (where, when, whose) on upload.
        let mut tagged = b"\x89PNG\r\n\x1a\n".to_vec();
        for (kind, body) in [
            (&b"IHDR"[..], &[0u8; 13][..]),
            (b"tEXt", b"Author\0Kotiosoite Kuusikatu 3"),
            (b"IDAT", &[7; 10]),
            (b"IEND", &[]),
        ] {
            tagged.extend_from_slice(&(body.len() as u32).to_be_bytes());
            tagged.extend_from_slice(kind);
            tagged.extend_from_slice(body);
            tagged.extend_from_slice(&[0, 0, 0, 0]);
        }
        assert_eq!(
            upload(&mut p.seeker_br, "Valokuva", &tagged, true)
                .await
                .status,
            303
        );
        let photo = app
            .store
            .portfolio(p.seeker.id)
            .await
            .unwrap()
            .into_iter()
            .find(|i| i.caption == "Valokuva")
            .unwrap();
        let served = p
            .seeker_br
            .get(&format!("/fi/portfolio/{}", photo.id))
            .await;
        assert!(served.body.contains("IDAT"));
        assert!(!served.body.contains("Kuusikatu"), "metadata stripped");
        p.seeker_br
            .post("/fi/me/portfolio/delete", &[("id", &photo.id)])
            .await;
        // Public: anyone.
        p.seeker_br
            .post("/fi/me", &profile_form("public", &topic))
            .await;
        assert_eq!(p.anon.get(&url).await.status, 200);
        let me = p.anon.get(&format!("/fi/people/{}", p.seeker.id)).await;
        assert!(me.body.contains("Kudottu matto"));
        // In the export, with its bytes.
        let e = p.seeker_br.get("/fi/me/export").await.json();
        assert_eq!(e["portfolio"][0]["caption"], "Kudottu matto");
        assert!(e["portfolio"][0]["data_base64"]
            .as_str()
            .unwrap()
            .starts_with("iVBORw0KGgo"));
        // Deleted by its owner only.
        let id = items[0].id.clone();
        p.member_br
            .post("/fi/me/portfolio/delete", &[("id", &id)])
            .await;
        assert_eq!(app.store.portfolio(p.seeker.id).await.unwrap().len(), 1);
        p.seeker_br
            .post("/fi/me/portfolio/delete", &[("id", &id)])
            .await;
        assert!(app.store.portfolio(p.seeker.id).await.unwrap().is_empty());
        assert_eq!(p.anon.get(&url).await.status, 404);
    }
);
