//! The JSON shapes of Rocket.Chat 7.1+'s Contact Center routes (`omnichannel/contacts*`).
//! A contact there has several emails and phones: the form edits the first of each and sends
//! the others back unchanged.

use super::{values, values_object};
use crate::domain::json::Json;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;

fn texts(json: &Json, list: &str, key: &str) -> Vec<String> {
    match json.get(list) {
        Some(Json::Array(items)) => items
            .iter()
            .filter_map(|i| i.str_at(key).map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

/// One contact record (`contacts.get`'s `contact`, an entry of `contacts.search`).
pub fn record(contact: &Json) -> Option<ContactRecord> {
    let id = contact.str_at("_id")?;
    let mut emails = texts(contact, "emails", "address").into_iter();
    let mut phones = texts(contact, "phones", "phoneNumber").into_iter();
    Some(ContactRecord {
        id: id.to_owned(),
        token: None,
        name: contact.str_at("name").unwrap_or_default().to_owned(),
        email: emails.next(),
        phone: phones.next(),
        contact_manager: None,
        custom_fields: values(contact.get("customFields")),
        other_emails: emails.collect(),
        other_phones: phones.collect(),
        manager_id: contact
            .str_at("contactManager")
            .filter(|m| !m.is_empty())
            .map(str::to_owned),
        created_at: contact.str_at("createdAt").map(str::to_owned),
    })
}

/// `contacts.get`: `{"contact": {...}}`.
pub fn got(reply: &Json) -> Option<ContactRecord> {
    record(reply.get("contact")?)
}

/// `contacts.search`: `{"contacts": [...], "total": n}`; entries of the wrong shape are skipped.
pub fn found(reply: &Json) -> Option<Vec<ContactRecord>> {
    let Json::Array(items) = reply.get("contacts")? else {
        return None;
    };
    Some(items.iter().filter_map(record).collect())
}

/// `contacts.checkExistence`: `{"exists": bool}`.
pub fn exists(reply: &Json) -> Option<bool> {
    reply.bool_at("exists")
}

/// `POST omnichannel/contacts`: `{"contactId": "..."}`.
pub fn created_id(reply: &Json) -> Option<String> {
    reply.str_at("contactId").map(str::to_owned)
}

/// `POST omnichannel/contacts.update`: `{"contact": {"_id": ...}}`.
pub fn updated_id(reply: &Json) -> Option<String> {
    reply.get("contact")?.str_at("_id").map(str::to_owned)
}

/// The first value (the form's) followed by the others, without repeating it: the server
/// refuses duplicate items.
fn list(first: Option<&str>, others: &[String]) -> Json {
    let items = first
        .into_iter()
        .map(str::to_owned)
        .chain(others.iter().filter(|o| Some(o.as_str()) != first).cloned())
        .map(Json::str)
        .collect();
    Json::Array(items)
}

/// What a save sends: the contact, the others of the stored record, the custom fields, and the
/// manager's user id (`Some("")` clears it; `None` leaves it out, and so unchanged).
pub struct Body<'a> {
    /// The validated contact.
    pub contact: &'a ValidContact,
    /// The stored record, on update.
    pub record: Option<&'a ContactRecord>,
    /// Every shown custom field's value.
    pub custom: &'a [(String, String)],
    /// The manager's user id.
    pub manager_id: Option<&'a str>,
}

impl Body<'_> {
    fn members(&self) -> Vec<(&'static str, Option<Json>)> {
        let (other_emails, other_phones) = match self.record {
            Some(r) => (r.other_emails.as_slice(), r.other_phones.as_slice()),
            None => (&[][..], &[][..]),
        };
        vec![
            ("name", Some(Json::str(&self.contact.name))),
            (
                "emails",
                Some(list(self.contact.email.as_deref(), other_emails)),
            ),
            (
                "phones",
                Some(list(self.contact.phone.as_deref(), other_phones)),
            ),
            ("customFields", Some(values_object(self.custom))),
            ("contactManager", self.manager_id.map(Json::str)),
        ]
    }

    /// `POST omnichannel/contacts`.
    pub fn create(&self) -> String {
        Json::object(self.members()).to_string()
    }

    /// `POST omnichannel/contacts.update` of contact `id`.
    pub fn update(&self, id: &str) -> String {
        let mut members = vec![("contactId", Some(Json::str(id)))];
        members.extend(self.members());
        Json::object(members).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn reply(text: &str) -> Json {
        Json::parse(text).expect("JSON")
    }

    #[test]
    fn a_record_with_several_emails_and_phones() {
        let r = got(&reply(
            r#"{"contact":{"_id":"c1","name":"Ada","emails":[{"address":"a@x.co"},{"address":"b@x.co"}],
               "phones":[{"phoneNumber":"+4930123456"}],"contactManager":"agentOne000000001",
               "customFields":{"company":"ACME"},"createdAt":"2026-11-26T01:00:00.000Z"},"success":true}"#,
        ))
        .unwrap();
        assert_eq!(r.email.as_deref(), Some("a@x.co"));
        assert_eq!(r.other_emails, ["b@x.co"]);
        assert_eq!(r.phone.as_deref(), Some("+4930123456"));
        assert!(r.other_phones.is_empty());
        assert_eq!(r.manager_id.as_deref(), Some("agentOne000000001"));
        assert_eq!(r.contact_manager, None, "a username only once looked up");
        assert_eq!(r.custom_fields, [("company".to_owned(), "ACME".to_owned())]);
        assert_eq!(r.created_at.as_deref(), Some("2026-11-26T01:00:00.000Z"));
        assert_eq!(got(&reply(r#"{"contact":null}"#)), None);
        assert_eq!(
            found(&reply(r#"{"contacts":[{"_id":"a"},{"x":1}]}"#))
                .unwrap()
                .len(),
            1
        );
        assert_eq!(exists(&reply(r#"{"exists":true}"#)), Some(true));
        assert_eq!(
            created_id(&reply(r#"{"contactId":"c9"}"#)).as_deref(),
            Some("c9")
        );
        assert_eq!(
            updated_id(&reply(r#"{"contact":{"_id":"c9"}}"#)).as_deref(),
            Some("c9")
        );
    }

    #[test]
    fn an_update_edits_the_first_email_and_phone_and_sends_the_others_back() {
        let contact = ValidContact {
            name: "Ada".into(),
            email: Some("new@x.co".into()),
            phone: None,
            contact_manager: Some("agent.one".into()),
        };
        let record = ContactRecord {
            email: Some("a@x.co".into()),
            other_emails: vec!["b@x.co".into(), "new@x.co".into()],
            other_phones: vec!["+4930999999".into()],
            ..ContactRecord::default()
        };
        let custom = [("company".to_owned(), "ACME".to_owned())];
        let body = Body {
            contact: &contact,
            record: Some(&record),
            custom: &custom,
            manager_id: Some("agentOne000000001"),
        };
        let sent: Value = serde_json::from_str(&body.update("c1")).unwrap();
        assert_eq!(
            sent,
            json!({"contactId": "c1", "name": "Ada", "emails": ["new@x.co", "b@x.co"],
                   "phones": ["+4930999999"], "customFields": {"company": "ACME"},
                   "contactManager": "agentOne000000001"})
        );
        let new = Body {
            record: None,
            manager_id: None,
            ..body
        };
        let created: Value = serde_json::from_str(&new.create()).unwrap();
        assert_eq!(
            created,
            json!({"name": "Ada", "emails": ["new@x.co"], "phones": [], "customFields": {"company": "ACME"}})
        );
    }
}
