//! Sign-in sessions: a random 256-bit token in the cookie, only its SHA-256 in the database;
//! a session ends after 30 minutes without use or 12 hours after sign-in, whichever is first.

use super::{User, UserId};
pub use crate::domain::accounts::{Session, ABSOLUTE, IDLE, PENDING, TOUCH_EVERY};
use crate::store::{DynStore, StoreResult};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// The secret a browser holds: 32 random bytes as 64 hexadecimal digits.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

impl std::fmt::Debug for SessionToken {
    // Never in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(…)")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of some bytes as 64 hexadecimal digits: how every token, key and code is
/// kept (sessions, one-time links, throttling keys, recovery codes).
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl SessionToken {
    pub fn new() -> Self {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).expect("the operating system gives random bytes");
        Self(hex(&bytes))
    }

    /// A token as a cookie brings it; anything else is no token.
    pub fn parse(s: &str) -> Option<Self> {
        (s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the database keeps.
    pub fn hash(&self) -> String {
        sha256_hex(self.0.as_bytes())
    }
}

impl Default for SessionToken {
    fn default() -> Self {
        Self::new()
    }
}

/// Starts a session for an account; the token goes into the cookie.
pub async fn start(
    store: &DynStore,
    user: UserId,
    now: OffsetDateTime,
) -> StoreResult<SessionToken> {
    begin(store, user, now, false).await
}

/// Starts a session that waits for the second factor.
pub async fn start_pending(
    store: &DynStore,
    user: UserId,
    now: OffsetDateTime,
) -> StoreResult<SessionToken> {
    begin(store, user, now, true).await
}

async fn begin(
    store: &DynStore,
    user: UserId,
    now: OffsetDateTime,
    second_factor_pending: bool,
) -> StoreResult<SessionToken> {
    let token = SessionToken::new();
    store
        .create_session(&Session {
            token_hash: token.hash(),
            user_id: user,
            created_at: now,
            last_seen_at: now,
            second_factor_pending,
        })
        .await?;
    Ok(token)
}

/// Who a cookie's session belongs to.
#[derive(Debug, Clone)]
pub enum Resumed {
    SignedIn(User),
    /// Past the password, waiting for the second factor.
    Pending(User),
}

/// The account of a cookie's token, if its session is live and the account is not disabled.
/// An expired session is deleted; a live one is marked used (at most once a minute).
pub async fn resume(
    store: &DynStore,
    token: &str,
    now: OffsetDateTime,
) -> StoreResult<Option<Resumed>> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(None);
    };
    let hash = token.hash();
    let Some((session, user)) = store.session(&hash).await? else {
        return Ok(None);
    };
    if !session.is_live(now) {
        store.end_session(&hash).await?;
        return Ok(None);
    }
    if user.disabled_at.is_some() {
        return Ok(None);
    }
    if now - session.last_seen_at >= TOUCH_EVERY {
        store.touch_session(&hash, now).await?;
    }
    Ok(Some(if session.second_factor_pending {
        Resumed::Pending(user)
    } else {
        Resumed::SignedIn(user)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Duration;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = SessionToken::new();
        let b = SessionToken::new();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 64);
        assert_eq!(SessionToken::parse(a.as_str()), Some(a.clone()));
        assert_ne!(a.hash(), a.as_str());
        assert_eq!(a.hash(), a.hash());
        assert_eq!(a.hash().len(), 64);
        assert_eq!(format!("{a:?}"), "SessionToken(…)");
        for bad in ["", "abc", &"G".repeat(64), &"A".repeat(64), &"a".repeat(65)] {
            assert_eq!(SessionToken::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn sessions_end_when_idle_or_old() {
        let t0 = OffsetDateTime::now_utc();
        let s = Session {
            token_hash: String::new(),
            user_id: UserId::new(),
            created_at: t0,
            last_seen_at: t0,
            second_factor_pending: false,
        };
        assert!(s.is_live(t0 + Duration::minutes(29)));
        assert!(!s.is_live(t0 + Duration::minutes(30)));
        let busy = Session {
            last_seen_at: t0 + Duration::hours(11) + Duration::minutes(50),
            ..s.clone()
        };
        assert!(busy.is_live(t0 + Duration::hours(11) + Duration::minutes(59)));
        assert!(!busy.is_live(t0 + Duration::hours(12)));
        let pending = Session {
            second_factor_pending: true,
            ..s.clone()
        };
        assert!(pending.is_live(t0 + Duration::minutes(9)));
        assert!(!pending.is_live(t0 + Duration::minutes(10)));
    }
}
