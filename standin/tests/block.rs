//! Blocking a contact's channel, as docs/rocket-chat.md gives it: `contacts.block` and
//! `contacts.unblock` with the channel's own `visitor`, their checks in each release's order,
//! a block closing the open chat on that channel; and what a client reads beforehand,
//! `licenses.info` and `permissions.listAll`, with and without the licence (`--no-license`).

mod common;

use common::{start_with, Answer, Rc};
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const MARIA: &str = "0000000000000000c0de0001"; // Findme 01's contact
const MARIA_VISITOR: &str = "0000000000000000f00d0001";
const OPEN: &str = "room000findme01xx"; // her open chat, through the widget
const V7: Version = Version {
    major: 7,
    minor: 12,
};
const V8: Version = Version { major: 8, minor: 2 };

async fn seeded(version: Version, license: bool) -> Rc {
    start_with(Options {
        seed_contacts: 3,
        version,
        license,
        ..Options::default()
    })
    .await
}

async fn post(rc: &Rc, auth: Option<&(String, String)>, path: &str, body: Value) -> Answer {
    let auth = auth.map(|a| (a.0.as_str(), a.1.as_str()));
    rc.call(
        Method::POST,
        &format!("/api/v1/omnichannel/{path}"),
        auth,
        Some(body),
    )
    .await
}

fn widget() -> Value {
    json!({"visitor": {"visitorId": MARIA_VISITOR, "source": {"type": "widget"}}})
}

/// Maria's channel of source `kind`, as `contacts.get` gives it.
async fn channel(rc: &Rc, auth: &(String, String), kind: &str) -> Value {
    let got = rc
        .get_as(
            auth,
            &format!("/api/v1/omnichannel/contacts.get?contactId={MARIA}"),
        )
        .await;
    got.body["contact"]["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["visitor"]["source"]["type"] == kind)
        .cloned()
        .expect("the channel")
}

#[tokio::test]
async fn a_block_closes_the_open_chat_by_the_blocker_and_an_unblock_only_lifts_it() {
    for version in [V7, V8] {
        let rc = seeded(version, true).await;
        let agent = rc.login("agent.one").await;
        let visitor = channel(&rc, &agent, "widget").await["visitor"].clone();
        assert_eq!(
            visitor,
            json!({"visitorId": MARIA_VISITOR, "source": {"type": "widget"}}),
            "what block takes back"
        );
        for _ in 0..2 {
            let a = post(&rc, Some(&agent), "contacts.block", widget()).await;
            assert_eq!(a.status, StatusCode::OK, "{version}: {}", a.text);
            assert_eq!(
                a.body,
                json!({"success": true}),
                "blocking twice is 200 too"
            );
        }
        assert_eq!(channel(&rc, &agent, "widget").await["blocked"], true);
        assert_eq!(
            channel(&rc, &agent, "email").await["blocked"],
            false,
            "that channel only"
        );
        let history = rc
            .get_as(
                &agent,
                &format!("/api/v1/omnichannel/contacts.history?contactId={MARIA}&count=1"),
            )
            .await;
        let closed = &history.body["history"][0];
        assert_eq!(closed["_id"], OPEN, "{version}: {}", history.text);
        assert_eq!(closed["closer"], "user");
        assert_eq!(closed["closedBy"]["username"], "agent.one");
        assert_eq!(
            closed["lastMessage"]["msg"],
            "This channel has been blocked"
        );

        let a = post(&rc, Some(&agent), "contacts.unblock", widget()).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        assert_eq!(channel(&rc, &agent, "widget").await["blocked"], false);
        let sms = channel(&rc, &agent, "sms").await;
        assert_eq!(sms["blocked"], true, "seeded blocked");
        let a = post(
            &rc,
            Some(&agent),
            "contacts.unblock",
            json!({"visitor": sms["visitor"]}),
        )
        .await;
        assert_eq!(a.status, StatusCode::OK);
        assert_eq!(channel(&rc, &agent, "sms").await["blocked"], false);
    }
}

#[tokio::test]
async fn a_channel_no_contact_has_and_each_bad_body_are_refused_in_rocket_chats_words() {
    let rc = seeded(V7, true).await;
    let admin = rc.login("admin").await;
    let refused = |a: Answer| {
        (
            a.status,
            a.body["error"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let bad = StatusCode::BAD_REQUEST;
    let unknown = json!({"visitor": {"visitorId": MARIA_VISITOR, "source": {"type": "whatsapp"}}});
    assert_eq!(
        refused(post(&rc, Some(&admin), "contacts.block", unknown).await),
        (bad, "error-contact-not-found".to_owned())
    );
    let other_id =
        json!({"visitor": {"visitorId": MARIA_VISITOR, "source": {"type": "widget", "id": "x"}}});
    assert_eq!(
        refused(post(&rc, Some(&admin), "contacts.block", other_id).await).1,
        "error-contact-not-found",
        "a source id the channel does not have"
    );
    for (body, error) in [
        (
            json!({}),
            "must have required property 'visitor' [invalid-params]",
        ),
        (
            json!({"visitor": {"source": {"type": "widget"}}}),
            "must have required property 'visitorId' [invalid-params]",
        ),
        (
            json!({"visitor": {"visitorId": MARIA_VISITOR}}),
            "must have required property 'source' [invalid-params]",
        ),
        (
            json!({"visitor": {"visitorId": MARIA_VISITOR, "source": {"id": "x"}}}),
            "must have required property 'type' [invalid-params]",
        ),
        (json!({"visitor": null}), "must be object [invalid-params]"),
        (json!({"visitor": "x"}), "must be object [invalid-params]"),
        (
            json!({"visitor": {"visitorId": "v", "source": "widget"}}),
            "must be object [invalid-params]",
        ),
        (json!([1]), "must be object [invalid-params]"),
        (
            json!({"visitor": {"visitorId": "v", "source": {"type": "widget"}}, "x": 1}),
            "must NOT have additional properties [invalid-params]",
        ),
    ] {
        assert_eq!(
            refused(post(&rc, Some(&admin), "contacts.block", body.clone()).await),
            (bad, error.to_owned()),
            "{body}"
        );
    }
    // 7.x coerces a number to a string (and finds no such visitor); 8.x refuses it.
    let number = json!({"visitor": {"visitorId": 123, "source": {"type": "widget"}}});
    assert_eq!(
        refused(post(&rc, Some(&admin), "contacts.block", number.clone()).await).1,
        "error-contact-not-found"
    );
    let rc8 = seeded(V8, true).await;
    let admin8 = rc8.login("admin").await;
    assert_eq!(
        refused(post(&rc8, Some(&admin8), "contacts.block", number).await).1,
        "must be string [invalid-params]"
    );
}

#[tokio::test]
async fn the_checks_come_in_each_releases_order() {
    // 7.x: the licence before the sign-in, the body before the permission.
    let rc = seeded(V7, false).await;
    let a = post(&rc, None, "contacts.block", widget()).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        a.body,
        json!({"success": false, "error": "This is an enterprise feature [error-action-not-allowed]", "errorType": "error-action-not-allowed"})
    );
    let rc = seeded(V7, true).await;
    let plain = rc.login("plain").await;
    assert_eq!(
        post(&rc, Some(&plain), "contacts.block", json!({}))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post(&rc, Some(&plain), "contacts.block", widget())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // 8.x: the sign-in, then the permission, which nobody holds on a workspace that never
    // had the licence.
    let rc = seeded(V8, false).await;
    assert_eq!(
        post(&rc, None, "contacts.unblock", widget()).await.status,
        StatusCode::UNAUTHORIZED
    );
    let admin = rc.login("admin").await;
    assert_eq!(
        post(&rc, Some(&admin), "contacts.unblock", widget())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let rc = seeded(V8, true).await;
    let plain = rc.login("plain").await;
    assert_eq!(
        post(&rc, Some(&plain), "contacts.block", json!({}))
            .await
            .status,
        StatusCode::FORBIDDEN,
        "the permission before the body"
    );
}

#[tokio::test]
async fn the_licence_and_the_permissions_can_be_read_beforehand() {
    for license in [true, false] {
        let rc = seeded(V7, license).await;
        let agent = rc.login("agent.one").await;
        let info = rc.get_as(&agent, "/api/v1/licenses.info").await;
        assert_eq!(info.status, StatusCode::OK, "{}", info.text);
        let modules = &info.body["license"]["activeModules"];
        let expected = if license {
            json!(["livechat-enterprise", "contact-id-verification"])
        } else {
            json!([])
        };
        assert_eq!(modules, &expected);
        let bad = rc.get_as(&agent, "/api/v1/licenses.info?x=1").await;
        assert_eq!(
            bad.body["error"],
            "must NOT have additional properties [invalid-params]"
        );

        let all = rc.get_as(&agent, "/api/v1/permissions.listAll").await;
        assert_eq!(all.status, StatusCode::OK, "{}", all.text);
        let roles = |id: &str| {
            all.body["update"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["_id"] == id)
                .map(|p| p["roles"].clone())
        };
        assert_eq!(
            roles("delete-livechat-contact"),
            Some(json!(["admin", "livechat-manager"]))
        );
        assert!(roles("update-livechat-contact")
            .unwrap()
            .as_array()
            .unwrap()
            .contains(&json!("livechat-agent")));
        assert_eq!(roles("block-livechat-contact").is_some(), license);
        assert_eq!(roles("unblock-livechat-contact").is_some(), license);
    }
    let rc = seeded(V7, true).await;
    let agent = rc.login("agent.one").await;
    let later = rc
        .get_as(
            &agent,
            "/api/v1/permissions.listAll?updatedSince=2030-01-01T00:00:00.000Z",
        )
        .await;
    assert_eq!(later.body["update"], json!([]));
    let bad = rc
        .get_as(&agent, "/api/v1/permissions.listAll?updatedSince=soon")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad.body["error"],
        "The \"updatedSince\" query parameter must be a valid date. [error-roomId-param-invalid]"
    );
}
