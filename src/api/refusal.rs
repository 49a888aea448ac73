//! Which field a server refusal belongs under, so that it is shown there as well as in the
//! status region: the contact manager's refusals, and a custom field's `Invalid value for
//! <label> field` or `Custom field <key> is not allowed`.

use crate::api::reply::ApiError;
use crate::domain::custom_fields::{CustomField, CustomFieldError};
use crate::domain::field::{Field, FieldError};

/// A refusal of the contact manager, as the error under that field.
pub fn field_error(error: &ApiError) -> Option<(Field, FieldError)> {
    let ApiError::Rejected {
        error_type,
        message,
    } = error
    else {
        return None;
    };
    // The legacy endpoint names the error in `errorType`; the Contact Center's `error` is
    // the bare name.
    match error_type.as_deref().unwrap_or(message) {
        "error-contact-manager-not-found" => {
            Some((Field::ContactManager, FieldError::ManagerUnknown))
        }
        "error-invalid-contact-manager" => {
            Some((Field::ContactManager, FieldError::ManagerNotAgent))
        }
        _ => None,
    }
}

/// The shown custom field a refusal names (`Invalid value for <label> field`), if any.
pub fn refused_field(
    fields: &[CustomField],
    error: &ApiError,
) -> Option<(String, CustomFieldError)> {
    let ApiError::Rejected { message, .. } = error else {
        return None;
    };
    let field = if let Some(key) = message
        .strip_prefix("Custom field ")
        .and_then(|m| m.strip_suffix(" is not allowed"))
    {
        fields.iter().find(|f| f.id == key)?
    } else {
        let label = message
            .strip_prefix("Invalid value for ")?
            .strip_suffix(" field")?;
        fields.iter().find(|f| f.label == label)?
    };
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
    use crate::domain::custom_fields::FieldKind;

    fn rejected(message: &str, kind: Option<&str>) -> ApiError {
        ApiError::Rejected {
            message: message.into(),
            error_type: kind.map(str::to_owned),
        }
    }

    #[test]
    fn manager_refusals_land_under_the_manager_field() {
        assert_eq!(
            field_error(&rejected("text", Some("error-contact-manager-not-found"))),
            Some((Field::ContactManager, FieldError::ManagerUnknown))
        );
        assert_eq!(
            field_error(&rejected("text", Some("error-invalid-contact-manager"))),
            Some((Field::ContactManager, FieldError::ManagerNotAgent))
        );
        assert_eq!(
            field_error(&rejected("text", Some("error-invalid-contact-data"))),
            None
        );
        assert_eq!(field_error(&rejected("text", None)), None);
        // The Contact Center's bare error name.
        assert_eq!(
            field_error(&rejected("error-contact-manager-not-found", None)),
            Some((Field::ContactManager, FieldError::ManagerUnknown))
        );
        assert_eq!(field_error(&ApiError::Network), None);
    }

    #[test]
    fn a_custom_field_refusal_lands_under_its_field() {
        let fields = [CustomField {
            id: "customerId".into(),
            label: "Customer ID".into(),
            kind: FieldKind::Text,
            required: false,
            regexp: None,
            default_value: None,
        }];
        assert_eq!(
            refused_field(
                &fields,
                &rejected("Invalid value for Customer ID field", None)
            ),
            Some((
                "customerId".into(),
                CustomFieldError::Refused {
                    label: "Customer ID".into()
                }
            ))
        );
        let other = rejected("Invalid value for Mystery field", None);
        assert_eq!(refused_field(&fields, &other), None);
        assert_eq!(
            refused_field(
                &fields,
                &rejected("Custom field customerId is not allowed", None)
            )
            .map(|(id, _)| id)
            .as_deref(),
            Some("customerId")
        );
    }
}
