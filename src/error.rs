//! The error at the edge: a translated HTML page or an RFC 9457 problem+json answer.

use crate::domain::Lang;
use crate::i18n::t;
use crate::store::StoreError;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// What went wrong, independent of how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    BadRequest,
    Internal,
    Unavailable,
    /// Not allowed: a form without a valid CSRF token, or another organization's record.
    Forbidden,
    PayloadTooLarge,
    MethodNotAllowed,
    /// The request took longer than the server waits.
    Timeout,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Timeout => StatusCode::REQUEST_TIMEOUT,
        }
    }
    /// The kind of an error that a layer or the router answers with a bare body (the body
    /// limit's 413, the timeout's 408, a 405): `web::respond::error_pages` gives it a page.
    pub fn of_bare_status(status: StatusCode) -> Option<Self> {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => Some(ErrorKind::PayloadTooLarge),
            StatusCode::REQUEST_TIMEOUT => Some(ErrorKind::Timeout),
            StatusCode::METHOD_NOT_ALLOWED => Some(ErrorKind::MethodNotAllowed),
            _ => None,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::Internal => "error-internal",
            ErrorKind::Unavailable => "error-unavailable",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::PayloadTooLarge => "error-too-large",
            ErrorKind::MethodNotAllowed => "error-method",
            ErrorKind::Timeout => "error-timeout",
        }
    }
}

fn log_store_error(e: &StoreError) {
    tracing::error!(error = %e, "store error");
}

/// An error shown as an HTML page in the visitor's language. Handlers return
/// [`PageResult`] and use `?` on store calls; the page itself is rendered by
/// `web::respond::error_pages`, the layer that knows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageError {
    pub kind: ErrorKind,
}

/// What a page handler returns.
pub type PageResult<T = Response> = Result<T, PageError>;

impl PageError {
    pub fn new(kind: ErrorKind) -> Self {
        Self { kind }
    }
    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound)
    }
    pub fn bad_request() -> Self {
        Self::new(ErrorKind::BadRequest)
    }
    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden)
    }
    pub fn internal() -> Self {
        Self::new(ErrorKind::Internal)
    }
    /// The key of the translated title (`…-title`) and message (`…-message`).
    pub fn key(self) -> &'static str {
        self.kind.key()
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        log_store_error(&e);
        Self::internal()
    }
}

impl IntoResponse for PageError {
    /// The status and the error itself as a response extension; `web::error_pages`
    /// replaces the empty body with the translated page.
    fn into_response(self) -> Response {
        let mut res = (
            self.kind.status(),
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        )
            .into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// An error of the JSON API as `application/problem+json`.
#[derive(Debug)]
pub struct ApiError {
    pub kind: ErrorKind,
    pub detail: String,
}

impl ApiError {
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::NotFound,
            detail: detail.into(),
        }
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::BadRequest,
            detail: detail.into(),
        }
    }
    /// An error of any kind, explained in English (the API's language).
    pub fn of(kind: ErrorKind) -> Self {
        Self {
            kind,
            detail: t(Lang::En, &format!("{}-message", kind.key())),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        log_store_error(&e);
        Self {
            kind: ErrorKind::Internal,
            detail: t(Lang::En, "error-internal-message"),
        }
    }
}

/// RFC 9457 problem details.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let problem = Problem {
            type_: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: self.detail,
        };
        let body = serde_json::to_string(&problem).unwrap_or_default();
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}
