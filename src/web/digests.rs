//! A network's digest from the reader's side: subscribing by e-mail (no account needed;
//! confirmed through the link mailed), the subscriber's own page to confirm or unsubscribe
//! with one button, and the same news as an Atom feed.

use super::events::TokenQuery;
use super::form::{self, Field};
use super::respond::{see_other, Notice};
use super::{render, render_form, Ctx, PageQuery, PathId};
use crate::accounts::{throttle, Email};
use crate::domain::mail::OutgoingMail;
use crate::domain::networks::{Network, Subscription};
use crate::domain::{Lang, NetworkId, SubscriptionId};
use crate::error::{PageError, PageResult};
use crate::i18n::t_args;
use crate::services::digests::{self as svc, Digest};
use crate::AppState;
use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use serde::Deserialize;
use time::{Duration, OffsetDateTime};

/// At most this many subscriptions an hour for one address (each sends a message).
const PER_ADDRESS: throttle::Limit = throttle::Limit {
    failures: 5,
    window: Duration::hours(1),
};
/// At most this many an hour from one client.
const PER_CLIENT: throttle::Limit = throttle::Limit {
    failures: 20,
    window: Duration::hours(1),
};
/// The feed carries what was added in this long.
const FEED_WINDOW: Duration = Duration::days(90);

async fn network_of(st: &AppState, id: &str) -> PageResult<Network> {
    let id = NetworkId::parse(id).ok_or(PageError::not_found())?;
    st.store.network(id).await?.ok_or(PageError::not_found())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SubscribeForm {
    email: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SubscribeQuery {
    done: String,
}

#[derive(Template)]
#[template(path = "networks/subscribe.html")]
struct SubscribePage {
    ctx: Ctx,
    title: String,
    network: String,
    network_url: String,
    feed_url: String,
    notice: Option<Notice>,
    errors: Vec<(String, String)>,
    action: String,
    /// None once the message is sent.
    email: Option<Field>,
}

fn subscribe_page(
    ctx: Ctx,
    n: &Network,
    email: Option<Field>,
    notice: Option<Notice>,
) -> SubscribePage {
    let errors = email
        .as_ref()
        .map(|f| form::summary(&[f]))
        .unwrap_or_default();
    SubscribePage {
        title: ctx.t("digest-subscribe-title"),
        network: n.name.clone(),
        network_url: ctx.url(&format!("/networks/{}", n.id)),
        feed_url: ctx.url(&format!("/networks/{}/feed.atom", n.id)),
        notice,
        errors,
        action: ctx.url(&format!("/networks/{}/subscribe", n.id)),
        email,
        ctx,
    }
}

fn email_field(ctx: &Ctx, value: &str) -> Field {
    Field::new(ctx, "digest", "email", "email")
        .value(value)
        .autocomplete("email")
        .required()
        .max_chars(254)
}

/// `GET /{lang}/networks/{id}/subscribe`.
pub async fn subscribe_form(
    State(st): State<AppState>,
    ctx: Ctx,
    PathId(id): PathId,
    PageQuery(q): PageQuery<SubscribeQuery>,
) -> PageResult {
    let n = network_of(&st, &id).await?;
    let lang = ctx.lang;
    let page = if q.done == "sent" {
        let notice = Notice::success(ctx.t("digest-done-sent"));
        subscribe_page(ctx, &n, None, Some(notice))
    } else {
        let notice =
            (q.done == "throttled").then(|| Notice::warning(ctx.t("digest-done-throttled")));
        let mine = ctx.user.as_ref().map(|u| u.email.as_str().to_string());
        let field = email_field(&ctx, mine.as_deref().unwrap_or(""));
        subscribe_page(ctx, &n, Some(field), notice)
    };
    render(&page, lang)
}

/// The message that asks to confirm (or, for a confirmed address, says it is subscribed),
/// with the subscription's own link.
fn confirm_mail(
    st: &AppState,
    keys: &crate::accounts::keys::Keys,
    n: &Network,
    s: &Subscription,
) -> OutgoingMail {
    let key = if s.confirmed_at.is_some() {
        "already"
    } else {
        "confirm"
    };
    let link = svc::subscription_link(&st.config.public_url(), s.lang, &svc::token(keys, s.id));
    let args = [("network", n.name.clone().into()), ("link", link.into())];
    OutgoingMail::new(
        &s.email,
        t_args(s.lang, &format!("mail-digest-{key}-subject"), &args),
        t_args(s.lang, &format!("mail-digest-{key}-body"), &args),
    )
}

/// `POST /{lang}/networks/{id}/subscribe`: the same answer whether or not the address had
/// subscribed (no one learns who reads what): a new address gets the link to confirm, a known
/// one its own link again.
pub async fn subscribe(
    State(st): State<AppState>,
    viewer: super::auth::Viewer,
    ctx: Ctx,
    PathId(id): PathId,
    body: Bytes,
) -> PageResult {
    let n = network_of(&st, &id).await?;
    let f: SubscribeForm = form::parse(&body);
    let lang = ctx.lang;
    let email = match Email::parse(f.email.trim()) {
        Ok(e) => e.as_str().to_lowercase(),
        Err(_) => {
            let field = email_field(&ctx, &f.email).error(Some(ctx.t("digest-error-email")));
            let page = subscribe_page(ctx, &n, Some(field), None);
            return Ok(render_form(&page, lang, true));
        }
    };
    let now = OffsetDateTime::now_utc();
    let back = |done: &str| ctx.url(&format!("/networks/{}/subscribe?done={done}", n.id));
    let mut limits = vec![(throttle::scoped("digest-subscribe", &email), PER_ADDRESS)];
    if let Some(ip) = viewer.client {
        limits.push((
            throttle::scoped("digest-subscribe-client", &ip.to_string()),
            PER_CLIENT,
        ));
    }
    if throttle::wait(&st.store, &limits, now).await?.is_some() {
        return Ok(see_other(&back("throttled"), []));
    }
    throttle::record_failure(&st.store, &limits, now).await?;
    let keys = st.keys().await?;
    let id = SubscriptionId::new();
    let s = Subscription {
        id,
        network_id: n.id,
        email: email.clone(),
        lang,
        token_hash: crate::services::events::token_hash(&svc::token(keys, id)),
        created_at: now,
        confirmed_at: None,
    };
    if !st
        .store
        .add_subscription(&s, &confirm_mail(&st, keys, &n, &s))
        .await?
    {
        if let Some(old) = st.store.subscription_of(n.id, &email).await? {
            st.store
                .enqueue_mail(&confirm_mail(&st, keys, &n, &old))
                .await?;
        }
    }
    Ok(see_other(&back("sent"), []))
}

#[derive(Template)]
#[template(path = "networks/subscription.html")]
struct SubscriptionPage {
    ctx: Ctx,
    title: String,
    notice: Option<Notice>,
    /// (network, its page, confirmed, token).
    found: Option<(String, String, bool, String)>,
    action: String,
}

async fn subscription_of_token(
    st: &AppState,
    token: &str,
) -> PageResult<Option<(Subscription, Network)>> {
    let Some(s) = svc::subscription_of_link(&st.store, token).await? else {
        return Ok(None);
    };
    Ok(st.store.network(s.network_id).await?.map(|n| (s, n)))
}

/// `GET /{lang}/networks/subscription?token=…`: the subscriber's own page (a GET changes
/// nothing: mail scanners open links).
pub async fn subscription(
    State(st): State<AppState>,
    ctx: Ctx,
    PageQuery(q): PageQuery<TokenQuery>,
) -> PageResult {
    let found = subscription_of_token(&st, &q.token).await?;
    let notice = match q.done.as_str() {
        "confirmed" | "unsubscribed" => {
            Some(Notice::success(ctx.t(&format!("digest-done-{}", q.done))))
        }
        _ => None,
    };
    let lang = ctx.lang;
    let gone = found.is_none() && q.done != "unsubscribed";
    let page = SubscriptionPage {
        title: ctx.t("digest-subscription-title"),
        notice,
        found: found.map(|(s, n)| {
            (
                n.name.clone(),
                ctx.url(&format!("/networks/{}", n.id)),
                s.confirmed_at.is_some(),
                q.token.trim().to_string(),
            )
        }),
        action: ctx.url("/networks/subscription"),
        ctx,
    };
    let status = if gone {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    Ok(super::respond::with_status(render(&page, lang), status))
}

/// `POST /{lang}/networks/subscription`: confirm, or unsubscribe.
pub async fn subscription_act(State(st): State<AppState>, ctx: Ctx, body: Bytes) -> PageResult {
    let f: TokenQuery = form::parse(&body);
    let Some((s, _)) = subscription_of_token(&st, &f.token).await? else {
        return Err(PageError::not_found());
    };
    let done = match f.action.as_str() {
        "confirm" => {
            st.store
                .confirm_subscription(s.id, OffsetDateTime::now_utc())
                .await?;
            "confirmed"
        }
        "unsubscribe" => {
            st.store.delete_subscription(s.id).await?;
            "unsubscribed"
        }
        _ => return Err(PageError::bad_request()),
    };
    let query = if done == "unsubscribed" {
        serde_urlencoded::to_string([("done", done)])
    } else {
        serde_urlencoded::to_string([("token", f.token.trim()), ("done", done)])
    };
    Ok(see_other(
        &format!(
            "{}?{}",
            ctx.url("/networks/subscription"),
            query.unwrap_or_default()
        ),
        [],
    ))
}

/// XML text with its five special characters escaped (and the characters XML forbids left
/// out).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // What XML 1.0 does not allow: control characters and the two noncharacters.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The digest's news as an Atom document (RFC 4287): one entry per place, event, project and
/// article.
pub fn atom(d: &Digest, lang: Lang, public_url: &str, self_url: &str) -> String {
    let base = format!("{}/{}", public_url.trim_end_matches('/'), lang);
    let page = format!("{base}/networks/{}", d.network.id);
    let mut entries: Vec<(OffsetDateTime, String)> = Vec::new();
    for p in &d.places {
        let o = &p.opportunity;
        let url = format!("{base}/opportunities/{}", o.id);
        let title = format!("{}: {}", svc::place_kind(o, lang), o.title.text(lang));
        let summary = o.description.text(lang);
        entries.push((
            o.updated_at,
            entry(&url, &title, &p.organization, summary, o.updated_at),
        ));
    }
    for e in &d.events {
        let url = format!("{base}/events/{}", e.id);
        let title = format!(
            "{} {}",
            crate::services::events::when(e.starts_at, e.ends_at),
            e.title
        );
        entries.push((
            e.updated_at,
            entry(&url, &title, &d.organizers(e), &e.description, e.updated_at),
        ));
    }
    for p in &d.projects {
        let url = format!("{base}/projects/{}", p.id);
        entries.push((
            p.updated_at,
            entry(
                &url,
                p.name.text(lang),
                &d.names_of(&[p.lead]),
                p.aims.text(lang),
                p.updated_at,
            ),
        ));
    }
    for a in &d.articles {
        let url = format!("{base}/articles/{}", a.id);
        entries.push((
            a.updated_at,
            entry(
                &url,
                &a.title,
                &d.names_of(&a.authors),
                &crate::domain::markdown::summary(&a.body, 500),
                a.updated_at,
            ),
        ));
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.0));
    let updated = entries
        .first()
        .map(|e| e.0)
        .unwrap_or(d.network.updated_at)
        .max(d.network.updated_at);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&page),
        xml(&d.network.name),
        rfc3339(updated),
        xml(&d.network.name),
        xml(self_url),
        xml(&page),
    ));
    for (_, e) in entries {
        out.push_str(&e);
    }
    out.push_str("</feed>\n");
    out
}

fn entry(url: &str, title: &str, by: &str, summary: &str, updated: OffsetDateTime) -> String {
    let summary: String = summary.chars().take(500).collect();
    format!(
        "<entry>\n<id>{}</id>\n<title>{}</title>\n<updated>{}</updated>\n<author><name>{}</name></author>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<summary>{}</summary>\n</entry>\n",
        xml(url),
        xml(title),
        rfc3339(updated),
        xml(if by.is_empty() { "Kolmonen" } else { by }),
        xml(url),
        xml(&summary),
    )
}

/// `GET /{lang}/networks/{id}/feed.atom`: what the members added in the last 90 days.
pub async fn feed(State(st): State<AppState>, ctx: Ctx, PathId(id): PathId) -> PageResult {
    let n = network_of(&st, &id).await?;
    let now = OffsetDateTime::now_utc();
    let d = svc::build(&st.store, &n, now - FEED_WINDOW, now).await?;
    let public = st.config.public_url();
    let self_url = format!(
        "{}/{}/networks/{}/feed.atom",
        public.trim_end_matches('/'),
        ctx.lang,
        n.id
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        atom(&d, ctx.lang, &public, &self_url),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    #[test]
    fn feed_text_is_always_well_formed_xml() {
        assert_eq!(
            super::xml("a<b>&\"c'\u{0}\u{7}\u{FFFE}\u{FFFF}\td\u{1F600}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\td\u{1F600}"
        );
    }
}
