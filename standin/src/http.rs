//! Answers in Rocket.Chat's shapes, authentication and the rate limit (which `route::admit`
//! runs first for every route).

use crate::model::{User, BYPASS_RATE_LIMIT_ROLES, VIEW_L_ROOM_ROLES};
use crate::state::AppState;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use std::net::SocketAddr;

/// The text of a 401.
pub const LOGGED_OUT: &str = "You must be logged in to do this.";

/// A JSON answer.
pub fn reply(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

/// 200 with `success: true` added, as `API.v1.success` does.
pub fn success(mut body: Value) -> Response {
    if let Some(obj) = body.as_object_mut() {
        obj.insert("success".into(), Value::Bool(true));
    }
    reply(StatusCode::OK, body)
}

/// 400 `{"success":false,"error":text}` (a Match error or a plain Error).
pub fn failure(text: impl Into<String>) -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        json!({"success": false, "error": text.into()}),
    )
}

/// 400 for a `Meteor.Error`: the text carries the type in brackets, and `errorType` names it.
pub fn meteor_error(kind: &str, text: &str) -> Response {
    reply(
        StatusCode::BAD_REQUEST,
        json!({
            "success": false,
            "error": if text.is_empty() { format!("[{kind}]") } else { format!("{text} [{kind}]") },
            "errorType": kind,
        }),
    )
}

/// 401 in the 7.x/8.x shape.
pub fn unauthorized() -> Response {
    reply(
        StatusCode::UNAUTHORIZED,
        json!({"success": false, "error": LOGGED_OUT, "status": "error", "message": LOGGED_OUT}),
    )
}

/// 403 for a missing permission.
pub fn forbidden(text: &str) -> Response {
    reply(
        StatusCode::FORBIDDEN,
        json!({"success": false, "error": text}),
    )
}

/// The 403 of a route's `permissionsRequired`.
pub fn not_permitted() -> Response {
    forbidden("User does not have the permissions required for this action [error-unauthorized]")
}

/// The user the `X-User-Id` and `X-Auth-Token` headers name, or the 401 to send.
pub async fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<User, Response> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let (id, token) = (header("x-user-id"), header("x-auth-token"));
    if id.is_empty() || token.is_empty() {
        return Err(unauthorized());
    }
    state
        .store
        .read(|d| d.user_by_token(id, token).cloned())
        .await
        .ok_or_else(unauthorized)
}

/// The client address the limiter counts: the first `X-Forwarded-For` hop, else the peer.
pub fn client(headers: &HeaderMap, peer: SocketAddr) -> String {
    headers
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| peer.ip().to_string())
}

/// Headers to add to the answer of a rate-limited route.
pub type LimitHeaders = Vec<(&'static str, HeaderValue)>;

/// Authenticates, then applies the rate limit (in that order, as Rocket.Chat does); the
/// permission and the input come after, in the route's order (`route::admit`).
pub async fn limited(
    state: &AppState,
    headers: &HeaderMap,
    peer: SocketAddr,
    route: &str,
) -> Result<(User, LimitHeaders), Response> {
    let user = authenticate(state, headers).await?;
    let mut limit_headers = LimitHeaders::new();
    if !user.has_any_role(&BYPASS_RATE_LIMIT_ROLES) {
        let v = state.limiter.hit(&client(headers, peer), route);
        limit_headers.push((
            "x-ratelimit-limit",
            HeaderValue::from(crate::rate_limit::LIMIT),
        ));
        limit_headers.push(("x-ratelimit-remaining", HeaderValue::from(v.remaining)));
        limit_headers.push((
            "x-ratelimit-reset",
            HeaderValue::from_str(&v.reset_ms.to_string()).unwrap_or(HeaderValue::from_static("0")),
        ));
        if !v.allowed {
            let seconds = v.wait_ms.div_ceil(1000);
            let text = format!(
                "Error, too many requests. Please slow down. You must wait {seconds} seconds before trying this endpoint again. [error-too-many-requests]"
            );
            return Err(with_headers(
                reply(
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({"success": false, "error": text}),
                ),
                &limit_headers,
            ));
        }
    }
    Ok((user, limit_headers))
}

/// Adds headers to an answer.
pub fn with_headers(mut response: Response, headers: &LimitHeaders) -> Response {
    for (name, value) in headers {
        response.headers_mut().insert(*name, value.clone());
    }
    response
}

/// The roles that may use the omnichannel contact endpoints.
pub const CONTACT_ROLES: [&str; 4] = VIEW_L_ROOM_ROLES;

/// The answer to a change: `done` once it is stored, else a 500 saying why it could not be.
pub fn written(result: Result<Response, crate::store::StoreError>) -> Response {
    result.unwrap_or_else(|e| {
        reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"success": false, "error": e.0}),
        )
    })
}

/// A query string as an object of strings, as Meteor's `check` and ajv see it.
pub fn query_map(query: &[(String, String)]) -> serde_json::Map<String, Value> {
    // As `qs` parses it: a key given twice, or as `key[]`, is an array.
    let mut map = serde_json::Map::new();
    for (key, value) in query {
        let (key, listed) = match key.strip_suffix("[]") {
            Some(key) => (key, true),
            None => (key.as_str(), false),
        };
        let value = Value::String(value.clone());
        match map.get_mut(key) {
            Some(Value::Array(items)) => items.push(value),
            Some(first) => *first = Value::Array(vec![first.take(), value]),
            None if listed => {
                map.insert(key.to_owned(), Value::Array(vec![value]));
            }
            None => {
                map.insert(key.to_owned(), value);
            }
        }
    }
    map
}
