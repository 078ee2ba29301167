//! The relevance set: realistic queries with the demo records each should find, and
//! recall@10 and nDCG@10 over them (`kolmonen search-eval`).
//!
//! File format (`data/search/relevance.txt`): a line `? <query string>` starts a query (the
//! same parameters as `/api/v1/search`), each following line `<type> <Finnish name>` names
//! a record it should find; `#` starts a comment.

use super::{DocType, MatchQuery, SearchParams, Searcher};
use crate::domain::Lang;
use crate::store::{DynStore, StoreResult};
use std::collections::HashMap;

pub const RELEVANCE_SET: &str = include_str!("../../data/search/relevance.txt");

/// How many results count.
pub const K: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub line: usize,
    pub query: String,
    pub expected: Vec<(DocType, String)>,
}

pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases: Vec<Case> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(q) = line.strip_prefix('?') {
            cases.push(Case {
                line: i + 1,
                query: q.trim().to_string(),
                expected: Vec::new(),
            });
            continue;
        }
        let (t, name) = line
            .split_once(' ')
            .ok_or_else(|| format!("line {}: expected `<type> <name>`", i + 1))?;
        let t = DocType::parse(t).ok_or_else(|| format!("line {}: unknown type {t}", i + 1))?;
        let case = cases
            .last_mut()
            .ok_or_else(|| format!("line {}: a record before any query", i + 1))?;
        case.expected.push((t, name.trim().to_string()));
    }
    if let Some(c) = cases.iter().find(|c| c.expected.is_empty()) {
        return Err(format!("line {}: the query names no record", c.line));
    }
    Ok(cases)
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    pub case: Case,
    pub recall: f64,
    pub ndcg: f64,
    /// Expected records not in the first K.
    pub missed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub cases: Vec<CaseResult>,
    pub recall: f64,
    pub ndcg: f64,
}

/// recall@K and nDCG@K (binary relevance) of one ranked list.
pub fn metrics(ranked: &[String], relevant: &[String]) -> (f64, f64) {
    if relevant.is_empty() {
        return (1.0, 1.0);
    }
    let top = &ranked[..ranked.len().min(K)];
    let hits = top.iter().filter(|r| relevant.contains(r)).count();
    let ideal = relevant.len().min(K);
    let recall = hits as f64 / ideal as f64;
    let gain = |i: usize| 1.0 / ((i + 2) as f64).log2();
    let dcg: f64 = top
        .iter()
        .enumerate()
        .filter(|(_, r)| relevant.contains(r))
        .map(|(i, _)| gain(i))
        .sum();
    let idcg: f64 = (0..ideal).map(gain).sum();
    (recall, dcg / idcg)
}

/// Runs every case against the store.
pub async fn run(store: &DynStore, searcher: &Searcher, cases: &[Case]) -> StoreResult<Report> {
    // Records by type and Finnish name.
    let all = store.search_candidates(&MatchQuery::default()).await?;
    let by_name: HashMap<(DocType, String), String> = all
        .into_iter()
        .map(|c| ((c.doc_type, c.name().fi), c.record_id))
        .collect();
    let mut results = Vec::new();
    for case in cases {
        let params: SearchParams = serde_urlencoded::from_str(&case.query).unwrap_or_default();
        let (mut req, _) = params.check(Lang::Fi);
        req.per_page = K as u32;
        req.page = 1;
        let found = searcher.search(&req).await?;
        let ranked: Vec<String> = found.hits.iter().map(|h| h.record_id.clone()).collect();
        let mut relevant = Vec::new();
        let mut missed = Vec::new();
        for (t, name) in &case.expected {
            match by_name.get(&(*t, name.clone())) {
                Some(id) => {
                    if !ranked.contains(id) {
                        missed.push(format!("{} {name}", t.as_str()));
                    }
                    relevant.push(id.clone());
                }
                None => missed.push(format!("{} {name} (not in the data)", t.as_str())),
            }
        }
        let (recall, ndcg) = if relevant.len() < case.expected.len() {
            (0.0, 0.0)
        } else {
            metrics(&ranked, &relevant)
        };
        results.push(CaseResult {
            case: case.clone(),
            recall,
            ndcg,
            missed,
        });
    }
    let n = results.len().max(1) as f64;
    Ok(Report {
        recall: results.iter().map(|r| r.recall).sum::<f64>() / n,
        ndcg: results.iter().map(|r| r.ndcg).sum::<f64>() / n,
        cases: results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_of_known_lists() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(metrics(&s(&["a", "b"]), &s(&["a", "b"])), (1.0, 1.0));
        let (r, n) = metrics(&s(&["x", "a"]), &s(&["a"]));
        assert_eq!(r, 1.0);
        assert!((n - 1.0 / 3f64.log2()).abs() < 1e-9);
        assert_eq!(metrics(&s(&["x"]), &s(&["a"])), (0.0, 0.0));
    }

    #[test]
    fn the_shipped_set_parses_and_is_big_enough() {
        let cases = parse(RELEVANCE_SET).expect("relevance set parses");
        assert!(cases.len() >= 60, "{} queries", cases.len());
        assert!(parse("kudontapaja").is_err());
        assert!(parse("? q=x\n").is_err());
    }
}
