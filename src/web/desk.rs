//! An organization's desk (`/{lang}/organizations/{id}/manage`): its records with their
//! freshness, the interests and error reports waiting, and links to edit and add.

use super::auth::SignedIn;
use super::manage::{editable_organization, history_rows, HistoryRow};
use super::records::{opportunity_type_label, saved_notice};
use super::respond::{DoneQuery, Notice};
use super::{render, term_labels, Ctx, Fresh, PageQuery, PathId, Txt};
use crate::error::PageResult;
use crate::manage::{self as access, Action};
use crate::AppState;
use askama::Template;
use axum::extract::State;

/// A record as the desk lists it.
struct DeskRow {
    kind: String,
    name: String,
    url: String,
    edit_url: String,
    confirm_url: String,
    fresh: Fresh,
    tags: Vec<String>,
    /// People who fit an open place (the talent pool, verified organizations only).
    fit_url: Option<String>,
}

#[derive(Template)]
#[template(path = "desk.html")]
struct DeskPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    org_name: String,
    org_url: String,
    profile: Option<(String, Fresh, String, String)>,
    new_service: String,
    new_opportunity: String,
    new_place: String,
    new_event: String,
    new_project: String,
    projects_url: String,
    new_article: String,
    articles_url: String,
    events_url: String,
    interests_url: String,
    /// (label, edit url)
    places: Vec<(String, String)>,
    rows: Vec<DeskRow>,
    reports: Vec<super::error_reports::ReportRow>,
    history: Vec<HistoryRow>,
}

pub async fn show(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let org = editable_organization(&st, &user, &id, Action::EditRecords).await?;
    let records = st.store.records_of_organizations(&[org.id]).await?;
    let mut rows = Vec::new();
    for s in &records.services {
        rows.push(DeskRow {
            kind: ctx.t(&format!("kind-{}", s.kind.as_str())),
            name: Txt::new(&s.name, lang).text,
            url: ctx.url(&format!("/services/{}", s.id)),
            edit_url: ctx.url(&format!("/services/{}/edit", s.id)),
            confirm_url: ctx.url(&format!("/services/{}/confirm", s.id)),
            fresh: Fresh::new(lang, s.last_verified_at),
            tags: term_labels(&s.topics, super::topic_term, lang),
            fit_url: None,
        });
    }
    let today = crate::domain::helsinki::today();
    for o in &records.opportunities {
        rows.push(DeskRow {
            kind: opportunity_type_label(o.kind.as_str(), lang),
            name: Txt::new(&o.title, lang).text,
            url: ctx.url(&format!("/opportunities/{}", o.id)),
            edit_url: ctx.url(&format!("/opportunities/{}/edit", o.id)),
            confirm_url: ctx.url(&format!("/opportunities/{}/confirm", o.id)),
            fresh: Fresh::new(lang, o.last_verified_at),
            tags: vec![
                ctx.t(&format!("status-{}", o.status_on(today).as_str())),
                crate::i18n::t_args(
                    lang,
                    "places-free",
                    &[("count", i64::from(o.places_free).into())],
                ),
            ],
            fit_url: (org.verified && o.is_open_on(today))
                .then(|| ctx.url(&format!("/talent?opportunity={}", o.id))),
        });
    }
    let reports = st.store.open_error_reports(Some(org.id)).await?;
    let reports = super::error_reports::rows(&st.store, &ctx, reports).await?;
    let history = st.store.history_of_organization(org.id, 30).await?;
    let profile = access::may(&user, org.id, Action::EditProfile).then(|| {
        (
            ctx.url(&format!("/organizations/{}/edit", org.id)),
            Fresh::new(lang, org.last_verified_at),
            ctx.url(&format!("/organizations/{}/confirm", org.id)),
            ctx.url(&format!("/organizations/{}/members", org.id)),
        )
    });
    let page = DeskPage {
        title: ctx.t("desk-title"),
        notice: saved_notice(&ctx, &q),
        org_name: org.name.clone(),
        org_url: ctx.url(&format!("/organizations/{}", org.id)),
        profile,
        new_service: ctx.url(&format!("/organizations/{}/services/new", org.id)),
        new_opportunity: ctx.url(&format!("/organizations/{}/opportunities/new", org.id)),
        new_place: ctx.url(&format!("/organizations/{}/locations/new", org.id)),
        new_event: ctx.url(&format!("/organizations/{}/events/new", org.id)),
        events_url: ctx.url(&format!("/events?organization={}", org.id)),
        new_project: ctx.url(&format!("/organizations/{}/projects/new", org.id)),
        projects_url: ctx.url(&format!("/projects?organization={}", org.id)),
        new_article: ctx.url(&format!("/organizations/{}/articles/new", org.id)),
        articles_url: ctx.url(&format!("/articles?organization={}", org.id)),
        interests_url: ctx.url(&format!("/organizations/{}/interests", org.id)),
        places: records
            .locations
            .iter()
            .filter(|l| l.organization_id == Some(org.id))
            .map(|l| {
                let name = Txt::new(&l.name, lang).text;
                let label = if name.is_empty() {
                    format!("{}, {}", l.street, l.postal_code)
                } else {
                    format!("{name}: {}, {}", l.street, l.postal_code)
                };
                (label, ctx.url(&format!("/locations/{}/edit", l.id)))
            })
            .collect(),
        rows,
        reports,
        history: history_rows(&ctx, history),
        ctx,
    };
    render(&page, lang)
}
