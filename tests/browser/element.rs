//! `<omnichannel-contact-form>`: Shadow DOM, attributes, events, removal.

use crate::harness::*;
use omnichannel_contact_form::embed::define_custom_element;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};

fn element(attributes: &str) -> HtmlElement {
    define_custom_element();
    define_custom_element(); // defining twice is harmless
    let document = web_sys::window().unwrap().document().unwrap();
    let wrapper = document.create_element("div").unwrap();
    wrapper.set_inner_html(&format!(
        "<omnichannel-contact-form {attributes}></omnichannel-contact-form>"
    ));
    document.body().unwrap().append_child(&wrapper).unwrap();
    wrapper.first_element_child().unwrap().unchecked_into()
}

/// The widget's root inside the element's shadow root, as an element the harness can query.
fn inside(el: &HtmlElement) -> HtmlElement {
    let root = el.shadow_root().expect("an open shadow root");
    root.query_selector("div")
        .unwrap()
        .expect("the mount point")
        .unchecked_into()
}

/// How many stylesheets the element's shadow root has adopted.
fn adopted_sheets(el: &HtmlElement) -> u32 {
    let shadow = el.shadow_root().expect("an open shadow root");
    let adopted = js_sys::Reflect::get(&shadow, &"adoptedStyleSheets".into()).unwrap();
    adopted.unchecked_into::<js_sys::Array>().length()
}

const CREDS: &str =
    r#"server="https://chat.example.com" auth-token="agent-token" user-id="agent-id""#;

#[wasm_bindgen_test]
async fn renders_in_an_open_shadow_root_with_its_own_styles() {
    clear_storage();
    // Host-page CSS that would wreck the form if it leaked in.
    let document = web_sys::window().unwrap().document().unwrap();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(
        "input { display: none !important; } label { color: rgb(255, 0, 0); }",
    ));
    document.head().unwrap().append_child(&style).unwrap();

    stub_fetch(&[]);
    let el = element(CREDS);
    leptos::task::tick().await;
    let shadow = el.shadow_root().unwrap();
    // The form is shown once widget.css (fetched beside the module) styles it.
    wait_for("the form shown, styled", || {
        adopted_sheets(&el) == 1 && !inside(&el).hidden()
    })
    .await;
    // An adopted stylesheet, never an inline <style> (which a strict CSP blocks).
    assert!(
        shadow.query_selector("style").unwrap().is_none(),
        "no inline <style> element"
    );
    assert_eq!(adopted_sheets(&el), 1, "one adopted stylesheet");
    let widget = inside(&el);
    let name = input(&widget, "name");
    let window = web_sys::window().unwrap();
    let display = window
        .get_computed_style(&name)
        .unwrap()
        .unwrap()
        .get_property_value("display")
        .unwrap();
    let label: Element = widget.query_selector("label").unwrap().unwrap();
    let color = window
        .get_computed_style(&label)
        .unwrap()
        .unwrap()
        .get_property_value("color")
        .unwrap();
    style.remove(); // before asserting, so a failure cannot leak this CSS into other tests
    assert_ne!(display, "none", "host-page CSS does not leak in");
    assert_ne!(color, "rgb(255, 0, 0)");
    assert_eq!(
        el.child_element_count(),
        0,
        "nothing in the element's light DOM"
    );
}

#[wasm_bindgen_test]
async fn events_reach_the_element_and_the_page() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c9","success":true}"#, &[])]);
    js_sys::eval(
        "window.__seen = []; document.addEventListener('contact-saved', e => window.__seen.push([e.target.tagName, e.detail.contact, e.detail.created]), {once: true});",
    )
    .unwrap();
    let el = element(CREDS);
    leptos::task::tick().await;
    let widget = inside(&el);
    type_into(&widget, "name", "Ada");
    click(&widget, "Register contact");
    wait_status(&widget, "Contact registered (id c9).").await;
    let seen = js_sys::eval("JSON.stringify(window.__seen)")
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        seen, r#"[["OMNICHANNEL-CONTACT-FORM","c9",true]]"#,
        "retargeted to the element"
    );
}

#[wasm_bindgen_test]
async fn theme_changes_keep_what_was_typed_and_removal_unmounts() {
    clear_storage();
    stub_fetch(&[]);
    let el = element(&format!("{CREDS} theme=\"light\""));
    wait_for("the form styled", || adopted_sheets(&el) == 1).await;
    let widget = inside(&el);
    type_into(&widget, "name", "Ada");
    let window = web_sys::window().unwrap();
    let scheme = |w: &HtmlElement| {
        let root = w.query_selector(".ocf").unwrap().unwrap();
        window
            .get_computed_style(&root)
            .unwrap()
            .unwrap()
            .get_property_value("color-scheme")
            .unwrap()
    };
    assert_eq!(scheme(&widget), "light");
    el.set_attribute("theme", "dark").unwrap();
    leptos::task::tick().await;
    assert_eq!(scheme(&inside(&el)), "dark");
    assert_eq!(
        input(&inside(&el), "name").value(),
        "Ada",
        "a theme change keeps the values"
    );

    el.set_attribute("server", "https://other.example.com")
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(
        input(&inside(&el), "name").value(),
        "",
        "a new server is a new widget"
    );

    el.remove();
    leptos::task::tick().await;
    assert_eq!(
        inside(&el).child_element_count(),
        0,
        "removing the element unmounts the widget"
    );
}

#[wasm_bindgen_test]
async fn without_credentials_the_element_asks_to_sign_in() {
    clear_storage();
    let el = element(r#"server="https://chat.example.com""#);
    leptos::task::tick().await;
    assert!(has_input(&inside(&el), "user"));
}

/// `allow-insecure` lets a plain-http server through when present (React writes `true` as ""),
/// but not as "false", which Vue and Solid write for `false`.
#[wasm_bindgen_test]
async fn allow_insecure_opens_plain_http_unless_it_says_false() {
    clear_storage();
    let server = r#"server="http://chat.example.com""#;
    for (attribute, allowed) in [
        ("", false),
        ("allow-insecure", true),
        ("allow-insecure=\"true\"", true),
        ("allow-insecure=\"false\"", false),
    ] {
        let el = element(&format!("{server} {attribute}"));
        leptos::task::tick().await;
        let root = inside(&el);
        assert_eq!(
            has_input(&root, "user"),
            allowed,
            "{attribute}: the sign-in form"
        );
        assert_eq!(
            root.query_selector("[role='alert']").unwrap().is_some(),
            !allowed,
            "{attribute}: the refusal"
        );
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn the_api_attribute_saves_through_the_contact_center() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contactId":"cc9","success":true}"#, &[])]);
    route(
        "/api/v1/omnichannel/contacts.checkExistence",
        200,
        r#"{"exists":false,"success":true}"#,
    );
    let el = element(&format!(r#"{CREDS} api="contacts""#));
    ready().await;
    let widget = inside(&el);
    type_into(&widget, "name", "Ada");
    click(&widget, "Register contact");
    wait_status(&widget, "Contact registered (id cc9)").await;
    let url = calls()[0]["url"].as_str().unwrap().to_owned();
    assert!(url.ends_with("/api/v1/omnichannel/contacts"), "{url}");
    assert_eq!(body(0)["emails"], serde_json::json!([]));
}

#[wasm_bindgen_test]
async fn the_contact_id_attribute_and_the_open_method_open_contacts() {
    clear_storage();
    stub_fetch(&[]);
    serve_records();
    let el = element(&format!(r#"{CREDS} contact-id="p1""#));
    let host = inside(&el);
    wait_for("the first contact", || {
        has_input(&host, "name") && values(&host)[0] == "Person p1"
    })
    .await;
    el.set_attribute("contact-id", "p2").unwrap();
    wait_for("the attribute's contact", || {
        values(&host)[0] == "Person p2"
    })
    .await;
    assert_eq!(inside(&el), host, "opened in place, not mounted again");
    let open = js_sys::Reflect::get(&el, &"open".into()).unwrap();
    let open: js_sys::Function = open.unchecked_into();
    let promise: js_sys::Promise = open.call1(&el, &"p3".into()).unwrap().unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the promise resolves once the contact is shown");
    assert_eq!(values(&host)[0], "Person p3");
    el.remove();
}
