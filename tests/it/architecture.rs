//! The layers of `ARCHITECTURE.md`, checked: which top-level module of `src/` names which
//! (`crate::x`), no cycle between them, and no module naming one of a higher layer.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every top-level module with its layer (the table in `ARCHITECTURE.md`). A module may
/// name modules of its own layer or below, never above; a new module gets a row here.
const LAYERS: &[(&str, u8)] = &[
    ("domain", 0),
    ("config", 1),
    ("i18n", 1),
    ("refdata", 1),
    ("vault", 1),
    ("store", 2),
    ("accounts", 3),
    ("demo", 3),
    ("gen", 3),
    ("hsds", 3),
    ("mail", 3),
    ("manage", 3),
    ("people", 3),
    ("referrals", 3),
    ("search", 3),
    ("services", 4),
    ("error", 5),
    ("extract", 5),
    ("api", 6),
    ("web", 6),
    ("server", 6),
    ("cli", 6),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The names a file reaches through `crate::` (`crate::store::…`, `crate::{a, b}`).
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            // A group: the first name of each top-level item (`{store::{A, B}, domain}`).
            Some(group) => {
                let (mut depth, mut start, mut items) = (0usize, 0usize, Vec::new());
                for (j, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            items.push(&group[start..j]);
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            items.push(&group[start..j]);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                items
                    .into_iter()
                    .map(|n| n.trim().split("::").next().unwrap_or("").trim())
                    .collect()
            }
            None => vec![rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or("")],
        };
        found.extend(names.into_iter().map(str::to_string));
    }
    found
}

/// Module → modules it names, with one file that does it (for the message).
fn module_graph() -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("read src") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.clone());
        } else {
            continue;
        }
        let mut edges = BTreeMap::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read file");
            for m in named_modules(&text) {
                if m != name {
                    edges.entry(m).or_insert_with(|| file.clone());
                }
            }
        }
        graph.insert(name, edges);
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for edges in graph.values_mut() {
        edges.retain(|m, _| modules.contains(m));
    }
    graph
}

#[test]
fn every_module_has_a_layer_and_names_none_above_it() {
    let graph = module_graph();
    let layer = |m: &str| LAYERS.iter().find(|(n, _)| *n == m).map(|(_, l)| *l);
    let mut wrong = Vec::new();
    for (module, edges) in &graph {
        let Some(own) = layer(module) else {
            wrong.push(format!(
                "{module} has no layer in LAYERS and ARCHITECTURE.md"
            ));
            continue;
        };
        for (to, file) in edges {
            if layer(to).is_some_and(|l| l > own) {
                wrong.push(format!(
                    "{module} (layer {own}) names {to} (layer {}) in {}",
                    layer(to).unwrap(),
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        graph.contains_key("store") && graph["domain"].is_empty(),
        "the domain names no other module: {:?}",
        graph["domain"]
    );
}

#[test]
fn no_cycle_between_top_level_modules() {
    let graph = module_graph();
    // Depth-first search with colours: a grey module met again closes a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
        colour: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        colour.insert(m, 1);
        path.push(m);
        for to in graph[m].keys() {
            match colour.get(to.as_str()) {
                Some(1) => {
                    let start = path.iter().position(|p| p == to).unwrap();
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(to.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(to, graph, colour, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        colour.insert(m, 2);
        None
    }
    let mut colour = BTreeMap::new();
    for m in graph.keys() {
        if !colour.contains_key(m.as_str()) {
            let cycle = visit(m, &graph, &mut colour, &mut Vec::new());
            assert!(cycle.is_none(), "cycle: {}", cycle.unwrap().join(" → "));
        }
    }
}

#[test]
fn the_graph_reader_sees_grouped_and_nested_names() {
    let found = named_modules(
        "use crate::{store::{X, Y}, domain};\nlet a = crate::web::f();\nuse crate::{i18n::t};",
    );
    let want: BTreeSet<String> = ["store", "domain", "web", "i18n"].map(String::from).into();
    assert_eq!(found, want);
}
