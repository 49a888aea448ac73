//! The inputs of the server's visitor custom fields, under the contact fields.

use crate::domain::catalogue::Say;
use crate::domain::custom_fields::{CustomField, FieldKind};
use crate::domain::markup::{live, Markup};
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::widget::session::Session;
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
        hint: (!field.required).then(|| session.texts_now().get(Text::Optional).into()),
        required: field.required,
        dir: "auto",
    };
    let options = match field.kind {
        FieldKind::Select(options) => options,
        FieldKind::Text => Vec::new(),
    };
    let value = {
        let id = id.clone();
        Signal::derive(move || state.custom().value(&id))
    };
    let on_input = {
        let id = id.clone();
        Callback::new(move |value: String| state.typed_custom(&id, value))
    };
    let error = {
        let id = id.clone();
        Signal::derive(move || Some(state.custom().error(&id)?.say(&session.texts())))
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
            choose=session.text(Text::Choose)
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
                .custom()
                .shown()
                .into_iter()
                .map(|field| one(session, state, field))
                .collect_view()
        }}
        <p
            class="ocf-note ocf-note--custom"
            hidden=move || state.custom().problem().is_none()
            inner_html=live(move || {
                let Some(e) = state.custom().problem() else { return Markup::new() };
                let t = session.texts();
                Markup::said(&t.fill(Text::CustomFieldsMissing, &[("error", &e.say(&t))]))
            })
        ></p>
    }
}
