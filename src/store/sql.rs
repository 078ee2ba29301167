//! The SQL behind `Store`, written once and expanded for SQLite and PostgreSQL.
//! Only connecting differs between the engines; the queries use portable SQL with `$n`
//! placeholders and `ON CONFLICT … DO UPDATE` upserts, which both accept.

use super::{
    service_at_location_id, Backend, DirectoryBatch, MunicipalityCount, OpportunityFilter,
    OrganizationFilter, Page, PageRequest, RecordRef, ServiceAtLocationRef, ServiceFilter, Store,
    StoreError, StoreResult, TermRef, TextMatches,
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
    const SEARCH_BODY: super::search::BodySource = super::search::SQLITE_BODY;

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
    const SEARCH_BODY: super::search::BodySource = super::search::POSTGRES_BODY;

    pub async fn connect(url: &str) -> StoreResult<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(Self { pool })
    }
}

/// PostgreSQL keeps microseconds; both engines store the same instant.
fn micros(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(t.nanosecond() / 1000 * 1000)
        .unwrap_or(t)
}

pub(super) fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

pub(super) fn from_json<T: DeserializeOwned>(s: &str) -> StoreResult<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn from_json_opt<T: DeserializeOwned>(s: Option<String>) -> StoreResult<Option<T>> {
    s.map(|s| from_json(&s)).transpose()
}

pub(super) fn parse_id<T>(s: &str, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(s).ok_or_else(|| StoreError::Corrupt(format!("bad id {s}")))
}

pub(super) fn parse_enum<T>(s: &str, parse: fn(&str) -> Option<T>) -> StoreResult<T> {
    parse(s).ok_or_else(|| StoreError::Corrupt(format!("bad value {s}")))
}

/// Splits `(record id, taxonomy, term)` rows into target groups and topics per record.
type Terms = HashMap<String, (Vec<String>, Vec<String>)>;

fn group_terms(rows: Vec<(String, String, String)>) -> Terms {
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

fn sal_from(
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

fn like_pattern(q: &str) -> String {
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
            fn organization_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Organization> {
                Ok(Organization {
                    id: parse_id(&r.try_get::<String, _>("id")?, OrganizationId::parse)?,
                    name: r.try_get("name")?,
                    legal_form: parse_enum(&r.try_get::<String, _>("legal_form")?, LegalForm::parse)?,
                    business_id: r
                        .try_get::<Option<String>, _>("business_id")?
                        .map(|b| BusinessId::parse(&b).map_err(|e| StoreError::Corrupt(e.to_string())))
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
            async fn after_erasure(&self) -> StoreResult<()> {
                if $backend == Backend::Sqlite {
                    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                        .execute(&self.pool)
                        .await?;
                }
                Ok(())
            }

            /// Ends every session of an account inside a transaction that changes how it signs in.
            async fn delete_sessions(tx: &mut sqlx::Transaction<'_, $db>, user: crate::domain::UserId) -> StoreResult<()> {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            pub(super) async fn insert_mail(tx: &mut sqlx::Transaction<'_, $db>, m: &crate::domain::mail::OutgoingMail) -> StoreResult<()> {
                sqlx::query("INSERT INTO outbox (id, to_address, subject, body, created_at, attempts, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0, $5)")
                    .bind(&m.id)
                    .bind(&m.to)
                    .bind(&m.subject)
                    .bind(&m.body)
                    .bind(m.created_at)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            fn error_report_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<crate::domain::manage::ErrorReport> {
                Ok(crate::domain::manage::ErrorReport {
                    id: r.try_get("id")?,
                    organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
                    record_kind: parse_enum(&r.try_get::<String, _>("record_kind")?, RecordKind::parse)?,
                    record_id: r.try_get("record_id")?,
                    message: r.try_get("message")?,
                    contact_email: r.try_get("contact_email")?,
                    created_at: r.try_get("created_at")?,
                })
            }

            fn user_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<crate::domain::accounts::User> {
                use crate::domain::accounts::{Email, Role, User};
                Ok(User {
                    id: parse_id(&r.try_get::<String, _>("id")?, UserId::parse)?,
                    email: Email::parse(&r.try_get::<String, _>("email")?).map_err(|_| StoreError::Corrupt("bad e-mail address".into()))?,
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

            fn location_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Location> {
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

            fn contact_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Contact> {
                Ok(Contact {
                    id: parse_id(&r.try_get::<String, _>("id")?, ContactId::parse)?,
                    organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
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
            fn service_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Service> {
                Ok(Service {
                    id: parse_id(&r.try_get::<String, _>("id")?, ServiceId::parse)?,
                    organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
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
            fn opportunity_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Opportunity> {
                Ok(Opportunity {
                    id: parse_id(&r.try_get::<String, _>("id")?, OpportunityId::parse)?,
                    organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
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
                    status: parse_enum(&r.try_get::<String, _>("status")?, OpportunityStatus::parse)?,
                    last_verified_at: r.try_get("last_verified_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            }

            /// Rows of `(owner id, taxonomy, term)` from a terms table for the given owners.
            async fn terms_of(
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
                Ok(qb.build_query_as::<(String, String, String)>().fetch_all(&self.pool).await?)
            }

            async fn complete_services(&self, mut services: Vec<Service>) -> StoreResult<Vec<Service>> {
                let ids: Vec<String> = services.iter().map(|s| s.id.to_string()).collect();
                let mut terms = group_terms(self.terms_of("service_terms", "service_id", &ids).await?);
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

            async fn complete_opportunities(&self, mut opps: Vec<Opportunity>) -> StoreResult<Vec<Opportunity>> {
                let ids: Vec<String> = opps.iter().map(|s| s.id.to_string()).collect();
                let mut terms = group_terms(self.terms_of("opportunity_terms", "opportunity_id", &ids).await?);
                for o in &mut opps {
                    if let Some((groups, topics)) = terms.remove(&o.id.to_string()) {
                        o.target_groups = groups;
                        o.topics = topics;
                    }
                }
                Ok(opps)
            }

            fn push_organization_filter(qb: &mut sqlx::QueryBuilder<'_, $db>, f: &OrganizationFilter) {
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

            fn push_service_filter(qb: &mut sqlx::QueryBuilder<'_, $db>, f: &ServiceFilter) {
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
                Self::push_common_filter(qb, "services", "service_terms", "service_id", "name", &f.term, f.taxonomy, &f.text, f.modified_after);
            }

            fn push_opportunity_filter(qb: &mut sqlx::QueryBuilder<'_, $db>, f: &OpportunityFilter) {
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
                Self::push_common_filter(qb, "opportunities", "opportunity_terms", "opportunity_id", "title", &f.term, f.taxonomy, &f.text, f.modified_after);
            }

            /// Term, taxonomy, text and modification filters shared by services and opportunities.
            #[allow(clippy::too_many_arguments)]
            fn push_common_filter(
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
            async fn rows_in(
                &self,
                table: &str,
                column: &str,
                ids: Vec<String>,
            ) -> StoreResult<Vec<<$db as sqlx::Database>::Row>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!("SELECT * FROM {table} WHERE {column} IN ("));
                let mut sep = qb.separated(", ");
                for id in ids {
                    sep.push_bind(id);
                }
                qb.push(format!(") ORDER BY {column}, id"));
                Ok(qb.build().fetch_all(&self.pool).await?)
            }

            async fn count(&self, mut qb: sqlx::QueryBuilder<'_, $db>) -> StoreResult<u64> {
                let n: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
                Ok(u64::try_from(n).unwrap_or(0))
            }

            /// Replaces the target-group and topic terms of these records: one delete and one
            /// multi-row insert per chunk, not a statement per term.
            async fn save_terms(
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
                            .map(move |(pos, (taxonomy, term))| (id.clone(), taxonomy, term.clone(), pos as i32))
                    })
                    .collect();
                let ids: Vec<&str> = items.iter().map(|(id, _, _)| id.as_str()).collect();
                Self::replace_rows(tx, table, owner, &ids, &["taxonomy", "term", "position"], &rows, |mut b, r| {
                    b.push_bind(r.0.clone()).push_bind(r.1).push_bind(r.2.clone()).push_bind(r.3);
                })
                .await
            }

            /// Deletes the rows of `table` owned by `ids` and inserts `rows` (owner first, then
            /// `columns`), in chunks that stay under both engines' limit of bound values.
            async fn replace_rows<R>(
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
                    let mut qb = sqlx::QueryBuilder::<$db>::new(format!("DELETE FROM {table} WHERE {owner} IN ("));
                    let mut list = qb.separated(", ");
                    for id in chunk {
                        list.push_bind(id.to_string());
                    }
                    qb.push(")");
                    qb.build().execute(&mut **tx).await?;
                }
                for chunk in rows.chunks(1000) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(format!("INSERT INTO {table} ({owner}, {}) ", columns.join(", ")));
                    qb.push_values(chunk, |b, r| push(b, r));
                    qb.push(" ON CONFLICT DO NOTHING");
                    qb.build().execute(&mut **tx).await?;
                }
                Ok(())
            }
        }

        #[async_trait]
        impl Store for $store {
            fn backend(&self) -> Backend {
                $backend
            }

            async fn migrate(&self) -> StoreResult<()> {
                sqlx::migrate!($migrations).run(&self.pool).await?;
                Ok(())
            }

            async fn search_document_count(&self) -> StoreResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM search_docs").fetch_one(&self.pool).await?)
            }

            async fn ping(&self) -> StoreResult<()> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn server_secret(&self, name: &str, candidate: &str) -> StoreResult<String> {
                sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
                    .bind(name)
                    .bind(candidate)
                    .execute(&self.pool)
                    .await?;
                Ok(sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
                    .bind(name)
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn is_empty(&self) -> StoreResult<bool> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organizations")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n == 0)
            }

            async fn write_batch(&self, b: &DirectoryBatch) -> StoreResult<()> {
                for o in &b.organizations {
                    o.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for s in &b.services {
                    s.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for o in &b.opportunities {
                    o.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for l in &b.locations {
                    l.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for c in &b.contacts {
                    c.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                let now = OffsetDateTime::now_utc();
                let mut tx = self.pool.begin().await?;
                for o in &b.organizations {
                    sqlx::query(
                        "INSERT INTO organizations (id, name, legal_form, business_id, description, website, email, phones, areas_served, networks, verified, last_verified_at, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                         ON CONFLICT (id) DO UPDATE SET name = excluded.name, legal_form = excluded.legal_form,
                           business_id = excluded.business_id, description = excluded.description, website = excluded.website,
                           email = excluded.email, phones = excluded.phones, areas_served = excluded.areas_served,
                           networks = excluded.networks, verified = excluded.verified,
                           last_verified_at = excluded.last_verified_at, updated_at = excluded.updated_at",
                    )
                    .bind(o.id.to_string())
                    .bind(&o.name)
                    .bind(o.legal_form.as_str())
                    .bind(o.business_id.as_ref().map(|b| b.to_string()))
                    .bind(to_json(&o.description))
                    .bind(&o.website)
                    .bind(&o.email)
                    .bind(to_json(&o.phones))
                    .bind(to_json(&o.areas_served))
                    .bind(to_json(&o.networks))
                    .bind(o.verified)
                    .bind(micros(o.last_verified_at))
                    .bind(micros(now))
                    .bind(micros(o.updated_at))
                    .execute(&mut *tx)
                    .await?;
                }
                for l in &b.locations {
                    sqlx::query(
                        "INSERT INTO locations (id, organization_id, name, street, postal_code, municipality_code, latitude, longitude, accessibility, country, city)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, name = excluded.name,
                           street = excluded.street, postal_code = excluded.postal_code,
                           municipality_code = excluded.municipality_code, latitude = excluded.latitude,
                           longitude = excluded.longitude, accessibility = excluded.accessibility,
                           country = excluded.country, city = excluded.city",
                    )
                    .bind(l.id.to_string())
                    .bind(l.organization_id.map(|o| o.to_string()))
                    .bind(to_json(&l.name))
                    .bind(&l.street)
                    .bind(&l.postal_code)
                    .bind(&l.municipality_code)
                    .bind(l.latitude)
                    .bind(l.longitude)
                    .bind(l.accessibility.as_ref().map(to_json))
                    .bind(&l.country)
                    .bind(&l.city)
                    .execute(&mut *tx)
                    .await?;
                }
                for s in &b.services {
                    let id = s.id.to_string();
                    sqlx::query(
                        "INSERT INTO services (id, organization_id, name, description, kind, languages, free, cost, eligibility, min_age, max_age, low_threshold, schedule, how_to_get_there, funding, last_verified_at, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, name = excluded.name,
                           description = excluded.description, kind = excluded.kind, languages = excluded.languages,
                           free = excluded.free, cost = excluded.cost, eligibility = excluded.eligibility,
                           min_age = excluded.min_age, max_age = excluded.max_age, low_threshold = excluded.low_threshold,
                           schedule = excluded.schedule, how_to_get_there = excluded.how_to_get_there,
                           funding = excluded.funding, last_verified_at = excluded.last_verified_at,
                           updated_at = excluded.updated_at",
                    )
                    .bind(&id)
                    .bind(s.organization_id.to_string())
                    .bind(to_json(&s.name))
                    .bind(to_json(&s.description))
                    .bind(s.kind.as_str())
                    .bind(to_json(&s.languages))
                    .bind(s.free)
                    .bind(s.cost.as_ref().map(to_json))
                    .bind(s.eligibility.as_ref().map(to_json))
                    .bind(s.min_age)
                    .bind(s.max_age)
                    .bind(s.low_threshold)
                    .bind(s.schedule.as_ref().map(to_json))
                    .bind(s.how_to_get_there.as_ref().map(to_json))
                    .bind(to_json(&s.funding))
                    .bind(micros(s.last_verified_at))
                    .bind(micros(now))
                    .bind(micros(s.updated_at))
                    .execute(&mut *tx)
                    .await?;
                }
                let terms: Vec<(String, &[String], &[String])> = b
                    .services
                    .iter()
                    .map(|s| (s.id.to_string(), s.target_groups.as_slice(), s.topics.as_slice()))
                    .collect();
                Self::save_terms(&mut tx, "service_terms", "service_id", &terms).await?;
                let places: Vec<(String, String, i32, String)> = b
                    .services
                    .iter()
                    .flat_map(|s| {
                        let id = s.id.to_string();
                        s.location_ids.iter().enumerate().map(move |(pos, l)| {
                            (id.clone(), l.to_string(), pos as i32, service_at_location_id(&id, *l))
                        })
                    })
                    .collect();
                let ids: Vec<&str> = terms.iter().map(|(id, _, _)| id.as_str()).collect();
                Self::replace_rows(&mut tx, "service_locations", "service_id", &ids, &["location_id", "position", "id"], &places, |mut b, r| {
                    b.push_bind(r.0.clone()).push_bind(r.1.clone()).push_bind(r.2).push_bind(r.3.clone());
                })
                .await?;
                for c in &b.contacts {
                    sqlx::query(
                        "INSERT INTO contacts (id, organization_id, service_id, title, name, email, phone)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,
                           service_id = excluded.service_id, title = excluded.title, name = excluded.name,
                           email = excluded.email, phone = excluded.phone",
                    )
                    .bind(c.id.to_string())
                    .bind(c.organization_id.to_string())
                    .bind(c.service_id.map(|s| s.to_string()))
                    .bind(to_json(&c.title))
                    .bind(&c.name)
                    .bind(&c.email)
                    .bind(&c.phone)
                    .execute(&mut *tx)
                    .await?;
                }
                for o in &b.opportunities {
                    let id = o.id.to_string();
                    sqlx::query(
                        "INSERT INTO opportunities (id, organization_id, service_id, location_id, kind, title, description, requirements, how_to_apply, places_total, places_free, hours_per_week, part_time, starts_on, apply_by, status, last_verified_at, created_at, updated_at, location_link_id)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,
                           service_id = excluded.service_id, location_id = excluded.location_id, kind = excluded.kind,
                           title = excluded.title, description = excluded.description,
                           requirements = excluded.requirements, how_to_apply = excluded.how_to_apply,
                           places_total = excluded.places_total, places_free = excluded.places_free,
                           hours_per_week = excluded.hours_per_week, part_time = excluded.part_time,
                           starts_on = excluded.starts_on, apply_by = excluded.apply_by, status = excluded.status,
                           last_verified_at = excluded.last_verified_at, updated_at = excluded.updated_at,
                           location_link_id = excluded.location_link_id",
                    )
                    .bind(&id)
                    .bind(o.organization_id.to_string())
                    .bind(o.service_id.map(|s| s.to_string()))
                    .bind(o.location_id.map(|s| s.to_string()))
                    .bind(o.kind.as_str())
                    .bind(to_json(&o.title))
                    .bind(to_json(&o.description))
                    .bind(o.requirements.as_ref().map(to_json))
                    .bind(to_json(&o.how_to_apply))
                    .bind(o.places_total)
                    .bind(o.places_free)
                    .bind(o.hours_per_week)
                    .bind(o.part_time)
                    .bind(o.starts_on)
                    .bind(o.apply_by)
                    .bind(o.status.as_str())
                    .bind(micros(o.last_verified_at))
                    .bind(micros(o.updated_at))
                    .bind(micros(o.updated_at))
                    .bind(o.location_id.map(|l| service_at_location_id(&id, l)))
                    .execute(&mut *tx)
                    .await?;
                }
                let terms: Vec<(String, &[String], &[String])> = b
                    .opportunities
                    .iter()
                    .map(|o| (o.id.to_string(), o.target_groups.as_slice(), o.topics.as_slice()))
                    .collect();
                Self::save_terms(&mut tx, "opportunity_terms", "opportunity_id", &terms).await?;
                for src in &b.hsds_sources {
                    sqlx::query(
                        "INSERT INTO hsds_sources (kind, id, document) VALUES ($1, $2, $3)
                         ON CONFLICT (kind, id) DO UPDATE SET document = excluded.document",
                    )
                    .bind(src.kind)
                    .bind(&src.id)
                    .bind(src.document.to_string())
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn hsds_sources(
                &self,
                kind: &str,
                ids: &[String],
            ) -> StoreResult<std::collections::HashMap<String, serde_json::Value>> {
                let mut out = std::collections::HashMap::new();
                for chunk in ids.chunks(1000) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT id, document FROM hsds_sources WHERE kind = ");
                    qb.push_bind(kind.to_string()).push(" AND id IN (");
                    let mut sep = qb.separated(", ");
                    for id in chunk {
                        sep.push_bind(id.clone());
                    }
                    qb.push(")");
                    for r in qb.build().fetch_all(&self.pool).await? {
                        let doc: String = r.try_get("document")?;
                        out.insert(r.try_get("id")?, from_json(&doc)?);
                    }
                }
                Ok(out)
            }

            async fn organization(&self, id: OrganizationId) -> StoreResult<Option<Organization>> {
                sqlx::query("SELECT * FROM organizations WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::organization_from(&r))
                    .transpose()
            }

            async fn organizations(&self, f: &OrganizationFilter, page: PageRequest) -> StoreResult<Page<Organization>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM organizations");
                Self::push_organization_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM organizations");
                Self::push_organization_filter(&mut qb, f);
                qb.push(if f.by_id { " ORDER BY id LIMIT " } else { " ORDER BY name, id LIMIT " })
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows.iter().map(Self::organization_from).collect::<StoreResult<_>>()?;
                Ok(Page { items, total, request: page })
            }

            async fn service(&self, id: ServiceId) -> StoreResult<Option<Service>> {
                let row = sqlx::query("SELECT * FROM services WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                match row {
                    Some(r) => Ok(self.complete_services(vec![Self::service_from(&r)?]).await?.pop()),
                    None => Ok(None),
                }
            }

            async fn services(&self, f: &ServiceFilter, page: PageRequest) -> StoreResult<Page<Service>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM services");
                Self::push_service_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM services");
                Self::push_service_filter(&mut qb, f);
                qb.push(" ORDER BY name, id LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows.iter().map(Self::service_from).collect::<StoreResult<Vec<_>>>()?;
                Ok(Page { items: self.complete_services(items).await?, total, request: page })
            }

            async fn opportunity(&self, id: OpportunityId) -> StoreResult<Option<Opportunity>> {
                let row = sqlx::query("SELECT * FROM opportunities WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                match row {
                    Some(r) => Ok(self.complete_opportunities(vec![Self::opportunity_from(&r)?]).await?.pop()),
                    None => Ok(None),
                }
            }

            async fn opportunities(&self, f: &OpportunityFilter, page: PageRequest) -> StoreResult<Page<Opportunity>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM opportunities");
                Self::push_opportunity_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM opportunities");
                Self::push_opportunity_filter(&mut qb, f);
                // Open places first, then the newest.
                // Open first (a place past its apply-by date is closed), then full, then closed.
                qb.push(" ORDER BY CASE WHEN status = 'open' AND (apply_by IS NULL OR apply_by >= ")
                    .push_bind(crate::domain::helsinki::today())
                    .push(") THEN 0 WHEN status = 'full' THEN 1 ELSE 2 END, created_at DESC, id LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows.iter().map(Self::opportunity_from).collect::<StoreResult<Vec<_>>>()?;
                Ok(Page { items: self.complete_opportunities(items).await?, total, request: page })
            }

            async fn location(&self, id: LocationId) -> StoreResult<Option<Location>> {
                sqlx::query("SELECT * FROM locations WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::location_from(&r))
                    .transpose()
            }

            async fn locations_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Location>> {
                sqlx::query("SELECT * FROM locations WHERE organization_id = $1 ORDER BY street, id")
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect()
            }

            async fn contacts_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Contact>> {
                sqlx::query("SELECT * FROM contacts WHERE organization_id = $1 ORDER BY id")
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::contact_from)
                    .collect()
            }

            async fn organizations_by_id(&self, ids: &[OrganizationId]) -> StoreResult<Vec<Organization>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("organizations", "id", ids).await?.iter().map(Self::organization_from).collect()
            }

            async fn locations_by_id(&self, ids: &[LocationId]) -> StoreResult<Vec<Location>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("locations", "id", ids).await?.iter().map(Self::location_from).collect()
            }

            async fn locations_without_organization(&self) -> StoreResult<Vec<Location>> {
                sqlx::query("SELECT * FROM locations WHERE organization_id IS NULL ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect()
            }

            async fn locations_of_organizations(&self, ids: &[OrganizationId]) -> StoreResult<Vec<Location>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("locations", "organization_id", ids).await?.iter().map(Self::location_from).collect()
            }

            async fn service_at_locations(
                &self,
                organization_id: Option<OrganizationId>,
                page: PageRequest,
            ) -> StoreResult<Page<ServiceAtLocationRef>> {
                let org = organization_id.map(|o| o.to_string());
                let pairs = "SELECT sl.id AS id, sl.service_id AS record_id, sl.location_id AS location_id, 0 AS is_opportunity, s.organization_id AS organization_id
                       FROM service_locations sl JOIN services s ON s.id = sl.service_id
                     UNION ALL
                     SELECT location_link_id, id, location_id, 1, organization_id FROM opportunities WHERE location_id IS NOT NULL";
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!("SELECT COUNT(*) FROM ({pairs}) p WHERE p.id IS NOT NULL"));
                if let Some(o) = &org {
                    qb.push(" AND p.organization_id = ").push_bind(o.clone());
                }
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT p.id, p.record_id, p.location_id, p.is_opportunity FROM ({pairs}) p WHERE p.id IS NOT NULL"
                ));
                if let Some(o) = &org {
                    qb.push(" AND p.organization_id = ").push_bind(o.clone());
                }
                qb.push(" ORDER BY p.id LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows: Vec<(String, String, String, i32)> = qb.build_query_as().fetch_all(&self.pool).await?;
                let items = rows.into_iter().map(sal_from).collect::<StoreResult<_>>()?;
                Ok(Page { items, total, request: page })
            }

            async fn service_at_location(&self, id: &str) -> StoreResult<Option<ServiceAtLocationRef>> {
                let row: Option<(String, String, String, i32)> = sqlx::query_as(
                    "SELECT id, service_id, location_id, 0 FROM service_locations WHERE id = $1
                     UNION ALL
                     SELECT location_link_id, id, location_id, 1 FROM opportunities WHERE location_link_id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
                row.map(sal_from).transpose()
            }

            async fn municipality_counts(&self) -> StoreResult<Vec<MunicipalityCount>> {
                let rows: Vec<(String, i64, i64)> = sqlx::query_as(
                    "SELECT m.municipality_code,
                       (SELECT COUNT(DISTINCT l.organization_id) FROM locations l WHERE l.municipality_code = m.municipality_code),
                       (SELECT COUNT(*) FROM opportunities o JOIN locations l ON l.id = o.location_id
                          WHERE l.municipality_code = m.municipality_code AND o.status = 'open' AND (o.apply_by IS NULL OR o.apply_by >= $1))
                     FROM (SELECT DISTINCT municipality_code FROM locations WHERE municipality_code IS NOT NULL) m
                     ORDER BY m.municipality_code",
                )
                .bind(crate::domain::helsinki::today())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(code, o, p)| MunicipalityCount {
                        code,
                        organizations: u64::try_from(o).unwrap_or(0),
                        opportunities: u64::try_from(p).unwrap_or(0),
                    })
                    .collect())
            }

            async fn services_by_id(&self, ids: &[ServiceId]) -> StoreResult<Vec<Service>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                let rows = self.rows_in("services", "id", ids).await?.iter().map(Self::service_from).collect::<StoreResult<Vec<_>>>()?;
                self.complete_services(rows).await
            }

            async fn opportunities_by_id(&self, ids: &[OpportunityId]) -> StoreResult<Vec<Opportunity>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                let rows = self.rows_in("opportunities", "id", ids).await?.iter().map(Self::opportunity_from).collect::<StoreResult<Vec<_>>>()?;
                self.complete_opportunities(rows).await
            }

            async fn organization_ids(&self) -> StoreResult<Vec<OrganizationId>> {
                let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM organizations ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?;
                ids.iter().map(|i| parse_id(i, OrganizationId::parse)).collect()
            }

            async fn records_of_organizations(&self, ids: &[OrganizationId]) -> StoreResult<crate::domain::search::OrgRecords> {
                let keys: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
                let organizations = self.rows_in("organizations", "id", keys.clone()).await?.iter().map(Self::organization_from).collect::<StoreResult<Vec<_>>>()?;
                let locations = self.rows_in("locations", "organization_id", keys.clone()).await?.iter().map(Self::location_from).collect::<StoreResult<Vec<_>>>()?;
                let services = self.rows_in("services", "organization_id", keys.clone()).await?.iter().map(Self::service_from).collect::<StoreResult<Vec<_>>>()?;
                let opportunities = self.rows_in("opportunities", "organization_id", keys).await?.iter().map(Self::opportunity_from).collect::<StoreResult<Vec<_>>>()?;
                let mut r = crate::domain::search::OrgRecords {
                    organizations,
                    locations,
                    services: self.complete_services(services).await?,
                    opportunities: self.complete_opportunities(opportunities).await?,
                };
                // Services and opportunities may be at locations of other organizations.
                let mut extra: Vec<LocationId> = r.services.iter().flat_map(|s| s.location_ids.iter().copied())
                    .chain(r.opportunities.iter().filter_map(|o| o.location_id))
                    .filter(|id| !r.locations.iter().any(|l| l.id == *id))
                    .collect();
                extra.sort_unstable();
                extra.dedup();
                if !extra.is_empty() {
                    r.locations.extend(self.locations_by_id(&extra).await?);
                }
                Ok(r)
            }

            async fn replace_search_documents(&self, organizations: &[OrganizationId], docs: &[crate::domain::search::SearchDoc]) -> StoreResult<()> {
                self.write_search_documents(organizations, docs).await
            }

            async fn optimize_search_index(&self) -> StoreResult<()> {
                self.compact_search_index().await
            }

            async fn create_user(&self, u: &crate::domain::accounts::User) -> StoreResult<bool> {
                let done = sqlx::query(
                    "INSERT INTO users (id, email, password_hash, role, organization_id, email_verified_at, disabled_at, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (email) DO NOTHING",
                )
                .bind(u.id.to_string())
                .bind(u.email.as_str())
                .bind(&u.password_hash)
                .bind(u.role.as_str())
                .bind(u.organization_id.map(|o| o.to_string()))
                .bind(u.email_verified_at.map(micros))
                .bind(u.disabled_at.map(micros))
                .bind(micros(u.created_at))
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn user_by_email(&self, email: &crate::domain::accounts::Email) -> StoreResult<Option<crate::domain::accounts::User>> {
                sqlx::query("SELECT * FROM users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::user_from(&r))
                    .transpose()
            }

            async fn disable_user(&self, email: &crate::domain::accounts::Email) -> StoreResult<bool> {
                let now = micros(OffsetDateTime::now_utc());
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query(
                    "UPDATE users SET disabled_at = COALESCE(disabled_at, $1), updated_at = $1 WHERE email = $2",
                )
                .bind(now)
                .bind(email.as_str())
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE email = $1)")
                    .bind(email.as_str())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn create_session(&self, s: &crate::domain::accounts::Session) -> StoreResult<()> {
                sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, second_factor_pending) VALUES ($1, $2, $3, $4, $5)")
                    .bind(&s.token_hash)
                    .bind(s.user_id.to_string())
                    .bind(micros(s.created_at))
                    .bind(micros(s.last_seen_at))
                    .bind(s.second_factor_pending)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn session(
                &self,
                token_hash: &str,
            ) -> StoreResult<Option<(crate::domain::accounts::Session, crate::domain::accounts::User)>> {
                let Some(r) = sqlx::query(
                    "SELECT s.token_hash, s.created_at AS session_created_at, s.last_seen_at, s.second_factor_pending, u.*
                     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?
                else {
                    return Ok(None);
                };
                let user = Self::user_from(&r)?;
                let session = crate::domain::accounts::Session {
                    token_hash: r.try_get("token_hash")?,
                    user_id: user.id,
                    created_at: r.try_get("session_created_at")?,
                    last_seen_at: r.try_get("last_seen_at")?,
                    second_factor_pending: r.try_get("second_factor_pending")?,
                };
                Ok(Some((session, user)))
            }

            async fn touch_session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<()> {
                sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                    .bind(micros(now))
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn end_session(&self, token_hash: &str) -> StoreResult<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn end_sessions_of(&self, user: crate::domain::UserId) -> StoreResult<u64> {
                let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn set_password_hash(&self, id: crate::domain::UserId, hash: &str) -> StoreResult<()> {
                sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(hash)
                    .bind(micros(OffsetDateTime::now_utc()))
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn user_by_id(&self, id: crate::domain::UserId) -> StoreResult<Option<crate::domain::accounts::User>> {
                sqlx::query("SELECT * FROM users WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::user_from(&r))
                    .transpose()
            }

            async fn mark_email_verified(&self, id: crate::domain::UserId, at: OffsetDateTime) -> StoreResult<()> {
                sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1), updated_at = $1 WHERE id = $2")
                    .bind(micros(at))
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn delete_user(&self, id: crate::domain::UserId) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let email: Option<String> = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(email) = &email {
                    // Everything else that names the address: messages to it (sent ones hold
                    // links), error reports' contact, invitations.
                    sqlx::query("DELETE FROM outbox WHERE to_address = $1")
                        .bind(email)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE error_reports SET contact_email = NULL WHERE contact_email = $1")
                        .bind(email)
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("DELETE FROM invites WHERE email = $1")
                        .bind(email)
                        .execute(&mut *tx)
                        .await?;
                }
                // The contact person the registrant named is theirs to take along.
                sqlx::query("UPDATE organization_registrations SET contact_name = '' WHERE user_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                // What the person wrote in threads goes with them; the organization keeps its
                // own messages and the thread's status.
                sqlx::query("DELETE FROM messages WHERE from_person = TRUE AND thread_id IN (SELECT id FROM threads WHERE person_id = $1)")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::delete_sessions(&mut tx, id).await?;
                // Threads stay with the organizations as "deleted user": the copy of the
                // profile the person shared goes with them (the messages lose their author
                // by the foreign key), and every node's talent index drops the profile.
                sqlx::query("UPDATE threads SET shared_profile = NULL WHERE person_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("INSERT INTO profile_removals (user_id, removed_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET removed_at = excluded.removed_at")
                    .bind(id.to_string())
                    .bind(crate::domain::unix_micros(time::OffsetDateTime::now_utc()))
                    .execute(&mut *tx)
                    .await?;
                let done = sqlx::query("DELETE FROM users WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                self.after_erasure().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn record_login_failure(&self, keys: &[String], at: i64) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                for key in keys {
                    sqlx::query("INSERT INTO login_failures (key, at) VALUES ($1, $2)")
                        .bind(key)
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query("DELETE FROM login_failures WHERE at < $1")
                    .bind(at - 3_600_000_000)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn login_failures(&self, key: &str, since: i64) -> StoreResult<(u64, Option<i64>)> {
                let r = sqlx::query("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures WHERE key = $1 AND at > $2")
                    .bind(key)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await?;
                let n: i64 = r.try_get("n")?;
                Ok((n as u64, r.try_get("oldest")?))
            }

            async fn issue_account_token(&self, t: &crate::domain::mail::AccountToken, m: &crate::domain::mail::OutgoingMail) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&t.token_hash)
                    .bind(t.user_id.to_string())
                    .bind(t.purpose)
                    .bind(&t.new_email)
                    .bind(t.created_at)
                    .bind(t.expires_at)
                    .execute(&mut *tx)
                    .await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn use_account_token(&self, token_hash: &str, purpose: &str, now: i64) -> StoreResult<Option<(crate::domain::UserId, Option<String>)>> {
                let mut tx = self.pool.begin().await?;
                let Some(r) = sqlx::query(
                    "UPDATE account_tokens SET used_at = $1
                     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
                     RETURNING user_id, new_email",
                )
                .bind(now)
                .bind(token_hash)
                .bind(purpose)
                .fetch_optional(&mut *tx)
                .await?
                else {
                    return Ok(None);
                };
                let user: String = r.try_get("user_id")?;
                let new_email = r.try_get("new_email")?;
                // A link used ends the others: an older reset link cannot undo a newer one.
                sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                    .bind(now)
                    .bind(&user)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(Some((parse_id(&user, crate::domain::UserId::parse)?, new_email)))
            }

            async fn end_account_tokens(&self, user: crate::domain::UserId, now: i64) -> StoreResult<u64> {
                let done = sqlx::query("UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
                    .bind(now)
                    .bind(user.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn peek_account_token(&self, token_hash: &str, purpose: &str, now: i64) -> StoreResult<Option<crate::domain::UserId>> {
                sqlx::query_scalar::<_, String>(
                    "SELECT user_id FROM account_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
                )
                .bind(token_hash)
                .bind(purpose)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?
                .map(|id| parse_id(&id, crate::domain::UserId::parse))
                .transpose()
            }

            async fn enqueue_mail(&self, m: &crate::domain::mail::OutgoingMail) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn lease_mail(&self, node: &str, now: i64, lease_until: i64, limit: i64) -> StoreResult<Vec<crate::domain::mail::OutgoingMail>> {
                // The outer conditions are checked again on each row as it is locked, so of two
                // nodes racing for a message only one gets it.
                let rows = sqlx::query(
                    "UPDATE outbox SET lease_until = $1, leased_by = $2
                     WHERE id IN (SELECT id FROM outbox
                                  WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
                                    AND (lease_until IS NULL OR lease_until < $3)
                                  ORDER BY next_attempt_at LIMIT $4)
                       AND sent_at IS NULL AND failed_at IS NULL AND (lease_until IS NULL OR lease_until < $3)
                     RETURNING id, to_address, subject, body, created_at, attempts",
                )
                .bind(lease_until)
                .bind(node)
                .bind(now)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(crate::domain::mail::OutgoingMail {
                            id: r.try_get("id")?,
                            to: r.try_get("to_address")?,
                            subject: r.try_get("subject")?,
                            body: r.try_get("body")?,
                            created_at: r.try_get("created_at")?,
                            attempts: i64::from(r.try_get::<i32, _>("attempts")?),
                        })
                    })
                    .collect()
            }

            async fn mail_sent(&self, id: &str, node: &str, now: i64) -> StoreResult<()> {
                // Sent: the status stays, the address and the words (links among them) go.
                sqlx::query("UPDATE outbox SET sent_at = $1, lease_until = NULL, attempts = attempts + 1, to_address = '', body = '' WHERE id = $2 AND leased_by = $3")
                    .bind(now)
                    .bind(id)
                    .bind(node)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn mail_failed(&self, id: &str, node: &str, error: &str, retry_at: Option<i64>, now: i64) -> StoreResult<()> {
                sqlx::query(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $1, lease_until = NULL,
                        next_attempt_at = COALESCE($2, next_attempt_at),
                        failed_at = CASE WHEN $2 IS NULL THEN $3 ELSE NULL END
                     WHERE id = $4 AND leased_by = $5",
                )
                .bind(error)
                .bind(retry_at)
                .bind(now)
                .bind(id)
                .bind(node)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn purge_sent_mail(&self, before: i64) -> StoreResult<u64> {
                let done = sqlx::query("DELETE FROM outbox WHERE sent_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn organizations_by_business_id(&self, id: &crate::domain::BusinessId) -> StoreResult<Vec<Organization>> {
                let rows = sqlx::query("SELECT * FROM organizations WHERE business_id = $1")
                    .bind(id.as_str())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::organization_from).collect()
            }

            async fn organizations_named_like(&self, word: &str, limit: i64) -> StoreResult<Vec<(OrganizationId, String)>> {
                let pattern = format!("%{}%", word.replace('\\', "").replace('%', "").replace('_', ""));
                let rows = sqlx::query("SELECT id, name FROM organizations WHERE LOWER(name) LIKE $1 ORDER BY name LIMIT $2")
                    .bind(pattern)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| Ok((parse_id(&r.try_get::<String, _>("id")?, OrganizationId::parse)?, r.try_get("name")?)))
                    .collect()
            }

            async fn create_registration(&self, g: &crate::domain::manage::Registration) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO organization_registrations (organization_id, user_id, contact_name, municipality_code, created_at)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(g.organization_id.to_string())
                .bind(g.user_id.map(|u| u.to_string()))
                .bind(&g.contact_name)
                .bind(&g.municipality_code)
                .bind(g.created_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn pending_registrations(&self) -> StoreResult<Vec<crate::domain::manage::Registration>> {
                let rows = sqlx::query(
                    "SELECT g.*, o.name AS organization_name, o.business_id, u.email AS user_email
                     FROM organization_registrations g JOIN organizations o ON o.id = g.organization_id
                     LEFT JOIN users u ON u.id = g.user_id
                     WHERE g.verified_at IS NULL ORDER BY g.created_at LIMIT 500",
                )
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(crate::domain::manage::Registration {
                            organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
                            organization_name: r.try_get("organization_name")?,
                            business_id: r.try_get("business_id")?,
                            user_id: r
                                .try_get::<Option<String>, _>("user_id")?
                                .map(|u| parse_id(&u, crate::domain::UserId::parse))
                                .transpose()?,
                            user_email: r.try_get("user_email")?,
                            contact_name: r.try_get("contact_name")?,
                            municipality_code: r.try_get("municipality_code")?,
                            created_at: r.try_get("created_at")?,
                        })
                    })
                    .collect()
            }

            async fn verify_organization(&self, id: OrganizationId, by: crate::domain::UserId, at: i64) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("UPDATE organizations SET verified = $1 WHERE id = $2")
                    .bind(true)
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE organization_registrations SET verified_at = $1, verified_by = $2 WHERE organization_id = $3 AND verified_at IS NULL")
                    .bind(at)
                    .bind(by.to_string())
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_user_organization(&self, user: crate::domain::UserId, organization: OrganizationId, role: crate::domain::accounts::Role) -> StoreResult<()> {
                sqlx::query("UPDATE users SET organization_id = $1, role = $2, updated_at = $3 WHERE id = $4")
                    .bind(organization.to_string())
                    .bind(role.as_str())
                    .bind(micros(OffsetDateTime::now_utc()))
                    .bind(user.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn add_history(&self, e: &crate::domain::manage::HistoryEntry) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO record_history (id, organization_id, record_kind, record_id, user_id, at, changes)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&e.id)
                .bind(e.organization_id.to_string())
                .bind(e.record_kind.as_str())
                .bind(&e.record_id)
                .bind(e.user_id.map(|u| u.to_string()))
                .bind(e.at)
                .bind(to_json(&e.changes))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn history_of_organization(&self, id: OrganizationId, limit: i64) -> StoreResult<Vec<crate::domain::manage::HistoryEntry>> {
                let rows = sqlx::query(
                    "SELECT h.*, u.email AS user_email FROM record_history h LEFT JOIN users u ON u.id = h.user_id
                     WHERE h.organization_id = $1 ORDER BY h.at DESC LIMIT $2",
                )
                .bind(id.to_string())
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(crate::domain::manage::HistoryEntry {
                            id: r.try_get("id")?,
                            organization_id: id,
                            record_kind: parse_enum(&r.try_get::<String, _>("record_kind")?, RecordKind::parse)?,
                            record_id: r.try_get("record_id")?,
                            user_id: r
                                .try_get::<Option<String>, _>("user_id")?
                                .map(|u| parse_id(&u, crate::domain::UserId::parse))
                                .transpose()?,
                            user_email: r.try_get("user_email")?,
                            at: r.try_get("at")?,
                            changes: from_json(&r.try_get::<String, _>("changes")?)?,
                        })
                    })
                    .collect()
            }

            async fn second_factor(&self, user: crate::domain::UserId) -> StoreResult<Option<crate::domain::accounts::SecondFactor>> {
                let Some(r) = sqlx::query("SELECT secret, confirmed_at, last_step FROM second_factors WHERE user_id = $1")
                    .bind(user.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                Ok(Some(crate::domain::accounts::SecondFactor {
                    secret: r.try_get("secret")?,
                    confirmed_at: r.try_get("confirmed_at")?,
                    last_step: r.try_get("last_step")?,
                }))
            }

            async fn set_unconfirmed_second_factor(&self, user: crate::domain::UserId, secret: &str) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO second_factors (user_id, secret) VALUES ($1, $2)
                     ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret WHERE second_factors.confirmed_at IS NULL",
                )
                .bind(user.to_string())
                .bind(secret)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn use_second_factor_step(&self, user: crate::domain::UserId, step: i64, now: i64) -> StoreResult<bool> {
                let done = sqlx::query(
                    "UPDATE second_factors SET last_step = $1, confirmed_at = COALESCE(confirmed_at, $2)
                     WHERE user_id = $3 AND last_step < $1",
                )
                .bind(step)
                .bind(now)
                .bind(user.to_string())
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn replace_recovery_codes(&self, user: crate::domain::UserId, hashes: &[String]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                for h in hashes {
                    sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                        .bind(user.to_string())
                        .bind(h)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn use_recovery_code(&self, user: crate::domain::UserId, hash: &str, now: i64) -> StoreResult<bool> {
                let done = sqlx::query(
                    "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
                )
                .bind(now)
                .bind(user.to_string())
                .bind(hash)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn recovery_codes_left(&self, user: crate::domain::UserId) -> StoreResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
                    .bind(user.to_string())
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn add_error_report(&self, e: &crate::domain::manage::ErrorReport) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO error_reports (id, organization_id, record_kind, record_id, message, contact_email, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&e.id)
                .bind(e.organization_id.to_string())
                .bind(e.record_kind.as_str())
                .bind(&e.record_id)
                .bind(&e.message)
                .bind(&e.contact_email)
                .bind(e.created_at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn open_error_reports(&self, organization: Option<OrganizationId>) -> StoreResult<Vec<crate::domain::manage::ErrorReport>> {
                let rows = match organization {
                    Some(o) => sqlx::query("SELECT * FROM error_reports WHERE resolved_at IS NULL AND organization_id = $1 ORDER BY created_at LIMIT 500")
                        .bind(o.to_string())
                        .fetch_all(&self.pool)
                        .await?,
                    None => sqlx::query("SELECT * FROM error_reports WHERE resolved_at IS NULL ORDER BY created_at LIMIT 500")
                        .fetch_all(&self.pool)
                        .await?,
                };
                rows.iter().map(Self::error_report_from).collect()
            }

            async fn error_report(&self, id: &str) -> StoreResult<Option<crate::domain::manage::ErrorReport>> {
                sqlx::query("SELECT * FROM error_reports WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::error_report_from(&r))
                    .transpose()
            }

            async fn resolve_error_report(&self, id: &str, by: crate::domain::UserId, at: i64) -> StoreResult<bool> {
                let done = sqlx::query(
                    "UPDATE error_reports SET resolved_at = $1, resolved_by = $2, contact_email = NULL WHERE id = $3 AND resolved_at IS NULL",
                )
                .bind(at)
                .bind(by.to_string())
                .bind(id)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn create_invite(&self, i: &crate::domain::manage::Invite, m: &crate::domain::mail::OutgoingMail) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "INSERT INTO invites (token_hash, organization_id, email, invited_by, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&i.token_hash)
                .bind(i.organization_id.to_string())
                .bind(&i.email)
                .bind(i.invited_by.map(|u| u.to_string()))
                .bind(i.created_at)
                .bind(i.expires_at)
                .execute(&mut *tx)
                .await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn invite(&self, token_hash: &str, now: i64) -> StoreResult<Option<crate::domain::manage::Invite>> {
                let Some(r) = sqlx::query("SELECT * FROM invites WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2")
                    .bind(token_hash)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                Ok(Some(crate::domain::manage::Invite {
                    token_hash: r.try_get("token_hash")?,
                    organization_id: parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
                    email: r.try_get("email")?,
                    invited_by: r
                        .try_get::<Option<String>, _>("invited_by")?
                        .map(|u| parse_id(&u, crate::domain::UserId::parse))
                        .transpose()?,
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                }))
            }

            async fn accept_invite(&self, token_hash: &str, user: crate::domain::UserId, now: i64) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let Some(org) = sqlx::query_scalar::<_, String>(
                    "UPDATE invites SET accepted_at = $1 WHERE token_hash = $2 AND accepted_at IS NULL AND expires_at > $1 RETURNING organization_id",
                )
                .bind(now)
                .bind(token_hash)
                .fetch_optional(&mut *tx)
                .await?
                else {
                    return Ok(false);
                };
                let done = sqlx::query(
                    "UPDATE users SET organization_id = $1, role = $2, updated_at = $3 WHERE id = $4 AND organization_id IS NULL AND role = $5",
                )
                .bind(&org)
                .bind(crate::domain::accounts::Role::OrganizationMember.as_str())
                .bind(micros(OffsetDateTime::now_utc()))
                .bind(user.to_string())
                .bind(crate::domain::accounts::Role::JobSeeker.as_str())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() != 1 {
                    return Ok(false);
                }
                tx.commit().await?;
                Ok(true)
            }

            async fn users_of_organization(&self, organization: OrganizationId) -> StoreResult<Vec<crate::domain::accounts::User>> {
                let rows = sqlx::query("SELECT * FROM users WHERE organization_id = $1 ORDER BY email")
                    .bind(organization.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::user_from).collect()
            }

            async fn remove_from_organization(&self, user: crate::domain::UserId, organization: OrganizationId) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query(
                    "UPDATE users SET organization_id = NULL, role = $1, updated_at = $2 WHERE id = $3 AND organization_id = $4",
                )
                .bind(crate::domain::accounts::Role::JobSeeker.as_str())
                .bind(micros(OffsetDateTime::now_utc()))
                .bind(user.to_string())
                .bind(organization.to_string())
                .execute(&mut *tx)
                .await?;
                Self::delete_sessions(&mut tx, user).await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn freshness_records(&self) -> StoreResult<Vec<(&'static str, String, OrganizationId, OffsetDateTime)>> {
                let mut out = Vec::new();
                for (kind, sql) in [
                    ("organization", "SELECT id, id AS organization_id, last_verified_at FROM organizations"),
                    ("service", "SELECT id, organization_id, last_verified_at FROM services"),
                    ("opportunity", "SELECT id, organization_id, last_verified_at FROM opportunities"),
                ] {
                    for r in sqlx::query(sql).fetch_all(&self.pool).await? {
                        out.push((
                            kind,
                            r.try_get::<String, _>("id")?,
                            parse_id(&r.try_get::<String, _>("organization_id")?, OrganizationId::parse)?,
                            r.try_get::<OffsetDateTime, _>("last_verified_at")?,
                        ));
                    }
                }
                Ok(out)
            }

            async fn freshness_reminders(&self) -> StoreResult<Vec<(String, i32, i64)>> {
                let rows = sqlx::query("SELECT record_id, stage, sent_at FROM freshness_reminders")
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| Ok((r.try_get("record_id")?, r.try_get::<i32, _>("stage")?, r.try_get("sent_at")?)))
                    .collect()
            }

            async fn claim_freshness_reminder(&self, record_id: &str, stage: i32, organization: OrganizationId, now: i64, after: i64) -> StoreResult<bool> {
                let done = sqlx::query(
                    "INSERT INTO freshness_reminders (record_id, stage, organization_id, sent_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (record_id, stage) DO UPDATE SET sent_at = excluded.sent_at
                     WHERE freshness_reminders.sent_at < $5",
                )
                .bind(record_id)
                .bind(stage)
                .bind(organization.to_string())
                .bind(now)
                .bind(after)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn change_email(&self, user: crate::domain::UserId, email: &crate::domain::accounts::Email) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let taken: Option<String> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
                if taken.is_some() {
                    return Ok(false);
                }
                // Reports the person sent with the old address as contact follow it, so
                // that deleting the account later finds them.
                sqlx::query("UPDATE error_reports SET contact_email = $1 WHERE contact_email = (SELECT email FROM users WHERE id = $2)")
                    .bind(email.as_str())
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                let now = micros(OffsetDateTime::now_utc());
                sqlx::query("UPDATE users SET email = $1, email_verified_at = $2, updated_at = $2 WHERE id = $3")
                    .bind(email.as_str())
                    .bind(now)
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::delete_sessions(&mut tx, user).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn sessions_of(&self, user: crate::domain::UserId) -> StoreResult<Vec<crate::domain::accounts::Session>> {
                let rows = sqlx::query(
                    "SELECT token_hash, created_at, last_seen_at, second_factor_pending FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 100",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok(crate::domain::accounts::Session {
                            token_hash: r.try_get("token_hash")?,
                            user_id: user,
                            created_at: r.try_get("created_at")?,
                            last_seen_at: r.try_get("last_seen_at")?,
                            second_factor_pending: r.try_get("second_factor_pending")?,
                        })
                    })
                    .collect()
            }

            async fn second_factor_secrets(&self) -> StoreResult<Vec<(crate::domain::UserId, String)>> {
                let rows: Vec<(String, String)> = sqlx::query_as("SELECT user_id, secret FROM second_factors ORDER BY user_id")
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(u, s)| Ok((parse_id(&u, crate::domain::UserId::parse)?, s)))
                    .collect()
            }

            async fn replace_second_factor_secret(&self, user: crate::domain::UserId, old: &str, new: &str) -> StoreResult<bool> {
                let done = sqlx::query("UPDATE second_factors SET secret = $1 WHERE user_id = $2 AND secret = $3")
                    .bind(new)
                    .bind(user.to_string())
                    .bind(old)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn reset_second_factor(&self, user: crate::domain::UserId) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("DELETE FROM second_factors WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?;
                Self::delete_sessions(&mut tx, user).await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn organizations_with_expired_open_places(&self, today: &str, open_token: &str) -> StoreResult<Vec<OrganizationId>> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT DISTINCT organization_id FROM search_docs WHERE doc_type = 'opportunity' AND apply_by IS NOT NULL AND apply_by <> '' AND apply_by < $1 AND (' ' || facets || ' ') LIKE $2",
                )
                .bind(today)
                .bind(format!("% {open_token} %"))
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.iter().filter_map(|(id,)| OrganizationId::parse(id)).collect())
            }

            async fn search_generation(&self) -> StoreResult<i64> {
                Ok(sqlx::query_scalar("SELECT generation FROM search_generation WHERE id = 1")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn search_words_since(&self, seq: i64) -> StoreResult<Vec<(i64, String)>> {
                Ok(sqlx::query_as("SELECT seq, word FROM search_words WHERE seq > $1 ORDER BY seq")
                    .bind(seq)
                    .fetch_all(&self.pool)
                    .await?)
            }

            async fn search_changes_since(&self, seq: i64) -> StoreResult<crate::domain::search::SearchChanges> {
                super::search::changes_since(&self.pool, seq).await
            }

            async fn stored_search_documents(&self, after: i64, limit: u32) -> StoreResult<Vec<(i64, crate::domain::search::StoredDoc)>> {
                super::search::stored_documents(&self.pool, &Self::SEARCH_BODY, after, limit, None).await
            }

            async fn stored_search_documents_of(&self, organizations: &[String]) -> StoreResult<Vec<crate::domain::search::StoredDoc>> {
                Ok(super::search::stored_documents(&self.pool, &Self::SEARCH_BODY, 0, 0, Some(organizations)).await?.into_iter().map(|(_, d)| d).collect())
            }

            async fn search_candidates(&self, query: &crate::domain::search::MatchQuery) -> StoreResult<Vec<crate::domain::search::Candidate>> {
                self.match_documents(query).await
            }

            async fn find_text(&self, q: &str, limit: u32) -> StoreResult<TextMatches> {
                let pat = like_pattern(q);
                let limit = i64::from(limit.clamp(1, 100));
                let orgs = sqlx::query("SELECT * FROM organizations WHERE LOWER(name) LIKE $1 ESCAPE '\\' OR LOWER(description) LIKE $1 ESCAPE '\\' ORDER BY name LIMIT $2")
                    .bind(&pat)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::organization_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let services = sqlx::query("SELECT * FROM services WHERE LOWER(name) LIKE $1 ESCAPE '\\' OR LOWER(description) LIKE $1 ESCAPE '\\' ORDER BY name LIMIT $2")
                    .bind(&pat)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::service_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let opps = sqlx::query("SELECT * FROM opportunities WHERE LOWER(title) LIKE $1 ESCAPE '\\' OR LOWER(description) LIKE $1 ESCAPE '\\' ORDER BY created_at DESC LIMIT $2")
                    .bind(&pat)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::opportunity_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                Ok(TextMatches {
                    organizations: orgs,
                    services: self.complete_services(services).await?,
                    opportunities: self.complete_opportunities(opps).await?,
                })
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
