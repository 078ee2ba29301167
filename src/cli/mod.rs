//! The `kolmonen` command line: its arguments and what each command does. `main.rs` only
//! calls [`main`]; serving is in `serve`, HSDS import and export in `hsds`, benchmarks and
//! the search tools in `bench`, account administration in `user`.

use crate::config::{Config, DEFAULT_DATABASE_URL};
use crate::demo;
use crate::store::{self, redact_url, DynStore};
use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

mod bench;
mod datakeys;
mod hsds;
mod serve;
mod user;

#[derive(Parser)]
#[command(
    name = "kolmonen",
    version,
    about = "Kolmonen: the third sector's shared employment portal"
)]
struct Cli {
    /// Database URL: sqlite://path, sqlite::memory: or postgres://user@host/db
    #[arg(long, global = true, env = "KOLMONEN_DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    database: String,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Where e-mail goes: SMTP, or files for demos; with neither it waits in the outbox.
#[derive(clap::Args, Clone, Default)]
struct MailArgs {
    /// SMTP server, e.g. smtp://user:pass@mail.example.fi:587?tls=required
    #[arg(long, env = "KOLMONEN_SMTP_URL", conflicts_with = "mail_dir")]
    smtp_url: Option<String>,
    /// Write messages as .eml files into DIR instead of sending them (for demos).
    #[arg(long, env = "KOLMONEN_MAIL_DIR")]
    mail_dir: Option<std::path::PathBuf>,
    /// The sender of every message.
    #[arg(
        long,
        env = "KOLMONEN_MAIL_FROM",
        default_value = "Kolmonen <noreply@kolmonen.invalid>"
    )]
    mail_from: String,
}

/// (Parsed once per run: the size of `serve`'s options does not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the API (the default). Migrates, and seeds demo data into an empty database.
    Serve(serve::ServeArgs),
    /// Apply database migrations.
    Migrate,
    /// Send the freshness reminders due now, and the referral reminders and follow-ups (the
    /// server also does this).
    Remind {
        /// The portal's public address, for the links in the messages.
        #[arg(
            long,
            env = "KOLMONEN_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
    },
    /// Send the saved-search alerts due now (the server checks them every hour).
    Alerts {
        /// The portal's public address, for the links in the messages.
        #[arg(
            long,
            env = "KOLMONEN_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
        /// The servers' secret key (signs the stop links), if they are given one.
        #[arg(long, env = "KOLMONEN_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
    },
    /// Manage accounts (for operators).
    User {
        #[command(subcommand)]
        what: UserWhat,
    },
    /// Write the directory out in an open format.
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Read data in an open format into the database.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Load data into the database.
    Seed {
        #[command(subcommand)]
        what: SeedWhat,
    },
    /// Generate a national-scale directory for benchmarks (about five services and two
    /// opportunities per organization, over every municipality). Deterministic per seed.
    GenBenchData {
        #[arg(long, default_value_t = 30_000)]
        organizations: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Search from the command line, with the parameters of /api/v1/search, and show what
    /// each word of the query matched.
    Search {
        /// Words to find.
        #[arg(default_value = "")]
        q: String,
        /// More parameters as a query string, e.g. "near=Lahti&radius_km=20&type=service".
        #[arg(long, default_value = "")]
        params: String,
        #[arg(long, default_value = "fi", value_parser = ["fi", "sv", "en"])]
        lang: String,
    },
    /// Print recall@10 and nDCG@10 of the relevance set (run it on the demo data). Exits 1
    /// when either is below its bar.
    SearchEval {
        /// A relevance set file (default: the shipped data/search/relevance.txt).
        #[arg(long)]
        file: Option<std::path::PathBuf>,
        #[arg(long, default_value_t = 0.95)]
        min_recall: f64,
        #[arg(long, default_value_t = 0.85)]
        min_ndcg: f64,
    },
    /// Rebuild every search document (after an analyzer change).
    Reindex,
    /// Seal every referral's summary and notes again under the first data key given (keep
    /// the old keys after it until this has run), or print a new key with --new-key.
    RotateDataKey {
        #[command(flatten)]
        keys: datakeys::DataKeyArgs,
        /// Print a new random key and do nothing else.
        #[arg(long)]
        new_key: bool,
    },
    /// The audit log of people's data.
    Audit {
        #[command(subcommand)]
        what: AuditWhat,
    },
    /// Generate job seekers for the people benchmarks (accounts that cannot sign in).
    GenBenchPeople {
        #[arg(long, default_value_t = 300_000)]
        profiles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Generate people and their referral paths for the impact benchmarks (the directory's
    /// services and places are the targets). Deterministic per seed.
    GenBenchPaths {
        #[arg(long, default_value_t = 300_000)]
        people: usize,
        /// Path steps (a referral's sent, accepted, started, completed … each count).
        #[arg(long, default_value_t = 1_000_000)]
        steps: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time /fi/impact (whole country, one municipality) and making and accepting a referral.
    BenchImpact {
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// Time a municipality's iCalendar feed (`/fi/municipalities/CODE/events.ics`), first adding
    /// generated events there until it has `--events` upcoming ones.
    BenchEvents {
        #[arg(long, default_value_t = 5000)]
        events: usize,
        #[arg(long, default_value = "398")]
        municipality: String,
        #[arg(long, default_value_t = 200)]
        queries: usize,
    },
    /// Time a network's weekly digest: a network of `--members` organizations (made from the
    /// generated data) with `--subscribers` confirmed subscribers; the digest of its members'
    /// last week built and its messages written, `--runs` times.
    BenchDigest {
        #[arg(long, default_value_t = 500)]
        members: usize,
        #[arg(long, default_value_t = 500)]
        subscribers: usize,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Time one person's matches over every opportunity and talent-pool searches.
    BenchPeople {
        /// How many people and searches.
        #[arg(long, default_value_t = 500)]
        queries: usize,
    },
    /// Time typical searches (words, two facets and a distance) against this database and
    /// print the server-side p50, p99 and mean (see BENCHMARKS.md).
    BenchSearch {
        /// How many searches.
        #[arg(long, default_value_t = 500)]
        queries: usize,
        /// Print the query strings used (for the Datasette comparison and wrk).
        #[arg(long)]
        list: bool,
        /// Also print the N slowest searches with their times and result counts.
        #[arg(long, default_value_t = 0)]
        slowest: usize,
        /// Instead of the typical mix: each of the N most frequent words of the data as a
        /// one-word query over the whole country (`q=WORD`, facets counted as always).
        #[arg(long)]
        frequent_words: Option<usize>,
        /// Ask the whole list this many times.
        #[arg(long, default_value_t = 1)]
        passes: usize,
        /// Run every search in the database's full-text index, as a node does while its
        /// index in memory loads.
        #[arg(long)]
        store_only: bool,
        /// Instead of the typical mix: the query strings in this file, one per line (as
        /// `--list` prints them).
        #[arg(long)]
        query_file: Option<std::path::PathBuf>,
    },
}

#[derive(Subcommand)]
enum ExportWhat {
    /// An Open Referral HSDS 3.0 data package: JSON documents, CSV tables, datapackage.json.
    Hsds {
        /// Directory to write into (created if missing).
        dir: std::path::PathBuf,
        /// Language of the texts in the main fields (every language also travels in attributes).
        #[arg(long, default_value = "fi", value_parser = ["fi", "sv", "en"])]
        lang: String,
    },
    /// The project register as CSV, one row per project (the columns `import projects`
    /// reads; see the README). To standard output when no file is given.
    Projects { file: Option<std::path::PathBuf> },
}

#[derive(Subcommand)]
enum ImportWhat {
    /// HSDS 3.0 JSON (one document, a list, a paged list, or a directory of them, as
    /// `export hsds` writes) or a directory holding an HSDS CSV data package. Source ids are
    /// kept, so importing again updates.
    Hsds {
        path: std::path::PathBuf,
        /// Store the valid records even when some are rejected (default: all or nothing).
        #[arg(long)]
        partial: bool,
        /// Only show what would change (added, updated, unchanged records); write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The language of the texts in documents from other systems (ours carry their own).
        #[arg(long, default_value = "fi", value_parser = ["fi", "sv", "en"])]
        lang: String,
    },
    /// A project register spreadsheet saved as CSV (UTF-8; `,` or `;` between cells), one
    /// row per project, columns as in the README. All or nothing: every bad cell is reported
    /// with its line and column and nothing is written. The `key` column makes importing
    /// again update the same projects. Exits 1 when anything was rejected.
    Projects {
        file: std::path::PathBuf,
        /// Only show what would be added, updated or left unchanged; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum UserWhat {
    /// Add an account. The password is read from the first line of standard input, never
    /// from the command line (where other users of the machine could see it).
    Add {
        email: String,
        /// job_seeker, organization_member, organization_admin, network_coordinator or platform_admin.
        #[arg(long)]
        role: String,
        /// The organization a member or admin acts for (its id).
        #[arg(long)]
        organization: Option<String>,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Disable an account: it can no longer sign in.
    Disable { email: String },
    /// End every session of an account (it stays usable; its owner signs in again).
    SignOut { email: String },
    /// Forget an account's second factor after its owner lost it (check who they are first):
    /// the next sign-in sets up a new one.
    ResetSecondFactor { email: String },
}

#[derive(Subcommand)]
enum AuditWhat {
    /// Walk the hash chain and name the first broken row (exit 1), or say that it holds.
    Verify,
}

#[derive(Subcommand)]
enum SeedWhat {
    /// The demo network of Lahti / Päijät-Häme (with a data key, also its referrals).
    Demo {
        #[command(flatten)]
        keys: datakeys::DataKeyArgs,
    },
}

async fn open(url: &str) -> anyhow::Result<DynStore> {
    let store = store::connect(url)
        .await
        .with_context(|| format!("opening {}", redact_url(url)))?;
    crate::services::migrate(store.as_ref())
        .await
        .context("migrating")?;
    Ok(store)
}

async fn seed_demo(store: &DynStore, keys: Option<&crate::vault::DataKeys>) -> anyhow::Result<()> {
    let batch = demo::demo_batch().context("reading demo data")?;
    crate::services::save_batch(store.as_ref(), &batch)
        .await
        .context("saving demo data")?;
    let people = demo::demo_people().context("reading demo people")?;
    store
        .save_people(&people)
        .await
        .context("saving demo people")?;
    demo::seed_network(store)
        .await
        .context("saving the demo network")?;
    let events = demo::seed_events(store)
        .await
        .context("saving the demo events")?;
    let projects = demo::seed_projects(store)
        .await
        .context("saving the demo projects")?;
    let articles = demo::seed_articles(store.as_ref())
        .await
        .context("saving the demo articles")?;
    tracing::info!(
        projects,
        articles,
        people = people.len(),
        organizations = batch.organizations.len(),
        events,
        services = batch.services.len(),
        opportunities = batch.opportunities.len(),
        "demo data seeded"
    );
    match keys {
        Some(keys) => {
            let n = demo::seed_referrals(store, keys, time::OffsetDateTime::now_utc())
                .await
                .context("saving demo referrals")?;
            tracing::info!(referrals = n, "demo referrals seeded");
        }
        None => tracing::warn!("no data key: the demo has no referrals"),
    }
    Ok(())
}

/// Two malloc arenas instead of glibc's eight per core: with the search index in memory, the
/// per-thread arenas of the runtime's and the database drivers' threads held the freed memory
/// of the load, and a node with the national data sat at 560 MB instead of 300 MB
/// (BENCHMARKS.md, issue 15; mimalloc was tried too and held as much).
fn fewer_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator; it is called once,
    // first thing in main, before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Runs the command line: parses the arguments and runs the command on a new runtime.
pub fn main() -> anyhow::Result<()> {
    fewer_malloc_arenas();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

/// The settings of the one-command demo (`kolmonen` without a command): the environment's,
/// mail into ./mail, and a data key of its own (`data/demo-data.key`) unless one is given.
fn demo_serve_args() -> anyhow::Result<serve::ServeArgs> {
    Ok(serve::ServeArgs {
        addr: std::env::var("KOLMONEN_ADDR")
            .ok()
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| Config::default().addr),
        hsts: false,
        no_demo: false,
        search_cache: std::env::var("KOLMONEN_SEARCH_CACHE")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(crate::config::DEFAULT_SEARCH_CACHE),
        insecure_cookies: false,
        public_url: None,
        trust_proxy: false,
        secret_key: std::env::var("KOLMONEN_SECRET_KEY").ok(),
        totp_key: std::env::var("KOLMONEN_TOTP_KEY").ok(),
        controller: std::env::var("KOLMONEN_CONTROLLER").ok(),
        legal_dir: std::env::var_os("KOLMONEN_LEGAL_DIR").map(Into::into),
        max_connections: crate::server::DEFAULT_MAX_CONNECTIONS,
        retention_referrals: crate::services::referrals::Retention::default().referrals,
        retention_clients: crate::services::referrals::Retention::default().clients,
        retention_audit: crate::services::referrals::Retention::default().audit,
        keys: match (
            std::env::var("KOLMONEN_DATA_KEY").ok(),
            std::env::var_os("KOLMONEN_DATA_KEY_FILE"),
        ) {
            (None, None) => datakeys::DataKeyArgs::demo()?,
            (data_key, file) => datakeys::DataKeyArgs {
                data_key,
                data_key_file: file.map(Into::into),
            },
        },
        // The one-command demo: messages land in ./mail as files to open.
        mail: MailArgs {
            mail_dir: Some("mail".into()),
            mail_from: "Kolmonen <noreply@kolmonen.invalid>".into(),
            ..MailArgs::default()
        },
    })
}

async fn run() -> anyhow::Result<()> {
    // Logs go to standard error: standard output is for what a command prints (a new key,
    // an export, figures).
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_env("KOLMONEN_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    // Only without a command: the one-command demo's settings (which make its data key).
    let command = match cli.command {
        Some(c) => c,
        None => Command::Serve(demo_serve_args()?),
    };
    match command {
        Command::Remind { public_url } => {
            let store = open(&cli.database).await?;
            let n = crate::manage::freshness::remind(
                &store,
                &public_url,
                time::OffsetDateTime::now_utc(),
            )
            .await?;
            println!("{n} reminders into the outbox");
            let notices = crate::services::referrals::Notices {
                public_url: public_url.clone(),
                lang: crate::domain::Lang::Fi,
            };
            let j = crate::services::referrals::run_jobs(
                &store,
                &notices,
                time::OffsetDateTime::now_utc(),
            )
            .await?;
            println!(
                "referrals: {} receivers and {} senders reminded, {} follow-ups asked",
                j.receivers_reminded, j.senders_reminded, j.follow_ups_asked
            );
        }
        Command::Alerts {
            public_url,
            secret_key,
        } => {
            let store = open(&cli.database).await?;
            let searcher = crate::search::Searcher::new(store.clone());
            let keys = crate::accounts::keys::Keys::load(&store, secret_key.as_deref()).await?;
            let n = crate::people::alerts::send_due(
                &store,
                &searcher,
                &public_url,
                &keys,
                time::OffsetDateTime::now_utc(),
            )
            .await?;
            println!("{n} alert digests into the outbox");
        }
        Command::Migrate => {
            open(&cli.database).await?;
            tracing::info!(database = %redact_url(&cli.database), "migrated");
        }
        Command::Export {
            what: ExportWhat::Hsds { dir, lang },
        } => {
            hsds::export(&cli.database, dir, lang).await?;
        }
        Command::Export {
            what: ExportWhat::Projects { file },
        } => {
            let store = open(&cli.database).await?;
            let projects = store
                .projects(&crate::store::ProjectQuery {
                    limit: u32::MAX,
                    ..Default::default()
                })
                .await?;
            let orgs = crate::manage::projects::Organizations::load(store.as_ref()).await?;
            let bytes = crate::manage::projects::export(&projects, &orgs);
            match file {
                Some(f) => {
                    std::fs::write(&f, bytes)
                        .with_context(|| format!("writing {}", f.display()))?;
                    eprintln!("{} projects written to {}", projects.len(), f.display());
                }
                None => {
                    use std::io::Write;
                    std::io::stdout().write_all(&bytes)?;
                }
            }
        }
        Command::Import {
            what: ImportWhat::Projects { file, dry_run },
        } => {
            let store = open(&cli.database).await?;
            let bytes =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let report =
                crate::manage::projects::import(store.as_ref(), &bytes, &|_| true, None, dry_run)
                    .await?;
            for e in &report.errors {
                eprintln!(
                    "rejected: {}:{} {}: {}",
                    file.display(),
                    e.line,
                    e.column,
                    e.message(crate::domain::Lang::En)
                );
            }
            let verb = if dry_run { "would be " } else { "" };
            if report.errors.is_empty() {
                println!(
                    "{} added, {} updated, {} unchanged{}",
                    report.added.len(),
                    report.updated.len(),
                    report.unchanged.len(),
                    if dry_run {
                        " (dry run: nothing written)"
                    } else {
                        ""
                    }
                );
                for (what, keys) in [("added", &report.added), ("updated", &report.updated)] {
                    for k in keys {
                        println!("{verb}{what}: {k}");
                    }
                }
            } else {
                println!("{} rows rejected: nothing written", report.errors.len());
                std::process::exit(1);
            }
        }
        Command::Import {
            what:
                ImportWhat::Hsds {
                    path,
                    partial,
                    dry_run,
                    lang,
                },
        } => {
            hsds::import(&cli.database, path, partial, dry_run, lang).await?;
        }
        Command::GenBenchData {
            organizations,
            seed,
        } => {
            bench::gen_bench_data(&cli.database, organizations, seed).await?;
        }
        Command::Search { q, params, lang } => {
            bench::search(&cli.database, q, params, lang).await?;
        }
        Command::SearchEval {
            file,
            min_recall,
            min_ndcg,
        } => {
            bench::search_eval(&cli.database, file, min_recall, min_ndcg).await?;
        }
        Command::GenBenchPeople { profiles, seed } => {
            bench::gen_bench_people(&cli.database, profiles, seed).await?;
        }
        Command::GenBenchPaths {
            people,
            steps,
            seed,
        } => {
            bench::gen_bench_paths(&cli.database, people, steps, seed).await?;
        }
        Command::BenchImpact { queries } => {
            bench::bench_impact(&cli.database, queries).await?;
        }
        Command::BenchEvents {
            events,
            municipality,
            queries,
        } => {
            bench::bench_events(&cli.database, events, &municipality, queries).await?;
        }
        Command::BenchDigest {
            members,
            subscribers,
            runs,
        } => {
            bench::bench_digest(&cli.database, members, subscribers, runs).await?;
        }
        Command::BenchPeople { queries } => {
            bench::bench_people(&cli.database, queries).await?;
        }
        Command::BenchSearch {
            queries,
            list,
            slowest,
            frequent_words,
            passes,
            store_only,
            query_file,
        } => {
            bench::bench_search(
                &cli.database,
                queries,
                list,
                slowest,
                frequent_words,
                passes,
                store_only,
                query_file,
            )
            .await?;
        }
        Command::User { what } => {
            let store = open(&cli.database).await?;
            user::run(&store, what).await?;
        }
        Command::Reindex => {
            bench::reindex(&cli.database).await?;
        }
        Command::RotateDataKey { keys, new_key } => {
            datakeys::rotate_command(&cli.database, &keys, new_key).await?;
        }
        Command::Audit {
            what: AuditWhat::Verify,
        } => {
            datakeys::audit_verify(&cli.database).await?;
        }
        Command::Seed {
            what: SeedWhat::Demo { keys },
        } => {
            let store = open(&cli.database).await?;
            seed_demo(&store, keys.load()?.as_ref()).await?;
        }
        Command::Serve(args) => serve::serve(&cli.database, args).await?,
    }
    Ok(())
}
