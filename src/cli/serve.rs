//! `serve`: the portal and the API, with the background work of a node (mail, reminders,
//! alerts, closing expired places, loading the indexes).

use super::{open, seed_demo, MailArgs};
use crate::config::Config;
use crate::store::{redact_url, DynStore};
use crate::{app, AppState};
use anyhow::Context;
use std::net::SocketAddr;

/// The options of `serve` (also the default command).
#[derive(clap::Args)]
pub(super) struct ServeArgs {
    #[arg(long, env = "KOLMONEN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Send Strict-Transport-Security (only behind a TLS proxy).
    #[arg(long, env = "KOLMONEN_HSTS")]
    pub hsts: bool,
    /// Do not seed demo data into an empty database.
    #[arg(long)]
    pub no_demo: bool,
    /// Keep the results of this many recent searches until the index changes (0: none).
    #[arg(long, env = "KOLMONEN_SEARCH_CACHE", default_value_t = crate::config::DEFAULT_SEARCH_CACHE)]
    pub search_cache: usize,
    /// Cookies without `Secure` and the `__Host-` prefix: only for plain-HTTP testing.
    #[arg(long)]
    pub insecure_cookies: bool,
    /// The portal's public address, for links in e-mail (default: http://ADDR).
    #[arg(long, env = "KOLMONEN_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry.
    #[arg(long, env = "KOLMONEN_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// The secret that signs device cookies and CSRF tokens, the same on every node
    /// (default: a random one kept in the database).
    #[arg(long, env = "KOLMONEN_SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,
    /// Encrypt the second-factor secrets in the database with this key.
    #[arg(long, env = "KOLMONEN_TOTP_KEY", hide_env_values = true)]
    pub totp_key: Option<String>,
    /// Who keeps the personal data, with contact details, as the privacy notice and the
    /// accessibility statement name them ("Example ry, Katu 1, 15110 Lahti, tietosuoja@example.fi").
    #[arg(long, env = "KOLMONEN_CONTROLLER")]
    pub controller: Option<String>,
    /// A directory with the operator's own texts replacing the defaults:
    /// privacy.{fi,sv,en}.txt and accessibility.{fi,sv,en}.txt ("# " starts a heading).
    #[arg(long, env = "KOLMONEN_LEGAL_DIR")]
    pub legal_dir: Option<std::path::PathBuf>,
    /// At most this many open connections; more wait to be accepted.
    #[arg(long, env = "KOLMONEN_MAX_CONNECTIONS", default_value_t = crate::server::DEFAULT_MAX_CONNECTIONS)]
    pub max_connections: usize,
    #[command(flatten)]
    pub keys: super::datakeys::DataKeyArgs,
    /// How long a closed referral keeps its summary and notes (then anonymized): 5y, 18m, 90d.
    #[arg(long, env = "KOLMONEN_RETENTION_REFERRALS", default_value = "5y", value_parser = crate::services::referrals::parse_period)]
    pub retention_referrals: time::Duration,
    /// How long an organization's client record nobody took over is kept after its last referral.
    #[arg(long, env = "KOLMONEN_RETENTION_CLIENTS", default_value = "5y", value_parser = crate::services::referrals::parse_period)]
    pub retention_clients: time::Duration,
    /// How long audit rows are kept (then removed as a prefix, recorded in the log).
    #[arg(long, env = "KOLMONEN_RETENTION_AUDIT", default_value = "10y", value_parser = crate::services::referrals::parse_period)]
    pub retention_audit: time::Duration,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Serves until SIGTERM or Ctrl-C.
pub(super) async fn serve(database: &str, args: ServeArgs) -> anyhow::Result<()> {
    let ServeArgs {
        addr,
        hsts,
        no_demo,
        search_cache,
        insecure_cookies,
        public_url,
        trust_proxy,
        secret_key,
        totp_key,
        controller,
        legal_dir,
        max_connections,
        keys,
        retention_referrals,
        retention_clients,
        retention_audit,
        mail,
    } = args;
    let data_keys = keys.load()?;
    match &data_keys {
        Some(k) => tracing::info!(key = k.current_id(), keys = k.ids().len(), "referrals are on"),
        None => tracing::warn!(
            "referrals are off: no data key to seal their summaries (set KOLMONEN_DATA_KEY or --data-key-file; `kolmonen rotate-data-key --new-key` makes one)"
        ),
    }
    let store = open(database).await?;
    if !no_demo && store.is_empty().await? {
        seed_demo(&store, data_keys.as_ref()).await?;
    }
    let config = Config {
        addr,
        database_url: database.to_string(),
        hsts,
        search_cache,
        insecure_cookies,
        public_url,
        trust_proxy,
        secret_key,
        totp_key,
        controller,
        legal_dir,
        data_keys,
    };
    if config.controller.is_none() && !addr.ip().is_loopback() {
        tracing::warn!(
            "no --controller: the privacy notice and accessibility statement name no one"
        );
    }
    if config.public_url.is_none() && !addr.ip().is_loopback() {
        tracing::warn!(
            "no --public-url: forms are taken only from pages at {}",
            config.origins().join(", ")
        );
    }
    start_mailer(&store, &mail)?;
    tokio::spawn(crate::search::close_expired_places_every_quarter(
        store.clone(),
    ));
    tokio::spawn(crate::manage::freshness::run(
        store.clone(),
        config.public_url(),
    ));
    if config.data_keys.is_some() {
        tokio::spawn(crate::services::referrals::run_every_hour(
            store.clone(),
            config.public_url(),
            crate::services::referrals::Retention {
                referrals: retention_referrals,
                clients: retention_clients,
                audit: retention_audit,
            },
        ));
    }
    let public_url = config.public_url();
    let state = AppState::new(store, config);
    // Secrets stored before a --totp-key was set are sealed now.
    let sealed = crate::accounts::totp::seal_stored(&state.store, &state.totp).await?;
    if sealed > 0 {
        tracing::info!(
            sealed,
            "second-factor secrets sealed with the configured key"
        );
    }
    // The search index loads into memory in the background (searches run in the store
    // meanwhile; /readyz tells when it is done). Matching and the talent pool read
    // their indexes once at start, not on the first person's page.
    {
        let st = state.clone();
        tokio::spawn(async move {
            // Until it has loaded: a load that fails (the database busy or away) is
            // tried again, so a node never stays answering from the database.
            let mut wait = std::time::Duration::from_secs(1);
            while let Err(e) = st.search.warm_up().await {
                tracing::error!(error = %e, retry_in_s = wait.as_secs(), "loading the search index");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(std::time::Duration::from_secs(30));
            }
            release_free_memory();
            if let Err(e) = st.matches.refresh(&st.store).await {
                tracing::error!(error = %e, "loading the matching index");
            }
            if let Err(e) = st.talent.refresh(&st.store).await {
                tracing::error!(error = %e, "loading the talent index");
            }
            release_free_memory();
        });
    }
    tokio::spawn(crate::services::events::run_every_hour(
        state.store.clone(),
        public_url.clone(),
        state.keys().await?.clone(),
    ));
    tokio::spawn(crate::services::digests::run_every_hour(
        state.store.clone(),
        public_url.clone(),
        state.keys().await?.clone(),
    ));
    tokio::spawn(crate::people::alerts::run(
        state.store.clone(),
        state.search.clone(),
        public_url,
        state.keys().await?.clone(),
    ));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!(
        "Kolmonen serves http://{addr}/ (database {})",
        redact_url(database)
    );
    if insecure_cookies {
        tracing::warn!("cookies without Secure: for plain-HTTP testing only");
    }
    let limits = crate::server::Limits {
        max_connections,
        ..Default::default()
    };
    crate::server::serve(listener, app(state), limits, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Starts the outbox worker of this node, if mail has somewhere to go.
fn start_mailer(store: &DynStore, args: &MailArgs) -> anyhow::Result<()> {
    use crate::mail::{Mailer, Transport};
    let transport = match (&args.smtp_url, &args.mail_dir) {
        (Some(url), _) => Transport::smtp(url).map_err(|e| anyhow::anyhow!("--smtp-url: {e}"))?,
        (None, Some(dir)) => {
            tracing::info!("mail is written into {} as .eml files", dir.display());
            Transport::Dir(dir.clone())
        }
        (None, None) => {
            tracing::warn!("no --smtp-url or --mail-dir: e-mail waits in the outbox");
            return Ok(());
        }
    };
    let mailer =
        Mailer::new(transport, &args.mail_from).map_err(|e| anyhow::anyhow!("--mail-from: {e}"))?;
    tokio::spawn(mailer.run(store.clone(), std::time::Duration::from_secs(2)));
    Ok(())
}

/// SIGTERM or Ctrl-C: stop accepting, let in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Gives memory freed after loading the indexes back to the system.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's heaps to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
