//! `GET /api/v1/articles` and `/api/v1/articles/{id}`: the knowledge bank, filtered as its
//! page is (kind, topic, target group, organization), with each article's Markdown and its
//! sanitized HTML.

use super::projects::AttachmentResponse;
use super::{page_request, path_id, ApiQuery, PagedList};
use crate::domain::articles::{Article, ArticleKind};
use crate::domain::files::owner_of_article;
use crate::domain::{ArticleId, OrganizationId};
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::refdata::REF;
use crate::store::{ArticleQuery, Page};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleAuthor {
    /// The organization's id (`/api/v1/organizations/{id}`).
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ArticleResponse {
    pub id: String,
    pub title: String,
    /// The language it is written in: fi, sv or en.
    pub lang: String,
    pub kind: ArticleKind,
    /// The text in Markdown, as written.
    pub body_markdown: String,
    /// The text as HTML, cleaned by the same allow-list as the page (no raw HTML, no
    /// scripts, links only to http, https and mailto).
    pub body_html: String,
    /// The first paragraph, at most 300 characters.
    pub summary: String,
    /// Organizations that wrote it; the first keeps it.
    pub authors: Vec<ArticleAuthor>,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    /// An SPDX licence id: CC-BY-4.0 (the default), CC-BY-SA-4.0 or CC0-1.0.
    pub licence: String,
    /// How many times its text has been saved.
    pub version: u32,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: time::OffsetDateTime,
    #[schema(value_type = String, format = DateTime)]
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: time::OffsetDateTime,
    pub attachments: Vec<AttachmentResponse>,
    /// The article's page.
    pub url: String,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum KindParam {
    GoodPractice,
    Guide,
    Template,
    Report,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArticleParams {
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    /// Items per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    kind: Option<KindParam>,
    /// A topic id; an unknown one matches nothing.
    topic: Option<String>,
    /// A target group id; an unknown one matches nothing.
    target_group: Option<String>,
    /// Written by this organization.
    organization_id: Option<uuid::Uuid>,
}

async fn responses(
    st: &AppState,
    articles: Vec<Article>,
) -> Result<Vec<ArticleResponse>, ApiError> {
    let mut ids: Vec<OrganizationId> = articles.iter().flat_map(|a| a.authors.clone()).collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let owners: Vec<String> = articles.iter().map(|a| owner_of_article(a.id)).collect();
    let mut files: HashMap<String, Vec<AttachmentResponse>> = HashMap::new();
    for f in st.store.attachments_of(&owners).await? {
        files
            .entry(f.owner.clone())
            .or_default()
            .push(AttachmentResponse::of(f));
    }
    Ok(articles
        .into_iter()
        .map(|a| ArticleResponse {
            id: a.id.to_string(),
            url: format!("/{}/articles/{}", a.lang.code(), a.id),
            attachments: files.remove(&owner_of_article(a.id)).unwrap_or_default(),
            body_html: crate::domain::markdown::to_html(&a.body),
            summary: crate::domain::markdown::summary(&a.body, 300),
            authors: a
                .authors
                .iter()
                .map(|o| ArticleAuthor {
                    id: o.to_string(),
                    name: names.get(o).cloned().unwrap_or_default(),
                })
                .collect(),
            title: a.title,
            lang: a.lang.code().to_string(),
            kind: a.kind,
            body_markdown: a.body,
            topics: a.topics,
            target_groups: a.target_groups,
            licence: a.licence,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
        })
        .collect())
}

#[utoipa::path(get, path = "/api/v1/articles", params(ArticleParams), tag = "network",
    responses(
        (status = 200, description = "A page of articles, the latest changed first", body = PagedList<ArticleResponse>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_articles(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ArticleParams>,
) -> Result<Json<PagedList<ArticleResponse>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let known = |v: Option<String>, ok: fn(&str) -> bool| {
        v.map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            // An unknown term matches nothing, as on the other lists.
            .map(|v| if ok(&v) { v } else { "-".to_string() })
    };
    let q = ArticleQuery {
        kind: p.kind.and_then(|k| {
            ArticleKind::parse(match k {
                KindParam::GoodPractice => "good_practice",
                KindParam::Guide => "guide",
                KindParam::Template => "template",
                KindParam::Report => "report",
            })
        }),
        topic: known(p.topic, |t| REF.taxonomies.topic(t).is_some()),
        target_group: known(p.target_group, |t| REF.taxonomies.target_group(t).is_some()),
        author: p.organization_id.map(OrganizationId),
        limit: req.per_page,
        offset: (req.page - 1).saturating_mul(req.per_page),
        ..Default::default()
    };
    let total = st.store.count_articles(&q).await?;
    let items = responses(&st, st.store.articles(&q).await?).await?;
    Ok(Json(
        Page {
            items,
            total,
            request: req,
        }
        .into(),
    ))
}

#[utoipa::path(get, path = "/api/v1/articles/{id}", tag = "network",
    params(("id" = String, Path, description = "Article id (UUID)")),
    responses(
        (status = 200, description = "The article", body = ArticleResponse),
        (status = 404, description = "No such article", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_article(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<ArticleResponse>, ApiError> {
    let id = path_id(&id, ArticleId::parse)?;
    let a = st
        .store
        .article(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no article with this id"))?;
    responses(&st, vec![a])
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no article with this id"))
}
