//! HTML pages: one module per area, shared page context, cards and helpers.

mod account;
mod contact_links;
pub use contact_links::contact_links;
mod alerts;
pub mod articles;
mod attachments;
mod audit;
pub mod auth;
mod cards;
mod clients;
mod desk;
mod digests;
mod directory;
mod error_reports;
mod events;
mod export;
pub mod form;
mod home;
mod impact;
mod legal;
mod manage;
mod members;
mod municipalities;
mod networks;
mod password_reset;
mod people;
mod portfolio;
pub mod projects;
mod records;
mod referrals;
pub mod respond;
mod search;
mod second_factor;
mod signup;
mod talent;
mod threads;
pub use events::FeedCache;
pub use search::CardCache;

use crate::domain::{is_stale, Lang, LocalizedText, Location, Opportunity, Service};
use crate::error::{PageError, PageResult};
use crate::i18n::{month_year, t, t_args};
use crate::refdata::REF;
use crate::AppState;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;

pub use cards::{opportunity_card, organization_card, service_card};
pub use home::root as home_root;

/// Every page route with its handler; the router and the tests read the same table.
pub fn route_table() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/{lang}", get(home::redirect_to_slash)),
        ("/{lang}/", get(home::show)),
        ("/{lang}/search", get(search::show)),
        ("/{lang}/privacy", get(legal::privacy)),
        ("/{lang}/accessibility", get(legal::accessibility)),
        ("/{lang}/organizations", get(directory::organization_list)),
        (
            "/{lang}/organizations/{id}",
            get(directory::organization_show),
        ),
        ("/{lang}/services/{id}", get(directory::service_show)),
        ("/{lang}/opportunities", get(directory::opportunity_list)),
        (
            "/{lang}/opportunities/{id}",
            get(directory::opportunity_show),
        ),
        ("/{lang}/municipalities", get(municipalities::list)),
        ("/{lang}/municipalities/{code}", get(municipalities::show)),
        (
            "/{lang}/login",
            get(account::login_form).post(account::login),
        ),
        ("/{lang}/logout", post(account::logout)),
        (
            "/{lang}/login/second-factor",
            get(second_factor::form).post(second_factor::submit),
        ),
        ("/{lang}/account", get(account::account_show)),
        ("/{lang}/account/password", post(account::account_password)),
        ("/{lang}/account/delete", post(account::account_delete)),
        ("/{lang}/account/email", post(account::account_email)),
        ("/{lang}/account/sessions", post(account::account_sessions)),
        (
            "/{lang}/account/second-factor",
            post(account::account_second_factor),
        ),
        (
            "/{lang}/confirm-email",
            get(signup::confirm_email_form).post(signup::confirm_email),
        ),
        (
            "/{lang}/signup",
            get(signup::signup_form).post(signup::signup),
        ),
        (
            "/{lang}/confirm",
            get(signup::confirm_form).post(signup::confirm),
        ),
        (
            "/{lang}/password-reset",
            get(password_reset::form).post(password_reset::request),
        ),
        ("/{lang}/password-reset/new", post(password_reset::save)),
        (
            "/{lang}/organizations/register",
            get(manage::register_form).post(manage::register),
        ),
        (
            "/{lang}/organizations/{id}/edit",
            get(manage::profile_form).post(manage::profile_save),
        ),
        ("/{lang}/organizations/{id}/manage", get(desk::show)),
        (
            "/{lang}/organizations/{id}/services/new",
            get(records::new_form::<Service>).post(records::new_save::<Service>),
        ),
        (
            "/{lang}/organizations/{id}/opportunities/new",
            get(records::new_form::<Opportunity>).post(records::new_save::<Opportunity>),
        ),
        (
            "/{lang}/services/{id}/edit",
            get(records::edit_form::<Service>).post(records::edit_save::<Service>),
        ),
        (
            "/{lang}/opportunities/{id}/edit",
            get(records::edit_form::<Opportunity>).post(records::edit_save::<Opportunity>),
        ),
        (
            "/{lang}/organizations/{id}/locations/new",
            get(records::new_form::<Location>).post(records::new_save::<Location>),
        ),
        (
            "/{lang}/locations/{id}/edit",
            get(records::edit_form::<Location>).post(records::edit_save::<Location>),
        ),
        ("/{lang}/organizations/{id}/confirm", post(records::confirm)),
        ("/{lang}/services/{id}/confirm", post(records::confirm)),
        ("/{lang}/opportunities/{id}/confirm", post(records::confirm)),
        (
            "/{lang}/organizations/{id}/report",
            get(error_reports::form).post(error_reports::send),
        ),
        (
            "/{lang}/services/{id}/report",
            get(error_reports::form).post(error_reports::send),
        ),
        (
            "/{lang}/opportunities/{id}/report",
            get(error_reports::form).post(error_reports::send),
        ),
        ("/{lang}/reports/{id}/resolve", post(error_reports::resolve)),
        (
            "/{lang}/organizations/{id}/members",
            get(members::list).post(members::invite),
        ),
        (
            "/{lang}/organizations/{id}/members/remove",
            post(members::remove),
        ),
        (
            "/{lang}/invite",
            get(members::invite_form).post(members::accept),
        ),
        ("/{lang}/me", get(people::me_form).post(people::me_save)),
        ("/{lang}/me/matches", get(people::matches)),
        ("/{lang}/me/matches/hide", post(people::hide)),
        ("/{lang}/me/matches/unhide", post(people::unhide)),
        ("/{lang}/me/export", get(people::export)),
        ("/{lang}/me/delete", post(people::delete)),
        ("/{lang}/me/audit", get(people::audit)),
        ("/{lang}/impact", get(impact::show)),
        ("/{lang}/impact.csv", get(impact::csv)),
        ("/{lang}/events", get(events::list)),
        ("/{lang}/projects", get(projects::list)),
        (
            "/{lang}/projects/import",
            get(projects::import_form).post(projects::import).layer(
                axum::extract::DefaultBodyLimit::max(crate::MAX_UPLOAD_BYTES),
            ),
        ),
        ("/{lang}/projects/{id}", get(projects::show)),
        (
            "/{lang}/projects/{id}/edit",
            get(projects::edit_form).post(projects::update),
        ),
        ("/{lang}/projects/{id}/delete", post(projects::delete)),
        (
            "/{lang}/projects/{id}/attachments",
            post(projects::add_attachment).layer(axum::extract::DefaultBodyLimit::max(
                crate::MAX_UPLOAD_BYTES,
            )),
        ),
        (
            "/{lang}/projects/{id}/attachments/delete",
            post(projects::delete_attachment),
        ),
        ("/{lang}/attachments/{id}", get(attachments::serve)),
        ("/{lang}/articles", get(articles::list)),
        ("/{lang}/articles/{id}", get(articles::show)),
        ("/{lang}/articles/{id}/history", get(articles::history)),
        (
            "/{lang}/articles/{id}/edit",
            get(articles::edit_form).post(articles::update),
        ),
        ("/{lang}/articles/{id}/delete", post(articles::delete)),
        (
            "/{lang}/articles/{id}/attachments",
            post(articles::add_attachment).layer(axum::extract::DefaultBodyLimit::max(
                crate::MAX_UPLOAD_BYTES,
            )),
        ),
        (
            "/{lang}/articles/{id}/attachments/delete",
            post(articles::delete_attachment),
        ),
        (
            "/{lang}/organizations/{id}/articles/new",
            get(articles::new_form).post(articles::create),
        ),
        (
            "/{lang}/organizations/{id}/projects/new",
            get(projects::new_form).post(projects::create),
        ),
        (
            "/{lang}/events/signup",
            get(events::signup_status).post(events::signup_act),
        ),
        ("/{lang}/events/{id}", get(events::show)),
        (
            "/{lang}/events/{id}/edit",
            get(events::edit_form).post(events::update),
        ),
        ("/{lang}/events/{id}/cancel", post(events::cancel)),
        ("/{lang}/events/{id}/signup", post(events::signup)),
        ("/{lang}/events/{id}/withdraw", post(events::withdraw)),
        (
            "/{lang}/events/{id}/participants",
            get(events::participants),
        ),
        (
            "/{lang}/events/{id}/participants.csv",
            get(events::participants_csv),
        ),
        ("/{lang}/events/{id}/calendar.ics", get(events::event_ics)),
        (
            "/{lang}/organizations/{id}/events/new",
            get(events::new_form).post(events::create),
        ),
        (
            "/{lang}/organizations/{id}/events.ics",
            get(events::organization_ics),
        ),
        ("/{lang}/networks/{id}/events.ics", get(events::network_ics)),
        (
            "/{lang}/municipalities/{code}/events.ics",
            get(events::municipality_ics),
        ),
        (
            "/{lang}/calendars/{token}/events.ics",
            get(events::personal_ics),
        ),
        ("/{lang}/me/calendar", get(events::mine).post(events::renew)),
        ("/{lang}/networks", get(networks::list)),
        (
            "/{lang}/networks/new",
            get(networks::new_form).post(networks::create),
        ),
        ("/{lang}/networks/{id}", get(networks::show)),
        (
            "/{lang}/networks/{id}/edit",
            get(networks::edit_form).post(networks::update),
        ),
        ("/{lang}/networks/{id}/join", post(networks::join)),
        ("/{lang}/networks/{id}/leave", post(networks::leave)),
        ("/{lang}/networks/{id}/members", post(networks::answer)),
        (
            "/{lang}/networks/{id}/subscribe",
            get(digests::subscribe_form).post(digests::subscribe),
        ),
        (
            "/{lang}/networks/subscription",
            get(digests::subscription).post(digests::subscription_act),
        ),
        ("/{lang}/networks/{id}/feed.atom", get(digests::feed)),
        ("/{lang}/me/consents", get(clients::my_consents)),
        ("/{lang}/admin/audit", get(audit::admin)),
        ("/{lang}/me/consents/{id}/withdraw", post(clients::withdraw)),
        ("/{lang}/me/path", get(clients::my_path)),
        (
            "/{lang}/claim",
            get(clients::claim_form).post(clients::claim),
        ),
        ("/{lang}/clients", get(clients::list).post(clients::create)),
        ("/{lang}/clients/{id}", get(clients::show)),
        ("/{lang}/clients/{id}/claim-code", post(clients::claim_code)),
        (
            "/{lang}/clients/{client}/consents/{id}/withdraw",
            post(clients::withdraw),
        ),
        ("/{lang}/referrals", get(referrals::list)),
        (
            "/{lang}/referrals/new",
            get(referrals::new).post(referrals::create),
        ),
        (
            "/{lang}/referrals/{id}",
            get(referrals::show).post(referrals::act),
        ),
        (
            "/{lang}/referrals/{id}/follow-up",
            post(referrals::follow_up),
        ),
        ("/{lang}/me/portfolio", post(portfolio::upload)),
        ("/{lang}/me/portfolio/delete", post(portfolio::delete)),
        ("/{lang}/portfolio/{id}", get(portfolio::serve)),
        ("/{lang}/me/messages", get(threads::mine)),
        (
            "/{lang}/opportunities/{id}/interest",
            post(threads::interest),
        ),
        (
            "/{lang}/threads/{id}",
            get(threads::show).post(threads::reply),
        ),
        ("/{lang}/threads/{id}/status", post(threads::set_status)),
        (
            "/{lang}/organizations/{id}/interests",
            get(threads::of_organization),
        ),
        ("/{lang}/talent", get(talent::search)),
        ("/{lang}/people/{id}", get(talent::show)),
        ("/{lang}/people/{id}/contact", post(talent::contact)),
        ("/{lang}/me/searches", get(alerts::list).post(alerts::save)),
        ("/{lang}/me/searches/delete", post(alerts::delete)),
        (
            "/{lang}/unsubscribe",
            get(alerts::unsubscribe_form).post(alerts::unsubscribe),
        ),
        ("/{lang}/admin/reports", get(error_reports::queue)),
        ("/{lang}/admin/organizations", get(manage::queue)),
        (
            "/{lang}/admin/organizations/{id}/verify",
            post(manage::verify),
        ),
    ]
}

/// The language and place of the page being shown, for every template.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    /// Path after the language prefix, with the query: the language switch keeps it.
    rest: String,
    /// The token every form sends back (see `auth`).
    pub csrf: String,
    /// The signed-in account, if any.
    pub user: Option<crate::accounts::User>,
    /// Conversations with an unread message (shown in the header).
    pub unread: u64,
    /// Past the password, setting up or typing the second factor: the header says so
    /// instead of offering to sign in.
    pub pending: bool,
}

impl Ctx {
    pub fn bare(lang: Lang) -> Self {
        Self {
            lang,
            rest: "/".into(),
            csrf: String::new(),
            user: None,
            unread: 0,
            pending: false,
        }
    }

    /// The page as this viewer sees it: their form token, account and unread messages.
    pub fn seen_by(self, v: &auth::Viewer) -> Self {
        Self {
            csrf: v.csrf.clone(),
            user: v.user.clone(),
            unread: v.unread,
            pending: v.pending.is_some(),
            ..self
        }
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    pub fn tn(&self, key: &str, count: u64) -> String {
        t_args(self.lang, key, &[("count", count.into())])
    }

    /// A text with one named argument.
    pub fn t_arg(&self, key: &str, name: &'static str, value: &str) -> String {
        t_args(self.lang, key, &[(name, value.to_string().into())])
    }

    /// A path in the current language: `url("/organizations")` → `/fi/organizations`.
    pub fn url(&self, path: &str) -> String {
        format!("/{}{}", self.lang, path)
    }

    /// The sign-in page, coming back here afterwards (with the query: a search stays).
    pub fn login_url(&self) -> String {
        login_url(self.lang, &format!("/{}{}", self.lang, self.rest))
    }

    /// The sign-up page, coming back here after the e-mail is confirmed and the person signs in.
    pub fn signup_url(&self) -> String {
        let here = format!("/{}{}", self.lang, self.rest);
        format!("{}{}", self.url("/signup"), next_query(&safe_next(&here)))
    }

    /// Where the signed-in account reads its conversations: a person's messages, or the
    /// organization's interested people.
    pub fn messages_url(&self) -> Option<String> {
        let u = self.user.as_ref()?;
        if u.role == crate::accounts::Role::JobSeeker {
            return Some(self.url("/me/messages"));
        }
        u.organization_id
            .map(|o| self.url(&format!("/organizations/{o}/interests")))
    }

    /// "Viestit (2 uutta)" for the header.
    pub fn messages_label(&self) -> String {
        t_args(
            self.lang,
            "nav-messages-unread",
            &[("count", self.unread.into())],
        )
    }

    /// This page's path in the current language, without the query.
    /// On a service's or an open place's page, for a coach or a job seeker: the link that
    /// starts a referral there.
    pub fn refer_link(&self) -> Option<String> {
        let user = self.user.as_ref()?;
        if crate::referrals::coach_of(user).is_none()
            && user.role != crate::accounts::Role::JobSeeker
        {
            return None;
        }
        let path = self.rest.split('?').next().unwrap_or("/");
        let (kind, id) = path.trim_start_matches('/').split_once('/')?;
        let kind = match kind {
            "services" => "service",
            "opportunities" => "opportunity",
            _ => return None,
        };
        uuid::Uuid::parse_str(id).ok()?;
        Some(format!("/{}/referrals/new?to={kind}:{id}", self.lang))
    }

    pub fn here(&self) -> String {
        let path = self.rest.split('?').next().unwrap_or("/");
        format!("/{}{}", self.lang, path)
    }

    /// Links to this same page in each language: (code, label, url, is current).
    pub fn languages(&self) -> Vec<(&'static str, String, String, bool)> {
        Lang::ALL
            .iter()
            .map(|l| {
                (
                    l.code(),
                    t(*l, "language-name"),
                    format!("/{}{}", l, self.rest),
                    *l == self.lang,
                )
            })
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> PageResult<Self> {
        let path = parts.uri.path();
        let mut segments = path.trim_start_matches('/').splitn(2, '/');
        let lang = segments
            .next()
            .and_then(Lang::parse)
            .ok_or(PageError::not_found())?;
        let mut rest = format!("/{}", segments.next().unwrap_or(""));
        if let Some(q) = parts.uri.query() {
            rest.push('?');
            rest.push_str(q);
        }
        let ctx = Ctx {
            rest,
            ..Ctx::bare(lang)
        };
        Ok(match parts.extensions.get::<auth::Viewer>() {
            Some(v) => ctx.seen_by(v),
            None => ctx,
        })
    }
}

pub use crate::extract::PathId;

/// A public record named by a route (`/{lang}/services/{id}/report`): its kind, from the
/// route as written, and its id. A route of another kind is a translated 404.
pub struct RecordPath {
    pub kind: crate::domain::RecordKind,
    pub id: String,
}

impl<S: Send + Sync> FromRequestParts<S> for RecordPath {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> PageResult<Self> {
        let kind = crate::extract::route_segment(parts, 1)
            .and_then(crate::domain::RecordKind::from_plural)
            .ok_or(PageError::not_found())?;
        let PathId(id) = PathId::from_request_parts(parts, s)
            .await
            .unwrap_or_else(|e| match e {});
        Ok(RecordPath { kind, id })
    }
}

/// Query parameters of a page; a malformed query is a translated 400 page.
pub struct PageQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for PageQuery<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> PageResult<Self> {
        Ctx::from_request_parts(parts, s).await?;
        crate::search::query::parse_params(parts.uri.query().unwrap_or(""))
            .map(PageQuery)
            .map_err(|_| PageError::bad_request())
    }
}

pub use crate::domain::encode_component;

/// Pages that make no sense to return to after signing in (they would loop or sign out).
const NOT_A_RETURN: &[&str] = &[
    "login",
    "logout",
    "signup",
    "confirm",
    "confirm-email",
    "password-reset",
];

/// A return path after signing in, or None: a path of this site only (no scheme, no host, no
/// `//` or `\\` that a browser would read as another host), in one of our languages, not a
/// sign-in page.
pub fn safe_next(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty()
        || s.len() > 500
        || !s.starts_with('/')
        || s.starts_with("//")
        || s.contains('\\')
        || s.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return None;
    }
    let path = s.split(['?', '#']).next().unwrap_or("");
    // No `.` or `..` segment and no empty one: `/fi/../..//evil` would climb out of the
    // language prefix and end as `//evil` (outside test).
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let last = parts.len().saturating_sub(1);
    if parts
        .iter()
        .enumerate()
        .any(|(i, seg)| matches!(*seg, "." | "..") || (seg.is_empty() && i < last))
    {
        return None;
    }
    let mut segments = path.split('/').skip(1);
    Lang::parse(segments.next()?)?;
    if NOT_A_RETURN.contains(&segments.next().unwrap_or("")) {
        return None;
    }
    Some(s.to_string())
}

/// The sign-in page in `lang`, coming back to `here` (path and query) when it is a safe
/// return path.
pub fn login_url(lang: Lang, here: &str) -> String {
    format!("/{lang}/login{}", next_query(&safe_next(here)))
}

/// `?next=…` for a form's action or a link, when there is a return path.
pub fn next_query(next: &Option<String>) -> String {
    next.as_deref()
        .map(|n| format!("?next={}", encode_component(n)))
        .unwrap_or_default()
}

/// An empty form field means "not given".
pub fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub fn render(page: &impl Template, lang: Lang) -> PageResult {
    match page.render() {
        Ok(html) => Ok(([(header::CONTENT_LANGUAGE, lang.code())], Html(html)).into_response()),
        Err(e) => {
            tracing::error!(error = %e, "template error");
            Err(PageError::internal())
        }
    }
}

/// A form page: 200, or 400 when it shows what was wrong with what was sent.
pub fn render_form(page: &impl Template, lang: Lang, refused: bool) -> Response {
    let status = if refused {
        axum::http::StatusCode::BAD_REQUEST
    } else {
        axum::http::StatusCode::OK
    };
    respond::with_status(render(page, lang), status)
}

/// A text in the page's language, or the Finnish one marked as such.
#[derive(Debug, Clone)]
pub struct Txt {
    pub text: String,
    /// Set when the text is not in the page's language: the `lang` attribute to use.
    pub lang: Option<&'static str>,
    pub note: Option<String>,
}

impl Txt {
    pub fn new(lt: &LocalizedText, lang: Lang) -> Self {
        let (text, got) = lt.get(lang);
        Self::from_parts(text.to_string(), got, lang)
    }

    fn from_parts(text: String, got: Lang, lang: Lang) -> Self {
        let fallback = got != lang;
        Txt {
            text,
            lang: fallback.then(|| got.code()),
            note: fallback.then(|| {
                t(
                    lang,
                    match got {
                        Lang::Fi => "fallback-in-finnish",
                        Lang::Sv => "fallback-in-swedish",
                        Lang::En => "fallback-in-english",
                    },
                )
            }),
        }
    }

    /// The first `max` characters, cut at a word boundary.
    pub fn summary(lt: &LocalizedText, lang: Lang, max: usize) -> Self {
        let (text, got) = lt.get(lang);
        let first_para = text.split("\n\n").next().unwrap_or("");
        let short = if first_para.chars().count() <= max {
            first_para.to_string()
        } else {
            let cut: String = first_para.chars().take(max).collect();
            let cut = cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut);
            format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
        };
        Self::from_parts(short, got, lang)
    }

    /// Paragraphs of a longer text.
    /// The text in pieces, phone numbers and e-mail addresses as links.
    pub fn linked(&self) -> Vec<(String, Option<String>)> {
        contact_links(&self.text)
    }

    pub fn paragraphs(&self) -> Vec<&str> {
        self.text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }
}

/// A result card, the same for every kind of record.
#[derive(Debug, Clone)]
pub struct Card {
    pub kind: String,
    pub url: String,
    pub name: Txt,
    pub organization: Option<String>,
    pub place: Option<String>,
    pub summary: Txt,
    pub tags: Vec<String>,
    /// When the record was last checked (an event, which has its date instead, has none).
    pub fresh: Option<Fresh>,
    /// What a printed list and a CSV need of each record (the label's translation key,
    /// value): status, address, phone, hours. Printed only: on a screen the record's own
    /// page has them.
    pub print: Vec<(&'static str, String)>,
}

/// "Checked 3/2026", or a stale warning after a year.
#[derive(Debug, Clone)]
pub struct Fresh {
    pub text: String,
    pub stale: bool,
}

impl Fresh {
    pub fn new(lang: Lang, last_verified_at: OffsetDateTime) -> Self {
        let stale = is_stale(last_verified_at, OffsetDateTime::now_utc());
        let key = if stale {
            "fresh-stale"
        } else {
            "fresh-checked"
        };
        Fresh {
            text: t_args(lang, key, &[("date", month_year(last_verified_at).into())]),
            stale,
        }
    }
}

/// A list filtered by an organization names it: (id, name) when it exists.
pub async fn filter_organization(
    store: &crate::store::DynStore,
    id: Option<crate::domain::OrganizationId>,
) -> crate::store::StoreResult<Option<(String, String)>> {
    Ok(match id {
        Some(id) => store
            .organization(id)
            .await?
            .map(|o| (o.id.to_string(), o.name)),
        None => None,
    })
}

pub fn municipality_name(code: &str, lang: Lang) -> String {
    REF.municipality(code)
        .map(|m| m.name(lang).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub fn term_labels(
    ids: &[String],
    lookup: fn(&str) -> Option<&'static crate::refdata::Term>,
    lang: Lang,
) -> Vec<String> {
    ids.iter()
        .map(|id| {
            lookup(id)
                .map(|t| t.label.text(lang).to_string())
                .unwrap_or_else(|| id.clone())
        })
        .collect()
}

pub fn topic_term(id: &str) -> Option<&'static crate::refdata::Term> {
    REF.taxonomies.topic(id)
}

pub fn target_group_term(id: &str) -> Option<&'static crate::refdata::Term> {
    REF.taxonomies.target_group(id)
}

/// Paging links that keep the rest of the query.
#[derive(Debug, Clone)]
pub struct Pager {
    pub prev: Option<String>,
    pub next: Option<String>,
    pub label: String,
}

impl Pager {
    pub fn new<T>(
        ctx: &Ctx,
        path: &str,
        query: &[(&str, String)],
        page: &crate::store::Page<T>,
    ) -> Self {
        let link = |n: u32| {
            let mut q: Vec<(&str, String)> = query
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .cloned()
                .collect();
            if n > 1 {
                q.push(("page", n.to_string()));
            }
            let qs = serde_urlencoded::to_string(&q).unwrap_or_default();
            if qs.is_empty() {
                ctx.url(path)
            } else {
                format!("{}?{}", ctx.url(path), qs)
            }
        };
        let p = page.request.page;
        Pager {
            prev: (p > 1).then(|| link(p - 1)),
            next: page.has_next().then(|| link(p + 1)),
            label: t_args(
                ctx.lang,
                "pager-label",
                &[
                    ("page", u64::from(p).into()),
                    ("pages", page.total_pages().max(1).into()),
                ],
            ),
        }
    }
}

/// A JSON-LD document for a `<script type="application/ld+json">` (no `<` in it, so no text
/// can end the script element).
pub fn json_ld(doc: &serde_json::Value) -> String {
    serde_json::to_string(doc)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_stay_on_this_site_in_a_language() {
        for ok in [
            "/fi/",
            "/fi/opportunities/x",
            "/sv/search?q=a&municipality=398",
            "/en/me",
        ] {
            assert_eq!(safe_next(ok).as_deref(), Some(ok), "{ok}");
        }
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example",
            "/fi/../..//evil",
            "/fi/./x",
            "/fi//evil",
            "/xx/opportunities",
            "/fi/login",
            "/fi/logout",
            "/fi/a b",
            "fi/x",
            "",
        ] {
            assert_eq!(safe_next(bad), None, "{bad}");
        }
    }

    #[test]
    fn summary_cuts_at_a_word() {
        let lt = LocalizedText::fi("Kudomme mattoja ja opetamme kudontaa kaikille halukkaille.");
        let s = Txt::summary(&lt, Lang::Fi, 20);
        assert_eq!(s.text, "Kudomme mattoja ja…");
        assert!(s.lang.is_none());
    }

    #[test]
    fn fallback_is_marked() {
        let lt = LocalizedText::fi("Kahvila");
        let s = Txt::new(&lt, Lang::En);
        assert_eq!(s.lang, Some("fi"));
        assert!(s.note.is_some());
    }
}
