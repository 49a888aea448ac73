//! Resolving a Contact Center contact's conflicting values (`contacts.conflicts`, 7.7+) and
//! deleting a contact (`contacts.delete`, from 7.12 in the stand-in), as docs/rocket-chat.md says.

use crate::contacts_routes::{contact_custom_fields, text, unknown_manager};
use crate::http::{failure, success, with_headers, written};
use crate::ids;
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::Arc;

/// `POST /api/v1/omnichannel/contacts.conflicts` (update-livechat-contact): the values sent
/// replace the stored ones and their conflict entries go; `wipeConflicts: true` empties them
/// all. `{"result": contact}`.
pub async fn resolve(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = &routes::CONTACTS_CONFLICTS;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Body(&body)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let answer = state
        .store
        .write(|d| {
            let id = text(&map, "contactId").unwrap_or_default();
            let Some(index) = d.live_contact(&id) else {
                return failure("error-contact-not-found");
            };
            if d.contacts[index].conflicting_fields.is_empty() {
                return failure("error-contact-has-no-conflicts");
            }
            let name = text(&map, "name").filter(|n| !n.is_empty());
            let manager = text(&map, "contactManager").filter(|m| !m.is_empty());
            if unknown_manager(d, manager.as_deref()) {
                return failure("error-contact-manager-not-found");
            }
            let given = map.get("customFields").and_then(Value::as_object);
            let custom = match given {
                None => None,
                Some(given) => {
                    let mut merged: Map<String, Value> = d.contacts[index].custom_fields.clone();
                    merged.extend(given.clone());
                    match contact_custom_fields(&d.custom_fields, &merged, true) {
                        Ok(_) => Some(merged),
                        Err(text) => return failure(text),
                    }
                }
            };
            let mut resolved: HashSet<String> = HashSet::new();
            let contact = &mut d.contacts[index];
            if let Some(name) = name {
                contact.name = name;
                resolved.insert("name".into());
            }
            if let Some(manager) = manager {
                contact.contact_manager = Some(manager);
                resolved.insert("manager".into());
            }
            if let (Some(values), Some(given)) = (custom, given) {
                contact.custom_fields = values;
                resolved.extend(given.keys().map(|k| format!("customFields.{k}")));
            }
            if map.get("wipeConflicts") == Some(&Value::Bool(true)) {
                contact.conflicting_fields.clear();
            } else {
                contact
                    .conflicting_fields
                    .retain(|c| !resolved.contains(&c.field));
            }
            contact.updated_at = ids::now();
            success(json!({"result": contact.to_json()}))
        })
        .await;
    with_headers(written(answer), &limit)
}

/// `POST /api/v1/omnichannel/contacts.delete` (delete-livechat-contact): the contact is
/// disabled, so `contacts.get` answers 404 and searches leave it out. `{"success": true}`.
pub async fn delete(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = &routes::CONTACTS_DELETE;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Body(&body)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let answer = state
        .store
        .write(|d| {
            let id = text(&map, "contactId").unwrap_or_default();
            match d.live_contact(&id).map(|i| &mut d.contacts[i]) {
                Some(contact) => {
                    contact.disabled = true;
                    contact.updated_at = ids::now();
                    success(json!({}))
                }
                None => failure("error-contact-not-found"),
            }
        })
        .await;
    with_headers(written(answer), &limit)
}
