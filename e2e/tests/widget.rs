//! The release build, driven in Chromium against the stand-in, the way a person uses it.

use e2e::{standin, wait_data, Browser};
use rc_standin::seed;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn an_agent_registers_a_contact_then_updates_it_after_a_reload() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "  Ada Lovelace ").await;
    b.fill("email", "Ada@Example.COM").await;
    b.fill("phone", "+44 (20) 7946-0958").await;
    b.fill("contactManager", "agent.two").await;
    b.click("Register contact").await;
    let status = b.wait_status("Contact registered (id ").await;

    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 1);
    let record = visitors[0].to_json();
    let id = record["_id"].as_str().unwrap().to_owned();
    assert!(status.contains(&id), "{status}");
    assert_eq!(record["name"], "Ada Lovelace");
    assert_eq!(
        record["visitorEmails"],
        json!([{"address": "ada@example.com"}])
    );
    assert_eq!(record["phone"], json!([{"phoneNumber": "+442079460958"}]));
    assert_eq!(record["contactManager"], json!({"username": "agent.two"}));
    assert_eq!(record["username"], "guest-1");
    let token = record["token"].as_str().unwrap().to_owned();
    assert!(token.len() == 32 && token.bytes().all(|c| c.is_ascii_hexdigit()));
    assert!(b.has_button("Update contact").await);

    b.reload().await;
    b.input("name").await;
    assert!(
        b.has_button("Update contact").await,
        "the reload remembers the contact"
    );
    assert!(
        !b.has_input("user").await,
        "and the session stays signed in"
    );
    b.fill("name", "Ada King").await;
    b.click("Update contact").await;
    b.wait_status(&format!("Contact updated (id {id}).")).await;
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 1, "the same contact, not a new one");
    assert_eq!(visitors[0].id, id);
    assert_eq!(visitors[0].name, "Ada King");
    assert_eq!(visitors[0].token, token);
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_email_and_phone_never_reach_the_server() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada").await;
    b.fill("email", "ada@example").await;
    b.fill("phone", "020 7946 0958").await;
    b.click("Register contact").await;
    b.wait_status("2 fields need attention").await;
    assert_eq!(
        b.field_error("email").await.as_deref(),
        Some("The part after @ must be a domain such as example.com.")
    );
    assert!(b
        .field_error("phone")
        .await
        .unwrap()
        .contains("country code"));
    assert_eq!(
        b.input("email")
            .await
            .attr("aria-invalid")
            .await
            .unwrap()
            .as_deref(),
        Some("true")
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        state.store.read(|d| d.visitors.len()).await,
        0,
        "nothing reached the server"
    );
    assert_eq!(
        b.value("email").await,
        "ada@example",
        "what was typed stays"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_failures_permission_and_two_factor() {
    let (url, _state) = standin().await;
    let b = Browser::start().await;
    b.open(&url).await;

    b.sign_in("agent.one", "wrong").await;
    b.wait_status("Wrong username, email or password.").await;
    assert_eq!(b.value("user").await, "agent.one");

    b.sign_in("twofactor", "twofactor-pass").await;
    b.wait_status("Enter the two-factor code from your authenticator app.")
        .await;
    b.fill("code", "000000").await;
    b.click("Sign in").await;
    b.wait_status("That two-factor code is not valid.").await;
    b.fill("code", seed::TOTP_CODE).await;
    b.click("Sign in").await;
    b.wait_status("Signed in.").await;
    b.input("name").await;

    b.click("Sign out").await;
    b.wait_status("Signed out.").await;
    b.sign_in("plain", "plain-pass").await;
    b.wait_status("Signed in.").await;
    b.fill("name", "Ada").await;
    b.click("Register contact").await;
    let status = b.wait_status("needs the view-l-room permission").await;
    assert!(status.contains("[error-unauthorized]"), "{status}");
    assert_eq!(b.value("name").await, "Ada");
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn eleven_saves_in_a_minute_hit_the_rate_limit_and_keep_the_values() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.two").await;
    b.fill("email", "grace@example.com").await;
    for i in 1..=10 {
        let name = format!("Grace {i}");
        b.fill("name", &name).await;
        let button = if i == 1 {
            "Register contact"
        } else {
            "Update contact"
        };
        b.click(button).await;
        wait_data(&state, &name, |d| {
            d.visitors.first().is_some_and(|v| v.name == name)
        })
        .await;
        b.wait_status("Contact ").await;
    }
    b.fill("name", "Grace 11").await;
    b.click("Update contact").await;
    let status = b
        .wait_status("Too many requests: the server asks to wait ")
        .await;
    assert!(status.contains("sent again by itself"), "{status}");
    assert_eq!(b.value("name").await, "Grace 11");
    assert_eq!(b.value("email").await, "grace@example.com");
    assert_eq!(
        state.store.read(|d| d.visitors[0].name.clone()).await,
        "Grace 10"
    );
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_revoked_session_brings_the_sign_in_back_and_the_save_goes_through_after() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Hedy Lamarr").await;
    b.fill("phone", "0043 1 234 5678").await;

    // The server forgets every login token (an admin signed the user out everywhere).
    state
        .store
        .write(|d| {
            for user in &mut d.users {
                user.tokens.retain(|t| t == seed::PERSONAL_ACCESS_TOKEN);
            }
        })
        .await
        .unwrap();
    b.click("Register contact").await;
    b.wait_status("You are signed out").await;
    assert!(b.has_input("user").await, "the sign-in form is back");
    assert_eq!(state.store.read(|d| d.visitors.len()).await, 0);

    b.sign_in("agent.one", "agent.one-pass").await;
    b.wait_status("Signed in.").await;
    assert_eq!(
        b.value("name").await,
        "Hedy Lamarr",
        "what was typed is kept"
    );
    assert_eq!(b.value("phone").await, "0043 1 234 5678");
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    let visitors = state.store.read(|d| d.visitors.clone()).await;
    assert_eq!(visitors.len(), 1);
    assert_eq!(visitors[0].phone.as_deref(), Some("+4312345678"));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_update_keeps_a_custom_field_and_a_manager_set_elsewhere() {
    let (url, state) = standin().await;
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada").await;
    b.fill("email", "ada@example.com").await;
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;

    // Someone else edits the contact in Rocket.Chat: a custom field, a manager, a free-form phone.
    state
        .store
        .write(|d| {
            let v = &mut d.visitors[0];
            v.livechat_data.insert("company".into(), json!("ACME"));
            v.contact_manager = Some("agent.two".into());
            v.phone = Some("020 7946 0958".into());
        })
        .await
        .unwrap();

    b.reload().await;
    b.input("name").await;
    b.wait_value("contactManager", "agent.two").await;
    assert_eq!(b.value("phone").await, "020 7946 0958");
    b.fill("name", "Ada Lovelace").await;
    b.click("Update contact").await;
    b.wait_status("Contact updated").await;
    let v = state.store.read(|d| d.visitors[0].clone()).await;
    assert_eq!(v.name, "Ada Lovelace");
    assert_eq!(
        v.livechat_data.get("company"),
        Some(&json!("ACME")),
        "the custom field survived"
    );
    assert_eq!(
        v.contact_manager.as_deref(),
        Some("agent.two"),
        "the manager survived"
    );
    assert_eq!(
        v.phone.as_deref(),
        Some("020 7946 0958"),
        "the phone went back as stored"
    );
    assert_eq!(v.email.as_deref(), Some("ada@example.com"));
    b.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn server_errors_html_pages_and_cut_connections_each_say_so_and_keep_the_values() {
    use rc_standin::faults::Fault;
    let (url, state) = standin().await;
    let faults = state
        .faults
        .as_ref()
        .expect("the e2e stand-in has --faults");
    let b = Browser::signed_in(&url, "agent.one").await;
    b.fill("name", "Ada").await;
    b.fill("phone", "+44 20 7946 0958").await;
    for (fault, message) in [
        (Fault::ServerError, "The server had a problem (HTTP 500)."),
        (
            Fault::Html,
            "The server's answer is not Rocket.Chat's API (HTTP 200, not JSON).",
        ),
        (Fault::Drop, "Could not reach the server."),
    ] {
        faults.push(fault, 1);
        b.click("Register contact").await;
        b.wait_status(message).await;
        assert_eq!(
            b.value("name").await,
            "Ada",
            "{fault:?}: what was typed stays"
        );
        assert_eq!(b.value("phone").await, "+44 20 7946 0958");
        assert!(b.has_button("Register contact").await);
    }
    assert_eq!(state.store.read(|d| d.visitors.len()).await, 0);
    b.click("Register contact").await;
    b.wait_status("Contact registered").await;
    assert_eq!(
        state.store.read(|d| d.visitors.len()).await,
        1,
        "one contact, whatever failed before"
    );
    b.finish().await;
}
