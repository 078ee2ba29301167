//! `/{lang}/impact` (public): what came of the referrals counted under a statistics consent,
//! at the level of the whole ecosystem, with filters; the continuation flow as a
//! server-drawn SVG beside its data table; the same suppressed tables as CSV
//! (`/{lang}/impact.csv`). Counts under 5 read "<5" (see `referrals::suppress`).

use super::form::Field;
use super::{render_form, Ctx, PageQuery};
use crate::domain::Lang;
use crate::error::PageResult;
use crate::refdata::REF;
use crate::referrals::impact::{self, Impact, Params, Table};
use crate::referrals::suppress::Cell;
use crate::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

/// The label of a row or column code of the impact tables.
pub fn label(ctx: &Ctx, code: &str) -> String {
    let lang = ctx.lang;
    let (kind, value) = code.split_once(':').unwrap_or(("", code));
    match kind {
        "state" => ctx.t(&format!("referral-state-{value}")),
        "declined" => format!(
            "{}: {}",
            ctx.t("referral-state-declined"),
            ctx.t(&format!("referral-reason-{value}"))
        ),
        "completed" => format!(
            "{}: {}",
            ctx.t("referral-state-completed"),
            ctx.t(&format!("outcome-{value}"))
        ),
        "outcome" => ctx.t(&format!("outcome-{value}")),
        "kind" => kind_label(lang, value, ctx),
        _ if code == "start" => ctx.t("impact-start"),
        _ if code == "all" => ctx.t("impact-all"),
        _ if impact::COARSE.contains(&code) => ctx.t(&format!("referral-state-{code}")),
        _ if crate::domain::referrals::Outcome::parse(code).is_some() => {
            ctx.t(&format!("outcome-{code}"))
        }
        _ if code.len() == 6 && code.as_bytes()[4] == b'Q' => crate::i18n::t_args(
            lang,
            "impact-quarter",
            &[
                ("year", code[..4].to_string().into()),
                ("quarter", code[5..].to_string().into()),
            ],
        ),
        _ if code.parse::<u32>().is_ok() => ctx.tn("impact-months", code.parse().unwrap_or(0)),
        _ => kind_label(lang, code, ctx),
    }
}

fn kind_label(lang: Lang, kind: &str, ctx: &Ctx) -> String {
    match kind {
        "activity" | "service" => ctx.t(&format!("kind-{kind}")),
        "" => ctx.t("impact-kind-unknown"),
        k => REF
            .taxonomies
            .opportunity_type(k)
            .map(|t| t.label.text(lang).to_string())
            .unwrap_or_else(|| k.to_string()),
    }
}

/// A table as the page shows it: labels, and only rows and columns that are not all zero.
pub struct Shown {
    pub id: String,
    pub caption: String,
    pub columns: Vec<String>,
    /// (row label, cells, row total)
    pub rows: Vec<(String, Vec<String>, String)>,
    pub totals: Vec<String>,
    pub total: String,
}

fn shown(ctx: &Ctx, t: &Table) -> Shown {
    let rows = impact::nonzero_rows(t);
    let cols = impact::nonzero_columns(t);
    Shown {
        id: t.id.to_string(),
        caption: ctx.t(&format!("impact-table-{}", t.id)),
        columns: cols.iter().map(|&j| label(ctx, &t.columns[j])).collect(),
        rows: rows
            .iter()
            .map(|&i| {
                (
                    label(ctx, &t.rows[i]),
                    cols.iter().map(|&j| t.values.cells[i][j].text()).collect(),
                    t.values.row_totals[i].text(),
                )
            })
            .collect(),
        totals: cols
            .iter()
            .map(|&j| t.values.col_totals[j].text())
            .collect(),
        total: t.values.total.text(),
    }
}

/// Escapes text for SVG.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The continuation flow as an SVG: where people came from on the left, where they went on
/// the right, a band per movement as wide as its count (a thin dashed line for "<5").
fn flow_svg(ctx: &Ctx, t: &Table) -> Option<String> {
    let rows = impact::nonzero_rows(t);
    let cols = impact::nonzero_columns(t);
    if rows.is_empty() || cols.is_empty() {
        return None;
    }
    let value = |c: Cell| match c {
        Cell::Shown(n) => n as f64,
        Cell::Hidden | Cell::Protected => 2.0,
    };
    let (w, pad, gap) = (760.0, 8.0, 14.0);
    let left_total: f64 = rows.iter().map(|&i| value(t.values.row_totals[i])).sum();
    let right_total: f64 = cols.iter().map(|&j| value(t.values.col_totals[j])).sum();
    let scale = 300.0 / left_total.max(right_total).max(1.0);
    let node = |v: f64| (v * scale).max(6.0);
    let mut y = pad;
    let left: Vec<(usize, f64, f64)> = rows
        .iter()
        .map(|&i| {
            let h = node(value(t.values.row_totals[i]));
            let top = y;
            y += h + gap;
            (i, top, h)
        })
        .collect();
    let height_left = y;
    y = pad;
    let right: Vec<(usize, f64, f64)> = cols
        .iter()
        .map(|&j| {
            let h = node(value(t.values.col_totals[j]));
            let top = y;
            y += h + gap;
            (j, top, h)
        })
        .collect();
    let height = height_left.max(y) + pad;
    let (x0, x1, nw) = (230.0, 500.0, 12.0);
    let mut out = format!(
        r#"<svg class="flow" viewBox="0 0 {w} {height:.0}" role="img" aria-labelledby="flow-svg-title" xmlns="http://www.w3.org/2000/svg"><title id="flow-svg-title">{}</title>"#,
        esc(&ctx.t("impact-flow-svg"))
    );
    // Bands: stacked within each node in order.
    let mut left_used = vec![0.0; t.rows.len()];
    let mut right_used = vec![0.0; t.columns.len()];
    for &(i, ltop, _) in &left {
        for &(j, rtop, _) in &right {
            let c = t.values.cells[i][j];
            if c == Cell::Shown(0) {
                continue;
            }
            let band = (value(c) * scale).max(1.5);
            let ly = ltop + left_used[i] + band / 2.0;
            let ry = rtop + right_used[j] + band / 2.0;
            left_used[i] += band;
            right_used[j] += band;
            let dash = if c.is_hidden() {
                r#" stroke-dasharray="4 3""#
            } else {
                ""
            };
            out.push_str(&format!(
                r##"<path d="M{:.1} {ly:.1} C{:.1} {ly:.1} {:.1} {ry:.1} {x1:.1} {ry:.1}" fill="none" stroke="#1d5e9a" stroke-opacity="0.45" stroke-width="{band:.1}"{dash}><title>{} → {}: {}</title></path>"##,
                x0 + nw,
                (x0 + x1) / 2.0,
                (x0 + x1) / 2.0,
                esc(&label(ctx, &t.rows[i])),
                esc(&label(ctx, &t.columns[j])),
                esc(&c.text())
            ));
        }
    }
    for &(i, top, h) in &left {
        out.push_str(&format!(
            r##"<rect x="{x0}" y="{top:.1}" width="{nw}" height="{h:.1}" fill="#0b3d6b"/><text x="{:.0}" y="{:.1}" text-anchor="end" font-size="13" fill="#111">{} ({})</text>"##,
            x0 - 6.0,
            top + h / 2.0 + 4.0,
            esc(&label(ctx, &t.rows[i])),
            t.values.row_totals[i].text().replace('<', "&lt;")
        ));
    }
    for &(j, top, h) in &right {
        out.push_str(&format!(
            r##"<rect x="{x1}" y="{top:.1}" width="{nw}" height="{h:.1}" fill="#0b3d6b"/><text x="{:.0}" y="{:.1}" font-size="13" fill="#111">{} ({})</text>"##,
            x1 + nw + 6.0,
            top + h / 2.0 + 4.0,
            esc(&label(ctx, &t.columns[j])),
            t.values.col_totals[j].text().replace('<', "&lt;")
        ));
    }
    out.push_str("</svg>");
    Some(out)
}

#[derive(Template)]
#[template(path = "impact.html")]
struct ImpactPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    action: String,
    municipality: Field,
    network: Field,
    organization: Field,
    kind: Field,
    quarter: Field,
    people: String,
    referrals: String,
    median: Option<String>,
    tables: Vec<Shown>,
    flow: Option<Shown>,
    flow_svg: Option<String>,
    csv_url: String,
    api_url: String,
    too_few: bool,
}

async fn figures(st: &AppState, p: &Params) -> PageResult<Result<Impact, impact::BadParam>> {
    Ok(impact::figures(&st.store, p).await?)
}

/// The query string of a filter (for the CSV and JSON links).
fn query(p: &Params) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("municipality", p.municipality.trim()),
        ("network", p.network.trim()),
        ("organization", p.organization.trim()),
        ("kind", p.kind.trim()),
        ("quarter", p.quarter.trim()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!(
            "?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    }
}

/// `GET /{lang}/impact`
pub async fn show(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(p): PageQuery<Params>,
) -> PageResult {
    let lang = ctx.lang;
    let result = figures(&st, &p).await?;
    let error = result
        .as_ref()
        .err()
        .map(|e| (e.name(), ctx.t(&format!("impact-error-{}", e.name()))));
    let errors: Vec<(&str, String)> = error.into_iter().collect();
    let mut municipalities = vec![(String::new(), ctx.t("impact-all-municipalities"))];
    municipalities.extend(super::manage::municipality_options(&ctx));
    let municipality = Field::new(&ctx, "impact", "municipality", "select")
        .options(String::new(), municipalities)
        .value(&p.municipality)
        .error_from(&errors);
    let mut networks = vec![(String::new(), ctx.t("impact-network-all"))];
    networks.extend(
        st.store
            .networks()
            .await?
            .into_iter()
            .map(|n| (n.id.to_string(), n.name)),
    );
    let network = Field::new(&ctx, "impact", "network", "select")
        .options(String::new(), networks)
        .value(&p.network)
        .error_from(&errors);
    let mut orgs = vec![(String::new(), ctx.t("impact-all-organizations"))];
    let list = st
        .store
        .organizations(
            &crate::store::OrganizationFilter::default(),
            crate::store::PageRequest::new(1, 100),
        )
        .await?;
    orgs.extend(list.items.into_iter().map(|o| (o.id.to_string(), o.name)));
    let organization = Field::new(&ctx, "impact", "organization", "select")
        .options(String::new(), orgs)
        .value(&p.organization)
        .error_from(&errors);
    let mut kinds = vec![(String::new(), ctx.t("impact-all-kinds"))];
    kinds.extend(
        impact::kinds()
            .into_iter()
            .map(|k| (k.to_string(), kind_label(lang, k, &ctx))),
    );
    let kind = Field::new(&ctx, "impact", "kind", "select")
        .options(String::new(), kinds)
        .value(&p.kind)
        .error_from(&errors);
    let mut quarters = vec![(String::new(), ctx.t("impact-all-quarters"))];
    let now = crate::domain::helsinki::now();
    let (mut y, mut q) = (now.year(), (u8::from(now.month()) - 1) / 3 + 1);
    for _ in 0..12 {
        let code = format!("{y}Q{q}");
        quarters.push((code.clone(), label(&ctx, &code)));
        (y, q) = if q == 1 { (y - 1, 4) } else { (y, q - 1) };
    }
    let quarter = Field::new(&ctx, "impact", "quarter", "select")
        .options(String::new(), quarters)
        .value(&p.quarter)
        .error_from(&errors);
    let too_few = result.as_ref().is_ok_and(|i| i.too_few);
    let (people, referrals, median, tables, flow, flow_svg) = match &result {
        Ok(i) => {
            let flow_table = i.tables.iter().find(|t| t.id == "flow");
            (
                i.people.text(),
                i.referrals.text(),
                i.median_days_to_answer.map(|d| {
                    format!("{d:.1}").replace('.', if lang == Lang::En { "." } else { "," })
                }),
                i.tables
                    .iter()
                    .filter(|t| t.id != "flow")
                    .map(|t| shown(&ctx, t))
                    .collect(),
                flow_table.map(|t| shown(&ctx, t)),
                flow_table.and_then(|t| flow_svg(&ctx, t)),
            )
        }
        Err(_) => ("–".into(), "–".into(), None, Vec::new(), None, None),
    };
    let q = query(&p);
    let page = ImpactPage {
        title: ctx.t("impact-title"),
        errors: super::form::summary(&[&municipality, &network, &organization, &kind, &quarter]),
        action: ctx.url("/impact"),
        municipality,
        network,
        organization,
        kind,
        quarter,
        people,
        referrals,
        median,
        tables,
        flow,
        flow_svg,
        csv_url: format!("{}{q}", ctx.url("/impact.csv")),
        api_url: format!("/api/v1/impact{q}"),
        too_few,
        ctx,
    };
    Ok(render_form(&page, lang, result.is_err()))
}

/// `GET /{lang}/impact.csv`: the same suppressed tables.
pub async fn csv(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(p): PageQuery<Params>,
) -> PageResult {
    match figures(&st, &p).await? {
        Ok(i) => Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"kolmonen-impact.csv\"",
                ),
            ],
            impact::csv(&i),
        )
            .into_response()),
        Err(_) => {
            // A bad filter: the page says which.
            let page = show(State(st), ctx, PageQuery(p)).await?;
            Ok(page)
        }
    }
}
