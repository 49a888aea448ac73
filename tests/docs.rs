//! The guides cannot go stale unnoticed: every relative link and anchor in `README.md` and
//! `docs/` resolves, and every name a host page can use — each option `mount` knows, each
//! attribute of `<omnichannel-contact-form>`, each event, each label key, each handle method
//! and each theming property — is written in `docs/embedding.md`, the way
//! `tests/typescript_types.rs` keeps the types true; and no file of the repository names a
//! document that is not in it (the contract is `docs/rocket-chat.md`). The checks are functions
//! over text, and tests feed them a broken link, an undocumented option and a missing document
//! to show that they fail.
#![cfg(not(target_arch = "wasm32"))]

use omnichannel_contact_form::settings::labels::KEYS;
use omnichannel_contact_form::settings::options::KNOWN;
mod declared;

use declared::{read, root};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The lines of a Markdown text outside fenced code blocks.
fn prose(markdown: &str) -> impl Iterator<Item = &str> {
    let mut fenced = false;
    markdown.lines().filter(move |line| {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            return false;
        }
        !fenced
    })
}

/// A heading's anchor as GitHub makes it: lower case, punctuation dropped but `-` and `_`,
/// each space a `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown text's headings (a repeated heading gets `-1`, `-2`, … as on
/// GitHub).
fn anchors(markdown: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in prose(markdown) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let base = slug(heading.trim_start_matches('#'));
        let mut anchor = base.clone();
        let mut n = 0;
        while !found.insert(anchor.clone()) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
    }
    found
}

/// The link targets in a line of prose, `[text](target)` and `![alt](target)`, leaving out
/// what stands in inline code.
fn targets(line: &str) -> Vec<String> {
    let outside_code: String = line
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    outside_code
        .match_indices("](")
        .filter_map(|(at, _)| {
            let rest = &outside_code[at + 2..];
            rest.find(')').map(|end| rest[..end].trim().to_owned())
        })
        .collect()
}

/// Why each relative link of the Markdown file `file` (its text `text`) does not resolve:
/// a missing file, or an anchor its target file has no heading for.
fn broken_links(file: &Path, text: &str) -> Vec<String> {
    let dir = file.parent().expect("a file has a folder");
    let mut broken = Vec::new();
    for target in prose(text).flat_map(targets) {
        if target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        let (path, anchor) = match target.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (target.as_str(), None),
        };
        let linked = dir.join(path);
        if !path.is_empty() && !linked.exists() {
            broken.push(format!("{}: {target}: no such file", file.display()));
            continue;
        }
        if let Some(anchor) = anchor {
            let headings = if path.is_empty() {
                anchors(text)
            } else {
                anchors(&read(&linked))
            };
            if !headings.contains(anchor) {
                broken.push(format!(
                    "{}: {target}: no heading #{anchor} there",
                    file.display()
                ));
            }
        }
    }
    broken
}

/// The front page and every guide.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut guides: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/ reads")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    guides.sort();
    files.extend(guides);
    files
}

/// Every name a host page can write, by kind: options, attributes, events, labels, handle
/// methods and theming properties, read from the code that declares them.
fn declared_names() -> Vec<(&'static str, BTreeSet<String>)> {
    vec![
        ("option", KNOWN.iter().map(|s| s.to_string()).collect()),
        ("attribute", declared::attributes()),
        ("event", declared::events()),
        ("label", KEYS.iter().map(|(k, _)| k.to_string()).collect()),
        ("handle method", declared::handle_methods()),
        ("theming property", declared::theming_properties()),
    ]
}

/// The declared names that `guide` does not write as code (`` `name` ``, or a call `` `name(…)` ``).
fn undocumented(guide: &str, declared: &[(&str, BTreeSet<String>)]) -> Vec<String> {
    declared
        .iter()
        .flat_map(|(kind, names)| {
            names
                .iter()
                .filter(|name| {
                    !guide.contains(&format!("`{name}`")) && !guide.contains(&format!("`{name}("))
                })
                .map(move |name| format!("the {kind} `{name}`"))
        })
        .collect()
}

#[test]
fn every_link_and_anchor_in_the_readme_and_the_guides_resolves() {
    let documents = documents();
    assert!(
        documents.len() >= 9,
        "the README and eight guides: {documents:?}"
    );
    let broken: Vec<String> = documents
        .iter()
        .flat_map(|file| broken_links(file, &read(file)))
        .collect();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_name_the_code_declares_is_in_the_embedding_guide() {
    let declared = declared_names();
    for (kind, names) in &declared {
        assert!(names.len() >= 3, "the {kind}s were found: {names:?}");
    }
    let missing = undocumented(&read(&root().join("docs/embedding.md")), &declared);
    assert!(
        missing.is_empty(),
        "docs/embedding.md does not name:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_readme_stays_a_short_front_page() {
    let lines = read(&root().join("README.md")).lines().count();
    assert!(
        lines <= 150,
        "README.md has {lines} lines: move the detail into a guide"
    );
}

#[test]
fn the_check_finds_a_broken_link_a_missing_anchor_and_an_undocumented_option() {
    let dir = std::env::temp_dir().join(format!("docs-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("other.md"), "# Other\n\n## Its part (`x`)\n").unwrap();
    let page = dir.join("page.md");
    let text = "# Page\n\nSee [there](other.md#its-part-x), [here](#page), \
                [gone](missing.md), [nowhere](other.md#nope) and [web](https://example.com).\n\
                `[not a link](nothing.md)`\n```\n[fenced](fenced.md)\n```\n";
    let broken = broken_links(&page, text);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(broken.len(), 2, "{broken:?}");
    assert!(
        broken[0].ends_with("missing.md: no such file"),
        "{broken:?}"
    );
    assert!(broken[1].ends_with("no heading #nope there"), "{broken:?}");

    let declared = vec![("option", BTreeSet::from(["server".into(), "secret".into()]))];
    assert_eq!(
        undocumented("| `server` | the URL |", &declared),
        vec!["the option `secret`".to_owned()]
    );
}

#[test]
fn anchors_are_made_as_github_makes_them() {
    assert_eq!(
        slug(" Legacy endpoint or Contact Center (`api`)"),
        "legacy-endpoint-or-contact-center-api"
    );
    assert_eq!(slug("Copying `dist/`"), "copying-dist");
    assert_eq!(slug("The widget's lifetime"), "the-widgets-lifetime");
    let twice = anchors("# A\n## A\n```\n# not a heading\n```\n");
    assert_eq!(twice, BTreeSet::from(["a".into(), "a-1".into()]));
}

/// The files of the repository, as text (build output, tools and history left out).
fn repository_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder reads") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if path.is_dir() {
            if !matches!(name, "target" | ".tools" | "dist" | ".git" | "node_modules") {
                repository_files(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

/// The documents `text` names (`….md`) that `have` (file names in the repository) lacks, and any
/// mention of a folder beside the repository.
fn outside(text: &str, have: &BTreeSet<String>) -> Vec<String> {
    let mut found = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || "._-/".contains(c))) {
        let Some(stem) = word.strip_suffix(".md") else {
            continue;
        };
        let name = format!("{}.md", stem.rsplit('/').next().unwrap_or(stem));
        if stem.is_empty() || stem.ends_with('/') || have.contains(&name) {
            continue;
        }
        found.push(word.to_owned());
    }
    if text.contains("../shared") {
        found.push("../shared".into());
    }
    found
}

#[test]
fn no_file_names_a_document_that_is_not_in_the_repository() {
    let mut files = Vec::new();
    repository_files(&root(), &mut files);
    let have: BTreeSet<String> = files
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    let mut found = Vec::new();
    // This file plants missing documents to test the check itself.
    for file in files.iter().filter(|f| !f.ends_with("tests/docs.rs")) {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue; // not text
        };
        for name in outside(&text, &have) {
            found.push(format!("{}: {name}", file.display()));
        }
    }
    assert!(
        found.is_empty(),
        "documents that are not in the repository:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_outside_check_finds_a_missing_document_and_the_shared_folder() {
    let have = BTreeSet::from(["size.md".to_owned(), "README.md".to_owned()]);
    let text = "see docs/size.md and README.md, then DESIGN.md and ../shared/rocketchat-api.md";
    assert_eq!(
        outside(text, &have),
        ["DESIGN.md", "../shared/rocketchat-api.md", "../shared"]
    );
}
