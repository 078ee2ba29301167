//! Articles as use cases: a version saved (or refused when someone saved meanwhile) and an
//! article deleted, each with its search document.

use crate::domain::articles::{Article, ArticleVersion};
use crate::domain::ArticleId;
use crate::store::{SaveOutcome, Store, StoreResult};

/// Saves an article's next version and rebuilds its search document.
pub async fn save(
    store: &dyn Store,
    article: &Article,
    version: &ArticleVersion,
) -> StoreResult<SaveOutcome> {
    let outcome = store.save_article(article, version).await?;
    if outcome == SaveOutcome::Saved {
        crate::search::reindex_articles(store, &[article.id]).await?;
    }
    Ok(outcome)
}

/// Deletes an article with its versions, attachments and search document.
pub async fn delete(store: &dyn Store, id: ArticleId) -> StoreResult<()> {
    store.delete_article(id).await?;
    crate::search::reindex_articles(store, &[id]).await?;
    Ok(())
}
