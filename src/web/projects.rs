//! The project register's public pages: the list by funder, status, municipality and target
//! group (`/{lang}/projects`), a project's page, and the whole register as CSV.

use super::form::{self, Field};
use super::{
    municipality_name, render, render_form, term_labels, Card, Ctx, PageQuery, Pager, Txt,
};
use crate::domain::projects::{Project, ProjectStatus};
use crate::domain::{helsinki, Lang, LocalizedText, Organization, OrganizationId, ProjectId};
use crate::error::{PageError, PageResult};
use crate::extract::PathId;
use crate::i18n::date;
use crate::refdata::REF;
use crate::store::{Page, PageRequest};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use serde::Deserialize;
use std::collections::HashMap;

const PER_PAGE: u32 = 20;

pub fn funder_label(id: &str, lang: Lang) -> String {
    REF.taxonomies
        .funder(id)
        .map(|t| t.label.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn status_label(ctx: &Ctx, s: ProjectStatus) -> String {
    ctx.t(&format!("projects-status-{}", s.as_str()))
}

/// "1.3.2025–31.8.2027" (or "from 1.3.2025").
fn period(ctx: &Ctx, p: &Project) -> String {
    match p.ends_on {
        Some(e) => format!("{}–{}", date(ctx.lang, p.starts_on), date(ctx.lang, e)),
        None => crate::i18n::t_args(
            ctx.lang,
            "projects-period-open",
            &[("date", date(ctx.lang, p.starts_on).into())],
        ),
    }
}

/// A project as a result card.
pub fn project_card(ctx: &Ctx, p: &Project, lead: Option<String>) -> Card {
    let status = status_label(ctx, p.status_on(helsinki::today()));
    let funders: Vec<String> = p
        .funders
        .iter()
        .map(|f| funder_label(f, ctx.lang))
        .collect();
    let places: Vec<String> = p
        .municipalities
        .iter()
        .map(|m| municipality_name(m, ctx.lang))
        .collect();
    let mut tags = vec![status.clone(), period(ctx, p)];
    tags.extend(funders.iter().cloned());
    Card {
        kind: ctx.t("search-type-project"),
        url: ctx.url(&format!("/projects/{}", p.id)),
        name: Txt::new(&p.name, ctx.lang),
        organization: lead.clone(),
        place: (!places.is_empty()).then(|| places.join(", ")),
        summary: Txt::summary(&p.aims, ctx.lang, 180),
        tags,
        fresh: None,
        print: vec![
            ("field-status", status),
            ("projects-field-period", period(ctx, p)),
            ("projects-field-funders", funders.join(", ")),
        ],
    }
}

/// Cards of these projects, with their leads' names, addresses and phones (whom to ask) in
/// one query for the organizations and one for their locations.
pub async fn project_cards(
    st: &AppState,
    ctx: &Ctx,
    projects: &[Project],
) -> PageResult<Vec<Card>> {
    let mut leads: Vec<OrganizationId> = projects.iter().map(|p| p.lead).collect();
    leads.sort();
    leads.dedup();
    let orgs: HashMap<OrganizationId, Organization> = st
        .store
        .organizations_by_id(&leads)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let locations = st.store.locations_of_organizations(&leads).await?;
    Ok(projects
        .iter()
        .map(|p| {
            let lead = orgs.get(&p.lead);
            let mut card = project_card(ctx, p, lead.map(|o| o.name.clone()));
            let own = locations
                .iter()
                .filter(|l| l.organization_id == Some(p.lead));
            card.print
                .extend(super::directory::print_facts(ctx, own, lead, None));
            card
        })
        .collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    funder: String,
    status: String,
    municipality: String,
    target_group: String,
    organization: String,
    page: String,
}

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    total: String,
    cards: Vec<Card>,
    pager: Pager,
    funder: Field,
    status: Field,
    municipality: Field,
    target_group: Field,
    organization: Option<(String, String)>,
    csv_url: String,
    errors: Vec<(String, String)>,
}

fn options(ctx: &Ctx, all: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), ctx.t("projects-filter-any"))];
    o.extend(all);
    o
}

/// `GET /{lang}/projects`
pub async fn list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let (mut pq, errors) = crate::manage::projects::filters(
        &q.funder,
        &q.status,
        &q.municipality,
        &q.target_group,
        &q.organization,
    );
    let errors: Vec<(&str, String)> = errors.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
    let request = PageRequest::new(q.page.trim().parse().unwrap_or(1), PER_PAGE);
    let mut page = Page {
        items: Vec::new(),
        total: 0,
        request,
    };
    if errors.is_empty() {
        pq.limit = PER_PAGE;
        pq.offset = (request.page.saturating_sub(1)).saturating_mul(PER_PAGE);
        page.total = st.store.count_projects(&pq).await?;
        page.items = st.store.projects(&pq).await?;
    }
    let organization = super::filter_organization(&st.store, pq.organization).await?;
    let funders = REF
        .taxonomies
        .funders
        .iter()
        .map(|t| (t.id.clone(), t.label.text(ctx.lang).to_string()))
        .collect();
    let statuses = ProjectStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(&ctx, *s)))
        .collect();
    let funder = Field::new(&ctx, "projects-filter", "funder", "select")
        .options(String::new(), options(&ctx, funders))
        .value(&q.funder)
        .error_from(&errors);
    let status = Field::new(&ctx, "projects-filter", "status", "select")
        .options(String::new(), options(&ctx, statuses))
        .value(&q.status)
        .error_from(&errors);
    let municipality = Field::new(&ctx, "projects-filter", "municipality", "text")
        .value(&q.municipality)
        .max_chars(60)
        .error_from(&errors);
    let target_group = Field::new(&ctx, "projects-filter", "target_group", "select")
        .options(
            String::new(),
            options(&ctx, super::records::target_group_options(&ctx)),
        )
        .value(&q.target_group)
        .error_from(&errors);
    let summary = form::summary(&[&funder, &status, &municipality, &target_group]);
    let failed = !summary.is_empty();
    let query = [
        ("funder", q.funder.clone()),
        ("status", q.status.clone()),
        ("municipality", q.municipality.clone()),
        ("target_group", q.target_group.clone()),
        ("organization", q.organization.clone()),
    ];
    let pager = Pager::new(&ctx, "/projects", &query, &page);
    let cards = project_cards(&st, &ctx, &page.items).await?;
    let lang = ctx.lang;
    let list = ListPage {
        title: ctx.t("projects-title"),
        total: ctx.tn("projects-count", page.total),
        cards,
        pager,
        funder,
        status,
        municipality,
        target_group,
        organization,
        csv_url: "/api/v1/projects.csv".to_string(),
        errors: summary,
        ctx,
    };
    Ok(render_form(&list, lang, failed))
}

#[derive(Template)]
#[template(path = "projects/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    name: Txt,
    status: String,
    period: String,
    lead: Option<(String, String)>,
    partners: Vec<(String, Option<String>)>,
    funders: Vec<String>,
    funder_note: String,
    budget: Option<String>,
    target_groups: Vec<String>,
    municipalities: Vec<(String, String)>,
    aims: Option<Txt>,
    results: Option<Txt>,
    contact_role: Option<Txt>,
    json_ld: String,
}

fn optional(t: &LocalizedText, lang: Lang) -> Option<Txt> {
    (!t.is_empty()).then(|| Txt::new(t, lang))
}

/// Euros as Finns write them: "96 000 €".
pub fn euros(v: u64, lang: Lang) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(if lang == Lang::En { ',' } else { '\u{a0}' });
        }
        out.push(c);
    }
    if lang == Lang::En {
        format!("€{out}")
    } else {
        format!("{out}\u{a0}€")
    }
}

/// `GET /{lang}/projects/{id}`
pub async fn show(ctx: Ctx, State(st): State<AppState>, PathId(id): PathId) -> PageResult {
    let id = ProjectId::parse(&id).ok_or_else(PageError::not_found)?;
    let p = st
        .store
        .project(id)
        .await?
        .ok_or_else(PageError::not_found)?;
    let orgs: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&p.organizations())
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let lead = orgs
        .get(&p.lead)
        .map(|n| (n.clone(), ctx.url(&format!("/organizations/{}", p.lead))));
    let partners = p
        .partners
        .iter()
        .map(|x| {
            let url = x
                .organization_id
                .filter(|id| orgs.contains_key(id))
                .map(|id| ctx.url(&format!("/organizations/{id}")));
            (x.name.clone(), url)
        })
        .collect();
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Project",
        "name": p.name.text(ctx.lang),
        "description": p.aims.text(ctx.lang),
        "url": format!("{}{}", st.config.public_url().trim_end_matches('/'), ctx.url(&format!("/projects/{}", p.id))),
        "foundingDate": p.starts_on.to_string(),
        "dissolutionDate": p.ends_on.map(|d| d.to_string()),
        "funder": p.funders.iter().map(|f| serde_json::json!({"@type": "Organization", "name": funder_label(f, ctx.lang)})).collect::<Vec<_>>(),
        "parentOrganization": orgs.get(&p.lead).map(|n| serde_json::json!({"@type": "Organization", "name": n})),
    });
    let lang = ctx.lang;
    let page = ShowPage {
        title: p.name.text(lang).to_string(),
        name: Txt::new(&p.name, lang),
        status: status_label(&ctx, p.status_on(helsinki::today())),
        period: period(&ctx, &p),
        lead,
        partners,
        funders: p.funders.iter().map(|f| funder_label(f, lang)).collect(),
        funder_note: p.funder_note.clone(),
        budget: p.budget_eur.map(|b| euros(b, lang)),
        target_groups: term_labels(&p.target_groups, super::target_group_term, lang),
        municipalities: p
            .municipalities
            .iter()
            .map(|m| {
                (
                    municipality_name(m, lang),
                    ctx.url(&format!("/municipalities/{m}")),
                )
            })
            .collect(),
        aims: optional(&p.aims, lang),
        results: optional(&p.results, lang),
        contact_role: optional(&p.contact_role, lang),
        json_ld: super::json_ld(&json_ld),
        ctx,
    };
    render(&page, lang)
}
