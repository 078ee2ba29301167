//! Networks (`/{lang}/networks`): the list, a network's public page with its members, the
//! form a platform admin founds one with and its coordinators edit it with, an
//! organization's admin asking to join (or leaving), and the coordinators' answers.

use super::auth::SignedIn;
use super::form::{self, Field};
use super::respond::{see_other, DoneQuery, Notice};
use super::{municipality_name, render, Ctx, PageQuery, PathId};
use crate::accounts::{throttle, Email, Role, User};
use crate::domain::mail::OutgoingMail;
use crate::domain::networks::{
    MemberState, Membership, Network, MAX_COORDINATORS, MAX_DESCRIPTION_CHARS, MAX_MUNICIPALITIES,
    MAX_NAME_CHARS,
};
use crate::domain::{is_one_line, NetworkId, OrganizationId, UserId};
use crate::error::{PageError, PageResult};
use crate::i18n::t_args;
use crate::manage::{may_coordinate, may_found_networks, may_join_networks};
use crate::refdata::REF;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use serde::Deserialize;
use time::OffsetDateTime;

/// At most this many requests to join an hour from one organization.
const JOINS_PER_ORGANIZATION: throttle::Limit = throttle::Limit {
    failures: 10,
    window: time::Duration::hours(1),
};

/// A network as a list shows it.
pub struct NetworkRow {
    pub name: String,
    pub url: String,
    pub area: String,
    pub members: String,
}

#[derive(Template)]
#[template(path = "networks/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    rows: Vec<NetworkRow>,
    new_url: Option<String>,
}

/// The municipalities' names, in the page's language.
fn area_names(ctx: &Ctx, codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| municipality_name(c, ctx.lang))
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn list(ctx: Ctx, State(st): State<AppState>) -> PageResult {
    let networks = st.store.networks().await?;
    let counts = st.store.network_member_counts().await?;
    let rows = networks
        .iter()
        .map(|n| {
            let members = counts
                .iter()
                .find(|(id, _)| *id == n.id)
                .map_or(0, |(_, c)| *c);
            NetworkRow {
                name: n.name.clone(),
                url: ctx.url(&format!("/networks/{}", n.id)),
                area: area_names(&ctx, &n.municipalities),
                members: ctx.tn("networks-members-count", members),
            }
        })
        .collect();
    let new_url = ctx
        .user
        .as_ref()
        .filter(|u| may_found_networks(u))
        .map(|_| ctx.url("/networks/new"));
    let page = ListPage {
        title: ctx.t("networks-title"),
        rows,
        new_url,
        ctx,
    };
    render(&page, page.ctx.lang)
}

/// An organization in a network, as its page lists it.
struct MemberRow {
    id: String,
    name: String,
    url: String,
    since: String,
}

/// What the signed-in viewer's organization may do on the page: (organization name, its
/// state in the network if any).
struct OwnOrganization {
    name: String,
    state: Option<MemberState>,
}

#[derive(Template)]
#[template(path = "networks/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    description: Vec<String>,
    area: Vec<(String, String)>,
    members: Vec<MemberRow>,
    /// Waiting for a coordinator's answer: shown to coordinators only.
    requests: Vec<MemberRow>,
    coordinator: bool,
    edit_url: String,
    members_action: String,
    join_action: String,
    leave_action: String,
    impact_url: String,
    own: Option<OwnOrganization>,
    /// The network's next events: (title, page, when).
    events: Vec<(String, String, String)>,
    events_url: String,
    ics_url: String,
    subscribe_url: String,
    feed_url: String,
    /// The members' ongoing projects and latest articles: (title, page, about).
    projects: Vec<(String, String, String)>,
    articles: Vec<(String, String, String)>,
}

async fn network_of(st: &AppState, id: &str) -> PageResult<Network> {
    let id = NetworkId::parse(id).ok_or(PageError::not_found())?;
    st.store.network(id).await?.ok_or(PageError::not_found())
}

pub async fn show(
    ctx: Ctx,
    PathId(id): PathId,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let n = network_of(&st, &id).await?;
    let memberships = st.store.network_members(n.id).await?;
    let coordinators = st.store.network_coordinators(n.id).await?;
    let coordinator = ctx
        .user
        .as_ref()
        .is_some_and(|u| may_coordinate(u, &coordinators));
    let mut members = Vec::new();
    let mut requests = Vec::new();
    // The members' organizations in one query, not one each.
    let ids: Vec<OrganizationId> = memberships.iter().map(|m| m.organization_id).collect();
    let orgs = st.store.organizations_by_id(&ids).await?;
    for m in &memberships {
        let Some(o) = orgs.iter().find(|o| o.id == m.organization_id) else {
            continue;
        };
        let row = MemberRow {
            id: o.id.to_string(),
            name: o.name.clone(),
            url: ctx.url(&format!("/organizations/{}", o.id)),
            since: crate::i18n::date(ctx.lang, m.decided_at.unwrap_or(m.requested_at).date()),
        };
        match m.state {
            MemberState::Member => members.push(row),
            MemberState::Requested if coordinator => requests.push(row),
            MemberState::Requested => {}
        }
    }
    members.sort_by(|a, b| a.name.cmp(&b.name));
    let own = match ctx.user.as_ref().and_then(|u| {
        u.organization_id
            .filter(|o| may_join_networks(u, *o))
            .map(|o| (u, o))
    }) {
        Some((_, org)) => st.store.organization(org).await?.map(|o| OwnOrganization {
            name: o.name,
            state: memberships
                .iter()
                .find(|m| m.organization_id == org)
                .map(|m| m.state),
        }),
        None => None,
    };
    let notice = q
        .done
        .as_deref()
        .filter(|d| {
            [
                "saved",
                "requested",
                "requested-nobody",
                "left",
                "accepted",
                "declined",
                "removed",
                "already",
                "stale",
                "unverified",
                "throttled",
            ]
            .contains(d)
        })
        .map(|d| {
            let text = ctx.t(&format!("networks-done-{d}"));
            if ["already", "stale", "unverified", "throttled"].contains(&d) {
                Notice::warning(text)
            } else {
                Notice::success(text)
            }
        });
    let base = format!("/networks/{}", n.id);
    let now = OffsetDateTime::now_utc();
    let events = st
        .store
        .events(&crate::store::EventQuery {
            network: Some(n.id),
            ends_after: Some(now),
            limit: 5,
            ..Default::default()
        })
        .await?
        .iter()
        .map(|e| {
            (
                e.title.clone(),
                ctx.url(&format!("/events/{}", e.id)),
                super::events::when_text(e, now),
            )
        })
        .collect();
    // Who does what in the network: its members' ongoing projects and latest articles.
    let member_ids: Vec<OrganizationId> = memberships
        .iter()
        .filter(|m| m.state == crate::domain::networks::MemberState::Member)
        .map(|m| m.organization_id)
        .collect();
    let name_of = |ids: &[OrganizationId]| -> String {
        orgs.iter()
            .filter(|o| ids.contains(&o.id))
            .map(|o| o.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (projects, articles) = if member_ids.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let projects = st
            .store
            .projects(&crate::store::ProjectQuery {
                organizations: member_ids.clone(),
                status: Some((
                    crate::domain::projects::ProjectStatus::Ongoing,
                    crate::domain::helsinki::today(),
                )),
                limit: 5,
                ..Default::default()
            })
            .await?
            .iter()
            .map(|p| {
                (
                    p.name.text(ctx.lang).to_string(),
                    ctx.url(&format!("/projects/{}", p.id)),
                    name_of(&[p.lead]),
                )
            })
            .collect();
        let articles = st
            .store
            .articles(&crate::store::ArticleQuery {
                authors: member_ids,
                limit: 5,
                ..Default::default()
            })
            .await?
            .iter()
            .map(|a| {
                (
                    a.title.clone(),
                    ctx.url(&format!("/articles/{}", a.id)),
                    name_of(&a.authors),
                )
            })
            .collect();
        (projects, articles)
    };
    let page = ShowPage {
        projects,
        articles,
        events,
        events_url: ctx.url(&format!("/events?network={}", n.id)),
        ics_url: ctx.url(&format!("{base}/events.ics")),
        subscribe_url: ctx.url(&format!("{base}/subscribe")),
        feed_url: ctx.url(&format!("{base}/feed.atom")),
        title: n.name.clone(),
        notice,
        description: n
            .description
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        area: n
            .municipalities
            .iter()
            .map(|c| {
                (
                    municipality_name(c, ctx.lang),
                    ctx.url(&format!("/municipalities/{c}")),
                )
            })
            .collect(),
        members,
        requests,
        coordinator,
        edit_url: ctx.url(&format!("{base}/edit")),
        members_action: ctx.url(&format!("{base}/members")),
        join_action: ctx.url(&format!("{base}/join")),
        leave_action: ctx.url(&format!("{base}/leave")),
        impact_url: ctx.url(&format!("/impact?network={}", n.id)),
        own,
        ctx,
    };
    render(&page, page.ctx.lang)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NetworkForm {
    name: String,
    description: String,
    municipalities: String,
    coordinators: String,
}

#[derive(Template)]
#[template(path = "networks/edit.html")]
struct EditPage {
    ctx: Ctx,
    title: String,
    back_url: String,
    action: String,
    errors: Vec<(String, String)>,
    name: Field,
    description: Field,
    municipalities: Field,
    /// Only platform admins name coordinators.
    coordinators: Option<Field>,
}

fn edit_page(
    ctx: Ctx,
    network: Option<&Network>,
    f: &NetworkForm,
    errors: &[(&str, String)],
    names_coordinators: bool,
) -> PageResult {
    let lang = ctx.lang;
    let name = Field::new(&ctx, "networks", "name", "text")
        .value(&f.name)
        .required()
        .max_chars(MAX_NAME_CHARS)
        .error_from(errors);
    let description = Field::new(&ctx, "networks", "description", "textarea")
        .value(&f.description)
        .max_chars(MAX_DESCRIPTION_CHARS)
        .error_from(errors);
    let municipalities = Field::new(&ctx, "networks", "municipalities", "text")
        .value(&f.municipalities)
        .max_chars(2000)
        .error_from(errors);
    let coordinators = names_coordinators.then(|| {
        Field::new(&ctx, "networks", "coordinators", "textarea")
            .value(&f.coordinators)
            .max_chars(2000)
            .error_from(errors)
    });
    let mut all = vec![&name, &description, &municipalities];
    if let Some(c) = &coordinators {
        all.push(c);
    }
    let summary = form::summary(&all);
    let failed = !summary.is_empty();
    let (title, back_url, action) = match network {
        Some(n) => (
            ctx.t("networks-edit-title"),
            ctx.url(&format!("/networks/{}", n.id)),
            ctx.url(&format!("/networks/{}/edit", n.id)),
        ),
        None => (
            ctx.t("networks-new-title"),
            ctx.url("/networks"),
            ctx.url("/networks/new"),
        ),
    };
    let page = EditPage {
        title,
        back_url,
        action,
        errors: summary,
        name,
        description,
        municipalities,
        coordinators,
        ctx,
    };
    Ok(super::render_form(&page, lang, failed))
}

/// The form's values checked: (name, description, municipality codes, coordinators), or
/// the errors by field.
async fn checked(
    st: &AppState,
    f: &NetworkForm,
    this: Option<NetworkId>,
    names_coordinators: bool,
) -> PageResult<Result<(String, String, Vec<String>, Vec<UserId>), Vec<(&'static str, String)>>> {
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let name = f.name.trim().to_string();
    if name.is_empty() {
        errors.push(("name", "networks-error-name".into()));
    } else if name.chars().count() > MAX_NAME_CHARS || !is_one_line(&name) {
        errors.push(("name", "networks-error-name-long".into()));
    } else if st
        .store
        .networks()
        .await?
        .iter()
        .any(|n| Some(n.id) != this && n.name.trim().to_lowercase() == name.to_lowercase())
    {
        errors.push(("name", "networks-error-name-taken".into()));
    }
    let description = f.description.trim().replace("\r\n", "\n");
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        errors.push(("description", "networks-error-description-long".into()));
    }
    let mut codes = Vec::new();
    let mut unknown = Vec::new();
    for part in f
        .municipalities
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match REF.find_municipality(part) {
            Some(m) if !codes.contains(&m.code) => codes.push(m.code.clone()),
            Some(_) => {}
            None => unknown.push(part.chars().take(60).collect::<String>()),
        }
    }
    if !unknown.is_empty() {
        errors.push((
            "municipalities",
            format!("networks-error-municipality|{}", unknown.join(", ")),
        ));
    } else if codes.len() > MAX_MUNICIPALITIES {
        errors.push((
            "municipalities",
            "networks-error-municipalities-many".into(),
        ));
    }
    let mut coordinators = Vec::new();
    if names_coordinators {
        let mut bad = Vec::new();
        for part in f
            .coordinators
            .split([',', ';', '\n', ' '])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let found = match Email::parse(part) {
                Ok(e) => st.store.user_by_email(&e).await?,
                Err(_) => None,
            };
            match found {
                Some(u) if u.role == Role::NetworkCoordinator && u.disabled_at.is_none() => {
                    if !coordinators.contains(&u.id) {
                        coordinators.push(u.id)
                    }
                }
                _ => bad.push(part.chars().take(80).collect::<String>()),
            }
        }
        if !bad.is_empty() {
            errors.push((
                "coordinators",
                format!("networks-error-coordinator|{}", bad.join(", ")),
            ));
        } else if coordinators.len() > MAX_COORDINATORS {
            errors.push(("coordinators", "networks-error-coordinators-many".into()));
        }
    }
    Ok(if errors.is_empty() {
        Ok((name, description, codes, coordinators))
    } else {
        Err(errors)
    })
}

pub async fn new_form(SignedIn(user, _): SignedIn, ctx: Ctx) -> PageResult {
    if !may_found_networks(&user) {
        return Err(PageError::forbidden());
    }
    edit_page(ctx, None, &NetworkForm::default(), &[], true)
}

pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    if !may_found_networks(&user) {
        return Err(PageError::forbidden());
    }
    let f: NetworkForm = form::parse(&body);
    let (name, description, municipalities, coordinators) =
        match checked(&st, &f, None, true).await? {
            Ok(v) => v,
            Err(e) => return edit_page(ctx.clone(), None, &f, &form::translated(&ctx, e), true),
        };
    let now = crate::domain::now_micros();
    let n = Network {
        id: NetworkId::new(),
        name,
        description,
        municipalities,
        created_at: now,
        updated_at: now,
    };
    let notify = named_mail(&st, &ctx, &n, &coordinators, &[]).await?;
    st.store.save_network(&n, &coordinators, &notify).await?;
    Ok(see_other(
        &ctx.url(&format!("/networks/{}?done=saved", n.id)),
        [],
    ))
}

/// The network and its coordinators, if this account coordinates it.
async fn coordinated(st: &AppState, user: &User, id: &str) -> PageResult<(Network, Vec<UserId>)> {
    let n = network_of(st, id).await?;
    let coordinators = st.store.network_coordinators(n.id).await?;
    if !may_coordinate(user, &coordinators) {
        return Err(PageError::forbidden());
    }
    Ok((n, coordinators))
}

async fn coordinator_emails(st: &AppState, ids: &[UserId]) -> PageResult<Vec<String>> {
    let mut out = Vec::new();
    for id in ids {
        if let Some(u) = st.store.user_by_id(*id).await? {
            out.push(u.email.to_string());
        }
    }
    Ok(out)
}

pub async fn edit_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let (n, coordinators) = coordinated(&st, &user, &id).await?;
    let f = NetworkForm {
        name: n.name.clone(),
        description: n.description.clone(),
        municipalities: n
            .municipalities
            .iter()
            .map(|c| municipality_name(c, crate::domain::Lang::Fi))
            .collect::<Vec<_>>()
            .join(", "),
        coordinators: coordinator_emails(&st, &coordinators).await?.join("\n"),
    };
    edit_page(ctx, Some(&n), &f, &[], may_found_networks(&user))
}

pub async fn update(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let (n, old_coordinators) = coordinated(&st, &user, &id).await?;
    let names = may_found_networks(&user);
    let f: NetworkForm = form::parse(&body);
    let (name, description, municipalities, coordinators) =
        match checked(&st, &f, Some(n.id), names).await? {
            Ok(v) => v,
            Err(e) => {
                return edit_page(ctx.clone(), Some(&n), &f, &form::translated(&ctx, e), names)
            }
        };
    let changed = Network {
        name,
        description,
        municipalities,
        updated_at: crate::domain::now_micros(),
        ..n
    };
    let coordinators = if names {
        coordinators
    } else {
        old_coordinators.clone()
    };
    let notify = named_mail(&st, &ctx, &changed, &coordinators, &old_coordinators).await?;
    st.store
        .save_network(&changed, &coordinators, &notify)
        .await?;
    Ok(see_other(
        &ctx.url(&format!("/networks/{}?done=saved", changed.id)),
        [],
    ))
}

/// The notice to coordinators named now (not those named before).
async fn named_mail(
    st: &AppState,
    ctx: &Ctx,
    n: &Network,
    coordinators: &[UserId],
    before: &[UserId],
) -> PageResult<Vec<OutgoingMail>> {
    let new: Vec<UserId> = coordinators
        .iter()
        .filter(|u| !before.contains(u))
        .copied()
        .collect();
    mail_to(st, &new, notice_texts(st, ctx, "named", "", n)).await
}

/// Mail to these accounts (the page's language), skipping any gone.
async fn mail_to(
    st: &AppState,
    to: &[UserId],
    (subject, body): (String, String),
) -> PageResult<Vec<OutgoingMail>> {
    Ok(coordinator_emails(st, to)
        .await?
        .iter()
        .map(|e| OutgoingMail::new(e, subject.clone(), body.clone()))
        .collect())
}

/// The admins of an organization (they hear of its memberships).
async fn admins_of(st: &AppState, org: OrganizationId) -> PageResult<Vec<UserId>> {
    Ok(st
        .store
        .users_of_organization(org)
        .await?
        .into_iter()
        .filter(|u| u.role == Role::OrganizationAdmin && u.disabled_at.is_none())
        .map(|u| u.id)
        .collect())
}

/// A membership notice's subject and body (`mail-network-{key}-…`), with the network's link.
fn notice_texts(
    st: &AppState,
    ctx: &Ctx,
    key: &str,
    organization: &str,
    n: &Network,
) -> (String, String) {
    let link = format!(
        "{}{}",
        st.config.public_url().trim_end_matches('/'),
        ctx.url(&format!("/networks/{}", n.id))
    );
    let args = [
        ("organization", organization.to_string().into()),
        ("network", n.name.clone().into()),
        ("link", link.into()),
    ];
    (
        t_args(ctx.lang, &format!("mail-network-{key}-subject"), &args),
        t_args(ctx.lang, &format!("mail-network-{key}-body"), &args),
    )
}

/// The network and the organization its admin joins or leaves it for.
async fn joining(
    st: &AppState,
    user: &User,
    id: &str,
) -> PageResult<(Network, crate::domain::Organization)> {
    let n = network_of(st, id).await?;
    let org = user
        .organization_id
        .filter(|o| may_join_networks(user, *o))
        .ok_or(PageError::forbidden())?;
    let o = st
        .store
        .organization(org)
        .await?
        .ok_or(PageError::forbidden())?;
    Ok((n, o))
}

pub async fn join(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let (n, o) = joining(&st, &user, &id).await?;
    let org = o.id;
    let back = |done: &str| ctx.url(&format!("/networks/{}?done={done}", n.id));
    // An organization nobody has verified sends no requests: its name is free text, and a
    // mail in our name carrying it would be a phishing channel (outside test).
    if !o.verified {
        return Ok(see_other(&back("unverified"), []));
    }
    // Asking, leaving and asking again mails the coordinators each time: at most this many
    // requests an hour from one organization (outside test: 36 mails in seconds).
    let now = OffsetDateTime::now_utc();
    let keys = [(
        throttle::scoped("network-join", &org.to_string()),
        JOINS_PER_ORGANIZATION,
    )];
    if throttle::wait(&st.store, &keys, now).await?.is_some() {
        return Ok(see_other(&back("throttled"), []));
    }
    throttle::record_failure(&st.store, &keys, now).await?;
    let coordinators = st.store.network_coordinators(n.id).await?;
    let texts = notice_texts(&st, &ctx, "request", &o.name, &n);
    let notify = mail_to(&st, &coordinators, texts).await?;
    let m = Membership {
        network_id: n.id,
        organization_id: org,
        state: MemberState::Requested,
        requested_by: Some(user.id),
        requested_at: now,
        decided_by: None,
        decided_at: None,
    };
    let done = match st.store.request_membership(&m, &notify).await? {
        true if coordinators.is_empty() => "requested-nobody",
        true => "requested",
        false => "already",
    };
    Ok(see_other(&back(done), []))
}

pub async fn leave(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let (n, o) = joining(&st, &user, &id).await?;
    let coordinators = st.store.network_coordinators(n.id).await?;
    let notify = mail_to(
        &st,
        &coordinators,
        notice_texts(&st, &ctx, "left", &o.name, &n),
    )
    .await?;
    let done = if st.store.remove_membership(n.id, o.id, &notify).await? {
        "left"
    } else {
        "stale"
    };
    Ok(see_other(
        &ctx.url(&format!("/networks/{}?done={done}", n.id)),
        [],
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AnswerForm {
    organization: String,
    action: String,
}

/// A coordinator accepts or declines an organization's request, or removes a member.
pub async fn answer(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let (n, _) = coordinated(&st, &user, &id).await?;
    let f: AnswerForm = form::parse(&body);
    let org = OrganizationId::parse(&f.organization).ok_or(PageError::bad_request())?;
    let Some(o) = st.store.organization(org).await? else {
        return Err(PageError::bad_request());
    };
    let admins = admins_of(&st, org).await?;
    let texts = |key: &str| notice_texts(&st, &ctx, key, &o.name, &n);
    let accepted = texts("accepted");
    let declined = texts("declined");
    let removed = texts("removed");
    let now = OffsetDateTime::now_utc();
    let done = match f.action.as_str() {
        "accept" => {
            let notify = mail_to(&st, &admins, accepted).await?;
            st.store
                .accept_membership(n.id, org, user.id, now, &notify)
                .await?
                .then_some("accepted")
        }
        "decline" | "remove" => {
            let decline = f.action == "decline";
            let notify = mail_to(&st, &admins, if decline { declined } else { removed }).await?;
            st.store
                .remove_membership(n.id, org, &notify)
                .await?
                .then_some(if decline { "declined" } else { "removed" })
        }
        _ => return Err(PageError::bad_request()),
    };
    Ok(see_other(
        &ctx.url(&format!(
            "/networks/{}?done={}",
            n.id,
            done.unwrap_or("stale")
        )),
        [],
    ))
}
