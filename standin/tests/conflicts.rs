//! Conflicting values and deleting a Contact Center contact, as docs/rocket-chat.md gives them:
//! `contacts.conflicts` (7.7+) replaces the values sent and removes their conflict entries,
//! `wipeConflicts` empties them all (there and on `contacts.update`), and `contacts.delete`
//! (from 7.12 here, managers and admins) makes a contact vanish from get, search and
//! checkExistence.

mod common;

use common::{start_with, Rc};
use rc_standin::model::Version;
use rc_standin::Options;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn at(version: &str, people: usize) -> Options {
    Options {
        version: Version::parse(version).unwrap(),
        seed_contacts: people,
        ..Options::default()
    }
}

/// Findme 02, seeded with three conflicting values.
const TWO: &str = "0000000000000000c0de0002";

async fn post(rc: &Rc, auth: &(String, String), route: &str, body: Value) -> common::Answer {
    let auth = Some((auth.0.as_str(), auth.1.as_str()));
    rc.call(
        Method::POST,
        &format!("/api/v1/omnichannel/{route}"),
        auth,
        Some(body),
    )
    .await
}

fn fields(contact: &Value) -> Vec<String> {
    contact["conflictingFields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn conflicts_resolve_field_by_field_or_all_at_once() {
    let rc = start_with(at("7.7", 3)).await;
    let agent = rc.login("agent.one").await;
    let got = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.get?contactId={TWO}"),
        )
        .await;
    assert_eq!(
        fields(&got.body["contact"]),
        ["name", "manager", "customFields.company"]
    );

    let named = post(
        &rc,
        &agent,
        "contacts.conflicts",
        json!({"contactId": TWO, "name": "Findme Two"}),
    )
    .await;
    assert_eq!(named.status, StatusCode::OK, "{}", named.text);
    assert_eq!(named.body["result"]["name"], "Findme Two");
    assert_eq!(
        fields(&named.body["result"]),
        ["manager", "customFields.company"]
    );

    let all = post(
        &rc,
        &agent,
        "contacts.conflicts",
        json!({"contactId": TWO, "customFields": {"company": "Other Co"}, "wipeConflicts": true}),
    )
    .await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.text);
    assert_eq!(all.body["result"]["customFields"]["company"], "Other Co");
    assert_eq!(all.body["result"]["conflictingFields"], json!([]));

    let none = post(
        &rc,
        &agent,
        "contacts.conflicts",
        json!({"contactId": TWO, "name": "X"}),
    )
    .await;
    assert_eq!(none.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        none.body,
        json!({"success": false, "error": "error-contact-has-no-conflicts"})
    );
    let unknown = post(
        &rc,
        &agent,
        "contacts.conflicts",
        json!({"contactId": "nope"}),
    )
    .await;
    assert_eq!(
        unknown.body,
        json!({"success": false, "error": "error-contact-not-found"})
    );
    let extra = post(
        &rc,
        &agent,
        "contacts.conflicts",
        json!({"contactId": TWO, "emails": []}),
    )
    .await;
    assert_eq!(extra.status, StatusCode::BAD_REQUEST);
    assert_eq!(extra.body["errorType"], "invalid-params");
}

#[tokio::test]
async fn an_update_keeps_conflicts_unless_told_to_wipe_them() {
    let rc = start_with(at("7.6", 3)).await;
    let agent = rc.login("agent.one").await;
    let kept = post(
        &rc,
        &agent,
        "contacts.update",
        json!({"contactId": TWO, "name": "Findme 2"}),
    )
    .await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.text);
    assert_eq!(fields(&kept.body["contact"]).len(), 3, "left as they are");
    let wiped = post(
        &rc,
        &agent,
        "contacts.update",
        json!({"contactId": TWO, "name": "Findme Two", "wipeConflicts": true}),
    )
    .await;
    assert_eq!(wiped.body["contact"]["conflictingFields"], json!([]));
    let old = post(&rc, &agent, "contacts.conflicts", json!({"contactId": TWO})).await;
    assert_eq!(
        old.status,
        StatusCode::NOT_FOUND,
        "no contacts.conflicts before 7.7"
    );
}

#[tokio::test]
async fn a_deleted_contact_vanishes_and_only_managers_may_delete() {
    let rc = start_with(at("7.12", 3)).await;
    let agent = rc.login("agent.one").await;
    let refused = post(&rc, &agent, "contacts.delete", json!({"contactId": TWO})).await;
    assert_eq!(
        refused.status,
        StatusCode::FORBIDDEN,
        "agents lack delete-livechat-contact"
    );
    let manager = rc.login("manager").await;
    let deleted = post(&rc, &manager, "contacts.delete", json!({"contactId": TWO})).await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.text);
    assert_eq!(deleted.body, json!({"success": true}));

    let got = rc
        .get_as(
            &agent,
            &format!("/api/v1/omnichannel/contacts.get?contactId={TWO}"),
        )
        .await;
    assert_eq!(got.status, StatusCode::NOT_FOUND);
    let search = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.search?searchText=findme",
        )
        .await;
    assert_eq!(search.body["total"], 2, "searches leave it out");
    let exists = rc
        .get_as(
            &agent,
            "/api/v1/omnichannel/contacts.checkExistence?email=findme02@example.org",
        )
        .await;
    assert_eq!(exists.body["exists"], false);
    let again = post(&rc, &manager, "contacts.delete", json!({"contactId": TWO})).await;
    assert_eq!(
        again.body,
        json!({"success": false, "error": "error-contact-not-found"})
    );
    let update = post(
        &rc,
        &agent,
        "contacts.update",
        json!({"contactId": TWO, "name": "X"}),
    )
    .await;
    assert_eq!(
        update.body,
        json!({"success": false, "error": "error-contact-not-found"})
    );
    let missing = post(&rc, &manager, "contacts.delete", json!({})).await;
    assert_eq!(missing.body["errorType"], "invalid-params");

    let old = start_with(at("7.11", 1)).await;
    let manager = old.login("manager").await;
    let none = post(&old, &manager, "contacts.delete", json!({"contactId": "x"})).await;
    assert_eq!(
        none.status,
        StatusCode::NOT_FOUND,
        "no contacts.delete before 7.12"
    );
}
