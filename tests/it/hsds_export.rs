//! `export hsds`: a complete package, identical from SQLite and PostgreSQL, stable over runs.

use crate::common::{assert_same_tree, fresh_store, read_tree, temp_dir, Engine};
use kolmonen::domain::Lang;
use kolmonen::hsds::package::export;

#[tokio::test]
async fn both_engines_export_the_same_package_and_again_the_same() {
    let batch = kolmonen::demo::demo_batch().unwrap();
    let mut trees = Vec::new();
    for engine in [Engine::Sqlite, Engine::Postgres, Engine::Sqlite] {
        if engine == Engine::Postgres && !crate::common::postgres_ready().await {
            continue;
        }
        let store = fresh_store(engine).await;
        kolmonen::services::save_batch(store.as_ref(), &batch)
            .await
            .unwrap();
        let dir = temp_dir("both");
        let stats = export(&store, &dir, Lang::Fi).await.unwrap();
        assert_eq!(stats.organizations, batch.organizations.len());
        assert_eq!(
            stats.services,
            batch.services.len() + batch.opportunities.len()
        );
        trees.push(read_tree(&dir));
        std::fs::remove_dir_all(&dir).unwrap();
    }
    let first = &trees[0];
    for name in [
        "datapackage.json",
        "organizations.csv",
        "services.csv",
        "attributes.csv",
        "taxonomy_terms.csv",
        "service_at_location.csv",
    ] {
        assert!(first.contains_key(name), "{name} missing");
    }
    assert_eq!(
        first
            .keys()
            .filter(|k| k.starts_with("organizations/"))
            .count(),
        batch.organizations.len()
    );
    for other in &trees[1..] {
        assert_same_tree(first, other);
    }
}

#[tokio::test]
async fn csv_tables_have_the_official_headers() {
    let store = fresh_store(Engine::Sqlite).await;
    kolmonen::services::save_batch(store.as_ref(), &kolmonen::demo::demo_batch().unwrap())
        .await
        .unwrap();
    let dir = temp_dir("headers");
    export(&store, &dir, Lang::Sv).await.unwrap();
    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
    for r in descriptor["resources"].as_array().unwrap() {
        let path = r["path"].as_str().unwrap();
        let mut rdr = csv::Reader::from_path(dir.join(path)).unwrap();
        let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        let fields: Vec<String> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(header, fields, "{path}");
        for row in rdr.records() {
            assert_eq!(row.unwrap().len(), fields.len(), "{path}");
        }
    }
    let services = std::fs::read_to_string(dir.join("services.csv")).unwrap();
    assert!(
        services.contains("Vävverkstad"),
        "texts in the chosen language"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
