//! Cards: how an organization, a service or an opportunity is shown in a list (search,
//! directory lists, the home page, a municipality, matches), and `CardLookup`, which reads
//! the names and places cards need for a page of records in a few queries.

use super::directory::{place_name, print_facts};
use super::{Card, Ctx, Fresh, Txt};
use crate::domain::*;
use crate::error::PageResult;
use crate::i18n::date;
use crate::refdata::REF;
use crate::store::DynStore;
use std::collections::{HashMap, HashSet};

pub fn organization_card(ctx: &Ctx, o: &Organization, place: Option<String>) -> Card {
    let mut tags = vec![ctx.t(&format!("legal-form-{}", o.legal_form.as_str()))];
    if o.verified {
        tags.push(ctx.t("badge-verified"));
    }
    Card {
        kind: ctx.t("kind-organization"),
        url: ctx.url(&format!("/organizations/{}", o.id)),
        name: Txt {
            text: o.name.clone(),
            lang: None,
            note: None,
        },
        organization: None,
        place,
        summary: Txt::summary(&o.description, ctx.lang, 180),
        tags,
        fresh: Some(Fresh::new(ctx.lang, o.last_verified_at)),
        print: Vec::new(),
    }
}

pub fn service_card(
    ctx: &Ctx,
    s: &Service,
    organization: Option<String>,
    place: Option<String>,
) -> Card {
    let mut tags = Vec::new();
    if s.free {
        tags.push(ctx.t("tag-free"));
    }
    if s.low_threshold {
        tags.push(ctx.t("tag-low-threshold"));
    }
    Card {
        kind: ctx.t(&format!("kind-{}", s.kind.as_str())),
        url: ctx.url(&format!("/services/{}", s.id)),
        name: Txt::new(&s.name, ctx.lang),
        organization,
        place,
        summary: Txt::summary(&s.description, ctx.lang, 180),
        tags,
        fresh: Some(Fresh::new(ctx.lang, s.last_verified_at)),
        print: Vec::new(),
    }
}

pub fn opportunity_card(
    ctx: &Ctx,
    o: &Opportunity,
    organization: Option<String>,
    place: Option<String>,
) -> Card {
    let mut tags = vec![opportunity_status(ctx, o)];
    if o.part_time {
        tags.push(ctx.t("tag-part-time"));
    }
    if let Some(h) = o.hours_per_week {
        tags.push(ctx.tn("hours-per-week-value", h as u64));
    }
    Card {
        kind: REF
            .taxonomies
            .opportunity_type(o.kind.as_str())
            .map(|t| t.label.text(ctx.lang).to_string())
            .unwrap_or_default(),
        url: ctx.url(&format!("/opportunities/{}", o.id)),
        name: Txt::new(&o.title, ctx.lang),
        organization,
        place,
        summary: Txt::summary(&o.description, ctx.lang, 180),
        tags,
        fresh: Some(Fresh::new(ctx.lang, o.last_verified_at)),
        print: Vec::new(),
    }
}

/// An event as a result card: its kind, title, organizers, place and when it next takes
/// place.
pub fn event_card(
    ctx: &Ctx,
    e: &crate::domain::events::Event,
    organizers: Option<String>,
    location: Option<&Location>,
    now: time::OffsetDateTime,
) -> Card {
    let when = super::events::when_text(e, now);
    let place = super::events::place_words(ctx, e);
    let address = location.map_or_else(|| place.clone(), |l| super::events::location_words(ctx, l));
    Card {
        kind: ctx.t(&format!("event-kind-{}", e.kind.as_str())),
        url: ctx.url(&format!("/events/{}", e.id)),
        name: Txt {
            text: e.title.clone(),
            lang: None,
            note: None,
        },
        organization: organizers,
        place: (!place.is_empty()).then_some(place),
        summary: Txt::summary(&LocalizedText::fi(e.description.clone()), ctx.lang, 180),
        tags: vec![when.clone()],
        fresh: None,
        print: vec![("field-starts", when), ("field-address", address)],
    }
}

pub(super) fn opportunity_status(ctx: &Ctx, o: &Opportunity) -> String {
    match o.status_on(helsinki::today()) {
        OpportunityStatus::Open if o.places_free > 0 => ctx.tn("places-free", o.places_free as u64),
        OpportunityStatus::Open => ctx.t("status-open"),
        OpportunityStatus::Full => ctx.t("status-full"),
        OpportunityStatus::Closed => ctx.t("status-closed"),
    }
}

/// Builds cards for a list of records with one query for their organizations and one for
/// their locations, however long the list.
pub(super) struct CardLookup<'a> {
    store: &'a DynStore,
    lang: Lang,
}

impl<'a> CardLookup<'a> {
    pub(super) fn new(store: &'a DynStore, lang: Lang) -> Self {
        Self { store, lang }
    }

    /// Organizations by id, in one query (unknown ids are left out).
    async fn organizations(
        &self,
        ids: impl Iterator<Item = OrganizationId>,
    ) -> PageResult<HashMap<OrganizationId, Organization>> {
        let ids: Vec<_> = ids.collect::<HashSet<_>>().into_iter().collect();
        let orgs = self.store.organizations_by_id(&ids).await?;
        Ok(orgs.into_iter().map(|o| (o.id, o)).collect())
    }

    /// Organization names by id, in one query (unknown ids are left out).
    pub(super) async fn names(
        &self,
        ids: impl Iterator<Item = OrganizationId>,
    ) -> PageResult<HashMap<OrganizationId, String>> {
        Ok(self
            .organizations(ids)
            .await?
            .into_iter()
            .map(|(id, o)| (id, o.name))
            .collect())
    }

    async fn places(
        &self,
        ids: impl Iterator<Item = LocationId>,
    ) -> PageResult<HashMap<LocationId, Location>> {
        let ids: Vec<_> = ids.collect::<HashSet<_>>().into_iter().collect();
        let locs = self.store.locations_by_id(&ids).await?;
        Ok(locs.into_iter().map(|l| (l.id, l)).collect())
    }

    pub(super) async fn opportunity_cards(
        &self,
        ctx: &Ctx,
        items: &[Opportunity],
    ) -> PageResult<Vec<Card>> {
        let orgs = self
            .organizations(items.iter().map(|o| o.organization_id))
            .await?;
        let places = self
            .places(items.iter().filter_map(|o| o.location_id))
            .await?;
        Ok(items
            .iter()
            .map(|o| {
                let place = o.location_id.and_then(|l| places.get(&l));
                let org = orgs.get(&o.organization_id);
                let mut card = opportunity_card(
                    ctx,
                    o,
                    org.map(|g| g.name.clone()),
                    place.map(|l| place_name(l, self.lang)),
                );
                card.print = vec![("field-status", opportunity_status(ctx, o))];
                card.print
                    .extend(print_facts(ctx, place.into_iter(), org, None));
                if let Some(h) = o.hours_per_week {
                    card.print.push((
                        "field-hours-per-week",
                        ctx.tn("hours-per-week-value", h as u64),
                    ));
                }
                if let Some(d) = o.apply_by {
                    card.print.push(("field-apply-by", date(self.lang, d)));
                }
                card
            })
            .collect())
    }

    pub(super) async fn service_cards(
        &self,
        ctx: &Ctx,
        items: &[Service],
    ) -> PageResult<Vec<Card>> {
        let orgs = self
            .organizations(items.iter().map(|s| s.organization_id))
            .await?;
        let places = self
            .places(items.iter().flat_map(|s| s.location_ids.iter().copied()))
            .await?;
        Ok(items
            .iter()
            .map(|s| {
                let here: Vec<&Location> = s
                    .location_ids
                    .iter()
                    .filter_map(|l| places.get(l))
                    .collect();
                let mut names: Vec<String> =
                    here.iter().map(|l| place_name(l, self.lang)).collect();
                names.dedup();
                let place = (!names.is_empty()).then(|| names.join(", "));
                let org = orgs.get(&s.organization_id);
                let mut card = service_card(ctx, s, org.map(|g| g.name.clone()), place);
                card.print = print_facts(ctx, here.into_iter(), org, s.schedule.as_ref());
                card
            })
            .collect())
    }

    pub(super) async fn organization_cards(
        &self,
        ctx: &Ctx,
        items: &[Organization],
    ) -> PageResult<Vec<Card>> {
        let ids: Vec<_> = items.iter().map(|o| o.id).collect();
        let locs = self.store.locations_of_organizations(&ids).await?;
        Ok(items
            .iter()
            .map(|o| {
                let mut here: Vec<String> = locs
                    .iter()
                    .filter(|l| l.organization_id == Some(o.id))
                    .map(|l| place_name(l, self.lang))
                    .collect();
                here.sort();
                here.dedup();
                let mut card =
                    organization_card(ctx, o, (!here.is_empty()).then(|| here.join(", ")));
                let own = locs.iter().filter(|l| l.organization_id == Some(o.id));
                card.print = print_facts(ctx, own, Some(o), None);
                if let Some(e) = &o.email {
                    card.print.push(("field-email", e.clone()));
                }
                card
            })
            .collect())
    }
}
