//! Run-time settings of the server.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database_url: String,
    /// Send Strict-Transport-Security: only when served behind TLS.
    pub hsts: bool,
    /// How many recent searches to keep the results of until the index changes (0: none).
    pub search_cache: usize,
    /// Cookies without `Secure` and the `__Host-` prefix, for plain-HTTP local testing only.
    pub insecure_cookies: bool,
    /// The address people reach the portal at, for links in e-mail (default: `http://{addr}`).
    pub public_url: Option<String>,
    /// Behind a reverse proxy: the client is the last address in `X-Forwarded-For` (the one
    /// our proxy added), not the proxy's own address. Off by default, so nobody can claim an
    /// address by sending the header themselves.
    pub trust_proxy: bool,
    /// The secret that signs device cookies and CSRF tokens (every node the same). Without
    /// one, the first node makes a random one and keeps it in the database.
    pub secret_key: Option<String>,
    /// A key that encrypts the second-factor secrets in the database, when set.
    pub totp_key: Option<String>,
    /// Who keeps the personal data and how to reach them (the privacy notice and the
    /// accessibility statement name them).
    pub controller: Option<String>,
    /// The operator's own privacy notice and accessibility statement, replacing the default
    /// texts: `privacy.fi.txt`, `accessibility.sv.txt`, ….
    pub legal_dir: Option<std::path::PathBuf>,
    /// The keys that seal referral summaries; without them referrals are off.
    pub data_keys: Option<crate::vault::DataKeys>,
}

impl Config {
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
    }

    /// The origins (`scheme://host[:port]`) our own pages are served from, which a form's
    /// `Origin` header must name: the public URL's when one is configured; else the address
    /// served, and for a loopback address its `localhost` names too.
    pub fn origins(&self) -> Vec<String> {
        if let Some(url) = &self.public_url {
            let url = url.trim_end_matches('/');
            let origin = match url.find("://") {
                Some(i) => match url[i + 3..].find('/') {
                    Some(j) => &url[..i + 3 + j],
                    None => url,
                },
                None => url,
            };
            return vec![origin.to_ascii_lowercase()];
        }
        let port = self.addr.port();
        let mut out = vec![format!("http://{}", self.addr)];
        if self.addr.ip().is_loopback() {
            for host in ["localhost", "127.0.0.1", "[::1]"] {
                let o = format!("http://{host}:{port}");
                if !out.contains(&o) {
                    out.push(o);
                }
            }
        }
        out
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.to_string(),
            hsts: false,
            search_cache: DEFAULT_SEARCH_CACHE,
            insecure_cookies: false,
            public_url: None,
            trust_proxy: false,
            secret_key: None,
            totp_key: None,
            controller: None,
            legal_dir: None,
            data_keys: None,
        }
    }
}

pub const DEFAULT_SEARCH_CACHE: usize = 2000;
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kolmonen.db";
