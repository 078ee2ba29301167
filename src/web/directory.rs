//! Organization, service and opportunity pages (their cards are in `cards`).

use super::cards::{opportunity_status, CardLookup};
use super::export::{csv_response, every_page, share, wants_csv, Share};
use super::{
    municipality_name, non_empty, render, target_group_term, term_labels, topic_term, Card, Ctx,
    Fresh, PageQuery, Pager, PathId, Txt,
};
use crate::domain::*;
use crate::error::{PageError, PageResult};
use crate::i18n::date;
use crate::refdata::REF;
use crate::store::{
    DynStore, OpportunityFilter, OrganizationFilter, Page, PageRequest, ServiceFilter, StoreResult,
};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use serde::Deserialize;

const PER_PAGE: u32 = 20;

/// An organization's e-mail and phones as links: on its page, and where a place says nothing
/// of how to apply.
fn contact_facts(ctx: &Ctx, o: &Organization) -> Vec<Fact> {
    let email = o
        .email
        .iter()
        .map(|e| Fact::link(ctx.t("field-email"), e.clone(), format!("mailto:{e}")));
    let phones = o.phones.iter().map(|p| {
        let label = p
            .description
            .as_ref()
            .map(|d| d.text(ctx.lang).to_string())
            .unwrap_or_else(|| ctx.t("field-phone"));
        Fact::link(
            label,
            p.number.clone(),
            format!("tel:{}", p.number.replace(' ', "")),
        )
    });
    email.chain(phones).collect()
}

/// A `<select>` option.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Municipalities that have records, for filter selects.
pub(super) async fn municipality_choices(
    store: &DynStore,
    ctx: &Ctx,
    selected: &[String],
) -> PageResult<Vec<Choice>> {
    let counts = store.municipality_counts().await?;
    let mut out: Vec<Choice> = counts
        .iter()
        .map(|c| Choice {
            value: c.code.clone(),
            label: municipality_name(&c.code, ctx.lang),
            selected: selected.contains(&c.code),
        })
        .collect();
    out.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(out)
}

/// Municipalities given as a query parameter (repeated or separated by commas): known
/// codes or names, any of which a record may be in.
fn municipality_param(m: &Option<String>) -> PageResult<Vec<String>> {
    let mut codes: Vec<String> = Vec::new();
    for s in crate::search::query::listed(non_empty(m).unwrap_or("")) {
        let code = REF
            .find_municipality(s)
            .map(|m| m.code.clone())
            .ok_or(PageError::bad_request())?;
        if !codes.contains(&code) && codes.len() < crate::search::query::MAX_FACET_VALUES {
            codes.push(code);
        }
    }
    Ok(codes)
}

fn page_param(p: Option<u32>) -> PageRequest {
    PageRequest::new(p.unwrap_or(1), PER_PAGE)
}

/// Every record of a list as CSV, with the page's filters (at most two built at once).
async fn list_csv<T, F, Fut, C, CFut>(
    st: &AppState,
    ctx: &Ctx,
    file: &str,
    fetch: F,
    cards: C,
) -> PageResult
where
    F: Fn(PageRequest) -> Fut,
    Fut: std::future::Future<Output = StoreResult<Page<T>>>,
    C: FnOnce(Vec<T>) -> CFut,
    CFut: std::future::Future<Output = PageResult<Vec<Card>>>,
{
    let _turn = super::export::csv_turn().await;
    let all = every_page(|r| {
        let page = fetch(r);
        async move { page.await.map(|p| (p.items, p.total)) }
    })
    .await?;
    let cards = cards(all).await?;
    Ok(csv_response(ctx, &st.config.public_url(), file, &cards))
}

/// A page of a list. One past the last (an old link, a typed URL) is the last page, with a
/// note that says so, as search does.
async fn page_or_last<T, F, Fut>(
    ctx: &Ctx,
    asked: Option<u32>,
    fetch: F,
) -> PageResult<(Page<T>, Option<String>)>
where
    F: Fn(PageRequest) -> Fut,
    Fut: std::future::Future<Output = StoreResult<Page<T>>>,
{
    let page = fetch(page_param(asked)).await?;
    let last = u32::try_from(page.total_pages()).unwrap_or(u32::MAX);
    if page.total == 0 || page.request.page <= last {
        return Ok((page, None));
    }
    let note = crate::i18n::t_args(
        ctx.lang,
        "list-page-beyond",
        &[
            ("page", u64::from(page.request.page).into()),
            ("pages", u64::from(last).into()),
        ],
    );
    Ok((fetch(PageRequest::new(last, PER_PAGE)).await?, Some(note)))
}

#[derive(Deserialize)]
pub struct OrganizationListQuery {
    municipality: Option<String>,
    page: Option<u32>,
    format: Option<String>,
}

#[derive(Template)]
#[template(path = "organizations/list.html")]
struct OrganizationListPage {
    ctx: Ctx,
    title: String,
    municipalities: Vec<Choice>,
    total: String,
    /// A page past the last was asked for: this is the last, and this says so.
    beyond: Option<String>,
    cards: Vec<Card>,
    pager: Pager,
    share: Share,
}

pub async fn organization_list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<OrganizationListQuery>,
) -> PageResult {
    let municipality = municipality_param(&q.municipality)?;
    let filter = OrganizationFilter {
        municipalities: municipality.clone(),
        ..Default::default()
    };
    let fetch = |r| st.store.organizations(&filter, r);
    if wants_csv(&q.format) {
        let (lookup, c) = (CardLookup::new(&st.store, ctx.lang), &ctx);
        let cards =
            |all: Vec<Organization>| async move { lookup.organization_cards(c, &all).await };
        return list_csv(&st, &ctx, "kolmonen-organizations", fetch, cards).await;
    }
    let (page, beyond) = page_or_last(&ctx, q.page, fetch).await?;
    let cards = CardLookup::new(&st.store, ctx.lang)
        .organization_cards(&ctx, &page.items)
        .await?;
    let pager = Pager::new(
        &ctx,
        "/organizations",
        &[("municipality", municipality.join(","))],
        &page,
    );
    let page_view = OrganizationListPage {
        title: ctx.t("organizations-title"),
        municipalities: municipality_choices(&st.store, &ctx, &municipality).await?,
        total: ctx.tn("organizations-count", page.total),
        beyond,
        cards,
        pager,
        share: share(&ctx, &st.config.public_url()),
        ctx,
    };
    render(&page_view, page_view.ctx.lang)
}

/// A label/value pair of a fact list.
#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: Txt,
    pub href: Option<String>,
}

impl Fact {
    fn plain(label: String, value: impl Into<String>) -> Self {
        Fact {
            label,
            value: Txt {
                text: value.into(),
                lang: None,
                note: None,
            },
            href: None,
        }
    }
    fn text(label: String, lt: &LocalizedText, lang: Lang) -> Self {
        Fact {
            label,
            value: Txt::new(lt, lang),
            href: None,
        }
    }
    /// A fact that links somewhere: only `http`, `https`, `mailto` and `tel` become links;
    /// anything else (a `javascript:` address from an old import) is shown as plain text.
    fn link(label: String, value: impl Into<String>, href: String) -> Self {
        Fact {
            href: crate::domain::safe_link(&href).map(str::to_string),
            ..Fact::plain(label, value)
        }
    }
}

#[derive(Debug, Clone)]
pub struct LocationView {
    pub name: Txt,
    pub address: String,
    /// The municipality's name and page, for Finnish locations.
    pub municipality: Option<(String, String)>,
    pub accessibility: Option<Txt>,
}

/// Where a location is, in a word: its municipality in Finland, else its city or country.
pub(super) fn place_name(l: &Location, lang: Lang) -> String {
    match (&l.municipality_code, &l.city) {
        (Some(m), _) => municipality_name(m, lang),
        (None, Some(city)) => city.clone(),
        (None, None) => l.country.clone(),
    }
}

/// What a printed result list says of a record: its addresses (at most three), the
/// organization's first phone and, for a service, its opening hours.
pub(super) fn print_facts<'l>(
    ctx: &Ctx,
    places: impl Iterator<Item = &'l Location>,
    org: Option<&Organization>,
    schedule: Option<&LocalizedText>,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for l in places.take(3) {
        let a = address(l, ctx.lang);
        if !a.is_empty() && !out.iter().any(|(_, x)| *x == a) {
            out.push(("field-address", a));
        }
    }
    if let Some(p) = org.and_then(|o| o.phones.first()) {
        out.push(("field-phone", p.number.clone()));
    }
    if let Some(s) = schedule.map(|s| s.text(ctx.lang)).filter(|s| !s.is_empty()) {
        out.push(("field-schedule", s.to_string()));
    }
    out
}

/// A location's postal address on one line.
fn address(l: &Location, lang: Lang) -> String {
    match &l.municipality_code {
        Some(m) => format!(
            "{}, {} {}",
            l.street,
            l.postal_code,
            municipality_name(m, lang)
        ),
        None => [
            l.street.as_str(),
            &format!(
                "{} {}",
                l.postal_code,
                l.city.as_deref().unwrap_or_default()
            ),
            &l.country,
        ]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", "),
    }
}

fn location_view(ctx: &Ctx, l: &Location) -> LocationView {
    LocationView {
        name: Txt::new(&l.name, ctx.lang),
        address: address(l, ctx.lang),
        municipality: l.municipality_code.as_ref().map(|m| {
            (
                municipality_name(m, ctx.lang),
                ctx.url(&format!("/municipalities/{m}")),
            )
        }),
        accessibility: l.accessibility.as_ref().map(|a| Txt::new(a, ctx.lang)),
    }
}

#[derive(Template)]
#[template(path = "organizations/show.html")]
struct OrganizationPage {
    ctx: Ctx,
    title: String,
    verified: bool,
    description: Txt,
    facts: Vec<Fact>,
    locations: Vec<LocationView>,
    services: Vec<Card>,
    opportunities: Vec<Card>,
    contacts: Vec<Fact>,
    fresh: Fresh,
    /// For the organization's own people: their desk.
    desk: Option<String>,
}

fn parse_id<T>(s: &str, parse: fn(&str) -> Option<T>) -> PageResult<T> {
    parse(s).ok_or(PageError::not_found())
}

pub async fn organization_show(
    ctx: Ctx,
    PathId(id): PathId,
    State(st): State<AppState>,
) -> PageResult {
    let id = parse_id(&id, OrganizationId::parse)?;
    let store = &st.store;
    let o = store
        .organization(id)
        .await?
        .ok_or(PageError::not_found())?;
    let locations = store.locations_of_organization(id).await?;
    let all = PageRequest::new(1, PageRequest::MAX_PER_PAGE);
    let services = store
        .services(
            &ServiceFilter {
                organization_id: Some(id),
                ..Default::default()
            },
            all,
        )
        .await?;
    let opps = store
        .opportunities(
            &OpportunityFilter {
                organization_id: Some(id),
                ..Default::default()
            },
            all,
        )
        .await?;
    let contacts = store.contacts_of_organization(id).await?;

    let mut facts = vec![Fact::plain(
        ctx.t("field-legal-form"),
        ctx.t(&format!("legal-form-{}", o.legal_form.as_str())),
    )];
    if let Some(b) = &o.business_id {
        facts.push(Fact::plain(ctx.t("field-business-id"), b.to_string()));
    }
    if let Some(w) = &o.website {
        facts.push(Fact::link(
            ctx.t("field-website"),
            w.trim_start_matches("https://").trim_end_matches('/'),
            w.clone(),
        ));
    }
    facts.extend(contact_facts(&ctx, &o));
    if !o.areas_served.is_empty() {
        let names: Vec<String> = o
            .areas_served
            .iter()
            .map(|c| municipality_name(c, ctx.lang))
            .collect();
        facts.push(Fact::plain(ctx.t("field-areas-served"), names.join(", ")));
    }
    if !o.networks.is_empty() {
        facts.push(Fact::plain(ctx.t("field-networks"), o.networks.join(", ")));
    }
    // The networks that accepted it (our own links, not an address from an import).
    for m in store.memberships_of(id).await? {
        if m.state != crate::domain::networks::MemberState::Member {
            continue;
        }
        if let Some(n) = store.network(m.network_id).await? {
            facts.push(Fact {
                href: Some(ctx.url(&format!("/networks/{}", n.id))),
                ..Fact::plain(ctx.t("field-member-of-networks"), n.name)
            });
        }
    }
    let contact_facts = contacts
        .iter()
        .map(|c| {
            let value = [c.name.clone(), c.phone.clone(), c.email.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            Fact {
                label: c.title.text(ctx.lang).to_string(),
                value: Txt {
                    text: value,
                    lang: None,
                    note: None,
                },
                href: None,
            }
        })
        .collect();
    let lookup = CardLookup::new(store, ctx.lang);
    let page = OrganizationPage {
        title: o.name.clone(),
        verified: o.verified,
        desk: ctx
            .user
            .as_ref()
            .filter(|u| crate::manage::may(u, o.id, crate::manage::Action::EditRecords))
            .map(|_| ctx.url(&format!("/organizations/{}/manage", o.id))),
        description: Txt::new(&o.description, ctx.lang),
        facts,
        locations: locations.iter().map(|l| location_view(&ctx, l)).collect(),
        services: lookup.service_cards(&ctx, &services.items).await?,
        opportunities: lookup.opportunity_cards(&ctx, &opps.items).await?,
        contacts: contact_facts,
        fresh: Fresh::new(ctx.lang, o.last_verified_at),
        ctx,
    };
    render(&page, page.ctx.lang)
}

#[derive(Template)]
#[template(path = "services/show.html")]
struct ServicePage {
    ctx: Ctx,
    title: Txt,
    kind: String,
    kind_explanation: String,
    organization: String,
    organization_url: String,
    description: Txt,
    facts: Vec<Fact>,
    locations: Vec<LocationView>,
    opportunities: Vec<Card>,
    fresh: Fresh,
}

pub async fn service_show(ctx: Ctx, PathId(id): PathId, State(st): State<AppState>) -> PageResult {
    let id = parse_id(&id, ServiceId::parse)?;
    let store = &st.store;
    let s = store.service(id).await?.ok_or(PageError::not_found())?;
    let org = store
        .organization(s.organization_id)
        .await?
        .ok_or(PageError::not_found())?;
    let mut locations = Vec::new();
    for lid in &s.location_ids {
        if let Some(l) = store.location(*lid).await? {
            locations.push(location_view(&ctx, &l));
        }
    }
    let opps = store
        .opportunities(
            &OpportunityFilter {
                service_id: Some(id),
                ..Default::default()
            },
            PageRequest::new(1, 50),
        )
        .await?;
    let lang = ctx.lang;
    let mut facts = Vec::new();
    if !s.target_groups.is_empty() {
        facts.push(Fact::plain(
            ctx.t("field-target-groups"),
            term_labels(&s.target_groups, target_group_term, lang).join(", "),
        ));
    }
    if !s.topics.is_empty() {
        facts.push(Fact::plain(
            ctx.t("field-topics"),
            term_labels(&s.topics, topic_term, lang).join(", "),
        ));
    }
    if !s.languages.is_empty() {
        let names: Vec<String> = s
            .languages
            .iter()
            .map(|l| crate::i18n::language_name(lang, l))
            .collect();
        facts.push(Fact::plain(ctx.t("field-languages"), names.join(", ")));
    }
    let cost = match (&s.cost, s.free) {
        (Some(c), _) => Txt::new(c, lang),
        (None, true) => Txt {
            text: ctx.t("tag-free"),
            lang: None,
            note: None,
        },
        (None, false) => Txt {
            text: ctx.t("cost-ask"),
            lang: None,
            note: None,
        },
    };
    facts.push(Fact {
        label: ctx.t("field-cost"),
        value: cost,
        href: None,
    });
    facts.push(Fact::plain(
        ctx.t("field-low-threshold"),
        ctx.t(if s.low_threshold {
            "yes-low-threshold"
        } else {
            "no-referral-needed"
        }),
    ));
    if let Some(e) = &s.eligibility {
        facts.push(Fact::text(ctx.t("field-eligibility"), e, lang));
    }
    match (s.min_age, s.max_age) {
        (Some(a), Some(b)) => facts.push(Fact::plain(ctx.t("field-age"), format!("{a}–{b}"))),
        (Some(a), None) => facts.push(Fact::plain(ctx.t("field-age"), format!("{a}+"))),
        (None, Some(b)) => facts.push(Fact::plain(ctx.t("field-age"), format!("–{b}"))),
        (None, None) => {}
    }
    if let Some(x) = &s.schedule {
        facts.push(Fact::text(ctx.t("field-schedule"), x, lang));
    }
    if let Some(x) = &s.how_to_get_there {
        facts.push(Fact::text(ctx.t("field-how-to-get-there"), x, lang));
    }
    if !s.funding.is_empty() {
        facts.push(Fact::plain(ctx.t("field-funding"), s.funding.join(", ")));
    }
    let lookup = CardLookup::new(store, lang);
    let page = ServicePage {
        title: Txt::new(&s.name, lang),
        kind: ctx.t(&format!("kind-{}", s.kind.as_str())),
        kind_explanation: ctx.t(&format!("kind-{}-explanation", s.kind.as_str())),
        organization: org.name.clone(),
        organization_url: ctx.url(&format!("/organizations/{}", org.id)),
        description: Txt::new(&s.description, lang),
        facts,
        locations,
        opportunities: lookup.opportunity_cards(&ctx, &opps.items).await?,
        fresh: Fresh::new(lang, s.last_verified_at),
        ctx,
    };
    render(&page, lang)
}

#[derive(Deserialize)]
pub struct OpportunityListQuery {
    municipality: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    open: Option<String>,
    page: Option<u32>,
    format: Option<String>,
}

#[derive(Template)]
#[template(path = "opportunities/list.html")]
struct OpportunityListPage {
    ctx: Ctx,
    title: String,
    municipalities: Vec<Choice>,
    types: Vec<Choice>,
    open_only: bool,
    total: String,
    beyond: Option<String>,
    cards: Vec<Card>,
    pager: Pager,
    share: Share,
}

pub async fn opportunity_list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<OpportunityListQuery>,
) -> PageResult {
    let municipality = municipality_param(&q.municipality)?;
    let kind = match non_empty(&q.kind) {
        None => None,
        Some(k) => Some(OpportunityType::parse(k).ok_or(PageError::bad_request())?),
    };
    let open_only = non_empty(&q.open).is_some();
    let filter = OpportunityFilter {
        municipalities: municipality.clone(),
        kind,
        open_only,
        ..Default::default()
    };
    let fetch = |r| st.store.opportunities(&filter, r);
    if wants_csv(&q.format) {
        let (lookup, c) = (CardLookup::new(&st.store, ctx.lang), &ctx);
        let cards = |all: Vec<Opportunity>| async move { lookup.opportunity_cards(c, &all).await };
        return list_csv(&st, &ctx, "kolmonen-opportunities", fetch, cards).await;
    }
    let (page, beyond) = page_or_last(&ctx, q.page, fetch).await?;
    let cards = CardLookup::new(&st.store, ctx.lang)
        .opportunity_cards(&ctx, &page.items)
        .await?;
    let pager = Pager::new(
        &ctx,
        "/opportunities",
        &[
            (
                "type",
                kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            ),
            ("municipality", municipality.join(",")),
            ("open", if open_only { "1".into() } else { String::new() }),
        ],
        &page,
    );
    let types = REF
        .taxonomies
        .opportunity_types
        .iter()
        .map(|t| Choice {
            value: t.id.clone(),
            label: t.label.text(ctx.lang).to_string(),
            selected: kind.map(|k| k.as_str()) == Some(t.id.as_str()),
        })
        .collect();
    let view = OpportunityListPage {
        title: ctx.t("opportunities-title"),
        municipalities: municipality_choices(&st.store, &ctx, &municipality).await?,
        types,
        open_only,
        total: ctx.tn("opportunities-count", page.total),
        beyond,
        cards,
        pager,
        share: share(&ctx, &st.config.public_url()),
        ctx,
    };
    render(&view, view.ctx.lang)
}

#[derive(Template)]
#[template(path = "opportunities/show.html")]
struct OpportunityPage {
    ctx: Ctx,
    title: Txt,
    kind: String,
    kind_explanation: String,
    status: String,
    organization: String,
    organization_url: String,
    service: Option<(String, String)>,
    description: Txt,
    requirements: Option<Txt>,
    how_to_apply: Txt,
    /// When "how to apply" is empty: the organization's e-mail and phones to ask from.
    apply_contacts: Vec<Fact>,
    facts: Vec<Fact>,
    location: Option<LocationView>,
    fresh: Fresh,
    /// "I'm interested": shown while the place is open.
    interest_open: bool,
    /// The signed-in person's thread about this place, if they have one.
    interest_thread: Option<String>,
    /// Signed in as a person (not acting for an organization).
    can_express: bool,
    /// The person has saved no profile: the organization will see only the message
    /// (the link to the profile page).
    no_profile: Option<String>,
    /// The message as typed, and what is wrong with it, when sending was refused.
    message: String,
    message_error: Option<String>,
}

pub async fn opportunity_show(
    ctx: Ctx,
    PathId(id): PathId,
    State(st): State<AppState>,
) -> PageResult {
    let id = parse_id(&id, OpportunityId::parse)?;
    let o = st
        .store
        .opportunity(id)
        .await?
        .ok_or(PageError::not_found())?;
    opportunity_page(&st, ctx, &o, "", None).await
}

/// An opportunity's page; `message` and `error`: an interest refused, back with its text.
pub(super) async fn opportunity_page(
    st: &AppState,
    ctx: Ctx,
    o: &Opportunity,
    message: &str,
    error: Option<String>,
) -> PageResult {
    // Links built from "here" (the form, the report link, the language switch) are the
    // place's, also when this answers the interest form's POST.
    let mut ctx = ctx;
    ctx.rest = format!("/opportunities/{}", o.id);
    let store = &st.store;
    let lang = ctx.lang;
    let org = store
        .organization(o.organization_id)
        .await?
        .ok_or(PageError::not_found())?;
    let service = match o.service_id {
        Some(sid) => store.service(sid).await?,
        None => None,
    };
    let location = match o.location_id {
        Some(lid) => store.location(lid).await?,
        None => None,
    };
    let interest_thread = match &ctx.user {
        Some(u) => store
            .thread_about(u.id, o.id)
            .await?
            .map(|t| ctx.url(&format!("/threads/{}", t.id))),
        None => None,
    };
    let can_express = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.role == crate::accounts::Role::JobSeeker);
    let no_profile = match &ctx.user {
        Some(u) if can_express && interest_thread.is_none() => store.profile(u.id).await?.is_none(),
        _ => false,
    }
    .then(|| ctx.url("/me"));
    let term = REF.taxonomies.opportunity_type(o.kind.as_str());
    let mut facts = vec![Fact::plain(
        ctx.t("field-places"),
        format!("{} / {}", o.places_free, o.places_total),
    )];
    if let Some(h) = o.hours_per_week {
        facts.push(Fact::plain(
            ctx.t("field-hours-per-week"),
            ctx.tn("hours-per-week-value", h as u64),
        ));
    }
    facts.push(Fact::plain(
        ctx.t("field-part-time"),
        ctx.t(if o.part_time { "yes" } else { "no" }),
    ));
    if let Some(d) = o.starts_on {
        facts.push(Fact::plain(ctx.t("field-starts"), date(lang, d)));
    }
    if let Some(d) = o.apply_by {
        facts.push(Fact::plain(ctx.t("field-apply-by"), date(lang, d)));
    }
    if !o.topics.is_empty() {
        facts.push(Fact::plain(
            ctx.t("field-topics"),
            term_labels(&o.topics, topic_term, lang).join(", "),
        ));
    }
    if !o.target_groups.is_empty() {
        facts.push(Fact::plain(
            ctx.t("field-suits"),
            term_labels(&o.target_groups, target_group_term, lang).join(", "),
        ));
    }
    let page = OpportunityPage {
        title: Txt::new(&o.title, lang),
        kind: term
            .map(|t| t.label.text(lang).to_string())
            .unwrap_or_default(),
        kind_explanation: term
            .and_then(|t| t.explanation.as_ref())
            .map(|e| e.text(lang).to_string())
            .unwrap_or_default(),
        status: opportunity_status(&ctx, o),
        organization: org.name.clone(),
        organization_url: ctx.url(&format!("/organizations/{}", org.id)),
        service: service.map(|s| {
            (
                s.name.text(lang).to_string(),
                ctx.url(&format!("/services/{}", s.id)),
            )
        }),
        description: Txt::new(&o.description, lang),
        requirements: o.requirements.as_ref().map(|r| Txt::new(r, lang)),
        how_to_apply: Txt::new(&o.how_to_apply, lang),
        apply_contacts: if o.how_to_apply.fi.trim().is_empty() {
            contact_facts(&ctx, &org)
        } else {
            Vec::new()
        },
        facts,
        location: location.map(|l| location_view(&ctx, &l)),
        fresh: Fresh::new(lang, o.last_verified_at),
        interest_open: o.is_open_on(helsinki::today()),
        interest_thread,
        can_express,
        no_profile,
        message: message.to_string(),
        message_error: error,
        ctx,
    };
    let refused = page.message_error.is_some();
    Ok(super::render_form(&page, lang, refused))
}
