//! A Contact Center contact as `contacts.get` and `contacts.search` give it: the stored record
//! with its channels (each with its `visitor`, as `contacts.block` takes it back, and its last
//! chat) and its last chat.

use crate::history_model::Room;
use crate::model::{Contact, Data};
use serde_json::{json, Value};

/// `contact` as `contacts.get` gives it: its channels with it.
pub fn contact_record(d: &Data, contact: &Contact) -> Value {
    let mut record = contact.to_json();
    record["channels"] = json!(channels(d, &contact.id));
    if let Some(room) = last_chat(d, &contact.id, None) {
        record["lastChat"] = json!({"_id": room.id, "ts": room.ts});
    }
    record
}

/// The channels of contact `id`, each with its newest chat (`contacts.channels` and a contact's
/// record list them alike).
pub fn channels(d: &Data, id: &str) -> Vec<Value> {
    d.channels
        .iter()
        .filter(|c| c.contact_id == id)
        .map(|c| {
            let mut channel = c.to_json();
            if let Some(room) = last_chat(d, id, Some(&c.details.kind)) {
                channel["lastChat"] = json!({"_id": room.id, "ts": room.ts});
            }
            channel
        })
        .collect()
}

/// The newest chat of contact `id` (through a source of type `kind`, when given).
fn last_chat<'a>(d: &'a Data, id: &str, kind: Option<&str>) -> Option<&'a Room> {
    d.rooms
        .iter()
        .filter(|r| r.contact_id.as_deref() == Some(id))
        .filter(|r| kind.is_none_or(|k| r.source.kind == k))
        .max_by(|a, b| a.ts.cmp(&b.ts))
}

/// When `contact`'s last chat started (the sort `lastChat.ts`); none: it never chatted.
pub fn last_chat_ts<'a>(d: &'a Data, contact: &Contact) -> Option<&'a str> {
    last_chat(d, &contact.id, None).map(|r| r.ts.as_str())
}
