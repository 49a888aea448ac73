//! Finding contacts: `GET /api/v1/livechat/visitors.search` (legacy visitors, every release)
//! and `GET /api/v1/omnichannel/contacts.search` (Contact Center contacts, 7.1+), with their
//! paging, matching and sort orders as docs/rocket-chat.md gives them.

use crate::contact_record::{contact_record, last_chat_ts};
use crate::contacts_check::invalid;
use crate::contacts_routes::text;
use crate::http::{success, with_headers};
use crate::model::{Contact, Visitor};
use crate::paging::{ordered, page, page_of, sort_of};
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;

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
    let route = &routes::VISITORS_SEARCH;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let Some(term) = text(&query, "term") else {
        return with_headers(invalid("must have required property 'term'"), &limit);
    };
    let (count, offset) = page_of(&query);
    let sort = match sort_of(&query, ("ts", -1)) {
        Ok(sort) => sort,
        Err(response) => return with_headers(*response, &limit),
    };
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
                ordered(order, sort.1)
            });
            let listed: Vec<Value> = hits.iter().map(|v| listed_visitor(v)).collect();
            (page(listed, count, offset), hits.len())
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
    let route = &routes::CONTACTS_SEARCH;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admit(&state, &headers, peer, route, Input::Query(&query)).await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let (count, offset) = page_of(&query);
    let needle = text(&query, "searchText").unwrap_or_default();
    let unknown = query.get("unknown") == Some(&Value::Bool(true));
    let sort = match sort_of(&query, ("name", 1)) {
        Ok(sort) => sort,
        Err(response) => return with_headers(*response, &limit),
    };
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
                    "lastChat.ts" => last_chat_ts(d, a).cmp(&last_chat_ts(d, b)),
                    _ => a.name.cmp(&b.name),
                };
                ordered(order, sort.1)
            });
            // As Rocket.Chat's search gives them: the channels, and the manager as a user.
            let listed: Vec<Value> = hits
                .iter()
                .map(|c| {
                    let mut record = contact_record(d, c);
                    let manager = c.contact_manager.as_deref();
                    if let Some(user) = manager.and_then(|m| d.users.iter().find(|u| u.id == m)) {
                        record["contactManager"] =
                            json!({"_id": user.id, "name": user.name, "username": user.username});
                    }
                    record
                })
                .collect();
            (page(listed, count, offset), hits.len())
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
