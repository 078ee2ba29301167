//! The data key on the command line: where `serve` and `rotate-data-key` read it from, the
//! demo's own key file, sealing everything again under a new key, and `audit verify`.

use crate::vault::DataKeys;
use anyhow::Context;

/// Where the data key comes from (see `vault`): the key text itself or a file holding it.
#[derive(clap::Args, Clone, Default)]
pub(super) struct DataKeyArgs {
    /// The data keys that seal referral summaries (AES-256-GCM): base64 keys, the sealing
    /// one first, older ones after it separated by commas. Without a key referrals are off.
    #[arg(long, env = "KOLMONEN_DATA_KEY", hide_env_values = true)]
    pub data_key: Option<String>,
    /// A file with the data keys, one per line, the sealing one first.
    #[arg(long, env = "KOLMONEN_DATA_KEY_FILE", conflicts_with = "data_key")]
    pub data_key_file: Option<std::path::PathBuf>,
}

impl DataKeyArgs {
    /// The keys given, if any; a key given but unreadable or malformed is an error.
    pub fn load(&self) -> anyhow::Result<Option<DataKeys>> {
        let text = match (&self.data_key, &self.data_key_file) {
            (Some(k), _) => k.clone(),
            (None, Some(path)) => std::fs::read_to_string(path)
                .with_context(|| format!("reading the data key file {}", path.display()))?,
            (None, None) => return Ok(None),
        };
        DataKeys::parse(&text)
            .map(Some)
            .context("reading the data key")
    }

    /// The one-command demo's key: a file beside the demo database, made on first start
    /// (readable by its owner only). Never for production, where the operator gives one.
    pub fn demo() -> anyhow::Result<Self> {
        let path = std::path::PathBuf::from("data/demo-data.key");
        if !path.exists() {
            std::fs::create_dir_all("data").context("making data/")?;
            write_private(&path, &format!("{}\n", DataKeys::new_key_text()))?;
            tracing::info!(file = %path.display(), "made a data key for the demo");
        }
        Ok(Self {
            data_key: None,
            data_key_file: Some(path),
        })
    }
}

fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

/// `rotate-data-key`: prints a new key, or seals everything under the first key given.
pub(super) async fn rotate_command(
    database: &str,
    keys: &DataKeyArgs,
    new_key: bool,
) -> anyhow::Result<()> {
    if new_key {
        println!("{}", DataKeys::new_key_text());
        return Ok(());
    }
    let keys = keys
        .load()?
        .context("no data key given (KOLMONEN_DATA_KEY or --data-key-file)")?;
    let store = super::open(database).await?;
    let r = crate::services::referrals::rotate_keys(&store, &keys).await?;
    println!(
        "{} referrals sealed again under key {}, {} were already; configured keys: {}",
        r.resealed,
        keys.current_id(),
        r.already,
        keys.ids().join(", ")
    );
    if !r.unopened.is_empty() {
        anyhow::bail!(
            "{} referrals are sealed with a key not given (keep the old key after the new one): {}",
            r.unopened.len(),
            r.unopened.join(", ")
        );
    }
    Ok(())
}

/// `audit verify`: walks the chain; exits 1 at the first broken row.
pub(super) async fn audit_verify(database: &str) -> anyhow::Result<()> {
    let store = super::open(database).await?;
    let v = crate::referrals::verify(&store).await?;
    match v.broken {
        None => {
            println!("audit chain holds: {} rows", v.rows);
            Ok(())
        }
        Some((seq, what)) => {
            println!(
                "audit chain broken at row {seq} ({what}); {} rows before it hold",
                v.rows
            );
            std::process::exit(1);
        }
    }
}
