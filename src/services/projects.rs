//! Projects as use cases: a project saved or deleted, with its search document.

use crate::domain::projects::Project;
use crate::domain::ProjectId;
use crate::store::{Store, StoreResult};

/// Saves a project and rebuilds its search document.
pub async fn save(store: &dyn Store, project: &Project) -> StoreResult<()> {
    store.save_projects(std::slice::from_ref(project)).await?;
    crate::search::reindex_projects(store, &[project.id]).await?;
    Ok(())
}

/// Deletes a project, its attachments and its search document.
pub async fn delete(store: &dyn Store, id: ProjectId) -> StoreResult<()> {
    store.delete_project(id).await?;
    crate::search::reindex_projects(store, &[id]).await?;
    Ok(())
}
