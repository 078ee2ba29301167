//! The `kolmonen` command as operators use it: migrate, seed, serve and stop on SIGTERM.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kolmonen"));
    c.env_remove("KOLMONEN_DATABASE_URL")
        .env_remove("KOLMONEN_ADDR")
        .env("KOLMONEN_LOG", "warn");
    c
}

fn temp_db() -> (tempdir::Dir, String) {
    let dir = tempdir::Dir::new();
    let url = format!("sqlite://{}/k.db", dir.path.display());
    (dir, url)
}

mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new() -> Self {
            let path = std::env::temp_dir()
                .join(format!("kolmonen-cli-{}", uuid::Uuid::new_v4().simple()));
            std::fs::create_dir_all(&path).expect("temp dir");
            Dir { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

fn http_get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    Some(out)
}

fn count_organizations(url: &str) -> u64 {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let store = kolmonen::store::connect(url).await.expect("connect");
        store
            .organizations(&Default::default(), kolmonen::store::PageRequest::new(1, 1))
            .await
            .expect("list")
            .total
    })
}

#[test]
fn migrate_then_seed_twice_gives_the_same_data() {
    let (_dir, url) = temp_db();
    assert!(bin()
        .args(["--database", &url, "migrate"])
        .status()
        .expect("run")
        .success());
    assert_eq!(count_organizations(&url), 0);
    assert!(bin()
        .args(["seed", "demo", "--database", &url])
        .status()
        .expect("run")
        .success());
    let n = count_organizations(&url);
    assert!(n >= 25);
    assert!(bin()
        .env("KOLMONEN_DATABASE_URL", &url)
        .args(["seed", "demo"])
        .status()
        .expect("run")
        .success());
    assert_eq!(
        count_organizations(&url),
        n,
        "seeding again updates, never duplicates"
    );
}

#[test]
fn an_unknown_database_url_is_refused_clearly() {
    let out = bin()
        .args(["--database", "mysql://x/y", "migrate"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unsupported database URL"), "{err}");
}

#[test]
fn serve_seeds_an_empty_database_and_stops_cleanly_on_sigterm() {
    let (_dir, url) = temp_db();
    let port = free_port();
    let mut child = bin()
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--database",
            &url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    let mut health = None;
    while start.elapsed() < Duration::from_secs(30) {
        if let Some(r) = http_get(port, "/healthz") {
            health = Some(r);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let health = health.expect("server answers");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let home = http_get(port, "/fi/").expect("home");
    assert!(
        home.contains("Harjulan Setlementti ry"),
        "demo data was seeded into the empty database"
    );
    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "server did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

/// Runs `kolmonen ARGS` with `stdin` as its input.
fn run_with_input(args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kolmonen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn operators_add_and_disable_accounts() {
    let (_dir, url) = temp_db();
    assert!(bin()
        .args(["--database", &url, "seed", "demo"])
        .status()
        .unwrap()
        .success());
    let add = |email: &str, role: &str, pw: &str| {
        run_with_input(
            &[
                "--database",
                &url,
                "user",
                "add",
                email,
                "--role",
                role,
                "--password-stdin",
            ],
            pw,
        )
    };
    let out = add(
        "Admin@Example.fi",
        "platform_admin",
        "kuusi kissaa kävelee\n",
    );
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "added admin@example.fi (platform_admin)"
    );
    // The password never goes on the command line.
    let out = bin()
        .args([
            "--database",
            &url,
            "user",
            "add",
            "x@example.fi",
            "--role",
            "job_seeker",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    for (email, role, pw, says) in [
        (
            "admin@example.fi",
            "job_seeker",
            "toinen pitkä salasana",
            "already an account",
        ),
        (
            "b@example.fi",
            "job_seeker",
            "password1",
            "most common passwords",
        ),
        ("b@example.fi", "job_seeker", "lyhyt", "at least 8"),
        (
            "b@example.fi",
            "organization_member",
            "kuusi kissaa kävelee",
            "choose the organization",
        ),
        (
            "b@example.fi",
            "superuser",
            "kuusi kissaa kävelee",
            "unknown role",
        ),
        (
            "not an address",
            "job_seeker",
            "kuusi kissaa kävelee",
            "not an e-mail address",
        ),
    ] {
        let out = add(email, role, pw);
        assert_eq!(out.status.code(), Some(2), "{email} {role}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{email} {role}: {err}");
    }
    let user = |what: &str, email: &str| {
        bin()
            .args(["--database", &url, "user", what, email])
            .output()
            .unwrap()
    };
    let out = user("sign-out", "admin@example.fi");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "ended 0 sessions of admin@example.fi"
    );
    assert_eq!(user("sign-out", "nobody@example.fi").status.code(), Some(1));
    let out = user("reset-second-factor", "admin@example.fi");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("had no second factor"));
    assert_eq!(
        user("reset-second-factor", "nobody@example.fi")
            .status
            .code(),
        Some(1)
    );
    let disable = |email: &str| user("disable", email);
    let out = disable("ADMIN@example.fi");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(disable("nobody@example.fi").status.code(), Some(1));
}
