//! A result list to take along: a link to the same list to copy, and the whole list (the same
//! filters, every page up to a limit) as CSV that spreadsheet programs open as UTF-8.

use super::{Card, Ctx};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// At most this many rows in one CSV (ten pages of a hundred).
pub const CSV_MAX_ROWS: u32 = 1000;
/// Rows are read this many at a time.
pub const CSV_PAGE: u32 = 100;

/// At most this many CSV exports are built at once on a node; others wait their turn, so
/// many downloads at once do not slow the pages (an outside test: 40 parallel exports
/// made the front page take 2–3 s).
static CSV_SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// A turn to build a CSV, held until the response is built.
pub async fn csv_turn() -> Option<tokio::sync::SemaphorePermit<'static>> {
    CSV_SLOTS.acquire().await.ok()
}

/// Every page of a list, up to the CSV's limit: `fetch` reads one page and says how many
/// there are in all.
pub async fn every_page<T, E, F, Fut>(mut fetch: F) -> Result<Vec<T>, E>
where
    F: FnMut(crate::store::PageRequest) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<T>, u64), E>>,
{
    let mut out = Vec::new();
    for p in 1..=CSV_MAX_ROWS / CSV_PAGE {
        let (items, total) = fetch(crate::store::PageRequest::new(p, CSV_PAGE)).await?;
        let n = items.len();
        out.extend(items);
        if n < CSV_PAGE as usize || out.len() as u64 >= total {
            break;
        }
    }
    Ok(out)
}

/// The list's own address to copy, and its CSV.
pub struct Share {
    pub url: String,
    pub csv: String,
}

/// Whether the query asked for CSV (`format=csv`).
pub fn wants_csv(format: &Option<String>) -> bool {
    format.as_deref().map(str::trim) == Some("csv")
}

/// This page's link in full (`public`: the portal's public address) and its CSV: the same
/// query without the page number.
pub fn share(ctx: &Ctx, public: &str) -> Share {
    let here = ctx.here();
    let query = ctx.rest.split_once('?').map(|(_, q)| q).unwrap_or("");
    let kept: Vec<(String, String)> = serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _)| n != "format")
        .collect();
    let mut csv: Vec<(String, String)> =
        kept.iter().filter(|(n, _)| n != "page").cloned().collect();
    csv.push(("format".into(), "csv".into()));
    let encode = |p: &[(String, String)]| serde_urlencoded::to_string(p).unwrap_or_default();
    let page = encode(&kept);
    Share {
        url: format!(
            "{}{here}{}{page}",
            public.trim_end_matches('/'),
            if page.is_empty() { "" } else { "?" }
        ),
        csv: format!("{here}?{}", encode(&csv)),
    }
}

/// The columns: the translation key of each heading.
const COLUMNS: [&str; 13] = [
    "csv-kind",
    "csv-name",
    "csv-organization",
    "csv-place",
    "field-status",
    "field-address",
    "field-phone",
    "field-email",
    "field-schedule",
    "field-hours-per-week",
    "field-apply-by",
    "csv-link",
    "csv-checked",
];

use crate::domain::csv_cell as cell;

/// The cards as a CSV download named `file` (UTF-8 with a byte-order mark, so that
/// spreadsheet programs read ä and ö right; headings and separator in the page's language).
pub fn csv_response(ctx: &Ctx, public: &str, file: &str, cards: &[Card]) -> Response {
    // Semicolons in Finnish and Swedish, as spreadsheet programs set to those languages
    // expect (the comma is their decimal separator); commas in English.
    let delimiter = if ctx.lang == crate::domain::Lang::En {
        b','
    } else {
        b';'
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let head: Vec<String> = COLUMNS.iter().map(|k| ctx.t(k)).collect();
    let _ = w.write_record(&head);
    for c in cards {
        let fact = |key: &str| {
            c.print
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        let row = [
            c.kind.clone(),
            c.name.text.clone(),
            c.organization.clone().unwrap_or_default(),
            c.place.clone().unwrap_or_default(),
            fact("field-status"),
            fact("field-address"),
            fact("field-phone"),
            fact("field-email"),
            fact("field-schedule"),
            fact("field-hours-per-week"),
            fact("field-apply-by"),
            format!("{}{}", public.trim_end_matches('/'), c.url),
            c.fresh.as_ref().map(|f| f.text.clone()).unwrap_or_default(),
        ];
        let _ = w.write_record(row.iter().map(|v| cell(v)));
    }
    let mut body = "\u{feff}".as_bytes().to_vec();
    body.extend(w.into_inner().unwrap_or_default());
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) =
        HeaderValue::from_str(&format!("attachment; filename=\"{file}-{}.csv\"", ctx.lang))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_not_formulas_in_a_spreadsheet() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-cmd"), "'-cmd");
        assert_eq!(cell("+358 44 000 1101"), "'+358 44 000 1101");
        assert_eq!(cell("- 2"), "'- 2");
        assert_eq!(cell("Lahti"), "Lahti");
    }
}
