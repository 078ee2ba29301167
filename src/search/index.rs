//! The search documents: one per organization, service and opportunity, built from the
//! directory records and written to the engine's full-text index by the store.

use super::analyzer::words;
use super::geo::cells_of;
pub use crate::domain::search::{DocType, OrgRecords, SearchDoc};
use crate::domain::{
    Lang, LocalizedText, Location, LocationId, Organization, OrganizationId, Service,
};
use crate::refdata::REF;
use crate::store::{Store, StoreResult};
use std::collections::{BTreeSet, HashMap};

/// Facets: name in URLs and JSON, and the letter its tokens start with.
pub const FACETS: &[(&str, char)] = &[
    ("type", 't'),
    ("kind", 'k'),
    ("municipality", 'm'),
    ("region", 'r'),
    ("target_group", 'g'),
    ("topic", 'p'),
    ("language", 'l'),
    ("cost", 'o'),
];

/// Yes/no filters: name in URLs and JSON, token.
pub const FLAGS: &[(&str, &str)] = &[
    ("part_time", "xparttime"),
    ("accessible", "xaccessible"),
    ("low_threshold", "xlowthreshold"),
    ("open", "xopen"),
];

/// The index token of a facet value: its letter and the value's letters and digits, lower
/// case (facet values are codes such as `091`, `young-people`, `work_trial`).
pub fn facet_token(letter: char, value: &str) -> String {
    let mut t = String::with_capacity(value.len() + 1);
    t.push(letter);
    t.extend(
        value
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase()),
    );
    t
}

/// The token of a value of the facet `name` (an unknown facet gets a letter no facet uses,
/// so it matches nothing).
pub fn filter_token(name: &str, value: &str) -> String {
    let letter = FACETS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .unwrap_or('z');
    facet_token(letter, value)
}

/// The token of the yes/no filter `name`.
pub fn flag_token(name: &str) -> Option<&'static str> {
    FLAGS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Collects words and tokens without repeats.
#[derive(Default)]
struct Builder {
    title: BTreeSet<String>,
    body: BTreeSet<String>,
    facets: BTreeSet<String>,
    points: Vec<(f64, f64)>,
}

impl Builder {
    fn title(&mut self, t: &LocalizedText) {
        for s in [Some(&t.fi), t.sv.as_ref(), t.en.as_ref()]
            .into_iter()
            .flatten()
        {
            self.title.extend(words(s));
        }
    }
    fn text(&mut self, t: &LocalizedText) {
        for s in [Some(&t.fi), t.sv.as_ref(), t.en.as_ref()]
            .into_iter()
            .flatten()
        {
            self.body.extend(words(s));
        }
    }
    fn opt(&mut self, t: &Option<LocalizedText>) {
        if let Some(t) = t {
            self.text(t);
        }
    }
    fn plain(&mut self, s: &str) {
        self.body.extend(words(s));
    }
    fn facet(&mut self, name: &str, value: &str) {
        self.facets.insert(filter_token(name, value));
    }
    fn flag(&mut self, name: &str) {
        self.facets
            .insert(flag_token(name).unwrap_or("x").to_string());
    }
    /// A term of a taxonomy: the facet, and its label in every language as words.
    fn terms(&mut self, name: &str, ids: &[String]) {
        for id in ids {
            self.facet(name, id);
            let term = match name {
                "target_group" => REF.taxonomies.target_group(id),
                _ => REF.taxonomies.topic(id),
            };
            if let Some(t) = term {
                self.text(&t.label.clone());
            }
        }
    }
    fn location(&mut self, l: &Location) {
        if let Some(code) = &l.municipality_code {
            self.facet("municipality", code);
            if let Some(m) = REF.municipality(code) {
                self.facet("region", &m.region_code);
                self.plain(&m.name_fi);
                self.plain(&m.name_sv);
            }
        }
        if let Some(city) = &l.city {
            self.plain(city);
        }
        if l.accessibility.as_ref().is_some_and(|a| !a.is_empty()) {
            self.flag("accessible");
        }
        if let (Some(lat), Some(lon)) = (l.latitude, l.longitude) {
            if !self.points.contains(&(lat, lon)) {
                self.points.push((lat, lon));
                self.facets.extend(cells_of(lat, lon));
            }
        }
    }
    fn kind_label(&mut self, key: &str) {
        for lang in Lang::ALL {
            self.plain(&crate::i18n::t(lang, key));
        }
    }
    fn finish(
        self,
        doc_type: DocType,
        record_id: String,
        organization_id: String,
        name: LocalizedText,
        created: i64,
        apply_by: Option<String>,
    ) -> SearchDoc {
        SearchDoc {
            doc_type,
            record_id,
            organization_id,
            name,
            title: self.title.into_iter().collect(),
            body: self.body.into_iter().collect(),
            facets: self.facets.into_iter().collect(),
            points: self.points,
            created,
            apply_by,
        }
    }
}

/// The locations of a unit of indexing, by id and by organization.
struct Places<'a> {
    by_id: HashMap<LocationId, &'a Location>,
    by_org: HashMap<OrganizationId, Vec<&'a Location>>,
}

impl<'a> Places<'a> {
    fn new(locations: &'a [Location]) -> Self {
        let mut by_org: HashMap<OrganizationId, Vec<&Location>> = HashMap::new();
        for l in locations {
            if let Some(o) = l.organization_id {
                by_org.entry(o).or_default().push(l);
            }
        }
        Self {
            by_id: locations.iter().map(|l| (l.id, l)).collect(),
            by_org,
        }
    }

    fn at(&self, ids: &[LocationId]) -> Vec<&'a Location> {
        ids.iter()
            .filter_map(|id| self.by_id.get(id).copied())
            .collect()
    }

    /// Where a record happens: its own places, else its service's, else its organization's.
    fn of(
        &self,
        own: Vec<&'a Location>,
        service: Option<&Service>,
        org: OrganizationId,
    ) -> Vec<&'a Location> {
        let mut here = own;
        if here.is_empty() {
            if let Some(s) = service {
                here = self.at(&s.location_ids);
            }
        }
        if here.is_empty() {
            here = self.by_org.get(&org).cloned().unwrap_or_default();
        }
        here
    }
}

/// The search documents of these organizations and everything they offer.
pub fn documents(r: &OrgRecords) -> Vec<SearchDoc> {
    // A place past its apply-by date is not open (`close_expired_places` keeps that true
    // as the days go by).
    let today = crate::domain::helsinki::today();
    let places = Places::new(&r.locations);
    let services: HashMap<_, &Service> = r.services.iter().map(|s| (s.id, s)).collect();
    let orgs: HashMap<OrganizationId, &Organization> =
        r.organizations.iter().map(|o| (o.id, o)).collect();
    // Grouped once: an indexing chunk holds thousands of services.
    let mut org_services: HashMap<OrganizationId, Vec<&Service>> = HashMap::new();
    for s in &r.services {
        org_services.entry(s.organization_id).or_default().push(s);
    }
    let mut docs = Vec::new();
    for s in &r.services {
        let mut b = Builder::default();
        b.title(&s.name);
        b.text(&s.description);
        b.opt(&s.eligibility);
        b.opt(&s.cost);
        b.opt(&s.schedule);
        b.facet("type", "service");
        b.facet("kind", s.kind.as_str());
        b.kind_label(&format!("kind-{}", s.kind.as_str()));
        b.terms("target_group", &s.target_groups);
        b.terms("topic", &s.topics);
        for l in &s.languages {
            b.facet("language", l);
        }
        b.facet("cost", if s.free { "free" } else { "paid" });
        if s.low_threshold {
            b.flag("low_threshold");
        }
        if let Some(o) = orgs.get(&s.organization_id) {
            b.plain(&o.name);
        }
        for l in places.of(places.at(&s.location_ids), None, s.organization_id) {
            b.location(l);
        }
        docs.push(b.finish(
            DocType::Service,
            s.id.to_string(),
            s.organization_id.to_string(),
            s.name.clone(),
            s.updated_at.unix_timestamp(),
            None,
        ));
    }
    for o in &r.opportunities {
        let mut b = Builder::default();
        b.title(&o.title);
        b.text(&o.description);
        b.opt(&o.requirements);
        b.facet("type", "opportunity");
        b.facet("kind", o.kind.as_str());
        // The type is part of what the place is called: "palkkatuki" ranks wage-subsidy
        // places as if their names said so.
        if let Some(t) = REF.taxonomies.opportunity_type(o.kind.as_str()) {
            b.title(&t.label.clone());
        }
        b.terms("target_group", &o.target_groups);
        b.terms("topic", &o.topics);
        if o.part_time {
            b.flag("part_time");
        }
        // Work trials and the other places cost the person nothing.
        b.facet("cost", "free");
        if o.is_open_on(today) && o.places_free > 0 {
            b.flag("open");
        }
        let service = o.service_id.and_then(|id| services.get(&id).copied());
        if let Some(s) = service {
            b.plain(&s.name.fi);
            for l in &s.languages {
                b.facet("language", l);
            }
            if s.low_threshold {
                b.flag("low_threshold");
            }
        }
        if let Some(org) = orgs.get(&o.organization_id) {
            b.plain(&org.name);
        }
        let own = places.at(o.location_id.as_slice());
        for l in places.of(own, service, o.organization_id) {
            b.location(l);
        }
        docs.push(b.finish(
            DocType::Opportunity,
            o.id.to_string(),
            o.organization_id.to_string(),
            o.title.clone(),
            o.updated_at.unix_timestamp(),
            o.apply_by.map(|d| d.to_string()),
        ));
    }
    for org in &r.organizations {
        let mut b = Builder::default();
        b.title(&LocalizedText::fi(org.name.clone()));
        b.text(&org.description);
        b.facet("type", "organization");
        b.kind_label("kind-organization");
        b.kind_label(&format!("legal-form-{}", org.legal_form.as_str()));
        for n in &org.networks {
            b.plain(n);
        }
        // An organization is found by what it offers: the terms and languages of its services.
        for s in org_services.get(&org.id).into_iter().flatten() {
            for t in &s.target_groups {
                b.facet("target_group", t);
            }
            for t in &s.topics {
                b.facet("topic", t);
            }
            for l in &s.languages {
                b.facet("language", l);
            }
        }
        for l in places.of(Vec::new(), None, org.id) {
            b.location(l);
        }
        docs.push(b.finish(
            DocType::Organization,
            org.id.to_string(),
            org.id.to_string(),
            LocalizedText::fi(org.name.clone()),
            org.updated_at.unix_timestamp(),
            None,
        ));
    }
    docs
}

/// Rebuilds the search documents of these organizations from what the store holds now.
pub async fn reindex(store: &dyn Store, orgs: &[OrganizationId]) -> StoreResult<usize> {
    let mut n = 0;
    for chunk in orgs.chunks(500) {
        let records = store.records_of_organizations(chunk).await?;
        let docs = documents(&records);
        n += docs.len();
        store.replace_search_documents(chunk, &docs).await?;
    }
    Ok(n)
}

/// Places whose apply-by date has passed are closed: the organizations still indexed with
/// such a place as open get their documents rebuilt (run at least daily; see `serve`).
pub async fn close_expired_places(store: &dyn Store, today: time::Date) -> StoreResult<usize> {
    let orgs = store
        .organizations_with_expired_open_places(
            &today.to_string(),
            flag_token("open").unwrap_or("x"),
        )
        .await?;
    if orgs.is_empty() {
        return Ok(0);
    }
    reindex(store, &orgs).await?;
    Ok(orgs.len())
}

/// Every quarter of an hour, closes the places whose apply-by date passed in Finland.
pub async fn close_expired_places_every_quarter(store: crate::store::DynStore) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
    loop {
        tick.tick().await;
        match close_expired_places(store.as_ref(), crate::domain::helsinki::today()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                organizations = n,
                "places past their apply-by date closed in search"
            ),
            Err(e) => tracing::error!(error = %e, "closing places past their apply-by date"),
        }
    }
}
