//! Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser
//! that has signed in to an account holds a signed cookie naming that account. Sign-in
//! attempts that bring one are counted per device cookie; only attempts without one count
//! against the account's own limit. So whoever floods an address with wrong passwords locks
//! out only untrusted clients, and the owner goes on signing in from their own browser.
//!
//! The cookie holds up to [`MAX_ENTRIES`] entries `ACCOUNT.NONCE.MAC`, newest first, joined
//! by `~`; the MAC is the server key's HMAC over the account and the nonce.

use super::keys::Keys;
use super::session::SessionToken;
use super::UserId;

pub const MAX_ENTRIES: usize = 5;
/// How long a browser stays known: half a year after its last sign-in.
pub const MAX_AGE_SECONDS: i64 = 180 * 24 * 3600;

/// One account this browser has signed in to, proven by the server's signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trusted {
    pub user: UserId,
    /// Names this device cookie in the throttle (never the cookie itself).
    pub nonce: String,
}

fn entry(keys: &Keys, user: UserId, nonce: &str) -> String {
    let u = user.to_string();
    format!("{u}.{nonce}.{}", keys.sign("device", &[&u, nonce]))
}

/// The entries of a cookie whose signatures hold; anything else is ignored.
pub fn read(keys: &Keys, cookie: &str) -> Vec<Trusted> {
    cookie
        .split('~')
        .take(MAX_ENTRIES)
        .filter_map(|e| {
            let mut parts = e.split('.');
            let (u, nonce, mac) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || nonce.len() != 64 {
                return None;
            }
            let user = UserId::parse(u)?;
            keys.verify("device", &[&user.to_string(), nonce], mac)
                .then(|| Trusted {
                    user,
                    nonce: nonce.to_string(),
                })
        })
        .collect()
}

/// The cookie after a successful sign-in to `user`: a fresh entry for it first, the other
/// accounts' entries kept.
pub fn after_sign_in(keys: &Keys, known: &[Trusted], user: UserId) -> String {
    let fresh = SessionToken::new();
    std::iter::once(entry(keys, user, fresh.as_str()))
        .chain(
            known
                .iter()
                .filter(|t| t.user != user)
                .map(|t| entry(keys, t.user, &t.nonce)),
        )
        .take(MAX_ENTRIES)
        .collect::<Vec<_>>()
        .join("~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_signed_entries_are_trusted() {
        let keys = Keys::from_secret("k");
        let (a, b) = (UserId::new(), UserId::new());
        let c = after_sign_in(&keys, &[], a);
        let known = read(&keys, &c);
        assert_eq!(known.len(), 1);
        assert_eq!(known[0].user, a);
        let c2 = after_sign_in(&keys, &known, b);
        let both = read(&keys, &c2);
        assert_eq!(both.iter().map(|t| t.user).collect::<Vec<_>>(), [b, a]);
        assert_eq!(
            both[1].nonce, known[0].nonce,
            "the other account's entry is kept"
        );
        // Another key, another account in the same entry, junk: nothing.
        assert!(read(&Keys::from_secret("other"), &c).is_empty());
        let forged = c.replacen(&a.to_string(), &b.to_string(), 1);
        assert!(read(&keys, &forged).is_empty());
        assert!(read(&keys, "x.y.z~~").is_empty());
        // A new sign-in gives the account a new nonce.
        let again = read(&keys, &after_sign_in(&keys, &known, a));
        assert_ne!(again[0].nonce, known[0].nonce);
    }
}
