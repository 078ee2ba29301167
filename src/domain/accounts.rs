//! Accounts as the store keeps them: roles, e-mail addresses, users, second factors and
//! sign-in sessions. The rules that use them are in `accounts`.

use super::{OrganizationId, UserId};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// What a person may do. Stored and typed as the snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    JobSeeker,
    OrganizationMember,
    OrganizationAdmin,
    NetworkCoordinator,
    PlatformAdmin,
    /// Reads the audit log and answers people's requests about their data; reads no
    /// referral's contents (issue 18).
    DataProtectionOfficer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::JobSeeker,
        Role::OrganizationMember,
        Role::OrganizationAdmin,
        Role::NetworkCoordinator,
        Role::PlatformAdmin,
        Role::DataProtectionOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::JobSeeker => "job_seeker",
            Role::OrganizationMember => "organization_member",
            Role::OrganizationAdmin => "organization_admin",
            Role::NetworkCoordinator => "network_coordinator",
            Role::PlatformAdmin => "platform_admin",
            Role::DataProtectionOfficer => "data_protection_officer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Members and admins act for one organization and must belong to one.
    pub fn needs_organization(self) -> bool {
        matches!(self, Role::OrganizationMember | Role::OrganizationAdmin)
    }

    /// Roles that must sign in with a second factor (ASVS 5.0 6.3.3): every role that acts
    /// for an organization or the network, since each reaches people's data (the talent
    /// pool, verification that opens it). Job seekers may turn it on.
    pub fn needs_second_factor(self) -> bool {
        !matches!(self, Role::JobSeeker)
    }
}

/// Longest e-mail address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// An e-mail address as we keep it, so one person has one account however they type it:
/// trimmed, in Unicode NFC and lower case, the domain in its ASCII (IDNA) form. Addresses
/// with invisible characters, or whose part before the `@` mixes scripts (a Cyrillic "а"
/// among Latin letters), are refused: they would be look-alikes of someone else's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

/// Characters that show nothing: zero-width spaces and joiners, direction marks, the soft
/// hyphen, variation selectors, the byte-order mark, Hangul fillers, tag characters.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The script of a letter, coarsely: enough to tell Latin, Greek and Cyrillic look-alikes
/// apart; other scripts by their Unicode block.
fn script(c: char) -> u32 {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => 0,
        '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}' => 1,
        '\u{0400}'..='\u{052F}' => 2,
        c => 0x1000 + (c as u32 >> 7),
    }
}

impl Email {
    /// Checks the shape of an address: one `@`, something before it, a domain with a dot,
    /// no spaces, control or invisible characters, one script before the `@`. Whether it
    /// exists is for the verification e-mail.
    pub fn parse(s: &str) -> Result<Self, InvalidEmail> {
        use unicode_normalization::UnicodeNormalization;
        let s: String = s.trim().nfc().collect::<String>().to_lowercase();
        if s.chars().count() > MAX_EMAIL_CHARS
            || s.chars()
                .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
        {
            return Err(InvalidEmail);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(InvalidEmail);
        };
        // One script in the part before the `@` and in each label of the domain; no
        // combining mark left over after NFC (a dot above an "i" that has one already).
        let one_script = |part: &str| {
            let mut scripts = part.chars().filter(|c| c.is_alphabetic()).map(script);
            let first = scripts.next();
            scripts.all(|x| Some(x) == first)
        };
        let one_script = one_script(local) && domain.split('.').all(one_script);
        if s.chars().any(|c| matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')) {
            return Err(InvalidEmail);
        }
        let domain = match idna::domain_to_ascii(domain) {
            Ok(d) => d,
            Err(_) => return Err(InvalidEmail),
        };
        let ok = one_script
            && !local.is_empty()
            && local.len() <= 64
            // Characters that need quoting in an address (RFC 5322 specials): mail servers
            // and our mailer refuse them unquoted, and nobody's real address needs them.
            && !local.contains(['<', '>', '(', ')', '[', ']', '\\', ',', ';', ':', '"'])
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            // A host name: labels of letters, digits and inner hyphens (IDNA made the
            // rest ASCII), so no `>`, quote, `;` or `:port` after the `@`.
            && domain.split('.').all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            && local.chars().count() + 1 + domain.len() <= MAX_EMAIL_CHARS;
        if ok {
            Ok(Self(format!("{local}@{domain}")))
        } else {
            Err(InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Not an e-mail address we take (see `Email::parse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an e-mail address")]
pub struct InvalidEmail;

impl InvalidEmail {
    /// The translation key of what to tell the person.
    pub fn key(&self) -> &'static str {
        "account-error-email"
    }
}

/// An account. The password is kept only as its argon2id hash (a PHC string).
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub password_hash: String,
    pub role: Role,
    pub organization_id: Option<OrganizationId>,
    pub email_verified_at: Option<OffsetDateTime>,
    pub disabled_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
}

/// An account's TOTP secret and its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecondFactor {
    pub secret: String,
    /// `None` until the first code is typed.
    pub confirmed_at: Option<OffsetDateTime>,
    pub last_step: i64,
}

/// A session ends after this long without use, or this long after sign-in.
pub const IDLE: Duration = Duration::minutes(30);
pub const ABSOLUTE: Duration = Duration::hours(12);
/// A session's last use is written at most this often (not on every page).
pub const TOUCH_EVERY: Duration = Duration::minutes(1);

/// A sign-in session as stored: only the hash of the browser's token.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub token_hash: String,
    pub user_id: UserId,
    pub created_at: OffsetDateTime,
    pub last_seen_at: OffsetDateTime,
    /// The password was right but the second factor is still to come: nobody is signed in.
    pub second_factor_pending: bool,
}

/// A session waiting for the second factor lasts this long.
pub const PENDING: Duration = Duration::minutes(10);

impl Session {
    /// Still valid at `now`: used within the idle time and younger than the absolute limit
    /// (ten minutes while the second factor is pending).
    pub fn is_live(&self, now: OffsetDateTime) -> bool {
        let limit = if self.second_factor_pending {
            PENDING
        } else {
            ABSOLUTE
        };
        now - self.last_seen_at < IDLE && now - self.created_at < limit
    }
}

/// Failed sign-ins of one throttling key within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: u64,
    /// The oldest failure in the window.
    pub oldest: Option<OffsetDateTime>,
}

/// A one-time link used up: its account and, for a change of address, the new address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedToken {
    pub user_id: UserId,
    pub new_email: Option<String>,
}

/// An account's second-factor secret as stored (sealed, or plain from before sealing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSecret {
    pub user_id: UserId,
    pub secret: String,
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
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}
