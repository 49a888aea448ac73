//! The npm package (`scripts/package.sh`'s tarball) as a web developer takes it: installed into
//! a clean project, a sample using every option, the handle, each event and the element
//! type-checks with `tsc --strict`, a wrong option value and a wrong `detail` field do not, and
//! a sample bundled with esbuild, the wasm and catalogues served beside the bundle as the
//! package's README says, saves a contact in Chromium against the stand-in. TypeScript and
//! esbuild are the pinned ones `scripts/setup.sh` installs into `.tools/`.

use e2e::npm::{copy_widget_files, project, root, run, serve, tool, tsc};
use e2e::Browser;
use std::path::Path;

/// `tsc --strict --noEmit` over `file` (written with `source`): whether it type-checks, and why not.
fn check(dir: &Path, file: &str, source: &str) -> (bool, String) {
    std::fs::write(dir.join(file), source).expect("the sample is written");
    tsc(dir, &[], &[file])
}

/// Every option with each kind of value, the handle, each event's `detail`, the element and the
/// module entry: all of it must type-check.
const EVERYTHING: &str = r#"
import { mount, type Handle, type Options, type Locale } from "omnichannel-contact-form";
import init, { mount as mountModule } from "omnichannel-contact-form/module";

const element = document.createElement("div");
const options: Options = {
  server: "https://chat.example.com",
  api: "auto",
  allowInsecure: false,
  authToken: "token",
  userId: "user",
  storage: "local",
  theme: "dark",
  locale: "pt-BR",
  timeout: 20,
  contactId: "c1",
  labels: { name: "Nom", email: "Courriel", signIn: "Entrer", contactManager: "Gestionnaire" },
  load: "interaction",
};
const handle: Handle = mount(element, options);
mount(element, { api: "legacy", theme: "auto", storage: "session", load: "idle", locale: "de-AT" });
mount(element, { api: "contacts", theme: "light", load: "visible" });
mount(element, { load: "eager", locale: "ar" });
mount(element);
const locale: Locale = "fr";
handle.setLocale(locale);
handle.setLocale();
const opened: Promise<void> = handle.open("c2");
handle.unmount();
handle.free();

element.addEventListener("contact-saved", (e) => {
  const id: string = e.detail.contact;
  const token: string | undefined = e.detail.token;
  const created: boolean = e.detail.created;
  const api: "legacy" | "contacts" = e.detail.api;
  console.log(id, token, created, api);
});
element.addEventListener("contact-error", (e) => {
  const status: number = e.detail.status;
  const error: string = e.detail.error;
  console.log(status, error);
});
element.addEventListener("contact-opened", (e) => console.log(e.detail.contact, e.detail.api));
element.addEventListener("contact-deleted", (e) => console.log(e.detail.contact));
element.addEventListener("contact-form-ready", (e) => console.log(e.detail === null));

const custom = document.createElement("omnichannel-contact-form");
custom.setAttribute("server", "https://chat.example.com");
const found = document.querySelector("omnichannel-contact-form");
if (found) void found.open("c3");
void custom.open("c4");

await init();
mountModule(element, { api: "contacts" }).unmount();
void opened;
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_package_installs_type_checks_and_saves_a_contact_when_bundled() {
    let dir = project("npm-sample", &[]);
    let (ok, printed) = check(&dir, "everything.ts", EVERYTHING);
    assert!(
        ok,
        "a sample using all of the API must type-check:\n{printed}"
    );

    let (ok, printed) = check(
        &dir,
        "wrong-option.ts",
        r#"import { mount } from "omnichannel-contact-form";
mount(document.body, { api: "contact" });
"#,
    );
    assert!(!ok, "api: \"contact\" must not type-check");
    assert!(
        printed.contains("wrong-option.ts(2,") && printed.contains("\"contact\""),
        "{printed}"
    );

    let (ok, printed) = check(
        &dir,
        "wrong-detail.ts",
        r#"document.body.addEventListener("contact-saved", (e) => console.log(e.detail.contactId));
export {};
import "omnichannel-contact-form";
"#,
    );
    assert!(!ok, "reading detail.contactId must not type-check");
    assert!(printed.contains("contactId"), "{printed}");

    // The runtime sample, bundled; the rest of the widget served beside the bundle.
    let main = r#"import { mount } from "omnichannel-contact-form";
const element = document.getElementById("form")!;
element.addEventListener("contact-form-ready", () => document.body.setAttribute("data-ready", ""));
element.addEventListener("contact-saved", (e) => document.body.setAttribute("data-saved", e.detail.contact));
mount(element, { load: "eager" });
"#;
    let (ok, printed) = check(&dir, "main.ts", main);
    assert!(ok, "{printed}");
    let site = dir.join("public");
    std::fs::create_dir_all(&site).expect("public/");
    let (ok, printed) = run(
        &dir,
        &tool("esbuild"),
        &[
            "main.ts",
            "--bundle",
            "--format=esm",
            "--outfile=public/app.js",
        ],
    );
    assert!(ok, "esbuild failed:\n{printed}");
    copy_widget_files(&dir, &site);
    std::fs::write(
        site.join("index.html"),
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bundled</title>
<link rel="stylesheet" href="widget.css"><script type="module" src="app.js"></script></head>
<body><div id="form"></div></body></html>"#,
    )
    .expect("the page");

    let (url, state) = serve(&site).await;
    let b = Browser::start().await;
    b.open(&format!("{url}/index.html")).await;
    b.wait_js(
        "the takeover",
        "return document.body.hasAttribute('data-ready')",
    )
    .await;
    b.sign_in("agent.one", "agent.one-pass").await;
    b.wait_status("Signed in.").await;
    b.fill("name", "Bundled Ada").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let saved = state
        .store
        .read(|d| d.visitors.iter().any(|v| v.name == "Bundled Ada"))
        .await;
    assert!(saved, "the stand-in has the contact");
    // A lazy part through the package: the Conversations chunk served beside the bundle.
    b.click("Conversations").await;
    b.wait_js(
        "the section, through the package",
        "const p = document.querySelector('.ocf-panel'); return !!p && p.textContent.includes('No conversations yet.')",
    )
    .await;
    // The browser code only the import runs: not imported by the module, fetched with the
    // import's part by browser.js from beside it, so the package ships it there.
    let browser = browser_js(&site);
    b.js(&format!(
        "import('./{browser}').then(m => m.jobStore('getJob', 'nobody')).then(j => document.body.dataset.store = JSON.stringify(j)); return null"
    ))
    .await;
    b.wait_js(
        "the job store's JS, beside browser.js",
        "return document.body.dataset.store === '[]'",
    )
    .await;
    b.finish().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Where the site has `browser.js`, the snippet that fetches what only a lazy part runs.
fn browser_js(site: &Path) -> String {
    let snippets = site.join("snippets");
    let crate_dir = std::fs::read_dir(&snippets)
        .expect("the package's snippets")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("src/web"))
        .find(|web| web.join("browser.js").is_file())
        .expect("the package ships browser.js");
    assert!(
        crate_dir.join("job_store.js").is_file(),
        "the package ships job_store.js beside browser.js"
    );
    crate_dir
        .join("browser.js")
        .strip_prefix(site)
        .expect("under the site")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// `scripts/package.sh DIST` packs only a release build: a debug build's wasm (what `trunk
/// serve` leaves in `dist/`) is refused in words, and nothing is packed.
#[test]
fn a_build_that_is_not_the_release_is_refused() {
    let debug = std::env::temp_dir().join(format!("npm-debug-dist-{}", std::process::id()));
    std::fs::create_dir_all(&debug).unwrap();
    for file in ["contact-form.js", "widget.css"] {
        std::fs::write(debug.join(file), "/* drawn */\n").unwrap();
    }
    std::fs::write(
        debug.join("omnichannel-contact-form.js"),
        "// glue\n".repeat(900),
    )
    .unwrap();
    std::fs::write(
        debug.join("omnichannel-contact-form_bg.wasm"),
        vec![0u8; 6_500_000],
    )
    .unwrap();
    let script = root().join("scripts/package.sh");
    let (ok, said) = run(
        &root(),
        Path::new("bash"),
        &[script.to_str().unwrap(), debug.to_str().unwrap()],
    );
    std::fs::remove_dir_all(&debug).unwrap();
    assert!(!ok, "packed a debug build: {said}");
    assert!(said.contains("is not the release build"), "{said}");
}

/// The package ships its Custom Elements Manifest. Frameworks that render on the server first
/// (Next.js, Nuxt, SvelteKit, Astro) import the page's modules in Node: importing the package's loader and its module there does nothing and
/// throws nothing (the element is defined when they run in a browser).
#[test]
fn both_entries_import_in_node_without_a_dom() {
    let package = root().join("target/npm/package");
    assert!(
        package.join("package.json").is_file(),
        "scripts/package.sh first"
    );
    // The Custom Elements Manifest ships beside the types, named by package.json.
    let json = std::fs::read_to_string(package.join("package.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(manifest["customElements"], "./custom-elements.json");
    assert!(package.join("custom-elements.json").is_file());
    let script = "await import('./contact-form.js'); await import('./omnichannel-contact-form.js'); \
                  console.log(typeof globalThis.window, typeof globalThis.customElements, 'imported');";
    let (ok, said) = run(
        &package,
        Path::new("node"),
        &["--input-type=module", "-e", script],
    );
    assert!(ok, "an import threw in Node: {said}");
    assert_eq!(said.trim(), "undefined undefined imported");
}
