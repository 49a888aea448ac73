//! Properties of the wire layer, each over 10,000 generated cases (proptest): no body, of
//! arbitrary bytes or arbitrary JSON, makes a reader panic (a panic aborts the whole widget in a
//! release build); every answer is classified as the oracle below, written over
//! `serde_json::Value`, says (which status and shape give which `ApiError`); a body of the wrong
//! shape reads as nothing, which the client reports as "unexpected"; and well-formed answers
//! read back exactly what they hold. Each property prints its case count and time.
#![cfg(not(target_arch = "wasm32"))]

mod property;

use omnichannel_contact_form::api::reply::{wait_from_text, ApiError, Reply};
use omnichannel_contact_form::api::wire::{self, center, Answer};
use property::property;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The statuses Rocket.Chat answers with, and a few it does not.
const STATUSES: [u16; 10] = [200, 201, 204, 400, 401, 403, 404, 429, 500, 502];

/// The member names the readers look for, so generated objects often hit them.
const KEYS: [&str; 32] = [
    "success",
    "error",
    "message",
    "errorType",
    "details",
    "method",
    "contact",
    "contacts",
    "contactId",
    "_id",
    "token",
    "name",
    "username",
    "visitorEmails",
    "address",
    "phone",
    "phoneNumber",
    "emails",
    "phones",
    "livechatData",
    "customFields",
    "contactManager",
    "createdAt",
    "users",
    "scope",
    "visibility",
    "type",
    "required",
    "options",
    "data",
    "userId",
    "authToken",
];

/// Strings the readers give meaning to, and any others.
fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        2 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        1 => prop::sample::select(vec![
            "totp-required", "totp-invalid", "visitor", "visible", "select", "7.6", "6.13", "",
            "You must wait 7 seconds before trying this endpoint again",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Any JSON value, nested a few levels, with objects keyed mostly by [`KEYS`].
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        any_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any_string(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// What a body of arbitrary bytes looks like to the widget (a `Response.text()`).
fn any_body() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        // Valid JSON cut short or with a stray byte: the near misses.
        (any_json(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(v, at, b)| {
            let text = v.to_string();
            let mut cut: String = text.chars().take(at.index(text.len() + 1)).collect();
            cut.push(char::from(b));
            cut
        }),
    ]
}

/// The string member `key` of an object.
fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key)?.as_str().map(str::to_owned)
}

/// What an answer means, from the contract (docs/rocket-chat.md) and the widget's guides (docs/), over a
/// parsed `serde_json::Value`: the reader under test must agree. `None` for a body that is not
/// JSON.
fn oracle(status: u16, json: Option<&Value>) -> Result<(), ApiError> {
    let object = json.filter(|v| v.is_object());
    let error = object.and_then(|v| text(v, "error"));
    if !(200..=299).contains(&status) {
        match error.as_deref() {
            Some("totp-required") => {
                let method = object
                    .and_then(|v| v.get("details"))
                    .filter(|d| d.is_object())
                    .and_then(|d| d.get("method"));
                // `details` of another shape, or a method that is not text, is as good as none.
                let method = match method {
                    None | Some(Value::Null) => "totp".to_owned(),
                    Some(Value::String(m)) => m.clone(),
                    Some(_) => "totp".to_owned(),
                };
                return Err(ApiError::TwoFactorRequired { method });
            }
            Some("totp-invalid") => return Err(ApiError::TwoFactorInvalid),
            _ => {}
        }
    }
    let message = error
        .clone()
        .or_else(|| object.and_then(|v| text(v, "message")))
        .unwrap_or_default();
    let refused = object.and_then(|v| v.get("success")) == Some(&Value::Bool(false));
    match status {
        200..=299 if object.is_some() && !refused => Ok(()),
        200..=299 | 400 if !message.is_empty() => Err(ApiError::Rejected {
            message,
            error_type: object.and_then(|v| text(v, "errorType")),
        }),
        401 => Err(ApiError::SignedOut),
        403 if json.is_some() => Err(ApiError::Forbidden {
            permission: "view-l-room",
            message,
        }),
        429 => Err(ApiError::RateLimited {
            wait_seconds: error.as_deref().and_then(wait_from_text),
        }),
        500..=599 => Err(ApiError::Server { status }),
        _ if json.is_none() => Err(ApiError::NotJson { status }),
        _ => Err(ApiError::Unexpected { status }),
    }
}

fn read(status: u16, body: &str) -> Result<(), ApiError> {
    Reply {
        status,
        body,
        reset_in_ms: None,
    }
    .accepted()
    .map(drop)
}

/// An answer's members, read once.
fn answer(body: &str) -> Answer {
    wire::answer(body).1
}

/// Every reader of a successful answer, run on `body`; none may panic. Returns how many read
/// something.
fn every_reader(body: &str) -> usize {
    let body = &answer(body);
    [
        wire::saved_contact_id(body).is_some(),
        wire::contact_record(body).is_some(),
        wire::agents(body).is_some(),
        wire::custom_field_definitions(body).is_some(),
        wire::credentials(body).is_some(),
        wire::api_version(body).is_some(),
        center::got(body).is_some(),
        center::found(body).is_some(),
        center::exists(body).is_some(),
        center::created_id(body).is_some(),
        wire::abilities::modules(body).is_some(),
        wire::abilities::roles(body).is_some(),
        wire::abilities::granted(body, &["delete-livechat-contact"]).is_some(),
    ]
    .into_iter()
    .filter(|read| *read)
    .count()
}

#[test]
fn arbitrary_bytes_are_classified_as_the_contract_says() {
    property(
        "arbitrary bytes",
        (any_body(), prop::sample::select(STATUSES.to_vec())),
        |(body, status)| {
            let parsed = serde_json::from_str::<Value>(&body);
            // serde_json's Value refuses what the widget's readers may skip over (nesting
            // past 128, numbers past f64, lone surrogates): no oracle for those.
            if let Err(e) = &parsed {
                let why = e.to_string();
                prop_assume!(!["recursion", "out of range", "surrogate"]
                    .iter()
                    .any(|w| why.contains(w)));
            }
            let json = parsed.ok();
            prop_assert_eq!(read(status, &body), oracle(status, json.as_ref()));
            every_reader(&body);
            Ok(())
        },
    );
}

#[test]
fn arbitrary_json_is_classified_as_the_contract_says_and_read_without_panic() {
    property(
        "arbitrary JSON",
        (any_json(), prop::sample::select(STATUSES.to_vec())),
        |(json, status)| {
            let body = json.to_string();
            prop_assert_eq!(read(status, &body), oracle(status, Some(&json)));
            let read_something = every_reader(&body);
            if !json.is_object() {
                prop_assert_eq!(read_something, 0, "only an object is an answer: {}", body);
            }
            Ok(())
        },
    );
}

/// A contact as either API may send it.
#[derive(Debug, Clone)]
struct Contact {
    id: String,
    name: Option<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    custom: Vec<(String, Value)>,
}

fn any_contact() -> impl Strategy<Value = Contact> {
    (
        "[a-zA-Z0-9]{1,24}",
        prop::option::of(any::<String>()),
        prop::collection::vec(any::<String>(), 0..4),
        prop::collection::vec("\\+?[0-9 ]{0,16}", 0..4),
        prop::collection::vec(
            (
                "[a-zA-Z][a-zA-Z0-9_]{0,12}",
                prop_oneof![
                    any::<String>().prop_map(Value::String),
                    any::<i64>().prop_map(Value::from),
                    Just(Value::Null),
                    any::<bool>().prop_map(Value::Bool),
                ],
            ),
            0..5,
        ),
    )
        .prop_map(|(id, name, emails, phones, custom)| {
            // Field ids are unique in an object: keep the first of each.
            let mut seen = std::collections::HashSet::new();
            let custom = custom
                .into_iter()
                .filter(|(k, _)| seen.insert(k.clone()))
                .collect();
            Contact {
                id,
                name,
                emails,
                phones,
                custom,
            }
        })
}

/// A custom field's value as the form shows it: text as it is, a number or a boolean as
/// written, `null` as no value.
fn shown(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn custom_object(contact: &Contact) -> Value {
    let mut object = serde_json::Map::new();
    for (k, v) in &contact.custom {
        object.insert(k.clone(), v.clone());
    }
    Value::Object(object)
}

#[test]
fn well_formed_contacts_read_back_exactly() {
    property("well-formed contacts", any_contact(), |c| {
        let wanted_custom: Vec<(String, String)> = c
            .custom
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), shown(v)?)))
            .collect();
        let center_body = json!({"contact": {
            "_id": c.id, "name": c.name,
            "emails": c.emails.iter().map(|e| json!({"address": e})).collect::<Vec<_>>(),
            "phones": c.phones.iter().map(|p| json!({"phoneNumber": p})).collect::<Vec<_>>(),
            "customFields": custom_object(&c), "contactManager": "agentOne000000001",
            "unknown": false, "channels": [{"name": "widget", "visitor": {"visitorId": "v1"}}],
        }, "success": true})
        .to_string();
        let record = center::got(&answer(&center_body)).expect("a well-formed contact reads");
        prop_assert_eq!(&record.id, &c.id);
        prop_assert_eq!(&record.name, c.name.as_deref().unwrap_or_default());
        prop_assert_eq!(record.email.as_ref(), c.emails.first());
        prop_assert_eq!(
            &record.other_emails[..],
            c.emails.get(1..).unwrap_or_default()
        );
        prop_assert_eq!(record.phone.as_ref(), c.phones.first());
        prop_assert_eq!(
            &record.other_phones[..],
            c.phones.get(1..).unwrap_or_default()
        );
        prop_assert_eq!(&record.custom_fields, &wanted_custom);
        prop_assert_eq!(record.manager_id.as_deref(), Some("agentOne000000001"));

        let legacy_body = json!({"contact": {
            "_id": c.id, "token": "t", "name": c.name,
            "visitorEmails": c.emails.iter().map(|e| json!({"address": e})).collect::<Vec<_>>(),
            "phone": c.phones.iter().map(|p| json!({"phoneNumber": p})).collect::<Vec<_>>(),
            "livechatData": custom_object(&c), "contactManager": {"username": "agent.two"},
            "ts": "2026-11-25T17:00:00.000Z",
        }, "success": true})
        .to_string();
        let record =
            wire::contact_record(&answer(&legacy_body)).expect("a well-formed visitor reads");
        let record = record.expect("a visitor, not null");
        prop_assert_eq!(&record.id, &c.id);
        prop_assert_eq!(record.email.as_ref(), c.emails.first());
        prop_assert_eq!(record.phone.as_ref(), c.phones.first());
        prop_assert_eq!(&record.custom_fields, &wanted_custom);
        prop_assert_eq!(record.contact_manager.as_deref(), Some("agent.two"));

        let search = json!({"contacts": [serde_json::from_str::<Value>(&center_body).unwrap()["contact"], 5, {"name": "no id"}],
                            "count": 10, "offset": 0, "total": 3, "success": true})
        .to_string();
        let found = center::found(&answer(&search)).expect("a search reads");
        prop_assert_eq!(found.len(), 1, "the entries of another shape are skipped");
        Ok(())
    });
}

#[test]
fn nesting_far_deeper_than_any_stack_takes_is_harmless() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let cases = [
        format!(
            r#"{{"contact":"c1","success":true,"extra":{}}}"#,
            deep(200_000)
        ),
        format!(
            r#"{{"customFields":[{{"_id":"f","scope":"visitor","visibility":"visible","extra":{}}}],"success":true}}"#,
            deep(200_000)
        ),
        format!(
            r#"{{"contact":{{"_id":"c1","livechatData":{{"f":{}}}}},"success":true}}"#,
            deep(200_000)
        ),
        deep(200_000),
        "[".repeat(200_000),
        "{\"a\":".repeat(100_000),
    ];
    for body in &cases {
        for status in STATUSES {
            let _ = read(status, body);
        }
        every_reader(body);
    }
    assert_eq!(
        wire::saved_contact_id(&answer(&cases[0])).as_deref(),
        Some("c1"),
        "a deep member the widget does not read is skipped"
    );
    let fields = wire::custom_field_definitions(&answer(&cases[1])).unwrap();
    assert_eq!(fields.len(), 1);
    let record = wire::contact_record(&answer(&cases[2])).unwrap().unwrap();
    assert_eq!(
        record.custom_fields[0].1.len(),
        400_000,
        "kept as its JSON text"
    );
    assert_eq!(read(200, &cases[4]), Err(ApiError::NotJson { status: 200 }));
}
