//! E-mail: messages go into the outbox table (with the one-time link they carry, in the same
//! transaction) and a worker on every node sends what is due. A node leases the rows it
//! sends, so two nodes never send the same message; a failed try is retried after 30 s, 1 min,
//! 2 min, … up to 6 h between tries, and given up after 10 tries. Sent messages are deleted
//! after a week.
//!
//! Messages go out by SMTP (`--smtp-url`), or for demos into a directory as `.eml` files
//! (`--mail-dir`). With neither, they wait in the outbox.

pub use crate::domain::mail::{AccountToken, OutgoingMail};
use crate::store::{DynStore, StoreResult};
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;
use time::OffsetDateTime;

/// Tries before a message is given up.
pub const MAX_ATTEMPTS: i64 = 10;
/// How long a node holds the messages it took.
pub const LEASE: Duration = Duration::from_secs(120);
/// Sent messages are kept this long.
pub const KEEP_SENT: Duration = Duration::from_secs(7 * 24 * 3600);

/// The pause before try `attempts + 1` after `attempts` failed ones.
pub fn backoff(attempts: i64) -> Duration {
    let exp = attempts.clamp(1, 20) - 1;
    Duration::from_secs((30u64 << exp).min(6 * 3600))
}

/// The body as 8bit text with CRLF line ends, which keeps the text and its links readable
/// as written (in .eml files too); lettre would choose quoted-printable for any line over 76
/// characters. SMTP allows 998: longer lines, or NULs, get lettre's own choice.
fn body(text: &str) -> Body {
    let crlf = text.replace("\r\n", "\n").replace('\n', "\r\n");
    if crlf.split("\r\n").all(|l| l.len() <= 998) && !crlf.contains('\0') {
        Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
    } else {
        Body::new(text.to_string())
    }
}

/// The extra header fields a message may carry (RFC 8058); any other name is refused.
pub const EXTRA_HEADERS: [&str; 2] = ["List-Unsubscribe", "List-Unsubscribe-Post"];

/// One extra header field, checked: a known name, and a value of printable ASCII on one line
/// (the URLs in them are ours).
fn extra_header(name: &str, value: &str) -> Result<HeaderValue, String> {
    if !EXTRA_HEADERS.contains(&name) {
        return Err(format!("header {name} is not allowed"));
    }
    if !value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Err(format!("header {name} is not printable ASCII"));
    }
    let name = HeaderName::new_from_ascii(name.to_string()).map_err(|e| e.to_string())?;
    Ok(HeaderValue::new(name, value.to_string()))
}

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Dir(PathBuf),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The URL may hold a password: never printed.
            Transport::Smtp(_) => f.write_str("Smtp(…)"),
            Transport::Dir(d) => write!(f, "Dir({})", d.display()),
        }
    }
}

impl Transport {
    /// `smtp://[user:password@]host[:port][?tls=required]` or `smtps://…` (lettre's URL form).
    pub fn smtp(url: &str) -> Result<Self, String> {
        AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map(|b| Transport::Smtp(b.timeout(Some(Duration::from_secs(30))).build()))
            .map_err(|e| e.to_string())
    }
}

/// The sender of every message.
#[derive(Debug, Clone)]
pub struct Mailer {
    pub transport: Transport,
    pub from: Mailbox,
    /// This process's name in leases.
    pub node: String,
}

impl Mailer {
    pub fn new(transport: Transport, from: &str) -> Result<Self, String> {
        Ok(Mailer {
            transport,
            from: from
                .parse()
                .map_err(|e: lettre::address::AddressError| e.to_string())?,
            node: uuid::Uuid::new_v4().to_string(),
        })
    }

    fn message(&self, m: &OutgoingMail) -> Result<Message, String> {
        let to: Mailbox =
            m.to.parse()
                .map_err(|e: lettre::address::AddressError| e.to_string())?;
        let mut b = Message::builder()
            .from(self.from.clone())
            .to(to)
            // A title someone typed is no encoded word: "=?" would let a mail program decode
            // hidden text (direction marks, a fake warning) out of plain ASCII.
            .subject(m.subject.replace("=?", "= ?"))
            .message_id(Some(format!("<{}@{}>", m.id, self.from.email.domain())))
            .header(ContentType::TEXT_PLAIN)
            .header(lettre::message::header::MIME_VERSION_1_0);
        for (name, value) in &m.headers {
            b = b.raw_header(extra_header(name, value)?);
        }
        b.body(body(&m.body)).map_err(|e| e.to_string())
    }

    async fn send(&self, m: &OutgoingMail) -> Result<(), String> {
        let message = self.message(m)?;
        match &self.transport {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transport::Dir(dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| e.to_string())?;
                let path = dir.join(format!("{}.eml", m.id));
                tokio::fs::write(&path, message.formatted())
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }

    /// Sends what is due now; how many were sent.
    pub async fn deliver_due(&self, store: &DynStore) -> StoreResult<usize> {
        let now = OffsetDateTime::now_utc();
        let lease_until = now + LEASE;
        let due = store.lease_mail(&self.node, now, lease_until, 20).await?;
        let mut sent = 0;
        for m in &due {
            match self.send(m).await {
                Ok(()) => {
                    store.mail_sent(&m.id, &self.node, now).await?;
                    sent += 1;
                }
                Err(e) => {
                    let attempts = m.attempts + 1;
                    let retry = (attempts < MAX_ATTEMPTS).then(|| now + backoff(attempts));
                    // The error names the server, not the recipient.
                    tracing::warn!(id = %m.id, attempts, error = %e, "mail not sent");
                    store.mail_failed(&m.id, &self.node, &e, retry, now).await?;
                }
            }
        }
        Ok(sent)
    }

    /// Runs for as long as the server: sends what is due every `every`, and forgets what was
    /// sent a week ago.
    pub async fn run(self, store: DynStore, every: Duration) {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = self.deliver_due(&store).await {
                tracing::error!(error = %e, "mail worker");
            }
            let before = OffsetDateTime::now_utc() - KEEP_SENT;
            if let Err(e) = store.purge_sent_mail(before).await {
                tracing::error!(error = %e, "mail purge");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_grow_and_stop_growing() {
        assert_eq!(backoff(1), Duration::from_secs(30));
        assert_eq!(backoff(2), Duration::from_secs(60));
        assert_eq!(backoff(3), Duration::from_secs(120));
        assert_eq!(backoff(12), Duration::from_secs(6 * 3600));
        assert_eq!(backoff(1000), Duration::from_secs(6 * 3600));
    }

    #[test]
    fn messages_are_plain_text_from_us() {
        let mailer = Mailer::new(
            Transport::Dir("/nonexistent".into()),
            "Kolmonen <noreply@kolmonen.fi>",
        )
        .unwrap();
        let long = format!("Hei! Tämä rivi on pitkä, {}", "sana ".repeat(30));
        let m = OutgoingMail::new(
            "ann@example.fi",
            "Tervetuloa".into(),
            format!("{long}\nLinkki: https://x/"),
        );
        let text = String::from_utf8(mailer.message(&m).unwrap().formatted()).unwrap();
        assert!(text.contains("To: ann@example.fi"), "{text}");
        assert!(text.contains("From: Kolmonen <noreply@kolmonen.fi>"));
        assert!(text.contains("Content-Type: text/plain; charset=utf-8"));
        assert!(text.contains(&format!("Message-ID: <{}@kolmonen.fi>", m.id)));
        assert!(text.contains("Content-Transfer-Encoding: 8bit"));
        assert!(text.contains("MIME-Version: 1.0\r\n"), "{text}");
        assert!(text.contains("Linkki: https://x/"));
        assert!(
            text.contains(&format!("{long}\r\n")),
            "long lines whole: {text}"
        );
        let huge = "x".repeat(2000);
        assert_ne!(body(&huge).encoding(), ContentTransferEncoding::EightBit);
        assert!(Mailer::new(Transport::Dir("/x".into()), "not an address").is_err());
    }

    #[test]
    fn one_click_unsubscription_travels_in_headers() {
        let mailer = Mailer::new(
            Transport::Dir("/nonexistent".into()),
            "Kolmonen <noreply@kolmonen.fi>",
        )
        .unwrap();
        let m = OutgoingMail::new("ann@example.fi", "Viikkokooste".into(), "Hei".into())
            .with_unsubscribe("https://kolmonen.fi/api/v1/networks/unsubscribe?token=ab12");
        let text = String::from_utf8(mailer.message(&m).unwrap().formatted()).unwrap();
        assert!(
            text.contains(
                "List-Unsubscribe: <https://kolmonen.fi/api/v1/networks/unsubscribe?token=ab12>\r\n"
            ),
            "{text}"
        );
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
        // The outbox's text form reads back the same.
        assert_eq!(OutgoingMail::parse_headers(&m.headers_text()), m.headers);
        // Nothing else, and nothing that could start a new header line.
        let mut bad = m.clone();
        let mut sneaky = m.clone();
        sneaky.subject = "Info =?utf-8?b?4oCuVElMSQ==?=".into();
        let text = String::from_utf8(mailer.message(&sneaky).unwrap().formatted()).unwrap();
        assert!(!text.contains("=?utf-8?b?4oCu"), "{text}");
        bad.headers = vec![("Bcc".into(), "x@example.fi".into())];
        assert!(mailer.message(&bad).is_err());
        bad.headers = vec![("List-Unsubscribe".into(), "<x>\r\nBcc: y@example.fi".into())];
        assert!(mailer.message(&bad).is_err());
    }
}
