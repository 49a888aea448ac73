//! "This contact has conflicting values": for each field with conflicts (name, contact
//! manager, each custom field by its label) a radio group of the stored value and each
//! conflicting one, each radio labelled by its value, the stored one chosen at first; and
//! **Resolve**, which saves the choice.

use crate::domain::conflicts::Field;
use crate::domain::texts::Text;
use crate::state::form_state::FormState;
use crate::state::resolve::{self, resolve};
use crate::state::session::Session;
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
            let group = session.id("conflict");
            let groups = choices.into_iter().enumerate().map(|(i, choice)| {
                let legend = match &choice.field {
                    Field::Name => t.get(Text::Name).to_owned(),
                    Field::Manager => t.get(Text::ContactManager).to_owned(),
                    Field::Custom(key) => custom
                        .iter()
                        .find(|f| f.id == *key)
                        .map(|f| f.label.clone())
                        .unwrap_or_else(|| key.clone()),
                };
                let name = format!("{group}-{i}");
                let radios = choice.values.into_iter().enumerate().map(|(j, (_, shown))| {
                    let shown = if shown.trim().is_empty() {
                        t.get(Text::NoValue).to_owned()
                    } else {
                        shown
                    };
                    view! {
                        <label class="ocf-radio">
                            <input
                                type="radio"
                                name=name.clone()
                                dir="auto"
                                prop:checked=move || state.conflicts().is_picked(i, j)
                                on:change=move |_| state.conflicts().pick(i, j)
                            />
                            <span dir="auto">{shown}</span>
                        </label>
                    }
                }).collect_view();
                view! {
                    <fieldset class="ocf-choice">
                        <legend>{legend}</legend>
                        {radios}
                    </fieldset>
                }
            }).collect_view();
            view! {
                <div class="ocf-notice ocf-conflicts" role="group" aria-label=t.get(Text::HasConflicts).to_owned()>
                    <p>{t.get(Text::HasConflicts).to_owned()}</p>
                    {groups}
                    <div class="ocf-actions">
                        <button type="button" class="ocf-primary" aria-disabled=move || state.is_saving().to_string() on:click=on_resolve>
                            {t.get(Text::Resolve).to_owned()}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
