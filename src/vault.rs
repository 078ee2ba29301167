//! The data key: what seals the most sensitive text we keep (a referral's summary and its
//! health or work-ability notes) with AES-256-GCM before it reaches the database.
//!
//! A sealed value is text: `k1.{key id}.{base64url(nonce ‖ ciphertext ‖ tag)}`. The key id
//! (8 hexadecimal digits of a SHA-256 of the key, never the key) says which key opens it,
//! so keys can be rotated: the operator puts a new key first and keeps the old ones after
//! it, `kolmonen rotate-data-key` seals everything again under the first, and then the old
//! keys can go. Each value is bound to its place (`aad`: the record and the field), so a
//! sealed summary copied into another referral does not open there.
//!
//! Keys come from `KOLMONEN_DATA_KEY` or `--data-key-file`: one key per line (or separated
//! by commas), each 32 random bytes in base64 (`kolmonen rotate-data-key --new-key` prints one).
//! Lines starting with `#` are comments.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use sha2::{Digest, Sha256};

const PREFIX: &str = "k1";
const NONCE_LEN: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("no data key is configured (set KOLMONEN_DATA_KEY or --data-key-file)")]
    NoKey,
    #[error("a data key must be 32 bytes in base64 (line {0})")]
    BadKey(usize),
    #[error("the same data key is given twice")]
    DuplicateKey,
    #[error("this value is sealed with key {0}, which is not configured")]
    UnknownKey(String),
    #[error("the sealed value is damaged or not from this place")]
    Damaged,
}

/// The configured data keys: the first seals, all open.
#[derive(Clone)]
pub struct DataKeys {
    keys: Vec<(String, [u8; 32])>,
}

impl std::fmt::Debug for DataKeys {
    // Never in logs: only the ids.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.keys.iter().map(|(id, _)| id))
            .finish()
    }
}

/// The id of a key: 8 hexadecimal digits of a SHA-256 of it.
fn key_id(key: &[u8; 32]) -> String {
    let d = Sha256::new()
        .chain_update(b"kolmonen-data-key-id:")
        .chain_update(key)
        .finalize();
    d[..4].iter().map(|b| format!("{b:02x}")).collect()
}

impl DataKeys {
    /// Keys from their text form (see the module's notes).
    pub fn parse(text: &str) -> Result<Self, VaultError> {
        let mut keys: Vec<(String, [u8; 32])> = Vec::new();
        for (i, item) in text
            .lines()
            .flat_map(|l| l.split(','))
            .map(str::trim)
            .enumerate()
        {
            if item.is_empty() || item.starts_with('#') {
                continue;
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(item)
                .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(item))
                .map_err(|_| VaultError::BadKey(i + 1))?;
            let key: [u8; 32] = bytes.try_into().map_err(|_| VaultError::BadKey(i + 1))?;
            let id = key_id(&key);
            if keys.iter().any(|(k, _)| *k == id) {
                return Err(VaultError::DuplicateKey);
            }
            keys.push((id, key));
        }
        if keys.is_empty() {
            return Err(VaultError::NoKey);
        }
        Ok(Self { keys })
    }

    /// A new random key in its text form.
    pub fn new_key_text() -> String {
        let mut key = [0u8; 32];
        getrandom::getrandom(&mut key).expect("the system's random source");
        base64::engine::general_purpose::STANDARD.encode(key)
    }

    /// The id of the key that seals.
    pub fn current_id(&self) -> &str {
        &self.keys[0].0
    }

    /// The ids of every configured key, the sealing one first.
    pub fn ids(&self) -> Vec<&str> {
        self.keys.iter().map(|(id, _)| id.as_str()).collect()
    }

    /// Seals `plain` for the place `aad` under the current key.
    pub fn seal(&self, plain: &str, aad: &str) -> String {
        let (id, key) = &self.keys[0];
        let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::getrandom(&mut nonce).expect("the system's random source");
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .expect("AES-GCM seals any length we keep");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        format!(
            "{PREFIX}.{id}.{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out)
        )
    }

    /// The key id a sealed value names, if it is one.
    pub fn id_of(sealed: &str) -> Option<&str> {
        let mut parts = sealed.splitn(3, '.');
        (parts.next() == Some(PREFIX))
            .then(|| parts.next())
            .flatten()
    }

    /// Opens a value sealed for the place `aad`.
    pub fn open(&self, sealed: &str, aad: &str) -> Result<String, VaultError> {
        let mut parts = sealed.splitn(3, '.');
        if parts.next() != Some(PREFIX) {
            return Err(VaultError::Damaged);
        }
        let id = parts.next().ok_or(VaultError::Damaged)?;
        let body = parts.next().ok_or(VaultError::Damaged)?;
        let key = self
            .keys
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, key)| key)
            .ok_or_else(|| VaultError::UnknownKey(id.to_string()))?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(body)
            .map_err(|_| VaultError::Damaged)?;
        if bytes.len() < NONCE_LEN {
            return Err(VaultError::Damaged);
        }
        let (nonce, ct) = bytes.split_at(NONCE_LEN);
        let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
        let plain = cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: ct,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| VaultError::Damaged)?;
        String::from_utf8(plain).map_err(|_| VaultError::Damaged)
    }

    /// The value sealed again under the current key, when another key sealed it.
    pub fn reseal(&self, sealed: &str, aad: &str) -> Result<Option<String>, VaultError> {
        if Self::id_of(sealed) == Some(self.current_id()) {
            return Ok(None);
        }
        Ok(Some(self.seal(&self.open(sealed, aad)?, aad)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|_| DataKeys::new_key_text()).collect()
    }

    #[test]
    fn seals_and_opens_only_in_its_place() {
        let k = DataKeys::parse(&keys(1)[0]).unwrap();
        let s = k.seal("Haluaa kokeilla puutyötä", "referral:1:summary");
        assert!(!s.contains("puutyö"));
        assert!(s.starts_with(&format!("k1.{}.", k.current_id())));
        assert_eq!(
            k.open(&s, "referral:1:summary").unwrap(),
            "Haluaa kokeilla puutyötä"
        );
        assert_eq!(k.open(&s, "referral:2:summary"), Err(VaultError::Damaged));
        // Two seals of the same text differ (a fresh nonce each time).
        assert_ne!(s, k.seal("Haluaa kokeilla puutyötä", "referral:1:summary"));
        // A flipped character is found.
        let mut bad = s.clone().into_bytes();
        let last = bad.len() - 2;
        bad[last] = if bad[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            k.open(&String::from_utf8(bad).unwrap(), "referral:1:summary"),
            Err(VaultError::Damaged)
        );
    }

    #[test]
    fn rotation_opens_old_values_and_reseals_under_the_new_key() {
        let [old, new]: [String; 2] = keys(2).try_into().unwrap();
        let before = DataKeys::parse(&old).unwrap();
        let s = before.seal("teksti", "a");
        let after = DataKeys::parse(&format!("{new}\n# the old one\n{old}\n")).unwrap();
        assert_eq!(after.ids().len(), 2);
        assert_eq!(after.open(&s, "a").unwrap(), "teksti");
        let again = after.reseal(&s, "a").unwrap().unwrap();
        assert_eq!(DataKeys::id_of(&again), Some(after.current_id()));
        assert_eq!(after.reseal(&again, "a").unwrap(), None);
        let only_new = DataKeys::parse(&new).unwrap();
        assert_eq!(only_new.open(&again, "a").unwrap(), "teksti");
        assert!(matches!(
            only_new.open(&s, "a"),
            Err(VaultError::UnknownKey(_))
        ));
    }

    #[test]
    fn bad_key_texts_are_refused() {
        assert!(matches!(DataKeys::parse(""), Err(VaultError::NoKey)));
        assert!(matches!(
            DataKeys::parse("# none\n"),
            Err(VaultError::NoKey)
        ));
        assert!(matches!(
            DataKeys::parse("c2hvcnQ="),
            Err(VaultError::BadKey(1))
        ));
        let k = DataKeys::new_key_text();
        assert!(matches!(
            DataKeys::parse(&format!("{k},{k}")),
            Err(VaultError::DuplicateKey)
        ));
        assert!(format!("{:?}", DataKeys::parse(&k).unwrap()).len() < 20);
    }
}
