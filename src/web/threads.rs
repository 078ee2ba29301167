//! "I'm interested" and the message threads between a person and an organization. Messages
//! stay on the platform; nobody sees another's e-mail address; e-mail only says that there
//! is something new, with a link.

use super::auth::SignedIn;
use super::form;
use super::people::{date_time, now};
use super::respond::{see_other, with_status, DoneQuery, Notice};
use super::{render, Ctx, PageQuery};
use crate::accounts::User;
use crate::domain::{Lang, OpportunityId, ThreadId};
use crate::error::{PageError, PageResult};
use crate::i18n::t_args;
use crate::manage::Action;
use crate::people::{message_body, Side, Thread, ThreadStatus};
use crate::services::threads::{self, Interest, Notices};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

/// Where the notices of a thread point.
pub(super) fn notices(st: &AppState, lang: Lang) -> Notices {
    Notices {
        public_url: st.config.public_url(),
        lang,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct InterestForm {
    message: String,
}

/// `POST /{lang}/opportunities/{id}/interest`: the organization gets the person's profile
/// as they chose to share it, and a thread starts.
pub async fn interest(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    body: Bytes,
) -> PageResult {
    let id = OpportunityId::parse(&id).ok_or(PageError::not_found())?;
    let o = st
        .store
        .opportunity(id)
        .await?
        .ok_or(PageError::not_found())?;
    let f: InterestForm = form::parse(&body);
    let today = crate::domain::helsinki::today();
    let notices = notices(&st, ctx.lang);
    let done = threads::interest(&st.store, &notices, &user, &o, &f.message, today, now());
    let (title, text, status) = match done.await? {
        Interest::Existing(t) => return Ok(see_other(&ctx.url(&format!("/threads/{t}")), [])),
        Interest::AddedTo(t) => {
            return Ok(see_other(&ctx.url(&format!("/threads/{t}?done=sent")), []))
        }
        Interest::Started(t) => {
            return Ok(see_other(
                &ctx.url(&format!("/threads/{t}?done=interest")),
                [],
            ))
        }
        Interest::BadMessage(key) => {
            // Back to the place, the text kept and what is wrong said by the box.
            let e = ctx.t(key);
            return super::directory::opportunity_page(&st, ctx, &o, &f.message, Some(e)).await;
        }
        Interest::Missing => return Err(PageError::not_found()),
        Interest::NotAJobSeeker => (
            "interest-staff-title",
            "interest-staff-text",
            StatusCode::FORBIDDEN,
        ),
        Interest::Closed => (
            "interest-closed-title",
            "interest-closed-text",
            StatusCode::CONFLICT,
        ),
    };
    Ok(message_page(ctx, title, text, status))
}

#[derive(Template)]
#[template(path = "threads/message.html")]
struct MessagePage {
    ctx: Ctx,
    title: String,
    text: String,
}

fn message_page(ctx: Ctx, title: &str, text: &str, status: StatusCode) -> Response {
    let lang = ctx.lang;
    let page = MessagePage {
        title: ctx.t(title),
        text: ctx.t(text),
        ctx,
    };
    with_status(render(&page, lang), status)
}

/// The thread and which side of it the viewer is on: 404 when neither.
async fn open_thread(st: &AppState, user: &User, id: &str) -> PageResult<(Thread, Side)> {
    let id = ThreadId::parse(id).ok_or(PageError::not_found())?;
    let thread = st.store.thread(id).await?.ok_or(PageError::not_found())?;
    if thread.person_id == Some(user.id) {
        Ok((thread, Side::Person))
    } else if crate::manage::acts_for(user, thread.organization_id) {
        Ok((thread, Side::Organization))
    } else {
        crate::accounts::audit::refused("authz_fail", Some(user.id), "thread");
        Err(PageError::not_found())
    }
}

/// A profile as shown to an organization (never with contact details: there are none).
pub struct ShownProfile {
    pub name: String,
    /// (label, value)
    pub facts: Vec<(String, String)>,
    pub introduction: String,
}

pub(super) fn shown_profile(ctx: &Ctx, p: &crate::people::Profile) -> ShownProfile {
    use crate::refdata::REF;
    let lang = ctx.lang;
    let mut facts = Vec::new();
    let mut add = |key: &str, v: String| {
        if !v.is_empty() {
            facts.push((ctx.t(key), v));
        }
    };
    add(
        "fact-skills",
        p.skills
            .iter()
            .filter_map(|s| REF.skill(s))
            .map(|s| s.label.text(lang).to_string())
            .chain(p.free_skills.iter().cloned())
            .collect::<Vec<_>>()
            .join(", "),
    );
    add(
        "fact-interests",
        super::term_labels(&p.interests, super::topic_term, lang).join(", "),
    );
    add(
        "fact-kinds",
        p.kinds
            .iter()
            .filter_map(|k| REF.taxonomies.opportunity_type(k.as_str()))
            .map(|t| t.label.text(lang).to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    add(
        "fact-languages",
        p.languages
            .iter()
            .map(|l| crate::i18n::language_name(lang, l))
            .collect::<Vec<_>>()
            .join(", "),
    );
    add(
        "fact-municipality",
        p.municipality
            .as_deref()
            .map(|m| super::municipality_name(m, lang))
            .unwrap_or_default(),
    );
    add(
        "fact-travel",
        p.travel_km.map(|k| k.to_string()).unwrap_or_default(),
    );
    add(
        "fact-hours",
        p.hours_per_week
            .map(|h| ctx.tn("hours-per-week-value", h as u64))
            .unwrap_or_default(),
    );
    if p.part_time {
        add("fact-part-time", ctx.t("yes"));
    }
    add(
        "fact-available",
        p.available_from
            .map(|d| crate::i18n::date(lang, d))
            .unwrap_or_default(),
    );
    if p.pool_58 {
        add("person-pool-58-badge", ctx.t("yes"));
    }
    if p.expert_by_experience {
        add("person-expert-badge", ctx.t("yes"));
    }
    if p.demo {
        add("person-demo-label", ctx.t("person-demo-value"));
    }
    ShownProfile {
        name: p.shown_name(lang),
        facts,
        introduction: p.introduction.clone(),
    }
}

pub struct MessageRow {
    pub who: String,
    pub when: String,
    pub body: String,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "threads/show.html")]
struct ThreadPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    for_person: bool,
    organization: String,
    opportunity: Option<(String, String)>,
    status: String,
    profile: Option<ShownProfile>,
    person_deleted: bool,
    messages: Vec<MessageRow>,
    action: String,
    /// (field id, message) for the error summary.
    errors: Vec<(String, String)>,
    reply_error: Option<String>,
    status_error: Option<String>,
    reply: String,
    /// (value, label, current)
    statuses: Vec<(String, String, bool)>,
    portfolio: Vec<super::portfolio::PortfolioRow>,
}

pub async fn show(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let (thread, side) = open_thread(&st, &user, &id).await?;
    let notice = match q.done.as_deref() {
        Some("sent") => Some(Notice::success(ctx.t("thread-sent"))),
        // After "I'm interested": what happens next, who reads it, where answers appear.
        Some("interest") => Some(Notice::success(ctx.t("interest-sent-next"))),
        Some("status") => Some(Notice::success(ctx.t("thread-status-saved"))),
        _ => None,
    };
    thread_page(
        &st,
        ctx,
        &user,
        thread,
        side,
        notice,
        "",
        Refused::default(),
    )
    .await
}

/// What was wrong with a form sent on the thread's page: the reply, or the status.
#[derive(Default)]
struct Refused {
    reply: Option<String>,
    status: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn thread_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    thread: Thread,
    side: Side,
    notice: Option<Notice>,
    reply: &str,
    refused: Refused,
) -> PageResult {
    let mut ctx = ctx;
    let lang = ctx.lang;
    // Read now: the header counts it no more.
    st.store.mark_thread_read(thread.id, user.id, now()).await?;
    if ctx.unread > 0 {
        ctx.unread = super::auth::unread_of(&st.store, user).await?;
    }
    let org = st
        .store
        .organization(thread.organization_id)
        .await?
        .ok_or(PageError::not_found())?;
    let opportunity = match thread.opportunity_id {
        Some(id) => st.store.opportunity(id).await?.map(|o| {
            (
                o.title.text(lang).to_string(),
                ctx.url(&format!("/opportunities/{}", o.id)),
            )
        }),
        None => None,
    };
    let messages = st.store.messages(thread.id).await?;
    if side == Side::Organization && thread.shared_profile.is_some() {
        if let Some(person) = thread.person_id {
            st.store
                .add_profile_views(&[crate::people::ProfileView {
                    person_id: person,
                    viewer_id: Some(user.id),
                    organization_id: Some(thread.organization_id),
                    context: "thread".into(),
                    viewed_at: now(),
                }])
                .await?;
        }
    }
    let person_name = thread
        .shared_profile
        .as_ref()
        .map(|p| p.shown_name(lang))
        .unwrap_or_else(|| {
            ctx.t(if thread.person_id.is_none() {
                "thread-deleted-user"
            } else {
                "person-anonymous"
            })
        });
    let rows = messages
        .iter()
        .map(|m| {
            let mine = (side == Side::Person) == m.from_person;
            let who = if mine {
                ctx.t("thread-you")
            } else if m.from_person {
                if thread.person_id.is_none() {
                    ctx.t("thread-deleted-user")
                } else {
                    person_name.clone()
                }
            } else {
                org.name.clone()
            };
            MessageRow {
                who,
                when: date_time(m.created_at),
                body: m.body.clone(),
                mine,
            }
        })
        .collect();
    let statuses = ThreadStatus::ALL
        .iter()
        .filter(|s| **s != ThreadStatus::New)
        .map(|s| {
            (
                s.as_str().to_string(),
                ctx.t(&format!("thread-status-{}", s.as_str())),
                *s == thread.status,
            )
        })
        .collect();
    let title = match side {
        Side::Person => t_args(
            lang,
            "thread-title-person",
            &[("organization", org.name.clone().into())],
        ),
        Side::Organization => t_args(
            lang,
            "thread-title-organization",
            &[("person", person_name.into())],
        ),
    };
    // The organization sees the work of a person who shared their profile with it.
    let portfolio = match (side, thread.person_id) {
        (Side::Organization, Some(person)) if thread.started_by == Side::Person => {
            super::portfolio::rows(st, &ctx, Some(user), person).await?
        }
        _ => Vec::new(),
    };
    let page = ThreadPage {
        portfolio,
        title,
        notice,
        for_person: side == Side::Person,
        organization: org.name.clone(),
        opportunity,
        status: ctx.t(&format!("thread-status-{}", thread.status.as_str())),
        profile: thread
            .shared_profile
            .as_ref()
            .map(|p| shown_profile(&ctx, p)),
        person_deleted: thread.person_id.is_none(),
        messages: rows,
        action: ctx.url(&format!("/threads/{}", thread.id)),
        errors: refused
            .reply
            .iter()
            .map(|e| ("message".to_string(), e.clone()))
            .chain(
                refused
                    .status
                    .iter()
                    .map(|e| ("status-0".to_string(), e.clone())),
            )
            .collect(),
        reply_error: refused.reply,
        status_error: refused.status,
        reply: reply.to_string(),
        statuses,
        ctx,
    };
    let refused = !page.errors.is_empty();
    Ok(super::render_form(&page, lang, refused))
}

/// `POST /{lang}/threads/{id}`: a reply; the other side gets a notice by e-mail.
pub async fn reply(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    body: Bytes,
) -> PageResult {
    let (thread, side) = open_thread(&st, &user, &id).await?;
    let f: InterestForm = form::parse(&body);
    let text = match message_body(&f.message) {
        Ok(t) => t,
        Err(key) => {
            let e = ctx.t(key);
            let refused = Refused {
                reply: Some(e),
                ..Default::default()
            };
            return thread_page(&st, ctx, &user, thread, side, None, &f.message, refused).await;
        }
    };
    if side == Side::Organization && thread.person_id.is_none() {
        let e = ctx.t("thread-error-deleted");
        let refused = Refused {
            reply: Some(e),
            ..Default::default()
        };
        return thread_page(&st, ctx, &user, thread, side, None, &f.message, refused).await;
    }
    threads::reply(
        &st.store,
        &notices(&st, ctx.lang),
        &thread,
        side,
        user.id,
        text,
        now(),
    )
    .await?;
    Ok(see_other(
        &ctx.url(&format!("/threads/{}?done=sent", thread.id)),
        [],
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StatusForm {
    status: String,
}

/// `POST /{lang}/threads/{id}/status`: the organization marks where the interest stands.
pub async fn set_status(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    body: Bytes,
) -> PageResult {
    let (thread, side) = open_thread(&st, &user, &id).await?;
    if side != Side::Organization {
        return Err(PageError::forbidden());
    }
    let f: StatusForm = form::parse(&body);
    let Some(status) = ThreadStatus::parse(&f.status).filter(|s| *s != ThreadStatus::New) else {
        let e = ctx.t("edit-error-unknown-choice");
        let refused = Refused {
            status: Some(e),
            ..Default::default()
        };
        return thread_page(&st, ctx, &user, thread, side, None, "", refused).await;
    };
    threads::set_status(&st.store, &notices(&st, ctx.lang), &thread, status, now()).await?;
    Ok(see_other(
        &ctx.url(&format!("/threads/{}?done=status", thread.id)),
        [],
    ))
}

pub struct ThreadRow {
    pub url: String,
    pub with: String,
    pub about: String,
    pub status: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "threads/list.html")]
struct ThreadsPage {
    ctx: Ctx,
    title: String,
    intro: String,
    rows: Vec<ThreadRow>,
}

async fn thread_rows(
    st: &AppState,
    ctx: &Ctx,
    threads: &[Thread],
    for_person: bool,
) -> PageResult<Vec<ThreadRow>> {
    let lang = ctx.lang;
    let orgs = super::cards::CardLookup::new(&st.store, lang)
        .names(threads.iter().map(|t| t.organization_id))
        .await?;
    let opp_ids: Vec<OpportunityId> = threads.iter().filter_map(|t| t.opportunity_id).collect();
    let opps: HashMap<_, _> = st
        .store
        .opportunities_by_id(&opp_ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o.title.text(lang).to_string()))
        .collect();
    Ok(threads
        .iter()
        .map(|t| ThreadRow {
            url: ctx.url(&format!("/threads/{}", t.id)),
            with: if for_person {
                orgs.get(&t.organization_id).cloned().unwrap_or_default()
            } else if t.person_id.is_none() {
                ctx.t("thread-deleted-user")
            } else {
                t.shared_profile
                    .as_ref()
                    .map(|p| p.shown_name(lang))
                    .unwrap_or_else(|| ctx.t("person-anonymous"))
            },
            about: t
                .opportunity_id
                .and_then(|o| opps.get(&o).cloned())
                .unwrap_or_else(|| ctx.t("thread-no-opportunity")),
            status: ctx.t(&format!("thread-status-{}", t.status.as_str())),
            when: date_time(t.updated_at),
        })
        .collect())
}

/// `/{lang}/me/messages`: the person's threads and where each stands.
pub async fn mine(State(st): State<AppState>, SignedIn(user, _): SignedIn, ctx: Ctx) -> PageResult {
    let lang = ctx.lang;
    let threads = st.store.threads_of_person(user.id).await?;
    let rows = thread_rows(&st, &ctx, &threads, true).await?;
    render(
        &ThreadsPage {
            title: ctx.t("threads-title-person"),
            intro: ctx.t("threads-intro-person"),
            rows,
            ctx,
        },
        lang,
    )
}

/// `/{lang}/organizations/{id}/interests`: the people interested in the organization's places
/// and its other threads.
pub async fn of_organization(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
) -> PageResult {
    let lang = ctx.lang;
    let org = super::manage::editable_organization(&st, &user, &id, Action::EditRecords).await?;
    let threads = st.store.threads_of_organization(org.id).await?;
    let rows = thread_rows(&st, &ctx, &threads, false).await?;
    render(
        &ThreadsPage {
            title: t_args(
                lang,
                "threads-title-organization",
                &[("organization", org.name.into())],
            ),
            intro: ctx.t("threads-intro-organization"),
            rows,
            ctx,
        },
        lang,
    )
}
