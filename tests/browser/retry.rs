//! Saves that wait instead of failing: offline, and after a 429.

use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

const OK: Answer = Answer(200, r#"{"contact":"c1","success":true}"#, &[]);

fn posts() -> Vec<serde_json::Value> {
    calls()
        .into_iter()
        .filter(|c| c["method"] == "POST")
        .collect()
}

/// Mounts a widget, goes offline, and submits a contact named Ada.
async fn submit_offline() -> web_sys::HtmlElement {
    clear_storage();
    stub_fetch(&[OK]);
    let host = mount(Some(agent()));
    ready().await;
    set_online(false);
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    leptos::task::tick().await;
    host
}

#[wasm_bindgen_test]
async fn a_rate_limited_save_is_sent_again_once_the_wait_is_over() {
    clear_storage();
    stub_fetch(&[
        Answer(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 1 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
            &[],
        ),
        OK,
    ]);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "the server asks to wait 1 second").await;
    assert!(status(&host).contains("sent again by itself"));
    assert_eq!(posts().len(), 1);
    wait_status(&host, "Contact registered (id c1).").await;
    assert_eq!(posts().len(), 2, "sent again once, by itself");
    assert_eq!(body(0)["token"], body(1)["token"], "with the same token");
}

#[wasm_bindgen_test]
async fn an_offline_save_is_queued_shown_as_pending_and_sent_when_back_online() {
    let host = submit_offline().await;
    assert!(
        status(&host).contains("You are offline"),
        "{}",
        status(&host)
    );
    assert!(calls().is_empty(), "nothing is tried while offline");
    type_into(&host, "email", "ada@example.com");
    set_online(true);
    wait_status(&host, "Contact registered (id c1).").await;
    assert_eq!(posts().len(), 1);
    assert_eq!(
        body(0)["email"],
        "ada@example.com",
        "what is typed when it goes"
    );
}

#[wasm_bindgen_test]
async fn a_network_lost_mid_save_is_queued_and_sent_again_with_the_same_token() {
    clear_storage();
    // The save fails (and so does the reachability probe); the resend succeeds.
    stub_fetch(&[Answer(0, "", &[]), OK]);
    let host = mount(Some(agent()));
    ready().await;
    save_as_the_network_goes(&host).await;
    js_sys::eval("window.__delay = 0;").unwrap();
    set_online(true);
    wait_status(&host, "Contact registered (id c1).").await;
    let posts = posts();
    assert_eq!(posts.len(), 2);
    let token = |i: usize| {
        serde_json::from_str::<serde_json::Value>(posts[i]["body"].as_str().unwrap()).unwrap()
            ["token"]
            .clone()
    };
    assert_eq!(token(0), token(1), "a retry never makes a second contact");
}

#[wasm_bindgen_test]
async fn new_contact_gives_a_queued_save_up() {
    let host = submit_offline().await;
    click(&host, "New contact");
    set_online(true);
    sleep(50).await;
    assert!(calls().is_empty(), "the queued save was given up");
}
