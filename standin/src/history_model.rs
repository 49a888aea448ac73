//! A contact's conversations as the stand-in stores them: livechat rooms (open or closed, with
//! their source and who served them), their messages, and a Contact Center contact's channels
//! (`docs/rocket-chat.md`, a contact's conversations). Older data files have none: every list defaults to empty.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Where a chat came in: `source` of a room, `details` of a channel.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Source {
    /// `widget`, `email`, `sms`, `app`, `api` or `other`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The app's or integration's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The app's name, when it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// A label the app gave.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The site, address or number the chat came to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
}

/// A user as a room or a message names them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Someone {
    /// The user's (or visitor's) id.
    #[serde(rename = "_id")]
    pub id: String,
    /// Login name (a visitor's `guest-N`).
    pub username: String,
    /// Display name, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A livechat room: one chat of a visitor (and of the Contact Center contact it belongs to).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Room {
    /// 17 characters, as Meteor's ids.
    #[serde(rename = "_id")]
    pub id: String,
    /// The visitor's name when the chat started.
    pub fname: String,
    /// When it started.
    pub ts: String,
    /// The legacy visitor whose chat it is.
    pub visitor_id: String,
    /// The Contact Center contact it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// The agent who served it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub served_by: Option<Someone>,
    /// When it was closed (none: still open, never listed in a history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// `user` (an agent closed it) or `visitor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closer: Option<String>,
    /// Who closed it, when it was not the agent who served it (a colleague who blocked its
    /// channel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<Someone>,
    /// Its tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Where it came in.
    pub source: Source,
}

/// One message of a room.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Message {
    /// 17 characters.
    #[serde(rename = "_id")]
    pub id: String,
    /// The room's id.
    pub rid: String,
    /// The raw text typed (the closing comment of a `livechat-close`).
    pub msg: String,
    /// When it was sent.
    pub ts: String,
    /// Who sent it.
    pub u: Someone,
    /// A system message's type (`livechat-close`, `uj`, …); none for an ordinary message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<String>,
    /// A visitor's message carries the visitor's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// A file sent: `{_id, name, type, size}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Value>,
}

impl Message {
    /// The message as `livechat/:rid/messages` gives it, a file with its attachment.
    pub fn to_json(&self) -> Value {
        let mut record = serde_json::to_value(self).expect("a message serializes");
        if let Some(file) = &self.file {
            let name = file["name"].as_str().unwrap_or_default();
            record["attachments"] = json!([{
                "title": name,
                "title_link": format!("/file-upload/{}/{name}", file["_id"].as_str().unwrap_or_default()),
                "type": "file",
            }]);
        }
        record
    }
}

/// A Contact Center contact's channel: how it reached the contact, blocked or verified.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Channel {
    /// The contact's id.
    pub contact_id: String,
    /// The channel's name (its source type, or the app's id).
    pub name: String,
    /// The visitor it came through.
    pub visitor_id: String,
    /// Whether the channel is blocked.
    pub blocked: bool,
    /// Whether the contact was verified through it.
    pub verified: bool,
    /// Where it came in.
    pub details: Source,
    /// The field verified (`email`, `phone`), its value and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_by: Option<(String, String, String)>,
}

impl Room {
    /// The room as `contacts.history` lists it, with its closing message as `lastMessage` (and
    /// `closingMessage` for `visitors.searchChats`): only the keys that are set.
    pub fn to_json(&self, visitor: &Value, messages: &[&Message], closing_key: &str) -> Value {
        let mut record = Map::new();
        record.insert("_id".into(), json!(self.id));
        record.insert("fname".into(), json!(self.fname));
        record.insert("ts".into(), json!(self.ts));
        record.insert("v".into(), visitor.clone());
        record.insert(
            "msgs".into(),
            json!(messages.iter().filter(|m| m.t.is_none()).count()),
        );
        if let Some(agent) = &self.served_by {
            record.insert(
                "servedBy".into(),
                json!({"_id": agent.id, "username": agent.username, "ts": self.ts}),
            );
        }
        if let Some(closed) = &self.closed_at {
            record.insert("closedAt".into(), json!(closed));
            let by = self.closed_by.as_ref().or(self.served_by.as_ref());
            if let (Some(agent), Some("user")) = (by, self.closer.as_deref()) {
                record.insert(
                    "closedBy".into(),
                    json!({"_id": agent.id, "username": agent.username}),
                );
            }
        }
        if let Some(closer) = &self.closer {
            record.insert("closer".into(), json!(closer));
        }
        if !self.tags.is_empty() {
            record.insert("tags".into(), json!(self.tags));
        }
        record.insert("source".into(), serde_json::to_value(&self.source).unwrap());
        let closing = messages
            .iter()
            .rev()
            .find(|m| m.t.as_deref() == Some("livechat-close"));
        if let Some(closing) = closing {
            record.insert(closing_key.into(), closing.to_json());
        }
        record.insert("verified".into(), json!(false));
        Value::Object(record)
    }
}

impl Channel {
    /// The channel's `visitor`, as `contacts.block` takes it back: `source.id` only when the
    /// channel has one.
    pub fn visitor(&self) -> Value {
        let mut source = json!({"type": self.details.kind});
        if let Some(id) = &self.details.id {
            source["id"] = json!(id);
        }
        json!({"visitorId": self.visitor_id, "source": source})
    }

    /// The channel as a contact's `channels` (and `contacts.channels`) list it.
    pub fn to_json(&self) -> Value {
        let mut channel = json!({
            "name": self.name,
            "visitor": self.visitor(),
            "blocked": self.blocked,
            "verified": self.verified,
            "details": self.details,
        });
        if let Some((field, value, at)) = &self.verified_by {
            channel["field"] = json!(field);
            channel["value"] = json!(value);
            channel["verifiedAt"] = json!(at);
        }
        channel
    }
}
