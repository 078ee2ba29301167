//! Warm hand-over: clients, the consent ledger, referrals with their steps and follow-ups,
//! and the hash-chained audit log. The same SQL for both engines.
//!
//! Consent is enforced here, in the queries: a referral's sealed summary is only read when
//! the `referral` and `share_summary` consents it was sent under are in force (not withdrawn,
//! not expired), its health notes only when the `share_health` one is too.

use super::sql::{from_json, parse_enum, parse_id, to_json, PostgresStore, SqliteStore};
use super::{Page, PageRequest, StoreError, StoreResult};
use crate::domain::mail::OutgoingMail;
use crate::domain::referrals::{
    AuditRow, Client, ClientId, Consent, ConsentId, ConsentMethod, ConsentText, DeclineReason,
    FollowUp, NewAudit, Outcome, Party, Purpose, Referral, ReferralEvent, ReferralId,
    ReferralState,
};
use crate::domain::{from_micros, unix_micros, OpportunityId, OrganizationId, ServiceId, UserId};
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

/// A referral to write with what goes with it, all or nothing.
#[derive(Debug, Clone)]
pub struct NewReferral<'a> {
    pub referral: &'a Referral,
    /// The consents given for it now, written in the same transaction (one commit).
    pub consents: &'a [Consent],
    /// What the impact figures group it by: the kind of its target, its quarter (`2026Q3`),
    /// the person's municipality, and its statistics consent with when that ends.
    pub kind: &'a str,
    pub quarter: &'a str,
    pub municipality: Option<&'a str>,
    pub statistics: Option<(ConsentId, OffsetDateTime)>,
    pub summary_consent: ConsentId,
    pub health_consent: Option<ConsentId>,
    pub summary_sealed: &'a str,
    pub health_sealed: Option<&'a str>,
    pub event: &'a ReferralEvent,
    pub notify: &'a [OutgoingMail],
    pub audit: &'a [NewAudit],
}

/// A referral's move from one state to the next (only if it is still in `from`).
#[derive(Debug, Clone)]
pub struct ReferralMove<'a> {
    pub id: ReferralId,
    pub from: ReferralState,
    pub event: &'a ReferralEvent,
    pub decline_reason: Option<DeclineReason>,
    pub outcome: Option<Outcome>,
    /// Follow-ups to ask (after a completion): (months, due at).
    pub follow_ups: &'a [(i32, OffsetDateTime)],
    pub notify: &'a [OutgoingMail],
    pub audit: &'a [NewAudit],
}

/// The sealed texts of a referral that its consents still let out.
#[derive(Debug, Clone, PartialEq)]
pub struct SealedContents {
    pub summary: String,
    pub health: Option<String>,
}

/// Which audit rows to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// About these persons (client ids); `Some` of none: about nobody (never everybody).
    pub subjects: Option<Vec<ClientId>>,
    pub actor: Option<UserId>,
    /// Ids that begin so (hexadecimal digits and dashes only): the short ids the page shows.
    pub actor_prefix: Option<String>,
    pub subject_prefix: Option<String>,
    pub organization: Option<OrganizationId>,
    pub purpose: Option<String>,
    pub action: Option<String>,
    pub from: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
}

/// Which referrals the impact figures count (besides: only under a `statistics` consent in
/// force).
#[derive(Debug, Clone, Default)]
pub struct ImpactFilter {
    /// The person's municipality.
    pub municipality: Option<String>,
    /// Sent or received by this organization.
    pub organization: Option<OrganizationId>,
    /// The kind of the service (`activity`, `service`) or place (`work_trial`, …).
    pub kind: Option<String>,
    /// Made in this quarter (`2026Q3`, Finnish time).
    pub quarter: Option<String>,
    /// Sent or received by a member organization of this network. Counted from the kept
    /// facts of its members' referrals (a referral between two members counts once, which
    /// the kept counts per organization cannot say).
    pub network: Option<crate::domain::NetworkId>,
}

/// Referrals of one group: (kind, quarter, state, decline reason or outcome, count).
pub type CubeRow = (String, String, ReferralState, Option<String>, u64);

/// The impact figures' counts, grouped in the database, each list sorted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImpactCube {
    /// Distinct people.
    pub people: u64,
    pub referrals: Vec<CubeRow>,
    /// Days from a referral to its first answer: (days, count).
    pub answer_days: Vec<(i64, u64)>,
    /// Steps of paths: (from, to, count); `start`, `kind:…`, `outcome:…`.
    pub steps: Vec<(String, String, u64)>,
    /// Answered follow-ups: (months, outcome, count).
    pub follow_ups: Vec<(i32, Outcome, u64)>,
}

/// A generated ecosystem for the impact benchmarks (`kolmonen gen-bench-paths`), written in
/// bulk: no contents (nothing sealed), every referral counted for statistics.
#[derive(Debug, Clone, Default)]
pub struct BenchPaths {
    pub clients: Vec<Client>,
    pub consents: Vec<Consent>,
    /// A referral with its kind, quarter, municipality, statistics consent and its end, and
    /// days to the first answer.
    pub referrals: Vec<BenchReferral>,
    pub events: Vec<ReferralEvent>,
    /// (referral, from, to, at)
    pub steps: Vec<(ReferralId, String, String, OffsetDateTime)>,
}

#[derive(Debug, Clone)]
pub struct BenchReferral {
    pub referral: Referral,
    pub kind: String,
    pub quarter: String,
    pub municipality: Option<String>,
    pub statistics: (ConsentId, OffsetDateTime),
    pub answer_days: Option<i64>,
}

/// The last row's number and hash, and where the kept chain starts.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditHead {
    pub seq: i64,
    pub hash: String,
    pub first_seq: i64,
    pub first_prev_hash: String,
}

#[async_trait]
pub trait ReferralStore: Send + Sync {
    /// Adds consent texts not yet kept; returns the (purpose, version) of any kept with a
    /// different wording (a published text is never changed: it needs a new version).
    async fn publish_consent_texts(
        &self,
        texts: &[ConsentText],
    ) -> StoreResult<Vec<(Purpose, i32)>>;
    /// The newest version of each purpose's text.
    async fn current_consent_texts(&self) -> StoreResult<Vec<ConsentText>>;
    async fn consent_text(
        &self,
        purpose: Purpose,
        version: i32,
    ) -> StoreResult<Option<ConsentText>>;

    /// Records a client (with a claim code's hash, if one is made now).
    async fn create_client(
        &self,
        c: &Client,
        claim: Option<(&str, OffsetDateTime)>,
        audit: &[NewAudit],
    ) -> StoreResult<()>;
    async fn client(&self, id: ClientId) -> StoreResult<Option<Client>>;
    async fn clients_of_organization(&self, org: OrganizationId) -> StoreResult<Vec<Client>>;
    /// Every record that is this account's (its own and those it has claimed).
    async fn clients_of_user(&self, user: UserId) -> StoreResult<Vec<Client>>;
    /// The person's own record, made now if there is none.
    async fn own_client(
        &self,
        user: UserId,
        display_name: &str,
        at: OffsetDateTime,
    ) -> StoreResult<Client>;
    /// A new claim code's hash for a client (the old one stops working).
    async fn set_claim(
        &self,
        client: ClientId,
        hash: &str,
        expires: OffsetDateTime,
    ) -> StoreResult<()>;
    /// Gives the client record whose unexpired claim code has this hash to the account;
    /// the code works once. The audit row gets the claimed record as record and subject.
    async fn claim_client(
        &self,
        hash: &str,
        user: UserId,
        now: OffsetDateTime,
        audit: &NewAudit,
    ) -> StoreResult<Option<Client>>;

    async fn consent(&self, id: ConsentId) -> StoreResult<Option<Consent>>;
    async fn consents_of(&self, clients: &[ClientId]) -> StoreResult<Vec<Consent>>;
    /// Withdraws a consent in force; `false` when it was withdrawn already.
    async fn withdraw_consent(
        &self,
        id: ConsentId,
        by: Option<UserId>,
        at: OffsetDateTime,
        audit: &[NewAudit],
    ) -> StoreResult<bool>;

    async fn create_referral(&self, r: NewReferral<'_>) -> StoreResult<()>;
    async fn referral(&self, id: ReferralId) -> StoreResult<Option<Referral>>;
    /// Referrals to or from an organization, newest change first.
    async fn referrals_of_organization(
        &self,
        org: OrganizationId,
        page: PageRequest,
    ) -> StoreResult<Page<Referral>>;
    async fn referrals_of_clients(&self, clients: &[ClientId]) -> StoreResult<Vec<Referral>>;
    /// The sealed summary (and notes) when the consents they were sent under are in force
    /// at `now`; `None` otherwise. The audit rows are written only when something is read.
    async fn referral_contents(
        &self,
        id: ReferralId,
        now: OffsetDateTime,
        audit: &[NewAudit],
    ) -> StoreResult<Option<SealedContents>>;
    /// Moves a referral if it is still in `m.from`; `false` when it is not (someone else
    /// moved it first).
    async fn move_referral(&self, m: ReferralMove<'_>) -> StoreResult<bool>;
    async fn referral_events(&self, ids: &[ReferralId]) -> StoreResult<Vec<ReferralEvent>>;
    async fn follow_ups_of(&self, ids: &[ReferralId]) -> StoreResult<Vec<FollowUp>>;
    /// Answers a follow-up not answered yet; `false` when it was (or is not there).
    async fn answer_follow_up(
        &self,
        referral: ReferralId,
        months: i32,
        outcome: Outcome,
        by: Party,
        at: OffsetDateTime,
        audit: &[NewAudit],
    ) -> StoreResult<bool>;
    /// Follow-ups due by `now` and not yet asked: (referral, months).
    async fn follow_ups_to_ask(&self, now: OffsetDateTime) -> StoreResult<Vec<(Referral, i32)>>;
    /// Marks a follow-up asked, with the notices that ask it.
    async fn mark_follow_up_asked(
        &self,
        referral: ReferralId,
        months: i32,
        at: OffsetDateTime,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
    /// Referrals still waiting for an answer made before `before`, not yet reminded on this
    /// side (`receiver` true: the receiver, else the sender).
    async fn waiting_referrals(
        &self,
        before: OffsetDateTime,
        receiver: bool,
    ) -> StoreResult<Vec<Referral>>;
    /// Marks a waiting referral reminded on one side, with the reminders.
    async fn mark_reminded(
        &self,
        id: ReferralId,
        receiver: bool,
        at: OffsetDateTime,
        notify: &[OutgoingMail],
    ) -> StoreResult<bool>;
    /// Open referrals under a consent (to cancel when it is withdrawn).
    async fn open_referrals_under(&self, consent: ConsentId) -> StoreResult<Vec<Referral>>;

    /// A referral's sealed values whatever its consents say: only for the person's own export
    /// (their right of access), which audits the read.
    async fn referral_sealed_for_owner(
        &self,
        id: ReferralId,
        audit: &[NewAudit],
    ) -> StoreResult<Option<(String, Option<String>)>>;
    /// Every sealed value, `limit` referrals after `after` (in id order), for rotation.
    async fn sealed_values(
        &self,
        after: Option<ReferralId>,
        limit: i64,
    ) -> StoreResult<Vec<(ReferralId, String, Option<String>)>>;
    /// Replaces a referral's sealed values (rotation), if they are still `old`.
    async fn reseal(
        &self,
        id: ReferralId,
        old: (&str, Option<&str>),
        new: (&str, Option<&str>),
    ) -> StoreResult<bool>;

    /// The counts of the impact figures: referrals under a `statistics` consent in force at
    /// `now` that match the filter, from the counts kept with every change.
    async fn impact_cube(&self, f: &ImpactFilter, now: OffsetDateTime) -> StoreResult<ImpactCube>;
    /// The same counts counted from the referrals themselves, walking every one (to check
    /// the kept counts; too slow for a page at national scale).
    async fn impact_cube_scan(
        &self,
        f: &ImpactFilter,
        now: OffsetDateTime,
    ) -> StoreResult<ImpactCube>;

    /// Retention: referrals closed (declined, completed, cancelled) before `before` lose
    /// their sealed summary and notes and who made them; what stays is a state, dates and
    /// an outcome. Returns how many.
    async fn anonymize_referrals_before(
        &self,
        before: OffsetDateTime,
        audit: &NewAudit,
    ) -> StoreResult<u64>;
    /// Retention: an organization's client records not taken over by an account, made
    /// before `before` and with no referral changed since, are deleted with their consents
    /// and referrals. Returns how many.
    async fn delete_idle_clients_before(
        &self,
        before: OffsetDateTime,
        audit: &NewAudit,
    ) -> StoreResult<u64>;
    /// Retention of the audit log: the rows before `before` go as one prefix; the chain
    /// then starts after them, and a row records how many went. Returns how many.
    async fn prune_audit_before(
        &self,
        before: OffsetDateTime,
        audit: &NewAudit,
    ) -> StoreResult<u64>;

    /// Writes a generated ecosystem (benchmarks only) in bulk, in one transaction; the
    /// impact counts are counted again at the next reading.
    async fn insert_bench_paths(&self, b: &BenchPaths) -> StoreResult<()>;
    /// Counts the impact figures again from the referrals (after bulk writes).
    async fn recount_impact(&self, now: OffsetDateTime) -> StoreResult<()>;

    /// Appends rows to the audit log.
    async fn append_audit(&self, rows: &[NewAudit]) -> StoreResult<()>;
    async fn audit_head(&self) -> StoreResult<AuditHead>;
    /// `limit` rows from number `from` on, in order (for `audit verify`).
    async fn audit_chain(&self, from: i64, limit: i64) -> StoreResult<Vec<AuditRow>>;
    /// Rows matching a filter, newest first.
    async fn audit_rows(&self, f: &AuditFilter, page: PageRequest) -> StoreResult<Page<AuditRow>>;
}

fn client_cols() -> &'static str {
    "id, organization_id, user_id, display_name, birth_year, municipality, created_by, created_at"
}

fn consent_cols() -> &'static str {
    "c.id, c.client_id, c.purpose, c.text_version, c.categories, c.recipient_org, c.given_at, c.method, c.recorded_by, c.expires_at, w.withdrawn_at, w.withdrawn_by"
}

fn referral_cols() -> &'static str {
    "id, client_id, from_org, to_org, service_id, opportunity_id, state, decline_reason, outcome, created_by, created_at, updated_at, answered_at, consent_id, health_sealed IS NOT NULL AS has_health"
}

fn opt_id<T>(s: Option<String>, parse: fn(&str) -> Option<T>) -> StoreResult<Option<T>> {
    s.map(|s| parse_id(&s, parse)).transpose()
}

fn party(s: &str) -> StoreResult<Party> {
    match s {
        "sender" => Ok(Party::Sender),
        "receiver" => Ok(Party::Receiver),
        "person" => Ok(Party::Person),
        other => Err(StoreError::Corrupt(format!("party {other}"))),
    }
}

fn audit_cols() -> &'static str {
    "seq, at, actor_id, actor_digest, actor_role, organization_id, purpose, action, record_kind, record_id, subject_id, subject_digest, prev_hash, hash"
}

/// `$n` placeholders from `start` for a list.
fn placeholders(start: usize, n: usize) -> String {
    (start..start + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A consent in force for a referral at `$now` (bound by the caller): the named column's
/// consent, not withdrawn and not expired.
fn in_force(column: &str, now: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM consents k WHERE k.id = {column} AND k.expires_at > {now}
           AND NOT EXISTS (SELECT 1 FROM consent_withdrawals kw WHERE kw.consent_id = k.id))"
    )
}

macro_rules! referrals_store {
    ($store:ident, $db:ty) => {
        impl $store {
            /// The rows of `sql` (any query; `rows_in` reads one table), its `{in}` replaced by the placeholders of `ids`, each
            /// read by `read`; none for no ids.
            async fn select_in<T, I: ToString>(
                &self,
                sql: &str,
                ids: &[I],
                read: fn(&<$db as sqlx::Database>::Row) -> StoreResult<T>,
            ) -> StoreResult<Vec<T>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let sql = sql.replace("{in}", &placeholders(1, ids.len()));
                let mut q = sqlx::query(&sql);
                for i in ids {
                    q = q.bind(i.to_string());
                }
                let rows = q.fetch_all(&self.pool).await?;
                rows.iter().map(read).collect()
            }

            fn client_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Client> {
                Ok(Client {
                    id: parse_id(&r.try_get::<String, _>("id")?, ClientId::parse)?,
                    organization_id: opt_id(r.try_get("organization_id")?, OrganizationId::parse)?,
                    user_id: opt_id(r.try_get("user_id")?, UserId::parse)?,
                    display_name: r.try_get("display_name")?,
                    birth_year: r.try_get::<Option<i32>, _>("birth_year")?,
                    municipality: r.try_get("municipality")?,
                    created_by: opt_id(r.try_get("created_by")?, UserId::parse)?,
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }

            fn consent_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Consent> {
                Ok(Consent {
                    id: parse_id(&r.try_get::<String, _>("id")?, ConsentId::parse)?,
                    client_id: parse_id(&r.try_get::<String, _>("client_id")?, ClientId::parse)?,
                    purpose: parse_enum(&r.try_get::<String, _>("purpose")?, Purpose::parse)?,
                    text_version: r.try_get::<i32, _>("text_version")?,
                    categories: from_json(&r.try_get::<String, _>("categories")?)?,
                    recipient: opt_id(r.try_get("recipient_org")?, OrganizationId::parse)?,
                    given_at: from_micros(r.try_get("given_at")?),
                    method: parse_enum(&r.try_get::<String, _>("method")?, ConsentMethod::parse)?,
                    recorded_by: opt_id(r.try_get("recorded_by")?, UserId::parse)?,
                    expires_at: from_micros(r.try_get("expires_at")?),
                    withdrawn_at: r.try_get::<Option<i64>, _>("withdrawn_at")?.map(from_micros),
                    withdrawn_by: opt_id(r.try_get("withdrawn_by")?, UserId::parse)?,
                })
            }

            fn referral_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Referral> {
                Ok(Referral {
                    id: parse_id(&r.try_get::<String, _>("id")?, ReferralId::parse)?,
                    client_id: parse_id(&r.try_get::<String, _>("client_id")?, ClientId::parse)?,
                    from_org: opt_id(r.try_get("from_org")?, OrganizationId::parse)?,
                    to_org: parse_id(&r.try_get::<String, _>("to_org")?, OrganizationId::parse)?,
                    service_id: opt_id(r.try_get("service_id")?, ServiceId::parse)?,
                    opportunity_id: opt_id(r.try_get("opportunity_id")?, OpportunityId::parse)?,
                    state: parse_enum(&r.try_get::<String, _>("state")?, ReferralState::parse)?,
                    decline_reason: r
                        .try_get::<Option<String>, _>("decline_reason")?
                        .map(|s| parse_enum(&s, DeclineReason::parse))
                        .transpose()?,
                    outcome: r
                        .try_get::<Option<String>, _>("outcome")?
                        .map(|s| parse_enum(&s, Outcome::parse))
                        .transpose()?,
                    created_by: opt_id(r.try_get("created_by")?, UserId::parse)?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                    answered_at: r.try_get::<Option<i64>, _>("answered_at")?.map(from_micros),
                    consent_id: parse_id(&r.try_get::<String, _>("consent_id")?, ConsentId::parse)?,
                    has_health: r.try_get("has_health")?,
                })
            }

            fn audit_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<AuditRow> {
                Ok(AuditRow {
                    seq: r.try_get("seq")?,
                    at: from_micros(r.try_get("at")?),
                    actor: r.try_get("actor_id")?,
                    actor_digest: r.try_get("actor_digest")?,
                    actor_role: r.try_get("actor_role")?,
                    organization: r.try_get("organization_id")?,
                    purpose: r.try_get("purpose")?,
                    action: r.try_get("action")?,
                    record_kind: r.try_get("record_kind")?,
                    record_id: r.try_get("record_id")?,
                    subject: r.try_get("subject_id")?,
                    subject_digest: r.try_get("subject_digest")?,
                    prev_hash: r.try_get("prev_hash")?,
                    hash: r.try_get("hash")?,
                })
            }

            /// Appends audit rows inside a transaction: the head's row is locked first (a
            /// row lock on PostgreSQL, the write lock on SQLite), so appends take turns and
            /// the chain never forks.
            pub(super) async fn append_audit_tx(
                tx: &mut sqlx::Transaction<'_, $db>,
                rows: &[NewAudit],
            ) -> StoreResult<()> {
                if rows.is_empty() {
                    return Ok(());
                }
                sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
                    .execute(&mut **tx)
                    .await?;
                let (mut seq, mut hash): (i64, String) =
                    sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
                        .fetch_one(&mut **tx)
                        .await?;
                for e in rows {
                    seq += 1;
                    let row = AuditRow::chain(seq, &hash, e);
                    sqlx::query(&format!("INSERT INTO audit_log ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)", audit_cols()))
                        .bind(row.seq)
                        .bind(unix_micros(row.at))
                        .bind(&row.actor)
                        .bind(&row.actor_digest)
                        .bind(&row.actor_role)
                        .bind(&row.organization)
                        .bind(&row.purpose)
                        .bind(&row.action)
                        .bind(&row.record_kind)
                        .bind(&row.record_id)
                        .bind(&row.subject)
                        .bind(&row.subject_digest)
                        .bind(&row.prev_hash)
                        .bind(&row.hash)
                        .execute(&mut **tx)
                        .await?;
                    hash = row.hash;
                }
                sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
                    .bind(seq)
                    .bind(&hash)
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            async fn add_event(
                tx: &mut sqlx::Transaction<'_, $db>,
                e: &ReferralEvent,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO referral_events (id, referral_id, state, detail, by_party, by_user, at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(uuid::Uuid::new_v4().to_string())
                    .bind(e.referral_id.to_string())
                    .bind(e.state.as_str())
                    .bind(&e.detail)
                    .bind(e.by_party.as_str())
                    .bind(e.by_user.map(|u| u.to_string()))
                    .bind(unix_micros(e.at))
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            async fn insert_consent(
                tx: &mut sqlx::Transaction<'_, $db>,
                c: &Consent,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO consents (id, client_id, purpose, text_version, categories, recipient_org, given_at, method, recorded_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                    .bind(c.id.to_string())
                    .bind(c.client_id.to_string())
                    .bind(c.purpose.as_str())
                    .bind(c.text_version)
                    .bind(to_json(&c.categories))
                    .bind(c.recipient.map(|o| o.to_string()))
                    .bind(unix_micros(c.given_at))
                    .bind(c.method.as_str())
                    .bind(c.recorded_by.map(|u| u.to_string()))
                    .bind(unix_micros(c.expires_at))
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }
        }

        #[async_trait]
        impl ReferralStore for $store {
            async fn publish_consent_texts(
                &self,
                texts: &[ConsentText],
            ) -> StoreResult<Vec<(Purpose, i32)>> {
                let mut changed = Vec::new();
                let mut tx = self.pool.begin().await?;
                for t in texts {
                    sqlx::query("INSERT INTO consent_texts (purpose, version, text_fi, text_sv, text_en) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                        .bind(t.purpose.as_str())
                        .bind(t.version)
                        .bind(&t.fi)
                        .bind(&t.sv)
                        .bind(&t.en)
                        .execute(&mut *tx)
                        .await?;
                    let kept: (String, String, String) = sqlx::query_as("SELECT text_fi, text_sv, text_en FROM consent_texts WHERE purpose = $1 AND version = $2")
                        .bind(t.purpose.as_str())
                        .bind(t.version)
                        .fetch_one(&mut *tx)
                        .await?;
                    if kept != (t.fi.clone(), t.sv.clone(), t.en.clone()) {
                        changed.push((t.purpose, t.version));
                    }
                }
                tx.commit().await?;
                Ok(changed)
            }

            async fn current_consent_texts(&self) -> StoreResult<Vec<ConsentText>> {
                let rows = sqlx::query("SELECT purpose, version, text_fi, text_sv, text_en FROM consent_texts t WHERE version = (SELECT MAX(version) FROM consent_texts u WHERE u.purpose = t.purpose) ORDER BY purpose")
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok(ConsentText {
                            purpose: parse_enum(&r.try_get::<String, _>("purpose")?, Purpose::parse)?,
                            version: r.try_get("version")?,
                            fi: r.try_get("text_fi")?,
                            sv: r.try_get("text_sv")?,
                            en: r.try_get("text_en")?,
                        })
                    })
                    .collect()
            }

            async fn consent_text(
                &self,
                purpose: Purpose,
                version: i32,
            ) -> StoreResult<Option<ConsentText>> {
                let row: Option<(String, String, String)> = sqlx::query_as("SELECT text_fi, text_sv, text_en FROM consent_texts WHERE purpose = $1 AND version = $2")
                    .bind(purpose.as_str())
                    .bind(version)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(|(fi, sv, en)| ConsentText { purpose, version, fi, sv, en }))
            }

            async fn create_client(
                &self,
                c: &Client,
                claim: Option<(&str, OffsetDateTime)>,
                audit: &[NewAudit],
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(&format!("INSERT INTO clients ({}, claim_hash, claim_expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", client_cols()))
                    .bind(c.id.to_string())
                    .bind(c.organization_id.map(|o| o.to_string()))
                    .bind(c.user_id.map(|u| u.to_string()))
                    .bind(&c.display_name)
                    .bind(c.birth_year)
                    .bind(&c.municipality)
                    .bind(c.created_by.map(|u| u.to_string()))
                    .bind(unix_micros(c.created_at))
                    .bind(claim.map(|(h, _)| h.to_string()))
                    .bind(claim.map(|(_, at)| unix_micros(at)))
                    .execute(&mut *tx)
                    .await?;
                Self::append_audit_tx(&mut tx, audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn client(&self, id: ClientId) -> StoreResult<Option<Client>> {
                let row = sqlx::query(&format!("SELECT {} FROM clients WHERE id = $1", client_cols()))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(Self::client_from).transpose()
            }

            async fn clients_of_organization(&self, org: OrganizationId) -> StoreResult<Vec<Client>> {
                let rows = sqlx::query(&format!("SELECT {} FROM clients WHERE organization_id = $1 ORDER BY display_name, id", client_cols()))
                    .bind(org.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::client_from).collect()
            }

            async fn clients_of_user(&self, user: UserId) -> StoreResult<Vec<Client>> {
                let rows = sqlx::query(&format!("SELECT {} FROM clients WHERE user_id = $1 ORDER BY created_at, id", client_cols()))
                    .bind(user.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::client_from).collect()
            }

            async fn own_client(
                &self,
                user: UserId,
                display_name: &str,
                at: OffsetDateTime,
            ) -> StoreResult<Client> {
                sqlx::query(&format!("INSERT INTO clients ({}) VALUES ($1, NULL, $2, $3, NULL, NULL, $2, $4) ON CONFLICT DO NOTHING", client_cols()))
                    .bind(ClientId::new().to_string())
                    .bind(user.to_string())
                    .bind(display_name)
                    .bind(unix_micros(at))
                    .execute(&self.pool)
                    .await?;
                let row = sqlx::query(&format!("SELECT {} FROM clients WHERE user_id = $1 AND organization_id IS NULL", client_cols()))
                    .bind(user.to_string())
                    .fetch_one(&self.pool)
                    .await?;
                Self::client_from(&row)
            }

            async fn set_claim(
                &self,
                client: ClientId,
                hash: &str,
                expires: OffsetDateTime,
            ) -> StoreResult<()> {
                sqlx::query("UPDATE clients SET claim_hash = $2, claim_expires_at = $3 WHERE id = $1 AND user_id IS NULL")
                    .bind(client.to_string())
                    .bind(hash)
                    .bind(unix_micros(expires))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn claim_client(
                &self,
                hash: &str,
                user: UserId,
                now: OffsetDateTime,
                audit: &NewAudit,
            ) -> StoreResult<Option<Client>> {
                let mut tx = self.pool.begin().await?;
                let id: Option<String> = sqlx::query_scalar("UPDATE clients SET user_id = $2, claim_hash = NULL, claim_expires_at = NULL WHERE claim_hash = $1 AND claim_expires_at > $3 AND user_id IS NULL RETURNING id")
                    .bind(hash)
                    .bind(user.to_string())
                    .bind(unix_micros(now))
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(id) = id else {
                    return Ok(None);
                };
                let id = parse_id(&id, ClientId::parse)?;
                let row = NewAudit {
                    record_id: id.to_string(),
                    subject: Some(id),
                    ..audit.clone()
                };
                Self::append_audit_tx(&mut tx, &[row]).await?;
                tx.commit().await?;
                self.client(id).await
            }

            async fn consent(&self, id: ConsentId) -> StoreResult<Option<Consent>> {
                let row = sqlx::query(&format!("SELECT {} FROM consents c LEFT JOIN consent_withdrawals w ON w.consent_id = c.id WHERE c.id = $1", consent_cols()))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(Self::consent_from).transpose()
            }

            async fn consents_of(&self, clients: &[ClientId]) -> StoreResult<Vec<Consent>> {
                let sql = format!("SELECT {} FROM consents c LEFT JOIN consent_withdrawals w ON w.consent_id = c.id WHERE c.client_id IN ({{in}}) ORDER BY c.given_at DESC, c.id", consent_cols());
                self.select_in(&sql, clients, Self::consent_from).await
            }

            async fn withdraw_consent(
                &self,
                id: ConsentId,
                by: Option<UserId>,
                at: OffsetDateTime,
                audit: &[NewAudit],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("INSERT INTO consent_withdrawals (consent_id, withdrawn_at, withdrawn_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(id.to_string())
                    .bind(unix_micros(at))
                    .bind(by.map(|u| u.to_string()))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if done {
                    // A withdrawn statistics consent takes its referrals out of the figures now.
                    let counted: Vec<String> = sqlx::query_scalar("SELECT id FROM referrals WHERE statistics_consent_id = $1")
                        .bind(id.to_string())
                        .fetch_all(&mut *tx)
                        .await?;
                    sqlx::query("UPDATE referrals SET statistics_until = NULL WHERE statistics_consent_id = $1")
                        .bind(id.to_string())
                        .execute(&mut *tx)
                        .await?;
                    if !counted.is_empty() {
                        Self::refresh_impact_tx(&mut tx, &counted, unix_micros(at)).await?;
                    }
                    Self::append_audit_tx(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done)
            }

            async fn create_referral(&self, n: NewReferral<'_>) -> StoreResult<()> {
                let r = n.referral;
                let mut tx = self.pool.begin().await?;
                for c in n.consents {
                    Self::insert_consent(&mut tx, c).await?;
                }
                sqlx::query("INSERT INTO referrals (id, client_id, from_org, to_org, service_id, opportunity_id, state, created_by, created_at, updated_at, consent_id, summary_consent_id, health_consent_id, summary_sealed, health_sealed, kind, quarter, municipality, statistics_consent_id, statistics_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)")
                    .bind(r.id.to_string())
                    .bind(r.client_id.to_string())
                    .bind(r.from_org.map(|o| o.to_string()))
                    .bind(r.to_org.to_string())
                    .bind(r.service_id.map(|s| s.to_string()))
                    .bind(r.opportunity_id.map(|o| o.to_string()))
                    .bind(r.state.as_str())
                    .bind(r.created_by.map(|u| u.to_string()))
                    .bind(unix_micros(r.created_at))
                    .bind(r.consent_id.to_string())
                    .bind(n.summary_consent.to_string())
                    .bind(n.health_consent.map(|c| c.to_string()))
                    .bind(n.summary_sealed)
                    .bind(n.health_sealed)
                    .bind(n.kind)
                    .bind(n.quarter)
                    .bind(n.municipality)
                    .bind(n.statistics.map(|(c, _)| c.to_string()))
                    .bind(n.statistics.map(|(_, until)| unix_micros(until)))
                    .execute(&mut *tx)
                    .await?;
                Self::add_event(&mut tx, n.event).await?;
                for m in n.notify {
                    Self::insert_mail(&mut tx, m).await?;
                }
                if n.statistics.is_some() {
                    Self::refresh_impact_tx(&mut tx, &[r.id.to_string()], unix_micros(r.created_at)).await?;
                }
                Self::append_audit_tx(&mut tx, n.audit).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn referral(&self, id: ReferralId) -> StoreResult<Option<Referral>> {
                let row = sqlx::query(&format!("SELECT {} FROM referrals WHERE id = $1", referral_cols()))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(Self::referral_from).transpose()
            }

            async fn referrals_of_organization(
                &self,
                org: OrganizationId,
                page: PageRequest,
            ) -> StoreResult<Page<Referral>> {
                let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM referrals WHERE from_org = $1 OR to_org = $1")
                    .bind(org.to_string())
                    .fetch_one(&self.pool)
                    .await?;
                let rows = sqlx::query(&format!("SELECT {} FROM referrals WHERE from_org = $1 OR to_org = $1 ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3", referral_cols()))
                    .bind(org.to_string())
                    .bind(i64::from(page.per_page))
                    .bind(page.offset())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(Page {
                    items: rows.iter().map(Self::referral_from).collect::<StoreResult<_>>()?,
                    total: total.max(0) as u64,
                    request: page,
                })
            }

            async fn referrals_of_clients(&self, clients: &[ClientId]) -> StoreResult<Vec<Referral>> {
                let sql = format!("SELECT {} FROM referrals WHERE client_id IN ({{in}}) ORDER BY created_at, id", referral_cols());
                self.select_in(&sql, clients, Self::referral_from).await
            }

            async fn referral_contents(
                &self,
                id: ReferralId,
                now: OffsetDateTime,
                audit: &[NewAudit],
            ) -> StoreResult<Option<SealedContents>> {
                let sql = format!(
                    "SELECT summary_sealed, CASE WHEN health_consent_id IS NOT NULL AND {health} THEN health_sealed END AS health
                     FROM referrals WHERE id = $1 AND {referral} AND {summary}",
                    referral = in_force("referrals.consent_id", "$2"),
                    summary = in_force("referrals.summary_consent_id", "$2"),
                    health = in_force("referrals.health_consent_id", "$2"),
                );
                let mut tx = self.pool.begin().await?;
                let row: Option<(String, Option<String>)> = sqlx::query_as(&sql)
                    .bind(id.to_string())
                    .bind(unix_micros(now))
                    .fetch_optional(&mut *tx)
                    .await?;
                if row.is_some() {
                    Self::append_audit_tx(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(row.map(|(summary, health)| SealedContents { summary, health }))
            }

            async fn move_referral(&self, m: ReferralMove<'_>) -> StoreResult<bool> {
                let e = m.event;
                let answered = matches!(e.state, ReferralState::Accepted | ReferralState::Declined);
                let mut tx = self.pool.begin().await?;
                let moved = sqlx::query("UPDATE referrals SET state = $3, updated_at = $4,
                        decline_reason = COALESCE($5, decline_reason), outcome = COALESCE($6, outcome),
                        answer_days = CASE WHEN $7 AND answered_at IS NULL THEN ($4 - created_at) / 86400000000 ELSE answer_days END,
                        answered_at = CASE WHEN $7 THEN COALESCE(answered_at, $4) ELSE answered_at END
                     WHERE id = $1 AND state = $2")
                    .bind(m.id.to_string())
                    .bind(m.from.as_str())
                    .bind(e.state.as_str())
                    .bind(unix_micros(e.at))
                    .bind(m.decline_reason.map(|d| d.as_str()))
                    .bind(m.outcome.map(|o| o.as_str()))
                    .bind(answered)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if !moved {
                    return Ok(false);
                }
                Self::add_event(&mut tx, e).await?;
                // The person's path: a start goes on from the kind they last started (or from
                // the beginning); a completion goes on to its outcome.
                let step: Option<(String, String)> = match e.state {
                    ReferralState::Started => {
                        let (client, kind): (String, String) = sqlx::query_as("SELECT client_id, kind FROM referrals WHERE id = $1")
                            .bind(m.id.to_string())
                            .fetch_one(&mut *tx)
                            .await?;
                        let prev: Option<String> = sqlx::query_scalar("SELECT p.to_code FROM path_steps p JOIN referrals r ON r.id = p.referral_id WHERE r.client_id = $1 AND p.to_code LIKE 'kind:%' ORDER BY p.at DESC, p.id DESC LIMIT 1")
                            .bind(&client)
                            .fetch_optional(&mut *tx)
                            .await?;
                        Some((prev.unwrap_or_else(|| "start".into()), format!("kind:{kind}")))
                    }
                    ReferralState::Completed => {
                        let kind: String = sqlx::query_scalar("SELECT kind FROM referrals WHERE id = $1")
                            .bind(m.id.to_string())
                            .fetch_one(&mut *tx)
                            .await?;
                        let outcome = m.outcome.map_or("unknown", |o| o.as_str());
                        Some((format!("kind:{kind}"), format!("outcome:{outcome}")))
                    }
                    _ => None,
                };
                if let Some((from, to)) = step {
                    sqlx::query("INSERT INTO path_steps (id, referral_id, from_code, to_code, at) VALUES ($1, $2, $3, $4, $5)")
                        .bind(uuid::Uuid::new_v4().to_string())
                        .bind(m.id.to_string())
                        .bind(from)
                        .bind(to)
                        .bind(unix_micros(e.at))
                        .execute(&mut *tx)
                        .await?;
                }
                for (months, due) in m.follow_ups {
                    sqlx::query("INSERT INTO follow_ups (referral_id, months, due_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .bind(m.id.to_string())
                        .bind(*months)
                        .bind(unix_micros(*due))
                        .execute(&mut *tx)
                        .await?;
                }
                for mail in m.notify {
                    Self::insert_mail(&mut tx, mail).await?;
                }
                Self::refresh_impact_tx(&mut tx, &[m.id.to_string()], unix_micros(e.at)).await?;
                Self::append_audit_tx(&mut tx, m.audit).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn referral_events(&self, ids: &[ReferralId]) -> StoreResult<Vec<ReferralEvent>> {
                let sql = "SELECT referral_id, state, detail, by_party, by_user, at FROM referral_events WHERE referral_id IN ({in}) ORDER BY at, id";
                self.select_in(sql, ids, |r| {
                    Ok(ReferralEvent {
                        referral_id: parse_id(&r.try_get::<String, _>("referral_id")?, ReferralId::parse)?,
                        state: parse_enum(&r.try_get::<String, _>("state")?, ReferralState::parse)?,
                        detail: r.try_get("detail")?,
                        by_party: party(&r.try_get::<String, _>("by_party")?)?,
                        by_user: opt_id(r.try_get("by_user")?, UserId::parse)?,
                        at: from_micros(r.try_get("at")?),
                    })
                })
                .await
            }

            async fn follow_ups_of(&self, ids: &[ReferralId]) -> StoreResult<Vec<FollowUp>> {
                let sql = "SELECT referral_id, months, due_at, answered_at, outcome, answered_by FROM follow_ups WHERE referral_id IN ({in}) ORDER BY due_at, months";
                self.select_in(sql, ids, |r| {
                    Ok(FollowUp {
                        referral_id: parse_id(&r.try_get::<String, _>("referral_id")?, ReferralId::parse)?,
                        months: r.try_get("months")?,
                        due_at: from_micros(r.try_get("due_at")?),
                        answered_at: r.try_get::<Option<i64>, _>("answered_at")?.map(from_micros),
                        outcome: r
                            .try_get::<Option<String>, _>("outcome")?
                            .map(|s| parse_enum(&s, Outcome::parse))
                            .transpose()?,
                        answered_by: r
                            .try_get::<Option<String>, _>("answered_by")?
                            .map(|p| party(&p))
                            .transpose()?,
                    })
                })
                .await
            }

            async fn answer_follow_up(
                &self,
                referral: ReferralId,
                months: i32,
                outcome: Outcome,
                by: Party,
                at: OffsetDateTime,
                audit: &[NewAudit],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("UPDATE follow_ups SET answered_at = $3, outcome = $4, answered_by = $5 WHERE referral_id = $1 AND months = $2 AND answered_at IS NULL")
                    .bind(referral.to_string())
                    .bind(months)
                    .bind(unix_micros(at))
                    .bind(outcome.as_str())
                    .bind(by.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if done {
                    Self::refresh_impact_tx(&mut tx, &[referral.to_string()], unix_micros(at)).await?;
                    Self::append_audit_tx(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(done)
            }

            async fn follow_ups_to_ask(&self, now: OffsetDateTime) -> StoreResult<Vec<(Referral, i32)>> {
                let cols = referral_cols().split(", ").map(|c| format!("r.{c}")).collect::<Vec<_>>().join(", ");
                let rows = sqlx::query(&format!("SELECT {cols}, f.months FROM follow_ups f JOIN referrals r ON r.id = f.referral_id WHERE f.asked_at IS NULL AND f.answered_at IS NULL AND f.due_at <= $1 ORDER BY f.due_at LIMIT 500"))
                    .bind(unix_micros(now))
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| Ok((Self::referral_from(r)?, r.try_get::<i32, _>("months")?)))
                    .collect()
            }

            async fn mark_follow_up_asked(
                &self,
                referral: ReferralId,
                months: i32,
                at: OffsetDateTime,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("UPDATE follow_ups SET asked_at = $3 WHERE referral_id = $1 AND months = $2 AND asked_at IS NULL")
                    .bind(referral.to_string())
                    .bind(months)
                    .bind(unix_micros(at))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if done {
                    for m in notify {
                        Self::insert_mail(&mut tx, m).await?;
                    }
                }
                tx.commit().await?;
                Ok(done)
            }

            async fn waiting_referrals(
                &self,
                before: OffsetDateTime,
                receiver: bool,
            ) -> StoreResult<Vec<Referral>> {
                let column = if receiver { "reminded_receiver_at" } else { "reminded_sender_at" };
                let rows = sqlx::query(&format!("SELECT {} FROM referrals WHERE state = 'sent' AND created_at < $1 AND {column} IS NULL ORDER BY created_at LIMIT 500", referral_cols()))
                    .bind(unix_micros(before))
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::referral_from).collect()
            }

            async fn mark_reminded(
                &self,
                id: ReferralId,
                receiver: bool,
                at: OffsetDateTime,
                notify: &[OutgoingMail],
            ) -> StoreResult<bool> {
                let column = if receiver { "reminded_receiver_at" } else { "reminded_sender_at" };
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query(&format!("UPDATE referrals SET {column} = $2 WHERE id = $1 AND {column} IS NULL AND state = 'sent'"))
                    .bind(id.to_string())
                    .bind(unix_micros(at))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if done {
                    for m in notify {
                        Self::insert_mail(&mut tx, m).await?;
                    }
                }
                tx.commit().await?;
                Ok(done)
            }

            async fn open_referrals_under(&self, consent: ConsentId) -> StoreResult<Vec<Referral>> {
                let rows = sqlx::query(&format!("SELECT {} FROM referrals WHERE (consent_id = $1 OR summary_consent_id = $1) AND state IN ('sent', 'accepted', 'started') ORDER BY created_at, id", referral_cols()))
                    .bind(consent.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::referral_from).collect()
            }

            async fn referral_sealed_for_owner(
                &self,
                id: ReferralId,
                audit: &[NewAudit],
            ) -> StoreResult<Option<(String, Option<String>)>> {
                let mut tx = self.pool.begin().await?;
                let row: Option<(String, Option<String>)> = sqlx::query_as("SELECT summary_sealed, health_sealed FROM referrals WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                if row.is_some() {
                    Self::append_audit_tx(&mut tx, audit).await?;
                }
                tx.commit().await?;
                Ok(row)
            }

            async fn sealed_values(
                &self,
                after: Option<ReferralId>,
                limit: i64,
            ) -> StoreResult<Vec<(ReferralId, String, Option<String>)>> {
                let rows: Vec<(String, String, Option<String>)> = sqlx::query_as("SELECT id, summary_sealed, health_sealed FROM referrals WHERE id > $1 ORDER BY id LIMIT $2")
                    .bind(after.map(|a| a.to_string()).unwrap_or_default())
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(id, s, h)| Ok((parse_id(&id, ReferralId::parse)?, s, h)))
                    .collect()
            }

            async fn reseal(
                &self,
                id: ReferralId,
                old: (&str, Option<&str>),
                new: (&str, Option<&str>),
            ) -> StoreResult<bool> {
                let n = sqlx::query("UPDATE referrals SET summary_sealed = $2, health_sealed = $3 WHERE id = $1 AND summary_sealed = $4 AND COALESCE(health_sealed, '') = COALESCE($5, '')")
                    .bind(id.to_string())
                    .bind(new.0)
                    .bind(new.1)
                    .bind(old.0)
                    .bind(old.1)
                    .execute(&self.pool)
                    .await?
                    .rows_affected();
                Ok(n == 1)
            }

            async fn impact_cube(&self, f: &ImpactFilter, now: OffsetDateTime) -> StoreResult<ImpactCube> {
                if let Some(n) = f.network {
                    return self.impact_counted_network(f, n, unix_micros(now)).await;
                }
                self.impact_counted(f, unix_micros(now)).await
            }

            async fn impact_cube_scan(&self, f: &ImpactFilter, now: OffsetDateTime) -> StoreResult<ImpactCube> {
                // The filter, the same for every query (on `referrals r`).
                let filter = |qb: &mut sqlx::QueryBuilder<'_, $db>| {
                    qb.push(" WHERE r.statistics_until > ").push_bind(unix_micros(now));
                    // As the kept counts: answered, and between two parties.
                    qb.push(" AND r.state <> 'sent' AND (r.from_org IS NULL OR r.from_org <> r.to_org)");
                    if let Some(m) = &f.municipality {
                        qb.push(" AND r.municipality = ").push_bind(m.clone());
                    }
                    if let Some(o) = f.organization {
                        qb.push(" AND (r.to_org = ").push_bind(o.to_string());
                        qb.push(" OR r.from_org = ").push_bind(o.to_string()).push(")");
                    }
                    if let Some(k) = &f.kind {
                        qb.push(" AND r.kind = ").push_bind(k.clone());
                    }
                    if let Some(q) = &f.quarter {
                        qb.push(" AND r.quarter = ").push_bind(q.clone());
                    }
                    if let Some(n) = f.network {
                        let members = "SELECT organization_id FROM network_members WHERE state = 'member' AND network_id = ";
                        qb.push(" AND (r.to_org IN (").push(members).push_bind(n.to_string());
                        qb.push(") OR r.from_org IN (").push(members).push_bind(n.to_string()).push("))");
                    }
                };
                let mut cube = ImpactCube::default();
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(DISTINCT r.client_id) FROM referrals r");
                filter(&mut qb);
                let people: i64 = qb.build_query_scalar().fetch_one(&self.pool).await?;
                cube.people = people.max(0) as u64;
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT r.kind, r.quarter, r.state, COALESCE(r.decline_reason, r.outcome) AS detail, COUNT(*) AS n FROM referrals r",
                );
                filter(&mut qb);
                qb.push(" GROUP BY r.kind, r.quarter, r.state, COALESCE(r.decline_reason, r.outcome) ORDER BY r.kind, r.quarter, r.state, detail");
                for row in qb.build().fetch_all(&self.pool).await? {
                    cube.referrals.push((
                        row.try_get("kind")?,
                        row.try_get("quarter")?,
                        parse_enum(&row.try_get::<String, _>("state")?, ReferralState::parse)?,
                        row.try_get("detail")?,
                        row.try_get::<i64, _>("n")?.max(0) as u64,
                    ));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT r.answer_days, COUNT(*) AS n FROM referrals r",
                );
                filter(&mut qb);
                qb.push(" AND r.answer_days IS NOT NULL GROUP BY r.answer_days ORDER BY r.answer_days");
                for row in qb.build().fetch_all(&self.pool).await? {
                    cube.answer_days.push((
                        row.try_get("answer_days")?,
                        row.try_get::<i64, _>("n")?.max(0) as u64,
                    ));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT p.from_code, p.to_code, COUNT(*) AS n FROM path_steps p JOIN referrals r ON r.id = p.referral_id",
                );
                filter(&mut qb);
                qb.push(" GROUP BY p.from_code, p.to_code ORDER BY p.from_code, p.to_code");
                for row in qb.build().fetch_all(&self.pool).await? {
                    cube.steps.push((
                        row.try_get("from_code")?,
                        row.try_get("to_code")?,
                        row.try_get::<i64, _>("n")?.max(0) as u64,
                    ));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "SELECT fu.months, fu.outcome, COUNT(*) AS n FROM follow_ups fu JOIN referrals r ON r.id = fu.referral_id",
                );
                filter(&mut qb);
                qb.push(" AND fu.outcome IS NOT NULL GROUP BY fu.months, fu.outcome ORDER BY fu.months, fu.outcome");
                for row in qb.build().fetch_all(&self.pool).await? {
                    cube.follow_ups.push((
                        row.try_get("months")?,
                        parse_enum(&row.try_get::<String, _>("outcome")?, Outcome::parse)?,
                        row.try_get::<i64, _>("n")?.max(0) as u64,
                    ));
                }
                Ok(cube)
            }

            async fn anonymize_referrals_before(
                &self,
                before: OffsetDateTime,
                audit: &NewAudit,
            ) -> StoreResult<u64> {
                let mut tx = self.pool.begin().await?;
                let cut = unix_micros(before);
                sqlx::query("UPDATE referral_events SET by_user = NULL WHERE referral_id IN (SELECT id FROM referrals WHERE state IN ('declined', 'completed', 'cancelled') AND updated_at < $1 AND summary_sealed <> '')")
                    .bind(cut)
                    .execute(&mut *tx)
                    .await?;
                let n = sqlx::query("UPDATE referrals SET summary_sealed = '', health_sealed = NULL, created_by = NULL WHERE state IN ('declined', 'completed', 'cancelled') AND updated_at < $1 AND summary_sealed <> ''")
                    .bind(cut)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if n > 0 {
                    let row = NewAudit { record_id: n.to_string(), ..audit.clone() };
                    Self::append_audit_tx(&mut tx, &[row]).await?;
                }
                tx.commit().await?;
                if n > 0 {
                    self.after_erasure().await?;
                }
                Ok(n)
            }

            async fn delete_idle_clients_before(
                &self,
                before: OffsetDateTime,
                audit: &NewAudit,
            ) -> StoreResult<u64> {
                let mut tx = self.pool.begin().await?;
                let cut = unix_micros(before);
                let n = sqlx::query("DELETE FROM clients WHERE organization_id IS NOT NULL AND user_id IS NULL AND created_at < $1 AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = clients.id AND r.updated_at >= $1)")
                    .bind(cut)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if n > 0 {
                    Self::impact_forget_deleted_tx(&mut tx, cut).await?;
                    let row = NewAudit { record_id: n.to_string(), ..audit.clone() };
                    Self::append_audit_tx(&mut tx, &[row]).await?;
                }
                tx.commit().await?;
                if n > 0 {
                    self.after_erasure().await?;
                }
                Ok(n)
            }

            async fn prune_audit_before(
                &self,
                before: OffsetDateTime,
                audit: &NewAudit,
            ) -> StoreResult<u64> {
                let mut tx = self.pool.begin().await?;
                sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
                    .execute(&mut *tx)
                    .await?;
                let last: Option<(i64, String)> = sqlx::query_as("SELECT seq, hash FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log WHERE at < $1)")
                    .bind(unix_micros(before))
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some((last, hash)) = last else {
                    return Ok(0);
                };
                let n = sqlx::query("DELETE FROM audit_log WHERE seq <= $1")
                    .bind(last)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                sqlx::query("UPDATE audit_head SET first_seq = $1, first_prev_hash = $2 WHERE id = 1")
                    .bind(last + 1)
                    .bind(&hash)
                    .execute(&mut *tx)
                    .await?;
                let row = NewAudit { record_id: format!("1-{last}"), ..audit.clone() };
                Self::append_audit_tx(&mut tx, &[row]).await?;
                tx.commit().await?;
                Ok(n)
            }

            async fn insert_bench_paths(&self, b: &BenchPaths) -> StoreResult<()> {
                const CHUNK: usize = 1000;
                let mut tx = self.pool.begin().await?;
                for chunk in b.clients.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(format!("INSERT INTO clients ({}) ", client_cols()));
                    qb.push_values(chunk, |mut v, c| {
                        v.push_bind(c.id.to_string())
                            .push_bind(c.organization_id.map(|o| o.to_string()))
                            .push_bind(None::<String>)
                            .push_bind(c.display_name.clone())
                            .push_bind(c.birth_year)
                            .push_bind(c.municipality.clone())
                            .push_bind(None::<String>)
                            .push_bind(unix_micros(c.created_at));
                    });
                    qb.build().execute(&mut *tx).await?;
                }
                for chunk in b.consents.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO consents (id, client_id, purpose, text_version, categories, recipient_org, given_at, method, recorded_by, expires_at) ");
                    qb.push_values(chunk, |mut v, c| {
                        v.push_bind(c.id.to_string())
                            .push_bind(c.client_id.to_string())
                            .push_bind(c.purpose.as_str())
                            .push_bind(c.text_version)
                            .push_bind(to_json(&c.categories))
                            .push_bind(c.recipient.map(|o| o.to_string()))
                            .push_bind(unix_micros(c.given_at))
                            .push_bind(c.method.as_str())
                            .push_bind(None::<String>)
                            .push_bind(unix_micros(c.expires_at));
                    });
                    qb.build().execute(&mut *tx).await?;
                }
                for chunk in b.referrals.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO referrals (id, client_id, from_org, to_org, service_id, opportunity_id, state, decline_reason, outcome, created_at, updated_at, answered_at, consent_id, summary_consent_id, summary_sealed, kind, quarter, municipality, statistics_consent_id, statistics_until, answer_days) ");
                    qb.push_values(chunk, |mut v, x| {
                        let r = &x.referral;
                        v.push_bind(r.id.to_string())
                            .push_bind(r.client_id.to_string())
                            .push_bind(r.from_org.map(|o| o.to_string()))
                            .push_bind(r.to_org.to_string())
                            .push_bind(r.service_id.map(|o| o.to_string()))
                            .push_bind(r.opportunity_id.map(|o| o.to_string()))
                            .push_bind(r.state.as_str())
                            .push_bind(r.decline_reason.map(|d| d.as_str()))
                            .push_bind(r.outcome.map(|o| o.as_str()))
                            .push_bind(unix_micros(r.created_at))
                            .push_bind(unix_micros(r.updated_at))
                            .push_bind(r.answered_at.map(unix_micros))
                            .push_bind(r.consent_id.to_string())
                            .push_bind(r.consent_id.to_string())
                            .push_bind("")
                            .push_bind(x.kind.clone())
                            .push_bind(x.quarter.clone())
                            .push_bind(x.municipality.clone())
                            .push_bind(x.statistics.0.to_string())
                            .push_bind(unix_micros(x.statistics.1))
                            .push_bind(x.answer_days);
                    });
                    qb.build().execute(&mut *tx).await?;
                }
                for chunk in b.events.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO referral_events (id, referral_id, state, detail, by_party, by_user, at) ");
                    qb.push_values(chunk, |mut v, e| {
                        v.push_bind(uuid::Uuid::new_v4().to_string())
                            .push_bind(e.referral_id.to_string())
                            .push_bind(e.state.as_str())
                            .push_bind(e.detail.clone())
                            .push_bind(e.by_party.as_str())
                            .push_bind(None::<String>)
                            .push_bind(unix_micros(e.at));
                    });
                    qb.build().execute(&mut *tx).await?;
                }
                for chunk in b.steps.chunks(CHUNK) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new("INSERT INTO path_steps (id, referral_id, from_code, to_code, at) ");
                    qb.push_values(chunk, |mut v, (r, f, t, at)| {
                        v.push_bind(uuid::Uuid::new_v4().to_string())
                            .push_bind(r.to_string())
                            .push_bind(f.clone())
                            .push_bind(t.clone())
                            .push_bind(unix_micros(*at));
                    });
                    qb.build().execute(&mut *tx).await?;
                }
                // Counted again from nothing at the next reading (or `recount_impact`).
                sqlx::query("UPDATE impact_state SET built = 0 WHERE id = 1")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn recount_impact(&self, now: OffsetDateTime) -> StoreResult<()> {
                self.rebuild_impact(unix_micros(now), true).await
            }

            async fn append_audit(&self, rows: &[NewAudit]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::append_audit_tx(&mut tx, rows).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn audit_head(&self) -> StoreResult<AuditHead> {
                let (seq, hash, first_seq, first_prev_hash): (i64, String, i64, String) =
                    sqlx::query_as("SELECT seq, hash, first_seq, first_prev_hash FROM audit_head WHERE id = 1")
                        .fetch_one(&self.pool)
                        .await?;
                Ok(AuditHead { seq, hash, first_seq, first_prev_hash })
            }

            async fn audit_chain(&self, from: i64, limit: i64) -> StoreResult<Vec<AuditRow>> {
                let rows = sqlx::query(&format!("SELECT {} FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2", audit_cols()))
                    .bind(from)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::audit_from).collect()
            }

            async fn audit_rows(
                &self,
                f: &AuditFilter,
                page: PageRequest,
            ) -> StoreResult<Page<AuditRow>> {
                let mut wheres = vec!["1 = 1".to_string()];
                let mut binds: Vec<String> = Vec::new();
                let mut ints: Vec<i64> = Vec::new();
                match &f.subjects {
                    Some(s) if s.is_empty() => wheres.push("1 = 0".to_string()),
                    Some(s) => {
                        let start = binds.len() + 1;
                        binds.extend(s.iter().map(|s| s.to_string()));
                        wheres.push(format!("subject_id IN ({})", placeholders(start, s.len())));
                    }
                    None => {}
                }
                for (col, v) in [
                    ("actor_id", f.actor_prefix.as_ref().filter(|p| p.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')).map(|p| format!("{p}%"))),
                    ("subject_id", f.subject_prefix.as_ref().filter(|p| p.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')).map(|p| format!("{p}%"))),
                ] {
                    if let Some(v) = v {
                        binds.push(v);
                        wheres.push(format!("{col} LIKE ${}", binds.len()));
                    }
                }
                for (col, v) in [
                    ("actor_id", f.actor.map(|a| a.to_string())),
                    ("organization_id", f.organization.map(|o| o.to_string())),
                    ("purpose", f.purpose.clone()),
                    ("action", f.action.clone()),
                ] {
                    if let Some(v) = v {
                        binds.push(v);
                        wheres.push(format!("{col} = ${}", binds.len()));
                    }
                }
                let n = binds.len();
                for (cmp, v) in [(">=", f.from), ("<", f.until)] {
                    if let Some(v) = v {
                        ints.push(unix_micros(v));
                        wheres.push(format!("at {cmp} ${}", n + ints.len()));
                    }
                }
                let cond = wheres.join(" AND ");
                let count_sql = format!("SELECT COUNT(*) FROM audit_log WHERE {cond}");
                let mut q = sqlx::query_scalar::<_, i64>(&count_sql);
                for b in &binds {
                    q = q.bind(b);
                }
                for i in &ints {
                    q = q.bind(i);
                }
                let total = q.fetch_one(&self.pool).await?;
                let k = n + ints.len();
                let sql = format!("SELECT {} FROM audit_log WHERE {cond} ORDER BY seq DESC LIMIT ${} OFFSET ${}", audit_cols(), k + 1, k + 2);
                let mut q = sqlx::query(&sql);
                for b in &binds {
                    q = q.bind(b);
                }
                for i in &ints {
                    q = q.bind(i);
                }
                let rows = q
                    .bind(i64::from(page.per_page))
                    .bind(page.offset())
                    .fetch_all(&self.pool)
                    .await?;
                Ok(Page {
                    items: rows.iter().map(Self::audit_from).collect::<StoreResult<_>>()?,
                    total: total.max(0) as u64,
                    request: page,
                })
            }
        }
    };
}

referrals_store!(SqliteStore, sqlx::Sqlite);
referrals_store!(PostgresStore, sqlx::Postgres);
