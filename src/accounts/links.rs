//! What goes by e-mail: signing up with a confirmation link, and resetting a forgotten
//! password. Each link holds a random 256-bit token whose SHA-256 alone is stored; it works
//! once, and for 48 hours (confirmation) or one hour (reset).
//!
//! Nothing here tells anyone whether an address has an account: signing up with a known
//! address sends its owner a note instead of a confirmation, and a reset for an unknown
//! address sends nothing, with the same answer on the page either way.

use super::session::SessionToken;
use super::{hash_password, AccountError, Email, Role, User, UserId};
use crate::domain::accounts::AccountToken;
use crate::domain::accounts::TokenPurpose;
use crate::domain::accounts::UsedToken;
use crate::domain::Lang;
use crate::i18n::{t, t_args};
use crate::mail::OutgoingMail;
use crate::store::{DynStore, StoreResult};
use time::{Duration, OffsetDateTime};

pub const NEW_EMAIL_VALID: Duration = Duration::hours(48);
pub const CONFIRM_VALID: Duration = Duration::hours(48);
pub const RESET_VALID: Duration = Duration::hours(1);
/// Messages to an address that signing up again sends (a note, or a new confirmation link).
pub const SIGNUP_MAILS: super::throttle::Limit = super::throttle::Limit {
    failures: 1,
    window: Duration::hours(1),
};

/// Where links point: the public address of the portal and the language of the page.
#[derive(Debug, Clone, Copy)]
pub struct LinkBase<'a> {
    pub public_url: &'a str,
    pub lang: Lang,
    /// Where the person was going when they signed up (a checked path of this site): the
    /// confirmation link carries it on to sign-in.
    pub next: Option<&'a str>,
}

impl LinkBase<'_> {
    fn url(&self, path: &str, token: &SessionToken) -> String {
        let next = self
            .next
            .map(|n| format!("&next={}", crate::domain::encode_component(n)))
            .unwrap_or_default();
        format!(
            "{}/{}{}?token={}{next}",
            self.public_url.trim_end_matches('/'),
            self.lang,
            path,
            token.as_str()
        )
    }

    fn mail(&self, to: &Email, key: &str, link: Option<String>) -> OutgoingMail {
        let args: Vec<(&str, fluent_templates::fluent_bundle::FluentValue)> = match &link {
            Some(l) => vec![("link", l.clone().into())],
            None => vec![(
                "link",
                format!(
                    "{}/{}/login",
                    self.public_url.trim_end_matches('/'),
                    self.lang
                )
                .into(),
            )],
        };
        OutgoingMail::new(
            to.as_str(),
            t(self.lang, &format!("{key}-subject")),
            t_args(self.lang, &format!("{key}-body"), &args),
        )
    }
}

fn new_token(
    user: UserId,
    purpose: TokenPurpose,
    valid: Duration,
    now: OffsetDateTime,
) -> (SessionToken, AccountToken) {
    let token = SessionToken::new();
    let stored = AccountToken {
        token_hash: token.hash(),
        user_id: user,
        purpose,
        new_email: None,
        created_at: now,
        expires_at: now + valid,
    };
    (token, stored)
}

/// Sends a new confirmation link to an account's address.
pub async fn send_confirmation(
    store: &DynStore,
    user: &User,
    base: LinkBase<'_>,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let (token, stored) = new_token(user.id, TokenPurpose::Confirm, CONFIRM_VALID, now);
    let mail = base.mail(
        &user.email,
        "mail-confirm",
        Some(base.url("/confirm", &token)),
    );
    store.issue_account_token(&stored, &mail).await
}

/// Signs a person up as a job seeker: checks the address and password, and sends the
/// confirmation link. If the address has an account already, its owner gets a note instead
/// (and an unconfirmed account a new link); the caller answers the same either way.
pub async fn sign_up(
    store: &DynStore,
    email: &str,
    password: &str,
    base: LinkBase<'_>,
    now: OffsetDateTime,
) -> StoreResult<Result<(), AccountError>> {
    let email = match Email::parse(email) {
        Ok(e) => e,
        Err(e) => return Ok(Err(e.into())),
    };
    if let Err(e) = super::check_new_password(password, &email, None) {
        return Ok(Err(e));
    }
    // Hashed whether or not it is used, so a known address takes as long as a new one.
    let hash = hash_password(password).await;
    let user = User {
        id: UserId::new(),
        email: email.clone(),
        password_hash: hash,
        role: Role::JobSeeker,
        organization_id: None,
        email_verified_at: None,
        disabled_at: None,
        created_at: crate::domain::now_micros(),
    };
    if store.create_user(&user).await? {
        send_confirmation(store, &user, base, now).await?;
        return Ok(Ok(()));
    }
    let Some(existing) = store.user_by_email(&email).await? else {
        return Ok(Ok(()));
    };
    // At most one such message an hour for an address, however many clients ask: signing
    // up again and again must not flood its owner.
    let keys = [(
        super::throttle::scoped("signup-mail", &super::throttle::account_key(email.as_str())),
        SIGNUP_MAILS,
    )];
    if super::throttle::wait(store, &keys, now).await?.is_some() {
        return Ok(Ok(()));
    }
    match existing {
        // Its password stays: whoever signs up again has not shown they own the address.
        existing if existing.email_verified_at.is_none() => {
            send_confirmation(store, &existing, base, now).await?
        }
        existing if existing.disabled_at.is_none() => {
            let mail = base.mail(&existing.email, "mail-exists", None);
            store.enqueue_mail(&mail).await?
        }
        _ => return Ok(Ok(())),
    }
    super::throttle::record_failure(store, &keys, now).await?;
    Ok(Ok(()))
}

/// Asks to move an account to a new address: the current password must match; a link goes
/// to the new address and a note to the old one. If another account has the new address,
/// nothing is sent (and the caller answers the same).
pub async fn request_email_change(
    store: &DynStore,
    user: &User,
    new_email: &str,
    password: &str,
    base: LinkBase<'_>,
    attempt: &super::Attempt,
    now: OffsetDateTime,
) -> StoreResult<Result<(), AccountError>> {
    if let Err(e) = super::recheck_password(store, user, password, attempt, now).await? {
        return Ok(Err(e));
    }
    let new = match Email::parse(new_email) {
        Ok(e) if e != user.email => e,
        _ => return Ok(Err(AccountError::Email)),
    };
    if store.user_by_email(&new).await?.is_some() {
        return Ok(Ok(()));
    }
    let (token, mut stored) = new_token(user.id, TokenPurpose::NewEmail, NEW_EMAIL_VALID, now);
    stored.new_email = Some(new.to_string());
    let mail = base.mail(
        &new,
        "mail-new-email",
        Some(base.url("/confirm-email", &token)),
    );
    store.issue_account_token(&stored, &mail).await?;
    store
        .enqueue_mail(&base.mail(&user.email, "mail-email-changing", None))
        .await?;
    Ok(Ok(()))
}

/// Moves an account to its new address with the token from the link sent there. Every
/// session of the account ends.
pub async fn confirm_email_change(
    store: &DynStore,
    token: &str,
    now: OffsetDateTime,
) -> StoreResult<bool> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(false);
    };
    let Some(UsedToken {
        user_id: user,
        new_email: Some(new),
    }) = store
        .use_account_token(&token.hash(), TokenPurpose::NewEmail, now)
        .await?
    else {
        return Ok(false);
    };
    let Ok(new) = Email::parse(&new) else {
        return Ok(false);
    };
    let changed = store.change_email(user, &new).await?;
    if changed {
        super::audit::event("user_email_change", Some(user));
    }
    Ok(changed)
}

/// Confirms an address with the token from its link. `false`: the link is unknown, used or
/// expired.
pub async fn confirm(store: &DynStore, token: &str, now: OffsetDateTime) -> StoreResult<bool> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(false);
    };
    match store
        .use_account_token(&token.hash(), TokenPurpose::Confirm, now)
        .await?
    {
        Some(UsedToken { user_id: user, .. }) => {
            store.mark_email_verified(user, now).await?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Sends a reset link if the address has an active account; nothing otherwise.
pub async fn request_reset(
    store: &DynStore,
    email: &str,
    base: LinkBase<'_>,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let Some(user) = store.user_by_email(&email).await? else {
        return Ok(());
    };
    if user.disabled_at.is_some() {
        return Ok(());
    }
    let (token, stored) = new_token(user.id, TokenPurpose::Reset, RESET_VALID, now);
    let mail = base.mail(
        &user.email,
        "mail-reset",
        Some(base.url("/password-reset", &token)),
    );
    store.issue_account_token(&stored, &mail).await
}

/// Whether a reset link still works (to show its form or say it has expired).
pub async fn reset_link_works(
    store: &DynStore,
    token: &str,
    now: OffsetDateTime,
) -> StoreResult<bool> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(false);
    };
    Ok(store
        .peek_account_token(&token.hash(), TokenPurpose::Reset, now)
        .await?
        .is_some())
}

/// A new password with a reset link: the link is used up only when the password is
/// acceptable. Every session of the account ends, and the address counts as confirmed (the
/// link came to it).
pub async fn reset_password(
    store: &DynStore,
    token: &str,
    new_password: &str,
    now: OffsetDateTime,
) -> StoreResult<Result<UserId, AccountError>> {
    let Some(token) = SessionToken::parse(token) else {
        return Ok(Err(AccountError::LinkExpired));
    };
    let hash = token.hash();
    let Some(user_id) = store
        .peek_account_token(&hash, TokenPurpose::Reset, now)
        .await?
    else {
        return Ok(Err(AccountError::LinkExpired));
    };
    let Some(user) = store.user_by_id(user_id).await? else {
        return Ok(Err(AccountError::LinkExpired));
    };
    if let Err(e) = super::check_new_password_of(store, &user, new_password).await? {
        return Ok(Err(e));
    }
    if store
        .use_account_token(&hash, TokenPurpose::Reset, now)
        .await?
        .is_none()
    {
        return Ok(Err(AccountError::LinkExpired));
    }
    store
        .set_password_hash(user.id, &hash_password(new_password).await)
        .await?;
    store.end_sessions_of(user.id).await?;
    store.mark_email_verified(user.id, now).await?;
    super::audit::event("authn_password_reset", Some(user.id));
    Ok(Ok(user.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mails_carry_a_clean_link_in_every_language() {
        let token = SessionToken::new();
        for lang in Lang::ALL {
            let base = LinkBase {
                public_url: "https://kolmonen.fi/",
                lang,
                next: None,
            };
            let link = base.url("/confirm", &token);
            assert_eq!(
                link,
                format!(
                    "https://kolmonen.fi/{lang}/confirm?token={}",
                    token.as_str()
                )
            );
            let email = Email::parse("ann@example.fi").unwrap();
            for key in ["mail-confirm", "mail-reset"] {
                let m = base.mail(&email, key, Some(link.clone()));
                assert!(
                    m.body.contains(&format!("\n{link}\n")),
                    "{lang}: {}",
                    m.body
                );
                assert!(!m.body.contains('\u{2068}'), "no isolation marks");
                assert!(!m.subject.is_empty() && m.subject != format!("{key}-subject"));
            }
            let m = base.mail(&email, "mail-exists", None);
            assert!(m
                .body
                .contains(&format!("https://kolmonen.fi/{lang}/login")));
        }
    }
}
