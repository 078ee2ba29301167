//! A person's own pages: the profile form (`/me`), opportunities ranked for them with the
//! reasons (`/me/matches`), everything about them as JSON (`/me/export`), deleting it all
//! (`/me/delete`) and who has looked at the profile (`/me/audit`).

use super::auth::SignedIn;
use super::form::{self, Choices, Field};
use super::respond::{see_other, DoneQuery, Notice};
use super::{render, Ctx, PageQuery};
use crate::accounts::User;
use crate::domain::{unix_micros, Lang, OpportunityId};
use crate::error::{PageError, PageResult};
use crate::i18n::{date, t, t_args};
use crate::manage::records::Data;
use crate::people::matching::{Fit, Reason};
use crate::people::{Profile, ProfileForm, Visibility, AGE_BANDS, LANGUAGES};
use crate::refdata::REF;
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

pub(super) fn now() -> OffsetDateTime {
    crate::domain::now_micros()
}

/// "26.11.2026 17.05" (Finnish time).
pub(super) fn date_time(t: OffsetDateTime) -> String {
    crate::domain::helsinki::format(t)
}

pub(super) fn today() -> time::Date {
    crate::domain::helsinki::today()
}

/// The signed-in person's profile, or an empty one (not stored until saved).
pub(super) async fn own_profile(st: &AppState, user: &User) -> PageResult<(Profile, bool)> {
    match st.store.profile(user.id).await? {
        Some(p) => Ok((p, true)),
        None => Ok((Profile::empty(user.id, now()), false)),
    }
}

/// A group of skill checkboxes under its group's name.
pub struct SkillGroupView {
    pub choices: Choices,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "people/me.html")]
struct MePage {
    ctx: Ctx,
    title: String,
    errors: Vec<(String, String)>,
    notice: Option<Notice>,
    exists: bool,
    fields: Vec<Field>,
    availability: Vec<Field>,
    skills: Vec<SkillGroupView>,
    skills_error: Option<String>,
    free_skills: Field,
    interests: Choices,
    languages: Choices,
    kinds: Choices,
    /// (value, label, hint, checked)
    visibility: Vec<(String, String, String, bool)>,
    visibility_error: Option<String>,
    /// (name, label, checked, error)
    flags: Vec<(&'static str, String, bool, Option<String>)>,
    delete_password: Field,
    portfolio: Vec<super::portfolio::PortfolioRow>,
    caption: Field,
    file_error: Option<String>,
    /// The profile as others see it, when others may.
    public_url: Option<String>,
}

fn translated(ctx: &Ctx, errors: &[(&'static str, &'static str)]) -> Vec<(&'static str, String)> {
    errors.iter().map(|(f, k)| (*f, ctx.t(k))).collect()
}

pub(super) async fn me_page(
    st: &AppState,
    user: &User,
    ctx: Ctx,
    f: &ProfileForm,
    exists: bool,
    errors: &[(&'static str, String)],
    notice: Option<Notice>,
) -> PageResult {
    let lang = ctx.lang;
    let portfolio = super::portfolio::rows(st, &ctx, Some(user), user.id).await?;
    let caption = Field::new(&ctx, "portfolio", "caption", "text")
        .max_chars(crate::people::portfolio::MAX_CAPTION)
        .error_from(errors);
    let file_error = errors
        .iter()
        .find(|(n, _)| *n == "file")
        .map(|(_, m)| m.clone());
    let field = |name, kind| Field::new(&ctx, "person", name, kind);
    let err = |name: &str| {
        errors
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| m.clone())
    };
    let mut municipalities: Vec<(String, String)> = REF
        .municipalities
        .values()
        .map(|m| (m.code.clone(), m.name(lang).to_string()))
        .collect();
    municipalities.sort_by(|a, b| a.1.cmp(&b.1));
    let fields: Vec<Field> = vec![
        field("display_name", "text")
            .value(&f.display_name)
            .autocomplete("nickname")
            .max_chars(crate::people::MAX_DISPLAY_NAME),
        field("introduction", "textarea")
            .value(&f.introduction)
            .max_chars(crate::people::MAX_INTRODUCTION),
        field("municipality", "select")
            .options(ctx.t("person-municipality-none"), municipalities)
            .value(&f.municipality),
        field("travel_km", "number")
            .value(&f.travel_km)
            .max_chars(3),
    ]
    .into_iter()
    .map(|x| x.error_from(errors))
    .collect();
    let availability: Vec<Field> = vec![
        field("hours_per_week", "number")
            .value(&f.hours_per_week)
            .max_chars(2),
        field("available_from", "date")
            .value(&f.available_from)
            .max_chars(10),
        field("age_band", "select")
            .options(
                ctx.t("person-age-band-none"),
                AGE_BANDS
                    .iter()
                    .map(|b| (b.to_string(), ctx.t(&format!("age-band-{b}"))))
                    .collect(),
            )
            .value(&f.age_band),
    ]
    .into_iter()
    .map(|x| x.error_from(errors))
    .collect();
    let skills = REF
        .skill_groups
        .iter()
        .map(|g| {
            let options: Vec<(String, String)> = REF
                .skills
                .iter()
                .filter(|s| s.group == g.id)
                .map(|s| (s.id.clone(), s.label.text(lang).to_string()))
                .collect();
            let open = options.iter().any(|(v, _)| f.skills.contains(v));
            let mut choices = Choices::new(&ctx, "person", "skills", options, &f.skills);
            choices.legend = g.label.text(lang).to_string();
            SkillGroupView { choices, open }
        })
        .collect();
    let topics = REF
        .taxonomies
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.label.text(lang).to_string()))
        .collect();
    let mut interests = Choices::new(&ctx, "person", "interests", topics, &f.interests);
    interests.error = err("interests");
    let mut languages = Choices::new(
        &ctx,
        "person",
        "languages",
        LANGUAGES
            .iter()
            .map(|l| (l.to_string(), crate::i18n::language_name(lang, l)))
            .collect(),
        &f.languages,
    );
    languages.error = err("languages");
    let mut kinds = Choices::new(
        &ctx,
        "person",
        "kinds",
        REF.taxonomies
            .opportunity_types
            .iter()
            .map(|t| (t.id.clone(), t.label.text(lang).to_string()))
            .collect(),
        &f.kinds,
    );
    kinds.error = err("kinds");
    let current = Visibility::parse(&f.visibility).unwrap_or_default();
    let visibility = Visibility::ALL
        .iter()
        .map(|v| {
            (
                v.as_str().to_string(),
                ctx.t(&format!("visibility-{}", v.as_str())),
                ctx.t(&format!("visibility-{}-hint", v.as_str())),
                *v == current,
            )
        })
        .collect();
    let flags = vec![
        (
            "part_time",
            ctx.t("person-part_time-label"),
            f.part_time,
            err("part_time"),
        ),
        (
            "pool_58",
            ctx.t("person-pool_58-label"),
            f.pool_58,
            err("pool_58"),
        ),
        (
            "expert_by_experience",
            ctx.t("person-expert_by_experience-label"),
            f.expert_by_experience,
            err("expert_by_experience"),
        ),
    ];
    let free_skills = field("free_skills", "text")
        .value(&f.free_skills)
        .max_chars(700)
        .error_from(errors);
    let mut summary: Vec<(String, String)> = Vec::new();
    for (name, msg) in errors {
        // Checkbox groups link to their first box.
        let id = match *name {
            "skills" | "interests" | "languages" | "kinds" => format!("{name}-0"),
            "visibility" => "visibility-0".to_string(),
            n => n.to_string(),
        };
        summary.push((id, msg.clone()));
    }
    let delete_password = Field::new(&ctx, "person", "delete_password", "password")
        .autocomplete("current-password")
        .required()
        .max_chars(crate::accounts::password::MAX_CHARS)
        .error_from(errors);
    let public_url = (exists
        && Visibility::parse(&f.visibility).unwrap_or_default() != Visibility::Private)
        .then(|| ctx.url(&format!("/people/{}", user.id)));
    let page = MePage {
        public_url,
        portfolio,
        caption,
        file_error,
        delete_password,
        title: ctx.t("person-title"),
        errors: summary,
        notice,
        exists,
        fields,
        availability,
        skills,
        skills_error: err("skills"),
        free_skills,
        interests,
        languages,
        kinds,
        visibility,
        visibility_error: err("visibility"),
        flags,
        ctx,
    };
    let refused = !errors.is_empty();
    Ok(super::render_form(&page, lang, refused))
}

pub async fn me_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let (p, exists) = own_profile(&st, &user).await?;
    let notice = match q.done.as_deref() {
        Some("saved") => Some(Notice::success(ctx.t("form-saved"))),
        _ => None,
    };
    me_page(&st, &user, ctx, &ProfileForm::of(&p), exists, &[], notice).await
}

pub async fn me_save(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let (old, exists) = own_profile(&st, &user).await?;
    let pairs = form::pairs(&body);
    let f = ProfileForm::read(&Data(&pairs));
    match f.apply(&old, now()) {
        Ok(p) => {
            st.store.save_profile(&p).await?;
            Ok(see_other(&ctx.url("/me?done=saved"), []))
        }
        Err(errors) => {
            let errors = translated(&ctx, &errors);
            me_page(&st, &user, ctx, &f, exists, &errors, None).await
        }
    }
}

/// A reason as the person reads it ("matches your interest: eläimet").
pub(super) fn reason_text(lang: Lang, r: &Reason, for_person: bool) -> String {
    let side = if for_person { "match" } else { "fit" };
    let key = |k: &str| format!("{side}-reason-{k}");
    match r {
        Reason::Interest(topics) => t_args(
            lang,
            &key("interest"),
            &[(
                "topics",
                super::term_labels(topics, super::topic_term, lang)
                    .join(", ")
                    .into(),
            )],
        ),
        Reason::Skill(s) => t_args(
            lang,
            &key("skill"),
            &[(
                "skill",
                REF.skill(s)
                    .map(|s| s.label.text(lang).to_string())
                    .unwrap_or_else(|| s.clone())
                    .into(),
            )],
        ),
        Reason::Kind(k) => t_args(
            lang,
            &key("kind"),
            &[(
                "kind",
                REF.taxonomies
                    .opportunity_type(k.as_str())
                    .map(|t| t.label.text(lang).to_string())
                    .unwrap_or_default()
                    .into(),
            )],
        ),
        Reason::HomeMunicipality => t(lang, &key("same-place")),
        Reason::Distance(km) => t_args(lang, &key("distance"), &[("km", (*km as u64).into())]),
        Reason::Hours { hours, part_time } => match (hours, part_time) {
            (Some(h), true) => t_args(
                lang,
                &key("part-time-hours"),
                &[("hours", (*h as u64).into())],
            ),
            (Some(h), false) => t_args(lang, &key("hours"), &[("hours", (*h as u64).into())]),
            (None, _) => t(lang, &key("part-time")),
        },
        Reason::Starts(d) => {
            let today = today();
            let month = |d: time::Date| (d.year(), u8::from(d.month()));
            let next = today
                .replace_day(1)
                .ok()
                .and_then(|f| f.checked_add(time::Duration::days(32)));
            if *d <= today {
                t(lang, &key("starts-now"))
            } else if month(*d) == month(today) {
                t(lang, &key("starts-this-month"))
            } else if next.is_some_and(|n| month(n) == month(*d)) {
                t(lang, &key("starts-next-month"))
            } else {
                t_args(lang, &key("starts-on"), &[("date", date(lang, *d).into())])
            }
        }
        Reason::Group(g) => t(lang, &format!("{side}-reason-group-{g}")),
        Reason::TooManyHours { hours, yours } => t_args(
            lang,
            &key("too-many-hours"),
            &[
                ("hours", (*hours as u64).into()),
                ("yours", (*yours as u64).into()),
            ],
        ),
    }
}

/// A line of "why this fits": a reason, or a caution to weigh (marked on the page).
pub struct ReasonLine {
    pub text: String,
    pub caution: bool,
}

pub(super) fn reason_texts(lang: Lang, f: &Fit, for_person: bool) -> Vec<ReasonLine> {
    f.reasons
        .iter()
        .map(|r| ReasonLine {
            text: reason_text(lang, r, for_person),
            caution: matches!(r, Reason::TooManyHours { .. }),
        })
        .collect()
}

/// A suggestion with its card and reasons.
pub struct Suggestion {
    pub card: super::Card,
    pub id: String,
    pub reasons: Vec<ReasonLine>,
    /// Where "I'm interested" posts.
    pub interest_url: String,
    /// The person's conversation about it, when they have already said so.
    pub thread_url: Option<String>,
}

#[derive(Template)]
#[template(path = "people/matches.html")]
struct MatchesPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    has_profile: bool,
    count_text: String,
    items: Vec<Suggestion>,
    hidden_text: Option<String>,
    pager: super::Pager,
}

#[derive(Debug, Default, Deserialize)]
pub struct MatchesQuery {
    #[serde(default)]
    page: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

pub const MATCHES_PER_PAGE: usize = 20;

pub async fn matches(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PageQuery(q): PageQuery<MatchesQuery>,
) -> PageResult {
    let lang = ctx.lang;
    let (p, exists) = own_profile(&st, &user).await?;
    let page: u32 = q
        .page
        .as_deref()
        .and_then(|p| p.parse().ok())
        .filter(|p| (1..=100).contains(p))
        .unwrap_or(1);
    st.matches.refresh(&st.store).await?;
    let hidden: HashSet<OpportunityId> = st
        .store
        .hidden_suggestions(user.id)
        .await?
        .into_iter()
        .collect();
    let (total, found) = st.matches.for_person(
        &p,
        &hidden,
        today(),
        (page as usize - 1) * MATCHES_PER_PAGE,
        MATCHES_PER_PAGE,
    );
    let ids: Vec<OpportunityId> = found.iter().map(|(o, _)| o.id).collect();
    let opps = st.store.opportunities_by_id(&ids).await?;
    // The page's places in the ranked order (one read; a place gone since is left out).
    let mut by_id: HashMap<OpportunityId, _> = opps.into_iter().map(|o| (o.id, o)).collect();
    let (list, fits): (Vec<_>, Vec<_>) = found
        .iter()
        .filter_map(|(f, fit)| by_id.remove(&f.id).map(|o| (o, fit)))
        .unzip();
    let cards = super::cards::CardLookup::new(&st.store, lang)
        .opportunity_cards(&ctx, &list)
        .await?;
    let threads: HashMap<OpportunityId, String> = if list.is_empty() {
        HashMap::new()
    } else {
        st.store
            .threads_of_person(user.id)
            .await?
            .into_iter()
            .filter_map(|t| Some((t.opportunity_id?, t.id.to_string())))
            .collect()
    };
    let items = cards
        .into_iter()
        .zip(list.iter().zip(fits))
        .map(|(card, (o, fit))| Suggestion {
            card,
            id: o.id.to_string(),
            reasons: reason_texts(lang, fit, true),
            interest_url: ctx.url(&format!("/opportunities/{}/interest", o.id)),
            thread_url: threads
                .get(&o.id)
                .map(|t| ctx.url(&format!("/threads/{t}"))),
        })
        .collect();
    let fake_page = crate::store::Page {
        items: Vec::<()>::new(),
        total: total as u64,
        request: crate::store::PageRequest::new(page, MATCHES_PER_PAGE as u32),
    };
    let pager = super::Pager::new(&ctx, "/me/matches", &[], &fake_page);
    let notice = match q.done.as_deref() {
        Some("hidden") => Some(Notice::success(ctx.t("matches-hidden-done"))),
        Some("shown") => Some(Notice::success(ctx.t("matches-shown-done"))),
        _ => None,
    };
    render(
        &MatchesPage {
            title: ctx.t("matches-title"),
            notice,
            has_profile: exists,
            count_text: ctx.tn("matches-count", total as u64),
            items,
            hidden_text: (!hidden.is_empty())
                .then(|| ctx.tn("matches-hidden-count", hidden.len() as u64)),
            pager,
            ctx,
        },
        lang,
    )
}

pub async fn hide(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let id = form::id_field(&body, "opportunity")
        .and_then(|i| OpportunityId::parse(&i))
        .ok_or(PageError::bad_request())?;
    st.store.hide_suggestion(user.id, id, now()).await?;
    Ok(see_other(&ctx.url("/me/matches?done=hidden"), []))
}

pub async fn unhide(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
) -> PageResult {
    st.store.unhide_suggestions(user.id).await?;
    Ok(see_other(&ctx.url("/me/matches?done=shown"), []))
}

/// The export as a person reads it: times (`…_at`, kept as Unix microseconds) as ISO 8601 in
/// Finnish time, and beside each code list of the profile its labels in the page's language.
fn readable(v: &mut serde_json::Value, lang: Lang) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let label_of = |field: &str, id: &str| -> Option<String> {
                match field {
                    "skills" => REF.skill(id).map(|s| s.label.text(lang).to_string()),
                    "interests" => REF
                        .taxonomies
                        .topic(id)
                        .map(|t| t.label.text(lang).to_string()),
                    "kinds" => REF
                        .taxonomies
                        .opportunity_type(id)
                        .map(|t| t.label.text(lang).to_string()),
                    "languages" => Some(crate::i18n::language_name(lang, id)),
                    _ => None,
                }
            };
            let mut labels = Vec::new();
            for (k, val) in map.iter_mut() {
                if k.ends_with("_at") {
                    if let Some(us) = val.as_i64() {
                        if let Ok(t) =
                            OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000)
                        {
                            let t = crate::domain::helsinki::local(t);
                            if let Ok(s) = t.format(&time::format_description::well_known::Rfc3339)
                            {
                                *val = Value::String(s);
                            }
                        }
                    }
                } else if let Some(ids) = val.as_array() {
                    let names: Vec<Value> = ids
                        .iter()
                        .filter_map(|id| id.as_str().and_then(|id| label_of(k, id)))
                        .map(Value::String)
                        .collect();
                    if !names.is_empty() {
                        labels.push((format!("{k}_labels"), Value::Array(names)));
                    }
                } else if k == "municipality" {
                    if let Some(m) = val.as_str().and_then(|c| REF.municipality(c)) {
                        labels.push(("municipality_label".into(), m.name(lang).to_string().into()));
                    }
                }
                readable(val, lang);
            }
            map.extend(labels);
        }
        Value::Array(items) => items.iter_mut().for_each(|x| readable(x, lang)),
        _ => {}
    }
}

/// Everything about the signed-in person, as JSON.
pub async fn export(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
) -> PageResult {
    let lang = ctx.lang;
    let s = &st.store;
    let threads = s.threads_of_person(user.id).await?;
    let messages = s.messages_by(user.id).await?;
    let mut portfolio = Vec::new();
    for item in s.portfolio(user.id).await? {
        if let Some((item, data)) = s.portfolio_item(&item.id).await? {
            use base64::Engine;
            let mut v = serde_json::to_value(&item).unwrap_or_default();
            v["data_base64"] = base64::engine::general_purpose::STANDARD
                .encode(data)
                .into();
            portfolio.push(v);
        }
    }
    let doc = serde_json::json!({
        "exported_at": OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
        "account": {
            "id": user.id,
            "email": user.email.as_str(),
            "role": user.role.as_str(),
            "created_at": unix_micros(user.created_at),
        },
        "profile": s.profile(user.id).await?,
        "portfolio": portfolio,
        "threads": threads,
        "messages": messages,
        "hidden_suggestions": s.hidden_suggestions(user.id).await?,
        "saved_searches": s.saved_searches_of(user.id).await?,
        "profile_views": s.profile_views(user.id, 10_000).await?,
        "warm_hand_over": crate::services::referrals::export_of(s, st.config.data_keys.as_ref(), &user).await?,
        "event_signups": s.signups_of_user(user.id).await?.into_iter().map(|x| serde_json::json!({
            "event_id": x.event_id,
            "name": x.name,
            "email": x.email,
            "needs": x.needs,
            "state": x.state.as_str(),
            "signed_up_at": unix_micros(x.created_at),
        })).collect::<Vec<_>>(),
        "digest_subscriptions": s.subscriptions_of_email(user.email.as_str()).await?.into_iter().map(|x| serde_json::json!({
            "network_id": x.network_id,
            "email": x.email,
            "language": x.lang.code(),
            "subscribed_at": unix_micros(x.created_at),
            "confirmed_at": x.confirmed_at.map(unix_micros),
        })).collect::<Vec<_>>(),
    });
    let mut doc = doc;
    readable(&mut doc, lang);
    let body = serde_json::to_string_pretty(&doc).unwrap_or_default();
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kolmonen-me.json\"",
            ),
        ],
        body,
    )
        .into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DeleteForm {
    /// The name the page's field has (`people/me.html`): the form and this must agree.
    delete_password: String,
}

/// Deletes the person's account and everything they wrote, for good (threads stay with the
/// organizations as "deleted user").
pub async fn delete(
    State(st): State<AppState>,
    SignedIn(user, viewer): SignedIn,
    ctx: Ctx,
    body: Bytes,
) -> PageResult {
    let f: DeleteForm = form::parse(&body);
    match super::account::delete_for_good(&st, &ctx, &user, &viewer, &f.delete_password).await? {
        Ok(done) => Ok(done),
        Err(e) => {
            let (p, exists) = own_profile(&st, &user).await?;
            let wait = match e {
                crate::accounts::AccountError::Throttled(w) => Some(w),
                _ => None,
            };
            let errors = [("delete_password", super::account::error_text(&ctx, &e))];
            let page = me_page(&st, &user, ctx, &ProfileForm::of(&p), exists, &errors, None).await;
            Ok(match wait {
                Some(w) => super::respond::too_many_requests(page, w),
                None => page?,
            })
        }
    }
}

#[derive(Template)]
#[template(path = "people/audit.html")]
struct AuditPage {
    ctx: Ctx,
    title: String,
    /// (when, organization, what)
    rows: Vec<(String, String, String)>,
}

/// Who has looked at my profile.
pub async fn audit(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
) -> PageResult {
    let lang = ctx.lang;
    let views = st.store.profile_views(user.id, 500).await?;
    let names = super::cards::CardLookup::new(&st.store, lang)
        .names(views.iter().filter_map(|v| v.organization_id))
        .await?;
    let mut rows: Vec<(time::OffsetDateTime, (String, String, String))> = views
        .iter()
        .map(|v| {
            (
                v.viewed_at,
                (
                    date_time(v.viewed_at),
                    v.organization_id
                        .and_then(|o| names.get(&o).cloned())
                        .unwrap_or_else(|| ctx.t("audit-unknown-organization")),
                    ctx.t(&format!("audit-context-{}", v.context)),
                ),
            )
        })
        .collect();
    // Reads and changes of the person's referrals, consents and path (the audit log).
    let clients: Vec<_> = st
        .store
        .clients_of_user(user.id)
        .await?
        .iter()
        .map(|c| c.id)
        .collect();
    if !clients.is_empty() {
        let filter = crate::store::AuditFilter {
            subjects: Some(clients),
            ..Default::default()
        };
        let logged = st
            .store
            .audit_rows(&filter, crate::store::PageRequest::new(1, 100))
            .await?;
        let readable = super::audit::readable(&st, &ctx, &logged.items).await?;
        for (r, row) in logged.items.iter().zip(readable) {
            let who = if r.actor.as_deref() == Some(user.id.to_string().as_str()) {
                ctx.t("audit-you")
            } else if row.organization.is_empty() {
                row.who
            } else {
                row.organization
            };
            rows.push((
                r.at,
                (row.when, who, format!("{} ({})", row.what, row.record)),
            ));
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let rows = rows.into_iter().map(|(_, r)| r).collect();
    render(
        &AuditPage {
            title: ctx.t("audit-title"),
            rows,
            ctx,
        },
        lang,
    )
}
