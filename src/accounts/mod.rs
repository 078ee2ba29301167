//! Accounts: who can sign in, with which role, and the rules for their e-mail addresses and
//! passwords (see DESIGN.md "Privacy and security"; OWASP ASVS 5.0 level 2).

pub mod audit;
pub mod device;
pub mod keys;
pub mod links;
pub mod password;
pub mod session;
pub mod throttle;
pub mod totp;

pub use crate::domain::accounts::{Email, InvalidEmail, Role, SecondFactor, User, MAX_EMAIL_CHARS};
use crate::domain::OrganizationId;
pub use crate::domain::UserId;
use crate::store::{DynStore, StoreResult};
use time::OffsetDateTime;

/// What is wrong with account input; each has a translation key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("not an e-mail address")]
    Email,
    #[error("{0}")]
    Password(password::Problem),
    #[error("this role acts for an organization: give one")]
    OrganizationNeeded,
    #[error("no such organization")]
    NoSuchOrganization,
    #[error("an account with this e-mail address exists")]
    Taken,
    #[error("the password is not right")]
    WrongPassword,
    #[error("the link is unknown, used or expired")]
    LinkExpired,
    #[error("too many wrong passwords; try again later")]
    Throttled(time::Duration),
}

impl From<InvalidEmail> for AccountError {
    fn from(_: InvalidEmail) -> Self {
        AccountError::Email
    }
}

impl AccountError {
    pub fn key(&self) -> &'static str {
        match self {
            AccountError::Email => "account-error-email",
            AccountError::Password(p) => p.key(),
            AccountError::OrganizationNeeded => "account-error-organization-needed",
            AccountError::NoSuchOrganization => "account-error-no-such-organization",
            AccountError::Taken => "account-error-taken",
            AccountError::WrongPassword => "account-error-wrong-password",
            AccountError::LinkExpired => "account-error-link-expired",
            // Takes `$minutes`: shown with `web::account::wait_text`.
            AccountError::Throttled(_) => "login-error-throttled",
        }
    }
}

/// Adds an account after checking everything a person typed: the address, that a member or
/// admin names an existing organization, and the password rules (with the organization's
/// name and the address as names the password must not contain). The outer error is the
/// store's; the inner one is what to tell the person.
pub async fn add_user(
    store: &DynStore,
    email: &str,
    role: Role,
    organization_id: Option<OrganizationId>,
    password: &str,
) -> StoreResult<Result<User, AccountError>> {
    let email = match Email::parse(email) {
        Ok(e) => e,
        Err(e) => return Ok(Err(e.into())),
    };
    if role.needs_organization() && organization_id.is_none() {
        return Ok(Err(AccountError::OrganizationNeeded));
    }
    let org_name = match organization_id {
        None => None,
        Some(id) => match organization_name(store, id).await? {
            Some(name) => Some(name),
            None => return Ok(Err(AccountError::NoSuchOrganization)),
        },
    };
    if let Err(e) = check_new_password(password, &email, org_name.as_deref()) {
        return Ok(Err(e));
    }
    let user = User {
        id: UserId::new(),
        email,
        password_hash: password::hash(password),
        role,
        organization_id,
        email_verified_at: None,
        disabled_at: None,
        // To the microsecond, as the store keeps it, so the account we hand back is the one
        // stored.
        created_at: crate::domain::now_micros(),
    };
    if store.create_user(&user).await? {
        Ok(Ok(user))
    } else {
        Ok(Err(AccountError::Taken))
    }
}

/// How a sign-in went.
#[derive(Debug)]
pub enum SignIn {
    /// The password matched an active account with a confirmed address.
    Done(User),
    /// Wrong address or password, or a disabled account: all the same to the person.
    Refused,
    /// Too many failures; try again after this long.
    Throttled(time::Duration),
    /// The password matched but the address is not confirmed yet.
    Unconfirmed(User),
}

/// A hash to check passwords against when there is no account, so an unknown address takes
/// as long as a known one.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password::hash("no account has this password"));

/// argon2 takes tens of milliseconds of CPU: off the async workers.
pub(crate) async fn verify_password(password: &str, hash: &str) -> password::Verified {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || password::verify(&password, &hash))
        .await
        .unwrap_or(password::Verified {
            matches: false,
            outdated: false,
        })
}

/// Hashes a new password off the async workers.
pub async fn hash_password(password: &str) -> String {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .expect("hashing does not panic")
}

/// Who is typing a password, for throttling: the client's address and the accounts this
/// browser has signed in to before (its device cookie, see `device`).
#[derive(Debug, Clone, Default)]
pub struct Attempt {
    pub client: Option<std::net::IpAddr>,
    pub trusted: Vec<device::Trusted>,
}

impl Attempt {
    /// The limits a password attempt for `email` counts against. From a browser that has
    /// signed in to the account before (its device cookie), only that device's own: neither
    /// a flood of wrong passwords for the address nor a neighbour behind the same address
    /// (an office NAT, a library) can keep the owner out. From any other browser, the
    /// account's limit and the client's.
    fn keys(&self, email: &str, user: Option<UserId>) -> Vec<(String, throttle::Limit)> {
        if let Some(t) = user.and_then(|u| self.trusted.iter().find(|t| t.user == u)) {
            return vec![(throttle::scoped("device", &t.nonce), throttle::PER_DEVICE)];
        }
        let mut keys = vec![(throttle::account_key(email), throttle::PER_ACCOUNT)];
        if let Some(ip) = self.client {
            keys.push((throttle::address_key(ip), throttle::PER_ADDRESS));
        }
        keys
    }
}

/// How a typed password compared.
enum Checked {
    Right { outdated: bool },
    Wrong,
    Throttled(time::Duration),
}

/// Every place that checks a password checks it here: throttled with the sign-in limits,
/// each failure counted and written as a security event. `user` is `None` for an unknown
/// or disabled account, which is compared with a dummy hash so it takes as long.
async fn check_password(
    store: &DynStore,
    email: &str,
    user: Option<&User>,
    password: &str,
    attempt: &Attempt,
    now: OffsetDateTime,
) -> StoreResult<Checked> {
    let keys = attempt.keys(email, user.map(|u| u.id));
    if let Some(wait) = throttle::wait(store, &keys, now).await? {
        audit::event("authn_login_lock", user.map(|u| u.id));
        return Ok(Checked::Throttled(wait));
    }
    let hash = user.map_or(DUMMY_HASH.as_str(), |u| u.password_hash.as_str());
    let checked = if password.len() <= password::MAX_CHARS * 4 {
        verify_password(password, hash).await
    } else {
        password::Verified {
            matches: false,
            outdated: false,
        }
    };
    if checked.matches && user.is_some() {
        return Ok(Checked::Right {
            outdated: checked.outdated,
        });
    }
    throttle::record_failure(store, &keys, now).await?;
    audit::event("authn_login_fail", user.map(|u| u.id));
    Ok(Checked::Wrong)
}

/// The password of a signed-in account typed again (to change the password or address,
/// end other sessions, delete the account): throttled and logged like a sign-in.
pub async fn recheck_password(
    store: &DynStore,
    user: &User,
    password: &str,
    attempt: &Attempt,
    now: OffsetDateTime,
) -> StoreResult<Result<(), AccountError>> {
    Ok(
        match check_password(
            store,
            user.email.as_str(),
            Some(user),
            password,
            attempt,
            now,
        )
        .await?
        {
            Checked::Right { .. } => Ok(()),
            Checked::Wrong => Err(AccountError::WrongPassword),
            Checked::Throttled(wait) => Err(AccountError::Throttled(wait)),
        },
    )
}

/// Checks an address and password, with throttling per client address and per e-mail
/// address or device cookie (see `throttle`, `device`). A hash made with older parameters
/// is replaced on success.
pub async fn sign_in(
    store: &DynStore,
    email: &str,
    password: &str,
    attempt: &Attempt,
    now: OffsetDateTime,
) -> StoreResult<SignIn> {
    let user = match Email::parse(email) {
        Ok(e) => store
            .user_by_email(&e)
            .await?
            .filter(|u| u.disabled_at.is_none()),
        Err(_) => None,
    };
    let user = match (
        check_password(store, email, user.as_ref(), password, attempt, now).await?,
        user,
    ) {
        (Checked::Throttled(wait), _) => return Ok(SignIn::Throttled(wait)),
        (Checked::Right { outdated }, Some(user)) => {
            if outdated {
                store
                    .set_password_hash(user.id, &hash_password(password).await)
                    .await?;
            }
            user
        }
        // A right password always has an account; anything else is refused.
        _ => return Ok(SignIn::Refused),
    };
    audit::event("authn_login_success", Some(user.id));
    Ok(if user.email_verified_at.is_some() {
        SignIn::Done(user)
    } else {
        SignIn::Unconfirmed(user)
    })
}

/// A new password for a signed-in account: the current one must match, the new one must
/// follow the rules. Every session and outstanding link of the account ends; the caller
/// starts a new session.
pub async fn change_password(
    store: &DynStore,
    user: &User,
    current: &str,
    new: &str,
    attempt: &Attempt,
) -> StoreResult<Result<(), AccountError>> {
    let now = OffsetDateTime::now_utc();
    if let Err(e) = recheck_password(store, user, current, attempt, now).await? {
        return Ok(Err(e));
    }
    if let Err(e) = check_new_password_of(store, user, new).await? {
        return Ok(Err(e));
    }
    store
        .set_password_hash(user.id, &hash_password(new).await)
        .await?;
    store.end_sessions_of(user.id).await?;
    // A reset link mailed before the change must not undo it.
    store.end_account_tokens(user.id, now).await?;
    audit::event("authn_password_change", Some(user.id));
    Ok(Ok(()))
}

/// Deletes an account for good once its password is confirmed.
pub async fn delete_account(
    store: &DynStore,
    user: &User,
    password: &str,
    attempt: &Attempt,
) -> StoreResult<Result<(), AccountError>> {
    let now = OffsetDateTime::now_utc();
    if let Err(e) = recheck_password(store, user, password, attempt, now).await? {
        return Ok(Err(e));
    }
    store.delete_user(user.id).await?;
    audit::event("user_deleted", Some(user.id));
    Ok(Ok(()))
}

/// A new password checked against the rules, with the address and the organization's name
/// (when it has one) as words it must not contain.
fn check_new_password(
    password: &str,
    email: &Email,
    organization: Option<&str>,
) -> Result<(), AccountError> {
    let names: Vec<&str> = std::iter::once(email.as_str())
        .chain(organization)
        .collect();
    password::check(password, &names).map_err(AccountError::Password)
}

async fn organization_name(store: &DynStore, id: OrganizationId) -> StoreResult<Option<String>> {
    Ok(store
        .organizations_by_id(&[id])
        .await?
        .pop()
        .map(|o| o.name))
}

/// The password rules for an existing account's new password.
async fn check_new_password_of(
    store: &DynStore,
    user: &User,
    password: &str,
) -> StoreResult<Result<(), AccountError>> {
    let org_name = match user.organization_id {
        Some(id) => organization_name(store, id).await?,
        None => None,
    };
    Ok(check_new_password(
        password,
        &user.email,
        org_name.as_deref(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_translated() {
        use crate::domain::Lang;
        let errors = [
            AccountError::Email,
            AccountError::OrganizationNeeded,
            AccountError::NoSuchOrganization,
            AccountError::Taken,
            AccountError::WrongPassword,
            AccountError::LinkExpired,
            AccountError::Password(password::Problem::TooShort),
            AccountError::Password(password::Problem::TooLong),
            AccountError::Password(password::Problem::Common),
            AccountError::Password(password::Problem::ContainsName),
            AccountError::Password(password::Problem::ContainsSiteName),
            AccountError::Password(password::Problem::Repeated),
        ];
        for lang in Lang::ALL {
            for e in &errors {
                let text = crate::i18n::t(lang, e.key());
                assert!(!text.is_empty() && text != e.key(), "{lang:?} {}", e.key());
            }
            let short = crate::i18n::t(lang, password::Problem::TooShort.key());
            assert!(short.contains(&password::MIN_CHARS.to_string()), "{short}");
            let long = crate::i18n::t(lang, password::Problem::TooLong.key());
            assert!(long.contains(&password::MAX_CHARS.to_string()), "{long}");
        }
    }

    #[test]
    fn roles_read_back() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("admin"), None);
        assert!(Role::OrganizationMember.needs_organization());
        assert!(!Role::JobSeeker.needs_organization());
        for r in Role::ALL {
            assert_eq!(r.needs_second_factor(), r != Role::JobSeeker, "{r:?}");
        }
    }

    #[test]
    fn email_addresses_are_checked_and_kept_in_lower_case() {
        assert_eq!(
            Email::parse("  Anna.K@Example.FI ").unwrap().as_str(),
            "anna.k@example.fi"
        );
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.fi",
            "anna@example",
            "anna@@example.fi",
            "an na@example.fi",
            "anna@example..fi",
            "anna@.example.fi",
            "anna\u{0}@example.fi",
            // What a mailer refuses unquoted (an outside test signed up with the first).
            "<b>x</b>@example.com",
            "\"anna\"@example.fi",
            "a,b@example.fi",
            "anna.@example.fi",
            ".anna@example.fi",
            "an..na@example.fi",
            // After the `@` only a host name (an outside test got these through).
            "a@example.fi>foo",
            "a@exa\"mple.fi",
            "a@example.fi;x",
            "a@example.fi:25",
            "a@-example.fi",
            "a@example_x.fi",
        ] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad:?}");
        }
        let long = format!("{}@example.fi", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
        // One address however it is typed: composed or decomposed, the domain in Unicode or
        // in its ASCII form.
        let a = Email::parse("Äijä@Esimerkki.fi").unwrap();
        assert_eq!(a, Email::parse("A\u{308}ija\u{308}@esimerkki.FI").unwrap());
        assert_eq!(a.as_str(), "äijä@esimerkki.fi");
        assert_eq!(
            Email::parse("ann@exämple.fi").unwrap(),
            Email::parse("ann@xn--exmple-cua.fi").unwrap()
        );
        assert_eq!(
            Email::parse("ann@exämple.fi").unwrap().as_str(),
            "ann@xn--exmple-cua.fi"
        );
        // Invisible characters and mixed scripts are refused.
        for bad in [
            "an\u{200B}n@example.fi",
            "ann@exa\u{200D}mple.fi",
            "\u{FEFF}ann@example.fi",
            "ann\u{00AD}@example.fi",
            "\u{0430}nn@example.fi",
            "p\u{03B1}ypal@example.fi",
            "victim@ex\u{0430}mple.fi",
            "vi\u{0307}ctim@example.fi",
        ] {
            assert_eq!(Email::parse(bad), Err(InvalidEmail), "{bad:?}");
        }
        assert!(
            Email::parse("\u{0430}\u{043D}\u{043D}\u{0430}@example.fi").is_ok(),
            "one script"
        );
    }
}
