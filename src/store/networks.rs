//! Networks: the network, its member organizations and its coordinators. The same SQL for
//! both engines.

use super::sql::{from_json, parse_enum, parse_id, to_json, PostgresStore, SqliteStore};
use super::StoreResult;
use crate::domain::mail::OutgoingMail;
use crate::domain::networks::{MemberState, Membership, Network};
use crate::domain::{from_micros, unix_micros, NetworkId, OrganizationId, UserId};
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

#[async_trait]
pub trait NetworkStore: Send + Sync {
    /// Adds or changes a network and sets its coordinators, with the notices to those newly
    /// named, all or nothing.
    async fn save_network(
        &self,
        n: &Network,
        coordinators: &[UserId],
        notify: &[OutgoingMail],
    ) -> StoreResult<()>;
    async fn network(&self, id: NetworkId) -> StoreResult<Option<Network>>;
    /// Every network, by name.
    async fn networks(&self) -> StoreResult<Vec<Network>>;
    async fn network_coordinators(&self, id: NetworkId) -> StoreResult<Vec<UserId>>;
    /// The networks this account coordinates.
    async fn coordinated_networks(&self, user: UserId) -> StoreResult<Vec<NetworkId>>;
    /// The network's organizations, asking or members, the oldest first.
    async fn network_members(&self, id: NetworkId) -> StoreResult<Vec<Membership>>;
    /// The networks an organization is in or asked to join.
    async fn memberships_of(&self, org: OrganizationId) -> StoreResult<Vec<Membership>>;
    /// Members (not those asking) of every network, as (network, count).
    async fn network_member_counts(&self) -> StoreResult<Vec<(NetworkId, u64)>>;
    /// An organization asks to join (or, seeding, is a member already), with the notices to
    /// the coordinators. `Ok(false)`: it has asked or is a member already (nothing written).
    async fn request_membership(
        &self,
        m: &Membership,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
    /// A coordinator accepts a request. `Ok(false)`: there was no request waiting.
    async fn accept_membership(
        &self,
        network: NetworkId,
        org: OrganizationId,
        by: UserId,
        at: OffsetDateTime,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
    /// A request declined or a member removed (the organization may ask again).
    async fn remove_membership(
        &self,
        network: NetworkId,
        org: OrganizationId,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
}

const NETWORK_COLS: &str = "id, name, description, municipalities, created_at, updated_at";
const MEMBER_COLS: &str =
    "network_id, organization_id, state, requested_by, requested_at, decided_by, decided_at";

macro_rules! networks_store {
    ($store:ident, $db:ty) => {
        impl $store {
            /// Queues the notices if the change was made, and commits: `Ok(done)`.
            pub(super) async fn notify_if(
                mut tx: sqlx::Transaction<'_, $db>,
                done: bool,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                if done {
                    for mail in notify {
                        Self::insert_mail(&mut tx, mail).await?;
                    }
                }
                tx.commit().await?;
                Ok(done)
            }

            fn network_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Network> {
                Ok(Network {
                    id: parse_id(&r.try_get::<String, _>("id")?, NetworkId::parse)?,
                    name: r.try_get("name")?,
                    description: r.try_get("description")?,
                    municipalities: from_json(&r.try_get::<String, _>("municipalities")?)?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            fn membership_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Membership> {
                let user = |c: &str| -> StoreResult<Option<UserId>> {
                    r.try_get::<Option<String>, _>(c)?
                        .map(|s| parse_id(&s, UserId::parse))
                        .transpose()
                };
                Ok(Membership {
                    network_id: parse_id(&r.try_get::<String, _>("network_id")?, NetworkId::parse)?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    state: parse_enum(&r.try_get::<String, _>("state")?, MemberState::parse)?,
                    requested_by: user("requested_by")?,
                    requested_at: from_micros(r.try_get("requested_at")?),
                    decided_by: user("decided_by")?,
                    decided_at: r.try_get::<Option<i64>, _>("decided_at")?.map(from_micros),
                })
            }
        }

        #[async_trait]
        impl NetworkStore for $store {
            async fn save_network(
                &self,
                n: &Network,
                coordinators: &[UserId],
                notify: &[OutgoingMail],
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "INSERT INTO networks (id, name, description, municipalities, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
                       municipalities = excluded.municipalities, updated_at = excluded.updated_at",
                )
                .bind(n.id.to_string())
                .bind(&n.name)
                .bind(&n.description)
                .bind(to_json(&n.municipalities))
                .bind(unix_micros(n.created_at))
                .bind(unix_micros(n.updated_at))
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM network_coordinators WHERE network_id = $1")
                    .bind(n.id.to_string())
                    .execute(&mut *tx)
                    .await?;
                for u in coordinators {
                    sqlx::query("INSERT INTO network_coordinators (network_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(n.id.to_string())
                        .bind(u.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                Self::notify_if(tx, true, notify).await?;
                Ok(())
            }

            async fn network(&self, id: NetworkId) -> StoreResult<Option<Network>> {
                let row = sqlx::query(&format!("SELECT {NETWORK_COLS} FROM networks WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(Self::network_from).transpose()
            }

            async fn networks(&self) -> StoreResult<Vec<Network>> {
                let rows = sqlx::query(&format!("SELECT {NETWORK_COLS} FROM networks ORDER BY name, id"))
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::network_from).collect()
            }

            async fn network_coordinators(&self, id: NetworkId) -> StoreResult<Vec<UserId>> {
                let ids: Vec<String> = sqlx::query_scalar("SELECT user_id FROM network_coordinators WHERE network_id = $1 ORDER BY user_id")
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                ids.iter().map(|s| parse_id(s, UserId::parse)).collect()
            }

            async fn coordinated_networks(&self, user: UserId) -> StoreResult<Vec<NetworkId>> {
                let ids: Vec<String> = sqlx::query_scalar("SELECT network_id FROM network_coordinators WHERE user_id = $1 ORDER BY network_id")
                    .bind(user.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                ids.iter().map(|s| parse_id(s, NetworkId::parse)).collect()
            }

            async fn network_members(&self, id: NetworkId) -> StoreResult<Vec<Membership>> {
                let rows = sqlx::query(&format!("SELECT {MEMBER_COLS} FROM network_members WHERE network_id = $1 ORDER BY requested_at, organization_id"))
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::membership_from).collect()
            }

            async fn memberships_of(&self, org: OrganizationId) -> StoreResult<Vec<Membership>> {
                let rows = sqlx::query(&format!("SELECT {MEMBER_COLS} FROM network_members WHERE organization_id = $1 ORDER BY requested_at, network_id"))
                    .bind(org.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::membership_from).collect()
            }

            async fn network_member_counts(&self) -> StoreResult<Vec<(NetworkId, u64)>> {
                let rows: Vec<(String, i64)> = sqlx::query_as("SELECT network_id, COUNT(*) FROM network_members WHERE state = 'member' GROUP BY network_id")
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(id, n)| Ok((parse_id(&id, NetworkId::parse)?, n.max(0) as u64)))
                    .collect()
            }

            async fn request_membership(&self, m: &Membership, notify: &[OutgoingMail]) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let added = sqlx::query(
                    "INSERT INTO network_members (network_id, organization_id, state, requested_by, requested_at, decided_by, decided_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
                )
                .bind(m.network_id.to_string())
                .bind(m.organization_id.to_string())
                .bind(m.state.as_str())
                .bind(m.requested_by.map(|u| u.to_string()))
                .bind(unix_micros(m.requested_at))
                .bind(m.decided_by.map(|u| u.to_string()))
                .bind(m.decided_at.map(unix_micros))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                Self::notify_if(tx, added, notify).await
            }

            async fn accept_membership(
                &self,
                network: NetworkId,
                org: OrganizationId,
                by: UserId,
                at: OffsetDateTime,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query(
                    "UPDATE network_members SET state = 'member', decided_by = $3, decided_at = $4
                     WHERE network_id = $1 AND organization_id = $2 AND state = 'requested'",
                )
                .bind(network.to_string())
                .bind(org.to_string())
                .bind(by.to_string())
                .bind(unix_micros(at))
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                Self::notify_if(tx, done, notify).await
            }

            async fn remove_membership(
                &self,
                network: NetworkId,
                org: OrganizationId,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("DELETE FROM network_members WHERE network_id = $1 AND organization_id = $2")
                    .bind(network.to_string())
                    .bind(org.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                Self::notify_if(tx, done, notify).await
            }
        }
    };
}

networks_store!(SqliteStore, sqlx::Sqlite);
networks_store!(PostgresStore, sqlx::Postgres);
