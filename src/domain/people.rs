//! What job seekers keep and share: profiles, portfolio items (threads are in `threads`),
//! saved searches, the log of who looked at a profile, and what matching needs of
//! an opportunity. The rules are in `people`.

pub use super::threads::{Message, Side, Thread, ThreadStatus};
use super::{Lang, OpportunityId, OpportunityType, OrganizationId, UserId};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

/// Who may see a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Only the person (and organizations they show interest to, as a copy).
    #[default]
    Private,
    /// Members of verified organizations, signed in.
    Organizations,
    /// Anyone, without contact details.
    Public,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Private,
        Visibility::Organizations,
        Visibility::Public,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Private => "private",
            Visibility::Organizations => "organizations",
            Visibility::Public => "public",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A job seeker's profile, as they wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub user_id: UserId,
    /// A first name or nickname (optional).
    pub display_name: String,
    pub introduction: String,
    /// Skill ids of the skills taxonomy.
    pub skills: Vec<String>,
    /// Skills in the person's own words.
    pub free_skills: Vec<String>,
    /// Topic ids.
    pub interests: Vec<String>,
    /// Language codes.
    pub languages: Vec<String>,
    /// What kinds of opportunity they look for.
    pub kinds: Vec<OpportunityType>,
    /// Municipality code.
    pub municipality: Option<String>,
    pub travel_km: Option<i32>,
    pub hours_per_week: Option<i32>,
    pub part_time: bool,
    #[serde(with = "iso_date_opt")]
    pub available_from: Option<Date>,
    pub age_band: Option<String>,
    pub pool_58: bool,
    pub expert_by_experience: bool,
    pub visibility: Visibility,
    /// Invented for the demo.
    pub demo: bool,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde")]
    pub updated_at: OffsetDateTime,
}

time::serde::format_description!(iso_day, Date, "[year]-[month]-[day]");
mod iso_date_opt {
    pub use super::iso_day::option::*;
}

impl Profile {
    pub fn empty(user_id: UserId, now: OffsetDateTime) -> Self {
        Profile {
            user_id,
            display_name: String::new(),
            introduction: String::new(),
            skills: Vec::new(),
            free_skills: Vec::new(),
            interests: Vec::new(),
            languages: Vec::new(),
            kinds: Vec::new(),
            municipality: None,
            travel_km: None,
            hours_per_week: None,
            part_time: false,
            available_from: None,
            age_band: None,
            pool_58: false,
            expert_by_experience: false,
            visibility: Visibility::Private,
            demo: false,
            created_at: now,
            updated_at: now,
        }
    }

    pub fn is_58_plus(&self) -> bool {
        self.age_band.as_deref() == Some("58-plus")
    }

    /// Whether a viewer may see this profile: `None` is anyone; `Some(true)` a signed-in
    /// member of a verified organization.
    pub fn visible_to(&self, verified_member: bool) -> bool {
        match self.visibility {
            Visibility::Private => false,
            Visibility::Organizations => verified_member,
            Visibility::Public => true,
        }
    }
}

/// One look at a profile by someone acting for an organization.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileView {
    pub person_id: UserId,
    pub viewer_id: Option<UserId>,
    pub organization_id: Option<OrganizationId>,
    /// `talent` (search), `profile` (the profile page), `thread`, `fit` (people for an
    /// opportunity).
    pub context: String,
    #[serde(with = "super::unix_micros_serde")]
    pub viewed_at: OffsetDateTime,
}

/// A search kept for daily e-mail alerts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedSearch {
    pub id: String,
    pub user_id: UserId,
    /// The query string of `/search`.
    pub query: String,
    pub lang: Lang,
    #[serde(skip)]
    /// The SHA-256 of the stop link's token (see `alerts::unsubscribe_token`).
    pub unsubscribe_token: String,
    #[serde(with = "super::unix_micros_serde")]
    pub checked_at: OffsetDateTime,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
}

/// A file a person added to their profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioItem {
    pub id: String,
    pub user_id: UserId,
    pub caption: String,
    pub content_type: String,
    pub size: i64,
    #[serde(with = "super::unix_micros_serde")]
    pub created_at: OffsetDateTime,
}

/// What matching needs of an opportunity.
#[derive(Debug, Clone, PartialEq)]
pub struct OpportunityFeatures {
    pub id: OpportunityId,
    pub organization_id: OrganizationId,
    pub kind: OpportunityType,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    /// Where it happens (its place's coordinates).
    pub point: Option<(f64, f64)>,
    /// Its place's municipality (code).
    pub municipality: Option<String>,
    pub hours_per_week: Option<i32>,
    pub part_time: bool,
    pub starts_on: Option<Date>,
    pub apply_by: Option<Date>,
    /// Open with places free.
    pub open: bool,
    pub updated_at: OffsetDateTime,
    /// `topics` and `target_groups` as bits of their taxonomies (see `with_bits`).
    pub topic_bits: u64,
    pub group_bits: u64,
}
