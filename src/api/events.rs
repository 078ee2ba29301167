//! `GET /api/v1/events` and `/api/v1/events/{id}`: events with their organizers, times in
//! Europe/Helsinki (as RFC 3339 instants), recurrence as an RRULE, every occurrence, and how
//! many places are left. Who signed up is never here.

use super::{page_request, path_id, ApiQuery, PagedList};
use crate::domain::events::{Event, SignupState};
use crate::domain::{ical, EventId, NetworkId, OrganizationId};
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::refdata::REF;
use crate::store::{EventQuery, Page};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Serialize, ToSchema)]
pub struct EventOrganizer {
    /// The organization's id (`/api/v1/organizations/{id}`).
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventOccurrence {
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub starts_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub ends_at: OffsetDateTime,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventResponse {
    pub id: String,
    /// The iCalendar UID (stable).
    pub uid: String,
    /// network_meeting, workshop, recruitment_fair, open_day, training or other.
    pub kind: String,
    pub title: String,
    pub description: String,
    /// The first is the lead organizer.
    pub organizers: Vec<EventOrganizer>,
    pub network_id: Option<String>,
    pub location_id: Option<String>,
    pub place: String,
    /// Municipality code.
    pub municipality: Option<String>,
    pub online_url: Option<String>,
    /// The first occurrence.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub starts_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub ends_at: OffsetDateTime,
    /// RFC 5545 RRULE value when it repeats (local time Europe/Helsinki).
    pub rrule: Option<String>,
    /// Days the series skips (Finnish dates, YYYY-MM-DD).
    pub exceptions: Vec<String>,
    /// Every occurrence, in order (exceptions left out).
    pub occurrences: Vec<EventOccurrence>,
    pub occurrence_count: usize,
    /// Target group ids.
    pub audience: Vec<String>,
    pub languages: Vec<String>,
    /// Empty when free.
    pub cost: String,
    pub accessibility: String,
    pub capacity: Option<u32>,
    /// Places left for sign-up; null when there is no limit or no sign-up.
    pub places_left: Option<u32>,
    /// Sign-up through Kolmonen.
    pub signup: bool,
    pub cancelled: bool,
    /// Raised on every change (iCalendar SEQUENCE).
    pub sequence: u32,
    /// The event's page (Finnish; /sv/ and /en/ likewise).
    pub url: String,
    pub calendar_url: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    #[param(minimum = 1, maximum = 100000)]
    page: Option<u32>,
    /// Items per page, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u32>,
    /// Municipality code or name.
    municipality: Option<String>,
    network_id: Option<uuid::Uuid>,
    organization_id: Option<uuid::Uuid>,
    /// A target group id; an unknown one matches nothing.
    audience: Option<String>,
    /// `upcoming` (default: not yet ended, by start), `past` (ended, latest first) or `all`.
    past: Option<PastParam>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PastParam {
    Upcoming,
    Past,
    All,
}

async fn responses(st: &AppState, events: Vec<Event>) -> Result<Vec<EventResponse>, ApiError> {
    let mut ids: Vec<OrganizationId> = events.iter().flat_map(|e| e.organizers.clone()).collect();
    ids.sort();
    ids.dedup();
    let orgs = st.store.organizations_by_id(&ids).await?;
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let places_left = match (e.signup, e.capacity) {
            (true, Some(c)) => {
                let going = st
                    .store
                    .signups(e.id)
                    .await?
                    .iter()
                    .filter(|s| s.state == SignupState::Going)
                    .count() as u32;
                Some(c.saturating_sub(going))
            }
            _ => None,
        };
        let occurrences: Vec<EventOccurrence> = e
            .occurrences()
            .into_iter()
            .map(|o| EventOccurrence {
                starts_at: o.starts_at,
                ends_at: o.ends_at,
            })
            .collect();
        out.push(EventResponse {
            id: e.id.to_string(),
            uid: ical::uid(&e),
            kind: e.kind.as_str().to_string(),
            organizers: e
                .organizers
                .iter()
                .filter_map(|id| orgs.iter().find(|o| o.id == *id))
                .map(|o| EventOrganizer {
                    id: o.id.to_string(),
                    name: o.name.clone(),
                })
                .collect(),
            network_id: e.network_id.map(|n| n.to_string()),
            location_id: e.location_id.map(|l| l.to_string()),
            rrule: e.rrule(),
            exceptions: e
                .recurrence
                .as_ref()
                .map(|r| r.exceptions.iter().map(|d| d.to_string()).collect())
                .unwrap_or_default(),
            occurrence_count: occurrences.len(),
            occurrences,
            places_left,
            url: format!("/fi/events/{}", e.id),
            calendar_url: format!("/fi/events/{}/calendar.ics", e.id),
            title: e.title,
            description: e.description,
            place: e.place,
            municipality: e.municipality_code,
            online_url: e.online_url,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            audience: e.audience,
            languages: e.languages,
            cost: e.cost,
            accessibility: e.accessibility,
            capacity: e.capacity,
            signup: e.signup,
            cancelled: e.cancelled,
            sequence: e.sequence,
            updated_at: e.updated_at,
        });
    }
    Ok(out)
}

#[utoipa::path(get, path = "/api/v1/events", params(EventParams), tag = "network",
    responses(
        (status = 200, description = "A page of events: upcoming by start, past by end (latest first)", body = PagedList<EventResponse>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_events(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<EventParams>,
) -> Result<Json<PagedList<EventResponse>>, ApiError> {
    let req = page_request(p.page, p.per_page)?;
    let now = OffsetDateTime::now_utc();
    let mut q = EventQuery {
        network: p.network_id.map(NetworkId),
        organization: p.organization_id.map(OrganizationId),
        limit: req.per_page,
        offset: (req.page - 1).saturating_mul(req.per_page),
        include_cancelled: true,
        ..EventQuery::default()
    };
    if let Some(m) = p
        .municipality
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        q.municipality = Some(
            REF.find_municipality(m)
                .map_or_else(|| "000".to_string(), |m| m.code.clone()),
        );
    }
    if let Some(a) = p
        .audience
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        // An unknown target group matches nothing (as an unknown municipality does).
        q.audience = Some(if REF.taxonomies.target_group(a).is_some() {
            a.to_string()
        } else {
            "-".to_string()
        });
    }
    match p.past.unwrap_or(PastParam::Upcoming) {
        PastParam::Upcoming => q.ends_after = Some(now),
        PastParam::Past => q.ended_before = Some(now),
        PastParam::All => {}
    }
    let total = st.store.count_events(&q).await?;
    let items = responses(&st, st.store.events(&q).await?).await?;
    Ok(Json(
        Page {
            items,
            total,
            request: req,
        }
        .into(),
    ))
}

#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "network",
    params(("id" = String, Path, description = "Event id (UUID)")),
    responses(
        (status = 200, description = "The event", body = EventResponse),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_event(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<EventResponse>, ApiError> {
    let id = path_id(&id, EventId::parse)?;
    let e = st
        .store
        .event(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no event with this id"))?;
    let mut out = responses(&st, vec![e]).await?;
    out.pop()
        .map(Json)
        .ok_or_else(|| ApiError::not_found("no event with this id"))
}
