//! The server's visitor custom fields on the form: which are shown, what is typed in them, their
//! marks, and why they could not be loaded.

use crate::api::refusal::refused_field;
use crate::api::reply::ApiError;
use crate::domain::custom_fields::{self, CustomField, CustomFieldError, Values};
use leptos::prelude::*;

/// The custom fields' part of the form (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct CustomFields {
    /// The fields the form shows, once loaded.
    shown: RwSignal<Option<Vec<CustomField>>>,
    /// Values by id: what is typed, and the record's fields the form does not show.
    values: RwSignal<Values>,
    /// Errors shown under the fields, by id.
    errors: RwSignal<Vec<(String, CustomFieldError)>>,
    /// Why the fields could not be loaded, if they could not.
    problem: RwSignal<Option<ApiError>>,
}

impl CustomFields {
    /// Not loaded yet, holding `values` (a restored draft's).
    pub fn new(values: Values) -> Self {
        CustomFields {
            shown: RwSignal::new(None),
            values: RwSignal::new(values),
            errors: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
        }
    }

    /// Whether the definitions are still to be loaded.
    pub fn needs_loading(&self) -> bool {
        self.shown.with_untracked(Option::is_none)
    }

    /// The definitions arrived: the form shows them.
    pub fn loaded(&self, fields: Vec<CustomField>) {
        self.problem.set(None);
        self.shown.set(Some(fields));
    }

    /// The definitions could not be loaded: said under the form, tried again at the next save.
    pub fn failed(&self, problem: ApiError) {
        self.problem.set(Some(problem));
    }

    /// The fields shown (tracked).
    pub fn shown(&self) -> Vec<CustomField> {
        self.shown.get().unwrap_or_default()
    }

    /// The fields shown (untracked: for a flow).
    pub fn shown_now(&self) -> Vec<CustomField> {
        self.shown.get_untracked().unwrap_or_default()
    }

    /// Why the fields are not shown (tracked), as the error's sentence.
    pub fn problem(&self) -> Option<ApiError> {
        self.problem.get()
    }

    /// What is typed in field `id` (tracked).
    pub fn value(&self, id: &str) -> String {
        self.values.with(|v| {
            custom_fields::value_of(v, id)
                .unwrap_or_default()
                .to_owned()
        })
    }

    /// Every value held, for drafts.
    pub fn values(&self) -> Values {
        self.values.get_untracked()
    }

    /// After an edit of field `id`: keeps the value, and re-checks the fields if that one is
    /// marked, so the mark goes as soon as it is fixed.
    pub fn set(&self, id: &str, value: String) {
        self.values
            .update(|v| custom_fields::set_value(v, id, value));
        if self
            .errors
            .with_untracked(|e| e.iter().any(|(k, _)| k == id))
        {
            self.check();
        }
    }

    /// Fills the fields still empty from `values` (what the user typed wins).
    pub fn fill_empty(&self, values: &[(String, String)]) {
        self.values.update(|typed| {
            for (id, value) in values {
                custom_fields::fill_empty(typed, id, value.clone());
            }
        });
    }

    /// Gives the empty fields their default values (a new contact's form).
    pub fn apply_defaults(&self) {
        let defaults: Values = self.shown.with_untracked(|shown| {
            shown
                .iter()
                .flatten()
                .filter_map(|f| Some((f.id.clone(), f.default_value.clone()?)))
                .collect()
        });
        self.fill_empty(&defaults);
    }

    /// Empties every value and mark ("New contact").
    pub fn clear(&self) {
        self.values.set(Values::new());
        self.errors.set(Vec::new());
    }

    /// Checks what is typed with the browser's RegExp; marks the errors and gives the first's
    /// id and how many there are.
    pub fn check(&self) -> (usize, Option<String>) {
        let errors = self.shown.with_untracked(|shown| {
            self.values.with_untracked(|typed| {
                custom_fields::check_all(
                    shown.as_deref().unwrap_or_default(),
                    typed,
                    crate::web::text::regexp_matches,
                )
            })
        });
        let first = errors.first().map(|(id, _)| id.clone());
        let count = errors.len();
        self.errors.set(errors);
        (count, first)
    }

    /// The error under field `id` (tracked).
    pub fn error(&self, id: &str) -> Option<CustomFieldError> {
        self.errors
            .with(|errors| errors.iter().find(|(k, _)| k == id).map(|(_, e)| e.clone()))
    }

    /// Marks the shown field a refusal of the server names, if it names one.
    pub fn mark_refused(&self, error: &ApiError) {
        let found = self
            .shown
            .with_untracked(|shown| refused_field(shown.as_deref().unwrap_or_default(), error));
        if let Some(refused) = found {
            self.errors.update(|e| e.push(refused));
        }
    }

    /// The `customFields` to send: `stored` (a loaded record's) with the shown fields as typed;
    /// with `shown_only`, just the shown fields (the Contact Center keeps the others itself and
    /// refuses keys that are not its fields).
    pub fn to_send(&self, stored: &[(String, String)], shown_only: bool) -> Values {
        self.shown.with_untracked(|shown| {
            let shown = shown.as_deref().unwrap_or_default();
            let values = self
                .values
                .with_untracked(|typed| custom_fields::to_send(stored, shown, typed));
            Self::keep(values, shown, shown_only)
        })
    }

    /// `values` as sent: with `shown_only`, just the shown fields (see [`CustomFields::to_send`]).
    pub fn as_sent(&self, values: Values, shown_only: bool) -> Values {
        self.shown.with_untracked(|shown| {
            Self::keep(values, shown.as_deref().unwrap_or_default(), shown_only)
        })
    }

    fn keep(mut values: Values, shown: &[CustomField], shown_only: bool) -> Values {
        if shown_only {
            values.retain(|(k, _)| shown.iter().any(|f| &f.id == k));
        }
        values
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::custom_fields::FieldKind;

    fn field(id: &str, required: bool, default_value: Option<&str>) -> CustomField {
        CustomField {
            id: id.into(),
            label: id.to_uppercase(),
            kind: FieldKind::Text,
            required,
            regexp: None,
            default_value: default_value.map(Into::into),
        }
    }

    #[test]
    fn a_required_field_is_marked_until_filled_and_defaults_never_replace_typing() {
        let custom = CustomFields::new(vec![("plan".into(), "gold".into())]);
        assert!(custom.needs_loading());
        custom.loaded(vec![
            field("plan", false, Some("basic")),
            field("ref", true, None),
            field("region", false, Some("eu")),
        ]);
        assert!(!custom.needs_loading());
        custom.apply_defaults();
        assert_eq!(custom.value("plan"), "gold", "typed wins over the default");
        assert_eq!(custom.value("region"), "eu");

        assert_eq!(custom.check(), (1, Some("ref".into())));
        assert!(custom.error("ref").is_some());
        custom.set("ref", "R-1".into());
        assert_eq!(
            custom.error("ref"),
            None,
            "a marked field is re-checked as typed"
        );

        // Fields the form does not show go back as stored; an emptied shown field is dropped.
        custom.set("region", String::new());
        let stored = [
            ("hidden".to_owned(), "x".to_owned()),
            ("region".to_owned(), "us".to_owned()),
        ];
        let sent = custom.to_send(&stored, false);
        assert_eq!(
            sent,
            vec![
                ("hidden".to_owned(), "x".to_owned()),
                ("plan".to_owned(), "gold".to_owned()),
                ("ref".to_owned(), "R-1".to_owned()),
            ]
        );
    }

    #[test]
    fn a_load_failure_is_said_until_the_fields_arrive() {
        let custom = CustomFields::new(Vec::new());
        custom.failed(ApiError::Network);
        assert!(custom.problem().is_some());
        custom.loaded(Vec::new());
        assert_eq!(custom.problem(), None);
    }
}
