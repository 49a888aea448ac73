//! Rocket.Chat's visitor custom fields: which ones the form shows, how a value is checked, and
//! what an update sends back. The server checks every visitor field on every save (required,
//! regexp, select options) and refuses with `Invalid value for <label> field`; these rules let
//! the form say so under the field before anything is sent.

use crate::json::Json;
use crate::reply::ApiError;
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
    #[error("Enter {label}: this server requires it.")]
    Missing {
        /// The field's label.
        label: String,
    },
    /// The value does not match the field's regexp.
    #[error("{label} is not in the format this server expects.")]
    Format {
        /// The field's label.
        label: String,
    },
    /// A select's value is not one of its options.
    #[error("Choose one of the listed values for {label}.")]
    NotAnOption {
        /// The field's label.
        label: String,
    },
    /// The server refused the value (`Invalid value for <label> field`).
    #[error("The server refused this value for {label}.")]
    Refused {
        /// The field's label.
        label: String,
    },
}

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

fn text(json: &Json, key: &str) -> Option<String> {
    json.str_at(key)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Reads `GET /api/v1/livechat/custom-fields`: the fields with scope `visitor` and visibility
/// `visible`, in the server's order. Other fields stay out of the form but are still kept on
/// update (see [`to_send`]).
pub fn definitions(reply: &Json) -> Result<Vec<CustomField>, ApiError> {
    let Some(Json::Array(items)) = reply.get("customFields") else {
        return Err(ApiError::Unexpected { status: 200 });
    };
    let shown = items.iter().filter(|f| {
        f.str_at("scope") == Some("visitor") && f.str_at("visibility") == Some("visible")
    });
    shown
        .map(|f| {
            let id = text(f, "_id").ok_or(ApiError::Unexpected { status: 200 })?;
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
            Ok(CustomField {
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

/// The shown field a server refusal names (`Invalid value for <label> field`), if any.
pub fn refused_field(
    fields: &[CustomField],
    error: &ApiError,
) -> Option<(String, CustomFieldError)> {
    let ApiError::Rejected { message, .. } = error else {
        return None;
    };
    let label = message
        .strip_prefix("Invalid value for ")?
        .strip_suffix(" field")?;
    let field = fields.iter().find(|f| f.label == label)?;
    Some((
        field.id.clone(),
        CustomFieldError::Refused {
            label: field.label.clone(),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stand-in's seeded definitions, as Rocket.Chat sends them.
    fn seeded() -> Vec<CustomField> {
        let reply = Json::parse(
            r#"{"customFields":[
              {"_id":"company","label":"Company","scope":"visitor","visibility":"visible","type":"input","required":true,"regexp":"","options":"","defaultValue":""},
              {"_id":"customerId","label":"Customer ID","scope":"visitor","visibility":"visible","type":"input","required":false,"regexp":"^[A-Z]{2}-[0-9]{4}$"},
              {"_id":"tier","label":"Tier","scope":"visitor","visibility":"visible","type":"select","required":false,"options":"Bronze, Silver,Gold","defaultValue":"Bronze"},
              {"_id":"internalNote","label":"Internal note","scope":"visitor","visibility":"hidden","type":"input"},
              {"_id":"roomTopic","label":"Topic","scope":"room","visibility":"visible","type":"input"}
            ],"count":5,"offset":0,"total":5,"success":true}"#,
        )
        .unwrap();
        definitions(&reply).unwrap()
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
    fn shows_visible_visitor_fields_only() {
        let fields = seeded();
        let ids: Vec<&str> = fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["company", "customerId", "tier"]);
        assert!(fields[0].required);
        assert_eq!(fields[0].regexp, None, "an empty regexp is no rule");
        assert_eq!(
            fields[2].kind,
            FieldKind::Select(vec!["Bronze".into(), "Silver".into(), "Gold".into()])
        );
        assert_eq!(fields[2].default_value.as_deref(), Some("Bronze"));
        let odd = Json::parse(r#"{"customFields":{},"success":true}"#).unwrap();
        assert_eq!(definitions(&odd), Err(ApiError::Unexpected { status: 200 }));
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

    #[test]
    fn a_server_refusal_lands_under_its_field() {
        let fields = seeded();
        let refusal = ApiError::Rejected {
            message: "Invalid value for Customer ID field".into(),
            error_type: None,
        };
        assert_eq!(
            refused_field(&fields, &refusal),
            Some((
                "customerId".into(),
                CustomFieldError::Refused {
                    label: "Customer ID".into()
                }
            ))
        );
        let other = ApiError::Rejected {
            message: "Invalid value for Mystery field".into(),
            error_type: None,
        };
        assert_eq!(refused_field(&fields, &other), None);
    }
}
