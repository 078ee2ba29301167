//! Imported HSDS documents, kept as they came, so that the fields we do not model
//! (alternate names, programs, detailed schedules, phone extensions, ...) travel on in our
//! own documents. What we model always wins; the source fills in the rest.

use super::model as h;
use crate::store::{DynStore, HsdsSource, StoreResult};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Fields of ours whose absence means "cleared", so the source must not fill them back in.
const CLEARED_ORGANIZATION: &[&str] = &["email", "website", "phones", "contacts"];

/// Fields we always fill but do not model: the source's value is the better one.
const SOURCE_WINS: &[&str] = &["location_type", "address_type"];
const CLEARED_SERVICE: &[&str] = &[
    "fees_description",
    "eligibility_description",
    "minimum_age",
    "maximum_age",
    "schedules",
    "languages",
    "funding",
    "service_at_locations",
];
const CLEARED_LOCATION: &[&str] = &["latitude", "longitude", "accessibility"];

/// The sources of one import document, one per record: nested services and locations are
/// split off (they have sources of their own) and the rest stays with its record.
pub fn split(kind: &'static str, doc: &Value, out: &mut Vec<HsdsSource>) {
    let Value::Object(map) = doc else {
        return;
    };
    let mut map = map.clone();
    let Some(id) = map.get("id").and_then(Value::as_str).map(str::to_string) else {
        return;
    };
    match kind {
        "organization" => {
            if let Some(Value::Array(services)) = map.remove("services") {
                for mut s in services {
                    if let Value::Object(m) = &mut s {
                        m.entry("organization_id")
                            .or_insert_with(|| Value::String(id.clone()));
                    }
                    split("service", &s, out);
                }
            }
            if let Some(Value::Array(locations)) = map.remove("locations") {
                for l in &locations {
                    split("location", l, out);
                }
            }
        }
        "service" => {
            if let Some(org) = map.remove("organization") {
                split("organization", &org, out);
            }
            if let Some(Value::Array(sals)) = map.get_mut("service_at_locations") {
                for sal in sals.iter_mut().filter_map(Value::as_object_mut) {
                    // A location with its address has a source of its own; one given
                    // without (by reference) stays where it is.
                    let full = sal.get("location").is_some_and(has_address);
                    if !full {
                        continue;
                    }
                    if let Some(l) = sal.remove("location") {
                        if let Some(id) = l.get("id") {
                            sal.entry("location_id").or_insert_with(|| id.clone());
                        }
                        split("location", &l, out);
                    }
                }
            }
        }
        _ => {}
    }
    out.push(HsdsSource {
        kind,
        id,
        document: Value::Object(map),
    });
}

/// Lists where some entries are ours (regenerated every time) and the others come from
/// other systems: the test that tells theirs.
fn theirs(key: &str) -> Option<fn(&Value) -> bool> {
    match key {
        "attributes" => Some(|x| !is_ours(x)),
        "organization_identifiers" => Some(|x| {
            x.get("identifier_type").and_then(Value::as_str) != Some(super::BUSINESS_ID_TYPE)
        }),
        _ => None,
    }
}

/// Pairs records of a nested list: each of `mine` with the source's record of the same id,
/// else with the one at the same position (unless that one's id is another of ours).
/// Gives (source index, mine index).
fn pairs(source: &[Value], mine: &[Value]) -> Vec<(usize, usize)> {
    let my_ids: Vec<Option<&Value>> = mine.iter().map(|x| x.get("id")).collect();
    mine.iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let by_id = m
                .get("id")
                .and_then(|id| source.iter().position(|x| x.get("id") == Some(id)));
            let by_position = || {
                source
                    .get(i)
                    .filter(|x| x.get("id").is_none_or(|id| !my_ids.contains(&Some(id))))
                    .map(|_| i)
            };
            by_id.or_else(by_position).map(|s| (s, i))
        })
        .collect()
}

/// Whether two service_at_locations are about the same (known) location.
fn same_location(a: &Value, b: &Value) -> bool {
    location_of(a).is_some() && location_of(a) == location_of(b)
}

/// A service_at_location of the source without its id (ours are derived), to pair with ours.
fn without_id(sal: &Value) -> Value {
    let mut sal = sal.clone();
    if let Some(m) = sal.as_object_mut() {
        m.remove("id");
    }
    sal
}

/// Whether a location is given in full (with an address), not just by reference.
fn has_address(location: &Value) -> bool {
    location
        .get("addresses")
        .is_some_and(|a| a.as_array().is_some_and(|a| !a.is_empty()))
}

/// Whether `source` has anything our own document `ours` of the same record lacks, that is,
/// whether keeping it would add to what we export. Our own exports, imported again, add
/// nothing and are not kept. Errs on the side of keeping.
pub fn adds_to(source: &Value, ours: &Value) -> bool {
    match (source, ours) {
        (Value::Object(s), Value::Object(o)) => s.iter().any(|(k, v)| {
            let list = v.as_array().map(Vec::as_slice).unwrap_or_default();
            if let Some(theirs) = theirs(k) {
                return list.iter().any(theirs);
            }
            if k == "service_at_locations" {
                let mine = o
                    .get(k)
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                return list.iter().any(|sal| {
                    mine.iter()
                        .find(|m| same_location(m, sal))
                        .is_none_or(|m| adds_to(&without_id(sal), m))
                });
            }
            match o.get(k) {
                None => !is_nothing(v),
                Some(m) if SOURCE_WINS.contains(&k.as_str()) => m != v,
                Some(m) if m.as_str() == Some("") => !is_nothing(v),
                Some(m) => adds_to(v, m),
            }
        }),
        (Value::Array(s), Value::Array(o)) => {
            let pairs = pairs(s, o);
            s.iter().enumerate().any(|(i, x)| {
                pairs
                    .iter()
                    .find(|(si, _)| *si == i)
                    .is_none_or(|(_, mi)| adds_to(x, &o[*mi]))
            })
        }
        _ => false,
    }
}

fn is_nothing(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Whether an attribute is one of ours (its term is in one of our taxonomies).
fn is_ours(attr: &Value) -> bool {
    let term = attr
        .get("taxonomy_term_id")
        .or_else(|| attr.get("taxonomy_term").and_then(|t| t.get("id")))
        .and_then(Value::as_str);
    term.and_then(super::find_term).is_some()
}

/// Fills `ours` with what `source` has and we do not; `cleared` fields stay absent.
fn overlay(source: &Map<String, Value>, ours: &mut Map<String, Value>, cleared: &[&str]) {
    for (k, v) in source {
        // Lists where we own some entries: ours are regenerated, the others travel on.
        if let Some(theirs) = theirs(k) {
            let foreign: Vec<Value> = v
                .as_array()
                .map(|a| a.iter().filter(|x| theirs(x)).cloned().collect())
                .unwrap_or_default();
            if !foreign.is_empty() {
                let list = ours
                    .entry(k.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = list {
                    list.extend(foreign);
                }
            }
            continue;
        }
        if k == "service_at_locations" {
            service_at_locations(v, ours);
            continue;
        }
        match ours.get_mut(k) {
            Some(mine) if SOURCE_WINS.contains(&k.as_str()) || mine.as_str() == Some("") => {
                *mine = v.clone();
            }
            Some(mine) => merge(v, mine),
            None if !cleared.contains(&k.as_str()) => {
                ours.insert(k.clone(), v.clone());
            }
            None => {}
        }
    }
}

/// The location a service_at_location is about.
fn location_of(sal: &Value) -> Option<&Value> {
    sal.get("location")
        .and_then(|l| l.get("id"))
        .or_else(|| sal.get("location_id"))
}

/// Ours are paired with the source's by location. Locations the source gave by reference
/// only (no address: we could not import them) travel on as the source had them.
fn service_at_locations(source: &Value, ours: &mut Map<String, Value>) {
    let source = source.as_array().map(Vec::as_slice).unwrap_or_default();
    let list = ours
        .entry("service_at_locations")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Value::Array(list) = list else {
        return;
    };
    let mine: Vec<Option<Value>> = list.iter().map(|x| location_of(x).cloned()).collect();
    for item in list.iter_mut() {
        if let Some(partner) = source.iter().find(|x| same_location(item, x)) {
            merge(&without_id(partner), item);
        }
    }
    for sal in source {
        let by_reference = sal.get("location").is_some_and(|l| !has_address(l));
        let loc = location_of(sal).cloned();
        if by_reference && !mine.contains(&loc) {
            list.push(sal.clone());
        }
    }
    if list.is_empty() {
        ours.remove("service_at_locations");
    }
}

/// Nested records are paired as `pairs` says; values of ours win.
fn merge(source: &Value, mine: &mut Value) {
    match (source, mine) {
        (Value::Object(s), Value::Object(m)) => overlay(s, m, &[]),
        (Value::Array(s), Value::Array(m)) => {
            for (si, mi) in pairs(s, m) {
                merge(&s[si], &mut m[mi]);
            }
        }
        _ => {}
    }
}

fn apply<T: serde::Serialize + serde::de::DeserializeOwned>(
    doc: &mut T,
    source: Option<&Value>,
    cleared: &[&str],
) {
    let Some(Value::Object(source)) = source else {
        return;
    };
    let Ok(Value::Object(mut ours)) = serde_json::to_value(&*doc) else {
        return;
    };
    overlay(source, &mut ours, cleared);
    if let Ok(merged) = serde_json::from_value(Value::Object(ours)) {
        *doc = merged;
    }
}

/// The sources of the records a set of documents shows.
#[derive(Default)]
pub struct Sources {
    organizations: HashMap<String, Value>,
    services: HashMap<String, Value>,
    locations: HashMap<String, Value>,
}

impl Sources {
    pub async fn load(
        store: &DynStore,
        organizations: &[String],
        services: &[String],
        locations: &[String],
    ) -> StoreResult<Self> {
        Ok(Sources {
            organizations: store.hsds_sources("organization", organizations).await?,
            services: store.hsds_sources("service", services).await?,
            locations: store.hsds_sources("location", locations).await?,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.organizations.is_empty() && self.services.is_empty() && self.locations.is_empty()
    }

    pub fn location(&self, doc: &mut h::Location) {
        apply(doc, self.locations.get(&doc.id), CLEARED_LOCATION);
    }

    /// An organization document and its locations (nested services are done on their own).
    pub fn organization(&self, doc: &mut h::Organization) {
        if self.is_empty() {
            return;
        }
        for l in &mut doc.locations {
            self.location(l);
        }
        apply(doc, self.organizations.get(&doc.id), CLEARED_ORGANIZATION);
    }

    /// A service document and its locations (its organization is done on its own).
    pub fn service(&self, doc: &mut h::Service) {
        if self.is_empty() {
            return;
        }
        for sal in &mut doc.service_at_locations {
            if let Some(l) = &mut sal.location {
                self.location(l);
            }
        }
        apply(doc, self.services.get(&doc.id), CLEARED_SERVICE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ours_win_the_source_fills_the_rest() {
        let source = json!({
            "id": "a", "name": "Old name", "alternate_name": "Alt", "email": "old@example.com",
            "phones": [{"id": "p1", "number": "1", "extension": 100}],
            "attributes": [{"id": "x", "taxonomy_term_id": "not-ours", "value": "v"}]
        });
        let mut ours = json!({
            "id": "a", "name": "New name",
            "phones": [{"id": "derived", "number": "2"}]
        });
        let (Value::Object(s), Value::Object(o)) = (&source, &mut ours) else {
            unreachable!()
        };
        overlay(s, o, CLEARED_ORGANIZATION);
        assert_eq!(
            ours,
            json!({
                "id": "a", "name": "New name", "alternate_name": "Alt",
                "phones": [{"id": "derived", "number": "2", "extension": 100}],
                "attributes": [{"id": "x", "taxonomy_term_id": "not-ours", "value": "v"}]
            })
        );
    }

    #[test]
    fn nested_records_are_split_off() {
        let doc = json!({
            "id": "o", "name": "Org", "description": "d",
            "locations": [{"id": "l", "addresses": [{"postal_code": "x"}]}],
            "services": [{"id": "s", "name": "S", "status": "active",
                          "service_at_locations": [{"id": "sal", "location": {"id": "l2"}}]}]
        });
        let mut out = Vec::new();
        split("organization", &doc, &mut out);
        let kinds: Vec<(&str, &str)> = out.iter().map(|s| (s.kind, s.id.as_str())).collect();
        assert_eq!(
            kinds,
            vec![("service", "s"), ("location", "l"), ("organization", "o")]
        );
        assert_eq!(out[0].document["organization_id"], "o");
        // A location given by reference only stays in its service's source.
        assert_eq!(
            out[0].document["service_at_locations"][0]["location"]["id"],
            "l2"
        );
        assert!(out[2].document.get("services").is_none());
    }
}
