//! Impact at the level of the whole ecosystem: what came of the referrals counted under a
//! `statistics` consent, as tables of counts, each suppressed (`suppress`) so no person can
//! be singled out. Every table adds up to its own totals; the tables of referrals share one
//! grand total (the referrals made), which is hidden only when it is under 5.

use super::suppress::{suppress, Cell, Suppressed, MIN_COUNT};
use crate::domain::referrals::{DeclineReason, Outcome, ReferralState, FOLLOW_UP_MONTHS};
use crate::store::ImpactCube;
use std::collections::{BTreeMap, BTreeSet};

/// A suppressed table with its rows' and columns' codes.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// `states`, `kinds`, `quarters`, `flow`, `follow_ups`.
    pub id: &'static str,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub values: Suppressed,
}

/// The figures of one filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// How many people the figures are about.
    pub people: Cell,
    /// Referrals made (the grand total of the referral tables).
    pub referrals: Cell,
    /// The median days from a referral to its first answer, when at least 5 were answered.
    pub median_days_to_answer: Option<f64>,
    pub tables: Vec<Table>,
    /// A filtered view with too few people to show anything (see `MIN_PEOPLE_FILTERED`).
    pub too_few: bool,
}

/// A filtered view (a municipality, an organization, a kind, a quarter) shows figures only
/// when it counts at least this many people; below it, views could be subtracted from each
/// other down to one person.
pub const MIN_PEOPLE_FILTERED: u64 = 20;

/// The columns of the where-they-stand table: every state, declines by reason and
/// completions by outcome.
pub fn state_columns() -> Vec<String> {
    let mut c: Vec<String> = ["sent", "accepted", "started", "cancelled"]
        .iter()
        .map(|s| format!("state:{s}"))
        .collect();
    c.extend(
        DeclineReason::ALL
            .iter()
            .map(|d| format!("declined:{}", d.as_str())),
    );
    c.extend(
        Outcome::ALL
            .iter()
            .map(|o| format!("completed:{}", o.as_str())),
    );
    c
}

/// The column of referrals in the where-they-stand table.
fn state_column(state: ReferralState, detail: Option<&str>) -> String {
    match (state, detail) {
        (ReferralState::Declined, Some(d)) => format!("declined:{d}"),
        (ReferralState::Declined, None) => "declined:other".into(),
        (ReferralState::Completed, Some(o)) => format!("completed:{o}"),
        (ReferralState::Completed, None) => "completed:unknown".into(),
        (s, _) => format!("state:{}", s.as_str()),
    }
}

/// The coarse states, for tables by kind and by quarter.
pub const COARSE: [&str; 6] = [
    "sent",
    "accepted",
    "started",
    "declined",
    "completed",
    "cancelled",
];

/// `2026Q3`.
pub fn quarter(t: time::OffsetDateTime) -> String {
    let t = crate::domain::helsinki::local(t);
    format!("{}Q{}", t.year(), (u8::from(t.month()) - 1) / 3 + 1)
}

/// A table of counts from (row, column, count) over fixed or found rows and columns.
fn count(
    id: &'static str,
    rows: Vec<String>,
    columns: Vec<String>,
    counts_of: impl Iterator<Item = (String, String, u64)>,
) -> Table {
    let mut counts = vec![vec![0u64; columns.len()]; rows.len()];
    for (r, c, n) in counts_of {
        if let (Some(i), Some(j)) = (
            rows.iter().position(|x| *x == r),
            columns.iter().position(|x| *x == c),
        ) {
            counts[i][j] += n;
        }
    }
    Table {
        id,
        values: suppress(&counts, columns.len()),
        rows,
        columns,
    }
}

/// The median of a histogram of whole days (`(days, count)`), when it holds at least 5.
fn median_days(histogram: &BTreeMap<i64, u64>) -> Option<f64> {
    let n: u64 = histogram.values().sum();
    if n < MIN_COUNT {
        return None;
    }
    // The value at a 0-based position of the sorted list.
    let at = |k: u64| {
        let mut seen = 0;
        for (d, c) in histogram {
            seen += c;
            if seen > k {
                return *d as f64;
            }
        }
        0.0
    };
    Some(if n % 2 == 1 {
        at(n / 2)
    } else {
        (at(n / 2 - 1) + at(n / 2)) / 2.0
    })
}

/// The figures of the counts the database grouped.
pub fn aggregate(cube: &ImpactCube) -> Impact {
    let small = |n: u64| {
        if (1..MIN_COUNT).contains(&n) {
            Cell::Hidden
        } else {
            Cell::Shown(super::suppress::rounded(n))
        }
    };
    let r = &cube.referrals;
    let states = count(
        "states",
        vec!["all".into()],
        state_columns(),
        r.iter()
            .map(|(_, _, st, d, n)| ("all".to_string(), state_column(*st, d.as_deref()), *n)),
    );
    let coarse: Vec<String> = COARSE.iter().map(|s| s.to_string()).collect();
    let kinds: BTreeSet<String> = r.iter().map(|x| x.0.clone()).collect();
    let by_kind = count(
        "kinds",
        kinds.iter().cloned().collect(),
        coarse.clone(),
        r.iter()
            .map(|(k, _, st, _, n)| (k.clone(), st.as_str().to_string(), *n)),
    );
    let quarters: BTreeSet<String> = r.iter().map(|x| x.1.clone()).collect();
    let by_quarter = count(
        "quarters",
        quarters.into_iter().collect(),
        coarse,
        r.iter()
            .map(|(_, q, st, _, n)| (q.clone(), st.as_str().to_string(), *n)),
    );
    // The continuation flow: steps of paths from the start through kinds to outcomes.
    let step_kinds: BTreeSet<String> = cube
        .steps
        .iter()
        .flat_map(|(f, t, _)| [f.clone(), t.clone()])
        .filter(|c| c.starts_with("kind:"))
        .chain(kinds.iter().map(|k| format!("kind:{k}")))
        .collect();
    let mut from: Vec<String> = vec!["start".into()];
    from.extend(step_kinds.iter().cloned());
    let mut to: Vec<String> = step_kinds.into_iter().collect();
    to.extend(
        Outcome::ALL
            .iter()
            .map(|o| format!("outcome:{}", o.as_str())),
    );
    let flow = count(
        "flow",
        from,
        to,
        cube.steps
            .iter()
            .map(|(f, t, n)| (f.clone(), t.clone(), *n)),
    );
    let follow_ups = count(
        "follow_ups",
        FOLLOW_UP_MONTHS.iter().map(|m| m.to_string()).collect(),
        Outcome::ALL
            .iter()
            .map(|o| o.as_str().to_string())
            .collect(),
        cube.follow_ups
            .iter()
            .map(|(m, o, n)| (m.to_string(), o.as_str().to_string(), *n)),
    );
    let mut histogram: BTreeMap<i64, u64> = BTreeMap::new();
    for (d, n) in &cube.answer_days {
        *histogram.entry(*d).or_default() += n;
    }
    Impact {
        people: small(cube.people),
        referrals: states.values.total,
        median_days_to_answer: median_days(&histogram),
        tables: vec![states, by_kind, by_quarter, flow, follow_ups],
        too_few: false,
    }
}

/// The tables as one CSV: `table,row,column,value` (`<5` for a hidden count; totals as the
/// row or column `total`).
pub fn csv(impact: &Impact) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["table", "row", "column", "value"]);
    // A view with too few people shows nothing, as the page and the JSON say (`too_few`),
    // not "<5", which would be a wrong claim about the counts.
    let _ = w.write_record(["summary", "", "too_few", &impact.too_few.to_string()]);
    if !impact.too_few {
        let _ = w.write_record(["summary", "", "people", &impact.people.text()]);
        let _ = w.write_record(["summary", "", "referrals", &impact.referrals.text()]);
    }
    if let Some(d) = impact.median_days_to_answer {
        let _ = w.write_record(["summary", "", "median_days_to_answer", &d.to_string()]);
    }
    for t in &impact.tables {
        for (i, r) in t.rows.iter().enumerate() {
            for (j, c) in t.columns.iter().enumerate() {
                let _ = w.write_record([t.id, r, c, &t.values.cells[i][j].text()]);
            }
            let _ = w.write_record([t.id, r, "total", &t.values.row_totals[i].text()]);
        }
        for (j, c) in t.columns.iter().enumerate() {
            let _ = w.write_record([t.id, "total", c, &t.values.col_totals[j].text()]);
        }
        let _ = w.write_record([t.id, "total", "total", &t.values.total.text()]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Rows that are wholly zero are left out of a table as shown (they tell nothing); their
/// codes, for the page.
pub fn nonzero_rows(t: &Table) -> Vec<usize> {
    (0..t.rows.len())
        .filter(|&i| t.values.row_totals[i] != Cell::Shown(0))
        .collect()
}

/// Wholly zero columns, likewise.
pub fn nonzero_columns(t: &Table) -> Vec<usize> {
    (0..t.columns.len())
        .filter(|&j| t.values.col_totals[j] != Cell::Shown(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_flow_from_start_through_kinds_to_outcomes() {
        let done = |d: &str| Some(d.to_string());
        let cube = ImpactCube {
            people: 6,
            referrals: vec![
                (
                    "work_trial".into(),
                    "2026Q1".into(),
                    ReferralState::Completed,
                    done("other_service"),
                    6,
                ),
                (
                    "wage_subsidy".into(),
                    "2026Q2".into(),
                    ReferralState::Completed,
                    done("work_open_market"),
                    6,
                ),
            ],
            answer_days: vec![(1, 3), (2, 6), (9, 3)],
            steps: vec![
                ("start".into(), "kind:work_trial".into(), 6),
                ("kind:work_trial".into(), "outcome:other_service".into(), 6),
                ("kind:work_trial".into(), "kind:wage_subsidy".into(), 6),
                (
                    "kind:wage_subsidy".into(),
                    "outcome:work_open_market".into(),
                    6,
                ),
            ],
            follow_ups: vec![(3, Outcome::WorkOpenMarket, 2)],
        };
        let i = aggregate(&cube);
        assert_eq!(i.people, Cell::Shown(5));
        assert_eq!(i.referrals, Cell::Shown(10));
        // Days 1,1,1,2×6,9,9,9: the middle two are 2 and 2.
        assert_eq!(i.median_days_to_answer, Some(2.0));
        let flow = i.tables.iter().find(|t| t.id == "flow").unwrap();
        let at = |r: &str, c: &str| {
            let ri = flow.rows.iter().position(|x| x == r).unwrap();
            let ci = flow.columns.iter().position(|x| x == c).unwrap();
            flow.values.cells[ri][ci]
        };
        assert_eq!(at("start", "kind:work_trial"), Cell::Shown(5));
        assert_eq!(at("kind:work_trial", "kind:wage_subsidy"), Cell::Shown(5));
        assert_eq!(
            at("kind:wage_subsidy", "outcome:work_open_market"),
            Cell::Shown(5)
        );
        let text = csv(&i);
        assert!(text.contains("flow,start,kind:work_trial,5"));
        // Two follow-ups: hidden, and nothing under 5 anywhere in the CSV.
        assert!(text.contains("follow_ups,3,work_open_market,<5"));
        assert!(!csv::Reader::from_reader(text.as_bytes())
            .records()
            .flatten()
            .any(|r| &r[0] != "summary" && r[3].parse::<u64>().is_ok_and(|n| (1..5).contains(&n))));
        assert_eq!(median_days(&BTreeMap::from([(3, 4)])), None);
        // A quarter is written as the referrals keep it, however the URL wrote it.
        for q in ["2026Q3", "2026q3", "2026Q03", "02026Q3"] {
            assert_eq!(parse_quarter(q).as_deref(), Some("2026Q3"), "{q}");
            assert_eq!(
                parse_quarter(q).as_deref(),
                Some(quarter(time::macros::datetime!(2026-08-01 12:00 UTC)).as_str())
            );
        }
        for q in ["2026Q5", "2026Q0", "1999Q1", "2026", "Q3", "x"] {
            assert_eq!(parse_quarter(q), None, "{q}");
        }
        assert_eq!(median_days(&BTreeMap::from([(3, 4), (5, 1)])), Some(3.0));
    }
}

/// The figures of a filter (`Err`: which filter is wrong).
pub async fn figures(
    store: &crate::store::DynStore,
    params: &Params,
) -> crate::store::StoreResult<Result<Impact, BadParam>> {
    match params.filter() {
        Ok(f) => figures_of(store, f).await,
        Err(e) => Ok(Err(e)),
    }
}

/// As `figures`, but a well-formed municipality code that is no municipality counts nobody
/// instead of being refused (the API: its schema says what is well-formed).
pub async fn figures_lenient(
    store: &crate::store::DynStore,
    params: &Params,
) -> crate::store::StoreResult<Result<Impact, BadParam>> {
    let m = params.municipality.trim();
    let well_formed = crate::domain::is_municipality_code(m);
    let checked = Params {
        municipality: if well_formed {
            String::new()
        } else {
            params.municipality.clone()
        },
        ..params.clone()
    };
    match checked.filter() {
        Ok(mut f) => {
            if well_formed {
                f.municipality = Some(m.to_string());
            }
            figures_of(store, f).await
        }
        Err(e) => Ok(Err(e)),
    }
}

async fn figures_of(
    store: &crate::store::DynStore,
    filter: crate::store::ImpactFilter,
) -> crate::store::StoreResult<Result<Impact, BadParam>> {
    let cube = store
        .impact_cube(&filter, time::OffsetDateTime::now_utc())
        .await?;
    let filtered = filter.municipality.is_some()
        || filter.network.is_some()
        || filter.organization.is_some()
        || filter.kind.is_some()
        || filter.quarter.is_some();
    if filtered && cube.people < MIN_PEOPLE_FILTERED {
        return Ok(Ok(Impact {
            people: Cell::Hidden,
            referrals: Cell::Hidden,
            median_days_to_answer: None,
            tables: Vec::new(),
            too_few: true,
        }));
    }
    Ok(Ok(aggregate(&cube)))
}

/// The filters as a URL gives them; each is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct Params {
    pub municipality: String,
    /// A network's id: referrals its member organizations sent or received.
    pub network: String,
    pub organization: String,
    pub kind: String,
    pub quarter: String,
}

/// Which filter is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadParam {
    Municipality,
    Network,
    Organization,
    Kind,
    Quarter,
}

impl BadParam {
    pub fn name(self) -> &'static str {
        match self {
            BadParam::Municipality => "municipality",
            BadParam::Network => "network",
            BadParam::Organization => "organization",
            BadParam::Kind => "kind",
            BadParam::Quarter => "quarter",
        }
    }
}

/// The kinds a referral's target can have: services' kinds and places' types.
pub fn kinds() -> Vec<&'static str> {
    let mut k = vec!["activity", "service"];
    k.extend(
        crate::domain::OpportunityType::ALL
            .iter()
            .map(|t| t.as_str()),
    );
    k
}

impl Params {
    pub fn filter(&self) -> Result<crate::store::ImpactFilter, BadParam> {
        use crate::store::ImpactFilter;
        let mut f = ImpactFilter::default();
        let m = self.municipality.trim();
        if !m.is_empty() {
            crate::refdata::REF
                .municipality(m)
                .ok_or(BadParam::Municipality)?;
            f.municipality = Some(m.to_string());
        }
        let n = self.network.trim();
        if !n.is_empty() {
            f.network = Some(crate::domain::NetworkId::parse(n).ok_or(BadParam::Network)?);
        }
        let o = self.organization.trim();
        if !o.is_empty() {
            f.organization =
                Some(crate::domain::OrganizationId::parse(o).ok_or(BadParam::Organization)?);
        }
        let k = self.kind.trim();
        if !k.is_empty() {
            if !kinds().contains(&k) {
                return Err(BadParam::Kind);
            }
            f.kind = Some(k.to_string());
        }
        let q = self.quarter.trim();
        if !q.is_empty() {
            f.quarter = Some(parse_quarter(q).ok_or(BadParam::Quarter)?);
        }
        Ok(f)
    }
}

/// A quarter as a URL may give it (`2026Q3`, `2026q3`, `2026Q03`), written as referrals keep
/// it (`quarter`): `2026Q3`.
pub fn parse_quarter(q: &str) -> Option<String> {
    let (y, n) = q
        .to_ascii_uppercase()
        .split_once('Q')
        .map(|(y, n)| (y.to_string(), n.to_string()))?;
    let year: i32 = y.parse().ok().filter(|y| (2000..=2100).contains(y))?;
    let n: u8 = n.parse().ok().filter(|n| (1..=4).contains(n))?;
    Some(format!("{year}Q{n}"))
}
