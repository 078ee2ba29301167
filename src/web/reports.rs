//! "Report an error" on every public record: anyone may send one without an account (at most
//! five an hour from one address); the organization's members see them on their desk and the
//! coordinators in their queue, and mark them handled.

use super::account::{see_other, too_many_requests, wait_text, with_status, DoneQuery, Notice};
use super::auth::{SignedIn, Viewer};
use super::form::{self, Field};
use super::{render, Ctx, PageQuery, Txt};
use crate::accounts::{throttle, User};
use crate::domain::{OpportunityId, OrganizationId, ServiceId};
use crate::error::PageError;
use crate::mail::unix_micros;
use crate::manage::{self as rules, Action, ErrorReport, MAX_REPORT, MIN_REPORT};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::Response;
use serde::Deserialize;
use time::OffsetDateTime;

const REPORTS_PER_ADDRESS: throttle::Limit = throttle::Limit {
    failures: 5,
    window: time::Duration::hours(1),
};

/// The record a report route names: (kind, id, organization, name in the page's language).
async fn reported_record(
    st: &AppState,
    ctx: &Ctx,
    uri: &Uri,
) -> Result<(&'static str, String, OrganizationId, String), PageError> {
    let lang = ctx.lang;
    let mut segs = uri.path().rsplit('/').skip(1);
    let id = segs.next().unwrap_or("").to_string();
    let kind = segs.next().unwrap_or("");
    let not_found = || PageError::not_found(lang);
    let store = PageError::store(lang);
    match kind {
        "organizations" => {
            let o = st
                .store
                .organization(OrganizationId::parse(&id).ok_or_else(not_found)?)
                .await
                .map_err(store)?
                .ok_or_else(not_found)?;
            Ok(("organization", id, o.id, o.name))
        }
        "services" => {
            let s = st
                .store
                .service(ServiceId::parse(&id).ok_or_else(not_found)?)
                .await
                .map_err(store)?
                .ok_or_else(not_found)?;
            Ok((
                "service",
                id,
                s.organization_id,
                Txt::new(&s.name, lang).text,
            ))
        }
        _ => {
            let o = st
                .store
                .opportunity(OpportunityId::parse(&id).ok_or_else(not_found)?)
                .await
                .map_err(store)?
                .ok_or_else(not_found)?;
            Ok((
                "opportunity",
                id,
                o.organization_id,
                Txt::new(&o.title, lang).text,
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "manage/report.html")]
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
    uri: Uri,
    PageQuery(q): PageQuery<DoneQuery>,
) -> Result<Response, PageError> {
    let (_, _, _, name) = reported_record(&st, &ctx, &uri).await?;
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
    uri: Uri,
    body: Bytes,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (kind, id, organization, name) = reported_record(&st, &ctx, &uri).await?;
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
        let store = PageError::store(lang);
        if let Some(wait) = throttle::wait(&st.store, &keys, now).await.map_err(store)? {
            let msg = wait_text(lang, "throttled-text", wait);
            let page = report_page(ctx, name, &f, &[("message", msg)], None);
            return Ok(too_many_requests(render(&page, lang), wait));
        }
        throttle::record_failure(&st.store, &keys, now)
            .await
            .map_err(PageError::store(lang))?;
    }
    st.store
        .add_error_report(&ErrorReport {
            id: uuid::Uuid::new_v4().to_string(),
            organization_id: organization,
            record_kind: kind.to_string(),
            record_id: id,
            message: f.message.trim().to_string(),
            contact_email: contact,
            created_at: unix_micros(now),
        })
        .await
        .map_err(PageError::store(lang))?;
    Ok(see_other(&format!("{}?done=sent", ctx.here()), []))
}

/// A report as the desk and the queue list it.
pub(super) struct ReportRow {
    pub what: String,
    pub url: String,
    pub message: String,
    pub contact: String,
    pub when: String,
    pub resolve_url: String,
}

pub(super) fn rows(ctx: &Ctx, reports: Vec<ErrorReport>) -> Vec<ReportRow> {
    reports
        .into_iter()
        .map(|r| {
            let path = match r.record_kind.as_str() {
                "organization" => "organizations",
                "service" => "services",
                _ => "opportunities",
            };
            ReportRow {
                what: ctx.t(&format!("history-kind-{}", r.record_kind)),
                url: ctx.url(&format!("/{path}/{}", r.record_id)),
                message: r.message,
                contact: r.contact_email.unwrap_or_else(|| "–".into()),
                when: super::manage::micros_date(r.created_at),
                resolve_url: ctx.url(&format!("/reports/{}/resolve", r.id)),
            }
        })
        .collect()
}

/// May this account handle the reports of an organization?
fn may_handle(user: &User, organization: OrganizationId) -> bool {
    rules::may(user, organization, Action::EditRecords)
        || rules::may(user, organization, Action::Verify)
}

pub async fn resolve(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    uri: Uri,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let id = uri.path().rsplit('/').nth(1).unwrap_or("").to_string();
    let report = st
        .store
        .error_report(&id)
        .await
        .map_err(PageError::store(lang))?
        .ok_or(PageError::not_found(lang))?;
    if !may_handle(&user, report.organization_id) {
        return Err(PageError::forbidden(lang));
    }
    let now = unix_micros(OffsetDateTime::now_utc());
    st.store
        .resolve_error_report(&id, user.id, now)
        .await
        .map_err(PageError::store(lang))?;
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
#[template(path = "manage/reports.html")]
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
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    if !rules::may(&user, OrganizationId::new(), Action::Verify) {
        return Err(PageError::forbidden(lang));
    }
    let reports = st
        .store
        .open_error_reports(None)
        .await
        .map_err(PageError::store(lang))?;
    let page = QueuePage {
        title: ctx.t("reports-title"),
        notice: (q.done.as_deref() == Some("resolved"))
            .then(|| Notice::success(ctx.t("reports-resolved"))),
        reports: rows(&ctx, reports),
        ctx,
    };
    render(&page, lang)
}
