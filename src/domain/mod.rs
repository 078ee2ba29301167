//! Pure domain types: ids, localized text, validated values and the directory records.

pub mod accounts;
mod business_id;
pub mod files;
pub mod helsinki;
pub mod line;
pub mod mail;
pub mod manage;
pub mod names;
pub mod people;
mod records;
pub mod search;
mod text;
pub mod threads;

pub use business_id::{BusinessId, BusinessIdError};
pub use line::{encode_component, is_one_line, is_web_link, safe_link};
pub use manage::RecordKind;
pub use records::*;
pub use text::{csv_cell, csv_uncell, Lang, LocalizedText};

pub const DERIVED_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b6f_6c6d_6f6e_656e_0000_0000_0000_4853);

/// A stable id for a sub-record (an HSDS service_at_location, contact, schedule…): UUIDv5 of
/// its description.
pub fn derived_id(description: &str) -> String {
    uuid::Uuid::new_v5(&DERIVED_NAMESPACE, description.as_bytes()).to_string()
}

/// Typed ids: a UUID that cannot be mixed up with another record's id.
macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub fn new() -> Self {
                Self(uuid::Uuid::new_v4())
            }
            /// Parses an id from a URL segment or a stored text column.
            pub fn parse(s: &str) -> Option<Self> {
                uuid::Uuid::parse_str(s.trim()).ok().map(Self)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }
    )*};
}

id_type!(
    OrganizationId,
    ServiceId,
    LocationId,
    OpportunityId,
    ContactId,
    UserId,
    ThreadId,
    NetworkId,
    EventId,
    SignupId,
    SubscriptionId,
    ProjectId,
    AttachmentId,
    ArticleId
);

/// Defined here, after `id_type!`, which they use.
pub mod articles;
pub mod events;
pub mod ical;
pub mod markdown;
pub mod networks;
pub mod projects;
pub mod referrals;

/// A validated Finnish postal code (five digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())).then(|| Self(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for PostalCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).ok_or_else(|| format!("invalid postal code: {s}"))
    }
}

impl From<PostalCode> for String {
    fn from(p: PostalCode) -> String {
        p.0
    }
}

/// A municipality code: three digits as Statistics Finland assigns them.
pub fn is_municipality_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_code_needs_five_digits() {
        assert!(PostalCode::parse("15150").is_some());
        assert!(PostalCode::parse(" 00100 ").is_some());
        assert!(PostalCode::parse("1515").is_none());
        assert!(PostalCode::parse("15a50").is_none());
        assert!(PostalCode::parse("151500").is_none());
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = OrganizationId::new();
        assert_eq!(OrganizationId::parse(&id.to_string()), Some(id));
        assert_eq!(OrganizationId::parse("not-an-id"), None);
    }
}
