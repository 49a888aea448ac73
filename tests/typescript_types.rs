//! The npm package's hand-written types (`npm/contact-form.d.ts`) stay true to the widget: every
//! option `mount` knows is declared and nothing else; each declared value of `api`, `theme` and
//! `storage` is one the options accept, and one they do not is refused; the label keys, the
//! languages, the `load` values and the events are exactly the widget's and the loader's.

use omnichannel_contact_form::domain::language::Language;
use omnichannel_contact_form::settings::labels::KEYS;
use omnichannel_contact_form::settings::option_value::OptionValue;
use omnichannel_contact_form::settings::options::{parse, KNOWN};
use std::collections::BTreeSet;

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn dts() -> String {
    read("npm/contact-form.d.ts")
}

/// The quoted strings in `text`.
fn quoted(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The string literals of `export type <name> = …;`, comments left out.
fn union(name: &str) -> BTreeSet<String> {
    let dts = dts();
    let start = dts
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("no type {name}"));
    let body = &dts[start..start + dts[start..].find(';').unwrap()];
    let code: String = body
        .lines()
        .map(|l| l.split("/**").next().unwrap_or_default())
        .collect();
    quoted(&code)
}

/// The lines of `export interface <name> { … }`.
fn interface(name: &str) -> String {
    let dts = dts();
    let start = dts
        .find(&format!("export interface {name} "))
        .unwrap_or_else(|| panic!("no interface {name}"));
    let end = start + dts[start..].find("\n}").unwrap();
    dts[start..end].to_owned()
}

/// The property names declared in `block` (`  name?: …` or `  name: …`).
fn properties(block: &str) -> BTreeSet<String> {
    block
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split([':', '?', '(']).next())
        .map(str::to_owned)
        .collect()
}

fn warnings(key: &str, value: &str) -> Vec<String> {
    let entries = [(key.to_owned(), OptionValue::Text(value.into()))];
    parse(&entries, "https://page.example").warnings
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_options_are_exactly_the_ones_mount_knows() {
    assert_eq!(properties(&interface("Options")), set(&KNOWN));
}

#[test]
fn each_declared_value_is_accepted_and_another_is_not() {
    let options = interface("Options");
    let declared = |key: &str| {
        let line = options
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{key}?:")))
            .unwrap_or_else(|| panic!("no option {key}"));
        quoted(line)
    };
    for (key, values) in [
        ("api", union("Api")),
        ("theme", declared("theme")),
        ("storage", declared("storage")),
    ] {
        assert!(values.len() >= 2, "{key}: {values:?}");
        for value in &values {
            assert_eq!(warnings(key, value), Vec::<String>::new(), "{key}: {value}");
        }
        assert_eq!(warnings(key, "contact").len(), 1, "{key} refuses another");
    }
}

#[test]
fn label_keys_languages_load_and_events_are_the_widgets() {
    let keys: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    assert_eq!(union("LabelKey"), set(&keys));

    let primary: Vec<&str> = Language::ALL
        .iter()
        .map(|l| l.tag().split('-').next().unwrap())
        .collect();
    assert_eq!(union("Language"), set(&primary));

    let loader = read("loader/contact-form.js");
    for value in union("Load") {
        assert!(
            value == "eager" || loader.contains(&format!("load === \"{value}\"")),
            "the loader does not handle load: {value}"
        );
    }
    assert_eq!(union("Load").len(), 4);

    let dts = dts();
    let map = &dts[dts.find("interface HTMLElementEventMap").unwrap()..];
    let map = &map[..map.find("\n  }").unwrap()];
    let declared: BTreeSet<String> = quoted(map)
        .into_iter()
        .filter(|e| e.starts_with("contact-"))
        .collect();
    let events = read("src/state/events.rs") + &loader;
    let dispatched: BTreeSet<String> = [
        "contact-saved",
        "contact-error",
        "contact-opened",
        "contact-deleted",
        "contact-changed-elsewhere",
        "contact-form-ready",
    ]
    .iter()
    .filter(|e| events.contains(&format!("\"{e}\"")))
    .map(|e| e.to_string())
    .collect();
    assert_eq!(declared, dispatched);
    assert_eq!(declared.len(), 6, "{declared:?}");
}
