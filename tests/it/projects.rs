//! The project register (issue 19): a region's spreadsheet goes in as CSV (every bad cell
//! reported by line and column, nothing written), comes out the same, importing again never
//! duplicates; the list filters by funder, status, municipality and target group; the page,
//! the API and search show the projects.

use crate::common::TestApp;
use kolmonen::manage::projects::import;
use kolmonen::store::ProjectQuery;

async fn count(app: &TestApp) -> u64 {
    app.store
        .count_projects(&ProjectQuery::default())
        .await
        .unwrap()
}

both_engines!(
    a_spreadsheet_goes_in_whole_or_not_at_all_and_comes_out_the_same,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let store = app.store.as_ref();
        let demo = count(&app).await;
        assert_eq!(demo, 10, "the demo register");

        // As a Finnish spreadsheet saves it: a byte-order mark, ";" between cells, dates as
        // 1.3.2026, euros with spaces, municipalities by name, a partner outside Kolmonen.
        let good = "\u{feff}key;name_fi;name_sv;lead;partners;funders;budget_eur;starts_on;ends_on;target_groups;municipalities;aims_fi\n\
            uusi-1;Työpolku kylille;Arbetsstig till byarna;Manna ry;\"Nastolan työttömät ry; Hollolan lukio\";stea;120 000 €;1.3.2026;28.2.2028;long-term-unemployed;\"Lahti; Hollola\";Viedään työllisyyspalvelut kyliin.\n\
            uusi-2;Nuorten kesä;;Harjulan Setlementti ry;;municipality;;2027-06-01;;young-people;398;\n";
        // The same with mistakes in three rows: nothing of it is written.
        let bad = "key;name_fi;lead;funders;starts_on;ends_on;budget_eur;municipalities\n\
            uusi-1;Työpolku kylille;Manna ry;stea;1.3.2026;;;Lahti\n\
            uusi-2;;Ei ketään ry;eu;31.2.2026;;paljon;Mordor\n\
            uusi-2;Toinen;Manna ry;stea;2026-01-01;2025-01-01;;\n";
        let r = import(store, bad.as_bytes(), &|_| true, None, false)
            .await
            .unwrap();
        let found: Vec<(u64, &str)> = r
            .errors
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, "name_fi"),
                (3, "lead"),
                (3, "funders"),
                (3, "budget_eur"),
                (3, "starts_on"),
                (3, "municipalities"),
                (4, "key"),
                (4, "ends_on"),
            ]
        );
        assert!(r.errors[1]
            .message(kolmonen::domain::Lang::Fi)
            .contains("Ei ketään ry"));
        assert_eq!(count(&app).await, demo, "nothing written");
        // A column we do not know is refused before any row.
        let r = import(
            store,
            b"key,name_fi,lead,funders,starts_on,colour\n",
            &|_| true,
            None,
            false,
        )
        .await
        .unwrap();
        assert_eq!(r.errors[0].key, "projects-csv-unknown-column");
        // Only organizations the importer may act for can lead.
        let r = import(store, good.as_bytes(), &|_| false, None, false)
            .await
            .unwrap();
        assert_eq!(r.errors.len(), 2);
        assert_eq!(r.errors[0].key, "projects-csv-lead-not-yours");

        // A dry run says what would happen and writes nothing.
        let r = import(store, good.as_bytes(), &|_| true, None, true)
            .await
            .unwrap();
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.added, vec!["uusi-1", "uusi-2"]);
        assert_eq!(count(&app).await, demo);
        let r = import(store, good.as_bytes(), &|_| true, None, false)
            .await
            .unwrap();
        assert_eq!(r.added.len(), 2);
        assert_eq!(count(&app).await, demo + 2);
        let p = &app.store.projects_by_key(&["uusi-1".into()]).await.unwrap()[0];
        assert_eq!(p.budget_eur, Some(120_000));
        assert_eq!(p.municipalities, vec!["398", "098"]);
        assert_eq!(p.partners.len(), 2);
        assert!(
            p.partners[0].organization_id.is_some(),
            "a member is linked"
        );
        assert_eq!(p.partners[1].organization_id, None);
        assert_eq!(p.partners[1].name, "Hollolan lukio");
        assert_eq!(p.name.sv.as_deref(), Some("Arbetsstig till byarna"));

        // Again: nothing new. One cell changed: one updated, the same id.
        let r = import(store, good.as_bytes(), &|_| true, None, false)
            .await
            .unwrap();
        assert_eq!(
            (r.added.len(), r.updated.len(), r.unchanged.len()),
            (0, 0, 2)
        );
        let changed = good.replace("120 000 €", "130000");
        let r = import(store, changed.as_bytes(), &|_| true, None, false)
            .await
            .unwrap();
        assert_eq!(r.updated, vec!["uusi-1"]);
        assert_eq!(count(&app).await, demo + 2);
        let again = &app.store.projects_by_key(&["uusi-1".into()]).await.unwrap()[0];
        assert_eq!((again.id, again.budget_eur), (p.id, Some(130_000)));

        // The export reads back as unchanged, every row.
        let csv = app.get("/api/v1/projects.csv").await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv.body.starts_with('\u{feff}'));
        let r = import(store, csv.body.as_bytes(), &|_| true, None, false)
            .await
            .unwrap();
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.unchanged.len() as u64, demo + 2);
        assert!(r.added.is_empty() && r.updated.is_empty());
    }
);

both_engines!(
    the_register_lists_by_funder_status_and_place_and_search_finds_it,
    |engine| async move {
        let app = TestApp::spawn(engine).await;
        let total = |body: &str| -> u64 {
            serde_json::from_str::<serde_json::Value>(body).unwrap()["total_items"]
                .as_u64()
                .unwrap()
        };
        let all = total(&app.get("/api/v1/projects").await.body);
        let stea = total(&app.get("/api/v1/projects?funder=stea").await.body);
        assert!(stea > 0 && stea < all, "{stea} of {all}");
        let mut sum = 0;
        for s in ["planned", "ongoing", "ended"] {
            let r = app.get(&format!("/api/v1/projects?status={s}")).await;
            assert_eq!(r.status, 200);
            let json = r.json();
            for p in json["contents"].as_array().unwrap() {
                assert_eq!(p["status"], s);
            }
            sum += total(&r.body);
        }
        assert_eq!(sum, all, "every project has one status");
        // A municipality by its name (Swedish too) or its number.
        let lahti = total(&app.get("/api/v1/projects?municipality=398").await.body);
        assert_eq!(
            lahti,
            total(&app.get("/api/v1/projects?municipality=Lahtis").await.body)
        );
        assert!(lahti > 0);
        assert_eq!(app.get("/api/v1/projects?funder=eu").await.status, 400);
        assert_eq!(app.get("/api/v1/projects?status=soon").await.status, 400);

        // The page: filters kept and explained when wrong.
        let r = app
            .get("/fi/projects?funder=stea&municipality=Mordor")
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Mordor") && r.body.contains("Kuntaa ei löydy"));
        let r = app.get("/sv/projects?funder=stea").await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("Projektregister"));
        let id = app.first_id("projects").await;
        let page = app.get(&format!("/en/projects/{id}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("application/ld+json"));
        assert!(page.body.contains("Lead organization"));
        assert_eq!(app.get("/fi/projects/not-an-id").await.status, 404);
        assert_eq!(
            app.get(&format!("/fi/projects/{}", uuid::Uuid::new_v4()))
                .await
                .status,
            404
        );
        assert_eq!(
            app.get(&format!("/api/v1/projects/{}", uuid::Uuid::new_v4()))
                .await
                .status,
            404
        );

        // Search: by a word of the aims, inflected, and the card on the search page.
        let r = app.get("/api/v1/search?type=project&q=kahvilassa").await;
        let hits = r.json()["results"].as_array().unwrap().clone();
        assert!(!hits.is_empty(), "{}", r.body);
        assert!(hits.iter().all(|h| h["type"] == "project"));
        assert!(hits[0]["url"]
            .as_str()
            .unwrap()
            .starts_with("/fi/projects/"));
        let html = app.get("/fi/search?q=kahvila&type=project").await;
        assert!(html.body.contains("/fi/projects/"), "{}", html.body);
        assert!(html.body.contains("Käynnissä") || html.body.contains("Päättynyt"));
    }
);
