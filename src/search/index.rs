//! The search documents: one per organization, service, opportunity, upcoming event and
//! project, built from the records and written to the engine's full-text index by the store.

use super::analyzer::words;
use super::geo::cells_of;
use crate::domain::events::Event;
use crate::domain::projects::Project;
pub use crate::domain::search::{DocType, OrgRecords, SearchDoc};
use crate::domain::{
    ArticleId, EventId, Lang, LocalizedText, Location, LocationId, Organization, OrganizationId,
    ProjectId, Service,
};
use crate::refdata::REF;
use crate::store::{EventQuery, ProjectQuery, Store, StoreResult};
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
    fn municipality(&mut self, code: &str) {
        self.facet("municipality", code);
        if let Some(m) = REF.municipality(code) {
            self.facet("region", &m.region_code);
            self.plain(&m.name_fi);
            self.plain(&m.name_sv);
        }
    }
    fn location(&mut self, l: &Location) {
        if let Some(code) = &l.municipality_code {
            self.municipality(code);
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

/// The unit of indexing of an event: its documents are replaced on their own, apart from
/// its organizers' (an event has several).
pub fn event_unit(id: EventId) -> String {
    format!("event:{id}")
}

/// The search documents of these events: those not cancelled and not yet over (a past event
/// is kept as a record on its pages, not offered by search). `organizations` and
/// `locations` hold at least the events' organizers and places.
pub fn event_documents(
    events: &[Event],
    organizations: &[Organization],
    locations: &[Location],
    now: time::OffsetDateTime,
) -> Vec<SearchDoc> {
    let orgs: HashMap<OrganizationId, &Organization> =
        organizations.iter().map(|o| (o.id, o)).collect();
    let places: HashMap<LocationId, &Location> = locations.iter().map(|l| (l.id, l)).collect();
    let mut docs = Vec::new();
    for e in events {
        let last_end = e.last_end();
        if e.cancelled || last_end <= now {
            continue;
        }
        let mut b = Builder::default();
        b.title(&LocalizedText::fi(e.title.clone()));
        b.plain(&e.description);
        b.plain(&e.place);
        b.facet("type", "event");
        b.facet("kind", e.kind.as_str());
        b.kind_label(&format!("event-kind-{}", e.kind.as_str()));
        b.terms("target_group", &e.audience);
        for l in &e.languages {
            b.facet("language", l);
        }
        b.facet(
            "cost",
            if e.cost.trim().is_empty() {
                "free"
            } else {
                "paid"
            },
        );
        b.plain(&e.cost);
        if !e.accessibility.trim().is_empty() {
            b.flag("accessible");
        }
        if e.online_url.is_some() {
            b.kind_label("events-online");
        }
        for o in &e.organizers {
            if let Some(org) = orgs.get(o) {
                b.plain(&org.name);
            }
        }
        match e.location_id.and_then(|l| places.get(&l)) {
            Some(l) => b.location(l),
            None => {
                if let Some(code) = &e.municipality_code {
                    b.municipality(code);
                }
            }
        }
        docs.push(b.finish(
            DocType::Event,
            e.id.to_string(),
            event_unit(e.id),
            LocalizedText::fi(e.title.clone()),
            e.created_at.unix_timestamp(),
            Some(crate::domain::helsinki::local(last_end).date().to_string()),
        ));
    }
    docs
}

/// Rebuilds the search documents of these events from what the store holds now (an event
/// gone, cancelled or over loses its document).
pub async fn reindex_events(store: &dyn Store, ids: &[EventId]) -> StoreResult<usize> {
    let mut n = 0;
    for chunk in ids.chunks(500) {
        let events = store
            .events(&EventQuery {
                ids: chunk.to_vec(),
                include_cancelled: true,
                limit: chunk.len() as u32,
                ..EventQuery::default()
            })
            .await?;
        let mut org_ids: Vec<OrganizationId> =
            events.iter().flat_map(|e| e.organizers.clone()).collect();
        org_ids.sort();
        org_ids.dedup();
        let organizations = store.organizations_by_id(&org_ids).await?;
        let location_ids: Vec<LocationId> = events.iter().filter_map(|e| e.location_id).collect();
        let locations = store.locations_by_id(&location_ids).await?;
        let docs = event_documents(
            &events,
            &organizations,
            &locations,
            time::OffsetDateTime::now_utc(),
        );
        n += docs.len();
        let units: Vec<String> = chunk.iter().map(|id| event_unit(*id)).collect();
        store.replace_search_documents(&units, &docs).await?;
    }
    Ok(n)
}

/// The unit of indexing of a project (it has a lead and partners).
pub fn project_unit(id: ProjectId) -> String {
    format!("project:{id}")
}

/// The search documents of these projects, planned, ongoing and ended (the register is a
/// record). `organizations` holds at least their leads and partners in Kolmonen.
/// Projects' documents; their attachments' titles ("Loppuraportti", "Arviointiraportti") are
/// searched as plain words.
pub fn project_documents(
    projects: &[Project],
    organizations: &[Organization],
    attachments: &[crate::domain::files::Attachment],
) -> Vec<SearchDoc> {
    let orgs: HashMap<OrganizationId, &Organization> =
        organizations.iter().map(|o| (o.id, o)).collect();
    projects
        .iter()
        .map(|p| {
            let mut b = Builder::default();
            b.title(&p.name);
            b.text(&p.aims);
            b.text(&p.results);
            b.text(&p.contact_role);
            // The funder note is not searched: it names the funder's body, often the region
            // ("Päijät-Hämeen hyvinvointialue"), and would make a project match a place word
            // ("kudonta Hämeenkoski") that should search near that place instead.
            b.facet("type", "project");
            b.kind_label("search-type-project");
            for f in &p.funders {
                if let Some(t) = REF.taxonomies.funder(f) {
                    b.text(&t.label.clone());
                }
            }
            b.terms("target_group", &p.target_groups);
            for m in &p.municipalities {
                b.municipality(m);
            }
            if let Some(o) = orgs.get(&p.lead) {
                b.plain(&o.name);
            }
            for partner in &p.partners {
                b.plain(&partner.name);
            }
            let owner = crate::domain::files::owner_of_project(p.id);
            for a in attachments.iter().filter(|a| a.owner == owner) {
                b.plain(&a.title);
            }
            b.finish(
                DocType::Project,
                p.id.to_string(),
                project_unit(p.id),
                p.name.clone(),
                p.created_at.unix_timestamp(),
                None,
            )
        })
        .collect()
}

/// Rebuilds the search documents of these projects from what the store holds now (a project
/// deleted loses its document).
pub async fn reindex_projects(store: &dyn Store, ids: &[ProjectId]) -> StoreResult<usize> {
    let mut n = 0;
    for chunk in ids.chunks(500) {
        let projects = store
            .projects(&ProjectQuery {
                ids: chunk.to_vec(),
                limit: chunk.len() as u32,
                ..ProjectQuery::default()
            })
            .await?;
        let mut org_ids: Vec<OrganizationId> =
            projects.iter().flat_map(|p| p.organizations()).collect();
        org_ids.sort();
        org_ids.dedup();
        let organizations = store.organizations_by_id(&org_ids).await?;
        let owners: Vec<String> = projects
            .iter()
            .map(|p| crate::domain::files::owner_of_project(p.id))
            .collect();
        let attachments = store.attachments_of(&owners).await?;
        let docs = project_documents(&projects, &organizations, &attachments);
        n += docs.len();
        let units: Vec<String> = chunk.iter().map(|id| project_unit(*id)).collect();
        store.replace_search_documents(&units, &docs).await?;
    }
    Ok(n)
}

/// Rebuilds the search documents of these organizations from what the store holds now, and
/// those of the upcoming events and the projects they run (which carry their names).
pub async fn reindex(store: &dyn Store, orgs: &[OrganizationId]) -> StoreResult<usize> {
    let mut n = 0;
    for chunk in orgs.chunks(500) {
        let records = store.records_of_organizations(chunk).await?;
        let docs = documents(&records);
        n += docs.len();
        let units: Vec<String> = chunk.iter().map(|o| o.to_string()).collect();
        store.replace_search_documents(&units, &docs).await?;
        let events = store
            .events(&EventQuery {
                organized_by: chunk.to_vec(),
                ends_after: Some(time::OffsetDateTime::now_utc()),
                limit: u32::MAX,
                ..EventQuery::default()
            })
            .await?;
        if !events.is_empty() {
            let ids: Vec<EventId> = events.iter().map(|e| e.id).collect();
            n += reindex_events(store, &ids).await?;
        }
        let projects = store
            .projects(&ProjectQuery {
                organizations: chunk.to_vec(),
                limit: u32::MAX,
                ..ProjectQuery::default()
            })
            .await?;
        if !projects.is_empty() {
            let ids: Vec<ProjectId> = projects.iter().map(|p| p.id).collect();
            n += reindex_projects(store, &ids).await?;
        }
        let articles = store
            .articles(&crate::store::ArticleQuery {
                authors: chunk.to_vec(),
                limit: u32::MAX,
                ..Default::default()
            })
            .await?;
        if !articles.is_empty() {
            let ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
            n += reindex_articles(store, &ids).await?;
        }
    }
    Ok(n)
}

/// The unit an article's document is replaced with.
pub fn article_unit(id: ArticleId) -> String {
    format!("article:{id}")
}

/// The search documents of these articles: found by their title, text, kind, topics,
/// target groups, authors and attachments' titles.
pub fn article_documents(
    articles: &[crate::domain::articles::Article],
    organizations: &[Organization],
    attachments: &[crate::domain::files::Attachment],
) -> Vec<SearchDoc> {
    let orgs: HashMap<OrganizationId, &Organization> =
        organizations.iter().map(|o| (o.id, o)).collect();
    articles
        .iter()
        .map(|a| {
            let mut b = Builder::default();
            let title = a.name();
            b.title(&title);
            b.plain(&crate::domain::markdown::to_plain(&a.body));
            b.facet("type", "article");
            b.facet("kind", a.kind.as_str());
            b.terms("topic", &a.topics);
            b.terms("target_group", &a.target_groups);
            b.facet("language", a.lang.code());
            for o in &a.authors {
                if let Some(o) = orgs.get(o) {
                    b.plain(&o.name);
                }
            }
            let owner = crate::domain::files::owner_of_article(a.id);
            for f in attachments.iter().filter(|f| f.owner == owner) {
                b.plain(&f.title);
            }
            b.finish(
                DocType::Article,
                a.id.to_string(),
                article_unit(a.id),
                title,
                a.created_at.unix_timestamp(),
                None,
            )
        })
        .collect()
}

/// Rebuilds the search documents of these articles (a deleted one loses its document).
pub async fn reindex_articles(store: &dyn Store, ids: &[ArticleId]) -> StoreResult<usize> {
    let mut n = 0;
    for chunk in ids.chunks(500) {
        let articles = store
            .articles(&crate::store::ArticleQuery {
                ids: chunk.to_vec(),
                limit: chunk.len() as u32,
                ..Default::default()
            })
            .await?;
        let mut org_ids: Vec<OrganizationId> =
            articles.iter().flat_map(|a| a.authors.clone()).collect();
        org_ids.sort();
        org_ids.dedup();
        let organizations = store.organizations_by_id(&org_ids).await?;
        let owners: Vec<String> = articles
            .iter()
            .map(|a| crate::domain::files::owner_of_article(a.id))
            .collect();
        let attachments = store.attachments_of(&owners).await?;
        let docs = article_documents(&articles, &organizations, &attachments);
        n += docs.len();
        let units: Vec<String> = chunk.iter().map(|id| article_unit(*id)).collect();
        store.replace_search_documents(&units, &docs).await?;
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

/// Events whose last occurrence is over lose their search documents (run with
/// `close_expired_places`).
pub async fn drop_past_events(store: &dyn Store, today: time::Date) -> StoreResult<usize> {
    let ids: Vec<EventId> = store
        .search_units_past(DocType::Event.as_str(), &today.to_string())
        .await?
        .iter()
        .filter_map(|u| u.strip_prefix("event:").and_then(EventId::parse))
        .collect();
    if ids.is_empty() {
        return Ok(0);
    }
    reindex_events(store, &ids).await?;
    Ok(ids.len())
}

/// Every quarter of an hour, closes the places whose apply-by date passed in Finland.
pub async fn close_expired_places_every_quarter(store: crate::store::DynStore) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(15 * 60));
    loop {
        tick.tick().await;
        match drop_past_events(store.as_ref(), crate::domain::helsinki::today()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(events = n, "events now over taken out of search"),
            Err(e) => tracing::error!(error = %e, "taking events now over out of search"),
        }
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
