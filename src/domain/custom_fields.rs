//! Rocket.Chat's visitor custom fields: which ones the form shows, how a value is checked, and
//! what an update sends back. The server checks every visitor field on every save (required,
//! regexp, select options) and refuses with `Invalid value for <label> field`; these rules let
//! the form say so under the field before anything is sent.

use crate::domain::catalogue::{english_display, Say, Texts};
use crate::domain::texts::Text;
use thiserror::Error;

/// How a custom field is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// A text input.
    Text,
    /// A choice among these options (Rocket.Chat stores them comma-separated).
    Select(Vec<String>),
}

/// One visitor custom field the contact form shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomField {
    /// The key in `customFields` / `livechatData`.
    pub id: String,
    /// The label the administrator gave it.
    pub label: String,
    /// Text or select.
    pub kind: FieldKind,
    /// Whether the server refuses a contact without it.
    pub required: bool,
    /// A JavaScript regular expression the value must match, when set.
    pub regexp: Option<String>,
    /// The value a new contact starts with, when set.
    pub default_value: Option<String>,
}

/// Why a custom field's value cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CustomFieldError {
    /// A required field is empty.
    Missing {
        /// The field's label.
        label: String,
    },
    /// The value does not match the field's regexp.
    Format {
        /// The field's label.
        label: String,
    },
    /// A select's value is not one of its options.
    NotAnOption {
        /// The field's label.
        label: String,
    },
    /// The server refused the value (`Invalid value for <label> field`).
    Refused {
        /// The field's label.
        label: String,
    },
}

impl Say for CustomFieldError {
    fn say(&self, t: &Texts) -> String {
        let (key, label) = match self {
            CustomFieldError::Missing { label } => (Text::CustomMissing, label),
            CustomFieldError::Format { label } => (Text::CustomFormat, label),
            CustomFieldError::NotAnOption { label } => (Text::CustomNotAnOption, label),
            CustomFieldError::Refused { label } => (Text::CustomRefused, label),
        };
        t.fill(key, &[("label", label)])
    }
}
english_display!(CustomFieldError);

/// Values by field id, in a stable order.
pub type Values = Vec<(String, String)>;

/// The value stored under `id`, if any.
pub fn value_of<'a>(values: &'a [(String, String)], id: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(k, _)| k == id)
        .map(|(_, v)| v.as_str())
}

/// Sets (or, with an empty value, removes) the value under `id`.
pub fn set_value(values: &mut Values, id: &str, value: String) {
    match values.iter().position(|(k, _)| k == id) {
        Some(i) if value.is_empty() => {
            values.remove(i);
        }
        Some(i) => values[i].1 = value,
        None if value.is_empty() => {}
        None => values.push((id.to_owned(), value)),
    }
}

/// Sets the value under `id` only where nothing is typed yet (what the user typed wins).
pub fn fill_empty(values: &mut Values, id: &str, value: String) {
    if value_of(values, id).is_none() {
        set_value(values, id, value);
    }
}

impl CustomField {
    /// Checks one value as the server will. `matches(pattern, value)` runs the browser's RegExp;
    /// `None` (a pattern the browser cannot compile) leaves the decision to the server.
    pub fn check(
        &self,
        raw: &str,
        matches: impl Fn(&str, &str) -> Option<bool>,
    ) -> Result<(), CustomFieldError> {
        let value = raw.trim();
        let label = || self.label.clone();
        if value.is_empty() {
            return match self.required {
                true => Err(CustomFieldError::Missing { label: label() }),
                false => Ok(()),
            };
        }
        if let Some(pattern) = &self.regexp {
            if matches(pattern, value) == Some(false) {
                return Err(CustomFieldError::Format { label: label() });
            }
        }
        match &self.kind {
            FieldKind::Select(options) if !options.iter().any(|o| o == value) => {
                Err(CustomFieldError::NotAnOption { label: label() })
            }
            _ => Ok(()),
        }
    }
}

/// Checks every shown field; the errors come by field id, in form order.
pub fn check_all(
    fields: &[CustomField],
    values: &[(String, String)],
    matches: impl Fn(&str, &str) -> Option<bool>,
) -> Vec<(String, CustomFieldError)> {
    fields
        .iter()
        .filter_map(|f| {
            let value = value_of(values, &f.id).unwrap_or_default();
            f.check(value, &matches).err().map(|e| (f.id.clone(), e))
        })
        .collect()
}

/// The `customFields` to send: everything the stored record has (fields this form does not show
/// included, because the server replaces the record), with the shown fields as typed now;
/// a shown field left empty is removed.
pub fn to_send(
    stored: &[(String, String)],
    shown: &[CustomField],
    typed: &[(String, String)],
) -> Values {
    let mut out: Values = stored
        .iter()
        .filter(|(k, _)| !shown.iter().any(|f| &f.id == k))
        .cloned()
        .collect();
    for field in shown {
        if let Some(v) = value_of(typed, &field.id).map(str::trim) {
            set_value(&mut out, &field.id, v.to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stand-in's seeded visible definitions (the hidden one is not shown).
    fn seeded() -> Vec<CustomField> {
        let field = |id: &str, label: &str| CustomField {
            id: id.into(),
            label: label.into(),
            kind: FieldKind::Text,
            required: false,
            regexp: None,
            default_value: None,
        };
        vec![
            CustomField {
                required: true,
                ..field("company", "Company")
            },
            CustomField {
                regexp: Some("^[A-Z]{2}-[0-9]{4}$".into()),
                ..field("customerId", "Customer ID")
            },
            CustomField {
                kind: FieldKind::Select(vec!["Bronze".into(), "Silver".into(), "Gold".into()]),
                default_value: Some("Bronze".into()),
                ..field("tier", "Tier")
            },
        ]
    }

    /// A stand-in for the browser's RegExp that knows the one seeded pattern.
    fn matches(pattern: &str, value: &str) -> Option<bool> {
        (pattern == "^[A-Z]{2}-[0-9]{4}$").then(|| {
            let b = value.as_bytes();
            b.len() == 7
                && b[..2].iter().all(u8::is_ascii_uppercase)
                && b[2] == b'-'
                && b[3..].iter().all(u8::is_ascii_digit)
        })
    }

    #[test]
    fn checks_required_regexp_and_options() {
        let fields = seeded();
        let typed: Values = vec![
            ("customerId".into(), "ab-12".into()),
            ("tier".into(), "Platinum".into()),
        ];
        let errors = check_all(&fields, &typed, matches);
        assert_eq!(
            errors,
            [
                (
                    "company".into(),
                    CustomFieldError::Missing {
                        label: "Company".into()
                    }
                ),
                (
                    "customerId".into(),
                    CustomFieldError::Format {
                        label: "Customer ID".into()
                    }
                ),
                (
                    "tier".into(),
                    CustomFieldError::NotAnOption {
                        label: "Tier".into()
                    }
                ),
            ]
        );
        assert_eq!(
            errors[0].1.to_string(),
            "Enter Company: this server requires it."
        );
        let good: Values = vec![
            ("company".into(), " ACME ".into()),
            ("customerId".into(), "AB-1234".into()),
            ("tier".into(), "Gold".into()),
        ];
        assert!(check_all(&fields, &good, matches).is_empty());
        let unknown_pattern = |_: &str, _: &str| None;
        let company_only: Values = vec![
            ("company".into(), "ACME".into()),
            ("customerId".into(), "x".into()),
        ];
        assert!(
            check_all(&fields, &company_only, unknown_pattern).is_empty(),
            "a pattern the browser cannot run is left to the server"
        );
    }

    #[test]
    fn an_update_keeps_hidden_fields_and_takes_the_shown_ones_as_typed() {
        let fields = seeded();
        let stored: Values = vec![
            ("company".into(), "ACME".into()),
            ("internalNote".into(), "VIP".into()),
            ("tier".into(), "Gold".into()),
        ];
        let typed: Values = vec![
            ("company".into(), " Initech ".into()),
            ("customerId".into(), "AB-1234".into()),
        ];
        assert_eq!(
            to_send(&stored, &fields, &typed),
            [
                ("internalNote".to_owned(), "VIP".to_owned()),
                ("company".into(), "Initech".into()),
                ("customerId".into(), "AB-1234".into()),
            ],
            "the hidden note stays; the cleared tier goes"
        );
        let before_fields_loaded = to_send(&stored, &[], &[]);
        assert_eq!(
            before_fields_loaded, stored,
            "nothing shown: all kept as stored"
        );
    }

    #[test]
    fn values_are_set_and_removed_by_id() {
        let mut values = Values::new();
        set_value(&mut values, "a", "1".into());
        set_value(&mut values, "b", "2".into());
        set_value(&mut values, "a", "3".into());
        assert_eq!(value_of(&values, "a"), Some("3"));
        set_value(&mut values, "a", String::new());
        assert_eq!(values, [("b".to_owned(), "2".to_owned())]);
        fill_empty(&mut values, "b", "typed over".into());
        fill_empty(&mut values, "c", "4".into());
        assert_eq!(value_of(&values, "b"), Some("2"), "what is typed wins");
        assert_eq!(value_of(&values, "c"), Some("4"));
    }
}
