//! The knowledge bank's pages: the list (by kind, topic, target group and organization), an
//! article (its text through the Markdown allow-list, its authors and licence, attachments,
//! related articles and services by shared topics), its history (who changed what, as a
//! diff), and the forms to write, change and remove one.

use super::auth::SignedIn;
use super::form::{self, Choices, Field};
use super::respond::{see_other, DoneQuery, Notice};
use super::{render_form, term_labels, Card, Ctx, PageQuery, Pager, Txt};
use crate::domain::articles::{
    diff_lines, licence_url, with_context, Article, ArticleKind, DiffLine, LICENCES,
    MAX_BODY_CHARS, MAX_NOTE_CHARS, MAX_TITLE_CHARS,
};
use crate::domain::{ArticleId, Lang, OrganizationId};
use crate::error::{PageError, PageResult};
use crate::extract::PathId;
use crate::i18n::date;
use crate::manage::articles::{check, may_edit, may_write_for, next, ArticleInput, InputError};
use crate::store::{ArticleQuery, Page, PageRequest, SaveOutcome};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use std::collections::HashMap;

const PER_PAGE: u32 = 20;

fn kind_label(ctx: &Ctx, k: ArticleKind) -> String {
    ctx.t(&format!("articles-kind-{}", k.as_str()))
}

/// The translation key of a licence's name (`CC-BY-4.0` → `articles-licence-cc-by-4-0`).
fn licence_key(id: &str) -> String {
    format!("articles-licence-{}", id.to_lowercase().replace('.', "-"))
}

fn lang_label(ctx: &Ctx, l: Lang) -> String {
    ctx.t(&format!("articles-lang-{}", l.code()))
}

/// The article's title as a page text: marked with its language when the page's differs.
fn title_txt(a: &Article, lang: Lang) -> Txt {
    Txt::new(&a.name(), lang)
}

/// An article as a result card.
pub fn article_card(ctx: &Ctx, a: &Article, authors: &HashMap<OrganizationId, String>) -> Card {
    let names: Vec<String> = a
        .authors
        .iter()
        .filter_map(|o| authors.get(o).cloned())
        .collect();
    let mut tags = vec![kind_label(ctx, a.kind)];
    tags.extend(term_labels(&a.topics, super::topic_term, ctx.lang));
    let summary = crate::domain::markdown::summary(&a.body, 180);
    let mut summary_txt = Txt::new(&crate::domain::LocalizedText::fi(summary), ctx.lang);
    if a.lang == ctx.lang {
        summary_txt.lang = None;
        summary_txt.note = None;
    } else {
        summary_txt.lang = Some(a.lang.code());
    }
    Card {
        kind: ctx.t("search-type-article"),
        url: ctx.url(&format!("/articles/{}", a.id)),
        name: title_txt(a, ctx.lang),
        organization: (!names.is_empty()).then(|| names.join(", ")),
        place: None,
        summary: summary_txt,
        tags,
        fresh: None,
        print: vec![
            ("articles-field-kind", kind_label(ctx, a.kind)),
            (
                "articles-field-updated",
                date(ctx.lang, a.updated_at.date()),
            ),
        ],
    }
}

/// Cards of these articles with their authors' names (one query).
pub async fn article_cards(
    st: &AppState,
    ctx: &Ctx,
    articles: &[Article],
) -> PageResult<Vec<Card>> {
    let mut ids: Vec<OrganizationId> = articles.iter().flat_map(|a| a.authors.clone()).collect();
    ids.sort();
    ids.dedup();
    let names: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&ids)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    Ok(articles
        .iter()
        .map(|a| article_card(ctx, a, &names))
        .collect())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    kind: String,
    topic: String,
    target_group: String,
    organization: String,
    page: String,
}

#[derive(Template)]
#[template(path = "articles/list.html")]
struct ListPage {
    ctx: Ctx,
    title: String,
    total: String,
    cards: Vec<Card>,
    pager: Pager,
    kind: Field,
    topic: Field,
    target_group: Field,
    organization: Option<(String, String)>,
    errors: Vec<(String, String)>,
}

fn with_any(ctx: &Ctx, all: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut o = vec![(String::new(), ctx.t("articles-filter-any"))];
    o.extend(all);
    o
}

fn kind_options(ctx: &Ctx) -> Vec<(String, String)> {
    ArticleKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), kind_label(ctx, *k)))
        .collect()
}

/// The list's filters: the query, or what is wrong with it (field, translation key).
fn filters(q: &ListQuery) -> (ArticleQuery, Vec<(&'static str, &'static str)>) {
    use crate::refdata::REF;
    let mut aq = ArticleQuery::default();
    let mut errors = Vec::new();
    let kind = q.kind.trim();
    if !kind.is_empty() {
        match ArticleKind::parse(kind) {
            Some(k) => aq.kind = Some(k),
            None => errors.push(("kind", "articles-error-filter")),
        }
    }
    let topic = q.topic.trim();
    if !topic.is_empty() {
        match REF.taxonomies.topic(topic) {
            Some(_) => aq.topic = Some(topic.to_string()),
            None => errors.push(("topic", "articles-error-filter")),
        }
    }
    let tg = q.target_group.trim();
    if !tg.is_empty() {
        match REF.taxonomies.target_group(tg) {
            Some(_) => aq.target_group = Some(tg.to_string()),
            None => errors.push(("target_group", "articles-error-filter")),
        }
    }
    if !q.organization.trim().is_empty() {
        aq.author = OrganizationId::parse(&q.organization);
        if aq.author.is_none() {
            errors.push(("organization", "articles-error-filter"));
        }
    }
    (aq, errors)
}

/// `GET /{lang}/articles`
pub async fn list(
    ctx: Ctx,
    State(st): State<AppState>,
    PageQuery(q): PageQuery<ListQuery>,
) -> PageResult {
    let (mut aq, errors) = filters(&q);
    let errors: Vec<(&str, String)> = errors.into_iter().map(|(f, k)| (f, ctx.t(k))).collect();
    let request = PageRequest::new(q.page.trim().parse().unwrap_or(1), PER_PAGE);
    let mut page = Page {
        items: Vec::new(),
        total: 0,
        request,
    };
    if errors.is_empty() {
        aq.limit = PER_PAGE;
        aq.offset = (request.page.saturating_sub(1)).saturating_mul(PER_PAGE);
        page.total = st.store.count_articles(&aq).await?;
        page.items = st.store.articles(&aq).await?;
    }
    let organization = super::filter_organization(&st.store, aq.author).await?;
    let kind = Field::new(&ctx, "articles-filter", "kind", "select")
        .options(String::new(), with_any(&ctx, kind_options(&ctx)))
        .value(&q.kind)
        .error_from(&errors);
    let topic = Field::new(&ctx, "articles-filter", "topic", "select")
        .options(
            String::new(),
            with_any(&ctx, super::records::topic_options(&ctx)),
        )
        .value(&q.topic)
        .error_from(&errors);
    let target_group = Field::new(&ctx, "articles-filter", "target_group", "select")
        .options(
            String::new(),
            with_any(&ctx, super::records::target_group_options(&ctx)),
        )
        .value(&q.target_group)
        .error_from(&errors);
    let summary = form::summary(&[&kind, &topic, &target_group]);
    let failed = !summary.is_empty() || errors.iter().any(|(f, _)| *f == "organization");
    let query = [
        ("kind", q.kind.clone()),
        ("topic", q.topic.clone()),
        ("target_group", q.target_group.clone()),
        ("organization", q.organization.clone()),
    ];
    let pager = Pager::new(&ctx, "/articles", &query, &page);
    let cards = article_cards(&st, &ctx, &page.items).await?;
    let lang = ctx.lang;
    let list = ListPage {
        title: ctx.t("articles-title"),
        total: ctx.tn("articles-count", page.total),
        cards,
        pager,
        kind,
        topic,
        target_group,
        organization,
        errors: summary,
        ctx,
    };
    Ok(render_form(&list, lang, failed))
}

#[derive(Template)]
#[template(path = "articles/show.html")]
struct ShowPage {
    ctx: Ctx,
    title: String,
    article_lang: &'static str,
    notice: Option<Notice>,
    edit_url: Option<String>,
    history_url: String,
    meta: String,
    body_html: String,
    authors: Vec<(String, String)>,
    licence: (String, &'static str),
    topics: Vec<String>,
    target_groups: Vec<String>,
    related: Vec<Card>,
    services: Vec<Card>,
    attachments: super::attachments::AttachmentsBlock,
    errors: Vec<(String, String)>,
    json_ld: String,
}

async fn found(st: &AppState, id: &str) -> PageResult<Article> {
    let id = ArticleId::parse(id).ok_or_else(PageError::not_found)?;
    st.store.article(id).await?.ok_or_else(PageError::not_found)
}

/// `GET /{lang}/articles/{id}`
pub async fn show(
    ctx: Ctx,
    State(st): State<AppState>,
    PathId(id): PathId,
    PageQuery(q): PageQuery<DoneQuery>,
) -> PageResult {
    let a = found(&st, &id).await?;
    let notice = match q.done.as_deref() {
        Some("saved") => Some(Notice::success(ctx.t("articles-saved"))),
        _ => None,
    };
    let files = super::attachments::notice_of(&ctx, q.done.as_deref());
    show_page(&st, ctx, &a, notice, files, "", &[]).await
}

/// Services that share the article's topics: a few of each topic, at most six.
async fn related_services(st: &AppState, ctx: &Ctx, a: &Article) -> PageResult<Vec<Card>> {
    let mut services = Vec::new();
    for t in a.topics.iter().take(4) {
        let page = st
            .store
            .services(
                &crate::store::ServiceFilter {
                    term: Some(crate::store::TermRef {
                        taxonomy: "topic",
                        term: t.clone(),
                    }),
                    ..Default::default()
                },
                PageRequest::new(1, 3),
            )
            .await?;
        for s in page.items {
            if services.len() < 6
                && !services
                    .iter()
                    .any(|x: &crate::domain::Service| x.id == s.id)
            {
                services.push(s);
            }
        }
    }
    let lookup = super::cards::CardLookup::new(&st.store, ctx.lang);
    lookup.service_cards(ctx, &services).await
}

async fn show_page(
    st: &AppState,
    ctx: Ctx,
    a: &Article,
    notice: Option<Notice>,
    files_notice: Option<Notice>,
    typed: &str,
    errors: &[(&'static str, String)],
) -> PageResult {
    let editor = ctx
        .user
        .as_ref()
        .is_some_and(|u| may_edit(u, a))
        .then(|| format!("/articles/{}", a.id));
    let attachments = super::attachments::block(
        st,
        &ctx,
        &crate::domain::files::owner_of_article(a.id),
        editor.as_deref(),
        typed,
        errors,
    )
    .await?;
    let mut attachments = attachments;
    attachments.notice = files_notice;
    // In the article's order: the first keeps it.
    let found = st.store.organizations_by_id(&a.authors).await?;
    let authors: Vec<(String, String)> = a
        .authors
        .iter()
        .filter_map(|id| found.iter().find(|o| o.id == *id))
        .map(|o| (o.name.clone(), ctx.url(&format!("/organizations/{}", o.id))))
        .collect();
    let related = if a.topics.is_empty() {
        Vec::new()
    } else {
        let articles = st
            .store
            .articles(&ArticleQuery {
                any_topic: a.topics.clone(),
                except: Some(a.id),
                limit: 5,
                ..Default::default()
            })
            .await?;
        article_cards(st, &ctx, &articles).await?
    };
    let services = related_services(st, &ctx, a).await?;
    let lang = ctx.lang;
    let url = format!(
        "{}{}",
        st.config.public_url().trim_end_matches('/'),
        ctx.url(&format!("/articles/{}", a.id))
    );
    let json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": a.title,
        "inLanguage": a.lang.code(),
        "url": url,
        "dateCreated": a.created_at.date().to_string(),
        "dateModified": a.updated_at.date().to_string(),
        "license": licence_url(&a.licence),
        "author": authors.iter().map(|(n, _)| serde_json::json!({"@type": "Organization", "name": n})).collect::<Vec<_>>(),
    });
    let page = ShowPage {
        title: a.title.clone(),
        article_lang: a.lang.code(),
        notice,
        edit_url: editor.as_ref().map(|b| ctx.url(&format!("{b}/edit"))),
        history_url: ctx.url(&format!("/articles/{}/history", a.id)),
        meta: format!(
            "{} · {} · {}",
            kind_label(&ctx, a.kind),
            lang_label(&ctx, a.lang),
            ctx.t_arg("articles-updated", "date", &date(lang, a.updated_at.date()))
        ),
        body_html: crate::domain::markdown::to_html(&a.body),
        authors,
        licence: (ctx.t(&licence_key(&a.licence)), licence_url(&a.licence)),
        topics: term_labels(&a.topics, super::topic_term, lang),
        target_groups: term_labels(&a.target_groups, super::target_group_term, lang),
        related,
        services,
        attachments,
        errors: errors
            .iter()
            .map(|(f, e)| (f.to_string(), e.clone()))
            .collect(),
        json_ld: super::json_ld(&json_ld),
        ctx,
    };
    Ok(render_form(&page, lang, !errors.is_empty()))
}

/// One version on the history page.
pub struct VersionRow {
    pub version: u32,
    pub when: String,
    pub who: String,
    pub note: String,
    pub title_change: Option<(String, String)>,
    /// The diff against the version before: (`+`, `-`, ` ` or `…` for a gap, the line).
    pub lines: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "articles/history.html")]
struct HistoryPage {
    ctx: Ctx,
    title: String,
    article_url: String,
    versions: Vec<VersionRow>,
}

/// `GET /{lang}/articles/{id}/history`: every version, newest first, with what it changed.
/// Who changed it is the organization they acted for, never a person's name.
pub async fn history(ctx: Ctx, State(st): State<AppState>, PathId(id): PathId) -> PageResult {
    let a = found(&st, &id).await?;
    let versions = st.store.article_versions(a.id).await?;
    let mut orgs: Vec<OrganizationId> = versions.iter().filter_map(|v| v.changed_for).collect();
    orgs.sort();
    orgs.dedup();
    let names: HashMap<OrganizationId, String> = st
        .store
        .organizations_by_id(&orgs)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let lang = ctx.lang;
    // The latest twenty versions (each with its diff); older ones stay in the store.
    let rows = versions
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, v)| {
            let before = versions.get(i + 1);
            let old = before.map_or("", |b| b.body.as_str());
            let lines = with_context(diff_lines(old, &v.body), 3)
                .into_iter()
                .map(|l| match l {
                    None => ("…", String::new()),
                    Some(DiffLine::Added(s)) => ("+", s),
                    Some(DiffLine::Removed(s)) => ("-", s),
                    Some(DiffLine::Same(s)) => (" ", s),
                })
                .collect();
            VersionRow {
                version: v.version,
                when: crate::domain::helsinki::format(v.changed_at),
                who: v
                    .changed_for
                    .and_then(|o| names.get(&o).cloned())
                    .unwrap_or_else(|| ctx.t("articles-history-someone")),
                note: v.note.clone(),
                title_change: before
                    .filter(|b| b.title != v.title)
                    .map(|b| (b.title.clone(), v.title.clone())),
                lines,
            }
        })
        .collect();
    let page = HistoryPage {
        title: ctx.t_arg("articles-history-title", "title", &a.title),
        article_url: ctx.url(&format!("/articles/{}", a.id)),
        versions: rows,
        ctx,
    };
    super::render(&page, lang)
}

// ---- Writing and changing ----

#[derive(Template)]
#[template(path = "articles/edit.html")]
struct EditPage {
    ctx: Ctx,
    title: String,
    back_url: String,
    action: String,
    delete_url: Option<String>,
    version: u32,
    errors: Vec<(String, String)>,
    fields: Vec<Field>,
    topics: Choices,
    target_groups: Choices,
    more: Vec<Field>,
}

/// What the form sent, with the version the editor opened.
fn read_form(body: &[u8]) -> (ArticleInput, u32) {
    let mut f = ArticleInput::default();
    let mut version = 0;
    for (k, v) in form::pairs(body) {
        match k.as_str() {
            "title" => f.title = v,
            "body" => f.body = v,
            "kind" => f.kind = v,
            "lang" => f.lang = v,
            "licence" => f.licence = v,
            "topics" => f.topics.push(v),
            "target_groups" => f.target_groups.push(v),
            "note" => f.note = v,
            "version" => version = v.trim().parse().unwrap_or(0),
            _ => {}
        }
    }
    (f, version)
}

fn input_of(a: &Article) -> ArticleInput {
    ArticleInput {
        title: a.title.clone(),
        body: a.body.clone(),
        kind: a.kind.as_str().into(),
        lang: a.lang.code().into(),
        licence: a.licence.clone(),
        topics: a.topics.clone(),
        target_groups: a.target_groups.clone(),
        note: String::new(),
    }
}

fn translated(ctx: &Ctx, errors: &[InputError]) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for (field, key, value) in errors {
        if !out.iter().any(|(f, _)| f == field) {
            out.push((field, ctx.t_arg(key, "value", value)));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn edit_page(
    ctx: Ctx,
    author: OrganizationId,
    existing: Option<&Article>,
    f: &ArticleInput,
    version: u32,
    errors: &[(&'static str, String)],
    conflict: bool,
) -> Response {
    let field = |name: &'static str, kind: &'static str, max: usize| {
        Field::new(&ctx, "articles", name, kind)
            .value(match name {
                "title" => &f.title,
                "body" => &f.body,
                "note" => &f.note,
                "kind" => &f.kind,
                "lang" => &f.lang,
                _ => &f.licence,
            })
            .max_chars(max)
            .error_from(errors)
    };
    let langs = Lang::ALL
        .iter()
        .map(|l| (l.code().to_string(), lang_label(&ctx, *l)))
        .collect();
    let licences = LICENCES
        .iter()
        .map(|l| {
            (
                l.to_string(),
                ctx.t(&format!("articles-licence-{}", l.to_lowercase())),
            )
        })
        .collect();
    let fields = vec![
        field("title", "text", MAX_TITLE_CHARS).required(),
        field("kind", "select", 40)
            .options(String::new(), kind_options(&ctx))
            .required(),
        field("lang", "select", 2)
            .options(String::new(), langs)
            .required(),
        field("body", "textarea", MAX_BODY_CHARS).required(),
    ];
    let topics = Choices::new(
        &ctx,
        "articles",
        "topics",
        super::records::topic_options(&ctx),
        &f.topics,
    )
    .error_from(errors);
    let target_groups = Choices::new(
        &ctx,
        "articles",
        "target_groups",
        super::records::target_group_options(&ctx),
        &f.target_groups,
    )
    .error_from(errors);
    let more = vec![
        field("licence", "select", 20).options(String::new(), licences),
        field("note", "text", MAX_NOTE_CHARS),
    ];
    let all: Vec<&Field> = fields.iter().chain(&more).collect();
    let mut summary = form::summary(&all);
    for c in [&topics, &target_groups] {
        if let Some(e) = &c.error {
            summary.push((c.first_id(), e.clone()));
        }
    }
    if conflict {
        summary.insert(0, ("body".to_string(), ctx.t("articles-error-conflict")));
    }
    let failed = !summary.is_empty();
    let (title, back_url, action, delete_url) = match existing {
        Some(a) => (
            ctx.t("articles-edit-title"),
            ctx.url(&format!("/articles/{}", a.id)),
            ctx.url(&format!("/articles/{}/edit", a.id)),
            Some(ctx.url(&format!("/articles/{}/delete", a.id))),
        ),
        None => (
            ctx.t("articles-new-title"),
            ctx.url(&format!("/organizations/{author}/manage")),
            ctx.url(&format!("/organizations/{author}/articles/new")),
            None,
        ),
    };
    let lang = ctx.lang;
    let page = EditPage {
        title,
        back_url,
        action,
        delete_url,
        version,
        errors: summary,
        fields,
        topics,
        target_groups,
        more,
        ctx,
    };
    let mut res = super::render_form(&page, lang, failed);
    if conflict {
        *res.status_mut() = axum::http::StatusCode::CONFLICT;
    }
    res
}

/// The organization a new article is written for, when this account may.
fn author_of(user: &crate::accounts::User, id: &str) -> PageResult<OrganizationId> {
    let org = OrganizationId::parse(id).ok_or_else(PageError::not_found)?;
    if !may_write_for(user, org) {
        return Err(PageError::forbidden());
    }
    Ok(org)
}

/// An article this account may change, and the organization they act for (one of its
/// authors: their own, else the first).
async fn editable(
    st: &AppState,
    user: &crate::accounts::User,
    id: &str,
) -> PageResult<(Article, OrganizationId)> {
    let a = found(st, id).await?;
    if !may_edit(user, &a) {
        return Err(PageError::forbidden());
    }
    let acting = user
        .organization_id
        .filter(|o| a.authors.contains(o))
        .or_else(|| a.authors.first().copied())
        .ok_or_else(PageError::forbidden)?;
    Ok((a, acting))
}

pub async fn new_form(SignedIn(user, _): SignedIn, ctx: Ctx, PathId(id): PathId) -> PageResult {
    let author = author_of(&user, &id)?;
    let f = ArticleInput {
        lang: ctx.lang.code().into(),
        licence: LICENCES[0].into(),
        ..Default::default()
    };
    Ok(edit_page(ctx, author, None, &f, 0, &[], false))
}

pub async fn create(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let author = author_of(&user, &id)?;
    st.store
        .organization(author)
        .await?
        .ok_or_else(PageError::not_found)?;
    let (f, _) = read_form(&body);
    let checked = match check(&f) {
        Ok(c) => c,
        Err(e) => {
            let errors = translated(&ctx, &e);
            return Ok(edit_page(ctx, author, None, &f, 0, &errors, false));
        }
    };
    let now = time::OffsetDateTime::now_utc();
    let (a, v) = next(None, checked, author, Some(user.id), now);
    crate::services::articles::save(st.store.as_ref(), &a, &v).await?;
    Ok(see_other(
        &ctx.url(&format!("/articles/{}?done=saved", a.id)),
        [],
    ))
}

pub async fn edit_form(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let (a, acting) = editable(&st, &user, &id).await?;
    Ok(edit_page(
        ctx,
        acting,
        Some(&a),
        &input_of(&a),
        a.version,
        &[],
        false,
    ))
}

pub async fn update(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let (a, acting) = editable(&st, &user, &id).await?;
    let (f, opened) = read_form(&body);
    let checked = match check(&f) {
        Ok(c) => c,
        Err(e) => {
            let errors = translated(&ctx, &e);
            return Ok(edit_page(ctx, acting, Some(&a), &f, opened, &errors, false));
        }
    };
    // Someone saved a newer version since this form was opened: nothing is overwritten; the
    // text comes back with a way to see what changed.
    if opened != a.version {
        return Ok(edit_page(ctx, acting, Some(&a), &f, a.version, &[], true));
    }
    let (changed, v) = next(
        Some(&a),
        checked,
        acting,
        Some(user.id),
        time::OffsetDateTime::now_utc(),
    );
    match crate::services::articles::save(st.store.as_ref(), &changed, &v).await? {
        SaveOutcome::Saved => Ok(see_other(
            &ctx.url(&format!("/articles/{}?done=saved", a.id)),
            [],
        )),
        SaveOutcome::Conflict { now } => Ok(edit_page(ctx, acting, Some(&a), &f, now, &[], true)),
    }
}

/// `POST /{lang}/articles/{id}/delete`
pub async fn delete(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
) -> PageResult {
    let (a, acting) = editable(&st, &user, &id).await?;
    // Only the first author, who keeps it, removes it with its history.
    if !a
        .authors
        .first()
        .is_some_and(|o| crate::manage::may(&user, *o, crate::manage::Action::EditRecords))
    {
        return Err(PageError::forbidden());
    }
    crate::services::articles::delete(st.store.as_ref(), a.id).await?;
    Ok(see_other(
        &ctx.url(&format!(
            "/organizations/{acting}/manage?done=article-deleted"
        )),
        [],
    ))
}

/// `POST /{lang}/articles/{id}/attachments` (multipart: `csrf`, `title`, `file`).
pub async fn add_attachment(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Result<Multipart, MultipartRejection>,
) -> PageResult {
    let (a, _) = editable(&st, &user, &id).await?;
    let record = crate::services::attachments::Record::Article(a.id);
    let page = format!("/articles/{}", a.id);
    match super::attachments::receive(&st, &ctx, &user, record, &page, body).await? {
        Ok(to) => Ok(see_other(&to, [])),
        Err((title, errors)) => show_page(&st, ctx, &a, None, None, &title, &errors).await,
    }
}

/// `POST /{lang}/articles/{id}/attachments/delete` (form: `csrf`, `id`).
pub async fn delete_attachment(
    State(st): State<AppState>,
    SignedIn(user, _): SignedIn,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let (a, _) = editable(&st, &user, &id).await?;
    let record = crate::services::attachments::Record::Article(a.id);
    let page = format!("/articles/{}", a.id);
    let to = super::attachments::remove(&st, &ctx, record, &page, &body).await?;
    Ok(see_other(&to, []))
}
