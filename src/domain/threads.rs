//! Interest threads: a person and an organization talking about a place (the person is
//! interested) or about the person's profile (the organization found them in the talent
//! pool), with their messages. The rules are in `people`, the pages in `web::threads`.

use super::people::Profile;
use super::{OpportunityId, OrganizationId, ThreadId, UserId};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Where an interest stands, as the organization marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThreadStatus {
    New,
    Contacted,
    Agreed,
    NotThisTime,
}

impl ThreadStatus {
    pub const ALL: [ThreadStatus; 4] = [
        ThreadStatus::New,
        ThreadStatus::Contacted,
        ThreadStatus::Agreed,
        ThreadStatus::NotThisTime,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ThreadStatus::New => "new",
            ThreadStatus::Contacted => "contacted",
            ThreadStatus::Agreed => "agreed",
            ThreadStatus::NotThisTime => "not_this_time",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// The two sides of a conversation: the person, or the organization (any of its people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Person,
    Organization,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Person => "person",
            Side::Organization => "organization",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Side::Person, Side::Organization]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// A conversation between a person and an organization.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Thread {
    pub id: ThreadId,
    /// `None`: the person deleted their data.
    pub person_id: Option<UserId>,
    pub organization_id: OrganizationId,
    pub opportunity_id: Option<OpportunityId>,
    /// The person ("I'm interested") or the organization (from the talent pool).
    pub started_by: Side,
    pub status: ThreadStatus,
    /// The profile as the person shared it when the thread started.
    pub shared_profile: Option<Profile>,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde")]
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Message {
    pub id: String,
    pub thread_id: ThreadId,
    pub from_person: bool,
    /// `None`: the author's account is gone.
    pub author_id: Option<UserId>,
    pub body: String,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
}
