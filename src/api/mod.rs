//! The read-only JSON API `/api/v1` and its OpenAPI description.

pub mod articles;
pub mod events;
pub mod hsds;
pub mod impact;
pub mod networks;
pub mod projects;
pub mod search;

use crate::domain::*;
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::refdata::REF;
use crate::store::{OpportunityFilter, OrganizationFilter, Page, PageRequest, ServiceFilter};
use crate::AppState;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::routing::{get, MethodRouter};
use axum::Json;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// Every API route with its handler; the router and the tests read the same table.
pub fn route_table() -> Vec<(&'static str, MethodRouter<AppState>)> {
    let mut routes: Vec<(&'static str, MethodRouter<AppState>)> = vec![
        ("/api/openapi.json", get(openapi_json)),
        ("/api/v1/organizations", get(list_organizations)),
        ("/api/v1/organizations/{id}", get(get_organization)),
        ("/api/v1/services", get(list_services)),
        ("/api/v1/services/{id}", get(get_service)),
        ("/api/v1/opportunities", get(list_opportunities)),
        ("/api/v1/opportunities/{id}", get(get_opportunity)),
        ("/api/v1/search", get(search::search)),
        ("/api/v1/impact", get(impact::impact)),
        ("/api/v1/networks", get(networks::list_networks)),
        ("/api/v1/networks/{id}", get(networks::get_network)),
        (
            "/api/v1/networks/unsubscribe",
            get(networks::unsubscribe_page).post(networks::unsubscribe),
        ),
        ("/api/v1/events", get(events::list_events)),
        ("/api/v1/events/{id}", get(events::get_event)),
        ("/api/v1/projects", get(projects::list_projects)),
        ("/api/v1/articles", get(articles::list_articles)),
        ("/api/v1/articles/{id}", get(articles::get_article)),
        ("/api/v1/projects.csv", get(projects::projects_csv)),
        ("/api/v1/projects/{id}", get(projects::get_project)),
    ];
    routes.extend(hsds::route_table());
    routes
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kolmonen API",
        description = "Read-only directory of Finland's third-sector employment services: organizations, services and opportunities. Lists are paged like HSDS 3.0 lists.",
        license(name = "EUPL-1.2")
    ),
    paths(
        list_organizations,
        get_organization,
        list_services,
        get_service,
        list_opportunities,
        get_opportunity,
        search::search,
        impact::impact,
        networks::list_networks,
        networks::get_network,
        networks::unsubscribe,
        networks::unsubscribe_page,
        events::list_events,
        events::get_event,
        projects::list_projects,
        articles::list_articles,
        articles::get_article,
        projects::get_project,
        projects::projects_csv,
        hsds::meta,
        hsds::list_services,
        hsds::get_service,
        hsds::list_service_at_locations,
        hsds::get_service_at_location,
        hsds::list_organizations,
        hsds::get_organization,
        hsds::list_taxonomies,
        hsds::get_taxonomy,
        hsds::list_taxonomy_terms,
        hsds::get_taxonomy_term
    ),
    components(schemas(
        impact::ImpactResponse,
        impact::ImpactTable,
        networks::NetworkResponse,
        networks::NetworkMember,
        events::EventResponse,
        projects::ProjectResponse,
        projects::ProjectLead,
        articles::ArticleResponse,
        articles::ArticleAuthor,
        articles::KindParam,
        crate::domain::articles::ArticleKind,
        projects::AttachmentResponse,
        crate::domain::projects::Partner,
        crate::domain::projects::ProjectStatus,
        events::EventOrganizer,
        events::EventOccurrence,
        events::PastParam,
        Problem,
        Lang,
        LocalizedText,
        Phone,
        Organization,
        Service,
        Opportunity,
        search::SearchResponse,
        search::SearchResult,
        search::FacetValue,
        search::NearPlace
    ))
)]
pub struct ApiDoc;

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// A page of results in the shape of HSDS 3.0 paged lists.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PagedList<T> {
    pub total_items: u64,
    pub total_pages: u64,
    pub page_number: u32,
    pub size: u32,
    pub first_page: bool,
    pub last_page: bool,
    pub empty: bool,
    pub contents: Vec<T>,
}

impl<T> From<Page<T>> for PagedList<T> {
    fn from(p: Page<T>) -> Self {
        let total_pages = p.total_pages();
        PagedList {
            total_items: p.total,
            total_pages,
            page_number: p.request.page,
            size: p.request.per_page,
            first_page: p.request.page == 1,
            last_page: u64::from(p.request.page) >= total_pages,
            empty: p.items.is_empty(),
            contents: p.items,
        }
    }
}

/// Query parameters; a malformed query is a 400 problem.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        crate::search::query::parse_params(parts.uri.query().unwrap_or(""))
            .map(ApiQuery)
            .map_err(|e| ApiError::bad_request(format!("invalid query: {e}")))
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    /// Items per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// Municipality code (e.g. 398 for Lahti) or name; several (repeated or separated by
    /// commas) match any of them; an unknown one matches nothing.
    municipality: Option<String>,
    /// Only records of this organization.
    organization_id: Option<uuid::Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpportunityParams {
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    municipality: Option<String>,
    organization_id: Option<uuid::Uuid>,
    /// Opportunity type.
    #[serde(rename = "type")]
    #[param(rename = "type", inline)]
    kind: Option<OpportunityType>,
    /// `true`: only opportunities with open status.
    open: Option<bool>,
}

pub(crate) fn page_request(
    page: Option<u32>,
    per_page: Option<u32>,
) -> Result<PageRequest, ApiError> {
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(20);
    if !(1..=100_000).contains(&page) {
        return Err(ApiError::bad_request("page must be between 1 and 100000"));
    }
    if !(1..=PageRequest::MAX_PER_PAGE).contains(&per_page) {
        return Err(ApiError::bad_request("per_page must be between 1 and 100"));
    }
    Ok(PageRequest::new(page, per_page))
}

/// Municipality codes or names, repeated or separated by commas: any of them. An unknown one
/// matches nothing (code "000" exists nowhere).
fn municipality(m: Option<String>) -> Result<Vec<String>, ApiError> {
    Ok(crate::search::query::listed(m.as_deref().unwrap_or(""))
        .take(crate::search::query::MAX_FACET_VALUES)
        .map(|s| {
            REF.find_municipality(s)
                .map(|m| m.code.clone())
                .unwrap_or_else(|| "000".to_string())
        })
        .collect())
}

pub(crate) fn path_id<T>(raw: &str, parse: fn(&str) -> Option<T>) -> Result<T, ApiError> {
    parse(raw).ok_or_else(|| ApiError::not_found("no record with this id"))
}

#[utoipa::path(get, path = "/api/v1/organizations", params(ListParams), tag = "directory",
    responses(
        (status = 200, description = "A page of organizations", body = PagedList<Organization>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_organizations(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Json<PagedList<Organization>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let filter = OrganizationFilter {
        municipalities: municipality(p.municipality)?,
        ..Default::default()
    };
    Ok(Json(st.store.organizations(&filter, req).await?.into()))
}

#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "directory",
    params(("id" = String, Path, description = "Organization id (UUID)")),
    responses(
        (status = 200, description = "The organization", body = Organization),
        (status = 404, description = "No such organization", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_organization(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Organization>, ApiError> {
    let id = path_id(&id, OrganizationId::parse)?;
    st.store
        .organization(id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no organization with this id"))
}

#[utoipa::path(get, path = "/api/v1/services", params(ListParams), tag = "directory",
    responses(
        (status = 200, description = "A page of services", body = PagedList<Service>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_services(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ListParams>,
) -> Result<Json<PagedList<Service>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let filter = ServiceFilter {
        organization_id: p.organization_id.map(OrganizationId),
        municipalities: municipality(p.municipality)?,
        ..Default::default()
    };
    Ok(Json(st.store.services(&filter, req).await?.into()))
}

#[utoipa::path(get, path = "/api/v1/services/{id}", tag = "directory",
    params(("id" = String, Path, description = "Service id (UUID)")),
    responses(
        (status = 200, description = "The service", body = Service),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_service(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Service>, ApiError> {
    let id = path_id(&id, ServiceId::parse)?;
    st.store
        .service(id)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no service with this id"))
}

#[utoipa::path(get, path = "/api/v1/opportunities", params(OpportunityParams), tag = "directory",
    responses(
        (status = 200, description = "A page of opportunities, open ones first", body = PagedList<Opportunity>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
async fn list_opportunities(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<OpportunityParams>,
) -> Result<Json<PagedList<Opportunity>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let filter = OpportunityFilter {
        organization_id: p.organization_id.map(OrganizationId),
        municipalities: municipality(p.municipality)?,
        kind: p.kind,
        open_only: p.open.unwrap_or(false),
        ..Default::default()
    };
    let mut list: PagedList<Opportunity> = st.store.opportunities(&filter, req).await?.into();
    let today = crate::domain::helsinki::today();
    for o in &mut list.contents {
        o.status = o.status_on(today);
    }
    Ok(Json(list))
}

#[utoipa::path(get, path = "/api/v1/opportunities/{id}", tag = "directory",
    params(("id" = String, Path, description = "Opportunity id (UUID)")),
    responses(
        (status = 200, description = "The opportunity", body = Opportunity),
        (status = 404, description = "No such opportunity", body = Problem, content_type = "application/problem+json"),
    ))]
async fn get_opportunity(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Opportunity>, ApiError> {
    let id = path_id(&id, OpportunityId::parse)?;
    let mut o = st
        .store
        .opportunity(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no opportunity with this id"))?;
    // The status as of today in Finland: past its apply-by date, a place is closed.
    o.status = o.status_on(crate::domain::helsinki::today());
    Ok(Json(o))
}
