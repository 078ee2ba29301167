//! The two engines' full-text indexes: SQLite FTS5 and PostgreSQL tsvector. Both hold the
//! same tokens (the analyzer's words and facet tokens) and answer the same `MatchQuery`.

use super::sql::*;
use super::{StoreError, StoreResult};
use crate::domain::search::{Candidate, DocType, MatchQuery, SearchDoc};
use crate::domain::search::{SearchChanges, StoredDoc};
use async_trait::async_trait;
use sqlx::Row;
use std::collections::BTreeSet;

/// Changes kept for nodes catching up; a node further behind loads everything again.
const KEEP_CHANGES: i64 = 100_000;

/// Separates the fields of a matched document in the aggregated answer.
const FIELD: char = '\u{1f}';
/// Separates the matched documents.
const RECORD: char = '\u{1e}';

/// The matched documents, from the one text the engine aggregated them into (a row per
/// document costs more to pass through the driver than finding it does). Every field is
/// from a closed alphabet (ids, normalized words, tokens, numbers, dates) or JSON, whose
/// strings never hold a raw control character, so the separators cannot occur inside.
pub(super) fn candidates(all: Option<String>) -> StoreResult<Vec<Candidate>> {
    let Some(all) = all else {
        return Ok(Vec::new());
    };
    all.split(RECORD).map(candidate).collect()
}

fn candidate(r: &str) -> StoreResult<Candidate> {
    let corrupt = || StoreError::Corrupt(format!("bad search document {r:.80}"));
    let f: Vec<&str> = r.split(FIELD).collect();
    let [doc_type, record_id, name, title, facets, points, created, apply_by, strong] = f[..]
    else {
        return Err(corrupt());
    };
    let points = parse_points(points);
    Ok(Candidate {
        doc_type: DocType::parse(doc_type).ok_or_else(corrupt)?,
        record_id: record_id.to_string(),
        name: name.to_string(),
        title: title.to_string(),
        facets: facets.to_string(),
        points,
        created: created.parse().map_err(|_| corrupt())?,
        apply_by: (!apply_by.is_empty()).then(|| apply_by.to_string()),
        strong: strong == "1",
    })
}

/// Points as stored: `lat,lon;lat,lon`.
fn parse_points(points: &str) -> Vec<(f64, f64)> {
    points
        .split(';')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (a, b) = p.split_once(',')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .collect()
}

/// A stored document from a row of a `BodySource`'s select and its body.
fn stored_doc<R: Row>(r: &R, body: String) -> StoreResult<(i64, StoredDoc)>
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let doc_type: String = r.try_get(1)?;
    let doc_type = DocType::parse(&doc_type)
        .ok_or_else(|| StoreError::Corrupt(format!("bad search document type {doc_type:.20}")))?;
    let points: String = r.try_get(7)?;
    Ok((
        r.try_get(0)?,
        StoredDoc {
            doc_type,
            record_id: r.try_get(2)?,
            organization_id: r.try_get(3)?,
            name: r.try_get(4)?,
            title: r.try_get(5)?,
            body,
            facets: r.try_get(6)?,
            points: parse_points(&points),
            created: r.try_get(8)?,
            apply_by: r.try_get(9)?,
        },
    ))
}

/// The body words of a PostgreSQL tsvector as text (`'word':1A,2B 'm398':3`): the lexemes
/// with a position of weight B.
fn body_of_tsvector(tsv: &str) -> String {
    tsv.split(' ')
        .filter_map(|item| {
            let (lexeme, positions) = item.strip_prefix('\'')?.split_once("':")?;
            positions.split(',').any(|p| p == "2B").then_some(lexeme)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an engine gives a stored document's body: the SQL that reads documents with it as
/// the last column, and how to read that column.
pub(super) struct BodySource {
    pub select: &'static str,
    pub body: fn(String) -> String,
}

pub(super) const SQLITE_BODY: BodySource = BodySource {
    select: "SELECT d.doc_no, d.doc_type, d.record_id, d.organization_id, d.name, d.title, d.facets, d.points, d.created, d.apply_by, f.body FROM search_docs d JOIN search_fts f ON f.rowid = d.doc_no",
    body: |b| b,
};

pub(super) const POSTGRES_BODY: BodySource = BodySource {
    select: "SELECT d.doc_no, d.doc_type, d.record_id, d.organization_id, d.name, d.title, d.facets, d.points, d.created, d.apply_by, d.tsv::text FROM search_docs d",
    body: |tsv| body_of_tsvector(&tsv),
};

/// Stored documents after `after` (by number, up to `limit`), or of these organizations.
pub(super) async fn stored_documents<DB: sqlx::Database>(
    pool: &sqlx::Pool<DB>,
    source: &BodySource,
    after: i64,
    limit: u32,
    orgs: Option<&[String]>,
) -> StoreResult<Vec<(i64, StoredDoc)>>
where
    for<'e> &'e sqlx::Pool<DB>: sqlx::Executor<'e, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB> + sqlx::Decode<'q, DB>,
    for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB> + sqlx::Decode<'q, DB>,
    for<'q> Option<String>: sqlx::Decode<'q, DB> + sqlx::Type<DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    let base = source.select;
    let mut rows = Vec::new();
    match orgs {
        None => {
            rows = sqlx::query(&format!(
                "{base} WHERE d.doc_no > $1 ORDER BY d.doc_no LIMIT $2"
            ))
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(pool)
            .await?
        }
        Some(orgs) => {
            for chunk in orgs.chunks(500) {
                let marks = (1..=chunk.len())
                    .map(|i| format!("${i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = format!("{base} WHERE d.organization_id IN ({marks})");
                let mut q = sqlx::query(&sql);
                for o in chunk {
                    q = q.bind(o.clone());
                }
                rows.extend(q.fetch_all(pool).await?);
            }
        }
    }
    rows.iter()
        .map(|r| stored_doc(r, (source.body)(r.try_get(10)?)))
        .collect()
}

/// Notes which organizations' documents changed (after the counter's row lock, so numbers
/// commit in order) and drops changes older than any node needs.
async fn note_changes<'c, DB: sqlx::Database>(
    tx: &mut sqlx::Transaction<'c, DB>,
    units: &[String],
) -> StoreResult<()>
where
    for<'e> &'e mut DB::Connection: sqlx::Executor<'e, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB> + sqlx::Decode<'q, DB>,
    (i64,): for<'r> sqlx::FromRow<'r, DB::Row>,
{
    for chunk in units.chunks(500) {
        let marks = (1..=chunk.len())
            .map(|i| format!("(${i})"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("INSERT INTO search_changes (organization_id) VALUES {marks}");
        let mut q = sqlx::query(&sql);
        for id in chunk {
            q = q.bind(id.clone());
        }
        q.execute(&mut **tx).await?;
    }
    let (newest,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM search_changes")
        .fetch_one(&mut **tx)
        .await?;
    let drop_to = newest - KEEP_CHANGES;
    if drop_to > 0 {
        sqlx::query("DELETE FROM search_changes WHERE seq <= $1")
            .bind(drop_to)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE search_generation SET pruned = $1 WHERE id = 1 AND pruned < $1")
            .bind(drop_to)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The changes after `seq`, up to the newest number read first.
pub(super) async fn changes_since<'c, DB: sqlx::Database>(
    pool: &sqlx::Pool<DB>,
    seq: i64,
) -> StoreResult<SearchChanges>
where
    for<'e> &'e sqlx::Pool<DB>: sqlx::Executor<'e, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB> + sqlx::Decode<'q, DB>,
    (i64,): for<'r> sqlx::FromRow<'r, DB::Row>,
    (String,): for<'r> sqlx::FromRow<'r, DB::Row>,
{
    let (newest,): (i64,) = sqlx::query_as("SELECT COALESCE(MAX(seq), 0) FROM search_changes")
        .fetch_one(pool)
        .await?;
    let (pruned,): (i64,) = sqlx::query_as("SELECT pruned FROM search_generation WHERE id = 1")
        .fetch_one(pool)
        .await?;
    let rows: Vec<(String,)> = if newest > seq {
        sqlx::query_as(
            "SELECT DISTINCT organization_id FROM search_changes WHERE seq > $1 AND seq <= $2",
        )
        .bind(seq)
        .bind(newest)
        .fetch_all(pool)
        .await?
    } else {
        Vec::new()
    };
    Ok(SearchChanges {
        organizations: rows.into_iter().map(|(o,)| o).collect(),
        newest,
        pruned,
    })
}

fn points(d: &SearchDoc) -> String {
    d.points
        .iter()
        .map(|(a, b)| format!("{a},{b}"))
        .collect::<Vec<_>>()
        .join(";")
}

fn name(d: &SearchDoc) -> String {
    serde_json::to_string(&d.name).unwrap_or_else(|_| "{\"fi\":\"\"}".into())
}

fn new_words(docs: &[SearchDoc]) -> Vec<String> {
    let mut words = BTreeSet::new();
    for d in docs {
        words.extend(d.title.iter().cloned());
        words.extend(d.body.iter().cloned());
    }
    words.into_iter().collect()
}

/// The strong query, if every word group has a strong alternative; `None` when no
/// document can be a strong match.
fn strong(q: &MatchQuery) -> Option<&[Vec<String>]> {
    q.strong
        .iter()
        .all(|g| !g.is_empty())
        .then_some(q.strong.as_slice())
}

/// The tsvector literal of a document: title words at position 1 weight A, body words at
/// 2 weight B, facet tokens at 3 weight D. Every token is letters and digits only.
fn tsvector(d: &SearchDoc) -> String {
    let mut lexemes: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for w in &d.title {
        lexemes.entry(w).or_default().push("1A");
    }
    for w in &d.body {
        lexemes.entry(w).or_default().push("2B");
    }
    for w in &d.facets {
        lexemes.entry(w).or_default().push("3D");
    }
    lexemes
        .into_iter()
        .map(|(w, p)| format!("'{w}':{}", p.join(",")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Raises the change counter first thing in the transaction that changes the documents, so
/// a node that sees the new number also sees the new documents. Taken first, the counter's
/// row lock also makes writers take turns, so the words' sequence numbers are committed in
/// order and a node that has read up to number n never misses a smaller one.
async fn raise_generation<'c, DB: sqlx::Database>(
    tx: &mut sqlx::Transaction<'c, DB>,
) -> StoreResult<()>
where
    for<'e> &'e mut DB::Connection: sqlx::Executor<'e, Database = DB>,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
{
    sqlx::query("UPDATE search_generation SET generation = generation + 1 WHERE id = 1")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Writes an engine's test of a `MatchQuery` with these word groups, adding its binds.
type Render = fn(&MatchQuery, &[Vec<String>], &mut Vec<String>) -> String;

/// How an engine spells the parts of the match query that differ.
struct Engine {
    /// Its test that a document matches every group and filter.
    matches: Render,
    /// Its test that a document matches every strong group.
    strong: Render,
    /// The aggregate that joins texts with a separator, and how to write a control character.
    join: &'static str,
    chr: &'static str,
}

/// The SQL that returns every matching document as one text (see `candidates`), and its
/// binds.
fn match_sql(q: &MatchQuery, e: &Engine) -> (String, Vec<String>) {
    let mut binds = Vec::new();
    let where_ = if q.is_everything() {
        String::new()
    } else {
        format!(" WHERE {}", (e.matches)(q, &q.groups, &mut binds))
    };
    let strong_sql = match (q.groups.is_empty(), strong(q)) {
        (true, _) => "'1'".to_string(),
        (false, None) => "'0'".to_string(),
        (false, Some(s)) => format!(
            "CASE WHEN {} THEN '1' ELSE '0' END",
            (e.strong)(q, s, &mut binds)
        ),
    };
    let field = format!(" || {}(31) || ", e.chr);
    let row = [
        "d.doc_type",
        "d.record_id",
        "d.name",
        "d.title",
        "d.facets",
        "d.points",
        "d.created",
        "COALESCE(d.apply_by, '')",
        &strong_sql,
    ]
    .join(&field);
    (
        format!(
            "SELECT {}({row}, {}(30)) FROM search_docs d{where_}",
            e.join, e.chr
        ),
        binds,
    )
}

/// SQLite: one FTS5 query, words and filters together (FTS5 intersects them as it goes).
fn fts5_match(q: &MatchQuery, groups: &[Vec<String>], binds: &mut Vec<String>) -> String {
    binds.push(q.fts5(groups));
    format!(
        "d.doc_no IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${})",
        binds.len()
    )
}

/// PostgreSQL: one tsquery condition per word group and filter.
fn tsquery_match(q: &MatchQuery, groups: &[Vec<String>], binds: &mut Vec<String>) -> String {
    let mut conditions = Vec::new();
    for part in q.tsqueries(groups) {
        binds.push(part);
        conditions.push(format!("d.tsv @@ ${}::tsquery", binds.len()));
    }
    format!("({})", conditions.join(" AND "))
}

/// PostgreSQL's strong test runs on rows that already met every filter: only the words.
fn tsquery_words(_: &MatchQuery, groups: &[Vec<String>], binds: &mut Vec<String>) -> String {
    tsquery_match(&MatchQuery::default(), groups, binds)
}

impl SqliteStore {
    pub(super) async fn write_search_documents(
        &self,
        units: &[String],
        docs: &[SearchDoc],
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        raise_generation(&mut tx).await?;
        note_changes(&mut tx, units).await?;
        for chunk in units.chunks(500) {
            let marks = (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("DELETE FROM search_fts WHERE rowid IN (SELECT doc_no FROM search_docs WHERE organization_id IN ({marks}))");
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id);
            }
            q.execute(&mut *tx).await?;
            let sql = format!("DELETE FROM search_docs WHERE organization_id IN ({marks})");
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(id);
            }
            q.execute(&mut *tx).await?;
        }
        // Numbers are ours to give: the transaction holds SQLite's write lock from its first
        // statement, so nobody else takes the same. Then many rows per statement.
        let first: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(doc_no), 0) + 1 FROM search_docs")
            .fetch_one(&mut *tx)
            .await?;
        let numbered: Vec<(i64, &SearchDoc)> = (first..).zip(docs).collect();
        for chunk in numbered.chunks(100) {
            let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO search_docs (doc_no, doc_type, record_id, organization_id, name, title, facets, points, created, apply_by) ",
            );
            qb.push_values(chunk, |mut b, (no, d)| {
                b.push_bind(*no)
                    .push_bind(d.doc_type.as_str())
                    .push_bind(d.record_id.clone())
                    .push_bind(d.organization_id.clone())
                    .push_bind(name(d))
                    .push_bind(d.title.join(" "))
                    .push_bind(d.facets.join(" "))
                    .push_bind(points(d))
                    .push_bind(d.created)
                    .push_bind(d.apply_by.clone());
            });
            qb.build().execute(&mut *tx).await?;
            let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO search_fts (rowid, title, body, facets) ",
            );
            qb.push_values(chunk, |mut b, (no, d)| {
                b.push_bind(*no)
                    .push_bind(d.title.join(" "))
                    .push_bind(d.body.join(" "))
                    .push_bind(d.facets.join(" "));
            });
            qb.build().execute(&mut *tx).await?;
        }
        for chunk in new_words(docs).chunks(500) {
            let marks = (1..=chunk.len())
                .map(|i| format!("(${i})"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO search_words (word) VALUES {marks} ON CONFLICT (word) DO NOTHING"
            );
            let mut q = sqlx::query(&sql);
            for w in chunk {
                q = q.bind(w);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn compact_search_index(&self) -> StoreResult<()> {
        sqlx::query("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            .execute(&self.pool)
            .await?;
        // The merged index is in the write-ahead log; move it into the database file so
        // searches read it from there, not page by page through the log's index.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub(super) async fn match_documents(&self, q: &MatchQuery) -> StoreResult<Vec<Candidate>> {
        let (sql, binds) = match_sql(
            q,
            &Engine {
                matches: fts5_match,
                strong: fts5_match,
                join: "group_concat",
                chr: "char",
            },
        );
        let mut query = sqlx::query_scalar::<_, Option<String>>(&sql);
        for b in binds {
            query = query.bind(b);
        }
        candidates(query.fetch_one(&self.pool).await?)
    }
}

impl PostgresStore {
    pub(super) async fn write_search_documents(
        &self,
        units: &[String],
        docs: &[SearchDoc],
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        raise_generation(&mut tx).await?;
        note_changes(&mut tx, units).await?;
        sqlx::query("DELETE FROM search_docs WHERE organization_id = ANY($1)")
            .bind(units)
            .execute(&mut *tx)
            .await?;
        for chunk in docs.chunks(500) {
            let col =
                |f: &dyn Fn(&SearchDoc) -> String| chunk.iter().map(f).collect::<Vec<String>>();
            sqlx::query(
                "INSERT INTO search_docs (doc_type, record_id, organization_id, name, title, facets, points, created, apply_by, tsv)
                 SELECT t.doc_type, t.record_id, t.organization_id, t.name, t.title, t.facets, t.points, t.created, t.apply_by, t.tsv::tsvector
                 FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[], $10::text[])
                   AS t (doc_type, record_id, organization_id, name, title, facets, points, created, apply_by, tsv)",
            )
            .bind(col(&|d| d.doc_type.as_str().to_string()))
            .bind(col(&|d| d.record_id.clone()))
            .bind(col(&|d| d.organization_id.clone()))
            .bind(col(&name))
            .bind(col(&|d| d.title.join(" ")))
            .bind(col(&|d| d.facets.join(" ")))
            .bind(col(&points))
            .bind(chunk.iter().map(|d| d.created).collect::<Vec<i64>>())
            .bind(chunk.iter().map(|d| d.apply_by.clone()).collect::<Vec<Option<String>>>())
            .bind(col(&tsvector))
            .execute(&mut *tx)
            .await?;
        }
        let words = new_words(docs);
        if !words.is_empty() {
            // Only words not yet known take a sequence number.
            sqlx::query(
                "INSERT INTO search_words (word)
                 SELECT w FROM UNNEST($1::text[]) AS w WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w)
                 ON CONFLICT (word) DO NOTHING",
            )
            .bind(words)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn compact_search_index(&self) -> StoreResult<()> {
        sqlx::query("VACUUM ANALYZE search_docs")
            .execute(&self.pool)
            .await?;
        // The planner's statistics of every other table too: a bulk load into tables that
        // were never analyzed left PostgreSQL planning the result cards' lookups by id as
        // scans of whole tables (40 ms instead of 0.2 ms per page) until autovacuum came by.
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
    }

    pub(super) async fn match_documents(&self, q: &MatchQuery) -> StoreResult<Vec<Candidate>> {
        let (sql, binds) = match_sql(
            q,
            &Engine {
                matches: tsquery_match,
                strong: tsquery_words,
                join: "string_agg",
                chr: "chr",
            },
        );
        // Not a named prepared statement: PostgreSQL would switch to a generic plan after a
        // few runs, and that plan parses every tsquery again for each row (three times
        // slower on a broad search). An unnamed statement is always planned with its values.
        let mut query = sqlx::query_scalar::<_, Option<String>>(&sql).persistent(false);
        for b in binds {
            query = query.bind(b);
        }
        candidates(query.fetch_one(&self.pool).await?)
    }
}

#[async_trait]
pub trait SearchStore: Send + Sync {
    /// How many search documents there are (none: the index is to be built).
    async fn search_document_count(&self) -> StoreResult<i64>;
    /// Replaces the search documents of these units of indexing (organizations' ids, or
    /// `event:{id}`), all or nothing, and adds their words to the word list.
    async fn replace_search_documents(
        &self,
        units: &[String],
        docs: &[crate::domain::search::SearchDoc],
    ) -> StoreResult<()>;
    /// The units of indexing with a document of this type whose last day (`apply_by`) is
    /// before `today` (`YYYY-MM-DD`).
    async fn search_units_past(&self, doc_type: &str, today: &str) -> StoreResult<Vec<String>>;
    /// Compacts the full-text index after a bulk load (SQLite: FTS5 `optimize` merges the
    /// index into one segment; PostgreSQL: `VACUUM ANALYZE` empties the GIN pending list and
    /// refreshes the planner's statistics). Searches are several times faster afterwards.
    async fn optimize_search_index(&self) -> StoreResult<()>;
    /// The search documents' change counter: raised by every `replace_search_documents`.
    async fn search_generation(&self) -> StoreResult<i64>;
    /// Words added to the index after sequence number `seq`, with their numbers.
    async fn search_words_since(&self, seq: i64) -> StoreResult<Vec<(i64, String)>>;
    /// Which organizations' search documents changed after change number `seq` (see
    /// `search::memory`).
    async fn search_changes_since(
        &self,
        seq: i64,
    ) -> StoreResult<crate::domain::search::SearchChanges>;
    /// Up to `limit` search documents numbered after `after`, by number, with their numbers
    /// (what the index in memory loads, page by page).
    async fn stored_search_documents(
        &self,
        after: i64,
        limit: u32,
    ) -> StoreResult<Vec<(i64, crate::domain::search::StoredDoc)>>;
    /// The search documents of these organizations.
    async fn stored_search_documents_of(
        &self,
        organizations: &[String],
    ) -> StoreResult<Vec<crate::domain::search::StoredDoc>>;
    /// The documents the full-text index matches.
    async fn search_candidates(
        &self,
        query: &crate::domain::search::MatchQuery,
    ) -> StoreResult<Vec<crate::domain::search::Candidate>>;
}

macro_rules! search_store {
    ($store:ident, $db:ty) => {
        #[async_trait]
        impl SearchStore for $store {
            async fn search_document_count(&self) -> StoreResult<i64> {
                Ok(sqlx::query_scalar("SELECT COUNT(*) FROM search_docs")
                    .fetch_one(&self.pool)
                    .await?)
            }

            async fn replace_search_documents(
                &self,
                units: &[String],
                docs: &[crate::domain::search::SearchDoc],
            ) -> StoreResult<()> {
                self.write_search_documents(units, docs).await
            }

            async fn optimize_search_index(&self) -> StoreResult<()> {
                self.compact_search_index().await
            }

            async fn search_units_past(&self, doc_type: &str, today: &str) -> StoreResult<Vec<String>> {
                Ok(sqlx::query_scalar(
                    "SELECT DISTINCT organization_id FROM search_docs WHERE doc_type = $1 AND apply_by IS NOT NULL AND apply_by <> '' AND apply_by < $2",
                )
                .bind(doc_type)
                .bind(today)
                .fetch_all(&self.pool)
                .await?)
            }

            async fn search_generation(&self) -> StoreResult<i64> {
                Ok(
                    sqlx::query_scalar("SELECT generation FROM search_generation WHERE id = 1")
                        .fetch_one(&self.pool)
                        .await?,
                )
            }

            async fn search_words_since(&self, seq: i64) -> StoreResult<Vec<(i64, String)>> {
                Ok(
                    sqlx::query_as(
                        "SELECT seq, word FROM search_words WHERE seq > $1 ORDER BY seq",
                    )
                    .bind(seq)
                    .fetch_all(&self.pool)
                    .await?,
                )
            }

            async fn search_changes_since(
                &self,
                seq: i64,
            ) -> StoreResult<crate::domain::search::SearchChanges> {
                super::search::changes_since(&self.pool, seq).await
            }

            async fn stored_search_documents(
                &self,
                after: i64,
                limit: u32,
            ) -> StoreResult<Vec<(i64, crate::domain::search::StoredDoc)>> {
                super::search::stored_documents(&self.pool, &Self::SEARCH_BODY, after, limit, None)
                    .await
            }

            async fn stored_search_documents_of(
                &self,
                organizations: &[String],
            ) -> StoreResult<Vec<crate::domain::search::StoredDoc>> {
                Ok(super::search::stored_documents(
                    &self.pool,
                    &Self::SEARCH_BODY,
                    0,
                    0,
                    Some(organizations),
                )
                .await?
                .into_iter()
                .map(|(_, d)| d)
                .collect())
            }

            async fn search_candidates(
                &self,
                query: &crate::domain::search::MatchQuery,
            ) -> StoreResult<Vec<crate::domain::search::Candidate>> {
                self.match_documents(query).await
            }
        }
    };
}

search_store!(SqliteStore, sqlx::Sqlite);
search_store!(PostgresStore, sqlx::Postgres);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LocalizedText;

    #[test]
    fn aggregated_matches_read_back() {
        let one = [
            "service",
            "id1",
            r#"{"fi":"Työ\u001e"}"#,
            "työ",
            "m398 tservice",
            "60.9,25.6",
            "7",
            "",
            "1",
        ]
        .join("\u{1f}");
        let two = [
            "opportunity",
            "id2",
            r#"{"fi":"B"}"#,
            "b",
            "",
            "",
            "8",
            "2026-12-01",
            "0",
        ]
        .join("\u{1f}");
        let c = candidates(Some(format!("{one}\u{1e}{two}"))).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].name().fi, "Työ\u{1e}");
        assert_eq!(c[0].points, vec![(60.9, 25.6)]);
        assert!(c[0].strong && !c[1].strong);
        assert_eq!(c[0].apply_by, None);
        assert_eq!(c[1].apply_by.as_deref(), Some("2026-12-01"));
        assert!(candidates(None).unwrap().is_empty());
        assert!(candidates(Some("service\u{1f}x".into())).is_err());
    }

    #[test]
    fn tsvector_literal_carries_weights() {
        let d = SearchDoc {
            doc_type: DocType::Service,
            record_id: "x".into(),
            organization_id: "y".into(),
            name: LocalizedText::fi("Työ"),
            title: vec!["työ".into()],
            body: vec!["paja".into(), "työ".into()],
            facets: vec!["m398".into()],
            points: vec![(60.9, 25.6)],
            created: 0,
            apply_by: None,
        };
        assert_eq!(tsvector(&d), "'m398':3D 'paja':2B 'työ':1A,2B");
        assert_eq!(points(&d), "60.9,25.6");
    }
}
