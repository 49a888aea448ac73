//! The contact as Rocket.Chat's `POST /api/v1/omnichannel/contact` wants it.

use crate::json::Json;
use crate::reply::ApiError;
use crate::validate::{Field, FieldError, ValidContact};

/// The request body: only the keys that have a value. Rocket.Chat rejects `null` for optional
/// keys (`Match error: Expected string, got null in field email`), so absent means omitted.
/// `custom_fields` are the record's own (`livechatData`): an update that left them out would
/// empty them, because the server replaces the record.
pub fn request_body(
    token: &str,
    contact: &ValidContact,
    custom_fields: &[(String, String)],
) -> String {
    let manager = contact
        .contact_manager
        .as_ref()
        .map(|u| Json::object([("username", Some(Json::str(u)))]));
    let custom = (!custom_fields.is_empty()).then(|| {
        Json::Object(
            custom_fields
                .iter()
                .map(|(k, v)| (k.clone(), Json::str(v)))
                .collect(),
        )
    });
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

/// A server refusal that belongs under one field (the contact manager), so it is shown there too.
pub fn field_error(error: &ApiError) -> Option<(Field, FieldError)> {
    let ApiError::Rejected {
        error_type: Some(kind),
        ..
    } = error
    else {
        return None;
    };
    match kind.as_str() {
        "error-contact-manager-not-found" => {
            Some((Field::ContactManager, FieldError::ManagerUnknown))
        }
        "error-invalid-contact-manager" => {
            Some((Field::ContactManager, FieldError::ManagerNotAgent))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).expect("the body is JSON")
    }

    #[test]
    fn body_with_every_field() {
        let contact = ValidContact {
            name: "Ada \"Countess\" Lovelace".into(),
            email: Some("ada@example.com".into()),
            phone: Some("+442079460958".into()),
            contact_manager: Some("agent.one".into()),
        };
        assert_eq!(
            parsed(&request_body(
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
    fn body_omits_empty_fields_and_never_sends_null() {
        let contact = ValidContact {
            name: "Ada".into(),
            email: None,
            phone: None,
            contact_manager: None,
        };
        let text = request_body("t", &contact, &[]);
        assert_eq!(parsed(&text), json!({"token": "t", "name": "Ada"}));
        assert!(!text.contains("null"));
    }

    #[test]
    fn manager_refusals_land_under_the_manager_field() {
        let rejected = |kind: Option<&str>| ApiError::Rejected {
            message: "text".into(),
            error_type: kind.map(str::to_owned),
        };
        assert_eq!(
            field_error(&rejected(Some("error-contact-manager-not-found"))),
            Some((Field::ContactManager, FieldError::ManagerUnknown))
        );
        assert_eq!(
            field_error(&rejected(Some("error-invalid-contact-manager"))),
            Some((Field::ContactManager, FieldError::ManagerNotAgent))
        );
        assert_eq!(
            field_error(&rejected(Some("error-invalid-contact-data"))),
            None
        );
        assert_eq!(field_error(&rejected(None)), None);
        assert_eq!(field_error(&ApiError::Network), None);
    }
}
