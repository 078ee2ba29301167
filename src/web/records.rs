//! The organization's own desk: its services and opportunities with their freshness, the
//! forms to add and edit them, and one-click confirmation that a record is up to date.

use super::auth::SignedIn;
use super::form::{self, Choices, Field};
use super::manage::{editable_organization, record};
use super::respond::{see_other, DoneQuery, Notice};
use super::{Ctx, PageQuery, PathId, RecordPath, Txt};
use crate::accounts::User;
use crate::domain::{
    Location, LocationId, Opportunity, OpportunityStatus, OpportunityType, Organization,
    OrganizationId, RecordKind, Service, ServiceId,
};
use crate::error::{PageError, PageResult};
use crate::manage::records::{
    self as rules, Data, LocationForm, OpportunityForm, ServiceForm, Texts, DESCRIPTION_NAMES,
    SERVICE_NAMES, TITLE_NAMES,
};
use crate::manage::registration::FieldError;
use crate::manage::{self as access, Action};
use crate::refdata::REF;
use crate::store::{DirectoryBatch, StoreResult};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use time::OffsetDateTime;

fn options_of(ctx: &Ctx, kind: &str, values: &[&str]) -> Vec<(String, String)> {
    values
        .iter()
        .map(|v| (v.to_string(), ctx.t(&format!("{kind}-{v}"))))
        .collect()
}

pub(super) fn topic_options(ctx: &Ctx) -> Vec<(String, String)> {
    REF.taxonomies
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.label.text(ctx.lang).to_string()))
        .collect()
}

pub(super) fn target_group_options(ctx: &Ctx) -> Vec<(String, String)> {
    term_options(&REF.taxonomies.target_groups, ctx.lang)
}

/// A taxonomy's terms as (id, label in this language), for a list to choose from.
pub(super) fn term_options(
    terms: &[crate::refdata::Term],
    lang: crate::domain::Lang,
) -> Vec<(String, String)> {
    terms
        .iter()
        .map(|t| (t.id.clone(), t.label.text(lang).to_string()))
        .collect()
}

pub(super) fn opportunity_type_label(id: &str, lang: crate::domain::Lang) -> String {
    REF.taxonomies
        .opportunity_type(id)
        .map(|t| t.label.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The organization's places, as (id, label) choices.
pub(super) async fn place_options(
    st: &AppState,
    ctx: &Ctx,
    org: &Organization,
) -> PageResult<(Vec<LocationId>, Vec<(String, String)>)> {
    let places = st.store.locations_of_organization(org.id).await?;
    let ids = places.iter().map(|l| l.id).collect();
    let options = places
        .iter()
        .map(|l| {
            let name = Txt::new(&l.name, ctx.lang).text;
            let label = if name.is_empty() {
                format!("{}, {}", l.street, l.postal_code)
            } else {
                format!("{name} ({}, {})", l.street, l.postal_code)
            };
            (l.id.to_string(), label)
        })
        .collect();
    Ok((ids, options))
}

fn text_fields(
    ctx: &Ctx,
    names: [&'static str; 3],
    texts: &Texts,
    kind: &'static str,
    max: usize,
) -> Vec<Field> {
    names
        .iter()
        .zip([&texts.fi, &texts.sv, &texts.en])
        .enumerate()
        .map(|(i, (name, value))| {
            let f = Field::new(ctx, "edit", name, kind)
                .value(value)
                .max_chars(max);
            if i == 0 {
                f.required()
            } else {
                f
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "manage/record.html")]
struct RecordPage {
    ctx: Ctx,
    title: String,
    org_name: String,
    desk_url: String,
    public_url: Option<String>,
    action: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    fields: Vec<Field>,
    flags: Vec<(&'static str, String, bool)>,
    groups: Vec<Choices>,
}

impl RecordPage {
    #[allow(clippy::too_many_arguments)]
    fn new(
        ctx: Ctx,
        title_key: &str,
        org: &Organization,
        action: String,
        public_url: Option<String>,
        fields: Vec<Field>,
        flags: Vec<(&'static str, String, bool)>,
        groups: Vec<Choices>,
        errors: &[(&'static str, String)],
        notice: Option<Notice>,
    ) -> Self {
        let fields: Vec<Field> = fields.into_iter().map(|f| f.error_from(errors)).collect();
        let groups: Vec<Choices> = groups.into_iter().map(|g| g.error_from(errors)).collect();
        let mut summary = form::summary(&fields.iter().collect::<Vec<_>>());
        summary.extend(
            groups
                .iter()
                .filter_map(|g| g.error.clone().map(|e| (g.first_id(), e))),
        );
        RecordPage {
            title: ctx.t(title_key),
            org_name: org.name.clone(),
            desk_url: ctx.url(&format!("/organizations/{}/manage", org.id)),
            public_url,
            action,
            errors: summary,
            notice,
            fields,
            flags,
            groups,
            ctx,
        }
    }
}

fn translated(ctx: &Ctx, errors: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
    errors.iter().map(|(f, k)| (*f, ctx.t(k))).collect()
}

pub(super) fn saved_notice(ctx: &Ctx, q: &DoneQuery) -> Option<Notice> {
    match q.done.as_deref() {
        Some("saved") => Some(Notice::success(ctx.t("form-saved"))),
        Some("confirmed") => Some(Notice::success(ctx.t("desk-confirmed"))),
        Some("resolved") => Some(Notice::success(ctx.t("reports-resolved"))),
        Some("project-deleted") => Some(Notice::success(ctx.t("projects-deleted"))),
        Some("article-deleted") => Some(Notice::success(ctx.t("articles-deleted"))),
        _ => None,
    }
}

// ---------------------------------------------------------------- services and opportunities

/// The controls of an edit form: fields, single checkboxes (name, label, checked) and
/// checkbox groups.
type Controls = (Vec<Field>, Vec<(&'static str, String, bool)>, Vec<Choices>);

/// A kind of record an organization edits through a form: services and opportunities.
pub(super) trait Editable: Clone + Send + Sync + Sized + 'static {
    type Form: Default + Send + Sync;
    /// The name in the history (`service`).
    const KIND: RecordKind;
    /// The path segment of its pages (`services`).
    const PATH: &'static str;
    const NEW_TITLE: &'static str;
    const EDIT_TITLE: &'static str;
    fn id_string(&self) -> String;
    fn organization(&self) -> OrganizationId;
    fn blank(organization: OrganizationId) -> Self;
    /// The form of a new record: empty, the kind chosen not defaulted (`places`:
    /// the organization's locations).
    fn new_form(_places: &[LocationId]) -> Self::Form {
        Self::Form::default()
    }
    fn form_of(&self) -> Self::Form;
    fn read(data: &Data) -> Self::Form;
    fn pairs(form: &Self::Form) -> Vec<(&'static str, String)>;
    fn touch(&mut self, now: OffsetDateTime);
    fn into_batch(self) -> DirectoryBatch;
    /// What the editor should know about the record as saved (a translation key).
    fn warning(&self) -> Option<&'static str> {
        None
    }
    fn load(
        st: &AppState,
        id: &str,
    ) -> impl std::future::Future<Output = StoreResult<Option<Self>>> + Send;
    /// The record with the form's values, or the problems (field, translation key).
    fn apply(
        st: &AppState,
        org: &Organization,
        base: &Self,
        form: &Self::Form,
    ) -> impl std::future::Future<Output = StoreResult<Result<Self, Vec<FieldError>>>> + Send;
    fn controls(
        st: &AppState,
        ctx: &Ctx,
        org: &Organization,
        form: &Self::Form,
    ) -> impl std::future::Future<Output = PageResult<Controls>> + Send;
}

impl Editable for Service {
    type Form = ServiceForm;
    const KIND: RecordKind = RecordKind::Service;
    const PATH: &'static str = "services";
    const NEW_TITLE: &'static str = "desk-new-service";
    const EDIT_TITLE: &'static str = "desk-edit-service";
    fn id_string(&self) -> String {
        self.id.to_string()
    }
    fn organization(&self) -> OrganizationId {
        self.organization_id
    }
    fn blank(organization: OrganizationId) -> Self {
        rules::new_service(organization)
    }
    fn form_of(&self) -> ServiceForm {
        ServiceForm::of(self)
    }
    fn new_form(places: &[LocationId]) -> ServiceForm {
        ServiceForm {
            locations: Some(only(places))
                .filter(|p| !p.is_empty())
                .into_iter()
                .collect(),
            ..Default::default()
        }
    }
    fn warning(&self) -> Option<&'static str> {
        // Without a place it is on no municipality's page and in no municipality's search.
        self.location_ids
            .is_empty()
            .then_some("edit-warning-no-place")
    }
    fn read(data: &Data) -> ServiceForm {
        ServiceForm::read(data)
    }
    fn pairs(form: &ServiceForm) -> Vec<(&'static str, String)> {
        form.pairs()
    }
    fn touch(&mut self, now: OffsetDateTime) {
        self.last_verified_at = now;
    }
    fn into_batch(self) -> DirectoryBatch {
        DirectoryBatch {
            services: vec![self],
            ..Default::default()
        }
    }
    async fn load(st: &AppState, id: &str) -> StoreResult<Option<Self>> {
        match ServiceId::parse(id) {
            Some(id) => st.store.service(id).await,
            None => Ok(None),
        }
    }
    async fn apply(
        st: &AppState,
        org: &Organization,
        base: &Self,
        form: &ServiceForm,
    ) -> StoreResult<Result<Self, Vec<FieldError>>> {
        let places = place_ids(st, org).await?;
        Ok(form.apply(base, &places))
    }
    async fn controls(
        st: &AppState,
        ctx: &Ctx,
        org: &Organization,
        f: &ServiceForm,
    ) -> PageResult<Controls> {
        let (_, places) = place_options(st, ctx, org).await?;
        let mut fields = text_fields(ctx, SERVICE_NAMES, &f.name, "text", rules::MAX_TITLE);
        fields.extend(text_fields(
            ctx,
            DESCRIPTION_NAMES,
            &f.description,
            "textarea",
            rules::MAX_TEXT,
        ));
        fields.push(
            Field::new(ctx, "edit", "kind", "select")
                .options(
                    ctx.t("form-choose"),
                    options_of(ctx, "kind", &["activity", "service"]),
                )
                .value(&f.kind)
                .required(),
        );
        fields.push(
            Field::new(ctx, "edit", "schedule", "text")
                .value(&f.schedule)
                .max_chars(rules::MAX_SHORT),
        );
        let flags = vec![
            ("free", ctx.t("edit-free-label"), f.free),
            (
                "low_threshold",
                ctx.t("edit-low_threshold-label"),
                f.low_threshold,
            ),
        ];
        let mut groups = term_groups(ctx, &f.topics, &f.target_groups);
        // A service is found by municipality through its places: say so, and where
        // to add one when the organization has none yet.
        let mut where_ = Choices::new(ctx, "edit", "locations", places, &f.locations)
            .hint(ctx.t("edit-locations-hint"));
        if where_.options.is_empty() {
            where_ = where_.add(
                ctx.t("edit-locations-add"),
                ctx.url(&format!("/organizations/{}/locations/new", org.id)),
            );
        }
        groups.push(where_);
        Ok((fields, flags, groups))
    }
}

impl Editable for Opportunity {
    type Form = OpportunityForm;
    const KIND: RecordKind = RecordKind::Opportunity;
    const PATH: &'static str = "opportunities";
    fn new_form(places: &[LocationId]) -> OpportunityForm {
        // A place is added to be applied to: open unless said otherwise; at the
        // organization's only location unless said otherwise.
        OpportunityForm {
            status: crate::domain::OpportunityStatus::Open.as_str().to_string(),
            location: only(places),
            ..Default::default()
        }
    }
    fn warning(&self) -> Option<&'static str> {
        // Saved as open, but past its apply-by date: it shows as closed everywhere.
        (self.status == crate::domain::OpportunityStatus::Open
            && !self.is_open_on(crate::domain::helsinki::today()))
        .then_some("edit-warning-apply-by-past")
    }
    const NEW_TITLE: &'static str = "desk-new-opportunity";
    const EDIT_TITLE: &'static str = "desk-edit-opportunity";
    fn id_string(&self) -> String {
        self.id.to_string()
    }
    fn organization(&self) -> OrganizationId {
        self.organization_id
    }
    fn blank(organization: OrganizationId) -> Self {
        rules::new_opportunity(organization)
    }
    fn form_of(&self) -> OpportunityForm {
        OpportunityForm::of(self)
    }
    fn read(data: &Data) -> OpportunityForm {
        OpportunityForm::read(data)
    }
    fn pairs(form: &OpportunityForm) -> Vec<(&'static str, String)> {
        form.pairs()
    }
    fn touch(&mut self, now: OffsetDateTime) {
        self.last_verified_at = now;
    }
    fn into_batch(self) -> DirectoryBatch {
        DirectoryBatch {
            opportunities: vec![self],
            ..Default::default()
        }
    }
    async fn load(st: &AppState, id: &str) -> StoreResult<Option<Self>> {
        match crate::domain::OpportunityId::parse(id) {
            Some(id) => st.store.opportunity(id).await,
            None => Ok(None),
        }
    }
    async fn apply(
        st: &AppState,
        org: &Organization,
        base: &Self,
        form: &OpportunityForm,
    ) -> StoreResult<Result<Self, Vec<FieldError>>> {
        let places = place_ids(st, org).await?;
        let services: Vec<ServiceId> = st
            .store
            .records_of_organizations(&[org.id])
            .await?
            .services
            .iter()
            .map(|s| s.id)
            .collect();
        Ok(form.apply(base, &places, &services))
    }
    async fn controls(
        st: &AppState,
        ctx: &Ctx,
        org: &Organization,
        f: &OpportunityForm,
    ) -> PageResult<Controls> {
        let lang = ctx.lang;
        let (_, places) = place_options(st, ctx, org).await?;
        let services = st.store.records_of_organizations(&[org.id]).await?.services;
        let service_options = services
            .iter()
            .map(|s| (s.id.to_string(), Txt::new(&s.name, lang).text))
            .collect();
        let kinds: Vec<(String, String)> = OpportunityType::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    opportunity_type_label(k.as_str(), lang),
                )
            })
            .collect();
        let statuses: Vec<&str> = OpportunityStatus::ALL.iter().map(|k| k.as_str()).collect();
        let mut fields = text_fields(ctx, TITLE_NAMES, &f.title, "text", rules::MAX_TITLE);
        fields.extend(text_fields(
            ctx,
            DESCRIPTION_NAMES,
            &f.description,
            "textarea",
            rules::MAX_TEXT,
        ));
        let field = |name, kind| Field::new(ctx, "edit", name, kind);
        fields.extend([
            field("kind", "select")
                .options(ctx.t("form-choose"), kinds)
                .value(&f.kind)
                .required(),
            field("status", "select")
                .options(ctx.t("form-choose"), options_of(ctx, "status", &statuses))
                .value(&f.status)
                .required(),
            field("places_total", "number")
                .value(&f.places_total)
                .max_chars(4),
            field("places_free", "number")
                .value(&f.places_free)
                .max_chars(4),
            field("hours_per_week", "number")
                .value(&f.hours_per_week)
                .max_chars(2),
            field("starts_on", "date").value(&f.starts_on).max_chars(10),
            field("apply_by", "date").value(&f.apply_by).max_chars(10),
            field("how_to_apply", "textarea")
                .value(&f.how_to_apply)
                .max_chars(rules::MAX_SHORT),
            {
                let none = places.is_empty();
                let f = field("location", "select")
                    .options(ctx.t("edit-none"), places)
                    .value(&f.location);
                // No place to choose yet: say where one is added.
                if none {
                    f.with_hint(ctx.t("edit-location-none-hint"))
                } else {
                    f
                }
            },
            field("service", "select")
                .options(ctx.t("edit-none"), service_options)
                .value(&f.service),
        ]);
        let flags = vec![("part_time", ctx.t("edit-part_time-label"), f.part_time)];
        Ok((fields, flags, term_groups(ctx, &f.topics, &f.target_groups)))
    }
}

impl Editable for Location {
    type Form = LocationForm;
    const KIND: RecordKind = RecordKind::Location;
    const PATH: &'static str = "locations";
    const NEW_TITLE: &'static str = "desk-new-location";
    const EDIT_TITLE: &'static str = "desk-edit-location";
    fn id_string(&self) -> String {
        self.id.to_string()
    }
    fn organization(&self) -> OrganizationId {
        // Places without an organization (imported) belong to nobody: a fresh id matches
        // no account's organization, so only platform admins may edit them.
        self.organization_id.unwrap_or_default()
    }
    fn blank(organization: OrganizationId) -> Self {
        rules::new_location(organization)
    }
    fn form_of(&self) -> LocationForm {
        LocationForm::of(self)
    }
    fn read(data: &Data) -> LocationForm {
        LocationForm::read(data)
    }
    fn pairs(form: &LocationForm) -> Vec<(&'static str, String)> {
        form.pairs()
    }
    fn touch(&mut self, _: OffsetDateTime) {}
    fn into_batch(self) -> DirectoryBatch {
        DirectoryBatch {
            locations: vec![self],
            ..Default::default()
        }
    }
    async fn load(st: &AppState, id: &str) -> StoreResult<Option<Self>> {
        match LocationId::parse(id) {
            Some(id) => st.store.location(id).await,
            None => Ok(None),
        }
    }
    async fn apply(
        _: &AppState,
        _: &Organization,
        base: &Self,
        form: &LocationForm,
    ) -> StoreResult<Result<Self, Vec<FieldError>>> {
        Ok(form.apply(base))
    }
    async fn controls(
        _: &AppState,
        ctx: &Ctx,
        _: &Organization,
        f: &LocationForm,
    ) -> PageResult<Controls> {
        let mut fields = text_fields(ctx, SERVICE_NAMES, &f.name, "text", rules::MAX_TITLE);
        if let Some(first) = fields.first_mut() {
            first.required = false;
            first.label = ctx.t("edit-place-name-label");
        }
        let field = |name, kind| Field::new(ctx, "edit", name, kind);
        fields.extend([
            field("street", "text")
                .value(&f.street)
                .required()
                .autocomplete("street-address")
                .max_chars(rules::MAX_TITLE),
            field("postal_code", "text")
                .value(&f.postal_code)
                .required()
                .autocomplete("postal-code")
                .max_chars(5),
            field("accessibility", "textarea")
                .value(&f.accessibility)
                .max_chars(rules::MAX_SHORT),
        ]);
        Ok((fields, Vec::new(), Vec::new()))
    }
}

fn term_groups(ctx: &Ctx, topics: &[String], target_groups: &[String]) -> Vec<Choices> {
    vec![
        Choices::new(ctx, "edit", "topics", topic_options(ctx), topics),
        Choices::new(
            ctx,
            "edit",
            "target_groups",
            target_group_options(ctx),
            target_groups,
        ),
    ]
}

/// The id of an organization's only location, empty when it has none or several.
fn only(places: &[LocationId]) -> String {
    match places {
        [one] => one.to_string(),
        _ => String::new(),
    }
}

async fn place_ids(st: &AppState, org: &Organization) -> StoreResult<Vec<LocationId>> {
    Ok(st
        .store
        .locations_of_organization(org.id)
        .await?
        .iter()
        .map(|l| l.id)
        .collect())
}

/// The edit page of a record (`is_new`: the form for a new one).
#[allow(clippy::too_many_arguments)]
async fn record_page<K: Editable>(
    st: &AppState,
    ctx: Ctx,
    org: &Organization,
    rec: &K,
    is_new: bool,
    f: &K::Form,
    errors: &[(&'static str, String)],
    notice: Option<Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let (fields, flags, groups) = K::controls(st, &ctx, org, f).await?;
    let (title, action, public_url) = if is_new {
        (
            K::NEW_TITLE,
            ctx.url(&format!("/organizations/{}/{}/new", org.id, K::PATH)),
            None,
        )
    } else {
        let id = rec.id_string();
        (
            K::EDIT_TITLE,
            ctx.url(&format!("/{}/{id}/edit", K::PATH)),
            Some(ctx.url(&format!("/{}/{id}", K::PATH))),
        )
    };
    let page = RecordPage::new(
        ctx, title, org, action, public_url, fields, flags, groups, errors, notice,
    );
    Ok(super::render_form(&page, lang, !errors.is_empty()))
}

/// A record the account may edit: 404 if there is none, 403 if it is not theirs.
async fn editable<K: Editable>(
    st: &AppState,
    user: &User,
    id: &str,
) -> PageResult<(Organization, K)> {
    let rec = K::load(st, id).await?.ok_or(PageError::not_found())?;
    let org = editable_organization(
        st,
        user,
        &rec.organization().to_string(),
        Action::EditRecords,
    )
    .await?;
    Ok((org, rec))
}

/// `GET /{lang}/{services|opportunities}/{id}/edit`
pub async fn edit_form<K: Editable>(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let (org, rec) = editable::<K>(&st, &user, &id).await?;
    let notice = match rec.warning() {
        Some(w) if q.done.as_deref() == Some("saved") => Some(Notice::warning(format!(
            "{} {}",
            ctx.t("form-saved"),
            ctx.t(w)
        ))),
        Some(w) => Some(Notice::warning(ctx.t(w))),
        None => saved_notice(&ctx, &q),
    };
    let f = rec.form_of();
    record_page(&st, ctx, &org, &rec, false, &f, &[], notice).await
}

/// `POST /{lang}/{services|opportunities}/{id}/edit`
pub async fn edit_save<K: Editable>(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let (org, rec) = editable::<K>(&st, &user, &id).await?;
    save(&st, &user, ctx, &org, rec, false, &body).await
}

/// `GET /{lang}/organizations/{id}/{services|opportunities}/new`
pub async fn new_form<K: Editable>(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditRecords).await?;
    let base = K::blank(org.id);
    let places = place_ids(&st, &org).await?;
    let f = K::new_form(&places);
    record_page(&st, ctx, &org, &base, true, &f, &[], None).await
}

/// `POST /{lang}/organizations/{id}/{services|opportunities}/new`
pub async fn new_save<K: Editable>(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let org = editable_organization(&st, &user, &id, Action::EditRecords).await?;
    save(&st, &user, ctx, &org, K::blank(org.id), true, &body).await
}

async fn save<K: Editable>(
    st: &AppState,
    user: &User,
    ctx: Ctx,
    org: &Organization,
    base: K,
    is_new: bool,
    body: &[u8],
) -> PageResult {
    let pairs = form::pairs(body);
    let f = K::read(&Data(&pairs));
    let updated = match K::apply(st, org, &base, &f).await? {
        Ok(r) => r,
        Err(errors) => {
            let errors = translated(&ctx, &errors);
            return record_page(st, ctx, org, &base, is_new, &f, &errors, None).await;
        }
    };
    let before = if is_new {
        K::pairs(&K::Form::default())
    } else {
        K::pairs(&base.form_of())
    };
    let changes = access::changes(&before, &K::pairs(&updated.form_of()));
    let id = updated.id_string();
    crate::services::save_batch(st.store.as_ref(), &updated.into_batch()).await?;
    record(st, user, org.id, K::KIND, &id, changes).await?;
    Ok(see_other(
        &ctx.url(&format!("/{}/{id}/edit?done=saved", K::PATH)),
        [],
    ))
}

/// `POST …/{kind}/{id}/confirm`: the record is up to date as it is.
pub async fn confirm(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    path: RecordPath,
) -> PageResult {
    let now = crate::domain::now_micros();
    async fn touched<K: Editable>(
        st: &AppState,
        user: &User,
        id: &str,
        now: OffsetDateTime,
    ) -> PageResult<(OrganizationId, DirectoryBatch, RecordKind, String)> {
        let (org, mut rec) = editable::<K>(st, user, id).await?;
        rec.touch(now);
        // The history keeps the record's own id, not the form the URL wrote it in.
        let id = rec.id_string();
        Ok((org.id, rec.into_batch(), K::KIND, id))
    }
    let (org_id, batch, kind, id) = match path.kind {
        RecordKind::Service => touched::<Service>(&st, &user, &path.id, now).await?,
        RecordKind::Opportunity => touched::<Opportunity>(&st, &user, &path.id, now).await?,
        RecordKind::Location => touched::<Location>(&st, &user, &path.id, now).await?,
        RecordKind::Organization => {
            let mut org = editable_organization(&st, &user, &path.id, Action::EditProfile).await?;
            org.last_verified_at = now;
            let id = org.id;
            let batch = DirectoryBatch {
                organizations: vec![org],
                ..Default::default()
            };
            (id, batch, RecordKind::Organization, id.to_string())
        }
    };
    crate::services::save_batch(st.store.as_ref(), &batch).await?;
    let change = access::Change {
        field: "last_verified_at".into(),
        before: String::new(),
        after: crate::i18n::month_year(OffsetDateTime::now_utc()),
    };
    record(&st, &user, org_id, kind, &id, vec![change]).await?;
    Ok(see_other(
        &ctx.url(&format!("/organizations/{org_id}/manage?done=confirmed")),
        [],
    ))
}
