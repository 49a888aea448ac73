//! An answer, read once: the members that say how a request failed (whatever the status), and
//! each call's own member kept as raw text for that call's reader. One type for every answer:
//! each derived reader costs the download its own code, so the calls share this one.

use super::shapes::{read, Lenient, Member, Object};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Every answer's members that the widget reads.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// `false` on a refusal (7.x also sends it with 200 in a few places).
    #[serde(default)]
    pub success: Lenient<bool>,
    /// The server's text, or a code like `totp-required`.
    #[serde(default)]
    pub error: Lenient<String>,
    /// 6.x's text for some failures (`You must be logged in to do this.`).
    #[serde(default)]
    pub message: Lenient<String>,
    /// A code such as `error-contact-manager-not-found`.
    #[serde(default)]
    pub error_type: Lenient<String>,
    /// `{"method": "totp" | "email"}` of a two-factor answer.
    #[serde(default)]
    pub details: Lenient<Object<Details>>,
    /// A saved visitor's id, a visitor record or `null`, a Contact Center contact.
    #[serde(default)]
    pub(in crate::api::wire) contact: Member,
    /// `contacts.conflicts`' contact.
    #[serde(default)]
    pub(in crate::api::wire) result: Member,
    /// `contacts.search`'s contacts.
    #[serde(default)]
    pub(in crate::api::wire) contacts: Member,
    /// `livechat/visitors.search`'s visitors.
    #[serde(default)]
    pub(in crate::api::wire) visitors: Member,
    /// How many a search found in all (its pages together).
    #[serde(default)]
    pub(in crate::api::wire) total: Member,
    /// `POST omnichannel/contacts`'s new id.
    #[serde(default)]
    pub(in crate::api::wire) contact_id: Member,
    /// `contacts.checkExistence`'s answer.
    #[serde(default)]
    pub(in crate::api::wire) exists: Member,
    /// `GET /api/info`'s release.
    #[serde(default)]
    pub(in crate::api::wire) version: Member,
    /// A login's credentials.
    #[serde(default)]
    pub(in crate::api::wire) data: Member,
    /// `livechat/users/agent`'s agents.
    #[serde(default)]
    pub(in crate::api::wire) users: Member,
    /// `livechat/custom-fields`' definitions.
    #[serde(default)]
    pub(in crate::api::wire) custom_fields: Member,
    /// `contacts.history`'s and `visitors.searchChats`' chats.
    #[serde(default)]
    pub(in crate::api::wire) history: Member,
    /// `livechat/:rid/messages`' messages.
    #[serde(default)]
    pub(in crate::api::wire) messages: Member,
    /// `contacts.channels`' channels.
    #[serde(default)]
    pub(in crate::api::wire) channels: Member,
    /// `licenses.info`'s licence.
    #[serde(default)]
    pub(in crate::api::wire) license: Member,
    /// `me`'s global roles.
    #[serde(default)]
    pub(in crate::api::wire) roles: Member,
    /// `permissions.listAll`'s permission records.
    #[serde(default)]
    pub(in crate::api::wire) update: Member,
}

/// An error's `details`.
#[derive(Debug, Deserialize)]
pub struct Details {
    /// How a two-factor code is delivered.
    pub method: Option<String>,
}

/// What kind of JSON an answer's body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Not JSON at all (an HTML page from a proxy, say).
    NotJson,
    /// JSON, but not an object.
    Other,
    /// An object.
    Object,
}

/// Reads `body` once: its shape, and its members (all absent unless it is an object).
pub fn answer(body: &str) -> (Shape, Answer) {
    // The whole document first: a body that fails on its type before its syntax (`null\0`,
    // an unclosed `[[`) is still not JSON. Skipped, not built: no recursion however deep.
    if serde_json::from_str::<&RawValue>(body).is_err() {
        return (Shape::NotJson, Answer::default());
    }
    match read::<Object<Answer>>(body) {
        Some(object) => (Shape::Object, object.0),
        None => (Shape::Other, Answer::default()),
    }
}
