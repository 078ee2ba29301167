//! `user …`: accounts added and administered by the operator.

use super::UserWhat;
use crate::store::DynStore;
use anyhow::Context;

/// `kolmonen user …`: exits 2 with a translated message when the input is not acceptable.
pub(super) async fn run(store: &DynStore, what: UserWhat) -> anyhow::Result<()> {
    use crate::accounts::{add_user, AccountError, Email, Role};
    use crate::domain::{Lang, OrganizationId};
    let refuse = |key: &str| -> ! {
        eprintln!("error: {}", crate::i18n::t(Lang::En, key));
        std::process::exit(2);
    };
    match what {
        UserWhat::Add {
            email,
            role,
            organization,
            password_stdin: _,
        } => {
            let Some(role) = Role::parse(&role) else {
                eprintln!(
                    "error: unknown role {role:?}; roles are {}",
                    Role::ALL.map(Role::as_str).join(", ")
                );
                std::process::exit(2);
            };
            let organization = match organization.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(id) => Some(
                    OrganizationId::parse(id)
                        .unwrap_or_else(|| refuse(AccountError::NoSuchOrganization.key())),
                ),
            };
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            match add_user(store, &email, role, organization, password).await? {
                Ok(user) => {
                    // The operator vouches for the address: no confirmation mail.
                    store
                        .mark_email_verified(user.id, time::OffsetDateTime::now_utc())
                        .await?;
                    println!("added {} ({})", user.email, user.role.as_str())
                }
                Err(e) => refuse(e.key()),
            }
        }
        UserWhat::ResetSecondFactor { email } => {
            let email = Email::parse(&email).unwrap_or_else(|e| refuse(e.key()));
            let Some(user) = store.user_by_email(&email).await? else {
                eprintln!("error: no account {email}");
                std::process::exit(1);
            };
            if store.reset_second_factor(user.id).await? {
                crate::accounts::audit::event("authn_mfa_reset", Some(user.id));
                println!("second factor of {email} reset: set up again at the next sign-in");
            } else {
                println!("{email} had no second factor");
            }
        }
        UserWhat::SignOut { email } => {
            let email = Email::parse(&email).unwrap_or_else(|e| refuse(e.key()));
            match store.user_by_email(&email).await? {
                Some(user) => {
                    let n = store.end_sessions_of(user.id).await?;
                    println!("ended {n} sessions of {email}");
                }
                None => {
                    eprintln!("error: no account {email}");
                    std::process::exit(1);
                }
            }
        }
        UserWhat::Disable { email } => {
            let email = Email::parse(&email).unwrap_or_else(|e| refuse(e.key()));
            if store.disable_user(&email).await? {
                println!("disabled {email}");
            } else {
                eprintln!("error: no account {email}");
                std::process::exit(1);
            }
        }
    }
    Ok(())
}
