//! The talent pool for verified organizations' members (`/talent`), a person's profile page
//! (`/people/{id}`) and an organization's first message to a person.

use super::auth::SignedIn;
use super::form::{self, Field};
use super::people::{now, reason_texts, today};
use super::respond::{see_other, with_status};
use super::threads::{shown_profile, ShownProfile};
use super::{render, Ctx, PageQuery};
use crate::accounts::User;
use crate::domain::{OpportunityId, Organization};
use crate::error::{PageError, PageResult};
use crate::people::message_body;
use crate::people::talent::{TalentQuery, MAX_PAGE, PER_PAGE};
use crate::refdata::REF;
use crate::search::geo::locate;
use crate::services::threads;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

/// The organization the account acts for, when that organization is verified.
pub(super) async fn verified_organization(
    st: &AppState,
    user: &User,
) -> PageResult<Option<Organization>> {
    let Some(id) = user.organization_id else {
        return Ok(None);
    };
    if !crate::manage::acts_for(user, id) {
        return Ok(None);
    }
    Ok(st.store.organization(id).await?.filter(|o| o.verified))
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct TalentParams {
    q: String,
    skill: String,
    interest: String,
    municipality: String,
    near: String,
    radius_km: String,
    min_hours: String,
    available_now: String,
    pool_58: String,
    expert: String,
    opportunity: String,
    page: String,
}

pub struct TalentCard {
    pub url: String,
    pub profile: ShownProfile,
    pub reasons: Vec<super::people::ReasonLine>,
}

#[derive(Template)]
#[template(path = "people/talent.html")]
struct TalentPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    fields: Vec<Field>,
    /// (name, label, checked)
    flags: Vec<(&'static str, String, bool)>,
    opportunity: Option<(String, String, String)>,
    count_text: String,
    cards: Vec<TalentCard>,
    pager: super::Pager,
}

#[derive(Template)]
#[template(path = "threads/message.html")]
struct RefusedPage {
    ctx: Ctx,
    title: String,
    text: String,
}

fn refused(ctx: Ctx) -> Response {
    let lang = ctx.lang;
    let page = RefusedPage {
        title: ctx.t("talent-refused-title"),
        text: ctx.t("talent-refused-text"),
        ctx,
    };
    with_status(render(&page, lang), StatusCode::FORBIDDEN)
}

pub async fn search(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(p): PageQuery<TalentParams>,
) -> PageResult {
    let lang = ctx.lang;
    let Some(org) = verified_organization(&st, &user).await? else {
        return Ok(refused(ctx));
    };
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let mut q = TalentQuery {
        q: p.q.chars().take(200).collect(),
        page: p
            .page
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .unwrap_or(1),
        pool_58: !p.pool_58.is_empty(),
        expert: !p.expert.is_empty(),
        available_by: (!p.available_now.is_empty()).then(today),
        ..Default::default()
    };
    if let Some(s) = opt(&p.skill) {
        if REF.skill(&s).is_some() {
            q.skill = Some(s);
        } else {
            errors.push(("skill", ctx.t("edit-error-unknown-choice")));
        }
    }
    if let Some(t) = opt(&p.interest) {
        if REF.taxonomies.topic(&t).is_some() {
            q.interest = Some(t);
        } else {
            errors.push(("interest", ctx.t("edit-error-unknown-choice")));
        }
    }
    if let Some(m) = opt(&p.municipality) {
        match REF.find_municipality(&m) {
            Some(m) => q.municipality = Some(m.code.clone()),
            None => errors.push(("municipality", ctx.t("register-error-municipality"))),
        }
    }
    if let Some(n) = opt(&p.near) {
        let radius = match opt(&p.radius_km) {
            None => 30.0,
            Some(r) => match r.parse::<f64>() {
                Ok(r) if r.is_finite() && (0.0..=1500.0).contains(&r) => r,
                _ => {
                    errors.push(("radius_km", ctx.t("search-error-radius")));
                    30.0
                }
            },
        };
        match locate(&n.chars().take(60).collect::<String>()) {
            Some(pl) => q.near = Some(((pl.lat, pl.lon), radius)),
            None => errors.push(("near", ctx.t("search-error-near"))),
        }
    }
    if let Some(h) = opt(&p.min_hours) {
        match h.parse::<i32>() {
            Ok(h) if (1..=60).contains(&h) => q.min_hours = Some(h),
            _ => errors.push(("min_hours", ctx.t("edit-error-hours"))),
        }
    }
    let mut opportunity = None;
    if let Some(o) = opt(&p.opportunity) {
        let id = OpportunityId::parse(&o).ok_or(PageError::bad_request())?;
        st.matches.refresh(&st.store).await?;
        let features = st.matches.get(id).ok_or(PageError::not_found())?;
        let opp = st
            .store
            .opportunity(id)
            .await?
            .ok_or(PageError::not_found())?;
        // Ranking people by fit is for one's own places only.
        if opp.organization_id != org.id {
            crate::accounts::audit::refused(
                "authz_fail",
                Some(user.id),
                "/{lang}/talent?opportunity=",
            );
            return Err(PageError::forbidden());
        }
        opportunity = Some((
            opp.title.text(lang).to_string(),
            ctx.url(&format!("/opportunities/{}", opp.id)),
            opp.id.to_string(),
        ));
        q.opportunity = Some(features);
    }
    st.talent.refresh(&st.store).await?;
    let results = st.talent.search(&q, today());
    let context = if q.opportunity.is_some() {
        "fit"
    } else {
        "talent"
    };
    // The page's people, read from the store, in the index's order; checked once more so a
    // profile made private a moment ago is never shown.
    let ids: Vec<_> = results.hits.iter().map(|h| h.user_id).collect();
    let mut profiles: HashMap<_, _> = st
        .store
        .profiles_by_id(&ids)
        .await?
        .into_iter()
        .filter(|p| p.visible_to(true))
        .map(|p| (p.user_id, p))
        .collect();
    let shown: Vec<_> = results
        .hits
        .iter()
        .filter_map(|h| profiles.remove(&h.user_id).map(|p| (p, h.fit.clone())))
        .collect();
    let at = now();
    let views: Vec<crate::people::ProfileView> = shown
        .iter()
        .map(|(p, _)| crate::people::ProfileView {
            person_id: p.user_id,
            viewer_id: Some(user.id),
            organization_id: Some(org.id),
            context: context.into(),
            viewed_at: at,
        })
        .collect();
    st.store.add_profile_views(&views).await?;
    let cards = shown
        .iter()
        .map(|(p, fit)| TalentCard {
            url: ctx.url(&format!("/people/{}", p.user_id)),
            profile: shown_profile(&ctx, p),
            reasons: fit
                .as_ref()
                .map(|f| reason_texts(lang, f, false))
                .unwrap_or_default(),
        })
        .collect();
    let field = |name, kind| Field::new(&ctx, "talent", name, kind);
    let mut skills: Vec<(String, String)> = REF
        .skills
        .iter()
        .map(|s| (s.id.clone(), s.label.text(lang).to_string()))
        .collect();
    skills.sort_by(|a, b| a.1.cmp(&b.1));
    let topics = REF
        .taxonomies
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.label.text(lang).to_string()))
        .collect();
    let fields: Vec<Field> = vec![
        field("q", "text").value(&p.q).max_chars(200),
        field("skill", "select")
            .options(ctx.t("talent-any"), skills)
            .value(&p.skill),
        field("interest", "select")
            .options(ctx.t("talent-any"), topics)
            .value(&p.interest),
        field("municipality", "text")
            .value(&p.municipality)
            .max_chars(60),
        field("near", "text").value(&p.near).max_chars(60),
        field("radius_km", "number")
            .value(&p.radius_km)
            .max_chars(4),
        field("min_hours", "number")
            .value(&p.min_hours)
            .max_chars(2),
    ]
    .into_iter()
    .map(|f| f.error_from(&errors))
    .collect();
    let flags = vec![
        (
            "available_now",
            ctx.t("talent-available_now-label"),
            !p.available_now.is_empty(),
        ),
        ("pool_58", ctx.t("talent-pool_58-label"), q.pool_58),
        ("expert", ctx.t("talent-expert-label"), q.expert),
    ];
    let mut keep: Vec<(&str, String)> = vec![
        ("q", p.q.clone()),
        ("skill", p.skill.clone()),
        ("interest", p.interest.clone()),
        ("municipality", p.municipality.clone()),
        ("near", p.near.clone()),
        ("radius_km", p.radius_km.clone()),
        ("min_hours", p.min_hours.clone()),
        ("available_now", p.available_now.clone()),
        ("pool_58", p.pool_58.clone()),
        ("expert", p.expert.clone()),
        ("opportunity", p.opportunity.clone()),
    ];
    keep.retain(|(_, v)| !v.is_empty());
    let fake = crate::store::Page {
        items: Vec::<()>::new(),
        total: results.total as u64,
        request: crate::store::PageRequest::new(q.page as u32, PER_PAGE as u32),
    };
    let pager = super::Pager::new(&ctx, "/talent", &keep, &fake);
    let page = TalentPage {
        title: ctx.t("talent-title"),
        errors: errors
            .iter()
            .map(|(f, m)| (f.to_string(), m.clone()))
            .collect(),
        fields,
        flags,
        opportunity,
        count_text: ctx.tn("talent-count", results.total as u64),
        cards,
        pager,
        ctx,
    };
    let refused = !errors.is_empty();
    Ok(super::render_form(&page, lang, refused))
}

#[derive(Template)]
#[template(path = "people/person.html")]
struct PersonPage {
    ctx: Ctx,
    title: String,
    profile: ShownProfile,
    /// Verified organization members may write to the person.
    can_contact: bool,
    action: String,
    message_error: Option<String>,
    message: String,
    /// (id, title) of the organization's open places, to name one in the message.
    places: Vec<(String, String)>,
    portfolio: Vec<super::portfolio::PortfolioRow>,
}

async fn person_page(
    st: &AppState,
    ctx: Ctx,
    viewer: Option<&User>,
    id: &str,
    message: &str,
    message_error: Option<String>,
) -> PageResult {
    let lang = ctx.lang;
    let id = crate::accounts::UserId::parse(id).ok_or(PageError::not_found())?;
    let profile = st.store.profile(id).await?.ok_or(PageError::not_found())?;
    let org = match viewer {
        Some(u) => verified_organization(st, u).await?,
        None => None,
    };
    // Someone who may not see it learns nothing, not even that it exists; its owner sees
    // it ("see your profile as others see it").
    let own = viewer.is_some_and(|u| u.id == profile.user_id);
    if !own && !profile.visible_to(org.is_some()) {
        return Err(PageError::not_found());
    }
    let mut places = Vec::new();
    if let (Some(org), Some(u)) = (&org, viewer) {
        st.store
            .add_profile_views(&[crate::people::ProfileView {
                person_id: profile.user_id,
                viewer_id: Some(u.id),
                organization_id: Some(org.id),
                context: "profile".into(),
                viewed_at: now(),
            }])
            .await?;
        let filter = crate::store::OpportunityFilter {
            organization_id: Some(org.id),
            open_only: true,
            ..Default::default()
        };
        places = st
            .store
            .opportunities(&filter, crate::store::PageRequest::new(1, 100))
            .await?
            .items
            .into_iter()
            .map(|o| (o.id.to_string(), o.title.text(lang).to_string()))
            .collect();
    }
    let view = shown_profile(&ctx, &profile);
    let portfolio = super::portfolio::rows(st, &ctx, viewer, profile.user_id).await?;
    let refused = message_error.is_some();
    let page = PersonPage {
        title: view.name.clone(),
        profile: view,
        can_contact: org.is_some(),
        action: ctx.url(&format!("/people/{}/contact", profile.user_id)),
        message_error,
        message: message.to_string(),
        places,
        portfolio,
        ctx,
    };
    Ok(super::render_form(&page, lang, refused))
}

/// `/{lang}/people/{id}`: a public profile for anyone, an organizations-only one for
/// verified organizations' members; a private one for nobody.
pub async fn show(
    State(st): State<AppState>,
    viewer: super::auth::Viewer,
    ctx: Ctx,
    super::PathId(id): super::PathId,
) -> PageResult {
    let user = viewer.user.clone();
    person_page(&st, ctx, user.as_ref(), &id, "", None).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ContactForm {
    message: String,
    opportunity: String,
}

/// `POST /{lang}/people/{id}/contact`: a verified organization writes to a person who shows
/// their profile to organizations; the person gets a notice by e-mail.
pub async fn contact(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    let Some(org) = verified_organization(&st, &user).await? else {
        return Ok(refused(ctx));
    };
    let person = crate::accounts::UserId::parse(&id).ok_or(PageError::not_found())?;
    let profile = st
        .store
        .profile(person)
        .await?
        .filter(|p| p.visible_to(true))
        .ok_or(PageError::not_found())?;
    let f: ContactForm = form::parse(&body);
    let text = match message_body(&f.message) {
        Ok(t) => t,
        Err(key) => {
            let e = ctx.t(key);
            return person_page(&st, ctx, Some(&user), &id, &f.message, Some(e)).await;
        }
    };
    let opportunity = match OpportunityId::parse(&f.opportunity) {
        Some(o) => st
            .store
            .opportunity(o)
            .await?
            .filter(|x| x.organization_id == org.id)
            .map(|x| x.id),
        None => None,
    };
    let id = threads::contact(
        &st.store,
        &super::threads::notices(&st, lang),
        &user,
        org.id,
        profile.user_id,
        opportunity,
        text,
        now(),
    )
    .await?
    .ok_or(PageError::not_found())?;
    Ok(see_other(&ctx.url(&format!("/threads/{id}?done=sent")), []))
}
