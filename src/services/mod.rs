//! Use cases that span areas: what one request or command does across the store, the search
//! index and the mail outbox. Pages, the API and the command line call these; the store and
//! the domain know nothing of them.

pub mod articles;
pub mod attachments;
pub mod digests;

/// The stored form (SHA-256) of a secret from a mailed link, if it could be one: links'
/// secrets are at most 100 characters, so anything longer is refused before it is hashed.
pub fn link_secret_hash(token: &str) -> Option<String> {
    let token = token.trim();
    (!token.is_empty() && token.len() <= 100).then(|| events::token_hash(token))
}

pub mod events;
pub mod projects;
pub mod referrals;
pub mod registration;
pub mod threads;

use crate::store::{DirectoryBatch, Store, StoreResult};

/// Brings the schema up to date; a database without search documents (new, from before
/// search, or emptied by `reindex`) gets them built now.
pub async fn migrate(store: &dyn Store) -> StoreResult<()> {
    store.migrate().await?;
    let changed = store
        .publish_consent_texts(&crate::referrals::consent_texts())
        .await?;
    if let Some((purpose, version)) = changed.first() {
        return Err(crate::store::StoreError::Invalid(format!(
            "the published consent text {} version {version} differs from data/consent_texts.json: publish a new version instead of changing one",
            purpose.as_str()
        )));
    }
    if store.search_document_count().await? == 0 {
        let ids = store.organization_ids().await?;
        crate::search::reindex(store, &ids).await?;
        store.optimize_search_index().await?;
    }
    index_events_once(store).await
}

/// A database from before events were searched gets their documents: when the first
/// upcoming event has none, every upcoming event is indexed.
async fn index_events_once(store: &dyn Store) -> StoreResult<()> {
    let upcoming = |limit| crate::store::EventQuery {
        ends_after: Some(time::OffsetDateTime::now_utc()),
        limit,
        ..Default::default()
    };
    let Some(first) = store.events(&upcoming(1)).await?.pop() else {
        return Ok(());
    };
    let indexed = store
        .stored_search_documents_of(&[crate::search::event_unit(first.id)])
        .await?;
    if indexed.is_empty() {
        let ids: Vec<_> = store
            .events(&upcoming(u32::MAX))
            .await?
            .iter()
            .map(|e| e.id)
            .collect();
        crate::search::reindex_events(store, &ids).await?;
    }
    Ok(())
}

/// Writes every record of the batch, all or nothing, then rebuilds the search documents of
/// every organization it touched.
pub async fn save_batch(store: &dyn Store, batch: &DirectoryBatch) -> StoreResult<()> {
    store.write_batch(batch).await?;
    crate::search::reindex(store, &batch.organizations_touched()).await?;
    Ok(())
}
