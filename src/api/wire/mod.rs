//! Every JSON shape the widget reads from Rocket.Chat or sends to it, in one place. Readers
//! give `None` for an answer of the wrong shape; the client turns that into the one
//! "unexpected answer" error ([`crate::api`]). The domain types they fill know nothing of JSON.

use crate::domain::agents::Agent;
use crate::domain::credentials::Credentials;
use crate::domain::custom_fields::{CustomField, FieldKind};
use crate::domain::json::Json;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;

pub mod center;

/// The body of `POST /api/v1/omnichannel/contact`: only the keys that have a value. Rocket.Chat
/// rejects `null` for optional keys (`Match error: Expected string, got null in field email`),
/// so absent means omitted. `custom_fields` are the record's own (`livechatData`): an update
/// that left them out would empty them, because the server replaces the record.
pub fn contact_body(
    token: &str,
    contact: &ValidContact,
    custom_fields: &[(String, String)],
) -> String {
    let manager = contact
        .contact_manager
        .as_ref()
        .map(|u| Json::object([("username", Some(Json::str(u)))]));
    let custom = (!custom_fields.is_empty()).then(|| values_object(custom_fields));
    Json::object([
        ("token", Some(Json::str(token))),
        ("name", Some(Json::str(&contact.name))),
        ("email", contact.email.as_deref().map(Json::str)),
        ("phone", contact.phone.as_deref().map(Json::str)),
        ("contactManager", manager),
        ("customFields", custom),
    ])
    .to_string()
}

/// The contact id in `POST /api/v1/omnichannel/contact`'s `{"contact": "<id>"}`.
pub fn saved_contact_id(reply: &Json) -> Option<String> {
    reply.str_at("contact").map(str::to_owned)
}

pub(crate) fn first<'a>(json: &'a Json, list: &str, key: &str) -> Option<&'a str> {
    match json.get(list) {
        Some(Json::Array(items)) => items.first().and_then(|i| i.str_at(key)),
        _ => None,
    }
}

/// `GET /api/v1/omnichannel/contact` and `contact.search`: `{"contact": {...} | null}`;
/// `Some(None)` when there is no such contact.
pub fn contact_record(reply: &Json) -> Option<Option<ContactRecord>> {
    let contact = match reply.get("contact")? {
        Json::Null => return Some(None),
        c @ Json::Object(_) => c,
        _ => return None,
    };
    let id = contact.str_at("_id")?;
    let custom_fields = values(contact.get("livechatData"));
    Some(Some(ContactRecord {
        id: id.to_owned(),
        token: contact.str_at("token").map(str::to_owned),
        name: contact.str_at("name").unwrap_or_default().to_owned(),
        email: first(contact, "visitorEmails", "address").map(str::to_owned),
        phone: first(contact, "phone", "phoneNumber").map(str::to_owned),
        contact_manager: contact
            .get("contactManager")
            .and_then(|m| m.str_at("username"))
            .map(str::to_owned),
        custom_fields,
        ..ContactRecord::default()
    }))
}

/// Custom field values of a record (`livechatData`, `customFields`) as text, by field id.
pub(crate) fn values(object: Option<&Json>) -> Vec<(String, String)> {
    match object {
        Some(Json::Object(members)) => members
            .iter()
            .map(|(k, v)| {
                let text = match v {
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (k.clone(), text)
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The custom fields to send, as a JSON object.
pub(crate) fn values_object(values: &[(String, String)]) -> Json {
    Json::Object(
        values
            .iter()
            .map(|(k, v)| (k.clone(), Json::str(v)))
            .collect(),
    )
}

/// `GET /api/info`: the release as (major, minor), e.g. `{"version": "7.6"}` → (7, 6).
pub fn api_version(reply: &Json) -> Option<(u32, u32)> {
    let mut parts = reply.str_at("version")?.split('.');
    let major = parts.next()?.trim().parse().ok()?;
    let minor = parts.next().unwrap_or("0").trim().parse().ok()?;
    Some((major, minor))
}

/// `GET /api/v1/livechat/users/agent`: `{"users": [{_id, username, name, ...}], ...}`; an entry
/// without a username is skipped.
pub fn agents(reply: &Json) -> Option<Vec<Agent>> {
    let Json::Array(users) = reply.get("users")? else {
        return None;
    };
    Some(
        users
            .iter()
            .filter_map(|u| {
                let username = u.str_at("username")?.trim();
                let name = u.str_at("name").map(str::trim).filter(|n| !n.is_empty());
                (!username.is_empty()).then(|| Agent {
                    id: u.str_at("_id").map(str::to_owned),
                    username: username.to_owned(),
                    name: name.map(str::to_owned),
                })
            })
            .collect(),
    )
}

fn text(json: &Json, key: &str) -> Option<String> {
    json.str_at(key)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// `GET /api/v1/livechat/custom-fields`: the fields with scope `visitor` and visibility
/// `visible`, in the server's order. Other fields stay out of the form but are still kept on
/// update (see [`crate::domain::custom_fields::to_send`]).
pub fn custom_field_definitions(reply: &Json) -> Option<Vec<CustomField>> {
    let Json::Array(items) = reply.get("customFields")? else {
        return None;
    };
    let shown = items.iter().filter(|f| {
        f.str_at("scope") == Some("visitor") && f.str_at("visibility") == Some("visible")
    });
    shown
        .map(|f| {
            let id = text(f, "_id")?;
            let options: Vec<String> = f
                .str_at("options")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned)
                .collect();
            let kind = if f.str_at("type") == Some("select") && !options.is_empty() {
                FieldKind::Select(options)
            } else {
                FieldKind::Text
            };
            Some(CustomField {
                label: text(f, "label").unwrap_or_else(|| id.clone()),
                id,
                kind,
                required: f.bool_at("required") == Some(true),
                regexp: text(f, "regexp"),
                default_value: text(f, "defaultValue"),
            })
        })
        .collect()
}

/// The body of `POST /api/v1/login`; `code` is the two-factor code when the server asked for one.
pub fn login_body(user: &str, password: &str, code: Option<&str>) -> String {
    Json::object([
        ("user", Some(Json::str(user.trim()))),
        ("password", Some(Json::str(password))),
        ("code", code.map(|c| Json::str(c.trim()))),
    ])
    .to_string()
}

/// `data.userId` and `data.authToken` of a successful `POST /api/v1/login` (6.x and 7.x).
pub fn credentials(reply: &Json) -> Option<Credentials> {
    let data = reply.get("data");
    let field = |k: &str| data.and_then(|d| d.str_at(k)).map(str::to_owned);
    Credentials::new(field("userId"), field("authToken"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the body is JSON")
    }

    fn reply(text: &str) -> Json {
        Json::parse(text).expect("JSON")
    }

    #[test]
    fn contact_body_with_every_field() {
        let contact = ValidContact {
            name: "Ada \"Countess\" Lovelace".into(),
            email: Some("ada@example.com".into()),
            phone: Some("+442079460958".into()),
            contact_manager: Some("agent.one".into()),
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
