//! Security tests on the real router and both engines (issue 5): CSRF on every POST,
//! sessions and their cookies, throttling, no account enumeration, headers on every answer.

use crate::common::PASSWORD;
use crate::common::{add_account, logged, Browser, Engine, TestApp};
use axum::body::Body;
use axum::http::Request;
use kolmonen::accounts::{throttle, Email, Role};

/// The demo data with one job seeker's account, ann@example.fi.
async fn app_with_ann(engine: Engine) -> TestApp {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    app
}

/// Every route of the router with its parameters filled with real values.
async fn every_route(app: &TestApp) -> Vec<String> {
    let org = app.first_id("organizations").await;
    let svc = app.first_id("services").await;
    let opp = app.first_id("opportunities").await;
    let net = demo_network_id();
    let event = demo_event_id();
    let project = app.first_id("projects").await;
    let article = app.first_id("articles").await;
    let attachment = demo_attachment_id(app).await;
    kolmonen::route_patterns()
        .into_iter()
        .map(|p| {
            let id = if p.contains("/services/") {
                &svc
            } else if p.contains("/projects/") {
                &project
            } else if p.contains("/articles/") {
                &article
            } else if p.contains("/attachments/") {
                &attachment
            } else if p.contains("/opportunities/") {
                &opp
            } else if p.contains("/networks/") {
                &net
            } else if p.contains("/events/") && !p.contains("/organizations/") {
                &event
            } else {
                &org
            };
            p.replace("{lang}", "fi")
                .replace("{id}", id)
                .replace("{code}", "398")
        })
        .collect()
}

/// A demo project report's id (every test app has them).
async fn demo_attachment_id(app: &TestApp) -> String {
    let projects = app.get("/api/v1/projects?per_page=100").await.json();
    projects["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["attachments"][0]["id"].as_str())
        .expect("a demo project with a report")
        .to_string()
}

/// A demo event's id (every test app has it): the spring network meeting, which takes
/// sign-ups.
fn demo_event_id() -> String {
    kolmonen::demo::demo_events(time::OffsetDateTime::now_utc())
        .into_iter()
        .find(|e| e.signup)
        .expect("a demo event with sign-up")
        .id
        .to_string()
}

/// The demo network's id (every test app has it).
fn demo_network_id() -> String {
    kolmonen::demo::demo_network().0.id.to_string()
}

fn is_page(path: &str) -> bool {
    !["/api", "/hsds", "/static", "/healthz", "/readyz"]
        .iter()
        .any(|p| path.starts_with(p))
}

both_engines!(every_post_needs_our_token_and_origin, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 303);
    let token = b.csrf();
    assert_eq!(token.len(), 64);
    let form = |t: &str| format!("email=ann%40example.fi&password=x&csrf={t}");
    for path in every_route(&app).await {
        if !is_page(&path) {
            let r = b.send(Request::post(&path), Body::from(form(&token))).await;
            assert!(!r.status.is_success(), "{path}: {}", r.status);
            continue;
        }
        let cases: Vec<(&str, axum::http::request::Builder, String)> = vec![
            (
                "no token",
                Request::post(&path),
                "email=a&password=b".into(),
            ),
            ("wrong token", Request::post(&path), form(&"0".repeat(64))),
            (
                "cross-site",
                Request::post(&path).header("sec-fetch-site", "cross-site"),
                form(&token),
            ),
            (
                "same-site",
                Request::post(&path).header("sec-fetch-site", "same-site"),
                form(&token),
            ),
            (
                "other origin",
                Request::post(&path)
                    .header("origin", "https://evil.example")
                    .header("host", "kolmonen.fi"),
                form(&token),
            ),
        ];
        for (what, req, body) in cases {
            let req = req.header("content-type", "application/x-www-form-urlencoded");
            let r = b.send(req, Body::from(body)).await;
            assert_eq!(r.status, 403, "{path}: {what}");
            assert!(
                r.body.contains("<h1>"),
                "{path}: {what}: a page that says why"
            );
        }
        // Not a form: refused even with the token in it.
        let r = b
            .send(
                Request::post(&path).header("content-type", "application/json"),
                Body::from(format!("{{\"csrf\":\"{token}\"}}")),
            )
            .await;
        assert_eq!(r.status, 403, "{path}: json");
        for method in ["PUT", "DELETE", "PATCH"] {
            let r = b
                .send(Request::builder().method(method).uri(&path), Body::empty())
                .await;
            assert_eq!(r.status, 403, "{method} {path}");
        }
    }
    // Still signed in: none of that did anything.
    assert_eq!(b.get("/fi/account").await.status, 200);
});

both_engines!(signing_in_and_out, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let mut b = Browser::new(&app);
    let r = b.get("/fi/account").await;
    assert_eq!(r.status, 303, "signed out: to the sign-in form");
    assert_eq!(r.header("location"), "/fi/login?next=%2Ffi%2Faccount");

    let form = b.get("/fi/login").await;
    assert!(form.body.contains("type=\"password\""), "masked");
    let r = b.sign_in(" Ann@Example.FI ", PASSWORD).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/fi/account");
    let cookies: Vec<&str> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let session = cookies
        .iter()
        .find(|c| c.starts_with("__Host-kolmonen-session="))
        .expect("session cookie");
    for attr in ["; Path=/", "; HttpOnly", "; SameSite=Lax", "; Secure"] {
        assert!(session.contains(attr), "{session}: {attr}");
    }
    assert!(!session.contains("Domain"), "host-only");
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("__Host-kolmonen-csrf=")),
        "a new CSRF token with the session"
    );
    let token = b.cookies["__Host-kolmonen-session"].clone();
    let stored = app
        .store
        .session(
            &kolmonen::accounts::session::SessionToken::parse(&token)
                .unwrap()
                .hash(),
        )
        .await
        .unwrap();
    assert!(stored.is_some(), "only the hash is the key");
    assert!(
        app.store.session(&token).await.unwrap().is_none(),
        "the token itself is not stored"
    );

    for lang in ["fi", "sv", "en"] {
        let r = b.get(&format!("/{lang}/account")).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("ann@example.fi"));
        assert_eq!(r.header("cache-control"), "no-store", "signed-in pages");
    }
    for url in ["/fi/", "/fi/search?q=kahvila", "/fi/nope"] {
        let r = b.get(url).await;
        assert_eq!(r.header("cache-control"), "no-store", "{url}");
    }
    let r = b.get("/fi/login").await;
    assert_eq!(r.status, 303, "signed in already");

    // A copy of the cookie taken before sign-out is worthless after it.
    let mut thief = Browser::from_addr(&app, "198.51.100.1:1");
    thief
        .cookies
        .insert("__Host-kolmonen-session".into(), token.clone());
    assert_eq!(thief.get("/fi/account").await.status, 200);
    let r = b.post("/fi/logout", &[]).await;
    assert_eq!(r.status, 303);
    assert!(!b.cookies.contains_key("__Host-kolmonen-session"));
    assert_eq!(b.get("/fi/account").await.status, 303);
    let r = thief.get("/fi/account").await;
    assert_eq!(r.status, 303, "ended on every node: the row is gone");
    assert!(
        !thief.cookies.contains_key("__Host-kolmonen-session"),
        "a dead session cookie is deleted"
    );

    // Junk cookies sign nobody in and break nothing.
    for junk in ["", "x", &"f".repeat(64), "%00;;=", &"a".repeat(5000)] {
        let mut j = Browser::from_addr(&app, "198.51.100.2:1");
        j.cookies
            .insert("__Host-kolmonen-session".into(), junk.to_string());
        let r = j.get("/fi/account").await;
        assert_eq!(r.status, 303, "{junk}");
    }
});

both_engines!(
    a_new_password_ends_the_other_sessions,
    |engine| async move {
        let app = app_with_ann(engine).await;
        let mut a = Browser::new(&app);
        let mut b = Browser::from_addr(&app, "192.0.2.11:1");
        assert_eq!(a.sign_in("ann@example.fi", PASSWORD).await.status, 303);
        assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 303);

        let new = "mustikka metsä syksy";
        let r = a
            .post(
                "/en/account/password",
                &[("current_password", "wrong"), ("new_password", new)],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("The password is not right"), "{}", r.body);
        assert!(
            r.body.contains("href=\"#current_password\""),
            "summary links the field"
        );
        let r = a
            .post(
                "/en/account/password",
                &[
                    ("current_password", PASSWORD),
                    ("new_password", "password1"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("most common passwords"));
        let r = a
            .post(
                "/en/account/password",
                &[("current_password", PASSWORD), ("new_password", new)],
            )
            .await;
        assert_eq!(r.status, 303);
        assert_eq!(r.header("location"), "/en/account?done=password");
        let r = a.get("/en/account?done=password").await;
        assert_eq!(r.status, 200, "this browser stays signed in");
        assert!(r.body.contains("Your password has been changed"));
        assert_eq!(
            b.get("/fi/account").await.status,
            303,
            "the other one is out"
        );

        let mut c = Browser::from_addr(&app, "192.0.2.12:1");
        assert_eq!(c.sign_in("ann@example.fi", PASSWORD).await.status, 400);
        assert_eq!(c.sign_in("ann@example.fi", new).await.status, 303);
    }
);

both_engines!(
    accounts_can_be_deleted_by_their_owner,
    |engine| async move {
        let app = app_with_ann(engine).await;
        let mut a = Browser::new(&app);
        assert_eq!(a.sign_in("ann@example.fi", PASSWORD).await.status, 303);
        let r = a
            .post("/sv/account/delete", &[("delete_password", "nope")])
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Lösenordet stämmer inte"));
        let r = a
            .post("/sv/account/delete", &[("delete_password", PASSWORD)])
            .await;
        assert_eq!(r.status, 303);
        let email = Email::parse("ann@example.fi").unwrap();
        assert!(app.store.user_by_email(&email).await.unwrap().is_none());
        assert_eq!(a.get("/sv/account").await.status, 303);
        let r = a.get("/sv/login?done=deleted").await;
        assert!(r.body.contains("Ditt konto har raderats"));
    }
);

both_engines!(an_unconfirmed_address_cannot_sign_in, |engine| async move {
    let app = TestApp::spawn(engine).await;
    kolmonen::accounts::add_user(
        &app.store,
        "new@example.fi",
        Role::JobSeeker,
        None,
        PASSWORD,
    )
    .await
    .unwrap()
    .unwrap();
    let mut a = Browser::new(&app);
    let r = a.sign_in("new@example.fi", PASSWORD).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("vahvistettu"), "{}", r.body);
    assert!(!a.cookies.contains_key("__Host-kolmonen-session"));
});

both_engines!(failed_sign_ins_are_throttled, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    app.account("bo@example.fi", Role::JobSeeker, None).await;

    // Ten failures from one address, whichever accounts they try…
    let mut bad = Browser::from_addr(&app, "203.0.113.5:1000");
    for i in 0..10 {
        let email = if i % 2 == 0 {
            "ann@example.fi"
        } else {
            "nobody@example.fi"
        };
        let r = bad.sign_in(email, "wrong guess").await;
        assert_eq!(r.status, 400, "try {i}");
    }
    // …and the address is refused, even with the right password.
    let r = bad.sign_in("bo@example.fi", PASSWORD).await;
    assert_eq!(r.status, 429);
    let wait: i64 = r
        .header("retry-after")
        .parse()
        .expect("Retry-After seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(r.body.contains("Liian monta yritystä"), "{}", r.body);
    assert!(!bad.cookies.contains_key("__Host-kolmonen-session"));
    // The same network (IPv4 address, other port) is the same client.
    let mut same = Browser::from_addr(&app, "203.0.113.5:2000");
    assert_eq!(same.sign_in("bo@example.fi", PASSWORD).await.status, 429);
    // Another address is not affected.
    let mut other = Browser::from_addr(&app, "203.0.113.6:1000");
    assert_eq!(other.sign_in("bo@example.fi", PASSWORD).await.status, 303);

    // 100 failures in an hour for one account, from anywhere: the account is refused.
    let now = time::OffsetDateTime::now_utc();
    let key = throttle::account_key("ann@example.fi");
    for i in 0..94 {
        // ann already has 5 failures from above.
        app.store
            .record_login_failure(
                std::slice::from_ref(&key),
                now - time::Duration::minutes(i % 50),
            )
            .await
            .unwrap();
    }
    let mut far = Browser::from_addr(&app, "[2001:db8::1]:1");
    assert_eq!(far.sign_in("ann@example.fi", "wrong").await.status, 400);
    let r = far.sign_in("ann@example.fi", PASSWORD).await;
    assert_eq!(r.status, 429, "the right password does not get in");
    let wait: i64 = r
        .header("retry-after")
        .parse()
        .expect("Retry-After seconds");
    assert!((1..=3600).contains(&wait), "{wait}");
    let mut elsewhere = Browser::from_addr(&app, "[2001:db8:5::1]:1");
    assert_eq!(
        elsewhere.sign_in("ann@example.fi", PASSWORD).await.status,
        429
    );
    assert_eq!(
        elsewhere.sign_in("bo@example.fi", PASSWORD).await.status,
        303,
        "other accounts are not affected"
    );

    // The owner is told how to get in at once, and a password reset by mail makes their
    // browser known: someone else's guesses no longer keep them out.
    let r = elsewhere.sign_in("ann@example.fi", PASSWORD).await;
    assert_eq!(r.status, 429);
    assert!(r
        .body
        .contains("vaihda salasana sähköpostiin tulevalla linkillä"));
    crate::common::outbox(&app).await;
    let mut owner = Browser::from_addr(&app, "[2001:db8:7::1]:1");
    owner
        .post("/fi/password-reset", &[("email", "ann@example.fi")])
        .await;
    let mails = crate::common::outbox(&app).await;
    let token = crate::common::token_of(&crate::common::link(&mails[0]));
    let new = "uusi pitkä salasana";
    let r = owner
        .post(
            "/fi/password-reset/new",
            &[("token", &token), ("new_password", new)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        owner.sign_in("ann@example.fi", new).await.status,
        303,
        "the owner's browser gets in while the account is still over its limit"
    );
    assert_eq!(
        far.sign_in("ann@example.fi", new).await.status,
        429,
        "a browser that never proved itself is still refused"
    );
});

/// Two timings (µs) are alike: within a factor of three, or less than 5 ms apart (what a busy
/// test machine adds by itself). The fastest of several runs is compared: it is the least
/// disturbed by other work on the machine.
fn alike(a: u128, b: u128) -> bool {
    let ratio = a as f64 / b as f64;
    (0.33..3.0).contains(&ratio) || a.abs_diff(b) < 5_000
}

/// The fastest of `n` timings of `f`, in microseconds.
async fn fastest_micros<F, Fut>(n: usize, mut f: F) -> u128
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let t = std::time::Instant::now();
        f(i).await;
        times.push(t.elapsed().as_micros());
    }
    times.into_iter().min().unwrap_or(0)
}

both_engines!(
    sign_in_tells_nothing_about_which_accounts_exist,
    |engine| async move {
        let app = app_with_ann(engine).await;
        let attempt = |email: &'static str, n: usize| {
            let app = &app;
            async move {
                let mut b =
                    Browser::from_addr(app, &format!("198.18.{}.{}:1", n / 200, n % 200 + 1));
                let r = b.sign_in(email, "not the password").await;
                (r.status, r.body.replace(email, "EMAIL"))
            }
        };
        let known = attempt("ann@example.fi", 0).await;
        let unknown = attempt("nobody@example.fi", 1).await;
        assert_eq!(known.0, 400);
        assert_eq!(known.0, unknown.0);
        let strip = |s: &str| {
            // The CSRF token differs from browser to browser; nothing else may.
            s.split("name=\"csrf\" value=\"")
                .map(|part| part.get(64..).unwrap_or(part))
                .collect::<String>()
        };
        assert_eq!(strip(&known.1), strip(&unknown.1));

        let mut n = 10;
        let mut next = || {
            n += 1;
            n
        };
        let known = fastest_micros(7, |_| {
            let i = next();
            let a = &attempt;
            async move {
                a("ann@example.fi", i).await;
            }
        })
        .await;
        let unknown = fastest_micros(7, |_| {
            let i = next();
            let a = &attempt;
            async move {
                a("nobody@example.fi", i).await;
            }
        })
        .await;
        assert!(
            alike(known, unknown),
            "known {known} µs vs unknown {unknown} µs"
        );
    }
);

both_engines!(
    errors_and_redirects_carry_the_headers_too,
    |engine| async move {
        let app = app_with_ann(engine).await;
        let mut b = Browser::new(&app);
        let mut answers = vec![b.get("/fi/account").await, b.get("/fi/nope").await];
        answers.push(
            b.send(
                Request::post("/fi/login")
                    .header("content-type", "application/x-www-form-urlencoded"),
                Body::from("email=x"),
            )
            .await,
        );
        answers.push(b.sign_in("ann@example.fi", "wrong").await);
        answers.push(b.sign_in("ann@example.fi", PASSWORD).await);
        answers.push(b.get("/fi/nope").await);
        let big = "a".repeat(kolmonen::MAX_BODY_BYTES + 10);
        answers.push(b.post("/fi/login", &[("email", &big)]).await);
        let statuses: Vec<u16> = answers.iter().map(|r| r.status.as_u16()).collect();
        assert_eq!(statuses, [303, 404, 403, 400, 303, 404, 413]);
        for r in &answers {
            let csp = r.header("content-security-policy");
            assert!(csp.contains("frame-ancestors 'none'"), "{}", r.status);
            assert_eq!(r.header("x-content-type-options"), "nosniff");
            assert_eq!(r.header("x-frame-options"), "DENY");
            assert!(!r.header("referrer-policy").is_empty());
        }
        assert_eq!(
            answers[5].header("cache-control"),
            "no-store",
            "signed-in 404"
        );
    }
);

both_engines!(insecure_cookies_only_when_asked, |engine| async move {
    let store = crate::common::demo_store(engine).await;
    let config = kolmonen::Config {
        insecure_cookies: true,
        ..Default::default()
    };
    let app = TestApp::with_config(store, config);
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let mut b = Browser::new(&app);
    let r = b.sign_in("ann@example.fi", PASSWORD).await;
    assert_eq!(r.status, 303);
    let session = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("kolmonen-session="))
        .expect("plain cookie name");
    assert!(!session.contains("Secure"));
    assert!(session.contains("HttpOnly") && session.contains("SameSite=Lax"));
    assert_eq!(b.get("/fi/account").await.status, 200);
});

both_engines!(
    sign_up_and_reset_tell_nothing_about_which_accounts_exist,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        for i in 0..7 {
            let email = format!("ann{i}@example.fi");
            add_account(&app.store, &email, Role::JobSeeker, None, PASSWORD).await;
        }
        let mut n = 0u32;
        for (path, extra) in [
            ("/fi/signup", Some(("password", "toinen salasana tässä"))),
            ("/fi/password-reset", None),
        ] {
            let mut timings = Vec::new();
            for prefix in ["ann", "nobody"] {
                let mut answers = Vec::new();
                let mut times = Vec::new();
                for i in 0..7 {
                    n += 1;
                    let mut b =
                        Browser::from_addr(&app, &format!("198.19.{}.{}:1", n / 200, n % 200 + 1));
                    let email = format!("{prefix}{i}@example.fi");
                    let mut fields = vec![("email", email.as_str())];
                    fields.extend(extra);
                    let t = std::time::Instant::now();
                    let r = b.post(path, &fields).await;
                    times.push(t.elapsed().as_micros());
                    answers.push((r.status, r.header("location").to_string(), r.body));
                }
                assert!(answers.windows(2).all(|w| w[0] == w[1]), "{path}");
                times.sort_unstable();
                timings.push((answers.remove(0), times[0]));
            }
            assert_eq!(timings[0].0, timings[1].0, "{path}: the same answer");
            assert!(
                alike(timings[0].1, timings[1].1),
                "{path}: known {} µs vs unknown {} µs",
                timings[0].1,
                timings[1].1
            );
        }
    }
);

/// Routes where a role may act on any organization by design: coordinators verify
/// organizations they do not belong to; everyone may report errors.
fn cross_organization_by_design(role: Role, path: &str) -> bool {
    (role == Role::NetworkCoordinator && path.contains("/admin/organizations/"))
        // Anyone may report an error in a public record, without an account.
        || path.ends_with("/report")
        // Job seekers say they are interested in any organization's place.
        || (role == Role::JobSeeker && path.ends_with("/interest"))
        // An organization's admin asks any network to take it in (and may leave).
        || (role == Role::OrganizationAdmin
            && path.contains("/networks/")
            && (path.ends_with("/join") || path.ends_with("/leave")))
        // Anyone subscribes to any network's digest (no account needed).
        || (path.contains("/networks/") && path.ends_with("/subscribe"))
        // Anyone signs up for an event (and withdraws their own sign-up).
        || (path.contains("/events/") && (path.ends_with("/signup") || path.ends_with("/withdraw")))
}

both_engines!(
    every_route_with_an_id_keeps_other_organizations_out,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let ids = app.store.organization_ids().await.unwrap();
        // Organization A has services and opportunities; B is someone else.
        let mut target = None;
        for id in &ids {
            let r = app.store.records_of_organizations(&[*id]).await.unwrap();
            let own_place = r.locations.iter().find(|l| l.organization_id == Some(*id));
            if let (Some(s), Some(o), Some(l)) =
                (r.services.first(), r.opportunities.first(), own_place)
            {
                target = Some((*id, s.id.to_string(), o.id.to_string(), l.id.to_string()));
                break;
            }
        }
        let (a, service, opportunity, place) = target.expect("an organization with all three");
        let b = *ids.iter().find(|i| **i != a).unwrap();
        // An event of A's that takes sign-ups.
        let mut event = kolmonen::demo::demo_events(time::OffsetDateTime::now_utc())
            .into_iter()
            .find(|e| e.signup)
            .unwrap();
        event.id = kolmonen::domain::EventId::new();
        event.organizers = vec![a];
        app.store.save_event(&event).await.unwrap();
        let event = event.id.to_string();
        let roles = [
            ("seeker@example.fi", Role::JobSeeker, None),
            ("member@example.fi", Role::OrganizationMember, Some(b)),
            ("admin@example.fi", Role::OrganizationAdmin, Some(b)),
            ("coordinator@example.fi", Role::NetworkCoordinator, None),
        ];
        let mut browsers = Vec::new();
        for (i, (email, role, org)) in roles.iter().enumerate() {
            add_account(&app.store, email, *role, *org, PASSWORD).await;
            let mut br = Browser::from_addr(&app, &format!("192.0.2.{}:1", 100 + i));
            assert_eq!(br.sign_in(email, PASSWORD).await.status, 303);
            browsers.push((*role, br));
        }
        // An article of A's with a file.
        let (mut article, mut first) =
            kolmonen::demo::demo_articles(time::OffsetDateTime::now_utc())
                .unwrap()
                .remove(0);
        article.id = kolmonen::domain::ArticleId::new();
        article.key = None;
        article.authors = vec![a];
        first.article_id = article.id;
        app.store.save_article(&article, &first).await.unwrap();
        let file = kolmonen::domain::files::Attachment {
            id: kolmonen::domain::AttachmentId::new(),
            owner: kolmonen::domain::files::owner_of_article(article.id),
            title: "Pohja".into(),
            file_name: "Pohja.pdf".into(),
            kind: kolmonen::domain::files::FileKind::Pdf,
            size: 8,
            created_by: None,
            created_at: time::OffsetDateTime::now_utc(),
        };
        assert!(app
            .store
            .add_attachment(&file, b"%PDF-1.4", 20)
            .await
            .unwrap());
        let (article, file) = (article.id.to_string(), file.id.to_string());
        let before = app.store.organization(a).await.unwrap().unwrap();
        let mut anon = Browser::from_addr(&app, "192.0.2.99:1");
        let mut checked = 0;
        for pattern in kolmonen::route_patterns() {
            if !pattern.contains("{id}") || !is_page(pattern) {
                continue;
            }
            let id = if pattern.contains("/services/") {
                service.clone()
            } else if pattern.contains("/projects/") {
                app.first_id("projects").await
            } else if pattern.contains("/articles/") {
                article.clone()
            } else if pattern.contains("/attachments/") {
                file.clone()
            } else if pattern.contains("/opportunities/") {
                opportunity.clone()
            } else if pattern.contains("/locations/") {
                place.clone()
            } else if pattern.contains("/networks/") {
                demo_network_id()
            } else if pattern.contains("/events/") && !pattern.contains("/organizations/") {
                event.clone()
            } else {
                a.to_string()
            };
            let path = pattern.replace("{lang}", "fi").replace("{id}", &id);
            let public = anon.get(&path).await.status == 200;
            for (role, br) in browsers.iter_mut() {
                let get = br.get(&path).await.status.as_u16();
                assert!(
                    (get == 200 && public) || [403, 404, 405].contains(&get),
                    "{role:?} GET {path}: {get}"
                );
                if cross_organization_by_design(*role, &path) {
                    continue;
                }
                let post = br.post(&path, &[("name", "x")]).await.status.as_u16();
                assert!(
                    [403, 404, 405].contains(&post),
                    "{role:?} POST {path}: {post}"
                );
                checked += 1;
            }
        }
        assert!(checked >= 12, "the edit routes were among them: {checked}");
        // Nothing of A's changed.
        assert_eq!(app.store.organization(a).await.unwrap().unwrap(), before);
        assert!(app
            .store
            .history_of_organization(a, 10)
            .await
            .unwrap()
            .is_empty());
    }
);

both_engines!(admins_need_the_second_factor, |engine| async move {
    use kolmonen::accounts::totp;
    let app = TestApp::spawn(engine).await;
    let user = app
        .account("root@example.fi", Role::PlatformAdmin, None)
        .await;
    let mut a = Browser::new(&app);
    let r = a
        .post(
            "/fi/login",
            &[("email", "root@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/fi/login/second-factor");
    for path in ["/fi/account", "/fi/admin/organizations"] {
        assert_eq!(
            a.get(path).await.status,
            303,
            "{path}: the password alone is not enough"
        );
    }
    // First time: the app is set up from a QR code or the key.
    let r = a.get("/sv/login/second-factor").await;
    assert_eq!(r.status, 200);
    assert!(
        r.body.contains("<svg") && r.body.contains("otpauth://totp/Kolmonen:root%40example.fi")
    );
    assert_eq!(r.header("cache-control"), "no-store");
    let secret = app
        .store
        .second_factor(user.id)
        .await
        .unwrap()
        .unwrap()
        .secret;
    assert!(r.body.contains(&secret[..4]));
    let r = a
        .post("/sv/login/second-factor", &[("code", "000000")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Koden stämmer inte"));
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let code = totp::code_at(&secret, totp::step(now)).unwrap();
    let r = a.post("/sv/login/second-factor", &[("code", &code)]).await;
    assert_eq!(r.status, 200, "recovery codes");
    let li = scraper::Selector::parse("ol.recovery code").unwrap();
    let codes: Vec<String> = r.html().select(&li).map(|c| c.text().collect()).collect();
    assert_eq!(codes.len(), 10);
    assert_eq!(a.get("/fi/account").await.status, 200);
    assert_eq!(a.get("/fi/admin/organizations").await.status, 200);

    // The same code does not work twice.
    let mut b = Browser::from_addr(&app, "192.0.2.150:1");
    b.post(
        "/fi/login",
        &[("email", "root@example.fi"), ("password", PASSWORD)],
    )
    .await;
    let r = b.get("/fi/login/second-factor").await;
    assert!(
        !r.body.contains("<svg"),
        "set up already: no key shown again"
    );
    let r = b.post("/fi/login/second-factor", &[("code", &code)]).await;
    assert_eq!(r.status, 400, "replayed");
    // A recovery code works once.
    let r = b
        .post(
            "/fi/login/second-factor",
            &[("code", &codes[0].to_lowercase())],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/fi/account");
    let mut c = Browser::from_addr(&app, "192.0.2.151:1");
    c.post(
        "/fi/login",
        &[("email", "root@example.fi"), ("password", PASSWORD)],
    )
    .await;
    let r = c
        .post("/fi/login/second-factor", &[("code", &codes[0])])
        .await;
    assert_eq!(r.status, 400, "used");
    // Guessing is throttled: five wrong codes in 15 minutes from one client (one above),
    // then 429 even for a right one.
    for _ in 0..4 {
        let r = c
            .post("/fi/login/second-factor", &[("code", "123456")])
            .await;
        assert_eq!(r.status, 400);
    }
    let next = totp::code_at(&secret, totp::step(now) + 1).unwrap();
    let r = c.post("/fi/login/second-factor", &[("code", &next)]).await;
    assert_eq!(r.status, 429);
    assert!(r.header("retry-after").parse::<i64>().unwrap() > 0);
    assert_eq!(c.get("/fi/account").await.status, 303);
    // The limit counts per account and client: a colleague behind another address (or the
    // owner) is not locked out by these failures.
    let mut f = Browser::from_addr(&app, "192.0.2.154:1");
    f.post(
        "/fi/login",
        &[("email", "root@example.fi"), ("password", PASSWORD)],
    )
    .await;
    let r = f.post("/fi/login/second-factor", &[("code", &next)]).await;
    assert_eq!(r.status, 303, "another client is not locked out");
    // A lost phone: an operator resets the factor (after checking who asks); the next
    // sign-in sets a new one up, and the old secret and codes are gone.
    assert!(app.store.reset_second_factor(user.id).await.unwrap());
    assert_eq!(a.get("/fi/account").await.status, 303, "sessions ended");
    let mut e = Browser::from_addr(&app, "192.0.2.153:1");
    e.post(
        "/fi/login",
        &[("email", "root@example.fi"), ("password", PASSWORD)],
    )
    .await;
    let r = e.get("/fi/login/second-factor").await;
    assert!(r.body.contains("<svg"), "set up again");
    let fresh = app
        .store
        .second_factor(user.id)
        .await
        .unwrap()
        .unwrap()
        .secret;
    assert_ne!(fresh, secret);
    assert_eq!(app.store.recovery_codes_left(user.id).await.unwrap(), 0);
    let r = e
        .post("/fi/login/second-factor", &[("code", &codes[1])])
        .await;
    assert_ne!(r.status, 303, "old recovery codes are gone");
    assert_eq!(e.get("/fi/account").await.status, 303);
    // Without a password step there is nothing to type a code for.
    let mut d = Browser::from_addr(&app, "192.0.2.152:1");
    assert_eq!(d.get("/fi/login/second-factor").await.status, 303);
    assert_eq!(
        d.post("/fi/login/second-factor", &[("code", &next)])
            .await
            .status,
        303
    );
});

/// What a GET must never change.
async fn fingerprint(app: &TestApp, a: kolmonen::domain::OrganizationId) -> String {
    let s = &app.store;
    let users: Vec<String> = s
        .users_of_organization(a)
        .await
        .unwrap()
        .iter()
        .map(|u| format!("{}:{}", u.email, u.role.as_str()))
        .collect();
    format!(
        "{} {} {} {} {:?} {:?}",
        s.search_generation().await.unwrap(),
        s.open_error_reports(None).await.unwrap().len(),
        s.pending_registrations().await.unwrap().len(),
        s.history_of_organization(a, 1000).await.unwrap().len(),
        users,
        s.organization(a).await.unwrap(),
    )
}

both_engines!(no_get_changes_anything, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let a = kolmonen::domain::OrganizationId::parse(&app.first_id("organizations").await).unwrap();
    let records = app.store.records_of_organizations(&[a]).await.unwrap();
    let service = records
        .services
        .first()
        .map(|s| s.id.to_string())
        .unwrap_or_default();
    let opportunity = records
        .opportunities
        .first()
        .map(|o| o.id.to_string())
        .unwrap_or_default();
    let accounts = [
        ("seeker@example.fi", Role::JobSeeker, None),
        ("member@example.fi", Role::OrganizationMember, Some(a)),
        ("admin@example.fi", Role::OrganizationAdmin, Some(a)),
        ("coordinator@example.fi", Role::NetworkCoordinator, None),
        ("root@example.fi", Role::PlatformAdmin, None),
    ];
    let mut browsers = vec![Browser::from_addr(&app, "192.0.2.120:1")];
    for (i, (email, role, org)) in accounts.iter().enumerate() {
        add_account(&app.store, email, *role, *org, PASSWORD).await;
        let mut b = Browser::from_addr(&app, &format!("192.0.2.{}:1", 121 + i));
        b.sign_in(email, PASSWORD).await;
        browsers.push(b);
    }
    // An admin past the password only, waiting for the second factor.
    app.account("pending@example.fi", Role::OrganizationAdmin, Some(a))
        .await;
    let mut pending = Browser::from_addr(&app, "192.0.2.130:1");
    pending
        .post(
            "/fi/login",
            &[("email", "pending@example.fi"), ("password", PASSWORD)],
        )
        .await;
    browsers.push(pending);
    // Reports and an invitation exist, so their pages have something to show.
    let mut anon = Browser::from_addr(&app, "192.0.2.131:1");
    anon.post(
        &format!("/fi/organizations/{a}/report"),
        &[("message", "Puhelinnumero on vanha.")],
    )
    .await;
    let before = fingerprint(&app, a).await;
    let mut gets = 0;
    for pattern in kolmonen::route_patterns() {
        let id = if pattern.contains("/services/") {
            service.clone()
        } else if pattern.contains("/projects/") {
            app.first_id("projects").await
        } else if pattern.contains("/articles/") {
            app.first_id("articles").await
        } else if pattern.contains("/attachments/") {
            demo_attachment_id(&app).await
        } else if pattern.contains("/opportunities/") {
            opportunity.clone()
        } else if pattern.contains("/networks/") {
            demo_network_id()
        } else if pattern.contains("/events/") && !pattern.contains("/organizations/") {
            demo_event_id()
        } else {
            a.to_string()
        };
        for lang in ["fi", "sv"] {
            let path = pattern
                .replace("{lang}", lang)
                .replace("{id}", &id)
                .replace("{code}", "398");
            for query in ["", "?done=saved&token=0000&code=1&page=2"] {
                for b in browsers.iter_mut() {
                    let r = b.get(&format!("{path}{query}")).await;
                    assert!(r.status.as_u16() < 500, "{path}{query}: {}", r.status);
                    gets += 1;
                }
            }
        }
    }
    assert!(gets > 300, "{gets}");
    assert_eq!(fingerprint(&app, a).await, before);
});

both_engines!(
    old_password_hashes_are_redone_at_sign_in,
    |engine| async move {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let app = TestApp::spawn(engine).await;
        let user = app.account("old@example.fi", Role::JobSeeker, None).await;
        let weak = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(
            PASSWORD.as_bytes(),
            &SaltString::generate(&mut argon2::password_hash::rand_core::OsRng),
        )
        .unwrap()
        .to_string();
        app.store.set_password_hash(user.id, &weak).await.unwrap();
        let mut b = Browser::new(&app);
        assert_eq!(b.sign_in("old@example.fi", PASSWORD).await.status, 303);
        let stored = app
            .store
            .user_by_id(user.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash;
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert_ne!(stored, weak);
        let mut c = Browser::from_addr(&app, "192.0.2.66:1");
        assert_eq!(
            c.sign_in("old@example.fi", PASSWORD).await.status,
            303,
            "still the same password"
        );
    }
);

both_engines!(
    x_forwarded_for_counts_only_behind_a_trusted_proxy,
    |engine| async move {
        for trust in [false, true] {
            let store = crate::common::demo_store(engine).await;
            let config = kolmonen::Config {
                trust_proxy: trust,
                ..Default::default()
            };
            let app = TestApp::with_config(store, config);
            app.account("ann@example.fi", Role::JobSeeker, None).await;
            // Everyone comes through the proxy at 10.0.0.1; the proxy appends the client.
            let mut status = Vec::new();
            for i in 0..11 {
                let mut b = Browser::from_addr(&app, "10.0.0.1:443");
                b.get("/fi/login").await;
                let body = format!("email=nobody%40example.fi&password=x&csrf={}", b.csrf());
                let client = if i < 10 { "203.0.113.1" } else { "203.0.113.2" };
                let r = b
                    .send(
                        Request::post("/fi/login")
                            .header("content-type", "application/x-www-form-urlencoded")
                            .header("x-forwarded-for", format!("198.51.100.9, {client}")),
                        Body::from(body),
                    )
                    .await;
                status.push(r.status.as_u16());
            }
            if trust {
                assert_eq!(
                    status[10], 400,
                    "another client behind the proxy is not throttled"
                );
            } else {
                assert_eq!(
                    status[10], 429,
                    "without trust, the header is ignored: one address"
                );
            }
        }
    }
);

both_engines!(hsts_and_csp_as_asvs_asks, |engine| async move {
    let store = crate::common::demo_store(engine).await;
    let config = kolmonen::Config {
        hsts: true,
        ..Default::default()
    };
    let app = TestApp::with_config(store, config);
    for url in ["/fi/", "/fi/nope", "/api/v1/organizations", "/fi/login"] {
        let r = app.get(url).await;
        let hsts = r.header("strict-transport-security");
        assert!(hsts.contains("includeSubDomains"), "{url}: {hsts}");
        let age: u64 = hsts
            .split(';')
            .find_map(|p| p.trim().strip_prefix("max-age="))
            .and_then(|v| v.parse().ok())
            .unwrap();
        assert!(age >= 365 * 24 * 3600, "{url}: at least a year");
        let csp = r.header("content-security-policy");
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{url}: {csp}");
        }
    }
});

both_engines!(
    security_events_are_logged_without_personal_data,
    |engine| async move {
        let app = app_with_ann(engine).await;
        let user = app
            .store
            .user_by_email(&Email::parse("ann@example.fi").unwrap())
            .await
            .unwrap()
            .unwrap();
        let other = app.store.organization_ids().await.unwrap()[0];
        let log = logged(async {
            let mut b = Browser::new(&app);
            b.sign_in("ann@example.fi", "wrong password").await;
            b.sign_in("nobody@example.fi", "wrong password").await;
            b.sign_in("ann@example.fi", PASSWORD).await;
            b.get(&format!("/fi/organizations/{other}/edit")).await;
            b.send(
                Request::post("/fi/logout")
                    .header("content-type", "application/x-www-form-urlencoded"),
                Body::from("csrf=forged"),
            )
            .await;
            b.post("/fi/logout", &[]).await;
        })
        .await;
        for event in [
            "authn_login_fail",
            "authn_login_success",
            "authz_fail",
            "csrf_token_fail",
            "session_logout",
        ] {
            assert!(
                log.contains(&format!("event=\"{event}\"")),
                "{event}: {log}"
            );
        }
        assert!(log.contains(&user.id.to_string()), "accounts by id");
        for secret in [
            "ann@example.fi",
            "nobody@example.fi",
            PASSWORD,
            "wrong password",
            "192.0.2.10",
        ] {
            assert!(!log.contains(secret), "{secret} in the log: {log}");
        }
    }
);
