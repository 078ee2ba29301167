//! The HSDS 3.0 read API on both engines: shapes, filters, languages, errors.
//! (Schema validity of every document is checked by `.ci/hsds_check.py` with the official schemas.)

use crate::common::TestApp;
use kolmonen::hsds::{taxonomy_id, term_id};

both_engines!(
    services_list_both_services_and_opportunities_and_pages_through_them,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let all = app.get("/hsds/services?per_page=100").await.json();
        let total = all["total_items"].as_u64().unwrap();
        let batch = kolmonen::demo::demo_batch().unwrap();
        assert_eq!(
            total as usize,
            batch.services.len() + batch.opportunities.len()
        );
        // Paging in sevens crosses the border between the two tables and sees every record once.
        let mut seen = Vec::new();
        for page in 1..=total.div_ceil(7) {
            let p = app
                .get(&format!("/hsds/services?per_page=7&page={page}"))
                .await
                .json();
            assert_eq!(p["page_number"], page);
            for c in p["contents"].as_array().unwrap() {
                seen.push(c["id"].as_str().unwrap().to_string());
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (total as usize, total as usize));
    }
);

both_engines!(
    taxonomy_filters_select_the_right_records,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let animals = app
            .get(&format!(
                "/hsds/services?per_page=100&full=true&taxonomy_term_id={}",
                term_id("topic", "animals")
            ))
            .await
            .json();
        let items = animals["contents"].as_array().unwrap();
        assert!(items.len() >= 4, "demo has several animal records");
        for s in items {
            assert!(
                s["attributes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["taxonomy_term"]["code"] == "topic:animals"),
                "{} is not about animals",
                s["name"]
            );
        }
        let trials = app
            .get(&format!(
                "/hsds/services?per_page=100&taxonomy_term_id={}",
                term_id("opportunity_type", "work_trial")
            ))
            .await
            .json();
        assert!(trials["total_items"].as_u64().unwrap() >= 10);
        let kinds = app
            .get(&format!(
                "/hsds/services?per_page=100&taxonomy_id={}",
                taxonomy_id("service_kind")
            ))
            .await
            .json();
        assert_eq!(
            kinds["total_items"].as_u64().unwrap() as usize,
            kolmonen::demo::demo_batch().unwrap().services.len()
        );
        let unknown = app
            .get("/hsds/services?taxonomy_term_id=00000000-0000-0000-0000-000000000000")
            .await
            .json();
        assert_eq!(unknown["total_items"], 0);
    }
);

both_engines!(texts_follow_the_lang_parameter, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let fi = app
        .get("/hsds/services?search=kudontapaja&per_page=100")
        .await
        .json();
    let id = fi["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Kudontapaja")
        .expect("weaving workshop")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        app.get(&format!("/hsds/services/{id}?lang=sv"))
            .await
            .json()["name"],
        "Vävverkstad"
    );
    assert_eq!(
        app.get(&format!("/hsds/services/{id}?lang=en"))
            .await
            .json()["name"],
        "Weaving workshop"
    );
    let doc = app.get(&format!("/hsds/services/{id}")).await.json();
    let texts: Vec<_> = doc["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["taxonomy_term"]["code"] == "property:text")
        .map(|a| a["link_type"].as_str().unwrap().to_string())
        .collect();
    assert!(
        texts.contains(&"name:sv".to_string()) && texts.contains(&"name:en".to_string()),
        "every language travels: {texts:?}"
    );
});

both_engines!(
    organizations_and_service_at_locations_resolve,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let orgs = app.get("/hsds/organizations?per_page=100").await.json();
        assert!(orgs["total_items"].as_u64().unwrap() >= 25);
        let id = orgs["contents"][0]["id"].as_str().unwrap();
        let org = app.get(&format!("/hsds/organizations/{id}")).await.json();
        assert!(
            org["services"].is_array(),
            "the single organization nests its services"
        );
        let sals = app
            .get("/hsds/service_at_locations?per_page=100")
            .await
            .json();
        assert!(sals["total_items"].as_u64().unwrap() >= 40);
        for sal in sals["contents"].as_array().unwrap().iter().take(10) {
            let one = app
                .get(&format!(
                    "/hsds/service_at_locations/{}",
                    sal["id"].as_str().unwrap()
                ))
                .await
                .json();
            assert_eq!(one["service_id"], sal["service_id"]);
            assert_eq!(one["location"]["addresses"][0]["country"], "FI");
        }
        let only = app
            .get(&format!(
                "/hsds/service_at_locations?organization_id={id}&per_page=100"
            ))
            .await
            .json();
        assert!(only["total_items"].as_u64().unwrap() < sals["total_items"].as_u64().unwrap());
    }
);

both_engines!(hsds_bad_input_is_a_problem, |engine| async move {
    let app = TestApp::spawn(engine).await;
    for url in [
        "/hsds/services?lang=de",
        "/hsds/services?per_page=0",
        "/hsds/services?taxonomy_term_id=nope",
        "/hsds/services?organization_id=nope",
        "/hsds/services?modified_after=yesterday",
        "/hsds/services?postcode=99",
        "/hsds/services?postcode=15150&proximity=-5",
        "/hsds/services?format=xml",
        // A single record checks the parameters it documents as the lists do.
        "/hsds/services/c18b5507-8909-589f-80ac-9f66c66895e2?page=0",
        "/hsds/organizations/de8477d7-5b1e-5bad-8ba5-65aa89b88c60?format=",
        "/hsds/taxonomies/x?organization_id=",
    ] {
        let r = app.get(url).await;
        assert_eq!(r.status, 400, "{url}");
        assert_eq!(
            r.header("content-type"),
            "application/problem+json",
            "{url}"
        );
    }
    for url in [
        "/hsds/services/nope",
        "/hsds/organizations/00000000-0000-0000-0000-000000000000",
        "/hsds/taxonomies/x",
        "/hsds/taxonomy_terms/x",
        "/hsds/service_at_locations/x",
        "/hsds/nothing",
    ] {
        assert_eq!(app.get(url).await.status, 404, "{url}");
    }
    let r = app
        .get("/hsds/services?modified_after=2999-01-01")
        .await
        .json();
    assert_eq!(r["total_items"], 0);
    let r = app
        .get("/hsds/services?modified_after=2000-01-01T00:00:00Z&per_page=1")
        .await
        .json();
    assert!(r["total_items"].as_u64().unwrap() > 0);
});

both_engines!(the_metadata_names_our_own_address, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let r = app
        .request(
            axum::http::Request::get("/hsds/")
                .header("host", "evil.example")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200);
    let url = r.json()["openapi_url"].as_str().unwrap().to_string();
    assert!(!url.contains("evil.example"), "not the Host header: {url}");
    assert!(url.ends_with("/api/openapi.json"), "{url}");
});
