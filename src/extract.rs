//! Extractors that pages and the API share.

use axum::extract::{FromRequestParts, MatchedPath, RawPathParams};
use axum::http::request::Parts;

/// The record id (or code) of a route: its last path parameter (`{id}`, `{code}`),
/// percent-decoded. Never refused: a handler that cannot parse it answers with its own
/// 404 (a translated page, or problem+json), so an id that is not UTF-8 reads as empty.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let id = match RawPathParams::from_request_parts(parts, s).await {
            Ok(params) => params
                .iter()
                .last()
                .map(|(_, v)| v.to_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        Ok(PathId(id))
    }
}

/// The collection a route serves, from its pattern (`/{lang}/services/{id}/report` →
/// `services`): the segment `n` of the route as it was written, never of the request.
pub fn route_segment(parts: &Parts, n: usize) -> Option<&str> {
    parts
        .extensions
        .get::<MatchedPath>()
        .and_then(|m| m.as_str().trim_start_matches('/').split('/').nth(n))
}
