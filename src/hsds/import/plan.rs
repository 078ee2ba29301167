//! The import plan: reads HSDS documents (files, directories, JSON arrays or objects, CSV
//! packages), maps each with `mapping`, resolves references between them and against the
//! store, and says what would be added, updated or left unchanged.

use super::mapping::*;
use crate::domain::*;
use crate::hsds::model as h;
use crate::hsds::sources;
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

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
                    serde_json::to_value(crate::hsds::export::organization(o, &[], &mine, Lang::Fi))
                }
                "location" => {
                    let l = locations.iter().find(|l| l.id.to_string() == src.id)?;
                    serde_json::to_value(crate::hsds::export::location(l, Lang::Fi))
                }
                _ => {
                    if let Some(s) = b.services[mark.services..]
                        .iter()
                        .find(|s| s.id.to_string() == src.id)
                    {
                        serde_json::to_value(crate::hsds::export::service(
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
                        serde_json::to_value(crate::hsds::export::opportunity(
                            o,
                            None,
                            loc,
                            Lang::Fi,
                        ))
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
            if crate::hsds::tabular::is_package(path) {
                return crate::hsds::tabular::add_package(self, path, now);
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
