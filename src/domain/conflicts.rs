//! A Contact Center contact's conflicting values (channels that reported another name,
//! manager or custom-field value): one choice per field, the stored value first, and what
//! resolving them sends.

use crate::domain::custom_fields::value_of;
#[cfg(test)]
use crate::domain::record::Conflict;
use crate::domain::record::ContactRecord;

/// A field with conflicting values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The contact's name.
    Name,
    /// The contact manager (values are user ids).
    Manager,
    /// The custom field with this id.
    Custom(String),
}

impl Field {
    /// Reads Rocket.Chat's name of a field; `None` for one the widget does not know.
    pub fn parse(field: &str) -> Option<Field> {
        match field {
            "name" => Some(Field::Name),
            "manager" => Some(Field::Manager),
            _ => field
                .strip_prefix("customFields.")
                .filter(|key| !key.is_empty())
                .map(|key| Field::Custom(key.to_owned())),
        }
    }
}

/// One field's choice: its values as `(value, shown)`, the stored one first, each once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The field.
    pub field: Field,
    /// The values to choose from, the stored one first.
    pub values: Vec<(String, String)>,
}

/// The stored value of `field` in `record`, as `(value, shown)`.
fn stored(record: &ContactRecord, field: &Field) -> (String, String) {
    match field {
        Field::Name => (record.name.clone(), record.name.clone()),
        Field::Manager => {
            let id = record.manager_id.clone().unwrap_or_default();
            let shown = record.contact_manager.clone().unwrap_or_else(|| id.clone());
            (id, shown)
        }
        Field::Custom(key) => {
            let value = value_of(&record.custom_fields, key).unwrap_or_default();
            (value.to_owned(), value.to_owned())
        }
    }
}

/// The record's conflicts as one choice per field, in the order the server lists them.
pub fn choices(record: &ContactRecord) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    for conflict in &record.conflicts {
        let Some(field) = Field::parse(&conflict.field) else {
            continue;
        };
        let at = match choices.iter().position(|c| c.field == field) {
            Some(at) => at,
            None => {
                let values = vec![stored(record, &field)];
                choices.push(Choice { field, values });
                choices.len() - 1
            }
        };
        let values = &mut choices[at].values;
        if !values.iter().any(|(v, _)| *v == conflict.value) {
            values.push((conflict.value.clone(), conflict.shown.clone()));
        }
    }
    choices
}

/// What resolving sends: each field's chosen value (all of them, so that a stored value kept
/// is said to be the one chosen).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The name chosen.
    pub name: Option<String>,
    /// The manager chosen (a user id).
    pub manager: Option<String>,
    /// The custom-field values chosen, by field id.
    pub custom: Vec<(String, String)>,
}

/// The values chosen: `chosen[i]` is the index of the value picked in `choices[i]` (0, the
/// stored value, when missing or out of range).
pub fn resolution(choices: &[Choice], chosen: &[usize]) -> Resolution {
    let mut resolution = Resolution::default();
    for (i, choice) in choices.iter().enumerate() {
        let pick = chosen.get(i).copied().unwrap_or(0);
        let Some((value, _)) = choice.values.get(pick).or(choice.values.first()) else {
            continue;
        };
        match &choice.field {
            Field::Name => resolution.name = Some(value.clone()),
            Field::Manager => resolution.manager = Some(value.clone()),
            Field::Custom(key) => resolution.custom.push((key.clone(), value.clone())),
        }
    }
    resolution
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(field: &str, value: &str) -> Conflict {
        Conflict {
            field: field.into(),
            value: value.into(),
            shown: value.into(),
        }
    }

    fn record() -> ContactRecord {
        ContactRecord {
            id: "c2".into(),
            name: "Findme 02".into(),
            manager_id: Some("agentOne000000001".into()),
            contact_manager: Some("agent.one".into()),
            custom_fields: vec![("company".into(), "ACME".into())],
            conflicts: vec![
                conflict("name", "Findme Two"),
                Conflict {
                    shown: "agent.two".into(),
                    ..conflict("manager", "agentTwo000000001")
                },
                conflict("customFields.company", "Other Co"),
                conflict("name", "F. Two"),
                conflict("name", "Findme Two"),
                conflict("somethingElse", "x"),
            ],
            ..ContactRecord::default()
        }
    }

    #[test]
    fn one_choice_per_field_with_the_stored_value_first() {
        let choices = choices(&record());
        let fields: Vec<&Field> = choices.iter().map(|c| &c.field).collect();
        assert_eq!(
            fields,
            [
                &Field::Name,
                &Field::Manager,
                &Field::Custom("company".into())
            ]
        );
        let names: Vec<&str> = choices[0].values.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(names, ["Findme 02", "Findme Two", "F. Two"], "each once");
        assert_eq!(
            choices[1].values,
            [
                ("agentOne000000001".to_owned(), "agent.one".to_owned()),
                ("agentTwo000000001".to_owned(), "agent.two".to_owned())
            ],
            "managers shown by username"
        );
    }

    #[test]
    fn the_resolution_sends_each_fields_choice() {
        let choices = choices(&record());
        let chosen = resolution(&choices, &[2, 0, 1]);
        assert_eq!(chosen.name.as_deref(), Some("F. Two"));
        assert_eq!(chosen.manager.as_deref(), Some("agentOne000000001"));
        assert_eq!(
            chosen.custom,
            [("company".to_owned(), "Other Co".to_owned())]
        );
        let kept = resolution(&choices, &[]);
        assert_eq!(
            kept.name.as_deref(),
            Some("Findme 02"),
            "the stored value at first"
        );
        assert_eq!(Field::parse("customFields."), None);
    }
}
