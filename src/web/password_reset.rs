//! Resetting a forgotten password: asking for the link (throttled per address and per
//! account), and the form behind the link.

use super::auth::Viewer;
use super::form::{self, Field};
use super::respond::{see_other, with_status, Notice};
use super::signup::{address_keys, base, link_expired, over_limit, TokenForm, TokenQuery};
use super::{render, Ctx, PageQuery};
use crate::accounts::links;
use crate::accounts::{self, throttle, AccountError};
use crate::error::PageResult;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

/// At most this many reset requests for one e-mail address per hour (each sends a message).
const RESETS_PER_ACCOUNT: throttle::Limit = throttle::Limit {
    failures: 3,
    window: time::Duration::hours(1),
};

#[derive(Template)]
#[template(path = "password_reset/request.html")]
struct ResetPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    email: Field,
}

#[derive(Template)]
#[template(path = "password_reset/new.html")]
struct ResetNewPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    token: String,
    new_password: Field,
}

impl ResetNewPage {
    fn new(ctx: Ctx, token: &str, error: Option<String>) -> Self {
        let new_password = Field::new(&ctx, "account", "new_password", "password")
            .autocomplete("new-password")
            .required()
            .max_chars(accounts::password::MAX_CHARS)
            .error(error);
        ResetNewPage {
            title: ctx.t("reset-new-title"),
            errors: form::summary(&[&new_password]),
            token: token.to_string(),
            new_password,
            ctx,
        }
    }
}

/// Without a token: the form asking for the address. With the token of a link: the form for
/// the new password, or a page saying the link no longer works.
pub async fn form(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(q): PageQuery<TokenQuery>,
) -> PageResult {
    let lang = ctx.lang;
    if !q.token.is_empty() {
        let works = links::reset_link_works(&st.store, &q.token, OffsetDateTime::now_utc()).await?;
        if !works {
            return link_expired(&ctx);
        }
        return render(&ResetNewPage::new(ctx, &q.token, None), lang);
    }
    let email = Field::new(&ctx, "reset", "email", "email")
        .autocomplete("email")
        .required()
        .max_chars(accounts::MAX_EMAIL_CHARS);
    let page = ResetPage {
        title: ctx.t("reset-title"),
        errors: Vec::new(),
        notice: (q.done.as_deref() == Some("sent")).then(|| Notice::success(ctx.t("reset-sent"))),
        email,
        ctx,
    };
    render(&page, lang)
}

#[derive(Debug, Default, Deserialize)]
struct ResetForm {
    #[serde(default)]
    email: String,
}

pub async fn request(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    body: Bytes,
) -> PageResult {
    let f: ResetForm = form::parse(&body);
    let now = OffsetDateTime::now_utc();
    let mut keys = address_keys(&viewer, "reset");
    keys.push((
        throttle::scoped("reset", &throttle::account_key(&f.email)),
        RESETS_PER_ACCOUNT,
    ));
    if let Some(res) = over_limit(&st, &ctx, &keys, now).await? {
        return Ok(res);
    }
    let public_url = st.config.public_url();
    links::request_reset(&st.store, &f.email, base(&ctx, &public_url), now).await?;
    Ok(see_other(&ctx.url("/password-reset?done=sent"), []))
}

pub async fn save(State(st): State<AppState>, ctx: Ctx, viewer: Viewer, body: Bytes) -> PageResult {
    let f: TokenForm = form::parse(&body);
    let lang = ctx.lang;
    match links::reset_password(
        &st.store,
        &f.token,
        &f.new_password,
        OffsetDateTime::now_utc(),
    )
    .await?
    {
        Ok(user) => {
            // The link came by e-mail to the account's owner: this browser is theirs. Its
            // sign-ins now count only against its own limit, so failures from elsewhere
            // (someone guessing the password) cannot keep the owner out.
            let keys = st.keys().await?;
            let device = super::account::cookies(&st).device(keys, &viewer.trusted, user);
            Ok(see_other(&ctx.url("/login?done=reset"), [device]))
        }
        Err(AccountError::LinkExpired) => link_expired(&ctx),
        Err(e) => {
            let page = ResetNewPage::new(ctx.clone(), &f.token, Some(ctx.t(e.key())));
            Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST))
        }
    }
}
