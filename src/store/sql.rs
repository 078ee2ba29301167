//! The SQL behind `Store`, written once and expanded for SQLite and PostgreSQL.
//! Only connecting differs between the engines; the queries use portable SQL with `$n`
//! placeholders and `ON CONFLICT … DO UPDATE` upserts, which both accept.

use super::{
    Backend, OpportunityFilter, OrganizationFilter, RecordRef, ServiceAtLocationRef, ServiceFilter,
    StoreError, StoreResult, SystemStore, TermRef,
};
use crate::domain::*;
use async_trait::async_trait;
use serde::{de::DeserializeOwned, Serialize};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::Row;
use std::collections::HashMap;
use std::str::FromStr;
use time::OffsetDateTime;

pub struct SqliteStore {
    pub(super) pool: SqlitePool,
}

pub struct PostgresStore {
    pub(super) pool: PgPool,
}

impl SqliteStore {
    /// Search documents' bodies are in the FTS5 table.
    pub(super) const SEARCH_BODY: super::search::BodySource = super::search::SQLITE_BODY;

    pub async fn connect(url: &str) -> StoreResult<Self> {
        let opts = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            // Deleted rows are overwritten with zeros, not left in free pages (erasure).
            .pragma("secure_delete", "ON")
            .busy_timeout(std::time::Duration::from_secs(5));
        if let Some(dir) = opts.get_filename().parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Database(sqlx::Error::Io(e)))?;
            }
        }
        // An in-memory database lives as long as its one connection.
        let memory = url.contains(":memory:");
        let pool = SqlitePoolOptions::new()
            .max_connections(if memory { 1 } else { 8 })
            .min_connections(if memory { 1 } else { 0 })
            .idle_timeout(if memory {
                None
            } else {
                Some(std::time::Duration::from_secs(600))
            })
            .max_lifetime(if memory {
                None
            } else {
                Some(std::time::Duration::from_secs(3600))
            })
            .connect_with(opts)
            .await?;
        Ok(Self { pool })
    }
}

impl PostgresStore {
    /// Search documents' bodies are the tsvector's weight-B lexemes.
    pub(super) const SEARCH_BODY: super::search::BodySource = super::search::POSTGRES_BODY;

    pub async fn connect(url: &str) -> StoreResult<Self> {
        // No JIT: a page's queries are short, and compiling them cost more than it saved
        // (27 ms on a 3,000-row read of the impact counts).
        let opts = std::str::FromStr::from_str(url)
            .map(|o: sqlx::postgres::PgConnectOptions| o.options([("jit", "off")]))?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Self { pool })
    }
}

pub(super) use crate::domain::{from_micros, micros, unix_micros};

pub(super) fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// `"x"` as it appears inside a JSON array of strings, for `LIKE`.
pub(super) fn json_item(v: &str) -> String {
    format!("%{}%", to_json(&v))
}

pub(super) fn from_json<T: DeserializeOwned>(s: &str) -> StoreResult<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(super) fn from_json_opt<T: DeserializeOwned>(s: Option<String>) -> StoreResult<Option<T>> {
    s.map(|s| from_json(&s)).transpose()
}

pub(super) fn parse_id<T>(s: &str, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(s).ok_or_else(|| StoreError::Corrupt(format!("bad id {s}")))
}

pub(super) fn parse_enum<T>(s: &str, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(s).ok_or_else(|| StoreError::Corrupt(format!("bad value {s}")))
}

/// Splits `(record id, taxonomy, term)` rows into target groups and topics per record.
pub(super) type Terms = HashMap<String, (Vec<String>, Vec<String>)>;

pub(super) fn group_terms(rows: Vec<(String, String, String)>) -> Terms {
    let mut map: Terms = HashMap::new();
    for (id, taxonomy, term) in rows {
        let e = map.entry(id).or_default();
        match taxonomy.as_str() {
            "target_group" => e.0.push(term),
            _ => e.1.push(term),
        }
    }
    map
}

pub(super) fn sal_from(
    (id, record, location, is_opportunity): (String, String, String, i32),
) -> StoreResult<ServiceAtLocationRef> {
    let record = if is_opportunity == 1 {
        RecordRef::Opportunity(parse_id(&record, OpportunityId::parse)?)
    } else {
        RecordRef::Service(parse_id(&record, ServiceId::parse)?)
    };
    Ok(ServiceAtLocationRef {
        id,
        record,
        location_id: parse_id(&location, LocationId::parse)?,
    })
}

pub(super) fn like_pattern(q: &str) -> String {
    let escaped: String = q
        .to_lowercase()
        .chars()
        .filter(|c| *c != '\0')
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

macro_rules! sql_store {
    ($store:ident, $db:ty, $backend:expr, $migrations:literal) => {
        impl $store {
            pub(super) fn organization_from(
                r: &<$db as sqlx::Database>::Row,
            ) -> StoreResult<Organization> {
                Ok(Organization {
                    id: parse_id(&r.try_get::<String, _>("id")?, OrganizationId::parse)?,
                    name: r.try_get("name")?,
                    legal_form: parse_enum(
                        &r.try_get::<String, _>("legal_form")?,
                        LegalForm::parse,
                    )?,
                    business_id: r
                        .try_get::<Option<String>, _>("business_id")?
                        .map(|b| {
                            BusinessId::parse(&b).map_err(|e| StoreError::Corrupt(e.to_string()))
                        })
                        .transpose()?,
                    description: from_json(&r.try_get::<String, _>("description")?)?,
                    website: r.try_get("website")?,
                    email: r.try_get("email")?,
                    phones: from_json(&r.try_get::<String, _>("phones")?)?,
                    areas_served: from_json(&r.try_get::<String, _>("areas_served")?)?,
                    networks: from_json(&r.try_get::<String, _>("networks")?)?,
                    verified: r.try_get("verified")?,
                    last_verified_at: r.try_get("last_verified_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }

            /// After personal data was deleted: SQLite (with `secure_delete` on, so the freed
            /// pages are zeroed) writes the WAL back into the database file and empties it,
            /// so the deleted bytes are nowhere on disk. PostgreSQL's own vacuum reclaims them.
            pub(super) async fn after_erasure(&self) -> StoreResult<()> {
                if $backend == Backend::Sqlite {
                    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                        .execute(&self.pool)
                        .await?;
                }
                Ok(())
            }

            /// Ends every session of an account inside a transaction that changes how it signs in.
            pub(super) async fn delete_sessions(
                tx: &mut sqlx::Transaction<'_, $db>,
                user: crate::domain::UserId,
            ) -> StoreResult<()> {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            pub(super) async fn insert_mail(
                tx: &mut sqlx::Transaction<'_, $db>,
                m: &crate::domain::mail::OutgoingMail,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO outbox (id, to_address, subject, body, created_at, attempts, next_attempt_at, headers) VALUES ($1, $2, $3, $4, $5, 0, $5, $6)")
                    .bind(&m.id)
                    .bind(&m.to)
                    .bind(&m.subject)
                    .bind(&m.body)
                    .bind(unix_micros(m.created_at))
                    .bind(m.headers_text())
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            pub(super) fn error_report_from(
                r: &<$db as sqlx::Database>::Row,
            ) -> StoreResult<crate::domain::manage::ErrorReport> {
                Ok(crate::domain::manage::ErrorReport {
                    id: r.try_get("id")?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    record_kind: parse_enum(
                        &r.try_get::<String, _>("record_kind")?,
                        RecordKind::parse,
                    )?,
                    record_id: r.try_get("record_id")?,
                    message: r.try_get("message")?,
                    contact_email: r.try_get("contact_email")?,
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }

            pub(super) fn user_from(
                r: &<$db as sqlx::Database>::Row,
            ) -> StoreResult<crate::domain::accounts::User> {
                use crate::domain::accounts::{Email, Role, User};
                Ok(User {
                    id: parse_id(&r.try_get::<String, _>("id")?, UserId::parse)?,
                    email: Email::parse(&r.try_get::<String, _>("email")?)
                        .map_err(|_| StoreError::Corrupt("bad e-mail address".into()))?,
                    password_hash: r.try_get("password_hash")?,
                    role: parse_enum(&r.try_get::<String, _>("role")?, Role::parse)?,
                    organization_id: r
                        .try_get::<Option<String>, _>("organization_id")?
                        .map(|o| parse_id(&o, OrganizationId::parse))
                        .transpose()?,
                    email_verified_at: r.try_get("email_verified_at")?,
                    disabled_at: r.try_get("disabled_at")?,
                    created_at: r.try_get("created_at")?,
                })
            }

            pub(super) fn location_from(
                r: &<$db as sqlx::Database>::Row,
            ) -> StoreResult<Location> {
                Ok(Location {
                    id: parse_id(&r.try_get::<String, _>("id")?, LocationId::parse)?,
                    organization_id: r
                        .try_get::<Option<String>, _>("organization_id")?
                        .map(|v| parse_id(&v, OrganizationId::parse))
                        .transpose()?,
                    name: from_json(&r.try_get::<String, _>("name")?)?,
                    street: r.try_get("street")?,
                    postal_code: r.try_get("postal_code")?,
                    country: r.try_get("country")?,
                    city: r.try_get("city")?,
                    municipality_code: r.try_get("municipality_code")?,
                    latitude: r.try_get("latitude")?,
                    longitude: r.try_get("longitude")?,
                    accessibility: from_json_opt(r.try_get("accessibility")?)?,
                })
            }

            pub(super) fn contact_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Contact> {
                Ok(Contact {
                    id: parse_id(&r.try_get::<String, _>("id")?, ContactId::parse)?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    service_id: r
                        .try_get::<Option<String>, _>("service_id")?
                        .map(|s| parse_id(&s, ServiceId::parse))
                        .transpose()?,
                    title: from_json(&r.try_get::<String, _>("title")?)?,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    phone: r.try_get("phone")?,
                })
            }

            /// A service without its terms and locations, which `complete_services` adds.
            pub(super) fn service_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Service> {
                Ok(Service {
                    id: parse_id(&r.try_get::<String, _>("id")?, ServiceId::parse)?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    name: from_json(&r.try_get::<String, _>("name")?)?,
                    description: from_json(&r.try_get::<String, _>("description")?)?,
                    kind: parse_enum(&r.try_get::<String, _>("kind")?, ServiceKind::parse)?,
                    target_groups: Vec::new(),
                    topics: Vec::new(),
                    languages: from_json(&r.try_get::<String, _>("languages")?)?,
                    free: r.try_get("free")?,
                    cost: from_json_opt(r.try_get("cost")?)?,
                    eligibility: from_json_opt(r.try_get("eligibility")?)?,
                    min_age: r.try_get("min_age")?,
                    max_age: r.try_get("max_age")?,
                    low_threshold: r.try_get("low_threshold")?,
                    schedule: from_json_opt(r.try_get("schedule")?)?,
                    how_to_get_there: from_json_opt(r.try_get("how_to_get_there")?)?,
                    funding: from_json(&r.try_get::<String, _>("funding")?)?,
                    location_ids: Vec::new(),
                    last_verified_at: r.try_get("last_verified_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }

            /// An opportunity without its terms, which `complete_opportunities` adds.
            pub(super) fn opportunity_from(
                r: &<$db as sqlx::Database>::Row,
            ) -> StoreResult<Opportunity> {
                Ok(Opportunity {
                    id: parse_id(&r.try_get::<String, _>("id")?, OpportunityId::parse)?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    service_id: r
                        .try_get::<Option<String>, _>("service_id")?
                        .map(|s| parse_id(&s, ServiceId::parse))
                        .transpose()?,
                    location_id: r
                        .try_get::<Option<String>, _>("location_id")?
                        .map(|s| parse_id(&s, LocationId::parse))
                        .transpose()?,
                    kind: parse_enum(&r.try_get::<String, _>("kind")?, OpportunityType::parse)?,
                    title: from_json(&r.try_get::<String, _>("title")?)?,
                    description: from_json(&r.try_get::<String, _>("description")?)?,
                    requirements: from_json_opt(r.try_get("requirements")?)?,
                    how_to_apply: from_json(&r.try_get::<String, _>("how_to_apply")?)?,
                    places_total: r.try_get("places_total")?,
                    places_free: r.try_get("places_free")?,
                    hours_per_week: r.try_get("hours_per_week")?,
                    part_time: r.try_get("part_time")?,
                    topics: Vec::new(),
                    target_groups: Vec::new(),
                    starts_on: r.try_get("starts_on")?,
                    apply_by: r.try_get("apply_by")?,
                    status: parse_enum(
                        &r.try_get::<String, _>("status")?,
                        OpportunityStatus::parse,
                    )?,
                    last_verified_at: r.try_get("last_verified_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }

            /// Rows of `(owner id, taxonomy, term)` from a terms table for the given owners.
            pub(super) async fn terms_of(
                &self,
                table: &str,
                owner: &str,
                ids: &[String],
            ) -> StoreResult<Vec<(String, String, String)>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT {owner}, taxonomy, term FROM {table} WHERE {owner} IN ("
                ));
                let mut sep = qb.separated(", ");
                for id in ids {
                    sep.push_bind(id.clone());
                }
                qb.push(format!(") ORDER BY {owner}, position"));
                Ok(qb
                    .build_query_as::<(String, String, String)>()
                    .fetch_all(&self.pool)
                    .await?)
            }

            pub(super) async fn complete_services(
                &self,
                mut services: Vec<Service>,
            ) -> StoreResult<Vec<Service>> {
                let ids: Vec<String> = services.iter().map(|s| s.id.to_string()).collect();
                let mut terms =
                    group_terms(self.terms_of("service_terms", "service_id", &ids).await?);
                let mut locs: HashMap<String, Vec<LocationId>> = HashMap::new();
                for (sid, _, lid) in self
                    .terms_of("(SELECT service_id, 'location' AS taxonomy, location_id AS term, position FROM service_locations) sl", "service_id", &ids)
                    .await?
                {
                    locs.entry(sid).or_default().push(parse_id(&lid, LocationId::parse)?);
                }
                for s in &mut services {
                    let key = s.id.to_string();
                    if let Some((groups, topics)) = terms.remove(&key) {
                        s.target_groups = groups;
                        s.topics = topics;
                    }
                    s.location_ids = locs.remove(&key).unwrap_or_default();
                }
                Ok(services)
            }

            pub(super) async fn complete_opportunities(
                &self,
                mut opps: Vec<Opportunity>,
            ) -> StoreResult<Vec<Opportunity>> {
                let ids: Vec<String> = opps.iter().map(|s| s.id.to_string()).collect();
                let mut terms = group_terms(
                    self.terms_of("opportunity_terms", "opportunity_id", &ids)
                        .await?,
                );
                for o in &mut opps {
                    if let Some((groups, topics)) = terms.remove(&o.id.to_string()) {
                        o.target_groups = groups;
                        o.topics = topics;
                    }
                }
                Ok(opps)
            }

            pub(super) fn push_organization_filter(
                qb: &mut sqlx::QueryBuilder<'_, $db>,
                f: &OrganizationFilter,
            ) {
                qb.push(" WHERE 1 = 1");
                if !f.municipalities.is_empty() {
                    qb.push(" AND EXISTS (SELECT 1 FROM locations l WHERE l.organization_id = organizations.id AND l.municipality_code IN (");
                    let mut list = qb.separated(", ");
                    for m in &f.municipalities {
                        list.push_bind(m.clone());
                    }
                    qb.push("))");
                }
            }

            pub(super) fn push_service_filter(
                qb: &mut sqlx::QueryBuilder<'_, $db>,
                f: &ServiceFilter,
            ) {
                qb.push(" WHERE 1 = 1");
                if let Some(o) = f.organization_id {
                    qb.push(" AND organization_id = ").push_bind(o.to_string());
                }
                if !f.municipalities.is_empty() {
                    qb.push(" AND EXISTS (SELECT 1 FROM service_locations sl JOIN locations l ON l.id = sl.location_id WHERE sl.service_id = services.id AND l.municipality_code IN (");
                    let mut list = qb.separated(", ");
                    for m in &f.municipalities {
                        list.push_bind(m.clone());
                    }
                    qb.push("))");
                }
                if let Some(k) = f.kind {
                    qb.push(" AND kind = ").push_bind(k.as_str());
                }
                Self::push_common_filter(
                    qb,
                    "services",
                    "service_terms",
                    "service_id",
                    "name",
                    &f.term,
                    f.taxonomy,
                    &f.text,
                    f.modified_after,
                );
            }

            pub(super) fn push_opportunity_filter(
                qb: &mut sqlx::QueryBuilder<'_, $db>,
                f: &OpportunityFilter,
            ) {
                qb.push(" WHERE 1 = 1");
                if let Some(o) = f.organization_id {
                    qb.push(" AND organization_id = ").push_bind(o.to_string());
                }
                if let Some(s) = f.service_id {
                    qb.push(" AND service_id = ").push_bind(s.to_string());
                }
                if !f.municipalities.is_empty() {
                    qb.push(" AND location_id IN (SELECT id FROM locations WHERE municipality_code IN (");
                    let mut list = qb.separated(", ");
                    for m in &f.municipalities {
                        list.push_bind(m.clone());
                    }
                    qb.push("))");
                }
                if let Some(k) = f.kind {
                    qb.push(" AND kind = ").push_bind(k.as_str());
                }
                if f.open_only {
                    // A place past its apply-by date (in Finland) is closed.
                    qb.push(" AND status = 'open' AND (apply_by IS NULL OR apply_by >= ")
                        .push_bind(crate::domain::helsinki::today())
                        .push(")");
                }
                Self::push_common_filter(
                    qb,
                    "opportunities",
                    "opportunity_terms",
                    "opportunity_id",
                    "title",
                    &f.term,
                    f.taxonomy,
                    &f.text,
                    f.modified_after,
                );
            }

            /// Term, taxonomy, text and modification filters shared by services and opportunities.
            #[allow(clippy::too_many_arguments)]
            pub(super) fn push_common_filter(
                qb: &mut sqlx::QueryBuilder<'_, $db>,
                table: &str,
                terms: &str,
                owner: &str,
                title: &str,
                term: &Option<TermRef>,
                taxonomy: Option<&'static str>,
                text: &Option<String>,
                modified_after: Option<OffsetDateTime>,
            ) {
                if let Some(t) = term {
                    qb.push(format!(" AND EXISTS (SELECT 1 FROM {terms} t WHERE t.{owner} = {table}.id AND t.taxonomy = "))
                        .push_bind(t.taxonomy)
                        .push(" AND t.term = ")
                        .push_bind(t.term.clone())
                        .push(")");
                }
                if let Some(tax) = taxonomy {
                    qb.push(format!(" AND EXISTS (SELECT 1 FROM {terms} t WHERE t.{owner} = {table}.id AND t.taxonomy = "))
                        .push_bind(tax)
                        .push(")");
                }
                if let Some(q) = text {
                    let pat = like_pattern(q);
                    qb.push(format!(" AND (LOWER({title}) LIKE "))
                        .push_bind(pat.clone())
                        .push(" ESCAPE '\\' OR LOWER(description) LIKE ")
                        .push_bind(pat)
                        .push(" ESCAPE '\\')");
                }
                if let Some(t) = modified_after {
                    qb.push(" AND updated_at >= ").push_bind(micros(t));
                }
            }

            /// Rows of `table` whose `column` is one of `ids`.
            pub(super) async fn rows_in(
                &self,
                table: &str,
                column: &str,
                ids: Vec<String>,
            ) -> StoreResult<Vec<<$db as sqlx::Database>::Row>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT * FROM {table} WHERE {column} IN ("
                ));
                let mut sep = qb.separated(", ");
                for id in ids {
                    sep.push_bind(id);
                }
                qb.push(format!(") ORDER BY {column}, id"));
                Ok(qb.build().fetch_all(&self.pool).await?)
            }

            pub(super) async fn count(
                &self,
                mut qb: sqlx::QueryBuilder<'_, $db>,
            ) -> StoreResult<u64> {
                let n: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
                Ok(u64::try_from(n).unwrap_or(0))
            }

            /// Replaces the target-group and topic terms of these records: one delete and one
            /// multi-row insert per chunk, not a statement per term.
            pub(super) async fn save_terms(
                tx: &mut sqlx::Transaction<'_, $db>,
                table: &str,
                owner: &str,
                items: &[(String, &[String], &[String])],
            ) -> StoreResult<()> {
                let rows: Vec<(String, &'static str, String, i32)> = items
                    .iter()
                    .flat_map(|(id, groups, topics)| {
                        groups
                            .iter()
                            .map(|t| ("target_group", t))
                            .chain(topics.iter().map(|t| ("topic", t)))
                            .enumerate()
                            .map(move |(pos, (taxonomy, term))| {
                                (id.clone(), taxonomy, term.clone(), pos as i32)
                            })
                    })
                    .collect();
                let ids: Vec<&str> = items.iter().map(|(id, _, _)| id.as_str()).collect();
                Self::replace_rows(
                    tx,
                    table,
                    owner,
                    &ids,
                    &["taxonomy", "term", "position"],
                    &rows,
                    |mut b, r| {
                        b.push_bind(r.0.clone())
                            .push_bind(r.1)
                            .push_bind(r.2.clone())
                            .push_bind(r.3);
                    },
                )
                .await
            }

            /// Deletes the rows of `table` owned by `ids` and inserts `rows` (owner first, then
            /// `columns`), in chunks that stay under both engines' limit of bound values.
            pub(super) async fn replace_rows<R>(
                tx: &mut sqlx::Transaction<'_, $db>,
                table: &str,
                owner: &str,
                ids: &[&str],
                columns: &[&str],
                rows: &[R],
                push: impl Fn(sqlx::query_builder::Separated<'_, '_, $db, &'static str>, &R) + Copy,
            ) -> StoreResult<()>
            where
                R: Sync,
            {
                for chunk in ids.chunks(500) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                        "DELETE FROM {table} WHERE {owner} IN ("
                    ));
                    let mut list = qb.separated(", ");
                    for id in chunk {
                        list.push_bind(id.to_string());
                    }
                    qb.push(")");
                    qb.build().execute(&mut **tx).await?;
                }
                for chunk in rows.chunks(1000) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                        "INSERT INTO {table} ({owner}, {}) ",
                        columns.join(", ")
                    ));
                    qb.push_values(chunk, |b, r| push(b, r));
                    qb.push(" ON CONFLICT DO NOTHING");
                    qb.build().execute(&mut **tx).await?;
                }
                Ok(())
            }
        }

        #[async_trait]
        impl SystemStore for $store {
            fn backend(&self) -> Backend {
                $backend
            }

            async fn migrate(&self) -> StoreResult<()> {
                sqlx::migrate!($migrations).run(&self.pool).await?;
                Ok(())
            }

            async fn ping(&self) -> StoreResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn is_empty(&self) -> StoreResult<bool> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organizations")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n == 0)
            }

            async fn server_secret(&self, name: &str, candidate: &str) -> StoreResult<String> {
                sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(name)
                    .bind(candidate)
                    .execute(&self.pool)
                    .await?;
                Ok(
                    sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
                        .bind(name)
                        .fetch_one(&self.pool)
                        .await?,
                )
            }
        }
    };
}

sql_store!(
    SqliteStore,
    sqlx::Sqlite,
    Backend::Sqlite,
    "migrations/sqlite"
);
sql_store!(
    PostgresStore,
    sqlx::Postgres,
    Backend::Postgres,
    "migrations/postgres"
);
