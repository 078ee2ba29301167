//! HSDS 3.0 documents back into our records: the reverse of `export`. Our own attributes
//! restore every field exactly; documents from other systems fill what HSDS has.

use super::model as h;
use super::{find_term, sources, TAXONOMIES};
use crate::domain::*;
use crate::refdata::REF;
use std::collections::{HashMap, HashSet};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Why a document cannot become a record; `path` says where in the document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct Rejected {
    pub path: String,
    pub reason: String,
}

pub(crate) fn reject(path: impl Into<String>, reason: impl Into<String>) -> Rejected {
    Rejected {
        path: path.into(),
        reason: reason.into(),
    }
}

/// The attributes of one record, read through our taxonomies.
#[derive(Default)]
struct Attrs {
    /// taxonomy → codes
    terms: HashMap<&'static str, Vec<String>>,
    /// property → values
    props: HashMap<String, Vec<String>>,
    /// "field:lang" → text
    texts: HashMap<String, String>,
    /// The language of texts that come without ours (documents from other systems).
    lang: Lang,
}

impl Attrs {
    fn read(attrs: &[h::Attribute], lang: Lang) -> Self {
        let mut out = Attrs {
            lang,
            ..Attrs::default()
        };
        for a in attrs {
            let Some((tax, code)) = a.taxonomy_term_id.as_deref().and_then(find_term) else {
                continue;
            };
            match (tax, code.as_str()) {
                ("property", "text") => {
                    if let (Some(k), Some(v)) = (&a.link_type, &a.value) {
                        out.texts.insert(k.clone(), v.clone());
                    }
                }
                ("property", p) => out
                    .props
                    .entry(p.to_string())
                    .or_default()
                    .extend(a.value.clone()),
                (t, _) if TAXONOMIES.contains(&t) => out.terms.entry(t).or_default().push(code),
                _ => {}
            }
        }
        out
    }

    fn prop(&self, name: &str) -> Option<&str> {
        self.props
            .get(name)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    fn all(&self, name: &str) -> Vec<String> {
        self.props.get(name).cloned().unwrap_or_default()
    }

    fn flag(&self, name: &str) -> Option<bool> {
        self.prop(name).and_then(|v| v.parse().ok())
    }

    fn number(&self, name: &str) -> Option<i32> {
        self.prop(name).and_then(|v| v.parse().ok())
    }

    fn date(&self, name: &str) -> Option<time::Date> {
        self.prop(name).and_then(|v| {
            time::Date::parse(v, time::macros::format_description!("[year]-[month]-[day]")).ok()
        })
    }

    fn time(&self, name: &str) -> Option<OffsetDateTime> {
        self.prop(name).and_then(parse_time)
    }

    fn codes(&self, taxonomy: &str) -> Vec<String> {
        self.terms.get(taxonomy).cloned().unwrap_or_default()
    }

    /// The text of `field` in every language we have. Without any (a document from another
    /// system), the document's own field, in the language the import was told.
    fn text(&self, field: &str, fallback: Option<&str>) -> Option<LocalizedText> {
        let get = |l: &str| {
            self.texts
                .get(&format!("{field}:{l}"))
                .filter(|s| !s.trim().is_empty())
                .cloned()
        };
        let t = LocalizedText {
            fi: get("fi").unwrap_or_default(),
            sv: get("sv"),
            en: get("en"),
        };
        if !t.is_empty() {
            return Some(t);
        }
        let fallback = fallback.filter(|s| !s.trim().is_empty())?;
        Some(LocalizedText::only(self.lang, fallback))
    }
}

fn uuid(path: &str, id: &str) -> Result<uuid::Uuid, Rejected> {
    uuid::Uuid::parse_str(id).map_err(|_| reject(path, format!("id {id:?} is not a UUID")))
}

/// An RFC 3339 time, to the microsecond (what the store keeps), so that a record read back
/// compares equal to the one stored.
fn parse_time(s: &str) -> Option<OffsetDateTime> {
    let t = OffsetDateTime::parse(s, &Rfc3339).ok()?;
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000).ok()
}

fn modified(s: Option<&str>) -> Option<OffsetDateTime> {
    s.and_then(parse_time)
}

pub fn organization(
    doc: &h::Organization,
    path: &str,
    now: OffsetDateTime,
    lang: Lang,
) -> Result<Organization, Rejected> {
    let a = Attrs::read(&doc.attributes, lang);
    let business_id = match doc
        .organization_identifiers
        .iter()
        .find(|i| i.identifier_type == super::BUSINESS_ID_TYPE)
    {
        Some(i) => Some(
            BusinessId::parse(&i.identifier)
                .map_err(|e| reject(format!("{path}/organization_identifiers"), e.to_string()))?,
        ),
        None => None,
    };
    let phones = doc
        .phones
        .iter()
        .enumerate()
        .map(|(i, p)| Phone {
            number: p.number.clone(),
            description: a.text(&format!("phone_description.{i}"), p.description.as_deref()),
        })
        .collect();
    check_kept_links(&doc.extra, path)?;
    if doc
        .website
        .as_deref()
        .is_some_and(|w| !crate::domain::is_web_link(w))
    {
        return Err(reject(
            format!("{path}/website"),
            "not an http or https address",
        ));
    }
    let o = Organization {
        id: OrganizationId(uuid(path, &doc.id)?),
        name: doc.name.trim().to_string(),
        legal_form: a
            .prop("legal_form")
            .and_then(LegalForm::parse)
            .unwrap_or(LegalForm::Other),
        business_id,
        description: a
            .text("description", Some(&doc.description))
            .ok_or_else(|| reject(format!("{path}/description"), "description is required"))?,
        website: doc.website.clone(),
        email: doc.email.clone(),
        phones,
        areas_served: a.all("area_served"),
        networks: a.all("network"),
        verified: a.flag("verified").unwrap_or(false),
        last_verified_at: a.time("last_verified_at").unwrap_or(now),
        updated_at: a.time("last_verified_at").unwrap_or(now),
    };
    o.validate().map_err(|e| reject(path, e.to_string()))?;
    Ok(o)
}

/// Longest postal code or city we keep from an address abroad.
const MAX_PLACE_CHARS: usize = 64;

/// A location document. `organization_id` is the organization it sits under in the document,
/// if any; the location's own `organization_id` wins. What we keep differently from the
/// document (coordinates off the globe) goes to `notes`.
pub fn location(
    doc: &h::Location,
    organization_id: Option<OrganizationId>,
    path: &str,
    lang: Lang,
    notes: &mut Vec<Rejected>,
) -> Result<Location, Rejected> {
    let a = Attrs::read(&doc.attributes, lang);
    let address = doc
        .addresses
        .first()
        .ok_or_else(|| reject(format!("{path}/addresses"), "a location needs an address"))?;
    let apath = format!("{path}/addresses/0");
    let country = address.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(reject(
            format!("{apath}/country"),
            format!(
                "country {:?} is not an ISO 3166-1 two-letter code",
                address.country
            ),
        ));
    }
    let organization_id = match &doc.organization_id {
        Some(o) => Some(OrganizationId(uuid(path, o)?)),
        None => organization_id,
    };
    let (postal_code, municipality_code, city) = if country == "FI" {
        let postal_code = PostalCode::parse(&address.postal_code).ok_or_else(|| {
            reject(
                format!("{apath}/postal_code"),
                format!(
                    "{:?} is not a Finnish postal code (five digits)",
                    address.postal_code
                ),
            )
        })?;
        let m = REF
            .municipality_of_postcode(postal_code.as_str())
            .ok_or_else(|| {
                reject(
                    format!("{apath}/postal_code"),
                    format!("unknown Finnish postal code {}", postal_code.as_str()),
                )
            })?;
        let code = a
            .prop("municipality")
            .map(str::to_string)
            .unwrap_or_else(|| m.code.clone());
        (String::from(postal_code), Some(code), None)
    } else {
        let clip = |s: &str| s.trim().chars().take(MAX_PLACE_CHARS).collect::<String>();
        let city = Some(clip(&address.city)).filter(|c| !c.is_empty());
        (clip(&address.postal_code), None, city)
    };
    let (mut latitude, mut longitude) = (doc.latitude, doc.longitude);
    if latitude.is_some_and(|v| !(-90.0..=90.0).contains(&v))
        || longitude.is_some_and(|v| !(-180.0..=180.0).contains(&v))
    {
        notes.push(reject(
            path,
            format!(
                "coordinates {}, {} are off the globe and were left out",
                latitude.unwrap_or_default(),
                longitude.unwrap_or_default()
            ),
        ));
        (latitude, longitude) = (None, None);
    }
    let l = Location {
        id: LocationId(uuid(path, &doc.id)?),
        organization_id,
        name: a
            .text("name", doc.name.as_deref())
            .unwrap_or_else(|| LocalizedText::fi(address.address_1.clone())),
        street: address.address_1.trim().to_string(),
        postal_code,
        country,
        city,
        municipality_code,
        latitude,
        longitude,
        accessibility: a.text(
            "accessibility",
            doc.accessibility
                .first()
                .and_then(|x| x.description.as_deref()),
        ),
    };
    l.validate().map_err(|e| reject(path, e.to_string()))?;
    Ok(l)
}

pub fn contact(
    doc: &h::Contact,
    organization_id: OrganizationId,
    path: &str,
    lang: Lang,
) -> Result<Contact, Rejected> {
    let c = Contact {
        id: ContactId(uuid(path, &doc.id)?),
        organization_id,
        service_id: match &doc.service_id {
            Some(s) => Some(ServiceId(uuid(path, s)?)),
            None => None,
        },
        title: LocalizedText::only(lang, doc.title.clone().unwrap_or_default()),
        name: doc.name.clone(),
        email: doc.email.clone(),
        phone: doc.phones.first().map(|p| p.number.clone()),
    };
    c.validate().map_err(|e| reject(path, e.to_string()))?;
    Ok(c)
}

/// Links among the fields we keep as they came (`url`, `logo`, `uri`) are only `http`,
/// `https`, `mailto` or `tel`, as everywhere a link is stored.
fn check_kept_links(
    extra: &serde_json::Map<String, serde_json::Value>,
    path: &str,
) -> Result<(), Rejected> {
    for field in ["url", "logo", "uri", "website"] {
        if let Some(v) = extra.get(field).and_then(|v| v.as_str()) {
            if !v.is_empty() && crate::domain::safe_link(v).is_none() {
                return Err(reject(
                    format!("{path}/{field}"),
                    "not an http, https, mailto or tel link",
                ));
            }
        }
    }
    Ok(())
}

/// A service document: one of our services, or one of our opportunities.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Service(Service, Vec<Location>),
    Opportunity(Opportunity, Option<Location>),
}

pub fn service(
    doc: &h::Service,
    path: &str,
    now: OffsetDateTime,
    lang: Lang,
    notes: &mut Vec<Rejected>,
) -> Result<Record, Rejected> {
    check_kept_links(&doc.extra, path)?;
    let a = Attrs::read(&doc.attributes, lang);
    let org_id = doc
        .organization_id
        .as_deref()
        .or(doc.organization.as_ref().map(|o| o.id.as_str()))
        .ok_or_else(|| reject(path, "a service needs its organization_id"))?;
    let organization_id = OrganizationId(uuid(path, org_id)?);
    // Locations written out in full come along; those given by id only (a location
    // without its address, or just a location_id) must already be in the import or stored.
    let mut locations = Vec::new();
    let mut location_ids = Vec::new();
    for (i, sal) in doc.service_at_locations.iter().enumerate() {
        match &sal.location {
            Some(l) if !l.addresses.is_empty() => {
                let l = location(
                    l,
                    Some(organization_id),
                    &format!("{path}/service_at_locations/{i}/location"),
                    lang,
                    notes,
                )?;
                location_ids.push(l.id);
                locations.push(l);
            }
            Some(l) => location_ids.push(LocationId(uuid(path, &l.id)?)),
            None => {
                if let Some(id) = &sal.location_id {
                    location_ids.push(LocationId(uuid(path, id)?));
                }
            }
        }
    }
    let name = a
        .text("name", Some(&doc.name))
        .ok_or_else(|| reject(format!("{path}/name"), "name is required"))?;
    let description = a
        .text("description", doc.description.as_deref())
        .unwrap_or_else(|| name.clone());
    let updated_at = modified(doc.last_modified.as_deref()).unwrap_or(now);
    // HSDS's assured_date is the nearest thing to our "last verified".
    let assured = doc.assured_date.as_deref().and_then(|d| {
        time::Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
            .ok()
            .map(|d| d.midnight().assume_utc())
    });
    let last_verified_at = a.time("last_verified_at").or(assured).unwrap_or(updated_at);
    if a.prop("record_type") == Some("opportunity") {
        let kind = a
            .codes("opportunity_type")
            .first()
            .and_then(|k| OpportunityType::parse(k))
            .ok_or_else(|| {
                reject(
                    format!("{path}/attributes"),
                    "an opportunity needs its opportunity type",
                )
            })?;
        let o = Opportunity {
            id: OpportunityId(uuid(path, &doc.id)?),
            organization_id,
            service_id: a.prop("parent_service").and_then(ServiceId::parse),
            location_id: location_ids.first().copied(),
            kind,
            title: name,
            description,
            requirements: a.text("requirements", doc.eligibility_description.as_deref()),
            how_to_apply: a
                .text("how_to_apply", doc.application_process.as_deref())
                .ok_or_else(|| {
                    reject(
                        format!("{path}/application_process"),
                        "how to apply is required",
                    )
                })?,
            places_total: a.number("places_total").unwrap_or(0),
            places_free: a.number("places_free").unwrap_or(0),
            hours_per_week: a.number("hours_per_week"),
            part_time: a.flag("part_time").unwrap_or(false),
            topics: a.codes("topic"),
            target_groups: a.codes("target_group"),
            starts_on: a.date("starts_on"),
            apply_by: a.date("apply_by"),
            status: a
                .prop("opportunity_status")
                .and_then(OpportunityStatus::parse)
                .unwrap_or(match doc.status.as_str() {
                    "active" => OpportunityStatus::Open,
                    "temporarily closed" => OpportunityStatus::Full,
                    _ => OpportunityStatus::Closed,
                }),
            last_verified_at,
            updated_at,
        };
        o.validate().map_err(|e| reject(path, e.to_string()))?;
        return Ok(Record::Opportunity(o, locations.into_iter().next()));
    }
    let s = Service {
        id: ServiceId(uuid(path, &doc.id)?),
        organization_id,
        name,
        description,
        kind: a
            .codes("service_kind")
            .first()
            .and_then(|k| ServiceKind::parse(k))
            .unwrap_or(ServiceKind::Service),
        target_groups: a.codes("target_group"),
        topics: a.codes("topic"),
        languages: doc
            .languages
            .iter()
            .filter_map(|l| l.code.clone())
            .collect(),
        free: a
            .flag("free")
            .unwrap_or_else(|| doc.cost_options.iter().any(|c| c.amount == Some(0.0))),
        cost: a.text("cost", doc.fees_description.as_deref()),
        eligibility: a.text("eligibility", doc.eligibility_description.as_deref()),
        min_age: doc.minimum_age.map(|v| v as i32),
        max_age: doc.maximum_age.map(|v| v as i32),
        low_threshold: a.flag("low_threshold").unwrap_or(false),
        schedule: a.text(
            "schedule",
            doc.schedules.first().and_then(|s| s.description.as_deref()),
        ),
        how_to_get_there: a.text("how_to_get_there", None),
        funding: doc
            .funding
            .iter()
            .filter_map(|f| f.source.clone())
            .collect(),
        location_ids,
        last_verified_at,
        updated_at,
    };
    s.validate().map_err(|e| reject(path, e.to_string()))?;
    Ok(Record::Service(s, locations))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hsds::export;

    #[test]
    fn our_records_survive_export_and_import_unchanged() {
        let b = crate::demo::demo_batch().expect("demo");
        let now = OffsetDateTime::now_utc();
        for o in &b.organizations {
            let locs: Vec<Location> = b
                .locations
                .iter()
                .filter(|l| l.organization_id == Some(o.id))
                .cloned()
                .collect();
            let doc = export::organization(o, &locs, &[], Lang::Sv);
            let mut back = organization(&doc, "org", now, Lang::Fi).expect("imports");
            back.updated_at = o.updated_at;
            assert_eq!(&back, o);
            for (l, d) in locs.iter().zip(&doc.locations) {
                let back =
                    location(d, Some(o.id), "loc", Lang::Fi, &mut Vec::new()).expect("location");
                assert_eq!(&back, l);
            }
        }
        for s in &b.services {
            let doc = export::service(s, None, &b.locations, &[], Lang::En);
            match service(&doc, "svc", now, Lang::Fi, &mut Vec::new()).expect("imports") {
                Record::Service(back, _) => assert_eq!(&back, s),
                other => panic!("a service came back as {other:?}"),
            }
        }
        for o in &b.opportunities {
            let loc = o
                .location_id
                .and_then(|l| b.locations.iter().find(|x| x.id == l));
            let doc = export::opportunity(o, None, loc, Lang::Fi);
            match service(&doc, "opp", now, Lang::Fi, &mut Vec::new()).expect("imports") {
                Record::Opportunity(back, _) => assert_eq!(&back, o),
                other => panic!("an opportunity came back as {other:?}"),
            }
        }
    }

    #[test]
    fn a_foreign_service_gets_what_hsds_has() {
        let doc = h::Service {
            id: "ac148810-d857-441c-9679-408f346de14b".into(),
            organization_id: Some("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610".into()),
            name: "Community Counselling".into(),
            status: "active".into(),
            minimum_age: Some(12.0),
            ..Default::default()
        };
        let Record::Service(s, _) = service(
            &doc,
            "x",
            OffsetDateTime::now_utc(),
            Lang::Fi,
            &mut Vec::new(),
        )
        .expect("imports") else {
            panic!("service expected")
        };
        assert_eq!(s.name.fi, "Community Counselling");
        // Told that the other system writes English, the text is kept as English.
        let Record::Service(s, _) = service(
            &doc,
            "x",
            OffsetDateTime::now_utc(),
            Lang::En,
            &mut Vec::new(),
        )
        .expect("imports") else {
            panic!("service expected")
        };
        assert_eq!(s.name.get(Lang::Fi), ("Community Counselling", Lang::En));
        assert_eq!(s.min_age, Some(12));
        assert_eq!(s.kind, ServiceKind::Service);
    }

    #[test]
    fn bad_documents_are_rejected_with_their_place() {
        let now = OffsetDateTime::now_utc();
        let doc = h::Service {
            id: "not-a-uuid".into(),
            organization_id: Some(uuid::Uuid::nil().to_string()),
            name: "x".into(),
            status: "active".into(),
            ..Default::default()
        };
        let e = service(&doc, "services/3", now, Lang::Fi, &mut Vec::new()).unwrap_err();
        assert!(
            e.path.starts_with("services/3") && e.reason.contains("UUID"),
            "{e}"
        );
        let doc = h::Service {
            id: uuid::Uuid::nil().to_string(),
            name: "x".into(),
            status: "active".into(),
            ..Default::default()
        };
        assert!(service(&doc, "s", now, Lang::Fi, &mut Vec::new())
            .unwrap_err()
            .reason
            .contains("organization_id"));
    }
}

/// Ids of records, by kind.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct References {
    pub organizations: Vec<OrganizationId>,
    pub services: Vec<ServiceId>,
    pub locations: Vec<LocationId>,
}

/// Largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// How many records of each kind the batch held before a document was read.
#[derive(Debug, Clone, Copy)]
struct Mark {
    organizations: usize,
    services: usize,
    opportunities: usize,
    locations: usize,
    contacts: usize,
}

impl Mark {
    fn of(b: &crate::store::DirectoryBatch) -> Self {
        Mark {
            organizations: b.organizations.len(),
            services: b.services.len(),
            opportunities: b.opportunities.len(),
            locations: b.locations.len(),
            contacts: b.contacts.len(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum DocKind {
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Skip(&'static str),
}

impl DocKind {
    fn name(self) -> &'static str {
        match self {
            DocKind::Organization => "organization",
            DocKind::Service => "service",
            DocKind::Location => "location",
            DocKind::ServiceAtLocation => "service_at_location",
            DocKind::Skip(_) => "document",
        }
    }
}

/// Records read from files, with every rejection and where it was found.
#[derive(Debug, Default)]
pub struct ImportPlan {
    pub batch: crate::store::DirectoryBatch,
    pub rejected: Vec<Rejected>,
    /// What was read but kept differently or not at all, without being an error: documents
    /// of kinds we do not store, values we had to leave out.
    pub notes: Vec<Rejected>,
    /// The language of texts in documents from other systems (ours say theirs).
    pub source_lang: Lang,
}

impl ImportPlan {
    fn add_organization(&mut self, doc: &h::Organization, path: &str, now: OffsetDateTime) {
        let o = match organization(doc, path, now, self.source_lang) {
            Ok(o) => o,
            Err(e) => return self.rejected.push(e),
        };
        for (i, l) in doc.locations.iter().enumerate() {
            match location(
                l,
                Some(o.id),
                &format!("{path}/locations/{i}"),
                self.source_lang,
                &mut self.notes,
            ) {
                Ok(l) => self.batch.locations.push(l),
                Err(e) => self.rejected.push(e),
            }
        }
        for (i, c) in doc.contacts.iter().enumerate() {
            match contact(c, o.id, &format!("{path}/contacts/{i}"), self.source_lang) {
                Ok(c) => self.batch.contacts.push(c),
                Err(e) => self.rejected.push(e),
            }
        }
        for (i, s) in doc.services.iter().flatten().enumerate() {
            let mut s = s.clone();
            s.organization_id.get_or_insert_with(|| o.id.to_string());
            self.add_service(&s, &format!("{path}/services/{i}"), now);
        }
        self.batch.organizations.push(o);
    }

    fn add_service(&mut self, doc: &h::Service, path: &str, now: OffsetDateTime) {
        if let Some(org) = &doc.organization {
            let mut org = (**org).clone();
            org.services = None;
            self.add_organization(&org, &format!("{path}/organization"), now);
        }
        match service(doc, path, now, self.source_lang, &mut self.notes) {
            Ok(Record::Service(s, locs)) => {
                self.batch.locations.extend(locs);
                for (i, c) in doc.contacts.iter().enumerate() {
                    let mut c = c.clone();
                    c.service_id = Some(s.id.to_string());
                    match contact(
                        &c,
                        s.organization_id,
                        &format!("{path}/contacts/{i}"),
                        self.source_lang,
                    ) {
                        Ok(c) => self.batch.contacts.push(c),
                        Err(e) => self.rejected.push(e),
                    }
                }
                self.batch.services.push(s);
            }
            Ok(Record::Opportunity(o, loc)) => {
                self.batch.locations.extend(loc);
                self.batch.opportunities.push(o);
            }
            Err(e) => self.rejected.push(e),
        }
    }

    /// One JSON text: an organization or service document, a list of them, or a paged list.
    pub fn add_json(&mut self, text: &str, source: &str, now: OffsetDateTime) {
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                return self.rejected.push(reject(
                    format!("{source}:{}:{}", e.line(), e.column()),
                    format!("not valid JSON: {e}"),
                ))
            }
        };
        let (items, base) = match value {
            serde_json::Value::Array(items) => (items, format!("{source}#")),
            serde_json::Value::Object(mut map)
                if map.get("contents").is_some_and(|c| c.is_array()) =>
            {
                let items = match map.remove("contents") {
                    Some(serde_json::Value::Array(items)) => items,
                    _ => Vec::new(),
                };
                (items, format!("{source}#/contents"))
            }
            other => (vec![other], source.to_string()),
        };
        let single = items.len() == 1 && !base.ends_with('#') && !base.ends_with("contents");
        for (i, item) in items.into_iter().enumerate() {
            let path = if single {
                base.clone()
            } else {
                format!("{base}/{i}")
            };
            self.add_value(item, path, now);
        }
    }

    /// One HSDS document of any kind, told apart by the fields its schema requires.
    pub fn add_document(&mut self, doc: serde_json::Value, path: String, now: OffsetDateTime) {
        self.add_value(doc, path, now)
    }

    fn add_value(&mut self, item: serde_json::Value, path: String, now: OffsetDateTime) {
        let Some(obj) = item.as_object() else {
            return self
                .rejected
                .push(reject(path, "not an HSDS document (expected an object)"));
        };
        let has = |k: &str| obj.contains_key(k);
        let kind = if obj.keys().any(|k| k.ends_with(".csv")) {
            DocKind::Skip("a description of the tabular format, not data")
        } else if has("openapi_url") || has("profile") && !has("id") {
            DocKind::Skip("API metadata, not data")
        } else if has("taxonomy_detail") || has("term_uri") || has("taxonomy_id") && has("code") {
            DocKind::Skip(
                "a taxonomy term: our own terms are matched by id, other taxonomies are not stored",
            )
        } else if has("version") && !has("status") {
            DocKind::Skip("a taxonomy: our own are built in, other taxonomies are not stored")
        } else if has("service") && (has("location") || has("location_id")) {
            DocKind::ServiceAtLocation
        } else if has("location_type") {
            DocKind::Location
        } else if has("status") {
            DocKind::Service
        } else {
            DocKind::Organization
        };
        let mark = Mark::of(&self.batch);
        let mut found = Vec::new();
        let result = match kind {
            DocKind::Skip(why) => {
                self.notes.push(reject(path, format!("skipped: {why}")));
                return;
            }
            DocKind::ServiceAtLocation => {
                // The compiled form nests the service; we read it as a service at this
                // one location.
                let mut sal = item;
                let service = sal.as_object_mut().and_then(|m| m.remove("service"));
                let Some(serde_json::Value::Object(mut service)) = service else {
                    return self
                        .rejected
                        .push(reject(path, "a service_at_location needs its service"));
                };
                let list = service
                    .entry("service_at_locations")
                    .or_insert_with(|| serde_json::Value::Array(Vec::new()));
                if let serde_json::Value::Array(list) = list {
                    list.push(sal);
                }
                return self.add_value(
                    serde_json::Value::Object(service),
                    format!("{path}/service"),
                    now,
                );
            }
            DocKind::Service => {
                sources::split("service", &item, &mut found);
                serde_json::from_value::<h::Service>(item).map(|d| self.add_service(&d, &path, now))
            }
            DocKind::Organization => {
                sources::split("organization", &item, &mut found);
                serde_json::from_value::<h::Organization>(item)
                    .map(|d| self.add_organization(&d, &path, now))
            }
            DocKind::Location => {
                sources::split("location", &item, &mut found);
                serde_json::from_value::<h::Location>(item).map(|d| {
                    match location(&d, None, &path, self.source_lang, &mut self.notes) {
                        Ok(l) => self.batch.locations.push(l),
                        Err(e) => self.rejected.push(e),
                    }
                })
            }
        };
        if let Err(e) = result {
            self.rejected
                .push(reject(path, format!("not an HSDS {}: {e}", kind.name())));
        }
        self.keep_sources(found, mark);
    }

    /// Keeps the sources of the records this document brought that add to our own documents
    /// of them (so a re-import of our own export keeps none).
    fn keep_sources(&mut self, found: Vec<crate::store::HsdsSource>, mark: Mark) {
        let b = &self.batch;
        let contacts = &b.contacts[mark.contacts..];
        let locations = &b.locations[mark.locations..];
        let ours = |src: &crate::store::HsdsSource| -> Option<serde_json::Value> {
            let doc = match src.kind {
                "organization" => {
                    let o = b.organizations[mark.organizations..]
                        .iter()
                        .find(|o| o.id.to_string() == src.id)?;
                    let mine: Vec<Contact> = contacts
                        .iter()
                        .filter(|c| c.organization_id == o.id)
                        .cloned()
                        .collect();
                    serde_json::to_value(super::export::organization(o, &[], &mine, Lang::Fi))
                }
                "location" => {
                    let l = locations.iter().find(|l| l.id.to_string() == src.id)?;
                    serde_json::to_value(super::export::location(l, Lang::Fi))
                }
                _ => {
                    if let Some(s) = b.services[mark.services..]
                        .iter()
                        .find(|s| s.id.to_string() == src.id)
                    {
                        serde_json::to_value(super::export::service(
                            s,
                            None,
                            locations,
                            contacts,
                            Lang::Fi,
                        ))
                    } else {
                        let o = b.opportunities[mark.opportunities..]
                            .iter()
                            .find(|o| o.id.to_string() == src.id)?;
                        let loc = o
                            .location_id
                            .and_then(|l| locations.iter().find(|x| x.id == l));
                        serde_json::to_value(super::export::opportunity(o, None, loc, Lang::Fi))
                    }
                }
            };
            doc.ok()
        };
        let keep: Vec<_> = found
            .into_iter()
            .filter(|src| ours(src).is_none_or(|o| sources::adds_to(&src.document, &o)))
            .collect();
        self.batch.hsds_sources.extend(keep);
    }

    /// A JSON file, or every JSON file under a directory (sorted by path).
    pub fn add_path(&mut self, path: &std::path::Path, now: OffsetDateTime) {
        if path.extension().is_some_and(|x| x == "csv") {
            return self.rejected.push(reject(
                path.display().to_string(),
                "a CSV table is read as part of its data package: give the directory",
            ));
        }
        let mut files = Vec::new();
        collect_json(path, &mut files, &mut self.rejected);
        if path.is_dir() && files.is_empty() {
            if super::tabular::is_package(path) {
                return super::tabular::add_package(self, path, now);
            }
            self.rejected.push(reject(
                path.display().to_string(),
                "no JSON documents and no HSDS tables found",
            ));
        }
        for f in files {
            let source = f.display().to_string();
            match std::fs::metadata(&f) {
                Ok(m) if m.len() > MAX_FILE_BYTES => {
                    self.rejected.push(reject(
                        source,
                        format!("file is larger than {} MB", MAX_FILE_BYTES / 1024 / 1024),
                    ));
                    continue;
                }
                Err(e) => {
                    self.rejected.push(reject(source, e.to_string()));
                    continue;
                }
                Ok(_) => {}
            }
            match std::fs::read(&f) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => self.add_json(&text, &source, now),
                    Err(_) => self.rejected.push(reject(source, "not UTF-8 text")),
                },
                Err(e) => self.rejected.push(reject(source, e.to_string())),
            }
        }
    }

    /// Records the import refers to without bringing them: the caller looks them up in the
    /// store and passes those that exist to `finish`.
    pub fn outside_references(&self) -> References {
        let b = &self.batch;
        let orgs: HashSet<_> = b.organizations.iter().map(|o| o.id).collect();
        let services: HashSet<_> = b.services.iter().map(|s| s.id).collect();
        let locations: HashSet<_> = b.locations.iter().map(|l| l.id).collect();
        let mut out = References {
            organizations: b
                .services
                .iter()
                .map(|s| s.organization_id)
                .chain(b.opportunities.iter().map(|x| x.organization_id))
                .chain(b.locations.iter().filter_map(|l| l.organization_id))
                .filter(|id| !orgs.contains(id))
                .collect(),
            services: b
                .opportunities
                .iter()
                .filter_map(|x| x.service_id)
                .filter(|id| !services.contains(id))
                .collect(),
            locations: b
                .services
                .iter()
                .flat_map(|s| s.location_ids.iter().copied())
                .chain(b.opportunities.iter().filter_map(|o| o.location_id))
                .filter(|id| !locations.contains(id))
                .collect(),
        };
        out.organizations.sort();
        out.organizations.dedup();
        out.services.sort();
        out.services.dedup();
        out.locations.sort();
        out.locations.dedup();
        out
    }

    /// Looks up in `store` what the records refer to outside this import, then `finish`es.
    pub async fn resolve(
        &mut self,
        store: &crate::store::DynStore,
    ) -> Result<(), crate::store::StoreError> {
        let outside = self.outside_references();
        let mut existing = References {
            organizations: store
                .organizations_by_id(&outside.organizations)
                .await?
                .into_iter()
                .map(|o| o.id)
                .collect(),
            locations: store
                .locations_by_id(&outside.locations)
                .await?
                .into_iter()
                .map(|l| l.id)
                .collect(),
            services: Vec::new(),
        };
        for s in outside.services {
            if store.service(s).await?.is_some() {
                existing.services.push(s);
            }
        }
        self.finish(&existing);
        Ok(())
    }

    /// Keeps one record per id (the last read), refuses records that refer to an
    /// organization or parent service that is neither in the import nor `existing`, and
    /// leaves out links to locations that are neither (with a note).
    pub fn finish(&mut self, existing: &References) {
        let (existing_orgs, existing_services) = (&existing.organizations, &existing.services);
        fn dedup<T, K: std::hash::Hash + Eq>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
            let mut seen = HashSet::new();
            let mut out: Vec<T> = v.drain(..).rev().filter(|x| seen.insert(key(x))).collect();
            out.reverse();
            *v = out;
        }
        let b = &mut self.batch;
        dedup(&mut b.organizations, |o| o.id);
        dedup(&mut b.locations, |l| l.id);
        dedup(&mut b.services, |s| s.id);
        dedup(&mut b.contacts, |c| c.id);
        dedup(&mut b.opportunities, |o| o.id);
        let orgs: HashSet<OrganizationId> = b
            .organizations
            .iter()
            .map(|o| o.id)
            .chain(existing_orgs.iter().copied())
            .collect();
        let rejected = &mut self.rejected;
        b.services.retain(|s| {
            let ok = orgs.contains(&s.organization_id);
            if !ok {
                rejected.push(reject(
                    format!("service {}", s.id),
                    format!("unknown organization {}", s.organization_id),
                ));
            }
            ok
        });
        let services: HashSet<ServiceId> = b
            .services
            .iter()
            .map(|s| s.id)
            .chain(existing_services.iter().copied())
            .collect();
        b.opportunities.retain(|o| {
            let reason = if !orgs.contains(&o.organization_id) {
                Some(format!("unknown organization {}", o.organization_id))
            } else {
                o.service_id
                    .filter(|s| !services.contains(s))
                    .map(|s| format!("unknown parent service {s}"))
            };
            if let Some(r) = &reason {
                rejected.push(reject(format!("service {}", o.id), r.clone()));
            }
            reason.is_none()
        });
        // Sources of records that made it, one per record (the last read).
        let kept: HashSet<(&str, String)> = b
            .organizations
            .iter()
            .map(|o| ("organization", o.id.to_string()))
            .chain(b.services.iter().map(|s| ("service", s.id.to_string())))
            .chain(
                b.opportunities
                    .iter()
                    .map(|o| ("service", o.id.to_string())),
            )
            .chain(b.locations.iter().map(|l| ("location", l.id.to_string())))
            .collect();
        b.hsds_sources
            .retain(|s| kept.contains(&(s.kind, s.id.clone())));
        dedup(&mut b.hsds_sources, |s| (s.kind, s.id.clone()));
        let notes = &mut self.notes;
        let locations: HashSet<LocationId> = b
            .locations
            .iter()
            .map(|l| l.id)
            .chain(existing.locations.iter().copied())
            .collect();
        let mut known_location = |id: &LocationId, of: String| {
            let known = locations.contains(id);
            if !known {
                notes.push(reject(
                    of,
                    format!("location {id} is given by id only and is neither in this import nor stored; the link was left out"),
                ));
            }
            known
        };
        for s in &mut b.services {
            let of = format!("service {}", s.id);
            s.location_ids.retain(|l| known_location(l, of.clone()));
        }
        for o in &mut b.opportunities {
            let of = format!("service {}", o.id);
            o.location_id = o.location_id.filter(|l| known_location(l, of.clone()));
        }
        for l in &mut b.locations {
            if let Some(o) = l.organization_id.filter(|o| !orgs.contains(o)) {
                notes.push(reject(
                    format!("location {}", l.id),
                    format!("organization {o} is neither in this import nor stored; the location is kept without it"),
                ));
                l.organization_id = None;
            }
        }
        b.contacts.retain(|c| {
            orgs.contains(&c.organization_id) && c.service_id.is_none_or(|s| services.contains(&s))
        });
    }
}

fn collect_json(
    path: &std::path::Path,
    out: &mut Vec<std::path::PathBuf>,
    rejected: &mut Vec<Rejected>,
) {
    if path.is_dir() {
        let mut entries: Vec<_> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => return rejected.push(reject(path.display().to_string(), e.to_string())),
        };
        entries.sort();
        for e in entries {
            if e.is_dir() {
                collect_json(&e, out, rejected);
            } else if e.extension().is_some_and(|x| x == "json")
                && e.file_name().is_some_and(|n| n != "datapackage.json")
            {
                out.push(e);
            }
        }
    } else if path.exists() {
        out.push(path.to_path_buf());
    } else {
        rejected.push(reject(
            path.display().to_string(),
            "no such file or directory",
        ));
    }
}

/// What an import would do to one kind of record.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Changes {
    /// (id, name) of records that are not stored yet.
    pub added: Vec<(String, String)>,
    /// (id, name) of stored records the import changes.
    pub updated: Vec<(String, String)>,
    pub unchanged: usize,
}

impl Changes {
    fn count<T: PartialEq>(&mut self, id: String, name: String, new: &T, old: Option<&T>) {
        match old {
            None => self.added.push((id, name)),
            Some(old) if old != new => self.updated.push((id, name)),
            Some(_) => self.unchanged += 1,
        }
    }
}

/// What an import would change, before it is applied (the preview of an upload, or
/// `import hsds --dry-run`).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Preview {
    pub organizations: Changes,
    pub services: Changes,
    pub opportunities: Changes,
    pub locations: Changes,
}

impl ImportPlan {
    /// Compares the records read with those stored under the same ids. Timestamps of our
    /// own bookkeeping (when a record was saved) do not count as changes.
    pub async fn preview(
        &self,
        store: &crate::store::DynStore,
    ) -> Result<Preview, crate::store::StoreError> {
        let b = &self.batch;
        let mut p = Preview::default();
        let ids: Vec<OrganizationId> = b.organizations.iter().map(|o| o.id).collect();
        let stored: HashMap<OrganizationId, Organization> = store
            .organizations_by_id(&ids)
            .await?
            .into_iter()
            .map(|o| (o.id, o))
            .collect();
        for o in &b.organizations {
            let old = stored.get(&o.id).map(|s| Organization {
                updated_at: o.updated_at,
                ..s.clone()
            });
            p.organizations
                .count(o.id.to_string(), o.name.clone(), o, old.as_ref());
        }
        let ids: Vec<LocationId> = b.locations.iter().map(|l| l.id).collect();
        let stored: HashMap<LocationId, Location> = store
            .locations_by_id(&ids)
            .await?
            .into_iter()
            .map(|l| (l.id, l))
            .collect();
        for l in &b.locations {
            p.locations.count(
                l.id.to_string(),
                l.name.text(Lang::Fi).to_string(),
                l,
                stored.get(&l.id),
            );
        }
        for s in &b.services {
            let old = store.service(s.id).await?.map(|x| Service {
                updated_at: s.updated_at,
                ..x
            });
            p.services.count(
                s.id.to_string(),
                s.name.text(Lang::Fi).to_string(),
                s,
                old.as_ref(),
            );
        }
        for o in &b.opportunities {
            let old = store.opportunity(o.id).await?.map(|x| Opportunity {
                updated_at: o.updated_at,
                ..x
            });
            p.opportunities.count(
                o.id.to_string(),
                o.title.text(Lang::Fi).to_string(),
                o,
                old.as_ref(),
            );
        }
        Ok(p)
    }
}
