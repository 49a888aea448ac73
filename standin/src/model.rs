//! The stand-in's data: users with their login tokens, visitors (contacts), custom fields.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Roles that carry `view-l-room` in a default Rocket.Chat.
pub const VIEW_L_ROOM_ROLES: [&str; 4] = [
    "admin",
    "livechat-manager",
    "livechat-monitor",
    "livechat-agent",
];
/// Roles that carry `api-bypass-rate-limit`.
pub const BYPASS_RATE_LIMIT_ROLES: [&str; 3] = ["admin", "bot", "app"];

/// A Rocket.Chat user.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct User {
    /// Meteor-style id (17 characters).
    #[serde(rename = "_id")]
    pub id: String,
    /// Login name.
    pub username: String,
    /// Display name.
    pub name: String,
    /// Email address (login works with it too).
    pub email: String,
    /// Password in clear: this is a test double, never a real server.
    pub password: String,
    /// Roles, e.g. `livechat-agent`.
    pub roles: Vec<String>,
    /// A fixed TOTP code, for the two-factor user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_code: Option<String>,
    /// Login tokens and personal access tokens that authenticate as this user.
    #[serde(default)]
    pub tokens: Vec<String>,
}

impl User {
    /// Whether the user holds any of `roles`.
    pub fn has_any_role(&self, roles: &[&str]) -> bool {
        self.roles.iter().any(|r| roles.contains(&r.as_str()))
    }

    /// The public view of the user (`/me`, login's `data.me`, agent lists).
    pub fn public(&self) -> Value {
        json!({
            "_id": self.id,
            "username": self.username,
            "name": self.name,
            "emails": [{"address": self.email, "verified": true}],
            "roles": self.roles,
            "status": "online",
            "active": true,
        })
    }
}

/// A livechat visitor: what the contact endpoint creates and updates.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Visitor {
    /// 24 hex characters.
    #[serde(rename = "_id")]
    pub id: String,
    /// `guest-N` unless given at creation.
    pub username: String,
    /// The contact token: the key of every update.
    pub token: String,
    /// Name as sent.
    pub name: String,
    /// Trimmed, lower-cased address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone exactly as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Custom field values by field id.
    #[serde(default)]
    pub livechat_data: Map<String, Value>,
    /// The visitor's newest chat: `{_id, ts}` (none: the visitor never chatted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_chat: Option<Value>,
    /// Username of the agent who manages the contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_manager: Option<String>,
    /// Creation time (RFC 3339).
    pub ts: String,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

impl Visitor {
    /// The record as `GET /api/v1/omnichannel/contact` returns it.
    pub fn to_json(&self) -> Value {
        let mut record = json!({
            "_id": self.id,
            "username": self.username,
            "token": self.token,
            "name": self.name,
            "livechatData": self.livechat_data,
            "ts": self.ts,
            "_updatedAt": self.updated_at,
        });
        let obj = record.as_object_mut().expect("an object");
        if let Some(email) = &self.email {
            obj.insert("visitorEmails".into(), json!([{"address": email}]));
        }
        if let Some(phone) = &self.phone {
            obj.insert("phone".into(), json!([{"phoneNumber": phone}]));
        }
        if let Some(manager) = &self.contact_manager {
            obj.insert("contactManager".into(), json!({"username": manager}));
        }
        if let Some(last_chat) = &self.last_chat {
            obj.insert("lastChat".into(), last_chat.clone());
        }
        record
    }
}

/// A livechat custom field definition.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CustomField {
    /// Field id: the key in `customFields` / `livechatData`.
    #[serde(rename = "_id")]
    pub id: String,
    /// Label, used in error texts.
    pub label: String,
    /// `visitor` or `room`.
    pub scope: String,
    /// `visible` or `hidden`.
    pub visibility: String,
    /// `input` or `select`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Whether a value is required.
    pub required: bool,
    /// A JavaScript-style regular expression the value must match (empty: none).
    pub regexp: String,
    /// Comma-separated options of a select.
    pub options: String,
    /// Default value.
    #[serde(rename = "defaultValue")]
    pub default_value: String,
}

/// Everything the stand-in stores.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Data {
    /// Users, seeded at start.
    pub users: Vec<User>,
    /// Visitors (what the legacy endpoint writes).
    pub visitors: Vec<Visitor>,
    /// Contact Center contacts (what the 7.x contacts routes write).
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Custom field definitions.
    pub custom_fields: Vec<CustomField>,
    /// Livechat rooms: the contacts' chats, open and closed.
    #[serde(default)]
    pub rooms: Vec<crate::history_model::Room>,
    /// The rooms' messages.
    #[serde(default)]
    pub messages: Vec<crate::history_model::Message>,
    /// The Contact Center contacts' channels.
    #[serde(default)]
    pub channels: Vec<crate::history_model::Channel>,
    /// Last `guest-N` number handed out.
    pub guest_count: u64,
}

impl Data {
    /// Where contact `id` is in `contacts`, unless it was deleted (a deleted contact is gone
    /// for every route).
    pub fn live_contact(&self, id: &str) -> Option<usize> {
        self.contacts.iter().position(|c| c.id == id && !c.disabled)
    }

    /// The user a pair of auth headers names, if the token is one of theirs.
    pub fn user_by_token(&self, user_id: &str, token: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| u.id == user_id && u.tokens.iter().any(|t| t == token))
    }

    /// The user with this username.
    pub fn user_by_username(&self, username: &str) -> Option<&User> {
        self.users.iter().find(|u| u.username == username)
    }
}

/// A Contact Center contact (Rocket.Chat 7.1+, `livechat_contact`): kept apart from visitors.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Contact {
    /// 24 hex characters.
    #[serde(rename = "_id")]
    pub id: String,
    /// Name as sent.
    pub name: String,
    /// Addresses exactly as sent (the server neither trims nor lower-cases).
    pub emails: Vec<String>,
    /// Numbers exactly as sent.
    pub phones: Vec<String>,
    /// The managing agent's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_manager: Option<String>,
    /// Custom field values by field id.
    #[serde(default)]
    pub custom_fields: Map<String, Value>,
    /// A contact that never identified itself: searches leave it out unless asked.
    #[serde(default)]
    pub unknown: bool,
    /// Values a channel reported that differ from the stored ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicting_fields: Vec<Conflict>,
    /// Deleted (`contacts.delete`): `contacts.get` answers 404 and searches leave it out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disabled: bool,
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// Last change (RFC 3339).
    pub updated_at: String,
}

impl Contact {
    /// The record as `contacts.get` and `contacts.search` return it.
    pub fn to_json(&self) -> Value {
        let mut record = json!({
            "_id": self.id,
            "name": self.name,
            "emails": self.emails.iter().map(|a| json!({"address": a})).collect::<Vec<_>>(),
            "phones": self.phones.iter().map(|p| json!({"phoneNumber": p})).collect::<Vec<_>>(),
            "customFields": self.custom_fields,
            "channels": [],
            "unknown": self.unknown,
            "conflictingFields": self.conflicting_fields,
            "createdAt": self.created_at,
            "_updatedAt": self.updated_at,
        });
        if let Some(manager) = &self.contact_manager {
            record["contactManager"] = json!(manager);
        }
        record
    }
}

/// A value a channel reported for a contact that differs from the stored one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Conflict {
    /// `name`, `manager` (a user id) or `customFields.<key>`.
    pub field: String,
    /// The value reported.
    pub value: Value,
}

/// A Rocket.Chat release, as `--version` and `/api/info` give it (major.minor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// e.g. 7.
    pub major: u32,
    /// e.g. 6.
    pub minor: u32,
}

impl Version {
    /// The default: the newest release, with every route of both APIs.
    pub const DEFAULT: Version = Version {
        major: 7,
        minor: 12,
    };
    /// The first release with the Contact Center routes.
    pub const CONTACTS: Version = Version { major: 7, minor: 1 };
    /// The first release with `contacts.checkExistence`.
    pub const CHECK_EXISTENCE: Version = Version { major: 7, minor: 2 };
    /// The first release with `contacts.conflicts`.
    pub const CONFLICTS: Version = Version { major: 7, minor: 7 };
    /// The first release whose `contacts.update` patches: a body that sets nothing leaves the
    /// contact as it is (an unknown one stays unknown).
    pub const PATCH: Version = Version { major: 8, minor: 0 };
    /// The first release where `contactManager: ""` removes the manager (before, it is ignored).
    pub const CLEAR_MANAGER: Version = Version { major: 8, minor: 2 };
    /// The first release the stand-in has `contacts.delete` in (Rocket.Chat's newest).
    pub const DELETE: Version = Version {
        major: 7,
        minor: 12,
    };

    /// Reads `7.6` (or `7.6.1`: the patch is ignored).
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.trim().split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next().unwrap_or("0").parse().ok()?;
        Some(Version { major, minor })
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}
