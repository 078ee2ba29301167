//! The findings of the outside security test (issue 14), each with a test that failed
//! before its fix, on both engines.

use crate::common::forms::{post_forms, submit_rendered, FormField, RenderedForm};
use crate::common::PASSWORD;
use crate::common::{add_account, link, outbox, token_of, Browser, Engine, TestApp, TestResponse};
use kolmonen::accounts::Role;
use kolmonen::domain::{OpportunityId, OrganizationId};
use kolmonen::store::{OpportunityFilter, PageRequest};

const NEW_PASSWORD: &str = "lumi sataa hiljaa illalla";

/// Two verified demo organizations, each with an open place: (organization, its place).
async fn two_verified(app: &TestApp) -> [(OrganizationId, OpportunityId); 2] {
    let mut found = Vec::new();
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
            .opportunities(&filter, PageRequest::new(1, 1))
            .await
            .unwrap();
        if let Some(o) = opps.items.first() {
            found.push((id, o.id));
        }
        if found.len() == 2 {
            return [found[0], found[1]];
        }
    }
    panic!("the demo has two verified organizations with open places");
}

// ---------------------------------------------------------------------------------------
// 4. Every rendered form, submitted as a browser would, is taken by its handler.

/// What a person types into a blank field they must fill (or into every password field).
fn typed(field: &FormField, own_email: &str, n: usize) -> Option<String> {
    let name = field.name.as_str();
    if field.kind == "password" {
        return Some(
            if name.contains("new") {
                NEW_PASSWORD
            } else {
                PASSWORD
            }
            .into(),
        );
    }
    if !field.required || !field.value.is_empty() {
        return None;
    }
    Some(match (field.kind.as_str(), name) {
        ("email", _) | (_, "email") if own_email.is_empty() => format!("uusi{n}@example.fi"),
        ("email", _) | (_, "email") => own_email.to_string(),
        (_, "new_email") => format!("uusi{n}@example.fi"),
        ("date", _) => "2027-03-01".into(),
        ("number", _) => "5".into(),
        (_, "municipality") => "398".into(),
        (_, "postal_code") => "15110".into(),
        (_, "street") => "Aleksanterinkatu 18".into(),
        (_, "business_id") => "0737546-2".into(),
        (_, n) if n.starts_with("name") || n.starts_with("title") => {
            format!("Lomakkeen testinimi {n}")
        }
        ("textarea", _) => "Tämä on tarpeeksi pitkä kuvaus siitä, mitä teemme ja kenelle.".into(),
        _ => "Testi".into(),
    })
}

/// A success: a redirect, or a page without an error summary.
fn taken(r: &TestResponse) -> bool {
    r.status == 303 || (r.status == 200 && !r.body.contains("class=\"error-summary\""))
}

/// The role (and organization) of a fresh account a page is opened with.
type Account = (Role, Option<OrganizationId>);

/// A browser from an address of its own, signed in to a fresh account of `role` (when there
/// is one).
async fn fresh_browser<'a>(app: &'a TestApp, role: Option<Account>, n: &mut usize) -> Browser<'a> {
    *n += 1;
    let mut b = Browser::from_addr(app, &format!("198.51.{}.{}:1", *n / 200, *n % 200));
    let Some((role, org)) = role else {
        return b;
    };
    let email = format!("lomake{n}@example.fi");
    add_account(&app.store, &email, role, org, PASSWORD).await;
    let r = b.sign_in(&email, PASSWORD).await;
    assert_eq!(r.status, 303, "{email} signs in");
    b
}

/// For every POST form on `path` (one of each action), a fresh account of `role` signs in,
/// opens the page and submits that form as rendered, with its blanks filled as a person
/// would. Returns the forms that were refused.
async fn submit_each_form(
    app: &TestApp,
    role: Option<Account>,
    path: &str,
    n: &mut usize,
) -> Vec<String> {
    let mut refused = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut first = fresh_browser(app, role, n).await;
    let keys: Vec<String> = post_forms(&first.get(path).await.body)
        .iter()
        .map(RenderedForm::key)
        .filter(|k| seen.insert(k.clone()))
        .collect();
    for wanted in keys {
        let mut b = fresh_browser(app, role, n).await;
        let page = b.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        let forms = post_forms(&page.body);
        // Another form's success may have changed the page (a record confirmed).
        let Some(form) = forms.into_iter().find(|f| f.key() == wanted) else {
            continue;
        };
        // Forms that name an address get a new one (the sign-in and reset forms, which need
        // an existing one, are sent by `submit_each_form_as_visitor_with_account`).
        let fields = form.filled(|f| typed(f, "", *n));
        let r = b.post_raw(&form.action, &fields).await;
        if !taken(&r) {
            refused.push(format!("{path}: form {wanted} answered {}", r.status));
        }
    }
    refused
}

both_engines!(
    every_rendered_form_is_taken_by_its_handler,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.store
            .save_people(&kolmonen::demo::demo_people().unwrap())
            .await
            .unwrap();
        let [(org, place), _] = two_verified(&app).await;
        // The login form needs an account to sign in to: the anonymous pages' forms that
        // name an address get one of their own below.
        let records = app.store.records_of_organizations(&[org]).await.unwrap();
        let service = records.services[0].id;
        let pages: Vec<(Option<Account>, String)> = vec![
            (None, "/fi/signup".into()),
            (None, format!("/fi/organizations/{org}/report")),
            (None, format!("/fi/opportunities/{place}/report")),
            (Some((Role::JobSeeker, None)), "/fi/account".into()),
            (Some((Role::JobSeeker, None)), "/fi/me".into()),
            (
                Some((Role::JobSeeker, None)),
                format!("/fi/opportunities/{place}"),
            ),
            (Some((Role::JobSeeker, None)), "/sv/me/matches".into()),
            (
                Some((Role::JobSeeker, None)),
                "/fi/organizations/register".into(),
            ),
            (
                Some((Role::OrganizationAdmin, Some(org))),
                "/fi/account".into(),
            ),
            (
                Some((Role::OrganizationAdmin, Some(org))),
                format!("/fi/organizations/{org}/edit"),
            ),
            (
                Some((Role::OrganizationAdmin, Some(org))),
                format!("/fi/organizations/{org}/manage"),
            ),
            (
                Some((Role::OrganizationAdmin, Some(org))),
                format!("/fi/organizations/{org}/members"),
            ),
            (
                Some((Role::OrganizationMember, Some(org))),
                format!("/en/services/{service}/edit"),
            ),
            (
                Some((Role::OrganizationMember, Some(org))),
                format!("/fi/opportunities/{place}/edit"),
            ),
            (
                Some((Role::OrganizationMember, Some(org))),
                format!("/fi/organizations/{org}/locations/new"),
            ),
            (
                Some((Role::OrganizationMember, Some(org))),
                format!("/fi/organizations/{org}/services/new"),
            ),
            (
                Some((Role::NetworkCoordinator, None)),
                "/fi/admin/reports".into(),
            ),
        ];
        let mut n = 0;
        let mut refused = Vec::new();
        for (role, path) in &pages {
            refused.extend(submit_each_form(&app, *role, path, &mut n).await);
        }
        // The sign-in and reset forms, with an account of their own.
        for path in ["/fi/login", "/fi/password-reset"] {
            refused.extend(submit_each_form_as_visitor_with_account(&app, path, &mut n).await);
        }
        assert!(refused.is_empty(), "{refused:#?}");
        assert!(n > 20, "forms were submitted: {n}");
    }
);

/// The anonymous forms that name an existing account (sign in, reset).
async fn submit_each_form_as_visitor_with_account(
    app: &TestApp,
    path: &str,
    n: &mut usize,
) -> Vec<String> {
    *n += 1;
    let email = format!("vierailija{n}@example.fi");
    add_account(&app.store, &email, Role::JobSeeker, None, PASSWORD).await;
    let mut b = Browser::from_addr(app, &format!("203.0.113.{}:1", *n % 200));
    let page = b.get(path).await;
    let mut refused = Vec::new();
    for form in post_forms(&page.body) {
        let fields = form.filled(|f| typed(f, &email, *n));
        let r = b.post_raw(&form.action, &fields).await;
        if !taken(&r) {
            refused.push(format!("{path}: {} answered {}", form.action, r.status));
        }
    }
    refused
}

both_engines!(
    deleting_from_the_profile_page_deletes,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let user = app
            .account("poistuja@example.fi", Role::JobSeeker, None)
            .await;
        let mut b = Browser::new(&app);
        b.sign_in("poistuja@example.fi", PASSWORD).await;
        let r = submit_rendered(
            &mut b,
            "/fi/me",
            "/me/delete",
            &[("delete_password", PASSWORD)],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(app.store.user_by_id(user.id).await.unwrap().is_none());
    }
);

// ---------------------------------------------------------------------------------------
// 5. Old reset links end.

both_engines!(old_reset_links_end, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let reset = |addr: &'static str| {
        let app = &app;
        async move {
            let mut b = Browser::from_addr(app, addr);
            let r = b
                .post("/fi/password-reset", &[("email", "ann@example.fi")])
                .await;
            assert_eq!(r.status, 303);
            let mails = outbox(app).await;
            assert_eq!(mails.len(), 1);
            token_of(&link(&mails[0]))
        }
    };
    let old = reset("192.0.2.61:1").await;
    let newer = reset("192.0.2.62:1").await;
    let mut b = Browser::from_addr(&app, "192.0.2.63:1");
    let r = b
        .post(
            "/fi/password-reset/new",
            &[("token", &newer), ("new_password", NEW_PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = b
        .post(
            "/fi/password-reset/new",
            &[("token", &old), ("new_password", "vanha linkki toimii yhä")],
        )
        .await;
    assert_eq!(
        r.status, 400,
        "the older link ended when the newer one was used"
    );

    // A change of password on the account page ends an outstanding link too.
    let pending = reset("192.0.2.64:1").await;
    let mut owner = Browser::from_addr(&app, "192.0.2.65:1");
    assert_eq!(
        owner.sign_in("ann@example.fi", NEW_PASSWORD).await.status,
        303
    );
    let r = owner
        .post(
            "/fi/account/password",
            &[
                ("current_password", NEW_PASSWORD),
                ("new_password", "kolmas salasana tähän"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = b
        .post(
            "/fi/password-reset/new",
            &[
                ("token", &pending),
                ("new_password", "vanha linkki toimii yhä"),
            ],
        )
        .await;
    assert_eq!(
        r.status, 400,
        "a new password ends the links mailed before it"
    );
});

// ---------------------------------------------------------------------------------------
// 9. Signing up with a known address mails its owner at most once an hour.

both_engines!(
    signing_up_again_mails_the_owner_once_an_hour,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("ann@example.fi", Role::JobSeeker, None).await;
        for i in 0..12 {
            let mut b = Browser::from_addr(&app, &format!("192.0.2.{}:1", 100 + i));
            let r = b
                .post(
                    "/fi/signup",
                    &[("email", "ann@example.fi"), ("password", NEW_PASSWORD)],
                )
                .await;
            assert_eq!(r.status, 303, "the same answer every time");
        }
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1, "one note an hour, not twelve");
    }
);

// ---------------------------------------------------------------------------------------
// Also: a member ranks people by fit only for its own organization's places.

both_engines!(fit_ranking_is_for_own_places_only, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let [(org, own), (_, other)] = two_verified(&app).await;
    let mut b = app
        .signed_in("member@example.fi", Role::OrganizationMember, Some(org))
        .await;
    assert_eq!(
        b.get(&format!("/fi/talent?opportunity={own}")).await.status,
        200
    );
    assert_eq!(
        b.get(&format!("/fi/talent?opportunity={other}"))
            .await
            .status,
        403
    );
});

// ---------------------------------------------------------------------------------------
// 7. Only http, https, mailto and tel links are stored, from every writer.

both_engines!(javascript_links_are_never_stored, |engine| async move {
    let app = TestApp::spawn(engine).await;
    // The store (every writer's last step) refuses them.
    let mut batch = kolmonen::demo::demo_batch().unwrap();
    batch.organizations.truncate(1);
    batch.services.clear();
    batch.opportunities.clear();
    batch.locations.clear();
    batch.contacts.clear();
    batch.organizations[0].website = Some("javascript:alert(document.cookie)".into());
    assert!(kolmonen::services::save_batch(app.store.as_ref(), &batch)
        .await
        .is_err());
    batch.organizations[0].website = Some("https://example.fi/".into());
    kolmonen::services::save_batch(app.store.as_ref(), &batch)
        .await
        .unwrap();

    // An import names the field.
    let dir = crate::common::temp_dir("links");
    let mut doc = kolmonen::hsds::export::organization(
        &batch.organizations[0],
        &[],
        &[],
        kolmonen::domain::Lang::Fi,
    );
    doc.website = Some("JavaScript:alert(1)".into());
    std::fs::write(dir.join("org.json"), serde_json::to_vec(&doc).unwrap()).unwrap();
    let plan = crate::common::import_hsds(&app.store, &dir).await;
    assert!(
        plan.rejected
            .iter()
            .any(|r| r.path.ends_with("/website") && r.reason.contains("http")),
        "{:?}",
        plan.rejected.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    std::fs::remove_dir_all(&dir).unwrap();

    // The profile form says what is wrong and keeps what was typed.
    let org = batch.organizations[0].id;
    let mut b = app
        .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(org))
        .await;
    let edit = format!("/fi/organizations/{org}/edit");
    let typed = [("website", "javascript://example.fi/%0aalert(1)")];
    let r = submit_rendered(&mut b, &edit, "/edit", &typed).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("javascript://example.fi/%0aalert(1)"));
    let stored = app.store.organization(org).await.unwrap().unwrap();
    assert_eq!(stored.website.as_deref(), Some("https://example.fi/"));
});

// ---------------------------------------------------------------------------------------
// 11. One-line fields refuse control characters, whoever writes them.

both_engines!(one_line_fields_refuse_line_breaks, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let mut batch = kolmonen::demo::demo_batch().unwrap();
    batch.services.truncate(1);
    batch.services[0].name.fi = "Kahvila\r\nBcc: evil@example.org".into();
    assert!(
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .is_err(),
        "service name"
    );
    let mut batch = kolmonen::demo::demo_batch().unwrap();
    batch.organizations[0].name = "Kankurin Ilo\r\nBcc: evil@example.org".into();
    assert!(
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .is_err(),
        "organization name"
    );

    let [(org, _), _] = two_verified(&app).await;
    let mut b = app
        .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(org))
        .await;
    let before = app.store.organization(org).await.unwrap().unwrap();
    let edit = format!("/fi/organizations/{org}/edit");
    let typed = [("name", "Kankurin Ilo\r\nBcc: evil@example.org")];
    let r = submit_rendered(&mut b, &edit, "/edit", &typed).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("yhdelle riville"), "a translated error");
    assert_eq!(app.store.organization(org).await.unwrap().unwrap(), before);

    // A new service's name too.
    let new = format!("/fi/organizations/{org}/services/new");
    let typed = [
        ("name_fi", "Uusi\nrivi"),
        ("description_fi", "Kuvaus, joka on tarpeeksi pitkä."),
    ];
    let r = submit_rendered(&mut b, &new, "/services/new", &typed).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("yhdelle riville"));
});

// ---------------------------------------------------------------------------------------
// 1. Nobody locks the owner out: device cookies.

both_engines!(
    wrong_passwords_do_not_lock_the_owner_out,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("owner@example.fi", Role::JobSeeker, None).await;
        // The owner has signed in from this browser before.
        let mut owner = Browser::from_addr(&app, "192.0.2.20:1");
        assert_eq!(
            owner.sign_in("owner@example.fi", PASSWORD).await.status,
            303
        );
        assert!(
            owner.cookies.keys().any(|k| k.ends_with("kolmonen-device")),
            "{:?}",
            owner.cookies.keys()
        );
        assert_eq!(owner.post("/fi/logout", &[]).await.status, 303);
        // 101 wrong passwords from 11 addresses: past the account's limit for browsers that
        // have never signed in to it (100 an hour), the 101st already waits.
        let mut tries = 0;
        for a in 0..11 {
            let mut attacker = Browser::from_addr(&app, &format!("198.51.100.{a}:1"));
            for _ in 0..10 {
                if tries == 101 {
                    break;
                }
                let r = attacker
                    .post(
                        "/fi/login",
                        &[("email", "owner@example.fi"), ("password", "arvaus")],
                    )
                    .await;
                assert_eq!(r.status, if tries < 100 { 400 } else { 429 }, "try {tries}");
                tries += 1;
            }
        }
        let mut stranger = Browser::from_addr(&app, "203.0.113.5:1");
        let r = stranger.sign_in("owner@example.fi", PASSWORD).await;
        assert_eq!(r.status, 429, "a browser the account does not know waits");
        assert!(r.header("retry-after").parse::<i64>().unwrap() > 0);
        // A neighbour behind the owner's own address (an office NAT) spends that address's
        // limit too: the owner's browser still signs in.
        let mut neighbour = Browser::from_addr(&app, "192.0.2.20:2");
        for _ in 0..10 {
            neighbour
                .post(
                    "/fi/login",
                    &[("email", "someone@example.fi"), ("password", "arvaus")],
                )
                .await;
        }
        let r = neighbour.sign_in("someone@example.fi", "arvaus").await;
        assert_eq!(r.status, 429, "the address's limit holds for others");
        let r = owner.sign_in("owner@example.fi", PASSWORD).await;
        assert_eq!(r.status, 303, "the owner's own browser signs in");
        assert_eq!(owner.get("/fi/account").await.status, 200);
        // A forged or foreign device cookie counts as none.
        let mut forger = Browser::from_addr(&app, "203.0.113.6:1");
        let cookie = owner
            .cookies
            .iter()
            .find(|(k, _)| k.ends_with("kolmonen-device"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .unwrap();
        let mut forged = cookie.1.clone();
        forged.replace_range(forged.len() - 4.., "0000");
        forger.cookies.insert(cookie.0.clone(), forged);
        let r = forger.sign_in("owner@example.fi", PASSWORD).await;
        assert_eq!(r.status, 429);
    }
);

// ---------------------------------------------------------------------------------------
// 2. A second factor for every staff role; job seekers may turn it on.

both_engines!(
    every_staff_role_signs_in_with_a_second_factor,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let [(org, _), _] = two_verified(&app).await;
        for (i, (email, role, organization)) in [
            ("member@example.fi", Role::OrganizationMember, Some(org)),
            ("admin@example.fi", Role::OrganizationAdmin, Some(org)),
            ("coordinator@example.fi", Role::NetworkCoordinator, None),
            ("root@example.fi", Role::PlatformAdmin, None),
        ]
        .into_iter()
        .enumerate()
        {
            add_account(&app.store, email, role, organization, PASSWORD).await;
            let mut b = Browser::from_addr(&app, &format!("192.0.2.{}:1", 30 + i));
            let r = b
                .post("/fi/login", &[("email", email), ("password", PASSWORD)])
                .await;
            assert_eq!(r.header("location"), "/fi/login/second-factor", "{email}");
            assert_eq!(b.get("/fi/talent").await.status, 303, "{email}: not yet");
            assert_eq!(b.get("/fi/login/second-factor").await.status, 200);
        }
        // A job seeker signs in with the password, and may turn the second factor on.
        let seeker = app
            .account("seeker@example.fi", Role::JobSeeker, None)
            .await;
        let mut b = Browser::from_addr(&app, "192.0.2.40:1");
        let r = b.sign_in("seeker@example.fi", PASSWORD).await;
        assert_eq!(r.header("location"), "/fi/account");
        let mut elsewhere = Browser::from_addr(&app, "192.0.2.42:1");
        elsewhere.sign_in("seeker@example.fi", PASSWORD).await;
        assert_eq!(elsewhere.get("/fi/account").await.status, 200);
        let page = b.get("/fi/account").await;
        assert!(page.body.contains("/fi/account/second-factor"));
        let r = b
            .post(
                "/fi/account/second-factor",
                &[("second_factor_password", "väärä salasana")],
            )
            .await;
        assert_eq!(r.status, 400);
        let r = b
            .post(
                "/fi/account/second-factor",
                &[("second_factor_password", PASSWORD)],
            )
            .await;
        assert_eq!(r.header("location"), "/fi/login/second-factor");
        assert_eq!(b.get("/fi/account").await.status, 303, "waits for the code");
        assert_eq!(
            elsewhere.get("/fi/account").await.status,
            303,
            "no other session goes on without the code"
        );
        let r = b.second_factor("seeker@example.fi").await;
        assert_eq!(r.status, 200, "recovery codes shown once");
        assert!(app
            .store
            .second_factor(seeker.id)
            .await
            .unwrap()
            .unwrap()
            .confirmed_at
            .is_some());
        assert!(b
            .get("/fi/account")
            .await
            .body
            .contains("Kirjaudut todennussovelluksen"));
        let mut again = Browser::from_addr(&app, "192.0.2.41:1");
        let r = again
            .post(
                "/fi/login",
                &[("email", "seeker@example.fi"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.header("location"), "/fi/login/second-factor");
    }
);

// ---------------------------------------------------------------------------------------
// 3. Every place that checks a password shares the sign-in throttle and logs failures.

both_engines!(
    password_rechecks_are_throttled_and_logged,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let user = app.account("ann@example.fi", Role::JobSeeker, None).await;
        for (i, (path, field, extra)) in [
            ("/fi/account/sessions", "sessions_password", None),
            (
                "/fi/account/password",
                "current_password",
                Some(("new_password", NEW_PASSWORD)),
            ),
            (
                "/fi/account/email",
                "email_password",
                Some(("new_email", "uusi@example.fi")),
            ),
            ("/fi/account/delete", "delete_password", None),
            ("/fi/me/delete", "delete_password", None),
        ]
        .into_iter()
        .enumerate()
        {
            let mut b = Browser::from_addr(&app, &format!("192.0.2.{}:1", 50 + i));
            assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 303);
            let mut statuses = Vec::new();
            let mut first = String::new();
            let log = crate::common::logged(async {
                for _ in 0..21 {
                    let mut fields = vec![(field, "väärä salasana")];
                    fields.extend(extra);
                    let r = b.post(path, &fields).await;
                    if first.is_empty() {
                        first = r.body;
                    }
                    statuses.push(r.status.as_u16());
                }
            })
            .await;
            // What was typed stays (a password excepted).
            if let Some(("new_email", typed)) = extra {
                assert!(first.contains(typed), "{path} keeps {typed}");
            }
            // A signed-in browser holds the account's device cookie: its own 20 an hour.
            assert_eq!(statuses[..20], [400; 20], "{path}");
            assert_eq!(statuses[20], 429, "{path}: the 21st in an hour waits");
            assert_eq!(
                log.matches("event=\"authn_login_fail\"").count(),
                20,
                "{path}: {log}"
            );
            assert!(log.contains(&user.id.to_string()));
            // Even the right password waits now; the account is still there.
            let mut fields = vec![(field, PASSWORD)];
            fields.extend(extra);
            assert_eq!(b.post(path, &fields).await.status, 429, "{path}");
        }
        assert!(app.store.user_by_id(user.id).await.unwrap().is_some());
    }
);

// ---------------------------------------------------------------------------------------
// 12. The CSRF token is bound to the session; Origin is compared with our own address.

both_engines!(csrf_tokens_belong_to_one_session, |engine| async move {
    let app = TestApp::spawn(engine).await;
    for email in ["a@example.fi", "b@example.fi"] {
        add_account(&app.store, email, Role::JobSeeker, None, PASSWORD).await;
    }
    let mut a = Browser::from_addr(&app, "192.0.2.70:1");
    let mut b = Browser::from_addr(&app, "192.0.2.71:1");
    // A token held before signing in is worth nothing after it.
    a.get("/fi/login").await;
    let before = a.csrf();
    a.sign_in("a@example.fi", PASSWORD).await;
    b.sign_in("b@example.fi", PASSWORD).await;
    let (token_a, token_b) = (a.csrf(), b.csrf());
    assert_ne!(token_a, before);
    let page = a.get("/fi/account").await;
    assert!(
        page.body.contains(&token_a),
        "forms carry the session's token"
    );
    // B's session with A's token (and A's token in B's cookie): refused.
    let k = b
        .cookies
        .keys()
        .find(|k| k.ends_with("kolmonen-csrf"))
        .unwrap()
        .clone();
    b.cookies.insert(k.clone(), token_a.clone());
    let r = b
        .post_raw("/fi/logout", &[("csrf".into(), token_a.clone())])
        .await;
    assert_eq!(r.status, 403);
    let r = a
        .post_raw("/fi/logout", &[("csrf".into(), before.clone())])
        .await;
    assert_eq!(r.status, 403, "a pre-sign-in token");
    b.cookies.insert(k, token_b.clone());
    let r = b.post_raw("/fi/logout", &[("csrf".into(), token_b)]).await;
    assert_eq!(r.status, 303, "its own token");

    // Origin is compared with the configured address, never with the Host header.
    let origin_post = |host: &'static str, origin: &'static str| {
        let token = token_a.clone();
        axum::http::Request::post("/fi/logout")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("host", host)
            .header("origin", origin)
            .header("x-csrf", token)
    };
    let body = format!("csrf={token_a}");
    let r = a
        .send(
            origin_post("evil.example", "http://evil.example"),
            axum::body::Body::from(body.clone()),
        )
        .await;
    assert_eq!(r.status, 403);
    let r = a
        .send(
            origin_post("127.0.0.1:8080", "http://127.0.0.1:8080"),
            axum::body::Body::from(body),
        )
        .await;
    assert_eq!(r.status, 303, "our own origin");
});

// ---------------------------------------------------------------------------------------
// 10. Headers must arrive in time, and open connections are limited.

async fn spawn_server(
    limits: kolmonen::server::Limits,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let store = crate::common::fresh_store(Engine::Sqlite).await;
    let router = kolmonen::app(kolmonen::AppState::new(store, kolmonen::Config::default()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(kolmonen::server::serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    (addr, stop)
}

/// Reads until the server closes the connection or `limit` passes: what was read, and
/// whether it closed.
async fn read_until_closed(
    s: &mut tokio::net::TcpStream,
    limit: std::time::Duration,
) -> (String, bool) {
    use tokio::io::AsyncReadExt;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return (String::from_utf8_lossy(&got).into(), true),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => return (String::from_utf8_lossy(&got).into(), false),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_headers_are_cut_off() {
    use tokio::io::AsyncWriteExt;
    let (addr, _stop) = spawn_server(kolmonen::server::Limits {
        header_read_timeout: std::time::Duration::from_secs(1),
        max_connections: 16,
    })
    .await;
    // Silence is cut off too.
    let mut silent = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (_, closed) = read_until_closed(&mut silent, std::time::Duration::from_secs(4)).await;
    assert!(closed, "a connection that sends nothing is closed");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let trickle = async {
        for i in 0..40 {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            if s.write_all(format!("X-{i}: y\r\n").as_bytes())
                .await
                .is_err()
            {
                break;
            }
        }
    };
    trickle.await;
    let (_, closed) = read_until_closed(&mut s, std::time::Duration::from_secs(3)).await;
    assert!(closed, "the connection is closed");
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
    // A normal request is answered.
    let mut ok = tokio::net::TcpStream::connect(addr).await.unwrap();
    ok.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut ok, std::time::Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_connections_are_limited() {
    use tokio::io::AsyncWriteExt;
    let (addr, _stop) = spawn_server(kolmonen::server::Limits {
        header_read_timeout: std::time::Duration::from_secs(30),
        max_connections: 2,
    })
    .await;
    let idle1 = tokio::net::TcpStream::connect(addr).await.unwrap();
    let _idle2 = tokio::net::TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let mut third = tokio::net::TcpStream::connect(addr).await.unwrap();
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut third, std::time::Duration::from_millis(800)).await;
    assert!(answer.is_empty(), "not served while two are open: {answer}");
    drop(idle1);
    let (answer, _) = read_until_closed(&mut third, std::time::Duration::from_secs(5)).await;
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "served once one closed: {answer}"
    );
}

// ---------------------------------------------------------------------------------------
// 6. Deleted data leaves the file: every column that may hold a person's data is named
// here and checked after an account is deleted, and the bytes of the SQLite database and
// its WAL hold neither the address nor the person's own words.

/// Every column of every table, classified. `P` may hold a person's data and is checked;
/// `-` holds none (ids, times, public directory records, hashes). A new column must be
/// added here, so nobody adds personal data without deciding how it is erased.
const COLUMNS: &[(&str, &str, char)] = &[
    ("users", "*", 'P'),
    ("sessions", "*", 'P'),
    ("login_failures", "*", '-'),
    ("outbox", "to_address", 'P'),
    ("outbox", "body", 'P'),
    ("outbox", "subject", '-'),
    ("outbox", "*", '-'),
    ("account_tokens", "*", 'P'),
    ("second_factors", "*", 'P'),
    ("recovery_codes", "*", 'P'),
    ("error_reports", "contact_email", 'P'),
    ("error_reports", "message", 'P'),
    ("error_reports", "*", '-'),
    ("invites", "email", 'P'),
    ("invites", "*", '-'),
    ("organization_registrations", "contact_name", 'P'),
    ("organization_registrations", "*", '-'),
    ("record_history", "*", '-'),
    ("profiles", "*", 'P'),
    ("profile_removals", "user_id", '-'),
    ("profile_removals", "*", '-'),
    ("threads", "shared_profile", 'P'),
    ("threads", "*", '-'),
    ("messages", "body", 'P'),
    ("messages", "*", '-'),
    ("thread_reads", "*", '-'),
    ("profile_views", "*", 'P'),
    ("hidden_suggestions", "*", 'P'),
    ("saved_searches", "*", 'P'),
    ("portfolio_items", "*", 'P'),
    ("freshness_reminders", "*", '-'),
    ("server_secrets", "*", '-'),
    ("consent_texts", "*", '-'),
    ("clients", "*", 'P'),
    ("consents", "*", 'P'),
    ("consent_withdrawals", "*", 'P'),
    ("referrals", "*", 'P'),
    ("referral_events", "*", 'P'),
    ("follow_ups", "*", '-'),
    ("path_steps", "*", '-'),
    // The impact figures' kept counts: which person's referral counted where, and the sums.
    ("impact_facts", "*", 'P'),
    ("impact_people", "*", 'P'),
    ("impact_people_municipality", "*", 'P'),
    ("impact_people_counts", "*", '-'),
    ("impact_counts", "*", '-'),
    ("impact_state", "*", '-'),
    // Networks: public records; members are organizations, coordinators account ids (their
    // rows go with the account).
    ("networks", "*", '-'),
    ("network_members", "*", '-'),
    ("network_coordinators", "*", '-'),
    // Events: public records; sign-ups hold a participant's name, address and needs (their
    // rows go with the account, and with everyone's 30 days after the event).
    ("events", "*", '-'),
    ("event_organizers", "*", '-'),
    ("event_signups", "*", 'P'),
    // Projects: public records; who added one is an account id, let go with the account.
    ("projects", "created_by", 'P'),
    ("projects", "*", '-'),
    // Attachments of public records: who added one is an account id, let go with the account.
    ("attachments", "created_by", 'P'),
    ("attachments", "*", '-'),
    // Knowledge bank: public texts by organizations; who wrote or changed one is an account
    // id, let go with the account.
    ("articles", "created_by", 'P'),
    ("articles", "*", '-'),
    ("article_versions", "changed_by", 'P'),
    ("article_versions", "*", '-'),
    // An address and its language, no account: erased with the account's address.
    ("network_subscriptions", "*", 'P'),
    ("calendar_feeds", "*", '-'),
    // Kept after erasure (the person's ids become a tombstone): checked for the account's id.
    ("audit_log", "*", 'P'),
    ("audit_head", "*", '-'),
];

/// The directory, search and bookkeeping tables: public records, no person's data.
const PUBLIC_TABLES: &[&str] = &[
    "organizations",
    "services",
    "service_terms",
    "opportunities",
    "opportunity_terms",
    "locations",
    "contacts",
    "service_locations",
    "hsds_sources",
    "search_docs",
    "search_fts",
    "search_generation",
    "search_changes",
    "search_words",
    "_sqlx_migrations",
];

fn classified(table: &str, column: &str) -> Option<char> {
    if PUBLIC_TABLES
        .iter()
        .any(|t| table == *t || table.starts_with(&format!("{t}_")))
    {
        return Some('-');
    }
    COLUMNS
        .iter()
        .find(|(t, c, _)| *t == table && *c == column)
        .or_else(|| COLUMNS.iter().find(|(t, c, _)| *t == table && *c == "*"))
        .map(|(_, _, k)| *k)
}

#[tokio::test]
async fn a_deleted_account_leaves_nothing_in_the_database_file() {
    let dir = crate::common::temp_dir("erasure");
    let url = format!("sqlite://{}/k.db", dir.display());
    let store = kolmonen::store::connect(&url).await.unwrap();
    kolmonen::services::migrate(store.as_ref()).await.unwrap();
    kolmonen::services::save_batch(store.as_ref(), &kolmonen::demo::demo_batch().unwrap())
        .await
        .unwrap();
    let app = TestApp::with_store(store);
    const ADDRESS: &str = "poistettava-7731@example.fi";
    const INTRO: &str = "Ainutlaatuinen esittely qz7x kudon mattoja ja korjaan polkupyöriä";
    const MESSAGE: &str = "Viesti jota ei saa jäädä qz8y";
    let user = add_account(&app.store, ADDRESS, Role::JobSeeker, None, PASSWORD).await;
    let [(org, place), _] = two_verified(&app).await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in(ADDRESS, PASSWORD).await.status, 303);
    let r = b
        .post(
            "/fi/me",
            &[
                ("display_name", "Qz9w"),
                ("introduction", INTRO),
                ("municipality", "398"),
                ("visibility", "organizations"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = b
        .post(
            &format!("/fi/opportunities/{place}/interest"),
            &[("message", MESSAGE)],
        )
        .await;
    assert_eq!(r.status, 303);
    let r = b
        .post(
            "/fi/me/searches",
            &[("query", "q=kahvila&municipality=398")],
        )
        .await;
    assert!(r.status == 303 || r.status == 200, "{}", r.status);
    // A referral for themself (their own client record, consents, audit rows naming them).
    let service = app.first_id("services").await;
    let token = b.csrf();
    let r = b
        .post_raw(
            "/fi/referrals/new",
            &[
                ("csrf".into(), token),
                ("to".into(), format!("service:{service}")),
                ("wants".into(), INTRO.into()),
                ("consent".into(), "referral".into()),
                ("consent".into(), "share_summary".into()),
                ("consent".into(), "statistics".into()),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(b.get("/fi/me/path").await.status, 200);
    // An error report with the address as its contact, a reset link sent (its message
    // scrubbed when sent) and another waiting in the outbox.
    let mut anon = Browser::from_addr(&app, "192.0.2.200:1");
    let r = anon
        .post(
            &format!("/fi/organizations/{org}/report"),
            &[
                ("message", "Puhelinnumero on vanhentunut."),
                ("contact_email", ADDRESS),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    anon.post("/fi/password-reset", &[("email", ADDRESS)]).await;
    outbox(&app).await;
    anon.post("/fi/password-reset", &[("email", ADDRESS)]).await;
    // A network's digest subscribed with the address (no account needed, but theirs).
    let now = kolmonen::domain::now_micros();
    let network = kolmonen::domain::networks::Network {
        id: kolmonen::domain::NetworkId::new(),
        name: "Testiverkosto".into(),
        description: String::new(),
        municipalities: vec![],
        created_at: now,
        updated_at: now,
    };
    app.store.save_network(&network, &[], &[]).await.unwrap();
    let r = anon
        .post(
            &format!("/fi/networks/{}/subscribe", network.id),
            &[("email", ADDRESS)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(
        app.store
            .subscriptions_of_email(ADDRESS)
            .await
            .unwrap()
            .len(),
        1
    );

    let r = b
        .post("/fi/account/delete", &[("delete_password", PASSWORD)])
        .await;
    assert_eq!(r.status, 303);
    assert!(app.store.user_by_id(user.id).await.unwrap().is_none());

    // Every column is classified, and none holds the person's data.
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let id = user.id.to_string();
    let mut unclassified = Vec::new();
    for table in &tables {
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(&pool)
                .await
                .unwrap();
        for column in columns {
            let Some(kind) = classified(table, &column) else {
                unclassified.push(format!("{table}.{column}"));
                continue;
            };
            if kind == '-' && PUBLIC_TABLES.contains(&table.as_str()) {
                continue;
            }
            let values: Vec<Option<Vec<u8>>> = sqlx::query_scalar(&format!(
                "SELECT CAST(\"{column}\" AS BLOB) FROM \"{table}\""
            ))
            .fetch_all(&pool)
            .await
            .unwrap();
            let holds = |v: &[u8], s: &str| v.windows(s.len()).any(|w| w == s.as_bytes());
            for v in values.into_iter().flatten() {
                for secret in [ADDRESS, INTRO, MESSAGE, "Qz9w"] {
                    assert!(!holds(&v, secret), "{table}.{column} holds {secret:?}");
                }
                if kind == 'P' {
                    assert!(!holds(&v, &id), "{table}.{column} holds the account's id");
                }
            }
        }
    }
    assert!(
        unclassified.is_empty(),
        "classify these columns: {unclassified:?}"
    );
    pool.close().await;
    // Nor do the bytes on disk, in the database or its WAL.
    for file in ["k.db", "k.db-wal"] {
        let path = dir.join(file);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for secret in [ADDRESS, INTRO, MESSAGE] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{file} holds {secret:?}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---------------------------------------------------------------------------------------
// Also: second-factor secrets are sealed with a key from the configuration.

both_engines!(second_factor_secrets_are_sealed, |engine| async move {
    use kolmonen::accounts::totp;
    let store = crate::common::demo_store(engine).await;
    let config = kolmonen::Config {
        totp_key: Some("testiavain".into()),
        ..Default::default()
    };
    let app = TestApp::with_config(store, config);
    let user = app
        .account("root@example.fi", Role::PlatformAdmin, None)
        .await;
    let mut b = Browser::new(&app);
    b.post(
        "/fi/login",
        &[("email", "root@example.fi"), ("password", PASSWORD)],
    )
    .await;
    let page = b.get("/fi/login/second-factor").await;
    let secret = page
        .body
        .split("secret=")
        .nth(1)
        .unwrap()
        .split(['&', '"'])
        .next()
        .unwrap()
        .to_string();
    let stored = app
        .store
        .second_factor(user.id)
        .await
        .unwrap()
        .unwrap()
        .secret;
    assert!(stored.starts_with("enc1:"), "{stored}");
    assert!(!stored.contains(&secret));
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let code = totp::code_at(&secret, totp::step(now)).unwrap();
    let r = b.post("/fi/login/second-factor", &[("code", &code)]).await;
    assert_eq!(r.status, 200, "recovery codes: signed in");
    // A secret stored before the key was set is sealed at start.
    let other = app
        .account("root2@example.fi", Role::PlatformAdmin, None)
        .await;
    app.store
        .set_unconfirmed_second_factor(other.id, "JBSWY3DPEHPK3PXP")
        .await
        .unwrap();
    let sealing = totp::SecretBox::new(Some("testiavain"));
    assert_eq!(totp::seal_stored(&app.store, &sealing).await.unwrap(), 1);
    let stored = app
        .store
        .second_factor(other.id)
        .await
        .unwrap()
        .unwrap()
        .secret;
    assert_eq!(sealing.open(&stored).as_deref(), Some("JBSWY3DPEHPK3PXP"));
    assert_eq!(totp::seal_stored(&app.store, &sealing).await.unwrap(), 0);
});

both_engines!(
    reports_follow_a_changed_address_and_go_with_it,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let user = app.account("vanha@example.fi", Role::JobSeeker, None).await;
        let [(org, _), _] = two_verified(&app).await;
        let mut anon = Browser::from_addr(&app, "192.0.2.210:1");
        let r = anon
            .post(
                &format!("/fi/organizations/{org}/report"),
                &[
                    ("message", "Aukioloajat ovat vanhentuneet."),
                    ("contact_email", "vanha@example.fi"),
                ],
            )
            .await;
        assert_eq!(r.status, 303);
        let new = kolmonen::accounts::Email::parse("uusi@example.fi").unwrap();
        assert!(app.store.change_email(user.id, &new).await.unwrap());
        assert!(app.store.delete_user(user.id).await.unwrap());
        let reports = app.store.open_error_reports(None).await.unwrap();
        assert!(!reports.is_empty());
        assert!(
            reports.iter().all(|r| r.contact_email.is_none()),
            "{:?}",
            reports.iter().map(|r| &r.contact_email).collect::<Vec<_>>()
        );
    }
);
