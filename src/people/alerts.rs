//! Saved searches with e-mail alerts: once a day each saved search is run again among the
//! open places added since it was last checked, and the person gets one digest with them.
//! Every digest carries a link that stops the alert without signing in.

use super::SavedSearch;
use crate::accounts::keys::Keys;
use crate::accounts::session::sha256_hex;
use crate::domain::Lang;
use crate::i18n::{t, t_args};
use crate::mail::OutgoingMail;
use crate::search::{SearchParams, Searcher, Sort};
use crate::store::{DynStore, StoreResult};
use time::OffsetDateTime;

/// How often a saved search is checked.
pub const PERIOD: time::Duration = time::Duration::days(1);
/// Saved searches one person may keep.
pub const MAX_PER_PERSON: usize = 20;
/// Places listed in one digest (the rest are behind the search link).
pub const MAX_IN_DIGEST: u32 = 20;
/// Longest query string kept.
pub const MAX_QUERY: usize = 1000;

/// The search a saved query runs: open places only, newest first.
pub fn request(s: &SavedSearch) -> crate::search::SearchRequest {
    let params: SearchParams = crate::search::query::parse_params(&s.query).unwrap_or_default();
    let (mut req, _) = params.check(s.lang);
    req.filters.retain(|(n, _)| *n != "type");
    req.filters.push(("type", "opportunity".into()));
    if !req.flags.contains(&"open") {
        req.flags.push("open");
    }
    req.sort = Sort::Newest;
    req.page = 1;
    req.per_page = MAX_IN_DIGEST;
    req
}

fn base(public_url: &str, lang: Lang) -> String {
    format!("{}/{}", public_url.trim_end_matches('/'), lang)
}

/// The token in an alert's stop link: the server key's signature of the alert, so it need
/// not be kept; the database keeps only its SHA-256 ([`unsubscribe_hash`]), like every other
/// token.
pub fn unsubscribe_token(keys: &Keys, id: &str) -> String {
    keys.sign("unsubscribe", &[id])
}

/// What the database keeps of an alert's stop token.
pub fn unsubscribe_hash(keys: &Keys, id: &str) -> String {
    sha256_hex(unsubscribe_token(keys, id).as_bytes())
}

/// The link that stops an alert.
pub fn unsubscribe_link(public_url: &str, s: &SavedSearch, keys: &Keys) -> String {
    format!(
        "{}/unsubscribe?token={}",
        base(public_url, s.lang),
        unsubscribe_token(keys, &s.id)
    )
}

/// Runs the alerts due at `now`: how many digests were queued.
pub async fn send_due(
    store: &DynStore,
    searcher: &Searcher,
    public_url: &str,
    keys: &Keys,
    now: OffsetDateTime,
) -> StoreResult<usize> {
    let at = crate::domain::micros(now);
    let mut sent = 0;
    loop {
        let due = store.due_saved_searches(at - PERIOD, 200).await?;
        if due.is_empty() {
            return Ok(sent);
        }
        for s in due {
            let req = request(&s);
            let found = searcher
                .created_since(&req, s.checked_at.unix_timestamp())
                .await?;
            let user = store.user_by_id(s.user_id).await?;
            let digest = match user {
                Some(u) if found.total > 0 && u.disabled_at.is_none() => {
                    let lang = s.lang;
                    let lines: Vec<String> = found
                        .hits
                        .iter()
                        .map(|h| {
                            format!(
                                "- {}\n  {}/opportunities/{}",
                                h.name.text(lang),
                                base(public_url, lang),
                                h.record_id
                            )
                        })
                        .collect();
                    Some(OutgoingMail::new(
                        u.email.as_str(),
                        t_args(
                            lang,
                            "alerts-mail-subject",
                            &[("count", found.total.into())],
                        ),
                        t_args(
                            lang,
                            "alerts-mail-body",
                            &[
                                ("count", found.total.into()),
                                ("list", lines.join("\n").into()),
                                (
                                    "link",
                                    format!("{}/search?{}", base(public_url, lang), s.query).into(),
                                ),
                                ("unsubscribe", unsubscribe_link(public_url, &s, keys).into()),
                            ],
                        ),
                    ))
                }
                _ => None,
            };
            // An alert saved before its token was kept hashed gets its hash now.
            let hash = unsubscribe_hash(keys, &s.id);
            if store
                .claim_saved_search(&s.id, s.checked_at, at, &hash, digest.as_ref())
                .await?
                && digest.is_some()
            {
                sent += 1;
            }
        }
    }
}

/// Checks the alerts every hour (each is due a day after its last check).
pub async fn run(
    store: DynStore,
    searcher: std::sync::Arc<Searcher>,
    public_url: String,
    keys: Keys,
) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match send_due(
            &store,
            &searcher,
            &public_url,
            &keys,
            OffsetDateTime::now_utc(),
        )
        .await
        {
            Ok(n) if n > 0 => tracing::info!(digests = n, "saved search alerts"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "saved search alerts"),
        }
    }
}

/// A label for a saved search: its words and filters, as the person reads them.
pub fn describe(s: &SavedSearch, lang: Lang) -> String {
    let params: SearchParams = crate::search::query::parse_params(&s.query).unwrap_or_default();
    let (req, _) = params.check(lang);
    let mut parts = Vec::new();
    if !req.q.is_empty() {
        parts.push(format!("”{}”", req.q));
    }
    for (name, value) in &req.filters {
        let v = match *name {
            "municipality" => crate::refdata::REF
                .municipality(value)
                .map(|m| m.name(lang).to_string())
                .unwrap_or_else(|| value.clone()),
            "topic" => crate::refdata::REF
                .taxonomies
                .topic(value)
                .map(|x| x.label.text(lang).to_string())
                .unwrap_or_else(|| value.clone()),
            "kind" => crate::refdata::REF
                .taxonomies
                .opportunity_type(value)
                .map(|x| x.label.text(lang).to_string())
                .unwrap_or_else(|| value.clone()),
            _ => value.clone(),
        };
        parts.push(v);
    }
    if !req.near_text.is_empty() {
        parts.push(match req.radius_km {
            Some(r) => format!("{} {r} km", req.near_text),
            None => req.near_text.clone(),
        });
    }
    if parts.is_empty() {
        t(lang, "alerts-everything")
    } else {
        parts.join(", ")
    }
}
