//! Networks (issue 19): a platform admin founds one and names its coordinators, an
//! organization's admin asks to join, a coordinator of that network (and nobody else)
//! accepts, declines or removes, each side is told by mail, and the public page, the
//! organization's page, the API and the impact filter follow.

use crate::common::{outbox, Browser, TestApp, PASSWORD};
use kolmonen::accounts::Role;
use kolmonen::domain::OrganizationId;

/// A demo organization that is in no network yet.
async fn outsider(app: &TestApp) -> (OrganizationId, String) {
    let members: Vec<OrganizationId> = kolmonen::demo::demo_network()
        .1
        .iter()
        .map(|m| m.organization_id)
        .collect();
    for id in app.store.organization_ids().await.unwrap() {
        if !members.contains(&id) {
            let o = app.store.organization(id).await.unwrap().unwrap();
            return (id, o.name);
        }
    }
    panic!("every demo organization is in the network")
}

both_engines!(
    an_organization_joins_a_network_a_coordinator_of_it_accepts,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        // A platform admin founds a network and names a coordinator.
        app.account("koordinaattori@example.fi", Role::NetworkCoordinator, None)
            .await;
        app.account("toinen@example.fi", Role::NetworkCoordinator, None)
            .await;
        let mut root = app
            .signed_in("root@example.fi", Role::PlatformAdmin, None)
            .await;
        // Junk: unknown municipality and a coordinator without the role; all typed kept.
        let r = root
            .post(
                "/fi/networks/new",
                &[
                    ("name", "Kanta-Hämeen verkosto"),
                    ("description", "Hämeenlinnan seudun järjestöt."),
                    ("municipalities", "Hämeenlinna, Atlantis"),
                    ("coordinators", "koordinaattori@example.fi\nroot@example.fi"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Atlantis") && r.body.contains("Kanta-Hämeen verkosto"));
        assert!(
            r.body.contains("root@example.fi"),
            "the address without the role is named"
        );
        let r = root
            .post(
                "/fi/networks/new",
                &[
                    ("name", "Kanta-Hämeen verkosto"),
                    (
                        "description",
                        "Hämeenlinnan seudun järjestöt.\n\nTapaamme keväisin.",
                    ),
                    ("municipalities", "Hämeenlinna, 165"),
                    ("coordinators", "koordinaattori@example.fi"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = r.header("location").split('?').next().unwrap().to_string();
        let id = page.rsplit('/').next().unwrap().to_string();
        let public = app.get(&page).await;
        assert_eq!(public.status, 200);
        assert!(public.body.contains("Tapaamme keväisin.") && public.body.contains("Hämeenlinna"));
        assert!(public.body.contains("Janakkala"), "165 is Janakkala");

        // An organization's admin asks to join; the coordinator hears of it.
        let (org, org_name) = outsider(&app).await;
        let named = outbox(&app).await;
        assert_eq!(named.len(), 1, "the coordinator named is told");
        assert_eq!(named[0].to, "koordinaattori@example.fi");
        assert!(named[0].body.contains(&page));
        // The same name again is refused, what was typed kept.
        let r = root
            .post(
                "/fi/networks/new",
                &[
                    ("name", " kanta-hämeen VERKOSTO "),
                    ("municipalities", "109"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Samanniminen verkosto"));
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(org))
            .await;
        assert!(admin.get(&page).await.body.contains("Pyydä liittymistä"));
        let r = admin.post(&format!("{page}/join"), &[]).await;
        assert_eq!(r.header("location"), format!("{page}?done=requested"));
        let again = admin.post(&format!("{page}/join"), &[]).await;
        assert_eq!(again.header("location"), format!("{page}?done=already"));
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1, "one notice, not two");
        assert_eq!(mails[0].to, "koordinaattori@example.fi");
        assert!(mails[0].subject.contains(&org_name) && mails[0].body.contains(&page));
        // Waiting: not a member in public, nor in the API.
        assert!(!app.get(&page).await.body.contains(&org_name));
        let api = app.get(&format!("/api/v1/networks/{id}")).await.json();
        assert_eq!(api["members"].as_array().unwrap().len(), 0);

        // A member of the organization, another coordinator, the admin: none may answer.
        let mut member = app
            .signed_in("member@example.fi", Role::OrganizationMember, Some(org))
            .await;
        assert_eq!(member.post(&format!("{page}/join"), &[]).await.status, 403);
        let mut other = Browser::from_addr(&app, "192.0.2.51:1");
        other.sign_in("toinen@example.fi", PASSWORD).await;
        let accept = [
            ("organization", org.to_string()),
            ("action", "accept".to_string()),
        ];
        let accept: Vec<(&str, &str)> = accept.iter().map(|(k, v)| (*k, v.as_str())).collect();
        for b in [&mut other, &mut admin, &mut member] {
            assert_eq!(
                b.post(&format!("{page}/members"), &accept).await.status,
                403
            );
            assert_eq!(b.get(&format!("{page}/edit")).await.status, 403);
        }
        // Its coordinator sees the request and accepts it; the admins hear of it.
        let mut coordinator = Browser::from_addr(&app, "192.0.2.52:1");
        coordinator
            .sign_in("koordinaattori@example.fi", PASSWORD)
            .await;
        let seen = coordinator.get(&page).await;
        assert!(seen.body.contains(&org_name) && seen.body.contains("Hyväksy"));
        let r = coordinator.post(&format!("{page}/members"), &accept).await;
        assert_eq!(r.header("location"), format!("{page}?done=accepted"));
        let r = coordinator.post(&format!("{page}/members"), &accept).await;
        assert_eq!(r.header("location"), format!("{page}?done=stale"));
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "admin@example.fi", "admins, not members");
        // Now public: the network's page, the organization's page, the API, the impact filter.
        assert!(app.get(&page).await.body.contains(&org_name));
        let org_page = app.get(&format!("/fi/organizations/{org}")).await;
        assert!(org_page.body.contains(&format!("/fi/networks/{id}")));
        let api = app.get(&format!("/api/v1/networks/{id}")).await.json();
        assert_eq!(api["members"][0]["id"], org.to_string());
        assert_eq!(api["municipalities"], serde_json::json!(["109", "165"]));
        let list = app.get("/api/v1/networks").await.json();
        assert_eq!(list.as_array().unwrap().len(), 2, "the demo's and this one");
        let impact = app.get(&format!("/fi/impact?network={id}")).await;
        assert_eq!(impact.status, 200);
        assert_eq!(app.get("/fi/impact?network=nonsense").await.status, 400);
        assert_eq!(app.get("/api/v1/impact?network=nonsense").await.status, 400);

        // The coordinator edits the description but cannot change who coordinates.
        let r = coordinator
            .post(
                &format!("{page}/edit"),
                &[
                    ("name", "Kanta-Hämeen järjestöverkosto"),
                    ("description", "Uusi kuvaus."),
                    ("municipalities", "109"),
                    ("coordinators", "toinen@example.fi"),
                ],
            )
            .await;
        assert_eq!(r.status, 303);
        let n = app
            .store
            .network(kolmonen::domain::NetworkId::parse(&id).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(n.name, "Kanta-Hämeen järjestöverkosto");
        assert_eq!(n.municipalities, vec!["109".to_string()]);
        assert_eq!(
            app.store.network_coordinators(n.id).await.unwrap(),
            vec![
                app.store
                    .user_by_email(
                        &kolmonen::accounts::Email::parse("koordinaattori@example.fi").unwrap()
                    )
                    .await
                    .unwrap()
                    .unwrap()
                    .id
            ]
        );
        // Removed: the organization may ask again.
        let remove = [
            ("organization", org.to_string()),
            ("action", "remove".to_string()),
        ];
        let remove: Vec<(&str, &str)> = remove.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = coordinator.post(&format!("{page}/members"), &remove).await;
        assert_eq!(r.header("location"), format!("{page}?done=removed"));
        assert!(!app.get(&page).await.body.contains(&org_name));
        let r = admin.post(&format!("{page}/join"), &[]).await;
        assert_eq!(r.header("location"), format!("{page}?done=requested"));
        // Leaving (here: withdrawing the request) tells the coordinator.
        outbox(&app).await;
        let r = admin.post(&format!("{page}/leave"), &[]).await;
        assert_eq!(r.header("location"), format!("{page}?done=left"));
        let left = outbox(&app).await;
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].to, "koordinaattori@example.fi");
        // Junk answers are refused, not 500.
        let junk = [("organization", "x"), ("action", "accept")];
        assert_eq!(
            coordinator
                .post(&format!("{page}/members"), &junk)
                .await
                .status,
            400
        );
        let junk = [
            ("organization", org.to_string()),
            ("action", "explode".to_string()),
        ];
        let junk: Vec<(&str, &str)> = junk.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            coordinator
                .post(&format!("{page}/members"), &junk)
                .await
                .status,
            400
        );
        assert_eq!(app.get("/fi/networks/not-an-id").await.status, 404);
        // Asking and leaving over and over does not flood the coordinator's mail.
        outbox(&app).await;
        let mut last = String::new();
        for _ in 0..12 {
            last = admin
                .post(&format!("{page}/join"), &[])
                .await
                .header("location")
                .to_string();
            admin.post(&format!("{page}/leave"), &[]).await;
        }
        assert_eq!(last, format!("{page}?done=throttled"));
        let requests = outbox(&app)
            .await
            .into_iter()
            .filter(|m| m.subject.contains("pyytää"))
            .count();
        assert!(requests <= 10, "{requests}");
        // An organization nobody verified asks nothing (its name would ride in our mail).
        let mut o = app.store.organization(org).await.unwrap().unwrap();
        o.verified = false;
        app.store
            .write_batch(&kolmonen::store::DirectoryBatch {
                organizations: vec![o],
                ..Default::default()
            })
            .await
            .unwrap();
        let other = app.store.networks().await.unwrap();
        let demo = format!(
            "/fi/networks/{}",
            other.iter().find(|x| x.id.to_string() != id).unwrap().id
        );
        let r = admin.post(&format!("{demo}/join"), &[]).await;
        assert_eq!(r.header("location"), format!("{demo}?done=unverified"));
    }
);

both_engines!(
    the_demo_network_is_listed_in_every_language,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (network, members) = kolmonen::demo::demo_network();
        for (lang, title) in [("fi", "Verkostot"), ("sv", "Nätverk"), ("en", "Networks")] {
            let r = app.get(&format!("/{lang}/networks")).await;
            assert_eq!(r.status, 200);
            assert!(
                r.body.contains(title) && r.body.contains(&network.name),
                "{lang}"
            );
        }
        let page = app.get(&format!("/sv/networks/{}", network.id)).await;
        assert!(page.body.contains("Lahtis"), "the area in Swedish");
        // Who does what: the members' ongoing projects and their articles, with links.
        assert!(page.body.contains("Medlemmarnas pågående projekt"));
        assert!(page.body.contains("/sv/projects/"), "{}", page.body);
        assert!(page.body.contains("/sv/articles/"), "{}", page.body);
        // The one request waiting is not shown to the public.
        let waiting = members
            .iter()
            .find(|m| m.state == kolmonen::domain::networks::MemberState::Requested)
            .unwrap();
        let name = app
            .store
            .organization(waiting.organization_id)
            .await
            .unwrap()
            .unwrap()
            .name;
        assert!(!page.body.contains(&name));
        // The impact page filters by it and names it among its choices.
        let impact = app.get(&format!("/fi/impact?network={}", network.id)).await;
        assert_eq!(impact.status, 200);
        assert!(impact.body.contains(&network.name));
    }
);
