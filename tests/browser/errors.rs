//! Every failing answer is shown in words and keeps what was typed.

use crate::harness::*;
use wasm_bindgen_test::wasm_bindgen_test;

async fn submit_and_expect(answer: Answer, message: &str) -> web_sys::HtmlElement {
    clear_storage();
    stub_fetch(&[answer]);
    let host = mount(Some(agent()));
    fill_valid(&host);
    let typed = values(&host);
    click(&host, "Register contact");
    wait_status(&host, message).await;
    let calls = calls();
    assert_eq!(calls[0]["method"], "POST", "one save was sent");
    assert!(
        calls[1..].iter().all(|c| c["method"] == "GET"),
        "and nothing but the reachability probe"
    );
    if has_input(&host, "name") {
        assert_eq!(values(&host), typed, "nothing typed is lost");
        assert!(find_button(&host, "Register contact").is_some());
    }
    assert_eq!(
        local(CONTACT_KEY),
        None,
        "no token is remembered after a failure"
    );
    host
}

#[wasm_bindgen_test]
async fn bad_request_shows_the_servers_text() {
    submit_and_expect(
        Answer(
            400,
            r#"{"success":false,"error":"Match error: Unknown key in field foo"}"#,
            &[],
        ),
        "The server refused the contact: Match error: Unknown key in field foo",
    )
    .await;
}

#[wasm_bindgen_test]
async fn an_unknown_manager_is_shown_under_its_field() {
    let host = submit_and_expect(
        Answer(
            400,
            r#"{"success":false,"error":"No user found with username agent.one [error-contact-manager-not-found]","errorType":"error-contact-manager-not-found"}"#,
            &[],
        ),
        "No user found with username agent.one",
    )
    .await;
    assert_eq!(
        field_error(&host, "contactManager").as_deref(),
        Some("No Rocket.Chat user has this username.")
    );
}

#[wasm_bindgen_test]
async fn forbidden_names_the_missing_permission() {
    submit_and_expect(
        Answer(
            403,
            r#"{"success":false,"error":"User does not have the permissions required for this action [error-unauthorized]"}"#,
            &[],
        ),
        "needs the view-l-room permission",
    )
    .await;
}

#[wasm_bindgen_test]
async fn rate_limit_shows_the_wait() {
    let host = submit_and_expect(
        Answer(
            429,
            r#"{"success":false,"error":"Error, too many requests. Please slow down. You must wait 37 seconds before trying this endpoint again. [error-too-many-requests]"}"#,
            &[("X-RateLimit-Limit", "10"), ("X-RateLimit-Remaining", "0")],
        ),
        "the server asks to wait 37 seconds",
    )
    .await;
    // Give the queued retry up, so that it cannot fire into a later test.
    click(&host, "New contact");
}

#[wasm_bindgen_test]
async fn a_network_failure_says_so() {
    // The save fails, and so does the probe that would tell a CORS refusal apart.
    submit_and_expect(Answer(0, "", &[]), "Could not reach the server.").await;
    assert!(routed().contains(&"https://chat.example.com/api/info".to_owned()));
}

#[wasm_bindgen_test]
async fn server_errors_html_and_wrong_shaped_bodies_each_say_so() {
    submit_and_expect(
        Answer(502, "<html>Bad gateway</html>", &[]),
        "The server had a problem (HTTP 502)",
    )
    .await;
    submit_and_expect(
        Answer(200, "<!doctype html><p>Welcome</p>", &[]),
        "not JSON",
    )
    .await;
    submit_and_expect(
        Answer(200, r#"{"success":true,"contact":{"id":"c1"}}"#, &[]),
        "The server's answer was not understood (HTTP 200)",
    )
    .await;
}

#[wasm_bindgen_test]
async fn unauthorized_brings_the_sign_in_back_and_keeps_every_value() {
    clear_storage();
    stub_fetch(&[
        Answer(
            401,
            r#"{"status":"error","message":"You must be logged in to do this."}"#,
            &[],
        ),
        Answer(
            200,
            r#"{"status":"success","data":{"userId":"agent-id","authToken":"fresh-token"}}"#,
            &[],
        ),
        Answer(
            200,
            r#"{"contact":"65f0c0ffee0123456789abcd","success":true}"#,
            &[],
        ),
    ]);
    let host = mount(Some(agent()));
    fill_valid(&host);
    let typed = values(&host);
    click(&host, "Register contact");
    wait_status(&host, "You are signed out").await;
    assert!(
        has_input(&host, "user") && has_input(&host, "password"),
        "the sign-in is back"
    );
    assert!(!has_input(&host, "name"));

    type_into(&host, "user", "agent");
    type_into(&host, "password", "secret");
    click(&host, "Sign in");
    wait_status(&host, "Signed in.").await;
    assert_eq!(
        values(&host),
        typed,
        "every typed value survived the sign-in"
    );

    click(&host, "Register contact");
    wait_status(&host, "Contact registered").await;
    assert_eq!(calls()[2]["headers"]["x-auth-token"], "fresh-token");
    assert_eq!(body(0)["token"], body(2)["token"]);
}
