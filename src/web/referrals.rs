//! Warm hand-over pages: sending a referral (`/referrals/new?to=…`), a referral with its
//! steps and the moves of its parties (`/referrals/{id}`), the lists of an organization and
//! of a person (`/referrals`). Clients and consents are in `web::clients`.

use super::auth::SignedIn;
use super::form::{self, Field};
use super::people::date_time;
use super::respond::{see_other, with_status, DoneQuery, Notice};
use super::{render, render_form, Ctx, PageQuery};
use crate::accounts::{Role, User};
use crate::domain::referrals::{
    Action, Client, ClientId, DeclineReason, Outcome, Party, Purpose, Referral, ReferralId,
    ReferralState,
};
use crate::domain::{Lang, OrganizationId};
use crate::error::{PageError, PageResult};
use crate::services::referrals::{
    self as refs, Draft, MoveError, Notices, SendError, Summary, Target, MAX_SUMMARY_CHARS,
};
use crate::store::PageRequest;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

pub(super) fn notices(st: &AppState, lang: Lang) -> Notices {
    Notices {
        public_url: st.config.public_url(),
        lang,
    }
}

#[derive(Template)]
#[template(path = "referrals/message.html")]
struct MessagePage {
    ctx: Ctx,
    title: String,
    text: String,
}

/// A page that only says something (referrals off, nothing to refer to).
pub(super) fn message(ctx: Ctx, title: &str, text: &str, status: StatusCode) -> Response {
    let lang = ctx.lang;
    let page = MessagePage {
        title: ctx.t(title),
        text: ctx.t(text),
        ctx,
    };
    with_status(render(&page, lang), status)
}

/// Referrals are for coaches and for the person: other roles are told so (403).
pub(super) fn not_for_role(ctx: Ctx) -> Response {
    message(
        ctx,
        "referrals-not-for-role-title",
        "referrals-not-for-role-text",
        StatusCode::FORBIDDEN,
    )
}

/// Without a data key referrals are off, and the page says why.
fn off(ctx: Ctx) -> PageResult {
    Ok(message(
        ctx,
        "referral-off-title",
        "referral-off-text",
        StatusCode::SERVICE_UNAVAILABLE,
    ))
}

/// Who may send referrals: a coach of an organization, or a job seeker for themself.
fn may_refer(user: &User) -> bool {
    crate::referrals::coach_of(user).is_some() || user.role == Role::JobSeeker
}

/// What the referral is about, as the page names it: (what, organization, link).
async fn target_names(
    st: &AppState,
    ctx: &Ctx,
    target: Target,
) -> PageResult<Option<(String, String, String)>> {
    let lang = ctx.lang;
    let (name, org, url) = match target {
        Target::Service(id) => match st.store.service(id).await? {
            Some(s) => (
                s.name.text(lang).to_string(),
                s.organization_id,
                ctx.url(&format!("/services/{id}")),
            ),
            None => return Ok(None),
        },
        Target::Opportunity(id) => match st.store.opportunity(id).await? {
            Some(o) => (
                o.title.text(lang).to_string(),
                o.organization_id,
                ctx.url(&format!("/opportunities/{id}")),
            ),
            None => return Ok(None),
        },
    };
    let org = st
        .store
        .organization(org)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    Ok(Some((name, org, url)))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    to: Option<String>,
    client: Option<String>,
}

/// A consent box with its whole text: (purpose, label, text, checked, required).
pub struct ConsentBox {
    pub purpose: String,
    pub label: String,
    pub text: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "referrals/new.html")]
struct NewPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    action: String,
    to: String,
    target: (String, String, String),
    for_self: bool,
    client: Field,
    add_client: String,
    wants: Field,
    tried: Field,
    helps: Field,
    health: Field,
    consents: Vec<ConsentBox>,
    consent_error: Option<String>,
}

/// The form as sent: kept whole, so nothing typed is lost on an error.
#[derive(Debug, Default, Clone)]
struct NewForm {
    to: String,
    client: String,
    wants: String,
    tried: String,
    helps: String,
    health: String,
    consents: Vec<String>,
}

impl NewForm {
    fn of(body: &[u8]) -> Self {
        let mut f = NewForm::default();
        for (k, v) in form::pairs(body) {
            match k.as_str() {
                "to" => f.to = v,
                "client" => f.client = v,
                "wants" => f.wants = v,
                "tried" => f.tried = v,
                "helps" => f.helps = v,
                "health" => f.health = v,
                "consent" => f.consents.push(v),
                _ => {}
            }
        }
        f
    }
}

async fn new_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    target: Target,
    f: &NewForm,
    errors: &[(&str, String)],
) -> PageResult {
    let lang = ctx.lang;
    let Some(names) = target_names(st, &ctx, target).await? else {
        return Err(PageError::not_found());
    };
    let for_self = crate::referrals::coach_of(user).is_none();
    let mut client_options = vec![(String::new(), ctx.t("referral-client-choose"))];
    if let Some(org) = crate::referrals::coach_of(user) {
        client_options.extend(
            st.store
                .clients_of_organization(org)
                .await?
                .into_iter()
                .filter(|c| c.user_id.is_none() || c.organization_id.is_some())
                .map(|c| (c.id.to_string(), c.display_name)),
        );
    }
    let prefix = if for_self {
        "referral-self"
    } else {
        "referral"
    };
    let field = |name: &'static str, value: &str| {
        Field::new(&ctx, prefix, name, "textarea")
            .value(value)
            .max_chars(MAX_SUMMARY_CHARS)
            .error_from(errors)
    };
    let client = Field::new(&ctx, "referral", "client", "select")
        .options(String::new(), client_options)
        .value(&f.client)
        .required()
        .error_from(errors);
    let (wants, tried, helps, health) = (
        field("wants", &f.wants),
        field("tried", &f.tried),
        field("helps", &f.helps),
        field("health", &f.health),
    );
    let texts = st.store.current_consent_texts().await?;
    let consents = Purpose::ALL
        .iter()
        .filter_map(|p| texts.iter().find(|t| t.purpose == *p))
        .map(|t| ConsentBox {
            purpose: t.purpose.as_str().to_string(),
            label: ctx.t(&format!(
                "referral-consent-{}-{}",
                if for_self { "self" } else { "coach" },
                t.purpose.as_str()
            )),
            text: t.text(lang).to_string(),
            checked: f.consents.iter().any(|c| c == t.purpose.as_str()),
        })
        .collect();
    let consent_error = errors
        .iter()
        .find(|(k, _)| *k == "consent")
        .map(|(_, m)| m.clone());
    let mut summary = if for_self {
        Vec::new()
    } else {
        form::summary(&[&client])
    };
    if let Some(e) = &consent_error {
        summary.push(("consent-referral".to_string(), e.clone()));
    }
    summary.extend(form::summary(&[&wants, &tried, &helps, &health]));
    let refused = !errors.is_empty();
    let page = NewPage {
        title: ctx.t("referral-new-title"),
        notice: None,
        errors: summary,
        action: ctx.url("/referrals/new"),
        to: target.code(),
        target: names,
        for_self,
        client,
        add_client: ctx.url(&format!("/clients?to={}", target.code())),
        wants,
        tried,
        helps,
        health,
        consents,
        consent_error,
        ctx,
    };
    Ok(render_form(&page, lang, refused))
}

/// `GET /{lang}/referrals/new?to=service:ID|opportunity:ID`
pub async fn new(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<NewQuery>,
) -> PageResult {
    if st.config.data_keys.is_none() {
        return off(ctx);
    }
    if !may_refer(&user) {
        return Ok(not_for_role(ctx));
    }
    let Some(target) = q.to.as_deref().and_then(Target::parse) else {
        return Ok(message(
            ctx,
            "referral-no-target-title",
            "referral-no-target-text",
            StatusCode::BAD_REQUEST,
        ));
    };
    let f = NewForm {
        client: q.client.unwrap_or_default(),
        ..NewForm::default()
    };
    new_page(&st, ctx, &user, target, &f, &[]).await
}

/// `POST /{lang}/referrals/new`
pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    if st.config.data_keys.is_none() {
        return off(ctx);
    }
    if !may_refer(&user) {
        return Ok(not_for_role(ctx));
    }
    let f = NewForm::of(&body);
    let Some(target) = Target::parse(&f.to) else {
        return Ok(message(
            ctx,
            "referral-no-target-title",
            "referral-no-target-text",
            StatusCode::BAD_REQUEST,
        ));
    };
    let for_self = crate::referrals::coach_of(&user).is_none();
    let client = if for_self {
        let name = st
            .store
            .profile(user.id)
            .await?
            .map(|p| p.shown_name(ctx.lang))
            .unwrap_or_else(|| ctx.t("referral-self-name"));
        Some(refs::own_record(&st.store, &user, &name).await?.id)
    } else {
        ClientId::parse(&f.client)
    };
    let Some(client) = client else {
        let e = [("client", ctx.t("referral-error-client"))];
        return new_page(&st, ctx, &user, target, &f, &e).await;
    };
    let consents: Vec<Purpose> = f
        .consents
        .iter()
        .filter_map(|c| Purpose::parse(c))
        .collect();
    let health = f.health.trim();
    let draft = Draft {
        client,
        target,
        summary: Summary {
            wants: f.wants.trim().to_string(),
            tried: f.tried.trim().to_string(),
            helps: f.helps.trim().to_string(),
        },
        health: (!health.is_empty()).then(|| health.to_string()),
        consents,
    };
    let keys = st.config.data_keys.as_ref();
    match refs::send(&st.store, keys, &notices(&st, ctx.lang), &user, &draft).await? {
        Ok(id) => Ok(see_other(
            &ctx.url(&format!("/referrals/{id}?done=sent")),
            [],
        )),
        Err(SendError::Disabled) => off(ctx),
        Err(SendError::NoTarget) => Err(PageError::not_found()),
        Err(SendError::AlreadyOpen(id)) => Ok(see_other(
            &ctx.url(&format!("/referrals/{id}?done=already")),
            [],
        )),
        Err(e) => {
            let (field, key) = match e {
                SendError::NotYourClient => ("client", "referral-error-client"),
                SendError::NoConsent => ("consent", "referral-error-consent"),
                SendError::NoHealthConsent => ("health", "referral-error-health-consent"),
                SendError::TooLong(f) => (f, "referral-error-too-long"),
                _ => ("wants", "referral-error-empty"),
            };
            let field = match field {
                "wants" => "wants",
                "tried" => "tried",
                "helps" => "helps",
                "health" => "health",
                "client" => "client",
                _ => "consent",
            };
            let errors = [(field, ctx.t(key))];
            new_page(&st, ctx, &user, target, &f, &errors).await
        }
    }
}

/// A step on a referral's timeline.
pub struct Step {
    pub when: String,
    pub what: String,
}

#[derive(Template)]
#[template(path = "referrals/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    target: (String, String, String),
    from: String,
    client: String,
    state: String,
    party: String,
    summary: Option<Summary>,
    health: Option<String>,
    has_health: bool,
    closed_by_consent: bool,
    steps: Vec<Step>,
    action: String,
    /// The moves open to the viewer: (action, label).
    moves: Vec<(String, String)>,
    reasons: Field,
    outcomes: Field,
    client_url: Option<String>,
    /// Follow-ups this party may answer now: (months, its question).
    follow_ups: Vec<(i32, String)>,
    follow_up_outcome: Field,
}

fn state_label(ctx: &Ctx, s: ReferralState) -> String {
    ctx.t(&format!("referral-state-{}", s.as_str()))
}

/// The steps of referrals, each named with its detail (a reason or an outcome).
pub(super) fn step_text(ctx: &Ctx, state: ReferralState, detail: Option<&str>) -> String {
    let s = state_label(ctx, state);
    match (state, detail) {
        (ReferralState::Declined, Some(d)) => {
            format!("{s}: {}", ctx.t(&format!("referral-reason-{d}")))
        }
        (ReferralState::Completed, Some(d)) => {
            format!("{s}: {}", ctx.t(&format!("outcome-{d}")))
        }
        _ => s,
    }
}

async fn show_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    (r, client, party): (Referral, Client, Party),
    notice: Option<Notice>,
    errors: &[(&str, String)],
) -> PageResult {
    let lang = ctx.lang;
    let target = match (r.service_id, r.opportunity_id) {
        (Some(s), _) => target_names(st, &ctx, Target::Service(s)).await?,
        (_, Some(o)) => target_names(st, &ctx, Target::Opportunity(o)).await?,
        _ => None,
    };
    let to_name = st
        .store
        .organization(r.to_org)
        .await?
        .map(|o| o.name)
        .unwrap_or_default();
    let target = target.unwrap_or_else(|| (ctx.t("referral-target-gone"), to_name, String::new()));
    let from = match r.from_org {
        Some(o) => st
            .store
            .organization(o)
            .await?
            .map(|o| o.name)
            .unwrap_or_default(),
        None => ctx.t("referral-from-self"),
    };
    let contents = refs::read_contents(
        &st.store,
        st.config.data_keys.as_ref(),
        user,
        (&r, &client, party),
    )
    .await?;
    let closed_by_consent = contents.is_none();
    let (summary, health) = match contents {
        Some((s, h)) => (Some(s), h),
        None => (None, None),
    };
    let steps = st
        .store
        .referral_events(&[r.id])
        .await?
        .into_iter()
        .map(|e| Step {
            when: date_time(e.at),
            what: step_text(&ctx, e.state, e.detail.as_deref()),
        })
        .collect();
    let by = crate::referrals::acting_party(party, &r);
    let probe = [
        Action::Accept,
        Action::Decline(DeclineReason::Other),
        Action::Start,
        Action::Complete(Outcome::Unknown),
        Action::Cancel,
    ];
    let moves = probe
        .iter()
        .filter(|a| crate::domain::referrals::transition(r.state, **a, by).is_ok())
        .map(|a| {
            (
                a.name().to_string(),
                ctx.t(&format!("referral-do-{}", a.name())),
            )
        })
        .collect();
    // A select of codes with their labels ("choose" first), for the moves that need one.
    let codes = |name: &'static str, codes: Vec<&'static str>, label: &str| {
        Field::new(&ctx, "referral", name, "select")
            .options(
                ctx.t("referral-choose"),
                codes
                    .into_iter()
                    .map(|c| (c.to_string(), ctx.t(&format!("{label}-{c}"))))
                    .collect(),
            )
            .error_from(errors)
    };
    let outcome_codes = || Outcome::ALL.iter().map(|o| o.as_str()).collect::<Vec<_>>();
    let reasons = codes(
        "reason",
        DeclineReason::ALL.iter().map(|d| d.as_str()).collect(),
        "referral-reason",
    );
    let outcomes = codes("outcome", outcome_codes(), "outcome");
    let follow_ups = refs::open_follow_ups(&st.store, (&r, party), time::OffsetDateTime::now_utc())
        .await?
        .into_iter()
        .map(|m| (m, ctx.tn("follow-up-question", m as u64)))
        .collect();
    let follow_up_outcome = codes("follow_up_outcome", outcome_codes(), "outcome");
    let summary_errors = form::summary(&[&reasons, &outcomes, &follow_up_outcome]);
    let client_url = (party != Party::Person && crate::referrals::may_open_client(user, &client))
        .then(|| ctx.url(&format!("/clients/{}", client.id)));
    let page = ShowPage {
        title: ctx.t("referral-title"),
        notice,
        errors: summary_errors,
        target,
        from,
        client: refs::shown_name(&st.store, (&r, &client, party))
            .await?
            .unwrap_or_else(|| ctx.t("referral-client-withdrawn")),
        state: step_text(
            &ctx,
            r.state,
            r.decline_reason
                .map(|d| d.as_str())
                .or(r.outcome.map(|o| o.as_str())),
        ),
        party: ctx.t(&format!("referral-party-{}", party.as_str())),
        summary,
        health,
        has_health: r.has_health,
        closed_by_consent,
        steps,
        action: ctx.url(&format!("/referrals/{}", r.id)),
        moves,
        reasons,
        outcomes,
        client_url,
        follow_ups,
        follow_up_outcome,
        ctx,
    };
    Ok(render_form(&page, lang, !errors.is_empty()))
}

/// The referral and the viewer's party: 404 for anyone who is none of its parties.
async fn open(st: &AppState, user: &User, id: &str) -> PageResult<(Referral, Client, Party)> {
    let id = ReferralId::parse(id).ok_or(PageError::not_found())?;
    match refs::open_as(&st.store, user, id).await? {
        Some(x) => Ok(x),
        None => {
            crate::accounts::audit::refused("authz_fail", Some(user.id), "referral");
            Err(PageError::not_found())
        }
    }
}

/// `GET /{lang}/referrals/{id}`
pub async fn show(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let opened = open(&st, &user, &id).await?;
    let notice = match q.done.as_deref() {
        Some("sent") => Some(Notice::success(ctx.t("referral-sent"))),
        Some("already") => Some(Notice::warning(ctx.t("referral-already-open"))),
        Some("moved") => Some(Notice::success(ctx.t("referral-moved"))),
        Some("follow-up") => Some(Notice::success(ctx.t("follow-up-saved"))),
        _ => None,
    };
    show_page(&st, ctx, &user, opened, notice, &[]).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MoveForm {
    action: String,
    reason: String,
    outcome: String,
}

/// `POST /{lang}/referrals/{id}`: accept, decline (with a reason), start, complete (with
/// an outcome) or cancel.
pub async fn act(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    body: Bytes,
) -> PageResult {
    let opened = open(&st, &user, &id).await?;
    let f: MoveForm = form::parse(&body);
    let action = match f.action.as_str() {
        "accept" => Action::Accept,
        "start" => Action::Start,
        "cancel" => Action::Cancel,
        "decline" => match DeclineReason::parse(&f.reason) {
            Some(d) => Action::Decline(d),
            None => {
                let e = [("reason", ctx.t("referral-error-reason"))];
                return show_page(&st, ctx, &user, opened, None, &e).await;
            }
        },
        "complete" => match Outcome::parse(&f.outcome) {
            Some(o) => Action::Complete(o),
            None => {
                let e = [("outcome", ctx.t("referral-error-outcome"))];
                return show_page(&st, ctx, &user, opened, None, &e).await;
            }
        },
        _ => return Err(PageError::bad_request()),
    };
    let (r, c, p) = &opened;
    match refs::act(
        &st.store,
        &notices(&st, ctx.lang),
        &user,
        (r, c, *p),
        action,
    )
    .await?
    {
        Ok(_) => Ok(see_other(
            &ctx.url(&format!("/referrals/{}?done=moved", r.id)),
            [],
        )),
        Err(MoveError::Moved) | Err(MoveError::Refused(_)) => {
            // Someone moved it first, or the move is not this party's: show it as it is now.
            let now = open(&st, &user, &id).await?;
            let page = show_page(
                &st,
                ctx.clone(),
                &user,
                now,
                Some(Notice {
                    kind: "error",
                    text: ctx.t("referral-not-moved"),
                }),
                &[],
            )
            .await;
            Ok(with_status(page, StatusCode::CONFLICT))
        }
    }
}

/// The name of the service or place a referral is about (or that it is gone).
pub(super) async fn what(st: &AppState, ctx: &Ctx, r: &Referral) -> PageResult<String> {
    let target = match (r.service_id, r.opportunity_id) {
        (Some(s), _) => Some(Target::Service(s)),
        (_, Some(o)) => Some(Target::Opportunity(o)),
        _ => None,
    };
    Ok(match target {
        Some(t) => target_names(st, ctx, t).await?.map(|(name, _, _)| name),
        None => None,
    }
    .unwrap_or_else(|| ctx.t("referral-target-gone")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct FollowUpForm {
    months: String,
    follow_up_outcome: String,
}

/// `POST /{lang}/referrals/{id}/follow-up`: where the person is now, months after.
pub async fn follow_up(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    axum::extract::Path((_, id)): axum::extract::Path<(String, String)>,
    body: Bytes,
) -> PageResult {
    let opened = open(&st, &user, &id).await?;
    let f: FollowUpForm = form::parse(&body);
    let Some(outcome) = Outcome::parse(&f.follow_up_outcome) else {
        let e = [("follow_up_outcome", ctx.t("referral-error-outcome"))];
        return show_page(&st, ctx, &user, opened, None, &e).await;
    };
    let months: i32 = f.months.parse().map_err(|_| PageError::bad_request())?;
    let (r, c, p) = &opened;
    match refs::answer_follow_up(&st.store, &user, (r, c, *p), months, outcome).await? {
        Ok(()) => Ok(see_other(
            &ctx.url(&format!("/referrals/{}?done=follow-up", r.id)),
            [],
        )),
        Err(_) => {
            let now = open(&st, &user, &id).await?;
            let page = show_page(
                &st,
                ctx.clone(),
                &user,
                now,
                Some(Notice {
                    kind: "error",
                    text: ctx.t("follow-up-not-open"),
                }),
                &[],
            )
            .await;
            Ok(with_status(page, StatusCode::CONFLICT))
        }
    }
}

/// A row of a list of referrals.
pub struct Row {
    pub url: String,
    pub what: String,
    pub client: String,
    pub direction: String,
    pub state: String,
    pub when: String,
}

#[derive(Template)]
#[template(path = "referrals/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    rows: Vec<Row>,
    coach: bool,
    clients_url: String,
    off: bool,
    pager: Option<super::Pager>,
}

async fn rows(
    st: &AppState,
    ctx: &Ctx,
    list: &[Referral],
    org: Option<OrganizationId>,
) -> PageResult<Vec<Row>> {
    let mut clients: HashMap<ClientId, String> = HashMap::new();
    let mut out = Vec::new();
    for r in list {
        let party = match org {
            Some(o) if o == r.to_org => Party::Receiver,
            Some(_) => Party::Sender,
            None => Party::Person,
        };
        let name = match st.store.client(r.client_id).await? {
            Some(c) => refs::shown_name(&st.store, (r, &c, party))
                .await?
                .unwrap_or_else(|| ctx.t("referral-client-withdrawn")),
            None => String::new(),
        };
        clients.insert(r.client_id, name);
        let what = what(st, ctx, r).await?;
        let direction = match org {
            Some(o) if o == r.to_org => ctx.t("referral-incoming"),
            Some(_) => ctx.t("referral-outgoing"),
            None => String::new(),
        };
        out.push(Row {
            url: ctx.url(&format!("/referrals/{}", r.id)),
            what,
            client: clients.get(&r.client_id).cloned().unwrap_or_default(),
            direction,
            state: step_text(
                ctx,
                r.state,
                r.decline_reason
                    .map(|d| d.as_str())
                    .or(r.outcome.map(|o| o.as_str())),
            ),
            when: date_time(r.updated_at),
        });
    }
    Ok(out)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    page: Option<String>,
}

/// `GET /{lang}/referrals`: an organization's referrals in and out, or the person's own.
pub async fn list(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let org = crate::referrals::coach_of(&user);
    let (list, pager) = match org {
        Some(o) => {
            let n = q.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1);
            let page = st
                .store
                .referrals_of_organization(o, PageRequest::new(n, 50))
                .await?;
            let pager =
                (page.total_pages() > 1).then(|| super::Pager::new(&ctx, "/referrals", &[], &page));
            (page.items, pager)
        }
        None if user.role == Role::JobSeeker => {
            let mine: Vec<ClientId> = st
                .store
                .clients_of_user(user.id)
                .await?
                .iter()
                .map(|c| c.id)
                .collect();
            let mut l = st.store.referrals_of_clients(&mine).await?;
            l.reverse();
            (l, None)
        }
        None => return Ok(not_for_role(ctx)),
    };
    let rows = rows(&st, &ctx, &list, org).await?;
    let page = ListPage {
        title: ctx.t("referrals-title"),
        notice: None,
        rows,
        coach: org.is_some(),
        clients_url: ctx.url("/clients"),
        off: st.config.data_keys.is_none(),
        pager,
        ctx,
    };
    render(&page, lang)
}
