//! The inputs of the server's visitor custom fields, under the contact fields.

use crate::domain::custom_fields::{self, CustomField, FieldKind};
use crate::state::form_state::FormState;
use crate::state::session::Session;
use crate::view::input::{InputSpec, LabeledInput};
use leptos::prelude::*;

/// The `name` attribute of a custom field's input: its path in the request body.
pub fn input_name(id: &str) -> String {
    format!("customFields.{id}")
}

fn one(session: Session, state: FormState, field: CustomField) -> impl IntoView {
    let id = field.id.clone();
    let spec = InputSpec {
        name: input_name(&field.id).into(),
        kind: "text",
        autocomplete: "off",
        inputmode: None,
        hint: (!field.required).then_some("Optional."),
        required: field.required,
    };
    let options = match field.kind {
        FieldKind::Select(options) => options,
        FieldKind::Text => Vec::new(),
    };
    let value = {
        let id = id.clone();
        Signal::derive(move || state.custom_value(&id))
    };
    let on_input = {
        let id = id.clone();
        Callback::new(move |value: String| {
            state
                .custom
                .update(|c| custom_fields::set_value(c, &id, value));
            state.edited();
            // Re-check only a field already marked, so the error goes as soon as it is fixed.
            if state
                .custom_errors
                .with_untracked(|e| e.iter().any(|(k, _)| *k == id))
            {
                state.check_custom();
            }
        })
    };
    let error = {
        let id = id.clone();
        Signal::derive(move || {
            state.custom_errors.with(|errors| {
                errors
                    .iter()
                    .find(|(k, _)| *k == id)
                    .map(|(_, e)| e.to_string())
            })
        })
    };
    view! {
        <LabeledInput
            id=session.id(&format!("cf-{id}"))
            label=field.label
            spec=spec
            value=value
            on_input=on_input
            error=error
            options=options
        />
    }
}

/// One input per shown custom field, and a note when they could not be loaded.
#[component]
pub fn CustomInputs(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state, kept by the widget.
    state: FormState,
) -> impl IntoView {
    view! {
        {move || {
            state
                .custom_fields
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|field| one(session, state, field))
                .collect_view()
        }}
        <p class="ocf-note ocf-note--custom" hidden=move || state.custom_problem.with(Option::is_none)>
            {move || state.custom_problem.get().map(|e| format!(
                "The server's custom fields could not be loaded, so they are not shown; saving tries again. {e}"
            ))}
        </p>
    }
}
