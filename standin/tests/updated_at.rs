//! `_updatedAt` is stamped on every write of a visitor and of a contact, as Rocket.Chat does
//! (the widget may compare it, never skip reading the contact again for it), and `ts` /
//! `createdAt` stay the creation time.

mod common;

use common::{start_with, Rc};
use rc_standin::Options;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;

fn stamp(record: &Value) -> String {
    let at = record["_updatedAt"].as_str().expect("an _updatedAt");
    at.to_owned()
}

/// A little later than the last write: the stamps have millisecond precision.
async fn later() {
    tokio::time::sleep(Duration::from_millis(5)).await;
}

async fn admin(rc: &Rc) -> (String, String) {
    rc.login("admin").await
}

#[tokio::test]
async fn a_visitor_gets_a_new_stamp_on_every_update() {
    let rc = start_with(Options {
        required_field: false,
        ..Options::default()
    })
    .await;
    let auth = admin(&rc).await;
    let token = "0123456789abcdef0123456789abcdef";
    let saved = rc
        .save_as(&auth, json!({"token": token, "name": "Ada"}))
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let id = saved.body["contact"].as_str().unwrap().to_owned();
    let first = rc.record(&auth, &id).await;
    assert_eq!(stamp(&first), first["ts"].as_str().unwrap(), "created now");
    later().await;
    rc.save_as(&auth, json!({"token": token, "name": "Ada King"}))
        .await;
    let second = rc.record(&auth, &id).await;
    assert!(stamp(&second) > stamp(&first), "{second}");
    assert_eq!(second["ts"], first["ts"], "the creation time stays");
    later().await;
    // The same values again are a write too.
    rc.save_as(&auth, json!({"token": token, "name": "Ada King"}))
        .await;
    assert!(stamp(&rc.record(&auth, &id).await) > stamp(&second));
}

#[tokio::test]
async fn a_contact_gets_a_new_stamp_on_update_and_on_resolving_conflicts() {
    let rc = start_with(Options {
        required_field: false,
        seed_contacts: 3,
        ..Options::default()
    })
    .await;
    let auth = admin(&rc).await;
    let call = |method, path: String, body| {
        let rc = &rc;
        let auth = &auth;
        async move {
            let a = rc.call(method, &path, Some((&auth.0, &auth.1)), body).await;
            assert_eq!(a.status, StatusCode::OK, "{path}: {}", a.text);
            a.body
        }
    };
    let get = |id: &str| {
        let path = format!("/api/v1/omnichannel/contacts.get?contactId={id}");
        call(Method::GET, path, None)
    };
    let made = call(
        Method::POST,
        "/api/v1/omnichannel/contacts".into(),
        Some(json!({"name": "Ada", "emails": [], "phones": []})),
    )
    .await;
    let id = made["contactId"].as_str().unwrap().to_owned();
    let first = get(&id).await["contact"].clone();
    later().await;
    call(
        Method::POST,
        "/api/v1/omnichannel/contacts.update".into(),
        Some(json!({"contactId": id, "phones": ["+4930111"]})),
    )
    .await;
    let second = get(&id).await["contact"].clone();
    assert!(stamp(&second) > stamp(&first), "{second}");
    assert_eq!(second["createdAt"], first["createdAt"]);

    // Findme 02 is seeded with conflicting values: resolving them is a write.
    let two = "0000000000000000c0de0002";
    let before = get(two).await["contact"].clone();
    later().await;
    call(
        Method::POST,
        "/api/v1/omnichannel/contacts.conflicts".into(),
        Some(json!({"contactId": two, "wipeConflicts": true})),
    )
    .await;
    assert!(stamp(&get(two).await["contact"]) > stamp(&before));
}
