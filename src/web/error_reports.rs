//! "Report an error" on every public record: anyone may send one without an account (at most
//! five an hour from one address); the organization's members see them on their desk and the
//! coordinators in their queue, and mark them handled.

use super::auth::{SignedIn, Viewer};
use super::form::{self, Field};
use super::respond::{see_other, too_many_requests, wait_text, with_status, DoneQuery, Notice};
use super::{render, Ctx, PageQuery, PathId, RecordPath, Txt};
use crate::accounts::throttle;
use crate::domain::{OpportunityId, OrganizationId, RecordKind, ServiceId};
use crate::error::{PageError, PageResult};
use crate::manage::{self as rules, Action, ErrorReport, MAX_REPORT, MIN_REPORT};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use time::OffsetDateTime;

const REPORTS_PER_ADDRESS: throttle::Limit = throttle::Limit {
    failures: 5,
    window: time::Duration::hours(1),
};

/// The record a report route names.
struct Reported {
    /// Its own id (not the form the URL wrote it in).
    id: String,
    organization: OrganizationId,
    /// In the page's language.
    name: String,
}

async fn reported_record(st: &AppState, ctx: &Ctx, path: &RecordPath) -> PageResult<Reported> {
    let not_found = PageError::not_found;
    let id = &path.id;
    match path.kind {
        RecordKind::Organization => {
            let o = st
                .store
                .organization(OrganizationId::parse(id).ok_or_else(not_found)?)
                .await?
                .ok_or_else(not_found)?;
            Ok(Reported {
                id: o.id.to_string(),
                organization: o.id,
                name: o.name,
            })
        }
        RecordKind::Service => {
            let s = st
                .store
                .service(ServiceId::parse(id).ok_or_else(not_found)?)
                .await?
                .ok_or_else(not_found)?;
            Ok(Reported {
                id: s.id.to_string(),
                organization: s.organization_id,
                name: Txt::new(&s.name, ctx.lang).text,
            })
        }
        RecordKind::Opportunity => {
            let o = st
                .store
                .opportunity(OpportunityId::parse(id).ok_or_else(not_found)?)
                .await?
                .ok_or_else(not_found)?;
            Ok(Reported {
                id: o.id.to_string(),
                organization: o.organization_id,
                name: Txt::new(&o.title, ctx.lang).text,
            })
        }
        RecordKind::Location => Err(not_found()),
    }
}

#[derive(Template)]
#[template(path = "error_reports/form.html")]
struct ReportPage {
    ctx: Ctx,
    title: String,
    record_name: String,
    record_url: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    fields: Vec<Field>,
}

fn report_page(
    ctx: Ctx,
    record_name: String,
    f: &ReportForm,
    errors: &[(&'static str, String)],
    notice: Option<Notice>,
) -> ReportPage {
    let fields: Vec<Field> = vec![
        Field::new(&ctx, "report", "message", "textarea")
            .value(&f.message)
            .required()
            .max_chars(MAX_REPORT),
        Field::new(&ctx, "report", "contact_email", "email")
            .value(&f.contact_email)
            .autocomplete("email")
            .max_chars(crate::accounts::MAX_EMAIL_CHARS),
    ]
    .into_iter()
    .map(|x| x.error_from(errors))
    .collect();
    let here = ctx.here();
    ReportPage {
        title: ctx.t("report-title"),
        record_name,
        record_url: here.trim_end_matches("/report").to_string(),
        errors: form::summary(&fields.iter().collect::<Vec<_>>()),
        notice,
        fields,
        ctx,
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReportForm {
    message: String,
    contact_email: String,
}

pub async fn form(
    State(st): State<AppState>,
    ctx: Ctx,
    path: RecordPath,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let name = reported_record(&st, &ctx, &path).await?.name;
    let notice = (q.done.as_deref() == Some("sent")).then(|| Notice::success(ctx.t("report-sent")));
    let lang = ctx.lang;
    render(
        &report_page(ctx, name, &ReportForm::default(), &[], notice),
        lang,
    )
}

pub async fn send(
    State(st): State<AppState>,
    ctx: Ctx,
    viewer: Viewer,
    path: RecordPath,
    body: Bytes,
) -> PageResult {
    let lang = ctx.lang;
    let Reported {
        id: record_id,
        organization,
        name,
    } = reported_record(&st, &ctx, &path).await?;
    let f: ReportForm = form::parse(&body);
    let mut errors = Vec::new();
    let n = f.message.trim().chars().count();
    if n < MIN_REPORT {
        errors.push(("message", ctx.t("report-error-message")));
    } else if n > MAX_REPORT {
        errors.push(("message", ctx.t("edit-error-too-long")));
    }
    let email = f.contact_email.trim();
    let contact = match email {
        "" => None,
        e => match crate::accounts::Email::parse(e) {
            Ok(e) => Some(e.to_string()),
            Err(err) => {
                errors.push(("contact_email", ctx.t(err.key())));
                None
            }
        },
    };
    if !errors.is_empty() {
        let page = report_page(ctx, name, &f, &errors, None);
        return Ok(with_status(render(&page, lang), StatusCode::BAD_REQUEST));
    }
    let now = OffsetDateTime::now_utc();
    if let Some(ip) = viewer.client {
        let keys = [(
            throttle::scoped("report", &throttle::address_key(ip)),
            REPORTS_PER_ADDRESS,
        )];
        if let Some(wait) = throttle::wait(&st.store, &keys, now).await? {
            let msg = wait_text(lang, "throttled-text", wait);
            let page = report_page(ctx, name, &f, &[("message", msg)], None);
            return Ok(too_many_requests(render(&page, lang), wait));
        }
        throttle::record_failure(&st.store, &keys, now).await?;
    }
    st.store
        .add_error_report(&ErrorReport {
            id: uuid::Uuid::new_v4().to_string(),
            organization_id: organization,
            record_kind: path.kind,
            record_id,
            message: f.message.trim().to_string(),
            contact_email: contact,
            created_at: now,
        })
        .await?;
    Ok(see_other(&format!("{}?done=sent", ctx.here()), []))
}

/// A report as the desk and the queue list it.
pub(super) struct ReportRow {
    pub what: String,
    /// The record's name, the link's text.
    pub name: String,
    pub url: String,
    pub message: String,
    pub contact: String,
    pub when: String,
    pub resolve_url: String,
}

/// The name of a reported record in the page's language (`None`: it is gone).
async fn record_name(
    store: &crate::store::DynStore,
    kind: RecordKind,
    id: &str,
    lang: crate::domain::Lang,
) -> crate::store::StoreResult<Option<String>> {
    use crate::domain::LocationId;
    Ok(match kind {
        RecordKind::Organization => match OrganizationId::parse(id) {
            Some(id) => store.organization(id).await?.map(|o| o.name),
            None => None,
        },
        RecordKind::Service => match ServiceId::parse(id) {
            Some(id) => store
                .service(id)
                .await?
                .map(|s| s.name.text(lang).to_string()),
            None => None,
        },
        RecordKind::Opportunity => match OpportunityId::parse(id) {
            Some(id) => store
                .opportunity(id)
                .await?
                .map(|o| o.title.text(lang).to_string()),
            None => None,
        },
        RecordKind::Location => match LocationId::parse(id) {
            Some(id) => store
                .location(id)
                .await?
                .map(|l| l.name.text(lang).to_string()),
            None => None,
        },
    })
}

/// The queue's rows: each report with its record's name as the link (the queue is short:
/// open reports only).
pub(super) async fn rows(
    store: &crate::store::DynStore,
    ctx: &Ctx,
    reports: Vec<ErrorReport>,
) -> PageResult<Vec<ReportRow>> {
    let mut rows = Vec::with_capacity(reports.len());
    for r in reports {
        let path = r.record_kind.plural();
        let name = record_name(store, r.record_kind, &r.record_id, ctx.lang)
            .await?
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| ctx.t("reports-record"));
        rows.push(ReportRow {
            what: ctx.t(&format!("history-kind-{}", r.record_kind)),
            name,
            url: ctx.url(&format!("/{path}/{}", r.record_id)),
            message: r.message,
            contact: r.contact_email.unwrap_or_else(|| "–".into()),
            when: super::manage::short_date(r.created_at),
            resolve_url: ctx.url(&format!("/reports/{}/resolve", r.id)),
        });
    }
    Ok(rows)
}

pub async fn resolve(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let report = st
        .store
        .error_report(&id)
        .await?
        .ok_or(PageError::not_found())?;
    if !crate::manage::may_handle_reports(&user, report.organization_id) {
        return Err(PageError::forbidden());
    }
    let now = OffsetDateTime::now_utc();
    st.store.resolve_error_report(&id, user.id, now).await?;
    let back = if user.organization_id == Some(report.organization_id) {
        format!(
            "/organizations/{}/manage?done=resolved",
            report.organization_id
        )
    } else {
        "/admin/reports?done=resolved".to_string()
    };
    Ok(see_other(&ctx.url(&back), []))
}

#[derive(Template)]
#[template(path = "error_reports/queue.html")]
struct QueuePage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    reports: Vec<ReportRow>,
}

pub async fn queue(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let lang = ctx.lang;
    if !rules::may(&user, OrganizationId::new(), Action::Verify) {
        return Err(PageError::forbidden());
    }
    let reports = st.store.open_error_reports(None).await?;
    let page = QueuePage {
        title: ctx.t("reports-title"),
        notice: (q.done.as_deref() == Some("resolved"))
            .then(|| Notice::success(ctx.t("reports-resolved"))),
        reports: rows(&st.store, &ctx, reports).await?,
        ctx,
    };
    render(&page, lang)
}
