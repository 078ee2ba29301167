//! Warm hand-over: clients an organization keeps with the least data that works, the
//! consent ledger, referrals with their state machine, follow-ups, and the rows of the
//! hash-chained audit log. The rules that need more than these values are in `referrals`.

use super::{OpportunityId, OrganizationId, ServiceId, UserId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

id_type!(ClientId, ConsentId, ReferralId);

/// Codes kept as text: `as_str` and `parse` over `ALL`.
macro_rules! code_enum {
    ($name:ident { $($variant:ident = $code:literal),* $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

code_enum!(Purpose {
    Referral = "referral",
    ShareSummary = "share_summary",
    ShareHealth = "share_health",
    FollowUp = "follow_up",
    Statistics = "statistics",
});

impl Purpose {
    /// The data categories a consent for this purpose covers.
    pub fn categories(self) -> &'static [&'static str] {
        match self {
            Purpose::Referral => &["identity", "contact_by_organization", "referral_state"],
            Purpose::ShareSummary => &["summary"],
            Purpose::ShareHealth => &["health", "work_ability"],
            Purpose::FollowUp => &["outcome"],
            Purpose::Statistics => &["referral_state", "outcome", "municipality"],
        }
    }
}

code_enum!(ConsentMethod {
    SignedIn = "signed_in",
    InPerson = "in_person",
});

code_enum!(ReferralState {
    Sent = "sent",
    Accepted = "accepted",
    Declined = "declined",
    Started = "started",
    Completed = "completed",
    Cancelled = "cancelled",
});

impl ReferralState {
    /// No action moves it on.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ReferralState::Declined | ReferralState::Completed | ReferralState::Cancelled
        )
    }
    /// Waiting for the receiver's first answer.
    pub fn is_waiting(self) -> bool {
        self == ReferralState::Sent
    }
}

code_enum!(Outcome {
    WorkOpenMarket = "work_open_market",
    WorkSubsidised = "work_subsidised",
    Education = "education",
    OtherService = "other_service",
    Paused = "paused",
    MovedAway = "moved_away",
    Unknown = "unknown",
});

code_enum!(DeclineReason {
    NoCapacity = "no_capacity",
    NotSuitable = "not_suitable",
    PersonDeclined = "person_declined",
    NoContact = "no_contact",
    Other = "other",
});

/// Who moves a referral: the organization that sent it (or the person, who sent it for
/// themself), the organization that received it, or the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Sender,
    Receiver,
    Person,
}

impl Party {
    pub fn as_str(self) -> &'static str {
        match self {
            Party::Sender => "sender",
            Party::Receiver => "receiver",
            Party::Person => "person",
        }
    }
}

/// What someone does to a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Accept,
    Decline(DeclineReason),
    Start,
    Complete(Outcome),
    Cancel,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Decline(_) => "decline",
            Action::Start => "start",
            Action::Complete(_) => "complete",
            Action::Cancel => "cancel",
        }
    }
}

/// Why an action was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The state does not allow it (already answered, not yet accepted, closed).
    NotNow,
    /// Not this party's move.
    NotYours,
}

/// The state machine: `sent → accepted | declined → started → completed | cancelled`. The
/// receiver answers, starts and completes; the sender or the person may cancel while it is
/// open. Returns the new state.
pub fn transition(
    state: ReferralState,
    action: Action,
    by: Party,
) -> Result<ReferralState, Refusal> {
    use ReferralState as S;
    let (from_ok, to, who_ok) = match action {
        Action::Accept => (state == S::Sent, S::Accepted, by == Party::Receiver),
        Action::Decline(_) => (state == S::Sent, S::Declined, by == Party::Receiver),
        Action::Start => (state == S::Accepted, S::Started, by == Party::Receiver),
        Action::Complete(_) => (state == S::Started, S::Completed, by == Party::Receiver),
        Action::Cancel => (
            !state.is_final(),
            S::Cancelled,
            matches!(by, Party::Sender | Party::Person),
        ),
    };
    if !who_ok {
        return Err(Refusal::NotYours);
    }
    if !from_ok {
        return Err(Refusal::NotNow);
    }
    Ok(to)
}

/// A person as an organization keeps them (or as the person keeps themself, when
/// `organization_id` is `None`): a name the organization chooses, perhaps initials.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Client {
    pub id: ClientId,
    /// The organization whose client this is; `None`: the person's own record.
    pub organization_id: Option<OrganizationId>,
    /// The account that has taken the record over (or made it).
    pub user_id: Option<UserId>,
    pub display_name: String,
    pub birth_year: Option<i32>,
    pub municipality: Option<String>,
    pub created_by: Option<UserId>,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
}

/// A version of a consent text, in three languages. Texts are data: a new wording is a
/// new version, and the version shown is what the ledger keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsentText {
    pub purpose: Purpose,
    pub version: i32,
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl ConsentText {
    pub fn text(&self, lang: super::Lang) -> &str {
        match lang {
            super::Lang::Fi => &self.fi,
            super::Lang::Sv => &self.sv,
            super::Lang::En => &self.en,
        }
    }
}

/// One consent in the ledger. Rows are never changed: a withdrawal is a row of its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consent {
    pub id: ConsentId,
    pub client_id: ClientId,
    pub purpose: Purpose,
    pub text_version: i32,
    pub categories: Vec<String>,
    /// The organization it is given to; `None`: any organization I refer myself to.
    pub recipient: Option<OrganizationId>,
    #[serde(with = "super::unix_micros_serde")]
    pub given_at: OffsetDateTime,
    pub method: ConsentMethod,
    /// The coach who recorded an in-person consent.
    pub recorded_by: Option<UserId>,
    #[serde(with = "super::unix_micros_serde")]
    pub expires_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde::option")]
    pub withdrawn_at: Option<OffsetDateTime>,
    pub withdrawn_by: Option<UserId>,
}

/// How long a consent holds unless the person says otherwise.
pub const CONSENT_MONTHS: i64 = 12;

impl Consent {
    /// In force at `now`: not withdrawn and not expired.
    pub fn in_force(&self, now: OffsetDateTime) -> bool {
        self.withdrawn_at.is_none() && self.expires_at > now
    }
    /// Whether it covers sharing with `organization`.
    pub fn covers(&self, organization: OrganizationId) -> bool {
        self.recipient.is_none_or(|r| r == organization)
    }
}

/// A referral from one organization (or the person) to another organization's service or
/// open place. The summary and notes are sealed (`vault`) and are not part of this value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Referral {
    pub id: ReferralId,
    pub client_id: ClientId,
    /// The sending organization; `None`: the person sent it for themself.
    pub from_org: Option<OrganizationId>,
    pub to_org: OrganizationId,
    pub service_id: Option<ServiceId>,
    pub opportunity_id: Option<OpportunityId>,
    pub state: ReferralState,
    pub decline_reason: Option<DeclineReason>,
    pub outcome: Option<Outcome>,
    pub created_by: Option<UserId>,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde")]
    pub updated_at: OffsetDateTime,
    /// When the receiver first answered (accepted or declined).
    #[serde(with = "super::unix_micros_serde::option")]
    pub answered_at: Option<OffsetDateTime>,
    /// The `referral` consent it was sent under.
    pub consent_id: ConsentId,
    /// Whether health or work-ability notes were sent (under a `share_health` consent).
    pub has_health: bool,
}

/// A step of a referral, for the path and for impact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferralEvent {
    pub referral_id: ReferralId,
    pub state: ReferralState,
    /// The decline reason or outcome code, when the step has one.
    pub detail: Option<String>,
    pub by_party: Party,
    pub by_user: Option<UserId>,
    #[serde(with = "super::unix_micros_serde")]
    pub at: OffsetDateTime,
}

/// A question, months after a completion, where the person is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub referral_id: ReferralId,
    pub months: i32,
    #[serde(with = "super::unix_micros_serde")]
    pub due_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde::option")]
    pub answered_at: Option<OffsetDateTime>,
    pub outcome: Option<Outcome>,
    pub answered_by: Option<Party>,
}

/// After a completion, these follow-ups are asked.
pub const FOLLOW_UP_MONTHS: [i32; 3] = [3, 6, 12];

/// A row to append to the audit log (the store gives it its number and hashes).
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    pub at: OffsetDateTime,
    pub actor: Option<UserId>,
    /// The actor's role (`job_seeker`, …; `system` for the server's own jobs).
    pub actor_role: String,
    pub organization: Option<OrganizationId>,
    /// Why: `referral`, `consent`, `path`, `export`, `erasure`, `retention`, `audit`.
    pub purpose: String,
    /// `read`, `create`, `update`, `withdraw`, `erase`, `prune`.
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    /// The person the data is about (a client id).
    pub subject: Option<ClientId>,
}

/// A row of the audit log as kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditRow {
    pub seq: i64,
    #[serde(with = "super::unix_micros_serde")]
    pub at: OffsetDateTime,
    /// The actor's id, or a tombstone after the actor's erasure.
    pub actor: Option<String>,
    pub actor_digest: String,
    pub actor_role: String,
    pub organization: Option<String>,
    pub purpose: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    /// The subject's id, or a tombstone after the person's erasure.
    pub subject: Option<String>,
    pub subject_digest: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash before the first row.
pub const AUDIT_GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Stands for a person's id in the audit log, so the chain holds after the id is replaced
/// by a tombstone on erasure.
pub fn person_digest(id: Option<&str>) -> String {
    match id {
        None => String::new(),
        Some(id) => hex(&Sha256::new()
            .chain_update(b"kolmonen-audit-person:")
            .chain_update(id.as_bytes())
            .finalize()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Marks an id replaced on erasure.
pub const TOMBSTONE_PREFIX: &str = "erased-";

impl AuditRow {
    /// A new row after `prev_hash`, numbered `seq`.
    pub fn chain(seq: i64, prev_hash: &str, e: &NewAudit) -> Self {
        let actor = e.actor.map(|a| a.to_string());
        let subject = e.subject.map(|s| s.to_string());
        let mut row = AuditRow {
            seq,
            at: super::micros(e.at),
            actor_digest: person_digest(actor.as_deref()),
            actor,
            actor_role: e.actor_role.clone(),
            organization: e.organization.map(|o| o.to_string()),
            purpose: e.purpose.clone(),
            action: e.action.clone(),
            record_kind: e.record_kind.clone(),
            record_id: e.record_id.clone(),
            subject_digest: person_digest(subject.as_deref()),
            subject,
            prev_hash: prev_hash.to_string(),
            hash: String::new(),
        };
        row.hash = row.content_hash();
        row
    }

    /// The SHA-256 of the previous row's hash and this row's content (the persons by their
    /// digests), each part with its length.
    pub fn content_hash(&self) -> String {
        let at = super::unix_micros(self.at).to_string();
        let seq = self.seq.to_string();
        let org = self.organization.clone().unwrap_or_default();
        let mut h = Sha256::new();
        for part in [
            seq.as_str(),
            at.as_str(),
            &self.actor_digest,
            &self.actor_role,
            &org,
            &self.purpose,
            &self.action,
            &self.record_kind,
            &self.record_id,
            &self.subject_digest,
            &self.prev_hash,
        ] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part.as_bytes());
        }
        hex(&h.finalize())
    }

    /// What is wrong with this row, given the previous row's hash (`None`: it holds).
    pub fn fault(&self, prev_hash: &str) -> Option<&'static str> {
        if self.prev_hash != prev_hash {
            return Some("previous-hash");
        }
        if self.content_hash() != self.hash {
            return Some("content");
        }
        for (id, digest) in [
            (&self.actor, &self.actor_digest),
            (&self.subject, &self.subject_digest),
        ] {
            match id {
                Some(id)
                    if !id.starts_with(TOMBSTONE_PREFIX) && person_digest(Some(id)) != *digest =>
                {
                    return Some("person");
                }
                None if !digest.is_empty() => return Some("person"),
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::Accept),
            Just(Action::Decline(DeclineReason::NoCapacity)),
            Just(Action::Start),
            Just(Action::Complete(Outcome::Education)),
            Just(Action::Cancel),
        ]
    }
    fn party() -> impl Strategy<Value = Party> {
        prop_oneof![
            Just(Party::Sender),
            Just(Party::Receiver),
            Just(Party::Person)
        ]
    }

    proptest! {
        /// No sequence of actions reaches a state without its preconditions, and only the
        /// right side moves it.
        #[test]
        fn the_state_machine_keeps_its_rules(steps in proptest::collection::vec((action(), party()), 0..30)) {
            let mut state = ReferralState::Sent;
            let mut seen = vec![state];
            for (a, by) in steps {
                if let Ok(next) = transition(state, a, by) {
                    {
                        prop_assert!(!state.is_final(), "moved out of a final state");
                        match next {
                            ReferralState::Accepted | ReferralState::Declined => {
                                prop_assert_eq!(state, ReferralState::Sent);
                                prop_assert_eq!(by, Party::Receiver);
                            }
                            ReferralState::Started => {
                                prop_assert_eq!(state, ReferralState::Accepted);
                                prop_assert_eq!(by, Party::Receiver);
                            }
                            ReferralState::Completed => {
                                prop_assert_eq!(state, ReferralState::Started);
                                prop_assert_eq!(by, Party::Receiver);
                                prop_assert!(seen.contains(&ReferralState::Accepted));
                            }
                            ReferralState::Cancelled => prop_assert!(by != Party::Receiver),
                            ReferralState::Sent => prop_assert!(false, "nothing returns to sent"),
                        }
                        state = next;
                        seen.push(state);
                    }
                }
            }
            if state == ReferralState::Started {
                prop_assert!(seen.contains(&ReferralState::Accepted));
            }
        }
    }

    fn entry(n: u8) -> NewAudit {
        NewAudit {
            at: OffsetDateTime::from_unix_timestamp(1_700_000_000 + i64::from(n)).unwrap(),
            actor: Some(UserId::new()),
            actor_role: "organization_member".into(),
            organization: Some(OrganizationId::new()),
            purpose: "referral".into(),
            action: "read".into(),
            record_kind: "referral".into(),
            record_id: n.to_string(),
            subject: Some(ClientId::new()),
        }
    }

    #[test]
    fn chained_rows_hold_and_changes_are_found() {
        let a = AuditRow::chain(1, AUDIT_GENESIS, &entry(1));
        let b = AuditRow::chain(2, &a.hash, &entry(2));
        assert_eq!(a.fault(AUDIT_GENESIS), None);
        assert_eq!(b.fault(&a.hash), None);
        let mut edited = b.clone();
        edited.action = "create".into();
        assert_eq!(edited.fault(&a.hash), Some("content"));
        assert_eq!(b.fault(AUDIT_GENESIS), Some("previous-hash"));
        // An erased person's id becomes a tombstone and the chain still holds.
        let mut erased = b.clone();
        erased.subject = Some(format!("{TOMBSTONE_PREFIX}x"));
        assert_eq!(erased.fault(&a.hash), None);
        // Another real id in its place does not.
        let mut swapped = b;
        swapped.subject = Some(ClientId::new().to_string());
        assert_eq!(swapped.fault(&a.hash), Some("person"));
    }
}
