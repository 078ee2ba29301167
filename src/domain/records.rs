//! The directory records (HSDS 3.0 core plus the opportunity extension).

use super::{
    BusinessId, ContactId, LocalizedText, LocationId, OpportunityId, OrganizationId, PostalCode,
    ServiceId,
};
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

/// Closed vocabularies stored as snake_case text.
macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $s:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),* }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$variant),)* _ => None }
            }
        }
    };
}

text_enum!(
    /// Legal form of an organization.
    LegalForm {
        Association => "association",
        Foundation => "foundation",
        Cooperative => "cooperative",
        SocialEnterprise => "social_enterprise",
        Municipality => "municipality",
        Parish => "parish",
        Company => "company",
        Other => "other",
    }
);

text_enum!(
    /// NGO-led activity (toiminta) or purchasable service (palvelu).
    ServiceKind {
        Activity => "activity",
        Service => "service",
    }
);

text_enum!(
    /// Kind of opportunity; the ids match `data/taxonomies.json`.
    OpportunityType {
        WorkTrial => "work_trial",
        WageSubsidy => "wage_subsidy",
        RehabilitativeWork => "rehabilitative_work",
        Volunteering => "volunteering",
        Apprenticeship => "apprenticeship",
        Job => "job",
    }
);

text_enum!(
    OpportunityStatus {
        Open => "open",
        Full => "full",
        Closed => "closed",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Phone {
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Organization {
    #[schema(value_type = uuid::Uuid)]
    pub id: OrganizationId,
    pub name: String,
    pub legal_form: LegalForm,
    #[schema(value_type = Option<String>, example = "0245437-2")]
    pub business_id: Option<BusinessId>,
    pub description: LocalizedText,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
    /// Municipality codes of the areas served.
    pub areas_served: Vec<String>,
    /// Networks the organization belongs to, by name.
    pub networks: Vec<String>,
    pub verified: bool,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub last_verified_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Location {
    #[schema(value_type = uuid::Uuid)]
    pub id: LocationId,
    /// None only for locations imported from another system without their organization.
    #[schema(value_type = Option<uuid::Uuid>)]
    pub organization_id: Option<OrganizationId>,
    pub name: LocalizedText,
    pub street: String,
    /// Five digits in Finland; as written locally abroad.
    #[schema(example = "15150")]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    #[schema(example = "FI")]
    pub country: String,
    /// The post office or city; for Finnish addresses the municipality stands in for it.
    pub city: Option<String>,
    /// Derived from the postal code; Finnish locations only.
    pub municipality_code: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub accessibility: Option<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    #[schema(value_type = uuid::Uuid)]
    pub id: ContactId,
    #[schema(value_type = uuid::Uuid)]
    pub organization_id: OrganizationId,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub service_id: Option<ServiceId>,
    /// The role, e.g. "job coach"; demo data names no person.
    pub title: LocalizedText,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Service {
    #[schema(value_type = uuid::Uuid)]
    pub id: ServiceId,
    #[schema(value_type = uuid::Uuid)]
    pub organization_id: OrganizationId,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub kind: ServiceKind,
    pub target_groups: Vec<String>,
    pub topics: Vec<String>,
    /// ISO 639-1 codes of the languages the service is given in.
    pub languages: Vec<String>,
    pub free: bool,
    pub cost: Option<LocalizedText>,
    pub eligibility: Option<LocalizedText>,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub low_threshold: bool,
    pub schedule: Option<LocalizedText>,
    pub how_to_get_there: Option<LocalizedText>,
    /// Funders, e.g. "STEA", "ESR+", "Lahden kaupunki".
    pub funding: Vec<String>,
    #[schema(value_type = Vec<uuid::Uuid>)]
    pub location_ids: Vec<LocationId>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub last_verified_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Opportunity {
    #[schema(value_type = uuid::Uuid)]
    pub id: OpportunityId,
    #[schema(value_type = uuid::Uuid)]
    pub organization_id: OrganizationId,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub service_id: Option<ServiceId>,
    #[schema(value_type = Option<uuid::Uuid>)]
    pub location_id: Option<LocationId>,
    pub kind: OpportunityType,
    pub title: LocalizedText,
    /// What the work is: the tasks.
    pub description: LocalizedText,
    pub requirements: Option<LocalizedText>,
    pub how_to_apply: LocalizedText,
    pub places_total: i32,
    pub places_free: i32,
    pub hours_per_week: Option<i32>,
    pub part_time: bool,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    #[serde(default, with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<Date>,
    #[serde(default, with = "iso_date::option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub apply_by: Option<Date>,
    pub status: OpportunityStatus,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub last_verified_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: OffsetDateTime,
}

impl Opportunity {
    /// The status a person sees on `today` (Finland's date): a place past its apply-by date
    /// is closed, whatever its stored status says.
    pub fn status_on(&self, today: Date) -> OpportunityStatus {
        match self.apply_by {
            Some(d) if d < today && self.status == OpportunityStatus::Open => {
                OpportunityStatus::Closed
            }
            _ => self.status,
        }
    }

    /// Open for applications on `today`.
    pub fn is_open_on(&self, today: Date) -> bool {
        self.status_on(today) == OpportunityStatus::Open
    }
}

// Dates travel as ISO 8601 (2026-11-26), not as time's default tuple.
time::serde::format_description!(iso_date, Date, "[year]-[month]-[day]");

/// Now, to the microsecond: the precision the store keeps, so records made now compare equal
/// to themselves read back.
pub fn now_micros() -> OffsetDateTime {
    micros(OffsetDateTime::now_utc())
}

/// A time cut to the microsecond (PostgreSQL keeps microseconds; both engines store the
/// same instant).
pub fn micros(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

/// A time as Unix microseconds, the form tables without a timestamp type keep it in
/// (outbox, one-time links, throttling, reminders).
pub fn unix_micros(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1000) as i64
}

/// The time of Unix microseconds as kept in those tables (out of range: the epoch, which
/// no stored value is).
pub fn from_micros(us: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// Serde for a time that travels as Unix microseconds: a profile shared into a thread is
/// stored as JSON in this form, and the personal-data export starts from it (see
/// `web::people::readable`), so the JSON stays what it was when these fields were integers.
pub mod unix_micros_serde {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::OffsetDateTime;

    pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(super::unix_micros(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        i64::deserialize(d).map(super::from_micros)
    }

    /// The same for an optional time (`null` when there is none).
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::OffsetDateTime;

        pub fn serialize<S: Serializer>(
            t: &Option<OffsetDateTime>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.serialize_some(&super::super::unix_micros(*t)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<OffsetDateTime>, D::Error> {
            Option::<i64>::deserialize(d).map(|v| v.map(super::super::from_micros))
        }
    }
}

/// Records are stale when nobody has confirmed them for a year.
pub const STALE_AFTER: time::Duration = time::Duration::days(365);

pub fn is_stale(last_verified_at: OffsetDateTime, now: OffsetDateTime) -> bool {
    now - last_verified_at > STALE_AFTER
}

/// Why a record cannot be stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("{0} is required")]
    Required(&'static str),
    #[error("{0} is out of range")]
    Range(&'static str),
    #[error("unknown {0}: {1}")]
    Unknown(&'static str, String),
    #[error("{0} must be one line, without control characters")]
    NotOneLine(&'static str),
    #[error("{0} is not an http, https, mailto or tel link")]
    Link(&'static str),
}

/// Each named text is one line.
fn one_line<'a>(
    fields: impl IntoIterator<Item = (&'static str, Option<&'a str>)>,
) -> Result<(), RecordError> {
    for (name, text) in fields {
        if text.is_some_and(|t| !super::is_one_line(t)) {
            return Err(RecordError::NotOneLine(name));
        }
    }
    Ok(())
}

/// Each named localized text is one line in every language.
fn one_line_texts<'a>(
    fields: impl IntoIterator<Item = (&'static str, Option<&'a LocalizedText>)>,
) -> Result<(), RecordError> {
    for (name, text) in fields {
        if text.is_some_and(|t| !t.is_one_line()) {
            return Err(RecordError::NotOneLine(name));
        }
    }
    Ok(())
}

impl Opportunity {
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.title.is_empty() {
            return Err(RecordError::Required("title"));
        }
        one_line_texts([("title", Some(&self.title))])?;
        one_line(
            self.topics
                .iter()
                .chain(&self.target_groups)
                .map(|t| ("term", Some(t.as_str()))),
        )?;
        if self.places_total < 0 || self.places_free < 0 || self.places_free > self.places_total {
            return Err(RecordError::Range("places"));
        }
        if let Some(h) = self.hours_per_week {
            if !(1..=60).contains(&h) {
                return Err(RecordError::Range("hours_per_week"));
            }
        }
        Ok(())
    }
}

impl Service {
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.name.is_empty() {
            return Err(RecordError::Required("name"));
        }
        one_line_texts([("name", Some(&self.name))])?;
        one_line(
            self.topics
                .iter()
                .chain(&self.target_groups)
                .chain(&self.languages)
                .chain(&self.funding)
                .map(|t| ("term", Some(t.as_str()))),
        )?;
        if let (Some(a), Some(b)) = (self.min_age, self.max_age) {
            if a > b {
                return Err(RecordError::Range("age"));
            }
        }
        for age in [self.min_age, self.max_age].into_iter().flatten() {
            if !(0..=120).contains(&age) {
                return Err(RecordError::Range("age"));
            }
        }
        Ok(())
    }
}

impl Location {
    pub fn is_finnish(&self) -> bool {
        self.country == "FI"
    }

    /// A Finnish location has a five-digit postal code and its municipality; one abroad has a
    /// two-letter country; coordinates, when present, are on the globe.
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.street.trim().is_empty() {
            return Err(RecordError::Required("street"));
        }
        one_line_texts([("name", Some(&self.name))])?;
        one_line([
            ("street", Some(self.street.as_str())),
            ("postal code", Some(self.postal_code.as_str())),
            ("city", self.city.as_deref()),
        ])?;
        if self.country.len() != 2 || !self.country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(RecordError::Unknown("country", self.country.clone()));
        }
        if self.is_finnish() {
            if PostalCode::parse(&self.postal_code).is_none() {
                return Err(RecordError::Unknown(
                    "postal code",
                    self.postal_code.clone(),
                ));
            }
            if self.municipality_code.is_none() {
                return Err(RecordError::Required("municipality"));
            }
        } else if self.postal_code.trim().is_empty() && self.city.is_none() {
            return Err(RecordError::Required("postal code or city"));
        }
        if self.latitude.is_some_and(|v| !(-90.0..=90.0).contains(&v))
            || self
                .longitude
                .is_some_and(|v| !(-180.0..=180.0).contains(&v))
        {
            return Err(RecordError::Range("coordinates"));
        }
        Ok(())
    }
}

impl Contact {
    /// A contact's role, name, address and number are one line each.
    pub fn validate(&self) -> Result<(), RecordError> {
        one_line_texts([("title", Some(&self.title))])?;
        one_line([
            ("name", self.name.as_deref()),
            ("email", self.email.as_deref()),
            ("phone", self.phone.as_deref()),
        ])
    }
}

impl Organization {
    pub fn validate(&self) -> Result<(), RecordError> {
        if self.name.trim().is_empty() {
            return Err(RecordError::Required("name"));
        }
        if self.description.is_empty() {
            return Err(RecordError::Required("description"));
        }
        one_line([
            ("name", Some(self.name.as_str())),
            ("email", self.email.as_deref()),
        ])?;
        one_line(
            self.phones
                .iter()
                .map(|p| ("phone", Some(p.number.as_str()))),
        )?;
        one_line(
            self.networks
                .iter()
                .chain(&self.areas_served)
                .map(|n| ("term", Some(n.as_str()))),
        )?;
        if self
            .website
            .as_deref()
            .is_some_and(|w| !super::is_web_link(w))
        {
            return Err(RecordError::Link("website"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_is_stale_after_a_year() {
        let now = OffsetDateTime::now_utc();
        assert!(!is_stale(now - time::Duration::days(364), now));
        assert!(is_stale(now - time::Duration::days(366), now));
    }

    #[test]
    fn dates_serialize_as_iso_8601() {
        #[derive(Serialize, Deserialize)]
        struct D {
            #[serde(with = "iso_date::option")]
            d: Option<Date>,
        }
        let json = serde_json::to_string(&D {
            d: Some(time::macros::date!(2026 - 12 - 01)),
        })
        .unwrap();
        assert_eq!(json, r#"{"d":"2026-12-01"}"#);
        assert_eq!(
            serde_json::from_str::<D>(&json).unwrap().d,
            Some(time::macros::date!(2026 - 12 - 01))
        );
    }

    #[test]
    fn text_enums_round_trip() {
        for t in OpportunityType::ALL {
            assert_eq!(OpportunityType::parse(t.as_str()), Some(*t));
        }
        assert_eq!(LegalForm::parse("ry"), None);
    }
}
