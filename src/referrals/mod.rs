//! The rules of warm hand-over: who is which party of a referral, what a coach or the
//! person may see, the consent texts, claim codes, and checking the audit chain.

pub mod bench;
pub mod impact;
pub mod suppress;

use crate::domain::accounts::{Role, User};
use crate::domain::referrals::{
    AuditRow, Client, ConsentText, NewAudit, Party, Purpose, Referral, AUDIT_GENESIS,
};
use crate::domain::OrganizationId;
use crate::store::{DynStore, StoreResult};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// The consent texts shipped with this version (`data/consent_texts.json`); published into
/// the database at start, where a published version is never changed.
pub fn consent_texts() -> Vec<ConsentText> {
    #[derive(serde::Deserialize)]
    struct Raw {
        purpose: String,
        version: i32,
        fi: String,
        sv: String,
        en: String,
    }
    let raw: Vec<Raw> = serde_json::from_str(include_str!("../../data/consent_texts.json"))
        .expect("data/consent_texts.json is valid");
    raw.into_iter()
        .map(|r| ConsentText {
            purpose: Purpose::parse(&r.purpose).expect("a known purpose"),
            version: r.version,
            fi: r.fi,
            sv: r.sv,
            en: r.en,
        })
        .collect()
}

/// The organization a coach acts for: a member or admin of it, not disabled.
pub fn coach_of(user: &User) -> Option<OrganizationId> {
    user.organization_id
        .filter(|&o| crate::manage::acts_for(user, o))
}

/// Which party of a referral this account is: the receiving organization's coach, the
/// sending organization's coach, or the person (an account holding the client record).
/// The receiver comes first: an organization referring to itself answers as receiver.
pub fn party_of(user: &User, r: &Referral, client: &Client) -> Option<Party> {
    if user.disabled_at.is_some() {
        return None;
    }
    let org = coach_of(user);
    if org == Some(r.to_org) {
        Some(Party::Receiver)
    } else if org.is_some() && org == r.from_org {
        Some(Party::Sender)
    } else if user.role == Role::JobSeeker && client.user_id == Some(user.id) {
        Some(Party::Person)
    } else {
        None
    }
}

/// The party a move is made as: the person who sent a referral for themself is its sender.
pub fn acting_party(party: Party, r: &Referral) -> Party {
    if party == Party::Person && r.from_org.is_none() {
        Party::Sender
    } else {
        party
    }
}

/// Whether a coach may open this client record: only their own organization's clients.
pub fn may_open_client(user: &User, client: &Client) -> bool {
    client.organization_id.is_some() && coach_of(user) == client.organization_id
}

/// Whether the account reads the whole audit log.
pub fn reads_all_audit(user: &User) -> bool {
    user.disabled_at.is_none() && user.role == Role::DataProtectionOfficer
}

/// A claim code to give the person, and its hash (which is all we keep). Twelve letters
/// and digits without look-alikes, shown in groups of four.
pub fn claim_code() -> (String, String) {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 12];
    getrandom::getrandom(&mut bytes).expect("the system's random source");
    let plain: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    let shown = format!("{}-{}-{}", &plain[..4], &plain[4..8], &plain[8..]);
    let hash = claim_hash(&shown);
    (shown, hash)
}

/// The hash of a claim code as typed: case, spaces and dashes do not matter.
pub fn claim_hash(code: &str) -> String {
    let norm: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    Sha256::digest(format!("kolmonen-claim:{norm}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// How long a claim code works.
pub const CLAIM_DAYS: i64 = 30;

/// An audit row of an account's act.
pub fn audit(
    user: Option<&User>,
    purpose: &str,
    action: &str,
    record: (&str, String),
    subject: Option<crate::domain::referrals::ClientId>,
    at: OffsetDateTime,
) -> NewAudit {
    NewAudit {
        at,
        actor: user.map(|u| u.id),
        actor_role: user.map_or("system", |u| u.role.as_str()).to_string(),
        organization: user.and_then(|u| u.organization_id),
        purpose: purpose.to_string(),
        action: action.to_string(),
        record_kind: record.0.to_string(),
        record_id: record.1,
        subject,
    }
}

/// What `audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Rows checked.
    pub rows: u64,
    /// The first broken row: its number (or where a row is missing) and what is wrong.
    pub broken: Option<(i64, &'static str)>,
}

/// Walks the audit chain from its first kept row to the head.
pub async fn verify(store: &DynStore) -> StoreResult<Verification> {
    let head = store.audit_head().await?;
    let mut expect_seq = head.first_seq;
    let mut prev = if head.first_seq <= 1 {
        AUDIT_GENESIS.to_string()
    } else {
        head.first_prev_hash.clone()
    };
    let mut rows = 0u64;
    loop {
        let batch: Vec<AuditRow> = store.audit_chain(expect_seq, 1000).await?;
        if batch.is_empty() {
            break;
        }
        for row in batch {
            if row.seq != expect_seq {
                return Ok(Verification {
                    rows,
                    broken: Some((expect_seq, "missing")),
                });
            }
            if let Some(fault) = row.fault(&prev) {
                return Ok(Verification {
                    rows,
                    broken: Some((row.seq, fault)),
                });
            }
            rows += 1;
            prev = row.hash;
            expect_seq += 1;
        }
    }
    // The head names the last row: a removed tail is found here.
    if expect_seq - 1 != head.seq || (head.seq >= head.first_seq && prev != head.hash) {
        return Ok(Verification {
            rows,
            broken: Some((expect_seq, "missing")),
        });
    }
    Ok(Verification { rows, broken: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_codes_hash_as_typed() {
        let (code, hash) = claim_code();
        assert_eq!(code.len(), 14);
        assert_eq!(claim_hash(&code.to_lowercase().replace('-', " ")), hash);
        assert_ne!(claim_hash("AAAA-AAAA-AAAA"), hash);
    }

    #[test]
    fn every_purpose_has_a_text_in_three_languages() {
        let texts = consent_texts();
        for p in Purpose::ALL {
            let t = texts.iter().find(|t| t.purpose == *p).expect("a text");
            assert!(!t.fi.is_empty() && !t.sv.is_empty() && !t.en.is_empty());
        }
    }
}
