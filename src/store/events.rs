//! Events, their organizers and sign-ups, and each account's calendar feed. The same SQL for
//! both engines. Every change to an event's sign-ups first raises the event's
//! `signup_version`: that write takes the row's lock (PostgreSQL) or the database's write lock
//! (SQLite), so two people racing for the last place are served one after the other.

use super::sql::{from_json, parse_enum, parse_id, to_json, PostgresStore, SqliteStore};
use super::StoreResult;
use crate::domain::events::{place_for, Event, EventKind, Signup, SignupState};
use crate::domain::{
    from_micros, unix_micros, EventId, LocationId, NetworkId, OrganizationId, SignupId, UserId,
};
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

/// Which events a list or feed shows.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    pub municipality: Option<String>,
    pub network: Option<NetworkId>,
    pub organization: Option<OrganizationId>,
    /// A target group id.
    pub audience: Option<String>,
    /// Only events whose last occurrence ends after this (upcoming, or a feed's window).
    pub ends_after: Option<OffsetDateTime>,
    /// Only events that ended before this (past), the latest first.
    pub ended_before: Option<OffsetDateTime>,
    pub include_cancelled: bool,
    /// Events of this network, or organized by one of its members (a digest's news).
    pub network_or_members: Option<NetworkId>,
    /// Only events added in `[from, to)`.
    pub created_in: Option<(OffsetDateTime, OffsetDateTime)>,
    /// Only these events (empty: no such limit).
    pub ids: Vec<EventId>,
    /// Only events organized by one of these organizations (empty: no such limit).
    pub organized_by: Vec<OrganizationId>,
    pub limit: u32,
    /// Skip this many (paging).
    pub offset: u32,
}

/// One event of a feed, as far as knowing whether it changed needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventStamp {
    pub id: EventId,
    pub updated_at: i64,
    pub sequence: u32,
}

/// What adding a sign-up did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignupAdded {
    /// Added in this state.
    Added(SignupState),
    /// The address has a sign-up to this event already (not cancelled): nothing written.
    Already,
}

#[async_trait]
pub trait EventStore: Send + Sync {
    /// Adds or changes an event with its organizers.
    async fn save_event(&self, e: &Event) -> StoreResult<()>;
    async fn event(&self, id: EventId) -> StoreResult<Option<Event>>;
    /// Events as the query says: upcoming by start, past by end (latest first).
    async fn events(&self, q: &EventQuery) -> StoreResult<Vec<Event>>;
    /// How many events the query matches (its limit and offset aside).
    async fn count_events(&self, q: &EventQuery) -> StoreResult<u64>;
    /// What changes whenever the events a query chooses change (one added, changed, cancelled
    /// or out of the window; an organizer renamed changes its events): for caching a feed
    /// built from them.
    async fn events_fingerprint(&self, q: &EventQuery) -> StoreResult<String>;
    /// The events' ids with their latest change and `SEQUENCE`, in the order of
    /// [`EventStore::events`]: which ones a feed built before can keep as they were.
    async fn event_stamps(&self, q: &EventQuery) -> StoreResult<Vec<EventStamp>>;
    /// Adds a sign-up. A pending one waits for its address to be confirmed; any other takes
    /// a place while places are left, else joins the waiting list.
    async fn add_signup(&self, s: &Signup) -> StoreResult<SignupAdded>;
    /// A pending sign-up's address confirmed: it takes a place or joins the waiting list.
    /// `None`: it was not pending.
    async fn confirm_signup(
        &self,
        id: SignupId,
        at: OffsetDateTime,
    ) -> StoreResult<Option<SignupState>>;
    /// Cancels a sign-up; those moved up from the waiting list into the freed places are
    /// returned. `None`: it was cancelled already.
    async fn cancel_signup(&self, id: SignupId) -> StoreResult<Option<Vec<Signup>>>;
    /// Moves the waiting list up into free places (after capacity was raised).
    async fn fill_places(&self, event: EventId) -> StoreResult<Vec<Signup>>;
    async fn signup_by_token(&self, token_hash: &str) -> StoreResult<Option<Signup>>;
    /// An event's sign-ups, in the order confirmed (pending ones last).
    async fn signups(&self, event: EventId) -> StoreResult<Vec<Signup>>;
    /// An account's sign-ups.
    async fn signups_of_user(&self, user: UserId) -> StoreResult<Vec<Signup>>;
    async fn mark_signup_reminded(
        &self,
        id: SignupId,
        occurrence: OffsetDateTime,
    ) -> StoreResult<()>;
    /// Deletes the sign-ups (names, addresses, needs) of events that ended before `before`.
    async fn purge_signups(&self, before: OffsetDateTime) -> StoreResult<u64>;
    /// The nonce an account's calendar feed address is signed over, if it has one.
    async fn calendar_nonce(&self, user: UserId) -> StoreResult<Option<String>>;
    /// Sets (or renews) an account's calendar feed nonce.
    async fn set_calendar_nonce(
        &self,
        user: UserId,
        nonce: &str,
        at: OffsetDateTime,
    ) -> StoreResult<()>;
}

const EVENT_COLS: &str = "id, kind, title, description, network_id, location_id, place, municipality_code, online_url, starts_at, ends_at, recurrence, audience, languages, cost, accessibility, capacity, signup, cancelled, sequence, created_by, created_at, updated_at";
const SIGNUP_COLS: &str = "id, event_id, user_id, name, email, needs, lang, state, token_hash, created_at, confirmed_at, reminded_for";

macro_rules! events_store {
    ($store:ident, $db:ty) => {
        impl $store {
            fn event_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Event> {
                let opt = |c: &str| -> StoreResult<Option<String>> { Ok(r.try_get::<Option<String>, _>(c)?) };
                Ok(Event {
                    id: parse_id(&r.try_get::<String, _>("id")?, EventId::parse)?,
                    kind: parse_enum(&r.try_get::<String, _>("kind")?, EventKind::parse)?,
                    title: r.try_get("title")?,
                    description: r.try_get("description")?,
                    organizers: Vec::new(),
                    network_id: opt("network_id")?.map(|s| parse_id(&s, NetworkId::parse)).transpose()?,
                    location_id: opt("location_id")?.map(|s| parse_id(&s, LocationId::parse)).transpose()?,
                    place: r.try_get("place")?,
                    municipality_code: opt("municipality_code")?,
                    online_url: opt("online_url")?,
                    starts_at: from_micros(r.try_get("starts_at")?),
                    ends_at: from_micros(r.try_get("ends_at")?),
                    recurrence: opt("recurrence")?.map(|s| from_json(&s)).transpose()?,
                    audience: from_json(&r.try_get::<String, _>("audience")?)?,
                    languages: from_json(&r.try_get::<String, _>("languages")?)?,
                    cost: r.try_get("cost")?,
                    accessibility: r.try_get("accessibility")?,
                    capacity: r.try_get::<Option<i64>, _>("capacity")?.map(|c| c.clamp(0, i64::from(u32::MAX)) as u32),
                    signup: r.try_get("signup")?,
                    cancelled: r.try_get("cancelled")?,
                    sequence: r.try_get::<i64, _>("sequence")?.clamp(0, i64::from(u32::MAX)) as u32,
                    created_by: opt("created_by")?.map(|s| parse_id(&s, UserId::parse)).transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            fn signup_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Signup> {
                Ok(Signup {
                    id: parse_id(&r.try_get::<String, _>("id")?, SignupId::parse)?,
                    event_id: parse_id(&r.try_get::<String, _>("event_id")?, EventId::parse)?,
                    user_id: r.try_get::<Option<String>, _>("user_id")?.map(|s| parse_id(&s, UserId::parse)).transpose()?,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    needs: r.try_get("needs")?,
                    lang: crate::domain::Lang::parse(&r.try_get::<String, _>("lang")?).unwrap_or(crate::domain::Lang::Fi),
                    state: parse_enum(&r.try_get::<String, _>("state")?, SignupState::parse)?,
                    token_hash: r.try_get("token_hash")?,
                    created_at: from_micros(r.try_get("created_at")?),
                    confirmed_at: r.try_get::<Option<i64>, _>("confirmed_at")?.map(from_micros),
                    reminded_for: r.try_get::<Option<i64>, _>("reminded_for")?.map(from_micros),
                })
            }

            /// The WHERE clauses of an event query.
            fn event_filter<'q>(b: &mut sqlx::QueryBuilder<'q, $db>, q: &EventQuery) {
                if let Some(m) = &q.municipality {
                    b.push(" AND municipality_code = ").push_bind(m.clone());
                }
                if let Some(n) = q.network {
                    b.push(" AND network_id = ").push_bind(n.to_string());
                }
                if let Some(o) = q.organization {
                    b.push(" AND id IN (SELECT event_id FROM event_organizers WHERE organization_id = ")
                        .push_bind(o.to_string())
                        .push(")");
                }
                if let Some(a) = &q.audience {
                    // The ids are JSON strings in a JSON array.
                    b.push(" AND audience LIKE ").push_bind(format!("%{}%", to_json(a)));
                }
                if let Some(t) = q.ends_after {
                    b.push(" AND last_ends_at > ").push_bind(unix_micros(t));
                }
                if let Some(t) = q.ended_before {
                    b.push(" AND last_ends_at <= ").push_bind(unix_micros(t));
                }
                if !q.include_cancelled {
                    b.push(" AND cancelled = ").push_bind(false);
                }
                if let Some(n) = q.network_or_members {
                    b.push(" AND (network_id = ")
                        .push_bind(n.to_string())
                        .push(
                            " OR id IN (SELECT o.event_id FROM event_organizers o
                              JOIN network_members m ON m.organization_id = o.organization_id
                              WHERE m.state = 'member' AND m.network_id = ",
                        )
                        .push_bind(n.to_string())
                        .push("))");
                }
                // " AND id IN (<subquery start>$1, $2…<end>)": a list of ids to keep.
                let mut keep = |start: &str, ids: Vec<String>, end: &str| {
                    if ids.is_empty() {
                        return;
                    }
                    b.push(" AND id IN (").push(start);
                    let mut sep = b.separated(", ");
                    for id in ids {
                        sep.push_bind(id);
                    }
                    b.push(end).push(")");
                };
                keep("", q.ids.iter().map(|i| i.to_string()).collect(), "");
                keep(
                    "SELECT event_id FROM event_organizers WHERE organization_id IN (",
                    q.organized_by.iter().map(|o| o.to_string()).collect(),
                    ")",
                );
                if let Some((from, to)) = q.created_in {
                    b.push(" AND created_at >= ")
                        .push_bind(unix_micros(from))
                        .push(" AND created_at < ")
                        .push_bind(unix_micros(to));
                }
            }

            /// `SELECT cols FROM events` as the query chooses, in a list's order.
            fn events_in_order<'q>(cols: &str, q: &EventQuery) -> sqlx::QueryBuilder<'q, $db> {
                let mut b = sqlx::QueryBuilder::<$db>::new(format!("SELECT {cols} FROM events WHERE 1 = 1"));
                Self::event_filter(&mut b, q);
                b.push(if q.ended_before.is_some() {
                    " ORDER BY last_ends_at DESC, id"
                } else {
                    " ORDER BY starts_at, id"
                });
                b.push(" LIMIT ").push_bind(i64::from(q.limit.max(1)));
                b.push(" OFFSET ").push_bind(i64::from(q.offset));
                b
            }

            /// Fills in the organizers of these events (in their order), a thousand at a time.
            async fn with_organizers(&self, mut events: Vec<Event>) -> StoreResult<Vec<Event>> {
                let mut found: std::collections::HashMap<String, Vec<(i64, OrganizationId)>> =
                    std::collections::HashMap::new();
                for chunk in events.chunks(1000) {
                    let mut q = sqlx::QueryBuilder::<$db>::new(
                        "SELECT event_id, organization_id, position FROM event_organizers WHERE event_id IN (",
                    );
                    let mut sep = q.separated(", ");
                    for e in chunk {
                        sep.push_bind(e.id.to_string());
                    }
                    q.push(")");
                    let rows: Vec<(String, String, i64)> = q.build_query_as().fetch_all(&self.pool).await?;
                    for (e, o, p) in rows {
                        found.entry(e).or_default().push((p, parse_id(&o, OrganizationId::parse)?));
                    }
                }
                for e in &mut events {
                    if let Some(mut orgs) = found.remove(&e.id.to_string()) {
                        orgs.sort();
                        e.organizers = orgs.into_iter().map(|(_, o)| o).collect();
                    }
                }
                Ok(events)
            }

            /// Takes the event's sign-up lock (see the module's note) inside a transaction;
            /// `Some(capacity)` when the event is there.
            async fn lock_signups(
                tx: &mut sqlx::Transaction<'_, $db>,
                event: &str,
            ) -> StoreResult<Option<Option<u32>>> {
                let row: Option<(Option<i64>,)> = sqlx::query_as(
                    "UPDATE events SET signup_version = signup_version + 1 WHERE id = $1 RETURNING capacity",
                )
                .bind(event)
                .fetch_optional(&mut **tx)
                .await?;
                Ok(row.map(|(c,)| c.map(|c| c.clamp(0, i64::from(u32::MAX)) as u32)))
            }

            async fn going(tx: &mut sqlx::Transaction<'_, $db>, event: &str) -> StoreResult<u64> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM event_signups WHERE event_id = $1 AND state = 'going'")
                    .bind(event)
                    .fetch_one(&mut **tx)
                    .await?;
                Ok(n.max(0) as u64)
            }

            /// Moves the waiting list up into the free places, in the order confirmed.
            async fn promote(
                tx: &mut sqlx::Transaction<'_, $db>,
                event: &str,
                capacity: Option<u32>,
            ) -> StoreResult<Vec<Signup>> {
                let going = Self::going(tx, event).await?;
                let free = match capacity {
                    None => i64::MAX,
                    Some(c) => i64::from(c) - going as i64,
                };
                if free <= 0 {
                    return Ok(Vec::new());
                }
                let rows = sqlx::query(&format!(
                    "SELECT {SIGNUP_COLS} FROM event_signups WHERE event_id = $1 AND state = 'waiting' ORDER BY confirmed_at, id LIMIT $2"
                ))
                .bind(event)
                .bind(free.min(100_000))
                .fetch_all(&mut **tx)
                .await?;
                let mut moved = Vec::new();
                for r in &rows {
                    let mut s = Self::signup_from(r)?;
                    sqlx::query("UPDATE event_signups SET state = 'going' WHERE id = $1")
                        .bind(s.id.to_string())
                        .execute(&mut **tx)
                        .await?;
                    s.state = SignupState::Going;
                    moved.push(s);
                }
                Ok(moved)
            }
        }

        #[async_trait]
        impl EventStore for $store {
            async fn save_event(&self, e: &Event) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                sqlx::query(
                    "INSERT INTO events (id, kind, title, description, network_id, location_id, place, municipality_code, online_url,
                       starts_at, ends_at, last_ends_at, recurrence, audience, languages, cost, accessibility, capacity, signup,
                       cancelled, sequence, created_by, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
                     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, description = excluded.description,
                       network_id = excluded.network_id, location_id = excluded.location_id, place = excluded.place,
                       municipality_code = excluded.municipality_code, online_url = excluded.online_url,
                       starts_at = excluded.starts_at, ends_at = excluded.ends_at, last_ends_at = excluded.last_ends_at,
                       recurrence = excluded.recurrence, audience = excluded.audience, languages = excluded.languages,
                       cost = excluded.cost, accessibility = excluded.accessibility, capacity = excluded.capacity,
                       signup = excluded.signup, cancelled = excluded.cancelled, sequence = excluded.sequence,
                       updated_at = excluded.updated_at",
                )
                .bind(e.id.to_string())
                .bind(e.kind.as_str())
                .bind(&e.title)
                .bind(&e.description)
                .bind(e.network_id.map(|n| n.to_string()))
                .bind(e.location_id.map(|l| l.to_string()))
                .bind(&e.place)
                .bind(&e.municipality_code)
                .bind(&e.online_url)
                .bind(unix_micros(e.starts_at))
                .bind(unix_micros(e.ends_at))
                .bind(unix_micros(e.last_end()))
                .bind(e.recurrence.as_ref().map(to_json))
                .bind(to_json(&e.audience))
                .bind(to_json(&e.languages))
                .bind(&e.cost)
                .bind(&e.accessibility)
                .bind(e.capacity.map(i64::from))
                .bind(e.signup)
                .bind(e.cancelled)
                .bind(i64::from(e.sequence))
                .bind(e.created_by.map(|u| u.to_string()))
                .bind(unix_micros(e.created_at))
                .bind(unix_micros(e.updated_at))
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM event_organizers WHERE event_id = $1")
                    .bind(e.id.to_string())
                    .execute(&mut *tx)
                    .await?;
                for (i, o) in e.organizers.iter().enumerate() {
                    sqlx::query("INSERT INTO event_organizers (event_id, organization_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .bind(e.id.to_string())
                        .bind(o.to_string())
                        .bind(i as i64)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn event(&self, id: EventId) -> StoreResult<Option<Event>> {
                let row = sqlx::query(&format!("SELECT {EVENT_COLS} FROM events WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                let Some(e) = row.as_ref().map(Self::event_from).transpose()? else {
                    return Ok(None);
                };
                Ok(self.with_organizers(vec![e]).await?.pop())
            }

            async fn events(&self, q: &EventQuery) -> StoreResult<Vec<Event>> {
                let rows = Self::events_in_order(EVENT_COLS, q).build().fetch_all(&self.pool).await?;
                let events = rows.iter().map(Self::event_from).collect::<StoreResult<Vec<_>>>()?;
                self.with_organizers(events).await
            }

            async fn event_stamps(&self, q: &EventQuery) -> StoreResult<Vec<EventStamp>> {
                let rows: Vec<(String, i64, i64)> = Self::events_in_order("id, updated_at, sequence", q)
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(id, updated_at, sequence)| {
                        Ok(EventStamp {
                            id: parse_id(&id, EventId::parse)?,
                            updated_at,
                            sequence: u32::try_from(sequence).unwrap_or(0),
                        })
                    })
                    .collect()
            }

            async fn events_fingerprint(&self, q: &EventQuery) -> StoreResult<String> {
                let mut b = sqlx::QueryBuilder::<$db>::new(
                    "SELECT COUNT(*), COALESCE(MAX(updated_at), 0), CAST(COALESCE(SUM(sequence), 0) AS BIGINT), COALESCE(MAX(starts_at), 0) FROM events WHERE 1 = 1",
                );
                Self::event_filter(&mut b, q);
                let (n, updated, sequences, last): (i64, i64, i64, i64) =
                    b.build_query_as().fetch_one(&self.pool).await?;
                Ok(format!("{n}-{updated}-{sequences}-{last}"))
            }

            async fn count_events(&self, q: &EventQuery) -> StoreResult<u64> {
                let mut b = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM events WHERE 1 = 1");
                Self::event_filter(&mut b, q);
                let n: i64 = b.build_query_scalar().fetch_one(&self.pool).await?;
                Ok(n.max(0) as u64)
            }

            async fn add_signup(&self, s: &Signup) -> StoreResult<SignupAdded> {
                let mut tx = self.pool.begin().await?;
                let event = s.event_id.to_string();
                let Some(capacity) = Self::lock_signups(&mut tx, &event).await? else {
                    return Ok(SignupAdded::Already);
                };
                let taken: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM event_signups WHERE event_id = $1 AND LOWER(email) = LOWER($2) AND state <> 'cancelled'",
                )
                .bind(&event)
                .bind(&s.email)
                .fetch_one(&mut *tx)
                .await?;
                if taken > 0 {
                    return Ok(SignupAdded::Already);
                }
                let state = match s.state {
                    SignupState::Pending => SignupState::Pending,
                    _ => place_for(capacity, Self::going(&mut tx, &event).await?),
                };
                sqlx::query(&format!(
                    "INSERT INTO event_signups ({SIGNUP_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)"
                ))
                .bind(s.id.to_string())
                .bind(&event)
                .bind(s.user_id.map(|u| u.to_string()))
                .bind(&s.name)
                .bind(&s.email)
                .bind(&s.needs)
                .bind(s.lang.code())
                .bind(state.as_str())
                .bind(&s.token_hash)
                .bind(unix_micros(s.created_at))
                .bind(s.confirmed_at.map(unix_micros))
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(SignupAdded::Added(state))
            }

            async fn confirm_signup(&self, id: SignupId, at: OffsetDateTime) -> StoreResult<Option<SignupState>> {
                let Some(s) = sqlx::query(&format!("SELECT {SIGNUP_COLS} FROM event_signups WHERE id = $1"))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .as_ref()
                    .map(Self::signup_from)
                    .transpose()?
                else {
                    return Ok(None);
                };
                let mut tx = self.pool.begin().await?;
                let event = s.event_id.to_string();
                let Some(capacity) = Self::lock_signups(&mut tx, &event).await? else {
                    return Ok(None);
                };
                let state = place_for(capacity, Self::going(&mut tx, &event).await?);
                let done = sqlx::query("UPDATE event_signups SET state = $2, confirmed_at = $3 WHERE id = $1 AND state = 'pending'")
                    .bind(id.to_string())
                    .bind(state.as_str())
                    .bind(unix_micros(at))
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                tx.commit().await?;
                Ok(done.then_some(state))
            }

            async fn cancel_signup(&self, id: SignupId) -> StoreResult<Option<Vec<Signup>>> {
                let Some(event): Option<String> = sqlx::query_scalar("SELECT event_id FROM event_signups WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                let mut tx = self.pool.begin().await?;
                let Some(capacity) = Self::lock_signups(&mut tx, &event).await? else {
                    return Ok(None);
                };
                let done = sqlx::query("UPDATE event_signups SET state = 'cancelled' WHERE id = $1 AND state <> 'cancelled'")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
                    == 1;
                if !done {
                    return Ok(None);
                }
                let moved = Self::promote(&mut tx, &event, capacity).await?;
                tx.commit().await?;
                Ok(Some(moved))
            }

            async fn fill_places(&self, event: EventId) -> StoreResult<Vec<Signup>> {
                let mut tx = self.pool.begin().await?;
                let event = event.to_string();
                let Some(capacity) = Self::lock_signups(&mut tx, &event).await? else {
                    return Ok(Vec::new());
                };
                let moved = Self::promote(&mut tx, &event, capacity).await?;
                tx.commit().await?;
                Ok(moved)
            }

            async fn signup_by_token(&self, token_hash: &str) -> StoreResult<Option<Signup>> {
                let row = sqlx::query(&format!("SELECT {SIGNUP_COLS} FROM event_signups WHERE token_hash = $1"))
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await?;
                row.as_ref().map(Self::signup_from).transpose()
            }

            async fn signups(&self, event: EventId) -> StoreResult<Vec<Signup>> {
                let rows = sqlx::query(&format!(
                    "SELECT {SIGNUP_COLS} FROM event_signups WHERE event_id = $1 ORDER BY confirmed_at IS NULL, confirmed_at, created_at, id"
                ))
                .bind(event.to_string())
                .fetch_all(&self.pool)
                .await?;
                rows.iter().map(Self::signup_from).collect()
            }

            async fn signups_of_user(&self, user: UserId) -> StoreResult<Vec<Signup>> {
                let rows = sqlx::query(&format!("SELECT {SIGNUP_COLS} FROM event_signups WHERE user_id = $1 ORDER BY created_at, id"))
                    .bind(user.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::signup_from).collect()
            }

            async fn mark_signup_reminded(&self, id: SignupId, occurrence: OffsetDateTime) -> StoreResult<()> {
                sqlx::query("UPDATE event_signups SET reminded_for = $2 WHERE id = $1")
                    .bind(id.to_string())
                    .bind(unix_micros(occurrence))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn purge_signups(&self, before: OffsetDateTime) -> StoreResult<u64> {
                let n = sqlx::query("DELETE FROM event_signups WHERE event_id IN (SELECT id FROM events WHERE last_ends_at < $1)")
                    .bind(unix_micros(before))
                    .execute(&self.pool)
                    .await?
                    .rows_affected();
                if n > 0 {
                    self.after_erasure().await?;
                }
                Ok(n)
            }

            async fn calendar_nonce(&self, user: UserId) -> StoreResult<Option<String>> {
                Ok(sqlx::query_scalar("SELECT nonce FROM calendar_feeds WHERE user_id = $1")
                    .bind(user.to_string())
                    .fetch_optional(&self.pool)
                    .await?)
            }

            async fn set_calendar_nonce(&self, user: UserId, nonce: &str, at: OffsetDateTime) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO calendar_feeds (user_id, nonce, created_at) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id) DO UPDATE SET nonce = excluded.nonce, created_at = excluded.created_at",
                )
                .bind(user.to_string())
                .bind(nonce)
                .bind(unix_micros(at))
                .execute(&self.pool)
                .await?;
                Ok(())
            }
        }
    };
}

events_store!(SqliteStore, sqlx::Sqlite);
events_store!(PostgresStore, sqlx::Postgres);
