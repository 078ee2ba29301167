//! Snapshots of what other systems and people read whole: the OpenAPI document, an HSDS
//! document and a few rendered pages. Ids, tokens and times are redacted, so a snapshot
//! changes only when what is shown changes. After a deliberate change:
//! `INSTA_UPDATE=always cargo test snapshots` and review the diff of `tests/it/snapshots/`.

use crate::common::{Engine, TestApp};

/// Redacts what differs between runs: ids, tokens, times and dates.
fn redacted() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("snapshots");
    s.set_prepend_module_to_snapshot(false);
    for (pattern, replacement) in [
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[id]",
        ),
        (r"\b[0-9a-f]{64}\b", "[token]"),
        (
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})",
            "[time]",
        ),
        (r"\b\d{4}-\d{2}-\d{2}\b", "[date]"),
        (r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", "[date]"),
    ] {
        s.add_filter(pattern, replacement);
    }
    s
}

#[tokio::test]
async fn the_openapi_document() {
    let app = TestApp::spawn(Engine::Sqlite).await;
    let doc = app.get("/api/openapi.json").await.json();
    redacted().bind(|| insta::assert_json_snapshot!("openapi", doc));
}

#[tokio::test]
async fn an_hsds_organization_document() {
    let app = TestApp::spawn(Engine::Sqlite).await;
    let list = app.get("/hsds/organizations?per_page=50").await.json();
    // A demo organization, found by name (not by position).
    let id = list["contents"]
        .as_array()
        .expect("contents")
        .iter()
        .find(|o| o["name"] == "Harjulan Setlementti ry")
        .map(|o| o["id"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no Lahden Työttömät ry in {list}"));
    let doc = app.get(&format!("/hsds/organizations/{id}")).await.json();
    redacted().bind(|| insta::assert_json_snapshot!("hsds_organization", doc));
}

#[tokio::test]
async fn pages_as_rendered() {
    let app = TestApp::spawn(Engine::Sqlite).await;
    for (name, path) in [
        ("page_not_found_sv", "/sv/no-such-page"),
        ("page_login_en", "/en/login"),
        ("page_signup_fi", "/fi/signup"),
        ("page_accessibility_fi", "/fi/accessibility"),
    ] {
        let r = app.get(path).await;
        let body = r.body.clone();
        redacted().bind(|| insta::assert_snapshot!(name, body));
    }
}
