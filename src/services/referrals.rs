//! Warm hand-over as use cases: recording a client, sending a referral with the consents
//! given for it, moving it on, reading its summary, withdrawing a consent. Each writes its
//! rows, the notices to the other parties (which never carry the contents) and the audit
//! rows in one transaction.

use crate::domain::accounts::{Role, User};
use crate::domain::mail::OutgoingMail;
use crate::domain::referrals::{
    transition, Action, Client, ClientId, Consent, ConsentId, ConsentMethod, Party, Purpose,
    Referral, ReferralEvent, ReferralId, ReferralState, Refusal, CONSENT_MONTHS, FOLLOW_UP_MONTHS,
};
use crate::domain::{Lang, OpportunityId, OrganizationId, ServiceId, UserId};
use crate::i18n::{t, t_args};
use crate::referrals::{acting_party, audit, coach_of, party_of};
use crate::store::{DynStore, NewReferral, ReferralMove, StoreResult};
use crate::vault::DataKeys;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// How notices are written: links to the site's public address, in the language of the
/// page they were sent from for the person (organizations' accounts read Finnish).
pub struct Notices {
    pub public_url: String,
    pub lang: Lang,
}

impl Notices {
    pub fn link(&self, lang: Lang, id: ReferralId) -> String {
        format!(
            "{}/{}/referrals/{}",
            self.public_url.trim_end_matches('/'),
            lang,
            id
        )
    }

    pub fn mail(&self, to: &str, lang: Lang, state: ReferralState, id: ReferralId) -> OutgoingMail {
        OutgoingMail::new(
            to,
            t(lang, &format!("referral-mail-subject-{}", state.as_str())),
            t_args(
                lang,
                if state == ReferralState::Sent {
                    "referral-mail-body-sent"
                } else {
                    "referral-mail-body"
                },
                &[("link", self.link(lang, id).into())],
            ),
        )
    }

    /// A notice of the referral's new state to every party but the one who moved it.
    async fn to_others(
        &self,
        store: &DynStore,
        r: &Referral,
        state: ReferralState,
        mover: Option<Party>,
        client: &Client,
    ) -> StoreResult<Vec<OutgoingMail>> {
        let mut mails = Vec::new();
        let mut orgs = Vec::new();
        if mover != Some(Party::Receiver) {
            orgs.push(r.to_org);
        }
        if let Some(from) = r.from_org.filter(|_| mover != Some(Party::Sender)) {
            if from != r.to_org {
                orgs.push(from);
            }
        }
        for org in orgs {
            for u in org_accounts(store, org).await? {
                mails.push(self.mail(u.email.as_str(), Lang::Fi, state, r.id));
            }
        }
        let person_moved =
            mover == Some(Party::Person) || (mover == Some(Party::Sender) && r.from_org.is_none());
        if !person_moved {
            if let Some(u) = active_account(store, client.user_id).await? {
                mails.push(self.mail(u.email.as_str(), self.lang, state, r.id));
            }
        }
        Ok(mails)
    }
}

/// The accounts acting for an organization, disabled ones left out.
async fn org_accounts(store: &DynStore, org: OrganizationId) -> StoreResult<Vec<User>> {
    let mut users = store.users_of_organization(org).await?;
    users.retain(|u| u.disabled_at.is_none());
    Ok(users)
}

/// An account, when there is one and it is not disabled.
async fn active_account(store: &DynStore, user: Option<UserId>) -> StoreResult<Option<User>> {
    Ok(match user {
        Some(u) => store
            .user_by_id(u)
            .await?
            .filter(|u| u.disabled_at.is_none()),
        None => None,
    })
}

/// Whether the person of a client record has a follow-up consent in force at `now`.
async fn has_follow_up_consent(
    store: &DynStore,
    client: ClientId,
    now: OffsetDateTime,
) -> StoreResult<bool> {
    Ok(store
        .consents_of(&[client])
        .await?
        .iter()
        .any(|c| c.purpose == Purpose::FollowUp && c.in_force(now)))
}

/// The summary a person has seen and approved: what they want, what has been tried, what
/// helps. Sealed as one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub wants: String,
    pub tried: String,
    pub helps: String,
}

/// Longest text of a summary field or the health notes.
pub const MAX_SUMMARY_CHARS: usize = 4000;

/// Where a referral goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Service(ServiceId),
    Opportunity(OpportunityId),
}

impl Target {
    /// `service:ID` or `opportunity:ID`.
    pub fn parse(s: &str) -> Option<Self> {
        let (kind, id) = s.trim().split_once(':')?;
        match kind {
            "service" => ServiceId::parse(id).map(Target::Service),
            "opportunity" => OpportunityId::parse(id).map(Target::Opportunity),
            _ => None,
        }
    }
    pub fn code(self) -> String {
        match self {
            Target::Service(id) => format!("service:{id}"),
            Target::Opportunity(id) => format!("opportunity:{id}"),
        }
    }
    /// The organization that offers it and its kind (`activity`, `work_trial`, …), if it
    /// exists.
    pub async fn organization(
        self,
        store: &DynStore,
    ) -> StoreResult<Option<(OrganizationId, &'static str)>> {
        Ok(match self {
            Target::Service(id) => store
                .service(id)
                .await?
                .map(|s| (s.organization_id, s.kind.as_str())),
            Target::Opportunity(id) => store
                .opportunity(id)
                .await?
                .map(|o| (o.organization_id, o.kind.as_str())),
        })
    }
}

/// A referral as its sender writes it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub client: ClientId,
    pub target: Target,
    pub summary: Summary,
    pub health: Option<String>,
    /// Purposes the person agreed to now (`referral` and `share_summary` are needed;
    /// `share_health` for health notes).
    pub consents: Vec<Purpose>,
}

/// Why a referral was not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// No data key is configured: referrals are off.
    Disabled,
    /// The target does not exist.
    NoTarget,
    /// Not this account's client.
    NotYourClient,
    /// The referral and summary consents are needed.
    NoConsent,
    /// Health notes without the consent for them.
    NoHealthConsent,
    /// A field is too long: its name.
    TooLong(&'static str),
    /// The summary says nothing.
    EmptySummary,
    /// The person already has an open referral (sent, accepted or started) to the same
    /// service or place: that one (a form sent twice, as after Back, makes no second).
    AlreadyOpen(ReferralId),
}

/// The client record a referral is for, if this account may refer them: a coach's own
/// organization's client, or the person's own record.
async fn referable(store: &DynStore, user: &User, client: ClientId) -> StoreResult<Option<Client>> {
    let Some(c) = store.client(client).await? else {
        return Ok(None);
    };
    let ok = match c.organization_id {
        Some(org) => coach_of(user) == Some(org),
        None => user.role == Role::JobSeeker && c.user_id == Some(user.id),
    };
    Ok(ok.then_some(c))
}

/// Consents of the purposes given now for `recipient`, with their current text versions.
async fn consents_now(
    store: &DynStore,
    user: &User,
    client: &Client,
    purposes: &[Purpose],
    recipient: OrganizationId,
    now: OffsetDateTime,
) -> StoreResult<Vec<Consent>> {
    let texts = store.current_consent_texts().await?;
    let method = if client.organization_id.is_none() {
        ConsentMethod::SignedIn
    } else {
        ConsentMethod::InPerson
    };
    Ok(purposes
        .iter()
        .filter_map(|p| texts.iter().find(|t| t.purpose == *p))
        .map(|text| Consent {
            id: ConsentId::new(),
            client_id: client.id,
            purpose: text.purpose,
            text_version: text.version,
            categories: text
                .purpose
                .categories()
                .iter()
                .map(|c| c.to_string())
                .collect(),
            recipient: Some(recipient),
            given_at: now,
            method,
            recorded_by: (method == ConsentMethod::InPerson).then_some(user.id),
            expires_at: now + Duration::days(30 * CONSENT_MONTHS + 5),
            withdrawn_at: None,
            withdrawn_by: None,
        })
        .collect())
}

/// Sends a referral: the consents given now, the sealed summary, the notice to the receiver.
pub async fn send(
    store: &DynStore,
    keys: Option<&DataKeys>,
    notices: &Notices,
    user: &User,
    d: &Draft,
) -> StoreResult<Result<ReferralId, SendError>> {
    let Some(keys) = keys else {
        return Ok(Err(SendError::Disabled));
    };
    for (name, text) in [
        ("wants", &d.summary.wants),
        ("tried", &d.summary.tried),
        ("helps", &d.summary.helps),
    ] {
        if text.chars().count() > MAX_SUMMARY_CHARS {
            return Ok(Err(SendError::TooLong(name)));
        }
    }
    if d.health
        .as_ref()
        .is_some_and(|h| h.chars().count() > MAX_SUMMARY_CHARS)
    {
        return Ok(Err(SendError::TooLong("health")));
    }
    if [&d.summary.wants, &d.summary.tried, &d.summary.helps]
        .iter()
        .all(|t| t.trim().is_empty())
    {
        return Ok(Err(SendError::EmptySummary));
    }
    let Some((to_org, kind)) = d.target.organization(store).await? else {
        return Ok(Err(SendError::NoTarget));
    };
    let Some(client) = referable(store, user, d.client).await? else {
        return Ok(Err(SendError::NotYourClient));
    };
    let same_target = |r: &Referral| match d.target {
        Target::Service(s) => r.service_id == Some(s),
        Target::Opportunity(o) => r.opportunity_id == Some(o),
    };
    if let Some(open) = store
        .referrals_of_clients(&[client.id])
        .await?
        .into_iter()
        .find(|r| same_target(r) && !r.state.is_final())
    {
        return Ok(Err(SendError::AlreadyOpen(open.id)));
    }
    if !(d.consents.contains(&Purpose::Referral) && d.consents.contains(&Purpose::ShareSummary)) {
        return Ok(Err(SendError::NoConsent));
    }
    let health = d.health.as_deref().map(str::trim).filter(|h| !h.is_empty());
    if health.is_some() && !d.consents.contains(&Purpose::ShareHealth) {
        return Ok(Err(SendError::NoHealthConsent));
    }
    let now = crate::domain::micros(OffsetDateTime::now_utc());
    let mut purposes = d.consents.clone();
    if health.is_none() {
        purposes.retain(|p| *p != Purpose::ShareHealth);
    }
    let consents = consents_now(store, user, &client, &purposes, to_org, now).await?;
    let id_of = |p: Purpose| consents.iter().find(|c| c.purpose == p).map(|c| c.id);
    let (Some(consent_id), Some(summary_consent)) =
        (id_of(Purpose::Referral), id_of(Purpose::ShareSummary))
    else {
        return Ok(Err(SendError::NoConsent));
    };
    let from_org = client.organization_id;
    let id = ReferralId::new();
    let r = Referral {
        id,
        client_id: client.id,
        from_org,
        to_org,
        service_id: match d.target {
            Target::Service(s) => Some(s),
            Target::Opportunity(_) => None,
        },
        opportunity_id: match d.target {
            Target::Opportunity(o) => Some(o),
            Target::Service(_) => None,
        },
        state: ReferralState::Sent,
        decline_reason: None,
        outcome: None,
        created_by: Some(user.id),
        created_at: now,
        updated_at: now,
        answered_at: None,
        consent_id,
        has_health: health.is_some(),
    };
    let summary = keys.seal(
        &serde_json::to_string(&d.summary).unwrap_or_default(),
        &format!("referral:{id}:summary"),
    );
    let health_sealed = health.map(|h| keys.seal(h, &format!("referral:{id}:health")));
    let mover = if from_org.is_none() {
        Party::Person
    } else {
        Party::Sender
    };
    let event = ReferralEvent {
        referral_id: id,
        state: ReferralState::Sent,
        detail: None,
        by_party: mover,
        by_user: Some(user.id),
        at: now,
    };
    let notify = notices
        .to_others(store, &r, ReferralState::Sent, Some(mover), &client)
        .await?;
    // The person's municipality: as the organization recorded it, or on their own profile.
    let municipality = match (&client.municipality, client.user_id) {
        (Some(m), _) => Some(m.clone()),
        (None, Some(u)) => store.profile(u).await?.and_then(|p| p.municipality),
        (None, None) => None,
    };
    let statistics = consents
        .iter()
        .find(|c| c.purpose == Purpose::Statistics)
        .map(|c| (c.id, c.expires_at));
    let audit_rows: Vec<_> = consents
        .iter()
        .map(|c| ("consent", ("consent", c.id.to_string())))
        .chain([("referral", ("referral", id.to_string()))])
        .map(|(entity, target)| audit(Some(user), entity, "create", target, Some(client.id), now))
        .collect();
    store
        .create_referral(NewReferral {
            referral: &r,
            consents: &consents,
            kind,
            quarter: &crate::referrals::impact::quarter(now),
            municipality: municipality.as_deref(),
            statistics,
            summary_consent,
            health_consent: id_of(Purpose::ShareHealth).filter(|_| health.is_some()),
            summary_sealed: &summary,
            health_sealed: health_sealed.as_deref(),
            event: &event,
            notify: &notify,
            audit: &audit_rows,
        })
        .await?;
    Ok(Ok(id))
}

/// A referral with its client, if this account is one of its parties.
pub async fn open_as(
    store: &DynStore,
    user: &User,
    id: ReferralId,
) -> StoreResult<Option<(Referral, Client, Party)>> {
    let Some(r) = store.referral(id).await? else {
        return Ok(None);
    };
    let Some(c) = store.client(r.client_id).await? else {
        return Ok(None);
    };
    Ok(party_of(user, &r, &c).map(|p| (r, c, p)))
}

/// Why a move was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveError {
    Refused(Refusal),
    /// Someone moved it first: the page shows the state now.
    Moved,
}

/// Moves a referral on as one of its parties.
pub async fn act(
    store: &DynStore,
    notices: &Notices,
    user: &User,
    (r, client, party): (&Referral, &Client, Party),
    action: Action,
) -> StoreResult<Result<ReferralState, MoveError>> {
    let by = acting_party(party, r);
    let next = match transition(r.state, action, by) {
        Ok(n) => n,
        Err(e) => return Ok(Err(MoveError::Refused(e))),
    };
    let now = crate::domain::micros(OffsetDateTime::now_utc());
    let (decline_reason, outcome) = match action {
        Action::Decline(d) => (Some(d), None),
        Action::Complete(o) => (None, Some(o)),
        _ => (None, None),
    };
    let event = ReferralEvent {
        referral_id: r.id,
        state: next,
        detail: decline_reason
            .map(|d| d.as_str().to_string())
            .or(outcome.map(|o| o.as_str().to_string())),
        by_party: party,
        by_user: Some(user.id),
        at: now,
    };
    let follow_ups: Vec<(i32, OffsetDateTime)> = if next == ReferralState::Completed {
        FOLLOW_UP_MONTHS
            .iter()
            .map(|m| (*m, now + Duration::days(i64::from(*m) * 365 / 12)))
            .collect()
    } else {
        Vec::new()
    };
    let notify = notices
        .to_others(store, r, next, Some(party), client)
        .await?;
    let moved = store
        .move_referral(ReferralMove {
            id: r.id,
            from: r.state,
            event: &event,
            decline_reason,
            outcome,
            follow_ups: &follow_ups,
            notify: &notify,
            audit: &[audit(
                Some(user),
                "referral",
                action.name(),
                ("referral", r.id.to_string()),
                Some(client.id),
                now,
            )],
        })
        .await?;
    Ok(if moved {
        Ok(next)
    } else {
        Err(MoveError::Moved)
    })
}

/// The summary and health notes, opened, for a party of the referral: for the
/// organizations only while the consents they were sent under are in force (the store
/// checks); the person always reads their own. Each read is audited.
pub async fn read_contents(
    store: &DynStore,
    keys: Option<&DataKeys>,
    user: &User,
    (r, client, party): (&Referral, &Client, Party),
) -> StoreResult<Option<(Summary, Option<String>)>> {
    let Some(keys) = keys else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc();
    let row = audit(
        Some(user),
        "referral",
        "read",
        ("referral", r.id.to_string()),
        Some(client.id),
        now,
    );
    let sealed = if party == Party::Person {
        store
            .referral_sealed_for_owner(r.id, &[row])
            .await?
            .map(|(summary, health)| crate::store::SealedContents { summary, health })
    } else {
        store.referral_contents(r.id, now, &[row]).await?
    };
    let Some(sealed) = sealed else {
        // The page is read all the same (its state, the person's name while the referral
        // consent holds): that read is logged too.
        store
            .append_audit(&[audit(
                Some(user),
                "referral",
                "read",
                ("referral", r.id.to_string()),
                Some(client.id),
                now,
            )])
            .await?;
        return Ok(None);
    };
    let summary = keys
        .open(&sealed.summary, &format!("referral:{}:summary", r.id))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok());
    let health = sealed
        .health
        .and_then(|h| keys.open(&h, &format!("referral:{}:health", r.id)).ok());
    Ok(summary.map(|s| (s, health)))
}

/// Withdraws a consent: by the person it is about, or by a coach of the organization that
/// keeps their record (recording what the person said). Open referrals sent under a
/// withdrawn `referral` consent are cancelled, and the parties told.
pub async fn withdraw(
    store: &DynStore,
    notices: &Notices,
    user: &User,
    id: ConsentId,
) -> StoreResult<Option<bool>> {
    let Some(consent) = store.consent(id).await? else {
        return Ok(None);
    };
    let Some(client) = store.client(consent.client_id).await? else {
        return Ok(None);
    };
    let mine = client.user_id == Some(user.id) && user.role == Role::JobSeeker;
    let coach = crate::referrals::may_open_client(user, &client);
    if !(mine || coach) {
        return Ok(None);
    }
    let now = crate::domain::micros(OffsetDateTime::now_utc());
    let done = store
        .withdraw_consent(
            id,
            Some(user.id),
            now,
            &[audit(
                Some(user),
                "consent",
                "withdraw",
                ("consent", id.to_string()),
                Some(client.id),
                now,
            )],
        )
        .await?;
    if done && consent.purpose == Purpose::Referral {
        for r in store.open_referrals_under(id).await? {
            if r.consent_id == id {
                // Cancelled by the person (or for them, by the coach who recorded it).
                act(
                    store,
                    notices,
                    user,
                    (&r, &client, Party::Person),
                    Action::Cancel,
                )
                .await?
                .ok();
            }
        }
    }
    Ok(Some(done))
}

/// Records a client of the coach's organization, with a claim code if asked for.
pub async fn record_client(
    store: &DynStore,
    coach: &User,
    display_name: &str,
    birth_year: Option<i32>,
    municipality: Option<String>,
    with_claim: bool,
) -> StoreResult<Option<(Client, Option<String>)>> {
    let Some(org) = coach_of(coach) else {
        return Ok(None);
    };
    let now = crate::domain::micros(OffsetDateTime::now_utc());
    let c = Client {
        id: ClientId::new(),
        organization_id: Some(org),
        user_id: None,
        display_name: display_name.trim().to_string(),
        birth_year,
        municipality,
        created_by: Some(coach.id),
        created_at: now,
    };
    let claim = with_claim.then(crate::referrals::claim_code);
    let expires = now + Duration::days(crate::referrals::CLAIM_DAYS);
    store
        .create_client(
            &c,
            claim.as_ref().map(|(_, h)| (h.as_str(), expires)),
            &[audit(
                Some(coach),
                "referral",
                "create",
                ("client", c.id.to_string()),
                Some(c.id),
                now,
            )],
        )
        .await?;
    Ok(Some((c, claim.map(|(code, _)| code))))
}

/// A new claim code for a client of the coach's organization not yet claimed.
pub async fn new_claim_code(
    store: &DynStore,
    coach: &User,
    client: &Client,
) -> StoreResult<Option<String>> {
    if !crate::referrals::may_open_client(coach, client) || client.user_id.is_some() {
        return Ok(None);
    }
    let (code, hash) = crate::referrals::claim_code();
    let expires = OffsetDateTime::now_utc() + Duration::days(crate::referrals::CLAIM_DAYS);
    store.set_claim(client.id, &hash, expires).await?;
    Ok(Some(code))
}

/// What came of typing a claim code.
#[derive(Debug, Clone, PartialEq)]
pub enum Claimed {
    Claimed(Client),
    /// No record has this code unexpired and unclaimed.
    Wrong,
    /// Too many wrong codes from this account: try again after this long.
    Throttled(Duration),
    /// Only a job seeker's account takes a record over.
    NotAPerson,
}

/// Wrong claim codes an account may type in an hour (a code has 60 bits: guessing is hopeless
/// anyway, and this keeps it so).
const CLAIM_LIMIT: crate::accounts::throttle::Limit = crate::accounts::throttle::Limit {
    failures: 10,
    window: Duration::hours(1),
};

/// A person takes over the record a claim code names.
pub async fn claim(store: &DynStore, user: &User, code: &str) -> StoreResult<Claimed> {
    use crate::accounts::throttle;
    if user.role != Role::JobSeeker {
        return Ok(Claimed::NotAPerson);
    }
    let now = OffsetDateTime::now_utc();
    let keys = [(throttle::scoped("claim", &user.id.to_string()), CLAIM_LIMIT)];
    if let Some(wait) = throttle::wait(store, &keys, now).await? {
        return Ok(Claimed::Throttled(wait));
    }
    let got = store
        .claim_client(
            &crate::referrals::claim_hash(code),
            user.id,
            now,
            &audit(
                Some(user),
                "referral",
                "claim",
                ("client", String::new()),
                None,
                now,
            ),
        )
        .await?;
    Ok(match got {
        Some(c) => Claimed::Claimed(c),
        None => {
            throttle::record_failure(store, &keys, now).await?;
            Claimed::Wrong
        }
    })
}

/// The person's own record (made on first need) under the name they go by.
pub async fn own_record(store: &DynStore, user: &User, name: &str) -> StoreResult<Client> {
    store
        .own_client(user.id, name, OffsetDateTime::now_utc())
        .await
}

/// What a rotation did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rotation {
    pub resealed: u64,
    pub already: u64,
    /// Values no configured key opens (named by referral id).
    pub unopened: Vec<String>,
}

/// Seals every referral's summary and notes again under the first configured key.
pub async fn rotate_keys(store: &DynStore, keys: &DataKeys) -> StoreResult<Rotation> {
    let mut out = Rotation::default();
    let mut after = None;
    loop {
        let batch = store.sealed_values(after, 500).await?;
        let Some(last) = batch.last() else { break };
        after = Some(last.0);
        for (id, summary, health) in batch {
            if summary.is_empty() {
                // Anonymized by retention: nothing sealed is left.
                out.already += 1;
                continue;
            }
            let s_aad = format!("referral:{id}:summary");
            let h_aad = format!("referral:{id}:health");
            let new_s = keys.reseal(&summary, &s_aad);
            let new_h = health
                .as_deref()
                .map(|h| keys.reseal(h, &h_aad))
                .transpose();
            match (new_s, new_h) {
                (Ok(None), Ok(None | Some(None))) => out.already += 1,
                (Ok(s), Ok(h)) => {
                    let s = s.unwrap_or_else(|| summary.clone());
                    let h = h.map(|h| h.unwrap_or_else(|| health.clone().unwrap_or_default()));
                    if store
                        .reseal(id, (&summary, health.as_deref()), (&s, h.as_deref()))
                        .await?
                    {
                        out.resealed += 1;
                    }
                }
                _ => out.unopened.push(id.to_string()),
            }
        }
    }
    Ok(out)
}

/// Everything of warm hand-over about an account, for its own export: its client records,
/// consents, referrals with their summary and notes opened, steps, follow-ups and the audit
/// rows about it. Reading the sealed texts is audited.
pub async fn export_of(
    store: &DynStore,
    keys: Option<&DataKeys>,
    user: &User,
) -> StoreResult<serde_json::Value> {
    let clients = store.clients_of_user(user.id).await?;
    let ids: Vec<ClientId> = clients.iter().map(|c| c.id).collect();
    let consents = store.consents_of(&ids).await?;
    let referrals = store.referrals_of_clients(&ids).await?;
    let rids: Vec<ReferralId> = referrals.iter().map(|r| r.id).collect();
    let now = OffsetDateTime::now_utc();
    let mut out = Vec::new();
    for r in &referrals {
        let mut v = serde_json::to_value(r).unwrap_or_default();
        let row = audit(
            Some(user),
            "export",
            "read",
            ("referral", r.id.to_string()),
            Some(r.client_id),
            now,
        );
        if let (Some(keys), Some((summary, health))) =
            (keys, store.referral_sealed_for_owner(r.id, &[row]).await?)
        {
            let summary = keys
                .open(&summary, &format!("referral:{}:summary", r.id))
                .ok()
                .and_then(|s| serde_json::from_str::<Summary>(&s).ok());
            v["summary"] = serde_json::to_value(summary).unwrap_or_default();
            v["health"] = health
                .and_then(|h| keys.open(&h, &format!("referral:{}:health", r.id)).ok())
                .into();
        }
        out.push(v);
    }
    let audit_rows = store
        .audit_rows(
            &crate::store::AuditFilter {
                subjects: Some(ids),
                ..Default::default()
            },
            crate::store::PageRequest::new(1, 100),
        )
        .await?;
    Ok(serde_json::json!({
        "clients": clients,
        "consents": consents,
        "referrals": out,
        "referral_steps": store.referral_events(&rids).await?,
        "follow_ups": store.follow_ups_of(&rids).await?,
        "audit": audit_rows.items,
    }))
}

/// Working days a referral may wait for its first answer before the receiver is reminded;
/// as many more, and the sender is told too.
pub const REMIND_AFTER_WORKING_DAYS: u32 = 5;

/// What a run of the daily referral jobs did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Jobs {
    pub receivers_reminded: u64,
    pub senders_reminded: u64,
    pub follow_ups_asked: u64,
}

/// Mail to everyone acting for an organization (in Finnish: organizations' accounts keep no
/// language) with a subject and a link.
async fn to_organization(
    store: &DynStore,
    org: OrganizationId,
    subject: &str,
    body: &str,
    link: &str,
) -> StoreResult<Vec<OutgoingMail>> {
    Ok(org_accounts(store, org)
        .await?
        .into_iter()
        .map(|u| {
            OutgoingMail::new(
                u.email.as_str(),
                t(Lang::Fi, subject),
                t_args(Lang::Fi, body, &[("link", link.to_string().into())]),
            )
        })
        .collect())
}

/// The daily referral jobs at `now`: reminders of referrals waiting for an answer (the
/// receiver after 5 working days, the sender after 10), and the follow-ups that are due
/// (to the person when they have an account and a follow-up consent in force, else to the
/// organization that completed the referral). Each notice is written once.
pub async fn run_jobs(
    store: &DynStore,
    notices: &Notices,
    now: OffsetDateTime,
) -> StoreResult<Jobs> {
    let mut jobs = Jobs::default();
    // Ten calendar days back at least covers five working days; the exact count decides.
    for (receiver, days) in [
        (true, REMIND_AFTER_WORKING_DAYS),
        (false, 2 * REMIND_AFTER_WORKING_DAYS),
    ] {
        for r in store
            .waiting_referrals(now - Duration::days(i64::from(days)), receiver)
            .await?
        {
            if crate::domain::helsinki::working_days_between(r.created_at, now) < days {
                continue;
            }
            let link = notices.link(Lang::Fi, r.id);
            let org = if receiver { Some(r.to_org) } else { r.from_org };
            let mails = match org {
                Some(org) => {
                    to_organization(
                        store,
                        org,
                        if receiver {
                            "referral-mail-remind-receiver"
                        } else {
                            "referral-mail-remind-sender"
                        },
                        "referral-mail-body",
                        &link,
                    )
                    .await?
                }
                // Sent by the person themself: they are told it still waits.
                None => {
                    let person = store.client(r.client_id).await?.and_then(|c| c.user_id);
                    active_account(store, person)
                        .await?
                        .map(|u| {
                            notices.mail(u.email.as_str(), notices.lang, ReferralState::Sent, r.id)
                        })
                        .into_iter()
                        .collect()
                }
            };
            if store.mark_reminded(r.id, receiver, now, &mails).await? {
                if receiver {
                    jobs.receivers_reminded += 1;
                } else {
                    jobs.senders_reminded += 1;
                }
            }
        }
    }
    for (r, months) in store.follow_ups_to_ask(now).await? {
        let person = match store.client(r.client_id).await? {
            Some(c) => c.user_id,
            None => None,
        };
        let consented = match person {
            Some(_) => has_follow_up_consent(store, r.client_id, now).await?,
            None => false,
        };
        let mails = match person.filter(|_| consented) {
            Some(uid) => active_account(store, Some(uid))
                .await?
                .map(|u| {
                    OutgoingMail::new(
                        u.email.as_str(),
                        t(notices.lang, "follow-up-mail-subject"),
                        t_args(
                            notices.lang,
                            "follow-up-mail-body",
                            &[("link", notices.link(notices.lang, r.id).into())],
                        ),
                    )
                })
                .into_iter()
                .collect(),
            None => {
                to_organization(
                    store,
                    r.to_org,
                    "follow-up-mail-subject",
                    "follow-up-mail-body",
                    &notices.link(Lang::Fi, r.id),
                )
                .await?
            }
        };
        if store
            .mark_follow_up_asked(r.id, months, now, &mails)
            .await?
        {
            jobs.follow_ups_asked += 1;
        }
    }
    Ok(jobs)
}

/// Why a follow-up answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpError {
    /// Not due yet, answered already, or no such follow-up.
    NotOpen,
    /// Not this party's to answer: the receiver answers, or the person with a follow-up
    /// consent in force.
    NotYours,
}

/// Whether this party answers the referral's follow-ups: the receiver, or the person with a
/// follow-up consent in force.
async fn answers_follow_ups(
    store: &DynStore,
    (r, party): (&Referral, Party),
    now: OffsetDateTime,
) -> StoreResult<bool> {
    Ok(match party {
        Party::Receiver => true,
        Party::Person => has_follow_up_consent(store, r.client_id, now).await?,
        Party::Sender => false,
    })
}

/// The follow-ups of a referral this party may answer now: due, not answered.
pub async fn open_follow_ups(
    store: &DynStore,
    (r, party): (&Referral, Party),
    now: OffsetDateTime,
) -> StoreResult<Vec<i32>> {
    if r.state != ReferralState::Completed || !answers_follow_ups(store, (r, party), now).await? {
        return Ok(Vec::new());
    }
    Ok(store
        .follow_ups_of(&[r.id])
        .await?
        .into_iter()
        .filter(|f| f.answered_at.is_none() && f.due_at <= now)
        .map(|f| f.months)
        .collect())
}

/// Answers a follow-up: where the person is now.
pub async fn answer_follow_up(
    store: &DynStore,
    user: &User,
    (r, client, party): (&Referral, &Client, Party),
    months: i32,
    outcome: crate::domain::referrals::Outcome,
) -> StoreResult<Result<(), FollowUpError>> {
    let now = OffsetDateTime::now_utc();
    if !answers_follow_ups(store, (r, party), now).await? {
        return Ok(Err(FollowUpError::NotYours));
    }
    let open = open_follow_ups(store, (r, party), now).await?;
    if !open.contains(&months) {
        return Ok(Err(FollowUpError::NotOpen));
    }
    let row = audit(
        Some(user),
        "referral",
        "follow_up",
        ("referral", r.id.to_string()),
        Some(client.id),
        now,
    );
    Ok(
        if store
            .answer_follow_up(r.id, months, outcome, party, now, &[row])
            .await?
        {
            Ok(())
        } else {
            Err(FollowUpError::NotOpen)
        },
    )
}

/// The referral jobs of a node, every hour (each notice is written once, whichever node
/// runs first), and retention.
pub async fn run_every_hour(store: DynStore, public_url: String, retention: Retention) {
    let notices = Notices {
        public_url,
        lang: Lang::Fi,
    };
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        match run_jobs(&store, &notices, OffsetDateTime::now_utc()).await {
            Ok(j) if j != Jobs::default() => tracing::info!(
                receivers = j.receivers_reminded,
                senders = j.senders_reminded,
                follow_ups = j.follow_ups_asked,
                "referral reminders and follow-ups"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "referral reminders and follow-ups"),
        }
        match run_retention(&store, &retention, OffsetDateTime::now_utc()).await {
            Ok(r) if r != Removed::default() => tracing::info!(
                referrals = r.referrals_anonymized,
                clients = r.clients_deleted,
                audit_rows = r.audit_rows_pruned,
                "retention"
            ),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "retention"),
        }
    }
}

/// How long each kind of warm hand-over data is kept (`serve --retention-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    /// A closed referral's summary and notes, after its last change.
    pub referrals: Duration,
    /// An organization's client record nobody took over, with no referral changed since.
    pub clients: Duration,
    /// Audit rows.
    pub audit: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            referrals: Duration::days(5 * 365),
            clients: Duration::days(5 * 365),
            audit: Duration::days(10 * 365),
        }
    }
}

/// A retention period as written: `5y`, `18m` (months), `12w`, `90d`.
pub fn parse_period(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    let n: i64 = n
        .parse()
        .ok()
        .filter(|n| *n > 0 && *n <= 100 * 365)
        .ok_or_else(|| format!("{s}: a number and y, m, w or d (e.g. 5y)"))?;
    let days = match unit {
        "y" => n * 365,
        "m" => n * 30,
        "w" => n * 7,
        "d" => n,
        _ => return Err(format!("{s}: a number and y, m, w or d (e.g. 5y)")),
    };
    Ok(Duration::days(days))
}

/// What retention removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub referrals_anonymized: u64,
    pub clients_deleted: u64,
    pub audit_rows_pruned: u64,
}

/// Deletes or anonymizes what is past its time at `now`; each kind records in the audit log
/// what it did.
pub async fn run_retention(
    store: &DynStore,
    r: &Retention,
    now: OffsetDateTime,
) -> StoreResult<Removed> {
    let row = |kind: &str| audit(None, "retention", "prune", (kind, String::new()), None, now);
    Ok(Removed {
        referrals_anonymized: store
            .anonymize_referrals_before(now - r.referrals, &row("referral"))
            .await?,
        clients_deleted: store
            .delete_idle_clients_before(now - r.clients, &row("client"))
            .await?,
        audit_rows_pruned: store
            .prune_audit_before(now - r.audit, &row("audit_log"))
            .await?,
    })
}

/// The person's name as this party may see it: the receiving organization only while the
/// referral consent holds (the sender keeps its own client record; the person is themself).
pub async fn shown_name(
    store: &DynStore,
    (r, client, party): (&Referral, &Client, Party),
) -> StoreResult<Option<String>> {
    if party != Party::Receiver {
        return Ok(Some(client.display_name.clone()));
    }
    let now = OffsetDateTime::now_utc();
    Ok(store
        .consent(r.consent_id)
        .await?
        .filter(|c| c.in_force(now))
        .map(|_| client.display_name.clone()))
}
