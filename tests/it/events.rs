//! Events (issue 19): an organizer publishes an event from the form (junk refused, what was
//! typed kept), people sign up with and without an account (confirmed by mail), the waiting
//! list moves up when someone cancels, two sign-ups racing for the last place never both get
//! it, a cancelled event says so in every calendar feed, only the organizers see the
//! participants, reminders go once, and the participants' data is deleted 30 days after the
//! event.

use crate::common::{link, outbox, token_of, Browser, TestApp};
use kolmonen::accounts::Role;
use kolmonen::demo::organization_id;
use kolmonen::domain::events::{Event, EventKind, Signup, SignupState};
use kolmonen::domain::{helsinki, EventId, Lang, SignupId};
use kolmonen::store::SignupAdded;
use time::{Duration, OffsetDateTime};

/// A plain event of Harjula's, starting `days` from now at 10.00 Finnish time for two hours.
fn event(days: i64, capacity: Option<u32>) -> Event {
    let now = OffsetDateTime::now_utc();
    let date = helsinki::local(now).date() + Duration::days(days);
    let starts_at = helsinki::at(date, time::macros::time!(10:00));
    Event {
        id: EventId::new(),
        kind: EventKind::Workshop,
        title: "Työnhaun työpaja".into(),
        description: "CV ja hakemukset.".into(),
        organizers: vec![organization_id("harjula")],
        network_id: None,
        location_id: None,
        place: "Harjulankatu 7, Lahti".into(),
        municipality_code: Some("398".into()),
        online_url: None,
        starts_at,
        ends_at: starts_at + Duration::hours(2),
        recurrence: None,
        audience: vec![],
        languages: vec!["fi".into()],
        cost: String::new(),
        accessibility: String::new(),
        capacity,
        signup: true,
        cancelled: false,
        sequence: 0,
        created_by: None,
        created_at: now,
        updated_at: now,
    }
}

fn signup(e: &Event, n: usize, state: SignupState) -> Signup {
    let now = OffsetDateTime::now_utc();
    Signup {
        id: SignupId::new(),
        event_id: e.id,
        user_id: None,
        name: format!("Osallistuja {n}"),
        email: format!("osallistuja{n}@example.fi"),
        needs: String::new(),
        lang: Lang::Fi,
        state,
        token_hash: format!("hash-{}", uuid::Uuid::new_v4()),
        created_at: now,
        confirmed_at: (state == SignupState::Going).then_some(now),
        reminded_for: None,
    }
}

/// The fields of a valid event form.
fn form(title: &str) -> Vec<(&'static str, String)> {
    let day = helsinki::local(OffsetDateTime::now_utc()).date() + Duration::days(20);
    let date = format!("{}", day);
    vec![
        ("kind", "workshop".into()),
        ("title", title.into()),
        (
            "description",
            "Tule oppimaan, miten työkokeilu sovitaan.".into(),
        ),
        ("place", "Harjulankatu 7, Lahti".into()),
        ("municipality", "398".into()),
        ("date", date.clone()),
        ("start", "10:00".into()),
        ("end_date", date),
        ("end", "12:00".into()),
        ("repeat", String::new()),
        ("capacity", "1".into()),
        ("signup", "1".into()),
        ("audience", "long-term-unemployed".into()),
        ("languages", "fi".into()),
    ]
}

/// The fields as a browser sends the form (with the page's CSRF token).
fn owned(b: &Browser<'_>, fields: &[(&'static str, String)]) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    all.push(("csrf".into(), b.csrf()));
    all
}

both_engines!(
    an_organizer_publishes_people_sign_up_and_the_waiting_list_moves_up,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let new = format!("/fi/organizations/{harjula}/events/new");
        assert_eq!(admin.get(&new).await.status, 200);
        // Junk: no title, the end before the start, a capacity of words; all typed kept.
        let mut junk = form("");
        junk.retain(|(k, _)| *k != "end" && *k != "capacity");
        junk.push(("end", "09:00".into()));
        junk.push(("capacity", "paljon".into()));
        junk.push(("accessibility", "Pyörätuolilla pääsee <sisään>".into()));
        let r = admin.post_raw(&new, &owned(&admin, &junk)).await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(r.body.contains("Pyörätuolilla pääsee &#60;sisään&#62;"));
        assert!(r.body.contains("paljon") && r.body.contains("Tule oppimaan"));
        assert!(r.body.contains("aria-invalid=\"true\""));
        // Another organization's admin may not publish in Harjula's name.
        let mut other = app
            .signed_in(
                "toinen@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("manna")),
            )
            .await;
        let r = other.post_raw(&new, &owned(&other, &form("Vieras"))).await;
        assert_eq!(r.status, 403);
        let r = admin
            .post_raw(&new, &owned(&admin, &form("Työkokeilun työpaja")))
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = r.header("location").split('?').next().unwrap().to_string();
        let id = page.rsplit('/').next().unwrap().to_string();
        let public = app.get(&page).await;
        assert_eq!(public.status, 200);
        assert!(public.body.contains("Työkokeilun työpaja"));
        assert!(public.body.contains("application/ld+json"));
        assert!(public
            .body
            .contains(&format!("/fi/events/{id}/calendar.ics")));
        // The organization's list and the municipality's list show it.
        assert!(app
            .get("/fi/events?municipality=398")
            .await
            .body
            .contains("Työkokeilun työpaja"));

        // Without an account: name and address, then the link in the mail.
        let mut a = Browser::from_addr(&app, "192.0.2.61:1");
        // Junk first: the name kept, the address refused.
        let r = a
            .post(
                &format!("{page}/signup"),
                &[
                    ("name", "Aino Asiakas"),
                    ("email", "ei-osoite"),
                    ("needs", "Tulkki"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Aino Asiakas") && r.body.contains("Tulkki"));
        let r = a
            .post(
                &format!("{page}/signup"),
                &[
                    ("name", "Aino Asiakas"),
                    ("email", "aino@example.fi"),
                    ("needs", "Tulkki"),
                ],
            )
            .await;
        assert_eq!(r.header("location"), format!("{page}?done=confirm-sent"));
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "aino@example.fi");
        let aino = link(&mails[0]);
        // Opening the link changes nothing (mail scanners open links): still pending.
        let status = a.get(&aino).await;
        assert_eq!(status.status, 200);
        assert!(status.body.contains("Työkokeilun työpaja"));
        let ours = app
            .store
            .signups(EventId(id.parse().unwrap()))
            .await
            .unwrap();
        assert_eq!(ours[0].state, SignupState::Pending);
        let token = token_of(&aino);
        let r = a
            .post(
                "/fi/events/signup",
                &[("token", &token), ("action", "confirm")],
            )
            .await;
        assert_eq!(r.status, 303);
        assert!(r.header("location").contains("done=confirmed"));
        assert!(outbox(&app).await[0].body.contains("Työkokeilun työpaja"));
        // Signing up the same address again tells nothing to whoever types it: the same
        // answer as a new sign-up, and the address gets its own link again.
        let r = a
            .post(
                &format!("{page}/signup"),
                &[("name", "Joku muu"), ("email", "AINO@example.fi")],
            )
            .await;
        assert_eq!(r.header("location"), format!("{page}?done=confirm-sent"));
        let again = outbox(&app).await;
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].to, "aino@example.fi");
        assert_eq!(token_of(&link(&again[0])), token, "the same link");

        // With an account: at once, and on the waiting list (one place only).
        let mut b = app
            .signed_in("bertta@example.fi", Role::JobSeeker, None)
            .await;
        let r = b
            .post(
                &format!("{page}/signup"),
                &[("name", "Bertta"), ("needs", "")],
            )
            .await;
        assert_eq!(r.header("location"), format!("{page}?done=waiting"));
        let again = b
            .post(
                &format!("{page}/signup"),
                &[("name", "Bertta"), ("needs", "")],
            )
            .await;
        assert_eq!(again.header("location"), format!("{page}?done=already"));
        let told = outbox(&app).await;
        assert_eq!(told.len(), 1, "one mail for one sign-up");
        assert_eq!(told[0].to, "bertta@example.fi");

        // Participants: the organizer sees both, with the needs; others do not.
        let list = admin.get(&format!("{page}/participants")).await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Aino Asiakas") && list.body.contains("Tulkki"));
        assert!(list.body.contains("Bertta"));
        assert_eq!(other.get(&format!("{page}/participants")).await.status, 403);
        assert_eq!(b.get(&format!("{page}/participants.csv")).await.status, 403);
        let anon = app.get(&format!("{page}/participants")).await;
        assert_ne!(anon.status, 200);
        assert!(!anon.body.contains("Aino Asiakas"));
        let csv = admin.get(&format!("{page}/participants.csv")).await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv.body.starts_with('\u{feff}'));
        assert!(csv.body.contains("aino@example.fi"));

        // Aino cancels from her mail: Bertta moves up and is told.
        let r = a
            .post(
                "/fi/events/signup",
                &[("token", &token), ("action", "cancel")],
            )
            .await;
        assert!(r.header("location").contains("done=cancelled"));
        let told = outbox(&app).await;
        assert!(told.iter().any(|m| m.to == "aino@example.fi"));
        let moved = told
            .iter()
            .find(|m| m.to == "bertta@example.fi")
            .expect("Bertta is told she has a place");
        assert!(moved.body.contains("Työkokeilun työpaja"));
        let states: Vec<(String, SignupState)> = app
            .store
            .signups(EventId(id.parse().unwrap()))
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.name, s.state))
            .collect();
        assert!(states.contains(&("Bertta".into(), SignupState::Going)));
        assert!(states.contains(&("Aino Asiakas".into(), SignupState::Cancelled)));
        // A token that is not one: 404, not 500.
        let r = a
            .post(
                "/fi/events/signup",
                &[("token", "x'; DROP"), ("action", "cancel")],
            )
            .await;
        assert_eq!(r.status, 404);
    }
);

both_engines!(
    sign_ups_racing_for_the_last_place_never_both_get_it,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let e = event(10, Some(1));
        store.save_event(&e).await.unwrap();
        // Eight people with accounts at once: one place.
        let tasks: Vec<_> = (0..8)
            .map(|n| {
                let store = store.clone();
                let s = signup(&e, n, SignupState::Going);
                tokio::spawn(async move { store.add_signup(&s).await.unwrap() })
            })
            .collect();
        let mut going = 0;
        for t in tasks {
            match t.await.unwrap() {
                SignupAdded::Added(SignupState::Going) => going += 1,
                SignupAdded::Added(SignupState::Waiting) => {}
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(going, 1);
        // Confirmations racing for a freed place: one gets it.
        let f = event(11, Some(1));
        store.save_event(&f).await.unwrap();
        let pending: Vec<Signup> = (0..6)
            .map(|n| signup(&f, n, SignupState::Pending))
            .collect();
        for s in &pending {
            store.add_signup(s).await.unwrap();
        }
        let now = OffsetDateTime::now_utc();
        let tasks: Vec<_> = pending
            .iter()
            .map(|s| {
                let store = store.clone();
                let id = s.id;
                tokio::spawn(async move { store.confirm_signup(id, now).await.unwrap() })
            })
            .collect();
        let mut states = vec![];
        for t in tasks {
            states.push(t.await.unwrap());
        }
        assert_eq!(
            states
                .iter()
                .filter(|s| **s == Some(SignupState::Going))
                .count(),
            1,
            "{states:?}"
        );
        let all = store.signups(f.id).await.unwrap();
        assert_eq!(
            all.iter().filter(|s| s.state == SignupState::Going).count(),
            1
        );
        // A cancel moves exactly the first in line up.
        let holder = all.iter().find(|s| s.state == SignupState::Going).unwrap();
        let moved = store.cancel_signup(holder.id).await.unwrap().unwrap();
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].state, SignupState::Going);
        assert!(
            store.cancel_signup(holder.id).await.unwrap().is_none(),
            "once"
        );
    }
);

/// The VEVENT of `uid` in a calendar, unfolded.
fn vevent(ics: &str, uid: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .find(|v| v.contains(&format!("UID:{uid}")))
        .unwrap_or_else(|| panic!("no {uid} in\n{ics}"))
        .to_string()
}

both_engines!(
    a_cancelled_event_is_cancelled_in_every_feed,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let network = kolmonen::demo::demo_network().0.id;
        let mut e = event(15, None);
        e.network_id = Some(network);
        app.store.save_event(&e).await.unwrap();
        let page = format!("/fi/events/{}", e.id);
        let mut person = app
            .signed_in("osallistuja@example.fi", Role::JobSeeker, None)
            .await;
        let r = person
            .post(&format!("{page}/signup"), &[("name", "Osallistuja")])
            .await;
        assert_eq!(r.header("location"), format!("{page}?done=signed-up"));
        let mine = person.get("/fi/me/calendar").await;
        assert_eq!(mine.status, 200);
        assert!(
            !mine.body.contains("/calendars/"),
            "no feed until asked for"
        );
        let r = person.post("/fi/me/calendar", &[]).await;
        assert_eq!(r.status, 303);
        let mine = person.get("/fi/me/calendar").await;
        let start = mine.body.find("/calendars/").expect("the feed address");
        let personal = mine.body[start..]
            .split(['"', '<', ' '])
            .next()
            .unwrap()
            .to_string();
        let feeds = [
            format!("/fi/events/{}/calendar.ics", e.id),
            format!("/fi/organizations/{harjula}/events.ics"),
            format!("/fi/networks/{network}/events.ics"),
            "/fi/municipalities/398/events.ics".to_string(),
            format!("/fi{}", personal.trim_start_matches("/fi")),
        ];
        let uid = kolmonen::domain::ical::uid(&e);
        for f in &feeds {
            let r = app.get(f).await;
            assert_eq!(r.status, 200, "{f}");
            assert!(r.header("content-type").starts_with("text/calendar"), "{f}");
            assert!(r.body.contains("BEGIN:VTIMEZONE") && r.body.contains("TZID:Europe/Helsinki"));
            let v = vevent(&r.body, &uid);
            assert!(
                v.contains("STATUS:CONFIRMED") && v.contains("SEQUENCE:0"),
                "{f}: {v}"
            );
        }
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let r = admin.post(&format!("{page}/cancel"), &[]).await;
        assert_eq!(r.header("location"), format!("{page}?done=cancelled"));
        for f in &feeds {
            let r = app.get(f).await;
            assert_eq!(r.status, 200, "{f}");
            let v = vevent(&r.body, &uid);
            assert!(v.contains("STATUS:CANCELLED"), "{f}: {v}");
            assert!(v.contains("SEQUENCE:1"), "{f}: {v}");
        }
        // The person hears of it.
        assert!(outbox(&app)
            .await
            .iter()
            .any(|m| m.to == "osallistuja@example.fi" && m.body.contains("Työnhaun työpaja")));
        // A renewed feed address: the old one is gone.
        let r = person.post("/fi/me/calendar", &[]).await;
        assert_eq!(r.status, 303);
        assert_eq!(app.get(&feeds[4]).await.status, 404);
        assert_eq!(
            app.get("/fi/calendars/nonsense/events.ics").await.status,
            404
        );
    }
);

both_engines!(
    reminders_go_once_and_participants_are_deleted_after_30_days,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let keys = kolmonen::accounts::keys::Keys::load(&store, None)
            .await
            .unwrap();
        let now = OffsetDateTime::now_utc();
        let tomorrow = event(1, None);
        store.save_event(&tomorrow).await.unwrap();
        store
            .add_signup(&signup(&tomorrow, 1, SignupState::Going))
            .await
            .unwrap();
        store
            .add_signup(&signup(&tomorrow, 2, SignupState::Pending))
            .await
            .unwrap();
        let n = kolmonen::services::events::remind(&store, &keys, "http://k.test", now)
            .await
            .unwrap();
        assert_eq!(n, 1, "only who has a place");
        let again = kolmonen::services::events::remind(&store, &keys, "http://k.test", now)
            .await
            .unwrap();
        assert_eq!(again, 0, "once");

        // An event that ended 31 days ago: its people go; one that ended 29 days ago keeps them.
        let mut old = event(-31, None);
        old.signup = true;
        let mut recent = event(-29, None);
        recent.signup = true;
        for e in [&old, &recent] {
            store.save_event(e).await.unwrap();
            store
                .add_signup(&signup(e, 9, SignupState::Going))
                .await
                .unwrap();
        }
        let purged = kolmonen::services::events::purge(&store, now)
            .await
            .unwrap();
        assert_eq!(purged, 1);
        assert!(store.signups(old.id).await.unwrap().is_empty());
        assert_eq!(store.signups(recent.id).await.unwrap().len(), 1);
        // The event itself stays, as a record.
        assert!(store.event(old.id).await.unwrap().is_some());
    }
);

both_engines!(
    past_events_stay_as_a_record_in_three_languages,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let past = app.get("/fi/events?past=1").await;
        assert_eq!(past.status, 200);
        assert!(past.body.contains("Mahdollisuudet käyttöön! Työpaja I"));
        let upcoming = app.get("/fi/events").await;
        assert!(!upcoming.body.contains("Mahdollisuudet käyttöön! Työpaja I"));
        assert!(upcoming.body.contains("kevättapaaminen"));
        for lang in ["sv", "en"] {
            let r = app.get(&format!("/{lang}/events")).await;
            assert_eq!(r.status, 200);
            assert!(r.body.contains(&format!("lang=\"{lang}\"")));
        }
        // Junk in the filters is a 400 or ignored, never a 500.
        for q in [
            "municipality=%00",
            "network=x",
            "audience=%3Cscript%3E",
            "past=2",
            "page=-1",
        ] {
            let r = app.get(&format!("/fi/events?{q}")).await;
            assert!(r.status.as_u16() < 500, "{q}: {}", r.status);
        }
    }
);

both_engines!(
    an_unverified_organization_names_no_other_organizers,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let unchecked = organization_id("kankurin-apu");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(unchecked))
            .await;
        let new = format!("/fi/organizations/{unchecked}/events/new");
        let mut fields = form("Yhteinen tapahtuma");
        fields.push(("co_organizers", "Harjulan Setlementti ry".into()));
        let r = admin.post_raw(&new, &owned(&admin, &fields)).await;
        assert_eq!(r.status, 400);
        assert!(
            r.body.contains("Harjulan Setlementti ry"),
            "what was typed is kept"
        );
        assert!(r.body.contains("koordinaattori on tarkistanut"));
        // In its own name it publishes.
        let r = admin
            .post_raw(&new, &owned(&admin, &form("Oma tapahtuma")))
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
);

both_engines!(
    a_feed_is_built_again_only_when_its_events_change,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut e = event(12, None);
        app.store.save_event(&e).await.unwrap();
        let feed = "/fi/municipalities/398/events.ics";
        let first = app.get(feed).await;
        assert_eq!(first.status, 200);
        let etag = first.header("etag").to_string();
        assert!(etag.starts_with('"') && first.body.contains("Työnhaun työpaja"));
        let again = |tag: String| {
            axum::http::Request::get(feed)
                .header("if-none-match", tag)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        // No cookie for a calendar program: a proxy may keep it for five minutes.
        assert_eq!(first.header("set-cookie"), "");
        assert_eq!(first.header("cache-control"), "public, max-age=300");
        // A calendar program that has it already: 304, nothing sent; also when a proxy that
        // compressed it made the tag weak.
        let r = app.request(again(etag.clone())).await;
        assert_eq!(r.status, 304);
        assert!(r.body.is_empty());
        assert_eq!(app.request(again(format!("W/{etag}"))).await.status, 304);
        // The same feed from the cache is the same calendar.
        assert_eq!(app.get(feed).await.body, first.body);
        // The event changes: a new calendar and a new tag.
        e.title = "Työnhaun työpaja uudella ajalla".into();
        e.sequence += 1;
        e.updated_at = kolmonen::domain::now_micros();
        app.store.save_event(&e).await.unwrap();
        let r = app.request(again(etag.clone())).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("Työnhaun työpaja uudella ajalla"));
        assert_ne!(r.header("etag"), etag);
        // An organizer renamed: the feed names it anew.
        let mut org = app
            .store
            .organization(organization_id("harjula"))
            .await
            .unwrap()
            .unwrap();
        org.name = "Harjulan Setlementti (uusi nimi)".into();
        org.updated_at = kolmonen::domain::now_micros();
        let batch = kolmonen::store::DirectoryBatch {
            organizations: vec![org],
            ..Default::default()
        };
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .unwrap();
        assert!(app.get(feed).await.body.contains("(uusi nimi)"));
        // An event at one of its places: the place's new street reaches the feed, and the
        // other event's entry is written as before.
        let mut place = app
            .store
            .locations_of_organization(organization_id("harjula"))
            .await
            .unwrap()
            .remove(0);
        let mut there = event(20, None);
        there.title = "Avoimet ovet".into();
        there.place = String::new();
        there.location_id = Some(place.id);
        app.store.save_event(&there).await.unwrap();
        let entry = |body: &str, title: &str| {
            body.split("BEGIN:VEVENT")
                .find(|v| v.contains(title))
                .map(|v| v.replace("\r\n ", ""))
                .unwrap_or_default()
        };
        let before = app.get(feed).await.body;
        assert!(
            entry(&before, "Avoimet ovet").contains(&place.street),
            "{before}"
        );
        let save_place = |place: kolmonen::domain::Location| {
            let store = app.store.clone();
            async move {
                let batch = kolmonen::store::DirectoryBatch {
                    locations: vec![place],
                    ..Default::default()
                };
                kolmonen::services::save_batch(store.as_ref(), &batch)
                    .await
                    .unwrap();
            }
        };
        place.street = "Uusikatu 99".into();
        save_place(place.clone()).await;
        let after = app.get(feed).await.body;
        assert!(
            entry(&after, "Avoimet ovet").contains("Uusikatu 99"),
            "{after}"
        );
        let unchanged = "Työnhaun työpaja uudella ajalla";
        assert_eq!(entry(&after, unchanged), entry(&before, unchanged));
        // The place moves to Helsinki: so does its event, from feed to feed.
        place.street = "Uusikatu 99".into();
        place.municipality_code = Some("091".into());
        place.postal_code = "00100".into();
        save_place(place).await;
        assert!(!app.get(feed).await.body.contains("Avoimet ovet"));
        assert!(app
            .get("/fi/municipalities/091/events.ics")
            .await
            .body
            .contains("Avoimet ovet"));
        // Another language is another calendar.
        let sv = app.get("/sv/municipalities/398/events.ics").await;
        assert_ne!(sv.header("etag"), r.header("etag"));
    }
);

both_engines!(
    a_deleted_account_frees_its_place_for_the_waiting_list,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let e = event(9, Some(1));
        app.store.save_event(&e).await.unwrap();
        let page = format!("/fi/events/{}", e.id);
        let mut person = app
            .signed_in("poistuva@example.fi", Role::JobSeeker, None)
            .await;
        let r = person
            .post(&format!("{page}/signup"), &[("name", "Poistuva")])
            .await;
        assert_eq!(r.header("location"), format!("{page}?done=signed-up"));
        // Someone without an account waits for the one place.
        let waiting = signup(&e, 1, SignupState::Pending);
        app.store.add_signup(&waiting).await.unwrap();
        app.store
            .confirm_signup(waiting.id, OffsetDateTime::now_utc())
            .await
            .unwrap();
        outbox(&app).await;
        let r = person
            .post(
                "/fi/account/delete",
                &[("delete_password", crate::common::PASSWORD)],
            )
            .await;
        assert_eq!(r.status, 303);
        let now = app.store.signups(e.id).await.unwrap();
        assert_eq!(now.len(), 1);
        assert_eq!(now[0].id, waiting.id);
        assert_eq!(
            now[0].state,
            SignupState::Going,
            "moved up into the freed place"
        );
        let mails = outbox(&app).await;
        assert!(mails.iter().any(|m| m.to == waiting.email), "{mails:?}");
    }
);

both_engines!(
    search_finds_upcoming_events_and_forgets_cancelled_and_past_ones,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let new = format!("/fi/organizations/{harjula}/events/new");
        let mut fields = form("Kevään rekrytointimessut");
        fields.retain(|(k, _)| *k != "kind");
        fields.push(("kind", "recruitment_fair".into()));
        let r = admin.post_raw(&new, &owned(&admin, &fields)).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = r.header("location").split('?').next().unwrap().to_string();
        let id = page.rsplit('/').next().unwrap().to_string();

        // Found by an inflected word, with its type and kind facets, in every language.
        let r = app
            .get("/api/v1/search?q=rekrytointimessuilla&type=event&per_page=100")
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let j = r.json();
        let hit = j["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == id.as_str())
            .unwrap_or_else(|| panic!("the new event is found: {}", r.body));
        assert_eq!(hit["type"], "event");
        assert_eq!(hit["url"], format!("/fi/events/{id}"));
        let kinds = j["facets"]["kind"].as_array().unwrap();
        assert!(kinds
            .iter()
            .any(|k| k["value"] == "recruitment_fair" && k["label"] == "Rekrytointitapahtuma"));
        let r = app
            .get("/api/v1/search?q=Harjula&type=event&kind=recruitment_fair&lang=sv&municipality=398")
            .await;
        assert!(r.body.contains(&id), "{}", r.body);
        assert!(r.body.contains("Evenemang"), "{}", r.body);
        // The search page shows it as a card with when it is, and no "checked" date.
        let html = app.get("/fi/search?q=rekrytointimessut&type=event").await;
        assert_eq!(html.status, 200);
        assert!(
            html.body.contains(&format!("/fi/events/{id}")),
            "{}",
            html.body
        );
        assert!(html.body.contains("Rekrytointitapahtuma"));
        assert!(html.body.contains("10.00–12.00"), "{}", html.body);

        // Cancelled: out of search.
        let r = admin
            .post(&format!("{page}/cancel"), &[("confirm", "1")])
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let r = app
            .get("/api/v1/search?q=rekrytointimessut&type=event")
            .await;
        assert!(!r.body.contains(&id), "{}", r.body);

        // Over: the quarter-hourly job takes an event out once its last day has passed.
        let mut past = event(-3, None);
        past.title = "Menneen viikon verkostotapaaminen".into();
        app.store.save_event(&past).await.unwrap();
        let then = OffsetDateTime::now_utc() - Duration::days(5);
        let orgs = app
            .store
            .organizations_by_id(&past.organizers)
            .await
            .unwrap();
        let docs = kolmonen::search::event_documents(std::slice::from_ref(&past), &orgs, &[], then);
        assert_eq!(docs.len(), 1, "indexed as it was five days ago");
        app.store
            .replace_search_documents(&[kolmonen::search::event_unit(past.id)], &docs)
            .await
            .unwrap();
        let found = |body: &str| body.contains(&past.id.to_string());
        let q = "/api/v1/search?q=verkostotapaaminen&type=event&per_page=100";
        assert!(found(&app.get(q).await.body));
        let today = helsinki::local(OffsetDateTime::now_utc()).date();
        let n = kolmonen::search::drop_past_events(app.store.as_ref(), today)
            .await
            .unwrap();
        assert_eq!(n, 1);
        assert!(!found(&app.get(q).await.body));
        // Nothing more to do the next time.
        assert_eq!(
            kolmonen::search::drop_past_events(app.store.as_ref(), today)
                .await
                .unwrap(),
            0
        );
    }
);
