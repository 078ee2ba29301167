//! The search page: a plain GET form, facet links with counts, active filters that can be
//! removed one by one, distance, sorting and paging; every state is a shareable URL.

use super::cards::CardLookup;
use super::{render, Card, Ctx, PageQuery};
use crate::api::search::facet_label;
use crate::domain::{EventId, Lang, OpportunityId, OrganizationId, ProjectId, ServiceId};
use crate::error::PageResult;
use crate::i18n::t_args;
use crate::search::cache::GenerationCache;
use crate::search::{DocType, SearchParams, SearchRequest, Sort};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use std::collections::HashMap;
use std::sync::Mutex;

/// Facets in the order the page shows them.
const FACET_ORDER: &[&str] = &[
    "type",
    "kind",
    "municipality",
    "region",
    "target_group",
    "topic",
    "language",
    "cost",
    "open",
    "part_time",
    "low_threshold",
    "accessible",
];

/// Values shown per facet (the most common ones).
const FACET_VALUES: usize = 12;

const RADII: &[u32] = &[5, 10, 20, 50, 100, 200];

pub struct Link {
    pub label: String,
    pub url: String,
}

pub struct FacetBox {
    pub title: String,
    pub links: Vec<FacetLink>,
}

pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub url: String,
    /// Chosen: the link takes the value away.
    pub chosen: bool,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    ctx: Ctx,
    title: String,
    q: String,
    near: String,
    radii: Vec<Choice>,
    sorts: Vec<Choice>,
    /// Filters kept as hidden fields when the form is sent again.
    hidden: Vec<(String, String)>,
    errors: Vec<FieldError>,
    searched: bool,
    summary: String,
    notes: Vec<String>,
    active: Vec<Link>,
    /// The active filters as plain text, for the printed list.
    asked: String,
    facets: Vec<FacetBox>,
    cards: Vec<Card>,
    suggestions: Vec<Link>,
    prev: Option<String>,
    next: Option<String>,
    page_label: String,
    /// A job seeker may keep the search for e-mail alerts: its query string.
    save_query: Option<String>,
    /// What to try when nothing was found, naming what was asked.
    empty_help: String,
    /// The list's link to copy and its CSV, when there are results.
    share: Option<super::export::Share>,
}

/// The request as URL parameters (without the page), in a stable order.
fn params_of(req: &SearchRequest) -> Vec<(String, String)> {
    let mut p = Vec::new();
    if !req.q.is_empty() {
        p.push(("q".to_string(), req.q.clone()));
    }
    for (n, v) in &req.filters {
        p.push((n.to_string(), v.clone()));
    }
    for f in &req.flags {
        p.push((f.to_string(), "true".to_string()));
    }
    if !req.near_text.is_empty() {
        p.push(("near".to_string(), req.near_text.clone()));
    }
    if let Some(r) = req.radius_km {
        p.push(("radius_km".to_string(), r.to_string()));
    }
    p
}

fn with_sort(req: &SearchRequest, mut p: Vec<(String, String)>) -> Vec<(String, String)> {
    if req.sort != Sort::Relevance {
        p.push(("sort".to_string(), req.sort.as_str().to_string()));
    }
    p
}

fn url(ctx: &Ctx, p: &[(String, String)]) -> String {
    let qs = serde_urlencoded::to_string(p).unwrap_or_default();
    if qs.is_empty() {
        ctx.url("/search")
    } else {
        format!("{}?{qs}", ctx.url("/search"))
    }
}

fn without(p: &[(String, String)], name: &str) -> Vec<(String, String)> {
    p.iter().filter(|(n, _)| n != name).cloned().collect()
}

/// The parameters without one value of a facet (its other values stay).
fn without_value(p: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    p.iter()
        .filter(|(n, v)| !(n == name && v == value))
        .cloned()
        .collect()
}

/// The label of an active filter ("Kunta: Lahti").
fn filter_label(ctx: &Ctx, name: &str, value: &str) -> String {
    let facet = ctx.t(&format!("search-facet-{name}"));
    match name {
        "q" | "near" => format!("{facet}: {value}"),
        "radius_km" => format!("{facet}: {value} km"),
        "part_time" | "accessible" | "low_threshold" | "open" => facet,
        _ => format!("{facet}: {}", facet_label(ctx.lang, name, value)),
    }
}

/// The whole result list (every page, up to the limit) as CSV.
async fn csv(st: &AppState, ctx: &Ctx, req: SearchRequest) -> PageResult {
    let _turn = super::export::csv_turn().await;
    let req = &req;
    let hits = super::export::every_page(|r| async move {
        let mut req = req.clone();
        (req.page, req.per_page) = (r.page, r.per_page);
        st.search.search(&req).await.map(|x| (x.hits, x.total))
    })
    .await?;
    // The cards of all the rows at once: one read per kind of record.
    let cards = result_cards(st, ctx, &hits).await?;
    Ok(super::export::csv_response(
        ctx,
        &st.config.public_url(),
        "kolmonen-search",
        &cards,
    ))
}

pub async fn show(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(mut params): PageQuery<SearchParams>,
) -> PageResult {
    // A page number past the furthest one (an old or typed link) is not an error on the
    // page: it shows the last page and says so, like any page past the last.
    let max_page = crate::search::query::MAX_PAGE;
    let far_page = params
        .page
        .as_deref()
        .and_then(|p| p.trim().parse::<u64>().ok())
        .filter(|n| *n > u64::from(max_page));
    if far_page.is_some() {
        params.page = Some(max_page.to_string());
    }
    let (mut req, param_errors) = params.check(ctx.lang);
    let errors: Vec<FieldError> = param_errors
        .iter()
        .map(|e| FieldError {
            field: match e.param {
                "near" | "radius_km" | "sort" => e.param.to_string(),
                _ => "q".to_string(),
            },
            message: ctx.t(e.key),
        })
        .collect();
    let base = params_of(&req);
    let searched = !base.is_empty() || params.q.is_some();
    if searched && errors.is_empty() && super::export::wants_csv(&params.format) {
        return csv(&st, &ctx, req).await;
    }
    let mut cards = Vec::new();
    let mut facets = Vec::new();
    let mut notes = Vec::new();
    let mut suggestions = Vec::new();
    let mut summary = String::new();
    let mut empty_help = String::new();
    let (mut prev, mut next, mut page_label) = (None, None, String::new());
    if searched {
        let mut r = st.search.search(&req).await?;
        // A page past the last (an old link, a typed URL): the last page, saying so.
        let last = u32::try_from(r.total.div_ceil(u64::from(req.per_page))).unwrap_or(u32::MAX);
        if r.total > 0 && req.page > last {
            notes.push(t_args(
                ctx.lang,
                "search-page-beyond",
                &[
                    ("page", far_page.unwrap_or(u64::from(req.page)).into()),
                    ("pages", u64::from(last).into()),
                ],
            ));
            req.page = last;
            r = st.search.search(&req).await?;
        }
        summary = ctx.tn("search-results-count", r.total);
        // Nothing found: say what was asked (words, or only filters).
        let filtered = !req.filters.is_empty() || !req.flags.is_empty() || req.near.is_some();
        empty_help = match (req.q.is_empty(), filtered) {
            (true, _) => ctx.t("search-empty-filters"),
            (false, false) => t_args(
                ctx.lang,
                "search-empty-words",
                &[("word", req.q.clone().into())],
            ),
            (false, true) => t_args(
                ctx.lang,
                "search-empty-words-filters",
                &[("word", req.q.clone().into())],
            ),
        };
        // "Searched without it" only when something was then found: otherwise the
        // empty-result help says what was asked, without contradicting it.
        for w in r.unmatched.iter().filter(|_| r.total > 0) {
            notes.push(t_args(
                ctx.lang,
                "search-unmatched",
                &[("word", w.clone().into())],
            ));
        }
        if let Some(p) = &r.place_from_words {
            notes.push(t_args(
                ctx.lang,
                "search-place-from-words",
                &[
                    ("place", p.label.clone().into()),
                    (
                        "radius",
                        req.radius_km
                            .unwrap_or(crate::search::query::PLACE_WORD_RADIUS_KM)
                            .into(),
                    ),
                ],
            ));
        }
        if let Some(p) = &req.near {
            notes.push(t_args(
                ctx.lang,
                "search-near-place",
                &[("place", p.label.clone().into())],
            ));
        }
        cards = result_cards(&st, &ctx, &r.hits).await?;
        let current = with_sort(&req, base.clone());
        for name in FACET_ORDER {
            let Some(values) = r.facets.get(name) else {
                continue;
            };
            // Values of a facet are alternatives: a chosen one is shown (its link takes it
            // away) beside the others, which add to it. A yes/no filter already on, or a facet
            // that cannot narrow the list, is not offered.
            let chosen: Vec<&String> = req
                .filters
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v)
                .collect();
            if chosen.is_empty() && base.iter().any(|(n, _)| n == name) {
                continue;
            }
            let mut shown: Vec<&crate::search::FacetCount> = values
                .iter()
                .filter(|v| !chosen.is_empty() || v.count < r.total || values.len() > 1)
                .take(FACET_VALUES)
                .collect();
            // A chosen value is always there, however rare.
            for c in &chosen {
                if !shown.iter().any(|v| &&v.value == c) {
                    if let Some(v) = values.iter().find(|v| &&v.value == c) {
                        shown.push(v);
                    }
                }
            }
            let links: Vec<FacetLink> = shown
                .into_iter()
                .map(|v| {
                    let is_chosen = chosen.contains(&&v.value);
                    let p = if is_chosen {
                        without_value(&current, name, &v.value)
                    } else {
                        let mut p = current.clone();
                        p.push((name.to_string(), v.value.clone()));
                        p
                    };
                    FacetLink {
                        label: facet_label(ctx.lang, name, &v.value),
                        count: v.count,
                        url: url(&ctx, &p),
                        chosen: is_chosen,
                    }
                })
                .collect();
            if !links.is_empty() {
                facets.push(FacetBox {
                    title: ctx.t(&format!("search-facet-{name}")),
                    links,
                });
            }
        }
        if r.total == 0 {
            for (name, n) in st.search.without_each_filter(&req).await? {
                let value = base
                    .iter()
                    .find(|(p, _)| p == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                suggestions.push(Link {
                    label: t_args(
                        ctx.lang,
                        "search-without-filter",
                        &[
                            ("filter", filter_label(&ctx, name, &value).into()),
                            ("count", n.into()),
                        ],
                    ),
                    url: url(&ctx, &with_sort(&req, without(&base, name))),
                });
            }
        }
        let pages = r.total.div_ceil(u64::from(req.per_page)).max(1);
        let page_url = |n: u32| {
            let mut p = current.clone();
            if n > 1 {
                p.push(("page".to_string(), n.to_string()));
            }
            url(&ctx, &p)
        };
        prev = (req.page > 1).then(|| page_url(req.page - 1));
        next = (u64::from(req.page) < pages && req.page < crate::search::query::MAX_PAGE)
            .then(|| page_url(req.page + 1));
        page_label = t_args(
            ctx.lang,
            "pager-label",
            &[
                ("page", u64::from(req.page).into()),
                ("pages", pages.into()),
            ],
        );
    }
    // On paper the filters are what was asked, not links to remove them.
    let asked = base
        .iter()
        .map(|(n, v)| filter_label(&ctx, n, v))
        .collect::<Vec<_>>()
        .join(" · ");
    let active = base
        .iter()
        .map(|(n, v)| Link {
            label: t_args(
                ctx.lang,
                "search-remove-filter",
                &[("filter", filter_label(&ctx, n, v).into())],
            ),
            url: url(&ctx, &with_sort(&req, without_value(&base, n, v))),
        })
        .collect();
    let hidden = base
        .iter()
        .filter(|(n, _)| !matches!(n.as_str(), "q" | "near" | "radius_km"))
        .cloned()
        .collect();
    // The usual radii, and the one the URL asked for if it is another (so the form keeps it).
    let mut radius_values: Vec<f64> = RADII.iter().map(|r| f64::from(*r)).collect();
    if let Some(r) = req.radius_km.filter(|r| !radius_values.contains(r)) {
        radius_values.push(r);
        radius_values.sort_by(f64::total_cmp);
    }
    let radii = std::iter::once(Choice {
        value: String::new(),
        label: ctx.t("search-radius-any"),
        selected: req.radius_km.is_none(),
    })
    .chain(radius_values.into_iter().map(|r| Choice {
        value: r.to_string(),
        label: format!("{r} km"),
        selected: req.radius_km == Some(r),
    }))
    .collect();
    let sorts = Sort::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_string(),
            label: ctx.t(&format!("search-sort-{}", s.as_str())),
            selected: req.sort == *s,
        })
        .collect();
    let save_query = (searched
        && errors.is_empty()
        && ctx
            .user
            .as_ref()
            .is_some_and(|u| u.role == crate::accounts::Role::JobSeeker))
    .then(|| serde_urlencoded::to_string(params_of(&req)).unwrap_or_default());
    let page = SearchPage {
        empty_help,
        share: (!cards.is_empty()).then(|| super::export::share(&ctx, &st.config.public_url())),
        save_query,
        title: ctx.t("search-title"),
        q: req.q.clone(),
        near: req.near_text.clone(),
        radii,
        sorts,
        hidden,
        errors,
        searched,
        summary,
        notes,
        active,
        asked,
        facets,
        cards,
        suggestions,
        prev,
        next,
        page_label,
        ctx,
    };
    render(&page, page.ctx.lang)
}

/// Result cards already built, per language and record, for as long as the index (which
/// every change of a record changes) and the day (cards say how fresh a record is) stay the
/// same.
pub struct CardCache(Mutex<GenerationCache<CardKey, Card>>);

type CardKey = (Lang, DocType, String, i64);

impl CardCache {
    pub fn new(capacity: usize) -> Self {
        Self(Mutex::new(GenerationCache::new(capacity)))
    }
}

fn today() -> i64 {
    time::OffsetDateTime::now_utc()
        .unix_timestamp()
        .div_euclid(86_400)
}

/// Cards for the hits, in their order, with the distance on each.
async fn result_cards(
    st: &AppState,
    ctx: &Ctx,
    hits: &[crate::search::Hit],
) -> PageResult<Vec<Card>> {
    let generation = st.search.generation();
    let day = today();
    let key = |h: &crate::search::Hit| (ctx.lang, h.doc_type, h.record_id.clone(), day);
    let mut by_id: HashMap<(DocType, String), Card> = HashMap::new();
    if let Ok(mut cache) = st.cards.0.lock() {
        for h in hits {
            if let Some(card) = cache.get(generation, &key(h)) {
                by_id.insert((h.doc_type, h.record_id.clone()), card);
            }
        }
    }
    let missing: Vec<&crate::search::Hit> = hits
        .iter()
        .filter(|h| !by_id.contains_key(&(h.doc_type, h.record_id.clone())))
        .collect();
    if !missing.is_empty() {
        let built = build_cards(st, ctx, &missing).await?;
        if let Ok(mut cache) = st.cards.0.lock() {
            for h in &missing {
                if let Some(card) = built.get(&(h.doc_type, h.record_id.clone())) {
                    cache.insert(generation, key(h), card.clone());
                }
            }
        }
        by_id.extend(built);
    }
    Ok(hits
        .iter()
        .filter_map(|h| {
            let mut card = by_id.remove(&(h.doc_type, h.record_id.clone()))?;
            if let Some(d) = h.distance_km {
                let km = if ctx.lang == Lang::En {
                    format!("{d:.1}")
                } else {
                    format!("{d:.1}").replace('.', ",")
                };
                let text = t_args(ctx.lang, "search-distance", &[("km", km.into())]);
                card.place = Some(match card.place.take() {
                    Some(p) => format!("{p} · {text}"),
                    None => text,
                });
            }
            Some(card)
        })
        .collect())
}

/// Builds the cards of these hits from the store: one query per kind of record and one for
/// their organizations and places.
async fn build_cards(
    st: &AppState,
    ctx: &Ctx,
    hits: &[&crate::search::Hit],
) -> PageResult<HashMap<(DocType, String), Card>> {
    let ids = |t: DocType| {
        hits.iter()
            .filter(move |h| h.doc_type == t)
            .map(|h| h.record_id.as_str())
    };
    let services = st
        .store
        .services_by_id(
            &ids(DocType::Service)
                .filter_map(ServiceId::parse)
                .collect::<Vec<_>>(),
        )
        .await?;
    let opportunities = st
        .store
        .opportunities_by_id(
            &ids(DocType::Opportunity)
                .filter_map(OpportunityId::parse)
                .collect::<Vec<_>>(),
        )
        .await?;
    let organizations = st
        .store
        .organizations_by_id(
            &ids(DocType::Organization)
                .filter_map(OrganizationId::parse)
                .collect::<Vec<_>>(),
        )
        .await?;
    let event_ids: Vec<EventId> = ids(DocType::Event).filter_map(EventId::parse).collect();
    let events = if event_ids.is_empty() {
        Vec::new()
    } else {
        st.store
            .events(&crate::store::EventQuery {
                limit: event_ids.len() as u32,
                ids: event_ids,
                include_cancelled: true,
                ..Default::default()
            })
            .await?
    };
    let project_ids: Vec<ProjectId> = ids(DocType::Project).filter_map(ProjectId::parse).collect();
    let projects = if project_ids.is_empty() {
        Vec::new()
    } else {
        st.store
            .projects(&crate::store::ProjectQuery {
                limit: project_ids.len() as u32,
                ids: project_ids,
                ..Default::default()
            })
            .await?
    };
    let article_ids: Vec<crate::domain::ArticleId> = ids(DocType::Article)
        .filter_map(crate::domain::ArticleId::parse)
        .collect();
    let articles = if article_ids.is_empty() {
        Vec::new()
    } else {
        st.store
            .articles(&crate::store::ArticleQuery {
                limit: article_ids.len() as u32,
                ids: article_ids,
                ..Default::default()
            })
            .await?
    };
    let lookup = CardLookup::new(&st.store, ctx.lang);
    let mut by_id = HashMap::new();
    for (a, c) in articles
        .iter()
        .zip(super::articles::article_cards(st, ctx, &articles).await?)
    {
        by_id.insert((DocType::Article, a.id.to_string()), c);
    }
    for (p, c) in projects
        .iter()
        .zip(super::projects::project_cards(st, ctx, &projects).await?)
    {
        by_id.insert((DocType::Project, p.id.to_string()), c);
    }
    let names = lookup
        .names(events.iter().flat_map(|e| e.organizers.iter().copied()))
        .await?;
    let places: HashMap<_, _> = st
        .store
        .locations_by_id(
            &events
                .iter()
                .filter_map(|e| e.location_id)
                .collect::<Vec<_>>(),
        )
        .await?
        .into_iter()
        .map(|l| (l.id, l))
        .collect();
    let now = time::OffsetDateTime::now_utc();
    for e in &events {
        let organizers: Vec<&str> = e
            .organizers
            .iter()
            .filter_map(|o| names.get(o).map(String::as_str))
            .collect();
        let organizers = (!organizers.is_empty()).then(|| organizers.join(", "));
        by_id.insert(
            (DocType::Event, e.id.to_string()),
            super::cards::event_card(
                ctx,
                e,
                organizers,
                e.location_id.and_then(|l| places.get(&l)),
                now,
            ),
        );
    }
    for (s, c) in services
        .iter()
        .zip(lookup.service_cards(ctx, &services).await?)
    {
        by_id.insert((DocType::Service, s.id.to_string()), c);
    }
    for (o, c) in opportunities
        .iter()
        .zip(lookup.opportunity_cards(ctx, &opportunities).await?)
    {
        by_id.insert((DocType::Opportunity, o.id.to_string()), c);
    }
    for (o, c) in organizations
        .iter()
        .zip(lookup.organization_cards(ctx, &organizations).await?)
    {
        by_id.insert((DocType::Organization, o.id.to_string()), c);
    }
    Ok(by_id)
}
