//! Impact at the level of the whole ecosystem: what came of the referrals counted under a
//! `statistics` consent, as tables of counts, each suppressed (`suppress`) so no person can
//! be singled out. Every table adds up to its own totals; the tables of referrals share one
//! grand total (the referrals made), which is hidden only when it is under 5.

use super::suppress::{suppress, Cell, Suppressed, MIN_COUNT};
use crate::domain::referrals::{DeclineReason, Outcome, ReferralState, FOLLOW_UP_MONTHS};
use crate::store::ImpactFact;
use std::collections::{BTreeSet, HashSet};

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
}

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

/// The column of a referral in the where-they-stand table.
fn state_column(f: &ImpactFact) -> String {
    match (f.state, f.detail.as_deref()) {
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

/// A table of counts from (row, column) pairs over fixed or found rows and columns.
fn count(
    id: &'static str,
    rows: Vec<String>,
    columns: Vec<String>,
    pairs: impl Iterator<Item = (String, String)>,
) -> Table {
    let mut counts = vec![vec![0u64; columns.len()]; rows.len()];
    for (r, c) in pairs {
        if let (Some(i), Some(j)) = (
            rows.iter().position(|x| *x == r),
            columns.iter().position(|x| *x == c),
        ) {
            counts[i][j] += 1;
        }
    }
    Table {
        id,
        values: suppress(&counts),
        rows,
        columns,
    }
}

/// The figures of these referrals (made in the order of `impact_facts`: by person, then time).
pub fn aggregate(facts: &[ImpactFact]) -> Impact {
    let people = facts.iter().map(|f| f.client).collect::<HashSet<_>>().len() as u64;
    let small = |n: u64| {
        if (1..MIN_COUNT).contains(&n) {
            Cell::Hidden
        } else {
            Cell::Shown(n)
        }
    };
    let states = count(
        "states",
        vec!["all".into()],
        state_columns(),
        facts.iter().map(|f| ("all".to_string(), state_column(f))),
    );
    let coarse: Vec<String> = COARSE.iter().map(|s| s.to_string()).collect();
    let kinds: BTreeSet<String> = facts.iter().map(|f| f.kind.clone()).collect();
    let by_kind = count(
        "kinds",
        kinds.iter().cloned().collect(),
        coarse.clone(),
        facts
            .iter()
            .map(|f| (f.kind.clone(), f.state.as_str().to_string())),
    );
    let quarters: BTreeSet<String> = facts.iter().map(|f| quarter(f.created_at)).collect();
    let by_quarter = count(
        "quarters",
        quarters.into_iter().collect(),
        coarse,
        facts
            .iter()
            .map(|f| (quarter(f.created_at), f.state.as_str().to_string())),
    );
    // The continuation flow: each person's steps taken (started or completed), in order,
    // from "start" through the kinds to the last completion's outcome.
    let mut transitions: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < facts.len() {
        let person = facts[i].client;
        let mut prev = "start".to_string();
        let mut last_outcome: Option<String> = None;
        while i < facts.len() && facts[i].client == person {
            let f = &facts[i];
            if matches!(f.state, ReferralState::Started | ReferralState::Completed) {
                transitions.push((prev.clone(), format!("kind:{}", f.kind)));
                prev = format!("kind:{}", f.kind);
                last_outcome = (f.state == ReferralState::Completed)
                    .then(|| f.detail.clone().unwrap_or_else(|| "unknown".into()));
            }
            i += 1;
        }
        if let Some(o) = last_outcome {
            transitions.push((prev, format!("outcome:{o}")));
        }
    }
    let mut from: Vec<String> = vec!["start".into()];
    from.extend(kinds.iter().map(|k| format!("kind:{k}")));
    let mut to: Vec<String> = kinds.iter().map(|k| format!("kind:{k}")).collect();
    to.extend(
        Outcome::ALL
            .iter()
            .map(|o| format!("outcome:{}", o.as_str())),
    );
    let flow = count("flow", from, to, transitions.into_iter());
    let follow_ups = count(
        "follow_ups",
        FOLLOW_UP_MONTHS.iter().map(|m| m.to_string()).collect(),
        Outcome::ALL
            .iter()
            .map(|o| o.as_str().to_string())
            .collect(),
        facts
            .iter()
            .flat_map(|f| f.follow_ups.iter())
            .map(|(m, o)| (m.to_string(), o.as_str().to_string())),
    );
    let mut days: Vec<f64> = facts
        .iter()
        .filter_map(|f| {
            f.answered_at
                .map(|a| (a - f.created_at).as_seconds_f64() / 86_400.0)
        })
        .collect();
    days.sort_by(f64::total_cmp);
    let median_days_to_answer = (days.len() as u64 >= MIN_COUNT).then(|| {
        let mid = days.len() / 2;
        let m = if days.len().is_multiple_of(2) {
            (days[mid - 1] + days[mid]) / 2.0
        } else {
            days[mid]
        };
        (m * 10.0).round() / 10.0
    });
    Impact {
        people: small(people),
        referrals: states.values.total,
        median_days_to_answer,
        tables: vec![states, by_kind, by_quarter, flow, follow_ups],
    }
}

/// The tables as one CSV: `table,row,column,value` (`<5` for a hidden count; totals as the
/// row or column `total`).
pub fn csv(impact: &Impact) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(["table", "row", "column", "value"]);
    let _ = w.write_record(["summary", "", "people", &impact.people.text()]);
    let _ = w.write_record(["summary", "", "referrals", &impact.referrals.text()]);
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

/// Kinds, quarters and the like found in the figures (for the filters).
pub fn codes(impact: &Impact, table: &str) -> Vec<String> {
    impact
        .tables
        .iter()
        .find(|t| t.id == table)
        .map(|t| t.rows.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::referrals::ClientId;
    use time::{Duration, OffsetDateTime};

    fn fact(
        client: ClientId,
        kind: &str,
        state: ReferralState,
        detail: Option<&str>,
        day: i64,
    ) -> ImpactFact {
        let at = OffsetDateTime::from_unix_timestamp(1_767_225_600).unwrap() + Duration::days(day);
        ImpactFact {
            client,
            kind: kind.into(),
            state,
            detail: detail.map(str::to_string),
            created_at: at,
            answered_at: Some(at + Duration::days(2)),
            follow_ups: Vec::new(),
        }
    }

    #[test]
    fn paths_flow_from_start_through_kinds_to_outcomes() {
        let mut facts = Vec::new();
        for _ in 0..6 {
            let p = ClientId::new();
            facts.push(fact(
                p,
                "work_trial",
                ReferralState::Completed,
                Some("other_service"),
                0,
            ));
            facts.push(fact(
                p,
                "wage_subsidy",
                ReferralState::Completed,
                Some("work_open_market"),
                90,
            ));
        }
        facts.sort_by_key(|f| (f.client, f.created_at));
        let i = aggregate(&facts);
        assert_eq!(i.people, Cell::Shown(6));
        assert_eq!(i.referrals, Cell::Shown(12));
        assert_eq!(i.median_days_to_answer, Some(2.0));
        let flow = i.tables.iter().find(|t| t.id == "flow").unwrap();
        let at = |r: &str, c: &str| {
            let ri = flow.rows.iter().position(|x| x == r).unwrap();
            let ci = flow.columns.iter().position(|x| x == c).unwrap();
            flow.values.cells[ri][ci]
        };
        assert_eq!(at("start", "kind:work_trial"), Cell::Shown(6));
        assert_eq!(at("kind:work_trial", "kind:wage_subsidy"), Cell::Shown(6));
        assert_eq!(
            at("kind:wage_subsidy", "outcome:work_open_market"),
            Cell::Shown(6)
        );
        let csv = csv(&i);
        assert!(csv.contains("flow,start,kind:work_trial,6"));
        // Three people: every count is under 5 and hidden.
        let few: Vec<ImpactFact> = facts.into_iter().take(6).collect();
        let i = aggregate(&few);
        assert_eq!(i.people, Cell::Hidden);
        assert_eq!(i.median_days_to_answer, Some(2.0));
        assert!(!csv::Reader::from_reader(super::csv(&i).as_bytes())
            .records()
            .flatten()
            .any(|r| &r[0] != "summary" && r[3].parse::<u64>().is_ok_and(|n| (1..5).contains(&n))));
    }
}

/// The figures of a filter (`Err`: which filter is wrong).
pub async fn figures(
    store: &crate::store::DynStore,
    params: &Params,
) -> crate::store::StoreResult<Result<Impact, BadParam>> {
    let filter = match params.filter() {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let facts = store
        .impact_facts(&filter, time::OffsetDateTime::now_utc())
        .await?;
    Ok(Ok(aggregate(&facts)))
}

/// The filters as a URL gives them; each is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct Params {
    pub municipality: String,
    pub organization: String,
    pub kind: String,
    pub quarter: String,
}

/// Which filter is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadParam {
    Municipality,
    Organization,
    Kind,
    Quarter,
}

impl BadParam {
    pub fn name(self) -> &'static str {
        match self {
            BadParam::Municipality => "municipality",
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
            let (from, until) = quarter_range(q).ok_or(BadParam::Quarter)?;
            f.from = Some(from);
            f.until = Some(until);
        }
        Ok(f)
    }
}

/// `2026Q3` as the times it begins and ends (Finnish time).
pub fn quarter_range(q: &str) -> Option<(time::OffsetDateTime, time::OffsetDateTime)> {
    let (y, n) = q
        .to_ascii_uppercase()
        .split_once('Q')
        .map(|(y, n)| (y.to_string(), n.to_string()))?;
    let year: i32 = y.parse().ok().filter(|y| (2000..=2100).contains(y))?;
    let n: u8 = n.parse().ok().filter(|n| (1..=4).contains(n))?;
    let start = |year: i32, n: u8| {
        let month = time::Month::try_from((n - 1) * 3 + 1).ok()?;
        let d = time::Date::from_calendar_date(year, month, 1).ok()?;
        Some(crate::domain::helsinki::start_of_day(d))
    };
    let (ny, nn) = if n == 4 { (year + 1, 1) } else { (year, n + 1) };
    Some((start(year, n)?, start(ny, nn)?))
}
