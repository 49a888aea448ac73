//! The contacts Rocket.Chat's own list hides, and blocking a channel, against the stand-in as
//! each release answers: the Unidentified contacts list (7.x and 8.x), opening one (the note,
//! axe light and dark), saving it identifies it (it leaves that list and joins the known one),
//! a channel unblocked and blocked again as `contacts.get` then holds it, the question audited,
//! the buttons hidden without the licence, Delete hidden from an agent, and clearing the
//! contact manager on 8.2 (and what 7.x keeps).

use e2e::{center_site_with, Browser, HostSite};
use rc_standin::model::{Data, Version};
use rc_standin::Options;
use serde_json::json;

async fn site(version: &str, license: bool) -> HostSite {
    center_site_with(Options {
        required_field: false,
        seed_contacts: 3,
        version: Version::parse(version).expect("MAJOR.MINOR"),
        license,
        ..Options::default()
    })
    .await
}

/// The page signed in as `user`, its script ready.
async fn signed_in(site: &HostSite, user: &str) -> Browser {
    let b = Browser::start().await;
    b.open(&format!("{}/page.html", site.url)).await;
    b.wait_js("the module", "return window.ready === true")
        .await;
    b.sign_in(user, &format!("{user}-pass")).await;
    b
}

/// The options' texts, without the marks that isolate values.
async fn options(b: &Browser) -> Vec<String> {
    let texts = b
        .js(
            "return [...document.querySelectorAll('.ocf-results [role=option]')]
             .map((o) => o.textContent.replace(/[\\u2068\\u2069]/g, ''))",
        )
        .await;
    serde_json::from_value(texts).unwrap()
}

async fn wait_options(b: &Browser, n: usize) {
    b.wait_js(
        &format!("{n} options"),
        &format!("return document.querySelectorAll('.ocf-results [role=option]').length === {n}"),
    )
    .await;
}

/// Switches the search to the unidentified contacts (or back).
async fn toggle_unidentified(b: &Browser) {
    b.click_at("the checkbox", "//label[@class='ocf-check']/input")
        .await;
}

/// Lists the unidentified contacts (the three seeded) and opens the one named `name`.
async fn open_unidentified(b: &Browser, name: &str) {
    toggle_unidentified(b).await;
    wait_options(b, 3).await;
    open_option(b, name).await;
}

/// Opens the option starting with `name`.
async fn open_option(b: &Browser, name: &str) {
    b.click_at(
        name,
        &format!("//*[@class='ocf-results']//li[@role='option'][starts-with(normalize-space(), '{name}')]"),
    )
    .await;
    b.wait_value("name", name).await;
}

async fn unknown(site: &HostSite, name: &str) -> bool {
    let name = name.to_owned();
    site.state
        .store
        .read(move |d: &Data| {
            d.contacts
                .iter()
                .find(|c| c.name == name)
                .map(|c| c.unknown)
        })
        .await
        .expect("the contact")
}

async fn unidentified_listed_opened_and_identified(version: &str) {
    let site = site(version, true).await;
    let b = signed_in(&site, "agent.one").await;
    toggle_unidentified(&b).await;
    wait_options(&b, 3).await;
    let listed = options(&b).await;
    assert!(
        listed[0].starts_with("Visitor 7Q2 · Livechat · "),
        "{listed:?}"
    );
    assert!(
        listed[1].starts_with("+4915700000001 · +4915700000001 · SMS · "),
        "{listed:?}"
    );
    assert_eq!(listed[2], "Findme unknown", "never chatted: last");
    if version == "7.12" {
        b.audited_light_and_dark("the unidentified list open").await;
    }
    open_option(&b, "Visitor 7Q2").await;
    b.wait_js(
        "the note",
        "return [...document.querySelectorAll('.ocf-form > .ocf-note')].some((n) => !n.hidden
            && n.textContent === 'Not identified yet: saving it identifies it.')",
    )
    .await;
    if version == "7.12" {
        b.audited_light_and_dark("an unidentified contact opened, its list above")
            .await;
    }
    b.fill("name", "Visitor Seven").await;
    b.click("Update contact").await;
    let said = b.wait_status("It is identified now.").await;
    assert!(said.contains("Contact updated"), "{said}");
    assert!(
        !unknown(&site, "Visitor Seven").await,
        "{version}: identified"
    );
    // It leaves the unidentified list and is found among the known contacts.
    b.fill("search", "Visitor").await;
    b.wait_js(
        "the list without it",
        "return document.querySelectorAll('.ocf-results [role=option]').length === 0
            && document.querySelector('.ocf-results p').textContent.includes('Visitor')",
    )
    .await;
    toggle_unidentified(&b).await;
    wait_options(&b, 1).await;
    assert!(options(&b).await[0].starts_with("Visitor Seven"));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unidentified_contacts_on_7_x() {
    unidentified_listed_opened_and_identified("7.12").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unidentified_contacts_on_8_x() {
    unidentified_listed_opened_and_identified("8.3").await;
}

/// Whether `contacts.get` of the SMS contact holds its channel blocked.
async fn sms_blocked(site: &HostSite) -> bool {
    site.state
        .store
        .read(|d: &Data| {
            d.channels
                .iter()
                .find(|c| {
                    c.details.kind == "sms"
                        && d.contacts
                            .iter()
                            .any(|p| p.id == c.contact_id && p.name == "+4915700000001")
                })
                .map(|c| c.blocked)
        })
        .await
        .expect("the SMS channel")
}

async fn panel_says(b: &Browser, text: &str) {
    b.wait_js(
        &format!("the section to say {text:?}"),
        &format!(
            "const p = document.querySelector('.ocf-panel');
             return p && p.textContent.replace(/[\\u2068\\u2069]/g, '').includes({});",
            json!(text)
        ),
    )
    .await;
}

/// A 7.12 server (with the licence or without), agent.one signed in and what it may do read,
/// the SMS contact's Conversations open with its blocked channel listed.
async fn sms_channels(license: bool) -> (HostSite, Browser) {
    let site = site("7.12", license).await;
    let b = signed_in(&site, "agent.one").await;
    b.wait_js(
        "what the user may do, read",
        "return performance.getEntriesByType('resource')
            .some((e) => e.name.includes('permissions.listAll'))",
    )
    .await;
    open_unidentified(&b, "+4915700000001").await;
    b.click("Conversations").await;
    panel_says(&b, "SMS (Blocked)").await;
    (site, b)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_channel_unblocked_and_blocked_again_as_the_server_holds_it() {
    let (site, b) = sms_channels(true).await;
    assert!(sms_blocked(&site).await);

    b.click("Unblock").await;
    b.wait_status("SMS unblocked.").await;
    b.wait_js(
        "Block offered",
        "return [...document.querySelectorAll('.ocf-block')].map((b) => b.textContent).join() === 'Block'",
    )
    .await;
    assert!(!sms_blocked(&site).await, "contacts.get holds it unblocked");

    b.click("Block").await;
    b.wait_js(
        "the question",
        "return !!document.querySelector('.ocf-block-question')",
    )
    .await;
    let asked = b
        .js("return document.querySelector('.ocf-block-question p').textContent.replace(/[\\u2068\\u2069]/g, '')")
        .await;
    assert_eq!(
        asked,
        json!("Block SMS for +4915700000001? An open conversation on it is closed.")
    );
    b.audited_light_and_dark("the block question").await;
    b.click_at(
        "the question's Block",
        "//*[contains(@class,'ocf-block-question')]//button[normalize-space()='Block']",
    )
    .await;
    b.wait_status("SMS blocked.").await;
    panel_says(&b, "SMS (Blocked)").await;
    assert!(sms_blocked(&site).await, "contacts.get holds it blocked");
    assert_eq!(
        b.js("return window.blocks").await,
        json!([
            {"type": "channel-unblocked", "contact": format!("{:024x}", 0xc0de_ff01_u64), "channel": "sms", "blocked": false},
            {"type": "channel-blocked", "contact": format!("{:024x}", 0xc0de_ff01_u64), "channel": "sms", "blocked": true}
        ])
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_the_licence_no_block_and_an_agent_is_not_offered_delete() {
    let (site, b) = sms_channels(false).await;
    assert_eq!(
        b.js("return document.querySelectorAll('.ocf-block').length")
            .await,
        json!(0)
    );
    // An agent may not delete (7.11+: admins and managers only); the form has no Delete.
    assert!(!b.has_button("Delete contact").await);
    b.finish().await;

    let b = signed_in(&site, "manager").await;
    open_unidentified(&b, "Visitor 7Q2").await;
    b.wait_js(
        "Delete offered to a manager",
        "return [...document.querySelectorAll('button')].some((b) => b.textContent === 'Delete contact')",
    )
    .await;
    b.finish().await;
}

async fn stored_manager(site: &HostSite) -> Option<String> {
    site.state
        .store
        .read(|d: &Data| {
            d.contacts
                .iter()
                .find(|c| c.name == "Findme unknown")
                .and_then(|c| c.contact_manager.clone())
        })
        .await
}

/// Findme unknown given agent.two as its manager, then the field emptied and saved again: what
/// the status said, the manager stored, the field shown.
async fn manager_cleared(version: &str) -> (String, Option<String>, String) {
    let site = site(version, true).await;
    let b = signed_in(&site, "agent.one").await;
    open_unidentified(&b, "Findme unknown").await;
    b.fill("contactManager", "agent.two").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    assert!(stored_manager(&site).await.is_some());
    b.fill("contactManager", "").await;
    b.click("Update contact").await;
    // The second save's end: the manager gone (8.2), or the status saying it was kept.
    let started = std::time::Instant::now();
    loop {
        let status = b
            .js("return document.querySelector(\".ocf-status[role='status']\").textContent")
            .await;
        let kept = status.as_str().unwrap_or_default().contains("kept");
        if kept || stored_manager(&site).await.is_none() {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 20,
            "the second save never ended"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    b.wait_js(
        "the save over",
        "return document.querySelector('form').getAttribute('aria-busy') === 'false'",
    )
    .await;
    let said = b.wait_status("Contact updated").await;
    let shown = b.value("contactManager").await;
    b.finish().await;
    (said, stored_manager(&site).await, shown)
}

#[tokio::test(flavor = "multi_thread")]
async fn clearing_the_manager_on_8_2_and_what_7_x_keeps() {
    let (said, stored, shown) = manager_cleared("8.2").await;
    assert_eq!(stored, None, "8.2 clears it");
    assert_eq!(shown, "");
    assert!(!said.contains("kept"), "{said}");
    let (said, stored, shown) = manager_cleared("7.12").await;
    assert_eq!(stored.as_deref(), Some("agentTwo000000001"), "7.x keeps it");
    assert_eq!(shown, "agent.two", "shown as kept");
    assert!(
        said.replace(['\u{2068}', '\u{2069}'], "").contains(
            "Rocket.Chat kept the contact manager agent.two: it can clear one from release 8.2 on."
        ),
        "{said}"
    );
}
