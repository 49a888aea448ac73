//! A contact as Rocket.Chat stores it, and the merge of a loaded record with the user's edits.
//! The server replaces a record on update, so an update must carry every field the record keeps:
//! fields the user did not touch go back exactly as stored, custom fields included.

use crate::json::Json;
use crate::reply::ApiError;
use crate::validate::{self, ContactDraft, Field, FieldErrors, ValidContact};

/// The parts of a stored contact the widget keeps on update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRecord {
    /// The contact's id.
    pub id: String,
    /// The contact's token: whoever sends it updates this record.
    pub token: Option<String>,
    /// Name as stored.
    pub name: String,
    /// First email address, as stored.
    pub email: Option<String>,
    /// First phone number, as stored.
    pub phone: Option<String>,
    /// Contact manager's username.
    pub contact_manager: Option<String>,
    /// Custom field values (`livechatData`), by field id.
    pub custom_fields: Vec<(String, String)>,
}

fn first<'a>(json: &'a Json, list: &str, key: &str) -> Option<&'a str> {
    match json.get(list) {
        Some(Json::Array(items)) => items.first().and_then(|i| i.str_at(key)),
        _ => None,
    }
}

impl ContactRecord {
    /// Reads `GET /api/v1/omnichannel/contact`'s `{"contact": {...} | null}`.
    pub fn from_reply(reply: &Json) -> Result<Option<Self>, ApiError> {
        let contact = match reply.get("contact") {
            Some(Json::Null) => return Ok(None),
            Some(c @ Json::Object(_)) => c,
            _ => return Err(ApiError::Unexpected { status: 200 }),
        };
        let id = contact
            .str_at("_id")
            .ok_or(ApiError::Unexpected { status: 200 })?;
        let custom_fields = match contact.get("livechatData") {
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
        };
        Ok(Some(ContactRecord {
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
        }))
    }

    /// The record as the server now holds it after a save of `contact` (the server replaces).
    pub fn saved(
        id: String,
        token: String,
        contact: &ValidContact,
        custom_fields: Vec<(String, String)>,
    ) -> Self {
        ContactRecord {
            id,
            token: Some(token),
            name: contact.name.clone(),
            email: contact.email.clone(),
            phone: contact.phone.clone(),
            contact_manager: contact.contact_manager.clone(),
            custom_fields,
        }
    }

    /// The record as form values.
    pub fn draft(&self) -> ContactDraft {
        ContactDraft {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            contact_manager: self.contact_manager.clone().unwrap_or_default(),
        }
    }
}

/// What the user typed, checked against the loaded record: a field still holding the stored value
/// goes back as stored (Rocket.Chat keeps phones exactly as sent, even ones this form would not
/// accept); a changed field must pass validation. Without a record it is plain validation.
pub fn merge(
    record: Option<&ContactRecord>,
    draft: &ContactDraft,
) -> Result<ValidContact, FieldErrors> {
    let Some(record) = record else {
        return validate::validate(draft);
    };
    let stored = record.draft();
    validate::validate_keeping(draft, |field| {
        let (now, then, value) = match field {
            Field::Name => (&draft.name, &stored.name, Some(record.name.clone())),
            Field::Email => (&draft.email, &stored.email, record.email.clone()),
            Field::Phone => (&draft.phone, &stored.phone, record.phone.clone()),
            Field::ContactManager => (
                &draft.contact_manager,
                &stored.contact_manager,
                record.contact_manager.clone(),
            ),
        };
        // An untouched empty name still has to be filled in.
        (now == then && !then.trim().is_empty()).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::FieldError;

    fn record() -> ContactRecord {
        let reply = Json::parse(
            r#"{"contact":{"_id":"c1","username":"guest-1","token":"t","name":"Ada",
                "visitorEmails":[{"address":"ada@example.com"}],"phone":[{"phoneNumber":"12345"}],
                "livechatData":{"company":"ACME","tier":"Gold"},"contactManager":{"username":"agent.two"},
                "ts":"2026-11-25T17:00:00.000Z","_updatedAt":"2026-11-25T17:00:00.000Z"},"success":true}"#,
        )
        .unwrap();
        ContactRecord::from_reply(&reply).unwrap().unwrap()
    }

    #[test]
    fn reads_a_stored_contact() {
        let r = record();
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
        let none = Json::parse(r#"{"contact":null,"success":true}"#).unwrap();
        assert_eq!(ContactRecord::from_reply(&none), Ok(None));
        let odd = Json::parse(r#"{"contact":[],"success":true}"#).unwrap();
        assert_eq!(
            ContactRecord::from_reply(&odd),
            Err(ApiError::Unexpected { status: 200 })
        );
    }

    #[test]
    fn untouched_fields_go_back_as_stored_even_if_this_form_would_refuse_them() {
        let r = record();
        let mut draft = r.draft();
        draft.name = "Ada King".into();
        let merged = merge(Some(&r), &draft).unwrap();
        assert_eq!(merged.name, "Ada King");
        assert_eq!(
            merged.phone.as_deref(),
            Some("12345"),
            "a phone set elsewhere is kept as it is"
        );
        assert_eq!(merged.email.as_deref(), Some("ada@example.com"));
        assert_eq!(merged.contact_manager.as_deref(), Some("agent.two"));
    }

    #[test]
    fn edited_fields_are_validated_and_cleared_ones_removed() {
        let r = record();
        let mut draft = r.draft();
        draft.phone = "020 7946 0958".into();
        let errors = merge(Some(&r), &draft).unwrap_err();
        assert_eq!(
            errors.get(Field::Phone),
            Some(&FieldError::PhoneCountryCode)
        );
        assert_eq!(errors.count(), 1, "the untouched fields raise nothing");

        draft.phone = "+44 20 7946 0958".into();
        draft.email = String::new();
        draft.contact_manager = " @agent.one ".into();
        let merged = merge(Some(&r), &draft).unwrap();
        assert_eq!(merged.phone.as_deref(), Some("+442079460958"));
        assert_eq!(merged.email, None, "clearing a field removes it");
        assert_eq!(merged.contact_manager.as_deref(), Some("agent.one"));
    }

    #[test]
    fn without_a_record_it_is_plain_validation() {
        let draft = ContactDraft {
            name: "Ada".into(),
            phone: "12345".into(),
            ..Default::default()
        };
        assert!(merge(None, &draft).is_err());
    }
}
