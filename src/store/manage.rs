//! What organizations keep of their own records: registrations, membership, history, error
//! reports, invitations and freshness reminders. The same SQL for both engines (see
//! `sql.rs`).

use super::sql::*;
use super::StoreResult;
use crate::domain::*;
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

#[async_trait]
pub trait ManageStore: Send + Sync {
    async fn create_registration(
        &self,
        registration: &crate::domain::manage::Registration,
    ) -> StoreResult<()>;
    /// Registered organizations not verified yet, oldest first.
    async fn pending_registrations(&self) -> StoreResult<Vec<crate::domain::manage::Registration>>;
    /// Marks an organization verified; `Ok(false)`: no such organization.
    async fn verify_organization(
        &self,
        id: OrganizationId,
        by: crate::domain::UserId,
        at: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    /// Makes an account a member or admin of an organization.
    async fn set_user_organization(
        &self,
        user: crate::domain::UserId,
        organization: OrganizationId,
        role: crate::domain::accounts::Role,
    ) -> StoreResult<()>;
    async fn add_history(&self, entry: &crate::domain::manage::HistoryEntry) -> StoreResult<()>;
    /// The latest changes to an organization's records, newest first.
    async fn history_of_organization(
        &self,
        id: OrganizationId,
        limit: i64,
    ) -> StoreResult<Vec<crate::domain::manage::HistoryEntry>>;
    async fn add_error_report(
        &self,
        report: &crate::domain::manage::ErrorReport,
    ) -> StoreResult<()>;
    /// Open reports, oldest first: of one organization, or of all when `None`.
    async fn open_error_reports(
        &self,
        organization: Option<OrganizationId>,
    ) -> StoreResult<Vec<crate::domain::manage::ErrorReport>>;
    async fn error_report(
        &self,
        id: &str,
    ) -> StoreResult<Option<crate::domain::manage::ErrorReport>>;
    /// Marks a report handled; the contact address is forgotten then.
    async fn resolve_error_report(
        &self,
        id: &str,
        by: crate::domain::UserId,
        at: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    /// Stores an invitation with the message that carries its link.
    async fn create_invite(
        &self,
        invite: &crate::domain::manage::Invite,
        mail: &crate::domain::mail::OutgoingMail,
    ) -> StoreResult<()>;
    /// An unused, unexpired invitation by its token's hash.
    async fn invite(
        &self,
        token_hash: &str,
        now: time::OffsetDateTime,
    ) -> StoreResult<Option<crate::domain::manage::Invite>>;
    /// Accepts an invitation: the account joins the organization as a member, once.
    async fn accept_invite(
        &self,
        token_hash: &str,
        user: crate::domain::UserId,
        now: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    /// The accounts acting for an organization.
    async fn users_of_organization(
        &self,
        organization: OrganizationId,
    ) -> StoreResult<Vec<crate::domain::accounts::User>>;
    /// Takes an account out of its organization (it becomes a job seeker's account) and
    /// ends its sessions.
    async fn remove_from_organization(
        &self,
        user: crate::domain::UserId,
        organization: OrganizationId,
    ) -> StoreResult<bool>;
    /// Every organization, service and opportunity with when it was last confirmed.
    async fn freshness_records(&self) -> StoreResult<Vec<crate::domain::manage::FreshnessRecord>>;
    /// Every reminder sent.
    async fn freshness_reminders(&self) -> StoreResult<Vec<crate::domain::manage::SentReminder>>;
    /// Claims a reminder for a record and stage; `Ok(false)`: another node claimed one since
    /// `after`, so this one is not sent.
    async fn claim_freshness_reminder(
        &self,
        record_id: &str,
        stage: i32,
        organization: OrganizationId,
        now: time::OffsetDateTime,
        after: time::OffsetDateTime,
    ) -> StoreResult<bool>;
}

macro_rules! manage_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl ManageStore for $store {
            async fn create_registration(
                &self,
                g: &crate::domain::manage::Registration,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO organization_registrations (organization_id, user_id, contact_name, municipality_code, created_at)
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(g.organization_id.to_string())
                .bind(g.user_id.map(|u| u.to_string()))
                .bind(&g.contact_name)
                .bind(&g.municipality_code)
                .bind(unix_micros(g.created_at))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn pending_registrations(
                &self,
            ) -> StoreResult<Vec<crate::domain::manage::Registration>> {
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
                            organization_id: parse_id(
                                &r.try_get::<String, _>("organization_id")?,
                                OrganizationId::parse,
                            )?,
                            organization_name: r.try_get("organization_name")?,
                            business_id: r.try_get("business_id")?,
                            user_id: r
                                .try_get::<Option<String>, _>("user_id")?
                                .map(|u| parse_id(&u, crate::domain::UserId::parse))
                                .transpose()?,
                            user_email: r.try_get("user_email")?,
                            contact_name: r.try_get("contact_name")?,
                            municipality_code: r.try_get("municipality_code")?,
                            created_at: from_micros(r.try_get("created_at")?),
                        })
                    })
                    .collect()
            }

            async fn verify_organization(
                &self,
                id: OrganizationId,
                by: crate::domain::UserId,
                at: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let at = unix_micros(at);
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

            async fn set_user_organization(
                &self,
                user: crate::domain::UserId,
                organization: OrganizationId,
                role: crate::domain::accounts::Role,
            ) -> StoreResult<()> {
                sqlx::query("UPDATE users SET organization_id = $1, role = $2, updated_at = $3 WHERE id = $4")
                    .bind(organization.to_string())
                    .bind(role.as_str())
                    .bind(micros(OffsetDateTime::now_utc()))
                    .bind(user.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn add_history(
                &self,
                e: &crate::domain::manage::HistoryEntry,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO record_history (id, organization_id, record_kind, record_id, user_id, at, changes)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&e.id)
                .bind(e.organization_id.to_string())
                .bind(e.record_kind.as_str())
                .bind(&e.record_id)
                .bind(e.user_id.map(|u| u.to_string()))
                .bind(unix_micros(e.at))
                .bind(to_json(&e.changes))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn history_of_organization(
                &self,
                id: OrganizationId,
                limit: i64,
            ) -> StoreResult<Vec<crate::domain::manage::HistoryEntry>> {
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
                            record_kind: parse_enum(
                                &r.try_get::<String, _>("record_kind")?,
                                RecordKind::parse,
                            )?,
                            record_id: r.try_get("record_id")?,
                            user_id: r
                                .try_get::<Option<String>, _>("user_id")?
                                .map(|u| parse_id(&u, crate::domain::UserId::parse))
                                .transpose()?,
                            user_email: r.try_get("user_email")?,
                            at: from_micros(r.try_get("at")?),
                            changes: from_json(&r.try_get::<String, _>("changes")?)?,
                        })
                    })
                    .collect()
            }

            async fn add_error_report(
                &self,
                e: &crate::domain::manage::ErrorReport,
            ) -> StoreResult<()> {
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
                .bind(unix_micros(e.created_at))
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn open_error_reports(
                &self,
                organization: Option<OrganizationId>,
            ) -> StoreResult<Vec<crate::domain::manage::ErrorReport>> {
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

            async fn error_report(
                &self,
                id: &str,
            ) -> StoreResult<Option<crate::domain::manage::ErrorReport>> {
                sqlx::query("SELECT * FROM error_reports WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::error_report_from(&r))
                    .transpose()
            }

            async fn resolve_error_report(
                &self,
                id: &str,
                by: crate::domain::UserId,
                at: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let at = unix_micros(at);
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

            async fn create_invite(
                &self,
                i: &crate::domain::manage::Invite,
                m: &crate::domain::mail::OutgoingMail,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "INSERT INTO invites (token_hash, organization_id, email, invited_by, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&i.token_hash)
                .bind(i.organization_id.to_string())
                .bind(&i.email)
                .bind(i.invited_by.map(|u| u.to_string()))
                .bind(unix_micros(i.created_at))
                .bind(unix_micros(i.expires_at))
                .execute(&mut *tx)
                .await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn invite(
                &self,
                token_hash: &str,
                now: time::OffsetDateTime,
            ) -> StoreResult<Option<crate::domain::manage::Invite>> {
                let now = unix_micros(now);
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
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    email: r.try_get("email")?,
                    invited_by: r
                        .try_get::<Option<String>, _>("invited_by")?
                        .map(|u| parse_id(&u, crate::domain::UserId::parse))
                        .transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                    expires_at: from_micros(r.try_get("expires_at")?),
                }))
            }

            async fn accept_invite(
                &self,
                token_hash: &str,
                user: crate::domain::UserId,
                now: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let now = unix_micros(now);
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

            async fn users_of_organization(
                &self,
                organization: OrganizationId,
            ) -> StoreResult<Vec<crate::domain::accounts::User>> {
                let rows =
                    sqlx::query("SELECT * FROM users WHERE organization_id = $1 ORDER BY email")
                        .bind(organization.to_string())
                        .fetch_all(&self.pool)
                        .await?;
                rows.iter().map(Self::user_from).collect()
            }

            async fn remove_from_organization(
                &self,
                user: crate::domain::UserId,
                organization: OrganizationId,
            ) -> StoreResult<bool> {
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

            async fn freshness_records(
                &self,
            ) -> StoreResult<Vec<crate::domain::manage::FreshnessRecord>> {
                let mut out = Vec::new();
                for (kind, sql) in [
                    (
                        RecordKind::Organization,
                        "SELECT id, id AS organization_id, last_verified_at FROM organizations",
                    ),
                    (
                        RecordKind::Service,
                        "SELECT id, organization_id, last_verified_at FROM services",
                    ),
                    (
                        RecordKind::Opportunity,
                        "SELECT id, organization_id, last_verified_at FROM opportunities",
                    ),
                ] {
                    for r in sqlx::query(sql).fetch_all(&self.pool).await? {
                        out.push(crate::domain::manage::FreshnessRecord {
                            kind,
                            id: r.try_get::<String, _>("id")?,
                            organization_id: parse_id(
                                &r.try_get::<String, _>("organization_id")?,
                                OrganizationId::parse,
                            )?,
                            last_verified_at: r.try_get::<OffsetDateTime, _>("last_verified_at")?,
                        });
                    }
                }
                Ok(out)
            }

            async fn freshness_reminders(&self) -> StoreResult<Vec<crate::domain::manage::SentReminder>> {
                let rows = sqlx::query("SELECT record_id, stage, sent_at FROM freshness_reminders")
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(crate::domain::manage::SentReminder {
                            record_id: r.try_get("record_id")?,
                            stage: r.try_get::<i32, _>("stage")?,
                            sent_at: from_micros(r.try_get("sent_at")?),
                        })
                    })
                    .collect()
            }

            async fn claim_freshness_reminder(
                &self,
                record_id: &str,
                stage: i32,
                organization: OrganizationId,
                now: time::OffsetDateTime,
                after: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let now = unix_micros(now);
                let after = unix_micros(after);
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
        }
    };
}

manage_store!(SqliteStore, sqlx::Sqlite);
manage_store!(PostgresStore, sqlx::Postgres);
