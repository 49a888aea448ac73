//! The Contact Center routes of Rocket.Chat 7.1+ (`omnichannel/contacts*`) and `/api/info`.
//! Contacts are kept apart from the visitors the legacy endpoint writes, as in Rocket.Chat.

use crate::contact_record::contact_record;
use crate::contact_routes::validate_fields;
use crate::contacts_check::invalid;
use crate::http::{failure, reply, success, with_headers, written};
use crate::ids;
use crate::model::{Contact, CustomField, Data, Version};
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// `GET /api/info`: the release, major.minor only (what an anonymous caller sees).
pub async fn info(State(state): State<Arc<AppState>>) -> Response {
    success(json!({"version": state.version.to_string()}))
}

/// Whether a field is one the contacts routes take (`getAllowedCustomFields`): a visible
/// visitor field.
fn allowed(field: &CustomField) -> bool {
    field.scope == "visitor" && field.visibility == "visible"
}

/// Rocket.Chat's `validateCustomFields` for contacts: every allowed field's rules, then no key
/// that is not such a field (unless `ignore_additional`).
pub fn contact_custom_fields(
    fields: &[CustomField],
    given: &Map<String, Value>,
    ignore_additional: bool,
) -> Result<Map<String, Value>, String> {
    let out = validate_fields(fields.iter().filter(|f| allowed(f)), given)?;
    let unknown = given
        .keys()
        .find(|k| !fields.iter().any(|f| &f.id == *k && allowed(f)));
    if let (Some(key), false) = (unknown, ignore_additional) {
        return Err(format!("Custom field {key} is not allowed"));
    }
    Ok(out)
}

/// Whether a manager is given (by user id) that is no agent: `error-contact-manager-not-found`.
/// An empty one clears the manager.
pub(crate) fn unknown_manager(data: &Data, manager: Option<&str>) -> bool {
    manager.is_some_and(|id| {
        !id.is_empty()
            && !data
                .users
                .iter()
                .any(|u| u.id == id && u.roles.iter().any(|r| r == "livechat-agent"))
    })
}

fn strings(map: &Map<String, Value>, key: &str) -> Option<Vec<String>> {
    map.get(key).and_then(Value::as_array).map(|items| {
        items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
    })
}

pub(crate) fn text(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// `checkExistence`'s query against its `oneOf` of `{contactId}`, `{email}` (`basic_email`) and
/// `{phone}`, each not blank and alone: the key and value given, or ajv's message, each
/// subschema's first failure and the `oneOf`'s joined with `"\n "`.
fn one_of(query: &[(String, String)]) -> Result<(&'static str, String), String> {
    let value = |key: &str| query.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut failures = Vec::new();
    for key in ["contactId", "email", "phone"] {
        let Some(given) = value(key) else {
            failures.push(format!("must have required property '{key}'"));
            continue;
        };
        if query.iter().any(|(k, _)| k != key) {
            failures.push("must NOT have additional properties".to_owned());
            continue;
        }
        let at = given.find('@');
        let basic_email =
            at.is_some_and(|i| i > 0 && i + 1 < given.len()) && given.matches('@').count() == 1;
        if key == "email" && !basic_email {
            failures.push("must match format \"basic_email\"".to_owned());
        } else if given.trim().is_empty() {
            failures.push("must pass \"isNotEmpty\" keyword validation".to_owned());
        } else {
            return Ok((key, given));
        }
    }
    failures.push("must match exactly one schema in oneOf".to_owned());
    Err(failures.join("\n "))
}

/// `POST /api/v1/omnichannel/contacts`.
pub async fn create(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = &routes::CONTACTS_CREATE;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Body(&body)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let answer = state
        .store
        .write(|d| {
            let manager = text(&map, "contactManager").filter(|m| !m.is_empty());
            if unknown_manager(d, manager.as_deref()) {
                return failure("error-contact-manager-not-found");
            }
            let empty = Map::new();
            let given = map
                .get("customFields")
                .and_then(Value::as_object)
                .unwrap_or(&empty);
            let custom_fields = match contact_custom_fields(&d.custom_fields, given, false) {
                Ok(values) => values,
                Err(text) => return failure(text),
            };
            let now = ids::now();
            let contact = Contact {
                id: ids::visitor_id(),
                name: text(&map, "name").unwrap_or_default(),
                emails: strings(&map, "emails").unwrap_or_default(),
                phones: strings(&map, "phones").unwrap_or_default(),
                contact_manager: manager,
                custom_fields,
                unknown: false,
                conflicting_fields: Vec::new(),
                disabled: false,
                created_at: now.clone(),
                updated_at: now,
            };
            let id = contact.id.clone();
            d.contacts.push(contact);
            success(json!({"contactId": id}))
        })
        .await;
    with_headers(written(answer), &limit)
}

/// `POST /api/v1/omnichannel/contacts.update`.
pub async fn update(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = &routes::CONTACTS_UPDATE;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Body(&body)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let version = state.version;
    let answer = state
        .store
        .write(|d| {
            let id = text(&map, "contactId").unwrap_or_default();
            let Some(index) = d.live_contact(&id) else {
                return failure("error-contact-not-found");
            };
            let manager = text(&map, "contactManager");
            if unknown_manager(d, manager.as_deref()) {
                return failure("error-contact-manager-not-found");
            }
            // Stored values of fields the contacts routes do not take (hidden, or gone from
            // the workspace) are kept; while there are any, unknown keys are ignored.
            let unregistered: Map<String, Value> = d.contacts[index]
                .custom_fields
                .iter()
                .filter(|(k, _)| !d.custom_fields.iter().any(|f| &f.id == *k && allowed(f)))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let custom_fields = match map.get("customFields").and_then(Value::as_object) {
                None => None,
                Some(given) => {
                    match contact_custom_fields(&d.custom_fields, given, !unregistered.is_empty()) {
                        Ok(mut values) => {
                            values.extend(unregistered);
                            Some(values)
                        }
                        Err(text) => return failure(text),
                    }
                }
            };
            // 8.x patches: a body that sets nothing (`{contactId}`, `wipeConflicts: false`, an
            // empty manager before 8.2) leaves the contact as it is, unknown or not; 7.x marks
            // it known on every update.
            let clears = version >= Version::CLEAR_MANAGER;
            let sets = ["name", "emails", "phones", "customFields"]
                .iter()
                .any(|k| map.get(*k).is_some_and(|v| !v.is_null()))
                || manager.as_deref().is_some_and(|m| !m.is_empty() || clears)
                || map.get("wipeConflicts") == Some(&Value::Bool(true));
            let contact = &mut d.contacts[index];
            if version >= Version::PATCH && !sets {
                return success(json!({"contact": contact.to_json()}));
            }
            contact.unknown = false;
            if let Some(name) = text(&map, "name") {
                contact.name = name;
            }
            if let Some(emails) = strings(&map, "emails") {
                contact.emails = emails;
            }
            if let Some(phones) = strings(&map, "phones") {
                contact.phones = phones;
            }
            if let Some(values) = custom_fields {
                contact.custom_fields = values;
            }
            match manager {
                Some(manager) if !manager.is_empty() => contact.contact_manager = Some(manager),
                // An empty manager removes it from 8.2 on; before, it is ignored.
                Some(_) if clears => contact.contact_manager = None,
                _ => {}
            }
            // Without `wipeConflicts` the conflicts stay as they are.
            if map.get("wipeConflicts") == Some(&Value::Bool(true)) {
                contact.conflicting_fields.clear();
            }
            contact.updated_at = ids::now();
            success(json!({"contact": contact.to_json()}))
        })
        .await;
    with_headers(written(answer), &limit)
}

/// `GET /api/v1/omnichannel/contacts.get?contactId=`.
pub async fn get(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = &routes::CONTACTS_GET;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let id = text(&map, "contactId").unwrap_or_default();
    let found = state
        .store
        .read(|d| {
            d.live_contact(&id)
                .map(|i| contact_record(d, &d.contacts[i]))
        })
        .await;
    let answer = match found {
        Some(contact) => success(json!({"contact": contact})),
        None => reply(
            StatusCode::NOT_FOUND,
            json!({"success": false, "error": "Resource not found"}),
        ),
    };
    with_headers(answer, &limit)
}

/// `GET /api/v1/omnichannel/contacts.checkExistence?email=|phone=|contactId=` (7.2+): exact.
pub async fn check_existence(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = &routes::CONTACTS_CHECK_EXISTENCE;
    let limit = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted.limit,
        Err(response) => return response,
    };
    let (key, value) = match one_of(&query) {
        Ok(given) => given,
        Err(message) => return with_headers(invalid(&message), &limit),
    };
    // 8.x keeps a deleted contact (its emails and phones removed): its id still counts.
    let deleted_count = state.version.major >= 8 && key == "contactId";
    let exists = state
        .store
        .read(|d| {
            d.contacts
                .iter()
                .filter(|c| !c.disabled || deleted_count)
                .any(|c| match key {
                    "email" => c.emails.contains(&value),
                    "phone" => c.phones.contains(&value),
                    _ => c.id == value,
                })
        })
        .await;
    with_headers(success(json!({"exists": exists})), &limit)
}
