//! The edit forms of services and opportunities: what a form holds, how it is checked, and
//! the record it makes. Every problem is named with its field and a translation key.

use super::registration::FieldError;
use crate::domain::{
    LocalizedText, LocationId, Opportunity, OpportunityStatus, OpportunityType, OrganizationId,
    Service, ServiceId, ServiceKind,
};
use crate::refdata::REF;
use time::Date;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEXT: usize = 4000;
pub const MAX_SHORT: usize = 500;
pub const MAX_PLACES: i32 = 1000;

/// A form body as (name, value) pairs.
pub struct Data<'a>(pub &'a [(String, String)]);

impl Data<'_> {
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
    pub fn on(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }
}

/// The three language versions of a text field, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

impl Texts {
    fn read(d: &Data, name: &str) -> Self {
        Texts {
            fi: d.get(&format!("{name}_fi")),
            sv: d.get(&format!("{name}_sv")),
            en: d.get(&format!("{name}_en")),
        }
    }

    fn of(t: &LocalizedText) -> Self {
        Texts {
            fi: t.fi.clone(),
            sv: t.sv.clone().unwrap_or_default(),
            en: t.en.clone().unwrap_or_default(),
        }
    }

    fn pairs(&self, names: [&'static str; 3]) -> [(&'static str, String); 3] {
        [
            (names[0], self.fi.trim().to_string()),
            (names[1], self.sv.trim().to_string()),
            (names[2], self.en.trim().to_string()),
        ]
    }

    /// Names and titles (at most [`MAX_TITLE`] characters) are one line each: a line break
    /// there could forge a header or a paragraph in a message.
    fn check_lines(&self, names: [&'static str; 3], max: usize, errors: &mut Vec<FieldError>) {
        if max > MAX_TITLE {
            return;
        }
        for (name, text) in names.iter().zip([&self.fi, &self.sv, &self.en]) {
            if !crate::domain::is_one_line(text.trim()) {
                errors.push((name, "edit-error-one-line"));
            }
        }
    }

    /// Finnish required (at least `min` characters), every version at most `max`.
    fn check(
        &self,
        names: [&'static str; 3],
        min: usize,
        max: usize,
        required_key: &'static str,
        errors: &mut Vec<FieldError>,
    ) -> LocalizedText {
        let n = self.fi.trim().chars().count();
        if n < min {
            errors.push((names[0], required_key));
        }
        for (name, text) in names.iter().zip([&self.fi, &self.sv, &self.en]) {
            if text.trim().chars().count() > max {
                errors.push((name, "edit-error-too-long"));
            }
        }
        self.check_lines(names, max, errors);
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        LocalizedText {
            fi: self.fi.trim().to_string(),
            sv: opt(&self.sv),
            en: opt(&self.en),
        }
    }
}

fn terms(
    values: &[String],
    known: fn(&str) -> bool,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        if !known(v) {
            errors.push((field, "edit-error-unknown-choice"));
            break;
        }
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn known_topic(id: &str) -> bool {
    REF.taxonomies.topic(id).is_some()
}

fn known_target_group(id: &str) -> bool {
    REF.taxonomies.target_group(id).is_some()
}

fn joined(v: &[String]) -> String {
    let mut v = v.to_vec();
    v.sort();
    v.join(", ")
}

fn yes(b: bool) -> String {
    if b { "✔" } else { "–" }.to_string()
}

/// What the service form holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceForm {
    pub name: Texts,
    pub description: Texts,
    pub kind: String,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub free: bool,
    pub low_threshold: bool,
    pub schedule: String,
    pub locations: Vec<String>,
}

pub const SERVICE_NAMES: [&str; 3] = ["name_fi", "name_sv", "name_en"];
pub const DESCRIPTION_NAMES: [&str; 3] = ["description_fi", "description_sv", "description_en"];

impl ServiceForm {
    pub fn read(d: &Data) -> Self {
        ServiceForm {
            name: Texts::read(d, "name"),
            description: Texts::read(d, "description"),
            kind: d.get("kind"),
            topics: d.all("topics"),
            target_groups: d.all("target_groups"),
            free: d.on("free"),
            low_threshold: d.on("low_threshold"),
            schedule: d.get("schedule"),
            locations: d.all("locations"),
        }
    }

    pub fn of(s: &Service) -> Self {
        ServiceForm {
            name: Texts::of(&s.name),
            description: Texts::of(&s.description),
            kind: s.kind.as_str().to_string(),
            topics: s.topics.clone(),
            target_groups: s.target_groups.clone(),
            free: s.free,
            low_threshold: s.low_threshold,
            schedule: s
                .schedule
                .as_ref()
                .map(|t| t.fi.clone())
                .unwrap_or_default(),
            locations: s.location_ids.iter().map(|l| l.to_string()).collect(),
        }
    }

    /// The fields compared for the history.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p: Vec<(&'static str, String)> = Vec::new();
        p.extend(self.name.pairs(SERVICE_NAMES));
        p.extend(self.description.pairs(DESCRIPTION_NAMES));
        p.extend([
            ("kind", self.kind.clone()),
            ("topics", joined(&self.topics)),
            ("target_groups", joined(&self.target_groups)),
            ("free", yes(self.free)),
            ("low_threshold", yes(self.low_threshold)),
            ("schedule", self.schedule.trim().to_string()),
            ("locations", joined(&self.locations)),
        ]);
        p
    }

    /// The service with this form's values (on top of `base`), or what is wrong.
    /// `places` are the organization's own locations, the only ones a service may name.
    pub fn apply(&self, base: &Service, places: &[LocationId]) -> Result<Service, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self
            .name
            .check(SERVICE_NAMES, 2, MAX_TITLE, "edit-error-name", &mut errors);
        let description = self.description.check(
            DESCRIPTION_NAMES,
            10,
            MAX_TEXT,
            "edit-error-description",
            &mut errors,
        );
        let kind = ServiceKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(("kind", "edit-error-kind"));
        }
        let topics = terms(&self.topics, known_topic, "topics", &mut errors);
        let target_groups = terms(
            &self.target_groups,
            known_target_group,
            "target_groups",
            &mut errors,
        );
        if self.schedule.trim().chars().count() > MAX_SHORT {
            errors.push(("schedule", "edit-error-too-long"));
        }
        let mut location_ids = Vec::new();
        for l in &self.locations {
            match LocationId::parse(l).filter(|id| places.contains(id)) {
                Some(id) if !location_ids.contains(&id) => location_ids.push(id),
                Some(_) => {}
                None => {
                    errors.push(("locations", "edit-error-unknown-choice"));
                    break;
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let now = crate::domain::now_micros();
        let schedule = self.schedule.trim();
        Ok(Service {
            name,
            description,
            kind: kind.unwrap_or(base.kind),
            topics,
            target_groups,
            free: self.free,
            low_threshold: self.low_threshold,
            schedule: (!schedule.is_empty()).then(|| LocalizedText::fi(schedule)),
            location_ids,
            // Saving confirms the record is up to date.
            last_verified_at: now,
            updated_at: now,
            ..base.clone()
        })
    }
}

/// A new, empty service of an organization (the base of the "new service" form).
pub fn new_service(organization: OrganizationId) -> Service {
    let now = crate::domain::now_micros();
    Service {
        id: ServiceId::new(),
        organization_id: organization,
        name: LocalizedText::default(),
        description: LocalizedText::default(),
        kind: ServiceKind::Activity,
        target_groups: Vec::new(),
        topics: Vec::new(),
        languages: vec!["fi".into()],
        free: true,
        cost: None,
        eligibility: None,
        min_age: None,
        max_age: None,
        low_threshold: false,
        schedule: None,
        how_to_get_there: None,
        funding: Vec::new(),
        location_ids: Vec::new(),
        last_verified_at: now,
        updated_at: now,
    }
}

/// What the opportunity form holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OpportunityForm {
    pub title: Texts,
    pub description: Texts,
    pub kind: String,
    pub how_to_apply: String,
    pub places_total: String,
    pub places_free: String,
    pub hours_per_week: String,
    pub part_time: bool,
    pub starts_on: String,
    pub apply_by: String,
    pub status: String,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub location: String,
    pub service: String,
}

pub const TITLE_NAMES: [&str; 3] = ["title_fi", "title_sv", "title_en"];

pub(crate) fn iso(d: Option<Date>) -> String {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
        .unwrap_or_default()
}

pub(crate) fn parse_date(s: &str) -> Result<Option<Date>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // ISO 8601 (2027-01-07, what a date picker sends) or the Finnish way people write it
    // (7.1.2027, with or without leading zeros and a final dot).
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    let finnish = || {
        let mut parts = s.trim_end_matches('.').split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
            return None;
        }
        let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
        Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
    };
    match Date::parse(s, &iso).ok().or_else(finnish) {
        Some(d) if (2000..=2100).contains(&d.year()) => Ok(Some(d)),
        _ => Err(()),
    }
}

/// The translation key of why a date was refused: written right but no such day (31.2.2027,
/// or a year outside 2000–2100), or not written as a date at all.
pub(crate) fn date_error(s: &str) -> &'static str {
    let numbers: Vec<&str> = s.trim().trim_end_matches('.').split(['.', '-']).collect();
    let shaped = numbers.len() == 3
        && numbers.iter().filter(|n| n.len() == 4).count() == 1
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit()));
    if shaped {
        "edit-error-no-such-date"
    } else {
        "edit-error-date"
    }
}

pub(crate) fn parse_number(
    s: &str,
    range: std::ops::RangeInclusive<i32>,
) -> Result<Option<i32>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<i32>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(()),
    }
}

impl OpportunityForm {
    pub fn read(d: &Data) -> Self {
        OpportunityForm {
            title: Texts::read(d, "title"),
            description: Texts::read(d, "description"),
            kind: d.get("kind"),
            how_to_apply: d.get("how_to_apply"),
            places_total: d.get("places_total"),
            places_free: d.get("places_free"),
            hours_per_week: d.get("hours_per_week"),
            part_time: d.on("part_time"),
            starts_on: d.get("starts_on"),
            apply_by: d.get("apply_by"),
            status: d.get("status"),
            topics: d.all("topics"),
            target_groups: d.all("target_groups"),
            location: d.get("location"),
            service: d.get("service"),
        }
    }

    pub fn of(o: &Opportunity) -> Self {
        OpportunityForm {
            title: Texts::of(&o.title),
            description: Texts::of(&o.description),
            kind: o.kind.as_str().to_string(),
            how_to_apply: o.how_to_apply.fi.clone(),
            places_total: o.places_total.to_string(),
            places_free: o.places_free.to_string(),
            hours_per_week: o.hours_per_week.map(|h| h.to_string()).unwrap_or_default(),
            part_time: o.part_time,
            starts_on: iso(o.starts_on),
            apply_by: iso(o.apply_by),
            status: o.status.as_str().to_string(),
            topics: o.topics.clone(),
            target_groups: o.target_groups.clone(),
            location: o.location_id.map(|l| l.to_string()).unwrap_or_default(),
            service: o.service_id.map(|s| s.to_string()).unwrap_or_default(),
        }
    }

    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p: Vec<(&'static str, String)> = Vec::new();
        p.extend(self.title.pairs(TITLE_NAMES));
        p.extend(self.description.pairs(DESCRIPTION_NAMES));
        p.extend([
            ("kind", self.kind.clone()),
            ("how_to_apply", self.how_to_apply.trim().to_string()),
            ("places_total", self.places_total.trim().to_string()),
            ("places_free", self.places_free.trim().to_string()),
            ("hours_per_week", self.hours_per_week.trim().to_string()),
            ("part_time", yes(self.part_time)),
            ("starts_on", self.starts_on.trim().to_string()),
            ("apply_by", self.apply_by.trim().to_string()),
            ("status", self.status.clone()),
            ("topics", joined(&self.topics)),
            ("target_groups", joined(&self.target_groups)),
            ("location", self.location.clone()),
            ("service", self.service.clone()),
        ]);
        p
    }

    /// The opportunity with this form's values, or what is wrong. `places` and `services`
    /// are the organization's own, the only ones it may name. An opportunity whose free
    /// places run out is marked full; one closed stays closed.
    pub fn apply(
        &self,
        base: &Opportunity,
        places: &[LocationId],
        services: &[ServiceId],
    ) -> Result<Opportunity, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self
            .title
            .check(TITLE_NAMES, 2, MAX_TITLE, "edit-error-name", &mut errors);
        let description = self.description.check(
            DESCRIPTION_NAMES,
            10,
            MAX_TEXT,
            "edit-error-description",
            &mut errors,
        );
        let kind = OpportunityType::parse(&self.kind);
        if kind.is_none() {
            errors.push(("kind", "edit-error-kind"));
        }
        if self.how_to_apply.trim().chars().count() > MAX_SHORT {
            errors.push(("how_to_apply", "edit-error-too-long"));
        }
        let total = parse_number(&self.places_total, 0..=MAX_PLACES);
        let free = parse_number(&self.places_free, 0..=MAX_PLACES);
        let (total, free) = match (total, free) {
            (Ok(t), Ok(f)) => {
                let (t, f) = (t.unwrap_or(0), f.unwrap_or(0));
                if f > t {
                    errors.push(("places_free", "edit-error-places-free"));
                }
                (t, f)
            }
            (t, f) => {
                if t.is_err() {
                    errors.push(("places_total", "edit-error-number"));
                }
                if f.is_err() {
                    errors.push(("places_free", "edit-error-number"));
                }
                (0, 0)
            }
        };
        let hours = parse_number(&self.hours_per_week, 1..=60).unwrap_or_else(|()| {
            errors.push(("hours_per_week", "edit-error-hours"));
            None
        });
        let starts_on = parse_date(&self.starts_on).unwrap_or_else(|()| {
            errors.push(("starts_on", date_error(&self.starts_on)));
            None
        });
        let apply_by = parse_date(&self.apply_by).unwrap_or_else(|()| {
            errors.push(("apply_by", date_error(&self.apply_by)));
            None
        });
        let status = OpportunityStatus::parse(&self.status);
        if status.is_none() {
            errors.push(("status", "edit-error-kind"));
        }
        let topics = terms(&self.topics, known_topic, "topics", &mut errors);
        let target_groups = terms(
            &self.target_groups,
            known_target_group,
            "target_groups",
            &mut errors,
        );
        let location_id = match self.location.trim() {
            "" => None,
            l => match LocationId::parse(l).filter(|id| places.contains(id)) {
                Some(id) => Some(id),
                None => {
                    errors.push(("location", "edit-error-unknown-choice"));
                    None
                }
            },
        };
        let service_id = match self.service.trim() {
            "" => None,
            s => match ServiceId::parse(s).filter(|id| services.contains(id)) {
                Some(id) => Some(id),
                None => {
                    errors.push(("service", "edit-error-unknown-choice"));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut status = status.unwrap_or(base.status);
        if status == OpportunityStatus::Open && total > 0 && free == 0 {
            status = OpportunityStatus::Full;
        }
        let now = crate::domain::now_micros();
        let how = self.how_to_apply.trim();
        Ok(Opportunity {
            title,
            description,
            kind: kind.unwrap_or(base.kind),
            how_to_apply: if how.is_empty() {
                LocalizedText::default()
            } else {
                LocalizedText::fi(how)
            },
            places_total: total,
            places_free: free,
            hours_per_week: hours,
            part_time: self.part_time,
            starts_on,
            apply_by,
            status,
            topics,
            target_groups,
            location_id,
            service_id,
            last_verified_at: now,
            updated_at: now,
            ..base.clone()
        })
    }
}

/// A new, empty opportunity of an organization.
pub fn new_opportunity(organization: OrganizationId) -> Opportunity {
    let now = crate::domain::now_micros();
    Opportunity {
        id: crate::domain::OpportunityId::new(),
        organization_id: organization,
        service_id: None,
        location_id: None,
        kind: OpportunityType::WorkTrial,
        title: LocalizedText::default(),
        description: LocalizedText::default(),
        requirements: None,
        how_to_apply: LocalizedText::default(),
        places_total: 1,
        places_free: 1,
        hours_per_week: None,
        part_time: false,
        topics: Vec::new(),
        target_groups: Vec::new(),
        starts_on: None,
        apply_by: None,
        status: OpportunityStatus::Open,
        last_verified_at: now,
        updated_at: now,
    }
}

/// What the place form holds. Places are in Finland: the postal code gives the municipality,
/// and the municipality's centre stands in for coordinates until someone gives better ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LocationForm {
    pub name: Texts,
    pub street: String,
    pub postal_code: String,
    pub accessibility: String,
}

impl LocationForm {
    pub fn read(d: &Data) -> Self {
        LocationForm {
            name: Texts::read(d, "name"),
            street: d.get("street"),
            postal_code: d.get("postal_code"),
            accessibility: d.get("accessibility"),
        }
    }

    pub fn of(l: &crate::domain::Location) -> Self {
        LocationForm {
            name: Texts::of(&l.name),
            street: l.street.clone(),
            postal_code: l.postal_code.clone(),
            accessibility: l
                .accessibility
                .as_ref()
                .map(|a| a.fi.clone())
                .unwrap_or_default(),
        }
    }

    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p: Vec<(&'static str, String)> = self.name.pairs(SERVICE_NAMES).to_vec();
        p.extend([
            ("street", self.street.trim().to_string()),
            ("postal_code", self.postal_code.trim().to_string()),
            ("accessibility", self.accessibility.trim().to_string()),
        ]);
        p
    }

    pub fn apply(
        &self,
        base: &crate::domain::Location,
    ) -> Result<crate::domain::Location, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self
            .name
            .check(SERVICE_NAMES, 0, MAX_TITLE, "edit-error-name", &mut errors);
        let street = self.street.trim();
        if street.is_empty() {
            errors.push(("street", "place-error-street"));
        } else if street.chars().count() > MAX_TITLE {
            errors.push(("street", "edit-error-too-long"));
        } else if !crate::domain::is_one_line(street) {
            errors.push(("street", "edit-error-one-line"));
        }
        let code = self.postal_code.trim();
        let municipality =
            crate::domain::PostalCode::parse(code).and_then(|_| REF.municipality_of_postcode(code));
        if municipality.is_none() {
            errors.push(("postal_code", "place-error-postal-code"));
        }
        if self.accessibility.trim().chars().count() > MAX_SHORT {
            errors.push(("accessibility", "edit-error-too-long"));
        }
        let Some(m) = municipality.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        let access = self.accessibility.trim();
        let moved = base.postal_code != code;
        Ok(crate::domain::Location {
            name,
            street: street.to_string(),
            postal_code: code.to_string(),
            country: "FI".into(),
            city: Some(m.name_fi.clone()),
            municipality_code: Some(m.code.clone()),
            latitude: if moved || base.latitude.is_none() {
                Some(m.latitude)
            } else {
                base.latitude
            },
            longitude: if moved || base.longitude.is_none() {
                Some(m.longitude)
            } else {
                base.longitude
            },
            accessibility: (!access.is_empty()).then(|| LocalizedText::fi(access)),
            ..base.clone()
        })
    }
}

/// A new, empty place of an organization.
pub fn new_location(organization: OrganizationId) -> crate::domain::Location {
    crate::domain::Location {
        id: LocationId::new(),
        organization_id: Some(organization),
        name: LocalizedText::default(),
        street: String::new(),
        postal_code: String::new(),
        country: "FI".into(),
        city: None,
        municipality_code: None,
        latitude: None,
        longitude: None,
        accessibility: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn dates_are_taken_the_iso_way_and_the_finnish_way() {
        let d = time::macros::date!(2027 - 01 - 07);
        for s in ["2027-01-07", "7.1.2027", "07.01.2027", " 7.1.2027. "] {
            assert_eq!(parse_date(s), Ok(Some(d)), "{s}");
        }
        assert_eq!(parse_date(""), Ok(None));
        for s in [
            "7.1.27",
            "32.1.2027",
            "29.2.2027",
            "7.13.2027",
            "1.1.1999",
            "7/1/2027",
            "7.1.2027.5",
            "huomenna",
        ] {
            assert_eq!(parse_date(s), Err(()), "{s}");
        }
        // Why: no such day, or not a date as written.
        for s in [
            "31.2.2027",
            "29.2.2027",
            "32.1.2027",
            "7.13.2027",
            "1.1.1999",
            "2027-02-30",
        ] {
            assert_eq!(date_error(s), "edit-error-no-such-date", "{s}");
        }
        for s in ["7.1.27", "7/1/2027", "huomenna", "7.1.2027.5", "1.1.20277"] {
            assert_eq!(date_error(s), "edit-error-date", "{s}");
        }
    }

    #[test]
    fn a_service_form_makes_a_service() {
        let org = OrganizationId::new();
        let place = LocationId::new();
        let d = data(&[
            ("name_fi", "Pyöräkorjaamo"),
            ("name_sv", "Cykelverkstad"),
            ("description_fi", "Korjaamme pyöriä yhdessä."),
            ("kind", "activity"),
            ("topics", "crafts"),
            ("free", "1"),
            ("locations", &place.to_string()),
        ]);
        let topic = REF.taxonomies.topics[0].id.clone();
        let mut d = d;
        d[4].1 = topic.clone();
        let f = ServiceForm::read(&Data(&d));
        let s = f.apply(&new_service(org), &[place]).unwrap();
        assert_eq!(s.name.sv.as_deref(), Some("Cykelverkstad"));
        assert_eq!(s.name.en, None);
        assert_eq!(s.topics, [topic]);
        assert!(s.free && !s.low_threshold);
        assert_eq!(s.location_ids, [place]);
        assert_eq!(ServiceForm::of(&s).pairs(), f.pairs());
    }

    #[test]
    fn a_service_form_names_each_problem() {
        let d = data(&[
            ("name_fi", "x"),
            ("description_fi", "lyhyt"),
            ("kind", "kerho"),
            ("topics", "no-such-topic"),
            ("locations", &LocationId::new().to_string()),
        ]);
        let errors = ServiceForm::read(&Data(&d))
            .apply(&new_service(OrganizationId::new()), &[])
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["name_fi", "description_fi", "kind", "topics", "locations"]
        );
    }

    #[test]
    fn a_place_gets_its_municipality_from_the_postal_code() {
        let base = new_location(OrganizationId::new());
        let d = data(&[("street", "Aleksanterinkatu 1"), ("postal_code", "15140")]);
        let l = LocationForm::read(&Data(&d)).apply(&base).unwrap();
        assert_eq!(l.municipality_code.as_deref(), Some("398"));
        assert!(l.latitude.is_some() && l.validate().is_ok());
        let bad = data(&[("street", " "), ("postal_code", "99999x")]);
        let errors = LocationForm::read(&Data(&bad)).apply(&base).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["street", "postal_code"]);
    }

    #[test]
    fn opportunities_check_places_hours_and_dates() {
        let org = OrganizationId::new();
        let base = new_opportunity(org);
        let ok = data(&[
            ("title_fi", "Työkokeilu kahvilassa"),
            ("description_fi", "Kahvilan töitä neljä tuntia päivässä."),
            ("kind", "work_trial"),
            ("places_total", "3"),
            ("places_free", "0"),
            ("hours_per_week", "20"),
            ("starts_on", "2026-12-01"),
            ("status", "open"),
        ]);
        let o = OpportunityForm::read(&Data(&ok))
            .apply(&base, &[], &[])
            .unwrap();
        assert_eq!(o.status, OpportunityStatus::Full, "no free places: full");
        assert_eq!(o.hours_per_week, Some(20));
        assert_eq!(iso(o.starts_on), "2026-12-01");
        let mut bad = ok.clone();
        bad[4].1 = "5".into();
        bad[5].1 = "99".into();
        bad[6].1 = "1.12.26".into();
        bad.push(("apply_by".into(), "2026-02-30".into()));
        let errors = OpportunityForm::read(&Data(&bad))
            .apply(&base, &[], &[])
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["places_free", "hours_per_week", "starts_on", "apply_by"]
        );
        for (_, key) in errors {
            for lang in crate::domain::Lang::ALL {
                assert_ne!(crate::i18n::t(lang, key), key);
            }
        }
    }
}
