//! One HSDS 3.0 document into our records: the reverse of `export`. Our own attributes
//! restore every field exactly; documents from other systems fill what HSDS has.

use crate::domain::*;
use crate::hsds::model as h;
use crate::hsds::{find_term, TAXONOMIES};
use crate::refdata::REF;
use std::collections::HashMap;
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
        .find(|i| i.identifier_type == crate::hsds::BUSINESS_ID_TYPE)
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
