//! Clients and consents: a coach records a client with the least data that works
//! (`/clients`), sees their consents and path and gives them a claim code
//! (`/clients/{id}`); the person takes the record over (`/claim`), sees and withdraws their
//! consents (`/me/consents`) and follows their own path (`/me/path`).

use super::auth::SignedIn;
use super::form::{self, Field};
use super::people::date_time;
use super::referrals::step_text;
use super::respond::{see_other, DoneQuery, Notice};
use super::{render, render_form, Ctx, PageQuery};
use crate::accounts::{Role, User};
use crate::domain::referrals::{Client, ClientId, Consent, ConsentId, Referral};
use crate::error::{PageError, PageResult};
use crate::referrals::{coach_of, may_open_client};
use crate::services::referrals as refs;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use serde::Deserialize;
use std::collections::HashMap;

/// Longest display name of a client.
const MAX_NAME: usize = 60;

/// Organizations' names, each asked of the store once per page.
#[derive(Default)]
pub(super) struct OrgNames(HashMap<crate::domain::OrganizationId, String>);

impl OrgNames {
    pub(super) async fn of(
        &mut self,
        st: &AppState,
        id: crate::domain::OrganizationId,
    ) -> PageResult<String> {
        if let std::collections::hash_map::Entry::Vacant(e) = self.0.entry(id) {
            let name = st
                .store
                .organization(id)
                .await?
                .map(|o| o.name)
                .unwrap_or_default();
            e.insert(name);
        }
        Ok(self.0.get(&id).cloned().unwrap_or_default())
    }
}

/// A consent as a row: (id, purpose, given, method, expires, state, withdrawable).
pub struct ConsentRow {
    pub id: String,
    pub purpose: String,
    pub recipient: String,
    pub given: String,
    pub method: String,
    pub expires: String,
    pub state: String,
    pub open: bool,
    pub text: String,
}

async fn consent_rows(
    st: &AppState,
    ctx: &Ctx,
    consents: &[Consent],
) -> PageResult<Vec<ConsentRow>> {
    let now = time::OffsetDateTime::now_utc();
    let mut out = Vec::new();
    let mut names = OrgNames::default();
    for c in consents {
        let recipient = match c.recipient {
            Some(o) => names.of(st, o).await?,
            None => ctx.t("consent-recipient-any"),
        };
        let text = st
            .store
            .consent_text(c.purpose, c.text_version)
            .await?
            .map(|t| t.text(ctx.lang).to_string())
            .unwrap_or_default();
        let state = match c.withdrawn_at {
            Some(at) => format!("{} {}", ctx.t("consent-withdrawn"), date_time(at)),
            None if c.expires_at <= now => ctx.t("consent-expired"),
            None => ctx.t("consent-in-force"),
        };
        out.push(ConsentRow {
            id: c.id.to_string(),
            purpose: ctx.t(&format!("consent-purpose-{}", c.purpose.as_str())),
            recipient,
            given: date_time(c.given_at),
            method: ctx.t(&format!("consent-method-{}", c.method.as_str())),
            expires: date_time(c.expires_at),
            state,
            open: c.in_force(now),
            text,
        });
    }
    Ok(out)
}

/// A step on a person's path.
pub struct PathStep {
    pub when: String,
    pub organization: String,
    pub what: String,
    pub step: String,
    pub url: String,
}

/// Every step of the referrals of these client records, oldest first, with the
/// organizations' names and dates.
pub(super) async fn path_steps(
    st: &AppState,
    ctx: &Ctx,
    referrals: &[Referral],
) -> PageResult<Vec<PathStep>> {
    let ids: Vec<_> = referrals.iter().map(|r| r.id).collect();
    let events = st.store.referral_events(&ids).await?;
    let follow_ups = st.store.follow_ups_of(&ids).await?;
    let by_id: HashMap<_, _> = referrals.iter().map(|r| (r.id, r)).collect();
    let mut orgs = OrgNames::default();
    let mut names: HashMap<crate::domain::OrganizationId, String> = HashMap::new();
    let mut whats: HashMap<crate::domain::referrals::ReferralId, String> = HashMap::new();
    for r in referrals {
        names.insert(r.to_org, orgs.of(st, r.to_org).await?);
        whats.insert(r.id, super::referrals::what(st, ctx, r).await?);
    }
    let mut steps: Vec<(time::OffsetDateTime, PathStep)> = Vec::new();
    for e in events {
        let Some(r) = by_id.get(&e.referral_id) else {
            continue;
        };
        steps.push((
            e.at,
            PathStep {
                when: date_time(e.at),
                organization: names.get(&r.to_org).cloned().unwrap_or_default(),
                what: whats.get(&r.id).cloned().unwrap_or_default(),
                step: step_text(ctx, e.state, e.detail.as_deref()),
                url: ctx.url(&format!("/referrals/{}", r.id)),
            },
        ));
    }
    for f in follow_ups.iter().filter(|f| f.answered_at.is_some()) {
        let Some(r) = by_id.get(&f.referral_id) else {
            continue;
        };
        let at = f.answered_at.unwrap_or(f.due_at);
        steps.push((
            at,
            PathStep {
                when: date_time(at),
                organization: names.get(&r.to_org).cloned().unwrap_or_default(),
                what: whats.get(&r.id).cloned().unwrap_or_default(),
                step: format!(
                    "{}: {}",
                    ctx.tn("follow-up-after-months", f.months as u64),
                    f.outcome
                        .map(|o| ctx.t(&format!("outcome-{}", o.as_str())))
                        .unwrap_or_default()
                ),
                url: ctx.url(&format!("/referrals/{}", r.id)),
            },
        ));
    }
    steps.sort_by_key(|(at, _)| *at);
    Ok(steps.into_iter().map(|(_, s)| s).collect())
}

#[derive(Template)]
#[template(path = "clients/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    /// (url, name, municipality, claimed)
    rows: Vec<(String, String, String, bool)>,
    action: String,
    to: String,
    name: Field,
    birth_year: Field,
    municipality: Field,
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct ClientForm {
    display_name: String,
    birth_year: String,
    municipality: String,
    to: String,
}

async fn list_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    f: &ClientForm,
    errors: &[(&str, String)],
    notice: Option<Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let Some(org) = coach_of(user) else {
        return Ok(super::referrals::not_for_role(ctx));
    };
    let rows = st
        .store
        .clients_of_organization(org)
        .await?
        .into_iter()
        .map(|c| {
            (
                ctx.url(&format!("/clients/{}", c.id)),
                c.display_name,
                c.municipality
                    .as_deref()
                    .map(|m| super::municipality_name(m, lang))
                    .unwrap_or_default(),
                c.user_id.is_some(),
            )
        })
        .collect();
    let name = Field::new(&ctx, "client", "display_name", "text")
        .value(&f.display_name)
        .max_chars(MAX_NAME)
        .required()
        .error_from(errors);
    let birth_year = Field::new(&ctx, "client", "birth_year", "text")
        .value(&f.birth_year)
        .max_chars(4)
        .error_from(errors);
    let mut options = vec![(String::new(), ctx.t("client-municipality-none"))];
    options.extend(super::manage::municipality_options(&ctx));
    let municipality = Field::new(&ctx, "client", "municipality", "select")
        .options(String::new(), options)
        .value(&f.municipality)
        .error_from(errors);
    let page = ListPage {
        title: ctx.t("clients-title"),
        notice,
        errors: form::summary(&[&name, &birth_year, &municipality]),
        rows,
        action: ctx.url("/clients"),
        to: f.to.clone(),
        name,
        birth_year,
        municipality,
        ctx,
    };
    Ok(render_form(&page, lang, !errors.is_empty()))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClientsQuery {
    to: String,
}

/// `GET /{lang}/clients`: the organization's clients and a form to add one.
pub async fn list(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<ClientsQuery>,
) -> PageResult {
    let f = ClientForm {
        to: q.to,
        ..ClientForm::default()
    };
    list_page(&st, ctx, &user, &f, &[], None).await
}

/// `POST /{lang}/clients`: records a client; with a claim code, shows it once.
pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    if coach_of(&user).is_none() {
        return Ok(super::referrals::not_for_role(ctx));
    }
    let f: ClientForm = form::parse(&body);
    let mut errors = Vec::new();
    let name = f.display_name.trim();
    if name.is_empty() {
        errors.push(("display_name", ctx.t("client-error-name")));
    } else if name.chars().count() > MAX_NAME || !crate::domain::is_one_line(name) {
        errors.push(("display_name", ctx.t("client-error-name-long")));
    }
    let this_year = crate::domain::helsinki::today().year();
    let birth_year = match f.birth_year.trim() {
        "" => None,
        y => match y.parse::<i32>() {
            Ok(y) if (this_year - 100..=this_year - 14).contains(&y) => Some(y),
            _ => {
                errors.push(("birth_year", ctx.t("client-error-birth-year")));
                None
            }
        },
    };
    let municipality = match f.municipality.trim() {
        "" => None,
        m if crate::refdata::REF.municipality(m).is_some() => Some(m.to_string()),
        _ => {
            errors.push(("municipality", ctx.t("client-error-municipality")));
            None
        }
    };
    if !errors.is_empty() {
        return list_page(&st, ctx, &user, &f, &errors, None).await;
    }
    let Some((client, _)) =
        refs::record_client(&st.store, &user, name, birth_year, municipality, false).await?
    else {
        return Err(PageError::forbidden());
    };
    // Post, then redirect: a reload does not add the client again. The claim code is made on
    // the client's page (shown once there).
    let mut next = format!("/clients/{}?done=added", client.id);
    if let Some(t) = crate::services::referrals::Target::parse(&f.to) {
        next.push_str(&format!("&to={}", t.code()));
    }
    Ok(see_other(&ctx.url(&next), []))
}

#[derive(Template)]
#[template(path = "clients/show.html")]
struct ClientPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    /// (label, value)
    facts: Vec<(String, String)>,
    claimed: bool,
    code: Option<String>,
    claim_url: String,
    code_action: String,
    consents: Vec<ConsentRow>,
    withdraw_base: String,
    steps: Vec<PathStep>,
    refer_url: Option<String>,
    search_url: String,
}

async fn client_page(
    st: &AppState,
    ctx: Ctx,
    user: &User,
    client: &Client,
    code: Option<String>,
    refer_to: Option<String>,
    done: Option<&str>,
) -> PageResult {
    let lang = ctx.lang;
    if !may_open_client(user, client) {
        crate::accounts::audit::refused("authz_fail", Some(user.id), "client");
        return Err(PageError::not_found());
    }
    let now = time::OffsetDateTime::now_utc();
    st.store
        .append_audit(&[crate::referrals::audit(
            Some(user),
            "path",
            "read",
            ("client", client.id.to_string()),
            Some(client.id),
            now,
        )])
        .await?;
    let mut facts = vec![(
        ctx.t("client-display_name-label"),
        client.display_name.clone(),
    )];
    if let Some(y) = client.birth_year {
        facts.push((ctx.t("client-birth_year-label"), y.to_string()));
    }
    if let Some(m) = &client.municipality {
        facts.push((
            ctx.t("client-municipality-label"),
            super::municipality_name(m, lang),
        ));
    }
    facts.push((ctx.t("client-added"), date_time(client.created_at)));
    let consents = st.store.consents_of(&[client.id]).await?;
    let referrals = st.store.referrals_of_clients(&[client.id]).await?;
    let notice = match done {
        Some("added") => Some(Notice::success(ctx.t("client-added-notice"))),
        Some("withdrawn") => Some(Notice::success(ctx.t("consent-withdrawn-notice"))),
        Some("code") => Some(Notice::success(ctx.t("client-code-notice"))),
        _ => None,
    };
    let page = ClientPage {
        title: client.display_name.clone(),
        notice,
        errors: Vec::new(),
        facts,
        claimed: client.user_id.is_some(),
        code,
        claim_url: format!(
            "{}{}",
            st.config.public_url().trim_end_matches('/'),
            ctx.url("/claim")
        ),
        code_action: ctx.url(&format!("/clients/{}/claim-code", client.id)),
        consents: consent_rows(st, &ctx, &consents).await?,
        withdraw_base: ctx.url(&format!("/clients/{}/consents", client.id)),
        steps: path_steps(st, &ctx, &referrals).await?,
        refer_url: refer_to
            .map(|t| ctx.url(&format!("/referrals/new?to={t}&client={}", client.id))),
        search_url: ctx.url("/search"),
        ctx,
    };
    render(&page, lang)
}

async fn own_client(st: &AppState, user: &User, id: &str) -> PageResult<Client> {
    let id = ClientId::parse(id).ok_or(PageError::not_found())?;
    let c = st.store.client(id).await?.ok_or(PageError::not_found())?;
    if !may_open_client(user, &c) {
        crate::accounts::audit::refused("authz_fail", Some(user.id), "client");
        return Err(PageError::not_found());
    }
    Ok(c)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ClientQuery {
    done: Option<String>,
    to: String,
}

/// `GET /{lang}/clients/{id}`
pub async fn show(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
    PageQuery(q): PageQuery<ClientQuery>,
) -> PageResult {
    let c = own_client(&st, &user, &id).await?;
    let to = crate::services::referrals::Target::parse(&q.to).map(|t| t.code());
    client_page(&st, ctx, &user, &c, None, to, q.done.as_deref()).await
}

/// `POST /{lang}/clients/{id}/claim-code`: a new code (the old one stops working), shown once.
pub async fn claim_code(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    axum::extract::Path((_, id)): axum::extract::Path<(String, String)>,
) -> PageResult {
    let c = own_client(&st, &user, &id).await?;
    let code = refs::new_claim_code(&st.store, &user, &c).await?;
    let done = code.as_ref().map(|_| "code");
    client_page(&st, ctx, &user, &c, code, None, done).await
}

/// `POST /{lang}/clients/{client}/consents/{id}/withdraw` (a coach records what the person
/// said) and `POST /{lang}/me/consents/{id}/withdraw` (the person).
pub async fn withdraw(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    super::PathId(id): super::PathId,
) -> PageResult {
    let id = ConsentId::parse(&id).ok_or(PageError::not_found())?;
    let notices = super::referrals::notices(&st, ctx.lang);
    let consent = st.store.consent(id).await?.ok_or(PageError::not_found())?;
    match refs::withdraw(&st.store, &notices, &user, id).await? {
        None => {
            crate::accounts::audit::refused("authz_fail", Some(user.id), "consent");
            Err(PageError::not_found())
        }
        Some(_) if user.role == Role::JobSeeker => {
            Ok(see_other(&ctx.url("/me/consents?done=withdrawn"), []))
        }
        Some(_) => Ok(see_other(
            &ctx.url(&format!("/clients/{}?done=withdrawn", consent.client_id)),
            [],
        )),
    }
}

#[derive(Template)]
#[template(path = "clients/consents.html")]
struct ConsentsPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    consents: Vec<ConsentRow>,
    withdraw_base: String,
}

/// The person's own client records, their reading for `purpose` written to the audit log.
async fn read_own(st: &AppState, user: &User, purpose: &str) -> PageResult<Vec<ClientId>> {
    let clients: Vec<ClientId> = st
        .store
        .clients_of_user(user.id)
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    let now = time::OffsetDateTime::now_utc();
    let audit: Vec<_> = clients
        .iter()
        .map(|c| {
            let record = ("client", c.to_string());
            crate::referrals::audit(Some(user), purpose, "read", record, Some(*c), now)
        })
        .collect();
    st.store.append_audit(&audit).await?;
    Ok(clients)
}

/// `GET /{lang}/me/consents`: every consent the person has given (or a coach recorded).
pub async fn my_consents(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let clients = read_own(&st, &user, "consent").await?;
    let consents = st.store.consents_of(&clients).await?;
    let notice = match q.done.as_deref() {
        Some("withdrawn") => Some(Notice::success(ctx.t("consent-withdrawn-notice"))),
        _ => None,
    };
    let page = ConsentsPage {
        title: ctx.t("consents-title"),
        notice,
        errors: Vec::new(),
        consents: consent_rows(&st, &ctx, &consents).await?,
        withdraw_base: ctx.url("/me/consents"),
        ctx,
    };
    render(&page, lang)
}

#[derive(Template)]
#[template(path = "clients/path.html")]
struct PathPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    steps: Vec<PathStep>,
}

/// `GET /{lang}/me/path`: the person's whole path on one printable timeline.
pub async fn my_path(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let clients = read_own(&st, &user, "path").await?;
    let referrals = st.store.referrals_of_clients(&clients).await?;
    let notice = match q.done.as_deref() {
        Some("claimed") => Some(Notice::success(ctx.t("claim-done"))),
        _ => None,
    };
    let page = PathPage {
        title: ctx.t("path-title"),
        notice,
        errors: Vec::new(),
        steps: path_steps(&st, &ctx, &referrals).await?,
        ctx,
    };
    render(&page, lang)
}

#[derive(Template)]
#[template(path = "clients/claim.html")]
struct ClaimPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    action: String,
    code: Field,
    for_person: bool,
}

fn claim_page(ctx: Ctx, user: &User, value: &str, error: Option<String>) -> PageResult {
    let lang = ctx.lang;
    let code = Field::new(&ctx, "claim", "code", "text")
        .value(value)
        .max_chars(40)
        .autocomplete("one-time-code")
        .required()
        .error(error);
    let refused = code.error.is_some();
    let page = ClaimPage {
        title: ctx.t("claim-title"),
        notice: None,
        errors: form::summary(&[&code]),
        action: ctx.url("/claim"),
        code,
        for_person: user.role == Role::JobSeeker,
        ctx,
    };
    Ok(render_form(&page, lang, refused))
}

/// `GET /{lang}/claim`
pub async fn claim_form(SignedIn(user, _): SignedIn, ctx: Ctx) -> PageResult {
    claim_page(ctx, &user, "", None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ClaimForm {
    code: String,
}

/// `POST /{lang}/claim`: the record the code names becomes the person's.
pub async fn claim(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: ClaimForm = form::parse(&body);
    match refs::claim(&st.store, &user, f.code.trim()).await? {
        refs::Claimed::Claimed(_) => Ok(see_other(&ctx.url("/me/path?done=claimed"), [])),
        refs::Claimed::NotAPerson => claim_page(ctx, &user, &f.code, None),
        refs::Claimed::Wrong => {
            let e = ctx.t("claim-error-code");
            claim_page(ctx, &user, &f.code, Some(e))
        }
        refs::Claimed::Throttled(wait) => {
            let e = ctx.t("claim-error-throttled");
            let page = claim_page(ctx, &user, &f.code, Some(e));
            Ok(super::respond::too_many_requests(page, wait))
        }
    }
}
