//! Our records as HSDS 3.0 documents, texts in the chosen language.

use super::model as h;
use super::{derived_id, term_id};
use crate::domain::*;
use crate::refdata::REF;
use time::format_description::well_known::Rfc3339;

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// Builds the attributes of one record.
struct Attrs {
    link_id: String,
    link_entity: &'static str,
    out: Vec<h::Attribute>,
}

impl Attrs {
    fn new(link_id: &str, link_entity: &'static str) -> Self {
        Self {
            link_id: link_id.to_string(),
            link_entity,
            out: Vec::new(),
        }
    }

    /// An attribute pointing to `taxonomy:code`, with an optional value; `link_type` says
    /// what the term describes.
    fn push(&mut self, taxonomy: &str, code: &str, link_type: &str, value: Option<String>) {
        let term = term_id(taxonomy, code);
        let id = derived_id(&format!(
            "attribute:{}:{term}:{link_type}:{}",
            self.link_id,
            value.as_deref().unwrap_or("")
        ));
        self.out.push(h::Attribute {
            extra: Default::default(),
            id,
            link_id: Some(self.link_id.clone()),
            link_type: Some(link_type.to_string()),
            link_entity: Some(self.link_entity.to_string()),
            taxonomy_term_id: Some(term),
            value,
            taxonomy_term: None,
        });
    }

    fn property(&mut self, code: &str, value: impl ToString) {
        self.push("property", code, code, Some(value.to_string()));
    }

    fn terms(&mut self, taxonomy: &str, link_type: &str, codes: &[String]) {
        for c in codes {
            self.push(taxonomy, c, link_type, None);
        }
    }

    /// Every language of a text, so that nothing is lost whatever language the document shows.
    fn texts(&mut self, field: &str, lt: &LocalizedText) {
        for (lang, text) in [
            ("fi", Some(&lt.fi)),
            ("sv", lt.sv.as_ref()),
            ("en", lt.en.as_ref()),
        ] {
            if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
                self.push(
                    "property",
                    "text",
                    &format!("{field}:{lang}"),
                    Some(text.clone()),
                );
            }
        }
    }

    fn opt_texts(&mut self, field: &str, lt: &Option<LocalizedText>) {
        if let Some(lt) = lt {
            self.texts(field, lt);
        }
    }
}

fn text(lt: &LocalizedText, lang: Lang) -> String {
    lt.text(lang).to_string()
}

fn opt_text(lt: &Option<LocalizedText>, lang: Lang) -> Option<String> {
    lt.as_ref().map(|l| text(l, lang)).filter(|s| !s.is_empty())
}

/// The HSDS organization, without nested services.
pub fn organization(
    o: &Organization,
    locations: &[Location],
    contacts: &[Contact],
    lang: Lang,
) -> h::Organization {
    let id = o.id.to_string();
    let mut a = Attrs::new(&id, "organization");
    a.property("legal_form", o.legal_form.as_str());
    a.property("verified", o.verified);
    a.property("last_verified_at", rfc3339(o.last_verified_at));
    for m in &o.areas_served {
        a.property("area_served", m);
    }
    for n in &o.networks {
        a.property("network", n);
    }
    a.texts("description", &o.description);
    let phones = o
        .phones
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pid = derived_id(&format!("phone:{id}:{i}"));
            h::Phone {
                extra: Default::default(),
                organization_id: Some(id.clone()),
                contact_id: None,
                number: p.number.clone(),
                description: opt_text(&p.description, lang),
                id: pid,
            }
        })
        .collect();
    // Phone descriptions in every language ride on the organization, indexed by position.
    for (i, p) in o.phones.iter().enumerate() {
        if let Some(d) = &p.description {
            a.texts(&format!("phone_description.{i}"), d);
        }
    }
    h::Organization {
        extra: Default::default(),
        id: id.clone(),
        name: o.name.clone(),
        alternate_name: None,
        description: text(&o.description, lang),
        email: o.email.clone(),
        website: o.website.clone(),
        // "Other" says nothing; an imported organization keeps the status it came with.
        legal_status: (o.legal_form != LegalForm::Other)
            .then(|| crate::i18n::t(lang, &format!("legal-form-{}", o.legal_form.as_str()))),
        phones,
        contacts: contacts
            .iter()
            .filter(|c| c.service_id.is_none())
            .map(|c| contact(c, lang))
            .collect(),
        locations: locations.iter().map(|l| location(l, lang)).collect(),
        organization_identifiers: o
            .business_id
            .iter()
            .map(|b| h::OrganizationIdentifier {
                extra: Default::default(),
                id: derived_id(&format!("organization_identifier:{id}:{b}")),
                organization_id: Some(id.clone()),
                identifier_scheme: Some("FI-PRO".into()),
                identifier_type: super::BUSINESS_ID_TYPE.into(),
                identifier: b.to_string(),
            })
            .collect(),
        attributes: a.out,
        services: None,
    }
}

pub fn contact(c: &Contact, lang: Lang) -> h::Contact {
    let id = c.id.to_string();
    h::Contact {
        extra: Default::default(),
        organization_id: Some(c.organization_id.to_string()),
        service_id: c.service_id.map(|s| s.to_string()),
        name: c.name.clone(),
        title: Some(text(&c.title, lang)),
        email: c.email.clone(),
        phones: c
            .phone
            .iter()
            .map(|p| h::Phone {
                extra: Default::default(),
                id: derived_id(&format!("phone:{id}")),
                organization_id: None,
                contact_id: Some(id.clone()),
                number: p.clone(),
                description: None,
            })
            .collect(),
        id,
    }
}

pub fn location(l: &Location, lang: Lang) -> h::Location {
    let id = l.id.to_string();
    let m = l
        .municipality_code
        .as_deref()
        .and_then(|c| REF.municipality(c));
    let mut a = Attrs::new(&id, "location");
    if let Some(code) = &l.municipality_code {
        a.property("municipality", code);
    }
    a.texts("name", &l.name);
    a.opt_texts("accessibility", &l.accessibility);
    h::Location {
        extra: Default::default(),
        id: id.clone(),
        location_type: "physical".into(),
        organization_id: l.organization_id.map(|o| o.to_string()),
        name: Some(text(&l.name, lang)),
        latitude: l.latitude,
        longitude: l.longitude,
        addresses: vec![h::Address {
            extra: Default::default(),
            id: derived_id(&format!("address:{id}")),
            location_id: Some(id.clone()),
            address_1: l.street.clone(),
            city: m
                .map(|m| m.name(lang).to_string())
                .or_else(|| l.city.clone())
                .unwrap_or_default(),
            region: None,
            state_province: m.map(|m| m.region(lang).to_string()).unwrap_or_default(),
            postal_code: l.postal_code.clone(),
            country: l.country.clone(),
            address_type: "physical".into(),
        }],
        accessibility: l
            .accessibility
            .iter()
            .map(|acc| h::Accessibility {
                extra: Default::default(),
                id: derived_id(&format!("accessibility:{id}")),
                location_id: Some(id.clone()),
                description: Some(text(acc, lang)),
            })
            .collect(),
        attributes: a.out,
    }
}

fn service_at_location(service_id: &str, l: &Location, lang: Lang) -> h::ServiceAtLocation {
    h::ServiceAtLocation {
        extra: Default::default(),
        id: derived_id(&format!("service_at_location:{service_id}:{}", l.id)),
        service_id: Some(service_id.to_string()),
        location_id: Some(l.id.to_string()),
        description: None,
        location: Some(location(l, lang)),
        service: None,
    }
}

fn language_entries(service_id: &str, codes: &[String], lang: Lang) -> Vec<h::Language> {
    codes
        .iter()
        .map(|c| {
            let name = crate::i18n::language_name(lang, c);
            h::Language {
                extra: Default::default(),
                id: derived_id(&format!("language:{service_id}:{c}")),
                service_id: Some(service_id.to_string()),
                name: (name != *c).then_some(name),
                code: Some(c.clone()),
            }
        })
        .collect()
}

/// The HSDS service of one of our services; `organization` nests it (compiled form).
pub fn service(
    s: &Service,
    organization: Option<h::Organization>,
    locations: &[Location],
    contacts: &[Contact],
    lang: Lang,
) -> h::Service {
    let id = s.id.to_string();
    let mut a = Attrs::new(&id, "service");
    a.property("record_type", "service");
    a.push("service_kind", s.kind.as_str(), "service_kind", None);
    a.terms("target_group", "audience", &s.target_groups);
    a.terms("topic", "topic", &s.topics);
    a.property("free", s.free);
    a.property("low_threshold", s.low_threshold);
    a.property("last_verified_at", rfc3339(s.last_verified_at));
    a.texts("name", &s.name);
    a.texts("description", &s.description);
    a.opt_texts("cost", &s.cost);
    a.opt_texts("eligibility", &s.eligibility);
    a.opt_texts("schedule", &s.schedule);
    a.opt_texts("how_to_get_there", &s.how_to_get_there);
    let here: Vec<&Location> = s
        .location_ids
        .iter()
        .filter_map(|lid| locations.iter().find(|l| l.id == *lid))
        .collect();
    h::Service {
        extra: Default::default(),
        id: id.clone(),
        organization_id: Some(s.organization_id.to_string()),
        name: text(&s.name, lang),
        description: Some(text(&s.description, lang)),
        email: None,
        status: "active".into(),
        application_process: None,
        fees_description: opt_text(&s.cost, lang),
        eligibility_description: opt_text(&s.eligibility, lang),
        minimum_age: s.min_age.map(f64::from),
        maximum_age: s.max_age.map(f64::from),
        assured_date: Some(s.last_verified_at.date().to_string()),
        last_modified: Some(rfc3339(s.updated_at)),
        phones: Vec::new(),
        schedules: s
            .schedule
            .iter()
            .map(|sch| h::Schedule {
                extra: Default::default(),
                id: derived_id(&format!("schedule:{id}")),
                service_id: Some(id.clone()),
                description: Some(text(sch, lang)),
            })
            .collect(),
        service_areas: Vec::new(),
        service_at_locations: here
            .iter()
            .map(|l| service_at_location(&id, l, lang))
            .collect(),
        languages: language_entries(&id, &s.languages, lang),
        organization: organization.map(Box::new),
        funding: s
            .funding
            .iter()
            .map(|f| h::Funding {
                extra: Default::default(),
                id: derived_id(&format!("funding:{id}:{f}")),
                organization_id: None,
                service_id: Some(id.clone()),
                source: Some(f.clone()),
            })
            .collect(),
        cost_options: if s.free {
            vec![h::CostOption {
                extra: Default::default(),
                id: derived_id(&format!("cost_option:{id}")),
                service_id: Some(id.clone()),
                option: Some(crate::i18n::t(lang, "tag-free")),
                currency: Some("EUR".into()),
                amount: Some(0.0),
                amount_description: None,
            }]
        } else {
            Vec::new()
        },
        contacts: contacts
            .iter()
            .filter(|c| c.service_id == Some(s.id))
            .map(|c| contact(c, lang))
            .collect(),
        attributes: a.out,
    }
}

/// One of our opportunities as an HSDS service (HSDS has no record of its own for places).
pub fn opportunity(
    o: &Opportunity,
    organization: Option<h::Organization>,
    location: Option<&Location>,
    lang: Lang,
) -> h::Service {
    let id = o.id.to_string();
    let mut a = Attrs::new(&id, "service");
    a.property("record_type", "opportunity");
    a.push(
        "opportunity_type",
        o.kind.as_str(),
        "opportunity_type",
        None,
    );
    a.terms("target_group", "audience", &o.target_groups);
    a.terms("topic", "topic", &o.topics);
    if let Some(s) = o.service_id {
        a.property("parent_service", s);
    }
    a.property("places_total", o.places_total);
    a.property("places_free", o.places_free);
    if let Some(hrs) = o.hours_per_week {
        a.property("hours_per_week", hrs);
    }
    a.property("part_time", o.part_time);
    if let Some(d) = o.starts_on {
        a.property("starts_on", d);
    }
    if let Some(d) = o.apply_by {
        a.property("apply_by", d);
    }
    a.property("opportunity_status", o.status.as_str());
    a.property("last_verified_at", rfc3339(o.last_verified_at));
    a.texts("name", &o.title);
    a.texts("description", &o.description);
    a.opt_texts("requirements", &o.requirements);
    a.texts("how_to_apply", &o.how_to_apply);
    h::Service {
        id: id.clone(),
        organization_id: Some(o.organization_id.to_string()),
        name: text(&o.title, lang),
        description: Some(text(&o.description, lang)),
        email: None,
        // As of today in Finland: past its apply-by date a place is closed (the record's own
        // status travels in `opportunity_status`).
        status: match o.status_on(crate::domain::helsinki::today()) {
            OpportunityStatus::Open => "active",
            OpportunityStatus::Full => "temporarily closed",
            OpportunityStatus::Closed => "inactive",
        }
        .into(),
        application_process: Some(text(&o.how_to_apply, lang)),
        fees_description: None,
        eligibility_description: opt_text(&o.requirements, lang),
        minimum_age: None,
        maximum_age: None,
        assured_date: Some(o.last_verified_at.date().to_string()),
        last_modified: Some(rfc3339(o.updated_at)),
        service_at_locations: location
            .iter()
            .map(|l| service_at_location(&id, l, lang))
            .collect(),
        organization: organization.map(Box::new),
        attributes: a.out,
        ..Default::default()
    }
}

/// Attributes carry only term ids; the compiled form also nests the term itself.
pub fn with_terms(mut attrs: Vec<h::Attribute>, lang: Lang) -> Vec<h::Attribute> {
    for a in &mut attrs {
        // Attributes of other taxonomies keep the term they came with.
        if let Some(t) = a
            .taxonomy_term_id
            .as_deref()
            .and_then(|id| super::term(id, lang))
        {
            a.taxonomy_term = Some(t.clone());
        }
    }
    attrs
}
