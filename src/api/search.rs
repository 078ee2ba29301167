//! `GET /api/v1/search`: one result list over services, opportunities and organizations.

use super::ApiQuery;
use crate::domain::Lang;
use crate::error::{ApiError, Problem};
use crate::i18n::t;
use crate::search::{SearchParams, SearchRequest, SearchResults};
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResponse {
    /// How many records match (all pages).
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub results: Vec<SearchResult>,
    /// Facet → values with how many of the matching records have each, most common first.
    /// Facets: type, kind, municipality, region, target_group, topic, language, cost,
    /// part_time, accessible, low_threshold, open.
    pub facets: BTreeMap<String, Vec<FacetValue>>,
    /// Query words the directory has no match for; the search went on without them.
    pub unmatched_words: Vec<String>,
    /// The place distances are measured from: `near`, or a place named among the words of
    /// `q` that no record's text has ("työkokeilu Nastola" searches within 20 km of Nastola).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near: Option<NearPlace>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    /// `service`, `opportunity`, `organization`, `event` or `project`.
    #[serde(rename = "type")]
    pub doc_type: String,
    /// The record's own id (for records imported from HSDS, the id in the source).
    pub id: String,
    /// The name in the requested language, or in the language the record has.
    pub name: String,
    /// Language of `name`.
    pub name_lang: Lang,
    /// The record's page in the requested language.
    pub url: String,
    /// 0–1: how well the record matches the words of the query.
    pub score: f64,
    /// Kilometres from `near` to the record's nearest place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NearPlace {
    pub label: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// Path segment of a result type's pages.
pub fn record_path(doc_type: &str) -> &'static str {
    match doc_type {
        "opportunity" => "opportunities",
        "organization" => "organizations",
        "event" => "events",
        "project" => "projects",
        "article" => "articles",
        _ => "services",
    }
}

/// The label of a facet value in a language.
pub fn facet_label(lang: Lang, facet: &str, value: &str) -> String {
    use crate::refdata::REF;
    let found = match facet {
        "municipality" => REF.municipality(value).map(|m| m.name(lang).to_string()),
        "region" => REF
            .municipalities
            .values()
            .find(|m| m.region_code == value)
            .map(|m| m.region(lang).to_string()),
        "target_group" => REF
            .taxonomies
            .target_group(value)
            .map(|t| t.label.text(lang).to_string()),
        "topic" => REF
            .taxonomies
            .topic(value)
            .map(|t| t.label.text(lang).to_string()),
        "type" => Some(t(lang, &format!("search-type-{value}"))),
        "kind" => REF
            .taxonomies
            .opportunity_type(value)
            .map(|t| t.label.text(lang).to_string())
            .or_else(|| {
                crate::domain::events::EventKind::parse(value)
                    .map(|k| t(lang, &format!("event-kind-{}", k.as_str())))
            })
            .or_else(|| {
                crate::domain::articles::ArticleKind::parse(value)
                    .map(|k| t(lang, &format!("articles-kind-{}", k.as_str())))
            })
            // "Tyyppi: Palvelu tai toiminta" and "Laji: Palvelu" read as the same filter:
            // the kind says which of the two it is, and what that means.
            .or_else(|| Some(t(lang, &format!("search-kind-{value}")))),
        "cost" => Some(t(lang, &format!("search-cost-{value}"))),
        "language" => Some(crate::i18n::language_name(lang, value)),
        "part_time" | "accessible" | "low_threshold" | "open" => {
            Some(t(lang, &format!("search-flag-{facet}")))
        }
        _ => None,
    };
    found.unwrap_or_else(|| value.to_string())
}

pub fn response(lang: Lang, req: &SearchRequest, r: SearchResults) -> SearchResponse {
    SearchResponse {
        total: r.total,
        page: req.page,
        per_page: req.per_page,
        results: r
            .hits
            .into_iter()
            .map(|h| {
                let (name, name_lang) = h.name.get(lang);
                SearchResult {
                    doc_type: h.doc_type.as_str().to_string(),
                    url: format!(
                        "/{}/{}/{}",
                        lang.code(),
                        record_path(h.doc_type.as_str()),
                        h.record_id
                    ),
                    id: h.record_id,
                    name: name.to_string(),
                    name_lang,
                    score: h.score,
                    distance_km: h.distance_km,
                }
            })
            .collect(),
        facets: r
            .facets
            .into_iter()
            .map(|(facet, values)| {
                (
                    facet.to_string(),
                    values
                        .into_iter()
                        .map(|v| FacetValue {
                            label: facet_label(lang, facet, &v.value),
                            value: v.value,
                            count: v.count,
                        })
                        .collect(),
                )
            })
            .collect(),
        unmatched_words: r.unmatched,
        near: req
            .near
            .as_ref()
            .or(r.place_from_words.as_ref())
            .map(|p| NearPlace {
                label: p.label.clone(),
                latitude: p.lat,
                longitude: p.lon,
            }),
    }
}

#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    params(
        ("q" = Option<String>, Query, description = "Words to find, in Finnish, Swedish or English: inflected forms, compounds and parts of them, and words with one typing error match."),
        ("lang" = Option<String>, Query, description = "Language of the query and of the names and labels in the answer: fi (default), sv or en."),
        ("type" = Option<String>, Query, description = "service, opportunity, organization, event (an event not yet over), project or article (the knowledge bank)."),
        ("kind" = Option<String>, Query, description = "Service kind (activity, service) or opportunity type (work_trial, wage_subsidy, rehabilitative_work, volunteering, apprenticeship, job), event kind (network_meeting, workshop, recruitment_fair, open_day, training, other) or article kind (good_practice, guide, template, report)."),
        ("municipality" = Option<String>, Query, description = "Municipality code, e.g. 398 (Lahti)."),
        ("region" = Option<String>, Query, description = "Region code, e.g. FI1C3."),
        ("target_group" = Option<String>, Query, description = "Target group id, e.g. young-people."),
        ("topic" = Option<String>, Query, description = "Topic id, e.g. animals."),
        ("language" = Option<String>, Query, description = "Language the service works in (ISO 639-1)."),
        ("cost" = Option<String>, Query, description = "free or paid."),
        ("part_time" = Option<bool>, Query, description = "true: part-time opportunities only."),
        ("accessible" = Option<bool>, Query, description = "true: only records at a place with accessibility information."),
        ("low_threshold" = Option<bool>, Query, description = "true: low-threshold services only (no referral needed)."),
        ("open" = Option<bool>, Query, description = "true: opportunities with open places only."),
        ("near" = Option<String>, Query, description = "Postal code, municipality or place name the distances are measured from."),
        ("radius_km" = Option<f64>, Query, minimum = 0, maximum = 1500, description = "With near: only records within this many kilometres."),
        ("sort" = Option<String>, Query, description = "relevance (default), distance, newest or apply_by."),
        ("page" = Option<u32>, Query, minimum = 1, maximum = 500, description = "Page, from 1."),
        ("per_page" = Option<u32>, Query, minimum = 1, maximum = 100, description = "Results per page, 1–100 (default 20)."),
    ),
    responses(
        (status = 200, description = "Matching records, one page, with facet counts", body = SearchResponse),
        (status = 400, description = "A number is out of range (page, per_page, radius_km)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn search(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<SearchResponse>, ApiError> {
    let lang = p.lang.as_deref().and_then(Lang::parse).unwrap_or_default();
    // The yes/no parameters are booleans in the API: anything but true or false is refused.
    for (name, v) in [
        ("part_time", &p.part_time),
        ("accessible", &p.accessible),
        ("low_threshold", &p.low_threshold),
        ("open", &p.open),
    ] {
        if v.as_deref().is_some_and(|v| v != "true" && v != "false") {
            return Err(ApiError::bad_request(format!("{name}: true or false")));
        }
    }
    // Numbers are numbers in the API: an empty value is refused like any other non-number
    // (the search page's form sends empty fields and takes them as not given).
    for (name, v) in [
        ("radius_km", &p.radius_km),
        ("page", &p.page),
        ("per_page", &p.per_page),
    ] {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(ApiError::bad_request(format!("{name}: a number")));
        }
    }
    let (req, mut errors) = p.check(lang);
    // Values the schema allows but we do not know match nothing, like an unknown
    // municipality (a place we cannot find, a type we do not have); an unknown sort or
    // language falls back to the default. Only numbers out of range are refused.
    let nothing = errors.iter().any(|e| matches!(e.param, "near" | "type"));
    errors.retain(|e| !matches!(e.param, "near" | "type" | "sort" | "lang"));
    if !errors.is_empty() {
        let detail = errors
            .iter()
            .map(|e| format!("{}: {}", e.param, t(lang, e.key)))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(ApiError::bad_request(detail));
    }
    let results = if nothing {
        crate::search::SearchResults::default()
    } else {
        st.search.search(&req).await?
    };
    Ok(Json(response(lang, &req, results)))
}
