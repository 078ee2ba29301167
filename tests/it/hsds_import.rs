//! `import hsds`: export → import into an empty database → export gives the same package,
//! on both engines; bad input is reported and changes nothing.

use crate::common::{assert_same_tree, fresh_store, import_hsds as import, read_tree, temp_dir};
use kolmonen::domain::Lang;
use kolmonen::hsds::package::export;
use std::process::Command;

both_engines!(round_trip_gives_an_identical_package, |engine| async move {
    let source = fresh_store(engine).await;
    kolmonen::services::save_batch(source.as_ref(), &kolmonen::demo::demo_batch().unwrap())
        .await
        .unwrap();
    let first = temp_dir("import");
    export(&source, &first, Lang::Fi).await.unwrap();
    let target = fresh_store(engine).await;
    let plan = import(&target, &first).await;
    assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
    // Our own documents carry nothing beyond our model: no source is kept for them.
    assert!(
        plan.batch.hsds_sources.is_empty(),
        "{:?}",
        plan.batch.hsds_sources.first()
    );
    // A second import of the same package updates and never duplicates.
    let again = import(&target, &first).await;
    assert!(again.rejected.is_empty());
    let second = temp_dir("import");
    export(&target, &second, Lang::Fi).await.unwrap();
    assert_same_tree(&read_tree(&first), &read_tree(&second));
    std::fs::remove_dir_all(&first).unwrap();
    std::fs::remove_dir_all(&second).unwrap();
});

both_engines!(a_file_with_errors_changes_nothing, |engine| async move {
    let store = fresh_store(engine).await;
    let dir = temp_dir("import");
    let good = kolmonen::hsds::export::organization(
        &kolmonen::demo::demo_batch().unwrap().organizations[0],
        &[],
        &[],
        Lang::Fi,
    );
    std::fs::write(dir.join("a-good.json"), serde_json::to_vec(&good).unwrap()).unwrap();
    std::fs::write(dir.join("b-truncated.json"), br#"{"id": "x", "name": "#).unwrap();
    std::fs::write(
        dir.join("c-wrong-type.json"),
        br#"[{"id": "00000000-0000-0000-0000-000000000001", "name": 5, "status": "active"}]"#,
    )
    .unwrap();
    std::fs::write(dir.join("d-no-org.json"), br#"{"id": "00000000-0000-0000-0000-000000000002", "name": "Orpo", "status": "active", "organization_id": "00000000-0000-0000-0000-000000000003"}"#).unwrap();
    let plan = import(&store, &dir).await;
    let reasons: Vec<String> = plan.rejected.iter().map(|r| r.to_string()).collect();
    assert_eq!(plan.rejected.len(), 3, "{reasons:?}");
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("b-truncated.json:1:") && r.contains("not valid JSON")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("c-wrong-type.json#/0") && r.contains("invalid type")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("unknown organization")),
        "{reasons:?}"
    );
    assert!(store.is_empty().await.unwrap(), "nothing was written");
    std::fs::remove_dir_all(&dir).unwrap();
});

#[test]
fn the_cli_refuses_bad_input_with_exit_code_1_and_imports_with_partial() {
    let dir = temp_dir("import");
    let db = format!("sqlite://{}/k.db", dir.display());
    let file = dir.join("mixed.json");
    let good = kolmonen::hsds::export::organization(
        &kolmonen::demo::demo_batch().unwrap().organizations[0],
        &[],
        &[],
        Lang::Fi,
    );
    let bad = serde_json::json!({"id": "nope", "name": "x", "description": "y"});
    std::fs::write(
        &file,
        serde_json::to_vec(&serde_json::json!([good, bad])).unwrap(),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kolmonen"))
            .args(["--database", &db, "import", "hsds"])
            .arg(&file)
            .args(extra)
            .env("KOLMONEN_LOG", "warn")
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mixed.json#/1")
            && err.contains("not a UUID")
            && err.contains("nothing was imported"),
        "{err}"
    );
    let out = run(&["--partial"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "rejections still give exit code 1"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 1 organizations"));
    // A dry run shows what would change, still refuses the bad record, and writes nothing.
    let out = run(&["--dry-run"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("organizations: 0 to add, 0 to update, 1 unchanged")
            && stdout.contains("nothing was written"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

both_engines!(
    a_preview_shows_what_would_change_and_writes_nothing,
    |engine| async move {
        let store = crate::common::demo_store(engine).await;
        let dir = temp_dir("preview");
        export(&store, &dir, Lang::Fi).await.unwrap();
        // Another system renamed one organization and added one service.
        let orgs = dir.join("organizations");
        let first = std::fs::read_dir(&orgs)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let mut doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&first).unwrap()).unwrap();
        doc["name"] = "Uusi nimi ry".into();
        let mut added = doc["services"][0].clone();
        added["id"] = uuid::Uuid::new_v4().to_string().into();
        doc["services"].as_array_mut().unwrap().push(added);
        std::fs::write(&first, serde_json::to_vec(&doc).unwrap()).unwrap();
        std::fs::remove_dir_all(dir.join("services")).unwrap();
        let mut plan = kolmonen::hsds::import::ImportPlan::default();
        plan.add_path(&orgs, time::OffsetDateTime::now_utc());
        plan.resolve(&store).await.unwrap();
        assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
        let p = plan.preview(&store).await.unwrap();
        assert_eq!(p.organizations.updated.len(), 1, "{:?}", p.organizations);
        assert_eq!(p.organizations.updated[0].1, "Uusi nimi ry");
        assert_eq!(p.organizations.added.len(), 0);
        assert_eq!(p.organizations.unchanged, 24);
        assert_eq!(
            p.services.added.len() + p.opportunities.added.len(),
            1,
            "{p:?}"
        );
        assert!(p.services.updated.is_empty(), "{:?}", p.services.updated);
        assert!(
            p.opportunities.updated.is_empty(),
            "{:?}",
            p.opportunities.updated
        );
        assert!(p.locations.updated.is_empty() && p.locations.added.is_empty());
        // A preview writes nothing.
        let id = kolmonen::domain::OrganizationId::parse(doc["id"].as_str().unwrap()).unwrap();
        assert_ne!(
            store.organization(id).await.unwrap().unwrap().name,
            "Uusi nimi ry"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
);
