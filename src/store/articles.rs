//! The knowledge bank: articles and their versions. The same SQL for both engines; lists are
//! JSON arrays (filtered with `LIKE` on the quoted item).

use super::sql::{from_json, json_item, parse_enum, parse_id, to_json, PostgresStore, SqliteStore};
use super::{StoreError, StoreResult};
use crate::domain::articles::{Article, ArticleKind, ArticleVersion};
use crate::domain::{from_micros, unix_micros, ArticleId, Lang, OrganizationId, UserId};
use async_trait::async_trait;
use sqlx::Row;

/// Which articles a list shows.
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    pub kind: Option<ArticleKind>,
    pub topic: Option<String>,
    pub target_group: Option<String>,
    /// Written by this organization (one of the authors).
    pub author: Option<OrganizationId>,
    /// Written by one of these organizations.
    pub authors: Vec<OrganizationId>,
    /// Sharing one of these topics.
    pub any_topic: Vec<String>,
    /// Only these articles (empty: no such limit).
    pub ids: Vec<ArticleId>,
    /// Not this one (an article's "related" list).
    pub except: Option<ArticleId>,
    /// Only articles changed in `[from, to)`.
    pub updated_in: Option<(time::OffsetDateTime, time::OffsetDateTime)>,
    pub limit: u32,
    pub offset: u32,
}

/// Why a save did not happen.
#[derive(Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Someone saved a newer version since the editor opened it.
    Conflict {
        now: u32,
    },
}

#[async_trait]
pub trait ArticleStore: Send + Sync {
    /// Saves an article and its text as version `article.version`, all or nothing. A
    /// version other than the next one (someone else saved meanwhile) saves nothing.
    async fn save_article(
        &self,
        article: &Article,
        version: &ArticleVersion,
    ) -> StoreResult<SaveOutcome>;
    async fn article(&self, id: ArticleId) -> StoreResult<Option<Article>>;
    async fn article_by_key(&self, key: &str) -> StoreResult<Option<Article>>;
    /// The latest changed first.
    async fn articles(&self, q: &ArticleQuery) -> StoreResult<Vec<Article>>;
    async fn count_articles(&self, q: &ArticleQuery) -> StoreResult<u64>;
    /// Every saved text, the newest first.
    async fn article_versions(&self, id: ArticleId) -> StoreResult<Vec<ArticleVersion>>;
    /// Deletes an article, its versions and its attachments.
    async fn delete_article(&self, id: ArticleId) -> StoreResult<bool>;
}

const COLS: &str = "id, source_key, lang, title, body, kind, authors, topics, target_groups, licence, version, created_by, created_at, updated_at";

macro_rules! articles_store {
    ($store:ident, $db:ty) => {
        impl $store {
            fn article_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Article> {
                let text = |c: &str| -> StoreResult<String> { Ok(r.try_get::<String, _>(c)?) };
                Ok(Article {
                    id: parse_id(&text("id")?, ArticleId::parse)?,
                    key: r.try_get("source_key")?,
                    lang: parse_enum(&text("lang")?, Lang::parse)?,
                    title: text("title")?,
                    body: text("body")?,
                    kind: parse_enum(&text("kind")?, ArticleKind::parse)?,
                    authors: from_json(&text("authors")?)?,
                    topics: from_json(&text("topics")?)?,
                    target_groups: from_json(&text("target_groups")?)?,
                    licence: text("licence")?,
                    version: r.try_get::<i64, _>("version")?.clamp(0, i64::from(u32::MAX)) as u32,
                    created_by: r.try_get::<Option<String>, _>("created_by")?.map(|s| parse_id(&s, UserId::parse)).transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            fn version_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<ArticleVersion> {
                Ok(ArticleVersion {
                    article_id: parse_id(&r.try_get::<String, _>("article_id")?, ArticleId::parse)?,
                    version: r.try_get::<i64, _>("version")?.clamp(0, i64::from(u32::MAX)) as u32,
                    title: r.try_get("title")?,
                    body: r.try_get("body")?,
                    changed_by: r.try_get::<Option<String>, _>("changed_by")?.map(|s| parse_id(&s, UserId::parse)).transpose()?,
                    changed_for: r.try_get::<Option<String>, _>("changed_for")?.map(|s| parse_id(&s, OrganizationId::parse)).transpose()?,
                    note: r.try_get("note")?,
                    changed_at: from_micros(r.try_get("changed_at")?),
                })
            }

            fn article_filter<'q>(b: &mut sqlx::QueryBuilder<'q, $db>, q: &ArticleQuery) {
                if let Some(k) = q.kind {
                    b.push(" AND kind = ").push_bind(k.as_str());
                }
                if let Some(t) = &q.topic {
                    b.push(" AND topics LIKE ").push_bind(json_item(t));
                }
                if let Some(t) = &q.target_group {
                    b.push(" AND target_groups LIKE ").push_bind(json_item(t));
                }
                if let Some(o) = q.author {
                    b.push(" AND authors LIKE ").push_bind(json_item(&o.to_string()));
                }
                for (list, column) in [
                    (q.authors.iter().map(|o| o.to_string()).collect::<Vec<_>>(), "authors"),
                    (q.any_topic.clone(), "topics"),
                ] {
                    if list.is_empty() {
                        continue;
                    }
                    b.push(" AND (1 = 0");
                    for item in list {
                        b.push(format!(" OR {column} LIKE ")).push_bind(json_item(&item));
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
                if let Some(id) = q.except {
                    b.push(" AND id <> ").push_bind(id.to_string());
                }
                if let Some((from, to)) = q.updated_in {
                    b.push(" AND updated_at >= ")
                        .push_bind(unix_micros(from))
                        .push(" AND updated_at < ")
                        .push_bind(unix_micros(to));
                }
            }
        }

        #[async_trait]
        impl ArticleStore for $store {
            async fn save_article(&self, a: &Article, v: &ArticleVersion) -> StoreResult<SaveOutcome> {
                if a.version == 0 || v.version != a.version || v.article_id != a.id {
                    return Err(StoreError::Invalid("an article's version and its text's differ".into()));
                }
                let mut tx = self.pool.begin().await?;
                let now: Option<i64> = sqlx::query("SELECT version FROM articles WHERE id = $1")
                    .bind(a.id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.try_get(0))
                    .transpose()?;
                let expected = i64::from(a.version) - 1;
                if now.unwrap_or(0) != expected {
                    return Ok(SaveOutcome::Conflict { now: now.unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32 });
                }
                if now.is_none() {
                    sqlx::query(
                        "INSERT INTO articles (id, source_key, lang, title, title_lower, body, kind, authors, topics, target_groups, licence, version, created_by, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                    )
                    .bind(a.id.to_string())
                    .bind(&a.key)
                    .bind(a.lang.code())
                    .bind(&a.title)
                    .bind(a.title.to_lowercase())
                    .bind(&a.body)
                    .bind(a.kind.as_str())
                    .bind(to_json(&a.authors))
                    .bind(to_json(&a.topics))
                    .bind(to_json(&a.target_groups))
                    .bind(&a.licence)
                    .bind(i64::from(a.version))
                    .bind(a.created_by.map(|u| u.to_string()))
                    .bind(unix_micros(a.created_at))
                    .bind(unix_micros(a.updated_at))
                    .execute(&mut *tx)
                    .await?;
                } else {
                    // Only if nobody saved in between (the row is the version it was read as).
                    let r = sqlx::query(
                        "UPDATE articles SET lang = $2, title = $3, title_lower = $4, body = $5, kind = $6, authors = $7,
                           topics = $8, target_groups = $9, licence = $10, version = $11, updated_at = $12
                         WHERE id = $1 AND version = $13",
                    )
                    .bind(a.id.to_string())
                    .bind(a.lang.code())
                    .bind(&a.title)
                    .bind(a.title.to_lowercase())
                    .bind(&a.body)
                    .bind(a.kind.as_str())
                    .bind(to_json(&a.authors))
                    .bind(to_json(&a.topics))
                    .bind(to_json(&a.target_groups))
                    .bind(&a.licence)
                    .bind(i64::from(a.version))
                    .bind(unix_micros(a.updated_at))
                    .bind(expected)
                    .execute(&mut *tx)
                    .await?;
                    if r.rows_affected() == 0 {
                        return Ok(SaveOutcome::Conflict { now: a.version });
                    }
                }
                sqlx::query(
                    "INSERT INTO article_versions (article_id, version, title, body, changed_by, changed_for, note, changed_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(a.id.to_string())
                .bind(i64::from(v.version))
                .bind(&v.title)
                .bind(&v.body)
                .bind(v.changed_by.map(|u| u.to_string()))
                .bind(v.changed_for.map(|o| o.to_string()))
                .bind(&v.note)
                .bind(unix_micros(v.changed_at))
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(SaveOutcome::Saved)
            }

            async fn article(&self, id: ArticleId) -> StoreResult<Option<Article>> {
                sqlx::query(&format!("SELECT {COLS} FROM articles WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::article_from)
                    .transpose()
            }

            async fn article_by_key(&self, key: &str) -> StoreResult<Option<Article>> {
                sqlx::query(&format!("SELECT {COLS} FROM articles WHERE source_key = $1"))
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::article_from)
                    .transpose()
            }

            async fn articles(&self, q: &ArticleQuery) -> StoreResult<Vec<Article>> {
                let mut b = sqlx::QueryBuilder::<$db>::new(format!("SELECT {COLS} FROM articles WHERE 1 = 1"));
                Self::article_filter(&mut b, q);
                b.push(" ORDER BY updated_at DESC, title_lower, id LIMIT ")
                    .push_bind(i64::from(q.limit.max(1)))
                    .push(" OFFSET ")
                    .push_bind(i64::from(q.offset));
                b.build()
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::article_from)
                    .collect()
            }

            async fn count_articles(&self, q: &ArticleQuery) -> StoreResult<u64> {
                let mut b = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM articles WHERE 1 = 1");
                Self::article_filter(&mut b, q);
                let n: i64 = b.build().fetch_one(&self.pool).await?.try_get(0)?;
                Ok(n.max(0) as u64)
            }

            async fn article_versions(&self, id: ArticleId) -> StoreResult<Vec<ArticleVersion>> {
                sqlx::query("SELECT * FROM article_versions WHERE article_id = $1 ORDER BY version DESC")
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::version_from)
                    .collect()
            }

            async fn delete_article(&self, id: ArticleId) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("DELETE FROM attachments WHERE owner = $1")
                    .bind(crate::domain::files::owner_of_article(id))
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM article_versions WHERE article_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                let r = sqlx::query("DELETE FROM articles WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(r.rows_affected() > 0)
            }
        }
    };
}

articles_store!(SqliteStore, sqlx::Sqlite);
articles_store!(PostgresStore, sqlx::Postgres);
