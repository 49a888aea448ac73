//! What every API route does before its own work, in one place: a route is data ([`Route`]:
//! its method and path, the first release with it, the roles that hold its permission, the
//! shape of its input and the order Rocket.Chat checks them in), and [`admit`] is its entry:
//! 404 on a release without it, then authentication, the rate limit, and the permission and the
//! input's shape in the route's order. `docs/rocket-chat.md` says each route's values.

use crate::contacts_check::{self, invalid, Schema};
use crate::http::{failure, limited, not_permitted, query_map, reply, with_headers, LimitHeaders};
use crate::meteor_check::{self, Key};
use crate::model::{User, Version};
use crate::state::AppState;
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;

/// How a route checks its input's shape.
pub enum Shape {
    /// A JSON schema that coerces types (the Contact Center and conversation routes): 400
    /// `… [invalid-params]`.
    Schema(&'static Schema),
    /// Meteor's `check` (the legacy routes): 400 `Match error: …`.
    Meteor(&'static [Key]),
    /// The handler reads its input itself (a route without parameters, or one whose checks
    /// are its own, such as `visitors.search`'s required `term`).
    Own,
}

/// Which comes first of the permission and the input's shape.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The permission, then the shape (the legacy and the Contact Center's contact routes).
    PermissionFirst,
    /// 7.x checks the shape first, 8.x the permission (the conversation routes).
    ByRelease,
}

/// One API route, as data.
pub struct Route {
    /// The method and path, as the rate limit counts it (`GET /api/v1/…`).
    pub key: &'static str,
    /// The first release with the route (older ones answer 404); `None`: every release.
    pub since: Option<Version>,
    /// The roles that hold its permission.
    pub roles: &'static [&'static str],
    /// How its input is checked.
    pub shape: Shape,
    /// In which order.
    pub order: Order,
}

/// A route's input: a POST's body or a GET's query.
pub enum Input<'a> {
    /// The raw body (empty or not JSON reads as `{}`, as Rocket.Chat's body parser leaves it).
    Body(&'a Bytes),
    /// The query's pairs, as given.
    Query(&'a [(String, String)]),
}

/// A request that passed its route's entry.
pub struct Admitted {
    /// The input, checked (and coerced where the schema coerces).
    pub input: Map<String, Value>,
    /// Who asked.
    pub user: User,
    /// The rate-limit headers for the answer.
    pub limit: LimitHeaders,
}

/// Rocket.Chat's answer to a route it does not have (on this release, or at all).
pub fn not_found() -> Response {
    reply(
        StatusCode::NOT_FOUND,
        json!({"success": false, "error": "API endpoint not found"}),
    )
}

/// The route's entry; the answer that stops the request, if any.
pub async fn admit(
    state: &AppState,
    headers: &HeaderMap,
    peer: SocketAddr,
    route: &Route,
    input: Input<'_>,
) -> Result<Admitted, Response> {
    if route.since.is_some_and(|since| state.version < since) {
        return Err(not_found());
    }
    let (user, limit) = limited(state, headers, peer, route.key).await?;
    let permitted = user.has_any_role(route.roles);
    let permission_first = route.order == Order::PermissionFirst || state.version.major >= 8;
    if permission_first && !permitted {
        return Err(with_headers(not_permitted(), &limit));
    }
    let mut value = match input {
        Input::Body(body) => serde_json::from_slice(body).unwrap_or_else(|_| json!({})),
        Input::Query(query) => Value::Object(query_map(query)),
    };
    let checked = match &route.shape {
        Shape::Schema(schema) => contacts_check::check(&mut value, schema).map_err(|m| invalid(&m)),
        Shape::Meteor(keys) => meteor_check::check_object(&value, keys).map_err(failure),
        Shape::Own => Ok(()),
    };
    if let Err(refused) = checked {
        return Err(with_headers(refused, &limit));
    }
    if !permitted {
        return Err(with_headers(not_permitted(), &limit));
    }
    let input = match value {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    Ok(Admitted { input, user, limit })
}

impl Route {
    /// The path, as the router matches it (`/api/v1/livechat/{rid}/messages`).
    pub fn path(&self) -> &'static str {
        self.key.split_once(' ').map_or(self.key, |(_, path)| path)
    }

    /// Whether it is a POST (else a GET).
    pub fn is_post(&self) -> bool {
        self.key.starts_with("POST ")
    }
}
