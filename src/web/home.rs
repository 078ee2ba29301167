//! The front page and redirects into a language.

use super::cards::CardLookup;
use super::{render, Card, Ctx};
use crate::domain::Lang;
use crate::error::PageResult;
use crate::store::{OpportunityFilter, OrganizationFilter, PageRequest};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    opportunities: Vec<Card>,
    organizations: Vec<Card>,
    organization_count: String,
    opportunity_count: String,
}

pub async fn show(ctx: Ctx, State(st): State<AppState>) -> PageResult {
    let opps = st
        .store
        .opportunities(
            &OpportunityFilter {
                open_only: true,
                ..Default::default()
            },
            PageRequest::new(1, 6),
        )
        .await?;
    let orgs = st
        .store
        .organizations(&OrganizationFilter::default(), PageRequest::new(1, 6))
        .await?;
    let lookup = CardLookup::new(&st.store, ctx.lang);
    let page = HomePage {
        opportunities: lookup.opportunity_cards(&ctx, &opps.items).await?,
        organizations: lookup.organization_cards(&ctx, &orgs.items).await?,
        organization_count: ctx.tn("organizations-all", orgs.total),
        opportunity_count: ctx.tn("opportunities-all", opps.total),
        ctx,
    };
    render(&page, page.ctx.lang)
}

/// `/fi` → `/fi/`.
pub async fn redirect_to_slash(ctx: Ctx) -> Response {
    Redirect::permanent(&ctx.url("/")).into_response()
}

/// `/` → the language the browser prefers among ours, Finnish by default.
pub async fn root(headers: HeaderMap) -> Response {
    let lang = preferred_lang(
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    let mut res = Redirect::temporary(&format!("/{lang}/")).into_response();
    res.headers_mut().insert(
        header::VARY,
        header::HeaderValue::from_static("accept-language"),
    );
    res
}

pub fn preferred_lang(accept: &str) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for part in accept.split(',') {
        let mut it = part.trim().split(';');
        let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = it
            .find_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|v| v.parse::<f32>().ok())
            })
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        if let Some(l) = Lang::parse(primary) {
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, l));
            }
        }
    }
    best.map(|(_, l)| l).unwrap_or(Lang::Fi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_is_honoured() {
        assert_eq!(preferred_lang("sv-FI,sv;q=0.9,en;q=0.8"), Lang::Sv);
        assert_eq!(preferred_lang("de-DE,en;q=0.5"), Lang::En);
        assert_eq!(preferred_lang("de"), Lang::Fi);
        assert_eq!(preferred_lang(""), Lang::Fi);
        assert_eq!(preferred_lang("en;q=0.3,fi;q=0.9"), Lang::Fi);
    }
}
