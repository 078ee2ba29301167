//! The benchmark and search tools: synthetic data, one search, the relevance set, the
//! query mix, reindexing.

use super::open;
use anyhow::Context;

/// `gen-bench-data`: a synthetic national directory, 500 organizations a batch.
pub(super) async fn gen_bench_data(
    database: &str,
    organizations: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let started = std::time::Instant::now();
    let mut generator = crate::gen::Generator::new(seed);
    let mut totals = [0usize; 4];
    for chunk_start in (0..organizations).step_by(500) {
        let mut b = crate::store::DirectoryBatch::default();
        for i in chunk_start..(chunk_start + 500).min(organizations) {
            generator.organization(i, &mut b);
        }
        totals[0] += b.organizations.len();
        totals[1] += b.services.len();
        totals[2] += b.opportunities.len();
        totals[3] += b.locations.len();
        crate::services::save_batch(store.as_ref(), &b).await?;
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
    Ok(())
}

/// `search Q`: one search with the words it matched and the results, for checking ranking.
pub(super) async fn search(
    database: &str,
    q: String,
    params: String,
    lang: String,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let searcher = crate::search::Searcher::new(store.clone());
    let mut p: crate::search::SearchParams =
        serde_urlencoded::from_str(&params).context("reading --params")?;
    p.q = Some(q);
    p.lang = Some(lang);
    let (req, errors) = p.check(crate::domain::Lang::Fi);
    for e in &errors {
        eprintln!("error: {}: {}", e.param, crate::i18n::t(req.lang, e.key));
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
    Ok(())
}

/// `search-eval`: recall and nDCG of the relevance set; exits 1 below the bars.
pub(super) async fn search_eval(
    database: &str,
    file: Option<std::path::PathBuf>,
    min_recall: f64,
    min_ndcg: f64,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let text = match &file {
        Some(f) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?
        }
        None => crate::search::eval::RELEVANCE_SET.to_string(),
    };
    let cases = crate::search::eval::parse(&text).map_err(anyhow::Error::msg)?;
    let searcher = crate::search::Searcher::new(store.clone());
    let report = crate::search::eval::run(&store, &searcher, &cases).await?;
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
        match store.backend() {
            crate::store::Backend::Sqlite => "SQLite",
            crate::store::Backend::Postgres => "PostgreSQL",
        },
        report.recall,
        report.ndcg
    );
    if report.recall < min_recall || report.ndcg < min_ndcg {
        eprintln!("error: below the bar");
        std::process::exit(1);
    }
    Ok(())
}

/// `gen-bench-people`: synthetic job seekers for the matching benchmarks.
pub(super) async fn gen_bench_people(
    database: &str,
    profiles: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let started = std::time::Instant::now();
    crate::people::bench::generate(&store, profiles, seed).await?;
    println!(
        "{profiles} people generated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `bench-people`: matching and talent-pool timings.
pub(super) async fn bench_people(database: &str, queries: usize) -> anyhow::Result<()> {
    let store = open(database).await?;
    crate::people::bench::run(&store, queries).await?;
    Ok(())
}

/// `bench-search`: the typical query mix (or a file of queries), with percentiles.
#[allow(clippy::too_many_arguments)]
pub(super) async fn bench_search(
    database: &str,
    queries: usize,
    list: bool,
    slowest: usize,
    frequent_words: Option<usize>,
    passes: usize,
    store_only: bool,
    query_file: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let mut mix = match &query_file {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading {}", path.display()))?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
        None => crate::search::bench::typical_queries(queries),
    };
    if list && frequent_words.is_none() {
        for q in &mix {
            println!("{q}");
        }
        return Ok(());
    }
    let store = open(database).await?;
    let searcher = if store_only {
        crate::search::Searcher::store_only(store.clone())
    } else {
        crate::search::Searcher::new(store.clone())
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
                crate::search::Searcher::new(store.clone())
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
        let p: crate::search::SearchParams = serde_urlencoded::from_str(q)?;
        let (req, _) = p.check(crate::domain::Lang::Fi);
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
    let pct = |p: f64| times[((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1];
    println!(
        "{} searches: p50 {:.2} ms, p99 {:.2} ms, mean {:.2} ms, max {:.2} ms; {:.0} results on average",
        times.len(),
        pct(0.50),
        pct(0.99),
        times.iter().sum::<f64>() / times.len() as f64,
        times.last().copied().unwrap_or(0.0),
        found as f64 / times.len() as f64
    );
    Ok(())
}

/// `reindex`: every search document built again.
pub(super) async fn reindex(database: &str) -> anyhow::Result<()> {
    let store = open(database).await?;
    let started = std::time::Instant::now();
    let ids = store.organization_ids().await?;
    let n = crate::search::reindex(store.as_ref(), &ids).await?;
    store.optimize_search_index().await?;
    println!(
        "indexed {n} documents of {} organizations in {:.1} s",
        ids.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `gen-bench-paths`: people and their paths for the impact benchmarks.
pub(super) async fn gen_bench_paths(
    database: &str,
    people: usize,
    steps: usize,
    seed: u64,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let started = std::time::Instant::now();
    let g = crate::referrals::bench::generate(&store, people, steps, seed).await?;
    println!(
        "{} people, {} referrals, {} path steps generated in {:.1} s",
        g.people,
        g.referrals,
        g.steps,
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    store
        .recount_impact(time::OffsetDateTime::now_utc())
        .await?;
    println!(
        "impact counts built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `bench-impact`: `/fi/impact` for the whole country and for the municipality with the most
/// referrals, through the router as a request is served (page rendered), and making and
/// accepting a referral; p50, p99 and mean in milliseconds.
pub(super) async fn bench_impact(database: &str, queries: usize) -> anyhow::Result<()> {
    use crate::domain::referrals::{Action, Purpose};
    use crate::services::referrals::{self as refs, Draft, Notices, Summary, Target};
    use tower::ServiceExt;
    let store = open(database).await?;
    let keys = crate::vault::DataKeys::parse(&crate::vault::DataKeys::new_key_text())?;
    let config = crate::config::Config {
        data_keys: Some(keys.clone()),
        ..Default::default()
    };
    let router = crate::app(crate::AppState::new(store.clone(), config));
    let busiest = {
        let cube = store
            .impact_cube(&Default::default(), time::OffsetDateTime::now_utc())
            .await?;
        println!(
            "counted: {} people, {} referrals",
            cube.people,
            cube.referrals.iter().map(|r| r.4).sum::<u64>()
        );
        let mut by: std::collections::HashMap<String, u64> = Default::default();
        for code in ["091", "398", "837", "564"] {
            let c = store
                .impact_cube(
                    &crate::store::ImpactFilter {
                        municipality: Some(code.into()),
                        ..Default::default()
                    },
                    time::OffsetDateTime::now_utc(),
                )
                .await?;
            by.insert(code.to_string(), c.people);
        }
        by.into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(c, _)| c)
            .unwrap_or_else(|| "091".into())
    };
    let mut pages = vec![
        ("whole country", "/fi/impact".to_string()),
        (
            "one municipality",
            format!("/fi/impact?municipality={busiest}"),
        ),
    ];
    // The network with most members, if there is one (counted from its members' referrals).
    if let Some((id, n)) = store
        .network_member_counts()
        .await?
        .into_iter()
        .max_by_key(|(_, n)| *n)
    {
        println!("network: {n} member organizations");
        pages.push(("one network", format!("/fi/impact?network={id}")));
    }
    for (label, uri) in pages {
        let mut ms = Vec::with_capacity(queries);
        for _ in 0..queries {
            let t = std::time::Instant::now();
            let res = router
                .clone()
                .oneshot(axum::http::Request::get(&uri).body(axum::body::Body::empty())?)
                .await?;
            let status = res.status();
            let _ = axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            anyhow::ensure!(status.is_success(), "{uri}: {status}");
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let (p50, p99, mean) = crate::referrals::bench::percentiles(ms);
        println!("{label:<18} {uri}: p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({queries} requests)");
    }
    // A coach of the organization that offers the first service refers a client to another's.
    let services = store
        .services(&Default::default(), crate::store::PageRequest::new(1, 100))
        .await?
        .items;
    let target = services.first().context("no services")?;
    let home = services
        .iter()
        .map(|s| s.organization_id)
        .find(|o| *o != target.organization_id)
        .context("one organization only")?;
    let email = format!("bench-{}@example.invalid", uuid::Uuid::new_v4().simple());
    let coach = crate::accounts::User {
        id: crate::domain::UserId::new(),
        email: crate::accounts::Email::parse(&email).map_err(|e| anyhow::anyhow!("{e:?}"))?,
        password_hash: "!bench".into(),
        role: crate::accounts::Role::OrganizationMember,
        organization_id: Some(home),
        email_verified_at: Some(time::OffsetDateTime::now_utc()),
        disabled_at: None,
        created_at: time::OffsetDateTime::now_utc(),
    };
    store.create_user(&coach).await?;
    let receiver = crate::accounts::User {
        id: crate::domain::UserId::new(),
        email: crate::accounts::Email::parse(&format!("r-{email}"))
            .map_err(|e| anyhow::anyhow!("{e:?}"))?,
        organization_id: Some(target.organization_id),
        ..coach.clone()
    };
    store.create_user(&receiver).await?;
    let notices = Notices {
        public_url: "http://127.0.0.1:8080".into(),
        lang: crate::domain::Lang::Fi,
    };
    let (mut create, mut accept) = (Vec::new(), Vec::new());
    for k in 0..queries {
        let (client, _) = refs::record_client(
            &store,
            &coach,
            &format!("B{k}"),
            None,
            Some("091".into()),
            false,
        )
        .await?
        .context("not a coach")?;
        let draft = Draft {
            client: client.id,
            target: Target::Service(target.id),
            summary: Summary {
                wants: "Haluaa kokeilla työtä pienin askelin.".into(),
                ..Summary::default()
            },
            health: None,
            consents: vec![
                Purpose::Referral,
                Purpose::ShareSummary,
                Purpose::Statistics,
            ],
        };
        let t = std::time::Instant::now();
        let id = refs::send(&store, Some(&keys), &notices, &coach, &draft)
            .await?
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        create.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = std::time::Instant::now();
        let opened = refs::open_as(&store, &receiver, id)
            .await?
            .context("not a party")?;
        refs::act(
            &store,
            &notices,
            &receiver,
            (&opened.0, &opened.1, opened.2),
            Action::Accept,
        )
        .await?
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        accept.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for (label, ms) in [("create a referral", create), ("accept a referral", accept)] {
        let (p50, p99, mean) = crate::referrals::bench::percentiles(ms);
        println!(
            "{label:<18} p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({queries} times)"
        );
    }
    Ok(())
}

/// `bench-events`: adds generated events in a municipality until it has `events` upcoming
/// ones (a fifth of them repeating weekly for ten weeks, some with several organizers, a
/// tenth cancelled), then times its iCalendar feed through the router as a request is
/// served; p50, p99 and mean in milliseconds, and the feed's size.
pub(super) async fn bench_events(
    database: &str,
    events: usize,
    municipality: &str,
    queries: usize,
) -> anyhow::Result<()> {
    use crate::domain::events::{Event, EventKind, Frequency, Recurrence};
    use crate::domain::{helsinki, EventId};
    use tower::ServiceExt;
    let store = open(database).await?;
    let code = crate::refdata::REF
        .find_municipality(municipality)
        .map(|m| m.code.clone())
        .context("unknown municipality")?;
    let now = time::OffsetDateTime::now_utc();
    let query = crate::store::EventQuery {
        municipality: Some(code.clone()),
        ends_after: Some(now),
        include_cancelled: true,
        limit: 1,
        ..Default::default()
    };
    let have = store.count_events(&query).await? as usize;
    let orgs = store
        .organizations(&Default::default(), crate::store::PageRequest::new(1, 100))
        .await?
        .items;
    anyhow::ensure!(
        !orgs.is_empty(),
        "no organizations: seed the demo or gen-bench-data first"
    );
    let kinds = EventKind::ALL;
    let started = std::time::Instant::now();
    for i in have..events {
        let date = helsinki::local(now).date() + time::Duration::days(1 + (i % 365) as i64);
        let hour = 8 + (i % 9) as u8;
        let starts_at = helsinki::at(date, time::Time::from_hms(hour, 0, 0)?);
        let mut organizers = vec![orgs[i % orgs.len()].id];
        if i % 3 == 0 {
            organizers.push(orgs[(i + 7) % orgs.len()].id);
        }
        organizers.dedup();
        let e = Event {
            id: EventId::new(),
            kind: kinds[i % kinds.len()],
            title: format!("Tapahtuma {i}: työnhaun työpaja ja avoimet ovet"),
            description: "Tervetuloa kysymään työkokeilusta, palkkatuesta ja kuntouttavasta \
                työtoiminnasta. Autamme CV:n ja hakemusten kanssa."
                .into(),
            organizers,
            network_id: None,
            location_id: None,
            place: format!("Kokoushuone {}, Kauppakatu {}", i % 12, i % 90),
            municipality_code: Some(code.clone()),
            online_url: None,
            starts_at,
            ends_at: starts_at + time::Duration::hours(2),
            recurrence: (i % 5 == 0).then(|| Recurrence {
                frequency: Frequency::Weekly,
                interval: 1,
                until: None,
                count: Some(10),
                exceptions: vec![date + time::Duration::weeks(2)],
            }),
            audience: vec!["long-term-unemployed".into()],
            languages: vec!["fi".into()],
            cost: String::new(),
            accessibility: "Esteetön sisäänkäynti.".into(),
            capacity: Some(30),
            signup: i % 2 == 0,
            cancelled: i % 10 == 9,
            sequence: (i % 3) as u32,
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        store.save_event(&e).await?;
    }
    if events > have {
        println!(
            "added {} events in {:.1} s",
            events - have,
            started.elapsed().as_secs_f64()
        );
    }
    let router = crate::app(crate::AppState::new(store.clone(), Default::default()));
    let uri = format!("/fi/municipalities/{code}/events.ics");
    let mut ms = Vec::with_capacity(queries);
    let mut bytes = 0;
    for _ in 0..queries {
        let t = std::time::Instant::now();
        let res = router
            .clone()
            .oneshot(axum::http::Request::get(&uri).body(axum::body::Body::empty())?)
            .await?;
        let status = res.status();
        bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await?
            .len();
        anyhow::ensure!(status.is_success(), "{uri}: {status}");
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let n = store
        .count_events(&crate::store::EventQuery {
            ends_after: Some(now - time::Duration::days(90)),
            ..query.clone()
        })
        .await?;
    let (p50, p99, mean) = crate::referrals::bench::percentiles(ms);
    println!(
        "{uri}: {n} events, {:.1} MB; p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({queries} requests)",
        bytes as f64 / 1e6
    );
    // Cold: one event changed before each request, so the feed is built again.
    let mut one = store
        .events(&crate::store::EventQuery {
            limit: 1,
            ..query.clone()
        })
        .await?
        .pop()
        .context("an event")?;
    let mut cold = Vec::new();
    for _ in 0..queries.clamp(1, 30) {
        one.updated_at = crate::domain::now_micros();
        store.save_event(&one).await?;
        let t = std::time::Instant::now();
        let res = router
            .clone()
            .oneshot(axum::http::Request::get(&uri).body(axum::body::Body::empty())?)
            .await?;
        axum::body::to_bytes(res.into_body(), usize::MAX).await?;
        cold.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let runs = cold.len();
    let (p50, p99, mean) = crate::referrals::bench::percentiles(cold);
    println!(
        "  built again after a change: p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({runs} requests)"
    );
    // From nothing: the first request of a node that has kept no VEVENTs (a new process, or
    // all of them older than the cache's time to live).
    let mut empty = Vec::new();
    for _ in 0..queries.clamp(1, 10) {
        let router = crate::app(crate::AppState::new(store.clone(), Default::default()));
        let t = std::time::Instant::now();
        let res = router
            .oneshot(axum::http::Request::get(&uri).body(axum::body::Body::empty())?)
            .await?;
        axum::body::to_bytes(res.into_body(), usize::MAX).await?;
        empty.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let runs = empty.len();
    let (p50, p99, mean) = crate::referrals::bench::percentiles(empty);
    println!(
        "  built from nothing (a new node): p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({runs} requests)"
    );
    // Of which reading the feed's events from the store.
    let feed = crate::store::EventQuery {
        ends_after: Some(time::OffsetDateTime::now_utc() - time::Duration::days(90)),
        limit: 20_000,
        ..query.clone()
    };
    let mut read = Vec::new();
    for _ in 0..queries.clamp(1, 10) {
        let t = std::time::Instant::now();
        store.events(&feed).await?;
        read.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let (p50, _, _) = crate::referrals::bench::percentiles(read);
    println!("  of which reading the {n} events from the store: p50 {p50:.1} ms");
    Ok(())
}

/// `bench-digest`: a network "Bench network" of the first `members` organizations (made once)
/// with `subscribers` confirmed subscribers (fi, sv, en in turn) and 50 projects and 50
/// articles of its members; then `runs` times the digest of the week up to now is built (the
/// members' new places, events, projects and articles) and a message
/// written for every subscriber, as the Monday job does before queuing them. p50, p99 and
/// mean in milliseconds.
pub(super) async fn bench_digest(
    database: &str,
    members: usize,
    subscribers: usize,
    runs: usize,
) -> anyhow::Result<()> {
    use crate::domain::networks::{MemberState, Membership, Network, Subscription};
    use crate::domain::{Lang, NetworkId, SubscriptionId};
    let store = open(database).await?;
    let now = crate::domain::now_micros();
    let network = match store
        .networks()
        .await?
        .into_iter()
        .find(|n| n.name == "Bench network")
    {
        Some(n) => n,
        None => {
            let n = Network {
                id: NetworkId::new(),
                name: "Bench network".into(),
                description: "Generated for bench-digest.".into(),
                municipalities: vec![],
                created_at: now,
                updated_at: now,
            };
            store.save_network(&n, &[], &[]).await?;
            n
        }
    };
    let ids = store.organization_ids().await?;
    anyhow::ensure!(
        ids.len() >= members,
        "only {} organizations: run gen-bench-data first",
        ids.len()
    );
    for id in ids.iter().take(members) {
        store
            .request_membership(
                &Membership {
                    network_id: network.id,
                    organization_id: *id,
                    state: MemberState::Member,
                    requested_by: None,
                    requested_at: now,
                    decided_by: None,
                    decided_at: Some(now),
                },
                &[],
            )
            .await?;
    }
    // The members' news besides places and events: 50 projects and 50 articles (made once).
    let mut csv = String::from("key;name_fi;lead;funders;starts_on;aims_fi\n");
    for (i, id) in ids.iter().take(members.min(50)).enumerate() {
        csv.push_str(&format!(
            "bench-{i};Työllisyyshanke {i};{id};stea;2026-01-01;Polkuja töihin ja koulutukseen.\n"
        ));
    }
    let report =
        crate::manage::projects::import(store.as_ref(), csv.as_bytes(), &|_| true, None, false)
            .await?;
    anyhow::ensure!(
        report.errors.is_empty(),
        "bench projects: {:?}",
        report.errors
    );
    for (i, id) in ids.iter().take(members.min(50)).enumerate() {
        let key = format!("bench-article-{i}");
        if store.article_by_key(&key).await?.is_some() {
            continue;
        }
        let a = crate::domain::articles::Article {
            id: crate::domain::ArticleId::new(),
            key: Some(key),
            lang: Lang::Fi,
            title: format!("Hyvä käytäntö {i}: työkokeilun sopiminen"),
            body: "## Miten sovitaan\n\nTyökokeilu sovitaan **kolmen kesken**: työnhakija, \
                järjestö ja TE-palvelut.\n\n- tavoitteet\n- kesto\n- ohjaaja\n"
                .into(),
            kind: crate::domain::articles::ArticleKind::GoodPractice,
            authors: vec![*id],
            topics: vec![],
            target_groups: vec![],
            licence: "CC-BY-4.0".into(),
            version: 1,
            created_by: None,
            created_at: now,
            updated_at: now,
        };
        let v = crate::domain::articles::ArticleVersion {
            article_id: a.id,
            version: 1,
            title: a.title.clone(),
            body: a.body.clone(),
            changed_by: None,
            changed_for: Some(*id),
            note: String::new(),
            changed_at: now,
        };
        store.save_article(&a, &v).await?;
    }
    let langs = [Lang::Fi, Lang::Sv, Lang::En];
    let have = store.subscribers(network.id).await?.len();
    for i in have..subscribers {
        let id = SubscriptionId::new();
        let s = Subscription {
            id,
            network_id: network.id,
            email: format!("lukija{i}@example.fi"),
            lang: langs[i % 3],
            token_hash: format!("bench-{id}"),
            created_at: now,
            confirmed_at: Some(now),
        };
        let confirm = crate::domain::mail::OutgoingMail::new(&s.email, "x".into(), "x".into());
        store.add_subscription(&s, &confirm).await?;
    }
    let subs = store.subscribers(network.id).await?;
    let keys = crate::accounts::keys::Keys::from_secret("bench-digest");
    let mut ms = Vec::with_capacity(runs);
    let mut last = (0, 0, 0, 0, 0);
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let d = crate::services::digests::build(
            &store,
            &network,
            now - time::Duration::days(7),
            crate::domain::now_micros(),
        )
        .await?;
        let mails: Vec<_> = subs
            .iter()
            .map(|s| d.mail(&keys, "https://kolmonen.example", s))
            .collect();
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        last = (
            d.places.len(),
            d.events.len(),
            d.projects.len(),
            d.articles.len(),
            mails.len(),
        );
    }
    let members_now = store
        .network_member_counts()
        .await?
        .into_iter()
        .find(|(n, _)| *n == network.id)
        .map(|(_, c)| c)
        .unwrap_or(0);
    let (p50, p99, mean) = crate::referrals::bench::percentiles(ms);
    println!(
        "digest of a network of {members_now} members: {} places, {} events, {} projects, {} articles, {} messages; p50 {p50:.1} ms, p99 {p99:.1} ms, mean {mean:.1} ms ({runs} runs)",
        last.0, last.1, last.2, last.3, last.4
    );
    Ok(())
}
