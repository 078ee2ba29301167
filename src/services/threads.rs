//! Conversations between a person and an organization as use cases: "I'm interested", an
//! organization writing from the talent pool, a reply and a new status. Each writes the
//! thread or message and the e-mail notices to the other side in one transaction. Messages
//! stay on the platform: a notice only says that there is something new, with a link.

use crate::domain::accounts::{Role, User};
use crate::domain::mail::OutgoingMail;
use crate::domain::people::{Message, Side, Thread, ThreadStatus};
use crate::domain::{Lang, Opportunity, OpportunityId, OrganizationId, ThreadId, UserId};
use crate::i18n::{t, t_args};
use crate::people::message_body;
use crate::store::{DynStore, StoreResult};
use time::{Date, OffsetDateTime};

/// How notices are written: links to the site's public address; to the person in the
/// language of the page they were sent from (an organization's accounts keep no language, so
/// theirs are in Finnish).
pub struct Notices {
    pub public_url: String,
    pub lang: Lang,
}

impl Notices {
    fn link(&self, lang: Lang, id: ThreadId) -> String {
        format!(
            "{}/{}/threads/{}",
            self.public_url.trim_end_matches('/'),
            lang,
            id
        )
    }

    /// "Something new", with a link, to everyone acting for an organization (in Finnish:
    /// an organization's accounts keep no language), except those told already (`told`).
    async fn to_organization(
        &self,
        store: &DynStore,
        organization: OrganizationId,
        subject_key: &str,
        thread: ThreadId,
        told: Option<OffsetDateTime>,
    ) -> StoreResult<Vec<OutgoingMail>> {
        let link = self.link(Lang::Fi, thread);
        let mut mails = Vec::new();
        for u in store.users_of_organization(organization).await? {
            if u.disabled_at.is_none() && !already_told(store, thread, u.id, told).await? {
                mails.push(notice_mail(u.email.as_str(), Lang::Fi, subject_key, &link));
            }
        }
        Ok(mails)
    }

    /// The same to the person of a thread, unless their account is gone or disabled.
    async fn to_person(
        &self,
        store: &DynStore,
        person: Option<UserId>,
        subject_key: &str,
        thread: ThreadId,
        told: Option<OffsetDateTime>,
    ) -> StoreResult<Vec<OutgoingMail>> {
        let lang = self.lang;
        let Some(person) = person else {
            return Ok(Vec::new());
        };
        if already_told(store, thread, person, told).await? {
            return Ok(Vec::new());
        }
        let link = self.link(lang, thread);
        Ok(store
            .user_by_id(person)
            .await?
            .filter(|u| u.disabled_at.is_none())
            .map(|u| notice_mail(u.email.as_str(), lang, subject_key, &link))
            .into_iter()
            .collect())
    }
}

/// Whether an account was told of a message at `told` and has not read the thread since:
/// its notice is still waiting, so ten replies in a row make one e-mail, not ten.
async fn already_told(
    store: &DynStore,
    thread: ThreadId,
    user: UserId,
    told: Option<OffsetDateTime>,
) -> StoreResult<bool> {
    let Some(told) = told else {
        return Ok(false);
    };
    Ok(store
        .thread_read_at(thread, user)
        .await?
        .is_none_or(|read| read < told))
}

fn notice_mail(to: &str, lang: Lang, subject_key: &str, link: &str) -> OutgoingMail {
    OutgoingMail::new(
        to,
        t(lang, subject_key),
        t_args(
            lang,
            "thread-mail-body",
            &[("link", link.to_string().into())],
        ),
    )
}

fn message(
    thread: ThreadId,
    from_person: bool,
    author: UserId,
    body: String,
    at: OffsetDateTime,
) -> Message {
    Message {
        id: uuid::Uuid::new_v4().to_string(),
        thread_id: thread,
        from_person,
        author_id: Some(author),
        body,
        created_at: at,
    }
}

/// What came of "I'm interested".
#[derive(Debug, PartialEq, Eq)]
pub enum Interest {
    /// A thread started now (or by the same person's request a moment earlier).
    Started(ThreadId),
    /// The person had a thread about this place already.
    Existing(ThreadId),
    /// The person had a thread about this place already; the message went into it.
    AddedTo(ThreadId),
    /// Only a job seeker's account shows interest.
    NotAJobSeeker,
    /// The place is not open, or its apply-by date has passed.
    Closed,
    /// The message is not acceptable: the translation key of why.
    BadMessage(&'static str),
    /// The thread was not made, and none is there (it went as it came).
    Missing,
}

/// "I'm interested" in a place, with an optional message: the organization gets the
/// person's profile as they saved it (nothing when they have none) and a notice.
pub async fn interest(
    store: &DynStore,
    notices: &Notices,
    user: &User,
    place: &Opportunity,
    text: &str,
    today: Date,
    now: OffsetDateTime,
) -> StoreResult<Interest> {
    // The message, if any, checked the same way for a new conversation and an existing one.
    let text = text.trim();
    let body = || match text {
        "" => Ok(None),
        t => message_body(t).map(Some),
    };
    if let Some(t) = store.thread_about(user.id, place.id).await? {
        // "I'm interested" again, with words: they go into the conversation, not lost.
        return Ok(match body() {
            Ok(None) => Interest::Existing(t.id),
            Ok(Some(b)) => {
                reply(store, notices, &t, Side::Person, user.id, b, now).await?;
                Interest::AddedTo(t.id)
            }
            Err(key) => Interest::BadMessage(key),
        });
    }
    if user.role != Role::JobSeeker {
        return Ok(Interest::NotAJobSeeker);
    }
    if !place.is_open_on(today) {
        return Ok(Interest::Closed);
    }
    let first = match body() {
        Ok(first) => first,
        Err(key) => return Ok(Interest::BadMessage(key)),
    };
    let thread = Thread {
        id: ThreadId::new(),
        person_id: Some(user.id),
        organization_id: place.organization_id,
        opportunity_id: Some(place.id),
        started_by: Side::Person,
        status: ThreadStatus::New,
        shared_profile: store.profile(user.id).await?,
        created_at: now,
        updated_at: now,
    };
    let first = first.map(|body| message(thread.id, true, user.id, body, now));
    let notify = notices
        .to_organization(
            store,
            place.organization_id,
            "thread-mail-interest",
            thread.id,
            None,
        )
        .await?;
    if store
        .create_thread(&thread, first.as_ref(), &notify)
        .await?
    {
        return Ok(Interest::Started(thread.id));
    }
    // Sent twice at once: the other request made it.
    Ok(match store.thread_about(user.id, place.id).await? {
        Some(t) => Interest::Started(t.id),
        None => Interest::Missing,
    })
}

/// An organization writes first to a person from the talent pool, about a place of its own
/// or none. The thread, or the one the organization already has with the person about that
/// place; `None` when neither exists (a thread about no place was refused).
#[allow(clippy::too_many_arguments)]
pub async fn contact(
    store: &DynStore,
    notices: &Notices,
    author: &User,
    organization: OrganizationId,
    person: UserId,
    place: Option<OpportunityId>,
    body: String,
    now: OffsetDateTime,
) -> StoreResult<Option<ThreadId>> {
    // A conversation the organization has with the person about the same place (or about
    // none) goes on: the message is a reply there, so writing again and again does not make
    // a thread and an e-mail each time.
    let existing = store
        .threads_of_person(person)
        .await?
        .into_iter()
        .find(|t| t.organization_id == organization && t.opportunity_id == place);
    if let Some(t) = existing {
        reply(store, notices, &t, Side::Organization, author.id, body, now).await?;
        return Ok(Some(t.id));
    }
    let thread = Thread {
        id: ThreadId::new(),
        person_id: Some(person),
        organization_id: organization,
        opportunity_id: place,
        started_by: Side::Organization,
        status: ThreadStatus::Contacted,
        shared_profile: None,
        created_at: now,
        updated_at: now,
    };
    let first = message(thread.id, false, author.id, body, now);
    let notify = notices
        .to_person(store, Some(person), "thread-mail-message", thread.id, None)
        .await?;
    if store.create_thread(&thread, Some(&first), &notify).await? {
        return Ok(Some(thread.id));
    }
    let Some(place) = place else {
        return Ok(None);
    };
    Ok(store
        .thread_about(person, place)
        .await?
        .filter(|t| t.organization_id == organization)
        .map(|t| t.id))
}

/// A reply in a thread by one side; the other side gets a notice, unless one about this
/// side's previous message is still unread.
pub async fn reply(
    store: &DynStore,
    notices: &Notices,
    thread: &Thread,
    side: Side,
    author: UserId,
    body: String,
    now: OffsetDateTime,
) -> StoreResult<()> {
    let from_person = side == Side::Person;
    // This side's previous message: whoever has not read the thread since was told then.
    let told = store
        .messages(thread.id)
        .await?
        .iter()
        .rev()
        .find(|m| m.from_person == from_person)
        .map(|m| m.created_at);
    let m = message(thread.id, from_person, author, body, now);
    let notify = match side {
        Side::Person => {
            notices
                .to_organization(
                    store,
                    thread.organization_id,
                    "thread-mail-message",
                    thread.id,
                    told,
                )
                .await?
        }
        Side::Organization => {
            notices
                .to_person(
                    store,
                    thread.person_id,
                    "thread-mail-message",
                    thread.id,
                    told,
                )
                .await?
        }
    };
    store.add_message(&m, &notify).await
}

/// The organization marks where an interest stands; the person gets a notice.
pub async fn set_status(
    store: &DynStore,
    notices: &Notices,
    thread: &Thread,
    status: ThreadStatus,
    now: OffsetDateTime,
) -> StoreResult<()> {
    // Whoever has not read the thread since its last change was told of that change: one
    // notice for several changes in a row.
    let notify = notices
        .to_person(
            store,
            thread.person_id,
            "thread-mail-status",
            thread.id,
            Some(thread.updated_at),
        )
        .await?;
    store
        .set_thread_status(thread.id, status, now, &notify)
        .await
}
