//! The Contact Center host page the delete and conflict tests share, and opening a contact on it
//! through the search as a person would.

use crate::{host_site_with, Browser, HostSite};
use rc_standin::Options;

/// A host page mounting the widget with `?api=` (the Contact Center unless it says) in
/// `?theme=`, recording `contact-deleted` in `window.deleted`, `conversation-opened` in
/// `window.opened` and the block events in `window.blocks`.
const CENTER_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Contacts</title>
<link rel="stylesheet" href="widget.css"></head>
<body><main><h1>Contacts</h1><div id="w"></div></main>
<script type="module">
  import init, { mount } from "./omnichannel-contact-form.js";
  await init();
  const query = new URLSearchParams(location.search);
  const w = document.getElementById("w");
  window.deleted = [];
  window.opened = [];
  w.addEventListener("contact-deleted", (e) => window.deleted.push(e.detail));
  w.addEventListener("conversation-opened", (e) => window.opened.push(e.detail));
  window.blocks = [];
  for (const name of ["channel-blocked", "channel-unblocked"]) {
    w.addEventListener(name, (e) => window.blocks.push(Object.assign({type: name}, e.detail)));
  }
  mount(w, { api: query.get("api") || "contacts", theme: query.get("theme") || "light" });
  window.ready = true;
</script></body></html>"#;

/// [`CENTER_PAGE`] at `page.html`, with a stand-in behaving as Rocket.Chat `version` that has
/// three people to find (Findme 02 with conflicting values).
pub async fn center_site(version: &str) -> HostSite {
    host_site_with(
        &[("page.html", CENTER_PAGE.to_owned())],
        Options {
            required_field: false,
            seed_contacts: 3,
            version: rc_standin::model::Version::parse(version).expect("MAJOR.MINOR"),
            ..Options::default()
        },
    )
    .await
}

/// [`CENTER_PAGE`] at `page.html` with the stand-in's own `options` (the seeded people, the
/// version, the licence), recording `channel-blocked` / `channel-unblocked` in `window.blocks`.
pub async fn center_site_with(options: Options) -> HostSite {
    host_site_with(&[("page.html", CENTER_PAGE.to_owned())], options).await
}

/// Opens the page at `url` in `theme`, signs in as `user`, searches `search` and opens the one
/// result, waiting until its name, `name`, is shown.
pub async fn open_found(url: &str, user: &str, theme: &str, search: &str, name: &str) -> Browser {
    open_found_on(
        &format!("{url}/page.html?theme={theme}"),
        user,
        search,
        name,
    )
    .await
}

/// [`open_found`] on the page `page` (its whole address, query included).
pub async fn open_found_on(page: &str, user: &str, search: &str, name: &str) -> Browser {
    let b = Browser::start().await;
    b.open(page).await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    b.sign_in(user, &format!("{user}-pass")).await;
    b.fill("search", search).await;
    b.wait_js(
        "the option",
        "return document.querySelectorAll('.ocf-results [role=option]').length === 1",
    )
    .await;
    b.click_at("option", "//*[@class='ocf-results']//li[@role='option']")
        .await;
    b.wait_value("name", name).await;
    b
}
