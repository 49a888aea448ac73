//! A draft: what the user typed and has not saved yet, kept in storage so that a reload or a
//! crash loses nothing. It is JSON, written by the form after a pause in typing and removed on
//! a successful save and on "New contact".

use crate::domain::custom_fields::Values;
use crate::domain::json_object::{read, JsonObject, Member};
use crate::domain::merge;
use crate::domain::pairs::{self, Pairs};
use crate::domain::validate::ContactDraft;
use serde::Serialize;

/// How long typing must pause before the draft is written, in milliseconds.
pub const DEBOUNCE_MS: u64 = 400;

/// The form's values, as a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The four contact fields.
    pub fields: ContactDraft,
    /// Custom field values by id.
    pub custom: Values,
    /// What it was typed over, when it was typed over a saved contact: so that a draft written
    /// yesterday is merged with what the server holds today instead of overwriting it.
    pub base: Option<Base>,
}

/// A saved contact as a draft was typed over it: its id and its values then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base {
    /// The contact's id.
    pub contact: String,
    /// Its values as the form had them from the server.
    pub values: merge::Values,
}

/// A draft as stored: every key of the first format present, every value a string (the format
/// of every release so far, so drafts written before an upgrade are still read). The further
/// email and phone rows came later: `moreEmails` and `morePhones`, written only when there are
/// some (so a draft without rows is written exactly as before) and read as none when missing;
/// and so did `base`, what the draft was typed over, written only for a saved contact: the
/// same shape nested, with that contact's id as `contact`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Written<'a> {
    name: &'a str,
    email: &'a str,
    phone: &'a str,
    contact_manager: &'a str,
    #[serde(serialize_with = "pairs::as_object")]
    custom_fields: &'a [(String, String)],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    more_emails: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    more_phones: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    contact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Box<Written<'a>>>,
}

impl Draft {
    /// Whether nothing is typed (then there is no draft to keep).
    pub fn is_empty(&self) -> bool {
        let f = &self.fields;
        [&f.name, &f.email, &f.phone, &f.contact_manager]
            .into_iter()
            .chain(&f.more_emails)
            .chain(&f.more_phones)
            .all(|v| v.trim().is_empty())
            && self.custom.iter().all(|(_, v)| v.trim().is_empty())
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        let base = self.base.as_ref().map(|b| (b, b.values.draft()));
        let base = base
            .as_ref()
            .map(|(b, fields)| Box::new(written(fields, &b.values.custom, Some(&b.contact), None)));
        let written = written(&self.fields, &self.custom, None, base);
        // Strings and objects of strings: writing them cannot fail.
        serde_json::to_string(&written).unwrap_or_default()
    }

    /// Reads [`Draft::encode`]'s form; anything else (corrupt, or from another version) is `None`.
    pub fn decode(stored: &str) -> Option<Self> {
        let stored = JsonObject(read(stored)?);
        let base = match stored.field::<Option<Pairs<Member>>>(&["base"])? {
            Some(base) => {
                let (contact, draft) = read_back(&JsonObject(base))?;
                Some(Base {
                    contact: contact.unwrap_or_default(),
                    values: merge::Values::typed(&draft.fields, &draft.custom),
                })
            }
            None => None,
        };
        let (_, draft) = read_back(&stored)?;
        Some(Draft { base, ..draft })
    }
}

fn written<'a>(
    f: &'a ContactDraft,
    custom: &'a [(String, String)],
    contact: Option<&'a str>,
    base: Option<Box<Written<'a>>>,
) -> Written<'a> {
    Written {
        name: &f.name,
        email: &f.email,
        phone: &f.phone,
        contact_manager: &f.contact_manager,
        custom_fields: custom,
        more_emails: &f.more_emails,
        more_phones: &f.more_phones,
        contact,
        base,
    }
}

/// [`Written`] read back (its base left to the caller), and the `contact` it names, if any:
/// the first format's keys must all be there, as strings; the later ones may be missing.
fn read_back(d: &JsonObject) -> Option<(Option<String>, Draft)> {
    let draft = Draft {
        fields: ContactDraft {
            name: d.text("name")?,
            email: d.text("email")?,
            phone: d.text("phone")?,
            contact_manager: d.text("contactManager")?,
            more_emails: d.field(&["moreEmails"])?,
            more_phones: d.field(&["morePhones"])?,
        },
        custom: d.member("customFields")?.read::<Pairs<String>>()?.0,
        base: None,
    };
    Some((d.field(&["contact"])?, draft))
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
                ..Default::default()
            },
            custom: vec![("company".into(), "ACME\nLtd".into())],
            base: None,
        };
        assert!(!draft.is_empty());
        assert_eq!(Draft::decode(&draft.encode()), Some(draft));
    }

    #[test]
    fn a_draft_of_the_last_release_is_read() {
        // Written by the hand-made JSON writer of the release before serde.
        let stored = r#"{"name":"Ada \"the Countess\"","email":"ada@exa","phone":"+44 ","contactManager":"","customFields":{"tier":"Gold","company":"ACME\nLtd"}}"#;
        let draft = Draft::decode(stored).unwrap();
        assert_eq!(draft.fields.name, "Ada \"the Countess\"");
        assert_eq!(
            draft.custom,
            [
                ("tier".to_owned(), "Gold".to_owned()),
                ("company".to_owned(), "ACME\nLtd".to_owned())
            ]
        );
        assert_eq!(draft.encode(), stored, "and written the same way");
    }

    #[test]
    fn a_draft_with_further_rows_keeps_them_in_order() {
        let mut draft = Draft::default();
        draft.fields.name = "Ada".into();
        draft.fields.more_emails = vec!["".into(), "b@x.co".into()];
        draft.fields.more_phones = vec!["+49 30".into()];
        let stored = draft.encode();
        assert!(
            stored.ends_with(r#""moreEmails":["","b@x.co"],"morePhones":["+49 30"]}"#),
            "{stored}"
        );
        assert_eq!(Draft::decode(&stored), Some(draft));

        let mut rows_only = Draft::default();
        rows_only.fields.more_phones = vec![" ".into()];
        assert!(rows_only.is_empty(), "blank rows are nothing typed");
        rows_only.fields.more_phones = vec!["+1".into()];
        assert!(!rows_only.is_empty(), "a typed row is kept");
    }

    #[test]
    fn a_draft_keeps_what_it_was_typed_over_and_older_drafts_have_no_base() {
        let mut draft = Draft::default();
        draft.fields.name = "Ada King".into();
        draft.base = Some(Base {
            contact: "c1".into(),
            values: merge::Values {
                name: "Ada".into(),
                manager: "agent.one".into(),
                emails: vec!["ada@x.co".into()],
                phones: vec![],
                custom: vec![("company".into(), "ACME".into())],
            },
        });
        let stored = draft.encode();
        assert!(
            stored.ends_with(
                r#""base":{"name":"Ada","email":"ada@x.co","phone":"","contactManager":"agent.one","customFields":{"company":"ACME"},"contact":"c1"}}"#
            ),
            "{stored}"
        );
        assert_eq!(Draft::decode(&stored), Some(draft));

        // The release before wrote no base: read as none, and written back the same.
        let old = r#"{"name":"Ada","email":"","phone":"","contactManager":"","customFields":{},"moreEmails":["b@x.co"]}"#;
        let read = Draft::decode(old).unwrap();
        assert_eq!(read.base, None);
        assert_eq!(read.encode(), old);
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
            r#"{"name":"","email":"","phone":"","contactManager":"","customFields":{},"moreEmails":"a"}"#,
            r#"{"name":"","email":"","phone":"","contactManager":"","customFields":{},"base":{"contact":"c1"}}"#,
            r#"{"name":"","email":"","phone":"","contactManager":"","customFields":{},"base":"c1"}"#,
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
