//! Interest threads: a person's interest reaches the organization, messages and statuses
//! reach both sides, and each side is told by mail.

use crate::common::TestApp;
use crate::common::PASSWORD;
use crate::people::{outbox, people, profile_form};
use kolmonen::accounts::Role;

both_engines!(
    interest_messages_and_statuses_reach_both_sides,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        let topic = p.place.topics[0].clone();
        p.seeker_br
            .post("/fi/me", &profile_form("private", &topic))
            .await;
        outbox(&app).await;
        let url = format!("/fi/opportunities/{}", p.place.id);
        let page = p.seeker_br.get(&url).await;
        assert!(page.body.contains("Olen kiinnostunut"));
        let r = p
            .seeker_br
            .post(
                &format!("{url}/interest"),
                &[("message", "Voin aloittaa maanantaina.")],
            )
            .await;
        assert_eq!(r.status, 303);
        let thread = r.header("location").split('?').next().unwrap().to_string();
        // Twice is the same thread.
        let again = p.seeker_br.post(&format!("{url}/interest"), &[]).await;
        assert!(again.header("location").starts_with(&thread));
        // Twice with words: the same thread, and the words are in it.
        let again = p
            .seeker_br
            .post(
                &format!("{url}/interest"),
                &[("message", "Unohdin: minulla on ajokortti.")],
            )
            .await;
        assert!(again.header("location").starts_with(&thread));
        assert!(p
            .seeker_br
            .get(&thread)
            .await
            .body
            .contains("Unohdin: minulla on ajokortti."));
        // The organization was told by mail, without the person's address.
        let mails = outbox(&app).await;
        assert!(mails.iter().any(|m| m.to == "member@example.fi"));
        assert!(mails.iter().all(|m| !m.body.contains("seeker@example.fi")));
        // The organization sees the shared profile, even though it is private.
        let list = p
            .member_br
            .get(&format!("/fi/organizations/{}/interests", p.org))
            .await;
        assert!(list.body.contains("Ksylofonisti"));
        let t = p.member_br.get(&thread).await;
        assert_eq!(t.status, 200);
        assert!(t.body.contains("Soitan ksylofonia"));
        assert!(t.body.contains("Voin aloittaa maanantaina."));
        assert!(!t.body.contains("seeker@example.fi"));
        // Someone else may not read it.
        let mut other = app
            .signed_in_from("192.0.2.14:1", "other@example.fi", Role::JobSeeker, None)
            .await;
        assert_eq!(other.get(&thread).await.status, 404);
        assert_eq!(
            other
                .post(&format!("{thread}/status"), &[("status", "agreed")])
                .await
                .status,
            404
        );
        // The person may not set the status; the organization does, and the person sees it.
        assert_eq!(
            p.seeker_br
                .post(&format!("{thread}/status"), &[("status", "agreed")])
                .await
                .status,
            403
        );
        // An unknown status: the error by the status choices, in the error summary too.
        let r = p
            .member_br
            .post(&format!("{thread}/status"), &[("status", "bogus")])
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("href=\"#status-0\""), "{}", r.body);
        let (title, error) = (
            r.body.find("id=\"status-title\"").unwrap(),
            r.body.find("id=\"status-error\"").unwrap(),
        );
        assert!(error > title, "by the status, not under the reply box");
        assert!(!r.body.contains("id=\"message-error\""));
        let r = p
            .member_br
            .post(&format!("{thread}/status"), &[("status", "agreed")])
            .await;
        assert_eq!(r.status, 303);
        let r = p
            .member_br
            .post(&thread, &[("message", "Tervetuloa maanantaina kello 9.")])
            .await;
        assert_eq!(r.status, 303);
        let r = p.member_br.post(&thread, &[("message", "   ")]).await;
        assert_eq!(r.status, 400);
        let mine = p.seeker_br.get("/fi/me/messages").await;
        assert!(mine.body.contains("Sovittu"), "{}", mine.body);
        let t = p.seeker_br.get(&thread).await;
        assert!(t.body.contains("Tervetuloa maanantaina"));
        assert!(!t.body.contains("member@example.fi"));
        let mails = outbox(&app).await;
        let to_seeker: Vec<_> = mails
            .iter()
            .filter(|m| m.to == "seeker@example.fi")
            .collect();
        assert_eq!(to_seeker.len(), 2, "the status and the message");
        assert!(mails.iter().all(|m| !m.body.contains("member@example.fi")));
        // The export holds it all.
        let e = p.seeker_br.get("/fi/me/export").await;
        assert_eq!(e.header("content-type"), "application/json; charset=utf-8");
        let j = e.json();
        assert_eq!(j["profile"]["display_name"], "Ksylofonisti");
        assert_eq!(j["threads"][0]["status"], "agreed");
        assert_eq!(j["messages"].as_array().unwrap().len(), 3);
        assert!(!j["profile_views"].as_array().unwrap().is_empty());
        // Deleting everything: the organization keeps the thread, as "deleted user".
        let r = p
            .seeker_br
            .post("/fi/me/delete", &[("delete_password", "wrong")])
            .await;
        assert_eq!(r.status, 400);
        let r = p
            .seeker_br
            .post("/fi/me/delete", &[("delete_password", PASSWORD)])
            .await;
        assert_eq!(r.status, 303);
        assert!(app.store.profile(p.seeker.id).await.unwrap().is_none());
        let t = p.member_br.get(&thread).await;
        assert_eq!(t.status, 200);
        assert!(t.body.contains("Poistettu käyttäjä"));
        assert!(
            !t.body.contains("Soitan ksylofonia"),
            "the shared profile went too"
        );
        assert!(t.body.contains("Tervetuloa maanantaina"));
        assert!(
            !t.body.contains("Voin aloittaa maanantaina."),
            "what the person wrote went with them"
        );
        let threads = app.store.threads_of_organization(p.org).await.unwrap();
        assert!(threads
            .iter()
            .all(|t| t.shared_profile.is_none() && t.person_id.is_none()));
        assert!(app
            .store
            .profile_views(p.seeker.id, 10)
            .await
            .unwrap()
            .is_empty());
    }
);

// Replies in a row make one e-mail: whoever has not read the thread since the last notice
// has one waiting already (an outside test saw 25 replies make 25 mails to every member).
both_engines!(replies_in_a_row_make_one_mail, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let mut p = people(&app).await;
    let url = format!("/fi/opportunities/{}", p.place.id);
    let r = p
        .seeker_br
        .post(&format!("{url}/interest"), &[("message", "Hei!")])
        .await;
    assert_eq!(r.status, 303);
    let thread = r.header("location").split('?').next().unwrap().to_string();
    let told = |mails: &[kolmonen::mail::OutgoingMail], to: &str| {
        mails.iter().filter(|m| m.to == to).count()
    };
    assert_eq!(told(&outbox(&app).await, "member@example.fi"), 1);
    for n in 1..=3 {
        let r = p
            .seeker_br
            .post(&thread, &[("message", &format!("Lisäys {n}"))])
            .await;
        assert_eq!(r.status, 303);
    }
    assert_eq!(
        told(&outbox(&app).await, "member@example.fi"),
        0,
        "the notice of the interest is still unread"
    );
    // Read, then written to again: told again.
    assert_eq!(p.member_br.get(&thread).await.status, 200);
    p.seeker_br
        .post(&thread, &[("message", "Vielä yksi")])
        .await;
    assert_eq!(told(&outbox(&app).await, "member@example.fi"), 1);
    // The other way too.
    for n in 1..=3 {
        p.member_br
            .post(&thread, &[("message", &format!("Vastaus {n}"))])
            .await;
    }
    assert_eq!(told(&outbox(&app).await, "seeker@example.fi"), 1);
});

// Writing to the same person again, or changing a status again and again, goes on in one
// conversation with one e-mail until the person reads it (outside test: 40 contacts made 40
// threads and 40 mails, 10 status changes 10 mails).
both_engines!(
    an_organization_cannot_flood_a_person_with_mail,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut p = people(&app).await;
        let topic = p.place.topics[0].clone();
        p.seeker_br
            .post("/fi/me", &profile_form("organizations", &topic))
            .await;
        outbox(&app).await;
        let contact = format!("/fi/people/{}/contact", p.seeker.id);
        let mut threads = Vec::new();
        for n in 1..=5 {
            let r = p
                .member_br
                .post(
                    &contact,
                    &[("message", &format!("Hei {n}")), ("opportunity", "")],
                )
                .await;
            assert_eq!(r.status, 303, "{}", r.body);
            threads.push(r.header("location").split('?').next().unwrap().to_string());
        }
        threads.dedup();
        assert_eq!(threads.len(), 1, "one conversation");
        let mails = outbox(&app).await;
        assert_eq!(
            mails.iter().filter(|m| m.to == "seeker@example.fi").count(),
            1
        );
        let thread = &threads[0];
        let t = p.seeker_br.get(thread).await;
        assert!(t.body.contains("Hei 1") && t.body.contains("Hei 5"));
        // Read; then several status changes make one mail.
        for s in ["agreed", "not_this_time", "contacted", "agreed"] {
            let r = p
                .member_br
                .post(&format!("{thread}/status"), &[("status", s)])
                .await;
            assert_eq!(r.status, 303);
        }
        let mails = outbox(&app).await;
        assert_eq!(
            mails.iter().filter(|m| m.to == "seeker@example.fi").count(),
            1
        );
    }
);
