//! Open Referral HSDS 3.0: our records as HSDS documents (and back, for imports).
//!
//! Our extensions travel as `attribute`s that point to terms of our own taxonomies, so that a
//! round trip through our own export and import loses nothing: target groups, topics,
//! opportunity types, service kinds, and a `property` taxonomy for the remaining fields
//! (places, hours, dates, translations of every text, …). Ids of the sub-records HSDS needs
//! (addresses, attributes, …) are UUIDv5 of their parent's id and role, so exports are stable.

pub mod documents;
pub mod export;
pub mod import;
pub mod model;
pub mod package;
pub mod sources;
pub mod tabular;

use crate::domain::Lang;
use crate::i18n::t;
use crate::refdata::REF;

pub const HSDS_VERSION: &str = "3.0";

pub use crate::domain::derived_id;

/// Our taxonomies, by key.
pub const TAXONOMIES: &[&str] = &[
    "target_group",
    "topic",
    "opportunity_type",
    "service_kind",
    "property",
];

/// Fields that travel as `property` attributes, with what they mean (English, for other systems).
pub const PROPERTIES: &[(&str, &str)] = &[
    ("record_type", "Kolmonen record type: service or opportunity"),
    ("low_threshold", "Low threshold: come without referral or appointment (true/false)"),
    ("free", "Free of charge (true/false)"),
    ("verified", "Organization verified by the network (true/false)"),
    ("legal_form", "Legal form: association, foundation, cooperative, social_enterprise, municipality, parish, company, other"),
    ("area_served", "Municipality code (Statistics Finland) of an area served"),
    ("network", "Name of a network the organization belongs to"),
    ("municipality", "Municipality code (Statistics Finland) of the location"),
    ("parent_service", "Id of the service an opportunity belongs to"),
    ("places_total", "Number of places in total"),
    ("places_free", "Number of places free"),
    ("hours_per_week", "Hours per week"),
    ("part_time", "Part-time (true/false)"),
    ("starts_on", "Start date (ISO 8601)"),
    ("apply_by", "Last day to apply (ISO 8601)"),
    ("opportunity_status", "Opportunity status: open, full or closed"),
    ("last_verified_at", "When the owner last confirmed the record (RFC 3339)"),
    ("phone_description", "What a phone number is for"),
    ("text", "A text in one language: the attribute's link_type names the field and language, e.g. description:sv"),
];

pub fn taxonomy_id(key: &str) -> String {
    derived_id(&format!("taxonomy:{key}"))
}

pub fn term_id(taxonomy: &str, code: &str) -> String {
    derived_id(&format!("term:{taxonomy}:{code}"))
}

fn label(lt: &crate::domain::LocalizedText, lang: Lang) -> String {
    lt.text(lang).to_string()
}

pub fn taxonomy(key: &str, lang: Lang) -> Option<model::Taxonomy> {
    TAXONOMIES.contains(&key).then(|| model::Taxonomy {
        extra: Default::default(),
        id: taxonomy_id(key),
        name: format!("kolmonen-{}", key.replace('_', "-")),
        description: t(lang, &format!("hsds-taxonomy-{}", key.replace('_', "-"))),
        version: Some("1".into()),
    })
}

pub fn taxonomies(lang: Lang) -> Vec<model::Taxonomy> {
    TAXONOMIES
        .iter()
        .filter_map(|k| taxonomy(k, lang))
        .collect()
}

/// Every term of every taxonomy of ours.
pub fn taxonomy_terms(lang: Lang) -> Vec<model::TaxonomyTerm> {
    let mut out = Vec::new();
    let mut push = |taxonomy: &str, code: &str, name: String, description: String| {
        out.push(model::TaxonomyTerm {
            extra: Default::default(),
            id: term_id(taxonomy, code),
            code: Some(format!("{taxonomy}:{code}")),
            name,
            description,
            parent_id: None,
            taxonomy: Some(format!("kolmonen-{}", taxonomy.replace('_', "-"))),
            taxonomy_detail: None,
            language: Some(lang.code().into()),
            taxonomy_id: Some(taxonomy_id(taxonomy)),
        });
    };
    let tx = &REF.taxonomies;
    for term in &tx.target_groups {
        push(
            "target_group",
            &term.id,
            label(&term.label, lang),
            label(&term.label, lang),
        );
    }
    for term in &tx.topics {
        push(
            "topic",
            &term.id,
            label(&term.label, lang),
            label(&term.label, lang),
        );
    }
    for term in &tx.opportunity_types {
        let desc = term
            .explanation
            .as_ref()
            .map(|e| label(e, lang))
            .unwrap_or_else(|| label(&term.label, lang));
        push("opportunity_type", &term.id, label(&term.label, lang), desc);
    }
    for kind in crate::domain::ServiceKind::ALL {
        let k = kind.as_str();
        push(
            "service_kind",
            k,
            t(lang, &format!("kind-{k}")),
            t(lang, &format!("kind-{k}-explanation")),
        );
    }
    for (code, desc) in PROPERTIES {
        push("property", code, (*code).to_string(), (*desc).to_string());
    }
    out
}

/// Our term ids → (taxonomy key, term code), built once.
static TERM_INDEX: std::sync::LazyLock<std::collections::HashMap<String, (&'static str, String)>> =
    std::sync::LazyLock::new(|| {
        taxonomy_terms(Lang::En)
            .into_iter()
            .filter_map(|t| {
                let code = t.code?;
                let (tax, c) = code.split_once(':')?;
                let tax = TAXONOMIES.iter().find(|k| **k == tax)?;
                Some((t.id, (*tax, c.to_string())))
            })
            .collect()
    });

/// Our terms in each language (in `Lang::ALL` order) by id, built once.
static TERMS_BY_ID: std::sync::LazyLock<
    Vec<std::collections::HashMap<String, model::TaxonomyTerm>>,
> = std::sync::LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|l| {
            taxonomy_terms(*l)
                .into_iter()
                .map(|t| (t.id.clone(), t))
                .collect()
        })
        .collect()
});

/// The `identifier_type` of a Y-tunnus among an organization's identifiers.
pub const BUSINESS_ID_TYPE: &str = "Y-tunnus";

/// The taxonomy key and term code of one of our term ids.
pub fn find_term(id: &str) -> Option<(&'static str, String)> {
    TERM_INDEX.get(id).cloned()
}

/// One of our terms by id, in `lang`.
pub fn term(id: &str, lang: Lang) -> Option<&'static model::TaxonomyTerm> {
    let i = Lang::ALL.iter().position(|l| *l == lang)?;
    TERMS_BY_ID.get(i)?.get(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn term_codes_and_ids_are_unique() {
        let terms = taxonomy_terms(Lang::Fi);
        let mut ids: Vec<_> = terms.iter().map(|t| t.id.clone()).collect();
        let mut codes: Vec<_> = terms.iter().map(|t| t.code.clone()).collect();
        ids.sort();
        ids.dedup();
        codes.sort();
        codes.dedup();
        assert_eq!(ids.len(), terms.len());
        assert_eq!(codes.len(), terms.len());
    }

    #[test]
    fn term_ids_resolve_back_to_their_codes() {
        assert_eq!(
            find_term(&term_id("topic", "animals")),
            Some(("topic", "animals".to_string()))
        );
        assert_eq!(find_term(&derived_id("nothing")), None);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(taxonomy_id("topic"), taxonomy_id("topic"));
        assert_ne!(taxonomy_id("topic"), taxonomy_id("target_group"));
    }
}
