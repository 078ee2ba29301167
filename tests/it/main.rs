//! The integration tests: one binary (one link of the library instead of one per file), one
//! module per area. `common` is the harness: the real router on a real SQLite or PostgreSQL
//! database, browsers that keep cookies, accounts per role.

#[macro_use]
mod common;

mod accounts;
mod architecture;
mod articles;
mod cli;
mod digests;
mod events;
mod findings;
mod form_fuzz;
mod hsds;
mod hsds_examples;
mod hsds_export;
mod hsds_import;
mod http;
mod journeys;
mod mail;
mod manage;
mod networks;
mod people;
mod projects;
mod referrals;
mod search;
mod security;
mod snapshots;
mod store_contract;
mod threads;
