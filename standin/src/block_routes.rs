//! Blocking a contact's channel (`contacts.block` / `contacts.unblock`, Contact Center with the
//! licence), and what a client reads beforehand to know whether it may: `licenses.info` and
//! `permissions.listAll`. `docs/rocket-chat.md` gives the contract: the checks in 7.x's order
//! (the licence before the sign-in) or 8.x's (the sign-in, the permission, the licence), the
//! body's checks, the channel matched by its visitor, and a block closing the open chat on it.

use crate::contacts_check::{check_value, invalid, Kind};
use crate::history_model::{Message, Someone};
use crate::http::{
    authenticate, failure, limited, not_permitted, reply, success, with_headers, written,
};
use crate::model::{User, Version, VIEW_L_ROOM_ROLES};
use crate::routes;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// The licence's modules that block and unblock need.
pub const MODULES: [&str; 2] = ["livechat-enterprise", "contact-id-verification"];

/// The text of a closed chat's message when its channel was blocked.
pub const BLOCKED_CLOSE: &str = "This channel has been blocked";

/// The route-level licence check's refusal.
fn enterprise() -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        json!({
            "success": false,
            "error": "This is an enterprise feature [error-action-not-allowed]",
            "errorType": "error-action-not-allowed",
        }),
    )
}

/// `GET /api/v1/licenses.info[?loadValues=]` (any signed-in user): the active modules, none
/// without the licence (`--no-license`).
pub async fn licenses_info(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let (_, limit) = match limited(&state, &headers, peer, routes::LICENSES_INFO.key).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    for (key, value) in &query {
        let refused = match key.as_str() {
            "loadValues" => check_value(&mut json!(value), Kind::Bool).err(),
            _ => Some("must NOT have additional properties".to_owned()),
        };
        if let Some(message) = refused {
            return with_headers(invalid(&message), &limit);
        }
    }
    let modules: &[&str] = if state.license { &MODULES } else { &[] };
    let tags = match state.license {
        true => json!([{"name": "Enterprise", "color": "#5154ec"}]),
        false => json!([]),
    };
    let prevented = ["activeUsers", "guestUsers", "roomsPerGuest", "privateApps"]
        .into_iter()
        .chain(["marketplaceApps", "monthlyActiveContacts"])
        .map(|k| (k.to_owned(), json!(false)))
        .collect::<Map<_, _>>();
    let license = json!({
        "activeModules": modules,
        "externalModules": [],
        "preventedActions": prevented,
        "limits": {},
        "tags": tags,
        "trial": false,
    });
    with_headers(success(json!({"license": license})), &limit)
}

/// When the permission records were last changed.
const PERMISSIONS_UPDATED: &str = "2026-01-01T00:00:00.000Z";

/// `GET /api/v1/permissions.listAll[?updatedSince=]` (any signed-in user): the permission
/// records the widget reads, each with the roles that hold it. Block and unblock have records
/// only on a licensed workspace; delete only on a release with it.
pub async fn permissions(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let (_, limit) = match limited(&state, &headers, peer, routes::PERMISSIONS.key).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let mut since = None;
    for (key, value) in &query {
        match key.as_str() {
            "updatedSince" => match humantime::parse_rfc3339_weak(value) {
                Ok(at) => since = Some(at),
                Err(_) => {
                    let text = "The \"updatedSince\" query parameter must be a valid date. [error-roomId-param-invalid]";
                    let refused = reply(
                        StatusCode::BAD_REQUEST,
                        json!({"success": false, "error": text, "errorType": "error-roomId-param-invalid"}),
                    );
                    return with_headers(refused, &limit);
                }
            },
            // 8.x's router checks the query; 7.x ignores keys it does not know.
            _ if state.version.major >= 8 => {
                let refused = reply(
                    StatusCode::BAD_REQUEST,
                    json!({"success": false, "error": "must NOT have additional properties", "errorType": "error-invalid-params"}),
                );
                return with_headers(refused, &limit);
            }
            _ => {}
        }
    }
    let updated = humantime::parse_rfc3339_weak(PERMISSIONS_UPDATED).ok();
    let changed = match (since, updated) {
        (Some(since), Some(updated)) => updated > since,
        _ => true,
    };
    let listed = if changed { records(&state) } else { Vec::new() };
    let records: Vec<Value> = listed
        .into_iter()
        .map(|(id, roles)| json!({"_id": id, "roles": roles, "_updatedAt": PERMISSIONS_UPDATED}))
        .collect();
    with_headers(success(json!({"update": records, "remove": []})), &limit)
}

/// The permission records: id and roles.
fn records(state: &AppState) -> Vec<(&'static str, Vec<&'static str>)> {
    let four = VIEW_L_ROOM_ROLES.to_vec();
    let mut all = vec![
        ("view-l-room", four.clone()),
        ("view-livechat-contact", four.clone()),
        ("create-livechat-contact", four.clone()),
        ("update-livechat-contact", four.clone()),
    ];
    if state.version >= Version::DELETE {
        all.push(("delete-livechat-contact", vec!["admin", "livechat-manager"]));
    }
    if state.license {
        all.push(("block-livechat-contact", four.clone()));
        all.push(("unblock-livechat-contact", four));
    }
    all
}

/// The channel a block names: its visitor, its source's type and (when sent) id.
#[derive(Debug, PartialEq)]
struct Named {
    visitor_id: String,
    kind: String,
    id: Option<String>,
}

/// Reads `{visitor: {visitorId, source: {type, id?}}}` as ajv would: 7.x coerces a string's
/// type, 8.x does not; the message of the first failure.
fn named(body: &Bytes, coerce: bool) -> Result<Named, String> {
    let body: Value = serde_json::from_slice(body).unwrap_or_else(|_| json!({}));
    let Value::Object(top) = body else {
        return Err("must be object".into());
    };
    let Some(visitor) = top.get("visitor") else {
        return Err("must have required property 'visitor'".into());
    };
    if top.keys().any(|k| k != "visitor") {
        return Err("must NOT have additional properties".into());
    }
    let Value::Object(visitor) = visitor else {
        return Err("must be object".into());
    };
    for key in ["visitorId", "source"] {
        if !visitor.contains_key(key) {
            return Err(format!("must have required property '{key}'"));
        }
    }
    let string = |value: &Value| -> Result<String, String> {
        let mut value = value.clone();
        match (coerce, &value) {
            (_, Value::String(_)) => {}
            (true, _) => check_value(&mut value, Kind::Str)?,
            (false, _) => return Err("must be string".into()),
        }
        Ok(value.as_str().unwrap_or_default().to_owned())
    };
    let visitor_id = string(&visitor["visitorId"])?;
    let Value::Object(source) = &visitor["source"] else {
        return Err("must be object".into());
    };
    let Some(kind) = source.get("type") else {
        return Err("must have required property 'type'".into());
    };
    let kind = string(kind)?;
    let id = source.get("id").map(string).transpose()?;
    Ok(Named {
        visitor_id,
        kind,
        id,
    })
}

/// The entry of block and unblock, in the release's order; who asks, the rate-limit headers
/// and the channel named.
async fn enter(
    state: &AppState,
    headers: &HeaderMap,
    peer: SocketAddr,
    key: &str,
    body: &Bytes,
) -> Result<(User, crate::http::LimitHeaders, Named), Response> {
    // Without the licence no permission record exists: nobody holds block or unblock.
    let may = |user: &User| state.license && user.has_any_role(&VIEW_L_ROOM_ROLES);
    if state.version.major >= 8 {
        let user = authenticate(state, headers).await?;
        if !may(&user) {
            return Err(not_permitted());
        }
        let (user, limit) = limited(state, headers, peer, key).await?;
        let named = named(body, false).map_err(|m| with_headers(invalid(&m), &limit))?;
        return Ok((user, limit, named));
    }
    if !state.license {
        return Err(enterprise());
    }
    let (user, limit) = limited(state, headers, peer, key).await?;
    let named = named(body, true).map_err(|m| with_headers(invalid(&m), &limit))?;
    if !may(&user) {
        return Err(with_headers(not_permitted(), &limit));
    }
    Ok((user, limit, named))
}

/// `POST /api/v1/omnichannel/contacts.block`.
pub async fn block(
    state: State<Arc<AppState>>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    set_blocked(state, peer, headers, body, true).await
}

/// `POST /api/v1/omnichannel/contacts.unblock`.
pub async fn unblock(
    state: State<Arc<AppState>>,
    peer: ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    set_blocked(state, peer, headers, body, false).await
}

/// Sets the named channel's `blocked`: the first channel of that visitor and source type (and
/// id, when sent); a block then closes the visitor's open chat on that source, by the caller.
async fn set_blocked(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
    blocked: bool,
) -> Response {
    let route = match blocked {
        true => &routes::CONTACTS_BLOCK,
        false => &routes::CONTACTS_UNBLOCK,
    };
    if state.version < Version::CONTACTS {
        return crate::route::not_found();
    }
    let (user, limit, named) = match enter(&state, &headers, peer, route.key, &body).await {
        Ok(entered) => entered,
        Err(response) => return response,
    };
    let answer = state
        .store
        .write(|d| {
            let matches = |kind: &str, id: Option<&String>, visitor: &str| {
                visitor == named.visitor_id
                    && kind == named.kind
                    && named.id.as_ref().is_none_or(|wanted| id == Some(wanted))
            };
            let channel = d
                .channels
                .iter_mut()
                .find(|c| matches(&c.details.kind, c.details.id.as_ref(), &c.visitor_id));
            let Some(channel) = channel else {
                return failure("error-contact-not-found");
            };
            channel.blocked = blocked;
            if !blocked {
                return success(json!({}));
            }
            if !d.visitors.iter().any(|v| v.id == named.visitor_id) {
                // The channel stays blocked.
                return failure("error-visitor-not-found");
            }
            let closer = Someone {
                id: user.id.clone(),
                username: user.username.clone(),
                name: Some(user.name.clone()),
            };
            let now = crate::ids::now();
            let open = d.rooms.iter_mut().find(|r| {
                r.closed_at.is_none()
                    && matches(&r.source.kind, r.source.id.as_ref(), &r.visitor_id)
            });
            if let Some(room) = open {
                room.closed_at = Some(now.clone());
                room.closer = Some("user".into());
                room.closed_by = Some(closer.clone());
                let rid = room.id.clone();
                d.messages.push(Message {
                    id: crate::ids::visitor_id()[..17].to_owned(),
                    rid,
                    msg: BLOCKED_CLOSE.into(),
                    ts: now,
                    u: closer,
                    t: Some("livechat-close".into()),
                    token: None,
                    file: None,
                });
            }
            success(json!({}))
        })
        .await;
    with_headers(written(answer), &limit)
}
