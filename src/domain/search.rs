//! What the store keeps and finds for search: the documents (one per organization, service
//! and opportunity), the records one unit of indexing reads, the change log of the index in
//! memory, and a query in the terms of the engines' full-text indexes. Building and ranking
//! them is `search`.

use super::{LocalizedText, Location, Opportunity, Organization, Service};

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocType {
    Service,
    Opportunity,
    Organization,
    Event,
    Project,
    Article,
}

impl DocType {
    pub const ALL: [DocType; 6] = [
        DocType::Service,
        DocType::Opportunity,
        DocType::Organization,
        DocType::Event,
        DocType::Project,
        DocType::Article,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Service => "service",
            DocType::Opportunity => "opportunity",
            DocType::Organization => "organization",
            DocType::Event => "event",
            DocType::Project => "project",
            DocType::Article => "article",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// One record as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    pub doc_type: DocType,
    pub record_id: String,
    /// The unit of indexing the document is replaced with: its organization's id, or
    /// `event:{id}` for an event, `project:{id}` for a project (see `search::index`).
    pub organization_id: String,
    /// The record's name in every language it has (shown in results).
    pub name: LocalizedText,
    /// Words of the name, in all languages.
    pub title: Vec<String>,
    /// Words of everything else worth finding it by.
    pub body: Vec<String>,
    /// Facet tokens (see `facet_token`), including the geographic cells of its places.
    pub facets: Vec<String>,
    /// Where it happens: (latitude, longitude).
    pub points: Vec<(f64, f64)>,
    /// Seconds since 1970 when the record was created (for "newest").
    pub created: i64,
    /// The last day to apply (opportunities), `YYYY-MM-DD`.
    pub apply_by: Option<String>,
}

/// A search document as the store keeps it: what the index in memory is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDoc {
    pub doc_type: DocType,
    pub record_id: String,
    pub organization_id: String,
    /// The name as stored (JSON of a `LocalizedText`).
    pub name: String,
    /// Title words, space-separated.
    pub title: String,
    /// The other words, space-separated.
    pub body: String,
    /// Facet tokens (cells included), space-separated.
    pub facets: String,
    pub points: Vec<(f64, f64)>,
    pub created: i64,
    pub apply_by: Option<String>,
}

/// What changed in the search documents after a change number: the organizations whose
/// documents were replaced, the newest change number, and the newest number no longer kept
/// (a node that has seen less than that reloads everything).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchChanges {
    pub organizations: Vec<String>,
    pub newest: i64,
    pub pruned: i64,
}

/// The records of some organizations, as one unit of indexing.
#[derive(Debug, Default)]
pub struct OrgRecords {
    pub organizations: Vec<Organization>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    pub opportunities: Vec<Opportunity>,
}

/// What the store runs: groups of index words (a document must have a word of every
/// group), the same groups with only exact and inflected words (to tell strong matches),
/// facet tokens it must have all of, and cell tokens it must have one of.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MatchQuery {
    pub groups: Vec<Vec<String>>,
    pub strong: Vec<Vec<String>>,
    /// Tokens every match has (a facet with one value chosen, a yes/no filter).
    pub all_of: Vec<String>,
    /// Groups of tokens: a match has at least one of each group (a facet with several values
    /// chosen, the cells of a radius).
    pub any_of: Vec<Vec<String>>,
}

impl Candidate {
    pub fn name(&self) -> LocalizedText {
        serde_json::from_str(&self.name).unwrap_or_else(|_| LocalizedText::fi(String::new()))
    }
}

impl MatchQuery {
    pub fn is_everything(&self) -> bool {
        self.groups.is_empty() && self.all_of.is_empty() && self.any_of.is_empty()
    }

    /// The query in SQLite FTS5 syntax (tokens are letters and digits only, so quoting them
    /// is enough; the table's columns are title, body and facets).
    pub fn fts5(&self, groups: &[Vec<String>]) -> String {
        let or = |ws: &[String]| {
            ws.iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" OR ")
        };
        let mut parts: Vec<String> = groups
            .iter()
            .map(|g| format!("{{title body}} : ({})", or(g)))
            .collect();
        parts.extend(self.all_of.iter().map(|t| format!("facets : \"{t}\"")));
        parts.extend(self.any_of.iter().map(|g| format!("facets : ({})", or(g))));
        parts.join(" AND ")
    }

    /// The query as PostgreSQL tsqueries over the lexemes we stored (title has weight A,
    /// body B, facets D), one per word group and facet, all of which a document must match.
    /// Separate conditions let the GIN index intersect them; one big tsquery with the same
    /// meaning is several times slower to scan.
    pub fn tsqueries(&self, groups: &[Vec<String>]) -> Vec<String> {
        let or = |ws: &[String], w: &str| {
            ws.iter()
                .map(|t| format!("'{t}':{w}"))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        let mut parts: Vec<String> = groups.iter().map(|g| or(g, "AB")).collect();
        parts.extend(self.all_of.iter().map(|t| format!("'{t}':D")));
        parts.extend(self.any_of.iter().map(|g| or(g, "D")));
        parts
    }
}

/// A document the store matched, with what ranking and facets need.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub doc_type: DocType,
    pub record_id: String,
    /// The name as stored (JSON of a `LocalizedText`); read only for what is shown or sorted.
    pub name: String,
    /// Title words, space-separated.
    pub title: String,
    /// Facet tokens, space-separated.
    pub facets: String,
    pub points: Vec<(f64, f64)>,
    pub created: i64,
    pub apply_by: Option<String>,
    /// Matched every group by an exact or inflected word.
    pub strong: bool,
}
