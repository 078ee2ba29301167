//! The error at the edge: a translated HTML page or an RFC 9457 problem+json answer.

use crate::domain::Lang;
use crate::i18n::t;
use crate::store::StoreError;
use askama::Template;
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
        }
    }
    fn key(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "error-not-found",
            ErrorKind::BadRequest => "error-bad-request",
            ErrorKind::Internal => "error-internal",
            ErrorKind::Unavailable => "error-unavailable",
            ErrorKind::Forbidden => "error-forbidden",
            ErrorKind::PayloadTooLarge => "error-too-large",
            ErrorKind::MethodNotAllowed => "error-method",
        }
    }
}

fn log_store_error(e: &StoreError) {
    tracing::error!(error = %e, "store error");
}

/// An error shown as an HTML page in the visitor's language.
#[derive(Debug)]
pub struct PageError {
    pub lang: Lang,
    pub kind: ErrorKind,
}

impl PageError {
    pub fn not_found(lang: Lang) -> Self {
        Self {
            lang,
            kind: ErrorKind::NotFound,
        }
    }
    pub fn bad_request(lang: Lang) -> Self {
        Self {
            lang,
            kind: ErrorKind::BadRequest,
        }
    }
    pub fn forbidden(lang: Lang) -> Self {
        Self {
            lang,
            kind: ErrorKind::Forbidden,
        }
    }
    pub fn store(lang: Lang) -> impl FnOnce(StoreError) -> Self {
        move |e| {
            log_store_error(&e);
            Self {
                lang,
                kind: ErrorKind::Internal,
            }
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: crate::web::Ctx,
    title: String,
    message: String,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let ctx = crate::web::Ctx::bare(self.lang);
        let page = ErrorPage {
            title: t(self.lang, &format!("{}-title", self.kind.key())),
            message: t(self.lang, &format!("{}-message", self.kind.key())),
            ctx,
        };
        let body = page.render().unwrap_or_else(|_| page.title.clone());
        (
            self.kind.status(),
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            body,
        )
            .into_response()
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
