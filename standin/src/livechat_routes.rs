//! `GET /api/v1/livechat/custom-fields` and `GET /api/v1/livechat/users/agent`.

use crate::http::{success, with_headers};
use crate::paging::{page, page_of};
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// The custom field definitions.
pub async fn custom_fields(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let route = &routes::CUSTOM_FIELDS;
    let limit = match admit(&state, &headers, peer, route, Input::Query(&[])).await {
        Ok(admitted) => admitted.limit,
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
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = &routes::AGENTS;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let text = query
        .get("text")
        .and_then(Value::as_str)
        .map(str::to_lowercase)
        .unwrap_or_default();
    let (count, offset) = page_of(&query);
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
    let page = page(matching, count, offset);
    with_headers(
        success(json!({"users": page, "count": page.len(), "offset": offset, "total": total})),
        &limit,
    )
}
