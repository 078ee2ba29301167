//! The project register (issue 19): a region's spreadsheet goes in as CSV (every bad cell
//! reported by line and column, nothing written), comes out the same, importing again never
//! duplicates; the list filters by funder, status, municipality and target group; the page,
//! the API and search show the projects.

use crate::common::{Browser, TestApp, TestResponse};
use kolmonen::manage::projects::import;
use kolmonen::store::ProjectQuery;

/// Sends a file to the import's check, as its form does.
async fn check_file(b: &mut Browser<'_>, name: &str, bytes: &[u8]) -> TestResponse {
    b.post_file(
        "/fi/projects/import",
        &[],
        ("file", name, "text/csv", bytes),
        true,
    )
    .await
}

/// Sends the checked text back with "load", as the preview's form does.
async fn load_text(b: &mut Browser<'_>, csv: &str) -> TestResponse {
    b.post_file(
        "/fi/projects/import",
        &[("csv", csv), ("load", "1")],
        ("file", "", "application/octet-stream", b""),
        true,
    )
    .await
}

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
        // Who does what in Lahti: the municipality's page lists the projects running there
        // today, with the way to the whole list.
        let ongoing = app
            .get("/api/v1/projects?municipality=398&status=ongoing&per_page=100")
            .await
            .json();
        let page = app.get("/fi/municipalities/398").await;
        assert!(page.body.contains("Käynnissä olevat hankkeet"));
        assert!(page
            .body
            .contains("/fi/projects?status=ongoing&#38;municipality=398"));
        for p in ongoing["contents"].as_array().unwrap().iter().take(20) {
            assert!(page.body.contains(p["url"].as_str().unwrap()), "{p}");
        }
        let ended = app
            .get("/api/v1/projects?municipality=398&status=ended")
            .await
            .json();
        for p in ended["contents"].as_array().unwrap() {
            assert!(!page.body.contains(p["url"].as_str().unwrap()), "{p}");
        }
        assert_eq!(app.get("/api/v1/projects?funder=eu").await.status, 400);
        assert_eq!(app.get("/api/v1/projects?status=soon").await.status, 400);
        // Free-text filters of the schema: an unknown value matches nothing (as on events).
        for q in ["municipality=Mordor", "target_group=dragons"] {
            let r = app.get(&format!("/api/v1/projects?{q}")).await;
            assert_eq!(r.status, 200, "{q}");
            assert_eq!(total(&r.body), 0, "{q}");
        }
        // The enumerations are in the document, from the taxonomy.
        let doc = app.get("/api/openapi.json").await.body;
        assert!(doc.contains("\"wellbeing_county\"") && doc.contains("\"ongoing\""));

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

both_engines!(
    an_organization_adds_changes_and_removes_its_own_projects,
    |engine| async move {
        use kolmonen::accounts::Role;
        use kolmonen::demo::organization_id;
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let new = format!("/fi/organizations/{harjula}/projects/new");
        assert_eq!(admin.get(&new).await.status, 200);
        assert!(admin
            .get(&format!("/fi/organizations/{harjula}/manage"))
            .await
            .body
            .contains(&new));
        // Junk: no name, an unknown funder, a budget in words, the end before the start, a
        // municipality that is not one; everything typed comes back.
        let junk = [
            ("name_sv", "Arbetsstig <i>"),
            ("funders", "lottery"),
            ("budget_eur", "paljon"),
            ("starts_on", "1.3.2027"),
            ("ends_on", "1.3.2026"),
            ("municipalities", "Lahti, Mordor"),
            ("partners", "Nastolan työttömät ry\nManna ry"),
            ("aims_fi", "Viedään palvelut kyliin."),
        ];
        let r = admin.post(&new, &junk).await;
        assert_eq!(r.status, 400, "{}", r.body);
        for typed in [
            "Arbetsstig &#60;i&#62;",
            "paljon",
            "Lahti, Mordor",
            "Nastolan työttömät ry\nManna ry",
            "Viedään palvelut kyliin.",
        ] {
            assert!(r.body.contains(typed), "kept: {typed}");
        }
        for said in [
            "Tämä tieto on pakollinen.",
            "”paljon” ei ole euromäärä",
            "Hanke päättyy (1.3.2026) ennen kuin se alkaa.",
            "Tuntematon kunta ”Mordor”",
            "Tuntematon rahoittaja ”lottery”",
        ] {
            assert!(r.body.contains(said), "said: {said}");
        }
        // Another organization's admin may not add one in Harjula's name.
        let mut other = app
            .signed_in(
                "toinen@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("manna")),
            )
            .await;
        let good = [
            ("name_fi", "Kylätalojen työpolku"),
            ("funders", "stea"),
            ("funders", "municipality"),
            ("budget_eur", "120 000 €"),
            ("starts_on", "1.3.2026"),
            ("municipalities", "Lahti, Hollola"),
            ("target_groups", "long-term-unemployed"),
            ("partners", "Nastolan työttömät ry\nManna ry"),
            ("aims_fi", "Viedään työllisyyspalvelut kylätaloihin."),
            ("contact_role_fi", "Hankekoordinaattori"),
        ];
        assert_eq!(other.post(&new, &good).await.status, 403);
        let r = admin.post(&new, &good).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let url = r.header("location").split('?').next().unwrap().to_string();
        let page = admin.get(&url).await;
        assert!(page.body.contains("Kylätalojen työpolku"));
        assert!(page.body.contains("120\u{a0}000\u{a0}€"), "{}", page.body);
        assert!(page.body.contains("Hankekoordinaattori"));
        let manna = organization_id("manna");
        assert!(
            page.body
                .contains(&format!("href=\"/fi/organizations/{manna}\"")),
            "a partner in Kolmonen is a link"
        );
        let id = url.rsplit('/').next().unwrap().to_string();
        let found = app
            .get("/api/v1/search?q=kylätalojen&type=project")
            .await
            .json();
        assert_eq!(found["results"][0]["id"], id.as_str(), "{found}");
        // The register's CSV carries it with its id as the key: importing the export
        // again changes nothing.
        let csv = app.get("/api/v1/projects.csv").await;
        assert!(csv.body.contains(&id));
        let again = import(
            app.store.as_ref(),
            csv.body.as_bytes(),
            &|_| true,
            None,
            true,
        )
        .await
        .unwrap();
        assert!(
            again.errors.is_empty() && again.added.is_empty(),
            "{again:?}"
        );
        // Changed: the other admin may not; the own one may.
        let edit = format!("{url}/edit");
        assert_eq!(other.get(&edit).await.status, 403);
        assert_eq!(other.post(&edit, &good).await.status, 403);
        let form = admin.get(&edit).await;
        assert!(form.body.contains("value=\"Kylätalojen työpolku\""));
        let mut changed = good.to_vec();
        changed[0] = ("name_fi", "Kylätalojen työpolku II");
        assert_eq!(admin.post(&edit, &changed).await.status, 303);
        assert!(admin.get(&url).await.body.contains("työpolku II"));
        // Removed: gone from the page, the register and search.
        let delete = format!("{url}/delete");
        assert_eq!(other.post(&delete, &[]).await.status, 403);
        assert_eq!(admin.post(&delete, &[]).await.status, 303);
        assert_eq!(app.get(&url).await.status, 404);
        let found = app
            .get("/api/v1/search?q=kylätalojen&type=project")
            .await
            .json();
        assert_eq!(found["total"], 0, "{found}");
    }
);

both_engines!(
    reports_are_attached_checked_by_their_bytes_and_served_safely,
    |engine| async move {
        use kolmonen::accounts::Role;
        use kolmonen::demo::organization_id;
        let app = TestApp::spawn(engine).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let mut other = app
            .signed_in(
                "toinen@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("manna")),
            )
            .await;
        let r = admin
            .post(
                &format!("/fi/organizations/{harjula}/projects/new"),
                &[
                    ("name_fi", "Raporttien hanke"),
                    ("funders", "stea"),
                    ("starts_on", "1.3.2025"),
                ],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let url = r.header("location").split('?').next().unwrap().to_string();
        let id = url.rsplit('/').next().unwrap().to_string();
        let upload = format!("{url}/attachments");
        // Its editors get the form; others see no empty section.
        assert!(admin
            .get(&url)
            .await
            .body
            .contains(&format!("action=\"{upload}\"")));
        let public = app.get(&url).await.body;
        assert!(!public.contains("attachments-title") && !public.contains(&upload));

        // A page that calls itself a PDF: refused by its bytes, the title kept, translated.
        let page = b"<html><script>alert(1)</script></html>".as_slice();
        let r = admin
            .post_file(
                &upload,
                &[("title", "Loppuraportti <b>")],
                ("file", "raportti.pdf", "application/pdf", page),
                true,
            )
            .await;
        assert_eq!(r.status, 400, "{}", r.body);
        assert!(
            r.body.contains("value=\"Loppuraportti &#60;b&#62;\""),
            "{}",
            r.body
        );
        assert!(r.body.contains("tunnistetaan sen sisällöstä"));
        assert!(r.body.contains("error-summary"));
        let r = admin
            .post_file(
                &upload.replace("/fi/", "/sv/"),
                &[("title", " ")],
                ("file", "a.pdf", "application/pdf", b"%PDF-1.7"),
                true,
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("Skriv ett namn på bilagan"));
        // Too big: a file just over the limit is told so; a body over the upload's limit is a
        // 413 before anything is read.
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(kolmonen::domain::files::MAX_ATTACHMENT_BYTES + 1, b' ');
        let r = admin
            .post_file(
                &upload.replace("/fi/", "/en/"),
                &[("title", "Big")],
                ("file", "big.pdf", "application/pdf", &big),
                true,
            )
            .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("The file is too big"));
        let huge = vec![b'x'; kolmonen::MAX_UPLOAD_BYTES + 1];
        let r = admin
            .post_file(
                &upload,
                &[("title", "Huge")],
                ("file", "h.pdf", "application/pdf", &huge),
                true,
            )
            .await;
        assert_eq!(r.status, 413);
        // Not the project's organization, or no CSRF token: refused.
        let pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".as_slice();
        for (who, token) in [(&mut other, true), (&mut admin, false)] {
            let r = who
                .post_file(
                    &upload,
                    &[("title", "x")],
                    ("file", "x.pdf", "application/pdf", pdf),
                    token,
                )
                .await;
            assert_eq!(r.status, 403);
        }

        // A report and a photo with its place in its metadata.
        let r = admin
            .post_file(
                &upload,
                &[("title", "Loppuraportti 2025")],
                ("file", "loppuraportti.pdf", "application/octet-stream", pdf),
                true,
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let seg = |m: u8, body: &[u8]| {
            let mut v = vec![0xFF, m];
            v.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
            v.extend_from_slice(body);
            v
        };
        let mut photo = vec![0xFF, 0xD8];
        photo.extend(seg(0xE1, b"Exif\0\0GPS 60.98N 25.66E"));
        photo.extend(seg(0xDA, &[1, 2, 3]));
        photo.extend([0x11, 0xFF, 0xD9]);
        let r = admin
            .post_file(
                &upload,
                &[("title", "Työpaja kuvina")],
                ("file", "kuva.html", "text/html", &photo),
                true,
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        // Office documents written by another program: Word and OpenDocument text taken, a
        // Word file with macros refused.
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/files");
        for (file, status) in [
            ("report.docx", 303),
            ("report.odt", 303),
            ("macros.docm", 400),
        ] {
            let bytes = std::fs::read(data.join(file)).unwrap();
            let r = admin
                .post_file(
                    &upload,
                    &[("title", file)],
                    ("file", file, "application/octet-stream", &bytes),
                    true,
                )
                .await;
            assert_eq!(r.status, status, "{file}");
        }
        let page = app.get(&url).await.body;
        assert!(
            page.contains("Loppuraportti 2025") && page.contains("(PDF, 1 kt)"),
            "{page}"
        );
        let api = app.get(&format!("/api/v1/projects/{id}")).await.json();
        let files = api["attachments"].as_array().unwrap().clone();
        let types: Vec<&str> = files
            .iter()
            .map(|f| f["content_type"].as_str().unwrap())
            .collect();
        assert_eq!(
            types,
            [
                "application/pdf",
                "image/jpeg",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text"
            ],
            "{api}"
        );
        let (pdf_url, photo_url) = (
            files[0]["url"].as_str().unwrap().to_string(),
            files[1]["url"].as_str().unwrap().to_string(),
        );
        assert!(page.contains(&pdf_url));

        // Served as what the bytes are, as a download, never sniffed or run as a page.
        let r = app.get(&pdf_url).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), "application/pdf");
        assert!(r
            .header("content-disposition")
            .starts_with("attachment; filename=\"Loppuraportti-2025.pdf\""));
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        assert!(r.header("content-security-policy").contains("sandbox"));
        assert_eq!(r.bytes, pdf);
        let r = app.get(&photo_url.replace("/fi/", "/sv/")).await;
        assert_eq!(r.header("content-type"), "image/jpeg");
        assert!(r.header("content-disposition").starts_with("inline;"));
        assert!(r
            .header("content-disposition")
            .contains("filename*=UTF-8''Ty%C3%B6paja-kuvina.jpg"));
        assert!(
            !r.bytes.windows(3).any(|w| w == b"GPS"),
            "the photo's place is gone"
        );
        assert_eq!(app.get("/fi/attachments/nope").await.status, 404);

        // Found by its title.
        let found = app
            .get("/api/v1/search?type=project&q=loppuraportti")
            .await
            .json();
        assert!(
            found["results"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["id"] == id.as_str()),
            "{found}"
        );
        // Removed: only by the project's editors; then gone.
        let file_id = files[0]["id"].as_str().unwrap();
        let delete = format!("{url}/attachments/delete");
        assert_eq!(other.post(&delete, &[("id", file_id)]).await.status, 403);
        assert_eq!(admin.post(&delete, &[("id", "junk")]).await.status, 400);
        assert_eq!(admin.post(&delete, &[("id", file_id)]).await.status, 303);
        assert_eq!(app.get(&pdf_url).await.status, 404);
        // The project goes with its files.
        assert_eq!(admin.post(&format!("{url}/delete"), &[]).await.status, 303);
        assert_eq!(app.get(&photo_url).await.status, 404);
    }
);

both_engines!(
    cells_lose_control_and_bidi_characters_and_dates_stay_in_this_world,
    |engine| async move {
        use kolmonen::manage::projects::{read_row, Organizations};
        let app = TestApp::spawn(engine).await;
        let orgs = Organizations::load(app.store.as_ref()).await.unwrap();
        let harjula = kolmonen::demo::organization_id("harjula").to_string();
        let row = |starts: &'static str| {
            let harjula = harjula.clone();
            move |name: &str| -> String {
                match name {
                    "key" => "k1".into(),
                    "name_fi" => "A\r\nB\u{0}C\u{1b}[31m\u{202e}D".into(),
                    "lead" => harjula.clone(),
                    "funders" => "stea".into(),
                    "starts_on" => starts.into(),
                    "aims_fi" => "Rivi 1\r\nRivi 2\u{7}".into(),
                    _ => String::new(),
                }
            }
        };
        let d = read_row(&row("1.3.2026"), 2, &orgs, &|_| true).unwrap();
        assert_eq!(d.name.fi, "A B C [31mD");
        assert_eq!(d.aims.fi, "Rivi 1\nRivi 2");
        for bad in ["1.3.-202", "-0001-01-01", "1.3.3026"] {
            let e = read_row(&row(bad), 2, &orgs, &|_| true).unwrap_err();
            assert!(e.iter().any(|e| e.column == "starts_on"), "{bad}: {e:?}");
        }
    }
);

both_engines!(
    an_organization_loads_its_spreadsheet_from_the_browser_after_a_preview,
    |engine| async move {
        use kolmonen::accounts::Role;
        use kolmonen::demo::organization_id;
        let app = TestApp::spawn(engine).await;
        let demo = count(&app).await;
        let harjula = organization_id("harjula");
        let mut admin = app
            .signed_in("admin@example.fi", Role::OrganizationAdmin, Some(harjula))
            .await;
        let mut seeker = app
            .signed_in("etsija@example.fi", Role::JobSeeker, None)
            .await;
        // Only those who edit an organization's records get the page and the list's link.
        assert_eq!(seeker.get("/fi/projects/import").await.status, 403);
        assert!(!seeker
            .get("/fi/projects")
            .await
            .body
            .contains("/fi/projects/import"));
        assert!(admin
            .get("/fi/projects")
            .await
            .body
            .contains("/fi/projects/import"));
        let page = admin.get("/sv/projects/import").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("enctype=\"multipart/form-data\""));

        // No file: the form says so, translated.
        let r = check_file(&mut admin, "", b"").await;
        assert_eq!(r.status, 400);
        assert!(
            r.body.contains("Valitse tuotava CSV-tiedosto"),
            "{}",
            r.body
        );

        // Bad cells: a table of line, column and problem; nothing written. A project led by
        // another organization is one of them. Lines ended as Windows ends them count right.
        let bad = "key;name_fi;lead;funders;starts_on\r\n\
            h-1;Harjulan hanke;Harjulan Setlementti ry;stea;1.3.2026\r\n\
            h-2;Mannan hanke;Manna ry;stea;1.3.2026\r\n\
            h-3;;Harjulan Setlementti ry;eu;31.2.2026\r\n\
            h-4;Neljäs;Harjulan Setlementti ry;stea;1.3.2026;ylimääräinen\r\n";
        let r = check_file(&mut admin, "hankkeet.csv", bad.as_bytes()).await;
        assert_eq!(r.status, 400, "{}", r.body);
        for cell in [
            "<td>3</td><td>lead</td>",
            "<td>4</td><td>name_fi</td>",
            "<td>4</td><td>funders</td>",
            "<td>4</td><td>starts_on</td>",
            "<td>5</td><td></td>",
        ] {
            assert!(r.body.contains(cell), "{cell}: {}", r.body);
        }
        assert!(r.body.contains("Et voi lisätä hanketta organisaation"));
        assert_eq!(count(&app).await, demo);

        // A good file: a preview that writes nothing, then "load" with the text sent back.
        // Funders by their names in any case, a budget as a spreadsheet writes it.
        let good = "key;name_fi;lead;funders;starts_on;budget_eur\n\
            h-1;Harjulan hanke;Harjulan Setlementti ry;STEA;1.3.2026;96 000 €\n\
            h-2;Harjulan toinen hanke;Harjulan Setlementti ry;Kunta;2026-09-01;\n";
        let r = check_file(&mut admin, "hankkeet.csv", good.as_bytes()).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("Harjulan toinen hanke") && r.body.contains("2 uutta"));
        // What was read, to check: the start as a date, the funder, the budget.
        assert!(
            r.body.contains("1.3.2026") && r.body.contains("96"),
            "{}",
            r.body
        );
        assert_eq!(count(&app).await, demo, "a preview writes nothing");
        let doc = scraper::Html::parse_document(&r.body);
        let sel = scraper::Selector::parse("input[name=csv]").unwrap();
        let sent_back = doc
            .select(&sel)
            .next()
            .and_then(|i| i.value().attr("value"))
            .expect("the checked text")
            .to_string();
        assert_eq!(sent_back, good);
        let r = load_text(&mut admin, &sent_back).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.contains("Hankkeet tuotiin"));
        assert_eq!(count(&app).await, demo + 2);
        // The same again: nothing new, nothing duplicated.
        let r = check_file(&mut admin, "hankkeet.csv", good.as_bytes()).await;
        assert!(r.body.contains("2 ennallaan"), "{}", r.body);
        assert!(!r.body.contains("name=\"load\""));
        // A name changed: the preview names the column that changes.
        let renamed = good.replace("Harjulan hanke", "Harjulan uusi hanke");
        let r = check_file(&mut admin, "hankkeet.csv", renamed.as_bytes()).await;
        assert!(
            r.body.contains("1 muuttuu") && r.body.contains("Muuttuvat sarakkeet: name_fi"),
            "{}",
            r.body
        );
        // Only a header: said so.
        let r = check_file(
            &mut admin,
            "hankkeet.csv",
            b"key;name_fi;lead;funders;starts_on\n",
        )
        .await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("vain otsikkorivi"), "{}", r.body);
        // Another organization's project by its key written with a spreadsheet's formula
        // guard (read as the same key): refused, the project stays theirs.
        let mut manna = app
            .signed_in(
                "manna@example.fi",
                Role::OrganizationAdmin,
                Some(organization_id("manna")),
            )
            .await;
        let takeover = "key,name_fi,lead,funders,starts_on\n\
            \"'\tmahdollisuudet-kayttoon-2014\",Kaapattu,Manna ry,esr_plus,2024-01-01\n";
        let r = load_text(&mut manna, takeover).await;
        assert_eq!(r.status, 400, "{}", r.body);
        let theirs = app
            .store
            .projects_by_key(&["mahdollisuudet-kayttoon-2014".to_string()])
            .await
            .unwrap();
        assert_eq!(theirs[0].lead, harjula);
        // A header of the same column again and again is refused before any row is read.
        let wide = format!("{}key,lead,funders,starts_on\n", "name_fi,".repeat(2000));
        let r = check_file(&mut admin, "leveä.csv", wide.as_bytes()).await;
        assert_eq!(r.status, 400);
        assert!(r.body.contains("name_fi"), "{}", r.body);
        // A list cell of 100,000 entries: read up to its limit, a few errors named.
        let long = format!(
            "key;name_fi;lead;funders;starts_on;municipalities\nh-9;Pitkä;Harjulan Setlementti ry;stea;1.3.2026;\"{}\"\n",
            "x;".repeat(100_000)
        );
        let r = check_file(&mut admin, "pitkä.csv", long.as_bytes()).await;
        assert_eq!(r.status, 400);
        assert!(
            r.body.matches("<td>municipalities</td>").count() <= 5,
            "{}",
            r.body
        );
        // Text sent back altered to name another organization's project: checked again.
        let forged = good.replace("Harjulan Setlementti ry;Kunta", "Manna ry;Kunta");
        assert_ne!(forged, good);
        let r = load_text(&mut admin, &forged).await;
        assert_eq!(r.status, 400);
        assert_eq!(count(&app).await, demo + 2);
    }
);
