//! Keeping records fresh: when a record has gone 6 months without being confirmed, the people
//! of its organization get a reminder; at 12 months another, and the record is shown as stale
//! in search and on its page (see `domain::is_stale`). Run daily by every node; a reminder is
//! claimed in the database before it is sent, so it goes out once.

use crate::domain::{Lang, OrganizationId};
use crate::i18n::t_args;
use crate::mail::OutgoingMail;
use crate::store::{DynStore, StoreResult};
use std::collections::{BTreeMap, HashMap};
use time::{Duration, OffsetDateTime};

pub const FIRST: Duration = Duration::days(183);
pub const SECOND: Duration = crate::domain::STALE_AFTER;

/// The stage (6 or 12 months) a record confirmed at `last` has reached at `now`, if any.
pub fn stage(last: OffsetDateTime, now: OffsetDateTime) -> Option<i32> {
    let age = now - last;
    if age > SECOND {
        Some(12)
    } else if age > FIRST {
        Some(6)
    } else {
        None
    }
}

/// Sends the reminders due now; how many messages went into the outbox.
pub async fn remind(store: &DynStore, public_url: &str, now: OffsetDateTime) -> StoreResult<usize> {
    let sent: HashMap<(String, i32), OffsetDateTime> = store
        .freshness_reminders()
        .await?
        .into_iter()
        .map(|r| ((r.record_id, r.stage), r.sent_at))
        .collect();
    // Per organization and stage: how many records are due.
    let mut due: BTreeMap<(OrganizationId, i32), usize> = BTreeMap::new();
    for record in store.freshness_records().await? {
        let (id, org, last) = (record.id, record.organization_id, record.last_verified_at);
        let Some(stage) = stage(last, now) else {
            continue;
        };
        // A reminder sent before the last confirmation is for an earlier round.
        if sent.get(&(id.clone(), stage)).is_some_and(|at| *at >= last) {
            continue;
        }
        if store
            .claim_freshness_reminder(&id, stage, org, now, last)
            .await?
        {
            *due.entry((org, stage)).or_default() += 1;
        }
    }
    let mut messages = 0;
    for ((org, stage), count) in due {
        let Some(organization) = store.organization(org).await? else {
            continue;
        };
        let lang = Lang::Fi;
        let desk = format!(
            "{}/{}/organizations/{org}/manage",
            public_url.trim_end_matches('/'),
            lang
        );
        for user in store.users_of_organization(org).await? {
            if user.disabled_at.is_some() || user.email_verified_at.is_none() {
                continue;
            }
            let args = [
                ("organization", organization.name.clone().into()),
                ("count", (count as i64).into()),
                ("link", desk.clone().into()),
            ];
            let key = if stage == 12 {
                "mail-stale"
            } else {
                "mail-freshness"
            };
            store
                .enqueue_mail(&OutgoingMail::new(
                    user.email.as_str(),
                    t_args(lang, &format!("{key}-subject"), &args),
                    t_args(lang, &format!("{key}-body"), &args),
                ))
                .await?;
            messages += 1;
        }
    }
    Ok(messages)
}

/// Runs `remind` once a day for as long as the server runs.
pub async fn run(store: DynStore, public_url: String) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(24 * 3600));
    loop {
        tick.tick().await;
        match remind(&store, &public_url, OffsetDateTime::now_utc()).await {
            Ok(n) if n > 0 => tracing::info!(messages = n, "freshness reminders"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "freshness reminders"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_at_six_and_twelve_months() {
        let now = OffsetDateTime::now_utc();
        assert_eq!(stage(now - Duration::days(100), now), None);
        assert_eq!(stage(now - Duration::days(190), now), Some(6));
        assert_eq!(stage(now - Duration::days(366), now), Some(12));
    }
}
