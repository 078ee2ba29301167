//! The journeys of issue 16, tried as new users would: a job seeker without and with an
//! account, an organization managing its places, a coach with result lists. Each finding has
//! a test here, on both engines.

use crate::common::forms::submit_rendered;
use crate::common::PASSWORD;
use crate::common::{Browser, TestApp};
use kolmonen::accounts::Role;
use kolmonen::domain::{OpportunityId, OrganizationId};
use kolmonen::store::{OpportunityFilter, PageRequest};
use std::collections::BTreeMap;

/// The ids that occur more than once on a page.
fn repeated_ids(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for e in doc.select(&scraper::Selector::parse("[id]").unwrap()) {
        *seen
            .entry(e.value().id().unwrap_or("").to_string())
            .or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id)
        .collect()
}

// 1. A skill's label ticks that skill: every id on the profile page (and on the others) is
// unique.
both_engines!(every_id_on_a_page_is_unique, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let org = app.first_id("organizations").await;
    let place = app.first_id("opportunities").await;
    let service = app.first_id("services").await;
    app.account("etsija@example.fi", Role::JobSeeker, None)
        .await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in("etsija@example.fi", PASSWORD).await.status, 303);
    for lang in ["fi", "sv", "en"] {
        for path in [
            "/me".to_string(),
            "/me/matches".into(),
            "/account".into(),
            "/search?q=ty%C3%B6kokeilu".into(),
            format!("/organizations/{org}"),
            format!("/opportunities/{place}"),
            format!("/services/{service}"),
            "/organizations/register".into(),
        ] {
            let page = b.get(&format!("/{lang}{path}")).await;
            assert_eq!(page.status, 200, "{lang}{path}");
            assert_eq!(
                repeated_ids(&page.body),
                Vec::<String>::new(),
                "{lang}{path}"
            );
        }
    }
    // The label of each skill names the box of that skill.
    let page = b.get("/fi/me").await.html();
    let boxes = scraper::Selector::parse("input[name=skills]").unwrap();
    let mut n = 0;
    for input in page.select(&boxes) {
        let id = input.value().id().expect("id");
        let value = input.value().attr("value").unwrap();
        let label = scraper::Selector::parse(&format!("label[for=\"{id}\"]")).unwrap();
        assert_eq!(page.select(&label).count(), 1, "one label for {value}");
        n += 1;
    }
    assert!(n > 200, "the skills are on the page ({n})");
});

/// A verified demo organization's open place: (organization, place).
async fn open_place(app: &TestApp) -> (OrganizationId, OpportunityId) {
    let filter = OpportunityFilter {
        open_only: true,
        ..Default::default()
    };
    let page = app
        .store
        .opportunities(&filter, PageRequest::new(1, 100))
        .await
        .unwrap();
    for o in page.items {
        let org = app
            .store
            .organization(o.organization_id)
            .await
            .unwrap()
            .unwrap();
        if org.verified && o.places_free > 0 {
            return (org.id, o.id);
        }
    }
    panic!("the demo has a verified organization with an open place");
}

/// The ids of the records a search answers with.
async fn search_ids(app: &TestApp, query: &str) -> Vec<String> {
    let r = app
        .get(&format!("/api/v1/search?{query}&per_page=100"))
        .await;
    assert_eq!(r.status, 200, "{query}: {}", r.body);
    r.json()["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap().to_string())
        .collect()
}

// 2. A place past its apply-by date is closed everywhere, and saving a past date warns.
both_engines!(
    a_place_past_its_apply_by_date_is_closed,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (org, place) = open_place(&app).await;
        let type_word = {
            let o = app.store.opportunity(place).await.unwrap().unwrap();
            format!("type=opportunity&kind={}", o.kind.as_str())
        };
        assert!(search_ids(&app, &format!("{type_word}&open=true"))
            .await
            .contains(&place.to_string()));
        let mut staff = app
            .signed_in("paikat@example.fi", Role::OrganizationMember, Some(org))
            .await;
        let edit = format!("/fi/opportunities/{place}/edit");
        let r = submit_rendered(
            &mut staff,
            &edit,
            "/edit",
            &[("apply_by", "2020-01-01"), ("status", "open")],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = staff.get(r.header("location")).await;
        assert!(
            page.body.contains("notice-warning"),
            "saving a past date warns"
        );
        assert!(page.body.contains("Hakuaika on jo päättynyt"));

        // Lists, the record's page, the API, HSDS and search all say closed.
        let shown = app.get(&format!("/fi/opportunities/{place}")).await;
        assert!(
            shown.body.contains("Haku päättynyt"),
            "the page says closed"
        );
        assert!(
            !shown.body.contains("paikka vapaana") && !shown.body.contains("paikkaa vapaana"),
            "no free places shown"
        );
        assert!(!shown.body.contains("/interest\""), "no interest form");
        let api = app
            .get(&format!("/api/v1/opportunities/{place}"))
            .await
            .json();
        assert_eq!(api["status"], "closed");
        let open_list = app
            .get("/api/v1/opportunities?open=true&per_page=100")
            .await
            .json();
        assert!(!open_list["contents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == place.to_string()));
        let hsds = app.get(&format!("/hsds/services/{place}")).await;
        if hsds.status == 200 {
            assert_eq!(hsds.json()["status"], "inactive");
        }
        assert!(!search_ids(&app, &format!("{type_word}&open=true"))
            .await
            .contains(&place.to_string()));

        // A job seeker's interest is refused.
        let mut seeker = app
            .signed_in("hakija@example.fi", Role::JobSeeker, None)
            .await;
        let r = seeker
            .post(
                &format!("/fi/opportunities/{place}/interest"),
                &[("message", "Kiinnostaa")],
            )
            .await;
        assert_eq!(r.status, 409, "interest in a closed place");

        // The index follows the calendar: a place indexed as open yesterday whose date has now
        // passed is closed by the quarter-hourly job.
        let records = app.store.records_of_organizations(&[org]).await.unwrap();
        let mut docs = kolmonen::search::index::documents(&records);
        let open_token = kolmonen::search::index::flag_token("open")
            .unwrap()
            .to_string();
        for d in &mut docs {
            if d.record_id == place.to_string() {
                d.facets.push(open_token.clone());
            }
        }
        app.store
            .replace_search_documents(&[org.to_string()], &docs)
            .await
            .unwrap();
        assert!(search_ids(&app, &format!("{type_word}&open=true"))
            .await
            .contains(&place.to_string()));
        let today = kolmonen::domain::helsinki::today();
        assert_eq!(
            kolmonen::search::close_expired_places(app.store.as_ref(), today)
                .await
                .unwrap(),
            1
        );
        assert!(!search_ids(&app, &format!("{type_word}&open=true"))
            .await
            .contains(&place.to_string()));
        assert_eq!(
            kolmonen::search::close_expired_places(app.store.as_ref(), today)
                .await
                .unwrap(),
            0
        );
    }
);

fn total(r: &crate::common::TestResponse) -> u64 {
    let j = r.json();
    j["total"]
        .as_u64()
        .or(j["total_items"].as_u64())
        .expect("a total")
}

// 3. Several values of a facet are alternatives; districts and former municipalities are
// places.
both_engines!(
    facets_take_several_values_and_districts_are_places,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        for path in [
            "/api/v1/search?",
            "/api/v1/organizations?",
            "/api/v1/opportunities?",
            "/api/v1/services?",
        ] {
            let lahti = total(&app.get(&format!("{path}municipality=398")).await);
            let hollola = total(&app.get(&format!("{path}municipality=098")).await);
            let both = app
                .get(&format!("{path}municipality=098&municipality=398"))
                .await;
            assert_eq!(both.status, 200, "{path}: {}", both.body);
            let n = total(&both);
            assert!(lahti > 0 && hollola > 0, "{path}: demo records in both");
            assert!(
                n >= lahti.max(hollola) && n <= lahti + hollola,
                "{path}: {n} of {lahti} + {hollola}"
            );
            let commas = app.get(&format!("{path}municipality=098,398")).await;
            assert_eq!(total(&commas), n, "{path}: commas as repeats");
        }
        for page in [
            "/fi/search?municipality=098&municipality=398",
            "/fi/organizations?municipality=098&municipality=398",
            "/sv/opportunities?municipality=098&municipality=398",
        ] {
            assert_eq!(app.get(page).await.status, 200, "{page}");
        }
        // The page offers the other municipalities beside the chosen one, which can be taken away.
        let page = app
            .get("/fi/search?type=service&municipality=398")
            .await
            .html();
        let chosen = scraper::Selector::parse(".facet a.chosen").unwrap();
        let links: Vec<_> = page
            .select(&chosen)
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        let away: Vec<_> = links
            .iter()
            .filter(|l| !l.contains("municipality"))
            .collect();
        assert_eq!(
            away.len(),
            1,
            "the chosen municipality is marked: {links:?}"
        );
        assert!(
            away[0].contains("type=service"),
            "taking it away keeps the rest: {}",
            away[0]
        );
        let add = scraper::Selector::parse(".facet a[href*='municipality=398&amp;municipality='], .facet a[href*='municipality=398&municipality=']").unwrap();
        assert!(
            page.select(&add).next().is_some(),
            "another municipality adds to it"
        );

        // "Nastola" is part of Lahti since 2016: as a word, and as near.
        let r = app.get("/api/v1/search?q=Nastola").await.json();
        assert!(
            r["total"].as_u64().unwrap() > 0,
            "Nastola finds records near it: {r}"
        );
        assert_eq!(r["near"]["label"], "Nastola");
        // A place among other words, that no record names: the words are searched near it.
        let r = app
            .get("/api/v1/search?q=kudonta%20H%C3%A4meenkoski")
            .await
            .json();
        assert_eq!(r["near"]["label"], "Hämeenkoski", "{r}");
        assert!(r["unmatched_words"].as_array().unwrap().is_empty(), "{r}");
        let page = app.get("/fi/search?q=Nastola").await;
        assert!(
            page.body.contains("säteeltä paikasta Nastola"),
            "the page says so"
        );
        for near in [
            "Hollolan%20kirkonkyl%C3%A4",
            "H%C3%A4meenkoski",
            "Artj%C3%A4rvi",
        ] {
            let r = app.get(&format!("/api/v1/search?near={near}")).await;
            assert_eq!(r.status, 200, "{near}: {}", r.body);
            assert!(r.json()["near"]["label"].is_string(), "{near}");
        }
    }
);

// 5. Signing in, signing up (through the e-mail link) and the second factor come back to
// where the person was; a return path elsewhere is not followed.
both_engines!(sign_in_comes_back_to_the_page, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let (org, place) = open_place(&app).await;
    let here = format!("/fi/opportunities/{place}");
    let encoded = format!("next=%2Ffi%2Fopportunities%2F{place}");
    let page = app.get(&here).await;
    assert!(
        page.body.contains(&format!("/fi/login?{encoded}")),
        "the sign-in link carries the place"
    );
    assert!(
        page.body.contains(&format!("/fi/signup?{encoded}")),
        "so does sign-up"
    );

    app.account("palaa@example.fi", Role::JobSeeker, None).await;
    let mut b = Browser::new(&app);
    let form = b.get(&format!("/fi/login?{encoded}")).await;
    assert!(
        form.body
            .contains(&format!("action=\"/fi/login?{encoded}\"")),
        "the form keeps it"
    );
    let r = b
        .post(
            &format!("/fi/login?{encoded}"),
            &[("email", "palaa@example.fi"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), here);
    for bad in [
        "%2F%2Fevil.example%2F",
        "https%3A%2F%2Fevil.example%2F",
        "%2Ffi%2Flogout",
        "%2F%5Cevil.example",
        "%2Fxx%2Fopportunities",
    ] {
        let mut b = Browser::new(&app);
        let r = b
            .post(
                &format!("/fi/login?next={bad}"),
                &[("email", "palaa@example.fi"), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(r.header("location"), "/fi/account", "{bad} is not followed");
    }

    // Staff: through the second factor.
    app.account("tyo@example.fi", Role::OrganizationMember, Some(org))
        .await;
    let mut s = Browser::new(&app);
    let r = s
        .post(
            &format!("/fi/login?{encoded}"),
            &[("email", "tyo@example.fi"), ("password", PASSWORD)],
        )
        .await;
    let to_factor = r.header("location").to_string();
    assert_eq!(to_factor, format!("/fi/login/second-factor?{encoded}"));
    let done = s.second_factor_at("tyo@example.fi", &to_factor).await;
    assert_eq!(done.status, 200, "recovery codes the first time");
    assert!(
        done.body.contains(&format!("href=\"{here}\"")),
        "continue goes back to the place"
    );

    // Sign-up: the confirmation link carries the place on to sign-in.
    let mut n = Browser::new(&app);
    let r = n
        .post(
            &format!("/fi/signup?{encoded}"),
            &[
                ("email", "uusi@example.fi"),
                ("password", "lumi sataa hiljaa illalla"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let mail = crate::common::outbox(&app)
        .await
        .into_iter()
        .rev()
        .find(|m| m.to == "uusi@example.fi")
        .expect("a mail");
    let link = crate::common::link(&mail);
    assert!(link.contains(&encoded), "{link}");
    let path = link[link.find("/fi/confirm").unwrap()..].to_string();
    let confirm = n.get(&path).await;
    assert!(
        confirm
            .body
            .contains(&format!("action=\"/fi/confirm?{encoded}\"")),
        "{}",
        confirm.body
    );
    let token = crate::common::token_of(&link);
    let r = n
        .post(&format!("/fi/confirm?{encoded}"), &[("token", &token)])
        .await;
    assert_eq!(
        r.header("location"),
        format!("/fi/login?done=confirmed&{encoded}")
    );
    let r = n
        .post(
            &format!("/fi/login?{encoded}"),
            &[
                ("email", "uusi@example.fi"),
                ("password", "lumi sataa hiljaa illalla"),
            ],
        )
        .await;
    assert_eq!(r.header("location"), here);
});

// 8 and 17. Dates the Finnish way; names refuse bidi overrides and invisible characters.
both_engines!(
    finnish_dates_and_names_that_read_as_stored,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut b = app
            .signed_in("nimi@example.fi", Role::JobSeeker, None)
            .await;
        for name in ["\u{202E}ltr", "Ai\u{200B}no", "a\u{2066}b"] {
            let r = submit_rendered(&mut b, "/fi/me", "/me", &[("display_name", name)]).await;
            assert_eq!(r.status, 400, "{name:?} refused");
            assert!(
                r.body.contains("näkymättömiä merkkejä"),
                "the error says why"
            );
        }
        // Written right, but no such day: said so, and what was typed stays.
        let r = submit_rendered(
            &mut b,
            "/fi/me",
            "/me",
            &[("display_name", "Aino"), ("available_from", "31.2.2027")],
        )
        .await;
        assert_eq!(r.status, 400);
        assert!(
            r.body.contains("Tätä päivää ei ole kalenterissa"),
            "{}",
            r.body
        );
        assert!(r.body.contains("value=\"31.2.2027\""));
        let r = submit_rendered(
            &mut b,
            "/fi/me",
            "/me",
            &[("display_name", "Aino"), ("available_from", "7.1.2027")],
        )
        .await;
        assert_eq!(r.status, 303, "a Finnish date is taken: {}", r.body);
        let page = b.get("/fi/me").await;
        assert!(
            page.body.contains(
                "name=\"available_from\" type=\"text\" class=\"date\" value=\"7.1.2027\""
            ),
            "kept, and shown as typed in a text field (a browser's date picker shows mm/dd/yyyy \
             and refuses the hint's form): {}",
            page.body
        );
        assert!(
            page.body.contains("7.1.2027 (päivä.kuukausi.vuosi)"),
            "the hint shows the Finnish form"
        );
    }
);

// 9 and 12. Forms that start where people start; honest words when nothing is found.
both_engines!(
    forms_start_sensibly_and_empty_results_say_what_was_asked,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (org, _) = open_place(&app).await;
        let mut b = app
            .signed_in("lomake@example.fi", Role::OrganizationAdmin, Some(org))
            .await;
        let new_place = b
            .get(&format!("/fi/organizations/{org}/opportunities/new"))
            .await;
        assert!(
            new_place.body.contains("<option value=\"open\" selected>"),
            "a new place is open"
        );
        let r = submit_rendered(
            &mut b,
            &format!("/fi/organizations/{org}/edit"),
            "/edit",
            &[("website", "www.example.fi")],
        )
        .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let saved = app.store.organization(org).await.unwrap().unwrap();
        assert_eq!(saved.website.as_deref(), Some("https://www.example.fi"));
        // The hint's example Y-tunnus passes its own check.
        for lang in kolmonen::domain::Lang::ALL {
            let hint = kolmonen::i18n::t(lang, "register-business_id-hint");
            let example = hint
                .split_whitespace()
                .find(|w| w.contains('-'))
                .unwrap()
                .trim_end_matches(['.', ',']);
            assert!(
                kolmonen::domain::BusinessId::parse(example).is_ok(),
                "{lang}: {example}"
            );
        }
        // Nothing found: the words, or the filters, are named; a page past the last is the last.
        let words = app.get("/fi/search?q=zzzxxy").await;
        assert!(
            words.body.contains("Hakusanoilla ”zzzxxy” ei löytynyt"),
            "names the words"
        );
        let filters = app.get("/fi/search?type=organization&open=1").await;
        assert!(
            filters.body.contains("Näillä rajauksilla ei löytynyt"),
            "no words, no “hakusanalla”"
        );
        assert!(!filters.body.contains("Hakusanoilla"));
        // Words and filters together: both are named, not the words alone.
        let both = app
            .get("/fi/search?q=kahvila&type=opportunity&municipality=091")
            .await;
        assert!(
            both.body
                .contains("Hakusanoilla ”kahvila” ja näillä rajauksilla ei löytynyt"),
            "names the words and the filters"
        );
        // The lists, like search, show their last page for a page past it.
        for (path, pages) in [
            ("/fi/opportunities", "listalla on"),
            ("/fi/organizations", "listalla on"),
        ] {
            let r = app.get(&format!("{path}?page=999")).await;
            assert_eq!(r.status, 200);
            assert!(
                r.body.contains("Sivua 999 ei ole") && r.body.contains(pages),
                "{path}"
            );
            assert!(
                r.body.contains("class=\"card"),
                "{path}: the last page's cards"
            );
        }
        let far = app.get("/fi/search?type=service&page=400").await;
        assert_eq!(far.status, 200);
        assert!(
            far.body.contains("Sivua 400 ei ole"),
            "says there are fewer pages"
        );
        assert!(
            far.body.contains("class=\"card"),
            "and shows the last page's results"
        );
        // A word that matches nothing: one message, not "searched without it" and "nothing".
        let none = app.get("/fi/search?q=zzzxxy").await.body;
        assert!(none.contains("Hakusanoilla ”zzzxxy” ei löytynyt mitään"));
        assert!(
            !none.contains("joten haimme ilman sitä"),
            "no contradiction"
        );
        // Past the furthest page any search may have: the same, not a number error.
        let farther = app.get("/fi/search?type=service&page=999").await;
        assert_eq!(farther.status, 200);
        assert!(farther.body.contains("Sivua 999 ei ole"));
        assert!(!farther.body.contains("error-summary"));
    }
);

// 4. Applying is obvious: numbers and addresses are links, an empty "how to apply" falls back
// to the organization's contacts, the apply box comes first, and sending interest says what
// happens next.
both_engines!(applying_is_obvious, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let (org, place) = open_place(&app).await;
    let mut staff = app
        .signed_in("hakee@example.fi", Role::OrganizationMember, Some(org))
        .await;
    let edit = format!("/fi/opportunities/{place}/edit");
    let how = "Soita 044 000 1101 tai kirjoita paikat@example.fi.";
    let r = submit_rendered(&mut staff, &edit, "/edit", &[("how_to_apply", how)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = app.get(&format!("/fi/opportunities/{place}")).await.body;
    assert!(
        page.contains("<a href=\"tel:+358440001101\">044 000 1101</a>"),
        "a tel: link"
    );
    assert!(
        page.contains("<a href=\"mailto:paikat@example.fi\">paikat@example.fi</a>."),
        "a mailto: link"
    );
    let (apply, tasks) = (
        page.find("id=\"h-apply\"").unwrap(),
        page.find("id=\"h-tasks\"").unwrap(),
    );
    assert!(apply < tasks, "how to apply comes before the tasks");
    let jump = page
        .find("href=\"#h-interest\"")
        .expect("a button-like link to 'I'm interested' near the top");
    assert!(
        jump < apply,
        "before the apply box, within a phone's first screen"
    );
    assert!(
        page.contains("class=\"facts\""),
        "the place's facts are still there"
    );

    // Empty: the organization's own contacts.
    let mut o = app.store.organization(org).await.unwrap().unwrap();
    o.email = Some("toimisto@example.fi".into());
    o.phones = vec![kolmonen::domain::Phone {
        number: "03 8725 130".into(),
        description: None,
    }];
    let mut batch = kolmonen::store::DirectoryBatch::default();
    batch.organizations.push(o);
    kolmonen::services::save_batch(app.store.as_ref(), &batch)
        .await
        .unwrap();
    let r = submit_rendered(&mut staff, &edit, "/edit", &[("how_to_apply", "")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = app.get(&format!("/fi/opportunities/{place}")).await.body;
    assert!(
        page.contains("Kysy paikasta järjestöltä"),
        "the heading does not stand alone"
    );
    assert!(page.contains("href=\"mailto:toimisto@example.fi\""));
    assert!(page.contains("href=\"tel:038725130\""));

    // Interest: a page that says what happens next.
    let mut b = app
        .signed_in("kiinnostunut@example.fi", Role::JobSeeker, None)
        .await;
    let shown = b.get(&format!("/fi/opportunities/{place}")).await.body;
    assert!(
        shown.contains("Et ole vielä tallentanut profiilia"),
        "without a profile the organization sees only the message: said before sending"
    );
    // Too long: back to the place with the text kept and the error by the box.
    let long = format!("Voisin aloittaa heti. {}", "sana ".repeat(900));
    let r = b
        .post(
            &format!("/fi/opportunities/{place}/interest"),
            &[("message", long.as_str())],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("id=\"interest-message-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("aria-invalid=\"true\""));
    assert!(r.body.contains(long.trim()), "the text is kept");
    assert!(r.body.contains("id=\"h-apply\""), "on the place's page");
    assert!(
        r.body
            .contains(&format!("action=\"/fi/opportunities/{place}/interest\"")),
        "the form posts to the place again"
    );
    assert!(
        !r.body.contains("/interest/"),
        "no link built on the POST's path"
    );
    assert!(
        r.body
            .contains(&format!("href=\"/sv/opportunities/{place}\"")),
        "language links"
    );
    let r = b
        .post(
            &format!("/fi/opportunities/{place}/interest"),
            &[("message", "Voisin aloittaa heti.")],
        )
        .await;
    assert_eq!(r.status, 303);
    assert!(r.header("location").ends_with("?done=interest"));
    let next = b.get(r.header("location")).await.body;
    // A message drops characters that would make it read otherwise than it is written.
    let thread = r.header("location").split('?').next().unwrap().to_string();
    let r2 = b
        .post(&thread, &[("message", "abc \u{202E}olleh\u{202C} def")])
        .await;
    assert_eq!(r2.status, 303);
    let shown = b.get(&thread).await.body;
    assert!(
        shown.contains("abc olleh def") && !shown.contains('\u{202E}'),
        "{}",
        &shown[shown.find("olleh").unwrap_or(0).saturating_sub(300)..][..600]
    );
    assert!(
        next.contains("Kiinnostuksesi on lähetetty"),
        "what happens next"
    );
    assert!(next.contains("Viestit-sivulla"), "where replies appear");
});

// 5 (any page). A page that needs signing in comes back to itself after signing in.
both_engines!(
    a_signed_in_page_comes_back_after_signing_in,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let r = app.get("/fi/organizations/register").await;
        assert_eq!(r.status, 303);
        assert_eq!(
            r.header("location"),
            "/fi/login?next=%2Ffi%2Forganizations%2Fregister"
        );
        let r = app.get("/sv/me/matches?page=2").await;
        assert_eq!(
            r.header("location"),
            "/sv/login?next=%2Fsv%2Fme%2Fmatches%3Fpage%3D2"
        );
    }
);

// 6. Unread messages show in the header, for the person and for the organization's people.
both_engines!(unread_messages_show_in_the_header, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let (org, place) = open_place(&app).await;
    app.account("lukija@example.fi", Role::JobSeeker, None)
        .await;
    app.account("vastaaja@example.fi", Role::OrganizationMember, Some(org))
        .await;
    let mut person = Browser::new(&app);
    person.sign_in("lukija@example.fi", PASSWORD).await;
    let mut staff = Browser::new(&app);
    staff.sign_in("vastaaja@example.fi", PASSWORD).await;
    assert!(
        staff.get("/fi/account").await.body.contains(">Viestit</a>"),
        "nothing new yet"
    );
    let r = person
        .post(
            &format!("/fi/opportunities/{place}/interest"),
            &[("message", "Kiinnostaa.")],
        )
        .await;
    let thread = r.header("location").split('?').next().unwrap().to_string();
    assert!(
        person
            .get("/fi/account")
            .await
            .body
            .contains(">Viestit</a>"),
        "own message is not new"
    );
    let page = staff.get("/sv/account").await.body;
    assert!(
        page.contains("Meddelanden (1 nytt)"),
        "the organization sees it"
    );
    assert!(page.contains(&format!("/sv/organizations/{org}/interests")));
    assert_eq!(staff.get(&thread).await.status, 200);
    assert!(
        staff.get("/fi/account").await.body.contains(">Viestit</a>"),
        "read"
    );
    let r = staff
        .post(&thread, &[("message", "Tervetuloa käymään.")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = person.get("/en/account").await.body;
    assert!(
        page.contains("Messages (1 new)"),
        "the person sees the answer"
    );
    assert!(page.contains("/en/me/messages"));
    person.get(&thread).await;
    assert!(person.get("/fi/").await.body.contains(">Viestit</a>"));
});

// 13. Times in Finnish time on the pages; the export has ISO 8601 times and labels.
both_engines!(
    times_are_finnish_and_the_export_is_readable,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let mut b = app
            .signed_in("aika@example.fi", Role::JobSeeker, None)
            .await;
        let account = b.get("/fi/account").await.body;
        assert!(!account.contains(" UTC"), "no UTC on the account page");
        let now = kolmonen::domain::helsinki::now();
        assert!(account.contains(&format!(
            "{}.{}.{} ",
            now.day(),
            u8::from(now.month()),
            now.year()
        )));
        let r = submit_rendered(&mut b, "/fi/me", "/me", &[("display_name", "Aika")]).await;
        assert_eq!(r.status, 303);
        let page = b.get("/fi/me").await.body;
        let form = crate::common::forms::post_forms(&page)
            .into_iter()
            .find(|f| f.action.ends_with("/me"))
            .unwrap();
        let mut fields = form.filled(|f| (f.name == "municipality").then(|| "398".to_string()));
        fields.push(("skills".into(), "customer-service".into()));
        fields.push(("interests".into(), "animals".into()));
        let r = b.post_raw(&form.action, &fields).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let e = b.get("/fi/me/export").await.json();
        let created = e["account"]["created_at"].as_str().expect("a time as text");
        assert!(
            time::OffsetDateTime::parse(created, &time::format_description::well_known::Rfc3339)
                .is_ok(),
            "{created}"
        );
        assert!(
            created.ends_with("+02:00") || created.ends_with("+03:00"),
            "Finnish time: {created}"
        );
        assert_eq!(e["profile"]["skills_labels"][0], "Asiakaspalvelu");
        assert_eq!(e["profile"]["interests_labels"][0], "Eläimet");
        assert_eq!(e["profile"]["municipality_label"], "Lahti");
    }
);

// 11. Honest matches: a place in the person's home municipality says so (only the
// municipality is known of where they live), more hours than they can do is marked, and
// "I'm interested" is on the card.
both_engines!(
    matches_say_what_is_known_and_can_be_acted_on,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let (_, place) = open_place(&app).await;
        let mut o = app.store.opportunity(place).await.unwrap().unwrap();
        let location = app
            .store
            .location(o.location_id.expect("the demo place has a location"))
            .await
            .unwrap()
            .unwrap();
        o.hours_per_week = Some(37);
        o.updated_at = kolmonen::domain::now_micros();
        let mut batch = kolmonen::store::DirectoryBatch::default();
        batch.opportunities.push(o.clone());
        kolmonen::services::save_batch(app.store.as_ref(), &batch)
            .await
            .unwrap();
        let user = app
            .account("sopiva@example.fi", Role::JobSeeker, None)
            .await;
        let mut p = kolmonen::people::Profile::empty(user.id, kolmonen::domain::now_micros());
        p.municipality = location.municipality_code.clone();
        p.interests = o.topics.clone();
        p.kinds = vec![o.kind];
        p.hours_per_week = Some(20);
        app.store.save_profile(&p).await.unwrap();
        let mut b = Browser::new(&app);
        b.sign_in("sopiva@example.fi", PASSWORD).await;
        let href = format!("/fi/opportunities/{place}\"");
        let mut card = None;
        for page in 1..=5 {
            let body = b.get(&format!("/fi/me/matches?page={page}")).await.body;
            if let Some(c) = body
                .split("<li class=\"card\">")
                .find(|c| c.contains(&href))
            {
                card = Some(c.split("</li>\n</ul>").next().unwrap().to_string());
                break;
            }
        }
        let card = card.expect("the place is suggested");
        assert!(card.contains("Kotikunnassasi"), "{card}");
        assert!(
            !card.contains("km kotikuntasi"),
            "no distance from a guess: {card}"
        );
        assert!(
            card.contains(
                "<li class=\"caution\">Huom: 37 h/viikko, enemmän kuin ilmoittamasi 20 h</li>"
            ),
            "more hours than the person can do is marked: {card}"
        );
        let action = format!("action=\"/fi/opportunities/{place}/interest\"");
        assert!(card.contains(&action), "interest on the card: {card}");
        let r = b
            .post(&format!("/fi/opportunities/{place}/interest"), &[])
            .await;
        assert_eq!(r.status, 303);
        assert!(r.header("location").ends_with("?done=interest"));
        let mut after = String::new();
        for page in 1..=5 {
            let body = b.get(&format!("/fi/me/matches?page={page}")).await.body;
            if body.contains(&href) {
                after = body;
                break;
            }
        }
        assert!(!after.contains(&action), "said once");
        assert!(after.contains("Avaa viestiketju"));
    }
);

// 14. A printed result list carries each record's address (and phone, hours when known);
// the page itself is checked on paper by `.ci/axe/print.js` in chromium.
both_engines!(
    result_lists_carry_what_a_printout_needs,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let page = app
            .get("/fi/search?q=ty%C3%B6kokeilu&municipality=398")
            .await;
        assert_eq!(page.status, 200);
        let doc = page.html();
        let cards: Vec<_> = doc
            .select(&scraper::Selector::parse("main .card").unwrap())
            .collect();
        assert!(!cards.is_empty());
        let facts = scraper::Selector::parse(".print-facts dd").unwrap();
        for c in &cards {
            let text: Vec<String> = c.select(&facts).map(|d| d.text().collect()).collect();
            assert!(
                text.iter()
                    .any(|t| t.contains(", 15") && t.ends_with("Lahti")),
                "an address in Lahti on every card: {text:?}"
            );
        }
        assert!(
            page.body
                .contains("<p class=\"print-only\">Hakusanat: työkokeilu · Kunta: Lahti</p>"),
            "what was asked, as text"
        );
        let services = app
            .get("/fi/search?type=service&municipality=398")
            .await
            .body;
        assert!(
            services.contains("<dt>Aukioloajat</dt>"),
            "a service's opening hours"
        );
        let orgs = app.get("/fi/organizations?municipality=398").await.body;
        assert!(orgs.contains("<dt>Puhelin</dt>"), "an organization's phone");
        let css = std::fs::read_to_string("static/style.css").unwrap();
        assert!(css.contains("@media print") && css.contains(".print-only { display: none; }"));
    }
);

// 15. Any result list has a link to copy and a CSV of the whole list (UTF-8 with a BOM, the
// same filters as the page, headings in the page's language).
both_engines!(result_lists_have_a_link_and_a_csv, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let q = "q=ty%C3%B6kokeilu&municipality=398";
    let page = app.get(&format!("/fi/search?{q}&page=1")).await;
    assert!(page.body.contains(&format!(
        "value=\"http://127.0.0.1:8080/fi/search?{}&#38;page=1\"",
        q.replace('&', "&#38;")
    )));
    let csv_link = format!(
        "href=\"/fi/search?{}&#38;format=csv\"",
        q.replace('&', "&#38;")
    );
    assert!(page.body.contains(&csv_link), "the CSV of the same search");
    let total = total(&app.get(&format!("/api/v1/search?{q}")).await);
    let r = app.get(&format!("/fi/search?{q}&format=csv")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "text/csv; charset=utf-8");
    assert!(r.header("content-disposition").starts_with("attachment;"));
    assert!(r.body.starts_with('\u{feff}'), "a byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(r.body.trim_start_matches('\u{feff}').as_bytes());
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(head[..4], ["Laji", "Nimi", "Järjestäjä", "Kunta"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len() as u64, total, "every page, not only the first");
    // A record in several municipalities (a project) lists them all, Lahti among them.
    assert!(
        rows.iter()
            .all(|r| r[3].split(", ").any(|m| m.starts_with("Lahti"))),
        "the same filters: {:?}",
        rows.iter().map(|r| r[3].to_string()).collect::<Vec<_>>()
    );
    assert!(rows
        .iter()
        .all(|r| r[11].starts_with("http://127.0.0.1:8080/fi/")));

    // The directory's lists too, in Swedish; a bad filter is a 400, not a file.
    let r = app.get("/sv/opportunities?open=1&format=csv").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Arbetsprövning"));
    let r = app
        .get("/en/organizations?municipality=398&format=csv")
        .await;
    assert!(r.body.starts_with("\u{feff}Kind,Name,"));
    assert_eq!(
        app.get("/fi/organizations?municipality=Atlantis&format=csv")
            .await
            .status,
        400
    );
    let list = app.get("/fi/opportunities?open=1&page=2").await.body;
    assert!(
        list.contains("href=\"/fi/opportunities?open=1&#38;format=csv\""),
        "no page in the CSV link"
    );
    assert!(list.contains("<script src=\"/static/copy.js\" defer></script>"));
    let js = app.get("/static/copy.js").await;
    assert_eq!(js.header("content-type"), "text/javascript; charset=utf-8");
});

// 16. A privacy notice (GDPR art. 13) and an accessibility statement, in three languages,
// linked from every page's footer and from signing up; the operator names themselves or
// replaces the texts.
both_engines!(
    privacy_notice_and_accessibility_statement,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let app = TestApp::with_store(store.clone());
        for (lang, privacy, accessibility, rights) in [
            (
                "fi",
                "Tietosuojaseloste",
                "Saavutettavuusseloste",
                "Oikeutesi",
            ),
            (
                "sv",
                "Dataskyddsbeskrivning",
                "Tillgänglighetsutlåtande",
                "Dina rättigheter",
            ),
            (
                "en",
                "Privacy notice",
                "Accessibility statement",
                "Your rights",
            ),
        ] {
            let home = app.get(&format!("/{lang}/")).await.body;
            assert!(home.contains(&format!("<a href=\"/{lang}/privacy\">{privacy}</a>")));
            assert!(home.contains(&format!(
                "<a href=\"/{lang}/accessibility\">{accessibility}</a>"
            )));
            let signup = app.get(&format!("/{lang}/signup")).await.body;
            assert!(
                signup.contains(&format!("href=\"/{lang}/privacy\"")),
                "from sign-up"
            );
            let page = app.get(&format!("/{lang}/privacy")).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains(&format!("<h1>{privacy}</h1>")));
            assert!(page.body.contains(&format!("<h2>{rights}</h2>")));
            assert!(
                page.body.contains("6(1)")
                    || page.body.contains("6.1")
                    || page.body.contains("6 artiklan")
            );
            let page = app.get(&format!("/{lang}/accessibility")).await;
            assert_eq!(page.status, 200);
            assert!(page.body.contains("306/2019") && page.body.contains("WCAG 2.1"));
        }
        let fi = app.get("/fi/privacy").await.body;
        assert!(
            fi.contains("ylläpitäjä ei ole vielä lisännyt"),
            "no operator named yet: said"
        );

        // The operator names themselves, and replaces the Swedish notice with their own text.
        let dir = crate::common::temp_dir("legal");
        std::fs::write(
            dir.join("privacy.sv.txt"),
            "# Vem vi är\nExempel rf <script>\n\n# Dina rättigheter\nSkriv till oss.\n",
        )
        .unwrap();
        let config = kolmonen::Config {
            controller: Some("Esimerkki ry, Katu 1, 15110 Lahti, tietosuoja@example.fi".into()),
            legal_dir: Some(dir.clone()),
            ..Default::default()
        };
        let app = TestApp::with_config(store, config);
        let fi = app.get("/fi/privacy").await.body;
        assert!(fi.contains(
            "Rekisterinpitäjä: Esimerkki ry, Katu 1, 15110 Lahti, tietosuoja@example.fi."
        ));
        assert!(app
            .get("/fi/accessibility")
            .await
            .body
            .contains("tietosuoja@example.fi"));
        let sv = app.get("/sv/privacy").await.body;
        assert!(
            sv.contains("<h2>Vem vi är</h2>") && sv.contains("<p>Exempel rf &#60;script&#62;</p>"),
            "{sv}"
        );
        assert!(
            !sv.contains("Personuppgiftsansvarig och kontaktuppgifter"),
            "the operator's own text"
        );
        let _ = std::fs::remove_dir_all(dir);
    }
);
