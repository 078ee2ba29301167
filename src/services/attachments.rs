//! Attachments as use cases: a file checked, stripped of its metadata and kept with its
//! record; the record's search document rebuilt (attachment titles are searched).

use crate::domain::files::{self, Attachment};
use crate::domain::{AttachmentId, ProjectId, UserId};
use crate::store::{Store, StoreResult};

/// What went wrong with an upload: the form field and the translation key.
pub type Refusal = (&'static str, &'static str);

/// Adds a file to a project, or says why not.
pub async fn add_to_project(
    store: &dyn Store,
    project: ProjectId,
    title: &str,
    bytes: &[u8],
    by: Option<UserId>,
) -> StoreResult<Result<Attachment, Refusal>> {
    let owner = files::owner_of_project(project);
    let now_there = store.attachments(&owner).await?.len();
    let (kind, title) = match files::check_attachment(title, bytes, now_there) {
        Ok(ok) => ok,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let data = files::without_metadata(kind.content_type(), bytes);
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
    store.add_attachment(&a, &data).await?;
    crate::search::reindex_projects(store, &[project]).await?;
    Ok(Ok(a))
}

/// Removes a file of a project (another project's file is left alone).
pub async fn remove_from_project(
    store: &dyn Store,
    project: ProjectId,
    id: AttachmentId,
) -> StoreResult<bool> {
    let gone = store
        .delete_attachment(&files::owner_of_project(project), id)
        .await?;
    if gone {
        crate::search::reindex_projects(store, &[project]).await?;
    }
    Ok(gone)
}
