//! The official HSDS 3.0 examples (JSON documents and the CSV data package) import without
//! a rejection, and our export of them holds the same facts; bad CSV is reported by file and
//! line and changes nothing.

use crate::common::{fresh_store, import_hsds as import, read_tree, temp_dir};
use kolmonen::domain::Lang;
use kolmonen::hsds::package::export;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hsds-3.0-examples")
}

/// A fact: a field's name and its value. Ids and links are identifiers, not facts; the
/// examples' coordinates (100, 101) are off the globe and left out on purpose (with a note).
type Facts = BTreeSet<(String, String)>;

fn is_fact(key: &str) -> bool {
    !(key == "id" || key.ends_with("_id") || key == "latitude" || key == "longitude")
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        // Surrounding white space is not a fact.
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(
            n.as_f64()
                .filter(|f| f.fract() == 0.0)
                .map(|f| (f as i64).to_string())
                .unwrap_or_else(|| n.to_string()),
        ),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn json_facts(v: &Value, key: &str, out: &mut Facts) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, v)| json_facts(v, k, out)),
        Value::Array(a) => a.iter().for_each(|v| json_facts(v, key, out)),
        v => {
            if let Some(s) = scalar(v).filter(|_| is_fact(key)) {
                out.insert((key.to_string(), s));
            }
        }
    }
}

fn csv_facts(path: &Path, out: &mut Facts) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    for rec in r.records() {
        for (k, v) in header.iter().zip(rec.unwrap().iter()) {
            if is_fact(k) && !v.trim().is_empty() {
                out.insert((k.clone(), v.trim().to_string()));
            }
        }
    }
}

/// Everything an exported package says, in its JSON documents and its CSV tables.
fn package_facts(dir: &Path) -> Facts {
    let mut out = Facts::new();
    for (name, bytes) in read_tree(dir) {
        if name.ends_with(".csv") {
            csv_facts(&dir.join(&name), &mut out);
        } else if name != "datapackage.json" {
            json_facts(&serde_json::from_slice(&bytes).unwrap(), "", &mut out);
        }
    }
    out
}

fn assert_holds(source: &Facts, exported: &Facts, what: &str) {
    let lost: Vec<_> = source.difference(exported).collect();
    assert!(lost.is_empty(), "{what}: the export lost {lost:#?}");
}

both_engines!(
    official_json_examples_import_and_keep_their_facts,
    |engine| async move {
        let mut files: Vec<PathBuf> = std::fs::read_dir(examples())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        assert!(files.len() >= 13);
        for file in files {
            let store = fresh_store(engine).await;
            let plan = import(&store, &file).await;
            assert!(plan.rejected.is_empty(), "{file:?}: {:?}", plan.rejected);
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            let kinds_of_data = ["organization", "service", "location"];
            if !kinds_of_data.iter().any(|k| name.starts_with(k)) {
                // Metadata, the tabular description, taxonomies: read past with a note.
                assert!(!plan.notes.is_empty(), "{name}: no note");
                continue;
            }
            let dir = temp_dir("examples");
            export(&store, &dir, Lang::Fi).await.unwrap();
            let mut source = Facts::new();
            let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
            // A paged list's envelope (page numbers, sizes) is not about the records.
            json_facts(doc.get("contents").unwrap_or(&doc), "", &mut source);
            assert_holds(&source, &package_facts(&dir), &name);
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
);

both_engines!(
    official_csv_package_imports_and_keeps_its_facts,
    |engine| async move {
        let store = fresh_store(engine).await;
        let csv_dir = examples().join("csv");
        let plan = import(&store, &csv_dir).await;
        assert!(plan.rejected.is_empty(), "{:?}", plan.rejected);
        // Its one attribute links to a record the package does not have.
        assert!(
            plan.notes
                .iter()
                .any(|n| n.path.ends_with("attributes.csv:2")
                    && n.reason.contains("not in the package")),
            "{:?}",
            plan.notes
        );
        let b = &plan.batch;
        assert_eq!(
            (b.organizations.len(), b.services.len(), b.locations.len()),
            (1, 1, 1)
        );
        // A re-import updates and never duplicates.
        assert!(import(&store, &csv_dir).await.rejected.is_empty());
        let dir = temp_dir("examples");
        export(&store, &dir, Lang::Fi).await.unwrap();
        let mut source = Facts::new();
        for (name, _) in read_tree(&csv_dir) {
            let skipped = [
                "attributes.csv",
                "metadata.csv",
                "meta_table_descriptions.csv",
                "taxonomies.csv",
                "taxonomy_terms.csv",
            ];
            if name.ends_with(".csv") && !skipped.contains(&name.as_str()) {
                csv_facts(&csv_dir.join(&name), &mut source);
            }
        }
        assert_holds(&source, &package_facts(&dir), "csv");
        std::fs::remove_dir_all(&dir).unwrap();
    }
);

both_engines!(
    bad_csv_is_reported_by_line_and_changes_nothing,
    |engine| async move {
        let store = fresh_store(engine).await;
        let good = examples().join("csv");
        let cases: [(&str, &[u8], &str); 6] = [
        (
            "organizations.csv",
            b"id,nimi,description\nx,y,z\n",
            "organizations.csv:1: wrong header: unknown column \"nimi\", the required column \"name\" is missing",
        ),
        (
            "organizations.csv",
            b"id,name,description\n\xff\xfe,y,z\n",
            "organizations.csv:2: not UTF-8",
        ),
        (
            "services.csv",
            b"id,organization_id,name,status\na,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,S,active\na,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,T,active\n",
            "services.csv:3: duplicate id a (first on line 2)",
        ),
        (
            "services.csv",
            b"id,organization_id,name,status,minimum_age\nb,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,S,active,twelve\n",
            "services.csv:2: minimum_age: \"twelve\" is not a number",
        ),
        (
            "services.csv",
            b"id,organization_id,name,status\nc,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,S\n",
            "services.csv:2",
        ),
        (
            "services.csv",
            b"id,organization_id,name,status\n,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,S,active\n",
            "services.csv:2: id is required",
        ),
    ];
        for (table, bytes, expected) in cases {
            let dir = temp_dir("badcsv");
            for (name, content) in read_tree(&good) {
                std::fs::write(dir.join(&name), content).unwrap();
            }
            std::fs::write(dir.join(table), bytes).unwrap();
            let plan = import(&store, &dir).await;
            let reasons: Vec<String> = plan.rejected.iter().map(|r| r.to_string()).collect();
            assert!(
                reasons.iter().any(|r| r.contains(expected)),
                "{expected:?} not in {reasons:?}"
            );
            std::fs::remove_dir_all(&dir).unwrap();
        }
        assert!(store.is_empty().await.unwrap(), "a rejected import wrote");
    }
);
