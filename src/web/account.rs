//! Signing in and out, and one's own account: change of password, deletion.

use super::auth::{Cookies, SignedIn, Viewer};
use super::form::{self, Field};
use super::respond::{see_other, too_many_requests, wait_text, with_status, DoneQuery, Notice};
use super::{render, Ctx, PageQuery};
use crate::accounts::{self, links, session, throttle, AccountError, Role, SignIn, User};
use crate::error::{PageError, PageResult};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use time::OffsetDateTime;

pub(super) fn cookies(st: &AppState) -> Cookies {
    Cookies {
        insecure: st.config.insecure_cookies,
    }
}

/// The cookies that sign a new session in (see `Cookies::sign_in`), with the server key
/// its CSRF token is bound with.
pub(super) async fn session_cookies(
    st: &AppState,
    token: &session::SessionToken,
) -> PageResult<[HeaderValue; 2]> {
    let keys = st.keys().await?;
    Ok(cookies(st).sign_in(token, keys))
}

/// What to tell a person whose account form was refused: a throttled one with the wait.
pub(super) fn error_text(ctx: &Ctx, e: &AccountError) -> String {
    match e {
        AccountError::Throttled(wait) => wait_text(ctx.lang, "login-error-throttled", *wait),
        e => ctx.t(e.key()),
    }
}

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginPage {
    ctx: Ctx,
    /// `?next=…` for the form and the sign-up link.
    next_q: String,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    email: Field,
    password: Field,
    /// Refused for too many tries: the owner is told how to get in at once.
    throttled: bool,
}

impl LoginPage {
    fn new(ctx: Ctx, email: &str, error: Option<String>, notice: Option<Notice>) -> Self {
        let email = Field::new(&ctx, "login", "email", "email")
            .value(email)
            .autocomplete("username")
            .required()
            .max_chars(accounts::MAX_EMAIL_CHARS)
            .error(error);
        let password = Field::new(&ctx, "login", "password", "password")
            .autocomplete("current-password")
            .required()
            .max_chars(accounts::password::MAX_CHARS);
        LoginPage {
            next_q: String::new(),
            title: ctx.t("login-title"),
            errors: form::summary(&[&email]),
            notice,
            email,
            password,
            throttled: false,
            ctx,
        }
    }
}

fn done_notice(ctx: &Ctx, done: &Option<String>) -> Option<Notice> {
    let key = match done.as_deref() {
        Some("password") => "account-password-changed",
        Some("deleted") => "account-deleted",
        Some("email-sent") => "account-email-sent",
        Some("email") => "login-email-changed",
        Some("sessions") => "account-sessions-ended",
        Some("signed-out") => "login-signed-out",
        Some("confirmed") => "login-confirmed",
        Some("reset") => "login-reset",
        _ => return None,
    };
    Some(Notice::success(ctx.t(key)))
}

pub async fn login_form(
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    if viewer.user.is_some() {
        let to = q.next().unwrap_or_else(|| ctx.url("/account"));
        return Ok(Redirect::to(&to).into_response());
    }
    let notice = done_notice(&ctx, &q.done);
    let lang = ctx.lang;
    let mut page = LoginPage::new(ctx, "", None, notice);
    page.next_q = super::next_query(&q.next());
    render(&page, lang)
}

/// The fields of the sign-in and sign-up forms.
#[derive(Debug, Default, Deserialize)]
pub(super) struct EmailPassword {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub password: String,
}

pub async fn login(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<DoneQuery>,
    body: Bytes,
) -> Response {
    let f: EmailPassword = form::parse(&body);
    let next = q.next();
    let next_q = super::next_query(&next);
    let lang = ctx.lang;
    let now = OffsetDateTime::now_utc();
    let outcome =
        match accounts::sign_in(&st.store, &f.email, &f.password, &viewer.attempt(), now).await {
            Ok(o) => o,
            Err(e) => return PageError::from(e).into_response(),
        };
    let keys = match st.keys().await {
        Ok(k) => k,
        Err(e) => return PageError::from(e).into_response(),
    };
    let refuse = |key: &str, status| {
        let mut page = LoginPage::new(ctx.clone(), &f.email, Some(ctx.t(key)), None);
        page.next_q = next_q.clone();
        with_status(render(&page, lang), status)
    };
    match outcome {
        SignIn::Done(user) => {
            // Staff, and job seekers who turned it on, go on to the second factor; their
            // session signs nobody in until then.
            let pending = match super::second_factor::required(&st, &user).await {
                Ok(p) => p,
                Err(e) => return PageError::from(e).into_response(),
            };
            let started = if pending {
                if let Err(e) = super::second_factor::prepare(&st, &user).await {
                    return PageError::from(e).into_response();
                }
                session::start_pending(&st.store, user.id, now).await
            } else {
                session::start(&st.store, user.id, now).await
            };
            let token = match started {
                Ok(t) => t,
                Err(e) => return PageError::from(e).into_response(),
            };
            if let Some(old) = &viewer.session_hash {
                // A new session on sign-in: a token planted before it is worth nothing.
                if let Err(e) = st.store.end_session(old).await {
                    return PageError::from(e).into_response();
                }
            }
            // On to where the person was going (after the second factor, if any).
            let to = if pending {
                format!("{}{next_q}", ctx.url("/login/second-factor"))
            } else {
                next.clone().unwrap_or_else(|| ctx.url("/account"))
            };
            // This browser is now known to the account: its own mistakes no longer count
            // against the account's limit (see `accounts::device`).
            let device = cookies(&st).device(keys, &viewer.trusted, user.id);
            let set = cookies(&st)
                .sign_in(&token, keys)
                .into_iter()
                .chain([device]);
            see_other(&to, set)
        }
        SignIn::Refused => refuse("login-error-refused", StatusCode::BAD_REQUEST),
        SignIn::Unconfirmed(user) => {
            // The right password: a new link, at most three an hour.
            let keys = [(
                throttle::scoped("confirm", &throttle::account_key(user.email.as_str())),
                throttle::Limit {
                    failures: 3,
                    window: time::Duration::hours(1),
                },
            )];
            let public_url = st.config.public_url();
            let base = links::LinkBase {
                public_url: &public_url,
                lang,
                next: None,
            };
            let resend = async {
                if throttle::wait(&st.store, &keys, now).await?.is_none() {
                    throttle::record_failure(&st.store, &keys, now).await?;
                    links::send_confirmation(&st.store, &user, base, now).await?;
                }
                Ok::<_, crate::store::StoreError>(())
            };
            if let Err(e) = resend.await {
                return PageError::from(e).into_response();
            }
            refuse("login-error-unconfirmed", StatusCode::BAD_REQUEST)
        }
        SignIn::Throttled(wait) => {
            let text = wait_text(lang, "login-error-throttled", wait);
            let mut page = LoginPage::new(ctx.clone(), &f.email, Some(text), None);
            page.next_q = next_q.clone();
            page.throttled = true;
            too_many_requests(render(&page, lang), wait)
        }
    }
}

pub async fn logout(State(st): State<AppState>, ctx: Ctx, viewer: Viewer) -> Response {
    accounts::audit::event("session_logout", viewer.user.as_ref().map(|u| u.id));
    if let Some(hash) = &viewer.session_hash {
        if let Err(e) = st.store.end_session(hash).await {
            return PageError::from(e).into_response();
        }
    }
    see_other(&ctx.url("/login?done=signed-out"), cookies(&st).sign_out())
}

#[derive(Template)]
#[template(path = "account/show.html")]
struct AccountPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    email: String,
    role: String,
    organization: Option<(String, String)>,
    /// What this account can go on to do: (label, url).
    links: Vec<(String, String)>,
    current_password: Field,
    new_password: Field,
    delete_password: Field,
    new_email: Field,
    email_password: Field,
    /// (started, last used, is this browser)
    sessions: Vec<(String, String, bool)>,
    sessions_password: Field,
    /// Whether the account signs in with a second factor already.
    second_factor_on: bool,
    /// The password field of the form that turns it on (job seekers without one).
    second_factor_password: Option<Field>,
}

/// Which form on the account page an error belongs to.
enum AccountForm {
    Password(AccountError),
    Delete(AccountError),
    /// With the new address as typed, to show it again.
    Email(AccountError, String),
    Sessions(AccountError),
    SecondFactor(AccountError),
}

impl AccountForm {
    fn error(&self) -> &AccountError {
        match self {
            AccountForm::Password(e)
            | AccountForm::Delete(e)
            | AccountForm::Email(e, _)
            | AccountForm::Sessions(e)
            | AccountForm::SecondFactor(e) => e,
        }
    }
}

async fn account_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    current_session: Option<&str>,
    notice: Option<Notice>,
    failed: Option<AccountForm>,
) -> PageResult {
    let lang = ctx.lang;
    let organization = match user.organization_id {
        None => None,
        Some(id) => st
            .store
            .organizations_by_id(&[id])
            .await?
            .pop()
            .map(|o| (o.name, ctx.url(&format!("/organizations/{id}")))),
    };
    let (mut current_error, mut new_error, mut delete_error) = (None, None, None);
    let (mut email_error, mut email_password_error) = (None, None);
    let mut sessions_error = None;
    let mut second_factor_error = None;
    let text = |e: &AccountError| error_text(&ctx, e);
    match &failed {
        Some(AccountForm::Password(e @ AccountError::Throttled(_))) => {
            current_error = Some(text(e))
        }
        Some(AccountForm::Email(e @ AccountError::Throttled(_), _)) => {
            email_password_error = Some(text(e))
        }
        Some(AccountForm::Password(AccountError::WrongPassword)) => {
            current_error = Some(ctx.t(AccountError::WrongPassword.key()))
        }
        Some(AccountForm::Password(e)) => new_error = Some(ctx.t(e.key())),
        Some(AccountForm::Delete(e)) => delete_error = Some(text(e)),
        Some(AccountForm::Email(AccountError::WrongPassword, _)) => {
            email_password_error = Some(ctx.t(AccountError::WrongPassword.key()))
        }
        Some(AccountForm::Email(e, _)) => email_error = Some(ctx.t(e.key())),
        Some(AccountForm::Sessions(e)) => sessions_error = Some(text(e)),
        Some(AccountForm::SecondFactor(e)) => second_factor_error = Some(text(e)),
        None => {}
    }
    let pw = |name, autocomplete, error| {
        Field::new(&ctx, "account", name, "password")
            .autocomplete(autocomplete)
            .required()
            .max_chars(accounts::password::MAX_CHARS)
            .error(error)
    };
    let current_password = pw("current_password", "current-password", current_error);
    let new_password = pw("new_password", "new-password", new_error);
    let delete_password = pw("delete_password", "current-password", delete_error);
    let email_password = pw("email_password", "current-password", email_password_error);
    let sessions_password = pw("sessions_password", "current-password", sessions_error);
    let second_factor_on = super::second_factor::is_on(st, user).await?;
    let second_factor_password = (!second_factor_on).then(|| {
        pw(
            "second_factor_password",
            "current-password",
            second_factor_error,
        )
    });
    let now = OffsetDateTime::now_utc();
    // In Finnish time, as every time on the pages.
    let when = crate::domain::helsinki::format;
    let sessions = st
        .store
        .sessions_of(user.id)
        .await?
        .into_iter()
        .filter(|s| s.is_live(now) && !s.second_factor_pending)
        .map(|s| {
            let mine = current_session == Some(s.token_hash.as_str());
            (when(s.created_at), when(s.last_seen_at), mine)
        })
        .collect();
    let typed_email = match &failed {
        Some(AccountForm::Email(_, typed)) => typed.as_str(),
        _ => "",
    };
    let new_email = Field::new(&ctx, "account", "new_email", "email")
        .value(typed_email)
        .autocomplete("email")
        .required()
        .max_chars(accounts::MAX_EMAIL_CHARS)
        .error(email_error);
    let mut links = Vec::new();
    match (user.role, user.organization_id) {
        (Role::JobSeeker, None) => {
            links.push((ctx.t("nav-me"), ctx.url("/me")));
            links.push((ctx.t("nav-matches"), ctx.url("/me/matches")));
            links.push((ctx.t("nav-messages"), ctx.url("/me/messages")));
            links.push((ctx.t("nav-saved-searches"), ctx.url("/me/searches")));
            links.push((ctx.t("audit-title"), ctx.url("/me/audit")));
            links.push((ctx.t("path-title"), ctx.url("/me/path")));
            links.push((ctx.t("referrals-title"), ctx.url("/referrals")));
            links.push((ctx.t("consents-title"), ctx.url("/me/consents")));
            links.push((ctx.t("claim-title"), ctx.url("/claim")));
            links.push((
                ctx.t("account-register-link"),
                ctx.url("/organizations/register"),
            ));
        }
        (_, Some(id)) => {
            links.push((
                ctx.t("account-desk-link"),
                ctx.url(&format!("/organizations/{id}/manage")),
            ));
            links.push((
                ctx.t("nav-interests"),
                ctx.url(&format!("/organizations/{id}/interests")),
            ));
            links.push((ctx.t("nav-talent"), ctx.url("/talent")));
            if crate::referrals::coach_of(user).is_some() {
                links.push((ctx.t("referrals-title"), ctx.url("/referrals")));
                links.push((ctx.t("clients-title"), ctx.url("/clients")));
            }
            if matches!(user.role, Role::OrganizationAdmin | Role::PlatformAdmin) {
                links.push((
                    ctx.t("account-edit-organization"),
                    ctx.url(&format!("/organizations/{id}/edit")),
                ));
            }
        }
        _ => {}
    }
    if matches!(user.role, Role::NetworkCoordinator | Role::PlatformAdmin) {
        links.push((ctx.t("account-queue-link"), ctx.url("/admin/organizations")));
        links.push((ctx.t("reports-title"), ctx.url("/admin/reports")));
    }
    if user.role == Role::DataProtectionOfficer {
        links.push((ctx.t("admin-audit-title"), ctx.url("/admin/audit")));
    }
    let page = AccountPage {
        title: ctx.t("account-title"),
        links,
        errors: form::summary(
            &[
                &current_password,
                &new_password,
                &new_email,
                &email_password,
                &sessions_password,
                &delete_password,
            ]
            .into_iter()
            .chain(second_factor_password.as_ref())
            .collect::<Vec<_>>(),
        ),
        notice,
        email: user.email.to_string(),
        role: ctx.t(&format!("role-{}", user.role.as_str())),
        organization,
        current_password,
        new_password,
        delete_password,
        new_email,
        email_password,
        sessions,
        sessions_password,
        second_factor_on,
        second_factor_password,
        ctx,
    };
    Ok(super::render_form(&page, lang, failed.is_some()))
}

pub async fn account_show(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let notice = done_notice(&ctx, &q.done);
    account_page(
        &st,
        ctx,
        &user,
        viewer.session_hash.as_deref(),
        notice,
        None,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

pub async fn account_password(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: PasswordForm = form::parse(&body);
    match accounts::change_password(
        &st.store,
        &user,
        &f.current_password,
        &f.new_password,
        &viewer.attempt(),
    )
    .await?
    {
        Ok(()) => {
            // Every other session has ended; this browser gets a new one.
            let token = session::start(&st.store, user.id, OffsetDateTime::now_utc()).await?;
            Ok(see_other(
                &ctx.url("/account?done=password"),
                session_cookies(&st, &token).await?,
            ))
        }
        Err(e) => refused_form(&st, ctx, &user, &viewer, AccountForm::Password(e)).await,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct EmailForm {
    new_email: String,
    email_password: String,
}

pub async fn account_email(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: EmailForm = form::parse(&body);
    let lang = ctx.lang;
    let public_url = st.config.public_url();
    let base = links::LinkBase {
        public_url: &public_url,
        lang,
        next: None,
    };
    match links::request_email_change(
        &st.store,
        &user,
        &f.new_email,
        &f.email_password,
        base,
        &viewer.attempt(),
        OffsetDateTime::now_utc(),
    )
    .await?
    {
        Ok(()) => Ok(see_other(&ctx.url("/account?done=email-sent"), [])),
        Err(e) => {
            let failed = AccountForm::Email(e, f.new_email.clone());
            refused_form(&st, ctx, &user, &viewer, failed).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SessionsForm {
    sessions_password: String,
}

/// Signs the account out everywhere else, once the password is typed again.
pub async fn account_sessions(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: SessionsForm = form::parse(&body);
    let now = OffsetDateTime::now_utc();
    if let Err(e) = accounts::recheck_password(
        &st.store,
        &user,
        &f.sessions_password,
        &viewer.attempt(),
        now,
    )
    .await?
    {
        return refused_form(&st, ctx, &user, &viewer, AccountForm::Sessions(e)).await;
    }
    st.store.end_sessions_of(user.id).await?;
    accounts::audit::event("session_end_others", Some(user.id));
    let token = session::start(&st.store, user.id, now).await?;
    Ok(see_other(
        &ctx.url("/account?done=sessions"),
        session_cookies(&st, &token).await?,
    ))
}

#[derive(Debug, Default, Deserialize)]
struct DeleteForm {
    #[serde(default)]
    delete_password: String,
}

/// Deletes the account and everything about it when the password is right (the answer
/// signs the browser out), or says what was wrong.
pub(super) async fn delete_for_good(
    st: &AppState,
    ctx: &Ctx,
    user: &User,
    viewer: &Viewer,
    password: &str,
) -> PageResult<Result<Response, AccountError>> {
    // The events where the account holds a place: their waiting lists move up after.
    let holding: Vec<crate::domain::EventId> = st
        .store
        .signups_of_user(user.id)
        .await?
        .iter()
        .filter(|s| s.state == crate::domain::events::SignupState::Going)
        .map(|s| s.event_id)
        .collect();
    let deleted = accounts::delete_account(&st.store, user, password, &viewer.attempt()).await?;
    if deleted.is_ok() {
        crate::services::events::fill_freed_places(
            &st.store,
            st.keys().await?,
            &st.config.public_url(),
            &holding,
        )
        .await?;
    }
    Ok(deleted.map(|()| see_other(&ctx.url("/login?done=deleted"), cookies(st).sign_out())))
}

pub async fn account_delete(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: DeleteForm = form::parse(&body);
    match delete_for_good(&st, &ctx, &user, &viewer, &f.delete_password).await? {
        Ok(done) => Ok(done),
        Err(e) => refused_form(&st, ctx, &user, &viewer, AccountForm::Delete(e)).await,
    }
}

/// The account page again after one of its forms was refused: 400 with the error at its
/// field, or 429 with `Retry-After` when passwords are being guessed.
async fn refused_form(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    viewer: &Viewer,
    failed: AccountForm,
) -> PageResult {
    let wait = match failed.error() {
        AccountError::Throttled(w) => Some(*w),
        _ => None,
    };
    let session = viewer.session_hash.as_deref();
    let page = account_page(st, ctx, user, session, None, Some(failed)).await;
    Ok(match wait {
        Some(w) => too_many_requests(page, w),
        None => page?,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SecondFactorForm {
    second_factor_password: String,
}

/// Turns the second factor on (for a job seeker; staff have it already): with the password
/// typed again, this browser's session becomes one that waits for the second factor, and
/// the authenticator app is set up on the next page as at a staff member's first sign-in.
pub async fn account_second_factor(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: SecondFactorForm = form::parse(&body);
    let now = OffsetDateTime::now_utc();
    if let Err(e) = accounts::recheck_password(
        &st.store,
        &user,
        &f.second_factor_password,
        &viewer.attempt(),
        now,
    )
    .await?
    {
        return refused_form(&st, ctx, &user, &viewer, AccountForm::SecondFactor(e)).await;
    }
    if super::second_factor::is_on(&st, &user).await? {
        return Ok(see_other(&ctx.url("/account"), []));
    }
    let cookies = super::second_factor::step_up(&st, &user).await?;
    Ok(see_other(&ctx.url("/login/second-factor"), cookies))
}
