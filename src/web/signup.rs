//! Signing up and confirming the address: the pages around the links that
//! `accounts::links` sends (resetting a password is in `password_reset`).

use super::account::EmailPassword;
use super::auth::Viewer;
use super::form::{self, Field};
use super::respond::{see_other, too_many_requests, wait_text, with_status, DoneQuery, Notice};
use super::{render, Ctx, PageQuery};
use crate::accounts::links::{self, LinkBase};
use crate::accounts::{self, throttle, AccountError};
use crate::error::PageResult;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::OffsetDateTime;

/// At most this many sign-ups or reset requests from one address per hour: each sends a
/// message.
const SENDS_PER_ADDRESS: throttle::Limit = throttle::Limit {
    failures: 10,
    window: time::Duration::hours(1),
};

pub(super) fn base<'a>(ctx: &Ctx, public_url: &'a str) -> LinkBase<'a> {
    LinkBase {
        public_url,
        lang: ctx.lang,
        next: None,
    }
}

/// Throttles what sends mail; `Some(response)` when over a limit.
pub(super) async fn over_limit(
    st: &AppState,
    ctx: &Ctx,
    keys: &[(String, throttle::Limit)],
    now: OffsetDateTime,
) -> PageResult<Option<Response>> {
    let wait = throttle::wait(&st.store, keys, now).await?;
    let Some(wait) = wait else {
        throttle::record_failure(&st.store, keys, now).await?;
        return Ok(None);
    };
    let page = MessagePage {
        title: ctx.t("throttled-title"),
        text: wait_text(ctx.lang, "throttled-text", wait),
        ctx: ctx.clone(),
    };
    Ok(Some(too_many_requests(render(&page, ctx.lang), wait)))
}

pub(super) fn address_keys(viewer: &Viewer, scope: &str) -> Vec<(String, throttle::Limit)> {
    viewer
        .client
        .map(|ip| {
            (
                throttle::scoped(scope, &throttle::address_key(ip)),
                SENDS_PER_ADDRESS,
            )
        })
        .into_iter()
        .collect()
}

#[derive(Template)]
#[template(path = "account/message.html")]
struct MessagePage {
    ctx: Ctx,
    title: String,
    text: String,
}

#[derive(Template)]
#[template(path = "account/signup.html")]
struct SignupPage {
    ctx: Ctx,
    /// `?next=…` for the form and the sign-in link.
    next_q: String,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    email: Field,
    password: Field,
}

impl SignupPage {
    fn new(ctx: Ctx, email: &str, error: Option<&AccountError>, notice: Option<Notice>) -> Self {
        let (email_error, password_error) = match error {
            Some(AccountError::Password(p)) => (None, Some(ctx.t(p.key()))),
            Some(e) => (Some(ctx.t(e.key())), None),
            None => (None, None),
        };
        let email = Field::new(&ctx, "signup", "email", "email")
            .value(email)
            .autocomplete("email")
            .required()
            .max_chars(accounts::MAX_EMAIL_CHARS)
            .error(email_error);
        let password = Field::new(&ctx, "signup", "password", "password")
            .autocomplete("new-password")
            .required()
            .max_chars(accounts::password::MAX_CHARS)
            .error(password_error);
        SignupPage {
            next_q: String::new(),
            title: ctx.t("signup-title"),
            errors: form::summary(&[&email, &password]),
            notice,
            email,
            password,
            ctx,
        }
    }
}

fn sent_notice(ctx: &Ctx, done: &Option<String>) -> Option<Notice> {
    (done.as_deref() == Some("sent")).then(|| Notice::success(ctx.t("signup-sent")))
}

pub async fn signup_form(
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    if viewer.user.is_some() {
        return Ok(Redirect::to(&ctx.url("/account")).into_response());
    }
    let notice = sent_notice(&ctx, &q.done);
    let lang = ctx.lang;
    let mut page = SignupPage::new(ctx, "", None, notice);
    page.next_q = super::next_query(&q.next());
    render(&page, lang)
}

pub async fn signup(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
    body: Bytes,
) -> PageResult {
    let next = q.next();
    let f: EmailPassword = form::parse(&body);
    let lang = ctx.lang;
    let now = OffsetDateTime::now_utc();
    if let Some(res) = over_limit(&st, &ctx, &address_keys(&viewer, "signup"), now).await? {
        return Ok(res);
    }
    let public_url = st.config.public_url();
    match links::sign_up(
        &st.store,
        &f.email,
        &f.password,
        LinkBase {
            next: next.as_deref(),
            ..base(&ctx, &public_url)
        },
        now,
    )
    .await?
    {
        Ok(()) => Ok(see_other(&ctx.url("/signup?done=sent"), [])),
        Err(e) => {
            let mut page = SignupPage::new(ctx, &f.email, Some(&e), None);
            page.next_q = super::next_query(&next);
            Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST))
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct TokenQuery {
    #[serde(default)]
    pub(super) token: String,
    #[serde(default)]
    pub(super) done: Option<String>,
    /// Where the person was going when they signed up.
    #[serde(default)]
    next: Option<String>,
}

#[derive(Template)]
#[template(path = "account/confirm.html")]
struct ConfirmPage {
    ctx: Ctx,
    title: String,
    text: String,
    action: String,
    token: String,
}

/// The link from the e-mail shows a button: a GET changes nothing (and mail scanners that
/// open links do not use them up).
pub async fn confirm_form(ctx: Ctx, PageQuery(q): PageQuery<TokenQuery>) -> PageResult {
    let lang = ctx.lang;
    let page = ConfirmPage {
        title: ctx.t("confirm-title"),
        text: ctx.t("confirm-text"),
        action: format!(
            "{}{}",
            ctx.url("/confirm"),
            super::next_query(&q.next.as_deref().and_then(super::safe_next))
        ),
        token: q.token.chars().take(64).collect(),
        ctx,
    };
    render(&page, lang)
}

/// The link sent to a new address: a button, as for confirming a first address.
pub async fn confirm_email_form(ctx: Ctx, PageQuery(q): PageQuery<TokenQuery>) -> PageResult {
    let lang = ctx.lang;
    let page = ConfirmPage {
        title: ctx.t("confirm-email-title"),
        text: ctx.t("confirm-email-text"),
        action: ctx.url("/confirm-email"),
        token: q.token.chars().take(64).collect(),
        ctx,
    };
    render(&page, lang)
}

pub async fn confirm_email(State(st): State<AppState>, ctx: Ctx, body: Bytes) -> PageResult {
    let f: TokenForm = form::parse(&body);
    if links::confirm_email_change(&st.store, &f.token, OffsetDateTime::now_utc()).await? {
        let cookies = super::auth::Cookies {
            insecure: st.config.insecure_cookies,
        };
        Ok(see_other(&ctx.url("/login?done=email"), cookies.sign_out()))
    } else {
        link_expired(&ctx)
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct TokenForm {
    #[serde(default)]
    pub(super) token: String,
    #[serde(default)]
    pub(super) new_password: String,
}

pub(super) fn link_expired(ctx: &Ctx) -> PageResult {
    let page = MessagePage {
        title: ctx.t("link-expired-title"),
        text: ctx.t(AccountError::LinkExpired.key()),
        ctx: ctx.clone(),
    };
    Ok(with_status(
        render(&page, ctx.lang),
        StatusCode::BAD_REQUEST,
    ))
}

pub async fn confirm(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
    body: Bytes,
) -> PageResult {
    let f: TokenForm = form::parse(&body);
    if links::confirm(&st.store, &f.token, OffsetDateTime::now_utc()).await? {
        // Signing in next, then on to where the person was going.
        let next = q
            .next()
            .map(|n| format!("&next={}", super::encode_component(&n)))
            .unwrap_or_default();
        Ok(see_other(
            &ctx.url(&format!("/login?done=confirmed{next}")),
            [],
        ))
    } else {
        link_expired(&ctx)
    }
}
