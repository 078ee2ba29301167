//! The outbox: mail waiting to be sent, leased by one node at a time. The same SQL for both
//! engines (see `sql.rs`).

use super::sql::*;
use super::StoreResult;
use async_trait::async_trait;
use sqlx::Row;

#[async_trait]
pub trait MailStore: Send + Sync {
    async fn enqueue_mail(&self, mail: &crate::domain::mail::OutgoingMail) -> StoreResult<()>;
    /// Takes up to `limit` messages due at `now` that no other node holds, for this node
    /// until `lease_until`.
    async fn lease_mail(
        &self,
        node: &str,
        now: time::OffsetDateTime,
        lease_until: time::OffsetDateTime,
        limit: i64,
    ) -> StoreResult<Vec<crate::domain::mail::OutgoingMail>>;
    async fn mail_sent(&self, id: &str, node: &str, now: time::OffsetDateTime) -> StoreResult<()>;
    /// A failed try: again at `retry_at`, or given up for good when `None`.
    async fn mail_failed(
        &self,
        id: &str,
        node: &str,
        error: &str,
        retry_at: Option<time::OffsetDateTime>,
        now: time::OffsetDateTime,
    ) -> StoreResult<()>;
    /// Deletes messages sent before `before`; how many.
    async fn purge_sent_mail(&self, before: time::OffsetDateTime) -> StoreResult<u64>;
}

macro_rules! mail_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl MailStore for $store {
            async fn enqueue_mail(&self, m: &crate::domain::mail::OutgoingMail) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn lease_mail(
                &self,
                node: &str,
                now: time::OffsetDateTime,
                lease_until: time::OffsetDateTime,
                limit: i64,
            ) -> StoreResult<Vec<crate::domain::mail::OutgoingMail>> {
                let now = unix_micros(now);
                let lease_until = unix_micros(lease_until);
                // The outer conditions are checked again on each row as it is locked, so of two
                // nodes racing for a message only one gets it.
                let rows = sqlx::query(
                    "UPDATE outbox SET lease_until = $1, leased_by = $2
                     WHERE id IN (SELECT id FROM outbox
                                  WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $3
                                    AND (lease_until IS NULL OR lease_until < $3)
                                  ORDER BY next_attempt_at LIMIT $4)
                       AND sent_at IS NULL AND failed_at IS NULL AND (lease_until IS NULL OR lease_until < $3)
                     RETURNING id, to_address, subject, body, created_at, attempts, headers",
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
                            created_at: from_micros(r.try_get("created_at")?),
                            attempts: i64::from(r.try_get::<i32, _>("attempts")?),
                            headers: crate::domain::mail::OutgoingMail::parse_headers(
                                &r.try_get::<String, _>("headers")?,
                            ),
                        })
                    })
                    .collect()
            }

            async fn mail_sent(&self, id: &str, node: &str, now: time::OffsetDateTime) -> StoreResult<()> {
                let now = unix_micros(now);
                // Sent: the status stays, the address and the words (links among them) go.
                sqlx::query("UPDATE outbox SET sent_at = $1, lease_until = NULL, attempts = attempts + 1, to_address = '', body = '', headers = '' WHERE id = $2 AND leased_by = $3")
                    .bind(now)
                    .bind(id)
                    .bind(node)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn mail_failed(
                &self,
                id: &str,
                node: &str,
                error: &str,
                retry_at: Option<time::OffsetDateTime>,
                now: time::OffsetDateTime,
            ) -> StoreResult<()> {
                let now = unix_micros(now);
                let retry_at = retry_at.map(unix_micros);
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

            async fn purge_sent_mail(&self, before: time::OffsetDateTime) -> StoreResult<u64> {
                let before = unix_micros(before);
                let done = sqlx::query("DELETE FROM outbox WHERE sent_at < $1")
                    .bind(before)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}

mail_store!(SqliteStore, sqlx::Sqlite);
mail_store!(PostgresStore, sqlx::Postgres);
