//! Saved searches (`/me/searches`) and stopping an alert from the e-mail without signing in
//! (`/unsubscribe`).

use super::auth::SignedIn;
use super::form;
use super::people::now;
use super::respond::{see_other, DoneQuery, Notice};
use super::{render, Ctx, PageQuery};
use crate::accounts::session::SessionToken;
use crate::accounts::Role;
use crate::error::{PageError, PageResult};
use crate::people::alerts::{describe, MAX_PER_PERSON, MAX_QUERY};
use crate::people::SavedSearch;
use crate::search::SearchParams;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "people/searches.html")]
struct SearchesPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    error: Option<String>,
    /// (id, label, search url)
    rows: Vec<(String, String, String)>,
}

async fn searches_page(
    st: &AppState,
    ctx: Ctx,
    user: &crate::accounts::User,
    notice: Option<Notice>,
    error: Option<String>,
) -> PageResult {
    let lang = ctx.lang;
    let saved = st.store.saved_searches_of(user.id).await?;
    let rows = saved
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                describe(s, lang),
                format!("{}?{}", ctx.url("/search"), s.query),
            )
        })
        .collect();
    let refused = error.is_some();
    let page = SearchesPage {
        title: ctx.t("alerts-title"),
        notice,
        error,
        rows,
        ctx,
    };
    Ok(super::render_form(&page, lang, refused))
}

pub async fn list(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let notice = match q.done.as_deref() {
        Some("saved") => Some(Notice::success(ctx.t("alerts-saved"))),
        Some("deleted") => Some(Notice::success(ctx.t("alerts-deleted"))),
        _ => None,
    };
    searches_page(&st, ctx, &user, notice, None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SaveForm {
    query: String,
}

/// `POST /{lang}/me/searches`: keeps a search (its query string) for daily alerts.
pub async fn save(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    if user.role != Role::JobSeeker {
        return Err(PageError::forbidden());
    }
    let f: SaveForm = form::parse(&body);
    let query = f.query.trim();
    let params: Option<SearchParams> = serde_urlencoded::from_str(query).ok();
    let valid = query.len() <= MAX_QUERY && params.is_some_and(|p| p.check(lang).1.is_empty());
    if !valid {
        let e = ctx.t("alerts-error-query");
        return searches_page(&st, ctx, &user, None, Some(e)).await;
    }
    let mine = st.store.saved_searches_of(user.id).await?;
    if mine.iter().any(|s| s.query == query) {
        return Ok(see_other(&ctx.url("/me/searches?done=saved"), []));
    }
    if mine.len() >= MAX_PER_PERSON {
        let e = ctx.t("alerts-error-too-many");
        return searches_page(&st, ctx, &user, None, Some(e)).await;
    }
    let at = now();
    let id = uuid::Uuid::new_v4().to_string();
    let keys = st.keys().await?;
    st.store
        .add_saved_search(&SavedSearch {
            unsubscribe_token: crate::people::alerts::unsubscribe_hash(keys, &id),
            id,
            user_id: user.id,
            query: query.to_string(),
            lang,
            checked_at: at,
            created_at: at,
        })
        .await?;
    Ok(see_other(&ctx.url("/me/searches?done=saved"), []))
}

pub async fn delete(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    if let Some(id) = form::id_field(&body, "id") {
        st.store.delete_saved_search(user.id, &id).await?;
    }
    Ok(see_other(&ctx.url("/me/searches?done=deleted"), []))
}

#[derive(Template)]
#[template(path = "people/unsubscribe.html")]
struct UnsubscribePage {
    ctx: Ctx,
    title: String,
    token: String,
    done: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

/// `GET /{lang}/unsubscribe?token=…`: one button, no sign-in (a GET never changes anything:
/// mail scanners open links).
pub async fn unsubscribe_form(ctx: Ctx, PageQuery(q): PageQuery<TokenQuery>) -> PageResult {
    let lang = ctx.lang;
    render(
        &UnsubscribePage {
            title: ctx.t("alerts-unsubscribe-title"),
            token: q.token.chars().take(100).collect(),
            done: false,
            ctx,
        },
        lang,
    )
}

/// `POST /{lang}/unsubscribe`: stops the alert. The same answer whether or not the token
/// named one (it may have been stopped already).
pub async fn unsubscribe(State(st): State<AppState>, ctx: Ctx, body: Bytes) -> PageResult {
    let lang = ctx.lang;
    let f: TokenQuery = form::parse(&body);
    if let Some(token) = SessionToken::parse(f.token.trim()) {
        // Kept hashed; an alert from before that, until its next digest, as it was.
        if !st.store.unsubscribe(&token.hash()).await? {
            st.store.unsubscribe(token.as_str()).await?;
        }
    }
    render(
        &UnsubscribePage {
            title: ctx.t("alerts-unsubscribe-title"),
            token: String::new(),
            done: true,
            ctx,
        },
        lang,
    )
}
