//! HTTP tests on the real router: pages in three languages, API shapes, headers, junk input.

use crate::common::{Browser, Engine, TestApp};
use axum::body::Body;
use axum::http::Request;
use proptest::prelude::*;
use scraper::Selector;

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// One URL of every page type, with real ids from the demo data.
async fn page_urls(app: &TestApp, lang: &str) -> Vec<String> {
    let org = app.first_id("organizations").await;
    let svc = app.first_id("services").await;
    let opp = app.first_id("opportunities").await;
    vec![
        format!("/{lang}/"),
        format!("/{lang}/search?q=kudonta"),
        format!("/{lang}/search?q=zzzxxy"),
        format!("/{lang}/organizations"),
        format!("/{lang}/organizations?municipality=398&page=2"),
        format!("/{lang}/organizations/{org}"),
        format!("/{lang}/services/{svc}"),
        format!("/{lang}/opportunities"),
        format!("/{lang}/opportunities?type=work_trial&open=1"),
        format!("/{lang}/opportunities/{opp}"),
        format!("/{lang}/municipalities"),
        format!("/{lang}/municipalities/398"),
    ]
}

both_engines!(
    every_page_type_renders_accessibly_in_three_languages,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        for lang in ["fi", "sv", "en"] {
            for url in page_urls(&app, lang).await {
                let r = app.get(&url).await;
                assert_eq!(r.status, 200, "{url}");
                assert!(r.header("content-type").starts_with("text/html"), "{url}");
                let html = r.html();
                let root = html.select(&sel("html")).next().expect("html");
                assert_eq!(root.value().attr("lang"), Some(lang), "{url}");
                assert_eq!(html.select(&sel("h1")).count(), 1, "one h1 on {url}");
                assert_eq!(html.select(&sel("main#main")).count(), 1, "{url}");
                assert!(
                    html.select(&sel("a.skip[href='#main']")).next().is_some(),
                    "skip link on {url}"
                );
                for input in html.select(&sel("input:not([type=hidden]), select")) {
                    let id = input
                        .value()
                        .attr("id")
                        .unwrap_or_else(|| panic!("input without id on {url}"));
                    assert!(
                        html.select(&sel(&format!("label[for='{id}']")))
                            .next()
                            .is_some(),
                        "label for #{id} on {url}"
                    );
                }
                assert!(r.body.len() < 50_000, "{url} is {} bytes", r.body.len());
            }
        }
    }
);

both_engines!(
    language_switch_keeps_the_page_and_query,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let r = app
            .get("/fi/opportunities?type=work_trial&municipality=398")
            .await;
        let html = r.html();
        let links: Vec<_> = html
            .select(&sel(".langs a"))
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            links.contains(&"/sv/opportunities?type=work_trial&municipality=398"),
            "{links:?}"
        );
        assert!(
            links.contains(&"/en/opportunities?type=work_trial&municipality=398"),
            "{links:?}"
        );
        let sv = app
            .get("/sv/opportunities?type=work_trial&municipality=398")
            .await;
        assert!(
            sv.body.contains("Arbetsprövning"),
            "Swedish labels on the Swedish page"
        );
    }
);

both_engines!(
    untranslated_text_is_shown_in_finnish_and_marked,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        // Kankurin Apu has no English description in the demo data.
        let r = app.get("/api/v1/organizations?per_page=100").await;
        let org = r.json()["contents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "Kankurin Apu ry")
            .expect("demo organization")["id"]
            .as_str()
            .unwrap()
            .to_string();
        let page = app.get(&format!("/en/organizations/{org}")).await;
        let html = page.html();
        let prose = html
            .select(&sel(".prose[lang=fi]"))
            .next()
            .expect("Finnish text marked lang=fi");
        assert!(prose
            .text()
            .collect::<String>()
            .contains("Kankurin Ilon tukiyhdistys"));
        assert!(page.body.contains("(in Finnish)"));
    }
);

both_engines!(
    security_headers_are_on_every_response,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        for url in [
            "/fi/",
            "/fi/nope",
            "/api/v1/organizations/nope",
            "/api/v1/organizations?page=x",
            "/healthz",
            "/readyz",
            "/static/style.css",
            "/",
        ] {
            let r = app.get(url).await;
            let csp = r.header("content-security-policy");
            assert!(
                csp.contains("frame-ancestors 'none'")
                    && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"),
                "{url}: {csp}"
            );
            assert_eq!(r.header("x-content-type-options"), "nosniff", "{url}");
            assert!(!r.header("referrer-policy").is_empty(), "{url}");
            assert!(
                r.header("strict-transport-security").is_empty(),
                "no HSTS on plain HTTP by default"
            );
        }
    }
);

both_engines!(api_lists_have_the_hsds_paged_shape, |engine| async move {
    let app = TestApp::spawn(engine).await;
    for kind in ["organizations", "services", "opportunities"] {
        let r = app.get(&format!("/api/v1/{kind}?page=2&per_page=5")).await;
        assert_eq!(r.status, 200);
        let j = r.json();
        for key in [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ] {
            assert!(j.get(key).is_some(), "{kind} lacks {key}");
        }
        assert_eq!(j["page_number"], 2);
        assert_eq!(j["size"], 5);
        assert_eq!(j["first_page"], false);
        assert_eq!(j["contents"].as_array().unwrap().len(), 5);
        let total = j["total_items"].as_u64().unwrap();
        assert_eq!(j["total_pages"].as_u64().unwrap(), total.div_ceil(5));
        let id = j["contents"][0]["id"].as_str().unwrap();
        let one = app.get(&format!("/api/v1/{kind}/{id}")).await;
        assert_eq!(one.status, 200);
        assert_eq!(one.json()["id"], id);
    }
    let none = app.get("/api/v1/services?municipality=Atlantis").await;
    assert_eq!(none.status, 200);
    assert_eq!(
        none.json()["total_items"],
        0,
        "an unknown municipality matches nothing"
    );
    let r = app
        .get("/api/v1/opportunities?type=volunteering&municipality=Lahti&open=true&per_page=100")
        .await;
    let items = r.json()["contents"].as_array().unwrap().clone();
    assert!(!items.is_empty());
    assert!(items
        .iter()
        .all(|o| o["kind"] == "volunteering" && o["status"] == "open"));
});

both_engines!(api_errors_are_problem_json, |engine| async move {
    let app = TestApp::spawn(engine).await;
    for (url, status) in [
        ("/api/v1/organizations?per_page=0", 400),
        ("/api/v1/organizations?per_page=101", 400),
        ("/api/v1/organizations?page=abc", 400),
        ("/api/v1/opportunities?type=astronaut", 400),
        ("/api/v1/organizations/not-a-uuid", 404),
        ("/api/v1/services/00000000-0000-0000-0000-000000000000", 404),
        ("/api/v1/nothing", 404),
        // Paths that look like pages (/{lang}/search) under the API are the API's.
        ("/api", 404),
        ("/api/search", 404),
        ("/hsds/login", 404),
    ] {
        let r = app.get(url).await;
        assert_eq!(r.status, status, "{url}");
        assert_eq!(
            r.header("content-type"),
            "application/problem+json",
            "{url}"
        );
        assert_eq!(r.json()["status"], status, "{url}");
    }
    // The router's 405 under the API is problem+json too, with what is allowed.
    let r = app
        .request(
            Request::delete("/api/v1/organizations")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.header("content-type"), "application/problem+json");
    assert!(r.header("allow").contains("GET"), "{:?}", r.headers);
    // A body over the limit: the translated page, with the security headers, on pages; and
    // problem+json on the API.
    let big = "x".repeat(kolmonen::MAX_BODY_BYTES + 1);
    for (path, kind) in [
        ("/sv/login", "text/html"),
        ("/api/v1/organizations", "application/problem+json"),
    ] {
        let r = app
            .request(
                Request::post(path)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("content-length", big.len())
                    .body(Body::from(big.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, 413, "{path}");
        assert!(r.header("content-type").starts_with(kind), "{path}");
        assert!(
            r.header("content-security-policy")
                .contains("default-src 'none'"),
            "{path}"
        );
        if kind == "text/html" {
            assert!(
                r.body.contains("För mycket på en gång"),
                "translated: {}",
                r.body
            );
        }
    }
});

both_engines!(error_pages_know_who_is_signed_in, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let mut b = app
        .signed_in(
            "virhe@example.fi",
            kolmonen::accounts::Role::JobSeeker,
            None,
        )
        .await;
    let r = b
        .get("/fi/organizations/00000000-0000-0000-0000-000000000000")
        .await;
    assert_eq!(r.status, 404);
    assert!(
        r.body.contains("Kirjaudu ulos"),
        "the signed-in header: {}",
        r.body
    );
    assert!(
        !r.body.contains("href=\"/fi/login"),
        "not the signed-out one"
    );
});

both_engines!(bad_input_gets_a_translated_page, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let fi = app.get("/fi/organizations?page=abc").await;
    let sv = app.get("/sv/organizations?page=abc").await;
    assert_eq!((fi.status.as_u16(), sv.status.as_u16()), (400, 400));
    assert!(fi.body.contains("Virheellinen pyyntö"));
    assert!(sv.body.contains("Felaktig begäran"));
    let en = app.get("/en/opportunities/12345").await;
    assert_eq!(en.status, 404);
    assert!(en.body.contains("Page not found"));
    assert_eq!(app.get("/en/municipalities/999").await.status, 404);
    assert_eq!(app.get("/de/organizations").await.status, 404);
});

/// Values that have broken servers before.
const JUNK: &[&str] = &[
    "x",
    "%FF%FE",
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "'%20OR%201=1--",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "00000000-0000-0000-0000-000000000000",
    "-1",
    "99999999999999999999",
    "%F0%9F%90%95",
    "%E2%80%AE",
];

const JUNK_QUERIES: &[&str] = &[
    "page=-1",
    "page=0",
    "page=4294967296",
    "page=abc",
    "per_page=100000",
    "per_page=-5",
    "municipality=%3Cb%3E",
    "municipality=",
    "type=zzz",
    "type=",
    "open=maybe",
    "q=%00",
    "q=%FF",
    "page=1&page=2",
    "%%%",
    "&&==",
    "municipality=398&municipality=111",
    "organization_id=nope",
];

both_engines!(
    junk_on_every_route_never_gives_a_server_error,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let long = "a".repeat(5000);
        for pattern in kolmonen::route_patterns() {
            for lang in ["fi", "sv", "en", "xx", "%FF"] {
                let mut values: Vec<&str> = JUNK.to_vec();
                values.push(&long);
                for v in &values {
                    let path = pattern
                        .replace("{lang}", lang)
                        .replace("{id}", v)
                        .replace("{code}", v);
                    for q in JUNK_QUERIES {
                        let url = format!("{path}?{q}");
                        let r = app.get(&url).await;
                        assert!(r.status.as_u16() < 500, "{url} gave {}", r.status);
                        let machine = path.starts_with("/api") || path.starts_with("/hsds");
                        if r.status.is_client_error() && machine {
                            assert_eq!(
                                r.header("content-type"),
                                "application/problem+json",
                                "{url}"
                            );
                        } else if r.status.is_client_error() {
                            assert!(r.header("content-type").starts_with("text/html"), "{url}");
                            assert!(r.body.contains("<h1>"), "{url} explains the error");
                        }
                    }
                }
            }
        }
    }
);

both_engines!(
    health_answers_when_the_database_answers,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let app = TestApp::with_store(store);
        assert_eq!(app.get("/healthz").await.status, 200);
        // Ready once the search index is in memory: the first search loads it here (a
        // server loads it in the background at start).
        let cold = app.get("/readyz").await;
        assert_eq!(cold.status, 503);
        assert_eq!(cold.json()["status"], "loading");
        assert!(!cold.header("retry-after").is_empty());
        assert_eq!(app.get("/api/v1/search?q=ty%C3%B6").await.status, 200);
        let warm = app.get("/readyz").await;
        assert_eq!(warm.status, 200);
        assert_eq!(warm.json()["status"], "ready");
        assert!(warm.json()["search_documents"].as_u64().unwrap() > 100);
        let root = app.get("/").await;
        assert_eq!(root.status, 307);
        assert_eq!(root.header("location"), "/fi/");
    }
);

both_engines!(openapi_describes_every_api_route, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in kolmonen::route_patterns()
        .into_iter()
        .filter(|p| p.starts_with("/api/v1/") || p.starts_with("/hsds/"))
    {
        assert!(
            doc["paths"].get(p).is_some(),
            "{p} is not in the OpenAPI document"
        );
    }
});

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
    #[test]
    fn random_queries_never_give_a_server_error(path_idx in 0usize..8, query in "[ -~]{0,80}") {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let app = TestApp::spawn(Engine::Sqlite).await;
            let paths = ["/fi/", "/fi/search", "/sv/organizations", "/en/opportunities", "/fi/municipalities",
                "/api/v1/organizations", "/api/v1/services", "/api/v1/opportunities"];
            let q: String = query.chars().map(|c| if c == ' ' || c == '#' { '+' } else { c }).collect();
            let uri = format!("{}?{}", paths[path_idx], q);
            if let Ok(req) = axum::http::Request::get(&uri).body(axum::body::Body::empty()) {
                let r = app.request(req).await;
                assert!(r.status.as_u16() < 500, "{uri} gave {}", r.status);
            }
        });
    }
}

both_engines!(
    an_imported_english_service_abroad_shows_as_such,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let mut plan = kolmonen::hsds::import::ImportPlan {
            source_lang: kolmonen::domain::Lang::En,
            ..Default::default()
        };
        let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/hsds-3.0-examples/service_full.json");
        plan.add_path(&example, time::OffsetDateTime::now_utc());
        plan.resolve(&store).await.unwrap();
        assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
        kolmonen::services::save_batch(store.as_ref(), &plan.batch)
            .await
            .unwrap();
        let app = TestApp::with_store(store);
        let page = app
            .get("/fi/services/ac148810-d857-441c-9679-408f346de14b")
            .await;
        assert_eq!(page.status, axum::http::StatusCode::OK);
        let html = page.html();
        let title = html
            .select(&sel("h1 [lang=en]"))
            .next()
            .expect("marked English");
        assert!(title
            .text()
            .collect::<String>()
            .contains("Community Counselling"));
        assert!(page.body.contains("(englanniksi)"));
        // The address abroad, with no Finnish municipality to link to.
        assert!(page.body.contains("1-30 Main Street, ABC 1234 MyCity, US"));
        let page = app
            .get("/en/services/ac148810-d857-441c-9679-408f346de14b")
            .await;
        assert!(!page.body.contains("(in Finnish)") && !page.body.contains("(in English)"));
    }
);

both_engines!(
    page_routes_under_machine_paths_are_not_found,
    |engine| async move {
        // `/{lang}/…` routes also match `/api/me` or `/static/account`; those are no pages.
        let app = TestApp::spawn(engine).await;
        for url in [
            "/api/me",
            "/hsds/services/x/edit",
            "/static/account",
            "/healthz/account",
            "/readyz/me/searches",
        ] {
            let r = app.get(url).await;
            assert_eq!(r.status, 404, "{url}: {}", r.body);
        }
    }
);

both_engines!(
    reports_keep_the_records_own_id_however_the_url_wrote_it,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let id = app.first_id("services").await;
        let mut anon = Browser::from_addr(&app, "198.51.100.78:1");
        let url = format!("/fi/services/{}/report", id.to_uppercase());
        assert_eq!(anon.get(&url).await.status, 200);
        let r = anon
            .post(
                &url,
                &[("message", "Aukioloajat ovat muuttuneet syksyllä.")],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let reports = app.store.open_error_reports(None).await.unwrap();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].record_id, id.to_lowercase());
    }
);
