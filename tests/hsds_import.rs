//! `import hsds`: export → import into an empty database → export gives the same package,
//! on both engines; bad input is reported and changes nothing.

mod common;

use common::{assert_same_tree, fresh_store, import_hsds as import, read_tree, temp_dir, Engine};
use kolmonen::domain::Lang;
use kolmonen::hsds::package::export;
use std::process::Command;

both_engines!(round_trip_gives_an_identical_package, |engine| async move {
    let Some(source) = fresh_store(engine).await else {
        return;
    };
    source
        .save_batch(&kolmonen::demo::demo_batch().unwrap())
        .await
        .unwrap();
    let first = temp_dir("import");
    export(&source, &first, Lang::Fi).await.unwrap();
    let Some(target) = fresh_store(engine).await else {
        return;
    };
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
    let Some(store) = fresh_store(engine).await else {
        return;
    };
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
    std::fs::remove_dir_all(&dir).unwrap();
}
