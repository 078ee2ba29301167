//! Municipality pages: everything in one place.

use super::cards::CardLookup;
use super::{render, Card, Ctx, PathId};
use crate::error::{PageError, PageResult};
use crate::refdata::REF;
use crate::store::{OpportunityFilter, OrganizationFilter, PageRequest, ServiceFilter};
use crate::AppState;
use askama::Template;
use axum::extract::State;

pub struct MunicipalityLink {
    pub name: String,
    pub url: String,
    pub counts: String,
}

#[derive(Template)]
#[template(path = "municipalities/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    regions: Vec<(String, Vec<MunicipalityLink>)>,
}

pub async fn list(ctx: Ctx, State(st): State<AppState>) -> PageResult {
    let counts = st.store.municipality_counts().await?;
    let mut regions: Vec<(String, Vec<MunicipalityLink>)> = Vec::new();
    let mut rows: Vec<_> = counts
        .iter()
        .filter_map(|c| REF.municipality(&c.code).map(|m| (m, c)))
        .collect();
    rows.sort_by(|(a, _), (b, _)| {
        (a.region(ctx.lang), a.name(ctx.lang)).cmp(&(b.region(ctx.lang), b.name(ctx.lang)))
    });
    for (m, c) in rows {
        let link = MunicipalityLink {
            name: m.name(ctx.lang).to_string(),
            url: ctx.url(&format!("/municipalities/{}", m.code)),
            counts: format!(
                "{} · {}",
                ctx.tn("organizations-count", c.organizations),
                ctx.tn("open-opportunities-count", c.opportunities)
            ),
        };
        match regions.last_mut() {
            Some((r, links)) if r == m.region(ctx.lang) => links.push(link),
            _ => regions.push((m.region(ctx.lang).to_string(), vec![link])),
        }
    }
    let page = ListPage {
        title: ctx.t("municipalities-title"),
        regions,
        ctx,
    };
    render(&page, page.ctx.lang)
}

#[derive(Template)]
#[template(path = "municipalities/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    region: String,
    organizations: Vec<Card>,
    services: Vec<Card>,
    opportunities: Vec<Card>,
    projects: Vec<Card>,
    projects_total: u64,
    organizations_url: String,
    projects_url: String,
    opportunities_url: String,
    services_url: String,
}

pub async fn show(ctx: Ctx, PathId(code): PathId, State(st): State<AppState>) -> PageResult {
    let m = REF.municipality(&code).ok_or(PageError::not_found())?;
    // The first of each kind; the full lists (with print and CSV) are a link away, which
    // keeps the page light on a cheap phone.
    let page_req = PageRequest::new(1, 20);
    let orgs = st
        .store
        .organizations(
            &OrganizationFilter {
                municipalities: vec![m.code.clone()],
                ..Default::default()
            },
            page_req,
        )
        .await?;
    let services = st
        .store
        .services(
            &ServiceFilter {
                municipalities: vec![m.code.clone()],
                ..Default::default()
            },
            page_req,
        )
        .await?;
    let opps = st
        .store
        .opportunities(
            &OpportunityFilter {
                municipalities: vec![m.code.clone()],
                open_only: true,
                ..Default::default()
            },
            page_req,
        )
        .await?;
    // Projects running there today: who does what, funded by whom.
    let ongoing = crate::store::ProjectQuery {
        municipality: Some(m.code.clone()),
        status: Some((
            crate::domain::projects::ProjectStatus::Ongoing,
            crate::domain::helsinki::today(),
        )),
        limit: page_req.per_page,
        ..Default::default()
    };
    let projects = st.store.projects(&ongoing).await?;
    let projects_total = st.store.count_projects(&ongoing).await?;
    let lookup = CardLookup::new(&st.store, ctx.lang);
    let page = ShowPage {
        title: m.name(ctx.lang).to_string(),
        region: m.region(ctx.lang).to_string(),
        organizations: lookup.organization_cards(&ctx, &orgs.items).await?,
        services: lookup.service_cards(&ctx, &services.items).await?,
        opportunities: lookup.opportunity_cards(&ctx, &opps.items).await?,
        projects: super::projects::project_cards(&st, &ctx, &projects).await?,
        projects_total,
        projects_url: ctx.url(&format!("/projects?status=ongoing&municipality={}", m.code)),
        organizations_url: ctx.url(&format!("/organizations?municipality={}", m.code)),
        opportunities_url: ctx.url(&format!("/opportunities?municipality={}", m.code)),
        services_url: ctx.url(&format!("/search?type=service&municipality={}", m.code)),
        ctx,
    };
    render(&page, page.ctx.lang)
}
