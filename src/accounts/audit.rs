//! Security events (ASVS 5.0 V16.3): every sign-in, failed or not, second-factor step, change
//! of password or address, ended session and refused access goes to the log under the target
//! `security`, with the OWASP logging vocabulary's event names. Accounts appear by their id
//! only; e-mail addresses, passwords, tokens and client addresses never do.

use super::UserId;

/// Writes one security event. `user` is the account concerned, when known.
pub fn event(name: &'static str, user: Option<UserId>) {
    match user {
        Some(u) => tracing::info!(target: "security", event = name, user = %u),
        None => tracing::info!(target: "security", event = name),
    }
}

/// A refused request: the event and what was refused (a route pattern, not a URL with ids).
pub fn refused(name: &'static str, user: Option<UserId>, what: &str) {
    match user {
        Some(u) => tracing::warn!(target: "security", event = name, user = %u, what),
        None => tracing::warn!(target: "security", event = name, what),
    }
}
