//! Every JSON shape the widget reads from Rocket.Chat or sends to it, in one place: bodies as
//! serde types, objects read member by member through [`crate::domain::json_object::JsonObject`]. Here
//! the legacy endpoint's bodies and readers, the login and the lists; an answer read once
//! (`answer`: the members that say how it failed, and each call's own member kept as text for
//! that call's reader); a contact record of either API and the search pages (`record`); the
//! Contact Center's bodies and readers (`center`); a contact's conversations (`history`); what
//! the user may do (`abilities`); and
//! what Rocket.Chat sends in more than one shape (`shapes`). Readers give `None` for a member of the wrong shape; the
//! client turns that into the one "unexpected answer" error ([`crate::api`]). The domain types
//! they fill know nothing of JSON.

use crate::domain::agents::Agent;
use crate::domain::credentials::Credentials;
use crate::domain::custom_fields::{CustomField, FieldKind};
use crate::domain::pairs;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;
use serde::{Deserialize, Serialize};
use shapes::{entries, Lenient, User};

pub mod abilities;
mod answer;
pub mod center;
pub mod history;
mod record;
pub mod shapes;

pub use answer::{answer, Answer, Details, Shape};
use record::record_in;
pub use record::{contacts_page, visitors_page, Page};

/// Writes a request body. Bodies are strings, lists and objects of strings, which cannot fail
/// to be written.
pub(crate) fn written(body: &impl Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

/// The body of `POST /api/v1/omnichannel/contact`: only the keys that have a value. Rocket.Chat
/// rejects `null` for optional keys (`Match error: Expected string, got null in field email`),
/// so absent means omitted. `custom_fields` are the record's own (`livechatData`): an update
/// that left them out would empty them, because the server replaces the record.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContactBody<'a> {
    token: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_manager: Option<Username<'a>>,
    #[serde(
        skip_serializing_if = "<[_]>::is_empty",
        serialize_with = "pairs::as_object"
    )]
    custom_fields: &'a [(String, String)],
}

/// `contactManager: {username}`, exactly: the server refuses any other key.
#[derive(Serialize)]
struct Username<'a> {
    username: &'a str,
}

/// [`ContactBody`] for `token` and `contact`, as sent.
pub fn contact_body(
    token: &str,
    contact: &ValidContact,
    custom_fields: &[(String, String)],
) -> String {
    written(&ContactBody {
        token,
        name: &contact.name,
        email: contact.email.as_deref(),
        phone: contact.phone.as_deref(),
        contact_manager: contact
            .contact_manager
            .as_deref()
            .map(|username| Username { username }),
        custom_fields,
    })
}

/// `POST /api/v1/omnichannel/contact`'s `{"contact": "<id>"}`: the saved contact's id.
pub fn saved_contact_id(answer: &Answer) -> Option<String> {
    answer.contact.read()
}

/// `GET /api/v1/omnichannel/contact` and `contact.search`: `{"contact": {...} | null}`;
/// `Some(None)` when there is no such contact. The member must be there: an answer without it
/// is not Rocket.Chat's.
pub fn contact_record(answer: &Answer) -> Option<Option<ContactRecord>> {
    match answer.contact.is_null() {
        true => Some(None),
        false => record_in(&answer.contact).map(Some),
    }
}

/// `GET /api/info`: `{"version": "7.6", ...}`, as (major, minor), e.g. (7, 6).
pub fn api_version(answer: &Answer) -> Option<(u32, u32)> {
    let version: String = answer.version.read()?;
    let mut parts = version.split('.');
    let major = parts.next()?.trim().parse().ok()?;
    let minor = parts.next().unwrap_or("0").trim().parse().ok()?;
    Some((major, minor))
}

/// `GET /api/v1/livechat/users/agent`'s `users`: the agents listed; an entry without a
/// username, or of another shape, is skipped.
pub fn agents(answer: &Answer) -> Option<Vec<Agent>> {
    let users: Vec<Lenient<User>> = answer.users.read()?;
    let agent = |u: User| {
        let username = u.username?.trim().to_owned();
        let name = u
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        (!username.is_empty()).then_some(Agent {
            id: u.id,
            username,
            name,
        })
    };
    Some(entries(users).filter_map(agent).collect())
}

/// One definition of `GET /api/v1/livechat/custom-fields`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Definition {
    #[serde(rename = "_id")]
    id: Option<String>,
    label: Option<String>,
    scope: Option<String>,
    visibility: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    required: Lenient<bool>,
    regexp: Option<String>,
    options: Option<String>,
    default_value: Option<String>,
}

fn text(value: Option<String>) -> Option<String> {
    value.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// `{"customFields": [...]}`: the fields with scope `visitor` and visibility `visible`, in the
/// server's order; a definition of another shape is skipped. Other fields stay out of the form
/// but are still kept on update (see [`crate::domain::custom_fields::to_send`]).
pub fn custom_field_definitions(answer: &Answer) -> Option<Vec<CustomField>> {
    let definitions: Vec<Lenient<Definition>> = answer.custom_fields.read()?;
    let shown = entries(definitions).filter(|f| {
        f.scope.as_deref() == Some("visitor") && f.visibility.as_deref() == Some("visible")
    });
    shown
        .map(|f| {
            let id = text(f.id)?;
            let options: Vec<String> = f
                .options
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned)
                .collect();
            let kind = if f.kind.as_deref() == Some("select") && !options.is_empty() {
                FieldKind::Select(options)
            } else {
                FieldKind::Text
            };
            Some(CustomField {
                label: text(f.label).unwrap_or_else(|| id.clone()),
                id,
                kind,
                required: f.required.0 == Some(true),
                regexp: text(f.regexp),
                default_value: text(f.default_value),
            })
        })
        .collect()
}

/// The body of `POST /api/v1/login`; `code` is the two-factor code when the server asked.
#[derive(Serialize)]
struct LoginBody<'a> {
    user: &'a str,
    password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
}

/// [`LoginBody`] with the user and the code trimmed (the password is sent as typed).
pub fn login_body(user: &str, password: &str, code: Option<&str>) -> String {
    written(&LoginBody {
        user: user.trim(),
        password,
        code: code.map(str::trim),
    })
}

/// `data` of a successful `POST /api/v1/login` (6.x and 7.x): `{userId, authToken, me}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LoginData {
    user_id: Option<String>,
    auth_token: Option<String>,
}

/// The credentials a login gave.
pub fn credentials(answer: &Answer) -> Option<Credentials> {
    let data: LoginData = answer.data.read()?;
    Credentials::new(data.user_id, data.auth_token)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the body is JSON")
    }

    fn reply(text: &str) -> Answer {
        answer(text).1
    }

    #[test]
    fn contact_body_with_every_field() {
        let contact = ValidContact {
            name: "Ada \"Countess\" Lovelace".into(),
            email: Some("ada@example.com".into()),
            phone: Some("+442079460958".into()),
            contact_manager: Some("agent.one".into()),
            ..Default::default()
        };
        assert_eq!(
            parsed(&contact_body(
                "0123456789abcdef0123456789abcdef",
                &contact,
                &[("company".into(), "ACME".into())]
            )),
            json!({
                "token": "0123456789abcdef0123456789abcdef",
                "name": "Ada \"Countess\" Lovelace",
                "email": "ada@example.com",
                "phone": "+442079460958",
                "contactManager": {"username": "agent.one"},
                "customFields": {"company": "ACME"}
            })
        );
    }

    #[test]
    fn contact_body_omits_empty_fields_and_never_sends_null() {
        let contact = ValidContact {
            name: "Ada".into(),
            email: None,
            phone: None,
            contact_manager: None,
            ..Default::default()
        };
        let text = contact_body("t", &contact, &[]);
        assert_eq!(parsed(&text), json!({"token": "t", "name": "Ada"}));
        assert!(!text.contains("null"));
    }

    #[test]
    fn reads_a_saved_contact_id() {
        let saved = reply(r#"{"contact":"c1","success":true}"#);
        assert_eq!(saved_contact_id(&saved).as_deref(), Some("c1"));
        assert_eq!(saved_contact_id(&reply(r#"{"success":true}"#)), None);
    }

    #[test]
    fn reads_a_stored_contact() {
        let r = contact_record(&reply(
            r#"{"contact":{"_id":"c1","username":"guest-1","token":"t","name":"Ada",
                "visitorEmails":[{"address":"ada@example.com"}],"phone":[{"phoneNumber":"12345"}],
                "livechatData":{"company":"ACME","tier":"Gold"},"contactManager":{"username":"agent.two"},
                "ts":"2026-11-25T17:00:00.000Z","_updatedAt":"2026-11-25T17:00:00.000Z"},"success":true}"#,
        ))
        .unwrap()
        .unwrap();
        assert_eq!(r.id, "c1");
        assert_eq!(r.token.as_deref(), Some("t"));
        assert_eq!(r.email.as_deref(), Some("ada@example.com"));
        assert_eq!(r.phone.as_deref(), Some("12345"));
        assert_eq!(r.contact_manager.as_deref(), Some("agent.two"));
        assert_eq!(
            r.custom_fields,
            [
                ("company".into(), "ACME".into()),
                ("tier".into(), "Gold".into())
            ]
        );
        let none = reply(r#"{"contact":null,"success":true}"#);
        assert_eq!(contact_record(&none), Some(None));
        assert_eq!(
            contact_record(&reply(r#"{"contact":[],"success":true}"#)),
            None
        );
        assert_eq!(
            contact_record(&reply(r#"{"contact":{},"success":true}"#)),
            None
        );
    }

    #[test]
    fn reads_the_agent_list() {
        let list = agents(&reply(
            r#"{"users":[{"_id":"a1","username":"agent.one","name":"Agent One","status":"online"},
                {"_id":"a2","username":"agent.two","name":""},{"_id":"x","name":"No username"}],
                "count":3,"offset":0,"total":3,"success":true}"#,
        ))
        .unwrap();
        assert_eq!(list.len(), 2, "an entry without a username is skipped");
        assert_eq!(list[0].label(), "Agent One (agent.one)");
        assert_eq!(list[1].label(), "agent.two");
        assert_eq!(agents(&reply(r#"{"success":true}"#)), None);
    }

    #[test]
    fn reads_visible_visitor_custom_fields_only() {
        let fields = custom_field_definitions(&reply(
            r#"{"customFields":[
              {"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":true,"regexp":"","options":"","defaultValue":""},
              {"_id":"customerId","label":"Customer ID","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"^[A-Z]{2}-[0-9]{4}$"},
              {"_id":"tier","label":"Tier","scope":"visitor","visibility":"visible","type":"select","required":false,"options":"Bronze, Silver,Gold","defaultValue":"Bronze"},
              {"_id":"internalNote","label":"Internal note","scope":"visitor","visibility":"hidden","type":"input"},
              {"_id":"roomTopic","label":"Topic","scope":"room","visibility":"visible","type":"input"}
            ],"count":5,"offset":0,"total":5,"success":true}"#,
        ))
        .unwrap();
        let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["company", "customerId", "tier"]);
        assert!(fields[0].required && fields[0].regexp.is_none());
        assert_eq!(fields[1].regexp.as_deref(), Some("^[A-Z]{2}-[0-9]{4}$"));
        assert_eq!(
            fields[2].kind,
            FieldKind::Select(vec!["Bronze".into(), "Silver".into(), "Gold".into()])
        );
        assert_eq!(fields[2].default_value.as_deref(), Some("Bronze"));
        let odd = reply(r#"{"customFields":{},"success":true}"#);
        assert_eq!(custom_field_definitions(&odd), None);
    }

    #[test]
    fn reads_a_login_answer_of_any_version() {
        let v7 = r#"{"status":"success","data":{"userId":"u1","authToken":"t1","me":{"username":"agent"}},"success":true}"#;
        let v6 = r#"{"status":"success","data":{"userId":"u1","authToken":"t1"}}"#;
        for body in [v7, v6] {
            let c = credentials(&reply(body)).unwrap();
            assert_eq!((c.user_id.as_str(), c.auth_token.as_str()), ("u1", "t1"));
        }
        assert_eq!(
            credentials(&reply(r#"{"status":"success","data":{}}"#)),
            None
        );
    }

    #[test]
    fn login_body_adds_the_code_only_when_asked() {
        let plain = parsed(&login_body(" agent ", " pw ", None));
        assert_eq!(plain, json!({"user": "agent", "password": " pw "}));
        let with_code = parsed(&login_body("agent", "pw", Some(" 123456 ")));
        assert_eq!(with_code["code"], "123456");
    }
}
