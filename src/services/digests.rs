//! A network's weekly digest: what its members added in the week (open places and events),
//! mailed every Monday morning to the confirmed subscribers, nothing when nothing is new;
//! the same news as an Atom feed. Each message carries the subscriber's own link and RFC 8058
//! one-click unsubscription.

use crate::accounts::keys::Keys;
use crate::domain::events::Event;
use crate::domain::mail::OutgoingMail;
use crate::domain::networks::{Network, Subscription, DIGEST_EVERY, UNCONFIRMED_KEPT};
use crate::domain::Opportunity;
use crate::domain::{helsinki, Lang, OrganizationId, SubscriptionId};
use crate::i18n::{t, t_args};
use crate::refdata::REF;
use crate::store::{DynStore, EventQuery, StoreResult};
use std::collections::HashMap;
use time::{Duration, OffsetDateTime, Time};

/// At most this many places and this many events in one digest (the rest: "and N more" with
/// the network's page).
pub const MAX_ITEMS: u32 = 50;

/// The secret in a subscription's own link, signed over its id: every digest carries it
/// again; only its SHA-256 is stored.
pub fn token(keys: &Keys, id: SubscriptionId) -> String {
    keys.sign("network-subscription", &[&id.to_string()])
}

/// The subscription whose own link carries this secret (none for anything that cannot be one).
pub async fn subscription_of_link(
    store: &DynStore,
    token: &str,
) -> StoreResult<Option<Subscription>> {
    match crate::services::link_secret_hash(token) {
        Some(hash) => store.subscription_by_token(&hash).await,
        None => Ok(None),
    }
}

/// The subscriber's page: confirm, or unsubscribe with one button.
pub fn subscription_link(public_url: &str, lang: Lang, token: &str) -> String {
    format!(
        "{}/{}/networks/subscription?token={}",
        public_url.trim_end_matches('/'),
        lang,
        token
    )
}

/// Where mail programs POST `List-Unsubscribe=One-Click` (RFC 8058).
pub fn one_click_link(public_url: &str, token: &str) -> String {
    format!(
        "{}/api/v1/networks/unsubscribe?token={}",
        public_url.trim_end_matches('/'),
        token
    )
}

/// When the digest covering the week up to now went out: the last Monday 7.00 in Finland at or
/// before `now`.
pub fn digest_moment(now: OffsetDateTime) -> OffsetDateTime {
    let today = helsinki::local(now).date();
    let back = i64::from(today.weekday().number_days_from_monday());
    let monday = today - Duration::days(back);
    let at = helsinki::at(monday, Time::from_hms(7, 0, 0).expect("a time"));
    if at <= now {
        at
    } else {
        helsinki::at(
            monday - Duration::days(7),
            Time::from_hms(7, 0, 0).expect("a time"),
        )
    }
}

/// An open place in a digest.
#[derive(Debug, Clone)]
pub struct Place {
    pub opportunity: Opportunity,
    pub organization: String,
}

/// What is new in a network in `[since, until)`.
#[derive(Debug, Clone)]
pub struct Digest {
    pub network: Network,
    pub since: OffsetDateTime,
    pub until: OffsetDateTime,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    /// Projects the members added.
    pub projects: Vec<crate::domain::projects::Project>,
    /// Articles the members wrote or changed.
    pub articles: Vec<crate::domain::articles::Article>,
    /// The organizers', leads' and authors' names.
    pub names: HashMap<OrganizationId, String>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
            && self.events.is_empty()
            && self.projects.is_empty()
            && self.articles.is_empty()
    }

    /// Organizations by name, joined.
    pub fn names_of(&self, ids: &[OrganizationId]) -> String {
        ids.iter()
            .filter_map(|o| self.names.get(o).cloned())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The organizers of an event, by name.
    pub fn organizers(&self, e: &Event) -> String {
        e.organizers
            .iter()
            .filter_map(|o| self.names.get(o).cloned())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The message text in `lang` (without the subscriber's own link).
    pub fn text(&self, lang: Lang, public_url: &str) -> (String, String) {
        let base = format!("{}/{}", public_url.trim_end_matches('/'), lang);
        let network = self.network.name.clone();
        let period = format!(
            "{}–{}",
            crate::i18n::date(lang, helsinki::local(self.since).date()),
            crate::i18n::date(lang, helsinki::local(self.until).date())
        );
        let mut body = t_args(
            lang,
            "mail-digest-intro",
            &[
                ("network", network.clone().into()),
                ("period", period.into()),
            ],
        );
        body.push_str("\n\n");
        if !self.places.is_empty() {
            body.push_str(&t_args(
                lang,
                "mail-digest-places",
                &[("count", (self.places.len() as i64).into())],
            ));
            body.push('\n');
            for p in &self.places {
                let o = &p.opportunity;
                body.push_str(&format!(
                    "- {}: {} ({})\n  {base}/opportunities/{}\n",
                    place_kind(o, lang),
                    o.title.text(lang),
                    p.organization,
                    o.id
                ));
            }
            body.push('\n');
        }
        if !self.events.is_empty() {
            body.push_str(&t_args(
                lang,
                "mail-digest-events",
                &[("count", (self.events.len() as i64).into())],
            ));
            body.push('\n');
            for e in &self.events {
                body.push_str(&format!(
                    "- {} {} ({})\n  {base}/events/{}\n",
                    super::events::when(e.starts_at, e.ends_at),
                    e.title,
                    self.organizers(e),
                    e.id
                ));
            }
            body.push('\n');
        }
        if !self.projects.is_empty() {
            body.push_str(&t_args(
                lang,
                "mail-digest-projects",
                &[("count", (self.projects.len() as i64).into())],
            ));
            body.push('\n');
            for p in &self.projects {
                body.push_str(&format!(
                    "- {} ({})\n  {base}/projects/{}\n",
                    p.name.text(lang),
                    self.names_of(&[p.lead]),
                    p.id
                ));
            }
            body.push('\n');
        }
        if !self.articles.is_empty() {
            body.push_str(&t_args(
                lang,
                "mail-digest-articles",
                &[("count", (self.articles.len() as i64).into())],
            ));
            body.push('\n');
            for a in &self.articles {
                body.push_str(&format!(
                    "- {} ({})\n  {base}/articles/{}\n",
                    a.title,
                    self.names_of(&a.authors),
                    a.id
                ));
            }
            body.push('\n');
        }
        body.push_str(&t_args(
            lang,
            "mail-digest-more",
            &[(
                "link",
                format!("{base}/networks/{}", self.network.id).into(),
            )],
        ));
        let subject = t_args(lang, "mail-digest-subject", &[("network", network.into())]);
        (subject, body)
    }

    /// The message to one subscriber: the text in their language, their own link and the
    /// one-click unsubscription headers.
    pub fn mail(&self, keys: &Keys, public_url: &str, s: &Subscription) -> OutgoingMail {
        let token = token(keys, s.id);
        let (subject, mut body) = self.text(s.lang, public_url);
        body.push_str("\n\n");
        body.push_str(&t_args(
            s.lang,
            "mail-digest-unsubscribe",
            &[("link", subscription_link(public_url, s.lang, &token).into())],
        ));
        OutgoingMail::new(&s.email, subject, body)
            .with_unsubscribe(&one_click_link(public_url, &token))
    }
}

/// A place's kind as a person reads it ("Työkokeilu").
pub fn place_kind(o: &Opportunity, lang: Lang) -> String {
    REF.taxonomies
        .opportunity_type(o.kind.as_str())
        .map(|t| t.label.text(lang).to_string())
        .unwrap_or_else(|| t(lang, "networks-digest-place"))
}

/// What the network's members added in `[since, until)`.
pub async fn build(
    store: &DynStore,
    network: &Network,
    since: OffsetDateTime,
    until: OffsetDateTime,
) -> StoreResult<Digest> {
    let ids = store
        .new_member_opportunities(network.id, since, until, MAX_ITEMS)
        .await?;
    let mut opportunities = store.opportunities_by_id(&ids).await?;
    opportunities.sort_by_key(|o| (o.updated_at, o.id));
    let events = store
        .events(&EventQuery {
            network_or_members: Some(network.id),
            created_in: Some((since, until)),
            ends_after: Some(until),
            limit: MAX_ITEMS,
            ..EventQuery::default()
        })
        .await?;
    let members: Vec<OrganizationId> = store
        .network_members(network.id)
        .await?
        .into_iter()
        .filter(|m| m.state == crate::domain::networks::MemberState::Member)
        .map(|m| m.organization_id)
        .collect();
    let (projects, articles) = if members.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let projects = store
            .projects(&crate::store::ProjectQuery {
                organizations: members.clone(),
                created_in: Some((since, until)),
                limit: MAX_ITEMS,
                ..Default::default()
            })
            .await?;
        let articles = store
            .articles(&crate::store::ArticleQuery {
                authors: members,
                updated_in: Some((since, until)),
                limit: MAX_ITEMS,
                ..Default::default()
            })
            .await?;
        (projects, articles)
    };
    let mut orgs: Vec<OrganizationId> = opportunities.iter().map(|o| o.organization_id).collect();
    orgs.extend(events.iter().flat_map(|e| e.organizers.iter().copied()));
    orgs.extend(projects.iter().map(|p| p.lead));
    orgs.extend(articles.iter().flat_map(|a| a.authors.iter().copied()));
    orgs.sort();
    orgs.dedup();
    let names: HashMap<OrganizationId, String> = store
        .organizations_by_id(&orgs)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let places = opportunities
        .into_iter()
        .map(|o| Place {
            organization: names.get(&o.organization_id).cloned().unwrap_or_default(),
            opportunity: o,
        })
        .collect();
    Ok(Digest {
        network: network.clone(),
        since,
        until,
        places,
        events,
        projects,
        articles,
        names,
    })
}

/// Sends the digests due at `now`: each network with subscribers gets one covering the week
/// up to the last Monday morning (at most a week back), once, from one node; nothing is sent
/// when nothing is new. Returns how many messages were queued.
pub async fn send_due(
    store: &DynStore,
    keys: &Keys,
    public_url: &str,
    now: OffsetDateTime,
) -> StoreResult<usize> {
    let until = digest_moment(now);
    let mut queued = 0;
    for (id, previous) in store.digests_due(until).await? {
        let Some(network) = store.network(id).await? else {
            continue;
        };
        let since = previous
            .unwrap_or(until - DIGEST_EVERY)
            .max(until - DIGEST_EVERY);
        let digest = build(store, &network, since, until).await?;
        let mails: Vec<OutgoingMail> = if digest.is_empty() {
            Vec::new()
        } else {
            store
                .subscribers(id)
                .await?
                .iter()
                .map(|s| digest.mail(keys, public_url, s))
                .collect()
        };
        if store.record_digest(id, previous, until, &mails).await? {
            queued += mails.len();
        }
    }
    Ok(queued)
}

/// Every hour: the digests due, and forgetting subscriptions never confirmed.
pub async fn run_every_hour(store: DynStore, public_url: String, keys: Keys) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let now = OffsetDateTime::now_utc();
        match send_due(&store, &keys, &public_url, now).await {
            Ok(n) if n > 0 => tracing::info!(messages = n, "network digests"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "network digests"),
        }
        match store
            .purge_unconfirmed_subscriptions(now - UNCONFIRMED_KEPT)
            .await
        {
            Ok(n) if n > 0 => tracing::info!(deleted = n, "unconfirmed digest subscriptions"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "unconfirmed digest subscriptions"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Weekday;

    #[test]
    fn the_digest_goes_out_on_monday_morning_in_finland() {
        // Monday 7 December 2026, 7.00 in Helsinki is 5.00 UTC (winter time).
        let monday = datetime!(2026-12-07 05:00 UTC);
        assert_eq!(digest_moment(monday), monday);
        assert_eq!(digest_moment(datetime!(2026-12-10 12:00 UTC)), monday);
        assert_eq!(
            digest_moment(datetime!(2026-12-07 04:59 UTC)),
            datetime!(2026-11-30 05:00 UTC)
        );
        // Summer time: 7.00 is 4.00 UTC.
        assert_eq!(
            digest_moment(datetime!(2027-06-09 12:00 UTC)),
            datetime!(2027-06-07 04:00 UTC)
        );
        assert_eq!(
            digest_moment(datetime!(2027-06-09 12:00 UTC)).weekday(),
            Weekday::Monday
        );
    }
}
