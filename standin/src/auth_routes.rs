//! `POST /api/v1/login`, `POST /api/v1/logout`, `GET /api/v1/me`.

use crate::http::{authenticate, reply, success};
use crate::ids;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use std::sync::Arc;

fn login_error(error: &str, message: &str, details: Option<Value>) -> Response {
    let mut body = json!({"status": "error", "error": error, "message": message});
    if let Some(details) = details {
        body["details"] = details;
    }
    reply(StatusCode::UNAUTHORIZED, body)
}

/// Password login by username or email, with a TOTP code for users who have two-factor on.
pub async fn login(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let text = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let who = [text("user"), text("username"), text("email")]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    let (password, code) = (text("password"), text("code"));
    let found = state
        .store
        .read(|d| {
            d.users
                .iter()
                .find(|u| u.username == who || u.email.eq_ignore_ascii_case(&who))
                .cloned()
        })
        .await;
    let Some(user) = found.filter(|u| !who.is_empty() && u.password == password) else {
        return login_error("Unauthorized", "Unauthorized", None);
    };
    if let Some(expected) = &user.totp_code {
        if code.is_empty() {
            return login_error(
                "totp-required",
                "TOTP Required [totp-required]",
                Some(json!({"method": "totp", "codeGenerated": false})),
            );
        }
        if code.trim() != expected {
            return login_error(
                "totp-invalid",
                "TOTP Invalid [totp-invalid]",
                Some(json!({"method": "totp"})),
            );
        }
    }
    let token = ids::login_token();
    let saved = state
        .store
        .write(|d| {
            if let Some(u) = d.users.iter_mut().find(|u| u.id == user.id) {
                u.tokens.push(token.clone());
            }
        })
        .await;
    if let Err(e) = saved {
        return reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"success": false, "error": e.0}),
        );
    }
    reply(
        StatusCode::OK,
        json!({
            "status": "success",
            "data": {"userId": user.id, "authToken": token, "me": user.public()},
            "success": true,
        }),
    )
}

/// Ends the login token the request was made with.
pub async fn logout(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let user = match authenticate(&state, &headers).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let token = headers
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let saved = state
        .store
        .write(|d| {
            if let Some(u) = d.users.iter_mut().find(|u| u.id == user.id) {
                u.tokens.retain(|t| *t != token);
            }
        })
        .await;
    match saved {
        Ok(()) => reply(
            StatusCode::OK,
            json!({"status": "success", "data": {"message": "You've been logged out!"}}),
        ),
        Err(e) => reply(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"success": false, "error": e.0}),
        ),
    }
}

/// The signed-in user.
pub async fn me(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    match authenticate(&state, &headers).await {
        Ok(user) => success(user.public()),
        Err(response) => response,
    }
}
