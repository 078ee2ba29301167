//! The second factor: time-based one-time codes (RFC 6238: HMAC-SHA1, 30-second steps, six
//! digits) from an authenticator app, and recovery codes for when the phone is lost.
//! Organization admins and platform admins must use it (`Role::needs_second_factor`).

use super::session::{same_secret, sha256_hex};
use crate::domain::accounts::StoredSecret;
use hmac::{Hmac, Mac};

/// The second-factor secrets as the database keeps them: sealed with XChaCha20-Poly1305
/// under a key from the configuration (`serve --totp-key`) when one is set, so a copy of
/// the database alone does not give anyone the codes; as they are otherwise.
#[derive(Clone, Default)]
pub struct SecretBox {
    key: Option<[u8; 32]>,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretBox(sealed: {})", self.key.is_some())
    }
}

const SEALED: &str = "enc1:";

impl SecretBox {
    pub fn new(key: Option<&str>) -> Self {
        use sha2::Digest;
        SecretBox {
            key: key
                .filter(|k| !k.is_empty())
                .map(|k| sha2::Sha256::digest(format!("kolmonen-totp-v1:{k}").as_bytes()).into()),
        }
    }

    pub fn seals(&self) -> bool {
        self.key.is_some()
    }

    /// The form to store a secret in.
    pub fn seal(&self, secret: &str) -> String {
        use base64::Engine;
        use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
        use chacha20poly1305::XChaCha20Poly1305;
        let Some(key) = &self.key else {
            return secret.to_string();
        };
        let cipher = XChaCha20Poly1305::new(key.into());
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(&nonce, secret.as_bytes())
            .expect("sealing a short secret does not fail");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        format!(
            "{SEALED}{}",
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(out)
        )
    }

    /// The secret of a stored form: sealed ones need the key they were sealed with (`None`
    /// without it, or when the bytes were changed); plain ones are read as they are.
    pub fn open(&self, stored: &str) -> Option<String> {
        use base64::Engine;
        use chacha20poly1305::aead::{Aead, KeyInit};
        use chacha20poly1305::{XChaCha20Poly1305, XNonce};
        let Some(b64) = stored.strip_prefix(SEALED) else {
            return Some(stored.to_string());
        };
        let key = self.key.as_ref()?;
        let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(b64)
            .ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(24);
        let plain = XChaCha20Poly1305::new(key.into())
            .decrypt(XNonce::from_slice(nonce), sealed)
            .ok()?;
        String::from_utf8(plain).ok()
    }

    /// Whether a stored form is sealed.
    pub fn is_sealed(stored: &str) -> bool {
        stored.starts_with(SEALED)
    }
}

/// Seals every plain secret in the database when a key is configured (at start: secrets
/// stored before the key was set). How many were sealed.
pub async fn seal_stored(
    store: &crate::store::DynStore,
    secrets: &SecretBox,
) -> crate::store::StoreResult<usize> {
    if !secrets.seals() {
        return Ok(0);
    }
    let mut sealed = 0;
    for StoredSecret {
        user_id: user,
        secret: stored,
    } in store.second_factor_secrets().await?
    {
        if !SecretBox::is_sealed(&stored)
            && store
                .replace_second_factor_secret(user, &stored, &secrets.seal(&stored))
                .await?
        {
            sealed += 1;
        }
    }
    Ok(sealed)
}

pub const STEP_SECONDS: i64 = 30;
pub const DIGITS: u32 = 6;
/// Codes of the step before and after are accepted too (clocks drift).
pub const WINDOW: i64 = 1;
pub const RECOVERY_CODES: usize = 10;

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32 without padding, as authenticator apps take secrets.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(BASE32[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn from_base32(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| *c != b'=' && *c != b' ') {
        let v = BASE32.iter().position(|x| *x == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            out.push((buffer >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// A new secret: 160 random bits, base32.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    getrandom::getrandom(&mut bytes).expect("the operating system gives random bytes");
    base32(&bytes)
}

/// The time step of a Unix time.
pub fn step(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code of a secret at a time step (RFC 4226 dynamic truncation).
pub fn code_at(secret: &str, step: i64) -> Option<String> {
    let key = from_base32(secret)?;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = (h[19] & 0x0f) as usize;
    let n = (u32::from(h[offset] & 0x7f) << 24)
        | (u32::from(h[offset + 1]) << 16)
        | (u32::from(h[offset + 2]) << 8)
        | u32::from(h[offset + 3]);
    Some(format!(
        "{:0width$}",
        n % 10u32.pow(DIGITS),
        width = DIGITS as usize
    ))
}

/// The time step a typed code belongs to, within the window around `now`, if any step after
/// `last_step` matches (so a code works once).
pub fn matching_step(secret: &str, typed: &str, now_unix: i64, last_step: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step(now_unix);
    (now - WINDOW..=now + WINDOW)
        .filter(|s| *s > last_step)
        .find(|s| code_at(secret, *s).is_some_and(|c| same_secret(&c, &typed)))
}

/// The `otpauth://` address an authenticator app reads (from a QR code or a tap).
pub fn otpauth_url(secret: &str, account: &str) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    format!(
        "otpauth://totp/Kolmonen:{}?secret={secret}&issuer=Kolmonen&digits={DIGITS}&period={STEP_SECONDS}",
        enc(account)
    )
}

/// The address as a QR code, an SVG image.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

/// New recovery codes: ten of 24 base32 characters (120 bits), shown as four groups of six.
/// With 112 bits or more a plain hash may keep them (ASVS 5.0 6.5.2).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 15];
            getrandom::getrandom(&mut bytes).expect("random bytes");
            let s = base32(&bytes);
            s.as_bytes()
                .chunks(6)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// What is stored of a recovery code: the SHA-256 of its characters in upper case, without
/// the hyphens and spaces.
pub fn recovery_hash(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    sha256_hex(norm.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_sealed_with_the_configured_key() {
        let secret = new_secret();
        let plain = SecretBox::new(None);
        assert_eq!(plain.seal(&secret), secret);
        let sealed_box = SecretBox::new(Some("avain"));
        let sealed = sealed_box.seal(&secret);
        assert!(SecretBox::is_sealed(&sealed) && !sealed.contains(&secret));
        assert_ne!(sealed, sealed_box.seal(&secret), "a new nonce each time");
        assert_eq!(sealed_box.open(&sealed).as_deref(), Some(secret.as_str()));
        assert_eq!(
            sealed_box.open(&secret).as_deref(),
            Some(secret.as_str()),
            "plain"
        );
        assert_eq!(plain.open(&sealed), None, "no key");
        assert_eq!(
            SecretBox::new(Some("toinen")).open(&sealed),
            None,
            "another key"
        );
        // Change one character in the middle (of the ciphertext, not the padding bits) to
        // another one, so the bytes differ whatever the nonce was.
        let mid = sealed.len() / 2 + 4;
        let mut bent: Vec<char> = sealed.chars().collect();
        bent[mid] = if bent[mid] == 'A' { 'B' } else { 'A' };
        let bent: String = bent.into_iter().collect();
        assert_ne!(bent, sealed);
        assert_eq!(sealed_box.open(&bent), None, "changed bytes");
    }

    #[test]
    fn rfc_6238_test_vectors() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", last six digits.
        let secret = base32(b"12345678901234567890");
        assert_eq!(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        for (t, code) in [
            (59, "287082"),
            (1111111109, "081804"),
            (1111111111, "050471"),
            (1234567890, "005924"),
            (2000000000, "279037"),
            (20000000000, "353130"),
        ] {
            assert_eq!(code_at(&secret, step(t)).unwrap(), code, "t = {t}");
        }
        assert_eq!(from_base32(&secret).unwrap(), b"12345678901234567890");
    }

    #[test]
    fn a_code_works_once_and_only_near_its_time() {
        let secret = new_secret();
        assert_eq!(secret.len(), 32);
        let now = 1_800_000_000;
        let code = code_at(&secret, step(now)).unwrap();
        assert_eq!(matching_step(&secret, &code, now, 0), Some(step(now)));
        assert_eq!(
            matching_step(
                &secret,
                &format!("{} {}", &code[..3], &code[3..]),
                now + 25,
                0
            ),
            Some(step(now)),
            "spaces and a little drift are fine"
        );
        assert_eq!(matching_step(&secret, &code, now, step(now)), None, "used");
        assert_eq!(
            matching_step(&secret, &code, now + 120, 0),
            None,
            "too late"
        );
        for junk in ["", "12345", "1234567", "abcdef", "１２３４５６"] {
            assert_eq!(matching_step(&secret, junk, now, 0), None, "{junk}");
        }
    }

    #[test]
    fn recovery_codes_are_random_and_typed_loosely() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert_eq!(codes[0].len(), 27);
        assert_eq!(codes[0].replace('-', "").len() * 5, 120, "bits");
        assert_ne!(codes[0], codes[1]);
        let lower = codes[0].to_lowercase().replace('-', " ");
        assert_eq!(recovery_hash(&codes[0]), recovery_hash(&lower));
    }

    #[test]
    fn apps_get_a_url_and_a_qr_code() {
        let url = otpauth_url("ABC", "ann+x@example.fi");
        assert_eq!(
            url,
            "otpauth://totp/Kolmonen:ann%2Bx%40example.fi?secret=ABC&issuer=Kolmonen&digits=6&period=30"
        );
        let svg = qr_svg(&url).unwrap();
        assert!(svg.contains("<svg"));
    }
}
