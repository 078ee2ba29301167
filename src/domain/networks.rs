//! Networks of organizations (issue 19): a network with its area, the organizations that
//! belong to it (an organization's admin asks; a coordinator of the network accepts) and the
//! accounts that coordinate it. The rules are in `manage`, the pages in `web::networks`.

use super::{NetworkId, OrganizationId, UserId};
use serde::Serialize;
use time::OffsetDateTime;

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 4000;
/// At most this many coordinators and municipalities per network.
pub const MAX_COORDINATORS: usize = 20;
pub const MAX_MUNICIPALITIES: usize = 60;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Network {
    pub id: NetworkId,
    pub name: String,
    pub description: String,
    /// Municipality codes of its area.
    pub municipalities: Vec<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// Where an organization stands in a network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberState {
    /// Its admin asked to join; a coordinator has not answered yet.
    Requested,
    Member,
}

impl MemberState {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberState::Requested => "requested",
            MemberState::Member => "member",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [MemberState::Requested, MemberState::Member]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Membership {
    pub network_id: NetworkId,
    pub organization_id: OrganizationId,
    pub state: MemberState,
    pub requested_by: Option<UserId>,
    pub requested_at: OffsetDateTime,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<OffsetDateTime>,
}

/// A person's subscription to a network's weekly digest: an address and its language, no
/// account needed. It counts once the address is confirmed through the link mailed to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscription {
    pub id: super::SubscriptionId,
    pub network_id: NetworkId,
    /// Lower case: one subscription per address and network.
    pub email: String,
    pub lang: super::Lang,
    /// SHA-256 of the subscription's own link.
    pub token_hash: String,
    pub created_at: OffsetDateTime,
    pub confirmed_at: Option<OffsetDateTime>,
}

/// Unconfirmed subscriptions are deleted after this long.
pub const UNCONFIRMED_KEPT: time::Duration = time::Duration::days(7);
/// A digest covers this long: what is new since the last one, at most a week back.
pub const DIGEST_EVERY: time::Duration = time::Duration::days(7);
