//! A draft: what the user typed and has not saved yet, kept in storage so that a reload or a
//! crash loses nothing. It is JSON, written by the form after a pause in typing and removed on
//! a successful save and on "New contact".

use crate::domain::custom_fields::Values;
use crate::domain::json::Json;
use crate::domain::validate::ContactDraft;

/// How long typing must pause before the draft is written, in milliseconds.
pub const DEBOUNCE_MS: u64 = 400;

/// The form's values, as a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The four contact fields.
    pub fields: ContactDraft,
    /// Custom field values by id.
    pub custom: Values,
}

impl Draft {
    /// Whether nothing is typed (then there is no draft to keep).
    pub fn is_empty(&self) -> bool {
        let f = &self.fields;
        [&f.name, &f.email, &f.phone, &f.contact_manager]
            .iter()
            .all(|v| v.trim().is_empty())
            && self.custom.iter().all(|(_, v)| v.trim().is_empty())
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        let f = &self.fields;
        let custom = self
            .custom
            .iter()
            .map(|(k, v)| (k.clone(), Json::str(v)))
            .collect();
        Json::object([
            ("name", Some(Json::str(&f.name))),
            ("email", Some(Json::str(&f.email))),
            ("phone", Some(Json::str(&f.phone))),
            ("contactManager", Some(Json::str(&f.contact_manager))),
            ("customFields", Some(Json::Object(custom))),
        ])
        .to_string()
    }

    /// Reads [`Draft::encode`]'s form; anything else (corrupt, or from another version) is `None`.
    pub fn decode(stored: &str) -> Option<Self> {
        let json = Json::parse(stored)?;
        let text = |k: &str| json.str_at(k).map(str::to_owned);
        let custom = match json.get("customFields")? {
            Json::Object(members) => members
                .iter()
                .map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect::<Option<Values>>()?,
            _ => return None,
        };
        Some(Draft {
            fields: ContactDraft {
                name: text("name")?,
                email: text("email")?,
                phone: text("phone")?,
                contact_manager: text("contactManager")?,
            },
            custom,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_survives_the_round_trip() {
        let draft = Draft {
            fields: ContactDraft {
                name: "Ada \"the Countess\"".into(),
                email: "ada@exa".into(),
                phone: "+44 ".into(),
                contact_manager: String::new(),
            },
            custom: vec![("company".into(), "ACME\nLtd".into())],
        };
        assert!(!draft.is_empty());
        assert_eq!(Draft::decode(&draft.encode()), Some(draft));
    }

    #[test]
    fn corrupt_or_foreign_data_is_no_draft() {
        for stored in [
            "",
            "not json",
            "{}",
            r#"{"name":"Ada"}"#,
            r#"{"name":1,"email":"","phone":"","contactManager":"","customFields":{}}"#,
            r#"{"name":"","email":"","phone":"","contactManager":"","customFields":{"a":1}}"#,
        ] {
            assert_eq!(Draft::decode(stored), None, "{stored}");
        }
    }

    #[test]
    fn blanks_are_an_empty_draft() {
        let mut draft = Draft::default();
        draft.fields.name = "  ".into();
        draft.custom.push(("company".into(), " ".into()));
        assert!(draft.is_empty());
    }
}
