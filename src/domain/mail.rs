//! Mail as the store keeps it: the outbox (one-time links' tokens are in `accounts`).

pub use super::accounts::{AccountToken, TokenPurpose};
use time::OffsetDateTime;

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub id: String,
    pub to: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
    pub created_at: OffsetDateTime,
    pub attempts: i64,
}

impl OutgoingMail {
    pub fn new(to: &str, subject: String, body: String) -> Self {
        OutgoingMail {
            id: uuid::Uuid::new_v4().to_string(),
            to: to.to_string(),
            subject,
            body,
            created_at: super::now_micros(),
            attempts: 0,
        }
    }
}
