//! `api: "auto"` and the `api` option through the JS API: which API is chosen, and what
//! `contact-saved` then says.

use crate::center::{center, CREATED};
use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// Mounts through the JS API with `options`, recording `contact-saved` details in
/// `window.__saved`.
fn mount_js(options: &str) -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    js_sys::eval("window.__saved = []; window.__info = [];").unwrap();
    let record = js_sys::Function::new_with_args("e", "window.__saved.push(e.detail)");
    host.add_event_listener_with_callback("contact-saved", &record)
        .unwrap();
    let options = js_sys::eval(&format!("({options})")).unwrap();
    let _handle = omnichannel_contact_form::embed::mount(host.clone(), options);
    host
}

fn saved_detail() -> serde_json::Value {
    let text = js_sys::eval("JSON.stringify(window.__saved)")
        .unwrap()
        .as_string()
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[wasm_bindgen_test]
async fn auto_uses_the_contact_center_on_7_x_and_the_legacy_endpoint_before_7_1() {
    clear_storage();
    let creds = r#"authToken: "agent-token", userId: "agent-id""#;
    // 7.6: the Contact Center.
    center(&[CREATED]);
    route("/api/info", 200, r#"{"version":"7.6","success":true}"#);
    let new = mount_js(&format!(
        r#"{{server: "https://seven.example.com", api: "auto", {creds}}}"#
    ));
    wait_for("the API choice", || {
        routed().iter().any(|u| u.ends_with("/api/info"))
    })
    .await;
    ready().await;
    type_into(&new, "name", "Ada");
    click(&new, "Register contact");
    wait_status(&new, "Contact registered (id cc1)").await;
    assert!(calls()[0]["url"]
        .as_str()
        .unwrap()
        .ends_with("/api/v1/omnichannel/contacts"));
    let detail = &saved_detail()[0];
    assert_eq!(detail["api"], "contacts");
    assert_eq!(detail["contact"], "cc1");
    assert!(detail.get("token").is_none(), "no token: {detail}");

    // 6.13: the legacy endpoint, with its token.
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"v1","success":true}"#, &[])]);
    route("/api/info", 200, r#"{"version":"6.13","success":true}"#);
    let old = mount_js(&format!(
        r#"{{server: "https://six.example.com", api: "auto", {creds}}}"#
    ));
    ready().await;
    type_into(&old, "name", "Ada");
    click(&old, "Register contact");
    wait_status(&old, "Contact registered (id v1)").await;
    assert!(calls()[0]["url"]
        .as_str()
        .unwrap()
        .ends_with("/api/v1/omnichannel/contact"));
    let detail = &saved_detail()[0];
    assert_eq!(detail["api"], "legacy");
    assert_eq!(detail["token"].as_str().map(str::len), Some(32));
}

#[wasm_bindgen_test]
async fn auto_without_an_answer_decides_nothing_and_asks_again_at_the_save() {
    clear_storage();
    center(&[CREATED]);
    route("/api/info", 0, ""); // no answer: the network is down
    let creds = r#"authToken: "agent-token", userId: "agent-id""#;
    let host = mount_js(&format!(
        r#"{{server: "https://flaky.example.com", api: "auto", {creds}}}"#
    ));
    wait_status(&host, "Could not reach the server").await;
    route("/api/info", 200, r#"{"version":"7.6","success":true}"#);
    type_into(&host, "name", "Ada");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered (id cc1)").await;
    assert!(calls()[0]["url"]
        .as_str()
        .unwrap()
        .ends_with("/api/v1/omnichannel/contacts"));
    assert_eq!(saved_detail()[0]["api"], "contacts");
}
