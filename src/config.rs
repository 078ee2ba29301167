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
}

impl Config {
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
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
        }
    }
}

pub const DEFAULT_SEARCH_CACHE: usize = 2000;
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kolmonen.db";
