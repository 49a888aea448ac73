//! Every email and phone of a Contact Center contact against the stand-in, at the newest
//! version and at 7.6: rows added, saved in the order shown and shown again after a reload;
//! a row removed is removed on the server; a repeat is refused under the later row; a value
//! another contact has brings the notice naming it; axe-core finds nothing on the rows with an
//! error, light and dark.

use e2e::{center_site, open_found, Browser};

const ONE: &str = "Findme 01";

async fn open_one(url: &str, theme: &str) -> Browser {
    open_found(url, "agent.one", theme, "findme 01", ONE).await
}

/// The stored emails and phones of the seeded contact `n`.
async fn stored(site: &e2e::HostSite, n: u64) -> (Vec<String>, Vec<String>) {
    let id = format!("{:024x}", 0xc0de_0000_u64 + n);
    site.state
        .store
        .read(|d| {
            let c = d.contacts.iter().find(|c| c.id == id).unwrap();
            (c.emails.clone(), c.phones.clone())
        })
        .await
}

async fn remove(b: &Browser, name: &str) {
    b.click_at(name, &format!("//button[@aria-label='{name}']"))
        .await;
}

async fn rows_are_saved_removed_and_shown_again(version: &str) {
    let site = center_site(version).await;
    let b = open_one(&site.url, "light").await;
    b.click("Add email").await;
    b.wait_js(
        "the new row focused",
        "return document.activeElement.name === 'email-2'",
    )
    .await;
    b.fill("email-2", "Ada@Work.example").await;
    b.click("Add phone").await;
    b.fill("phone-2", "+44 20 7946 0958").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    assert_eq!(
        stored(&site, 1).await,
        (
            vec!["findme01@example.org".into(), "ada@work.example".into()],
            vec!["+493000000001".into(), "+442079460958".into()]
        ),
        "[{version}] every row, in the order shown, as sent"
    );

    b.reload().await;
    b.wait_value("email-2", "ada@work.example").await;
    assert_eq!(b.value("phone-2").await, "+442079460958");

    remove(&b, "Remove email 2").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    assert_eq!(
        stored(&site, 1).await.0,
        ["findme01@example.org"],
        "[{version}] the row removed is removed"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_at_the_newest_version() {
    rows_are_saved_removed_and_shown_again("7.12").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_at_7_6() {
    rows_are_saved_removed_and_shown_again("7.6").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repeat_and_another_contacts_value_are_said_and_axe_finds_nothing() {
    let site = center_site("7.12").await;
    for theme in ["light", "dark"] {
        let b = open_one(&site.url, theme).await;
        b.click("Add email").await;
        b.fill("email-2", "FINDME01@example.org").await;
        b.click("Update contact").await;
        b.wait_status("needs attention").await;
        assert_eq!(
            b.field_error("email-2").await.as_deref(),
            Some("Already listed above.")
        );
        let found = b.audit().await;
        assert!(found.is_empty(), "[{theme}] {found:#?}");
        b.picture(&format!("rows-{theme}")).await;
        b.finish().await;
    }

    let b = open_one(&site.url, "light").await;
    b.click("Add phone").await;
    b.fill("phone-2", "+493000000003").await;
    b.click("Update contact").await;
    b.wait_js(
        "the notice",
        "return !!document.querySelector('.ocf-duplicate')",
    )
    .await;
    let text = b
        .js("return document.querySelector('.ocf-duplicate').textContent")
        .await;
    let text = text.as_str().unwrap();
    assert!(
        text.contains("Another contact already has the phone +493000000003: Findme 03"),
        "{text}"
    );
    let found = b.audit().await;
    assert!(found.is_empty(), "{found:#?}");
    assert_eq!(stored(&site, 1).await.1, ["+493000000001"], "not saved");
    b.click("Save anyway").await;
    b.wait_status("Contact updated").await;
    assert_eq!(stored(&site, 1).await.1, ["+493000000001", "+493000000003"]);
    b.finish().await;
}
