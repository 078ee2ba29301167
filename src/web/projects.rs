//! The project register's public pages: the list by funder, status, municipality and target
//! group (`/{lang}/projects`), a project's page, and the whole register as CSV.

use super::auth::SignedIn;
use super::form::{self, Choices, Field};
use super::records::term_options;
use super::respond::{see_other, DoneQuery, Notice};
use super::{municipality_name, render_form, term_labels, Card, Ctx, PageQuery, Pager, Txt};
use crate::accounts::User;
use crate::domain::projects::{
    Project, ProjectStatus, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_TEXT_CHARS,
};
use crate::domain::{helsinki, Lang, LocalizedText, Organization, OrganizationId, ProjectId};
use crate::error::{PageError, PageResult};
use crate::extract::PathId;
use crate::i18n::date;
use crate::manage::projects::{read_row, Draft, Organizations, RowError};
use crate::manage::{may, Action};
use crate::refdata::REF;
use crate::store::{Page, PageRequest};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

const PER_PAGE: u32 = 20;

pub fn funder_label(id: &str, lang: Lang) -> String {
    REF.taxonomies
        .funder(id)
        .map(|t| t.label.text(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn status_label(ctx: &Ctx, s: ProjectStatus) -> String {
    ctx.t(&format!("projects-status-{}", s.as_str()))
}

/// "1.3.2025–31.8.2027" (or "from 1.3.2025").
fn period(ctx: &Ctx, p: &Project) -> String {
    match p.ends_on {
        Some(e) => format!("{}–{}", date(ctx.lang, p.starts_on), date(ctx.lang, e)),
        None => crate::i18n::t_args(
            ctx.lang,
            "projects-period-open",
            &[("date", date(ctx.lang, p.starts_on).into())],
        ),
    }
}

/// A project as a result card.
pub fn project_card(ctx: &Ctx, p: &Project, lead: Option<String>) -> Card {
    let status = status_label(ctx, p.status_on(helsinki::today()));
    let funders: Vec<String> = p
        .funders
        .iter()
        .map(|f| funder_label(f, ctx.lang))
        .collect();
    let places: Vec<String> = p
        .municipalities
        .iter()
        .map(|m| municipality_name(m, ctx.lang))
        .collect();
    let mut tags = vec![status.clone(), period(ctx, p)];
    tags.extend(funders.iter().cloned());
    Card {
        kind: ctx.t("search-type-project"),
        url: ctx.url(&format!("/projects/{}", p.id)),
        name: Txt::new(&p.name, ctx.lang),
        organization: lead.clone(),
        place: (!places.is_empty()).then(|| places.join(", ")),
        summary: Txt::summary(&p.aims, ctx.lang, 180),
        tags,
        fresh: None,
        print: vec![
            ("field-status", status),
            ("projects-field-period", period(ctx, p)),
            ("projects-field-funders", funders.join(", ")),
        ],
    }
}

/// Cards of these projects, with their leads' names, addresses and phones (whom to ask) in
/// one query for the organizations and one for their locations.
pub async fn project_cards(
    st: &AppState,
    ctx: &Ctx,
    projects: &[Project],
) -> PageResult<Vec<Card>> {
    let mut leads: Vec<OrganizationId> = projects.iter().map(|p| p.lead).collect();
    leads.sort();
    leads.dedup();
    let orgs: HashMap<OrganizationId, Organization> = st
        .store
        .organizations_by_id(&leads)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let locations = st.store.locations_of_organizations(&leads).await?;
    Ok(projects
        .iter()
        .map(|p| {
            let lead = orgs.get(&p.lead);
            let mut card = project_card(ctx, p, lead.map(|o| o.name.clone()));
            let own = locations
                .iter()
                .filter(|l| l.organization_id == Some(p.lead));
            card.print
                .extend(super::directory::print_facts(ctx, own, lead, None));
            card
        })
        .collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    funder: String,
    status: String,
    municipality: String,
    target_group: String,
    organization: String,
    page: String,
}

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    total: String,
    cards: Vec<Card>,
    pager: Pager,
    funder: Field,
    status: Field,
    municipality: Field,
    target_group: Field,
    organization: Option<(String, String)>,
    csv_url: String,
    /// For those who may load a spreadsheet.
    import_url: Option<String>,
    errors: Vec<(String, String)>,
}

fn options(ctx: &Ctx, all: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), ctx.t("projects-filter-any"))];
    o.extend(all);
    o
}

/// `GET /{lang}/projects`
pub async fn list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let (mut pq, errors) = crate::manage::projects::filters(
        &q.funder,
        &q.status,
        &q.municipality,
        &q.target_group,
        &q.organization,
    );
    let errors: Vec<(&str, String)> = errors.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
    let request = PageRequest::new(q.page.trim().parse().unwrap_or(1), PER_PAGE);
    let mut page = Page {
        items: Vec::new(),
        total: 0,
        request,
    };
    if errors.is_empty() {
        pq.limit = PER_PAGE;
        pq.offset = (request.page.saturating_sub(1)).saturating_mul(PER_PAGE);
        page.total = st.store.count_projects(&pq).await?;
        page.items = st.store.projects(&pq).await?;
    }
    let organization = super::filter_organization(&st.store, pq.organization).await?;
    let funders = term_options(&REF.taxonomies.funders, ctx.lang);
    let statuses = ProjectStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(&ctx, *s)))
        .collect();
    let funder = Field::new(&ctx, "projects-filter", "funder", "select")
        .options(String::new(), options(&ctx, funders))
        .value(&q.funder)
        .error_from(&errors);
    let status = Field::new(&ctx, "projects-filter", "status", "select")
        .options(String::new(), options(&ctx, statuses))
        .value(&q.status)
        .error_from(&errors);
    let municipality = Field::new(&ctx, "projects-filter", "municipality", "text")
        .value(&q.municipality)
        .max_chars(60)
        .error_from(&errors);
    let target_group = Field::new(&ctx, "projects-filter", "target_group", "select")
        .options(
            String::new(),
            options(&ctx, super::records::target_group_options(&ctx)),
        )
        .value(&q.target_group)
        .error_from(&errors);
    let summary = form::summary(&[&funder, &status, &municipality, &target_group]);
    let failed = !summary.is_empty();
    let query = [
        ("funder", q.funder.clone()),
        ("status", q.status.clone()),
        ("municipality", q.municipality.clone()),
        ("target_group", q.target_group.clone()),
        ("organization", q.organization.clone()),
    ];
    let pager = Pager::new(&ctx, "/projects", &query, &page);
    let cards = project_cards(&st, &ctx, &page.items).await?;
    let lang = ctx.lang;
    let list = ListPage {
        title: ctx.t("projects-title"),
        total: ctx.tn("projects-count", page.total),
        cards,
        pager,
        funder,
        status,
        municipality,
        target_group,
        organization,
        // The same filters (the API names the organization `organization_id`).
        csv_url: {
            let q: Vec<(&str, &str)> = [
                ("funder", q.funder.trim()),
                ("status", q.status.trim()),
                ("municipality", q.municipality.trim()),
                ("target_group", q.target_group.trim()),
                ("organization_id", q.organization.trim()),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect();
            match serde_urlencoded::to_string(&q) {
                Ok(s) if !s.is_empty() => format!("/api/v1/projects.csv?{s}"),
                _ => "/api/v1/projects.csv".to_string(),
            }
        },
        import_url: ctx
            .user
            .as_ref()
            .filter(|u| may_import(u))
            .map(|_| ctx.url("/projects/import")),
        errors: summary,
        ctx,
    };
    Ok(render_form(&list, lang, failed))
}

#[derive(Template)]
#[template(path = "projects/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    edit_url: Option<String>,
    name: Txt,
    status: String,
    period: String,
    lead: Option<(String, String)>,
    partners: Vec<(String, Option<String>)>,
    funders: Vec<String>,
    funder_note: String,
    budget: Option<String>,
    target_groups: Vec<String>,
    municipalities: Vec<(String, String)>,
    aims: Option<Txt>,
    results: Option<Txt>,
    contact_role: Option<Txt>,
    json_ld: String,
    attachments: super::attachments::AttachmentsBlock,
    errors: Vec<(String, String)>,
}

fn optional(t: &LocalizedText, lang: Lang) -> Option<Txt> {
    (!t.is_empty()).then(|| Txt::new(t, lang))
}

/// Euros as Finns write them: "96 000 €".
pub fn euros(v: u64, lang: Lang) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(if lang == Lang::En { ',' } else { '\u{a0}' });
        }
        out.push(c);
    }
    if lang == Lang::En {
        format!("€{out}")
    } else {
        format!("{out}\u{a0}€")
    }
}

/// `GET /{lang}/projects/{id}`
pub async fn show(
    ctx: Ctx,
    State(st): State<AppState>,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let id = ProjectId::parse(&id).ok_or_else(PageError::not_found)?;
    let p = st
        .store
        .project(id)
        .await?
        .ok_or_else(PageError::not_found)?;
    let notice = match q.done.as_deref() {
        Some("saved") => Some(Notice::success(ctx.t("projects-saved"))),
        _ => None,
    };
    let files = super::attachments::notice_of(&ctx, q.done.as_deref());
    show_page(&st, ctx, &p, notice, files, "", &[]).await
}

/// A project's page; `typed` and `errors` come back from a refused upload (a 400).
async fn show_page(
    st: &AppState,
    ctx: Ctx,
    p: &Project,
    notice: Option<Notice>,
    files_notice: Option<Notice>,
    typed: &str,
    errors: &[(&'static str, String)],
) -> PageResult {
    let editor = ctx
        .user
        .as_ref()
        .is_some_and(|u| may_edit(u, p.lead))
        .then(|| format!("/projects/{}", p.id));
    let attachments = super::attachments::block(
        st,
        &ctx,
        &crate::domain::files::owner_of_project(p.id),
        editor.as_deref(),
        typed,
        errors,
    )
    .await?;
    let mut attachments = attachments;
    attachments.notice = files_notice;
    let orgs: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&p.organizations())
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let lead = orgs
        .get(&p.lead)
        .map(|n| (n.clone(), ctx.url(&format!("/organizations/{}", p.lead))));
    let partners = p
        .partners
        .iter()
        .map(|x| {
            let url = x
                .organization_id
                .filter(|id| orgs.contains_key(id))
                .map(|id| ctx.url(&format!("/organizations/{id}")));
            (x.name.clone(), url)
        })
        .collect();
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Project",
        "name": p.name.text(ctx.lang),
        "description": p.aims.text(ctx.lang),
        "url": format!("{}{}", st.config.public_url().trim_end_matches('/'), ctx.url(&format!("/projects/{}", p.id))),
        "foundingDate": p.starts_on.to_string(),
        "dissolutionDate": p.ends_on.map(|d| d.to_string()),
        "funder": p.funders.iter().map(|f| serde_json::json!({"@type": "Organization", "name": funder_label(f, ctx.lang)})).collect::<Vec<_>>(),
        "parentOrganization": orgs.get(&p.lead).map(|n| serde_json::json!({"@type": "Organization", "name": n})),
    });
    let lang = ctx.lang;
    let page = ShowPage {
        title: p.name.text(lang).to_string(),
        name: Txt::new(&p.name, lang),
        status: status_label(&ctx, p.status_on(helsinki::today())),
        period: period(&ctx, p),
        lead,
        partners,
        funders: p.funders.iter().map(|f| funder_label(f, lang)).collect(),
        funder_note: p.funder_note.clone(),
        budget: p.budget_eur.map(|b| euros(b, lang)),
        target_groups: term_labels(&p.target_groups, super::target_group_term, lang),
        municipalities: p
            .municipalities
            .iter()
            .map(|m| {
                (
                    municipality_name(m, lang),
                    ctx.url(&format!("/municipalities/{m}")),
                )
            })
            .collect(),
        aims: optional(&p.aims, lang),
        results: optional(&p.results, lang),
        contact_role: optional(&p.contact_role, lang),
        json_ld: super::json_ld(&json_ld),
        notice,
        edit_url: editor.map(|base| ctx.url(&format!("{base}/edit"))),
        errors: errors
            .iter()
            .map(|(f, e)| (f.to_string(), e.clone()))
            .collect(),
        attachments,
        ctx,
    };
    Ok(render_form(&page, lang, !errors.is_empty()))
}

/// `POST /{lang}/projects/{id}/attachments` (multipart: `csrf`, `title`, `file`): a report or
/// other file added to the project; refused with the page, the title kept, when it is not
/// one of the kinds taken or too big.
pub async fn add_attachment(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let p = editable(&st, &user, &id).await?;
    let record = crate::services::attachments::Record::Project(p.id);
    let page = format!("/projects/{}", p.id);
    match super::attachments::receive(&st, &ctx, &user, record, &page, body).await? {
        Ok(to) => Ok(see_other(&to, [])),
        Err((title, errors)) => show_page(&st, ctx, &p, None, None, &title, &errors).await,
    }
}

/// `POST /{lang}/projects/{id}/attachments/delete` (form: `csrf`, `id`).
pub async fn delete_attachment(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let p = editable(&st, &user, &id).await?;
    let record = crate::services::attachments::Record::Project(p.id);
    let page = format!("/projects/{}", p.id);
    let to = super::attachments::remove(&st, &ctx, record, &page, &body).await?;
    Ok(see_other(&to, []))
}

// ---- Editing: an organization's admins and members add, change and remove its projects ----

/// Who may add, change and remove this organization's projects: its members and admins (and
/// platform admins), as for its other records.
pub fn may_edit(user: &User, lead: OrganizationId) -> bool {
    may(user, lead, Action::EditRecords)
}

/// The form's text fields: the import's columns (the same checks read both) but the key
/// (the project's id), the lead (the organization whose page it is added from) and the lists
/// ticked as boxes.
fn is_text_field(name: &str) -> bool {
    !matches!(name, "key" | "lead" | "funders" | "target_groups")
}

/// What the form sent (or a saved project's values): every text field by name, and the
/// ticked funders and target groups.
#[derive(Debug, Default, Clone)]
struct ProjectForm {
    text: HashMap<String, String>,
    funders: Vec<String>,
    target_groups: Vec<String>,
}

impl ProjectForm {
    fn parse(body: &[u8]) -> Self {
        let mut f = Self::default();
        for (k, v) in form::pairs(body) {
            match k.as_str() {
                "funders" => f.funders.push(v),
                "target_groups" => f.target_groups.push(v),
                k if is_text_field(k) && crate::manage::projects::COLUMNS.contains(&k) => {
                    f.text.insert(k.to_string(), v);
                }
                _ => {}
            }
        }
        f
    }

    fn get(&self, name: &str) -> &str {
        self.text.get(name).map_or("", String::as_str)
    }

    fn of(p: &Project) -> Self {
        let mut text = HashMap::new();
        for (base, t) in [
            ("name", &p.name),
            ("aims", &p.aims),
            ("contact_role", &p.contact_role),
            ("results", &p.results),
        ] {
            text.insert(format!("{base}_fi"), t.fi.clone());
            text.insert(format!("{base}_sv"), t.sv.clone().unwrap_or_default());
            text.insert(format!("{base}_en"), t.en.clone().unwrap_or_default());
        }
        let partners: Vec<&str> = p.partners.iter().map(|x| x.name.as_str()).collect();
        text.insert("partners".into(), partners.join("\n"));
        text.insert("funder_note".into(), p.funder_note.clone());
        text.insert(
            "budget_eur".into(),
            p.budget_eur.map(|b| b.to_string()).unwrap_or_default(),
        );
        text.insert("starts_on".into(), p.starts_on.to_string());
        text.insert(
            "ends_on".into(),
            p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        );
        let names: Vec<String> = p
            .municipalities
            .iter()
            .map(|m| municipality_name(m, Lang::Fi))
            .collect();
        text.insert("municipalities".into(), names.join(", "));
        Self {
            text,
            funders: p.funders.clone(),
            target_groups: p.target_groups.clone(),
        }
    }

    /// The cells the import's checks read: lists joined with `;` (partners one per line,
    /// municipalities also by commas, as people write them).
    fn cell(&self, lead: OrganizationId, name: &str) -> String {
        match name {
            "lead" => lead.to_string(),
            "funders" => self.funders.join(";"),
            "target_groups" => self.target_groups.join(";"),
            "partners" => self.get("partners").lines().collect::<Vec<_>>().join(";"),
            "municipalities" => self.get("municipalities").replace(',', ";"),
            other => self.get(other).trim().to_string(),
        }
    }
}

#[derive(Template)]
#[template(path = "projects/edit.html")]
struct EditPage {
    ctx: Ctx,
    title: String,
    back_url: String,
    action: String,
    delete_url: Option<String>,
    errors: Vec<(String, String)>,
    name_fields: Vec<Field>,
    partner_fields: Vec<Field>,
    funders: Choices,
    money_fields: Vec<Field>,
    target_groups: Choices,
    text_fields: Vec<Field>,
}

/// The checks' messages by field: "required" and "too long" in a form's words, the rest as
/// the import says them.
fn form_errors(ctx: &Ctx, errors: &[RowError]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for e in errors {
        let Some(field) = crate::manage::projects::COLUMNS
            .iter()
            .filter(|c| **c != "key" && **c != "lead")
            .find(|f| **f == e.column)
        else {
            continue;
        };
        if out.iter().any(|(f, _)| f == field) {
            continue;
        }
        let message = match e.key {
            "projects-csv-required" if *field == "funders" => {
                ctx.t("projects-form-funders-required")
            }
            "projects-csv-required" => ctx.t("projects-form-required"),
            "projects-csv-too-long" => ctx.t("projects-form-too-long"),
            _ => e.message(ctx.lang),
        };
        out.push((*field, message));
    }
    out
}

fn edit_page(
    ctx: Ctx,
    lead: OrganizationId,
    existing: Option<&Project>,
    f: &ProjectForm,
    errors: &[(&'static str, String)],
) -> Response {
    let field = |name: &'static str, kind: &'static str, max: usize| {
        Field::new(&ctx, "projects", name, kind)
            .value(f.get(name))
            .max_chars(max)
            .error_from(errors)
    };
    let name_fields = vec![
        field("name_fi", "text", MAX_NAME_CHARS).required(),
        field("name_sv", "text", MAX_NAME_CHARS),
        field("name_en", "text", MAX_NAME_CHARS),
    ];
    let partner_fields = vec![field("partners", "textarea", 4000)];
    let funder_options = term_options(&REF.taxonomies.funders, ctx.lang);
    let funders =
        Choices::new(&ctx, "projects", "funders", funder_options, &f.funders).error_from(errors);
    let money_fields = vec![
        field("funder_note", "text", MAX_NOTE_CHARS),
        field("budget_eur", "text", 20),
        field("starts_on", "date", 20).required(),
        field("ends_on", "date", 20),
        field("municipalities", "text", 1000),
    ];
    let target_groups = Choices::new(
        &ctx,
        "projects",
        "target_groups",
        super::records::target_group_options(&ctx),
        &f.target_groups,
    )
    .error_from(errors);
    let text_fields = vec![
        field("aims_fi", "textarea", MAX_TEXT_CHARS),
        field("aims_sv", "textarea", MAX_TEXT_CHARS),
        field("aims_en", "textarea", MAX_TEXT_CHARS),
        field("contact_role_fi", "text", MAX_NAME_CHARS),
        field("contact_role_sv", "text", MAX_NAME_CHARS),
        field("contact_role_en", "text", MAX_NAME_CHARS),
        field("results_fi", "textarea", MAX_TEXT_CHARS),
        field("results_sv", "textarea", MAX_TEXT_CHARS),
        field("results_en", "textarea", MAX_TEXT_CHARS),
    ];
    let all: Vec<&Field> = name_fields
        .iter()
        .chain(&partner_fields)
        .chain(&money_fields)
        .chain(&text_fields)
        .collect();
    let mut summary = form::summary(&all);
    for c in [&funders, &target_groups] {
        if let Some(e) = &c.error {
            summary.push((c.first_id(), e.clone()));
        }
    }
    let failed = !summary.is_empty();
    let (title, back_url, action, delete_url) = match existing {
        Some(p) => (
            ctx.t("projects-edit-title"),
            ctx.url(&format!("/projects/{}", p.id)),
            ctx.url(&format!("/projects/{}/edit", p.id)),
            Some(ctx.url(&format!("/projects/{}/delete", p.id))),
        ),
        None => (
            ctx.t("projects-new-title"),
            ctx.url(&format!("/organizations/{lead}/manage")),
            ctx.url(&format!("/organizations/{lead}/projects/new")),
            None,
        ),
    };
    let lang = ctx.lang;
    let page = EditPage {
        title,
        back_url,
        action,
        delete_url,
        errors: summary,
        name_fields,
        partner_fields,
        funders,
        money_fields,
        target_groups,
        text_fields,
        ctx,
    };
    render_form(&page, lang, failed)
}

/// The lead organization of a new project, when this account may add one for it.
fn lead_of(user: &User, id: &str) -> PageResult<OrganizationId> {
    let org = OrganizationId::parse(id).ok_or_else(PageError::not_found)?;
    if !may_edit(user, org) {
        return Err(PageError::forbidden());
    }
    Ok(org)
}

/// A project this account may change.
async fn editable(st: &AppState, user: &User, id: &str) -> PageResult<Project> {
    let id = ProjectId::parse(id).ok_or_else(PageError::not_found)?;
    let p = st
        .store
        .project(id)
        .await?
        .ok_or_else(PageError::not_found)?;
    if !may_edit(user, p.lead) {
        return Err(PageError::forbidden());
    }
    Ok(p)
}

/// The form checked as the import checks a row.
async fn checked(
    st: &AppState,
    f: &ProjectForm,
    lead: OrganizationId,
) -> PageResult<Result<Draft, Vec<RowError>>> {
    let orgs = Organizations::load(st.store.as_ref()).await?;
    let cell = |name: &str| f.cell(lead, name);
    Ok(read_row(&cell, 1, &orgs, &|o| o == lead))
}

pub async fn new_form(SignedIn(user, _): SignedIn, ctx: Ctx, PathId(id): PathId) -> PageResult {
    let lead = lead_of(&user, &id)?;
    Ok(edit_page(ctx, lead, None, &ProjectForm::default(), &[]))
}

pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let lead = lead_of(&user, &id)?;
    st.store
        .organization(lead)
        .await?
        .ok_or_else(PageError::not_found)?;
    let f = ProjectForm::parse(&body);
    let draft = match checked(&st, &f, lead).await? {
        Ok(d) => d,
        Err(e) => {
            return Ok(edit_page(
                ctx.clone(),
                lead,
                None,
                &f,
                &form_errors(&ctx, &e),
            ))
        }
    };
    let id = ProjectId::new();
    let now = time::OffsetDateTime::now_utc();
    // Its key is its id: an export of the register imports back onto the same project.
    let p = draft.into_project(id, id.to_string(), Some(user.id), now, now);
    crate::services::projects::save(st.store.as_ref(), &p).await?;
    Ok(see_other(
        &ctx.url(&format!("/projects/{id}?done=saved")),
        [],
    ))
}

pub async fn edit_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let p = editable(&st, &user, &id).await?;
    Ok(edit_page(ctx, p.lead, Some(&p), &ProjectForm::of(&p), &[]))
}

pub async fn update(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let p = editable(&st, &user, &id).await?;
    let f = ProjectForm::parse(&body);
    let draft = match checked(&st, &f, p.lead).await? {
        Ok(d) => d,
        Err(e) => {
            return Ok(edit_page(
                ctx.clone(),
                p.lead,
                Some(&p),
                &f,
                &form_errors(&ctx, &e),
            ))
        }
    };
    let changed = draft.into_project(
        p.id,
        p.key.clone().unwrap_or_else(|| p.id.to_string()),
        p.created_by,
        p.created_at,
        time::OffsetDateTime::now_utc(),
    );
    crate::services::projects::save(st.store.as_ref(), &changed).await?;
    Ok(see_other(
        &ctx.url(&format!("/projects/{}?done=saved", p.id)),
        [],
    ))
}

/// `POST /{lang}/projects/{id}/delete`: the project and its search document go.
pub async fn delete(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let p = editable(&st, &user, &id).await?;
    crate::services::projects::delete(st.store.as_ref(), p.id).await?;
    Ok(see_other(
        &ctx.url(&format!(
            "/organizations/{}/manage?done=project-deleted",
            p.lead
        )),
        [],
    ))
}

// ---- Import: a region loads the project spreadsheet it keeps today ----

/// Whether this account may load a project spreadsheet: the platform's admins (any lead) and
/// the members and admins of an organization (projects it leads).
fn may_import(user: &User) -> bool {
    user.role == crate::domain::accounts::Role::PlatformAdmin
        || user.organization_id.is_some_and(|o| may_edit(user, o))
}

/// One project of a checked file, for the preview.
struct ImportRow {
    key: String,
    name: String,
    /// A new one's start, funders and budget as read; a changed one's changed columns.
    detail: String,
}

/// One bad cell, for the table of errors.
struct ImportError {
    line: u64,
    column: String,
    message: String,
}

/// What a checked or loaded file holds.
struct ImportSummary {
    /// The projects added and those changed, under their headings (none: nothing to do).
    lists: Vec<(String, Vec<ImportRow>)>,
    /// The file's text, sent back with "load these" (checked again then).
    csv: String,
    /// Written already (not a preview).
    done: bool,
    /// "2 new · 1 changes · 7 unchanged".
    counts: String,
}

#[derive(Template)]
#[template(path = "projects/import.html")]
struct ImportPage {
    ctx: Ctx,
    title: String,
    file_error: Option<String>,
    rows: Vec<ImportError>,
    /// How many bad cells the table leaves out (it shows the first `MAX_SHOWN`).
    more: Option<String>,
    summary: Option<ImportSummary>,
    columns: Vec<&'static str>,
    /// The register as a file to start from: the account's own organization's projects.
    template_url: String,
    /// (id, label) of the funders and the target groups a file may name.
    funders: Vec<(String, String)>,
    target_groups: Vec<(String, String)>,
    errors: Vec<(String, String)>,
}

/// A new project as the file gave it: period, funders and budget, to check the cells were
/// read as meant (1.3.2026 as the first of March, "96 000 €" as 96,000 euros).
fn import_detail(ctx: &Ctx, p: &Project) -> String {
    let mut parts = vec![period(ctx, p)];
    parts.push(
        p.funders
            .iter()
            .map(|f| funder_label(f, ctx.lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    if let Some(b) = p.budget_eur {
        parts.push(euros(b, ctx.lang));
    }
    parts.join(" · ")
}

/// Bad cells shown at most (the file may have thousands).
const MAX_SHOWN: usize = 200;

fn import_page(
    ctx: Ctx,
    file_error: Option<String>,
    cells: &[RowError],
    summary: Option<ImportSummary>,
) -> Response {
    let lang = ctx.lang;
    let failed = file_error.is_some() || !cells.is_empty();
    let rows: Vec<ImportError> = cells
        .iter()
        .take(MAX_SHOWN)
        .map(|e| ImportError {
            line: e.line,
            column: e.column.clone(),
            message: e.message(lang),
        })
        .collect();
    let mut errors = Vec::new();
    if let Some(e) = &file_error {
        errors.push(("file".to_string(), e.clone()));
    } else if !cells.is_empty() {
        errors.push((
            "import-errors".to_string(),
            ctx.tn("projects-import-rejected", cells.len() as u64),
        ));
    }
    let page = ImportPage {
        title: ctx.t("projects-import-title"),
        file_error,
        more: (cells.len() > MAX_SHOWN)
            .then(|| ctx.tn("projects-import-more", (cells.len() - MAX_SHOWN) as u64)),
        rows,
        summary,
        columns: crate::manage::projects::COLUMNS.to_vec(),
        template_url: match ctx.user.as_ref() {
            Some(u) if u.role != crate::domain::accounts::Role::PlatformAdmin => u
                .organization_id
                .map(|o| format!("/api/v1/projects.csv?organization_id={o}"))
                .unwrap_or_else(|| "/api/v1/projects.csv".to_string()),
            _ => "/api/v1/projects.csv".to_string(),
        },
        funders: term_options(&REF.taxonomies.funders, lang),
        target_groups: super::records::target_group_options(&ctx),
        errors,
        ctx,
    };
    render_form(&page, lang, failed)
}

/// `GET /{lang}/projects/import`
pub async fn import_form(SignedIn(user, _): SignedIn, ctx: Ctx) -> PageResult {
    if !may_import(&user) {
        return Err(PageError::forbidden());
    }
    Ok(import_page(ctx, None, &[], None))
}

/// `POST /{lang}/projects/import` (multipart: `csrf`, and `file`, or `csv` with the text a
/// preview sent back; `load` set to load, else only checked). Nothing is written unless
/// every row is good.
pub async fn import(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Result<Multipart, MultipartRejection>,
) -> PageResult {
    if !may_import(&user) {
        return Err(PageError::forbidden());
    }
    let (mut text, file) = super::attachments::read_multipart(body).await?;
    // A browser sends a hidden field's line ends back as CR LF: the text as it was checked.
    let csv = text.remove("csv").unwrap_or_default().replace("\r\n", "\n");
    let load = text.contains_key("load");
    let bytes = if file.is_empty() {
        csv.into_bytes()
    } else {
        file
    };
    if bytes.is_empty() {
        return Ok(import_page(
            ctx.clone(),
            Some(ctx.t("projects-import-no-file")),
            &[],
            None,
        ));
    }
    let lead_allowed = |o: OrganizationId| may_edit(&user, o);
    let report = crate::manage::projects::import(
        st.store.as_ref(),
        &bytes,
        &lead_allowed,
        Some(user.id),
        !load,
    )
    .await?;
    if !report.errors.is_empty() {
        // A problem with the file as a whole (size, encoding, columns) is the file's error.
        let whole = report.errors.len() == 1
            && report.errors[0].line == 1
            && report.errors[0].column.is_empty();
        return Ok(if whole {
            import_page(
                ctx.clone(),
                Some(report.errors[0].message(ctx.lang)),
                &[],
                None,
            )
        } else {
            import_page(ctx, None, &report.errors, None)
        });
    }
    let rows = |keys: &[String]| {
        keys.iter()
            .map(|k| {
                let p = report.projects.get(k);
                let detail = match report.changes.get(k) {
                    Some(columns) => {
                        ctx.t_arg("projects-import-changes", "columns", &columns.join(", "))
                    }
                    None => p.map(|p| import_detail(&ctx, p)).unwrap_or_default(),
                };
                ImportRow {
                    key: k.clone(),
                    name: p
                        .map(|p| p.name.text(ctx.lang).to_string())
                        .unwrap_or_default(),
                    detail,
                }
            })
            .collect::<Vec<_>>()
    };
    let counts = [
        ("projects-import-added", report.added.len()),
        ("projects-import-updated", report.updated.len()),
        ("projects-import-unchanged", report.unchanged.len()),
    ]
    .map(|(key, n)| ctx.tn(key, n as u64))
    .join(" · ");
    let summary = ImportSummary {
        counts,
        lists: [
            ("projects-import-added-list", &report.added),
            ("projects-import-updated-list", &report.updated),
        ]
        .into_iter()
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(key, keys)| (ctx.t(key), rows(keys)))
        .collect(),
        // A checked file is UTF-8 text.
        csv: if load {
            String::new()
        } else {
            String::from_utf8(bytes).unwrap_or_default()
        },
        done: load,
    };
    Ok(import_page(ctx, None, &[], Some(summary)))
}
