//! `GET /api/v1/projects`, `/api/v1/projects/{id}` and `/api/v1/projects.csv`: the project
//! register, filtered as its page is (funder, status, municipality, target group,
//! organization).

use super::{page_request, path_id, ApiQuery, PagedList};
use crate::domain::files::owner_of_project;
use crate::domain::helsinki;
use crate::domain::projects::{Partner, Project, ProjectStatus};
use crate::domain::{LocalizedText, OrganizationId, ProjectId};
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::store::{Page, ProjectQuery};
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectLead {
    /// The organization's id (`/api/v1/organizations/{id}`).
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectResponse {
    pub id: String,
    /// The row's key in the spreadsheet it was imported from.
    pub key: Option<String>,
    pub name: LocalizedText,
    pub lead: ProjectLead,
    /// Partners in Kolmonen carry their organization id; others are a name.
    pub partners: Vec<Partner>,
    /// Funder ids: esr_plus, stea, tem, ely, municipality, wellbeing_county, foundation, other.
    pub funders: Vec<String>,
    pub funder_note: String,
    pub budget_eur: Option<u64>,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: Option<String>,
    /// On today's date in Finland.
    pub status: ProjectStatus,
    pub target_groups: Vec<String>,
    /// Municipality codes.
    pub municipalities: Vec<String>,
    pub aims: LocalizedText,
    pub contact_role: LocalizedText,
    pub results: LocalizedText,
    /// The project's page.
    pub url: String,
    /// Reports and other files, oldest first.
    pub attachments: Vec<AttachmentResponse>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentResponse {
    pub id: String,
    pub title: String,
    /// What the bytes are (checked on upload): application/pdf, image/png, image/jpeg,
    /// the DOCX or the ODT type.
    pub content_type: String,
    /// Bytes.
    pub size: u64,
    /// Where the file is downloaded.
    pub url: String,
}

impl AttachmentResponse {
    pub fn of(a: crate::domain::files::Attachment) -> Self {
        AttachmentResponse {
            id: a.id.to_string(),
            url: format!("/fi/attachments/{}", a.id),
            title: a.title,
            content_type: a.kind.content_type().to_string(),
            size: a.size,
        }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectParams {
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    /// Items per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// A funder id of the funder taxonomy (`/hsds/taxonomy_terms`).
    #[param(schema_with = funder_schema)]
    funder: Option<String>,
    /// On today's date in Finland.
    #[param(schema_with = status_schema)]
    status: Option<String>,
    /// Municipality code or name; an unknown one matches nothing.
    municipality: Option<String>,
    /// A target group id; an unknown one matches nothing.
    target_group: Option<String>,
    /// Led by this organization or with it as a partner.
    organization_id: Option<uuid::Uuid>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectCsvParams {
    #[param(schema_with = funder_schema)]
    funder: Option<String>,
    #[param(schema_with = status_schema)]
    status: Option<String>,
    /// Municipality code or name; an unknown one matches nothing.
    municipality: Option<String>,
    /// A target group id; an unknown one matches nothing.
    target_group: Option<String>,
    organization_id: Option<uuid::Uuid>,
}

fn query(
    funder: &Option<String>,
    status: &Option<String>,
    municipality: &Option<String>,
    target_group: &Option<String>,
    organization: Option<uuid::Uuid>,
) -> Result<ProjectQuery, ApiError> {
    let (q, errors) = crate::manage::projects::filters(
        funder.as_deref().unwrap_or_default(),
        status.as_deref().unwrap_or_default(),
        municipality.as_deref().unwrap_or_default(),
        target_group.as_deref().unwrap_or_default(),
        &organization.map(|o| o.to_string()).unwrap_or_default(),
    );
    let mut q = q;
    for (field, _) in errors {
        match field {
            // Free text in the schema: an unknown one matches nothing, as on /api/v1/events.
            "municipality" => q.municipality = Some("000".to_string()),
            "target_group" => q.target_group = Some("-".to_string()),
            // Enumerated in the schema: anything else is a malformed request.
            _ => return Err(ApiError::bad_request(format!("{field}: unknown value"))),
        }
    }
    Ok(q)
}

/// A string enumerated by values known at run time (taxonomies are data, not code).
fn string_enum(values: Vec<String>) -> utoipa::openapi::Object {
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .enum_values(Some(values))
        .build()
}

fn funder_schema() -> utoipa::openapi::Object {
    string_enum(
        crate::refdata::REF
            .taxonomies
            .funders
            .iter()
            .map(|t| t.id.clone())
            .collect(),
    )
}

fn status_schema() -> utoipa::openapi::Object {
    string_enum(
        ProjectStatus::ALL
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
    )
}

async fn responses(
    st: &AppState,
    projects: Vec<Project>,
) -> Result<Vec<ProjectResponse>, ApiError> {
    let leads: Vec<OrganizationId> = projects.iter().map(|p| p.lead).collect();
    let names: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&leads)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let owners: Vec<String> = projects.iter().map(|p| owner_of_project(p.id)).collect();
    let mut files: HashMap<String, Vec<AttachmentResponse>> = HashMap::new();
    for a in st.store.attachments_of(&owners).await? {
        files
            .entry(a.owner.clone())
            .or_default()
            .push(AttachmentResponse::of(a));
    }
    let today = helsinki::today();
    Ok(projects
        .into_iter()
        .map(|p| ProjectResponse {
            attachments: files.remove(&owner_of_project(p.id)).unwrap_or_default(),
            id: p.id.to_string(),
            status: p.status_on(today),
            url: format!("/fi/projects/{}", p.id),
            lead: ProjectLead {
                id: p.lead.to_string(),
                name: names.get(&p.lead).cloned().unwrap_or_default(),
            },
            key: p.key,
            name: p.name,
            partners: p.partners,
            funders: p.funders,
            funder_note: p.funder_note,
            budget_eur: p.budget_eur,
            starts_on: p.starts_on.to_string(),
            ends_on: p.ends_on.map(|d| d.to_string()),
            target_groups: p.target_groups,
            municipalities: p.municipalities,
            aims: p.aims,
            contact_role: p.contact_role,
            results: p.results,
        })
        .collect())
}

#[utoipa::path(get, path = "/api/v1/projects", params(ProjectParams), tag = "network",
    responses(
        (status = 200, description = "A page of projects, the latest start first", body = PagedList<ProjectResponse>),
        (status = 400, description = "Malformed query or unknown filter value", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_projects(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ProjectParams>,
) -> Result<Json<PagedList<ProjectResponse>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let mut q = query(
        &p.funder,
        &p.status,
        &p.municipality,
        &p.target_group,
        p.organization_id,
    )?;
    q.limit = req.per_page;
    q.offset = (req.page - 1).saturating_mul(req.per_page);
    let total = st.store.count_projects(&q).await?;
    let items = responses(&st, st.store.projects(&q).await?).await?;
    Ok(Json(
        Page {
            items,
            total,
            request: req,
        }
        .into(),
    ))
}

#[utoipa::path(get, path = "/api/v1/projects/{id}", tag = "network",
    params(("id" = String, Path, description = "Project id (UUID)")),
    responses(
        (status = 200, description = "The project", body = ProjectResponse),
        (status = 404, description = "No such project", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_project(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<ProjectResponse>, ApiError> {
    let id = path_id(&id, ProjectId::parse)?;
    let p = st
        .store
        .project(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no project with this id"))?;
    responses(&st, vec![p])
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no project with this id"))
}

#[utoipa::path(get, path = "/api/v1/projects.csv", params(ProjectCsvParams), tag = "network",
    responses(
        (status = 200, description = "The projects as the CSV `kolmonen import projects` reads (UTF-8 with a byte-order mark; columns in the README)", content_type = "text/csv"),
        (status = 400, description = "Unknown filter value", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn projects_csv(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ProjectCsvParams>,
) -> Result<Response, ApiError> {
    let q = query(
        &p.funder,
        &p.status,
        &p.municipality,
        &p.target_group,
        p.organization_id,
    )?;
    let body = crate::manage::projects::export_matching(st.store.as_ref(), &q).await?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "attachment; filename=\"kolmonen-projects.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}
