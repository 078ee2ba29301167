//! Search on both engines: the relevance bar, every facet, distance, sorting, freshness,
//! the same records on SQLite and PostgreSQL, and the JSON and HTML contracts.

use crate::common::{demo_store, Engine, TestApp};
use kolmonen::domain::Lang;
use kolmonen::search::{eval, SearchParams, SearchRequest, Searcher, Sort};
use kolmonen::store::DynStore;

fn request(query: &str) -> SearchRequest {
    let p: SearchParams = serde_urlencoded::from_str(query).unwrap();
    let (req, errors) = p.check(Lang::Fi);
    assert!(errors.is_empty(), "{query}: {errors:?}");
    req
}

/// Saves a service under a new Finnish name.
async fn rename(store: &DynStore, service: &mut kolmonen::domain::Service, name: &str) {
    service.name = kolmonen::domain::LocalizedText::fi(name);
    kolmonen::services::save_batch(
        store.as_ref(),
        &kolmonen::store::DirectoryBatch {
            services: vec![service.clone()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
}

async fn ids(s: &Searcher, query: &str) -> Vec<String> {
    let mut req = request(query);
    req.per_page = 100;
    s.search(&req)
        .await
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.record_id)
        .collect()
}

both_engines!(relevance_set_reaches_the_bar, |engine| async move {
    let store = demo_store(engine).await;
    let searcher = Searcher::new(store.clone());
    let cases = eval::parse(eval::RELEVANCE_SET).unwrap();
    let report = eval::run(&store, &searcher, &cases).await.unwrap();
    let misses: Vec<_> = report
        .cases
        .iter()
        .filter(|c| c.recall < 1.0)
        .map(|c| (&c.case.query, &c.missed))
        .collect();
    assert!(
        report.recall >= 0.95 && report.ndcg >= 0.85,
        "recall {} nDCG {}: {misses:?}",
        report.recall,
        report.ndcg
    );
});

both_engines!(
    every_facet_count_is_what_the_filter_finds,
    |engine| async move {
        let store = demo_store(engine).await;
        let s = Searcher::new(store);
        let all = s.search(&request("")).await.unwrap();
        assert!(all.total > 100, "demo data is indexed: {}", all.total);
        for facet in [
            "type",
            "kind",
            "municipality",
            "region",
            "target_group",
            "topic",
            "language",
            "cost",
            "part_time",
            "accessible",
            "low_threshold",
            "open",
        ] {
            let values = all
                .facets
                .get(facet)
                .unwrap_or_else(|| panic!("facet {facet} has counts"));
            assert!(!values.is_empty(), "{facet}");
            for v in values.iter().take(3) {
                let q = format!("{facet}={}", v.value);
                let found = s.search(&request(&q)).await.unwrap();
                assert_eq!(found.total, v.count, "{q}");
                assert!(found.total < all.total || values.len() == 1, "{q} narrows");
                // A chosen facet counts its values as if it were not chosen (its values are
                // alternatives: each count is what adding that value brings).
                assert_eq!(found.facets.get(facet), all.facets.get(facet), "{q}");
            }
        }
        // Two facets together are the intersection.
        let both = s
            .search(&request("type=opportunity&kind=work_trial"))
            .await
            .unwrap();
        let kind = s.search(&request("kind=work_trial")).await.unwrap();
        assert_eq!(both.total, kind.total);
        // An unknown value matches nothing rather than failing.
        assert_eq!(
            s.search(&request("municipality=999")).await.unwrap().total,
            0
        );
    }
);

both_engines!(distance_filters_and_sorts, |engine| async move {
    let store = demo_store(engine).await;
    let s = Searcher::new(store);
    let r = s
        .search(&request(
            "near=15140&radius_km=20&sort=distance&per_page=100",
        ))
        .await
        .unwrap();
    assert!(r.total > 20);
    let d: Vec<f64> = r.hits.iter().map(|h| h.distance_km.unwrap()).collect();
    assert!(d.iter().all(|d| *d <= 20.0), "{d:?}");
    assert!(
        d.windows(2).all(|w| w[0] <= w[1]),
        "sorted by distance: {d:?}"
    );
    // Heinola is about 35 km from Lahti: a wider radius takes it in.
    let narrow = ids(&s, "near=Lahti&radius_km=20").await;
    let wide = ids(&s, "near=Lahti&radius_km=50").await;
    assert!(wide.len() > narrow.len());
    assert!(narrow.iter().all(|id| wide.contains(id)));
    // Without a radius everything is there, nearest first, with its distance.
    let r = s.search(&request("near=Heinola&per_page=5")).await.unwrap();
    assert_eq!(r.hits.len(), 5);
    assert!(r.hits[0].distance_km.unwrap() < 10.0);
});

both_engines!(sorting_by_newest_and_apply_by, |engine| async move {
    let store = demo_store(engine).await;
    let s = Searcher::new(store.clone());
    let mut req = request("type=opportunity&sort=apply_by");
    req.per_page = 100;
    let r = s.search(&req).await.unwrap();
    let mut dates = Vec::new();
    for h in &r.hits {
        let o = store
            .opportunity(kolmonen::domain::OpportunityId::parse(&h.record_id).unwrap())
            .await
            .unwrap()
            .unwrap();
        dates.push(o.apply_by);
    }
    let given: Vec<_> = dates.iter().flatten().collect();
    assert!(given.windows(2).all(|w| w[0] <= w[1]), "{given:?}");
    // Dated places come before undated ones.
    let first_none = dates
        .iter()
        .position(|d| d.is_none())
        .unwrap_or(dates.len());
    assert!(dates[first_none..].iter().all(|d| d.is_none()));
    assert_eq!(request("sort=newest").sort, Sort::Newest);
});

both_engines!(a_saved_record_is_found_at_once, |engine| async move {
    let store = demo_store(engine).await;
    // Two nodes with result caches, and one without.
    let nodes = [
        Searcher::new(store.clone()).with_result_cache(100),
        Searcher::new(store.clone()).with_result_cache(100),
        Searcher::new(store.clone()),
    ];
    let mut batch = kolmonen::demo::demo_batch().unwrap();
    let mut service = batch.services.remove(0);
    let id = service.id.to_string();
    for s in &nodes {
        assert!(ids(s, "q=saippuapajassa").await.is_empty());
        assert!(ids(s, "q=kohtaamispaikka").await.contains(&id));
    }
    rename(&store, &mut service, "Saippuapaja nuorille").await;
    for s in &nodes {
        let found = ids(s, "q=saippuapajassa").await;
        assert_eq!(found.first(), Some(&id), "{found:?}");
        // The old name is gone from the index.
        assert!(!ids(s, "q=kohtaamispaikka").await.contains(&id));
    }
});

both_engines!(
    the_search_page_shows_a_change_at_once,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let page = "/fi/search?q=kudontapaja&municipality=398";
        let names = |html: scraper::Html| -> String {
            let sel = scraper::Selector::parse(".cards .card").unwrap();
            html.select(&sel).flat_map(|e| e.text()).collect()
        };
        // Twice, so the second answer comes from the caches.
        for _ in 0..2 {
            assert!(names(app.get(page).await.html()).contains("Kudontapaja"));
        }
        let batch = kolmonen::demo::demo_batch().unwrap();
        let mut service = batch
            .services
            .into_iter()
            .find(|s| s.name.text(Lang::Fi) == "Kudontapaja")
            .unwrap();
        service.name = kolmonen::domain::LocalizedText::fi("Kudontapaja Loimi");
        kolmonen::services::save_batch(
            app.store.as_ref(),
            &kolmonen::store::DirectoryBatch {
                services: vec![service],
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(names(app.get(page).await.html()).contains("Kudontapaja Loimi"));
    }
);

/// The same query finds the same records on SQLite and on PostgreSQL.
#[tokio::test]
async fn both_engines_find_the_same_records() {
    if !crate::common::postgres_ready().await {
        return;
    }
    let pg = demo_store(Engine::Postgres).await;
    let lite: DynStore = demo_store(Engine::Sqlite).await;
    let (a, b) = (Searcher::new(lite), Searcher::new(pg));
    for case in eval::parse(eval::RELEVANCE_SET).unwrap() {
        let mut x = ids(&a, &case.query).await;
        let mut y = ids(&b, &case.query).await;
        x.sort();
        y.sort();
        assert_eq!(x, y, "{}", case.query);
    }
}

both_engines!(the_json_api_answers_the_contract, |engine| async move {
    let app = TestApp::spawn(engine).await;
    let r = app
        .get("/api/v1/search?q=ty%C3%B6kokeilu&near=15140&radius_km=30&per_page=5&lang=sv")
        .await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert!(j["total"].as_u64().unwrap() >= 5);
    let first = &j["results"][0];
    for field in ["type", "id", "name", "url", "score", "distance_km"] {
        assert!(!first[field].is_null(), "{field} in {first}");
    }
    assert!(first["url"].as_str().unwrap().starts_with("/sv/"));
    assert!(j["facets"]["municipality"][0]["count"].as_u64().is_some());
    assert!(j["facets"]["type"][0]["label"].is_string());
    // Bad parameters are a 400 problem naming the parameter, never a 500.
    // A place or type we do not know matches nothing, as an unknown municipality does.
    for unknown in ["near=Atlantis", "type=person"] {
        let r = app.get(&format!("/api/v1/search?{unknown}")).await;
        assert_eq!(r.status, 200, "{unknown}");
        assert_eq!(r.json()["total"], 0, "{unknown}");
    }
    for bad in [
        "page=0",
        "per_page=1000",
        "radius_km=-1",
        "radius_km=x",
        "radius_km=",
        "page=",
        "per_page=%20",
    ] {
        let r = app.get(&format!("/api/v1/search?{bad}")).await;
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(r.header("content-type"), "application/problem+json");
        let param = bad.split('=').next().unwrap();
        assert!(
            r.json()["detail"].as_str().unwrap().contains(param),
            "{bad}"
        );
    }
    // Junk in the words is searched, not refused.
    let r = app
        .get("/api/v1/search?q=%00%F0%9F%92%A9%22%27*()%3A")
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["total"], 0);
});

both_engines!(
    the_search_page_works_without_javascript,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let r = app.get("/fi/search?q=kudonta&municipality=398").await;
        assert_eq!(r.status, 200);
        let html = r.html();
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        assert!(html
            .select(&sel("form[method=get] input[name=q]"))
            .next()
            .is_some());
        // One optional script: "copy link", whose button stays hidden without it while the
        // link itself is in a field to select.
        let scripts: Vec<_> = html
            .select(&sel("script"))
            .map(|s| s.value().attr("src").unwrap_or("inline"))
            .collect();
        assert_eq!(scripts, ["/static/copy.js"]);
        assert!(html
            .select(&sel("button[data-copy][hidden]"))
            .next()
            .is_some());
        assert!(html
            .select(&sel("input#share-url[readonly]"))
            .next()
            .is_some());
        assert!(html.select(&sel(".cards .card")).count() >= 3);
        // Each active filter can be removed on its own.
        let removes: Vec<String> = html
            .select(&sel(".active-filters a"))
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        assert_eq!(removes.len(), 2);
        assert!(removes
            .iter()
            .any(|u| u.contains("q=kudonta") && !u.contains("municipality")));
        assert!(removes
            .iter()
            .any(|u| u.contains("municipality=398") && !u.contains("q=")));
        // Facet links narrow the same search.
        let facet = html
            .select(&sel(".facet a"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap()
            .to_string();
        assert!(facet.contains("q=kudonta") && facet.contains("municipality=398"));
        assert_eq!(app.get(&facet.replace("&amp;", "&")).await.status, 200);
        // A radius that is not one of the usual choices stays chosen in the form.
        let html = app
            .get("/fi/search?q=kudonta&near=Lahti&radius_km=30")
            .await
            .html();
        let chosen: Vec<&str> = html
            .select(&sel("select[name=radius_km] option[selected]"))
            .filter_map(|o| o.value().attr("value"))
            .collect();
        assert_eq!(chosen, vec!["30"]);
        // An empty result offers the same search without one filter.
        let r = app.get("/en/search?q=kudonta&municipality=109").await;
        let html = r.html();
        let text: String = html
            .select(&sel(".suggestions"))
            .flat_map(|e| e.text())
            .collect();
        assert!(text.contains("Without the filter"), "{text}");
        // Bad input is explained in the user's language and what was typed stays.
        let r = app.get("/sv/search?q=kudonta&near=Atlantis").await;
        assert_eq!(r.status, 200);
        let html = r.html();
        let err: String = html
            .select(&sel(".error-summary"))
            .flat_map(|e| e.text())
            .collect();
        assert!(err.contains("Vi känner inte till"), "{err}");
        let near = html.select(&sel("input[name=near]")).next().unwrap();
        assert_eq!(near.value().attr("value"), Some("Atlantis"));
    }
);

/// Searches that take every path of the index in memory: no words, one, several, many (past
/// the score tiers), words nobody wrote, facets and flags, radius, every sort, pages, languages.
const PATHS: &[&str] = &[
    "",
    "q=työ",
    "q=nuoret",
    "q=kahvila&lang=sv",
    "q=työkokeilu&page=2&per_page=5",
    "q=kokeilu&per_page=100&page=2",
    "q=nuoret työ",
    "q=nuoret työ kahvila ohjaus",
    "q=zzqxw",
    "q=työ zzqxw",
    "q=työ&type=organization&lang=en",
    "type=opportunity&sort=apply_by",
    "q=työ&sort=apply_by&per_page=7",
    "sort=newest&per_page=50",
    "q=nuoret&sort=newest&page=3&per_page=3",
    "near=15140",
    "q=työ&near=15140&radius_km=30",
    "near=Lahti&radius_km=10&sort=distance",
    "q=työkokeilu&near=00100&sort=distance&per_page=13",
    "municipality=398&target_group=young-people",
    "open=true&part_time=true",
    "low_threshold=1&cost=free&type=service",
    "topic=nonexistent",
    "page=500",
];

/// Compares the index in memory with the store's full-text index on every path and on the
/// relevance set: the same totals, hits in the same order with the same scores and
/// distances, and the same facet counts.
async fn memory_answers_as_store(memory: &Searcher, store: &Searcher) {
    let mut queries: Vec<String> = PATHS.iter().map(|q| q.to_string()).collect();
    queries.extend(
        eval::parse(eval::RELEVANCE_SET)
            .unwrap()
            .into_iter()
            .map(|c| c.query),
    );
    for q in &queries {
        for per_page in [None, Some(3)] {
            let mut req = request(q);
            if let Some(n) = per_page {
                req.per_page = n;
            }
            let a = memory.search(&req).await.unwrap();
            let b = store.search(&req).await.unwrap();
            assert_eq!(a, b, "{q} (per_page {per_page:?})");
        }
    }
}

both_engines!(
    the_index_in_memory_answers_as_the_store_does,
    |engine| async move {
        let store = demo_store(engine).await;
        let memory = Searcher::new(store.clone());
        let truth = Searcher::store_only(store.clone());
        assert_eq!(memory.warmth(), kolmonen::search::Warmth::Cold);
        memory_answers_as_store(&memory, &truth).await;
        let all = truth.search(&request("")).await.unwrap().total as usize;
        assert_eq!(memory.warmth(), kolmonen::search::Warmth::Warm(all));
        assert_eq!(truth.warmth(), kolmonen::search::Warmth::Off);

        // Changes: a renamed service, an organization whose documents are gone, one more
        // organization; the index catches up before the next search.
        let batch = kolmonen::demo::demo_batch().unwrap();
        let mut service = batch.services[0].clone();
        rename(&store, &mut service, "Saippuapaja nuorille").await;
        let gone = batch.organizations[1].id;
        store
            .replace_search_documents(&[gone.to_string()], &[])
            .await
            .unwrap();
        memory_answers_as_store(&memory, &truth).await;
        assert!(ids(&memory, "q=saippuapaja")
            .await
            .contains(&service.id.to_string()));
        let after = truth.search(&request("")).await.unwrap().total as usize;
        assert!(after < all);
        assert_eq!(memory.warmth(), kolmonen::search::Warmth::Warm(after));
        // Everything indexed again (as `reindex` does after an import): one big change.
        let orgs: Vec<_> = batch.organizations.iter().map(|o| o.id).collect();
        kolmonen::search::reindex(store.as_ref(), &orgs)
            .await
            .unwrap();
        memory_answers_as_store(&memory, &truth).await;
        assert_eq!(memory.warmth(), kolmonen::search::Warmth::Warm(all));
    }
);

both_engines!(
    searches_are_right_while_the_index_loads,
    |engine| async move {
        let store = demo_store(engine).await;
        let truth = Searcher::store_only(store.clone());
        let node = std::sync::Arc::new(Searcher::new(store.clone()));
        let loading = {
            let node = node.clone();
            tokio::spawn(async move { node.warm_up().await })
        };
        let mut rounds = 0;
        loop {
            for q in [
                "q=työ",
                "q=nuoret&municipality=398",
                "near=Lahti&radius_km=20",
            ] {
                let req = request(q);
                assert_eq!(
                    node.search(&req).await.unwrap(),
                    truth.search(&req).await.unwrap(),
                    "{q}"
                );
            }
            rounds += 1;
            if loading.is_finished() {
                break;
            }
        }
        loading.await.unwrap().unwrap();
        assert!(rounds >= 1);
        assert!(matches!(node.warmth(), kolmonen::search::Warmth::Warm(n) if n > 100));
    }
);
