//! Signing in, two-factor, and signing out.

use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

const SESSION_KEY: &str = "omnichannel-contact-form:auth:https://chat.example.com";

fn session(key: &str) -> Option<String> {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.get_item(key).unwrap()
}

#[wasm_bindgen_test]
async fn without_credentials_the_sign_in_form_shows_and_checks_its_fields() {
    clear_storage();
    stub_fetch(&[]);
    let host = mount(None);
    leptos::task::tick().await;
    assert!(has_input(&host, "user") && has_input(&host, "password"));
    assert_eq!(input(&host, "password").type_(), "password");
    assert!(!has_input(&host, "code"));
    assert!(!has_input(&host, "name"));
    click(&host, "Sign in");
    leptos::task::tick().await;
    assert!(calls().is_empty());
    assert_eq!(
        field_error(&host, "user").as_deref(),
        Some("Enter your username or email.")
    );
    assert_eq!(
        field_error(&host, "password").as_deref(),
        Some("Enter your password.")
    );
}

#[wasm_bindgen_test]
async fn wrong_password_says_so_and_keeps_the_username() {
    clear_storage();
    stub_fetch(&[Answer(
        401,
        r#"{"status":"error","error":"Unauthorized","message":"Unauthorized"}"#,
        &[],
    )]);
    let host = mount(None);
    type_into(&host, "user", "agent");
    type_into(&host, "password", "wrong");
    click(&host, "Sign in");
    wait_status(&host, "Wrong username, email or password.").await;
    assert_eq!(input(&host, "user").value(), "agent");
    assert_eq!(session(SESSION_KEY), None);
}

#[wasm_bindgen_test]
async fn two_factor_asks_for_the_code_then_signs_in_and_keeps_the_session() {
    clear_storage();
    stub_fetch(&[
        Answer(
            401,
            r#"{"status":"error","error":"totp-required","message":"TOTP Required [totp-required]","details":{"method":"totp"}}"#,
            &[],
        ),
        Answer(
            200,
            r#"{"status":"success","data":{"userId":"u2","authToken":"t2"},"success":true}"#,
            &[],
        ),
    ]);
    let host = mount(None);
    type_into(&host, "user", "twofactor@example.com");
    type_into(&host, "password", "pw");
    click(&host, "Sign in");
    wait_status(&host, "authenticator app").await;
    assert!(has_input(&host, "code"));
    let label = host
        .query_selector(&format!("label[for='{}']", input(&host, "code").id()))
        .unwrap()
        .unwrap();
    assert_eq!(label.text_content().unwrap(), "Two-factor code");
    type_into(&host, "code", " 123456 ");
    click(&host, "Sign in");
    wait_status(&host, "Signed in.").await;

    let login = &calls()[1];
    assert_eq!(login["url"], "https://chat.example.com/api/v1/login");
    let sent: serde_json::Value = serde_json::from_str(login["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        sent,
        serde_json::json!({"user": "twofactor@example.com", "password": "pw", "code": "123456"})
    );
    assert!(has_input(&host, "name"), "the contact form shows");
    assert_eq!(session(SESSION_KEY).as_deref(), Some("u2\nt2"));
    assert_eq!(
        local(SESSION_KEY),
        None,
        "credentials never go to localStorage by default"
    );

    // A reload in the same tab stays signed in.
    let again = mount(None);
    leptos::task::tick().await;
    assert!(has_input(&again, "name"));
}

#[wasm_bindgen_test]
async fn sign_out_calls_logout_and_forgets_the_session() {
    clear_storage();
    stub_fetch(&[Answer(
        200,
        r#"{"status":"success","data":{"message":"You've been logged out!"}}"#,
        &[],
    )]);
    let host = mount(Some(agent()));
    type_into(&host, "name", "Ada");
    click(&host, "Sign out");
    wait_for("the logout call", || !calls().is_empty()).await;
    let call = &calls()[0];
    assert_eq!(call["url"], "https://chat.example.com/api/v1/logout");
    assert_eq!(call["headers"]["x-auth-token"], "agent-token");
    assert!(has_input(&host, "user"), "the sign-in form shows");
    assert_eq!(session(SESSION_KEY), None);
}
