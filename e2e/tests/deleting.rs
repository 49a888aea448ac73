//! Deleting a Contact Center contact against the stand-in: a manager deletes one (gone from
//! the server, forgotten here, the form ready for a new contact), an agent is refused with the
//! permission named, a release without `contacts.delete` says so; axe-core finds nothing on
//! the confirmation, light and dark.

use e2e::{host_site_with, Browser};
use rc_standin::model::Version;
use rc_standin::Options;
use serde_json::json;

/// A host page mounting the widget in Contact Center mode with `?theme=`.
const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Contacts</title>
<link rel="stylesheet" href="widget.css"></head>
<body><main><h1>Contacts</h1><div id="w"></div></main>
<script type="module">
  import init, { mount } from "./omnichannel-contact-form.js";
  await init();
  const query = new URLSearchParams(location.search);
  const w = document.getElementById("w");
  window.deleted = [];
  w.addEventListener("contact-deleted", (e) => window.deleted.push(e.detail));
  mount(w, { api: "contacts", theme: query.get("theme") || "light" });
  window.ready = true;
</script></body></html>"#;

async fn site(version: &str) -> e2e::HostSite {
    host_site_with(
        &[("page.html", PAGE.to_owned())],
        Options {
            required_field: false,
            seed_contacts: 3,
            version: Version::parse(version).unwrap(),
            ..Options::default()
        },
    )
    .await
}

/// Signs in as `user` on the page (`theme`) and opens Findme 03 through the search.
async fn open_three(url: &str, user: &str, theme: &str) -> Browser {
    let b = Browser::start().await;
    b.open(&format!("{url}/page.html?theme={theme}")).await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    b.sign_in(user, &format!("{user}-pass")).await;
    b.fill("search", "findme 03").await;
    b.wait_js(
        "the option",
        "return document.querySelectorAll('.ocf-results [role=option]').length === 1",
    )
    .await;
    b.client
        .find(fantoccini::Locator::Css(".ocf-results [role=option]"))
        .await
        .expect("the option")
        .click()
        .await
        .expect("the click lands");
    b.wait_value("name", "Findme 03").await;
    b
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_deletes_a_contact_and_the_confirmation_passes_axe() {
    let site = site("7.12").await;
    for theme in ["light", "dark"] {
        let b = open_three(&site.url, "manager", theme).await;
        b.click("Delete contact").await;
        b.wait_js(
            "the confirmation",
            "const n = document.querySelector('.ocf-delete'); return n && n.textContent.includes('Delete Findme 03? This cannot be undone.')",
        )
        .await;
        let found = b.audit().await;
        assert!(found.is_empty(), "[{theme}] {found:#?}");
        b.click("Cancel").await;
        b.finish().await;
    }

    let b = open_three(&site.url, "manager", "light").await;
    b.click("Delete contact").await;
    b.click("Delete").await;
    b.wait_status("Contact deleted.").await;
    assert_eq!(b.value("name").await, "");
    assert!(b.has_button("Register contact").await);
    let three = site
        .state
        .store
        .read(|d| d.contacts.iter().find(|c| c.name == "Findme 03").cloned())
        .await
        .unwrap();
    assert!(three.disabled, "gone from the server");
    assert_eq!(b.js("return window.deleted.length").await, json!(1));
    b.reload().await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    b.input("search").await;
    assert_eq!(
        b.value("name").await,
        "",
        "nothing is reopened after a reload"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_is_refused_and_an_older_release_cannot_delete() {
    let newest = site("7.12").await;
    let b = open_three(&newest.url, "agent.one", "light").await;
    b.click("Delete contact").await;
    b.click("Delete").await;
    b.wait_status("delete-livechat-contact").await;
    assert_eq!(b.value("name").await, "Findme 03", "nothing else changes");
    b.finish().await;

    let old = site("7.6").await;
    let b = open_three(&old.url, "manager", "light").await;
    b.click("Delete contact").await;
    b.click("Delete").await;
    b.wait_status("This Rocket.Chat cannot delete contacts through its API.")
        .await;
    assert!(b.has_button("Update contact").await);
    b.finish().await;
}
