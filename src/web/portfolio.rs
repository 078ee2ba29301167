//! The portfolio: uploading and deleting one's own items (`/me/portfolio`), and serving an
//! item (`/portfolio/{id}`) to whoever may see the person's profile.

use super::auth::SignedIn;
use super::form;
use super::people::{now, own_profile};
use super::respond::see_other;
use super::Ctx;
use crate::accounts::{User, UserId};
use crate::error::{PageError, PageResult};
use crate::people::portfolio::{check, PortfolioItem};
use crate::people::{ProfileForm, Side};
use crate::AppState;
use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

/// An item as listed: (url, caption, is an image, id).
pub struct PortfolioRow {
    pub url: String,
    pub caption: String,
    pub image: bool,
    pub id: String,
}

/// The items of `person` that `viewer` may see (see [`sight`]), as listed.
pub(super) async fn rows(
    st: &AppState,
    ctx: &Ctx,
    viewer: Option<&User>,
    person: UserId,
) -> PageResult<Vec<PortfolioRow>> {
    let sight = sight(st, viewer, person).await?;
    Ok(st
        .store
        .portfolio(person)
        .await?
        .into_iter()
        .filter(|i| sight.shows(i))
        .map(|i| PortfolioRow {
            url: ctx.url(&format!("/portfolio/{}", i.id)),
            image: i.content_type.starts_with("image/"),
            caption: i.caption,
            id: i.id,
        })
        .collect())
}

/// `POST /{lang}/me/portfolio` (multipart: `csrf`, `caption`, `file`).
pub async fn upload(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let (mut text, file) = super::attachments::read_multipart(body).await?;
    let caption = text.remove("caption").unwrap_or_default();
    let items = st.store.portfolio(user.id).await?;
    let checked = check(&caption, &file, items.len()).and_then(|(kind, caption)| {
        crate::people::portfolio::without_metadata(kind, &file)
            .map(|file| (kind, caption, file))
            .ok_or(("file", "portfolio-error-broken"))
    });
    match checked {
        Ok((kind, caption, file)) => {
            st.store
                .add_portfolio_item(
                    &PortfolioItem {
                        id: uuid::Uuid::new_v4().to_string(),
                        user_id: user.id,
                        caption,
                        content_type: kind.to_string(),
                        size: file.len() as i64,
                        created_at: now(),
                    },
                    &file,
                )
                .await?;
            Ok(see_other(&ctx.url("/me?done=saved#portfolio-title"), []))
        }
        Err((field, key)) => {
            let (p, exists) = own_profile(&st, &user).await?;
            let errors = [(field, ctx.t(key))];
            super::people::me_page(&st, &user, ctx, &ProfileForm::of(&p), exists, &errors, None)
                .await
        }
    }
}

pub async fn delete(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    if let Some(id) = form::id_field(&body, "id") {
        st.store.delete_portfolio_item(user.id, &id).await?;
    }
    Ok(see_other(&ctx.url("/me?done=saved#portfolio-title"), []))
}

/// How much of a person's work someone may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sight {
    /// Everything: the person; anyone when the profile is public; verified organizations'
    /// members when it is shown to organizations.
    All,
    /// What the person had shared when they wrote to this organization: the copy in the
    /// thread, not what they upload later behind a private profile.
    SharedUntil(time::OffsetDateTime),
    Nothing,
}

impl Sight {
    fn shows(self, item: &PortfolioItem) -> bool {
        match self {
            Sight::All => true,
            Sight::SharedUntil(t) => item.created_at <= t,
            Sight::Nothing => false,
        }
    }
}

async fn sight(st: &AppState, viewer: Option<&User>, owner: UserId) -> PageResult<Sight> {
    if viewer.is_some_and(|v| v.id == owner) {
        return Ok(Sight::All);
    }
    let Some(profile) = st.store.profile(owner).await? else {
        return Ok(Sight::Nothing);
    };
    let org = match viewer {
        Some(v) => super::talent::verified_organization(st, v).await?,
        None => None,
    };
    if profile.visible_to(org.is_some()) {
        return Ok(Sight::All);
    }
    let Some(v) = viewer else {
        return Ok(Sight::Nothing);
    };
    let Some(org) = v.organization_id.filter(|o| crate::manage::acts_for(v, *o)) else {
        return Ok(Sight::Nothing);
    };
    Ok(st
        .store
        .threads_of_person(owner)
        .await?
        .iter()
        .filter(|t| {
            t.organization_id == org && t.started_by == Side::Person && t.shared_profile.is_some()
        })
        .map(|t| t.created_at)
        .max()
        .map_or(Sight::Nothing, Sight::SharedUntil))
}

/// `GET /{lang}/portfolio/{id}`: the bytes, with the type they were recognised as, never
/// run as a page (a sandbox with nothing allowed), documents as downloads.
pub async fn serve(
    State(st): State<AppState>,
    viewer: super::auth::Viewer,
    _: Ctx, // a known language in the path, or 404
    super::PathId(id): super::PathId,
) -> PageResult {
    if uuid::Uuid::parse_str(&id).is_err() {
        return Err(PageError::not_found());
    }
    let Some((item, data)) = st.store.portfolio_item(&id).await? else {
        return Err(PageError::not_found());
    };
    if !sight(&st, viewer.user.as_ref(), item.user_id)
        .await?
        .shows(&item)
    {
        return Err(PageError::not_found());
    }
    // An organization's look at a person's work is in the person's audit, like a look at
    // their profile.
    if let Some(v) = viewer.user.as_ref().filter(|v| v.id != item.user_id) {
        st.store
            .add_profile_views(&[crate::people::ProfileView {
                person_id: item.user_id,
                viewer_id: Some(v.id),
                organization_id: v.organization_id,
                context: "portfolio".into(),
                viewed_at: now(),
            }])
            .await?;
    }
    let disposition = if item.content_type.starts_with("image/") {
        "inline".to_string()
    } else {
        "attachment; filename=\"portfolio.pdf\"".to_string()
    };
    Ok((
        [
            (header::CONTENT_TYPE, item.content_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox".to_string(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        data,
    )
        .into_response())
}
