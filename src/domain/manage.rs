//! What organizations keep of their own records: registrations, reports of errors,
//! invitations and the history of changes. The rules are in `manage`.

use super::{OrganizationId, UserId};
use serde::{Deserialize, Serialize};

/// A registration as the queue shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub organization_id: OrganizationId,
    pub organization_name: String,
    pub business_id: Option<String>,
    pub user_id: Option<UserId>,
    pub user_email: Option<String>,
    pub contact_name: String,
    pub municipality_code: String,
    /// Unix microseconds.
    pub created_at: i64,
}

/// A report that something in a public record is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorReport {
    pub id: String,
    pub organization_id: OrganizationId,
    /// `organization`, `service` or `opportunity`.
    pub record_kind: String,
    pub record_id: String,
    pub message: String,
    pub contact_email: Option<String>,
    /// Unix microseconds.
    pub created_at: i64,
}

/// An invitation to join an organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Invite {
    pub token_hash: String,
    pub organization_id: OrganizationId,
    pub email: String,
    pub invited_by: Option<UserId>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// One field's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// A change as kept in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: String,
    pub organization_id: OrganizationId,
    /// `organization`, `service`, `opportunity` or `location`.
    pub record_kind: String,
    pub record_id: String,
    pub user_id: Option<UserId>,
    /// The editor's address as it is now; `None` once the account is deleted.
    pub user_email: Option<String>,
    /// Unix microseconds.
    pub at: i64,
    pub changes: Vec<Change>,
}
