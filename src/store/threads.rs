//! Interest threads: a person and an organization talking about a place or a profile,
//! their messages and what each side has read. The same SQL for both engines.

use super::sql::{to_json, PostgresStore, SqliteStore};
use super::StoreResult;
use crate::domain::mail::OutgoingMail;
use crate::domain::people::{Message, Thread, ThreadStatus};
use crate::domain::UserId;
use crate::domain::{unix_micros, OpportunityId, OrganizationId, ThreadId};
use async_trait::async_trait;
use time::OffsetDateTime;

#[async_trait]
pub trait ThreadStore: Send + Sync {
    /// This account has read the thread up to `at`.
    async fn mark_thread_read(
        &self,
        thread: ThreadId,
        user: UserId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;
    /// When this account last read the thread (`None`: never).
    async fn thread_read_at(
        &self,
        thread: ThreadId,
        user: UserId,
    ) -> StoreResult<Option<OffsetDateTime>>;
    /// How many threads have a message from the other side this account has not read: the
    /// person's own (`organization` None) or, for its people, the organization's.
    async fn unread_threads(
        &self,
        user: UserId,
        organization: Option<OrganizationId>,
    ) -> StoreResult<u64>;
    /// Starts a thread with its first message and the notice to the other side, all or
    /// nothing. `Ok(false)`: the person has a thread about this opportunity already.
    async fn create_thread(
        &self,
        t: &Thread,
        first: Option<&Message>,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
    async fn thread(&self, id: ThreadId) -> StoreResult<Option<Thread>>;
    /// The person's thread about an opportunity.
    async fn thread_about(
        &self,
        person: UserId,
        opportunity: OpportunityId,
    ) -> StoreResult<Option<Thread>>;
    async fn threads_of_person(&self, person: UserId) -> StoreResult<Vec<Thread>>;
    async fn threads_of_organization(
        &self,
        organization: OrganizationId,
    ) -> StoreResult<Vec<Thread>>;
    /// Adds a message and the notices it sends; the thread's time moves.
    async fn add_message(&self, m: &Message, notify: &[OutgoingMail]) -> StoreResult<()>;
    async fn messages(&self, thread: ThreadId) -> StoreResult<Vec<Message>>;
    /// Every message the person wrote, in every thread.
    async fn messages_by(&self, person: UserId) -> StoreResult<Vec<Message>>;
    async fn set_thread_status(
        &self,
        thread: ThreadId,
        status: ThreadStatus,
        at: OffsetDateTime,
        notify: &[OutgoingMail],
    ) -> StoreResult<()>;
}

macro_rules! threads_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl ThreadStore for $store {

            async fn mark_thread_read(
                &self,
                thread: ThreadId,
                user: UserId,
                at: OffsetDateTime,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO thread_reads (thread_id, user_id, read_at) VALUES ($1, $2, $3)
                     ON CONFLICT (thread_id, user_id) DO UPDATE SET read_at = excluded.read_at",
                )
                .bind(thread.to_string())
                .bind(user.to_string())
                .bind(unix_micros(at))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn thread_read_at(
                &self,
                thread: ThreadId,
                user: UserId,
            ) -> StoreResult<Option<OffsetDateTime>> {
                let at: Option<i64> = sqlx::query_scalar(
                    "SELECT read_at FROM thread_reads WHERE thread_id = $1 AND user_id = $2",
                )
                .bind(thread.to_string())
                .bind(user.to_string())
                .fetch_optional(&self.pool)
                .await?;
                Ok(at.map(crate::domain::from_micros))
            }

            async fn unread_threads(
                &self,
                user: UserId,
                organization: Option<OrganizationId>,
            ) -> StoreResult<u64> {
                // A message from the other side after this account's last read.
                let (side, owner, from_person) = match organization {
                    None => ("t.person_id = $2", user.to_string(), false),
                    Some(o) => ("t.organization_id = $2", o.to_string(), true),
                };
                let sql = format!(
                    "SELECT COUNT(*) FROM threads t WHERE {side} AND EXISTS (
                       SELECT 1 FROM messages m WHERE m.thread_id = t.id AND m.from_person = $3
                         AND m.created_at > COALESCE((SELECT r.read_at FROM thread_reads r
                                                      WHERE r.thread_id = t.id AND r.user_id = $1), 0))"
                );
                let n: i64 = sqlx::query_scalar(&sql)
                    .bind(user.to_string())
                    .bind(owner)
                    .bind(from_person)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(n.max(0) as u64)
            }

            async fn create_thread(
                &self,
                t: &Thread,
                first: Option<&Message>,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("INSERT INTO threads (id, person_id, organization_id, opportunity_id, started_by, status, shared_profile, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING")
                    .bind(t.id.to_string())
                    .bind(t.person_id.map(|p| p.to_string()))
                    .bind(t.organization_id.to_string())
                    .bind(t.opportunity_id.map(|o| o.to_string()))
                    .bind(t.started_by.as_str())
                    .bind(t.status.as_str())
                    .bind(t.shared_profile.as_ref().map(to_json))
                    .bind(unix_micros(t.created_at))
                    .bind(unix_micros(t.updated_at))
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                if let Some(m) = first {
                    Self::insert_message(&mut tx, m).await?;
                }
                Self::queue(&mut tx, notify).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn thread(&self, id: ThreadId) -> StoreResult<Option<Thread>> {
                sqlx::query("SELECT * FROM threads WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::thread_from)
                    .transpose()
            }

            async fn thread_about(
                &self,
                person: UserId,
                opportunity: OpportunityId,
            ) -> StoreResult<Option<Thread>> {
                sqlx::query("SELECT * FROM threads WHERE person_id = $1 AND opportunity_id = $2")
                    .bind(person.to_string())
                    .bind(opportunity.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::thread_from)
                    .transpose()
            }

            async fn threads_of_person(&self, person: UserId) -> StoreResult<Vec<Thread>> {
                sqlx::query(
                    "SELECT * FROM threads WHERE person_id = $1 ORDER BY updated_at DESC, id",
                )
                .bind(person.to_string())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(Self::thread_from)
                .collect()
            }

            async fn threads_of_organization(
                &self,
                organization: OrganizationId,
            ) -> StoreResult<Vec<Thread>> {
                sqlx::query(
                    "SELECT * FROM threads WHERE organization_id = $1 ORDER BY updated_at DESC, id",
                )
                .bind(organization.to_string())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(Self::thread_from)
                .collect()
            }

            async fn add_message(&self, m: &Message, notify: &[OutgoingMail]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::insert_message(&mut tx, m).await?;
                sqlx::query("UPDATE threads SET updated_at = $2 WHERE id = $1")
                    .bind(m.thread_id.to_string())
                    .bind(unix_micros(m.created_at))
                    .execute(&mut *tx)
                    .await?;
                Self::queue(&mut tx, notify).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn messages(&self, thread: ThreadId) -> StoreResult<Vec<Message>> {
                sqlx::query("SELECT * FROM messages WHERE thread_id = $1 ORDER BY created_at, id")
                    .bind(thread.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::message_from)
                    .collect()
            }

            async fn messages_by(&self, person: UserId) -> StoreResult<Vec<Message>> {
                sqlx::query("SELECT m.* FROM messages m JOIN threads t ON t.id = m.thread_id WHERE t.person_id = $1 ORDER BY m.created_at, m.id")
                    .bind(person.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::message_from)
                    .collect()
            }

            async fn set_thread_status(
                &self,
                thread: ThreadId,
                status: ThreadStatus,
                at: OffsetDateTime,
                notify: &[OutgoingMail],
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("UPDATE threads SET status = $2, updated_at = $3 WHERE id = $1")
                    .bind(thread.to_string())
                    .bind(status.as_str())
                    .bind(unix_micros(at))
                    .execute(&mut *tx)
                    .await?;
                Self::queue(&mut tx, notify).await?;
                tx.commit().await?;
                Ok(())
            }
        }
    };
}

threads_store!(SqliteStore, sqlx::Sqlite);
threads_store!(PostgresStore, sqlx::Postgres);
