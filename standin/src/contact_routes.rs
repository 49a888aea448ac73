//! `POST` and `GET /api/v1/omnichannel/contact`, and `GET /api/v1/omnichannel/contact.search`.

use crate::http::{failure, meteor_error, success, with_headers, written};
use crate::ids;
use crate::model::{CustomField, Data, Visitor};
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::Arc;

fn field_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Null => String::new(),
        other => other.to_string().trim().to_owned(),
    }
}

/// One field's rules in Rocket.Chat's `validateCustomFields`: required, regexp and select
/// options; `value` is trimmed already.
pub fn check_field(field: &CustomField, value: &str) -> Result<(), String> {
    let invalid = || Err(format!("Invalid value for {} field", field.label));
    if value.is_empty() {
        return if field.required { invalid() } else { Ok(()) };
    }
    if !field.regexp.is_empty() {
        let matches = regex::Regex::new(&field.regexp)
            .map(|re| re.is_match(value))
            .unwrap_or(false);
        if !matches {
            return invalid();
        }
    }
    let is_option = |v: &str| field.options.split(',').any(|o| o.trim() == v);
    if field.kind == "select" && !field.options.is_empty() && !is_option(value) {
        return invalid();
    }
    Ok(())
}

/// Rocket.Chat's `validateCustomFields` over `fields` (those `take` accepts): each field's
/// rules; values are trimmed strings, and keys that are not such a field are left out.
pub fn validate_fields<'a>(
    fields: impl Iterator<Item = &'a CustomField>,
    given: &Map<String, Value>,
) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    for field in fields {
        let value = given.get(&field.id).map(field_text).unwrap_or_default();
        check_field(field, &value)?;
        if given.contains_key(&field.id) {
            out.insert(field.id.clone(), Value::String(value));
        }
    }
    Ok(out)
}

/// The legacy endpoint's check: every visitor field; unknown keys are dropped.
pub fn validate_custom_fields(
    fields: &[CustomField],
    given: &Map<String, Value>,
) -> Result<Map<String, Value>, String> {
    validate_fields(fields.iter().filter(|f| f.scope == "visitor"), given)
}

/// The upsert of `registerContact`: by token, else by email (taking that record over and
/// re-tokening it), else a new record. An update replaces: see docs/rocket-chat.md.
fn upsert(data: &mut Data, body: &Map<String, Value>, livechat_data: Map<String, Value>) -> String {
    let text = |k: &str| body.get(k).and_then(Value::as_str).map(str::to_owned);
    let token = text("token").unwrap_or_default();
    let email = text("email").unwrap_or_default().trim().to_lowercase();
    let phone = text("phone");
    let manager = body
        .get("contactManager")
        .and_then(|m| m.get("username"))
        .and_then(Value::as_str)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    let now = ids::now();

    let existing = data
        .visitors
        .iter()
        .position(|v| v.token == token)
        .or_else(|| {
            (!email.is_empty())
                .then(|| {
                    data.visitors
                        .iter()
                        .position(|v| v.email.as_deref() == Some(email.as_str()))
                })
                .flatten()
        });
    let index = match existing {
        Some(i) => i,
        None => {
            let username = match text("username").filter(|u| !u.is_empty()) {
                Some(u) => u,
                None => {
                    data.guest_count += 1;
                    format!("guest-{}", data.guest_count)
                }
            };
            data.visitors.push(Visitor {
                id: ids::visitor_id(),
                username,
                token: token.clone(),
                name: String::new(),
                email: None,
                phone: None,
                livechat_data: Map::new(),
                last_chat: None,
                contact_manager: None,
                ts: now.clone(),
                updated_at: now.clone(),
            });
            data.visitors.len() - 1
        }
    };
    let visitor = &mut data.visitors[index];
    visitor.token = token;
    visitor.name = text("name").unwrap_or_default();
    visitor.livechat_data = livechat_data;
    visitor.email = (!email.is_empty()).then_some(email);
    match phone.as_deref() {
        Some("") => visitor.phone = None,
        Some(p) => visitor.phone = Some(p.to_owned()),
        None => {} // an absent phone is kept
    }
    visitor.contact_manager = manager;
    visitor.updated_at = now;
    visitor.id.clone()
}

/// `POST /api/v1/omnichannel/contact`.
pub async fn save(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let route = &routes::CONTACT_SAVE;
    let Admitted {
        input: map, limit, ..
    } = match admit(&state, &headers, peer, route, Input::Body(&body)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let answer = async {
        if map.get("token").and_then(Value::as_str) == Some("") {
            return meteor_error("error-invalid-contact-data", "Invalid visitor token");
        }
        let manager = map
            .get("contactManager")
            .and_then(|m| m.get("username"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !manager.is_empty() {
            let roles = state
                .store
                .read(|d| d.user_by_username(manager).map(|u| u.roles.clone()))
                .await;
            match roles {
                None => {
                    return meteor_error(
                        "error-contact-manager-not-found",
                        &format!("No user found with username {manager}"),
                    )
                }
                Some(roles) if !roles.iter().any(|r| r == "livechat-agent") => {
                    return meteor_error(
                        "error-invalid-contact-manager",
                        "The contact manager must have the role \"livechat-agent\"",
                    )
                }
                Some(_) => {}
            }
        }
        let empty = Map::new();
        let given = map
            .get("customFields")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let fields = state.store.read(|d| d.custom_fields.clone()).await;
        let livechat_data = match validate_custom_fields(&fields, given) {
            Ok(data) => data,
            Err(text) => return failure(text),
        };
        let saved = state.store.write(|d| upsert(d, &map, livechat_data)).await;
        written(saved.map(|id| success(json!({"contact": id}))))
    }
    .await;
    with_headers(answer, &limit)
}

/// `GET /api/v1/omnichannel/contact?contactId=`.
pub async fn get(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = &routes::CONTACT_GET;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let id = query
        .get("contactId")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let contact = state
        .store
        .read(|d| d.visitors.iter().find(|v| v.id == id).map(Visitor::to_json))
        .await;
    with_headers(success(json!({"contact": contact})), &limit)
}

/// `GET /api/v1/omnichannel/contact.search?email=&phone=&custom=`.
pub async fn search(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = &routes::CONTACT_SEARCH;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let param = |k: &str| {
        query
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let (email, phone, custom) = (param("email"), param("phone"), param("custom"));
    let custom: Map<String, Value> = if custom.is_empty() {
        Map::new()
    } else {
        match serde_json::from_str::<Value>(&custom) {
            Ok(Value::Object(map)) => map,
            // `JSON.parse` of an array gives an object with no keys: nothing to search by.
            Ok(Value::Array(_)) => Map::new(),
            _ => return with_headers(meteor_error("error-invalid-params-custom", ""), &limit),
        }
    };
    if email.is_empty() && phone.is_empty() && custom.is_empty() {
        return with_headers(meteor_error("error-invalid-params", ""), &limit);
    }
    let contact = state
        .store
        .read(|d| {
            // Rocket.Chat keeps only the keys that are visible visitor fields, then searches by
            // what is left; when nothing is left it finds nothing (not the first record).
            let filters: Vec<(&String, String)> = custom
                .iter()
                .filter(|(k, _)| {
                    d.custom_fields
                        .iter()
                        .any(|f| &f.id == *k && f.scope == "visitor" && f.visibility == "visible")
                })
                .map(|(k, want)| (k, field_text(want).to_lowercase()))
                .collect();
            if email.is_empty() && phone.is_empty() && filters.is_empty() {
                return None;
            }
            d.visitors
                .iter()
                .find(|v| {
                    (email.is_empty() || v.email.as_deref() == Some(email.as_str()))
                        && (phone.is_empty() || v.phone.as_deref() == Some(phone.as_str()))
                        && filters.iter().all(|(k, want)| {
                            v.livechat_data
                                .get(*k)
                                .map(|have| field_text(have).to_lowercase().contains(want))
                                .unwrap_or(false)
                        })
                })
                .map(Visitor::to_json)
        })
        .await;
    with_headers(success(json!({"contact": contact})), &limit)
}
