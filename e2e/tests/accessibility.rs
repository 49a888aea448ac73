//! WCAG 2.1 AA, kept by machine: axe-core audits every state a user meets, in the light and
//! the dark theme; and at 200% text size in a 320 px wide container nothing spills or overlaps.

use e2e::{host_site_with, Browser, HostSite};
use rc_standin::faults::Fault;
use rc_standin::{seed, Options};
use serde_json::json;
use std::time::Duration;

const DOWN: &str = "\u{E015}";
const ENTER: &str = "\u{E007}";

/// A host page that mounts the widget with `?theme=` and, with `?narrow`, inside a 320 px
/// container at 200% text size.
const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Contacts</title>
<link rel="stylesheet" href="widget.css"></head>
<body><main><h1>Register a contact</h1><div id="w"></div></main>
<script type="module">
  import init, { mount } from "./omnichannel-contact-form.js";
  await init();
  const query = new URLSearchParams(location.search);
  if (query.has("narrow")) {
    document.documentElement.style.fontSize = "200%";
    document.getElementById("w").style.width = "320px";
  }
  mount(document.getElementById("w"), { theme: query.get("theme") || "light" });
  window.ready = true;
</script></body></html>"#;

async fn site() -> HostSite {
    host_site_with(
        &[("page.html", PAGE.to_owned())],
        Options {
            required_field: true,
            faults: true,
            ..Options::default()
        },
    )
    .await
}

/// Audits the page now; every violation is kept with the state's name.
async fn audit(b: &Browser, state: &str, found: &mut Vec<String>) {
    for violation in b.audit().await {
        found.push(format!("[{state}] {violation}"));
    }
}

/// Submits a name with a bad email and phone, and waits for the errors.
async fn show_field_errors(b: &Browser) {
    b.fill("name", "Ada Lovelace").await;
    b.fill("email", "ada@example").await;
    b.fill("phone", "12").await;
    b.click("Register contact").await;
    b.wait_status("need attention").await;
}

/// Fixes the errors [`show_field_errors`] made.
async fn fix_field_errors(b: &Browser) {
    b.fill("email", "ada@example.com").await;
    b.fill("phone", "+44 20 7946 0958").await;
    b.fill("customFields.company", "ACME").await;
}

/// After a saved contact with ada@example.com: a new one with that email, up to the notice.
async fn show_duplicate(b: &Browser) {
    b.click("New contact").await;
    b.fill("name", "Ada King").await;
    b.fill("email", "ada@example.com").await;
    b.fill("customFields.company", "ACME").await;
    b.click("Register contact").await;
    b.wait_status("may already exist").await;
}

async fn wait_busy(b: &Browser) {
    b.wait_js(
        "the busy status",
        "return !!document.querySelector('.ocf-status--busy')",
    )
    .await;
}

/// Gives the import's file input `csv` as the file `name`.
async fn give(b: &Browser, name: &str, csv: &str) {
    let script = format!(
        r#"const transfer = new DataTransfer();
        transfer.items.add(new File([{csv}], {name}, {{type: "text/csv"}}));
        const input = document.querySelector("input[name='file']");
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", {{bubbles: true}}));
        return true;"#,
        csv = serde_json::Value::from(csv),
        name = serde_json::Value::from(name),
    );
    b.js(&script).await;
}

/// Walks through every state a user meets, auditing each.
async fn audit_every_state(theme: &str) {
    let site = site().await;
    let b = Browser::start().await;
    b.open(&format!("{}/page.html?theme={theme}", site.url))
        .await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    let dark = b.js("return !!document.querySelector('.ocf--dark')").await;
    assert_eq!(dark, json!(theme == "dark"), "the {theme} theme is on");
    let mut found = Vec::new();

    b.input("user").await;
    audit(&b, "sign-in", &mut found).await;
    b.sign_in("agent.one", "wrong").await;
    b.wait_status("Wrong username, email or password.").await;
    audit(&b, "sign-in refused", &mut found).await;
    b.sign_in("twofactor", "twofactor-pass").await;
    b.wait_status("two-factor code").await;
    audit(&b, "two-factor code", &mut found).await;
    b.fill("code", seed::TOTP_CODE).await;
    b.click("Sign in").await;
    b.wait_status("Signed in.").await;
    b.input("customFields.company").await;
    audit(&b, "empty form", &mut found).await;

    b.fill("customFields.customerId", "ab-1").await;
    show_field_errors(&b).await;
    audit(&b, "field and custom-field errors", &mut found).await;

    fix_field_errors(&b).await;
    b.fill("customFields.customerId", "AB-1234").await;
    let manager = b.input("contactManager").await;
    manager.send_keys("agent").await.expect("typing works");
    b.wait_js(
        "the suggestions",
        "return document.querySelectorAll('[role=option]').length > 0",
    )
    .await;
    manager.send_keys(DOWN).await.expect("arrow down");
    audit(&b, "picker open, an option active", &mut found).await;
    manager
        .send_keys(ENTER)
        .await
        .expect("enter picks the agent");
    assert_ne!(
        b.value("contactManager").await,
        "agent",
        "a suggestion was picked"
    );

    let faults = site.state.faults.as_ref().expect("faults are on");
    faults.push(Fault::Slow(Duration::from_secs(6)), 1);
    b.click("Register contact").await;
    wait_busy(&b).await;
    audit(&b, "saving", &mut found).await;
    b.wait_status("Contact registered").await;
    audit(&b, "saved", &mut found).await;

    show_duplicate(&b).await;
    audit(&b, "duplicate notice", &mut found).await;
    b.click("Go back").await;

    b.fill("email", "ada.king@example.com").await;
    b.set_online(false).await;
    b.click("Register contact").await;
    b.wait_status("You are offline").await;
    audit(&b, "queued save", &mut found).await;
    b.set_online(true).await;
    b.wait_status("Contact registered").await;

    let search = b.input("search").await;
    search.send_keys("ada").await.expect("typing works");
    b.wait_js(
        "the search's options",
        "return document.querySelectorAll('.ocf-results [role=option]').length === 2",
    )
    .await;
    search.send_keys(DOWN).await.expect("arrow down");
    audit(&b, "search open, an option active", &mut found).await;
    b.fill("search", "nobody here").await;
    b.wait_js(
        "the no-match words",
        "return document.querySelector('.ocf-results p').textContent.includes('No contact matches')",
    )
    .await;
    audit(&b, "search, no match", &mut found).await;
    b.fill("name", "Ada K.").await;
    b.fill("search", "Ada Lovelace").await;
    b.wait_js(
        "the search's option",
        "return document.querySelectorAll('.ocf-results [role=option]').length === 1",
    )
    .await;
    b.click_at("option", "//*[@class='ocf-results']//li[@role='option']")
        .await;
    b.wait_js(
        "the unsaved-changes question",
        "return !!document.querySelector('.ocf-unsaved')",
    )
    .await;
    audit(&b, "unsaved changes notice", &mut found).await;
    b.click("Keep editing").await;

    // The import: opened, a file checked (a row with errors listed), and its end.
    b.click("Import contacts").await;
    b.input("file").await;
    audit(&b, "import, no file yet", &mut found).await;
    give(
        &b,
        "people.csv",
        "Name,Email,Company\nGrace Hopper,grace@example.com,Navy\nNo Mail,not-an-email,\n",
    )
    .await;
    b.wait_js(
        "the import's summary",
        "return document.querySelector('.ocf-import').textContent.includes('2 rows: 1 ready')",
    )
    .await;
    audit(&b, "import, file checked", &mut found).await;
    b.click("Import 1 contact").await;
    b.wait_js(
        "the import's end",
        "return document.querySelector('.ocf-import').textContent.includes('Import finished')",
    )
    .await;
    audit(&b, "import finished", &mut found).await;
    b.click("Back to the form").await;
    audit(&b, "the import's line above the form", &mut found).await;

    // An import stopped half-way (its answer lost), and the page reloaded: offered to resume.
    b.click("Back to the import").await;
    give(&b, "more.csv", "Name,Company\nAlan Turing,Bletchley\n").await;
    b.wait_js(
        "the second file's summary",
        "return document.querySelector('.ocf-import').textContent.includes('1 row: 1 ready')",
    )
    .await;
    faults.push(Fault::Lost(Duration::from_millis(50)), 1);
    b.click("Import 1 contact").await;
    b.wait_js(
        "the import paused",
        "return document.querySelector('.ocf-import').textContent.includes('Import paused')",
    )
    .await;
    b.reload().await;
    b.wait_js(
        "the offer to resume",
        "return [...document.querySelectorAll('.ocf-import-line')].some((l) => l.textContent.includes('Resume importing more.csv'))",
    )
    .await;
    audit(&b, "the offer to resume an import", &mut found).await;
    b.click("Discard").await;

    // The audit does see problems: a grey-on-white line on the page is reported.
    b.js("document.querySelector('main').insertAdjacentHTML('beforeend', '<p id=\"faint\" style=\"color:#ccc;background:#fff\">Faint</p>'); return true")
        .await;
    let control = b.audit().await;
    assert!(
        control
            .iter()
            .any(|v| v.starts_with("color-contrast") && v.contains("#faint")),
        "axe-core did not report the control: {control:?}"
    );
    b.finish().await;

    assert!(
        found.is_empty(),
        "axe-core found {} violation(s) in the {theme} theme:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_state_passes_axe_in_the_light_theme() {
    audit_every_state("light").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_state_passes_axe_in_the_dark_theme() {
    audit_every_state("dark").await;
}

/// Elements of the widget that reach past its box, or whose content is cut off.
const SPILLS: &str = r##"
    const box = document.getElementById("w").getBoundingClientRect();
    const bad = [];
    for (const el of document.querySelectorAll("#w *")) {
      // Options are drawn by the select (their boxes are not laid out in the page).
      if (el.tagName === "OPTION" || el.closest("[hidden]") || getComputedStyle(el).display === "none") continue;
      const r = el.getBoundingClientRect();
      const name = el.tagName.toLowerCase() + (el.className ? "." + String(el.className).replace(/ /g, ".") : "")
        + (el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : "");
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) bad.push(`${name} reaches past the widget`);
      if (!["INPUT", "SELECT", "UL"].includes(el.tagName) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
        bad.push(`${name} is cut off (${el.scrollWidth} > ${el.clientWidth})`);
    }
    const fields = [...document.querySelectorAll("#w .ocf-form > *")]
      .filter((el) => !el.hidden && getComputedStyle(el).display !== "none")
      .map((el) => [el, el.getBoundingClientRect()]);
    for (let i = 1; i < fields.length; i++) {
      if (fields[i][1].top < fields[i - 1][1].bottom - 0.5) bad.push(`${fields[i][0].className} overlaps the block above`);
    }
    return bad;"##;

async fn check_layout(b: &Browser, state: &str, found: &mut Vec<String>) {
    let spills: Vec<String> = serde_json::from_value(b.js(SPILLS).await).unwrap();
    found.extend(spills.into_iter().map(|s| format!("[{state}] {s}")));
    b.picture(&format!("narrow-200-{}", state.replace(' ', "-")))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn at_200_percent_text_in_320_px_nothing_spills_or_overlaps() {
    let site = site().await;
    let b = Browser::start().await;
    b.client
        .set_window_size(480, 3200)
        .await
        .expect("the window resizes");
    b.open(&format!("{}/page.html?narrow", site.url)).await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    let mut found = Vec::new();
    b.input("user").await;
    check_layout(&b, "sign-in", &mut found).await;
    b.sign_in("agent.one", "agent.one-pass").await;
    b.wait_status("Signed in.").await;
    b.input("customFields.company").await;
    show_field_errors(&b).await;
    check_layout(&b, "field errors", &mut found).await;
    fix_field_errors(&b).await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    show_duplicate(&b).await;
    check_layout(&b, "duplicate notice", &mut found).await;
    b.finish().await;
    assert!(found.is_empty(), "layout problems:\n{}", found.join("\n"));
}
