//! The import kept as it goes: signed out in the middle (as a reload or a closed tab leaves
//! it), the next sign-in offers to resume it above the form, Resume sends each row once, and
//! Discard forgets it.

use crate::harness::*;
use crate::import::{give, opened, summary, utf8};
use crate::import_sending::{import_says, saves};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlElement;

/// The text of the import's line above the form in `host` (empty when it shows nothing).
fn line(host: &HtmlElement) -> String {
    let lines = host
        .query_selector_all(".ocf-import-line:not([hidden])")
        .unwrap();
    (0..lines.length())
        .filter_map(|i| lines.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

/// The text of the button that has focus, if a button has it.
fn focused_button() -> Option<String> {
    let document = web_sys::window().unwrap().document().unwrap();
    let active = document.active_element()?;
    (active.tag_name() == "BUTTON").then(|| active.text_content().unwrap_or_default())
}

/// Signs `host` out from the form.
async fn sign_out(host: &HtmlElement) {
    click(host, "Back to the form");
    click(host, "Sign out");
    wait_for("the sign-in form", || has_input(host, "user")).await;
}

/// An import of c.csv (Ada, Bob) paused on its first row (the network down), then signed out:
/// stored, to be offered at the next sign-in.
async fn paused_and_signed_out() {
    let host = opened().await;
    stub_fetch(&[
        Answer(0, "", &[]),
        Answer(200, r#"{"status":"success"}"#, &[]),
    ]);
    give(&host, "c.csv", &utf8("", "Name\nAda\nBob\n"), false);
    summary(&host, "2 rows: 2 ready").await;
    click(&host, "Import 2 contacts");
    import_says(&host, "Import paused").await;
    sign_out(&host).await;
}

/// A widget signed in again, once its line offers to resume with `question`.
async fn offered(question: &str) -> HtmlElement {
    let again = mount(Some(agent()));
    ready().await;
    wait_for("the offer to resume", || line(&again).contains(question)).await;
    again
}

#[wasm_bindgen_test]
async fn signing_out_during_a_run_ends_it_and_the_next_sign_in_offers_to_resume_it() {
    let host = opened().await;
    stub_fetch(&[
        Answer(200, r#"{"contact":"c1","success":true}"#, &[]),
        Answer(200, r#"{"status":"success"}"#, &[]),
        Answer(200, r#"{"contact":"c2","success":true}"#, &[]),
    ]);
    js_sys::eval("window.__delay = 300;").unwrap();
    give(&host, "c.csv", &utf8("", "Name\nAda\nBob\n"), false);
    summary(&host, "2 rows: 2 ready").await;
    click(&host, "Import 2 contacts");
    wait_for("the first save sent", || saves().len() == 1).await;
    click(&host, "Back to the form");
    wait_for("the form to say how far the import is", || {
        line(&host).contains("Importing c.csv: 0 of 2.")
    })
    .await;
    click(&host, "Sign out");
    wait_for("the sign-in form", || has_input(&host, "user")).await;
    sleep(800).await;
    assert_eq!(saves().len(), 1, "no row is sent after signing out");
    assert!(has_input(&host, "user"), "the widget goes on");
    js_sys::eval("window.__delay = 0;").unwrap();

    // Signed in again (a reload, another tab): Ada's answer came, Bob waits.
    let again = offered("Resume importing c.csv? 1 of 2 done.").await;
    assert!(
        find_button(&again, "Register contact").is_some(),
        "the form stays meanwhile"
    );
    click(&again, "Resume");
    wait_for("the focus on the line's Back to the import", || {
        focused_button().as_deref() == Some("Back to the import")
    })
    .await;
    import_says(
        &again,
        "Import finished: 2 created, 0 updated, 0 skipped, 0 not imported.",
    )
    .await;
    let names: Vec<String> = saves().into_iter().map(|s| s.0).collect();
    assert_eq!(names, ["Ada", "Bob"], "each row once");
    wait_for("the form to say how it ended", || {
        line(&again).contains("Import finished: 2 created")
    })
    .await;
    click(&again, "Back to the import");
    wait_for("the import shown", || has_input(&again, "file")).await;

    // Over: nothing is offered any more.
    let third = mount(Some(agent()));
    ready().await;
    sleep(300).await;
    assert_eq!(line(&third), "");
}

#[wasm_bindgen_test]
async fn discard_forgets_the_stored_import() {
    paused_and_signed_out().await;
    let again = offered("Resume importing c.csv? 0 of 2 done.").await;
    click(&again, "Discard");
    wait_for("the offer gone", || line(&again).is_empty()).await;
    assert_eq!(
        focused_button().as_deref(),
        Some("Import contacts"),
        "the focus goes to Import contacts, not lost with the line"
    );
    let sent = saves().len();
    let third = mount(Some(agent()));
    ready().await;
    sleep(300).await;
    assert_eq!(line(&third), "", "not offered again");
    assert_eq!(saves().len(), sent, "nothing sent");
}

#[wasm_bindgen_test]
async fn a_stored_import_the_store_cannot_give_now_is_asked_about_again_later() {
    paused_and_signed_out().await;

    // IndexedDB refuses to read (as a store whose JS did not come would): nothing is offered,
    // and nothing is forgotten.
    js_sys::eval(
        "window.__getAll = IDBObjectStore.prototype.getAll; \
         IDBObjectStore.prototype.getAll = function () { throw new Error('refused'); };",
    )
    .unwrap();
    let refused = mount(Some(agent()));
    ready().await;
    sleep(300).await;
    js_sys::eval("IDBObjectStore.prototype.getAll = window.__getAll;").unwrap();
    assert_eq!(
        line(&refused),
        "",
        "nothing to offer while the store refuses"
    );

    // The next sign-in reads it.
    let again = offered("Resume importing c.csv? 0 of 2 done.").await;
    click(&again, "Discard");
    wait_for("the offer gone", || line(&again).is_empty()).await;
}
