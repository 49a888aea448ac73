//! The form's promised interface and client-side validation.

use crate::harness::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn labels_names_types_and_buttons_are_as_promised() {
    clear_storage();
    let host = mount(Some(agent()));
    leptos::task::tick().await;
    for (label, name, kind, autocomplete, inputmode) in [
        ("Name", "name", "text", "name", None),
        ("Email", "email", "email", "email", Some("email")),
        ("Phone", "phone", "tel", "tel", Some("tel")),
        ("Contact manager", "contactManager", "text", "off", None),
    ] {
        let field = input(&host, name);
        let label_el = host
            .query_selector(&format!("label[for='{}']", field.id()))
            .unwrap()
            .unwrap_or_else(|| panic!("no label for {name}"));
        assert_eq!(label_el.text_content().unwrap(), label);
        assert_eq!(field.type_(), kind, "{name}");
        assert_eq!(
            field.get_attribute("autocomplete").as_deref(),
            Some(autocomplete),
            "{name}"
        );
        assert_eq!(
            field.get_attribute("inputmode").as_deref(),
            inputmode,
            "{name}"
        );
        assert_eq!(
            field.get_attribute("aria-invalid").as_deref(),
            Some("false")
        );
    }
    assert!(
        host.query_selector("form").unwrap().is_some(),
        "a real <form>"
    );
    assert_eq!(
        button_texts(&host),
        [
            "Register contact",
            "New contact",
            "Import contacts",
            "Sign out"
        ]
    );
    let region = host.query_selector("[role='status']").unwrap().unwrap();
    assert_eq!(region.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        host.query_selector_all("[role='status']").unwrap().length(),
        1
    );
}

#[wasm_bindgen_test]
async fn invalid_input_blocks_the_request_marks_the_fields_and_focuses_the_first() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "Ada");
    type_into(&host, "email", "ada@example");
    type_into(&host, "phone", "020 7946 0958");
    click(&host, "Register contact");
    leptos::task::tick().await;

    assert!(
        calls().is_empty(),
        "nothing is sent while a field is invalid"
    );
    let email = input(&host, "email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = format!("{}-error", email.id());
    let described = email.get_attribute("aria-describedby").unwrap();
    assert!(described.split(' ').any(|id| id == error_id), "{described}");
    assert_eq!(
        field_error(&host, "email").as_deref(),
        Some("The part after @ must be a domain such as example.com.")
    );
    assert!(field_error(&host, "phone")
        .unwrap()
        .contains("country code"));
    assert_eq!(field_error(&host, "name"), None);
    assert_eq!(
        focused(),
        Some(JsValue::from(email)),
        "the first invalid field has focus"
    );
    assert!(
        status(&host).contains("2 fields need attention"),
        "{}",
        status(&host)
    );
    assert_eq!(
        values(&host),
        ["Ada", "ada@example", "020 7946 0958", ""],
        "nothing typed is lost"
    );

    // Fixing a field clears its error at once.
    type_into(&host, "email", "ada@example.com");
    leptos::task::tick().await;
    assert_eq!(field_error(&host, "email"), None);
    assert_eq!(
        input(&host, "email")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn an_empty_name_is_required_and_focused() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    ready().await;
    type_into(&host, "name", "   ");
    click(&host, "Register contact");
    leptos::task::tick().await;
    assert!(calls().is_empty());
    assert_eq!(
        field_error(&host, "name").as_deref(),
        Some("Enter the contact's name.")
    );
    assert_eq!(focused(), Some(JsValue::from(input(&host, "name"))));
    assert!(status(&host).contains("One field needs attention"));
}

#[wasm_bindgen_test]
async fn emails_are_lower_cased_by_the_browsers_own_rules() {
    clear_storage();
    stub_fetch(&[Answer(200, r#"{"contact":"c1","success":true}"#, &[])]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Émile");
    type_into(&host, "email", "  ÉMILE.Zola@Bücher.DE ");
    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_eq!(body(0)["email"], "émile.zola@bücher.de");
}

#[wasm_bindgen_test]
async fn on_a_right_to_left_page_the_widget_keeps_its_own_language_and_direction() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount(Some(agent()));
    host.set_attribute("dir", "rtl").unwrap();
    host.set_attribute("lang", "ar").unwrap();
    ready().await;
    let root = host.first_element_child().expect("the widget's root");
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    let dir = |name: &str| input(&host, name).get_attribute("dir");
    assert_eq!(dir("email").as_deref(), Some("ltr"));
    assert_eq!(dir("phone").as_deref(), Some("ltr"));
    assert_eq!(dir("contactManager").as_deref(), Some("ltr"));
    assert_eq!(
        dir("name").as_deref(),
        Some("auto"),
        "a name may be written in any script"
    );
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&input(&host, "email"))
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "ltr");
}
