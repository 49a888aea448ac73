//! A contact's conversations (`docs/rocket-chat.md`, a contact's conversations): `GET omnichannel/contacts.history` and
//! `contacts.channels` (7.1+), `GET livechat/:rid/messages` and, for visitors on every release,
//! `GET livechat/visitors.searchChats/room/:rid/visitor/:vid`. Check order: authentication,
//! rate limit, parameters, permission on 7.x; the permission before the parameters on 8.x.

use crate::contact_record::channels as channels_of;
use crate::contacts_check::{check_value, invalid, Kind};
use crate::contacts_routes::text;
use crate::history_model::{Message, Room};
use crate::http::{failure, success, with_headers};
use crate::model::{Data, User};
use crate::paging::{ordered, page, page_of, sort_of};
use crate::route::{admit, Admitted, Input};
use crate::routes;
use crate::search_routes::contains;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// Who may open any room (`view-livechat-rooms`); others only the rooms they served.
const ROOM_READERS: [&str; 3] = ["admin", "livechat-manager", "livechat-monitor"];

/// A room's visitor as a history item names it.
fn visitor_of(data: &Data, room: &Room) -> Value {
    match data.visitors.iter().find(|v| v.id == room.visitor_id) {
        Some(v) => {
            json!({"_id": v.id, "username": v.username, "token": v.token, "status": "offline"})
        }
        None => json!({"_id": room.visitor_id}),
    }
}

fn messages_of<'a>(data: &'a Data, room: &str) -> Vec<&'a Message> {
    data.messages.iter().filter(|m| m.rid == room).collect()
}

/// Whether `user` may open `room`: a reader of every room, or the agent who served it.
fn may_open(user: &User, room: &Room) -> bool {
    user.has_any_role(&ROOM_READERS) || room.served_by.as_ref().is_some_and(|s| s.id == user.id)
}

/// `GET /api/v1/omnichannel/contacts.history?contactId=&count=&offset=&sort=`: the contact's
/// closed chats, newest `closedAt` first.
pub async fn history(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let admitted = admit(
        &state,
        &headers,
        peer,
        &routes::CONTACTS_HISTORY,
        Input::Query(&query),
    )
    .await;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admitted {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let sort = match sort_of(&query, ("closedAt", -1)) {
        Ok(sort) => sort,
        Err(response) => return with_headers(*response, &limit),
    };
    let id = text(&query, "contactId").unwrap_or_default();
    let (count, offset) = page_of(&query);
    let eight = state.version.major >= 8;
    let answer = state
        .store
        .read(|d| {
            let known = d
                .contacts
                .iter()
                .any(|c| c.id == id && !(eight && c.disabled));
            if id.is_empty() || !known {
                return failure("error-contact-not-found");
            }
            let mut rooms: Vec<&Room> = d
                .rooms
                .iter()
                .filter(|r| r.contact_id.as_deref() == Some(id.as_str()) && r.closed_at.is_some())
                .collect();
            rooms.sort_by(|a, b| {
                let order = match sort.0.as_str() {
                    "ts" => a.ts.cmp(&b.ts),
                    "fname" => a.fname.cmp(&b.fname),
                    _ => a.closed_at.cmp(&b.closed_at),
                };
                ordered(order, sort.1)
            });
            let total = rooms.len();
            let items: Vec<Value> = page(rooms, count, offset)
                .into_iter()
                .map(|r| r.to_json(&visitor_of(d, r), &messages_of(d, &r.id), "lastMessage"))
                .collect();
            success(
                json!({"history": items, "count": items.len(), "offset": offset, "total": total}),
            )
        })
        .await;
    with_headers(answer, &limit)
}

/// `GET /api/v1/omnichannel/contacts.channels?contactId=`: the contact's channels, each with
/// its newest chat; an unknown contact has none.
pub async fn channels(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let admitted = admit(
        &state,
        &headers,
        peer,
        &routes::CONTACTS_CHANNELS,
        Input::Query(&query),
    )
    .await;
    let Admitted {
        input: query,
        limit,
        ..
    } = match admitted {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let id = text(&query, "contactId").unwrap_or_default();
    let channels = state.store.read(|d| channels_of(d, &id)).await;
    with_headers(success(json!({"channels": channels})), &limit)
}

/// `GET /api/v1/livechat/:rid/messages?count=&offset=&sort=&searchTerm=`: the room's ordinary
/// messages and its closing message; `count` in the answer is the page size asked.
pub async fn messages(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(rid): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let admitted = admit(
        &state,
        &headers,
        peer,
        &routes::ROOM_MESSAGES,
        Input::Query(&query),
    )
    .await;
    let Admitted {
        input: query,
        user,
        limit,
    } = match admitted {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let sort = match sort_of(&query, ("ts", -1)) {
        Ok(sort) => sort,
        Err(response) => return with_headers(*response, &limit),
    };
    let (count, offset) = page_of(&query);
    let term = text(&query, "searchTerm").unwrap_or_default();
    let answer = state
        .store
        .read(|d| {
            let Some(room) = d.rooms.iter().find(|r| r.id == rid) else {
                return failure("invalid-room");
            };
            if !may_open(&user, room) {
                return failure("not-allowed");
            }
            let mut shown: Vec<&Message> = messages_of(d, &rid)
                .into_iter()
                .filter(|m| m.t.is_none() || m.t.as_deref() == Some("livechat-close"))
                .filter(|m| contains(&m.msg, &term))
                .collect();
            shown.sort_by(|a, b| ordered(a.ts.cmp(&b.ts), sort.1));
            let total = shown.len();
            let items: Vec<Value> = page(shown, count, offset)
                .iter()
                .map(|m| m.to_json())
                .collect();
            success(json!({"messages": items, "offset": offset, "count": count, "total": total}))
        })
        .await;
    with_headers(answer, &limit)
}

/// `GET /api/v1/livechat/visitors.searchChats/room/:rid/visitor/:vid` (every release): the
/// visitor's chats, to a user who may open room `rid`.
pub async fn search_chats(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((rid, vid)): Path<(String, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let admitted = admit(
        &state,
        &headers,
        peer,
        &routes::VISITOR_CHATS,
        Input::Query(&query),
    );
    let Admitted {
        input: query,
        user,
        limit,
    } = match admitted.await {
        Ok(admitted) => admitted,
        Err(response) => return response,
    };
    let mut value = Value::Object(query);
    for key in ["count", "offset"] {
        if let Some(v) = value.get_mut(key) {
            if let Err(message) = check_value(v, Kind::Number) {
                return with_headers(invalid(&message), &limit);
            }
        }
    }
    let query = value.as_object().cloned().unwrap_or_default();
    let sort = match sort_of(&query, ("ts", -1)) {
        Ok(sort) => sort,
        Err(response) => return with_headers(*response, &limit),
    };
    let flag = |key: &str| query.get(key).and_then(Value::as_str) == Some("true");
    let (closed_only, served_only) = (flag("closedChatsOnly"), flag("servedChatsOnly"));
    let searched = text(&query, "searchText").unwrap_or_default();
    let (count, offset) = page_of(&query);
    let answer = state
        .store
        .read(|d| {
            let Some(room) = d.rooms.iter().find(|r| r.id == rid) else {
                return failure("invalid-room");
            };
            if !may_open(&user, room) {
                return failure("error-not-allowed");
            }
            let mut rooms: Vec<&Room> = d
                .rooms
                .iter()
                .filter(|r| r.visitor_id == vid)
                .filter(|r| !closed_only || r.closed_at.is_some())
                .filter(|r| !served_only || r.served_by.is_some())
                .filter(|r| {
                    searched.is_empty()
                        || messages_of(d, &r.id)
                            .iter()
                            .any(|m| contains(&m.msg, &searched))
                })
                .collect();
            rooms.sort_by(|a, b| {
                let order = match sort.0.as_str() {
                    "closedAt" => a.closed_at.cmp(&b.closed_at),
                    _ => a.ts.cmp(&b.ts),
                };
                ordered(order, sort.1)
            });
            let total = rooms.len();
            let items: Vec<Value> = page(rooms, count, offset)
                .into_iter()
                .map(|r| {
                    let mut item =
                        r.to_json(&visitor_of(d, r), &messages_of(d, &r.id), "closingMessage");
                    let object = item.as_object_mut().expect("an object");
                    object.remove("source");
                    object.remove("verified");
                    item
                })
                .collect();
            success(
                json!({"history": items, "count": items.len(), "offset": offset, "total": total}),
            )
        })
        .await;
    with_headers(answer, &limit)
}
