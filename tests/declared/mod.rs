//! The names a host page can use, read from the code that declares them: the element's
//! attributes, the events, the handle's methods and the theming properties. Shared by the docs
//! check (`docs.rs`) and the Custom Elements Manifest's (`custom_elements.rs`).
#![allow(dead_code)] // each test file uses its own part

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file's text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The attributes of `const ATTRIBUTES` in a JS file: the keys of an object (`{ … }`, quoted or
/// not), or the strings of a list (`[ … ]`, each the option of its name in camelCase).
pub fn attribute_keys(js: &str) -> BTreeSet<String> {
    let start = js.find("const ATTRIBUTES = ").expect("an ATTRIBUTES table") + 19;
    let close = match &js[start..start + 1] {
        "[" => ']',
        _ => '}',
    };
    let body = &js[start + 1..start + js[start..].find(close).expect("its end")];
    body.split(',')
        .filter_map(|pair| pair.split(':').next())
        .map(|key| key.trim().trim_matches('"').to_owned())
        .filter(|key| !key.is_empty())
        .collect()
}

/// The quoted `contact-…` and `conversation-…` names in a text: the events it dispatches.
pub fn event_names(text: &str) -> BTreeSet<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            ["contact-", "contacts-", "conversation-", "channel-"]
                .iter()
                .any(|p| s.len() > p.len() && s.starts_with(p))
                && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

/// The `--ocf-…` custom properties a stylesheet reads.
fn theming_of(css: &str) -> BTreeSet<String> {
    css.match_indices("var(--ocf-")
        .map(|(at, _)| {
            css[at + 4..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        })
        .collect()
}

/// The methods of the handle, as the npm types declare them (`tests/typescript_types.rs`
/// holds those to the widget).
fn handle_methods_of(dts: &str) -> BTreeSet<String> {
    let start = dts.find("export interface Handle {").expect("a Handle");
    let body = &dts[start..start + dts[start..].find("\n}").expect("its end")];
    body.lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split('(').next())
        .map(str::to_owned)
        .collect()
}

/// `<omnichannel-contact-form>`'s attributes, as the wasm's element and the loader's observe them:
/// their tables, the boolean `allow-insecure`, and `theme`, which the element's own CSS reads.
pub fn attributes() -> BTreeSet<String> {
    let element = read(&root().join("src/embed/custom_element.js"));
    let loader = read(&root().join("loader/contact-form.js"));
    let mut attributes = attribute_keys(&element);
    attributes.extend(attribute_keys(&loader));
    assert!(
        element.contains("\"allow-insecure\""),
        "the element reads allow-insecure"
    );
    assert!(element.contains("[theme="), "the element's CSS reads theme");
    attributes.extend(["allow-insecure".to_owned(), "theme".to_owned()]);
    attributes
}

/// The events the widget dispatches (`src/state/widget/events.rs` names nothing else) and the ones the
/// loader makes (`new CustomEvent("…")`).
pub fn events() -> BTreeSet<String> {
    let mut events = event_names(&read(&root().join("src/state/widget/events.rs")));
    let loader = read(&root().join("loader/contact-form.js"));
    let made: String = loader
        .split("new CustomEvent(")
        .skip(1)
        .filter_map(|rest| rest.split(',').next())
        .collect::<Vec<_>>()
        .join(" ");
    events.extend(event_names(&made));
    events
}

/// The handle's methods, as the npm types declare them.
pub fn handle_methods() -> BTreeSet<String> {
    handle_methods_of(&read(&root().join("npm/contact-form.d.ts")))
}

/// The `--ocf-…` custom properties the widget's stylesheet reads.
pub fn theming_properties() -> BTreeSet<String> {
    theming_of(&read(&root().join("style/widget.css")))
}
