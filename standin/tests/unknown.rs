//! The contacts Rocket.Chat's own list hides, as docs/rocket-chat.md gives them:
//! `contacts.search`'s `unknown` a boolean (only `true` and `false`; anything else 400 `must be
//! boolean`, checked before the permission on 7.x and after it on 8.x), its `contactManager` a
//! user, and every contact's channels in `contacts.get` and the search.

mod common;

use common::start_with;
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::StatusCode;
use serde_json::json;

fn seeded(version: Version) -> Options {
    Options {
        seed_contacts: 3,
        version,
        required_field: false,
        ..Options::default()
    }
}

const V7: Version = Version {
    major: 7,
    minor: 12,
};
const V8: Version = Version { major: 8, minor: 2 };

#[tokio::test]
async fn unknown_is_a_boolean_checked_in_each_releases_order() {
    for version in [V7, V8] {
        let rc = start_with(seeded(version)).await;
        // An admin: the rate limit does not count these calls.
        let agent = rc.login("admin").await;
        let search = |query: &'static str| {
            let (rc, agent) = (&rc, &agent);
            async move {
                rc.get_as(
                    agent,
                    &format!("/api/v1/omnichannel/contacts.search?{query}"),
                )
                .await
            }
        };
        for query in ["unknown=true", "unknown=false", ""] {
            assert_eq!(
                search(query).await.status,
                StatusCode::OK,
                "{version} {query}"
            );
        }
        for bad in [
            "unknown=1",
            "unknown=TRUE",
            "unknown=yes",
            "unknown=",
            "unknown=true&unknown=false",
            "unknown[]=true",
        ] {
            let a = search(bad).await;
            assert_eq!(a.status, StatusCode::BAD_REQUEST, "{version} {bad}");
            assert_eq!(
                a.body,
                json!({"success": false, "error": "must be boolean [invalid-params]", "errorType": "invalid-params"}),
                "{version} {bad}"
            );
        }
        assert_eq!(
            search("unknown=x&count=y").await.body["error"],
            "must be number [invalid-params]",
            "the first failing property in the schema's order"
        );
        assert_eq!(
            search("foo=1").await.body["error"],
            "must NOT have additional properties [invalid-params]"
        );
        // Without the permission: 7.x says the query is wrong first, 8.x the permission.
        let plain = rc.login("plain").await;
        let a = rc
            .get_as(&plain, "/api/v1/omnichannel/contacts.search?unknown=1")
            .await;
        let expected = if version == V7 {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::FORBIDDEN
        };
        assert_eq!(a.status, expected, "{version}: {}", a.text);
    }
}

#[tokio::test]
async fn the_search_gives_the_manager_as_a_user_and_every_contact_its_channels() {
    let rc = start_with(seeded(V7)).await;
    let agent = rc.login("agent.one").await;
    // contacts.get gives the manager as its id; the search as a user.
    let made = rc
        .call(
            reqwest::Method::POST,
            "/api/v1/omnichannel/contacts",
            Some((&agent.0, &agent.1)),
            Some(json!({"name": "Managed", "emails": [], "phones": [], "contactManager": agent.0})),
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text);
    let managed = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=Managed",
        )
        .await;
    assert_eq!(
        managed.body["contacts"][0]["contactManager"],
        json!({"_id": agent.0, "name": "Agent One", "username": "agent.one"})
    );
    let found = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=Findme%2001",
        )
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.text);
    let maria = &found.body["contacts"][0];
    let channels = maria["channels"].as_array().expect("channels");
    assert!(channels.len() > 1, "{maria}");
    let sms = channels
        .iter()
        .find(|c| c["visitor"]["source"]["type"] == "sms")
        .expect("an SMS channel");
    assert_eq!(sms["blocked"], true);
    assert!(sms["visitor"]["visitorId"].is_string());

    // contacts.get gives the same channels, and the manager as its id.
    let id = maria["_id"].as_str().unwrap();
    let got = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.get?contactId={id}"),
        )
        .await;
    assert_eq!(got.body["contact"]["channels"], maria["channels"]);
}

/// The search's names with `unknown` set to `unknown`, as the admin sees them.
async fn listed(rc: &common::Rc, admin: &(String, String), unknown: bool) -> Vec<String> {
    let a = rc
        .get_as(
            admin,
            &format!("/api/v1/omnichannel/contacts.search?unknown={unknown}"),
        )
        .await;
    a.body["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn update(
    rc: &common::Rc,
    auth: &(String, String),
    body: serde_json::Value,
) -> common::Answer {
    rc.call(
        reqwest::Method::POST,
        "/api/v1/omnichannel/contacts.update",
        Some((&auth.0, &auth.1)),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn an_update_identifies_an_unknown_contact_on_8_x_only_when_it_sets_something() {
    // The seeded unknown contact's id.
    let unknown_id = "0000000000000000c0deffff";
    for version in [V7, V8] {
        let rc = start_with(seeded(version)).await;
        let admin = rc.login("admin").await;
        assert!(listed(&rc, &admin, true)
            .await
            .contains(&"Findme unknown".to_owned()));
        let nothing = update(&rc, &admin, json!({"contactId": unknown_id})).await;
        assert_eq!(nothing.status, StatusCode::OK, "{}", nothing.text);
        let still = listed(&rc, &admin, true)
            .await
            .contains(&"Findme unknown".to_owned());
        assert_eq!(
            still,
            version == V8,
            "{version}: an update that sets nothing"
        );
        let renamed = update(
            &rc,
            &admin,
            json!({"contactId": unknown_id, "name": "Now known"}),
        )
        .await;
        assert_eq!(renamed.body["contact"]["unknown"], false, "{version}");
        assert!(!listed(&rc, &admin, true)
            .await
            .contains(&"Now known".to_owned()));
        assert!(
            listed(&rc, &admin, false)
                .await
                .contains(&"Now known".to_owned()),
            "{version}"
        );
    }
}

#[tokio::test]
async fn an_empty_manager_removes_it_from_8_2_and_is_ignored_before() {
    for (version, cleared) in [
        (V7, false),
        (Version { major: 8, minor: 1 }, false),
        (V8, true),
    ] {
        let rc = start_with(seeded(version)).await;
        let admin = rc.login("admin").await;
        let agent = rc.login("agent.one").await;
        let made = rc
            .call(
                reqwest::Method::POST,
                "/api/v1/omnichannel/contacts",
                Some((&admin.0, &admin.1)),
                Some(json!({"name": "Managed", "emails": [], "phones": [], "contactManager": agent.0})),
            )
            .await;
        let id = made.body["contactId"].as_str().unwrap().to_owned();
        let a = update(&rc, &admin, json!({"contactId": id, "contactManager": ""})).await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.text);
        let manager = &a.body["contact"]["contactManager"];
        assert_eq!(manager.is_null(), cleared, "{version}: {manager}");
    }
}

#[tokio::test]
async fn the_unidentified_contacts_are_seeded_with_their_channels_and_last_chats() {
    let rc = start_with(seeded(V7)).await;
    let admin = rc.login("admin").await;
    let newest = rc
        .get_as(
            &admin,
            "/api/v1/omnichannel/contacts.search?unknown=true&sort=%7B%22lastChat.ts%22%3A-1%7D",
        )
        .await;
    assert_eq!(newest.status, StatusCode::OK, "{}", newest.text);
    let contacts = newest.body["contacts"].as_array().unwrap();
    let names: Vec<&str> = contacts
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Visitor 7Q2", "+4915700000001", "Findme unknown"],
        "newest chat first"
    );
    let widget = &contacts[0];
    assert_eq!(widget["unknown"], true);
    assert_eq!(widget["lastChat"]["ts"], "2026-11-29T09:00:00.000Z");
    assert_eq!(widget["channels"][0]["visitor"]["source"]["type"], "widget");
    assert_eq!(widget["channels"][0]["lastChat"], widget["lastChat"]);
    let sms = &contacts[1];
    assert_eq!(sms["channels"][0]["blocked"], true);
    assert_eq!(sms["phones"], json!([{"phoneNumber": "+4915700000001"}]));
}
