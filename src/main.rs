//! The `kolmonen` command: serve the portal, migrate, seed.

use anyhow::Context;
use clap::{Parser, Subcommand};
use kolmonen::config::{Config, DEFAULT_DATABASE_URL};
use kolmonen::store::{self, redact_url, DynStore};
use kolmonen::{app, demo, AppState};
use std::net::SocketAddr;
use tracing_subscriber::EnvFilter;

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

#[derive(Subcommand)]
enum Command {
    /// Serve the portal and the API (the default). Migrates, and seeds demo data into an empty database.
    Serve {
        #[arg(long, env = "KOLMONEN_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Send Strict-Transport-Security (only behind a TLS proxy).
        #[arg(long, env = "KOLMONEN_HSTS")]
        hsts: bool,
        /// Do not seed demo data into an empty database.
        #[arg(long)]
        no_demo: bool,
        /// Keep the results of this many recent searches until the index changes (0: none).
        #[arg(long, env = "KOLMONEN_SEARCH_CACHE", default_value_t = kolmonen::config::DEFAULT_SEARCH_CACHE)]
        search_cache: usize,
        /// Cookies without `Secure` and the `__Host-` prefix: only for plain-HTTP testing.
        #[arg(long)]
        insecure_cookies: bool,
        /// The portal's public address, for links in e-mail (default: http://ADDR).
        #[arg(long, env = "KOLMONEN_PUBLIC_URL")]
        public_url: Option<String>,
        /// Behind a reverse proxy: take the client's address from the last X-Forwarded-For entry.
        #[arg(long, env = "KOLMONEN_TRUST_PROXY")]
        trust_proxy: bool,
        /// The secret that signs device cookies and CSRF tokens, the same on every node
        /// (default: a random one kept in the database).
        #[arg(long, env = "KOLMONEN_SECRET_KEY", hide_env_values = true)]
        secret_key: Option<String>,
        /// Encrypt the second-factor secrets in the database with this key.
        #[arg(long, env = "KOLMONEN_TOTP_KEY", hide_env_values = true)]
        totp_key: Option<String>,
        /// Who keeps the personal data, with contact details, as the privacy notice and the
        /// accessibility statement name them ("Example ry, Katu 1, 15110 Lahti, tietosuoja@example.fi").
        #[arg(long, env = "KOLMONEN_CONTROLLER")]
        controller: Option<String>,
        /// A directory with the operator's own texts replacing the defaults:
        /// privacy.{fi,sv,en}.txt and accessibility.{fi,sv,en}.txt ("# " starts a heading).
        #[arg(long, env = "KOLMONEN_LEGAL_DIR")]
        legal_dir: Option<std::path::PathBuf>,
        /// At most this many open connections; more wait to be accepted.
        #[arg(long, env = "KOLMONEN_MAX_CONNECTIONS", default_value_t = kolmonen::server::DEFAULT_MAX_CONNECTIONS)]
        max_connections: usize,
        #[command(flatten)]
        mail: MailArgs,
    },
    /// Apply database migrations.
    Migrate,
    /// Send the freshness reminders due now (the server also does this daily).
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
    /// Generate job seekers for the people benchmarks (accounts that cannot sign in).
    GenBenchPeople {
        #[arg(long, default_value_t = 300_000)]
        profiles: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
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
enum SeedWhat {
    /// The demo network of Lahti / Päijät-Häme.
    Demo,
}

async fn open(url: &str) -> anyhow::Result<DynStore> {
    let store = store::connect(url)
        .await
        .with_context(|| format!("opening {}", redact_url(url)))?;
    kolmonen::services::migrate(store.as_ref())
        .await
        .context("migrating")?;
    Ok(store)
}

async fn seed_demo(store: &DynStore) -> anyhow::Result<()> {
    let batch = demo::demo_batch().context("reading demo data")?;
    kolmonen::services::save_batch(store.as_ref(), &batch)
        .await
        .context("saving demo data")?;
    let people = demo::demo_people().context("reading demo people")?;
    store
        .save_people(&people)
        .await
        .context("saving demo people")?;
    tracing::info!(
        people = people.len(),
        organizations = batch.organizations.len(),
        services = batch.services.len(),
        opportunities = batch.opportunities.len(),
        "demo data seeded"
    );
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

/// Gives memory freed after loading the indexes back to the system.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of glibc's heaps to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

fn main() -> anyhow::Result<()> {
    fewer_malloc_arenas();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("KOLMONEN_LOG").unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve {
        addr: std::env::var("KOLMONEN_ADDR")
            .ok()
            .and_then(|a| a.parse().ok())
            .unwrap_or_else(|| Config::default().addr),
        hsts: false,
        no_demo: false,
        search_cache: std::env::var("KOLMONEN_SEARCH_CACHE")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(kolmonen::config::DEFAULT_SEARCH_CACHE),
        insecure_cookies: false,
        public_url: None,
        trust_proxy: false,
        secret_key: std::env::var("KOLMONEN_SECRET_KEY").ok(),
        totp_key: std::env::var("KOLMONEN_TOTP_KEY").ok(),
        controller: std::env::var("KOLMONEN_CONTROLLER").ok(),
        legal_dir: std::env::var_os("KOLMONEN_LEGAL_DIR").map(Into::into),
        max_connections: kolmonen::server::DEFAULT_MAX_CONNECTIONS,
        // The one-command demo: messages land in ./mail as files to open.
        mail: MailArgs {
            mail_dir: Some("mail".into()),
            mail_from: "Kolmonen <noreply@kolmonen.invalid>".into(),
            ..MailArgs::default()
        },
    });
    match command {
        Command::Remind { public_url } => {
            let store = open(&cli.database).await?;
            let n = kolmonen::manage::freshness::remind(
                &store,
                &public_url,
                time::OffsetDateTime::now_utc(),
            )
            .await?;
            println!("{n} reminders into the outbox");
        }
        Command::Alerts {
            public_url,
            secret_key,
        } => {
            let store = open(&cli.database).await?;
            let searcher = kolmonen::search::Searcher::new(store.clone());
            let keys = kolmonen::accounts::keys::Keys::load(&store, secret_key.as_deref()).await?;
            let n = kolmonen::people::alerts::send_due(
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
            let store = open(&cli.database).await?;
            let lang = kolmonen::domain::Lang::parse(&lang).unwrap_or(kolmonen::domain::Lang::Fi);
            let started = std::time::Instant::now();
            let stats = kolmonen::hsds::package::export(&store, &dir, lang).await?;
            let secs = started.elapsed().as_secs_f64();
            let records = stats.organizations + stats.services;
            println!(
                "exported {} organizations and {} services ({} CSV rows) to {} in {:.2} s: {:.0} records/s",
                stats.organizations,
                stats.services,
                stats.rows,
                dir.display(),
                secs,
                records as f64 / secs.max(1e-9)
            );
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
            let store = open(&cli.database).await?;
            let started = std::time::Instant::now();
            let now = time::OffsetDateTime::now_utc();
            let mut plan = kolmonen::hsds::import::ImportPlan {
                source_lang: kolmonen::domain::Lang::parse(&lang).unwrap_or_default(),
                ..Default::default()
            };
            plan.add_path(&path, now);
            plan.resolve(&store).await?;
            tracing::info!(
                seconds = started.elapsed().as_secs_f64(),
                "read and checked"
            );
            for n in &plan.notes {
                eprintln!("note: {n}");
            }
            for r in &plan.rejected {
                eprintln!("rejected: {r}");
            }
            if dry_run {
                let preview = plan.preview(&store).await?;
                print_preview(&preview);
                if !plan.rejected.is_empty() {
                    eprintln!("{} rejected", plan.rejected.len());
                    std::process::exit(1);
                }
                return Ok(());
            }
            let b = &plan.batch;
            let records = b.organizations.len()
                + b.services.len()
                + b.opportunities.len()
                + b.locations.len()
                + b.contacts.len();
            if !plan.rejected.is_empty() && !partial {
                eprintln!(
                    "{} rejected; nothing was imported (use --partial to import the {records} valid records)",
                    plan.rejected.len()
                );
                std::process::exit(1);
            }
            kolmonen::services::save_batch(store.as_ref(), b).await?;
            store.optimize_search_index().await?;
            let secs = started.elapsed().as_secs_f64();
            println!(
                "imported {} organizations, {} services, {} opportunities, {} locations, {} contacts in {:.2} s: {:.0} records/s",
                b.organizations.len(),
                b.services.len(),
                b.opportunities.len(),
                b.locations.len(),
                b.contacts.len(),
                secs,
                records as f64 / secs.max(1e-9)
            );
            if !plan.rejected.is_empty() {
                eprintln!("{} rejected (--partial)", plan.rejected.len());
                std::process::exit(1);
            }
        }
        Command::GenBenchData {
            organizations,
            seed,
        } => {
            let store = open(&cli.database).await?;
            let started = std::time::Instant::now();
            let mut generator = kolmonen::gen::Generator::new(seed);
            let mut totals = [0usize; 4];
            for chunk_start in (0..organizations).step_by(500) {
                let mut b = kolmonen::store::DirectoryBatch::default();
                for i in chunk_start..(chunk_start + 500).min(organizations) {
                    generator.organization(i, &mut b);
                }
                totals[0] += b.organizations.len();
                totals[1] += b.services.len();
                totals[2] += b.opportunities.len();
                totals[3] += b.locations.len();
                kolmonen::services::save_batch(store.as_ref(), &b).await?;
            }
            store.optimize_search_index().await?;
            println!(
                "generated {} organizations, {} services, {} opportunities, {} locations in {:.1} s",
                totals[0],
                totals[1],
                totals[2],
                totals[3],
                started.elapsed().as_secs_f64()
            );
        }
        Command::Search { q, params, lang } => {
            let store = open(&cli.database).await?;
            let searcher = kolmonen::search::Searcher::new(store.clone());
            let mut p: kolmonen::search::SearchParams =
                serde_urlencoded::from_str(&params).context("reading --params")?;
            p.q = Some(q);
            p.lang = Some(lang);
            let (req, errors) = p.check(kolmonen::domain::Lang::Fi);
            for e in &errors {
                eprintln!("error: {}: {}", e.param, kolmonen::i18n::t(req.lang, e.key));
            }
            if !errors.is_empty() {
                std::process::exit(2);
            }
            let started = std::time::Instant::now();
            let r = searcher.search(&req).await?;
            let took = started.elapsed();
            let (_, groups, _) = searcher.plan(&req);
            for g in &groups {
                let shown: Vec<String> = g
                    .iter()
                    .take(12)
                    .map(|(w, r)| format!("{w} ({r:?})"))
                    .collect();
                println!(
                    "word → {}{}",
                    shown.join(", "),
                    if g.len() > 12 {
                        format!(" … {} in all", g.len())
                    } else {
                        String::new()
                    }
                );
            }
            for w in &r.unmatched {
                println!("no match: {w}");
            }
            println!(
                "{} results in {:.1} ms",
                r.total,
                took.as_secs_f64() * 1000.0
            );
            for h in &r.hits {
                let d = h
                    .distance_km
                    .map(|d| format!(" {d} km"))
                    .unwrap_or_default();
                println!(
                    "{:.3} {:<12} {}{d}",
                    h.score,
                    h.doc_type.as_str(),
                    h.name.text(req.lang)
                );
            }
        }
        Command::SearchEval {
            file,
            min_recall,
            min_ndcg,
        } => {
            let store = open(&cli.database).await?;
            let text = match &file {
                Some(f) => std::fs::read_to_string(f)
                    .with_context(|| format!("reading {}", f.display()))?,
                None => kolmonen::search::eval::RELEVANCE_SET.to_string(),
            };
            let cases = kolmonen::search::eval::parse(&text).map_err(anyhow::Error::msg)?;
            let searcher = kolmonen::search::Searcher::new(store.clone());
            let report = kolmonen::search::eval::run(&store, &searcher, &cases).await?;
            for c in &report.cases {
                let mark = if c.recall < 1.0 { "MISS" } else { "ok  " };
                println!(
                    "{mark} recall {:.2} nDCG {:.2}  {}",
                    c.recall, c.ndcg, c.case.query
                );
                for m in c.missed.iter().filter(|_| c.recall < 1.0) {
                    println!("       not in top 10: {m}");
                }
            }
            println!(
                "{} queries ({}): recall@10 {:.3} (bar {min_recall}), nDCG@10 {:.3} (bar {min_ndcg})",
                report.cases.len(),
                match store.backend() { kolmonen::store::Backend::Sqlite => "SQLite", kolmonen::store::Backend::Postgres => "PostgreSQL" },
                report.recall,
                report.ndcg
            );
            if report.recall < min_recall || report.ndcg < min_ndcg {
                eprintln!("error: below the bar");
                std::process::exit(1);
            }
        }
        Command::GenBenchPeople { profiles, seed } => {
            let store = open(&cli.database).await?;
            let started = std::time::Instant::now();
            kolmonen::people::bench::generate(&store, profiles, seed).await?;
            println!(
                "{profiles} people generated in {:.1} s",
                started.elapsed().as_secs_f64()
            );
        }
        Command::BenchPeople { queries } => {
            let store = open(&cli.database).await?;
            kolmonen::people::bench::run(&store, queries).await?;
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
            let mut mix = match &query_file {
                Some(path) => std::fs::read_to_string(path)
                    .with_context(|| format!("reading {}", path.display()))?
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string)
                    .collect(),
                None => kolmonen::search::bench::typical_queries(queries),
            };
            if list && frequent_words.is_none() {
                for q in &mix {
                    println!("{q}");
                }
                return Ok(());
            }
            let store = open(&cli.database).await?;
            let searcher = if store_only {
                kolmonen::search::Searcher::store_only(store.clone())
            } else {
                kolmonen::search::Searcher::new(store.clone())
            };
            let started = std::time::Instant::now();
            searcher.refresh().await?;
            if !list {
                println!(
                    "{:?} after {:.1} s",
                    searcher.warmth(),
                    started.elapsed().as_secs_f64()
                );
            }
            if let Some(n) = frequent_words {
                let words = match searcher.frequent_words(n) {
                    Some(w) => w,
                    None => {
                        kolmonen::search::Searcher::new(store.clone())
                            .frequent_words_loaded(n)
                            .await?
                    }
                };
                mix = words
                    .iter()
                    .map(|(w, _)| serde_urlencoded::to_string([("q", w)]).unwrap_or_default())
                    .collect();
                if list {
                    for q in &mix {
                        println!("{q}");
                    }
                    return Ok(());
                }
            }
            let mix: Vec<String> = (0..passes.max(1)).flat_map(|_| mix.clone()).collect();
            let mut times = Vec::with_capacity(mix.len());
            let mut each = Vec::with_capacity(mix.len());
            let mut found = 0u64;
            for q in &mix {
                let p: kolmonen::search::SearchParams = serde_urlencoded::from_str(q)?;
                let (req, _) = p.check(kolmonen::domain::Lang::Fi);
                let started = std::time::Instant::now();
                let total = searcher.search(&req).await?.total;
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                found += total;
                times.push(ms);
                each.push((ms, total, q));
            }
            each.sort_by(|a, b| b.0.total_cmp(&a.0));
            for (ms, total, q) in each.iter().take(slowest) {
                println!("{ms:8.2} ms {total:6} results  {q}");
            }
            times.sort_by(|a, b| a.total_cmp(b));
            let pct = |p: f64| {
                times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1]
            };
            println!(
                "{} searches: p50 {:.2} ms, p99 {:.2} ms, mean {:.2} ms, max {:.2} ms; {:.0} results on average",
                times.len(),
                pct(0.50),
                pct(0.99),
                times.iter().sum::<f64>() / times.len() as f64,
                times.last().copied().unwrap_or(0.0),
                found as f64 / times.len() as f64
            );
        }
        Command::User { what } => {
            let store = open(&cli.database).await?;
            user_command(&store, what).await?;
        }
        Command::Reindex => {
            let store = open(&cli.database).await?;
            let started = std::time::Instant::now();
            let ids = store.organization_ids().await?;
            let n = kolmonen::search::reindex(store.as_ref(), &ids).await?;
            store.optimize_search_index().await?;
            println!(
                "indexed {n} documents of {} organizations in {:.1} s",
                ids.len(),
                started.elapsed().as_secs_f64()
            );
        }
        Command::Seed {
            what: SeedWhat::Demo,
        } => {
            let store = open(&cli.database).await?;
            seed_demo(&store).await?;
        }
        Command::Serve {
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
            mail,
        } => {
            let store = open(&cli.database).await?;
            if !no_demo && store.is_empty().await? {
                seed_demo(&store).await?;
            }
            let config = Config {
                addr,
                database_url: cli.database.clone(),
                hsts,
                search_cache,
                insecure_cookies,
                public_url,
                trust_proxy,
                secret_key,
                totp_key,
                controller,
                legal_dir,
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
            tokio::spawn(kolmonen::search::close_expired_places_every_quarter(
                store.clone(),
            ));
            tokio::spawn(kolmonen::manage::freshness::run(
                store.clone(),
                config.public_url(),
            ));
            let public_url = config.public_url();
            let state = AppState::new(store, config);
            // Secrets stored before a --totp-key was set are sealed now.
            let sealed = kolmonen::accounts::totp::seal_stored(&state.store, &state.totp).await?;
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
            tokio::spawn(kolmonen::people::alerts::run(
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
                redact_url(&cli.database)
            );
            if insecure_cookies {
                tracing::warn!("cookies without Secure: for plain-HTTP testing only");
            }
            let limits = kolmonen::server::Limits {
                max_connections,
                ..Default::default()
            };
            kolmonen::server::serve(listener, app(state), limits, shutdown_signal()).await?;
            tracing::info!("stopped");
        }
    }
    Ok(())
}

/// `kolmonen user …`: exits 2 with a translated message when the input is not acceptable.
async fn user_command(store: &DynStore, what: UserWhat) -> anyhow::Result<()> {
    use kolmonen::accounts::{add_user, AccountError, Email, Role};
    use kolmonen::domain::{Lang, OrganizationId};
    let refuse = |key: &str| -> ! {
        eprintln!("error: {}", kolmonen::i18n::t(Lang::En, key));
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
                kolmonen::accounts::audit::event("authn_mfa_reset", Some(user.id));
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

/// Starts the outbox worker of this node, if mail has somewhere to go.
fn start_mailer(store: &DynStore, args: &MailArgs) -> anyhow::Result<()> {
    use kolmonen::mail::{Mailer, Transport};
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

/// `import hsds --dry-run`: per kind, how many records would be added, updated or left as
/// they are, with the names of the first few added and updated.
fn print_preview(p: &kolmonen::hsds::import::Preview) {
    const SHOWN: usize = 10;
    for (kind, c) in [
        ("organizations", &p.organizations),
        ("services", &p.services),
        ("opportunities", &p.opportunities),
        ("locations", &p.locations),
    ] {
        println!(
            "{kind}: {} to add, {} to update, {} unchanged",
            c.added.len(),
            c.updated.len(),
            c.unchanged
        );
        for (verb, list) in [("add", &c.added), ("update", &c.updated)] {
            for (id, name) in list.iter().take(SHOWN) {
                println!("  {verb} {id} {name}");
            }
            if list.len() > SHOWN {
                println!("  … and {} more to {verb}", list.len() - SHOWN);
            }
        }
    }
    println!("dry run: nothing was written");
}
