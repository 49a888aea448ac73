//! A Contact Center contact's further email and phone rows ("Email 2", "Phone 3", …), each with
//! its remove button, and "Add email" / "Add phone". Legacy mode offers no Add (its endpoint
//! takes one email and one phone), but shows rows a draft brought, so they can be removed.

use crate::domain::catalogue::{plain, Say};
use crate::domain::field::{Field, Place};
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::saving::submit::Focus;
use crate::state::widget::session::Session;
use crate::view::input::{InputSpec, LabeledInput};
use leptos::prelude::*;

/// The texts of `field`'s rows: the label, the remove button's name, the add button.
fn texts(field: Field) -> (Text, Text, Text) {
    match field {
        Field::Phone => (Text::PhoneRow, Text::RemovePhone, Text::AddPhone),
        _ => (Text::EmailRow, Text::RemoveEmail, Text::AddEmail),
    }
}

/// Rows 1 and on of `field` (`Field::Email` or `Field::Phone`) and its Add button. `focus`
/// moves the focus once the rows are drawn again: to a new row, or after a removal to the row
/// that moved up, else the one above.
#[component]
pub fn MoreRows(
    /// What the widget's views share: settings, texts, ids.
    session: Session,
    /// The contact form's state.
    state: FormState,
    /// Which field's rows.
    field: Field,
    /// Focuses an input of the form.
    focus: Callback<Focus>,
    /// The first input's spec, which the rows share but for name, autocomplete and hint.
    spec: InputSpec,
) -> impl IntoView {
    let (label_key, remove_key, add_key) = texts(field);
    let focus_drawn = move |place: Place| {
        request_animation_frame(move || focus.run(Focus::Input(place)));
    };
    let row = move |row: usize| {
        let t = session.texts();
        let place = Place { field, row };
        let n = (row + 1).to_string();
        let name = place.input_name();
        let remove = view! {
            <button
                type="button"
                class="ocf-remove"
                aria-label=plain(&t.fill(remove_key, &[("n", &n)]))
                on:click=move |_| focus_drawn(state.remove_row(place))
            >
                "×"
            </button>
        };
        let error = Signal::derive(move || {
            let error = state.inputs().error_at(place)?;
            Some(error.say(&session.texts()))
        });
        view! {
            <LabeledInput
                id=session.id(&name)
                label=plain(&t.fill(label_key, &[("n", &n)]))
                spec=InputSpec {
                    name: name.into(),
                    autocomplete: "off",
                    hint: None,
                    ..spec.clone()
                }
                value=state.inputs().rows().value(field, row)
                error=error
                on_input=Callback::new(move |value| state.typed(place, value))
                after=Some(remove.into_any())
            />
        }
    };
    let add = move |_| focus_drawn(state.add_row(field));
    view! {
        {move || (1..=state.inputs().rows().count(field)).map(&row).collect_view()}
        {move || {
            session.is_contact_center().then(|| view! {
                <button type="button" class="ocf-secondary ocf-add" on:click=add>
                    {session.texts().get(add_key).to_owned()}
                </button>
            })
        }}
    }
}
