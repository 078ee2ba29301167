//! Who is asking, and whether a form really comes from our own page.
//!
//! Every page request goes through [`layer`]: it reads the session cookie and signs the
//! account in (see `accounts::session`), and for every request that may change something
//! (anything but GET, HEAD and OPTIONS) it demands
//! - a same-origin request: `Sec-Fetch-Site` is `same-origin` or `none` when the browser
//!   sends it, and `Origin`, when sent, is one of the configured origins (the public URL;
//!   never whatever the `Host` header claims); and
//! - a form field `csrf` that, for a signed-in session (or one waiting for its second
//!   factor), is the server key's HMAC of that session, so no other session's token passes;
//!   without a session, equal to the CSRF cookie (a double-submit token; the cookie is
//!   `__Host-` prefixed, so no other site or subdomain can plant one). It comes in an
//!   `application/x-www-form-urlencoded` body or, for forms with a file, a
//!   `multipart/form-data` one (any other body is refused).
//!
//! Otherwise the answer is 403 and the handler never runs. Pages for a signed-in account are
//! never cached (`Cache-Control: no-store`).

use crate::accounts::device::{self, Trusted};
use crate::accounts::keys::Keys;
use crate::accounts::session::{self, SessionToken};
use crate::accounts::{Attempt, User};
use crate::domain::Lang;
use crate::error::{ErrorKind, PageError, PageResult};
use crate::AppState;
use axum::body::Body;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::net::{IpAddr, SocketAddr};
use time::OffsetDateTime;

/// The name of the form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf";

/// Cookie names and attributes. `insecure` (only `serve --insecure-cookies`) drops `Secure`
/// and the `__Host-` prefix so that plain-HTTP testing works; nothing else changes.
#[derive(Debug, Clone, Copy)]
pub struct Cookies {
    pub insecure: bool,
}

impl Cookies {
    pub fn session_name(self) -> &'static str {
        if self.insecure {
            "kolmonen-session"
        } else {
            "__Host-kolmonen-session"
        }
    }

    pub fn csrf_name(self) -> &'static str {
        if self.insecure {
            "kolmonen-csrf"
        } else {
            "__Host-kolmonen-csrf"
        }
    }

    /// A `Set-Cookie` value; `max_age` in seconds, `Some(0)` to delete, `None` for a cookie
    /// that ends with the browser session.
    pub fn set(self, name: &str, value: &str, max_age: Option<i64>) -> HeaderValue {
        let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if !self.insecure {
            c.push_str("; Secure");
        }
        if let Some(age) = max_age {
            c.push_str(&format!("; Max-Age={age}"));
        }
        HeaderValue::from_str(&c).expect("cookie values are ASCII")
    }

    pub fn device_name(self) -> &'static str {
        if self.insecure {
            "kolmonen-device"
        } else {
            "__Host-kolmonen-device"
        }
    }

    /// The cookies that sign an account in: a new session, and the CSRF token bound to it.
    pub fn sign_in(self, token: &SessionToken, keys: &Keys) -> [HeaderValue; 2] {
        [
            self.set(
                self.session_name(),
                token.as_str(),
                Some(session::ABSOLUTE.whole_seconds()),
            ),
            self.set(
                self.csrf_name(),
                &keys.csrf_for_session(&token.hash()),
                None,
            ),
        ]
    }

    /// The device cookie after a sign-in to `user` (see `accounts::device`).
    pub fn device(
        self,
        keys: &Keys,
        known: &[Trusted],
        user: crate::accounts::UserId,
    ) -> HeaderValue {
        self.set(
            self.device_name(),
            &device::after_sign_in(keys, known, user),
            Some(device::MAX_AGE_SECONDS),
        )
    }

    /// The cookies that sign out: the session deleted, the CSRF token renewed.
    pub fn sign_out(self) -> [HeaderValue; 2] {
        [
            self.set(self.session_name(), "", Some(0)),
            self.set(self.csrf_name(), SessionToken::new().as_str(), None),
        ]
    }
}

/// The value of one cookie in a request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Who is asking, as the auth layer found out: the signed-in account, if any, and the CSRF
/// token to put into forms.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: Option<User>,
    /// An account past its password, waiting for the second factor (not signed in).
    pub pending: Option<User>,
    pub csrf: String,
    /// The hash of the session's token, to end it on sign-out.
    pub session_hash: Option<String>,
    pub client: Option<IpAddr>,
    /// The accounts this browser has signed in to before (its device cookie).
    pub trusted: Vec<Trusted>,
    /// Conversations with an unread message from the other side (pages only; see
    /// `Store::unread_threads`).
    pub unread: u64,
}

/// Conversations with a message this account has not read: a person's own, or for an
/// organization's people, the organization's.
pub async fn unread_of(store: &crate::store::DynStore, u: &User) -> crate::store::StoreResult<u64> {
    if u.role == crate::accounts::Role::JobSeeker {
        return store.unread_threads(u.id, None).await;
    }
    match u.organization_id {
        Some(o) => store.unread_threads(u.id, Some(o)).await,
        None => Ok(0),
    }
}

impl Viewer {
    /// A password typed by this viewer, for throttling.
    pub fn attempt(&self) -> Attempt {
        Attempt {
            client: self.client,
            trusted: self.trusted.clone(),
        }
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Paths outside the pages: the API and static files use no cookies.
fn without_cookies(path: &str) -> bool {
    ["/api", "/hsds", "/static", "/healthz", "/readyz"]
        .iter()
        .any(|p| crate::is_under(path, p))
}

/// The browser says the request comes from one of our own pages (or from the person, typing
/// an address); requests from tools that send neither header pass on to the token check.
fn same_origin(headers: &HeaderMap, origins: &[String]) -> bool {
    let site_ok = match headers.get("sec-fetch-site").map(|v| v.to_str()) {
        None => true,
        Some(Ok(v)) => v == "same-origin" || v == "none",
        Some(Err(_)) => false,
    };
    let origin_ok = match headers.get(header::ORIGIN).map(|v| v.to_str()) {
        None => true,
        Some(Ok(origin)) => origins
            .iter()
            .any(|o| o.eq_ignore_ascii_case(origin.trim_end_matches('/'))),
        Some(Err(_)) => false,
    };
    site_ok && origin_ok
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// A text field of a `multipart/form-data` body (forms with a file).
async fn multipart_field(
    body: &axum::body::Bytes,
    content_type: &str,
    name: &str,
) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let body = body.clone();
    let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(body) });
    let mut parts = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = parts.next_field().await {
        if field.name() == Some(name) {
            return field.text().await.ok();
        }
    }
    None
}

pub(super) fn lang_of(path: &str) -> Lang {
    path.trim_start_matches('/')
        .split('/')
        .next()
        .and_then(Lang::parse)
        .unwrap_or(Lang::Fi)
}

/// The middleware: see the module documentation.
pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if without_cookies(&path) {
        return next.run(req).await;
    }
    let cookies = Cookies {
        insecure: st.config.insecure_cookies,
    };
    let keys = match st.keys().await {
        Ok(k) => k.clone(),
        Err(e) => return PageError::from(e).into_response(),
    };
    let csrf_cookie = cookie(req.headers(), cookies.csrf_name()).map(str::to_string);
    let trusted = cookie(req.headers(), cookies.device_name())
        .map(|c| device::read(&keys, c))
        .unwrap_or_default();
    let session_cookie = cookie(req.headers(), cookies.session_name()).map(str::to_string);
    let (resumed, session_hash) = match &session_cookie {
        None => (None, None),
        Some(token) => match session::resume(&st.store, token, OffsetDateTime::now_utc()).await {
            Ok(Some(r)) => (Some(r), SessionToken::parse(token).map(|t| t.hash())),
            Ok(None) => (None, None),
            Err(e) => return PageError::from(e).into_response(),
        },
    };
    // A live session's forms carry its own token; without one, the double-submit cookie's.
    let csrf = match &session_hash {
        Some(hash) => keys.csrf_for_session(hash),
        None => csrf_cookie
            .as_deref()
            .and_then(SessionToken::parse)
            .map(|t| t.as_str().to_string())
            .unwrap_or_else(|| SessionToken::new().as_str().to_string()),
    };
    let mut req = req;
    if !is_safe(req.method()) {
        if !same_origin(req.headers(), &st.config.origins()) {
            crate::accounts::audit::refused("csrf_origin_fail", None, "cross-origin form");
            return PageError::forbidden().into_response();
        }
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let form = content_type.starts_with("application/x-www-form-urlencoded");
        let multipart = content_type.starts_with("multipart/form-data");
        let (parts, body) = req.into_parts();
        let bytes = match axum::body::to_bytes(body, crate::body_limit(parts.uri.path())).await {
            Ok(b) => b,
            Err(_) => return PageError::new(ErrorKind::PayloadTooLarge).into_response(),
        };
        let field = if form {
            form_field(&bytes, CSRF_FIELD)
        } else if multipart {
            multipart_field(&bytes, &content_type, CSRF_FIELD).await
        } else {
            None
        };
        // Without a session the token must also be the cookie the browser holds; with one,
        // it must be that session's.
        let cookie_ok = session_hash.is_some() || csrf_cookie.as_deref() == Some(csrf.as_str());
        let token_ok = cookie_ok && field.is_some_and(|f| session::same_secret(&csrf, &f));
        if !token_ok {
            crate::accounts::audit::refused("csrf_token_fail", None, "form without its token");
            return PageError::forbidden().into_response();
        }
        req = Request::from_parts(parts, Body::from(bytes));
    }
    let (user, pending) = match resumed {
        Some(session::Resumed::SignedIn(u)) => (Some(u), None),
        Some(session::Resumed::Pending(u)) => (None, Some(u)),
        None => (None, None),
    };
    let forwarded = st
        .config
        .trust_proxy
        .then(|| {
            req.headers()
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|a| a.trim().parse::<IpAddr>().ok())
        })
        .flatten();
    let client = forwarded.or_else(|| {
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
    });
    let signed_in = user.is_some() || pending.is_some();
    // The header's "new messages": for pages a person reads (not the API, not forms sent).
    let page = Lang::parse(req.uri().path().split('/').nth(1).unwrap_or("")).is_some();
    let unread = match &user {
        Some(u) if page && is_safe(req.method()) => match unread_of(&st.store, u).await {
            Ok(n) => n,
            Err(e) => return PageError::from(e).into_response(),
        },
        _ => 0,
    };
    let viewer = Viewer {
        unread,
        user,
        pending,
        csrf: csrf.clone(),
        session_hash,
        client,
        trusted,
    };
    req.extensions_mut().insert(viewer.clone());
    let mut res = next.run(req).await;
    if res.extensions().get::<PageError>().is_some()
        || ErrorKind::of_bare_status(res.status()).is_some()
    {
        // The error page (`respond::error_pages`, outside this layer) shows the same header
        // as the other pages: who is signed in, and their unread messages.
        res.extensions_mut().insert(viewer);
    }
    let sets = |res: &Response, name: &str| {
        res.headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(format!("{name}=").as_bytes()))
    };
    // A calendar feed is read by calendar programs, not forms: no cookie, so it may be cached.
    let calendar = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/calendar"));
    if csrf_cookie.as_deref() != Some(csrf.as_str())
        && !sets(&res, cookies.csrf_name())
        && !calendar
    {
        // The cookie mirrors the token the forms carry (the session's own when signed in).
        let v = cookies.set(cookies.csrf_name(), &csrf, None);
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    if session_cookie.is_some() && !signed_in && !sets(&res, cookies.session_name()) {
        // The session has ended: the browser may forget it.
        let v = cookies.set(cookies.session_name(), "", Some(0));
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    if signed_in || res.headers().contains_key(header::SET_COOKIE) {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = PageError;

    /// The layer leaves no viewer only on the paths it does not serve (`/api`, `/hsds`,
    /// `/static`, the health checks): a page route matched there (`/api/me` as
    /// `/{lang}/me`) is no page, so 404.
    async fn from_request_parts(parts: &mut Parts, _: &S) -> PageResult<Self> {
        parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .ok_or(PageError::not_found())
    }
}

/// A signed-in account; without one, the page answers with a redirect to the sign-in form.
pub struct SignedIn(pub User, pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Response> {
        let viewer = Viewer::from_request_parts(parts, s)
            .await
            .map_err(IntoResponse::into_response)?;
        match viewer.user.clone() {
            Some(user) => Ok(SignedIn(user, viewer)),
            None => {
                let lang = lang_of(parts.uri.path());
                // A page opened while signed out comes back after signing in (a form
                // sent is not repeated: it comes back to the sign-in form's default).
                let here = match parts.uri.path_and_query() {
                    Some(p) if parts.method == axum::http::Method::GET => p.as_str(),
                    _ => "",
                };
                Err(Redirect::to(&super::login_url(lang, here)).into_response())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_host_only_and_secure_unless_told() {
        let c = Cookies { insecure: false };
        let v = c.set(c.session_name(), "abc", Some(60));
        assert_eq!(
            v.to_str().unwrap(),
            "__Host-kolmonen-session=abc; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=60"
        );
        let i = Cookies { insecure: true };
        let v = i.set(i.csrf_name(), "abc", None);
        assert_eq!(
            v.to_str().unwrap(),
            "kolmonen-csrf=abc; Path=/; HttpOnly; SameSite=Lax"
        );
    }

    #[test]
    fn cookies_are_read_from_every_header() {
        let mut h = HeaderMap::new();
        h.append(header::COOKIE, HeaderValue::from_static("a=1; b=2"));
        h.append(header::COOKIE, HeaderValue::from_static("c=3"));
        assert_eq!(cookie(&h, "b"), Some("2"));
        assert_eq!(cookie(&h, "c"), Some("3"));
        assert_eq!(cookie(&h, "d"), None);
    }

    #[test]
    fn only_our_own_pages_may_post() {
        let origins = vec!["https://kolmonen.fi".to_string()];
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, HeaderValue::from_static("kolmonen.fi"));
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            same_origin(&h, &origins)
        };
        assert!(with(&[]));
        assert!(with(&[("sec-fetch-site", "same-origin")]));
        assert!(with(&[("origin", "https://kolmonen.fi")]));
        assert!(!with(&[("sec-fetch-site", "cross-site")]));
        assert!(!with(&[("sec-fetch-site", "same-site")]));
        assert!(!with(&[("origin", "https://evil.example")]));
        assert!(!with(&[("origin", "null")]));
        assert!(!with(&[("origin", "https://kolmonen.fi.evil.example")]));
        assert!(!with(&[("origin", "http://kolmonen.fi")]), "another scheme");
        // The Host header names nothing: a request for evil.example from evil.example is
        // still not from our pages.
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("evil.example"));
        h.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&h, &origins));
    }

    #[test]
    fn tokens_compare_whole() {
        use crate::accounts::session::same_secret;
        assert!(same_secret("abcd", "abcd"));
        assert!(!same_secret("abcd", "abce"));
        assert!(!same_secret("abcd", "abc"));
        assert!(!same_secret("", "a"));
    }
}
