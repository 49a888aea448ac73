//! A Contact Center contact as `contacts.get` and `contacts.search` give it: the stored record
//! with its channels (each with its `visitor`, as `contacts.block` takes it back, and its last
//! chat) and its last chat.

use crate::model::{Contact, Data};
use serde_json::{json, Value};

/// `contact` as `contacts.get` gives it: its channels with it.
pub fn contact_record(d: &Data, contact: &Contact) -> Value {
    let mut record = contact.to_json();
    let last = |kind: Option<&str>| {
        d.rooms
            .iter()
            .filter(|r| r.contact_id.as_deref() == Some(contact.id.as_str()))
            .filter(|r| kind.is_none_or(|k| r.source.kind == k))
            .max_by(|a, b| a.ts.cmp(&b.ts))
            .map(|r| json!({"_id": r.id, "ts": r.ts}))
    };
    let channels: Vec<Value> = d
        .channels
        .iter()
        .filter(|c| c.contact_id == contact.id)
        .map(|c| {
            let mut channel = c.to_json();
            if let Some(chat) = last(Some(&c.details.kind)) {
                channel["lastChat"] = chat;
            }
            channel
        })
        .collect();
    record["channels"] = json!(channels);
    if let Some(chat) = last(None) {
        record["lastChat"] = chat;
    }
    record
}

/// When `contact`'s last chat started (the sort `lastChat.ts`); none: it never chatted.
pub fn last_chat_ts<'a>(d: &'a Data, contact: &Contact) -> Option<&'a str> {
    d.rooms
        .iter()
        .filter(|r| r.contact_id.as_deref() == Some(contact.id.as_str()))
        .map(|r| r.ts.as_str())
        .max()
}
