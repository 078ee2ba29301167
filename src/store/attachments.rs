//! Attachments of public records: the file's description in one query, its bytes in
//! another (lists never read the bytes).

use super::sql::{parse_id, PostgresStore, SqliteStore};
use super::{StoreError, StoreResult};
use crate::domain::files::{Attachment, FileKind};
use crate::domain::{from_micros, unix_micros, AttachmentId, UserId};
use async_trait::async_trait;
use sqlx::Row;

#[async_trait]
pub trait AttachmentStore: Send + Sync {
    /// Adds an attachment if its record still exists and has fewer than `max` (in one
    /// statement, so a record deleted meanwhile gets none and parallel uploads do not pass
    /// the limit on SQLite; on PostgreSQL two at the very same moment may).
    async fn add_attachment(&self, a: &Attachment, data: &[u8], max: usize) -> StoreResult<bool>;
    /// A record's attachments, oldest first, without their bytes.
    async fn attachments(&self, owner: &str) -> StoreResult<Vec<Attachment>>;
    /// Several records' attachments at once (for lists and search).
    async fn attachments_of(&self, owners: &[String]) -> StoreResult<Vec<Attachment>>;
    async fn attachment(&self, id: AttachmentId) -> StoreResult<Option<(Attachment, Vec<u8>)>>;
    /// Removes one attachment of this record (another record's id removes nothing).
    async fn delete_attachment(&self, owner: &str, id: AttachmentId) -> StoreResult<bool>;
    /// Removes every attachment of a record (when the record goes).
    async fn delete_attachments_of(&self, owner: &str) -> StoreResult<u64>;
}

const COLS: &str = "id, owner, title, file_name, content_type, size, created_by, created_at";

macro_rules! attachments_store {
    ($store:ident, $db:ty) => {
        impl $store {
            fn attachment_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Attachment> {
                let content_type: String = r.try_get("content_type")?;
                Ok(Attachment {
                    id: parse_id(&r.try_get::<String, _>("id")?, AttachmentId::parse)?,
                    owner: r.try_get("owner")?,
                    title: r.try_get("title")?,
                    file_name: r.try_get("file_name")?,
                    kind: FileKind::from_content_type(&content_type)
                        .ok_or_else(|| StoreError::Corrupt(format!("attachment type {content_type}")))?,
                    size: r.try_get::<i64, _>("size")?.max(0) as u64,
                    created_by: r
                        .try_get::<Option<String>, _>("created_by")?
                        .map(|s| parse_id(&s, UserId::parse))
                        .transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }
        }

        #[async_trait]
        impl AttachmentStore for $store {
            async fn add_attachment(&self, a: &Attachment, data: &[u8], max: usize) -> StoreResult<bool> {
                let (table, record) = match a.owner.split_once(':') {
                    Some(("project", id)) => ("projects", id),
                    Some(("article", id)) => ("articles", id),
                    _ => return Err(StoreError::Invalid(format!("attachment owner {}", a.owner))),
                };
                let r = sqlx::query(&format!(
                    "INSERT INTO attachments (id, owner, title, file_name, content_type, size, data, created_by, created_at)
                     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9
                     WHERE EXISTS (SELECT 1 FROM {table} WHERE id = $10)
                       AND (SELECT COUNT(*) FROM attachments WHERE owner = $2) < $11"
                ))
                .bind(a.id.to_string())
                .bind(&a.owner)
                .bind(&a.title)
                .bind(&a.file_name)
                .bind(a.kind.content_type())
                .bind(data.len() as i64)
                .bind(data)
                .bind(a.created_by.map(|u| u.to_string()))
                .bind(unix_micros(a.created_at))
                .bind(record)
                .bind(max as i64)
                .execute(&self.pool)
                .await?;
                Ok(r.rows_affected() > 0)
            }

            async fn attachments(&self, owner: &str) -> StoreResult<Vec<Attachment>> {
                self.attachments_of(&[owner.to_string()]).await
            }

            async fn attachments_of(&self, owners: &[String]) -> StoreResult<Vec<Attachment>> {
                let mut out = Vec::new();
                for chunk in owners.chunks(500) {
                    let mut b = sqlx::QueryBuilder::<$db>::new(format!("SELECT {COLS} FROM attachments WHERE owner IN ("));
                    let mut sep = b.separated(", ");
                    for o in chunk {
                        sep.push_bind(o.clone());
                    }
                    b.push(") ORDER BY created_at, id");
                    for r in b.build().fetch_all(&self.pool).await? {
                        out.push(Self::attachment_from(&r)?);
                    }
                }
                Ok(out)
            }

            async fn attachment(&self, id: AttachmentId) -> StoreResult<Option<(Attachment, Vec<u8>)>> {
                let Some(r) = sqlx::query(&format!("SELECT {COLS}, data FROM attachments WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                Ok(Some((Self::attachment_from(&r)?, r.try_get("data")?)))
            }

            async fn delete_attachment(&self, owner: &str, id: AttachmentId) -> StoreResult<bool> {
                let r = sqlx::query("DELETE FROM attachments WHERE owner = $1 AND id = $2")
                    .bind(owner)
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(r.rows_affected() > 0)
            }

            async fn delete_attachments_of(&self, owner: &str) -> StoreResult<u64> {
                let r = sqlx::query("DELETE FROM attachments WHERE owner = $1")
                    .bind(owner)
                    .execute(&self.pool)
                    .await?;
                Ok(r.rows_affected())
            }
        }
    };
}

attachments_store!(SqliteStore, sqlx::Sqlite);
attachments_store!(PostgresStore, sqlx::Postgres);
