//! docs/frameworks.md's snippets, compiled as their users would: each is taken from the guide
//! as it stands, put into a clean project with the npm tarball installed, and checked by its
//! framework's own checker (`tsc --strict` for React and Solid, `vue-tsc` with
//! `strictTemplates`, `svelte-check`, `ngc` with `strictTemplates`) against the pinned versions
//! of `.tools/`. The same snippet with `api="contact"`, or with `theme="blue"`, fails in each
//! framework whose templates are typed; the React one, bundled with esbuild, registers a
//! contact in Chromium against the stand-in and hears `contact-saved` through React.

use e2e::npm::{copy_widget_files, project, root, run, serve, tool, tsc};
use e2e::{click_script, type_script, Browser};
use std::collections::BTreeMap;
use std::path::Path;

const MARK: &str = "<!-- e2e/tests/frameworks.rs compiles this as ";

/// The guide's compiled snippets, by the path each is written to.
fn snippets() -> BTreeMap<String, String> {
    let guide = std::fs::read_to_string(root().join("docs/frameworks.md")).expect("the guide");
    let mut found = BTreeMap::new();
    for (at, _) in guide.match_indices(MARK) {
        let rest = &guide[at + MARK.len()..];
        let (path, rest) = rest.split_once(" -->\n").expect("a marker ends with -->");
        let rest = rest
            .strip_prefix("```")
            .unwrap_or_else(|| panic!("{path}: the code block follows its marker"));
        let body = &rest[rest.find('\n').unwrap() + 1..];
        let code = &body[..body.find("\n```").expect("the block ends")];
        found.insert(path.to_owned(), format!("{code}\n"));
    }
    found
}

fn snippet(path: &str) -> String {
    snippets()
        .remove(path)
        .unwrap_or_else(|| panic!("docs/frameworks.md has no snippet for {path}"))
}

/// Writes `files` (path under the project, text) into `dir`.
fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).expect("the folder");
        std::fs::write(path, text).expect("the file is written");
    }
}

/// The snippet with one of the element's values made wrong, as a user might mistype it.
fn mistyped(code: &str, right: &str, wrong: &str) -> String {
    assert!(code.contains(right), "the snippet has {right}");
    code.replace(right, wrong)
}

/// Asserts that `check` passes over the snippet, then fails, naming the value, once `api` and
/// then `theme` are mistyped in a copy of it at `wrong`.
fn refuses_wrong_values(
    check: impl Fn() -> (bool, String),
    dir: &Path,
    code: &str,
    wrong: &str,
    attribute: &str,
) {
    let (ok, printed) = check();
    assert!(ok, "the guide's snippet must compile:\n{printed}");
    for (right, mistake) in [
        (
            format!("{attribute}api=\"auto\""),
            format!("{attribute}api=\"contact\""),
        ),
        (
            format!("{attribute}theme=\"dark\""),
            format!("{attribute}theme=\"blue\""),
        ),
    ] {
        write(dir, &[(wrong, &mistyped(code, &right, &mistake))]);
        let (ok, printed) = check();
        let value = mistake.split('=').nth(1).unwrap();
        assert!(!ok, "{mistake} must not compile");
        assert!(
            printed.contains(wrong.rsplit('/').next().unwrap()) && printed.contains(value),
            "{mistake}: {printed}"
        );
    }
    std::fs::remove_file(dir.join(wrong)).expect("the mistyped copy goes");
}

#[test]
fn the_guide_has_a_compiled_snippet_for_each_framework() {
    let paths: Vec<String> = snippets().into_keys().collect();
    assert_eq!(
        paths,
        [
            "angular/contact-panel.component.ts",
            "react/ContactPanel.tsx",
            "solid/ContactPanel.tsx",
            "svelte/ContactPanel.svelte",
            "vue/ContactPanel.vue",
            "vue/env.d.ts",
        ]
    );
    // The package ships each framework's declarations, named by its exports.
    let package = root().join("target/npm/package");
    let json = std::fs::read_to_string(package.join("package.json")).expect("scripts/package.sh");
    let manifest: serde_json::Value = serde_json::from_str(&json).unwrap();
    for framework in ["react", "vue", "svelte", "solid"] {
        let file = format!("./{framework}.d.ts");
        assert_eq!(manifest["exports"][format!("./{framework}")]["types"], file);
        assert!(package.join(&file).is_file(), "{file} ships");
        let types = std::fs::read_to_string(package.join(&file)).unwrap();
        assert!(!types.contains("export function") && !types.contains("export const"));
    }
}

/// A `tsconfig.json` with the options `npm::tsc` passes (strict, ES2022 with the DOM, bundler
/// resolution, no global types), then `rest`: the checker's own options and the files.
fn tsconfig(rest: &str) -> String {
    format!(
        r#"{{"compilerOptions": {{"strict": true, "noEmit": true, "target": "ES2022",
  "module": "ESNext", "moduleResolution": "bundler", "lib": ["ES2022", "DOM"], "types": []}},
  {rest}}}"#
    )
}

#[test]
fn the_vue_snippet_passes_vue_tsc_and_wrong_values_do_not() {
    let dir = project("vue-sample", &["vue"]);
    write(
        &dir,
        &[
            (
                "tsconfig.json",
                &tsconfig(r#""vueCompilerOptions": {"strictTemplates": true}, "include": ["src"]"#),
            ),
            ("src/env.d.ts", &snippet("vue/env.d.ts")),
            ("src/ContactPanel.vue", &snippet("vue/ContactPanel.vue")),
        ],
    );
    let check = || run(&dir, &tool("vue-tsc"), &["--noEmit", "-p", "tsconfig.json"]);
    let code = snippet("vue/ContactPanel.vue");
    refuses_wrong_values(check, &dir, &code, "src/Wrong.vue", "");
    // Without the declarations, strictTemplates does not know the element.
    std::fs::remove_file(dir.join("src/env.d.ts")).unwrap();
    let (ok, printed) = check();
    assert!(
        !ok && printed.contains("omnichannel-contact-form"),
        "{printed}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_svelte_snippet_passes_svelte_check_and_wrong_values_do_not() {
    let dir = project("svelte-sample", &["svelte"]);
    write(
        &dir,
        &[
            ("tsconfig.json", &tsconfig(r#""include": ["src"]"#)),
            (
                "src/ContactPanel.svelte",
                &snippet("svelte/ContactPanel.svelte"),
            ),
        ],
    );
    let check = || {
        let (ok, printed) = run(
            &dir,
            &tool("svelte-check"),
            &[
                "--tsconfig",
                "./tsconfig.json",
                "--output",
                "human",
                "--fail-on-warnings",
            ],
        );
        (ok && printed.contains("0 errors"), printed)
    };
    let code = snippet("svelte/ContactPanel.svelte");
    refuses_wrong_values(check, &dir, &code, "src/Wrong.svelte", "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_solid_snippet_type_checks_and_wrong_values_do_not() {
    let dir = project("solid-sample", &["solid-js"]);
    let code = snippet("solid/ContactPanel.tsx");
    write(&dir, &[("ContactPanel.tsx", &code)]);
    let jsx = ["--jsx", "preserve", "--jsxImportSource", "solid-js"];
    let check_all = || {
        let files: Vec<&str> = ["ContactPanel.tsx", "Wrong.tsx"]
            .into_iter()
            .filter(|f| dir.join(f).exists())
            .collect();
        tsc(&dir, &jsx, &files)
    };
    refuses_wrong_values(check_all, &dir, &code, "Wrong.tsx", "attr:");
    // An attribute without `attr:` would be set as a property the element does not read.
    write(&dir, &[("Plain.tsx", &code.replace("attr:api=", "api="))]);
    let (ok, printed) = tsc(&dir, &jsx, &["Plain.tsx"]);
    assert!(!ok && printed.contains("'api' does not exist"), "{printed}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_angular_snippet_compiles_with_ngc() {
    let dir = project(
        "angular-sample",
        &["@angular/core", "@angular/compiler", "rxjs", "tslib"],
    );
    write(
        &dir,
        &[
            (
                "tsconfig.json",
                &tsconfig(
                    r#""angularCompilerOptions": {"strictTemplates": true, "strictInjectionParameters": true},
  "files": ["src/contact-panel.component.ts"]"#,
                ),
            ),
            (
                "src/contact-panel.component.ts",
                &snippet("angular/contact-panel.component.ts"),
            ),
        ],
    );
    let (ok, printed) = run(&dir, &tool("ngc"), &["-p", "tsconfig.json"]);
    assert!(ok, "ngc refused the guide's snippet:\n{printed}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_react_snippet_type_checks_and_registers_a_contact_when_bundled() {
    let dir = project(
        "react-sample",
        &[
            "react",
            "react-dom",
            "@types/react",
            "@types/react-dom",
            "scheduler",
        ],
    );
    let code = snippet("react/ContactPanel.tsx");
    let main = r#"import { createRoot } from "react-dom/client";
import { ContactPanel } from "./ContactPanel";

createRoot(document.getElementById("app")!).render(<ContactPanel server={location.origin} />);
"#;
    write(&dir, &[("ContactPanel.tsx", &code), ("main.tsx", main)]);
    let jsx = ["--jsx", "react-jsx"];
    let check = || {
        let file = match dir.join("Wrong.tsx").exists() {
            true => "Wrong.tsx",
            false => "main.tsx",
        };
        tsc(&dir, &jsx, &[file])
    };
    refuses_wrong_values(check, &dir, &code, "Wrong.tsx", "");

    let site = dir.join("public");
    let (ok, printed) = run(
        &dir,
        &tool("esbuild"),
        &[
            "main.tsx",
            "--bundle",
            "--format=esm",
            "--jsx=automatic",
            "--define:process.env.NODE_ENV=\"production\"",
            "--outfile=public/app.js",
        ],
    );
    assert!(ok, "esbuild failed:\n{printed}");
    copy_widget_files(&dir, &site);
    write(
        &site,
        &[(
            "index.html",
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CRM</title>
<script type="module" src="app.js"></script></head><body><main id="app"></main></body></html>"#,
        )],
    );

    let (url, state) = serve(&site).await;
    let b = Browser::start().await;
    b.open(&format!("{url}/index.html")).await;
    let root = r#"document.querySelector("omnichannel-contact-form").shadowRoot"#;
    b.sign_in_within(root, "agent.one").await; // in the element React rendered
    b.js(&type_script(root, "name", "Ada from React")).await;
    b.js(&click_script(root, "Register contact")).await;
    b.wait_status_in(root, "Contact registered").await;
    let id = state
        .store
        .read(|d| {
            d.contacts
                .iter()
                .find(|c| c.name == "Ada from React")
                .map(|c| c.id.clone())
        })
        .await
        .expect("the stand-in has the contact (api=\"auto\": the Contact Center)");
    // `oncontact-saved` reached React, which drew what it was given.
    let said = b
        .wait_js(
            "React's status",
            r#"const p = document.querySelector("main p[role='status']"); return p && p.textContent"#,
        )
        .await;
    assert_eq!(said, serde_json::json!(format!("Saved contact {id}")));
    // A lazy part through the package, inside the element React rendered.
    b.wait_js("Conversations", &click_script(root, "Conversations"))
        .await;
    b.wait_js(
        "the section, through the package",
        &format!("const p = {root}.querySelector('.ocf-panel'); return !!p && p.textContent.includes('No conversations yet.')"),
    )
    .await;
    b.finish().await;
    let _ = std::fs::remove_dir_all(&dir);
}
