//! Persistence: one `Store` trait, implemented for SQLite and PostgreSQL by the same SQL.

mod accounts;
mod articles;
mod attachments;
mod digests;
mod directory;
mod events;
mod impact;
mod mail;
mod manage;
mod networks;
mod people;
mod projects;
mod referrals;
mod search;
mod sql;
mod threads;

use crate::domain::{
    Contact, Location, LocationId, Opportunity, OpportunityId, OpportunityType, Organization,
    OrganizationId, Service, ServiceId,
};
use async_trait::async_trait;
use std::sync::Arc;

pub use accounts::AccountStore;
pub use articles::{ArticleQuery, ArticleStore, SaveOutcome};
pub use attachments::AttachmentStore;
pub use digests::DigestStore;
pub use directory::DirectoryStore;
pub use events::{EventQuery, EventStamp, EventStore, SignupAdded};
pub use mail::MailStore;
pub use manage::ManageStore;
pub use networks::NetworkStore;
pub use people::PeopleStore;
pub use projects::{ProjectQuery, ProjectStore};
pub use referrals::{
    AuditFilter, AuditHead, BenchPaths, BenchReferral, CubeRow, ImpactCube, ImpactFilter,
    NewReferral, ReferralMove, ReferralStore, SealedContents,
};
pub use search::SearchStore;
pub use sql::{PostgresStore, SqliteStore};
pub use threads::ThreadStore;

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

/// Connecting, migrating and asking whether the database is there.
#[async_trait]
pub trait SystemStore: Send + Sync {
    fn backend(&self) -> Backend;
    /// Brings the schema up to date (`services::migrate` also builds a missing search index).
    async fn migrate(&self) -> StoreResult<()>;
    /// Answers when the database answers.
    async fn ping(&self) -> StoreResult<()>;
    async fn is_empty(&self) -> StoreResult<bool>;
    /// The shared secret of this name: `candidate` if none was kept yet (the first node to
    /// ask makes it), else the one kept.
    async fn server_secret(&self, name: &str, candidate: &str) -> StoreResult<String>;
}

/// The whole store: one trait per area, implemented for SQLite and PostgreSQL by the same
/// SQL (`sql.rs` and one file per area). Callers import the area traits with
/// `use crate::store::prelude::*`.
pub trait Store:
    SystemStore
    + DirectoryStore
    + SearchStore
    + AccountStore
    + MailStore
    + ManageStore
    + PeopleStore
    + ThreadStore
    + ReferralStore
    + NetworkStore
    + EventStore
    + DigestStore
    + ProjectStore
    + AttachmentStore
    + ArticleStore
    + Send
    + Sync
    + 'static
{
}

impl<T> Store for T where
    T: SystemStore
        + DirectoryStore
        + SearchStore
        + AccountStore
        + MailStore
        + ManageStore
        + PeopleStore
        + ThreadStore
        + ReferralStore
        + NetworkStore
        + EventStore
        + DigestStore
        + ProjectStore
        + AttachmentStore
        + ArticleStore
        + Send
        + Sync
        + 'static
{
}

/// The area traits, for `use crate::store::prelude::*`: calling a store method needs its
/// trait in scope.
pub mod prelude {
    pub use super::{
        AccountStore, ArticleStore, AttachmentStore, DigestStore, DirectoryStore, EventStore,
        MailStore, ManageStore, NetworkStore, PeopleStore, ProjectStore, ReferralStore,
        SearchStore, Store, SystemStore, ThreadStore,
    };
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
