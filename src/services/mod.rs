//! Use cases that span areas: what one request or command does across the store, the search
//! index and the mail outbox. Pages, the API and the command line call these; the store and
//! the domain know nothing of them.

pub mod registration;
pub mod threads;

use crate::store::{DirectoryBatch, Store, StoreResult};

/// Brings the schema up to date; a database without search documents (new, from before
/// search, or emptied by `reindex`) gets them built now.
pub async fn migrate(store: &dyn Store) -> StoreResult<()> {
    store.migrate().await?;
    if store.search_document_count().await? == 0 {
        let ids = store.organization_ids().await?;
        crate::search::reindex(store, &ids).await?;
        store.optimize_search_index().await?;
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
