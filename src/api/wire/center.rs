//! The JSON shapes of Rocket.Chat 7.1+'s Contact Center routes (`omnichannel/contacts*`).
//! A contact there has several emails and phones: the form edits the first of each and sends
//! the others back unchanged.

use super::{record_in, written, Answer};
use crate::domain::pairs;
use crate::domain::record::ContactRecord;
use crate::domain::validate::ValidContact;
use serde::Serialize;

/// `contacts.get`: `{"contact": {...}}`, the contact.
pub fn got(answer: &Answer) -> Option<ContactRecord> {
    record_in(&answer.contact)
}

/// `contacts.conflicts`: `{"result": {...}}`, the contact as resolved.
pub fn resolved(answer: &Answer) -> Option<ContactRecord> {
    record_in(&answer.result)
}

/// `contacts.conflicts`' body (7.7+; `contacts.update` takes the same keys before that):
/// the values chosen, and `wipeConflicts`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Resolve<'a> {
    /// The contact.
    pub contact_id: &'a str,
    /// The name chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// The manager chosen (a user id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_manager: Option<&'a str>,
    /// Every custom field's value, the chosen ones included (an update replaces the set).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "custom_object"
    )]
    pub custom_fields: Option<&'a [(String, String)]>,
    /// Always true: every conflict is settled by the choice.
    pub wipe_conflicts: bool,
}

fn custom_object<S: serde::Serializer>(
    values: &Option<&[(String, String)]>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    pairs::as_object(values.unwrap_or_default(), serializer)
}

impl Resolve<'_> {
    /// The body, as sent.
    pub fn body(&self) -> String {
        written(self)
    }
}

/// `contacts.search`: the contacts found; entries of another shape are skipped.
pub fn found(answer: &Answer) -> Option<Vec<ContactRecord>> {
    super::contacts_page(answer).map(|p| p.found)
}

/// `contacts.checkExistence`: `{"exists": bool}`.
pub fn exists(answer: &Answer) -> Option<bool> {
    answer.exists.read()
}

/// `POST omnichannel/contacts`: `{"contactId": "..."}`, the new contact's id.
pub fn created_id(answer: &Answer) -> Option<String> {
    answer.contact_id.read()
}

/// `POST omnichannel/contacts.delete`'s body.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Deleted<'a> {
    contact_id: &'a str,
}

/// The body that deletes contact `id`.
pub fn delete_body(id: &str) -> String {
    written(&Deleted { contact_id: id })
}

/// What a save sends: the contact with every email and phone shown (they replace the stored
/// ones), the custom fields, and the manager's user id (`Some("")` clears it; `None` leaves it
/// out, and so unchanged).
pub struct Body<'a> {
    /// The validated contact.
    pub contact: &'a ValidContact,
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
        written(&Sent {
            contact_id,
            name: &self.contact.name,
            emails: self.contact.emails(),
            phones: self.contact.phones(),
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

    fn reply(text: &str) -> Answer {
        super::super::answer(text).1
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
    }

    #[test]
    fn an_unidentified_contact_says_so_and_where_it_came_from() {
        let page = found(&reply(
            r#"{"contacts":[{"_id":"u1","name":"guest-12","unknown":true,
               "contactManager":{"_id":"a1","username":"agent.one"},
               "channels":[{"name":"widget","details":{"type":"widget"},
                             "lastChat":{"_id":"r1","ts":"2026-11-01T10:00:00.000Z"}},
                           {"name":"sms","details":{"type":"sms"},
                             "lastChat":{"_id":"r2","ts":"2026-11-20T10:00:00.000Z"}},
                           {"name":"api","details":{"type":"api"}}],
               "lastChat":{"_id":"r2","ts":"2026-11-20T10:00:00.000Z"}},
              {"_id":"k1","name":"Ada","unknown":false,"channels":[]},
              {"_id":"k2","name":"Old","channels":[{"details":{"type":"widget"}}]}]}"#,
        ))
        .unwrap();
        assert!(page[0].unknown);
        assert_eq!(page[0].contact_manager.as_deref(), Some("agent.one"));
        let came = page[0].came.clone().unwrap();
        assert_eq!(came.source.kind, "sms", "the newest chat's channel");
        assert_eq!(came.at.as_deref(), Some("2026-11-20T10:00:00.000Z"));
        assert!(!page[1].unknown);
        assert_eq!(page[1].came, None, "no channel, nowhere to say");
        let old = page[2].came.clone().unwrap();
        assert_eq!((old.source.kind.as_str(), old.at), ("widget", None));
    }

    #[test]
    fn a_save_sends_every_row_in_the_order_shown() {
        let contact = ValidContact {
            name: "Ada".into(),
            email: None,
            phone: Some("+4930999999".into()),
            contact_manager: Some("agent.one".into()),
            more_emails: vec!["new@x.co".into(), "b@x.co".into()],
            more_phones: Vec::new(),
        };
        let custom = [("company".to_owned(), "ACME".to_owned())];
        let body = Body {
            contact: &contact,
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
            manager_id: None,
            ..body
        };
        let created: Value = serde_json::from_str(&new.create()).unwrap();
        assert_eq!(
            created,
            json!({"name": "Ada", "emails": ["new@x.co", "b@x.co"], "phones": ["+4930999999"],
                   "customFields": {"company": "ACME"}})
        );
    }
}
