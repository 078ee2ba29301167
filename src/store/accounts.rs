//! Accounts: users, sessions, sign-in throttling, one-time account tokens and the second
//! factor. The same SQL for both engines (see `sql.rs`).

use super::sql::*;
use super::StoreResult;
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Adds an account. `Ok(false)`: the e-mail address has one already (nothing changed).
    async fn create_user(&self, user: &crate::domain::accounts::User) -> StoreResult<bool>;
    async fn user_by_email(
        &self,
        email: &crate::domain::accounts::Email,
    ) -> StoreResult<Option<crate::domain::accounts::User>>;
    /// Disables an account now and ends its sessions. `Ok(false)`: there is no such account.
    async fn disable_user(&self, email: &crate::domain::accounts::Email) -> StoreResult<bool>;
    async fn create_session(&self, session: &crate::domain::accounts::Session) -> StoreResult<()>;
    /// A session by its token's hash, with its account.
    async fn session(
        &self,
        token_hash: &str,
    ) -> StoreResult<
        Option<(
            crate::domain::accounts::Session,
            crate::domain::accounts::User,
        )>,
    >;
    async fn touch_session(&self, token_hash: &str, now: time::OffsetDateTime) -> StoreResult<()>;
    async fn end_session(&self, token_hash: &str) -> StoreResult<()>;
    /// Ends every session of an account (new password, disabled account); how many ended.
    async fn end_sessions_of(&self, user: crate::domain::UserId) -> StoreResult<u64>;
    /// Replaces the stored password hash (a new password, or today's parameters).
    async fn set_password_hash(&self, id: crate::domain::UserId, hash: &str) -> StoreResult<()>;
    async fn user_by_id(
        &self,
        id: crate::domain::UserId,
    ) -> StoreResult<Option<crate::domain::accounts::User>>;
    /// Records that the account's owner showed they read mail sent to its address.
    async fn mark_email_verified(
        &self,
        id: crate::domain::UserId,
        at: time::OffsetDateTime,
    ) -> StoreResult<()>;
    /// Deletes an account for good, with its sessions. `Ok(false)`: there was none.
    async fn delete_user(&self, id: crate::domain::UserId) -> StoreResult<bool>;
    /// Records one failed sign-in under each key, at `at`, and forgets
    /// failures older than an hour.
    async fn record_login_failure(
        &self,
        keys: &[String],
        at: time::OffsetDateTime,
    ) -> StoreResult<()>;
    /// How many failures a key has since `since`, and the oldest of them.
    async fn login_failures(
        &self,
        key: &str,
        since: time::OffsetDateTime,
    ) -> StoreResult<crate::domain::accounts::Failures>;
    /// Stores a one-time link's token and the message that carries it, together.
    async fn issue_account_token(
        &self,
        token: &crate::domain::mail::AccountToken,
        mail: &crate::domain::mail::OutgoingMail,
    ) -> StoreResult<()>;
    /// Uses up a token of a purpose if it is unused and unexpired at `now`: its
    /// account and, for a change of address, the new address. Every other outstanding link
    /// of the account ends with it, in the same transaction.
    async fn use_account_token(
        &self,
        token_hash: &str,
        purpose: crate::domain::accounts::TokenPurpose,
        now: time::OffsetDateTime,
    ) -> StoreResult<Option<crate::domain::accounts::UsedToken>>;
    /// Ends every outstanding one-time link of an account (a new password or address).
    async fn end_account_tokens(
        &self,
        user: crate::domain::UserId,
        now: time::OffsetDateTime,
    ) -> StoreResult<u64>;
    /// The account of an unused, unexpired token, without using it up.
    async fn peek_account_token(
        &self,
        token_hash: &str,
        purpose: crate::domain::accounts::TokenPurpose,
        now: time::OffsetDateTime,
    ) -> StoreResult<Option<crate::domain::UserId>>;
    async fn second_factor(
        &self,
        user: crate::domain::UserId,
    ) -> StoreResult<Option<crate::domain::accounts::SecondFactor>>;
    /// Keeps a new secret for an account whose second factor is not confirmed yet (a
    /// confirmed one is never replaced here).
    async fn set_unconfirmed_second_factor(
        &self,
        user: crate::domain::UserId,
        secret: &str,
    ) -> StoreResult<()>;
    /// Uses a time step if it is later than the last one used (a code works once), and
    /// confirms the factor. `Ok(false)`: the step was used already.
    async fn use_second_factor_step(
        &self,
        user: crate::domain::UserId,
        step: i64,
        now: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    async fn replace_recovery_codes(
        &self,
        user: crate::domain::UserId,
        hashes: &[String],
    ) -> StoreResult<()>;
    /// Uses a recovery code once. `Ok(false)`: unknown or used.
    async fn use_recovery_code(
        &self,
        user: crate::domain::UserId,
        hash: &str,
        now: time::OffsetDateTime,
    ) -> StoreResult<bool>;
    async fn recovery_codes_left(&self, user: crate::domain::UserId) -> StoreResult<i64>;
    /// Gives an account a new address and ends its sessions. `Ok(false)`: another account
    /// has that address.
    async fn change_email(
        &self,
        user: crate::domain::UserId,
        email: &crate::domain::accounts::Email,
    ) -> StoreResult<bool>;
    /// An account's live and expired sessions, newest first.
    async fn sessions_of(
        &self,
        user: crate::domain::UserId,
    ) -> StoreResult<Vec<crate::domain::accounts::Session>>;
    /// Forgets an account's second factor and recovery codes and ends its sessions: the next
    /// sign-in sets a new one up. `Ok(false)`: it had none.
    async fn reset_second_factor(&self, user: crate::domain::UserId) -> StoreResult<bool>;
    /// Every account's second-factor secret as stored (to encrypt the plain ones).
    async fn second_factor_secrets(
        &self,
    ) -> StoreResult<Vec<crate::domain::accounts::StoredSecret>>;
    /// Replaces a secret as stored with another form of it, if it is still `old`.
    async fn replace_second_factor_secret(
        &self,
        user: crate::domain::UserId,
        old: &str,
        new: &str,
    ) -> StoreResult<bool>;
}

macro_rules! accounts_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl AccountStore for $store {
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

            async fn user_by_email(
                &self,
                email: &crate::domain::accounts::Email,
            ) -> StoreResult<Option<crate::domain::accounts::User>> {
                sqlx::query("SELECT * FROM users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::user_from(&r))
                    .transpose()
            }

            async fn disable_user(
                &self,
                email: &crate::domain::accounts::Email,
            ) -> StoreResult<bool> {
                let now = micros(OffsetDateTime::now_utc());
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query(
                    "UPDATE users SET disabled_at = COALESCE(disabled_at, $1), updated_at = $1 WHERE email = $2",
                )
                .bind(now)
                .bind(email.as_str())
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE email = $1)",
                )
                .bind(email.as_str())
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn create_session(
                &self,
                s: &crate::domain::accounts::Session,
            ) -> StoreResult<()> {
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
            ) -> StoreResult<
                Option<(
                    crate::domain::accounts::Session,
                    crate::domain::accounts::User,
                )>,
            > {
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

            async fn touch_session(
                &self,
                token_hash: &str,
                now: OffsetDateTime,
            ) -> StoreResult<()> {
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

            async fn set_password_hash(
                &self,
                id: crate::domain::UserId,
                hash: &str,
            ) -> StoreResult<()> {
                sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(hash)
                    .bind(micros(OffsetDateTime::now_utc()))
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn user_by_id(
                &self,
                id: crate::domain::UserId,
            ) -> StoreResult<Option<crate::domain::accounts::User>> {
                sqlx::query("SELECT * FROM users WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::user_from(&r))
                    .transpose()
            }

            async fn mark_email_verified(
                &self,
                id: crate::domain::UserId,
                at: OffsetDateTime,
            ) -> StoreResult<()> {
                sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $1), updated_at = $1 WHERE id = $2")
                    .bind(micros(at))
                    .bind(id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn delete_user(&self, id: crate::domain::UserId) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let email: Option<String> =
                    sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
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
                    sqlx::query(
                        "UPDATE error_reports SET contact_email = NULL WHERE contact_email = $1",
                    )
                    .bind(email)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query("DELETE FROM invites WHERE email = $1")
                        .bind(email)
                        .execute(&mut *tx)
                        .await?;
                    // Digest subscriptions were made without an account, but with the
                    // same person's address.
                    sqlx::query("DELETE FROM network_subscriptions WHERE email = $1")
                        .bind(email.to_lowercase())
                        .execute(&mut *tx)
                        .await?;
                }
                // The contact person the registrant named is theirs to take along.
                sqlx::query(
                    "UPDATE organization_registrations SET contact_name = '' WHERE user_id = $1",
                )
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
                // Warm hand-over: the person's records, consents and referrals go with them;
                // the audit log keeps its rows, with the person's ids replaced by one
                // tombstone (the chain holds: rows hash the ids' digests), and says so.
                let tombstone = format!(
                    "{}{}",
                    crate::domain::referrals::TOMBSTONE_PREFIX,
                    uuid::Uuid::new_v4().simple()
                );
                sqlx::query("UPDATE audit_log SET subject_id = $2 WHERE subject_id IN (SELECT id FROM clients WHERE user_id = $1)")
                    .bind(id.to_string())
                    .bind(&tombstone)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("UPDATE audit_log SET actor_id = $2 WHERE actor_id = $1")
                    .bind(id.to_string())
                    .bind(&tombstone)
                    .execute(&mut *tx)
                    .await?;
                // What the person's referrals counted in the impact figures goes with them.
                let counted: Vec<String> = sqlx::query_scalar("SELECT id FROM referrals WHERE client_id IN (SELECT id FROM clients WHERE user_id = $1)")
                    .bind(id.to_string())
                    .fetch_all(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM clients WHERE user_id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                if !counted.is_empty() {
                    Self::refresh_impact_tx(&mut tx, &counted, crate::domain::unix_micros(time::OffsetDateTime::now_utc())).await?;
                }
                Self::append_audit_tx(
                    &mut tx,
                    &[crate::domain::referrals::NewAudit {
                        at: time::OffsetDateTime::now_utc(),
                        actor: None,
                        actor_role: "system".into(),
                        organization: None,
                        purpose: "erasure".into(),
                        action: "erase".into(),
                        record_kind: "account".into(),
                        record_id: tombstone,
                        subject: None,
                    }],
                )
                .await?;
                let done = sqlx::query("DELETE FROM users WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                self.after_erasure().await?;
                Ok(done.rows_affected() == 1)
            }

            async fn record_login_failure(&self, keys: &[String], at: time::OffsetDateTime) -> StoreResult<()> {
                let at = unix_micros(at);
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

            async fn login_failures(
                &self,
                key: &str,
                since: time::OffsetDateTime,
            ) -> StoreResult<crate::domain::accounts::Failures> {
                let since = unix_micros(since);
                let r = sqlx::query("SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_failures WHERE key = $1 AND at > $2")
                    .bind(key)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await?;
                let n: i64 = r.try_get("n")?;
                Ok(crate::domain::accounts::Failures {
                    count: n as u64,
                    oldest: r.try_get::<Option<i64>, _>("oldest")?.map(from_micros),
                })
            }

            async fn issue_account_token(
                &self,
                t: &crate::domain::mail::AccountToken,
                m: &crate::domain::mail::OutgoingMail,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&t.token_hash)
                    .bind(t.user_id.to_string())
                    .bind(t.purpose.as_str())
                    .bind(&t.new_email)
                    .bind(unix_micros(t.created_at))
                    .bind(unix_micros(t.expires_at))
                    .execute(&mut *tx)
                    .await?;
                Self::insert_mail(&mut tx, m).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn use_account_token(
                &self,
                token_hash: &str,
                purpose: crate::domain::accounts::TokenPurpose,
                now: time::OffsetDateTime,
            ) -> StoreResult<Option<crate::domain::accounts::UsedToken>> {
                let now = unix_micros(now);
                let mut tx = self.pool.begin().await?;
                let Some(r) = sqlx::query(
                    "UPDATE account_tokens SET used_at = $1
                     WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1
                     RETURNING user_id, new_email",
                )
                .bind(now)
                .bind(token_hash)
                .bind(purpose.as_str())
                .fetch_optional(&mut *tx)
                .await?
                else {
                    return Ok(None);
                };
                let user: String = r.try_get("user_id")?;
                let new_email = r.try_get("new_email")?;
                // A link used ends the others: an older reset link cannot undo a newer one.
                sqlx::query(
                    "UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
                )
                .bind(now)
                .bind(&user)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(Some(crate::domain::accounts::UsedToken {
                    user_id: parse_id(&user, crate::domain::UserId::parse)?,
                    new_email,
                }))
            }

            async fn end_account_tokens(
                &self,
                user: crate::domain::UserId,
                now: time::OffsetDateTime,
            ) -> StoreResult<u64> {
                let now = unix_micros(now);
                let done = sqlx::query(
                    "UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL",
                )
                .bind(now)
                .bind(user.to_string())
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected())
            }

            async fn peek_account_token(
                &self,
                token_hash: &str,
                purpose: crate::domain::accounts::TokenPurpose,
                now: time::OffsetDateTime,
            ) -> StoreResult<Option<crate::domain::UserId>> {
                let now = unix_micros(now);
                sqlx::query_scalar::<_, String>(
                    "SELECT user_id FROM account_tokens WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3",
                )
                .bind(token_hash)
                .bind(purpose.as_str())
                .bind(now)
                .fetch_optional(&self.pool)
                .await?
                .map(|id| parse_id(&id, crate::domain::UserId::parse))
                .transpose()
            }

            async fn second_factor(
                &self,
                user: crate::domain::UserId,
            ) -> StoreResult<Option<crate::domain::accounts::SecondFactor>> {
                let Some(r) = sqlx::query(
                    "SELECT secret, confirmed_at, last_step FROM second_factors WHERE user_id = $1",
                )
                .bind(user.to_string())
                .fetch_optional(&self.pool)
                .await?
                else {
                    return Ok(None);
                };
                Ok(Some(crate::domain::accounts::SecondFactor {
                    secret: r.try_get("secret")?,
                    confirmed_at: r.try_get::<Option<i64>, _>("confirmed_at")?.map(from_micros),
                    last_step: r.try_get("last_step")?,
                }))
            }

            async fn set_unconfirmed_second_factor(
                &self,
                user: crate::domain::UserId,
                secret: &str,
            ) -> StoreResult<()> {
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

            async fn use_second_factor_step(
                &self,
                user: crate::domain::UserId,
                step: i64,
                now: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let now = unix_micros(now);
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

            async fn replace_recovery_codes(
                &self,
                user: crate::domain::UserId,
                hashes: &[String],
            ) -> StoreResult<()> {
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

            async fn use_recovery_code(
                &self,
                user: crate::domain::UserId,
                hash: &str,
                now: time::OffsetDateTime,
            ) -> StoreResult<bool> {
                let now = unix_micros(now);
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
                Ok(sqlx::query_scalar(
                    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
                )
                .bind(user.to_string())
                .fetch_one(&self.pool)
                .await?)
            }

            async fn change_email(
                &self,
                user: crate::domain::UserId,
                email: &crate::domain::accounts::Email,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let taken: Option<String> =
                    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
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

            async fn sessions_of(
                &self,
                user: crate::domain::UserId,
            ) -> StoreResult<Vec<crate::domain::accounts::Session>> {
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

            async fn second_factor_secrets(
                &self,
            ) -> StoreResult<Vec<crate::domain::accounts::StoredSecret>> {
                let rows: Vec<(String, String)> =
                    sqlx::query_as("SELECT user_id, secret FROM second_factors ORDER BY user_id")
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|(u, secret)| {
                        Ok(crate::domain::accounts::StoredSecret {
                            user_id: parse_id(&u, crate::domain::UserId::parse)?,
                            secret,
                        })
                    })
                    .collect()
            }

            async fn replace_second_factor_secret(
                &self,
                user: crate::domain::UserId,
                old: &str,
                new: &str,
            ) -> StoreResult<bool> {
                let done = sqlx::query(
                    "UPDATE second_factors SET secret = $1 WHERE user_id = $2 AND secret = $3",
                )
                .bind(new)
                .bind(user.to_string())
                .bind(old)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }
        }
    };
}

accounts_store!(SqliteStore, sqlx::Sqlite);
accounts_store!(PostgresStore, sqlx::Postgres);
