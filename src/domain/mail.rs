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
    /// Extra header fields, by name (only those `mail` knows how to send: see
    /// `mail::EXTRA_HEADERS`).
    pub headers: Vec<(String, String)>,
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
            headers: Vec::new(),
        }
    }

    /// With RFC 8058 one-click unsubscription: `url` takes a POST of
    /// `List-Unsubscribe=One-Click`.
    pub fn with_unsubscribe(mut self, url: &str) -> Self {
        self.headers
            .push(("List-Unsubscribe".into(), format!("<{url}>")));
        self.headers.push((
            "List-Unsubscribe-Post".into(),
            "List-Unsubscribe=One-Click".into(),
        ));
        self
    }

    /// The extra headers as the outbox keeps them: one `Name: value` a line.
    pub fn headers_text(&self) -> String {
        self.headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}\n"))
            .collect()
    }

    /// The extra headers back from the outbox's text.
    pub fn parse_headers(text: &str) -> Vec<(String, String)> {
        text.lines()
            .filter_map(|l| l.split_once(": "))
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }
}
