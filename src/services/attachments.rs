//! Attachments as use cases: a file checked, stripped of its metadata and kept with its
//! record; the record's search document rebuilt (attachment titles are searched).

use crate::domain::files::{self, Attachment};
use crate::domain::{ArticleId, AttachmentId, ProjectId, UserId};
use crate::store::{Store, StoreResult};

/// What went wrong with an upload: the form field and the translation key.
pub type Refusal = (&'static str, &'static str);

/// A record that has attachments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Project(ProjectId),
    Article(ArticleId),
}

impl Record {
    pub fn owner(self) -> String {
        match self {
            Record::Project(id) => files::owner_of_project(id),
            Record::Article(id) => files::owner_of_article(id),
        }
    }

    async fn reindex(self, store: &dyn Store) -> StoreResult<()> {
        match self {
            Record::Project(id) => crate::search::reindex_projects(store, &[id]).await?,
            Record::Article(id) => crate::search::reindex_articles(store, &[id]).await?,
        };
        Ok(())
    }
}

/// Adds a file to a record, or says why not.
pub async fn add(
    store: &dyn Store,
    record: Record,
    title: &str,
    bytes: &[u8],
    by: Option<UserId>,
) -> StoreResult<Result<Attachment, Refusal>> {
    let owner = record.owner();
    let now_there = store.attachments(&owner).await?.len();
    let (kind, title) = match files::check_attachment(title, bytes, now_there) {
        Ok(ok) => ok,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let Some(data) = files::without_metadata(kind.content_type(), bytes) else {
        return Ok(Err(("file", "attachments-error-broken")));
    };
    let a = Attachment {
        id: AttachmentId::new(),
        owner,
        file_name: files::file_name(&title, kind),
        title,
        kind,
        size: data.len() as u64,
        created_by: by,
        created_at: time::OffsetDateTime::now_utc(),
    };
    // The record gone meanwhile, or other uploads filled it: nothing is kept.
    if !store
        .add_attachment(&a, &data, files::MAX_ATTACHMENTS)
        .await?
    {
        return Ok(Err(("file", "attachments-error-full")));
    }
    record.reindex(store).await?;
    Ok(Ok(a))
}

/// Removes a file of a record (another record's file is left alone).
pub async fn remove(store: &dyn Store, record: Record, id: AttachmentId) -> StoreResult<bool> {
    let gone = store.delete_attachment(&record.owner(), id).await?;
    if gone {
        record.reindex(store).await?;
    }
    Ok(gone)
}
