//! `GET /api/v1/livechat/custom-fields` and `GET /api/v1/livechat/users/agent`.

use crate::http::{guard, success, with_headers, CONTACT_ROLES};
use crate::state::AppState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// Roles with `transfer-livechat-guest` or `edit-omnichannel-contact`, which the agent list
/// needs: in a default Rocket.Chat, the same roles that hold `view-l-room`.
const AGENT_LIST_ROLES: [&str; 4] = crate::model::VIEW_L_ROOM_ROLES;

/// The custom field definitions.
pub async fn custom_fields(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let route = "GET /api/v1/livechat/custom-fields";
    let (_, limit) = match guard(&state, &headers, peer, route, &CONTACT_ROLES).await {
        Ok(ok) => ok,
        Err(response) => return response,
    };
    let fields = state.store.read(|d| d.custom_fields.clone()).await;
    let n = fields.len();
    with_headers(
        success(json!({"customFields": fields, "count": n, "offset": 0, "total": n})),
        &limit,
    )
}

/// Agents whose username or name contains `text` (case-insensitive), paginated.
pub async fn agents(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let route = "GET /api/v1/livechat/users/agent";
    let (_, limit) = match guard(&state, &headers, peer, route, &AGENT_LIST_ROLES).await {
        Ok(ok) => ok,
        Err(response) => return response,
    };
    let text = query
        .get("text")
        .map(|t| t.to_lowercase())
        .unwrap_or_default();
    let count: usize = query
        .get("count")
        .and_then(|c| c.parse().ok())
        .unwrap_or(25);
    let offset: usize = query
        .get("offset")
        .and_then(|o| o.parse().ok())
        .unwrap_or(0);
    let matching: Vec<Value> = state
        .store
        .read(|d| {
            d.users
                .iter()
                .filter(|u| u.roles.iter().any(|r| r == "livechat-agent"))
                .filter(|u| {
                    text.is_empty()
                        || u.username.to_lowercase().contains(&text)
                        || u.name.to_lowercase().contains(&text)
                })
                .map(|u| {
                    let mut agent = u.public();
                    agent["statusLivechat"] = json!("available");
                    agent
                })
                .collect()
        })
        .await;
    let total = matching.len();
    let page: Vec<Value> = matching.into_iter().skip(offset).take(count).collect();
    with_headers(
        success(json!({"users": page, "count": page.len(), "offset": offset, "total": total})),
        &limit,
    )
}
