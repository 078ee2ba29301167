//! E-mail on both engines: the outbox sent over real SMTP to a local listener, retries with
//! pauses, several nodes never sending one message twice, and .eml files for demos.

use crate::common::{Engine, SmtpSink};
use kolmonen::mail::{Mailer, OutgoingMail, Transport, MAX_ATTEMPTS};
use kolmonen::store::DynStore;
use time::Duration;

fn mail(to: &str, subject: &str) -> OutgoingMail {
    OutgoingMail::new(
        to,
        subject.into(),
        format!("Hei!\n\nTämä on viesti: {subject}\n"),
    )
}

async fn mailer(url: &str) -> Mailer {
    Mailer::new(
        Transport::smtp(url).expect("smtp url"),
        "Kolmonen <noreply@kolmonen.fi>",
    )
    .expect("from")
}

async fn store(engine: Engine) -> DynStore {
    crate::common::fresh_store(engine).await
}

both_engines!(the_outbox_goes_out_by_smtp, |engine| async move {
    let store = store(engine).await;
    let sink = SmtpSink::start(false).await;
    for i in 0..3 {
        store
            .enqueue_mail(&mail(&format!("ann{i}@example.fi"), &format!("viesti {i}")))
            .await
            .unwrap();
    }
    let m = mailer(&sink.url()).await;
    assert_eq!(m.deliver_due(&store).await.unwrap(), 3);
    assert_eq!(m.deliver_due(&store).await.unwrap(), 0, "sent once");
    let got = sink.messages();
    assert_eq!(got.len(), 3);
    let (to, data) = got
        .iter()
        .find(|(to, _)| to == "ann1@example.fi")
        .expect("ann1");
    assert_eq!(to, "ann1@example.fi");
    assert!(data.contains("Subject: viesti 1"), "{data}");
    assert!(
        data.contains("Tämä on viesti: viesti 1"),
        "8bit text as written: {data}"
    );
    assert!(data.contains("From: Kolmonen <noreply@kolmonen.fi>"));
    // Sent messages are forgotten after a week.
    let later = time::OffsetDateTime::now_utc() + Duration::microseconds(1);
    assert_eq!(store.purge_sent_mail(later).await.unwrap(), 3);
});

both_engines!(failures_are_retried_with_pauses, |engine| async move {
    let store = store(engine).await;
    let refusing = SmtpSink::start(true).await;
    store
        .enqueue_mail(&mail("ann@example.fi", "yritys"))
        .await
        .unwrap();
    let m = mailer(&refusing.url()).await;
    assert_eq!(m.deliver_due(&store).await.unwrap(), 0);
    // Not due again until the pause has passed.
    let now = time::OffsetDateTime::now_utc();
    assert!(store
        .lease_mail("x", now, now + Duration::microseconds(1), 10)
        .await
        .unwrap()
        .is_empty());
    let after = now + Duration::seconds(31);
    let again = store
        .lease_mail("x", after, after + Duration::minutes(1), 10)
        .await
        .unwrap();
    assert_eq!(again.len(), 1, "due after 30 s");
    assert_eq!(again[0].attempts, 1);
    // Given up after MAX_ATTEMPTS tries.
    let mut t = after;
    for attempt in 1..MAX_ATTEMPTS {
        store
            .mail_failed(
                &again[0].id,
                "x",
                "451",
                (attempt + 1 < MAX_ATTEMPTS).then_some(t),
                t,
            )
            .await
            .unwrap();
        t += Duration::hours(7);
        let due = store
            .lease_mail("x", t, t + Duration::minutes(1), 10)
            .await
            .unwrap();
        if attempt + 1 < MAX_ATTEMPTS {
            assert_eq!(due.len(), 1, "try {}", attempt + 1);
        } else {
            assert!(due.is_empty(), "given up");
        }
    }
    // A server that answers gets nothing more: the message was given up.
    let sink = SmtpSink::start(false).await;
    assert_eq!(
        mailer(&sink.url()).await.deliver_due(&store).await.unwrap(),
        0
    );
});

both_engines!(
    two_nodes_never_send_one_message_twice,
    |engine| async move {
        let store = store(engine).await;
        let sink = SmtpSink::start(false).await;
        for i in 0..60 {
            store
                .enqueue_mail(&mail(&format!("p{i}@example.fi"), &format!("n{i}")))
                .await
                .unwrap();
        }
        let a = mailer(&sink.url()).await;
        let b = mailer(&sink.url()).await;
        let (sa, sb) = (store.clone(), store.clone());
        let run = |m: Mailer, s: DynStore| async move {
            let mut n = 0;
            loop {
                let sent = m.deliver_due(&s).await.unwrap();
                if sent == 0 {
                    return n;
                }
                n += sent;
            }
        };
        let (na, nb) = tokio::join!(tokio::spawn(run(a, sa)), tokio::spawn(run(b, sb)));
        let (na, nb) = (na.unwrap(), nb.unwrap());
        assert_eq!(na + nb, 60, "{na} + {nb}");
        let mut to: Vec<String> = sink.messages().into_iter().map(|(t, _)| t).collect();
        to.sort();
        to.dedup();
        assert_eq!(to.len(), 60);
        assert_eq!(sink.messages().len(), 60, "each exactly once");
    }
);

both_engines!(mail_dir_writes_eml_files, |engine| async move {
    let store = store(engine).await;
    let dir = crate::common::temp_dir("mail");
    let m = Mailer::new(
        Transport::Dir(dir.clone()),
        "Kolmonen <noreply@kolmonen.fi>",
    )
    .unwrap();
    let msg = mail("ann@example.fi", "tiedostoon");
    store.enqueue_mail(&msg).await.unwrap();
    assert_eq!(m.deliver_due(&store).await.unwrap(), 1);
    let text = std::fs::read_to_string(dir.join(format!("{}.eml", msg.id))).unwrap();
    assert!(text.contains("To: ann@example.fi"));
    assert!(text.contains("Tämä on viesti: tiedostoon"));
    std::fs::remove_dir_all(dir).ok();
});
