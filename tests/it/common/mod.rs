//! Test harness: the real router on a real SQLite or PostgreSQL database.
#![allow(dead_code)]

pub mod forms;

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use kolmonen::store::{self, DynStore};
use kolmonen::{app, AppState, Config};
use tower::ServiceExt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Server URL of the test PostgreSQL (any database on it; tests make their own).
fn postgres_admin_url() -> String {
    std::env::var("KOLMONEN_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// The password every test account has.
pub const PASSWORD: &str = "kahvi pannu sininen";

/// Whether the test PostgreSQL answers (asked once). When it does not, PostgreSQL tests are
/// skipped, unless KOLMONEN_REQUIRE_POSTGRES=1 (as in CI): then it is an error.
pub async fn postgres_ready() -> bool {
    static READY: tokio::sync::OnceCell<bool> = tokio::sync::OnceCell::const_new();
    *READY
        .get_or_init(|| async {
            use sqlx::Connection;
            let admin = postgres_admin_url();
            match sqlx::PgConnection::connect(&admin).await {
                Ok(c) => {
                    let _ = c.close().await;
                    true
                }
                Err(e) => {
                    if std::env::var("KOLMONEN_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                        panic!("PostgreSQL required but not reachable at {admin}: {e}");
                    }
                    eprintln!("skipping PostgreSQL test: {e}");
                    false
                }
            }
        })
        .await
}

/// A fresh, empty, migrated store. PostgreSQL tests get a database of their own (ask
/// `postgres_ready` first; `both_engines!` does).
pub async fn fresh_store(engine: Engine) -> DynStore {
    fresh_store_at(engine, None).await.0
}

/// As [`fresh_store`], with its URL, for tests that look into the database themselves:
/// SQLite in a file under `dir` when one is given (else in memory).
pub async fn fresh_store_at(engine: Engine, dir: Option<&std::path::Path>) -> (DynStore, String) {
    let url = match engine {
        Engine::Sqlite => match dir {
            Some(d) => format!("sqlite://{}", d.join("k.db").display()),
            None => "sqlite::memory:".to_string(),
        },
        Engine::Postgres => {
            use sqlx::Connection;
            let admin = postgres_admin_url();
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL not reachable at {admin}: {e}"));
            let name = format!("kolmonen_t_{}", uuid::Uuid::new_v4().simple());
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create database");
            let base = admin
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .expect("url has a database");
            format!("{base}/{name}")
        }
    };
    let store = store::connect(&url).await.expect("connect");
    kolmonen::services::migrate(store.as_ref())
        .await
        .expect("migrate");
    (store, url)
}

/// The data key of every test node (referrals are on), as text.
pub fn test_data_key_text() -> &'static str {
    static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    KEY.get_or_init(kolmonen::vault::DataKeys::new_key_text)
}

/// The data keys of every test node.
pub fn test_data_keys() -> kolmonen::vault::DataKeys {
    kolmonen::vault::DataKeys::parse(test_data_key_text()).expect("key")
}

pub async fn demo_store(engine: Engine) -> DynStore {
    let store = fresh_store(engine).await;
    kolmonen::services::save_batch(store.as_ref(), &kolmonen::demo::demo_batch().expect("demo"))
        .await
        .expect("seed");
    kolmonen::demo::seed_network(&store)
        .await
        .expect("seed network");
    kolmonen::demo::seed_events(&store)
        .await
        .expect("seed events");
    kolmonen::demo::seed_projects(&store)
        .await
        .expect("seed projects");
    kolmonen::demo::seed_articles(store.as_ref())
        .await
        .expect("seed articles");
    store
}

pub struct TestApp {
    pub store: DynStore,
    router: axum::Router,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as it came (`body` is it read as UTF-8).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

impl TestApp {
    /// A node with the demo data whose search index is in memory, as a server's is soon
    /// after it starts (`with_store` gives a cold one: its first search loads the index).
    pub async fn spawn(engine: Engine) -> TestApp {
        let store = demo_store(engine).await;
        let app = Self::with_store(store);
        let warm = app.get("/api/v1/search?q=a").await;
        assert_eq!(warm.status, 200, "{}", warm.body);
        app
    }

    /// An account of `role` (of `organization`) as an operator adds it: address confirmed,
    /// password [`PASSWORD`].
    pub async fn account(
        &self,
        email: &str,
        role: kolmonen::accounts::Role,
        organization: Option<kolmonen::domain::OrganizationId>,
    ) -> kolmonen::accounts::User {
        add_account(&self.store, email, role, organization, PASSWORD).await
    }

    /// A browser signed in as a new account of `role` (see [`TestApp::account`]).
    pub async fn signed_in(
        &self,
        email: &str,
        role: kolmonen::accounts::Role,
        organization: Option<kolmonen::domain::OrganizationId>,
    ) -> Browser<'_> {
        self.sign_in_new(Browser::new(self), email, role, organization)
            .await
    }

    /// As [`TestApp::signed_in`], from the client address `addr` (throttling counts per
    /// address).
    pub async fn signed_in_from(
        &self,
        addr: &str,
        email: &str,
        role: kolmonen::accounts::Role,
        organization: Option<kolmonen::domain::OrganizationId>,
    ) -> Browser<'_> {
        self.sign_in_new(Browser::from_addr(self, addr), email, role, organization)
            .await
    }

    async fn sign_in_new<'a>(
        &'a self,
        mut browser: Browser<'a>,
        email: &str,
        role: kolmonen::accounts::Role,
        organization: Option<kolmonen::domain::OrganizationId>,
    ) -> Browser<'a> {
        self.account(email, role, organization).await;
        browser.sign_in(email, PASSWORD).await;
        browser
    }

    pub fn with_store(store: DynStore) -> TestApp {
        Self::with_config(
            store,
            Config {
                data_keys: Some(test_data_keys()),
                ..Config::default()
            },
        )
    }

    pub fn with_config(store: DynStore, config: Config) -> TestApp {
        let state = AppState::new(store.clone(), config);
        TestApp {
            store,
            router: app(state),
        }
    }

    /// The id of the first record of a kind in the API's list.
    pub async fn first_id(&self, kind: &str) -> String {
        let r = self.get(&format!("/api/v1/{kind}?per_page=1")).await;
        r.json()["contents"][0]["id"]
            .as_str()
            .expect("id")
            .to_string()
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }

    pub async fn request(&self, req: Request<Body>) -> TestResponse {
        let res: Response<Body> = self
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("router answers");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }
}

/// Runs an async test body once per engine: `both_engines!(name, |engine| async move { … });`
/// The PostgreSQL run is skipped when no server answers (see `postgres_ready`).
macro_rules! both_engines {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test]
            async fn sqlite() {
                ($body)($crate::common::Engine::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                if $crate::common::postgres_ready().await {
                    ($body)($crate::common::Engine::Postgres).await
                }
            }
        }
    };
}

/// A new empty directory under the system's temp dir.
pub fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("kolmonen-{tag}-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn read_tree(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let name = p
                    .strip_prefix(dir)
                    .expect("below dir")
                    .display()
                    .to_string();
                out.insert(name, std::fs::read(&p).expect("read file"));
            }
        }
    }
    out
}

/// Two file trees hold the same files with the same bytes.
pub fn assert_same_tree(
    a: &std::collections::BTreeMap<String, Vec<u8>>,
    b: &std::collections::BTreeMap<String, Vec<u8>>,
) {
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in a {
        assert!(bytes == &b[name], "{name} differs");
    }
}

/// `kolmonen import hsds` without the CLI: reads `path`, resolves references against the
/// store and saves only when nothing was rejected.
pub async fn import_hsds(
    store: &DynStore,
    path: &std::path::Path,
) -> kolmonen::hsds::import::ImportPlan {
    let mut plan = kolmonen::hsds::import::ImportPlan::default();
    plan.add_path(path, time::OffsetDateTime::now_utc());
    plan.resolve(store).await.expect("resolve");
    if plan.rejected.is_empty() {
        kolmonen::services::save_batch(store.as_ref(), &plan.batch)
            .await
            .expect("save");
    }
    plan
}

/// A browser for tests: keeps cookies, sends the CSRF token with forms, and comes from an
/// address of its own.
pub struct Browser<'a> {
    app: &'a TestApp,
    pub cookies: std::collections::BTreeMap<String, String>,
    pub addr: std::net::SocketAddr,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self::from_addr(app, "192.0.2.10:40000")
    }

    pub fn from_addr(app: &'a TestApp, addr: &str) -> Self {
        Browser {
            app,
            cookies: Default::default(),
            addr: addr.parse().expect("socket address"),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The CSRF token the browser holds (after any page was loaded).
    pub fn csrf(&self) -> String {
        self.cookies
            .iter()
            .find(|(k, _)| k.ends_with("kolmonen-csrf"))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub async fn send(&mut self, req: axum::http::request::Builder, body: Body) -> TestResponse {
        let mut req = req
            .header("cookie", self.cookie_header())
            .body(body)
            .expect("request");
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(self.addr));
        let res = self.app.request(req).await;
        for v in res.headers.get_all("set-cookie") {
            let v = v.to_str().expect("ascii cookie");
            let (pair, attrs) = v.split_once(';').unwrap_or((v, ""));
            let (name, value) = pair.split_once('=').expect("name=value");
            if attrs.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        res
    }

    pub async fn get(&mut self, uri: &str) -> TestResponse {
        self.send(Request::get(uri), Body::empty()).await
    }

    /// Posts a form as our own page would: with the CSRF token and a same-origin request.
    pub async fn post(&mut self, uri: &str, fields: &[(&str, &str)]) -> TestResponse {
        if self.csrf().is_empty() {
            self.get("/fi/login").await;
        }
        let mut all: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        all.push(("csrf".into(), self.csrf()));
        self.post_raw(uri, &all).await
    }

    /// Sends a form with a file as a browser does: multipart, text fields first (the CSRF
    /// token among them when `token` is true), then the file with its name and the type the
    /// browser claims.
    pub async fn post_file(
        &mut self,
        uri: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &str, &[u8]),
        token: bool,
    ) -> TestResponse {
        if self.csrf().is_empty() {
            self.get("/fi/login").await;
        }
        let mut body: Vec<u8> = Vec::new();
        let mut part = |name: &str, extra: &str, value: &[u8]| {
            body.extend_from_slice(
                format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"{extra}\r\n\r\n")
                    .as_bytes(),
            );
            body.extend_from_slice(value);
            body.extend_from_slice(b"\r\n");
        };
        let csrf = self.csrf();
        if token {
            part("csrf", "", csrf.as_bytes());
        }
        for (k, v) in fields {
            part(k, "", v.as_bytes());
        }
        let (name, file_name, claimed, bytes) = file;
        part(
            name,
            &format!("; filename=\"{file_name}\"\r\nContent-Type: {claimed}"),
            bytes,
        );
        body.extend_from_slice(b"--XyZ--\r\n");
        self.send(
            Request::post(uri)
                .header("content-type", "multipart/form-data; boundary=XyZ")
                .header("sec-fetch-site", "same-origin"),
            Body::from(body),
        )
        .await
    }

    /// Posts exactly these fields (the page's own CSRF field among them), as a browser
    /// submits a form it rendered.
    pub async fn post_raw(&mut self, uri: &str, fields: &[(String, String)]) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).expect("form");
        self.send(
            Request::post(uri)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin"),
            Body::from(body),
        )
        .await
    }

    /// Signs in with the password form; for accounts with a second factor, also types the
    /// code an authenticator app would show (setting the app up on first sign-in). Returns
    /// the answer to the password form.
    pub async fn sign_in(&mut self, email: &str, password: &str) -> TestResponse {
        let r = self
            .post("/fi/login", &[("email", email), ("password", password)])
            .await;
        if r.header("location") == "/fi/login/second-factor" {
            let done = self.second_factor(email).await;
            assert!(
                done.status == 303 || done.status == 200,
                "second factor: {}",
                done.status
            );
        }
        r
    }

    /// Types the current TOTP code of the account (read from the store, as the person's app
    /// would compute it).
    pub async fn second_factor(&mut self, email: &str) -> TestResponse {
        self.second_factor_at(email, "/fi/login/second-factor")
            .await
    }

    /// As `second_factor`, sending the code to `path` (the form's action, with its query).
    pub async fn second_factor_at(&mut self, email: &str, path: &str) -> TestResponse {
        use kolmonen::accounts::totp;
        let user = self
            .app
            .store
            .user_by_email(&kolmonen::accounts::Email::parse(email).unwrap())
            .await
            .unwrap()
            .expect("account");
        if self
            .app
            .store
            .second_factor(user.id)
            .await
            .unwrap()
            .is_none()
        {
            // The first visit sets the app up.
            assert_eq!(self.get(path).await.status, 200);
        }
        let factor = self
            .app
            .store
            .second_factor(user.id)
            .await
            .unwrap()
            .unwrap();
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let mut last = None;
        // A code works once: a second sign-in within the same 30 s takes the next one.
        for ahead in 0..=1 {
            let code = totp::code_at(&factor.secret, totp::step(now) + ahead).unwrap();
            let r = self.post(path, &[("code", &code)]).await;
            if r.status != 400 {
                return r;
            }
            last = Some(r);
        }
        last.unwrap()
    }
}

/// An account as an operator adds it (`kolmonen user add`): address confirmed.
pub async fn add_account(
    store: &DynStore,
    email: &str,
    role: kolmonen::accounts::Role,
    organization: Option<kolmonen::domain::OrganizationId>,
    password: &str,
) -> kolmonen::accounts::User {
    let user = kolmonen::accounts::add_user(store, email, role, organization, password)
        .await
        .expect("store")
        .expect("valid account");
    store
        .mark_email_verified(user.id, time::OffsetDateTime::now_utc())
        .await
        .expect("verify");
    user
}

/// A real SMTP listener on 127.0.0.1 for tests: it speaks enough SMTP for lettre and keeps
/// what it receives. With `refuse`, it answers every MAIL FROM with a temporary failure.
pub struct SmtpSink {
    pub port: u16,
    pub received: std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>,
}

impl SmtpSink {
    pub async fn start(refuse: bool) -> SmtpSink {
        use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let keep = received.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let keep = keep.clone();
                tokio::spawn(async move {
                    let (r, mut w) = socket.into_split();
                    let mut lines = BufReader::new(r).lines();
                    let _ = w.write_all(b"220 sink ESMTP\r\n").await;
                    let mut rcpt = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                            "HELO" | "RSET" | "NOOP" => b"250 ok\r\n",
                            "MAIL" if refuse => b"451 try again later\r\n",
                            "MAIL" => b"250 ok\r\n",
                            "RCPT" => {
                                rcpt = line[8..]
                                    .trim_matches(|c| c == ':' || c == '<' || c == '>' || c == ' ')
                                    .to_string();
                                b"250 ok\r\n"
                            }
                            "DATA" => {
                                let _ = w.write_all(b"354 go on\r\n").await;
                                let mut data = String::new();
                                while let Ok(Some(l)) = lines.next_line().await {
                                    if l == "." {
                                        break;
                                    }
                                    data.push_str(&l);
                                    data.push('\n');
                                }
                                keep.lock().unwrap().push((rcpt.clone(), data));
                                b"250 queued\r\n"
                            }
                            "QUIT" => {
                                let _ = w.write_all(b"221 bye\r\n").await;
                                return;
                            }
                            _ => b"502 not here\r\n",
                        };
                        if w.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        SmtpSink { port, received }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn messages(&self) -> Vec<(String, String)> {
        self.received.lock().unwrap().clone()
    }
}

/// The log lines written while `f` runs (on this thread), as text.
///
/// One global subscriber for the whole test binary writes each event into the buffer of the
/// thread that emitted it, if that thread is collecting. (A thread-local subscriber per test
/// loses events now and then: tracing caches each call site's interest globally, and a test
/// on another thread can make it "never" just as this one starts.)
pub async fn logged<F: std::future::Future<Output = ()>>(f: F) -> String {
    use std::cell::RefCell;
    use std::sync::{Arc, Mutex, Once};
    type Buffer = Arc<Mutex<Vec<u8>>>;
    thread_local! {
        static COLLECTING: RefCell<Option<Buffer>> = const { RefCell::new(None) };
    }
    struct ThisThread;
    impl std::io::Write for ThisThread {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            COLLECTING.with(|c| {
                if let Some(buf) = c.borrow().as_ref() {
                    buf.lock().unwrap().extend_from_slice(b);
                }
            });
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThisThread)
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
    });
    let buffer: Buffer = Arc::default();
    COLLECTING.with(|c| *c.borrow_mut() = Some(buffer.clone()));
    f.await;
    COLLECTING.with(|c| *c.borrow_mut() = None);
    let bytes = buffer.lock().unwrap().clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Takes every message waiting in the outbox and marks it sent, as a mail node would.
pub async fn outbox(app: &TestApp) -> Vec<kolmonen::mail::OutgoingMail> {
    let now = time::OffsetDateTime::now_utc();
    let mails = app
        .store
        .lease_mail("test", now, now + time::Duration::minutes(1), 1000)
        .await
        .unwrap();
    for m in &mails {
        app.store.mail_sent(&m.id, "test", now).await.unwrap();
    }
    mails
}

/// The path and query of the link in a message.
pub fn link(m: &kolmonen::mail::OutgoingMail) -> String {
    let start = m.body.find("http://").expect("a link");
    let url = m.body[start..].split_whitespace().next().unwrap();
    let path = url.splitn(4, '/').nth(3).unwrap();
    format!("/{path}")
}

/// The token of a one-time link.
pub fn token_of(link: &str) -> String {
    let rest = link.split("token=").nth(1).unwrap();
    rest.split('&').next().unwrap().to_string()
}
