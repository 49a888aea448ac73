//! Deleting a Contact Center contact against the stand-in: a manager deletes one (gone from
//! the server, forgotten here, the form ready for a new contact), an agent and a release
//! without `contacts.delete` are not offered it (what the user may do is read at sign-in; the
//! refusal and the older release's words, when that reading fails, are browser tests);
//! axe-core finds nothing on the confirmation, light and dark.

use e2e::{center_site as site, open_found, Browser};
use serde_json::json;

async fn open_three(url: &str, user: &str, theme: &str) -> Browser {
    open_found(url, user, theme, "findme 03", "Findme 03").await
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
async fn an_agent_and_an_older_release_are_not_offered_delete() {
    // What the user may do is read at sign-in (`permissions.listAll`): an agent does not hold
    // delete-livechat-contact (7.11+), and before 7.11 nobody does (the route is not there).
    for (version, user) in [("7.12", "agent.one"), ("7.6", "manager")] {
        let site = site(version).await;
        let b = open_three(&site.url, user, "light").await;
        b.wait_js(
            "what the user may do, read",
            "return performance.getEntriesByType('resource')
                .some((e) => e.name.includes('permissions.listAll'))",
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        assert!(
            !b.has_button("Delete contact").await,
            "{version}, {user}: not offered"
        );
        assert_eq!(b.value("name").await, "Findme 03", "nothing else changes");
        b.finish().await;
    }
}
