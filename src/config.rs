//! Run-time settings of the server.

use std::net::SocketAddr;

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database_url: String,
    /// Send Strict-Transport-Security: only when served behind TLS.
    pub hsts: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: DEFAULT_DATABASE_URL.to_string(),
            hsts: false,
        }
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kolmonen.db";
