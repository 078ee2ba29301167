//! `GET /api/v1/networks` and `/api/v1/networks/{id}`: networks with their area and their
//! member organizations (those a coordinator accepted; requests waiting are not public).

use super::{path_id, ApiQuery};
use crate::domain::networks::{MemberState, Network};
use crate::domain::NetworkId;
use crate::error::{ApiError, Problem};
use crate::extract::PathId;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

/// A member organization of a network.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkMember {
    /// The organization's id (`/api/v1/organizations/{id}`).
    pub id: String,
    pub name: String,
    /// When a coordinator accepted it (RFC 3339).
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub member_since: Option<OffsetDateTime>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkResponse {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Municipality codes of its area.
    pub municipalities: Vec<String>,
    pub members: Vec<NetworkMember>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

async fn response(st: &AppState, n: Network) -> Result<NetworkResponse, ApiError> {
    let mut members = Vec::new();
    let memberships: Vec<_> = st
        .store
        .network_members(n.id)
        .await?
        .into_iter()
        .filter(|m| m.state == MemberState::Member)
        .collect();
    let ids: Vec<_> = memberships.iter().map(|m| m.organization_id).collect();
    let orgs = st.store.organizations_by_id(&ids).await?;
    for m in memberships {
        if let Some(o) = orgs.iter().find(|o| o.id == m.organization_id) {
            members.push(NetworkMember {
                id: o.id.to_string(),
                name: o.name.clone(),
                member_since: m.decided_at,
            });
        }
    }
    members.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(NetworkResponse {
        id: n.id.to_string(),
        name: n.name,
        description: n.description,
        municipalities: n.municipalities,
        members,
        updated_at: n.updated_at,
    })
}

#[utoipa::path(get, path = "/api/v1/networks", tag = "networks",
    responses((status = 200, description = "Every network, by name", body = Vec<NetworkResponse>)))]
pub async fn list_networks(
    State(st): State<AppState>,
) -> Result<Json<Vec<NetworkResponse>>, ApiError> {
    let mut out = Vec::new();
    for n in st.store.networks().await? {
        out.push(response(&st, n).await?);
    }
    Ok(Json(out))
}

#[utoipa::path(get, path = "/api/v1/networks/{id}", tag = "networks",
    params(("id" = String, Path, description = "Network id (UUID)")),
    responses(
        (status = 200, description = "The network", body = NetworkResponse),
        (status = 404, description = "No such network", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_network(
    State(st): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<NetworkResponse>, ApiError> {
    let id = path_id(&id, NetworkId::parse)?;
    let n = st
        .store
        .network(id)
        .await?
        .ok_or_else(|| ApiError::not_found("no network with this id"))?;
    Ok(Json(response(&st, n).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnsubscribeQuery {
    /// The secret from the subscription's own link.
    pub token: String,
}

/// The subscription of a link's secret, or 404.
async fn subscription(
    st: &AppState,
    token: &str,
) -> Result<crate::domain::networks::Subscription, ApiError> {
    crate::services::digests::subscription_of_link(&st.store, token)
        .await?
        .ok_or_else(|| ApiError::not_found("no subscription with this token"))
}

/// RFC 8058 one-click unsubscription from a network's digest: mail programs POST
/// `List-Unsubscribe=One-Click` here (the body is not needed), without cookies; the link's
/// secret is the permission.
#[utoipa::path(post, path = "/api/v1/networks/unsubscribe", tag = "networks",
    params(UnsubscribeQuery),
    responses(
        (status = 204, description = "Unsubscribed"),
        (status = 400, description = "No token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No subscription with this token (or unsubscribed already)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unsubscribe(
    State(st): State<AppState>,
    ApiQuery(q): ApiQuery<UnsubscribeQuery>,
) -> Result<axum::http::StatusCode, ApiError> {
    let s = subscription(&st, &q.token).await?;
    st.store.delete_subscription(s.id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The one-click address opened as a link (a mail program that cannot POST, or a person):
/// nothing changes on a GET (mail scanners open links); it leads to the subscriber's own page
/// with its one button.
#[utoipa::path(get, path = "/api/v1/networks/unsubscribe", tag = "networks",
    params(UnsubscribeQuery),
    responses(
        (status = 303, description = "To the subscriber's page, in their language"),
        (status = 400, description = "No token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No subscription with this token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unsubscribe_page(
    State(st): State<AppState>,
    ApiQuery(q): ApiQuery<UnsubscribeQuery>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let s = subscription(&st, &q.token).await?;
    let to = format!(
        "/{}/networks/subscription?{}",
        s.lang,
        serde_urlencoded::to_string([("token", q.token.trim())]).unwrap_or_default()
    );
    Ok((
        axum::http::StatusCode::SEE_OTHER,
        [(axum::http::header::LOCATION, to)],
    )
        .into_response())
}
