//! The npm package's hand-written types (`npm/contact-form.d.ts`) stay true to the widget: every
//! option `mount` knows is declared and nothing else; each declared value of `api`, `theme` and
//! `storage` is one the options accept, and one they do not is refused; the label keys, the
//! languages, the `load` values and the events are exactly the widget's and the loader's. And
//! the Custom Elements Manifest (`npm/custom-elements.json`) says the same as the types and the
//! code: the element's attributes with the options' value types, its method, its events with
//! their `detail` types, its theming properties. The element's attributes and events are
//! declared once (`ContactFormAttributes`, `ContactFormEventMap`), and each framework's
//! declarations (`npm/react.d.ts`, `vue.d.ts`, `svelte.d.ts`, `solid.d.ts`) maps over them.

mod declared;

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
    let map = interface("ContactFormEventMap");
    assert!(dts.contains("interface HTMLElementEventMap extends ContactFormEventMap {}"));
    let declared: BTreeSet<String> = quoted(&map)
        .into_iter()
        .filter(|e| {
            ["contact-", "contacts-", "conversation-", "channel-"]
                .iter()
                .any(|p| e.starts_with(p))
        })
        .collect();
    let events = read("src/state/widget/events.rs") + &loader;
    let dispatched: BTreeSet<String> = [
        "contact-saved",
        "contact-error",
        "contact-opened",
        "contact-deleted",
        "contact-changed-elsewhere",
        "conversation-opened",
        "channel-blocked",
        "channel-unblocked",
        "contacts-imported",
        "contact-form-ready",
    ]
    .iter()
    .filter(|e| events.contains(&format!("\"{e}\"")))
    .map(|e| e.to_string())
    .collect();
    assert_eq!(declared, dispatched);
    assert_eq!(declared.len(), 10, "{declared:?}");
}

fn manifest_element() -> serde_json::Value {
    let manifest: serde_json::Value =
        serde_json::from_str(&read("npm/custom-elements.json")).expect("the manifest is JSON");
    assert!(
        manifest["schemaVersion"]
            .as_str()
            .unwrap()
            .starts_with("2."),
        "schema 2.x"
    );
    let module = &manifest["modules"][0];
    assert_eq!(module["path"], "contact-form.js");
    let element = module["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["customElement"] == true)
        .expect("the element's declaration")
        .clone();
    assert_eq!(element["tagName"], "omnichannel-contact-form");
    element
}

/// The `name`s of a manifest list, with their `type.text`.
fn named(list: &serde_json::Value) -> Vec<(String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap().to_owned();
            (
                name,
                e["type"]["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_manifest_names_the_elements_attributes_with_the_options_types() {
    let element = manifest_element();
    let attributes = named(&element["attributes"]);
    let names: BTreeSet<String> = attributes.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(names, declared::attributes());
    let options = interface("Options");
    let option_type = |key: &str| {
        let line = options
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{key}?:")))
            .unwrap_or_else(|| panic!("no option {key}"));
        line.split_once(':')
            .unwrap()
            .1
            .trim()
            .trim_end_matches(';')
            .to_owned()
    };
    for (name, ty) in attributes {
        let values = quoted(&ty);
        match name.as_str() {
            "api" => assert_eq!(values, union("Api"), "api"),
            "load" => assert_eq!(values, union("Load"), "load"),
            "theme" | "storage" => assert_eq!(ty, option_type(&name), "{name}"),
            "locale" => assert_eq!(ty, "Locale"),
            "allow-insecure" => assert_eq!(ty, "boolean"),
            _ => assert_eq!(ty, "string", "{name}"),
        }
    }
}

#[test]
fn the_manifest_names_the_elements_method_events_and_theming() {
    let element = manifest_element();
    let methods: Vec<&str> = element["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        set(&methods),
        properties(&interface("OmnichannelContactFormElement")),
        "the element's methods, as the types declare them"
    );

    let map = interface("ContactFormEventMap");
    let events = named(&element["events"]);
    let names: BTreeSet<String> = events.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(names, declared::events());
    for (name, ty) in events {
        assert!(
            map.contains(&format!("\"{name}\": {ty};")),
            "{name}: the types say otherwise than {ty}"
        );
    }

    let css: BTreeSet<String> = element["cssProperties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(css, declared::theming_properties());

    let package = read("scripts/package.sh");
    assert!(
        package.contains("customElements: \"./custom-elements.json\"")
            && package.contains("npm/custom-elements.json"),
        "the package ships the manifest and names it"
    );
}

/// `ContactFormAttributes` (what the framework declarations type the element with) names the
/// manifest's attributes, each with its type.
#[test]
fn the_attributes_interface_is_the_manifests() {
    let element = manifest_element();
    let manifest: std::collections::BTreeMap<String, String> =
        named(&element["attributes"]).into_iter().collect();
    let declared: std::collections::BTreeMap<String, String> = interface("ContactFormAttributes")
        .lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter_map(|l| l.split_once("?: "))
        .map(|(name, ty)| {
            (
                name.trim_matches('"').to_owned(),
                ty.trim_end_matches(';').to_owned(),
            )
        })
        .collect();
    assert_eq!(
        declared.keys().collect::<Vec<_>>(),
        manifest.keys().collect::<Vec<_>>()
    );
    for (name, ty) in &declared {
        let said = &manifest[name];
        let alias = matches!(ty.as_str(), "Api" | "Load");
        assert!(
            ty == said || (alias && union(ty) == quoted(said)),
            "{name}: {ty} here, {said} in the manifest"
        );
    }
}

/// Each framework's declarations are types only, for the element's tag, built from the one list
/// of attributes and of events, and the package ships and exports each.
#[test]
fn each_framework_declaration_maps_over_the_element_and_ships() {
    let package = read("scripts/package.sh");
    assert!(
        package.contains("cp npm/*.d.ts "),
        "the package ships every declaration"
    );
    for framework in ["react", "vue", "svelte", "solid"] {
        let types = read(&format!("npm/{framework}.d.ts"));
        assert!(
            types.contains("\"omnichannel-contact-form\":"),
            "{framework}: the tag"
        );
        assert!(
            types.contains("in keyof ContactFormAttributes")
                || types.contains("ContactFormAttributes &"),
            "{framework}: the attributes"
        );
        assert!(
            types.contains("in keyof ContactFormEventMap"),
            "{framework}: the events"
        );
        for runtime in [
            "export function",
            "export const",
            "export class",
            "export default",
            "export let",
        ] {
            assert!(
                !types.contains(runtime),
                "{framework}: {runtime}: types only"
            );
        }
        assert!(
            package.contains(&format!(
                "\"./{framework}\": {{ types: \"./{framework}.d.ts\" }}"
            )),
            "{framework}: exported"
        );
    }
}
