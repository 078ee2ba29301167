//! Search: the analyzer, the index documents, distance and the query (see DESIGN.md "Search").

pub mod analyzer;
pub mod bench;
pub mod cache;
pub mod eval;
pub mod geo;
pub mod index;
pub mod memory;
pub mod query;
pub mod vocab;

pub use index::{
    article_documents, article_unit, close_expired_places, close_expired_places_every_quarter,
    drop_past_events, event_documents, event_unit, project_documents, project_unit, reindex,
    reindex_articles, reindex_events, reindex_projects, DocType, OrgRecords, SearchDoc,
};
pub use query::{
    Candidate, FacetCount, Hit, MatchQuery, ParamError, SearchParams, SearchRequest, SearchResults,
    Searcher, Sort, Warmth,
};
