//! An organization's members: its admin invites people by e-mail and removes members; the
//! invited person accepts with the link, signed in with the invited address.

use super::auth::{SignedIn, Viewer};
use super::form::{self, Field};
use super::manage::editable_organization;
use super::respond::{see_other, too_many_requests, wait_text, with_status, DoneQuery, Notice};
use super::{render, Ctx, PageQuery, PathId};
use crate::accounts::session::SessionToken;
use crate::accounts::{throttle, Email, Role, UserId};
use crate::error::{PageError, PageResult};
use crate::i18n::t_args;
use crate::mail::OutgoingMail;
use crate::manage::{Action, Invite, INVITE_VALID};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

/// At most this many invitations an hour from one organization.
const INVITES_PER_ORGANIZATION: throttle::Limit = throttle::Limit {
    failures: 20,
    window: time::Duration::hours(1),
};

#[derive(Template)]
#[template(path = "manage/members.html")]
struct MembersPage {
    ctx: Ctx,
    title: String,
    org_name: String,
    desk_url: String,
    action: String,
    remove_action: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    members: Vec<(String, String, String, bool)>,
    email: Field,
}

async fn members_page(
    st: &AppState,
    ctx: Ctx,
    org: &crate::domain::Organization,
    me: UserId,
    typed: &str,
    error: Option<String>,
    notice: Option<Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let users = st.store.users_of_organization(org.id).await?;
    let members = users
        .into_iter()
        .map(|u| {
            (
                u.id.to_string(),
                u.email.to_string(),
                ctx.t(&format!("role-{}", u.role.as_str())),
                u.id != me,
            )
        })
        .collect();
    let email = Field::new(&ctx, "members", "email", "email")
        .value(typed)
        .required()
        .autocomplete("off")
        .max_chars(crate::accounts::MAX_EMAIL_CHARS)
        .error(error);
    let failed = email.error.is_some();
    let page = MembersPage {
        title: ctx.t("members-title"),
        org_name: org.name.clone(),
        desk_url: ctx.url(&format!("/organizations/{}/manage", org.id)),
        action: ctx.url(&format!("/organizations/{}/members", org.id)),
        remove_action: ctx.url(&format!("/organizations/{}/members/remove", org.id)),
        errors: form::summary(&[&email]),
        notice,
        members,
        email,
        ctx,
    };
    Ok(super::render_form(&page, lang, failed))
}

pub async fn list(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditProfile).await?;
    let notice = match q.done.as_deref() {
        Some("invited") => Some(Notice::success(ctx.t("members-invited"))),
        Some("removed") => Some(Notice::success(ctx.t("members-removed"))),
        _ => None,
    };
    members_page(&st, ctx, &org, user.id, "", None, notice).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct InviteForm {
    email: String,
    user: String,
    token: String,
}

pub async fn invite(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    let org = editable_organization(&st, &user, &id, Action::EditProfile).await?;
    let f: InviteForm = form::parse(&body);
    let email = match Email::parse(&f.email) {
        Ok(e) => e,
        Err(e) => {
            let msg = Some(ctx.t(e.key()));
            return members_page(&st, ctx, &org, user.id, &f.email, msg, None).await;
        }
    };
    // An organization nobody has verified yet sends no invitations: its name is free text,
    // and mail in our name carrying it would be a phishing channel (outside test).
    if !org.verified {
        let msg = Some(ctx.t("members-error-unverified"));
        return members_page(&st, ctx, &org, user.id, &f.email, msg, None).await;
    }
    // Someone acting for the organization already (the admin themselves among them) needs
    // no invitation: say so instead of mailing them.
    let members = st.store.users_of_organization(org.id).await?;
    if members.iter().any(|m| m.email == email) {
        let msg = Some(ctx.t("members-error-already"));
        return members_page(&st, ctx, &org, user.id, &f.email, msg, None).await;
    }
    let now = OffsetDateTime::now_utc();
    let keys = [(
        throttle::scoped("invite", &org.id.to_string()),
        INVITES_PER_ORGANIZATION,
    )];
    if let Some(wait) = throttle::wait(&st.store, &keys, now).await? {
        let msg = Some(wait_text(lang, "throttled-text", wait));
        let res = members_page(&st, ctx, &org, user.id, &f.email, msg, None).await;
        return Ok(too_many_requests(res, wait));
    }
    throttle::record_failure(&st.store, &keys, now).await?;
    let token = SessionToken::new();
    let link = format!(
        "{}/{}/invite?token={}",
        st.config.public_url().trim_end_matches('/'),
        lang,
        token.as_str()
    );
    let mail = OutgoingMail::new(
        email.as_str(),
        t_args(
            lang,
            "mail-invite-subject",
            &[("organization", org.name.clone().into())],
        ),
        t_args(
            lang,
            "mail-invite-body",
            &[
                ("organization", org.name.clone().into()),
                ("link", link.into()),
            ],
        ),
    );
    let invite = Invite {
        token_hash: token.hash(),
        organization_id: org.id,
        email: email.to_string(),
        invited_by: Some(user.id),
        created_at: now,
        expires_at: now + INVITE_VALID,
    };
    st.store.create_invite(&invite, &mail).await?;
    Ok(see_other(
        &ctx.url(&format!("/organizations/{}/members?done=invited", org.id)),
        [],
    ))
}

pub async fn remove(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditProfile).await?;
    let f: InviteForm = form::parse(&body);
    let target = UserId::parse(&f.user).ok_or(PageError::bad_request())?;
    if target == user.id {
        // An admin does not remove themselves (the organization would have nobody).
        return Err(PageError::bad_request());
    }
    if !st.store.remove_from_organization(target, org.id).await? {
        return Err(PageError::not_found());
    }
    crate::accounts::audit::event("user_removed_from_organization", Some(target));
    Ok(see_other(
        &ctx.url(&format!("/organizations/{}/members?done=removed", org.id)),
        [],
    ))
}

#[derive(Template)]
#[template(path = "manage/invite.html")]
struct InvitePage {
    ctx: Ctx,
    title: String,
    text: String,
    token: Option<String>,
    signed_in: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

async fn open_invite(st: &AppState, token: &str) -> PageResult<Option<(Invite, String)>> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc();
    let Some(invite) = st.store.invite(&token.hash(), now).await? else {
        return Ok(None);
    };
    let name = st
        .store
        .organization(invite.organization_id)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(Some((invite, name)))
}

pub async fn invite_form(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    PageQuery(q): PageQuery<TokenQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let Some((invite, name)) = open_invite(&st, &q.token).await? else {
        let page = InvitePage {
            title: ctx.t("link-expired-title"),
            text: ctx.t("invite-expired"),
            token: None,
            signed_in: false,
            ctx,
        };
        return Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST));
    };
    let signed_in = viewer.user.is_some();
    let key = if signed_in {
        "invite-text"
    } else {
        "invite-sign-in-first"
    };
    let page = InvitePage {
        title: t_args(
            lang,
            "invite-title",
            &[("organization", name.clone().into())],
        ),
        text: t_args(
            lang,
            key,
            &[
                ("organization", name.into()),
                ("email", invite.email.into()),
            ],
        ),
        token: Some(q.token.clone()),
        signed_in,
        ctx,
    };
    render(&page, lang)
}

pub async fn accept(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    let f: InviteForm = form::parse(&body);
    let refuse = |key: &str| {
        let page = InvitePage {
            title: ctx.t("invite-refused-title"),
            text: ctx.t(key),
            token: None,
            signed_in: true,
            ctx: ctx.clone(),
        };
        Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST))
    };
    let Some((invite, _)) = open_invite(&st, &f.token).await? else {
        return refuse("invite-expired");
    };
    if invite.email != user.email.as_str() {
        return refuse("invite-other-address");
    }
    if user.organization_id.is_some() || user.role != Role::JobSeeker {
        return refuse("register-has-organization");
    }
    let now = OffsetDateTime::now_utc();
    if !st
        .store
        .accept_invite(&invite.token_hash, user.id, now)
        .await?
    {
        return refuse("invite-expired");
    }
    // A member now: this browser signs in again with the second factor, set up next, and
    // goes on to the desk (ASVS 5.0 6.3.3: no staff role on a password alone).
    let cookies = super::second_factor::step_up(&st, &user).await?;
    Ok(see_other(&ctx.url("/login/second-factor"), cookies))
}
