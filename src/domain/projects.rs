//! The project register (issue 19): who runs which funded project, with whom, funded by whom,
//! when, for whom and where. A project belongs to its lead organization, whose people keep it;
//! partners are organizations in Kolmonen or, when they are not (a municipality's unit, a
//! school), a name. Imported and exported as CSV (`manage::projects`).

use super::{LocalizedText, OrganizationId, ProjectId, UserId};
use serde::Serialize;
use time::{Date, OffsetDateTime};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_TEXT_CHARS: usize = 4000;
pub const MAX_KEY_CHARS: usize = 100;
pub const MAX_PARTNERS: usize = 30;
pub const MAX_NOTE_CHARS: usize = 500;
/// A budget above this (ten billion euros) is a typing error.
pub const MAX_BUDGET_EUR: u64 = 10_000_000_000;

/// A partner: an organization in Kolmonen (with its id), or one that is only a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Partner {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub organization_id: Option<OrganizationId>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: ProjectId,
    /// The row's key in the spreadsheet it came from: importing again updates, not adds.
    pub key: Option<String>,
    pub name: LocalizedText,
    pub lead: OrganizationId,
    pub partners: Vec<Partner>,
    /// Funder ids of the taxonomy (`refdata` funders).
    pub funders: Vec<String>,
    /// The funding programme or funders in words.
    pub funder_note: String,
    pub budget_eur: Option<u64>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub target_groups: Vec<String>,
    /// Municipality codes.
    pub municipalities: Vec<String>,
    pub aims: LocalizedText,
    /// Who to ask, as a role ("Project manager"), never a person's name.
    pub contact_role: LocalizedText,
    pub results: LocalizedText,
    pub created_by: Option<UserId>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// Where a project is in its period on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Ongoing,
    Ended,
}

impl ProjectStatus {
    pub const ALL: [ProjectStatus; 3] = [
        ProjectStatus::Planned,
        ProjectStatus::Ongoing,
        ProjectStatus::Ended,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Ongoing => "ongoing",
            ProjectStatus::Ended => "ended",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl Project {
    pub fn status_on(&self, today: Date) -> ProjectStatus {
        if self.starts_on > today {
            ProjectStatus::Planned
        } else if self.ends_on.is_some_and(|e| e < today) {
            ProjectStatus::Ended
        } else {
            ProjectStatus::Ongoing
        }
    }

    /// The organizations in Kolmonen that run it: the lead, then the partners that are in.
    pub fn organizations(&self) -> Vec<OrganizationId> {
        let mut ids = vec![self.lead];
        for p in &self.partners {
            if let Some(id) = p.organization_id {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

/// A date as people type it in a Finnish spreadsheet or a form: `2025-03-01`, `1.3.2025` or
/// `01.03.2025`.
pub fn parse_date(s: &str) -> Option<Date> {
    parse_any_date(s).filter(|d| (1900..=2100).contains(&d.year()))
}

fn parse_any_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = Date::parse(s, iso) {
        return Some(d);
    }
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// Euros as people type them: `96000`, `96 000`, `96 000 €`, `96000,00`.
pub fn parse_euros(s: &str) -> Option<u64> {
    let s = s.trim();
    let s = s
        .strip_suffix("EUR")
        .or_else(|| s.strip_suffix("eur"))
        .unwrap_or(s)
        .trim_end_matches('€')
        .trim();
    let s = s
        .strip_suffix(",00")
        .or_else(|| s.strip_suffix(".00"))
        .unwrap_or(s);
    let digits: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 12 {
        return None;
    }
    digits.parse().ok().filter(|v| *v <= MAX_BUDGET_EUR)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_and_euros_as_typed() {
        assert_eq!(parse_date("2025-03-01"), Some(date!(2025 - 03 - 01)));
        assert_eq!(parse_date("1.3.2025"), Some(date!(2025 - 03 - 01)));
        assert_eq!(parse_date(" 01.03.2025 "), Some(date!(2025 - 03 - 01)));
        assert_eq!(parse_date("31.2.2025"), None);
        assert_eq!(parse_date("1.3.25"), None);
        assert_eq!(parse_date("maaliskuu"), None);
        assert_eq!(parse_euros("96000"), Some(96_000));
        assert_eq!(parse_euros("96 000 €"), Some(96_000));
        assert_eq!(parse_euros("96\u{a0}000,00"), Some(96_000));
        assert_eq!(parse_euros("-5"), None);
        assert_eq!(parse_euros("1e9"), None);
        assert_eq!(parse_euros("99999999999999"), None);
    }

    #[test]
    fn status_follows_the_period() {
        let mut p = Project {
            id: ProjectId::new(),
            key: None,
            name: LocalizedText::fi("Hanke"),
            lead: OrganizationId::new(),
            partners: Vec::new(),
            funders: vec!["stea".into()],
            funder_note: String::new(),
            budget_eur: None,
            starts_on: date!(2026 - 01 - 01),
            ends_on: Some(date!(2026 - 12 - 31)),
            target_groups: Vec::new(),
            municipalities: Vec::new(),
            aims: LocalizedText::default(),
            contact_role: LocalizedText::default(),
            results: LocalizedText::default(),
            created_by: None,
            created_at: OffsetDateTime::UNIX_EPOCH,
            updated_at: OffsetDateTime::UNIX_EPOCH,
        };
        assert_eq!(p.status_on(date!(2025 - 12 - 31)), ProjectStatus::Planned);
        assert_eq!(p.status_on(date!(2026 - 01 - 01)), ProjectStatus::Ongoing);
        assert_eq!(p.status_on(date!(2026 - 12 - 31)), ProjectStatus::Ongoing);
        assert_eq!(p.status_on(date!(2027 - 01 - 01)), ProjectStatus::Ended);
        p.ends_on = None;
        assert_eq!(p.status_on(date!(2030 - 01 - 01)), ProjectStatus::Ongoing);
    }
}
