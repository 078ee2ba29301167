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

/// What a one-time link is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms the address of a new account.
    Confirm,
    /// Sets a new password.
    Reset,
    /// Confirms a new address for an account.
    NewEmail,
}

impl TokenPurpose {
    /// The name kept in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::Confirm => "confirm",
            TokenPurpose::Reset => "reset",
            TokenPurpose::NewEmail => "email",
        }
    }
}

/// A one-time link's token as stored: only its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountToken {
    pub token_hash: String,
    pub user_id: UserId,
    pub purpose: TokenPurpose,
    pub new_email: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}
