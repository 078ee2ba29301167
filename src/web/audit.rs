//! The audit log of people's data for the data-protection officer (`/admin/audit`): every
//! read and change of referral data, consents and paths, with filters, and a check of the
//! hash chain. The officer reads who did what, never a referral's contents.

use super::auth::SignedIn;
use super::form::Field;
use super::people::date_time;
use super::{Ctx, PageQuery};
use crate::domain::referrals::AuditRow;
use crate::domain::OrganizationId;
use crate::error::{PageError, PageResult};
use crate::store::{AuditFilter, PageRequest};
use crate::AppState;
use askama::Template;
use axum::extract::State;
use serde::Deserialize;
use std::collections::HashMap;

/// The purposes and actions the log knows (the filters' choices).
const PURPOSES: &[&str] = &[
    "referral",
    "consent",
    "path",
    "export",
    "erasure",
    "retention",
];
const ACTIONS: &[&str] = &[
    "read",
    "create",
    "accept",
    "decline",
    "start",
    "complete",
    "cancel",
    "withdraw",
    "claim",
    "follow_up",
    "erase",
    "prune",
];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    purpose: String,
    action: String,
    organization: String,
    actor: String,
    subject: String,
    page: String,
    verify: String,
}

/// A row as the officer reads it.
pub struct Row {
    pub seq: i64,
    pub when: String,
    pub who: String,
    pub organization: String,
    pub what: String,
    pub record: String,
    pub subject: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: Ctx,
    title: String,
    notice: Option<super::respond::Notice>,
    errors: Vec<(String, String)>,
    action: String,
    purpose: Field,
    act: Field,
    organization: Field,
    actor: Field,
    subject: Field,
    rows: Vec<Row>,
    total: u64,
    pager: Option<super::Pager>,
    verify_url: String,
}

/// A translated label of a purpose or action code (the code itself when unknown).
fn label(ctx: &Ctx, prefix: &str, code: &str) -> String {
    let key = format!("{prefix}-{code}");
    let t = ctx.t(&key);
    if t == key {
        code.to_string()
    } else {
        t
    }
}

pub(super) async fn readable(st: &AppState, ctx: &Ctx, rows: &[AuditRow]) -> PageResult<Vec<Row>> {
    let orgs: Vec<OrganizationId> = rows
        .iter()
        .filter_map(|r| r.organization.as_deref().and_then(OrganizationId::parse))
        .collect();
    let names: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&orgs)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(rows
        .iter()
        .map(|r| Row {
            seq: r.seq,
            when: date_time(r.at),
            who: label(ctx, "role", &r.actor_role),
            organization: r
                .organization
                .as_deref()
                .and_then(OrganizationId::parse)
                .and_then(|o| names.get(&o).cloned())
                .unwrap_or_default(),
            what: format!(
                "{} · {}",
                label(ctx, "audit-purpose", &r.purpose),
                label(ctx, "audit-action", &r.action)
            ),
            record: format!(
                "{} {}",
                label(ctx, "audit-record", &r.record_kind),
                short(&r.record_id)
            ),
            subject: r.subject.as_deref().map(short).unwrap_or_default(),
        })
        .collect())
}

/// The first 8 characters of an id: enough to tell rows apart on a page.
fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

/// `GET /{lang}/admin/audit`
pub async fn admin(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<AuditQuery>,
) -> PageResult {
    if !crate::referrals::reads_all_audit(&user) {
        return Err(PageError::forbidden());
    }
    let lang = ctx.lang;
    // Each filter is checked: a wrong one says so instead of silently listing everything.
    let mut errors: Vec<(&str, String)> = Vec::new();
    let choice = |v: &str, all: &[&str]| all.contains(&v).then(|| v.to_string());
    let mut code = |name: &'static str, v: &str, all: &[&str]| match v.trim() {
        "" => None,
        v => {
            let c = choice(v, all);
            if c.is_none() {
                errors.push((name, ctx.t("admin-audit-error-choice")));
            }
            c
        }
    };
    let purpose_code = code("purpose", &q.purpose, PURPOSES);
    let action_code = code("action", &q.action, ACTIONS);
    // An id or its beginning (at least 8 characters), as the table shows them.
    let mut id_prefix = |name: &'static str, v: &str| -> Option<String> {
        let v = v.trim().to_ascii_lowercase();
        if v.is_empty() {
            return None;
        }
        let ok =
            (8..=36).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        if !ok {
            errors.push((name, ctx.t("admin-audit-error-id")));
            return None;
        }
        Some(v)
    };
    let subject_prefix = id_prefix("subject", &q.subject);
    let actor_prefix = id_prefix("actor", &q.actor);
    let organization = match q.organization.trim() {
        "" => None,
        o => {
            let id = OrganizationId::parse(o);
            if id.is_none() {
                errors.push(("organization", ctx.t("admin-audit-error-organization")));
            }
            id
        }
    };
    let filter = AuditFilter {
        subjects: None,
        actor: None,
        actor_prefix,
        subject_prefix,
        organization,
        purpose: purpose_code,
        action: action_code,
        from: None,
        until: None,
    };
    let n = q.page.parse().unwrap_or(1);
    let page = st
        .store
        .audit_rows(&filter, PageRequest::new(n, 50))
        .await?;
    // Reading the log is itself logged.
    st.store
        .append_audit(&[crate::referrals::audit(
            Some(&user),
            "audit",
            "read",
            ("audit_log", n.to_string()),
            None,
            time::OffsetDateTime::now_utc(),
        )])
        .await?;
    let notice = if q.verify == "1" {
        let v = crate::referrals::verify(&st.store).await?;
        Some(match v.broken {
            None => super::respond::Notice::success(ctx.tn("admin-audit-holds", v.rows)),
            Some((seq, _)) => super::respond::Notice {
                kind: "error",
                text: ctx.tn("admin-audit-broken", seq.max(0) as u64),
            },
        })
    } else {
        None
    };
    let options = |prefix: &str, all: &[&str]| {
        std::iter::once((String::new(), ctx.t("admin-audit-any")))
            .chain(all.iter().map(|c| (c.to_string(), label(&ctx, prefix, c))))
            .collect::<Vec<_>>()
    };
    let purpose = Field::new(&ctx, "admin-audit", "purpose", "select")
        .options(String::new(), options("audit-purpose", PURPOSES))
        .value(&q.purpose)
        .error_from(&errors);
    let act = Field::new(&ctx, "admin-audit", "action", "select")
        .options(String::new(), options("audit-action", ACTIONS))
        .value(&q.action)
        .error_from(&errors);
    let text = |name: &'static str, v: &str| {
        Field::new(&ctx, "admin-audit", name, "text")
            .value(v)
            .max_chars(36)
            .error_from(&errors)
    };
    let organization = text("organization", &q.organization);
    let actor = text("actor", &q.actor);
    let subject = text("subject", &q.subject);
    let query: Vec<(&str, String)> = vec![
        ("purpose", q.purpose.clone()),
        ("action", q.action.clone()),
        ("organization", organization.value.clone()),
        ("actor", actor.value.clone()),
        ("subject", subject.value.clone()),
    ];
    let pager =
        (page.total_pages() > 1).then(|| super::Pager::new(&ctx, "/admin/audit", &query, &page));
    let rows = readable(&st, &ctx, &page.items).await?;
    let refused = !errors.is_empty();
    let page = AuditPage {
        title: ctx.t("admin-audit-title"),
        notice,
        errors: super::form::summary(&[&purpose, &act, &organization, &actor, &subject]),
        action: ctx.url("/admin/audit"),
        purpose,
        act,
        organization,
        actor,
        subject,
        rows,
        total: page.total,
        pager,
        verify_url: ctx.url("/admin/audit?verify=1"),
        ctx,
    };
    Ok(super::render_form(&page, lang, refused))
}
