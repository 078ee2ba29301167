//! Organizations' own pages: registering an organization, the verification queue, and the
//! edit form of the organization's profile with its history.

use super::auth::SignedIn;
use super::form::{self, Field};
use super::respond::{see_other, with_status, DoneQuery, Notice};
use super::{municipality_name, render, Ctx, PageQuery, PathId};
use crate::accounts::User;
use crate::domain::{LegalForm, LocalizedText, Organization, OrganizationId, RecordKind};
use crate::error::{PageError, PageResult};
use crate::manage::registration::{self, Outcome, Registration};
use crate::manage::{self as rules, Action, Change, HistoryEntry};
use crate::refdata::REF;
use crate::store::DirectoryBatch;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

pub(super) fn municipality_options(ctx: &Ctx) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = REF
        .municipalities
        .values()
        .map(|m| (m.code.clone(), m.name(ctx.lang).to_string()))
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all
}

fn legal_form_options(ctx: &Ctx) -> Vec<(String, String)> {
    LegalForm::ALL
        .iter()
        .map(|l| {
            (
                l.as_str().to_string(),
                ctx.t(&format!("legal-form-{}", l.as_str())),
            )
        })
        .collect()
}

/// Name, type and Y-tunnus: the first fields of the registration and profile forms.
fn identity_fields(
    ctx: &Ctx,
    prefix: &str,
    name: &str,
    legal_form: &str,
    business_id: &str,
) -> Vec<Field> {
    vec![
        Field::new(ctx, prefix, "name", "text")
            .value(name)
            .required()
            .autocomplete("organization")
            .max_chars(registration::MAX_NAME),
        Field::new(ctx, prefix, "legal_form", "select")
            .options(ctx.t("form-choose"), legal_form_options(ctx))
            .value(legal_form)
            .required(),
        Field::new(ctx, prefix, "business_id", "text")
            .value(business_id)
            .max_chars(12),
    ]
}

fn translated(ctx: &Ctx, errors: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
    errors.iter().map(|(f, k)| (*f, ctx.t(k))).collect()
}

#[derive(Template)]
#[template(path = "manage/register.html")]
struct RegisterPage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    fields: Vec<Field>,
    same_id: Vec<(String, String)>,
    similar: Vec<(String, String)>,
    has_organization: bool,
}

fn register_page(
    ctx: Ctx,
    f: &registration::Form,
    errors: &[(&'static str, String)],
) -> RegisterPage {
    let field = |name, kind| Field::new(&ctx, "register", name, kind);
    let mut fields = identity_fields(&ctx, "register", &f.name, &f.legal_form, &f.business_id);
    fields.extend([
        field("contact_name", "text")
            .value(&f.contact_name)
            .required()
            .autocomplete("name")
            .max_chars(registration::MAX_CONTACT),
        field("municipality", "select")
            .options(ctx.t("form-choose"), municipality_options(&ctx))
            .value(&f.municipality)
            .required(),
        field("description", "textarea")
            .value(&f.description)
            .required()
            .max_chars(registration::MAX_DESCRIPTION),
    ]);
    let fields: Vec<Field> = fields.into_iter().map(|x| x.error_from(errors)).collect();
    RegisterPage {
        title: ctx.t("register-title"),
        errors: form::summary(&fields.iter().collect::<Vec<_>>()),
        notice: None,
        fields,
        same_id: Vec::new(),
        similar: Vec::new(),
        has_organization: false,
        ctx,
    }
}

pub async fn register_form(SignedIn(user, _): SignedIn, ctx: Ctx) -> PageResult {
    let lang = ctx.lang;
    let mut page = register_page(ctx, &registration::Form::default(), &[]);
    page.has_organization = user.organization_id.is_some();
    render(&page, lang)
}

pub async fn register(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: registration::Form = form::parse(&body);
    let lang = ctx.lang;
    let outcome =
        crate::services::registration::register(&st.store, &user, &f, OffsetDateTime::now_utc())
            .await?;
    let links = |list: Vec<(OrganizationId, String)>| -> Vec<(String, String)> {
        list.into_iter()
            .map(|(id, name)| (name, ctx.url(&format!("/organizations/{id}"))))
            .collect()
    };
    let page = match outcome {
        Outcome::Registered(id) => {
            // An admin now: this session waits for the second factor, which is set up next.
            let cookies = super::second_factor::step_up(&st, &user).await?;
            tracing::info!(organization = %id, "organization registered");
            // First the second factor (the page says the organization exists and what comes
            // next), then its profile with the same news.
            let profile = ctx.url(&format!("/organizations/{id}/edit?done=registered"));
            let to = format!(
                "{}?done=registered&next={}",
                ctx.url("/login/second-factor"),
                super::encode_component(&profile)
            );
            return Ok(see_other(&to, cookies));
        }
        Outcome::Invalid(errors) => register_page(ctx.clone(), &f, &translated(&ctx, &errors)),
        Outcome::SameBusinessId(same) => {
            let msg = ctx.t("register-error-same-business-id");
            let mut p = register_page(ctx.clone(), &f, &[("business_id", msg)]);
            p.same_id = links(same);
            p
        }
        Outcome::SimilarNames(similar) => {
            let mut p = register_page(ctx.clone(), &f, &[]);
            p.similar = links(similar);
            p
        }
        Outcome::HasOrganization => {
            let mut p = register_page(ctx.clone(), &f, &[]);
            p.has_organization = true;
            p
        }
    };
    Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST))
}

#[derive(Template)]
#[template(path = "manage/queue.html")]
struct QueuePage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    pending: Vec<QueueRow>,
}

struct QueueRow {
    id: String,
    name: String,
    url: String,
    business_id: String,
    contact: String,
    email: String,
    municipality: String,
    registered: String,
}

pub async fn queue(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let lang = ctx.lang;
    if !crate::manage::may_verify(&user) {
        return Err(PageError::forbidden());
    }
    let pending: Vec<Registration> = st.store.pending_registrations().await?;
    let rows = pending
        .into_iter()
        .map(|r| QueueRow {
            id: r.organization_id.to_string(),
            url: ctx.url(&format!("/organizations/{}", r.organization_id)),
            name: r.organization_name,
            business_id: r.business_id.unwrap_or_else(|| "–".into()),
            contact: r.contact_name,
            email: r.user_email.unwrap_or_else(|| ctx.t("deleted-user")),
            municipality: municipality_name(&r.municipality_code, lang),
            registered: short_date(r.created_at),
        })
        .collect();
    let page = QueuePage {
        title: ctx.t("queue-title"),
        notice: (q.done.as_deref() == Some("verified"))
            .then(|| Notice::success(ctx.t("queue-verified"))),
        pending: rows,
        ctx,
    };
    render(&page, lang)
}

/// A date as the lists show it (`7.1.2027`).
pub(super) fn short_date(t: OffsetDateTime) -> String {
    format!("{}.{}.{}", t.day(), u8::from(t.month()), t.year())
}

/// `POST /{lang}/admin/organizations/{id}/verify`.
pub async fn verify(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let id = OrganizationId::parse(&id).ok_or(PageError::not_found())?;
    if !rules::may(&user, id, Action::Verify) {
        return Err(PageError::forbidden());
    }
    let now = OffsetDateTime::now_utc();
    if !st.store.verify_organization(id, user.id, now).await? {
        return Err(PageError::not_found());
    }
    Ok(see_other(
        &ctx.url("/admin/organizations?done=verified"),
        [],
    ))
}

/// The organization of an edit route (`…/organizations/{id}/edit`), if the account may edit
/// its profile: 404 for no such organization, 403 for no right.
pub(super) async fn editable_organization(
    st: &AppState,
    user: &User,
    id: &str,
    action: Action,
) -> PageResult<Organization> {
    let id = OrganizationId::parse(id).ok_or(PageError::not_found())?;
    let org = st
        .store
        .organization(id)
        .await?
        .ok_or(PageError::not_found())?;
    if !rules::may(user, org.id, action) {
        crate::accounts::audit::refused("authz_fail", Some(user.id), "organization record");
        return Err(PageError::forbidden());
    }
    Ok(org)
}

/// The profile form's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    name: String,
    legal_form: String,
    business_id: String,
    description_fi: String,
    description_sv: String,
    description_en: String,
    website: String,
    email: String,
    phone: String,
}

impl ProfileForm {
    fn of(o: &Organization) -> Self {
        ProfileForm {
            name: o.name.clone(),
            legal_form: o.legal_form.as_str().into(),
            business_id: o
                .business_id
                .as_ref()
                .map(|b| b.to_string())
                .unwrap_or_default(),
            description_fi: o.description.fi.clone(),
            description_sv: o.description.sv.clone().unwrap_or_default(),
            description_en: o.description.en.clone().unwrap_or_default(),
            website: o.website.clone().unwrap_or_default(),
            email: o.email.clone().unwrap_or_default(),
            phone: o
                .phones
                .first()
                .map(|p| p.number.clone())
                .unwrap_or_default(),
        }
    }

    /// The fields compared for the history, in form order.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("name", self.name.trim().into()),
            ("legal_form", self.legal_form.trim().into()),
            ("business_id", self.business_id.trim().into()),
            ("description_fi", self.description_fi.trim().into()),
            ("description_sv", self.description_sv.trim().into()),
            ("description_en", self.description_en.trim().into()),
            ("website", self.website.trim().into()),
            ("email", self.email.trim().into()),
            ("phone", self.phone.trim().into()),
        ]
    }

    /// The organization with this form's values, or what is wrong (field, translation key).
    fn apply(&self, o: &Organization) -> Result<Organization, Vec<(&'static str, &'static str)>> {
        let mut errors = Vec::new();
        let (name, legal_form, business_id) = registration::check_identity(
            &self.name,
            &self.legal_form,
            &self.business_id,
            &mut errors,
        );
        let d = self.description_fi.trim().chars().count();
        if !(registration::MIN_DESCRIPTION..=registration::MAX_DESCRIPTION).contains(&d) {
            errors.push(("description_fi", "register-error-description"));
        }
        for (field, text) in [
            ("description_sv", &self.description_sv),
            ("description_en", &self.description_en),
        ] {
            if text.trim().chars().count() > registration::MAX_DESCRIPTION {
                errors.push((field, "register-error-description-long"));
            }
        }
        let website = crate::domain::line::with_web_scheme(&self.website);
        let website = website.as_str();
        let website_ok = website.is_empty()
            || (crate::domain::is_web_link(website)
                && website.len() <= 300
                && website.contains('.'));
        if !website_ok {
            errors.push(("website", "profile-error-website"));
        }
        let email = self.email.trim();
        if !email.is_empty() && crate::accounts::Email::parse(email).is_err() {
            errors.push(("email", "account-error-email"));
        }
        let phone = self.phone.trim();
        let phone_ok = phone.is_empty()
            || (phone.len() <= 30
                && phone.chars().filter(char::is_ascii_digit).count() >= 5
                && phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-()".contains(c)));
        if !phone_ok {
            errors.push(("phone", "profile-error-phone"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let mut phones = o.phones.clone();
        match (opt(phone), phones.is_empty()) {
            (Some(p), true) => phones.push(crate::domain::Phone {
                number: p,
                description: None,
            }),
            (Some(p), false) => phones[0].number = p,
            (None, false) => {
                phones.remove(0);
            }
            (None, true) => {}
        }
        let now = crate::domain::now_micros();
        Ok(Organization {
            name,
            legal_form: legal_form.unwrap_or(o.legal_form),
            business_id,
            description: LocalizedText {
                fi: self.description_fi.trim().to_string(),
                sv: opt(&self.description_sv),
                en: opt(&self.description_en),
            },
            website: opt(website),
            email: opt(email).map(|e| e.to_lowercase()),
            phones,
            // Saving the profile confirms it is up to date.
            last_verified_at: now,
            updated_at: now,
            ..o.clone()
        })
    }
}

#[derive(Template)]
#[template(path = "manage/profile.html")]
struct ProfilePage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    org_name: String,
    org_url: String,
    action: String,
    verified: bool,
    fields: Vec<Field>,
    history: Vec<HistoryRow>,
}

pub(super) struct HistoryRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub changes: Vec<(String, String, String)>,
}

pub(super) fn history_rows(ctx: &Ctx, entries: Vec<HistoryEntry>) -> Vec<HistoryRow> {
    entries
        .into_iter()
        .map(|e| HistoryRow {
            when: short_date(e.at),
            who: e.user_email.unwrap_or_else(|| ctx.t("deleted-user")),
            what: ctx.t(&format!("history-kind-{}", e.record_kind)),
            changes: e
                .changes
                .into_iter()
                .map(|c: Change| {
                    let label = ctx.t(&format!("field-{}", c.field.replace('_', "-")));
                    let (before, after) = (
                        shown_value(ctx, &c.field, &c.before),
                        shown_value(ctx, &c.field, &c.after),
                    );
                    (label, short(&before), short(&after))
                })
                .collect(),
        })
        .collect()
}

/// A stored value as people read it: the label of a code (kind, status, legal form), a
/// date in the Finnish form; anything else as it is.
fn shown_value(ctx: &Ctx, field: &str, v: &str) -> String {
    let key = match field {
        "kind" => match REF.taxonomies.opportunity_type(v) {
            Some(t) => return t.label.text(ctx.lang).to_string(),
            None => format!("kind-{v}"),
        },
        "status" => format!("status-{v}"),
        "legal_form" => format!("legal-form-{v}"),
        "starts_on" | "apply_by" | "available_from" => {
            return match crate::manage::records::parse_date(v) {
                Ok(Some(d)) => crate::i18n::date(ctx.lang, d),
                _ => v.to_string(),
            }
        }
        _ => return v.to_string(),
    };
    let text = ctx.t(&key);
    if v.is_empty() || text == key {
        v.to_string()
    } else {
        text
    }
}

fn short(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else if s.is_empty() {
        "–".into()
    } else {
        s.to_string()
    }
}

async fn profile_page(
    st: &AppState,
    ctx: Ctx,
    org: &Organization,
    f: &ProfileForm,
    errors: &[(&'static str, String)],
    notice: Option<Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let field = |name, kind| Field::new(&ctx, "profile", name, kind);
    let mut fields = identity_fields(&ctx, "profile", &f.name, &f.legal_form, &f.business_id);
    fields.extend([
        field("description_fi", "textarea")
            .value(&f.description_fi)
            .required()
            .max_chars(registration::MAX_DESCRIPTION),
        field("description_sv", "textarea")
            .value(&f.description_sv)
            .max_chars(registration::MAX_DESCRIPTION),
        field("description_en", "textarea")
            .value(&f.description_en)
            .max_chars(registration::MAX_DESCRIPTION),
        field("website", "url")
            .value(&f.website)
            .autocomplete("url")
            .max_chars(300),
        field("email", "email")
            .value(&f.email)
            .autocomplete("email")
            .max_chars(crate::accounts::MAX_EMAIL_CHARS),
        field("phone", "tel")
            .value(&f.phone)
            .autocomplete("tel")
            .max_chars(30),
    ]);
    let fields: Vec<Field> = fields.into_iter().map(|x| x.error_from(errors)).collect();
    let history = st.store.history_of_organization(org.id, 50).await?;
    let page = ProfilePage {
        title: ctx.t("profile-title"),
        errors: form::summary(&fields.iter().collect::<Vec<_>>()),
        notice,
        org_name: org.name.clone(),
        org_url: ctx.url(&format!("/organizations/{}", org.id)),
        action: ctx.url(&format!("/organizations/{}/edit", org.id)),
        verified: org.verified,
        fields,
        history: history_rows(&ctx, history),
        ctx,
    };
    Ok(super::render_form(&page, lang, !errors.is_empty()))
}

pub async fn profile_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditProfile).await?;
    let notice = match q.done.as_deref() {
        Some("registered") => Some(Notice::success(ctx.t("register-done"))),
        Some("saved") => Some(Notice::success(ctx.t("form-saved"))),
        _ => None,
    };
    profile_page(&st, ctx, &org, &ProfileForm::of(&org), &[], notice).await
}

pub async fn profile_save(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditProfile).await?;
    let f: ProfileForm = form::parse(&body);
    let updated = match f.apply(&org) {
        Ok(u) => u,
        Err(errors) => {
            let errors = translated(&ctx, &errors);
            return profile_page(&st, ctx, &org, &f, &errors, None).await;
        }
    };
    if let Some(b) = &updated.business_id {
        let taken = st
            .store
            .organizations_by_business_id(b)
            .await?
            .iter()
            .any(|o| o.id != org.id);
        if taken {
            let errors = [("business_id", ctx.t("register-error-same-business-id"))];
            return profile_page(&st, ctx, &org, &f, &errors, None).await;
        }
    }
    let changes = rules::changes(
        &ProfileForm::of(&org).pairs(),
        &ProfileForm::of(&updated).pairs(),
    );
    crate::services::save_batch(
        st.store.as_ref(),
        &DirectoryBatch {
            organizations: vec![updated],
            ..Default::default()
        },
    )
    .await?;
    record(
        &st,
        &user,
        org.id,
        RecordKind::Organization,
        &org.id.to_string(),
        changes,
    )
    .await?;
    Ok(see_other(
        &ctx.url(&format!("/organizations/{}/edit?done=saved", org.id)),
        [],
    ))
}

/// Writes a history entry (nothing when nothing changed).
pub(super) async fn record(
    st: &AppState,
    user: &User,
    organization: OrganizationId,
    kind: RecordKind,
    record_id: &str,
    changes: Vec<Change>,
) -> PageResult<()> {
    if changes.is_empty() {
        return Ok(());
    }
    st.store
        .add_history(&HistoryEntry {
            id: uuid::Uuid::new_v4().to_string(),
            organization_id: organization,
            record_kind: kind,
            record_id: record_id.to_string(),
            user_id: Some(user.id),
            user_email: None,
            at: OffsetDateTime::now_utc(),
            changes,
        })
        .await
        .map_err(PageError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    #[test]
    fn history_shows_labels_not_codes() {
        let fi = Ctx::bare(Lang::Fi);
        assert_eq!(shown_value(&fi, "status", "open"), "Haku auki");
        assert_eq!(shown_value(&fi, "kind", "work_trial"), "Työkokeilu");
        assert_eq!(shown_value(&fi, "kind", "activity"), "Toiminta");
        assert_eq!(shown_value(&fi, "legal_form", "association"), "Yhdistys");
        assert_eq!(shown_value(&fi, "apply_by", "2027-01-07"), "7.1.2027");
        // Unknown codes and free text stay as they are; nothing stays nothing.
        assert_eq!(shown_value(&fi, "status", "zzz"), "zzz");
        assert_eq!(shown_value(&fi, "name", "open"), "open");
        assert_eq!(shown_value(&fi, "status", ""), "");
        let sv = Ctx::bare(Lang::Sv);
        assert_ne!(shown_value(&sv, "status", "open"), "open");
    }
}
