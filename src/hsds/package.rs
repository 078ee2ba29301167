//! `kolmonen export hsds DIR`: a complete HSDS 3.0 data package – one compiled JSON document
//! per organization and per service, the tabular CSV files and `datapackage.json`.
//! Rows are sorted by id and sub-record ids are derived, so exporting the same data twice
//! gives identical files.

use super::documents::organization_documents;
use super::model as h;
use crate::domain::Lang;
use crate::store::{DynStore, OrganizationFilter, PageRequest, StoreError};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The descriptor we write, generated from the official schemas (see data/README.md).
pub const DATAPACKAGE: &str = include_str!("../../data/hsds/datapackage.json");

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("writing {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("bad datapackage descriptor: {0}")]
    Descriptor(String),
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ExportStats {
    pub organizations: usize,
    pub services: usize,
    pub rows: usize,
}

/// Lists in HSDS documents that are tables of their own: key → (table, the foreign key
/// their own nested records use).
const NESTED_TABLES: &[(&str, &str, &str)] = &[
    ("phones", "phones.csv", "phone_id"),
    ("contacts", "contacts.csv", "contact_id"),
    ("schedules", "schedules.csv", "schedule_id"),
    ("languages", "languages.csv", "language_id"),
    ("funding", "funding.csv", "funding_id"),
    ("cost_options", "cost_options.csv", "cost_option_id"),
    ("addresses", "addresses.csv", "address_id"),
    ("accessibility", "accessibility.csv", "accessibility_id"),
    ("attributes", "attributes.csv", "attribute_id"),
    (
        "organization_identifiers",
        "organization_identifiers.csv",
        "organization_identifier_id",
    ),
];

/// Table name (CSV path) → rows by id.
#[derive(Default)]
struct Tables(HashMap<&'static str, BTreeMap<String, Value>>);

impl Tables {
    fn add<T: Serialize>(&mut self, table: &'static str, record: &T, extra: &[(&str, &str)]) {
        let Ok(Value::Object(mut map)) = serde_json::to_value(record) else {
            return;
        };
        for (k, v) in extra {
            map.entry(k.to_string())
                .or_insert_with(|| Value::String(v.to_string()));
        }
        let id = map
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        self.0
            .entry(table)
            .or_default()
            .insert(id, Value::Object(map));
    }

    /// Lists of records we do not model (a location's schedules, a contact's phones, ...),
    /// with everything nested in them, into their tables.
    fn extras(&mut self, fk: &str, id: &str, extra: &serde_json::Map<String, Value>) {
        for (key, value) in extra {
            let Some((table, own_fk)) = NESTED_TABLES
                .iter()
                .find(|(k, ..)| k == key)
                .map(|(_, t, f)| (*t, *f))
            else {
                continue;
            };
            for item in value.as_array().into_iter().flatten() {
                let Value::Object(row) = item else {
                    continue;
                };
                let mut row = row.clone();
                row.entry(fk.to_string())
                    .or_insert_with(|| Value::String(id.to_string()));
                let nested: serde_json::Map<String, Value> = row
                    .iter()
                    .filter(|(_, v)| v.is_array())
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let row_id = row
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string();
                self.add(table, &Value::Object(row), &[]);
                self.extras(own_fk, &row_id, &nested);
            }
        }
    }

    fn phones(&mut self, phones: &[h::Phone], extra: &[(&str, &str)]) {
        for p in phones {
            self.add("phones.csv", p, extra);
            self.extras("phone_id", &p.id, &p.extra);
        }
    }

    fn attributes(&mut self, attrs: &[h::Attribute]) {
        for a in attrs {
            let mut a = a.clone();
            a.taxonomy_term = None;
            self.add("attributes.csv", &a, &[]);
        }
    }

    fn location(&mut self, l: &h::Location) {
        self.add("locations.csv", l, &[]);
        for a in &l.addresses {
            self.add("addresses.csv", a, &[("location_id", &l.id)]);
        }
        for a in &l.accessibility {
            self.add("accessibility.csv", a, &[("location_id", &l.id)]);
        }
        self.attributes(&l.attributes);
        self.extras("location_id", &l.id, &l.extra);
    }

    fn contact(&mut self, c: &h::Contact) {
        self.add("contacts.csv", c, &[]);
        self.phones(&c.phones, &[("contact_id", &c.id)]);
        self.extras("contact_id", &c.id, &c.extra);
    }

    fn service(&mut self, s: &h::Service) {
        self.add("services.csv", s, &[]);
        let sid = s.id.as_str();
        for x in &s.schedules {
            self.add("schedules.csv", x, &[("service_id", sid)]);
        }
        for x in &s.languages {
            self.add("languages.csv", x, &[("service_id", sid)]);
        }
        for x in &s.funding {
            self.add("funding.csv", x, &[("service_id", sid)]);
        }
        for x in &s.cost_options {
            self.add("cost_options.csv", x, &[("service_id", sid)]);
        }
        for c in &s.contacts {
            self.contact(c);
        }
        self.phones(&s.phones, &[("service_id", sid)]);
        for sal in &s.service_at_locations {
            self.add("service_at_location.csv", sal, &[("service_id", sid)]);
            self.extras("service_at_location_id", &sal.id, &sal.extra);
            if let Some(l) = &sal.location {
                self.location(l);
            }
        }
        self.attributes(&s.attributes);
        self.extras("service_id", sid, &s.extra);
    }

    fn organization(&mut self, o: &h::Organization) {
        self.add("organizations.csv", o, &[]);
        for i in &o.organization_identifiers {
            self.add(
                "organization_identifiers.csv",
                i,
                &[("organization_id", &o.id)],
            );
        }
        self.phones(&o.phones, &[("organization_id", &o.id)]);
        for c in &o.contacts {
            self.contact(c);
        }
        for l in &o.locations {
            self.location(l);
        }
        self.attributes(&o.attributes);
        self.extras("organization_id", &o.id, &o.extra);
        for s in o.services.iter().flatten() {
            self.service(s);
        }
    }
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        // Nested lists and objects are tables of their own.
        Some(_) => String::new(),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn mkdir(path: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(path).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Writes the package into `dir` (created if missing).
pub async fn export(store: &DynStore, dir: &Path, lang: Lang) -> Result<ExportStats, ExportError> {
    mkdir(&dir.join("organizations"))?;
    mkdir(&dir.join("services"))?;
    let mut tables = Tables::default();
    let mut stats = ExportStats::default();
    let mut page = 1;
    loop {
        let orgs = store
            .organizations(&OrganizationFilter::default(), PageRequest::new(page, 100))
            .await?;
        let docs = organization_documents(store, &orgs.items, lang, true).await?;
        for doc in &docs {
            let json = serde_json::to_vec_pretty(doc).unwrap_or_default();
            write(
                &dir.join("organizations").join(format!("{}.json", doc.id)),
                &json,
            )?;
            for s in doc.services.iter().flatten() {
                // The compiled service carries its organization (without nested services).
                let mut full = s.clone();
                let mut org = doc.clone();
                org.services = None;
                org.locations.clear();
                full.organization = Some(Box::new(org));
                let json = serde_json::to_vec_pretty(&full).unwrap_or_default();
                write(&dir.join("services").join(format!("{}.json", s.id)), &json)?;
                stats.services += 1;
            }
            tables.organization(doc);
            stats.organizations += 1;
        }
        if !orgs.has_next() {
            break;
        }
        page += 1;
    }
    // Locations of no organization appear in the tables only (HSDS has no location document
    // in its data package).
    let orphans = store.locations_without_organization().await?;
    let ids: Vec<String> = orphans.iter().map(|l| l.id.to_string()).collect();
    let sources = super::sources::Sources::load(store, &[], &[], &ids).await?;
    for l in &orphans {
        let mut doc = super::export::location(l, lang);
        sources.location(&mut doc);
        tables.location(&doc);
    }
    for t in super::taxonomies(lang) {
        tables.add("taxonomies.csv", &t, &[]);
    }
    for t in super::taxonomy_terms(lang) {
        tables.add("taxonomy_terms.csv", &t, &[]);
    }
    let descriptor: Value =
        serde_json::from_str(DATAPACKAGE).map_err(|e| ExportError::Descriptor(e.to_string()))?;
    let resources = descriptor["resources"]
        .as_array()
        .ok_or_else(|| ExportError::Descriptor("no resources".into()))?;
    for r in resources {
        let path = r["path"]
            .as_str()
            .ok_or_else(|| ExportError::Descriptor("resource without path".into()))?;
        let columns: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .map(|f| f.iter().filter_map(|f| f["name"].as_str()).collect())
            .unwrap_or_default();
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(&columns);
        let rows = tables
            .0
            .get(path)
            .map(|m| m.values().collect::<Vec<_>>())
            .unwrap_or_default();
        for row in rows {
            let _ = w.write_record(columns.iter().map(|c| cell(row.get(*c))));
            stats.rows += 1;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| ExportError::Descriptor(e.to_string()))?;
        write(&dir.join(path), &bytes)?;
    }
    write(&dir.join("datapackage.json"), DATAPACKAGE.as_bytes())?;
    Ok(stats)
}
