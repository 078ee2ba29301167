//! Network digests: the subscriptions (an address, confirmed by its link), each network's
//! record of up to when its digest went out, and what is new among its members. The same
//! SQL for both engines.

use super::sql::{parse_id, PostgresStore, SqliteStore};
use super::StoreResult;
use crate::domain::mail::OutgoingMail;
use crate::domain::micros;
use crate::domain::networks::Subscription;
use crate::domain::{from_micros, unix_micros, Lang, NetworkId, OpportunityId, SubscriptionId};
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

#[async_trait]
pub trait DigestStore: Send + Sync {
    /// Adds a subscription with the message that asks to confirm it. `Ok(false)`: the address
    /// has one to this network already (nothing written).
    async fn add_subscription(&self, s: &Subscription, mail: &OutgoingMail) -> StoreResult<bool>;
    /// The address's subscription to the network (the address in lower case).
    async fn subscription_of(
        &self,
        network: NetworkId,
        email: &str,
    ) -> StoreResult<Option<Subscription>>;
    async fn subscription_by_token(&self, token_hash: &str) -> StoreResult<Option<Subscription>>;
    /// `Ok(false)`: confirmed already, or gone.
    async fn confirm_subscription(
        &self,
        id: SubscriptionId,
        at: OffsetDateTime,
    ) -> StoreResult<bool>;
    /// Unsubscribes (the row goes). `Ok(false)`: it was gone already.
    async fn delete_subscription(&self, id: SubscriptionId) -> StoreResult<bool>;
    /// The network's confirmed subscriptions.
    async fn subscribers(&self, network: NetworkId) -> StoreResult<Vec<Subscription>>;
    /// Every subscription of an address (its own data: export and erasure).
    async fn subscriptions_of_email(&self, email: &str) -> StoreResult<Vec<Subscription>>;
    /// Deletes every subscription of an address; how many.
    async fn delete_subscriptions_of_email(&self, email: &str) -> StoreResult<u64>;
    /// Deletes subscriptions not confirmed by `before`; how many.
    async fn purge_unconfirmed_subscriptions(&self, before: OffsetDateTime) -> StoreResult<u64>;
    /// Networks with confirmed subscribers whose last digest covered less than up to `until`,
    /// with up to when it did.
    async fn digests_due(
        &self,
        until: OffsetDateTime,
    ) -> StoreResult<Vec<(NetworkId, Option<OffsetDateTime>)>>;
    /// Records that the network's digest covers up to `until` and queues its messages, all or
    /// nothing, if its record still says `previous`. `Ok(false)`: another node did it first.
    async fn record_digest(
        &self,
        network: NetworkId,
        previous: Option<OffsetDateTime>,
        until: OffsetDateTime,
        mails: &[OutgoingMail],
    ) -> StoreResult<bool>;
    /// Open places added by the network's members in `[since, until)`, the oldest first.
    async fn new_member_opportunities(
        &self,
        network: NetworkId,
        since: OffsetDateTime,
        until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<OpportunityId>>;
}

const SUBSCRIPTION_COLS: &str = "id, network_id, email, lang, token_hash, created_at, confirmed_at";

macro_rules! digests_store {
    ($store:ident, $db:ty) => {
        impl $store {
            fn subscription_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Subscription> {
                Ok(Subscription {
                    id: parse_id(&r.try_get::<String, _>("id")?, SubscriptionId::parse)?,
                    network_id: parse_id(&r.try_get::<String, _>("network_id")?, NetworkId::parse)?,
                    email: r.try_get("email")?,
                    lang: Lang::parse(&r.try_get::<String, _>("lang")?).unwrap_or(Lang::Fi),
                    token_hash: r.try_get("token_hash")?,
                    created_at: from_micros(r.try_get("created_at")?),
                    confirmed_at: r.try_get::<Option<i64>, _>("confirmed_at")?.map(from_micros),
                })
            }

            async fn subscriptions_where(
                &self,
                condition: &str,
                value: String,
            ) -> StoreResult<Vec<Subscription>> {
                sqlx::query(&format!(
                    "SELECT {SUBSCRIPTION_COLS} FROM network_subscriptions WHERE {condition} ORDER BY created_at, id"
                ))
                .bind(value)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(Self::subscription_from)
                .collect()
            }
        }

        #[async_trait]
        impl DigestStore for $store {
            async fn add_subscription(&self, s: &Subscription, mail: &OutgoingMail) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let added = sqlx::query(
                    "INSERT INTO network_subscriptions (id, network_id, email, lang, token_hash, created_at, confirmed_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                )
                .bind(s.id.to_string())
                .bind(s.network_id.to_string())
                .bind(&s.email)
                .bind(s.lang.code())
                .bind(&s.token_hash)
                .bind(unix_micros(s.created_at))
                .bind(s.confirmed_at.map(unix_micros))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                Self::notify_if(tx, added, std::slice::from_ref(mail)).await
            }

            async fn subscription_of(
                &self,
                network: NetworkId,
                email: &str,
            ) -> StoreResult<Option<Subscription>> {
                sqlx::query(&format!(
                    "SELECT {SUBSCRIPTION_COLS} FROM network_subscriptions WHERE network_id = $1 AND email = $2"
                ))
                .bind(network.to_string())
                .bind(email)
                .fetch_optional(&self.pool)
                .await?
                .map(|r| Self::subscription_from(&r))
                .transpose()
            }

            async fn subscription_by_token(&self, token_hash: &str) -> StoreResult<Option<Subscription>> {
                Ok(self
                    .subscriptions_where("token_hash = $1", token_hash.to_string())
                    .await?
                    .pop())
            }

            async fn confirm_subscription(&self, id: SubscriptionId, at: OffsetDateTime) -> StoreResult<bool> {
                Ok(sqlx::query(
                    "UPDATE network_subscriptions SET confirmed_at = $1 WHERE id = $2 AND confirmed_at IS NULL",
                )
                .bind(unix_micros(at))
                .bind(id.to_string())
                .execute(&self.pool)
                .await?
                .rows_affected()
                    == 1)
            }

            async fn delete_subscription(&self, id: SubscriptionId) -> StoreResult<bool> {
                let done = sqlx::query("DELETE FROM network_subscriptions WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?
                    .rows_affected()
                    == 1;
                // The address is gone from the disk too.
                self.after_erasure().await?;
                Ok(done)
            }

            async fn subscribers(&self, network: NetworkId) -> StoreResult<Vec<Subscription>> {
                self.subscriptions_where(
                    "network_id = $1 AND confirmed_at IS NOT NULL",
                    network.to_string(),
                )
                .await
            }

            async fn subscriptions_of_email(&self, email: &str) -> StoreResult<Vec<Subscription>> {
                self.subscriptions_where("email = $1", email.to_lowercase()).await
            }

            async fn delete_subscriptions_of_email(&self, email: &str) -> StoreResult<u64> {
                let n = sqlx::query("DELETE FROM network_subscriptions WHERE email = $1")
                    .bind(email.to_lowercase())
                    .execute(&self.pool)
                    .await?
                    .rows_affected();
                self.after_erasure().await?;
                Ok(n)
            }

            async fn purge_unconfirmed_subscriptions(&self, before: OffsetDateTime) -> StoreResult<u64> {
                Ok(sqlx::query(
                    "DELETE FROM network_subscriptions WHERE confirmed_at IS NULL AND created_at < $1",
                )
                .bind(unix_micros(before))
                .execute(&self.pool)
                .await?
                .rows_affected())
            }

            async fn digests_due(
                &self,
                until: OffsetDateTime,
            ) -> StoreResult<Vec<(NetworkId, Option<OffsetDateTime>)>> {
                let rows = sqlx::query(
                    "SELECT id, digest_until FROM networks n
                     WHERE (digest_until IS NULL OR digest_until < $1)
                       AND EXISTS (SELECT 1 FROM network_subscriptions s
                                   WHERE s.network_id = n.id AND s.confirmed_at IS NOT NULL)
                     ORDER BY id",
                )
                .bind(unix_micros(until))
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| {
                        Ok((
                            parse_id(&r.try_get::<String, _>("id")?, NetworkId::parse)?,
                            r.try_get::<Option<i64>, _>("digest_until")?.map(from_micros),
                        ))
                    })
                    .collect()
            }

            async fn record_digest(
                &self,
                network: NetworkId,
                previous: Option<OffsetDateTime>,
                until: OffsetDateTime,
                mails: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                // The row's own value in the condition: of two nodes, the second finds it
                // changed (PostgreSQL re-checks it on the locked row) and writes nothing.
                let mut q = sqlx::QueryBuilder::<$db>::new("UPDATE networks SET digest_until = ");
                q.push_bind(unix_micros(until))
                    .push(" WHERE id = ")
                    .push_bind(network.to_string());
                match previous {
                    Some(p) => q.push(" AND digest_until = ").push_bind(unix_micros(p)),
                    None => q.push(" AND digest_until IS NULL"),
                };
                let done = q.build().execute(&mut *tx).await?.rows_affected() == 1;
                Self::notify_if(tx, done, mails).await
            }

            async fn new_member_opportunities(
                &self,
                network: NetworkId,
                since: OffsetDateTime,
                until: OffsetDateTime,
                limit: u32,
            ) -> StoreResult<Vec<OpportunityId>> {
                let rows = sqlx::query(
                    "SELECT o.id FROM opportunities o
                     JOIN network_members m ON m.organization_id = o.organization_id
                     WHERE m.network_id = $1 AND m.state = 'member' AND o.status = 'open'
                       AND o.created_at >= $2 AND o.created_at < $3
                     ORDER BY o.created_at, o.id LIMIT $4",
                )
                .bind(network.to_string())
                .bind(micros(since))
                .bind(micros(until))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| parse_id(&r.try_get::<String, _>("id")?, OpportunityId::parse))
                    .collect()
            }
        }
    };
}

digests_store!(SqliteStore, sqlx::Sqlite);
digests_store!(PostgresStore, sqlx::Postgres);
