//! `GET /api/v1/impact`: the impact figures of `/{lang}/impact` as JSON, suppressed the same
//! way (a count under 5, or one that could be computed back from the totals, is `null`).

use super::ApiQuery;
use crate::error::{ApiError, Problem};
use crate::referrals::impact::{self, Params};
use crate::referrals::suppress::Cell;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImpactParams {
    /// A municipality code (the person's municipality), e.g. `398`; an unknown code counts
    /// nobody.
    #[param(pattern = "^[0-9]{3}$")]
    municipality: Option<String>,
    /// A network id: referrals its member organizations sent or received (an unknown
    /// network counts nobody).
    #[param(format = Uuid)]
    network: Option<String>,
    /// An organization id: referrals it sent or received.
    #[param(format = Uuid)]
    organization: Option<String>,
    /// A kind of service or place.
    #[param(
        pattern = "^(activity|service|work_trial|wage_subsidy|rehabilitative_work|volunteering|apprenticeship|job)$"
    )]
    kind: Option<String>,
    /// A quarter in Finnish time, e.g. `2026Q3` (years 2000–2099).
    #[param(pattern = "^20[0-9]{2}Q[1-4]$")]
    quarter: Option<String>,
}

/// One suppressed table: `cells[i][j]` is the count of row `i` and column `j`; `null` when
/// suppressed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactTable {
    /// `states` (where referrals stand now, declines by reason, completions by outcome),
    /// `kinds`, `quarters`, `flow` (continuation between kinds, from `start` to an outcome),
    /// `follow_ups` (months after completion × outcome).
    pub id: String,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    pub total: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactResponse {
    /// How many people the figures are about (`null`: under 5).
    pub people: Option<u64>,
    /// Referrals made (`null`: under 5).
    pub referrals: Option<u64>,
    /// Median days from a referral to its first answer (`null`: fewer than 5 answered).
    pub median_days_to_answer: Option<f64>,
    /// Counts under this are never published.
    pub suppressed_below: u64,
    /// Shown counts are rounded to a multiple of this.
    pub rounded_to: u64,
    /// A filtered view with fewer than 20 people: nothing is shown.
    pub too_few: bool,
    pub tables: Vec<ImpactTable>,
}

fn value(c: Cell) -> Option<u64> {
    match c {
        Cell::Shown(n) => Some(n),
        Cell::Hidden | Cell::Protected => None,
    }
}

fn values(cells: &[Cell]) -> Vec<Option<u64>> {
    cells.iter().copied().map(value).collect()
}

#[utoipa::path(get, path = "/api/v1/impact", params(ImpactParams), tag = "impact",
    responses(
        (status = 200, description = "The impact figures, small counts suppressed", body = ImpactResponse),
        (status = 400, description = "A filter is not valid", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn impact(
    State(st): State<AppState>,
    ApiQuery(p): ApiQuery<ImpactParams>,
) -> Result<Json<ImpactResponse>, ApiError> {
    // Given but empty is not a value the schema allows.
    for (name, v) in [
        ("municipality", &p.municipality),
        ("network", &p.network),
        ("organization", &p.organization),
        ("kind", &p.kind),
        ("quarter", &p.quarter),
    ] {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(ApiError::bad_request(format!("invalid {name}: empty")));
        }
    }
    let params = Params {
        municipality: p.municipality.unwrap_or_default(),
        network: p.network.unwrap_or_default(),
        organization: p.organization.unwrap_or_default(),
        kind: p.kind.unwrap_or_default(),
        quarter: p.quarter.unwrap_or_default(),
    };
    let i = impact::figures_lenient(&st.store, &params)
        .await?
        .map_err(|e| ApiError::bad_request(format!("invalid {}", e.name())))?;
    Ok(Json(ImpactResponse {
        people: value(i.people),
        referrals: value(i.referrals),
        median_days_to_answer: i.median_days_to_answer,
        suppressed_below: crate::referrals::suppress::MIN_COUNT,
        rounded_to: 5,
        too_few: i.too_few,
        tables: i
            .tables
            .into_iter()
            .map(|t| ImpactTable {
                id: t.id.to_string(),
                rows: t.rows,
                columns: t.columns,
                cells: t.values.cells.iter().map(|r| values(r)).collect(),
                row_totals: values(&t.values.row_totals),
                column_totals: values(&t.values.col_totals),
                total: value(t.values.total),
            })
            .collect(),
    }))
}
