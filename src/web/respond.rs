//! How pages answer: redirects, statuses, notices, the `?done=`/`?next=` query, and the
//! layer that turns a [`PageError`] into the translated error page.

use super::Ctx;
use crate::error::{PageError, PageResult};
use crate::i18n::{t, t_args};
use askama::Template;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

/// A notice at the top of a page: `kind` is `success`, `warning` or `error`.
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: &'static str,
    pub text: String,
}

impl Notice {
    pub fn success(text: String) -> Self {
        Notice {
            kind: "success",
            text,
        }
    }
    pub fn warning(text: String) -> Self {
        Notice {
            kind: "warning",
            text,
        }
    }
}

/// A 303 to `to` that also sets `set_cookies`.
pub fn see_other(to: &str, set_cookies: impl IntoIterator<Item = HeaderValue>) -> Response {
    let mut res = Redirect::to(to).into_response();
    for c in set_cookies {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

/// Whole seconds to wait (at least one), as Retry-After counts them.
fn wait_seconds(wait: time::Duration) -> i64 {
    wait.whole_seconds().max(1)
}

/// A throttling message (`key` takes `$minutes`) with the wait rounded up to minutes.
pub fn wait_text(lang: crate::domain::Lang, key: &str, wait: time::Duration) -> String {
    let minutes = (wait_seconds(wait) + 59) / 60;
    t_args(lang, key, &[("minutes", minutes.into())])
}

/// A page answered with 429 and a Retry-After of `wait`.
pub fn too_many_requests(res: PageResult, wait: time::Duration) -> Response {
    let mut res = with_status(res, StatusCode::TOO_MANY_REQUESTS);
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait_seconds(wait)));
    res
}

pub fn with_status(res: PageResult, status: StatusCode) -> Response {
    match res {
        Ok(mut r) => {
            *r.status_mut() = status;
            r
        }
        Err(e) => e.into_response(),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    pub done: Option<String>,
    /// Where to go after signing in (see `safe_next`).
    #[serde(default)]
    pub next: Option<String>,
}

impl DoneQuery {
    /// The checked return path, if any.
    pub fn next(&self) -> Option<String> {
        self.next.as_deref().and_then(super::safe_next)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    ctx: Ctx,
    title: String,
    message: String,
}

/// The layer that renders a [`PageError`] (left by a handler, an extractor or another
/// layer as a response extension) as the error page in the language of the path, with the
/// header of whoever is signed in. Under `/api` and `/hsds` every error, and the bare ones of
/// the layers and the router (the body limit's 413, the timeout's 408, a 405), are
/// problem+json instead.
pub async fn error_pages(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let lang = super::auth::lang_of(path);
    let machine = crate::is_machine_path(path);
    let mut res = next.run(req).await;
    let kind = match res.extensions_mut().remove::<PageError>() {
        Some(err) => err.kind,
        None => match bare_error(&res) {
            Some(kind) => kind,
            None => return res,
        },
    };
    let allow = res.headers().get(header::ALLOW).cloned();
    if machine {
        let mut out = crate::error::ApiError::of(kind).into_response();
        if let Some(allow) = allow {
            out.headers_mut().insert(header::ALLOW, allow);
        }
        return out;
    }
    let ctx = match res.extensions_mut().remove::<super::auth::Viewer>() {
        Some(v) => Ctx::bare(lang).seen_by(&v),
        None => Ctx::bare(lang),
    };
    let page = ErrorPage {
        title: t(lang, &format!("{}-title", kind.key())),
        message: t(lang, &format!("{}-message", kind.key())),
        ctx,
    };
    let body = page.render().unwrap_or_else(|_| page.title.clone());
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    Response::from_parts(parts, Body::from(body))
}

/// An error answered by a layer or the router without a page of ours: the body limit's 413,
/// the timeout's 408 and a bare 405, which carry plain text or nothing.
fn bare_error(res: &Response) -> Option<crate::error::ErrorKind> {
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_none_or(|c| c.as_bytes().starts_with(b"text/plain"));
    plain
        .then(|| crate::error::ErrorKind::of_bare_status(res.status()))
        .flatten()
}
