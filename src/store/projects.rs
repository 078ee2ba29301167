//! The project register. The same SQL for both engines; lists and texts in several languages
//! are JSON, dates `YYYY-MM-DD` text (they compare in order).

use super::sql::{from_json, json_item, parse_id, to_json, PostgresStore, SqliteStore};
use super::{StoreError, StoreResult};
use crate::domain::projects::{Project, ProjectStatus};
use crate::domain::{from_micros, unix_micros, OrganizationId, ProjectId, UserId};
use async_trait::async_trait;
use sqlx::Row;
use time::Date;

/// Which projects a list shows.
#[derive(Debug, Clone, Default)]
pub struct ProjectQuery {
    /// A funder id of the taxonomy.
    pub funder: Option<String>,
    /// With the day it is measured on.
    pub status: Option<(ProjectStatus, Date)>,
    pub municipality: Option<String>,
    pub target_group: Option<String>,
    /// Led by this organization or with it as a partner.
    pub organization: Option<OrganizationId>,
    /// Run by one of these organizations (lead or partner).
    pub organizations: Vec<OrganizationId>,
    /// Only these projects (empty: no such limit).
    pub ids: Vec<ProjectId>,
    /// Only projects added in `[from, to)`.
    pub created_in: Option<(time::OffsetDateTime, time::OffsetDateTime)>,
    pub limit: u32,
    pub offset: u32,
}

#[async_trait]
pub trait ProjectStore: Send + Sync {
    /// Adds or changes projects, all or nothing (an import is one call).
    async fn save_projects(&self, projects: &[Project]) -> StoreResult<()>;
    async fn project(&self, id: ProjectId) -> StoreResult<Option<Project>>;
    /// Projects by their spreadsheet keys (what an import updates).
    async fn projects_by_key(&self, keys: &[String]) -> StoreResult<Vec<Project>>;
    /// The newest start first, then by name.
    async fn projects(&self, q: &ProjectQuery) -> StoreResult<Vec<Project>>;
    async fn count_projects(&self, q: &ProjectQuery) -> StoreResult<u64>;
    async fn delete_project(&self, id: ProjectId) -> StoreResult<bool>;
}

const PROJECT_COLS: &str = "id, source_key, name, lead_id, partners, funders, funder_note, budget_eur, starts_on, ends_on, target_groups, municipalities, aims, contact_role, results, created_by, created_at, updated_at";

fn date(s: &str) -> StoreResult<Date> {
    crate::domain::projects::parse_date(s)
        .ok_or_else(|| StoreError::Corrupt(format!("project date {s}")))
}

macro_rules! projects_store {
    ($store:ident, $db:ty) => {
        impl $store {
            fn project_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Project> {
                let text = |c: &str| -> StoreResult<String> { Ok(r.try_get::<String, _>(c)?) };
                Ok(Project {
                    id: parse_id(&text("id")?, ProjectId::parse)?,
                    key: r.try_get("source_key")?,
                    name: from_json(&text("name")?)?,
                    lead: parse_id(&text("lead_id")?, OrganizationId::parse)?,
                    partners: from_json(&text("partners")?)?,
                    funders: from_json(&text("funders")?)?,
                    funder_note: text("funder_note")?,
                    budget_eur: r.try_get::<Option<i64>, _>("budget_eur")?.map(|b| b.max(0) as u64),
                    starts_on: date(&text("starts_on")?)?,
                    ends_on: r.try_get::<Option<String>, _>("ends_on")?.map(|d| date(&d)).transpose()?,
                    target_groups: from_json(&text("target_groups")?)?,
                    municipalities: from_json(&text("municipalities")?)?,
                    aims: from_json(&text("aims")?)?,
                    contact_role: from_json(&text("contact_role")?)?,
                    results: from_json(&text("results")?)?,
                    created_by: r.try_get::<Option<String>, _>("created_by")?.map(|s| parse_id(&s, UserId::parse)).transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            fn project_filter<'q>(b: &mut sqlx::QueryBuilder<'q, $db>, q: &ProjectQuery) {
                if let Some(f) = &q.funder {
                    b.push(" AND funders LIKE ").push_bind(json_item(f));
                }
                if let Some((status, today)) = q.status {
                    let today = today.to_string();
                    match status {
                        ProjectStatus::Planned => {
                            b.push(" AND starts_on > ").push_bind(today);
                        }
                        ProjectStatus::Ongoing => {
                            b.push(" AND starts_on <= ").push_bind(today.clone());
                            b.push(" AND (ends_on IS NULL OR ends_on >= ").push_bind(today).push(")");
                        }
                        ProjectStatus::Ended => {
                            b.push(" AND ends_on < ").push_bind(today);
                        }
                    }
                }
                if let Some(m) = &q.municipality {
                    b.push(" AND municipalities LIKE ").push_bind(json_item(m));
                }
                if let Some(t) = &q.target_group {
                    b.push(" AND target_groups LIKE ").push_bind(json_item(t));
                }
                if let Some(o) = q.organization {
                    b.push(" AND (lead_id = ").push_bind(o.to_string());
                    b.push(" OR partners LIKE ").push_bind(json_item(&o.to_string())).push(")");
                }
                if !q.organizations.is_empty() {
                    b.push(" AND (lead_id IN (");
                    let mut sep = b.separated(", ");
                    for o in &q.organizations {
                        sep.push_bind(o.to_string());
                    }
                    b.push(")");
                    for o in &q.organizations {
                        b.push(" OR partners LIKE ").push_bind(json_item(&o.to_string()));
                    }
                    b.push(")");
                }
                if !q.ids.is_empty() {
                    b.push(" AND id IN (");
                    let mut sep = b.separated(", ");
                    for id in &q.ids {
                        sep.push_bind(id.to_string());
                    }
                    b.push(")");
                }
                if let Some((from, to)) = q.created_in {
                    b.push(" AND created_at >= ")
                        .push_bind(unix_micros(from))
                        .push(" AND created_at < ")
                        .push_bind(unix_micros(to));
                }
            }
        }

        #[async_trait]
        impl ProjectStore for $store {
            async fn save_projects(&self, projects: &[Project]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                for p in projects {
                    sqlx::query(
                        "INSERT INTO projects (id, source_key, name, name_fi, lead_id, partners, funders, funder_note, budget_eur,
                           starts_on, ends_on, target_groups, municipalities, aims, contact_role, results, created_by, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                         ON CONFLICT (id) DO UPDATE SET source_key = excluded.source_key, name = excluded.name, name_fi = excluded.name_fi,
                           lead_id = excluded.lead_id, partners = excluded.partners, funders = excluded.funders,
                           funder_note = excluded.funder_note, budget_eur = excluded.budget_eur, starts_on = excluded.starts_on,
                           ends_on = excluded.ends_on, target_groups = excluded.target_groups, municipalities = excluded.municipalities,
                           aims = excluded.aims, contact_role = excluded.contact_role, results = excluded.results,
                           updated_at = excluded.updated_at",
                    )
                    .bind(p.id.to_string())
                    .bind(&p.key)
                    .bind(to_json(&p.name))
                    .bind(p.name.fi.to_lowercase())
                    .bind(p.lead.to_string())
                    .bind(to_json(&p.partners))
                    .bind(to_json(&p.funders))
                    .bind(&p.funder_note)
                    .bind(p.budget_eur.map(|b| b.min(i64::MAX as u64) as i64))
                    .bind(p.starts_on.to_string())
                    .bind(p.ends_on.map(|d| d.to_string()))
                    .bind(to_json(&p.target_groups))
                    .bind(to_json(&p.municipalities))
                    .bind(to_json(&p.aims))
                    .bind(to_json(&p.contact_role))
                    .bind(to_json(&p.results))
                    .bind(p.created_by.map(|u| u.to_string()))
                    .bind(unix_micros(p.created_at))
                    .bind(unix_micros(p.updated_at))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn project(&self, id: ProjectId) -> StoreResult<Option<Project>> {
                sqlx::query(&format!("SELECT {PROJECT_COLS} FROM projects WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::project_from)
                    .transpose()
            }

            async fn projects_by_key(&self, keys: &[String]) -> StoreResult<Vec<Project>> {
                let mut out = Vec::new();
                for chunk in keys.chunks(500) {
                    let mut b = sqlx::QueryBuilder::<$db>::new(format!("SELECT {PROJECT_COLS} FROM projects WHERE source_key IN ("));
                    let mut sep = b.separated(", ");
                    for k in chunk {
                        sep.push_bind(k.clone());
                    }
                    b.push(")");
                    for r in b.build().fetch_all(&self.pool).await? {
                        out.push(Self::project_from(&r)?);
                    }
                }
                Ok(out)
            }

            async fn projects(&self, q: &ProjectQuery) -> StoreResult<Vec<Project>> {
                let mut b = sqlx::QueryBuilder::<$db>::new(format!("SELECT {PROJECT_COLS} FROM projects WHERE 1 = 1"));
                Self::project_filter(&mut b, q);
                b.push(" ORDER BY starts_on DESC, name_fi, id LIMIT ")
                    .push_bind(i64::from(q.limit.max(1)))
                    .push(" OFFSET ")
                    .push_bind(i64::from(q.offset));
                b.build()
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::project_from)
                    .collect()
            }

            async fn count_projects(&self, q: &ProjectQuery) -> StoreResult<u64> {
                let mut b = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM projects WHERE 1 = 1");
                Self::project_filter(&mut b, q);
                let n: i64 = b.build().fetch_one(&self.pool).await?.try_get(0)?;
                Ok(n.max(0) as u64)
            }

            async fn delete_project(&self, id: ProjectId) -> StoreResult<bool> {
                // Its attachments go with it, in the same transaction.
                let mut tx = self.pool.begin().await?;
                sqlx::query("DELETE FROM attachments WHERE owner = $1")
                    .bind(crate::domain::files::owner_of_project(id))
                    .execute(&mut *tx)
                    .await?;
                let r = sqlx::query("DELETE FROM projects WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(r.rows_affected() > 0)
            }
        }
    };
}

projects_store!(SqliteStore, sqlx::Sqlite);
projects_store!(PostgresStore, sqlx::Postgres);
