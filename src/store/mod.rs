//! Persistence: one `Store` trait, implemented for SQLite and PostgreSQL by the same SQL.

mod people;
mod search;
mod sql;

use crate::domain::{
    Contact, Location, LocationId, Opportunity, OpportunityId, OpportunityType, Organization,
    OrganizationId, Service, ServiceId,
};
use async_trait::async_trait;
use std::sync::Arc;

pub use people::PeopleStore;
pub use sql::{PostgresStore, SqliteStore};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("unsupported database URL (use sqlite:… or postgres://…)")]
    UnsupportedUrl,
    #[error("invalid record: {0}")]
    Invalid(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Which page of a list; `page` starts at 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
    /// A window that starts anywhere (for lists merged from two tables).
    start: Option<u64>,
}

impl PageRequest {
    pub const MAX_PER_PAGE: u32 = 100;

    pub fn new(page: u32, per_page: u32) -> Self {
        Self {
            page: page.max(1),
            per_page: per_page.clamp(1, Self::MAX_PER_PAGE),
            start: None,
        }
    }
    /// `limit` records from record number `start` (0-based).
    pub fn window(start: u64, limit: u32) -> Self {
        Self {
            page: 1,
            per_page: limit.clamp(1, Self::MAX_PER_PAGE),
            start: Some(start),
        }
    }
    pub fn offset(&self) -> i64 {
        match self.start {
            Some(s) => i64::try_from(s).unwrap_or(i64::MAX),
            None => i64::from(self.page - 1) * i64::from(self.per_page),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub request: PageRequest,
}

impl<T> Page<T> {
    pub fn total_pages(&self) -> u64 {
        self.total.div_ceil(u64::from(self.request.per_page))
    }
    pub fn has_next(&self) -> bool {
        u64::from(self.request.page) < self.total_pages()
    }
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            request: self.request,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OrganizationFilter {
    /// Municipality codes: organizations with a location in any of them (none: all).
    pub municipalities: Vec<String>,
    /// In id order (the same on every engine, for exports) instead of by name.
    pub by_id: bool,
}

/// A term of one of our taxonomies: `taxonomy` is `target_group` or `topic`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRef {
    pub taxonomy: &'static str,
    pub term: String,
}

#[derive(Debug, Clone, Default)]
pub struct ServiceFilter {
    pub organization_id: Option<OrganizationId>,
    /// Municipality codes: any of them (none: all).
    pub municipalities: Vec<String>,
    pub kind: Option<crate::domain::ServiceKind>,
    /// Records tagged with this term.
    pub term: Option<TermRef>,
    /// Records with any term of this taxonomy.
    pub taxonomy: Option<&'static str>,
    /// Name or description contains this text.
    pub text: Option<String>,
    pub modified_after: Option<time::OffsetDateTime>,
}

#[derive(Debug, Clone, Default)]
pub struct OpportunityFilter {
    pub organization_id: Option<OrganizationId>,
    pub service_id: Option<ServiceId>,
    /// Municipality codes: any of them (none: all).
    pub municipalities: Vec<String>,
    pub kind: Option<OpportunityType>,
    /// Only opportunities with status open.
    pub open_only: bool,
    pub term: Option<TermRef>,
    pub taxonomy: Option<&'static str>,
    pub text: Option<String>,
    pub modified_after: Option<time::OffsetDateTime>,
}

/// Records written together in one transaction (demo seed, later imports).
#[derive(Debug, Clone, Default)]
pub struct DirectoryBatch {
    pub organizations: Vec<Organization>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    pub contacts: Vec<Contact>,
    pub opportunities: Vec<Opportunity>,
    /// The HSDS documents these records were imported from, if any.
    pub hsds_sources: Vec<HsdsSource>,
}

impl DirectoryBatch {
    /// Every organization the batch touches, once each, in id order.
    pub fn organizations_touched(&self) -> Vec<OrganizationId> {
        let mut touched: Vec<OrganizationId> = self.organizations.iter().map(|o| o.id).collect();
        touched.extend(self.services.iter().map(|s| s.organization_id));
        touched.extend(self.opportunities.iter().map(|o| o.organization_id));
        touched.extend(self.locations.iter().filter_map(|l| l.organization_id));
        touched.sort_unstable();
        touched.dedup();
        touched
    }
}

/// An imported HSDS document (without the records nested in it that have their own source).
#[derive(Debug, Clone, PartialEq)]
pub struct HsdsSource {
    /// `organization`, `service` or `location`.
    pub kind: &'static str,
    pub id: String,
    pub document: serde_json::Value,
}

/// How many organizations and open opportunities each municipality has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MunicipalityCount {
    pub code: String,
    pub organizations: u64,
    pub opportunities: u64,
}

#[async_trait]
pub trait Store: PeopleStore + Send + Sync + 'static {
    fn backend(&self) -> Backend;
    /// Brings the schema up to date (`services::migrate` also builds a missing search index).
    async fn migrate(&self) -> StoreResult<()>;
    /// How many search documents there are (none: the index is to be built).
    async fn search_document_count(&self) -> StoreResult<i64>;
    /// Answers when the database answers.
    async fn ping(&self) -> StoreResult<()>;
    async fn is_empty(&self) -> StoreResult<bool>;
    /// The shared secret of this name: `candidate` if none was kept yet (the first node to
    /// ask makes it), else the one kept.
    async fn server_secret(&self, name: &str, candidate: &str) -> StoreResult<String>;
    /// Inserts or updates every record of the batch, all or nothing; the search documents
    /// are not touched (`services::save_batch` writes and reindexes).
    async fn write_batch(&self, batch: &DirectoryBatch) -> StoreResult<()>;

    async fn organization(&self, id: OrganizationId) -> StoreResult<Option<Organization>>;
    async fn organizations(
        &self,
        filter: &OrganizationFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Organization>>;
    async fn service(&self, id: ServiceId) -> StoreResult<Option<Service>>;
    async fn services(
        &self,
        filter: &ServiceFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Service>>;
    async fn opportunity(&self, id: OpportunityId) -> StoreResult<Option<Opportunity>>;
    async fn opportunities(
        &self,
        filter: &OpportunityFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Opportunity>>;
    async fn location(&self, id: LocationId) -> StoreResult<Option<Location>>;
    async fn locations_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Location>>;
    async fn contacts_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Contact>>;
    /// The organizations with these ids (unknown ids are skipped), in one query.
    async fn organizations_by_id(&self, ids: &[OrganizationId]) -> StoreResult<Vec<Organization>>;
    /// The imported HSDS documents of this kind with these ids, by id, in one query.
    async fn hsds_sources(
        &self,
        kind: &str,
        ids: &[String],
    ) -> StoreResult<std::collections::HashMap<String, serde_json::Value>>;
    /// The locations with these ids, in one query.
    async fn locations_by_id(&self, ids: &[LocationId]) -> StoreResult<Vec<Location>>;
    /// Locations that belong to no organization (imported from other systems), by id.
    async fn locations_without_organization(&self) -> StoreResult<Vec<Location>>;
    /// All locations of these organizations, in one query.
    async fn locations_of_organizations(
        &self,
        ids: &[OrganizationId],
    ) -> StoreResult<Vec<Location>>;
    /// Services and opportunities at their locations, optionally of one organization.
    async fn service_at_locations(
        &self,
        organization_id: Option<OrganizationId>,
        page: PageRequest,
    ) -> StoreResult<Page<ServiceAtLocationRef>>;
    async fn service_at_location(&self, id: &str) -> StoreResult<Option<ServiceAtLocationRef>>;
    /// Municipalities that have at least one location, with counts.
    async fn municipality_counts(&self) -> StoreResult<Vec<MunicipalityCount>>;
    /// Finds records whose name or text contains `q` (a simple first search; the analyzer
    /// based search replaces it).
    async fn find_text(&self, q: &str, limit: u32) -> StoreResult<TextMatches>;

    /// The services with these ids (unknown ids are skipped).
    async fn services_by_id(&self, ids: &[ServiceId]) -> StoreResult<Vec<Service>>;
    /// The opportunities with these ids (unknown ids are skipped).
    async fn opportunities_by_id(&self, ids: &[OpportunityId]) -> StoreResult<Vec<Opportunity>>;
    /// Every organization id, in id order.
    async fn organization_ids(&self) -> StoreResult<Vec<OrganizationId>>;
    /// These organizations with their locations, services and opportunities.
    async fn records_of_organizations(
        &self,
        ids: &[OrganizationId],
    ) -> StoreResult<crate::domain::search::OrgRecords>;
    /// Replaces the search documents of these organizations, all or nothing, and adds their
    /// words to the word list.
    async fn replace_search_documents(
        &self,
        organizations: &[OrganizationId],
        docs: &[crate::domain::search::SearchDoc],
    ) -> StoreResult<()>;
    /// Compacts the full-text index after a bulk load (SQLite: FTS5 `optimize` merges the
    /// index into one segment; PostgreSQL: `VACUUM ANALYZE` empties the GIN pending list and
    /// refreshes the planner's statistics). Searches are several times faster afterwards.
    async fn optimize_search_index(&self) -> StoreResult<()>;
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
    /// Records one failed sign-in under each key, at `at` (Unix microseconds), and forgets
    /// failures older than an hour.
    async fn record_login_failure(&self, keys: &[String], at: i64) -> StoreResult<()>;
    /// How many failures a key has since `since` (Unix microseconds), and the oldest of them.
    async fn login_failures(&self, key: &str, since: i64) -> StoreResult<(u64, Option<i64>)>;
    /// Stores a one-time link's token and the message that carries it, together.
    async fn issue_account_token(
        &self,
        token: &crate::domain::mail::AccountToken,
        mail: &crate::domain::mail::OutgoingMail,
    ) -> StoreResult<()>;
    /// Uses up a token of a purpose if it is unused and unexpired (`now` in Unix µs): its
    /// account and, for a change of address, the new address. Every other outstanding link
    /// of the account ends with it, in the same transaction.
    async fn use_account_token(
        &self,
        token_hash: &str,
        purpose: &str,
        now: i64,
    ) -> StoreResult<Option<(crate::domain::UserId, Option<String>)>>;
    /// Ends every outstanding one-time link of an account (a new password or address).
    async fn end_account_tokens(&self, user: crate::domain::UserId, now: i64) -> StoreResult<u64>;
    /// The account of an unused, unexpired token, without using it up.
    async fn peek_account_token(
        &self,
        token_hash: &str,
        purpose: &str,
        now: i64,
    ) -> StoreResult<Option<crate::domain::UserId>>;
    async fn enqueue_mail(&self, mail: &crate::domain::mail::OutgoingMail) -> StoreResult<()>;
    /// Takes up to `limit` messages due at `now` that no other node holds, for this node
    /// until `lease_until`.
    async fn lease_mail(
        &self,
        node: &str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> StoreResult<Vec<crate::domain::mail::OutgoingMail>>;
    async fn mail_sent(&self, id: &str, node: &str, now: i64) -> StoreResult<()>;
    /// A failed try: again at `retry_at`, or given up for good when `None`.
    async fn mail_failed(
        &self,
        id: &str,
        node: &str,
        error: &str,
        retry_at: Option<i64>,
        now: i64,
    ) -> StoreResult<()>;
    /// Deletes messages sent before `before`; how many.
    async fn purge_sent_mail(&self, before: i64) -> StoreResult<u64>;
    async fn organizations_by_business_id(
        &self,
        id: &crate::domain::BusinessId,
    ) -> StoreResult<Vec<Organization>>;
    /// Organizations whose name contains `word` (in lower case): candidates for the duplicate
    /// check of a registration.
    async fn organizations_named_like(
        &self,
        word: &str,
        limit: i64,
    ) -> StoreResult<Vec<(OrganizationId, String)>>;
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
        at: i64,
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
        now: i64,
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
        now: i64,
    ) -> StoreResult<bool>;
    async fn recovery_codes_left(&self, user: crate::domain::UserId) -> StoreResult<i64>;
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
        at: i64,
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
        now: i64,
    ) -> StoreResult<Option<crate::domain::manage::Invite>>;
    /// Accepts an invitation: the account joins the organization as a member, once.
    async fn accept_invite(
        &self,
        token_hash: &str,
        user: crate::domain::UserId,
        now: i64,
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
    /// Every record with its organization and when it was last confirmed:
    /// (`organization` | `service` | `opportunity`, id, organization, last confirmed).
    async fn freshness_records(
        &self,
    ) -> StoreResult<Vec<(&'static str, String, OrganizationId, time::OffsetDateTime)>>;
    /// Reminders sent: (record id, stage in months, sent at in Unix µs).
    async fn freshness_reminders(&self) -> StoreResult<Vec<(String, i32, i64)>>;
    /// Claims a reminder for a record and stage; `Ok(false)`: another node claimed one since
    /// `after` (Unix µs), so this one is not sent.
    async fn claim_freshness_reminder(
        &self,
        record_id: &str,
        stage: i32,
        organization: OrganizationId,
        now: i64,
        after: i64,
    ) -> StoreResult<bool>;
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
    async fn second_factor_secrets(&self) -> StoreResult<Vec<(crate::domain::UserId, String)>>;
    /// Replaces a secret as stored with another form of it, if it is still `old`.
    async fn replace_second_factor_secret(
        &self,
        user: crate::domain::UserId,
        old: &str,
        new: &str,
    ) -> StoreResult<bool>;
    /// The organizations whose places are still indexed as open (`open_token` among their
    /// facets) although their apply-by date is before `today` (`YYYY-MM-DD`).
    async fn organizations_with_expired_open_places(
        &self,
        today: &str,
        open_token: &str,
    ) -> StoreResult<Vec<OrganizationId>>;
    /// The search documents' change counter: raised by every `replace_search_documents`.
    async fn search_generation(&self) -> StoreResult<i64>;
    /// Words added to the index after sequence number `seq`, with their numbers.
    async fn search_words_since(&self, seq: i64) -> StoreResult<Vec<(i64, String)>>;
    /// Which organizations' search documents changed after change number `seq` (see
    /// `search::memory`).
    async fn search_changes_since(
        &self,
        seq: i64,
    ) -> StoreResult<crate::domain::search::SearchChanges>;
    /// Up to `limit` search documents numbered after `after`, by number, with their numbers
    /// (what the index in memory loads, page by page).
    async fn stored_search_documents(
        &self,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<(i64, crate::domain::search::StoredDoc)>>;
    /// The search documents of these organizations.
    async fn stored_search_documents_of(
        &self,
        organizations: &[String],
    ) -> StoreResult<Vec<crate::domain::search::StoredDoc>>;
    /// The documents the full-text index matches.
    async fn search_candidates(
        &self,
        query: &crate::domain::search::MatchQuery,
    ) -> StoreResult<Vec<crate::domain::search::Candidate>>;
}

/// A service (or opportunity) at a location: HSDS's service_at_location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceAtLocationRef {
    pub id: String,
    pub record: RecordRef,
    pub location_id: LocationId,
}

/// Services and opportunities both travel as HSDS services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordRef {
    Service(ServiceId),
    Opportunity(OpportunityId),
}

/// The id of the service_at_location of a record at a location.
pub fn service_at_location_id(record: &str, location: LocationId) -> String {
    crate::domain::derived_id(&format!("service_at_location:{record}:{location}"))
}

#[derive(Debug, Clone, Default)]
pub struct TextMatches {
    pub organizations: Vec<Organization>,
    pub services: Vec<Service>,
    pub opportunities: Vec<Opportunity>,
}

pub type DynStore = Arc<dyn Store>;

/// Opens the store the URL names: `sqlite:path`, `sqlite::memory:` or `postgres://…`.
pub async fn connect(url: &str) -> StoreResult<DynStore> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::connect(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl)
    }
}

/// The URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_is_hidden_in_logged_urls() {
        assert_eq!(
            redact_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(redact_url("sqlite://data/k.db"), "sqlite://data/k.db");
    }

    #[test]
    fn page_request_is_clamped() {
        let r = PageRequest::new(0, 1000);
        assert_eq!((r.page, r.per_page, r.offset()), (1, 100, 0));
        assert_eq!(PageRequest::window(7, 3).offset(), 7);
        let p = Page {
            items: vec![1],
            total: 41,
            request: PageRequest::new(2, 20),
        };
        assert_eq!(p.total_pages(), 3);
        assert!(p.has_next());
    }
}
