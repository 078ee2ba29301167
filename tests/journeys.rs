//! The journeys of issue 16, tried as new users would: a job seeker without and with an
//! account, an organization managing its places, a coach with result lists. Each finding has
//! a test here, on both engines.

mod common;

use common::{add_account, Browser, Engine, TestApp};
use kolmonen::accounts::Role;
use std::collections::BTreeMap;

const PASSWORD: &str = "kahvi pannu sininen";

/// The ids that occur more than once on a page.
fn repeated_ids(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for e in doc.select(&scraper::Selector::parse("[id]").unwrap()) {
        *seen
            .entry(e.value().id().unwrap_or("").to_string())
            .or_default() += 1;
    }
    seen.into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| id)
        .collect()
}

// 1. A skill's label ticks that skill: every id on the profile page (and on the others) is
// unique.
both_engines!(every_id_on_a_page_is_unique, |engine| async move {
    let Some(app) = TestApp::spawn(engine).await else {
        return;
    };
    let org = app.first_id("organizations").await;
    let place = app.first_id("opportunities").await;
    let service = app.first_id("services").await;
    add_account(
        &app.store,
        "etsija@example.fi",
        Role::JobSeeker,
        None,
        PASSWORD,
    )
    .await;
    let mut b = Browser::new(&app);
    assert_eq!(b.sign_in("etsija@example.fi", PASSWORD).await.status, 303);
    for lang in ["fi", "sv", "en"] {
        for path in [
            "/me".to_string(),
            "/me/matches".into(),
            "/account".into(),
            "/search?q=ty%C3%B6kokeilu".into(),
            format!("/organizations/{org}"),
            format!("/opportunities/{place}"),
            format!("/services/{service}"),
            "/organizations/register".into(),
        ] {
            let page = b.get(&format!("/{lang}{path}")).await;
            assert_eq!(page.status, 200, "{lang}{path}");
            assert_eq!(
                repeated_ids(&page.body),
                Vec::<String>::new(),
                "{lang}{path}"
            );
        }
    }
    // The label of each skill names the box of that skill.
    let page = b.get("/fi/me").await.html();
    let boxes = scraper::Selector::parse("input[name=skills]").unwrap();
    let mut n = 0;
    for input in page.select(&boxes) {
        let id = input.value().id().expect("id");
        let value = input.value().attr("value").unwrap();
        let label = scraper::Selector::parse(&format!("label[for=\"{id}\"]")).unwrap();
        assert_eq!(page.select(&label).count(), 1, "one label for {value}");
        n += 1;
    }
    assert!(n > 200, "the skills are on the page ({n})");
});
