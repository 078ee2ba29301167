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
use std::collections::{HashMap, HashSet};
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

/// The tables of the descriptor.
const TABLE_NAMES: &[&str] = &[
    "organizations.csv",
    "organization_identifiers.csv",
    "locations.csv",
    "addresses.csv",
    "accessibility.csv",
    "phones.csv",
    "contacts.csv",
    "services.csv",
    "service_at_location.csv",
    "schedules.csv",
    "languages.csv",
    "funding.csv",
    "cost_options.csv",
    "attributes.csv",
    "taxonomies.csv",
    "taxonomy_terms.csv",
];

fn csv_error(table: &str, e: csv::Error) -> ExportError {
    ExportError::Io {
        path: table.to_string(),
        source: std::io::Error::other(e),
    }
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

/// The CSV tables, written row by row as documents are made (so memory stays flat however
/// large the directory); a record met twice (a location in its organization and in a
/// service) is written once.
struct Tables {
    writers: HashMap<&'static str, (Vec<String>, csv::Writer<std::io::BufWriter<std::fs::File>>)>,
    seen_uuids: HashSet<(&'static str, u128)>,
    seen_other: HashSet<(&'static str, String)>,
    rows: usize,
    error: Option<ExportError>,
}

impl Tables {
    /// Creates every table of the descriptor in `dir`, with its header.
    fn create(dir: &Path) -> Result<Self, ExportError> {
        let descriptor: Value = serde_json::from_str(DATAPACKAGE)
            .map_err(|e| ExportError::Descriptor(e.to_string()))?;
        let resources = descriptor["resources"]
            .as_array()
            .ok_or_else(|| ExportError::Descriptor("no resources".into()))?;
        let mut writers = HashMap::new();
        for r in resources {
            let path = r["path"]
                .as_str()
                .ok_or_else(|| ExportError::Descriptor("resource without path".into()))?;
            let path: &'static str = TABLE_NAMES
                .iter()
                .find(|t| **t == path)
                .ok_or_else(|| ExportError::Descriptor(format!("unexpected table {path}")))?;
            let columns: Vec<String> = r["schema"]["fields"]
                .as_array()
                .map(|f| {
                    f.iter()
                        .filter_map(|f| f["name"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let file_path = dir.join(path);
            let file = std::fs::File::create(&file_path).map_err(|source| ExportError::Io {
                path: file_path.display().to_string(),
                source,
            })?;
            let mut w = csv::Writer::from_writer(std::io::BufWriter::new(file));
            w.write_record(&columns).map_err(|e| csv_error(path, e))?;
            writers.insert(path, (columns, w));
        }
        Ok(Tables {
            writers,
            seen_uuids: HashSet::new(),
            seen_other: HashSet::new(),
            rows: 0,
            error: None,
        })
    }

    fn add<T: Serialize>(&mut self, table: &'static str, record: &T, extra: &[(&str, &str)]) {
        let Ok(Value::Object(mut map)) = serde_json::to_value(record) else {
            return;
        };
        for (k, v) in extra {
            map.entry(k.to_string())
                .or_insert_with(|| Value::String(v.to_string()));
        }
        let id = map.get("id").and_then(Value::as_str).unwrap_or_default();
        let first = match uuid::Uuid::parse_str(id) {
            Ok(u) => self.seen_uuids.insert((table, u.as_u128())),
            Err(_) => self.seen_other.insert((table, id.to_string())),
        };
        let Some((columns, w)) = self.writers.get_mut(table).filter(|_| first) else {
            return;
        };
        match w.write_record(columns.iter().map(|c| cell(map.get(c)))) {
            Ok(()) => self.rows += 1,
            Err(e) => {
                self.error.get_or_insert(csv_error(table, e));
            }
        }
    }

    /// Flushes every table; the first error met while writing, if any.
    fn finish(self) -> Result<usize, ExportError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        for (table, (_, mut w)) in self.writers {
            w.flush().map_err(|source| ExportError::Io {
                path: table.to_string(),
                source,
            })?;
        }
        Ok(self.rows)
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

/// Writes the package into `dir` (created if missing). Organizations go in id order, which
/// is the same on every engine, so the same data always gives the same files.
pub async fn export(store: &DynStore, dir: &Path, lang: Lang) -> Result<ExportStats, ExportError> {
    mkdir(&dir.join("organizations"))?;
    mkdir(&dir.join("services"))?;
    let mut tables = Tables::create(dir)?;
    let mut stats = ExportStats::default();
    let by_id = OrganizationFilter {
        by_id: true,
        ..Default::default()
    };
    let mut page = 1;
    loop {
        let orgs = store
            .organizations(&by_id, PageRequest::new(page, 100))
            .await?;
        let docs = organization_documents(store, &orgs.items, lang, true).await?;
        for doc in &docs {
            let json = serde_json::to_vec_pretty(doc).unwrap_or_default();
            write(
                &dir.join("organizations").join(format!("{}.json", doc.id)),
                &json,
            )?;
            // The compiled service carries its organization (without nested services).
            let org = Box::new(h::Organization {
                services: None,
                locations: Vec::new(),
                ..doc.clone()
            });
            for s in doc.services.iter().flatten() {
                let full = h::Service {
                    organization: Some(org.clone()),
                    ..s.clone()
                };
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
    stats.rows = tables.finish()?;
    write(&dir.join("datapackage.json"), DATAPACKAGE.as_bytes())?;
    Ok(stats)
}
