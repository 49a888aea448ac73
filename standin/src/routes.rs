//! The stand-in's API, one route each: its method and path, the first release with it, the
//! roles that hold its permission, the shape of its input and the order of the checks, as
//! `docs/rocket-chat.md` says them. The router is built from this table (`server.rs`), and every
//! handler enters through its route ([`admit`](crate::route::admit)) but four: `login` and
//! `/api/info` need no sign-in, `logout` and `me` no permission.

use crate::contacts_check as schema;
use crate::http::CONTACT_ROLES;
use crate::meteor_check as meteor;
use crate::model::{Version, VIEW_L_ROOM_ROLES};
use crate::route::{Order, Route, Shape};

/// Roles with `transfer-livechat-guest` or `edit-omnichannel-contact`, which the agent list
/// needs: in a default Rocket.Chat, the same roles that hold `view-l-room`.
const AGENT_LIST_ROLES: [&str; 4] = VIEW_L_ROOM_ROLES;

/// The roles that hold `delete-livechat-contact` in a default Rocket.Chat: not agents.
const DELETE_ROLES: [&str; 2] = ["admin", "livechat-manager"];

/// A route every release has, checked permission first, reading its input itself.
const fn legacy(key: &'static str, roles: &'static [&'static str]) -> Route {
    Route {
        key,
        since: None,
        roles,
        shape: Shape::Own,
        order: Order::PermissionFirst,
    }
}

/// A Contact Center route from `since`, permission first, its input checked by `schema`.
const fn center(key: &'static str, since: Version, checked: &'static schema::Schema) -> Route {
    Route {
        key,
        since: Some(since),
        roles: &CONTACT_ROLES,
        shape: Shape::Schema(checked),
        order: Order::PermissionFirst,
    }
}

/// A conversation route: parameters before the permission on 7.x, after it on 8.x.
const fn conversations(
    key: &'static str,
    since: Option<Version>,
    roles: &'static [&'static str],
    checked: &'static schema::Schema,
) -> Route {
    Route {
        key,
        since,
        roles,
        shape: Shape::Schema(checked),
        order: Order::ByRelease,
    }
}

/// `POST /api/v1/login` (no sign-in).
pub const LOGIN: Route = legacy("POST /api/v1/login", &[]);
/// `POST /api/v1/logout` (signed in).
pub const LOGOUT: Route = legacy("POST /api/v1/logout", &[]);
/// `GET /api/v1/me` (signed in).
pub const ME: Route = legacy("GET /api/v1/me", &[]);
/// `GET /api/info` (no sign-in).
pub const INFO: Route = legacy("GET /api/info", &[]);

/// The legacy endpoint's save.
pub const CONTACT_SAVE: Route = Route {
    shape: Shape::Meteor(&meteor::CONTACT_BODY),
    ..legacy("POST /api/v1/omnichannel/contact", &CONTACT_ROLES)
};
/// The legacy endpoint's read by id.
pub const CONTACT_GET: Route = Route {
    shape: Shape::Meteor(&meteor::CONTACT_QUERY),
    ..legacy("GET /api/v1/omnichannel/contact", &CONTACT_ROLES)
};
/// The legacy endpoint's search by email, phone or custom field.
pub const CONTACT_SEARCH: Route = Route {
    shape: Shape::Meteor(&meteor::SEARCH_QUERY),
    ..legacy("GET /api/v1/omnichannel/contact.search", &CONTACT_ROLES)
};
/// The custom field definitions.
pub const CUSTOM_FIELDS: Route = legacy("GET /api/v1/livechat/custom-fields", &CONTACT_ROLES);
/// The agents.
pub const AGENTS: Route = legacy("GET /api/v1/livechat/users/agent", &AGENT_LIST_ROLES);
/// The legacy visitors' search (`term` required, checked by the handler).
pub const VISITORS_SEARCH: Route = legacy("GET /api/v1/livechat/visitors.search", &CONTACT_ROLES);

/// The Contact Center's create.
pub const CONTACTS_CREATE: Route = center(
    "POST /api/v1/omnichannel/contacts",
    Version::CONTACTS,
    &schema::CREATE,
);
/// The Contact Center's update.
pub const CONTACTS_UPDATE: Route = center(
    "POST /api/v1/omnichannel/contacts.update",
    Version::CONTACTS,
    &schema::UPDATE,
);
/// The Contact Center's read by id.
pub const CONTACTS_GET: Route = center(
    "GET /api/v1/omnichannel/contacts.get",
    Version::CONTACTS,
    &schema::GET,
);
/// The Contact Center's search: its query checked before the permission on 7.x, after it on
/// 8.x (`docs/rocket-chat.md`).
pub const CONTACTS_SEARCH: Route = conversations(
    "GET /api/v1/omnichannel/contacts.search",
    Some(Version::CONTACTS),
    &CONTACT_ROLES,
    &schema::SEARCH,
);
/// Whether an email, phone or id is a contact's (`oneOf`, checked by the handler).
pub const CONTACTS_CHECK_EXISTENCE: Route = Route {
    since: Some(Version::CHECK_EXISTENCE),
    ..legacy(
        "GET /api/v1/omnichannel/contacts.checkExistence",
        &CONTACT_ROLES,
    )
};
/// Resolving a contact's conflicting values.
pub const CONTACTS_CONFLICTS: Route = center(
    "POST /api/v1/omnichannel/contacts.conflicts",
    Version::CONFLICTS,
    &schema::CONFLICTS,
);
/// Deleting a contact (`delete-livechat-contact`: not agents).
pub const CONTACTS_DELETE: Route = Route {
    roles: &DELETE_ROLES,
    ..center(
        "POST /api/v1/omnichannel/contacts.delete",
        Version::DELETE,
        &schema::DELETE,
    )
};

/// Blocking a contact's channel (the licence, then `block-livechat-contact`; its checks in
/// each release's order are the handler's).
pub const CONTACTS_BLOCK: Route = Route {
    since: Some(Version::CONTACTS),
    ..legacy("POST /api/v1/omnichannel/contacts.block", &CONTACT_ROLES)
};
/// Unblocking it (`unblock-livechat-contact`).
pub const CONTACTS_UNBLOCK: Route = Route {
    since: Some(Version::CONTACTS),
    ..legacy("POST /api/v1/omnichannel/contacts.unblock", &CONTACT_ROLES)
};
/// The licence's active modules (signed in; no permission).
pub const LICENSES_INFO: Route = legacy("GET /api/v1/licenses.info", &[]);
/// Every permission record with its roles (signed in; no permission).
pub const PERMISSIONS: Route = legacy("GET /api/v1/permissions.listAll", &[]);

/// A contact's past conversations.
pub const CONTACTS_HISTORY: Route = conversations(
    "GET /api/v1/omnichannel/contacts.history",
    Some(Version::CONTACTS),
    &VIEW_L_ROOM_ROLES,
    &schema::HISTORY,
);
/// A contact's channels.
pub const CONTACTS_CHANNELS: Route = conversations(
    "GET /api/v1/omnichannel/contacts.channels",
    Some(Version::CONTACTS),
    &CONTACT_ROLES,
    &schema::CHANNELS,
);
/// A room's messages.
pub const ROOM_MESSAGES: Route = conversations(
    "GET /api/v1/livechat/{rid}/messages",
    None,
    &VIEW_L_ROOM_ROLES,
    &schema::MESSAGES,
);
/// A visitor's past chats (every release; its filters read by the handler).
pub const VISITOR_CHATS: Route = legacy(
    "GET /api/v1/livechat/visitors.searchChats/room/{rid}/visitor/{vid}",
    &VIEW_L_ROOM_ROLES,
);
