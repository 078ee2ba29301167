//! `export hsds` and `import hsds`.

use super::open;

/// `export hsds DIR`: the directory as an HSDS data package.
pub(super) async fn export(
    database: &str,
    dir: std::path::PathBuf,
    lang: String,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let lang = crate::domain::Lang::parse(&lang).unwrap_or(crate::domain::Lang::Fi);
    let started = std::time::Instant::now();
    let stats = crate::hsds::package::export(&store, &dir, lang).await?;
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
    Ok(())
}

/// `import hsds PATH`: all or nothing (or `--partial`), or only a preview (`--dry-run`);
/// exits 1 when anything was rejected.
pub(super) async fn import(
    database: &str,
    path: std::path::PathBuf,
    partial: bool,
    dry_run: bool,
    lang: String,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let started = std::time::Instant::now();
    let now = time::OffsetDateTime::now_utc();
    let mut plan = crate::hsds::import::ImportPlan {
        source_lang: crate::domain::Lang::parse(&lang).unwrap_or_default(),
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
    crate::services::save_batch(store.as_ref(), b).await?;
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
    Ok(())
}

/// `import hsds --dry-run`: per kind, how many records would be added, updated or left as
/// they are, with the names of the first few added and updated.
fn print_preview(p: &crate::hsds::import::Preview) {
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
