//! Registering an organization: the checks of `manage::registration`, then the record, its
//! search documents, the registration in the coordinators' queue and the account's new role.

use crate::accounts::{Role, User};
use crate::domain::manage::Registration;
use crate::domain::{LocalizedText, Organization, OrganizationId};
use crate::manage::registration::{check, similar_names, Form, Outcome};
use crate::store::{DirectoryBatch, DynStore, StoreResult};
use time::OffsetDateTime;

/// Registers an organization for a signed-in account, which becomes its admin.
pub async fn register(
    store: &DynStore,
    user: &User,
    form: &Form,
    now: OffsetDateTime,
) -> StoreResult<Outcome> {
    if user.organization_id.is_some() || !matches!(user.role, Role::JobSeeker) {
        return Ok(Outcome::HasOrganization);
    }
    let (name, legal_form, business_id) = match check(form) {
        Ok(v) => v,
        Err(e) => return Ok(Outcome::Invalid(e)),
    };
    if let Some(b) = &business_id {
        let same = store.organizations_by_business_id(b).await?;
        if !same.is_empty() {
            return Ok(Outcome::SameBusinessId(
                same.into_iter().map(|o| (o.id, o.name)).collect(),
            ));
        }
    }
    if form.different.is_none() {
        let similar = similar_names(store, &name).await?;
        if !similar.is_empty() {
            return Ok(Outcome::SimilarNames(similar));
        }
    }
    let now = crate::domain::now_micros().max(now);
    let municipality = form.municipality.trim().to_string();
    let org = Organization {
        id: OrganizationId::new(),
        name,
        legal_form,
        business_id,
        description: LocalizedText::fi(form.description.trim()),
        website: None,
        email: None,
        phones: Vec::new(),
        areas_served: vec![municipality.clone()],
        networks: Vec::new(),
        verified: false,
        last_verified_at: now,
        updated_at: now,
    };
    let id = org.id;
    super::save_batch(
        store.as_ref(),
        &DirectoryBatch {
            organizations: vec![org],
            ..Default::default()
        },
    )
    .await?;
    store
        .create_registration(&Registration {
            organization_id: id,
            organization_name: String::new(),
            business_id: None,
            user_id: Some(user.id),
            user_email: None,
            contact_name: form.contact_name.trim().to_string(),
            municipality_code: municipality,
            created_at: now,
        })
        .await?;
    store
        .set_user_organization(user.id, id, Role::OrganizationAdmin)
        .await?;
    Ok(Outcome::Registered(id))
}
