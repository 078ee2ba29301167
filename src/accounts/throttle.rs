//! Sign-in throttling: after 10 failed sign-ins in a minute from one address, or 100 in an
//! hour for one e-mail address, from browsers without the account's device cookie, further
//! tries are refused until the oldest failure in the window lapses, even with the right
//! password. A browser with the device cookie (see `device`) counts only against its own
//! limit, 20 an hour. Failures are rows in the database, so every
//! node counts the same ones. Keys are hashed: neither addresses nor e-mail addresses are
//! kept readable.

use crate::store::{DynStore, StoreResult};
use std::net::IpAddr;
use time::{Duration, OffsetDateTime};

/// One limit: at most `failures` within `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub failures: u64,
    pub window: Duration,
}

pub const PER_ADDRESS: Limit = Limit {
    failures: 10,
    window: Duration::minutes(1),
};
/// Failures for one account from browsers that have never signed in to it.
pub const PER_ACCOUNT: Limit = Limit {
    failures: 100,
    window: Duration::hours(1),
};
/// Failures from one browser that has signed in to the account before (its device cookie):
/// the owner's own mistakes, counted apart from everyone else's.
pub const PER_DEVICE: Limit = Limit {
    failures: 20,
    window: Duration::hours(1),
};

fn hashed(kind: &str, value: &str) -> String {
    super::session::sha256_hex(format!("{kind}:{value}").as_bytes())
}

/// The key of a client address. IPv6 clients are counted by their /64 network, which one
/// household or host usually has whole.
pub fn address_key(ip: IpAddr) -> String {
    let value = match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    };
    hashed("address", &value)
}

/// The key of an e-mail address as it is kept (see `Email::parse`; as typed, trimmed and in
/// lower case, when it is no address), whether or not it has an account, so throttling tells
/// nothing about which addresses do and no other spelling of one escapes its limit.
pub fn account_key(email: &str) -> String {
    match super::Email::parse(email) {
        Ok(e) => hashed("account", e.as_str()),
        Err(_) => hashed("account", &email.trim().to_lowercase()),
    }
}

/// A key counted apart from sign-ins: `scope` names what is limited (`signup`, `reset`).
pub fn scoped(scope: &str, key: &str) -> String {
    hashed(scope, key)
}

/// How long until a try may be made, if any of the keys is over its limit.
pub async fn wait(
    store: &DynStore,
    keys: &[(String, Limit)],
    now: OffsetDateTime,
) -> StoreResult<Option<Duration>> {
    let mut longest: Option<Duration> = None;
    for (key, limit) in keys {
        let failures = store.login_failures(key, now - limit.window).await?;
        if failures.count >= limit.failures {
            let lapses = failures.oldest.unwrap_or(now) + limit.window;
            let wait = (lapses - now).max(Duration::ZERO).max(Duration::seconds(1));
            longest = Some(longest.map_or(wait, |l| l.max(wait)));
        }
    }
    Ok(longest)
}

pub async fn record_failure(
    store: &DynStore,
    keys: &[(String, Limit)],
    now: OffsetDateTime,
) -> StoreResult<()> {
    let keys: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
    store.record_login_failure(&keys, now).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hide_what_they_count() {
        let a = address_key("192.0.2.7".parse().unwrap());
        assert_eq!(a.len(), 64);
        assert!(!a.contains("192"));
        assert_eq!(a, address_key("::ffff:192.0.2.7".parse().unwrap()));
        assert_ne!(a, address_key("192.0.2.8".parse().unwrap()));
        // One IPv6 /64 is one client.
        assert_eq!(
            address_key("2001:db8:1:2::1".parse().unwrap()),
            address_key("2001:db8:1:2:ffff::9".parse().unwrap())
        );
        assert_ne!(
            address_key("2001:db8:1:2::1".parse().unwrap()),
            address_key("2001:db8:1:3::1".parse().unwrap())
        );
        assert_eq!(
            account_key(" Ann@Example.fi "),
            account_key("ann@example.fi")
        );
        assert_ne!(
            account_key("ann@example.fi"),
            address_key("192.0.2.7".parse().unwrap())
        );
    }
}
