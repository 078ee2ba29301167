//! The Open Referral HSDS 3.0 read API under `/hsds`, as its official OpenAPI describes it.

use crate::domain::*;
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::hsds::documents::{organization_documents, rec_refs, Rec, Related};
use crate::hsds::{self, export, model as h};
use crate::refdata::REF;
use crate::store::{OpportunityFilter, Page, PageRequest, RecordRef, ServiceFilter, TermRef};
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, MethodRouter};
use axum::Json;
use serde::Deserialize;

use super::ApiQuery;

pub fn route_table() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/hsds", get(meta)),
        ("/hsds/", get(meta)),
        ("/hsds/services", get(list_services)),
        ("/hsds/services/{id}", get(get_service)),
        ("/hsds/service_at_locations", get(list_service_at_locations)),
        (
            "/hsds/service_at_locations/{id}",
            get(get_service_at_location),
        ),
        ("/hsds/organizations", get(list_organizations)),
        ("/hsds/organizations/{id}", get(get_organization)),
        ("/hsds/taxonomies", get(list_taxonomies)),
        ("/hsds/taxonomies/{id}", get(get_taxonomy)),
        ("/hsds/taxonomy_terms", get(list_taxonomy_terms)),
        ("/hsds/taxonomy_terms/{id}", get(get_taxonomy_term)),
    ]
}

/// The query parameters of the HSDS API (all optional), plus `lang`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HsdsParams {
    /// Full text search.
    search: Option<String>,
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// Only `json` is served.
    #[param(pattern = "^json$")]
    format: Option<String>,
    #[param(value_type = Option<uuid::Uuid>)]
    taxonomy_term_id: Option<String>,
    #[param(value_type = Option<uuid::Uuid>)]
    taxonomy_id: Option<String>,
    #[param(value_type = Option<uuid::Uuid>)]
    organization_id: Option<String>,
    /// RFC 3339 date-time or a date.
    #[param(value_type = Option<String>, format = DateTime)]
    modified_after: Option<String>,
    minimal: Option<bool>,
    full: Option<bool>,
    full_service: Option<bool>,
    /// Finnish postal code: records located in its municipality (an unknown one matches nothing).
    #[param(pattern = "^[0-9]{5}$")]
    postcode: Option<String>,
    /// Metres from the centre of the postcode's municipality.
    #[param(exclusive_minimum = 0)]
    proximity: Option<f64>,
    /// Accepted; every term of ours is a top term, so it filters nothing.
    #[allow(dead_code)]
    top_only: Option<bool>,
    #[param(value_type = Option<uuid::Uuid>)]
    parent_id: Option<String>,
    /// Language of the texts: fi (default), sv or en.
    #[param(value_type = Option<Lang>)]
    lang: Option<String>,
}

/// Parsed and checked parameters.
struct Query {
    lang: Lang,
    page: PageRequest,
    search: Option<String>,
    term: Option<(&'static str, String)>,
    taxonomy: Option<&'static str>,
    organization_id: Option<OrganizationId>,
    modified_after: Option<time::OffsetDateTime>,
    municipality: Option<String>,
    near: Option<(f64, f64, f64)>,
    minimal: bool,
    full: bool,
    /// A filter that no record can match (an unknown term or taxonomy).
    nothing: bool,
}

fn bad(msg: &str) -> ApiError {
    ApiError::bad_request(msg.to_string())
}

impl TryFrom<HsdsParams> for Query {
    type Error = ApiError;

    fn try_from(p: HsdsParams) -> Result<Self, ApiError> {
        let lang = lang_of(&p)?;
        if let Some(f) = p.format.as_deref() {
            if f != "json" {
                return Err(bad("only format=json is served"));
            }
        }
        let page = p.page.unwrap_or(1);
        let per_page = p.per_page.unwrap_or(20);
        if !(1..=100_000).contains(&page) || !(1..=PageRequest::MAX_PER_PAGE).contains(&per_page) {
            return Err(bad("page must be 1–100000 and per_page 1–100"));
        }
        let mut nothing = false;
        let term = match p.taxonomy_term_id.as_deref() {
            None => None,
            Some(id) => {
                uuid::Uuid::parse_str(id).map_err(|_| bad("taxonomy_term_id is not a UUID"))?;
                let found = hsds::find_term(id);
                nothing |= found.is_none();
                found
            }
        };
        let taxonomy = match p.taxonomy_id.as_deref() {
            None => None,
            Some(id) => {
                uuid::Uuid::parse_str(id).map_err(|_| bad("taxonomy_id is not a UUID"))?;
                let found = hsds::TAXONOMIES
                    .iter()
                    .copied()
                    .find(|k| hsds::taxonomy_id(k) == id);
                nothing |= found.is_none();
                found
            }
        };
        if let Some(pid) = p.parent_id.as_deref() {
            uuid::Uuid::parse_str(pid).map_err(|_| bad("parent_id is not a UUID"))?;
        }
        if let Some(metres) = p.proximity {
            if !(metres.is_finite() && metres > 0.0) {
                return Err(bad("proximity must be a positive number of metres"));
            }
        }
        let organization_id = match p.organization_id.as_deref() {
            None => None,
            Some(id) => Some(
                OrganizationId::parse(id).ok_or_else(|| bad("organization_id is not a UUID"))?,
            ),
        };
        let modified_after = match p.modified_after.as_deref() {
            None => None,
            Some(s) => Some(
                parse_time(s)
                    .ok_or_else(|| bad("modified_after must be an RFC 3339 date-time or a date"))?,
            ),
        };
        let (municipality, near) = match p.postcode.as_deref() {
            None => (None, None),
            Some(pc) => {
                let pc =
                    PostalCode::parse(pc).ok_or_else(|| bad("postcode must be five digits"))?;
                let Some(m) = REF.municipality_of_postcode(pc.as_str()) else {
                    // A well-formed postcode we do not know matches nothing.
                    return Ok(Query::empty(lang, page, per_page));
                };
                match p.proximity {
                    Some(metres) if metres.is_finite() && metres > 0.0 => {
                        (None, Some((m.latitude, m.longitude, metres)))
                    }
                    Some(_) => return Err(bad("proximity must be a positive number of metres")),
                    None => (Some(m.code.clone()), None),
                }
            }
        };
        let search = p
            .search
            .map(|s| {
                s.chars()
                    .filter(|c| !c.is_control())
                    .take(200)
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .filter(|s| !s.is_empty());
        Ok(Query {
            lang,
            page: PageRequest::new(page, per_page),
            search,
            term,
            taxonomy,
            organization_id,
            modified_after,
            municipality,
            near,
            minimal: p.minimal.unwrap_or(false),
            full: p.full.unwrap_or(false) || p.full_service.unwrap_or(false),
            nothing,
        })
    }
}

impl Query {
    fn empty(lang: Lang, page: u32, per_page: u32) -> Query {
        Query {
            lang,
            page: PageRequest::new(page, per_page),
            search: None,
            term: None,
            taxonomy: None,
            organization_id: None,
            modified_after: None,
            municipality: None,
            near: None,
            minimal: false,
            full: false,
            nothing: true,
        }
    }
}

fn parse_time(s: &str) -> Option<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    time::OffsetDateTime::parse(s, &Rfc3339).ok().or_else(|| {
        let d =
            time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
        Some(d.midnight().assume_utc())
    })
}

fn paged<T>(items: Vec<T>, total: u64, page: PageRequest) -> h::Paged<T> {
    let total_pages = total.div_ceil(u64::from(page.per_page));
    h::Paged {
        total_items: total,
        total_pages,
        page_number: u64::from(page.page),
        size: u64::from(page.per_page),
        first_page: page.page == 1,
        last_page: u64::from(page.page) >= total_pages,
        empty: items.is_empty(),
        contents: items,
    }
}

fn slice<T: Clone>(all: &[T], page: PageRequest) -> (Vec<T>, u64) {
    let start = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let items = all
        .iter()
        .skip(start)
        .take(page.per_page as usize)
        .cloned()
        .collect();
    (items, all.len() as u64)
}

#[utoipa::path(get, path = "/hsds/", tag = "hsds",
    responses(
        (status = 200, description = "HSDS API metadata: version, profile and OpenAPI address", body = serde_json::Value),
    ))]
pub(crate) async fn meta(State(st): State<AppState>) -> Json<serde_json::Value> {
    // The configured public address, not the request's Host header (which anyone can set).
    let base = st.config.public_url();
    Json(serde_json::json!({
        "version": hsds::HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "openapi_url": format!("{}/api/openapi.json", base.trim_end_matches('/')),
    }))
}

/// Filters for our services and opportunities from the HSDS query; None where the query
/// leaves that kind of record out.
fn filters(q: &Query) -> (Option<ServiceFilter>, Option<OpportunityFilter>) {
    if q.nothing {
        return (None, None);
    }
    let mut sf = ServiceFilter {
        organization_id: q.organization_id,
        municipalities: q.municipality.clone().into_iter().collect(),
        text: q.search.clone(),
        modified_after: q.modified_after,
        ..Default::default()
    };
    let mut of = OpportunityFilter {
        organization_id: q.organization_id,
        municipalities: q.municipality.clone().into_iter().collect(),
        text: q.search.clone(),
        modified_after: q.modified_after,
        ..Default::default()
    };
    let (mut services, mut opportunities) = (true, true);
    match &q.term {
        Some((tax @ ("target_group" | "topic"), code)) => {
            sf.term = Some(TermRef {
                taxonomy: tax,
                term: code.clone(),
            });
            of.term = sf.term.clone();
        }
        Some(("service_kind", code)) => {
            sf.kind = ServiceKind::parse(code);
            opportunities = false;
        }
        Some(("opportunity_type", code)) => {
            of.kind = OpportunityType::parse(code);
            services = false;
        }
        _ => {}
    }
    match q.taxonomy {
        Some(tax @ ("target_group" | "topic")) => {
            sf.taxonomy = Some(tax);
            of.taxonomy = Some(tax);
        }
        Some("service_kind") => opportunities = false,
        Some("opportunity_type") => services = false,
        _ => {}
    }
    (services.then_some(sf), opportunities.then_some(of))
}

async fn merged_services(
    st: &AppState,
    q: &Query,
    page: PageRequest,
) -> Result<(Vec<Rec>, u64), ApiError> {
    let (sf, of) = filters(q);
    let one = PageRequest::new(1, 1);
    let s_total = match &sf {
        Some(f) => st.store.services(f, one).await?.total,
        None => 0,
    };
    let o_total = match &of {
        Some(f) => st.store.opportunities(f, one).await?.total,
        None => 0,
    };
    let start = u64::try_from(page.offset()).unwrap_or(0);
    let limit = u64::from(page.per_page);
    let mut out = Vec::new();
    if let (Some(f), true) = (&sf, start < s_total) {
        let take = limit.min(s_total - start) as u32;
        out.extend(
            st.store
                .services(f, PageRequest::window(start, take))
                .await?
                .items
                .into_iter()
                .map(Rec::Service),
        );
    }
    let left = limit - out.len() as u64;
    if let (Some(f), true) = (&of, left > 0) {
        let o_start = start.saturating_sub(s_total);
        if o_start < o_total {
            let take = left.min(o_total - o_start) as u32;
            out.extend(
                st.store
                    .opportunities(f, PageRequest::window(o_start, take))
                    .await?
                    .items
                    .into_iter()
                    .map(Rec::Opportunity),
            );
        }
    }
    Ok((out, s_total + o_total))
}

/// Records near a point: the location's distance from the centre is within `metres`.
fn is_near(locs: &[&Location], near: Option<(f64, f64, f64)>) -> bool {
    let Some((lat, lon, metres)) = near else {
        return true;
    };
    locs.iter().any(|l| match (l.latitude, l.longitude) {
        (Some(a), Some(b)) => haversine_m(lat, lon, a, b) <= metres,
        _ => false,
    })
}

fn haversine_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6_371_000.0_f64;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().asin()
}

/// Proximity filters on coordinates after the other filters; it looks at this many records
/// at most (distance search proper belongs to the search index).
const MAX_PROXIMITY_SCAN: u64 = 5_000;

async fn near_services(
    st: &AppState,
    q: &Query,
    near: (f64, f64, f64),
) -> Result<(Vec<Rec>, u64), ApiError> {
    let mut all = Vec::new();
    let mut start = 0u64;
    loop {
        let (chunk, total) =
            merged_services(st, q, PageRequest::window(start, PageRequest::MAX_PER_PAGE)).await?;
        start += chunk.len() as u64;
        let done = chunk.is_empty() || start >= total.min(MAX_PROXIMITY_SCAN);
        all.extend(chunk);
        if done {
            break;
        }
    }
    let (_, loc_ids, _) = rec_refs(&all);
    let locs = st.store.locations_by_id(&loc_ids).await?;
    let kept: Vec<Rec> = all
        .into_iter()
        .filter(|r| {
            let ids: Vec<LocationId> = match r {
                Rec::Service(s) => s.location_ids.clone(),
                Rec::Opportunity(o) => o.location_id.into_iter().collect(),
            };
            let here: Vec<&Location> = locs.iter().filter(|l| ids.contains(&l.id)).collect();
            is_near(&here, Some(near))
        })
        .collect();
    let total = kept.len() as u64;
    let start = usize::try_from(q.page.offset()).unwrap_or(usize::MAX);
    Ok((
        kept.into_iter()
            .skip(start)
            .take(q.page.per_page as usize)
            .collect(),
        total,
    ))
}

#[utoipa::path(get, path = "/hsds/services", tag = "hsds",
    params(HsdsParams),
    responses(
        (status = 200, description = "Services and opportunities (opportunities travel as HSDS services), paged", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn list_services(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let q = Query::try_from(p)?;
    let (recs, total) = match q.near {
        Some(near) => near_services(&st, &q, near).await?,
        None => merged_services(&st, &q, q.page).await?,
    };
    let (orgs, locs, ids) = rec_refs(&recs);
    let related = Related::load(&st.store, &orgs, false, &locs, &ids).await?;
    let docs: Vec<serde_json::Value> = recs
        .iter()
        .map(|r| {
            let d = related.document(r, q.lang, q.full);
            if q.minimal {
                serde_json::json!({ "id": d.id, "name": d.name, "status": d.status, "last_modified": d.last_modified })
            } else {
                serde_json::to_value(d).unwrap_or_default()
            }
        })
        .collect();
    Ok(Json(
        serde_json::to_value(paged(docs, total, q.page)).unwrap_or_default(),
    ))
}

fn lang_of(p: &HsdsParams) -> Result<Lang, ApiError> {
    match p.lang.as_deref() {
        None => Ok(Lang::Fi),
        Some(l) => Lang::parse(l).ok_or_else(|| bad("lang must be fi, sv or en")),
    }
}

/// One of our services or opportunities by its id.
async fn record(st: &AppState, id: &str) -> Result<Rec, ApiError> {
    let uuid =
        uuid::Uuid::parse_str(id).map_err(|_| ApiError::not_found("no service with this id"))?;
    if let Some(s) = st.store.service(ServiceId(uuid)).await? {
        return Ok(Rec::Service(s));
    }
    if let Some(o) = st.store.opportunity(OpportunityId(uuid)).await? {
        return Ok(Rec::Opportunity(o));
    }
    Err(ApiError::not_found("no service with this id"))
}

#[utoipa::path(get, path = "/hsds/services/{id}", tag = "hsds",
    params(("id" = String, Path, description = "Record id (UUID)"), HsdsParams),
    responses(
        (status = 200, description = "One service or opportunity in the compiled (nested) form", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn get_service(
    State(st): State<AppState>,
    PathId(id): PathId,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Service>, ApiError> {
    let lang = Query::try_from(p)?.lang;
    let rec = record(&st, &id).await?;
    let (orgs, locs, ids) = rec_refs(std::slice::from_ref(&rec));
    let related = Related::load(&st.store, &orgs, false, &locs, &ids).await?;
    Ok(Json(related.document(&rec, lang, true)))
}

fn sal_document(
    sal: &crate::store::ServiceAtLocationRef,
    rec: Option<&Rec>,
    related: &Related,
    lang: Lang,
    full: bool,
) -> h::ServiceAtLocation {
    let location = related
        .locations
        .iter()
        .find(|l| l.id == sal.location_id)
        .map(|l| {
            let mut doc = export::location(l, lang);
            related.sources.location(&mut doc);
            doc
        });
    let service = if full {
        rec.map(|r| Box::new(related.document(r, lang, false)))
    } else {
        None
    };
    let service_id = match sal.record {
        RecordRef::Service(s) => s.to_string(),
        RecordRef::Opportunity(o) => o.to_string(),
    };
    h::ServiceAtLocation {
        extra: Default::default(),
        id: sal.id.clone(),
        service_id: Some(service_id),
        location_id: Some(sal.location_id.to_string()),
        description: None,
        location,
        service,
    }
}

async fn sal_records(
    st: &AppState,
    sals: &[crate::store::ServiceAtLocationRef],
) -> Result<Vec<Rec>, ApiError> {
    let mut out = Vec::new();
    for sal in sals {
        let rec = match sal.record {
            RecordRef::Service(s) => st.store.service(s).await?.map(Rec::Service),
            RecordRef::Opportunity(o) => st.store.opportunity(o).await?.map(Rec::Opportunity),
        };
        out.extend(rec);
    }
    Ok(out)
}

#[utoipa::path(get, path = "/hsds/service_at_locations", tag = "hsds",
    params(HsdsParams),
    responses(
        (status = 200, description = "Services at their locations, paged", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn list_service_at_locations(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Paged<h::ServiceAtLocation>>, ApiError> {
    let q = Query::try_from(p)?;
    let page = st
        .store
        .service_at_locations(q.organization_id, q.page)
        .await?;
    let recs = sal_records(&st, &page.items).await?;
    let (orgs, mut locs, ids) = rec_refs(&recs);
    locs.extend(page.items.iter().map(|s| s.location_id));
    let related = Related::load(&st.store, &orgs, false, &locs, &ids).await?;
    let docs = page
        .items
        .iter()
        .map(|sal| {
            let rec = recs.iter().find(|r| r.is(sal.record));
            sal_document(sal, rec, &related, q.lang, q.full)
        })
        .collect();
    Ok(Json(paged(docs, page.total, page.request)))
}

#[utoipa::path(get, path = "/hsds/service_at_locations/{id}", tag = "hsds",
    params(("id" = String, Path, description = "Record id (UUID)"), HsdsParams),
    responses(
        (status = 200, description = "One service at a location, compiled", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn get_service_at_location(
    State(st): State<AppState>,
    PathId(id): PathId,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::ServiceAtLocation>, ApiError> {
    let lang = Query::try_from(p)?.lang;
    // Ids are UUIDs; anything else (NUL bytes included) never reaches the database.
    let id = uuid::Uuid::parse_str(&id)
        .map_err(|_| ApiError::not_found("no service_at_location with this id"))?
        .to_string();
    let sal = st
        .store
        .service_at_location(&id)
        .await?
        .ok_or_else(|| ApiError::not_found("no service_at_location with this id"))?;
    let recs = sal_records(&st, std::slice::from_ref(&sal)).await?;
    let (orgs, mut locs, ids) = rec_refs(&recs);
    locs.push(sal.location_id);
    let related = Related::load(&st.store, &orgs, false, &locs, &ids).await?;
    Ok(Json(sal_document(&sal, recs.first(), &related, lang, true)))
}

#[utoipa::path(get, path = "/hsds/organizations", tag = "hsds",
    params(HsdsParams),
    responses(
        (status = 200, description = "Organizations, paged", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn list_organizations(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Paged<h::Organization>>, ApiError> {
    let q = Query::try_from(p)?;
    let filter = crate::store::OrganizationFilter {
        municipalities: q.municipality.clone().into_iter().collect(),
        ..Default::default()
    };
    let page = if q.nothing {
        Page {
            items: Vec::new(),
            total: 0,
            request: q.page,
        }
    } else {
        st.store.organizations(&filter, q.page).await?
    };
    let docs = organization_documents(&st.store, &page.items, q.lang, q.full).await?;
    Ok(Json(paged(docs, page.total, page.request)))
}

#[utoipa::path(get, path = "/hsds/organizations/{id}", tag = "hsds",
    params(("id" = String, Path, description = "Record id (UUID)"), HsdsParams),
    responses(
        (status = 200, description = "One organization with its services, compiled", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn get_organization(
    State(st): State<AppState>,
    PathId(id): PathId,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Organization>, ApiError> {
    let lang = Query::try_from(p)?.lang;
    let id = OrganizationId::parse(&id)
        .ok_or_else(|| ApiError::not_found("no organization with this id"))?;
    let o = st
        .store
        .organization(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no organization with this id"))?;
    let mut docs = organization_documents(&st.store, std::slice::from_ref(&o), lang, true).await?;
    docs.pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no organization with this id"))
}

#[utoipa::path(get, path = "/hsds/taxonomies", tag = "hsds",
    params(HsdsParams),
    responses(
        (status = 200, description = "Kolmonen's taxonomies", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn list_taxonomies(
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Paged<h::Taxonomy>>, ApiError> {
    let q = Query::try_from(p)?;
    let all = hsds::taxonomies(q.lang);
    let (items, total) = slice(&all, q.page);
    Ok(Json(paged(items, total, q.page)))
}

#[utoipa::path(get, path = "/hsds/taxonomies/{id}", tag = "hsds",
    params(("id" = String, Path, description = "Record id (UUID)"), HsdsParams),
    responses(
        (status = 200, description = "One taxonomy", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn get_taxonomy(
    PathId(id): PathId,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Taxonomy>, ApiError> {
    let lang = Query::try_from(p)?.lang;
    hsds::taxonomies(lang)
        .into_iter()
        .find(|t| t.id == id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no taxonomy with this id"))
}

#[utoipa::path(get, path = "/hsds/taxonomy_terms", tag = "hsds",
    params(HsdsParams),
    responses(
        (status = 200, description = "Terms of our taxonomies, paged", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn list_taxonomy_terms(
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::Paged<h::TaxonomyTerm>>, ApiError> {
    let parent = p.parent_id.clone();
    let q = Query::try_from(p)?;
    let mut all = hsds::taxonomy_terms(q.lang);
    if let Some(tax) = q.taxonomy {
        let id = hsds::taxonomy_id(tax);
        all.retain(|t| t.taxonomy_id.as_deref() == Some(id.as_str()));
    }
    if q.nothing {
        all.clear();
    }
    if let Some(s) = &q.search {
        let s = s.to_lowercase();
        all.retain(|t| {
            t.name.to_lowercase().contains(&s) || t.description.to_lowercase().contains(&s)
        });
    }
    // Our taxonomies are flat: every term is a top term (so top_only keeps them all) and
    // none has a parent.
    if parent.is_some() {
        all.clear();
    }
    let (items, total) = slice(&all, q.page);
    Ok(Json(paged(items, total, q.page)))
}

#[utoipa::path(get, path = "/hsds/taxonomy_terms/{id}", tag = "hsds",
    params(("id" = String, Path, description = "Record id (UUID)"), HsdsParams),
    responses(
        (status = 200, description = "One taxonomy term", body = serde_json::Value),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record", body = Problem, content_type = "application/problem+json"),
    ))]
pub(crate) async fn get_taxonomy_term(
    PathId(id): PathId,
    ApiQuery(p): ApiQuery<HsdsParams>,
) -> Result<Json<h::TaxonomyTerm>, ApiError> {
    let lang = Query::try_from(p)?.lang;
    let mut term = hsds::taxonomy_terms(lang)
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| ApiError::not_found("no taxonomy term with this id"))?;
    term.taxonomy_detail = term
        .taxonomy_id
        .as_ref()
        .and_then(|tid| hsds::taxonomies(lang).into_iter().find(|t| &t.id == tid));
    Ok(Json(term))
}
