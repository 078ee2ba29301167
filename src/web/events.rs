//! Events (`/{lang}/events`): upcoming and past lists by municipality, network, organizer and
//! audience; an event's page with "add to calendar", schema.org `Event` JSON-LD and sign-up
//! (with or without an account); the organizers' form, cancelling and participant list (with
//! CSV); a sign-up's own page behind its secret link; and the iCalendar feeds.

use super::auth::SignedIn;
use super::form::{self, Choices, Field};
use super::records::{place_options, target_group_options};
use super::respond::{see_other, DoneQuery, Notice};
use super::{municipality_name, render, render_form, Ctx, PageQuery, PathId};
use crate::accounts::{throttle, User};
use crate::domain::events::{
    self, check_times, parse_time, Event, EventKind, Frequency, Recurrence, Signup, SignupState,
    TimeError, MAX_ACCESSIBILITY_CHARS, MAX_CAPACITY, MAX_COST_CHARS, MAX_DESCRIPTION_CHARS,
    MAX_NEEDS_CHARS, MAX_ORGANIZERS, MAX_PERSON_NAME_CHARS, MAX_PLACE_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::ical;
use crate::domain::networks::MemberState;
use crate::domain::{
    helsinki, is_one_line, is_web_link, EventId, Lang, LocationId, NetworkId, OrganizationId,
    SignupId,
};
use crate::error::{PageError, PageResult};
use crate::manage::records::{iso, parse_date};
use crate::manage::{may, Action};
use crate::refdata::REF;
use crate::services::events as svc;
use crate::store::{EventQuery, SignupAdded};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

/// At most this many sign-ups an hour to one address (each sends it a message).
const SIGNUPS_PER_ADDRESS: throttle::Limit = throttle::Limit {
    failures: 5,
    window: Duration::hours(1),
};
/// At most this many sign-ups an hour from one client without an account.
const SIGNUPS_PER_CLIENT: throttle::Limit = throttle::Limit {
    failures: 20,
    window: Duration::hours(1),
};
/// Lists show at most this many events.
const LIST_LIMIT: u32 = 200;
/// Feeds carry events that ended at most this long ago (and all upcoming ones).
const FEED_PAST: Duration = Duration::days(90);
const FEED_LIMIT: u32 = 20_000;
const LANGUAGES: [&str; 4] = ["fi", "sv", "en", "other"];

/// Who may organize events for this organization, and change them: its members and admins
/// (and platform admins).
pub fn may_organize(user: &User, org: OrganizationId) -> bool {
    may(user, org, Action::EditRecords)
}

/// Whether this account organizes the event (through any of its organizers).
pub fn organizes(user: &User, e: &Event) -> bool {
    e.organizers.iter().any(|o| may_organize(user, *o))
}

async fn event_of(st: &AppState, id: &str) -> PageResult<Event> {
    let id = EventId::parse(id).ok_or(PageError::not_found())?;
    st.store.event(id).await?.ok_or(PageError::not_found())
}

/// An event's time as a page shows it.
pub(super) fn when_text(e: &Event, now: OffsetDateTime) -> String {
    let o = svc::next_or_first(e, now);
    svc::when(o.starts_at, o.ends_at)
}

fn kind_label(ctx: &Ctx, k: EventKind) -> String {
    ctx.t(&format!("event-kind-{}", k.as_str()))
}

/// How a series repeats, in words ("Joka viikko, 10 kertaa").
fn repeat_text(ctx: &Ctx, e: &Event) -> Option<String> {
    let r = e.recurrence.as_ref()?;
    let key = match (r.frequency, r.interval) {
        (Frequency::Weekly, 1) => "events-repeat-weekly",
        (Frequency::Weekly, _) => "events-repeat-biweekly",
        (Frequency::MonthlyByWeekday, _) => "events-repeat-monthly",
    };
    Some(format!(
        "{} ({})",
        ctx.t(key),
        ctx.tn("events-occurrences-count", e.occurrences().len() as u64)
    ))
}

/// An event as a list shows it.
pub struct EventRow {
    pub title: String,
    pub url: String,
    pub when: String,
    pub place: String,
    pub organizers: String,
    pub kind: String,
    pub cancelled: bool,
}

async fn rows(
    st: &AppState,
    ctx: &Ctx,
    events: &[Event],
    now: OffsetDateTime,
) -> PageResult<Vec<EventRow>> {
    let mut ids: Vec<OrganizationId> = events.iter().flat_map(|e| e.organizers.clone()).collect();
    ids.sort();
    ids.dedup();
    let orgs = st.store.organizations_by_id(&ids).await?;
    Ok(events
        .iter()
        .map(|e| EventRow {
            title: e.title.clone(),
            url: ctx.url(&format!("/events/{}", e.id)),
            when: when_text(e, now),
            place: place_words(ctx, e),
            organizers: e
                .organizers
                .iter()
                .filter_map(|id| orgs.iter().find(|o| o.id == *id).map(|o| o.name.clone()))
                .collect::<Vec<_>>()
                .join(", "),
            kind: kind_label(ctx, e.kind),
            cancelled: e.cancelled,
        })
        .collect())
}

/// Where, in a few words: the municipality, and "online" when it has a link.
/// A place of business as an address: "Harjulan talo, Harjulankatu 7, 15150 Lahti" (the
/// municipality standing in for a Finnish address's town).
pub(super) fn location_words(ctx: &Ctx, l: &crate::domain::Location) -> String {
    let name = super::Txt::new(&l.name, ctx.lang).text;
    let town = l
        .city
        .clone()
        .or_else(|| {
            l.municipality_code
                .as_deref()
                .map(|m| municipality_name(m, ctx.lang))
        })
        .unwrap_or_default();
    let address = format!("{}, {} {}", l.street, l.postal_code, town)
        .trim()
        .to_string();
    if name.is_empty() {
        address
    } else {
        format!("{name}, {address}")
    }
}

pub(super) fn place_words(ctx: &Ctx, e: &Event) -> String {
    let mut parts = Vec::new();
    if !e.place.is_empty() {
        parts.push(e.place.clone());
    }
    if let Some(m) = &e.municipality_code {
        parts.push(municipality_name(m, ctx.lang));
    }
    if e.online_url.is_some() {
        parts.push(ctx.t("events-online"));
    }
    parts.join(", ")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    municipality: String,
    network: String,
    organization: String,
    audience: String,
    past: String,
}

#[derive(Template)]
#[template(path = "events/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    rows: Vec<EventRow>,
    past: bool,
    municipality: Field,
    network: Field,
    audience: Field,
    organization: Option<(String, String)>,
    other_url: String,
    feed_url: Option<String>,
    errors: Vec<(String, String)>,
}

/// The list's filters, checked: (query, errors by field).
fn list_filters(q: &ListQuery) -> (EventQuery, Vec<(&'static str, String)>) {
    let mut eq = EventQuery {
        limit: LIST_LIMIT,
        ..EventQuery::default()
    };
    let mut errors = Vec::new();
    let m = q.municipality.trim();
    if !m.is_empty() {
        match REF.find_municipality(m) {
            Some(found) => eq.municipality = Some(found.code.clone()),
            None => errors.push(("municipality", "events-error-municipality".to_string())),
        }
    }
    if !q.network.trim().is_empty() {
        eq.network = NetworkId::parse(&q.network);
        if eq.network.is_none() {
            errors.push(("network", "events-error-network-filter".into()));
        }
    }
    eq.organization = OrganizationId::parse(&q.organization);
    let a = q.audience.trim();
    if !a.is_empty() {
        if REF.taxonomies.target_group(a).is_some() {
            eq.audience = Some(a.to_string());
        } else {
            errors.push(("audience", "events-error-audience".into()));
        }
    }
    (eq, errors)
}

pub async fn list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let now = OffsetDateTime::now_utc();
    let past = q.past == "1";
    let (mut eq, errors) = list_filters(&q);
    let errors: Vec<(&str, String)> = errors.into_iter().map(|(f, k)| (f, ctx.t(&k))).collect();
    let mut events = Vec::new();
    if errors.is_empty() {
        if past {
            eq.ended_before = Some(now);
            eq.include_cancelled = true;
        } else {
            eq.ends_after = Some(now);
        }
        events = st.store.events(&eq).await?;
        if !past {
            // A series started long ago comes by its next occurrence.
            events.sort_by_key(|e| svc::next_or_first(e, now).starts_at);
        }
    }
    let networks = st.store.networks().await?;
    let mut network_options = vec![(String::new(), ctx.t("events-filter-any"))];
    network_options.extend(networks.iter().map(|n| (n.id.to_string(), n.name.clone())));
    let mut audience_options = vec![(String::new(), ctx.t("events-filter-any"))];
    // "Everyone" is what the empty choice means already.
    audience_options.extend(
        target_group_options(&ctx)
            .into_iter()
            .filter(|(id, _)| id != "everyone"),
    );
    let organization = super::filter_organization(&st.store, eq.organization).await?;
    let feed_url = eq
        .municipality
        .as_ref()
        .map(|m| ctx.url(&format!("/municipalities/{m}/events.ics")))
        .or_else(|| {
            eq.network
                .map(|n| ctx.url(&format!("/networks/{n}/events.ics")))
        })
        .or_else(|| {
            eq.organization
                .map(|o| ctx.url(&format!("/organizations/{o}/events.ics")))
        });
    let other = ListQuery {
        past: if past { String::new() } else { "1".into() },
        ..q
    };
    let other_url = format!(
        "{}?{}",
        ctx.url("/events"),
        serde_urlencoded::to_string([
            ("municipality", other.municipality.as_str()),
            ("network", other.network.as_str()),
            ("organization", other.organization.as_str()),
            ("audience", other.audience.as_str()),
            ("past", other.past.as_str()),
        ])
        .unwrap_or_default()
    );
    let municipality = Field::new(&ctx, "events-filter", "municipality", "text")
        .value(&other.municipality)
        .max_chars(60)
        .error_from(&errors);
    let network = Field::new(&ctx, "events-filter", "network", "select")
        .options(String::new(), network_options)
        .value(&other.network)
        .error_from(&errors);
    let audience = Field::new(&ctx, "events-filter", "audience", "select")
        .options(String::new(), audience_options)
        .value(&other.audience)
        .error_from(&errors);
    let summary = form::summary(&[&municipality, &network, &audience]);
    let failed = !summary.is_empty();
    let rows = rows(&st, &ctx, &events, now).await?;
    let lang = ctx.lang;
    let page = ListPage {
        title: ctx.t(if past {
            "events-past-title"
        } else {
            "events-title"
        }),
        rows,
        past,
        municipality,
        network,
        audience,
        organization,
        other_url,
        feed_url,
        errors: summary,
        ctx,
    };
    Ok(render_form(&page, lang, failed))
}

/// A row of facts on an event's page: (label, value, link).
struct FactRow {
    label: String,
    value: String,
    url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignupForm {
    name: String,
    email: String,
    needs: String,
}

#[derive(Template)]
#[template(path = "events/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    cancelled: bool,
    past: bool,
    kind: String,
    when: String,
    repeat: Option<String>,
    upcoming: Vec<String>,
    description: Vec<String>,
    facts: Vec<FactRow>,
    organizers: Vec<(String, String)>,
    online_url: Option<String>,
    ics_url: String,
    json_ld: String,
    places_left: Option<String>,
    /// The sign-up form, when sign-up is open and the viewer has none.
    form: Option<SignupFields>,
    signup_action: String,
    /// Whether the event takes sign-ups through Kolmonen at all.
    takes_signups: bool,
    /// The viewer's own sign-up (signed in): its state and where to cancel.
    mine: Option<(String, String)>,
    manage: Option<ManageLinks>,
    errors: Vec<(String, String)>,
}

struct SignupFields {
    name: Field,
    email: Option<Field>,
    needs: Field,
}

struct ManageLinks {
    edit: String,
    participants: String,
    cancel: String,
    /// "3 coming · 1 waiting"
    counts: String,
}

/// The JSON-LD of an event (schema.org `Event`), safe inside a script element.
fn json_ld(
    st: &AppState,
    ctx: &Ctx,
    e: &Event,
    location: Option<&crate::domain::Location>,
    organizers: &[(String, String)],
    now: OffsetDateTime,
) -> String {
    use time::format_description::well_known::Rfc3339;
    let o = svc::next_or_first(e, now);
    let base = st.config.public_url().trim_end_matches('/').to_string();
    let place = location.map(|l| {
        serde_json::json!({
            "@type": "Place",
            "name": super::Txt::new(&l.name, ctx.lang).text,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": l.street,
                "postalCode": l.postal_code,
                "addressLocality": l.city.clone().or_else(|| l.municipality_code.as_ref().map(|m| municipality_name(m, ctx.lang))),
                "addressCountry": l.country,
            }
        })
    });
    let place = place.or_else(|| {
        (!e.place.is_empty() || e.municipality_code.is_some()).then(|| {
            serde_json::json!({
                "@type": "Place",
                "name": place_words(ctx, e),
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": e.municipality_code.as_ref().map(|m| municipality_name(m, ctx.lang)),
                    "addressCountry": "FI",
                }
            })
        })
    });
    let virtual_place = e
        .online_url
        .as_ref()
        .map(|u| serde_json::json!({"@type": "VirtualLocation", "url": u}));
    let location = match (place, virtual_place) {
        (Some(p), Some(v)) => serde_json::json!([p, v]),
        (Some(p), None) => p,
        (None, Some(v)) => v,
        (None, None) => serde_json::Value::Null,
    };
    let mode = match (
        e.online_url.is_some(),
        location.is_array()
            || !e.place.is_empty()
            || e.location_id.is_some()
            || e.municipality_code.is_some(),
    ) {
        (true, true) => "https://schema.org/MixedEventAttendanceMode",
        (true, false) => "https://schema.org/OnlineEventAttendanceMode",
        _ => "https://schema.org/OfflineEventAttendanceMode",
    };
    let mut doc = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": e.title,
        "description": e.description,
        "startDate": o.starts_at.to_offset(helsinki::offset_at(o.starts_at)).format(&Rfc3339).unwrap_or_default(),
        "endDate": o.ends_at.to_offset(helsinki::offset_at(o.ends_at)).format(&Rfc3339).unwrap_or_default(),
        "eventStatus": if e.cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "eventAttendanceMode": mode,
        "location": location,
        "organizer": organizers.iter().map(|(name, url)| serde_json::json!({"@type": "Organization", "name": name, "url": format!("{base}{url}")})).collect::<Vec<_>>(),
        "url": format!("{base}{}", ctx.url(&format!("/events/{}", e.id))),
        "inLanguage": e.languages.iter().filter(|l| *l != "other").collect::<Vec<_>>(),
        "isAccessibleForFree": e.cost.trim().is_empty(),
    });
    if let Some(c) = e.capacity {
        doc["maximumAttendeeCapacity"] = c.into();
    }
    if !e.audience.is_empty() {
        doc["audience"] = serde_json::json!({
            "@type": "Audience",
            "audienceType": e.audience.iter().filter_map(|a| REF.taxonomies.target_group(a)).map(|t| t.label.text(ctx.lang).to_string()).collect::<Vec<_>>().join(", "),
        });
    }
    super::json_ld(&doc)
}

const DONE: [&str; 9] = [
    "saved",
    "cancelled",
    "signed-up",
    "confirm-sent",
    "waiting",
    "already",
    "withdrawn",
    "throttled",
    "closed",
];

#[allow(clippy::too_many_arguments)]
async fn show_page(
    st: &AppState,
    ctx: Ctx,
    e: &Event,
    done: Option<&str>,
    form_values: &SignupForm,
    errors: &[(&str, String)],
) -> PageResult<(ShowPage, bool)> {
    let now = OffsetDateTime::now_utc();
    let orgs = st.store.organizations_by_id(&e.organizers).await?;
    let organizers: Vec<(String, String)> = e
        .organizers
        .iter()
        .filter_map(|id| orgs.iter().find(|o| o.id == *id))
        .map(|o| (o.name.clone(), ctx.url(&format!("/organizations/{}", o.id))))
        .collect();
    let location = match e.location_id {
        Some(l) => st.store.location(l).await?,
        None => None,
    };
    let mut facts = Vec::new();
    let mut place = Vec::new();
    if let Some(l) = &location {
        place.push(location_words(&ctx, l));
    }
    if !e.place.is_empty() {
        place.push(e.place.clone());
    }
    if !place.is_empty() {
        facts.push(FactRow {
            label: ctx.t("events-place"),
            value: place.join(", "),
            url: None,
        });
    }
    if let Some(m) = &e.municipality_code {
        facts.push(FactRow {
            label: ctx.t("events-municipality"),
            value: municipality_name(m, ctx.lang),
            url: Some(ctx.url(&format!("/events?municipality={m}"))),
        });
    }
    if let Some(n) = e.network_id {
        if let Some(n) = st.store.network(n).await? {
            facts.push(FactRow {
                label: ctx.t("events-network"),
                value: n.name,
                url: Some(ctx.url(&format!("/networks/{}", n.id))),
            });
        }
    }
    if !e.audience.is_empty() {
        facts.push(FactRow {
            label: ctx.t("events-audience"),
            value: e
                .audience
                .iter()
                .filter_map(|a| REF.taxonomies.target_group(a))
                .map(|t| t.label.text(ctx.lang).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            url: None,
        });
    }
    if !e.languages.is_empty() {
        facts.push(FactRow {
            label: ctx.t("events-languages"),
            value: e
                .languages
                .iter()
                .map(|l| ctx.t(&format!("events-language-{l}")))
                .collect::<Vec<_>>()
                .join(", "),
            url: None,
        });
    }
    facts.push(FactRow {
        label: ctx.t("events-cost"),
        value: if e.cost.trim().is_empty() {
            ctx.t("events-free")
        } else {
            e.cost.clone()
        },
        url: None,
    });
    if !e.accessibility.is_empty() {
        facts.push(FactRow {
            label: ctx.t("events-accessibility"),
            value: e.accessibility.clone(),
            url: None,
        });
    }
    let signups = st.store.signups(e.id).await?;
    let going = signups
        .iter()
        .filter(|s| s.state == SignupState::Going)
        .count() as u64;
    let waiting = signups
        .iter()
        .filter(|s| s.state == SignupState::Waiting)
        .count() as u64;
    let places_left = e.capacity.filter(|_| e.signup).map(|c| {
        let left = u64::from(c).saturating_sub(going);
        if left == 0 {
            ctx.t("events-full")
        } else {
            ctx.tn("events-places-left", left)
        }
    });
    let mine = ctx.user.as_ref().and_then(|u| {
        signups
            .iter()
            .find(|s| s.user_id == Some(u.id) && s.state != SignupState::Cancelled)
            .map(|s| {
                (
                    ctx.t(&format!("events-state-{}", s.state.as_str())),
                    ctx.url(&format!("/events/{}/withdraw", e.id)),
                )
            })
    });
    let form = (e.takes_signups(now) && mine.is_none()).then(|| SignupFields {
        name: Field::new(&ctx, "events-signup", "name", "text")
            .value(&form_values.name)
            .required()
            .autocomplete("name")
            .max_chars(MAX_PERSON_NAME_CHARS)
            .error_from(errors),
        email: ctx.user.is_none().then(|| {
            Field::new(&ctx, "events-signup", "email", "email")
                .value(&form_values.email)
                .required()
                .autocomplete("email")
                .max_chars(254)
                .error_from(errors)
        }),
        needs: Field::new(&ctx, "events-signup", "needs", "textarea")
            .value(&form_values.needs)
            .max_chars(MAX_NEEDS_CHARS)
            .error_from(errors),
    });
    let summary = match &form {
        Some(f) => {
            let mut all = vec![&f.name, &f.needs];
            if let Some(em) = &f.email {
                all.insert(1, em);
            }
            form::summary(&all)
        }
        None => Vec::new(),
    };
    let failed = !summary.is_empty();
    let manage = ctx
        .user
        .as_ref()
        .filter(|u| organizes(u, e))
        .map(|_| ManageLinks {
            edit: ctx.url(&format!("/events/{}/edit", e.id)),
            participants: ctx.url(&format!("/events/{}/participants", e.id)),
            cancel: ctx.url(&format!("/events/{}/cancel", e.id)),
            counts: counts(&ctx, going, waiting),
        });
    let notice = done.filter(|d| DONE.contains(d)).map(|d| {
        let text = ctx.t(&format!("events-done-{d}"));
        if ["already", "throttled", "closed", "waiting"].contains(&d) {
            Notice::warning(text)
        } else {
            Notice::success(text)
        }
    });
    let upcoming = if e.recurrence.is_some() {
        let coming: Vec<_> = e
            .occurrences()
            .into_iter()
            .filter(|o| o.ends_at > now)
            .collect();
        let mut shown: Vec<String> = coming
            .iter()
            .take(12)
            .map(|o| svc::when(o.starts_at, o.ends_at))
            .collect();
        // The rest as a count, so the list agrees with "(19 times)".
        if coming.len() > 12 {
            shown.push(crate::i18n::t_args(
                ctx.lang,
                "events-upcoming-more",
                &[("count", ((coming.len() - 12) as i64).into())],
            ));
        }
        shown
    } else {
        Vec::new()
    };
    let page = ShowPage {
        title: e.title.clone(),
        notice,
        cancelled: e.cancelled,
        past: e.is_past(now),
        kind: kind_label(&ctx, e.kind),
        when: when_text(e, now),
        repeat: repeat_text(&ctx, e),
        upcoming,
        description: e
            .description
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        facts,
        json_ld: json_ld(st, &ctx, e, location.as_ref(), &organizers, now),
        organizers,
        online_url: e.online_url.clone(),
        ics_url: ctx.url(&format!("/events/{}/calendar.ics", e.id)),
        places_left,
        form,
        // The answer to a refused form opens at the form and its errors.
        signup_action: ctx.url(&format!("/events/{}/signup#h-signup", e.id)),
        takes_signups: e.signup,
        mine,
        manage,
        errors: summary,
        ctx,
    };
    Ok((page, failed))
}

pub async fn show(
    ctx: Ctx,
    PathId(id): PathId,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let e = event_of(&st, &id).await?;
    let lang = ctx.lang;
    let (page, _) = show_page(&st, ctx, &e, q.done.as_deref(), &SignupForm::default(), &[]).await?;
    render(&page, lang)
}

/// `POST /{lang}/events/{id}/signup`: with an account, a place (or the waiting list) at once;
/// without one, a message to confirm the address first.
pub async fn signup(
    State(st): State<AppState>,
    viewer: super::auth::Viewer,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let e = event_of(&st, &id).await?;
    let now = OffsetDateTime::now_utc();
    let back = |done: &str| ctx.url(&format!("/events/{}?done={done}", e.id));
    if !e.takes_signups(now) {
        return Ok(see_other(&back("closed"), []));
    }
    let f: SignupForm = form::parse(&body);
    let user = viewer.user.clone();
    let mut errors: Vec<(&str, String)> = Vec::new();
    let name = f.name.trim().to_string();
    if name.is_empty() {
        errors.push(("name", ctx.t("events-error-name")));
    } else if name.chars().count() > MAX_PERSON_NAME_CHARS || !is_one_line(&name) {
        errors.push(("name", ctx.t("events-error-name-long")));
    }
    let email = match &user {
        Some(u) => Some(u.email.as_str().to_string()),
        None => match crate::accounts::Email::parse(f.email.trim()) {
            Ok(em) => Some(em.as_str().to_string()),
            Err(_) => {
                errors.push(("email", ctx.t("events-error-email")));
                None
            }
        },
    };
    let needs = f.needs.trim().replace("\r\n", "\n");
    if needs.chars().count() > MAX_NEEDS_CHARS {
        errors.push(("needs", ctx.t("events-error-needs-long")));
    }
    let lang = ctx.lang;
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        let (page, _) = show_page(&st, ctx, &e, None, &f, &errors).await?;
        return Ok(render_form(&page, lang, true));
    };
    let mut keys = vec![(
        throttle::scoped("event-signup", &email.to_lowercase()),
        SIGNUPS_PER_ADDRESS,
    )];
    // Without an account, also per client: one place may not mail a hundred addresses (or
    // take every place with addresses it confirms).
    if let (None, Some(ip)) = (&user, viewer.client) {
        keys.push((
            throttle::scoped("event-signup-client", &ip.to_string()),
            SIGNUPS_PER_CLIENT,
        ));
    }
    if throttle::wait(&st.store, &keys, now).await?.is_some() {
        return Ok(see_other(&back("throttled"), []));
    }
    throttle::record_failure(&st.store, &keys, now).await?;
    let id = SignupId::new();
    let secret = st.keys().await?;
    let token = svc::signup_token(secret, id);
    let s = Signup {
        id,
        event_id: e.id,
        user_id: user.as_ref().map(|u| u.id),
        name,
        email,
        needs,
        lang,
        state: if user.is_some() {
            SignupState::Going
        } else {
            SignupState::Pending
        },
        token_hash: svc::token_hash(&token),
        created_at: now,
        confirmed_at: user.is_some().then_some(now),
        reminded_for: None,
    };
    let state = match st.store.add_signup(&s).await? {
        // Without an account the answer must not tell whether an address has signed up:
        // the address gets its own sign-up's link again (the same link: it is derived from
        // the sign-up), and the page says what it says to anyone.
        SignupAdded::Already if user.is_none() => {
            let mine = st.store.signups(e.id).await?.into_iter().find(|x| {
                x.email.eq_ignore_ascii_case(&s.email) && x.state != SignupState::Cancelled
            });
            if let Some(mine) = mine {
                st.store
                    .enqueue_mail(&svc::mail(
                        secret,
                        &st.config.public_url(),
                        "already",
                        &e,
                        &Signup { lang, ..mine },
                        svc::next_or_first(&e, now),
                    ))
                    .await?;
            }
            return Ok(see_other(&back("confirm-sent"), []));
        }
        SignupAdded::Already => return Ok(see_other(&back("already"), [])),
        SignupAdded::Added(state) => state,
    };
    let public = st.config.public_url();
    st.store
        .enqueue_mail(&svc::mail(
            secret,
            &public,
            svc::state_key(state),
            &e,
            &Signup { state, ..s },
            svc::next_or_first(&e, now),
        ))
        .await?;
    Ok(see_other(
        &back(match state {
            SignupState::Pending => "confirm-sent",
            SignupState::Waiting => "waiting",
            _ => "signed-up",
        }),
        [],
    ))
}

/// `POST /{lang}/events/{id}/withdraw`: the signed-in person cancels their own sign-up.
pub async fn withdraw(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let e = event_of(&st, &id).await?;
    let mine = st
        .store
        .signups(e.id)
        .await?
        .into_iter()
        .find(|s| s.user_id == Some(user.id) && s.state != SignupState::Cancelled);
    if let Some(s) = mine {
        cancel_and_move_up(&st, &e, &s).await?;
    }
    Ok(see_other(
        &ctx.url(&format!("/events/{}?done=withdrawn", e.id)),
        [],
    ))
}

/// Cancels a sign-up, tells the person, and tells those moved up into the freed place.
async fn cancel_and_move_up(st: &AppState, e: &Event, s: &Signup) -> PageResult<bool> {
    let Some(moved) = st.store.cancel_signup(s.id).await? else {
        return Ok(false);
    };
    let keys = st.keys().await?;
    let public = st.config.public_url();
    let now = OffsetDateTime::now_utc();
    st.store
        .enqueue_mail(&svc::mail(
            keys,
            &public,
            "withdrawn",
            e,
            s,
            svc::next_or_first(e, now),
        ))
        .await?;
    svc::tell_moved_up(&st.store, keys, &public, e, &moved).await?;
    Ok(true)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    pub(super) token: String,
    pub(super) done: String,
    pub(super) action: String,
}

#[derive(Template)]
#[template(path = "events/signup.html")]
struct SignupPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    /// (event title, its page, when, state text, state, token)
    found: Option<(String, String, String, String, SignupState, String)>,
    action: String,
}

async fn signup_of_token(st: &AppState, token: &str) -> PageResult<Option<(Signup, Event)>> {
    let Some(hash) = crate::services::link_secret_hash(token) else {
        return Ok(None);
    };
    let Some(s) = st.store.signup_by_token(&hash).await? else {
        return Ok(None);
    };
    Ok(st.store.event(s.event_id).await?.map(|e| (s, e)))
}

/// `GET /{lang}/events/signup?token=…`: the person's own sign-up, to confirm or cancel (a GET
/// never changes anything: mail scanners open links).
pub async fn signup_status(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(q): PageQuery<TokenQuery>,
) -> PageResult {
    let found = signup_of_token(&st, &q.token).await?;
    let now = OffsetDateTime::now_utc();
    let notice = ["confirmed", "cancelled", "waiting"]
        .contains(&q.done.as_str())
        .then(|| Notice::success(ctx.t(&format!("events-signup-done-{}", q.done))));
    let lang = ctx.lang;
    let page = SignupPage {
        title: ctx.t("events-signup-title"),
        notice,
        found: found.map(|(s, e)| {
            (
                e.title.clone(),
                ctx.url(&format!("/events/{}", e.id)),
                when_text(&e, now),
                ctx.t(&format!("events-state-{}", s.state.as_str())),
                s.state,
                q.token.trim().to_string(),
            )
        }),
        action: ctx.url("/events/signup"),
        ctx,
    };
    let status = if page.found.is_some() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::NOT_FOUND
    };
    Ok(super::respond::with_status(render(&page, lang), status))
}

/// `POST /{lang}/events/signup`: confirm the address, or cancel.
pub async fn signup_act(State(st): State<AppState>, ctx: Ctx, body: Bytes) -> PageResult {
    let f: TokenQuery = form::parse(&body);
    let Some((s, e)) = signup_of_token(&st, &f.token).await? else {
        return Err(PageError::not_found());
    };
    let done = match f.action.as_str() {
        // A cancelled event takes no more confirmations.
        "confirm" if e.cancelled => "",
        "confirm" => match st
            .store
            .confirm_signup(s.id, OffsetDateTime::now_utc())
            .await?
        {
            Some(state) => {
                let keys = st.keys().await?;
                let now = OffsetDateTime::now_utc();
                st.store
                    .enqueue_mail(&svc::mail(
                        keys,
                        &st.config.public_url(),
                        svc::state_key(state),
                        &e,
                        &Signup { state, ..s },
                        svc::next_or_first(&e, now),
                    ))
                    .await?;
                if state == SignupState::Waiting {
                    "waiting"
                } else {
                    "confirmed"
                }
            }
            None => "",
        },
        "cancel" => {
            if cancel_and_move_up(&st, &e, &s).await? {
                "cancelled"
            } else {
                ""
            }
        }
        _ => return Err(PageError::bad_request()),
    };
    Ok(see_other(
        &format!(
            "{}?{}",
            ctx.url("/events/signup"),
            serde_urlencoded::to_string([("token", f.token.trim()), ("done", done)])
                .unwrap_or_default()
        ),
        [],
    ))
}

/// The event, if this account organizes it.
async fn organized(st: &AppState, user: &User, id: &str) -> PageResult<Event> {
    let e = event_of(st, id).await?;
    if !organizes(user, &e) {
        return Err(PageError::forbidden());
    }
    Ok(e)
}

#[derive(Template)]
#[template(path = "events/participants.html")]
struct ParticipantsPage {
    ctx: Ctx,
    title: String,
    back_url: String,
    csv_url: String,
    rows: Vec<(String, String, String, String, String)>,
    counts: String,
    deleted_on: String,
}

fn participant_rows(
    ctx: &Ctx,
    signups: &[Signup],
) -> Vec<(String, String, String, String, String)> {
    signups
        .iter()
        .filter(|s| s.state != SignupState::Cancelled)
        .map(|s| {
            (
                s.name.clone(),
                s.email.clone(),
                s.needs.clone(),
                ctx.t(&format!("events-state-{}", s.state.as_str())),
                s.confirmed_at.map(helsinki::format).unwrap_or_default(),
            )
        })
        .collect()
}

fn counts(ctx: &Ctx, going: u64, waiting: u64) -> String {
    format!(
        "{} · {}",
        ctx.tn("events-going-count", going),
        ctx.tn("events-waiting-count", waiting)
    )
}

/// The read of participants' personal data, logged.
async fn log_read(st: &AppState, user: &User, e: &Event, action: &str) -> PageResult<()> {
    st.store
        .append_audit(&[crate::referrals::audit(
            Some(user),
            "event-participants",
            action,
            ("event", e.id.to_string()),
            None,
            OffsetDateTime::now_utc(),
        )])
        .await?;
    Ok(())
}

pub async fn participants(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let e = organized(&st, &user, &id).await?;
    log_read(&st, &user, &e, "read").await?;
    let signups = st.store.signups(e.id).await?;
    let rows = participant_rows(&ctx, &signups);
    let lang = ctx.lang;
    let page = ParticipantsPage {
        title: format!("{}: {}", ctx.t("events-participants-title"), e.title),
        back_url: ctx.url(&format!("/events/{}", e.id)),
        csv_url: ctx.url(&format!("/events/{}/participants.csv", e.id)),
        counts: counts(
            &ctx,
            signups
                .iter()
                .filter(|s| s.state == SignupState::Going)
                .count() as u64,
            signups
                .iter()
                .filter(|s| s.state == SignupState::Waiting)
                .count() as u64,
        ),
        deleted_on: crate::i18n::date(
            lang,
            helsinki::local(e.last_end() + events::SIGNUP_RETENTION).date(),
        ),
        rows,
        ctx,
    };
    render(&page, lang)
}

use crate::domain::csv_cell as cell;

pub async fn participants_csv(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let e = organized(&st, &user, &id).await?;
    log_read(&st, &user, &e, "export").await?;
    let signups = st.store.signups(e.id).await?;
    // Every cell quoted: a spreadsheet that splits on `;` (Finnish and Swedish Excel) keeps
    // "ESR;+…" one cell of text, not a second cell that starts a formula.
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    let head =
        ["name", "email", "needs", "state", "confirmed"].map(|h| ctx.t(&format!("events-csv-{h}")));
    let _ = w.write_record(&head);
    for (name, email, needs, state, confirmed) in participant_rows(&ctx, &signups) {
        let _ = w.write_record([cell(&name), cell(&email), cell(&needs), state, confirmed]);
    }
    let mut body = b"\xEF\xBB\xBF".to_vec();
    body.extend(w.into_inner().unwrap_or_default());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"participants-{}.csv\"", e.id),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// `POST /{lang}/events/{id}/cancel`: the event is off; everyone signed up is told, and every
/// feed says CANCELLED with a raised SEQUENCE.
pub async fn cancel(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let e = organized(&st, &user, &id).await?;
    let now = OffsetDateTime::now_utc();
    if !e.cancelled {
        let changed = Event {
            cancelled: true,
            sequence: e.sequence + 1,
            updated_at: now,
            ..e.clone()
        };
        svc::save(st.store.as_ref(), &changed).await?;
        let keys = st.keys().await?;
        let public = st.config.public_url();
        for s in st.store.signups(e.id).await? {
            if matches!(s.state, SignupState::Going | SignupState::Waiting) {
                st.store
                    .enqueue_mail(&svc::mail(
                        keys,
                        &public,
                        "cancelled",
                        &changed,
                        &s,
                        svc::next_or_first(&changed, now),
                    ))
                    .await?;
            }
        }
    }
    Ok(see_other(
        &ctx.url(&format!("/events/{}?done=cancelled", e.id)),
        [],
    ))
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct EventForm {
    kind: String,
    title: String,
    description: String,
    network: String,
    location: String,
    place: String,
    municipality: String,
    online_url: String,
    date: String,
    start: String,
    end_date: String,
    end: String,
    repeat: String,
    until: String,
    count: String,
    exceptions: String,
    cost: String,
    accessibility: String,
    capacity: String,
    signup: String,
    co_organizers: String,
    #[serde(skip)]
    audience: Vec<String>,
    #[serde(skip)]
    languages: Vec<String>,
}

fn parse_event_form(body: &[u8]) -> EventForm {
    let mut f: EventForm = form::parse(body);
    for (k, v) in form::pairs(body) {
        match k.as_str() {
            "audience" => f.audience.push(v),
            "languages" => f.languages.push(v),
            _ => {}
        }
    }
    f
}

#[derive(Template)]
#[template(path = "events/edit.html")]
struct EditPage {
    ctx: Ctx,
    title: String,
    back_url: String,
    action: String,
    errors: Vec<(String, String)>,
    fields: Vec<Field>,
    when_fields: Vec<Field>,
    repeat_fields: Vec<Field>,
    audience: Choices,
    languages: Choices,
    more_fields: Vec<Field>,
    signup: bool,
}

/// What the form offers for the lead organization: its places and its networks.
async fn form_options(
    st: &AppState,
    ctx: &Ctx,
    lead: OrganizationId,
) -> PageResult<(Vec<(String, String)>, Vec<(String, String)>)> {
    let org = st
        .store
        .organization(lead)
        .await?
        .ok_or(PageError::not_found())?;
    let (_, places) = place_options(st, ctx, &org).await?;
    let mut networks = Vec::new();
    for m in st.store.memberships_of(lead).await? {
        if m.state == MemberState::Member {
            if let Some(n) = st.store.network(m.network_id).await? {
                networks.push((n.id.to_string(), n.name));
            }
        }
    }
    Ok((places, networks))
}

async fn edit_page(
    st: &AppState,
    ctx: Ctx,
    lead: OrganizationId,
    existing: Option<&Event>,
    f: &EventForm,
    errors: &[(&str, String)],
) -> PageResult {
    let (places, networks) = form_options(st, &ctx, lead).await?;
    let lang = ctx.lang;
    let kinds = EventKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), kind_label(&ctx, *k)))
        .collect();
    let mut location_options = vec![(String::new(), ctx.t("events-location-none"))];
    location_options.extend(places);
    let mut network_options = vec![(String::new(), ctx.t("events-network-none"))];
    network_options.extend(networks);
    let repeat_options = ["", "weekly", "biweekly", "monthly"]
        .iter()
        .map(|r| {
            (
                r.to_string(),
                ctx.t(&format!(
                    "events-repeat-option-{}",
                    if r.is_empty() { "none" } else { r }
                )),
            )
        })
        .collect();
    let text = |name: &'static str, kind: &'static str, value: &str, max: usize| {
        Field::new(&ctx, "events", name, kind)
            .value(value)
            .max_chars(max)
            .error_from(errors)
    };
    let fields = vec![
        Field::new(&ctx, "events", "kind", "select")
            .options(String::new(), kinds)
            .value(&f.kind)
            .error_from(errors),
        text("title", "text", &f.title, MAX_TITLE_CHARS).required(),
        text(
            "description",
            "textarea",
            &f.description,
            MAX_DESCRIPTION_CHARS,
        ),
        text("co_organizers", "textarea", &f.co_organizers, 2000),
        Field::new(&ctx, "events", "network", "select")
            .options(String::new(), network_options)
            .value(&f.network)
            .error_from(errors),
        Field::new(&ctx, "events", "location", "select")
            .options(String::new(), location_options)
            .value(&f.location)
            .error_from(errors),
        text("place", "text", &f.place, MAX_PLACE_CHARS),
        text("municipality", "text", &f.municipality, 60),
        text("online_url", "url", &f.online_url, 500),
    ];
    let when_fields = vec![
        text("date", "date", &f.date, 20).required(),
        text("start", "text", &f.start, 5).required(),
        text("end_date", "date", &f.end_date, 20),
        text("end", "text", &f.end, 5).required(),
    ];
    let repeat_fields = vec![
        Field::new(&ctx, "events", "repeat", "select")
            .options(String::new(), repeat_options)
            .value(&f.repeat)
            .error_from(errors),
        text("until", "date", &f.until, 20),
        text("count", "text", &f.count, 3),
        text("exceptions", "textarea", &f.exceptions, 2000),
    ];
    let audience = Choices::new(
        &ctx,
        "events",
        "audience",
        target_group_options(&ctx),
        &f.audience,
    )
    .error_from(errors);
    let languages = Choices::new(
        &ctx,
        "events",
        "languages",
        LANGUAGES
            .iter()
            .map(|l| (l.to_string(), ctx.t(&format!("events-language-{l}"))))
            .collect(),
        &f.languages,
    )
    .error_from(errors);
    let more_fields = vec![
        text("cost", "text", &f.cost, MAX_COST_CHARS),
        text(
            "accessibility",
            "textarea",
            &f.accessibility,
            MAX_ACCESSIBILITY_CHARS,
        ),
        text("capacity", "text", &f.capacity, 6),
    ];
    let mut all: Vec<&Field> = fields
        .iter()
        .chain(&when_fields)
        .chain(&repeat_fields)
        .collect();
    all.extend(more_fields.iter());
    let mut summary = form::summary(&all);
    for c in [&audience, &languages] {
        if let Some(e) = &c.error {
            summary.push((c.first_id(), e.clone()));
        }
    }
    let failed = !summary.is_empty();
    let (title, back_url, action) = match existing {
        Some(e) => (
            ctx.t("events-edit-title"),
            ctx.url(&format!("/events/{}", e.id)),
            ctx.url(&format!("/events/{}/edit", e.id)),
        ),
        None => (
            ctx.t("events-new-title"),
            ctx.url(&format!("/organizations/{lead}/manage")),
            ctx.url(&format!("/organizations/{lead}/events/new")),
        ),
    };
    let page = EditPage {
        title,
        back_url,
        action,
        errors: summary,
        fields,
        when_fields,
        repeat_fields,
        audience,
        languages,
        more_fields,
        signup: f.signup == "1" || (existing.is_none() && f.title.is_empty()),
        ctx,
    };
    Ok(render_form(&page, lang, failed))
}

/// The form's values checked against the lead organization's places and networks: the event
/// (with a new id, or the existing one's kept fields), or the error keys by field.
async fn checked(
    st: &AppState,
    f: &EventForm,
    lead: OrganizationId,
    existing: Option<&Event>,
    user: &User,
) -> PageResult<Result<Event, Vec<(&'static str, String)>>> {
    let mut errors: Vec<(&'static str, String)> = Vec::new();
    let kind = EventKind::parse(&f.kind);
    if kind.is_none() {
        errors.push(("kind", "events-error-kind".into()));
    }
    let title = f.title.trim().to_string();
    if title.is_empty() {
        errors.push(("title", "events-error-title".into()));
    } else if title.chars().count() > MAX_TITLE_CHARS || !is_one_line(&title) {
        errors.push(("title", "events-error-too-long".into()));
    }
    let description = f.description.trim().replace("\r\n", "\n");
    if description.chars().count() > MAX_DESCRIPTION_CHARS {
        errors.push(("description", "events-error-too-long".into()));
    }
    // Co-organizers: names or business ids of organizations in the directory.
    let mut organizers = vec![lead];
    let mut unknown = Vec::new();
    for part in f
        .co_organizers
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let found = match crate::domain::BusinessId::parse(part) {
            Ok(b) => st
                .store
                .organizations_by_business_id(&b)
                .await?
                .into_iter()
                .next()
                .map(|o| o.id),
            Err(_) => {
                let word = part.to_lowercase();
                st.store
                    .organizations_named_like(&word, 20)
                    .await?
                    .into_iter()
                    .find(|(_, name)| name.to_lowercase() == word)
                    .map(|(id, _)| id)
            }
        };
        match found {
            Some(id) if !organizers.contains(&id) => organizers.push(id),
            Some(_) => {}
            None => unknown.push(part.chars().take(80).collect::<String>()),
        }
    }
    if !unknown.is_empty() {
        errors.push((
            "co_organizers",
            format!("events-error-organizer|{}", unknown.join(", ")),
        ));
    } else if organizers.len() > MAX_ORGANIZERS {
        errors.push(("co_organizers", "events-error-organizers-many".into()));
    }
    let (places, networks) = {
        let org = st
            .store
            .organization(lead)
            .await?
            .ok_or(PageError::not_found())?;
        // Naming other organizations as organizers is for organizations a coordinator has
        // verified: a new, unchecked one could otherwise publish in a known one's name.
        if organizers.len() > 1 && !org.verified {
            errors.push(("co_organizers", "events-error-organizers-unverified".into()));
        }
        let places = st.store.locations_of_organization(org.id).await?;
        let networks: Vec<NetworkId> = st
            .store
            .memberships_of(lead)
            .await?
            .into_iter()
            .filter(|m| m.state == MemberState::Member)
            .map(|m| m.network_id)
            .collect();
        (places, networks)
    };
    let network_id = match f.network.trim() {
        "" => None,
        n => match NetworkId::parse(n)
            // Only while a member: an organization removed from a network keeps no event in
            // its name (editing one asks to choose again).
            .filter(|n| networks.contains(n))
        {
            Some(n) => Some(n),
            None => {
                errors.push(("network", "events-error-network".into()));
                None
            }
        },
    };
    let location = match f.location.trim() {
        "" => None,
        l => match LocationId::parse(l).and_then(|l| places.iter().find(|p| p.id == l)) {
            Some(p) => Some(p.clone()),
            None => {
                errors.push(("location", "events-error-location".into()));
                None
            }
        },
    };
    let place = f.place.trim().to_string();
    if place.chars().count() > MAX_PLACE_CHARS || !is_one_line(&place) {
        errors.push(("place", "events-error-too-long".into()));
    }
    let mut municipality_code = location.as_ref().and_then(|l| l.municipality_code.clone());
    let m = f.municipality.trim();
    if !m.is_empty() {
        match REF.find_municipality(m) {
            Some(found) => municipality_code = Some(found.code.clone()),
            None => errors.push(("municipality", "events-error-municipality".into())),
        }
    }
    let online = f.online_url.trim();
    let online_url = if online.is_empty() {
        None
    } else if is_web_link(online) && online.len() <= 500 {
        Some(online.to_string())
    } else {
        errors.push(("online_url", "events-error-online-url".into()));
        None
    };
    if location.is_none() && place.is_empty() && municipality_code.is_none() && online.is_empty() {
        errors.push(("place", "events-error-where".into()));
    }
    // Times, on Helsinki's clock.
    let date = match parse_date(&f.date) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            errors.push(("date", "events-error-date".into()));
            None
        }
        Err(()) => {
            errors.push(("date", "events-error-date-form".into()));
            None
        }
    };
    let end_date = match parse_date(&f.end_date) {
        Ok(d) => d.or(date),
        Err(()) => {
            errors.push(("end_date", "events-error-date-form".into()));
            None
        }
    };
    let start = parse_time(&f.start);
    if start.is_none() {
        errors.push(("start", "events-error-time".into()));
    }
    let end = parse_time(&f.end);
    if end.is_none() {
        errors.push(("end", "events-error-time".into()));
    }
    let until = match parse_date(&f.until) {
        Ok(d) => d,
        Err(()) => {
            errors.push(("until", "events-error-date-form".into()));
            None
        }
    };
    let count = match f.count.trim() {
        "" => None,
        c => match c.parse::<u16>() {
            Ok(c) if c >= 1 && usize::from(c) <= events::MAX_OCCURRENCES => Some(c),
            _ => {
                errors.push(("count", "events-error-count".into()));
                None
            }
        },
    };
    let mut exceptions = Vec::new();
    for part in f
        .exceptions
        .split([',', ';', '\n', ' '])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match parse_date(part) {
            Ok(Some(d)) => exceptions.push(d),
            _ => {
                errors.push((
                    "exceptions",
                    format!(
                        "events-error-exception|{}",
                        part.chars().take(20).collect::<String>()
                    ),
                ));
                break;
            }
        }
    }
    let recurrence = match f.repeat.as_str() {
        "" => None,
        "weekly" | "biweekly" | "monthly" => Some(Recurrence {
            frequency: if f.repeat == "monthly" {
                Frequency::MonthlyByWeekday
            } else {
                Frequency::Weekly
            },
            interval: if f.repeat == "biweekly" { 2 } else { 1 },
            until,
            count,
            exceptions,
        }),
        _ => {
            errors.push(("repeat", "events-error-repeat".into()));
            None
        }
    };
    if recurrence.is_some() && until.is_none() && count.is_none() {
        errors.push(("until", "events-error-series-end".into()));
    }
    let audience: Vec<String> = f
        .audience
        .iter()
        .filter(|a| REF.taxonomies.target_group(a).is_some())
        .cloned()
        .collect();
    let languages: Vec<String> = f
        .languages
        .iter()
        .filter(|l| LANGUAGES.contains(&l.as_str()))
        .cloned()
        .collect();
    let cost = f.cost.trim().to_string();
    if cost.chars().count() > MAX_COST_CHARS || !is_one_line(&cost) {
        errors.push(("cost", "events-error-too-long".into()));
    }
    let accessibility = f.accessibility.trim().replace("\r\n", "\n");
    if accessibility.chars().count() > MAX_ACCESSIBILITY_CHARS {
        errors.push(("accessibility", "events-error-too-long".into()));
    }
    let capacity = match f.capacity.trim() {
        "" => None,
        c => match c.parse::<u32>() {
            Ok(c) if (1..=MAX_CAPACITY).contains(&c) => Some(c),
            _ => {
                errors.push(("capacity", "events-error-capacity".into()));
                None
            }
        },
    };
    let (Some(kind), Some(date), Some(end_date), Some(start), Some(end)) =
        (kind, date, end_date, start, end)
    else {
        return Ok(Err(errors));
    };
    let starts_at = helsinki::at(date, start);
    let ends_at = helsinki::at(end_date, end);
    if let Err(e) = check_times(starts_at, ends_at, recurrence.as_ref()) {
        let (field, key) = match e {
            TimeError::EndBeforeStart => ("end", "events-error-end-before-start"),
            TimeError::TooLong => ("end_date", "events-error-too-many-days"),
            TimeError::EmptySeries => ("until", "events-error-empty-series"),
            TimeError::SeriesOutOfRange => ("until", "events-error-series-range"),
        };
        errors.push((field, key.into()));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = crate::domain::now_micros();
    Ok(Ok(Event {
        id: existing.map_or_else(EventId::new, |e| e.id),
        kind,
        title,
        description,
        organizers,
        network_id,
        location_id: location.map(|l| l.id),
        place,
        municipality_code,
        online_url,
        starts_at,
        ends_at,
        recurrence,
        audience,
        languages,
        cost,
        accessibility,
        capacity,
        signup: f.signup == "1",
        cancelled: existing.is_some_and(|e| e.cancelled),
        sequence: existing.map_or(0, |e| e.sequence + 1),
        created_by: existing.map_or(Some(user.id), |e| e.created_by),
        created_at: existing.map_or(now, |e| e.created_at),
        updated_at: now,
    }))
}

fn lead_of(user: &User, id: &str) -> PageResult<OrganizationId> {
    let org = OrganizationId::parse(id).ok_or(PageError::not_found())?;
    if !may_organize(user, org) {
        return Err(PageError::forbidden());
    }
    Ok(org)
}

pub async fn new_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let lead = lead_of(&user, &id)?;
    let f = EventForm {
        signup: "1".into(),
        languages: vec!["fi".into()],
        ..EventForm::default()
    };
    edit_page(&st, ctx, lead, None, &f, &[]).await
}

pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let lead = lead_of(&user, &id)?;
    st.store
        .organization(lead)
        .await?
        .ok_or(PageError::not_found())?;
    let f = parse_event_form(&body);
    let e = match checked(&st, &f, lead, None, &user).await? {
        Ok(e) => e,
        Err(errors) => {
            return edit_page(
                &st,
                ctx.clone(),
                lead,
                None,
                &f,
                &form::translated(&ctx, errors),
            )
            .await
        }
    };
    svc::save(st.store.as_ref(), &e).await?;
    Ok(see_other(
        &ctx.url(&format!("/events/{}?done=saved", e.id)),
        [],
    ))
}

/// The form's values of a saved event.
fn form_of(e: &Event, names: &[String]) -> EventForm {
    let (s, en) = (helsinki::local(e.starts_at), helsinki::local(e.ends_at));
    let r = e.recurrence.as_ref();
    EventForm {
        kind: e.kind.as_str().into(),
        title: e.title.clone(),
        description: e.description.clone(),
        network: e.network_id.map(|n| n.to_string()).unwrap_or_default(),
        location: e.location_id.map(|l| l.to_string()).unwrap_or_default(),
        place: e.place.clone(),
        municipality: e
            .municipality_code
            .as_deref()
            .map(|m| municipality_name(m, Lang::Fi))
            .unwrap_or_default(),
        online_url: e.online_url.clone().unwrap_or_default(),
        date: iso(Some(s.date())),
        start: format!("{:02}:{:02}", s.hour(), s.minute()),
        end_date: if en.date() == s.date() {
            String::new()
        } else {
            iso(Some(en.date()))
        },
        end: format!("{:02}:{:02}", en.hour(), en.minute()),
        repeat: match r.map(|r| (r.frequency, r.interval)) {
            None => "",
            Some((Frequency::Weekly, 1)) => "weekly",
            Some((Frequency::Weekly, _)) => "biweekly",
            Some((Frequency::MonthlyByWeekday, _)) => "monthly",
        }
        .into(),
        until: iso(r.and_then(|r| r.until)),
        count: r
            .and_then(|r| r.count)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        exceptions: r
            .map(|r| {
                r.exceptions
                    .iter()
                    .map(|d| iso(Some(*d)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        cost: e.cost.clone(),
        accessibility: e.accessibility.clone(),
        capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
        signup: if e.signup { "1".into() } else { String::new() },
        co_organizers: names.join("\n"),
        audience: e.audience.clone(),
        languages: e.languages.clone(),
    }
}

pub async fn edit_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let e = organized(&st, &user, &id).await?;
    let co: Vec<OrganizationId> = e.organizers.iter().skip(1).copied().collect();
    let names: Vec<String> = st
        .store
        .organizations_by_id(&co)
        .await?
        .into_iter()
        .map(|o| o.name)
        .collect();
    let f = form_of(&e, &names);
    edit_page(&st, ctx, e.organizers[0], Some(&e), &f, &[]).await
}

pub async fn update(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let e = organized(&st, &user, &id).await?;
    let lead = e.organizers[0];
    let f = parse_event_form(&body);
    let changed = match checked(&st, &f, lead, Some(&e), &user).await? {
        Ok(c) => c,
        Err(errors) => {
            return edit_page(
                &st,
                ctx.clone(),
                lead,
                Some(&e),
                &f,
                &form::translated(&ctx, errors),
            )
            .await
        }
    };
    svc::save(st.store.as_ref(), &changed).await?;
    // More places: the waiting list moves up.
    let moved = st.store.fill_places(changed.id).await?;
    let keys = st.keys().await?;
    svc::tell_moved_up(&st.store, keys, &st.config.public_url(), &changed, &moved).await?;
    Ok(see_other(
        &ctx.url(&format!("/events/{}?done=saved", changed.id)),
        [],
    ))
}

// ---- iCalendar feeds ----

/// A calendar of these events.
async fn ics_body(st: &AppState, ctx: &Ctx, name: &str, events: &[Event]) -> PageResult<String> {
    let blocks = vevents(st, ctx, events).await?;
    Ok(ical::calendar_of(name, blocks.iter().map(String::as_str)))
}

/// These events' VEVENTs, in their order.
async fn vevents(st: &AppState, ctx: &Ctx, events: &[Event]) -> PageResult<Vec<String>> {
    let mut ids: Vec<OrganizationId> = events.iter().flat_map(|e| e.organizers.clone()).collect();
    ids.sort();
    ids.dedup();
    let orgs = st.store.organizations_by_id(&ids).await?;
    let names: std::collections::HashMap<OrganizationId, &str> =
        orgs.iter().map(|o| (o.id, o.name.as_str())).collect();
    // The places of business with their street addresses, in one query.
    let mut places: Vec<LocationId> = events.iter().filter_map(|e| e.location_id).collect();
    places.sort();
    places.dedup();
    let addresses: std::collections::HashMap<LocationId, String> = st
        .store
        .locations_by_id(&places)
        .await?
        .iter()
        .map(|l| (l.id, location_words(ctx, l)))
        .collect();
    let base = st.config.public_url().trim_end_matches('/').to_string();
    Ok(events
        .iter()
        .map(|e| ical::Entry {
            event: e,
            url: format!("{base}{}", ctx.url(&format!("/events/{}", e.id))),
            location: match e.location_id.and_then(|l| addresses.get(&l)) {
                Some(a) if e.place.is_empty() => a.clone(),
                Some(a) => format!("{}, {a}", e.place),
                None => place_words(ctx, e),
            },
            organizers: e
                .organizers
                .iter()
                .filter_map(|o| names.get(o).copied())
                .collect::<Vec<_>>()
                .join(", "),
            categories: kind_label(ctx, e.kind),
        })
        .map(|entry| ical::vevent_block(&entry))
        .collect())
}

fn ics_response(body: impl Into<axum::body::Body>, etag: Option<&str>) -> Response {
    let mut res = (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        body.into(),
    )
        .into_response();
    if let Some(v) = etag.and_then(|e| header::HeaderValue::from_str(e).ok()) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// A calendar of these events, as a response.
async fn ics(st: &AppState, ctx: &Ctx, name: &str, events: &[Event]) -> PageResult<Response> {
    Ok(ics_response(ics_body(st, ctx, name, events).await?, None))
}

/// Built feeds are kept this long at most.
const FEED_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(600);
/// An event's VEVENT is kept this long at most while the event is unchanged. Renaming an
/// organizer and changing a place's name or address change its events (`write_batch`), so
/// this is only a bound on what else could be missed.
const VEVENT_TTL: std::time::Duration = std::time::Duration::from_secs(6 * 3600);

/// Recently built feeds: (key, the events' fingerprint) → the calendar and when it was built.
/// A calendar program polls the same feed again and again; it is built again only when its
/// events change, and then only the events that changed are written again: the others' VEVENTs
/// are kept by (language, event) with the change and `SEQUENCE` they were written at.
pub struct FeedCache {
    feeds: std::sync::Mutex<
        crate::search::cache::Recent<(String, String), (Bytes, std::time::Instant)>,
    >,
    vevents: std::sync::Mutex<crate::search::cache::Recent<(Lang, EventId), BuiltVevent>>,
}

/// A VEVENT kept for the next build of a feed.
#[derive(Clone)]
struct BuiltVevent {
    stamp: crate::store::EventStamp,
    text: std::sync::Arc<str>,
    at: std::time::Instant,
}

impl FeedCache {
    /// Keeps about `capacity` feeds and `vevents` VEVENTs.
    pub fn new(capacity: usize, vevents: usize) -> Self {
        Self {
            feeds: std::sync::Mutex::new(crate::search::cache::Recent::new(capacity)),
            vevents: std::sync::Mutex::new(crate::search::cache::Recent::new(vevents)),
        }
    }
}

/// The feed of the events `q` chooses, built with the VEVENTs of unchanged events kept from
/// before (an organizer renamed or a place changed changes its events).
async fn build_feed(st: &AppState, ctx: &Ctx, name: &str, q: &EventQuery) -> PageResult<String> {
    let stamps = st.store.event_stamps(q).await?;
    let fresh = |b: &BuiltVevent, s: &crate::store::EventStamp| {
        b.stamp == *s && b.at.elapsed() < VEVENT_TTL
    };
    let mut blocks: Vec<Option<std::sync::Arc<str>>> = match st.feeds.vevents.lock() {
        Ok(mut kept) => stamps
            .iter()
            .map(|s| {
                kept.get(&(ctx.lang, s.id))
                    .filter(|b| fresh(b, s))
                    .map(|b| b.text)
            })
            .collect(),
        Err(_) => vec![None; stamps.len()],
    };
    let missing: Vec<EventId> = stamps
        .iter()
        .zip(&blocks)
        .filter(|(_, b)| b.is_none())
        .map(|(s, _)| s.id)
        .collect();
    let mut written = std::collections::HashMap::new();
    // Most of them to write (a new node): one read of the feed's events is quicker.
    let chunks: Vec<Option<&[EventId]>> = if missing.len() > stamps.len() / 2 {
        vec![None]
    } else {
        missing.chunks(1000).map(Some).collect()
    };
    for chunk in chunks {
        let events = match chunk {
            None => st.store.events(q).await?,
            Some(ids) => {
                st.store
                    .events(&EventQuery {
                        ids: ids.to_vec(),
                        include_cancelled: true,
                        limit: ids.len() as u32,
                        ..EventQuery::default()
                    })
                    .await?
            }
        };
        let texts = vevents(st, ctx, &events).await?;
        let now = std::time::Instant::now();
        let mut kept = st.feeds.vevents.lock().ok();
        for (e, text) in events.iter().zip(texts) {
            let text: std::sync::Arc<str> = text.into();
            if let Some(kept) = kept.as_mut() {
                let stamp = crate::store::EventStamp {
                    id: e.id,
                    updated_at: crate::domain::unix_micros(e.updated_at),
                    sequence: e.sequence,
                };
                let built = BuiltVevent {
                    stamp,
                    text: text.clone(),
                    at: now,
                };
                kept.insert((ctx.lang, e.id), built);
            }
            written.insert(e.id, text);
        }
    }
    for (s, b) in stamps.iter().zip(blocks.iter_mut()) {
        if b.is_none() {
            // An event removed meanwhile is left out.
            *b = written.remove(&s.id);
        }
    }
    Ok(ical::calendar_of(
        name,
        blocks.iter().flatten().map(|b| &**b),
    ))
}

/// A feed of the events `q` chooses, from the cache while they have not changed, with an
/// `ETag` (and `304 Not Modified` for a client that has it already).
async fn feed(
    st: &AppState,
    ctx: &Ctx,
    headers: &axum::http::HeaderMap,
    key: String,
    name: &str,
    q: EventQuery,
) -> PageResult<Response> {
    let fingerprint = st.store.events_fingerprint(&q).await?;
    let key = (format!("{}|{key}|{name}", ctx.lang), fingerprint);
    let etag = format!(
        "\"{}\"",
        &crate::accounts::session::sha256_hex(format!("{}|{}", key.0, key.1).as_bytes())[..32]
    );
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        // A weak tag (a proxy that compressed it) or "*" matches too (RFC 9110 13.1.2).
        .is_some_and(|v| {
            v.split(',')
                .map(|t| t.trim())
                .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
        });
    if matches {
        let mut res = axum::http::StatusCode::NOT_MODIFIED.into_response();
        if let Ok(v) = header::HeaderValue::from_str(&etag) {
            res.headers_mut().insert(header::ETAG, v);
        }
        return Ok(res);
    }
    let cached = st
        .feeds
        .feeds
        .lock()
        .ok()
        .and_then(|mut c| c.get(&key))
        .filter(|(_, at)| at.elapsed() < FEED_CACHE_TTL);
    let body = match cached {
        Some((body, _)) => body,
        None => {
            let body = Bytes::from(build_feed(st, ctx, name, &q).await?);
            if let Ok(mut c) = st.feeds.feeds.lock() {
                c.insert(key, (body.clone(), std::time::Instant::now()));
            }
            body
        }
    };
    Ok(ics_response(body, Some(&etag)))
}

/// A feed's events: upcoming, and those ended in the last 90 days (cancelled ones too, so
/// calendars learn of the cancellation).
fn feed_query() -> EventQuery {
    EventQuery {
        ends_after: Some(OffsetDateTime::now_utc() - FEED_PAST),
        include_cancelled: true,
        limit: FEED_LIMIT,
        ..EventQuery::default()
    }
}

pub async fn event_ics(State(st): State<AppState>, ctx: Ctx, PathId(id): PathId) -> PageResult {
    let e = event_of(&st, &id).await?;
    let mut res = ics(&st, &ctx, &e.title.clone(), &[e]).await?;
    // A file name for "add to calendar" (inline: phones offer to add it).
    res.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        header::HeaderValue::from_static("inline; filename=\"kolmonen-event.ics\""),
    );
    Ok(res)
}

pub async fn organization_ics(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    PathId(id): PathId,
) -> PageResult {
    let id = OrganizationId::parse(&id).ok_or(PageError::not_found())?;
    let o = st
        .store
        .organization(id)
        .await?
        .ok_or(PageError::not_found())?;
    let q = EventQuery {
        organization: Some(id),
        ..feed_query()
    };
    feed(
        &st,
        &ctx,
        &headers,
        format!("organization {id}"),
        &o.name,
        q,
    )
    .await
}

pub async fn network_ics(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    PathId(id): PathId,
) -> PageResult {
    let id = NetworkId::parse(&id).ok_or(PageError::not_found())?;
    let n = st.store.network(id).await?.ok_or(PageError::not_found())?;
    let q = EventQuery {
        network: Some(id),
        ..feed_query()
    };
    feed(&st, &ctx, &headers, format!("network {id}"), &n.name, q).await
}

pub async fn municipality_ics(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    PathId(code): PathId,
) -> PageResult {
    let m = REF.municipality(&code).ok_or(PageError::not_found())?;
    let q = EventQuery {
        municipality: Some(m.code.clone()),
        ..feed_query()
    };
    let name = format!("Kolmonen: {}", m.name(ctx.lang));
    feed(
        &st,
        &ctx,
        &headers,
        format!("municipality {}", m.code),
        &name,
        q,
    )
    .await
}

/// The secret in a person's own feed address: `{account}.{signature}`.
fn feed_token(
    keys: &crate::accounts::keys::Keys,
    user: crate::domain::UserId,
    nonce: &str,
) -> String {
    format!(
        "{}.{}",
        user.0.simple(),
        keys.sign("calendar-feed", &[&user.to_string(), nonce])
    )
}

/// `GET /{lang}/calendars/{token}/events.ics`: a person's own sign-ups (no sign-in: calendar
/// apps cannot; the address is the secret, renewed from the person's calendar page).
pub async fn personal_ics(
    State(st): State<AppState>,
    ctx: Ctx,
    PathId(token): PathId,
) -> PageResult {
    let (user, mac) = token.split_once('.').ok_or(PageError::not_found())?;
    let user = crate::domain::UserId::parse(user).ok_or(PageError::not_found())?;
    let nonce = st
        .store
        .calendar_nonce(user)
        .await?
        .ok_or(PageError::not_found())?;
    let keys = st.keys().await?;
    if !keys.verify("calendar-feed", &[&user.to_string(), &nonce], mac) {
        return Err(PageError::not_found());
    }
    let mut events = Vec::new();
    for s in st.store.signups_of_user(user).await? {
        if matches!(s.state, SignupState::Going | SignupState::Waiting) {
            if let Some(e) = st.store.event(s.event_id).await? {
                events.push(e);
            }
        }
    }
    ics(&st, &ctx, &ctx.t("events-my-calendar-title"), &events).await
}

#[derive(Template)]
#[template(path = "events/mine.html")]
struct MinePage {
    ctx: Ctx,
    title: String,
    rows: Vec<(EventRow, String)>,
    feed_url: Option<String>,
    renew_action: String,
    renewed: bool,
}

/// `GET /{lang}/me/calendar`: the person's sign-ups and their secret feed address.
pub async fn mine(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let now = OffsetDateTime::now_utc();
    let signups: Vec<Signup> = st
        .store
        .signups_of_user(user.id)
        .await?
        .into_iter()
        .filter(|s| s.state != SignupState::Cancelled)
        .collect();
    let mut events = Vec::new();
    let mut states = Vec::new();
    for s in &signups {
        if let Some(e) = st.store.event(s.event_id).await? {
            events.push(e);
            states.push(ctx.t(&format!("events-state-{}", s.state.as_str())));
        }
    }
    let rows = rows(&st, &ctx, &events, now)
        .await?
        .into_iter()
        .zip(states)
        .collect();
    let base = st.config.public_url().trim_end_matches('/').to_string();
    let feed_url = match st.store.calendar_nonce(user.id).await? {
        Some(nonce) => {
            let keys = st.keys().await?;
            Some(format!(
                "{base}{}",
                ctx.url(&format!(
                    "/calendars/{}/events.ics",
                    feed_token(keys, user.id, &nonce)
                ))
            ))
        }
        None => None,
    };
    let lang = ctx.lang;
    let page = MinePage {
        title: ctx.t("events-my-calendar-title"),
        rows,
        feed_url,
        renew_action: ctx.url("/me/calendar"),
        renewed: q.done.as_deref() == Some("renewed"),
        ctx,
    };
    render(&page, lang)
}

/// `POST /{lang}/me/calendar`: makes (or renews: the old address stops working) the feed.
pub async fn renew(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
) -> PageResult {
    let nonce = crate::accounts::session::SessionToken::new();
    st.store
        .set_calendar_nonce(user.id, nonce.as_str(), OffsetDateTime::now_utc())
        .await?;
    Ok(see_other(&ctx.url("/me/calendar?done=renewed"), []))
}
