//! HSDS 3.0 tabular data packages (a directory of CSV files, one per table) read back into
//! compiled documents, which then take the same road into our records as JSON documents do.
//! Columns are checked against the official table schemas; every problem is reported with
//! its file and line.

use super::import::{reject, ImportPlan, Rejected, MAX_FILE_BYTES};
use super::package::DATAPACKAGE;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::LazyLock;
use time::OffsetDateTime;

/// Tables of the specification that we read beyond the ones we write; all their columns
/// are text.
const MORE_TABLES: &[(&str, &[&str])] = &[
    (
        "programs.csv",
        &[
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
        ],
    ),
    (
        "required_documents.csv",
        &["id", "service_id", "document", "uri"],
    ),
    (
        "service_areas.csv",
        &[
            "id",
            "service_id",
            "name",
            "description",
            "extent",
            "extent_type",
            "uri",
        ],
    ),
];

/// Tables that hold no directory data: read past with a note.
const NOT_DATA: &[(&str, &str)] = &[
    (
        "metadata.csv",
        "the change history of the source is not imported",
    ),
    (
        "meta_table_descriptions.csv",
        "table descriptions are not data",
    ),
    (
        "taxonomies.csv",
        "our own taxonomies are built in, other taxonomies are not stored",
    ),
    (
        "taxonomy_terms.csv",
        "our own terms are matched by id, other taxonomies are not stored",
    ),
];

#[derive(Debug, Clone)]
struct Column {
    name: String,
    number: bool,
    required: bool,
}

/// Table file name → its columns, from the official schemas.
static TABLES: LazyLock<HashMap<String, Vec<Column>>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    let descriptor: Value = serde_json::from_str(DATAPACKAGE).unwrap_or_default();
    for r in descriptor["resources"].as_array().into_iter().flatten() {
        let Some(path) = r["path"].as_str() else {
            continue;
        };
        let cols = r["schema"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some(Column {
                    name: f["name"].as_str()?.to_string(),
                    number: matches!(f["type"].as_str(), Some("number" | "integer")),
                    required: f["constraints"]["required"].as_bool().unwrap_or(false),
                })
            })
            .collect();
        out.insert(path.to_string(), cols);
    }
    for (path, cols) in MORE_TABLES {
        out.insert(
            path.to_string(),
            cols.iter()
                .map(|c| Column {
                    name: c.to_string(),
                    number: false,
                    required: *c == "id",
                })
                .collect(),
        );
    }
    out
});

/// Whether `dir` looks like a tabular package.
pub fn is_package(dir: &Path) -> bool {
    ["organizations.csv", "services.csv", "locations.csv"]
        .iter()
        .any(|t| dir.join(t).is_file())
}

/// One row: its line in the file and its non-empty cells.
struct Row {
    line: u64,
    cells: Map<String, Value>,
}

impl Row {
    fn get(&self, column: &str) -> Option<&str> {
        self.cells.get(column).and_then(Value::as_str)
    }
}

/// Reads one table; `None` when the file is missing.
fn read_table(dir: &Path, table: &str, rejected: &mut Vec<Rejected>) -> Option<Vec<Row>> {
    let path = dir.join(table);
    let source = path.display().to_string();
    let columns = TABLES.get(table)?;
    let meta = std::fs::metadata(&path).ok()?;
    if meta.len() > MAX_FILE_BYTES {
        rejected.push(reject(
            &source,
            format!("file is larger than {} MB", MAX_FILE_BYTES / 1024 / 1024),
        ));
        return Some(Vec::new());
    }
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            rejected.push(reject(&source, e.to_string()));
            return Some(Vec::new());
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        rejected.push(reject(
            format!("{source}:{line}"),
            "not UTF-8 text: save the file as UTF-8",
        ));
        return Some(Vec::new());
    }
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            rejected.push(reject(format!("{source}:1"), format!("bad header: {e}")));
            return Some(Vec::new());
        }
    };
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for name in &header {
        if !seen.insert(name) {
            problems.push(format!("column {name:?} appears twice"));
        } else if !columns.iter().any(|c| &c.name == name) {
            problems.push(format!("unknown column {name:?}"));
        }
    }
    for c in columns.iter().filter(|c| c.required) {
        if !header.contains(&c.name) {
            problems.push(format!("the required column {:?} is missing", c.name));
        }
    }
    if !problems.is_empty() {
        rejected.push(reject(
            format!("{source}:1"),
            format!(
                "wrong header: {}; the HSDS 3.0 columns of {table} are {}",
                problems.join(", "),
                columns
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        ));
        return Some(Vec::new());
    }
    let mut rows = Vec::new();
    let mut ids: HashMap<String, u64> = HashMap::new();
    let mut lines = Lines::new(bytes);
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.at(e.position().map(|p| p.byte()).unwrap_or(0));
                rejected.push(reject(format!("{source}:{line}"), e.to_string()));
                continue;
            }
        };
        let line = lines.at(record.position().map(|p| p.byte()).unwrap_or(0));
        let at = format!("{source}:{line}");
        let mut cells = Map::new();
        let mut ok = true;
        for (name, cell) in header.iter().zip(record.iter()) {
            let cell = cell.trim();
            let Some(col) = columns.iter().find(|c| &c.name == name) else {
                continue;
            };
            if cell.is_empty() {
                if col.required {
                    rejected.push(reject(&at, format!("{name} is required")));
                    ok = false;
                }
                continue;
            }
            let value = if col.number {
                match cell
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                {
                    Some(n) => Value::Number(normalize(n)),
                    None => {
                        rejected.push(reject(&at, format!("{name}: {cell:?} is not a number")));
                        ok = false;
                        continue;
                    }
                }
            } else {
                Value::String(cell.to_string())
            };
            cells.insert(name.clone(), value);
        }
        if let Some(id) = cells.get("id").and_then(Value::as_str) {
            if let Some(first) = ids.insert(id.to_string(), line) {
                rejected.push(reject(
                    &at,
                    format!("duplicate id {id} (first on line {first})"),
                ));
                ok = false;
            }
        }
        if ok {
            rows.push(Row { line, cells });
        }
    }
    Some(rows)
}

/// Line numbers (from 1) of byte offsets met in increasing order; counted here because the
/// csv crate's own count does not follow CRLF files.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines {
            bytes,
            pos: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: u64) -> u64 {
        let mut end = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        // A record can be reported as starting at the end of the line before it.
        while end < self.bytes.len() && matches!(self.bytes[end], b'\r' | b'\n') {
            end += 1;
        }
        if end >= self.pos {
            self.line += self.bytes[self.pos..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.pos = end;
        }
        self.line
    }
}

/// Whole numbers as integers, as JSON documents write them.
fn normalize(n: serde_json::Number) -> serde_json::Number {
    match n.as_f64() {
        Some(f) if f.fract() == 0.0 && f.abs() < 9e15 => serde_json::Number::from(f as i64),
        _ => n,
    }
}

/// The package's tables, indexed by the columns that link them (`id` and every `*_id`), so
/// that nesting a table's rows under their parents reads each table once.
struct Package {
    tables: HashMap<String, Vec<Row>>,
    /// (table, column, value) → the rows of `table` with that value, in file order.
    index: HashMap<(String, String, String), Vec<usize>>,
}

impl Package {
    fn new(tables: HashMap<String, Vec<Row>>) -> Self {
        let mut index: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
        for (table, rows) in &tables {
            for (i, r) in rows.iter().enumerate() {
                for (column, value) in &r.cells {
                    let Some(value) = value.as_str() else {
                        continue;
                    };
                    if column == "id" || column.ends_with("_id") {
                        index
                            .entry((table.clone(), column.clone(), value.to_string()))
                            .or_default()
                            .push(i);
                    }
                }
            }
        }
        Package { tables, index }
    }

    fn rows(&self, table: &str) -> &[Row] {
        self.tables
            .get(table)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The rows of `table` whose `column` is `value`.
    fn linked<'a>(
        &'a self,
        table: &str,
        column: &str,
        value: &str,
    ) -> impl Iterator<Item = &'a Row> + 'a {
        let rows = self.rows(table);
        self.index
            .get(&(table.to_string(), column.to_string(), value.to_string()))
            .into_iter()
            .flatten()
            .filter_map(move |i| rows.get(*i))
    }

    fn has(&self, table: &str, id: &str) -> bool {
        self.linked(table, "id", id).next().is_some()
    }

    /// A row as a document, with the rows of other tables that belong in it.
    fn build(&self, table: &str, r: &Row) -> Value {
        match table {
            "phones.csv" => self.phone(r),
            "contacts.csv" => self.contact(r),
            "locations.csv" => self.location(r),
            "services.csv" => self.service(r),
            _ => Value::Object(r.cells.clone()),
        }
    }

    /// Nests under `doc[key]` the rows of `table` whose `column` is `id`, if there are any.
    fn nest(&self, doc: &mut Map<String, Value>, key: &str, table: &str, column: &str, id: &str) {
        let list: Vec<Value> = self
            .linked(table, column, id)
            .map(|r| self.build(table, r))
            .collect();
        if !list.is_empty() {
            doc.insert(key.to_string(), Value::Array(list));
        }
    }

    /// The row's cells, with the lists (key, table) linked to it by `column`.
    fn record(&self, r: &Row, column: &str, lists: &[(&str, &str)]) -> Map<String, Value> {
        let mut doc = r.cells.clone();
        let id = r.get("id").unwrap_or_default();
        for (key, table) in lists {
            self.nest(&mut doc, key, table, column, id);
        }
        doc
    }

    /// A record of the core (organization, service, location): its lists and attributes.
    fn core(&self, r: &Row, column: &str, lists: &[(&str, &str)]) -> Map<String, Value> {
        let mut doc = self.record(r, column, lists);
        let id = r.get("id").unwrap_or_default();
        self.nest(&mut doc, "attributes", "attributes.csv", "link_id", id);
        doc
    }

    fn phone(&self, r: &Row) -> Value {
        Value::Object(self.record(r, "phone_id", &[("languages", "languages.csv")]))
    }

    fn contact(&self, r: &Row) -> Value {
        Value::Object(self.record(r, "contact_id", &[("phones", "phones.csv")]))
    }

    fn location(&self, r: &Row) -> Value {
        Value::Object(self.core(
            r,
            "location_id",
            &[
                ("addresses", "addresses.csv"),
                ("accessibility", "accessibility.csv"),
                ("phones", "phones.csv"),
                ("languages", "languages.csv"),
                ("schedules", "schedules.csv"),
                ("contacts", "contacts.csv"),
            ],
        ))
    }

    fn service_at_location(&self, r: &Row) -> Value {
        let mut sal = self.record(
            r,
            "service_at_location_id",
            &[
                ("contacts", "contacts.csv"),
                ("phones", "phones.csv"),
                ("schedules", "schedules.csv"),
            ],
        );
        if let Some(l) = r
            .get("location_id")
            .and_then(|l| self.linked("locations.csv", "id", l).next())
        {
            sal.insert("location".into(), self.location(l));
        }
        Value::Object(sal)
    }

    fn service(&self, r: &Row) -> Value {
        let mut doc = self.core(
            r,
            "service_id",
            &[
                ("schedules", "schedules.csv"),
                ("service_areas", "service_areas.csv"),
                ("languages", "languages.csv"),
                ("funding", "funding.csv"),
                ("cost_options", "cost_options.csv"),
                ("required_documents", "required_documents.csv"),
                ("phones", "phones.csv"),
                ("contacts", "contacts.csv"),
            ],
        );
        if let Some(p) = r
            .get("program_id")
            .and_then(|p| self.linked("programs.csv", "id", p).next())
        {
            doc.insert("program".into(), Value::Object(p.cells.clone()));
        }
        let id = r.get("id").unwrap_or_default();
        let sals: Vec<Value> = self
            .linked("service_at_location.csv", "service_id", id)
            .map(|s| self.service_at_location(s))
            .collect();
        if !sals.is_empty() {
            doc.insert("service_at_locations".into(), Value::Array(sals));
        }
        Value::Object(doc)
    }

    fn organization(&self, r: &Row) -> Value {
        Value::Object(self.core(
            r,
            "organization_id",
            &[
                ("organization_identifiers", "organization_identifiers.csv"),
                ("funding", "funding.csv"),
                ("programs", "programs.csv"),
                ("phones", "phones.csv"),
                ("contacts", "contacts.csv"),
                ("locations", "locations.csv"),
                ("services", "services.csv"),
            ],
        ))
    }
}

/// Reads the package in `dir` into `plan`.
pub fn add_package(plan: &mut ImportPlan, dir: &Path, now: OffsetDateTime) {
    let mut tables = HashMap::new();
    let known: HashSet<&str> = TABLES.keys().map(String::as_str).collect();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for f in files {
        let Some(name) = f.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".csv") || known.contains(name) {
            continue;
        }
        let at = f.display().to_string();
        match NOT_DATA.iter().find(|(t, _)| *t == name) {
            Some((_, why)) => plan.notes.push(reject(at, format!("skipped: {why}"))),
            None => plan
                .rejected
                .push(reject(at, "not a table of HSDS 3.0 (check the file name)")),
        }
    }
    for table in TABLES.keys() {
        if let Some(rows) = read_table(dir, table, &mut plan.rejected) {
            tables.insert(table.clone(), rows);
        }
    }
    let package = Package::new(tables);
    let is_record = |id: &str| {
        package
            .tables
            .keys()
            .any(|t| t != "attributes.csv" && package.has(t, id))
    };
    for r in package.rows("attributes.csv") {
        if let Some(link) = r.get("link_id").filter(|l| !is_record(l)) {
            plan.notes.push(reject(
                format!("{}:{}", dir.join("attributes.csv").display(), r.line),
                format!("links to {link}, which is not in the package: not imported"),
            ));
        }
    }
    let at = |table: &str, r: &Row| format!("{}:{}", dir.join(table).display(), r.line);
    let in_package = |org: Option<&str>| org.is_some_and(|o| package.has("organizations.csv", o));
    for r in package.rows("organizations.csv") {
        plan.add_document(package.organization(r), at("organizations.csv", r), now);
    }
    // Services of organizations the package does not bring: the store may have them.
    for r in package.rows("services.csv") {
        if !in_package(r.get("organization_id")) {
            plan.add_document(package.service(r), at("services.csv", r), now);
        }
    }
    // Locations that no organization or service of the package brings.
    for r in package.rows("locations.csv") {
        let id = r.get("id").unwrap_or_default();
        let linked = package
            .linked("service_at_location.csv", "location_id", id)
            .next()
            .is_some();
        if !in_package(r.get("organization_id")) && !linked {
            plan.add_document(package.location(r), at("locations.csv", r), now);
        }
    }
}
