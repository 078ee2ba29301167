//! Mail as the store keeps it: the outbox and the one-time links' tokens.

use super::{unix_micros, UserId};
use time::OffsetDateTime;

/// A message in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    pub id: String,
    pub to: String,
    pub subject: String,
    /// Plain text.
    pub body: String,
    /// Unix microseconds.
    pub created_at: i64,
    pub attempts: i64,
}

impl OutgoingMail {
    pub fn new(to: &str, subject: String, body: String) -> Self {
        OutgoingMail {
            id: uuid::Uuid::new_v4().to_string(),
            to: to.to_string(),
            subject,
            body,
            created_at: unix_micros(OffsetDateTime::now_utc()),
            attempts: 0,
        }
    }
}

/// A one-time link's token as stored: only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountToken {
    pub token_hash: String,
    pub user_id: UserId,
    /// `confirm`, `reset` or `email`.
    pub purpose: &'static str,
    pub new_email: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}
