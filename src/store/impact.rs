//! The impact figures kept as grouped counts (`impact_counts`, `impact_people`), changed in
//! the same transaction as the referrals they count, so that a page of figures reads a few
//! thousand rows at national scale instead of every referral and path step.
//!
//! Each counted referral (one under a `statistics` consent in force) has its *facts*: the
//! keys it is counted under and its measures. A change recomputes the facts of the
//! referrals it touched from their rows, takes the old facts back and adds the new ones; so
//! any change, however it came about, keeps the counts equal to counting from scratch
//! (which the tests check against `impact_cube_scan`).

use super::referrals::ImpactCube;
use super::sql::{PostgresStore, SqliteStore};
use super::{StoreError, StoreResult};
use crate::domain::referrals::{Outcome, ReferralState};
use std::collections::BTreeMap;

/// What one counted referral adds to the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Facts {
    pub referral_id: String,
    pub client_id: String,
    /// `''`: made by the person themself.
    pub from_org: String,
    pub to_org: String,
    /// `''`: not known.
    pub municipality: String,
    pub kind: String,
    pub quarter: String,
    /// Until when its statistics consent holds (unix µs).
    pub until: i64,
    /// Sorted: `s:STATE:DETAIL`, `a:DAYS`, `p:FROM>TO` (repeated per step), `f:MONTHS:OUTCOME`.
    pub measures: Vec<String>,
}

impl Facts {
    /// The organizations it counts for: all (`''`), its receiver and its sender.
    fn orgs(&self) -> Vec<&str> {
        let mut o = vec!["", self.to_org.as_str()];
        if !self.from_org.is_empty() && self.from_org != self.to_org {
            o.push(&self.from_org);
        }
        o
    }

    fn municipalities(&self) -> Vec<&str> {
        let mut m = vec![""];
        if !self.municipality.is_empty() {
            m.push(&self.municipality);
        }
        m
    }

    pub fn measures_text(&self) -> String {
        self.measures.join(" ")
    }

    pub fn parse_measures(text: &str) -> Vec<String> {
        text.split(' ')
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The measures of a referral from its row, its steps and its answered follow-ups.
pub(super) fn measures(
    state: &str,
    detail: Option<&str>,
    answer_days: Option<i64>,
    steps: &[(String, String)],
    follow_ups: &[(i32, String)],
) -> Vec<String> {
    let mut m = vec![format!("s:{state}:{}", detail.unwrap_or(""))];
    if let Some(d) = answer_days {
        m.push(format!("a:{d}"));
    }
    m.extend(steps.iter().map(|(f, t)| format!("p:{f}>{t}")));
    m.extend(follow_ups.iter().map(|(mo, o)| format!("f:{mo}:{o}")));
    m.sort();
    m
}

/// (org, municipality, kind, quarter, measure) → change.
pub(super) type CountKey = (String, String, String, String, String);
/// (org, client, municipality, kind, quarter) → change.
pub(super) type PersonKey = (String, String, String, String, String);

/// The changes to the counts that replacing facts makes.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Delta {
    pub counts: BTreeMap<CountKey, i64>,
    pub people: BTreeMap<PersonKey, i64>,
    /// (municipality or `''`, client) → change.
    pub by_municipality: BTreeMap<(String, String), i64>,
}

impl Delta {
    /// Adds (`sign` 1) or takes back (`-1`) what `f` counts.
    pub fn add(&mut self, f: &Facts, sign: i64) {
        for m in f.municipalities() {
            *self
                .by_municipality
                .entry((m.to_string(), f.client_id.clone()))
                .or_default() += sign;
        }
        for o in f.orgs() {
            for m in f.municipalities() {
                for measure in &f.measures {
                    *self
                        .counts
                        .entry((
                            o.to_string(),
                            m.to_string(),
                            f.kind.clone(),
                            f.quarter.clone(),
                            measure.clone(),
                        ))
                        .or_default() += sign;
                }
            }
            *self
                .people
                .entry((
                    o.to_string(),
                    f.client_id.clone(),
                    f.municipality.clone(),
                    f.kind.clone(),
                    f.quarter.clone(),
                ))
                .or_default() += sign;
        }
    }

    /// Only the changes that change something.
    pub fn prune(&mut self) {
        self.counts.retain(|_, n| *n != 0);
        self.people.retain(|_, n| *n != 0);
        self.by_municipality.retain(|_, n| *n != 0);
    }
}

/// The counts of a filter as the figures take them.
pub(super) fn cube_of(
    rows: Vec<(String, String, String, i64)>,
    people: i64,
) -> StoreResult<ImpactCube> {
    let mut cube = ImpactCube {
        people: people.max(0) as u64,
        ..Default::default()
    };
    let mut referrals: BTreeMap<(String, String, String, Option<String>), u64> = BTreeMap::new();
    let mut answers: BTreeMap<i64, u64> = BTreeMap::new();
    let mut steps: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut follow_ups: BTreeMap<(i32, String), u64> = BTreeMap::new();
    let corrupt = |m: &str| StoreError::Corrupt(format!("impact measure {m}"));
    for (kind, quarter, measure, n) in rows {
        let n = n.max(0) as u64;
        if n == 0 {
            continue;
        }
        let (tag, rest) = measure.split_once(':').ok_or_else(|| corrupt(&measure))?;
        match tag {
            "s" => {
                let (state, detail) = rest.split_once(':').ok_or_else(|| corrupt(&measure))?;
                let detail = (!detail.is_empty()).then(|| detail.to_string());
                *referrals
                    .entry((kind, quarter, state.to_string(), detail))
                    .or_default() += n;
            }
            "a" => {
                let d: i64 = rest.parse().map_err(|_| corrupt(&measure))?;
                *answers.entry(d).or_default() += n;
            }
            "p" => {
                let (f, t) = rest.split_once('>').ok_or_else(|| corrupt(&measure))?;
                *steps.entry((f.to_string(), t.to_string())).or_default() += n;
            }
            "f" => {
                let (months, outcome) = rest.split_once(':').ok_or_else(|| corrupt(&measure))?;
                let months: i32 = months.parse().map_err(|_| corrupt(&measure))?;
                *follow_ups.entry((months, outcome.to_string())).or_default() += n;
            }
            _ => return Err(corrupt(&measure)),
        }
    }
    for ((kind, quarter, state, detail), n) in referrals {
        let state = ReferralState::parse(&state).ok_or_else(|| corrupt(&state))?;
        cube.referrals.push((kind, quarter, state, detail, n));
    }
    cube.answer_days = answers.into_iter().collect();
    cube.steps = steps.into_iter().map(|((f, t), n)| (f, t, n)).collect();
    for ((months, outcome), n) in follow_ups {
        let o = Outcome::parse(&outcome).ok_or_else(|| corrupt(&outcome))?;
        cube.follow_ups.push((months, o, n));
    }
    Ok(cube)
}

/// Referrals touched per statement (the bound values of one `IN` list).
const CHUNK: usize = 500;
/// Whole keys looked up per statement.
const KEYS: usize = 100;

macro_rules! impact_store {
    ($store:ident, $db:ty) => {
        impl $store {
            /// Takes the lock every change of the counts holds to its commit (and, on SQLite,
            /// makes the transaction a writer before it reads).
            pub(super) async fn impact_lock(tx: &mut sqlx::Transaction<'_, $db>) -> StoreResult<()> {
                sqlx::query("UPDATE impact_state SET built = built WHERE id = 1")
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            /// Recounts `ids` (referrals changed, made or deleted in this transaction) as
            /// of `now` (unix µs).
            pub(super) async fn refresh_impact_tx(
                tx: &mut sqlx::Transaction<'_, $db>,
                ids: &[String],
                now: i64,
            ) -> StoreResult<()> {
                Self::impact_lock(tx).await?;
                for chunk in ids.chunks(CHUNK) {
                    Self::refresh_chunk(tx, chunk, now).await?;
                }
                Ok(())
            }

            async fn refresh_chunk(
                tx: &mut sqlx::Transaction<'_, $db>,
                ids: &[String],
                now: i64,
            ) -> StoreResult<()> {
                use sqlx::Row;
                let list = |qb: &mut sqlx::QueryBuilder<'_, $db>| {
                    let mut s = qb.separated(", ");
                    for id in ids {
                        s.push_bind(id.clone());
                    }
                    qb.push(")");
                };
                // What they count for now.
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT referral_id, from_code, to_code FROM path_steps WHERE referral_id IN (",
                );
                list(&mut qb);
                let mut steps: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
                for r in qb.build().fetch_all(&mut **tx).await? {
                    steps
                        .entry(r.try_get("referral_id")?)
                        .or_default()
                        .push((r.try_get("from_code")?, r.try_get("to_code")?));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT referral_id, months, outcome FROM follow_ups WHERE outcome IS NOT NULL AND referral_id IN (",
                );
                list(&mut qb);
                let mut follow_ups: BTreeMap<String, Vec<(i32, String)>> = BTreeMap::new();
                for r in qb.build().fetch_all(&mut **tx).await? {
                    follow_ups
                        .entry(r.try_get("referral_id")?)
                        .or_default()
                        .push((r.try_get("months")?, r.try_get("outcome")?));
                }
                // By id alone (the consent's end is compared here: given to the planner, it
                // may walk the index of ends instead of the ids).
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT id, client_id, from_org, to_org, municipality, kind, quarter, statistics_until, state, COALESCE(decline_reason, outcome) AS detail, answer_days FROM referrals WHERE id IN (",
                );
                list(&mut qb);
                let mut new: BTreeMap<String, Facts> = BTreeMap::new();
                for r in qb.build().fetch_all(&mut **tx).await? {
                    let until: Option<i64> = r.try_get("statistics_until")?;
                    let Some(until) = until.filter(|u| *u > now) else {
                        continue;
                    };
                    let id: String = r.try_get("id")?;
                    let state: String = r.try_get("state")?;
                    let from_org: Option<String> = r.try_get("from_org")?;
                    let to_org: String = r.try_get("to_org")?;
                    // Counted once the receiver has answered, and only between two parties: a
                    // referral nobody answered, or one an organization sent itself, could be
                    // made up by one account to fill a view past its floor (outside test).
                    if state == "sent" || from_org.as_deref() == Some(to_org.as_str()) {
                        continue;
                    }
                    let detail: Option<String> = r.try_get("detail")?;
                    let m = measures(
                        &state,
                        detail.as_deref(),
                        r.try_get("answer_days")?,
                        steps.get(&id).map_or(&[][..], |s| s.as_slice()),
                        follow_ups.get(&id).map_or(&[][..], |s| s.as_slice()),
                    );
                    new.insert(
                        id.clone(),
                        Facts {
                            referral_id: id,
                            client_id: r.try_get("client_id")?,
                            from_org: from_org.unwrap_or_default(),
                            to_org,
                            municipality: r.try_get::<Option<String>, _>("municipality")?.unwrap_or_default(),
                            kind: r.try_get("kind")?,
                            quarter: r.try_get("quarter")?,
                            until,
                            measures: m,
                        },
                    );
                }
                // What they counted for until now.
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT referral_id, client_id, from_org, to_org, municipality, kind, quarter, until, measures FROM impact_facts WHERE referral_id IN (",
                );
                list(&mut qb);
                let mut old: BTreeMap<String, Facts> = BTreeMap::new();
                for r in qb.build().fetch_all(&mut **tx).await? {
                    let f = Facts {
                        referral_id: r.try_get("referral_id")?,
                        client_id: r.try_get("client_id")?,
                        from_org: r.try_get("from_org")?,
                        to_org: r.try_get("to_org")?,
                        municipality: r.try_get("municipality")?,
                        kind: r.try_get("kind")?,
                        quarter: r.try_get("quarter")?,
                        until: r.try_get("until")?,
                        measures: Facts::parse_measures(&r.try_get::<String, _>("measures")?),
                    };
                    old.insert(f.referral_id.clone(), f);
                }
                let mut delta = Delta::default();
                let mut gone: Vec<&String> = Vec::new();
                let mut added: Vec<&Facts> = Vec::new();
                for id in ids {
                    let (o, n) = (old.get(id), new.get(id));
                    if o == n {
                        continue;
                    }
                    if let Some(o) = o {
                        delta.add(o, -1);
                        gone.push(id);
                    }
                    if let Some(n) = n {
                        delta.add(n, 1);
                        added.push(n);
                    }
                }
                delta.prune();
                if !gone.is_empty() {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("DELETE FROM impact_facts WHERE referral_id IN (");
                    let mut s = qb.separated(", ");
                    for id in &gone {
                        s.push_bind(id.to_string());
                    }
                    qb.push(")");
                    qb.build().execute(&mut **tx).await?;
                }
                for chunk in added.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO impact_facts (referral_id, client_id, from_org, to_org, municipality, kind, quarter, until, measures) ",
                    );
                    qb.push_values(chunk, |mut v, f| {
                        v.push_bind(f.referral_id.clone())
                            .push_bind(f.client_id.clone())
                            .push_bind(f.from_org.clone())
                            .push_bind(f.to_org.clone())
                            .push_bind(f.municipality.clone())
                            .push_bind(f.kind.clone())
                            .push_bind(f.quarter.clone())
                            .push_bind(f.until)
                            .push_bind(f.measures_text());
                    });
                    qb.build().execute(&mut **tx).await?;
                }
                Self::apply_impact_delta(tx, &delta).await
            }

            async fn apply_impact_delta(
                tx: &mut sqlx::Transaction<'_, $db>,
                delta: &Delta,
            ) -> StoreResult<()> {
                let counts: Vec<(&CountKey, &i64)> = delta.counts.iter().collect();
                for chunk in counts.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO impact_counts (org, municipality, kind, quarter, measure, n) ",
                    );
                    qb.push_values(chunk, |mut v, (k, n)| {
                        v.push_bind(k.0.clone())
                            .push_bind(k.1.clone())
                            .push_bind(k.2.clone())
                            .push_bind(k.3.clone())
                            .push_bind(k.4.clone())
                            .push_bind(**n);
                    });
                    qb.push(" ON CONFLICT (org, municipality, kind, quarter, measure) DO UPDATE SET n = impact_counts.n + excluded.n");
                    qb.build().execute(&mut **tx).await?;
                }
                let people: Vec<(&PersonKey, &i64)> = delta.people.iter().collect();
                for chunk in people.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "INSERT INTO impact_people (org, client_id, municipality, kind, quarter, n) ",
                    );
                    qb.push_values(chunk, |mut v, (k, n)| {
                        v.push_bind(k.0.clone())
                            .push_bind(k.1.clone())
                            .push_bind(k.2.clone())
                            .push_bind(k.3.clone())
                            .push_bind(k.4.clone())
                            .push_bind(**n);
                    });
                    qb.push(" ON CONFLICT (org, client_id, municipality, kind, quarter) DO UPDATE SET n = impact_people.n + excluded.n");
                    qb.build().execute(&mut **tx).await?;
                }
                // A person no longer counted under a key leaves it.
                // By whole keys, so that no other index has to be kept for it.
                let fewer: Vec<&PersonKey> = delta
                    .people
                    .iter()
                    .filter(|(_, n)| **n < 0)
                    .map(|(k, _)| k)
                    .collect();
                for chunk in fewer.chunks(KEYS) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("DELETE FROM impact_people WHERE n <= 0 AND (");
                    for (i, k) in chunk.iter().enumerate() {
                        qb.push(if i == 0 { "(org = " } else { " OR (org = " });
                        qb.push_bind(k.0.clone()).push(" AND client_id = ").push_bind(k.1.clone());
                        qb.push(" AND municipality = ").push_bind(k.2.clone());
                        qb.push(" AND kind = ").push_bind(k.3.clone());
                        qb.push(" AND quarter = ").push_bind(k.4.clone()).push(")");
                    }
                    qb.push(")");
                    qb.build().execute(&mut **tx).await?;
                }
                Self::apply_people_by_municipality(tx, delta).await
            }

            /// The people per municipality: a person enters a municipality's number with their
            /// first counted referral there and leaves it with their last.
            async fn apply_people_by_municipality(
                tx: &mut sqlx::Transaction<'_, $db>,
                delta: &Delta,
            ) -> StoreResult<()> {
                use sqlx::Row;
                let keys: Vec<&(String, String)> = delta.by_municipality.keys().collect();
                let mut now_n: BTreeMap<(String, String), i64> = BTreeMap::new();
                for chunk in keys.chunks(KEYS) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT municipality, client_id, n FROM impact_people_municipality WHERE ");
                    for (i, (m, c)) in chunk.iter().enumerate() {
                        qb.push(if i == 0 { "(municipality = " } else { " OR (municipality = " });
                        qb.push_bind(m.clone()).push(" AND client_id = ").push_bind(c.clone()).push(")");
                    }
                    for r in qb.build().fetch_all(&mut **tx).await? {
                        now_n.insert((r.try_get("municipality")?, r.try_get("client_id")?), r.try_get("n")?);
                    }
                }
                let mut counters: BTreeMap<&str, i64> = BTreeMap::new();
                let mut kept: Vec<(&(String, String), i64)> = Vec::new();
                let mut gone: Vec<&(String, String)> = Vec::new();
                for (key, d) in &delta.by_municipality {
                    let before = now_n.get(key).copied().unwrap_or(0);
                    let after = before + d;
                    if before <= 0 && after > 0 {
                        *counters.entry(key.0.as_str()).or_default() += 1;
                    } else if before > 0 && after <= 0 {
                        *counters.entry(key.0.as_str()).or_default() -= 1;
                    }
                    if after > 0 {
                        kept.push((key, after));
                    } else {
                        gone.push(key);
                    }
                }
                for chunk in kept.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO impact_people_municipality (municipality, client_id, n) ");
                    qb.push_values(chunk, |mut v, (k, n)| {
                        v.push_bind(k.0.clone()).push_bind(k.1.clone()).push_bind(*n);
                    });
                    qb.push(" ON CONFLICT (municipality, client_id) DO UPDATE SET n = excluded.n");
                    qb.build().execute(&mut **tx).await?;
                }
                for (m, c) in gone {
                    sqlx::query("DELETE FROM impact_people_municipality WHERE municipality = $1 AND client_id = $2")
                        .bind(m)
                        .bind(c)
                        .execute(&mut **tx)
                        .await?;
                }
                let counters: Vec<(&str, i64)> = counters.into_iter().filter(|(_, n)| *n != 0).collect();
                for chunk in counters.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO impact_people_counts (municipality, n) ");
                    qb.push_values(chunk, |mut v, (m, n)| {
                        v.push_bind(m.to_string()).push_bind(*n);
                    });
                    qb.push(" ON CONFLICT (municipality) DO UPDATE SET n = impact_people_counts.n + excluded.n");
                    qb.build().execute(&mut **tx).await?;
                }
                Ok(())
            }

            /// After referrals were deleted (with their person): takes back what they
            /// counted.
            pub(super) async fn impact_forget_deleted_tx(
                tx: &mut sqlx::Transaction<'_, $db>,
                now: i64,
            ) -> StoreResult<()> {
                let gone: Vec<String> = sqlx::query_scalar(
                    "SELECT f.referral_id FROM impact_facts f WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.id = f.referral_id)",
                )
                .fetch_all(&mut **tx)
                .await?;
                Self::refresh_impact_tx(tx, &gone, now).await
            }

            /// Counts every referral again from nothing (after bulk writes; `force` false:
            /// only if they were never built, as after the counts' tables came).
            pub(super) async fn rebuild_impact(&self, now: i64, force: bool) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::impact_lock(&mut tx).await?;
                let built: i64 = sqlx::query_scalar("SELECT built FROM impact_state WHERE id = 1")
                    .fetch_one(&mut *tx)
                    .await?;
                if built != 0 && !force {
                    return Ok(());
                }
                for table in [
                    "impact_facts",
                    "impact_counts",
                    "impact_people",
                    "impact_people_municipality",
                    "impact_people_counts",
                ] {
                    sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
                }
                let mut after = String::new();
                loop {
                    let ids: Vec<String> = sqlx::query_scalar(
                        "SELECT id FROM referrals WHERE id > $1 ORDER BY id LIMIT 5000",
                    )
                    .bind(&after)
                    .fetch_all(&mut *tx)
                    .await?;
                    let Some(last) = ids.last() else { break };
                    after = last.clone();
                    Self::refresh_impact_tx(&mut tx, &ids, now).await?;
                }
                sqlx::query("UPDATE impact_state SET built = 1 WHERE id = 1")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                // Rewritten whole: PostgreSQL's planner reads the counts from their index only
                // once the visibility map says the pages are clean (before this vacuum the
                // whole country's read walked 600,000 dead index entries, 100 ms instead of 15).
                if <$db as sqlx::Database>::NAME == "PostgreSQL" {
                    sqlx::query("VACUUM (ANALYZE) impact_facts, impact_counts, impact_people, impact_people_municipality, impact_people_counts")
                        .execute(&self.pool)
                        .await?;
                }
                Ok(())
            }

            /// Brings the counts to `now`: built if they never were, and referrals whose
            /// statistics consent ran out taken out.
            async fn impact_up_to(&self, now: i64) -> StoreResult<()> {
                let built: i64 = sqlx::query_scalar("SELECT built FROM impact_state WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await?;
                if built == 0 {
                    return self.rebuild_impact(now, false).await;
                }
                loop {
                    // The earliest end, compared here: a prepared `until <= $1` may be planned
                    // once for any value, as a walk over the whole table.
                    let first: Option<i64> = sqlx::query_scalar("SELECT MIN(until) FROM impact_facts")
                        .fetch_one(&self.pool)
                        .await?;
                    if first.is_none_or(|u| u > now) {
                        return Ok(());
                    }
                    let mut tx = self.pool.begin().await?;
                    Self::impact_lock(&mut tx).await?;
                    let ids: Vec<String> = sqlx::query_scalar("SELECT referral_id FROM impact_facts WHERE until <= $1 ORDER BY until LIMIT 5000")
                        .bind(now)
                        .fetch_all(&mut *tx)
                        .await?;
                    Self::refresh_impact_tx(&mut tx, &ids, now).await?;
                    tx.commit().await?;
                }
            }

            /// The counts of a filter, from the kept groups.
            /// A network's figures from the kept facts of its members' referrals (a referral
            /// between two members counts once): the referrals are found by their parties'
            /// indexes, their facts by id, and counted here.
            pub(super) async fn impact_counted_network(
                &self,
                f: &super::referrals::ImpactFilter,
                network: crate::domain::NetworkId,
                now: i64,
            ) -> StoreResult<ImpactCube> {
                use sqlx::Row;
                self.impact_up_to(now).await?;
                let members = "SELECT organization_id FROM network_members WHERE state = 'member' AND network_id = ";
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT f.client_id, f.kind, f.quarter, f.measures FROM impact_facts f WHERE f.until > ",
                );
                qb.push_bind(now);
                qb.push(" AND f.referral_id IN (SELECT r.id FROM referrals r WHERE r.to_org IN (")
                    .push(members)
                    .push_bind(network.to_string());
                qb.push(") UNION SELECT r.id FROM referrals r WHERE r.from_org IN (")
                    .push(members)
                    .push_bind(network.to_string())
                    .push("))");
                if let Some(m) = &f.municipality {
                    qb.push(" AND f.municipality = ").push_bind(m.clone());
                }
                if let Some(o) = f.organization {
                    qb.push(" AND (f.to_org = ").push_bind(o.to_string());
                    qb.push(" OR f.from_org = ").push_bind(o.to_string()).push(")");
                }
                if let Some(k) = &f.kind {
                    qb.push(" AND f.kind = ").push_bind(k.clone());
                }
                if let Some(q) = &f.quarter {
                    qb.push(" AND f.quarter = ").push_bind(q.clone());
                }
                let mut counts: BTreeMap<(String, String, String), i64> = BTreeMap::new();
                let mut people: std::collections::BTreeSet<String> = Default::default();
                for r in qb.build().fetch_all(&self.pool).await? {
                    let kind: String = r.try_get("kind")?;
                    let quarter: String = r.try_get("quarter")?;
                    for m in Facts::parse_measures(&r.try_get::<String, _>("measures")?) {
                        *counts.entry((kind.clone(), quarter.clone(), m)).or_default() += 1;
                    }
                    people.insert(r.try_get("client_id")?);
                }
                let rows = counts
                    .into_iter()
                    .map(|((k, q, m), n)| (k, q, m, n))
                    .collect();
                cube_of(rows, people.len() as i64)
            }

            pub(super) async fn impact_counted(
                &self,
                f: &super::referrals::ImpactFilter,
                now: i64,
            ) -> StoreResult<ImpactCube> {
                use sqlx::Row;
                self.impact_up_to(now).await?;
                let org = f.organization.map(|o| o.to_string()).unwrap_or_default();
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT kind, quarter, measure, n FROM impact_counts WHERE n <> 0 AND org = ",
                );
                qb.push_bind(org.clone());
                qb.push(" AND municipality = ")
                    .push_bind(f.municipality.clone().unwrap_or_default());
                if let Some(k) = &f.kind {
                    qb.push(" AND kind = ").push_bind(k.clone());
                }
                if let Some(q) = &f.quarter {
                    qb.push(" AND quarter = ").push_bind(q.clone());
                }
                let mut rows = Vec::new();
                for r in qb.build().fetch_all(&self.pool).await? {
                    rows.push((
                        r.try_get("kind")?,
                        r.try_get("quarter")?,
                        r.try_get("measure")?,
                        r.try_get::<i64, _>("n")?,
                    ));
                }
                if f.organization.is_none() && f.kind.is_none() && f.quarter.is_none() {
                    let people: Option<i64> = sqlx::query_scalar("SELECT n FROM impact_people_counts WHERE municipality = $1")
                        .bind(f.municipality.clone().unwrap_or_default())
                        .fetch_optional(&self.pool)
                        .await?;
                    return cube_of(rows, people.unwrap_or(0));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT client_id FROM impact_people WHERE org = ",
                );
                qb.push_bind(org);
                if let Some(m) = &f.municipality {
                    qb.push(" AND municipality = ").push_bind(m.clone());
                }
                if let Some(k) = &f.kind {
                    qb.push(" AND kind = ").push_bind(k.clone());
                }
                if let Some(q) = &f.quarter {
                    qb.push(" AND quarter = ").push_bind(q.clone());
                }
                qb.push(") d");
                let people: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
                cube_of(rows, people)
            }
        }
    };
}

impact_store!(SqliteStore, sqlx::Sqlite);
impact_store!(PostgresStore, sqlx::Postgres);

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(from: &str, to: &str, m: &str, measures: &[&str]) -> Facts {
        Facts {
            referral_id: "r".into(),
            client_id: "c".into(),
            from_org: from.into(),
            to_org: to.into(),
            municipality: m.into(),
            kind: "work_trial".into(),
            quarter: "2026Q1".into(),
            until: 1,
            measures: measures.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_referral_counts_once_for_all_and_once_for_each_party_and_its_municipality() {
        let mut d = Delta::default();
        d.add(&facts("A", "B", "091", &["s:sent:"]), 1);
        // All, B, A × all municipalities, Helsinki.
        assert_eq!(d.counts.len(), 6);
        assert_eq!(d.people.len(), 3);
        assert_eq!(d.by_municipality.len(), 2);
        // Sent to itself, unknown municipality: all and A only.
        let mut d = Delta::default();
        d.add(&facts("A", "A", "", &["s:sent:", "a:2"]), 1);
        assert_eq!(d.counts.len(), 4);
        assert_eq!(d.people.len(), 2);
        // Replacing facts by themselves changes nothing.
        let f = facts("", "B", "091", &["p:start>kind:work_trial", "s:started:"]);
        d = Delta::default();
        d.add(&f, -1);
        d.add(&f, 1);
        d.prune();
        assert_eq!(d, Delta::default());
    }

    #[test]
    fn measures_read_back_as_the_figures_take_them() {
        let m = measures(
            "completed",
            Some("education"),
            Some(3),
            &[("kind:work_trial".into(), "outcome:education".into())],
            &[(3, "paused".into())],
        );
        let text = facts("", "B", "", &[]).measures_text();
        assert!(text.is_empty());
        let rows = m
            .iter()
            .map(|x| ("work_trial".to_string(), "2026Q1".to_string(), x.clone(), 2))
            .collect();
        let cube = cube_of(rows, 2).unwrap();
        assert_eq!(cube.people, 2);
        assert_eq!(
            cube.referrals,
            vec![(
                "work_trial".to_string(),
                "2026Q1".to_string(),
                ReferralState::Completed,
                Some("education".to_string()),
                2
            )]
        );
        assert_eq!(cube.answer_days, vec![(3, 2)]);
        assert_eq!(
            cube.steps,
            vec![("kind:work_trial".into(), "outcome:education".into(), 2)]
        );
        assert_eq!(cube.follow_ups, vec![(3, Outcome::Paused, 2)]);
        assert!(cube_of(vec![("k".into(), "q".into(), "x:1".into(), 1)], 0).is_err());
    }
}
