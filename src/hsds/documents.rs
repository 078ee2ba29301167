//! Building HSDS documents from the store: shared by the `/hsds` API and `export hsds`.

use super::sources::Sources;
use super::{export, model as h};
use crate::domain::*;
use crate::store::{DynStore, OpportunityFilter, PageRequest, ServiceFilter, StoreResult};
use std::collections::HashMap;

/// Our services and opportunities, which both travel as HSDS services.
pub enum Rec {
    Service(Service),
    Opportunity(Opportunity),
}

impl Rec {
    /// Whether this is the record `r` refers to.
    pub fn is(&self, r: crate::store::RecordRef) -> bool {
        use crate::store::RecordRef;
        match (self, r) {
            (Rec::Service(s), RecordRef::Service(id)) => s.id == id,
            (Rec::Opportunity(o), RecordRef::Opportunity(id)) => o.id == id,
            _ => false,
        }
    }
}

/// Loads what HSDS documents of these records refer to: organizations, locations, contacts.
pub struct Related {
    pub orgs: HashMap<OrganizationId, Organization>,
    pub locations: Vec<Location>,
    pub contacts: HashMap<OrganizationId, Vec<Contact>>,
    /// The imported documents of these records, for the fields we do not model.
    pub sources: Sources,
}

impl Related {
    pub async fn load(
        store: &DynStore,
        orgs: &[OrganizationId],
        with_org_locations: bool,
        extra_locations: &[LocationId],
        services: &[String],
    ) -> StoreResult<Self> {
        let mut ids = orgs.to_vec();
        ids.sort();
        ids.dedup();
        let org_list = store.organizations_by_id(&ids).await?;
        let mut locations = if with_org_locations {
            store.locations_of_organizations(&ids).await?
        } else {
            Vec::new()
        };
        let missing: Vec<LocationId> = extra_locations
            .iter()
            .filter(|l| !locations.iter().any(|x| x.id == **l))
            .copied()
            .collect();
        locations.extend(store.locations_by_id(&missing).await?);
        let mut contacts = HashMap::new();
        for id in &ids {
            contacts.insert(*id, store.contacts_of_organization(*id).await?);
        }
        let sources = Sources::load(
            store,
            &ids.iter().map(ToString::to_string).collect::<Vec<_>>(),
            services,
            &locations
                .iter()
                .map(|l| l.id.to_string())
                .collect::<Vec<_>>(),
        )
        .await?;
        Ok(Related {
            orgs: org_list.into_iter().map(|o| (o.id, o)).collect(),
            locations,
            contacts,
            sources,
        })
    }

    pub fn organization(&self, id: OrganizationId, lang: Lang) -> Option<h::Organization> {
        let o = self.orgs.get(&id)?;
        let locs: Vec<Location> = self
            .locations
            .iter()
            .filter(|l| l.organization_id == Some(id))
            .cloned()
            .collect();
        let mut doc = export::organization(
            o,
            &locs,
            self.contacts.get(&id).map(Vec::as_slice).unwrap_or(&[]),
            lang,
        );
        self.sources.organization(&mut doc);
        Some(doc)
    }

    pub fn document(&self, r: &Rec, lang: Lang, compiled: bool) -> h::Service {
        let mut doc = match r {
            Rec::Service(s) => {
                let org = self.organization(s.organization_id, lang).map(|mut o| {
                    o.locations.clear();
                    o
                });
                let contacts = self
                    .contacts
                    .get(&s.organization_id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                export::service(s, org, &self.locations, contacts, lang)
            }
            Rec::Opportunity(o) => {
                let org = self.organization(o.organization_id, lang).map(|mut x| {
                    x.locations.clear();
                    x
                });
                let loc = o
                    .location_id
                    .and_then(|l| self.locations.iter().find(|x| x.id == l));
                export::opportunity(o, org, loc, lang)
            }
        };
        if compiled {
            doc.attributes = export::with_terms(std::mem::take(&mut doc.attributes), lang);
            self.sources.service(&mut doc);
        } else {
            // The list form (service_list) carries the service's own fields and its organization.
            doc = h::Service {
                id: doc.id,
                organization_id: doc.organization_id,
                name: doc.name,
                description: doc.description,
                status: doc.status,
                application_process: doc.application_process,
                fees_description: doc.fees_description,
                eligibility_description: doc.eligibility_description,
                minimum_age: doc.minimum_age,
                maximum_age: doc.maximum_age,
                assured_date: doc.assured_date,
                last_modified: doc.last_modified,
                organization: doc.organization,
                ..Default::default()
            };
        }
        doc
    }
}

/// What the documents of these records refer to: organizations, locations, and the
/// records' own ids (for their sources).
pub fn rec_refs(recs: &[Rec]) -> (Vec<OrganizationId>, Vec<LocationId>, Vec<String>) {
    let mut orgs = Vec::new();
    let mut locs = Vec::new();
    let mut ids = Vec::new();
    for r in recs {
        match r {
            Rec::Service(s) => {
                orgs.push(s.organization_id);
                locs.extend(s.location_ids.iter().copied());
                ids.push(s.id.to_string());
            }
            Rec::Opportunity(o) => {
                orgs.push(o.organization_id);
                locs.extend(o.location_id);
                ids.push(o.id.to_string());
            }
        }
    }
    (orgs, locs, ids)
}

/// HSDS organizations; with `with_services`, the compiled form with every service nested.
pub async fn organization_documents(
    store: &DynStore,
    orgs: &[Organization],
    lang: Lang,
    with_services: bool,
) -> StoreResult<Vec<h::Organization>> {
    let ids: Vec<OrganizationId> = orgs.iter().map(|o| o.id).collect();
    let mut recs_of: HashMap<OrganizationId, Vec<Rec>> = HashMap::new();
    if with_services {
        let all = PageRequest::new(1, PageRequest::MAX_PER_PAGE);
        for o in orgs {
            let sf = ServiceFilter {
                organization_id: Some(o.id),
                ..Default::default()
            };
            let of = OpportunityFilter {
                organization_id: Some(o.id),
                ..Default::default()
            };
            let mut recs: Vec<Rec> = store
                .services(&sf, all)
                .await?
                .items
                .into_iter()
                .map(Rec::Service)
                .collect();
            recs.extend(
                store
                    .opportunities(&of, all)
                    .await?
                    .items
                    .into_iter()
                    .map(Rec::Opportunity),
            );
            recs_of.insert(o.id, recs);
        }
    }
    let (mut service_ids, mut location_ids) = (Vec::new(), Vec::new());
    for recs in recs_of.values() {
        let (_, locs, ids) = rec_refs(recs);
        location_ids.extend(locs);
        service_ids.extend(ids);
    }
    let related = Related::load(store, &ids, true, &location_ids, &service_ids).await?;
    let mut out = Vec::new();
    for o in orgs {
        let Some(mut doc) = related.organization(o.id, lang) else {
            continue;
        };
        if with_services {
            let services = recs_of
                .get(&o.id)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|r| {
                    let mut d = related.document(r, lang, true);
                    d.organization = None;
                    d
                })
                .collect();
            doc.services = Some(services);
            doc.attributes = export::with_terms(std::mem::take(&mut doc.attributes), lang);
        }
        out.push(doc);
    }
    Ok(out)
}
