//! A network's weekly digest (issue 19): what its members added in the week goes to the
//! confirmed subscribers once, in their language, with RFC 8058 one-click unsubscription;
//! nothing is sent when nothing is new; subscribing needs no account, is confirmed by mail and
//! tells no one whether an address had subscribed; the same news as an Atom feed.

use crate::common::{link, outbox, token_of, Browser, TestApp};
use kolmonen::domain::networks::Subscription;
use kolmonen::domain::{Lang, SubscriptionId};
use kolmonen::services::digests;
use time::{Duration, OffsetDateTime};

fn subscription(
    network: kolmonen::domain::NetworkId,
    n: usize,
    lang: Lang,
    confirmed: bool,
) -> Subscription {
    let now = OffsetDateTime::now_utc();
    Subscription {
        id: SubscriptionId::new(),
        network_id: network,
        email: format!("lukija{n}@example.fi"),
        lang,
        token_hash: format!("hash-{}", uuid::Uuid::new_v4()),
        created_at: now,
        confirmed_at: confirmed.then_some(now),
    }
}

both_engines!(
    the_digest_carries_the_members_news_once_and_nothing_when_nothing_is_new,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (network, members) = kolmonen::demo::demo_network();
        let member_ids: Vec<_> = members
            .iter()
            .filter(|m| m.state == kolmonen::domain::networks::MemberState::Member)
            .map(|m| m.organization_id)
            .collect();
        let now = OffsetDateTime::now_utc();
        // A member writes for the knowledge bank this week.
        let (mut article, mut first) = kolmonen::demo::demo_articles(now).unwrap().remove(0);
        article.id = kolmonen::domain::ArticleId::new();
        article.key = None;
        article.authors = vec![member_ids[0]];
        article.updated_at = now;
        first.article_id = article.id;
        app.store.save_article(&article, &first).await.unwrap();
        // The demo's places, events and projects were added just now: this week's news.
        let d = digests::build(
            &app.store,
            &network,
            now - Duration::days(7),
            now + Duration::minutes(1),
        )
        .await
        .unwrap();
        assert!(!d.places.is_empty() && !d.events.is_empty(), "{d:?}");
        assert!(!d.projects.is_empty(), "{d:?}");
        assert!(d
            .projects
            .iter()
            .all(|p| p.organizations().iter().any(|o| member_ids.contains(o))));
        assert_eq!(
            d.articles.iter().map(|a| a.id).collect::<Vec<_>>(),
            [article.id],
            "only this week's article, by a member"
        );
        let (_, text) = d.text(Lang::Fi, "https://kolmonen.example");
        assert!(text.contains("Uudet hankkeet") && text.contains("Uutta tietopankissa"));
        assert!(text.contains(&format!("/fi/articles/{}", article.id)));
        assert!(d
            .places
            .iter()
            .all(|p| member_ids.contains(&p.opportunity.organization_id)));
        assert!(d
            .places
            .iter()
            .all(|p| p.opportunity.status.as_str() == "open"));
        // A member that leaves takes its places out of the digest.
        let leaving = d.places[0].opportunity.organization_id;
        assert!(app
            .store
            .remove_membership(network.id, leaving, &[])
            .await
            .unwrap());
        let after = digests::build(
            &app.store,
            &network,
            now - Duration::days(7),
            now + Duration::minutes(1),
        )
        .await
        .unwrap();
        assert!(after
            .places
            .iter()
            .all(|p| p.opportunity.organization_id != leaving));
        assert!(after.places.len() < d.places.len());
        // Nothing added after now: empty.
        let old = digests::build(
            &app.store,
            &network,
            now + Duration::minutes(1),
            now + Duration::days(7),
        )
        .await
        .unwrap();
        assert!(old.is_empty(), "{old:?}");

        // Two confirmed subscribers (Finnish and Swedish) and one who never confirmed.
        let fi = subscription(network.id, 1, Lang::Fi, true);
        let sv = subscription(network.id, 2, Lang::Sv, true);
        let pending = subscription(network.id, 3, Lang::Fi, false);
        let dummy = || kolmonen::mail::OutgoingMail::new("x@example.fi", "x".into(), "x".into());
        for s in [&fi, &sv, &pending] {
            assert!(app.store.add_subscription(s, &dummy()).await.unwrap());
        }
        assert!(
            !app.store.add_subscription(&fi, &dummy()).await.unwrap(),
            "once per address"
        );
        outbox(&app).await;
        // This week a member adds a place and an event (of its own, in no network).
        let member = after.places[0].opportunity.organization_id;
        let mut place = after.places[0].opportunity.clone();
        place.id = kolmonen::domain::OpportunityId::new();
        place.title = kolmonen::domain::LocalizedText::fi("Uusi kahvilan työkokeilupaikka");
        place.updated_at = kolmonen::domain::now_micros();
        let batch = kolmonen::store::DirectoryBatch {
            opportunities: vec![place.clone()],
            ..Default::default()
        };
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .unwrap();
        let mut event = kolmonen::demo::demo_events(now).pop().unwrap();
        event.id = kolmonen::domain::EventId::new();
        event.title = "Avoimet ovet kahvilassa".into();
        event.network_id = None;
        event.organizers = vec![member];
        event.created_at = kolmonen::domain::now_micros();
        app.store.save_event(&event).await.unwrap();
        // The digest sent the Monday after now covers the week up to it (which holds now).
        let keys = kolmonen::accounts::keys::Keys::from_secret("test key for digests");
        let monday = digests::digest_moment(now) + Duration::days(7);
        let sent = digests::send_due(&app.store, &keys, "http://localhost", monday)
            .await
            .unwrap();
        assert_eq!(sent, 2);
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 2);
        let to_fi = mails.iter().find(|m| m.to == fi.email).unwrap();
        let to_sv = mails.iter().find(|m| m.to == sv.email).unwrap();
        assert!(to_fi.subject.contains(&network.name) && to_fi.subject.contains("viikkokooste"));
        assert!(to_sv.subject.contains("veckosammandrag"));
        assert!(
            to_fi.body.contains("Uusi kahvilan työkokeilupaikka"),
            "{}",
            to_fi.body
        );
        assert!(to_fi
            .body
            .contains(&format!("/fi/opportunities/{}", place.id)));
        assert!(to_sv
            .body
            .contains(&format!("/sv/opportunities/{}", place.id)));
        assert!(to_fi.body.contains("Avoimet ovet kahvilassa"));
        assert!(to_fi.body.contains(&format!("/fi/events/{}", event.id)));
        // Not the places of the member that left.
        assert!(!to_fi
            .body
            .contains(&format!("/fi/opportunities/{}", d.places[0].opportunity.id)));
        // Each with the subscriber's own link and one-click unsubscription.
        let own = digests::token(&keys, fi.id);
        assert!(to_fi
            .body
            .contains(&format!("/fi/networks/subscription?token={own}")));
        assert!(to_fi.headers.contains(&(
            "List-Unsubscribe".into(),
            format!("<http://localhost/api/v1/networks/unsubscribe?token={own}>")
        )));
        assert!(to_fi.headers.contains(&(
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into()
        )));
        // Once: the same week again sends nothing (another node, or the next hour).
        assert_eq!(
            digests::send_due(
                &app.store,
                &keys,
                "http://localhost",
                monday + Duration::hours(1)
            )
            .await
            .unwrap(),
            0
        );
        // The week after: nothing new, nothing sent, and the week is marked done.
        let next = monday + Duration::days(7);
        assert_eq!(
            digests::send_due(&app.store, &keys, "http://localhost", next)
                .await
                .unwrap(),
            0
        );
        assert!(outbox(&app).await.is_empty());
        assert!(app
            .store
            .digests_due(digests::digest_moment(next))
            .await
            .unwrap()
            .is_empty());
        // A subscription never confirmed is forgotten after a week.
        assert_eq!(
            app.store
                .purge_unconfirmed_subscriptions(now + Duration::days(8))
                .await
                .unwrap(),
            1
        );
        assert_eq!(app.store.subscribers(network.id).await.unwrap().len(), 2);
    }
);

both_engines!(
    a_reader_subscribes_confirms_and_unsubscribes_with_one_click,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (network, _) = kolmonen::demo::demo_network();
        let page = app.get(&format!("/fi/networks/{}", network.id)).await;
        let subscribe = format!("/fi/networks/{}/subscribe", network.id);
        assert!(page.body.contains(&subscribe));
        assert!(page
            .body
            .contains(&format!("/fi/networks/{}/feed.atom", network.id)));
        let mut b = Browser::new(&app);
        assert_eq!(b.get(&subscribe).await.status, 200);
        // Junk: refused, translated, what was typed kept; nothing sent.
        let r = b.post(&subscribe, &[("email", "ei osoite <b>")]).await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("nimi@esimerkki.fi") && r.body.contains("ei osoite &#60;b&#62;"));
        assert!(outbox(&app).await.is_empty());
        // Subscribing: one message with the link; the page says to confirm.
        let r = b.post(&subscribe, &[("email", "Lukija@Example.fi")]).await;
        assert_eq!(r.status, 303);
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "lukija@example.fi");
        let own = link(&mails[0]);
        let token = token_of(&own);
        assert!(app.store.subscribers(network.id).await.unwrap().is_empty());
        // The link's page changes nothing by itself (mail scanners open links).
        let status = b.get(&own).await;
        assert_eq!(status.status, 200);
        assert!(status.body.contains("Vahvista tilaus"));
        assert!(app.store.subscribers(network.id).await.unwrap().is_empty());
        let r = b
            .post(
                "/fi/networks/subscription",
                &[("token", &token), ("action", "confirm")],
            )
            .await;
        assert_eq!(r.status, 303);
        assert_eq!(app.store.subscribers(network.id).await.unwrap().len(), 1);
        assert!(b.get(&own).await.body.contains("Tilaus on voimassa"));
        // Subscribing again gives the same answer, and the address its own link again.
        let again = b.post(&subscribe, &[("email", "lukija@example.fi")]).await;
        assert_eq!(again.status, 303);
        assert_eq!(
            again.header("location"),
            format!("/fi/networks/{}/subscribe?done=sent", network.id)
        );
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(link(&mails[0]), own);
        // One click from a mail program: no cookie, no form token, just the link's secret.
        let click = |t: String| {
            axum::http::Request::post(format!("/api/v1/networks/unsubscribe?token={t}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(axum::body::Body::from("List-Unsubscribe=One-Click"))
                .unwrap()
        };
        // Opened as a link, it changes nothing and leads to the subscriber's page.
        let opened = app
            .get(&format!("/api/v1/networks/unsubscribe?token={token}"))
            .await;
        assert_eq!(opened.status, 303);
        assert_eq!(
            opened.header("location"),
            format!("/fi/networks/subscription?token={token}")
        );
        assert_eq!(app.store.subscribers(network.id).await.unwrap().len(), 1);
        assert_eq!(app.request(click("wrong".into())).await.status, 404);
        assert_eq!(app.request(click(token.clone())).await.status, 204);
        assert!(app.store.subscribers(network.id).await.unwrap().is_empty());
        assert!(app
            .store
            .subscriptions_of_email("lukija@example.fi")
            .await
            .unwrap()
            .is_empty());
        assert_eq!(app.request(click(token.clone())).await.status, 404);
        assert_eq!(b.get(&own).await.status, 404);
        // Unknown networks and junk tokens: 404, never 500.
        assert_eq!(
            app.get("/fi/networks/not-an-id/subscribe").await.status,
            404
        );
        assert_eq!(
            app.get("/fi/networks/subscription?token=%00%ff")
                .await
                .status,
            404
        );
        assert_eq!(
            b.post(
                "/fi/networks/subscription",
                &[("token", "x"), ("action", "confirm")]
            )
            .await
            .status,
            404
        );
    }
);

both_engines!(the_network_news_is_an_atom_feed, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let (network, _) = kolmonen::demo::demo_network();
    for lang in ["fi", "sv", "en"] {
        let r = app
            .get(&format!("/{lang}/networks/{}/feed.atom", network.id))
            .await;
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").starts_with("application/atom+xml"));
        let doc = roxmltree::Document::parse(&r.body).expect("well-formed XML");
        let feed = doc.root_element();
        assert_eq!(feed.tag_name().name(), "feed");
        assert_eq!(
            feed.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        // RFC 4287: id, title, updated on the feed and on every entry, and an author.
        for tag in ["id", "title", "updated", "author"] {
            assert!(feed.children().any(|c| c.tag_name().name() == tag), "{tag}");
        }
        let entries: Vec<_> = feed
            .children()
            .filter(|c| c.tag_name().name() == "entry")
            .collect();
        assert!(!entries.is_empty());
        for e in &entries {
            for tag in ["id", "title", "updated", "link"] {
                assert!(e.children().any(|c| c.tag_name().name() == tag), "{tag}");
            }
        }
        assert!(r.body.contains(&format!("/{lang}/opportunities/")));
        assert!(r.body.contains(&format!("/{lang}/events/")));
    }
    assert_eq!(app.get("/fi/networks/nope/feed.atom").await.status, 404);
});
