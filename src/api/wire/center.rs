//! The JSON shapes of Rocket.Chat 7.1+'s Contact Center routes (`omnichannel/contacts*`).
//! A contact there has several emails and phones: the form edits the first of each and sends
//! the others back unchanged.

use super::shapes::{entries, read, FieldValues, Lenient, ManagerRef, Object};
use super::{listed, written, Entries};
use crate::domain::pairs;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;
use serde::{Deserialize, Serialize};

/// One contact record (`contacts.get`'s `contact`, an entry of `contacts.search`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Contact {
    #[serde(rename = "_id")]
    id: String,
    name: Option<String>,
    emails: Entries,
    phones: Entries,
    contact_manager: Option<ManagerRef>,
    #[serde(default)]
    custom_fields: FieldValues,
    created_at: Option<String>,
}

impl From<Contact> for ContactRecord {
    fn from(c: Contact) -> Self {
        let mut emails = listed(c.emails);
        let mut phones = listed(c.phones);
        let manager = c.contact_manager.unwrap_or_default();
        ContactRecord {
            id: c.id,
            token: None,
            name: c.name.unwrap_or_default(),
            email: emails.next(),
            phone: phones.next(),
            // A manager sent as a user object names its username; an id is looked up.
            contact_manager: manager.username,
            custom_fields: c.custom_fields.0,
            other_emails: emails.collect(),
            other_phones: phones.collect(),
            manager_id: manager.id,
            created_at: c.created_at,
        }
    }
}

/// `contacts.get`: `{"contact": {...}}`.
#[derive(Deserialize)]
struct Got {
    contact: Contact,
}

/// The contact `contacts.get` gave.
pub fn got(body: &str) -> Option<ContactRecord> {
    read::<Object<Got>>(body).map(|g| g.0.contact.into())
}

/// `contacts.search`: `{"contacts": [...], "count", "offset", "total"}`.
#[derive(Deserialize)]
struct Found {
    contacts: Vec<Lenient<Contact>>,
}

/// The contacts a search found; entries of another shape are skipped.
pub fn found(body: &str) -> Option<Vec<ContactRecord>> {
    let found = read::<Object<Found>>(body)?.0;
    Some(entries(found.contacts).map(ContactRecord::from).collect())
}

/// `contacts.checkExistence`: `{"exists": bool}`.
#[derive(Deserialize)]
struct Exists {
    exists: bool,
}

/// Whether the value exists.
pub fn exists(body: &str) -> Option<bool> {
    read::<Object<Exists>>(body).map(|e| e.0.exists)
}

/// `POST omnichannel/contacts`: `{"contactId": "..."}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    contact_id: String,
}

/// The new contact's id.
pub fn created_id(body: &str) -> Option<String> {
    read::<Object<Created>>(body).map(|c| c.0.contact_id)
}

/// `POST omnichannel/contacts.update`: `{"contact": {"_id": ...}}`.
#[derive(Deserialize)]
struct Updated {
    contact: UpdatedContact,
}

#[derive(Deserialize)]
struct UpdatedContact {
    #[serde(rename = "_id")]
    id: String,
}

/// The updated contact's id.
pub fn updated_id(body: &str) -> Option<String> {
    read::<Object<Updated>>(body).map(|u| u.0.contact.id)
}

/// The first value (the form's) followed by the others, without repeating it: the server
/// refuses duplicate items.
fn list<'a>(first: Option<&'a str>, others: &'a [String]) -> Vec<&'a str> {
    first
        .into_iter()
        .chain(
            others
                .iter()
                .map(String::as_str)
                .filter(|o| Some(*o) != first),
        )
        .collect()
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

/// `POST omnichannel/contacts` (no `contactId`) and `contacts.update`, as sent.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Sent<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_id: Option<&'a str>,
    name: &'a str,
    emails: Vec<&'a str>,
    phones: Vec<&'a str>,
    #[serde(serialize_with = "pairs::as_object")]
    custom_fields: &'a [(String, String)],
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_manager: Option<&'a str>,
}

impl Body<'_> {
    fn sent(&self, contact_id: Option<&str>) -> String {
        let (other_emails, other_phones) = match self.record {
            Some(r) => (r.other_emails.as_slice(), r.other_phones.as_slice()),
            None => (&[][..], &[][..]),
        };
        written(&Sent {
            contact_id,
            name: &self.contact.name,
            emails: list(self.contact.email.as_deref(), other_emails),
            phones: list(self.contact.phone.as_deref(), other_phones),
            custom_fields: self.custom,
            contact_manager: self.manager_id,
        })
    }

    /// `POST omnichannel/contacts`.
    pub fn create(&self) -> String {
        self.sent(None)
    }

    /// `POST omnichannel/contacts.update` of contact `id`.
    pub fn update(&self, id: &str) -> String {
        self.sent(Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn reply(text: &str) -> &str {
        text
    }

    #[test]
    fn a_record_with_several_emails_and_phones() {
        let r = got(reply(
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
        assert_eq!(got(reply(r#"{"contact":null}"#)), None);
        assert_eq!(
            found(reply(r#"{"contacts":[{"_id":"a"},{"x":1}]}"#))
                .unwrap()
                .len(),
            1
        );
        assert_eq!(exists(reply(r#"{"exists":true}"#)), Some(true));
        assert_eq!(
            created_id(reply(r#"{"contactId":"c9"}"#)).as_deref(),
            Some("c9")
        );
        assert_eq!(
            updated_id(reply(r#"{"contact":{"_id":"c9"}}"#)).as_deref(),
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
