//! The shape of `src/`, checked on every test run: no module cycles (each module's
//! `crate::…` uses form a graph that must have no loop), pure layers stay pure (a folder
//! named `domain` may not touch the browser, Leptos or `web`), views reach the server only
//! through the state, and browser snippets are `.js` files. The stand-in (`standin/src`) is held
//! to the same rule of no module cycles. A failure names the loop or the file.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may use its own layer and those below it, never one above.
/// `domain` is plain Rust, below everything: what it needs of the browser (random bytes, the
/// browser's lower-casing) the state layer passes in. `web` holds leaf adapters to the browser.
const LAYERS: [&str; 7] = ["domain", "web", "settings", "api", "state", "view", "embed"];

/// Layers that may not use a lower one directly: views and the embedding go through `state`,
/// where each user flow reads top to bottom, rather than calling the server themselves.
const THROUGH_STATE: [(&str, &str); 2] = [("view", "api"), ("embed", "api")];

/// Crates a pure layer may not use.
const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo_net"];

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The stand-in's sources: the same rule of no module cycles holds there.
fn standin_src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("standin/src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ reads") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` → `a::b`; `src/a/mod.rs` → `a`; `lib.rs` and `main.rs` are the roots.
fn module_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).expect("under the crate's src/");
    let mut parts: Vec<String> = relative
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// The modules a file names with `crate::…` (in `use` lines, grouped `crate::{a, b::c}` ones
/// included, and paths alike), resolved to the longest module that exists. Comments are skipped.
fn uses(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ");
    let path_at = |from: &str| -> String {
        from.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect()
    };
    let mut paths = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + 7..];
        if let Some(group) = rest.strip_prefix('{') {
            // Each item of the group, up to its own nested group if it has one.
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            paths.extend(inner.split(',').map(|item| path_at(item.trim())));
        } else {
            paths.push(path_at(rest));
        }
    }
    let mut found = BTreeSet::new();
    for path in paths {
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        if let Some(module) = (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|m| modules.contains(m))
        {
            found.insert(module);
        }
    }
    found
}

fn graph() -> BTreeMap<String, (PathBuf, BTreeSet<String>)> {
    graph_of(&src())
}

/// The modules under `root` and the modules each one uses.
fn graph_of(root: &Path) -> BTreeMap<String, (PathBuf, BTreeSet<String>)> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(root, f)).collect();
    files
        .into_iter()
        .filter(|f| !matches!(module_of(root, f).as_str(), "lib" | "main"))
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("a source file reads");
            let module = module_of(root, &file);
            let mut deps = uses(&text, &modules);
            deps.remove(&module);
            // A folder's mod.rs naming its own children is structure, not a dependency.
            deps.retain(|d| !d.starts_with(&format!("{module}::")));
            (module, (file, deps))
        })
        .collect()
}

/// A loop in the graph, as the modules along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, (PathBuf, BTreeSet<String>)>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, (PathBuf, BTreeSet<String>)>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).map(|(_, d)| d.clone()).unwrap_or_default() {
            if let Some(cycle) = visit(&next, graph, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(start, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_modules_have_no_cycle() {
    let graph = graph();
    assert!(graph.len() > 10, "the scan found the modules: {graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("a module cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn the_stand_in_has_no_module_cycle() {
    let graph = graph_of(&standin_src());
    assert!(
        graph.contains_key("state") && graph.contains_key("server"),
        "the scan found the stand-in's modules: {:?}",
        graph.keys()
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("a module cycle in the stand-in: {}", cycle.join(" → "));
    }
}

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == top)
}

#[test]
fn every_module_sits_in_a_layer_and_uses_none_above_it() {
    let graph = graph();
    for (module, (file, deps)) in &graph {
        let Some(own) = layer_of(module) else {
            panic!(
                "{} is outside the layer folders ({})",
                file.display(),
                LAYERS.join(", ")
            );
        };
        for dep in deps {
            let theirs = layer_of(dep).unwrap_or(0);
            assert!(
                theirs <= own,
                "{module} ({}) uses {dep} ({}), a layer above it",
                LAYERS[own],
                LAYERS[theirs]
            );
        }
    }
}

#[test]
fn grouped_imports_count_as_uses() {
    let modules: BTreeSet<String> = ["a", "b", "b::c", "d"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let text =
        "use crate::{\n    a, b::c::Item,\n};\n// crate::d in a comment\nlet x = crate::b::f();";
    let found: Vec<String> = uses(text, &modules).into_iter().collect();
    assert_eq!(found, ["a", "b", "b::c"]);
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let edge = |from: &str, to: &[&str]| {
        (
            from.to_owned(),
            (PathBuf::new(), to.iter().map(|s| s.to_string()).collect()),
        )
    };
    let looped = BTreeMap::from([edge("a", &["b"]), edge("b", &["c"]), edge("c", &["a"])]);
    assert_eq!(
        find_cycle(&looped),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let straight = BTreeMap::from([edge("a", &["b"]), edge("b", &[]), edge("c", &["a", "b"])]);
    assert_eq!(find_cycle(&straight), None);
}

#[test]
fn pure_layers_do_not_touch_the_browser() {
    for (module, (file, _)) in graph() {
        if !module.starts_with("domain") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for krate in BROWSER_CRATES {
            let named = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| l.contains(&format!("{krate}::")) || l.contains(&format!("use {krate}")));
            assert!(
                !named,
                "{} uses {krate}: the domain layer is pure Rust",
                file.display()
            );
        }
    }
}

#[test]
fn views_reach_the_server_only_through_the_state() {
    for (module, (file, deps)) in graph() {
        for (layer, avoided) in THROUGH_STATE {
            let top = |m: &str| m.split("::").next().map(str::to_owned);
            if top(&module).as_deref() != Some(layer) {
                continue;
            }
            if let Some(dep) = deps.iter().find(|d| top(d).as_deref() == Some(avoided)) {
                panic!(
                    "{} uses {dep}: a {layer} goes through the state layer, not to {avoided}",
                    file.display()
                );
            }
        }
    }
}

#[test]
fn browser_snippets_are_js_files() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains(&["inline", "_js"].concat()),
            "{} writes JavaScript inside Rust: put it in a .js file beside it \
             (#[wasm_bindgen(module = …)])",
            file.display()
        );
    }
}

/// The `inner_html` settings in `text` that do not take a `Markup` (through `html(` or `live(`,
/// which accept nothing else), each with its line.
fn unescaped_inner_html(text: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .flat_map(|(i, line)| {
            line.match_indices("inner_html=")
                .filter_map(move |(at, _)| {
                    let value = &line[at + "inner_html=".len()..];
                    let typed = value.starts_with("html(") || value.starts_with("live(");
                    (!typed).then(|| format!("line {}: {}", i + 1, line.trim()))
                })
        })
        .collect()
}

#[test]
fn inner_html_takes_only_markup() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for site in unescaped_inner_html(&text) {
            found.push(format!("{}: {site}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "inner_html set from something else than Markup (domain/markup.rs: html or live):\n{}",
        found.join("\n")
    );
}

#[test]
fn a_raw_string_in_inner_html_is_refused() {
    let planted = r#"view! { <p inner_html=format!("<b>{name}</b>")></p> <p inner_html=html(Markup::said(&n))></p> }
        <div inner_html=move || name.clone()></div>
        <div inner_html=live(move || parts.with(|p| p.body.clone()))></div>"#;
    let found = unescaped_inner_html(planted);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("line 1:") && found[1].starts_with("line 2:"));
}
