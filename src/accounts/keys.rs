//! The server's secret key and what it signs: device cookies (see `device`) and CSRF tokens
//! bound to a session. Every node must hold the same key: it comes from the configuration
//! (`serve --secret-key`) or, without one, from the database, where the first node to need
//! it puts a random one.

use super::session::{same_secret, sha256_hex};
use crate::store::{DynStore, StoreResult};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The secret key, as 32 bytes.
#[derive(Clone)]
pub struct Keys {
    key: [u8; 32],
}

impl std::fmt::Debug for Keys {
    // Never in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

impl Keys {
    /// A key from any secret text (an operator's passphrase or the stored random one).
    pub fn from_secret(secret: &str) -> Self {
        use sha2::Digest;
        Keys {
            key: Sha256::digest(format!("kolmonen-keys-v1:{secret}").as_bytes()).into(),
        }
    }

    /// The configured secret, or the one kept in the database (made on first use).
    pub async fn load(store: &DynStore, configured: Option<&str>) -> StoreResult<Self> {
        if let Some(s) = configured.filter(|s| !s.is_empty()) {
            return Ok(Self::from_secret(s));
        }
        let candidate = super::session::SessionToken::new();
        let kept = store.server_secret("mac-key", candidate.as_str()).await?;
        Ok(Self::from_secret(&kept))
    }

    /// HMAC-SHA256 of `parts` for one `purpose`, as 64 hexadecimal digits. The purpose and
    /// the lengths of the parts are signed too, so no value signed for one use fits another.
    pub fn sign(&self, purpose: &str, parts: &[&str]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        for p in std::iter::once(&purpose).chain(parts) {
            mac.update(&(p.len() as u64).to_be_bytes());
            mac.update(p.as_bytes());
        }
        mac.finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether `mac` is the signature of `parts` for `purpose` (in constant time).
    pub fn verify(&self, purpose: &str, parts: &[&str], mac: &str) -> bool {
        same_secret(&self.sign(purpose, parts), mac)
    }

    /// The CSRF token of a signed-in session: bound to that session alone, so no other
    /// session (or a token planted before sign-in) passes with it.
    pub fn csrf_for_session(&self, session_hash: &str) -> String {
        self.sign("csrf", &[session_hash])
    }

    /// A fingerprint of the key, for tests that it is shared (never the key itself).
    pub fn fingerprint(&self) -> String {
        sha256_hex(&self.key)[..8].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_depend_on_purpose_parts_and_key() {
        let k = Keys::from_secret("a");
        let s = k.sign("device", &["u", "n"]);
        assert!(k.verify("device", &["u", "n"], &s));
        assert!(!k.verify("csrf", &["u", "n"], &s));
        assert!(!k.verify("device", &["un", ""], &s));
        assert!(!Keys::from_secret("b").verify("device", &["u", "n"], &s));
        assert_ne!(k.csrf_for_session("x"), k.csrf_for_session("y"));
    }
}
