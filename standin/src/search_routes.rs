//! Finding contacts: `GET /api/v1/livechat/visitors.search` (legacy visitors, every release)
//! and `GET /api/v1/omnichannel/contacts.search` (Contact Center contacts, 7.1+), with their
//! paging, matching and sort orders as docs/rocket-chat.md gives them.

use crate::contacts_check::invalid;
use crate::http::{guard, success, with_headers, CONTACT_ROLES};
use crate::model::{Contact, Version, Visitor};
use crate::state::AppState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// A query's parameters, as given.
struct Params(Vec<(String, String)>);

impl Params {
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `count` and `offset`; `count` is at most 100, as Rocket.Chat's paging allows.
    fn page(&self, default_count: usize) -> (usize, usize) {
        let number = |k: &str| self.get(k).and_then(|v| v.trim().parse::<usize>().ok());
        let count = number("count").unwrap_or(default_count).min(100);
        (count, number("offset").unwrap_or(0))
    }

    /// `sort`, a JSON object such as `{"name":1}`: its first key and direction.
    fn sort(&self) -> Option<(String, i64)> {
        let sort: Map<String, Value> = serde_json::from_str(self.get("sort")?).ok()?;
        let (key, direction) = sort.into_iter().next()?;
        Some((key, direction.as_i64().unwrap_or(1)))
    }
}

/// The page of `hits` from `offset`, `count` long.
fn page<T: Clone>(hits: &[T], count: usize, offset: usize) -> Vec<T> {
    hits.iter().skip(offset).take(count).cloned().collect()
}

/// Whether `text` contains `needle` regardless of case (Rocket.Chat's escaped, case-insensitive
/// regular expression).
pub(crate) fn contains(text: &str, needle: &str) -> bool {
    text.to_lowercase().contains(&needle.to_lowercase())
}

/// A visitor as `visitors.search` lists it: no token (only `GET omnichannel/contact` gives it).
fn listed_visitor(v: &Visitor) -> Value {
    let mut record = v.to_json();
    let object = record.as_object_mut().expect("an object");
    for key in ["token", "ts", "_updatedAt"] {
        object.remove(key);
    }
    record
}

/// `GET /api/v1/livechat/visitors.search?term=&count=&offset=&sort=` (view-l-room): name and
/// username as a case-insensitive substring, email and phone exactly; newest first unless
/// `sort` says otherwise.
pub async fn visitors(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = "GET /api/v1/livechat/visitors.search";
    let limit = match guard(&state, &headers, peer, route, &CONTACT_ROLES).await {
        Ok((_, limit)) => limit,
        Err(response) => return response,
    };
    let params = Params(query);
    let Some(term) = params.get("term").map(str::to_owned) else {
        return with_headers(invalid("must have required property 'term'"), &limit);
    };
    let (count, offset) = params.page(25);
    let sort = params.sort().unwrap_or(("ts".into(), -1));
    let (visitors, total) = state
        .store
        .read(|d| {
            let mut hits: Vec<&Visitor> = d
                .visitors
                .iter()
                .filter(|v| {
                    contains(&v.name, &term)
                        || contains(&v.username, &term)
                        || v.email.as_deref() == Some(term.as_str())
                        || v.phone.as_deref() == Some(term.as_str())
                })
                .collect();
            hits.sort_by(|a, b| {
                let order = match sort.0.as_str() {
                    "name" => a.name.cmp(&b.name),
                    "username" => a.username.cmp(&b.username),
                    _ => a.ts.cmp(&b.ts),
                };
                if sort.1 < 0 {
                    order.reverse()
                } else {
                    order
                }
            });
            let listed: Vec<Value> = hits.iter().map(|v| listed_visitor(v)).collect();
            (page(&listed, count, offset), hits.len())
        })
        .await;
    let answer = success(json!({
        "visitors": visitors,
        "count": visitors.len(),
        "offset": offset,
        "total": total,
    }));
    with_headers(answer, &limit)
}

/// `GET /api/v1/omnichannel/contacts.search?searchText=&unknown=&count=&offset=&sort=`
/// (view-livechat-contact, 7.1+): name, any email and any phone as a case-insensitive
/// substring; contacts that never identified themselves only with `unknown=true`; by name
/// unless `sort` says otherwise; `count` in the answer is the count asked for.
pub async fn contacts(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let route = "GET /api/v1/omnichannel/contacts.search";
    if state.version < Version::CONTACTS {
        return crate::http::reply(
            StatusCode::NOT_FOUND,
            json!({"success": false, "error": "API endpoint not found"}),
        );
    }
    let limit = match guard(&state, &headers, peer, route, &CONTACT_ROLES).await {
        Ok((_, limit)) => limit,
        Err(response) => return response,
    };
    let params = Params(query);
    let (count, offset) = params.page(50);
    let needle = params.get("searchText").unwrap_or_default().to_owned();
    let unknown = params.get("unknown") == Some("true");
    let sort = params.sort().unwrap_or(("name".into(), 1));
    let (contacts, total) = state
        .store
        .read(|d| {
            let mut hits: Vec<&Contact> = d
                .contacts
                .iter()
                .filter(|c| c.unknown == unknown && !c.disabled)
                .filter(|c| {
                    needle.is_empty()
                        || contains(&c.name, &needle)
                        || c.emails.iter().any(|e| contains(e, &needle))
                        || c.phones.iter().any(|p| contains(p, &needle))
                })
                .collect();
            hits.sort_by(|a, b| {
                let order = match sort.0.as_str() {
                    "createdAt" => a.created_at.cmp(&b.created_at),
                    _ => a.name.cmp(&b.name),
                };
                if sort.1 < 0 {
                    order.reverse()
                } else {
                    order
                }
            });
            let listed: Vec<Value> = hits.iter().map(|c| c.to_json()).collect();
            (page(&listed, count, offset), hits.len())
        })
        .await;
    let answer = success(json!({
        "contacts": contacts,
        "count": count,
        "offset": offset,
        "total": total,
    }));
    with_headers(answer, &limit)
}
