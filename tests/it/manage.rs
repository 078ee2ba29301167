//! Organizations on their own (issue 5), over HTTP on both engines: registering with the
//! duplicate checks, verification by a coordinator, editing the profile with its history.

use crate::common::PASSWORD;
use crate::common::{Browser, TestApp};
use kolmonen::accounts::{Email, Role};
use kolmonen::domain::OrganizationId;

fn form<'a>(name: &'a str, business_id: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("legal_form", "association"),
        ("business_id", business_id),
        ("contact_name", "Yhteyshenkilö"),
        ("municipality", "398"),
        (
            "description",
            "Korjaamme polkupyöriä ja opetamme korjaamista nuorille Lahdessa.",
        ),
    ]
}

/// The organization an account acts for.
async fn organization_of(app: &TestApp, email: &str) -> OrganizationId {
    app.store
        .user_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .organization_id
        .expect("an organization")
}

both_engines!(
    an_organization_registers_and_is_verified,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("ann@example.fi", Role::JobSeeker, None).await;
        app.account("koordinaattori@example.fi", Role::NetworkCoordinator, None)
            .await;
        let mut anon = Browser::from_addr(&app, "192.0.2.200:1");
        assert_eq!(
            anon.get("/fi/organizations/register").await.status,
            303,
            "sign in first"
        );

        let mut ann = Browser::new(&app);
        ann.sign_in("ann@example.fi", PASSWORD).await;
        let r = ann.get("/fi/account").await;
        assert!(
            r.body.contains("/fi/organizations/register"),
            "the account page leads there"
        );
        let r = ann.get("/fi/organizations/register").await;
        assert_eq!(r.status, 200);

        // Mistakes come back with what was typed and each field's error.
        let mut bad = form("Pyöräpaja Vauhti ry", "1234567-8");
        bad[4] = ("municipality", "nope");
        let r = ann.post("/fi/organizations/register", &bad).await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("value=\"Pyöräpaja Vauhti ry\""));
        assert!(r.body.contains("Korjaamme polkupyöriä"));
        assert!(r.body.contains("href=\"#business_id\""), "{}", r.body);
        assert!(r.body.contains("href=\"#municipality\""));

        let r = ann
            .post(
                "/fi/organizations/register",
                &form("Pyöräpaja Vauhti ry", "2345678-0"),
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let to_factor = r.header("location").to_string();
        assert!(
            to_factor.starts_with("/fi/login/second-factor?done=registered&next="),
            "an admin now: the app next, then the profile: {to_factor}"
        );
        // The set-up page says the organization exists and what happens next.
        let setup = ann.get(&to_factor).await;
        assert!(
            setup.body.contains("Organisaatio on rekisteröity"),
            "{}",
            setup.body
        );
        assert!(
            setup.body.contains("Kirjautuminen kesken"),
            "the header says so"
        );
        assert!(
            !setup.body.contains(">Kirjaudu</a>"),
            "not offered to sign in again"
        );
        assert_eq!(
            ann.get("/fi/account").await.status,
            303,
            "not signed in until then"
        );
        let r = ann.second_factor_at("ann@example.fi", &to_factor).await;
        assert_eq!(r.status, 200, "recovery codes, shown once");
        assert!(
            r.body.contains("/edit?done=registered\""),
            "then on to the profile, told it is registered"
        );
        let li = scraper::Selector::parse("ol.recovery li").unwrap();
        assert_eq!(r.html().select(&li).count(), 10);
        assert_eq!(ann.get("/fi/account").await.status, 200);
        let id = organization_of(&app, "ann@example.fi").await;

        // Public and findable at once, marked as not verified.
        let page = anon.get(&format!("/fi/organizations/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Pyöräpaja Vauhti"));
        assert!(!page.body.contains("class=\"badge\""));
        let found = anon.get("/fi/search?q=vauhti").await;
        assert!(
            found.body.contains(&format!("/fi/organizations/{id}")),
            "in search at once"
        );
        // The contact person is for coordinators only.
        assert!(!page.body.contains("Yhteyshenkilö"));

        // A second registration from the same account is refused.
        let r = ann
            .post(
                "/fi/organizations/register",
                &form("Toinen Yhdistys ry", ""),
            )
            .await;
        assert_eq!(r.status, 400);

        // The coordinator's queue.
        assert_eq!(ann.get("/fi/admin/organizations").await.status, 403);
        let mut coord = Browser::from_addr(&app, "192.0.2.201:1");
        coord.sign_in("koordinaattori@example.fi", PASSWORD).await;
        let q = coord.get("/fi/admin/organizations").await;
        assert_eq!(q.status, 200);
        assert!(q.body.contains("Pyöräpaja Vauhti ry"));
        assert!(q.body.contains("Yhteyshenkilö"));
        assert!(q.body.contains("ann@example.fi"));
        let r = ann
            .post(&format!("/fi/admin/organizations/{id}/verify"), &[])
            .await;
        assert_eq!(
            r.status, 403,
            "an admin does not verify their own organization"
        );
        let r = coord
            .post(&format!("/fi/admin/organizations/{id}/verify"), &[])
            .await;
        assert_eq!(r.status, 303);
        let q = coord.get("/fi/admin/organizations?done=verified").await;
        assert!(!q.body.contains("Pyöräpaja Vauhti ry"), "no longer waiting");
        let page = anon.get(&format!("/fi/organizations/{id}")).await;
        assert!(page.body.contains("class=\"badge\""), "verified now");
        let r = coord
            .post(
                &format!("/fi/admin/organizations/{}/verify", OrganizationId::new()),
                &[],
            )
            .await;
        assert_eq!(r.status, 404);
    }
);

both_engines!(
    duplicates_are_shown_before_a_second_profile,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        app.account("a@example.fi", Role::JobSeeker, None).await;
        app.account("b@example.fi", Role::JobSeeker, None).await;
        let mut a = Browser::new(&app);
        a.sign_in("a@example.fi", PASSWORD).await;
        let r = a
            .post(
                "/sv/organizations/register",
                &form("Pyöräpaja Vauhti ry", "2345678-0"),
            )
            .await;
        assert_eq!(r.status, 303);
        let existing = organization_of(&app, "a@example.fi").await;

        let mut b = Browser::from_addr(&app, "192.0.2.60:1");
        b.sign_in("b@example.fi", PASSWORD).await;
        // The same Y-tunnus: no second profile, even when the person says it is another one.
        let mut same = form("Helt Annat Namn", " 2345678-0 ");
        same.push(("different", "1"));
        let r = b.post("/sv/organizations/register", &same).await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(r.body.contains(&format!("/sv/organizations/{existing}")));
        assert!(r.body.contains("FO-numret hör redan"));
        let r = b
            .post(
                "/sv/organizations/register",
                &form("Helt Annat Namn", "2345678-0"),
            )
            .await;
        assert_eq!(r.status, 400);

        // A similar name: shown, and registering needs a yes.
        let r = b
            .post(
                "/sv/organizations/register",
                &form("PYÖRÄPAJA VAUHTI r.y.", ""),
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(
            r.body.contains(&format!("/sv/organizations/{existing}")),
            "{}",
            r.body
        );
        assert!(r.body.contains("name=\"different\""));
        assert!(
            r.body.contains("value=\"PYÖRÄPAJA VAUHTI r.y.\""),
            "what was typed stays"
        );
        // A name unlike any other goes straight through.
        let mut yes = form("PYÖRÄPAJA VAUHTI r.y.", "");
        yes.push(("different", "1"));
        let r = b.post("/sv/organizations/register", &yes).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
);

both_engines!(the_profile_is_edited_with_history, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let org = OrganizationId::parse(&app.first_id("organizations").await).unwrap();
    let other = app.store.organization_ids().await.unwrap();
    let other = *other.iter().find(|o| **o != org).unwrap();
    app.account("admin@example.fi", Role::OrganizationAdmin, Some(org))
        .await;
    app.account("member@example.fi", Role::OrganizationMember, Some(org))
        .await;
    app.account("naapuri@example.fi", Role::OrganizationAdmin, Some(other))
        .await;
    let edit = format!("/en/organizations/{org}/edit");

    let mut member = Browser::from_addr(&app, "192.0.2.30:1");
    member.sign_in("member@example.fi", PASSWORD).await;
    assert_eq!(
        member.get(&edit).await.status,
        403,
        "members edit services, not the profile"
    );
    let mut neighbour = Browser::from_addr(&app, "192.0.2.31:1");
    neighbour.sign_in("naapuri@example.fi", PASSWORD).await;
    assert_eq!(neighbour.get(&edit).await.status, 403);
    assert_eq!(
        neighbour.post(&edit, &[("name", "Kaapattu")]).await.status,
        403
    );

    let mut admin = Browser::new(&app);
    admin.sign_in("admin@example.fi", PASSWORD).await;
    let r = admin.get(&edit).await;
    assert_eq!(r.status, 200);
    let doc = r.html();
    let value = |name: &str| {
        let sel = scraper::Selector::parse(&format!("[name={name}]")).unwrap();
        let el = doc.select(&sel).next().unwrap_or_else(|| panic!("{name}"));
        match el.value().name() {
            "textarea" => el.text().collect::<String>(),
            "select" => {
                let opt = scraper::Selector::parse("option[selected]").unwrap();
                el.select(&opt)
                    .next()
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or("")
                    .to_string()
            }
            _ => el.value().attr("value").unwrap_or("").to_string(),
        }
    };
    let names = [
        "name",
        "legal_form",
        "business_id",
        "description_fi",
        "description_sv",
        "description_en",
        "website",
        "email",
        "phone",
    ];
    let mut fields: Vec<(String, String)> =
        names.iter().map(|n| (n.to_string(), value(n))).collect();
    let set = |fields: &mut Vec<(String, String)>, k: &str, v: &str| {
        fields.iter_mut().find(|(n, _)| n == k).unwrap().1 = v.to_string();
    };

    // Junk is refused field by field, and what was typed stays.
    set(&mut fields, "website", "javascript:alert(1)");
    set(&mut fields, "phone", "soita");
    set(&mut fields, "description_sv", "Vi lagar cyklar.");
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let r = admin.post(&edit, &borrowed).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("href=\"#website\"") && r.body.contains("href=\"#phone\""));
    assert!(r.body.contains("Vi lagar cyklar."));
    let before = app.store.organization(org).await.unwrap().unwrap();

    set(&mut fields, "website", "https://example.fi/pyorat");
    set(&mut fields, "phone", "+358 40 123 4567");
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let r = admin.post(&edit, &borrowed).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let after = app.store.organization(org).await.unwrap().unwrap();
    assert_eq!(after.website.as_deref(), Some("https://example.fi/pyorat"));
    assert_eq!(after.description.sv.as_deref(), Some("Vi lagar cyklar."));
    assert!(
        after.last_verified_at > before.last_verified_at,
        "saving confirms"
    );
    let page = admin.get(&format!("/sv/organizations/{org}")).await;
    assert!(page.body.contains("Vi lagar cyklar."));

    let r = admin.get(&format!("{edit}?done=saved")).await;
    assert!(r.body.contains("History of changes"));
    assert!(r.body.contains("admin@example.fi"));
    assert!(r.body.contains("https://example.fi/pyorat"));
    let history = app.store.history_of_organization(org, 10).await.unwrap();
    assert_eq!(history.len(), 1);
    let fields_changed: Vec<&str> = history[0]
        .changes
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert!(fields_changed.contains(&"website") && fields_changed.contains(&"description_sv"));
    assert!(!fields_changed.contains(&"name"));

    // Saving nothing new adds no history.
    let r = admin.post(&edit, &borrowed).await;
    assert_eq!(r.status, 303);
    assert_eq!(
        app.store
            .history_of_organization(org, 10)
            .await
            .unwrap()
            .len(),
        1
    );
});

fn location_id(location: &str, kind: &str) -> String {
    location
        .split(&format!("/{kind}/"))
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

both_engines!(
    a_new_organization_adds_a_service_and_a_place_found_at_once,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut ann = app.signed_in("ann@example.fi", Role::JobSeeker, None).await;
        let r = ann
            .post(
                "/fi/organizations/register",
                &form("Pyöräpaja Vauhti ry", ""),
            )
            .await;
        assert_eq!(r.status, 303);
        let org = organization_of(&app, "ann@example.fi").await;
        ann.second_factor("ann@example.fi").await;
        let desk = ann.get(&format!("/sv/organizations/{org}/manage")).await;
        assert_eq!(desk.status, 200);
        assert!(desk.body.contains("Inget ännu"));

        // A service, in Swedish, with a mistake first.
        let new_service = format!("/sv/organizations/{org}/services/new");
        let form_page = ann.get(&new_service).await;
        assert_eq!(form_page.status, 200);
        assert!(
            form_page
                .body
                .contains("Din organisation har inga verksamhetsställen än"),
            "the place field says there is none yet"
        );
        assert!(form_page
            .body
            .contains(&format!("href=\"/sv/organizations/{org}/locations/new\"")));
        let topic = kolmonen::refdata::REF.taxonomies.topics[0].id.clone();
        let mut fields = vec![
            ("name_fi", "Pyöräkorjaamo Vauhtipyörä"),
            ("name_sv", "Cykelverkstaden"),
            (
                "description_fi",
                "Korjaamme polkupyöriä yhdessä joka tiistai.",
            ),
            ("kind", "activity"),
            ("topics", topic.as_str()),
            ("free", "1"),
            ("low_threshold", "1"),
        ];
        fields.push(("topics", "no-such-topic"));
        let r = ann.post(&new_service, &fields).await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Välj i listan"));
        assert!(
            r.body.contains("value=\"Cykelverkstaden\""),
            "typed text stays"
        );
        fields.pop();
        let r = ann.post(&new_service, &fields).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let service = location_id(r.header("location"), "services");
        let place_form = ann
            .get(&format!("/fi/organizations/{org}/opportunities/new"))
            .await;
        assert!(
            place_form.body.contains("Lisää toimipaikka työpöydältä"),
            "a new place's location field says where one is added"
        );
        let saved = ann.get(r.header("location")).await;
        assert!(
            saved.body.contains("Tjänsten har inget verksamhetsställe"),
            "saved without a place: it warns"
        );
        let page = ann.get(&format!("/sv/services/{service}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Cykelverkstaden"));
        let found = ann.get("/fi/search?q=vauhtipyörä").await;
        assert!(
            found.body.contains(&format!("/fi/services/{service}")),
            "found at once"
        );

        // An open place, in English.
        let new_place = format!("/en/organizations/{org}/opportunities/new");
        let place = vec![
            ("title_fi", "Työkokeilu pyöräkorjaamossa"),
            ("title_en", "Work trial at the bike workshop"),
            (
                "description_fi",
                "Opit korjaamaan pyöriä ja palvelemaan asiakkaita.",
            ),
            ("kind", "work_trial"),
            ("status", "open"),
            ("places_total", "2"),
            ("places_free", "1"),
            ("hours_per_week", "20"),
            ("part_time", "1"),
            ("starts_on", "2026-12-01"),
            ("service", service.as_str()),
        ];
        let r = ann.post(&new_place, &place).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let opp = location_id(r.header("location"), "opportunities");
        let found = ann.get("/en/search?q=bike+workshop").await;
        assert!(
            found.body.contains(&format!("/en/opportunities/{opp}")),
            "found at once"
        );
        let page = ann.get(&format!("/en/opportunities/{opp}")).await;
        assert!(page.body.contains("Work trial at the bike workshop"));

        // The last place is taken: it shows as full. Then closed.
        let edit = format!("/fi/opportunities/{opp}/edit");
        let mut full = place.clone();
        full[6] = ("places_free", "0");
        let r = ann.post(&edit, &full).await;
        assert_eq!(r.status, 303);
        let o = app
            .store
            .opportunity(kolmonen::domain::OpportunityId::parse(&opp).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(o.status, kolmonen::domain::OpportunityStatus::Full);
        let mut closed = full.clone();
        closed[4] = ("status", "closed");
        assert_eq!(ann.post(&edit, &closed).await.status, 303);
        let page = ann.get(&format!("/fi/opportunities/{opp}")).await;
        assert!(page.body.contains("Haku päättynyt"), "{}", page.body);

        // One click: up to date. Everything is in the history.
        let before = o.last_verified_at;
        let r = ann
            .post(&format!("/fi/opportunities/{opp}/confirm"), &[])
            .await;
        assert_eq!(r.status, 303);
        assert!(r.header("location").ends_with("/manage?done=confirmed"));
        let o = app
            .store
            .opportunity(kolmonen::domain::OpportunityId::parse(&opp).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert!(o.last_verified_at > before);
        let history = app.store.history_of_organization(org, 20).await.unwrap();
        let kinds: Vec<&str> = history.iter().map(|h| h.record_kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "opportunity",
                "opportunity",
                "opportunity",
                "opportunity",
                "service"
            ]
        );
        let desk = ann.get(&format!("/fi/organizations/{org}/manage")).await;
        assert!(desk.body.contains("Pyöräkorjaamo Vauhtipyörä"));
        assert!(desk.body.contains("ann@example.fi"));

        // A member of another organization cannot touch them.
        let other = app.store.organization_ids().await.unwrap();
        let other = *other.iter().find(|o| **o != org).unwrap();
        let mut m = app
            .signed_in_from(
                "192.0.2.70:1",
                "m@example.fi",
                Role::OrganizationMember,
                Some(other),
            )
            .await;
        assert_eq!(m.get(&edit).await.status, 403);
        assert_eq!(m.post(&edit, &place).await.status, 403);
        assert_eq!(m.get(&new_place).await.status, 403);
        assert_eq!(
            m.get(&format!("/fi/organizations/{org}/manage"))
                .await
                .status,
            403
        );
    }
);

both_engines!(
    errors_are_reported_without_an_account_and_handled,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let ids = app.store.organization_ids().await.unwrap();
        let mut target = None;
        for id in &ids {
            let r = app.store.records_of_organizations(&[*id]).await.unwrap();
            if let Some(s) = r.services.first() {
                target = Some((*id, s.id));
                break;
            }
        }
        let (org, service) = target.unwrap();
        let other = *ids.iter().find(|o| **o != org).unwrap();
        app.account("member@example.fi", Role::OrganizationMember, Some(org))
            .await;
        app.account("other@example.fi", Role::OrganizationMember, Some(other))
            .await;
        app.account("coord@example.fi", Role::NetworkCoordinator, None)
            .await;

        let mut anon = Browser::from_addr(&app, "198.51.100.77:1");
        let page = anon.get(&format!("/fi/services/{service}")).await;
        assert!(
            page.body
                .contains(&format!("/fi/services/{service}/report")),
            "linked from the page"
        );
        let url = format!("/fi/services/{service}/report");
        assert_eq!(anon.get(&url).await.status, 200);
        let r = anon
            .post(
                &url,
                &[("message", "väärin"), ("contact_email", "ei osoite")],
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("href=\"#message\"") && r.body.contains("href=\"#contact_email\""));
        assert!(r.body.contains("väärin"), "typed text stays");
        let r = anon
            .post(
                &url,
                &[
                    ("message", "Aukioloajat ovat muuttuneet syksyllä."),
                    ("contact_email", "Kertoja@Example.fi"),
                ],
            )
            .await;
        assert_eq!(r.status, 303);
        assert_eq!(r.header("location"), format!("{url}?done=sent"));
        assert!(anon.get(r.header("location")).await.body.contains("Kiitos"));
        let bogus = format!("/fi/services/{}/report", kolmonen::domain::ServiceId::new());
        assert_eq!(anon.get(&bogus).await.status, 404);

        // The organization sees it on its desk; the coordinators in their queue.
        let mut member = Browser::from_addr(&app, "192.0.2.80:1");
        member.sign_in("member@example.fi", PASSWORD).await;
        let desk = member.get(&format!("/fi/organizations/{org}/manage")).await;
        assert!(desk.body.contains("Aukioloajat ovat muuttuneet syksyllä."));
        assert!(desk.body.contains("kertoja@example.fi"));
        let mut coord = Browser::from_addr(&app, "192.0.2.81:1");
        coord.sign_in("coord@example.fi", PASSWORD).await;
        let q = coord.get("/fi/admin/reports").await;
        assert_eq!(q.status, 200);
        assert!(q.body.contains("Aukioloajat ovat muuttuneet syksyllä."));
        // The link names the record, not a bare "Tieto".
        let name = app
            .store
            .service(service)
            .await
            .unwrap()
            .unwrap()
            .name
            .text(kolmonen::domain::Lang::Fi)
            .to_string();
        for page in [&q.body, &desk.body] {
            assert!(
                page.contains(&format!("/fi/services/{service}\">{name}</a>")),
                "{name}"
            );
        }
        assert_eq!(member.get("/fi/admin/reports").await.status, 403);

        let report = app.store.open_error_reports(Some(org)).await.unwrap();
        assert_eq!(report.len(), 1);
        let resolve = format!("/fi/reports/{}/resolve", report[0].id);
        let mut outsider = Browser::from_addr(&app, "192.0.2.82:1");
        outsider.sign_in("other@example.fi", PASSWORD).await;
        assert_eq!(outsider.post(&resolve, &[]).await.status, 403);
        let r = member.post(&resolve, &[]).await;
        assert_eq!(r.status, 303);
        assert!(app
            .store
            .open_error_reports(Some(org))
            .await
            .unwrap()
            .is_empty());
        let kept = app
            .store
            .error_report(&report[0].id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            kept.contact_email, None,
            "the address is forgotten once handled"
        );
        assert_eq!(
            member.post(&resolve, &[]).await.status,
            303,
            "twice is harmless"
        );

        // At most five reports an hour from one address.
        for i in 1..5 {
            let msg = format!("Ilmoitus numero {i} tästä palvelusta.");
            assert_eq!(anon.post(&url, &[("message", &msg)]).await.status, 303);
        }
        let r = anon
            .post(&url, &[("message", "Kuudes ilmoitus samasta osoitteesta.")])
            .await;
        assert_eq!(r.status, 429);
        assert!(r.body.contains("Kuudes ilmoitus"), "what was typed stays");
    }
);

both_engines!(admins_invite_and_remove_members, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let org = OrganizationId::parse(&app.first_id("organizations").await).unwrap();
    app.account("admin@example.fi", Role::OrganizationAdmin, Some(org))
        .await;
    app.account("uusi@example.fi", Role::JobSeeker, None).await;
    app.account("toinen@example.fi", Role::JobSeeker, None)
        .await;
    let mut admin = Browser::new(&app);
    admin.sign_in("admin@example.fi", PASSWORD).await;
    let members = format!("/fi/organizations/{org}/members");
    let r = admin.get(&members).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("admin@example.fi"));
    let r = admin.post(&members, &[("email", "ei osoite")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("value=\"ei osoite\""));
    // An organization nobody has verified yet sends no invitations.
    let mut unverified = app.store.organization(org).await.unwrap().unwrap();
    unverified.id = OrganizationId::new();
    unverified.verified = false;
    unverified.business_id = None;
    let mut batch = kolmonen::store::DirectoryBatch::default();
    batch.organizations.push(unverified.clone());
    kolmonen::services::save_batch(app.store.as_ref(), &batch)
        .await
        .unwrap();
    let mut newcomer = app
        .signed_in(
            "uusi-admin@example.fi",
            Role::OrganizationAdmin,
            Some(unverified.id),
        )
        .await;
    let r = newcomer
        .post(
            &format!("/fi/organizations/{}/members", unverified.id),
            &[("email", "kuka@example.com")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("vahvistanut organisaation"), "{}", r.body);
    assert!(crate::common::outbox(&app).await.is_empty(), "no mail");
    // Someone already in the organization (here the admin) is told so, not mailed.
    let r = admin.post(&members, &[("email", "Admin@Example.fi")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("kutsua ei tarvita"), "{}", r.body);
    let r = admin.post(&members, &[("email", "Uusi@Example.fi")]).await;
    assert_eq!(r.status, 303);

    // The invitation goes by mail.
    let now = time::OffsetDateTime::now_utc();
    let mails = app
        .store
        .lease_mail("t", now, now + time::Duration::minutes(1), 10)
        .await
        .unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "uusi@example.fi");
    let start = mails[0].body.find("/fi/invite?token=").unwrap();
    let link: String = mails[0].body[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .into();
    let token = link.split("token=").nth(1).unwrap().to_string();

    // Signed out: sign in first. Another address: refused. The invited one: a member.
    let mut anon = Browser::from_addr(&app, "192.0.2.90:1");
    let r = anon.get(&link).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("uusi@example.fi"));
    let mut other = Browser::from_addr(&app, "192.0.2.91:1");
    other.sign_in("toinen@example.fi", PASSWORD).await;
    let r = other.post("/fi/invite", &[("token", &token)]).await;
    assert_eq!(r.status, 400);
    let mut new = Browser::from_addr(&app, "192.0.2.92:1");
    new.sign_in("uusi@example.fi", PASSWORD).await;
    let r = new.post("/fi/invite", &[("token", &token)]).await;
    assert_eq!(r.status, 303);
    // A member now: the second factor is set up before the desk opens.
    assert_eq!(r.header("location"), "/fi/login/second-factor");
    assert_eq!(
        new.get(&format!("/fi/organizations/{org}/manage"))
            .await
            .status,
        303,
        "not on the password alone"
    );
    let r = new.second_factor("uusi@example.fi").await;
    assert_eq!(r.status, 200, "recovery codes");
    assert_eq!(
        new.get(&format!("/fi/organizations/{org}/manage"))
            .await
            .status,
        200
    );
    assert_eq!(
        new.get(&members).await.status,
        403,
        "members do not manage members"
    );
    let r = other.post("/fi/invite", &[("token", &token)]).await;
    assert_eq!(r.status, 400, "used");

    // Removed: out of the organization and signed out.
    let uusi = app
        .store
        .user_by_email(&Email::parse("uusi@example.fi").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(uusi.role, Role::OrganizationMember);
    let r = admin
        .post(
            &format!("{members}/remove"),
            &[("user", &uusi.id.to_string())],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(new.get("/fi/account").await.status, 303);
    let uusi = app.store.user_by_id(uusi.id).await.unwrap().unwrap();
    assert_eq!((uusi.role, uusi.organization_id), (Role::JobSeeker, None));
    let me = app
        .store
        .user_by_email(&Email::parse("admin@example.fi").unwrap())
        .await
        .unwrap()
        .unwrap();
    let r = admin
        .post(
            &format!("{members}/remove"),
            &[("user", &me.id.to_string())],
        )
        .await;
    assert_eq!(r.status, 400, "not oneself");
});

both_engines!(
    owners_are_reminded_at_six_and_twelve_months,
    |engine| async move {
        use kolmonen::manage::freshness::remind;
        use time::{Duration, OffsetDateTime};
        let app = TestApp::spawn(engine).await;
        let ids = app.store.organization_ids().await.unwrap();
        let org = ids[0];
        app.account("member@example.fi", Role::OrganizationMember, Some(org))
            .await;
        let now = OffsetDateTime::now_utc();
        // Everything fresh except what we age here.
        let all = app.store.records_of_organizations(&ids).await.unwrap();
        let mut batch = kolmonen::store::DirectoryBatch {
            organizations: all.organizations.clone(),
            services: all.services.clone(),
            opportunities: all.opportunities.clone(),
            ..Default::default()
        };
        let fresh = kolmonen::domain::now_micros();
        for o in &mut batch.organizations {
            o.last_verified_at = fresh;
        }
        for s in &mut batch.services {
            s.last_verified_at = if s.organization_id == org {
                fresh - Duration::days(200)
            } else {
                fresh
            };
        }
        for o in &mut batch.opportunities {
            o.last_verified_at = fresh;
        }
        let aged = batch
            .services
            .iter()
            .filter(|s| s.organization_id == org)
            .count();
        assert!(aged > 0);
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .unwrap();

        let outbox = |app: &TestApp| {
            let store = app.store.clone();
            async move {
                let t = OffsetDateTime::now_utc();
                store
                    .lease_mail("t", t, t + time::Duration::minutes(1), 100)
                    .await
                    .unwrap()
            }
        };
        assert_eq!(
            remind(&app.store, "https://kolmonen.fi", now)
                .await
                .unwrap(),
            1
        );
        let mails = outbox(&app).await;
        assert_eq!(mails.len(), 1);
        assert_eq!(mails[0].to, "member@example.fi");
        assert!(mails[0].body.contains(&format!(
            "https://kolmonen.fi/fi/organizations/{org}/manage"
        )));
        assert!(
            mails[0].body.contains(&aged.to_string()) || aged == 1,
            "{}",
            mails[0].body
        );
        // Once per stage, however often the job runs, on however many nodes.
        assert_eq!(
            remind(&app.store, "https://kolmonen.fi", now)
                .await
                .unwrap(),
            0
        );
        // Half a year later: out of date, the second reminder.
        let later = now + Duration::days(183);
        assert_eq!(
            remind(&app.store, "https://kolmonen.fi", later)
                .await
                .unwrap(),
            1
        );
        let mails = outbox(&app).await;
        assert!(
            mails[0].subject.contains("vanhentuneiksi"),
            "{}",
            mails[0].subject
        );
        // Confirmed: no more reminders until it ages again.
        let mut member = Browser::new(&app);
        member.sign_in("member@example.fi", PASSWORD).await;
        for s in batch.services.iter().filter(|s| s.organization_id == org) {
            let r = member
                .post(&format!("/fi/services/{}/confirm", s.id), &[])
                .await;
            assert_eq!(r.status, 303);
        }
        assert_eq!(
            remind(&app.store, "https://kolmonen.fi", now)
                .await
                .unwrap(),
            0
        );
        let much_later = now + Duration::days(200);
        assert_eq!(
            remind(&app.store, "https://kolmonen.fi", much_later)
                .await
                .unwrap(),
            1,
            "a new round after the confirmation"
        );
    }
);

both_engines!(
    places_are_added_and_found_by_distance,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut ann = app.signed_in("ann@example.fi", Role::JobSeeker, None).await;
        ann.post(
            "/fi/organizations/register",
            &form("Pyöräpaja Vauhti ry", ""),
        )
        .await;
        ann.second_factor("ann@example.fi").await;
        let org = organization_of(&app, "ann@example.fi").await;
        let new_place = format!("/en/organizations/{org}/locations/new");
        assert_eq!(ann.get(&new_place).await.status, 200);
        let r = ann
            .post(&new_place, &[("street", ""), ("postal_code", "1514")])
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("href=\"#street\"") && r.body.contains("href=\"#postal_code\""));
        let r = ann
            .post(
                &new_place,
                &[
                    ("name_fi", "Paja"),
                    ("street", "Vesijärvenkatu 11"),
                    ("postal_code", "15140"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let place = r
            .header("location")
            .split("/locations/")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let l = app
            .store
            .location(kolmonen::domain::LocationId::parse(&place).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            l.municipality_code.as_deref(),
            Some("398"),
            "Lahti, from the postal code"
        );
        let desk = ann.get(&format!("/fi/organizations/{org}/manage")).await;
        assert!(desk.body.contains("Vesijärvenkatu 11"));
        let desk_link = format!("/fi/organizations/{org}/manage");
        let public = ann.get(&format!("/fi/organizations/{org}")).await;
        assert!(
            public.body.contains(&desk_link),
            "its people find their desk"
        );
        let mut anon = Browser::from_addr(&app, "192.0.2.240:1");
        let public = anon.get(&format!("/fi/organizations/{org}")).await;
        assert!(!public.body.contains(&desk_link));

        // The only place is ticked for a new service and a new opportunity.
        let form_page = ann
            .get(&format!("/fi/organizations/{org}/services/new"))
            .await;
        assert!(
            form_page.body.contains(&format!(
                "id=\"locations-{place}\" name=\"locations\" value=\"{place}\" checked"
            )),
            "the only place is chosen"
        );
        let form_page = ann
            .get(&format!("/fi/organizations/{org}/opportunities/new"))
            .await;
        assert!(form_page
            .body
            .contains(&format!("<option value=\"{place}\" selected>")));
        let topic = kolmonen::refdata::REF.taxonomies.topics[0].id.clone();
        let r = ann
            .post(
                &format!("/fi/organizations/{org}/services/new"),
                &[
                    ("name_fi", "Pyöräkorjaamo Vauhtipyörä"),
                    (
                        "description_fi",
                        "Korjaamme polkupyöriä yhdessä joka tiistai.",
                    ),
                    ("kind", "activity"),
                    ("topics", topic.as_str()),
                    ("locations", place.as_str()),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let near = ann
            .get("/fi/search?q=vauhtipyörä&near=15140&radius_km=10")
            .await;
        assert!(
            near.body.contains("Pyöräkorjaamo Vauhtipyörä"),
            "found near Lahti"
        );
        let far = ann
            .get("/fi/search?q=vauhtipyörä&near=96100&radius_km=10")
            .await;
        assert!(
            !far.body.contains("Pyöräkorjaamo Vauhtipyörä"),
            "not near Rovaniemi"
        );
        // Someone else's place is not theirs to name.
        let other_place = app
            .store
            .locations_of_organization(app.store.organization_ids().await.unwrap()[0])
            .await
            .unwrap();
        if let Some(p) = other_place
            .first()
            .filter(|p| p.organization_id != Some(org))
        {
            let r = ann
                .post(
                    &format!("/fi/organizations/{org}/services/new"),
                    &[
                        ("name_fi", "Toinen palvelu"),
                        ("description_fi", "Kuvaus joka on riittävän pitkä."),
                        ("kind", "activity"),
                        ("locations", &p.id.to_string()),
                    ],
                )
                .await;
            assert_eq!(r.status, 400);
            assert_eq!(
                ann.get(&format!("/fi/locations/{}/edit", p.id))
                    .await
                    .status,
                403
            );
        }
    }
);
