//! The search page: a first version over names and texts (the analyzer-based search with
//! facets and distance replaces the matching, the page stays).

use super::directory::CardLookup;
use super::{non_empty, render, Card, Ctx, PageQuery};
use crate::error::PageError;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;

/// Longest query we look at; more is cut, not refused.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    ctx: Ctx,
    title: String,
    q: String,
    searched: bool,
    summary: String,
    cards: Vec<Card>,
}

pub async fn show(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(query): PageQuery<SearchQuery>,
) -> Result<Response, PageError> {
    // Control characters (NUL among them) mean nothing in a search, and PostgreSQL refuses NUL.
    let q: String = non_empty(&query.q)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_QUERY_CHARS)
        .collect();
    let q = q.trim().to_string();
    let mut cards = Vec::new();
    if !q.is_empty() {
        let m = st
            .store
            .find_text(&q, 20)
            .await
            .map_err(PageError::store(ctx.lang))?;
        let lookup = CardLookup::new(&st.store, ctx.lang);
        cards.extend(lookup.opportunity_cards(&ctx, &m.opportunities).await?);
        cards.extend(lookup.service_cards(&ctx, &m.services).await?);
        cards.extend(lookup.organization_cards(&ctx, &m.organizations).await?);
    }
    let page = SearchPage {
        title: ctx.t("search-title"),
        searched: !q.is_empty(),
        summary: ctx.tn("search-results-count", cards.len() as u64),
        q,
        cards,
        ctx,
    };
    render(&page, page.ctx.lang)
}
