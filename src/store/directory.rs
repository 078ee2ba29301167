//! The directory: organizations, services, opportunities, locations and contacts, written
//! as batches and read by id, by filter and by organization. The same SQL for both engines
//! (see `sql.rs`).

use super::sql::*;
use super::{
    service_at_location_id, DirectoryBatch, MunicipalityCount, OpportunityFilter,
    OrganizationFilter, Page, PageRequest, ServiceAtLocationRef, ServiceFilter, StoreError,
    StoreResult,
};
use crate::domain::*;
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;

#[async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Inserts or updates every record of the batch, all or nothing; the search documents
    /// are not touched (`services::save_batch` writes and reindexes).
    async fn write_batch(&self, batch: &DirectoryBatch) -> StoreResult<()>;

    async fn organization(&self, id: OrganizationId) -> StoreResult<Option<Organization>>;
    async fn organizations(
        &self,
        filter: &OrganizationFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Organization>>;
    async fn service(&self, id: ServiceId) -> StoreResult<Option<Service>>;
    async fn services(
        &self,
        filter: &ServiceFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Service>>;
    async fn opportunity(&self, id: OpportunityId) -> StoreResult<Option<Opportunity>>;
    async fn opportunities(
        &self,
        filter: &OpportunityFilter,
        page: PageRequest,
    ) -> StoreResult<Page<Opportunity>>;
    async fn location(&self, id: LocationId) -> StoreResult<Option<Location>>;
    async fn locations_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Location>>;
    async fn contacts_of_organization(&self, id: OrganizationId) -> StoreResult<Vec<Contact>>;
    /// The organizations with these ids (unknown ids are skipped), in one query.
    async fn organizations_by_id(&self, ids: &[OrganizationId]) -> StoreResult<Vec<Organization>>;
    /// The imported HSDS documents of this kind with these ids, by id, in one query.
    async fn hsds_sources(
        &self,
        kind: &str,
        ids: &[String],
    ) -> StoreResult<std::collections::HashMap<String, serde_json::Value>>;
    /// The locations with these ids, in one query.
    async fn locations_by_id(&self, ids: &[LocationId]) -> StoreResult<Vec<Location>>;
    /// Locations that belong to no organization (imported from other systems), by id.
    async fn locations_without_organization(&self) -> StoreResult<Vec<Location>>;
    /// All locations of these organizations, in one query.
    async fn locations_of_organizations(
        &self,
        ids: &[OrganizationId],
    ) -> StoreResult<Vec<Location>>;
    /// Services and opportunities at their locations, optionally of one organization.
    async fn service_at_locations(
        &self,
        organization_id: Option<OrganizationId>,
        page: PageRequest,
    ) -> StoreResult<Page<ServiceAtLocationRef>>;
    async fn service_at_location(&self, id: &str) -> StoreResult<Option<ServiceAtLocationRef>>;
    /// Municipalities that have at least one location, with counts.
    async fn municipality_counts(&self) -> StoreResult<Vec<MunicipalityCount>>;

    /// The services with these ids (unknown ids are skipped).
    async fn services_by_id(&self, ids: &[ServiceId]) -> StoreResult<Vec<Service>>;
    /// The opportunities with these ids (unknown ids are skipped).
    async fn opportunities_by_id(&self, ids: &[OpportunityId]) -> StoreResult<Vec<Opportunity>>;
    /// Every organization id, in id order.
    async fn organization_ids(&self) -> StoreResult<Vec<OrganizationId>>;
    /// These organizations with their locations, services and opportunities.
    async fn records_of_organizations(
        &self,
        ids: &[OrganizationId],
    ) -> StoreResult<crate::domain::search::OrgRecords>;
    async fn organizations_by_business_id(
        &self,
        id: &crate::domain::BusinessId,
    ) -> StoreResult<Vec<Organization>>;
    /// Organizations whose name contains `word` (in lower case): candidates for the duplicate
    /// check of a registration.
    async fn organizations_named_like(
        &self,
        word: &str,
        limit: i64,
    ) -> StoreResult<Vec<(OrganizationId, String)>>;
    /// The organizations whose places are still indexed as open (`open_token` among their
    /// facets) although their apply-by date is before `today` (`YYYY-MM-DD`).
    async fn organizations_with_expired_open_places(
        &self,
        today: &str,
        open_token: &str,
    ) -> StoreResult<Vec<OrganizationId>>;
}

macro_rules! directory_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl DirectoryStore for $store {
            async fn write_batch(&self, b: &DirectoryBatch) -> StoreResult<()> {
                for o in &b.organizations {
                    o.validate()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for s in &b.services {
                    s.validate()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for o in &b.opportunities {
                    o.validate()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for l in &b.locations {
                    l.validate()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                for c in &b.contacts {
                    c.validate()
                        .map_err(|e| StoreError::Invalid(e.to_string()))?;
                }
                let now = OffsetDateTime::now_utc();
                let mut tx = self.pool.begin().await?;
                for o in &b.organizations {
                    // Its events' calendar entries name it: a new name changes them.
                    sqlx::query(
                        "UPDATE events SET updated_at = $1
                         WHERE id IN (SELECT event_id FROM event_organizers WHERE organization_id = $2)
                           AND EXISTS (SELECT 1 FROM organizations WHERE id = $2 AND name <> $3)",
                    )
                    .bind(unix_micros(now))
                    .bind(o.id.to_string())
                    .bind(&o.name)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO organizations (id, name, legal_form, business_id, description, website, email, phones, areas_served, networks, verified, last_verified_at, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                         ON CONFLICT (id) DO UPDATE SET name = excluded.name, legal_form = excluded.legal_form,
                           business_id = excluded.business_id, description = excluded.description, website = excluded.website,
                           email = excluded.email, phones = excluded.phones, areas_served = excluded.areas_served,
                           networks = excluded.networks, verified = excluded.verified,
                           last_verified_at = excluded.last_verified_at, updated_at = excluded.updated_at",
                    )
                    .bind(o.id.to_string())
                    .bind(&o.name)
                    .bind(o.legal_form.as_str())
                    .bind(o.business_id.as_ref().map(|b| b.to_string()))
                    .bind(to_json(&o.description))
                    .bind(&o.website)
                    .bind(&o.email)
                    .bind(to_json(&o.phones))
                    .bind(to_json(&o.areas_served))
                    .bind(to_json(&o.networks))
                    .bind(o.verified)
                    .bind(micros(o.last_verified_at))
                    .bind(micros(now))
                    .bind(micros(o.updated_at))
                    .execute(&mut *tx)
                    .await?;
                }
                for l in &b.locations {
                    // Calendar entries of events there carry its name and address, and its
                    // municipality's feed lists them.
                    sqlx::query(
                        "UPDATE events SET updated_at = $1, municipality_code = COALESCE(NULLIF($6, ''), municipality_code)
                         WHERE location_id = $2
                           AND EXISTS (SELECT 1 FROM locations WHERE id = $2 AND NOT (name = $3 AND street = $4
                             AND postal_code = $5 AND COALESCE(municipality_code, '') = $6 AND COALESCE(city, '') = $7))",
                    )
                    .bind(unix_micros(now))
                    .bind(l.id.to_string())
                    .bind(to_json(&l.name))
                    .bind(&l.street)
                    .bind(&l.postal_code)
                    .bind(l.municipality_code.clone().unwrap_or_default())
                    .bind(l.city.clone().unwrap_or_default())
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "INSERT INTO locations (id, organization_id, name, street, postal_code, municipality_code, latitude, longitude, accessibility, country, city)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, name = excluded.name,
                           street = excluded.street, postal_code = excluded.postal_code,
                           municipality_code = excluded.municipality_code, latitude = excluded.latitude,
                           longitude = excluded.longitude, accessibility = excluded.accessibility,
                           country = excluded.country, city = excluded.city",
                    )
                    .bind(l.id.to_string())
                    .bind(l.organization_id.map(|o| o.to_string()))
                    .bind(to_json(&l.name))
                    .bind(&l.street)
                    .bind(&l.postal_code)
                    .bind(&l.municipality_code)
                    .bind(l.latitude)
                    .bind(l.longitude)
                    .bind(l.accessibility.as_ref().map(to_json))
                    .bind(&l.country)
                    .bind(&l.city)
                    .execute(&mut *tx)
                    .await?;
                }
                for s in &b.services {
                    let id = s.id.to_string();
                    sqlx::query(
                        "INSERT INTO services (id, organization_id, name, description, kind, languages, free, cost, eligibility, min_age, max_age, low_threshold, schedule, how_to_get_there, funding, last_verified_at, created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id, name = excluded.name,
                           description = excluded.description, kind = excluded.kind, languages = excluded.languages,
                           free = excluded.free, cost = excluded.cost, eligibility = excluded.eligibility,
                           min_age = excluded.min_age, max_age = excluded.max_age, low_threshold = excluded.low_threshold,
                           schedule = excluded.schedule, how_to_get_there = excluded.how_to_get_there,
                           funding = excluded.funding, last_verified_at = excluded.last_verified_at,
                           updated_at = excluded.updated_at",
                    )
                    .bind(&id)
                    .bind(s.organization_id.to_string())
                    .bind(to_json(&s.name))
                    .bind(to_json(&s.description))
                    .bind(s.kind.as_str())
                    .bind(to_json(&s.languages))
                    .bind(s.free)
                    .bind(s.cost.as_ref().map(to_json))
                    .bind(s.eligibility.as_ref().map(to_json))
                    .bind(s.min_age)
                    .bind(s.max_age)
                    .bind(s.low_threshold)
                    .bind(s.schedule.as_ref().map(to_json))
                    .bind(s.how_to_get_there.as_ref().map(to_json))
                    .bind(to_json(&s.funding))
                    .bind(micros(s.last_verified_at))
                    .bind(micros(now))
                    .bind(micros(s.updated_at))
                    .execute(&mut *tx)
                    .await?;
                }
                let terms: Vec<(String, &[String], &[String])> = b
                    .services
                    .iter()
                    .map(|s| {
                        (
                            s.id.to_string(),
                            s.target_groups.as_slice(),
                            s.topics.as_slice(),
                        )
                    })
                    .collect();
                Self::save_terms(&mut tx, "service_terms", "service_id", &terms).await?;
                let places: Vec<(String, String, i32, String)> = b
                    .services
                    .iter()
                    .flat_map(|s| {
                        let id = s.id.to_string();
                        s.location_ids.iter().enumerate().map(move |(pos, l)| {
                            (
                                id.clone(),
                                l.to_string(),
                                pos as i32,
                                service_at_location_id(&id, *l),
                            )
                        })
                    })
                    .collect();
                let ids: Vec<&str> = terms.iter().map(|(id, _, _)| id.as_str()).collect();
                Self::replace_rows(
                    &mut tx,
                    "service_locations",
                    "service_id",
                    &ids,
                    &["location_id", "position", "id"],
                    &places,
                    |mut b, r| {
                        b.push_bind(r.0.clone())
                            .push_bind(r.1.clone())
                            .push_bind(r.2)
                            .push_bind(r.3.clone());
                    },
                )
                .await?;
                for c in &b.contacts {
                    sqlx::query(
                        "INSERT INTO contacts (id, organization_id, service_id, title, name, email, phone)
                         VALUES ($1, $2, $3, $4, $5, $6, $7)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,
                           service_id = excluded.service_id, title = excluded.title, name = excluded.name,
                           email = excluded.email, phone = excluded.phone",
                    )
                    .bind(c.id.to_string())
                    .bind(c.organization_id.to_string())
                    .bind(c.service_id.map(|s| s.to_string()))
                    .bind(to_json(&c.title))
                    .bind(&c.name)
                    .bind(&c.email)
                    .bind(&c.phone)
                    .execute(&mut *tx)
                    .await?;
                }
                for o in &b.opportunities {
                    let id = o.id.to_string();
                    sqlx::query(
                        "INSERT INTO opportunities (id, organization_id, service_id, location_id, kind, title, description, requirements, how_to_apply, places_total, places_free, hours_per_week, part_time, starts_on, apply_by, status, last_verified_at, created_at, updated_at, location_link_id)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                         ON CONFLICT (id) DO UPDATE SET organization_id = excluded.organization_id,
                           service_id = excluded.service_id, location_id = excluded.location_id, kind = excluded.kind,
                           title = excluded.title, description = excluded.description,
                           requirements = excluded.requirements, how_to_apply = excluded.how_to_apply,
                           places_total = excluded.places_total, places_free = excluded.places_free,
                           hours_per_week = excluded.hours_per_week, part_time = excluded.part_time,
                           starts_on = excluded.starts_on, apply_by = excluded.apply_by, status = excluded.status,
                           last_verified_at = excluded.last_verified_at, updated_at = excluded.updated_at,
                           location_link_id = excluded.location_link_id",
                    )
                    .bind(&id)
                    .bind(o.organization_id.to_string())
                    .bind(o.service_id.map(|s| s.to_string()))
                    .bind(o.location_id.map(|s| s.to_string()))
                    .bind(o.kind.as_str())
                    .bind(to_json(&o.title))
                    .bind(to_json(&o.description))
                    .bind(o.requirements.as_ref().map(to_json))
                    .bind(to_json(&o.how_to_apply))
                    .bind(o.places_total)
                    .bind(o.places_free)
                    .bind(o.hours_per_week)
                    .bind(o.part_time)
                    .bind(o.starts_on)
                    .bind(o.apply_by)
                    .bind(o.status.as_str())
                    .bind(micros(o.last_verified_at))
                    .bind(micros(o.updated_at))
                    .bind(micros(o.updated_at))
                    .bind(o.location_id.map(|l| service_at_location_id(&id, l)))
                    .execute(&mut *tx)
                    .await?;
                }
                let terms: Vec<(String, &[String], &[String])> = b
                    .opportunities
                    .iter()
                    .map(|o| {
                        (
                            o.id.to_string(),
                            o.target_groups.as_slice(),
                            o.topics.as_slice(),
                        )
                    })
                    .collect();
                Self::save_terms(&mut tx, "opportunity_terms", "opportunity_id", &terms).await?;
                for src in &b.hsds_sources {
                    sqlx::query(
                        "INSERT INTO hsds_sources (kind, id, document) VALUES ($1, $2, $3)
                         ON CONFLICT (kind, id) DO UPDATE SET document = excluded.document",
                    )
                    .bind(src.kind)
                    .bind(&src.id)
                    .bind(src.document.to_string())
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn organization(&self, id: OrganizationId) -> StoreResult<Option<Organization>> {
                sqlx::query("SELECT * FROM organizations WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::organization_from(&r))
                    .transpose()
            }

            async fn organizations(
                &self,
                f: &OrganizationFilter,
                page: PageRequest,
            ) -> StoreResult<Page<Organization>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM organizations");
                Self::push_organization_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM organizations");
                Self::push_organization_filter(&mut qb, f);
                qb.push(if f.by_id {
                    " ORDER BY id LIMIT "
                } else {
                    " ORDER BY name, id LIMIT "
                })
                .push_bind(i64::from(page.per_page))
                .push(" OFFSET ")
                .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows
                    .iter()
                    .map(Self::organization_from)
                    .collect::<StoreResult<_>>()?;
                Ok(Page {
                    items,
                    total,
                    request: page,
                })
            }

            async fn service(&self, id: ServiceId) -> StoreResult<Option<Service>> {
                let row = sqlx::query("SELECT * FROM services WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                match row {
                    Some(r) => Ok(self
                        .complete_services(vec![Self::service_from(&r)?])
                        .await?
                        .pop()),
                    None => Ok(None),
                }
            }

            async fn services(
                &self,
                f: &ServiceFilter,
                page: PageRequest,
            ) -> StoreResult<Page<Service>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM services");
                Self::push_service_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM services");
                Self::push_service_filter(&mut qb, f);
                qb.push(" ORDER BY name, id LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows
                    .iter()
                    .map(Self::service_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                Ok(Page {
                    items: self.complete_services(items).await?,
                    total,
                    request: page,
                })
            }

            async fn opportunity(&self, id: OpportunityId) -> StoreResult<Option<Opportunity>> {
                let row = sqlx::query("SELECT * FROM opportunities WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                match row {
                    Some(r) => Ok(self
                        .complete_opportunities(vec![Self::opportunity_from(&r)?])
                        .await?
                        .pop()),
                    None => Ok(None),
                }
            }

            async fn opportunities(
                &self,
                f: &OpportunityFilter,
                page: PageRequest,
            ) -> StoreResult<Page<Opportunity>> {
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT COUNT(*) FROM opportunities");
                Self::push_opportunity_filter(&mut qb, f);
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new("SELECT * FROM opportunities");
                Self::push_opportunity_filter(&mut qb, f);
                // Open places first, then the newest.
                // Open first (a place past its apply-by date is closed), then full, then closed.
                qb.push(
                    " ORDER BY CASE WHEN status = 'open' AND (apply_by IS NULL OR apply_by >= ",
                )
                .push_bind(crate::domain::helsinki::today())
                .push(") THEN 0 WHEN status = 'full' THEN 1 ELSE 2 END, created_at DESC, id LIMIT ")
                .push_bind(i64::from(page.per_page))
                .push(" OFFSET ")
                .push_bind(page.offset());
                let rows = qb.build().fetch_all(&self.pool).await?;
                let items = rows
                    .iter()
                    .map(Self::opportunity_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                Ok(Page {
                    items: self.complete_opportunities(items).await?,
                    total,
                    request: page,
                })
            }

            async fn location(&self, id: LocationId) -> StoreResult<Option<Location>> {
                sqlx::query("SELECT * FROM locations WHERE id = $1")
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?
                    .map(|r| Self::location_from(&r))
                    .transpose()
            }

            async fn locations_of_organization(
                &self,
                id: OrganizationId,
            ) -> StoreResult<Vec<Location>> {
                sqlx::query(
                    "SELECT * FROM locations WHERE organization_id = $1 ORDER BY street, id",
                )
                .bind(id.to_string())
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(Self::location_from)
                .collect()
            }

            async fn contacts_of_organization(
                &self,
                id: OrganizationId,
            ) -> StoreResult<Vec<Contact>> {
                sqlx::query("SELECT * FROM contacts WHERE organization_id = $1 ORDER BY id")
                    .bind(id.to_string())
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::contact_from)
                    .collect()
            }

            async fn organizations_by_id(
                &self,
                ids: &[OrganizationId],
            ) -> StoreResult<Vec<Organization>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("organizations", "id", ids)
                    .await?
                    .iter()
                    .map(Self::organization_from)
                    .collect()
            }

            async fn hsds_sources(
                &self,
                kind: &str,
                ids: &[String],
            ) -> StoreResult<std::collections::HashMap<String, serde_json::Value>> {
                let mut out = std::collections::HashMap::new();
                for chunk in ids.chunks(1000) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "SELECT id, document FROM hsds_sources WHERE kind = ",
                    );
                    qb.push_bind(kind.to_string()).push(" AND id IN (");
                    let mut sep = qb.separated(", ");
                    for id in chunk {
                        sep.push_bind(id.clone());
                    }
                    qb.push(")");
                    for r in qb.build().fetch_all(&self.pool).await? {
                        let doc: String = r.try_get("document")?;
                        out.insert(r.try_get("id")?, from_json(&doc)?);
                    }
                }
                Ok(out)
            }

            async fn locations_by_id(&self, ids: &[LocationId]) -> StoreResult<Vec<Location>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("locations", "id", ids)
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect()
            }

            async fn locations_without_organization(&self) -> StoreResult<Vec<Location>> {
                sqlx::query("SELECT * FROM locations WHERE organization_id IS NULL ORDER BY id")
                    .fetch_all(&self.pool)
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect()
            }

            async fn locations_of_organizations(
                &self,
                ids: &[OrganizationId],
            ) -> StoreResult<Vec<Location>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                self.rows_in("locations", "organization_id", ids)
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect()
            }

            async fn service_at_locations(
                &self,
                organization_id: Option<OrganizationId>,
                page: PageRequest,
            ) -> StoreResult<Page<ServiceAtLocationRef>> {
                let org = organization_id.map(|o| o.to_string());
                let pairs = "SELECT sl.id AS id, sl.service_id AS record_id, sl.location_id AS location_id, 0 AS is_opportunity, s.organization_id AS organization_id
                       FROM service_locations sl JOIN services s ON s.id = sl.service_id
                     UNION ALL
                     SELECT location_link_id, id, location_id, 1, organization_id FROM opportunities WHERE location_id IS NOT NULL";
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT COUNT(*) FROM ({pairs}) p WHERE p.id IS NOT NULL"
                ));
                if let Some(o) = &org {
                    qb.push(" AND p.organization_id = ").push_bind(o.clone());
                }
                let total = self.count(qb).await?;
                let mut qb = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT p.id, p.record_id, p.location_id, p.is_opportunity FROM ({pairs}) p WHERE p.id IS NOT NULL"
                ));
                if let Some(o) = &org {
                    qb.push(" AND p.organization_id = ").push_bind(o.clone());
                }
                qb.push(" ORDER BY p.id LIMIT ")
                    .push_bind(i64::from(page.per_page))
                    .push(" OFFSET ")
                    .push_bind(page.offset());
                let rows: Vec<(String, String, String, i32)> =
                    qb.build_query_as().fetch_all(&self.pool).await?;
                let items = rows.into_iter().map(sal_from).collect::<StoreResult<_>>()?;
                Ok(Page {
                    items,
                    total,
                    request: page,
                })
            }

            async fn service_at_location(
                &self,
                id: &str,
            ) -> StoreResult<Option<ServiceAtLocationRef>> {
                let row: Option<(String, String, String, i32)> = sqlx::query_as(
                    "SELECT id, service_id, location_id, 0 FROM service_locations WHERE id = $1
                     UNION ALL
                     SELECT location_link_id, id, location_id, 1 FROM opportunities WHERE location_link_id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
                row.map(sal_from).transpose()
            }

            async fn municipality_counts(&self) -> StoreResult<Vec<MunicipalityCount>> {
                let rows: Vec<(String, i64, i64)> = sqlx::query_as(
                    "SELECT m.municipality_code,
                       (SELECT COUNT(DISTINCT l.organization_id) FROM locations l WHERE l.municipality_code = m.municipality_code),
                       (SELECT COUNT(*) FROM opportunities o JOIN locations l ON l.id = o.location_id
                          WHERE l.municipality_code = m.municipality_code AND o.status = 'open' AND (o.apply_by IS NULL OR o.apply_by >= $1))
                     FROM (SELECT DISTINCT municipality_code FROM locations WHERE municipality_code IS NOT NULL) m
                     ORDER BY m.municipality_code",
                )
                .bind(crate::domain::helsinki::today())
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(code, o, p)| MunicipalityCount {
                        code,
                        organizations: u64::try_from(o).unwrap_or(0),
                        opportunities: u64::try_from(p).unwrap_or(0),
                    })
                    .collect())
            }

            async fn services_by_id(&self, ids: &[ServiceId]) -> StoreResult<Vec<Service>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                let rows = self
                    .rows_in("services", "id", ids)
                    .await?
                    .iter()
                    .map(Self::service_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                self.complete_services(rows).await
            }

            async fn opportunities_by_id(
                &self,
                ids: &[OpportunityId],
            ) -> StoreResult<Vec<Opportunity>> {
                let ids = ids.iter().map(|i| i.to_string()).collect();
                let rows = self
                    .rows_in("opportunities", "id", ids)
                    .await?
                    .iter()
                    .map(Self::opportunity_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                self.complete_opportunities(rows).await
            }

            async fn organization_ids(&self) -> StoreResult<Vec<OrganizationId>> {
                let ids: Vec<String> =
                    sqlx::query_scalar("SELECT id FROM organizations ORDER BY id")
                        .fetch_all(&self.pool)
                        .await?;
                ids.iter()
                    .map(|i| parse_id(i, OrganizationId::parse))
                    .collect()
            }

            async fn records_of_organizations(
                &self,
                ids: &[OrganizationId],
            ) -> StoreResult<crate::domain::search::OrgRecords> {
                let keys: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
                let organizations = self
                    .rows_in("organizations", "id", keys.clone())
                    .await?
                    .iter()
                    .map(Self::organization_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let locations = self
                    .rows_in("locations", "organization_id", keys.clone())
                    .await?
                    .iter()
                    .map(Self::location_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let services = self
                    .rows_in("services", "organization_id", keys.clone())
                    .await?
                    .iter()
                    .map(Self::service_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let opportunities = self
                    .rows_in("opportunities", "organization_id", keys)
                    .await?
                    .iter()
                    .map(Self::opportunity_from)
                    .collect::<StoreResult<Vec<_>>>()?;
                let mut r = crate::domain::search::OrgRecords {
                    organizations,
                    locations,
                    services: self.complete_services(services).await?,
                    opportunities: self.complete_opportunities(opportunities).await?,
                };
                // Services and opportunities may be at locations of other organizations.
                let mut extra: Vec<LocationId> = r
                    .services
                    .iter()
                    .flat_map(|s| s.location_ids.iter().copied())
                    .chain(r.opportunities.iter().filter_map(|o| o.location_id))
                    .filter(|id| !r.locations.iter().any(|l| l.id == *id))
                    .collect();
                extra.sort_unstable();
                extra.dedup();
                if !extra.is_empty() {
                    r.locations.extend(self.locations_by_id(&extra).await?);
                }
                Ok(r)
            }

            async fn organizations_by_business_id(
                &self,
                id: &crate::domain::BusinessId,
            ) -> StoreResult<Vec<Organization>> {
                let rows = sqlx::query("SELECT * FROM organizations WHERE business_id = $1")
                    .bind(id.as_str())
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter().map(Self::organization_from).collect()
            }

            async fn organizations_named_like(
                &self,
                word: &str,
                limit: i64,
            ) -> StoreResult<Vec<(OrganizationId, String)>> {
                let pattern = format!(
                    "%{}%",
                    word.replace('\\', "").replace('%', "").replace('_', "")
                );
                let rows = sqlx::query("SELECT id, name FROM organizations WHERE LOWER(name) LIKE $1 ORDER BY name LIMIT $2")
                    .bind(pattern)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok((
                            parse_id(&r.try_get::<String, _>("id")?, OrganizationId::parse)?,
                            r.try_get("name")?,
                        ))
                    })
                    .collect()
            }

            async fn organizations_with_expired_open_places(
                &self,
                today: &str,
                open_token: &str,
            ) -> StoreResult<Vec<OrganizationId>> {
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT DISTINCT organization_id FROM search_docs WHERE doc_type = 'opportunity' AND apply_by IS NOT NULL AND apply_by <> '' AND apply_by < $1 AND (' ' || facets || ' ') LIKE $2",
                )
                .bind(today)
                .bind(format!("% {open_token} %"))
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .iter()
                    .filter_map(|(id,)| OrganizationId::parse(id))
                    .collect())
            }
        }
    };
}

directory_store!(SqliteStore, sqlx::Sqlite);
directory_store!(PostgresStore, sqlx::Postgres);
