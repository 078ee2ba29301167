//! What organizations keep of their own records: registrations, reports of errors,
//! invitations and the history of changes. The rules are in `manage`.

use super::{OrganizationId, UserId};
use serde::{Deserialize, Serialize};

/// The kinds of public record that organizations keep, as their history and error
/// reports name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Organization,
    Service,
    Opportunity,
    Location,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Organization,
        RecordKind::Service,
        RecordKind::Opportunity,
        RecordKind::Location,
    ];

    /// The name kept in the database and used in translation keys (`history-kind-service`).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Organization => "organization",
            RecordKind::Service => "service",
            RecordKind::Opportunity => "opportunity",
            RecordKind::Location => "location",
        }
    }

    /// The path segment of its pages (`/{lang}/services/{id}`).
    pub fn plural(self) -> &'static str {
        match self {
            RecordKind::Organization => "organizations",
            RecordKind::Service => "services",
            RecordKind::Opportunity => "opportunities",
            RecordKind::Location => "locations",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn from_plural(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.plural() == s)
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    pub created_at: time::OffsetDateTime,
}

/// A report that something in a public record is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorReport {
    pub id: String,
    pub organization_id: OrganizationId,
    /// An organization, a service or an opportunity.
    pub record_kind: RecordKind,
    pub record_id: String,
    pub message: String,
    pub contact_email: Option<String>,
    pub created_at: time::OffsetDateTime,
}

/// An invitation to join an organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Invite {
    pub token_hash: String,
    pub organization_id: OrganizationId,
    pub email: String,
    pub invited_by: Option<UserId>,
    pub created_at: time::OffsetDateTime,
    pub expires_at: time::OffsetDateTime,
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
    pub record_kind: RecordKind,
    pub record_id: String,
    pub user_id: Option<UserId>,
    /// The editor's address as it is now; `None` once the account is deleted.
    pub user_email: Option<String>,
    pub at: time::OffsetDateTime,
    pub changes: Vec<Change>,
}

/// A public record's last confirmation, as freshness reminders read it.
#[derive(Debug, Clone, PartialEq)]
pub struct FreshnessRecord {
    pub kind: RecordKind,
    pub id: String,
    pub organization_id: OrganizationId,
    pub last_verified_at: time::OffsetDateTime,
}

/// A freshness reminder sent for a record at a stage (months since its confirmation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentReminder {
    pub record_id: String,
    pub stage: i32,
    pub sent_at: time::OffsetDateTime,
}
