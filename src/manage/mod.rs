//! Organizations keeping their own data: who may change what, self-registration with its
//! duplicate checks and verification, and the history of every change.

pub mod articles;
pub mod freshness;
pub mod projects;
pub mod records;
pub mod registration;

use crate::accounts::{Role, User};
pub use crate::domain::manage::{
    Change, ErrorReport, HistoryEntry, Invite, RecordKind, Registration,
};
use crate::domain::OrganizationId;

/// What someone wants to do with an organization's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The organization's own profile (name, description, contact details).
    EditProfile,
    /// Its services, opportunities and places.
    EditRecords,
    /// Mark a registered organization verified.
    Verify,
}

/// Members edit their organization's services and opportunities; admins also its profile;
/// coordinators verify organizations; platform admins may do everything.
pub fn may(user: &User, organization: OrganizationId, action: Action) -> bool {
    if user.disabled_at.is_some() {
        return false;
    }
    let own = user.organization_id == Some(organization);
    match user.role {
        Role::PlatformAdmin => true,
        Role::NetworkCoordinator => action == Action::Verify,
        Role::OrganizationAdmin => own && action != Action::Verify,
        Role::OrganizationMember => own && action == Action::EditRecords,
        Role::JobSeeker | Role::DataProtectionOfficer => false,
    }
}

/// Whether an account acts for this organization: its members and admins (not a platform
/// admin, who may edit it but does not speak for it in threads or the talent pool).
pub fn acts_for(user: &User, organization: OrganizationId) -> bool {
    may(user, organization, Action::EditRecords)
        && matches!(
            user.role,
            Role::OrganizationMember | Role::OrganizationAdmin
        )
}

/// Whether an account may verify registered organizations (not tied to one organization).
pub fn may_verify(user: &User) -> bool {
    may(user, OrganizationId::new(), Action::Verify)
}

/// Whether an account may read and resolve the error reports of an organization: those
/// who edit its records, and those who verify organizations.
pub fn may_handle_reports(user: &User, organization: OrganizationId) -> bool {
    may(user, organization, Action::EditRecords) || may(user, organization, Action::Verify)
}

/// Whether an account may found networks and name their coordinators: platform admins.
pub fn may_found_networks(user: &User) -> bool {
    user.disabled_at.is_none() && user.role == Role::PlatformAdmin
}

/// Whether an account coordinates this network (edits it, answers the organizations that
/// ask to join, removes members): a `network_coordinator` named for it, or a platform admin.
pub fn may_coordinate(user: &User, coordinators: &[crate::domain::UserId]) -> bool {
    may_found_networks(user)
        || (user.disabled_at.is_none()
            && user.role == Role::NetworkCoordinator
            && coordinators.contains(&user.id))
}

/// Whether an account may ask for its organization to join a network: the organization's
/// admin (a membership speaks for the whole organization).
pub fn may_join_networks(user: &User, organization: OrganizationId) -> bool {
    user.role == Role::OrganizationAdmin && may(user, organization, Action::EditProfile)
}

pub const MIN_REPORT: usize = 10;
pub const MAX_REPORT: usize = 2000;

/// An invitation works for a week.
pub const INVITE_VALID: time::Duration = time::Duration::days(7);

/// What changed between two versions of a record, field by field, given as (field, value)
/// pairs in the same order.
pub fn changes(before: &[(&str, String)], after: &[(&str, String)]) -> Vec<Change> {
    before
        .iter()
        .zip(after)
        .filter(|((_, b), (_, a))| a != b)
        .map(|((field, b), (_, a))| Change {
            field: field.to_string(),
            before: b.clone(),
            after: a.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Email;
    use crate::domain::UserId;

    fn user(role: Role, org: Option<OrganizationId>) -> User {
        User {
            id: UserId::new(),
            email: Email::parse("a@example.fi").unwrap(),
            password_hash: String::new(),
            role,
            organization_id: org,
            email_verified_at: None,
            disabled_at: None,
            created_at: time::OffsetDateTime::now_utc(),
        }
    }

    #[test]
    fn who_acts_for_an_organization() {
        let org = OrganizationId::new();
        let other = OrganizationId::new();
        assert!(acts_for(&user(Role::OrganizationMember, Some(org)), org));
        assert!(acts_for(&user(Role::OrganizationAdmin, Some(org)), org));
        assert!(!acts_for(&user(Role::OrganizationAdmin, Some(other)), org));
        assert!(!acts_for(&user(Role::PlatformAdmin, None), org));
        assert!(!acts_for(&user(Role::JobSeeker, None), org));
        let mut gone = user(Role::OrganizationAdmin, Some(org));
        gone.disabled_at = Some(time::OffsetDateTime::now_utc());
        assert!(!acts_for(&gone, org));
        assert!(may_verify(&user(Role::NetworkCoordinator, None)));
        assert!(!may_verify(&user(Role::OrganizationAdmin, Some(org))));
        assert!(may_handle_reports(
            &user(Role::OrganizationMember, Some(org)),
            org
        ));
        assert!(may_handle_reports(
            &user(Role::NetworkCoordinator, None),
            org
        ));
        assert!(!may_handle_reports(
            &user(Role::OrganizationMember, Some(other)),
            org
        ));
    }

    #[test]
    fn who_may_do_what() {
        let mine = OrganizationId::new();
        let other = OrganizationId::new();
        use Action::*;
        let cases = [
            (
                Role::JobSeeker,
                [false, false, false],
                [false, false, false],
            ),
            (
                Role::OrganizationMember,
                [false, true, false],
                [false, false, false],
            ),
            (
                Role::OrganizationAdmin,
                [true, true, false],
                [false, false, false],
            ),
            (
                Role::NetworkCoordinator,
                [false, false, true],
                [false, false, true],
            ),
            (Role::PlatformAdmin, [true, true, true], [true, true, true]),
        ];
        for (role, on_mine, on_other) in cases {
            let u = user(role, role.needs_organization().then_some(mine));
            for (i, action) in [EditProfile, EditRecords, Verify].into_iter().enumerate() {
                assert_eq!(may(&u, mine, action), on_mine[i], "{role:?} {action:?} own");
                assert_eq!(
                    may(&u, other, action),
                    on_other[i],
                    "{role:?} {action:?} other"
                );
            }
        }
        let mut disabled = user(Role::PlatformAdmin, None);
        disabled.disabled_at = Some(time::OffsetDateTime::now_utc());
        assert!(!may(&disabled, mine, EditProfile));
    }

    #[test]
    fn changes_are_listed_field_by_field() {
        let before = [("name", "Kahvila".to_string()), ("website", String::new())];
        let after = [
            ("name", "Kahvila".to_string()),
            ("website", "https://x.fi".to_string()),
        ];
        assert_eq!(
            changes(&before, &after),
            vec![Change {
                field: "website".into(),
                before: String::new(),
                after: "https://x.fi".into()
            }]
        );
        assert!(changes(&before, &before).is_empty());
    }

    #[test]
    fn only_named_coordinators_and_platform_admins_coordinate_a_network() {
        let coordinator = user(Role::NetworkCoordinator, None);
        let other = user(Role::NetworkCoordinator, None);
        let named = [coordinator.id];
        assert!(may_coordinate(&coordinator, &named));
        assert!(!may_coordinate(&other, &named));
        assert!(may_coordinate(&user(Role::PlatformAdmin, None), &named));
        let org = OrganizationId::new();
        let mut admin = user(Role::OrganizationAdmin, Some(org));
        admin.id = coordinator.id;
        assert!(
            !may_coordinate(&admin, &named),
            "the role counts, not the id"
        );
        let mut gone = coordinator.clone();
        gone.disabled_at = Some(time::OffsetDateTime::now_utc());
        assert!(!may_coordinate(&gone, &named));
        assert!(may_join_networks(
            &user(Role::OrganizationAdmin, Some(org)),
            org
        ));
        assert!(!may_join_networks(
            &user(Role::OrganizationMember, Some(org)),
            org
        ));
        assert!(!may_join_networks(
            &user(Role::OrganizationAdmin, Some(org)),
            OrganizationId::new()
        ));
        assert!(!may_join_networks(&user(Role::PlatformAdmin, None), org));
        assert!(!may_found_networks(&coordinator));
    }
}
