//! The project register as a spreadsheet: a region loads the project list it keeps today and
//! takes it out again. One row per project; the columns are in `COLUMNS` (and the README).
//! Every bad cell is reported with its line and column, and nothing is written unless every
//! row is good; the `key` column makes importing again update the same projects.

use crate::domain::projects::{
    parse_date, parse_euros, Partner, Project, ProjectStatus, MAX_KEY_CHARS, MAX_NAME_CHARS,
    MAX_NOTE_CHARS, MAX_PARTNERS, MAX_TEXT_CHARS,
};
use crate::domain::{helsinki, Lang, LocalizedText, OrganizationId, ProjectId, UserId};
use crate::i18n::t_args;
use crate::refdata::REF;
use crate::store::{ProjectQuery, Store, StoreResult};
use std::collections::{HashMap, HashSet};
use time::OffsetDateTime;

/// The columns, in the order an export writes them. Lists (partners, funders, target groups,
/// municipalities) are separated by `;`.
pub const COLUMNS: [&str; 22] = [
    "key",
    "name_fi",
    "name_sv",
    "name_en",
    "lead",
    "partners",
    "funders",
    "funder_note",
    "budget_eur",
    "starts_on",
    "ends_on",
    "target_groups",
    "municipalities",
    "aims_fi",
    "aims_sv",
    "aims_en",
    "contact_role_fi",
    "contact_role_sv",
    "contact_role_en",
    "results_fi",
    "results_sv",
    "results_en",
];
/// Columns every file must have.
pub const REQUIRED: [&str; 5] = ["key", "name_fi", "lead", "funders", "starts_on"];
/// A file larger than this, or with more rows, is refused whole.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 5000;

/// One thing wrong in the file: where, and what (a translation key and the cell's value).
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The line in the file (the header is line 1).
    pub line: u64,
    pub column: String,
    /// Translation key of the message; it can use `$value`.
    pub key: &'static str,
    pub value: String,
}

impl RowError {
    pub fn message(&self, lang: Lang) -> String {
        t_args(
            lang,
            self.key,
            &[
                ("value", self.value.clone().into()),
                ("column", self.column.clone().into()),
            ],
        )
    }
}

/// What an import did, or would do.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    pub errors: Vec<RowError>,
    /// The projects read, by key (for a preview to show).
    pub projects: HashMap<String, Project>,
    /// The columns that change, by the key of a project updated.
    pub changes: HashMap<String, Vec<&'static str>>,
}

/// Names, business ids and ids of the organizations, to find a lead or partner by.
pub struct Organizations {
    by_name: HashMap<String, Vec<OrganizationId>>,
    names: HashMap<OrganizationId, String>,
}

fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Organizations {
    pub async fn load(store: &dyn Store) -> StoreResult<Self> {
        let all = store.organizations_named_like("", i64::MAX).await?;
        let mut by_name: HashMap<String, Vec<OrganizationId>> = HashMap::new();
        for (id, name) in &all {
            by_name.entry(normal(name)).or_default().push(*id);
        }
        Ok(Self {
            by_name,
            names: all.into_iter().collect(),
        })
    }

    /// None known (every name is unknown; used where only ids are given).
    pub fn empty() -> Self {
        Self {
            by_name: HashMap::new(),
            names: HashMap::new(),
        }
    }

    pub fn name(&self, id: OrganizationId) -> Option<&str> {
        self.names.get(&id).map(String::as_str)
    }

    /// The organization a cell names: by its id, or by its name (any case, any spacing).
    /// `Err(true)` when the name is shared by several.
    pub fn find(&self, s: &str) -> Result<OrganizationId, bool> {
        if let Some(id) = OrganizationId::parse(s).filter(|id| self.names.contains_key(id)) {
            return Ok(id);
        }
        match self.by_name.get(&normal(s)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some([_, _, ..]) => Err(true),
            _ => Err(false),
        }
    }
}

/// The entries of a list cell, as they come.
fn entries(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// The entries of a list cell.
fn list(s: &str) -> Vec<String> {
    entries(s).map(str::to_string).collect()
}

/// Entries of a list column read at most (more is an error: there are 309 municipalities).
const MAX_LIST_ENTRIES: usize = 400;
/// Unknown entries of one cell named at most.
const MAX_CELL_ERRORS: usize = 5;

/// Reads the file into projects, or says everything wrong in it. `lead_allowed` says which
/// organizations the importer may put a project under; `existing` are the projects already
/// stored with the file's keys (they keep their ids).
pub fn parse(
    bytes: &[u8],
    orgs: &Organizations,
    lead_allowed: &dyn Fn(OrganizationId) -> bool,
    existing: &HashMap<String, Project>,
    by: Option<UserId>,
    now: OffsetDateTime,
) -> Result<Vec<Project>, Vec<RowError>> {
    let whole = |key: &'static str, value: String| {
        vec![RowError {
            line: 1,
            column: String::new(),
            key,
            value,
        }]
    };
    if bytes.len() > MAX_BYTES {
        return Err(whole(
            "projects-csv-too-large",
            (MAX_BYTES / 1024 / 1024).to_string(),
        ));
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(whole("projects-csv-not-utf8", String::new()));
    };
    // Lines ended as Windows ends them are counted as the file's own lines.
    let text = text.replace("\r\n", "\n");
    let mut reader = reader(&text);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(column_name).collect(),
        Err(_) => return Err(whole("projects-csv-unreadable", String::new())),
    };
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for c in &header {
        if errors.len() >= MAX_HEADER_ERRORS {
            break;
        }
        if !seen.insert(c.as_str()) {
            // Which of two cells would count? (And a header of thousands of the same column
            // would make every row's reading slow.)
            errors.push(RowError {
                line: 1,
                column: c.clone(),
                key: "projects-csv-duplicate-column",
                value: c.chars().take(60).collect(),
            });
        } else if !COLUMNS.contains(&c.as_str()) {
            errors.push(RowError {
                line: 1,
                column: c.clone(),
                key: "projects-csv-unknown-column",
                value: c.chars().take(60).collect(),
            });
        }
    }
    for c in REQUIRED {
        if !header.iter().any(|h| h == c) {
            errors.push(RowError {
                line: 1,
                column: c.to_string(),
                key: "projects-csv-missing-column",
                value: c.to_string(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut projects = Vec::new();
    let mut keys = HashSet::new();
    for (n, record) in reader.records().enumerate() {
        if n >= MAX_ROWS {
            return Err(whole("projects-csv-too-many-rows", MAX_ROWS.to_string()));
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(RowError {
                    line: e.position().map_or(n as u64 + 2, |p| p.line()),
                    column: String::new(),
                    key: "projects-csv-unreadable",
                    value: String::new(),
                });
                continue;
            }
        };
        let line = record.position().map_or(n as u64 + 2, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Cells beyond the header's columns would be lost without a word.
        if let Some(extra) = record
            .iter()
            .skip(header.len())
            .find(|c| !c.trim().is_empty())
        {
            errors.push(RowError {
                line,
                column: String::new(),
                key: "projects-csv-extra-cells",
                value: crate::domain::csv_uncell(extra.trim())
                    .chars()
                    .take(60)
                    .collect(),
            });
        }
        let cell = |name: &str| -> String {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(cell_value)
                .unwrap_or_default()
        };
        let key = cell("key");
        let mut draft = read_row(&cell, line, orgs, lead_allowed);
        let mut row = Row {
            line,
            errors: Vec::new(),
        };
        if key.is_empty() {
            row.error("key", "projects-csv-required", "");
        } else if key
            .chars()
            .any(|c| c.is_control() || crate::domain::line::is_deceptive(c))
        {
            row.error("key", "projects-csv-bad-key", "");
        } else if key.chars().count() > MAX_KEY_CHARS {
            row.error("key", "projects-csv-too-long", &key);
        } else if !keys.insert(key.clone()) {
            row.error("key", "projects-csv-duplicate-key", &key);
        } else if existing.get(&key).is_some_and(|p| !lead_allowed(p.lead)) {
            // Someone else's project: a file cannot take it over by naming it.
            row.error("key", "projects-csv-key-taken", &key);
        }
        if let Err(e) = &mut draft {
            row.errors.append(e);
        }
        let draft = match draft {
            Ok(d) if row.errors.is_empty() => d,
            _ => {
                errors.extend(row.errors);
                continue;
            }
        };
        let before = existing.get(&key);
        projects.push(draft.into_project(
            // A new project's id follows from its key: the same register loaded into two
            // databases (or again after a deletion) gives the same links.
            before.map_or_else(|| key_id(&key), |p| p.id),
            key,
            before.map_or(by, |p| p.created_by),
            before.map_or(now, |p| p.created_at),
            now,
        ));
    }
    if errors.is_empty() && projects.is_empty() {
        Err(whole("projects-csv-no-rows", String::new()))
    } else if errors.is_empty() {
        Ok(projects)
    } else {
        Err(errors)
    }
}

/// A project's fields as one row (or one form) gives them, checked, before it has an id.
#[derive(Debug, Clone)]
pub struct Draft {
    pub name: LocalizedText,
    pub lead: OrganizationId,
    pub partners: Vec<Partner>,
    pub funders: Vec<String>,
    pub funder_note: String,
    pub budget_eur: Option<u64>,
    pub starts_on: time::Date,
    pub ends_on: Option<time::Date>,
    pub target_groups: Vec<String>,
    pub municipalities: Vec<String>,
    pub aims: LocalizedText,
    pub contact_role: LocalizedText,
    pub results: LocalizedText,
}

impl Draft {
    pub fn into_project(
        self,
        id: ProjectId,
        key: String,
        created_by: Option<UserId>,
        created_at: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Project {
        Project {
            id,
            key: Some(key),
            name: self.name,
            lead: self.lead,
            partners: self.partners,
            funders: self.funders,
            funder_note: self.funder_note,
            budget_eur: self.budget_eur,
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            target_groups: self.target_groups,
            municipalities: self.municipalities,
            aims: self.aims,
            contact_role: self.contact_role,
            results: self.results,
            created_by,
            created_at,
            updated_at: now,
        }
    }
}

/// Reads and checks one project's cells (named as the file's columns; the key is the
/// caller's), or says everything wrong in them.
pub fn read_row(
    cell: &dyn Fn(&str) -> String,
    line: u64,
    orgs: &Organizations,
    lead_allowed: &dyn Fn(OrganizationId) -> bool,
) -> Result<Draft, Vec<RowError>> {
    // No control characters (a NUL, an escape sequence) and no bidi overrides or invisible
    // characters in any cell; the long texts keep their line breaks.
    let raw = cell;
    let cleaned = |name: &str| -> String {
        let multi_line = ["aims", "results"].iter().any(|p| name.starts_with(p));
        raw(name)
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| !crate::domain::line::is_deceptive(*c))
            .map(|c| match c {
                '\n' if multi_line => '\n',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect::<String>()
            .trim()
            .to_string()
    };
    let cell: &dyn Fn(&str) -> String = &cleaned;
    let mut row = Row {
        line,
        errors: Vec::new(),
    };
    let name = row.text(&cell, "name", MAX_NAME_CHARS, true);
    let lead = cell("lead");
    let lead = match orgs.find(&lead) {
        _ if lead.is_empty() => {
            row.error("lead", "projects-csv-required", "");
            None
        }
        Ok(id) if lead_allowed(id) => Some(id),
        Ok(_) => {
            row.error("lead", "projects-csv-lead-not-yours", &lead);
            None
        }
        Err(true) => {
            row.error("lead", "projects-csv-ambiguous", &lead);
            None
        }
        Err(false) => {
            row.error("lead", "projects-csv-unknown-organization", &lead);
            None
        }
    };
    let mut partners = Vec::new();
    let named = list(&cell("partners"));
    if named.len() > MAX_PARTNERS {
        row.error(
            "partners",
            "projects-csv-too-many",
            &MAX_PARTNERS.to_string(),
        );
    }
    for p in named.into_iter().take(MAX_PARTNERS) {
        if p.chars().count() > MAX_NAME_CHARS {
            row.error("partners", "projects-csv-too-long", &p);
            continue;
        }
        match orgs.find(&p) {
            Ok(id) => partners.push(Partner {
                organization_id: Some(id),
                name: orgs.name(id).unwrap_or(&p).to_string(),
            }),
            // A partner outside Kolmonen (a municipality's unit, a school) is a name.
            Err(_) => partners.push(Partner {
                organization_id: None,
                name: p,
            }),
        }
    }
    let mut funders = Vec::new();
    for f in row.list(&cell, "funders") {
        match crate::refdata::term_named(&REF.taxonomies.funders, &f) {
            Some(t) if !funders.contains(&t.id) => funders.push(t.id.clone()),
            Some(_) => {}
            None => row.error("funders", "projects-csv-unknown-funder", &f),
        }
    }
    if cell("funders").trim().is_empty() {
        row.error("funders", "projects-csv-required", "");
    }
    let funder_note = cell("funder_note");
    if funder_note.chars().count() > MAX_NOTE_CHARS {
        row.error("funder_note", "projects-csv-too-long", "");
    }
    let budget = cell("budget_eur");
    let budget_eur = if budget.is_empty() {
        None
    } else {
        let b = parse_euros(&budget);
        if b.is_none() {
            row.error("budget_eur", "projects-csv-bad-euros", &budget);
        }
        b
    };
    let starts = cell("starts_on");
    let starts_on = parse_date(&starts);
    if starts.is_empty() {
        row.error("starts_on", "projects-csv-required", "");
    } else if starts_on.is_none() {
        row.error("starts_on", "projects-csv-bad-date", &starts);
    }
    let ends = cell("ends_on");
    let ends_on = if ends.is_empty() {
        None
    } else {
        let d = parse_date(&ends);
        match (d, starts_on) {
            (None, _) => row.error("ends_on", "projects-csv-bad-date", &ends),
            (Some(e), Some(s)) if e < s => {
                row.error("ends_on", "projects-csv-ends-before-start", &ends)
            }
            _ => {}
        }
        d
    };
    let mut target_groups = Vec::new();
    for t in row.list(&cell, "target_groups") {
        match crate::refdata::term_named(&REF.taxonomies.target_groups, &t) {
            Some(term) if !target_groups.contains(&term.id) => target_groups.push(term.id.clone()),
            Some(_) => {}
            None => row.error("target_groups", "projects-csv-unknown-target-group", &t),
        }
    }
    let mut municipalities = Vec::new();
    for m in row.list(&cell, "municipalities") {
        match REF.find_municipality(&m) {
            Some(found) => {
                if !municipalities.contains(&found.code) {
                    municipalities.push(found.code.clone());
                }
            }
            None => row.error("municipalities", "projects-csv-unknown-municipality", &m),
        }
    }
    let aims = row.text(&cell, "aims", MAX_TEXT_CHARS, false);
    let contact_role = row.text(&cell, "contact_role", MAX_NAME_CHARS, false);
    let results = row.text(&cell, "results", MAX_TEXT_CHARS, false);
    let (Some(lead), Some(starts_on)) = (lead, starts_on) else {
        return Err(row.errors);
    };
    if !row.errors.is_empty() {
        return Err(row.errors);
    }
    Ok(Draft {
        name,
        lead,
        partners,
        funders,
        funder_note,
        budget_eur,
        starts_on,
        ends_on,
        target_groups,
        municipalities,
        aims,
        contact_role,
        results,
    })
}

/// The errors of one row.
struct Row {
    line: u64,
    errors: Vec<RowError>,
}

impl Row {
    /// A list column's entries, at most `MAX_LIST_ENTRIES` (more is an error).
    fn list(&mut self, cell: &dyn Fn(&str) -> String, column: &str) -> Vec<String> {
        let text = cell(column);
        let mut read: Vec<String> = entries(&text)
            .take(MAX_LIST_ENTRIES + 1)
            .map(str::to_string)
            .collect();
        if read.len() > MAX_LIST_ENTRIES {
            read.truncate(MAX_LIST_ENTRIES);
            self.error(
                column,
                "projects-csv-too-many",
                &MAX_LIST_ENTRIES.to_string(),
            );
        }
        read
    }

    fn error(&mut self, column: &str, key: &'static str, value: &str) {
        if self.errors.iter().filter(|e| e.column == column).count() >= MAX_CELL_ERRORS {
            return;
        }
        self.errors.push(RowError {
            line: self.line,
            column: column.to_string(),
            key,
            value: value.chars().take(80).collect(),
        });
    }

    /// `{base}_fi`, `{base}_sv` and `{base}_en` as one text.
    fn text(
        &mut self,
        cell: &dyn Fn(&str) -> String,
        base: &str,
        max: usize,
        required: bool,
    ) -> LocalizedText {
        let mut t = LocalizedText::default();
        for lang in Lang::ALL {
            let column = format!("{base}_{}", lang.code());
            let v = cell(&column);
            if v.chars().count() > max {
                self.error(&column, "projects-csv-too-long", "");
            }
            match lang {
                Lang::Fi => t.fi = v,
                Lang::Sv => t.sv = (!v.is_empty()).then_some(v),
                Lang::En => t.en = (!v.is_empty()).then_some(v),
            }
        }
        if required && t.fi.is_empty() {
            self.error(&format!("{base}_fi"), "projects-csv-required", "");
        }
        t
    }
}

/// Two versions of a project the same in everything a file carries.
fn same(a: &Project, b: &Project) -> bool {
    let strip = |p: &Project| Project {
        created_at: OffsetDateTime::UNIX_EPOCH,
        updated_at: OffsetDateTime::UNIX_EPOCH,
        created_by: None,
        ..p.clone()
    };
    strip(a) == strip(b)
}

/// Imports a file: everything or nothing, then the projects' search documents. With
/// `dry_run`, only says what would be added, updated and left as it is.
pub async fn import(
    store: &dyn Store,
    bytes: &[u8],
    lead_allowed: &(dyn Fn(OrganizationId) -> bool + Sync),
    by: Option<UserId>,
    dry_run: bool,
) -> StoreResult<ImportReport> {
    let orgs = Organizations::load(store).await?;
    // The keys first (a cheap read of the file), to know which projects exist.
    let keys: Vec<String> = csv_keys(bytes);
    let existing: HashMap<String, Project> = store
        .projects_by_key(&keys)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.key.clone()?, p)))
        .collect();
    let now = OffsetDateTime::now_utc();
    let mut report = ImportReport::default();
    let projects = match parse(bytes, &orgs, lead_allowed, &existing, by, now) {
        Ok(p) => p,
        Err(errors) => {
            report.errors = errors;
            return Ok(report);
        }
    };
    // Whatever a row's key was read as, a project it would write over (by id or by key)
    // must be one this account may change.
    let new: Vec<&Project> = projects
        .iter()
        .filter(|p| !existing.contains_key(p.key.as_deref().unwrap_or_default()))
        .collect();
    let mut stored = Vec::new();
    for chunk in new.chunks(1000) {
        let q = ProjectQuery {
            ids: chunk.iter().map(|p| p.id).collect(),
            limit: chunk.len() as u32,
            ..ProjectQuery::default()
        };
        stored.extend(store.projects(&q).await?);
        let keys: Vec<String> = chunk.iter().filter_map(|p| p.key.clone()).collect();
        stored.extend(store.projects_by_key(&keys).await?);
    }
    let taken: Vec<RowError> = new
        .iter()
        .filter(|p| {
            stored
                .iter()
                .filter(|old| old.id == p.id || old.key == p.key)
                .any(|old| !lead_allowed(old.lead) || old.id != p.id)
        })
        .map(|p| RowError {
            line: 0,
            column: "key".into(),
            key: "projects-csv-key-taken",
            value: p.key.clone().unwrap_or_default(),
        })
        .collect();
    if !taken.is_empty() {
        report.errors = taken;
        return Ok(report);
    }
    let mut changed = Vec::new();
    for p in projects {
        let key = p.key.clone().unwrap_or_default();
        report.projects.insert(key.clone(), p.clone());
        match existing.get(&key) {
            None => report.added.push(key),
            Some(old) if same(old, &p) => {
                report.unchanged.push(key);
                continue;
            }
            Some(old) => {
                report
                    .changes
                    .insert(key.clone(), changed_columns(old, &p, &orgs));
                report.updated.push(key)
            }
        }
        changed.push(p);
    }
    if !dry_run && !changed.is_empty() {
        store.save_projects(&changed).await?;
        let ids: Vec<ProjectId> = changed.iter().map(|p| p.id).collect();
        crate::search::reindex_projects(store, &ids).await?;
    }
    Ok(report)
}

/// Header errors reported at most (a header of thousands of unknown columns).
const MAX_HEADER_ERRORS: usize = 50;

/// A header cell as a column name (any case, spaces around it).
fn column_name(c: &str) -> String {
    c.trim().to_lowercase()
}

/// A cell's value as the import reads it: a spreadsheet's formula guard taken off, trimmed.
/// The keys that decide which projects exist are read the same way.
fn cell_value(c: &str) -> String {
    crate::domain::csv_uncell(c.trim()).trim().to_string()
}

/// A reader of the file's rows, without a byte-order mark; cells separated by `;` when the
/// header is (as a spreadsheet saved in Finnish writes them), else by `,`.
fn reader(text: &str) -> csv::Reader<&[u8]> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The `key` cells of a file (those that can be read).
fn csv_keys(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Vec::new();
    };
    let text = text.replace("\r\n", "\n");
    let mut reader = reader(&text);
    let Some(at) = reader
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|c| column_name(c) == "key"))
    else {
        return Vec::new();
    };
    reader
        .records()
        .take(MAX_ROWS)
        .filter_map(|r| Some(cell_value(r.ok()?.get(at)?)))
        .filter(|k| !k.is_empty())
        .collect()
}

/// A project's cells, in the order of `COLUMNS`.
fn cells(p: &Project, orgs: &Organizations) -> [String; 22] {
    let join = |v: &[String]| v.join("; ");
    let lang_cells = |t: &LocalizedText| {
        [
            t.fi.clone(),
            t.sv.clone().unwrap_or_default(),
            t.en.clone().unwrap_or_default(),
        ]
    };
    let [name_fi, name_sv, name_en] = lang_cells(&p.name);
    let [aims_fi, aims_sv, aims_en] = lang_cells(&p.aims);
    let [role_fi, role_sv, role_en] = lang_cells(&p.contact_role);
    let [results_fi, results_sv, results_en] = lang_cells(&p.results);
    let partners: Vec<String> = p.partners.iter().map(|x| x.name.clone()).collect();
    [
        p.key.clone().unwrap_or_else(|| p.id.to_string()),
        name_fi,
        name_sv,
        name_en,
        orgs.name(p.lead)
            .map_or_else(|| p.lead.to_string(), str::to_string),
        join(&partners),
        join(&p.funders),
        p.funder_note.clone(),
        p.budget_eur.map(|b| b.to_string()).unwrap_or_default(),
        p.starts_on.to_string(),
        p.ends_on.map(|d| d.to_string()).unwrap_or_default(),
        join(&p.target_groups),
        join(&p.municipalities),
        aims_fi,
        aims_sv,
        aims_en,
        role_fi,
        role_sv,
        role_en,
        results_fi,
        results_sv,
        results_en,
    ]
}

/// The columns whose cells differ between two versions of a project.
pub fn changed_columns(old: &Project, new: &Project, orgs: &Organizations) -> Vec<&'static str> {
    let (a, b) = (cells(old, orgs), cells(new, orgs));
    COLUMNS
        .iter()
        .zip(a.iter().zip(b.iter()))
        .filter(|(_, (x, y))| x != y)
        .map(|(c, _)| *c)
        .collect()
}

/// The projects as a file `import` reads back unchanged (UTF-8 with a byte-order mark, so a
/// spreadsheet opens it as such).
pub fn export(projects: &[Project], orgs: &Organizations) -> Vec<u8> {
    // Every cell quoted: a spreadsheet that splits on `;` (Finnish and Swedish Excel) keeps
    // "ESR;+…" one cell of text, not a second cell that starts a formula.
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for p in projects {
        let row = cells(p, orgs);
        let _ = w.write_record(row.iter().map(|c| crate::domain::csv_cell(c)));
    }
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(w.into_inner().unwrap_or_default());
    out
}

/// The list's filters, checked: (query, errors by field as translation keys).
pub fn filters(
    funder: &str,
    status: &str,
    municipality: &str,
    target_group: &str,
    organization: &str,
) -> (ProjectQuery, Vec<(&'static str, &'static str)>) {
    let mut q = ProjectQuery::default();
    let mut errors = Vec::new();
    let funder = funder.trim();
    if !funder.is_empty() {
        match REF.taxonomies.funder(funder) {
            Some(_) => q.funder = Some(funder.to_string()),
            None => errors.push(("funder", "projects-error-funder")),
        }
    }
    let status = status.trim();
    if !status.is_empty() {
        match ProjectStatus::parse(status) {
            Some(s) => q.status = Some((s, helsinki::today())),
            None => errors.push(("status", "projects-error-status")),
        }
    }
    let m = municipality.trim();
    if !m.is_empty() {
        match REF.find_municipality(m) {
            Some(found) => q.municipality = Some(found.code.clone()),
            None => errors.push(("municipality", "projects-error-municipality")),
        }
    }
    let t = target_group.trim();
    if !t.is_empty() {
        match REF.taxonomies.target_group(t) {
            Some(_) => q.target_group = Some(t.to_string()),
            None => errors.push(("target_group", "projects-error-target-group")),
        }
    }
    if !organization.trim().is_empty() {
        q.organization = OrganizationId::parse(organization);
        if q.organization.is_none() {
            errors.push(("organization", "projects-error-organization"));
        }
    }
    (q, errors)
}

/// The projects this query matches (all of them, not one page) as the import's CSV.
pub async fn export_matching(store: &dyn Store, q: &ProjectQuery) -> StoreResult<Vec<u8>> {
    let projects = store
        .projects(&ProjectQuery {
            limit: u32::MAX,
            offset: 0,
            ..q.clone()
        })
        .await?;
    let orgs = Organizations::load(store).await?;
    Ok(export(&projects, &orgs))
}

/// The id of a project first imported with this key (UUIDv5 of the key).
fn key_id(key: &str) -> ProjectId {
    ProjectId(uuid::Uuid::new_v5(
        &crate::domain::DERIVED_NAMESPACE,
        format!("project:{key}").as_bytes(),
    ))
}
