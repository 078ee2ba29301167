//! The second step of signing in for every staff role (and job seekers who turn it on): a
//! code from an authenticator app (set up on first sign-in, with recovery codes shown once), or a
//! recovery code.

use super::account::session_cookies;
use super::auth::Viewer;
use super::form::{self, Field};
use super::respond::{see_other, too_many_requests, wait_text, with_status, DoneQuery};
use super::{render, Ctx, PageQuery};
use crate::accounts::{session, throttle, totp, User};
use crate::error::{PageError, PageResult};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;
use time::OffsetDateTime;

/// Wrong codes: at most 5 in 15 minutes for one account from one client (with the sign-in
/// limit per address).
const CODES_PER_ACCOUNT: throttle::Limit = throttle::Limit {
    failures: 5,
    window: time::Duration::minutes(15),
};

/// Wrong codes for one account from all clients together: at most 30 an hour.
const CODES_PER_ACCOUNT_ALL_CLIENTS: throttle::Limit = throttle::Limit {
    failures: 30,
    window: time::Duration::hours(1),
};

#[derive(Template)]
#[template(path = "account/second_factor.html")]
struct CodePage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    /// Set while the app is being set up: (QR code SVG, secret in groups, otpauth URL).
    setup: Option<(String, String, String)>,
    code: Field,
    /// `?next=…` for the form.
    next_q: String,
    notice: Option<super::respond::Notice>,
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct RecoveryPage {
    ctx: Ctx,
    title: String,
    codes: Vec<String>,
    /// Where "continue" goes: the return path, or the account.
    continue_url: String,
}

async fn code_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    error: Option<String>,
    next: &Option<String>,
) -> PageResult {
    code_page_with(st, ctx, user, error, next, None).await
}

/// The code page with a notice above it (an organization just registered).
async fn code_page_with(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    error: Option<String>,
    next: &Option<String>,
    notice: Option<super::respond::Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let factor = st.store.second_factor(user.id).await?;
    let setup = match factor {
        Some(f) if f.confirmed_at.is_some() => None,
        Some(f) => {
            let Some(secret) = st.totp.open(&f.secret) else {
                return Err(unreadable_secret());
            };
            let url = totp::otpauth_url(&secret, user.email.as_str());
            let svg = totp::qr_svg(&url).unwrap_or_default();
            let svg = match svg.find("<svg") {
                Some(i) => svg[i..].to_string(),
                None => svg,
            };
            let grouped = secret
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" ");
            Some((svg, grouped, url))
        }
        // The secret is made when the password step passes (a GET changes nothing).
        None => return Ok(Redirect::to(&ctx.url("/login")).into_response()),
    };
    let code = Field::new(&ctx, "second-factor", "code", "text")
        .autocomplete("one-time-code")
        .required()
        .max_chars(40)
        .error(error);
    let page = CodePage {
        title: ctx.t(if setup.is_some() {
            "second-factor-setup-title"
        } else {
            "second-factor-title"
        }),
        errors: form::summary(&[&code]),
        setup,
        code,
        next_q: super::next_query(next),
        notice,
        ctx,
    };
    render(&page, lang)
}

/// A sealed secret that this node cannot open (its `--totp-key` differs from the one it was
/// sealed with): a server error for the operator, never a way in.
fn unreadable_secret() -> PageError {
    tracing::error!("a second-factor secret cannot be opened: check --totp-key on every node");
    PageError::internal()
}

/// Whether the account has a second factor set up (its first code typed).
pub(super) async fn is_on(st: &AppState, user: &User) -> crate::store::StoreResult<bool> {
    Ok(st
        .store
        .second_factor(user.id)
        .await?
        .is_some_and(|f| f.confirmed_at.is_some()))
}

/// Whether an account that passed its password goes on to the second step: every staff
/// role, and a job seeker who has set one up.
pub(super) async fn required(st: &AppState, user: &User) -> crate::store::StoreResult<bool> {
    Ok(user.role.needs_second_factor() || is_on(st, user).await?)
}

/// A signed-in account that now needs the second factor (it became staff, or turned the
/// factor on): every session of it ends and, in this browser, one that waits for the second
/// factor begins, with an unconfirmed secret to set the app up with. The cookies to send; the caller
/// answers with a redirect to `/login/second-factor`.
pub(super) async fn step_up(
    st: &AppState,
    user: &User,
) -> PageResult<[axum::http::HeaderValue; 2]> {
    // Every session of the account ends, not only this browser's: none may go on with the
    // new role (or without the factor now asked for) on the password alone.
    st.store.end_sessions_of(user.id).await?;
    prepare(st, user).await?;
    let token = session::start_pending(&st.store, user.id, OffsetDateTime::now_utc()).await?;
    session_cookies(st, &token).await
}

/// Before the second step: an account without a secret gets a new, unconfirmed one.
pub(super) async fn prepare(st: &AppState, user: &User) -> crate::store::StoreResult<()> {
    if st.store.second_factor(user.id).await?.is_none() {
        st.store
            .set_unconfirmed_second_factor(user.id, &st.totp.seal(&totp::new_secret()))
            .await?;
    }
    Ok(())
}

pub async fn form(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let next = q.next();
    match (&viewer.user, &viewer.pending) {
        (Some(_), _) => {
            let to = next.unwrap_or_else(|| ctx.url("/account"));
            Ok(Redirect::to(&to).into_response())
        }
        (None, Some(user)) => {
            // Just registered an organization: say it exists and what comes next.
            let notice = (q.done.as_deref() == Some("registered"))
                .then(|| super::respond::Notice::success(ctx.t("register-done-second-factor")));
            code_page_with(&st, ctx, user, None, &next, notice).await
        }
        (None, None) => Ok(Redirect::to(&ctx.url("/login")).into_response()),
    }
}

#[derive(Debug, Default, Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn submit(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    let next = q.next();
    let Some(user) = viewer.pending.clone() else {
        return Ok(see_other(&ctx.url("/login"), []));
    };
    let f: CodeForm = form::parse(&body);
    let now = OffsetDateTime::now_utc();
    // Counted per account and client together: a colleague behind the same office NAT
    // typing wrong codes does not lock this person out, nor the other way round.
    let client = viewer.client.map(throttle::address_key).unwrap_or_default();
    let mut keys = vec![(
        throttle::scoped(
            "second-factor",
            &format!("{}/{client}", throttle::account_key(user.email.as_str())),
        ),
        CODES_PER_ACCOUNT,
    )];
    // A bound over all clients too, which only someone who has the password can reach.
    keys.push((
        throttle::scoped("second-factor", &throttle::account_key(user.email.as_str())),
        CODES_PER_ACCOUNT_ALL_CLIENTS,
    ));
    if let Some(ip) = viewer.client {
        keys.push((throttle::address_key(ip), throttle::PER_ADDRESS));
    }
    if let Some(wait) = throttle::wait(&st.store, &keys, now).await? {
        crate::accounts::audit::event("authn_mfa_lock", Some(user.id));
        let text = wait_text(lang, "login-error-throttled", wait);
        let page = code_page(&st, ctx, &user, Some(text), &next).await;
        return Ok(too_many_requests(page, wait));
    }
    let factor = st.store.second_factor(user.id).await?;
    let (ok, first_time) = match &factor {
        Some(fac) => {
            let Some(secret) = st.totp.open(&fac.secret) else {
                return Err(unreadable_secret());
            };
            let by_code =
                match totp::matching_step(&secret, &f.code, now.unix_timestamp(), fac.last_step) {
                    Some(step) => st.store.use_second_factor_step(user.id, step, now).await?,
                    None => false,
                };
            let by_recovery = !by_code
                && fac.confirmed_at.is_some()
                && st
                    .store
                    .use_recovery_code(user.id, &totp::recovery_hash(&f.code), now)
                    .await?;
            (by_code || by_recovery, fac.confirmed_at.is_none())
        }
        None => (false, false),
    };
    if !ok {
        throttle::record_failure(&st.store, &keys, now).await?;
        crate::accounts::audit::event("authn_mfa_fail", Some(user.id));
        let res = code_page(
            &st,
            ctx.clone(),
            &user,
            Some(ctx.t("second-factor-error")),
            &next,
        )
        .await;
        return Ok(with_status(res, StatusCode::BAD_REQUEST));
    }
    crate::accounts::audit::event(
        if first_time {
            "authn_mfa_enrolled"
        } else {
            "authn_mfa_success"
        },
        Some(user.id),
    );
    // Signed in: the waiting session ends, a full one begins.
    if let Some(old) = &viewer.session_hash {
        st.store.end_session(old).await?;
    }
    let token = session::start(&st.store, user.id, now).await?;
    let cookies = session_cookies(&st, &token).await?;
    let mut res = if first_time {
        // Recovery codes, shown this once.
        let codes = totp::new_recovery_codes();
        let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(c)).collect();
        st.store.replace_recovery_codes(user.id, &hashes).await?;
        let page = RecoveryPage {
            title: ctx.t("recovery-title"),
            codes,
            continue_url: next.unwrap_or_else(|| ctx.url("/account")),
            ctx,
        };
        render(&page, lang)?
    } else {
        see_other(&next.unwrap_or_else(|| ctx.url("/account")), [])
    };
    for c in cookies {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    Ok(res)
}
