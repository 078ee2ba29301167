//! Events as use cases: the messages a sign-up brings (confirm the address, a place or the
//! waiting list, moved up, the event cancelled, a reminder the day before), each with the
//! person's own link to see or cancel their sign-up, and the hourly work: reminders, and
//! deleting participants' personal data 30 days after the event.

use crate::accounts::keys::Keys;
use crate::domain::events::{Event, Occurrence, Signup, SignupState, SIGNUP_RETENTION};
use crate::domain::mail::OutgoingMail;
use crate::domain::{helsinki, Lang, SignupId};
use crate::i18n::t_args;
use crate::store::{DynStore, EventQuery, StoreResult};
use time::{Duration, OffsetDateTime};

/// Saves an event and rebuilds its search document (an event cancelled or over has none).
pub async fn save(store: &dyn crate::store::Store, event: &Event) -> StoreResult<()> {
    store.save_event(event).await?;
    crate::search::reindex_events(store, &[event.id]).await?;
    Ok(())
}

/// The secret in a sign-up's own link: signed with the node's key over the sign-up's id, so
/// every message can carry it again; only its SHA-256 is stored.
pub fn signup_token(keys: &Keys, id: SignupId) -> String {
    keys.sign("event-signup", &[&id.to_string()])
}

/// The stored form of a sign-up's token.
pub fn token_hash(token: &str) -> String {
    crate::accounts::session::sha256_hex(token.as_bytes())
}

/// The person's page of their sign-up.
pub fn signup_link(public_url: &str, lang: Lang, token: &str) -> String {
    format!(
        "{}/{}/events/signup?token={}",
        public_url.trim_end_matches('/'),
        lang,
        token
    )
}

/// An event's time as a message says it: "10.3.2027 18.00–20.00".
pub fn when(starts_at: OffsetDateTime, ends_at: OffsetDateTime) -> String {
    let (s, e) = (helsinki::local(starts_at), helsinki::local(ends_at));
    if s.date() == e.date() {
        format!(
            "{}–{}.{:02}",
            helsinki::format(starts_at),
            e.hour(),
            e.minute()
        )
    } else {
        format!(
            "{}–{}",
            helsinki::format(starts_at),
            helsinki::format(ends_at)
        )
    }
}

/// A message about a sign-up (`mail-event-{key}-subject` / `-body`), in the person's language,
/// with the event's title and time and their link.
pub fn mail(
    keys: &Keys,
    public_url: &str,
    key: &str,
    event: &Event,
    s: &Signup,
    o: Occurrence,
) -> OutgoingMail {
    let link = signup_link(public_url, s.lang, &signup_token(keys, s.id));
    let args = [
        ("event", event.title.clone().into()),
        ("when", when(o.starts_at, o.ends_at).into()),
        ("link", link.into()),
    ];
    OutgoingMail::new(
        &s.email,
        t_args(s.lang, &format!("mail-event-{key}-subject"), &args),
        t_args(s.lang, &format!("mail-event-{key}-body"), &args),
    )
}

/// The occurrence a message speaks of: the next one, or the first when all have passed.
pub fn next_or_first(event: &Event, now: OffsetDateTime) -> Occurrence {
    event.next_occurrence(now).unwrap_or(Occurrence {
        starts_at: event.starts_at,
        ends_at: event.ends_at,
    })
}

/// The message a sign-up's new state brings.
pub fn state_key(state: SignupState) -> &'static str {
    match state {
        SignupState::Pending => "confirm",
        SignupState::Going => "going",
        SignupState::Waiting => "waiting",
        SignupState::Cancelled => "withdrawn",
    }
}

/// Tells those moved up from the waiting list.
pub async fn tell_moved_up(
    store: &DynStore,
    keys: &Keys,
    public_url: &str,
    event: &Event,
    moved: &[Signup],
) -> StoreResult<()> {
    let now = OffsetDateTime::now_utc();
    for s in moved {
        store
            .enqueue_mail(&mail(
                keys,
                public_url,
                "moved-up",
                event,
                s,
                next_or_first(event, now),
            ))
            .await?;
    }
    Ok(())
}

/// Reminds everyone with a place of an occurrence that starts tomorrow (Finnish date), once
/// per occurrence. Returns how many were reminded.
pub async fn remind(
    store: &DynStore,
    keys: &Keys,
    public_url: &str,
    now: OffsetDateTime,
) -> StoreResult<u64> {
    let tomorrow = helsinki::local(now).date() + Duration::days(1);
    let events = store
        .events(&EventQuery {
            ends_after: Some(now),
            limit: 100_000,
            ..EventQuery::default()
        })
        .await?;
    let mut n = 0;
    for e in events.iter().filter(|e| e.signup) {
        let Some(o) = e
            .occurrences()
            .into_iter()
            .find(|o| helsinki::local(o.starts_at).date() == tomorrow)
        else {
            continue;
        };
        for s in store.signups(e.id).await? {
            if s.state != SignupState::Going || s.reminded_for == Some(o.starts_at) {
                continue;
            }
            store
                .enqueue_mail(&mail(keys, public_url, "reminder", e, &s, o))
                .await?;
            store.mark_signup_reminded(s.id, o.starts_at).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// After places were freed without a cancellation (an account deleted with its sign-ups):
/// the waiting lists of these events move up, and those moved up are told.
pub async fn fill_freed_places(
    store: &DynStore,
    keys: &Keys,
    public_url: &str,
    events: &[crate::domain::EventId],
) -> StoreResult<()> {
    for id in events {
        let Some(event) = store.event(*id).await? else {
            continue;
        };
        let moved = store.fill_places(*id).await?;
        tell_moved_up(store, keys, public_url, &event, &moved).await?;
    }
    Ok(())
}

/// Deletes the participants of events that ended more than 30 days ago.
pub async fn purge(store: &DynStore, now: OffsetDateTime) -> StoreResult<u64> {
    store.purge_signups(now - SIGNUP_RETENTION).await
}

/// Every hour: reminders, then the deletion of old participants.
pub async fn run_every_hour(store: DynStore, public_url: String, keys: Keys) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let now = OffsetDateTime::now_utc();
        match remind(&store, &keys, &public_url, now).await {
            Ok(n) if n > 0 => tracing::info!(reminded = n, "event reminders"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "event reminders"),
        }
        match purge(&store, now).await {
            Ok(n) if n > 0 => tracing::info!(deleted = n, "participants of past events"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "participants of past events"),
        }
    }
}
