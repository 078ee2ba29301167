//! Passwords: the rules a new one must meet, and argon2id hashing with the parameters of
//! OWASP's password storage guidance (m = 19 MiB, t = 2, p = 1). Hashes made with other
//! parameters are still accepted and are to be made again at the next sign-in.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::collections::HashSet;
use std::sync::LazyLock;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;
/// Memory in KiB, iterations and lanes of the hash.
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
pub const LANES: u32 = 1;

/// Why a new password is refused; each has a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("shorter than {MIN_CHARS} characters")]
    TooShort,
    #[error("longer than {MAX_CHARS} characters")]
    TooLong,
    #[error("one of the most common passwords")]
    Common,
    #[error("contains the name of the organization or the e-mail address")]
    ContainsName,
    #[error("contains the name of the site")]
    ContainsSiteName,
    #[error("one character repeated, or only spaces")]
    Repeated,
}

impl Problem {
    pub fn key(self) -> &'static str {
        match self {
            Problem::TooShort => "password-error-short",
            Problem::TooLong => "password-error-long",
            Problem::Common => "password-error-common",
            Problem::ContainsName => "password-error-name",
            Problem::ContainsSiteName => "password-error-site",
            Problem::Repeated => "password-error-repeated",
        }
    }
}

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/passwords/common-10000.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

use crate::domain::names::{folded, significant_words};

/// The words of the site that a password must not contain (ASVS 5.0 6.2.11, context-specific
/// words): the product's name and motto, in the forms people would type them.
pub const SITE_WORDS: &[&str] = &["kolmonen", "ykkönen", "ykkonen", "kolmossektori"];

/// Checks a new password. `names` are what it must not contain: the organization's name,
/// the e-mail address (its part before the `@` is checked too). Names shorter than four
/// letters are not checked (they would refuse too much).
pub fn check(password: &str, names: &[&str]) -> Result<(), Problem> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        return Err(Problem::TooShort);
    }
    if n > MAX_CHARS {
        return Err(Problem::TooLong);
    }
    // Compared as people read them: compatibility forms folded (fullwidth letters, composed
    // and decomposed accents), case and surrounding spaces ignored.
    let read: String = {
        use unicode_normalization::UnicodeNormalization;
        password.nfkc().collect::<String>().trim().to_lowercase()
    };
    let mut chars = read.chars();
    let first = chars.next();
    if read.is_empty() || chars.all(|c| Some(c) == first) {
        return Err(Problem::Repeated);
    }
    if COMMON.contains(password.to_lowercase().as_str()) {
        return Err(Problem::Common);
    }
    let pw = folded(password);
    // A common password with digits or signs around it is still that password.
    let core: String = pw.chars().filter(|c| !c.is_numeric()).collect();
    if core.chars().count() >= 4
        && pw != core
        && COMMON.contains(core.as_str())
        && pw.len() - core.len() <= 4
    {
        return Err(Problem::Common);
    }
    // The site's own words are the first an attacker tries against its accounts, also with
    // digits for letters (kolm0nen).
    let unleet: String = folded(&read)
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' => 'l',
            '3' => 'e',
            '4' => 'a',
            '5' => 's',
            '7' => 't',
            c => c,
        })
        .collect();
    for word in SITE_WORDS {
        let word = folded(word);
        if folded(&read).contains(&word) || unleet.contains(&word) {
            return Err(Problem::ContainsSiteName);
        }
    }
    for name in names {
        let local = name.split('@').next().unwrap_or(name);
        // "Kankurin Ilo ry" is "Kankurin Ilo" in a password.
        let core: String = significant_words(name).concat();
        for part in [*name, local, &core] {
            let f = folded(part);
            if f.chars().count() >= 4 && pw.contains(&f) {
                return Err(Problem::ContainsName);
            }
        }
    }
    Ok(())
}

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The argon2id hash of a password, as a PHC string with its own random salt.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashes any password")
        .to_string()
}

/// Whether a password matches a stored hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    pub matches: bool,
    /// The hash was made with other parameters than today's: hash again and store it.
    pub outdated: bool,
}

/// Checks a password against a stored hash (whatever argon2 parameters it was made with).
pub fn verify(password: &str, stored: &str) -> Verified {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified {
            matches: false,
            outdated: false,
        };
    };
    let matches = Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed).is_ok_and(|p| {
            p.m_cost() == MEMORY_KIB && p.t_cost() == ITERATIONS && p.p_cost() == LANES
        });
    Verified {
        matches,
        outdated: matches && !current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_for_new_passwords() {
        assert_eq!(check("lyhyt1", &[]), Err(Problem::TooShort));
        assert_eq!(check(&"x".repeat(129), &[]), Err(Problem::TooLong));
        assert!(check(&"kuusi kissaa ".repeat(10)[..128], &[]).is_ok());
        // Eight characters count as characters, not bytes.
        assert!(check("äöåäöåäö", &[]).is_ok());
        assert_eq!(check("password", &[]), Err(Problem::Common));
        assert_eq!(check("Qwerty123", &[]), Err(Problem::Common));
        assert_eq!(check("sunshine2024", &[]), Err(Problem::Common));
        assert_eq!(
            check("KankurinIlo2026!", &["Kankurin Ilo ry"]),
            Err(Problem::ContainsName)
        );
        assert_eq!(
            check("mattimeikalainen9", &["matti.meikalainen@example.fi"]),
            Err(Problem::ContainsName)
        );
        assert!(check("kudontapaja ja kahvi", &["Kankurin Ilo ry", "a@b.fi"]).is_ok());
        assert_eq!(COMMON.len(), 10_000);
        // The site's own name, however it is typed; one character or spaces only.
        for p in [
            "Kolmonen2026!",
            "ykkönen ykkönen",
            "YKKONEN-kahvila",
            "ｋｏｌｍｏｎｅｎ１２３",
            "kolm0nen kahvi",
        ] {
            assert_eq!(check(p, &[]), Err(Problem::ContainsSiteName), "{p}");
        }
        for p in [
            "        ",
            "\t\t\t\t\t\t\t\t",
            "zzzzzzzzzzzz",
            "ääääääääää",
            "a\u{301}a\u{301}a\u{301}a\u{301}a\u{301}a\u{301}a\u{301}a\u{301}",
            "Aaaaaaaaaa",
            "aaaaaaaaaa ",
        ] {
            assert_eq!(check(p, &[]), Err(Problem::Repeated), "{p:?}");
        }
    }

    #[test]
    fn hashes_verify_and_old_parameters_are_noticed() {
        let h = hash("kudontapaja ja kahvi");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert_ne!(
            h,
            hash("kudontapaja ja kahvi"),
            "each hash has its own salt"
        );
        assert_eq!(
            verify("kudontapaja ja kahvi", &h),
            Verified {
                matches: true,
                outdated: false
            }
        );
        assert!(!verify("kudontapaja ja kahvI", &h).matches);
        assert!(!verify("x", "not a hash").matches);
        // A hash with weaker parameters still lets its owner in, and asks to be redone.
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(
            b"kudontapaja ja kahvi",
            &SaltString::generate(&mut argon2::password_hash::rand_core::OsRng),
        )
        .unwrap()
        .to_string();
        assert_eq!(
            verify("kudontapaja ja kahvi", &weak),
            Verified {
                matches: true,
                outdated: true
            }
        );
    }
}
