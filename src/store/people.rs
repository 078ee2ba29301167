//! The people side of the store (issue 6): profiles, threads and messages, profile views,
//! hidden suggestions, saved searches and what matching and the talent pool read. The same
//! SQL for both engines, like `sql.rs`.

use super::sql::{from_json, parse_enum, parse_id, to_json, PostgresStore, SqliteStore};
use super::{StoreError, StoreResult};
use crate::domain::mail::OutgoingMail;
use crate::domain::people::OpportunityFeatures;
use crate::domain::people::PortfolioItem;
use crate::domain::people::{
    Message, Profile, ProfileView, SavedSearch, Side, Thread, ThreadStatus, Visibility,
};
use crate::domain::UserId;
use crate::domain::{
    from_micros, unix_micros, Lang, OpportunityId, OpportunityStatus, OpportunityType,
    OrganizationId, ThreadId,
};
use async_trait::async_trait;
use sqlx::Row;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn profile(&self, user: UserId) -> StoreResult<Option<Profile>>;
    /// Inserts or replaces a profile. A profile that is private now is recorded as removed,
    /// so every node's talent index drops it.
    async fn save_profile(&self, p: &Profile) -> StoreResult<()>;
    /// Accounts and profiles written together (demo data, benchmarks).
    async fn save_people(
        &self,
        people: &[(crate::domain::accounts::User, Profile)],
    ) -> StoreResult<()>;
    /// Profiles others may see, changed after `since`, with user ids after `after`, in user
    /// id order: `limit` at a time (the talent index loads the national pool in pages).
    async fn visible_profiles_page(
        &self,
        since: i64,
        after: &str,
        limit: i64,
    ) -> StoreResult<Vec<Profile>>;
    /// These profiles (unknown ids are skipped), in one query.
    async fn profiles_by_id(&self, ids: &[UserId]) -> StoreResult<Vec<Profile>>;
    /// Profiles deleted or made private after `since`.
    async fn removed_profiles(&self, since: i64) -> StoreResult<Vec<UserId>>;
    /// The newest change of any profile (saved or removed), Unix µs: what the talent index
    /// compares with what it has read.
    async fn people_generation(&self) -> StoreResult<i64>;
    /// Every opportunity's matching features, or only those changed after `since`.
    async fn opportunity_features(
        &self,
        since: Option<OffsetDateTime>,
    ) -> StoreResult<Vec<OpportunityFeatures>>;
    async fn hide_suggestion(
        &self,
        user: UserId,
        opportunity: OpportunityId,
        at: OffsetDateTime,
    ) -> StoreResult<()>;
    async fn unhide_suggestions(&self, user: UserId) -> StoreResult<()>;
    async fn hidden_suggestions(&self, user: UserId) -> StoreResult<Vec<OpportunityId>>;
    async fn add_profile_views(&self, views: &[ProfileView]) -> StoreResult<()>;
    /// Who has looked at a profile, newest first.
    async fn profile_views(&self, person: UserId, limit: i64) -> StoreResult<Vec<ProfileView>>;
    async fn add_saved_search(&self, s: &SavedSearch) -> StoreResult<()>;
    async fn saved_searches_of(&self, user: UserId) -> StoreResult<Vec<SavedSearch>>;
    async fn delete_saved_search(&self, user: UserId, id: &str) -> StoreResult<bool>;
    /// Stops the alert whose unsubscribe token has this SHA-256 (or, for an alert saved
    /// before tokens were kept hashed and not yet sent since, this token). `Ok(false)`: no
    /// such alert.
    async fn unsubscribe(&self, token: &str) -> StoreResult<bool>;
    /// Alerts last checked before `before`, oldest first.
    async fn due_saved_searches(
        &self,
        before: OffsetDateTime,
        limit: i64,
    ) -> StoreResult<Vec<SavedSearch>>;
    /// Adds a portfolio item with its bytes.
    async fn add_portfolio_item(&self, item: &PortfolioItem, data: &[u8]) -> StoreResult<()>;
    /// A person's portfolio, oldest first (without the bytes).
    async fn portfolio(&self, user: UserId) -> StoreResult<Vec<PortfolioItem>>;
    /// One item with its bytes.
    async fn portfolio_item(&self, id: &str) -> StoreResult<Option<(PortfolioItem, Vec<u8>)>>;
    async fn delete_portfolio_item(&self, user: UserId, id: &str) -> StoreResult<bool>;
    /// Marks an alert checked at `at`, if it was last checked at `was` (one node sends it),
    /// and queues its digest in the same transaction. `Ok(false)`: another node did.
    async fn claim_saved_search(
        &self,
        id: &str,
        was: OffsetDateTime,
        at: OffsetDateTime,
        unsubscribe_hash: &str,
        digest: Option<&OutgoingMail>,
    ) -> StoreResult<bool>;
}

fn date_from(s: Option<String>) -> StoreResult<Option<Date>> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    s.map(|s| Date::parse(&s, &fmt).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn iso(d: Option<Date>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

const PROFILE_COLUMNS: &str = "user_id, display_name, introduction, skills, free_skills, interests, languages, kinds, municipality, travel_km, hours_per_week, part_time, available_from, age_band, pool_58, expert_by_experience, visibility, demo, created_at, updated_at";

macro_rules! people_store {
    ($store:ident, $db:ty) => {
        impl $store {
            pub(super) fn profile_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Profile> {
                Ok(Profile {
                    user_id: parse_id(&r.try_get::<String, _>("user_id")?, UserId::parse)?,
                    display_name: r.try_get("display_name")?,
                    introduction: r.try_get("introduction")?,
                    skills: from_json(&r.try_get::<String, _>("skills")?)?,
                    free_skills: from_json(&r.try_get::<String, _>("free_skills")?)?,
                    interests: from_json(&r.try_get::<String, _>("interests")?)?,
                    languages: from_json(&r.try_get::<String, _>("languages")?)?,
                    kinds: from_json(&r.try_get::<String, _>("kinds")?)?,
                    municipality: r.try_get("municipality")?,
                    travel_km: r.try_get("travel_km")?,
                    hours_per_week: r.try_get("hours_per_week")?,
                    part_time: r.try_get("part_time")?,
                    available_from: date_from(r.try_get("available_from")?)?,
                    age_band: r.try_get("age_band")?,
                    pool_58: r.try_get("pool_58")?,
                    expert_by_experience: r.try_get("expert_by_experience")?,
                    visibility: Visibility::parse(&r.try_get::<String, _>("visibility")?)
                        .ok_or_else(|| StoreError::Corrupt("bad visibility".into()))?,
                    demo: r.try_get("demo")?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            pub(super) async fn upsert_profile(
                tx: &mut sqlx::Transaction<'_, $db>,
                p: &Profile,
            ) -> StoreResult<()> {
                sqlx::query(&format!("INSERT INTO profiles ({PROFILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, introduction = excluded.introduction, skills = excluded.skills, free_skills = excluded.free_skills, interests = excluded.interests, languages = excluded.languages, kinds = excluded.kinds, municipality = excluded.municipality, travel_km = excluded.travel_km, hours_per_week = excluded.hours_per_week, part_time = excluded.part_time, available_from = excluded.available_from, age_band = excluded.age_band, pool_58 = excluded.pool_58, expert_by_experience = excluded.expert_by_experience, visibility = excluded.visibility, demo = excluded.demo, updated_at = excluded.updated_at"))
                    .bind(p.user_id.to_string())
                    .bind(&p.display_name)
                    .bind(&p.introduction)
                    .bind(to_json(&p.skills))
                    .bind(to_json(&p.free_skills))
                    .bind(to_json(&p.interests))
                    .bind(to_json(&p.languages))
                    .bind(to_json(&p.kinds))
                    .bind(&p.municipality)
                    .bind(p.travel_km)
                    .bind(p.hours_per_week)
                    .bind(p.part_time)
                    .bind(iso(p.available_from))
                    .bind(&p.age_band)
                    .bind(p.pool_58)
                    .bind(p.expert_by_experience)
                    .bind(p.visibility.as_str())
                    .bind(p.demo)
                    .bind(unix_micros(p.created_at))
                    .bind(unix_micros(p.updated_at))
                    .execute(&mut **tx)
                    .await?;
                if p.visibility == Visibility::Private {
                    sqlx::query("INSERT INTO profile_removals (user_id, removed_at) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET removed_at = excluded.removed_at")
                        .bind(p.user_id.to_string())
                        .bind(unix_micros(p.updated_at))
                        .execute(&mut **tx)
                        .await?;
                } else {
                    sqlx::query("DELETE FROM profile_removals WHERE user_id = $1")
                        .bind(p.user_id.to_string())
                        .execute(&mut **tx)
                        .await?;
                }
                Ok(())
            }

            pub(super) fn thread_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Thread> {
                Ok(Thread {
                    id: parse_id(&r.try_get::<String, _>("id")?, ThreadId::parse)?,
                    person_id: r
                        .try_get::<Option<String>, _>("person_id")?
                        .map(|s| parse_id(&s, UserId::parse))
                        .transpose()?,
                    organization_id: parse_id(
                        &r.try_get::<String, _>("organization_id")?,
                        OrganizationId::parse,
                    )?,
                    opportunity_id: r
                        .try_get::<Option<String>, _>("opportunity_id")?
                        .map(|s| parse_id(&s, OpportunityId::parse))
                        .transpose()?,
                    started_by: parse_enum(&r.try_get::<String, _>("started_by")?, Side::parse)?,
                    status: ThreadStatus::parse(&r.try_get::<String, _>("status")?)
                        .ok_or_else(|| StoreError::Corrupt("bad thread status".into()))?,
                    shared_profile: r
                        .try_get::<Option<String>, _>("shared_profile")?
                        .map(|s| from_json(&s))
                        .transpose()?,
                    created_at: from_micros(r.try_get("created_at")?),
                    updated_at: from_micros(r.try_get("updated_at")?),
                })
            }

            pub(super) fn portfolio_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<PortfolioItem> {
                Ok(PortfolioItem {
                    id: r.try_get("id")?,
                    user_id: parse_id(&r.try_get::<String, _>("user_id")?, UserId::parse)?,
                    caption: r.try_get("caption")?,
                    content_type: r.try_get("content_type")?,
                    size: r.try_get("size")?,
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }

            pub(super) fn message_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<Message> {
                Ok(Message {
                    id: r.try_get("id")?,
                    thread_id: parse_id(&r.try_get::<String, _>("thread_id")?, ThreadId::parse)?,
                    from_person: r.try_get("from_person")?,
                    author_id: r
                        .try_get::<Option<String>, _>("author_id")?
                        .map(|s| parse_id(&s, UserId::parse))
                        .transpose()?,
                    body: r.try_get("body")?,
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }

            pub(super) fn saved_search_from(r: &<$db as sqlx::Database>::Row) -> StoreResult<SavedSearch> {
                Ok(SavedSearch {
                    id: r.try_get("id")?,
                    user_id: parse_id(&r.try_get::<String, _>("user_id")?, UserId::parse)?,
                    query: r.try_get("query")?,
                    lang: Lang::parse(&r.try_get::<String, _>("lang")?).unwrap_or(Lang::Fi),
                    unsubscribe_token: r.try_get("unsubscribe_token")?,
                    checked_at: from_micros(r.try_get("checked_at")?),
                    created_at: from_micros(r.try_get("created_at")?),
                })
            }

            pub(super) async fn insert_message(
                tx: &mut sqlx::Transaction<'_, $db>,
                m: &Message,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO messages (id, thread_id, from_person, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&m.id)
                    .bind(m.thread_id.to_string())
                    .bind(m.from_person)
                    .bind(m.author_id.map(|a| a.to_string()))
                    .bind(&m.body)
                    .bind(unix_micros(m.created_at))
                    .execute(&mut **tx)
                    .await?;
                Ok(())
            }

            pub(super) async fn queue(
                tx: &mut sqlx::Transaction<'_, $db>,
                notify: &[OutgoingMail],
            ) -> StoreResult<()> {
                for m in notify {
                    Self::insert_mail(tx, m).await?;
                }
                Ok(())
            }
        }

        #[async_trait]
        impl PeopleStore for $store {
            async fn profile(&self, user: UserId) -> StoreResult<Option<Profile>> {
                sqlx::query(&format!(
                    "SELECT {PROFILE_COLUMNS} FROM profiles WHERE user_id = $1"
                ))
                .bind(user.to_string())
                .fetch_optional(&self.pool)
                .await?
                .as_ref()
                .map(Self::profile_from)
                .transpose()
            }

            async fn save_profile(&self, p: &Profile) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                Self::upsert_profile(&mut tx, p).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn save_people(
                &self,
                people: &[(crate::domain::accounts::User, Profile)],
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                for (u, p) in people {
                    sqlx::query("INSERT INTO users (id, email, password_hash, role, organization_id, email_verified_at, disabled_at, created_at, updated_at) VALUES ($1, $2, $3, $4, NULL, $5, NULL, $5, $5) ON CONFLICT (email) DO NOTHING")
                        .bind(u.id.to_string())
                        .bind(u.email.as_str())
                        .bind(&u.password_hash)
                        .bind(u.role.as_str())
                        .bind(u.created_at)
                        .execute(&mut *tx)
                        .await?;
                    Self::upsert_profile(&mut tx, p).await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn visible_profiles_page(
                &self,
                since: i64,
                after: &str,
                limit: i64,
            ) -> StoreResult<Vec<Profile>> {
                sqlx::query(&format!("SELECT {PROFILE_COLUMNS} FROM profiles WHERE visibility <> 'private' AND updated_at > $1 AND user_id > $2 ORDER BY user_id LIMIT $3"))
                    .bind(since)
                    .bind(after)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::profile_from)
                    .collect()
            }

            async fn profiles_by_id(&self, ids: &[UserId]) -> StoreResult<Vec<Profile>> {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
                let placeholders: Vec<String> = (1..=list.len()).map(|i| format!("${i}")).collect();
                let sql = format!(
                    "SELECT {PROFILE_COLUMNS} FROM profiles WHERE user_id IN ({})",
                    placeholders.join(", ")
                );
                let mut q = sqlx::query(&sql);
                for id in &list {
                    q = q.bind(id);
                }
                q.fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::profile_from)
                    .collect()
            }

            async fn removed_profiles(&self, since: i64) -> StoreResult<Vec<UserId>> {
                let rows: Vec<(String,)> =
                    sqlx::query_as("SELECT user_id FROM profile_removals WHERE removed_at > $1")
                        .bind(since)
                        .fetch_all(&self.pool)
                        .await?;
                rows.iter().map(|(s,)| parse_id(s, UserId::parse)).collect()
            }

            async fn people_generation(&self) -> StoreResult<i64> {
                let (a, b): (Option<i64>, Option<i64>) = sqlx::query_as("SELECT (SELECT MAX(updated_at) FROM profiles), (SELECT MAX(removed_at) FROM profile_removals)")
                    .fetch_one(&self.pool)
                    .await?;
                Ok(a.unwrap_or(0).max(b.unwrap_or(0)))
            }

            async fn opportunity_features(
                &self,
                since: Option<OffsetDateTime>,
            ) -> StoreResult<Vec<OpportunityFeatures>> {
                let rows = sqlx::query("SELECT o.id, o.organization_id, o.kind, o.hours_per_week, o.part_time, o.starts_on, o.apply_by, o.status, o.places_free, o.updated_at, l.latitude, l.longitude, l.municipality_code FROM opportunities o LEFT JOIN locations l ON l.id = o.location_id WHERE $1 IS NULL OR o.updated_at > $1")
                    .bind(since)
                    .fetch_all(&self.pool)
                    .await?;
                let terms: Vec<(String, String, String)> = sqlx::query_as("SELECT t.opportunity_id, t.taxonomy, t.term FROM opportunity_terms t JOIN opportunities o ON o.id = t.opportunity_id WHERE $1 IS NULL OR o.updated_at > $1 ORDER BY t.opportunity_id, t.position")
                    .bind(since)
                    .fetch_all(&self.pool)
                    .await?;
                let mut by_id: HashMap<String, (Vec<String>, Vec<String>)> = HashMap::new();
                for (id, taxonomy, term) in terms {
                    let e = by_id.entry(id).or_default();
                    if taxonomy == "topic" {
                        e.0.push(term);
                    } else if taxonomy == "target_group" {
                        e.1.push(term);
                    }
                }
                rows.iter()
                    .map(|r| {
                        let id: String = r.try_get("id")?;
                        let (topics, target_groups) = by_id.remove(&id).unwrap_or_default();
                        let status: String = r.try_get("status")?;
                        let places_free: i32 = r.try_get("places_free")?;
                        let lat: Option<f64> = r.try_get("latitude")?;
                        let lon: Option<f64> = r.try_get("longitude")?;
                        Ok(OpportunityFeatures {
                            id: parse_id(&id, OpportunityId::parse)?,
                            organization_id: parse_id(
                                &r.try_get::<String, _>("organization_id")?,
                                OrganizationId::parse,
                            )?,
                            kind: OpportunityType::parse(&r.try_get::<String, _>("kind")?)
                                .ok_or_else(|| StoreError::Corrupt("bad kind".into()))?,
                            topics,
                            target_groups,
                            point: lat.zip(lon),
                            municipality: r.try_get("municipality_code")?,
                            hours_per_week: r.try_get("hours_per_week")?,
                            part_time: r.try_get("part_time")?,
                            starts_on: r.try_get("starts_on")?,
                            apply_by: r.try_get("apply_by")?,
                            open: OpportunityStatus::parse(&status)
                                == Some(OpportunityStatus::Open)
                                && places_free > 0,
                            updated_at: r.try_get("updated_at")?,
                            topic_bits: 0,
                            group_bits: 0,
                        }
                        .with_bits())
                    })
                    .collect()
            }

            async fn hide_suggestion(
                &self,
                user: UserId,
                opportunity: OpportunityId,
                at: OffsetDateTime,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO hidden_suggestions (user_id, opportunity_id, hidden_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, opportunity_id) DO NOTHING")
                    .bind(user.to_string())
                    .bind(opportunity.to_string())
                    .bind(unix_micros(at))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn unhide_suggestions(&self, user: UserId) -> StoreResult<()> {
                sqlx::query("DELETE FROM hidden_suggestions WHERE user_id = $1")
                    .bind(user.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn hidden_suggestions(&self, user: UserId) -> StoreResult<Vec<OpportunityId>> {
                let rows: Vec<(String,)> = sqlx::query_as("SELECT opportunity_id FROM hidden_suggestions WHERE user_id = $1 ORDER BY hidden_at")
                    .bind(user.to_string())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|(s,)| parse_id(s, OpportunityId::parse))
                    .collect()
            }

            async fn add_profile_views(&self, views: &[ProfileView]) -> StoreResult<()> {
                if views.is_empty() {
                    return Ok(());
                }
                let mut tx = self.pool.begin().await?;
                for v in views {
                    sqlx::query("INSERT INTO profile_views (id, person_id, viewer_id, organization_id, context, viewed_at) VALUES ($1, $2, $3, $4, $5, $6)")
                        .bind(uuid::Uuid::new_v4().to_string())
                        .bind(v.person_id.to_string())
                        .bind(v.viewer_id.map(|x| x.to_string()))
                        .bind(v.organization_id.map(|x| x.to_string()))
                        .bind(&v.context)
                        .bind(unix_micros(v.viewed_at))
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn profile_views(
                &self,
                person: UserId,
                limit: i64,
            ) -> StoreResult<Vec<ProfileView>> {
                let rows: Vec<(String, Option<String>, Option<String>, String, i64)> = sqlx::query_as("SELECT person_id, viewer_id, organization_id, context, viewed_at FROM profile_views WHERE person_id = $1 ORDER BY viewed_at DESC, id LIMIT $2")
                    .bind(person.to_string())
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map(|(p, v, o, context, viewed_at)| {
                        Ok(ProfileView {
                            person_id: parse_id(&p, UserId::parse)?,
                            viewer_id: v.map(|v| parse_id(&v, UserId::parse)).transpose()?,
                            organization_id: o
                                .map(|o| parse_id(&o, OrganizationId::parse))
                                .transpose()?,
                            context,
                            viewed_at: from_micros(viewed_at),
                        })
                    })
                    .collect()
            }

            async fn add_saved_search(&self, s: &SavedSearch) -> StoreResult<()> {
                sqlx::query("INSERT INTO saved_searches (id, user_id, query, lang, unsubscribe_token, checked_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(&s.id)
                    .bind(s.user_id.to_string())
                    .bind(&s.query)
                    .bind(s.lang.code())
                    .bind(&s.unsubscribe_token)
                    .bind(unix_micros(s.checked_at))
                    .bind(unix_micros(s.created_at))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn saved_searches_of(&self, user: UserId) -> StoreResult<Vec<SavedSearch>> {
                sqlx::query(
                    "SELECT * FROM saved_searches WHERE user_id = $1 ORDER BY created_at, id",
                )
                .bind(user.to_string())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(Self::saved_search_from)
                .collect()
            }

            async fn delete_saved_search(&self, user: UserId, id: &str) -> StoreResult<bool> {
                let done = sqlx::query("DELETE FROM saved_searches WHERE user_id = $1 AND id = $2")
                    .bind(user.to_string())
                    .bind(id)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn unsubscribe(&self, token: &str) -> StoreResult<bool> {
                let done = sqlx::query("DELETE FROM saved_searches WHERE unsubscribe_token = $1")
                    .bind(token)
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn due_saved_searches(
                &self,
                before: OffsetDateTime,
                limit: i64,
            ) -> StoreResult<Vec<SavedSearch>> {
                sqlx::query("SELECT * FROM saved_searches WHERE checked_at < $1 ORDER BY checked_at, id LIMIT $2")
                    .bind(unix_micros(before))
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::saved_search_from)
                    .collect()
            }

            async fn add_portfolio_item(
                &self,
                item: &PortfolioItem,
                data: &[u8],
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO portfolio_items (id, user_id, caption, content_type, size, data, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                    .bind(&item.id)
                    .bind(item.user_id.to_string())
                    .bind(&item.caption)
                    .bind(&item.content_type)
                    .bind(item.size)
                    .bind(data)
                    .bind(unix_micros(item.created_at))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn portfolio(&self, user: UserId) -> StoreResult<Vec<PortfolioItem>> {
                sqlx::query("SELECT id, user_id, caption, content_type, size, created_at FROM portfolio_items WHERE user_id = $1 ORDER BY created_at, id")
                    .bind(user.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::portfolio_from)
                    .collect()
            }

            async fn portfolio_item(
                &self,
                id: &str,
            ) -> StoreResult<Option<(PortfolioItem, Vec<u8>)>> {
                let Some(r) = sqlx::query("SELECT * FROM portfolio_items WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?
                else {
                    return Ok(None);
                };
                Ok(Some((Self::portfolio_from(&r)?, r.try_get("data")?)))
            }

            async fn delete_portfolio_item(&self, user: UserId, id: &str) -> StoreResult<bool> {
                let done =
                    sqlx::query("DELETE FROM portfolio_items WHERE user_id = $1 AND id = $2")
                        .bind(user.to_string())
                        .bind(id)
                        .execute(&self.pool)
                        .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn claim_saved_search(
                &self,
                id: &str,
                was: OffsetDateTime,
                at: OffsetDateTime,
                unsubscribe_hash: &str,
                digest: Option<&OutgoingMail>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await?;
                let done = sqlx::query("UPDATE saved_searches SET checked_at = $3, unsubscribe_token = $4 WHERE id = $1 AND checked_at = $2")
                    .bind(id)
                    .bind(unix_micros(was))
                    .bind(unix_micros(at))
                    .bind(unsubscribe_hash)
                    .execute(&mut *tx)
                    .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                if let Some(m) = digest {
                    Self::insert_mail(&mut tx, m).await?;
                }
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}

people_store!(SqliteStore, sqlx::Sqlite);
people_store!(PostgresStore, sqlx::Postgres);
