//! "This contact has conflicting values": for each field with conflicts (name, contact
//! manager, each custom field by its label) a radio group of the stored value and each
//! conflicting one, each radio labelled by its value, the stored one chosen at first; and
//! **Resolve**, which saves the choice.

use crate::domain::conflicts::Field;
use crate::domain::field;
use crate::domain::merge::Part;
use crate::domain::texts::Text;
use crate::state::form::form_state::FormState;
use crate::state::resolving::resolve::{self, resolve};
use crate::state::saving::merging::label_of;
use crate::state::widget::session::Session;
use crate::view::notice::choice_groups;
use leptos::prelude::*;

/// The notice, while the contact the form shows has conflicting values.
#[component]
pub fn ConflictNotice(
    /// What the widget's views share: settings, sign-in, status.
    session: Session,
    /// The contact form's state.
    state: FormState,
) -> impl IntoView {
    let on_resolve = move |_| {
        session.spawn(async move {
            resolve(session, state).await;
        });
    };
    move || {
        let choices = resolve::shown(state);
        (!choices.is_empty()).then(|| {
            let t = session.texts();
            let custom = state.custom().shown();
            let groups = choices
                .into_iter()
                .map(|choice| {
                    let part = match &choice.field {
                        Field::Name => Part::Field(field::Field::Name),
                        Field::Manager => Part::Field(field::Field::ContactManager),
                        Field::Custom(key) => Part::Custom(key.clone()),
                    };
                    let legend = label_of(&t, &custom, &part);
                    let values = choice.values.into_iter().map(|(_, shown)| shown).collect();
                    (legend, values)
                })
                .collect();
            let none = t.get(Text::NoValue);
            let groups = choice_groups(
                session.id("conflict"),
                groups,
                none,
                state.conflicts(),
                false,
            );
            view! {
                <div class="ocf-notice ocf-conflicts" role="group" aria-label=t.get(Text::HasConflicts).to_owned()>
                    <p>{t.get(Text::HasConflicts).to_owned()}</p>
                    {groups}
                    <div class="ocf-actions">
                        <button type="button" class="ocf-primary" aria-disabled=move || session.writes().is_busy().to_string() on:click=on_resolve>
                            {t.get(Text::Resolve).to_owned()}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
