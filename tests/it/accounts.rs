//! Self-service accounts over HTTP on both engines: sign-up with a confirmation link, the
//! reset of a forgotten password, and what they tell (nothing) about other people's accounts.

use crate::common::PASSWORD;
use crate::common::{link, outbox, token_of, Browser, TestApp};
use kolmonen::accounts::{Email, Role};

both_engines!(signing_up_with_a_confirmation_link, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let mut b = Browser::new(&app);
    // Mistakes come back with what was typed, the password excepted.
    let r = b
        .post(
            "/sv/signup",
            &[("email", "ann@example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("value=\"ann@example\""));
    assert!(
        !r.body.contains(PASSWORD),
        "passwords never go back into a page"
    );
    assert!(r.body.contains("href=\"#email\""));
    let r = b
        .post(
            "/sv/signup",
            &[("email", "ann@example.fi"), ("password", "ann@example.fi1")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("href=\"#password\""));
    assert!(outbox(&app).await.is_empty(), "nothing sent for bad input");

    let r = b
        .post(
            "/sv/signup",
            &[("email", "Ann@Example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/sv/signup?done=sent");
    let r = b.get("/sv/signup?done=sent").await;
    assert!(r.body.contains("48 timmar"), "{}", r.body);

    // Not yet: the address is unconfirmed.
    assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 400);

    let mails = outbox(&app).await;
    assert_eq!(
        mails.len(),
        2,
        "one for sign-up, one again for the unconfirmed sign-in"
    );
    let m = &mails[0];
    assert_eq!(m.to, "ann@example.fi");
    assert!(m.subject.contains("Bekräfta"), "{}", m.subject);
    let url = link(m);
    assert!(url.starts_with("/sv/confirm?token="), "{url}");

    // Opening the link changes nothing by itself; the button does.
    let r = b.get(&url).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains(&token_of(&url)));
    assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 400);
    outbox(&app).await;
    let r = b.post("/sv/confirm", &[("token", &token_of(&url))]).await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/sv/login?done=confirmed");
    // A link works once.
    let r = b.post("/sv/confirm", &[("token", &token_of(&url))]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Länken fungerar inte längre"));
    for junk in ["", "abc", &"0".repeat(64), "<script>"] {
        let r = b.post("/sv/confirm", &[("token", junk)]).await;
        assert_eq!(r.status, 400, "{junk}");
    }

    let r = b.sign_in("ann@example.fi", PASSWORD).await;
    assert_eq!(r.status, 303);
    let user = app
        .store
        .user_by_email(&Email::parse("ann@example.fi").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, Role::JobSeeker);
    assert!(user.email_verified_at.is_some());
});

both_engines!(
    signing_up_again_tells_the_owner_not_the_stranger,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("ann@example.fi", Role::JobSeeker, None).await;
        let mut b = Browser::new(&app);
        let known = b
            .post(
                "/fi/signup",
                &[
                    ("email", "ann@example.fi"),
                    ("password", "toinen salasana tässä"),
                ],
            )
            .await;
        let unknown = b
            .post(
                "/fi/signup",
                &[
                    ("email", "new@example.fi"),
                    ("password", "toinen salasana tässä"),
                ],
            )
            .await;
        assert_eq!(known.status, 303);
        assert_eq!(
            (known.status, known.header("location")),
            (unknown.status, unknown.header("location"))
        );
        assert_eq!(known.body, unknown.body);
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 2);
        let to_ann = mails.iter().find(|m| m.to == "ann@example.fi").unwrap();
        assert!(to_ann.subject.contains("jo tili"), "{}", to_ann.subject);
        assert!(
            !to_ann.body.contains("token="),
            "no link that changes anything"
        );
        // The old password still works; the stranger's does not.
        let mut c = Browser::from_addr(&app, "192.0.2.99:1");
        assert_eq!(
            c.sign_in("ann@example.fi", "toinen salasana tässä")
                .await
                .status,
            400
        );
        assert_eq!(c.sign_in("ann@example.fi", PASSWORD).await.status, 303);
    }
);

both_engines!(a_forgotten_password_is_reset_by_mail, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let mut signed_in = Browser::from_addr(&app, "192.0.2.50:1");
    assert_eq!(
        signed_in.sign_in("ann@example.fi", PASSWORD).await.status,
        303
    );

    let mut b = Browser::new(&app);
    let known = b
        .post("/en/password-reset", &[("email", "ann@example.fi")])
        .await;
    let unknown = b
        .post("/en/password-reset", &[("email", "nobody@example.fi")])
        .await;
    let junk = b
        .post("/en/password-reset", &[("email", "not an address")])
        .await;
    for r in [&known, &unknown, &junk] {
        assert_eq!(r.status, 303);
        assert_eq!(r.header("location"), "/en/password-reset?done=sent");
    }
    let r = b.get("/en/password-reset?done=sent").await;
    assert!(r.body.contains("If there is an account with that address"));
    let mails = outbox(&app).await;
    assert_eq!(mails.len(), 1, "only the real account gets mail");
    let url = link(&mails[0]);
    assert!(url.starts_with("/en/password-reset?token="), "{url}");
    let token = token_of(&url);

    let r = b.get(&url).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("name=\"new_password\""));
    // A weak password keeps the link usable.
    let r = b
        .post(
            "/en/password-reset/new",
            &[("token", &token), ("new_password", "12345678")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains(&token), "the form keeps its link");
    let new = "lumi sataa hiljaa";
    let r = b
        .post(
            "/en/password-reset/new",
            &[("token", &token), ("new_password", new)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), "/en/login?done=reset");
    // Once only; the old password and the old sessions are gone.
    let r = b
        .post(
            "/en/password-reset/new",
            &[("token", &token), ("new_password", "vielä yksi salasana")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(
        b.get(&url).await.status,
        400,
        "the link page says it has expired"
    );
    assert_eq!(signed_in.get("/en/account").await.status, 303);
    assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 400);
    assert_eq!(b.sign_in("ann@example.fi", new).await.status, 303);
});

both_engines!(mail_sending_forms_are_rate_limited, |engine| async move {
    let app = TestApp::spawn(engine).await;
    app.account("ann@example.fi", Role::JobSeeker, None).await;
    let mut b = Browser::new(&app);
    for _ in 0..3 {
        let r = b
            .post("/fi/password-reset", &[("email", "ann@example.fi")])
            .await;
        assert_eq!(r.status, 303);
    }
    let r = b
        .post("/fi/password-reset", &[("email", "ann@example.fi")])
        .await;
    assert_eq!(r.status, 429, "three resets an hour for one address");
    assert!(r.header("retry-after").parse::<i64>().unwrap() > 0);
    assert!(r.body.contains("Liian monta yritystä"));
    assert_eq!(outbox(&app).await.len(), 3);
    let mut other = Browser::from_addr(&app, "192.0.2.77:1");
    for i in 0..10 {
        let email = format!("new{i}@example.fi");
        let r = other
            .post("/fi/signup", &[("email", &email), ("password", PASSWORD)])
            .await;
        assert_eq!(r.status, 303, "{i}");
    }
    let r = other
        .post(
            "/fi/signup",
            &[("email", "new11@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 429, "ten sign-ups an hour from one address");
});

both_engines!(
    the_address_is_changed_by_a_link_to_the_new_one,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("ann@example.fi", Role::JobSeeker, None).await;
        app.account("bo@example.fi", Role::JobSeeker, None).await;
        let mut ann = Browser::new(&app);
        ann.sign_in("ann@example.fi", PASSWORD).await;
        let r = ann
            .post(
                "/fi/account/email",
                &[
                    ("new_email", "ann.uusi@example.fi"),
                    ("email_password", "väärä"),
                ],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("href=\"#email_password\""));
        let r = ann
            .post(
                "/fi/account/email",
                &[("new_email", "ei osoite"), ("email_password", PASSWORD)],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("href=\"#new_email\""));
        // Someone else's address: the same answer, nothing sent.
        let taken = ann
            .post(
                "/fi/account/email",
                &[("new_email", "bo@example.fi"), ("email_password", PASSWORD)],
            )
            .await;
        assert_eq!(taken.status, 303);
        assert!(outbox(&app).await.is_empty());
        let r = ann
            .post(
                "/fi/account/email",
                &[
                    ("new_email", "Ann.Uusi@example.fi"),
                    ("email_password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(r.status, 303);
        assert_eq!(r.header("location"), taken.header("location"));
        let mails = outbox(&app).await;
        assert_eq!(
            mails.len(),
            2,
            "a link to the new address, a note to the old one"
        );
        let to_new = mails
            .iter()
            .find(|m| m.to == "ann.uusi@example.fi")
            .unwrap();
        assert!(mails
            .iter()
            .any(|m| m.to == "ann@example.fi" && !m.body.contains("token=")));
        let url = link(to_new);
        assert!(url.starts_with("/fi/confirm-email?token="), "{url}");
        // Nothing changes until the link is used.
        assert_eq!(ann.get(&url).await.status, 200);
        assert_eq!(ann.get("/fi/account").await.status, 200);
        let r = ann
            .post("/fi/confirm-email", &[("token", &token_of(&url))])
            .await;
        assert_eq!(r.status, 303);
        assert_eq!(r.header("location"), "/fi/login?done=email");
        assert_eq!(
            ann.get("/fi/account").await.status,
            303,
            "signed out everywhere"
        );
        let mut b = Browser::from_addr(&app, "192.0.2.55:1");
        assert_eq!(b.sign_in("ann@example.fi", PASSWORD).await.status, 400);
        assert_eq!(b.sign_in("ann.uusi@example.fi", PASSWORD).await.status, 303);
        let r = b
            .post("/fi/confirm-email", &[("token", &token_of(&url))])
            .await;
        assert_eq!(r.status, 400, "once only");
    }
);
