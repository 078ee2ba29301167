//! Kolmonen: the shared directory and portal of Finland's third-sector employment ecosystem.

pub mod accounts;
pub mod api;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod extract;
pub mod gen;
pub mod hsds;
pub mod i18n;
pub mod mail;
pub mod manage;
pub mod people;
pub mod refdata;
pub mod referrals;
pub mod search;
pub mod server;
pub mod services;
pub mod store;
pub mod vault;
pub mod web;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Router;
use std::sync::Arc;
use std::time::Duration;
use tower_http::timeout::TimeoutLayer;

pub use config::Config;
use store::DynStore;

#[derive(Clone)]
pub struct AppState {
    pub store: DynStore,
    pub config: Arc<Config>,
    pub search: Arc<search::Searcher>,
    /// Search result cards built recently (see `web::CardCache`).
    pub cards: Arc<web::CardCache>,
    /// Calendar feeds built recently (see `web::FeedCache`).
    pub feeds: Arc<web::FeedCache>,
    /// Every opportunity's matching features (see `people::matching`).
    pub matches: Arc<people::matching::MatchIndex>,
    /// The visible profiles (see `people::talent`).
    pub talent: Arc<people::talent::TalentIndex>,
    /// The server's secret key, read once (see `accounts::keys`).
    keys: Arc<tokio::sync::OnceCell<accounts::keys::Keys>>,
    /// Seals the second-factor secrets when a key is configured.
    pub totp: Arc<accounts::totp::SecretBox>,
}

impl AppState {
    pub fn new(store: DynStore, config: Config) -> Self {
        Self {
            search: Arc::new(
                search::Searcher::new(store.clone()).with_result_cache(config.search_cache),
            ),
            cards: Arc::new(web::CardCache::new(config.search_cache * 10)),
            feeds: Arc::new(web::FeedCache::new(64, 30_000)),
            matches: Arc::new(people::matching::MatchIndex::new()),
            talent: Arc::new(people::talent::TalentIndex::new()),
            keys: Arc::new(tokio::sync::OnceCell::new()),
            totp: Arc::new(accounts::totp::SecretBox::new(config.totp_key.as_deref())),
            store,
            config: Arc::new(config),
        }
    }

    /// The server's secret key: the configured one, else the one every node shares through
    /// the database.
    pub async fn keys(&self) -> store::StoreResult<&accounts::keys::Keys> {
        self.keys
            .get_or_try_init(|| {
                accounts::keys::Keys::load(&self.store, self.config.secret_key.as_deref())
            })
            .await
    }
}

/// Largest request body accepted; bigger ones get 413.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Largest body of a file upload to a record (`…/attachments`): twice the largest file, so
/// that a file a little too big gets the form's own message ("at most 8 MB"), not a bare 413.
pub const MAX_UPLOAD_BYTES: usize = 2 * domain::files::MAX_ATTACHMENT_BYTES;

/// The body limit of a path: uploads of attachments may be bigger than other forms.
pub fn body_limit(path: &str) -> usize {
    if path.ends_with("/attachments") || path.ends_with("/projects/import") {
        MAX_UPLOAD_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// Refuses a body over its path's limit (see [`body_limit`]): at once when it says its
/// length, else when it grows past the limit while read.
async fn limit_body(req: Request, next: Next) -> Response {
    let limit = body_limit(req.uri().path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = req.into_parts();
    let body = axum::body::Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}

/// The whole application; tests use the same router.
pub fn app(state: AppState) -> Router {
    route_table()
        .into_iter()
        .fold(Router::new(), |r, (path, handler)| r.route(path, handler))
        .fallback(fallback)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            web::auth::layer,
        ))
        // Outside the limits, so their bare 413 and 408 become pages (or problem+json)
        // with the security headers like every other answer.
        .layer(middleware::from_fn(limit_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(middleware::from_fn(web::respond::error_pages))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .with_state(state)
}

/// Every route of the application with its handler.
pub fn route_table() -> Vec<(&'static str, MethodRouter<AppState>)> {
    let mut routes: Vec<(&'static str, MethodRouter<AppState>)> = vec![
        ("/", get(web::home_root)),
        ("/healthz", get(healthz)),
        ("/readyz", get(readyz)),
        ("/static/style.css", get(stylesheet)),
        ("/static/copy.js", get(copy_script)),
    ];
    routes.extend(web::route_table());
    routes.extend(api::route_table());
    routes
}

/// The path patterns of every route, for tests that must cover them all.
pub fn route_patterns() -> Vec<&'static str> {
    route_table().into_iter().map(|(p, _)| p).collect()
}

async fn healthz(State(st): State<AppState>) -> Response {
    match st.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Ready to take its share of the load: the database answers and the search index is in
/// memory (a node answers searches while it loads, only more slowly, so a load balancer can
/// wait for this before sending it traffic).
async fn readyz(State(st): State<AppState>) -> Response {
    if let Err(e) = st.store.ping().await {
        tracing::error!(error = %e, "readiness check failed");
        let body = serde_json::json!({"status": "unavailable", "database": false});
        return (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response();
    }
    let (ready, loaded) = match st.search.warmth() {
        search::Warmth::Warm(n) => (true, n),
        search::Warmth::Off => (true, 0),
        search::Warmth::Loading(n) => (false, n),
        search::Warmth::Cold => (false, 0),
    };
    let body = serde_json::json!({
        "status": if ready { "ready" } else { "loading" },
        "database": true,
        "search_documents": loaded,
    });
    if ready {
        (StatusCode::OK, axum::Json(body)).into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "2")],
            axum::Json(body),
        )
            .into_response()
    }
}

const STYLESHEET: &str = include_str!("../static/style.css");
const COPY_SCRIPT: &str = include_str!("../static/copy.js");

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// The optional "copy link" script (pages work without it).
async fn copy_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        COPY_SCRIPT,
    )
        .into_response()
}

/// `path` is `prefix` or below it (`/api`, `/api/v1/…`, not `/apix`), without allocating:
/// asked on every request.
pub fn is_under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Paths answered in JSON (errors as problem+json), not pages: the API and HSDS.
pub fn is_machine_path(path: &str) -> bool {
    ["/api", "/hsds"].iter().any(|p| is_under(path, p))
}

/// Unknown paths: problem+json under /api, else a translated 404 page.
async fn fallback(req: Request) -> Response {
    if is_machine_path(req.uri().path()) {
        return error::ApiError::not_found("no such resource").into_response();
    }
    error::PageError::not_found().into_response()
}

const CSP: &str = "default-src 'none'; object-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; \
    form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The security headers of every response, errors included.
async fn security_headers(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // A handler may set a stricter policy of its own (portfolio files: a sandbox).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if st.config.hsts {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    res
}
